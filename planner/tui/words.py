"""Every word the explorer shows, in one place, so a Swedish translation is one file away.

Domain words stay Swedish where VO Digital vård says them so: hälsocentral, basutbud,
e-tjänst, egen regi, privat regi. Nothing here is computed; the screens format these.
"""

from __future__ import annotations

from datetime import date

from planner.calendar import iso_week_label, swedish_week_label
from planner.i18n import N_

TITLE = "mvgplan explore"

# Tabs (the digit is the key that opens the tab).
TAB_HOME = "1 Overview"
TAB_PLAN = "2 Plan"
TAB_WARNINGS = "3 Warnings"
TAB_SERVICES = "4 Services"

# Keys: (key, description) rows for the help screen; the footer takes the short forms.
KEY_HELP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("1 … 7", "Overview · Plan · Warnings · Services · Deviations · Follow-up · Progress"),
            ("ctrl+p", "search units and services by name or id"),
            ("w", "what-if: capacity, minimum parallel weeks, start date"),
            ("d", "what the last what-if changed (ctrl+d in the what-if form)"),
            ("r", "reload the catalogue now (it also reloads by itself when a file changes)"),
            ("?", "this help"),
            ("tab / shift+tab", "next / previous field"),
            ("ctrl+q", "quit"),
        ),
    ),
    (
        "Overview (units table)",
        (
            ("/", "filter by name, id or area"),
            ("escape", "from the filter back to the table"),
            ("s / S", "sort by the next column / reverse the order (or click a header)"),
            ("x", "clear every filter"),
            ("enter", "open the hälsocentral"),
        ),
    ),
    (
        "Hälsocentral",
        (
            ("escape", "back"),
            ("tab", "offerings · deviations · warnings and planned steps"),
            ("enter / e", "the whole text of the row: a step's explanation, a warning, a deviation"),
            ("m", "mark the highlighted enable or redirect done (as mvgplan record)"),
        ),
    ),
    (
        "Plan",
        (
            ("g", "timeline per hälsocentral / per e-tjänst"),
            ("v", "the current plan / the last what-if's plan"),
            ("up / down", "move in the timeline; left / right scroll the weeks"),
            ("enter", "open the hälsocentral (or e-tjänst) under the cursor"),
            ("tab", "weeks table; the steps of the highlighted week show beside it"),
        ),
    ),
    (
        "Warnings",
        (
            ("s / S", "sort (severity first) / reverse"),
            ("enter", "open the hälsocentral (on an info row: list its hälsocentraler)"),
        ),
    ),
    ("Deviations", (("enter", "open the hälsocentral with the deviation highlighted"),)),
    (
        "Progress",
        (
            ("enter", "on a step not done: mark it done (shows the change to the unit file first)"),
            ("ctrl+s", "in that dialog: write the change, as mvgplan record does"),
        ),
    ),
    (
        "Follow-up",
        (
            ("u", "take-up per e-tjänst / per hälsocentral"),
            ("enter", "an e-tjänst's months as bars; a hälsocentral or a flag opens it"),
        ),
    ),
    (
        "Services",
        (
            ("enter / space", "in the tree: open a node (its children depend on it)"),
            ("enter", "in the table: the e-tjänst's row in the plan's timeline"),
        ),
    ),
)

# Footer descriptions.
KEY_OVERVIEW = "Overview"
KEY_PLAN = "Plan"
KEY_WARNINGS = "Warnings"
KEY_SERVICES = "Services"
KEY_WHAT_IF = "What-if"
KEY_RELOAD = "Reload"
KEY_HELP_SHORT = "Help"
KEY_QUIT = "Quit"
KEY_SEARCH = "Search"
KEY_FILTER = "Filter"
KEY_SORT = "Sort"
KEY_REVERSE = "Reverse"
KEY_CLEAR = "Clear filters"
KEY_BACK = "Back"
KEY_GROUP = "Per unit/service"
KEY_OPEN = "Open"

