"""Measure the Flight server: named-query latency under 1/16/32 clients, ADBC latency, stream speed.

    python -m benchmarks.flight_standalone [--transactions 100000] [--big-rows 10000000] [--queries 200]

Everything runs on this machine against a throw-away lakehouse of fictional rows: the server is
``lakehouse serve`` in its own process, each client is a separate process (spawned, as pyarrow
Flight clients must not be forked), so client work does not share the server's GIL. Prints one
JSON object. Nothing here runs in the test suite; numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa

MIX = [
    {"query": "member_trades", "params": {"ticker": "NVDA", "limit": 100}},
    {"query": "member_trades", "params": {"bioguide_id": "A000007", "limit": 100}},
    {"query": "trending_stocks", "params": {"window": 30}},
    {"query": "top_traders", "params": {"days": 365, "as_of_date": "2025-12-31", "metric": "volume"}},
    {"query": "search", "params": {"q": "micro"}},
    {"query": "filing", "params": {"doc_id": "30000042"}},
    {"query": "summary"},
]
TICKERS = ["NVDA", "AAPL", "MSFT", "TSLA", "AMZN", "GOOGL", "META", "BRK.B", "JPM", "XOM"] + [
    f"T{i:03d}" for i in range(190)
]


def _gold(n: int) -> dict[str, pa.Table]:
    """Fictional Gold rows shaped like the registry: ``n`` transactions of 400 members."""
    import random

    rng = random.Random(7)
    parties = ["Democrat", "Republican", "Independent"]
    members = [(f"A{i:06d}", f"Member{i}", parties[i % 3], "CA", i % 50) for i in range(400)]
    start = dt.date(2024, 1, 1)
    tx = {
        k: []
        for k in (
            "transaction_key",
            "doc_id",
            "line_no",
            "year",
            "bioguide_id",
            "filer_name",
            "party",
            "state",
            "district",
            "chamber",
            "ticker",
            "asset_name",
            "asset_type",
            "transaction_type",
            "transaction_date",
            "filing_date",
            "amount_range",
            "amount_low",
            "amount_high",
            "amount_midpoint",
            "days_to_filing",
            "is_late",
            "pdf_url",
        )
    }
    for i in range(n):
        bio, name, party, state, district = members[rng.randrange(len(members))]
        doc, line = 30000000 + i // 5, i % 5 + 1
        trade = start + dt.timedelta(days=rng.randrange(730))
        filing = trade + dt.timedelta(days=rng.randrange(60))
        ticker = TICKERS[min(int(rng.expovariate(0.05)), len(TICKERS) - 1)]
        for key, value in (
            ("transaction_key", doc * 10000 + line),
            ("doc_id", str(doc)),
            ("line_no", line),
            ("year", filing.year),
            ("bioguide_id", bio),
            ("filer_name", name),
            ("party", party),
            ("state", state),
            ("district", district),
            ("chamber", "house"),
            ("ticker", ticker),
            ("asset_name", f"{ticker} Corp"),
            ("asset_type", "ST"),
            ("transaction_type", rng.choice(["purchase", "sale", "partial_sale"])),
            ("transaction_date", trade),
            ("filing_date", filing),
            ("amount_range", "$1,001 - $15,000"),
            ("amount_low", 1001),
            ("amount_high", 15000),
            ("amount_midpoint", 8000.5),
            ("days_to_filing", (filing - trade).days),
            ("is_late", (filing - trade).days > 45),
            ("pdf_url", f"https://example.invalid/{doc}.pdf"),
        ):
            tx[key].append(value)
    docs = sorted(set(tx["doc_id"]))
    return {
        "gold.fact_transactions": pa.table(tx),
        "gold.fact_filings": pa.table(
            {
                "doc_id": docs,
                "year": [2025] * len(docs),
                "filing_type": ["P"] * len(docs),
                "filer_name": ["Member"] * len(docs),
                "document_in_bronze": [False] * len(docs),
            }
        ),
        "gold.dim_members": pa.table(
            {
                "member_key": list(range(len(members))),
                "bioguide_id": [m[0] for m in members],
                "full_name": [m[1] for m in members],
                "last_name": [m[1] for m in members],
                "party": [m[2] for m in members],
                "valid_from": [start] * len(members),
                "valid_to": [dt.date(2027, 1, 3)] * len(members),
                "is_current": [True] * len(members),
                "version": [1] * len(members),
            }
        ),
        "gold.dim_assets": pa.table(
            {
                "asset_key": [f"T:{t}" for t in TICKERS],
                "ticker": TICKERS,
                "asset_name": [f"{t} Corp" for t in TICKERS],
                "company_name": ["Microsoft Corporation" if t == "MSFT" else f"{t} Corp" for t in TICKERS],
                "trade_count": [10] * len(TICKERS),
            }
        ),
        "gold.agg_trending_stocks": pa.table(
            {
                "as_of_date": [dt.date(2025, 12, 31)] * len(TICKERS),
                "window_days": [30] * len(TICKERS),
                "basis": ["disclosure"] * len(TICKERS),
                "ticker": TICKERS,
                "trades": list(range(len(TICKERS), 0, -1)),
                "rank": list(range(1, len(TICKERS) + 1)),
            }
        ),
        "gold.agg_member_stats": pa.table(
            {
                "period": ["all"] * len(members),
                "bioguide_id": [m[0] for m in members],
                "trades": [n // len(members)] * len(members),
            }
        ),
    }


def _build(home: Path, transactions: int, big_rows: int) -> None:
    from pyiceberg.types import DoubleType, LongType

    from catalog.registry import Column, TableSpec
    from core.settings import load_settings
    from lakehouse.app import Lakehouse

    app = Lakehouse.open(load_settings({"LAKEHOUSE_HOME": str(home)}))
    app.init()
    for name, table in _gold(transactions).items():
        app.store.replace(name, table)
    if big_rows:
        import pyarrow.compute as pc

        spec = TableSpec(
            "gold.bench_stream",
            "Benchmark: 5 numeric columns.",
            tuple(
                Column(c, LongType() if c in ("id", "k") else DoubleType(), c)
                for c in ("id", "a", "b", "c", "k")
            ),
        )
        app.store.init_tables([spec])
        ids = pa.array(range(big_rows), pa.int64())
        app.store.replace(
            spec.identifier,
            pa.table(
                {
                    "id": ids,
                    "a": pc.multiply(ids, 0.5),
                    "b": pc.multiply(ids, 1.5),
                    "c": pc.multiply(ids, 2.5),
                    "k": pc.bit_wise_and(ids, 1023),
                }
            ),
        )


def _client(location: str, queries: int, offset: int, ready: Any, go: Any, out: Any) -> None:
    import pyarrow.flight as flight

    client = flight.connect(location)
    client.do_get(flight.Ticket(json.dumps(MIX[-1]).encode())).read_all()  # connect before timing
    ready.put(1)
    go.wait()
    latencies = []
    for i in range(queries):
        body = json.dumps(MIX[(offset + i) % len(MIX)]).encode()
        began = time.perf_counter()
        client.do_get(flight.Ticket(body)).read_all()
        latencies.append(time.perf_counter() - began)
    out.put(latencies)


def _named_latency(location: str, clients: int, queries: int) -> dict[str, float]:
    ctx = multiprocessing.get_context("spawn")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=_client, args=(location, queries, i, ready, go, out)) for i in range(clients)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=120)
    began = time.perf_counter()
    go.set()
    latencies = sorted(x for _ in procs for x in out.get(timeout=600))
    elapsed = time.perf_counter() - began
    for p in procs:
        p.join()
    return {
        "clients": clients,
        "queries": len(latencies),
        "qps": round(len(latencies) / elapsed),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 1),
    }


def _adbc_latency(location: str, queries: int) -> dict[str, float]:
    import adbc_driver_flightsql.dbapi as dbapi

    sql = (
        "SELECT ticker, count(*) AS n FROM gold.fact_transactions WHERE transaction_type = ? "
        "GROUP BY 1 ORDER BY 2 DESC"
    )
    with dbapi.connect(location, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute(sql, ("purchase",))
        cur.fetch_arrow_table()
        latencies = []
        for _ in range(queries):
            began = time.perf_counter()
            cur.execute(sql, ("purchase",))
            cur.fetch_arrow_table()
            latencies.append(time.perf_counter() - began)
    latencies.sort()
    return {
        "queries": queries,
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 1),
    }


def _stream(location: str, body: dict[str, Any]) -> dict[str, float]:
    import pyarrow.flight as flight

    client = flight.connect(location)
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        reader = client.do_get(flight.Ticket(json.dumps(body).encode()))
        rows = nbytes = 0
        for chunk in reader:
            rows += chunk.data.num_rows
            nbytes += chunk.data.nbytes
        runs.append(time.perf_counter() - began)
    best = sorted(runs)[1]
    return {
        "rows": rows,
        "mb": round(nbytes / 1e6),
        "first_s": round(runs[0], 2),
        "median_s": round(best, 2),
        "mrows_per_s": round(rows / best / 1e6, 1),
        "mb_per_s": round(nbytes / best / 1e6),
    }


def _serve(home: Path, extra_env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, **extra_env}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lakehouse", "--home", str(home), "serve", "--port", "0"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stderr.readline()
    match = re.search(r"(grpc://\S+)", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"server did not start: {line}")
    return proc, match.group(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=100_000)
    parser.add_argument("--big-rows", type=int, default=10_000_000)
    parser.add_argument("--queries", type=int, default=200, help="queries per client")
    parser.add_argument("--clients", default="1,16,32")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {"cpus": os.cpu_count(), "transactions": args.transactions}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "lh"
        began = time.perf_counter()
        _build(home, args.transactions, args.big_rows)
        report["build_s"] = round(time.perf_counter() - began, 1)
        proc, location = _serve(home, {"LAKEHOUSE_FLIGHT_MAX_ROWS": str(max(args.big_rows, 1) * 2)})
        try:
            report["named"] = [
                _named_latency(location, int(n), args.queries) for n in args.clients.split(",")
            ]
            report["adbc"] = _adbc_latency(location, args.queries)
            if args.big_rows:
                report["stream_sql"] = _stream(location, {"sql": "SELECT * FROM gold.bench_stream"})
                report["stream_table"] = _stream(location, {"table": "gold.bench_stream"})
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        if args.big_rows:
            proc, location = _serve(
                home, {"LAKEHOUSE_FLIGHT_CACHE_MB": "16", "LAKEHOUSE_FLIGHT_MAX_ROWS": str(args.big_rows * 2)}
            )
            try:
                report["stream_from_files"] = _stream(location, {"table": "gold.bench_stream"})
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    sys.stdout.write(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
