"""Every word the explorer shows, in one place, in the language of the run.

Domain words stay Swedish where VO Digital vård says them so: hälsocentral, basutbud,
e-tjänst, egen regi, privat regi. Nothing here is computed; the screens format these.

The words are marked with `N_` (extracted into planner/locale) and translated when a screen
reads them: `words.TAB_HOME` goes through the module's `__getattr__`, which translates the
marked strings of a constant (inside tuples and dict values too; codes and key names are not
marked and stay as they are). Textual reads its BINDINGS when a class is defined, so the
footer's words are those of the language chosen before `mvgplan explore` imports the app.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from planner.calendar import iso_week_label, swedish_week_label
from planner.i18n import _


class _Word(str):
    """A word marked for translation: extracted as `N_(...)`, translated when read."""


N_ = _Word

TITLE = "mvgplan explore"

# Tabs (the digit is the key that opens the tab).
TAB_HOME = N_("1 Overview")
TAB_PLAN = N_("2 Plan")
TAB_WARNINGS = N_("3 Warnings")
TAB_SERVICES = N_("4 Services")

# Keys: (key, description) rows for the help screen; the footer takes the short forms.
KEY_HELP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        N_("Everywhere"),
        (
            ("1 … 7", N_("Overview · Plan · Warnings · Services · Deviations · Follow-up · Progress")),
            ("ctrl+p", N_("search units and services by name or id")),
            ("w", N_("what-if: capacity, minimum parallel weeks, start date")),
            ("d", N_("what the last what-if changed (ctrl+d in the what-if form)")),
            ("r", N_("reload the catalogue now (it also reloads by itself when a file changes)")),
            ("?", N_("this help")),
            ("tab / shift+tab", N_("next / previous field")),
            ("ctrl+q", N_("quit")),
        ),
    ),
    (
        N_("Overview (units table)"),
        (
            ("/", N_("filter by name, id or area")),
            ("escape", N_("from the filter back to the table")),
            ("s / S", N_("sort by the next column / reverse the order (or click a header)")),
            ("x", N_("clear every filter")),
            ("enter", N_("open the hälsocentral")),
        ),
    ),
    (
        N_("Hälsocentral"),
        (
            ("escape", N_("back")),
            ("tab", N_("offerings · deviations · warnings and planned steps")),
            ("enter / e", N_("the whole text of the row: a step's explanation, a warning, a deviation")),
            ("m", N_("mark the highlighted enable or redirect done (as mvgplan record)")),
        ),
    ),
    (
        N_("Plan"),
        (
            ("g", N_("timeline per hälsocentral / per e-tjänst")),
            ("v", N_("the current plan / the last what-if's plan")),
            ("up / down", N_("move in the timeline; left / right scroll the weeks")),
            ("enter", N_("open the hälsocentral (or e-tjänst) under the cursor")),
            ("tab", N_("weeks table; the steps of the highlighted week show beside it")),
        ),
    ),
    (
        N_("Warnings"),
        (
            ("s / S", N_("sort (severity first) / reverse")),
            ("enter", N_("open the hälsocentral (on an info row: list its hälsocentraler)")),
        ),
    ),
    (N_("Deviations"), (("enter", N_("open the hälsocentral with the deviation highlighted")),)),
    (
        N_("Progress"),
        (
            ("enter", N_("on a step not done: mark it done (shows the change to the unit file first)")),
            ("ctrl+s", N_("in that dialog: write the change, as mvgplan record does")),
        ),
    ),
    (
        N_("Follow-up"),
        (
            ("u", N_("take-up per e-tjänst / per hälsocentral")),
            ("enter", N_("an e-tjänst's months as bars; a hälsocentral or a flag opens it")),
        ),
    ),
    (
        N_("Services"),
        (
            ("enter / space", N_("in the tree: open a node (its children depend on it)")),
            ("enter", N_("in the table: the e-tjänst's row in the plan's timeline")),
        ),
    ),
)

# Footer descriptions.
KEY_OVERVIEW = N_("Overview")
KEY_PLAN = N_("Plan")
KEY_WARNINGS = N_("Warnings")
KEY_SERVICES = N_("Services")
KEY_WHAT_IF = N_("What-if")
KEY_RELOAD = N_("Reload")
KEY_HELP_SHORT = N_("Help")
KEY_QUIT = N_("Quit")
KEY_SEARCH = N_("Search")
KEY_FILTER = N_("Filter")
KEY_SORT = N_("Sort")
KEY_REVERSE = N_("Reverse")
KEY_CLEAR = N_("Clear filters")
KEY_BACK = N_("Back")
KEY_GROUP = N_("Per unit/service")
KEY_OPEN = N_("Open")
KEY_PALETTE = N_("palette")

# Loading and status.
LOADING = N_("Loading the catalogue {path} …")
STATUS_LOADING = N_("Loading {path} …")
STATUS_CHECKING = N_("Checking basutbud …")
STATUS_PLANNING = N_("Planning …")
STATUS_RELOADING = N_("Reloading {path} …")
STATUS_READY = N_("Watching {path} for changes · r reloads")
STATUS_BROKEN = N_("{errors} in {path}: showing the last good state · fix the files or press r")
STATUS_NEVER_LOADED = N_("{errors} in {path}: nothing to show yet · fix the files, it reloads by itself")
NOTIFY_RELOADED = N_("Catalogue reloaded")
NOTIFY_RECOVERED = N_("Catalogue valid again")
NOTIFY_FAILED = N_("{what} failed: {error}")
ERRORS_TITLE = N_("The catalogue has {errors}; the screens show the last good state")
ERRORS_TITLE_NONE = N_("The catalogue has {errors} and could not be loaded")
PENDING = "…"
NONE = "–"

# Overview figures.
FIG_UNITS = N_("Hälsocentraler")
FIG_UNITS_VALUE = N_("{units}  ({egen} egen regi · {privat} privat regi)")
FIG_BASUTBUD = N_("Basutbud")
FIG_BASUTBUD_VALUE = N_("{conformant} of {units} conform · {deviations}")
FIG_EXEMPT = N_("Exemptions")
FIG_EXEMPT_VALUE = N_("{exempt} valid · {soon} expiring soon")
FIG_PARALLEL = N_("Parallel now")
FIG_PARALLEL_VALUE = N_("{running} running · {overdue} overdue · {undated} undated")
FIG_PLAN = N_("Plan ends")
FIG_PLAN_VALUE = N_("{end} · lower bound {bound}")
FIG_WHAT_IF = N_("What-if ends")
FIG_WHAT_IF_VALUE = N_("{end} · {changes}")
FIG_WARNINGS = N_("Warnings")
FIG_WARNINGS_VALUE = N_("{warnings} · {errors} · {blocked} unschedulable")

OVERVIEW_TITLE = N_("Overview")
AREAS_TITLE = N_("Per area (enter filters the units)")
FIG_NOT_IN_FORCE = N_("not in force before {effective}: nothing checked")
AREA_COLUMNS = (N_("Area"), N_("Units"), N_("Conform"), N_("Deviations"), N_("Parallel"), N_("Overdue"))
NO_AREA = N_("(no area)")

# Units table.
UNIT_COLUMNS = (N_("Hälsocentral"), N_("Regi"), N_("Area"), N_("Basutbud"), N_("Warnings"), N_("Next step"))
FILTER_PLACEHOLDER = N_("Filter by name, id or area  ( / )")
REGI_PROMPT = N_("Regi")
REGI_CHOICES = (("egen", N_("egen regi")), ("privat", N_("privat regi")))
AREA_PROMPT = N_("Area")
STATUS_PROMPT = N_("Status")
STATUS_CHOICES = (
    ("conformant", N_("conforms to basutbud")),
    ("deviating", N_("has deviations")),
    ("exempt", N_("has exemptions")),
    ("warnings", N_("has warnings")),
    ("blocked", N_("has unschedulable steps")),
)
CONFORMS = N_("✓ conforms")
DEVIATIONS = N_("✗ {deviations}")
SHOWN = N_("{shown} of {total} hälsocentraler")
NO_MATCH = N_("No hälsocentral matches the filters (x clears them).")

# Unit screen.
UNIT_TITLE = N_("{name}  ·  {id}  ·  {regi} regi  ·  {area}")
UNIT_FILE = N_("File: {path}")
UNIT_GONE = N_("The hälsocentral {id} is no longer in the catalogue.")
OFFERINGS_TITLE = N_("E-tjänster × channels (status, since)")
OFFERING_SERVICE = N_("E-tjänst")
DEVIATIONS_TITLE = N_("Deviations and exemptions")
DEVIATION_COLUMNS = (N_("Kind"), N_("E-tjänst"), N_("Channel"), N_("Line"), N_("Detail"))
EXEMPT_KIND = N_("exempt")
EXEMPT_DETAIL = N_("until {until}: {reason}")
EXEMPT_SOON = N_(" (expires soon)")
UNUSED_KIND = N_("unused exemption")
STEPS_TITLE = N_("Planned steps (why each week)")
STEP_COLUMNS = (N_("Week"), N_("Date"), N_("Action"), N_("E-tjänst"), N_("Channel"), N_("Why"))
NO_STEPS = N_("No planned steps.")
NO_DEVIATIONS = N_("No deviations.")
BASUTBUD_MARK = N_(" (basutbud)")

ACTIONS = {
    "brief_staff": N_("brief staff"),
    "inform_patients": N_("inform patients"),
    "enable": N_("enable"),
    "redirect": N_("redirect"),
}
STATUSES = {"active": N_("active"), "redirect": N_("redirected"), "planned": N_("planned"), "retired": N_("retired")}

# Plan pane.
PLAN_UNAVAILABLE = N_("No plan to show: {why}.")
LEGEND = N_(
    "b brief staff   E enable   ━ parallel (both channels)   i inform patients   R redirect   ░ blackout   · nothing"
)
LEGEND_SERVICE = N_(
    "digit: enables that week (+ ten or more)   R redirect   i inform patients   "
    "━ parallel   b brief staff   ░ blackout"
)
GROUP_UNIT = N_("per hälsocentral")
GROUP_SERVICE = N_("per e-tjänst")
TIMELINE_TITLE = N_("Timeline {group}: {start} – {end}")
TIMELINE_YEAR = N_("Year")
TIMELINE_WEEK = N_("Week →")
WEEKS_TITLE = N_("Week by week")
WEEK_COLUMNS = (N_("Week"), N_("Brief"), N_("Enable"), N_("Redirect"), N_("Blackout"))
WEEK_STEP_COLUMNS = (N_("Action"), N_("Hälsocentral"), N_("E-tjänst"), N_("Why"))
NO_STEPS_IN_WEEK = N_("No steps this week.")
WEEK_STEPS_TITLE = N_("Steps in {week} · {iso}")

# Warnings pane.
WARNING_COLUMNS = (N_("Severity"), N_("Code"), N_("Hälsocentral"), N_("E-tjänst"), N_("Message"))
UNSCHEDULABLE = N_("unschedulable")
NO_WARNINGS = N_("No warnings and nothing unschedulable.")

# Services pane.
SERVICE_COLUMNS = (N_("E-tjänst"), N_("MVG ready"), N_("Done"), N_("Parallel"), N_("1177 only"), N_("Blocked"))
SERVICE_DETAIL = N_("{name} ({id}) · {category} · priority {priority} · depends on: {depends}")
SERVICE_TABLE_TITLE = N_("Hälsocentraler per e-tjänst")
TREE_TITLE = N_("Dependencies")
TREE_ROOT = N_("E-tjänster (indented ones depend on their parent)")
NOT_MIGRATED = N_(" · stays in 1177")
NOT_READY = N_("not yet")

# What-if.
WHAT_IF_TITLE = N_("What if …")
WHAT_IF_CAPACITY = N_("Enables per week (region-wide)")
WHAT_IF_MIN = N_("Minimum parallel weeks")
WHAT_IF_START = N_("Plan start (YYYY-MM-DD)")
WHAT_IF_RUN = N_("Recompute")
WHAT_IF_CLOSE = N_("Close")
WHAT_IF_BUSY = N_("Recomputing the plan …")
WHAT_IF_RESULT = N_("Current plan ends {old} · this what-if ends {new} · lower bound {bound}")
WHAT_IF_STEPS = N_("{steps} steps · {blocked} unschedulable")
WHAT_IF_BAD_NUMBER = N_("{field}: a whole number of at least {least}")
WHAT_IF_BAD_DATE = N_("{field}: a date written YYYY-MM-DD")
WHAT_IF_NO_CHANGE = N_("no change")
OVERRIDE_NAMES = {
    "capacity.enables_per_week": N_("capacity"),
    "parallel_weeks.min": N_("min parallel"),
    "plan.start": N_("start"),
}

# Help.
HELP_TITLE = N_("Keys")
HELP_CLOSE = N_("escape or ? closes this help")

# Search.
SEARCH_UNIT = N_("hälsocentral")
SEARCH_SERVICE = N_("e-tjänst")
SEARCH_UNIT_HELP = N_("Open {name} ({id}) · {regi} regi · {area}")
SEARCH_SERVICE_HELP = N_("Show {name} ({id}) in Services")


# Issue 13: the explorer for a working day.
TAB_DEVIATIONS = N_("5 Deviations")
KEY_DEVIATIONS = N_("Deviations")
TAB_PROGRESS = N_("7 Progress")
KEY_PROGRESS = N_("Progress")
KEY_MARK_DONE = N_("Mark done")
TAB_FOLLOW_UP = N_("6 Follow-up")
KEY_FOLLOW_UP = N_("Follow-up")
KEY_FOLLOW_UP_GROUP = N_("Per e-tjänst/unit")
KEY_CHANGES = N_("What changed")
KEY_PLAN_VARIANT = N_("Current/what-if")
KEY_EXPLAIN = N_("Explain")
KEY_EXPAND = N_("Open/close")
SEVERITIES = {
    "error": N_("error"),
    "warning": N_("warning"),
    "unschedulable": N_("unschedulable"),
    "info": N_("info"),
}
BINDING_MEANINGS = {
    "start": N_("the plan's first week: nothing is planned before it"),
    "dependency": N_("an e-tjänst it depends on is enabled at this hälsocentral the week before"),
    "mvg_ready": N_("MVG offers the e-tjänst only from its mvg_ready date"),
    "capacity": N_("the region-wide limit of enables per week was reached in the weeks before"),
    "unit_parallel_limit": N_("this hälsocentral already runs as many parallel periods as it may"),
    "blackout": N_("a blackout (the region's or this hälsocentral's) forbids enables and redirects"),
    "min_parallel": N_("the redirect waits for the minimum parallel period after the enable"),
    "lead_time": N_("staff are briefed ahead of the enable, and no step lies before the plan's start"),
    "patient_notice": N_("patients are told ahead of the redirect, and no step lies before the plan's start"),
}


def week(monday: date | None) -> str:
    """A week the way Swedes write it, as the plan's text does: `v. 3 (2027)`."""
    return _word("NONE") if monday is None else swedish_week_label(monday)


