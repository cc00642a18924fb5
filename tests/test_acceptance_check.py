"""Acceptance tests for `mvgplan check` (SPEC §3) against an independent reading of the SPEC.

`_expected` below is written from the SPEC's words only (not from planner.conformance), on
PyYAML's own loader: for every unit, the (service, channel, kind) of every deviation with the
line it must point at, and the exempt requirements. Random hand-made catalogues and the
benchmark generator's catalogues are run through `mvgplan check --format json` and compared.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from planner.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"
SERVICES = ["mina-vardkontakter", "receptfornyelse", "digitala-vardmoten", "omboka-tid", "egenremiss", "journalen"]
CHANNELS = ["1177", "mvg", "teleq"]
STATUSES = ["active", "redirect", "planned", "retired"]
KIND_OF_STATUS = {None: "missing", "planned": "planned", "retired": "retired", "redirect": "redirect_only"}

Entry = tuple[str, str, str, int]
"""(service, channel, kind, line) of one deviation."""


# --- the independent reading of SPEC §3 ---------------------------------------------------------


def _key_line(node: Any, key: str) -> int | None:
    if isinstance(node, yaml.MappingNode):
        for k, _v in node.value:
            if str(k.value) == key:
                return int(k.start_mark.line) + 1
    return None


def _child(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if str(k.value) == key:
                return v
    return None


def _line(tree: Any, service: str, channel: str) -> int:
    """The channel's line, else the service's, else `offerings:`, else `id:`."""
    offerings = _child(tree, "offerings")
    return (
        _key_line(_child(offerings, service), channel)
        or _key_line(offerings, service)
        or _key_line(tree, "offerings")
        or _key_line(tree, "id")
        or 1
    )


def _status(offering: Any) -> str | None:
    if offering is None:
        return None
    return offering if isinstance(offering, str) else offering["status"]


def _expected(catalog: Path, as_of: date | None = None) -> tuple[date, dict[str, dict[str, Any]]]:
    region = yaml.safe_load((catalog / "region.yaml").read_text(encoding="utf-8-sig"))
    basutbud = yaml.safe_load((catalog / "basutbud.yaml").read_text(encoding="utf-8-sig"))
    legacy = next(str(c["id"]) for c in region["channels"] if c["role"] == "legacy")
    target = next(str(c["id"]) for c in region["channels"] if c["role"] == "target")
    as_of = as_of or region["as_of"]
    assert isinstance(as_of, date)
    effective = basutbud.get("effective")
    required = (
        [(r["service"], str(r["channel"])) for r in basutbud["required"]] if not effective or as_of >= effective else []
    )
    result: dict[str, dict[str, Any]] = {}
    for path in sorted((catalog / "units").glob("*.yaml")):
        text = path.read_text(encoding="utf-8-sig")
        unit, tree = yaml.safe_load(text), yaml.compose(text)
        offerings = {
            str(s): {str(c): o for c, o in (chs or {}).items()} for s, chs in (unit.get("offerings") or {}).items()
        }

        deviations: list[Entry] = []
        exempt: list[tuple[str, str, str]] = []
        for service, channel in dict.fromkeys(required):
            status = _status(offerings.get(service, {}).get(channel))
            if status == "active":
                continue
            kind = KIND_OF_STATUS[status]
            waivers = [
                e for e in unit.get("exemptions") or [] if (e["service"], str(e["channel"])) == (service, channel)
            ]
            valid = [e["until"] for e in waivers if e["until"] >= as_of]
            if valid:
                exempt.append((service, channel, max(valid).isoformat()))
                continue
            if waivers:
                kind = "exemption_expired"
            deviations.append((service, channel, kind, _line(tree, service, channel)))
        for service, by_channel in offerings.items():
            if _status(by_channel.get(legacy)) == "redirect" and _status(by_channel.get(target)) != "active":
                deviations.append((service, legacy, "broken_redirect", _line(tree, service, legacy)))
        result[unit["id"]] = {"deviations": sorted(deviations), "exempt": sorted(exempt)}
    return as_of, result


def _actual(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        u["unit"]: {
            "deviations": sorted((d["service"], d["channel"], d["kind"], d["line"]) for d in u["deviations"]),
            "exempt": sorted((e["service"], e["channel"], e["until"]) for e in u["exempt"]),
        }
        for u in payload["units"]
    }


def _check_json(capsys: pytest.CaptureFixture[str], catalog: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    code = main(["check", "--catalog", str(catalog), "--format", "json", *extra])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    payload: dict[str, Any] = json.loads(out)
    return code, payload


def _assert_agrees(capsys: pytest.CaptureFixture[str], catalog: Path, as_of: date | None = None) -> None:
    extra = ("--as-of", as_of.isoformat()) if as_of else ()
    code, payload = _check_json(capsys, catalog, *extra)
    effective_as_of, expected = _expected(catalog, as_of)
    assert payload["as_of"] == effective_as_of.isoformat()
    assert _actual(payload) == expected
    deviating = any(u["deviations"] for u in expected.values())
    assert code == (1 if deviating else 0)
    assert payload["conformant"] is not deviating
    for unit in payload["units"]:
        assert unit["conformant"] is not expected[unit["unit"]]["deviations"]
        for deviation in unit["deviations"]:
            assert deviation["file"] == f"{catalog}/units/{unit['unit']}.yaml"
            assert deviation["message"]


# --- random hand-made catalogues --------------------------------------------------------------


def _random_catalog(seed: int, folder: Path) -> Path:
    rng = random.Random(seed)
    shutil.copytree(MINI, folder)
    for old in (folder / "units").iterdir():
        old.unlink()
    pairs = [(s, c) for s in SERVICES for c in CHANNELS]
    required = rng.sample(pairs, rng.randint(0, 6))
    effective = rng.choice(["effective: 2025-01-01\n", "effective: 2026-11-24\n", ""])
    lines = [f'  - {{service: {s}, channel: "{c}"}}' for s, c in required]
    (folder / "basutbud.yaml").write_text(
        "source: Test\n" + effective + ("required:\n" + "\n".join(lines) + "\n" if lines else "required: []\n"),
        encoding="utf-8",
    )
    for n in range(rng.randint(1, 6)):
        text = [f"id: hc-{n}", f"name: Hälsocentral {n}", f"regi: {rng.choice(['egen', 'privat'])}"]
        roll = rng.random()
        if roll < 0.1:
            text.append("offerings: {}")
        elif roll < 0.9:
            services = rng.sample(SERVICES, rng.randint(1, len(SERVICES)))
            text.append("offerings:")
            for service in services:
                channels = rng.sample(CHANNELS, rng.randint(0, 3))
                if not channels:
                    text.append(f"  {service}: {{}}")
                    continue
                text.append(f"  {service}:")
                for channel in channels:
                    key = rng.choice(['"1177"', "1177"]) if channel == "1177" else channel
                    status = rng.choice(STATUSES)
                    if rng.random() < 0.5:
                        text.append(f"    {key}: {status}")
                    else:
                        text.append(f"    {key}: {{status: {status}, since: 2024-0{rng.randint(1, 9)}-01}}")
        waivers = []
        for _ in range(rng.randint(0, 3)):
            service, channel = rng.choice(required) if required and rng.random() < 0.8 else rng.choice(pairs)
            until = rng.choice(["2026-11-22", "2026-11-23", "2026-11-24", "2027-06-30", "2025-01-01"])
            waivers.append(f'  - {{service: {service}, channel: "{channel}", until: {until}, reason: Skäl}}')
        if waivers:
            text += ["exemptions:", *waivers]
        (folder / "units" / f"hc-{n}.yaml").write_text("\n".join(text) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("seed", range(40))
def test_random_catalogues_agree_with_an_independent_reading_of_the_spec(
    seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = _random_catalog(seed, tmp_path / "catalog")
    for as_of in (None, date(2026, 11, 24), date(2024, 12, 31)):
        _assert_agrees(capsys, catalog, as_of)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_catalogues_agree_with_an_independent_reading_of_the_spec(
    seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"g{seed}"
    generator = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--out", str(out)]
    subprocess.run(
        [*generator, "--units", "40", "--services", "25", "--seed", str(seed)], check=True, capture_output=True
    )
    _assert_agrees(capsys, out)
    _assert_agrees(capsys, out, date(2025, 1, 1))


# --- edge cases, one at a time ----------------------------------------------------------------


def _unit(catalog: Path, text: str) -> None:
    for old in (catalog / "units").iterdir():
        old.unlink()
    (catalog / "units" / "hc-x.yaml").write_text(text, encoding="utf-8")


def test_a_requirement_in_the_legacy_channel_that_only_redirects_gives_two_entries(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_copy / "basutbud.yaml").write_text(
        'effective: 2025-01-01\nrequired:\n  - {service: journalen, channel: "1177"}\n', encoding="utf-8"
    )
    _unit(mini_copy, "id: hc-x\nname: X\nregi: egen\nofferings:\n  journalen:\n    1177: redirect\n    mvg: planned\n")
    code, payload = _check_json(capsys, mini_copy)
    assert code == 1
    kinds = sorted((d["channel"], d["kind"], d["line"]) for d in payload["units"][0]["deviations"])
    assert kinds == [("1177", "broken_redirect", 6), ("1177", "redirect_only", 6)]


def test_an_exemption_until_as_of_is_valid_and_the_day_after_it_is_expired(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_copy / "basutbud.yaml").write_text(
        "effective: 2025-01-01\nrequired:\n  - {service: egenremiss, channel: mvg}\n", encoding="utf-8"
    )
    _unit(
        mini_copy,
        "id: hc-x\nname: X\nregi: egen\nofferings:\n  egenremiss:\n    mvg: retired\n"
        "exemptions:\n  - {service: egenremiss, channel: mvg, until: 2026-11-23, reason: Ombyggnad}\n",
    )
    code, payload = _check_json(capsys, mini_copy)
    assert code == 0
    assert payload["units"][0]["exempt"][0]["until"] == "2026-11-23"
    code, payload = _check_json(capsys, mini_copy, "--as-of", "2026-11-24")
    assert code == 1
    [deviation] = payload["units"][0]["deviations"]
    assert (deviation["kind"], deviation["line"]) == ("exemption_expired", 6)


def test_text_summary_says_deviates_for_one_unit(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--catalog", str(mini), "--as-of", "2024-06-01"]) == 1
    out = capsys.readouterr().out
    assert "; 1 deviates (0 egen regi, 1 privat regi) with 1 deviation;" in out


def test_every_format_points_at_the_same_lines(
    mini: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini.parent)
    mini = Path("mini")  # relative, so SARIF's uri is the same relative path
    _code, payload = _check_json(capsys, mini)
    places = sorted((d["file"], d["line"]) for u in payload["units"] for d in u["deviations"])

    assert main(["check", "--catalog", str(mini), "--format", "github"]) == 1
    github = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error ")]
    assert (
        sorted((line.split("file=")[1].split(",")[0], int(line.split("line=")[1].split(",")[0])) for line in github)
        == places
    )

    assert main(["check", "--catalog", str(mini), "--format", "junit"]) == 1
    suite = ElementTree.fromstring(capsys.readouterr().out)
    cases = list(suite.iter("testcase"))
    assert len(cases) == len(payload["units"])
    failing = [c for c in cases if c.find("failure") is not None]
    assert len(failing) == sum(1 for u in payload["units"] if not u["conformant"])

    assert main(["check", "--catalog", str(mini), "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    located = sorted(
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    )
    assert located == places
