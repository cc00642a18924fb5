"""Changing one offering in a unit file, leaving every other byte as it was.

`set_offering` works on the text itself: it finds the offering with the positions of
PyYAML's own parse events and replaces only the characters of that value (or inserts one
line, or one flow entry, where the channel or the service is missing). Comments, key order,
quoting, blank lines and line endings elsewhere in the file are untouched by construction;
a round-trip library re-emits the whole document and cannot promise that.

`record` is what `mvgplan record` and the explorer's "mark step done" call: the change to
one unit file, validated with the whole catalogue before anything is written.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from planner.i18n import _
from planner.problems import Problem

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

RecordAction = Literal["enable", "redirect", "retire"]
RECORD_ACTIONS: tuple[RecordAction, ...] = ("enable", "redirect", "retire")
STATUS_OF: dict[RecordAction, str] = {"enable": "active", "redirect": "redirect", "retire": "retired"}
"""The status the offering gets (SPEC §7): MVG becomes active, 1177 forwards or is withdrawn."""


class UnsupportedLayout(ValueError):
    """The unit file is written in a way this editor does not change safely (e.g. an alias)."""


# --- the text edit -----------------------------------------------------------------------


@dataclass
class _Node:
    kind: Literal["scalar", "mapping", "sequence"]
    start: int
    end: int
    flow: bool = False
    close: int = -1
    """For a flow collection: where its closing bracket is."""
    value: str | None = None
    quoted: bool = False
    entries: list[tuple[_Node, _Node]] = field(default_factory=list)
    items: list[_Node] = field(default_factory=list)

    def get(self, key: str) -> _Node | None:
        for k, v in self.entries:
            if k.kind == "scalar" and k.value == key:
                return v
        return None


def _at(mark: Any) -> int:
    if mark is None:  # pragma: no cover - the pure-Python parser marks every event
        raise UnsupportedLayout(_("an event without a position"))
    index: int = mark.index
    return index


def _tree(text: str) -> _Node:
    """The document's node tree with character offsets, from the pure-Python parser's events
    (whose marks count characters, not bytes)."""
    stack: list[_Node] = []
    pending: list[_Node | None] = []  # per open mapping: the key waiting for its value
    root: _Node | None = None

    def attach(node: _Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        if parent.kind == "sequence":
            parent.items.append(node)
        elif pending[-1] is None:
            pending[-1] = node
        else:
            key = pending[-1]
            assert key is not None
            parent.entries.append((key, node))
            pending[-1] = None

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise UnsupportedLayout(_("an alias"))
        if isinstance(event, yaml.ScalarEvent):
            node = _Node("scalar", _at(event.start_mark), _at(event.end_mark), value=event.value)
            node.quoted = event.style in ("'", '"')
            attach(node)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            kind: Literal["mapping", "sequence"] = (
                "mapping" if isinstance(event, yaml.MappingStartEvent) else "sequence"
            )
            node = _Node(kind, _at(event.start_mark), _at(event.end_mark), flow=bool(event.flow_style))
            attach(node)
            stack.append(node)
            pending.append(None)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            node = stack.pop()
            pending.pop()
            if node.flow:
                node.close, node.end = _at(event.start_mark), _at(event.end_mark)
            else:
                last = node.entries[-1][1] if node.entries else (node.items[-1] if node.items else None)
                node.end = last.end if last is not None else node.start
    if root is None:
        raise UnsupportedLayout(_("an empty document"))
    return root


_DIGITS = re.compile(r"[0-9]+\Z")


def _key(name: str, json_style: bool) -> str:
    return f'"{name}"' if json_style or _DIGITS.match(name) else name


def _flow_offering(status: str, since: date, json_style: bool) -> str:
    if json_style:
        return f'{{"status": "{status}", "since": "{since.isoformat()}"}}'
    return f"{{status: {status}, since: {since.isoformat()}}}"


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _column(text: str, index: int) -> int:
    return index - _line_start(text, index)


def _after_line(text: str, index: int, newline: str) -> tuple[int, str]:
    """Where the line holding `index` ends (past its comment and line break), and what must
    be written first when the file's last line has no line break."""
    end = text.find("\n", index)
    if end == -1:
        return len(text), newline
    return end + 1, ""


