"""Write illustrative monthly usage exports (SPEC §8) for a catalogue, shipped or synthetic.

    python benchmarks/generate_usage.py --catalog catalog --story           # the shipped usage/
    python benchmarks/generate.py --units 1200 --services 150 --seed 1 --out /tmp/national
    python benchmarks/generate_usage.py --catalog /tmp/national --rows 1000000

The counts follow the catalogue's statuses and dates: a channel has errands in a month when
its offering was active in the middle of it (the history rule of SPEC §8), and while both
channels are open the target's share grows from the day the target opened towards a ceiling
per unit and service. `--story` writes the shipped catalogue's story of the 2025 audit on
top: förnya recept, intyg and hjälpmedel moved well in April 2024; at a few hälsocentraler
services stay in long parallel periods where most patients keep using 1177; one 1177
redirect leaks; one private unit's export for a month is missing; one pilot runs in MVG before
the catalogue says so. Everything is invented (ILLUSTRATIV), like the unit files' statuses.

Files: the 1177 statistics as `;`-separated CSV (with a BOM and CRLF, as Excel saves it)
naming units by hsa_id and services by their 1177 names (the first of `usage_names`), the
MVG (Platform24) statistics as `,`-separated CSV with catalogue ids, and with `--xlsx` a
small `.xlsx` of TeleQ call-backs. The same arguments always give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import sys
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from planner.catalog.loader import Catalog, load_catalog
from planner.catalog.model import Offering
from planner.usage import months as mo

# Errands a month at a hälsocentral of average size, per service (förnya recept dominates,
# as in the region's statistics: 20,000–28,000 1177 errands a month before April 2024).
DEMAND = {
    "receptfornyelse": 420,
    "intyg": 70,
    "hjalpmedel": 35,
    "mina-vardkontakter": 160,
    "kontakta-mig": 190,
    "omboka-tid": 110,
    "boka-tid": 140,
    "skicka-meddelande": 150,
    "digitala-vardmoten": 45,
    "sok-vard-digitalt": 260,
    "speciallivsmedel": 12,
    "preventivmedel": 25,
    "forlang-sjukskrivning": 30,
    "egenremiss": 18,
    "fraga-om-min-remiss": 12,
    "bestall-journalkopia": 8,
}
SEASON = {1: 1.05, 2: 1.0, 3: 1.0, 4: 0.95, 5: 0.95, 6: 0.85, 7: 0.6, 8: 0.8, 9: 1.0, 10: 1.05, 11: 1.05, 12: 0.85}

# The shipped catalogue's story (unit id, service id) → the ceiling of the target's share.
STUCK = {
    ("stortorget-gavle", "receptfornyelse"): 0.52,
    ("stortorget-gavle", "intyg"): 0.47,
    ("stortorget-gavle", "hjalpmedel"): 0.58,
    ("oxtorget-soderhamn", "digitala-vardmoten"): 0.41,
    ("edsbyn", "kontakta-mig"): 0.63,
    ("iggesund", "mina-vardkontakter"): 0.69,
}
LEAKS = {("hofors", "receptfornyelse"): 0.22}
"""A 1177 redirect that does not work: this share of the errands still arrives in 1177."""
MISSING_MONTH = ("skeppsbron-gavle", "2026-09")
"""The export hälsovalskontoret never received."""
PILOT = ("bollnas", "skicka-meddelande", "2026-09")
"""MVG's chat pilot ran here from this month, while the catalogue still says `planned`."""


@dataclass(frozen=True)
class Settings:
    months: list[str]
    story: bool
    seed: int
    xlsx: bool = False


def _rng(seed: int, *key: str) -> random.Random:
    """One generator per unit and service, so a change elsewhere leaves these counts alone."""
    return random.Random(zlib.crc32("\0".join((str(seed), *key)).encode()))


def _mid(month: str) -> date:
    return mo.first_day(month).replace(day=15)


def _active(offering: Offering | None, day: date) -> bool:
    if offering is None:
        return False
    if offering.status == "active":
        return offering.since is None or offering.since <= day
    if offering.status in ("redirect", "retired"):
        return offering.since is not None and day < offering.since
    return False


def _months_open(offering: Offering, day: date) -> float:
    since = offering.since or date(2022, 1, 1)
    return max(0.0, (day - since).days / 30.4)


def _demand(service: str, size: float, month: str, rng: random.Random) -> int:
    base = DEMAND.get(service) or 20 + zlib.crc32(service.encode()) % 120
    return max(0, round(base * size * SEASON[int(month[5:])] * rng.gauss(1.0, 0.08)))


