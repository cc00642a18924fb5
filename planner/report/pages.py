"""Each page's view, built from one provider's facts and the region's aggregates.

Privacy by construction (SPEC §9): `provider_page` is given the facts of that provider's
units, the region's aggregates and the catalogue-wide settings (names of services and
channels, policy) — nothing else exists in its scope, so no bug here can put another
provider's unit names, ids or figures on the page. The overview is the nämnd's and shows
every unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from planner import counted
from planner.calendar import add_weeks, iso_week_label, monday_of
from planner.collation import name_key
from planner.plan.model import Step, action_rank
from planner.report import texts
from planner.report.charts import GREY, OKABE_ITO, Bars, Lines, legend, svg
from planner.report.facts import STAGES, UnitFacts
from planner.report.privacy import HIDDEN, share, shown_counts
from planner.report.progress import RegionProgress, UnitProgress
from planner.report.region import PlanFigures, RegionFigures
from planner.report.texts import label
from planner.report.usage import Medians, RegionUsage, ServiceSeries, UnitUsage
from planner.report.view import Block, Chart, Items, Page, Paragraphs, Section, Table

MAX_LINES = 4
"""E-tjänster drawn in one take-up chart (most errands first); the table beside it has them all."""
SOON_WEEKS = 12
"""Steps in this many weeks from the week of as_of come first, as "the next 12 weeks"."""
_WEEK_DATE = frozenset({0, 1})
_STAGE_COLOURS = {"legacy_only": OKABE_ITO[3], "both": OKABE_ITO[1], "moved": OKABE_ITO[2], "not_offered": GREY}


@dataclass(frozen=True)
class Settings:
    """What every page may show whoever reads it: the region's catalogue-wide words and rules."""

    lang: str
    region: str
    as_of: date
    digest: str
    legacy: str
    target: str
    channels: Mapping[str, str]
    """Channel id → name."""
    services: Mapping[str, str]
    """Service id → name (services are the region's, not any provider's)."""
    max_parallel_weeks: int
    basutbud_effective: date | None
    min_count: int
    has_baseline: bool = False
    has_usage: bool = False

    def service(self, service_id: str) -> str:
        return self.services.get(service_id, service_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)

    def short(self, channel_id: str) -> str:
        """A channel's short name for chart legends: its id, as staff write it (1177, MVG)."""
        return channel_id if channel_id.isdigit() else channel_id.upper()

    @property
    def in_force(self) -> bool:
        return self.basutbud_effective is None or self.as_of >= self.basutbud_effective


def _subtitle(settings: Settings) -> tuple[str, ...]:
    return (
        texts.move_line(settings.channel(settings.legacy), settings.channel(settings.target)),
        texts.as_of_line(settings.as_of, settings.digest),
    )


def _missing_data_lines(settings: Settings) -> tuple[str, ...]:
    lines = []
    if not settings.has_baseline:
        lines.append(texts.no_baseline())
    if not settings.has_usage:
        lines.append(texts.no_usage())
    return tuple(lines)


# -- one unit ----------------------------------------------------------------------------


def _conformance_section(f: UnitFacts, s: Settings) -> Section:
    result = f.conformance
    blocks: list[Block] = []
    lines = [texts.unit_meets() if result.conformant else texts.unit_deviates(len(result.deviations))]
    if not s.in_force and s.basutbud_effective is not None:
        lines.append(texts.not_in_force(s.basutbud_effective))
    blocks.append(Paragraphs(tuple(lines)))
    if result.deviations:
        rows = tuple(
            (s.service(d.service), s.channel(d.channel), label(d.kind))
            for d in sorted(result.deviations, key=lambda d: (s.service(d.service), d.channel, d.kind))
        )
        blocks.append(Table((label("service"), label("channel"), label("deviation")), rows))
    if result.exempt:
        exempt_rows = tuple(
            (
                s.service(e.service),
                s.channel(e.channel),
                e.until.isoformat() + (" (" + label("expires_soon") + ")" if e.expires_soon else ""),
                e.reason,
                e.decision or "",
            )
            for e in sorted(result.exempt, key=lambda e: (e.until, s.service(e.service)))
        )
        header = (label("service"), label("channel"), label("until"), label("reason"), label("decision"))
        blocks.append(Table(header, exempt_rows, caption=texts.exemptions_count(len(exempt_rows))))
    return Section(label("conformance"), f"unit-{f.id}-basutbud", tuple(blocks))


