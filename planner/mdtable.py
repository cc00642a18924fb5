"""Markdown tables for the reports (`--format github`/`markdown`), and the one rule that makes
a long report fit a pull-request comment (`fit`).

The plan's markdown (`planner.plan.render.markdown`) has its own, stricter cell: it also
escapes HTML and backticks, because its cells hold free text from the catalogue's reasons.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from planner.i18n import ngettext

COMMENT_LIMIT = 60_000
"""Characters a markdown report aims to stay within on any catalogue: a GitHub comment takes
65,536, and the rest is room for what a CI job puts around it."""


@dataclass(frozen=True)
class Rows:
    """The rows of a table (as lines) that `fit` may cut, and where a reader finds them all."""

    lines: Sequence[str]
    where: str
    """Ends the sentence under a cut table: "… and 12 more rows, left out to fit a
    pull-request comment: {where}." (translated)."""


def length(parts: Sequence[str | Rows]) -> int:
    """Characters of the report `parts` make, uncut (each line and its newline)."""
    return sum(len(p) + 1 if isinstance(p, str) else sum(len(line) + 1 for line in p.lines) for p in parts)


def fit(parts: Sequence[str | Rows], limit: int = COMMENT_LIMIT) -> str:
    """The report's lines, one per line and ending in a newline. When that is longer than
    `limit` characters, every `Rows` keeps only its first k rows, k the same for each and the
    largest that fits (at least one), and says under it how many it left out and where they
    are: a national catalogue's report still opens with the first rows of every table."""
    tables = [p for p in parts if isinstance(p, Rows)]
    fixed = sum(len(p) + 1 for p in parts if isinstance(p, str))
    sums = [[0, *accumulate(len(line) + 1 for line in t.lines)] for t in tables]
    if fixed + sum(s[-1] for s in sums) <= limit:
        return _join(parts, None)

    def length(k: int) -> int:
        total = fixed
        for t, s in zip(tables, sums, strict=True):
            total += s[min(k, len(t.lines))] + sum(len(line) + 1 for line in _more(k, t))
        return total

    longest = max((len(t.lines) for t in tables), default=0)
    # length(k) grows with k: the largest k that fits, by bisection over 1..longest.
    k = max(1, bisect_right(range(longest + 1), limit, lo=1, key=length) - 1)
    return _join(parts, k)


def _more(k: int, rows: Rows) -> list[str]:
    left = len(rows.lines) - k
    if left <= 0:
        return []
    return [
        "",
        ngettext(
            "… and {n} more row, left out to fit a pull-request comment: {where}.",
            "… and {n} more rows, left out to fit a pull-request comment: {where}.",
            left,
        ).format(n=left, where=rows.where),
    ]


def _join(parts: Sequence[str | Rows], k: int | None) -> str:
    lines: list[str] = []
    for part in parts:
        if isinstance(part, str):
            lines.append(part)
        elif k is None:
            lines += part.lines
        else:
            lines += [*part.lines[:k], *_more(k, part)]
    return "\n".join(lines) + "\n"


def cell(text: str) -> str:
    """A table cell: a `|` would end it and a line break would end the table."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """The head, the separator, and one line per row, every row's cells made safe."""
    return [
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" for _ in head) + "|",
        *("| " + " | ".join(cell(c) for c in row) + " |" for row in rows),
    ]


def cut_table(head: Sequence[str], rows: Sequence[Sequence[str]], where: str) -> list[str | Rows]:
    """`table`, with its rows as `Rows` that `fit` may cut (`where`: where they all are)."""
    lines = table(head, rows)
    return [*lines[:2], Rows(lines[2:], where)]


def section(heading: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A blank line, a `### heading`, a blank line and the table; nothing when there are no rows."""
    if not rows:
        return []
    return ["", "### " + heading, "", *table(head, rows)]
