"""`mvgplan check`: basutbud conformance per hälsocentral (docs/ci.md), in five formats.

Runs on every commit of a catalogue, so this module stays light at start-up: the rules and
the renderers are imported inside `run`, and only the chosen format's renderer at that.
"""

from __future__ import annotations

import argparse
import os
import sys

from planner.cli.common import (
    add_as_of_option,
    add_catalog_option,
    add_report_output,
    add_unit_option,
    check_out,
    deliver,
    effective_as_of,
    load,
    selected_units,
)
from planner.i18n import _

FORMATS = ("text", "json", "github", "junit", "sarif")  # planner.conformance.render.FORMATS, kept light here
BINARY_FORMATS = ("xlsx",)
"""Written only to a file (`--out`): an Excel workbook (planner/xlsx.py)."""
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    add_report_output(parser, FORMATS, BINARY_FORMATS)
    add_as_of_option(parser, _("check as of this date (YYYY-MM-DD) instead of the catalogue's as_of (default: today)"))
    add_unit_option(parser, _("check only this hälsocentral (repeat for more)"))
    parser.add_argument(
        "--uniformity",
        action="store_true",
        help=_("also list MVG e-tjänster some hälsocentraler offer and others do not (information only)"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_out(args)
    catalog = load(args)
    units = selected_units(args.unit, catalog)
    from planner.conformance.check import check
    from planner.conformance.render import context, render

    report = check(catalog, effective_as_of(args, catalog), units)
    gaps = None
    if args.uniformity:
        from planner.conformance.uniformity import uniformity

        gaps = uniformity(catalog, units)
    ctx = context(catalog, uniformity=gaps, color=args.format == "text" and _wants_color() and not args.out)
    if args.format == "xlsx":
        from planner.conformance.render.xlsx import render_bytes

        deliver(args.out, render_bytes(report, ctx))
    else:
        deliver(args.out, render(args.format, report, ctx))
    if args.format == "github":
        _append_step_summary(render("markdown", report, ctx))
    return 0 if report.conformant else 1


def _wants_color() -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _append_step_summary(markdown: str) -> None:
    """On GitHub Actions, add the full report to the job's summary page (appending, as the
    file is shared by every step of the job)."""
    path = os.environ.get(STEP_SUMMARY_ENV)
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as summary:
            # Another step's summary may end mid-line; a heading must start a line of its own.
            summary.write(("\n" if summary.tell() else "") + markdown)
    except OSError as exc:
        # The annotations are already out; a summary we cannot write must not hide them.
        sys.stderr.write(
            _("mvgplan check: could not write the job summary to {path}: {reason}").format(
                path=path, reason=exc.strerror
            )
            + "\n"
        )
