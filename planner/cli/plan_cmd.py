"""`mvgplan plan`: the migration plan, printed, written atomically, or checked against a file.

Exit codes: 0 a plan was made (warnings and unschedulable items included); 1 with `--strict`
when there are error-level warnings or unschedulable items, or with `--check` when the file
is stale; 2 for input and usage errors (a bad catalogue, a missing `--check` file, a json or
yaml `--check` file that is not a plan at all).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import stat
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import (
    UsageError,
    add_as_of_option,
    add_catalog_option,
    add_unit_option,
    catalog_path,
    effective_as_of,
    emit,
    load,
    parse_date,
    selected_units,
)
from planner.i18n import _, ngettext
from planner.limits import MAX_PARALLEL_MIN_WEEKS, PARALLEL_MIN_REASON
from planner.plan.formats import EXTENSIONS, FORMATS
from planner.problems import InputError

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.plan.model import Plan

BINARY_FORMATS = {"xlsx": ".xlsx"}
"""Formats written only to a file (`--out`), never to stdout: an Excel workbook (planner/xlsx.py)."""
SHOWN_CHANGES = 10
"""How many changed steps (or lines) `--check` prints before it says "and N more"."""


def _whole_number(least: int, most: int | None = None, why: str = "") -> Callable[[str], int]:
    """argparse type: a whole number in least…most, refused as the catalogue refuses one."""

    def whole_number(text: str) -> int:
        from planner.i18n import _
        from planner.limits import parse_whole_number

        try:
            return parse_whole_number(text, least, most)
        except ValueError as exc:
            if why and most is not None and exc.args[0].startswith("must be at most"):
                raise argparse.ArgumentTypeError(f"{exc}: {_(why)}") from None
            raise argparse.ArgumentTypeError(str(exc)) from None

    return whole_number


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    parser.add_argument(
        "--format",
        choices=(*FORMATS, *BINARY_FORMATS),
        default=None,
        help=_("output format (default: from the extension of --out/--check FILE, else text; xlsx needs --out)"),
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--out", metavar="FILE", help=_("write the plan to FILE atomically instead of printing it"))
    out.add_argument(
        "--check",
        metavar="FILE",
        help=_("exit 1 if FILE is not exactly what the catalogue produces now (format from its extension)"),
    )
    add_unit_option(
        parser,
        _(
            "show only this hälsocentral's steps, warnings and unschedulable items (repeat for more); "
            "the plan is still made for the whole region"
        ),
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=_("exit 1 when there are warnings of severity error or unschedulable items"),
    )
    what_if = parser.add_argument_group(_("what-if overrides (the catalogue is not changed)"))
    what_if.add_argument(
        "--capacity", metavar="N", type=_whole_number(1), help=_("enable steps per ISO week, region-wide")
    )
    what_if.add_argument(
        "--parallel-min",
        metavar="N",
        type=_whole_number(0, MAX_PARALLEL_MIN_WEEKS, PARALLEL_MIN_REASON),
        help=_("minimum weeks between enable and redirect (at most {most}, as in the catalogue)").format(
            most=MAX_PARALLEL_MIN_WEEKS
        ),
    )
    what_if.add_argument("--start", metavar="DATE", type=parse_date, help=_("first day of planning (YYYY-MM-DD)"))
    add_as_of_option(what_if, _("the date the plan is made as of (default: the catalogue's)"))
    parser.set_defaults(handler=run)


def output_format(args: argparse.Namespace) -> str:
    """`--format` if given, else what `--check`/`--out` FILE's extension says, else text."""
    explicit: str | None = args.format
    file: str | None = args.check or args.out
    suffix = Path(file).suffix.lower() if file else ""
    inferred = EXTENSIONS.get(suffix) or next((f for f, ext in BINARY_FORMATS.items() if ext == suffix), None)
    if args.check and "xlsx" in (explicit, inferred):
        raise UsageError(_("--check compares text formats; check a json or yaml plan file instead of xlsx"))
    if args.check:
        if explicit and inferred and explicit != inferred:
            raise UsageError(
                _(
                    "--check {check} holds {inferred} (from its extension) but --format is {explicit}; drop --format"
                ).format(check=args.check, inferred=inferred, explicit=explicit)
            )
        if not (explicit or inferred):
            known = ", ".join(sorted(EXTENSIONS))
            raise UsageError(
                _("cannot tell the format of {check} from its extension ({known}); add --format").format(
                    check=args.check, known=known
                )
            )
    return explicit or inferred or FORMATS[0]


