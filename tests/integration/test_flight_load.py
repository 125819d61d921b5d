"""32 concurrent clients x 200 queries over real gRPC end with zero errors, while new snapshots land.

Latency is recorded (``record_property``: p50/p99) but never asserted: this machine's speed is not
the server's contract. Numbers for the README come from ``python -m benchmarks.flight_standalone``.
"""

from __future__ import annotations

import json
import logging
import threading
import time

import pyarrow.flight as flight
import pytest
from altertable_flightsql.generated import arrow_flight_sql_pb2 as sql_pb

from flight_server import flightsql
from tests.integration.test_flight_support import fill_gold, running_server, transactions

pytestmark = pytest.mark.slow
logger = logging.getLogger(__name__)

CLIENTS, QUERIES_EACH = 32, 200
MIX = [
    {"query": "member_trades", "params": {"ticker": "NVDA", "limit": 20}},
    {"query": "trending_stocks", "params": {"window": 30}},
    {"query": "top_traders", "params": {"days": 365, "as_of_date": "2025-04-01"}},
    {"query": "search", "params": {"q": "av"}},
    {"query": "filing", "params": {"doc_id": "30000003"}},
    {"query": "summary"},
    {"sql": "SELECT party, count(*) AS n FROM gold.fact_transactions GROUP BY party ORDER BY party"},
    {"table": "gold.dim_members"},
]


def test_32_clients_x_200_queries_without_errors(lakehouse, record_property):
    fill_gold(lakehouse.store)
    with running_server(lakehouse.store, lakehouse.settings) as server:
        location = f"grpc://127.0.0.1:{server.port}"
        latencies: list[float] = []
        errors: list[BaseException] = []
        transaction_counts: set[int] = set()
        lock = threading.Lock()
        start = threading.Barrier(CLIENTS + 1)

        def client(i: int) -> None:
            conn = flight.connect(location)
            mine: list[float] = []
            start.wait()
            for j in range(QUERIES_EACH):
                body = MIX[(i + j) % len(MIX)]
                began = time.perf_counter()
                try:
                    if j % 10 == 9:  # Flight SQL: GetFlightInfo, then DoGet of the pinned ticket
                        info = conn.get_flight_info(
                            flight.FlightDescriptor.for_command(
                                flightsql.pack(
                                    sql_pb.CommandStatementQuery(
                                        query="SELECT count(*) AS n FROM gold.fact_transactions"
                                    )
                                )
                            )
                        )
                        table = conn.do_get(info.endpoints[0].ticket).read_all()
                        with lock:
                            transaction_counts.add(table.column("n")[0].as_py())
                    else:
                        table = conn.do_get(flight.Ticket(json.dumps(body).encode())).read_all()
                        assert table.num_rows > 0
                except BaseException as exc:  # collected and reported below: the count is the test
                    with lock:
                        errors.append(exc)
                mine.append(time.perf_counter() - began)
            conn.close()
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        start.wait()
        began = time.perf_counter()
        for n_docs in (10, 8):  # publications while the clients run
            time.sleep(2)
            lakehouse.store.replace("gold.fact_transactions", transactions(n_docs=n_docs))
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began

    assert not errors, f"{len(errors)} errors, first: {errors[0]!r}"
    assert len(latencies) == CLIENTS * QUERIES_EACH
    assert transaction_counts <= {36, 30, 24} and 24 in transaction_counts
    latencies.sort()
    p50, p99 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]
    record_property("queries_per_second", round(len(latencies) / elapsed))
    record_property("p50_ms", round(p50 * 1000, 1))
    record_property("p99_ms", round(p99 * 1000, 1))
    logger.info(
        "%d queries in %.1f s: p50 %.1f ms, p99 %.1f ms", len(latencies), elapsed, p50 * 1000, p99 * 1000
    )
