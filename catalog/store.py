"""The storage API the rest of the lakehouse uses: tables by name, reads at a snapshot, commits.

Every write is one Iceberg transaction. Job watermarks ride in the snapshot summary of the
output commit (``lakehouse.source.<table>`` = source snapshot id), so data and watermark land
together or not at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from catalog.registry import NAMESPACES, TABLES, TableSpec, table_spec
from lakehouse.errors import CommitConflictError, ConfigError, NoSuchSnapshotError, NoSuchTableError
from lakehouse.settings import Settings

if TYPE_CHECKING:
    from pyiceberg.catalog import Catalog
    from pyiceberg.table import Table

logger = logging.getLogger(__name__)


_POINTERS_SQL = (
    # pyiceberg's SQL catalog table (pyiceberg.catalog.sql.IcebergTables), read-only.
    "SELECT table_name, metadata_location FROM iceberg_tables "
    "WHERE catalog_name = :catalog AND table_namespace = :namespace"
)


@functools.cache
def _pointers_statement(dialect: Any, one_table: bool) -> tuple[str, tuple[str, ...] | None]:
    """The pointer query in ``dialect``'s own parameter style, and its parameter order if positional."""
    from sqlalchemy import text

    compiled = text(_POINTERS_SQL + (" AND table_name = :name" if one_table else "")).compile(dialect=dialect)
    order = compiled.positiontup
    return compiled.string, tuple(order) if order else None


SOURCE_PREFIX = "lakehouse.source."
"""Snapshot-summary key prefix of job watermarks: ``lakehouse.source.silver.filings = <snapshot id>``."""


@dataclasses.dataclass(frozen=True)
class AsOf:
    """Which version of a table to read: current, a snapshot id, a point in time, or a tag."""

    snapshot_id: int | None = None
    timestamp: dt.datetime | None = None
    tag: str | None = None

    def __post_init__(self) -> None:
        given = [x for x in (self.snapshot_id, self.timestamp, self.tag) if x is not None]
        if len(given) > 1:
            raise ValueError("Give at most one of snapshot id, timestamp and tag")

    @property
    def is_current(self) -> bool:
        return self.snapshot_id is None and self.timestamp is None and self.tag is None

    def describe(self) -> str:
        if self.snapshot_id is not None:
            return f"snapshot {self.snapshot_id}"
        if self.timestamp is not None:
            return f"as of {self.timestamp.isoformat()}"
        if self.tag is not None:
            return f"tag {self.tag!r}"
        return "current"


@dataclasses.dataclass(frozen=True)
class SnapshotInfo:
    """One snapshot of a table, as shown by ``lakehouse snapshots``."""

    snapshot_id: int
    parent_id: int | None
    committed_at: dt.datetime
    operation: str
    added_records: int
    total_records: int
    watermarks: Mapping[str, int]
    refs: tuple[str, ...]
    summary: Mapping[str, str]
    on_main: bool = True
    """Part of main's history; False for a write that was staged and never published (e.g. rejected)."""


@dataclasses.dataclass(frozen=True)
class DataFiles:
    """What :meth:`Store.data_files` planned: Parquet paths and (field id, name, DuckDB type) per column."""

    paths: tuple[str, ...]
    fields: tuple[tuple[int, str, str], ...]

    def read_parquet_sql(self, columns: Sequence[str] | None = None) -> str:
        """``SELECT … FROM read_parquet(…)`` mapping columns by field id (absent in old files: NULL)."""
        wanted = set(columns) if columns else None
        mapping = ", ".join(f"{fid}: {{name: '{name}', type: '{duck}', default_value: NULL}}"
                            for fid, name, duck in self.fields)
        names = ", ".join(f'"{name}"' for _, name, _ in self.fields if wanted is None or name in wanted)
        paths = ", ".join("'" + p.replace("'", "''") + "'" for p in self.paths)
        return f"SELECT {names} FROM read_parquet([{paths}], schema=MAP {{{mapping}}})"


_DUCKDB_TYPES = {"string": "VARCHAR", "int": "INTEGER", "long": "BIGINT", "boolean": "BOOLEAN",
                 "date": "DATE", "double": "DOUBLE", "float": "FLOAT", "timestamptz": "TIMESTAMPTZ",
                 "timestamp": "TIMESTAMP", "binary": "BLOB", "list<string>": "VARCHAR[]"}


@dataclasses.dataclass(frozen=True)
class Changes:
    """A keyed change to a table (:meth:`Store.write_changes`): rows whose ``key`` is in ``drop`` leave,
    ``add`` arrives."""

    key: str
    drop: Any
    """Key values (a list or an Arrow array) whose rows are removed."""
    add: pa.Table


STAGING_BRANCH = "staging"
"""Branch where writes wait for their audit; after a failed audit it keeps the rejected data."""


