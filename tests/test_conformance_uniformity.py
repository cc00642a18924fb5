"""`--uniformity`: MVG e-tjänster that some hälsocentraler offer and others do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_support import load_ok, unit_file, write_catalog

from planner.cli.main import main
from planner.conformance.uniformity import uniformity


def _catalog(tmp_path: Path) -> Path:
    return write_catalog(
        tmp_path / "c",
        {
            "hc-a": unit_file("hc-a", "offerings:\n  recept: {mvg: active}\n  video: {mvg: active}\n"),
            "hc-b": unit_file("hc-b", "offerings:\n  recept: {mvg: active}\n  video: {mvg: planned}\n"),
            "hc-c": unit_file("hc-c", 'offerings:\n  recept: {mvg: active}\n  omboka: {"1177": active}\n'),
        },
    )


def test_a_service_active_in_mvg_at_some_units_but_not_all_is_a_gap_with_counts(tmp_path: Path) -> None:
    result = uniformity(load_ok(_catalog(tmp_path)))
    assert result.channel == "mvg" and result.units == 3
    assert [(g.service, g.offered_by, g.not_offered_by) for g in result.gaps] == [
        ("video", ("hc-a",), ("hc-b", "hc-c"))
    ]


def test_services_active_everywhere_or_nowhere_in_mvg_are_uniform(tmp_path: Path) -> None:
    gaps = {g.service for g in uniformity(load_ok(_catalog(tmp_path))).gaps}
    assert "recept" not in gaps  # everywhere
    assert "omboka" not in gaps  # in 1177 only, nowhere in mvg
    assert "kontakt" not in gaps  # nowhere at all


def test_uniformity_compares_only_the_chosen_units(tmp_path: Path) -> None:
    catalog = load_ok(_catalog(tmp_path))
    assert uniformity(catalog, ["hc-b", "hc-c"]).gaps == ()
    assert uniformity(catalog, ["hc-a", "hc-b"]).units == 2


def test_the_text_report_names_at_most_ten_units_per_gap_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = {f"hc-{i:02}": unit_file(f"hc-{i:02}", "offerings:\n  recept: {mvg: active}\n") for i in range(13)}
    units["hc-00"] = unit_file("hc-00", "offerings:\n  recept: {mvg: active}\n  video: {mvg: active}\n")
    root = write_catalog(tmp_path / "c", units)
    assert main(["check", "-c", str(root), "--uniformity"]) == 0
    out = capsys.readouterr().out
    assert "video  Tjänst video  active at 1 of 13  not at: hc-01, hc-02," in out
    assert "hc-10 and 2 more" in out
    assert main(["check", "-c", str(root), "--uniformity", "--format", "json"]) == 0
    (gap,) = json.loads(capsys.readouterr().out)["uniformity"]["services"]
    assert (gap["offered_by"], gap["not_offered_by"], len(gap["units_without"])) == (1, 12, 12)
