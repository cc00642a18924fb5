"""`--format xlsx`: tables as an Excel workbook, for the region's staff who work in Excel.

Each sheet has a bold header row that stays in view (frozen first row), an autofilter over
the whole table, columns as wide as their content, and real values: dates are Excel dates,
counts and weeks numbers, so sorting and filtering work without an import dialog.

Byte-identical for the same input, as every output is: openpyxl stamps the workbook with
the clock and its zip entries with the time of writing, so both are set to `stamp` (the
as_of of the run) after openpyxl has written the file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

Value = str | int | float | bool | date | None
MAX_WIDTH = 60
"""Characters: a long reason wraps in its cell rather than making the sheet unreadably wide."""
_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[Value]]


def workbook(sheets: Sequence[Sheet], stamp: date) -> bytes:
    """The sheets as an .xlsx file, byte-identical for the same sheets and stamp."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(_title(sheet.title))
        ws.append(list(sheet.header))
        widths = [len(h) for h in sheet.header]
        count = 0
        for row in sheet.rows:
            ws.append(list(row))
            count += 1
            for i, value in enumerate(row):
                widths[i] = max(widths[i], _width(value))
        for cell in ws[1]:
            cell.font = bold
        for column in ws.iter_cols(min_row=2, max_row=count + 1):
            for cell in column:
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
        last = get_column_letter(max(len(sheet.header), 1))
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
        ws.freeze_panes = "A2"
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(width, MAX_WIDTH) + 2
    buffer = io.BytesIO()
    book.save(buffer)
    return _stamped(buffer.getvalue(), stamp)


def _title(text: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\\`."""
    return re.sub(r"[\[\]:*?/\\]", "-", text)[:31] or "Sheet"


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _stamped(data: bytes, stamp: date) -> bytes:
    """The workbook with `stamp` as its creation and modification time, and every zip
    entry dated the same, in the order openpyxl wrote them."""
    when = f"{stamp.isoformat()}T00:00:00Z".encode("ascii")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = _STAMPS.sub(lambda m: m.group(1) + when + m.group(2), payload)
            entry = zipfile.ZipInfo(info.filename, date_time=(max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, payload)
    return out.getvalue()