# Loading and status.
LOADING = "Loading the catalogue {path} …"
STATUS_LOADING = "Loading {path} …"
STATUS_CHECKING = "Checking basutbud …"
STATUS_PLANNING = "Planning …"
STATUS_RELOADING = "Reloading {path} …"
STATUS_READY = "Watching {path} for changes · r reloads"
STATUS_BROKEN = "{count} error(s) in {path}: showing the last good state · fix the files or press r"
STATUS_NEVER_LOADED = "{count} error(s) in {path}: nothing to show yet · fix the files, it reloads by itself"
NOTIFY_RELOADED = "Catalogue reloaded"
NOTIFY_RECOVERED = "Catalogue valid again"
NOTIFY_FAILED = "{what} failed: {error}"
ERRORS_TITLE = "The catalogue has {count} error(s); the screens show the last good state"
ERRORS_TITLE_NONE = "The catalogue has {count} error(s) and could not be loaded"
PENDING = "…"
NONE = "–"

# Overview figures.
FIG_UNITS = "Hälsocentraler"
FIG_UNITS_VALUE = "{units}  ({egen} egen regi · {privat} privat regi)"
FIG_BASUTBUD = "Basutbud"
FIG_BASUTBUD_VALUE = "{conformant} of {units} conform · {deviations} deviation(s)"
FIG_EXEMPT = "Exemptions"
FIG_EXEMPT_VALUE = "{exempt} valid · {soon} expiring soon"
FIG_PARALLEL = "Parallel now"
FIG_PARALLEL_VALUE = "{running} running · {overdue} overdue · {undated} undated"
FIG_PLAN = "Plan ends"
FIG_PLAN_VALUE = "{end} · lower bound {bound}"
FIG_WHAT_IF = "What-if ends"
FIG_WHAT_IF_VALUE = "{end} · {changes}"
FIG_WARNINGS = "Warnings"
FIG_WARNINGS_VALUE = "{warnings} · {errors} error(s) · {blocked} unschedulable"

OVERVIEW_TITLE = "Overview"
AREAS_TITLE = "Per area (enter filters the units)"
FIG_NOT_IN_FORCE = "not in force before {effective}: nothing checked"
AREA_COLUMNS = ("Area", "Units", "Conform", "Deviations", "Parallel", "Overdue")
NO_AREA = "(no area)"

# Units table.
UNIT_COLUMNS = ("Hälsocentral", "Regi", "Area", "Basutbud", "Warnings", "Next step")
FILTER_PLACEHOLDER = "Filter by name, id or area  ( / )"
REGI_PROMPT = "Regi"
REGI_CHOICES = (("egen", "egen regi"), ("privat", "privat regi"))
AREA_PROMPT = "Area"
STATUS_PROMPT = "Status"
STATUS_CHOICES = (
    ("conformant", "conforms to basutbud"),
    ("deviating", "has deviations"),
    ("exempt", "has exemptions"),
    ("warnings", "has warnings"),
    ("blocked", "has unschedulable steps"),
)
CONFORMS = "✓ conforms"
DEVIATIONS = "✗ {count} deviation(s)"
SHOWN = "{shown} of {total} hälsocentraler"
NO_MATCH = "No hälsocentral matches the filters (x clears them)."

# Unit screen.
UNIT_TITLE = "{name}  ·  {id}  ·  {regi} regi  ·  {area}"
UNIT_FILE = "File: {path}"
UNIT_GONE = "The hälsocentral {id} is no longer in the catalogue."
OFFERINGS_TITLE = "E-tjänster × channels (status, since)"
OFFERING_SERVICE = "E-tjänst"
DEVIATIONS_TITLE = "Deviations and exemptions"
DEVIATION_COLUMNS = ("Kind", "E-tjänst", "Channel", "Line", "Detail")
EXEMPT_KIND = "exempt"
EXEMPT_DETAIL = "until {until}: {reason}"
EXEMPT_SOON = " (expires soon)"
UNUSED_KIND = "unused exemption"
STEPS_TITLE = "Planned steps (why each week)"
STEP_COLUMNS = ("Week", "Date", "Action", "E-tjänst", "Channel", "Why")
NO_STEPS = "No planned steps."
NO_DEVIATIONS = "No deviations."
BASUTBUD_MARK = " (basutbud)"

ACTIONS = {
    "brief_staff": "brief staff",
    "inform_patients": "inform patients",
    "enable": "enable",
    "redirect": "redirect",
}
STATUSES = {"active": "active", "redirect": "redirect", "planned": "planned", "retired": "retired"}

