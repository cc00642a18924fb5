"""Acceptance tests for `mvgplan plan`: an independent verifier of SPEC §4 and a naive greedy.

Everything in this file is written from the contract (SPEC §4), not from the planner's code:
it reads the catalogue with plain PyYAML, dates weeks with its own table of Swedish public
holidays, and checks every hard rule of the plan on the JSON that `mvgplan plan --format json`
prints. A second, deliberately naive list scheduler gives a makespan the planner must match or
beat. The catalogues are the shipped one, the test fixtures, generated ones and small
hand-made ones that each corner one rule.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MVGPLAN = [sys.executable, "-m", "planner"]

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
SEVERITY = {
    "parallel_overdue": "warning",
    "parallel_undated": "warning",
    "parallel_exceeds_max": "warning",
    "broken_redirect": "error",
}
REASONS = {"no_mvg_equivalent", "dependency_unavailable", "beyond_horizon"}
TOP_KEYS = ["schema_version", "as_of", "start_week", "catalog_digest", "steps", "unschedulable", "warnings", "summary"]
STEP_KEYS = {"unit", "service", "action", "channel", "week", "date", "binding", "reason"}
UNSCHEDULABLE_KEYS = {"unit", "service", "reason", "message"}
WARNING_KEYS = {"code", "severity", "unit", "service", "message"}
SUMMARY_KEYS = {"enables", "redirects", "end_week", "lower_bound_week"}
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


# --------------------------------------------------------------------------------------
# Swedish calendar (lag 1989:253 om allmänna helgdagar), written out here on purpose.


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _saturday_between(first: date) -> date:
    return first + timedelta(days=(5 - first.weekday()) % 7)


@cache
def public_holidays(year: int) -> frozenset[date]:
    e = easter(year)
    midsommardagen = _saturday_between(date(year, 6, 20))
    alla_helgons = _saturday_between(date(year, 10, 31))
    return frozenset(
        {
            date(year, 1, 1),
            date(year, 1, 6),
            e - timedelta(days=2),
            e,
            e + timedelta(days=1),
            date(year, 5, 1),
            e + timedelta(days=39),
            e + timedelta(days=49),
            date(year, 6, 6),
            midsommardagen,
            alla_helgons,
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


@cache
def eves(year: int) -> frozenset[date]:
    """Julafton, nyårsafton, midsommarafton: SPEC allows skipping these too."""
    return frozenset({date(year, 12, 24), date(year, 12, 31), _saturday_between(date(year, 6, 20)) - timedelta(1)})


def acceptable_dates(monday: date) -> set[date]:
    """The first working day of the week, with or without the eves skipped."""
    found = set()
    for skip_eves in (False, True):
        for offset in range(5):
            day = monday + timedelta(days=offset)
            if day in public_holidays(day.year) or (skip_eves and day in eves(day.year)):
                continue
            found.add(day)
            break
    return found


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def first_week(start: date) -> date:
    """The plan's first week: that of `start` when its dated first working day is not before
    `start` (no step lies before plan.start), else the next one."""
    monday = monday_of(start)
    return monday if min(acceptable_dates(monday)) >= start else monday + timedelta(weeks=1)


def parse_week(text: str) -> date:
    m = WEEK_RE.match(text)
    assert m, f"bad ISO week {text!r}"
    return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)


def week_label(monday: date) -> str:
    y, w, _ = monday.isocalendar()
    return f"{y}-W{w:02d}"


def as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


# --------------------------------------------------------------------------------------
# The catalogue, read straight from YAML (it is valid: `mvgplan plan` checked it).


@dataclass
class Offer:
    status: str
    since: date | None


@dataclass
class Unit:
    id: str
    offerings: dict[str, dict[str, Offer]]
    exemptions: list[tuple[str, str, date]]
    blackouts: list[tuple[date, date]]


@dataclass
class Service:
    id: str
    migrate: bool
    mvg_ready: date | None
    depends_on: list[str]
    priority: int


@dataclass
class Catalogue:
    as_of: date
    legacy: str
    target: str
    pmin: int
    pmax: int
    cap: int
    ppu: int
    lead: int
    blackouts: list[tuple[date, date]]
    start: date
    """plan.start (or --start), else the first Monday after as_of; the plan's first week is
    this one's, or the week after as_of when that is later (the rolling start)."""
    horizon: int
    services: dict[str, Service]
    basutbud: set[tuple[str, str]]
    units: dict[str, Unit]
    notice: int = 0
    """policy.patient_notice_weeks"""


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _blackouts(items: Iterable[dict[str, Any]] | None) -> list[tuple[date, date]]:
    return [(as_date(b["from"]), as_date(b["to"])) for b in items or []]  # type: ignore[misc]


def _offer(value: Any) -> Offer:
    if isinstance(value, str):
        return Offer(value, None)
    return Offer(value["status"], as_date(value.get("since")))


def load_catalogue(
    folder: Path,
    *,
    capacity: int | None = None,
    parallel_min: int | None = None,
    start: date | None = None,
    as_of: date | None = None,
) -> Catalogue:
    region = _read(folder / "region.yaml")
    channels = region["channels"]
    legacy = next(str(c["id"]) for c in channels if c["role"] == "legacy")
    target = next(str(c["id"]) for c in channels if c["role"] == "target")
    policy = region["policy"]
    the_as_of = as_of or as_date(region.get("as_of")) or date.today()
    plan = region.get("plan") or {}
    the_start = start or as_date(plan.get("start"))
    if the_start is None:
        the_start = the_as_of + timedelta(days=7 - the_as_of.weekday())
    services = {}
    for s in _read(folder / "services.yaml")["services"]:
        services[s["id"]] = Service(
            s["id"],
            s.get("migrate", True),
            as_date(s.get("mvg_ready")),
            list(s.get("depends_on") or []),
            s.get("priority", 100),
        )
    basutbud = {(r["service"], str(r["channel"])) for r in _read(folder / "basutbud.yaml")["required"]}
    units = {}
    for path in sorted((folder / "units").glob("*.yaml")):
        u = _read(path)
        offerings = {
            svc: {str(ch): _offer(v) for ch, v in (chans or {}).items()}
            for svc, chans in (u.get("offerings") or {}).items()
        }
        exemptions = [(e["service"], str(e["channel"]), as_date(e["until"])) for e in u.get("exemptions") or []]
        units[u["id"]] = Unit(u["id"], offerings, exemptions, _blackouts(u.get("blackouts")))  # type: ignore[arg-type]
    capacity_policy = policy["capacity"]
    return Catalogue(
        as_of=the_as_of,
        legacy=legacy,
        target=target,
        pmin=policy["parallel_weeks"]["min"] if parallel_min is None else parallel_min,
        pmax=policy["parallel_weeks"]["max"],
        cap=capacity_policy.get("enables_per_week", 6) if capacity is None else capacity,
        ppu=capacity_policy.get("parallel_per_unit", 2),
        lead=policy.get("briefing_lead_weeks", 2),
        blackouts=_blackouts(policy.get("blackouts")),
        start=the_start,
        horizon=plan.get("horizon_weeks", 260),
        services=services,
        basutbud=basutbud,
        units=units,
        notice=policy.get("patient_notice_weeks", 0),
    )


# --------------------------------------------------------------------------------------
# What needs a step (SPEC §4, cases 1–3, and case 5 of the v2 additions).


@dataclass
class Task:
    unit: str
    service: str
    case: int  # 1 migration, 2 running parallel (redirect only), 3 introduction, 5 repair of a broken redirect
    since: date | None = None  # case 2: the target offering's since