@dataclasses.dataclass(frozen=True)
class Staged:
    """A write on the staging branch, waiting to be published to main."""

    identifier: str
    snapshot_id: int | None
    base_snapshot_id: int


class Store:
    """Tables of one catalog, by their registry names."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._snapshot_at_location: dict[str, tuple[str, int | None]] = {}

    @classmethod
    def open(cls, settings: Settings) -> Store:
        from catalog.connect import load_catalog

        return cls(load_catalog(settings))

    # -- tables ---------------------------------------------------------------------------------

    def init_tables(self, specs: Sequence[TableSpec] = TABLES) -> list[str]:
        """Create missing namespaces and tables; add registry columns missing from existing ones.

        Evolution only adds columns (a metadata commit), so no data file is rewritten.

        Returns:
            One line per action taken, e.g. ``created bronze.house_fd_index``.
        """
        actions: list[str] = []
        existing_ns = {ns[0] for ns in self.catalog.list_namespaces()}
        for ns in NAMESPACES:
            if ns not in existing_ns:
                self.catalog.create_namespace_if_not_exists(ns)
                actions.append(f"created namespace {ns}")
        for spec in specs:
            if not self.catalog.table_exists(spec.identifier):
                self.catalog.create_table_if_not_exists(
                    spec.identifier,
                    schema=spec.schema,
                    partition_spec=spec.partition_spec,
                    sort_order=spec.sort_order,
                    properties=_table_properties(spec),
                )
                actions.append(f"created {spec.identifier}")
                continue
            table = self.catalog.load_table(spec.identifier)
            have = {f.name: f.field_type for f in table.schema().fields}
            # Compared as text: a list's element id is assigned by the catalog when the column is added.
            changed = [f"{c.name} ({have[c.name]} -> {c.type})" for c in spec.columns
                       if c.name in have and str(have[c.name]) != str(c.type) and not _widens(have[c.name], c.type)]
            if changed:
                raise ConfigError(
                    f"{spec.identifier}: the registry changed the type of {', '.join(changed)}; Iceberg only "
                    "widens types in place. Migrate the table (rename it and re-run the job) or drop it."
                )
            missing = [c for c in spec.columns if c.name not in have]
            if missing:
                with table.update_schema() as update:
                    for col in missing:
                        # New columns must be optional: existing rows have no value for them.
                        update.add_column(col.name, col.type, doc=col.doc)
                actions.append(f"evolved {spec.identifier}: added {', '.join(c.name for c in missing)}")
        return actions

    def table(self, identifier: str) -> Table:
        from pyiceberg.exceptions import NoSuchTableError as IcebergNoSuchTable

        try:
            return self.catalog.load_table(identifier)
        except IcebergNoSuchTable:
            raise NoSuchTableError(
                f"Table {identifier} does not exist in the catalog. Run `lakehouse init` to create the "
                "registered tables."
            ) from None

    def list_tables(self) -> list[str]:
        names: list[str] = []
        for ns in self.catalog.list_namespaces():
            names += [".".join(t) for t in self.catalog.list_tables(ns)]
        return sorted(names)

    # -- snapshots and time travel --------------------------------------------------------------

    def current_snapshot_id(self, identifier: str) -> int | None:
        """The table's current snapshot id, answered from one catalog row when its metadata did not move.

        Loading a table parses its whole metadata file (every snapshot: ~5 ms for a Gold table),
        while an Iceberg metadata file never changes once written: as long as the catalog points at
        the same file, the answer is the one found last time. A SQL catalog gives the pointer in
        one indexed query; other catalogs load the table each time.
        """
        namespace, _, name = identifier.rpartition(".")
        pointers = self._pointers(namespace, name) if namespace else None
        return self._snapshot_at(identifier, pointers.get(name) if pointers else None)

    def current_snapshot_ids(self, namespace: str) -> dict[str, int | None] | None:
        """Current snapshot id of every table of ``namespace``, from one catalog read.

        For readers that ask about several tables per request (the Flight server): one query
        instead of one per table. Tables whose pointer did not move are answered from memory.

        Returns:
            ``{"gold.t": snapshot id or None}``; None if the catalog is not a SQL catalog (then
            ask :meth:`current_snapshot_id` per table).
        """
        pointers = self._pointers(namespace)
        if pointers is None:
            return None
        return {f"{namespace}.{name}": self._snapshot_at(f"{namespace}.{name}", location)
                for name, location in pointers.items()}

    def _snapshot_at(self, identifier: str, location: str | None) -> int | None:
        known = self._snapshot_at_location.get(identifier)
        if location is not None and known is not None and known[0] == location:
            return known[1]
        table = self.table(identifier)
        snap = table.current_snapshot()
        snapshot_id = snap.snapshot_id if snap else None
        self._snapshot_at_location[identifier] = (table.metadata_location, snapshot_id)
        return snapshot_id

    def _pointers(self, namespace: str, name: str | None = None) -> dict[str, str] | None:
        """``{table name: metadata location}`` of ``namespace`` (or of one table) as the catalog has it now.

        SQL catalogs only (else None). Runs on a pooled DB-API connection: SQLAlchemy's statement
        execution cost several times the query itself, and the Flight server asks on every request.
        """
        from pyiceberg.catalog.sql import SqlCatalog

        if not isinstance(self.catalog, SqlCatalog):
            return None
        engine = self.catalog.engine
        sql, order = _pointers_statement(engine.dialect, name is not None)
        values = {"catalog": self.catalog.name, "namespace": namespace, "name": name}
        params: Any = tuple(values[k] for k in order) if order else values
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
            finally:
                cursor.close()
        finally:
            connection.close()  # back to the pool, rolled back
        return {table: location for table, location in rows}

    def resolve(self, identifier: str, as_of: AsOf) -> int | None:
        """The snapshot id to read for ``as_of``; None means the table has no data then.

        Raises:
            NoSuchSnapshotError: unknown snapshot id or tag, or a time before the first snapshot.
        """
        table = self.table(identifier)
        if as_of.is_current:
            snap = table.current_snapshot()
            return snap.snapshot_id if snap else None
        if as_of.snapshot_id is not None:
            if table.snapshot_by_id(as_of.snapshot_id) is None:
                raise NoSuchSnapshotError(
                    f"{identifier} has no snapshot {as_of.snapshot_id}. List them with "
                    f"`lakehouse snapshots {identifier}`."
                )
            return as_of.snapshot_id
        if as_of.tag is not None:
            ref = table.metadata.refs.get(as_of.tag)
            if ref is None:
                tags = sorted(n for n in table.metadata.refs if n != "main")
                raise NoSuchSnapshotError(
                    f"{identifier} has no tag or branch {as_of.tag!r}. Known refs: {', '.join(tags) or 'none'}."
                )
            return ref.snapshot_id
        assert as_of.timestamp is not None
        ts = as_of.timestamp if as_of.timestamp.tzinfo else as_of.timestamp.replace(tzinfo=dt.UTC)
        snap = table.snapshot_as_of_timestamp(int(ts.timestamp() * 1000))
        if snap is not None and _is_first_half_of_commit(table, snap):
            # An overwrite commits a delete snapshot and then an append a few ms later in one
            # transaction; a time between them means "before that commit".
            snap = table.snapshot_by_id(snap.parent_snapshot_id) if snap.parent_snapshot_id else None
        if snap is None:
            first = min((s.timestamp_ms for s in table.snapshots()), default=None)
            hint = (
                f"its first snapshot is at {_ms_to_dt(first).isoformat()}" if first else "it has no snapshots"
            )
            raise NoSuchSnapshotError(
                f"{identifier} did not exist yet at {ts.isoformat()}: {hint} (earlier snapshots may have been "
                "removed by `lakehouse maintain expire`; releases stay readable with --tag)."
            )
        return snap.snapshot_id

    def snapshot_time(self, identifier: str, snapshot_id: int) -> dt.datetime:
        """When ``snapshot_id`` became main's head: the time an "as of" read must name to get it.

        A write-audit-publish snapshot is written on the staging branch and published later, so
        its own timestamp precedes the moment readers of main could see it.
        """
        table = self.table(identifier)
        snap = table.snapshot_by_id(snapshot_id)
        if snap is None:
            raise NoSuchSnapshotError(f"{identifier} has no snapshot {snapshot_id}.")
        published = [e.timestamp_ms for e in table.metadata.snapshot_log if e.snapshot_id == snapshot_id]
        return _ms_to_dt(published[0] if published else snap.timestamp_ms)

    def snapshots(self, identifier: str) -> list[SnapshotInfo]:
        """Snapshots of ``identifier``, oldest first."""
        table = self.table(identifier)
        refs: dict[int, list[str]] = {}
        for name, ref in table.metadata.refs.items():
            refs.setdefault(ref.snapshot_id, []).append(name)
        from pyiceberg.table.snapshots import ancestors_of

        head = table.current_snapshot()
        main = {a.snapshot_id for a in ancestors_of(head, table.metadata)} if head else set()
        infos = []
        for snap in sorted(table.snapshots(), key=lambda s: (s.timestamp_ms, s.sequence_number or 0)):
            summary = _summary_dict(snap)
            infos.append(
                SnapshotInfo(
                    snapshot_id=snap.snapshot_id,
                    parent_id=snap.parent_snapshot_id,
                    committed_at=_ms_to_dt(snap.timestamp_ms),
                    operation=summary.get("operation", "?"),
                    added_records=int(summary.get("added-records", 0)),
                    total_records=int(summary.get("total-records", 0)),
                    watermarks=_watermarks(summary),
                    refs=tuple(sorted(refs.get(snap.snapshot_id, []))),
                    summary=summary,
                    on_main=snap.snapshot_id in main,
                )
            )
        return infos

    def watermarks(self, identifier: str) -> dict[str, int]:
        """Source snapshot ids recorded by the latest commit on ``main`` that recorded any."""
        from pyiceberg.table.snapshots import ancestors_of

        table = self.table(identifier)
        for snap in ancestors_of(table.current_snapshot(), table.metadata):
            marks = _watermarks(_summary_dict(snap))
            if marks:
                return marks
        return {}

    def watermarks_at(self, identifier: str, snapshot_id: int) -> dict[str, int]:
        """Watermarks in force at ``snapshot_id``: its own, else those of its nearest ancestor."""
        from pyiceberg.table.snapshots import ancestors_of

        table = self.table(identifier)
        for snap in ancestors_of(table.snapshot_by_id(snapshot_id), table.metadata):
            marks = _watermarks(_summary_dict(snap))
            if marks:
                return marks
        return {}

    def evolved_since_write(self, identifier: str) -> bool:
        """True when columns were added to the table after its last snapshot was written."""
        table = self.table(identifier)
        snap = table.current_snapshot()
        return snap is not None and snap.schema_id is not None and snap.schema_id != table.metadata.current_schema_id

    def row_count(self, identifier: str) -> int:
        snap = self.table(identifier).current_snapshot()
        return int(_summary_dict(snap).get("total-records", 0)) if snap else 0

    # -- reads ----------------------------------------------------------------------------------

    def read(
        self,
        identifier: str,
        *,
        snapshot_id: int | None = None,
        columns: Sequence[str] | None = None,
        row_filter: Any = None,
    ) -> pa.Table:
        """The rows of ``identifier`` at ``snapshot_id`` (default current), as Arrow.

        An empty table (no snapshot yet) reads as zero rows with the registered schema.
        """
        from pyiceberg.expressions import AlwaysTrue

        table = self.table(identifier)
        if snapshot_id is None and table.current_snapshot() is None:
            schema = table.schema().as_arrow()
            if columns:
                schema = pa.schema([schema.field(c) for c in columns])
            return schema.empty_table()
        scan = table.scan(
            row_filter=row_filter if row_filter is not None else AlwaysTrue(),
            selected_fields=tuple(columns) if columns else ("*",),
            snapshot_id=snapshot_id,
        )
        return scan.to_arrow()

    def read_appended(
        self, identifier: str, *, after: int | None, upto: int, columns: Sequence[str] | None = None
    ) -> tuple[pa.Table, bool]:
        """Rows appended to ``identifier`` after snapshot ``after`` up to ``upto`` (inclusive).

        pyiceberg's incremental scan only sees appends and raises when ``after`` is not an
        ancestor of ``upto`` (expired, or the table was rolled back). In that case, and on a first
        run, we read the whole table at ``upto`` instead.

        Returns:
            The rows, and True when they are the whole table (a full re-read).
        """
        table = self.table(identifier)
        fields = tuple(columns) if columns else ("*",)
        if after is not None and after == upto:
            return self.read(identifier, snapshot_id=upto, columns=columns).slice(0, 0), False
        if after is not None:
            try:
                scan = table.incremental_append_scan(
                    from_snapshot_id_exclusive=after, to_snapshot_id_inclusive=upto, selected_fields=fields
                )
                return scan.to_arrow(), False
            except ValueError as exc:
                logger.warning("%s: watermark %s unusable (%s); re-reading the whole table", identifier, after, exc)
        return self.read(identifier, snapshot_id=upto, columns=columns), True

    def read_batches(self, identifier: str, *, snapshot_id: int | None) -> pa.RecordBatchReader:
        """Stream ``identifier`` at ``snapshot_id`` file by file, never materialising it whole."""
        table = self.table(identifier)
        if snapshot_id is None:
            schema = table.schema().as_arrow()
            return pa.RecordBatchReader.from_batches(schema, iter(()))
        return table.scan(snapshot_id=snapshot_id).to_arrow_batch_reader()

    def data_files(self, identifier: str, *, snapshot_id: int | None = None) -> DataFiles | None:
        """The local Parquet files of ``identifier`` at a snapshot, planned by pyiceberg, for DuckDB.

        DuckDB then reads only the columns a query needs, straight from the files, without a
        Python copy (tech-notes §5, §6); columns are mapped by field id, so renamed and added
        columns read right. None when DuckDB cannot read the files faithfully: a snapshot with
        merge-on-read delete files, files without field ids (a name mapping), remote storage, or
        a type outside the map below. Callers then read with :meth:`read`.
        """
        table = self.table(identifier)
        if "schema.name-mapping.default" in table.metadata.properties:
            return None
        if snapshot_id is None and table.current_snapshot() is None:
            return DataFiles((), ())
        scan = table.scan(snapshot_id=snapshot_id)
        files = []
        for task in scan.plan_files():
            path = task.file.file_path
            if task.delete_files or "://" in path.removeprefix("file://"):
                return None
            files.append(path.removeprefix("file://"))
        fields = []
        for field in scan.projection().fields:
            duck = _DUCKDB_TYPES.get(str(field.field_type))
            if duck is None:
                return None
            fields.append((field.field_id, field.name, duck))
        return DataFiles(tuple(files), tuple(fields))

    def schema_at(self, identifier: str, snapshot_id: int | None) -> pa.Schema:
        """The Arrow schema of ``identifier`` as of ``snapshot_id`` (schemas evolve)."""
        table = self.table(identifier)
        if snapshot_id is not None:
            snap = table.snapshot_by_id(snapshot_id)
            if snap is not None and snap.schema_id is not None:
                return table.schemas()[snap.schema_id].as_arrow()
        return table.schema().as_arrow()

    def row_count_at(self, identifier: str, snapshot_id: int | None) -> int:
        if snapshot_id is None:
            return 0
        snap = self.table(identifier).snapshot_by_id(snapshot_id)
        return int(_summary_dict(snap).get("total-records", -1)) if snap else -1

    def changes(
        self, identifier: str, *, after: int, upto: int, columns: Sequence[str] | None = None,
        max_share: float | None = None,
    ) -> tuple[pa.Table, pa.Table] | None:
        """Rows in data files added and removed between two snapshots (any operation).

        Iceberg data files are immutable, so every row that appeared, disappeared or changed
        between ``after`` and ``upto`` lives in a file that one snapshot has and the other has not;
        unchanged rows of rewritten files show up on both sides and cancel out for the caller.
        Unlike pyiceberg's incremental append scan this sees overwrites and deletes too.

        Returns:
            (rows of added files, rows of removed files), or None when ``after`` is unknown (expired)
            or a snapshot carries merge-on-read delete files — then the caller re-reads in full. Also
            None when ``max_share`` is given and the added and removed files hold more rows than that
            share of the table at ``upto`` (counted from the manifests, before reading anything).
        """
        from pyiceberg.expressions import AlwaysTrue
        from pyiceberg.io.pyarrow import ArrowScan

        table = self.table(identifier)
        if table.snapshot_by_id(after) is None or table.snapshot_by_id(upto) is None:
            return None
        fields = tuple(columns) if columns else ("*",)

        def tasks(snapshot_id: int) -> dict[str, Any]:
            return {t.file.file_path: t for t in table.scan(snapshot_id=snapshot_id, selected_fields=fields).plan_files()}

        old, new = tasks(after), tasks(upto)
        if any(t.delete_files for t in (*old.values(), *new.values())):
            return None
        schema = table.schema() if columns is None else table.schema().select(*columns)
        scan = ArrowScan(table.metadata, table.io, schema, AlwaysTrue())
        added = [new[p] for p in sorted(new.keys() - old.keys())]
        removed = [old[p] for p in sorted(old.keys() - new.keys())]
        if max_share is not None:
            moved = sum(t.file.record_count for t in (*added, *removed))
            if moved > max_share * sum(t.file.record_count for t in new.values()):
                return None
        empty = schema.as_arrow().empty_table()
        return (scan.to_table(added) if added else empty, scan.to_table(removed) if removed else empty)

    # -- writes ---------------------------------------------------------------------------------

    def append(self, identifier: str, data: pa.Table, properties: Mapping[str, str] | None = None) -> int | None:
        """Append ``data`` in one commit; returns the new snapshot id (None when nothing to write)."""
        if data.num_rows == 0:
            return None
        table = self.table(identifier)
        table.append(conform(data, table), snapshot_properties=dict(properties or {}))
        return table.current_snapshot().snapshot_id  # type: ignore[union-attr]

    def set_watermark(self, identifier: str, properties: Mapping[str, str]) -> int | None:
        """Record watermarks when a job had nothing to write: an empty append snapshot.

        Without it the job would re-read the same (useless) input range on every run.
        """
        table = self.table(identifier)
        with table.transaction() as tx:
            with tx.update_snapshot(snapshot_properties=dict(properties)).fast_append():
                pass
        snap = table.current_snapshot()
        return snap.snapshot_id if snap else None

    def replace(
        self,
        identifier: str,
        data: pa.Table | pa.RecordBatchReader,
        properties: Mapping[str, str] | None = None,
        *,
        partition_values: Mapping[str, Iterable[Any]] | None = None,
        branch: str = "main",
    ) -> int | None:
        """Replace rows in one transaction: the whole table, or only the given partitions.

        ``partition_values`` (``{"year": [2025]}``) scopes the overwrite to those identity
        partitions, which pyiceberg drops as whole files instead of rewriting them. A
        ``pa.RecordBatchReader`` replaces the whole table without ever holding it in memory
        (:meth:`_replace_streamed`).
        """
        from pyiceberg.expressions import AlwaysTrue, And, In

        if isinstance(data, pa.RecordBatchReader):
            if partition_values:
                raise ValueError("a streamed replace writes the whole table; partition_values need a pa.Table")
            return self._replace_streamed(identifier, data, properties, branch=branch)
        table = self.table(identifier)
        where: Any = AlwaysTrue()
        for column, values in (partition_values or {}).items():
            clause = In(column, list(values))
            where = clause if isinstance(where, AlwaysTrue) else And(where, clause)
        before = table.metadata.refs.get(branch)
        with table.transaction() as tx, warnings.catch_warnings():
            # pyiceberg warns when the filter matches no rows (a first write, a new partition):
            # that is an expected case here, not a problem.
            warnings.filterwarnings("ignore", message="Delete operation did not match any records")
            tx.overwrite(conform(data, table), overwrite_filter=where, snapshot_properties=dict(properties or {}),
                         branch=branch)
        after = table.metadata.refs.get(branch)
        if after is None or (before is not None and after.snapshot_id == before.snapshot_id):
            return None
        return after.snapshot_id

    def _replace_streamed(
        self, identifier: str, batches: pa.RecordBatchReader, properties: Mapping[str, str] | None, *, branch: str
    ) -> int | None:
        """Replace the whole table with the rows of ``batches``, holding only a few files' worth at a time.

        Batches are fanned out by partition into buffers; a buffer is written as a data file once it
        reaches the table's target file size (at most ``STREAM_FLUSH_BYTES``), so memory stays near
        partitions × file size however big the result (a 10M-row fact table is ~4 GB of Arrow).
        pyiceberg 0.12 streams only into unpartitioned tables, hence the fan-out here. The commit
        is what :meth:`replace` commits: a delete of every file and an append, in one transaction.
        A failure before the commit leaves only unreferenced files (``lakehouse maintain orphans``).
        """
        import itertools
        import uuid

        from pyiceberg.expressions import AlwaysTrue
        from pyiceberg.io.pyarrow import _dataframe_to_data_files
        from pyiceberg.transforms import IdentityTransform

        table = self.table(identifier)
        metadata, io = table.metadata, table.io
        write_uuid, counter = uuid.uuid4(), itertools.count(0)
        spec_fields = metadata.spec().fields
        fan_out = all(isinstance(f.transform, IdentityTransform) for f in spec_fields)
        by = [metadata.schema().find_column_name(f.source_id) for f in spec_fields] if fan_out else []
        flush_at = min(int(table.properties.get("write.target-file-size-bytes", STREAM_FLUSH_BYTES)),
                       STREAM_FLUSH_BYTES)
        buffers: dict[tuple, list[pa.Table]] = {}
        sizes: dict[tuple, int] = {}
        files: list[Any] = []

        def flush(part: tuple) -> None:
            chunk = pa.concat_tables(buffers.pop(part))
            sizes.pop(part)
            files.extend(_dataframe_to_data_files(metadata, chunk, io, write_uuid, counter))

        for batch in batches:
            if not batch.num_rows:
                continue
            rows = conform(pa.Table.from_batches([batch]), table)
            for part, piece in _split_by(rows, by):
                buffers.setdefault(part, []).append(piece)
                sizes[part] = sizes.get(part, 0) + piece.nbytes
                if sizes[part] >= flush_at:
                    flush(part)
        for part in list(buffers):
            flush(part)

        props = dict(properties or {})
        before = table.metadata.refs.get(branch)
        with table.transaction() as tx, warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Delete operation did not match any records")
            if before is not None:
                tx.delete(delete_filter=AlwaysTrue(), snapshot_properties=props, branch=branch)
            with tx.update_snapshot(snapshot_properties=props, branch=branch).fast_append() as snap:
                for f in files:
                    snap.append_data_file(f)
        logger.info("%s: replaced by %d streamed rows in %d files", identifier,
                    sum(f.record_count for f in files), len(files))
        after = table.metadata.refs.get(branch)
        if after is None or (before is not None and after.snapshot_id == before.snapshot_id):
            return None
        return after.snapshot_id

    def write_changes(
        self,
        identifier: str,
        changes: Changes,
        properties: Mapping[str, str] | None = None,
        *,
        branch: str = "main",
    ) -> int | None:
        """Drop the rows whose ``changes.key`` is in ``changes.drop`` and append ``changes.add``, in one snapshot.

        Only the data files that hold a dropped key are rewritten (copy-on-write, file by file); the
        others stay referenced as they are. With nothing to drop this is a fast append: no existing
        file is read or rewritten. One snapshot either way (``append`` or ``overwrite``), carrying
        ``properties`` (the watermarks).

        Returns:
            The new snapshot id, or None when there was nothing to write.
        """
        import itertools
        import uuid

        import pyarrow.compute as pc
        from pyiceberg.expressions import AlwaysTrue
        from pyiceberg.io.pyarrow import ArrowScan, _dataframe_to_data_files

        table = self.table(identifier)
        add = conform(changes.add, table) if changes.add.num_rows else None
        drop = changes.drop
        if isinstance(drop, pa.ChunkedArray):
            drop = drop.combine_chunks()
        elif not isinstance(drop, pa.Array):
            drop = pa.array(list(drop))
        metadata, io = table.metadata, table.io
        write_uuid, counter = uuid.uuid4(), itertools.count(0)
        rewrites: list[tuple[Any, list[Any]]] = []
        if len(drop):
            scan = table.scan()
            if branch != "main":
                scan = scan.use_ref(branch)
            tasks = list(scan.plan_files())
            if any(t.delete_files for t in tasks):
                raise ValueError(f"{identifier} has merge-on-read delete files; write_changes rewrites whole files")
            full_scan = ArrowScan(metadata, io, metadata.schema(), AlwaysTrue())
            drop = drop.cast(metadata.schema().select(changes.key).as_arrow().field(0).type)
            hit = _files_holding(table, tasks, changes.key, drop)
            for task in tasks:
                if task.file.file_path not in hit:
                    continue  # the file holds none of the dropped keys: it stays as it is
                rows = full_scan.to_table([task])
                kept = rows.filter(pc.invert(pc.is_in(rows.column(changes.key), value_set=drop)))
                new = list(_dataframe_to_data_files(metadata, conform(kept, table), io, write_uuid, counter)) \
                    if kept.num_rows else []
                rewrites.append((task.file, new))
        added = list(_dataframe_to_data_files(metadata, add, io, write_uuid, counter)) if add is not None else []
        if not rewrites and not added:
            return None
        logger.info("%s: %d keys dropped, %d rows added; %d of its data files rewritten", identifier, len(drop),
                    add.num_rows if add is not None else 0, len(rewrites))
        before = table.metadata.refs.get(branch)
        with table.transaction() as tx:
            update = tx.update_snapshot(snapshot_properties=dict(properties or {}), branch=branch)
            if rewrites:
                with update.overwrite(commit_uuid=write_uuid) as snap:
                    for old, new in rewrites:
                        snap.delete_data_file(old)
                        for f in new:
                            snap.append_data_file(f)
                    for f in added:
                        snap.append_data_file(f)
            else:
                with update.fast_append() as snap:
                    for f in added:
                        snap.append_data_file(f)
        after = table.metadata.refs.get(branch)
        if after is None or (before is not None and after.snapshot_id == before.snapshot_id):
            return None
        return after.snapshot_id

    def stage(
        self,
        identifier: str,
        data: pa.Table | pa.RecordBatchReader | Changes,
        properties: Mapping[str, str] | None = None,
        *,
        partition_values: Mapping[str, Iterable[Any]] | None = None,
    ) -> Staged:
        """Write like :meth:`replace` (or :meth:`write_changes`, given :class:`Changes`), but on the
        ``staging`` branch, invisible to readers of main.

        The branch is first reset to main's head, so the staged snapshot is a child of it and
        :meth:`publish` is a fast-forward. A table with no snapshot yet gets an empty one first
        (Iceberg only branches from a snapshot); readers see an empty table either way.
        """
        table = self.table(identifier)
        if table.current_snapshot() is None:
            self.set_watermark(identifier, {})
            table = self.table(identifier)
        base = table.current_snapshot()
        assert base is not None
        manage = table.manage_snapshots()
        if STAGING_BRANCH in table.metadata.refs:
            manage = manage.remove_branch(STAGING_BRANCH)
        manage.create_branch(base.snapshot_id, STAGING_BRANCH).commit()
        if isinstance(data, Changes):
            staged = self.write_changes(identifier, data, properties, branch=STAGING_BRANCH)
        else:
            staged = self.replace(identifier, data, properties, partition_values=partition_values,
                                  branch=STAGING_BRANCH)
        return Staged(identifier, staged, base.snapshot_id)

    def publish(self, staged: Staged) -> int | None:
        """Move main to the staged snapshot (a fast-forward); no-op when nothing was staged.

        Raises:
            CommitConflictError: main moved since the write was staged; re-run the job.
        """
        if staged.snapshot_id is None:
            return None
        table = self.table(staged.identifier)
        head = table.current_snapshot()
        if head is None or head.snapshot_id != staged.base_snapshot_id:
            raise CommitConflictError(
                f"{staged.identifier}: main moved from snapshot {staged.base_snapshot_id} while the write was "
                "being audited; nothing was published. Re-run the job."
            )
        table.manage_snapshots().set_current_snapshot(snapshot_id=staged.snapshot_id).commit()
        return staged.snapshot_id


def _is_first_half_of_commit(table: Table, snap: Any) -> bool:
    """A delete snapshot whose child on main came from the same run (one logical commit)."""
    summary = _summary_dict(snap)
    if summary.get("operation") != "delete" or "lakehouse.run-id" not in summary:
        return False
    for entry in table.metadata.snapshot_log:
        child = table.snapshot_by_id(entry.snapshot_id)
        if child is not None and child.parent_snapshot_id == snap.snapshot_id:
            return _summary_dict(child).get("lakehouse.run-id") == summary["lakehouse.run-id"]
    return False


def _files_holding(table: Table, tasks: Sequence[Any], key: str, values: pa.Array) -> set[str]:
    """Paths of the data files (of ``tasks``) holding a row whose ``key`` is among ``values``.

    Reads only the key column: in one multi-threaded pyarrow scan when every file names it as the
    table does (columns are never renamed here), else file by file through pyiceberg (field ids).
    """
    import pyarrow.compute as pc
    import pyarrow.dataset as ds
    from pyiceberg.expressions import AlwaysTrue
    from pyiceberg.io.pyarrow import ArrowScan

    local = {t.file.file_path.removeprefix("file://"): t.file.file_path for t in tasks}
    if all("://" not in p for p in local):
        try:
            found = ds.dataset(list(local), format="parquet").to_table(
                columns=[key, "__filename"], filter=pc.field(key).isin(values))
            return {local[p] for p in pc.unique(found.column("__filename")).to_pylist()}
        except (pa.ArrowInvalid, KeyError):
            pass
    scan = ArrowScan(table.metadata, table.io, table.schema().select(key), AlwaysTrue())
    return {t.file.file_path for t in tasks if pc.any(pc.is_in(scan.to_table([t]).column(0), value_set=values)).as_py()}


KEYED_FILE_BYTES = 8 * 1024 * 1024
"""Target data-file size (in-memory Arrow bytes, as pyiceberg bins them) of Gold tables with a key.

