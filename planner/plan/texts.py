"""Every sentence the planner puts in front of a person, in one place.

Reasons explain why a step lies in its week; messages say what to do about an unschedulable
item or a warning. Weeks are written the Swedish way, with the ISO year: "v. 14 (2027)",
"v. 11–13 (2027)", "v. 52 (2026)–v. 1 (2027)".
"""

from __future__ import annotations

from datetime import date
from functools import cache

from planner.i18n import _, language, ngettext


def week(monday: date) -> str:
    """`v. 14 (2027)`."""
    return _week(monday, language())


def weeks(first: date, last: date) -> str:
    """`v. 11–13 (2027)`, `v. 14 (2027)` or `v. 52 (2027)–v. 2 (2028)`."""
    return _weeks(first, last, language())


@cache  # a national plan writes the same few hundred weeks hundreds of thousands of times
def _week(monday: date, lang: str) -> str:
    iso = monday.isocalendar()
    return _("v. {week} ({year})").format(week=iso.week, year=iso.year)


@cache
def _weeks(first: date, last: date, lang: str) -> str:
    a, b = first.isocalendar(), last.isocalendar()
    if first == last:
        return week(first)
    if a.year == b.year:
        return _("v. {first}–{last} ({year})").format(first=a.week, last=b.week, year=a.year)
    return f"{week(first)}–{week(last)}"


# --- reasons (one per binding) ---------------------------------------------------------


def plan_start(start: date) -> str:
    return _("first week of the plan ({week})").format(week=week(start))


def lead_time(lead: int, start: date) -> str:
    return ngettext(
        "the plan starts {week} and staff are briefed {n} week ahead",
        "the plan starts {week} and staff are briefed {n} weeks ahead",
        lead,
    ).format(week=week(start), n=lead)


def mvg_ready(ready: date) -> str:
    return _("MVG offers the service from {date} (mvg_ready)").format(date=ready.isoformat())


def after_dependency(names: list[str]) -> str:
    if len(names) == 1:
        return _("after {service} at this unit").format(service=names[0])
    return _("after {services} and {last} at this unit").format(services=", ".join(names[:-1]), last=names[-1])


def blackout(reason: str, first: date, last: date) -> str:
    return _("blackout {reason} in {weeks}").format(reason=reason, weeks=weeks(first, last))


def stretched(reason: str) -> str:
    return _("enabling earlier would stretch the parallel period over blackout {reason}").format(reason=reason)


def capacity_full(first: date, last: date, per_week: int) -> str:
    return ngettext(
        "capacity full in {weeks} ({n} enable a week, region-wide)",
        "capacity full in {weeks} ({n} enables a week, region-wide)",
        per_week,
    ).format(weeks=weeks(first, last), n=per_week)


def unit_full(first: date, last: date, slots: int) -> str:
    return ngettext(
        "{n} service already in parallel at this unit in {weeks}",
        "{n} services already in parallel at this unit in {weeks}",
        slots,
    ).format(n=slots, weeks=weeks(first, last))


def min_parallel(weeks_: int) -> str:
    return ngettext(
        "{n} week after enable (minimum parallel period)", "{n} weeks after enable (minimum parallel period)", weeks_
    ).format(n=weeks_)


def running_min_parallel(since: date, weeks_: int) -> str:
    return ngettext(
        "{n} week after MVG went live on {date} (minimum parallel period)",
        "{n} weeks after MVG went live on {date} (minimum parallel period)",
        weeks_,
    ).format(n=weeks_, date=since.isoformat())


def running_start(since: date | None) -> str:
    if since is None:
        return _("already in parallel (MVG live date unknown): redirect in the first week of the plan")
    return _("already in parallel since {date}: redirect in the first week of the plan").format(date=since.isoformat())


def briefing(lead: int, enable_week: date) -> str:
    return ngettext("{n} week before the enable in {week}", "{n} weeks before the enable in {week}", lead).format(
        n=lead, week=week(enable_week)
    )


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
    return _(
        "{service} has no MVG equivalent yet (mvg_ready is not set): set mvg_ready in services.yaml "
        "when MVG offers equal or better, or set migrate: false to keep it in 1177"
    ).format(service=service)


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
    return _(
        "{service} needs {dependency} in MVG at this unit first, but it is neither active there nor planned "
        "to be enabled: make {dependency} active in MVG in {file}, or remove it from depends_on"
    ).format(service=service, dependency=dependency, file=unit_file)


def dependency_unschedulable(service: str, dependency: str) -> str:
    return _(
        "{service} needs {dependency} in MVG at this unit first, and {dependency} cannot be planned "
        "(see its own entry): fix that one first"
    ).format(service=service, dependency=dependency)


def beyond_horizon(horizon_end: date) -> str:
    return _(
        "no week up to the end of the horizon ({week}) fits every constraint: raise plan.horizon_weeks "
        "or capacity.enables_per_week in region.yaml"
    ).format(week=week(horizon_end))


# --- warnings ---------------------------------------------------------------------------


def parallel_overdue(service: str, since: date, weeks_: int, max_weeks: int, migrate: bool = True) -> str:
    values = {"service": service, "date": since.isoformat(), "weeks": weeks_, "max": max_weeks}
    if migrate:
        return _(
            "{service} has been active in both 1177 and MVG since {date} ({weeks} weeks, more than the "
            "maximum {max}): redirect the 1177 e-service"
        ).format(**values)
    return _(
        "{service} has been active in both 1177 and MVG since {date} ({weeks} weeks, more than the "
        "maximum {max}); it has migrate: false, so the plan does not redirect it: withdraw it from one channel, "
        "or set migrate: true in services.yaml to plan its move"
    ).format(**values)


def parallel_undated(service: str, undated: list[str], migrate: bool = True) -> str:
    """`undated`: the channels whose offering has no since date."""
    if len(undated) > 1:
        if migrate:
            message = _(
                "{service} is active in both 1177 and MVG but neither offering has a since date, so the parallel "
                "period's length is unknown: add since to the unit file"
            )
        else:
            message = _(
                "{service} is active in both 1177 and MVG but neither offering has a since date, so the parallel "
                "period's length is unknown: add since to the unit file; it has migrate: false, so the plan does "
                "not redirect it: withdraw it from one channel, or set migrate: true in services.yaml to plan its move"
            )
    elif migrate:
        message = _(
            "{service} is active in both 1177 and MVG but the {channel} offering has no since date, so the "
            "parallel period's length is unknown: add since to the unit file"
        )
    else:
        message = _(
            "{service} is active in both 1177 and MVG but the {channel} offering has no since date, so the "
            "parallel period's length is unknown: add since to the unit file; it has migrate: false, so the plan "
            "does not redirect it: withdraw it from one channel, or set migrate: true in services.yaml to plan its move"
        )
    return message.format(service=service, channel=undated[0])


def parallel_exceeds_max(service: str, weeks_: int, max_weeks: int, enable: date, redirect: date) -> str:
    return _(
        "{service} runs in parallel for {weeks} weeks in the plan ({enable} to {redirect}), more than "
        "the maximum {max}: a blackout forces it; consider moving the blackout or accepting the longer period"
    ).format(service=service, weeks=weeks_, enable=week(enable), redirect=week(redirect), max=max_weeks)
