"""What may leave the team: the rules every figure in a report passes through (SPEC §9).

A usage count, or a sum of counts, between 1 and `min_count` − 1 is shown as `<min_count`;
no share is shown whose denominator is below `min_count`; region figures appear in a
provider's report only as aggregates over at least `MIN_UNITS` units. Every figure the
report pages and charts show comes through these functions, so the rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

MIN_UNITS = 5
"""Region aggregates (median, quartiles, totals) are shown only over at least this many units."""


def is_small(count: int, min_count: int) -> bool:
    """True when `count` would identify too few errands to show (1 … min_count − 1)."""
    return 0 < count < min_count


def shown_count(count: int, min_count: int) -> str:
    """The count as a report may show it: `<min_count` for a small one, else its digits."""
    return f"<{min_count}" if is_small(count, min_count) else str(count)


def chart_value(count: int, min_count: int) -> int | None:
    """The count as a chart may draw it: None (a gap, labelled `<min_count`) for a small one."""
    return None if is_small(count, min_count) else count


def share(part: int, whole: int, min_count: int) -> float | None:
    """`part / whole`, or None when the denominator is too small to show a share of (or 0)."""
    if whole <= 0 or whole < min_count:
        return None
    return part / whole


@dataclass(frozen=True)
class Spread:
    """A region aggregate over enough units to show: median and quartiles of their values."""

    units: int
    median: float
    lower_quartile: float
    upper_quartile: float


def spread(values: Sequence[float]) -> Spread | None:
    """Median and quartiles of one value per unit, or None over fewer than `MIN_UNITS` units.

    Quartiles are the medians of the lower and upper halves (Tukey's hinges): simple to
    explain in a footnote, and deterministic.
    """
    if len(values) < MIN_UNITS:
        return None
    ordered = sorted(values)
    half = len(ordered) // 2
    lower = ordered[:half]
    upper = ordered[half + len(ordered) % 2 :]
    return Spread(len(ordered), median(ordered), median(lower), median(upper))


def region_total(count: int, units: int) -> int | None:
    """A region total, shown only when it sums over at least `MIN_UNITS` units."""
    return count if units >= MIN_UNITS else None
