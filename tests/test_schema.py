"""The JSON Schemas editors validate against: documented, current, and referenced by every file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel

from planner.catalog.schema import SCHEMA_FILES, WRITE_COMMAND, all_schemas, schema_for
from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
SCHEMA_DIR = REPO / "catalog" / "schema"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?P<path>\S+)\s*$")
KIND_OF = {"region.yaml": "region", "services.yaml": "services", "basutbud.yaml": "basutbud"}


def _properties(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (path, schema) of a named property, anywhere in a schema, $defs included."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            yield f"{where}/properties/{name}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _properties(value, f"{where}/{i}")


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_every_property_of_every_schema_has_a_description(name: str) -> None:
    schema = schema_for(SCHEMA_FILES[name])
    undocumented = [path for path, prop in _properties(schema) if not prop.get("description")]
    assert undocumented == [], f"give these fields a docstring in planner/catalog/model.py: {undocumented}"


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_the_committed_schemas_are_what_the_code_generates(name: str) -> None:
    committed = SCHEMA_DIR / name
    assert committed.is_file(), f"{committed} is missing: run `{WRITE_COMMAND}`"
    assert committed.read_text(encoding="utf-8") == all_schemas()[name], (
        f"{committed} is stale: the model changed; run `{WRITE_COMMAND}` and commit the result"
    )


def _shipped_yaml() -> list[Path]:
    return sorted((REPO / "catalog").rglob("*.yaml"))


@pytest.mark.parametrize("path", _shipped_yaml(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_shipped_yaml_file_starts_with_a_modeline_naming_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{path} should start with '# yaml-language-server: $schema=…' so editors validate it"
    target = (path.parent / match["path"]).resolve()
    assert target.is_file(), f"{path} points at {match['path']}, which does not exist"
    kind = KIND_OF.get(path.name, "unit" if path.parent.name == "units" else "?")
    assert target.name == f"{kind}.schema.json"


def _offerings_mapping() -> dict[str, Any]:
    """The unit schema's offerings, without the `null` an empty `offerings:` may be."""
    offerings = schema_for(SCHEMA_FILES["unit.schema.json"])["properties"]["offerings"]
    [mapping] = [arm for arm in offerings["anyOf"] if arm.get("type") == "object"]
    assert mapping["propertyNames"]["description"] == "A service id from services.yaml."
    return dict(mapping)


def test_the_unit_schema_says_channel_keys_are_text() -> None:
    offerings = _offerings_mapping()
    channel_keys = offerings["additionalProperties"]["propertyNames"]
    assert channel_keys["type"] == "string"
    assert '"1177"' in channel_keys["description"]
    assert re.match(channel_keys["pattern"], "1177")


def test_the_unit_schema_accepts_the_short_form_of_an_offering() -> None:
    offerings = _offerings_mapping()
    entry = offerings["additionalProperties"]["additionalProperties"]
    assert {"$ref": "#/$defs/Offering"} in entry["anyOf"]
    assert any(arm.get("enum") == ["active", "redirect", "planned", "retired"] for arm in entry["anyOf"])


def test_schema_write_creates_the_folder_and_all_four_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "schema"
    assert main(["schema", "--write", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == sorted(SCHEMA_FILES)
    for name, text in all_schemas().items():
        assert (target / name).read_text(encoding="utf-8") == text
    assert capsys.readouterr().out == f"wrote 4 schemas to {target}\n"


def test_schema_prints_one_kind_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "unit"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Unit"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_write_to_an_impossible_place_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["schema", "--write", str(blocker / "schema")]) == 2
    assert "cannot write the schemas" in capsys.readouterr().err


def _validator(name: str) -> Any:
    schema = schema_for(SCHEMA_FILES[name])
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_shipped_file_as_the_model_reads_it_satisfies_its_schema() -> None:
    from planner.catalog.loader import load_catalog
    from planner.catalog.model import ServicesFile

    catalog = load_catalog(Path(__file__).parents[1] / "catalog").catalog
    assert catalog is not None
    documents: dict[str, list[BaseModel]] = {
        "region.schema.json": [catalog.region],
        "services.schema.json": [ServicesFile(services=list(catalog.services))],
        "basutbud.schema.json": [catalog.basutbud],
        "unit.schema.json": list(catalog.units),
    }
    for name, models in documents.items():
        validator = _validator(name)
        for model in models:
            document = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
            errors = [e.message for e in validator.iter_errors(document)]
            assert errors == [], f"{name}: {errors[:3]}"


@pytest.mark.parametrize("key", ["offerings", "exemptions", "blackouts"])
def test_an_empty_optional_list_in_a_unit_is_allowed_by_the_schema_as_by_the_loader(key: str) -> None:
    unit = {"id": "hc-x", "name": "X", "regi": "egen", key: None}
    assert list(_validator("unit.schema.json").iter_errors(unit)) == []


def test_the_schema_still_refuses_a_wrong_type_where_empty_is_allowed() -> None:
    unit = {"id": "hc-x", "name": "X", "regi": "egen", "exemptions": "none"}
    assert list(_validator("unit.schema.json").iter_errors(unit)) != []
