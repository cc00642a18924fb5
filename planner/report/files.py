"""The report's folder: which files of an earlier run a full run removes.

A full run (no `--provider`) writes `index.html` and a page per huvudman in `providers/`.
A huvudman that is gone since an earlier run into the same folder would otherwise keep its
old page there, with its old figures, and be mailed on with the folder. So after writing, a
full run removes every `providers/*.html` it did not write: a file or a link (never what a
link points at), never a folder, never anything outside `providers/`. A run with
`--provider` writes one page and removes nothing.

The folder is the tool's own, and often published: a symbolic link planted in it
(`providers/x.html -> /etc/…`, or `providers -> elsewhere`) would make a run write or remove
outside it. So before writing anything a run asks `links_in_the_way` and refuses when it
names a path (the command line says which and what to do), and `stale_pages` never looks
through a `providers` that is a link. The `--out` folder itself may be a link: the user named it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from planner.report.build import PROVIDERS_DIR


def links_in_the_way(out: str, written: Iterable[str]) -> list[str]:
    """The paths a run that writes `written` (paths relative to `out`) would write through
    although they are symbolic links, a dangling one included: the `providers` folder, then
    each page in writing order. A page inside a linked `providers` is not named again."""
    folder = os.path.join(out, PROVIDERS_DIR)
    folder_is_link = os.path.islink(folder)
    found = [folder] if folder_is_link else []
    prefix = PROVIDERS_DIR + "/"
    for relative in written:
        if folder_is_link and relative.startswith(prefix):
            continue
        path = os.path.join(out, relative)
        if os.path.islink(path):
            found.append(path)
    return found


def stale_pages(out: str, written: Iterable[str]) -> list[str]:
    """The paths of the `providers/*.html` in `out` that are not among `written` (paths
    relative to `out`, as `ReportSet.pages` names them), in name order."""
    folder = os.path.join(out, PROVIDERS_DIR)
    prefix = PROVIDERS_DIR + "/"
    keep = {path[len(prefix) :] for path in written if path.startswith(prefix)}
    if os.path.islink(folder):  # its files are not in the report's folder: never remove them
        return []
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
