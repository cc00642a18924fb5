"""The fast reader of plan files gives exactly the data the full reader gives, or gives up.

`planner.plan.fastread` takes only the layout `mvgplan plan` writes; on everything it
accepts, its data must equal `yamltree.parse`'s (the full reader, which stays the authority
with positions for every problem). Checked on plans with awkward text in every field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.catalog.yamltree import parse
from planner.plan.fastread import read_json, read_yaml

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

TEXT = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["null", "true", "~", "yes", "1177", "2027-W03", "a: b", "x #y", "'quoted'", "- dash", ""]),
)


def plans() -> st.SearchStrategy[dict[str, Any]]:
    step = st.fixed_dictionaries(
        {k: TEXT for k in ("unit", "service", "action", "channel", "week", "date", "binding", "reason")}
    )
    short = st.fixed_dictionaries({k: TEXT for k in ("unit", "service", "reason", "message")})
    return st.fixed_dictionaries(
        {
            "schema_version": st.sampled_from([1, "1", None]),
            "as_of": TEXT,
            "steps": st.lists(step, max_size=4),
            "unschedulable": st.lists(short, max_size=2),
            "summary": st.fixed_dictionaries({"enables": st.integers(0, 10**6), "end_week": TEXT}),
        }
    )


def full(text: str) -> Any:
    parsed = parse(text.encode("utf-8"), "plan.yaml", max_bytes=1 << 30, max_nodes=1 << 30, refuse_bidi=False)
    return parsed.data if parsed.trustworthy and not parsed.problems else "refused"


@settings(max_examples=300, deadline=None)
@given(plans())
def test_the_fast_yaml_reader_reads_what_the_full_reader_reads_or_gives_up(plan: dict[str, Any]) -> None:
    text = yaml.dump(plan, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    fast = read_yaml(text)
    if fast is not None:
        assert fast == full(text)


@settings(max_examples=300, deadline=None)
@given(plans())
def test_the_fast_json_reader_reads_what_the_full_reader_reads_up_to_json_types(plan: dict[str, Any]) -> None:
    text = json.dumps(plan, ensure_ascii=False, indent=2)
    fast = read_json(text)
    assert fast == json.loads(text)


def test_the_plans_the_tool_writes_take_the_fast_path(tmp_path: Any) -> None:
    from planner.cli.main import main

    out = tmp_path / "plan.yaml"
    mini = Path(__file__).parent / "fixtures" / "mini"
    assert main(["plan", "-c", str(mini), "--format", "yaml", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert read_yaml(text) == full(text)


def test_wrapped_and_quoted_values_are_read_as_yaml_reads_them() -> None:
    reason = "it's a long reason: with a colon, a 'quote' and # a hash, " * 3
    plan = {"steps": [{"unit": "hc-a", "reason": reason, "week": "2027-W03"}], "warnings": []}
    text = yaml.dump(plan, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    assert "\n    " in text  # wrapped over lines
    assert read_yaml(text) == full(text) == plan


def test_a_repeated_key_makes_the_fast_readers_give_up() -> None:
    assert read_yaml("a: 1\na: 2\n") is None
    assert read_json('{"a": 1, "a": 2}') is None
