"""`mvgplan diff --format text|json|markdown`: what changed between two plans.

Per unit and service: which steps moved (from week → to week), appeared or vanished, and
which unschedulable items and warnings appeared or vanished; then one summary line with the
end week before and after. Plan files carry ids, not names, so ids are shown.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from itertools import groupby

from planner.calendar import iso_week_label, swedish_week_label
from planner.i18n import N_, _, ngettext
from planner.plan.diff import ItemChange, PlanDiff, StepChange
from planner.plan.render.labels import action_label, severity_word
from planner.plan.render.markdown import cell, table
from planner.plan.render.view import columns, short_digest, week_or_none

FORMATS = ("text", "json", "markdown")


def render(diff: PlanDiff, old_name: str, new_name: str, fmt: str) -> str:
    if fmt == "json":
        return render_json(diff, old_name, new_name)
    if fmt == "markdown":
        return render_markdown(diff, old_name, new_name)
    return render_text(diff, old_name, new_name)


def summary_line(diff: PlanDiff) -> str:
    """`2 steps moved, 1 appeared, 0 vanished; …; end week v. 12 (2027) → v. 14 (2027) (2 weeks later).`"""
    old_end, new_end = diff.old.end_week, diff.new.end_week
    moved = diff.count("moved")
    parts = [
        ngettext(
            "{moved} step moved, {appeared} appeared, {vanished} vanished, {unchanged} unchanged",
            "{moved} steps moved, {appeared} appeared, {vanished} vanished, {unchanged} unchanged",
            moved,
        ).format(
            moved=moved, appeared=diff.count("appeared"), vanished=diff.count("vanished"), unchanged=diff.unchanged
        )
    ]
    if diff.items:
        appeared = sum(1 for i in diff.items if i.change == "appeared")
        parts.append(
            ngettext(
                "{appeared} finding appeared, {vanished} vanished (unschedulable items and warnings)",
                "{appeared} findings appeared, {vanished} vanished (unschedulable items and warnings)",
                appeared,
            ).format(appeared=appeared, vanished=len(diff.items) - appeared)
        )
    shift = diff.end_shift_weeks
    values = {"old": week_or_none(old_end), "new": week_or_none(new_end), "n": abs(shift or 0)}
    if shift and shift > 0:
        end = ngettext(
            "end week {old} → {new} ({n} week later)", "end week {old} → {new} ({n} weeks later)", abs(shift)
        )
    elif shift:
        end = ngettext(
            "end week {old} → {new} ({n} week earlier)", "end week {old} → {new} ({n} weeks earlier)", abs(shift)
        )
    elif old_end == new_end:
        end = _("end week {old} → {new} (unchanged)")
    else:
        end = _("end week {old} → {new}")
    parts.append(end.format(**values))
    return "; ".join(parts) + "."


def _iso_week(d: date | None) -> str | None:
    """`2027-W03`, or None (JSON null) for a plan with no steps."""
    return iso_week_label(d) if d is not None else None


def _step_text(change: StepChange) -> list[str]:
    if change.change == "moved" and change.old and change.new:
        shift = change.shift_weeks or 0
        when = _("{old} → {new} ({shift} w)").format(
            old=swedish_week_label(change.old.week),
            new=swedish_week_label(change.new.week),
            shift=f"{'+' if shift > 0 else ''}{shift}",
        )
        why = _("now [{binding}] {reason}").format(binding=change.new.binding, reason=change.new.reason)
    elif change.new is not None:
        when, why = swedish_week_label(change.new.week), f"[{change.new.binding}] {change.new.reason}"
    elif change.old is not None:
        when, why = _("was {week}").format(week=swedish_week_label(change.old.week)), ""
    else:  # pragma: no cover - a change always has one side
        when, why = "", ""
    return [action_label(change.action), change_word(change.change), when, why]


_CHANGE_WORDS = {"moved": N_("moved"), "appeared": N_("appeared"), "vanished": N_("vanished")}


def change_word(change: str) -> str:
    """`moved`, `appeared`, `vanished` as text and markdown show them (json keeps the code)."""
    word = _CHANGE_WORDS.get(change)
    return _(word) if word is not None else change


def _item_text(item: ItemChange) -> list[str]:
    what = f"{item.kind} {item.code}" + (f" ({severity_word(item.severity)})" if item.severity else "")
    return [what, change_word(item.change), item.message]


def _per_unit_service(
    diff: PlanDiff,
) -> list[tuple[str, str, list[StepChange], list[ItemChange]]]:
    steps: dict[tuple[str, str], list[StepChange]] = defaultdict(list)
    items: dict[tuple[str, str], list[ItemChange]] = defaultdict(list)
    for change in diff.steps:
        steps[(change.unit, change.service)].append(change)
    for item in diff.items:
        items[(item.unit, item.service)].append(item)
    return [(unit, service, steps[(unit, service)], items[(unit, service)]) for unit, service in sorted(steps | items)]


def render_text(diff: PlanDiff, old_name: str, new_name: str) -> str:
    lines = [_("Plan diff: {old} → {new}").format(old=old_name, new=new_name)]
    if diff.old.catalog_digest != diff.new.catalog_digest or diff.old.as_of != diff.new.as_of:
        lines.append(
            _("Catalogue {old} (as of {old_as_of}) → {new} (as of {new_as_of})").format(
                old=short_digest(diff.old.catalog_digest),
                old_as_of=diff.old.as_of.isoformat(),
                new=short_digest(diff.new.catalog_digest),
                new_as_of=diff.new.as_of.isoformat(),
            )
        )
    if diff.identical:
        lines.append(
            ngettext(
                "The plans are the same: {n} step, none moved.",
                "The plans are the same: {n} steps, none moved.",
                diff.unchanged,
            ).format(n=diff.unchanged)
        )
    groups = _per_unit_service(diff)
    # One table for the whole diff, so the columns line up from unit to unit.
    step_rows = [_step_text(c) for *_, steps, _ in groups for c in steps]
    item_rows = [[*_item_text(i), ""] for *_, items in groups for i in items]
    formatted = columns(step_rows + item_rows, indent="    ")
    steps_at, items_at = iter(formatted[: len(step_rows)]), iter(formatted[len(step_rows) :])
    for unit, unit_groups in groupby(groups, key=lambda g: g[0]):
        lines += ["", unit]
        for _unit, service, steps, items in unit_groups:
            lines.append(f"  {service}")
            lines += [next(steps_at) for _ in steps]
            lines += [next(items_at) for _ in items]
    lines += ["", _("Summary: {sentence}").format(sentence=summary_line(diff))]
    return "\n".join(lines) + "\n"


def _plan_json(plan_name: str, diff: PlanDiff, new: bool) -> dict[str, object]:
    plan = diff.new if new else diff.old
    return {
        "file": plan_name,
        "as_of": plan.as_of.isoformat(),
        "catalog_digest": plan.catalog_digest,
        "steps": len(plan.steps),
        "end_week": _iso_week(plan.end_week),
    }


def _step_json(change: StepChange) -> dict[str, object]:
    return {
        "unit": change.unit,
        "service": change.service,
        "action": change.action,
        "change": change.change,
        "old_week": iso_week_label(change.old.week) if change.old else None,
        "new_week": iso_week_label(change.new.week) if change.new else None,
        "old_date": change.old.date.isoformat() if change.old else None,
        "new_date": change.new.date.isoformat() if change.new else None,
        "shift_weeks": change.shift_weeks,
        "binding": change.new.binding if change.new else None,
        "reason": change.new.reason if change.new else None,
    }


def _item_json(item: ItemChange) -> dict[str, object]:
    result: dict[str, object] = {
        "unit": item.unit,
        "service": item.service,
        "change": item.change,
        ("reason" if item.kind == "unschedulable" else "code"): item.code,
    }
    if item.severity is not None:
        result["severity"] = item.severity
    result["message"] = item.message
    return result


def render_json(diff: PlanDiff, old_name: str, new_name: str) -> str:
    payload = {
        "identical": diff.identical,
        "old": _plan_json(old_name, diff, new=False),
        "new": _plan_json(new_name, diff, new=True),
        "summary": {
            "moved": diff.count("moved"),
            "appeared": diff.count("appeared"),
            "vanished": diff.count("vanished"),
            "unchanged": diff.unchanged,
            "end_week_before": _iso_week(diff.old.end_week),
            "end_week_after": _iso_week(diff.new.end_week),
            "end_shift_weeks": diff.end_shift_weeks,
        },
        "steps": [_step_json(c) for c in diff.steps],
        "unschedulable": [_item_json(i) for i in _of_kind(diff.items, "unschedulable")],
        "warnings": [_item_json(i) for i in _of_kind(diff.items, "warning")],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _of_kind(items: Iterable[ItemChange], kind: str) -> list[ItemChange]:
    return [i for i in items if i.kind == kind]


def render_markdown(diff: PlanDiff, old_name: str, new_name: str) -> str:
    out = [
        "## " + _("Plan diff: {old} → {new}").format(old=f"`{cell(old_name)}`", new=f"`{cell(new_name)}`"),
        "",
        cell(summary_line(diff)),
    ]
    if diff.steps:
        rows = [
            [
                f"`{c.unit}`",
                f"`{c.service}`",
                action_label(c.action),
                change_word(c.change),
                swedish_week_label(c.old.week) if c.old else "–",
                swedish_week_label(c.new.week) if c.new else "–",
                f"`{c.new.binding}`: {cell(c.new.reason)}" if c.new else "",
            ]
            for c in diff.steps
        ]
        out += ["", "### " + _("Steps"), ""]
        out += table(
            [_("Hälsocentral"), _("E-tjänst"), _("Step"), _("Change"), _("Before"), _("After"), _("Why now")], rows
        )
    if diff.items:
        rows = [
            [f"`{i.unit}`", f"`{i.service}`", f"{i.kind} `{i.code}`", change_word(i.change), cell(i.message)]
            for i in diff.items
        ]
        out += ["", "### " + _("Unschedulable items and warnings"), ""]
        out += table([_("Hälsocentral"), _("E-tjänst"), _("What"), _("Change"), _("Message")], rows)
    return "\n".join(out) + "\n"


def step_line(change: StepChange) -> str:
    """One changed step on one line: `hc-alfa omboka-tid enable moved v. 5 (2027) → v. 7 (2027) (+2 w)`."""
    action, kind, when, _why = _step_text(change)
    return f"{change.unit} {change.service} {action} {kind} {when}"
