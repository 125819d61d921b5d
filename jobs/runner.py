"""The one runner every silver/gold job goes through.

For each input it reads either the rows appended since the source snapshot recorded in the
output's last commit, or the whole current snapshot; it binds them as Ibis tables, executes the
transform on DuckDB, and writes the result in one Iceberg transaction whose snapshot summary
records the source snapshot ids (the watermarks). When no input moved since the last commit it
does nothing, so a re-run adds no snapshot.

Jobs with a :class:`jobs.spec.Scope` recompute only what changed: the runner diffs each input
between its watermark and its current snapshot (data files added vs removed, so overwrites and
deletes count too), turns the changed rows into keys, feeds the transform only those keys' rows,
and replaces only those keys' rows in the output — in fact only the keys whose recomputed rows
differ from the stored ones, by appending (new keys) and rewriting just the data files that hold a
changed key (:meth:`catalog.store.Store.write_changes`), in one snapshot. A full recompute happens
on a first run, with ``full_refresh``, when a non-key input (a dimension) changed, when a watermark
has expired, or when so much changed that recomputing everything is cheaper. A full recompute
streams DuckDB's result into the output's data files batch by batch (never the whole result in
memory), and DuckDB itself works within :class:`EngineLimits`, spilling to disk past them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

from catalog.registry import table_spec
from catalog.store import SOURCE_PREFIX, STAGING_BRANCH, Changes, Store, rows_where
from core.errors import CheckFailedError, CommitConflictError, JobError
from core.settings import Settings
from jobs.spec import JobSpec, ReadMode, WriteMode

logger = logging.getLogger(__name__)

FULL_RECOMPUTE_SHARE = 0.1
"""A scoped job recomputes everything when more keys changed than this share of its output rows
(and the output has at least ``FULL_RECOMPUTE_MIN_ROWS``; below that either way is instant)."""
FULL_RECOMPUTE_MIN_ROWS = 1000
STREAM_BATCH_ROWS = 122_880
"""Rows per Arrow batch when a full result streams from DuckDB into the output (DuckDB's row-group size)."""


@dataclasses.dataclass(frozen=True)
class EngineLimits:
    """What DuckDB may use in a job (``LAKEHOUSE_JOB_MEMORY_MB``, ``LAKEHOUSE_JOB_SPILL_DIR``).

    Past ``memory_mb`` DuckDB spills joins, aggregates and sorts to ``spill_dir`` instead of
    growing: at 10M trades a full Gold rebuild peaks at ~2.8 GB instead of ~6 GB at about the same
    speed; agg_trending_stocks at 100k trades takes ~1.4x longer (it spills), at 2.6 GB instead of 4.3.
    """

    memory_mb: int | None = Settings.job_memory_mb
    spill_dir: str | None = Settings.job_spill_dir

    @classmethod
    def from_settings(cls, settings: Settings) -> EngineLimits:
        return cls(settings.job_memory_mb, settings.job_spill_dir)


@dataclasses.dataclass(frozen=True)
class JobResult:
    """What one job run did: its status, rows read and written, and the snapshot it committed."""

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
    """True when the job recomputed everything rather than only what changed."""


class Auditor(Protocol):
    """Checks a staged snapshot of a table (see :func:`checks.runner.audit`)."""

    def __call__(self, table: str, snapshot_id: int, tables_at: Mapping[str, int]) -> Any: ...


def nothing_to_transform(store: Store, layer: str, today: dt.date | None = None) -> str | None:
    """Why ``layer`` has nothing to work on yet (a first run), or None when it has input.

    Without it a first ``transform`` would publish nothing and then fail its row-count audit with an
    alert, which reads as broken data when the only thing missing is an ingest.
    """
    from catalog.registry import iter_specs

    tables = set(store.list_tables())
    if not any(store.current_snapshot_id(s.identifier) is not None for s in iter_specs("bronze")
               if s.identifier in tables):
        year = (today or dt.date.today()).year
        return f"nothing ingested yet: run `lakehouse ingest house --year {year}` first"
    filings = [t for t in FILINGS_TABLES if t in tables]
    if layer == "gold" and filings and all(store.current_snapshot_id(t) is None for t in filings):
        return "nothing in silver yet: run `lakehouse transform silver` first"
    return None


FILINGS_TABLES = ("silver.filings", "silver.senate_filings")
"""Each chamber's filings in silver: gold has input once either holds a snapshot."""


def run_job(store: Store, spec: JobSpec, *, run_id: str, full_refresh: bool = False,
            auditor: Auditor | None = None, limits: EngineLimits = EngineLimits()) -> JobResult:
    """Run ``spec`` incrementally (or from scratch with ``full_refresh``) and commit its output.

    With an ``auditor`` the result is written, audited, then published (write-audit-publish):
    it lands on the staging branch first and reaches main only if the audit passes.

    Raises:
        JobError: the transform failed; the output table is unchanged.
        CheckFailedError: the audit failed; main is unchanged, the staging branch keeps the data.
    """
    started = time.perf_counter()
    marks = store.watermarks(spec.output)
    sources = {inp.table: store.current_snapshot_id(inp.table) for inp in spec.inputs.values()}
    # A column added to the output (lakehouse init) is filled by recomputing everything once.
    full_refresh = full_refresh or store.evolved_since_write(spec.output)
    if not full_refresh and all(sid == marks.get(table) for table, sid in sources.items()):
        return JobResult(spec.name, spec.output, "up_to_date", {}, 0, None, marks, time.perf_counter() - started)

    out_spec = table_spec(spec.output)
    target = out_spec.arrow_schema()
    properties = {f"{SOURCE_PREFIX}{table}": str(sid) for table, sid in sources.items() if sid is not None}
    properties |= {"lakehouse.job": spec.name, "lakehouse.run-id": run_id}
    sources_now = {t: s for t, s in sources.items() if s is not None}
    con = _connect(limits)
    try:
        affected = None if full_refresh or spec.scope is None else _affected_keys(con, store, spec, marks, sources)
        if affected is not None and affected.num_rows == 0:
            # Inputs moved but no row of interest changed (e.g. an identical re-ingest): just record it.
            store.set_watermark(spec.output, properties)
            return JobResult(spec.name, spec.output, "no_changes", {}, 0, None, sources_now,
                             time.perf_counter() - started)
        if affected is not None and (rows := store.row_count(spec.output)) >= FULL_RECOMPUTE_MIN_ROWS \
                and affected.num_rows > FULL_RECOMPUTE_SHARE * rows:
            # So many keys changed that recomputing everything is cheaper than a keyed merge (a small
            # dimension such as dim_assets): the same result as a rebuild, by definition.
            affected = None
        bound, rows_in, any_full = _bind_inputs(con, store, spec, marks, sources, full_refresh, affected)
        streamed = affected is None and (spec.write is WriteMode.REPLACE
                                         or (spec.write is WriteMode.MERGE and spec.scope is not None))
        try:
            expr = spec.transform(**bound)
            partitions = None
            if streamed:
                # The result is the table's whole new content: stream it from DuckDB into data files
                # instead of materialising it (a 10M-row fact table is ~4 GB of Arrow).
                result = _CountingReader(_to_arrow_reader(con, expr, spec.output), target)
            else:
                result = _cast(_to_arrow(con, expr, spec.output), target)
            if affected is not None:
                changes = keyed_changes(con, store, spec.output, result, key=spec.scope.key, affected=affected)
                if changes is None:
                    result, partitions = merge_rows(con, store, spec.output, result, on=(spec.scope.key,),
                                                    replaced=affected)
                elif not len(changes.drop) and not changes.add.num_rows:
                    # Recomputed, and every row came out as it was: only the watermark moves.
                    store.set_watermark(spec.output, properties)
                    return JobResult(spec.name, spec.output, "no_changes", rows_in, 0, None, sources_now,
                                     time.perf_counter() - started)
                else:
                    logger.info("%s: %d keys recomputed, %d existing keys changed, %d rows to add", spec.name,
                                affected.num_rows, len(changes.drop), changes.add.num_rows)
                    result = changes
            elif spec.write is WriteMode.MERGE and spec.scope is None:
                result, partitions = merge_rows(con, store, spec.output, result, on=spec.merge_on)
            elif spec.write is WriteMode.REPLACE_PARTITIONS:
                partitions = {c: result.column(c).unique().to_pylist() for c in out_spec.partition_by} or None
        except CheckFailedError:
            raise
        except Exception as exc:
            raise _transform_failed(spec, exc) from exc

        if spec.write is WriteMode.REPLACE_PARTITIONS and result.num_rows == 0:
            # Nothing to write; the watermark stays, so the same (empty) range is re-read next time.
            return JobResult(spec.name, spec.output, "no_changes", rows_in, 0, None, marks,
                             time.perf_counter() - started)
        if streamed:
            try:
                snapshot_id = write_audit_publish(store, spec.output, result.reader, properties, None, auditor,
                                                  sources_now)
            except (CheckFailedError, CommitConflictError):
                raise
            except Exception as exc:
                if not result.failed:
                    raise
                raise _transform_failed(spec, exc) from exc
            rows_out = result.rows
        else:
            snapshot_id = write_audit_publish(store, spec.output, result, properties, partitions, auditor,
                                              sources_now)
            rows_out = result.add.num_rows if isinstance(result, Changes) else result.num_rows
    finally:
        con.disconnect()

    logger.info("%s: wrote %d rows to %s (snapshot %s)", spec.name, rows_out, spec.output, snapshot_id)
    return JobResult(spec.name, spec.output, "committed", rows_in, rows_out, snapshot_id, sources_now,
                     time.perf_counter() - started, any_full or affected is None)


def _transform_failed(spec: JobSpec, exc: Exception) -> JobError:
    return JobError(f"{spec.name}: the transform failed, {spec.output} is unchanged: {exc}")


class _CountingReader:
    """A DuckDB result stream cast to the output schema, counting rows and noting a failure.

    A query error surfaces while the store consumes the stream; ``failed`` tells the runner it was
    the transform (a :class:`JobError`), not the write.
    """

    def __init__(self, source: pa.RecordBatchReader, target: pa.Schema) -> None:
        self.rows = 0
        self.failed = False
        self._source = source
        self._target = target.with_metadata(None)
        self.reader = pa.RecordBatchReader.from_batches(self._target, self._batches())

    def _batches(self):
        while True:
            try:
                batch = self._source.read_next_batch()
            except StopIteration:
                return
            except Exception:
                self.failed = True
                raise
            self.rows += batch.num_rows
            yield _cast(batch, self._target)


def _bind_inputs(con, store: Store, spec: JobSpec, marks: Mapping[str, int],
                 sources: Mapping[str, int | None], full_refresh: bool,
                 affected: pa.Table | None) -> tuple[dict, dict, bool]:
    import ibis

    bound: dict[str, object] = {}
    rows_in: dict[str, int] = {}
    any_full = False
    keys = affected.column(0).to_pylist() if affected is not None else None
    for param, inp in spec.inputs.items():
        sid = sources[inp.table]
        if sid is None:
            data = store.read(inp.table, columns=inp.columns)
        elif keys is not None and param in spec.scope.feeds:
            # A semi-join in DuckDB: binding thousands of keys as a pyiceberg In() costs seconds.
            data = _read_keys(con, store, inp.table, sid, inp.columns, spec.scope.feeds[param], affected)
            if data is None:
                data = store.read(inp.table, snapshot_id=sid, columns=inp.columns,
                                  row_filter=rows_where(**{spec.scope.feeds[param]: keys}))
        elif (inp.mode is not ReadMode.APPENDED or full_refresh) and (
                view := _scan(con, store, inp.table, sid, inp.columns)) is not None:
            bound[param] = view
            rows_in[inp.table] = store.row_count_at(inp.table, sid)
            continue
        elif inp.mode is ReadMode.APPENDED and not full_refresh:
            data, full = store.read_appended(inp.table, after=marks.get(inp.table), upto=sid, columns=inp.columns)
            any_full |= full
        else:
            data = store.read(inp.table, snapshot_id=sid, columns=inp.columns)
        rows_in[inp.table] = data.num_rows
        bound[param] = ibis.memtable(data)
    return bound, rows_in, any_full


def _affected_keys(con, store: Store, spec: JobSpec, marks: Mapping[str, int],
                   sources: Mapping[str, int | None]) -> pa.Table | None:
    """Keys whose output rows must be recomputed, or None for a full recompute."""
    import ibis

    scope = spec.scope
    assert scope is not None
    changed: list = []
    for param, inp in spec.inputs.items():
        sid, mark = sources[inp.table], marks.get(inp.table)
        if sid == mark:
            continue
        if sid is None or mark is None or param not in scope.feeds:
            return None
        # Diff on the projection plus the natural key: a set difference over the projection alone
        # would collapse a new row that looks like an existing one (same ticker, same day) and miss it.
        diff = store.changes(inp.table, after=mark, upto=sid, columns=_with_key(inp.table, inp.columns),
                             max_share=scope.recompute_share)
        if diff is None:
            return None
        added, removed = (ibis.memtable(_nullable(t)) for t in diff)
        # Rows that appeared (new or changed) and rows that disappeared (changed or deleted): a key
        # with rows of the second kind was present before, one with only the first kind is new.
        came, went = added.difference(removed), removed.difference(added)
        feed = scope.feeds[param]
        changed.append(came.select(**{scope.key: came[feed]}, was_present=ibis.literal(False)))
        changed.append(went.select(**{scope.key: went[feed]}, was_present=ibis.literal(True)))
    if not changed:
        return pa.table({scope.key: pa.array([], pa.large_string())})
    keys = ibis.union(*changed, distinct=False)
    keys = keys.filter(keys[scope.key].notnull())
    keys = keys.group_by(scope.key).agg(was_present=keys.was_present.any())
    if scope.expand is not None:
        extra = {}
        for name in scope.expand_inputs:
            inp = spec.inputs[name]
            extra[name] = _scan(con, store, inp.table, sources[inp.table], inp.columns)
            if extra[name] is None:
                data = store.read(inp.table, snapshot_id=sources[inp.table], columns=inp.columns)
                extra[name] = ibis.memtable(data)
        keys = scope.expand(keys, **extra)
    return con.to_pyarrow(keys.select(scope.key).distinct().order_by(scope.key))


def _with_key(table: str, columns: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if columns is None:
        return None
    return tuple(columns) + tuple(k for k in table_spec(table).key if k not in columns)


def write_audit_publish(
    store: Store,
    output: str,
    data: pa.Table | pa.RecordBatchReader | Changes,
    properties: Mapping[str, str],
    partitions: Mapping[str, list] | None,
    auditor: Auditor | None,
    tables_at: Mapping[str, int],
) -> int | None:
    """Commit ``data`` to ``output``: directly, or staged, audited and then published.

    ``data`` is either rows (replacing the table, or the ``partitions``; a stream replaces the whole
    table) or a keyed :class:`Changes`.
    """
    if auditor is None:
        if isinstance(data, Changes):
            return store.write_changes(output, data, properties)
        return store.replace(output, data, properties, partition_values=partitions)
    staged = store.stage(output, data, properties, partition_values=partitions)
    if staged.snapshot_id is not None:
        report = auditor(output, staged.snapshot_id, tables_at)
        if not report.passed:
            raise CheckFailedError(
                f"{output}: the audit failed, nothing was published (main stays at snapshot "
                f"{staged.base_snapshot_id}; the rejected data is on branch '{STAGING_BRANCH}', e.g. "
                f"`lakehouse query --tag {STAGING_BRANCH} 'select * from {output}'`).\n{report.summary()}\n"
                f"{_advice(report)}",
                (report,),
            )
    return store.publish(staged)


def write_audit_publish_together(
    store: Store,
    job: str,
    writes: list[tuple[str, pa.Table, Mapping[str, list] | None]],
    properties: Mapping[str, str],
    auditor: Auditor,
    tables_at: Mapping[str, int],
) -> dict[str, int | None]:
    """Stage several tables written by one job, audit each against the staged others, publish all or none.

    Tables that reference each other (transactions → filings, terms → members) must be judged
    together: auditing one against the other's *published* state would reject a consistent batch.

    Returns:
        Each table's published snapshot id (None when nothing was staged for it).

    Raises:
        CheckFailedError: an audit failed; main is unchanged for every table, the rejected rows
            are on the staging branch.
    """
    staged = [store.stage(identifier, data, properties, partition_values=partitions)
              for identifier, data, partitions in writes]
    seen = dict(tables_at) | {s.identifier: s.snapshot_id for s in staged if s.snapshot_id is not None}
    failed = [report for s in staged if s.snapshot_id is not None
              for report in [auditor(s.identifier, s.snapshot_id, seen)] if not report.passed]
    if failed:
        raise CheckFailedError(
            f"{job}: the audit of {', '.join(r.table for r in failed)} failed; nothing was published (main "
            f"is unchanged; the rejected rows are on branch '{STAGING_BRANCH}').\n"
            + "\n".join(r.summary() for r in failed) + "\n" + _advice(failed[0]),
            tuple(failed),
        )
    return {s.identifier: store.publish(s) for s in staged}


def _advice(report: Any) -> str:
    advice = getattr(report, "advice", None)
    return advice() if callable(advice) else ""


def keyed_changes(con, store: Store, output: str, result: pa.Table, *, key: str,
                  affected: pa.Table) -> Changes | None:
    """What must change in ``output`` so that the rows of the ``affected`` keys become ``result``.

    ``result`` holds the recomputed rows of every affected key. The existing rows of those keys are
    read (a semi-join in DuckDB) and compared with it: only keys whose rows differ (a multiset
    difference over all columns) are dropped and re-added. A key recomputed to exactly its current
    rows is left alone, and a key not yet in the output is only added, so an append-only batch
    becomes an append that rewrites no existing file.

    Returns:
        The keyed change, or None when the output cannot be read through DuckDB (then the caller
        merges with :func:`merge_rows`).
    """
    import ibis

    target = _nullable_schema(table_spec(output).arrow_schema())
    existing = _read_keys(con, store, output, None, None, key, affected)
    if existing is None:
        return None
    new = ibis.memtable(_cast(result, target))
    old = ibis.memtable(_cast(existing, target))
    differ = new.difference(old, distinct=False).union(old.difference(new, distinct=False))
    keys = con.to_pyarrow(differ.select(key).distinct())
    if keys.num_rows == 0:
        return Changes(key, pa.array([], pa.large_string()), result.schema.empty_table())
    changed = ibis.memtable(keys)
    add = _cast(_to_arrow(con, new.semi_join(changed, key)), result.schema)
    drop = con.to_pyarrow(changed.semi_join(old.select(key).distinct(), key)).column(0)
    return Changes(key, drop, add)


def merge_rows(
    con, store: Store, output: str, result: pa.Table, *, on: tuple[str, ...] | None = None,
    replaced: pa.Table | None = None,
) -> tuple[pa.Table, dict[str, list] | None]:
    """``result`` plus the existing rows of the partitions concerned that it does not replace.

    Rows are replaced by the output's key, or by ``on`` — e.g. ``("doc_id",)`` to replace every
    row of a re-extracted document. ``replaced`` (a table with the ``on`` columns) names rows to
    drop even when ``result`` has none for them (a document that now yields no row).

    Returns:
        The merged rows and the partitions they are the complete content of (None: the whole table).
    """
    import ibis

    spec = table_spec(output)
    on = on or spec.key
    if not on:
        raise JobError(f"{output} has no key declared in the registry, so it cannot be merged into")
    # All-nullable while in DuckDB: ibis refuses to union tables that differ only in nullability.
    target = _nullable_schema(spec.arrow_schema())
    result = _cast(result, target)
    drop = result.select(list(on)) if replaced is None else replaced.select(list(on))
    partitions: dict[str, list] = {}
    for col in spec.partition_by:
        values = set(result.column(col).to_pylist())
        if replaced is not None and col in replaced.column_names:
            values |= set(replaced.column(col).to_pylist())
        elif replaced is not None and len(on) == 1 and drop.num_rows:
            hit = _read_keys(con, store, output, None, [col], on[0], drop)
            if hit is None:
                hit = store.read(output, columns=[col], row_filter=rows_where(**{on[0]: drop.column(0).to_pylist()}))
            values |= set(hit.column(col).to_pylist())
        partitions[col] = sorted(v for v in values if v is not None)
    where = rows_where(**partitions)
    new = ibis.memtable(result)
    existing = _scan(con, store, output, None, None)
    if existing is not None:
        # Filtered and anti-joined inside DuckDB: the partitions are never copied into Python.
        for col, values in partitions.items():
            existing = existing.filter(existing[col].isin(values))
        existing = existing.select([existing[c].cast(t) for c, t in new.schema().items()])
    else:
        existing = ibis.memtable(_cast(store.read(output, row_filter=where), target))
    kept = existing.anti_join(ibis.memtable(drop), list(on))
    return _cast(_to_arrow(con, kept.union(new)), target), (partitions or None)


def _connect(limits: EngineLimits | None = None):
    """A DuckDB connection for one job; without ``limits`` DuckDB's own default (80 % of RAM) applies."""
    import tempfile

    import ibis

    con = ibis.duckdb.connect()
    # VARCHAR arrives as large_string, the type Iceberg tables hold, so results need no cast copy.
    con.raw_sql("SET arrow_large_buffer_size = true")
    if limits is not None and limits.memory_mb:
        spill = limits.spill_dir or str(Path(tempfile.gettempdir()) / "lakehouse-duckdb-spill")
        con.raw_sql(f"SET memory_limit = '{int(limits.memory_mb)}MiB'")
        con.raw_sql(f"SET temp_directory = '{spill.replace(chr(39), chr(39) * 2)}'")
    return con


def tag_quality_issues(identifier: str, rows: pa.Table) -> pa.Table:
    """``rows`` for ``identifier`` with ``quality_issues`` set by its row rules (for writers that
    build Arrow rows themselves; jobs get it through :func:`_relation`)."""
    from checks.runner import tag_rows_sql

    sql = tag_rows_sql(identifier, "_rows", rows.column_names)
    if sql is None:
        return rows
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        con.register("_rows", rows)
        tagged = con.sql(sql).to_arrow_table()
    finally:
        con.close()
    schema = rows.schema
    if "quality_issues" not in schema.names:
        schema = schema.append(pa.field("quality_issues", pa.large_list(pa.large_string())))
    return _cast(tagged, schema)


def _relation(con, expr, output: str | None):
    """The result as a DuckDB relation, with ``quality_issues`` set by ``output``'s row rules.

    The rules live in the output's SodaCL file (``fail condition`` + ``row_issue``): the audit
    measures them and the rows carry them, from one definition.
    """
    relation = con._to_duckdb_relation(expr)
    if output is None:
        return relation
    from checks.runner import tag_rows_sql

    sql = tag_rows_sql(output, "_result", relation.columns)
    return relation if sql is None else relation.query("_result", sql)


def _to_arrow_reader(con, expr, output: str | None = None) -> pa.RecordBatchReader:
    """The result as a stream of DuckDB's Arrow batches (large_string, as :func:`_to_arrow`)."""
    return _relation(con, expr, output).to_arrow_reader(STREAM_BATCH_ROWS)


def _to_arrow(con, expr, output: str | None = None) -> pa.Table:
    """The result as DuckDB's own Arrow table.

    ``con.to_pyarrow`` would cast every large_string column to string (ibis' type for it) and
    ``_cast`` would copy it back: two copies of every string, seconds at 10M rows.
    """
    return _relation(con, expr, output).to_arrow_table()


def _scan(con, store: Store, identifier: str, snapshot_id: int | None, columns) -> Any:
    """A DuckDB view over the table's Parquet files at the snapshot, or None (then read with pyiceberg)."""
    import uuid

    files = store.data_files(identifier, snapshot_id=snapshot_id)
    if files is None or not files.paths:
        return None
    name = f"_scan_{uuid.uuid4().hex[:12]}"
    con.raw_sql(f'CREATE VIEW "{name}" AS {files.read_parquet_sql(columns)}')
    return con.table(name)


def _read_keys(con, store: Store, identifier: str, snapshot_id: int | None, columns, column: str,
               keys: pa.Table) -> pa.Table | None:
    """Rows whose ``column`` is among the first column of ``keys``, or None (read with pyiceberg)."""
    import ibis

    view = _scan(con, store, identifier, snapshot_id, None if columns is None else [*columns, column])
    if view is None:
        return None
    wanted = ibis.memtable(keys.select([0]).rename_columns(["_key"]))
    rows = view.semi_join(wanted, view[column] == wanted["_key"])
    return _to_arrow(con, rows.select(*(columns or view.columns)))


def _nullable_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([f.with_nullable(True) for f in schema])


def _nullable(data: pa.Table) -> pa.Table:
    return data.cast(_nullable_schema(data.schema))


def _cast(data: pa.Table | pa.RecordBatch, target: pa.Schema) -> Any:
    """Order and cast ``data`` (a table or one batch of a stream) to ``target``; fails loudly on a
    missing column."""
    missing = [f.name for f in target if f.name not in data.schema.names]
    if missing:
        raise JobError(f"the transform's result lacks columns {missing}")
    return type(data).from_arrays(
        [data.column(f.name).cast(f.type) for f in target], schema=target.with_metadata(None)
    )