def run(args: argparse.Namespace) -> int:
    from planner.plan.model import PlanOptions, only_units
    from planner.plan.render import render
    from planner.plan.scheduler import schedule

    for option, value in (("--out", args.out), ("--check", args.check)):
        if value == "":
            raise UsageError(_("{option}: the file name is empty").format(option=option))
    fmt = output_format(args)
    if fmt in BINARY_FORMATS and not args.out:
        raise UsageError(
            _("--format {format} writes a file: add --out FILE{extension}").format(
                format=fmt, extension=BINARY_FORMATS[fmt]
            )
        )
    catalog = load(args)
    units = selected_units(args.unit, catalog)
    if args.check:
        _require_plan_file(args, fmt, catalog)
    as_of = effective_as_of(args, catalog)
    _within_the_calendar(args, catalog, as_of)
    options = PlanOptions(
        as_of=as_of,
        start=args.start,
        enables_per_week=args.capacity,
        parallel_min=args.parallel_min,
    )
    plan = schedule(catalog, options)
    if units is not None:
        plan = only_units(plan, units)
    if fmt == "xlsx":
        from planner.plan.render.xlsx import render_bytes

        _write(args.out, render_bytes(plan, catalog), fmt, plan)
        return _strict(args, plan)
    text = render(plan, catalog, fmt)
    code = 0
    if args.check:
        code = _check(args, text, fmt, plan, catalog)
    elif args.out:
        _write(args.out, text, fmt, plan)
    else:
        emit(text)
    return max(code, _strict(args, plan))


def _require_plan_file(args: argparse.Namespace, fmt: str, catalog: Catalog) -> None:
    path: str = args.check
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise UsageError(
            _("{path}: no such file; write it first with: {command}").format(
                path=path, command=_command(args, fmt, catalog)
            )
        ) from None
    except OSError as exc:  # a name too long, a folder on the way that is a file, …
        raise UsageError(_("cannot read {path}: {value}").format(path=path, value=exc.strerror or exc)) from None
    if stat.S_ISDIR(mode):
        raise UsageError(_("{path} is a folder, not a plan file; pass the file that --out wrote").format(path=path))
    if not stat.S_ISREG(mode):  # a FIFO would block the read, a device never end it
        from planner.plan.read import read_plan_bytes

        _raw, problems = read_plan_bytes(path)  # refuses it unopened, with the reason
        raise InputError(problems, _plan_file_errors(len(problems)))


def _plan_file_errors(n: int) -> str:
    """The closing line under a plan file's problems (as `mvgplan diff` says it)."""
    from planner.i18n import ngettext

    return ngettext("{n} error in a plan file.", "{n} errors in plan files.", n).format(n=n)


def _within_the_calendar(args: argparse.Namespace, catalog: Catalog, as_of: date) -> None:
    """Refuse overrides that take the plan past the calendar (dates end on 9999-12-31).

    The catalogue's own settings are kept within it by validation (weeks at most 5200, a
    `plan.start` or an `as_of` whose horizon fits), and `--parallel-min` by its type (at most
    104, like `parallel_weeks.min`); here remain `--start` and `--as-of`.
    """
    from planner.calendar import first_monday_after_ordinal

    settings = catalog.region.plan
    horizon = settings.horizon_weeks
    latest = settings.latest_start()
    start = args.start or settings.start
    # The rolling start: the plan begins the first Monday after as_of at the earliest.
    if first_monday_after_ordinal(as_of) > latest.toordinal():
        since = _("the first Monday after {as_of}").format(as_of=as_of.isoformat())
    elif start is None or start <= latest:
        return
    else:
        since = start.isoformat()
    reach = _(
        "the plan's {horizon} weeks (plan.horizon_weeks) from {since} would run past "
        "{max}, the last day there is; the plan can start on {latest} at the latest"
    ).format(horizon=horizon, since=since, max=date.max.isoformat(), latest=latest.isoformat())
    if args.start is not None and since == args.start.isoformat():
        raise UsageError(_("--start {start}: {reach}").format(start=args.start.isoformat(), reach=reach))
    # The catalogue's own as_of is kept within the calendar by validation: this is --as-of.
    raise UsageError(
        _("--as-of {as_of}: {reach}; pass an earlier --as-of").format(as_of=as_of.isoformat(), reach=reach)
    )


def _write(path: str, text: str | bytes, fmt: str, plan: Plan) -> None:
    from planner.calendar import swedish_week_label
    from planner.cli.common import write_out

    write_out(path, text)
    values = {"format": fmt, "path": path, "n": len(plan.steps)}
    if plan.end_week:
        message = ngettext(
            "mvgplan plan: wrote the {format} plan to {path} ({n} step, ends {week})",
            "mvgplan plan: wrote the {format} plan to {path} ({n} steps, ends {week})",
            len(plan.steps),
        ).format(week=swedish_week_label(plan.end_week), **values)
    else:
        message = ngettext(
            "mvgplan plan: wrote the {format} plan to {path} ({n} step)",
            "mvgplan plan: wrote the {format} plan to {path} ({n} steps)",
            len(plan.steps),
        ).format(**values)
    sys.stderr.write(message + "\n")