def _step_rows(steps: Iterable[Step], s: Settings) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (
            iso_week_label(step.week),
            step.date.isoformat(),
            label(step.action),
            s.service(step.service),
            s.channel(step.channel),
            label(f"binding_{step.binding}"),
        )
        for step in steps
    )


def _soon_limit(s: Settings) -> date:
    return add_weeks(monday_of(s.as_of), SOON_WEEKS)


def _plan_section(f: UnitFacts, s: Settings) -> Section:
    ordered = sorted(f.steps, key=lambda st: (st.week, action_rank(st.action), s.service(st.service)))
    limit = _soon_limit(s)
    soon = [st for st in ordered if st.week < limit]
    later = [st for st in ordered if st.week >= limit]
    header = (label("week"), label("date"), label("step"), label("service"), label("channel"), label("why_then"))
    blocks: list[Block] = []
    if not ordered:
        blocks.append(Paragraphs((texts.no_steps(),)))
    else:
        if soon:
            blocks.append(Table(header, _step_rows(soon, s), caption=label("next_weeks"), nowrap=_WEEK_DATE))
        else:
            blocks.append(Paragraphs((texts.no_steps_soon(),)))
        if later:
            blocks.append(Table(header, _step_rows(later, s), caption=label("later"), nowrap=_WEEK_DATE))
    if f.unschedulable:
        rows = tuple(
            (s.service(u.service), label(u.reason)) for u in sorted(f.unschedulable, key=lambda u: s.service(u.service))
        )
        blocks.append(Table((label("service"), label("reason")), rows, caption=label("unschedulable")))
    return Section(label("plan_ahead"), f"unit-{f.id}-plan", tuple(blocks))


def _warning_label(code: str) -> str:
    return label("warning_broken_redirect" if code == "broken_redirect" else code)


def _warnings_section(f: UnitFacts, s: Settings) -> Section:
    if not f.warnings:
        return Section(label("warnings"), f"unit-{f.id}-warnings", (Paragraphs((texts.no_warnings(),)),))
    rows = tuple(
        (_warning_label(w.code), s.service(w.service))
        for w in sorted(f.warnings, key=lambda w: (w.code, s.service(w.service)))
    )
    return Section(label("warnings"), f"unit-{f.id}-warnings", (Table((label("warning"), label("service")), rows),))


def todo(f: UnitFacts, s: Settings) -> tuple[str, ...]:
    """The unit's "what to do", most pressing first: deviations, then warnings, then the
    steps of the next 12 weeks, then exemptions that run out soon."""
    items: list[str] = []
    legacy, target = s.channel(s.legacy), s.channel(s.target)
    for d in sorted(f.conformance.deviations, key=lambda d: (s.service(d.service), d.kind)):
        if d.kind == "broken_redirect":
            items.append(texts.todo_broken_redirect(s.service(d.service), legacy, target))
        elif d.kind == "exemption_expired":
            until = next((e.until for e in f.conformance.exempt if e.service == d.service), None)
            items.append(
                texts.todo_exemption_expired(s.service(d.service), s.channel(d.channel), until or s.as_of)
                if until
                else texts.todo_deviation(s.service(d.service), s.channel(d.channel))
            )
        else:
            items.append(texts.todo_deviation(s.service(d.service), s.channel(d.channel)))
    for w in sorted(f.warnings, key=lambda w: (w.code, s.service(w.service))):
        if w.code == "parallel_overdue":
            items.append(texts.todo_parallel_overdue(s.service(w.service), legacy, s.max_parallel_weeks))
        elif w.code == "parallel_undated":
            items.append(texts.todo_parallel_undated(s.service(w.service)))
    limit = _soon_limit(s)
    for st in sorted(f.steps, key=lambda st: (st.week, action_rank(st.action), s.service(st.service))):
        if st.week < limit:
            items.append(texts.todo_step(st.action, s.service(st.service), s.channel(st.channel), st.week))
    for e in sorted(f.conformance.exempt, key=lambda e: (e.until, s.service(e.service))):
        if e.expires_soon:
            items.append(texts.todo_exemption_soon(s.service(e.service), s.channel(e.channel), e.until))
    if f.progress is not None:
        for tracked in f.progress.steps:
            if tracked.status == "overdue":
                items.append(texts.todo_overdue(tracked.action, s.service(tracked.service), tracked.planned_week))
    if f.usage is not None:
        items.extend(_flag_todo(f.usage, s))
    return tuple(dict.fromkeys(items)) or (texts.nothing_to_do(),)


