"""The catalogue's files as pydantic models: the schema users edit against.

Every field's docstring becomes its description in the JSON Schema (`mvgplan schema`), so
an editor shows it on hover. Unknown keys are forbidden everywhere: a typo must never be
silently ignored. Values arrive from the YAML reader as text (only `null`, `true` and
`false` are typed there), so numbers and dates are parsed here, strictly.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT_RE = re.compile(r"^[+-]?\d+$")


def _parse_date(value: Any) -> Any:
    """Only `YYYY-MM-DD` (quoted or not); pydantic's lax mode would take timestamps too."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a date in the calendar") from None


def _parse_int(value: Any) -> Any:
    """Whole numbers written in decimal; not booleans, not `1e3`, not `8:30`."""
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number, got {str(value).lower()}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _INT_RE.match(value.strip()):
        return int(value)
    raise ValueError(f"expected a whole number, got {value!r}")


def _parse_bool(value: Any) -> Any:
    """Only `true` or `false`: YAML 1.1's `yes`, `on` and `y` are not booleans here."""
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {value!r}")


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
WholeNumber = Annotated[int, BeforeValidator(_parse_int)]
Flag = Annotated[bool, BeforeValidator(_parse_bool), WithJsonSchema({"type": "boolean"})]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
ChannelId = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    StringConstraints(pattern=SLUG_PATTERN),
]
Text = Annotated[str, StringConstraints(min_length=1)]

Status = Literal["active", "redirect", "planned", "retired"]
Role = Literal["legacy", "target", "other"]
Regi = Literal["egen", "privat"]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=False,
    )


class Blackout(_Strict):
    """A period in which no enable or redirect step may be scheduled."""

    from_: IsoDate = Field(alias="from")
    """First day of the blackout (YYYY-MM-DD)."""
    to: IsoDate
    """Last day of the blackout, inclusive (YYYY-MM-DD)."""
    reason: str | None = None
    """Why: shown in the plan's explanations, e.g. "Storhelger" or "Flytt till nya lokaler"."""

    @model_validator(mode="after")
    def _ordered(self) -> Blackout:
        if self.from_ > self.to:
            raise ValueError(f"'from' ({self.from_}) is after 'to' ({self.to})")
        return self


class Channel(_Strict):
    """A channel through which e-tjänster reach patients."""

    id: ChannelId
    """Channel id: a slug or all digits, e.g. "1177" or "mvg"."""
    name: str | None = None
    """Display name, e.g. "Min vård Gävleborg"."""
    role: Role
    """`legacy` (1177, being phased out), `target` (MVG) or `other` (any number)."""


class ParallelWeeks(_Strict):
    """How long a service may run in both the legacy and the target channel at one unit."""

    min: WholeNumber = Field(ge=0)
    """Weeks between enable in the target channel and redirect of the legacy one, at least."""
    max: WholeNumber = Field(ge=0)
    """A parallel period longer than this many weeks is warned about."""

    @model_validator(mode="after")
    def _ordered(self) -> ParallelWeeks:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


class Capacity(_Strict):
    """How much change the organisation can take."""

    enables_per_week: WholeNumber = Field(ge=1)
    """Enable steps per ISO week, region-wide."""
    parallel_per_unit: WholeNumber = Field(ge=1)
    """Services in a parallel period at one hälsocentral at the same time."""


class Policy(_Strict):
    """The rules the migration plan must keep."""

    parallel_weeks: ParallelWeeks
    """Minimum and maximum length of a parallel period, in weeks."""
    capacity: Capacity
    """Region-wide and per-unit capacity."""
    briefing_lead_weeks: WholeNumber = Field(default=2, ge=0)
    """Staff are briefed this many weeks before each enable."""
    blackouts: list[Blackout] = []
    """Region-wide periods with no enable or redirect (holidays, summer)."""


class PlanSettings(_Strict):
    """Where the plan starts and how far it may reach."""

    start: IsoDate | None = None
    """First day of planning; default the first Monday strictly after `as_of`."""
    horizon_weeks: WholeNumber = Field(default=260, ge=1)
    """Weeks start … start + horizon − 1 are usable."""


