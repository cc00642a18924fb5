"""Every word the reports say (SPEC §9), in one place, so the translation is one file away.

Labels are marked with `N_` and translated where they are shown (`label`); sentences with
figures are functions that translate first and format after. Catalogue text (names,
reasons) is never part of a message id: it is passed in as a placeholder.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache

from planner.calendar import iso_week_label
from planner.i18n import N_, _, ngettext

LABELS: Mapping[str, str] = {
    # page furniture
    "overview_heading": N_("The move of e-tjänster: overview for hälso- och sjukvårdsnämnden"),
    "provider_heading": N_("Feedback to the huvudman"),
    "contents": N_("Contents"),
    "key_figures": N_("Key figures"),
    "all_units": N_("All hälsocentraler"),
    "stages_heading": N_("Where the hälsocentraler are, per e-tjänst"),
    "plan_heading": N_("The plan"),
    "what_to_do": N_("What to do"),
    "conformance": N_("Basutbud"),
    "plan_ahead": N_("Planned steps"),
    "next_weeks": N_("The next 12 weeks"),
    "later": N_("Later"),
    "unschedulable": N_("Cannot be planned yet"),
    "warnings": N_("Warnings"),
    "progress": N_("Progress against the baseline"),
    "follow_up": N_("Did patients move?"),
    "region_comparison": N_("The region as a whole"),
    "table_alternative": N_("The chart's figures"),
    "privacy_note": N_(
        "This report shows only your own hälsocentraler. Figures for the region are medians, "
        "quartiles or totals over at least five hälsocentraler."
    ),
    # table headers
    "unit": N_("Hälsocentral"),
    "unit_id": N_("Id"),
    "provider": N_("Huvudman"),
    "regi": N_("Regi"),
    "area": N_("Area"),
    "service": N_("E-tjänst"),
    "channel": N_("Channel"),
    "deviation": N_("Deviation"),
    "until": N_("Until"),
    "reason": N_("Reason"),
    "decision": N_("Decision"),
    "week": N_("Week"),
    "date": N_("Date"),
    "step": N_("Step"),
    "why_then": N_("Why then"),
    "warning": N_("Warning"),
    "basutbud": N_("Basutbud"),
    "steps_planned": N_("Steps planned"),
    "next_step": N_("Next step"),
    "last_step": N_("Last step"),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "units": N_("Hälsocentraler"),
    # values
    "egen": N_("egen regi"),
    "privat": N_("privat regi"),
    "meets": N_("meets"),
    "none": N_("none"),
    "expires_soon": N_("expires within 30 days"),
    # deviation kinds
    "missing": N_("not offered"),
    "planned": N_("planned, not active"),
    "retired": N_("withdrawn"),
    "redirect_only": N_("only a redirect"),
    "exemption_expired": N_("exemption expired"),
    "broken_redirect": N_("redirect to nothing"),
    # actions
    "brief_staff": N_("brief staff"),
    "enable": N_("make active"),
    "redirect": N_("redirect"),
    "inform_patients": N_("inform patients"),
    # bindings: why a step is in its week
    "binding_start": N_("the plan's first week"),
    "binding_dependency": N_("after an e-tjänst it depends on"),
    "binding_mvg_ready": N_("when MVG is ready"),
    "binding_capacity": N_("the region's capacity per week"),
    "binding_unit_parallel_limit": N_("parallel periods at the unit"),
    "binding_blackout": N_("after a blackout"),
    "binding_min_parallel": N_("after the shortest parallellperiod"),
    "binding_lead_time": N_("staff are briefed in advance"),
    "binding_patient_notice": N_("patients are told in advance"),
    # unschedulable reasons
    "no_mvg_equivalent": N_("MVG has no equivalent yet"),
    "dependency_unavailable": N_("an e-tjänst it depends on is not available"),
    "beyond_horizon": N_("beyond the plan's horizon"),
    # warning codes
    "parallel_overdue": N_("parallellperiod longer than the maximum"),
    "parallel_undated": N_("parallellperiod without a date"),
    "parallel_exceeds_max": N_("planned parallellperiod longer than the maximum"),
    "warning_broken_redirect": N_("redirect to nothing"),
    # follow-up
    "take_up_heading": N_("Take-up per e-tjänst over time"),
    "flags": N_("Flags"),
    "flag": N_("Flag"),
    "month": N_("Month"),
    "months": N_("Months"),
    "take_up": N_("Take-up"),
    "region_median": N_("Region median"),
    "errands_window": N_("Errands over the follow-up window"),
    "errands_monthly": N_("Errands month by month"),
    "low_take_up": N_("few errands in the new channel"),
    "legacy_after_redirect": N_("errands in the old channel after the redirect"),
    "usage_without_offering": N_("errands in a channel that does not offer it"),
    "no_usage": N_("no errands in the new channel"),
    "missing_data": N_("usage data missing"),
    # progress against the baseline
    "progress_heading": N_("Steps done against the baseline"),
    "planned_week": N_("Planned week"),
    "status": N_("Status"),
    "done_on": N_("Done on"),
    "slip": N_("Weeks late"),
    "status_done": N_("done"),
    "status_dropped": N_("no longer needed"),
    "status_overdue": N_("overdue"),
    "status_due": N_("due this week"),
    "status_upcoming": N_("to come"),
    "planned_cumulative": N_("planned in the baseline"),
    "done_cumulative": N_("done"),
    "new_steps": N_("Steps the baseline did not have"),
}


def label(key: str) -> str:
    """The label `key` in the current language."""
    return _(LABELS[key])


def labels() -> dict[str, str]:
    """Every label, translated: what the templates read as `t`."""
    return {key: _(text) for key, text in LABELS.items()}


def week(monday: date) -> str:
    return _("week {week}").format(week=iso_week_label(monday))


def page_title_overview(region: str) -> str:
    return _("{region}: the move of e-tjänster").format(region=region)


def page_title_provider(provider: str) -> str:
    return _("{provider}: the move of e-tjänster").format(provider=provider)


def as_of_line(as_of: date, catalog_digest: str) -> str:
    return _("As of {date}. Catalogue {digest}.").format(date=as_of.isoformat(), digest=catalog_digest[:19])


def move_line(legacy: str, target: str) -> str:
    return _("E-tjänster move from {legacy} to {target}.").format(legacy=legacy, target=target)


def units_conforming(conforming: int, units: int) -> str:
    return ngettext(
        "{conforming} of {units} hälsocentral meets the basutbud",
        "{conforming} of {units} hälsocentraler meet the basutbud",
        units,
    ).format(conforming=conforming, units=units)


def exemptions_count(n: int) -> str:
    return ngettext("{n} valid exemption", "{n} valid exemptions", n).format(n=n)


def plan_end(end: date | None, lower_bound: date | None) -> str:
    if end is None:
        return _("The plan has no steps.")
    if lower_bound is None:
        return _("The plan ends in {end}.").format(end=week(end))
    return _("The plan ends in {end}; no plan can end before {bound}.").format(end=week(end), bound=week(lower_bound))


def stage_label(stage: str, legacy: str, target: str) -> str:
    """Where a unit is with an e-tjänst; `legacy` and `target` are the channels' short names."""
    if stage == "legacy_only":
        return _("only in {legacy}").format(legacy=legacy)
    if stage == "both":
        return _("in both (parallellperiod)")
    if stage == "moved":
        return _("moved to {target}").format(target=target)
    return _("not offered")


