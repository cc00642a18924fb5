"""Checks across files: ids that must exist, ids that must be unique, cycles in depends_on."""

from __future__ import annotations

from typing import Any, Protocol

import networkx as nx

from planner.catalog.diagnose import did_you_mean
from planner.catalog.model import Basutbud, Region, ServicesFile, Unit
from planner.catalog.yamltree import Mark
from planner.problems import Problem, ProblemCode


class _Source(Protocol):
    path: str

    def at(self, *loc: Any, key: bool = False) -> Mark: ...


class _Collector:
    def __init__(self, sources: dict[str, _Source]) -> None:
        self.sources = sources
        self.problems: list[Problem] = []

    def add(self, source: str, loc: tuple[Any, ...], code: ProblemCode, message: str, *, key: bool = False) -> None:
        src = self.sources[source]
        line, column = src.at(*loc, key=key)
        self.problems.append(Problem(src.path, line, column, code, message))


def _raw_ids(raw: Any, list_key: str) -> set[str] | None:
    """Ids from a file that failed validation, so other files can still be cross-checked."""
    if not isinstance(raw, dict) or not isinstance(raw.get(list_key), list):
        return None
    return {str(e["id"]) for e in raw[list_key] if isinstance(e, dict) and isinstance(e.get("id"), str)}


def check(
    *,
    region: Region | None,
    region_raw: Any,
    services: ServicesFile | None,
    services_raw: Any,
    basutbud: Basutbud | None,
    units: list[tuple[str, Unit]],
    sources: dict[str, Any],
) -> list[Problem]:
    """Every cross-file problem. Files that failed validation are skipped as subjects, but
    the ids they declare still count, so one typo does not cascade into dozens of errors."""
    out = _Collector(sources)

    channel_ids = {c.id for c in region.channels} if region else _raw_ids(region_raw, "channels")
    if region is not None:
        _unique(out, "region", "channels", [c.id for c in region.channels], "channel")

    service_ids = {s.id for s in services.services} if services else _raw_ids(services_raw, "services")
    if services is not None:
        _unique(out, "services", "services", [s.id for s in services.services], "service")
        for i, service in enumerate(services.services):
            for j, dep in enumerate(service.depends_on):
                if dep not in {s.id for s in services.services}:
                    hint = did_you_mean(dep, service_ids or set())
                    out.add("services", ("services", i, "depends_on", j), "unknown_reference", f"service '{service.id}' depends on unknown service '{dep}'{hint}")
        _cycles(out, services)

    if basutbud is not None:
        seen: dict[tuple[str, str], int] = {}
        for i, req in enumerate(basutbud.required):
            _known(out, "basutbud", ("required", i, "service"), req.service, service_ids, "service")
            _known(out, "basutbud", ("required", i, "channel"), req.channel, channel_ids, "channel")
            pair = (req.service, req.channel)
            if pair in seen:
                out.add("basutbud", ("required", i), "duplicate_id", f"requirement {req.service}/{req.channel} is listed twice (first as item {seen[pair] + 1})")
            seen[pair] = i

    first_file: dict[str, str] = {}
    for stem, unit in units:
        source = f"units/{stem}"
        if unit.id != stem:
            out.add(source, ("id",), "id_mismatch", f"unit id '{unit.id}' differs from the file name '{stem}.yaml'; rename the file or the id")
        if unit.id in first_file:
            out.add(source, ("id",), "duplicate_id", f"unit id '{unit.id}' is also used in {first_file[unit.id]}")
        else:
            first_file[unit.id] = sources[source].path
        for service, channels in unit.offerings.items():
            _known(out, source, ("offerings", service), service, service_ids, "service", key=True)
            for channel in channels:
                _known(out, source, ("offerings", service, channel), channel, channel_ids, "channel", key=True)
        for i, exemption in enumerate(unit.exemptions):
            _known(out, source, ("exemptions", i, "service"), exemption.service, service_ids, "service")
            _known(out, source, ("exemptions", i, "channel"), exemption.channel, channel_ids, "channel")
    return out.problems


def _known(out: _Collector, source: str, loc: tuple[Any, ...], value: str, known: set[str] | None, what: str, *, key: bool = False) -> None:
    if known is None or value in known:
        return
    out.add(source, loc, "unknown_reference", f"unknown {what} '{value}'{did_you_mean(value, known)}", key=key)


def _unique(out: _Collector, source: str, list_key: str, ids: list[str], what: str) -> None:
    first: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ident in first:
            out.add(source, (list_key, i, "id"), "duplicate_id", f"{what} id '{ident}' is already used by item {first[ident] + 1}")
        else:
            first[ident] = i


def _cycles(out: _Collector, services: ServicesFile) -> None:
    """One problem per strongly connected group of services, naming one cycle through it."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    index = {s.id: i for i, s in enumerate(services.services)}
    for service in services.services:
        graph.add_node(service.id)
        for dep in sorted(set(service.depends_on)):
            if dep in index:
                graph.add_edge(service.id, dep)
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        start = min(component, key=lambda s: index[s])
        if len(component) == 1 and not graph.has_edge(start, start):
            continue
        cycle = nx.find_cycle(graph.subgraph(component), source=start)
        names = [edge[0] for edge in cycle] + [cycle[-1][1]]
        first_dep = services.services[index[start]].depends_on.index(cycle[0][1])
        out.add("services", ("services", index[start], "depends_on", first_dep), "dependency_cycle", f"depends_on forms a cycle: {' -> '.join(names)}")
