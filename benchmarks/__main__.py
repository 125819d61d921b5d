"""``python -m benchmarks [--quick]``: measure every goal of issue 8 and write the results.

Full run (``make bench``): Silver at 100k, 1M and 10M trades; results in ``benchmarks/results.json``
and ``BENCHMARKS.md``. Quick run (``make bench QUICK=1``): every metric at the smallest size
(100k trades, a 100-filing mirror, one repetition; under 3 minutes), results in
``benchmarks/out/quick/`` so the recorded full run is not overwritten. A subset (``--only incremental``,
``--only named,stream`` …) writes to
``benchmarks/out/only/`` for the same reason; ``--only web --record`` also merges its rows into the
recorded run (each row names the machine and time it was measured on).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

import click

from benchmarks.measure import ChildFailed, Metric, run_child

logger = logging.getLogger("benchmarks")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


@dataclasses.dataclass(frozen=True)
class Plan:
    mode: str
    small: int
    """Trades of the lakehouse behind trending and the named queries."""
    incremental: int
    big: int
    """Trades of the 10M metrics (ibis vs SQL, pandas, memory, stream)."""
    rounds: int
    reps: int
    pandas_cap_s: float
    named_single: int
    named_concurrent: int
    stream_runs: int
    pdfs: int
    mirror_filings: int
    trending_pandas: bool
    trending_rounds: int
    trending_reps: int


FULL = Plan("full", 100_000, 1_000_000, 10_000_000, rounds=3, reps=3, pandas_cap_s=1500, named_single=400,
            named_concurrent=60, stream_runs=3, pdfs=200, mirror_filings=1618, trending_pandas=True,
            trending_rounds=1, trending_reps=2)
QUICK = Plan("quick", 100_000, 100_000, 100_000, rounds=1, reps=1, pandas_cap_s=120, named_single=80,
             named_concurrent=10, stream_runs=1, pdfs=30, mirror_filings=100, trending_pandas=False,
             trending_rounds=0, trending_reps=1)


def _silver(out: Path, n: int) -> Path:
    """The cached Silver lakehouse at ``n`` trades, generated in a child process (memory)."""
    from benchmarks.synth import cached_silver

    home, _, _ = run_child(cached_silver, out / "data", n, max_rss_mb=16_000, timeout_s=3600)
    return home


def _guard(name: str, fn: Callable[[], list[Metric] | Metric]) -> list[Metric]:
    began = time.perf_counter()
    click.echo(f"[{time.strftime('%H:%M:%S')}] {name} …", err=True)
    try:
        result = fn()
        metrics = result if isinstance(result, list) else [result]
    except ChildFailed as exc:
        metrics = [Metric(name, None, None, "", status="error", raw={"error": str(exc)[-3000:], "reason": exc.reason,
                                                                      "peak_mb": round(exc.peak_mb)},
                          scope="the measurement failed; see raw")]
    except Exception as exc:  # one broken measurement must not lose the others
        logger.exception("%s failed", name)
        metrics = [Metric(name, None, None, "", status="error", raw={"error": f"{type(exc).__name__}: {exc}"},
                          scope="the measurement failed; see raw")]
    for m in metrics:
        if m.status != "error":
            m.judge()
        m.raw.setdefault("measured_in_s", round(time.perf_counter() - began, 1))
        click.echo(f"    {m.name} = {m.value} {m.unit} (goal {m.goal}) {m.status}", err=True)
    return metrics


@click.command()
@click.option("--quick", is_flag=True, help="Every metric at the smallest size (under 3 minutes).")
@click.option("--only", default="", help="Comma-separated groups: trending,incremental,compare,memory,named,"
              "stream,extract,pipeline,web,backfill,cli. Results go to OUT/only/, not over the recorded run.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=HERE / "out",
              help="Working directory for generated data (git-ignored).")
@click.option("--profile", is_flag=True, help="Also write a cProfile of the big Gold build to OUT/gold.prof.")
@click.option("--report-only", is_flag=True, help="Rewrite BENCHMARKS.md from benchmarks/results.json "
              "(after editing benchmarks/NOTES.md), measuring nothing.")
@click.option("--record", is_flag=True, help="With --only: also put these rows into benchmarks/results.json "
              "and BENCHMARKS.md (replacing rows of the same name), marked with this run's machine and time.")
@click.option("--log-level", default="WARNING")
def main(quick: bool, only: str, out_dir: Path, profile: bool, report_only: bool, record: bool,
         log_level: str) -> None:
    """Measure every performance goal side by side and write the results."""
    import os

    from benchmarks import metrics_flight, metrics_gold, metrics_pdf, metrics_web, report
    from benchmarks.shape import load_shape

    if report_only:
        metrics, context = report.read_json(HERE / "results.json")
        report.write_markdown(REPO / "BENCHMARKS.md", metrics, context)
        click.echo(report.console(metrics))
        return

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(name)s %(levelname)s %(message)s")
    os.environ["BENCH_LOG_LEVEL"] = log_level.upper()
    plan = QUICK if quick else FULL
    groups = set(filter(None, only.split(","))) or {"trending", "incremental", "compare", "memory", "named",
                                                    "stream", "extract", "pipeline", "web", "backfill", "cli"}
    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "work"
    work.mkdir(exist_ok=True)
    started = time.perf_counter()
    shape = load_shape()
    metrics: list[Metric] = []
    data_notes = [f"Shape source: {shape.source}."]

    small = big = None
    if groups & {"trending", "named", "web"}:
        small = _silver(out_dir, plan.small)
    if groups & {"compare", "memory", "stream"}:
        big = _silver(out_dir, plan.big)
    for home in filter(None, {small, big}):
        data_notes.append(f"`{home.name}`: {(home / 'bench-dataset.json').read_text()}")

    if "trending" in groups:
        metrics += _guard("trending", lambda: metrics_gold.trending(
            small, plan.small, reps=plan.trending_reps, with_pandas=plan.trending_pandas, pandas_cap_s=plan.pandas_cap_s,
            rounds=plan.trending_rounds))
    if "incremental" in groups:
        metrics += _guard("incremental_vs_full", lambda: metrics_gold.incremental_vs_full(
            work, plan.incremental, rounds=plan.rounds, seed=7))
    if "compare" in groups:
        metrics += _guard("ibis_vs_duckdb_sql", lambda: metrics_gold.compare(
            big, plan.big, reps=plan.reps, pandas_reps=1, check=plan.big <= 200_000, pandas_cap_s=plan.pandas_cap_s))
    if "compare" in groups and plan.incremental != plan.big:
        # The same comparison one size down, where pandas still fits in memory: how the ratios scale.
        mid = _silver(out_dir, plan.incremental)
        for m in _guard("compare@1M", lambda: metrics_gold.compare(
                mid, plan.incremental, reps=plan.reps, pandas_reps=1, check=False, pandas_cap_s=plan.pandas_cap_s)):
            m.name += f"@{plan.incremental // 1_000_000}M"
            metrics.append(m)
    if "memory" in groups:
        metrics += _guard("gold_memory_peak_mb", lambda: metrics_gold.gold_memory(
            big, plan.big, profile=str(out_dir / "gold.prof") if profile else None)[0])
    if "named" in groups:
        if not _has_gold(small):
            metrics_gold.gold_memory(small, plan.small)  # the server needs Gold tables
        metrics += _guard("flight_named", lambda: metrics_flight.named(
            small, single_queries=plan.named_single, concurrent_queries=plan.named_concurrent))
    if "web" in groups:
        metrics += _guard("web_vs_flight", lambda: metrics_web.trending(
            small, single_queries=plan.named_single, concurrent_queries=plan.named_concurrent,
            rounds=plan.reps))
    if "stream" in groups:
        if not _has_gold(big):
            metrics_gold.gold_memory(big, plan.big)
        metrics += _guard("flight_stream", lambda: metrics_flight.stream(big, plan.big, runs=plan.stream_runs))
    if "extract" in groups:
        metrics += _guard("extract_pdfs_per_s", lambda: metrics_pdf.extraction(work, plan.pdfs))
    if "pipeline" in groups:
        metrics += _guard("pipeline_2025_s", lambda: metrics_pdf.pipeline(work, plan.mirror_filings))
    if "backfill" in groups:  # issue 19: extraction on a Dask cluster, 1 vs 2 workers
        from benchmarks import metrics_backfill

        metrics += _guard("backfill_docs_per_s",
                          lambda: metrics_backfill.backfill(work, min(plan.mirror_filings, 400)))

    if "cli" in groups:  # issue 18: a CLI query that reads no table
        from benchmarks import metrics_cli

        metrics += _guard("cli_select1_s", lambda: metrics_cli.select1(work, runs=plan.reps + 2))
    wall = time.perf_counter() - started
    context = {"mode": plan.mode, "wall_s": round(wall, 1), "plan": dataclasses.asdict(plan), "data": data_notes}
    if quick or only:
        # A quick run or a subset (--only) must not overwrite the recorded full run.
        target = out_dir / ("quick" if quick else "only")
        target.mkdir(exist_ok=True)
        json_path, md_path = target / "results.json", target / "BENCHMARKS.md"
    else:
        json_path, md_path = HERE / "results.json", REPO / "BENCHMARKS.md"
    report.write_json(json_path, metrics, context)
    report.write_markdown(md_path, metrics, context)
    click.echo(report.console(metrics))
    click.echo(f"\n{plan.mode} run in {wall:.0f} s; wrote {json_path} and {md_path}")
    if record and only and not quick:
        recorded, recorded_context = report.read_json(HERE / "results.json")
        merged = report.merge(recorded, metrics, json.loads(json_path.read_text()))
        report.write_json(HERE / "results.json", merged, recorded_context)
        report.write_markdown(REPO / "BENCHMARKS.md", merged, recorded_context)
        names = ", ".join(m.name for m in metrics)
        click.echo(f"recorded {names} in benchmarks/results.json and BENCHMARKS.md")


def _has_gold(home: Path) -> bool:
    from benchmarks.synth import open_lakehouse

    return open_lakehouse(home).store.row_count("gold.fact_transactions") > 0


if __name__ == "__main__":
    main()
