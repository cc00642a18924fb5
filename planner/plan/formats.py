"""The plan's output formats and the file extensions that name them, in one light module.

`mvgplan plan` reads these on every start-up (argparse choices, `--out FILE` and `--check
FILE` by extension) and the renderers' registry (planner/plan/render) is keyed by them, so
they live here, importing nothing, rather than twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

FORMATS: tuple[str, ...] = ("text", "json", "yaml", "markdown", "csv", "mermaid", "ics")
"""Every format `mvgplan plan --format` offers; text first: it is the default."""

EXTENSIONS: Mapping[str, str] = MappingProxyType(
    {
        ".txt": "text",
        ".json": "json",
        ".yaml": "yaml",
        ".yml": "yaml",
        ".md": "markdown",
        ".csv": "csv",
        ".mmd": "mermaid",
        ".ics": "ics",
    }
)
"""The format a plan file holds, by its extension (`--check FILE`, and `--out FILE` without `--format`)."""