def tasks_of(cat: Catalogue) -> dict[tuple[str, str], Task]:
    found = {}
    for unit in cat.units.values():
        for sid, svc in cat.services.items():
            if not svc.migrate:
                continue
            chans = unit.offerings.get(sid, {})
            legacy = chans.get(cat.legacy)
            target = chans.get(cat.target)
            legacy_active = legacy is not None and legacy.status == "active"
            target_active = target is not None and target.status == "active"
            if legacy is not None and legacy.status == "redirect" and not target_active:
                found[unit.id, sid] = Task(unit.id, sid, 5)
            elif legacy_active and not target_active:
                found[unit.id, sid] = Task(unit.id, sid, 1)
            elif legacy_active and target_active:
                found[unit.id, sid] = Task(unit.id, sid, 2, target.since)  # type: ignore[union-attr]
            elif not legacy_active and not target_active and (sid, cat.target) in cat.basutbud:
                exempt = any(s == sid and c == cat.target and until >= cat.as_of for s, c, until in unit.exemptions)
                if not exempt:
                    found[unit.id, sid] = Task(unit.id, sid, 3)
    return found


def target_active(cat: Catalogue, unit: str, service: str) -> bool:
    offer = cat.units[unit].offerings.get(service, {}).get(cat.target)
    return offer is not None and offer.status == "active"


class Weeks:
    """Week indices from the plan's start week, and the blackouts per unit as index sets."""

    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat
        # The rolling start: never before the week of the first Monday strictly after as_of.
        after_as_of = cat.as_of + timedelta(days=7 - cat.as_of.weekday())
        self.start_monday = max(first_week(cat.start), after_as_of)
        self._unit_black: dict[str, frozenset[int]] = {}
        self.region_black = self._black(cat.blackouts)

    def index(self, monday: date) -> int:
        return (monday - self.start_monday).days // 7

    def monday(self, index: int) -> date:
        return self.start_monday + timedelta(weeks=index)

    def _black(self, spans: list[tuple[date, date]]) -> frozenset[int]:
        found = set()
        for first, last in spans:
            # a week touches the span when Monday ≤ last and Sunday ≥ first
            for i in range(self.index(monday_of(first)), self.index(monday_of(last)) + 1):
                found.add(i)
        return frozenset(found)

    def blacked(self, unit: str, index: int) -> bool:
        if unit not in self._unit_black:
            self._unit_black[unit] = self._black(self.cat.units[unit].blackouts)
        return index in self.region_black or index in self._unit_black[unit]

    def first_free(self, unit: str, index: int) -> int:
        while self.blacked(unit, index):
            index += 1
        return index

    def ready_index(self, ready: date) -> int:
        """The first week whose dated first working day is on or after `ready` (either dating)."""
        i = self.index(monday_of(ready))
        while max(acceptable_dates(self.monday(i))) < ready:
            i += 1
        return i

    def case2_earliest(self, task: Task) -> int:
        floor = 0 if task.since is None else self.index(monday_of(task.since)) + self.cat.pmin
        return self.first_free(task.unit, max(0, floor, self.cat.notice))

    def case1_redirect(self, task: Task, enable: int) -> int:
        """E + min, and late enough that the patient notice lies in the plan; past blackouts."""
        return self.first_free(task.unit, max(enable + self.cat.pmin, self.cat.notice))


# --------------------------------------------------------------------------------------
# The verifier.


@dataclass
class Report:
    violations: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def bad(self, text: str) -> None:
        self.violations.append(text)


def expected_warnings(
    cat: Catalogue, plan_enables: dict[tuple[str, str], int], plan_redirects: dict[tuple[str, str], int]
) -> set[tuple[str, str, str]]:
    found = set()
    for unit in cat.units.values():
        for sid, chans in unit.offerings.items():
            legacy = chans.get(cat.legacy)
            target = chans.get(cat.target)
            la = legacy is not None and legacy.status == "active"
            ta = target is not None and target.status == "active"
            if legacy is not None and legacy.status == "redirect" and not ta:
                found.add(("broken_redirect", unit.id, sid))
            if la and ta:
                if legacy.since is None or target.since is None:  # type: ignore[union-attr]
                    found.add(("parallel_undated", unit.id, sid))
                elif (cat.as_of - max(legacy.since, target.since)).days > 7 * cat.pmax:  # type: ignore[union-attr]
                    found.add(("parallel_overdue", unit.id, sid))
    for key, e in plan_enables.items():
        r = plan_redirects.get(key)
        if r is not None and r - e > cat.pmax:
            found.add(("parallel_exceeds_max", *key))
    return found


