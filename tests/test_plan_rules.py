"""The planner keeps each rule of SPEC §4: one small catalogue per rule.

The default test catalogue starts as of Monday 2026-11-23, so the plan starts 2026-11-30
(2026-W49), briefings lead by two weeks (first enable 2026-W51) and the minimum parallel
period is two weeks. 2026 has 53 ISO weeks, which several tests cross on purpose.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from plan_builder import MIGRATE, Spec, off, plan_for, step, svc, weeks_of
from plan_verifier import Options, verify

from planner.plan.model import Plan
from planner.plan.serialize import plan_to_dict

W49 = date(2026, 11, 30)
W50 = date(2026, 12, 7)
W51 = date(2026, 12, 14)
W52 = date(2026, 12, 21)
W53 = date(2026, 12, 28)
W01 = date(2027, 1, 4)
W02 = date(2027, 1, 11)
W03 = date(2027, 1, 18)
W04 = date(2027, 1, 25)


def checked(spec: Spec, root: Path, **options: object) -> Plan:
    """The plan, after the independent verifier found no violation in it."""
    catalog, plan = plan_for(spec, root, **options)
    opts = Options(as_of=spec.as_of, **options)  # type: ignore[arg-type]
    assert verify(catalog, opts, plan_to_dict(plan)) == []
    return plan


# --- what needs a step ------------------------------------------------------------------


def test_a_migration_gets_a_briefing_an_enable_and_a_redirect(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}), tmp_path)
    assert weeks_of(plan, "hc", "a") == {"brief_staff": W49, "enable": W51, "redirect": W53}
    assert [s.channel for s in plan.steps] == ["mvg", "mvg", "1177"]


def test_a_running_parallel_gets_only_a_redirect(tmp_path: Path) -> None:
    offerings = {"a": {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-01-01")}}
    plan = checked(Spec([svc("a")], {"hc": offerings}), tmp_path)
    assert weeks_of(plan, "hc", "a") == {"redirect": W49}
    assert step(plan, "hc", "a", "redirect").binding == "start"


def test_a_running_parallel_is_redirected_min_weeks_after_mvg_went_live(tmp_path: Path) -> None:
    offerings = {"a": {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-11-25")}}
    plan = checked(Spec([svc("a")], {"hc": offerings}), tmp_path)
    redirect = step(plan, "hc", "a", "redirect")
    assert redirect.week == W50  # went live in 2026-W48, plus two weeks
    assert redirect.binding == "min_parallel"


def test_a_running_parallel_without_since_is_redirected_in_the_first_week(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": {"1177": "active", "mvg": "active"}}}), tmp_path)
    assert weeks_of(plan, "hc", "a") == {"redirect": W49}


def test_a_basutbud_service_missing_in_mvg_is_introduced_with_an_enable_only(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {}}, basutbud=["a"]), tmp_path)
    assert weeks_of(plan, "hc", "a") == {"brief_staff": W49, "enable": W51}


def test_a_retired_basutbud_offering_is_reintroduced(tmp_path: Path) -> None:
    offerings = {"a": {"1177": off("redirect"), "mvg": off("retired", "2026-01-01")}}
    plan = checked(Spec([svc("a")], {"hc": offerings}, basutbud=["a"]), tmp_path)
    assert set(weeks_of(plan, "hc", "a")) == {"brief_staff", "enable"}


def test_a_valid_exemption_means_no_introduction_but_an_expired_one_does_not(tmp_path: Path) -> None:
    def waiver(until: str) -> list[dict[str, str]]:
        return [{"service": "a", "channel": "mvg", "until": until, "reason": "Utrustning saknas"}]

    spec = Spec(
        [svc("a")],
        {"valid": {}, "expired": {}},
        basutbud=["a"],
        exemptions={"valid": waiver("2027-06-30"), "expired": waiver("2026-06-30")},
    )
    plan = checked(spec, tmp_path)
    assert weeks_of(plan, "valid", "a") == {}
    assert set(weeks_of(plan, "expired", "a")) == {"brief_staff", "enable"}


def test_a_service_that_is_not_migrated_gets_no_steps(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a", migrate=False)], {"hc": {"a": MIGRATE}}, basutbud=["a"]), tmp_path)
    assert plan.steps == () and plan.unschedulable == ()


def test_a_service_only_in_mvg_or_only_redirected_needs_nothing(tmp_path: Path) -> None:
    offerings = {"a": {"mvg": "active"}, "b": {"1177": "redirect", "mvg": "active"}, "c": {"1177": "retired"}}
    plan = checked(Spec([svc("a"), svc("b"), svc("c")], {"hc": offerings}), tmp_path)
    assert plan.steps == ()


def test_a_planned_from_date_does_not_constrain_the_plan(tmp_path: Path) -> None:
    offerings = {"a": {"1177": off("active"), "mvg": {"status": "planned", "from": "2027-09-01"}}}
    plan = checked(Spec([svc("a")], {"hc": offerings}), tmp_path)
    assert step(plan, "hc", "a", "enable").week == W51


# --- readiness, lead time, start ----------------------------------------------------------


def test_the_first_enable_is_at_start_plus_lead(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}, lead=3), tmp_path)
    enable = step(plan, "hc", "a", "enable")
    assert enable.week == W52 and enable.binding == "lead_time"
    assert step(plan, "hc", "a", "brief_staff").week == W49


def test_default_start_is_the_first_monday_strictly_after_as_of(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}, as_of=date(2026, 11, 30)), tmp_path)
    assert plan.start_week == date(2026, 12, 7)


def test_a_start_that_is_not_a_monday_begins_the_plan_the_next_week(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}), tmp_path, start=date(2026, 12, 2))
    assert plan.start_week == W50
    assert all(s.date >= date(2026, 12, 2) for s in plan.steps)


def test_no_enable_before_mvg_ready(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a", ready="2027-02-03")], {"hc": {"a": MIGRATE}}), tmp_path)
    enable = step(plan, "hc", "a", "enable")
    # Wednesday 3 February: the week's first working day (Monday 1st) is too early.
    assert enable.week == date(2027, 2, 8) and enable.date == date(2027, 2, 8)
    assert enable.binding == "mvg_ready"
    assert "2027-02-03" in enable.reason


def test_no_mvg_equivalent_is_unschedulable_for_migrations_and_introductions_only(tmp_path: Path) -> None:
    offerings = {"m": MIGRATE, "p": {"1177": "active", "mvg": "active"}}
    spec = Spec([svc("m", ready=None), svc("p", ready=None), svc("i", ready=None)], {"hc": offerings}, basutbud=["i"])
    plan = checked(spec, tmp_path)
    assert [(u.service, u.reason) for u in plan.unschedulable] == [
        ("i", "no_mvg_equivalent"),
        ("m", "no_mvg_equivalent"),
    ]
    assert weeks_of(plan, "hc", "p") == {"redirect": W49}
    assert "mvg_ready" in plan.unschedulable[0].message


def test_the_date_is_the_first_swedish_working_day_of_the_week(tmp_path: Path) -> None:
    # Easter Monday 2027 is 29 March: the enable of that week is dated Tuesday.
    plan = checked(Spec([svc("a", ready="2027-03-29")], {"hc": {"a": MIGRATE}}), tmp_path)
    enable = step(plan, "hc", "a", "enable")
    assert (enable.week, enable.date) == (date(2027, 3, 29), date(2027, 3, 30))


# --- dependencies ------------------------------------------------------------------------


def test_a_dependency_is_enabled_at_least_a_week_before_its_dependent(tmp_path: Path) -> None:
    spec = Spec([svc("base"), svc("top", deps=("base",))], {"hc": {"base": MIGRATE, "top": MIGRATE}})
    plan = checked(spec, tmp_path)
    assert step(plan, "hc", "base", "enable").week == W51
    top = step(plan, "hc", "top", "enable")
    assert top.week == W52 and top.binding == "dependency"
    assert top.reason == "after Base at this unit"


def test_a_dependency_already_active_in_mvg_does_not_hold_back(tmp_path: Path) -> None:
    offerings = {"base": {"mvg": "active"}, "top": MIGRATE}
    plan = checked(Spec([svc("base"), svc("top", deps=("base",))], {"hc": offerings}), tmp_path)
    assert step(plan, "hc", "top", "enable").week == W51


def test_a_dependency_neither_active_nor_enabled_makes_it_dependency_unavailable(tmp_path: Path) -> None:
    offerings = {"base": {"1177": "retired"}, "top": MIGRATE}
    plan = checked(Spec([svc("base"), svc("top", deps=("base",))], {"hc": offerings}), tmp_path)
    assert [(u.service, u.reason) for u in plan.unschedulable] == [("top", "dependency_unavailable")]
    assert "Base" in plan.unschedulable[0].message and "hc.yaml" in plan.unschedulable[0].message
    assert plan.steps == ()


def test_a_task_whose_dependency_is_unschedulable_is_dependency_unavailable_too(tmp_path: Path) -> None:
    services = [svc("base", ready=None), svc("mid", deps=("base",)), svc("top", deps=("mid",))]
    offerings = {"base": MIGRATE, "mid": MIGRATE, "top": MIGRATE}
    plan = checked(Spec(services, {"hc": offerings}), tmp_path)
    assert [(u.service, u.reason) for u in plan.unschedulable] == [
        ("base", "no_mvg_equivalent"),
        ("mid", "dependency_unavailable"),
        ("top", "dependency_unavailable"),
    ]


# --- capacity and priority ---------------------------------------------------------------


def test_no_more_enables_in_a_week_than_the_capacity(tmp_path: Path) -> None:
    units = {f"hc-{n}": {"a": MIGRATE} for n in range(5)}
    plan = checked(Spec([svc("a")], units, capacity=2), tmp_path)
    enables = [s.week for s in plan.steps if s.action == "enable"]
    assert enables == [W51, W51, W52, W52, W53]
    late = next(s for s in plan.steps if s.action == "enable" and s.week == W53)
    assert late.binding == "capacity"
    assert late.reason.startswith("capacity full in v. 51–52 (2026)")


def test_lower_priority_goes_first_when_capacity_binds(tmp_path: Path) -> None:
    services = [svc("a", priority=100), svc("b", priority=10)]
    plan = checked(Spec(services, {"hc": {"a": MIGRATE, "b": MIGRATE}}, capacity=1), tmp_path)
    assert step(plan, "hc", "b", "enable").week == W51
    assert step(plan, "hc", "a", "enable").week == W52


def test_priority_yields_when_honouring_it_would_end_the_plan_later(tmp_path: Path) -> None:
    # One enable a week. "solo" (an introduction, no redirect) has the better priority, but
    # taking it first would push the three-link chain, and so the plan's end, a week later.
    services = [
        svc("chain", priority=100),
        svc("chain-2", priority=100, deps=("chain",)),
        svc("chain-3", priority=100, deps=("chain-2",)),
        svc("solo", priority=1),
    ]
    offerings = {s: MIGRATE for s in ("chain", "chain-2", "chain-3")}
    plan = checked(Spec(services, {"hc": offerings}, basutbud=["solo"], capacity=1), tmp_path)
    assert [step(plan, "hc", s, "enable").week for s in ("chain", "chain-2", "chain-3", "solo")] == [W51, W52, W53, W01]
    assert plan.end_week == plan.lower_bound_week == W02


# --- parallel slots per unit -----------------------------------------------------------


def test_no_more_services_in_parallel_at_a_unit_than_the_limit(tmp_path: Path) -> None:
    offerings = {s: MIGRATE for s in ("a", "b", "c")}
    plan = checked(Spec([svc("a"), svc("b"), svc("c")], {"hc": offerings}, slots=2), tmp_path)
    enables = sorted(s.week for s in plan.steps if s.action == "enable")
    assert enables == [W51, W51, W53]
    third = next(s for s in plan.steps if s.action == "enable" and s.week == W53)
    assert third.binding == "unit_parallel_limit"


def test_running_parallels_over_the_limit_hold_back_enables_until_redirected(tmp_path: Path) -> None:
    running = {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-11-25")}  # redirect W50
    offerings = {"p1": running, "p2": running, "p3": running, "a": MIGRATE}
    services = [svc(s) for s in ("p1", "p2", "p3", "a")]
    plan = checked(Spec(services, {"hc": offerings}, slots=2, lead=0), tmp_path)
    # The three running parallels hold the unit (over its limit of two) until they are
    # redirected in W50, so the migration may not begin before then.
    assert step(plan, "hc", "a", "enable").week == W50
    assert step(plan, "hc", "a", "enable").binding == "unit_parallel_limit"


def test_an_introduction_takes_no_parallel_slot(tmp_path: Path) -> None:
    offerings = {"a": MIGRATE, "b": MIGRATE}
    spec = Spec([svc("a"), svc("b"), svc("i")], {"hc": offerings}, basutbud=["i"], slots=2)
    plan = checked(spec, tmp_path)
    assert {s.week for s in plan.steps if s.action == "enable"} == {W51}


# --- blackouts ---------------------------------------------------------------------------

JUL = {"from": "2026-12-21", "to": "2027-01-06", "reason": "Storhelger"}


def test_no_enable_in_a_week_touching_a_region_blackout(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a", ready="2026-12-21")], {"hc": {"a": MIGRATE}}, blackouts=[JUL]), tmp_path)
    enable = step(plan, "hc", "a", "enable")
    assert enable.week == W02  # 6 January is a Wednesday, so 2027-W01 is touched too
    assert enable.binding == "blackout" and "Storhelger" in enable.reason


def test_no_enable_in_a_week_touching_a_unit_blackout(tmp_path: Path) -> None:
    move = {"from": "2026-12-13", "to": "2026-12-14", "reason": "Flytt till nya lokaler"}  # Sunday–Monday
    spec = Spec([svc("a")], {"hc": {"a": MIGRATE}, "other": {"a": MIGRATE}}, unit_blackouts={"hc": [move]})
    plan = checked(spec, tmp_path)
    assert step(plan, "other", "a", "enable").week == W51
    enable = step(plan, "hc", "a", "enable")
    assert enable.week == W52
    assert enable.binding == "blackout" and "Flytt till nya lokaler" in enable.reason


def test_a_redirect_comes_at_least_min_weeks_after_its_enable(tmp_path: Path) -> None:
    for minimum in (0, 1, 3):
        plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}, min_parallel=minimum), tmp_path / str(minimum))
        e, r = step(plan, "hc", "a", "enable"), step(plan, "hc", "a", "redirect")
        assert (r.week - e.week).days == 7 * minimum
        assert r.binding == "min_parallel"
        assert r.reason == f"{minimum} week{'s' if minimum != 1 else ''} after enable (minimum parallel period)"


def test_a_redirect_a_blackout_forbids_moves_to_the_first_allowed_week_after(tmp_path: Path) -> None:
    # No week to enable without the redirect landing in the blackout: it must be stretched.
    summer = {"from": "2026-12-21", "to": "2027-02-28", "reason": "Sommarperiod"}
    spec = Spec([svc("a")], {"hc": {"a": MIGRATE}}, blackouts=[summer], horizon=20)
    plan = checked(spec, tmp_path)
    e, r = step(plan, "hc", "a", "enable"), step(plan, "hc", "a", "redirect")
    assert e.week == W51
    assert r.week == date(2027, 3, 1) and r.binding == "blackout"
    assert r.reason.startswith("blackout Sommarperiod")


def test_a_parallel_period_is_not_stretched_over_a_blackout_when_waiting_costs_nothing(tmp_path: Path) -> None:
    # The plan ends in 2027-W05 anyway (b is ready late), so a need not run over Christmas.
    services = [svc("a"), svc("b", ready="2027-01-18")]
    spec = Spec(services, {"hc": {"a": MIGRATE, "b": MIGRATE}}, blackouts=[JUL])
    plan = checked(spec, tmp_path)
    e, r = step(plan, "hc", "a", "enable"), step(plan, "hc", "a", "redirect")
    assert (r.week - e.week).days == 14


def test_a_briefing_is_lead_weeks_before_its_enable_even_in_a_blackout(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a", ready="2027-01-11")], {"hc": {"a": MIGRATE}}, blackouts=[JUL]), tmp_path)
    brief = step(plan, "hc", "a", "brief_staff")
    assert brief.week == W53 and brief.binding == "lead_time"
    assert brief.reason == "2 weeks before the enable in v. 2 (2027)"


# --- horizon ---------------------------------------------------------------------------------


def test_nothing_is_planned_at_or_after_the_end_of_the_horizon(tmp_path: Path) -> None:
    services = [svc("a"), svc("late", ready="2027-06-01"), svc("after", deps=("late",))]
    offerings = {"a": MIGRATE, "late": MIGRATE, "after": MIGRATE}
    plan = checked(Spec(services, {"hc": offerings}, horizon=10), tmp_path)
    assert [(u.service, u.reason) for u in plan.unschedulable] == [
        ("after", "dependency_unavailable"),
        ("late", "beyond_horizon"),
    ]
    assert "horizon_weeks" in plan.unschedulable[1].message


def test_a_migration_whose_redirect_would_fall_beyond_the_horizon_is_not_begun(tmp_path: Path) -> None:
    # Week 3 is the last usable one (W49 + 3 = W52); enabling in W51 needs a redirect in W53.
    plan = checked(Spec([svc("a")], {"hc": {"a": MIGRATE}}, horizon=4), tmp_path)
    assert plan.steps == ()
    assert [u.reason for u in plan.unschedulable] == ["beyond_horizon"]


# --- warnings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offerings", "code", "severity"),
    [
        ({"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-09-01")}, "parallel_overdue", "warning"),
        ({"1177": off("active"), "mvg": off("active", "2026-11-01")}, "parallel_undated", "warning"),
        ({"1177": off("redirect", "2026-01-01"), "mvg": off("planned")}, "broken_redirect", "error"),
        ({"1177": off("redirect", "2026-01-01")}, "broken_redirect", "error"),
    ],
    ids=["overdue", "undated", "redirect-to-planned", "redirect-to-nothing"],
)
def test_the_catalogue_state_is_warned_about(
    tmp_path: Path, offerings: dict[str, object], code: str, severity: str
) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": offerings}}), tmp_path)
    assert [(w.code, w.severity, w.unit, w.service) for w in plan.warnings] == [(code, severity, "hc", "a")]


def test_a_parallel_period_of_exactly_max_weeks_is_not_overdue(tmp_path: Path) -> None:
    offerings = {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-09-28")}  # 56 days before as_of
    plan = checked(Spec([svc("a")], {"hc": {"a": offerings}}), tmp_path)
    assert plan.warnings == ()


def test_a_planned_parallel_period_longer_than_max_is_warned_about(tmp_path: Path) -> None:
    long_summer = {"from": "2026-12-21", "to": "2027-03-07", "reason": "Sommarperiod"}
    spec = Spec([svc("a")], {"hc": {"a": MIGRATE}}, blackouts=[long_summer], max_parallel=4, horizon=20)
    plan = checked(spec, tmp_path)
    assert [w.code for w in plan.warnings] == ["parallel_exceeds_max"]


# --- options and summary ---------------------------------------------------------------------


def test_options_override_the_policy_and_are_recorded(tmp_path: Path) -> None:
    units = {f"hc-{n}": {"a": MIGRATE} for n in range(4)}
    plan = checked(
        Spec([svc("a")], units, capacity=1), tmp_path, enables_per_week=4, parallel_min=3, start=date(2026, 12, 7)
    )
    assert {s.week for s in plan.steps if s.action == "enable"} == {W52}
    assert {s.week for s in plan.steps if s.action == "redirect"} == {date(2027, 1, 11)}
    assert plan.overrides == {
        "plan.start": "default → 2026-12-07",
        "capacity.enables_per_week": "1 → 4",
        "parallel_weeks.min": "2 → 3",
    }


def test_the_lower_bound_never_lies_after_the_end(tmp_path: Path) -> None:
    units = {f"hc-{n}": {"a": MIGRATE, "b": MIGRATE} for n in range(6)}
    plan = checked(Spec([svc("a"), svc("b", deps=("a",))], units, capacity=3, blackouts=[JUL]), tmp_path)
    assert plan.lower_bound_week is not None and plan.end_week is not None
    assert plan.lower_bound_week <= plan.end_week


def test_an_empty_plan_has_no_end_and_no_bound(tmp_path: Path) -> None:
    plan = checked(Spec([svc("a")], {"hc": {"a": {"mvg": "active"}}}), tmp_path)
    assert plan.end_week is None and plan.lower_bound_week is None


def test_on_a_very_large_problem_the_one_at_a_time_rankings_are_skipped_but_never_all_of_them(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date as day

    from planner.catalog.loader import load_catalog
    from planner.plan import scheduler
    from planner.plan.model import PlanOptions
    from planner.plan.tasks import build_problem

    catalog = load_catalog(mini).catalog
    assert catalog is not None
    problem = build_problem(catalog, PlanOptions(as_of=day(2026, 11, 23)))
    monkeypatch.setattr(scheduler, "SERIAL_MAX_TASKS", 0)  # every problem counts as very large
    ranks = {r.name: r for r in scheduler.RANKINGS}
    mixed = (ranks["priority-only"], ranks["serial-priority"], ranks["serial-unit"])
    assert [name for name, *_ in scheduler.solve(problem, mixed).tried] == ["priority-only"]
    only_serial = (ranks["serial-priority"], ranks["serial-unit"])
    assert [name for name, *_ in scheduler.solve(problem, only_serial).tried] == ["serial-priority"]
