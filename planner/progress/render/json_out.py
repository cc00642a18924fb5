"""`--format json`: the progress document of SPEC §7, keys in the contract's order."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from planner.calendar import iso_week_label
from planner.progress.model import Progress


def _week(day: date | None) -> str | None:
    return iso_week_label(day) if day is not None else None


def as_dict(progress: Progress) -> dict[str, Any]:
    s = progress.summary
    return {
        "as_of": progress.as_of.isoformat(),
        "baseline": progress.baseline,
        "summary": {
            "tracked": s.tracked,
            "done": s.done,
            "on_time": s.on_time,
            "late": s.late,
            "overdue": s.overdue,
            "due": s.due,
            "upcoming": s.upcoming,
            "dropped": s.dropped,
            "new": s.new,
            "baseline_end_week": _week(s.baseline_end_week),
            "forecast_end_week": _week(s.forecast_end_week),
            "slip_weeks": s.slip_weeks,
        },
        "steps": [
            {
                "unit": t.unit,
                "service": t.service,
                "action": t.action,
                "channel": t.channel,
                "planned_week": iso_week_label(t.planned_week),
                "status": t.status,
                "actual_date": t.actual_date.isoformat() if t.actual_date is not None else None,
                "slip_weeks": t.slip_weeks,
            }
            for t in progress.steps
        ],
        "new": [
            {"unit": n.unit, "service": n.service, "action": n.action, "channel": n.channel, "week": _week(n.week)}
            for n in progress.new
        ],
    }


def render(progress: Progress) -> str:
    return json.dumps(as_dict(progress), ensure_ascii=False, indent=2) + "\n"
