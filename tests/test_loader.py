"""load_catalog: a Catalog when the folder is valid, every problem as a value when it is not."""

from __future__ import annotations

import gc
from pathlib import Path

from planner.catalog.loader import load_catalog
from planner.problems import Problem


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(problems: list[Problem]) -> set[tuple[str, int, str]]:
    return {(Path(p.file).name, p.line, p.code) for p in problems}


def test_the_mini_catalogue_loads_into_a_catalog(mini: Path) -> None:
    result = load_catalog(mini)
    assert result.problems == []
    catalog = result.catalog
    assert catalog is not None
    assert [u.id for u in catalog.units] == ["hc-alfa", "hc-beta", "hc-delta", "hc-gamma"]
    assert catalog.region.legacy == "1177"
    assert catalog.region.target == "mvg"
    assert catalog.service_by_id["receptfornyelse"].depends_on == ["mina-vardkontakter"]
    assert catalog.unit_by_id["hc-alfa"].offerings["digitala-vardmoten"]["mvg"].status == "active"
    assert catalog.digest.startswith("sha256:")
    assert catalog.root == str(mini)


def test_a_catalog_knows_the_line_of_each_offering(mini: Path) -> None:
    catalog = load_catalog(mini).catalog
    assert catalog is not None
    assert catalog.offering_line("hc-alfa", "receptfornyelse", "1177") == 10
    assert catalog.offering_line("hc-alfa", "receptfornyelse") == 9
    assert catalog.offering_line("hc-alfa", "boka-tid") == 5
    assert catalog.unit_source("hc-beta").path == f"{mini}/units/hc-beta.yaml"
    assert catalog.unit_source("hc-beta").at("exemptions", 0, "until") == (14, 56)


def test_the_digest_changes_with_any_file_and_only_then(mini_copy: Path) -> None:
    first = load_catalog(mini_copy).catalog
    again = load_catalog(mini_copy).catalog
    _edit(mini_copy / "units" / "hc-gamma.yaml", "area: Gävle", "area: Gävle kommun")
    changed = load_catalog(mini_copy).catalog
    assert first is not None and again is not None and changed is not None
    assert first.digest == again.digest != changed.digest


def test_a_defect_in_services_does_not_hide_its_dependency_cycle(mini_copy: Path) -> None:
    services = mini_copy / "services.yaml"
    _edit(services, "mvg_ready: 2024-04-01", "mvg_ready: yes")
    _edit(services, "    priority: 10\n", "    priority: 10\n    depends_on: [omboka-tid]\n")
    problems = load_catalog(mini_copy).problems
    assert _found(problems) == {("services.yaml", 11, "invalid_value"), ("services.yaml", 7, "dependency_cycle")}
    cycle = next(p for p in problems if p.code == "dependency_cycle")
    assert "mina-vardkontakter -> omboka-tid -> mina-vardkontakter" in cycle.message


def test_a_defect_in_services_does_not_hide_an_unknown_dependency(mini_copy: Path) -> None:
    services = mini_copy / "services.yaml"
    _edit(services, "    name: Journalen\n", "")
    _edit(services, "depends_on: [mina-vardkontakter]", "depends_on: [mina-vardkontakt]")
    assert _found(load_catalog(mini_copy).problems) == {
        ("services.yaml", 25, "missing_field"),
        ("services.yaml", 11, "unknown_reference"),
    }


def test_a_unit_that_fails_validation_still_has_its_unknown_references_reported(mini_copy: Path) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    _edit(unit, "regi: egen", "regi: egna")
    _edit(unit, "  receptfornyelse:", "  recept:")
    _edit(unit, "    mvg: active\n", "    mgv: active\n")
    assert _found(load_catalog(mini_copy).problems) == {
        ("hc-alfa.yaml", 3, "invalid_value"),
        ("hc-alfa.yaml", 9, "unknown_reference"),
        ("hc-alfa.yaml", 13, "unknown_reference"),
    }


