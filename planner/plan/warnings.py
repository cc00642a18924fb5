"""The plan's warnings (docs/planning.md): parallel periods too long or undated, broken redirects."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from planner.catalog import redirects
from planner.plan import texts
from planner.plan.model import PlanWarning, WarningCode

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.plan.tasks import Problem

_CODE_ORDER: dict[WarningCode, int] = {
    "broken_redirect": 0,
    "parallel_overdue": 1,
    "parallel_undated": 2,
    "parallel_exceeds_max": 3,
}


def warning_order(w: PlanWarning) -> tuple[str, str, int]:
    return (w.unit, w.service, _CODE_ORDER[w.code])


def catalogue_warnings(catalog: Catalog, as_of: date, max_weeks: int) -> list[PlanWarning]:
    """What the catalogue's current state says, as of `as_of`.

    The contract limits steps to services with `migrate: true`, not warnings: a service active in
    both channels is a parallel period (double inboxes, confused patients) whatever the
    channelling decision says, and a broken redirect forwards patients to nothing. A service
    with `migrate: false` gets the same warnings, with advice that does not tell anyone to
    redirect what the decision keeps in 1177.
    """
    legacy, target = catalog.region.legacy, catalog.region.target
    services = catalog.service_by_id
    out: list[PlanWarning] = []
    for unit in catalog.units:
        for sid in sorted(unit.offerings):
            channels = unit.offerings[sid]
            old, new = channels.get(legacy), channels.get(target)
            name = services[sid].name
            new_status = None if new is None else new.status
            if redirects.is_broken(None if old is None else old.status, new_status):
                message = redirects.broken_redirect_message(name, legacy, target, new_status)
                out.append(PlanWarning("broken_redirect", "error", unit.id, sid, message))
            if old is None or new is None or old.status != "active" or new.status != "active":
                continue
            migrate = services[sid].migrate
            if old.since is None or new.since is None:
                undated = [c for c, o in ((legacy, old), (target, new)) if o.since is None]
                message = texts.parallel_undated(name, undated, migrate)
                out.append(PlanWarning("parallel_undated", "warning", unit.id, sid, message))
                continue
            later = max(old.since, new.since)
            if (as_of - later).days > 7 * max_weeks:
                weeks = (as_of - later).days // 7
                message = texts.parallel_overdue(name, later, weeks, max_weeks, migrate)
                out.append(PlanWarning("parallel_overdue", "warning", unit.id, sid, message))
    return out


def exceeds_max(problem: Problem, enable: Sequence[int], redirect: Sequence[int]) -> list[PlanWarning]:
    """Planned parallel periods (enable to redirect) longer than the maximum."""
    out: list[PlanWarning] = []
    cal = problem.calendar
    for t in problem.tasks:
        e, r = enable[t.id], redirect[t.id]
        if t.kind == "migration" and e >= 0 and r - e > problem.max_parallel:
            name = problem.service_names[t.service]
            message = texts.parallel_exceeds_max(name, r - e, problem.max_parallel, cal.monday(e), cal.monday(r))
            out.append(PlanWarning("parallel_exceeds_max", "warning", t.unit, t.service, message))
    return out


def plan_warnings(
    catalog: Catalog, problem: Problem, enable: Sequence[int], redirect: Sequence[int]
) -> tuple[PlanWarning, ...]:
    found = catalogue_warnings(catalog, problem.as_of, problem.max_parallel)
    found += exceeds_max(problem, enable, redirect)
    return tuple(sorted(found, key=warning_order))
