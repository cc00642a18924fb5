"""`mvgplan diff OLD NEW`: what changed between two plan files (json or yaml).

Exit codes, like diff(1): 0 the plans are the same (no step moved, appeared or vanished, no
unschedulable item or warning appeared or vanished, same end week), 1 they differ, 2 a file
is missing or is not a plan.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from planner.cli.common import add_format_option, emit
from planner.i18n import _
from planner.problems import InputError

if TYPE_CHECKING:
    from planner.plan.model import Plan

FORMATS = ("text", "json", "markdown")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help=_("the earlier plan (.yaml, .yml or .json)"))
    parser.add_argument("new", metavar="NEW", help=_("the later plan (.yaml, .yml or .json)"))
    add_format_option(parser, FORMATS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planner.plan.diff import diff_plans
    from planner.plan.render.plan_diff import render

    old, new = read_plans(args.old, args.new)
    diff = diff_plans(old, new)
    text = render(diff, args.old, args.new, args.format)
    emit(text)
    return 0 if diff.identical else 1


def read_plans(*paths: str) -> list[Plan]:
    """The plans in the files `paths`, or `InputError` with every problem of every file."""
    from planner.i18n import ngettext
    from planner.plan.read import read_plan_file

    found = [read_plan_file(path) for path in paths]
    problems = sorted({p for read in found for p in read.problems})  # `diff a a` names each once
    if problems:
        n = len(problems)
        raise InputError(problems, ngettext("{n} error in a plan file.", "{n} errors in plan files.", n).format(n=n))
    return [read.plan for read in found if read.plan is not None]
