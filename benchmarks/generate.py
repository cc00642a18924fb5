"""Write a synthetic, valid catalogue (docs/catalog.md) of any size, for benchmarks and tests.

    python benchmarks/generate.py --units 1200 --services 150 --seed 1 --out /tmp/national

The catalogue looks like a real region's: e-tjänster with a dependency DAG and readiness
dates spread over 2023–2028, hälsocentraler in egen and privat regi offering most of them,
in every state a migration passes through (not started, running in parallel, some of those
overdue, redirected, retired), plus the odd exemption, unit blackout, broken redirect and
basutbud deviation. The same arguments always give the same bytes: all randomness comes
from one `random.Random(seed)` and the YAML is written as text, not by a dumper whose
output could change between PyYAML versions.

Only the standard library is used, so the script runs without installing the project.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

AS_OF = date(2026, 11, 23)
# The default plan start (docs/catalog.md): the first Monday strictly after as_of.
PLAN_START = AS_OF + timedelta(days=7 - AS_OF.weekday())
HORIZON_WEEKS = 520
LEGACY = "1177"
TARGET = "mvg"
OTHER = "teleq"

# The first names are the basutbud of Handbok Hälsoval 2025; the generator makes the first
# few services the basutbud, so they are the real ones whenever the catalogue is small.
SERVICE_NAMES: list[tuple[str, str, str]] = [
    ("digitala-vardmoten", "Digitala vårdmöten", "vårdmöte"),
    ("receptfornyelse", "Förnya recept", "administrativ"),
    ("hjalp-med-intyg", "Hjälp med intyg", "administrativ"),
    ("omboka-tid", "Omboka tid", "tidbokning"),
    ("avboka-tid", "Avboka tid", "tidbokning"),
    ("kontakta-mig", "Kontakta mig", "kontakt"),
    ("mina-vardkontakter", "Mina vårdkontakter", "kontakt"),
    ("boka-tid", "Boka tid", "tidbokning"),
    ("skriftlig-radgivning", "Skriftlig rådgivning", "rådgivning"),
    ("egen-provhantering", "Egen provhantering", "provtagning"),
    ("provsvar", "Se provsvar", "provtagning"),
    ("journal-via-natet", "Journalen", "journal"),
    ("halsodeklaration", "Hälsodeklaration", "formulär"),
    ("stodprogram-kbt", "Stöd- och behandlingsprogram", "behandling"),
    ("vaccination-influensa", "Boka influensavaccination", "vaccination"),
    ("vaccination-covid", "Boka covid-19-vaccination", "vaccination"),
    ("blodtrycksmatning", "Rapportera blodtryck", "egenmonitorering"),
    ("diabetesdagbok", "Diabetesdagbok", "egenmonitorering"),
    ("sjukresor", "Sjukresor", "administrativ"),
    ("betala-faktura", "Betala faktura", "administrativ"),
    ("frikort", "Högkostnadsskydd och frikort", "administrativ"),
    ("lakemedelslista", "Läkemedelslista", "journal"),
    ("remiss-egen", "Egenremiss", "remiss"),
    ("bvc-kontakt", "Kontakt med BVC", "kontakt"),
    ("mvc-kontakt", "Kontakt med MVC", "kontakt"),
    ("fysioterapi-kontakt", "Kontakt med fysioterapi", "kontakt"),
    ("psykisk-halsa-kontakt", "Kontakt om psykisk hälsa", "kontakt"),
    ("symtombedomning", "Digital symtombedömning", "rådgivning"),
    ("hembesok-forfragan", "Förfrågan om hembesök", "tidbokning"),
    ("tolk-bestallning", "Beställ tolk", "administrativ"),
]
PLACES = [
    "Bollnäs", "Söderhamn", "Hudiksvall", "Sandviken", "Gävle", "Ljusdal", "Edsbyn",
    "Ockelbo", "Hofors", "Bergsjö", "Delsbo", "Arbrå", "Järvsö", "Alfta", "Iggesund",
    "Storvik", "Valbo", "Skutskär", "Forsbacka", "Kilafors", "Söderala", "Norrala",
    "Strömsbruk", "Harmånger", "Färila", "Los", "Ramsjö", "Sätra", "Brynäs", "Andersberg",
]  # fmt: skip
AREAS = [
    "Gästrikland västra", "Gästrikland östra", "Gävle stad", "Hälsingland södra",
    "Hälsingland mellersta", "Hälsingland norra",
]  # fmt: skip
UNIT_BLACKOUT_REASONS = [
    "Flytt till nya lokaler",
    "Byte av journalsystem",
    "Ombyggnad av mottagningen",
    "Personalförstärkning under vaccinationskampanj",
]
EXEMPTION_REASONS = [
    "Videoutrustning levereras senare",
    "Avtal med underleverantör löper ut",
    "Utbildning av personal pågår",
    "Bemanning räcker inte till digital kanal",
]


@dataclass(frozen=True)
class Service:
    """One generated e-tjänst, kept so units can be made consistent with it."""

    index: int
    id: str
    name: str
    category: str
    migrate: bool
    mvg_ready: date | None
    depends_on: tuple[str, ...]
    priority: int | None
    phone: bool  # also offered by phone (TeleQ) at many units


def _q(text: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is valid YAML and never ambiguous."""
    return json.dumps(text, ensure_ascii=False)


