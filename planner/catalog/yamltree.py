"""Read one YAML file into plain data plus the line and column of every key and value.

PyYAML's loaders lose positions, keep the last of two duplicate keys, turn `yes` into a
boolean and `00100` into 64, and expand alias bombs. So we drive libyaml's event parser
ourselves and build the data in one iterative pass: every scalar stays text except the
plain `null`, `true` and `false` (the schema decides types, so `1177:` is naturally the
channel "1177"), duplicate keys, anchors, aliases, merge keys and tags are reported, and
depth and size are capped before anything can explode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is several times faster; the pure parser gives the same events.
    from yaml._yaml import CParser as _Parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - only on installs without libyaml
    from yaml import Loader as _Parser  # type: ignore[assignment]

from planner.problems import Problem, ProblemCode

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 1_000_000

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})

Mark = tuple[int, int]
"""A 1-based (line, column)."""


@dataclass(slots=True)
class PosNode:
    """Where a mapping or sequence starts, and where each of its children is."""

    mark: Mark
    keys: dict[Any, Mark] = field(default_factory=dict)
    children: dict[Any, PosNode | Mark] | list[PosNode | Mark] = field(default_factory=dict)

    def locate(self, loc: tuple[Any, ...], *, key: bool = False) -> Mark:
        """The position of the deepest known node on the path `loc`.

        With `key=True` and a path that ends in a mapping key, the key's own position
        (where an unknown or duplicate field is written) instead of its value's.
        """
        node: PosNode | Mark = self
        here = self.mark
        for i, part in enumerate(loc):
            if not isinstance(node, PosNode):
                break
            children = node.children
            if isinstance(children, dict):
                if part not in children:
                    break
                if key and i == len(loc) - 1:
                    return node.keys[part]
                node = children[part]
            else:
                if not isinstance(part, int) or not 0 <= part < len(children):
                    break
                node = children[part]
            here = node.mark if isinstance(node, PosNode) else node
        return here

    def key_mark(self, loc: tuple[Any, ...]) -> Mark:
        """Where the key naming the node at `loc` is written (or the node itself at the top)."""
        if not loc:
            return self.mark
        parent = self.locate_node(loc[:-1])
        if parent is not None and isinstance(parent.children, dict) and loc[-1] in parent.keys:
            return parent.keys[loc[-1]]
        return self.locate(loc)

    def locate_node(self, loc: tuple[Any, ...]) -> PosNode | None:
        node: PosNode | Mark = self
        for part in loc:
            if not isinstance(node, PosNode):
                return None
            children = node.children
            if isinstance(children, dict):
                if part not in children:
                    return None
                node = children[part]
            elif isinstance(part, int) and 0 <= part < len(children):
                node = children[part]
            else:
                return None
        return node if isinstance(node, PosNode) else None


@dataclass(slots=True)
class ParsedYaml:
    """The data of one file, its positions, and what was wrong with it."""

    data: Any
    positions: PosNode
    problems: list[Problem]
    trustworthy: bool
    """False when the data is incomplete (syntax error, alias), so schema checks would mislead."""


# libyaml's wording, and what a person editing the file should do about it.
_ADVICE = (
    ("found character '\\t'", "YAML indents with spaces only: replace the tab with spaces"),
    ("tab character", "YAML indents with spaces only: replace the tab with spaces"),
    ("did not find expected node content", "a value is missing, or a bracket was opened but never closed"),
    ("mapping values are not allowed", "a ':' inside an unquoted value: put the text in quotes"),
    ("could not find expected ':'", "a line without 'key: value': check the indentation"),
    ("did not find expected key", "the indentation does not match the lines above"),
    ("did not find expected '-'", "a list item is indented differently from the ones above"),
    ("found unexpected end of stream", "a quote or bracket was opened but never closed"),
    ("found undefined tag handle", "remove the '!' tag: a catalogue needs no tags"),
    ("found unknown escape character", "in double quotes write '\\\\' for a backslash"),
    ("control characters are not allowed", "the file holds an invisible control character"),
    ("while scanning an alias", "'*' starts an alias: put the text in quotes"),
    ("while scanning an anchor", "'&' starts an anchor: put the text in quotes"),
    ("found character '@' that cannot start any token", "put text starting with '@' in quotes"),
    ("found character '`' that cannot start any token", "put text starting with '`' in quotes"),
)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    context = f"{error.context} " if error.context else ""
    text = f"{context}{problem}".strip()
    for needle, advice in _ADVICE:
        if needle in text:
            return f"{text} ({advice})"
    return text


def decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """Strict UTF-8 (a BOM is allowed), or a problem naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex().upper()
        message = f"the file is not UTF-8 (byte 0x{byte}); save it as UTF-8 in your editor"
        return None, Problem(file, line, column, "yaml_syntax", message)


