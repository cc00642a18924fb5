"""`--format csv`: one row per step, for a spreadsheet.

Encoding: UTF-8 *with* a byte-order mark. Excel guesses the encoding of a CSV file it opens
by double-click, and without the BOM it reads UTF-8 as Windows-1252, so "Förnya recept"
becomes "FÃ¶rnya recept"; with it, å, ä and ö come out right in every Excel version. Python
reads it with `encoding="utf-8-sig"`, LibreOffice and pandas skip it.

Delimiter: a comma, quoted per RFC 4180 by the csv module (a reason with a comma or a quote
stays one cell). Swedish Excel's list separator is ';', so a double-click shows one column
per line there; Data → Från text/CSV (or Öppna in Excel on the web) detects the comma and
UTF-8 from the BOM. A comma keeps the file readable by every other tool unchanged, which
matters more for a file CI and scripts read too. Line endings are CRLF, as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from planner.calendar import iso_week_label
from planner.plan.model import Plan
from planner.plan.render.view import names, sorted_steps

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

BOM = "\ufeff"
HEADER = ("week", "date", "unit", "unit_name", "service", "service_name", "action", "channel", "binding", "reason")


def render(plan: Plan, catalog: Catalog) -> str:
    n = names(catalog)
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(HEADER)
    for s in sorted_steps(plan.steps):
        writer.writerow(
            [
                iso_week_label(s.week),
                s.date.isoformat(),
                s.unit,
                n.unit(s.unit),
                s.service,
                n.service(s.service),
                s.action,
                s.channel,
                s.binding,
                # A newline inside a cell is legal CSV but makes a spreadsheet row tall.
                " ".join(s.reason.split()),
            ]
        )
    return BOM + buffer.getvalue()
