"""What the human formats (text, markdown) show, worked out once: late steps per unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.calendar import monday_of, swedish_week_label, weeks_between
from planner.collation import name_key
from planner.i18n import _, ngettext
from planner.progress.model import Progress, TrackedStep


@dataclass(frozen=True)
class UnitLateness:
    unit: str
    name: str
    overdue: tuple[tuple[TrackedStep, int], ...]
    """Undone steps past their week, each with how many weeks overdue; most overdue first."""
    late: tuple[TrackedStep, ...]
    """Steps done later than planned; latest first."""


def unit_label(progress: Progress, unit: str) -> str:
    name = progress.unit_names.get(unit)
    return f"{name} ({unit})" if name else unit


def lateness(progress: Progress) -> list[UnitLateness]:
    """Every unit with an overdue or late step: units with overdue steps first, then by name."""
    this_week = monday_of(progress.as_of)
    overdue: dict[str, list[tuple[TrackedStep, int]]] = {}
    late: dict[str, list[TrackedStep]] = {}
    for t in progress.steps:
        if t.status == "overdue":
            overdue.setdefault(t.unit, []).append((t, weeks_between(t.planned_week, this_week)))
        elif t.status == "done" and t.slip_weeks is not None and t.slip_weeks > 0:
            late.setdefault(t.unit, []).append(t)
    found = [
        UnitLateness(
            unit,
            progress.unit_names.get(unit, unit),
            tuple(sorted(overdue.get(unit, []), key=lambda p: (-p[1], p[0].service, p[0].action))),
            tuple(sorted(late.get(unit, []), key=lambda t: (-(t.slip_weeks or 0), t.service, t.action))),
        )
        for unit in {*overdue, *late}
    ]
    return sorted(found, key=lambda u: (not u.overdue, name_key(u.name), u.unit))


def with_status(progress: Progress, status: str) -> list[TrackedStep]:
    """The baseline's steps with this status, by hälsocentral name, then unit id, then e-tjänst."""
    steps = [t for t in progress.steps if t.status == status]
    return sorted(steps, key=lambda t: (name_key(progress.unit_names.get(t.unit, t.unit)), t.unit, t.service))


def week(day: date | None) -> str:
    return swedish_week_label(day) if day is not None else _("unknown")


def weeks(n: int) -> str:
    return ngettext("{n} week", "{n} weeks", n).format(n=n)


def action_words(action: str) -> str:
    return _("enable") if action == "enable" else _("redirect")


def end_line(progress: Progress) -> str:
    s = progress.summary
    base, forecast = week(s.baseline_end_week), week(s.forecast_end_week)
    if s.slip_weeks is None:
        return _("The baseline ends {base}; the current plan ends {forecast}.").format(base=base, forecast=forecast)
    if s.slip_weeks > 0:
        text = ngettext(
            "The baseline ends {base}; the current plan ends {forecast}, {n} week later.",
            "The baseline ends {base}; the current plan ends {forecast}, {n} weeks later.",
            s.slip_weeks,
        )
    elif s.slip_weeks < 0:
        text = ngettext(
            "The baseline ends {base}; the current plan ends {forecast}, {n} week earlier.",
            "The baseline ends {base}; the current plan ends {forecast}, {n} weeks earlier.",
            -s.slip_weeks,
        )
    else:
        text = _("The baseline ends {base}; the current plan ends the same week.")
    return text.format(base=base, forecast=forecast, n=abs(s.slip_weeks))


def counts_line(progress: Progress) -> str:
    s = progress.summary
    return _(
        "{tracked}: {done} done ({on_time} on time, {late} late), {overdue} overdue, {due} due this week, "
        "{upcoming} upcoming, {dropped} dropped; {new}."
    ).format(
        tracked=ngettext("{n} tracked step", "{n} tracked steps", s.tracked).format(n=s.tracked),
        done=s.done,
        on_time=s.on_time,
        late=s.late,
        overdue=s.overdue,
        due=s.due,
        upcoming=s.upcoming,
        dropped=s.dropped,
        new=ngettext("{n} new step", "{n} new steps", s.new).format(n=s.new),
    )


def next_upcoming(progress: Progress) -> date | None:
    weeks_ahead = [t.planned_week for t in progress.steps if t.status == "upcoming"]
    return min(weeks_ahead) if weeks_ahead else None
