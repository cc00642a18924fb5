"""Turn pydantic's validation errors into problems a catalogue editor can act on."""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from planner.catalog.yamltree import PosNode
from planner.problems import Problem, ProblemCode

_QUOTED = re.compile(r"'([^']*)'")


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """` (did you mean 'x'?)` when a choice is close to `word`, else an empty string."""
    candidates = sorted(choices)
    lowered = {c.lower(): c for c in candidates}
    probe = word.replace("\u00a0", " ").strip().lower()
    if probe in lowered and lowered[probe] != word:
        return f" (did you mean '{lowered[probe]}'?)"
    close = difflib.get_close_matches(probe, candidates, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def dotted(loc: tuple[Any, ...]) -> str:
    """`offerings.receptfornyelse.1177.status`, the path a person finds in the file."""
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin is Union or origin is types.UnionType:
            arms = [a for a in get_args(tp) if a is not type(None)]
            tp = arms[0] if len(arms) == 1 else next(
                (a for a in arms if isinstance(a, type) and issubclass(a, BaseModel)), arms[0]
            )
        else:
            return tp


def model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that describes the mapping at `loc`, to list the keys it knows."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        origin = get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            fields = {(f.alias or name): f for name, f in tp.model_fields.items()}
            if part not in fields:
                return None
            tp = fields[part].annotation
        elif origin is list:
            tp = get_args(tp)[0]
        elif origin is dict:
            tp = get_args(tp)[1]
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _message(error: dict[str, Any], loc: tuple[Any, ...]) -> str:
    kind = error["type"]
    where = dotted(loc)
    prefix = f"{where}: " if where else ""
    value = error.get("input")
    if kind == "string_pattern_mismatch":
        return (
            f"{prefix}'{value}' is not a valid id: use lower-case a-z, digits and '-' "
            "(no å, ä, ö, capitals or spaces)"
        )
    if kind == "literal_error":
        expected = _QUOTED.findall(str(error.get("ctx", {}).get("expected", "")))
        shown = value if not isinstance(value, bool) else str(value).lower()
        hint = did_you_mean(str(shown), expected) if isinstance(shown, str) else ""
        return f"{prefix}'{shown}' is not one of {', '.join(expected)}{hint}"
    if kind == "model_type" or kind == "model_attributes_type" or kind == "dict_type":
        return f"{prefix}expected a mapping of 'key: value' lines, got {_describe(value)}"
    if kind == "list_type":
        return f"{prefix}expected a list ('- item' lines or [a, b]), got {_describe(value)}"
    if kind in ("string_type", "str_type"):
        return f"{prefix}expected text, got {_describe(value)}"
    if kind == "string_too_short":
        return f"{prefix}must not be empty"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{prefix}{error['msg'].replace('Input', 'the value').lower()} (got {value})"
    msg = str(error["msg"])
    for noise in ("Value error, ", "Assertion failed, "):
        msg = msg.replace(noise, "")
    return f"{prefix}{msg}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def problems_from_validation(
    exc: ValidationError, model: type[BaseModel], file: str, positions: PosNode
) -> list[Problem]:
    """One problem per pydantic error, with the file position of the key or value at fault."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        code: ProblemCode = "invalid_value"
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            line, column = positions.locate(loc, key=True)
            message = _message(error, loc)
        elif kind == "extra_forbidden":
            line, column = positions.locate(loc, key=True)
            name = str(loc[-1])
            owner = model_at(model, loc[:-1])
            known = field_names(owner) if owner is not None else []
            hint = did_you_mean(name, known)
            if "\u00a0" in name:
                hint += " (the key holds a non-breaking space, often pasted from a word processor)"
            where = f" in {dotted(loc[:-1])}" if loc[:-1] else ""
            allowed = f"; allowed here: {', '.join(known)}" if known and not hint else ""
            code, message = "unknown_field", f"unknown field '{name}'{where}{hint}{allowed}"
        elif kind == "missing":
            line, column = positions.key_mark(loc[:-1])
            where = f" in {dotted(loc[:-1])}" if loc[:-1] else ""
            code, message = "missing_field", f"missing required field '{loc[-1]}'{where}"
        else:
            line, column = positions.locate(loc)
            message = _message(error, loc)
        problems.append(Problem(file, line, column, code, message))
    return problems
