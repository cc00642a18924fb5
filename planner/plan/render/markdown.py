"""`--format markdown`: the plan as a report, for a pull-request comment or the nämnd.

GitHub-flavoured markdown: a summary table, the warnings and unschedulable items as tables,
then one table per week. Cell text is escaped so a `|` in a reason cannot break a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.calendar import swedish_week_label
from planner.plan.model import Plan
from planner.plan.render.labels import PLAN_TITLE, UNSCHEDULABLE_LABELS, action_label, binding_label
from planner.plan.render.view import (
    counts,
    names,
    overrides_text,
    sorted_unschedulable,
    sorted_warnings,
    week_or_none,
    weeks,
)

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog


def render(plan: Plan, catalog: Catalog) -> str:
    n = names(catalog)
    c = counts(plan)
    end = f"{week_or_none(plan.end_week)}" + (f" (week of {plan.end_week.isoformat()})" if plan.end_week else "")
    warnings = str(c.warnings) + (f" ({c.errors} of severity error)" if c.errors else "")
    out = [
        f"# {cell(PLAN_TITLE)}: {cell(n.region)}",
        "",
        f"{cell(n.channel(n.legacy))} → {cell(n.channel(n.target))}, as of {plan.as_of.isoformat()}, "
        f"catalogue `{plan.catalog_digest}`.",
        "",
        "## Summary",
        "",
        *table(
            ["", ""],
            [
                ["First week", f"{swedish_week_label(plan.start_week)} (week of {plan.start_week.isoformat()})"],
                ["Last week", end],
                ["No plan can end before", week_or_none(plan.lower_bound_week)],
                ["Enables", str(c.enables)],
                ["Redirects", str(c.redirects)],
                ["Staff briefings", str(c.briefings)],
                ["Warnings", warnings],
                ["Unschedulable", str(c.unschedulable)],
                ["Overrides", cell(overrides_text(plan))],
            ],
        ),
        "",
        "## Warnings",
        "",
    ]
    if plan.warnings:
        rows = [
            [w.severity, f"`{w.code}`", cell(n.unit(w.unit)), cell(n.service(w.service)), cell(w.message)]
            for w in sorted_warnings(plan.warnings)
        ]
        out += table(["Severity", "Code", "Hälsocentral", "E-tjänst", "Message"], rows)
    else:
        out.append("None.")
    out += ["", "## Unschedulable", ""]
    if plan.unschedulable:
        rows = [
            [
                f"`{u.reason}`: {cell(UNSCHEDULABLE_LABELS.get(u.reason, u.reason))}",
                cell(n.unit(u.unit)),
                cell(n.service(u.service)),
                cell(u.message),
            ]
            for u in sorted_unschedulable(plan.unschedulable)
        ]
        out += table(["Reason", "Hälsocentral", "E-tjänst", "Message"], rows)
    else:
        out.append("None.")
    out += ["", "## Week by week"]
    if not plan.steps:
        out += ["", "Nothing to schedule."]
    for week in weeks(plan):
        out += ["", f"### {week.label}, {week.date.isoformat()}", ""]
        rows = [
            [
                cell(n.unit(s.unit)),
                cell(n.service(s.service)),
                action_label(s.action),
                cell(n.channel(s.channel)),
                f"`{s.binding}`: {cell(binding_label(s.binding))}",
                cell(s.reason),
            ]
            for s in week.steps
        ]
        out += table(["Hälsocentral", "E-tjänst", "Step", "Channel", "Binding", "Reason"], rows)
    return "\n".join(out) + "\n"


def cell(text: str) -> str:
    """Text safe inside a table cell: no line breaks, no bare `|`, no HTML."""
    text = " ".join(text.split())
    for raw, escaped in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "\\`")):
        text = text.replace(raw, escaped)
    return text


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
