"""Write a file so that readers see either the old content or the new, never half of it."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    The rename is atomic on POSIX and Windows, so an interrupted run (Ctrl-C, a full disk)
    leaves the previous file as it was: a half-written plan never replaces a good one.

    A symbolic link is followed: the file it points at is replaced, and the link stays. A
    path that names no regular file but a device, pipe or socket (`/dev/null`, `/dev/stdout`,
    a FIFO) is written to as it is: renaming over it would replace the device node itself
    (with root's rights, `/dev/null` would become a plain file).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        found = os.stat(path)  # through any links, /proc's `/dev/stdout` included
    except FileNotFoundError:
        found = None
    mode = found.st_mode if found is not None else None
    if found is not None and (own := _standard_stream(found)) is not None:
        # `--out /dev/stdout >> log`: the process's own output, perhaps a file opened for
        # appending. Replacing that file, or reopening it (which truncates), would lose what
        # the shell put there before: write through the descriptor the process was given.
        _write_through(own, payload)
        return
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "wb") as stream:
            stream.write(payload)
        return
    _replace(Path(os.path.realpath(path)), payload)


def _standard_stream(found: os.stat_result) -> int | None:
    """1 or 2 when `found` is the file the process's stdout or stderr writes to, else None."""
    for fd in (1, 2):
        try:
            own = os.fstat(fd)
        except OSError:
            continue
        if (own.st_dev, own.st_ino) == (found.st_dev, found.st_ino):
            return fd
    return None


def _write_through(fd: int, payload: bytes) -> None:
    for stream in (sys.stdout, sys.stderr):  # what Python still holds goes first
        with contextlib.suppress(Exception):
            stream.flush()
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


STALE_SECONDS = 24 * 60 * 60
"""A temporary file of ours older than this is left over whoever wrote it."""


def _tmp_prefix(target: Path) -> str:
    # A short prefix: `.{name}.…tmp` of a 250-character name would be too long.
    return f".{target.name[:64]}."


def _remove_stale(target: Path) -> None:
    """Delete the temporary files a killed earlier write of `target` left beside it: ours by
    name (`.{name}.{pid}.XXXXXXXX.tmp`), and stale because the process that made it is gone
    or it is a day old. A write in progress (its process alive) keeps its file."""
    prefix = _tmp_prefix(target)
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        match = _OURS.fullmatch(name[len(prefix) :])
        if match is None:
            continue
        path = target.parent / name
        with contextlib.suppress(OSError):
            if not _alive(int(match.group(1))) or time.time() - os.lstat(path).st_mtime > STALE_SECONDS:
                os.unlink(path)


_OURS = re.compile(r"([0-9]{1,10})\.[A-Za-z0-9_]{8}\.tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # a write of this very process (a thread) is in progress
    if os.name != "posix":  # os.kill would end the process on Windows: trust only the age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process: alive
    return True


def _replace(target: Path, payload: bytes) -> None:
    _remove_stale(target)
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_tmp_prefix(target)}{os.getpid()}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            # mkstemp creates the file private (0600); give it the mode the replaced file had,
            # or the mode a plain open() would have given it, so a committed plan stays readable.
            os.chmod(tmp, _mode_for(target))
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        if tmp:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
