"""The Swedish catalogue is complete, current and faithful (SPEC §10).

When one of these fails after you added or changed a message, run the workflow in
docs/development.md ("Translations"): extract → update → translate → compile.
"""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from planner.i18n import catalogue_file

REPO = Path(__file__).resolve().parents[1]
PO = REPO / "planner" / "locale" / "sv" / "LC_MESSAGES" / "mvgplan.po"
WORKFLOW = "see docs/development.md, Translations: extract → update → translate → compile"
_PERCENT = re.compile(r"%(?:\((\w+)\))?[sdr]")


def _catalogue() -> Catalog:
    with PO.open("rb") as po:
        return read_po(po, locale="sv")


def _ids_in_the_code() -> set[str]:
    found = extract_from_dir(
        str(REPO / "planner"), method_map=[("**.py", "python")], comment_tags=(), strip_comment_tags=True
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def _placeholders(text: str) -> list[str]:
    names = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    return sorted(names + [f"%{m.group(1) or ''}" for m in _PERCENT.finditer(text)])


def test_every_message_in_the_code_is_in_the_swedish_catalogue() -> None:
    in_po = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue() if m.id}
    missing = sorted(_ids_in_the_code() - in_po)
    assert not missing, f"{len(missing)} messages are not in {PO.name} ({WORKFLOW}): {missing[:10]}"


def test_the_swedish_catalogue_holds_no_message_the_code_no_longer_uses() -> None:
    in_po = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue() if m.id}
    stale = sorted(in_po - _ids_in_the_code())
    assert not stale, f"{len(stale)} messages in {PO.name} are gone from the code ({WORKFLOW}): {stale[:10]}"


def test_the_shipped_mo_file_is_the_po_file_compiled() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue())
    assert Path(catalogue_file("sv")).read_bytes() == compiled.getvalue(), f"the .mo is stale ({WORKFLOW})"


def test_every_message_has_a_swedish_translation_with_the_same_placeholders() -> None:
    problems = []
    for message in _catalogue():
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = [message.string] if isinstance(message.string, str) else list(message.string or ())
        if len(forms) != len(ids) or not all(forms):
            problems.append(f"untranslated or a plural form missing: {message.id!r}")
            continue
        expected = _placeholders(ids[-1])
        for form in forms:
            if _placeholders(form) != expected:
                problems.append(f"placeholders differ: {ids[-1]!r} → {form!r}")
    assert not problems, "\n".join(problems)


def test_swedish_plurals_follow_the_count() -> None:
    from planner.i18n import ngettext, use

    use("sv")
    assert ngettext("{n} hälsocentral", "{n} hälsocentraler", 1).format(n=1) == "1 hälsocentral"
    assert ngettext("{n} hälsocentral", "{n} hälsocentraler", 2).format(n=2) == "2 hälsocentraler"
    assert ngettext("{n} deviation", "{n} deviations", 3).format(n=3) == "3 avvikelser"


_PSEUDO_PLURAL = re.compile(r"\w\((s|er|ar|or|r)\)")


def test_no_message_counts_with_a_pseudo_plural_like_deviation_s() -> None:
    """ "3 deviation(s)", "avvikelse(r)": a count says its noun in the right number
    (`ngettext`, `planner.counted`)."""
    found = []
    for message in _catalogue():
        if not message.id:
            continue
        texts = [*(message.id if isinstance(message.id, tuple) else (message.id,))]
        texts += [*(message.string if isinstance(message.string, tuple) else (message.string,))]
        found += [text for text in texts if _PSEUDO_PLURAL.search(text)]
    assert found == []


@pytest.mark.parametrize(
    "word",
    ["usage: ", "options", "positional arguments", "show this help message and exit", "%(prog)s: error: %(message)s\n"],
)
def test_argparse_s_own_words_are_translated(word: str) -> None:
    strings = {m.id: m.string for m in _catalogue() if isinstance(m.id, str)}
    assert strings.get(word) and strings[word] != word
