"""`--format csv`: one row per tracked step, then one per new step (status `new`).

Same conventions as the plan's csv (UTF-8 without BOM, comma, RFC 4180 quoting, CRLF); the
header and the status values are the json keys and codes, untranslated, for scripts.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from planner.calendar import iso_week_label
from planner.progress.model import Progress

HEADER = ("unit", "unit_name", "service", "action", "channel", "planned_week", "status", "actual_date", "slip_weeks")


Row = tuple[str, str, str, str, str, str, str, date | None, int | None]


def rows(progress: Progress) -> list[Row]:
    """The tracked steps, then the new ones (status `new`), in HEADER's columns: for the csv and the xlsx."""
    names = progress.unit_names
    tracked: list[Row] = [
        (
            t.unit,
            names.get(t.unit, ""),
            t.service,
            t.action,
            t.channel,
            iso_week_label(t.planned_week),
            t.status,
            t.actual_date,
            t.slip_weeks,
        )
        for t in progress.steps
    ]
    return tracked + [
        (n.unit, names.get(n.unit, ""), n.service, n.action, n.channel, iso_week_label(n.week), "new", None, None)
        for n in progress.new
    ]


def render(progress: Progress) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(HEADER)
    for *text, done, slip in rows(progress):
        writer.writerow([*text, "" if done is None else done.isoformat(), "" if slip is None else slip])
    return buffer.getvalue()
