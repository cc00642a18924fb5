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

from planner import __version__
from planner.cli.common import UsageError
from planner.problems import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

# One module per command, each with `register(subparsers)`; imported on start-up, so they
# must stay light (argparse only at module level).
COMMANDS = ("validate", "check", "plan", "diff", "explore", "schema")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help / --version exit 0, usage errors 2
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INPUT
    try:
        code: int = args.handler(args)
        sys.stdout.flush()
        return code
    except InputError as error:
        _report_input_errors(error, getattr(args, "format", None))
        return EXIT_INPUT
    except UsageError as error:
        sys.stderr.write(f"mvgplan {args.command}: {error}\n")
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