def plan_steps(steps: int, enables: int, redirects: int) -> str:
    return ngettext(
        "{steps} step planned: {enables} to make active and {redirects} redirects.",
        "{steps} steps planned: {enables} to make active and {redirects} redirects.",
        steps,
    ).format(steps=steps, enables=enables, redirects=redirects)


def unschedulable_count(n: int) -> str:
    return ngettext("{n} e-tjänst cannot be planned yet.", "{n} e-tjänster cannot be planned yet.", n).format(n=n)


def parallel_over_max(n: int, max_weeks: int) -> str:
    return ngettext(
        "{n} parallellperiod runs longer than {max} weeks (now or in the plan).",
        "{n} parallellperioder run longer than {max} weeks (now or in the plan).",
        n,
    ).format(n=n, max=max_weeks)


def provider_units(n: int) -> str:
    return ngettext("You run {n} hälsocentral.", "You run {n} hälsocentraler.", n).format(n=n)


def your_conforming(conforming: int, units: int) -> str:
    return ngettext(
        "{conforming} of your {units} hälsocentral meets the basutbud.",
        "{conforming} of your {units} hälsocentraler meet the basutbud.",
        units,
    ).format(conforming=conforming, units=units)


def region_conforming_share(share: float, units: int) -> str:
    return _("In the region, {percent} of the {units} hälsocentraler meet the basutbud.").format(
        percent=percent(share), units=units
    )


