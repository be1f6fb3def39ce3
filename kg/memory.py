"""Memory of long builds: keeping the corpus out of the cyclic garbage collector, giving freed
pages back to the system.

A large corpus is millions of records that make no reference cycles and live until the build
ends. Python's cyclic collector would walk all of them at every full collection: on 10k
articles, 34 full collections took 15 s of a 276 s build (``gc.callbacks``), and they grow with
the corpus. :func:`frozen_heap` moves the records out of its sight (``gc.freeze``); they are
still freed as soon as nothing refers to them. Inside it the collector runs only between stages
(:func:`set_aside`): the stages that run in this process (resolution, claims, the store, the
exports) make millions of objects that form no cycles, and the collections they triggered took
another 14 s of a 10k-article build.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections.abc import Iterator

_depth = 0  # frozen_heap blocks open
_was_enabled = True  # the collector's state when the outermost block began


@contextlib.contextmanager
def frozen_heap(*, collect: bool = True) -> Iterator[None]:
    """Keep the objects alive now, and those :func:`set_aside` later, out of the cyclic collector
    until the block ends, and collect only at :func:`set_aside` meanwhile.

    Frozen objects are freed as usual when nothing refers to them; only cyclic garbage waits
    for the next :func:`set_aside` (the end of a stage) or the end of the block. ``collect`` first
    collects what is garbage already. Blocks nest; the heap is unfrozen and the collector
    restored when the outermost one ends. Processes forked inside call :func:`resume_in_worker`.
    """
    global _depth, _was_enabled
    if collect:
        gc.collect()
    gc.freeze()
    if _depth == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            gc.unfreeze()
            if _was_enabled:
                gc.enable()


def resume_in_worker() -> None:
    """In a worker process forked inside a :func:`frozen_heap` block, turn automatic collection
    back on: the worker's own garbage is collected as usual, the inherited records stay frozen."""
    if _depth and _was_enabled and not gc.isenabled():
        gc.enable()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while a block makes many records that form no cycles.

    Unpickling records is such a block: the collections their numbers trigger would walk them
    over and over (reading 100,000 claim-index items took three times as long with the collector on).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def set_aside(*, collect: bool = True) -> None:
    """Inside a :func:`frozen_heap` block, collect the garbage made since the last freeze and
    freeze what is alive (a pipeline stage's output); outside one, do nothing.

    ``collect=False`` freezes without collecting, for records just read that hold no garbage:
    one collection over the 3 million objects of a 50,000-article state took a second.
    """
    if _depth:
        if collect:
            gc.collect()
        gc.freeze()


def release_memory() -> None:
    """Collect garbage and hand freed heap pages back to the system (glibc ``malloc_trim``).

    After the claims stage frees its working set, the process would otherwise keep those pages,
    and the peak memory of the exports that follow would stack on top of them.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)
