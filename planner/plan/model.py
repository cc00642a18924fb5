"""The migration plan as plain values: what the scheduler returns and every renderer reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Literal

Action = Literal["brief_staff", "enable", "inform_patients", "redirect"]
ACTIONS: tuple[Action, ...] = ("brief_staff", "enable", "inform_patients", "redirect")
"""Every action, in the order a person does them at one unit in one week: brief the staff,
enable in MVG, tell the patients, redirect 1177. Every step order below is built on it."""
ACTION_ORDER: Mapping[str, int] = MappingProxyType({action: n for n, action in enumerate(ACTIONS)})
"""The position of each action in `ACTIONS` (an unknown action sorts last)."""

Binding = Literal[
    "start",
    "dependency",
    "mvg_ready",
    "capacity",
    "unit_parallel_limit",
    "blackout",
    "min_parallel",
    "lead_time",
    "patient_notice",
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


def action_rank(action: str) -> int:
    """The position of `action` in `ACTIONS`; an unknown action sorts after every known one."""
    return ACTION_ORDER.get(action, len(ACTIONS))


def plan_order(step: Step) -> tuple[date, str, str, int]:
    """The order of `Plan.steps` (and of the json and yaml output): week, unit, service, action."""
    return (step.week, step.unit, step.service, action_rank(step.action))


def reading_order(step: Step) -> tuple[date, str, int, str]:
    """The order a person reads one unit's week in: week, unit, action, service (all the
    briefings of a week together, then the enables, …)."""
    return (step.week, step.unit, action_rank(step.action), step.service)


def week_action_order(step: Step) -> tuple[date, int, str, str]:
    """Region-wide, week by week: week, action, unit, service (the explorer's plan table)."""
    return (step.week, action_rank(step.action), step.unit, step.service)


def identity_order(unit: str, service: str, action: str) -> tuple[str, str, int]:
    """A step's identity (unit, service, action) in order: how `diff` lists changes."""
    return (unit, service, action_rank(action))


@dataclass(frozen=True)
class Unschedulable:
    """An offering the plan cannot move, and why."""

    unit: str
    service: str
    reason: UnschedulableReason
    message: str


@dataclass(frozen=True)
class PlanWarning:
    """A parallel period or redirect in the plan that needs a person's attention."""

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
    """What `schedule` returns: every step, what could not be planned, and the warnings."""

    as_of: date
    """The day the plan was made as of (the catalogue's as_of or `--as-of`)."""
    start_week: date
    """The Monday of the plan's first week: the later of `plan.start`'s week and the first Monday
    strictly after as_of (the rolling start, `tasks.first_week`)."""
    catalog_digest: str
    """`sha256:` of every catalogue file read: `plan --check` and `progress` tell plans of
    different catalogues apart by it."""
    steps: tuple[Step, ...]
    """In `plan_order`."""
    unschedulable: tuple[Unschedulable, ...]
    """Offerings no week within the horizon can hold, by unit and service."""
    warnings: tuple[PlanWarning, ...]
    end_week: date | None
    """The Monday of the last step's week; None for a plan without steps."""
    lower_bound_week: date | None
    """No plan under the same rules can end before this week (the longest dependency chain
    and the capacity, docs/planning.md); None for a plan without steps."""
    overrides: dict[str, str] = field(default_factory=dict)
    """Policy values changed by PlanOptions, for the text output ("capacity 6 → 10")."""
    configured_start_week: date | None = None
    """The first week `plan.start` (or `--start`) asked for, when as_of has passed it and the
    plan starts later (the rolling start, docs/planning.md); None when the plan starts there."""
    shown_units: tuple[str, ...] = ()
    """When not empty: the plan was computed for the whole region, but only these units'
    steps, warnings and unschedulable items are kept (`plan --unit`, see `only_units`)."""


def only_units(plan: Plan, units: Iterable[str]) -> Plan:
    """`plan` with only the steps, warnings and unschedulable items of `units` (`plan --unit`).

    The plan itself was made for the whole region, so every week is where the regional plan
    puts it; the end week is the last of the steps kept, and there is no lower bound (the
    planner's bound is the region's, not these units').
    """
    keep = frozenset(units)
    steps = tuple(s for s in plan.steps if s.unit in keep)
    return replace(
        plan,
        steps=steps,
        unschedulable=tuple(u for u in plan.unschedulable if u.unit in keep),
        warnings=tuple(w for w in plan.warnings if w.unit in keep),
        end_week=max((s.week for s in steps), default=None),
        lower_bound_week=None,
        shown_units=tuple(sorted(keep)),
    )
