"""`--format markdown`: progress for a pull-request comment or the nämnd's papers; a long one
is cut to fit a comment (`planner.mdtable.fit`)."""

from __future__ import annotations

from planner.i18n import N_, _
from planner.mdtable import Rows, fit
from planner.plan.render.markdown import cell, row, table
from planner.progress.model import Progress
from planner.progress.render import view

ALL_STEPS = N_("`mvgplan progress --format csv` has every step")


def render(progress: Progress) -> str:
    s = progress.summary
    out: list[str | Rows] = [
        "# " + cell(_("Progress against the baseline")),
        "",
        _("As of {as_of}, baseline {baseline}.").format(
            as_of=progress.as_of.isoformat(), baseline=f"`{cell(progress.baseline)}`"
        ),
        "",
        cell(view.end_line(progress)),
        "",
        cell(view.counts_line(progress)),
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
    late_units = view.lateness(progress)
    if late_units:
        rows = []
        for unit in late_units:
            label = cell(view.unit_label(progress, unit.unit))
            for step, overdue in unit.overdue:
                rows.append(
                    [
                        label,
                        f"`{step.service}`",
                        view.action_words(step.action),
                        view.week(step.planned_week),
                        cell(_("**overdue {weeks}**").format(weeks=view.weeks(overdue))),
                    ]
                )
            for step in unit.late:
                assert step.actual_date is not None and step.slip_weeks is not None
                status = _("done {date}, {weeks} late").format(
                    date=step.actual_date.isoformat(), weeks=view.weeks(step.slip_weeks)
                )
                rows.append(
                    [
                        label,
                        f"`{step.service}`",
                        view.action_words(step.action),
                        view.week(step.planned_week),
                        cell(status),
                    ]
                )
        out += [
            "",
            "## " + cell(_("Late, per hälsocentral (overdue first)")),
            "",
            *table([_("Hälsocentral"), _("E-tjänst"), _("Step"), _("Planned"), _("Status")], []),
            Rows([row(r) for r in rows], _(ALL_STEPS)),
        ]
    for title, status in ((_("Due this week"), "due"), (_("Dropped"), "dropped")):
        chosen = view.with_status(progress, status)
        if chosen:
            rows = [
                [
                    cell(view.unit_label(progress, t.unit)),
                    f"`{t.service}`",
                    view.action_words(t.action),
                    view.week(t.planned_week),
                ]
                for t in chosen
            ]
            out += [
                "",
                "## " + cell(title),
                "",
                *table([_("Hälsocentral"), _("E-tjänst"), _("Step"), _("Planned")], []),
                Rows([row(r) for r in rows], _(ALL_STEPS)),
            ]
    if progress.new:
        rows = [
            [cell(view.unit_label(progress, n.unit)), f"`{n.service}`", view.action_words(n.action), view.week(n.week)]
            for n in progress.new
        ]
        out += [
            "",
            "## " + cell(_("New since the baseline")),
            "",
            *table([_("Hälsocentral"), _("E-tjänst"), _("Step"), _("Planned")], []),
            Rows([row(r) for r in rows], _(ALL_STEPS)),
        ]
    first = view.next_upcoming(progress)
    if first is not None:
        out += ["", cell(_("The next upcoming step is planned for {week}.").format(week=view.week(first)))]
    return fit(out)
