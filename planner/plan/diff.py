"""Compare two plans: which steps moved, appeared or vanished, per unit and service.

A step is identified by its unit, service and action: a plan has at most one enable, one
redirect and one briefing per unit and service, so the same triple in both plans is the
same step, and a different week means it moved. Unschedulable items and warnings are
compared by what they are about (unit, service and reason or code). Pure: plans in, a
`PlanDiff` out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from planner.plan.model import Action, Plan, PlanWarning, Step, Unschedulable, identity_order

StepChangeKind = Literal["moved", "appeared", "vanished"]
ItemChangeKind = Literal["appeared", "vanished"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class StepChange:
    """One step that is not in the same week in both plans."""

    unit: str
    service: str
    action: Action
    change: StepChangeKind
    old: Step | None
    """The step in the old plan (None when it appeared)."""
    new: Step | None
    """The step in the new plan (None when it vanished)."""

    @property
    def shift_weeks(self) -> int | None:
        """How many weeks later (negative: earlier) a moved step now falls."""
        if self.old is None or self.new is None:
            return None
        return (self.new.week - self.old.week).days // 7


@dataclass(frozen=True)
class ItemChange:
    """An unschedulable item or a warning that is in only one of the plans."""

    kind: Literal["unschedulable", "warning"]
    code: str
    """The unschedulable reason or the warning code."""
    unit: str
    service: str
    change: ItemChangeKind
    message: str
    severity: str | None = None
    """For a warning: `warning` or `error`."""


@dataclass(frozen=True)
class PlanDiff:
    old: Plan
    new: Plan
    steps: tuple[StepChange, ...]
    """Sorted by unit, service, action."""
    items: tuple[ItemChange, ...]
    """Unschedulable items, then warnings; each sorted by unit, service, code."""
    unchanged: int
    """Steps in the same week in both plans."""

    @property
    def identical(self) -> bool:
        """Nothing a person acts on differs (the catalogue digest or as_of may)."""
        return not self.steps and not self.items and self.old.end_week == self.new.end_week

    def count(self, change: StepChangeKind) -> int:
        return sum(1 for c in self.steps if c.change == change)

    @property
    def end_shift_weeks(self) -> int | None:
        if self.old.end_week is None or self.new.end_week is None:
            return None
        return (self.new.end_week - self.old.end_week).days // 7


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    changes: list[StepChange] = []
    unchanged = 0
    old_steps, new_steps = _by_key(old.steps), _by_key(new.steps)
    for key in sorted(old_steps.keys() | new_steps.keys(), key=_key_order):
        unit, service, action = key
        before, after = old_steps.get(key, []), new_steps.get(key, [])
        # Pair them up in week order; a well-formed plan has one of each, but a hand-edited
        # file may not, and the surplus then simply appeared or vanished.
        for a, b in zip(before, after, strict=False):
            if a.week == b.week:
                unchanged += 1
            else:
                changes.append(StepChange(unit, service, action, "moved", a, b))
        changes += [StepChange(unit, service, action, "vanished", a, None) for a in before[len(after) :]]
        changes += [StepChange(unit, service, action, "appeared", None, b) for b in after[len(before) :]]
    items = _items(old.unschedulable, new.unschedulable, _unschedulable_key, _unschedulable_change)
    items += _items(old.warnings, new.warnings, _warning_key, _warning_change)
    return PlanDiff(old, new, tuple(changes), tuple(items), unchanged)


def _by_key(steps: Iterable[Step]) -> dict[tuple[str, str, Action], list[Step]]:
    grouped: dict[tuple[str, str, Action], list[Step]] = defaultdict(list)
    for step in sorted(steps, key=lambda s: (s.week, s.date, s.channel, s.binding, s.reason)):
        grouped[(step.unit, step.service, step.action)].append(step)
    return grouped


def _key_order(key: tuple[str, str, Action]) -> tuple[str, str, int]:
    return identity_order(*key)


def _unschedulable_key(u: Unschedulable) -> tuple[str, str, str]:
    return (u.unit, u.service, u.reason)


def _warning_key(w: PlanWarning) -> tuple[str, str, str]:
    return (w.unit, w.service, w.code)


def _unschedulable_change(u: Unschedulable, change: ItemChangeKind) -> ItemChange:
    return ItemChange("unschedulable", u.reason, u.unit, u.service, change, u.message)


def _warning_change(w: PlanWarning, change: ItemChangeKind) -> ItemChange:
    return ItemChange("warning", w.code, w.unit, w.service, change, w.message, w.severity)


def _items(
    old: Iterable[_T],
    new: Iterable[_T],
    key: Callable[[_T], tuple[str, str, str]],
    make: Callable[[_T, ItemChangeKind], ItemChange],
) -> list[ItemChange]:
    before = {key(x): x for x in old}
    after = {key(x): x for x in new}
    changed = [make(after[k], "appeared") for k in after.keys() - before.keys()]
    changed += [make(before[k], "vanished") for k in before.keys() - after.keys()]
    return sorted(changed, key=lambda c: (c.unit, c.service, c.code, c.change))
