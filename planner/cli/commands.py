"""Every `mvgplan` command: its name, its one line in `mvgplan --help` and its paragraph in
`mvgplan COMMAND --help`, in one table (messages marked `N_`, translated when the parser is
built). Each command's options and its `run` live in its own module, `planner/cli/<name>_cmd.py`
(the name with `-` as `_`), which `planner.cli.main` imports on start-up: every such module stays
light, argparse only at module level.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import N_


@dataclass(frozen=True)
class Command:
    name: str
    """As typed after `mvgplan`."""
    help: str
    """One line for the list of commands in `mvgplan --help`."""
    description: str
    """The paragraph that opens `mvgplan COMMAND --help`: what it does and its exit codes."""

    @property
    def module(self) -> str:
        """The module with `register(parser)` (its options) and `run(args)`."""
        return "planner.cli." + self.name.replace("-", "_") + "_cmd"


COMMANDS: tuple[Command, ...] = (
    Command(
        "validate",
        N_("check that the catalogue's files are well-formed and consistent"),
        N_("Load and validate the whole catalogue; print every error with file:line:column."),
    ),
    Command(
        "check",
        N_("basutbud conformance per hälsocentral (exit 1 on deviations)"),
        N_(
            "Check every hälsocentral against the basutbud as of the catalogue's as_of: "
            "every required e-tjänst must be active in its channel, and no 1177 redirect may "
            "point at an e-tjänst that is not active in MVG. Exit 0: no deviations; 1: "
            "deviations; 2: input or usage error. Valid exemptions are reported but do not "
            "fail the check."
        ),
    ),
    Command(
        "plan",
        N_("the week-by-week migration plan (brief staff → enable in MVG → redirect in 1177)"),
        N_(
            "Plan, week by week, the steps that move every hälsocentral's e-tjänster from "
            "1177 to MVG, within the catalogue's capacity, dependencies and blackouts. Exit "
            "0 when a plan was made, 1 with --strict and findings or with --check and a "
            "stale file, 2 on input errors."
        ),
    ),
    Command(
        "diff",
        N_("compare two plan files: which steps moved, appeared or vanished"),
        N_(
            "Compare two plans written with `mvgplan plan --format yaml|json`, per "
            "hälsocentral and e-tjänst. Exit 0 when they are the same, 1 when they differ, 2 "
            "when a file cannot be read."
        ),
    ),
    Command(
        "explore",
        N_("browse the catalogue, conformance, plan and warnings in a terminal app"),
        N_(
            "Open the explorer: overview and every hälsocentral, the plan week by week, the "
            "warnings, the service dependency graph, search (ctrl+p) and what-if (w). It "
            "reloads when a catalogue file changes. Press ? for the keys, ctrl+q to quit."
        ),
    ),
    Command(
        "schema",
        N_("print or write the JSON Schema of the catalogue files"),
        N_(
            "Print the JSON Schema of one kind of catalogue file, or with --write DIR write "
            "all four (region, services, basutbud, unit) as <kind>.schema.json."
        ),
    ),
    Command(
        "follow-up",
        N_("did patients move? take-up of the target channel from the usage exports"),
        N_(
            "Read the monthly usage exports in the catalogue's usage/ folder and show, per hälsocentral and "
            "e-tjänst, how many errands came through each channel over the window, the take-up of the target "
            "channel month by month, and flags that say what to do. Exit 0; 1 with --strict when a flag is a "
            "warning; 2 on input errors or when there is no usage data."
        ),
    ),
    Command(
        "report",
        N_("HTML reports: one per huvudman, and an overview for the nämnd"),
        N_(
            "Write DIR/index.html, the overview for hälso- och sjukvårdsnämnden, and "
            "DIR/providers/<slug>.html, one feedback report per huvudman: basutbud conformance, "
            "the plan ahead, warnings and what to do. Each page is one self-contained file. "
            "Exit 0 when written, 2 on input errors."
        ),
    ),
    Command(
        "progress",
        N_("compare the approved baseline plan with what the catalogue says was done"),
        N_(
            "Compare the baseline (a plan written by mvgplan plan --format yaml|json) with the catalogue as of "
            "as_of: every enable and redirect step is done, dropped, overdue, due or upcoming. Exit 0, 1 when a "
            "step is overdue, 2 on input errors."
        ),
    ),
    Command(
        "record",
        N_("record in the unit file that a step was carried out (enable, redirect, retire)"),
        N_(
            "Set one offering of a unit file: enable makes MVG active, redirect makes 1177 forward to MVG, "
            "retire withdraws the 1177 e-tjänst, each since DATE. Only that offering changes; the whole "
            "catalogue is validated first and the change is printed as a diff."
        ),
    ),
)
"""In the order `mvgplan --help` lists them."""
