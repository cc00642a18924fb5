"""Every input error of SPEC §2, one defect per catalogue, through `mvgplan validate`.

Each row copies tests/fixtures/mini, breaks one file in one place, and checks that
`main(["validate", ...])` exits 2 and reports exactly that defect: its code, its file, and
the line and column of the offending key or value (found by the text `at` in the broken
file, so the expectation is exact and readable), in JSON on stdout and as
`path:line:col: error[code]: message` on stderr, with no traceback.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.problems import ProblemCode

MINI = Path(__file__).parent / "fixtures" / "mini"
TEXT_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): error\[(?P<code>[a-z_]+)\]: (?P<message>.+)$")

Edit = Callable[[bytes | None], bytes | None]
"""The broken file's new bytes from its old ones (None: the file is absent / is removed)."""


def sub(old: str, new: str) -> Edit:
    """Replace the first `old` with `new`; the row is wrong (and fails) if `old` is absent."""

    def edit(raw: bytes | None) -> bytes:
        assert raw is not None
        text = raw.decode("utf-8")
        assert old in text, f"{old!r} is not in the file: the test row is out of date"
        return text.replace(old, new, 1).encode("utf-8")

    return edit


def whole(content: str | bytes) -> Edit:
    """Replace the whole file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return lambda _raw: data


def append(more: str) -> Edit:
    return lambda raw: (raw or b"") + more.encode("utf-8")


def copy_of(relative: str) -> Edit:
    return lambda _raw: (MINI / relative).read_bytes()


def delete(_raw: bytes | None) -> None:
    return None


def reencode(old: str, encoding: str) -> Edit:
    """Write the line holding `old` in another encoding (a file saved as Latin-1 by accident)."""

    def edit(raw: bytes | None) -> bytes:
        assert raw is not None and old.encode("utf-8") in raw
        return raw.replace(old.encode("utf-8"), old.encode(encoding), 1)

    return edit


@dataclass(frozen=True)
class Defect:
    file: str
    """The broken file, relative to the catalogue."""
    edit: Edit
    code: ProblemCode
    at: str | tuple[int, int] | None = None
    """The text the error points at (its first character), or (line, column); None: 1:1."""
    nth: int = 1
    """Which occurrence of `at` in the broken file."""
    says: str = ""
    """A phrase the message must hold."""
    count: int = 1
    """How many errors the defect gives (one, unless it is inherently several)."""


def position(content: bytes | None, defect: Defect) -> tuple[int, int]:
    if defect.at is None or content is None:
        return (1, 1)
    if isinstance(defect.at, tuple):
        return defect.at
    text = content.decode("utf-8", errors="replace")
    index = -1
    for _ in range(defect.nth):
        index = text.index(defect.at, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


DEEP = "services: " + "[" * 70 + "]" * 70 + "\n"
MANY_NODES = "services:\n" + "  - a\n" * 200_001
BIG = "# padding\n" * (600 * 1024)  # 6 MiB of comments

DEFECTS: dict[str, Defect] = {
    # --- yaml_syntax --------------------------------------------------------------------
    "a colon inside an unquoted value is a syntax error at the colon": Defect(
        "region.yaml",
        sub("region: Region Testborg", "region: Region: Testborg"),
        "yaml_syntax",
        ": Testborg",
        says="put the text in quotes",
    ),
    "an unclosed brace is reported where it was opened": Defect(
        "region.yaml",
        sub("{min: 2, max: 8}", "{min: 2, max: 8"),
        "yaml_syntax",
        "{min: 2",
        says="not closed",
    ),
    "a tab used for indentation is a syntax error that names the tab": Defect(
        "units/hc-alfa.yaml",
        sub('  receptfornyelse:\n    "1177"', '  receptfornyelse:\n\t"1177"'),
        "yaml_syntax",
        '\t"1177"',
        says="tab",
    ),
    "a file that is not UTF-8 is a syntax error at the first bad byte": Defect(
        "units/hc-alfa.yaml",
        reencode("Alfa Din hälsocentral", "latin-1"),
        "yaml_syntax",
        "\ufffd",
        says="UTF-8",
    ),
    "a control character is a syntax error at that character": Defect(
        "units/hc-beta.yaml",
        sub("Betagårdens", "Beta\x07gårdens"),
        "yaml_syntax",
        "\x07",
        says="U+0007",
    ),
    "an empty file is a syntax error": Defect("basutbud.yaml", whole(""), "yaml_syntax", says="empty"),
    "a file of only comments is a syntax error": Defect(
        "basutbud.yaml", whole("# nothing yet\n\n"), "yaml_syntax", says="empty"
    ),
    "a second YAML document in a file is a syntax error": Defect(
        "units/hc-gamma.yaml",
        append("---\nid: hc-gamma\n"),
        "yaml_syntax",
        "---",
        says="second YAML document",
    ),
    # --- duplicate_key ------------------------------------------------------------------
    "a duplicate key is reported at its second occurrence": Defect(
        "services.yaml",
        sub("    name: Egenremiss\n", "    name: Egenremiss\n    name: Egen remiss\n"),
        "duplicate_key",
        "name: Egen remiss",
        says="first at line 22",
    ),
    "a duplicate channel under one offering is a duplicate key": Defect(
        "units/hc-alfa.yaml",
        sub("    mvg: active\n", "    mvg: active\n    mvg: planned\n"),
        "duplicate_key",
        "mvg: planned",
    ),
    # --- unknown_field ------------------------------------------------------------------
    "a misspelt field is unknown, with a did-you-mean": Defect(
        "services.yaml",
        sub("    priority: 10", "    prioritet: 10"),
        "unknown_field",
        "prioritet",
        says="did you mean 'priority'?",
    ),
    "a non-breaking space in a key is explained": Defect(
        "units/hc-alfa.yaml",
        sub("area: Gävle", "area\u00a0: Gävle"),
        "unknown_field",
        "area",
        says="invisible character",
    ),
    "a misspelt key in an offering is unknown": Defect(
        "units/hc-alfa.yaml",
        sub("since: 2019-01-01", "sinse: 2019-01-01"),
        "unknown_field",
        "sinse",
        says="did you mean 'since'?",
    ),
    # --- missing_field ------------------------------------------------------------------
    "a unit without a name misses a required field": Defect(
        "units/hc-alfa.yaml",
        sub("name: Alfa Din hälsocentral\n", ""),
        "missing_field",
        "id: hc-alfa",
        says="'name'",
    ),
    "a channel without a role misses a required field": Defect(
        "region.yaml",
        sub("name: TeleQ telefon, role: other", "name: TeleQ telefon"),
        "missing_field",
        "{id: teleq",
        says="'role'",
    ),
    "a catalogue without region.yaml misses a required file": Defect(
        "region.yaml", delete, "missing_field", says="region.yaml"
    ),
    # --- invalid_value ------------------------------------------------------------------
    "mvg_ready: yes is not a date": Defect(
        "services.yaml",
        sub("mvg_ready: 2024-04-01", "mvg_ready: yes"),
        "invalid_value",
        "yes",
        says="YYYY-MM-DD",
    ),
    "2025-02-30 is not a date in the calendar": Defect(
        "services.yaml",
        sub("mvg_ready: 2024-04-01", "mvg_ready: 2025-02-30"),
        "invalid_value",
        "2025-02-30",
        says="28 days",
    ),
    "an unknown status is invalid, with a did-you-mean": Defect(
        "units/hc-alfa.yaml",
        sub("    mvg: active\n", "    mvg: activ\n"),
        "invalid_value",
        "activ\n",
        says="did you mean 'active'?",
    ),
    "an id with capitals is not a slug": Defect(
        "services.yaml",
        sub("id: egenremiss", "id: EgenRemiss"),
        "invalid_value",
        "EgenRemiss",
        says="not a valid id",
    ),
    "migrate: no is not a boolean": Defect(
        "services.yaml",
        sub("migrate: false", "migrate: no"),
        "invalid_value",
        "no\n",
        says="true or false",
    ),
    "regi must be egen or privat": Defect(
        "units/hc-alfa.yaml",
        sub("regi: egen", "regi: egna"),
        "invalid_value",
        "egna",
        says="did you mean 'egen'?",
    ),
    "a unit file that is a list instead of a mapping is invalid": Defect(
        "units/hc-alfa.yaml",
        whole("- id: hc-alfa\n- name: Alfa\n"),
        "invalid_value",
        says="mapping",
    ),
    "two legacy channels are a bad role count": Defect(
        "region.yaml",
        sub("role: target", "role: legacy"),
        "invalid_value",
        "legacy}",
        nth=2,
        says="all have role: legacy",
    ),
    "no legacy channel is a bad role count": Defect(
        "region.yaml",
        sub("role: legacy", "role: other"),
        "invalid_value",
        "channels:",
        says="no channel has role: legacy",
    ),
    "a blackout whose from is after its to is invalid": Defect(
        "region.yaml",
        sub("from: 2026-12-21", "from: 2027-12-21"),
        "invalid_value",
        "2027-12-21",
        says="after",
    ),
    "schema_version must be 1": Defect(
        "region.yaml",
        sub("schema_version: 1", "schema_version: 2"),
        "invalid_value",
        "2\n",
        says="must be 1",
    ),
    "a YAML anchor is refused": Defect(
        "services.yaml",
        sub("category: nationell", "category: &n nationell"),
        "invalid_value",
        "&n",
        says="anchor",
    ),
    "a YAML alias is refused": Defect(
        "services.yaml",
        sub("category: nationell", "category: &n nationell\n    name_en: *n"),
        "invalid_value",
        "*n",
        says="alias '*n'",
        count=2,
    ),
    "a YAML merge key is refused": Defect(
        "services.yaml",
        sub("  - id: journalen\n", "  - <<: {migrate: false}\n    id: journalen\n"),
        "invalid_value",
        "<<",
        says="merge key",
    ),
    "a YAML tag is refused": Defect(
        "services.yaml",
        sub("name: Journalen", "name: !!str Journalen"),
        "invalid_value",
        "!!str",
        says="tag",
    ),
    "a unit file ending in .yml is refused": Defect(
        "units/hc-epsilon.yml",
        copy_of("units/hc-alfa.yaml"),
        "invalid_value",
        says="hc-epsilon.yaml",
    ),
    "a unit file ending in .YAML is refused": Defect(
        "units/hc-epsilon.YAML",
        copy_of("units/hc-alfa.yaml"),
        "invalid_value",
        says="hc-epsilon.yaml",
    ),
    "a unit file ending in a misspelt .yam is refused": Defect(
        "units/hc-epsilon.yam",
        copy_of("units/hc-alfa.yaml"),
        "invalid_value",
        says="would be left out: rename it to hc-epsilon.yaml",
    ),
    # --- unknown_reference --------------------------------------------------------------
    "an offering of an unknown service is an unknown reference": Defect(
        "units/hc-alfa.yaml",
        sub("  receptfornyelse:", "  receptfornyelsen:"),
        "unknown_reference",
        "receptfornyelsen",
        says="unknown service 'receptfornyelsen' (did you mean 'receptfornyelse'?)",
    ),
    "an offering in an unknown channel is an unknown reference": Defect(
        "units/hc-alfa.yaml",
        sub("    mvg: active\n", "    mgv: active\n"),
        "unknown_reference",
        "mgv",
        says="unknown channel 'mgv' (did you mean 'mvg'?)",
    ),
    "a basutbud requirement of an unknown service is an unknown reference": Defect(
        "basutbud.yaml",
        sub("service: omboka-tid", "service: omboka"),
        "unknown_reference",
        "omboka,",
        says="unknown service 'omboka'",
    ),
    "a basutbud requirement in an unknown channel is an unknown reference": Defect(
        "basutbud.yaml",
        sub("omboka-tid, channel: mvg", "omboka-tid, channel: mgv"),
        "unknown_reference",
        "mgv",
        says="did you mean 'mvg'?",
    ),
    "an exemption of an unknown service is an unknown reference": Defect(
        "units/hc-beta.yaml",
        sub("service: digitala-vardmoten", "service: digitala-vardmote"),
        "unknown_reference",
        "digitala-vardmote,",
        says="did you mean 'digitala-vardmoten'?",
    ),
    "an exemption in an unknown channel is an unknown reference": Defect(
        "units/hc-beta.yaml",
        sub("channel: mvg, until", "channel: mvgg, until"),
        "unknown_reference",
        "mvgg",
        says="unknown channel 'mvgg'",
    ),
    "a dependency on an unknown service is an unknown reference": Defect(
        "services.yaml",
        sub("depends_on: [mina-vardkontakter]", "depends_on: [mina-vardkontakt]"),
        "unknown_reference",
        "mina-vardkontakt]",
        says="did you mean 'mina-vardkontakter'?",
    ),
    # --- duplicate_id -------------------------------------------------------------------
    "two services with one id are a duplicate id": Defect(
        "services.yaml",
        append("  - id: journalen\n    name: Journalen igen\n"),
        "duplicate_id",
        "journalen",
        nth=2,
        says="already used at line 25",
    ),
    "two units with one id are a duplicate id": Defect(
        "units/hc-epsilon.yaml",
        copy_of("units/hc-alfa.yaml"),
        "duplicate_id",
        "hc-alfa",
        says="hc-alfa.yaml",
    ),
    "two channels with one id are a duplicate id": Defect(
        "region.yaml",
        sub("role: other}\n", "role: other}\n  - {id: teleq, name: TeleQ igen, role: other}\n"),
        "duplicate_id",
        "teleq, name: TeleQ igen",
        says="already used at line 8",
    ),
    # --- id_mismatch --------------------------------------------------------------------
    "a unit whose id differs from its file name is an id mismatch": Defect(
        "units/hc-alfa.yaml",
        sub("id: hc-alfa", "id: hc-alpha"),
        "id_mismatch",
        "hc-alpha",
        says="rename the file to hc-alpha.yaml or set id: hc-alfa",
    ),
    # --- dependency_cycle ---------------------------------------------------------------
    "a depends_on cycle is named a -> b -> a": Defect(
        "services.yaml",
        sub("    priority: 10\n", "    priority: 10\n    depends_on: [receptfornyelse]\n"),
        "dependency_cycle",
        "receptfornyelse]",
        says="mina-vardkontakter -> receptfornyelse -> mina-vardkontakter",
    ),
    "a service that depends on itself is a cycle": Defect(
        "services.yaml",
        sub("    name: Egenremiss\n", "    name: Egenremiss\n    depends_on: [egenremiss]\n"),
        "dependency_cycle",
        "egenremiss]",
        says="egenremiss -> egenremiss",
    ),
    # --- too_large ----------------------------------------------------------------------
    "a file over 5 MiB is too large": Defect("units/hc-delta.yaml", append(BIG), "too_large", says="5 MiB"),
    "a node tree deeper than the cap is too large": Defect(
        "services.yaml", whole(DEEP), "too_large", "[", nth=64, says="deeper than 64"
    ),
    "a node tree larger than the cap is too large": Defect(
        "services.yaml", whole(MANY_NODES), "too_large", (199_999, 5), says="200,000"
    ),
}


def _break(catalog: Path, defect: Defect) -> bytes | None:
    target = catalog / defect.file
    content = defect.edit(target.read_bytes() if target.exists() else None)
    if content is None:
        target.unlink()
    else:
        target.write_bytes(content)
    return content


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("defect", DEFECTS.values(), ids=DEFECTS.keys())
def test_each_input_error_is_reported_with_its_code_file_and_position(
    defect: Defect, mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _break(mini_copy, defect)
    line, column = position(content, defect)
    shown = f"{mini_copy}/{defect.file}"

    code, out, err = _run(["validate", "--catalog", str(mini_copy), "--format", "json"], capsys)
    assert code == 2
    assert "Traceback" not in out + err
    report = json.loads(out)
    assert report["ok"] is False
    errors = report["errors"]
    assert len(errors) == defect.count, errors
    matching = [e for e in errors if e["code"] == defect.code and defect.says in e["message"]]
    assert matching, errors
    assert {e["file"] for e in errors} == {shown}
    assert (matching[0]["line"], matching[0]["column"]) == (line, column), matching[0]
    assert set(matching[0]) == {"file", "line", "column", "code", "message"}

    code, out, err = _run(["validate", "--catalog", str(mini_copy)], capsys)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    rendered = [TEXT_LINE.match(text) for text in err.splitlines()[:-1]]
    assert all(rendered), err
    first = next(m for m in rendered if m is not None and m["message"] == matching[0]["message"])
    assert (first["file"], int(first["line"]), int(first["column"])) == (shown, line, column)
    assert first["code"] == defect.code


VALID_VARIANTS: dict[str, tuple[str, Edit]] = {
    "a UTF-8 byte order mark": ("units/hc-alfa.yaml", lambda raw: b"\xef\xbb\xbf" + (raw or b"")),
    "CRLF line ends": ("services.yaml", lambda raw: (raw or b"").replace(b"\n", b"\r\n")),
    "BOM and CRLF together": ("region.yaml", lambda raw: b"\xef\xbb\xbf" + (raw or b"").replace(b"\n", b"\r\n")),
    "an unquoted 1177 channel key": ("units/hc-alfa.yaml", sub('    "1177": active\n', "    1177: active\n")),
    "an unquoted 1177 channel id": ("region.yaml", sub('{id: "1177"', "{id: 1177")),
    "an unquoted 1177 channel in a requirement": (
        "units/hc-gamma.yaml",
        sub('  receptfornyelse:\n    "1177": active', "  receptfornyelse:\n    1177: active"),
    ),
    "quoted dates": ("services.yaml", sub("mvg_ready: 2024-04-01", 'mvg_ready: "2024-04-01"')),
    "single-quoted dates": ("region.yaml", sub("as_of: 2026-11-23", "as_of: '2026-11-23'")),
    "a quoted priority": ("services.yaml", sub("priority: 10", 'priority: "10"')),
    "comments and blank lines everywhere": ("units/hc-beta.yaml", lambda raw: b"# header\n\n" + (raw or b"")),
    "notes beside the unit files": ("units/README.md", lambda _raw: b"# Unit files\n"),
    "an editor's backup beside the unit files": ("units/hc-beta.yaml~", lambda _raw: b"not: [yaml\n"),
}


@pytest.mark.parametrize("variant", VALID_VARIANTS.values(), ids=VALID_VARIANTS.keys())
def test_valid_ways_of_writing_a_catalogue_are_accepted(
    variant: tuple[str, Edit], mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, edit = variant
    target = mini_copy / file
    target.write_bytes(edit(target.read_bytes() if target.exists() else None) or b"")
    code, out, err = _run(["validate", "-c", str(mini_copy)], capsys)
    assert (code, err) == (0, "")
    assert "valid" in out


def test_several_errors_in_several_files_are_all_reported_in_one_run(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for defect in (
        DEFECTS["two legacy channels are a bad role count"],
        DEFECTS["a duplicate key is reported at its second occurrence"],
        DEFECTS["mvg_ready: yes is not a date"],
        DEFECTS["a depends_on cycle is named a -> b -> a"],
        DEFECTS["a basutbud requirement in an unknown channel is an unknown reference"],
        DEFECTS["an offering of an unknown service is an unknown reference"],
        DEFECTS["regi must be egen or privat"],
        DEFECTS["an exemption in an unknown channel is an unknown reference"],
    ):
        _break(mini_copy, defect)
    code, out, _err = _run(["validate", "-c", str(mini_copy), "--format", "json"], capsys)
    assert code == 2
    found = {(Path(e["file"]).name, e["code"]) for e in json.loads(out)["errors"]}
    assert found == {
        ("region.yaml", "invalid_value"),
        ("services.yaml", "duplicate_key"),
        ("services.yaml", "invalid_value"),
        ("services.yaml", "dependency_cycle"),
        ("basutbud.yaml", "unknown_reference"),
        ("hc-alfa.yaml", "unknown_reference"),
        ("hc-alfa.yaml", "invalid_value"),
        ("hc-beta.yaml", "unknown_reference"),
    }


def test_a_relative_catalogue_path_is_printed_relative(
    mini_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _break(mini_copy, DEFECTS["regi must be egen or privat"])
    monkeypatch.chdir(mini_copy.parent)
    code, _out, err = _run(["validate", "-c", "catalog"], capsys)
    assert code == 2
    assert err.startswith("catalog/units/hc-alfa.yaml:3:7: error[invalid_value]: ")
    code, _out, err = _run(["validate", "-c", "./catalog/"], capsys)
    assert err.startswith("./catalog/units/hc-alfa.yaml:3:7: ")


def test_the_catalogue_comes_from_mvgplan_catalog_when_no_option_is_given(
    mini_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MVGPLAN_CATALOG", str(mini_copy))
    _break(mini_copy, DEFECTS["regi must be egen or privat"])
    code, _out, err = _run(["validate"], capsys)
    assert code == 2
    assert err.startswith(f"{mini_copy}/units/hc-alfa.yaml:3:7: ")


def test_a_billion_laughs_file_is_refused_without_expanding_it(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"lol{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (mini_copy / "units" / "hc-alfa.yaml").write_text("\n".join(lines) + "\n")
    code, out, _err = _run(["validate", "-c", str(mini_copy), "--format", "json"], capsys)
    assert code == 2
    errors = json.loads(out)["errors"]
    assert {e["code"] for e in errors} == {"invalid_value"}
    assert (errors[0]["line"], errors[0]["column"]) == (1, 7)
    assert "anchor '&a0'" in errors[0]["message"]


def test_a_unit_file_that_is_a_dangling_link_is_an_error_not_a_vanished_unit(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_copy / "units" / "hc-alfa.yaml").unlink()
    (mini_copy / "units" / "hc-alfa.yaml").symlink_to(mini_copy / "elsewhere" / "hc-alfa.yaml")
    code, out, _err = _run(["validate", "-c", str(mini_copy), "--format", "json"], capsys)
    assert code == 2
    [error] = json.loads(out)["errors"]
    assert (Path(error["file"]).name, error["code"], error["line"]) == ("hc-alfa.yaml", "invalid_value", 1)
    assert "a link to a file that does not exist" in error["message"]


def test_a_folder_named_like_a_unit_file_is_an_error(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_copy / "units" / "hc-epsilon.yaml").mkdir()
    code, out, _err = _run(["validate", "-c", str(mini_copy), "--format", "json"], capsys)
    assert code == 2
    [error] = json.loads(out)["errors"]
    assert Path(error["file"]).name == "hc-epsilon.yaml"
    assert "not a file" in error["message"]


def test_a_units_file_instead_of_a_folder_is_named_as_such(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(mini_copy / "units")
    (mini_copy / "units").write_text("id: hc-alfa\n", encoding="utf-8")
    code, out, _err = _run(["validate", "-c", str(mini_copy), "--format", "json"], capsys)
    assert code == 2
    [error] = json.loads(out)["errors"]
    assert (Path(error["file"]).name, error["code"]) == ("units", "missing_field")
    assert error["message"].startswith("units is a file, not a folder")


def test_a_missing_catalogue_folder_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["validate", "-c", str(tmp_path / "nowhere"), "--format", "json"], capsys)
    assert code == 2
    assert json.loads(out)["errors"][0]["file"] == str(tmp_path / "nowhere")
    assert "Traceback" not in err


def test_a_valid_catalogue_gives_a_one_line_summary_and_exit_0(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["validate", "-c", str(mini)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{mini}: valid: 4 hälsocentraler (2 egen regi, 2 privat regi), 6 e-tjänster, 3 basutbud requirements"
    ]


def test_a_valid_catalogue_gives_a_json_summary(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["validate", "-c", str(mini), "--format", "json"], capsys)
    summary = json.loads(out)
    assert code == 0
    assert summary["ok"] is True
    assert (summary["units"], summary["services"], summary["basutbud_requirements"]) == (4, 6, 3)
    assert summary["catalog_digest"].startswith("sha256:")


def test_the_shipped_catalogue_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    shipped = Path(__file__).resolve().parents[1] / "catalog"
    code, _out, err = _run(["validate", "-c", str(shipped)], capsys)
    assert (code, err) == (0, "")
