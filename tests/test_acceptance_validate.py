"""Acceptance findings for `mvgplan validate` (SPEC §2, §6): each test is a defect a person
editing the YAML makes, where the report pointed at the wrong place or confused them.

Every test runs the command line black-box, as a user would, and checks code, file, line
and the words of the message that tell the person what to do.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planner.catalog.loader import load_catalog
from planner.cli.main import main


def _validate(
    capsys: pytest.CaptureFixture[str], catalog: Path | str, *extra: str
) -> tuple[int, list[dict[str, object]]]:
    code = main(["validate", "--catalog", str(catalog), "--format", "json", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code != 2:
        return code, []
    errors: list[dict[str, object]] = json.loads(out)["errors"]
    return code, errors


def _one(errors: list[dict[str, object]]) -> dict[str, object]:
    assert len(errors) == 1, errors
    return errors[0]


def _write_unit(catalog: Path, text: str, stem: str = "hc-alfa") -> None:
    (catalog / "units" / f"{stem}.yaml").write_text(text, encoding="utf-8")


def test_a_prefix_of_a_service_id_gets_the_did_you_mean_the_spec_shows(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SPEC §2's own example: `unknown service 'recept' (did you mean 'receptfornyelse'?)`."""
    unit = mini_copy / "units" / "hc-alfa.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("  receptfornyelse:", "  recept:"), encoding="utf-8")
    code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (code, error["code"], error["line"], error["column"]) == (2, "unknown_reference", 9, 3)
    assert error["message"] == "unknown service 'recept' (did you mean 'receptfornyelse'?)"