def set_offering(text: str, service: str, channel: str, status: str, since: date) -> str:
    """`text` (a unit file) with `offerings.<service>.<channel>` set to `{status, since}`.

    Only that value's characters change; a missing channel or service is added as one entry
    at the end of its mapping, in the mapping's own style (block lines at its indentation, or
    a flow entry, JSON-quoted when the file is JSON). `UnsupportedLayout` when the file's
    shape is not a unit file's.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    root = _tree(text)
    if root.kind != "mapping":
        raise UnsupportedLayout(_("not a mapping"))
    json_style = bool(root.entries) and text[root.entries[0][0].start] == '"'
    value = _flow_offering(status, since, json_style)
    offerings = root.get("offerings")
    if offerings is None:
        block = f"offerings:{newline}  {_key(service, False)}:{newline}    {_key(channel, False)}: {value}{newline}"
        return _add_entry(
            text,
            root,
            "offerings",
            f"{{{_key(service, json_style)}: {{{_key(channel, json_style)}: {value}}}}}",
            block,
            newline,
            json_style,
        )
    if offerings.kind == "scalar":  # `offerings:` left empty
        return _replace_empty(
            text, offerings, f"{{{_key(service, json_style)}: {{{_key(channel, json_style)}: {value}}}}}"
        )
    if offerings.kind != "mapping":
        raise UnsupportedLayout(_("offerings is not a mapping"))
    channels = offerings.get(service)
    if channels is None:
        indent = _child_indent(text, offerings)
        step = _step(text, offerings)
        block = (
            f"{' ' * indent}{_key(service, False)}:{newline}"
            f"{' ' * (indent + step)}{_key(channel, False)}: {value}{newline}"
        )
        return _add_entry(
            text, offerings, service, f"{{{_key(channel, json_style)}: {value}}}", block, newline, json_style
        )
    if channels.kind == "scalar":
        return _replace_empty(text, channels, f"{{{_key(channel, json_style)}: {value}}}")
    if channels.kind != "mapping":
        raise UnsupportedLayout(_("the service's channels are not a mapping"))
    current = channels.get(channel)
    if current is None:
        indent = _child_indent(text, channels)
        block = f"{' ' * indent}{_key(channel, False)}: {value}{newline}"
        return _add_entry(text, channels, channel, value, block, newline, json_style)
    if current.kind == "mapping" and not current.flow:
        margin = " " * _column(text, current.start)
        replacement = f"status: {status}{newline}{margin}since: {since.isoformat()}"
        return text[: current.start] + replacement + text[current.end :]
    if current.kind == "sequence":
        raise UnsupportedLayout(_("the offering is a list"))
    return text[: current.start] + value + text[current.end :]


def _replace_empty(text: str, node: _Node, value: str) -> str:
    if node.value not in ("", "~", "null", "Null", "NULL"):
        raise UnsupportedLayout(_("a scalar where a mapping belongs"))
    space = "" if node.start > 0 and text[node.start - 1] == " " else " "
    return text[: node.start] + space + value + text[node.end :]


def _child_indent(text: str, mapping: _Node) -> int:
    return _column(text, mapping.entries[0][0].start) if mapping.entries else _column(text, mapping.start)


def _step(text: str, offerings: _Node) -> int:
    """How far the file indents channels under their service (2 when nothing shows it)."""
    for key, channels in offerings.entries:
        if channels.kind == "mapping" and not channels.flow and channels.entries:
            return max(1, _column(text, channels.entries[0][0].start) - _column(text, key.start))
    return 2


def _add_entry(text: str, mapping: _Node, key: str, flow_value: str, block: str, newline: str, json_style: bool) -> str:
    if mapping.flow:
        entry = f"{_key(key, json_style)}: {flow_value}"
        if mapping.entries:
            at = mapping.entries[-1][1].end
            return text[:at] + ", " + entry + text[at:]
        return text[: mapping.close] + entry + text[mapping.close :]
    if not mapping.entries:
        raise UnsupportedLayout(_("an empty block mapping"))
    at, prefix = _after_line(text, mapping.end, newline)
    return text[:at] + prefix + block + text[at:]


# --- the whole change, validated ---------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    """A change to one unit file, validated with the whole catalogue; not yet written."""

    path: Path
    """The unit file on disk."""
    shown: str
    """Its path as the user gave the catalogue."""
    before: bytes
    after: bytes
    warnings: tuple[str, ...]
    """E.g. a redirect while MVG is not active (patients forwarded to nothing)."""

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        """The change as a unified diff (empty when nothing changes)."""
        old = self.before.decode("utf-8-sig").splitlines(keepends=True)
        new = self.after.decode("utf-8-sig").splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, f"a/{self.shown}", f"b/{self.shown}")
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    def write(self) -> None:
        """Replace the unit file atomically (a half-written unit file never exists)."""
        from planner.atomic import write_atomic

        write_atomic(self.path, self.after)


@dataclass(frozen=True)
class RecordResult:
    """Either a validated change, or why not: a refusal sentence or the catalogue's problems."""

    recorded: Recorded | None = None
    refusal: str | None = None
    problems: list[Problem] = field(default_factory=list)


