"""Every silver and gold job, in the order they must run."""

from __future__ import annotations

from jobs.gold import agg_member_stats, agg_trending_stocks, dim_assets, dim_members, fact_filings, fact_transactions
from jobs.silver import filings, members
from jobs.spec import JobSpec

JOBS: tuple[JobSpec, ...] = (
    filings.JOB,
    members.MATCHES_JOB,
    members.ISSUES_JOB,
    dim_members.JOB,
    fact_filings.JOB,
    fact_transactions.JOB,
    dim_assets.JOB,
    agg_trending_stocks.JOB,
    agg_member_stats.JOB,
)


def jobs_for_layer(layer: str) -> list[JobSpec]:
    if layer not in ("silver", "gold"):
        raise ValueError(f"layer must be 'silver' or 'gold', not {layer!r}")
    return [job for job in JOBS if job.output.startswith(f"{layer}.")]
