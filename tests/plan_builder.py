"""Tiny catalogues for planner tests, written from Python values into a folder.

Files are written as JSON, which is YAML too, so there is no dumper whose anchors or
quoting could get in the way. Everything a test does not mention gets a quiet default: no
blackouts, ample capacity, two weeks minimum parallel, two weeks briefing lead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from planner.catalog.loader import Catalog, load_catalog
from planner.plan.model import Plan, PlanOptions
from planner.plan.scheduler import schedule

AS_OF = date(2026, 11, 23)  # a Monday; the default start is 2026-11-30 (2026-W49)


def svc(
    sid: str,
    *,
    ready: str | None = "2024-01-01",
    deps: tuple[str, ...] = (),
    priority: int | None = None,
    migrate: bool = True,
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": sid, "name": sid.replace("-", " ").title(), "mvg_ready": ready}
    if deps:
        out["depends_on"] = list(deps)
    if priority is not None:
        out["priority"] = priority
    if not migrate:
        out["migrate"] = False
    return out


def off(status: str, since: str | None = None) -> dict[str, Any]:
    return {"status": status} if since is None else {"status": status, "since": since}


MIGRATE = {"1177": off("active")}
"""An offering that needs a migration: legacy active, nothing in MVG."""


@dataclass
class Spec:
    """A catalogue to write: services, units (id → offerings) and the policy knobs."""

    services: list[dict[str, Any]]
    units: dict[str, dict[str, Any]]
    basutbud: list[str] = field(default_factory=list)
    capacity: int = 50
    slots: int = 5
    min_parallel: int = 2
    max_parallel: int = 8
    lead: int = 2
    notice: int = 0
    """policy.patient_notice_weeks"""
    blackouts: list[dict[str, str]] = field(default_factory=list)
    unit_blackouts: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    exemptions: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    as_of: date = AS_OF
    start: str | None = None
    horizon: int = 104

    def write(self, root: Path) -> Catalog:
        (root / "units").mkdir(parents=True, exist_ok=True)
        region: dict[str, Any] = {
            "schema_version": 1,
            "region": "Region Test",
            "as_of": self.as_of.isoformat(),
            "channels": [{"id": "1177", "role": "legacy"}, {"id": "mvg", "role": "target"}],
            "policy": {
                "parallel_weeks": {"min": self.min_parallel, "max": self.max_parallel},
                "capacity": {"enables_per_week": self.capacity, "parallel_per_unit": self.slots},
                "briefing_lead_weeks": self.lead,
                "patient_notice_weeks": self.notice,
                "blackouts": self.blackouts,
            },
            "plan": {"horizon_weeks": self.horizon, **({"start": self.start} if self.start else {})},
        }
        files = {
            "region.yaml": region,
            "services.yaml": {"services": self.services},
            "basutbud.yaml": {"required": [{"service": s, "channel": "mvg"} for s in self.basutbud]},
        }
        for uid, offerings in self.units.items():
            unit: dict[str, Any] = {"id": uid, "name": uid, "regi": "egen", "offerings": offerings}
            if uid in self.exemptions:
                unit["exemptions"] = self.exemptions[uid]
            if uid in self.unit_blackouts:
                unit["blackouts"] = self.unit_blackouts[uid]
            files[f"units/{uid}.yaml"] = unit
        for rel, data in files.items():
            (root / rel).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        result = load_catalog(root)
        assert result.catalog is not None, [p.render() for p in result.problems]
        return result.catalog


def plan_for(spec: Spec, root: Path, **options: Any) -> tuple[Catalog, Plan]:
    catalog = spec.write(root)
    return catalog, schedule(catalog, PlanOptions(as_of=options.pop("as_of", spec.as_of), **options))


def weeks_of(plan: Plan, unit: str, service: str) -> dict[str, date]:
    """The Monday of each of a (unit, service)'s steps, by action."""
    return {s.action: s.week for s in plan.steps if (s.unit, s.service) == (unit, service)}


def step(plan: Plan, unit: str, service: str, action: str) -> Any:
    return next(s for s in plan.steps if (s.unit, s.service, s.action) == (unit, service, action))
