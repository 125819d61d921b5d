"""HTTP beside Flight: ``/v1/trending-stocks`` and the ``trending_stocks`` named query on the same home.

Issue 16's goal: the HTTP API within 2x of Flight, in p50 latency (one client) and in throughput
(16 clients). Both servers run as their CLI commands (``lakehouse web``, ``lakehouse serve``) in
their own processes on the same Gold tables, measured in turn, each with its result cache on (the
default of both, which share Flight's query service). Every client is a spawned process: HTTP
clients keep one connection open (``http.client``) and decode the JSON, Flight clients use our own
client (:class:`flight_server.client.LakehouseClient`) and get an Arrow table, so both sides pay
for a usable answer.
"""

from __future__ import annotations

import http.client
import json
import multiprocessing
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

from benchmarks.measure import Metric, median, percentile, run_child

WINDOWS = (7, 30, 90)
"""The requests rotate over the three windows, the same on both sides."""
GOAL_RATIO = 2.0


class WebServer:
    """``lakehouse web`` on a free loopback port, for the duration of a ``with`` block."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> WebServer:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        self.proc = subprocess.Popen([sys.executable, "-m", "lakehouse", "--home", str(self.home), "web",
                                      "--port", "0"], env=env, stderr=subprocess.PIPE, text=True)
        line = self.proc.stderr.readline()
        match = re.search(r"(http://\S+?)/ ", line)
        if not match:
            self.proc.kill()
            raise RuntimeError(f"the web server did not start: {line}{self.proc.stderr.read()[-2000:]}")
        self.url = match.group(1)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class _Http:
    """One keep-alive connection; ``query`` returns the decoded rows (as a browser's fetch would)."""

    def __init__(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)

    def query(self, window: int) -> int:
        self.conn.request("GET", f"/v1/trending-stocks?window={window}d")
        response = self.conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"/v1/trending-stocks answered {response.status}: {body[:500]!r}")
        return len(json.loads(body)["data"])

    def close(self) -> None:
        self.conn.close()


class _Flight:
    def __init__(self, location: str) -> None:
        from flight_server.client import LakehouseClient

        self.client = LakehouseClient(location)

    def query(self, window: int) -> int:
        return self.client.query("trending_stocks", {"window": window}).num_rows

    def close(self) -> None:
        self.client.close()


def _client(kind: str, target: str, queries: int, offset: int, warmup: int, ready: Any, go: Any,
            out: Any) -> None:
    client = _Http(target) if kind == "web" else _Flight(target)
    for i in range(warmup):  # connect and warm the server's caches before timing
        client.query(WINDOWS[(offset + i) % len(WINDOWS)])
    ready.put(1)
    go.wait()
    latencies, rows = [], 0
    for i in range(queries):
        began = time.perf_counter()
        rows += client.query(WINDOWS[(offset + i) % len(WINDOWS)])
        latencies.append(time.perf_counter() - began)
    out.put((latencies, rows))
    client.close()


def run_clients(kind: str, target: str, clients: int, queries: int, warmup: int) -> dict[str, Any]:
    """``clients`` spawned processes, each timing ``queries`` requests once all are connected."""
    ctx = multiprocessing.get_context("spawn")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=_client, args=(kind, target, queries, i, warmup, ready, go, out))
             for i in range(clients)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=300)
    began = time.perf_counter()
    go.set()
    results = [out.get(timeout=900) for _ in procs]
    wall = time.perf_counter() - began
    for p in procs:
        p.join(timeout=60)
    latencies = [x for lat, _ in results for x in lat]
    return {"clients": clients, "queries": len(latencies), "rows": sum(r for _, r in results),
            "wall_s": round(wall, 3), "qps": round(len(latencies) / wall, 1),
            **{f"p{q}_ms": round(percentile(latencies, q) * 1000, 3) for q in (50, 90, 99)},
            "max_ms": round(max(latencies) * 1000, 3)}


