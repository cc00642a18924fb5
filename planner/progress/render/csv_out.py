"""`--format csv`: one row per tracked step, then one per new step (status `new`).

Same conventions as the plan's csv (UTF-8 without BOM, comma, RFC 4180 quoting, CRLF); the
header and the status values are the json keys and codes, untranslated, for scripts.
"""

from __future__ import annotations

import csv
import io

from planner.calendar import iso_week_label
from planner.progress.model import Progress

HEADER = ("unit", "unit_name", "service", "action", "channel", "planned_week", "status", "actual_date", "slip_weeks")


def render(progress: Progress) -> str:
    names = progress.unit_names
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(HEADER)
    for t in progress.steps:
        writer.writerow(
            [
                t.unit,
                names.get(t.unit, ""),
                t.service,
                t.action,
                t.channel,
                iso_week_label(t.planned_week),
                t.status,
                t.actual_date.isoformat() if t.actual_date is not None else "",
                "" if t.slip_weeks is None else t.slip_weeks,
            ]
        )
    for n in progress.new:
        row = [n.unit, names.get(n.unit, ""), n.service, n.action, n.channel, iso_week_label(n.week), "new", "", ""]
        writer.writerow(row)
    return buffer.getvalue()
