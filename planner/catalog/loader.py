"""Load a catalogue folder: every file read, parsed, validated and cross-checked in one run.

Errors are values here: `load_catalog` never raises for bad input, it returns every problem
it found in every file, and a `Catalog` only when there are none.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from planner.catalog import references
from planner.catalog.diagnose import problems_from_validation
from planner.catalog.model import Basutbud, Region, Service, ServicesFile, Unit
from planner.catalog.yamltree import MAX_FILE_BYTES, MAX_PROBLEMS, Mark, PosNode, parse
from planner.i18n import _, ngettext
from planner.problems import Problem
from planner.readfile import Unreadable
from planner.readfile import read_bounded as read_file_bounded
from planner.usage.data import UsageData

M = TypeVar("M", bound=BaseModel)

REGION_FILE = "region.yaml"
SERVICES_FILE = "services.yaml"
BASUTBUD_FILE = "basutbud.yaml"
UNITS_DIR = "units"


@dataclass(frozen=True)
class SourceFile:
    """One file of the catalogue: the path as the user should see it, and its positions."""

    path: str
    positions: PosNode

    def at(self, *loc: Any, key: bool = False) -> Mark:
        return self.positions.locate(tuple(loc), key=key)


@dataclass(frozen=True)
class Catalog:
    """A validated catalogue: the models, plus where each of their parts is written."""

    root: str
    region: Region
    services: tuple[Service, ...]
    basutbud: Basutbud
    units: tuple[Unit, ...]
    """Sorted by id."""
    sources: dict[str, SourceFile] = field(repr=False)
    """`region`, `services`, `basutbud` and `units/<id>`."""
    digest: str = ""
    """`sha256:` over every YAML file's relative path and bytes: changes when any of them does
    (the usage data is not in it: a new month of exports does not make a plan stale)."""
    usage: UsageData = field(default_factory=UsageData, repr=False)
    """The usage exports in `usage/` (SPEC §8); empty when there are none."""

    @cached_property
    def service_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    @cached_property
    def unit_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @property
    def as_of(self) -> date | None:
        return self.region.as_of

    def unit_source(self, unit_id: str) -> SourceFile:
        return self.sources[f"{UNITS_DIR}/{unit_id}"]

    def offering_line(self, unit_id: str, service: str, channel: str | None = None) -> int:
        """The line a person edits for this offering: the channel's, else the service's,
        else the unit's `offerings:` key, else its `id:`."""
        positions = self.unit_source(unit_id).positions
        candidates: list[tuple[str, ...]] = [("offerings", service), ("offerings",), ("id",)]
        if channel is not None:
            candidates.insert(0, ("offerings", service, channel))
        for loc in candidates:
            parent = positions.locate_node(loc[:-1])
            if parent is not None and loc[-1] in parent.keys:
                return parent.keys[loc[-1]][0]
        return 1


@dataclass(frozen=True)
class LoadResult:
    """What loading found: a catalogue when there were no problems, else the problems."""

    catalog: Catalog | None
    problems: list[Problem]


def display_path(root: str, *parts: str) -> str:
    """Paths as the user gave them (relative stays relative), always with forward slashes.

    A file name that is not valid UTF-8 is shown with U+FFFD in place of its bad bytes, so
    printing it can never fail.
    """
    path = "/".join([root.rstrip("/\\") or root, *parts]).replace(os.sep, "/") if root else "/".join(parts)
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass
class _Read:
    path: str
    raw: bytes | None
    data: Any = None
    positions: PosNode = field(default_factory=lambda: PosNode((1, 1)))
    trustworthy: bool = False
    problems: list[Problem] = field(default_factory=list)
    """What the YAML reader found in this file."""


def read_bounded(
    path: Path, shown: str, max_bytes: int = MAX_FILE_BYTES, *, missing: str | None = None
) -> tuple[bytes | None, Problem | None]:
    """The bytes of the file at `path`, or the problem that stops reading it (shown as `shown`).

    Every input file goes through here (the catalogue's, and plan files for `diff` and
    `progress`), so a file too large, missing or unreadable is refused the same way. The
    reading is `planner.readfile.read_bounded`'s: anything but a regular file (a FIFO, a
    device such as /dev/zero, a socket, a folder) is refused before it is opened, and never
    more than `max_bytes` + 1 bytes are read, whatever the file system says the size is.
    """
    try:
        raw = read_file_bounded(path, limit=max_bytes)
    except Unreadable as exc:
        if exc.missing:
            return None, Problem(shown, 1, 1, "missing_field", missing or exc.reason)
        return None, exc.problem(shown)
    return raw, None


