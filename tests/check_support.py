"""Small catalogues for the `mvgplan check` tests, written as YAML text (no tests here).

Every catalogue has the channels "1177" (legacy), mvg (target) and teleq (other), and the
services recept, video, omboka and kontakt; a test writes only the unit files it is about.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path

from planner.catalog.loader import Catalog, load_catalog

SERVICES = ("recept", "video", "omboka", "kontakt")
CHANNELS = ("1177", "mvg", "teleq")

_REGION = """\
schema_version: 1
region: Region Testborg
{as_of}channels:
  - {{id: "1177", name: 1177 Vårdguidens e-tjänster, role: legacy}}
  - {{id: mvg, name: Min vård Testborg, role: target}}
  - {{id: teleq, role: other}}
policy:
  parallel_weeks: {{min: 2, max: 8}}
  capacity: {{enables_per_week: 2, parallel_per_unit: 2}}
"""


def write_catalog(
    root: Path,
    units: Mapping[str, str],
    *,
    required: Iterable[tuple[str, str]] = (("recept", "mvg"),),
    effective: str | None = "2025-01-01",
    as_of: str | None = "2026-11-23",
) -> Path:
    """A catalogue folder at `root`; `units` maps a unit id to its file's text (dedented)."""
    (root / "units").mkdir(parents=True, exist_ok=True)
    (root / "region.yaml").write_text(_REGION.format(as_of=f"as_of: {as_of}\n" if as_of else ""), encoding="utf-8")
    services = "".join(f"  - {{id: {s}, name: Tjänst {s}}}\n" for s in SERVICES)
    (root / "services.yaml").write_text("services:\n" + services, encoding="utf-8")
    lines = ["source: Handbok Hälsoval 2025"]
    if effective:
        lines.append(f"effective: {effective}")
    lines.append("required:" + ("" if required else " []"))
    lines += [f'  - {{service: {s}, channel: "{c}"}}' for s, c in required]
    (root / "basutbud.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for unit_id, text in units.items():
        (root / "units" / f"{unit_id}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def load_ok(root: Path | str) -> Catalog:
    result = load_catalog(str(root))
    assert result.catalog is not None, "\n".join(p.render() for p in result.problems)
    return result.catalog


def unit_file(unit_id: str, body: str = "", *, regi: str = "egen") -> str:
    """A unit file: id, name and regi on lines 1–3, then `body` (dedented) from line 4."""
    return f"id: {unit_id}\nname: Hälsocentral {unit_id}\nregi: {regi}\n" + textwrap.dedent(body)
