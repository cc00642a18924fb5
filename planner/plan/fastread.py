"""A fast path for reading the plan files the tool writes itself.

A national plan is some 130,000 steps: read through libyaml's events with every position
kept (`planner.catalog.yamltree`), it costs more than making the plan. But a plan file is
nearly always exactly what `mvgplan plan --format yaml|json` wrote, a layout far simpler
than YAML. These readers take only that layout and give up (None) at the first thing they
do not expect: a comment, a double-quoted or block scalar, an anchor, a tab, a blank line, a
repeated key. Then the full reader runs and is the authority, with its line and column for
every problem. On what they do read, they give exactly the data `yamltree.parse` gives
(plain scalars stay text; `null`, `true` and `false` are typed), which a test checks.
"""

from __future__ import annotations

import json
import re
from typing import Any

from planner.catalog.yamltree import _SPECIAL

_NOT_PLAIN_START = frozenset('&*!|>{[%@`"#,?:-')


class _GiveUp(Exception):
    """The text is not in the layout this reader takes; the full reader will read it."""


def read_json(text: str) -> Any | None:
    """A JSON plan as data, or None when it is not plain JSON without repeated keys."""
    try:
        return json.loads(text, object_pairs_hook=_unique)
    except (ValueError, RecursionError, _GiveUp):
        return None


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _GiveUp  # a repeated key: the full reader names it
    return found


def read_yaml(text: str) -> Any | None:
    """A yaml plan as written by `mvgplan plan --format yaml`, as data; None for anything else."""
    if "\t" in text or "\r" in text or not text.endswith("\n"):
        return None
    try:
        return _document(text)
    except _GiveUp:
        return None


_CONTINUED = r"[^\n]*(?:\n    [^\n]*)*"
"""A value, and the lines that continue it (indented four spaces, as PyYAML wraps them)."""
_ITEM = re.compile(rf"- ([a-z_]+): ({_CONTINUED})\n((?:  [a-z_]+: {_CONTINUED}\n)*)")
_FIELD = re.compile(rf"  ([a-z_]+): ({_CONTINUED})\n")
_TOP = re.compile(r"([a-z_]+):(?: ([^\n]*))?\n")
_NESTED = re.compile(r"  ([a-z_]+): ([^\n]*)\n")


def _document(text: str) -> dict[str, Any]:
    top: dict[str, Any] = {}
    pos, end = 0, len(text)
    while pos < end:
        m = _TOP.match(text, pos)
        if m is None or m[1] in top:
            raise _GiveUp
        key, rest = m[1], m[2]
        pos = m.end()
        if rest:
            top[key] = _value(rest)
        elif text.startswith("- ", pos):
            top[key], pos = _items(text, pos)
        elif text.startswith("  ", pos):
            nested: dict[str, Any] = {}
            while (n := _NESTED.match(text, pos)) is not None:
                if n[1] in nested:
                    raise _GiveUp
                nested[n[1]] = _value(n[2])
                pos = n.end()
            top[key] = nested
        else:
            top[key] = None
    return top


def _items(text: str, pos: int) -> tuple[list[Any], int]:
    out: list[Any] = []
    cache: dict[str, Any] = {}
    item_match, field_all, value = _ITEM.match, _FIELD.findall, _value
    while text.startswith("- ", pos):
        m = item_match(text, pos)
        if m is None:
            raise _GiveUp
        fields = [(m[1], m[2]), *field_all(m[3])]
        item = {}
        for key, raw in fields:
            decoded = cache.get(raw, _MISSING)
            if decoded is _MISSING:
                decoded = cache[raw] = value(raw)
            item[key] = decoded
        if len(item) != len(fields):
            raise _GiveUp
        out.append(item)
        pos = m.end()
    return out, pos


_MISSING = object()


def _value(raw: str) -> Any:
    """One scalar as `yamltree` reads it: quoted or plain text, plain null/true/false typed."""
    if raw == "[]":
        return []
    parts = raw.split("\n")
    if len(parts) > 1:
        parts = [parts[0], *(p.strip(" ") for p in parts[1:])]
        if parts[0].endswith(" ") or not all(parts):
            raise _GiveUp
    first = parts[0]
    if first[0] == "'":
        joined = " ".join(parts)
        body = joined[1:-1]
        if len(joined) < 2 or joined[-1] != "'" or body.replace("''", "").find("'") != -1:
            raise _GiveUp
        return body.replace("''", "'")
    if first[0] in _NOT_PLAIN_START or first[-1] == " ":
        raise _GiveUp
    for part in parts:
        if " #" in part or ": " in part or part[-1] == ":" or part[0] == "#":
            raise _GiveUp
    if len(parts) == 1:
        return _SPECIAL.get(first, first)
    return " ".join(parts)
