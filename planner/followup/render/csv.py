"""`--format csv`: one long table for a spreadsheet, one row per figure or flag.

`kind` says what a row is: `unit_service` (a unit's service over the window), `unit` (a unit
over the window), `service` (a service region-wide over the window), `service_month` (a
service region-wide in one month) or `flag`. UTF-8 without BOM, comma, CRLF, as the plan's csv.
"""

from __future__ import annotations

import csv
import io

from planner.followup.model import Figures, FollowUp
from planner.followup.render import rounded

HEADER = (
    "kind",
    "unit",
    "provider",
    "service",
    "channel",
    "month",
    "legacy",
    "target",
    "take_up",
    "code",
    "severity",
    "message",
)


def _share(value: float | None) -> str:
    shown = rounded(value)
    return "" if shown is None else f"{shown:.3f}"


def render(result: FollowUp) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(HEADER)
    window = f"{result.window[0]}/{result.window[1]}"

    def figures(kind: str, unit: str, provider: str, service: str, month: str, f: Figures) -> None:
        writer.writerow([kind, unit, provider, service, "", month, f.legacy, f.target, _share(f.take_up), "", "", ""])

    for u in result.units:
        figures("unit", u.unit, u.provider, "", window, u)
        for s in u.services:
            figures("unit_service", u.unit, u.provider, s.service, window, s)
    for sv in result.services:
        figures("service", "", "", sv.service, window, sv)
        for m in sv.monthly:
            figures("service_month", "", "", sv.service, m.month, m)
    for f in result.flags:
        writer.writerow(
            ["flag", f.unit, "", f.service or "", f.channel or "", f.month, "", "", "", f.code, f.severity, f.message]
        )
    return buffer.getvalue()
