"""A 1177 redirect to an e-tjänst that is not active in MVG: one rule and one sentence.

Both `mvgplan check` (a `broken_redirect` deviation) and `mvgplan plan` (an error warning)
report it; they ask this module whether a redirect is broken and how to say so, so the two
commands can never disagree on either.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from planner.catalog.model import Status
from planner.i18n import N_, _

_WHERE_IT_IS: Mapping[Status | None, str] = MappingProxyType(
    {
        None: N_("not offered"),
        "planned": N_("only planned"),
        "retired": N_("retired"),
        "redirect": N_("only a redirect"),
    }
)


def is_broken(legacy_status: Status | None, target_status: Status | None) -> bool:
    """The legacy channel forwards patients (`redirect`) to a target where it is not `active`."""
    return legacy_status == "redirect" and target_status != "active"


def broken_redirect_message(service: str, legacy: str, target: str, target_status: Status | None) -> str:
    """`Förnya recept (receptfornyelse) redirects patients from 1177 to mvg, where it is only
    planned: …`; `service` as the caller labels it, channels by their catalogue ids."""
    return _(
        "{service} redirects patients from {legacy} to {target}, where it is {where}: patients are forwarded "
        "to nothing; make it active in {target} or undo the redirect"
    ).format(service=service, legacy=legacy, target=target, where=_(_WHERE_IT_IS[target_status]))
