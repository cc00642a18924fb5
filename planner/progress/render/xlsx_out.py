"""`--format xlsx`: progress as an Excel workbook (`planner.xlsx`), with `--out FILE` only.

One sheet, `progress`, with the csv's rows and columns; the date done is a real date and
the weeks late a number.
"""

from __future__ import annotations

from planner.calendar import iso_week_label
from planner.progress.model import Progress
from planner.progress.render.csv_out import HEADER
from planner.xlsx import Sheet, Value, workbook


def render_bytes(progress: Progress) -> bytes:
    names = progress.unit_names
    rows: list[tuple[Value, ...]] = [
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
    rows += [
        (n.unit, names.get(n.unit, ""), n.service, n.action, n.channel, iso_week_label(n.week), "new", None, None)
        for n in progress.new
    ]
    return workbook([Sheet("progress", HEADER, rows)], progress.as_of)
