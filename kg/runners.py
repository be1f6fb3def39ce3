"""Where the per-document stages run: in this process, in a fork pool, or on a Dask cluster.

The pipeline cuts the corpus into chunks of consecutive documents and hands a runner a
:class:`ChunkedWork`; every runner runs the same chunk function and returns the chunks' results
in document order, so the output never depends on the runner:

- :class:`InProcessRunner` runs all documents as one chunk in this process.
- :class:`ForkPoolRunner` forks ``jobs`` worker processes, which share the corpus without
  copying it; only the chunk bounds and the results cross process boundaries.
- :class:`DaskRunner` submits each chunk, with only its own documents and their records, to a
  ``dask.distributed`` cluster and gathers the results in order. The workers need kg installed
  (the same version) but not the input files: the documents travel with the chunks.
"""

from __future__ import annotations

import math
import multiprocessing
import pickle
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from kg.errors import Errors, PipelineError
from kg.memory import resume_in_worker

if TYPE_CHECKING:
    from distributed import Client

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
Report = Callable[[int, int], None]  # report(chunks done, chunks in all)

CHUNK = 64  # documents per chunk: small enough to balance the load, large enough to amortise a task


class ChunkedWork(Protocol[R_co]):
    """One stage over a corpus, cut into chunks of documents (implemented in ``kg.pipeline``)."""

    @property
    def count(self) -> int:
        """Number of documents."""
        ...

    def run_chunk(self, bounds: range) -> R_co:
        """Process documents ``bounds`` here and now."""
        ...

    def remote_chunk(self, bounds: range) -> tuple[Callable[..., R_co], tuple[Any, ...]]:
        """A picklable call that processes documents ``bounds`` on another machine."""
        ...


class Runner(Protocol):
    """Runs every chunk of some work and returns the results in document order."""

    def run(self, work: ChunkedWork[R], *, report: Report | None = None) -> list[R]:
        """The results of all chunks of ``work``, first document first."""
        ...


def chunk_bounds(count: int, size: int) -> list[range]:
    """``range(0, count)`` cut into consecutive ranges of at most ``size`` documents."""
    return [range(start, min(start + size, count)) for start in range(0, count, max(size, 1))]


class InProcessRunner:
    """All documents as one chunk, in this process."""

    def run(self, work: ChunkedWork[R], *, report: Report | None = None) -> list[R]:
        """The result of the single chunk holding every document."""
        result = work.run_chunk(range(work.count))
        if report:
            report(1, 1)
        return [result]


class ForkPoolRunner:
    """Chunks of ``CHUNK`` documents in ``jobs`` forked worker processes.

    A corpus smaller than two chunks runs in this process: forking would cost more than it saves.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def run(self, work: ChunkedWork[R], *, report: Report | None = None) -> list[R]:
        """The results of every chunk, computed by the pool, in document order."""
        global _FORKED_WORK
        if work.count < 2 * CHUNK:
            return InProcessRunner().run(work, report=report)
        chunks = chunk_bounds(work.count, CHUNK)
        _FORKED_WORK = work  # inherited by the children at fork time, never pickled
        try:
            with multiprocessing.get_context("fork").Pool(self.jobs) as pool:
                results = []
                for result in pool.imap(_run_forked_chunk, chunks):
                    results.append(result)
                    if report:
                        report(len(results), len(chunks))
        finally:
            _FORKED_WORK = None
        return results


_FORKED_WORK: ChunkedWork[Any] | None = None


def _run_forked_chunk(bounds: range) -> Any:
    """Pool worker: process ``bounds`` of the work shared at fork time."""
    if _FORKED_WORK is None:
        raise PipelineError(Errors.E026)
    resume_in_worker()
    return _FORKED_WORK.run_chunk(bounds)


class DaskRunner:
    """Chunks submitted to a ``dask.distributed`` cluster through ``client``.

    Chunks are sized so that every worker thread gets about four (at most ``CHUNK`` documents
    each), and at most two per thread are in flight, which bounds the memory the pending chunks
    take on both sides.
    """

    def __init__(self, client: Client) -> None:
        self.client = client

    def run(self, work: ChunkedWork[R], *, report: Report | None = None) -> list[R]:
        """The results of every chunk, computed on the cluster, in document order."""
        threads = max(sum(self.client.nthreads().values()), 1)
        chunks = chunk_bounds(work.count, min(CHUNK, math.ceil(work.count / (4 * threads))))
        pending: deque = deque()
        results: list[R] = []
        try:
            for bounds in chunks:
                call = pickle.dumps(work.remote_chunk(bounds), protocol=pickle.HIGHEST_PROTOCOL)
                pending.append(self.client.submit(run_pickled, call, pure=False))
                if len(pending) >= 2 * threads:
                    results.append(pickle.loads(pending.popleft().result()))
                    _report(report, len(results), len(chunks))
            while pending:
                results.append(pickle.loads(pending.popleft().result()))
                _report(report, len(results), len(chunks))
        finally:
            if pending:
                self.client.cancel(list(pending))
        return results


def _report(report: Report | None, done: int, total: int) -> None:
    if report:
        report(done, total)


_WORKER_LOCK = threading.Lock()


def run_pickled(call: bytes) -> bytes:
    """Dask task: unpickle ``(function, args)``, run it holding this process's lock, pickle the result.

    The chunk travels as one pickle because Dask pickles each item of a list separately, which
    would copy the corpus-wide records every document's slice shares (claims, resolution notes)
    once per document instead of once per chunk. A worker may run several tasks in threads of one
    process; the stages are pure Python (threads would not make them faster) and share a loaded
    NER model, so they take turns.
    """
    function, args = pickle.loads(call)
    with _WORKER_LOCK:
        result = function(*args)
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def connect(address: str) -> Client:
    """A client of the Dask scheduler at ``address`` (e.g. ``tcp://10.0.0.5:8786``).

    The connection wait is Dask's ``distributed.comm.timeouts.connect`` setting.

    Raises:
        PipelineError: when dask.distributed is not installed or the scheduler cannot be reached.
    """
    try:
        from distributed import Client
        from distributed.comm import get_address_host_port, normalize_address
    except ImportError as error:
        raise PipelineError(Errors.E014) from error
    try:
        # A malformed address fails here: Client would leave a half-made object behind that
        # blocks the interpreter's exit for a minute.
        if not normalize_address(address).startswith("inproc://"):
            get_address_host_port(normalize_address(address))
        return Client(address, set_as_default=False)
    except (OSError, ValueError) as error:
        raise PipelineError(Errors.E015.format(address=address, error=error)) from error


@contextmanager
def open_runner(*, jobs: int = 1, dask: str | Client | None = None) -> Iterator[Runner]:
    """The runner for ``jobs`` or ``dask``; a client it connected itself is closed at the end.

    Args:
        jobs: worker processes on this machine (1 = in this process); ignored with ``dask``.
        dask: a scheduler address or a connected ``distributed.Client``.

    Raises:
        PipelineError: when ``dask`` is an address that cannot be used (see :func:`connect`).
    """
    if dask is None:
        yield ForkPoolRunner(jobs) if jobs > 1 else InProcessRunner()
        return
    if not isinstance(dask, str):
        yield DaskRunner(dask)
        return
    client = connect(dask)
    try:
        yield DaskRunner(client)
    finally:
        client.close()
