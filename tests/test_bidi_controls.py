"""No bidirectional control in a catalogue file ("Trojan Source").

U+202A–U+202E and U+2066–U+2069 make the text after them display in another order than it
is written, so a hälsocentral's name in a report, a terminal or a CSV could read as another.
Every command that loads the catalogue refuses them as an input error (exit 2) at the line
and column of the character itself, naming its code point; the marks U+200E, U+200F and
U+061C stay allowed (planner/problems.py says why).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from planner.catalog.loader import load_catalog
from planner.catalog.yamltree import parse
from planner.cli.main import main
from planner.problems import BIDI_CONTROLS, Problem

RLO = "\u202e"
NAME = "name: Alfa Din hälsocentral"
UNIT = Path("units") / "hc-alfa.yaml"


def _edit(catalogue: Path, old: str, new: str, file: Path = UNIT) -> None:
    path = catalogue / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}: the test is out of date"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(catalogue: Path, text: str, file: Path = UNIT) -> int:
    lines = (catalogue / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_a_right_to_left_override_in_a_unit_name_is_an_input_error_at_its_own_line_and_column(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(mini_copy, NAME, "name: Alfa Din hälso" + RLO + "central")
    line = _line_of(mini_copy, "name: Alfa")
    assert main(["validate", "-c", str(mini_copy)]) == 2
    err = capsys.readouterr().err
    # Column 21: "name: Alfa Din hälso" is 20 characters (ä is one, not two bytes).
    expected = f"{mini_copy / UNIT}:{line}:21: error[invalid_value]: the file holds the bidirectional control"
    assert err.startswith(expected), err
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in err
    assert "delete it" in err
    assert RLO not in err and "Traceback" not in err


def test_the_same_name_without_the_control_still_loads(mini_copy: Path) -> None:
    _edit(mini_copy, NAME, "name: Alfa Din hälsocentral Ω")  # other non-ASCII text is fine
    result = load_catalog(mini_copy)
    assert result.problems == [] and result.catalog is not None
    assert result.catalog.unit_by_id["hc-alfa"].name == "Alfa Din hälsocentral Ω"


@pytest.mark.parametrize("char", BIDI_CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_bidi_control_is_refused_in_a_value_and_in_a_key(mini_copy: Path, char: str) -> None:
    _edit(mini_copy, "area: Gävle", f"area: Gä{char}vle")
    _edit(mini_copy, "regi: egen", f"re{char}gi: egen")
    result = load_catalog(mini_copy)
    assert result.catalog is None
    shown = str(mini_copy / UNIT)
    bidi = [p for p in result.problems if "bidirectional" in p.message]
    name = f"U+{ord(char):04X} {unicodedata.name(char)}"
    assert [(p.file, p.line, p.column) for p in bidi] == [
        (shown, _line_of(mini_copy, "gi: egen"), 3),
        (shown, _line_of(mini_copy, "area: G"), 9),
    ]
    assert all(name in p.message and p.code == "invalid_value" for p in bidi)


@pytest.mark.parametrize("command", ["check", "plan", "report", "follow-up", "progress"])
def test_every_command_that_loads_the_catalogue_refuses_a_bidi_control(
    mini_copy: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(mini_copy, NAME, "name: " + "\u2067" + "Alfa Din hälsocentral")
    extra = ["--out", str(tmp_path / "report")] if command == "report" else []
    assert main([command, "-c", str(mini_copy), *extra]) == 2
    assert "U+2067 RIGHT-TO-LEFT ISOLATE" in capsys.readouterr().err
    assert not (tmp_path / "report").exists()


def test_a_bidi_control_is_placed_after_a_bom_by_characters_and_found_in_a_comment() -> None:
    raw = "\ufeffid: x # \u202dnote\nname: Åå\u202b\n".encode()
    problems = parse(raw, "f.yaml").problems
    assert [(p.line, p.column) for p in problems] == [(1, 9), (2, 9)]
    assert "U+202D LEFT-TO-RIGHT OVERRIDE" in problems[0].message
    assert "U+202B RIGHT-TO-LEFT EMBEDDING" in problems[1].message


@pytest.mark.parametrize("escape", ["\\u202e", "\\u202E", "\\U0000202e"])
def test_a_bidi_control_written_as_an_escape_is_refused_at_the_escape(
    mini_copy: Path, escape: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(mini_copy, NAME, f'name: "Alfa {escape}Din hälsocentral"')
    line = _line_of(mini_copy, "name: ")
    assert main(["validate", "-c", str(mini_copy)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{mini_copy / UNIT}:{line}:13: error[invalid_value]: {escape} is the bidirectional"), err
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in err


def test_the_direction_marks_lrm_rlm_and_alm_are_allowed(mini_copy: Path) -> None:
    _edit(mini_copy, NAME, "name: Alfa \u200e\u200f\u061c Din hälsocentral")
    assert load_catalog(mini_copy).problems == []


def test_a_problem_line_shows_a_bidi_control_as_an_escape() -> None:
    problem = Problem("units/a\u2066.yaml", 1, 1, "unknown_field", f"unknown field 're{RLO}gi'")
    assert problem.render() == "units/a\\u2066.yaml:1:1: error[unknown_field]: unknown field 're\\u202egi'"
