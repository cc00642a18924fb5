"""Reading a plan file back: a committed plan for `diff`, `plan --check` and `progress` baselines.

A plan file is what `mvgplan plan --format yaml|json` wrote. It is read with the catalogue's
own YAML reader (`planner.catalog.yamltree`; JSON is YAML), so every value keeps its line and
column, then validated with pydantic over the plan's file model below. What is wrong comes
back as `Problem` rows pointing at the fault, like any catalogue error, and the CLI's single
boundary prints them (`plans/baseline.yaml:14:11: error[invalid_value]: …`, exit 2).

A plan file is not a catalogue file, so its problems use two codes only (SPEC §7): the file
cannot be read as YAML or JSON at all (`yaml_syntax`), or it is not a plan (`invalid_value`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from planner.calendar import monday_from_label
from planner.catalog.diagnose import problems_from_validation
from planner.catalog.model import IsoDate, WholeNumber, printable
from planner.catalog.yamltree import PosNode, parse
from planner.i18n import _
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
from planner.plan.serialize import SCHEMA_VERSION
from planner.problems import Problem, ProblemCode

MAX_PLAN_BYTES = 512 * 1024 * 1024
"""A national plan (1,200 hälsocentraler × 150 e-tjänster) is some 60 MiB of yaml; a plan file
is the tool's own output, so it may be far larger than a hand-written catalogue file."""
MAX_PLAN_NODES = 40_000_000
"""About ten nodes per step: room for four million steps, and a cap before memory runs out."""


def _week(value: Any) -> Any:
    if isinstance(value, str):
        return monday_from_label(value)  # ValueError: the message says what an ISO week is
    if isinstance(value, date):
        return value
    raise ValueError(_("expected an ISO week written like 2027-W03, got {value!r}").format(value=value))


IsoWeek = Annotated[date, BeforeValidator(_week)]
"""`2027-W03` in the file; the Monday of that week in the model."""


def _text(value: Any) -> Any:
    """Text as written; the reader leaves `null`, `true` and `false` typed, which are not text.

    No control character either (the catalogue's rule): a plan's text reaches `diff`'s text
    and markdown raw, where an escape sequence would act on the terminal (issue 15).
    """
    if isinstance(value, str):
        return printable(value)
    raise ValueError(_("expected text, got {value!r}").format(value=value))


