"""The usage exports in `usage/` (SPEC §8): read in every form the exports come in, and every
malformed row reported at its line and column, all at once, by every command."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from planner.catalog.loader import load_catalog
from planner.cli.main import main
from planner.problems import Problem

FOLLOWUP = Path(__file__).parent / "fixtures" / "followup"
HEADER = "month;unit;service;channel;count\n"


@pytest.fixture
def cat(tmp_path: Path) -> Path:
    """The follow-up fixture without its usage files, to write one into."""
    target = tmp_path / "catalog"
    shutil.copytree(FOLLOWUP, target)
    shutil.rmtree(target / "usage")
    (target / "usage").mkdir()
    return target


def _write(cat: Path, name: str, text: str, encoding: str = "utf-8") -> None:
    (cat / "usage" / name).write_bytes(text.encode(encoding))


def _problems(cat: Path) -> list[Problem]:
    result = load_catalog(cat)
    assert result.catalog is None
    return result.problems


def _where(cat: Path) -> list[tuple[str, int, int, str]]:
    return [(Path(p.file).name, p.line, p.column, p.code) for p in _problems(cat)]


def test_a_valid_export_is_read_with_either_separator_a_bom_and_windows_line_endings(cat: Path) -> None:
    _write(cat, "a.csv", "\ufeffMonth;UNIT;Service;Channel;Count\r\n2026-10;hc-alfa;receptfornyelse;mvg;12\r\n")
    _write(cat, "b.csv", "count,channel,service,unit,month,extra\r\n3,1177,receptfornyelse,hc-alfa,2026-10,x\r\n")
    result = load_catalog(cat)
    assert result.problems == []
    assert result.catalog is not None
    usage = result.catalog.usage
    assert usage.rows == 2
    assert usage.count("hc-alfa", "receptfornyelse", "mvg", "2026-10") == 12
    assert usage.count("hc-alfa", "receptfornyelse", "1177", "2026-10") == 3


def test_rows_may_name_a_unit_by_hsa_id_and_a_service_by_a_usage_name_in_any_case(cat: Path) -> None:
    _write(cat, "a.csv", HEADER + " 2026-10 ; SE2321000198-A001 ; RECEPTFÖRNYELSE ; mvg ; 7 \n")
    result = load_catalog(cat)
    assert result.catalog is not None, result.problems
    assert result.catalog.usage.count("hc-alfa", "receptfornyelse", "mvg", "2026-10") == 7


def test_ids_match_exactly(cat: Path) -> None:
    _write(cat, "a.csv", HEADER + "2026-10;HC-ALFA;receptfornyelse;mvg;7\n")
    assert _where(cat) == [("a.csv", 2, 2, "unknown_reference")]


def test_a_header_only_file_is_valid_and_hidden_and_lock_files_are_skipped(cat: Path) -> None:
    _write(cat, "a.csv", HEADER)
    _write(cat, ".hidden.csv", "garbage")
    _write(cat, "~$open.xlsx", "garbage")
    _write(cat, "README.md", "notes")
    result = load_catalog(cat)
    assert result.problems == []
    assert result.catalog is not None and result.catalog.usage.rows == 0


def test_a_missing_column_is_reported_at_line_1_column_1(cat: Path) -> None:
    _write(cat, "a.csv", "month;unit;service;count\n2026-10;hc-alfa;receptfornyelse;7\n")
    problems = _problems(cat)
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 1, "missing_field")]
    assert "'channel'" in problems[0].message


@pytest.mark.parametrize(
    ("month", "count", "column"),
    [
        ("2026-13", "7", 1),
        ("2026/10", "7", 1),
        ("okt 2026", "7", 1),
        ("2026-10", "-3", 5),
        ("2026-10", "2.5", 5),
        ("2026-10", "1 000", 5),
        ("2026-10", "", 5),
        ("2026-10", "sju", 5),
    ],
)
def test_a_bad_month_or_count_is_an_invalid_value_at_its_field(cat: Path, month: str, count: str, column: int) -> None:
    _write(
        cat,
        "a.csv",
        HEADER + "2026-09;hc-alfa;receptfornyelse;mvg;1\n" + f"{month};hc-alfa;receptfornyelse;mvg;{count}\n",
    )
    assert _where(cat) == [("a.csv", 3, column, "invalid_value")]


def test_unknown_units_services_and_channels_are_unknown_references_with_a_did_you_mean(cat: Path) -> None:
    _write(cat, "a.csv", HEADER + "2026-10;hc-alf;receptfornyelsen;mvgg;1\n")
    problems = _problems(cat)
    assert [(p.line, p.column, p.code) for p in problems] == [
        (2, 2, "unknown_reference"),
        (2, 3, "unknown_reference"),
        (2, 4, "unknown_reference"),
    ]
    assert "did you mean 'hc-alfa'?" in problems[0].message
    assert "did you mean 'receptfornyelse'?" in problems[1].message
    assert "did you mean 'mvg'?" in problems[2].message


def test_a_duplicate_row_across_files_is_reported_at_the_later_row_naming_the_first(cat: Path) -> None:
    _write(cat, "a.csv", HEADER + "2026-10;hc-alfa;receptfornyelse;mvg;1\n")
    _write(
        cat, "b.csv", HEADER + "2026-09;hc-alfa;receptfornyelse;mvg;1\n2026-10;SE2321000198-A001;Förnya recept;mvg;2\n"
    )
    problems = _problems(cat)
    assert [(Path(p.file).name, p.line, p.column, p.code) for p in problems] == [("b.csv", 3, 1, "duplicate_row")]
    assert f"{cat}/usage/a.csv:2" in problems[0].message


def test_a_short_row_is_an_invalid_value_after_its_last_field(cat: Path) -> None:
    _write(cat, "a.csv", HEADER + "2026-10;hc-alfa;receptfornyelse\n;;;;\n\n")
    assert _where(cat) == [("a.csv", 2, 4, "invalid_value")]


def test_every_error_of_every_file_is_reported_at_once(cat: Path) -> None:
    _write(cat, "a.csv", HEADER + "2026-13;hc-alfa;receptfornyelse;mvg;-1\n2026-10;nobody;receptfornyelse;mvg;1\n")
    _write(cat, "b.csv", "month,unit\n")
    assert _where(cat) == [
        ("a.csv", 2, 1, "invalid_value"),
        ("a.csv", 2, 5, "invalid_value"),
        ("a.csv", 3, 2, "unknown_reference"),
        ("b.csv", 1, 1, "missing_field"),
        ("b.csv", 1, 1, "missing_field"),
        ("b.csv", 1, 1, "missing_field"),
    ]


def test_a_file_that_is_not_utf8_says_how_to_export_it(cat: Path) -> None:
    _write(cat, "a.csv", HEADER + "2026-10;hc-alfa;Förnya recept;mvg;1\n", encoding="cp1252")
    problems = _problems(cat)
    assert [(p.line, p.code) for p in problems] == [(2, "invalid_value")]
    assert "CSV UTF-8" in problems[0].message


def test_a_file_over_the_cap_is_too_large(cat: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.usage import reader

    monkeypatch.setattr(reader, "MAX_USAGE_FILE_BYTES", 10)
    _write(cat, "a.csv", HEADER)
    assert _where(cat) == [("a.csv", 1, 1, "too_large")]


def test_an_xlsx_export_is_read_from_its_first_sheet_with_whole_number_and_date_cells(cat: Path) -> None:
    import datetime

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Count", "Month", "Unit", "Service", "Channel"])
    sheet.append([12.0, datetime.datetime(2026, 10, 1), "hc-alfa", "receptfornyelse", 1177])
    sheet.append([2.5, "2026-09", "hc-alfa", "receptfornyelse", "mvg"])
    book.create_sheet("Other").append(["ignored"])
    book.save(cat / "usage" / "export.xlsx")
    assert _where(cat) == [("export.xlsx", 3, 1, "invalid_value")]
    (cat / "usage" / "export.xlsx").unlink()
    sheet.delete_rows(3)
    book.save(cat / "usage" / "export.xlsx")
    result = load_catalog(cat)
    assert result.catalog is not None, result.problems
    assert result.catalog.usage.count("hc-alfa", "receptfornyelse", "1177", "2026-10") == 12


def test_a_broken_workbook_is_an_invalid_value_not_a_traceback(cat: Path) -> None:
    _write(cat, "export.xlsx", "this is not a zip file")
    assert _where(cat) == [("export.xlsx", 1, 1, "invalid_value")]


def test_two_units_sharing_an_hsa_id_is_a_duplicate_id_at_the_second(cat: Path) -> None:
    path = cat / "units" / "hc-gamma.yaml"
    path.write_text(path.read_text().replace("SE2321000198-G001", "SE2321000198-A001"))
    assert _where(cat) == [("hc-gamma.yaml", 4, 9, "duplicate_id")]


def test_two_services_sharing_a_usage_name_is_a_duplicate_id_at_the_second(cat: Path) -> None:
    path = cat / "services.yaml"
    path.write_text(path.read_text().replace("usage_names: [Videomöte]", "usage_names: [receptförnyelse]"))
    problems = _problems(cat)
    assert [(Path(p.file).name, p.code) for p in problems] == [("services.yaml", "duplicate_id")]
    assert "receptfornyelse" in problems[0].message


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        ("2026-10;hc-alfa;receptfornyelse;mvg", 5, "invalid_value"),
        ("2026-1;hc-alfa;receptfornyelse;mvg;1", 1, "invalid_value"),
        ("2026-10;hc-alfa;receptfornyelse;mvg;-1", 5, "invalid_value"),
        ("2026-10;hc-alfa;receptfornyelse;mvg;1.5", 5, "invalid_value"),
        ("2026-10;hc-omega;receptfornyelse;mvg;1", 2, "unknown_reference"),
        ("2026-10;hc-alfa;recepts;mvg;1", 3, "unknown_reference"),
    ],
)
def test_every_command_stops_on_a_usage_error_with_exit_2_and_its_position(
    cat: Path, row: str, column: int, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(cat, "a.csv", HEADER + row + "\n")
    for command in (["validate"], ["check"], ["follow-up"]):
        assert main([*command, "-c", str(cat)]) == 2
        err = capsys.readouterr().err
        assert f"{cat}/usage/a.csv:2:{column}: error[{code}]:" in err
        assert "Traceback" not in err
