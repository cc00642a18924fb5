"""The columns of the explorer's tables that are made when shown: for each table, its columns
(key, label, width) side by side, so widths that must fit 80 characters are tuned in one place.
Labels are marked `N_` and translated when `columns` is called (the language is chosen at run
time). In every table one column takes the width left over on screen."""

from __future__ import annotations

from typing import Literal

from planner.i18n import N_, _
from planner.tui.widgets.rowtable import Column

Table = Literal["progress", "changes", "deviations", "follow_up_services", "follow_up_units", "follow_up_flags"]

_TABLES: dict[Table, tuple[str, tuple[tuple[str, str, int], ...]]] = {
    # table: (the column that takes the width left over, (key, label, width) of each column)
    "progress": (
        "slip",
        (
            ("status", N_("Status"), 9),
            ("week", N_("Planned"), 12),
            ("unit", N_("Hälsocentral"), 24),
            ("service", N_("E-tjänst"), 22),
            ("action", N_("Action"), 9),
            ("done", N_("Done on"), 10),
            ("slip", N_("Slip"), 10),
        ),
    ),
    "changes": (
        "shift",
        (
            ("unit", N_("Hälsocentral"), 24),
            ("service", N_("E-tjänst"), 22),
            ("action", N_("Action"), 11),
            ("from", N_("Current"), 12),
            ("to", N_("What-if"), 12),
            ("shift", N_("Change"), 14),
        ),
    ),
    "deviations": (
        "message",
        (
            ("unit", N_("Hälsocentral"), 22),
            ("service", N_("E-tjänst"), 24),
            ("channel", N_("Channel"), 8),
            ("kind", N_("Kind"), 20),
            ("message", N_("Reason"), 40),
        ),
    ),
    "follow_up_services": (
        "months",
        (
            ("service", N_("E-tjänst"), 22),
            ("take_up", N_("Take-up"), 7),
            ("legacy", N_("Legacy"), 7),
            ("target", N_("Target"), 7),
            ("parallel", N_("Parallel"), 8),
            ("months", N_("Month by month"), 12),
        ),
    ),
    "follow_up_units": (
        "target",
        (
            ("unit", N_("Hälsocentral"), 28),
            ("provider", N_("Provider"), 22),
            ("take_up", N_("Take-up"), 7),
            ("legacy", N_("Legacy"), 7),
            ("target", N_("Target"), 7),
        ),
    ),
    # Fits 80 columns without scrolling sideways; the severity is the flag's colour.
    "follow_up_flags": (
        "message",
        (
            ("code", N_("Flag"), 22),
            ("unit", N_("Hälsocentral"), 18),
            ("service", N_("E-tjänst"), 16),
            ("message", N_("What to do"), 12),
        ),
    ),
}


def columns(table: Table) -> tuple[Column, ...]:
    """`table`'s columns, their labels in the current language."""
    flex, spec = _TABLES[table]
    return tuple(Column(key, _(label), width, flex=key == flex) for key, label, width in spec)
