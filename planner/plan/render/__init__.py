"""Renderers of a plan, one module per output format; each is `render(plan, catalog) -> str`.

Every renderer is pure and byte-identical for the same input. This package imports no
renderer until one is asked for, so `mvgplan plan --format csv` never loads icalendar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING

from planner.plan import formats
from planner.plan.model import Plan

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

Renderer = Callable[[Plan, "Catalog"], str]

# format → (module, function); text first: it is the default.
_RENDERERS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "text": ("planner.plan.render.text", "render"),
        "json": ("planner.plan.render.json_yaml", "render_json"),
        "yaml": ("planner.plan.render.json_yaml", "render_yaml"),
        "markdown": ("planner.plan.render.markdown", "render"),
        "csv": ("planner.plan.render.csv", "render"),
        "mermaid": ("planner.plan.render.mermaid", "render"),
        "ics": ("planner.plan.render.ics", "render"),
    }
)
FORMATS, EXTENSIONS = formats.FORMATS, formats.EXTENSIONS  # the registry's keys; a test checks they agree


def renderer(fmt: str) -> Renderer:
    """The render function of `fmt`; `KeyError` for a format that does not exist."""
    module, function = _RENDERERS[fmt]
    found: Renderer = getattr(import_module(module), function)
    return found


def render(plan: Plan, catalog: Catalog, fmt: str) -> str:
    return renderer(fmt)(plan, catalog)
