"""The result of a basutbud conformance check: plain values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

DeviationKind = Literal["missing", "planned", "retired", "redirect_only", "exemption_expired", "broken_redirect"]


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


@dataclass(frozen=True)
class UnitResult:
    unit: str
    name: str
    regi: str
    area: str | None
    file: str
    deviations: tuple[Deviation, ...]
    exempt: tuple[Exempt, ...]

    @property
    def conformant(self) -> bool:
        return not self.deviations


@dataclass(frozen=True)
class ConformanceReport:
    as_of: date
    units: tuple[UnitResult, ...]
    """Sorted by unit id."""

    @property
    def conformant(self) -> bool:
        return all(u.conformant for u in self.units)
