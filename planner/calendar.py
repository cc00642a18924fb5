"""The Swedish calendar and ISO-week arithmetic the planner works in.

The plan is laid out in ISO weeks (a week is named by its Monday), and every step is dated
on the first Swedish working day of its week. Week arithmetic is done on dates, never on
week numbers, because ISO years have 52 or 53 weeks (2026 has 53).

Everything here is pure: no clock, no files. The holiday table comes from the `holidays`
package, imported lazily and cached per year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

__all__ = [
    "add_weeks",
    "first_monday_after",
    "first_monday_after_ordinal",
    "first_week_dated_from",
    "first_working_day",
    "holiday_name",
    "is_working_day",
    "iso_week_label",
    "monday_from_label",
    "monday_of",
    "swedish_week_label",
    "week_overlaps",
    "weeks_between",
]

# ASCII digits only: `\d` would also accept digits from other scripts, which `int()` then
# quietly converts, so "２０２７-W03" would pass as a week label.
_LABEL = re.compile(r"([0-9]{4})-W([0-9]{2})")

_DAYS_PER_WEEK = 7
_FRIDAY = 4  # date.weekday(): Monday is 0


def monday_of(d: date) -> date:
    """The Monday of the ISO week that contains `d`."""
    return d - timedelta(days=d.weekday())


def add_weeks(monday: date, n: int) -> date:
    """The date `n` weeks after `monday` (before it when `n` is negative)."""
    return monday + timedelta(weeks=n)


def first_monday_after_ordinal(day: date) -> int:
    """`first_monday_after(day)` as an ordinal, which exists even past 9999-12-31 (validation
    compares it with the latest start the calendar allows)."""
    return day.toordinal() + _DAYS_PER_WEEK - day.weekday()


def first_monday_after(day: date) -> date:
    """The first Monday strictly after `day`: the default plan start, and the earliest week
    of every plan made as of `day` (the rolling start, SPEC §4). `OverflowError` past 9999."""
    return date.fromordinal(first_monday_after_ordinal(day))


def weeks_between(a: date, b: date) -> int:
    """How many ISO weeks lie from `a`'s week to `b`'s week (negative when `b` is earlier)."""
    return (monday_of(b) - monday_of(a)).days // _DAYS_PER_WEEK


def iso_week_label(d: date) -> str:
    """The ISO week of `d` as `2027-W03`.

    The year is the ISO year, which differs from the calendar year around New Year:
    2027-01-01 belongs to `2026-W53`.
    """
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def monday_from_label(label: str) -> date:
    """The Monday of the ISO week written `2027-W03`; `ValueError` if it is not one."""
    match = _LABEL.fullmatch(label)
    if match is None:
        raise ValueError(f"not an ISO week (expected YYYY-Www, e.g. 2027-W03): {label!r}")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        # fromisocalendar rejects week 0, week 53 of a 52-week year, and year 0.
        return date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"no such ISO week: {label!r}") from None


def swedish_week_label(d: date) -> str:
    """The week of `d` the way Swedes write it: `v. 3 (2027)` (ISO week and ISO year)."""
    iso = d.isocalendar()
    return f"v. {iso.week} ({iso.year})"


@cache
def _days_off(year: int) -> Mapping[date, str]:
    """Swedish public holidays and the de facto days off (aftnar) of `year`, by date.

    Public holidays are those of lag (1989:253) om allmänna helgdagar. Julafton,
    midsommarafton and nyårsafton are not in the law but clinics are closed then, so a
    step dated on one would never happen; holidays files them under `de_facto`.
    Cached per year: the planner asks for the same few years thousands of times.
    """
    # Imported here, not at module level: importing holidays and loading its Swedish
    # translations costs about a tenth of a second, and `mvgplan check` (run on every
    # catalogue commit) imports this module but never asks for a working day.
    import holidays

    table = holidays.country_holidays(
        "SE",
        years=year,
        language="sv",
        categories=("public", "de_facto"),
        # Sweden's law counts every Sunday as a holiday and the library can list them;
        # weekends are handled by weekday() instead, so holiday_name() only names real ones.
        include_sundays=False,
    )
    return MappingProxyType(dict(table.items()))


def holiday_name(d: date) -> str | None:
    """The Swedish name of `d` if it is a public holiday or a day-off afton, else None."""
    return _days_off(d.year).get(d)


def is_working_day(d: date) -> bool:
    """Whether `d` is a Swedish working day: Monday–Friday and not a holiday or afton."""
    return d.weekday() <= _FRIDAY and d not in _days_off(d.year)


def first_working_day(monday: date) -> date:
    """The first working day of the ISO week starting `monday`.

    A week with no working day at all does not occur in Sweden; should a future calendar
    produce one, the Monday still names the week, so it is returned.
    """
    monday = monday_of(monday)
    for offset in range(_FRIDAY + 1):
        day = monday + timedelta(days=offset)
        if is_working_day(day):
            return day
    return monday


def first_week_dated_from(day: date) -> date:
    """The Monday of the first week whose date (its first working day) is on or after `day`.

    A plan starting on `day` begins in that week, so no step's week or date lies before it
    (a start on Tuesday 2029-01-02, after nyårsdagen, keeps its week); an enable may not lie
    before mvg_ready, so `mvg_ready` gives its first week the same way.

    After a `day` late in the calendar's last week (9999-12-28 and on) no week follows: its
    Monday stands for it. No plan reaches that far (validation keeps every horizon a week
    short of 9999-12-31), so such an mvg_ready is past the horizon either way.
    """
    monday = monday_of(day)
    if first_working_day(monday) >= day or monday > date.max - timedelta(weeks=1):
        return monday
    return monday + timedelta(weeks=1)


def week_overlaps(monday: date, start: date, end: date) -> bool:
    """Whether the ISO week of `monday` shares at least one day with `start`…`end`.

    Both ends of the range are inclusive, so a blackout ending on a Monday still blocks
    that whole week. An empty range (`start` after `end`) overlaps nothing.
    """
    monday = monday_of(monday)
    sunday = monday + timedelta(days=_DAYS_PER_WEEK - 1)
    return start <= end and start <= sunday and monday <= end
