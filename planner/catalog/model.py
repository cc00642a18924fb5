"""The catalogue's files as pydantic models: the schema users edit against.

Every field's docstring becomes its description in the JSON Schema (`mvgplan schema`), so
an editor shows it on hover. Unknown keys are forbidden everywhere: a typo must never be
silently ignored. Values arrive from the YAML reader as text (only `null`, `true` and
`false` are typed there), so numbers and dates are parsed here, strictly.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from planner.calendar import first_monday_after_ordinal
from planner.i18n import _
from planner.limits import MAX_PARALLEL_MIN_WEEKS, MAX_WEEKS, PARALLEL_MIN_REASON, whole_number_problem

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
"""ASCII digits only, and nothing after (`$` would let a trailing line break through)."""
_SHARE_RE = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
"""ASCII digits only, as the JSON Schema's numbers: `float()` would also take `٦`."""
_DATES: dict[str, date] = {}
"""Parsed dates by their text: a national catalogue repeats a few thousand dates 150,000 times."""


class Misplaced(ValueError):
    """A check over several fields whose fault lies in one of them.

    `at` is the path below the model being validated, so the problem points at the value a
    person has to change (the second `role: legacy`) instead of at the whole mapping; with
    `key=True` it points at the key written at the end of that path.
    """

    def __init__(self, message: str, at: tuple[str | int, ...], *, key: bool = False) -> None:
        super().__init__(message)
        self.at = at
        self.key = key


def _parse_date(value: Any) -> Any:
    """Only `YYYY-MM-DD` (quoted or not); pydantic's lax mode would take timestamps too."""
    if value.__class__ is str:
        parsed = _DATES.get(value)
        if parsed is not None:
            return parsed
    if isinstance(value, date):
        return value
    if value is None:
        raise ValueError(_("is empty: write a date YYYY-MM-DD after the ':'"))
    try:
        if not isinstance(value, str) or not _DATE_RE.match(value):
            raise ValueError
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError(date_problem(value)) from None
    if len(_DATES) < 100_000:
        _DATES[value] = parsed
    return parsed


def date_problem(value: Any) -> str:
    """Why `value` is not a date written `YYYY-MM-DD`, in words for the person who wrote it."""
    if not isinstance(value, str) or not _DATE_RE.match(value):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)
        return _("expected a date written YYYY-MM-DD, got {shown}").format(shown=shown)
    return _("{value} is not a date in the calendar{why_not_a_date}").format(
        value=value,
        why_not_a_date=_why_not_a_date(value),
    )


def _why_not_a_date(text: str) -> str:
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    if year == 0:
        return _(" (years start at 0001: there is no year 0000)")
    if not 1 <= month <= 12:
        return _(" (there is no month {month}; dates are written year-month-day)").format(month=month)
    days = calendar.monthrange(max(year, 1), month)[1]
    if day > days or day < 1:
        return _(" ({year}-{month:02d} has {days} days)").format(year=year, month=month, days=days)
    return ""  # pragma: no cover - fromisoformat rejects nothing else of this shape


def _parse_int(value: Any) -> Any:
    """Whole numbers written in decimal; not booleans, not `1e3`, not `8:30`."""
    if value is None:
        raise ValueError(_("is empty: write a whole number after the ':'"))
    if isinstance(value, bool):
        raise ValueError(_("expected a whole number, got {value}").format(value=str(value).lower()))
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        problem = whole_number_problem(value.strip())
        if problem is not None:
            raise ValueError(problem)
        return int(value)
    raise ValueError(_("expected a whole number, got {value!r}").format(value=value))


