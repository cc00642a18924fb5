"""How single values look in a table cell: the same colours and forms on every screen."""

from __future__ import annotations

from rich.text import Text

from planner.catalog.model import Offering
from planner.i18n import _
from planner.plan.model import Step
from planner.tui import words

ACTION_STYLE = {"enable": "bold green", "redirect": "bold yellow", "brief_staff": "cyan", "inform_patients": "cyan"}
STATUS_STYLE = {"active": "green", "redirect": "yellow", "planned": "cyan", "retired": "dim"}


def action(step: Step) -> Text:
    return Text(words.ACTIONS.get(step.action, step.action), style=ACTION_STYLE.get(step.action, ""))


def step_why(step: Step) -> Text:
    """`[binding] reason`: the constraint that placed the step, then why in words."""
    text = Text(f"[{step.binding}] ", style="dim")
    text.append(step.reason)
    return text


def offering(value: Offering | None) -> Text:
    """`active since 2024-04-15`; empty when the channel does not list the service."""
    if value is None:
        return Text("")
    text = Text(words.STATUSES[value.status], style=STATUS_STYLE.get(value.status, ""))
    if value.since is not None:
        text.append(" " + _("since {date}").format(date=value.since.isoformat()), style="dim")
    if value.from_ is not None:
        text.append(f" from {value.from_.isoformat()}", style="dim")
    return text
