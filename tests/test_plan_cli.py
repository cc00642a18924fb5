"""`mvgplan plan`: formats, --out, --check, --strict and the what-if overrides."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.plan.model import Plan, PlanOptions, Step

MINI = str(Path(__file__).parent / "fixtures" / "mini")
D = date.fromisoformat


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["plan", "-c", MINI, *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def clean_plan(catalog: object, options: PlanOptions) -> Plan:
    """A plan with neither warnings nor unschedulable items, for --strict."""
    week = D("2027-01-18")
    return Plan(
        as_of=options.as_of,
        start_week=D("2026-11-30"),
        catalog_digest="sha256:" + "c" * 64,
        steps=(Step("hc-alfa", "omboka-tid", "enable", "mvg", week, week, "start", "first week"),),
        unschedulable=(),
        warnings=(),
        end_week=week,
        lower_bound_week=week,
    )


def test_plan_prints_text_by_default_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 0, err
    assert out.startswith("Migration plan: Region Testborg")
    assert out.rstrip("\n").splitlines()[-1].startswith("Summary:")


def test_plan_exits_0_even_with_error_warnings_and_unschedulable_items(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert any(w["severity"] == "error" for w in data["warnings"]) and data["unschedulable"]


def test_strict_exits_1_when_there_are_error_warnings_or_unschedulable_items(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--strict")
    assert code == 1
    assert "Summary:" in out, "the plan is still printed"
    assert "--strict:" in err


def test_strict_exits_0_when_the_plan_has_no_findings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("planner.plan.scheduler.schedule", clean_plan)
    code, _, err = run(capsys, "--strict")
    assert code == 0, err


def test_the_json_plan_has_the_contracts_keys(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "--format", "json")[1])
    assert list(data) == [
        "schema_version", "as_of", "start_week", "catalog_digest", "steps", "unschedulable", "warnings", "summary",
    ]  # fmt: skip
    assert data["as_of"] == "2026-11-23"


def test_the_text_says_which_overrides_were_used(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--capacity", "10", "--parallel-min", "3")
    overrides = next(line for line in out.splitlines() if line.startswith("Overrides:"))
    assert "enables_per_week 2 → 10" in overrides
    assert "min 2 → 3" in overrides


def test_the_text_says_when_the_catalogues_policy_was_used_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    assert "Overrides: none" in run(capsys)[1]


def test_as_of_and_start_override_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "--format", "json", "--as-of", "2026-12-01", "--start", "2027-02-01")[1])
    assert data["as_of"] == "2026-12-01"
    assert data["start_week"] == "2027-W05"
    assert min(s["date"] for s in data["steps"]) >= "2027-02-01"


@pytest.mark.parametrize(
    "argv",
    [
        ["--capacity", "0"],
        ["--capacity", "many"],
        ["--parallel-min", "-1"],
        ["--start", "2027-02-30"],
        ["--as-of", "tomorrow"],
        ["--format", "pdf"],
        ["--out", "a.yaml", "--check", "b.yaml"],
    ],
)
def test_a_bad_command_line_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err


def test_a_broken_catalogue_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "-c", str(tmp_path / "nowhere")]) == 2
    assert "error[" in capsys.readouterr().err


# --- --out -----------------------------------------------------------------------------


def test_out_writes_the_plan_and_says_so_on_one_line_of_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.yaml"
    code, out, err = run(capsys, "--format", "yaml", "--out", str(target))
    assert code == 0
    assert out == ""
    assert err.count("\n") == 1 and str(target) in err
    assert target.read_text(encoding="utf-8").startswith("schema_version: 1\n")


def test_out_takes_the_format_from_the_extension_when_no_format_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    run(capsys, "--out", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1


def test_a_failing_render_does_not_replace_the_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("the good plan\n", encoding="utf-8")

    def broken(*args: object) -> str:
        raise RuntimeError("renderer crashed half-way")

    monkeypatch.setattr("planner.plan.render.render", broken)
    with pytest.raises(RuntimeError):
        main(["plan", "-c", MINI, "--format", "yaml", "--out", str(target)])
    assert target.read_text(encoding="utf-8") == "the good plan\n"
    assert os.listdir(tmp_path) == ["plan.yaml"]


def test_a_failing_write_keeps_the_old_file_leaves_no_temporary_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("the good plan\n", encoding="utf-8")

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    code, _, err = run(capsys, "--format", "yaml", "--out", str(target))
    assert code == 2
    assert "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "the good plan\n"
    assert os.listdir(tmp_path) == ["plan.yaml"]


def test_out_into_a_folder_that_does_not_exist_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--out", str(tmp_path / "no" / "plan.yaml"))
    assert code == 2
    assert "cannot write" in err


# --- --check ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["plan.yaml", "plan.yml", "plan.json", "plan.txt", "plan.md", "plan.csv", "plan.ics"])
def test_check_exits_0_when_the_file_is_what_the_catalogue_produces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / name
    assert run(capsys, "--out", str(target))[0] == 0
    code, out, err = run(capsys, "--check", str(target))
    assert code == 0, err
    assert out == ""
    assert "up to date" in err


def test_check_exits_1_with_a_short_summary_when_the_plan_is_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.yaml"
    run(capsys, "--out", str(target), "--capacity", "1")
    code, out, err = run(capsys, "--check", str(target))
    assert code == 1
    assert out == ""
    assert f"{target} is stale" in err
    assert "moved" in err
    assert "Regenerate it with: mvgplan plan -c" in err and f"--out {target}" in err


def test_check_of_a_stale_text_plan_shows_the_lines_that_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.txt"
    run(capsys, "--out", str(target))
    target.write_text(target.read_text(encoding="utf-8").replace("Summary:", "Sammanfattning:"), encoding="utf-8")
    code, _, err = run(capsys, "--check", str(target))
    assert code == 1
    assert "-Sammanfattning:" in err and "+Summary:" in err


def test_check_of_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--check", str(tmp_path / "plan.yaml"))
    assert code == 2
    assert "no such file" in err and "--out" in err


def test_check_compares_with_the_overrides_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "what-if.yaml"
    run(capsys, "--capacity", "10", "--out", str(target))
    assert run(capsys, "--capacity", "10", "--check", str(target))[0] == 0


def test_check_of_a_file_whose_format_cannot_be_told_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.bin"
    run(capsys, "--capacity", "1", "--format", "yaml", "--out", str(target))
    assert run(capsys, "--check", str(target))[0] == 2
    assert run(capsys, "--check", str(target), "--format", "yaml")[0] == 1


def test_check_refuses_a_format_that_contradicts_the_files_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.yaml"
    run(capsys, "--out", str(target))
    code, _, err = run(capsys, "--check", str(target), "--format", "json")
    assert code == 2
    assert "drop --format" in err


def test_check_of_a_yaml_file_that_is_not_a_plan_says_so_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("just: text\n", encoding="utf-8")
    code, _, err = run(capsys, "--check", str(target))
    assert code == 2
    assert "cannot be read as a plan" in err and "--out" in err


# --- determinism -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "yaml", "markdown", "csv", "mermaid", "ics"])
def test_two_runs_give_identical_bytes(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    first = run(capsys, "--format", fmt)[1]
    second = run(capsys, "--format", fmt)[1]
    assert first == second


def test_the_output_does_not_depend_on_the_process_or_its_hash_seed() -> None:
    # Set and dict order of strings changes with PYTHONHASHSEED; sorted output must not.
    script = (
        "import sys\n"
        "from planner.catalog.loader import load_catalog\n"
        "from planner.plan.model import PlanOptions\n"
        "from planner.plan.render import FORMATS, render\n"
        "from planner.plan.scheduler import schedule\n"
        "catalog = load_catalog(sys.argv[1]).catalog\n"
        "plan = schedule(catalog, PlanOptions(as_of=catalog.as_of))\n"
        "sys.stdout.write(''.join(render(plan, catalog, f) for f in FORMATS))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, MINI],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
