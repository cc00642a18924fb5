"""What the explorer shows, computed without a terminal (planner.tui.data and figures)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from synthetic import gen

from planner.cli.main import main
from planner.collation import name_key
from planner.plan.model import Plan
from planner.tui import data, figures, watch, weeks, words
from planner.tui.data import Failed, Model

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def model() -> Model:
    loaded = data.load_model(str(Path(__file__).parent / "fixtures" / "mini"), None, TODAY)
    assert isinstance(loaded, Model)
    return loaded


def rows_by_id(model: Model) -> dict[str, figures.UnitRow]:
    return {r.id: r for r in figures.unit_rows(model)}


def test_loading_comes_in_stages_catalogue_first_then_report_then_plan_then_follow_up(mini: Path) -> None:
    stages = list(data.stages(str(mini), None, TODAY))
    assert [(s.report_state, s.plan_state, s.follow_up_state) for s in stages if isinstance(s, Model)] == [
        ("pending", "pending", "pending"),
        ("ready", "pending", "pending"),
        ("ready", "ready", "pending"),
        ("ready", "ready", "no_data"),  # the mini catalogue has no usage exports
    ]
    assert stages[0].catalog is stages[-1].catalog  # type: ignore[union-attr]


def test_the_follow_up_stage_keeps_the_indexes_the_plan_stage_built(mini: Path) -> None:
    planned = [s for s in data.stages(str(mini), None, TODAY) if isinstance(s, Model)][2]
    assert planned.plan is not None
    built = [planned.steps_by_unit, planned.warnings_by_unit, planned.unit_order]
    final = planned.with_follow_up(None)
    kept = [final.steps_by_unit, final.warnings_by_unit, final.unit_order]
    assert all(new is old for new, old in zip(kept, built, strict=True))
    # One the plan stage did not build is built for the new model, from the same plan.
    assert "steps_by_week" not in vars(final) and final.steps_by_week == planned.steps_by_week


def test_a_broken_catalogue_yields_its_problems_and_nothing_else(mini_copy: Path) -> None:
    (mini_copy / "units" / "hc-alfa.yaml").write_text("id: hc-alfa\nname: Alfa\nregi: kommunal\n", encoding="utf-8")
    stages = list(data.stages(str(mini_copy), None, TODAY))
    assert len(stages) == 1 and isinstance(stages[0], Failed)
    assert any(p.file.endswith("units/hc-alfa.yaml") and p.line == 3 for p in stages[0].problems)


def test_as_of_is_the_option_else_the_catalogues_else_today(mini: Path) -> None:
    loaded = data.load_model(str(mini), None, TODAY)
    assert isinstance(loaded, Model) and loaded.as_of == date(2026, 11, 23)  # from region.yaml
    overridden = data.load_model(str(mini), date(2027, 6, 1), TODAY)
    assert isinstance(overridden, Model) and overridden.as_of == date(2027, 6, 1)


def test_the_overview_counts_units_conformance_parallels_and_the_plans_end(model: Model) -> None:
    o = figures.overview(model)
    assert (o.units, o.egen, o.privat) == (4, 2, 2)
    assert (o.conformant, o.deviations, o.exempt, o.expiring_soon) == (1, 6, 1, 0)
    assert (o.parallel, o.overdue, o.undated) == (2, 1, 1)
    assert o.end_week == model.plan.end_week and o.lower_bound_week == model.plan.lower_bound_week  # type: ignore[union-attr]
    assert [(a.area, a.units, a.conformant, a.parallel) for a in o.areas] == [
        ("Gävle", 2, 0, 2),
        ("Hälsingland", 2, 1, 0),
    ]


def test_a_running_parallel_period_counts_only_for_a_service_being_migrated(model: Model) -> None:
    # journalen (migrate: false) is active in 1177 at two units and never counts.
    assert all(service != "journalen" for _, service in model.parallel_pairs)
    assert model.parallel_pairs == {("hc-alfa", "mina-vardkontakter"), ("hc-gamma", "mina-vardkontakter")}


def test_each_unit_row_has_its_deviations_warnings_and_next_step(model: Model) -> None:
    rows = rows_by_id(model)
    assert rows["hc-delta"].conformant is True
    assert rows["hc-beta"].deviations == 3 and rows["hc-beta"].exempt == 1 and rows["hc-beta"].blocked == 3
    first = rows["hc-alfa"].next_step
    assert first is not None and first == model.steps_by_unit["hc-alfa"][0]
    assert first.week == min(s.week for s in model.steps_by_unit["hc-alfa"])


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (figures.UnitFilter(), ["hc-alfa", "hc-beta", "hc-delta", "hc-gamma"]),
        (figures.UnitFilter(text="gamma"), ["hc-gamma"]),
        (figures.UnitFilter(text="GAMMA din"), ["hc-gamma"]),
        (figures.UnitFilter(text="gavle"), ["hc-alfa", "hc-gamma"]),  # no diacritics needed
        (figures.UnitFilter(text="hc-be"), ["hc-beta"]),
        (figures.UnitFilter(regi="privat"), ["hc-beta", "hc-delta"]),
        (figures.UnitFilter(area="Hälsingland", status="conformant"), ["hc-delta"]),
        (figures.UnitFilter(status="deviating"), ["hc-alfa", "hc-beta", "hc-gamma"]),
        (figures.UnitFilter(status="exempt"), ["hc-beta"]),
        (figures.UnitFilter(status="blocked"), ["hc-beta"]),
        (figures.UnitFilter(text="nothing like this"), []),
    ],
)
def test_the_units_filter_combines_text_regi_area_and_status(
    model: Model, chosen: figures.UnitFilter, expected: list[str]
) -> None:
    assert [r.id for r in figures.unit_rows(model) if chosen.matches(r)] == expected


def test_units_sort_by_any_column_with_unknown_figures_last_both_ways(model: Model) -> None:
    rows = figures.unit_rows(model)
    assert [r.id for r in figures.sort_units(rows, "basutbud")] == ["hc-delta", "hc-alfa", "hc-gamma", "hc-beta"]
    assert [r.id for r in figures.sort_units(rows, "next")][-2:] == ["hc-beta", "hc-delta"]  # no steps
    reverse = [r.id for r in figures.sort_units(rows, "next", reverse=True)]
    assert reverse[-2:] == ["hc-beta", "hc-delta"]


def test_the_units_table_sorts_names_the_swedish_way_with_numbers_as_numbers(model: Model) -> None:
    rows = [
        dataclasses.replace(figures.unit_rows(model)[0], id=name, name=name)
        for name in ("Östersund", "Alfta 10", "Åre", "Alfta 2", "Zinkgruvan")
    ]
    assert [r.name for r in figures.sort_units(rows, "name")] == [
        "Alfta 2",
        "Alfta 10",
        "Zinkgruvan",
        "Åre",
        "Östersund",
    ]


def test_the_timeline_and_the_services_list_units_and_e_tjanster_by_name(model: Model) -> None:
    assert [u.name for u in model.units_by_name] == sorted((u.name for u in model.catalog.units), key=name_key)
    assert [r.name for r in figures.service_rows(model)] == sorted(
        (s.name for s in model.catalog.services), key=name_key
    )


def test_per_service_counts_units_done_in_parallel_in_1177_only_and_blocked(model: Model) -> None:
    rows = {r.id: r for r in figures.service_rows(model)}
    assert (rows["mina-vardkontakter"].done, rows["mina-vardkontakter"].parallel) == (1, 2)
    assert (rows["receptfornyelse"].legacy_only, rows["receptfornyelse"].blocked) == (1, 1)
    assert rows["egenremiss"].blocked == 1 and rows["egenremiss"].legacy_only == 0


def test_the_dependency_tree_has_roots_and_dependents(model: Model) -> None:
    assert "mina-vardkontakter" in figures.roots(model) and "receptfornyelse" not in figures.roots(model)
    # By name: "Av- och omboka tid" before "Förnya recept".
    assert figures.dependents(model)["mina-vardkontakter"] == ["omboka-tid", "receptfornyelse"]


def test_warnings_list_errors_and_warnings_first_then_unschedulable_then_info_grouped_per_service(
    model: Model,
) -> None:
    rows = figures.warning_rows(model)
    severities = [w.severity for w in rows]
    assert severities == sorted(severities, key=figures.SEVERITY_RANK.__getitem__)
    assert severities[0] == "error"
    assert plan_of(model).warnings and all(
        s in ("error", "warning") for s in severities[: len(plan_of(model).warnings)]
    )
    # Every item is there once: on its own row, or inside its service's info group.
    groups = [r for r in rows if r.is_group]
    assert all(r.severity == figures.INFO and r.code == "no_mvg_equivalent" for r in groups)
    assert len({r.service for r in groups}) == len(groups)
    listed = sum(len(r.members) if r.is_group else 1 for r in rows)
    assert listed == len(plan_of(model).warnings) + len(plan_of(model).unschedulable)


def plan_of(model: Model) -> Plan:
    assert model.plan is not None
    return model.plan


def test_the_timeline_marks_briefing_enable_parallel_weeks_and_redirect(model: Model) -> None:
    mondays = weeks.plan_weeks(model)
    cells = weeks.unit_cells(model, "hc-gamma", mondays)
    assert len(cells) == len(mondays)
    by_week = {s.week: s.action for s in model.steps_by_unit["hc-gamma"]}
    for monday, symbol in zip(mondays, cells, strict=True):
        action = by_week.get(monday)
        if action == "enable":
            assert symbol == weeks.SYM_ENABLE
        elif action == "redirect":
            assert symbol == weeks.SYM_REDIRECT
    enable = cells.index(weeks.SYM_ENABLE)
    assert cells[enable + 1 : cells.index(weeks.SYM_REDIRECT, enable)] == weeks.SYM_PARALLEL * (
        cells.index(weeks.SYM_REDIRECT, enable) - enable - 1
    )


def test_the_timeline_marks_informing_patients_with_its_own_symbol_over_the_parallel_weeks(model: Model) -> None:
    plan = plan_of(model)
    redirect = next(s for s in plan.steps if s.unit == "hc-gamma" and s.action == "redirect" and s.week.year == 2027)
    notice = dataclasses.replace(redirect, action="inform_patients", week=redirect.week - timedelta(weeks=1))
    informed = model.with_plan(dataclasses.replace(plan, steps=(*plan.steps, notice)))
    mondays = weeks.plan_weeks(informed)
    at = mondays.index(notice.week)
    for cells in (
        weeks.unit_cells(informed, "hc-gamma", mondays),
        weeks.service_cells(informed, notice.service, mondays),
    ):
        assert cells[at] == weeks.SYM_INFORM
        assert cells[at - 1] in (weeks.SYM_PARALLEL, weeks.SYM_ENABLE, "1")  # still the parallel run before it
    assert weeks.SYM_INFORM not in weeks.unit_cells(model, "hc-gamma", mondays)
    for legend in (words.LEGEND, words.LEGEND_SERVICE):
        assert f"{weeks.SYM_INFORM} inform patients" in legend
        assert f"{weeks.SYM_BRIEF} brief staff" in legend


def test_blackout_weeks_are_known_for_the_region_and_each_unit(model: Model) -> None:
    mondays = weeks.plan_weeks(model)
    region = weeks.region_blackout_weeks(model, mondays)
    assert {mondays[i] for i in region} == {date(2026, 12, 21), date(2026, 12, 28), date(2027, 1, 4)}
    beta = weeks.unit_blackout_weeks(model, "hc-beta", mondays)
    assert {mondays[i] for i in beta} == {date(2027, 2, 1), date(2027, 2, 8)}
    assert weeks.week_rows(model)[3].blackout == "Storhelger"


def test_a_what_if_with_the_catalogues_own_values_changes_nothing(model: Model) -> None:
    policy = model.catalog.region.policy
    options = data.what_if(
        model,
        start=None,
        enables_per_week=policy.capacity.enables_per_week,
        parallel_min=policy.parallel_weeks.min,
    )
    assert (options.enables_per_week, options.parallel_min, options.start) == (None, None, None)
    plan = data.run_what_if(model, options)
    assert plan is not None and plan.end_week == model.plan.end_week  # type: ignore[union-attr]


def test_more_capacity_never_makes_the_plan_end_later(model: Model) -> None:
    plan = data.run_what_if(model, data.what_if(model, start=None, enables_per_week=10, parallel_min=None))
    assert plan is not None and plan.end_week is not None and model.plan is not None
    assert plan.end_week <= model.plan.end_week  # type: ignore[operator]


def test_the_folder_signature_changes_when_a_unit_file_is_edited_added_or_removed(mini_copy: Path) -> None:
    before = watch.signature(mini_copy)
    unit = mini_copy / "units" / "hc-alfa.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    edited = watch.signature(mini_copy)
    assert edited != before
    (mini_copy / "units" / "hc-new.yaml").write_text("id: hc-new\n", encoding="utf-8")
    assert watch.signature(mini_copy) != edited
    (mini_copy / "units" / "hc-new.yaml").unlink()
    assert watch.signature(mini_copy) == edited


def test_the_folder_signature_notices_an_edit_that_keeps_size_and_second(mini_copy: Path) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    before = watch.signature(mini_copy)
    stat = unit.stat()
    text = unit.read_text(encoding="utf-8").replace("Alfa Din", "Alfa Dim")
    unit.write_text(text, encoding="utf-8")
    os.utime(unit, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert watch.signature(mini_copy) != before


def test_explore_without_a_catalogue_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explore", "-c", str(tmp_path / "nowhere")]) == 2
    assert "no catalogue folder" in capsys.readouterr().err


def test_explore_rejects_a_bad_as_of_date(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", "-c", str(mini), "--as-of", "2027-02-30"]) == 2
    assert "--as-of" in capsys.readouterr().err


def test_the_explore_module_itself_does_not_import_textual() -> None:
    # The model the screens render is testable (and usable) without a terminal library.
    script = (
        "import sys\n"
        "import planner.cli.explore_cmd, planner.tui.data, planner.tui.figures, planner.tui.watch\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_each_warnings_order_read_from_the_model_is_a_fresh_sort_by_its_column_after_any_other(
    tmp_path: Path,
) -> None:
    # A generated catalogue with errors, warnings, unschedulable items and an info group,
    # its hälsocentraler named in pairs: rows whose keys tie, so turning an order around is
    # more than reversing the list.
    gen.write(gen.generate(60, 30, 2), tmp_path)
    name = ""
    for i, path in enumerate(sorted((tmp_path / "units").glob("*.yaml"))):
        text = path.read_text("utf-8")
        line = next(line for line in text.splitlines() if line.startswith("name: "))
        name = line if i % 2 == 0 else name
        path.write_text(text.replace(line, name, 1), "utf-8")
    loaded = data.load_model(str(tmp_path), None, TODAY)
    assert isinstance(loaded, Model)
    rows = figures.warning_rows(loaded)
    assert {r.severity for r in rows} == set(figures.SEVERITY_RANK) and any(r.is_group for r in rows)
    assert all(
        figures.sort_warnings(rows, column, reverse=True) != figures.sort_warnings(rows, column)[::-1]
        for column in figures.WARNING_SORTS
    )

    def fresh(column: str, reverse: bool) -> list[int]:
        return [id(r) for r in figures.sort_warnings(list(rows), column, reverse)]

    # `s` through every column, `S`, `s` again: each time what a fresh sort gives.
    for column in (*figures.WARNING_SORTS, *figures.WARNING_SORTS):
        for reverse in (False, True, False):
            assert [id(r) for r in figures.sorted_warnings(loaded, column, reverse)] == fresh(column, reverse)
    assert figures.warning_rows(loaded) is rows  # no order was written over the model's list
    assert [id(r) for r in rows] == fresh("severity", False)


def test_no_cached_index_of_the_model_reads_the_follow_up() -> None:
    """`Model.with_follow_up` keeps every cached property: one that read the follow-up would go stale."""
    import ast
    import inspect

    import planner.tui.data as data

    tree = ast.parse(inspect.getsource(data.Model))
    cached = [
        f
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef) and any(ast.unparse(d) == "cached_property" for d in f.decorator_list)
    ]
    assert cached, "Model has cached indexes"
    assert [f.name for f in cached if "follow_up" in ast.unparse(f)] == []


def test_rows_known_by_their_place_are_keyed_by_their_number_and_found_by_it_alone() -> None:
    from planner.tui.widgets.rowtable import LazyRows

    made: list[int] = []

    def make(i: int) -> tuple[str, ...]:
        made.append(i)
        return (str(i),)

    rows = LazyRows(5, make)
    find = rows.finder()
    assert [rows.key(i) for i in range(5)] == ["0", "1", "2", "3", "4"]
    assert [find(k) for k in ("0", "4", "5", "03", "-1", "x", "٣")] == [0, 4, None, None, None, None, None]
    assert rows[-1].key == "4" and made == [4]  # a row is made only when asked for
    named = LazyRows(["b", "a"], lambda i: ("",))
    assert named.finder()("a") == 1 and named.finder()("0") is None
