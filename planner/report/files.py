"""The report's folder: which files of an earlier run a full run removes.

A full run (no `--provider`) writes `index.html` and a page per huvudman in `providers/`.
A huvudman that is gone since an earlier run into the same folder would otherwise keep its
old page there, with its old figures, and be mailed on with the folder. So after writing, a
full run removes every `providers/*.html` it did not write: a file or a link (never what a
link points at), never a folder, never anything outside `providers/`. A run with
`--provider` writes one page and removes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from planner.report.build import PROVIDERS_DIR


def stale_pages(out: str, written: Iterable[str]) -> list[str]:
    """The paths of the `providers/*.html` in `out` that are not among `written` (paths
    relative to `out`, as `ReportSet.pages` names them), in name order."""
    folder = os.path.join(out, PROVIDERS_DIR)
    prefix = PROVIDERS_DIR + "/"
    keep = {path[len(prefix) :] for path in written if path.startswith(prefix)}
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(
        os.path.join(folder, entry.name)
        for entry in entries
        if entry.name.endswith(".html")
        and entry.name not in keep
        and (entry.is_symlink() or entry.is_file(follow_symlinks=False))
    )


def remove_stale_pages(out: str, written: Iterable[str]) -> list[str]:
    """Remove `stale_pages` and return their paths. Raises OSError when one cannot be removed
    (the pages of this run are written by then)."""
    removed = []
    for path in stale_pages(out, written):
        os.unlink(path)
        removed.append(path)
    return removed