def usage_rows(catalog: Catalog, settings: Settings) -> list[tuple[str, str, str, str, int]]:
    """(month, unit id, service id, channel id, count) for every month an offering was open."""
    legacy, target = catalog.region.legacy, catalog.region.target
    rows: list[tuple[str, str, str, str, int]] = []
    for unit in catalog.units:
        size = 0.5 + (zlib.crc32(f"{settings.seed}:{unit.id}".encode()) % 1000) / 1000 * 1.1
        for service_id, by_channel in unit.offerings.items():
            service = catalog.service_by_id[service_id]
            if not service.migrate:
                continue  # national 1177 services: nothing to follow up
            old, new = by_channel.get(legacy), by_channel.get(target)
            rng = _rng(settings.seed, unit.id, service_id)
            ceiling = min(0.97, max(0.6, rng.gauss(0.9, 0.04)))
            if settings.story:
                ceiling = STUCK.get((unit.id, service_id), ceiling)
            leak = LEAKS.get((unit.id, service_id), 0.0) if settings.story else 0.0
            pilot = settings.story and (unit.id, service_id) == PILOT[:2]
            for month in settings.months:
                if settings.story and (unit.id, month) == MISSING_MONTH:
                    continue
                day = _mid(month)
                open_old, open_new = _active(old, day), _active(new, day)
                if pilot and month >= PILOT[2]:
                    open_new = True
                demand = _demand(service_id, size, month, rng)
                if open_old and open_new and new is not None:
                    share = ceiling - (ceiling - 0.08) * math.exp(-_months_open(new, day) / 4.0)
                    moved = round(demand * share)
                    rows.append((month, unit.id, service_id, legacy, demand - moved))
                    rows.append((month, unit.id, service_id, target, moved))
                elif open_new:
                    leaked = round(demand * leak)
                    if leaked:
                        rows.append((month, unit.id, service_id, legacy, leaked))
                    rows.append((month, unit.id, service_id, target, demand - leaked))
                elif open_old:
                    rows.append((month, unit.id, service_id, legacy, demand))
    return rows


def _teleq_rows(catalog: Catalog, settings: Settings) -> list[tuple[str, str, str, str, int]]:
    rows = []
    for unit in catalog.units:
        offering = unit.offerings.get("kontakta-mig", {}).get("teleq")
        for month in settings.months[-3:]:
            if settings.story and (unit.id, month) == MISSING_MONTH:
                continue
            if _active(offering, _mid(month)):
                rng = _rng(settings.seed, unit.id, "teleq", month)
                rows.append((month, unit.id, "kontakta-mig", "teleq", round(rng.uniform(40, 160))))
    return rows


def write(catalog: Catalog, out: Path, settings: Settings) -> int:
    """Write the exports into `out` (replacing earlier ones); returns the number of rows."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.csv"), *out.glob("*.xlsx")]:
        old.unlink()
    rows = usage_rows(catalog, settings)
    legacy = catalog.region.legacy
    hsa = {u.id: u.hsa_id or u.id for u in catalog.units}
    name_1177 = {s.id: (s.usage_names[0] if s.usage_names else s.id) for s in catalog.services}
    first, last = settings.months[0], settings.months[-1]
    with (out / f"1177-statistik-{first}--{last}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Month", "Unit", "Service", "Channel", "Count", "Enhet (namn)"])
        names = {u.id: u.name for u in catalog.units}
        for month, unit, service, channel, count in rows:
            if channel == legacy:
                writer.writerow([month, hsa[unit], name_1177[service], channel, count, names[unit]])
    with (out / f"mvg-platform24-{first}--{last}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["month", "unit", "service", "channel", "count"])
        for month, unit, service, channel, count in rows:
            if channel != legacy:
                writer.writerow([month, unit, service, channel, count])
    total = len(rows)
    if settings.xlsx:
        total += _write_xlsx(
            out / f"teleq-aterringning-{settings.months[-3]}--{last}.xlsx", _teleq_rows(catalog, settings)
        )
    return total


def _write_xlsx(path: Path, rows: list[tuple[str, str, str, str, int]]) -> int:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Återuppringningar"
    sheet.append(["month", "unit", "service", "channel", "count"])
    for row in rows:
        sheet.append(list(row))
    # A fixed creation time, so the same arguments give the same bytes.
    book.properties.created = book.properties.modified = datetime(2026, 11, 23)
    book.save(path)
    _fix_zip_times(path)
    return len(rows)


def _fix_zip_times(path: Path) -> None:
    """openpyxl stamps every part of the zip with the clock; stamp them with as_of instead."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name == "docProps/core.xml":  # openpyxl sets `modified` to the clock on save
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2026-11-23T00:00:00Z<", data)
            target.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 23, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def _months_for(catalog: Catalog, months: int | None, rows: int | None, seed: int) -> list[str]:
    last = mo.shift(mo.of(catalog.as_of or date.today()), -1)  # the last whole month before as_of
    if months is None and rows:
        per_month = len(usage_rows(catalog, Settings([last], False, seed)))
        months = max(1, round(rows / max(1, per_month)))
    return mo.span(mo.shift(last, 1 - (months or 24)), last)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write illustrative usage exports into CATALOG/usage/.")
    parser.add_argument("--catalog", required=True, help="the catalogue folder")
    parser.add_argument("--out", help="where to write (default: CATALOG/usage)")
    parser.add_argument("--months", type=int, help="months up to as_of (default 24, or as many as --rows needs)")
    parser.add_argument("--rows", type=int, help="about this many rows (national scale: 1000000)")
    parser.add_argument("--story", action="store_true", help="the shipped catalogue's story of the audit")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--xlsx",
        action="store_true",
        help="also write the TeleQ call-backs of the last 3 months as .xlsx (not shipped: reading an .xlsx "
        "imports openpyxl, which would cost every `mvgplan check` a third of its start-up)",
    )
    args = parser.parse_args(argv)
    loaded = load_catalog(args.catalog)
    if loaded.catalog is None:
        for problem in loaded.problems[:20]:
            print(problem.render(), file=sys.stderr)
        return 2
    started = time.perf_counter()
    settings = Settings(
        _months_for(loaded.catalog, args.months, args.rows, args.seed), args.story, args.seed, args.xlsx
    )
    out = Path(args.out) if args.out else Path(args.catalog) / "usage"
    count = write(loaded.catalog, out, settings)
    seconds = time.perf_counter() - started
    print(f"wrote {count:,} rows for {settings.months[0]} … {settings.months[-1]} to {out} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
