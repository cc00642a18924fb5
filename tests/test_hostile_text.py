"""No control character from a catalogue reaches a human output: validation refuses it.

Names and free text (a unit's name and area, a service's name and category, a channel's
name, a blackout's or an exemption's reason and decision, the basutbud's source, the
region's name) go into the plan, the check's reports, calendars and terminals as they are.
An ESC there clears a terminal, a carriage return or a line break forges a line. So each of
them is one line of printable text: hypothesis puts every control character into every such
field and runs every human output format on it.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.catalog.model import Unit
from planner.catalog.schema import schema_for
from planner.cli.main import main

MINI = Path(__file__).parent / "fixtures" / "mini"

# Every free-text field: (file, text in the mini catalogue, the same with {t} for the text).
TEXT_FIELDS = {
    "region": ("region.yaml", "region: Region Testborg", "region: {t}"),
    "channels[].name": ("region.yaml", "name: Min vård Testborg,", "name: {t},"),
    "policy.blackouts[].reason": ("region.yaml", "reason: Storhelger}", "reason: {t}}}"),
    "services[].name": ("services.yaml", "name: Förnya recept", "name: {t}"),
    "services[].category": ("services.yaml", "category: vårdkontakt", "category: {t}"),
    "source": ("basutbud.yaml", "source: Handbok Hälsoval 2025", "source: {t}"),
    "unit name": ("units/hc-alfa.yaml", "name: Alfa Din hälsocentral", "name: {t}"),
    "unit area": ("units/hc-alfa.yaml", "area: Gävle", "area: {t}"),
    "exemptions[].reason": ("units/hc-gamma.yaml", "reason: Lokalbrist}", "reason: {t}}}"),
    "exemptions[].decision": ("units/hc-beta.yaml", 'decision: "HSN 2026-10-01 §123"', "decision: {t}"),
    "blackouts[].reason": ("units/hc-beta.yaml", "reason: Flytt till nya lokaler}", "reason: {t}}}"),
}
CONTROL = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + ["\u2028", "\u2029"]
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""What may never be written to a human output (a newline and a tab end or lay out lines)."""

HUMAN = [
    ("check", "text"),
    ("check", "github"),
    ("check", "junit"),
    ("plan", "text"),
    ("plan", "markdown"),
    ("plan", "csv"),
    ("plan", "mermaid"),
    ("plan", "ics"),
]
TEXTS = st.builds(
    lambda before, char, after: before + char + after,
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=8),
    st.sampled_from(CONTROL),
    st.text(max_size=8),
)


def _quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, every control character as an escape."""
    return '"' + "".join(c if " " <= c <= "~" and c not in '"\\' else _escape(c) for c in text) + '"'


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _catalogue(folder: Path, field: str, text: str) -> tuple[Path, int]:
    root = folder / "catalog"
    shutil.copytree(MINI, root)
    file, old, new = TEXT_FIELDS[field]
    path = root / file
    original = path.read_text(encoding="utf-8")
    assert old in original, (file, old)
    line = original[: original.index(old)].count("\n") + 1
    path.write_text(original.replace(old, new.format(t=_quoted(text)), 1), encoding="utf-8")
    return root, line


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=60, deadline=None)
@given(field=st.sampled_from(sorted(TEXT_FIELDS)), text=TEXTS, output=st.sampled_from(HUMAN))
def test_a_control_character_in_any_name_or_free_text_is_refused_with_its_line_in_every_format(
    field: str, text: str, output: tuple[str, str]
) -> None:
    command, fmt = output
    with tempfile.TemporaryDirectory() as folder:
        root, line = _catalogue(Path(folder), field, text)
        code, out, err = _run(command, "-c", str(root), "--format", fmt)
    assert code == 2
    assert RAW.search(out) is None
    file = TEXT_FIELDS[field][0]
    assert re.search(rf"{re.escape(file)}:{line}:\d+: error\[invalid_value\]: .*(control character|line break)", err)


@pytest.mark.parametrize("char", CONTROL)
def test_the_json_schema_refuses_the_control_characters_validation_refuses(char: str) -> None:
    unit = yaml.safe_load((MINI / "units" / "hc-alfa.yaml").read_text(encoding="utf-8"))
    unit["name"] = f"Alfa{char}hälsocentral"
    errors = list(jsonschema.Draft202012Validator(schema_for(Unit)).iter_errors(unit))
    assert errors


def test_a_name_with_every_printable_character_but_no_control_character_passes(tmp_path: Path) -> None:
    root, _ = _catalogue(tmp_path, "unit name", "Åsa «Hälsa» — 100 % \u00a0 emoji ✓ 東京")
    code, out, err = _run("plan", "-c", str(root), "--format", "text")
    assert code == 0, err
    assert "東京" in out


PLAN_TEXTS = ["unit", "service", "channel", "reason"]


@settings(max_examples=20, deadline=None)
@given(key=st.sampled_from(PLAN_TEXTS), text=TEXTS, fmt=st.sampled_from(["text", "markdown"]))
def test_a_plan_file_with_a_control_character_is_refused_by_diff_never_printed(key: str, text: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        good = Path(folder) / "old.yaml"
        assert _run("plan", "-c", str(MINI), "--out", str(good))[0] == 0
        plan = yaml.safe_load(good.read_text(encoding="utf-8"))
        plan["steps"][0][key] = text
        bad = Path(folder) / "new.yaml"
        bad.write_text(yaml.safe_dump(plan, allow_unicode=False), encoding="utf-8")
        code, out, err = _run("diff", str(good), str(bad), "--format", fmt)
    assert code == 2
    assert RAW.search(out) is None and RAW.search(err) is None
    assert "holds the control character" in err or "holds a line break" in err
    assert f"{bad}:" in err
