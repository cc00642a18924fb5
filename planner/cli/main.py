"""`mvgplan` entry point: parse the command line, run one command, turn errors into exit codes.

This is the single boundary between the core (where errors are values) and the user: input
problems are printed here, once, to stderr (or as JSON to stdout with `--format json`) and
become exit code 2. Command modules import the heavy parts of the core only when they run,
so `mvgplan check` starts without loading the planner or Textual.
"""

from __future__ import annotations

import argparse
import errno
import io
import json
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from itertools import pairwise
from typing import IO, NoReturn

from planner import __version__
from planner.cli.commands import COMMANDS
from planner.cli.common import UsageError
from planner.cli.language import LANG_ENV, choose
from planner.i18n import LANGUAGES, _, ngettext, use
from planner.problems import InputError
from planner.speed import bulk_work

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141  # as a shell reports SIGINT and SIGPIPE


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
        raise _BadCommandLine(_("{prog}: error: {message}").format(prog=self.prog, message=message))


def _json_requested(argv: Sequence[str]) -> bool:
    return "--format=json" in argv or ("--format", "json") in pairwise(argv)


def _report_usage_error(message: str, wants_json: bool) -> None:
    if wants_json:  # `--format json > file` stays JSON, even when the command line is wrong
        payload = {"ok": False, "errors": [], "usage_error": message}
        _to_stdout(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stderr.write(message + "\n")


def _to_stdout(text: str) -> None:
    """Write the machine-readable copy of an error report. If no one reads stdout any more
    (`--format json | head -0`, `>&-`), the report on stderr and exit code 2 still follow."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError:  # a broken pipe, a closed stdout, a full disk
        _drop_stdout()


def _drop_stdout() -> None:
    """After a broken pipe: send what is left in stdout's buffer to /dev/null, so that the
    flush at exit does not report the same broken pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor: a closed or captured stream
        pass


def build_parser() -> argparse.ArgumentParser:
    """The command line, in the current language (`planner.i18n.use` first)."""
    parser = _Parser(
        prog="mvgplan",
        description=_("Plan and police the move of e-tjänster from 1177 to Min vård Gävleborg."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"mvgplan {__version__}",
        help=_("show program's version number and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command_parser = sub.add_parser(command.name, help=_(command.help), description=_(command.description))
        import_module(command.module).register(command_parser)
        command_parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            help=_("language of the output (default: ${env}, then the catalogue's language:, then the locale)").format(
                env=LANG_ENV
            ),
        )
    return parser


def _report_input_errors(error: InputError, fmt: str | None) -> None:
    if fmt == "json":
        payload = {"ok": False, "errors": [p.as_json() for p in error.problems]}
        _to_stdout(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "github":
        from planner.conformance.render.github import command

        lines = [
            command("error", p.message, file=p.file, line=p.line, col=p.column, title=p.code) for p in error.problems
        ]
        _to_stdout("".join(line + "\n" for line in lines))
    for p in error.problems:
        sys.stderr.write(p.render() + "\n")
    count = len(error.problems)
    if error.summary is not None:
        sys.stderr.write(error.summary + "\n")
        return
    message = ngettext(
        "{count} error in the catalogue; nothing was done.", "{count} errors in the catalogue; nothing was done.", count
    )
    sys.stderr.write(message.format(count=count) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run `mvgplan` with `argv` (default: the process's arguments) and return the exit code."""
    _usable_streams()
    try:
        code = _run(sys.argv[1:] if argv is None else list(argv))
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        sys.stderr.write(_("interrupted") + "\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `mvgplan check | head -1`: the reader went away and the output is cut short. Exit
        # as a shell reports a process ended by SIGPIPE (128 + 13), never 0: with `set -o
        # pipefail` a CI job must not pass a check whose verdict nobody read.
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except _StdoutClosed:
        sys.stderr.write(_("mvgplan: cannot write the output: standard output is closed") + "\n")
        return EXIT_INPUT
    except OSError as exc:  # stdout on a full disk (`> /dev/full`), an I/O error: not "findings"
        _drop_stdout()
        sys.stderr.write(_("mvgplan: cannot write the output: {reason}").format(reason=exc.strerror or exc) + "\n")
        return EXIT_INPUT


def _run(words: list[str]) -> int:
    choice = choose(words)
    use(choice.language)
    if choice.complaint is not None:
        message = _("mvgplan: ${env} must be sv or en, not {value!r}").format(env=LANG_ENV, value=choice.complaint)
        _report_usage_error(message, _json_requested(words))
        return EXIT_INPUT
    parser = build_parser()
    try:
        args = parser.parse_args(words)
    except _BadCommandLine as error:
        _report_usage_error(error.message, _json_requested(words))
        return EXIT_INPUT
    except SystemExit as exc:  # argparse: --help / --version exit 0
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INPUT
    if getattr(args, "lang", None) not in (None, choice.language):  # `--la sv`: argparse's abbreviation
        use(args.lang)
    try:
        # Every command but `explore` is one burst of millions of short-lived objects: the
        # garbage collector is paused here, at the edge, and never inside the core.
        with bulk_work(active=getattr(args, "bulk_work", True)):
            code: int = args.handler(args)
        sys.stdout.flush()
        return code
    except InputError as error:
        _report_input_errors(error, getattr(args, "format", None))
        return EXIT_INPUT
    except UsageError as error:
        _report_usage_error(f"mvgplan {args.command}: {error}", getattr(args, "format", None) == "json")
        return EXIT_INPUT


class _StdoutClosed(OSError):
    """Output was written while the process has no standard output (`mvgplan plan >&-`)."""


class _ClosedStdout(io.TextIOBase):
    """Stands in for a closed standard output, which Python leaves as None: writing to it
    fails with a message instead of an AttributeError deep inside a renderer."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise _StdoutClosed(errno.EBADF, "standard output is closed")


def _usable_streams() -> None:
    """Standard streams the commands can write to whatever the process was given.

    A closed stderr (`2>&-`) becomes /dev/null (diagnostics are lost, exit codes are not); a
    closed stdout fails on the first write, so that `--out FILE >&-` still works. A character
    the terminal's encoding cannot show (a file name that is not UTF-8, `ä` under
    PYTHONIOENCODING=ascii) is written as an escape rather than ending the run in a traceback.
    """
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and isinstance(out.buffer, io.RawIOBase):
        # PYTHONUNBUFFERED=1 (common in CI images) or `python -u`: the text layer writes
        # straight to the file descriptor and ignores a short write, so when the reader goes
        # away mid-output (`mvgplan plan | head -1`) the rest is lost without an error and
        # the exit code is 0, not 141. A buffered writer retries short writes and reports
        # the broken pipe; every command flushes stdout before it returns anyway. The old
        # stream stays as it was (sys.__stdout__, which Textual draws on).
        raw = io.FileIO(out.fileno(), "wb", closefd=False)
        out = sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(raw), encoding=out.encoding, errors=out.errors, line_buffering=out.line_buffering
        )
    if isinstance(out, io.TextIOWrapper) and not _writes_swedish(out.encoding):
        # PYTHONIOENCODING=ascii: an escape like \xe4 would make the json output invalid, so
        # the output is UTF-8, as every format is documented to be.
        out.reconfigure(encoding="utf-8")
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors != "backslashreplace":
            stream.reconfigure(errors="backslashreplace")
    if not isinstance(sys.stderr, _Diagnostics):
        sys.stderr = _Diagnostics(sys.stderr)


def _writes_swedish(encoding: str | None) -> bool:
    try:
        "åäöÅÄÖé".encode(encoding or "ascii")
    except (LookupError, UnicodeEncodeError):
        return False
    return True


class _Diagnostics(io.TextIOBase):
    """stderr that never ends the run: when it cannot be written any more (its reader went
    away, a full disk), the rest of the messages are dropped and the exit code still tells
    what happened (`mvgplan check 2>&1 >/dev/null | true` still exits 1 or 2, not 141)."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self._stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (OSError, ValueError):
            return False

    def write(self, text: str) -> int:
        try:
            self._stream.write(text)
        except (OSError, ValueError):
            self._silence()
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError):
            self._silence()

    def _silence(self) -> None:
        try:  # what the old stream still buffers must not fail again at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
        self._stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
