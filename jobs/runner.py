"""The one runner every silver/gold job goes through.

For each input it reads either the rows appended since the source snapshot recorded in the
output's last commit, or the whole current snapshot; it binds them as Ibis tables, executes the
transform on DuckDB, and writes the result in one Iceberg transaction whose snapshot summary
records the source snapshot ids (the watermarks). When no input moved since the last commit it
does nothing, so a re-run adds no snapshot.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Mapping
from typing import Any, Protocol

import pyarrow as pa

from catalog.registry import table_spec
from catalog.store import SOURCE_PREFIX, STAGING_BRANCH, Store
from jobs.spec import JobSpec, ReadMode, WriteMode
from lakehouse.errors import CheckFailedError, JobError

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class JobResult:
    job: str
    output: str
    status: str
    """'committed', 'up_to_date' (no input moved) or 'no_changes' (inputs moved, nothing to write)."""
    rows_in: Mapping[str, int]
    rows_out: int
    snapshot_id: int | None
    sources: Mapping[str, int]
    seconds: float
    full_read: bool = False


class Auditor(Protocol):
    """Checks a staged snapshot of a table (see :func:`checks.runner.audit`)."""

    def __call__(self, table: str, snapshot_id: int, tables_at: Mapping[str, int]) -> Any: ...


def run_job(store: Store, spec: JobSpec, *, run_id: str, full_refresh: bool = False,
            auditor: Auditor | None = None) -> JobResult:
    """Run ``spec`` incrementally (or from scratch with ``full_refresh``) and commit its output.

    With an ``auditor`` the result is written, audited, then published (write-audit-publish):
    it lands on the staging branch first and reaches main only if the audit passes.

    Raises:
        JobError: the transform failed; the output table is unchanged.
        CheckFailedError: the audit failed; main is unchanged, the staging branch keeps the data.
    """
    import ibis

    started = time.perf_counter()
    marks = store.watermarks(spec.output)
    sources = {inp.table: store.current_snapshot_id(inp.table) for inp in spec.inputs.values()}
    if not full_refresh and all(sid == marks.get(table) for table, sid in sources.items()):
        return JobResult(spec.name, spec.output, "up_to_date", {}, 0, None, marks, time.perf_counter() - started)

    bound: dict[str, object] = {}
    rows_in: dict[str, int] = {}
    any_full = False
    for param, inp in spec.inputs.items():
        sid = sources[inp.table]
        if sid is None:
            data = store.read(inp.table, columns=inp.columns)
        elif inp.mode is ReadMode.APPENDED and not full_refresh:
            data, full = store.read_appended(inp.table, after=marks.get(inp.table), upto=sid, columns=inp.columns)
            any_full |= full
        else:
            data = store.read(inp.table, snapshot_id=sid, columns=inp.columns)
        rows_in[inp.table] = data.num_rows
        bound[param] = ibis.memtable(data)

    out_spec = table_spec(spec.output)
    target = out_spec.arrow_schema()
    con = ibis.duckdb.connect()
    try:
        expr = spec.transform(**bound)
        result = _cast(con.to_pyarrow(expr), target)
        if spec.write is WriteMode.MERGE:
            result = merge_rows(con, store, spec.output, result, on=spec.merge_on)
    except Exception as exc:
        raise JobError(f"{spec.name}: the transform failed, {spec.output} is unchanged: {exc}") from exc
    finally:
        con.disconnect()

    properties = {f"{SOURCE_PREFIX}{table}": str(sid) for table, sid in sources.items() if sid is not None}
    properties |= {"lakehouse.job": spec.name, "lakehouse.run-id": run_id}
    if spec.write is not WriteMode.REPLACE and result.num_rows == 0:
        # Nothing to write; the watermark stays, so the same (empty) range is re-read next time.
        return JobResult(spec.name, spec.output, "no_changes", rows_in, 0, None, marks, time.perf_counter() - started)
    partitions = None
    if spec.write is not WriteMode.REPLACE:
        partitions = {c: result.column(c).unique().to_pylist() for c in out_spec.partition_by} or None
    sources_now = {t: s for t, s in sources.items() if s is not None}
    snapshot_id = write_audit_publish(store, spec.output, result, properties, partitions, auditor, sources_now)
    logger.info("%s: wrote %d rows to %s (snapshot %s)", spec.name, result.num_rows, spec.output, snapshot_id)
    return JobResult(
        spec.name,
        spec.output,
        "committed",
        rows_in,
        result.num_rows,
        snapshot_id,
        {t: s for t, s in sources.items() if s is not None},
        time.perf_counter() - started,
        any_full,
    )


def write_audit_publish(
    store: Store,
    output: str,
    data: pa.Table,
    properties: Mapping[str, str],
    partitions: Mapping[str, list] | None,
    auditor: Auditor | None,
    tables_at: Mapping[str, int],
) -> int | None:
    """Commit ``data`` to ``output``: directly, or staged, audited and then published."""
    if auditor is None:
        return store.replace(output, data, properties, partition_values=partitions)
    staged = store.stage(output, data, properties, partition_values=partitions)
    if staged.snapshot_id is not None:
        report = auditor(output, staged.snapshot_id, tables_at)
        if not report.passed:
            raise CheckFailedError(
                f"{output}: the audit failed, nothing was published (main stays at snapshot "
                f"{staged.base_snapshot_id}; the rejected data is on branch '{STAGING_BRANCH}', e.g. "
                f"`lakehouse query --tag {STAGING_BRANCH} \"select * from {output}\"`).\n{report.summary()}",
                (report,),
            )
    return store.publish(staged)


def merge_rows(
    con, store: Store, output: str, result: pa.Table, *, on: tuple[str, ...] | None = None,
    replaced: pa.Table | None = None,
) -> pa.Table:
    """``result`` plus the existing rows (of the partitions it touches) it does not replace.

    Rows are replaced by the output's key, or by ``on`` — e.g. ``("doc_id",)`` to replace every
    row of a re-extracted document. ``replaced`` (columns ``on`` plus the partition columns) names
    rows to drop even when ``result`` has no row for them (a document that now yields none).
    """
    import ibis
    from pyiceberg.expressions import AlwaysTrue, And, In

    spec = table_spec(output)
    on = on or spec.key
    if not on:
        raise JobError(f"{output} has no key declared in the registry, so it cannot be merged into")
    # All-nullable while in DuckDB: ibis refuses to union tables that differ only in nullability.
    target = pa.schema([f.with_nullable(True) for f in spec.arrow_schema()])
    result = _cast(result, target)
    drop = result.select(list(on)) if replaced is None else replaced.select(list(on))
    where = AlwaysTrue()
    for col in spec.partition_by:
        values = set(result.column(col).to_pylist())
        if replaced is not None:
            values |= set(replaced.column(col).to_pylist())
        clause = In(col, sorted(v for v in values if v is not None))
        where = clause if isinstance(where, AlwaysTrue) else And(where, clause)
    existing = _cast(store.read(output, row_filter=where), target)
    kept = ibis.memtable(existing).anti_join(ibis.memtable(drop), list(on))
    return _cast(con.to_pyarrow(kept.union(ibis.memtable(result))), target)


def _cast(data: pa.Table, target: pa.Schema) -> pa.Table:
    """Order and cast ``data`` to ``target``; fails loudly on a missing column."""
    missing = [f.name for f in target if f.name not in data.column_names]
    if missing:
        raise JobError(f"the transform's result lacks columns {missing}")
    return pa.Table.from_arrays(
        [data.column(f.name).cast(f.type) for f in target], schema=target.with_metadata(None)
    )
