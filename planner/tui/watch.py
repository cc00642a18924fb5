"""Notice edits to a catalogue folder by polling, without a file-watching dependency.

A signature is every catalogue file's name, size and modification time; two signatures
differ when a file was edited, added, removed or renamed. On a national catalogue (1,200
unit files) taking one costs a few milliseconds, so the explorer polls about once a second.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

Signature = tuple[tuple[str, int, int], ...]

_TOP_FILES = ("region.yaml", "services.yaml", "basutbud.yaml")


def _entry(path: str, name: str) -> tuple[str, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (name, stat.st_mtime_ns, stat.st_size)


def signature(root: str | os.PathLike[str]) -> Signature:
    """What the loader would read under `root`, as (relative name, mtime_ns, size) rows."""
    base = Path(root)
    rows = [e for name in _TOP_FILES if (e := _entry(str(base / name), name)) is not None]
    units = _folder(base, "units", lambda name: not name.startswith(".") and name.endswith((".yaml", ".yml")))
    rows += units if units is not None else [("units/", -1, -1)]
    # The usage exports (SPEC §8) are part of the catalogue too; no usage folder: nothing to follow up.
    rows += _folder(base, "usage", lambda name: not name.startswith((".", "~$"))) or []
    return tuple(sorted(rows))


def _folder(base: Path, folder: str, wanted: Callable[[str], bool]) -> list[tuple[str, int, int]] | None:
    """The wanted files of one folder, as signature rows; None when the folder cannot be read."""
    rows = []
    try:
        with os.scandir(base / folder) as entries:
            for entry in entries:
                if not wanted(entry.name):
                    continue
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                rows.append((f"{folder}/{entry.name}", stat.st_mtime_ns, stat.st_size))
    except OSError:
        return None
    return rows
