"""What each screen lists, derived from a `Model`: plain rows, counted once, no Textual.

The screens only lay these rows out. Counting here (not in widgets) keeps the explorer
testable headless and keeps key presses cheap: filtering the units table walks a list of
ready-made rows instead of asking the catalogue again.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from planner import counted
from planner.collation import name_key
from planner.i18n import _
from planner.plan.model import Step
from planner.tui import weeks
from planner.tui.data import Model


def prepare(model: Model) -> None:
    """Derive everything the screens show, so the UI thread only draws (call from the worker).

    The catalogue alone (the first stage) gets what the first screen shows and no more: the
    units are on screen sooner, and the other tabs count theirs if shown before the report."""
    unit_rows(model)
    overview(model)
    if model.report is not None:
        service_rows(model)
        deviation_rows(model)
    if model.plan is not None:
        warning_rows(model)
        warning_counts(model)
        warning_fields(model)  # what sorting the list by a column reads
        weeks.week_rows(model)
        _ = model.steps_by_service  # the timeline per e-tjänst reads it


def fold(text: str) -> str:
    """Lower case without diacritics, so `gavle` finds Gävle and `soderhamn` Söderhamn."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class UnitRow:
    id: str
    name: str
    regi: str
    area: str
    deviations: int | None
    """None while the basutbud report is not there."""
    exempt: int | None
    warnings: int | None
    """Plan warnings plus unschedulable items; None while the plan is not there."""
    blocked: int | None
    next_step: Step | None
    haystack: str
    """Lower-case name, id and area: what the text filter searches."""

    @property
    def conformant(self) -> bool | None:
        return None if self.deviations is None else self.deviations == 0


def unit_rows(model: Model) -> list[UnitRow]:
    """One row per hälsocentral, in id order."""
    return model.memo("unit_rows", lambda: _unit_rows(model))


def _unit_rows(model: Model) -> list[UnitRow]:
    has_report, has_plan = model.report is not None, model.plan is not None
    rows = []
    for unit in model.catalog.units:
        result = model.results_by_unit.get(unit.id)
        steps = model.steps_by_unit.get(unit.id, ())
        blocked = len(model.unschedulable_by_unit.get(unit.id, ()))
        area = unit.area or ""
        rows.append(
            UnitRow(
                id=unit.id,
                name=unit.name,
                regi=unit.regi,
                area=area,
                deviations=(len(result.deviations) if result else 0) if has_report else None,
                exempt=(len(result.exempt) if result else 0) if has_report else None,
                warnings=len(model.warnings_by_unit.get(unit.id, ())) + blocked if has_plan else None,
                blocked=blocked if has_plan else None,
                next_step=steps[0] if steps else None,
                haystack=fold(f"{unit.name}\n{unit.id}\n{area}"),
            )
        )
    return rows


@dataclass(frozen=True)
class UnitFilter:
    text: str = ""
    regi: str | None = None
    area: str | None = None
    status: str | None = None
    """One of `conformant`, `deviating`, `exempt`, `warnings`, `blocked` (see words)."""

    def matches(self, row: UnitRow) -> bool:
        if self.regi is not None and row.regi != self.regi:
            return False
        if self.area is not None and row.area != self.area:
            return False
        if self.status is not None and not _status_matches(row, self.status):
            return False
        return all(word in row.haystack for word in fold(self.text).split())


def _status_matches(row: UnitRow, status: str) -> bool:
    if status == "conformant":
        return row.conformant is True
    if status == "deviating":
        return row.conformant is False
    if status == "exempt":
        return bool(row.exempt)
    if status == "warnings":
        return bool(row.warnings)
    if status == "blocked":
        return bool(row.blocked)
    return True


UNIT_SORTS = ("name", "regi", "area", "basutbud", "warnings", "next")


def sort_units(rows: Iterable[UnitRow], column: str, reverse: bool = False) -> list[UnitRow]:
    """Rows sorted by a column; unknown figures sort last either way, ties by name."""
    far = date.max

    def key(row: UnitRow) -> tuple[object, ...]:
        name = name_key(row.name)
        if column == "regi":
            return (row.regi, name)
        if column == "area":
            return (name_key(row.area), name)
        if column == "basutbud":
            return (row.deviations is None, row.deviations or 0, name)
        if column == "warnings":
            return (row.warnings is None, row.warnings or 0, name)
        if column == "next":
            return (row.next_step is None, row.next_step.week if row.next_step else far, name)
        return (name, row.id)

    ordered = sorted(rows, key=key)
    if reverse:
        # Keep the unknowns at the bottom: reverse only the known part.
        known = [r for r in ordered if key(r)[0] is not True]
        ordered = known[::-1] + [r for r in ordered if key(r)[0] is True]
    return ordered


