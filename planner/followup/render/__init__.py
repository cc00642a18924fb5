"""The follow-up in every `--format`: one module per format, each `render(result) -> str`.

Renderers are pure and byte-identical for the same result; only the chosen one is imported.
"""

from __future__ import annotations

from importlib import import_module

from planner.followup.model import FollowUp

FORMATS = ("text", "json", "csv", "markdown")
"""`--format` choices; the first is the default."""


def render(fmt: str, result: FollowUp) -> str:
    module = import_module(f"planner.followup.render.{fmt}")
    text: str = module.render(result)
    return text


def rounded(value: float | None) -> float | None:
    """A take-up as shown: 3 decimals (flags compare the exact share)."""
    return None if value is None else round(value, 3)