def _day(rng: random.Random, first: date, last: date) -> date:
    """A date drawn uniformly from first…last (inclusive)."""
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _make_services(rng: random.Random, count: int) -> tuple[list[Service], int]:
    """Services in index order, and how many of the first ones form the basutbud.

    Each service depends only on services with a lower index, so the graph is a DAG, and
    the basutbud (the first few) depends only on itself, all of it ready in MVG early.
    """
    basutbud_count = min(count, rng.randint(4, 6))
    services: list[Service] = []
    for index in range(count):
        base_id, base_name, category = SERVICE_NAMES[index % len(SERVICE_NAMES)]
        round_ = index // len(SERVICE_NAMES)
        sid = base_id if round_ == 0 else f"{base_id}-{round_ + 1}"
        name = base_name if round_ == 0 else f"{base_name} {round_ + 1}"
        basutbud = index < basutbud_count
        dep_count = min(index, rng.choice((0, 0, 1, 1, 1, 2)))
        deps = tuple(services[i].id for i in sorted(rng.sample(range(index), dep_count)))
        if basutbud:
            # The basutbud has been in MVG for a while; that is why it can be required.
            ready: date | None = _day(rng, date(2023, 1, 1), date(2025, 6, 30))
            migrate = True
        else:
            no_equivalent = rng.random() < 0.05
            ready = None if no_equivalent else _day(rng, date(2023, 1, 1), date(2028, 12, 31))
            migrate = rng.random() >= 0.05
        # The basutbud goes first when capacity binds; the rest is a mix, often the default.
        priority = 10 if basutbud else rng.choice((None, None, 20, 50, 100, 200))
        phone = category in ("kontakt", "tidbokning", "rådgivning") and rng.random() < 0.7
        services.append(Service(index, sid, name, category, migrate, ready, deps, priority, phone))
    return services, basutbud_count


def _services_yaml(services: Sequence[Service]) -> str:
    lines = ["# Synthetic catalogue written by benchmarks/generate.py", "services:"]
    for s in services:
        lines.append(f"  - id: {s.id}")
        lines.append(f"    name: {_q(s.name)}")
        lines.append(f"    category: {_q(s.category)}")
        if not s.migrate:
            lines.append("    migrate: false")
        if s.mvg_ready is not None:
            lines.append(f"    mvg_ready: {s.mvg_ready.isoformat()}")
        elif s.index % 2 == 0:
            # Half written null, half left out: both mean "no MVG equivalent yet".
            lines.append("    mvg_ready: null")
        if s.depends_on:
            lines.append(f"    depends_on: [{', '.join(s.depends_on)}]")
        if s.priority is not None:
            lines.append(f"    priority: {s.priority}")
    return "\n".join(lines) + "\n"


def _basutbud_yaml(required: Sequence[Service]) -> str:
    lines = [
        f"source: {_q('Handbok Hälsoval 2025')}",
        "effective: 2025-01-01",
        "required:",
    ]
    lines += [f"  - {{service: {s.id}, channel: {TARGET}}}" for s in required]
    return "\n".join(lines) + "\n"


