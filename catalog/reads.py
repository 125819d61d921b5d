"""Reads of a table at a version: rows, appended rows, batches, data files, changes (part of :class:`catalog.store.Store`)."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from catalog.versions import _summary_dict

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class DataFiles:
    """What :meth:`Store.data_files` planned: Parquet paths and (field id, name, DuckDB type) per column."""

    paths: tuple[str, ...]
    fields: tuple[tuple[int, str, str], ...]
    defaults: tuple[tuple[int, str], ...] = ()
    """(field id, SQL literal) of columns with an initial default: what files older than the column hold."""

    def read_parquet_sql(self, columns: Sequence[str] | None = None) -> str:
        """``SELECT … FROM read_parquet(…)`` mapping columns by field id (absent in old files: the
        column's initial default, else NULL)."""
        wanted = set(columns) if columns else None
        defaults = dict(self.defaults)
        mapping = ", ".join(f"{fid}: {{name: '{name}', type: '{duck}', default_value: {defaults.get(fid, 'NULL')}}}"
                            for fid, name, duck in self.fields)
        names = ", ".join(f'"{name}"' for _, name, _ in self.fields if wanted is None or name in wanted)
        paths = ", ".join("'" + p.replace("'", "''") + "'" for p in self.paths)
        return f"SELECT {names} FROM read_parquet([{paths}], schema=MAP {{{mapping}}})"


def _sql_literal(value: Any, duck_type: str) -> str:
    """``value`` as a DuckDB literal of ``duck_type`` (initial defaults are scalars)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"CAST({value!r} AS {duck_type})"
    return "'" + str(value).replace("'", "''") + f"'::{duck_type}"


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


class ReadsMixin:
    """Reads at a snapshot; needs ``self.table``."""

    def row_count(self, identifier: str) -> int:
        snap = self.table(identifier).current_snapshot()
        return int(_summary_dict(snap).get("total-records", 0)) if snap else 0

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
        fields, defaults = [], []
        for field in scan.projection().fields:
            duck = _DUCKDB_TYPES.get(str(field.field_type))
            if duck is None:
                return None
            fields.append((field.field_id, field.name, duck))
            if field.initial_default is not None:
                defaults.append((field.field_id, _sql_literal(field.initial_default, duck)))
        return DataFiles(tuple(files), tuple(fields), tuple(defaults))

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


def rows_where(**columns: Any) -> Any:
    """A row filter for :meth:`Store.read`: each column equal to its value, or among its values when
    given a list, tuple or set; no column means every row. Keeps pyiceberg's expressions in catalog/."""
    from pyiceberg.expressions import AlwaysTrue, And, EqualTo, In

    clauses = [In(name, sorted(value) if isinstance(value, set | frozenset) else list(value))
               if isinstance(value, list | tuple | set | frozenset) else EqualTo(name, value)
               for name, value in columns.items()]
    if not clauses:
        return AlwaysTrue()
    expression = clauses[0]
    for clause in clauses[1:]:
        expression = And(expression, clause)
    return expression
