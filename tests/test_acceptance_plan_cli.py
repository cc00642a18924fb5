"""Acceptance tests for the command line of `mvgplan plan` and `mvgplan diff` (SPEC §4, §6).

Every run is a real process (`python -m planner`), as a user or CI runs it: exit codes,
stdout/stderr separation, no traceback, files written atomically, and every output format
read back by an ordinary parser (json, yaml, csv, icalendar).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from icalendar import Calendar
from test_acceptance_plan import (
    ROOT,
    SIMPLE_SERVICES,
    check_folder,
    load_catalogue,
    make_catalogue,
    parse_week,
    plan_json,
    run,
    run_process,
    verified,
    verify,
)

SHIPPED = ROOT / "catalog"
MINI = ROOT / "tests" / "fixtures" / "mini"
SMALL = ROOT / "tests" / "fixtures" / "plan_small"


def no_traceback(proc: Any) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


# --- what-if overrides -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "overrides"),
    [
        (["--capacity", "2"], {"capacity": 2}),
        (["--capacity", "30"], {"capacity": 30}),
        (["--parallel-min", "0"], {"parallel_min": 0}),
        (["--parallel-min", "5"], {"parallel_min": 5}),
        (["--start", "2027-03-03"], {"start": date(2027, 3, 3)}),
        (["--start", "2027-02-01"], {"start": date(2027, 2, 1)}),
        (["--as-of", "2027-06-13"], {"as_of": date(2027, 6, 13)}),
        (["--as-of", "2027-04-01", "--capacity", "1", "--parallel-min", "1"],
         {"as_of": date(2027, 4, 1), "capacity": 1, "parallel_min": 1}),
    ],
)  # fmt: skip
def test_what_if_overrides_keep_every_rule(extra: list[str], overrides: dict[str, Any]) -> None:
    verified(SHIPPED, *extra, **overrides)


def test_more_capacity_never_ends_later() -> None:
    ends = [parse_week(plan_json(SHIPPED, "--capacity", str(c))["summary"]["end_week"]) for c in (1, 2, 4, 6, 12)]
    assert ends == sorted(ends, reverse=True)


def test_as_of_override_changes_as_of_and_default_start(tmp_path: Path) -> None:
    folder = make_catalogue(tmp_path, services=SIMPLE_SERVICES, units={"u": 'offerings:\n  a: {"1177": active}\n'})
    plan = verified(folder, "--as-of", "2027-01-03", as_of=date(2027, 1, 3))
    assert plan["as_of"] == "2027-01-03"
    assert plan["start_week"] == "2027-W01"


def test_a_start_on_the_first_working_day_of_a_week_keeps_that_week(tmp_path: Path) -> None:
    # 2029-01-01 (Monday) is nyårsdagen: a plan starting on 2029-01-02 loses no week.
    folder = make_catalogue(tmp_path, services=SIMPLE_SERVICES, units={"u": 'offerings:\n  a: {"1177": active}\n'})
    plan = verified(folder, "--start", "2029-01-02", start=date(2029, 1, 2))
    assert plan["start_week"] == "2029-W01"
    first = plan["steps"][0]
    assert (first["action"], first["week"], first["date"]) == ("brief_staff", "2029-W01", "2029-01-02")
    # a start later in a week begins the plan with the next week: no step is dated before it
    plan = verified(folder, "--start", "2029-01-03", start=date(2029, 1, 3))
    assert plan["start_week"] == "2029-W02"
    assert min(s["date"] for s in plan["steps"]) >= "2029-01-03"


# --- usage and input errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "--capacity", "0"],
        ["plan", "--capacity", "x"],
        ["plan", "--parallel-min", "-1"],
        ["plan", "--start", "2027-02-30"],
        ["plan", "--as-of", "tomorrow"],
        ["plan", "--format", "pdf"],
        ["plan", "--bogus"],
        ["plan", "--out", "a.yaml", "--check", "b.yaml"],
        ["plan", "-c", "/nonexistent/catalog"],
        ["plan", "--check", "/nonexistent/plan.yaml"],
        ["plan", "--out", "/nonexistent/dir/plan.yaml"],
        ["diff"],
        ["diff", "only-one.yaml"],
        ["diff", "/nonexistent/a.yaml", "/nonexistent/b.yaml"],
        ["diff", "--format", "csv", "a.yaml", "b.yaml"],
    ],
)
def test_usage_errors_exit_2_without_traceback(argv: list[str]) -> None:
    proc = run(*argv)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    no_traceback(proc)
    assert proc.stderr.strip()


def test_usage_errors_of_the_real_command_exit_2_without_traceback() -> None:
    for argv in (["plan", "--capacity", "0"], ["plan", "--check", "/nonexistent/plan.yaml"], ["diff", "a", "b"]):
        proc = run_process(*argv)
        assert proc.returncode == 2, proc.stderr
        no_traceback(proc)


def test_a_broken_catalogue_gives_json_errors_on_stdout_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(MINI, folder)
    (folder / "services.yaml").write_text("services:\n  - {id: a}\n", encoding="utf-8")
    proc = run("plan", "-c", folder, "--format", "json")
    assert proc.returncode == 2
    no_traceback(proc)
    doc = json.loads(proc.stdout)
    assert doc["ok"] is False and doc["errors"]
    assert set(doc["errors"][0]) >= {"file", "line", "column", "code", "message"}


# --- --out, --check, --strict -------------------------------------------------------------------


def test_out_writes_the_same_bytes_as_stdout_and_nothing_else(tmp_path: Path) -> None:
    for fmt, ext in [("json", "json"), ("yaml", "yaml"), ("csv", "csv"), ("ics", "ics"), ("mermaid", "mmd")]:
        target = tmp_path / f"plan.{ext}"
        printed = subprocess.run(
            [sys.executable, "-m", "planner", "plan", "-c", str(MINI), "--format", fmt], capture_output=True, check=True
        ).stdout
        proc = run("plan", "-c", MINI, "--out", target, check=True)
        assert proc.stdout == ""
        assert target.read_bytes() == printed
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_out_replaces_atomically_and_keeps_the_old_file_on_failure(tmp_path: Path, monkeypatch: Any) -> None:
    from planner.cli.main import main

    target = tmp_path / "plan.yaml"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o644)

    def fail(*_: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("planner.atomic.os.replace", fail)
    assert main(["plan", "-c", str(MINI), "--out", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]
    monkeypatch.undo()
    assert main(["plan", "-c", str(MINI), "--out", str(target)]) == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("ext", ["yaml", "json", "csv", "md", "txt", "ics", "mmd"])
def test_check_is_0_when_current_and_1_when_stale(tmp_path: Path, ext: str) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(MINI, folder)
    target = tmp_path / f"plan.{ext}"
    run("plan", "-c", folder, "--out", target, check=True)
    proc = run("plan", "-c", folder, "--check", target)
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr
    region = folder / "region.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace("enables_per_week: 2", "enables_per_week: 1"))
    proc = run("plan", "-c", folder, "--check", target)
    assert proc.returncode == 1, proc.stderr
    no_traceback(proc)
    assert "stale" in proc.stderr


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.yaml", "just: text\n"),
        ("plan.yaml", "- a\n- b\n"),
        ("plan.yaml", ""),
        ("plan.yaml", "{unclosed\n"),
        ("plan.json", '{"ok": false, "errors": []}'),
        ("plan.json", "not json"),
        ("plan.json", '{"schema_version": 1, "steps": [{"unit": "x"}]}'),
    ],
)
def test_check_and_diff_of_a_file_that_is_not_a_plan_exit_2(tmp_path: Path, name: str, content: str) -> None:
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    good = tmp_path / "good.yaml"
    run("plan", "-c", MINI, "--out", good, check=True)
    argvs: list[list[str | Path]] = [["plan", "-c", MINI, "--check", bad], ["diff", bad, good], ["diff", good, bad]]
    for argv in argvs:
        proc = run(*argv)
        assert proc.returncode == 2, (argv, proc.stderr)
        no_traceback(proc)
        assert str(bad) in proc.stderr


def test_strict_exits_1_on_error_warnings_or_unschedulable_items(tmp_path: Path) -> None:
    assert run("plan", "--strict").returncode == 1  # the shipped catalogue has both
    assert run("plan").returncode == 0
    clean = make_catalogue(tmp_path, services=SIMPLE_SERVICES, units={"u": 'offerings:\n  a: {"1177": active}\n'})
    assert run("plan", "-c", clean, "--strict").returncode == 0
    broken = make_catalogue(
        tmp_path, services=SIMPLE_SERVICES, units={"u": 'offerings:\n  a: {"1177": redirect}\n'}, name="broken"
    )
    proc = run("plan", "-c", broken, "--strict", "--format", "json")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["warnings"][0]["code"] == "broken_redirect"  # the plan is still printed
    late = make_catalogue(
        tmp_path,
        services="- {id: a, name: A, mvg_ready: 2040-01-01}\n",
        units={"u": 'offerings:\n  a: {"1177": active}\n'},
        name="late",
    )
    assert run("plan", "-c", late).returncode == 0
    assert run("plan", "-c", late, "--strict").returncode == 1


# --- diff ----------------------------------------------------------------------------------------


def test_diff_tells_moved_appeared_and_vanished(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(MINI, folder)
    old = tmp_path / "old.yaml"
    run("plan", "-c", folder, "--out", old, check=True)
    assert run("diff", old, old).returncode == 0
    plan = yaml.safe_load(old.read_text(encoding="utf-8"))
    # Change the catalogue: less capacity moves steps; a unit whose 1177 offering is now
    # retired loses its migration (vanished); a new unit needs one (appeared).
    region = folder / "region.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace("enables_per_week: 2", "enables_per_week: 1"))
    gone = next(s for s in plan["steps"] if s["action"] == "redirect")
    unit_file = folder / "units" / f"{gone['unit']}.yaml"
    unit = yaml.safe_load(unit_file.read_text(encoding="utf-8"))
    unit["offerings"][gone["service"]] = {"1177": "retired"}
    unit_file.write_text(yaml.safe_dump(unit, allow_unicode=True), encoding="utf-8")
    (folder / "units" / "hc-ny.yaml").write_text(
        'id: hc-ny\nname: Ny\nregi: egen\nofferings:\n  digitala-vardmoten: {"1177": active}\n', encoding="utf-8"
    )
    new = tmp_path / "new.json"
    run("plan", "-c", folder, "--out", new, check=True)
    proc = run("diff", old, new, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    changes = Counter(c["change"] for c in doc["steps"])
    assert changes["moved"] > 0 and changes["appeared"] > 0 and changes["vanished"] > 0
    vanished = {(c["unit"], c["service"]) for c in doc["steps"] if c["change"] == "vanished"}
    appeared = {(c["unit"], c["service"]) for c in doc["steps"] if c["change"] == "appeared"}
    assert (gone["unit"], gone["service"]) in vanished
    assert ("hc-ny", "digitala-vardmoten") in appeared
    text = run("diff", old, new).stdout
    assert "moved" in text and "appeared" in text and "vanished" in text


# --- formats -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_json() -> dict[str, Any]:
    return plan_json(SHIPPED)


def test_json_and_yaml_hold_the_same_document(shipped_json: dict[str, Any]) -> None:
    as_yaml = yaml.safe_load(run("plan", "--format", "yaml", check=True).stdout)
    assert as_yaml == shipped_json


def test_csv_parses_with_one_row_per_step(shipped_json: dict[str, Any]) -> None:
    text = run("plan", "--format", "csv", check=True).stdout
    reader = csv.DictReader(io.StringIO(text))  # as any script reads it: no BOM to strip first
    assert reader.fieldnames is not None and reader.fieldnames[:3] == ["week", "date", "unit"]
    rows = list(reader)
    assert len(rows) == len(shipped_json["steps"])
    want = {(s["unit"], s["service"], s["action"], s["week"], s["date"]) for s in shipped_json["steps"]}
    got = {(r["unit"], r["service"], r["action"], r["week"], r["date"]) for r in rows}
    assert got == want


def test_ics_parses_with_one_event_per_unit_and_week(shipped_json: dict[str, Any]) -> None:
    text = run("plan", "--format", "ics", check=True).stdout
    cal = Calendar.from_ical(text)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    want = {(s["unit"], s["week"]): s["date"] for s in shipped_json["steps"]}
    assert len(events) == len(want)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    starts = sorted(e.decoded("DTSTART").isoformat() for e in events)
    assert starts == sorted(want.values())


def test_mermaid_is_a_gantt_chart_with_a_section_per_unit(shipped_json: dict[str, Any]) -> None:
    text = run("plan", "--format", "mermaid", check=True).stdout
    lines = text.splitlines()
    assert lines[0] == "gantt"
    assert any(line.strip().startswith("dateFormat") for line in lines)
    sections = [line for line in lines if line.strip().startswith("section ")]
    assert len(sections) == len({s["unit"] for s in shipped_json["steps"]})
    for line in lines[1:]:
        body = line.strip()
        if body and not body.startswith(("title", "dateFormat", "axisFormat", "section")):
            assert ":" in body, line


@pytest.mark.parametrize("fmt", ["text", "json", "yaml", "markdown", "csv", "mermaid", "ics"])
def test_two_runs_give_identical_bytes(fmt: str) -> None:
    first = run_process("plan", "-c", SMALL, "--format", fmt, check=True).stdout
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati", "LANG": "C"}
    again = subprocess.run(
        [sys.executable, "-m", "planner", "plan", "-c", str(SMALL), "--format", fmt],
        capture_output=True, text=True, cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    assert first == again.stdout


def test_the_committed_plan_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    # In the catalogue's own language (`language: sv`), as CI runs `mvgplan plan --check`.
    monkeypatch.delenv("MVGPLAN_LANG")
    proc = run("plan", "--check", ROOT / "plans" / "plan.yaml")
    assert proc.returncode == 0, proc.stderr


def test_the_verifier_catches_a_broken_plan() -> None:
    """The verifier itself: each corrupted copy of a good plan is caught."""
    cat, plan, _ = check_folder(SMALL)
    catalogue = load_catalogue(SMALL)
    enable = next(s for s in plan["steps"] if s["action"] == "enable")

    def broken(change: Any) -> list[str]:
        doc = json.loads(json.dumps(plan))
        change(doc)
        return verify(catalogue, doc).violations

    assert broken(lambda d: d["steps"].remove(next(s for s in d["steps"] if s["action"] == "brief_staff")))
    assert broken(lambda d: d["steps"][d["steps"].index(enable)].update(binding="luck"))
    assert broken(lambda d: d["steps"][d["steps"].index(enable)].update(date="2000-01-03"))
    assert broken(lambda d: d["summary"].update(enables=0))
    assert broken(lambda d: d["warnings"].clear()) or not plan["warnings"]
    assert broken(lambda d: d["unschedulable"].clear())
    assert broken(lambda d: [s.update(week="2027-W10") for s in d["steps"] if s["action"] == "enable"])
    assert broken(lambda d: d.pop("catalog_digest"))
    del cat
