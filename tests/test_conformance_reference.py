"""`check()` against an independent reference, written straight from SPEC §3, on generated units.

The reference below shares no code with planner.conformance: it reads plain dicts that the
generator also writes out as YAML, and it knows each offering's line because the generator
wrote it. Hypothesis then compares both over many catalogues, exemption dates around as_of,
and effective dates on either side of it.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from check_support import CHANNELS, SERVICES, load_ok, write_catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.conformance.check import check

BASE = date(2026, 11, 23)
STATUSES = ("active", "redirect", "planned", "retired")
LEGACY, TARGET = "1177", "mvg"


@dataclass
class GenUnit:
    id: str
    offerings: dict[str, dict[str, str]]
    exemptions: list[tuple[str, str, date]]
    empty_offerings_key: bool
    """With no offerings: write `offerings: {}` (True) or leave the key out."""
    forms: dict[tuple[str, str], int] = field(default_factory=dict)
    """How each offering is written: 0 short, 1 with a far-future since, 2 with a past from."""
    lines: dict[object, int] = field(default_factory=dict)


def render_unit(unit: GenUnit) -> str:
    """The unit file, recording the line of `id:`, `offerings:`, each service and each offering."""
    out = [f"id: {unit.id}", f"name: Hälsocentral {unit.id}", "regi: privat"]
    unit.lines["id"] = 1
    if unit.offerings or unit.empty_offerings_key:
        out.append("offerings:" if unit.offerings else "offerings: {}")
        unit.lines["offerings"] = len(out)
    for service, channels in unit.offerings.items():
        out.append(f"  {service}:")
        unit.lines[service] = len(out)
        for channel, status in channels.items():
            form = unit.forms.get((service, channel), 0)
            value = (
                status,
                f"{{status: {status}, since: 2031-06-01}}",
                f"{{status: {status}, from: 2020-01-01}}",
            )[form]
            out.append(f'    "{channel}": {value}')
            unit.lines[(service, channel)] = len(out)
    if unit.exemptions:
        out.append("exemptions:")
        for service, channel, until in unit.exemptions:
            out.append(f'  - {{service: {service}, channel: "{channel}", until: {until}, reason: Skäl}}')
    return "\n".join(out) + "\n"


def line_of(unit: GenUnit, service: str, channel: str) -> int:
    for key in ((service, channel), service, "offerings", "id"):
        if key in unit.lines:
            return unit.lines[key]
    raise AssertionError("every unit file has an id line")


def reference(
    units: list[GenUnit], required: list[tuple[str, str]], effective: date | None, as_of: date
) -> tuple[Counter[tuple[str, str, str, str, int]], Counter[tuple[str, str, str, date, bool]]]:
    """SPEC §3, read literally."""
    deviations: Counter[tuple[str, str, str, str, int]] = Counter()
    exempt: Counter[tuple[str, str, str, date, bool]] = Counter()
    kind_of = {None: "missing", "planned": "planned", "retired": "retired", "redirect": "redirect_only"}
    for unit in units:
        if effective is None or effective <= as_of:
            for service, channel in required:
                status = unit.offerings.get(service, {}).get(channel)
                if status == "active":
                    continue
                kind = kind_of[status]
                covering = [until for s, c, until in unit.exemptions if (s, c) == (service, channel)]
                still_valid = [until for until in covering if until >= as_of]
                if still_valid:
                    until = max(still_valid)
                    exempt[(unit.id, service, channel, until, (until - as_of).days <= 30)] += 1
                    continue
                if covering:
                    kind = "exemption_expired"
                deviations[(unit.id, service, channel, kind, line_of(unit, service, channel))] += 1
        for service, channels in unit.offerings.items():
            if channels.get(LEGACY) == "redirect" and channels.get(TARGET) != "active":
                deviations[(unit.id, service, LEGACY, "broken_redirect", line_of(unit, service, LEGACY))] += 1
    return deviations, exempt


@st.composite
def gen_units(draw: st.DrawFn, as_of: date) -> list[GenUnit]:
    units = []
    for i in range(draw(st.integers(1, 3))):
        offerings: dict[str, dict[str, str]] = {}
        forms: dict[tuple[str, str], int] = {}
        for service in draw(st.lists(st.sampled_from(SERVICES), unique=True, max_size=len(SERVICES))):
            channels = draw(st.lists(st.sampled_from(CHANNELS), unique=True, min_size=1, max_size=3))
            offerings[service] = {c: draw(st.sampled_from(STATUSES)) for c in channels}
            for c in channels:
                forms[(service, c)] = draw(st.integers(0, 2))
        exemptions = [
            (draw(st.sampled_from(SERVICES)), draw(st.sampled_from((TARGET, LEGACY))), as_of + timedelta(days=d))
            for d in draw(st.lists(st.integers(-40, 40), max_size=3))
        ]
        units.append(GenUnit(f"hc-{i}", offerings, exemptions, draw(st.booleans()), forms))
    return units


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[GenUnit], list[tuple[str, str]], date | None, date]:
    as_of = BASE + timedelta(days=draw(st.integers(-60, 60)))
    pairs = [(s, c) for s in SERVICES for c in (TARGET, LEGACY)]
    required = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=4))
    effective = draw(st.none() | st.integers(-2, 2).map(lambda d: as_of + timedelta(days=d)))
    return draw(gen_units(as_of)), required, effective, as_of


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_check_agrees_with_the_reference_reading_of_the_spec(
    scenario: tuple[list[GenUnit], list[tuple[str, str]], date | None, date],
) -> None:
    units, required, effective, as_of = scenario
    with tempfile.TemporaryDirectory() as tmp:
        root = write_catalog(
            Path(tmp) / "c",
            {u.id: render_unit(u) for u in units},
            required=required,
            effective=effective.isoformat() if effective else None,
        )
        report = check(load_ok(root), as_of)
    want_deviations, want_exempt = reference(units, required, effective, as_of)
    got_deviations = Counter((d.unit, d.service, d.channel, d.kind, d.line) for d in report.deviations())
    got_exempt = Counter((e.unit, e.service, e.channel, e.until, e.expires_soon) for e in report.exempt())
    assert got_deviations == want_deviations
    assert got_exempt == want_exempt
    assert report.conformant == (not want_deviations)
    assert [u.unit for u in report.units] == sorted(u.id for u in units)
    assert report.summary.deviations == sum(want_deviations.values())
