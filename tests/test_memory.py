"""Memory of long builds (kg/memory.py): the collector between stages, frozen records."""

from __future__ import annotations

import gc
import multiprocessing
import weakref

from kg.memory import collector_paused, frozen_heap, resume_in_worker, set_aside
from kg.runners import CHUNK, ForkPoolRunner


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    """A reference cycle nothing else refers to (only the cyclic collector frees it)."""
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_memory_collector_runs_only_between_stages_inside_a_frozen_heap() -> None:
    assert gc.isenabled()
    with frozen_heap():
        assert not gc.isenabled()
        garbage = _cycle()
        assert garbage() is not None
        set_aside()  # the end of a stage
        assert garbage() is None
    assert gc.isenabled()


def test_memory_records_just_read_are_set_aside_without_a_collection() -> None:
    with frozen_heap():
        frozen = gc.get_freeze_count()
        garbage = _cycle()  # stands for garbage made before the records were read
        set_aside(collect=False)
        assert garbage() is not None  # not collected: frozen with the records
        assert gc.get_freeze_count() > frozen
    gc.collect()
    assert garbage() is None  # freed once the heap is unfrozen


def test_memory_frozen_heaps_nest_and_restore_the_collector_once() -> None:
    with frozen_heap():
        with frozen_heap(collect=False):
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_memory_a_paused_block_restores_the_state_it_found() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with frozen_heap(), collector_paused():
        pass
    assert gc.isenabled()


def _collector_of_worker(_: int) -> bool:
    resume_in_worker()
    return gc.isenabled()


def test_memory_a_worker_forked_inside_a_frozen_heap_collects_as_usual() -> None:
    with frozen_heap(), multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.map(_collector_of_worker, [0]) == [True]


class _CollectorState:
    """Per-document work that reports, per chunk, whether automatic collection is on."""

    count = 2 * CHUNK  # enough chunks for the pool to fork

    def run_chunk(self, bounds: range) -> bool:
        return gc.isenabled()

    def remote_chunk(self, bounds: range) -> tuple:
        raise NotImplementedError


def test_memory_the_fork_pool_runs_chunks_with_the_collector_on_inside_a_frozen_heap() -> None:
    with frozen_heap():
        assert set(ForkPoolRunner(2).run(_CollectorState())) == {True}
