"""Usage data as the core sees it: counts per unit, service, channel and month.

Kept light (no pydantic, no file access): the loader builds one on every run, and a national
export holds a million rows, so the counts live in plain nested dictionaries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Series = Mapping[str, int]
"""Month `YYYY-MM` → errands started that month."""


@dataclass(frozen=True)
class UsageData:
    """Every usage row of the catalogue's `usage/` folder, resolved to catalogue ids."""

    series: Mapping[tuple[str, str, str], Series] = field(default_factory=dict)
    """(unit id, service id, channel id) → month → count; one entry per row read."""
    rows: int = 0
    """Rows read (every row counts, a count of 0 included)."""
    files: tuple[str, ...] = ()
    """The files read, as shown in messages, in name order."""
    months: tuple[str, ...] = ()
    """The distinct months that have at least one row, sorted."""
    unit_months: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Unit id → the months in which it has any row (any service, any channel)."""

    @property
    def empty(self) -> bool:
        return self.rows == 0

    @property
    def first_month(self) -> str | None:
        return self.months[0] if self.months else None

    @property
    def last_month(self) -> str | None:
        return self.months[-1] if self.months else None

    def count(self, unit: str, service: str, channel: str, month: str) -> int:
        return self.series.get((unit, service, channel), {}).get(month, 0)
