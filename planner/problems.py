"""Input problems as values: what the loader finds and the CLI prints."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ProblemCode = Literal[
    "yaml_syntax",
    "duplicate_key",
    "unknown_field",
    "missing_field",
    "invalid_value",
    "unknown_reference",
    "duplicate_id",
    "id_mismatch",
    "dependency_cycle",
    "too_large",
    "duplicate_row",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One input error, pointing at a file, a 1-based line and a 1-based column."""

    file: str
    line: int
    column: int
    code: ProblemCode
    message: str

    def render(self) -> str:
        """The one-line form editors and CI logs understand: `path:line:col: error[code]: msg`.

        A value or file name quoted in it may hold a line break (`regi: "egen\\n"`); it is
        written as an escape, so each problem stays exactly one line, as is a bidirectional
        control (`\\u202e`), so the line reads in the order it is written.
        """
        return f"{_one_line(self.file)}:{self.line}:{self.column}: error[{self.code}]: {_one_line(self.message)}"

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Unicode's bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI,
RLI, FSI, PDI). Invisible, each makes the text after it display in another order than it is
stored, so a hälsocentral's name can read as another ("Trojan Source", CVE-2021-42574). A
catalogue file may hold none (`planner.catalog.yamltree`), and a problem's line shows them as
escapes. The marks U+200E, U+200F and U+061C are allowed: each is one zero-width character
with a direction that only settles where the neutral characters beside it (spaces, digits,
punctuation) go in mixed-direction text; they open nothing that runs on, cannot turn a run
of letters around, and are what a correctly written right-to-left name holds. rustc's
`text_direction_codepoint_in_literal` lint draws the same line."""

_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + BIDI_CONTROLS + "]")
"""C0, DEL, C1 (a terminal acts on them: issue 15), Unicode's line and paragraph separators,
and the bidirectional controls (a message quoting a key would display turned around)."""


def _one_line(text: str) -> str:
    """`text` with control characters and line breaks as escapes (`\\n`, `\\x07`, `\\u2028`)."""
    return _ESCAPED.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class InputError(Exception):
    """Raised at the edge when a catalogue (or another input file) has problems.

    Inside the core, problems travel as lists of `Problem`; only a front end that has to
    stop raises this, and the CLI's single boundary turns it into output and exit code 2.
    """

    def __init__(self, problems: list[Problem], summary: str | None = None) -> None:
        super().__init__(f"{len(problems)} input error(s)")
        self.problems = sorted(problems)
        self.summary = summary
        """The closing line the CLI prints after the problems (default: the catalogue's)."""