Incremental jobs replace a key's rows by rewriting only the files that hold it (copy-on-write), so
smaller files mean less rewritten per changed key; 8 MiB is ~20k rows of gold.fact_transactions."""


STREAM_FLUSH_BYTES = 64 * 1024 * 1024
"""Largest buffer (Arrow bytes) a streamed replace holds per partition before writing it as a file."""


def _split_by(rows: pa.Table, columns: Sequence[str]) -> Iterable[tuple[tuple, pa.Table]]:
    """``rows`` split by the values of ``columns`` (identity partition columns); one piece when none."""
    import pyarrow.compute as pc

    if not columns:
        yield (), rows
        return
    combos = rows.select(list(columns)).group_by(list(columns)).aggregate([])
    if combos.num_rows == 1:
        yield tuple(combos.column(c)[0].as_py() for c in columns), rows
        return
    for values in combos.to_pylist():
        mask = None
        for column, value in values.items():
            cond = pc.is_null(rows.column(column)) if value is None else pc.equal(rows.column(column), value)
            mask = cond if mask is None else pc.and_(mask, cond)
        yield tuple(values[c] for c in columns), rows.filter(mask)


def _table_properties(spec: TableSpec) -> dict[str, str]:
    properties = {"format-version": "2", "write.parquet.compression-codec": "zstd"}
    if spec.identifier.startswith("gold.") and spec.key:
        properties["write.target-file-size-bytes"] = str(KEYED_FILE_BYTES)
    return properties


def _widens(old: Any, new: Any) -> bool:
    return (str(old), str(new)) in {("int", "long"), ("float", "double")}


def conform(data: pa.Table, table: Table) -> pa.Table:
    """Select and cast ``data`` to the table's current Arrow schema (by name)."""
    target = table.schema().as_arrow()
    missing = [f.name for f in target if f.name not in data.column_names and not f.nullable]
    if missing:
        raise ValueError(f"data for {table.name()} lacks required columns {missing}")
    arrays = [
        data.column(f.name).cast(f.type) if f.name in data.column_names else pa.nulls(data.num_rows, f.type)
        for f in target
    ]
    return pa.Table.from_arrays(arrays, schema=target)


def spec_arrow_schema(identifier: str) -> pa.Schema:
    return table_spec(identifier).arrow_schema()


def _summary_dict(snapshot: Any) -> dict[str, str]:
    if snapshot is None or snapshot.summary is None:
        return {}
    return {str(k): str(v) for k, v in snapshot.summary.model_dump().items()}


def _watermarks(summary: Mapping[str, str]) -> dict[str, int]:
    return {k[len(SOURCE_PREFIX):]: int(v) for k, v in summary.items() if k.startswith(SOURCE_PREFIX)}


def _ms_to_dt(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)
