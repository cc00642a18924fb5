"""Every sentence the planner puts in front of a person, in one place.

Reasons explain why a step lies in its week; messages say what to do about an unschedulable
item or a warning. Weeks are written the Swedish way, with the ISO year: "v. 14 (2027)",
"v. 11–13 (2027)", "v. 52 (2026)–v. 1 (2027)".
"""

from __future__ import annotations

from datetime import date
from functools import cache

from planner.i18n import _, ngettext


@cache
def week(monday: date) -> str:
    """`v. 14 (2027)`."""
    iso = monday.isocalendar()
    return f"v. {iso.week} ({iso.year})"


@cache
def weeks(first: date, last: date) -> str:
    """`v. 11–13 (2027)`, `v. 14 (2027)` or `v. 52 (2027)–v. 2 (2028)`."""
    a, b = first.isocalendar(), last.isocalendar()
    if first == last:
        return week(first)
    if a.year == b.year:
        return f"v. {a.week}–{b.week} ({a.year})"
    return f"{week(first)}–{week(last)}"


# --- reasons (one per binding) ---------------------------------------------------------


def plan_start(start: date) -> str:
    return f"first week of the plan ({week(start)})"


def lead_time(lead: int, start: date) -> str:
    return f"the plan starts {week(start)} and staff are briefed {lead} week{'s' if lead != 1 else ''} ahead"


def mvg_ready(ready: date) -> str:
    return f"MVG offers the service from {ready.isoformat()} (mvg_ready)"


def after_dependency(names: list[str]) -> str:
    return f"after {' and '.join(names)} at this unit"


def blackout(reason: str, first: date, last: date) -> str:
    return f"blackout {reason} in {weeks(first, last)}"


def stretched(reason: str) -> str:
    return f"enabling earlier would stretch the parallel period over blackout {reason}"


def capacity_full(first: date, last: date, per_week: int) -> str:
    return f"capacity full in {weeks(first, last)} ({per_week} enables a week, region-wide)"


def unit_full(first: date, last: date, slots: int) -> str:
    return f"{slots} service{'s' if slots != 1 else ''} already in parallel at this unit in {weeks(first, last)}"


def min_parallel(weeks_: int) -> str:
    return f"{weeks_} week{'s' if weeks_ != 1 else ''} after enable (minimum parallel period)"


def running_min_parallel(since: date, weeks_: int) -> str:
    plural = "s" if weeks_ != 1 else ""
    return f"{weeks_} week{plural} after MVG went live on {since.isoformat()} (minimum parallel period)"


def running_start(since: date | None) -> str:
    if since is None:
        return "already in parallel (MVG live date unknown): redirect in the first week of the plan"
    return f"already in parallel since {since.isoformat()}: redirect in the first week of the plan"


def briefing(lead: int, enable_week: date) -> str:
    return f"{lead} week{'s' if lead != 1 else ''} before the enable in {week(enable_week)}"


def notice_first(notice: int, start: date) -> str:
    """A redirect the patient notice pushed: its notice must lie in the plan too."""
    return ngettext(
        "the plan starts {start} and patients are told {n} week before the redirect",
        "the plan starts {start} and patients are told {n} weeks before the redirect",
        notice,
    ).format(start=week(start), n=notice)


def inform_patients(notice: int, redirect_week: date) -> str:
    return ngettext(
        "{n} week before the redirect in {week}: tell patients on the unit's page and in 1177",
        "{n} weeks before the redirect in {week}: tell patients on the unit's page and in 1177",
        notice,
    ).format(n=notice, week=week(redirect_week))


def urgent_repair(reason: str) -> str:
    """A repair's enable (case 5): why it is urgent, then why it lies in its week."""
    return _(
        "urgent: 1177 already redirects this e-tjänst to MVG, so patients are forwarded to nothing here; {reason}"
    ).format(reason=reason)


# --- unschedulable ---------------------------------------------------------------------


def no_mvg_equivalent(service: str) -> str:
    return (
        f"{service} has no MVG equivalent yet (mvg_ready is not set): set mvg_ready in services.yaml "
        "when MVG offers equal or better, or set migrate: false to keep it in 1177"
    )


def repair_no_mvg_equivalent(service: str) -> str:
    return _(
        "{service} has no MVG equivalent yet (mvg_ready is not set), but 1177 already forwards patients to MVG "
        "for it: restore the 1177 e-service (status: active) until MVG offers it"
    ).format(service=service)


def restore_legacy(message: str) -> str:
    """An unschedulable repair's message: until it can be planned, 1177 must serve again."""
    return _(
        "{message}; until then, restore the 1177 e-service (status: active): today it forwards patients to nothing"
    ).format(message=message)


def dependency_missing(service: str, dependency: str, unit_file: str) -> str:
    return (
        f"{service} needs {dependency} in MVG at this unit first, but it is neither active there nor planned "
        f"to be enabled: make {dependency} active in MVG in {unit_file}, or remove it from depends_on"
    )


def dependency_unschedulable(service: str, dependency: str) -> str:
    return (
        f"{service} needs {dependency} in MVG at this unit first, and {dependency} cannot be planned "
        "(see its own entry): fix that one first"
    )


def beyond_horizon(horizon_end: date) -> str:
    return (
        f"no week up to the end of the horizon ({week(horizon_end)}) fits every constraint: raise plan.horizon_weeks "
        "or capacity.enables_per_week in region.yaml"
    )


# --- warnings ---------------------------------------------------------------------------


_STAYS = (
    "; it has migrate: false, so the plan does not redirect it: withdraw it from one channel, "
    "or set migrate: true in services.yaml to plan its move"
)


def parallel_overdue(service: str, since: date, weeks_: int, max_weeks: int, migrate: bool = True) -> str:
    head = (
        f"{service} has been active in both 1177 and MVG since {since.isoformat()} ({weeks_} weeks, more than the "
        f"maximum {max_weeks})"
    )
    return head + (": redirect the 1177 e-service" if migrate else _STAYS)


def parallel_undated(service: str, undated: list[str], migrate: bool = True) -> str:
    """`undated`: the channels whose offering has no since date."""
    which = "neither offering has a" if len(undated) > 1 else f"the {undated[0]} offering has no"
    return (
        f"{service} is active in both 1177 and MVG but {which} since date, so the parallel period's length "
        "is unknown: add since to the unit file" + ("" if migrate else _STAYS)
    )


def parallel_exceeds_max(service: str, weeks_: int, max_weeks: int, enable: date, redirect: date) -> str:
    return (
        f"{service} runs in parallel for {weeks_} weeks in the plan ({week(enable)} to {week(redirect)}), more than "
        f"the maximum {max_weeks}: a blackout forces it; consider moving the blackout or accepting the longer period"
    )
