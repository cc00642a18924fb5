"""`--format xlsx`: progress as an Excel workbook (`planner.xlsx`), with `--out FILE` only.

One sheet, `progress`, with the csv's rows and columns; the date done is a real date and
the weeks late a number.
"""

from __future__ import annotations

from planner.progress.model import Progress
from planner.progress.render.csv_out import HEADER, rows
from planner.xlsx import Sheet, workbook


def render_bytes(progress: Progress) -> bytes:
    return workbook([Sheet("progress", HEADER, rows(progress))], progress.as_of)
