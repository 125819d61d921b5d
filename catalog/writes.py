"""Writes: appends, replacements, keyed changes, write-audit-publish staging (part of :class:`catalog.store.Store`).

Every write is one Iceberg transaction; job watermarks ride in the snapshot summary of the output
commit, so data and watermark land together or not at all.
"""

from __future__ import annotations

import dataclasses
import logging
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from catalog.reads import Changes
from core.errors import CommitConflictError

if TYPE_CHECKING:
    from pyiceberg.table import Table

logger = logging.getLogger(__name__)


STAGING_BRANCH = "staging"
"""Branch where writes wait for their audit; after a failed audit it keeps the rejected data."""


@dataclasses.dataclass(frozen=True)
class Staged:
    """A write on the staging branch, waiting to be published to main."""

    identifier: str
    snapshot_id: int | None
    base_snapshot_id: int


class WritesMixin:
    """Commits; needs ``self.table`` and the reads."""

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


def conform(data: pa.Table, table: Table) -> pa.Table:
    """Select and cast ``data`` to the table's current Arrow schema (by name); a column the data lacks
    takes its write default (Iceberg's ``write-default``), else null."""
    schema = table.schema()
    target = schema.as_arrow()
    defaults = {f.name: f.write_default for f in schema.fields if f.write_default is not None}
    # pyiceberg's create_table drops declared defaults, so the registry's count as well.
    defaults = _registry_defaults(".".join(table.name())) | defaults
    missing = [f.name for f in target if f.name not in data.column_names and not f.nullable and f.name not in defaults]
    if missing:
        raise ValueError(f"data for {table.name()} lacks required columns {missing}")

    def column(f: pa.Field) -> pa.Array:
        if f.name in data.column_names:
            return data.column(f.name).cast(f.type)
        if f.name in defaults:
            return pa.array([defaults[f.name]] * data.num_rows, f.type)
        return pa.nulls(data.num_rows, f.type)

    return pa.Table.from_arrays([column(f) for f in target], schema=target)


def _registry_defaults(identifier: str) -> dict[str, object]:
    from catalog.registry import TABLES

    spec = next((s for s in TABLES if s.identifier == identifier), None)
    return {c.name: c.default for c in spec.columns if c.default is not None} if spec else {}


def is_commit_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` (or its cause) is the catalog refusing a commit because the table moved on:
    worth retrying on fresh metadata."""
    from pyiceberg.exceptions import CommitFailedException

    try:
        from pyiceberg.exceptions import ValidationException
    except ImportError:  # pragma: no cover - older pyiceberg
        ValidationException = CommitFailedException  # noqa: N806
    kinds = (CommitFailedException, ValidationException, CommitConflictError)
    return isinstance(exc, kinds) or isinstance(exc.__cause__, kinds)
