"""Months written `YYYY-MM`: the unit of the usage exports."""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTH_RE = re.compile(r"[0-9]{4}-[0-9]{2}\Z")


def parse_month(text: str) -> str | None:
    """`text` when it is a month `YYYY-MM` (01–12, year ≥ 1), else None."""
    if not _MONTH_RE.match(text):
        return None
    return text if 1 <= int(text[5:]) <= 12 and int(text[:4]) >= 1 else None


def index(month: str) -> int:
    """Months since year 0: consecutive months have consecutive indexes."""
    return int(month[:4]) * 12 + int(month[5:]) - 1


def from_index(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def span(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included (empty when first is after last)."""
    return [from_index(i) for i in range(index(first), index(last) + 1)]


def shift(month: str, months: int) -> str:
    return from_index(index(month) + months)


def first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 1)


def last_day(month: str) -> date:
    year, number = int(month[:4]), int(month[5:])
    return date(year, number, calendar.monthrange(year, number)[1])


def of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