def _flag_todo(usage: UnitUsage, s: Settings) -> list[str]:
    items = []
    legacy, target = s.channel(s.legacy), s.channel(s.target)
    for flag in usage.flags:
        service = s.service(flag.service) if flag.service else ""
        if flag.code == "low_take_up":
            items.append(texts.todo_low_take_up(service, target))
        elif flag.code == "legacy_after_redirect":
            items.append(texts.todo_legacy_after_redirect(service, legacy))
        elif flag.code == "usage_without_offering":
            items.append(texts.todo_usage_without_offering(service, s.channel(flag.channel or ""), flag.month))
        elif flag.code == "no_usage":
            items.append(texts.todo_no_usage(service, target))
        elif flag.code == "missing_data":
            items.append(texts.todo_missing_data(", ".join(flag.months)))
    return items


# -- progress against the baseline -------------------------------------------------------


def _progress_section(f: UnitFacts, progress: UnitProgress, s: Settings) -> Section:
    anchor = f"unit-{f.id}-progress"
    if not progress.steps:
        return Section(label("progress"), anchor, (Paragraphs((texts.no_tracked_steps(),)),))
    lines = (
        texts.progress_done(progress.count("done"), len(progress.steps), progress.on_time, progress.late),
        texts.progress_open(
            progress.count("overdue"), progress.count("due"), progress.count("upcoming"), progress.count("dropped")
        ),
    )
    rows = tuple(
        (
            iso_week_label(st.planned_week),
            label(st.action),
            s.service(st.service),
            label(f"status_{st.status}"),
            st.actual_date.isoformat() if st.actual_date else "",
            "" if st.slip_weeks is None else str(st.slip_weeks),
        )
        for st in sorted(
            progress.steps, key=lambda st: (st.planned_week, action_rank(st.action), s.service(st.service))
        )
    )
    header = (label("planned_week"), label("step"), label("service"), label("status"), label("done_on"), label("slip"))
    table = Table(header, rows, numeric=frozenset({5}), nowrap=frozenset({0, 4}))
    return Section(label("progress"), anchor, (Paragraphs(lines), table))


def _progress_chart(progress: RegionProgress) -> Chart | None:
    if not progress.months:
        return None
    caption = texts.progress_caption()
    planned: list[float | None] = [float(v) for v in progress.planned_by_month]
    done: list[float | None] = [None if v is None else float(v) for v in progress.done_by_month]
    lines: list[tuple[str, Sequence[float | None], str, str]] = [
        (label("planned_cumulative"), planned, OKABE_ITO[0], "-"),
        (label("done_cumulative"), done, OKABE_ITO[2], "-"),
    ]
    table = Table(
        (label("month"), label("planned_cumulative"), label("done_cumulative")),
        tuple(
            (m, str(p), "" if d is None else str(d))
            for m, p, d in zip(progress.months, progress.planned_by_month, progress.done_by_month, strict=True)
        ),
        numeric=frozenset({1, 2}),
    )
    chart = Lines(progress.months, lines)
    return Chart(caption, svg(chart, "progress", caption), table, legend(chart, "progress"))


# -- follow-up ---------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return texts.percent(value) if value is not None else HIDDEN


def _monthly_rows(
    series: ServiceSeries, usage: UnitUsage, medians: Medians, s: Settings, percents: Sequence[str]
) -> list[tuple[str, ...]]:
    """The service's rows of the monthly table: a unit of a national catalogue has a hundred
    services, so each figure is looked up (`percents`: the texts of 0 … 100 %), not formatted."""
    name = s.service(series.service)

    def percent(value: float | None) -> str:
        return HIDDEN if value is None else percents[round(value * 100)]

    rows = [
        (name, s.short(s.legacy), *shown_counts(series.legacy, s.min_count)),
        (name, s.short(s.target), *shown_counts(series.target, s.min_count)),
        (name, label("take_up"), *(percent(v) for v in series.shown_take_ups(s.min_count))),
    ]
    spreads = [medians.spreads.get((series.service, m)) for m in usage.months]
    if any(spreads):
        rows.append((name, label("region_median"), *(percent(x.median if x else None) for x in spreads)))
    return rows


