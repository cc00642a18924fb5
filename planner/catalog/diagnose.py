"""Turn pydantic's validation errors into problems a catalogue editor can act on."""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from planner.catalog.model import BOUND_REASONS, Misplaced
from planner.catalog.yamltree import PosNode
from planner.i18n import N_, _
from planner.problems import Problem, ProblemCode

_QUOTED = re.compile(r"'([^']*)'")

# Characters a person cannot see in their editor but that make a key or id different.
_INVISIBLE = {
    "\u00a0": "<NBSP>",
    "\u2007": "<FIGURE SPACE>",
    "\u202f": "<NARROW NBSP>",
    "\u200b": "<ZERO WIDTH SPACE>",
    "\u200c": "<ZWNJ>",
    "\u200d": "<ZWJ>",
    "\u2060": "<WORD JOINER>",
    "\ufeff": "<BOM>",
    "\t": "<TAB>",
}
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "]")


def visible(text: str) -> str:
    """`text` with invisible characters spelled out, so a message shows what is really there."""
    return _INVISIBLE_RE.sub(lambda m: _INVISIBLE[m.group()], text)


def invisible_hint(text: str) -> str:
    """An explanation when `text` holds a character the editor does not show, else ''."""
    if _INVISIBLE_RE.search(text) is None:
        return ""
    return _(
        "; it holds an invisible character (often pasted from Word or a web page): delete the key and type it again"
    )


