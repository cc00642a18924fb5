"""The shipped usage data (catalog/usage/) is the generator's, and tells the audit's story."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from planner.catalog.loader import load_catalog
from planner.followup.compute import follow_up

REPO = Path(__file__).resolve().parents[1]


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate_usage", REPO / "benchmarks" / "generate_usage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_usage"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_usage_files_are_what_the_generator_writes(tmp_path: Path) -> None:
    assert _generator().main(["--catalog", str(REPO / "catalog"), "--story", "--out", str(tmp_path)]) == 0
    shipped = sorted(p for p in (REPO / "catalog" / "usage").iterdir() if p.suffix in (".csv", ".xlsx"))
    assert [p.name for p in shipped] == sorted(p.name for p in tmp_path.iterdir())
    for path in shipped:
        assert path.read_bytes() == (tmp_path / path.name).read_bytes(), path.name


def test_the_shipped_follow_up_tells_the_audits_story() -> None:
    catalog = load_catalog(REPO / "catalog").catalog
    assert catalog is not None
    assert catalog.usage.months[0] == "2024-11" and catalog.usage.months[-1] == "2026-10"
    result = follow_up(catalog, catalog.usage)
    flags = {(f.code, f.unit, f.service) for f in result.flags}
    # long parallel periods in which most patients stay in 1177
    assert ("low_take_up", "stortorget-gavle", "receptfornyelse") in flags
    assert ("low_take_up", "oxtorget-soderhamn", "digitala-vardmoten") in flags
    # one redirect that leaks
    assert {(c, u, s) for c, u, s in flags if c == "legacy_after_redirect"} == {
        ("legacy_after_redirect", "hofors", "receptfornyelse")
    }
    # förnya recept moved well: region-wide take-up above the target in every month
    recept = next(s for s in result.services if s.service == "receptfornyelse")
    assert all(m.take_up is not None and m.take_up > 0.9 for m in recept.monthly)
    assert {u.unit for u in result.units if u.services} == {u.id for u in catalog.units}
