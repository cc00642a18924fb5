"""`--format json`: the documented shape (docs/ci.md) (`as_of`, `conformant`, `summary`, `units`), plus extra keys.

Extras, all additive: per unit `name`, `regi`, `area`, `file`; per exemption `reason`,
`decision`, `file`, `line`, `expires_soon`; per unit `unused_exemptions` (exemptions that
waive nothing: `why` is `not_required` or `requirement_met`); in `summary` `expires_soon`,
`unused_exemptions` and `by_kind`; a
`basutbud` object saying whether the requirements were in force; and `uniformity` with
`--uniformity`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from planner.conformance.model import ConformanceReport, Deviation, Exempt, Uniformity, UnitResult, UnusedExemption
from planner.conformance.render import Context


def render(report: ConformanceReport, ctx: Context) -> str:
    return json.dumps(as_json(report, ctx), ensure_ascii=False, indent=2) + "\n"


def as_json(report: ConformanceReport, ctx: Context) -> dict[str, Any]:
    s = report.summary
    payload: dict[str, Any] = {
        "as_of": report.as_of.isoformat(),
        "conformant": report.conformant,
        "summary": {
            "units": s.units,
            "conformant_units": s.conformant_units,
            "deviations": s.deviations,
            "exempt": s.exempt,
            "expires_soon": s.expires_soon,
            "unused_exemptions": s.unused_exemptions,
            "by_kind": dict(s.by_kind),
        },
        "units": [_unit(u) for u in report.units],
        "catalog": ctx.catalog,
        "basutbud": {
            "source": ctx.basutbud_source,
            "effective": report.effective.isoformat() if report.effective else None,
            "in_force": report.in_force,
            "requirements": ctx.requirements,
        },
    }
    if ctx.uniformity is not None:
        payload["uniformity"] = _uniformity(ctx.uniformity, ctx)
    return payload


def _unit(unit: UnitResult) -> dict[str, Any]:
    return {
        "unit": unit.unit,
        "conformant": unit.conformant,
        "deviations": [_deviation(d) for d in unit.deviations],
        "exempt": [_exempt(e) for e in unit.exempt],
        "unused_exemptions": [_unused(u) for u in unit.unused_exemptions],
        "name": unit.name,
        "regi": unit.regi,
        "area": unit.area,
        "file": unit.file,
    }


def _fields(row: Deviation | Exempt | UnusedExemption, *names: str) -> dict[str, Any]:
    """The named attributes of `row`, in that order (the key order of the output); dates as
    YYYY-MM-DD."""
    values = ((name, getattr(row, name)) for name in names)
    return {name: value.isoformat() if isinstance(value, date) else value for name, value in values}


def _deviation(d: Deviation) -> dict[str, Any]:
    return _fields(d, "service", "channel", "kind", "file", "line", "message")


def _exempt(e: Exempt) -> dict[str, Any]:
    return _fields(e, "service", "channel", "until", "reason", "decision", "expires_soon", "file", "line")


def _unused(u: UnusedExemption) -> dict[str, Any]:
    return _fields(u, "service", "channel", "until", "why", "file", "line", "message")


def _uniformity(u: Uniformity, ctx: Context) -> dict[str, Any]:
    return {
        "channel": u.channel,
        "units": u.units,
        "services": [
            {
                "service": g.service,
                "name": ctx.service(g.service),
                "offered_by": len(g.offered_by),
                "not_offered_by": len(g.not_offered_by),
                "units_without": list(g.not_offered_by),
            }
            for g in u.gaps
        ],
    }
