"""The first sheet of an `.xlsx` usage export as rows of text, through openpyxl's read-only
(streaming) mode. Imported only when a catalogue holds an `.xlsx` file."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any


class XlsxError(Exception):
    """The file is not a workbook openpyxl can read."""


class SheetRows:
    """The first sheet's rows as lists of cell texts, the header first, read like `csv.reader`:
    `line_num` is the sheet row of the row last given.

    A whole-number cell reads as its digits (`12.0` → `12`), a date as its `YYYY-MM` (SPEC §8:
    a date cell in `month` means its year-month), any other number as written.
    """

    def __init__(self, path: Path | IO[bytes]) -> None:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self._book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, IndexError, EOFError) as exc:
            raise XlsxError(_reason(exc)) from None
        if not self._book.worksheets:
            self._book.close()
            raise XlsxError("the workbook has no sheet")
        self._sheet: Any = self._book.worksheets[0]
        # A stated dimension of A1:XFD1048576 would pad every row to 16,384 cells.
        if hasattr(self._sheet, "reset_dimensions"):
            self._sheet.reset_dimensions()
        self.line_num = 0

    def __iter__(self) -> Iterator[list[str]]:
        from planner.i18n import _
        from planner.usage.reader import _Unreadable

        try:
            for row in self._sheet.iter_rows():
                number = next((c.row for c in row if getattr(c, "row", None)), self.line_num + 1)
                while self.line_num + 1 < number:  # rows the sheet leaves out are empty
                    self.line_num += 1
                    yield []
                self.line_num = number
                yield [_text(c.value) for c in row]
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, EOFError) as exc:
            message = _("cannot read the workbook past this row: {reason}").format(reason=_reason(exc))
            raise _Unreadable(self.line_num + 1, message) from None
        finally:
            self._book.close()


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