def test_an_empty_choice_is_called_empty_not_python_none(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_unit(mini_copy, "id: hc-alfa\nname: Alfa\nregi:\n")
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (error["code"], error["line"]) == ("invalid_value", 3)
    assert "None" not in str(error["message"])
    assert "egen, privat" in str(error["message"])
    assert "empty" in str(error["message"])


def test_a_quote_left_open_is_reported_where_it_was_opened(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The open quote runs on to the next quote in the file (line 7 here); the person has to
    fix line 2, where it was opened, so that is where the error points."""
    unit = mini_copy / "units" / "hc-alfa.yaml"
    text = unit.read_text(encoding="utf-8").replace("name: Alfa Din hälsocentral", 'name: "Alfa Din hälsocentral')
    unit.write_text(text, encoding="utf-8")
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (error["code"], error["line"], error["column"]) == ("yaml_syntax", 2, 7)
    assert "quote" in str(error["message"])
    assert "line 7" in str(error["message"])


def test_a_line_indented_deeper_than_its_sibling_is_an_indentation_error(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """libyaml says "mapping values are not allowed here"; there is no ':' in a value to quote."""
    _write_unit(mini_copy, "id: hc-alfa\n name: Alfa\nregi: egen\n")
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (error["code"], error["line"]) == ("yaml_syntax", 2)
    assert "indent" in str(error["message"])
    assert "put the text in quotes" not in str(error["message"])


def test_a_key_without_its_colon_is_reported_on_its_own_line(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_unit(mini_copy, "id hc-alfa\nname: Alfa\nregi: egen\n")
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (error["code"], error["line"], error["column"]) == ("yaml_syntax", 1, 1)
    assert "':'" in str(error["message"])
    assert "put the text in quotes" not in str(error["message"])


def test_a_colon_inside_a_value_still_says_to_quote_it(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_unit(mini_copy, "id: hc-alfa\nname: Alfa: Din hälsocentral\nregi: egen\n")
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (error["code"], error["line"], error["column"]) == ("yaml_syntax", 2, 11)
    assert "put the text in quotes" in str(error["message"])


def test_a_file_name_that_is_no_valid_id_is_not_suggested_as_the_id(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    unit.rename(mini_copy / "units" / "HC Alfa.yaml")
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert error["code"] == "id_mismatch"
    assert str(error["file"]).endswith("units/HC Alfa.yaml")
    assert "set id: HC Alfa" not in str(error["message"])
    assert "rename the file to hc-alfa.yaml" in str(error["message"])


def test_an_optional_list_or_mapping_left_empty_means_none(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_unit(mini_copy, "id: hc-alfa\nname: Alfa\nregi: egen\nofferings:\nexemptions:\n  # none yet\nblackouts:\n")
    result = load_catalog(mini_copy)
    assert result.problems == []
    assert result.catalog is not None
    unit = result.catalog.unit_by_id["hc-alfa"]
    assert (unit.offerings, unit.exemptions, unit.blackouts) == ({}, [], [])


def test_a_required_list_left_empty_says_how_to_fill_it(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_copy / "basutbud.yaml").write_text("required:\n")
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (error["code"], error["line"]) == ("invalid_value", 1)
    assert "- item" in str(error["message"])


def test_a_catalogue_path_that_is_a_file_says_so(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, errors = _validate(capsys, mini / "region.yaml")
    error = _one(errors)
    assert code == 2
    assert error["file"] == str(mini / "region.yaml")
    assert "a file" in str(error["message"])
    assert "folder" in str(error["message"])


def test_an_impossible_as_of_date_is_a_usage_error_that_names_the_calendar(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--catalog", str(mini), "--as-of", "2026-02-30"])
    _out, err = capsys.readouterr()
    assert code == 2
    assert "2026-02-30" in err
    assert "28 days" in err


@pytest.mark.parametrize("given", ["catalog", "catalog/", "./catalog"])
def test_paths_are_printed_as_given(
    given: str, mini_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "regie: egen\n", encoding="utf-8")
    monkeypatch.chdir(mini_copy.parent)
    monkeypatch.delenv("MVGPLAN_CATALOG", raising=False)
    code = main(["validate", "-c", given])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"{given.rstrip('/')}/units/hc-alfa.yaml:19:1: error[unknown_field]: ")
    # the environment and then ./catalog are the defaults
    monkeypatch.setenv("MVGPLAN_CATALOG", given)
    assert main(["validate"]) == 2
    assert capsys.readouterr().err.startswith(f"{given.rstrip('/')}/units/hc-alfa.yaml:19:1:")
    monkeypatch.delenv("MVGPLAN_CATALOG")
    assert main(["validate", "--format", "json"]) == 2
    out, _err = capsys.readouterr()
    assert json.loads(out)["errors"][0]["file"] == "catalog/units/hc-alfa.yaml"
    assert os.getcwd() == str(mini_copy.parent)


def test_a_line_break_inside_a_value_keeps_each_error_on_one_line(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_unit(mini_copy, 'id: hc-alfa\nname: Alfa\nregi: "egen\\n"\nsince: "2025-01-01\\n"\n')
    code = main(["validate", "--catalog", str(mini_copy)])
    _out, err = capsys.readouterr()
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 3, lines  # two errors and the closing count
    assert lines[0].endswith("regi: 'egen\\n' is not one of egen, privat (did you mean 'egen'?)")
    assert ":4:1: error[unknown_field]: unknown field 'since'" in lines[1]


def test_a_date_with_a_trailing_line_break_or_foreign_digits_is_not_a_date(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    text = unit.read_text(encoding="utf-8")
    text = text.replace("since: 2019-01-01", 'since: "2019-01-01\\n"').replace(
        "since: 2025-05-05", 'since: "٢٠٢٥-٠٥-٠٥"'
    )
    unit.write_text(text, encoding="utf-8")
    _code, errors = _validate(capsys, mini_copy)
    assert [(e["code"], e["line"]) for e in errors] == [("invalid_value", 7), ("invalid_value", 8)]
    assert all("expected a date written YYYY-MM-DD" in str(e["message"]) for e in errors)


def test_a_usage_error_after_parsing_keeps_json_stdout_json(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json > file`: a file that is not JSON breaks the reader, even on exit 2."""
    code = main(["check", "--catalog", str(mini), "--format", "json", "--unit", "hc-alpha"])
    out, err = capsys.readouterr()
    assert code == 2
    payload = json.loads(out)
    assert payload["ok"] is False and payload["errors"] == []
    assert "did you mean 'hc-alfa'?" in payload["usage_error"]
    assert "did you mean 'hc-alfa'?" in err


@pytest.mark.parametrize(
    ("unit", "line", "column", "says"),
    [
        # a key without its ':' is noticed on the next line; the fix is on this one
        ("id: hc-alfa\nname: Alfa\nregi egen\narea: Gävle\n", 3, 1, "add the ':' after the key"),
        ("id: hc-alfa\nname: Alfa\nregi: egen\nblackouts:\n  - from 2027-01-01\n    to: 2027-01-02\n", 5, 5, "no ':'"),
        # an apostrophe closes a single-quoted text early
        ("id: hc-alfa\nname: 'Bob's place'\nregi: egen\n", 2, 12, "write a ' inside '…' as ''"),
        ('id: hc-alfa\nname: "Alfa" HC\nregi: egen\n', 2, 14, "put the whole value inside the quotes"),
        ('id: hc-alfa\nname: Alfa\nregi: egen\nofferings:\n  omboka-tid:\n    "1177" active\n', 6, 12, "': '"),
        # a bracket left open at the end of the file is reported where it was opened
        (
            "id: hc-alfa\nname: Alfa\nregi: egen\nexemptions:\n  - {service: egenremiss, channel: mvg,\n",
            5,
            5,
            "{braces}",
        ),
        ("id: hc-alfa\nname: Alfa\nregi: egen\narea: [\n", 4, 7, "[brackets]"),
    ],
)
def test_syntax_errors_point_at_the_mistake_and_say_what_to_do(
    unit: str, line: int, column: int, says: str, mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_unit(mini_copy, unit)
    _code, errors = _validate(capsys, mini_copy)
    error = _one(errors)
    assert (error["code"], error["line"], error["column"]) == ("yaml_syntax", line, column)
    assert says in str(error["message"])
    assert "indentation does not match" not in str(error["message"])


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--format", "json", "--as-of", "2026-02-30"],
        ["validate", "--format=json", "--bogus"],
        ["check", "--format", "json", "--unit", "nope"],
    ],
)
def test_a_usage_error_with_format_json_prints_json_and_exits_2(
    argv: list[str], mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*argv, "--catalog", str(mini)])
    out, err = capsys.readouterr()
    assert code == 2
    payload = json.loads(out)
    assert payload["ok"] is False and payload["usage_error"]
    assert err.startswith(("usage: mvgplan", "mvgplan check: --unit")) and "Traceback" not in err