def _median_run(runs: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The run whose ``key`` is the median (the lower middle one of an even count)."""
    return sorted(runs, key=lambda r: r[key])[(len(runs) - 1) // 2]


def ensure_trending(home: Path) -> None:
    """Build Gold with agg_trending_stocks unless it is there (the named group builds Gold without it)."""
    from benchmarks.metrics_gold import _child_gold_build, gold_jobs
    from benchmarks.synth import open_lakehouse

    if open_lakehouse(home).store.row_count("gold.agg_trending_stocks") > 0:
        return
    run_child(_child_gold_build, str(home), gold_jobs(with_trending=True), None, max_rss_mb=14_000,
              timeout_s=3600)


def ratios(web: dict[str, Any], flight: dict[str, Any]) -> tuple[float, float]:
    """(web p50 / Flight p50, web throughput / Flight throughput): HTTP is within 2x when the first is at
    most 2 and the second at least 0.5."""
    return web["p50_ms"] / flight["p50_ms"], web["qps"] / flight["qps"]


def trending(home: Path, *, single_queries: int, concurrent_queries: int, clients: int = 16,
             rounds: int = 1) -> list[Metric]:
    """p50 with one client and throughput with ``clients``, HTTP and Flight in turn on the same tables.

    Both servers stay up and each round measures them back to back, so load from elsewhere on a
    shared machine falls on both sides; with several rounds, each figure is the median round.
    """
    from benchmarks.metrics_flight import Server

    ensure_trending(home)
    runs: dict[str, list[dict]] = {f"{k}_{n}": [] for k in ("web", "flight") for n in ("one", "many")}
    with WebServer(home) as web, Server(home) as flight:
        targets = {"web": web.url, "flight": flight.location}
        for _ in range(rounds):
            for kind in ("web", "flight"):
                runs[f"{kind}_one"].append(
                    run_clients(kind, targets[kind], 1, single_queries, warmup=3 * len(WINDOWS)))
            for kind in ("web", "flight"):
                runs[f"{kind}_many"].append(
                    run_clients(kind, targets[kind], clients, concurrent_queries, warmup=len(WINDOWS)))
    web_one, flight_one = _median_run(runs["web_one"], "p50_ms"), _median_run(runs["flight_one"], "p50_ms")
    web_many, flight_many = _median_run(runs["web_many"], "qps"), _median_run(runs["flight_many"], "qps")
    # The ratio of each round (both sides under the same outside load), then the median round's.
    per_one = [ratios(w, f) for w, f in zip(runs["web_one"], runs["flight_one"], strict=True)]
    per_many = [ratios(w, f)[1] for w, f in zip(runs["web_many"], runs["flight_many"], strict=True)]
    p50_ratio, qps_ratio = median([r[0] for r in per_one]), median([r[1] for r in per_one])
    many_ratio = median(per_many)
    scope = (f"trending_stocks (window 7/30/90 in turn, 20 rows) on the Gold tables of {home.name}: "
             "GET /v1/trending-stocks over one keep-alive connection, JSON decoded, vs the Flight named "
             "query through LakehouseClient; servers (`lakehouse web`, `lakehouse serve`, result caches on) "
             f"and clients share the same {os.cpu_count()} cores")
    one, many = "; one client process, warm", f"; {clients} client processes (spawn)"
    raw_one = {"web": web_one, "flight": flight_one, "rounds": rounds,
               "p50_ms_per_round": {k: [r["p50_ms"] for r in runs[f"{k}_one"]] for k in ("web", "flight")}}
    raw_many = {"web": web_many, "flight": flight_many, "rounds": rounds,
                "qps_per_round": {k: [r["qps"] for r in runs[f"{k}_many"]] for k in ("web", "flight")}}
    return [
        Metric("web_trending_p50_ms", web_one["p50_ms"], None, "ms", raw=web_one, scope=scope + one),
        Metric("flight_trending_p50_ms", flight_one["p50_ms"], None, "ms", raw=flight_one, scope=scope + one),
        Metric("web_vs_flight_p50", round(p50_ratio, 2), GOAL_RATIO, "latency ratio", raw=raw_one,
               scope=scope + one + "; HTTP p50 / Flight p50"),
        Metric(f"web_trending_qps_{clients}", web_many["qps"], None, "queries/s", higher_is_better=True,
               raw=web_many, scope=scope + many),
        Metric(f"flight_trending_qps_{clients}", flight_many["qps"], None, "queries/s", higher_is_better=True,
               raw=flight_many, scope=scope + many),
        Metric(f"web_vs_flight_qps_{clients}", round(many_ratio, 2), 1 / GOAL_RATIO, "throughput ratio",
               higher_is_better=True, raw=raw_many | {"single_client_qps_ratio": round(qps_ratio, 2)},
               scope=scope + many + "; HTTP queries/s / Flight queries/s"),
    ]
