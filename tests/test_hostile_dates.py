"""A catalogue that validates never crashes a command, whatever its dates and week settings.

Dates run from 0001-01-01 to 9999-12-31 and the week settings up to 5200; the planner's
arithmetic (a week after mvg_ready, a horizon after the start, a parallel period after
`since`) must never step off that calendar. Either validation refuses the catalogue, with
the line, or every command gives a result: hypothesis draws every date field of the
catalogue near both ends of the calendar (and anywhere between), with the week settings
near their limits, and runs every command on it, the explorer's model included.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.catalog.loader import load_catalog
from planner.cli.main import main
from planner.conformance.check import check
from planner.conformance.render import context
from planner.conformance.render import render as render_check
from planner.plan.diff import diff_plans
from planner.plan.model import PlanOptions
from planner.plan.read import plan_from_data
from planner.plan.render import render as render_plan
from planner.plan.scheduler import schedule
from planner.plan.serialize import plan_to_dict
from planner.tui.data import Failed, load_model

MINI = Path(__file__).parent / "fixtures" / "mini"

# Every date field of the catalogue, as (file, text in the mini catalogue, its replacement).
DATE_FIELDS = {
    "as_of": ("region.yaml", "as_of: 2026-11-23", "as_of: {d}"),
    "policy.blackouts[].from": ("region.yaml", "{from: 2026-12-21,", "{{from: {d},"),
    "policy.blackouts[].to": ("region.yaml", "to: 2027-01-06,", "to: {d},"),
    "plan.start": ("region.yaml", "  horizon_weeks: 52", "  horizon_weeks: 52\n  start: {d}"),
    "effective": ("basutbud.yaml", "effective: 2025-01-01", "effective: {d}"),
    "mvg_ready": ("services.yaml", "mvg_ready: 2025-03-15", "mvg_ready: {d}"),
    "mvg_ready (a dependant)": ("services.yaml", "mvg_ready: 2027-02-01", "mvg_ready: {d}"),
    "offerings.since (legacy, active)": ("units/hc-alfa.yaml", "since: 2019-01-01", "since: {d}"),
    "offerings.since (target)": ("units/hc-alfa.yaml", "since: 2025-05-05", "since: {d}"),
    "offerings.since (redirect)": (
        "units/hc-alfa.yaml",
        "{status: redirect, since: 2024-04-15}",
        "{{status: redirect, since: {d}}}",
    ),
    "offerings.from": ("units/hc-alfa.yaml", "from: 2027-03-01", "from: {d}"),
    "exemptions[].until": ("units/hc-beta.yaml", "until: 2027-03-31", "until: {d}"),
    "blackouts[].from": ("units/hc-beta.yaml", "{from: 2027-02-01", "{{from: {d}"),
    "blackouts[].to": ("units/hc-beta.yaml", "to: 2027-02-14", "to: {d}"),
}
WEEK_FIELDS = {
    "parallel_weeks.min": ("region.yaml", "parallel_weeks: {min: 2,", "parallel_weeks: {{min: {n},"),
    "parallel_weeks.max": ("region.yaml", "max: 8}", "max: {n}}}"),
    "briefing_lead_weeks": ("region.yaml", "briefing_lead_weeks: 2", "briefing_lead_weeks: {n}"),
    "horizon_weeks": ("region.yaml", "horizon_weeks: 52", "horizon_weeks: {n}"),
    "patient_notice_weeks": ("region.yaml", "  blackouts:\n", "  patient_notice_weeks: {n}\n  blackouts:\n"),
}

EDGE = timedelta(days=3 * 366)
DATES = st.one_of(
    st.sampled_from([date.min + timedelta(days=k) for k in range(15)]),
    st.sampled_from([date.max - timedelta(days=k) for k in range(15)]),
    st.dates(max_value=date.min + EDGE),
    st.dates(min_value=date.max - EDGE),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    st.dates(),
)
WEEKS = st.one_of(st.sampled_from([0, 1, 2, 52, 260, 5199, 5200]), st.integers(0, 5200))

_LOCATED = re.compile(r"^\S.*:\d+:\d+: error\[[a-z_]+\]: ", re.MULTILINE)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _catalogue(folder: Path, dates: dict[str, date], weeks: dict[str, int]) -> Path:
    root = folder / "catalog"
    shutil.copytree(MINI, root)
    edits = [(DATE_FIELDS[k], {"d": v.isoformat()}) for k, v in dates.items()]
    edits += [(WEEK_FIELDS[k], {"n": str(v)}) for k, v in weeks.items()]
    for (file, old, new), values in edits:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new.format(**values), 1), encoding="utf-8")
    return root


FORMATS_CHECK = ("text", "json", "markdown", "github", "junit", "sarif")
FORMATS_PLAN = ("text", "json", "yaml", "markdown", "csv", "mermaid", "ics")


def _every_output(folder: Path, dates: dict[str, date], weeks: dict[str, int]) -> None:
    """Refused with the place to change, or every command's core gives every output."""
    root = _catalogue(folder, dates, weeks)
    loaded = load_catalog(root)
    catalog = loaded.catalog
    if catalog is None:
        assert loaded.problems and all(p.line >= 1 and p.column >= 1 for p in loaded.problems)
        return
    as_of = catalog.as_of or date(2026, 11, 30)
    report = check(catalog, as_of)
    for fmt in FORMATS_CHECK:
        render_check(fmt, report, context(catalog))
    plan = schedule(catalog, PlanOptions(as_of=as_of))
    for fmt in FORMATS_PLAN:
        render_plan(plan, catalog, fmt)
    back = plan_from_data(plan_to_dict(plan))  # read back and compared, never a crash
    assert back.plan is not None, back.problems
    diff_plans(back.plan, plan)
    assert not isinstance(load_model(str(root), None, as_of), Failed)


