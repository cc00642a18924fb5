"""The words the plan's outputs show a person, in one place.

Codes (`enable`, `capacity`, `no_mvg_equivalent`) are the contract and appear as they are in
json, yaml and csv; the text, markdown, mermaid and ics outputs add these words beside them,
so a Swedish translation of everything a person reads is this one file.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from planner.i18n import N_, _, ngettext

ACTION_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "brief_staff": N_("brief staff"),
        "enable": N_("enable"),
        "inform_patients": N_("inform patients"),
        "redirect": N_("redirect"),
    }
)
"""Short verbs for a step's action, for tables and lists."""

BINDING_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "start": N_("earliest week the plan allows"),
        "dependency": N_("waits for a service it depends on"),
        "mvg_ready": N_("waits until MVG is ready"),
        "capacity": N_("region-wide enables per week full"),
        "unit_parallel_limit": N_("unit's parallel periods full"),
        "blackout": N_("a blackout blocked the weeks before"),
        "min_parallel": N_("minimum parallel period"),
        "lead_time": N_("briefing lead time"),
        "patient_notice": N_("patients are told ahead"),
    }
)
"""What each `binding` code means, in a few words (the long form is docs/planning.md)."""

UNSCHEDULABLE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "no_mvg_equivalent": N_("MVG has no equal service yet (mvg_ready not set)"),
        "dependency_unavailable": N_("a service it depends on never reaches MVG at this unit"),
        "beyond_horizon": N_("does not fit within the plan's horizon"),
    }
)
"""What each unschedulable reason means, in a few words."""

PLAN_TITLE = N_("Migration plan")
NO_OVERRIDES = N_("none (the catalogue's policy as written)")
OVERRIDES_INTRO = N_("what-if, not the catalogue's policy")
MVG_CALENDAR_NAME = N_("MVG migration")


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return _(label) if label is not None else action


def unschedulable_label(reason: str) -> str:
    label = UNSCHEDULABLE_LABELS.get(reason)
    return _(label) if label is not None else reason


def binding_label(binding: str) -> str:
    label = BINDING_LABELS.get(binding)
    return _(label) if label is not None else binding


SEVERITY_LABELS: Mapping[str, str] = MappingProxyType({"error": N_("error"), "warning": N_("warning")})
"""A warning's `severity` as text outputs show it (json and yaml keep the code)."""


def severity_word(severity: str) -> str:
    label = SEVERITY_LABELS.get(severity)
    return _(label) if label is not None else severity


def step_counts(enables: int, redirects: int, briefings: int, notices: int) -> str:
    """`3 enables, 2 redirects, 3 staff briefings, 1 patient notice`."""
    return _("{enables}, {redirects}, {briefings}, {notices}").format(
        enables=ngettext("{n} enable", "{n} enables", enables).format(n=enables),
        redirects=ngettext("{n} redirect", "{n} redirects", redirects).format(n=redirects),
        briefings=ngettext("{n} staff briefing", "{n} staff briefings", briefings).format(n=briefings),
        notices=ngettext("{n} patient notice", "{n} patient notices", notices).format(n=notices),
    )
