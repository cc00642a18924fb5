"""What every command shares: finding the catalogue, loading it, and writing results."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.problems import InputError, Problem

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

DEFAULT_CATALOG = "catalog"
CATALOG_ENV = "MVGPLAN_CATALOG"
DEFAULT_BASELINE = "plans/baseline.yaml"
"""The approved plan `progress` and `report` compare with, relative to the current folder."""


class UsageError(Exception):
    """A command line that cannot be carried out (exit 2), e.g. a file that does not exist."""


def add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-c",
        "--catalog",
        metavar="PATH",
        help=_("catalogue folder (default: ${CATALOG_ENV}, then ./{DEFAULT_CATALOG})").format(
            CATALOG_ENV=CATALOG_ENV, DEFAULT_CATALOG=DEFAULT_CATALOG
        ),
    )


def add_format_option(parser: argparse.ArgumentParser, formats: tuple[str, ...], binary: tuple[str, ...] = ()) -> None:
    """`--format`, the first of `formats` by default; a `binary` format (xlsx) is written only
    with `--out` (`add_report_output`, `check_out`)."""
    if binary:
        help = _("output format (default: {default}; xlsx needs --out)").format(default=formats[0])
    else:
        help = _("output format (default: {formats})").format(formats=formats[0])
    parser.add_argument("--format", choices=(*formats, *binary), default=formats[0], help=help)


def add_report_output(parser: argparse.ArgumentParser, formats: tuple[str, ...], binary: tuple[str, ...]) -> None:
    """`--format` and `--out FILE` of a command that writes a report: printed, or written to
    FILE atomically (`deliver`); a `binary` format (xlsx) only to FILE (`check_out`)."""
    add_format_option(parser, formats, binary)
    parser.add_argument(
        "--out",
        metavar="FILE",
        help=_("write the report to FILE atomically instead of printing it; nothing is written on input errors"),
    )
    parser.set_defaults(binary_formats=binary)


def add_as_of_option(parser: argparse._ActionsContainer, help: str) -> None:
    """`--as-of DATE`: the day a command works as of, instead of the catalogue's as_of."""
    parser.add_argument("--as-of", metavar="DATE", type=parse_date, help=help)


def add_unit_option(parser: argparse.ArgumentParser, help: str) -> None:
    """`--unit ID`, repeatable: only these hälsocentraler (`selected_units` checks the ids)."""
    parser.add_argument("--unit", action="append", metavar="ID", help=help)


def check_out(args: argparse.Namespace) -> None:
    """An empty `--out`, or a binary format (xlsx, `add_report_output`) without one, is a usage error."""
    if args.out == "":
        raise UsageError(_("--out: the file name is empty"))
    if args.format in args.binary_formats and not args.out:
        raise UsageError(_("--format {format} writes a file: add --out FILE.{format}").format(format=args.format))


def parse_date(text: str) -> date:
    """argparse type for `--as-of` and `--start`: YYYY-MM-DD only."""
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        # Only on the error path: the catalogue's own words, e.g. "2026-02-30 is not a date in
        # the calendar (2026-02 has 28 days)", without loading the model on every start-up.
        from planner.catalog.model import date_problem

        problem = date_problem(text)
        if problem.startswith("expected"):
            problem = _("expected a date YYYY-MM-DD, got {text!r}").format(text=text)
        else:
            problem = _("expected a date YYYY-MM-DD: {problem}").format(problem=problem)
        raise argparse.ArgumentTypeError(problem) from None


def catalog_path(args: argparse.Namespace) -> str:
    """`--catalog`, else $MVGPLAN_CATALOG (an empty one counts as unset), else ./catalog."""
    path: str | None = getattr(args, "catalog", None)
    if path == "":
        # Not a silent fallback to ./catalog: `-c "$DIR"` with DIR unset is a mistake.
        raise UsageError(_("--catalog: the path is empty"))
    return path or os.environ.get(CATALOG_ENV) or DEFAULT_CATALOG


def load(args: argparse.Namespace) -> Catalog:
    """Load and validate the whole catalogue, or raise `InputError` with every problem."""
    from planner.catalog.loader import load_catalog

    path = catalog_path(args)
    result = load_catalog(path)
    if result.catalog is None:
        fallback = Problem(path, 1, 1, "invalid_value", _("the catalogue could not be loaded"))
        raise InputError(result.problems or [fallback])
    return result.catalog


def today() -> date:
    """The clock, read only here at the edge; the core gets dates as arguments."""
    return date.today()


def effective_as_of(args: argparse.Namespace, catalog: Catalog) -> date:
    override: date | None = getattr(args, "as_of", None)
    return override or catalog.as_of or today()


def write_out(path: str, data: str | bytes) -> None:
    """Write a command's result to `path` (`--out`) atomically: a reader sees the old file or
    the whole new one, never half of it; on an input error the command never gets here."""
    from planner.atomic import write_atomic
    from planner.i18n import _

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UsageError(_("cannot write {path}: {problem}").format(path=path, problem=exc.strerror or exc)) from None


def emit(text: str) -> None:
    """Results go to stdout, ending in exactly one newline."""
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def deliver(out: str | None, report: str | bytes) -> None:
    """A command's report: printed (`emit`), or written to `out` (`--out`) atomically and
    ending in one newline as printed text does. A binary report (xlsx) goes only to `out`:
    `check_out` refused the command line without one."""
    if isinstance(report, bytes):
        assert out, "check_out lets a binary format through only with --out"
        write_out(out, report)
    elif out:
        write_out(out, report if report.endswith("\n") else report + "\n")
    else:
        emit(report)


def selected_units(wanted: list[str] | None, catalog: Catalog) -> list[str] | None:
    """The hälsocentraler `--unit ID` (repeatable) asks for, each once, in the order given;
    None without `--unit`. An id the catalogue lacks is a usage error with a did-you-mean."""
    if not wanted:
        return None
    from planner.catalog.diagnose import did_you_mean

    known = catalog.unit_by_id.keys()
    for unit_id in wanted:
        if unit_id not in known:
            raise UsageError(
                _("--unit: no hälsocentral with id {unit_id!r} in {root}{did_you_mean}").format(
                    unit_id=unit_id, root=catalog.root, did_you_mean=did_you_mean(unit_id, set(known))
                )
            )
    return list(dict.fromkeys(wanted))