def verify(cat: Catalogue, plan: dict[str, Any]) -> Report:
    rep = Report()
    weeks = Weeks(cat)

    # ---- shape
    if list(plan) != TOP_KEYS:
        rep.bad(f"top-level keys {list(plan)} != {TOP_KEYS}")
    if plan.get("schema_version") != 1:
        rep.bad("schema_version is not 1")
    if plan.get("as_of") != cat.as_of.isoformat():
        rep.bad(f"as_of {plan.get('as_of')} != {cat.as_of}")
    if plan.get("start_week") != week_label(weeks.start_monday):
        rep.bad(f"start_week {plan.get('start_week')} != {week_label(weeks.start_monday)}")
    if not re.fullmatch(r"sha256:[0-9a-f]{64}", str(plan.get("catalog_digest"))):
        rep.bad(f"catalog_digest {plan.get('catalog_digest')!r}")
    for s in plan["steps"]:
        if set(s) != STEP_KEYS:
            rep.bad(f"step keys {sorted(s)}")
        if s["binding"] not in BINDINGS:
            rep.bad(f"binding {s['binding']!r} not in the SPEC's list: {s}")
        if not isinstance(s["reason"], str) or not s["reason"].strip():
            rep.bad(f"empty reason: {s}")
        if s["action"] not in ("brief_staff", "enable", "inform_patients", "redirect"):
            rep.bad(f"action {s['action']!r}")
    for u in plan["unschedulable"]:
        if set(u) != UNSCHEDULABLE_KEYS:
            rep.bad(f"unschedulable keys {sorted(u)}")
        if u["reason"] not in REASONS:
            rep.bad(f"unschedulable reason {u['reason']!r}")
        if not u["message"]:
            rep.bad(f"empty message {u}")
    for w in plan["warnings"]:
        if set(w) != WARNING_KEYS:
            rep.bad(f"warning keys {sorted(w)}")
        if SEVERITY.get(w["code"]) != w["severity"]:
            rep.bad(f"warning {w['code']} has severity {w['severity']}")
        if not w["message"]:
            rep.bad(f"empty message {w}")
    if set(plan["summary"]) != SUMMARY_KEYS:
        rep.bad(f"summary keys {sorted(plan['summary'])}")
    if rep.violations:
        return rep

    # ---- steps: weeks, dates, channels, start, horizon
    by_task: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for s in plan["steps"]:
        monday = parse_week(s["week"])
        i = weeks.index(monday)
        day = date.fromisoformat(s["date"])
        if day not in acceptable_dates(monday):
            rep.bad(
                f"date {s['date']} is not the first working day of {s['week']} ({sorted(acceptable_dates(monday))})"
            )
        want_channel = cat.legacy if s["action"] in ("redirect", "inform_patients") else cat.target
        if str(s["channel"]) != want_channel:
            rep.bad(f"channel {s['channel']} for {s['action']}: {s}")
        if i < 0:
            rep.bad(f"step before the start week: {s}")
        if day < cat.start:
            rep.bad(f"step dated before plan.start {cat.start}: {s}")
        if i >= cat.horizon:
            rep.bad(f"step after the horizon (week index {i} ≥ {cat.horizon}): {s}")
        if s["unit"] not in cat.units or s["service"] not in cat.services:
            rep.bad(f"step names an unknown unit or service: {s}")
            continue
        by_task[s["unit"], s["service"]][s["action"]].append(i)
        if s["action"] in ("enable", "redirect") and weeks.blacked(s["unit"], i):
            rep.bad(f"{s['action']} in a blackout week: {s}")

    tasks = tasks_of(cat)
    unsched: dict[tuple[str, str], str] = {}
    for u in plan["unschedulable"]:
        key = (u["unit"], u["service"])
        if key in unsched:
            rep.bad(f"unschedulable twice: {key}")
        unsched[key] = u["reason"]
        if key not in tasks:
            rep.bad(f"unschedulable item that needs no step: {u}")
        if key in by_task:
            rep.bad(f"unschedulable item with steps: {u}")

    enables: dict[tuple[str, str], int] = {}
    redirects: dict[tuple[str, str], int] = {}
    for key, actions in by_task.items():
        task = tasks.get(key)
        counts = {a: len(v) for a, v in actions.items()}
        if task is None:
            rep.bad(f"steps for {key}, which needs none: {counts}")
            continue
        want = {
            1: {"brief_staff": 1, "enable": 1, "redirect": 1},
            2: {"redirect": 1},
            3: {"brief_staff": 1, "enable": 1},
            5: {"brief_staff": 1, "enable": 1},
        }
        if cat.notice > 0:
            want[1]["inform_patients"] = want[2]["inform_patients"] = 1
        if counts != want[task.case]:
            rep.bad(f"case {task.case} task {key} has steps {counts}")
            continue
        if "enable" in actions:
            enables[key] = actions["enable"][0]
            if actions["brief_staff"][0] != enables[key] - cat.lead:
                rep.bad(f"{key}: brief_staff at {actions['brief_staff'][0]}, enable at {enables[key]}, lead {cat.lead}")
        if "redirect" in actions:
            redirects[key] = actions["redirect"][0]
            if cat.notice > 0 and actions["inform_patients"][0] != redirects[key] - cat.notice:
                rep.bad(f"{key}: inform_patients at {actions['inform_patients'][0]}, redirect at {redirects[key]}")
    for key, task in tasks.items():
        if key not in by_task and key not in unsched:
            rep.bad(f"case {task.case} task {key} has neither steps nor an unschedulable entry")

    # ---- readiness, dependencies, unschedulable reasons
    for key, task in tasks.items():
        svc = cat.services[task.service]
        if task.case in (1, 3, 5) and svc.mvg_ready is None:
            if unsched.get(key) != "no_mvg_equivalent":
                rep.bad(f"{key}: mvg_ready is null but {unsched.get(key) or 'scheduled'}")
            continue
        if key in enables:
            e = enables[key]
            day = date.fromisoformat(
                next(s["date"] for s in plan["steps"] if (s["unit"], s["service"]) == key and s["action"] == "enable")
            )
            if svc.mvg_ready is not None and day < svc.mvg_ready:
                rep.bad(f"{key}: enabled {day} before mvg_ready {svc.mvg_ready}")
            for dep in svc.depends_on:
                if target_active(cat, task.unit, dep):
                    continue
                de = enables.get((task.unit, dep))
                if de is None:
                    rep.bad(f"{key}: enabled but its dependency {dep} is neither active nor enabled")
                elif e < de + 1:
                    rep.bad(f"{key}: enabled at {e}, dependency {dep} at {de}")
        reason = unsched.get(key)
        if reason == "no_mvg_equivalent":
            if not (task.case in (1, 3, 5) and svc.mvg_ready is None):
                rep.bad(f"{key}: no_mvg_equivalent but mvg_ready {svc.mvg_ready}, case {task.case}")
        elif reason == "dependency_unavailable":
            missing = [
                d for d in svc.depends_on if not target_active(cat, task.unit, d) and (task.unit, d) not in enables
            ]
            if task.case == 2 or not missing:
                rep.bad(f"{key}: dependency_unavailable but every dependency is active or enabled")
        elif reason == "beyond_horizon" and task.case in (1, 3, 5):
            missing = [
                d for d in svc.depends_on if not target_active(cat, task.unit, d) and (task.unit, d) not in enables
            ]
            hard_missing = [
                d for d in missing if (task.unit, d) not in tasks or unsched.get((task.unit, d)) != "beyond_horizon"
            ]
            if hard_missing:
                rep.bad(f"{key}: beyond_horizon, but dependencies {hard_missing} will never be enabled")
            elif missing:
                rep.notes.append(f"{key}: beyond_horizon because dependency {missing} is beyond the horizon")

    # ---- redirects: min parallel, the earliest allowed week
    for key, r in redirects.items():
        task = tasks[key]
        if task.case == 1:
            e = enables[key]
            if r - e < cat.pmin:
                rep.bad(f"{key}: redirect {r} − enable {e} < min {cat.pmin}")
            first = weeks.case1_redirect(task, e)
            if r != first:
                rep.bad(f"{key}: redirect at {r}, not the first allowed week {first} after E + min (and the notice)")
        else:
            if r != weeks.case2_earliest(task):
                rep.bad(f"{key}: running parallel redirected at {r}, earliest allowed is {weeks.case2_earliest(task)}")
    for key, task in tasks.items():
        if task.case == 2 and key in unsched and weeks.case2_earliest(task) < cat.horizon:
            rep.bad(f"{key}: running parallel unschedulable ({unsched[key]}) though its redirect fits the horizon")

    # ---- capacity
    per_week = Counter(enables.values())
    for i, n in sorted(per_week.items()):
        if n > cat.cap:
            rep.bad(f"{n} enables in {week_label(weeks.monday(i))}, capacity {cat.cap}")

    # ---- case 5 is urgent: each repair in the earliest week its own constraints allow,
    # unless other repairs fill that week
    repairs = Counter(e for key, e in enables.items() if tasks[key].case == 5)
    for key, e in enables.items():
        task = tasks[key]
        if task.case != 5:
            continue
        svc = cat.services[task.service]
        floor = max([cat.lead, weeks.ready_index(svc.mvg_ready)] if svc.mvg_ready else [cat.lead])
        for d in svc.depends_on:
            if (task.unit, d) in enables:
                floor = max(floor, enables[task.unit, d] + 1)
        room = [w for w in range(floor, e) if not weeks.blacked(task.unit, w) and repairs[w] < cat.cap]
        if room:
            rep.bad(f"{key}: urgent repair enabled at {e}, but week {room[0]} had room for it")

    # ---- per-unit parallel limit (running case-2 parallels from the start until their redirect)
    far = cat.horizon + 10_000
    intervals: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for key, task in tasks.items():
        if task.case == 2:
            intervals[task.unit].append((0, redirects.get(key, far), False))
        elif task.case == 1 and key in enables:
            intervals[task.unit].append((enables[key], redirects[key], True))
    for unit, spans in intervals.items():
        for first, last, planned in spans:
            if not planned:
                continue
            for w in range(first, last):
                n = sum(1 for a, b, _ in spans if a <= w < b)
                if n > cat.ppu:
                    rep.bad(f"{unit}: {n} services in parallel in {week_label(weeks.monday(w))}, limit {cat.ppu}")
                    break

    # ---- warnings
    wanted = expected_warnings(cat, enables, redirects)
    got = [(w["code"], w["unit"], w["service"]) for w in plan["warnings"]]
    dup = [k for k, n in Counter(got).items() if n > 1]
    if dup:
        rep.bad(f"duplicate warnings {dup}")
    if set(got) != wanted:
        rep.bad(f"warnings: missing {sorted(wanted - set(got))}, unexpected {sorted(set(got) - wanted)}")

    # ---- summary
    summary = plan["summary"]
    if summary["enables"] != len(enables):
        rep.bad(f"summary.enables {summary['enables']} != {len(enables)}")
    if summary["redirects"] != len(redirects):
        rep.bad(f"summary.redirects {summary['redirects']} != {len(redirects)}")
    all_weeks = [parse_week(s["week"]) for s in plan["steps"]]
    if all_weeks and summary["end_week"] != week_label(max(all_weeks)):
        rep.bad(f"summary.end_week {summary['end_week']} != {week_label(max(all_weeks))}")
    bound, end = summary["lower_bound_week"], summary["end_week"]
    if not (isinstance(bound, str) and isinstance(end, str) and WEEK_RE.match(bound) and WEEK_RE.match(end)):
        rep.bad(f"lower_bound_week {bound!r} and end_week {end!r} must be ISO weeks")
    elif not (bound <= end and parse_week(bound) <= parse_week(end)):
        rep.bad(f"lower_bound_week {bound} > end_week {end}")
    elif not all_weeks and end != plan["start_week"]:
        rep.bad(f"a plan without steps ends in its first week, not {end}")
    elif parse_week(bound) < weeks.start_monday:
        rep.bad(f"lower_bound_week {bound} before the start")

    # ---- order: steps sorted by week (a person reads them in order)
    keys = [parse_week(s["week"]) for s in plan["steps"]]
    if keys != sorted(keys):
        rep.bad("steps are not in week order")

    # ---- binding plausibility
    for s in plan["steps"]:
        i = weeks.index(parse_week(s["week"]))
        b = s["binding"]
        if s["action"] == "brief_staff" and b not in ("lead_time",):
            rep.notes.append(f"brief_staff with binding {b}: {s}")
        if s["action"] == "inform_patients" and b != "patient_notice":
            rep.bad(f"inform_patients with binding {b}: {s}")
        if s["action"] == "redirect" and b not in ("start", "min_parallel", "blackout", "patient_notice"):
            rep.bad(f"redirect with binding {b}: {s}")
        if s["action"] == "redirect" and b == "blackout" and not weeks.blacked(s["unit"], i - 1):
            rep.bad(f"redirect binding blackout but the week before is free: {s}")
        if s["action"] == "redirect" and b == "patient_notice" and i != cat.notice:
            rep.bad(f"redirect binding patient_notice not in the first week whose notice is in the plan: {s}")
        if s["action"] == "enable":
            if b == "min_parallel":
                rep.bad(f"enable with binding min_parallel: {s}")
            if b == "dependency" and not any(
                enables.get((s["unit"], d)) == i - 1 for d in cat.services[s["service"]].depends_on
            ):
                rep.bad(f"enable binding dependency but no dependency was enabled the week before: {s}")
            if b == "capacity" and per_week[i - 1] < cat.cap:
                rep.bad(f"enable binding capacity but the week before had room: {s}")
            if b == "unit_parallel_limit" and (sum(1 for a, z, _ in intervals[s["unit"]] if a <= i - 1 < z) < cat.ppu):
                rep.bad(f"enable binding unit_parallel_limit but the unit had a free slot the week before: {s}")
            stretch = max(i - 1 + cat.pmin, cat.notice)
            if b == "blackout" and not (weeks.blacked(s["unit"], i - 1) or weeks.blacked(s["unit"], stretch)):
                rep.bad(f"enable binding blackout but neither the week before nor its redirect is blacked: {s}")
            if b == "lead_time" and i != cat.lead:
                rep.bad(f"enable binding lead_time not at start + lead: {s}")
            if b == "mvg_ready":
                svc = cat.services[s["service"]]
                if svc.mvg_ready is None or i != weeks.ready_index(svc.mvg_ready):
                    rep.bad(f"enable binding mvg_ready not in the first ready week: {s}")
            if b == "start" and i > max(0, cat.lead):
                rep.bad(f"enable binding start after the first possible week: {s}")
    return rep