@pytest.mark.parametrize("field", sorted(DATE_FIELDS))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=DATES)
@example(day=date.max)
@example(day=date.min)
def test_a_date_at_either_end_of_the_calendar_is_refused_or_planned_in_every_field(field: str, day: date) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _every_output(Path(folder), {field: day}, {})


@settings(max_examples=15, deadline=None)
@given(
    dates=st.dictionaries(st.sampled_from(sorted(DATE_FIELDS)), DATES, min_size=1, max_size=4),
    weeks=st.dictionaries(st.sampled_from(sorted(WEEK_FIELDS)), WEEKS, max_size=3),
)
def test_dates_and_week_settings_near_their_limits_together_are_refused_or_planned(
    dates: dict[str, date], weeks: dict[str, int]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _every_output(Path(folder), dates, weeks)


@pytest.mark.parametrize("command", ["validate", "check", "plan"])
def test_every_command_agrees_with_validate_on_a_date_at_the_end_of_the_calendar(command: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = str(_catalogue(Path(folder), {"mvg_ready": date.max, "offerings.since (target)": date.min}, {}))
        code, _, err = _run(command, "-c", root)
        assert code in (0, 1), err


@settings(max_examples=25, deadline=None)
@given(
    option=st.sampled_from(["--start", "--as-of"]),
    day=DATES,
    parallel=st.one_of(st.none(), WEEKS, st.integers(5201, 10**6)),
)
def test_a_command_line_date_or_number_is_refused_or_planned_never_a_crash(
    option: str, day: date, parallel: int | None
) -> None:
    argv = ["plan", "-c", str(MINI), option, day.isoformat(), "--format", "json"]
    if parallel is not None:
        argv += ["--parallel-min", str(parallel)]
    code, out, err = _run(*argv)
    assert code in (0, 2), err
    if code == 2:
        assert "mvgplan plan: " in err and "Traceback" not in err
    else:
        json.loads(out)
