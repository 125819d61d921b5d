"""``python -m benchmarks.flight_floor``: what bare pyarrow Flight costs on this machine.

The floor under the Flight goals, with none of our code in the way: a server process whose DoGet
returns a prebuilt table (empty, one row, or ~1 GB held in memory), and client processes (spawned,
as gRPC clients must not be forked) on the same cores. Prints one JSON object:

* ``empty_rtt_*``: one client, DoGet of an empty table (a full Flight round trip: ticket in, schema
  and end-of-stream out) and DoAction with no body;
* ``empty_qps_16``: 16 client processes hammering the empty DoGet;
* ``stream_gbps``: one DoGet of ~1 GB of Arrow data already in the server's memory (no Parquet, no
  query), read to the end by one client.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import statistics
import time
from typing import Any

import pyarrow as pa
import pyarrow.flight as fl


def _big_table(target_bytes: int) -> pa.Table:
    import numpy as np

    rows = 1_000_000
    rng = np.random.default_rng(1)
    batch = pa.table({f"c{i}": rng.integers(0, 1 << 40, rows) for i in range(8)} |
                     {"s": pa.array(np.char.add("doc-", rng.integers(0, 10**9, rows).astype(str)), pa.large_string())})
    copies = max(1, target_bytes // batch.nbytes)
    return pa.concat_tables([batch] * copies)


class _Server(fl.FlightServerBase):
    def __init__(self, location: str, big_bytes: int) -> None:
        super().__init__(location)
        self.tables = {b"empty": pa.table({"x": pa.array([], pa.int64())}),
                       b"one": pa.table({"x": pa.array([1], pa.int64())}),
                       b"big": _big_table(big_bytes)}

    def do_get(self, context, ticket):
        return fl.RecordBatchStream(self.tables[ticket.ticket])

    def do_action(self, context, action):
        return iter(())


def _serve(port_q, big_bytes: int) -> None:
    server = _Server("grpc://127.0.0.1:0", big_bytes)
    port_q.put(server.port)
    server.serve()


def _client_latency(location: str, n: int) -> dict[str, Any]:
    client = fl.connect(location)
    for _ in range(50):
        client.do_get(fl.Ticket(b"empty")).read_all()
    out: dict[str, Any] = {}
    for name, call in (("doget_empty", lambda: client.do_get(fl.Ticket(b"empty")).read_all()),
                       ("doget_one_row", lambda: client.do_get(fl.Ticket(b"one")).read_all()),
                       ("do_action", lambda: list(client.do_action(fl.Action("noop", b""))))):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            call()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        out[name] = {"p50_ms": round(statistics.median(times), 3), "p99_ms": round(times[int(0.99 * len(times))], 3)}
    return out


def _client_hammer(location: str, seconds: float, start_at: float, q) -> None:
    client = fl.connect(location)
    client.do_get(fl.Ticket(b"empty")).read_all()
    while time.time() < start_at:
        time.sleep(0.001)
    n, end = 0, start_at + seconds
    while time.time() < end:
        client.do_get(fl.Ticket(b"empty")).read_all()
        n += 1
    q.put(n)


def _client_stream(location: str, runs: int) -> list[tuple[float, int]]:
    client = fl.connect(location)
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        reader = client.do_get(fl.Ticket(b"big"))
        nbytes = 0
        for chunk in reader:
            nbytes += chunk.data.nbytes
        out.append((time.perf_counter() - t0, nbytes))
    return out


def _in_child(fn, *args):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(fn, args)


def main(calls: int = 2000, clients: int = 16, seconds: float = 5.0, big_bytes: int = 1 << 30) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    port_q = ctx.Queue()
    server = ctx.Process(target=_serve, args=(port_q, big_bytes), daemon=True)
    server.start()
    location = f"grpc://127.0.0.1:{port_q.get(timeout=120)}"
    try:
        latency = _in_child(_client_latency, location, calls)
        q = ctx.Queue()
        start_at = time.time() + 3.0
        procs = [ctx.Process(target=_client_hammer, args=(location, seconds, start_at, q)) for _ in range(clients)]
        for p in procs:
            p.start()
        total = sum(q.get(timeout=120) for _ in procs)
        for p in procs:
            p.join()
        stream = _in_child(_client_stream, location, 3)
    finally:
        server.kill()
    best = min(stream)
    return {"cpus": os.cpu_count(), "pyarrow": pa.__version__, "calls": calls, **latency,
            f"empty_qps_{clients}": round(total / seconds),
            "stream_bytes": best[1], "stream_s": [round(s, 3) for s, _ in stream],
            "stream_gbps": round(best[1] / statistics.median(s for s, _ in stream) / 1e9, 3)}


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
