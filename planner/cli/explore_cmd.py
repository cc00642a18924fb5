"""`mvgplan explore`: the terminal explorer over the catalogue and its plan.

Textual is imported only inside `run`: every other command (`mvgplan check` runs on each
catalogue commit) starts without paying for it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import UsageError, add_as_of_option, add_catalog_option, catalog_path, today
from planner.i18n import _


def register(parser: argparse.ArgumentParser) -> None:
    add_catalog_option(parser)
    add_as_of_option(parser, _("show the state as of DATE (YYYY-MM-DD; default: the catalogue's as_of, else today)"))
    # A session of hours makes cycles (widgets, events) that must be collected; the app
    # pauses the collector only in its loading thread (planner/speed.py).
    parser.set_defaults(handler=run, bulk_work=False)


def run(args: argparse.Namespace) -> int:
    path = catalog_path(args)
    try:
        is_folder = Path(path).is_dir()
    except OSError:  # e.g. a name too long: no folder either
        is_folder = False
    if not is_folder:
        raise UsageError(
            _("no catalogue folder at {path}; pass --catalog PATH or set MVGPLAN_CATALOG").format(path=path)
        )
    # Deferred: Textual and the app take a noticeable fraction of a second to import.
    from planner.tui.app import run as run_app

    run_app(path, as_of=args.as_of, today=today())
    return 0