# Plan pane.
PLAN_UNAVAILABLE = "No plan to show: {why}."
LEGEND = "b brief staff   E enable   ━ parallel (both channels)   R redirect   ░ blackout   · nothing"
LEGEND_SERVICE = "digit: enables that week (+ ten or more)   R redirect   ━ parallel   b brief staff   ░ blackout"
GROUP_UNIT = "per hälsocentral"
GROUP_SERVICE = "per e-tjänst"
TIMELINE_TITLE = "Timeline {group}: {start} – {end}"
TIMELINE_YEAR = "Year"
TIMELINE_WEEK = "Week →"
WEEKS_TITLE = "Week by week"
WEEK_COLUMNS = ("Week", "Brief", "Enable", "Redirect", "Blackout")
WEEK_STEP_COLUMNS = ("Action", "Hälsocentral", "E-tjänst", "Why")
NO_STEPS_IN_WEEK = "No steps this week."
WEEK_STEPS_TITLE = "Steps in {week} · {iso}"

# Warnings pane.
WARNING_COLUMNS = ("Severity", "Code", "Hälsocentral", "E-tjänst", "Message")
UNSCHEDULABLE = "unschedulable"
WARNINGS_TITLE = "{warnings} warning(s) · {blocked} unschedulable"
NO_WARNINGS = "No warnings and nothing unschedulable."

# Services pane.
SERVICE_COLUMNS = ("E-tjänst", "MVG ready", "Done", "Parallel", "1177 only", "Blocked")
SERVICE_DETAIL = "{name} ({id}) · {category} · priority {priority} · depends on: {depends}"
SERVICE_TABLE_TITLE = "Hälsocentraler per e-tjänst"
TREE_TITLE = "Dependencies"
TREE_ROOT = "E-tjänster (indented ones depend on their parent)"
NOT_MIGRATED = " · stays in 1177"
NOT_READY = "not yet"

# What-if.
WHAT_IF_TITLE = "What if …"
WHAT_IF_CAPACITY = "Enables per week (region-wide)"
WHAT_IF_MIN = "Minimum parallel weeks"
WHAT_IF_START = "Plan start (YYYY-MM-DD)"
WHAT_IF_RUN = "Recompute"
WHAT_IF_CLOSE = "Close"
WHAT_IF_BUSY = "Recomputing the plan …"
WHAT_IF_RESULT = "Current plan ends {old} · this what-if ends {new} · lower bound {bound}"
WHAT_IF_STEPS = "{steps} steps · {blocked} unschedulable"
WHAT_IF_BAD_NUMBER = "{field}: a whole number of at least {least}"
WHAT_IF_BAD_DATE = "{field}: a date written YYYY-MM-DD"
WHAT_IF_NO_CHANGE = "no change"
OVERRIDE_NAMES = {
    "capacity.enables_per_week": "capacity",
    "parallel_weeks.min": "min parallel",
    "plan.start": "start",
}

# Help.
HELP_TITLE = "Keys"
HELP_CLOSE = "escape or ? closes this help"

# Search.
SEARCH_UNIT = "hälsocentral"
SEARCH_SERVICE = "e-tjänst"
SEARCH_UNIT_HELP = "Open {name} ({id}) · {regi} regi · {area}"
SEARCH_SERVICE_HELP = "Show {name} ({id}) in Services"


# Issue 13: the explorer for a working day. Marked with N_, translated with _() where shown.
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
DEVIATIONS_TAB_COLUMNS = (N_("Hälsocentral"), N_("E-tjänst"), N_("Channel"), N_("Kind"), N_("Reason"))
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
    return NONE if monday is None else swedish_week_label(monday)


def iso_week(monday: date | None) -> str:
    """A week as the plan files write it: `2027-W03`."""
    return NONE if monday is None else iso_week_label(monday)


def overrides(changed: dict[str, str]) -> tuple[str, ...]:
    """The plan's overrides as `capacity 6 → 10`, in a fixed order; `no change` when none."""
    return tuple(f"{OVERRIDE_NAMES.get(key, key)} {changed[key]}" for key in sorted(changed)) or (WHAT_IF_NO_CHANGE,)


def count(value: int | None) -> str:
    """A figure that may not be known yet."""
    return PENDING if value is None else str(value)
