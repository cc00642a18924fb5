"""The basutbud report in every `--format`: one module per format, each `render(report, ctx) -> str`.

Renderers are pure and byte-identical for the same input; they read names from a `Context`
built once from the catalogue, never the catalogue itself. A format's module is imported only
when it is asked for, so `mvgplan check` loads xml.etree only for junit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from planner.conformance.model import ConformanceReport, Uniformity

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

FORMATS = ("text", "json", "github", "junit", "sarif")
"""`--format` choices; the first is the default."""

_RENDERERS = (*FORMATS, "markdown")
"""Every renderer, each in the module of its name; `markdown` is the GitHub job summary."""


@dataclass(frozen=True)
class Context:
    """What a renderer needs besides the report: display names and the run's options."""

    region: str
    catalog: str
    """The catalogue folder as the user gave it."""
    channels: Mapping[str, str]
    services: Mapping[str, str]
    basutbud_source: str | None
    requirements: int
    uniformity: Uniformity | None = None
    """Present with `--uniformity`: shown by text, json and markdown."""
    color: bool = False
    """ANSI colour in text (the CLI decides: a terminal, and NO_COLOR unset)."""

    def service(self, service_id: str) -> str:
        return self.services.get(service_id, service_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)


def context(catalog: Catalog, *, uniformity: Uniformity | None = None, color: bool = False) -> Context:
    region = catalog.region
    return Context(
        region=region.region,
        catalog=catalog.root,
        channels={c.id: c.name or c.id for c in region.channels},
        services={s.id: s.name for s in catalog.services},
        basutbud_source=catalog.basutbud.source,
        requirements=len({(r.service, r.channel) for r in catalog.basutbud.required}),
        uniformity=uniformity,
        color=color,
    )


def render(fmt: str, report: ConformanceReport, ctx: Context) -> str:
    """The report in format `fmt` (one of FORMATS, or `markdown` for a job summary)."""
    if fmt not in _RENDERERS:
        raise ValueError(f"no renderer for format {fmt!r}")
    module = import_module(f"planner.conformance.render.{fmt}")
    text: str = module.render(report, ctx)
    return text
