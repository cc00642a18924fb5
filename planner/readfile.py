"""Read one input file with a bound on its size, whatever the path names.

Every reader of a file a user hands us goes through `read_bounded`: catalogue files, plan
files (`mvgplan diff`, `plan --check`), and any later input (usage files, baselines). It
never hangs and never reads more than the limit, because the size the file system reports
cannot be trusted: a device (`/dev/zero`), a file in /proc or a file still growing says
`st_size` 0, and a named pipe blocks the reader until someone writes to it. So:

1. the path is looked at first (`os.stat`, through links) and anything but a regular file
   (a FIFO, a device, a socket, a folder) is refused before it is opened;
2. it is opened non-blocking (a FIFO swapped in meanwhile cannot hang the open) and the
   open file is checked again (`fstat`): still regular, else refused;
3. at most `limit + 1` bytes are read, so a file past the limit is refused without reading
   the rest of it.

Usage:

    from planner.readfile import MAX_INPUT_BYTES, Unreadable, read_bounded

    try:
        raw = read_bounded(path)                  # bytes, at most MAX_INPUT_BYTES
    except Unreadable as exc:
        problems.append(exc.problem(shown_path))  # a Problem at line 1, column 1
        # or: raise UsageError(f"{path}: {exc.reason}")

`exc.missing` tells a file that does not exist (to say "create it" in the caller's words).
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Final

from planner.i18n import _
from planner.problems import Problem, ProblemCode

MIB: Final = 1024 * 1024
MAX_INPUT_BYTES: Final = 5 * MIB
"""The default bound: a national catalogue's biggest file is a few hundred KiB."""
_CHUNK: Final = 1024 * 1024


class Unreadable(Exception):
    """A file that was not read: `code` and `reason` (without the path) say why."""

    def __init__(self, code: ProblemCode, reason: str, *, missing: bool = False) -> None:
        super().__init__(reason)
        self.code: ProblemCode = code
        self.reason = reason
        self.missing = missing
        """True when there is no file at the path at all."""

    def problem(self, file: str, line: int = 1, column: int = 1) -> Problem:
        """This refusal as a `Problem` row about `file`."""
        return Problem(file, line, column, self.code, self.reason)


def read_bounded(path: str | os.PathLike[str], *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them, or `Unreadable`."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise Unreadable("missing_field", _("no such file"), missing=True) from None
    except OSError as exc:
        raise _os_error(exc) from None
    _must_be_regular(before.st_mode)
    _must_fit(before.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise Unreadable("missing_field", _("no such file"), missing=True) from None
    except OSError as exc:
        raise _os_error(exc) from None
    try:
        opened = os.fstat(fd)
        _must_be_regular(opened.st_mode)  # replaced by a FIFO or a device between stat and open
        _must_fit(opened.st_size, limit)
        return _read_at_most(fd, limit)
    except OSError as exc:
        raise _os_error(exc) from None
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    # st_size said it fits, yet more came: a /proc file, a file still being written.
    raise Unreadable("too_large", _too_large_reason(None, limit))


def _must_be_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        reason = _("this is a folder, not a file")
    elif stat.S_ISFIFO(mode):
        reason = _("this is a named pipe (FIFO), not a regular file: only regular files are read")
    elif stat.S_ISSOCK(mode):
        reason = _("this is a socket, not a regular file: only regular files are read")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        reason = _("this is a device, not a regular file: only regular files are read")
    else:  # pragma: no cover - doors, whiteouts and other exotica
        reason = _("this is not a regular file: only regular files are read")
    raise Unreadable("invalid_value", reason)


def _must_fit(size: int, limit: int) -> None:
    if size > limit:
        raise Unreadable("too_large", _too_large_reason(size, limit))


def _too_large_reason(size: int | None, limit: int) -> str:
    if size is None:
        return _("the file is larger than {limit}, the limit").format(limit=_mib(limit))
    return _("the file is {size}; the limit is {limit}").format(size=_mib(size), limit=_mib(limit))


def _mib(size: int) -> str:
    return f"{size / MIB:.0f} MiB" if size % MIB == 0 else f"{size / MIB:.1f} MiB"


def _os_error(exc: OSError) -> Unreadable:
    if exc.errno == errno.EISDIR:
        return Unreadable("invalid_value", _("this is a folder, not a file"))
    reason = exc.strerror or str(exc)
    return Unreadable("invalid_value", _("cannot read the file: {reason}").format(reason=reason))
