"""The independent verifier catches a broken plan: each rule, broken once on purpose."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from plan_builder import MIGRATE, Spec, off, plan_for, svc
from plan_verifier import Options, verify

from planner.catalog.loader import Catalog
from planner.plan.serialize import plan_to_dict

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, Doc]:
    services = [svc("a"), svc("b", deps=("a",)), svc("i")]
    offerings = {
        "a": MIGRATE,
        "b": MIGRATE,
        "p": {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-01-01")},
    }
    spec = Spec([*services, svc("p")], {"hc": offerings, "hd": {"a": MIGRATE}}, basutbud=["i"], capacity=3, slots=2)
    spec.blackouts = [{"from": "2027-01-20", "to": "2027-01-20", "reason": "Utbildningsdag"}]
    catalog, plan = plan_for(spec, tmp_path_factory.mktemp("verifier"))
    return catalog, plan_to_dict(plan)


def _find(doc: Doc, unit: str, service: str, action: str) -> dict[str, Any]:
    return next(s for s in doc["steps"] if (s["unit"], s["service"], s["action"]) == (unit, service, action))


def _move(unit: str, service: str, action: str, week: str, day: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        _find(doc, unit, service, action).update(week=week, date=day)

    return change


def test_the_unbroken_plan_passes(planned: tuple[Catalog, Doc]) -> None:
    catalog, doc = planned
    assert verify(catalog, Options(as_of=catalog.as_of or catalog.region.plan.start), doc) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_move("hc", "a", "redirect", "2026-W52", "2026-12-21"), "less than 2 weeks after enable"),
        (_move("hc", "b", "enable", "2026-W51", "2026-12-14"), "not a week after its dependency a"),
        (_move("hc", "a", "brief_staff", "2026-W50", "2026-12-07"), "briefing not exactly 2 weeks"),
        (_move("hd", "a", "redirect", "2027-W03", "2027-01-18"), "in a week touched by blackout Utbildningsdag"),
        (_move("hc", "p", "redirect", "2026-W48", "2026-11-23"), "before the plan start"),
        (lambda d: _find(d, "hc", "a", "enable").update(date="2026-12-15"), "not the first Swedish working day"),
        (lambda d: _find(d, "hc", "a", "redirect").update(channel="mvg"), "channel mvg should be 1177"),
        (lambda d: d["steps"].remove(_find(d, "hc", "i", "enable")), "case 3 wants steps"),
        (lambda d: d["steps"].reverse(), "steps are not sorted"),
        (lambda d: d["warnings"].clear(), "missing warning ('parallel_overdue'"),
        (lambda d: d["summary"].update(enables=1), "summary.enables"),
        (lambda d: d["summary"].update(lower_bound_week="2030-W01"), "is after the end"),
        (
            lambda d: d["unschedulable"].append(
                {"unit": "hc", "service": "a", "reason": "beyond_horizon", "message": "x"}
            ),
            "also has steps",
        ),
    ],
    ids=[
        "min-parallel",
        "dependency",
        "briefing",
        "blackout",
        "start",
        "date",
        "channel",
        "missing-step",
        "order",
        "warning",
        "summary",
        "bound",
        "double",
    ],
)
def test_a_broken_rule_is_found(planned: tuple[Catalog, Doc], change: Callable[[Doc], None], expected: str) -> None:
    catalog, doc = planned
    broken = copy.deepcopy(doc)
    change(broken)
    found = verify(catalog, Options(as_of=catalog.as_of), broken)  # type: ignore[arg-type]
    assert any(expected in v for v in found), found


def test_too_many_enables_in_a_week_are_found(planned: tuple[Catalog, Doc]) -> None:
    catalog, doc = planned
    found = verify(catalog, Options(as_of=catalog.as_of, enables_per_week=1), doc)  # type: ignore[arg-type]
    assert any("enables, capacity 1" in v for v in found), found


def test_too_many_parallel_periods_at_a_unit_are_found(planned: tuple[Catalog, Doc]) -> None:
    catalog, doc = planned
    broken = copy.deepcopy(doc)
    # Keep the running parallel p going until 2026-W53: with a and b that is three in W52.
    _find(broken, "hc", "p", "redirect").update(week="2026-W53", date="2026-12-28")
    found = verify(catalog, Options(as_of=catalog.as_of), broken)  # type: ignore[arg-type]
    assert any("services in parallel" in v for v in found), found