def _read(path: Path, shown: str, problems: list[Problem], replaced: Mapping[Path, bytes]) -> _Read:
    raw: bytes | None
    if path in replaced:
        raw, problem = replaced[path], None
    else:
        raw, problem = read_bounded(
            path, shown, missing=_("the catalogue has no {name}; create it").format(name=path.name)
        )
    if problem is not None:
        problems.append(problem)
        return _Read(shown, None)
    assert raw is not None
    parsed = parse(raw, shown)
    problems.extend(parsed.problems)
    return _Read(shown, raw, parsed.data, parsed.positions, parsed.trustworthy, parsed.problems)


def _validate(model: type[M], read: _Read, problems: list[Problem]) -> M | None:
    if not read.trustworthy:
        return None
    try:
        # by_name=False: `from_` is the Python name of `from`, not a key a file may use
        return model.model_validate(read.data, by_alias=True, by_name=False)
    except ValidationError as exc:
        found = problems_from_validation(exc, model, read.path, read.positions, read.data)
        # Where the reader already complained (a merge key, a tag), that is the thing to fix.
        taken = {(p.file, p.line, p.column) for p in read.problems}
        problems.extend(p for p in found if (p.file, p.line, p.column) not in taken)
        return None


def _capped(problems: list[Problem]) -> list[Problem]:
    """Sorted, and at most MAX_PROBLEMS per file, then one line that counts the rest (as the
    YAML reader caps its own): 10,000 unknown keys need not print 10,000 lines."""
    by_file: dict[str, list[Problem]] = {}
    for p in sorted(set(problems)):
        by_file.setdefault(p.file, []).append(p)
    out: list[Problem] = []
    for found in by_file.values():
        out.extend(found[:MAX_PROBLEMS])
        rest = found[MAX_PROBLEMS:]
        if rest:
            message = ngettext(
                "and {n} more problem in this file, not shown; fix these and run again",
                "and {n} more problems in this file, not shown; fix these and run again",
                len(rest),
            ).format(n=len(rest))
            out.append(Problem(rest[0].file, rest[0].line, rest[0].column, "too_large", message))
    return sorted(out)


def load_catalog(root: str | os.PathLike[str], replaced: Mapping[str, bytes] | None = None) -> LoadResult:
    """Read, validate and cross-check the catalogue folder `root`. Never raises for bad input.

    `replaced` maps a file's path below `root` (`units/hc-a.yaml`) to bytes read in place of
    the file's: how `mvgplan record` validates the catalogue its change would leave.
    """
    # Leaves the garbage collector alone: a front end pauses it around the load
    # (planner/speed.py), which more than halves the time of a national catalogue.
    shown = os.fspath(root)
    try:
        return _load(shown, {Path(shown) / rel: data for rel, data in (replaced or {}).items()})
    except OSError as exc:  # a path the system refuses outright (a name too long, …)
        reason = exc.strerror or str(exc)
        return LoadResult(
            None,
            [Problem(shown, 1, 1, "invalid_value", _("cannot read the catalogue: {reason}").format(reason=reason))],
        )


def _usage(
    shown_root: str, problems: list[Problem], region: Region | None, services: ServicesFile | None, units: list[Unit]
) -> tuple[UsageData, list[Problem]]:
    """The usage exports; their identifiers are looked up only in a catalogue without errors
    (a row naming a unit whose file is broken is not "unknown")."""
    from planner.usage.reader import read_usage, resolver_for

    resolver = None
    if not problems and region is not None and services is not None:
        resolver = resolver_for(units, services.services, [c.id for c in region.channels])
    return read_usage(shown_root, shown_root, resolver)


def _looks_like_unit_file(suffix: str) -> bool:
    """A suffix that was meant to be `.yaml` (`.yml`, `.YAML`, `.yam`, `.ymal`): a unit file
    the loader would otherwise skip without a word, and the unit would vanish from the plan."""
    if suffix == ".yaml":
        return False
    return difflib.SequenceMatcher(None, suffix.casefold(), ".yaml").ratio() >= 0.75


