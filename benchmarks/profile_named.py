"""Where a named query's server time goes: ``QueryService.open`` in a loop over the bench's query mix.

    python -m benchmarks.profile_named [N] [--uncached] [--profile]

Runs in process (no Flight transport) on the cached 100k-trade lakehouse the benchmarks generate
(``benchmarks/out/data/silver-100000``, built with its Gold tables if missing). Prints the mean cost
per query and the median per named query; ``--profile`` adds a cProfile listing.
"""

from __future__ import annotations

import cProfile
import dataclasses
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    from benchmarks.metrics_flight import query_mix
    from benchmarks.metrics_gold import _run_gold, gold_jobs
    from benchmarks.synth import cached_silver, open_lakehouse
    from flight_server.service import QueryService, Request

    n = int(next((a for a in argv if a.isdigit()), "210"))
    home = cached_silver(HERE / "out" / "data", 100_000)
    app = open_lakehouse(home)
    if app.store.row_count("gold.fact_transactions") == 0:
        _run_gold(app.store, gold_jobs(True), full_refresh=True)
    settings = app.settings
    if "--uncached" in argv:
        settings = dataclasses.replace(settings, flight_result_cache_mb=0)
    service = QueryService(app.store, settings)
    mix = query_mix(home)

    def one(q: dict) -> None:
        body = {"query": q["query"], **({"params": q["params"]} if q.get("params") else {})}
        stream = service.open(Request.from_json(body))
        stream.read_all()
        stream.close()

    for q in mix:  # warm: snapshots cached, results cached (unless --uncached)
        one(q)
    per: dict[str, list[float]] = {}
    began = time.perf_counter()
    for i in range(n):
        q = mix[i % len(mix)]
        t = time.perf_counter()
        one(q)
        per.setdefault(q["query"], []).append(time.perf_counter() - t)
    total = time.perf_counter() - began
    print(f"{n} queries in {total:.3f} s: {total / n * 1000:.2f} ms per query")
    for name, runs in per.items():
        print(f"  {name:<16} median {statistics.median(runs) * 1000:.2f} ms")
    if "--profile" in argv:
        profile = cProfile.Profile()
        profile.enable()
        for i in range(n):
            one(mix[i % len(mix)])
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    service.close()


if __name__ == "__main__":
    main(sys.argv[1:])
