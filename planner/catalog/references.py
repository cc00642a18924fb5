"""Checks across files: ids that must exist, ids that must be unique, cycles in depends_on.

They run on the raw data of every file, valid or not, so one defect does not hide another:
a unit file with a misspelt `regi` still has its unknown services reported, and a
services.yaml with a bad date still has its dependency cycle named. To keep one mistake
from cascading into dozens of errors, a value that is malformed (already reported by the
schema) is never looked up, and a list whose ids cannot all be read (an entry without a
well-formed id) is not used to call anything unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from planner.catalog.diagnose import did_you_mean
from planner.catalog.model import SLUG_PATTERN
from planner.catalog.yamltree import Mark
from planner.i18n import N_, _
from planner.problems import Problem, ProblemCode

_SLUG = re.compile(SLUG_PATTERN)
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-", "_": "-", "\u00a0": "-"})


class Source(Protocol):
    """A file of the catalogue as the checks see it: its shown path and its positions."""

    @property
    def path(self) -> str: ...

    def at(self, *loc: Any, key: bool = False) -> Mark: ...


@dataclass(frozen=True)
class UnitInput:
    """One unit file: its stem, its raw data (whatever YAML it held) and its source key."""

    stem: str
    data: Any
    source: str


def _slug(value: Any) -> str | None:
    return value if isinstance(value, str) and _SLUG.match(value) else None


def _fold(text: str) -> str:
    return text.strip().lower().translate(_FOLD)


@dataclass
class _Ids:
    """The ids a list declares, as far as they can be read."""

    what: str
    home: str
    """Where they are declared, for the hint in a message."""
    first: dict[str, int] = field(default_factory=dict)
    """Well-formed id → index of its first entry."""
    malformed: set[str] = field(default_factory=set)
    """Ids written but not well-formed (folded): references to them are not called unknown."""
    complete: bool = True
    """False when an entry has no readable id: then nothing can be called unknown."""

    def unknown(self, value: str) -> bool:
        return value not in self.first and self.complete and _fold(value) not in self.malformed


_DECLARED = {"channel": N_("; channels are declared in {home}"), "service": N_("; services are declared in {home}")}
_UNKNOWN = {"channel": N_("unknown channel '{value}'{hint}"), "service": N_("unknown service '{value}'{hint}")}
_DUPLICATE = {
    "channel": N_("channel id '{ident}' is already used at line {line}; ids must be unique: rename or remove one"),
    "service": N_("service id '{ident}' is already used at line {line}; ids must be unique: rename or remove one"),
}


def _declared(raw: Any, list_key: str, what: str, home: str) -> _Ids | None:
    """The ids declared by `raw[list_key]`, or None when the file cannot be read that far."""
    entries = raw.get(list_key) if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        return None
    ids = _Ids(what, home)
    for i, entry in enumerate(entries):
        ident = entry.get("id") if isinstance(entry, dict) else None
        slug = _slug(ident)
        if slug is not None:
            ids.first.setdefault(slug, i)
        elif isinstance(ident, str):
            ids.malformed.add(_fold(ident))
        else:
            ids.complete = False
    return ids


class _Collector:
    def __init__(self, sources: dict[str, Source]) -> None:
        self.sources = sources
        self.problems: list[Problem] = []

    def add(self, source: str, loc: tuple[Any, ...], code: ProblemCode, message: str, *, key: bool = False) -> None:
        src = self.sources[source]
        line, column = src.at(*loc, key=key)
        self.problems.append(Problem(src.path, line, column, code, message))

    def reference(
        self, source: str, loc: tuple[Any, ...], value: Any, ids: _Ids | None, *, key: bool = False, lead: str = ""
    ) -> None:
        """Report `value` when it is a well-formed id that `ids` does not declare."""
        if ids is None or _slug(value) is None or not ids.unknown(value):
            return
        hint = did_you_mean(value, ids.first) or _(_DECLARED[ids.what]).format(home=ids.home)
        message = _("service '{service}' depends on unknown service '{value}'{hint}") if lead else _(_UNKNOWN[ids.what])
        self.add(
            source,
            loc,
            "unknown_reference",
            message.format(service=lead, value=value, hint=hint),
            key=key,
        )


def check(
    *,
    region: Any,
    services: Any,
    basutbud: Any,
    units: list[UnitInput],
    sources: dict[str, Source],
) -> list[Problem]:
    """Every cross-file problem, from the raw data of `region`, `services`, `basutbud` and
    each unit file (the keys of `sources` are `region`, `services`, `basutbud` and each
    unit's `source`)."""
    out = _Collector(sources)
    channels = _declared(region, "channels", "channel", "region.yaml")
    service_ids = _declared(services, "services", "service", "services.yaml")
    if channels is not None:
        _unique(out, "region", "channels", region["channels"], "channel")
    if service_ids is not None:
        _unique(out, "services", "services", services["services"], "service")
        _depends_on(out, services["services"], service_ids)
        _usage_names(out, services["services"])
    _basutbud(out, basutbud, service_ids, channels)
    _units(out, units, service_ids, channels)
    _hsa_ids(out, units)
    return out.problems


def _usage_names(out: _Collector, entries: list[Any]) -> None:
    """A name the usage exports use must lead to one service: a name two services share, or
    one that is another service's id, is a `duplicate_id` at the second."""
    ids = {e["id"].casefold(): e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}
    owner: dict[str, tuple[str, int]] = {}
    for i, entry in enumerate(entries):
        names = entry.get("usage_names") if isinstance(entry, dict) else None
        ident = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(names, list) or not isinstance(ident, str):
            continue
        for j, name in enumerate(names):
            if not isinstance(name, str) or not name.strip():
                continue
            folded = name.strip().casefold()
            other = ids.get(folded)
            if other is not None and other != ident:
                message = _(
                    "usage name '{name}' is the id of service '{other}'; "
                    "a usage name must lead to one service: remove it here"
                ).format(name=name, other=other)
                out.add("services", ("services", i, "usage_names", j), "duplicate_id", message)
            elif folded in owner and owner[folded][0] != ident:
                first, k = owner[folded]
                line = out.sources["services"].at("services", k)[0]
                message = _(
                    "usage name '{name}' is already used by service '{first}' (line {line}); "
                    "a usage name must lead to one service: remove one"
                ).format(name=name, first=first, line=line)
                out.add("services", ("services", i, "usage_names", j), "duplicate_id", message)
            else:
                owner.setdefault(folded, (ident, i))


def _hsa_ids(out: _Collector, units: list[UnitInput]) -> None:
    """Each HSA-id names one unit: a usage row must not be counted for two."""
    first: dict[str, str] = {}
    for unit in units:
        hsa = unit.data.get("hsa_id") if isinstance(unit.data, dict) else None
        if not isinstance(hsa, str) or not hsa:
            continue
        if hsa in first:
            message = _(
                "hsa_id '{hsa}' is already used by {first}; each hälsocentral has its own HSA-id: correct one"
            ).format(hsa=hsa, first=first[hsa])
            out.add(unit.source, ("hsa_id",), "duplicate_id", message)
        else:
            first[hsa] = out.sources[unit.source].path


def _unique(out: _Collector, source: str, list_key: str, entries: list[Any], what: str) -> None:
    first: dict[str, int] = {}
    for i, entry in enumerate(entries):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in first:
            line = out.sources[source].at(list_key, first[ident], "id")[0]
            message = _(_DUPLICATE[what]).format(ident=ident, line=line)
            out.add(source, (list_key, i, "id"), "duplicate_id", message)
        else:
            first[ident] = i


def _depends_on(out: _Collector, entries: list[Any], ids: _Ids) -> None:
    """Unknown dependencies, then cycles among the known ones."""
    graph: dict[str, list[tuple[str, int]]] = {}
    for i, entry in enumerate(entries):
        ident = _slug(entry.get("id")) if isinstance(entry, dict) else None
        deps = entry.get("depends_on") if isinstance(entry, dict) else None
        if ident is None or ids.first.get(ident) != i or not isinstance(deps, list):
            continue
        edges = graph.setdefault(ident, [])
        for j, dep in enumerate(deps):
            loc = ("services", i, "depends_on", j)
            out.reference("services", loc, dep, ids, lead=ident or "?")
            if _slug(dep) is not None and dep in ids.first and all(dep != d for d, _ in edges):
                edges.append((dep, j))
    _cycles(out, graph, ids)


def _cycles(out: _Collector, graph: dict[str, list[tuple[str, int]]], ids: _Ids) -> None:
    """One problem per strongly connected group of services, naming one cycle through it."""
    from graphlib import CycleError, TopologicalSorter

    try:  # the usual case, no cycle, without paying networkx's 0.1 s import on every run
        TopologicalSorter({s: [d for d, _ in deps] for s, deps in graph.items()}).prepare()
        return
    except CycleError:
        pass
    import networkx as nx

    digraph: nx.DiGraph[str] = nx.DiGraph()
    for service, deps in graph.items():
        digraph.add_node(service)
        digraph.add_edges_from((service, dep) for dep, _ in deps)
    for component in sorted(nx.strongly_connected_components(digraph), key=lambda c: min(ids.first[s] for s in c)):
        start = min(component, key=lambda s: ids.first[s])
        if len(component) == 1 and not digraph.has_edge(start, start):
            continue
        cycle = nx.find_cycle(digraph.subgraph(component), source=start)
        names = [edge[0] for edge in cycle] + [cycle[-1][1]]
        position = next(j for dep, j in graph[start] if dep == cycle[0][1])
        message = _(
            "depends_on forms a cycle: {names}; no order can satisfy it: remove one of these dependencies"
        ).format(names=" -> ".join(names))
        out.add("services", ("services", ids.first[start], "depends_on", position), "dependency_cycle", message)


def _basutbud(out: _Collector, raw: Any, services: _Ids | None, channels: _Ids | None) -> None:
    required = raw.get("required") if isinstance(raw, dict) else None
    if not isinstance(required, list):
        return
    seen: dict[tuple[str, str], int] = {}
    for i, req in enumerate(required):
        if not isinstance(req, dict):
            continue
        service, channel = req.get("service"), req.get("channel")
        out.reference("basutbud", ("required", i, "service"), service, services)
        out.reference("basutbud", ("required", i, "channel"), channel, channels)
        if not isinstance(service, str) or not isinstance(channel, str):
            continue
        if (service, channel) in seen:
            line = out.sources["basutbud"].at("required", seen[(service, channel)])[0]
            message = _("requirement {service}/{channel} is already listed at line {line}; remove one").format(
                service=service,
                channel=channel,
                line=line,
            )
            out.add("basutbud", ("required", i), "duplicate_id", message)
        else:
            seen[(service, channel)] = i


def _units(out: _Collector, units: list[UnitInput], services: _Ids | None, channels: _Ids | None) -> None:
    # A file named after its id owns that id; another file claiming it is the duplicate.
    owner: dict[str, str] = {}
    for unit in units:
        ident = _slug(unit.data.get("id")) if isinstance(unit.data, dict) else None
        if ident == unit.stem:
            owner[ident] = out.sources[unit.source].path
    for unit in units:
        data = unit.data
        if not isinstance(data, dict):
            continue
        ident = _slug(data.get("id"))
        if ident is not None and ident != unit.stem:
            if ident in owner:
                own = (
                    _(" ('{stem}', after its file name)").format(
                        stem=unit.stem,
                    )
                    if _slug(unit.stem) is not None
                    else ""
                )
                message = _(
                    "unit id '{ident}' is already used by {owner}; give this hälsocentral its own id{own}"
                ).format(ident=ident, owner=owner[ident], own=own)
                out.add(unit.source, ("id",), "duplicate_id", message)
            else:
                owner[ident] = out.sources[unit.source].path
                # A file name that is no valid id cannot be the fix: only renaming the file is.
                alternative = _(" or set id: {stem}").format(stem=unit.stem) if _slug(unit.stem) is not None else ""
                message = _(
                    "unit id '{ident}' differs from the file name '{stem}.yaml': rename the file to "
                    "{ident}.yaml{alternative}"
                ).format(ident=ident, stem=unit.stem, alternative=alternative)
                out.add(unit.source, ("id",), "id_mismatch", message)
        offerings = data.get("offerings")
        if isinstance(offerings, dict):
            for service, by_channel in offerings.items():
                out.reference(unit.source, ("offerings", service), service, services, key=True)
                if isinstance(by_channel, dict):
                    for channel in by_channel:
                        out.reference(unit.source, ("offerings", service, channel), channel, channels, key=True)
        exemptions = data.get("exemptions")
        if isinstance(exemptions, list):
            for i, exemption in enumerate(exemptions):
                if isinstance(exemption, dict):
                    out.reference(unit.source, ("exemptions", i, "service"), exemption.get("service"), services)
                    out.reference(unit.source, ("exemptions", i, "channel"), exemption.get("channel"), channels)
