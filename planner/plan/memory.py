"""Pausing Python's cyclic garbage collector while a big plan is built, rendered or read."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector for the block, and restore it after.

    A national catalogue or plan is millions of live objects; every few thousand allocations
    the collector would walk all of them again, which doubles planning time and triples the
    yaml output's. The planner, its renderers and the plan reader make no reference cycles
    that matter, so reference counting frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