# --------------------------------------------------------------------------------------
# A naive greedy list scheduler: the planner's makespan must be no worse.


@dataclass
class Greedy:
    end: int | None
    scheduled: set[tuple[str, str]]


def greedy(cat: Catalogue, order: str = "priority") -> Greedy:
    """Take the tasks one by one (dependencies first) and give each its earliest feasible week."""
    weeks = Weeks(cat)
    tasks = tasks_of(cat)
    per_week: Counter[int] = Counter()
    enabled: dict[tuple[str, str], int] = {}
    parallel: dict[str, Counter[int]] = defaultdict(Counter)
    last = -1
    scheduled = set()
    far = cat.horizon + 1
    for key, task in tasks.items():
        if task.case == 2:
            r = weeks.case2_earliest(task)
            if r < cat.horizon:
                scheduled.add(key)
                last = max(last, r)
            else:
                r = far
            for w in range(0, r):
                parallel[task.unit][w] += 1

    # the depth of each service's dependency chain, for the "depth" order
    @cache
    def depth(sid: str) -> int:
        return 1 + max((depth(d) for d in cat.services[sid].depends_on), default=0)

    @cache
    def tail(sid: str) -> int:
        return 1 + max((tail(o) for o, s in cat.services.items() if sid in s.depends_on), default=0)

    pending = [t for t in tasks.values() if t.case in (1, 3, 5)]
    if order == "priority":
        pending.sort(key=lambda t: (cat.services[t.service].priority, t.unit, t.service))
    elif order == "tail":
        pending.sort(key=lambda t: (-tail(t.service), cat.services[t.service].priority, t.unit, t.service))
    else:
        pending.sort(key=lambda t: (t.unit, depth(t.service), t.service))
    pending.sort(key=lambda t: t.case != 5)  # repairs are urgent (stable: the order above within)
    done: set[tuple[str, str]] = set()
    dead: set[tuple[str, str]] = set()
    while pending:
        progress = False
        for task in list(pending):
            key = (task.unit, task.service)
            svc = cat.services[task.service]
            deps = [d for d in svc.depends_on if not target_active(cat, task.unit, d)]
            if any((task.unit, d) in dead or (task.unit, d) not in tasks for d in deps) or svc.mvg_ready is None:
                dead.add(key)
                pending.remove(task)
                progress = True
                continue
            if any((task.unit, d) not in done for d in deps):
                continue
            pending.remove(task)
            progress = True
            e = max([cat.lead, weeks.ready_index(svc.mvg_ready)] + [enabled[task.unit, d] + 1 for d in deps])
            while e < cat.horizon:
                if weeks.blacked(task.unit, e) or per_week[e] >= cat.cap:
                    e += 1
                    continue
                if task.case == 1:
                    r = weeks.case1_redirect(task, e)
                    if r >= cat.horizon:
                        e = cat.horizon
                        break
                    if any(parallel[task.unit][w] >= cat.ppu for w in range(e, r)):
                        e += 1
                        continue
                break
            if e >= cat.horizon:
                dead.add(key)
                continue
            per_week[e] += 1
            enabled[key] = e
            done.add(key)
            scheduled.add(key)
            last = max(last, e)
            if task.case == 1:
                r = weeks.case1_redirect(task, e)
                for w in range(e, r):
                    parallel[task.unit][w] += 1
                last = max(last, r)
        if not progress:
            break
    return Greedy(last if last >= 0 else None, scheduled)