def _strict(args: argparse.Namespace, plan: Plan) -> int:
    from planner.plan.render.view import counts

    c = counts(plan)
    if not (args.strict and c.findings):
        return 0
    errors = ngettext("{n} warning of severity error", "{n} warnings of severity error", c.errors)
    unschedulable = ngettext("{n} unschedulable item", "{n} unschedulable items", c.unschedulable)
    sys.stderr.write(
        _("mvgplan plan: --strict: {errors} and {unschedulable}").format(
            errors=errors.format(n=c.errors), unschedulable=unschedulable.format(n=c.unschedulable)
        )
        + "\n"
    )
    return 1


def _command(args: argparse.Namespace, fmt: str, catalog: Catalog) -> str:
    """The command line that writes the file `--check` compares with, overrides included."""
    words = ["mvgplan", "plan", "-c", catalog_path(args), "--format", fmt]
    for option, value in (
        ("--capacity", args.capacity),
        ("--parallel-min", args.parallel_min),
        ("--start", args.start),
        ("--as-of", args.as_of),
    ):
        if value is not None:
            words += [option, str(value)]
    for unit in args.unit or ():
        words += ["--unit", unit]
    return shlex.join([*words, "--out", args.check])


def _check(args: argparse.Namespace, expected: str, fmt: str, plan: Plan, catalog: Catalog) -> int:
    path: str = args.check
    from planner.plan.read import read_plan_bytes

    actual, problems = read_plan_bytes(path)
    if actual is None:
        raise InputError(problems, _plan_file_errors(len(problems)))
    if actual == expected.encode("utf-8"):
        sys.stderr.write(_("mvgplan plan: {path} is up to date").format(path=path) + "\n")
        return 0
    committed: Plan | None = None
    if fmt in ("json", "yaml"):
        # A json or yaml file that is not a plan at all is not a stale plan but a wrong
        # file: an input error (exit 2) at its line and column, as `mvgplan diff` says of it.
        from planner.plan.read import plan_from_bytes

        found = plan_from_bytes(actual, path)
        if found.plan is None:
            hint = _("{path} cannot be read as a plan; write it with: {command}").format(
                path=path, command=_command(args, fmt, catalog)
            )
            raise InputError(found.problems, hint)
        committed = found.plan
    lines = [
        _("mvgplan plan: {path} is stale: it is not the {fmt} plan that {catalog_path} produces now.").format(
            path=path, fmt=fmt, catalog_path=catalog_path(args)
        ),
        *_differences(committed, actual, expected, plan),
        _("Regenerate it with: {command}").format(command=_command(args, fmt, catalog)),
    ]
    sys.stderr.write("\n".join(lines) + "\n")
    return 1


def _differences(committed: Plan | None, actual: bytes, expected: str, plan: Plan) -> list[str]:
    """A short account of what differs: changed steps for a data plan, changed lines otherwise."""
    if committed is not None:
        from planner.plan.diff import diff_plans
        from planner.plan.render.plan_diff import step_line, summary_line

        diff = diff_plans(committed, plan)
        shown = [f"  {step_line(c)}" for c in diff.steps[:SHOWN_CHANGES]]
        more = len(diff.steps) - len(shown)
        if diff.identical:
            head = _("Its steps are the same; other values differ (catalogue digest, as_of, messages or layout).")
        else:
            head = _("Committed → now: {summary_line}").format(summary_line=summary_line(diff))
        return [
            head,
            *shown,
            *([_("  … and {more} more (mvgplan diff shows all)").format(more=more)] if more > 0 else []),
        ]
    return _line_diff(actual, expected)


def _line_diff(actual: bytes, expected: str) -> list[str]:
    import difflib

    old = actual.decode("utf-8", errors="replace").splitlines()
    new = expected.splitlines()
    changed = [
        line
        for line in difflib.unified_diff(old, new, "committed", "now", n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    shown = [f"  {_printable(line)}" for line in changed[:SHOWN_CHANGES]]
    more = len(changed) - len(shown)
    return [
        ngettext("{n} line differs:", "{n} lines differ:", len(changed)).format(n=len(changed)),
        *shown,
        *([_("  … and {more} more").format(more=more)] if more > 0 else []),
    ]


SHOWN_LINE_CHARS = 200
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def _printable(line: str) -> str:
    """A changed line as one short, harmless line of stderr: control characters (a binary file
    or terminal escapes in the committed file) as escapes, and cut after SHOWN_LINE_CHARS."""
    line = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), line)
    return line if len(line) <= SHOWN_LINE_CHARS else line[:SHOWN_LINE_CHARS] + f"… ({len(line)} characters)"
