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


Row = tuple[str, str, str, str, str, str, int | None, int | None, float | None, str, str, str]


def rows(result: FollowUp) -> list[Row]:
    """Every row, with counts as numbers and take-up rounded as shown (the xlsx's rows too)."""
    found: list[Row] = []
    window = f"{result.window[0]}/{result.window[1]}"

    def figures(kind: str, unit: str, provider: str, service: str, month: str, f: Figures) -> None:
        found.append((kind, unit, provider, service, "", month, f.legacy, f.target, rounded(f.take_up), "", "", ""))

    for u in result.units:
        figures("unit", u.unit, u.provider, "", window, u)
        for s in u.services:
            figures("unit_service", u.unit, u.provider, s.service, window, s)
    for sv in result.services:
        figures("service", "", "", sv.service, window, sv)
        for m in sv.monthly:
            figures("service_month", "", "", sv.service, m.month, m)
    for f in result.flags:
        found.append(
            (
                "flag",
                f.unit,
                "",
                f.service or "",
                f.channel or "",
                f.month,
                None,
                None,
                None,
                f.code,
                f.severity,
                f.message,
            )
        )
    return found


def render(result: FollowUp) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(result):
        share = row[8]
        writer.writerow(
            [
                *row[:6],
                "" if row[6] is None else row[6],
                "" if row[7] is None else row[7],
                "" if share is None else f"{share:.3f}",
                *row[9:],
            ]
        )
    return buffer.getvalue()
