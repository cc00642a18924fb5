"""One truth per date: where a planned offering's `from:` and the plan's week disagree. No Textual.

SPEC §4: a `from:` on a planned offering is information; it does not constrain the plan. So
when the catalogue says "from 2027-05-03" and the plan enables the service in v. 14, the
unit screen says that the plan's week is the one that holds, and why the plan chose it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.calendar import monday_of
from planner.plan.model import Step, Unschedulable
from planner.tui.data import Model


@dataclass(frozen=True)
class DateNote:
    service: str
    channel: str
    from_: date
    """The catalogue's `from:`."""
    step: Step | None
    """The plan's enable of that offering (None when the plan has none)."""
    unschedulable: Unschedulable | None
    """Why the plan has no enable, when it cannot schedule one."""

    @property
    def agrees(self) -> bool:
        return self.step is not None and self.step.week == monday_of(self.from_)


def date_notes(model: Model, unit_id: str) -> dict[tuple[str, str], DateNote]:
    """Per (service, channel), every planned offering with a `from:` that the plan does not keep."""
    unit = model.unit(unit_id)
    if unit is None or model.plan is None:
        return {}
    enables = {(s.service, s.channel): s for s in model.steps_by_unit.get(unit_id, ()) if s.action == "enable"}
    blocked = {u.service: u for u in model.unschedulable_by_unit.get(unit_id, ())}
    notes: dict[tuple[str, str], DateNote] = {}
    for service, channels in unit.offerings.items():
        for channel, offering in channels.items():
            if offering.status != "planned" or offering.from_ is None:
                continue
            note = DateNote(service, channel, offering.from_, enables.get((service, channel)), blocked.get(service))
            if not note.agrees:
                notes[(service, channel)] = note
    return notes