@dataclass(frozen=True)
class AreaRow:
    area: str
    units: int
    egen: int
    privat: int
    conformant: int | None
    deviations: int | None
    parallel: int
    overdue: int | None
    warnings: int | None


@dataclass(frozen=True)
class Overview:
    units: int
    egen: int
    privat: int
    conformant: int | None
    deviations: int | None
    exempt: int | None
    expiring_soon: int | None
    parallel: int
    overdue: int | None
    undated: int | None
    end_week: date | None
    lower_bound_week: date | None
    warnings: int | None
    errors: int | None
    unschedulable: int | None
    areas: tuple[AreaRow, ...]


def overview(model: Model) -> Overview:
    return model.memo("overview", lambda: _overview(model))


def _overview(model: Model) -> Overview:
    units = model.catalog.units
    report, plan = model.report, model.plan
    results = model.results_by_unit
    codes = Counter(w.code for w in plan.warnings) if plan else Counter()
    overdue_units = Counter(w.unit for w in plan.warnings if w.code == "parallel_overdue") if plan else Counter()
    parallel_units = Counter(unit for unit, _ in model.parallel_pairs)

    by_area: dict[str, list[str]] = defaultdict(list)
    for unit in units:
        by_area[unit.area or ""].append(unit.id)
    areas = []
    for area in sorted(by_area, key=lambda a: (a == "", name_key(a))):
        ids = by_area[area]
        areas.append(
            AreaRow(
                area=area,
                units=len(ids),
                egen=sum(1 for i in ids if model.catalog.unit_by_id[i].regi == "egen"),
                privat=sum(1 for i in ids if model.catalog.unit_by_id[i].regi == "privat"),
                conformant=sum(1 for i in ids if i not in results or results[i].conformant) if report else None,
                deviations=sum(len(results[i].deviations) for i in ids if i in results) if report else None,
                parallel=sum(parallel_units[i] for i in ids),
                overdue=sum(overdue_units[i] for i in ids) if plan else None,
                warnings=(
                    sum(
                        len(model.warnings_by_unit.get(i, ())) + len(model.unschedulable_by_unit.get(i, ()))
                        for i in ids
                    )
                    if plan
                    else None
                ),
            )
        )
    egen = sum(1 for u in units if u.regi == "egen")
    summary = report.summary if report else None
    return Overview(
        units=len(units),
        egen=egen,
        privat=len(units) - egen,
        conformant=summary.conformant_units if summary else None,
        deviations=summary.deviations if summary else None,
        exempt=summary.exempt if summary else None,
        expiring_soon=summary.expires_soon if summary else None,
        parallel=len(model.parallel_pairs),
        overdue=codes["parallel_overdue"] if plan else None,
        undated=codes["parallel_undated"] if plan else None,
        end_week=plan.end_week if plan else None,
        lower_bound_week=plan.lower_bound_week if plan else None,
        warnings=len(plan.warnings) if plan else None,
        errors=sum(1 for w in plan.warnings if w.severity == "error") if plan else None,
        unschedulable=len(plan.unschedulable) if plan else None,
        areas=tuple(areas),
    )


@dataclass(frozen=True)
class ServiceRow:
    id: str
    name: str
    migrate: bool
    mvg_ready: date | None
    done: int
    """Units where the service is active in the target channel and no longer in the legacy one."""
    parallel: int
    """Units where it is active in both."""
    legacy_only: int
    """Units where it is active only in the legacy channel (and not blocked)."""
    blocked: int | None
    """Units where the plan cannot schedule it; None while there is no plan."""


def service_rows(model: Model) -> list[ServiceRow]:
    """Per e-tjänst, how far the units have come; by name."""
    return model.memo("service_rows", lambda: _service_rows(model))


def _service_rows(model: Model) -> list[ServiceRow]:
    done: Counter[str] = Counter()
    parallel: Counter[str] = Counter()
    legacy_only: Counter[str] = Counter()
    blocked: Counter[str] = Counter(service for _, service in model.blocked_pairs)
    legacy, target = model.legacy, model.target
    for unit in model.catalog.units:
        for service, channels in unit.offerings.items():
            old, new = channels.get(legacy), channels.get(target)
            old_active = old is not None and old.status == "active"
            new_active = new is not None and new.status == "active"
            if new_active and old_active:
                parallel[service] += 1
            elif new_active:
                done[service] += 1
            elif old_active and (unit.id, service) not in model.blocked_pairs:
                legacy_only[service] += 1
    return [
        ServiceRow(
            id=s.id,
            name=s.name,
            migrate=s.migrate,
            mvg_ready=s.mvg_ready,
            done=done[s.id],
            parallel=parallel[s.id],
            legacy_only=legacy_only[s.id],
            blocked=blocked[s.id] if model.plan else None,
        )
        for s in model.services_by_name
    ]


