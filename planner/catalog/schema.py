"""JSON Schema for each kind of catalogue file, generated from the model.

Editors (VS Code with the YAML extension) read these through the
`# yaml-language-server: $schema=…` comment at the top of each file, and show the field
docstrings on hover while the user types.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from planner.catalog.model import Basutbud, Region, ServicesFile, Unit

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "region.schema.json": Region,
    "services.schema.json": ServicesFile,
    "basutbud.schema.json": Basutbud,
    "unit.schema.json": Unit,
}
"""File name → the model it describes; `mvgplan schema --write DIR` writes them all."""

WRITE_COMMAND = "mvgplan schema --write catalog/schema"
"""How a person regenerates the committed schemas after changing the model."""


def schema_for(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one catalogue file kind, as YAML keys are written."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render(model: type[BaseModel]) -> str:
    """Stable text: sorted keys would scramble the field order users read, so keep it."""
    return json.dumps(schema_for(model), ensure_ascii=False, indent=2) + "\n"


def all_schemas() -> dict[str, str]:
    """Every schema file's name and text, exactly as `mvgplan schema --write` writes them."""
    return {name: render(model) for name, model in SCHEMA_FILES.items()}
