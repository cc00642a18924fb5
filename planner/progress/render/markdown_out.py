"""`--format markdown`: progress for a pull-request comment or the nämnd's papers."""

from __future__ import annotations

from planner.i18n import _
from planner.plan.render.markdown import cell, table
from planner.progress.model import Progress
from planner.progress.render.view import (
    action_words,
    counts_line,
    end_line,
    lateness,
    next_upcoming,
    unit_label,
    week,
    weeks,
    with_status,
)


def render(progress: Progress) -> str:
    s = progress.summary
    out = [
        "# " + cell(_("Progress against the baseline")),
        "",
        _("As of {as_of}, baseline {baseline}.").format(
            as_of=progress.as_of.isoformat(), baseline=f"`{cell(progress.baseline)}`"
        ),
        "",
        cell(end_line(progress)),
        "",
        cell(counts_line(progress)),
        "",
        "## " + cell(_("Summary")),
        "",
        *table(
            [_("Status"), _("Steps")],
            [
                [_("done on time"), str(s.on_time)],
                [_("done late"), str(s.late)],
                [_("done, no date"), str(s.done - s.on_time - s.late)],
                [_("overdue"), str(s.overdue)],
                [_("due this week"), str(s.due)],
                [_("upcoming"), str(s.upcoming)],
                [_("dropped"), str(s.dropped)],
                [_("new"), str(s.new)],
            ],
        ),
    ]
    late_units = lateness(progress)
    if late_units:
        rows = []
        for unit in late_units:
            label = cell(unit_label(progress, unit.unit))
            for step, overdue in unit.overdue:
                rows.append(
                    [
                        label,
                        f"`{step.service}`",
                        action_words(step.action),
                        week(step.planned_week),
                        cell(_("**overdue {weeks}**").format(weeks=weeks(overdue))),
                    ]
                )
            for step in unit.late:
                assert step.actual_date is not None and step.slip_weeks is not None
                status = _("done {date}, {weeks} late").format(
                    date=step.actual_date.isoformat(), weeks=weeks(step.slip_weeks)
                )
                rows.append(
                    [label, f"`{step.service}`", action_words(step.action), week(step.planned_week), cell(status)]
                )
        out += [
            "",
            "## " + cell(_("Late, per hälsocentral (overdue first)")),
            "",
            *table([_("Hälsocentral"), _("E-tjänst"), _("Step"), _("Planned"), _("Status")], rows),
        ]
    for title, status in ((_("Due this week"), "due"), (_("Dropped"), "dropped")):
        chosen = with_status(progress, status)
        if chosen:
            rows = [
                [cell(unit_label(progress, t.unit)), f"`{t.service}`", action_words(t.action), week(t.planned_week)]
                for t in chosen
            ]
            out += [
                "",
                "## " + cell(title),
                "",
                *table([_("Hälsocentral"), _("E-tjänst"), _("Step"), _("Planned")], rows),
            ]
    if progress.new:
        rows = [
            [cell(unit_label(progress, n.unit)), f"`{n.service}`", action_words(n.action), week(n.week)]
            for n in progress.new
        ]
        out += [
            "",
            "## " + cell(_("New since the baseline")),
            "",
            *table([_("Hälsocentral"), _("E-tjänst"), _("Step"), _("Planned")], rows),
        ]
    first = next_upcoming(progress)
    if first is not None:
        out += ["", cell(_("The next upcoming step is planned for {week}.").format(week=week(first)))]
    return "\n".join(out) + "\n"