def _follow_up_section(f: UnitFacts, usage: UnitUsage, s: Settings, medians: Medians) -> Section:
    anchor = f"unit-{f.id}-follow-up"
    if not usage.series:
        return Section(label("follow_up"), anchor, (Paragraphs((texts.no_usage_for_unit(),)),))
    blocks: list[Block] = []
    overall = usage.shown_take_up(s.min_count)
    first, last = medians.window
    if overall is not None:
        line = texts.unit_take_up(texts.percent(overall), s.channel(s.target), first, last)
        blocks.append(Paragraphs((line,)))
    months = usage.months
    header = (label("service"), label("figure"), *months)
    percents = texts.percents()
    rows = tuple(row for series in usage.series for row in _monthly_rows(series, usage, medians, s, percents))
    table = Table(header, rows, numeric=frozenset(range(2, 2 + len(months))))
    drawn = [x for x in usage.series if any(x.shown_take_up(i, s.min_count) is not None for i in range(len(months)))]
    drawn = drawn[:MAX_LINES]
    if drawn:
        lines: list[tuple[str, list[float | None], str, str]] = []
        for i, series in enumerate(drawn):
            colour = OKABE_ITO[i % len(OKABE_ITO)]
            name = s.service(series.service)
            lines.append(
                (
                    texts.take_up_label(name),
                    [series.shown_take_up(j, s.min_count) for j in range(len(months))],
                    colour,
                    "-",
                )
            )
            spreads = [medians.spreads.get((series.service, m)) for m in months]
            if any(spreads):
                lines.append((name, [x.median if x else None for x in spreads], colour, "--"))
        with_median = any(style == "--" for _name, _values, _colour, style in lines)
        caption = texts.take_up_caption(len(drawn), s.channel(s.target), with_median)
        chart = Lines(months, lines, y_max=1.0, percent=True, dashed_label=label("region_median"))
        chart_id = f"take-up-{f.id}"
        blocks.append(Chart(caption, svg(chart, chart_id, caption), table, legend(chart, chart_id)))
    else:
        blocks.append(Table(header, rows, caption=label("errands_monthly"), numeric=table.numeric))
    blocks.append(Paragraphs((texts.small_values_note(s.min_count),), css="note"))
    window_rows = tuple(
        (s.service(x.service), old, new, _percent(taken))
        for x in sorted(usage.window, key=lambda x: (name_key(s.service(x.service)), x.service))
        for old, new, taken in (usage.window_cells(x, s.min_count),)
    )
    if window_rows:
        header = (label("service"), s.short(s.legacy), s.short(s.target), label("take_up"))
        caption = f"{label('errands_window')} ({first} – {last})"
        blocks.append(Table(header, window_rows, caption=caption, numeric=frozenset({1, 2, 3})))
    if usage.flags:
        flag_rows = tuple(
            (
                label(flag.code),
                s.service(flag.service) if flag.service else "",
                s.channel(flag.channel) if flag.channel else "",
                ", ".join(flag.months) if flag.months else flag.month,
            )
            for flag in usage.flags
        )
        header = (label("flag"), label("service"), label("channel"), label("months"))
        blocks.append(Table(header, flag_rows, caption=label("flags")))
    else:
        blocks.append(Paragraphs((texts.no_flags(),)))
    return Section(label("follow_up"), anchor, tuple(blocks))


def _unit_section(f: UnitFacts, s: Settings, medians: Medians | None) -> Section:
    facts = [label(f.regi) if f.regi in ("egen", "privat") else f.regi]
    if f.area:
        facts.append(f.area)
    facts.append(f"{label('unit_id')}: {f.id}")
    subsections: tuple[Section, ...] = (
        Section(label("what_to_do"), f"unit-{f.id}-todo", (Items(todo(f, s)),), css="todo"),
        _conformance_section(f, s),
        _plan_section(f, s),
        _warnings_section(f, s),
    )
    if f.progress is not None:
        subsections = (*subsections, _progress_section(f, f.progress, s))
    if f.usage is not None and medians is not None:
        subsections = (*subsections, _follow_up_section(f, f.usage, s, medians))
    return Section(f.name, f"unit-{f.id}", (Paragraphs((" · ".join(facts),), css="meta"),), subsections, css="unit")


