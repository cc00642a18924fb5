"""Translations: every text a person reads goes through this module.

The API every front end and renderer uses (extracted by Babel, see docs/development.md):

    from planner.i18n import _, N_, ngettext

    _("{count} of {total} hälsocentraler meet the basutbud").format(count=3, total=4)
    ngettext("{n} hälsocentral", "{n} hälsocentraler", n).format(n=n)
    LABELS = {"done": N_("done")}   # marked at import time, translated with _() where shown

Rules: the message id is the English text; placeholders are named (`{unit}`), never
positional, and a sentence is one message (no concatenation of sentence parts); format
*after* translating. Module-level constants are marked with `N_` and translated where used,
because the language is chosen at run time (SPEC §10: `--lang`, `$MVGPLAN_LANG`, the
catalogue's `language:`, the locale; `planner/cli/language.py` decides, `use` switches).

The catalogues are gettext's: `planner/locale/<lang>/LC_MESSAGES/mvgplan.po`, compiled to
`.mo` files that ship as package data and are read with the standard library's `gettext`
(Babel is a development tool only). English is the message ids themselves.
"""

from __future__ import annotations

import gettext
import os

LANGUAGES = ("sv", "en")
"""The languages mvgplan speaks (`--lang`, `$MVGPLAN_LANG`, `language:` in region.yaml)."""
DEFAULT_LANGUAGE = "en"
DOMAIN = "mvgplan"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def _(message: str) -> str:
    """`message` in the current language."""
    return _translations.gettext(message)


def N_(message: str) -> str:  # the gettext convention, recognised by extractors
    """Mark `message` for translation without translating it now (module-level constants)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for count `n`, in the current language."""
    return _translations.ngettext(singular, plural, n)


def language() -> str:
    """The language texts are in now: `sv` or `en`."""
    return _language


def catalogue_file(lang: str) -> str:
    """The compiled catalogue (.mo) of `lang`."""
    return os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")


def use(lang: str) -> None:
    """Speak `lang` from now on (one of `LANGUAGES`), argparse's own words included."""
    global _translations, _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if lang == DEFAULT_LANGUAGE:
        _translations = gettext.NullTranslations()
    else:
        with open(catalogue_file(lang), "rb") as mo:
            _translations = gettext.GNUTranslations(mo)
    _language = lang
    _argparse_speaks()


def _argparse_speaks() -> None:
    """argparse looks its words ("usage: ", "options", "show this help message and exit", its
    error messages) up through its module's `_` and `ngettext`, which are gettext's for the
    process-wide domain; send them through our catalogue instead, where they are translated
    (planner/cli/argparse_words.py lists them for extraction)."""
    import argparse  # already imported by every front end; here to keep the core free of it

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
