"""`mvgplan record` (SPEC §7): exactly one offering changes; every other byte stays.

The text edit (`planner.catalog.edit.set_offering`) on unit files written in every style a
person or a script writes them (block, flow, JSON, comments, CRLF, a BOM), the validation
guard, and the command's refusals and exit codes.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import planner.catalog.edit as edit
from planner.catalog.edit import set_offering
from planner.catalog.yamltree import parse
from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
DAY = date(2027, 1, 20)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def data(text: str) -> Any:
    parsed = parse(text.encode("utf-8"), "unit.yaml")
    assert parsed.trustworthy and not parsed.problems, [p.render() for p in parsed.problems]
    return parsed.data


def offering(status: str, since: date = DAY) -> dict[str, str]:
    return {"status": status, "since": since.isoformat()}


# --- the text edit ----------------------------------------------------------------------

UNIT = """\
# Bollnäs — kommentar överst
id: hc-a
name: "Hälsocentral A"
regi: egen
offerings:
  # Flyttade till MVG 2025
  receptfornyelse:
    '1177': {status: redirect, since: 2024-04-15}   # rad-kommentar
    mvg: active

  kontakta-mig:
    "1177": active
  boka-tid: {"1177": active}
  intyg:
    "1177":
      status: active
      since: 2020-01-01   # sedan länge
