"""The smaller hostile inputs of issue 15: digits from other scripts, huge numbers, year
0000, thousands of unknown keys, leftovers of a killed `--out`, numbers on the command line."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from planner.atomic import write_atomic
from planner.catalog.loader import load_catalog
from planner.catalog.model import Service
from planner.catalog.yamltree import MAX_PROBLEMS
from planner.cli.main import main

MINI = Path(__file__).parent / "fixtures" / "mini"
YAML_12_INTEGER = re.compile(r"[-+]?[0-9]+")
"""An integer in YAML 1.2's core schema: what an editor checking the JSON Schema's `integer`
type reads as one. `int()` would also take `١٠٤` and `１０４`."""


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _priority(text: str) -> str | None:
    """The problem validation finds with `priority: text`, or None."""
    try:
        Service.model_validate({"id": "x", "name": "X", "priority": text}, by_alias=True, by_name=False)
    except ValidationError as exc:
        return str(exc)
    return None


DIGITS = st.text(
    st.one_of(st.sampled_from("0123456789+-"), st.characters(categories=["Nd"])),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(text=DIGITS)
def test_a_number_validates_exactly_when_the_json_schema_reads_it_as_an_integer(text: str) -> None:
    assert (_priority(text) is None) == bool(YAML_12_INTEGER.fullmatch(text))


@pytest.mark.parametrize("text", ["٦", "１０４", "१२"])
def test_digits_of_another_script_are_refused_with_the_reason(text: str) -> None:
    problem = _priority(text)
    assert problem is not None and "digits other than 0–9" in problem


def test_a_number_of_5000_digits_is_refused_without_pythons_own_advice() -> None:
    problem = _priority("9" * 5000)
    assert problem is not None
    assert "5000 digits" in problem and "set_int_max_str_digits" not in problem


def test_year_0000_is_not_a_date_because_there_is_no_year_0000(mini_copy: Path) -> None:
    region = mini_copy / "region.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace("as_of: 2026-11-23", "as_of: 0000-01-01"))
    [problem] = load_catalog(mini_copy).problems
    assert "no year 0000" in problem.message


def test_ten_thousand_unknown_keys_are_capped_and_counted(mini_copy: Path) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    with unit.open("a", encoding="utf-8") as f:
        f.writelines(f"junk{i}: 1\n" for i in range(10_000))
    problems = load_catalog(mini_copy).problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].code == "too_large"
    assert "and 9800 more problems in this file" in problems[-1].message


def test_a_temporary_file_a_killed_write_left_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    dead = tmp_path / ".plan.yaml.999999999.abcd_123.tmp"  # no process has that id
    alive = tmp_path / f".plan.yaml.{os.getpid()}.zzzzzzzz.tmp"  # a write in progress
    other = tmp_path / ".plan.yaml.notes.tmp"  # not one of ours
    for path in (dead, alive, other):
        path.write_text("half a plan", encoding="utf-8")
    write_atomic(target, "plan\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, alive.name, other.name])


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--parallel-min", "5201", "must be at most 104, got 5201: a parallel period of more than two years"),
        ("--parallel-min", "105", "must be at most 104, got 105"),
        ("--parallel-min", "-1", "must be at least 0"),
        ("--parallel-min", "١٠٤", "digits other than 0–9"),
        ("--parallel-min", "9" * 5000, "5000 digits"),
        ("--capacity", "0", "must be at least 1"),
        ("--capacity", "１０", "digits other than 0–9"),
        ("--capacity", "9" * 5000, "5000 digits"),
        ("--capacity", "1_000", "expected a whole number"),
    ],
)
def test_a_number_on_the_command_line_is_refused_as_the_catalogue_refuses_it(
    option: str, value: str, says: str
) -> None:
    code, _, err = _run("plan", "-c", str(MINI), option, value)
    assert code == 2
    assert says in err
    assert "set_int_max_str_digits" not in err and len(err) < 2000


def test_the_longest_parallel_min_the_catalogue_allows_is_a_what_if_like_any_other(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    code, _, err = _run("plan", "-c", str(root), "--parallel-min", "104")
    assert code == 0, err
