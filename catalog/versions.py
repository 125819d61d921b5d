"""Versions of a table: snapshots, tags and time travel, watermarks (part of :class:`catalog.store.Store`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from core.asof import AsOf
from core.errors import NoSuchSnapshotError

if TYPE_CHECKING:
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


class VersionsMixin:
    """Snapshot ids, time travel and watermarks; needs ``self.table`` and ``self.catalog``."""

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


def _summary_dict(snapshot: Any) -> dict[str, str]:
    if snapshot is None or snapshot.summary is None:
        return {}
    return {str(k): str(v) for k, v in snapshot.summary.model_dump().items()}


def _watermarks(summary: Mapping[str, str]) -> dict[str, int]:
    return {k[len(SOURCE_PREFIX):]: int(v) for k, v in summary.items() if k.startswith(SOURCE_PREFIX)}


def _ms_to_dt(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)
