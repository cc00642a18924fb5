"""`--format mermaid`: the plan as a Mermaid gantt chart (GitHub and GitLab render it).

One section per hälsocentral. A migration's parallel period is a bar from its enable to its
redirect; a running parallel period (already enabled before the plan) is a bar from the
plan's first week to its redirect; briefings, introductions (an enable with no redirect)
and lone redirects are milestones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.plan.model import Plan, Step
from planner.plan.render.labels import MVG_CALENDAR_NAME, action_label
from planner.plan.render.view import Names, names, sorted_steps

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

# Mermaid's gantt lexer ends a task name at ':' (the data follows), at ';' (a statement
# separator) and at '#' (a comment), reads a name starting with '%' after one character as
# a comment, and splits lines at newlines. Those characters are replaced by look-alikes
# that it passes through unchanged.
_REPLACEMENTS = str.maketrans({":": "꞉", ";": ",", "#": "＃", "%": "％", "\n": " ", "\r": " ", "\t": " "})
# A name that begins with a keyword of the gantt grammar (or a date) would be read as that
# statement; a word joiner in front (invisible, and not whitespace to the lexer) prevents it.
_KEYWORD_START = re.compile(
    r"(?i)(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|"
    r"todaymarker|weekday|title|accdescription|acctitle|accdescr|section|click|call|href)\b|\d{4}-\d{2}-\d{2}"
)
_WORD_JOINER = "\u2060"


def escape(text: str) -> str:
    """Text safe as a mermaid gantt title, section or task name."""
    text = " ".join(text.translate(_REPLACEMENTS).split())
    if _KEYWORD_START.match(text):
        text = _WORD_JOINER + text
    return text or "–"


def render(plan: Plan, catalog: Catalog) -> str:
    n = names(catalog)
    lines = [
        "gantt",
        f"    title {escape(f'{_(MVG_CALENDAR_NAME)}, {n.region}, {n.channel(n.legacy)} → {n.channel(n.target)}')}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat v. %V",
    ]
    by_unit: dict[str, list[Step]] = defaultdict(list)
    for step in sorted_steps(plan.steps):
        by_unit[step.unit].append(step)
    for unit in sorted(by_unit, key=n.unit_key):
        lines.append(f"    section {escape(n.unit(unit))}")
        lines += [f"        {task}" for task in _tasks(by_unit[unit], plan.start_week, n)]
    return "\n".join(lines) + "\n"


def _tasks(steps: list[Step], start: date, n: Names) -> list[str]:
    by_service: dict[str, dict[str, Step]] = defaultdict(dict)
    for step in steps:
        by_service[step.service][step.action] = step
    rows: list[tuple[date, int, str, str]] = []
    for service, actions in by_service.items():
        name = n.service(service)
        enable, redirect, brief = actions.get("enable"), actions.get("redirect"), actions.get("brief_staff")
        if brief is not None:
            rows.append((brief.date, 0, service, _milestone(f"{name}, {action_label('brief_staff')}", brief.date)))
        inform = actions.get("inform_patients")
        if inform is not None:
            milestone = _milestone(f"{name}, {action_label('inform_patients')}", inform.date)
            rows.append((inform.date, 2, service, milestone))
        if enable is not None and redirect is not None:
            rows.append(
                (
                    enable.date,
                    1,
                    service,
                    _bar(_("{service}, parallel period").format(service=name), "", enable.date, redirect.date),
                )
            )
        elif enable is not None:
            rows.append(
                (enable.date, 1, service, _milestone(_("{service}, enable in MVG").format(service=name), enable.date))
            )
        elif redirect is not None and redirect.date > start:
            # Enabled before the plan: the bar starts with the plan.
            bar = _bar(_("{service}, running parallel period").format(service=name), "active, ", start, redirect.date)
            rows.append((start, 1, service, bar))
        elif redirect is not None:
            rows.append((redirect.date, 1, service, _milestone(f"{name}, {action_label('redirect')}", redirect.date)))
    return [row for *_, row in sorted(rows)]


def _milestone(name: str, day: date) -> str:
    return f"{escape(name)} :milestone, {day.isoformat()}, 0d"


def _bar(name: str, tags: str, first: date, last: date) -> str:
    """A bar from `first` to `last`; a milestone when that is no time at all (nothing to draw)."""
    if last <= first:
        return _milestone(name, last)
    return f"{escape(name)} :{tags}{first.isoformat()}, {last.isoformat()}"
