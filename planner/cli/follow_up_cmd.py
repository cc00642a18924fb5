"""`mvgplan follow-up`: did patients move? Take-up and flags from the usage data (SPEC §8).

Light at start-up like every command module: the follow-up core and the renderers are
imported inside `run`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from planner.cli.common import (
    UsageError,
    add_catalog_option,
    add_report_output,
    add_unit_option,
    check_out,
    deliver,
    load,
)
from planner.i18n import _
from planner.problems import InputError, Problem

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

FORMATS = ("text", "json", "csv", "markdown")  # planner.followup.render.FORMATS, kept light here
BINARY_FORMATS = ("xlsx",)
"""Written only to a file (`--out`): an Excel workbook (planner/xlsx.py)."""


def _month(text: str) -> str:
    from planner.usage.months import parse_month

    month = parse_month(text)
    if month is None:
        raise argparse.ArgumentTypeError(_("expected a month YYYY-MM, got {value!r}").format(value=text))
    return month


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    add_report_output(parser, FORMATS, BINARY_FORMATS)
    add_unit_option(parser, _("show only this hälsocentral (repeat for more)"))
    parser.add_argument(
        "--provider",
        action="append",
        metavar="NAME",
        help=_("show only the hälsocentraler this huvudman runs (repeat for more)"),
    )
    parser.add_argument(
        "--month", type=_month, metavar="YYYY-MM", help=_("report month (default: the latest month in the usage data)")
    )
    parser.add_argument("--strict", action="store_true", help=_("exit 1 when any flag shown is a warning"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_out(args)
    catalog = load(args)
    usage = catalog.usage
    if usage.empty:
        from planner.catalog.loader import display_path
        from planner.usage.reader import USAGE_DIR

        message = _(
            "no usage data: put the monthly exports (.csv or .xlsx with the columns month, unit, service, channel, "
            "count) in this folder; see docs/follow-up.md"
        )
        raise InputError([Problem(display_path(catalog.root, USAGE_DIR), 1, 1, "missing_field", message)])
    _check_selection(args, catalog)
    from planner.followup.compute import FollowUpOptions, follow_up
    from planner.followup.render import render

    options = FollowUpOptions(month=args.month, units=args.unit, providers=args.provider)
    result = follow_up(catalog, usage, options)
    if args.format == "xlsx":
        from planner.followup.render.xlsx import render_bytes

        deliver(args.out, render_bytes(result))
    else:
        deliver(args.out, render(args.format, result))
    return 1 if args.strict and result.warnings else 0


def _check_selection(args: argparse.Namespace, catalog: Catalog) -> None:
    from planner.catalog.diagnose import did_you_mean

    for unit_id in args.unit or ():
        if unit_id not in catalog.unit_by_id:
            hint = did_you_mean(unit_id, set(catalog.unit_by_id))
            raise UsageError(
                _("--unit: no hälsocentral with id {unit!r} in {catalog}{hint}").format(
                    unit=unit_id, catalog=catalog.root, hint=hint
                )
            )
    providers = {u.provider_name(catalog.region.region) for u in catalog.units}
    for name in args.provider or ():
        if name not in providers:
            hint = did_you_mean(name, providers)
            raise UsageError(
                _(
                    "--provider: no hälsocentral is run by {name!r}{hint}; "
                    "the huvudmän are set by provider: in the unit files"
                ).format(name=name, hint=hint)
            )