def greedy_weekly(cat: Catalogue, order: str = "priority") -> Greedy:
    """Week by week, enable every waiting task that fits, in list order (the classic list
    scheduler); each redirect at the first allowed week from E + min."""
    weeks = Weeks(cat)
    tasks = tasks_of(cat)
    parallel: dict[str, Counter[int]] = defaultdict(Counter)
    last = -1
    scheduled = set()
    for key, task in tasks.items():
        if task.case == 2:
            r = weeks.case2_earliest(task)
            if r < cat.horizon:
                scheduled.add(key)
                last = max(last, r)
            else:
                r = cat.horizon + 1
            for w in range(0, r):
                parallel[task.unit][w] += 1
    pending = [t for t in tasks.values() if t.case in (1, 3, 5) and cat.services[t.service].mvg_ready is not None]
    if order == "priority":
        pending.sort(key=lambda t: (cat.services[t.service].priority, t.unit, t.service))
    else:
        pending.sort(key=lambda t: (t.unit, t.service))
    pending.sort(key=lambda t: t.case != 5)  # repairs are urgent
    enabled: dict[tuple[str, str], int] = {}
    for week in range(cat.lead, cat.horizon):
        used = 0
        for task in list(pending):
            if used >= cat.cap:
                break
            svc = cat.services[task.service]
            deps = [d for d in svc.depends_on if not target_active(cat, task.unit, d)]
            if any(enabled.get((task.unit, d), week) >= week for d in deps):
                continue
            if svc.mvg_ready is None or week < weeks.ready_index(svc.mvg_ready) or weeks.blacked(task.unit, week):
                continue
            if task.case == 1:
                r = weeks.case1_redirect(task, week)
                if r >= cat.horizon or any(parallel[task.unit][w] >= cat.ppu for w in range(week, r)):
                    continue
                for w in range(week, r):
                    parallel[task.unit][w] += 1
                last = max(last, r)
            pending.remove(task)
            used += 1
            enabled[task.unit, task.service] = week
            scheduled.add((task.unit, task.service))
            last = max(last, week)
    return Greedy(last if last >= 0 else None, scheduled)


# --------------------------------------------------------------------------------------
# Running the planner.


