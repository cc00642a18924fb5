"""Which language a run speaks (SPEC §10), decided before the parser is built.

The first of: `--lang sv|en` (after the command name, like `--catalog`), `$MVGPLAN_LANG`,
`language:` in the `region.yaml` of the catalogue the command would read, the locale (the
first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and non-empty; Swedish when it starts
with `sv`), else English.

`--help` must already speak the chosen language, so this runs before argparse: the command
line is scanned for `--lang` and `--catalog` by hand, and region.yaml's one top-level
`language:` line is found with a regular expression instead of loading the catalogue (a
full load is what `check` costs; this is a read of one small file). A malformed value there
is left to the loader, which reports it with its line and column.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.cli.common import CATALOG_ENV, DEFAULT_CATALOG
from planner.i18n import DEFAULT_LANGUAGE, LANGUAGES

LANG_ENV = "MVGPLAN_LANG"
LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")

_LANGUAGE_LINE = re.compile(rb"""^language[ \t]*:[ \t]*(["']?)([^"'\s#]*)\1[ \t]*(?:#[^\n]*)?\r?$""", re.MULTILINE)
_REGION_BYTES = 1 << 20  # region.yaml is a few kB; a stray huge file is not read whole for this


@dataclass(frozen=True)
class Choice:
    """The language, which rule chose it (`flag`, `env`, `catalog`, `locale`, `default`), and
    the complaint about a value that could not be used (`--lang xx`, `MVGPLAN_LANG=xx`)."""

    language: str
    rule: str
    complaint: str | None = None


def choose(words: Sequence[str], environ: Mapping[str, str] | None = None) -> Choice:
    """The language for the command line `words` (without the program name)."""
    env = os.environ if environ is None else environ
    complaint = None
    flag = _option(words, ("--lang",)) or ""
    if flag in LANGUAGES:  # anything else is argparse's to report, in the language chosen below
        return Choice(flag, "flag")
    value = env.get(LANG_ENV)
    if value:
        if value in LANGUAGES:
            return Choice(value, "env")
        complaint = value
    region = _region_language(_catalog_dir(words, env))
    if region in LANGUAGES:
        return Choice(region, "catalog", complaint)
    for name in LOCALE_ENVS:
        locale = env.get(name)
        if locale:
            return Choice("sv" if locale.startswith("sv") else DEFAULT_LANGUAGE, "locale", complaint)
    return Choice(DEFAULT_LANGUAGE, "default", complaint)


def _option(words: Sequence[str], names: tuple[str, ...], short: str | None = None) -> str | None:
    """The last value given to the option `names` (or `short`), as argparse would keep it."""
    found: str | None = None
    for i, word in enumerate(words):
        if word == "--":
            break
        if word in names or word == short:
            found = words[i + 1] if i + 1 < len(words) else None
        elif word.startswith("--") and "=" in word and word.split("=", 1)[0] in names:
            found = word.split("=", 1)[1]
        elif short and word.startswith(short) and not word.startswith("--") and len(word) > len(short):
            found = word[len(short) :].removeprefix("=")
    return found


def _catalog_dir(words: Sequence[str], env: Mapping[str, str]) -> str:
    """The catalogue the command would read: `--catalog`, `$MVGPLAN_CATALOG`, ./catalog."""
    return _option(words, ("--catalog",), "-c") or env.get(CATALOG_ENV) or DEFAULT_CATALOG


def _region_language(folder: str) -> str | None:
    """The value of region.yaml's top-level `language:` key, without loading the catalogue."""
    # Through the one bounded reader: a region.yaml that is a FIFO or a device must not hang
    # or exhaust the run here, before the loader gets to refuse it with its line and reason.
    from planner.readfile import Unreadable, read_bounded

    try:
        text = read_bounded(os.path.join(folder, "region.yaml"), limit=_REGION_BYTES)
    except (Unreadable, OSError, ValueError):  # no catalogue there (yet), or not a file: the command itself will say so
        return None
    match = _LANGUAGE_LINE.search(text)
    return match.group(2).decode("utf-8", "replace") if match else None
