"""`--format text`: the plan for a person at a terminal, week by week and unit by unit.

Order: a heading (what, as of when, which overrides), the warnings, the unschedulable items,
the steps week by week, and one summary line with the end week and its lower bound.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.calendar import swedish_week_label
from planner.i18n import _, ngettext
from planner.plan.model import Plan
from planner.plan.render.labels import PLAN_TITLE, action_label, severity_word, step_counts
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
        f"{_(PLAN_TITLE)}: {n.region}, {n.channel(n.legacy)} → {n.channel(n.target)}",
        _("As of {as_of}; starts {week} (week of {monday}); catalogue {digest}").format(
            as_of=plan.as_of.isoformat(),
            week=swedish_week_label(plan.start_week),
            monday=plan.start_week.isoformat(),
            digest=short_digest(plan.catalog_digest),
        ),
    ]
    if plan.configured_start_week is not None:
        lines.append(start_moved(plan))
    if plan.shown_units:
        lines.append(shown_units(plan, n))
    return [*lines, _("Overrides: {overrides}").format(overrides=overrides_text(plan))]


def _warnings(plan: Plan, n: Names) -> list[str]:
    c = counts(plan)
    if not plan.warnings:
        return [_("Warnings: none")]
    if c.errors:
        head = ngettext("Warnings: {n}, {errors} error", "Warnings: {n}, {errors} errors", c.errors)
    else:
        head = _("Warnings: {n}")
    head = head.format(n=c.warnings, errors=c.errors)
    rows = [
        [severity_word(w.severity), w.code, _unit(n, w.unit), n.service(w.service), w.message]
        for w in sorted_warnings(plan.warnings, n)
    ]
    return [head, *columns(rows, indent="  ")]


def _unschedulable(plan: Plan, n: Names) -> list[str]:
    if not plan.unschedulable:
        return [_("Unschedulable: none")]
    rows = []
    for group in unschedulable_groups(plan, n):
        units = group.units
        where = (
            _unit(n, units[0])
            if len(units) == 1
            else _("{n} hälsocentraler: {units}").format(n=len(units), units=", ".join(units))
        )
        rows.append([group.reason, n.service(group.service), where])
        rows.append(["", "", group.message])
    return [_("Unschedulable: {n}").format(n=len(plan.unschedulable)), *columns(rows, indent="  ")]


def _steps(plan: Plan, n: Names) -> list[str]:
    if not plan.steps:
        return [_("Steps: none (nothing to schedule)")]
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
    kinds = step_counts(c.enables, c.redirects, c.briefings, c.notices)
    done = ngettext("{n} step ({kinds})", "{n} steps ({kinds})", c.steps).format(n=c.steps, kinds=kinds)
    if plan.end_week is None:
        return _("Summary: {steps}; nothing to schedule.").format(steps=done)
    values = {
        "steps": done,
        "week": swedish_week_label(plan.end_week),
        "monday": plan.end_week.isoformat(),
        "bound": swedish_week_label(plan.lower_bound_week) if plan.lower_bound_week is not None else "",
    }
    if plan.lower_bound_week is None:
        return _("Summary: {steps}; ends {week} (week of {monday}).").format(**values)
    return _("Summary: {steps}; ends {week} (week of {monday}); no plan can end before {bound}.").format(**values)
