"""Which language mvgplan speaks (SPEC §10), and what never changes with it.

The first of: `--lang sv|en`, `$MVGPLAN_LANG`, `language:` in the region.yaml of the catalogue
the command would read, the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: the first set and
non-empty; Swedish when it starts with `sv`), else English.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli.language import choose
from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
MINI = "tests/fixtures/mini"
NO_ENV: dict[str, str] = {}


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language in the environment at all: a plain C locale."""
    monkeypatch.chdir(REPO)
    for name in ("MVGPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "MVGPLAN_CATALOG", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


def _with_language(catalog: Path, value: str) -> Path:
    region = catalog / "region.yaml"
    text = region.read_text(encoding="utf-8")
    region.write_text(text.replace("schema_version: 1\n", f"schema_version: 1\nlanguage: {value}\n", 1), "utf-8")
    return catalog


# --- the order of the rules -------------------------------------------------------------


def test_the_lang_option_beats_every_other_rule(mini_copy: Path) -> None:
    _with_language(mini_copy, "sv")
    env = {"MVGPLAN_LANG": "sv", "LANG": "sv_SE.UTF-8"}
    assert choose(["check", "-c", str(mini_copy), "--lang", "en"], env).language == "en"
    assert choose(["check", "--lang=en"], env).language == "en"


def test_mvgplan_lang_beats_the_catalogue_and_the_locale(mini_copy: Path) -> None:
    _with_language(mini_copy, "sv")
    assert choose(["check", "-c", str(mini_copy)], {"MVGPLAN_LANG": "en", "LANG": "sv_SE"}).language == "en"
    assert choose(["check"], {"MVGPLAN_LANG": "sv", "LC_ALL": "en_GB.UTF-8"}).language == "sv"


def test_the_catalogue_s_language_beats_the_locale(mini_copy: Path) -> None:
    _with_language(mini_copy, "en")
    assert choose(["check", "-c", str(mini_copy)], {"LANG": "sv_SE.UTF-8"}).language == "en"
    _with_language(mini_copy, "sv")  # the last line wins, as the loader would refuse a second one anyway
    assert choose(["plan", f"--catalog={mini_copy}"], {"LC_ALL": "C"}).language == "sv"


def test_the_catalogue_is_the_one_the_command_would_read(mini_copy: Path, tmp_path: Path) -> None:
    _with_language(mini_copy, "sv")
    assert choose(["check"], {"MVGPLAN_CATALOG": str(mini_copy)}).language == "sv"
    assert choose(["check", f"-c{mini_copy}"], NO_ENV).language == "sv"
    assert choose(["check", "-c", str(tmp_path / "nowhere")], NO_ENV).language == "en"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LC_MESSAGES": "sv_FI", "LANG": "en_US.UTF-8"}, "sv"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "sv_SE.UTF-8"}, "sv"),  # set but empty does not count
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_decides_when_nothing_else_does(env: dict[str, str], expected: str) -> None:
    assert choose(["validate", "-c", MINI], env).language == expected


# --- what a person sees ----------------------------------------------------------------


def test_a_catalogue_with_language_sv_answers_in_swedish_in_a_plain_c_locale(
    plain: None, mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_language(mini_copy, "sv")
    assert main(["check", "-c", str(mini_copy)]) == 1
    out = capsys.readouterr().out
    assert "hälsocentraler uppfyller basutbudet" in out and "Sammanfattning:" in out
    assert main(["check", "-c", str(mini_copy), "--lang", "en"]) == 1
    assert "Summary:" in capsys.readouterr().out


def test_help_follows_the_catalogue_s_language(
    plain: None, mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_language(mini_copy, "sv")
    assert main(["check", "-c", str(mini_copy), "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: mvgplan check")
    assert "visa den här hjälptexten och avsluta" in out and "flaggor:" in out
    assert "--catalog" in out and "--format" in out  # option names are never translated


def test_a_usage_error_is_swedish_after_its_untranslated_option(
    plain: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MVGPLAN_LANG", "sv")
    assert main(["check", "-c", MINI, "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "mvgplan check: fel: argument --format: ogiltigt val: 'pdf'" in err


def test_a_validation_error_keeps_its_prefix_and_translates_its_message(
    plain: None, mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = mini_copy / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("name:", "nmae:", 1), encoding="utf-8")
    assert main(["validate", "-c", str(mini_copy), "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert f"{mini_copy}/services.yaml:" in err and ": error[unknown_field]: okänt fält 'nmae'" in err
    assert "fel i katalogen; inget har gjorts." in err


@pytest.mark.parametrize(
    ("yaml", "swedish"),
    [
        ("name: A\nname: B\n", "nyckeln 'name' finns två gånger (första gången på rad 1)"),
        ("a: &x 1\nb: *x\n", "katalogen använder inga ankare eller alias"),
        ("a: !!str 1\n", "katalogen använder inga YAML-taggar"),
        ("<<: {a: 1}\n", "katalogen använder inga sådana; skriv ut nycklarna"),
        ("a: 1\n---\nb: 2\n", "ett andra YAML-dokument"),
        ("# only a comment\n", "filen är tom (eller har bara kommentarer)"),
        ("[1]: a\n", "en nyckel måste vara vanlig text"),
    ],
)
def test_the_yaml_reader_s_own_problems_are_translated(
    plain: None, mini_copy: Path, capsys: pytest.CaptureFixture[str], yaml: str, swedish: str
) -> None:
    (mini_copy / "basutbud.yaml").write_text(yaml, encoding="utf-8")
    assert main(["validate", "-c", str(mini_copy), "--lang", "sv"]) == 2
    assert swedish in capsys.readouterr().err


@pytest.mark.parametrize("value", ["xx", "SV", "svenska"])
def test_an_unknown_lang_option_is_a_usage_error(plain: None, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, "--lang", value]) == 2
    assert "--lang: invalid choice" in capsys.readouterr().err


def test_an_unknown_mvgplan_lang_is_a_usage_error(
    plain: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MVGPLAN_LANG", "de")
    assert main(["check", "-c", MINI]) == 2
    assert "MVGPLAN_LANG must be sv or en, not 'de'" in capsys.readouterr().err
    assert main(["check", "-c", MINI, "--lang", "en"]) == 1  # the option decides; the variable is not read


def test_an_unknown_language_in_region_yaml_is_an_input_error_with_its_line(
    plain: None, mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_language(mini_copy, "de")
    assert main(["validate", "-c", str(mini_copy)]) == 2
    err = capsys.readouterr().err
    assert f"{mini_copy}/region.yaml:3:11: error[invalid_value]: language: 'de' is not one of sv, en" in err


def test_the_ics_prodid_names_the_language_of_its_texts(plain: None, capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("en", "sv"):
        main(["plan", "-c", MINI, "--format", "ics", "--lang", lang])
        assert f"PRODID:-//Region Gävleborg//VO Digital vård mvgplan//{lang.upper()}\r\n" in capsys.readouterr().out


# --- what never changes ----------------------------------------------------------------

TRANSLATED_KEYS = {"message", "reason", "usage_error"}


def _same_structure(en: Any, sv: Any, where: str = "$") -> list[str]:
    """Every key, code, id, number and exit status equal; only `message` and `reason` texts may differ."""
    if isinstance(en, dict) and isinstance(sv, dict):
        if list(en) != list(sv):
            return [f"{where}: keys {list(en)} != {list(sv)}"]
        return [
            problem
            for key in en
            if key not in TRANSLATED_KEYS
            for problem in _same_structure(en[key], sv[key], f"{where}.{key}")
        ]
    if isinstance(en, list) and isinstance(sv, list):
        if len(en) != len(sv):
            return [f"{where}: {len(en)} items != {len(sv)}"]
        return [p for i, (a, b) in enumerate(zip(en, sv, strict=True)) for p in _same_structure(a, b, f"{where}[{i}]")]
    return [] if en == sv else [f"{where}: {en!r} != {sv!r}"]


@pytest.mark.parametrize(
    "command",
    [
        ["check", "-c", MINI, "--format", "json"],
        ["check", "-c", MINI, "--format", "json", "--uniformity"],
        ["plan", "-c", MINI, "--format", "json"],
        ["validate", "-c", MINI, "--format", "json"],
        ["follow-up", "-c", "tests/fixtures/followup", "--format", "json"],
        [
            "progress",
            "-c",
            "tests/fixtures/progress/catalog",
            "--baseline",
            "tests/fixtures/progress/baseline.yaml",
            "--as-of",
            "2027-02-01",
            "--format",
            "json",
        ],
        ["check", "-c", "tests/fixtures/does-not-exist", "--format", "json"],
        ["check", "-c", MINI, "--format", "json", "--as-of", "2026-02-30"],
    ],
)
def test_json_keys_codes_and_exit_codes_are_the_same_in_both_languages(
    plain: None, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    runs = {}
    for lang in ("en", "sv"):
        code = main([*command, "--lang", lang])
        runs[lang] = (code, json.loads(capsys.readouterr().out))
    assert runs["en"][0] == runs["sv"][0]
    assert _same_structure(runs["en"][1], runs["sv"][1]) == []


def test_the_messages_in_json_follow_the_language(plain: None, capsys: pytest.CaptureFixture[str]) -> None:
    main(["plan", "-c", MINI, "--format", "json", "--lang", "sv"])
    plan = json.loads(capsys.readouterr().out)
    assert any("veckor före införandet" in step["reason"] for step in plan["steps"])
    assert {step["action"] for step in plan["steps"]} <= {"brief_staff", "enable", "redirect"}


# --- the explorer ----------------------------------------------------------------------

_EXPLORER_FIRST_SCREEN = """
import asyncio, sys
from datetime import date
from planner.i18n import use
use(sys.argv[1])  # as `mvgplan explore` does: the language first, then the app
from planner.tui.app import ExploreApp
from planner.tui.screenshots import settle

async def main():
    app = ExploreApp(sys.argv[2], today=date(2026, 11, 23), poll_seconds=None)
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        print(app.export_screenshot())

asyncio.run(main())
"""


@pytest.mark.parametrize(
    ("lang", "words"), [("sv", ["Översikt", "Varningar", "Avsluta"]), ("en", ["Overview", "Quit"])]
)
def test_the_explorer_s_first_screen_speaks_the_chosen_language(lang: str, words: list[str]) -> None:
    import subprocess
    import sys

    shown = subprocess.run(
        [sys.executable, "-c", _EXPLORER_FIRST_SCREEN, lang, str(REPO / MINI)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.replace("&#160;", " ")
    for word in words:
        assert word in shown
