"""The cyclic garbage collector held off while careercli builds many small objects.

A quiz over an O*NET pack unpickles a catalog of about 100,000 objects (80,000 Tool
records), scores a thousand occupations and builds 4 MB of JSON. None of it is cyclic
garbage, yet with the collector on, every few hundred allocations it walks the young
objects, and a young list of 80,000 tools is walked item by item: about a fifth of the
run (benchmarks/onet_quiz.py). Reference counting still frees everything.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused(keep: bool = False) -> Iterator[None]:
    """The collector off inside the block, switched back on as it was found.

    `keep`: the objects alive at the end are moved out of the collector's generations
    (keep_for_good) before it is switched back on. Without that, the first allocation after
    the block pays the collection the block put off, walking every young object it built
    (a scoring of 1,000 roles: about 100,000, 4-5 ms of its ~48). Only for blocks that
    build acyclic results in a short-lived process: a cycle alive at that moment is then
    never collected (reference counting still frees everything else)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            keep_for_good()
        if enabled:
            gc.enable()


def keep_for_good() -> None:
    """Every object alive now is moved out of the collector's generations (gc.freeze): a
    catalog just loaded lives until the process ends and holds no cycles, so the collector
    need never walk it again. Frozen objects are still freed by reference counting."""
    gc.freeze()
