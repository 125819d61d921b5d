"""The run order is derived from what each job reads, never kept by hand."""

from __future__ import annotations

import dataclasses

import pytest

from jobs.registry import discover, inputs_of, outputs_of, run_order, steps


def test_every_job_runs_after_the_jobs_writing_what_it_reads():
    order = steps()
    position = {table: i for i, job in enumerate(order) for table in outputs_of(job)}
    for i, job in enumerate(order):
        for table in inputs_of(job):
            assert position.get(table, -1) < i, f"{job.name} reads {table} before it is written"
    names = [j.name for j in order]
    assert names.index("silver.filings") < names.index("silver.filer_matches") < names.index("gold.fact_filings")
    assert names.index("silver.senate_extraction") < names.index("silver.senate_filer_matches")
    layers = [n.split(".")[0] for n in names]
    assert layers == sorted(layers, key=["silver", "gold"].index)  # every silver job before any gold job


def test_every_job_module_is_found():
    assert {j.name for j in discover()} == {
        "silver.filings", "silver.filer_matches", "silver.member_match_issues", "silver.ptr_extraction",
        "silver.senate_extraction", "silver.senate_filer_matches",
        "gold.dim_members", "gold.fact_filings", "gold.fact_transactions", "gold.dim_assets",
        "gold.agg_trending_stocks", "gold.agg_member_stats"}


def test_the_declared_order_does_not_matter():
    assert {j.name for j in run_order(tuple(reversed(discover())))} == {j.name for j in discover()}
    shuffled = run_order(tuple(reversed(discover())))
    position = {table: i for i, job in enumerate(shuffled) for table in outputs_of(job)}
    assert all(position.get(t, -1) < i for i, job in enumerate(shuffled) for t in inputs_of(job))


def test_two_jobs_writing_one_table_are_refused():
    first = next(j for j in discover() if getattr(j, "output", None) == "gold.fact_filings")
    twin = dataclasses.replace(first, name="gold.fact_filings_again")
    with pytest.raises(ValueError, match="written by both"):
        run_order((first, twin))
