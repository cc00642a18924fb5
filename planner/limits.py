"""The limits every front end applies to numbers a person types, as the catalogue does.

Light on purpose (no pydantic): the command line imports it on start-up. The catalogue's
models take `MAX_WEEKS` from here, so a week setting has one cap whether it comes from
`region.yaml`, `--parallel-min` or the explorer's what-if.
"""

from __future__ import annotations

import re

from planner.i18n import N_, _

MAX_WEEKS = 5200
"""A hundred years: no setting counted in weeks needs more, and a plan stays within the calendar."""
MAX_PARALLEL_MIN_WEEKS = 104
"""The longest minimum parallel period: two years. The planner's cost grows with it (every
candidate week checks the whole period at a unit), so 5200 took minutes on a 400-unit
catalogue; 104 keeps a 400-unit plan at the horizon's maximum within seconds."""
PARALLEL_MIN_REASON = N_(
    "a parallel period of more than two years is not a migration step, and the planner's time grows with it"
)

MAX_DIGITS = 100
"""A longer number is refused for its length, before it is read: Python refuses integers of
more than 4,300 digits with a message that is no use to a planner. Below this, the setting's
own bound (at most 5200 weeks, …) says what is wrong."""

_WHOLE = re.compile(r"[+-]?[0-9]+")
"""ASCII digits only, as the JSON Schema's integers: `int()` would also take `١٠٤` and `１０`."""


def whole_number_problem(text: str) -> str | None:
    """Why `text` is not a whole number written in decimal with the digits 0–9, or None."""
    if not _WHOLE.fullmatch(text):
        if text.strip().lstrip("+-").isdecimal():
            return _("{text!r} is written with digits other than 0–9: type it with 0–9").format(text=_shown(text))
        return _("expected a whole number, got {text!r}").format(text=_shown(text))
    digits = len(text.lstrip("+-").lstrip("0"))
    if digits > MAX_DIGITS:
        return _("a number with {digits} digits; a whole number here has at most {most}").format(
            digits=digits, most=MAX_DIGITS
        )
    return None


def parse_whole_number(text: str, least: int, most: int | None = None) -> int:
    """`text` as a whole number in `least`…`most`, or `ValueError` saying why not."""
    problem = whole_number_problem(text)
    if problem is not None:
        raise ValueError(problem)
    value = int(text)
    if value < least:
        raise ValueError(_("must be at least {least}, got {value}").format(least=least, value=value))
    if most is not None and value > most:
        raise ValueError(_("must be at most {most}, got {value}").format(most=most, value=value))
    return value


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"
