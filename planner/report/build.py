"""The whole report set from a validated catalogue: one overview and a page per provider."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from planner.report.facts import by_provider, gather
from planner.report.html import render
from planner.report.pages import Settings, overview_page, provider_page
from planner.report.progress import for_providers
from planner.report.providers import slugs
from planner.report.region import plan_figures, region_figures

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

OVERVIEW = "index.html"
PROVIDERS_DIR = "providers"
DEFAULT_MIN_COUNT = 5


@dataclass(frozen=True)
class ReportSet:
    pages: Mapping[str, str]
    """Relative path (`index.html`, `providers/<slug>.html`) → HTML, in writing order."""
    providers: Mapping[str, str]
    """Provider name → its page's relative path."""


def page_language() -> str:
    """The language of the texts now chosen (the `lang` of each page)."""
    from planner import i18n

    language = getattr(i18n, "language", None)
    return str(language()) if callable(language) else "en"


def settings_for(catalog: Catalog, as_of: date) -> Settings:
    region = catalog.region
    follow_up = getattr(region, "follow_up", None)
    return Settings(
        lang=page_language(),
        region=region.region,
        as_of=as_of,
        digest=catalog.digest,
        legacy=region.legacy,
        target=region.target,
        channels={c.id: c.name or c.id for c in region.channels},
        services={s.id: s.name for s in catalog.services},
        max_parallel_weeks=region.policy.parallel_weeks.max,
        basutbud_effective=catalog.basutbud.effective,
        min_count=getattr(follow_up, "min_count", DEFAULT_MIN_COUNT),
    )


def provider_names(catalog: Catalog) -> Mapping[str, str]:
    """Provider name → its page's relative path, for every provider of the catalogue."""
    from planner.report.providers import provider_of

    names = {provider_of(u, catalog.region.region) for u in catalog.units}
    return {name: f"{PROVIDERS_DIR}/{s}.html" for name, s in slugs(names).items()}


def build(catalog: Catalog, as_of: date, only: str | None = None, baseline: str | None = None) -> ReportSet:
    """Every page (or, with `only`, that provider's page alone), rendered; with `baseline`
    (a plan file), progress against it. Raises `InputError` for a baseline that is no plan."""
    from planner.conformance.check import check
    from planner.plan.model import PlanOptions
    from planner.plan.scheduler import schedule

    conformance = check(catalog, as_of)
    plan = schedule(catalog, PlanOptions(as_of=as_of))
    usage = region = None
    units_usage = None
    if not catalog.usage.empty:
        from planner.followup.compute import follow_up
        from planner.report.usage import region_usage, unit_usage

        found = follow_up(catalog, catalog.usage)
        units_usage = unit_usage(catalog, found)
        usage = region_usage(found, list(units_usage.values()))
    units_progress = progress = None
    if baseline is not None:
        from planner.plan.read import read_plan_file
        from planner.problems import InputError
        from planner.progress.compute import progress as compare
        from planner.report.progress import region_progress, unit_progress

        read = read_plan_file(baseline)
        if read.plan is None:
            raise InputError(read.problems)
        found_progress = compare(read.plan, baseline, catalog, plan, as_of)
        units_progress = unit_progress(found_progress, [u.id for u in catalog.units])
        progress = region_progress(found_progress, units_progress)
    facts = gather(catalog, conformance, plan, units_usage, units_progress)
    region = region_figures(facts)
    settings = replace(settings_for(catalog, as_of), has_usage=usage is not None, has_baseline=progress is not None)
    paths = provider_names(catalog)
    pages: dict[str, str] = {}
    if only is None:
        whole = region_figures(facts, min_units=0)
        pages[OVERVIEW] = render(overview_page(facts, whole, plan_figures(plan), settings, usage, progress))
    for provider, units in by_provider(facts).items():
        if only is None or provider == only:
            medians = usage.medians if usage is not None else None
            shared = for_providers(progress) if progress is not None else None
            pages[paths[provider]] = render(provider_page(provider, units, region, settings, medians, shared))
    return ReportSet(pages, paths)
