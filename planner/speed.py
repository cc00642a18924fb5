"""The front ends' one switch for process-wide speed settings (the cyclic garbage collector).

Front ends only (the CLI, the explorer, the benchmark scripts): the core (`load_catalog`,
`schedule`, the renderers) never touches process state, so a caller that embeds it keeps its
own collector settings. A test proves it (tests/test_speed.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class BulkWork:
    """What a front end may do inside `bulk_work()` besides pausing the collector."""

    def __init__(self, active: bool) -> None:
        self._active = active

    def set_aside(self) -> None:
        """Everything alive now lives for long (the explorer's model until the next reload):
        the collector skips it from now on (`gc.freeze`), also after the block ends. Reference
        counting still frees it when it is dropped."""
        if self._active:
            gc.freeze()


@contextmanager
def bulk_work(*, active: bool = True, replacing: bool = False) -> Iterator[BulkWork]:
    """Pause the cyclic garbage collector for the block, and restore it after.

    Loading a national catalogue, planning it and rendering or reading a plan make millions
    of small dicts, lists and tuples, none of them in a reference cycle; the collector would
    walk them all again every few thousand allocations, which more than doubles a national
    load and triples the yaml output. Reference counting frees them all the same.

    `replacing`: what was set aside before (`BulkWork.set_aside`) may be dropped now, so the
    collector looks at it again (`gc.unfreeze`). `active=False` makes everything a no-op (the
    explorer's tests run without the tuning).
    """
    if not active:
        yield BulkWork(False)
        return
    if replacing:
        gc.unfreeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield BulkWork(True)
    finally:
        if enabled:
            gc.enable()
