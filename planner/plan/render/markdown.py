"""`--format markdown`: the plan as a report, for a pull-request comment or the nämnd.

GitHub-flavoured markdown that fits a pull-request comment (GitHub takes 65,536 characters;
the report aims at `LIMIT`): a summary table and the first weeks of the plan in full, every
step with why it lies in its week; the warnings; the unschedulable items grouped by reason and
e-tjänst (one row names every hälsocentral, as the text output does); then the later weeks
folded in a `<details>` block per quarter, one line per hälsocentral and week. Should a large
catalogue still not fit, the folded weeks drop their bindings, then their rows (`--format csv`
has every step); should it still not fit (a national catalogue: thousands of steps a week),
every table shows as many of its first rows as fit, the same number for each, and says how
many more there are and where they are. Cell text is escaped so a `|` in a reason cannot
break a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from planner.calendar import swedish_week_label
from planner.i18n import N_, _, ngettext
from planner.mdtable import COMMENT_LIMIT, Rows, fit, length
from planner.plan.model import Plan, Step
from planner.plan.render.labels import PLAN_TITLE, action_label, severity_word, unschedulable_label
from planner.plan.render.view import (
    Names,
    Week,
    counts,
    names,
    overrides_text,
    shown_units,
    sorted_warnings,
    start_moved,
    unschedulable_groups,
    week_or_none,
    weeks,
)
from planner.plan.texts import weeks as span

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

LIMIT = COMMENT_LIMIT
FIRST_WEEKS = 13
"""Weeks from the plan's first week shown in full: a quarter, the stretch a team plans for."""


def render(plan: Plan, catalog: Catalog) -> str:
    n = names(catalog)
    plan_weeks = weeks(plan, n)
    cut = plan.start_week.toordinal() + 7 * FIRST_WEEKS
    near = [w for w in plan_weeks if w.monday.toordinal() < cut]
    later = [w for w in plan_weeks if w.monday.toordinal() >= cut]
    head = [*_heading(plan, n), *_near(plan, near, n), *_warnings(plan, n), *_unschedulable(plan, n)]
    # The later weeks in as much detail as fits: with bindings, without, or only counted;
    # then, should the first weeks alone be too long, their tables cut (`fit`).
    if length(head) <= LIMIT:
        for detail in (2, 1):
            parts = [*head, *_later(later, n, detail)]
            if length(parts) <= LIMIT:
                return fit(parts, LIMIT)
    return fit([*head, *_later(later, n, 0)], LIMIT)


def _heading(plan: Plan, n: Names) -> list[str]:
    c = counts(plan)
    end = (
        _("{week} (week of {monday})").format(week=week_or_none(plan.end_week), monday=plan.end_week.isoformat())
        if plan.end_week
        else week_or_none(plan.end_week)
    )
    warnings = (
        _("{n} ({errors} of severity error)").format(n=c.warnings, errors=c.errors) if c.errors else str(c.warnings)
    )
    intro = [
        f"# {cell(_(PLAN_TITLE))}: {cell(n.region)}",
        "",
        _("{legacy} → {target}, as of {as_of}, catalogue `{digest}`.").format(
            legacy=cell(n.channel(n.legacy)),
            target=cell(n.channel(n.target)),
            as_of=plan.as_of.isoformat(),
            digest=plan.catalog_digest,
        ),
    ]
    if plan.configured_start_week is not None:
        intro += ["", cell(start_moved(plan))]
    if plan.shown_units:
        intro += ["", cell(shown_units(plan, n))]
    return [
        *intro,
        "",
        "## " + _("Summary"),
        "",
        *table(
            ["", ""],
            [
                [
                    _("First week"),
                    _("{week} (week of {monday})").format(
                        week=swedish_week_label(plan.start_week), monday=plan.start_week.isoformat()
                    ),
                ],
                [_("Last week"), end],
                [_("No plan can end before"), week_or_none(plan.lower_bound_week)],
                [_("Steps"), str(c.steps)],
                [_("Enables"), str(c.enables)],
                [_("Redirects"), str(c.redirects)],
                [_("Staff briefings"), str(c.briefings)],
                [_("Patient notices"), str(c.notices)],
                [_("Warnings"), warnings],
                [_("Unschedulable"), str(c.unschedulable)],
                [_("Overrides"), cell(overrides_text(plan))],
            ],
        ),
    ]


ALL_STEPS = N_("`mvgplan plan --format csv` has every step")
ALL_WARNINGS = N_("`mvgplan plan` (text) and `--format json` have every warning")
ALL_UNSCHEDULABLE = N_("`mvgplan plan` (text) and `--format json` have every unschedulable item")
UNITS_NAMED = 50
"""Hälsocentraler named in one unschedulable row at most; a region has about 40."""


