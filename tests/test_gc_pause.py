"""careercli.common.gc_pause: the collector is switched back on as it was found, on an
error too; `keep` moves what the block built out of the collector's generations."""

from __future__ import annotations

import gc

import pytest

from careercli.common.gc_pause import gc_paused


def test_the_collector_is_restored_as_found_even_on_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), gc_paused(keep=True):
        assert not gc.isenabled()
        _ = 1 / 0
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()


def test_keep_takes_the_results_out_of_the_collectors_generations() -> None:
    """With keep, what the block built is no longer walked by the collector (the first
    allocation after the block would otherwise pay for walking all of it)."""
    gc.collect()
    with gc_paused():
        plain = [[i] for i in range(20_000)]  # lists: always tracked (a dict of ints is not)
    tracked = {id(o) for o in gc.get_objects()}
    assert all(id(d) in tracked for d in plain)
    with gc_paused(keep=True):
        kept = [[i] for i in range(20_000)]
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(d) in tracked for d in kept)
    assert gc.get_freeze_count() >= len(kept)
    del plain, kept, tracked
