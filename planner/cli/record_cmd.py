"""`mvgplan record UNIT SERVICE ACTION`: say that a step was carried out (SPEC §7).

Changes exactly that offering in the unit file, validates the whole catalogue with the
change, replaces the file atomically and prints the change as a unified diff. Exit 0 when
recorded (a resulting broken redirect is recorded with a warning on stderr); 2, changing
nothing, for an unknown unit or service, an impossible date or a change that would not
validate.
"""

from __future__ import annotations

import argparse
import sys

from planner.cli.common import UsageError, add_catalog_option, emit, load, parse_date, today
from planner.i18n import _

ACTIONS = ("enable", "redirect", "retire")


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    parser.add_argument("unit", metavar="UNIT", help=_("the hälsocentral's id (its unit file's name)"))
    parser.add_argument("service", metavar="SERVICE", help=_("the e-tjänst's id"))
    parser.add_argument("action", metavar="ACTION", choices=ACTIONS, help=_("enable, redirect or retire"))
    parser.add_argument(
        "--date", metavar="DATE", type=parse_date, help=_("the day it happened, YYYY-MM-DD (default: today)")
    )
    parser.add_argument("--dry-run", action="store_true", help=_("print the change, write nothing"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.catalog.edit import record
    from planner.problems import InputError

    catalog = load(args)
    result = record(catalog, args.unit, args.service, args.action, args.date or today())
    if result.refusal is not None:
        raise UsageError(result.refusal)
    if result.recorded is None:
        raise InputError(result.problems, _("The change would leave the catalogue invalid; nothing was changed."))
    recorded = result.recorded
    if not recorded.changed:
        sys.stderr.write(_("{file} already says so; nothing to change.").format(file=recorded.shown) + "\n")
        return 0
    if not args.dry_run:
        try:
            recorded.write()
        except OSError as exc:
            raise UsageError(
                _("cannot write {file}: {why}").format(file=recorded.shown, why=exc.strerror or exc)
            ) from None
    emit(recorded.diff())
    for warning in recorded.warnings:
        sys.stderr.write(_("warning: {message}").format(message=warning) + "\n")
    return 0