# -- the provider's page -----------------------------------------------------------------


def provider_page(
    provider: str,
    units: Sequence[UnitFacts],
    region: RegionFigures,
    settings: Settings,
    medians: Medians | None = None,
    progress: RegionProgress | None = None,
) -> Page:
    """The feedback report for `provider`, from its own units' facts and the region's aggregates."""
    conforming = sum(1 for f in units if f.conformance.conformant)
    lines = [texts.provider_units(len(units)), texts.your_conforming(conforming, len(units))]
    if region.conforming is not None and region.units:
        lines.append(texts.region_conforming_share(region.conforming / region.units, region.units))
    mine = [f.progress for f in units if f.progress is not None]
    tracked = sum(len(p.steps) for p in mine)
    if tracked:
        done = sum(p.count("done") for p in mine)
        lines.append(texts.progress_done(done, tracked, sum(p.on_time for p in mine), sum(p.late for p in mine)))
    if progress is not None and progress.tracked:
        lines.append(texts.region_progress_share(texts.percent(progress.done / progress.tracked), progress.units))
    lines.extend(_missing_data_lines(settings))
    summary = Section(
        label("key_figures"),
        "summary",
        (Paragraphs(tuple(lines)), Paragraphs((label("privacy_note"),), css="note")),
    )
    unit_sections = tuple(_unit_section(f, settings, medians) for f in units)
    return Page(
        lang=settings.lang,
        title=texts.page_title_provider(provider),
        heading=provider,
        subtitle=(label("provider_heading"), *_subtitle(settings)),
        sections=(summary, *unit_sections),
        contents=tuple((sec.anchor, sec.heading) for sec in unit_sections) if len(unit_sections) > 1 else (),
    )


# -- the overview ------------------------------------------------------------------------


def _stages_chart(region: RegionFigures, s: Settings) -> Chart | None:
    if not region.stage_counts:
        return None
    services = sorted(region.stage_counts, key=lambda x: (name_key(s.service(x)), x))
    names = [s.service(x) for x in services]
    legacy, target = s.short(s.legacy), s.short(s.target)
    stage_names = [texts.stage_label(k, legacy, target) for k in STAGES]
    series = [
        (stage_names[i], [region.stage_counts[x][k] for x in services], _STAGE_COLOURS[k]) for i, k in enumerate(STAGES)
    ]
    caption = texts.stages_caption(s.channel(s.legacy), s.channel(s.target))
    table = Table(
        (label("service"), *stage_names),
        tuple((names[i], *(str(region.stage_counts[x][k]) for k in STAGES)) for i, x in enumerate(services)),
        numeric=frozenset(range(1, len(STAGES) + 1)),
    )
    return Chart(caption, svg(Bars(names, series), "stages", caption), table)


def _region_take_up_chart(usage: RegionUsage, s: Settings) -> Chart | None:
    months = usage.medians.months
    mc = s.min_count

    def shares(pairs: Sequence[tuple[int, int]]) -> list[float | None]:
        return [share(t, old + t, mc) for old, t in pairs]

    ranked = sorted(usage.pooled.items(), key=lambda kv: (-sum(a + b for a, b in kv[1]), s.service(kv[0])))
    shown = [(service, pairs) for service, pairs in ranked if any(v is not None for v in shares(pairs))]
    if not shown:
        return None
    drawn = shown[: len(OKABE_ITO)]
    lines = [
        (s.service(service), shares(pairs), OKABE_ITO[i % len(OKABE_ITO)], "-")
        for i, (service, pairs) in enumerate(drawn)
    ]
    caption = texts.region_take_up_caption(len(drawn), s.channel(s.target))
    table = Table(
        (label("service"), *months),
        tuple((s.service(service), *(_percent(v) for v in shares(pairs))) for service, pairs in shown),
        numeric=frozenset(range(1, len(months) + 1)),
    )
    chart = Lines(months, lines, y_max=1.0, percent=True)
    return Chart(caption, svg(chart, "region-take-up", caption), table, legend(chart, "region-take-up"))


