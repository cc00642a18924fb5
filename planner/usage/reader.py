"""Read `usage/*.csv` and `usage/*.xlsx` into `UsageData`, with every problem at once.

A national export holds a million rows, and `mvgplan check` reads it on every commit, so the
row loop does no per-row allocation beyond the csv module's: each distinct month, count and
identifier text is parsed once and looked up in a dictionary after that, and messages are
built only on the error path. Errors point at the row's line and the field's 1-based column
(SPEC §8); xlsx rows and columns are the sheet's.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from planner.i18n import _
from planner.problems import Problem, ProblemCode
from planner.usage import months as month_text
from planner.usage.data import UsageData

USAGE_DIR = "usage"
COLUMNS = ("month", "unit", "service", "channel", "count")
MAX_USAGE_FILE_BYTES = 512 * 1024 * 1024
"""A month's national export is tens of MB; a file this large is a mistake, not data."""
MAX_USAGE_ROWS = 20_000_000
"""Rows over all files: twenty national years of exports; past it the rest is refused."""
_SUFFIXES = (".csv", ".xlsx")
_NEAR_MISSES = (".xls", ".xlsm", ".ods", ".tsv", ".numbers")
"""Spreadsheets a person might drop in, which would otherwise be skipped without a word."""


@dataclass(frozen=True)
class Resolver:
    """How a usage row's identifiers lead to catalogue ids."""

    units: dict[str, str]
    """Unit id or hsa_id (exact) → unit id."""
    services: dict[str, str]
    """Service id (exact) → service id."""
    service_names: dict[str, str]
    """Service id or usage name, case-folded → service id."""
    channels: frozenset[str]
    unit_hint: frozenset[str] = frozenset()
    service_hint: frozenset[str] = frozenset()


@dataclass
class _Acc:
    """What the files read so far add up to."""

    resolver: Resolver | None
    problems: list[Problem] = field(default_factory=list)
    series: dict[tuple[str, str, str], dict[str, int]] = field(default_factory=dict)
    where: dict[tuple[str, str, str], dict[str, int]] = field(default_factory=dict)
    """Same keys: where each count was read, `file index << 32 | line`."""
    files: list[str] = field(default_factory=list)
    rows: int = 0
    month_cache: dict[str, str | None] = field(default_factory=dict)
    count_cache: dict[str, int | None] = field(default_factory=dict)
    unknown: dict[tuple[str, str], str] = field(default_factory=dict)
    """(column, text) → the message for an unknown identifier, built once."""


def read_usage(
    root: str | os.PathLike[str], shown_root: str, resolver: Resolver | None
) -> tuple[UsageData, list[Problem]]:
    """Read every usage file of the catalogue folder `root`.

    With `resolver` None (the catalogue itself has errors) rows are checked for their form
    only: an unknown unit or service cannot be told from one the broken file would declare.
    """
    folder = Path(root) / USAGE_DIR
    acc = _Acc(resolver)
    shown_folder = _shown(shown_root, USAGE_DIR)
    if not folder.exists():
        return UsageData(), []
    if not folder.is_dir():
        message = _("usage is a file, not a folder: make usage/ a folder of monthly exports (.csv or .xlsx)")
        return UsageData(), [Problem(shown_folder, 1, 1, "invalid_value", message)]
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        message = _("cannot read the folder: {reason}").format(reason=exc.strerror or str(exc))
        return UsageData(), [Problem(shown_folder, 1, 1, "invalid_value", message)]
    for entry in entries:
        name = entry.name
        if name.startswith((".", "~$")):
            continue  # hidden files and Excel's lock files
        suffix = entry.suffix.lower()
        shown = _shown(shown_root, USAGE_DIR, name)
        if suffix in _NEAR_MISSES and entry.is_file():
            message = _("usage files are .csv or .xlsx, so this one would be left out: save it as .xlsx or CSV UTF-8")
            acc.problems.append(Problem(shown, 1, 1, "invalid_value", message))
            continue
        if suffix not in _SUFFIXES or entry.is_dir():
            continue
        if entry.is_symlink() and not entry.exists():
            acc.problems.append(Problem(shown, 1, 1, "invalid_value", _("not a file, so no usage can be read from it")))
            continue
        _read_file(entry, shown, suffix, acc)
    return _data(acc), acc.problems