def _load(shown_root: str, replaced: Mapping[Path, bytes]) -> LoadResult:
    base = Path(shown_root)
    problems: list[Problem] = []
    if not base.is_dir():
        if base.exists():
            message = _("this is a file, not a catalogue folder: pass the folder that holds region.yaml")
        else:
            message = _("no catalogue folder here; pass --catalog PATH or set MVGPLAN_CATALOG")
        return LoadResult(None, [Problem(shown_root, 1, 1, "missing_field", message)])

    reads: dict[str, _Read] = {}
    reads["region"] = _read(base / REGION_FILE, display_path(shown_root, REGION_FILE), problems, replaced)
    reads["services"] = _read(base / SERVICES_FILE, display_path(shown_root, SERVICES_FILE), problems, replaced)
    reads["basutbud"] = _read(base / BASUTBUD_FILE, display_path(shown_root, BASUTBUD_FILE), problems, replaced)
    region = _validate(Region, reads["region"], problems)
    services_file = _validate(ServicesFile, reads["services"], problems)
    basutbud = _validate(Basutbud, reads["basutbud"], problems)

    units: list[tuple[str, Unit]] = []
    unit_reads: dict[str, _Read] = {}
    units_dir = base / UNITS_DIR
    entries: list[Path] = []
    if not units_dir.is_dir():
        shown = display_path(shown_root, UNITS_DIR)
        message = (
            _("units is a file, not a folder: make units/ a folder with one file per hälsocentral")
            if units_dir.exists()
            else _("the catalogue has no units/ folder; add one file per hälsocentral")
        )
        problems.append(Problem(shown, 1, 1, "missing_field", message))
    else:
        try:
            entries = sorted(units_dir.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            shown = display_path(shown_root, UNITS_DIR)
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "yaml_syntax",
                    _("cannot read the folder: {strerror}").format(
                        strerror=exc.strerror,
                    ),
                )
            )
        for entry in entries:
            if entry.name.startswith(".") or entry.name.endswith("~"):
                continue  # hidden files and editors' backups
            shown = display_path(shown_root, UNITS_DIR, entry.name)
            if entry.suffix != ".yaml":
                if _looks_like_unit_file(entry.suffix) and not entry.is_dir():
                    message = _(
                        "unit files end in .yaml, so this one would be left out: rename it to {stem}.yaml"
                    ).format(
                        stem=entry.stem,
                    )
                    problems.append(Problem(shown, 1, 1, "invalid_value", message))
                continue  # a README or other notes beside the unit files
            if entry.is_symlink() and not entry.exists():
                message = _("a link to a file that does not exist, so no unit can be read from it")
                problems.append(Problem(shown, 1, 1, "invalid_value", message))
                continue
            read = _read(entry, shown, problems, replaced)  # refuses a folder, a pipe or a device by name
            unit_reads[entry.stem] = read
            unit = _validate(Unit, read, problems)
            if unit is not None:
                units.append((entry.stem, unit))

    sources = {k: SourceFile(r.path, r.positions) for k, r in reads.items()}
    sources.update({f"{UNITS_DIR}/{stem}": SourceFile(r.path, r.positions) for stem, r in unit_reads.items()})
    problems.extend(
        references.check(
            region=reads["region"].data,
            services=reads["services"].data,
            basutbud=reads["basutbud"].data,
            units=[references.UnitInput(stem, r.data, f"{UNITS_DIR}/{stem}") for stem, r in unit_reads.items()],
            sources=dict(sources),
        )
    )
    usage, usage_problems = _usage(shown_root, problems, region, services_file, [u for _, u in units])
    problems.extend(usage_problems)
    if problems or region is None or services_file is None or basutbud is None:
        return LoadResult(None, _capped(problems))

    digest = hashlib.sha256()
    for rel, read in sorted(
        [(REGION_FILE, reads["region"]), (SERVICES_FILE, reads["services"]), (BASUTBUD_FILE, reads["basutbud"])]
        + [(f"{UNITS_DIR}/{stem}.yaml", r) for stem, r in unit_reads.items()]
    ):
        digest.update(rel.encode() + b"\0" + (read.raw or b"") + b"\0")
    by_id = {u.id: u for _, u in units}
    catalog_sources = dict(sources)
    for stem, unit in units:  # stems equal ids once validation passed
        catalog_sources[f"{UNITS_DIR}/{unit.id}"] = sources[f"{UNITS_DIR}/{stem}"]
    return LoadResult(
        Catalog(
            root=shown_root,
            region=region,
            services=tuple(services_file.services),
            basutbud=basutbud,
            units=tuple(by_id[k] for k in sorted(by_id)),
            sources=catalog_sources,
            digest="sha256:" + digest.hexdigest(),
            usage=usage,
        ),
        [],
    )
