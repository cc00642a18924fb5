"""`--format json` and `--format yaml`: the plan as data, in the shape docs/planning.md documents.

Both are the same dict from `plan_to_dict`, so a yaml plan and a json plan of one catalogue
hold the same values; `mvgplan diff` and `--check` read either back.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import yaml

from planner.plan.model import Plan
from planner.plan.serialize import plan_to_dict

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog


def render_json(plan: Plan, catalog: Catalog) -> str:
    """The catalogue is not needed: data carries ids, and ids are the contract."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


# libyaml's emitter writes the same bytes as the pure-Python one for this data (plain
# scalars, block style, default width) and is three times faster on a national plan.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def render_yaml(plan: Plan, catalog: Catalog) -> str:
    text: str = yaml.dump(plan_to_dict(plan), Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    return text