def _blackout(first: date, last: date, reason: str) -> str:
    return f"  - {{from: {first.isoformat()}, to: {last.isoformat()}, reason: {_q(reason)}}}"


def _region_yaml(enables_per_week: int) -> str:
    last_week = PLAN_START + timedelta(weeks=HORIZON_WEEKS - 1)
    lines = [
        "schema_version: 1",
        f"region: {_q('Region Syntetisk')}",
        f"as_of: {AS_OF.isoformat()}",
        "channels:",
        f"  - {{id: {_channel_key(LEGACY)}, name: {_q('1177 Vårdguidens e-tjänster')}, role: legacy}}",
        f"  - {{id: {TARGET}, name: {_q('Min vård')}, role: target}}",
        f"  - {{id: {OTHER}, name: {_q('TeleQ telefon')}, role: other}}",
        "policy:",
        "  parallel_weeks: {min: 2, max: 8}",
        "  capacity:",
        f"    enables_per_week: {enables_per_week}",
        "    parallel_per_unit: 2",
        "  briefing_lead_weeks: 2",
        "  blackouts:",
    ]
    # Every year of the horizon: storhelgerna around Christmas and the summer weeks 27–32.
    for year in range(AS_OF.year, last_week.year + 1):
        if year > AS_OF.year:
            summer = (date.fromisocalendar(year, 27, 1), date.fromisocalendar(year, 32, 7))
            lines.append(_blackout(*summer, "Sommar"))
        lines.append(_blackout(date(year, 12, 21), date(year + 1, 1, 6), "Storhelger"))
    lines += ["plan:", f"  horizon_weeks: {HORIZON_WEEKS}"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Entry:
    """One channel's offering of a service at a unit."""

    status: str
    since: date | None = None
    from_: date | None = None

    def yaml(self) -> str:
        """The flow-style text, in the short form when there is nothing but the status."""
        if self.since is None and self.from_ is None:
            return self.status
        parts = [f"status: {self.status}"]
        if self.since is not None:
            parts.append(f"since: {self.since.isoformat()}")
        if self.from_ is not None:
            parts.append(f"from: {self.from_.isoformat()}")
        return "{" + ", ".join(parts) + "}"


Offering = dict[str, Entry]  # channel id → its offering, in the order written


class _UnitBuilder:
    """Draws one unit's offerings; the probabilities make a region mid-migration."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def since(self, first: date, last: date) -> date | None:
        """A `since` date, or None in a quarter of cases (short form, as people write it)."""
        if self.rng.random() < 0.25:
            return None
        return _day(self.rng, first, last)

    def old_since(self) -> date | None:
        return self.since(date(2016, 1, 1), date(2022, 12, 31))

    def not_started(self, ready: date | None) -> Offering:
        """Legacy active, MVG absent or planned: a migration the plan has to schedule."""
        offering = {LEGACY: Entry("active", self.old_since())}
        roll = self.rng.random()
        if roll < 0.25:
            offering[TARGET] = Entry("planned")
        elif roll < 0.35:
            start = max(ready or AS_OF, AS_OF)
            from_ = _day(self.rng, start, start + timedelta(weeks=40))
            offering[TARGET] = Entry("planned", from_=from_)
        return offering

    def parallel(self, ready: date) -> Offering:
        """Both active: a parallel period that is running, often for too long already."""
        first = max(ready, AS_OF - timedelta(weeks=20))
        target_since = _day(self.rng, first, AS_OF - timedelta(weeks=1))
        legacy_since = _day(self.rng, date(2016, 1, 1), date(2022, 12, 31))
        if self.rng.random() < 0.1:
            # Nobody wrote down when MVG went live: the length is unknown (parallel_undated).
            return {LEGACY: Entry("active", legacy_since), TARGET: Entry("active")}
        return {
            LEGACY: Entry("active", legacy_since),
            TARGET: Entry("active", target_since),
        }

    def done(self, ready: date) -> Offering:
        """Migrated: MVG active, the 1177 offering redirected or retired."""
        enabled = _day(self.rng, ready, AS_OF - timedelta(weeks=10))
        redirected = enabled + timedelta(weeks=self.rng.randint(2, 9))
        legacy = "redirect" if self.rng.random() < 0.8 else "retired"
        return {
            LEGACY: Entry(legacy, redirected),
            TARGET: Entry("active", enabled),
        }

    def migrating(self, service: Service) -> Offering:
        """A service the decision applies to; how far it got depends on its readiness."""
        rng, ready = self.rng, service.mvg_ready
        roll = rng.random()
        if roll < 0.003:
            # Broken redirect: patients are sent on to an MVG service that is not there.
            return {LEGACY: Entry("redirect", self.old_since()), TARGET: Entry("planned")}
        if ready is None or ready > AS_OF - timedelta(weeks=10):
            if roll < 0.9:
                return self.not_started(ready)
            return {LEGACY: Entry("retired", self.old_since())}
        if roll < 0.40:
            return self.not_started(ready)
        if roll < 0.52:
            return self.parallel(ready)
        if roll < 0.85:
            return self.done(ready)
        if roll < 0.95:
            return {TARGET: Entry("active", self.since(ready, AS_OF))}
        return {LEGACY: Entry("retired", self.old_since())}

    def staying(self) -> Offering:
        """A service the channelling decision does not apply to: mostly left in 1177."""
        if self.rng.random() < 0.85:
            return {LEGACY: Entry("active", self.old_since())}
        return {LEGACY: Entry("active"), TARGET: Entry("active")}

    def basutbud(self, service: Service, deviate: bool) -> Offering:
        """A basutbud service: conformant at almost every unit."""
        ready = service.mvg_ready or AS_OF
        if not deviate:
            roll = self.rng.random()
            if roll < 0.6:
                return self.done(ready)
            if roll < 0.8:
                return {TARGET: Entry("active", self.since(ready, AS_OF))}
            return self.parallel(ready)
        return self.rng.choice(
            [
                {LEGACY: Entry("active", self.old_since())},  # missing → migration
                {LEGACY: Entry("active"), TARGET: Entry("planned")},  # planned → migration
                {TARGET: Entry("retired", self.since(ready, AS_OF))},  # → introduction
                {LEGACY: Entry("retired", self.old_since())},  # missing → introduction
                {TARGET: Entry("redirect")},  # redirect_only
            ]
        )


def _needs_enable(offering: Offering, basutbud: bool) -> bool:
    """Whether the plan will enable this in MVG: a migration, or a basutbud introduction."""
    if _status(offering, TARGET) == "active":
        return False
    return basutbud or _status(offering, LEGACY) == "active"


def _status(offering: Offering, channel: str) -> str | None:
    entry = offering.get(channel)
    return None if entry is None else entry.status


def _channel_key(channel: str) -> str:
    # An all-digit channel id must be quoted: unquoted, YAML reads 1177 as an int.
    return f'"{channel}"' if channel.isdigit() else channel


def _make_unit(
    rng: random.Random,
    uid: str,
    name: str,
    regi: str,
    services: Sequence[Service],
    basutbud: Sequence[Service],
) -> tuple[str, int]:
    """One unit file's text and how many enable steps it will need (for sizing capacity)."""
    builder = _UnitBuilder(rng)
    deviating: set[str] = set()
    for s in basutbud:
        if rng.random() < 0.02:
            deviating.add(s.id)
    exemptions: list[str] = []
    if basutbud and rng.random() < 0.04:
        s = rng.choice(basutbud)
        deviating.add(s.id)
        # Some exemptions have run out (exemption_expired), most still hold.
        until = _day(rng, AS_OF - timedelta(weeks=30), AS_OF + timedelta(weeks=60))
        reason = rng.choice(EXEMPTION_REASONS)
        decision = f"HSN {AS_OF.year}-0{rng.randint(1, 9)}-15 §{rng.randint(10, 199)}"
        exemptions.append(
            f"  - {{service: {s.id}, channel: {TARGET}, until: {until.isoformat()}, "
            f"reason: {_q(reason)}, decision: {_q(decision)}}}"
        )
    basutbud_ids = {s.id for s in basutbud}
    lines = [
        f"id: {uid}",
        f"name: {_q(name)}",
        f"regi: {regi}",
        f"area: {_q(rng.choice(AREAS))}",
        "offerings:",
    ]
    enables = 0
    for s in services:
        if s.id in basutbud_ids:
            offering = builder.basutbud(s, s.id in deviating)
        elif rng.random() >= 0.7:
            continue
        elif s.migrate:
            offering = builder.migrating(s)
        else:
            offering = builder.staying()
        if s.phone and rng.random() < 0.5:
            offering[OTHER] = Entry("active")
        if s.migrate and _needs_enable(offering, s.id in basutbud_ids):
            enables += 1
        lines.append(f"  {s.id}:")
        lines += [f"    {_channel_key(ch)}: {entry.yaml()}" for ch, entry in offering.items()]
    if lines[-1] == "offerings:":
        lines[-1] = "offerings: {}"
    if exemptions:
        lines += ["exemptions:", *exemptions]
    if rng.random() < 0.05:
        first = _day(rng, PLAN_START, PLAN_START + timedelta(weeks=100))
        last = first + timedelta(days=rng.randint(6, 27))
        lines += ["blackouts:", _blackout(first, last, rng.choice(UNIT_BLACKOUT_REASONS))]
    return "\n".join(lines) + "\n", enables


def generate(units: int, services: int, seed: int) -> dict[str, str]:
    """The catalogue's files as {relative path: text}, the same for the same arguments."""
    if units < 1 or services < 1:
        raise ValueError("a catalogue needs at least one unit and one service")
    rng = random.Random(seed)
    catalogue, basutbud_count = _make_services(rng, services)
    basutbud = catalogue[:basutbud_count]
    width = max(4, len(str(units)))
    regis = ["egen"] * (units // 2) + ["privat"] * (units - units // 2)
    rng.shuffle(regis)
    files: dict[str, str] = {}
    enables = 0
    for n in range(1, units + 1):
        uid = f"hc-{n:0{width}d}"
        place = PLACES[(n - 1) % len(PLACES)]
        round_ = (n - 1) // len(PLACES)
        name = f"Hälsocentral {place}" + (f" {round_ + 1}" if round_ else "")
        text, unit_enables = _make_unit(rng, uid, name, regis[n - 1], catalogue, basutbud)
        files[f"units/{uid}.yaml"] = text
        enables += unit_enables
    # Enough capacity that the backlog alone takes some sixty usable weeks (more than a
    # year with the blackouts); the readiness dates (up to the end of 2028) and the
    # per-unit parallel limit stretch the whole plan to one to three years.
    enables_per_week = max(6, math.ceil(enables / 60))
    return {
        "region.yaml": _region_yaml(enables_per_week),
        "services.yaml": _services_yaml(catalogue),
        "basutbud.yaml": _basutbud_yaml(basutbud),
        **files,
    }


def _clear(out: Path) -> None:
    """Remove a previous catalogue's files, so no stale unit outlives a smaller rerun.

    Only catalogue files go; anything else a user keeps in the folder stays.
    """
    for name in ("region.yaml", "services.yaml", "basutbud.yaml"):
        (out / name).unlink(missing_ok=True)
    units = out / "units"
    if units.is_dir():
        for path in units.glob("*.yaml"):
            path.unlink()


def write(files: dict[str, str], out: Path) -> int:
    """Write the files under `out`; returns the number of bytes written."""
    (out / "units").mkdir(parents=True, exist_ok=True)
    size = 0
    for rel, text in files.items():
        data = text.encode("utf-8")
        (out / rel).write_bytes(data)
        size += len(data)
    return size


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic, valid mvgplan catalogue (see docs/catalog.md).")
    parser.add_argument("--units", type=int, required=True, help="number of hälsocentraler")
    parser.add_argument("--services", type=int, required=True, help="number of e-tjänster")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, required=True, help="catalogue folder to write")
    parser.add_argument("--force", action="store_true", help="overwrite an existing folder")
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.units < 1 or args.services < 1:
        parser.error("--units and --services must be at least 1")
    if out.exists() and not args.force:
        print(f"error: {out} exists; pass --force to overwrite it", file=sys.stderr)
        return 2
    if out.exists() and not out.is_dir():
        print(f"error: {out} is not a folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    files = generate(args.units, args.services, args.seed)
    if out.exists():
        _clear(out)
    size = write(files, out)
    elapsed = time.perf_counter() - started
    print(
        f"wrote {len(files)} files, {size / 1_000_000:.1f} MB, to {out} in {elapsed:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
