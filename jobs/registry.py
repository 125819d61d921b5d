"""Every silver and gold job, in the order they must run."""

from __future__ import annotations

from jobs.gold import fact_filings
from jobs.silver import filings
from jobs.spec import JobSpec

JOBS: tuple[JobSpec, ...] = (filings.JOB, fact_filings.JOB)


def jobs_for_layer(layer: str) -> list[JobSpec]:
    if layer not in ("silver", "gold"):
        raise ValueError(f"layer must be 'silver' or 'gold', not {layer!r}")
    return [job for job in JOBS if job.output.startswith(f"{layer}.")]
