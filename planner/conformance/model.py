"""The result of a basutbud conformance check: plain values, no I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

DeviationKind = Literal["missing", "planned", "retired", "redirect_only", "exemption_expired", "broken_redirect"]

DEVIATION_KINDS: tuple[DeviationKind, ...] = (
    "missing",
    "planned",
    "retired",
    "redirect_only",
    "exemption_expired",
    "broken_redirect",
)
"""Every kind, in the order docs/ci.md lists them (and the order summaries count them in)."""


@dataclass(frozen=True, order=True)
class Deviation:
    """One way a unit falls short, pointing at the line a person would edit."""

    unit: str
    service: str
    channel: str
    kind: DeviationKind
    file: str
    line: int
    message: str


@dataclass(frozen=True, order=True)
class Exempt:
    """A deviation waived by a valid exemption: reported, never failing the check."""

    unit: str
    service: str
    channel: str
    until: date
    reason: str
    decision: str | None
    file: str
    line: int
    expires_soon: bool
    """True when `until` is within 30 days of as_of: the build will fail soon."""


UnusedWhy = Literal["not_required", "requirement_met"]


@dataclass(frozen=True, order=True)
class UnusedExemption:
    """An exemption that waives nothing as of the date: information, never failing the check.

    `not_required`: the basutbud does not require that service in that channel (often a
    typo in the channel or the service); `requirement_met`: it is active there now, so the
    exemption can go.
    """

    unit: str
    service: str
    channel: str
    until: date
    why: UnusedWhy
    file: str
    line: int
    message: str


@dataclass(frozen=True)
class UnitResult:
    unit: str
    name: str
    regi: str
    area: str | None
    file: str
    deviations: tuple[Deviation, ...]
    exempt: tuple[Exempt, ...]
    unused_exemptions: tuple[UnusedExemption, ...] = ()
    """Exemptions that waive nothing (see `UnusedExemption`), in the order of the file."""

    @property
    def conformant(self) -> bool:
        return not self.deviations


@dataclass(frozen=True)
class Summary:
    """The counts a manager reads first (the json `summary`, plus a few more)."""

    units: int
    conformant_units: int
    deviations: int
    exempt: int
    expires_soon: int
    unused_exemptions: int
    by_kind: dict[DeviationKind, int]
    """Deviations per kind, every kind present (zero when none)."""
    deviating_by_regi: dict[str, int]
    """Units with at least one deviation, per regi (`egen`, `privat`), both always present."""


@dataclass(frozen=True)
class ConformanceReport:
    as_of: date
    units: tuple[UnitResult, ...]
    """Sorted by unit id."""
    effective: date | None = None
    """`basutbud.effective`: requirements apply from this date (None: they always apply)."""
    in_force: bool = True
    """False when as_of is before `effective`: no requirement was checked, only redirects."""

    @property
    def conformant(self) -> bool:
        return all(u.conformant for u in self.units)

    def deviations(self) -> Iterator[Deviation]:
        for unit in self.units:
            yield from unit.deviations

    def exempt(self) -> Iterator[Exempt]:
        for unit in self.units:
            yield from unit.exempt

    def unused_exemptions(self) -> Iterator[UnusedExemption]:
        for unit in self.units:
            yield from unit.unused_exemptions

    @property
    def summary(self) -> Summary:
        kinds = Counter(d.kind for d in self.deviations())
        regi = Counter(u.regi for u in self.units if not u.conformant)
        exempt = list(self.exempt())
        return Summary(
            units=len(self.units),
            conformant_units=sum(1 for u in self.units if u.conformant),
            deviations=sum(kinds.values()),
            exempt=len(exempt),
            expires_soon=sum(1 for e in exempt if e.expires_soon),
            unused_exemptions=sum(1 for _ in self.unused_exemptions()),
            by_kind={k: kinds[k] for k in DEVIATION_KINDS},
            deviating_by_regi={r: regi[r] for r in ("egen", "privat")},
        )


@dataclass(frozen=True)
class UniformityGap:
    """A target-channel service some units offer (active) and others do not."""

    service: str
    offered_by: tuple[str, ...]
    """Unit ids where the service is active in the target channel, sorted."""
    not_offered_by: tuple[str, ...]
    """Unit ids where it is not, sorted."""


@dataclass(frozen=True)
class Uniformity:
    """How alike the units' offer in the target channel is: information, never a failure."""

    channel: str
    units: int
    """Units compared."""
    gaps: tuple[UniformityGap, ...]
    """Sorted by service id."""
