"""`--format ics`: the plan as an iCalendar file staff import into Outlook.

One all-day event per hälsocentral and week, on the date the week's steps carry, listing
those steps. The output is deterministic, so a committed .ics can be checked like the yaml:
UIDs are derived from the unit and the week (never a random UUID), so importing a newer plan
updates that week's event instead of adding a second one, and DTSTAMP is the plan's as_of at
midnight UTC (never the clock).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from planner.calendar import iso_week_label
from planner.i18n import _, language, ngettext
from planner.plan.model import Plan
from planner.plan.render.labels import MVG_CALENDAR_NAME, action_label
from planner.plan.render.view import Names, UnitWeek, names, weeks

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog


def prodid() -> str:
    """RFC 5545's PRODID ends in the language of the calendar's texts (ISO 639)."""
    return f"-//Region Gävleborg//VO Digital vård mvgplan//{language().upper()}"


UID_DOMAIN = "mvgplan.invalid"
"""UIDs need a right-hand side that is globally unique; `.invalid` can never be anyone's."""


def uid(unit: str, week_label: str) -> str:
    """The same for the same unit and week in every plan, so a re-import updates the event."""
    return f"{unit}.{week_label}@{UID_DOMAIN}"


def render(plan: Plan, catalog: Catalog) -> str:
    n = names(catalog)
    cal = Calendar()
    cal.add("prodid", prodid())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{_(MVG_CALENDAR_NAME)}, {n.region}")
    stamp = datetime.combine(plan.as_of, time(0, 0), tzinfo=UTC)
    for week in weeks(plan, n):
        label = iso_week_label(week.monday)
        for unit in week.units:
            event = Event()
            event.add("uid", uid(unit.unit, label))
            event.add("dtstamp", stamp)
            event.add("dtstart", week.date)
            event.add("dtend", week.date + timedelta(days=1))
            event.add("summary", _summary(unit, n))
            event.add("description", _description(unit, week.label, n))
            event.add("location", n.unit(unit.unit))
            event.add("categories", [_(MVG_CALENDAR_NAME)])
            # An all-day reminder of work to do, not a meeting: it must not show the day as busy.
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical.decode("utf-8")


def _summary(unit: UnitWeek, n: Names) -> str:
    """`MVG migration, Alfa hälsocentral: enable Förnya recept; redirect Journalen`."""
    if len(unit.steps) <= 2:
        what = "; ".join(f"{action_label(s.action)} {n.service(s.service)}" for s in unit.steps)
    else:
        what = ngettext("{n} step", "{n} steps", len(unit.steps)).format(n=len(unit.steps))
    return f"{_(MVG_CALENDAR_NAME)}, {n.unit(unit.unit)}: {what}"


def _description(unit: UnitWeek, week_label: str, n: Names) -> str:
    lines = [f"{n.unit(unit.unit)}, {week_label}:"]
    for s in unit.steps:
        if s.action == "inform_patients":
            # Who does what: the unit's staff tell the patients where the e-tjänst is going.
            text = _(
                "- inform patients: staff put a notice on the unit's page and in {legacy} that {service} "
                "moves to {target} ({binding}: {reason})"
            )
            lines.append(
                text.format(
                    legacy=n.channel(s.channel),
                    service=n.service(s.service),
                    target=n.channel(n.target),
                    binding=s.binding,
                    reason=s.reason,
                )
            )
            continue
        lines.append(
            "- "
            + _("{action} {service} in {channel} ({binding}: {reason})").format(
                action=action_label(s.action),
                service=n.service(s.service),
                channel=n.channel(s.channel),
                binding=s.binding,
                reason=s.reason,
            )
        )
    return "\n".join(lines)
