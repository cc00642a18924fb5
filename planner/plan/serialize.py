"""A plan as the JSON document of docs/planning.md, and back.

`plan_to_dict` gives exactly the contract's keys, in the contract's order, with weeks written
`2027-W03` and dates `2027-01-18`; `json.dumps` of it is the same bytes for the same plan.
`plan_from_dict` reads such a document back (a committed plan, for `--check` and `diff`)
and raises `ValueError` with a sentence a person can act on when it is not one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, cast, get_args

from planner.calendar import iso_week_label, monday_from_label
from planner.plan.model import (
    Action,
    Binding,
    Plan,
    PlanWarning,
    Severity,
    Step,
    Unschedulable,
    UnschedulableReason,
    WarningCode,
)

SCHEMA_VERSION = 1


@cache
def _label(week: date) -> str:
    return iso_week_label(week)


@cache
def _iso(day: date) -> str:
    return day.isoformat()


def step_to_dict(step: Step) -> dict[str, str]:
    return {
        "unit": step.unit,
        "service": step.service,
        "action": step.action,
        "channel": step.channel,
        "week": _label(step.week),
        "date": _iso(step.date),
        "binding": step.binding,
        "reason": step.reason,
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as the documented JSON object (only built-in types: dict, list, str, int).

    A plan without steps ends in its first week (there is nothing to do) and no plan can end
    before that, so `end_week` and `lower_bound_week` are always ISO weeks, never null.
    """
    end = plan.end_week if plan.end_week is not None else plan.start_week
    bound = plan.lower_bound_week if plan.lower_bound_week is not None else plan.start_week
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": plan.as_of.isoformat(),
        "start_week": iso_week_label(plan.start_week),
        "catalog_digest": plan.catalog_digest,
        "steps": [step_to_dict(s) for s in plan.steps],
        "unschedulable": [
            {"unit": u.unit, "service": u.service, "reason": u.reason, "message": u.message} for u in plan.unschedulable
        ],
        "warnings": [
            {"code": w.code, "severity": w.severity, "unit": w.unit, "service": w.service, "message": w.message}
            for w in plan.warnings
        ],
        "summary": {
            "enables": sum(1 for s in plan.steps if s.action == "enable"),
            "redirects": sum(1 for s in plan.steps if s.action == "redirect"),
            "end_week": iso_week_label(end),
            "lower_bound_week": iso_week_label(bound),
        },
    }


# --- reading back ----------------------------------------------------------------------


class PlanShapeError(ValueError):
    """A document that is not a plan, at `where` (`plan`, `steps[13]`, …) and `key` (or None:
    the value at `where` itself), so a reader can point at the line."""

    def __init__(self, message: str, where: str, key: str | None = None) -> None:
        super().__init__(message)
        self.where = where
        self.key = key

    @property
    def path(self) -> tuple[str | int, ...]:
        """`steps[13]` + `service` → ("steps", 13, "service"); `plan` is the document itself."""
        parts: list[str | int] = []
        for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", self.where):
            if name != "plan":
                parts.append(name)
            if index:
                parts.append(int(index))
        return (*parts, self.key) if self.key is not None else tuple(parts)


def _field(obj: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in obj:
        raise PlanShapeError(f"{where}: missing key {key!r}", where)
    return obj[key]


def _text(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = _field(obj, key, where)
    if not isinstance(value, str):
        raise PlanShapeError(f"{where}: {key!r} must be a string, got {value!r}", where, key)
    return value


def _choice(obj: Mapping[str, Any], key: str, where: str, allowed: tuple[str, ...]) -> str:
    value = _text(obj, key, where)
    if value not in allowed:
        raise PlanShapeError(f"{where}: {key!r} is {value!r}, expected one of {', '.join(allowed)}", where, key)
    return value


def _day(obj: Mapping[str, Any], key: str, where: str) -> date:
    value = _text(obj, key, where)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PlanShapeError(f"{where}: {key!r} is not a date YYYY-MM-DD: {value!r}", where, key) from None


def _week(value: Any, key: str, where: str) -> date:
    if not isinstance(value, str):
        raise PlanShapeError(f"{where}: {key!r} must be an ISO week like 2027-W03, got {value!r}", where, key)
    try:
        return monday_from_label(value)
    except ValueError as exc:
        raise PlanShapeError(f"{where}: {key!r}: {exc}", where, key) from None


def _optional_week(obj: Mapping[str, Any], key: str, where: str) -> date | None:
    value = _field(obj, key, where)
    return None if value is None else _week(value, key, where)


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise PlanShapeError(f"{where}: expected an object, got {type(value).__name__}", where)
    return value


def _list(obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = _field(obj, key, where)
    if not isinstance(value, list):
        raise PlanShapeError(f"{where}: {key!r} must be a list", where, key)
    return value


def plan_from_dict(data: Any) -> Plan:
    """The `Plan` a `plan_to_dict` document describes; `ValueError` when it is not one."""
    top = _mapping(data, "plan")
    version = _field(top, "schema_version", "plan")
    if version != SCHEMA_VERSION:
        raise PlanShapeError(
            f"plan: schema_version {version!r} is not supported (expected {SCHEMA_VERSION})", "plan", "schema_version"
        )
    steps: list[Step] = []
    for n, raw in enumerate(_list(top, "steps", "plan")):
        where = f"steps[{n}]"
        item = _mapping(raw, where)
        steps.append(
            Step(
                unit=_text(item, "unit", where),
                service=_text(item, "service", where),
                action=cast(Action, _choice(item, "action", where, get_args(Action))),
                channel=_text(item, "channel", where),
                week=_week(_field(item, "week", where), "week", where),
                date=_day(item, "date", where),
                binding=cast(Binding, _choice(item, "binding", where, get_args(Binding))),
                reason=_text(item, "reason", where),
            )
        )
    unschedulable: list[Unschedulable] = []
    for n, raw in enumerate(_list(top, "unschedulable", "plan")):
        where = f"unschedulable[{n}]"
        item = _mapping(raw, where)
        unschedulable.append(
            Unschedulable(
                unit=_text(item, "unit", where),
                service=_text(item, "service", where),
                reason=cast(UnschedulableReason, _choice(item, "reason", where, get_args(UnschedulableReason))),
                message=_text(item, "message", where),
            )
        )
    warnings: list[PlanWarning] = []
    for n, raw in enumerate(_list(top, "warnings", "plan")):
        where = f"warnings[{n}]"
        item = _mapping(raw, where)
        warnings.append(
            PlanWarning(
                code=cast(WarningCode, _choice(item, "code", where, get_args(WarningCode))),
                severity=cast(Severity, _choice(item, "severity", where, get_args(Severity))),
                unit=_text(item, "unit", where),
                service=_text(item, "service", where),
                message=_text(item, "message", where),
            )
        )
    summary = _mapping(_field(top, "summary", "plan"), "summary")
    digest = _text(top, "catalog_digest", "plan")
    return Plan(
        as_of=_day(top, "as_of", "plan"),
        start_week=_week(_field(top, "start_week", "plan"), "start_week", "plan"),
        catalog_digest=digest,
        steps=tuple(steps),
        unschedulable=tuple(unschedulable),
        warnings=tuple(warnings),
        end_week=_optional_week(summary, "end_week", "summary"),
        lower_bound_week=_optional_week(summary, "lower_bound_week", "summary"),
    )
