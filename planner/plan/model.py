"""The migration plan as plain values: what the scheduler returns and every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Action = Literal["brief_staff", "enable", "redirect"]
Binding = Literal[
    "start", "dependency", "mvg_ready", "capacity", "unit_parallel_limit", "blackout", "min_parallel", "lead_time"
]
UnschedulableReason = Literal["no_mvg_equivalent", "dependency_unavailable", "beyond_horizon"]
WarningCode = Literal["parallel_overdue", "parallel_undated", "parallel_exceeds_max", "broken_redirect"]
Severity = Literal["warning", "error"]


@dataclass(frozen=True)
class Step:
    unit: str
    service: str
    action: Action
    channel: str
    week: date
    """The Monday of the step's ISO week."""
    date: date
    """The first Swedish working day of that week."""
    binding: Binding
    reason: str


@dataclass(frozen=True)
class Unschedulable:
    unit: str
    service: str
    reason: UnschedulableReason
    message: str


@dataclass(frozen=True)
class PlanWarning:
    code: WarningCode
    severity: Severity
    unit: str
    service: str
    message: str


@dataclass(frozen=True)
class PlanOptions:
    """What a run may change without editing the catalogue (a what-if)."""

    as_of: date
    start: date | None = None
    enables_per_week: int | None = None
    parallel_min: int | None = None


@dataclass(frozen=True)
class Plan:
    as_of: date
    start_week: date
    catalog_digest: str
    steps: tuple[Step, ...]
    unschedulable: tuple[Unschedulable, ...]
    warnings: tuple[PlanWarning, ...]
    end_week: date | None
    lower_bound_week: date | None
    overrides: dict[str, str] = field(default_factory=dict)
    """Policy values changed by PlanOptions, for the text output ("capacity 6 → 10")."""