def _parse_share(value: Any) -> Any:
    """A share between 0 and 1 written in decimal (`0.8`, `1`); not `80%`, not booleans."""
    if value is None:
        raise ValueError("is empty: write a share between 0 and 1 after the ':', e.g. 0.8")
    if isinstance(value, bool):
        raise ValueError(f"expected a share between 0 and 1, got {str(value).lower()}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and _SHARE_RE.match(value.strip()):
        return float(value)
    raise ValueError(f"expected a share between 0 and 1 written like 0.8, got {value!r}")


def _parse_bool(value: Any) -> Any:
    """Only `true` or `false`: YAML 1.1's `yes`, `on` and `y` are not booleans here."""
    if isinstance(value, bool):
        return value
    if value is None:
        raise ValueError(_("is empty: write true or false after the ':'"))
    if isinstance(value, str) and value.lower() in ("true", "false"):
        raise ValueError(_("expected true or false, got the text {value!r}: remove the quotes").format(value=value))
    if isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n"):
        raise ValueError(
            _("expected true or false, got {value!r} (YAML's old yes/no/on/off are not used here)").format(value=value)
        )
    raise ValueError(_("expected true or false, got {value!r}").format(value=value))


def _none_is_empty(value: Any) -> Any:
    """`exemptions:` with every item commented out reads as null: it means "none"."""
    return [] if value is None else value


def _none_is_empty_map(value: Any) -> Any:
    return {} if value is None else value


class _NullMeansNone:
    """In the JSON Schema, the list or mapping may also be left empty (`exemptions:`), as the
    loader accepts: an editor would otherwise underline what `mvgplan validate` passes."""

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {"anyOf": [handler(core), {"type": "null"}]}


_NULL_MEANS_NONE = _NullMeansNone()


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
WholeNumber = Annotated[int, BeforeValidator(_parse_int)]
Share = Annotated[float, BeforeValidator(_parse_share), WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1})]
Flag = Annotated[bool, BeforeValidator(_parse_bool), WithJsonSchema({"type": "boolean"})]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
ChannelId = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    StringConstraints(pattern=SLUG_PATTERN),
    # The before-validator hides the pattern from pydantic's schema, so state it here; an
    # editor reads an unquoted 1177 as a number, which the loader accepts as "1177".
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, {"type": "integer", "minimum": 0}]}),
]
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (C0, DEL, C1) and Unicode's line and paragraph separators: in a name
or a reason they would reach the plan, the check's reports, calendars and terminals raw,
where an escape sequence clears the screen and a line break forges a line."""
_PRINTABLE_PATTERN = "^[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]*$"
"""The same rule for the JSON Schema (ECMAScript's regular expressions)."""


def printable(value: str) -> str:
    """`value` when it holds no control character; else `ValueError` saying which and where."""
    found = _CONTROL.search(value)
    if found is None:
        return value
    char = found.group()
    if char in "\n\r\u2028\u2029\x85":
        raise ValueError(
            _("holds a line break: names and reasons are one line of text; join the lines or shorten the text")
        )
    name = "ESC" if char == "\x1b" else f"U+{ord(char):04X}"
    message = _(
        "holds the control character {name} at character {at}, which a terminal or a report would act on: "
        "delete it (it is invisible in most editors)"
    )
    raise ValueError(message.format(name=name, at=found.start() + 1))


class _PrintableSchema:
    """In the JSON Schema, the text may hold no control character (as `printable` checks)."""

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core)
        schema["pattern"] = _PRINTABLE_PATTERN
        return schema


FreeText = Annotated[str, AfterValidator(printable), _PrintableSchema()]
"""Text a person reads in every output: one line, no control characters."""
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(printable), _PrintableSchema()]
HSA_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
HsaId = Annotated[str, StringConstraints(pattern=HSA_PATTERN)]

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
    reason: FreeText | None = None
    """Why: shown in the plan's explanations, e.g. "Storhelger" or "Flytt till nya lokaler"."""

    @model_validator(mode="after")
    def _ordered(self) -> Blackout:
        if self.from_ > self.to:
            message = _("'from' ({first}) is after 'to' ({last}); swap them or correct the dates").format(
                first=self.from_, last=self.to
            )
            raise Misplaced(message, ("from",))
        return self


class Channel(_Strict):
    """A channel through which e-tjänster reach patients."""

    id: ChannelId
    """Channel id: a slug or all digits, e.g. "1177" or "mvg"."""
    name: FreeText | None = None
    """Display name, e.g. "Min vård Gävleborg"."""
    role: Role
    """`legacy` (1177, being phased out), `target` (MVG) or `other` (any number)."""


BOUND_REASONS: dict[tuple[str, ...], str] = {("parallel_weeks", "min"): PARALLEL_MIN_REASON}
"""Why a bound is where it is, by the end of the value's path: added to the error."""


class ParallelWeeks(_Strict):
    """How long a service may run in both the legacy and the target channel at one unit."""

    min: WholeNumber = Field(ge=0, le=MAX_PARALLEL_MIN_WEEKS)
    """Weeks between enable in the target channel and redirect of the legacy one, at least (at most 104)."""
    max: WholeNumber = Field(ge=0, le=MAX_WEEKS)
    """A parallel period longer than this many weeks is warned about."""

    @model_validator(mode="after")
    def _ordered(self) -> ParallelWeeks:
        if self.min > self.max:
            raise Misplaced(
                _("min ({min}) is larger than max ({max}); min must be ≤ max").format(
                    min=self.min,
                    max=self.max,
                ),
                ("min",),
            )
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
    briefing_lead_weeks: WholeNumber = Field(default=2, ge=0, le=MAX_WEEKS)
    """Staff are briefed this many weeks before each enable."""
    patient_notice_weeks: WholeNumber = Field(default=0, ge=0, le=MAX_WEEKS)
    """Patients are told this many weeks before each redirect (an `inform_patients` step on
    the unit's page and in 1177); 0: no notice step."""
    blackouts: Annotated[list[Blackout], BeforeValidator(_none_is_empty), _NULL_MEANS_NONE] = []
    """Region-wide periods with no enable or redirect (holidays, summer)."""


