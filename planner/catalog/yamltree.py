"""Read one YAML file into plain data plus the line and column of every key and value.

PyYAML's loaders lose positions, keep the last of two duplicate keys, turn `yes` into a
boolean and `00100` into 64, and expand alias bombs. So we drive libyaml's event parser
ourselves and build the data in one iterative pass: every scalar stays text except the
plain `null`, `true` and `false` (the schema decides types, so `1177:` is naturally the
channel "1177"), duplicate keys, anchors, aliases, merge keys and tags are reported, and
depth, size and the number of problems are capped before anything can explode.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is several times faster; the pure parser gives the same events.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - only on installs without libyaml
    from yaml import Loader as _Parser  # type: ignore[assignment]

from planner.i18n import N_, _
from planner.problems import BIDI_CONTROLS, Problem, ProblemCode

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
"""A catalogue file nests about 6 levels; anything near this is a mistake or an attack."""
MAX_NODES = 200_000
"""A national-scale unit file has a few thousand nodes; this is a hundred times more."""
MAX_PROBLEMS = 200
"""Past this many problems in one file, more lines of errors help nobody."""

_TOO_MANY_NODES = N_("more than {nodes:,} YAML nodes in one file; no catalogue file is this big")
_TOO_DEEP = N_("nested deeper than {depth} levels; a catalogue file needs about 6")

# Plain scalars that the reader types itself; everything else stays text for the schema.
_SPECIAL: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_PLAIN_STYLES = ("", None)  # libyaml says '' for plain, the pure-Python parser None

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
        """The mapping or sequence at `loc`, or None when the path leads elsewhere."""
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


_TAB_ADVICE = N_("YAML indents with spaces only; replace the tab with spaces")

# libyaml's wording, and what a person editing the file should do about it.
_ADVICE = (
    ("found character '\\t'", _TAB_ADVICE),
    ("tab character", _TAB_ADVICE),
    ("did not find expected node content", N_("a value is missing, or a bracket was opened but never closed")),
    ("mapping values are not allowed", N_("a ':' inside an unquoted value: put the text in quotes")),
    ("did not find expected key", N_("the indentation does not match the lines above")),
    ("did not find expected '-'", N_("a list item is indented differently from the ones above")),
    ("did not find expected ',' or ']'", N_("a list in [brackets] is not closed, or an item needs quotes")),
    ("did not find expected ',' or '}'", N_("a mapping in {braces} is not closed, or a value needs quotes")),
    ("found unexpected end of stream", N_("a quote or bracket was opened but never closed")),
    ("found undefined tag handle", N_("remove the '!' tag: a catalogue needs no tags")),
    ("found unknown escape character", N_("in double quotes write '\\\\' for a backslash")),
    ("while scanning an alias", N_("'*' starts an alias: put the text in quotes")),
    ("while scanning an anchor", N_("'&' starts an anchor: put the text in quotes")),
    ("found character '@' that cannot start any token", N_("put text starting with '@' in quotes")),
    ("found character '`' that cannot start any token", N_("put text starting with '`' in quotes")),
    ("found character '%' that cannot start any token", N_("put text starting with '%' in quotes")),
    ("found unexpected ':'", N_("a ':' inside an unquoted value: put the text in quotes")),
    ("expected <document start>", N_("the file continues after its content ends: check the indentation")),
)


# Problems libyaml notices only where a bracket or quote should have been closed: the
# place a person has to look is where it was opened (the error's context mark).
_OPENED_EARLIER = ("expected ',' or", "unexpected end of stream")


_QUOTES = {'"': N_("double"), "'": N_("single")}
_PLAIN = ("", None)


def _unclosed_bracket(error: yaml.MarkedYAMLError, text: str, opened: list[Mark]) -> tuple[Mark, str] | None:
    """A [list] or {mapping} that runs on past where it should have ended: the innermost one
    still open (of the containers open at the failure, innermost first) and the advice for it.

    libyaml notices only at the end of the file, or at a line that starts a new block item
    (no deeper than the bracket's own line), but the bracket to close is where it was opened.
    """
    at = error.problem_mark
    if at is None:
        return None
    lines = text.splitlines()
    at_end = not text[at.index :].strip()
    for line, column in opened:
        bracket = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
        if bracket not in ("[", "{"):
            continue
        if not at_end:
            if "did not find expected node content" not in (error.problem or "") or at.line + 1 <= line:
                return None
            here = lines[at.line] if at.line < len(lines) else ""
            if _indent(here) > _indent(lines[line - 1]):
                return None
        needle = "expected ',' or ']'" if bracket == "[" else "expected ',' or '}'"
        return (line, column), _(next(advice for found, advice in _ADVICE if found == f"did not find {needle}"))
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _syntax_problem(
    error: yaml.MarkedYAMLError,
    text: str,
    file: str,
    last_scalar: Any = None,
    unclosed: tuple[Mark, str] | None = None,
) -> Problem:
    """What to do first, then libyaml's own words, at the place a person has to look.

    libyaml notices many mistakes a line or more after they were made; `last_scalar`, the
    last text it read before failing, often tells where the mistake really is.
    """
    problem = error.problem or "invalid YAML"
    detail = f"{error.context} {problem}" if error.context else problem
    at = error.problem_mark or error.context_mark
    line, column = (at.line + 1, at.column + 1) if at is not None else (1, 1)
    lines = text.splitlines()
    moved = unclosed or _misread_text(last_scalar, problem, line, column, lines) or _missing_colon(error, line, column)
    if moved is not None:
        (at_line, at_column), advice = moved
        if (at_line, at_column) != (line, column):
            detail += _("; noticed at line {line}, column {column}").format(line=line, column=column)
        return Problem(file, at_line, at_column, "yaml_syntax", f"{advice} ({detail})")
    opened = error.context_mark
    if opened is not None and any(needle in problem for needle in _OPENED_EARLIER):
        if (opened.line + 1, opened.column + 1) != (line, column):
            detail += _("; noticed at line {line}, column {column}").format(line=line, column=column)
        line, column = opened.line + 1, opened.column + 1
    if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
        advice = _("a tab character: {advice}").format(advice=_(_TAB_ADVICE))
    else:
        advice = next((_(advice) for needle, advice in _ADVICE if needle in detail), _("this is not valid YAML"))
    return Problem(file, line, column, "yaml_syntax", f"{advice} ({detail})")


def _misread_text(scalar: Any, problem: str, line: int, column: int, lines: list[str]) -> tuple[Mark, str] | None:
    """The mistakes that show as a text read differently from what the person meant."""
    if scalar is None:
        return None
    start, end = scalar.start_mark, scalar.end_mark
    started = (start.line + 1, start.column + 1)
    if scalar.style in _QUOTES and end.line + 1 == line:
        quote = _QUOTES[scalar.style]
        if start.line != end.line:
            # A quote left open swallows the lines below it, up to the next quote character.
            advice = _(
                "the {quote} quote opened here is closed only on line {line}, so YAML reads "
                "everything in between as one text: close the quote on this line"
            ).format(quote=_(quote), line=line)
            return started, advice
        this = lines[line - 1] if 0 < line <= len(lines) else ""
        between = this[end.column : column - 1]
        if column - 1 < end.column or between.strip(" :"):
            return None
        if not this[: start.column].strip():  # the text starts the line: it is a key
            written = this[start.column : end.column]
            return (line, column), _("after the key {written} write ': ' (a colon and a space), then its value").format(
                written=written,
            )
        if not between.strip():
            inner = _("write a ' inside '…' as ''") if quote == "single" else _('write a " inside "…" as \\"')
            advice = _(
                "text follows the closing {quote} quote: put the whole value inside the quotes ({inner})"
            ).format(quote=_(quote), inner=inner)
            return (line, column), advice
        return None
    if "mapping values are not allowed" not in problem or scalar.style not in _PLAIN:
        return None
    if start.line == end.line or end.line + 1 != line:
        return None
    # A plain text that ran on over a line break up to this line's `key:`: the line where it
    # started is a key without its ':', or this line is indented deeper than a key above.
    first = lines[start.line] if start.line < len(lines) else ""
    lead = first[: start.column].strip()
    if lead in ("", "-") or set(lead) <= {"-", " "}:
        advice = _(
            "this line has no ':' after its key (line {line} is read as more of it): write it as 'key: value'"
        ).format(line=line)
        return started, advice
    this = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = len(this) - len(this.lstrip(" "))
    advice = _(
        "this line is indented deeper than line {value}, which already has a value, so "
        "YAML reads it as more of that value: indent it like the keys above (or, if it "
        "belongs under line {value}, remove the value after that line's ':')"
    ).format(value=start.line + 1)
    return (line, indent + 1), advice


def _missing_colon(error: yaml.MarkedYAMLError, line: int, column: int) -> tuple[Mark, str] | None:
    """ "could not find expected ':'" is noticed on the line after the one that lacks it."""
    opened = error.context_mark
    if opened is None or "could not find expected ':'" not in (error.problem or ""):
        return None
    advice = _("a line without 'key: value': add the ':' after the key, or check the indentation")
    return (opened.line + 1, opened.column + 1), advice


def decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """Strict UTF-8 (a BOM is allowed), or a problem naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex().upper()
        message = _(
            "the file is not UTF-8 (byte 0x{byte} here; Windows-1252 or Latin-1 perhaps): "
            "save it as UTF-8 in your editor"
        ).format(byte=byte)
        return None, Problem(file, line, column, "yaml_syntax", message)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """libyaml reports a forbidden character by its UTF-8 byte offset; turn that into a place."""
    offset = exc.position if isinstance(exc.position, int) else 0
    before = text.encode("utf-8")[:offset].decode("utf-8", errors="ignore")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    bad = text[len(before)] if len(before) < len(text) else ""
    name = f"U+{ord(bad):04X}" if bad else _("an invisible character")
    message = _(
        "the file holds the control character {name}, which YAML does not allow: delete "
        "it (it is invisible in most editors)"
    ).format(name=name)
    return Problem(file, line, column, "yaml_syntax", message)


_BIDI = re.compile(b"|".join(re.escape(char.encode("utf-8")) for char in BIDI_CONTROLS))
"""`BIDI_CONTROLS` in UTF-8. Searched in the file's bytes, where they all start with the byte
E2 that most catalogue text never holds: a few milliseconds for a national catalogue, some
thirty times less than the same search through the decoded text."""
_BIDI_ESCAPE = re.compile(rb"\\(?:u|U0000)(20(?:2[a-eA-E]|6[6-9]))")
"""The same characters as a double-quoted scalar's escape (`"\\u202e"`), which reaches the
data as the character itself. Counted wherever it is written, even where YAML would read it
as plain text (a comment, a plain scalar): no catalogue needs that text either."""
_BIDI_EITHER = re.compile(_BIDI.pattern + b"|" + _BIDI_ESCAPE.pattern)
"""Both at once, for placing them once one was found (each alone searches faster)."""


def _bidi_problems(raw: bytes, file: str) -> list[Problem]:
    """A problem at each bidirectional control in the file (`BIDI_CONTROLS`), written as
    itself or as an escape, at its own line and column: in a key, a value or a comment alike.
    `raw` is valid UTF-8 by now; columns count characters, as libyaml's do."""
    if _BIDI.search(raw) is None and _BIDI_ESCAPE.search(raw) is None:
        return []
    import unicodedata  # only when there is something to name

    problems = []
    for found in itertools.islice(_BIDI_EITHER.finditer(raw), MAX_PROBLEMS):
        at = found.start()
        start = raw.rfind(b"\n", 0, at) + 1
        before = raw[start:at].decode("utf-8")
        if start == 0:
            before = before.removeprefix("\ufeff")
        code = found.group(1)
        char = chr(int(code, 16)) if code is not None else found.group().decode("utf-8")
        name = f"U+{ord(char):04X} {unicodedata.name(char)}"
        if code is None:
            message = _(
                "the file holds the bidirectional control character {name}, which makes the text after it "
                "display in another order than it is written, so a name can look like another: delete it "
                "(it is invisible in most editors)"
            ).format(name=name)
        else:
            message = _(
                "{escape} is the bidirectional control character {name}, which makes the text after it "
                "display in another order than it is written, so a name can look like another: delete it"
            ).format(escape=found.group().decode("ascii"), name=name)
        problems.append(Problem(file, raw.count(b"\n", 0, at) + 1, len(before) + 1, "invalid_value", message))
    return problems


class _Stop(Exception):
    """Parsing cannot usefully go on (a cap was hit); what was found so far is reported."""


class _NoKey:
    __slots__ = ()


_NO_KEY: Any = _NoKey()


class _Builder:
    """Turns the parser's events into data and positions, collecting problems."""

    def __init__(self, file: str, max_nodes: int = MAX_NODES) -> None:
        self.file = file
        self.max_nodes = max_nodes
        self.problems: list[Problem] = []
        self.trustworthy = True

    def too_many_nodes(self) -> str:
        if self.max_nodes == MAX_NODES:
            return _(_TOO_MANY_NODES).format(nodes=MAX_NODES)
        return _("more than {nodes:,} YAML nodes in one file").format(nodes=self.max_nodes)

    def problem(self, mark: Mark, code: ProblemCode, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.trustworthy = False
            message = _("more than {n} problems in this file; fix these and run again").format(n=MAX_PROBLEMS)
            self.problems.append(Problem(self.file, mark[0], mark[1], "too_large", message))
            raise _Stop
        self.problems.append(Problem(self.file, mark[0], mark[1], code, message))

    def stop(self, mark: Mark, code: ProblemCode, message: str) -> None:
        self.problem(mark, code, message)
        self.trustworthy = False
        raise _Stop

    def decorations(self, event: Any, mark: Mark) -> None:
        """Anchors and tags: legal YAML, but a catalogue has no use for them."""
        if event.anchor is not None:
            message = _("anchor '&{anchor}': a catalogue uses no anchors or aliases; write the value out").format(
                anchor=event.anchor
            )
            self.problem(mark, "invalid_value", message)
        if event.tag is not None:
            tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")  # as the person wrote it
            message = _("tag '{tag}': a catalogue uses no YAML tags; remove it").format(tag=tag)
            self.problem(mark, "invalid_value", message)

    def odd_key(self, value: Any, mark: Mark) -> str:
        """A key that is not text: report it and give it a name that cannot clash."""
        if isinstance(value, (dict, list)):
            self.problem(mark, "invalid_value", _("a key must be plain text, not a list or mapping"))
            return f"<complex key at line {mark[0]}>"
        if value is None:
            self.problem(mark, "invalid_value", _("a key is empty or null: write a name before the ':'"))
            return f"<empty key at line {mark[0]}>"
        word = str(value).lower()
        self.problem(
            mark, "invalid_value", _("the key {word} is not text; put it in quotes: '{word}'").format(word=word)
        )
        return f"<{word} key at line {mark[0]}>"

    def duplicate(self, key: str, mark: Mark, first: Mark) -> None:
        message = _("duplicate key '{key}' (first at line {line}); remove one of them").format(key=key, line=first[0])
        self.problem(mark, "duplicate_key", message)

    def build(self, text: str) -> tuple[Any, PosNode, bool]:
        """The data, its positions, and whether the file held a document at all.

        The hot loop keeps the innermost open mapping or sequence in local variables and
        pushes it on a stack only when a child container opens: a national catalogue is a
        million events, and attribute look-ups and calls per event are what it costs. Every
        complete value (a scalar, a closed mapping or list, an alias) falls through to one
        placement tail at the end of the loop body rather than to a helper it would call.
        """
        get_event: Any = _Parser(text).get_event  # typed loosely: the hot loop reads event fields
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        special, plain_styles, no_key = _SPECIAL, _PLAIN_STYLES, _NO_KEY

        stack: list[tuple[Any, ...]] = []
        container: Any = None  # the open dict or list; None at the top level
        keys: dict[Any, Mark] = {}
        children: Any = None
        posnode: PosNode | None = None
        key: Any = no_key  # the mapping key waiting for its value
        key_mark: Mark = (1, 1)
        skip = False  # the waiting key is a duplicate: drop its value
        root: Any = None
        root_pos = PosNode((1, 1))
        last_scalar: Any = None
        nodes = 0
        documents = 0
        budget = self.max_nodes
        try:
            while True:
                event: Any = get_event()
                kind = event.__class__
                if kind is scalar_event:
                    last_scalar = event  # where a quote left open ends, if parsing fails next
                    start = event.start_mark
                    mark = (start.line + 1, start.column + 1)
                    nodes += 1
                    if nodes > budget:
                        self.stop(mark, "too_large", self.too_many_nodes())
                    if event.anchor is not None or event.tag is not None:
                        self.decorations(event, mark)
                    value: Any = event.value
                    plain = event.style in plain_styles
                    if plain and value in special:
                        value = special[value]
                    at: Any = mark
                elif kind is map_end or kind is seq_end:
                    value, at = container, posnode
                    container, keys, children, posnode, key, key_mark, skip = stack.pop()
                elif kind is map_start or kind is seq_start:
                    start = event.start_mark
                    mark = (start.line + 1, start.column + 1)
                    nodes += 1
                    if nodes > budget:
                        self.stop(mark, "too_large", self.too_many_nodes())
                    if len(stack) >= MAX_DEPTH:
                        self.stop(mark, "too_large", _(_TOO_DEEP).format(depth=MAX_DEPTH))
                    if event.anchor is not None or event.tag is not None:
                        self.decorations(event, mark)
                    stack.append((container, keys, children, posnode, key, key_mark, skip))
                    keys = {}
                    if kind is map_start:
                        container, children = {}, {}
                    else:
                        container, children = [], []
                    posnode = PosNode(mark, keys, children)
                    key, skip = no_key, False
                    continue
                elif kind is alias_event:
                    start = event.start_mark
                    mark = (start.line + 1, start.column + 1)
                    self.trustworthy = False
                    message = _(
                        "alias '*{anchor}': a catalogue uses no anchors or aliases; write the value out"
                    ).format(anchor=event.anchor)
                    self.problem(mark, "invalid_value", message)
                    # The alias stands for nothing: the document is not trusted past this point
                    # anyway, so keep the structure and drop the value.
                    value, at = None, mark
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        start = event.start_mark
                        message = _("a second YAML document ('---'): a catalogue file holds one; remove it")
                        self.stop((start.line + 1, start.column + 1), "yaml_syntax", message)
                    continue
                elif kind is yaml.StreamEndEvent:
                    break
                else:
                    continue
                # One place for a value that is complete (a scalar, a closed mapping or list,
                # an alias's nothing); `at` is its mark, or the closed container's PosNode.
                if container is None:
                    root, root_pos = value, (at if kind is map_end or kind is seq_end else PosNode(at))
                elif children.__class__ is list:
                    container.append(value)
                    children.append(at)
                elif key is no_key:  # the value stands where a key should
                    if kind is scalar_event:
                        if value.__class__ is not str:
                            value = self.odd_key(value, at)
                        elif plain and value == "<<":
                            message = _("merge key '<<': a catalogue uses no merge keys; write the keys out")
                            self.problem(at, "invalid_value", message)
                        if value in keys:
                            skip = True
                            self.duplicate(value, at, keys[value])
                        key, key_mark = value, at
                    elif kind is alias_event:
                        key, key_mark = f"<alias at line {at[0]}>", at
                    else:  # a mapping or list used as a key
                        key, key_mark = self.odd_key(value, at.mark), at.mark
                else:
                    if not skip:
                        container[key] = value
                        keys[key] = key_mark
                        children[key] = at
                    key, skip = no_key, False
        except _Stop:
            if stack:  # stopped inside the tree: nothing below the top is reliable
                return None, root_pos, documents > 0
        except yaml.reader.ReaderError as exc:
            self.problems.append(_reader_problem(exc, text, self.file))
            self.trustworthy = False
            return None, root_pos, documents > 0
        except yaml.MarkedYAMLError as exc:
            opened = [posnode.mark] if posnode is not None else []
            opened += [entry[3].mark for entry in reversed(stack) if entry[3] is not None]
            unclosed = _unclosed_bracket(exc, text, opened)
            self.problems.append(_syntax_problem(exc, text, self.file, last_scalar, unclosed))
            self.trustworthy = False
            return None, root_pos, documents > 0
        except yaml.YAMLError as exc:  # pragma: no cover - libyaml raises one of the above
            self.problems.append(Problem(self.file, 1, 1, "yaml_syntax", str(exc).splitlines()[0]))
            self.trustworthy = False
            return None, root_pos, documents > 0
        return root, root_pos, documents > 0


def parse(
    raw: bytes, file: str, *, max_bytes: int = MAX_FILE_BYTES, max_nodes: int = MAX_NODES, refuse_bidi: bool = True
) -> ParsedYaml:
    """Parse one file's bytes. Never raises: every defect becomes a `Problem`.

    The caps default to a catalogue file's; a plan file (the tool's own output) may be larger.
    A catalogue file may hold no bidirectional control (`refuse_bidi`, `_bidi_problems`); the
    data is still read and validated, so every other problem is found in the same run.
    """
    if len(raw) > max_bytes:
        limit = f"{max_bytes / 1048576:.0f} MiB"
        message = _("the file is {size:.1f} MiB; the limit is {limit}").format(size=len(raw) / 1048576, limit=limit)
        problem = Problem(file, 1, 1, "too_large", message)
        return ParsedYaml(None, PosNode((1, 1)), [problem], False)
    text, bad_bytes = decode(raw, file)
    if text is None:
        assert bad_bytes is not None
        return ParsedYaml(None, PosNode((1, 1)), [bad_bytes], False)
    builder = _Builder(file, max_nodes)
    if refuse_bidi:
        builder.problems.extend(_bidi_problems(raw, file))
    try:
        data, positions, has_document = builder.build(text)
    except RecursionError:  # pragma: no cover - the depth cap stops far earlier
        builder.problems.append(Problem(file, 1, 1, "too_large", _("nested too deeply")))
        return ParsedYaml(None, PosNode((1, 1)), builder.problems, False)
    if not has_document and not builder.problems:
        message = _("the file is empty (or only comments); it needs the catalogue content")
        builder.problems.append(Problem(file, 1, 1, "yaml_syntax", message))
        builder.trustworthy = False
    return ParsedYaml(data, positions, builder.problems, builder.trustworthy)
