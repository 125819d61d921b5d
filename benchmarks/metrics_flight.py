"""Flight metrics: named-query latency (1 and 16 clients) and the 10M-row DoGet stream vs local DuckDB.

The server is ``lakehouse serve`` in its own process; every client is a separate process started
with *spawn* (gRPC clients must not be forked), through our own client
(:class:`flight_server.client.LakehouseClient`, one DoGet per call).
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import Metric, median, percentile, run_child

logger = logging.getLogger(__name__)


class Server:
    """``lakehouse serve`` on a free loopback port, for the duration of a ``with`` block."""

    def __init__(self, home: Path, env: dict[str, str] | None = None) -> None:
        self.home, self.env = home, env or {}
        self.proc: subprocess.Popen | None = None
        self.location = ""

    def __enter__(self) -> Server:
        env = {**os.environ, **self.env, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        self.proc = subprocess.Popen([sys.executable, "-m", "lakehouse", "--home", str(self.home), "serve",
                                      "--port", "0"], env=env, stderr=subprocess.PIPE, text=True)
        line = self.proc.stderr.readline()
        match = re.search(r"(grpc://\S+)", line)
        if not match:
            self.proc.kill()
            raise RuntimeError(f"the Flight server did not start: {line}{self.proc.stderr.read()[-2000:]}")
        self.location = match.group(1)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def query_mix(home: Path) -> list[dict[str, Any]]:
    """Named queries an app would send, with parameters taken from the data being served."""
    from benchmarks.synth import open_lakehouse

    app = open_lakehouse(home)
    top = app.query("select bioguide_id, count(*) n from gold.fact_transactions where bioguide_id is not null "
                    "group by 1 order by n desc limit 3").column(0).to_pylist()
    tickers = app.query("select ticker, count(*) n from gold.fact_transactions where ticker is not null "
                        "group by 1 order by n desc limit 3").column(0).to_pylist()
    docs = app.query("select doc_id from gold.fact_filings where filing_type = 'P' order by doc_id desc limit 3"
                     ).column(0).to_pylist()
    last = app.query("select max(filing_date) from gold.fact_filings").column(0).to_pylist()[0]
    mix = []
    for i in range(3):
        mix += [
            {"query": "member_trades", "params": {"ticker": tickers[i], "limit": 100}},
            {"query": "member_trades", "params": {"bioguide_id": top[i], "limit": 100}},
            {"query": "trending_stocks", "params": {"window": (7, 30, 90)[i]}},
            {"query": "top_traders", "params": {"days": 365, "as_of_date": last.isoformat(),
                                                "metric": ("trades", "volume", "late_rate")[i]}},
            {"query": "search", "params": {"q": ("filer0000", tickers[i].lower(), "corp")[i]}},
            {"query": "filing", "params": {"doc_id": docs[i]}},
            {"query": "summary"},
        ]
    return mix


def _client(location: str, mix: list[dict[str, Any]], queries: int, offset: int, warmup: int,
            ready: Any, go: Any, out: Any) -> None:
    from flight_server.client import LakehouseClient

    client = LakehouseClient(location)
    for i in range(warmup):  # connect and warm the server's caches before timing
        q = mix[(offset + i) % len(mix)]
        client.query(q["query"], q.get("params"))
    ready.put(1)
    go.wait()
    latencies = []
    for i in range(queries):
        q = mix[(offset + i) % len(mix)]
        began = time.perf_counter()
        client.query(q["query"], q.get("params"))
        latencies.append(time.perf_counter() - began)
    out.put(latencies)
    client.close()


def run_clients(location: str, mix: list[dict[str, Any]], clients: int, queries: int, warmup: int
                ) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=_client, args=(location, mix, queries, i * 3, warmup, ready, go, out))
             for i in range(clients)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=300)
    began = time.perf_counter()
    go.set()
    latencies = [x for _ in procs for x in out.get(timeout=900)]
    wall = time.perf_counter() - began
    for p in procs:
        p.join(timeout=60)
    return {"clients": clients, "queries": len(latencies), "wall_s": round(wall, 3),
            "qps": len(latencies) / wall, "p50_ms": percentile(latencies, 50) * 1000,
            "p90_ms": percentile(latencies, 90) * 1000, "p99_ms": percentile(latencies, 99) * 1000,
            "max_ms": max(latencies) * 1000}


def named(home: Path, *, single_queries: int, concurrent_queries: int) -> list[Metric]:
    """Named queries with the server's result cache on (the default), then off (``_uncached`` rows).

    The mix repeats its 21 requests, as a dashboard would, so with the cache on every timed query
    after the warm-up is answered from memory (still pinned to the current snapshots on each call);
    the uncached rows show what executing each query costs.
    """
    mix = query_mix(home)
    with Server(home) as server:
        one = run_clients(server.location, mix, 1, single_queries, warmup=2 * len(mix))
        many = run_clients(server.location, mix, 16, concurrent_queries, warmup=len(mix))
    with Server(home, {"LAKEHOUSE_FLIGHT_RESULT_CACHE_MB": "0"}) as server:
        one_raw = run_clients(server.location, mix, 1, single_queries, warmup=2 * len(mix))
        many_raw = run_clients(server.location, mix, 16, concurrent_queries, warmup=len(mix))
        per_query = _per_query(server.location, mix)
    scope = f"named-query mix of {len(mix)} requests ({', '.join(sorted({m['query'] for m in mix}))}) on the " \
            f"Gold tables of {home.name}; server and clients on the same {os.cpu_count()} cores"
    cached, uncached = "; result cache on (default)", "; result cache off (LAKEHOUSE_FLIGHT_RESULT_CACHE_MB=0)"

    def rounded(d: dict[str, Any]) -> dict[str, Any]:
        return {k: round(v, 2) if isinstance(v, float) else v for k, v in d.items()}

    return [
        Metric("flight_named_p50_ms", round(one["p50_ms"], 2), 3, "ms", raw=rounded(one),
               scope=scope + "; one client process, warm" + cached),
        Metric("flight_named_qps_16", round(many["qps"]), 1000, "queries/s", higher_is_better=True,
               raw=rounded(many), scope=scope + "; 16 client processes (spawn)" + cached),
        Metric("flight_named_p99_ms", round(many["p99_ms"], 1), 50, "ms", raw=rounded(many),
               scope=scope + "; 16 client processes (spawn)" + cached),
        Metric("flight_named_p50_ms_uncached", round(one_raw["p50_ms"], 2), None, "ms",
               raw=rounded(one_raw) | {"per_query_p50_ms": per_query},
               scope=scope + "; one client process, warm" + uncached),
        Metric("flight_named_qps_16_uncached", round(many_raw["qps"]), None, "queries/s", higher_is_better=True,
               raw=rounded(many_raw), scope=scope + "; 16 client processes (spawn)" + uncached),
        Metric("flight_named_p99_ms_uncached", round(many_raw["p99_ms"], 1), None, "ms", raw=rounded(many_raw),
               scope=scope + "; 16 client processes (spawn)" + uncached),
    ]


def _per_query(location: str, mix: list[dict[str, Any]]) -> dict[str, float]:
    """Median latency of each query of the mix, one client (where the time goes)."""
    res, _, _ = run_child(_child_per_query, location, mix, max_rss_mb=4000, timeout_s=600)
    return res


def _child_per_query(location: str, mix: list[dict[str, Any]]) -> dict[str, float]:
    from flight_server.client import LakehouseClient

    client = LakehouseClient(location)
    out = {}
    for q in mix:
        key = q["query"] + ":" + json.dumps(q.get("params", {}), sort_keys=True)
        runs = []
        for _ in range(7):
            began = time.perf_counter()
            client.query(q["query"], q.get("params"))
            runs.append(time.perf_counter() - began)
        out[key] = round(median(runs[2:]) * 1000, 2)
    client.close()
    return out


# --------------------------------------------------------------------------------------------
# Streaming


def _child_stream_flight(location: str, table: str, runs: int) -> dict[str, Any]:
    from flight_server.client import LakehouseClient

    client = LakehouseClient(location)
    times, rows, nbytes, batches = [], 0, 0, 0
    for _ in range(runs):
        rows = nbytes = batches = 0
        began = time.perf_counter()
        for batch in client.stream({"table": table}):
            rows += batch.num_rows
            nbytes += batch.nbytes
            batches += 1
        times.append(time.perf_counter() - began)
    client.close()
    return {"seconds": times, "rows": rows, "bytes": nbytes, "batches": batches}


def _child_stream_local(home: str, table: str, runs: int) -> dict[str, Any]:
    """The same rows produced locally: DuckDB over the Parquet files pyiceberg plans, to Arrow batches."""
    import duckdb

    from benchmarks.synth import open_lakehouse

    app = open_lakehouse(Path(home))
    files = [t.file.file_path.removeprefix("file://") for t in app.store.table(table).scan().plan_files()]
    con = duckdb.connect()
    times, rows, nbytes = [], 0, 0
    for _ in range(runs):
        rows = nbytes = 0
        began = time.perf_counter()
        reader = con.sql(f"select * from read_parquet({files!r})").to_arrow_reader(65536)
        for batch in reader:
            rows += batch.num_rows
            nbytes += batch.nbytes
        times.append(time.perf_counter() - began)
    return {"seconds": times, "rows": rows, "bytes": nbytes, "files": len(files)}


def stream(home: Path, n_trades: int, *, runs: int) -> list[Metric]:
    table = "gold.fact_transactions"
    env = {"LAKEHOUSE_FLIGHT_MAX_ROWS": "50000000", "LAKEHOUSE_FLIGHT_QUERY_TIMEOUT": "900"}
    local, _, _ = run_child(_child_stream_local, str(home), table, runs, max_rss_mb=8000, timeout_s=1200)
    with Server(home, env) as server:
        remote, _, _ = run_child(_child_stream_flight, server.location, table, runs, max_rss_mb=8000,
                                 timeout_s=1800)
    # The first DoGet of a snapshot may warm the server's cache: report it, judge on the median.
    flight_s, local_s = median(remote["seconds"]), median(local["seconds"])
    raw = {"flight_s": [round(x, 3) for x in remote["seconds"]], "local_s": [round(x, 3) for x in local["seconds"]],
           "rows": remote["rows"], "flight_arrow_bytes": remote["bytes"], "local_arrow_bytes": local["bytes"],
           "flight_batches": remote["batches"], "local_rows": local["rows"]}
    scope = (f"DoGet of the whole {table} ({remote['rows']:,} rows, 34 columns) of the {n_trades:,}-trade "
             f"lakehouse; local = in-process DuckDB read_parquet of the same files to Arrow batches; median of {runs}")
    return [
        Metric("flight_stream_vs_local", round(local_s / flight_s, 3), 0.5, "throughput ratio",
               higher_is_better=True, raw=raw, scope=scope),
        Metric("flight_stream_gbps", round(remote["bytes"] / flight_s / 1e9, 3), 1.0, "GB/s (Arrow bytes)",
               higher_is_better=True, raw=raw, scope=scope),
    ]
