"""``lakehouse query "select 1"`` wall time, as a user runs it: a fresh process each time.

Issue 18's goal: under 1 s. The process imports no pyiceberg, ibis or pandas and never opens the
catalog for a query that names no table, so this is interpreter start, click, DuckDB and pyarrow.
One warm-up run first (byte-code caches), then the median of ``runs``; a query of one Gold table is
timed the same way for comparison (raw only).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.measure import Metric, median

GOAL_S = 1.0


def _run(home: Path, sql: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lakehouse", "--home", str(home), "query", sql], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def select1(work: Path, runs: int = 5) -> Metric:
    home = work / "cli-home"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    subprocess.run([sys.executable, "-m", "lakehouse", "--home", str(home), "init"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    _run(home, "select 1")
    times = [_run(home, "select 1") for _ in range(runs)]
    table = [_run(home, "select count(*) from gold.fact_filings") for _ in range(max(1, runs // 2))]
    return Metric("cli_select1_s", round(median(times), 3), GOAL_S, "s",
                  raw={"runs_s": [round(t, 3) for t in times], "one_table_query_s": [round(t, 3) for t in table]},
                  scope=f"`lakehouse query \"select 1\"` in a new process, median of {runs} after a warm-up")
