"""Renderers of progress, one module per output format; each is `render(progress) -> str`.

Every renderer is pure and byte-identical for the same input; none is imported until asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from planner.progress.model import Progress

FORMATS = ("text", "json", "markdown", "csv")


def render(progress: Progress, fmt: str) -> str:
    """`progress` in the format `fmt` (one of FORMATS); `KeyError` for any other."""
    if fmt not in FORMATS:
        raise KeyError(fmt)
    function: Callable[[Progress], str] = import_module(f"planner.progress.render.{fmt}_out").render
    return function(progress)