def _shown(root: str, *parts: str) -> str:
    path = "/".join([root.rstrip("/\\") or root, *parts]).replace(os.sep, "/") if root else "/".join(parts)
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _data(acc: _Acc) -> UsageData:
    unit_months: dict[str, set[str]] = {}
    all_months: set[str] = set()
    for (unit, _service, _channel), counts in acc.series.items():
        seen = unit_months.setdefault(unit, set())
        seen.update(counts)
    for seen in unit_months.values():
        all_months |= seen
    return UsageData(
        series=acc.series,
        rows=acc.rows,
        files=tuple(acc.files),
        months=tuple(sorted(all_months)),
        unit_months={u: frozenset(m) for u, m in unit_months.items()},
    )


def _read_file(path: Path, shown: str, suffix: str, acc: _Acc) -> None:
    # The one bounded reader (planner/readfile.py): a FIFO, a device such as /dev/zero or a
    # socket is refused unopened, and no more than the limit is read whatever st_size says.
    from planner.readfile import Unreadable, read_bounded

    try:
        raw = read_bounded(path, limit=MAX_USAGE_FILE_BYTES)
    except Unreadable as exc:
        if exc.code == "too_large":
            message = _("{reason}: split the export by month").format(reason=exc.reason)
            acc.problems.append(Problem(shown, 1, 1, "too_large", message))
        else:
            acc.problems.append(exc.problem(shown))
        return
    rows = _xlsx_rows(raw, shown, acc) if suffix == ".xlsx" else _csv_rows(raw, shown, acc)
    if rows is not None:
        acc.files.append(shown)
        _rows(rows, shown, len(acc.files) - 1, acc)


class RowSource(Protocol):
    """Rows of text fields, the header first, like `csv.reader`: after each row, `line_num`
    is the last line it took, so a row starts on the line after the previous row's."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


def _csv_rows(raw: bytes, shown: str, acc: _Acc) -> RowSource | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = _(
            "the file is not UTF-8 text (byte 0x{byte} here): export it as CSV UTF-8 (in Excel: Save as, CSV UTF-8)"
        ).format(byte=f"{raw[exc.start]:02x}")
        acc.problems.append(Problem(shown, line, column, "invalid_value", message))
        return None
    end = text.find("\n")
    header = text if end < 0 else text[:end]
    separator = ";" if header.count(";") > header.count(",") else ","
    reader: RowSource = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    return reader


def _xlsx_rows(raw: bytes, shown: str, acc: _Acc) -> RowSource | None:
    from planner.usage.xlsx import SheetRows, XlsxError

    try:
        return SheetRows(io.BytesIO(raw))
    except XlsxError as exc:
        message = _(
            "cannot read the workbook: {reason}; save it again from Excel as .xlsx, or export CSV UTF-8"
        ).format(reason=str(exc))
        acc.problems.append(Problem(shown, 1, 1, "invalid_value", message))
        return None


Key = tuple[str, str, str]
Resolved = Key | list[tuple[int, ProblemCode, str]]
"""A row's (unit, service, channel) as catalogue ids, or the problems (column, code, message)."""


def _resolve(acc: _Acc, raw: Key, columns: tuple[int, int, int]) -> Resolved:
    """The catalogue ids a row's unit, service and channel texts name (computed once per distinct triple)."""
    assert acc.resolver is not None
    resolver = acc.resolver
    unit_text, service_text, channel_text = raw
    problems: list[tuple[int, ProblemCode, str]] = []
    unit = resolver.units.get(unit_text) or resolver.units.get(unit_text.strip())
    if unit is None:
        problems.append((columns[0], "unknown_reference", _unknown(acc, "unit", unit_text)))
    service = resolver.services.get(service_text) or resolver.services.get(service_text.strip())
    if service is None:
        service = resolver.service_names.get(service_text.strip().casefold())
        if service is None:
            problems.append((columns[1], "unknown_reference", _unknown(acc, "service", service_text)))
    channel = channel_text.strip()
    if channel not in resolver.channels:
        problems.append((columns[2], "unknown_reference", _unknown(acc, "channel", channel)))
    if problems or unit is None or service is None:
        return problems
    return (unit, service, channel)


