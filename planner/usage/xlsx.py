"""The first sheet of an `.xlsx` usage export as rows of text, through openpyxl's read-only
(streaming) mode. Imported only when a catalogue holds an `.xlsx` file."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any


class XlsxError(Exception):
    """The file is not a workbook openpyxl can read."""


def sheet_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts) for each row of the first sheet, the header first.

    A whole-number cell reads as its digits (`12.0` → `12`), a date as its `YYYY-MM`
    (SPEC §8: a date cell in `month` means its year-month), any other number as written.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, IndexError) as exc:
        raise XlsxError(_reason(exc)) from None
    if not book.worksheets:
        book.close()
        raise XlsxError("the workbook has no sheet")
    sheet: Any = book.worksheets[0]
    # A stated dimension of A1:XFD1048576 would pad every row to 16,384 cells.
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    return _rows(book, sheet)


def _rows(book: Any, sheet: Any) -> Iterator[tuple[int, list[str]]]:
    from planner.i18n import _
    from planner.usage.reader import _Unreadable

    number = 0
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_text(v) for v in values]
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, EOFError) as exc:
        message = _("cannot read the workbook past this row: {reason}").format(reason=_reason(exc))
        raise _Unreadable(number + 1, message) from None
    finally:
        book.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}"
    return str(value)


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