class _Builder:
    """Turns the parser's events into data and positions, collecting problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.trustworthy = True
        self.nodes = 0

    def problem(self, mark: Mark, code: ProblemCode, message: str) -> None:
        self.problems.append(Problem(self.file, mark[0], mark[1], code, message))

    def build(self, text: str) -> tuple[Any, PosNode]:
        parser = _Parser(text)
        # stack frames: [container, posnode, pending_key, pending_key_mark, skip_next_value]
        stack: list[list[Any]] = []
        root: Any = None
        root_pos = PosNode((1, 1))
        documents = 0
        try:
            while True:
                event = parser.get_event()
                kind = type(event)
                if kind is yaml.StreamEndEvent:
                    break
                if kind is yaml.StreamStartEvent or kind is yaml.DocumentEndEvent:
                    continue
                mark = (event.start_mark.line + 1, event.start_mark.column + 1)
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self.problem(mark, "yaml_syntax", "a second YAML document ('---'): a catalogue file holds one")
                        self.trustworthy = False
                        break
                    continue
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self.problem(mark, "too_large", f"more than {MAX_NODES:,} YAML nodes in one file")
                    self.trustworthy = False
                    break
                if kind is yaml.AliasEvent:
                    self.problem(mark, "invalid_value", f"alias '*{event.anchor}': a catalogue uses no anchors or aliases; write the value out")
                    self.trustworthy = False
                    value: Any = None
                    self._attach(stack, value, mark, mark)
                    continue
                if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    frame = stack.pop()
                    if stack:
                        self._attach(stack, frame[0], frame[1], frame[1].mark)
                    else:
                        root, root_pos = frame[0], frame[1]
                    continue
                if event.anchor is not None:
                    self.problem(mark, "invalid_value", f"anchor '&{event.anchor}': a catalogue uses no anchors or aliases; write the value out")
                if event.tag is not None and not (kind is yaml.ScalarEvent and event.tag == "!"):
                    self.problem(mark, "invalid_value", f"tag '{event.tag}': a catalogue uses no YAML tags; remove it")
                if kind is yaml.ScalarEvent:
                    raw = event.value
                    if event.style == "" or event.style is None:
                        value = None if raw in _NULLS else True if raw in _TRUES else False if raw in _FALSES else raw
                    else:
                        value = raw
                    if stack:
                        self._attach(stack, value, mark, mark, plain=event.style in ("", None))
                    else:
                        root, root_pos = value, PosNode(mark)
                    continue
                if len(stack) >= MAX_DEPTH:
                    self.problem(mark, "too_large", f"nested deeper than {MAX_DEPTH} levels")
                    self.trustworthy = False
                    break
                if kind is yaml.MappingStartEvent:
                    stack.append([{}, PosNode(mark, {}, {}), _NO_KEY, None, False])
                else:
                    stack.append([[], PosNode(mark, {}, []), _NO_KEY, None, False])
        except yaml.MarkedYAMLError as exc:
            mk = exc.problem_mark or exc.context_mark
            where = (mk.line + 1, mk.column + 1) if mk is not None else (1, 1)
            self.problem(where, "yaml_syntax", _syntax_message(exc))
            self.trustworthy = False
            return None, root_pos
        except yaml.YAMLError as exc:  # reader errors: bad characters
            mk = getattr(exc, "position", None)
            self.problem((1, 1), "yaml_syntax", str(exc).splitlines()[0] if mk is None else str(exc))
            self.trustworthy = False
            return None, root_pos
        if stack:  # stopped early (caps): nothing below is reliable
            return None, root_pos
        if documents == 0 or (root is None and not root_pos.children and self._empty(text)):
            self.problem((1, 1), "yaml_syntax", "the file is empty; it needs the catalogue content")
            self.trustworthy = False
        return root, root_pos

    @staticmethod
    def _empty(text: str) -> bool:
        return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())

    def _attach(self, stack: list[list[Any]], value: Any, pos: PosNode | Mark, mark: Mark, plain: bool = False) -> None:
        frame = stack[-1]
        container = frame[0]
        posnode: PosNode = frame[1]
        if isinstance(container, list):
            container.append(value)
            assert isinstance(posnode.children, list)
            posnode.children.append(pos)
            return
        if frame[2] is _NO_KEY:  # this node is a key
            if isinstance(value, (dict, list)):
                self.problem(mark, "invalid_value", "a key must be plain text, not a list or mapping")
                value = f"<complex key at line {mark[0]}>"
            elif not isinstance(value, str):
                word = "null" if value is None else str(value).lower()
                self.problem(mark, "invalid_value", f"the key '{word}' is not text; put it in quotes")
                value = word
            elif plain and value == "<<":
                self.problem(mark, "invalid_value", "merge key '<<': a catalogue uses no merge keys; write the keys out")
            frame[2], frame[3] = value, mark
            frame[4] = value in container
            if frame[4]:
                first = posnode.keys[value]
                self.problem(mark, "duplicate_key", f"duplicate key '{value}' (first at line {first[0]}); remove one of them")
            return
        key, key_mark, duplicate = frame[2], frame[3], frame[4]
        frame[2], frame[3], frame[4] = _NO_KEY, None, False
        if duplicate:
            return  # keep the first; the duplicate is already reported
        container[key] = value
        posnode.keys[key] = key_mark
        assert isinstance(posnode.children, dict)
        posnode.children[key] = pos


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


def parse(raw: bytes, file: str) -> ParsedYaml:
    """Parse one file's bytes. Never raises: every defect becomes a `Problem`."""
    if len(raw) > MAX_FILE_BYTES:
        problem = Problem(file, 1, 1, "too_large", f"the file is {len(raw) / 1048576:.1f} MiB; the limit is 5 MiB")
        return ParsedYaml(None, PosNode((1, 1)), [problem], False)
    text, problem = decode(raw, file)
    if text is None:
        assert problem is not None
        return ParsedYaml(None, PosNode((1, 1)), [problem], False)
    builder = _Builder(file)
    try:
        data, positions = builder.build(text)
    except RecursionError:  # pragma: no cover - the depth cap stops far earlier
        builder.problem((1, 1), "too_large", "nested too deeply")
        return ParsedYaml(None, PosNode((1, 1)), builder.problems, False)
    return ParsedYaml(data, positions, builder.problems, builder.trustworthy)