def _unit_row(f: UnitFacts, s: Settings) -> tuple[str, ...]:
    result = f.conformance
    basutbud = label("meets") if result.conformant else counted.deviations(len(result.deviations))
    limit_steps = [st for st in f.steps if st.action in ("enable", "redirect")]
    next_step = min((st.week for st in limit_steps), default=None)
    last_step = max((st.week for st in f.steps), default=None)
    return (
        f.name,
        f.provider,
        label(f.regi) if f.regi in ("egen", "privat") else f.regi,
        f.area or "",
        basutbud,
        str(len(limit_steps)),
        iso_week_label(next_step) if next_step else "",
        iso_week_label(last_step) if last_step else "",
        str(len(f.warnings)),
        *((_percent(f.usage.shown_take_up(s.min_count)), str(len(f.usage.flags))) if f.usage is not None else ()),
    )


def overview_page(
    facts: Mapping[str, UnitFacts],
    region: RegionFigures,
    plan: PlanFigures,
    settings: Settings,
    usage: RegionUsage | None = None,
    progress: RegionProgress | None = None,
) -> Page:
    """The nämnd's overview: the region's figures and a table of every unit."""
    units = sorted(facts.values(), key=lambda f: (name_key(f.name), f.id))
    conforming = sum(1 for f in units if f.conformance.conformant)
    deviations = sum(len(f.conformance.deviations) for f in units)
    exempt = sum(len(f.conformance.exempt) for f in units)
    lines = [
        texts.units_conforming(conforming, len(units)),
        f"{counted.deviations(deviations)} · {texts.exemptions_count(exempt)}",
        texts.plan_end(plan.end_week, plan.lower_bound_week),
        texts.plan_steps(plan.enables + plan.redirects, plan.enables, plan.redirects),
    ]
    if plan.unschedulable:
        lines.append(texts.unschedulable_count(plan.unschedulable))
    over = sum(1 for f in units for w in f.warnings if w.code in ("parallel_overdue", "parallel_exceeds_max"))
    lines.append(texts.parallel_over_max(over, settings.max_parallel_weeks))
    if progress is not None:
        done_lines = [f.progress for f in units if f.progress is not None]
        lines.append(
            texts.progress_done(
                progress.done, progress.tracked, sum(p.on_time for p in done_lines), sum(p.late for p in done_lines)
            )
        )
        lines.append(texts.baseline_end(progress.baseline_end_week, progress.forecast_end_week, progress.slip_weeks))
    if usage is not None:
        overall = share(usage.target, usage.legacy + usage.target, settings.min_count)
        first, last = usage.medians.window
        if overall is not None:
            lines.append(texts.region_take_up(texts.percent(overall), settings.channel(settings.target), first, last))
        counts: dict[str, int] = {}
        for f in units:
            for flag in f.usage.flags if f.usage else ():
                counts[flag.code] = counts.get(flag.code, 0) + 1
        if counts:
            shown = ", ".join(texts.flag_count(label(code), n) for code, n in sorted(counts.items()))
            lines.append(texts.flag_counts(shown))
        else:
            lines.append(texts.no_flags())
    lines.extend(_missing_data_lines(settings))
    sections = [Section(label("key_figures"), "summary", (Paragraphs(tuple(lines)),))]
    chart = _stages_chart(region, settings)
    if chart is not None:
        sections.append(Section(label("stages_heading"), "stages", (chart,)))
    progress_chart = _progress_chart(progress) if progress is not None else None
    if progress_chart is not None:
        sections.append(Section(label("progress_heading"), "progress", (progress_chart,)))
    take_up = _region_take_up_chart(usage, settings) if usage is not None else None
    if take_up is not None:
        note = Paragraphs((texts.small_values_note(settings.min_count),), css="note")
        sections.append(Section(label("take_up_heading"), "take-up", (take_up, note)))
    header = (
        label("unit"),
        label("provider"),
        label("regi"),
        label("area"),
        label("basutbud"),
        label("steps_planned"),
        label("next_step"),
        label("last_step"),
        label("warnings"),
        *((label("take_up"), label("flags")) if usage is not None else ()),
    )
    table = Table(
        header,
        tuple(_unit_row(f, settings) for f in units),
        numeric=frozenset({5, 8, 9, 10}),
        nowrap=frozenset({6, 7}),
    )
    sections.append(Section(label("all_units"), "units", (table,)))
    return Page(
        lang=settings.lang,
        title=texts.page_title_overview(settings.region),
        heading=settings.region,
        subtitle=(label("overview_heading"), *_subtitle(settings)),
        sections=tuple(sections),
        contents=tuple((sec.anchor, sec.heading) for sec in sections),
    )