class PlanSettings(_Strict):
    """Where the plan starts and how far it may reach."""

    start: IsoDate | None = None
    """First day of planning; default the first Monday strictly after `as_of`."""
    horizon_weeks: WholeNumber = Field(default=260, ge=1, le=MAX_WEEKS)
    """Weeks start … start + horizon − 1 are usable."""

    @model_validator(mode="after")
    def _within_the_calendar(self) -> PlanSettings:
        # The weeks of the plan (and the one after: a start mid-week begins the next Monday)
        # must exist: dates end on 9999-12-31.
        latest = self.latest_start()
        if self.start is not None and self.start > latest:
            message = _(
                "the plan's {horizon_weeks} weeks would run past {max}; start on {latest} at the latest"
            ).format(horizon_weeks=self.horizon_weeks, max=date.max, latest=latest)
            raise Misplaced(message, ("start",))
        return self

    def latest_start(self) -> date:
        """The last start whose horizon (and the week after a mid-week start) fits the calendar."""
        return date.fromordinal(date.max.toordinal() - 7 * (self.horizon_weeks + 2))


class FollowUpPolicy(_Strict):
    """How `mvgplan follow-up` judges whether patients moved to the target channel."""

    take_up_target: Share = Field(default=0.8, ge=0, le=1)
    """Share of errands in the target channel (MVG) that counts as moved, 0–1; below it, `low_take_up`."""
    window_months: WholeNumber = Field(default=3, ge=1, le=120)
    """Months judged, ending with the report month (the latest month in the usage data)."""
    min_count: WholeNumber = Field(default=5, ge=0, le=1_000_000)
    """Counts below this are too small to judge, and are never shown in reports."""


class Region(_Strict):
    """`region.yaml`: the region, its channels, its policy and its calendar."""

    schema_version: Annotated[Literal[1], BeforeValidator(_parse_int)]
    """Catalogue format version; always 1."""
    region: Text
    """Name of the region, e.g. "Region Gävleborg"."""
    as_of: IsoDate | None = None
    """The date the catalogue's state describes; default today."""
    language: Literal["sv", "en"] | None = None
    """The language mvgplan speaks for this catalogue: sv (svenska) or en (English). Written as
    one top-level line `language: sv`. `--lang` and $MVGPLAN_LANG override it; without it, the
    locale decides."""
    channels: list[Channel]
    """Exactly one `legacy` channel, exactly one `target`, any number of `other`."""
    policy: Policy
    """Capacity, parallel period and blackout rules for the plan."""
    plan: PlanSettings = PlanSettings()
    """Start and horizon of the plan."""
    follow_up: FollowUpPolicy = FollowUpPolicy()
    """How the usage data in `usage/` is judged (`mvgplan follow-up`); a partial block takes defaults for the rest."""

    @model_validator(mode="after")
    def _one_legacy_one_target(self) -> Region:
        meaning = {"legacy": _("the channel being phased out, 1177"), "target": _("the channel moved to, MVG")}
        for role in ("legacy", "target"):
            which = [i for i, c in enumerate(self.channels) if c.role == role]
            if not which:
                message = _("no channel has role: {role}, but exactly one must ({meaning}): add or set it").format(
                    role=role,
                    meaning=meaning[role],
                )
                raise Misplaced(message, ("channels",), key=True)
            if len(which) > 1:
                names = ", ".join(f"'{self.channels[i].id}'" for i in which)
                message = _(
                    "channels {names} all have role: {role}, but exactly one may ({meaning}): give "
                    "the others another role"
                ).format(names=names, role=role, meaning=meaning[role])
                raise Misplaced(message, ("channels", which[1], "role"))
        return self

    @model_validator(mode="after")
    def _rolling_start_within_the_calendar(self) -> Region:
        # A plan never starts before the first Monday after as_of (the rolling start), with
        # or without plan.start; ordinals, because that Monday may lie past 9999-12-31.
        if self.as_of is not None:
            latest = self.plan.latest_start()
            if first_monday_after_ordinal(self.as_of) > latest.toordinal():
                message = _(
                    "the plan begins the Monday after as_of at the earliest, and its {horizon_weeks} weeks "
                    "would run past {max}: set an earlier as_of (the plan can start on {latest} at the latest)"
                ).format(horizon_weeks=self.plan.horizon_weeks, max=date.max, latest=latest)
                raise Misplaced(message, ("as_of",))
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
    category: FreeText | None = None
    """Free text grouping, e.g. "administrativ"."""
    migrate: Flag = True
    """Whether the channelling decision applies; `false` for national services that stay in 1177."""
    mvg_ready: IsoDate | None = None
    """From this date MVG offers equal or better functionality; null: not yet."""
    depends_on: Annotated[list[Slug], BeforeValidator(_none_is_empty), _NULL_MEANS_NONE] = []
    """At a unit, enable this only after these services are in MVG."""
    priority: WholeNumber = 100
    """Lower goes first when capacity binds."""
    usage_names: Annotated[list[Text], BeforeValidator(_none_is_empty), _NULL_MEANS_NONE] = []
    """Names the usage exports (1177 statistics, Platform24) use for this e-tjänst, matched case-insensitively."""


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

    source: FreeText | None = None
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


