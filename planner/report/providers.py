"""Which huvudman runs a unit, and the file name of its page."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.catalog.model import Unit

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NO_DECOMPOSITION = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "œ": "oe"})
"""Letters NFKD leaves whole that still have a plain ASCII spelling."""
EMPTY_SLUG = "provider"
"""The page name of a provider whose name has no ASCII letter or digit at all."""


def provider_of(unit: Unit, region: str) -> str:
    """The huvudman that runs `unit` (SPEC §8): its `provider`, else the region's name for
    egen regi and the unit's own name for privat regi. Every page is grouped through here."""
    return unit.provider_name(region)


def slug(name: str) -> str:
    """`name` folded to ASCII, lower case, runs of other characters as `-` (SPEC §9).

    A leading or trailing `-` is dropped: a file name that starts with `-` reads as an option
    on a command line (`rm -script-….html`).
    """
    folded = unicodedata.normalize("NFKD", name.lower().translate(_NO_DECOMPOSITION))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text).strip("-") or EMPTY_SLUG


def slugs(names: Iterable[str]) -> Mapping[str, str]:
    """A distinct slug per provider name: when two names fold to the same slug, the later
    (in sorted order) gets `-2`, `-3`, …, so no page overwrites another."""
    taken: set[str] = set()
    found: dict[str, str] = {}
    for name in sorted(set(names)):
        base = slug(name)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        found[name] = candidate
    return found
