"""`mvgplan progress`: the approved baseline against what the catalogue says was done (SPEC §7).

Exit codes: 0, or 1 when any tracked step is overdue (so the catalogue repository's CI flags
it); 2 for input errors, a baseline that is missing or is not a plan included.
"""

from __future__ import annotations

import argparse

from planner.cli.common import (
    DEFAULT_BASELINE,
    add_as_of_option,
    add_catalog_option,
    add_report_output,
    check_out,
    deliver,
    effective_as_of,
    load,
)
from planner.i18n import _

FORMATS = ("text", "json", "markdown", "csv")
BINARY_FORMATS = ("xlsx",)
"""Written only to a file (`--out`): an Excel workbook (planner/xlsx.py)."""


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        default=DEFAULT_BASELINE,
        help=_("the approved plan (default: {path}, relative to the current folder)").format(path=DEFAULT_BASELINE),
    )
    add_as_of_option(parser, _("the date to report as of (default: the catalogue's)"))
    add_report_output(parser, FORMATS, BINARY_FORMATS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.i18n import ngettext
    from planner.problems import InputError
    from planner.progress.compute import progress_against
    from planner.progress.render import render

    check_out(args)
    catalog = load(args)
    found = progress_against(catalog, args.baseline, effective_as_of(args, catalog))
    if found.progress is None:
        n = len(found.problems)
        summary = ngettext("{n} error in the baseline.", "{n} errors in the baseline.", n).format(n=n)
        raise InputError(found.problems, summary)
    if args.format == "xlsx":
        from planner.progress.render.xlsx_out import render_bytes

        deliver(args.out, render_bytes(found.progress))
    else:
        deliver(args.out, render(found.progress, args.format))
    return 1 if found.progress.overdue else 0
