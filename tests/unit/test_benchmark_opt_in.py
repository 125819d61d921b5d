"""Benchmark re-implementations are opt-in per Gold table: a new table needs no benchmark code."""

from benchmarks import gold_pandas, gold_sql
from benchmarks.gold_build import GOLD, benchmarked
from jobs.registry import jobs_for_layer


def test_today_every_gold_table_is_re_implemented_in_both():
    assert sorted(GOLD) == sorted(job.output for job in jobs_for_layer("gold"))
    assert set(gold_sql.QUERIES) == set(gold_pandas.TABLES) == set(GOLD)


def test_a_table_without_re_implementation_is_left_out_with_what_reads_it():
    covered = set(gold_sql.QUERIES) - {"gold.fact_transactions"}
    assert benchmarked(jobs_for_layer("gold"), covered) == ["gold.dim_members", "gold.fact_filings"]
