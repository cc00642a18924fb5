"""`mvgplan progress`: the approved baseline against what the catalogue says was done (SPEC §7).

Exit codes: 0, or 1 when any tracked step is overdue (so the catalogue repository's CI flags
it); 2 for input errors, a baseline that is missing or is not a plan included.
"""

from __future__ import annotations

import argparse

from planner.cli.common import add_catalog_option, effective_as_of, emit, load, parse_date
from planner.i18n import _

FORMATS = ("text", "json", "markdown", "csv")
DEFAULT_BASELINE = "plans/baseline.yaml"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "progress",
        help=_("compare the approved baseline plan with what the catalogue says was done"),
        description=_(
            "Compare the baseline (a plan written by mvgplan plan --format yaml|json) with the catalogue as of "
            "as_of: every enable and redirect step is done, dropped, overdue, due or upcoming. Exit 0, 1 when a "
            "step is overdue, 2 on input errors."
        ),
    )
    add_catalog_option(parser)
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        default=DEFAULT_BASELINE,
        help=_("the approved plan (default: {path}, relative to the current folder)").format(path=DEFAULT_BASELINE),
    )
    parser.add_argument(
        "--as-of", metavar="DATE", type=parse_date, help=_("the date to report as of (default: the catalogue's)")
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        help=_("output format (default: {default})").format(default="text"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.i18n import ngettext
    from planner.plan.memory import cyclic_gc_paused
    from planner.plan.model import PlanOptions
    from planner.plan.read import read_plan_file
    from planner.plan.scheduler import schedule
    from planner.problems import InputError, Problem
    from planner.progress.compute import progress
    from planner.progress.render import render

    catalog = load(args)
    with cyclic_gc_paused():
        baseline = read_plan_file(args.baseline)
    if baseline.plan is None:
        problems = baseline.problems
        if any(p.message == "no such file" for p in problems):
            hint = _("no such file; approve a plan and write it with: mvgplan plan --format yaml --out {path}")
            problems = [Problem(args.baseline, 1, 1, "invalid_value", hint.format(path=args.baseline))]
        n = len(problems)
        raise InputError(problems, ngettext("{n} error in the baseline.", "{n} errors in the baseline.", n).format(n=n))
    as_of = effective_as_of(args, catalog)
    current = schedule(catalog, PlanOptions(as_of=as_of))
    with cyclic_gc_paused():
        result = progress(baseline.plan, args.baseline, catalog, current, as_of)
        text = render(result, args.format)
    emit(text)
    return 1 if result.overdue else 0