def iso_week(monday: date | None) -> str:
    """A week as the plan files write it: `2027-W03`."""
    return _word("NONE") if monday is None else iso_week_label(monday)


def overrides(changed: dict[str, str]) -> tuple[str, ...]:
    """The plan's overrides as `capacity 6 → 10`, in a fixed order; `no change` when none."""
    names = _word("OVERRIDE_NAMES")
    return tuple(f"{names.get(key, key)} {changed[key]}" for key in sorted(changed)) or (_word("WHAT_IF_NO_CHANGE"),)


def count(value: int | None) -> str:
    """A figure that may not be known yet."""
    return _word("PENDING") if value is None else str(value)


def _translated(value: Any) -> Any:
    if isinstance(value, _Word):
        return _(value)
    if isinstance(value, tuple):
        return tuple(_translated(item) for item in value)
    if isinstance(value, dict):
        return {key: _translated(item) for key, item in value.items()}
    return value


_RAW: dict[str, Any] = {name: value for name, value in globals().items() if name.isupper() and name[0] != "_"}
for _name in _RAW:
    del globals()[_name]


def _word(name: str) -> Any:
    return _translated(_RAW[name])


def __getattr__(name: str) -> Any:
    """`words.NAME`: the constant in the current language."""
    if name in _RAW:
        return _word(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