def dependents(model: Model) -> dict[str, list[str]]:
    """For each service, the services that depend on it (by name): the tree's children."""
    children: dict[str, list[str]] = {s.id: [] for s in model.services_by_name}
    for service in model.services_by_name:
        for dependency in service.depends_on:
            children.setdefault(dependency, []).append(service.id)
    return children


def roots(model: Model) -> list[str]:
    """Services that depend on nothing: the top of the dependency tree."""
    return [s.id for s in model.services_by_name if not s.depends_on]


UNSCHEDULABLE = "unschedulable"
"""The severity the warnings list gives an unschedulable item the team can act on."""
INFO = "info"
"""The severity of an item nobody at a unit can act on: MVG lacks the e-tjänst (grouped per service)."""
INFO_REASONS = frozenset({"no_mvg_equivalent"})
SEVERITY_RANK = {"error": 0, "warning": 1, UNSCHEDULABLE: 2, INFO: 3}
WARNING_SORTS = ("severity", "code", "unit", "service", "message")


@dataclass(frozen=True)
class WarningRow:
    severity: str
    code: str
    unit: str
    """The unit's id; empty for a group row."""
    unit_name: str
    service: str
    service_name: str
    message: str
    members: tuple[WarningRow, ...] = ()
    """For a group row (one per e-tjänst that MVG lacks): the items it stands for."""

    @property
    def is_group(self) -> bool:
        return bool(self.members)


def warning_rows(model: Model) -> list[WarningRow]:
    """Every plan warning and unschedulable item in the order of action: errors, warnings,
    unschedulable, then one row per e-tjänst that MVG lacks (its units inside)."""
    return model.memo("warning_rows", lambda: sort_warnings(_warning_rows(model), "severity"))


def _warning_rows(model: Model) -> list[WarningRow]:
    plan = model.plan
    if plan is None:
        return []
    name, service_name = model.unit_name, model.service_name
    rows = [
        WarningRow(w.severity, w.code, w.unit, name(w.unit), w.service, service_name(w.service), w.message)
        for w in plan.warnings
    ]
    info: dict[tuple[str, str], list[WarningRow]] = defaultdict(list)
    for u in plan.unschedulable:
        severity = INFO if u.reason in INFO_REASONS else UNSCHEDULABLE
        row = WarningRow(severity, u.reason, u.unit, name(u.unit), u.service, service_name(u.service), u.message)
        if severity == INFO:
            info[(u.reason, u.service)].append(row)
        else:
            rows.append(row)
    for (reason, service), members in info.items():
        n = len(members)
        rows.append(
            WarningRow(
                INFO,
                reason,
                "",
                counted.units(n),
                service,
                service_name(service),
                _(
                    "MVG has no equivalent of this e-tjänst yet, so the plan cannot move it at {n} hälsocentraler."
                ).format(n=n),
                tuple(sorted(members, key=lambda r: (name_key(r.unit_name), r.unit))),
            )
        )
    return rows


WARNING_ORDERS: dict[str, tuple[str, ...]] = {
    "severity": ("severity", "unit_or_group", "service", "code"),
    "code": ("code", "severity", "unit", "service"),
    "unit": ("is_group", "unit", "severity", "service", "code"),
    "service": ("service", "severity", "unit", "code"),
    "message": ("message", "severity", "unit"),
}
"""What each column of the warnings list sorts by, in turn (fields of `_warning_fields`)."""


def sort_warnings(rows: Iterable[WarningRow], column: str, reverse: bool = False) -> list[WarningRow]:
    """Sorted by one column, then by severity, hälsocentral and e-tjänst (names in Swedish order)."""
    listed = list(rows)
    keys = _warning_keys(_warning_fields(listed, name_key), column)
    return [listed[i] for i in sorted(range(len(listed)), key=keys.__getitem__, reverse=reverse)]


