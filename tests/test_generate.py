"""The synthetic catalogue generator (benchmarks/generate.py) writes valid, repeatable catalogues."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml
from synthetic import gen

REPO = Path(__file__).resolve().parents[1]
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
STATUSES = {"active", "redirect", "planned", "retired"}


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    result: dict[str, str] = gen.generate(40, 20, 7)
    return result


@pytest.fixture(scope="module")
def parsed(files: dict[str, str]) -> dict[str, Any]:
    return {path: yaml.safe_load(text) for path, text in files.items()}


def _status(entry: Any) -> str:
    return entry if isinstance(entry, str) else str(entry["status"])


def test_the_same_seed_gives_the_same_text() -> None:
    assert gen.generate(30, 25, 3) == gen.generate(30, 25, 3)


def test_another_seed_gives_another_catalogue() -> None:
    assert gen.generate(30, 25, 3) != gen.generate(30, 25, 4)


def test_the_catalogue_has_the_four_kinds_of_file(files: dict[str, str]) -> None:
    assert {"region.yaml", "services.yaml", "basutbud.yaml"} <= files.keys()
    units = sorted(p for p in files if p.startswith("units/"))
    assert units == [f"units/hc-{n:04d}.yaml" for n in range(1, 41)]


def test_every_file_parses_without_anchors_aliases_or_tags(files: dict[str, str]) -> None:
    for text in files.values():
        for event in yaml.parse(text):
            assert not isinstance(event, yaml.AliasEvent)
            assert getattr(event, "anchor", None) is None
            assert getattr(event, "tag", None) is None


def test_the_region_has_one_legacy_and_one_target_channel_and_1177_is_a_string(
    parsed: dict[str, Any],
) -> None:
    region = parsed["region.yaml"]
    roles = Counter(c["role"] for c in region["channels"])
    assert roles["legacy"] == 1 and roles["target"] == 1
    assert {c["id"] for c in region["channels"]} == {"1177", "mvg", "teleq"}
    assert region["as_of"] == date(2026, 11, 23)
    assert region["policy"]["parallel_weeks"] == {"min": 2, "max": 8}
    assert region["plan"]["horizon_weeks"] == 520


def test_blackouts_cover_christmas_and_summer_and_run_forwards(parsed: dict[str, Any]) -> None:
    blackouts = parsed["region.yaml"]["policy"]["blackouts"]
    assert all(b["from"] <= b["to"] for b in blackouts)
    assert {"from": date(2027, 7, 5), "to": date(2027, 8, 15), "reason": "Sommar"} in blackouts
    assert {"from": date(2026, 12, 21), "to": date(2027, 1, 6), "reason": "Storhelger"} in blackouts
    for path, unit in parsed.items():
        if path.startswith("units/"):
            assert all(b["from"] <= b["to"] for b in unit.get("blackouts", []))


def test_ids_are_slugs_and_unit_files_are_named_after_their_unit(parsed: dict[str, Any]) -> None:
    services = parsed["services.yaml"]["services"]
    ids = [s["id"] for s in services]
    assert len(ids) == len(set(ids))
    assert all(SLUG.fullmatch(i) for i in ids)
    for path, data in parsed.items():
        if path.startswith("units/"):
            assert SLUG.fullmatch(data["id"])
            assert path == f"units/{data['id']}.yaml"
            assert data["regi"] in {"egen", "privat"}


def test_every_reference_names_a_service_and_a_channel_that_exist(parsed: dict[str, Any]) -> None:
    services = {s["id"] for s in parsed["services.yaml"]["services"]}
    channels = {c["id"] for c in parsed["region.yaml"]["channels"]}
    for req in parsed["basutbud.yaml"]["required"]:
        assert req["service"] in services and req["channel"] in channels
    for path, unit in parsed.items():
        if not path.startswith("units/"):
            continue
        for service, offering in unit["offerings"].items():
            assert service in services
            assert set(offering) <= channels
            assert all(_status(entry) in STATUSES for entry in offering.values())
        for exemption in unit.get("exemptions", []):
            assert exemption["service"] in services and exemption["channel"] in channels


def test_depends_on_is_acyclic_and_points_only_to_earlier_services(parsed: dict[str, Any]) -> None:
    services = parsed["services.yaml"]["services"]
    index = {s["id"]: i for i, s in enumerate(services)}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(index)
    for s in services:
        assert len(s.get("depends_on", [])) <= 2
        for dep in s.get("depends_on", []):
            assert index[dep] < index[s["id"]]
            graph.add_edge(s["id"], dep)
    assert nx.is_directed_acyclic_graph(graph)


def test_the_basutbud_is_ready_in_mvg_before_as_of(parsed: dict[str, Any]) -> None:
    services = {s["id"]: s for s in parsed["services.yaml"]["services"]}
    required = parsed["basutbud.yaml"]["required"]
    assert 4 <= len(required) <= 6
    for req in required:
        assert req["channel"] == "mvg"
        assert services[req["service"]].get("mvg_ready") is not None
        assert services[req["service"]]["mvg_ready"] < date(2026, 11, 23)


def test_half_the_units_are_in_egen_regi(parsed: dict[str, Any]) -> None:
    regi = Counter(u["regi"] for p, u in parsed.items() if p.startswith("units/"))
    assert regi == {"egen": 20, "privat": 20}


def test_a_larger_catalogue_shows_every_state_of_a_migration() -> None:
    files = gen.generate(120, 40, 1)
    services = yaml.safe_load(files["services.yaml"])["services"]
    assert any(s.get("migrate") is False for s in services)
    assert any(s.get("mvg_ready") is None for s in services)
    pairs: Counter[tuple[str | None, str | None]] = Counter()
    extras: Counter[str] = Counter()
    for path, text in files.items():
        if not path.startswith("units/"):
            continue
        unit = yaml.safe_load(text)
        extras["exemptions"] += len(unit.get("exemptions", []))
        extras["blackouts"] += len(unit.get("blackouts", []))
        for offering in unit["offerings"].values():
            legacy, target = offering.get("1177"), offering.get("mvg")
            pairs[(legacy and _status(legacy), target and _status(target))] += 1
            if isinstance(target, dict) and "from" in target:
                extras["planned_from"] += 1
    expected = [
        ("active", None),  # migration not started
        ("active", "planned"),
        ("active", "active"),  # running in parallel
        ("redirect", "active"),  # done
        ("retired", "active"),
        ("redirect", "planned"),  # broken redirect
        (None, "active"),
    ]
    assert all(pairs[p] > 0 for p in expected), pairs
    assert extras["exemptions"] > 0 and extras["blackouts"] > 0 and extras["planned_from"] > 0


def test_the_command_writes_the_generated_files(tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    assert gen.main(["--units", "5", "--services", "8", "--seed", "2", "--out", str(out)]) == 0
    expected = gen.generate(5, 8, 2)
    written = {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*.yaml")}
    assert written == expected


def test_the_command_refuses_an_existing_folder_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "catalog"
    out.mkdir()
    assert gen.main(["--units", "5", "--services", "8", "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_force_replaces_a_larger_catalogue_without_leaving_stale_units(tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    assert gen.main(["--units", "6", "--services", "8", "--out", str(out)]) == 0
    (out / "notes.txt").write_text("kept", "utf-8")
    assert gen.main(["--units", "3", "--services", "8", "--out", str(out), "--force"]) == 0
    assert sorted(p.name for p in (out / "units").iterdir()) == [f"hc-000{n}.yaml" for n in (1, 2, 3)]
    assert (out / "notes.txt").read_text("utf-8") == "kept"


@pytest.mark.parametrize(("units", "services", "seed"), [(1, 1, 0), (40, 20, 1), (25, 45, 9)])
def test_the_projects_loader_finds_no_problem_in_a_generated_catalogue(
    tmp_path: Path, units: int, services: int, seed: int
) -> None:
    from planner.catalog.loader import load_catalog

    out = tmp_path / "catalog"
    gen.write(gen.generate(units, services, seed), out)
    result = load_catalog(out)
    assert result.problems == []
    assert result.catalog is not None
    assert len(result.catalog.units) == units