def percent(share: float) -> str:
    return _("{percent}%").format(percent=round(share * 100))


def percents() -> tuple[str, ...]:
    """`percent` of 0, 1, … 100 % in the current language, to look up in large tables."""
    return _percents(_("{percent}%"))


@cache
def _percents(template: str) -> tuple[str, ...]:
    return tuple(template.format(percent=n) for n in range(101))


def unit_meets() -> str:
    return _("Meets the basutbud.")


def unit_deviates(n: int) -> str:
    return ngettext(
        "Does not meet the basutbud: {n} deviation.", "Does not meet the basutbud: {n} deviations.", n
    ).format(n=n)


def not_in_force(effective: date) -> str:
    return _("The basutbud applies from {date}; until then only redirects are checked.").format(
        date=effective.isoformat()
    )


def no_steps() -> str:
    return _("No steps are planned.")


def no_steps_soon() -> str:
    return _("No steps in the next 12 weeks.")


def no_warnings() -> str:
    return _("No warnings.")


def no_deviations() -> str:
    return _("No deviations.")


def exemption_entry(until: date) -> str:
    return _("exempt until {date}").format(date=until.isoformat())


def nothing_to_do() -> str:
    return _("Nothing to do now.")


def stages_caption(legacy: str, target: str) -> str:
    return _("Hälsocentraler per e-tjänst that is to move from {legacy} to {target}, by where they are now.").format(
        legacy=legacy, target=target
    )


def no_baseline() -> str:
    return _("There is no baseline yet, so progress cannot be shown.")


def no_usage() -> str:
    return _("There is no usage data yet, so take-up cannot be shown.")


def too_few_units() -> str:
    return _("The region has fewer than five hälsocentraler, so no region figures are shown.")


# What to do: one sentence per kind of finding.


def todo_deviation(service: str, channel: str) -> str:
    return _("Make {service} active in {channel}: the basutbud requires it.").format(service=service, channel=channel)


def todo_exemption_expired(service: str, channel: str, until: date) -> str:
    return _(
        "The exemption for {service} in {channel} ran out on {date}: make it active or renew the exemption."
    ).format(service=service, channel=channel, date=until.isoformat())


def todo_broken_redirect(service: str, legacy: str, target: str) -> str:
    return _(
        "{service} in {legacy} forwards patients to {target}, where it is not active: make it active there."
    ).format(service=service, legacy=legacy, target=target)


def todo_exemption_soon(service: str, channel: str, until: date) -> str:
    return _("The exemption for {service} in {channel} runs out on {date}: prepare for it.").format(
        service=service, channel=channel, date=until.isoformat()
    )


def todo_step(action: str, service: str, channel: str, monday: date) -> str:
    if action == "brief_staff":
        text = _("Brief staff on {service} in {target_week}.")
    elif action == "enable":
        text = _("Make {service} active in {channel} in {target_week}.")
    elif action == "redirect":
        text = _("Redirect {service} in {channel} in {target_week}.")
    else:
        text = _("Inform patients about {service} in {target_week}.")
    return text.format(service=service, channel=channel, target_week=week(monday))


def todo_parallel_overdue(service: str, legacy: str, max_weeks: int) -> str:
    return _("{service} has run in both channels longer than {max} weeks: redirect it in {legacy}.").format(
        service=service, legacy=legacy, max=max_weeks
    )


def todo_parallel_undated(service: str) -> str:
    return _("Note since when {service} is offered in each channel, so the parallellperiod can be judged.").format(
        service=service
    )


# Follow-up: did patients move?


def take_up_label(service: str) -> str:
    """A chart legend entry: the unit's take-up of one e-tjänst."""
    return service


def take_up_caption(service_count: int, target: str, with_median: bool) -> str:
    if not with_median:
        return ngettext(
            "Share of errands started in {target}, month by month, for {n} e-tjänst.",
            "Share of errands started in {target}, month by month, for {n} e-tjänster.",
            service_count,
        ).format(target=target, n=service_count)
    return ngettext(
        "Share of errands started in {target}, month by month, for {n} e-tjänst; dashed: the region's median.",
        "Share of errands started in {target}, month by month, for {n} e-tjänster; dashed: the region's median.",
        service_count,
    ).format(target=target, n=service_count)


def region_take_up_caption(service_count: int, target: str) -> str:
    return ngettext(
        "Share of all the region's errands started in {target}, month by month, for {n} e-tjänst.",
        "Share of all the region's errands started in {target}, month by month, for the {n} most used e-tjänster.",
        service_count,
    ).format(target=target, n=service_count)


