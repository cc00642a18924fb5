"""`--format xlsx`: the follow-up as an Excel workbook (`planner.xlsx`), with `--out FILE` only.

One sheet, `follow-up`, with the csv's rows and columns; counts and take-up are numbers.
"""

from __future__ import annotations

from datetime import date

from planner.followup.model import FollowUp
from planner.followup.render.csv import HEADER, rows
from planner.xlsx import Sheet, workbook


def render_bytes(result: FollowUp) -> bytes:
    stamp = result.as_of or date(int(result.month[:4]), int(result.month[5:]), 1)
    return workbook([Sheet("follow-up", HEADER, rows(result))], stamp)
