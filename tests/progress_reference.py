"""An independent reading of SPEC §7 (`mvgplan progress --format json`), for comparison.

Written from the contract alone, sharing no code with planner/progress: the baseline and the
unit files are read with PyYAML, the current plan is `mvgplan plan --format json`'s document,
and weeks are counted on dates. Any disagreement with the real command is a bug in one of them.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_monday(label: str) -> date:
    year, week = label.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def _label(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _offering(catalog: Path, unit: str, service: str, channel: str) -> dict[str, Any] | None:
    path = catalog / "units" / f"{unit}.yaml"
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    value = ((data.get("offerings") or {}).get(service) or {}).get(channel)
    if value is None:
        return None
    return {"status": value} if isinstance(value, str) else dict(value)


def expected_progress(
    baseline: Path, shown: str, catalog: Path, current: dict[str, Any], as_of: date
) -> dict[str, Any]:
    """What `mvgplan progress --format json` must print, and its exit code."""
    base = yaml.safe_load(baseline.read_text(encoding="utf-8"))
    this_week = _monday(as_of)
    needed = {(s["unit"], s["service"], s["action"]) for s in current["steps"]}
    unschedulable = {(u["unit"], u["service"]) for u in current["unschedulable"]}
    steps = []
    for s in base["steps"]:
        if s["action"] not in ("enable", "redirect"):
            continue
        planned = _week_monday(s["week"])
        offering = _offering(catalog, s["unit"], s["service"], s["channel"])
        done_when = {"enable": ("active",), "redirect": ("redirect", "retired")}[s["action"]]
        entry = {
            "unit": s["unit"],
            "service": s["service"],
            "action": s["action"],
            "channel": s["channel"],
            "planned_week": s["week"],
            "status": "",
            "actual_date": None,
            "slip_weeks": None,
        }
        if offering is not None and offering["status"] in done_when:
            actual = _as_date(offering.get("since"))
            entry["status"] = "done"
            if actual is not None:
                entry["actual_date"] = actual.isoformat()
                entry["slip_weeks"] = (_monday(actual) - planned).days // 7
        elif (s["unit"], s["service"], s["action"]) not in needed and (s["unit"], s["service"]) not in unschedulable:
            entry["status"] = "dropped"
        elif planned < this_week:
            entry["status"] = "overdue"
        elif planned == this_week:
            entry["status"] = "due"
        else:
            entry["status"] = "upcoming"
        steps.append(entry)
    keys = {(s["unit"], s["service"], s["action"]) for s in steps}
    new = [
        {"unit": s["unit"], "service": s["service"], "action": s["action"], "channel": s["channel"], "week": s["week"]}
        for s in current["steps"]
        if s["action"] in ("enable", "redirect") and (s["unit"], s["service"], s["action"]) not in keys
    ]
    base_end = base["summary"]["end_week"]
    forecast = current["summary"]["end_week"]
    slips = [s["slip_weeks"] for s in steps if s["status"] == "done" and s["slip_weeks"] is not None]
    count = {
        status: sum(1 for s in steps if s["status"] == status)
        for status in ("done", "overdue", "due", "upcoming", "dropped")
    }
    summary = {
        "tracked": len(steps),
        "done": count["done"],
        "on_time": sum(1 for n in slips if n <= 0),
        "late": sum(1 for n in slips if n > 0),
        "overdue": count["overdue"],
        "due": count["due"],
        "upcoming": count["upcoming"],
        "dropped": count["dropped"],
        "new": len(new),
        "baseline_end_week": base_end,
        "forecast_end_week": forecast,
        "slip_weeks": None
        if base_end is None or forecast is None
        else (_week_monday(forecast) - _week_monday(base_end)).days // 7,
    }
    return {
        "as_of": as_of.isoformat(),
        "baseline": shown,
        "summary": summary,
        "steps": steps,
        "new": new,
        "exit": 1 if count["overdue"] else 0,
    }
