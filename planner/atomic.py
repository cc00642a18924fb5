"""Write a file so that readers see either the old content or the new, never half of it."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
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
        mode = os.stat(path).st_mode  # through any links, /proc's `/dev/stdout` included
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "wb") as stream:
            stream.write(payload)
        return
    _replace(Path(os.path.realpath(path)), payload)


def _replace(target: Path, payload: bytes) -> None:
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
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
