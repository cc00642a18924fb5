"""`--format xlsx`: the plan as an Excel workbook (`planner.xlsx`), with `--out FILE` only.

The first sheet, `steps`, holds the csv's rows and columns, with the date as a real date;
`unschedulable` and `warnings` hold what the json holds under those keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.plan.model import Plan
from planner.plan.render.csv import HEADER, step_rows
from planner.plan.render.view import names
from planner.xlsx import Sheet, workbook

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog


def render_bytes(plan: Plan, catalog: Catalog) -> bytes:
    n = names(catalog)
    steps = step_rows(plan, catalog)
    unschedulable = [
        (u.unit, n.unit(u.unit), u.service, n.service(u.service), u.reason, u.message)
        for u in sorted(plan.unschedulable, key=lambda u: (u.unit, u.service))
    ]
    warnings = [
        (w.code, w.severity, w.unit, n.unit(w.unit), w.service, n.service(w.service), w.message)
        for w in sorted(plan.warnings, key=lambda w: (w.unit, w.service, w.code))
    ]
    return workbook(
        [
            Sheet("steps", HEADER, steps),
            Sheet(
                "unschedulable", ("unit", "unit_name", "service", "service_name", "reason", "message"), unschedulable
            ),
            Sheet(
                "warnings",
                ("code", "severity", "unit", "unit_name", "service", "service_name", "message"),
                warnings,
            ),
        ],
        plan.as_of,
    )
