"""What keeps an enable out of a week: the predicates the scheduler decides with and the
explanation reads back, so the two cannot drift apart.

The scheduler (`scheduler.list_schedule`) asks `migration_obstacle` whether a migration may
begin in a week; the explanation (`explain`) asks the same function, over the final
schedule, why a step did not land a week earlier. What stood in the way is an `Obstacle`: one
of a few small variant types, matched by type, never by a string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.plan.tasks import Problem


@dataclass(frozen=True, slots=True)
class Closed:
    """A blackout (of the region or the unit) closes the week."""

    reason: str


@dataclass(frozen=True, slots=True)
class UnitFull:
    """Every parallel slot of the unit is taken in that week."""


@dataclass(frozen=True, slots=True)
class Stretched:
    """Enabling then would stretch the parallel period past its minimum: a blackout closes
    the week the redirect would fall in. The scheduler holds such a migration back while it
    has slack (`Ranking.defer_stretched`)."""

    over: str
    """The reason of the blackout the period would be stretched over."""


@dataclass(frozen=True, slots=True)
class CapacityFull:
    """The region's enables per week are all taken."""


Obstacle = Closed | UnitFull | Stretched | CapacityFull

UNIT_FULL = UnitFull()
CAPACITY_FULL = CapacityFull()


def needs_free_slot(week: int, redirect: int) -> bool:
    """A migration enabled in `week` and redirected in `redirect` is in its parallel period
    (and holds one of the unit's slots) from the enable's week on, unless both fall in one
    week (a minimum of 0)."""
    return redirect > week


def stretched(problem: Problem, week: int, redirect: int) -> bool:
    """A blackout pushes the redirect of a migration enabled in `week` past its floor."""
    return redirect > problem.redirect_floor(week)


def migration_obstacle(
    problem: Problem, unit: str, week: int, redirect: int, held: int, relaxed: bool, defer: bool
) -> Obstacle | None:
    """Why a migration at `unit` may not be enabled in `week`, a week no blackout closes,
    beyond the region's capacity; None when it may.

    `redirect`: its redirect week if enabled then (`Problem.redirect_week`); `held`: the
    parallel slots already taken at the unit in `week` (only read when it needs one);
    `relaxed`: its latest start has not come yet; `defer`: the ranking holds back stretched
    periods while they have slack.
    """
    if needs_free_slot(week, redirect) and held >= problem.slots:
        return UNIT_FULL
    if defer and relaxed and stretched(problem, week, redirect):
        return Stretched(problem.calendar.blocked(unit, problem.redirect_floor(week)) or "")
    return None
