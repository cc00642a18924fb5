"""An independent check of a plan's JSON (SPEC §4) against the catalogue it was made from.

It shares no code with the planner beyond the catalogue loader's models: what needs a step,
week arithmetic, working days and blackouts are worked out again here, from the contract's
words, so a bug in the planner cannot hide behind the same bug in its check. `verify`
returns every violation found as a sentence (an empty list: the plan keeps every rule).

The v2 additions are checked too: the rolling start (never a step before the week of the first
Monday after as_of), case 5 (a broken redirect gets an urgent enable, before every other
enable when capacity binds) and the patient notice (`inform_patients` N weeks before each
redirect, inside the plan).

Where the contract leaves a choice to the implementation, the checks follow the planner's
documented choice: parallel warnings for every service (`migrate: false` too); a plan start
after the first working day of its week begins the plan in the following week;
`parallel_exceeds_max` only for periods the plan itself opens (enable and redirect both in
the plan).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import holidays

from planner.catalog.loader import Catalog

BINDINGS = {
    "start",
    "dependency",
    "mvg_ready",
    "capacity",
    "unit_parallel_limit",
    "blackout",
    "min_parallel",
    "lead_time",
    "patient_notice",
}
ACTIONS = ("brief_staff", "enable", "inform_patients", "redirect")
TOP_KEYS = ["schema_version", "as_of", "start_week", "catalog_digest", "steps", "unschedulable", "warnings", "summary"]
STEP_KEYS = ["unit", "service", "action", "channel", "week", "date", "binding", "reason"]
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
AFTNAR = {(12, 24), (12, 31)}  # julafton, nyårsafton; midsommarafton is the Friday before midsommardagen


@dataclass(frozen=True)
class Options:
    """What the plan was asked for (PlanOptions, restated so the verifier stands alone)."""

    as_of: date
    start: date | None = None
    enables_per_week: int | None = None
    parallel_min: int | None = None


@cache
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("SE", years=year, categories=("public",)).keys())


def _is_afton(d: date) -> bool:
    if (d.month, d.day) in AFTNAR:
        return True
    # Midsommarafton: the Friday between 19 and 25 June.
    return d.month == 6 and 19 <= d.day <= 25 and d.weekday() == 4


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week_label(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _parse_week(label: Any) -> date | None:
    if not isinstance(label, str):
        return None
    m = WEEK.match(label)
    if not m:
        return None
    try:
        return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return None


def _touches(monday: date, first: date, last: date) -> bool:
    return first <= monday + timedelta(days=6) and monday <= last


def _date_ok(monday: date, day: date) -> bool:
    """`day` is a working day of the week and every weekday before it is a holiday or afton."""
    if _monday(day) != monday or day.weekday() > 4 or day in _public_holidays(day.year):
        return False
    d = monday
    while d < day:
        if d not in _public_holidays(d.year) and not _is_afton(d):
            return False
        d += timedelta(days=1)
    return True


def _first_day(monday: date) -> date:
    """The date of the week of `monday`: its first working day."""
    return next(monday + timedelta(days=k) for k in range(5) if _date_ok(monday, monday + timedelta(days=k)))


def _status(catalog: Catalog, unit: str, service: str, channel: str) -> str | None:
    offering = catalog.unit_by_id[unit].offerings.get(service, {}).get(channel)
    return None if offering is None else offering.status


def expected_cases(catalog: Catalog, as_of: date) -> dict[tuple[str, str], int]:
    """SPEC §4 'What needs a step': case 1, 2, 3 or 5 per (unit, service); absent means none."""
    legacy, target = catalog.region.legacy, catalog.region.target
    required = {r.service for r in catalog.basutbud.required if r.channel == target}
    cases: dict[tuple[str, str], int] = {}
    for unit in catalog.units:
        exempt = {e.service for e in unit.exemptions if e.channel == target and e.until >= as_of}
        for service in catalog.services:
            if not service.migrate:
                continue
            old = _status(catalog, unit.id, service.id, legacy)
            new = _status(catalog, unit.id, service.id, target)
            if old == "redirect" and new != "active":
                cases[(unit.id, service.id)] = 5
            elif old == "active" and new != "active":
                cases[(unit.id, service.id)] = 1
            elif old == "active":
                cases[(unit.id, service.id)] = 2
            elif new != "active" and service.id in required and service.id not in exempt:
                cases[(unit.id, service.id)] = 3
    return cases


def verify(catalog: Catalog, options: Options, plan: dict[str, Any]) -> list[str]:
    v: list[str] = []
    region, policy = catalog.region, catalog.region.policy
    legacy, target = region.legacy, region.target
    as_of = options.as_of
    cap = options.enables_per_week or policy.capacity.enables_per_week
    minimum = policy.parallel_weeks.min if options.parallel_min is None else options.parallel_min
    maximum = policy.parallel_weeks.max
    slots = policy.capacity.parallel_per_unit
    lead = policy.briefing_lead_weeks
    notice = policy.patient_notice_weeks
    horizon = region.plan.horizon_weeks
    next_monday = as_of + timedelta(days=7 - as_of.weekday())
    start = options.start or region.plan.start or next_monday
    # The plan's first week is the week of start unless that week's date (its first working
    # day) lies before start: a start on Tuesday after a Monday holiday keeps its week.
    start_week = _monday(start)
    if _first_day(start_week) < start:
        start_week += timedelta(weeks=1)
    # The rolling start: never before the week of the first Monday strictly after as_of.
    start_week = max(start_week, next_monday)
    notice_floor = start_week + timedelta(weeks=notice)  # the earliest redirect with its notice in the plan
    horizon_end = start_week + timedelta(weeks=horizon)  # first Monday not usable

    if list(plan) != TOP_KEYS:
        v.append(f"top-level keys {list(plan)} are not {TOP_KEYS}")
    if plan.get("schema_version") != 1:
        v.append("schema_version is not 1")
    if plan.get("as_of") != as_of.isoformat():
        v.append(f"as_of {plan.get('as_of')} is not {as_of}")
    if plan.get("catalog_digest") != catalog.digest:
        v.append("catalog_digest differs from the catalogue's")
    if plan.get("start_week") != _week_label(start_week):
        v.append(f"start_week {plan.get('start_week')} is not {_week_label(start_week)}")

    def blocked(unit: str, monday: date) -> str | None:
        for b in [*policy.blackouts, *catalog.unit_by_id[unit].blackouts]:
            if _touches(monday, b.from_, b.to):
                return b.reason or "blackout"
        return None

    def first_allowed(unit: str, monday: date) -> date:
        while blocked(unit, monday) is not None and monday < horizon_end + timedelta(weeks=60):
            monday += timedelta(weeks=1)
        return monday

    cases = expected_cases(catalog, as_of)
    steps: dict[tuple[str, str], dict[str, date]] = defaultdict(dict)
    sort_keys = []
    for n, s in enumerate(plan.get("steps", [])):
        where = f"step {n} ({s.get('unit')}/{s.get('service')}/{s.get('action')})"
        if list(s) != STEP_KEYS:
            v.append(f"{where}: keys {list(s)} are not {STEP_KEYS}")
            continue
        monday = _parse_week(s["week"])
        if monday is None:
            v.append(f"{where}: week {s['week']!r} is not an ISO week")
            continue
        try:
            day = date.fromisoformat(s["date"])
        except (TypeError, ValueError):
            v.append(f"{where}: date {s['date']!r} is not a date")
            continue
        if not _date_ok(monday, day):
            v.append(f"{where}: date {day} is not the first Swedish working day of {s['week']}")
        if s["action"] not in ACTIONS:
            v.append(f"{where}: unknown action")
            continue
        if s["binding"] not in BINDINGS:
            v.append(f"{where}: unknown binding {s['binding']!r}")
        if not isinstance(s["reason"], str) or not s["reason"].strip():
            v.append(f"{where}: no reason")
        want_channel = legacy if s["action"] in ("redirect", "inform_patients") else target
        if s["channel"] != want_channel:
            v.append(f"{where}: channel {s['channel']} should be {want_channel}")
        if monday < start_week or day < start:
            v.append(f"{where}: before the plan start {start}")
        if monday >= horizon_end:
            v.append(f"{where}: at or after the end of the horizon")
        key = (s["unit"], s["service"])
        if s["action"] in steps[key]:
            v.append(f"{where}: a second {s['action']} for the same unit and service")
        steps[key][s["action"]] = monday
        if s["action"] in ("enable", "redirect") and blocked(s["unit"], monday) is not None:
            v.append(f"{where}: in a week touched by blackout {blocked(s['unit'], monday)}")
        if s["action"] == "brief_staff" and s["binding"] != "lead_time":
            v.append(f"{where}: a briefing's binding is lead_time")
        if s["action"] == "inform_patients" and s["binding"] != "patient_notice":
            v.append(f"{where}: a patient notice's binding is patient_notice")
        sort_keys.append((monday, s["unit"], s["service"], ACTIONS.index(s["action"])))
    if sort_keys != sorted(sort_keys):
        v.append("steps are not sorted by week, unit, service, action")

    unschedulable: dict[tuple[str, str], str] = {}
    for u in plan.get("unschedulable", []):
        key = (u["unit"], u["service"])
        if key in unschedulable:
            v.append(f"unschedulable {key} listed twice")
        unschedulable[key] = u["reason"]
        if not u.get("message"):
            v.append(f"unschedulable {key} has no message")
        if key in steps:
            v.append(f"unschedulable {key} also has steps")
    if [(u["unit"], u["service"]) for u in plan.get("unschedulable", [])] != sorted(unschedulable):
        v.append("unschedulable items are not sorted by unit, service")

    # Steps per case, and the rules of each kind of step.
    for key in sorted(set(steps) | set(unschedulable) | set(cases)):
        unit, service = key
        case = cases.get(key)
        have = steps.get(key, {})
        svc = catalog.service_by_id.get(service)
        if case is None:
            if have or key in unschedulable:
                v.append(f"{key}: needs no step (case 4 or migrate: false) but the plan has some")
            continue
        assert svc is not None
        want = {
            1: {"brief_staff", "enable", "redirect"},
            2: {"redirect"},
            3: {"brief_staff", "enable"},
            5: {"brief_staff", "enable"},
        }[case]
        if notice > 0 and "redirect" in want:
            want.add("inform_patients")
        if key in unschedulable:
            reason = unschedulable[key]
            if reason == "no_mvg_equivalent" and (case == 2 or svc.mvg_ready is not None):
                v.append(f"{key}: no_mvg_equivalent, but mvg_ready is {svc.mvg_ready} (case {case})")
            if case in (1, 3, 5) and svc.mvg_ready is None and reason != "no_mvg_equivalent":
                v.append(f"{key}: mvg_ready is null, so it is no_mvg_equivalent, not {reason}")
            if reason == "dependency_unavailable":
                ok = False
                for dep in svc.depends_on:
                    if _status(catalog, unit, dep, target) == "active":
                        continue
                    if "enable" not in steps.get((unit, dep), {}):
                        ok = True
                if not ok:
                    v.append(f"{key}: dependency_unavailable, but every dependency is active or enabled")
            if reason == "beyond_horizon" and case in (1, 3, 5):
                for dep in svc.depends_on:
                    dep_missing = _status(catalog, unit, dep, target) != "active" and "enable" not in steps.get(
                        (unit, dep), {}
                    )
                    if dep_missing:
                        v.append(f"{key}: beyond_horizon, but its dependency {dep} is not available at all")
            continue
        if set(have) != want:
            v.append(f"{key}: case {case} wants steps {sorted(want)}, the plan has {sorted(have)}")
            continue
        if (
            "redirect" in have
            and notice > 0
            and have.get("inform_patients") != have["redirect"] - timedelta(weeks=notice)
        ):
            v.append(f"{key}: patients not told exactly {notice} weeks before the redirect")
        if case in (1, 3, 5):
            e = have["enable"]
            if svc.mvg_ready is None:
                v.append(f"{key}: enabled without an MVG equivalent")
            else:
                day = next(
                    date.fromisoformat(s["date"])
                    for s in plan["steps"]
                    if (s["unit"], s["service"], s["action"]) == (unit, service, "enable")
                )
                if day < svc.mvg_ready:
                    v.append(f"{key}: enabled {day}, before mvg_ready {svc.mvg_ready}")
            if have["brief_staff"] != e - timedelta(weeks=lead):
                v.append(f"{key}: briefing not exactly {lead} weeks before the enable")
            for dep in svc.depends_on:
                if _status(catalog, unit, dep, target) == "active":
                    continue
                de = steps.get((unit, dep), {}).get("enable")
                if de is None:
                    v.append(f"{key}: enabled, but dependency {dep} is neither active nor enabled")
                elif de + timedelta(weeks=1) > e:
                    v.append(f"{key}: enabled {e}, not a week after its dependency {dep} ({de})")
        if case == 1:
            e, r = have["enable"], have["redirect"]
            if r < e + timedelta(weeks=minimum):
                v.append(f"{key}: redirect {r} less than {minimum} weeks after enable {e}")
            if r != first_allowed(unit, max(e + timedelta(weeks=minimum), notice_floor)):
                v.append(f"{key}: redirect {r} is not the first allowed week from enable + min (and the notice)")
        if case == 2:
            r = have["redirect"]
            since = catalog.unit_by_id[unit].offerings[service][target].since
            floor = start_week if since is None else max(start_week, _monday(since) + timedelta(weeks=minimum))
            floor = max(floor, notice_floor)
            if r != first_allowed(unit, floor):
                v.append(f"{key}: running parallel redirected {r}, not at the first allowed week from {floor}")

    # Capacity, region-wide.
    per_week = Counter(have["enable"] for have in steps.values() if "enable" in have)
    for monday, count in sorted(per_week.items()):
        if count > cap:
            v.append(f"{_week_label(monday)}: {count} enables, capacity {cap}")

    # Case 5 is urgent: each repair lies in the earliest week its own constraints allow,
    # unless other repairs fill that week's capacity.
    repairs_per_week = Counter(
        have["enable"] for key, have in steps.items() if cases.get(key) == 5 and "enable" in have
    )
    for (unit, service), case in sorted(cases.items()):
        have = steps.get((unit, service), {})
        if case != 5 or "enable" not in have:
            continue
        svc = catalog.service_by_id[service]
        floor = start_week + timedelta(weeks=lead)
        if svc.mvg_ready is not None:
            ready = _monday(svc.mvg_ready)
            if _first_day(ready) < svc.mvg_ready:
                ready += timedelta(weeks=1)
            floor = max(floor, ready)
        for dep in svc.depends_on:
            de = steps.get((unit, dep), {}).get("enable")
            if de is not None:
                floor = max(floor, de + timedelta(weeks=1))
        w = floor
        while w < have["enable"]:
            if blocked(unit, w) is None and repairs_per_week[w] < cap:
                v.append(f"{unit}/{service}: urgent repair enabled {have['enable']}, but {_week_label(w)} had room")
                break
            w += timedelta(weeks=1)

    # Parallel slots per unit, counting running parallels from the start to their redirect.
    by_unit: dict[str, list[tuple[date, date, bool]]] = defaultdict(list)
    for (unit, service), case in cases.items():
        have = steps.get((unit, service), {})
        if case == 1 and "enable" in have:
            by_unit[unit].append((have["enable"], have["redirect"], True))
        elif case == 2:
            by_unit[unit].append((start_week, have.get("redirect", horizon_end + timedelta(weeks=1)), False))

    def by_unit_periods(unit: str) -> list[tuple[date, date, bool]]:
        return by_unit.get(unit, [])

    for unit, periods in sorted(by_unit.items()):
        for e, r, planned in periods:
            if not planned:
                continue
            w = e
            while w < r:
                count = sum(1 for a, b, _ in periods if a <= w < b)
                if count > slots:
                    v.append(f"{unit}: {count} services in parallel in {_week_label(w)} (limit {slots})")
                    break
                w += timedelta(weeks=1)

    # Bindings: the constraint named must really stand right before the step.
    enabled_per_week = Counter(have["enable"] for have in steps.values() if "enable" in have)
    for s in plan.get("steps", []):
        monday = _parse_week(s.get("week"))
        key = (s.get("unit"), s.get("service"))
        if monday is None or key not in cases or s.get("action") not in ("enable", "redirect"):
            continue
        unit, service = key
        svc = catalog.service_by_id[service]
        binding, before = s["binding"], monday - timedelta(weeks=1)
        problem = None
        if s["action"] == "enable":
            if binding == "lead_time" and monday != start_week + timedelta(weeks=lead):
                problem = "is not start + lead"
            elif binding == "start" and monday != start_week:
                problem = "is not the first week"
            elif binding == "mvg_ready" and (svc.mvg_ready is None or _monday(svc.mvg_ready) < before):
                problem = f"is not the first week from mvg_ready {svc.mvg_ready}"
            elif binding == "dependency" and not any(
                steps.get((unit, d), {}).get("enable") == before for d in svc.depends_on
            ):
                problem = "does not follow a dependency's enable"
            elif binding == "capacity" and enabled_per_week.get(before, 0) < cap:
                problem = "follows a week that was not full"
            elif binding == "unit_parallel_limit" and (
                sum(1 for a, b, _ in by_unit_periods(unit) if a <= before < b) < slots
            ):
                problem = "follows a week with a free parallel slot"
            elif binding == "blackout" and not (
                blocked(unit, before) or blocked(unit, max(before + timedelta(weeks=minimum), notice_floor))
            ):
                problem = "follows a week no blackout touches (nor its redirect)"
        else:
            enable = steps[key].get("enable")
            if binding == "min_parallel" and enable is not None and monday != enable + timedelta(weeks=minimum):
                problem = "is not enable + min"
            elif binding == "blackout" and not blocked(unit, before):
                problem = "follows a week no blackout touches"
            elif binding == "start" and monday != start_week:
                problem = "is not the first week"
            elif binding == "patient_notice" and monday != notice_floor:
                problem = "is not the first week whose notice lies in the plan"
        if problem:
            v.append(f"{unit}/{service}/{s['action']} in {s['week']}: binding {binding} {problem}")

    # Warnings.
    expected: set[tuple[str, str, str, str]] = set()
    for entry in catalog.units:
        for service, channels in entry.offerings.items():
            old, new = channels.get(legacy), channels.get(target)
            if old is not None and old.status == "redirect" and (new is None or new.status != "active"):
                expected.add(("broken_redirect", "error", entry.id, service))
            if old is None or new is None:
                continue
            if old.status == "active" and new.status == "active":
                if old.since is None or new.since is None:
                    expected.add(("parallel_undated", "warning", entry.id, service))
                elif (as_of - max(old.since, new.since)).days > 7 * maximum:
                    expected.add(("parallel_overdue", "warning", entry.id, service))
    for (unit, service), have in steps.items():
        planned_period = cases.get((unit, service)) == 1 and "redirect" in have and "enable" in have
        if planned_period and (have["redirect"] - have["enable"]).days > 7 * maximum:
            expected.add(("parallel_exceeds_max", "warning", unit, service))
    got = [(w["code"], w["severity"], w["unit"], w["service"]) for w in plan.get("warnings", [])]
    if len(got) != len(set(got)):
        v.append("a warning is listed twice")
    for missing in sorted(expected - set(got)):
        v.append(f"missing warning {missing}")
    for extra in sorted(set(got) - expected):
        v.append(f"unexpected warning {extra}")
    if [(w[2], w[3]) for w in got] != sorted((w[2], w[3]) for w in got):
        v.append("warnings are not sorted by unit, service")
    if any(not w.get("message") for w in plan.get("warnings", [])):
        v.append("a warning has no message")

    # Summary.
    summary = plan.get("summary", {})
    all_steps = plan.get("steps", [])
    if summary.get("enables") != sum(1 for s in all_steps if s["action"] == "enable"):
        v.append("summary.enables does not count the enables")
    if summary.get("redirects") != sum(1 for s in all_steps if s["action"] == "redirect"):
        v.append("summary.redirects does not count the redirects")
    last = max((_parse_week(s["week"]) or date.min for s in all_steps), default=None)
    if summary.get("end_week") != (plan.get("start_week") if last is None else _week_label(last)):
        v.append(f"summary.end_week {summary.get('end_week')} is not the last step's week")
    bound = _parse_week(summary.get("lower_bound_week"))
    if last is not None and (bound is None or bound > last):
        v.append(f"lower_bound_week {summary.get('lower_bound_week')} is after the end {_week_label(last)}")
    return v
