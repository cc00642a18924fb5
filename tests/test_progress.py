"""`mvgplan progress` (SPEC §7): the baseline against what the catalogue says was done.

The rules one by one, every output format against its golden file, and the json output
against an independent reading of the contract (tests/progress_reference.py) on scenarios
hypothesis makes: steps carried out on time, late, early or not at all by editing unit
files, a service dropped, a unit added, as_of moved.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_builder import MIGRATE, Spec, off, svc
from progress_reference import expected_progress

from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
FIXTURE = "tests/fixtures/progress"
GOLDEN = REPO / "tests" / "golden" / "progress"
UPDATE = os.environ.get("MVGPLAN_UPDATE_GOLDEN") == "1"
EXTENSION = {"text": "txt", "json": "json", "markdown": "md", "csv": "csv"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- golden files ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(EXTENSION))
def test_the_progress_of_the_fixture_matches_its_golden_file(
    fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    args = ["progress", "-c", f"{FIXTURE}/catalog", "--baseline", f"{FIXTURE}/baseline.yaml", "--as-of", "2027-02-01"]
    code, out, err = run(capsys, *args, "--format", fmt)
    assert code == 1, err  # two steps are overdue
    golden = GOLDEN / f"fixture.{EXTENSION[fmt]}"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(out.encode("utf-8"))
    expected = golden.read_bytes().decode("utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), out.splitlines(), "golden", "now", lineterm=""))
    assert out == expected, diff + "\n\nIf intended: MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_progress.py"


def test_the_text_output_shows_each_late_unit_with_its_overdue_steps_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    args = ["progress", "-c", f"{FIXTURE}/catalog", "--baseline", f"{FIXTURE}/baseline.yaml", "--as-of", "2027-02-01"]
    _, out, _ = run(capsys, *args)
    lines = out.splitlines()
    gamma, alfa = lines.index("  Gamma Din hälsocentral (hc-gamma)"), lines.index("  Alfa Din hälsocentral (hc-alfa)")
    assert gamma < alfa  # the unit with overdue steps before the one that was only late
    assert lines[gamma + 1] == "    OVERDUE 3 weeks: enable receptfornyelse in mvg, planned v. 2 (2027)"
    assert "done 1 week late: redirect mina-vardkontakter in 1177" in lines[alfa + 1]


# --- the rules, one by one -------------------------------------------------------------

ONE = Spec([svc("a"), svc("b")], {"hc": {"a": MIGRATE, "b": MIGRATE}})


def _baseline(tmp_path: Path, spec: Spec = ONE) -> tuple[Path, Path, dict[str, Any]]:
    catalog = tmp_path / "catalog"
    spec.write(catalog)
    baseline = tmp_path / "baseline.yaml"
    assert main(["plan", "-c", str(catalog), "--format", "yaml", "--out", str(baseline)]) == 0
    return catalog, baseline, yaml.safe_load(baseline.read_text(encoding="utf-8"))


def _week(plan: dict[str, Any], service: str, action: str) -> date:
    label = next(s["week"] for s in plan["steps"] if (s["service"], s["action"]) == (service, action))
    year, week = label.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def _edit_unit(catalog: Path, unit: str, service: str, channel: str, value: Any) -> None:
    path = catalog / "units" / f"{unit}.yaml"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["offerings"].setdefault(service, {})[channel] = value
    path.write_text(json.dumps(data), encoding="utf-8")


def _progress(capsys: pytest.CaptureFixture[str], catalog: Path, baseline: Path, as_of: date) -> tuple[int, Any]:
    code, out, err = run(
        capsys,
        "progress",
        "-c",
        str(catalog),
        "--baseline",
        str(baseline),
        "--as-of",
        as_of.isoformat(),
        "--format",
        "json",
    )
    assert code in (0, 1), err
    return code, json.loads(out)


def _status(doc: dict[str, Any], service: str, action: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in doc["steps"] if (s["service"], s["action"]) == (service, action))
    return found


def test_an_enable_is_done_when_the_target_offering_is_active_and_slips_by_the_weeks_of_its_since(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, plan = _baseline(tmp_path)
    planned = _week(plan, "a", "enable")
    _edit_unit(catalog, "hc", "a", "mvg", off("active", (planned + timedelta(days=16)).isoformat()))
    _, doc = _progress(capsys, catalog, baseline, planned)
    step = _status(doc, "a", "enable")
    assert step["status"] == "done"
    assert step["actual_date"] == (planned + timedelta(days=16)).isoformat()
    assert step["slip_weeks"] == 2
    assert doc["summary"]["late"] == 1 and doc["summary"]["on_time"] == 0


def test_a_step_done_early_has_a_negative_slip_and_counts_as_on_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, plan = _baseline(tmp_path)
    planned = _week(plan, "a", "redirect")
    _edit_unit(catalog, "hc", "a", "1177", off("retired", (planned - timedelta(days=8)).isoformat()))
    _, doc = _progress(capsys, catalog, baseline, planned)
    assert _status(doc, "a", "redirect")["slip_weeks"] == -2
    assert doc["summary"]["on_time"] == 1


def test_a_step_done_without_a_since_counts_neither_on_time_nor_late(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, plan = _baseline(tmp_path)
    _edit_unit(catalog, "hc", "a", "mvg", "active")
    _, doc = _progress(capsys, catalog, baseline, _week(plan, "a", "enable"))
    step = _status(doc, "a", "enable")
    assert (step["status"], step["actual_date"], step["slip_weeks"]) == ("done", None, None)
    assert doc["summary"]["done"] == 1 and doc["summary"]["on_time"] == doc["summary"]["late"] == 0


def test_an_undone_step_whose_week_has_passed_is_overdue_and_the_command_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, plan = _baseline(tmp_path)
    code, doc = _progress(capsys, catalog, baseline, _week(plan, "a", "enable") + timedelta(days=7))
    assert _status(doc, "a", "enable")["status"] == "overdue"
    assert code == 1


def test_an_undone_step_planned_for_the_week_of_as_of_is_due_and_a_later_one_upcoming(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, plan = _baseline(tmp_path)
    code, doc = _progress(capsys, catalog, baseline, _week(plan, "a", "enable") + timedelta(days=4))
    assert _status(doc, "a", "enable")["status"] == "due"
    assert _status(doc, "a", "redirect")["status"] == "upcoming"
    assert code == 0


def test_briefings_are_not_tracked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog, baseline, plan = _baseline(tmp_path)
    _, doc = _progress(capsys, catalog, baseline, date(2026, 11, 23))
    assert {s["action"] for s in doc["steps"]} == {"enable", "redirect"}
    assert doc["summary"]["tracked"] == sum(1 for s in plan["steps"] if s["action"] in ("enable", "redirect"))


def test_a_step_for_a_service_removed_from_the_catalogue_is_dropped_even_when_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, _plan = _baseline(tmp_path)
    Spec([svc("a")], {"hc": {"a": MIGRATE}}).write(tmp_path / "smaller")
    shutil.rmtree(catalog)
    shutil.copytree(tmp_path / "smaller", catalog)
    _code, doc = _progress(capsys, catalog, baseline, date(2028, 1, 3))
    assert {_status(doc, "b", a)["status"] for a in ("enable", "redirect")} == {"dropped"}
    assert _status(doc, "a", "enable")["status"] == "overdue"


def test_a_done_step_is_done_even_when_the_current_plan_no_longer_needs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, _plan = _baseline(tmp_path)
    _edit_unit(catalog, "hc", "a", "mvg", off("active", "2026-12-01"))
    _edit_unit(catalog, "hc", "a", "1177", off("redirect", "2026-12-20"))
    _, doc = _progress(capsys, catalog, baseline, date(2026, 12, 21))
    assert {_status(doc, "a", a)["status"] for a in ("enable", "redirect")} == {"done"}


def test_a_step_of_the_current_plan_that_the_baseline_lacks_is_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, _plan = _baseline(tmp_path)
    Spec([svc("a"), svc("b")], {"hc": {"a": MIGRATE, "b": MIGRATE}, "hc-new": {"a": MIGRATE}}).write(catalog)
    _, doc = _progress(capsys, catalog, baseline, date(2026, 11, 23))
    assert [(n["unit"], n["action"]) for n in doc["new"]] == [("hc-new", "enable"), ("hc-new", "redirect")]
    assert doc["summary"]["new"] == 2


def test_the_slip_of_the_end_is_the_current_plans_end_week_minus_the_baselines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, baseline, plan = _baseline(tmp_path)
    _, doc = _progress(capsys, catalog, baseline, date(2026, 11, 23))
    assert doc["summary"]["baseline_end_week"] == plan["summary"]["end_week"]
    assert doc["summary"]["slip_weeks"] == 0


def test_a_missing_baseline_exits_2_with_its_path_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog, _, _ = _baseline(tmp_path)
    missing = tmp_path / "nope.yaml"
    code, _out, err = run(capsys, "progress", "-c", str(catalog), "--baseline", str(missing))
    assert code == 2
    assert err.startswith(f"{missing}:1:1: error[invalid_value]: no such file")


def test_the_default_baseline_is_plans_baseline_yaml_in_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _catalog, baseline, _ = _baseline(tmp_path)
    (tmp_path / "plans").mkdir()
    shutil.copy(baseline, tmp_path / "plans" / "baseline.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "progress", "-c", "catalog", "--format", "json")
    assert code == 0 and json.loads(out)["baseline"] == "plans/baseline.yaml"


@pytest.mark.parametrize(
    ("change", "where", "code"),
    [
        (lambda t: t.replace("action: enable", "action: activate", 1), "action", "invalid_value"),
        (lambda t: t.replace("week: 20", "week: 19", 1).replace("W", "X", 1), "start_week", "invalid_value"),
        (lambda t: "schema_version: 1\nsteps: [\n", "steps", "yaml_syntax"),
        (lambda t: "id: hc\nname: not a plan\nregi: egen\n", "id", "invalid_value"),
    ],
    ids=["bad-action", "bad-week", "broken-yaml", "a-unit-file"],
)
def test_a_baseline_that_is_not_a_plan_exits_2_at_the_fault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, where: str, code: str
) -> None:
    catalog, baseline, _ = _baseline(tmp_path)
    text = change(baseline.read_text(encoding="utf-8"))
    baseline.write_text(text, encoding="utf-8")
    exit_code, out, err = run(capsys, "progress", "-c", str(catalog), "--baseline", str(baseline))
    assert exit_code == 2 and out == ""
    first = err.splitlines()[0]
    path, line, column, rest = first.split(":", 3)
    assert path == str(baseline) and rest.startswith(f" error[{code}]:")
    if code == "invalid_value" and where != "id":
        assert text.splitlines()[int(line) - 1][int(column) - 1 :].startswith(where) or where in rest


# --- against the reference, on made-up scenarios ----------------------------------------

OUTCOMES = st.sampled_from(["not", "on_time", "late", "early", "undated"])


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    n_services = draw(st.integers(1, 4))
    services = [
        svc(f"s{i}", ready=draw(st.sampled_from(["2024-01-01", "2027-02-01", None]))) for i in range(n_services)
    ]
    kinds = st.sampled_from(["migrate", "parallel", "none", "redirected"])
    units = {}
    for u in range(draw(st.integers(1, 3))):
        offerings: dict[str, Any] = {}
        for s in services:
            kind = draw(kinds)
            if kind == "migrate":
                offerings[s["id"]] = MIGRATE
            elif kind == "parallel":
                offerings[s["id"]] = {"1177": off("active", "2026-01-01"), "mvg": off("active", "2026-10-01")}
            elif kind == "redirected":
                offerings[s["id"]] = {"1177": off("redirect", "2025-01-01"), "mvg": off("active", "2025-01-01")}
        units[f"hc-{u}"] = offerings
    return {
        "spec": Spec(services, units, basutbud=draw(st.sampled_from([[], ["s0"]])), capacity=draw(st.integers(1, 4))),
        "outcomes": draw(st.lists(OUTCOMES, min_size=12, max_size=12)),
        "slips": draw(st.lists(st.integers(1, 5), min_size=12, max_size=12)),
        "drop": draw(st.booleans()),
        "add_unit": draw(st.booleans()),
        "weeks_later": draw(st.integers(0, 40)),
        "fmt": draw(st.sampled_from(["yaml", "json"])),
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario=scenarios())
def test_progress_agrees_with_the_reference_on_made_up_scenarios(
    scenario: dict[str, Any], tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path_factory.mktemp("scenario")
    spec: Spec = scenario["spec"]
    catalog = root / "catalog"
    spec.write(catalog)
    baseline = root / f"baseline.{scenario['fmt']}"
    assert main(["plan", "-c", str(catalog), "--format", scenario["fmt"], "--out", str(baseline)]) == 0
    plan = yaml.safe_load(baseline.read_text(encoding="utf-8"))
    # Carry out the tracked steps: on time, late, early, without a date, or not at all.
    units = {uid: {s: dict(ch) for s, ch in offerings.items()} for uid, offerings in spec.units.items()}
    tracked = [s for s in plan["steps"] if s["action"] in ("enable", "redirect")]
    for step, outcome, slip in zip(tracked, scenario["outcomes"], scenario["slips"], strict=False):
        if outcome == "not":
            continue
        year, week = step["week"].split("-W")
        planned = date.fromisocalendar(int(year), int(week), 1)
        day = {"on_time": planned + timedelta(days=2), "late": planned + timedelta(weeks=slip)}.get(
            outcome, planned - timedelta(weeks=slip)
        )
        status = "active" if step["action"] == "enable" else ("redirect" if slip % 2 else "retired")
        value: Any = status if outcome == "undated" else off(status, day.isoformat())
        units[step["unit"]].setdefault(step["service"], {})[step["channel"]] = value
    services = list(spec.services)
    basutbud = list(spec.basutbud)
    if scenario["drop"] and len(services) > 1:  # the last service leaves the catalogue
        gone = services.pop()["id"]
        basutbud = [b for b in basutbud if b != gone]
        units = {uid: {s: v for s, v in offs.items() if s != gone} for uid, offs in units.items()}
    if scenario["add_unit"]:
        units["hc-new"] = {s["id"]: MIGRATE for s in services}
    shutil.rmtree(catalog)
    Spec(services, units, basutbud=basutbud, capacity=spec.capacity).write(catalog)
    as_of = spec.as_of + timedelta(weeks=scenario["weeks_later"])

    code, out, err = run(capsys, "plan", "-c", str(catalog), "--format", "json", "--as-of", as_of.isoformat())
    assert code == 0, err
    expected = expected_progress(baseline, str(baseline), catalog, json.loads(out), as_of)
    args = ["progress", "-c", str(catalog), "--baseline", str(baseline), "--as-of", as_of.isoformat()]
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == expected.pop("exit"), err
    assert json.loads(out) == expected


def test_the_committed_baseline_is_a_plan_of_the_shipped_catalogue_and_nothing_is_overdue_yet(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code, out, err = run(capsys, "progress", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["baseline"] == "plans/baseline.yaml" and doc["summary"]["tracked"] > 0
