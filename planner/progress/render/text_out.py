"""`--format text` (default): what is late and by how much, per hälsocentral, overdue first."""

from __future__ import annotations

from planner.i18n import _, ngettext
from planner.progress.model import Progress
from planner.progress.render import view


def render(progress: Progress) -> str:
    out = [
        _("Progress as of {as_of} against the baseline {baseline}").format(
            as_of=progress.as_of.isoformat(), baseline=progress.baseline
        ),
        view.end_line(progress),
        view.counts_line(progress),
    ]
    late_units = view.lateness(progress)
    if late_units:
        out += ["", _("Late, per hälsocentral (overdue first):")]
    for unit in late_units:
        out.append(f"  {view.unit_label(progress, unit.unit)}")
        for step, overdue in unit.overdue:
            out.append(
                "    "
                + _("OVERDUE {weeks}: {action} {service} in {channel}, planned {week}").format(
                    weeks=view.weeks(overdue),
                    action=view.action_words(step.action),
                    service=step.service,
                    channel=step.channel,
                    week=view.week(step.planned_week),
                )
            )
        for step in unit.late:
            assert step.actual_date is not None and step.slip_weeks is not None
            out.append(
                "    "
                + _("done {weeks} late: {action} {service} in {channel}, planned {week}, done {date}").format(
                    weeks=view.weeks(step.slip_weeks),
                    action=view.action_words(step.action),
                    service=step.service,
                    channel=step.channel,
                    week=view.week(step.planned_week),
                    date=step.actual_date.isoformat(),
                )
            )
    due = view.with_status(progress, "due")
    if due:
        out += ["", _("Due this week ({week}):").format(week=view.week(due[0].planned_week))]
        out += [f"  {_step(progress, t.unit, t.action, t.service, t.channel)}" for t in due]
    dropped = view.with_status(progress, "dropped")
    if dropped:
        out += ["", _("Dropped (the current catalogue no longer needs them):")]
        out += [
            "  "
            + _("{step}, planned {week}").format(
                step=_step(progress, t.unit, t.action, t.service, t.channel), week=view.week(t.planned_week)
            )
            for t in dropped
        ]
    if progress.new:
        out += ["", _("New since the baseline:")]
        out += [
            "  "
            + _("{step}, planned {week}").format(
                step=_step(progress, n.unit, n.action, n.service, n.channel), week=view.week(n.week)
            )
            for n in progress.new
        ]
    upcoming = progress.summary.upcoming
    first = view.next_upcoming(progress)
    if first is not None:
        text = ngettext("{n} step upcoming, the first in {week}.", "{n} steps upcoming, the first in {week}.", upcoming)
        out += ["", text.format(n=upcoming, week=view.week(first))]
    if progress.summary.overdue == 0:
        out += ["", _("Nothing is overdue.")]
    return "\n".join(out) + "\n"


def _step(progress: Progress, unit: str, action: str, service: str, channel: str) -> str:
    return _("{unit}: {action} {service} in {channel}").format(
        unit=view.unit_label(progress, unit), action=view.action_words(action), service=service, channel=channel
    )