def _near(plan: Plan, near: list[Week], n: Names) -> list[str | Rows]:
    last = date.fromordinal(plan.start_week.toordinal() + 7 * (FIRST_WEEKS - 1))
    title = _("The first {count} weeks: {weeks}").format(count=FIRST_WEEKS, weeks=span(plan.start_week, last))
    out: list[str | Rows] = ["", f"## {title}"]
    if not plan.steps:
        return [*out, "", _("Nothing to schedule.")]
    if not near:
        return [*out, "", _("No steps in these weeks.")]
    for week in near:
        out += ["", f"### {week.label}, {week.date.isoformat()}", ""]
        out += table([_("Hälsocentral"), _("Step"), _("E-tjänst"), _("Why this week")], [])
        rows = [
            row(
                [
                    cell(n.unit(s.unit)),
                    action_label(s.action),
                    cell(n.service(s.service)),
                    f"`{s.binding}`: {cell(s.reason)}",
                ]
            )
            for s in week.steps
        ]
        out.append(Rows(rows, _(ALL_STEPS)))
    return out


def _warnings(plan: Plan, n: Names) -> list[str | Rows]:
    out: list[str | Rows] = ["", "## " + _("Warnings"), ""]
    if not plan.warnings:
        return [*out, _("None.")]
    rows = [
        row(
            [
                severity_word(w.severity),
                f"`{w.code}`",
                cell(n.unit(w.unit)),
                cell(n.service(w.service)),
                cell(w.message),
            ]
        )
        for w in sorted_warnings(plan.warnings, n)
    ]
    return [
        *out,
        *table([_("Severity"), _("Code"), _("Hälsocentral"), _("E-tjänst"), _("Message")], []),
        Rows(rows, _(ALL_WARNINGS)),
    ]


def _unschedulable(plan: Plan, n: Names) -> list[str | Rows]:
    out: list[str | Rows] = ["", "## " + _("Unschedulable"), ""]
    if not plan.unschedulable:
        return [*out, _("None.")]
    rows = []
    for group in unschedulable_groups(plan, n):
        units = ", ".join(cell(n.unit(u)) for u in group.units[:UNITS_NAMED])
        if len(group.units) > UNITS_NAMED:
            more = len(group.units) - UNITS_NAMED
            units = _("{units} and {n} more").format(units=units, n=more)
        if len(group.units) > 1:
            units = ngettext("{n} hälsocentral: {units}", "{n} hälsocentraler: {units}", len(group.units)).format(
                n=len(group.units), units=units
            )
        reason = f"`{group.reason}`: {cell(unschedulable_label(group.reason))}"
        rows.append(row([reason, cell(n.service(group.service)), units, cell(group.message)]))
    return [
        *out,
        *table([_("Reason"), _("E-tjänst"), _("Hälsocentraler"), _("Message")], []),
        Rows(rows, _(ALL_UNSCHEDULABLE)),
    ]


def _quarter(monday: date) -> tuple[int, int]:
    iso = monday.isocalendar()
    return (iso.year, (min(iso.week, 52) - 1) // 13 + 1)


def _later(later: list[Week], n: Names, detail: int) -> list[str]:
    """The weeks after the first ones, folded per quarter of ISO weeks. `detail` 2: a line
    per hälsocentral and week, each step with its binding; 1: without bindings; 0: counts."""
    if not later:
        return []
    out = ["", f"## {_('Later weeks')}"]
    for (year, quarter), in_quarter in groupby(later, key=lambda w: _quarter(w.monday)):
        quarter_weeks = list(in_quarter)
        steps = sum(len(w.steps) for w in quarter_weeks)
        weeks_ = span(quarter_weeks[0].monday, quarter_weeks[-1].monday)
        summary = ngettext(
            "Q{quarter} {year} ({span}): {n} step", "Q{quarter} {year} ({span}): {n} steps", steps
        ).format(quarter=quarter, year=year, span=weeks_, n=steps)
        out += ["", "<details>", f"<summary>{cell(summary)}</summary>", ""]
        if detail == 0:
            out.append(_("Every step is in `mvgplan plan --format csv`."))
        else:
            rows = [
                [week.label, cell(n.unit(unit.unit)), "; ".join(_step(s, n, detail) for s in unit.steps)]
                for week in quarter_weeks
                for unit in week.units
            ]
            out += table([_("Week"), _("Hälsocentral"), _("Steps")], rows)
        out += ["", "</details>"]
    return out


def _step(step: Step, n: Names, detail: int) -> str:
    text = f"{action_label(step.action)} {cell(n.service(step.service))}"
    return f"{text} (`{step.binding}`)" if detail >= 2 else text


def cell(text: str) -> str:
    """Text safe inside a table cell: no line breaks, no bare `|`, no HTML."""
    text = " ".join(text.split())
    for raw, escaped in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "\\`")):
        text = text.replace(raw, escaped)
    return text


def row(cells: Sequence[str]) -> str:
    """One table row of cells already made safe (`cell`)."""
    return "| " + " | ".join(cells) + " |"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [row(header), "|" + "|".join("---" for _ in header) + "|", *(row(r) for r in rows)]