def _plain(word: str) -> str:
    return _INVISIBLE_RE.sub(lambda m: " " if m.group() in "\u00a0\u2007\u202f\t" else "", word).strip()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` when a choice is close to `word`, else an empty string."""
    candidates = sorted(choices)
    if not candidates:
        return ""
    lowered = {c.lower(): c for c in candidates}
    probe = _plain(word).lower()
    if probe in lowered and lowered[probe] != word:
        return _(" (did you mean '{lowered}'?)").format(lowered=lowered[probe])
    close = difflib.get_close_matches(probe, candidates, n=1, cutoff=0.6)
    if not close and len(probe) >= 3:
        # A shortened id ('recept' for 'receptfornyelse') is too unlike the whole for
        # difflib, but one id it starts is what the person meant.
        close = [c for c in candidates if c.lower().startswith(probe)]
        close = close if len(close) == 1 else []
    return _(" (did you mean '{close}'?)").format(close=close[0]) if close else ""


def _item_label(item: Any, index: int) -> str:
    """How a person finds a list item: by its id, else by its number counted from 1."""
    if isinstance(item, dict):
        ident = item.get("id")
        if isinstance(ident, str) and ident:
            return ident
        service, channel = item.get("service"), item.get("channel")
        if isinstance(service, str) and isinstance(channel, str):
            return f"{service}/{channel}"
    return f"#{index + 1}"


def dotted(loc: tuple[Any, ...], data: Any = None) -> str:
    """`services[receptfornyelse].mvg_ready`, `policy.blackouts[#2].to`: the path a person
    finds in the file (list items by id when they have one, else numbered from 1)."""
    out: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            out.append(f"[{_item_label(item, part)}]")
            node = item
        else:
            out.append(("." if out else "") + visible(str(part)))
            node = node.get(part) if isinstance(node, dict) else None
    return "".join(out)


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin is Union or origin is types.UnionType:
            arms = [a for a in get_args(tp) if a is not type(None)]
            tp = (
                arms[0]
                if len(arms) == 1
                else next((a for a in arms if isinstance(a, type) and issubclass(a, BaseModel)), arms[0])
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
    """The keys a mapping of this model may hold, as written in YAML."""
    return [f.alias or name for name, f in model.model_fields.items()]


def _required_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items() if f.is_required()]


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return f"'{visible(str(value))}'"


_MAPPING = (
    N_("{prefix}is empty: write its 'key: value' lines below it, indented"),
    N_("{prefix}expected a mapping of 'key: value' lines, got {describe}"),
)
_LIST = (
    N_("{prefix}is empty: write its items below it as '- item' lines"),
    N_("{prefix}expected a list ('- item' lines or [a, b]), got {describe}"),
)
_TEXT = (
    N_("{prefix}is empty: write a value after the ':'"),
    N_("{prefix}expected text, got {describe}; put it in quotes"),
)
_WRONG_TYPE: Mapping[str, tuple[str, str]] = {
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dict_type": _MAPPING,
    "list_type": _LIST,
    "string_type": _TEXT,
    "str_type": _TEXT,
}
"""A value of the wrong type, by pydantic's error type: what to write where it is empty, and
what was expected where it is something else."""


def _message(error: Mapping[str, Any], loc: tuple[Any, ...], model: type[BaseModel], data: Any) -> str:
    kind = error["type"]
    where = dotted(loc, data)
    prefix = f"{where}: " if where else ""
    value = error.get("input")
    if kind == "string_pattern_mismatch":
        return _(
            "{prefix}'{visible}' is not a valid id: use lower-case a-z, digits and '-', "
            "starting with a letter or digit (no å, ä, ö, capitals or spaces)"
        ).format(prefix=prefix, visible=visible(str(value)))
    if kind == "literal_error":
        expected_text = str(error.get("ctx", {}).get("expected", ""))
        expected = _QUOTED.findall(expected_text) or [expected_text]
        if value is None:
            choices = _("one of {expected}").format(expected=", ".join(expected)) if len(expected) > 1 else expected[0]
            return _("{prefix}is empty: write {choices} after the ':'").format(prefix=prefix, choices=choices)
        shown = str(value).lower() if isinstance(value, bool) else visible(str(value))
        if len(expected) == 1:
            return _("{prefix}must be {expected} (got {shown})").format(
                prefix=prefix,
                expected=expected[0],
                shown=shown,
            )
        hint = did_you_mean(str(value), expected) if isinstance(value, str) else ""
        return _("{prefix}'{shown}' is not one of {expected}{hint}").format(
            prefix=prefix,
            shown=shown,
            expected=", ".join(expected),
            hint=hint,
        )
    if kind in _WRONG_TYPE:
        if not loc and _WRONG_TYPE[kind] is _MAPPING:
            keys = ", ".join(f"{name}:" for name in _required_names(model))
            return _("the file must be a mapping of 'key: value' lines ({keys} …), but it is {describe}").format(
                keys=keys, describe=_describe(value)
            )
        when_empty, when_other = _WRONG_TYPE[kind]
        if value is None:
            return _(when_empty).format(prefix=prefix)
        return _(when_other).format(prefix=prefix, describe=_describe(value))
    if kind == "string_too_short":
        return _("{prefix}must not be empty").format(prefix=prefix)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(error.get("ctx", {}).values()), "?")
        relation = {
            "greater_than_equal": _("at least"),
            "less_than_equal": _("at most"),
            "greater_than": _("more than"),
            "less_than": _("less than"),
        }[kind]
        why = BOUND_REASONS.get(tuple(str(part) for part in loc[-2:]))
        if why is not None:
            return _("{prefix}must be {relation} {bound} (got {value}): {why}").format(
                prefix=prefix, relation=relation, bound=bound, value=value, why=_(why)
            )
        return _("{prefix}must be {relation} {bound} (got {value})").format(
            prefix=prefix, relation=relation, bound=bound, value=value
        )
    msg = str(error["msg"])
    for noise in ("Value error, ", "Assertion failed, "):
        msg = msg.replace(noise, "")
    return f"{prefix}{msg}"


def problems_from_validation(
    exc: ValidationError, model: type[BaseModel], file: str, positions: PosNode, data: Any = None
) -> list[Problem]:
    """One problem per pydantic error, with the file position of the key or value at fault.

    A typo'd required key gives two pydantic errors (the unknown key, the missing one); the
    person has one thing to fix, so the `missing_field` is dropped when the unknown key next
    to it is a did-you-mean for it.
    """
    problems: list[Problem] = []
    suggested: set[tuple[tuple[Any, ...], str]] = set()
    missing: list[tuple[tuple[Any, ...], Problem]] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        code: ProblemCode = "invalid_value"
        cause = error.get("ctx", {}).get("error")
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            line, column = positions.locate(loc, key=True)
            message = _message(error, loc, model, data)
            if isinstance(loc[-1], str):
                message += invisible_hint(loc[-1])
        elif isinstance(cause, Misplaced):
            loc = loc + cause.at
            line, column = positions.locate(loc, key=cause.key)
            message = f"{dotted(loc, data)}: {cause}"
        elif kind == "extra_forbidden":
            line, column = positions.locate(loc, key=True)
            name = str(loc[-1])
            owner = model_at(model, loc[:-1])
            known = field_names(owner) if owner is not None else []
            hint = did_you_mean(name, known)
            if hint:
                suggested.add((loc[:-1], hint.split("'")[1]))
            where = _(" in {dotted}").format(dotted=dotted(loc[:-1], data)) if loc[:-1] else ""
            allowed = _("; allowed here: {known}").format(known=", ".join(known)) if known and not hint else ""
            code = "unknown_field"
            message = _("unknown field '{visible}'{where}{hint}{allowed}{invisible_hint}").format(
                visible=visible(name),
                where=where,
                hint=hint,
                allowed=allowed,
                invisible_hint=invisible_hint(name),
            )
        elif kind == "missing":
            line, column = positions.key_mark(loc[:-1])
            where = _(" in {dotted}").format(dotted=dotted(loc[:-1], data)) if loc[:-1] else ""
            problem = Problem(
                file,
                line,
                column,
                "missing_field",
                _("missing required field '{loc}'{where}; add it").format(
                    loc=loc[-1],
                    where=where,
                ),
            )
            missing.append((loc, problem))
            continue
        else:
            line, column = positions.locate(loc)
            message = _message(error, loc, model, data)
        problems.append(Problem(file, line, column, code, message))
    problems.extend(problem for loc, problem in missing if (loc[:-1], loc[-1]) not in suggested)
    return problems
