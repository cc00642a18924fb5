"""Every sentence the basutbud check puts in front of a person, in one place.

Kinds (`missing`, `broken_redirect`) are the contract and appear as they are in json and in
the annotations' titles; the words beside them live here, so a Swedish translation of
everything `mvgplan check` says is this one file. Domain words stay Swedish where the users
say them so: hälsocentral, basutbud, e-tjänst, egen regi, privat regi.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from planner import counted
from planner.conformance.model import DeviationKind, Summary
from planner.i18n import N_, _, ngettext

TITLE = N_("Basutbud check")
EXPIRES_SOON_DAYS = 30
"""An exemption whose `until` is at most this many days after as_of is pointed out."""

KIND_DESCRIPTIONS: Mapping[DeviationKind, str] = MappingProxyType(
    {
        "missing": N_("A basutbud e-tjänst is not offered in the required channel."),
        "planned": N_("A basutbud e-tjänst is only planned in the required channel, not active."),
        "retired": N_("A basutbud e-tjänst is retired in the required channel."),
        "redirect_only": N_("A basutbud e-tjänst is only a redirect in the required channel, not active."),
        "exemption_expired": N_(
            "An exemption from a basutbud requirement has expired; the e-tjänst is still not active."
        ),
        "broken_redirect": N_("The 1177 offering redirects patients to MVG, where the e-tjänst is not active."),
    }
)
"""One sentence per kind: SARIF rule descriptions, docs."""

KIND_ADVICE: Mapping[DeviationKind, str] = MappingProxyType(
    {
        "missing": N_("Offer the e-tjänst (status: active) in that channel, or record a dated exemption."),
        "planned": N_("Set the offering to active once it is live, or record a dated exemption."),
        "retired": N_("Re-introduce the e-tjänst (status: active), or record a dated exemption."),
        "redirect_only": N_("Make the offering active in the required channel, or record a dated exemption."),
        "exemption_expired": N_("Make the offering active, or renew the exemption with a new until and decision."),
        "broken_redirect": N_("Make the e-tjänst active in MVG, or set the 1177 offering back to active until it is."),
    }
)
"""What to do about each kind: SARIF rule help, docs."""

EXPIRES_SOON_DESCRIPTION = N_("An exemption from a basutbud requirement expires within 30 days.")
EXPIRES_SOON_ADVICE = N_("Make the offering active before the exemption ends, or renew the exemption.")


def regi(value: str) -> str:
    """`egen regi`, `privat regi` (the words are the same in both languages)."""
    return f"{value} regi"


# --- deviation messages (the `message` of each) --------------------------------------------------

_STATUS_PHRASES: Mapping[str, str] = MappingProxyType(
    {
        "missing": N_("is not offered in {channel}"),
        "planned": N_("is only planned in {channel}, not active"),
        "retired": N_("is retired in {channel}"),
        "redirect_only": N_("is only a redirect in {channel}, not active"),
    }
)


def requirement_message(kind: DeviationKind, service: str, channel: str) -> str:
    """`Förnya recept (receptfornyelse) is only planned in mvg, not active; the basutbud requires it active`."""
    phrase = _(_STATUS_PHRASES[kind]).format(channel=channel)
    return _("{service} {status}; the basutbud requires it active there").format(service=service, status=phrase)


def expired_message(underlying: DeviationKind, service: str, channel: str, until: date, line: int) -> str:
    phrase = _(_STATUS_PHRASES[underlying]).format(channel=channel)
    return _(
        "{service} {status} and its exemption expired {until} (line {line}); make it active or renew the exemption"
    ).format(service=service, status=phrase, until=until.isoformat(), line=line)


def service_label(service_id: str, name: str | None) -> str:
    """`Förnya recept (receptfornyelse)`, or the id alone when the name adds nothing."""
    return service_id if not name or name == service_id else f"{name} ({service_id})"


# --- exemptions ------------------------------------------------------------------------------


def days_left(until: date, as_of: date) -> str:
    days = (until - as_of).days
    if days == 0:
        return _("expires today")
    return ngettext("expires in {n} day", "expires in {n} days", days).format(n=days)


def exempt_text(until: date, as_of: date, soon: bool, reason: str, decision: str | None) -> str:
    values = {"until": until.isoformat(), "left": days_left(until, as_of), "reason": reason, "decision": decision}
    if soon and decision:
        return _("exempt until {until}, {left}: {reason} ({decision})").format(**values)
    if soon:
        return _("exempt until {until}, {left}: {reason}").format(**values)
    if decision:
        return _("exempt until {until}: {reason} ({decision})").format(**values)
    return _("exempt until {until}: {reason}").format(**values)


def expires_soon_message(service: str, channel: str, until: date, as_of: date) -> str:
    return _(
        "the exemption for {service} in {channel} {expires} ({until}); "
        "after that the check fails unless it is active or the exemption is renewed"
    ).format(service=service, channel=channel, expires=days_left(until, as_of), until=until.isoformat())


def unused_not_required(service: str, channel: str, required_in: list[str]) -> str:
    if required_in:
        return _(
            "this exemption waives nothing: the basutbud does not require {service} in {channel} "
            "(it is required in {required_in}); correct its service or channel, or remove it"
        ).format(service=service, channel=channel, required_in=", ".join(required_in))
    return _(
        "this exemption waives nothing: the basutbud does not require {service} in {channel}; "
        "correct its service or channel, or remove it"
    ).format(service=service, channel=channel)


def unused_requirement_met(service: str, channel: str) -> str:
    return _("this exemption is no longer needed: {service} is active in {channel}; remove it").format(
        service=service, channel=channel
    )


# --- headings and summaries ------------------------------------------------------------------


def in_force(effective: date | None, applies: bool) -> str:
    """`in force since 2025-01-01`, or why nothing but redirects was checked."""
    if effective is None:
        return _("in force")
    if applies:
        return _("in force since {date}").format(date=effective.isoformat())
    return _("not in force until {date}: no requirement was checked, only redirects").format(date=effective.isoformat())


def basutbud_line(source: str | None, requirements: int, effective: date | None, applies: bool) -> str:
    """`Basutbud (Handbok Hälsoval 2025): 3 requirements, in force since 2025-01-01.`"""
    count = ngettext("{n} requirement", "{n} requirements", requirements).format(n=requirements)
    if source:
        return _("Basutbud ({source}): {requirements}, {in_force}.").format(
            source=source, requirements=count, in_force=in_force(effective, applies)
        )
    return _("Basutbud: {requirements}, {in_force}.").format(requirements=count, in_force=in_force(effective, applies))


def summary_sentence(s: Summary) -> str:
    """The line a manager reads: how many hälsocentraler meet the basutbud, and what is open."""
    deviating = s.units - s.conformant_units
    parts = [
        ngettext(
            "{count} of {total} hälsocentral meets the basutbud",
            "{count} of {total} hälsocentraler meet the basutbud",
            s.units,
        ).format(count=s.conformant_units, total=s.units)
    ]
    if deviating:
        parts.append(
            ngettext(
                "{n} deviates ({egen} egen regi, {privat} privat regi) with {deviations}",
                "{n} deviate ({egen} egen regi, {privat} privat regi) with {deviations}",
                deviating,
            ).format(
                n=deviating,
                egen=s.deviating_by_regi["egen"],
                privat=s.deviating_by_regi["privat"],
                deviations=counted.deviations(s.deviations),
            )
        )
    tail = ngettext("{n} exemption in force", "{n} exemptions in force", s.exempt).format(n=s.exempt)
    if s.expires_soon:
        tail = _("{exemptions}, {n} expiring within {days} days").format(
            exemptions=tail, n=s.expires_soon, days=EXPIRES_SOON_DAYS
        )
    parts.append(tail)
    if s.unused_exemptions:
        parts.append(
            ngettext("{n} exemption waiving nothing", "{n} exemptions waiving nothing", s.unused_exemptions).format(
                n=s.unused_exemptions
            )
        )
    return "; ".join(parts) + "."


CONFORMANT_UNIT = N_("meets the basutbud")
UNIFORMITY_TITLE = N_("Uniformity (information only, does not fail the check)")


def uniformity_heading(channel: str, gaps: int, units: int) -> str:
    if not gaps:
        return ngettext(
            "Every e-tjänst active in {channel} at one of the {n} hälsocentral is active at all of them.",
            "Every e-tjänst active in {channel} at one of the {n} hälsocentraler is active at all of them.",
            units,
        ).format(channel=channel, n=units)
    return ngettext(
        "{gaps} e-tjänst active in {channel} at some of the {hc} but not at all:",
        "{gaps} e-tjänster active in {channel} at some of the {hc} but not at all:",
        gaps,
    ).format(gaps=gaps, channel=channel, hc=counted.units(units))


def uniformity_row(offered: int, units: int) -> str:
    return _("active at {offered} of {units}").format(offered=offered, units=units)
