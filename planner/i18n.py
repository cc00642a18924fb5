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
catalogue's `language:`, the locale).

This first version is the API only (English everywhere); the Swedish catalogues and the
language selection fill it in.
"""

from __future__ import annotations

import gettext

_translations: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """`message` in the current language."""
    return _translations.gettext(message)


def N_(message: str) -> str:  # the gettext convention, recognised by extractors
    """Mark `message` for translation without translating it now (module-level constants)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for count `n`, in the current language."""
    return _translations.ngettext(singular, plural, n)
