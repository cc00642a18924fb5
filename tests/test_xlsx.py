"""`--format xlsx` for plan and check: the same rows as csv / json, as real Excel values."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from planner.cli.main import main

MINI = "tests/fixtures/mini"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]


def test_the_xlsx_plan_holds_the_csv_rows_with_real_dates(tmp_path: Path) -> None:
    assert main(["plan", "-c", MINI, "--format", "csv", "--out", str(tmp_path / "plan.csv")]) == 0
    assert main(["plan", "-c", MINI, "--out", str(tmp_path / "plan.xlsx")]) == 0
    with open(tmp_path / "plan.csv", encoding="utf-8", newline="") as f:
        expected = list(csv.reader(f))
    rows = _rows(tmp_path / "plan.xlsx", "steps")
    assert len(rows) == len(expected) > 1
    assert rows[0] == tuple(expected[0])
    for got, want in zip(rows[1:], expected[1:], strict=True):
        assert isinstance(got[1], datetime)
        shown = [v.date().isoformat() if isinstance(v, datetime) else ("" if v is None else str(v)) for v in got]
        assert shown == want


def test_the_xlsx_plan_has_a_frozen_header_an_autofilter_and_fitting_columns(tmp_path: Path) -> None:
    assert main(["plan", "-c", MINI, "--format", "xlsx", "--out", str(tmp_path / "p.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx")["steps"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:J{sheet.max_row}"
    assert sheet["A1"].font.b
    assert sheet.column_dimensions["B"].width == 12  # a date: 10 characters and a margin
    longest = max(len(str(c.value)) for c in sheet["J"])
    assert sheet.column_dimensions["J"].width == min(longest, 60) + 2


def test_the_xlsx_plan_holds_the_jsons_unschedulable_items_and_warnings(tmp_path: Path) -> None:
    assert main(["plan", "-c", MINI, "--format", "json", "--out", str(tmp_path / "p.json")]) == 0
    assert main(["plan", "-c", MINI, "--out", str(tmp_path / "p.xlsx")]) == 0
    plan = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    unschedulable = _rows(tmp_path / "p.xlsx", "unschedulable")[1:]
    warnings = _rows(tmp_path / "p.xlsx", "warnings")[1:]
    assert sorted((r[0], r[2], r[4]) for r in unschedulable) == sorted(
        (u["unit"], u["service"], u["reason"]) for u in plan["unschedulable"]
    )
    assert sorted((r[0], r[2], r[4]) for r in warnings) == sorted(
        (w["code"], w["unit"], w["service"]) for w in plan["warnings"]
    )


def test_the_xlsx_check_holds_the_jsons_units_deviations_and_exemptions(tmp_path: Path) -> None:
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out):
        assert main(["check", "-c", MINI, "--format", "json"]) == 1
    report = json.loads(out.getvalue())
    assert main(["check", "-c", MINI, "--format", "xlsx", "--out", str(tmp_path / "c.xlsx")]) == 1
    units = _rows(tmp_path / "c.xlsx", "units")
    assert [(r[0], r[4]) for r in units[1:]] == [(u["unit"], u["conformant"]) for u in report["units"]]
    deviations = _rows(tmp_path / "c.xlsx", "deviations")[1:]
    assert [(r[0], r[1], r[3], r[4], r[6]) for r in deviations] == [
        (u["unit"], d["service"], d["channel"], d["kind"], d["line"]) for u in report["units"] for d in u["deviations"]
    ]
    exempt = _rows(tmp_path / "c.xlsx", "exempt")[1:]
    assert [(r[0], r[1], r[4]) for r in exempt] == [
        (u["unit"], e["service"], datetime.fromisoformat(e["until"])) for u in report["units"] for e in u["exempt"]
    ]


def test_the_same_catalogue_gives_a_byte_identical_workbook(tmp_path: Path) -> None:
    for name in ("a.xlsx", "b.xlsx"):
        assert main(["plan", "-c", MINI, "--out", str(tmp_path / name)]) == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    props = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    assert props.created == datetime(2026, 11, 23) and props.modified == datetime(2026, 11, 23)


@pytest.mark.parametrize("command", [["plan", "--format", "xlsx"], ["check", "--format", "xlsx"]])
def test_xlsx_without_out_is_a_usage_error(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "-c", MINI]) == 2
    assert "--out" in capsys.readouterr().err


def test_check_out_writes_the_text_report_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--format", "json", "--out", str(tmp_path / "c.json")]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["conformant"] is False


def test_the_xlsx_follow_up_holds_the_csv_rows_with_numbers(tmp_path: Path) -> None:
    followup = "tests/fixtures/followup"
    assert main(["follow-up", "-c", followup, "--format", "csv", "--out", str(tmp_path / "f.csv")]) == 0
    assert main(["follow-up", "-c", followup, "--format", "xlsx", "--out", str(tmp_path / "f.xlsx")]) == 0
    with open(tmp_path / "f.csv", encoding="utf-8", newline="") as f:
        expected = list(csv.reader(f))
    rows = _rows(tmp_path / "f.xlsx", "follow-up")
    assert rows[0] == tuple(expected[0])
    assert len(rows) == len(expected) > 1
    for got, want in zip(rows[1:], expected[1:], strict=True):
        shown = ["" if v is None else str(v) for v in got]
        take_up = got[8]
        assert shown[:8] + shown[9:] == want[:8] + want[9:]
        assert (take_up is None and want[8] == "") or f"{take_up:.3f}" == want[8]
    assert any(isinstance(r[6], int) for r in rows[1:])


def test_follow_up_xlsx_without_out_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["follow-up", "-c", "tests/fixtures/followup", "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_the_xlsx_progress_holds_the_csv_rows_with_real_dates(tmp_path: Path) -> None:
    # The shipped catalogue against its own baseline, both from the repository.
    assert main(["progress", "--format", "csv", "--out", str(tmp_path / "p.csv")]) in (0, 1)
    assert main(["progress", "--format", "xlsx", "--out", str(tmp_path / "p.xlsx")]) in (0, 1)
    with open(tmp_path / "p.csv", encoding="utf-8", newline="") as f:
        expected = list(csv.reader(f))
    rows = _rows(tmp_path / "p.xlsx", "progress")
    assert rows[0] == tuple(expected[0])
    assert len(rows) == len(expected) > 1
    for got, want in zip(rows[1:], expected[1:], strict=True):
        shown = [v.date().isoformat() if isinstance(v, datetime) else ("" if v is None else str(v)) for v in got]
        assert shown == want


def test_progress_xlsx_without_out_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err
