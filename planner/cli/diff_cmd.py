"""`mvgplan diff OLD NEW`: what changed between two plan files (json or yaml).

Exit codes, like diff(1): 0 the plans are the same (no step moved, appeared or vanished, no
unschedulable item or warning appeared or vanished, same end week), 1 they differ, 2 a file
is missing or is not a plan.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import UsageError, emit

if TYPE_CHECKING:
    from planner.plan.model import Plan

FORMATS = ("text", "json", "markdown")


class PlanFileError(Exception):
    """A plan file that cannot be read back: the message says why, without the path."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "diff",
        help="compare two plan files: which steps moved, appeared or vanished",
        description=(
            "Compare two plans written with `mvgplan plan --format yaml|json`, per hälsocentral and "
            "e-tjänst. Exit 0 when they are the same, 1 when they differ, 2 when a file cannot be read."
        ),
    )
    parser.add_argument("old", metavar="OLD", help="the earlier plan (.yaml, .yml or .json)")
    parser.add_argument("new", metavar="NEW", help="the later plan (.yaml, .yml or .json)")
    parser.add_argument("--format", choices=FORMATS, default=FORMATS[0], help=f"output format (default: {FORMATS[0]})")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.plan.diff import diff_plans
    from planner.plan.render.plan_diff import render

    old, new = read_plan(args.old), read_plan(args.new)
    diff = diff_plans(old, new)
    text = render(diff, args.old, args.new, args.format)
    emit(text)
    return 0 if diff.identical else 1


def read_plan(path: str) -> Plan:
    """The plan in the file `path`, or `UsageError` naming the file and what is wrong."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return plan_from_text(data, path)
    except PlanFileError as exc:
        raise UsageError(f"{path}: {exc}") from None


def plan_from_text(data: bytes, path: str) -> Plan:
    """Parse a plan written as json (by extension `.json`) or yaml (anything else)."""
    import json

    import yaml

    from planner.plan.serialize import PlanShapeError, plan_from_dict

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanFileError(f"not UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise PlanFileError("the file is empty, not a plan")
    try:
        if Path(path).suffix.lower() == ".json":
            raw = json.loads(text)
        else:
            # libyaml's parser when PyYAML has it (the wheels do): the same values, faster on
            # a national plan. Reading only; the yaml plan is always written by safe_dump.
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            raw = yaml.load(text, Loader=loader)
    except json.JSONDecodeError as exc:
        raise PlanFileError(f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except yaml.YAMLError as exc:
        raise PlanFileError(f"not valid YAML: {_yaml_reason(exc)}") from None
    except ValueError as exc:
        if _LONG_NUMBER.search(text):  # Python's limit on the digits of an integer (CVE-2020-10735)
            raise PlanFileError(f"not a plan: {_at(text, _LONG_NUMBER)}a number with more than 4300 digits") from None
        raise PlanFileError(f"not a plan: {_bad_date(text) or exc}") from None
    except RecursionError:
        raise PlanFileError(f"not a plan: {_at(text, _DEEP)}nested more than {_DEPTH} levels deep") from None
    if not isinstance(raw, dict) or "steps" not in raw:
        raise PlanFileError("not a plan (expected a mapping with schema_version, steps, summary, …)")
    try:
        return plan_from_dict(raw)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        detail = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
        if len(detail) > SHOWN_DETAIL_CHARS:  # it quotes the wrong value, which may be huge
            detail = detail[:SHOWN_DETAIL_CHARS] + "…"
        where = _position(text, exc.path) if isinstance(exc, PlanShapeError) else ""
        raise PlanFileError(f"not a plan: {where}{detail}") from None


LOCATE_MAX_CHARS = 5 * 1024 * 1024
"""Up to this size a faulty plan is read a second time, as a node tree, to find the line."""


def _position(text: str, path: tuple[str | int, ...]) -> str:
    """`line L column C: ` of the value at `path` (or the deepest part of it that exists).

    Only on the error path, and only for files up to LOCATE_MAX_CHARS: composing a national
    plan's node tree would take longer than the reader wants to wait for the message. JSON is
    read as YAML here, which it (nearly always) is.
    """
    import yaml

    if len(text) > LOCATE_MAX_CHARS:
        return ""
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return ""
    for part in path:
        if isinstance(part, int) and isinstance(node, yaml.SequenceNode) and part < len(node.value):
            node = node.value[part]
        elif isinstance(part, str) and isinstance(node, yaml.MappingNode):
            found = [value for key, value in node.value if key.value == part]
            if not found:
                break
            node = found[-1]
        else:
            break
    if node is None:
        return ""
    return f"line {node.start_mark.line + 1} column {node.start_mark.column + 1}: "


SHOWN_DETAIL_CHARS = 300
_LONG_NUMBER = re.compile(r"\d{4301}")
_DEPTH = 100
_DEEP = re.compile(r"(?:[\[{][^\[\]{}]*){" + str(_DEPTH) + "}")
"""A hundred brackets opened and none closed (a plan nests three deep): only used to point
at where a file too deep for the parser starts, so strings holding brackets do not matter."""


_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _bad_date(text: str) -> str | None:
    """`line L column C: 2026-02-30 is not a date`: YAML reads such a value as a date and fails
    without saying where."""
    from datetime import date

    for found in _DATE.finditer(text):
        try:
            date.fromisoformat(found.group())
        except ValueError:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            return f"line {line} column {column}: {found.group()} is not a date"
    return None


def _at(text: str, pattern: re.Pattern[str]) -> str:
    """`line L column C: ` where `pattern` first matches `text`, or nothing when it does not."""
    found = pattern.search(text)
    if found is None:
        return ""
    before = text[: found.start()]
    line = before.count("\n") + 1
    return f"line {line} column {found.start() - (before.rfind(chr(10)) + 1) + 1}: "


def _yaml_reason(exc: Exception) -> str:
    import yaml

    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        return f"line {mark.line + 1} column {mark.column + 1}: {exc.problem}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
