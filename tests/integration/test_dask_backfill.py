"""PTR extraction on a real Dask cluster equals the local run, even when a worker is killed.

A scheduler and a two-process worker (``dask scheduler`` / ``dask worker --nworkers 2``) run as
subprocesses on 127.0.0.1. The input is the real 2025 sample (three text PTRs, the paper PTR
8220731, an annual and a termination report for Schedule B) served over HTTP from 127.0.0.1.
Workers read each PDF from bronze's data files by path; the driver writes, audits and publishes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from catalog.files import shareable_properties
from core.errors import ConfigError, ExecutorError
from jobs.executor import run_each
from lakehouse.app import Lakehouse
from tests.conftest import REPO, build_clerk_mirror, mirror_server, test_settings

pytestmark = [pytest.mark.slow, pytest.mark.integration]

PAPER = "8220731"
TABLES = ("silver.ptr_filings", "silver.ptr_transactions", "silver.extraction_issues", "silver.review_queue",
          "silver.schedule_b_transactions")
#: Wall-clock columns: they say when a row was extracted, not what was extracted.
WHEN = {"extracted_at", "recorded_at", "queued_at"}


def _start(args: list[str], log: Path) -> subprocess.Popen:
    with log.open("wb") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen([sys.executable, "-m", "dask", *args], cwd=REPO, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # its own session: the nannies and their workers
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """(scheduler address, a client to watch it): one scheduler, one worker command with 2 processes."""
    from distributed import Client

    tmp = tmp_path_factory.mktemp("dask")
    info = tmp / "scheduler.json"
    scheduler = _start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                        "--scheduler-file", str(info)], tmp / "scheduler.log")
    workers = None
    try:
        deadline = time.monotonic() + 30
        while not info.exists() or not info.read_text().strip():
            assert scheduler.poll() is None and time.monotonic() < deadline, \
                (tmp / "scheduler.log").read_text()
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        workers = _start(["worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                          "--host", "127.0.0.1", "--local-directory", str(tmp / "work")], tmp / "workers.log")
        with Client(address, timeout=10, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
            yield address, client
    finally:
        if workers is not None:
            _stop(workers)
        _stop(scheduler)


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, house_data) -> Path:
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror") / "clerk", house_data)
    target = root / "public_disc" / "ptr-pdfs" / "2025" / f"{PAPER}.pdf"
    shutil.copyfile(house_data / f"P_{PAPER}_paper_2025.pdf", target)
    return root


def extracted(home: Path, mirror: Path, monkeypatch, executor: str | None) -> dict[str, list[dict]]:
    """Ingest the mirror into a new lakehouse, run silver (on ``executor``), return silver's rows."""
    app = Lakehouse.open(test_settings(home))
    with mirror_server(mirror) as (url, _):
        app.ingest_house([2025], source=url, types=("P", "A", "T"))
    with monkeypatch.context() as m:
        if executor:
            m.setenv("LAKEHOUSE_EXECUTOR", executor)
        else:
            m.delenv("LAKEHOUSE_EXECUTOR", raising=False)
        app.transform("silver")
    out = {}
    for table in TABLES:
        rows = [{k: v for k, v in r.items() if k not in WHEN} for r in app.store.read(table).to_pylist()]
        out[table] = sorted(rows, key=repr)
    return out


@pytest.fixture(scope="module")
def local(tmp_path_factory, mirror) -> dict[str, list[dict]]:
    with pytest.MonkeyPatch.context() as m:
        return extracted(tmp_path_factory.mktemp("local") / "lh", mirror, m, None)


def test_a_cluster_run_equals_the_local_run_row_for_row(cluster, mirror, local, tmp_path, monkeypatch):
    address, client = cluster
    got = extracted(tmp_path / "lh", mirror, monkeypatch, address)
    assert {r["doc_id"] for r in local["silver.ptr_filings"]} >= {"20026590", "20026658", "20027933", PAPER}
    assert local["silver.ptr_transactions"] and local["silver.schedule_b_transactions"]
    assert local["silver.review_queue"], "the paper PTR's written cells wait for a person"
    assert got == local
    ran = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
    assert "extract_star" in ran, "the documents were extracted on the cluster"


def test_a_worker_killed_during_the_run_changes_nothing(cluster, mirror, local, tmp_path, monkeypatch):
    address, client = cluster
    client.wait_for_workers(2, timeout=60)
    pids = client.run(os.getpid)
    killed: list[tuple[str, list]] = []
    stop = threading.Event()

    def kill_a_busy_worker() -> None:
        while not stop.is_set() and not killed:
            for worker, keys in client.processing().items():
                if keys and worker in pids:
                    os.kill(pids[worker], signal.SIGKILL)  # a worker process of our cluster, mid-task
                    killed.append((worker, list(keys)))
                    return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    try:
        got = extracted(tmp_path / "lh", mirror, monkeypatch, address)
    finally:
        stop.set()
        killer.join(10)
    assert killed, "the worker was killed while it held documents"
    assert got == local


def test_an_unreachable_scheduler_says_how_to_fix_it(monkeypatch, unused_port):
    monkeypatch.setattr("jobs.executor.CONNECT_TIMEOUT", 1.0)
    with pytest.raises(ExecutorError, match="Cannot reach the Dask scheduler.*unset LAKEHOUSE_EXECUTOR"):
        run_each(str, [1, 2], address=f"tcp://127.0.0.1:{unused_port}")
    with pytest.raises(ConfigError, match="not a Dask scheduler address: give tcp://HOST:PORT"):
        run_each(str, [1], address="127.0.0.1:8786")


def test_tasks_carry_storage_settings_but_no_secret():
    catalog = {"type": "sql", "uri": "postgresql+psycopg2://lake:PASSWORD@db:5432/lake", "warehouse": "s3://b/w",
               "s3.endpoint": "http://minio:9000", "s3.region": "us-east-1", "s3.access-key-id": "AKIA",
               "s3.secret-access-key": "SECRET", "s3.session-token": "TOKEN", "credential": "id:secret"}
    assert shareable_properties(catalog) == (("s3.endpoint", "http://minio:9000"), ("s3.region", "us-east-1"))


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
