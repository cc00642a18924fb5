"""Progress as plain values: what `compute.progress` returns and every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

Status = Literal["done", "dropped", "overdue", "due", "upcoming"]
STATUSES: tuple[Status, ...] = get_args(Status)
"""In the order a step's status is decided (SPEC §7): the first that applies."""
TrackedAction = Literal["enable", "redirect"]
TRACKED: tuple[TrackedAction, ...] = get_args(TrackedAction)
"""The actions that leave a trace in the catalogue; briefings and patient notices do not."""


@dataclass(frozen=True)
class TrackedStep:
    """One `enable` or `redirect` step of the baseline and what became of it."""

    unit: str
    service: str
    action: TrackedAction
    channel: str
    planned_week: date
    """The Monday of the week the baseline planned it for."""
    status: Status
    actual_date: date | None
    """For `done`: the offering's `since` (None when the unit file gives no date)."""
    slip_weeks: int | None
    """For `done` with a date: weeks from the planned week to the actual one (negative: early)."""


@dataclass(frozen=True)
class NewStep:
    """A step of the current plan that the baseline did not have."""

    unit: str
    service: str
    action: TrackedAction
    channel: str
    week: date


@dataclass(frozen=True)
class Summary:
    tracked: int
    done: int
    on_time: int
    late: int
    overdue: int
    due: int
    upcoming: int
    dropped: int
    new: int
    baseline_end_week: date | None
    forecast_end_week: date | None
    slip_weeks: int | None
    """Forecast end − baseline end, in weeks; None when either is unknown."""


@dataclass(frozen=True)
class Progress:
    as_of: date
    baseline: str
    """The baseline file as the user named it."""
    summary: Summary
    steps: tuple[TrackedStep, ...]
    """Every tracked step of the baseline, in the baseline's order."""
    new: tuple[NewStep, ...]
    unit_names: dict[str, str]
    """Names of the units the catalogue still has, for the human formats."""

    @property
    def overdue(self) -> bool:
        return self.summary.overdue > 0