class _ShortFormSchema:
    """In the JSON Schema, an offering is the {status, …} mapping or just its status."""

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        full = handler(core)
        short = {
            "type": "string",
            "enum": list(get_args(Status)),
            "description": "Short form: the status only, e.g. `mvg: active`.",
        }
        return {"anyOf": [full, short]}


OfferingEntry = Annotated[Offering, BeforeValidator(_short_offering), _ShortFormSchema()]


def _offerings_schema(schema: dict[str, Any]) -> None:
    """Service ids and channel ids as property names, so an editor flags a bad one.

    Channel keys are text: an editor that reads `1177:` as a number is told it is the
    channel "1177" (quotes optional). An empty `offerings:` (the `null` branch) stays allowed.
    """
    branches = schema.get("anyOf")
    if branches:
        for branch in branches:
            if branch.get("type") == "object":
                _offerings_schema(branch)
        return

    def values(mapping: dict[str, Any]) -> dict[str, Any]:
        patterned: dict[str, Any] = mapping.pop("patternProperties", {})
        found: dict[str, Any] = next(iter(patterned.values()), {}) or mapping.pop("additionalProperties", {})
        return found

    entry = values(values(schema))
    schema["propertyNames"] = {
        "type": "string",
        "pattern": SLUG_PATTERN,
        "description": "A service id from services.yaml.",
    }
    schema["additionalProperties"] = {
        "type": "object",
        "description": "Per channel id: the offering in that channel.",
        "propertyNames": {
            "type": "string",
            "pattern": SLUG_PATTERN,
            "description": 'A channel id from region.yaml, always text: "1177" (quotes optional) or mvg.',
        },
        "additionalProperties": entry,
    }


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
    decision: FreeText | None = None
    """The decision behind it, e.g. "HSN 2026-10-01 §123"."""


class Unit(_Strict):
    """`units/<id>.yaml`: one hälsocentral."""

    id: Slug
    """Unit id; must equal the file's name without `.yaml`."""
    name: Text
    """The hälsocentral's name, e.g. "Bollnäs Din hälsocentral"."""
    regi: Regi
    """`egen` (region-run) or `privat` (private provider under LOV)."""
    area: FreeText | None = None
    """Primärvårdsområde; free text."""
    hsa_id: HsaId | None = None
    """The unit's HSA-id, e.g. `SE2321000198-1234`, as the usage exports name it; unique."""
    provider: Text | None = None
    """The huvudman that runs the unit, e.g. "Praktikertjänst AB"; default: the region's name
    for egen regi, the unit's own name for privat regi."""
    offerings: Annotated[
        dict[Slug, dict[ChannelId, OfferingEntry]], BeforeValidator(_none_is_empty_map), _NULL_MEANS_NONE
    ] = Field(default={}, json_schema_extra=_offerings_schema)
    """Per service id, per channel id: the status (short form) or {status, since, from}."""
    exemptions: Annotated[list[Exemption], BeforeValidator(_none_is_empty), _NULL_MEANS_NONE] = []
    """Dated waivers of basutbud requirements."""
    blackouts: Annotated[list[Blackout], BeforeValidator(_none_is_empty), _NULL_MEANS_NONE] = []
    """Unit-specific periods with no enable or redirect."""

    def provider_name(self, region: str) -> str:
        """The huvudman: `provider`, else the region (`egen` regi) or the unit itself (`privat`)."""
        if self.provider is not None:
            return self.provider
        return region if self.regi == "egen" else self.name
