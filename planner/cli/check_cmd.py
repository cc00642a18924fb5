"""`mvgplan check`: being built (see the open issue); registered so the command line is complete."""

from __future__ import annotations

import argparse

from planner.cli.common import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help="(not built yet)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    raise UsageError("this command is not built yet")