exemptions: []
"""


@pytest.mark.parametrize(
    ("service", "channel", "status", "changed_lines"),
    [
        ("receptfornyelse", "mvg", "active", {9: "    mvg: {status: active, since: 2027-01-20}"}),
        (
            "receptfornyelse",
            "1177",
            "retired",
            {8: "    '1177': {status: retired, since: 2027-01-20}   # rad-kommentar"},
        ),
        ("boka-tid", "mvg", "active", {13: '  boka-tid: {"1177": active, mvg: {status: active, since: 2027-01-20}}'}),
    ],
    ids=["short-form", "flow-keeps-its-comment-and-quotes", "flow-mapping-gets-an-entry"],
)
def test_record_changes_only_the_characters_of_that_offering(
    service: str, channel: str, status: str, changed_lines: dict[int, str]
) -> None:
    before = UNIT.splitlines()
    after = set_offering(UNIT, service, channel, status, DAY).splitlines()
    assert len(after) == len(before)
    for n, (old, new) in enumerate(zip(before, after, strict=True), start=1):
        assert new == changed_lines.get(n, old)


def test_a_missing_channel_is_added_as_one_line_at_the_end_of_its_service() -> None:
    after = set_offering(UNIT, "kontakta-mig", "mvg", "active", DAY)
    assert after.replace("    mvg: {status: active, since: 2027-01-20}\n", "", 1) == UNIT
    assert data(after)["offerings"]["kontakta-mig"] == {"1177": "active", "mvg": offering("active")}


def test_a_missing_service_is_added_at_the_end_of_offerings_in_the_files_indentation() -> None:
    after = set_offering(UNIT, "journalen", "1177", "redirect", DAY)
    added = '  journalen:\n    "1177": {status: redirect, since: 2027-01-20}\n'
    assert after == UNIT.replace("exemptions: []\n", added + "exemptions: []\n")


def test_a_block_offering_keeps_its_indentation_and_loses_only_its_old_values() -> None:
    after = set_offering(UNIT, "intyg", "1177", "redirect", DAY)
    assert '    "1177":\n      status: redirect\n      since: 2027-01-20   # sedan länge\n' in after
    assert data(after)["offerings"]["intyg"]["1177"] == offering("redirect")


def test_a_unit_file_without_offerings_gets_them_at_its_end() -> None:
    text = "id: hc-a\nname: A\nregi: egen\n"
    after = set_offering(text, "intyg", "mvg", "active", DAY)
    assert after == text + "offerings:\n  intyg:\n    mvg: {status: active, since: 2027-01-20}\n"


def test_an_empty_offerings_key_is_filled_in_place() -> None:
    text = "id: hc-a\nname: A\nregi: egen\nofferings:\nexemptions: []\n"
    after = set_offering(text, "intyg", "mvg", "active", DAY)
    assert data(after)["offerings"] == {"intyg": {"mvg": offering("active")}}
    assert after.endswith("exemptions: []\n")


def test_a_json_unit_file_stays_json() -> None:
    text = json.dumps(
        {"id": "hc-a", "name": "A", "regi": "egen", "offerings": {"a": {"1177": {"status": "active"}}}}, indent=1
    )
    after = set_offering(text, "a", "mvg", "active", DAY)
    assert json.loads(after)["offerings"]["a"] == {"1177": {"status": "active"}, "mvg": offering("active")}
    after = set_offering(text, "b", "1177", "retired", DAY)
    assert json.loads(after)["offerings"]["b"] == {"1177": offering("retired")}


def test_crlf_line_endings_are_kept() -> None:
    text = UNIT.replace("\n", "\r\n")
    after = set_offering(text, "kontakta-mig", "mvg", "active", DAY)
    assert "\n" not in after.replace("\r\n", "")
    assert data(after)["offerings"]["kontakta-mig"]["mvg"] == offering("active")


def test_a_last_line_without_a_line_break_still_gets_its_own_line() -> None:
    text = "id: hc-a\nname: A\nregi: egen\nofferings:\n  a:\n    mvg: planned"
    after = set_offering(text, "a", "1177", "retired", DAY)
    assert data(after)["offerings"]["a"] == {"mvg": "planned", "1177": offering("retired")}


# Unit files in the styles people write, with comments everywhere.
_SERVICES = ["a", "b", "c"]
_CHANNELS = ["1177", "mvg", "teleq"]


@st.composite
def unit_files(draw: st.DrawFn) -> str:
    lines = ["# enhet", "id: hc-a", "name: A  # namn", "regi: egen"]
    services = draw(st.lists(st.sampled_from(_SERVICES), unique=True, max_size=3))
    listed: bool = draw(st.booleans())
    if services or listed:
        lines.append("offerings:")
    for service in services:
        channels = draw(st.lists(st.sampled_from(_CHANNELS), unique=True, min_size=1, max_size=3))
        style = draw(st.sampled_from(["block", "flow"]))
        if draw(st.booleans()):
            lines.append("  # kommentar före tjänsten")
        if style == "flow":
            inner = ", ".join(f'"{c}": {draw(st.sampled_from(["active", "planned"]))}' for c in channels)
            lines.append(f"  {service}: {{{inner}}}")
            continue
        lines.append(f"  {service}:")
        for channel in channels:
            key = draw(st.sampled_from([f'"{channel}"', f"'{channel}'", channel]))
            value = draw(st.sampled_from(["active", "{status: planned, from: 2027-03-01}", "block"]))
            if value == "block":
                lines += [f"    {key}:", "      status: active", "      since: 2020-01-01"]
            else:
                lines.append(f"    {key}: {value}" + draw(st.sampled_from(["", "   # kommentar"])))
            if draw(st.booleans()):
                lines.append("")
    if draw(st.booleans()):
        lines.append("exemptions: []")
    return "\n".join(lines) + "\n"


def _without(tree: Any, service: str, channel: str) -> Any:
    out = json.loads(json.dumps(tree))
    offerings = out.get("offerings") or {}
    offerings.get(service, {}).pop(channel, None)
    if service in offerings and not offerings[service]:
        offerings.pop(service)
    out["offerings"] = offerings
    return out


@settings(max_examples=150, deadline=None)
@given(
    text=unit_files(),
    service=st.sampled_from(_SERVICES),
    channel=st.sampled_from(_CHANNELS),
    status=st.sampled_from(["active", "redirect", "retired"]),
)
def test_record_changes_that_offering_and_nothing_else_in_any_unit_file(
    text: str, service: str, channel: str, status: str
) -> None:
    after = set_offering(text, service, channel, status, DAY)
    tree = data(after)
    assert tree["offerings"][service][channel] == offering(status)
    assert _without(tree, service, channel) == _without(data(text), service, channel)
    # Every line of the old file is still there, in order (only the offering's own lines go).
    kept = [
        line
        for line in text.splitlines()
        if line.strip() and "status: active" not in line and "since: 2020" not in line
    ]
    new_lines = iter(after.splitlines())
    for line in kept:
        if f"{channel}" in line and line.strip().startswith((f'"{channel}"', f"'{channel}'", f"{channel}:")):
            continue
        if line.startswith(f"  {service}: {{") or line == "offerings:":  # a flow entry, an empty key filled
            continue
        assert any(line == candidate for candidate in new_lines), line


# --- the command ------------------------------------------------------------------------


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(REPO / "catalog", target)
    return target


def test_record_writes_the_change_atomically_and_prints_it_as_a_unified_diff(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = shipped / "units" / "bollnas.yaml"
    before = path.read_text(encoding="utf-8")
    code, out, err = run(
        capsys, "record", "-c", str(shipped), "bollnas", "skicka-meddelande", "enable", "--date", "2027-01-20"
    )
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [("    mvg: {status: planned, from: 2027-01-25}", "    mvg: {status: active, since: 2027-01-20}")]
    assert "-    mvg: {status: planned, from: 2027-01-25}\n+    mvg: {status: active, since: 2027-01-20}\n" in out
    assert out.startswith(f"--- a/{shipped}/units/bollnas.yaml\n+++ b/{shipped}/units/bollnas.yaml\n")


def test_after_record_the_check_no_longer_reports_the_deviation(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "check", "-c", str(shipped), "--format", "json")
    deviation = next(
        (u["unit"], d["service"]) for u in json.loads(out)["units"] for d in u["deviations"] if d["kind"] == "planned"
    )
    assert run(capsys, "record", "-c", str(shipped), *deviation, "enable", "--date", "2026-11-20")[0] == 0
    _, out, _ = run(capsys, "check", "-c", str(shipped), "--format", "json")
    left = {
        (u["unit"], d["service"]) for u in json.loads(out)["units"] for d in u["deviations"] if d["kind"] == "planned"
    }
    assert deviation not in left
    assert run(capsys, "validate", "-c", str(shipped))[0] == 0


def test_dry_run_prints_the_diff_and_changes_nothing(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shipped / "units" / "bollnas.yaml"
    before = path.read_bytes()
    code, out, _ = run(
        capsys, "record", "-c", str(shipped), "bollnas", "boka-tid", "enable", "--date", "2027-01-20", "--dry-run"
    )
    assert code == 0 and "+    mvg: {status: active, since: 2027-01-20}" in out
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bolnas", "intyg", "enable"], "unknown unit 'bolnas' (did you mean 'bollnas'?)"),
        (["bollnas", "recptfornyelse", "enable"], "unknown service 'recptfornyelse' (did you mean 'receptfornyelse'?)"),
        (["bollnas", "intyg", "enable", "--date", "2027-02-30"], "2027-02-30 is not a date in the calendar"),
        (["bollnas", "intyg", "activate"], "invalid choice: 'activate'"),
    ],
    ids=["unit", "service", "date", "action"],
)
def test_record_refuses_with_exit_2_and_changes_nothing(
    shipped: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = {p: p.read_bytes() for p in (shipped / "units").iterdir()}
    code, out, err = run(capsys, "record", "-c", str(shipped), *argv)
    assert code == 2 and out == ""
    assert message in err
    assert {p: p.read_bytes() for p in (shipped / "units").iterdir()} == before


def test_a_record_that_would_not_validate_changes_nothing_and_exits_2(
    shipped: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = shipped / "units" / "bollnas.yaml"
    before = path.read_bytes()
    monkeypatch.setattr(edit, "set_offering", lambda text, *_: text.replace("regi: egen", "regi: kommunal"))
    code, _, err = run(capsys, "record", "-c", str(shipped), "bollnas", "intyg", "enable", "--date", "2027-01-20")
    assert code == 2
    assert f"{shipped}/units/bollnas.yaml:6:7: error[invalid_value]" in err
    assert "nothing was changed" in err
    assert path.read_bytes() == before


def test_a_record_that_leaves_a_broken_redirect_is_made_with_a_warning(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "record", "-c", str(shipped), "bollnas", "stod-och-behandling", "redirect", "--date", "2027-01-20"
    )
    assert code == 0
    assert '+    "1177": {status: redirect, since: 2027-01-20}' in out
    assert "warning:" in err and "broken_redirect" in err


def test_a_byte_order_mark_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(REPO / "tests" / "fixtures" / "mini", catalog)
    path = catalog / "units" / "hc-alfa.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert run(capsys, "record", "-c", str(catalog), "hc-alfa", "omboka-tid", "enable", "--date", "2027-01-20")[0] == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid: hc-alfa\n")
