"""Where per-document work runs: a local process pool, or an existing Dask cluster.

Extraction, grid reading and OCR cost from milliseconds (a text PTR) to seconds per page (a paper
scan), so a backfill of ~25,000 PTRs outgrows one machine. :func:`run_each` is the one interface:
it applies a picklable function to each item, one item per task (scans come in runs, so batching
items left workers idle), and returns the results in order. Where it runs is configuration, not
code: ``LAKEHOUSE_EXECUTOR`` unset runs a local 'spawn' process pool; ``tcp://HOST:PORT`` sends the
tasks to that Dask scheduler (docs/scale-out.md). The driver keeps every commit: workers only
compute, so a worker killed mid-task loses nothing but the task, which the scheduler runs again
on another worker.
"""

from __future__ import annotations

import concurrent.futures
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from core.errors import ConfigError, ExecutorError

T = TypeVar("T")
R = TypeVar("R")

#: Seconds to reach the scheduler, and to wait for a first worker, before failing with advice.
CONNECT_TIMEOUT = 10.0
WORKER_TIMEOUT = 30.0
_SCHEMES = ("tcp://", "tls://")


def run_each(fn: Callable[[T], R], items: Sequence[T], *, workers: int | None = None,
             progress: Callable[[int, int], Any] | None = None, address: str | None = None) -> list[R]:
    """``[fn(item) for item in items]``, computed in parallel; ``progress(done, total)`` after each,
    in order.

    Args:
        workers: local processes (default: one per core); a cluster's size is its own.
        address: a Dask scheduler address; default ``LAKEHOUSE_EXECUTOR`` (unset: the local pool).

    Raises:
        ConfigError: the address is not a scheduler address.
        ExecutorError: the scheduler cannot be reached, has no workers, or a task kept killing workers.
    """
    if not items:
        return []
    if address is None:
        from core.settings import load_settings

        address = load_settings().executor
    results = _on_dask(fn, items, address) if address else _on_local_pool(fn, items, workers)
    return list(_reporting(results, len(items), progress))


def _on_local_pool(fn: Callable[[T], R], items: Sequence[T], workers: int | None) -> Iterator[R]:
    workers = max(1, min(workers or os.cpu_count() or 1, len(items)))
    if workers == 1:
        yield from map(fn, items)
        return
    import multiprocessing

    # 'spawn': the parent holds threads (gRPC, pyiceberg pools) that fork would copy mid-state.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from pool.map(fn, items, chunksize=1)


def _on_dask(fn: Callable[[T], R], items: Sequence[T], address: str) -> Iterator[R]:
    """Submit every item to the cluster, then yield results in order.

    The scheduler reruns a task whose worker died on another worker (up to its
    ``distributed.scheduler.allowed-failures``); results are only returned, never committed here.
    """
    if not address.startswith(_SCHEMES):
        raise ConfigError(f"LAKEHOUSE_EXECUTOR={address!r} is not a Dask scheduler address: give "
                          "tcp://HOST:PORT (as printed by `dask scheduler`), or unset it to use a local "
                          "process pool.")
    from distributed import Client
    from distributed.scheduler import KilledWorker

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(
            f"Cannot reach the Dask scheduler at {address} ({exc}). Start it (`dask scheduler --port PORT`) "
            "and check the address and firewall, or unset LAKEHOUSE_EXECUTOR to extract in a local process "
            "pool."
        ) from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError as exc:
            raise ExecutorError(
                f"The Dask scheduler at {address} has no workers after {WORKER_TIMEOUT:.0f} s. Start some: "
                f"`dask worker {address} --nworkers N --nthreads 1` on machines that reach the warehouse."
            ) from exc
        futures = client.map(fn, items, pure=False)
        try:
            for future in futures:
                try:
                    yield future.result()
                except KilledWorker as exc:
                    raise ExecutorError(
                        f"A task died with every worker that ran it ({exc}); nothing of this chunk was "
                        "committed. Give the workers more memory (`dask worker --memory-limit`) or run it "
                        "locally (unset LAKEHOUSE_EXECUTOR) to see the error."
                    ) from exc
        finally:
            client.cancel(futures)


def _reporting(results: Iterable[R], total: int, progress: Callable[[int, int], Any] | None) -> Iterator[R]:
    for done, result in enumerate(results, start=1):
        if progress:
            progress(done, total)
        yield result
