"""What the follow-up tab lists, from the core's `FollowUp` (SPEC §8). No Textual.

Take-up per e-tjänst (with a sparkline of its months) and per hälsocentral, by name; the
flags with warnings first; and per e-tjänst a month-by-month bar chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.collation import name_key
from planner.followup import texts
from planner.followup.model import Flag, FollowUp, ServiceFollowUp, UnitFollowUp
from planner.followup.render import text as text_render
from planner.tui.data import Model

# The same characters and shares as `mvgplan follow-up --format text` prints.
share = texts.share
sparkline = text_render.sparkline


def bar(value: float | None, width: int) -> str:
    """`███████░░░` for a share: the filled part is the target channel's."""
    if value is None:
        return "·" * width
    filled = round(value * width)
    return "█" * filled + "░" * (width - filled)


def services(model: Model, follow_up: FollowUp) -> list[ServiceFollowUp]:
    """The e-tjänster with usage, by name."""
    far = len(model.service_order)
    return sorted(follow_up.services, key=lambda s: (model.service_order.get(s.service, far), s.service))


def units(model: Model, follow_up: FollowUp) -> list[UnitFollowUp]:
    """The hälsocentraler, by name."""
    return sorted(follow_up.units, key=lambda u: (name_key(u.name), u.unit))


@dataclass(frozen=True)
class FlagRow:
    flag: Flag
    unit_name: str
    service_name: str


def flags(model: Model, follow_up: FollowUp) -> list[FlagRow]:
    """Every flag, warnings before information, then by hälsocentral and e-tjänst (by name)."""
    far = len(model.unit_order)
    rows = [
        FlagRow(f, model.unit_name(f.unit), model.service_name(f.service) if f.service else "") for f in follow_up.flags
    ]
    return sorted(
        rows,
        key=lambda r: (
            r.flag.severity != "warning",
            model.unit_order.get(r.flag.unit, far),
            model.service_order.get(r.flag.service or "", -1),
            r.flag.code,
            r.flag.channel or "",
        ),
    )
