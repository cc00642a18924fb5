"""What may leave the team: the rules every figure in a report passes through (SPEC §9).

A usage count, or a sum of counts, between 1 and `min_count` − 1 is shown as `<min_count`;
no share is shown whose denominator is below `min_count`; region figures appear in a
provider's report only as aggregates over at least `MIN_UNITS` units. And nothing shown
beside a small count may give it back: a share beside two counts is hidden when either is
small (the other count and the share would give it), and a sum of monthly counts shown
beside them is hidden when one of its months is small (the sum less the other months would). Every figure the
report pages and charts show comes through these functions, so the rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

MIN_UNITS = 5
"""Region aggregates (median, quartiles, totals) are shown only over at least this many units."""
HIDDEN = "–"
"""What a report shows for a share or a sum it may not show (the page's note explains it)."""


def is_small(count: int, min_count: int) -> bool:
    """True when `count` would identify too few errands to show (1 … min_count − 1)."""
    return 0 < count < min_count


def shown_count(count: int, min_count: int) -> str:
    """The count as a report may show it: `<min_count` for a small one, else its digits."""
    return f"<{min_count}" if is_small(count, min_count) else str(count)


def shown_counts(counts: Sequence[int], min_count: int) -> list[str]:
    """`shown_count` of each count (a table row of a month each)."""
    small = f"<{min_count}"
    return [small if 0 < count < min_count else str(count) for count in counts]


def chart_value(count: int, min_count: int) -> int | None:
    """The count as a chart may draw it: None (a gap, labelled `<min_count`) for a small one."""
    return None if is_small(count, min_count) else count


def share(part: int, whole: int, min_count: int) -> float | None:
    """`part / whole`, or None when the denominator is too small to show a share of (or 0)."""
    if whole <= 0 or whole < min_count:
        return None
    return part / whole


def share_beside_counts(part: int, rest: int, min_count: int) -> float | None:
    """`part / (part + rest)` as a report may show it beside both counts: None when the
    denominator is too small, or when either count is small (shown as `<min_count`), since
    the other count and the share would give the small one back."""
    if is_small(part, min_count) or is_small(rest, min_count):
        return None
    return share(part, part + rest, min_count)


def shown_sum(months: Sequence[int], min_count: int) -> str:
    """The sum of monthly counts as a report may show it beside them: `<min_count` when the
    sum is small, `HIDDEN` when one of the months is small (the sum less the other months,
    which are shown, would give it back), else its digits."""
    total = sum(months)
    if is_small(total, min_count):
        return shown_count(total, min_count)
    if any(is_small(count, min_count) for count in months):
        return HIDDEN
    return str(total)


def shown_exactly(shown: str) -> bool:
    """True for a count or sum shown as its digits (neither `<min_count` nor `HIDDEN`)."""
    return shown.isdigit()


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
