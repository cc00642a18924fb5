"""`mvgplan` entry point: parse the command line, run one command, turn errors into exit codes.

This is the single boundary between the core (where errors are values) and the user: input
problems are printed here, once, to stderr (or as JSON to stdout with `--format json`) and
become exit code 2. Command modules import the heavy parts of the core only when they run,
so `mvgplan check` starts without loading the planner or Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import import_module
from itertools import pairwise
from typing import NoReturn

from planner import __version__
from planner.cli.common import UsageError
from planner.problems import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

# One module per command, each with `register(subparsers)`; imported on start-up, so they
# must stay light (argparse only at module level).
COMMANDS = ("validate", "check", "plan", "diff", "explore", "schema")


class _BadCommandLine(SystemExit):
    """argparse's complaint about the command line: still the SystemExit(2) argparse raises
    (for any caller of `build_parser`), but carrying the message for `main` to report."""

    def __init__(self, message: str) -> None:
        super().__init__(EXIT_INPUT)
        self.message = message


class _Parser(argparse.ArgumentParser):
    """argparse, except that a usage error comes back to `main` (which also answers in JSON
    when `--format json` was asked for) instead of ending the process."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise _BadCommandLine(f"{self.prog}: error: {message}")


def _json_requested(argv: Sequence[str]) -> bool:
    return "--format=json" in argv or ("--format", "json") in pairwise(argv)


def _report_usage_error(message: str, wants_json: bool) -> None:
    if wants_json:  # `--format json > file` stays JSON, even when the command line is wrong
        payload = {"ok": False, "errors": [], "usage_error": message}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stderr.write(message + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mvgplan",
        description="Plan and police the move of e-tjänster from 1177 to Min vård Gävleborg.",
    )
    parser.add_argument("--version", action="version", version=f"mvgplan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        import_module(f"planner.cli.{name}_cmd").register(sub)
    return parser


def _report_input_errors(error: InputError, fmt: str | None) -> None:
    if fmt == "json":
        payload = {"ok": False, "errors": [p.as_json() for p in error.problems]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "github":
        from planner.conformance.render.github import command

        for p in error.problems:
            line = command("error", p.message, file=p.file, line=p.line, col=p.column, title=p.code)
            sys.stdout.write(line + "\n")
    for p in error.problems:
        sys.stderr.write(p.render() + "\n")
    count = len(error.problems)
    sys.stderr.write(f"{count} error{'s' if count != 1 else ''} in the catalogue; nothing was done.\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run `mvgplan` with `argv` (default: the process's arguments) and return the exit code."""
    parser = build_parser()
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        args = parser.parse_args(words)
    except _BadCommandLine as error:
        _report_usage_error(error.message, _json_requested(words))
        return EXIT_INPUT
    except SystemExit as exc:  # argparse: --help / --version exit 0
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INPUT
    try:
        code: int = args.handler(args)
        sys.stdout.flush()
        return code
    except InputError as error:
        _report_input_errors(error, getattr(args, "format", None))
        return EXIT_INPUT
    except UsageError as error:
        _report_usage_error(f"mvgplan {args.command}: {error}", getattr(args, "format", None) == "json")
        return EXIT_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except BrokenPipeError:  # `mvgplan plan | head`: the reader went away; not an error
        sys.stderr.close()
        return EXIT_OK


def entry_point() -> None:
    """The `mvgplan` console script."""
    sys.exit(main())
