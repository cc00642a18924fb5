"""The words the plan's outputs show a person, in one place.

Codes (`enable`, `capacity`, `no_mvg_equivalent`) are the contract and appear as they are in
json, yaml and csv; the text, markdown, mermaid and ics outputs add these words beside them,
so a Swedish translation of everything a person reads is this one file.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from planner.i18n import N_, _

ACTION_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "brief_staff": "brief staff",
        "enable": "enable",
        "inform_patients": N_("inform patients"),
        "redirect": "redirect",
    }
)
"""Short verbs for a step's action, for tables and lists."""

BINDING_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "start": "earliest week the plan allows",
        "dependency": "waits for a service it depends on",
        "mvg_ready": "waits until MVG is ready",
        "capacity": "region-wide enables per week full",
        "unit_parallel_limit": "unit's parallel periods full",
        "blackout": "a blackout blocked the weeks before",
        "min_parallel": "minimum parallel period",
        "lead_time": "briefing lead time",
        "patient_notice": N_("patients are told ahead"),
    }
)
"""What each `binding` code means, in a few words (the long form is docs/planning.md)."""

UNSCHEDULABLE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "no_mvg_equivalent": "MVG has no equal service yet (mvg_ready not set)",
        "dependency_unavailable": "a service it depends on never reaches MVG at this unit",
        "beyond_horizon": "does not fit within the plan's horizon",
    }
)
"""What each unschedulable reason means, in a few words."""

PLAN_TITLE = "Migration plan"
NO_OVERRIDES = "none (the catalogue's policy as written)"
OVERRIDES_INTRO = "what-if, not the catalogue's policy"
MVG_CALENDAR_NAME = "MVG migration"


def action_label(action: str) -> str:
    return _(ACTION_LABELS[action]) if action in ACTION_LABELS else action


def binding_label(binding: str) -> str:
    return _(BINDING_LABELS[binding]) if binding in BINDING_LABELS else binding


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 enable`, `2 enables`; English words only (the Swedish ones go through a table)."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
