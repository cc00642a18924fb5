"""SPEC §8's rules for `mvgplan follow-up`, one test per rule, on small catalogues."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planner.catalog.loader import Catalog, load_catalog
from planner.cli.main import main
from planner.followup.compute import FollowUpOptions, follow_up
from planner.followup.model import FollowUp

FOLLOWUP = Path(__file__).parent / "fixtures" / "followup"
HEADER = "month;unit;service;channel;count\n"


@pytest.fixture
def cat(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(FOLLOWUP, target)
    shutil.rmtree(target / "usage")
    (target / "usage").mkdir()
    return target


def _unit(cat: Path, offerings: str, unit: str = "hc-alfa") -> None:
    """Replace the unit's offerings block."""
    path = cat / "units" / f"{unit}.yaml"
    head = path.read_text().split("offerings:")[0]
    path.write_text(head + "offerings:\n" + offerings)


def _usage(cat: Path, rows: str) -> None:
    (cat / "usage" / "u.csv").write_text(HEADER + rows)


def _run(cat: Path, **options: object) -> FollowUp:
    result = load_catalog(cat)
    assert result.catalog is not None, result.problems
    catalog: Catalog = result.catalog
    return follow_up(catalog, catalog.usage, FollowUpOptions(**options))  # type: ignore[arg-type]


def _flags(result: FollowUp, unit: str = "hc-alfa") -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.service, f.channel) for f in result.flags if f.unit == unit}


PARALLEL = """  receptfornyelse:
    "1177": {status: active, since: 2019-01-01}
    mvg: {status: active, since: 2026-01-01}
"""


def test_the_report_month_is_the_latest_in_the_data_and_the_window_ends_with_it(cat: Path) -> None:
    _unit(cat, PARALLEL)
    _usage(cat, "2026-05;hc-alfa;receptfornyelse;mvg;1\n2026-10;hc-alfa;receptfornyelse;mvg;1\n")
    result = _run(cat)
    assert (result.month, result.window) == ("2026-10", ("2026-08", "2026-10"))
    assert _run(cat, month="2026-06").window == ("2026-04", "2026-06")


def test_take_up_is_pooled_over_the_window_and_null_without_errands(cat: Path) -> None:
    _unit(cat, PARALLEL)
    _usage(
        cat,
        "2026-07;hc-alfa;receptfornyelse;1177;100\n"  # before the window
        "2026-08;hc-alfa;receptfornyelse;1177;10\n2026-08;hc-alfa;receptfornyelse;mvg;30\n"
        "2026-10;hc-alfa;receptfornyelse;1177;0\n2026-10;hc-alfa;receptfornyelse;mvg;60\n"
        "2026-10;hc-alfa;omboka-tid;mvg;0\n",
    )
    unit = _run(cat).units[0]
    figures = {s.service: (s.legacy, s.target, s.take_up) for s in unit.services}
    assert figures["receptfornyelse"] == (10, 90, 0.9)
    assert figures["omboka-tid"] == (0, 0, None)


def test_low_take_up_when_both_offerings_are_open_and_too_few_errands_come_through_mvg(cat: Path) -> None:
    _unit(cat, PARALLEL)
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;30\n2026-10;hc-alfa;receptfornyelse;mvg;70\n")
    assert ("low_take_up", "receptfornyelse", None) in _flags(_run(cat))


def test_no_low_take_up_at_the_target_or_below_min_count_or_when_mvg_opened_inside_the_window(cat: Path) -> None:
    _unit(cat, PARALLEL)
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;20\n2026-10;hc-alfa;receptfornyelse;mvg;80\n")
    assert not any(code == "low_take_up" for code, *_ in _flags(_run(cat)))
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;3\n2026-10;hc-alfa;receptfornyelse;mvg;1\n")
    assert not any(code == "low_take_up" for code, *_ in _flags(_run(cat)))
    _unit(cat, PARALLEL.replace("2026-01-01", "2026-09-01"))
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;30\n2026-10;hc-alfa;receptfornyelse;mvg;10\n")
    assert not any(code == "low_take_up" for code, *_ in _flags(_run(cat)))


def test_only_services_with_migrate_true_get_low_take_up(cat: Path) -> None:
    _unit(cat, '  journalen:\n    "1177": active\n    mvg: active\n')
    _usage(cat, "2026-10;hc-alfa;journalen;1177;30\n2026-10;hc-alfa;journalen;mvg;1\n")
    assert not any(code == "low_take_up" for code, *_ in _flags(_run(cat)))


def test_legacy_after_redirect_when_1177_still_receives_errands_after_its_redirect(cat: Path) -> None:
    _unit(cat, '  receptfornyelse:\n    "1177": {status: redirect, since: 2024-04-15}\n    mvg: active\n')
    _usage(cat, "2026-09;hc-alfa;receptfornyelse;1177;5\n2026-10;hc-alfa;receptfornyelse;mvg;50\n")
    result = _run(cat)
    assert ("legacy_after_redirect", "receptfornyelse", None) in _flags(result)
    flag = next(f for f in result.flags if f.code == "legacy_after_redirect")
    assert "the redirect is not working, or the catalogue is wrong" in flag.message
    assert flag.line == 8  # the 1177 offering's line in the unit file


def test_a_redirect_inside_the_window_is_not_yet_judged(cat: Path) -> None:
    _unit(cat, '  receptfornyelse:\n    "1177": {status: redirect, since: 2026-09-01}\n    mvg: active\n')
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;50\n")
    assert not any(code == "legacy_after_redirect" for code, *_ in _flags(_run(cat)))