def record(catalog: Catalog, unit_id: str, service: str, action: RecordAction, day: date) -> RecordResult:
    """The unit file of `unit_id` with the offering `action` touches set to its new status
    since `day`, validated with the whole catalogue. Writes nothing (see `Recorded.write`)."""
    from planner.catalog.diagnose import did_you_mean
    from planner.catalog.loader import UNITS_DIR, load_catalog, read_bounded
    from planner.catalog.yamltree import decode

    unit = catalog.unit_by_id.get(unit_id)
    if unit is None:
        hint = did_you_mean(unit_id, catalog.unit_by_id)
        return RecordResult(refusal=_("unknown unit '{unit}'{hint}").format(unit=unit_id, hint=hint))
    if service not in catalog.service_by_id:
        hint = did_you_mean(service, catalog.service_by_id)
        return RecordResult(refusal=_("unknown service '{service}'{hint}").format(service=service, hint=hint))
    channel = catalog.region.target if action == "enable" else catalog.region.legacy
    status = STATUS_OF[action]
    shown = catalog.unit_source(unit_id).path
    rel = f"{UNITS_DIR}/{unit_id}.yaml"
    path = Path(catalog.root) / rel
    raw, problem = read_bounded(path, shown)
    if problem is not None or raw is None:
        return RecordResult(problems=[problem] if problem is not None else [])
    text, bad = decode(raw, shown)
    if text is None:
        return RecordResult(problems=[bad] if bad is not None else [])
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        changed = set_offering(text, service, channel, status, day)
    except (UnsupportedLayout, yaml.YAMLError) as exc:
        message = _("{file} is written in a way record cannot change safely ({why}); edit it by hand").format(
            file=shown, why=exc
        )
        return RecordResult(refusal=message)
    after = (b"\xef\xbb\xbf" if bom else b"") + changed.encode("utf-8")
    result = load_catalog(catalog.root, replaced={rel: after})
    if result.catalog is None:
        return RecordResult(problems=result.problems)
    warnings = _broken_redirect(result.catalog, unit_id, service)
    return RecordResult(Recorded(path, shown, raw, after, warnings))


def _broken_redirect(catalog: Catalog, unit_id: str, service: str) -> tuple[str, ...]:
    region = catalog.region
    offerings = catalog.unit_by_id[unit_id].offerings.get(service, {})
    legacy, target = offerings.get(region.legacy), offerings.get(region.target)
    if legacy is None or legacy.status != "redirect" or (target is not None and target.status == "active"):
        return ()
    message = _(
        "{unit}: {service} in {legacy} now forwards patients to {target}, where it is not active "
        "(broken_redirect); record the enable too: mvgplan record {unit} {service} enable"
    )
    return (message.format(unit=unit_id, service=service, legacy=region.legacy, target=region.target),)
