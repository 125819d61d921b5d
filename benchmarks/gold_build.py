"""Three builds of the Gold logic on the same inputs: ours (Ibis), hand-written SQL, pandas.

:func:`load_inputs` plans every Silver input of the Gold jobs once, with the columns each job's spec
asks for: the Parquet files pyiceberg plans (what the runner hands DuckDB), or, with
``files=False``, Arrow tables read once from Iceberg. Each build then computes the Gold jobs in
registry order, feeding its own outputs (Arrow) to the later jobs, and casts each output to the
registry schema (the runner's ``_cast``). "Ours" is what the runner does between reading and
writing: a fresh DuckDB connection per job (the runner's settings), the inputs as views or
``ibis.memtable``, ``transform(...)``, the runner's Arrow result path. The SQL build reads the same
files (or Arrow tables) as DuckDB views; pandas reads them with ``pyarrow`` and ``to_pandas``.

At 10M trades the Arrow-input variant needs more than 15 GB in either DuckDB build (the inputs
alone are 4-5 GB), so the benchmarks feed every build from the files.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from collections.abc import Mapping, Sequence

import pyarrow as pa

from catalog.registry import table_spec
from catalog.store import DataFiles
from jobs.registry import jobs_for_layer
from jobs.runner import _cast
from jobs.spec import JobSpec


def benchmarked(jobs: Sequence[JobSpec], covered: set[str]) -> list[str]:
    """Of ``jobs`` (in run order), the outputs in ``covered`` whose Gold inputs are chosen too.

    Opt-in: a new Gold table needs no benchmark code; it joins the comparison once someone adds
    it to ``gold_sql.QUERIES`` and ``gold_pandas``.
    """
    chosen: list[str] = []
    for job in jobs:
        gold_inputs = {inp.table for inp in job.inputs.values() if inp.table.startswith("gold.")}
        if job.output in covered and gold_inputs <= set(chosen):
            chosen.append(job.output)
    return chosen


def _covered() -> set[str]:
    from benchmarks import gold_pandas, gold_sql

    return set(gold_sql.QUERIES) & set(gold_pandas.TABLES)


GOLD = benchmarked(jobs_for_layer("gold"), _covered())
TRENDING = "gold.agg_trending_stocks"


@dataclasses.dataclass(frozen=True)
class Files:
    """A Silver input as Parquet files (planned by pyiceberg) plus the columns to read."""

    files: DataFiles
    columns: tuple[str, ...] | None

    def sql(self) -> str:
        return self.files.read_parquet_sql(self.columns)

    def arrow(self) -> pa.Table:
        import pyarrow.parquet as pq

        names = [n for _, n, _ in self.files.fields if self.columns is None or n in self.columns]
        return pq.read_table(list(self.files.paths), columns=names, partitioning=None)


Input = pa.Table | Files


def job(name: str) -> JobSpec:
    return next(j for j in jobs_for_layer("gold") if j.output == name)


def load_inputs(store, jobs: Sequence[str], *, files: bool = True) -> dict[tuple[str, str], Input]:
    """(job, parameter) -> input, for every input that is not another Gold job's output."""
    cache: dict[tuple[str, tuple[str, ...] | None], Input] = {}
    out: dict[tuple[str, str], Input] = {}
    for name in jobs:
        for param, inp in job(name).inputs.items():
            if inp.table.startswith("gold."):
                continue
            key = (inp.table, inp.columns)
            if key not in cache:
                planned = store.data_files(inp.table) if files else None
                cache[key] = Files(planned, inp.columns) if planned and planned.paths else store.read(
                    inp.table, columns=inp.columns)
            out[(name, param)] = cache[key]
    return out


def inputs_for(silver: Mapping[tuple[str, str], Input], name: str, outputs: Mapping[str, pa.Table]
               ) -> dict[str, Input]:
    """A job's inputs: Silver from ``silver``, Gold from the build's own earlier outputs."""
    bound = {}
    for param, inp in job(name).inputs.items():
        if inp.table.startswith("gold."):
            table = outputs[inp.table]
            bound[param] = table.select(list(inp.columns)) if inp.columns else table
        else:
            bound[param] = silver[(name, param)]
    return bound


def cast(name: str, table: pa.Table) -> pa.Table:
    return _cast(table, table_spec(name).arrow_schema())


def build_ours(jobs: Sequence[str], silver: Mapping[tuple[str, str], Input]
               ) -> tuple[dict[str, pa.Table], dict[str, float]]:
    import ibis

    from jobs.runner import _connect, _to_arrow

    outputs: dict[str, pa.Table] = {}
    seconds: dict[str, float] = {}
    for name in jobs:
        began = time.perf_counter()
        con = _connect()  # the runner's connection and result path
        try:
            bound = {}
            for p, t in inputs_for(silver, name, outputs).items():
                if isinstance(t, Files):
                    view = f"_in_{uuid.uuid4().hex[:12]}"
                    con.raw_sql(f'CREATE VIEW "{view}" AS {t.sql()}')
                    bound[p] = con.table(view)
                else:
                    bound[p] = ibis.memtable(t)
            outputs[name] = cast(name, _to_arrow(con, job(name).transform(**bound)))
        finally:
            con.disconnect()
        seconds[name] = time.perf_counter() - began
    return outputs, seconds


def build_sql(jobs: Sequence[str], silver: Mapping[tuple[str, str], Input]
              ) -> tuple[dict[str, pa.Table], dict[str, float]]:
    from benchmarks import gold_sql

    return gold_sql.build(list(jobs), lambda name, outs: inputs_for(silver, name, outs), cast)


def build_pandas(jobs: Sequence[str], silver: Mapping[tuple[str, str], Input]
                 ) -> tuple[dict[str, pa.Table], dict[str, float]]:
    from benchmarks import gold_pandas

    def arrow(name: str, param: str) -> pa.Table:
        src = silver[(name, param)]
        return src.arrow() if isinstance(src, Files) else src

    return gold_pandas.build(list(jobs), arrow, cast)


BUILDS = {"ours": build_ours, "sql": build_sql, "pandas": build_pandas}


def canonical(name: str, table: pa.Table) -> list[tuple]:
    """Rows of an output, sorted, floats rounded: for comparing builds."""
    rows = []
    for r in table.to_pylist():
        rows.append(tuple((k, round(v, 6) if isinstance(v, float) else v) for k, v in r.items()))
    return sorted(rows, key=repr)


def differences(a: Mapping[str, pa.Table], b: Mapping[str, pa.Table]) -> dict[str, str]:
    """Tables whose rows differ between two builds, with the first difference."""
    out = {}
    for name in a:
        if name not in b:
            continue
        ra, rb = canonical(name, a[name]), canonical(name, b[name])
        if ra != rb:
            first = next((x, y) for x, y in zip(ra + [None], rb + [None], strict=False) if x != y)
            out[name] = f"{len(ra)} vs {len(rb)} rows; first difference: {first[0]} vs {first[1]}"[:600]
    return out
