"""Every silver and gold job, found in their packages; the order they run in is derived from what
each reads.

A job runs after every job that writes one of its inputs, or a table its output's checks read
(an audit judges against the tables it references, so those must be current). Adding a gold table
is its job file (a module-level ``JOB``), its table in catalog/registry.py and its business checks;
nothing lists or orders it by hand.
"""

from __future__ import annotations

import functools

from jobs.spec import ExtractionSpec, JobSpec, SourceSpec


def _extract_ptrs(store, **options):
    from jobs.silver.ptr_extraction import extract_ptrs

    return extract_ptrs(store, **options)


PTR_EXTRACTION = ExtractionSpec(
    name="silver.ptr_extraction",
    outputs=("silver.ptr_transactions", "silver.ptr_filings", "silver.extraction_issues", "silver.review_queue",
             "silver.schedule_b_transactions"),
    inputs=("bronze.house_documents",),
    run=_extract_ptrs,
)

def discover() -> tuple[JobSpec | ExtractionSpec, ...]:
    """Every job declared in a module of jobs/silver or jobs/gold (a module-level JobSpec or
    ExtractionSpec), in module order: a new job is its file, nothing to list here."""
    import importlib
    import pkgutil

    import jobs.gold
    import jobs.silver

    found: dict[str, JobSpec | ExtractionSpec] = {}
    for package in (jobs.silver, jobs.gold):
        for module in pkgutil.iter_modules(package.__path__):
            loaded = importlib.import_module(f"{package.__name__}.{module.name}")
            for value in vars(loaded).values():
                if isinstance(value, JobSpec | ExtractionSpec):
                    found.setdefault(value.name, value)
        if package is jobs.silver:
            found.setdefault(PTR_EXTRACTION.name, PTR_EXTRACTION)
    return tuple(found.values())


def outputs_of(job: JobSpec | ExtractionSpec) -> tuple[str, ...]:
    """The tables a job writes."""
    return job.outputs if isinstance(job, ExtractionSpec) else (job.output,)


def inputs_of(job: JobSpec | ExtractionSpec) -> set[str]:
    """The tables ``job`` must run after: its inputs and what its outputs' checks read."""
    from checks.runner import referenced_tables

    tables = set(job.inputs) if isinstance(job, ExtractionSpec) else {i.table for i in job.inputs.values()}
    for output in outputs_of(job):
        tables |= referenced_tables(output)
    return tables - set(outputs_of(job))


def run_order(jobs: tuple[JobSpec | ExtractionSpec, ...]) -> tuple[JobSpec | ExtractionSpec, ...]:
    """``jobs`` sorted so each runs after the jobs writing what it reads (stable: ties keep the
    declared order).

    Raises:
        ValueError: two jobs read each other's output (a cycle), or two jobs write one table.
    """
    writer: dict[str, JobSpec | ExtractionSpec] = {}
    for job in jobs:
        for table in outputs_of(job):
            if table in writer:
                raise ValueError(f"{table} is written by both {writer[table].name} and {job.name}")
            writer[table] = job
    needs = {job.name: {writer[t].name for t in inputs_of(job) if t in writer} for job in jobs}
    ordered: list[JobSpec | ExtractionSpec] = []
    done: set[str] = set()
    while len(ordered) < len(jobs):
        ready = [j for j in jobs if j.name not in done and needs[j.name] <= done]
        if not ready:
            cycle = sorted(j.name for j in jobs if j.name not in done)
            raise ValueError(f"these jobs read each other's outputs (a cycle): {', '.join(cycle)}")
        ordered.append(ready[0])
        done.add(ready[0].name)
    return tuple(ordered)


@functools.cache
def steps() -> tuple[JobSpec | ExtractionSpec, ...]:
    """Every job in run order (computed on first use: it imports the job modules and reads the
    checks files)."""
    return run_order(discover())


def all_jobs() -> tuple[JobSpec, ...]:
    """The Ibis jobs, in run order."""
    return tuple(j for j in steps() if isinstance(j, JobSpec))


def steps_for_layer(layer: str) -> list[JobSpec | ExtractionSpec]:
    """Every job writing ``layer`` ('silver' or 'gold'), extraction included, in run order."""
    if layer not in ("silver", "gold"):
        raise ValueError(f"layer must be 'silver' or 'gold', not {layer!r}")
    return [job for job in steps() if outputs_of(job)[0].startswith(f"{layer}.")]


def jobs_for_layer(layer: str) -> list[JobSpec]:
    """The Ibis jobs of ``layer``, in run order."""
    return [job for job in steps_for_layer(layer) if isinstance(job, JobSpec)]


@functools.cache
def sources() -> tuple[SourceSpec, ...]:
    """Every data source declared in a module of jobs/bronze (a module-level ``SourceSpec``), by name.

    Raises:
        ValueError: two sources share a name, or two claim the same table.
    """
    import importlib
    import pkgutil

    import jobs.bronze

    found: dict[str, SourceSpec] = {}
    owner: dict[str, str] = {}
    for module in pkgutil.iter_modules(jobs.bronze.__path__):
        loaded = importlib.import_module(f"jobs.bronze.{module.name}")
        for value in vars(loaded).values():
            if not isinstance(value, SourceSpec) or found.get(value.name) is value:
                continue
            if value.name in found:
                raise ValueError(f"two sources are named {value.name!r}")
            for table in value.writes:
                if table in owner:
                    raise ValueError(f"{table} is written by both sources {owner[table]!r} and {value.name!r}")
                owner[table] = value.name
            found[value.name] = value
    return tuple(sorted(found.values(), key=lambda s: s.name))


def source(name: str) -> SourceSpec:
    """The source called ``name``.

    Raises:
        KeyError: no such source (the message lists the known ones).
    """
    for spec in sources():
        if spec.name == name:
            return spec
    raise KeyError(f"No source named {name!r}; known: {', '.join(s.name for s in sources())}")