def unit_take_up(share_text: str, target: str, first: str, last: str) -> str:
    return _("{share} of the errands were started in {target} ({first} to {last}).").format(
        share=share_text, target=target, first=first, last=last
    )


def region_take_up(share_text: str, target: str, first: str, last: str) -> str:
    return _("In the region, {share} of the errands were started in {target} ({first} to {last}).").format(
        share=share_text, target=target, first=first, last=last
    )


def too_few_errands() -> str:
    return _("too few to show")


def no_usage_for_unit() -> str:
    return _("There is no usage data for this hälsocentral in the months shown.")


def small_values_note(min_count: int) -> str:
    return _(
        "Counts from 1 to {below} are shown as <{min_count}. A share of fewer than {min_count} errands, and a share "
        "or sum from which such a count could be worked out, is shown as –."
    ).format(below=min_count - 1, min_count=min_count)


def flag_counts(counts: str) -> str:
    return _("Flags: {counts}.").format(counts=counts)


def flag_count(code_label: str, n: int) -> str:
    return _("{flag}: {n}").format(flag=code_label, n=n)


def no_flags() -> str:
    return _("No flags.")


def todo_low_take_up(service: str, target: str) -> str:
    return _("Few patients use {service} in {target}: tell them it is there.").format(service=service, target=target)


def todo_legacy_after_redirect(service: str, legacy: str) -> str:
    return _("Patients still start errands for {service} in {legacy} after the redirect: check the redirect.").format(
        service=service, legacy=legacy
    )


def todo_usage_without_offering(service: str, channel: str, month: str) -> str:
    return _(
        "Errands for {service} were started in {channel} from {month}, where the catalogue says it is not offered: "
        "correct the catalogue."
    ).format(service=service, channel=channel, month=month)


def todo_no_usage(service: str, target: str) -> str:
    return _("No errands for {service} were started in {target}: check that patients can find it.").format(
        service=service, target=target
    )


def todo_missing_data(months: str) -> str:
    return _("Usage data is missing for {months}: ask for the export.").format(months=months)


# Progress against the baseline


def progress_done(done: int, tracked: int, on_time: int, late: int) -> str:
    return ngettext(
        "{done} of {tracked} step of the baseline is done ({on_time} on time, {late} late).",
        "{done} of {tracked} steps of the baseline are done ({on_time} on time, {late} late).",
        tracked,
    ).format(done=done, tracked=tracked, on_time=on_time, late=late)


def progress_open(overdue: int, due: int, upcoming: int, dropped: int) -> str:
    return _("Overdue: {overdue}; due this week: {due}; to come: {upcoming}; no longer needed: {dropped}.").format(
        overdue=overdue, due=due, upcoming=upcoming, dropped=dropped
    )


def baseline_end(baseline: date | None, forecast: date | None, slip: int | None) -> str:
    if baseline is None or forecast is None or slip is None:
        return _("The end of the baseline or of the plan is not known.")
    if slip > 0:
        text = ngettext(
            "The baseline ends in {baseline}; the plan now ends in {forecast}, {n} week later.",
            "The baseline ends in {baseline}; the plan now ends in {forecast}, {n} weeks later.",
            slip,
        )
    elif slip < 0:
        text = ngettext(
            "The baseline ends in {baseline}; the plan now ends in {forecast}, {n} week earlier.",
            "The baseline ends in {baseline}; the plan now ends in {forecast}, {n} weeks earlier.",
            -slip,
        )
    else:
        text = _("The baseline ends in {baseline}, and so does the plan now ({forecast}).")
    return text.format(baseline=week(baseline), forecast=week(forecast), n=abs(slip))


def region_progress_share(share_text: str, units: int) -> str:
    return _("In the region, {share} of the baseline's steps at the {units} hälsocentraler are done.").format(
        share=share_text, units=units
    )


def progress_caption() -> str:
    return _("Steps of the baseline, planned and done, added up month by month.")


def no_tracked_steps() -> str:
    return _("The baseline has no steps for this hälsocentral.")


def todo_overdue(action: str, service: str, monday: date) -> str:
    if action == "enable":
        text = _("Make {service} active: it was planned for {planned_week} and is not done (or not recorded).")
    else:
        text = _("Redirect {service}: it was planned for {planned_week} and is not done (or not recorded).")
    return text.format(service=service, planned_week=week(monday))
