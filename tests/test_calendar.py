"""The Swedish calendar and ISO-week arithmetic (planner.calendar)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.calendar import (
    add_weeks,
    first_working_day,
    holiday_name,
    is_working_day,
    iso_week_label,
    monday_from_label,
    monday_of,
    swedish_week_label,
    week_overlaps,
    weeks_between,
)

REPO = Path(__file__).resolve().parents[1]

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


# --- ISO weeks ---------------------------------------------------------------------------


def test_2026_has_53_iso_weeks() -> None:
    assert iso_week_label(date(2026, 12, 28)) == "2026-W53"
    assert weeks_between(monday_from_label("2026-W01"), monday_from_label("2027-W01")) == 53


def test_new_years_eve_2026_and_new_years_day_2027_share_week_53_of_iso_year_2026() -> None:
    assert iso_week_label(date(2026, 12, 31)) == "2026-W53"
    assert iso_week_label(date(2027, 1, 1)) == "2026-W53"
    assert iso_week_label(date(2027, 1, 4)) == "2027-W01"


def test_adding_one_week_to_week_52_of_2026_gives_week_53_not_week_1() -> None:
    assert iso_week_label(add_weeks(monday_from_label("2026-W52"), 1)) == "2026-W53"
    assert iso_week_label(add_weeks(monday_from_label("2026-W52"), 2)) == "2027-W01"


def test_monday_of_a_sunday_is_six_days_earlier() -> None:
    assert monday_of(date(2027, 1, 10)) == date(2027, 1, 4)
    assert monday_of(date(2027, 1, 4)) == date(2027, 1, 4)


def test_weeks_between_counts_calendar_weeks_not_elapsed_days() -> None:
    # Sunday to the next day (Monday) is one week on: the planner counts week boundaries.
    assert weeks_between(date(2027, 1, 10), date(2027, 1, 11)) == 1
    assert weeks_between(date(2027, 1, 4), date(2027, 1, 10)) == 0
    assert weeks_between(date(2027, 1, 11), date(2027, 1, 4)) == -1


def test_swedish_week_label_uses_the_iso_week_and_iso_year() -> None:
    assert swedish_week_label(date(2027, 1, 20)) == "v. 3 (2027)"
    assert swedish_week_label(date(2027, 1, 1)) == "v. 53 (2026)"


@pytest.mark.parametrize(
    "label",
    [
        "2027-W3",  # week needs two digits
        "2027W03",  # the hyphen is required
        "2027-w03",  # upper-case W, as ISO 8601 writes it
        "2027-W00",  # weeks start at 1
        "2027-W53",  # 2027 has only 52 weeks
        "0000-W01",  # year 0 does not exist
        " 2027-W03",  # no surrounding whitespace
        "2027-W03\n",
        "２０２７-W03",  # full-width digits are not ASCII digits
        "",
    ],
)
def test_a_malformed_week_label_is_rejected(label: str) -> None:
    with pytest.raises(ValueError):
        monday_from_label(label)


@given(dates)
def test_week_label_round_trips(d: date) -> None:
    monday = monday_from_label(iso_week_label(d))
    assert monday == monday_of(d)
    assert monday.weekday() == 0
    assert 0 <= (d - monday).days <= 6


@given(dates, st.integers(min_value=-600, max_value=600))
def test_weeks_between_undoes_add_weeks(d: date, n: int) -> None:
    assert weeks_between(d, add_weeks(monday_of(d), n)) == n


# --- Working days ------------------------------------------------------------------------


def test_first_working_day_skips_trettondedag_jul() -> None:
    # 2025-01-06, trettondedag jul, is a Monday.
    assert holiday_name(date(2025, 1, 6)) == "Trettondedag jul"
    assert first_working_day(date(2025, 1, 6)) == date(2025, 1, 7)
    # In 2027 it falls on a Wednesday and the week starts on its Monday as usual.
    assert not is_working_day(date(2027, 1, 6))
    assert first_working_day(date(2027, 1, 4)) == date(2027, 1, 4)


def test_easter_monday_week_starts_on_tuesday() -> None:
    assert holiday_name(date(2027, 3, 29)) == "Annandag påsk"
    assert first_working_day(date(2027, 3, 29)) == date(2027, 3, 30)


def test_midsommarafton_is_not_a_working_day() -> None:
    assert holiday_name(date(2027, 6, 25)) == "Midsommarafton"
    assert not is_working_day(date(2027, 6, 25))
    assert is_working_day(date(2027, 6, 24))


def test_julafton_and_nyarsafton_are_not_working_days() -> None:
    assert holiday_name(date(2027, 12, 24)) == "Julafton"
    assert holiday_name(date(2027, 12, 31)) == "Nyårsafton"
    assert not is_working_day(date(2027, 12, 24))
    assert not is_working_day(date(2027, 12, 31))


def test_a_week_starting_with_juldagen_and_annandag_jul_begins_on_wednesday() -> None:
    # 2028-12-25 is a Monday; julafton is the Sunday before.
    assert first_working_day(date(2028, 12, 25)) == date(2028, 12, 27)


def test_nyarsdagen_on_a_monday_moves_the_week_to_tuesday() -> None:
    assert first_working_day(date(2029, 1, 1)) == date(2029, 1, 2)


def test_kristi_himmelsfardsdag_and_nationaldagen_are_not_working_days() -> None:
    assert not is_working_day(date(2027, 5, 6))
    assert not is_working_day(date(2025, 6, 6))  # a Friday


def test_weekends_are_not_working_days_but_ordinary_sundays_have_no_holiday_name() -> None:
    assert not is_working_day(date(2027, 1, 9))
    assert not is_working_day(date(2027, 1, 10))
    assert holiday_name(date(2027, 1, 10)) is None
    assert holiday_name(date(2027, 1, 12)) is None


def test_first_working_day_accepts_any_day_of_the_week() -> None:
    assert first_working_day(date(2027, 4, 1)) == date(2027, 3, 30)


@given(dates)
def test_the_first_working_day_lies_in_its_week_and_is_a_working_day(d: date) -> None:
    day = first_working_day(monday_of(d))
    assert monday_of(day) == monday_of(d)
    assert is_working_day(day)
    assert all(not is_working_day(monday_of(d) + timedelta(days=i)) for i in range(day.weekday()))


def test_importing_the_calendar_does_not_import_holidays() -> None:
    # `mvgplan check` imports the calendar on its start-up path.
    code = "import sys, planner.calendar; sys.exit('holidays' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False)
    assert result.returncode == 0


# --- Week overlap ------------------------------------------------------------------------


def test_week_overlap_includes_touching_days() -> None:
    monday = date(2027, 1, 4)
    assert week_overlaps(monday, date(2026, 12, 21), date(2027, 1, 4))  # ends on Monday
    assert week_overlaps(monday, date(2027, 1, 10), date(2027, 1, 20))  # starts on Sunday
    assert not week_overlaps(monday, date(2026, 12, 21), date(2027, 1, 3))
    assert not week_overlaps(monday, date(2027, 1, 11), date(2027, 1, 20))


def test_week_overlap_covers_a_range_inside_and_around_the_week() -> None:
    monday = date(2027, 1, 4)
    assert week_overlaps(monday, date(2027, 1, 6), date(2027, 1, 6))
    assert week_overlaps(monday, date(2026, 1, 1), date(2028, 1, 1))


def test_an_empty_range_overlaps_no_week() -> None:
    assert not week_overlaps(date(2027, 1, 4), date(2027, 1, 7), date(2027, 1, 5))


@given(dates, dates, dates)
def test_week_overlap_means_some_day_of_the_week_is_in_the_range(d: date, a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    week = [monday_of(d) + timedelta(days=i) for i in range(7)]
    assert week_overlaps(monday_of(d), start, end) == any(start <= x <= end for x in week)