def test_usage_without_offering_names_the_first_month_and_the_line_to_change(cat: Path) -> None:
    _unit(cat, "  receptfornyelse:\n    mvg: {status: active, since: 2026-10-01}\n")
    _usage(
        cat,
        "2026-08;hc-alfa;receptfornyelse;mvg;4\n2026-09;hc-alfa;receptfornyelse;mvg;9\n"
        "2026-10;hc-alfa;receptfornyelse;mvg;9\n2026-09;hc-alfa;omboka-tid;teleq;7\n",
    )
    result = _run(cat)
    flags = [f for f in result.flags if f.code == "usage_without_offering"]
    assert [(f.service, f.channel, f.month) for f in flags] == [
        ("omboka-tid", "teleq", "2026-09"),
        ("receptfornyelse", "mvg", "2026-09"),
    ]
    assert "update the catalogue" in flags[1].message and f"{flags[1].file}:8" in flags[1].message


def test_legacy_use_after_a_redirect_is_not_usage_without_offering(cat: Path) -> None:
    _unit(cat, '  receptfornyelse:\n    "1177": {status: retired}\n    mvg: active\n')
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;50\n")
    assert _flags(_run(cat)) == {
        ("legacy_after_redirect", "receptfornyelse", None),
        ("no_usage", "receptfornyelse", None),
    }


def test_no_usage_when_mvg_is_open_and_the_unit_reports_but_not_one_errand_came_through_mvg(cat: Path) -> None:
    _unit(cat, "  receptfornyelse:\n    mvg: active\n  omboka-tid:\n    mvg: active\n")
    _usage(cat, "2026-10;hc-alfa;omboka-tid;mvg;3\n")
    assert ("no_usage", "receptfornyelse", None) in _flags(_run(cat))
    assert ("no_usage", "omboka-tid", None) not in _flags(_run(cat))


def test_missing_data_lists_the_months_of_the_window_without_any_row_from_the_first_month_of_data_on(cat: Path) -> None:
    _unit(cat, "  receptfornyelse:\n    mvg: active\n")
    _usage(cat, "2026-09;hc-beta;receptfornyelse;1177;3\n2026-10;hc-alfa;receptfornyelse;mvg;30\n")
    result = _run(cat)
    flag = next(f for f in result.flags if f.code == "missing_data" and f.unit == "hc-alfa")
    assert flag.months == ("2026-09",) and flag.service is None and flag.channel is None


def test_unit_and_provider_restrict_what_is_shown_not_what_is_computed(cat: Path) -> None:
    _unit(cat, PARALLEL)
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;30\n2026-10;hc-delta;receptfornyelse;mvg;70\n")
    everything = _run(cat)
    shown = _run(cat, providers=["Betagården Vård AB"])
    assert [u.unit for u in shown.units] == ["hc-beta", "hc-delta"]
    assert {f.unit for f in shown.flags} <= {"hc-beta", "hc-delta"}
    assert shown.services == everything.services and shown.total == everything.total


def test_a_unit_without_a_provider_is_run_by_the_region_in_egen_regi_and_by_itself_in_privat() -> None:
    catalog = load_catalog(Path(__file__).parent / "fixtures" / "mini").catalog
    assert catalog is not None
    providers = {u.id: u.provider_name(catalog.region.region) for u in catalog.units}
    assert providers["hc-alfa"] == "Region Testborg"
    assert providers["hc-beta"] == "Betagårdens hälsocentral"


def test_a_partial_follow_up_block_takes_the_defaults_for_the_rest(cat: Path) -> None:
    catalog = load_catalog(cat).catalog
    assert catalog is not None
    assert catalog.region.follow_up.take_up_target == 0.8 and catalog.region.follow_up.window_months == 3


def test_follow_up_without_usage_data_exits_2_and_says_where_to_put_it(
    cat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["follow-up", "-c", str(cat)]) == 2
    err = capsys.readouterr().err
    assert f"{cat}/usage:1:1: error[missing_field]: no usage data" in err


def test_strict_exits_1_when_a_warning_is_shown(cat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _unit(cat, PARALLEL)
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;30\n2026-10;hc-alfa;receptfornyelse;mvg;70\n")
    assert main(["follow-up", "-c", str(cat)]) == 0
    assert main(["follow-up", "-c", str(cat), "--strict"]) == 1
    assert main(["follow-up", "-c", str(cat), "--strict", "--unit", "hc-gamma"]) == 0
    capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [["--unit", "hc-alfaa"], ["--provider", "Nobody AB"], ["--month", "2026-13"]],
)
def test_a_wrong_selection_is_a_usage_error(cat: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;mvg;1\n")
    assert main(["follow-up", "-c", str(cat), *argv]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_json_carries_the_spec_keys(cat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _unit(cat, PARALLEL)
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;1\n2026-10;hc-alfa;receptfornyelse;mvg;2\n")
    assert main(["follow-up", "-c", str(cat), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"as_of", "month", "window", "units", "services", "flags", "summary"} <= data.keys()
    assert data["units"][0]["services"][0] == {"service": "receptfornyelse", "legacy": 1, "target": 2, "take_up": 0.667}
    assert {"service", "take_up", "units_parallel", "monthly"} <= data["services"][0].keys()
    assert {"rows", "units_with_data", "take_up", "flags"} <= data["summary"].keys()


def test_with_min_count_0_a_pair_without_errands_is_not_judged_for_take_up(cat: Path) -> None:
    region = cat / "region.yaml"
    region.write_text(region.read_text().replace("min_count: 5", "min_count: 0"))
    _unit(cat, PARALLEL)
    _usage(cat, "2026-10;hc-alfa;receptfornyelse;1177;0\n")
    assert not any(code == "low_take_up" for code, *_ in _flags(_run(cat)))