def sorted_warnings(model: Model, column: str, reverse: bool = False) -> list[WarningRow]:
    """`warning_rows(model)` in the order `sort_warnings` gives them, each order made once per
    model: pressing `s` through the columns of a national list (tens of thousands of rows)
    sorts each column once, `S` turns that order around without sorting again, and coming
    back to an order costs a look-up. Do not change the list."""
    rows = warning_rows(model)
    if (column, reverse) == ("severity", False):
        return rows  # already in that order

    def build() -> list[WarningRow]:
        order, starts = _warning_order(model, column)
        if not reverse:
            return [rows[i] for i in order]
        # What `sorted(..., reverse=True)` gives: the runs of equal keys last to first, each
        # run in the list's order (a stable sort keeps it).
        ends = [*starts[1:], len(order)]
        return [rows[i] for start, end in zip(starts[::-1], ends[::-1], strict=True) for i in order[start:end]]

    return model.memo(f"warning_rows:{column}:{'reverse' if reverse else 'forward'}", build)


def _warning_order(model: Model, column: str) -> tuple[list[int], list[int]]:
    """The places in `warning_rows(model)` sorted by `column` as `sort_warnings` sorts them, and
    where in that order each run of rows with equal keys starts; once per model and column."""

    def build() -> tuple[list[int], list[int]]:
        keys = _warning_keys(warning_fields(model), column)
        order = sorted(range(len(keys)), key=keys.__getitem__)
        starts = [n for n in range(len(order)) if n == 0 or keys[order[n]] != keys[order[n - 1]]]
        return order, starts

    return model.memo(f"warning_order:{column}", build)


def warning_fields(model: Model) -> dict[str, list[object]]:
    """`_warning_fields` of `warning_rows(model)`, once per model, with each name as its place
    among the list's names in Swedish order and each message as its place among the messages
    (comparing two places compares the names' `name_key`s or the messages, as one int)."""

    def build() -> dict[str, list[object]]:
        rows = warning_rows(model)
        names = {""}
        for row in rows:
            names.add(row.unit_name)
            names.add(row.service_name)
        ranks = {name: i for i, name in enumerate(sorted(names, key=name_key))}
        messages = {message: i for i, message in enumerate(sorted({row.message for row in rows}))}
        return _warning_fields(rows, ranks.__getitem__, messages.__getitem__)

    return model.memo("warning_fields", build)


def _warning_fields(
    rows: list[WarningRow], name: Callable[[str], object], message: Callable[[str], object] = str
) -> dict[str, list[object]]:
    """Per field the warnings list sorts by (`WARNING_ORDERS`), its value for each row; `name`
    gives a name's sort key, `message` a message's (itself, or its place in sorted order)."""
    empty = name("")
    unit = [name(r.unit_name) for r in rows]
    is_group: list[object] = [r.is_group for r in rows]
    return {
        "severity": [SEVERITY_RANK.get(r.severity, 9) for r in rows],
        "code": [r.code for r in rows],
        "unit": unit,
        "unit_or_group": [empty if group else key for key, group in zip(unit, is_group, strict=True)],
        "is_group": is_group,
        "service": [name(r.service_name) for r in rows],
        "message": [message(r.message) for r in rows],
    }


def _warning_keys(fields: dict[str, list[object]], column: str) -> list[tuple[object, ...]]:
    """Each row's sort key by `column`."""
    return list(zip(*(fields[field] for field in WARNING_ORDERS.get(column, WARNING_ORDERS["severity"])), strict=True))


@dataclass(frozen=True)
class WarningCounts:
    """What the warnings tab's title counts (the same in any order)."""

    unschedulable: int
    groups: int
    """Rows that stand for an e-tjänst MVG lacks."""


def warning_counts(model: Model) -> WarningCounts:
    def build() -> WarningCounts:
        rows = warning_rows(model)
        return WarningCounts(
            unschedulable=sum(1 for r in rows if r.severity == UNSCHEDULABLE),
            groups=sum(1 for r in rows if r.is_group),
        )

    return model.memo("warning_counts", build)


@dataclass(frozen=True)
class DeviationRow:
    unit: str
    unit_name: str
    service: str
    service_name: str
    channel: str
    kind: str
    file: str
    line: int
    message: str


def deviation_rows(model: Model) -> list[DeviationRow]:
    """Every basutbud deviation of every hälsocentral, by hälsocentral, then e-tjänst (by name)."""
    return model.memo("deviation_rows", lambda: _deviation_rows(model))


def _deviation_rows(model: Model) -> list[DeviationRow]:
    if model.report is None:
        return []
    rows = [
        DeviationRow(
            d.unit,
            model.unit_name(d.unit),
            d.service,
            model.service_name(d.service),
            d.channel,
            d.kind,
            d.file,
            d.line,
            d.message,
        )
        for result in model.report.units
        for d in result.deviations
    ]
    far = len(model.unit_order)
    return sorted(
        rows,
        key=lambda r: (
            model.unit_order.get(r.unit, far),
            model.service_order.get(r.service, far),
            r.channel,
            r.kind,
        ),
    )
