"""``python -m benchmarks.profile_incremental [N_TRADES] [ROUNDS]``: where an incremental Gold run spends its time.

Builds the benchmark's Silver at ``N_TRADES`` (default 1M) with ``ROUNDS`` held-back +1 % batches,
runs Gold once, then per round appends a batch and runs each Gold job incrementally under a
profiler (pyinstrument when installed — ``pip install pyinstrument``, not a project dependency —
else cProfile), then a full rebuild for the ratio. Profiles go to ``benchmarks/out/profile/``; the
runner's INFO log says how many keys each job recomputed, how many changed and how many files were
rewritten. The printed ratio includes the profiler's overhead; the benchmark measures it unprofiled.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out" / "profile"


def _profiled(fn, path: Path):
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        result = prof.runcall(fn)
        with path.with_suffix(".txt").open("w") as fh:
            pstats.Stats(prof, stream=fh).sort_stats("cumulative").print_stats(40)
        return result
    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        return fn()
    finally:
        profiler.stop()
        path.with_suffix(".txt").write_text(profiler.output_text(unicode=False, color=False))


def main(n_trades: int = 1_000_000, rounds: int = 2) -> None:
    from benchmarks.gold_build import job
    from benchmarks.metrics_gold import _run_gold, gold_jobs
    from benchmarks.synth import append_increment, generate, write_silver
    from jobs.runner import run_job

    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    for name in ("jobs.runner", "catalog.store"):
        logging.getLogger(name).setLevel(logging.INFO)
    OUT.mkdir(parents=True, exist_ok=True)
    data = generate(n_trades, seed=7, increments=rounds)
    app = write_silver(OUT / f"home-{n_trades}", data.tables)
    jobs = gold_jobs(with_trending=False)
    _run_gold(app.store, jobs, full_refresh=False)
    for i, batch in enumerate(data.increments[:rounds]):
        append_increment(app, batch)
        began = time.perf_counter()
        for name in jobs:
            r = _profiled(lambda name=name: run_job(app.store, job(name), run_id="profile"), OUT / f"round{i}-{name}")
            print(f"round {i} {name}: {r.status} {r.seconds:.3f} s, full_read={r.full_read}", flush=True)
        inc = time.perf_counter() - began
        full = _run_gold(app.store, jobs, full_refresh=True)
        print(f"round {i}: incremental {inc:.2f} s, full {full['total_s']:.2f} s, ratio {inc / full['total_s']:.3f}; "
              f"full per job {({k: round(v, 2) for k, v in full['seconds'].items()})}", flush=True)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