def _rows(reader: RowSource, shown: str, file_index: int, acc: _Acc) -> None:
    problems = acc.problems
    rows = iter(reader)
    try:
        header = _header(rows, reader, shown, problems)
    except _Unreadable as exc:
        problems.append(Problem(shown, exc.line, 1, "invalid_value", exc.message))
        return
    if header is None:
        return
    im, iu, isv, ic, ico = header
    columns = (iu + 1, isv + 1, ic + 1)
    need = max(header) + 1
    checked = acc.resolver is not None
    month_cache, count_cache = acc.month_cache, acc.count_cache
    keys: dict[Key, Resolved] = {}
    series, where = acc.series, acc.where
    tag = file_index << 32
    rows_read = acc.rows
    last = reader.line_num
    try:
        for fields in rows:
            line = last + 1
            last = reader.line_num
            if len(fields) < need:
                if not any(f.strip() for f in fields):
                    continue  # a blank line, or a row of empty cells under an Excel table
                message = _("the row has {found} fields but needs {needed}: fill in the missing ones").format(
                    found=len(fields), needed=need
                )
                problems.append(Problem(shown, line, len(fields) + 1, "invalid_value", message))
                rows_read += 1
                continue
            rows_read += 1
            if rows_read > MAX_USAGE_ROWS:
                message = _("more than {limit} usage rows in all: the rest is not read; remove old exports").format(
                    limit=f"{MAX_USAGE_ROWS:,}"
                )
                problems.append(Problem(shown, line, 1, "too_large", message))
                break
            text = fields[im]
            month = month_cache.get(text, "")
            if month == "":
                month = month_cache[text] = month_text.parse_month(text.strip())
            text = fields[ico]
            count = count_cache.get(text, -1)
            if count == -1:
                count = count_cache[text] = _parse_count(text)
            if month is None or count is None:
                if month is None and not any(f.strip() for f in fields):
                    rows_read -= 1
                    continue  # a row of empty cells (`;;;;`) under an Excel table
                if month is None:
                    problems.append(Problem(shown, line, im + 1, "invalid_value", _bad_month(fields[im])))
                if count is None:
                    problems.append(Problem(shown, line, ico + 1, "invalid_value", _bad_count(fields[ico])))
            if not checked:
                continue
            raw = (fields[iu], fields[isv], fields[ic])
            key = keys.get(raw)
            if key is None:
                key = keys[raw] = _resolve(acc, raw, columns)
            if key.__class__ is list:
                problems.extend(Problem(shown, line, column, code, message) for column, code, message in key)
                continue
            if month is None or count is None:
                continue
            counts = series.get(key)  # type: ignore[arg-type]
            if counts is None:
                series[key] = {month: count}  # type: ignore[index]
                where[key] = {month: tag | line}  # type: ignore[index]
            elif month in counts:
                problems.append(Problem(shown, line, 1, "duplicate_row", _duplicate(acc, key, month)))  # type: ignore[arg-type]
            else:
                counts[month] = count
                where[key][month] = tag | line  # type: ignore[index]
    except _Unreadable as exc:
        problems.append(Problem(shown, exc.line, 1, "invalid_value", exc.message))
    except csv.Error as exc:  # pragma: no cover - csv with strict=False accepts any text
        problems.append(Problem(shown, last + 1, 1, "invalid_value", str(exc)))
    acc.rows = rows_read


