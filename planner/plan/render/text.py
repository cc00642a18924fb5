"""`--format text`: the plan for a person at a terminal, week by week and unit by unit.

Order: a heading (what, as of when, which overrides), the warnings, the unschedulable items,
the steps week by week, and one summary line with the end week and its lower bound.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.calendar import swedish_week_label
from planner.i18n import ngettext
from planner.plan.model import Plan
from planner.plan.render.labels import PLAN_TITLE, action_label, plural
from planner.plan.render.view import (
    Names,
    columns,
    counts,
    names,
    overrides_text,
    short_digest,
    shown_units,
    sorted_warnings,
    start_moved,
    unschedulable_groups,
    weeks,
)

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog


def render(plan: Plan, catalog: Catalog) -> str:
    n = names(catalog)
    lines = _heading(plan, n)
    lines += ["", *_warnings(plan, n), "", *_unschedulable(plan, n), "", *_steps(plan, n), "", _summary(plan)]
    return "\n".join(lines) + "\n"


def _unit(n: Names, unit_id: str) -> str:
    name = n.unit(unit_id)
    return name if name == unit_id else f"{name} ({unit_id})"


def _heading(plan: Plan, n: Names) -> list[str]:
    lines = [
        f"{PLAN_TITLE}: {n.region}, {n.channel(n.legacy)} → {n.channel(n.target)}",
        f"As of {plan.as_of.isoformat()}; starts {swedish_week_label(plan.start_week)} "
        f"(week of {plan.start_week.isoformat()}); catalogue {short_digest(plan.catalog_digest)}",
    ]
    if plan.configured_start_week is not None:
        lines.append(start_moved(plan))
    if plan.shown_units:
        lines.append(shown_units(plan, n))
    return [*lines, f"Overrides: {overrides_text(plan)}"]


def _warnings(plan: Plan, n: Names) -> list[str]:
    c = counts(plan)
    if not plan.warnings:
        return ["Warnings: none"]
    head = f"Warnings: {c.warnings}" + (f", {plural(c.errors, 'error')}" if c.errors else "")
    rows = [
        [w.severity, w.code, _unit(n, w.unit), n.service(w.service), w.message]
        for w in sorted_warnings(plan.warnings, n)
    ]
    return [head, *columns(rows, indent="  ")]


def _unschedulable(plan: Plan, n: Names) -> list[str]:
    if not plan.unschedulable:
        return ["Unschedulable: none"]
    rows = []
    for group in unschedulable_groups(plan, n):
        units = group.units
        where = _unit(n, units[0]) if len(units) == 1 else f"{len(units)} hälsocentraler: {', '.join(units)}"
        rows.append([group.reason, n.service(group.service), where])
        rows.append(["", "", group.message])
    return [f"Unschedulable: {len(plan.unschedulable)}", *columns(rows, indent="  ")]


def _steps(plan: Plan, n: Names) -> list[str]:
    if not plan.steps:
        return ["Steps: none (nothing to schedule)"]
    plan_weeks = weeks(plan, n)
    # One table for the whole plan, so the columns line up from week to week.
    rows = [
        [action_label(s.action), s.channel, n.service(s.service), f"[{s.binding}] {s.reason}"]
        for week in plan_weeks
        for s in week.steps
    ]
    formatted = iter(columns(rows, indent="    "))
    lines = [steps_line(plan, plan_weeks[0].monday, plan_weeks[-1].monday, len(plan_weeks))]
    for week in plan_weeks:
        lines += ["", f"{week.label}, {week.date.isoformat()}"]
        for unit in week.units:
            lines.append(f"  {_unit(n, unit.unit)}")
            lines += [next(formatted) for _ in unit.steps]
    return lines


def steps_line(plan: Plan, first: date, last: date, busy: int) -> str:
    """`Steps: 508 from v. 2 (2027) to v. 33 (2027), in 31 of those 32 weeks`: the same steps and
    the same last week as the summary line counts and names."""
    span = (last - first).days // 7 + 1
    return ngettext(
        "Steps: {n} from {first} to {last}, in {busy} of those {span} weeks",
        "Steps: {n} from {first} to {last}, in {busy} of those {span} weeks",
        len(plan.steps),
    ).format(n=len(plan.steps), first=swedish_week_label(first), last=swedish_week_label(last), busy=busy, span=span)


def _summary(plan: Plan) -> str:
    c = counts(plan)
    kinds = [
        plural(c.enables, "enable"),
        plural(c.redirects, "redirect"),
        plural(c.briefings, "staff briefing"),
        ngettext("{n} patient notice", "{n} patient notices", c.notices).format(n=c.notices),
    ]
    done = ngettext("{n} step ({kinds})", "{n} steps ({kinds})", c.steps).format(n=c.steps, kinds=", ".join(kinds))
    if plan.end_week is None:
        end = "nothing to schedule"
    else:
        end = f"ends {swedish_week_label(plan.end_week)} (week of {plan.end_week.isoformat()})"
    bound = (
        f"; no plan can end before {swedish_week_label(plan.lower_bound_week)}"
        if plan.lower_bound_week is not None
        else ""
    )
    return f"Summary: {done}; {end}{bound}."