def run_process(*args: str | Path, cwd: Path = ROOT, check: bool = False) -> subprocess.CompletedProcess[str]:
    """`mvgplan ARGS` as its own process, the way a user or CI runs it."""
    proc = subprocess.run([*MVGPLAN, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def run(*args: str | Path, cwd: Path = ROOT, check: bool = False) -> subprocess.CompletedProcess[str]:
    """`mvgplan ARGS` in this process (fast), with stdout and stderr captured as a process's.

    A traceback would escape as an exception and fail the test, so none goes unnoticed."""
    from planner.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    proc = subprocess.CompletedProcess([*MVGPLAN, *map(str, args)], code, out.getvalue(), err.getvalue())
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def plan_json(folder: Path, *extra: str) -> dict[str, Any]:
    proc = run("plan", "-c", folder, "--format", "json", *extra)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def check_folder(folder: Path, *extra: str, **overrides: Any) -> tuple[Catalogue, dict[str, Any], Report]:
    plan = plan_json(folder, *extra)
    cat = load_catalogue(folder, **overrides)
    rep = verify(cat, plan)
    assert not rep.violations, "\n".join(rep.violations[:30])
    return cat, plan, rep


def assert_no_worse_than_greedy(cat: Catalogue, plan: dict[str, Any]) -> None:
    weeks = Weeks(cat)
    scheduled = {(s["unit"], s["service"]) for s in plan["steps"]}
    end = weeks.index(parse_week(plan["summary"]["end_week"])) if plan["steps"] else None
    lower = (
        weeks.index(parse_week(plan["summary"]["lower_bound_week"])) if plan["summary"]["lower_bound_week"] else None
    )
    for order, g in [
        ("serial priority", greedy(cat, "priority")),
        ("serial tail", greedy(cat, "tail")),
        ("serial unit", greedy(cat, "unit")),
        ("weekly priority", greedy_weekly(cat, "priority")),
        ("weekly unit", greedy_weekly(cat, "unit")),
    ]:
        more = g.scheduled - scheduled
        assert len(g.scheduled) <= len(scheduled), f"greedy ({order}) schedules more: {sorted(more)[:10]}"
        if g.scheduled == scheduled and g.end is not None:
            assert end is not None and end <= g.end, f"planner ends at {end}, greedy ({order}) at {g.end}"
            assert lower is None or lower <= g.end, f"lower bound {lower} > a feasible plan's end {g.end}"


# --------------------------------------------------------------------------------------
# Catalogues: the shipped one, the fixtures, generated ones.

FIXTURES = [ROOT / "catalog", ROOT / "tests" / "fixtures" / "mini", ROOT / "tests" / "fixtures" / "plan_small"]


@pytest.mark.parametrize("folder", FIXTURES, ids=lambda p: p.name)
def test_shipped_and_fixture_catalogues_keep_every_rule(folder: Path) -> None:
    cat, plan, _ = check_folder(folder)
    assert_no_worse_than_greedy(cat, plan)


def generate(tmp: Path, units: int, services: int, seed: int) -> Path:
    out = tmp / f"g{units}x{services}s{seed}"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--units", str(units), "--services", str(services),
         "--seed", str(seed), "--out", str(out)],
        check=True, capture_output=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    return out


@pytest.mark.parametrize(
    ("units", "services", "seed"), [(5, 8, 1), (12, 10, 2), (40, 25, 3), (40, 25, 7), (90, 40, 11)]
)
def test_generated_catalogues_keep_every_rule(tmp_path: Path, units: int, services: int, seed: int) -> None:
    folder = generate(tmp_path, units, services, seed)
    cat, plan, _ = check_folder(folder)
    assert_no_worse_than_greedy(cat, plan)


# --------------------------------------------------------------------------------------
# Hand-made catalogues.

REGION = """\
schema_version: 1
region: Region Testborg
as_of: {as_of}
channels:
  - {{id: "1177", name: 1177, role: legacy}}
  - {{id: mvg, name: MVG, role: target}}
policy:
  parallel_weeks: {{min: {pmin}, max: {pmax}}}
  capacity: {{enables_per_week: {cap}, parallel_per_unit: {ppu}}}
  briefing_lead_weeks: {lead}
  blackouts: {blackouts}
{plan}"""


def make_catalogue(
    tmp: Path,
    *,
    services: str,
    units: dict[str, str],
    basutbud: str = "[]",
    as_of: str = "2026-11-23",
    pmin: int = 2,
    pmax: int = 8,
    cap: int = 6,
    ppu: int = 2,
    lead: int = 2,
    blackouts: str = "[]",
    plan: str = "",
    name: str = "cat",
) -> Path:
    folder = tmp / name
    (folder / "units").mkdir(parents=True)
    (folder / "region.yaml").write_text(
        REGION.format(as_of=as_of, pmin=pmin, pmax=pmax, cap=cap, ppu=ppu, lead=lead, blackouts=blackouts, plan=plan),
        encoding="utf-8",
    )
    (folder / "services.yaml").write_text(
        "services:\n" + textwrap.indent(textwrap.dedent(services), "  "), encoding="utf-8"
    )
    (folder / "basutbud.yaml").write_text(f"required: {basutbud}\n", encoding="utf-8")
    for uid, body in units.items():
        (folder / "units" / f"{uid}.yaml").write_text(
            f"id: {uid}\nname: HC {uid}\nregi: egen\n" + textwrap.dedent(body), encoding="utf-8"
        )
    from planner.catalog.loader import load_catalog

    loaded = load_catalog(folder)
    assert loaded.catalog is not None, loaded.problems
    return folder


def steps_of(plan: dict[str, Any], unit: str | None = None, service: str | None = None) -> dict[str, dict[str, Any]]:
    return {
        s["action"]: s
        for s in plan["steps"]
        if (unit is None or s["unit"] == unit) and (service is None or s["service"] == service)
    }


def verified(folder: Path, *extra: str, **overrides: Any) -> dict[str, Any]:
    cat, plan, _ = check_folder(folder, *extra, **overrides)
    assert_no_worse_than_greedy(cat, plan)
    return plan


SIMPLE_SERVICES = """\
- {id: a, name: A, mvg_ready: 2024-01-01}
- {id: b, name: B, mvg_ready: 2024-01-01}
- {id: c, name: C, mvg_ready: 2024-01-01}
"""
LEGACY_ONLY = """\
offerings:
  a: {"1177": active}
"""


def test_default_start_is_the_first_monday_strictly_after_as_of(tmp_path: Path) -> None:
    for as_of, start in [("2026-11-23", "2026-W49"), ("2026-11-29", "2026-W49"), ("2026-11-28", "2026-W49")]:
        folder = make_catalogue(tmp_path, services=SIMPLE_SERVICES, units={"u1": LEGACY_ONLY}, as_of=as_of, name=as_of)
        plan = verified(folder)
        assert plan["start_week"] == start
        assert plan["as_of"] == as_of
        assert steps_of(plan)["brief_staff"]["week"] == start


def test_dates_skip_swedish_public_holidays(tmp_path: Path) -> None:
    # annandag påsk 2027-03-29 (Monday of W13), 1 maj 2028 (Monday of W18), nyårsdagen 2029 (Monday),
    # juldagen+annandag jul 2028 (Monday+Tuesday of W52); annandag pingst (2027-05-17) is a working day.
    services = "\n".join(
        f"- {{id: s{i}, name: S{i}, mvg_ready: {ready}}}"
        for i, ready in enumerate(["2027-03-29", "2027-05-17", "2028-05-01", "2028-12-25", "2029-01-01"])
    )
    units = {"u1": "offerings:\n" + "".join(f'  s{i}: {{"1177": active}}\n' for i in range(5))}
    folder = make_catalogue(tmp_path, services=services, units=units, plan="plan: {horizon_weeks: 200}\n", ppu=5)
    plan = verified(folder)
    enables = {s["service"]: (s["week"], s["date"]) for s in plan["steps"] if s["action"] == "enable"}
    assert enables == {
        "s0": ("2027-W13", "2027-03-30"),
        "s1": ("2027-W20", "2027-05-17"),
        "s2": ("2028-W18", "2028-05-02"),
        "s3": ("2028-W52", "2028-12-27"),
        "s4": ("2029-W01", "2029-01-02"),
    }
    assert {s["binding"] for s in plan["steps"] if s["action"] == "enable"} == {"mvg_ready"}


def test_53_week_year(tmp_path: Path) -> None:
    # 2026 has 53 ISO weeks: W52 + 2 weeks is 2026-W53 + 1 = 2027-W01.
    folder = make_catalogue(
        tmp_path,
        services="- {id: a, name: A, mvg_ready: 2026-12-21}\n",
        units={"u1": LEGACY_ONLY},
        as_of="2026-11-23",
        lead=3,
    )
    plan = verified(folder)
    st = steps_of(plan, "u1", "a")
    assert st["brief_staff"]["week"] == "2026-W49"
    assert st["enable"]["week"] == "2026-W52"
    assert st["redirect"]["week"] == "2027-W01"
    assert st["redirect"]["date"] == "2027-01-04"  # nyårsdagen is on the Friday of 2026-W53


def test_blackout_touching_only_the_sunday_of_a_week(tmp_path: Path) -> None:
    # 2027-02-07 is the Sunday of W05: W05 is closed, W06 is open.
    folder = make_catalogue(
        tmp_path,
        services="- {id: a, name: A, mvg_ready: 2027-02-01}\n",
        units={"u1": LEGACY_ONLY},
        blackouts="[{from: 2027-02-07, to: 2027-02-07, reason: Söndag}]",
    )
    plan = verified(folder)
    st = steps_of(plan, "u1", "a")
    assert st["enable"]["week"] == "2027-W06"
    assert st["enable"]["binding"] == "blackout"


def test_unit_and_region_blackouts_both_close_weeks(tmp_path: Path) -> None:
    unit = LEGACY_ONLY + "blackouts:\n  - {from: 2027-02-08, to: 2027-02-14, reason: Flytt}\n"
    folder = make_catalogue(
        tmp_path,
        services="- {id: a, name: A, mvg_ready: 2027-02-01}\n",
        units={"u1": unit, "u2": LEGACY_ONLY},
        blackouts="[{from: 2027-02-05, to: 2027-02-05, reason: Fredag}]",
        pmin=1,
    )
    plan = verified(folder)
    u1 = steps_of(plan, "u1", "a")
    u2 = steps_of(plan, "u2", "a")
    assert (u1["enable"]["week"], u1["redirect"]["week"]) == ("2027-W07", "2027-W08")
    assert (u2["enable"]["week"], u2["redirect"]["week"]) == ("2027-W06", "2027-W07")


def test_redirect_pushed_past_a_blackout_warns_parallel_exceeds_max(tmp_path: Path) -> None:
    folder = make_catalogue(
        tmp_path,
        services="- {id: a, name: A, mvg_ready: 2024-01-01}\n",
        units={"u1": LEGACY_ONLY},
        as_of="2027-01-04",
        pmin=1,
        pmax=2,
        lead=0,
        plan="plan: {start: 2027-01-11, horizon_weeks: 30}\n",
        blackouts="[{from: 2027-01-18, to: 2027-02-07, reason: Lång}]",
    )
    plan = verified(folder)
    codes = {w["code"] for w in plan["warnings"]}
    st = steps_of(plan, "u1", "a")
    # Either it waits for the blackout to pass, or it starts in W02 and warns.
    if st["enable"]["week"] == "2027-W02":
        assert "parallel_exceeds_max" in codes
    else:
        assert st["enable"]["week"] == "2027-W06"
        assert st["redirect"]["week"] == "2027-W07"


def test_running_parallels_over_the_unit_limit_hold_back_enables(tmp_path: Path) -> None:
    # Three running parallels (limit 2) redirected in W51, W52 and 2027-W01 (since + min 4 weeks);
    # the migration of d may only start once at most one of them is left.
    services = SIMPLE_SERVICES + "- {id: d, name: D, mvg_ready: 2024-01-01}\n"
    unit = """\
offerings:
  a: {"1177": {status: active, since: 2020-01-01}, mvg: {status: active, since: 2026-11-16}}
  b: {"1177": active, mvg: {status: active, since: 2026-11-23}}
  c: {"1177": active, mvg: {status: active, since: 2026-11-30}}
  d: {"1177": active}
"""
    folder = make_catalogue(tmp_path, services=services, units={"u1": unit}, pmin=4, lead=0)
    plan = verified(folder)
    st = {s["service"]: s for s in plan["steps"] if s["action"] in ("enable", "redirect") and s["service"] != "d"}
    assert st["a"]["week"] == "2026-W51"
    assert st["b"]["week"] == "2026-W52"
    assert st["c"]["week"] == "2026-W53"
    d = steps_of(plan, "u1", "d")
    assert d["enable"]["week"] == "2026-W52"
    assert d["enable"]["binding"] == "unit_parallel_limit"


def test_running_parallel_without_since_is_redirected_at_start(tmp_path: Path) -> None:
    unit = """\
offerings:
  a: {"1177": {status: active, since: 2020-01-01}, mvg: active}
  b: {"1177": {status: active, since: 2020-01-01}, mvg: {status: active, since: 2026-11-20}}
"""
    folder = make_catalogue(tmp_path, services=SIMPLE_SERVICES, units={"u1": unit}, pmin=2)
    plan = verified(folder)
    st = {s["service"]: s for s in plan["steps"]}
    assert st["a"]["week"] == "2026-W49" and st["a"]["action"] == "redirect"
    assert st["b"]["week"] == "2026-W49"  # W47 + 2
    assert {(w["code"], w["service"]) for w in plan["warnings"]} == {("parallel_undated", "a")}


def test_dependencies_planned_active_absent_and_chains(tmp_path: Path) -> None:
    services = """\
- {id: base, name: Base, mvg_ready: 2024-01-01}
- {id: mid, name: Mid, mvg_ready: 2024-01-01, depends_on: [base]}
- {id: top, name: Top, mvg_ready: 2024-01-01, depends_on: [mid]}
- {id: leaf, name: Leaf, mvg_ready: 2024-01-01, depends_on: [top, base]}
"""
    units = {
        # the whole chain is planned at the unit: one week apart
        "planned": 'offerings:\n  base: {"1177": active}\n  mid: {"1177": active}\n  top: {"1177": active}\n'
        '  leaf: {"1177": active}\n',
        # base already active in MVG: mid may go at once
        "active": 'offerings:\n  base: {mvg: active}\n  mid: {"1177": active}\n',
        # base is not offered at all: mid cannot be enabled, nor what depends on it
        "absent": 'offerings:\n  mid: {"1177": active}\n  top: {"1177": active}\n',
    }
    folder = make_catalogue(tmp_path, services=services, units=units, ppu=4, pmin=1)
    plan = verified(folder)
    e = {(s["unit"], s["service"]): s["week"] for s in plan["steps"] if s["action"] == "enable"}
    assert e[("planned", "base")] == "2026-W51"
    assert e[("planned", "mid")] == "2026-W52"
    assert e[("planned", "top")] == "2026-W53"
    assert e[("planned", "leaf")] == "2027-W01"
    assert e[("active", "mid")] == "2026-W51"
    un = {(u["unit"], u["service"]): u["reason"] for u in plan["unschedulable"]}
    assert un == {("absent", "mid"): "dependency_unavailable", ("absent", "top"): "dependency_unavailable"}
    binding = {(s["unit"], s["service"]): s["binding"] for s in plan["steps"] if s["action"] == "enable"}
    assert binding[("planned", "mid")] == "dependency"


def test_dependency_without_mvg_equivalent_makes_the_dependent_unavailable(tmp_path: Path) -> None:
    services = """\
- {id: base, name: Base, mvg_ready: null}
- {id: mid, name: Mid, mvg_ready: 2024-01-01, depends_on: [base]}
"""
    folder = make_catalogue(
        tmp_path, services=services, units={"u": 'offerings:\n  base: {"1177": active}\n  mid: {"1177": active}\n'}
    )
    plan = verified(folder)
    un = {u["service"]: u["reason"] for u in plan["unschedulable"]}
    assert un == {"base": "no_mvg_equivalent", "mid": "dependency_unavailable"}
    assert plan["steps"] == []


def test_mvg_ready_in_the_future_and_inside_a_blackout(tmp_path: Path) -> None:
    services = """\
- {id: a, name: A, mvg_ready: 2027-02-03}
- {id: b, name: B, mvg_ready: 2027-07-14}
"""
    unit = 'offerings:\n  a: {"1177": active}\n  b: {"1177": active}\n'
    folder = make_catalogue(
        tmp_path, services=services, units={"u": unit}, blackouts="[{from: 2027-07-05, to: 2027-08-15, reason: Sommar}]"
    )
    plan = verified(folder)
    e = {s["service"]: s for s in plan["steps"] if s["action"] == "enable"}
    assert (e["a"]["week"], e["a"]["binding"]) == ("2027-W06", "mvg_ready")  # Wednesday W05 → W06
    assert e["b"]["week"] == "2027-W33"  # the first week after the summer blackout
    assert e["b"]["binding"] == "blackout"


@pytest.mark.parametrize(("cap", "pmin", "lead"), [(1, 0, 0), (1, 2, 0), (2, 0, 3), (1, 1, 1)])
def test_tight_policies(tmp_path: Path, cap: int, pmin: int, lead: int) -> None:
    units = {
        f"u{i}": 'offerings:\n  a: {"1177": active}\n  b: {"1177": active}\n  c: {mvg: retired}\n' for i in range(4)
    }
    folder = make_catalogue(
        tmp_path,
        services=SIMPLE_SERVICES,
        units=units,
        basutbud="[{service: c, channel: mvg}]",
        cap=cap,
        pmin=pmin,
        lead=lead,
        ppu=1,
    )
    plan = verified(folder)
    assert plan["summary"]["enables"] == 12
    assert plan["summary"]["redirects"] == 8
    first = min(s["week"] for s in plan["steps"] if s["action"] == "enable")
    assert parse_week(first) == parse_week(plan["start_week"]) + timedelta(weeks=lead)


def test_horizon_too_short_gives_beyond_horizon(tmp_path: Path) -> None:
    services = SIMPLE_SERVICES + "- {id: late, name: Late, mvg_ready: 2030-01-01}\n"
    unit = 'offerings:\n  a: {"1177": active}\n  b: {"1177": active}\n  late: {"1177": active}\n' + (
        '  c: {"1177": active, mvg: {status: active, since: 2026-11-23}}\n'
    )
    folder = make_catalogue(tmp_path, services=services, units={"u": unit}, plan="plan: {horizon_weeks: 4}\n", cap=1)
    plan = verified(folder)
    un = {u["service"]: u["reason"] for u in plan["unschedulable"]}
    # a: brief W49, enable W51, redirect W53 (index 4 ≥ horizon 4): it does not fit.
    assert un == {"a": "beyond_horizon", "b": "beyond_horizon", "late": "beyond_horizon"}
    assert [(s["service"], s["action"], s["week"]) for s in plan["steps"]] == [("c", "redirect", "2026-W50")]


def test_migrate_false_gets_no_steps_but_its_parallel_periods_are_warned_about(tmp_path: Path) -> None:
    # SPEC §4 limits steps to migrate: true; its warnings table has no such limit: a service
    # active in both channels is a parallel period whatever the channelling decision says.
    services = """\
- {id: a, name: A, mvg_ready: 2024-01-01, migrate: false}
- {id: b, name: B, migrate: false}
- {id: c, name: C, migrate: false}
- {id: d, name: D, migrate: false}
"""
    unit = """\
offerings:
  a: {"1177": active, mvg: active}
  b: {"1177": active}
  c: {"1177": {status: active, since: 2020-01-01}, mvg: {status: active, since: 2021-01-01}}
  d: {"1177": {status: redirect, since: 2020-01-01}}
"""
    folder = make_catalogue(tmp_path, services=services, units={"u": unit}, basutbud="[{service: b, channel: mvg}]")
    plan = verified(folder)
    assert plan["steps"] == [] and plan["unschedulable"] == []
    got = {(w["code"], w["service"], w["severity"]) for w in plan["warnings"]}
    assert got == {
        ("parallel_undated", "a", "warning"),
        ("parallel_overdue", "c", "warning"),
        ("broken_redirect", "d", "error"),
    }
    overdue = next(w for w in plan["warnings"] if w["service"] == "c")
    assert "migrate: false" in overdue["message"]


def test_retired_target_is_reintroduced_and_exemptions_decide(tmp_path: Path) -> None:
    units = {
        "retired": "offerings:\n  a: {mvg: {status: retired, since: 2026-01-01}}\n",
        "missing": "offerings: {}\n",
        "legacy-retired": 'offerings:\n  a: {"1177": retired}\n',
        "broken": 'offerings:\n  a: {"1177": redirect, mvg: planned}\n',
        "valid": "offerings: {}\nexemptions:\n  - {service: a, channel: mvg, until: 2026-11-23, reason: R}\n",
        "expired": "offerings: {}\nexemptions:\n  - {service: a, channel: mvg, until: 2026-11-22, reason: R}\n",
    }
    folder = make_catalogue(tmp_path, services=SIMPLE_SERVICES, units=units, basutbud="[{service: a, channel: mvg}]")
    plan = verified(folder)
    got = {(s["unit"], s["action"]) for s in plan["steps"]}
    introduced = {"retired", "missing", "legacy-retired", "broken", "expired"}
    assert got == {(u, a) for u in introduced for a in ("brief_staff", "enable")}
    assert {(w["code"], w["unit"], w["severity"]) for w in plan["warnings"]} == {("broken_redirect", "broken", "error")}
    # with --as-of after the exemption's until it is expired too
    plan = verified(folder, "--as-of", "2026-11-24", as_of=date(2026, 11, 24))
    assert "valid" in {s["unit"] for s in plan["steps"]}


def test_overdue_and_undated_parallel_warnings(tmp_path: Path) -> None:
    unit = """\
offerings:
  a: {"1177": {status: active, since: 2020-01-01}, mvg: {status: active, since: 2026-09-21}}
  b: {"1177": {status: active, since: 2020-01-01}, mvg: {status: active, since: 2026-09-20}}
  c: {"1177": active, mvg: {status: active, since: 2026-09-20}}
"""
    folder = make_catalogue(tmp_path, services=SIMPLE_SERVICES, units={"u": unit}, pmax=9, ppu=5)
    plan = verified(folder)
    # 2026-11-23 − 2026-09-21 = 63 days = 7 × 9: not more than max; a day more is overdue.
    got = {(w["code"], w["service"]) for w in plan["warnings"]}
    assert got == {("parallel_overdue", "b"), ("parallel_undated", "c")}


def test_the_plan_ends_no_later_than_a_one_by_one_list_schedule(tmp_path: Path) -> None:
    # Found by fuzzing: week by week, the introduction at u3 takes W33's only enable and both
    # s2 migrations then compete for W34, ending in W39. Taking the tasks one by one
    # (unit by unit) gives W38: u1's s2 goes in W32 right after its introduction of s1.
    folder = make_catalogue(
        tmp_path,
        services="- {id: s1, name: S1, mvg_ready: 2026-09-27, priority: 50}\n"
        "- {id: s2, name: S2, mvg_ready: 2026-09-27, depends_on: [s1]}\n",
        units={
            "u0": 'offerings:\n  s1: {"1177": active}\n  s2: {"1177": active}\n',
            "u1": 'offerings:\n  s2: {"1177": active}\n',
            "u2": 'offerings:\n  s1: {"1177": active}\n'
            "blackouts:\n  - {from: 2027-09-04, to: 2027-09-11, reason: UB}\n",
            "u3": "offerings: {}\n",
        },
        basutbud="[{service: s1, channel: mvg}]",
        as_of="2027-07-24",
        pmin=4,
        pmax=7,
        cap=1,
        ppu=1,
        lead=0,
        plan="plan: {horizon_weeks: 10}\n",
    )
    plan = verified(folder)
    assert plan["unschedulable"] == []
    assert plan["summary"]["end_week"] == "2027-W38"
    assert plan["summary"]["lower_bound_week"] == "2027-W38"


def test_first_working_days_agree_with_the_swedish_calendar_for_years() -> None:
    from planner.calendar import first_working_day

    monday = date(2025, 12, 29)
    while monday < date(2041, 1, 1):
        assert first_working_day(monday) in acceptable_dates(monday), monday
        monday += timedelta(weeks=1)


def test_dependencies_on_running_introduced_exempt_and_unmigrated_services(tmp_path: Path) -> None:
    services = """\
- {id: run, name: Run, mvg_ready: 2024-01-01}
- {id: intro, name: Intro, mvg_ready: 2024-01-01}
- {id: stay, name: Stay, mvg_ready: 2024-01-01, migrate: false}
- {id: on-run, name: OnRun, mvg_ready: 2024-01-01, depends_on: [run]}
- {id: on-intro, name: OnIntro, mvg_ready: 2024-01-01, depends_on: [intro]}
- {id: on-stay, name: OnStay, mvg_ready: 2024-01-01, depends_on: [stay]}
"""
    unit = """\
offerings:
  run: {"1177": active, mvg: {status: active, since: 2026-11-16}}
  stay: {"1177": active}
  on-run: {"1177": active}
  on-intro: {"1177": active}
  on-stay: {"1177": active}
"""
    exempt = unit + "exemptions:\n  - {service: intro, channel: mvg, until: 2030-01-01, reason: R}\n"
    other_channel = unit + 'exemptions:\n  - {service: intro, channel: "1177", until: 2030-01-01, reason: R}\n'
    folder = make_catalogue(
        tmp_path,
        services=services,
        units={"plain": unit, "exempt": exempt, "other": other_channel},
        basutbud='[{service: intro, channel: mvg}, {service: stay, channel: "1177"}]',
        ppu=5,
    )
    plan = verified(folder)
    e = {(s["unit"], s["service"]): s["week"] for s in plan["steps"] if s["action"] == "enable"}
    for unit_id in ("plain", "other"):
        assert e[(unit_id, "on-run")] == "2026-W51"  # its dependency is already active in MVG
        assert e[(unit_id, "intro")] == "2026-W51"
        assert e[(unit_id, "on-intro")] == "2026-W52"
    un = {(u["unit"], u["service"]): u["reason"] for u in plan["unschedulable"]}
    assert un == {
        ("plain", "on-stay"): "dependency_unavailable",
        ("other", "on-stay"): "dependency_unavailable",
        ("exempt", "on-stay"): "dependency_unavailable",
        ("exempt", "on-intro"): "dependency_unavailable",
    }


def test_a_plan_start_that_is_not_a_monday_puts_no_step_before_it(tmp_path: Path) -> None:
    # 2027-01-13 is a Wednesday: its week's date (Monday 11 January) lies before the start.
    folder = make_catalogue(
        tmp_path,
        services="- {id: a, name: A, mvg_ready: 2024-01-01}\n- {id: k, name: K, mvg_ready: 2027-05-06}\n",
        units={"u": 'offerings:\n  a: {"1177": {status: active, since: 2020-01-01}, mvg: active}\n'
               '  k: {"1177": active}\n'},
        plan="plan: {start: 2027-01-13, horizon_weeks: 30}\n",
        lead=0,
    )  # fmt: skip
    plan = verified(folder)
    assert plan["start_week"] == "2027-W03"
    assert min(s["date"] for s in plan["steps"]) == "2027-01-18"
    # mvg_ready on Kristi himmelfärds dag (Thursday 2027-05-06): W18 is dated the Monday before.
    enable = steps_of(plan, "u", "k")["enable"]
    assert (enable["week"], enable["date"], enable["binding"]) == ("2027-W19", "2027-05-10", "mvg_ready")