class _Unreadable(Exception):
    """A workbook that fails part-way through its rows."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _header(
    rows: Iterator[list[str]], reader: RowSource, shown: str, problems: list[Problem]
) -> tuple[int, ...] | None:
    """The positions of the five columns, or None (with the problems) when one is missing."""
    columns = ";".join(COLUMNS)
    for fields in rows:
        if not any(f.strip() for f in fields):
            continue
        positions: dict[str, int] = {}
        found_problem = False
        for i, name in enumerate(fields):
            folded = name.strip().casefold()
            if folded in COLUMNS:
                if folded in positions:
                    message = _("the column '{name}' appears twice (columns {first} and {second}): remove one").format(
                        name=folded, first=positions[folded] + 1, second=i + 1
                    )
                    problems.append(Problem(shown, reader.line_num, i + 1, "invalid_value", message))
                    found_problem = True
                else:
                    positions[folded] = i
        for name in COLUMNS:
            if name not in positions:
                message = _(
                    "the column '{name}' is missing; the first row names the columns, these five are needed: {columns}"
                ).format(name=name, columns=columns)
                problems.append(Problem(shown, 1, 1, "missing_field", message))
                found_problem = True
        return None if found_problem else tuple(positions[name] for name in COLUMNS)
    message = _("the file is empty; its first row names the columns: {columns}").format(columns=columns)
    problems.append(Problem(shown, 1, 1, "missing_field", message))
    return None


def _parse_count(text: str) -> int | None:
    text = text.strip()
    if text.isascii() and text.isdigit():
        return int(text)
    return None


def _bad_month(text: str) -> str:
    text = text.strip()
    if not text:
        return _("the month is empty: write it YYYY-MM, e.g. 2026-10")
    return _("expected a month written YYYY-MM (e.g. 2026-10), got '{value}'").format(value=text)


def _bad_count(text: str) -> str:
    text = text.strip()
    if not text:
        return _("the count is empty: write the number of errands, 0 if there were none")
    if text.startswith("-"):
        return _("the count {value} is negative: a count of errands is a whole number ≥ 0").format(value=text)
    if text.replace(",", "").replace(".", "").replace(" ", "").isdigit():
        return _(
            "the count {value} is not a whole number: write the number of errands without decimals or separators"
        ).format(value=text)
    return _("expected a count of errands (a whole number ≥ 0), got '{value}'").format(value=text)


_WHAT = {"unit": ("units/", "hsa_id"), "service": ("services.yaml", "usage_names"), "channel": ("region.yaml", "")}


def _unknown(acc: _Acc, what: str, text: str) -> str:
    text = text.strip()
    cached = acc.unknown.get((what, text))
    if cached is not None:
        return cached
    from planner.catalog.diagnose import did_you_mean

    assert acc.resolver is not None
    if not text:
        empty = {
            "unit": _("the unit is empty: write a unit id or its hsa_id"),
            "service": _("the service is empty: write a service id or one of its usage_names"),
            "channel": _("the channel is empty: write a channel id from region.yaml"),
        }
        return empty[what]
    if what == "unit":
        hint = did_you_mean(text, acc.resolver.unit_hint)
        message = _("unknown unit '{value}'{hint}: use a unit id or its hsa_id, or add the hsa_id to the unit's file")
    elif what == "service":
        hint = did_you_mean(text, acc.resolver.service_hint)
        message = _(
            "unknown service '{value}'{hint}: use a service id, "
            "or add this name to the service's usage_names in services.yaml"
        )
    else:
        hint = did_you_mean(text, acc.resolver.channels)
        message = _("unknown channel '{value}'{hint}: use a channel id from region.yaml")
    result = message.format(value=text, hint=hint)
    if len(acc.unknown) < 10_000:
        acc.unknown[(what, text)] = result
    return result


def _duplicate(acc: _Acc, key: tuple[str, str, str], month: str) -> str:
    packed = acc.where[key][month]
    first = f"{acc.files[packed >> 32]}:{packed & 0xFFFFFFFF}"
    unit, service, channel = key
    return _(
        "a second row for {month}, unit {unit}, service {service}, channel {channel}; the first is at {first}: "
        "remove one or add them up"
    ).format(month=month, unit=unit, service=service, channel=channel, first=first)


def resolver_for(units: Iterable[Any], services: Iterable[Any], channels: Iterable[str]) -> Resolver:
    """The lookups for a validated catalogue's units, services and channel ids."""
    by_unit: dict[str, str] = {}
    for unit in units:
        by_unit[unit.id] = unit.id
        if unit.hsa_id:
            by_unit.setdefault(unit.hsa_id, unit.id)
    by_service: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for service in services:
        by_service[service.id] = service.id
    for service in services:
        for name in service.usage_names:
            by_name.setdefault(name.strip().casefold(), service.id)
    service_hint = set(by_service)
    for service in services:
        service_hint.update(n.strip() for n in service.usage_names)
    return Resolver(
        units=by_unit,
        services=by_service,
        service_names=by_name,
        channels=frozenset(channels),
        unit_hint=frozenset(by_unit),
        service_hint=frozenset(service_hint),
    )