Text = Annotated[str, BeforeValidator(_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class StepEntry(_Strict):
    """One step of the plan."""

    unit: Text
    service: Text
    action: Action
    channel: Text
    week: IsoWeek
    date: IsoDate
    binding: Binding
    reason: Text


class UnschedulableEntry(_Strict):
    """A task the planner could not place."""

    unit: Text
    service: Text
    reason: UnschedulableReason
    message: Text


class WarningEntry(_Strict):
    """A warning about the catalogue or the plan."""

    code: WarningCode
    severity: Severity
    unit: Text
    service: Text
    message: Text


class SummaryEntry(_Strict):
    """The plan's counts and weeks."""

    enables: WholeNumber
    redirects: WholeNumber
    end_week: IsoWeek | None
    lower_bound_week: IsoWeek | None


def _version(value: Any) -> Any:
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value)
    if number != SCHEMA_VERSION:
        raise ValueError(
            _("schema_version {value!r} is not supported (expected {expected})").format(
                value=value, expected=SCHEMA_VERSION
            )
        )
    return SCHEMA_VERSION


class PlanFile(_Strict):
    """A plan file, as `mvgplan plan --format yaml|json` writes it (docs/planning.md)."""

    schema_version: Annotated[Literal[1], BeforeValidator(_version)]
    as_of: IsoDate
    start_week: IsoWeek
    catalog_digest: Text
    steps: list[StepEntry]
    unschedulable: list[UnschedulableEntry]
    warnings: list[WarningEntry]
    summary: SummaryEntry

    def to_plan(self) -> Plan:
        return Plan(
            as_of=self.as_of,
            start_week=self.start_week,
            catalog_digest=self.catalog_digest,
            steps=tuple(
                Step(s.unit, s.service, s.action, s.channel, s.week, s.date, s.binding, s.reason) for s in self.steps
            ),
            unschedulable=tuple(Unschedulable(u.unit, u.service, u.reason, u.message) for u in self.unschedulable),
            warnings=tuple(PlanWarning(w.code, w.severity, w.unit, w.service, w.message) for w in self.warnings),
            end_week=self.summary.end_week,
            lower_bound_week=self.summary.lower_bound_week,
        )


@dataclass(frozen=True)
class PlanRead:
    """What reading a plan file found: the plan, or every problem (never both)."""

    plan: Plan | None
    problems: list[Problem]


def read_plan_file(path: str | os.PathLike[str], shown: str | None = None) -> PlanRead:
    """Read, parse and validate the plan file at `path`. Never raises for bad input.

    `shown` is the path as problems name it (default: `path` as given).
    """
    name = shown if shown is not None else os.fspath(path)
    raw, problems = read_plan_bytes(path, name)
    if raw is None:
        return PlanRead(None, problems)
    return plan_from_bytes(raw, name)


def read_plan_bytes(path: str | os.PathLike[str], shown: str | None = None) -> tuple[bytes | None, list[Problem]]:
    """A plan file's bytes through the loader's bounded reader, or the problem that stops it."""
    from planner.catalog.loader import read_bounded

    name = shown if shown is not None else os.fspath(path)
    raw, problem = read_bounded(Path(path), name, MAX_PLAN_BYTES)
    return raw, [] if problem is None else [_as_plan_problem(problem)]


def plan_from_bytes(raw: bytes, file: str) -> PlanRead:
    """The plan a file's bytes hold, or the problems with their lines and columns."""
    if not raw.strip():
        return PlanRead(None, [Problem(file, 1, 1, "yaml_syntax", _("the file is empty: it is not a plan"))])
    fast = _fast(raw)
    if fast is not None:
        return PlanRead(fast, [])
    # Bidirectional controls are refused in the catalogue a plan is made from; a plan file is
    # read as the fast path reads it (planner/plan/fastread.py), which does not look for them.
    parsed = parse(raw, file, max_bytes=MAX_PLAN_BYTES, max_nodes=MAX_PLAN_NODES, refuse_bidi=False)
    if not parsed.trustworthy:
        return PlanRead(None, [_as_plan_problem(p) for p in parsed.problems])
    return _validate(parsed.data, parsed.positions, file, parsed.problems)


def _fast(raw: bytes) -> Plan | None:
    """The plan, when the file is in the exact layout `mvgplan plan` writes and valid; else None
    (and the full reader, with positions, decides). See `planner.plan.fastread`."""
    from planner.plan.fastread import read_json, read_yaml

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    data = read_json(text) if text.lstrip().startswith("{") else read_yaml(text)
    if not isinstance(data, dict):
        return None
    try:
        return PlanFile.model_validate(data).to_plan()
    except ValidationError:
        return None


def plan_from_data(data: Any, file: str = "plan", positions: PosNode | None = None) -> PlanRead:
    """The plan that already-parsed data (e.g. `json.loads` of a plan) describes."""
    return _validate(data, positions or PosNode((1, 1)), file, [])


def _validate(data: Any, positions: PosNode, file: str, found: list[Problem]) -> PlanRead:
    if not isinstance(data, dict):
        message = _("not a plan: expected a mapping with schema_version, steps, summary and the rest")
        return PlanRead(None, [Problem(file, *positions.mark, "invalid_value", message)])
    absent = [name for name in PlanFile.model_fields if name not in data]
    if len(absent) > MISSING_MEANS_ANOTHER_FILE:  # one line, not one per key, for the wrong file
        message = _("not a plan: it has no {keys}; write a plan with mvgplan plan --format yaml --out FILE").format(
            keys=", ".join(absent)
        )
        return PlanRead(None, [Problem(file, *positions.mark, "invalid_value", message)])
    try:
        model = PlanFile.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation(exc, PlanFile, file, positions, data)
        taken = {(p.line, p.column) for p in found}
        problems = [p for p in problems if (p.line, p.column) not in taken]
        return PlanRead(None, sorted({_as_plan_problem(p) for p in [*found, *problems]}))
    if found:  # duplicate keys, anchors, tags: the data is not what the file says
        return PlanRead(None, sorted({_as_plan_problem(p) for p in found}))
    return PlanRead(model.to_plan(), [])


MISSING_MEANS_ANOTHER_FILE = 3
"""More top-level keys of a plan missing than this: the file is something else altogether."""
SHOWN_MESSAGE_CHARS = 300
"""A message quotes the wrong value, which may be huge: it is cut after this many characters."""


def _as_plan_problem(problem: Problem) -> Problem:
    """A plan file's problem: `yaml_syntax` when it cannot be read at all, else `invalid_value`."""
    message = problem.message
    if len(message) > SHOWN_MESSAGE_CHARS:
        message = message[:SHOWN_MESSAGE_CHARS] + "…"
    code: ProblemCode = "yaml_syntax" if problem.code == "yaml_syntax" else "invalid_value"
    return Problem(problem.file, problem.line, problem.column, code, message)