def test_a_unit_that_fails_validation_still_has_its_id_checked(mini_copy: Path) -> None:
    unit = mini_copy / "units" / "hc-alfa.yaml"
    _edit(unit, "regi: egen", "regi: egna")
    _edit(unit, "id: hc-alfa", "id: hc-alpha")
    assert _found(load_catalog(mini_copy).problems) == {
        ("hc-alfa.yaml", 3, "invalid_value"),
        ("hc-alfa.yaml", 1, "id_mismatch"),
    }


def test_a_region_that_cannot_be_parsed_does_not_make_every_channel_unknown(mini_copy: Path) -> None:
    _edit(mini_copy / "region.yaml", "region: Region Testborg", "region: Region: Testborg")
    assert _found(load_catalog(mini_copy).problems) == {("region.yaml", 3, "yaml_syntax")}


def test_a_malformed_channel_id_does_not_make_its_references_unknown(mini_copy: Path) -> None:
    _edit(mini_copy / "region.yaml", "{id: mvg,", "{id: MVG,")
    assert _found(load_catalog(mini_copy).problems) == {("region.yaml", 7, "invalid_value")}


def test_a_service_without_an_id_does_not_make_references_to_it_unknown(mini_copy: Path) -> None:
    _edit(mini_copy / "services.yaml", "  - id: journalen\n    name: Journalen\n", "  - name: Journalen\n")
    assert _found(load_catalog(mini_copy).problems) == {("services.yaml", 25, "missing_field")}


def test_a_misspelt_required_key_is_one_error_not_two(mini_copy: Path) -> None:
    _edit(mini_copy / "units" / "hc-alfa.yaml", "regi: egen", "regj: egen")
    problems = load_catalog(mini_copy).problems
    assert [(p.line, p.code) for p in problems] == [(3, "unknown_field")]
    assert "did you mean 'regi'?" in problems[0].message


def test_from_underscore_is_not_a_way_to_write_from(mini_copy: Path) -> None:
    _edit(mini_copy / "region.yaml", "{from: 2026-12-21", "{from_: 2026-12-21")
    problems = load_catalog(mini_copy).problems
    assert [(p.line, p.code) for p in problems] == [(16, "unknown_field")]
    assert "did you mean 'from'?" in problems[0].message


def test_a_unit_file_and_a_folder_that_are_not_yaml_are_ignored(mini_copy: Path) -> None:
    (mini_copy / "units" / "README.md").write_text("# Enheter\n", encoding="utf-8")
    (mini_copy / "units" / "arkiv").mkdir()
    (mini_copy / "units" / ".hc-alfa.yaml.swp").write_bytes(b"\x00\xff")
    result = load_catalog(mini_copy)
    assert result.problems == []


def test_a_catalogue_without_a_units_folder_is_an_input_error(mini_copy: Path) -> None:
    for unit in (mini_copy / "units").iterdir():
        unit.unlink()
    (mini_copy / "units").rmdir()
    problems = load_catalog(mini_copy).problems
    assert [(p.file, p.code) for p in problems] == [(f"{mini_copy}/units", "missing_field")]


def test_loading_leaves_the_garbage_collector_as_it_found_it(mini: Path) -> None:
    assert gc.isenabled()
    load_catalog(mini)
    assert gc.isenabled()
    gc.disable()
    try:
        load_catalog(mini)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_problems_are_sorted_by_file_line_and_column(mini_copy: Path) -> None:
    _edit(mini_copy / "units" / "hc-beta.yaml", "regi: privat", "regi: privata")
    _edit(mini_copy / "units" / "hc-alfa.yaml", "regi: egen", "regi: egna")
    _edit(mini_copy / "units" / "hc-alfa.yaml", "area: Gävle", "areal: Gävle")
    problems = load_catalog(mini_copy).problems
    assert problems == sorted(problems)
    assert [(Path(p.file).name, p.line) for p in problems] == [
        ("hc-alfa.yaml", 3),
        ("hc-alfa.yaml", 4),
        ("hc-beta.yaml", 3),
    ]
