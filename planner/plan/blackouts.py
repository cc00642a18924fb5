"""Which blackout, if any, closes a week: the one rule the planner and the explorer share.

A blackout closes every ISO week it touches (both ends inclusive, SPEC §4). When two touch
the same week, the one that begins first wins (then the one that ends first), whatever their
order in the file, so the explanation a step gets does not change when someone re-sorts
region.yaml. A blackout without a reason is named by its dates ("2027-03-01–2027-03-14").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from planner.calendar import monday_of, week_overlaps

if TYPE_CHECKING:
    from planner.catalog.model import Blackout


def label(blackout: Blackout) -> str:
    """What a person is told a week is closed by: the reason, else the dates."""
    return blackout.reason or f"{blackout.from_.isoformat()}–{blackout.to.isoformat()}"


def in_order(blackouts: Iterable[Blackout]) -> list[Blackout]:
    """Earliest first: the winner when several touch one week comes first."""
    return sorted(blackouts, key=lambda b: (b.from_, b.to))


def closing(blackouts: Iterable[Blackout], monday: date) -> str | None:
    """The label of the blackout that closes the week of `monday`, or None."""
    for b in in_order(blackouts):
        if week_overlaps(monday, b.from_, b.to):
            return label(b)
    return None


def closed_weeks(blackouts: Iterable[Blackout], start: date, weeks: int) -> dict[int, str]:
    """Week index (0 = the week of `start`, up to `weeks` inclusive) → the label of the
    blackout closing it, for every week a blackout closes (the same answer as `closing`)."""
    closed: dict[int, str] = {}
    for b in in_order(blackouts):
        first = max(0, (monday_of(b.from_) - start).days // 7)
        last = min(weeks, (monday_of(b.to) - start).days // 7)
        reason = label(b)
        for i in range(first, last + 1):
            closed.setdefault(i, reason)
    return closed