class Region(_Strict):
    """`region.yaml`: the region, its channels, its policy and its calendar."""

    schema_version: Annotated[Literal[1], BeforeValidator(_parse_int)]
    """Catalogue format version; always 1."""
    region: Text
    """Name of the region, e.g. "Region Gävleborg"."""
    as_of: IsoDate | None = None
    """The date the catalogue's state describes; default today."""
    channels: list[Channel]
    """Exactly one `legacy` channel, exactly one `target`, any number of `other`."""
    policy: Policy
    """Capacity, parallel period and blackout rules for the plan."""
    plan: PlanSettings = PlanSettings()
    """Start and horizon of the plan."""

    @model_validator(mode="after")
    def _one_legacy_one_target(self) -> Region:
        for role in ("legacy", "target"):
            count = sum(1 for c in self.channels if c.role == role)
            if count != 1:
                raise ValueError(f"exactly one channel must have role: {role} (found {count})")
        return self

    def channel(self, role: Role) -> Channel:
        return next(c for c in self.channels if c.role == role)

    @property
    def legacy(self) -> str:
        return self.channel("legacy").id

    @property
    def target(self) -> str:
        return self.channel("target").id


class Service(_Strict):
    """One e-tjänst."""

    id: Slug
    """Service id, a slug such as `receptfornyelse`."""
    name: Text
    """Name patients and staff use, e.g. "Förnya recept"."""
    category: str | None = None
    """Free text grouping, e.g. "administrativ"."""
    migrate: Flag = True
    """Whether the channelling decision applies; `false` for national services that stay in 1177."""
    mvg_ready: IsoDate | None = None
    """From this date MVG offers equal or better functionality; null: not yet."""
    depends_on: list[Slug] = []
    """At a unit, enable this only after these services are in MVG."""
    priority: WholeNumber = 100
    """Lower goes first when capacity binds."""


class ServicesFile(_Strict):
    """`services.yaml`: every e-tjänst the region knows."""

    services: list[Service]
    """The e-tjänster."""


class Requirement(_Strict):
    """One service every hälsocentral must offer in one channel."""

    service: Slug
    """The required service's id."""
    channel: ChannelId
    """The channel it must be `active` in."""


class Basutbud(_Strict):
    """`basutbud.yaml`: the required basic service set (Handbok Hälsoval)."""

    source: str | None = None
    """Where the requirement comes from, e.g. "Handbok Hälsoval 2025"."""
    effective: IsoDate | None = None
    """Requirements apply from this date; none is checked before it."""
    required: list[Requirement]
    """The required service/channel pairs."""


def _short_offering(value: Any) -> Any:
    """`"1177": active` is short for `"1177": {status: active}`."""
    return {"status": value} if isinstance(value, str) else value


class Offering(_Strict):
    """How one service is offered in one channel at one unit."""

    status: Status
    """`active`, `redirect` (forwards to the target channel), `planned` or `retired`."""
    since: IsoDate | None = None
    """The date the status took effect."""
    from_: IsoDate | None = Field(default=None, alias="from")
    """For `planned`: when it is expected; information only."""


OfferingEntry = Annotated[Offering, BeforeValidator(_short_offering)]


class Exemption(_Strict):
    """A documented, dated waiver of one basutbud requirement at one unit."""

    service: Slug
    """The waived service."""
    channel: ChannelId
    """The waived channel."""
    until: IsoDate
    """Last day the waiver is valid (valid while until ≥ as_of)."""
    reason: Text
    """Why the unit may deviate."""
    decision: str | None = None
    """The decision behind it, e.g. "HSN 2026-10-01 §123"."""


class Unit(_Strict):
    """`units/<id>.yaml`: one hälsocentral."""

    id: Slug
    """Unit id; must equal the file's name without `.yaml`."""
    name: Text
    """The hälsocentral's name, e.g. "Bollnäs Din hälsocentral"."""
    regi: Regi
    """`egen` (region-run) or `privat` (private provider under LOV)."""
    area: str | None = None
    """Primärvårdsområde; free text."""
    offerings: dict[Slug, dict[ChannelId, OfferingEntry]] = {}
    """Per service id, per channel id: the status (short form) or {status, since, from}."""
    exemptions: list[Exemption] = []
    """Dated waivers of basutbud requirements."""
    blackouts: list[Blackout] = []
    """Unit-specific periods with no enable or redirect."""
