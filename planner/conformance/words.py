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

from planner.conformance.model import DeviationKind, Summary
from planner.i18n import ngettext

TITLE = "Basutbud check"
EXPIRES_SOON_DAYS = 30
"""An exemption whose `until` is at most this many days after as_of is pointed out."""

KIND_DESCRIPTIONS: Mapping[DeviationKind, str] = MappingProxyType(
    {
        "missing": "A basutbud e-tjänst is not offered in the required channel.",
        "planned": "A basutbud e-tjänst is only planned in the required channel, not active.",
        "retired": "A basutbud e-tjänst is retired in the required channel.",
        "redirect_only": "A basutbud e-tjänst is only a redirect in the required channel, not active.",
        "exemption_expired": "An exemption from a basutbud requirement has expired; the e-tjänst is still not active.",
        "broken_redirect": "The 1177 offering redirects patients to MVG, where the e-tjänst is not active.",
    }
)
"""One sentence per kind: SARIF rule descriptions, docs."""

KIND_ADVICE: Mapping[DeviationKind, str] = MappingProxyType(
    {
        "missing": "Offer the e-tjänst (status: active) in that channel, or record a dated exemption.",
        "planned": "Set the offering to active once it is live, or record a dated exemption.",
        "retired": "Re-introduce the e-tjänst (status: active), or record a dated exemption.",
        "redirect_only": "Make the offering active in the required channel, or record a dated exemption.",
        "exemption_expired": "Make the offering active, or renew the exemption with a new until and decision.",
        "broken_redirect": "Make the e-tjänst active in MVG, or set the 1177 offering back to active until it is.",
    }
)
"""What to do about each kind: SARIF rule help, docs."""

EXPIRES_SOON_DESCRIPTION = "An exemption from a basutbud requirement expires within 30 days."
EXPIRES_SOON_ADVICE = "Make the offering active before the exemption ends, or renew the exemption."


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def hc(count: int) -> str:
    """`1 hälsocentral`, `3 hälsocentraler`."""
    return plural(count, "hälsocentral", "hälsocentraler")


def regi(value: str) -> str:
    return f"{value} regi"


# --- deviation messages (the `message` of each) --------------------------------------------------

_STATUS_PHRASES: Mapping[str, str] = MappingProxyType(
    {
        "missing": "is not offered in {channel}",
        "planned": "is only planned in {channel}, not active",
        "retired": "is retired in {channel}",
        "redirect_only": "is only a redirect in {channel}, not active",
    }
)


def requirement_message(kind: DeviationKind, service: str, channel: str) -> str:
    """`Förnya recept (receptfornyelse) is only planned in mvg, not active; the basutbud requires it active`."""
    phrase = _STATUS_PHRASES[kind].format(channel=channel)
    return f"{service} {phrase}; the basutbud requires it active there"


def expired_message(underlying: DeviationKind, service: str, channel: str, until: date, line: int) -> str:
    phrase = _STATUS_PHRASES[underlying].format(channel=channel)
    return (
        f"{service} {phrase} and its exemption expired {until.isoformat()} (line {line}); "
        f"make it active or renew the exemption"
    )


def service_label(service_id: str, name: str | None) -> str:
    """`Förnya recept (receptfornyelse)`, or the id alone when the name adds nothing."""
    return service_id if not name or name == service_id else f"{name} ({service_id})"


# --- exemptions ------------------------------------------------------------------------------


def days_left(until: date, as_of: date) -> str:
    days = (until - as_of).days
    if days == 0:
        return "expires today"
    return f"expires in {plural(days, 'day')}"


def exempt_text(until: date, as_of: date, soon: bool, reason: str, decision: str | None) -> str:
    when = f"until {until.isoformat()}" + (f", {days_left(until, as_of)}" if soon else "")
    return f"exempt {when}: {reason}" + (f" ({decision})" if decision else "")


def expires_soon_message(service: str, channel: str, until: date, as_of: date) -> str:
    return (
        f"the exemption for {service} in {channel} {days_left(until, as_of)} ({until.isoformat()}); "
        f"after that the check fails unless it is active or the exemption is renewed"
    )


def unused_not_required(service: str, channel: str, required_in: list[str]) -> str:
    hint = f" (it is required in {', '.join(required_in)})" if required_in else ""
    return (
        f"this exemption waives nothing: the basutbud does not require {service} in {channel}{hint}; "
        f"correct its service or channel, or remove it"
    )


def unused_requirement_met(service: str, channel: str) -> str:
    return f"this exemption is no longer needed: {service} is active in {channel}; remove it"


# --- headings and summaries ------------------------------------------------------------------


def in_force(effective: date | None, applies: bool) -> str:
    """`in force since 2025-01-01`, or why nothing but redirects was checked."""
    if effective is None:
        return "in force"
    if applies:
        return f"in force since {effective.isoformat()}"
    return f"not in force until {effective.isoformat()}: no requirement was checked, only redirects"


def basutbud_line(source: str | None, requirements: int, effective: date | None, applies: bool) -> str:
    """`Basutbud (Handbok Hälsoval 2025): 3 requirements, in force since 2025-01-01.`"""
    named = f" ({source})" if source else ""
    return f"Basutbud{named}: {plural(requirements, 'requirement')}, {in_force(effective, applies)}."


def summary_sentence(s: Summary) -> str:
    """The line a manager reads: how many hälsocentraler meet the basutbud, and what is open."""
    deviating = s.units - s.conformant_units
    head = ngettext(
        "{count} of {total} hälsocentral meets the basutbud",
        "{count} of {total} hälsocentraler meet the basutbud",
        s.units,
    ).format(count=s.conformant_units, total=s.units)
    if deviating:
        egen, privat = s.deviating_by_regi["egen"], s.deviating_by_regi["privat"]
        verb = "deviates" if deviating == 1 else "deviate"
        head += (
            f"; {deviating} {verb} ({egen} egen regi, {privat} privat regi) with {plural(s.deviations, 'deviation')}"
        )
    tail = f"{plural(s.exempt, 'exemption')} in force"
    if s.expires_soon:
        tail += f", {s.expires_soon} expiring within {EXPIRES_SOON_DAYS} days"
    if s.unused_exemptions:
        tail += f"; {plural(s.unused_exemptions, 'exemption')} waiving nothing"
    return f"{head}; {tail}."


CONFORMANT_UNIT = "meets the basutbud"
UNIFORMITY_TITLE = "Uniformity (information only, does not fail the check)"


def uniformity_heading(channel: str, gaps: int, units: int) -> str:
    if not gaps:
        return f"Every e-tjänst active in {channel} at one of the {hc(units)} is active at all of them."
    return f"{plural(gaps, 'e-tjänst', 'e-tjänster')} active in {channel} at some of the {hc(units)} but not at all:"


def uniformity_row(offered: int, units: int) -> str:
    return f"active at {offered} of {units}"
