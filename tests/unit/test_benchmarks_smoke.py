"""Smoke test of the benchmark harness at toy size: no timings asserted, only that it runs and agrees.

The three Gold builds the benchmarks compare (ours, hand-written SQL, pandas) must compute the same
rows, or the ratios in BENCHMARKS.md would compare different work.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import gold_build as gb
from benchmarks import report
from benchmarks.measure import Metric, percentile
from benchmarks.synth import generate, write_silver


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    data = generate(1_000, seed=3, increments=1)
    app = write_silver(tmp_path_factory.mktemp("bench") / "lh", data.tables)
    return data, app


def test_generator_shape(toy):
    data, _ = toy
    tx = data.tables["silver.ptr_transactions"]
    assert 1_000 <= tx.num_rows < 1_300
    docs = set(tx.column("doc_id").to_pylist())
    assert docs <= set(data.tables["silver.filings"].column("doc_id").to_pylist())
    assert len(data.increments) == 1
    new_docs = set(data.increments[0]["silver.ptr_transactions"].column("doc_id").to_pylist())
    assert new_docs and not new_docs & docs


def test_three_builds_compute_the_same_gold(toy):
    _, app = toy
    jobs = [j for j in gb.GOLD if j != gb.TRENDING]
    silver = gb.load_inputs(app.store, gb.GOLD)
    ours, _ = gb.build_ours(gb.GOLD, silver)
    sql, _ = gb.build_sql(gb.GOLD, silver)
    pandas, _ = gb.build_pandas(jobs, silver)
    assert ours["gold.fact_transactions"].num_rows > 900
    assert gb.differences(ours, sql) == {}
    assert gb.differences(ours, pandas) == {}


def test_metrics_and_report(tmp_path):
    assert percentile([5, 1, 4, 2, 3], 50) == 3
    assert percentile(list(range(1, 101)), 99) == 99
    metrics = [Metric("a_ratio", 0.5, 1.15, "ratio").judge(),
               Metric("b_rate", 10, 20, "PDFs/s", higher_is_better=True).judge(),
               Metric("c_info", 3.0, None, "s").judge()]
    assert [m.status for m in metrics] == ["holds", "fails", "info"]
    report.write_json(tmp_path / "results.json", metrics, {"mode": "test"})
    report.write_markdown(tmp_path / "BENCHMARKS.md", metrics, {"mode": "test", "wall_s": 1})
    body = json.loads((tmp_path / "results.json").read_text())
    assert [m["name"] for m in body["metrics"]] == ["a_ratio", "b_rate", "c_info"]
    assert "| `b_rate` | 10 | ≥ 20 |" in (tmp_path / "BENCHMARKS.md").read_text()


def test_web_rows_are_recorded_beside_the_flight_rows(tmp_path):
    """``--only web --record`` puts its rows into the recorded run, saying where they were measured."""
    from benchmarks.metrics_web import ratios

    p50, qps = ratios({"p50_ms": 1.5, "qps": 400.0}, {"p50_ms": 1.0, "qps": 1000.0})
    assert (p50, qps) == (1.5, 0.4)
    recorded = [Metric("flight_named_p50_ms", 1.8, 3, "ms").judge(), Metric("web_vs_flight_p50", 9, 2, "x")]
    context = {"mode": "full", "machine": {"cpu": "Recorded CPU"}}
    report.write_json(tmp_path / "results.json", recorded, context)
    back, context = report.read_json(tmp_path / "results.json")
    assert context["machine"] == {"cpu": "Recorded CPU"} and context["mode"] == "full"
    new = [Metric("web_vs_flight_p50", p50, 2, "latency ratio").judge(),
           Metric("web_vs_flight_qps_16", qps, 0.5, "throughput ratio", higher_is_better=True).judge()]
    run = {"generated_at": "2026-12-04T09:00:00+00:00", "machine": {"cpus": 2, "cpu": "New CPU"}}
    merged = report.merge(back, new, run)
    assert [m.name for m in merged] == ["flight_named_p50_ms", "web_vs_flight_p50", "web_vs_flight_qps_16"]
    assert [m.status for m in merged] == ["holds", "holds", "fails"]
    assert merged[1].raw["measured"]["machine"]["cpu"] == "New CPU" and "2 × New CPU" in merged[1].scope
    report.write_markdown(tmp_path / "BENCHMARKS.md", merged, context)
    text = (tmp_path / "BENCHMARKS.md").read_text()
    assert "(Recorded CPU)" in text and "| `web_vs_flight_qps_16` | 0.4 | ≥ 0.5 |" in text
