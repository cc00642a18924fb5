"""`--format csv`: one row per step, for a spreadsheet or a script.

Encoding: UTF-8 without a byte-order mark. A BOM would make Excel guess UTF-8 on a
double-click, but it also becomes part of the first column's name for every script that
reads the file with a plain UTF-8 decoder (Python's csv module, awk, jq's @csv), so
`row["week"]` would not be found. And a double-click does not help Swedish Excel anyway:
its list separator is ';', so the file opens as one column per line. Data → Från text/CSV
(or Öppna in Excel on the web) reads it right: choose 65001 UTF-8 if it is not detected.

Delimiter: a comma, quoted per RFC 4180 by the csv module (a reason with a comma or a quote
stays one cell), which every tool reads unchanged. Line endings are CRLF, as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import TYPE_CHECKING

from planner.calendar import iso_week_label
from planner.plan.model import Plan
from planner.plan.render.view import names, sorted_steps

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

HEADER = ("week", "date", "unit", "unit_name", "service", "service_name", "action", "channel", "binding", "reason")


def step_rows(plan: Plan, catalog: Catalog) -> list[tuple[str, date, str, str, str, str, str, str, str, str]]:
    """One row per step in the csv's columns (HEADER), the date as a date: for the csv and the xlsx."""
    n = names(catalog)
    return [
        (
            iso_week_label(s.week),
            s.date,
            s.unit,
            n.unit(s.unit),
            s.service,
            n.service(s.service),
            s.action,
            s.channel,
            s.binding,
            # A newline inside a cell is legal CSV but makes a spreadsheet row tall.
            " ".join(s.reason.split()),
        )
        for s in sorted_steps(plan.steps)
    ]


def render(plan: Plan, catalog: Catalog) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(HEADER)
    for week, day, *rest in step_rows(plan, catalog):
        writer.writerow([week, day.isoformat(), *rest])
    return buffer.getvalue()
