"""`mvgplan check` on the command line: options, exit codes, colour, and the CI formats."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from check_support import unit_file, write_catalog

from planner.cli import common
from planner.cli.main import main
from planner.conformance.render.github import escape_data, escape_property

REPO = Path(__file__).resolve().parents[1]
MINI = "tests/fixtures/mini"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    for name in ("GITHUB_STEP_SUMMARY", "MVGPLAN_CATALOG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["check", "-c", MINI, "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


# --- exit codes ----------------------------------------------------------------------------


def test_exit_code_is_1_when_a_unit_deviates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI]) == 1


def test_exit_code_is_0_when_no_unit_deviates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--unit", "hc-delta"]) == 0


def test_the_summary_of_one_hälsocentral_agrees_in_the_singular(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "-c", MINI, "--unit", "hc-delta"])
    assert "Summary: 1 of 1 hälsocentral meets the basutbud;" in capsys.readouterr().out
    main(["check", "-c", MINI, "--unit", "hc-delta", "--unit", "hc-beta"])
    assert "Summary: 1 of 2 hälsocentraler meet the basutbud;" in capsys.readouterr().out


def test_exemptions_alone_do_not_fail_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "exemptions:\n  - {service: recept, channel: mvg, until: 2027-01-01, reason: Snart}\n"
    root = write_catalog(tmp_path / "c", {"hc-a": unit_file("hc-a", body)})
    assert main(["check", "-c", str(root)]) == 0
    assert "exempt until 2027-01-01" in capsys.readouterr().out


def test_exit_code_is_2_for_an_invalid_catalogue_with_every_error_on_stderr(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("mvg: active", "mvg: aktiv"), encoding="utf-8")
    assert main(["check", "-c", str(mini_copy)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "hc-alfa.yaml:13:10: error[invalid_value]" in captured.err


def test_an_invalid_catalogue_with_format_json_prints_the_errors_as_json(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_copy / "units" / "hc-alfa.yaml").write_text("id: hc-alfa\nname: [\n", encoding="utf-8")
    assert main(["check", "-c", str(mini_copy), "--format", "json"]) == 2
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is False and payload["errors"][0]["code"] == "yaml_syntax"


def test_an_unknown_unit_is_a_usage_error_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--unit", "hc-alfa", "--unit", "hc-alpha"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "'hc-alpha'" in captured.err and "did you mean 'hc-alfa'?" in captured.err


@pytest.mark.parametrize("bad", ["2026-02-30", "23/11/2026", "tomorrow"])
def test_a_bad_as_of_date_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--as-of", bad]) == 2
    assert "expected a date YYYY-MM-DD" in capsys.readouterr().err


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--format", "xlsx"]) == 2


# --- options -------------------------------------------------------------------------------


def test_unit_restricts_the_report_to_the_named_units_in_id_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = _json(capsys, "--unit", "hc-gamma", "--unit", "hc-alfa", "--unit", "hc-gamma")
    assert code == 1
    assert [u["unit"] for u in payload["units"]] == ["hc-alfa", "hc-gamma"]
    assert payload["summary"] == {
        "units": 2,
        "conformant_units": 0,
        "deviations": 3,
        "exempt": 0,
        "unused_exemptions": 0,
        "expires_soon": 0,
        "by_kind": {
            "missing": 0,
            "planned": 2,
            "retired": 0,
            "redirect_only": 0,
            "exemption_expired": 1,
            "broken_redirect": 0,
        },
    }


def test_as_of_overrides_the_catalogues_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = _json(capsys, "--as-of", "2027-03-31", "--unit", "hc-beta")
    assert code == 1 and payload["as_of"] == "2027-03-31"
    (unit,) = payload["units"]
    assert unit["exempt"][0]["until"] == "2027-03-31" and unit["exempt"][0]["expires_soon"] is True
    code, payload = _json(capsys, "--as-of", "2027-04-01", "--unit", "hc-beta")
    kinds = {d["kind"] for d in payload["units"][0]["deviations"]}
    assert "exemption_expired" in kinds


def test_as_of_before_basutbud_effective_checks_only_redirects(capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = _json(capsys, "--as-of", "2024-12-31")
    assert code == 1
    assert payload["basutbud"]["in_force"] is False
    kinds = [d["kind"] for u in payload["units"] for d in u["deviations"]]
    assert kinds == ["broken_redirect"]
    main(["check", "-c", MINI, "--as-of", "2024-12-31"])
    assert "not in force until 2025-01-01: no requirement was checked" in capsys.readouterr().out


def test_without_as_of_in_the_catalogue_the_check_is_as_of_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_catalog(tmp_path / "c", {"hc-a": unit_file("hc-a")}, as_of=None)
    monkeypatch.setattr(common, "today", lambda: date(2030, 1, 2))
    assert main(["check", "-c", str(root), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["as_of"] == "2030-01-02"


def test_the_catalogue_comes_from_mvgplan_catalog_when_no_option_is_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MVGPLAN_CATALOG", MINI)
    assert main(["check", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["catalog"] == MINI


def test_uniformity_is_information_that_never_changes_the_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--unit", "hc-delta", "--unit", "hc-alfa", "--uniformity"]) == 1
    assert main(["check", "-c", MINI, "--unit", "hc-delta", "--uniformity", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"uniformity"' in out


# --- colour ---------------------------------------------------------------------------------


def _fake_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


def test_text_is_coloured_at_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _fake_terminal(monkeypatch)
    main(["check", "-c", MINI])
    assert "\033[31m" in capsys.readouterr().out


def test_no_color_turns_colour_off_even_at_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_terminal(monkeypatch)
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", "-c", MINI])
    assert "\033[" not in capsys.readouterr().out


def test_output_that_is_not_a_terminal_has_no_colour(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "-c", MINI])
    assert "\033[" not in capsys.readouterr().out


def test_coloured_text_reads_the_same_once_the_colour_is_removed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "-c", MINI])
    plain = capsys.readouterr().out
    _fake_terminal(monkeypatch)
    main(["check", "-c", MINI])
    coloured = capsys.readouterr().out
    assert re.sub(r"\033\[[0-9;]*m", "", coloured) == plain


# --- github -------------------------------------------------------------------------------


def test_github_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_writes_one_error_per_deviation_pointing_at_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "-c", MINI, "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 6
    assert errors[0].startswith("::error file=tests/fixtures/mini/units/hc-alfa.yaml,line=16,title=basutbud planned%3A")


def test_github_warns_about_an_exemption_that_expires_soon_with_its_text_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = 'exemptions:\n  - {service: recept, channel: mvg, until: 2026-12-01, reason: "100% klart, snart"}\n'
    root = write_catalog(tmp_path / "a,b:c", {"hc-a": unit_file("hc-a", body)})
    assert main(["check", "-c", str(root), "--format", "github"]) == 0
    (warning,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert warning.startswith("::warning file=")
    assert "a%2Cb%3Ac/units/hc-a.yaml,line=5,title=exemption expires soon%3A hc-a recept (mvg)::" in warning
    assert "expires in 8 days" in warning


def test_github_appends_the_full_report_to_the_job_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "step_summary.md"
    summary.write_text("# Earlier step", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "-c", MINI, "--format", "github"]) == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n## Basutbud check: Region Testborg, as of 2026-11-23\n")
    assert text.count("(`hc-") == 4  # every unit
    assert text.count("| `hc-") == 6 + 1  # every deviation and exemption
    assert "::error" not in text
    assert "::error" in capsys.readouterr().out


def test_the_job_summary_is_written_only_for_format_github(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "step_summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["check", "-c", MINI, "--format", "json"])
    assert not summary.exists()


def test_a_job_summary_that_cannot_be_written_does_not_hide_the_annotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "dir.md"))
    assert main(["check", "-c", MINI, "--format", "github"]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("::error ") == 6
    assert "could not write the job summary" in captured.err


# --- junit and sarif ----------------------------------------------------------------------


def test_junit_has_one_test_case_per_unit_and_a_failure_listing_the_deviations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["check", "-c", MINI, "--format", "junit"])
    root = ET.fromstring(capsys.readouterr().out.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "3"
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name", "").split(":")[0] for c in cases] == ["hc-alfa", "hc-beta", "hc-delta", "hc-gamma"]
    beta = cases[1].find("failure")
    assert beta is not None and (beta.text or "").count("tests/fixtures/mini/units/hc-beta.yaml:") == 3
    assert cases[2].find("failure") is None


def test_junit_stays_well_formed_xml_whatever_the_catalogue_says(  # control characters: refused (test_hostile_text)
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = 'exemptions:\n  - {service: recept, channel: mvg, until: 2027-01-01, reason: "<&]]> \\u00e5"}\n'
    root = write_catalog(tmp_path / "c", {"hc-a": unit_file("hc-a", body)})
    main(["check", "-c", str(root), "--format", "junit"])
    parsed = ET.fromstring(capsys.readouterr().out.encode("utf-8"))
    out = parsed.find("./testsuite/testcase/system-out")
    assert out is not None and "<&]]>" in (out.text or "") and "å" in (out.text or "")


def test_sarif_has_a_stable_rule_per_kind_and_results_pointing_at_lines(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "-c", MINI, "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == ["MVG001", "MVG002", "MVG003", "MVG004", "MVG005", "MVG006", "MVG101"]
    assert all(r["name"] and r["shortDescription"]["text"] for r in rules)
    kinds = {r["properties"]["kind"]: r["id"] for r in rules}
    assert kinds["missing"] == "MVG001" and kinds["broken_redirect"] == "MVG006"
    results = run["results"]
    assert len(results) == 6
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("tests/fixtures/mini/units/hc-")
        assert location["region"]["startLine"] >= 1
        assert kinds[result["properties"]["kind"]] == result["ruleId"]


def test_sarif_uris_are_relative_as_given_and_absolute_paths_become_file_uris() -> None:
    from planner.conformance.render.sarif import artifact_uri

    assert artifact_uri("catalog/units/a b.yaml") == "catalog/units/a%20b.yaml"
    assert artifact_uri("/srv/katalog/units/hc.yaml") == "file:///srv/katalog/units/hc.yaml"
    assert artifact_uri("C:\\katalog\\units\\hc.yaml") == "file:///C:/katalog/units/hc.yaml"


def test_the_command_line_offers_exactly_the_formats_the_renderers_have() -> None:
    from planner.cli import check_cmd
    from planner.conformance.render import FORMATS

    assert check_cmd.FORMATS == FORMATS


# --- exemptions that waive nothing ---------------------------------------------------------


def _catalogue_with_an_unused_exemption(tmp_path: Path) -> str:
    body = """\
        offerings:
          recept:
            mvg: active
        exemptions:
          - {service: recept, channel: "1177", until: 2027-03-31, reason: Fel kanal}
        """
    return str(write_catalog(tmp_path / "catalog", {"hc-a": unit_file("hc-a", body)}))


def test_an_exemption_that_waives_nothing_is_shown_in_every_format_and_the_check_still_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _catalogue_with_an_unused_exemption(tmp_path)
    file = f"{root}/units/hc-a.yaml"

    assert main(["check", "-c", root, "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["summary"]["unused_exemptions"] == 1
    [unused] = payload["units"][0]["unused_exemptions"]
    assert {k: unused[k] for k in ("service", "channel", "why", "file", "line")} == {
        "service": "recept",
        "channel": "1177",
        "why": "not_required",
        "file": file,
        "line": 8,
    }

    assert main(["check", "-c", root]) == 0
    text = capsys.readouterr().out
    assert re.search(rf"unused\s+recept\s+1177\s+{re.escape(file)}:8\s+this exemption waives nothing", text)
    assert "1 exemption waiving nothing" in text

    assert main(["check", "-c", root, "--format", "github"]) == 0
    github = capsys.readouterr().out.splitlines()
    assert github[0].startswith(f"::notice file={escape_property(file)},line=8,title=exemption waives nothing")
    assert not any(line.startswith("::error") for line in github)

    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "-c", root, "--format", "github"]) == 0
    assert "### Exemptions that waive nothing" in summary.read_text(encoding="utf-8")


# --- --out ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif"])
def test_check_out_writes_the_same_report_as_stdout(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "-c", MINI, "--format", fmt]) == 1
    printed = capsys.readouterr().out
    target = tmp_path / f"basutbud.{fmt}"
    assert main(["check", "-c", MINI, "--format", fmt, "--out", str(target)]) == 1
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == printed


@pytest.mark.parametrize("fmt", ["junit", "sarif"])
def test_check_out_writes_no_file_when_the_catalogue_has_errors(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"basutbud.{fmt}"
    assert main(["check", "-c", str(tmp_path / "no-catalogue"), "--format", fmt, "--out", str(target)]) == 2
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


def test_check_out_keeps_the_previous_report_when_the_catalogue_has_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "basutbud.sarif"
    target.write_text("the previous report\n", encoding="utf-8")
    assert main(["check", "-c", str(tmp_path / "no-catalogue"), "--out", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "the previous report\n"


def test_check_out_with_an_empty_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--out", ""]) == 2
    assert "--out: the file name is empty" in capsys.readouterr().err
