"""Backfill throughput on a Dask cluster with 1 and 2 worker processes: how extraction scales out.

The synthetic mirror (:func:`synthetic.build_mirror`, e-filed and paper PTRs in the 2025
mix) is ingested once; then silver's PTR extraction re-extracts every document (``full=True``)
on the local process pool and on a local Dask cluster (``dask scheduler`` + ``dask worker
--nworkers N --nthreads 1`` subprocesses on 127.0.0.1), the driver committing as in production.
On a 2-core machine the driver, the scheduler and the workers share the cores, so the ratio is a
floor of what separate machines give.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import Metric, run_child

REPO = Path(__file__).resolve().parent.parent


def _start(args: list[str], log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], cwd=REPO, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # the session we started: nannies and their workers
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def _on_cluster(base: Path, n_workers: int, run) -> tuple[float, float]:
    """(seconds of ``run()``, seconds the workers spent in tasks) with ``LAKEHOUSE_EXECUTOR`` pointing
    at a fresh cluster of ``n_workers``: task-seconds that grow with the workers mean they competed
    for the cores (slower tasks), not that they waited for work."""
    from distributed import Client, get_task_stream

    info = base / f"scheduler-{n_workers}.json"
    info.unlink(missing_ok=True)
    scheduler = _start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                        "--scheduler-file", str(info)], base / f"scheduler-{n_workers}.log")
    workers = None
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            if scheduler.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dask scheduler did not start; see {base}/scheduler-{n_workers}.log")
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        args = ["worker", address, "--nworkers", str(n_workers), "--nthreads", "1", "--no-dashboard",
                "--host", "127.0.0.1", "--local-directory", str(base / "dask-work")]
        workers = _start(args,
                         base / f"workers-{n_workers}.log")
        with Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(n_workers, timeout=120)
            # Module imports (PDF, OpenCV, OCR) are a one-off per worker, not backfill throughput.
            client.run(lambda: __import__("jobs.silver.ptr_extraction") and None)
            os.environ["LAKEHOUSE_EXECUTOR"] = address
            try:
                with get_task_stream(client) as stream:
                    began = time.perf_counter()
                    run()
                    seconds = time.perf_counter() - began
            finally:
                os.environ.pop("LAKEHOUSE_EXECUTOR", None)
            busy = sum(span["stop"] - span["start"] for task in stream.data for span in task["startstops"]
                       if span["action"] == "compute")
            return seconds, busy
    finally:
        if workers is not None:
            _stop(workers)
        _stop(scheduler)


def _child_backfill(root: str, n_filings: int) -> dict[str, Any]:
    import jobs.silver.ptr_extraction as extraction
    from core.settings import load_settings
    from jobs.silver.ptr_extraction import extract_ptrs
    from lakehouse.app import Lakehouse
    from lakehouse.mirror import serve_directory
    from synthetic import build_mirror

    base = Path(root)
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    manifest = build_mirror(base / "mirror", 2025, n_filings)
    os.environ.pop("LAKEHOUSE_EXECUTOR", None)
    settings = load_settings({"LAKEHOUSE_HOME": str(base / "lakehouse"), "LAKEHOUSE_HTTP_RATE": "100000"})
    app = Lakehouse.open(settings)
    with serve_directory(base / "mirror") as url:
        app.ingest_house([2025], source=url, types=("P",))
    first = extract_ptrs(app.store)  # silver exists before the timed runs, which all replace it alike
    reports: dict[str, Any] = {}
    in_pool: dict[str, float] = {}
    load: dict[str, tuple[float, float]] = {}
    real_pool = extraction._run_pool

    def backfill(label: str):
        def timed_pool(work, workers, progress=None):  # the parallel part; the rest is the driver's
            began = time.perf_counter()
            try:
                return real_pool(work, workers, progress)
            finally:
                in_pool[label] = in_pool.get(label, 0.0) + time.perf_counter() - began

        def run() -> None:
            extraction._run_pool = timed_pool
            before = os.getloadavg()[0]
            try:
                reports[label] = extract_ptrs(app.store, full=True)
            finally:
                extraction._run_pool = real_pool
                load[label] = (round(before, 1), round(os.getloadavg()[0], 1))
        return run

    began = time.perf_counter()
    backfill("local_pool")()
    seconds = {"local_pool": time.perf_counter() - began}
    task_seconds = {}
    for n in (1, 2):
        seconds[f"dask_{n}w"], task_seconds[f"dask_{n}w"] = _on_cluster(base, n, backfill(f"dask_{n}w"))
    ptrs = [f for f in manifest.filings if f.filing_type == "P"]
    return {"docs": first.documents, "rows": first.rows, "ptrs": len(ptrs),
            "paper_ptrs": sum(f.is_paper for f in ptrs),
            "seconds": {k: round(v, 2) for k, v in seconds.items()},
            "documents": {k: r.documents for k, r in reports.items()},
            "rows_by_run": {k: r.rows for k, r in reports.items()},
            "extraction_s": {k: round(v, 2) for k, v in in_pool.items()},
            "load_avg_1m_before_after": load,
            "worker_task_s": {k: round(v, 2) for k, v in task_seconds.items()}}


def backfill(work: Path, n_filings: int) -> list[Metric]:
    res, peak, _ = run_child(_child_backfill, str(work / "backfill"), n_filings, max_rss_mb=8000,
                             timeout_s=1800)
    docs, secs = res["docs"], res["seconds"]
    rate = {k: docs / s for k, s in secs.items()}
    raw = res | {"docs_per_s": {k: round(v, 2) for k, v in rate.items()}, "peak_rss_mb": round(peak),
                 "cpus": os.cpu_count()}
    scope = (f"silver PTR extraction (extract_ptrs(full=True): locate in bronze, extract, commit {docs} "
             f"PTRs, {res['paper_ptrs']} paper/OCR) of synthetic.build_mirror(2025, {n_filings}) "
             "on a local Dask cluster (`dask scheduler` + `dask worker --nworkers N --nthreads 1`, imports "
             "warmed, cluster start not timed); driver, scheduler and workers share this machine's "
             f"{os.cpu_count()} cores")
    one, two = rate["dask_1w"], rate["dask_2w"]
    return [
        Metric("backfill_docs_per_s_1w", round(one, 2), None, "docs/s", higher_is_better=True, raw=raw,
               scope=scope + "; 1 worker process"),
        Metric("backfill_docs_per_s_2w", round(two, 2), None, "docs/s", higher_is_better=True, raw=raw,
               scope=scope + f"; 2 worker processes (local process pool: {rate['local_pool']:.2f} docs/s)"),
        Metric("backfill_scaling_2w_vs_1w", round(two / one, 2), 1.5, "×", higher_is_better=True, raw=raw,
               scope="backfill_docs_per_s_2w / backfill_docs_per_s_1w; " + scope),
    ]
