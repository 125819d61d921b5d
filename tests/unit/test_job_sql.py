"""Every job's transform compiles for DuckDB, Trino and Spark (Databricks dialect); SQL snapshot-tested.

Set UPDATE_SQL_SNAPSHOTS=1 to rewrite the snapshots after a deliberate change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import ibis
import pytest

from catalog.registry import table_spec
from jobs.registry import all_jobs

SNAPSHOTS = Path(__file__).parent / "sql_snapshots"
DIALECTS = ("duckdb", "trino", "databricks")


def unbound_inputs(job) -> dict:
    tables = {}
    for param, inp in job.inputs.items():
        schema = table_spec(inp.table).arrow_schema()
        full = ibis.Schema.from_pyarrow(schema)
        columns = inp.columns or tuple(full.names)
        tables[param] = ibis.table({c: full[c] for c in columns}, name=inp.table.replace(".", "_"))
    return tables


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("job", all_jobs(), ids=[j.name for j in all_jobs()])
def test_transform_compiles(job, dialect):
    sql = ibis.to_sql(job.transform(**unbound_inputs(job)), dialect=dialect)
    path = SNAPSHOTS / job.name / f"{dialect}.sql"
    if os.environ.get("UPDATE_SQL_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(str(sql).encode() + b"\n")
    assert path.exists(), f"no SQL snapshot for {job.name} ({dialect}); write it with UPDATE_SQL_SNAPSHOTS=1 and review it"
    assert str(sql).encode() + b"\n" == path.read_bytes(), f"SQL of {job.name} for {dialect} changed; see {path}"
