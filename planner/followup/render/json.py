"""`--format json`: SPEC §8's shape (more keys allowed)."""

from __future__ import annotations

import json
from typing import Any

from planner.followup.model import Flag, FollowUp
from planner.followup.render import rounded


def as_dict(result: FollowUp) -> dict[str, Any]:
    return {
        "as_of": result.as_of.isoformat() if result.as_of else None,
        "month": result.month,
        "window": list(result.window),
        "take_up_target": result.take_up_target,
        "min_count": result.min_count,
        "units": [
            {
                "unit": u.unit,
                "name": u.name,
                "provider": u.provider,
                "legacy": u.legacy,
                "target": u.target,
                "take_up": rounded(u.take_up),
                "services": [
                    {"service": s.service, "legacy": s.legacy, "target": s.target, "take_up": rounded(s.take_up)}
                    for s in u.services
                ],
            }
            for u in result.units
        ],
        "services": [
            {
                "service": s.service,
                "name": s.name,
                "legacy": s.legacy,
                "target": s.target,
                "take_up": rounded(s.take_up),
                "units_parallel": s.units_parallel,
                "monthly": [
                    {"month": m.month, "legacy": m.legacy, "target": m.target, "take_up": rounded(m.take_up)}
                    for m in s.monthly
                ],
            }
            for s in result.services
        ],
        "flags": [_flag(f) for f in result.flags],
        "summary": {
            "rows": result.rows,
            "units_with_data": result.units_with_data,
            "legacy": result.total.legacy,
            "target": result.total.target,
            "take_up": rounded(result.total.take_up),
            "flags": result.flag_counts(),
        },
    }


def _flag(flag: Flag) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": flag.code,
        "severity": flag.severity,
        "unit": flag.unit,
        "service": flag.service,
        "channel": flag.channel,
        "month": flag.month,
        "message": flag.message,
        "file": flag.file,
        "line": flag.line,
    }
    if flag.code == "missing_data":
        out["months"] = list(flag.months)
    return out


def render(result: FollowUp) -> str:
    """One top-level key a line, and one unit, service or flag a line inside its list: readable
    and diffable, and a national follow-up (120,000 unit services) is written by json's fast
    C encoder instead of its pure-Python indenting one."""
    data = as_dict(result)

    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    for i, (key, value) in enumerate(data.items()):
        end = "," if i < len(data) - 1 else ""
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n".join("    " + one(item) for item in value)
            lines.append(f"  {one(key)}: [\n{items}\n  ]{end}")
        else:
            lines.append(f"  {one(key)}: {one(value)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"
