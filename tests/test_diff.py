"""`mvgplan diff OLD NEW` and planner.plan.diff: which steps moved, appeared or vanished."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from planner.cli.main import main
from planner.plan.diff import diff_plans
from planner.plan.model import Plan, PlanWarning, Step, Unschedulable
from planner.plan.serialize import plan_to_dict

D = date.fromisoformat


def step(unit: str, service: str, action: str, week: str, binding: str = "start") -> Step:
    channel = "1177" if action == "redirect" else "mvg"
    return Step(unit, service, action, channel, D(week), D(week), binding, f"{binding} reason")  # type: ignore[arg-type]


def plan(*steps: Step, end: str | None = "2027-02-22", **changes: object) -> Plan:
    values: dict[str, object] = {
        "as_of": D("2026-11-23"),
        "start_week": D("2026-11-30"),
        "catalog_digest": "sha256:" + "a" * 64,
        "steps": steps,
        "unschedulable": (),
        "warnings": (),
        "end_week": D(end) if end else None,
        "lower_bound_week": None,
    }
    values.update(changes)
    return Plan(**values)  # type: ignore[arg-type]


OLD = plan(
    step("hc-alfa", "omboka-tid", "brief_staff", "2027-01-25"),
    step("hc-alfa", "omboka-tid", "enable", "2027-02-08"),
    step("hc-alfa", "omboka-tid", "redirect", "2027-02-22"),
    step("hc-gamma", "receptfornyelse", "redirect", "2027-01-11"),
)
NEW = plan(
    step("hc-alfa", "omboka-tid", "brief_staff", "2027-02-08"),
    step("hc-alfa", "omboka-tid", "enable", "2027-02-22", "capacity"),
    step("hc-alfa", "omboka-tid", "redirect", "2027-03-08", "min_parallel"),
    step("hc-beta", "digitala-vardmoten", "enable", "2027-01-18"),
    end="2027-03-08",
)


def test_the_same_plan_is_identical_to_itself() -> None:
    diff = diff_plans(OLD, OLD)
    assert diff.identical
    assert diff.unchanged == 4 and not diff.steps


def test_a_step_in_another_week_moved_from_the_old_week_to_the_new() -> None:
    moved = [c for c in diff_plans(OLD, NEW).steps if c.change == "moved"]
    assert [(c.unit, c.service, c.action) for c in moved] == [
        ("hc-alfa", "omboka-tid", "brief_staff"),
        ("hc-alfa", "omboka-tid", "enable"),
        ("hc-alfa", "omboka-tid", "redirect"),
    ]
    enable = moved[1]
    assert enable.old is not None and enable.new is not None
    assert (enable.old.week, enable.new.week, enable.shift_weeks) == (D("2027-02-08"), D("2027-02-22"), 2)


def test_a_step_only_in_the_new_plan_appeared_and_one_only_in_the_old_vanished() -> None:
    diff = diff_plans(OLD, NEW)
    assert [(c.unit, c.action) for c in diff.steps if c.change == "appeared"] == [("hc-beta", "enable")]
    assert [(c.unit, c.action) for c in diff.steps if c.change == "vanished"] == [("hc-gamma", "redirect")]


def test_the_end_week_shift_is_counted_in_weeks() -> None:
    assert diff_plans(OLD, NEW).end_shift_weeks == 2
    assert diff_plans(NEW, OLD).end_shift_weeks == -2


def test_a_new_catalogue_digest_alone_does_not_make_plans_differ() -> None:
    assert diff_plans(OLD, replace(OLD, catalog_digest="sha256:" + "b" * 64, as_of=D("2026-12-01"))).identical


def test_a_different_binding_in_the_same_week_is_not_a_move() -> None:
    other = replace(
        OLD, steps=(*OLD.steps[:3], step("hc-gamma", "receptfornyelse", "redirect", "2027-01-11", "blackout"))
    )
    assert diff_plans(OLD, other).identical


def test_unschedulable_items_and_warnings_that_appear_or_vanish_are_differences() -> None:
    item = Unschedulable("hc-beta", "egenremiss", "no_mvg_equivalent", "no MVG service")
    warning = PlanWarning("broken_redirect", "error", "hc-beta", "receptfornyelse", "forwards to nothing")
    diff = diff_plans(replace(OLD, unschedulable=(item,)), replace(OLD, warnings=(warning,)))
    assert not diff.identical
    assert [(i.kind, i.code, i.change) for i in diff.items] == [
        ("unschedulable", "no_mvg_equivalent", "vanished"),
        ("warning", "broken_redirect", "appeared"),
    ]


# --- the command -----------------------------------------------------------------------


def write(tmp_path: Path, name: str, p: Plan) -> str:
    path = tmp_path / name
    data = plan_to_dict(p)
    text = json.dumps(data) if name.endswith(".json") else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_diff_of_two_identical_plans_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", write(tmp_path, "a.yaml", OLD), write(tmp_path, "b.json", OLD)]) == 0
    assert "The plans are the same" in capsys.readouterr().out


def test_diff_of_plans_that_differ_exits_1_like_diff(tmp_path: Path) -> None:
    assert main(["diff", write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", NEW)]) == 1


def test_diff_text_shows_per_unit_and_service_what_moved_appeared_and_vanished(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["diff", write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", NEW)])
    out = capsys.readouterr().out
    assert "hc-alfa\n  omboka-tid\n" in out
    assert "enable       moved     v. 6 (2027) → v. 8 (2027) (+2 w)   now [capacity]" in out
    assert "hc-beta\n  digitala-vardmoten\n    enable       appeared  v. 3 (2027)" in out
    assert "redirect     vanished  was v. 2 (2027)" in out
    summary = out.rstrip("\n").splitlines()[-1]
    assert summary.startswith("Summary: 3 steps moved, 1 appeared, 1 vanished")
    assert "end week v. 8 (2027) → v. 10 (2027) (2 weeks later)" in summary


def test_diff_json_lists_changes_with_weeks_and_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["diff", "--format", "json", write(tmp_path, "old.json", OLD), write(tmp_path, "new.json", NEW)])
    data = json.loads(capsys.readouterr().out)
    assert data["identical"] is False
    assert data["summary"] == {
        "moved": 3,
        "appeared": 1,
        "vanished": 1,
        "unchanged": 0,
        "end_week_before": "2027-W08",
        "end_week_after": "2027-W10",
        "end_shift_weeks": 2,
    }
    enable = next(c for c in data["steps"] if c["unit"] == "hc-alfa" and c["action"] == "enable")
    assert (enable["change"], enable["old_week"], enable["new_week"]) == ("moved", "2027-W06", "2027-W08")
    assert enable["binding"] == "capacity"


def test_diff_markdown_is_a_table_of_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["diff", "--format", "markdown", write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", NEW)])
    out = capsys.readouterr().out
    assert "| Hälsocentral | E-tjänst | Step | Change | Before | After | Why now |" in out
    assert "| `hc-alfa` | `omboka-tid` | enable | moved | v. 6 (2027) | v. 8 (2027) |" in out


def test_diff_of_a_missing_file_exits_2_and_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.yaml")
    assert main(["diff", write(tmp_path, "a.yaml", OLD), missing]) == 2
    err = capsys.readouterr().err
    assert f"{missing}:1:1: error[invalid_value]: no such file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.yaml", "steps: [\n", ":1:8: error[yaml_syntax]: a list in [brackets] is not closed"),
        ("broken.json", '{"steps": ', ":1:1: error[yaml_syntax]: a mapping in {braces} is not closed"),
        ("list.yaml", "- 1\n- 2\n", ":1:1: error[invalid_value]: not a plan"),
        ("empty.yaml", "", ":1:1: error[yaml_syntax]: the file is empty"),
        ("latin1.yaml", b"steps: \xe5\n", ":1:8: error[yaml_syntax]: the file is not UTF-8"),
        (
            "partial.yaml",
            "schema_version: 1\nsteps: []\nas_of: 2026-11-23\nstart_week: 2026-W49\ncatalog_digest: x\n",
            ":1:1: error[invalid_value]: missing required field 'summary'",
        ),
        ("badweek.yaml", None, ":13:9: error[invalid_value]: steps[omboka-tid/mvg].week: no such ISO week: '2027-W99'"),
    ],
)
def test_diff_of_a_file_that_is_not_a_plan_exits_2_with_the_file_and_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is None:  # a real plan with one week spoiled
        data = plan_to_dict(OLD)
        data["steps"][0]["week"] = "2027-W99"
        content = yaml.safe_dump(data)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert main(["diff", write(tmp_path, "ok.yaml", OLD), str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}{reason}" in err
    assert "Traceback" not in err
