"""Markdown tables for the conformance and follow-up reports (`--format github`/`markdown`).

The plan's markdown (`planner.plan.render.markdown`) has its own, stricter cell: it also
escapes HTML and backticks, because its cells hold free text from the catalogue's reasons.
"""

from __future__ import annotations

from collections.abc import Sequence


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


def section(heading: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A blank line, a `### heading`, a blank line and the table; nothing when there are no rows."""
    if not rows:
        return []
    return ["", "### " + heading, "", *table(head, rows)]
