"""The plan v2 additions (SPEC §4 "Plan v2 additions"), one small catalogue per rule, and the
rules issue 14 gave one home (blackout weeks, the default start, the action order).

The default test catalogue is as of Monday 2026-11-23: the plan starts 2026-11-30 (2026-W49),
briefings lead by two weeks (first enable 2026-W51), the minimum parallel period is two weeks.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product
from pathlib import Path
from typing import Any, get_args

from plan_builder import AS_OF, MIGRATE, Spec, off, plan_for, step, svc, weeks_of
from plan_verifier import Options, verify

from planner.calendar import first_monday_after, first_week_dated_from
from planner.catalog.model import Blackout, Status
from planner.conformance.check import check
from planner.plan.blackouts import closed_weeks, closing
from planner.plan.model import ACTIONS, Plan, Step, plan_order, reading_order
from planner.plan.render import render
from planner.plan.serialize import plan_to_dict

W49 = date(2026, 11, 30)
W50 = date(2026, 12, 7)
W51 = date(2026, 12, 14)
W52 = date(2026, 12, 21)
W53 = date(2026, 12, 28)
W01 = date(2027, 1, 4)
BROKEN = {"1177": off("redirect", "2026-01-01"), "mvg": off("planned")}
"""A broken redirect: 1177 forwards patients to MVG, where the service is only planned."""


def checked(spec: Spec, root: Path, **options: object) -> Plan:
    """The plan, after the independent verifier found no violation in it."""
    catalog, plan = plan_for(spec, root, **options)
    opts = Options(**{"as_of": spec.as_of, **options})  # type: ignore[arg-type]
    assert verify(catalog, opts, plan_to_dict(plan)) == []
    return plan


# --- rolling start -------------------------------------------------------------------------


def test_a_plan_whose_as_of_has_passed_plan_start_starts_the_week_after_as_of(tmp_path: Path) -> None:
    spec = Spec([svc("a")], {"hc": {"a": MIGRATE}}, start="2026-11-30")
    plan = checked(spec, tmp_path / "a", as_of=date(2027, 2, 3))  # a Wednesday in 2027-W05
    assert plan.start_week == date(2027, 2, 8)
    assert plan_to_dict(plan)["start_week"] == "2027-W06"
    assert min(s.week for s in plan.steps) >= date(2027, 2, 8)
    assert plan.configured_start_week == W49


def test_a_plan_start_later_than_the_week_after_as_of_is_kept(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}, start="2027-01-04"), tmp_path)
    assert plan.start_week == W01
    assert plan.configured_start_week is None


def test_a_start_override_in_the_past_rolls_forward_too(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}), tmp_path, start=date(2026, 1, 5))
    assert plan.start_week == W49


def test_the_text_output_says_when_the_start_moved_because_as_of_passed_plan_start(tmp_path: Path) -> None:
    spec = Spec([svc("a")], {"hc": {"a": MIGRATE}}, start="2026-11-30")
    catalog, plan = plan_for(spec, tmp_path, as_of=date(2027, 2, 3))
    text = render(plan, catalog, "text")
    assert "The start moved from v. 49 (2026) to v. 6 (2027): as_of 2027-02-03 has passed plan.start" in text
    _, unmoved = plan_for(spec, tmp_path / "b")
    assert "The start moved" not in render(unmoved, catalog, "text")


def test_a_running_parallel_from_before_the_rolled_start_is_redirected_in_its_first_week(tmp_path: Path) -> None:
    offerings = {"a": {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-11-25")}}
    plan = checked(Spec([svc("a")], {"hc": offerings}, start="2026-11-30"), tmp_path, as_of=date(2027, 3, 1))
    assert weeks_of(plan, "hc", "a") == {"redirect": date(2027, 3, 8)}


def test_the_default_start_is_the_first_monday_strictly_after_as_of() -> None:
    assert first_monday_after(date(2026, 11, 23)) == date(2026, 11, 30)  # a Monday: the next one
    assert first_monday_after(date(2026, 11, 29)) == date(2026, 11, 30)  # a Sunday


def test_a_week_is_dated_from_a_day_when_its_first_working_day_is_not_before_it() -> None:
    assert first_week_dated_from(date(2029, 1, 2)) == date(2029, 1, 1)  # Tuesday after nyårsdagen
    assert first_week_dated_from(date(2027, 2, 3)) == date(2027, 2, 8)  # Wednesday: next week


# --- case 5: repairing a broken redirect ----------------------------------------------------


def test_a_broken_redirect_gets_an_urgent_enable_without_redirect_or_parallel_slot(tmp_path: Path) -> None:
    # One slot, taken by a running parallel until W53: a migration must wait, the repair need not.
    running = {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-12-14")}
    spec = Spec([svc("a"), svc("b")], {"hc": {"a": BROKEN, "b": running}}, slots=1)
    plan = checked(spec, tmp_path)
    assert weeks_of(plan, "hc", "a") == {"brief_staff": W49, "enable": W51}
    enable = step(plan, "hc", "a", "enable")
    assert enable.channel == "mvg"
    assert "patients are forwarded to nothing here" in enable.reason


def test_the_plan_repairs_exactly_the_redirects_check_calls_broken(tmp_path: Path) -> None:
    # Every pair of 1177 and MVG statuses at one unit each: the planner's case 5 and the
    # check's broken_redirect ask one rule (planner/catalog/redirects.py), so they agree.
    statuses = (None, *get_args(Status))
    units: dict[str, dict[str, Any]] = {}
    for legacy, target in product(("active", "redirect"), statuses):
        channels = {"1177": off(legacy, "2026-01-01"), **({"mvg": off(target, "2026-01-01")} if target else {})}
        units[f"hc-{legacy}-{target or 'none'}"] = {"a": channels}
    catalog, plan = plan_for(Spec([svc("a")], units), tmp_path)
    repaired = {s.unit for s in plan.steps if s.action == "enable" and "forwarded to nothing" in s.reason}
    broken = {d.unit for d in check(catalog, AS_OF).deviations() if d.kind == "broken_redirect"}
    # A redirect to MVG where the service is anything but active; never an active 1177.
    assert repaired == broken == {f"hc-redirect-{t}" for t in ("none", "planned", "retired", "redirect")}


def test_urgent_repairs_go_before_every_other_enable_when_capacity_binds(tmp_path: Path) -> None:
    services = [svc("a", priority=1), svc("b", priority=999)]
    spec = Spec(services, {"hc1": {"a": MIGRATE}, "hc2": {"b": BROKEN}}, capacity=1)
    plan = checked(spec, tmp_path)
    assert step(plan, "hc2", "b", "enable").week == W51
    assert step(plan, "hc1", "a", "enable").week == W52


def test_the_broken_redirect_warning_stays_beside_its_repair(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": BROKEN}}), tmp_path)
    assert [(w.code, w.unit, w.service) for w in plan.warnings] == [("broken_redirect", "hc", "a")]


def test_a_broken_redirect_without_mvg_ready_is_unschedulable_with_advice_to_restore_1177(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a", ready=None)], {"hc": {"a": BROKEN}}), tmp_path)
    assert plan.steps == ()
    [item] = plan.unschedulable
    assert item.reason == "no_mvg_equivalent"
    assert "restore the 1177 e-service" in item.message


def test_a_broken_redirect_whose_dependency_cannot_be_enabled_is_unschedulable(tmp_path: Path) -> None:
    plan = checked(Spec([svc("dep"), svc("a", deps=("dep",))], {"hc": {"a": BROKEN}}), tmp_path)
    [item] = plan.unschedulable
    assert (item.service, item.reason) == ("a", "dependency_unavailable")
    assert "restore the 1177 e-service" in item.message


def test_a_broken_redirect_waits_for_its_dependency_a_week(tmp_path: Path) -> None:
    plan = checked(Spec([svc("dep"), svc("a", deps=("dep",))], {"hc": {"a": BROKEN, "dep": MIGRATE}}), tmp_path)
    assert step(plan, "hc", "a", "enable").week == step(plan, "hc", "dep", "enable").week + timedelta(weeks=1)


# --- patient notices -----------------------------------------------------------------------


def test_every_redirect_has_an_inform_patients_step_notice_weeks_before_it(tmp_path: Path) -> None:
    running = {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-01-01")}
    plan = checked(Spec([svc("a"), svc("b")], {"hc": {"a": MIGRATE, "b": running}}, notice=2), tmp_path)
    for service in ("a", "b"):
        have = weeks_of(plan, "hc", service)
        assert have["inform_patients"] == have["redirect"] - timedelta(weeks=2)
        inform = step(plan, "hc", service, "inform_patients")
        assert (inform.channel, inform.binding) == ("1177", "patient_notice")


def test_a_redirect_is_pushed_so_that_its_notice_lies_in_the_plan(tmp_path: Path) -> None:
    running = {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-01-01")}
    plan = checked(Spec([svc("a")], {"hc": {"a": running}}, notice=3), tmp_path)
    assert weeks_of(plan, "hc", "a") == {"inform_patients": W49, "redirect": W52}
    assert step(plan, "hc", "a", "redirect").binding == "patient_notice"


def test_a_migration_redirect_is_pushed_by_a_long_notice(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}, notice=6), tmp_path)
    have = weeks_of(plan, "hc", "a")
    assert have["redirect"] == W49 + timedelta(weeks=6)
    assert have["inform_patients"] == W49
    assert step(plan, "hc", "a", "redirect").binding == "patient_notice"


def test_without_a_notice_policy_there_is_no_inform_patients_step(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}), tmp_path)
    assert "inform_patients" not in {s.action for s in plan.steps}


def test_patient_notices_ignore_blackouts(tmp_path: Path) -> None:
    christmas = {"from": "2026-12-21", "to": "2027-01-03", "reason": "Storhelger"}
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}, notice=1, blackouts=[christmas]), tmp_path)
    have = weeks_of(plan, "hc", "a")
    assert have["redirect"] == W01 and have["inform_patients"] == W53  # W53 is blacked out


def test_inform_patients_appears_in_every_output_format(tmp_path: Path) -> None:
    catalog, plan = plan_for(Spec([svc("a")], {"hc": {"a": MIGRATE}}, notice=2), tmp_path)
    for fmt in ("text", "json", "yaml", "markdown", "csv", "mermaid"):
        text = render(plan, catalog, fmt)
        assert "inform_patients" in text or "inform patients" in text, fmt
    ics = render(plan, catalog, "ics")
    assert "staff put a notice on the unit's page and in 1177" in ics.replace("\r\n ", "")


# --- one home per rule ---------------------------------------------------------------------


def _blackout(first: str, last: str, reason: str | None) -> Blackout:
    return Blackout.model_validate({"from": first, "to": last, "reason": reason})


def test_when_two_blackouts_close_a_week_the_one_that_begins_first_names_it() -> None:
    later = _blackout("2027-01-06", "2027-01-10", "Inventering")
    earlier = _blackout("2027-01-01", "2027-01-06", "Storhelger")
    monday = date(2027, 1, 4)
    assert closing([later, earlier], monday) == "Storhelger"
    assert closing([earlier, later], monday) == "Storhelger"
    assert closed_weeks([later, earlier], monday, 4) == {0: "Storhelger"}


def test_a_blackout_without_a_reason_is_named_by_its_dates() -> None:
    assert closing([_blackout("2027-01-04", "2027-01-05", None)], date(2027, 1, 4)) == "2027-01-04–2027-01-05"


def test_the_explorer_and_the_planner_name_a_week_by_the_same_blackout() -> None:
    import planner.tui.weeks as weeks

    assert weeks.closing is closing  # type: ignore[attr-defined]  # imported there, not exported: that is the point


def test_steps_of_one_unit_in_one_week_follow_the_action_order() -> None:
    assert ACTIONS == ("brief_staff", "enable", "inform_patients", "redirect")

    def at(action: str, service: str) -> Step:
        return Step("hc", service, action, "mvg", W49, W49, "start", "")  # type: ignore[arg-type]

    steps = [at("redirect", "a"), at("inform_patients", "b"), at("enable", "c"), at("brief_staff", "d")]
    assert [s.action for s in sorted(steps, key=reading_order)] == list(ACTIONS)
    assert [s.service for s in sorted(steps, key=plan_order)] == ["a", "b", "c", "d"]


def test_inform_patients_is_a_row_of_the_xlsx_workbook(tmp_path: Path) -> None:
    import io
    import zipfile

    from planner.plan.render.xlsx import render_bytes

    catalog, plan = plan_for(Spec([svc("a")], {"hc": {"a": MIGRATE}}, notice=2), tmp_path)
    with zipfile.ZipFile(io.BytesIO(render_bytes(plan, catalog))) as book:
        xml = "".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml"))
    assert "inform_patients" in xml
