"""Table maintenance that pyiceberg 0.12 does not ship: releases, snapshot expiry, orphan files, compaction.

* :func:`tag_release` tags every Gold table at its current snapshot, so a published number can be
  reproduced later with ``lakehouse query --tag NAME``.
* :func:`expire_snapshots` drops old snapshots from table metadata. Tags, branch heads, the last
  ``retain_last`` snapshots of every branch and the snapshots incremental jobs still resume from
  are kept, so no reader or job loses its footing.
* :func:`remove_orphan_files` deletes files in a table's ``data/`` and ``metadata/`` folders that no
  live snapshot or metadata file references (what expiry and failed commits leave behind). Only
  files older than a threshold go, so a write in flight is never touched.
* :func:`compact` rewrites each partition's small data files into fewer files as ONE ``overwrite``
  snapshot: incremental readers (which only follow ``append`` snapshots) do not see the rewritten
  rows again, and the rows read back are the same.

Everything goes through the table's own FileIO, so it works the same on local disk and on S3.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
import random
import re
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import pyarrow as pa

from catalog.hint import HINT_FILE
from catalog.store import SOURCE_PREFIX, STAGING_BRANCH, Store
from core.errors import CommitConflictError, ConfigError, LakehouseError

if TYPE_CHECKING:
    from pyiceberg.table import Table

logger = logging.getLogger(__name__)

GOLD_NAMESPACE = "gold"
MAINTENANCE_KEY = "lakehouse.maintenance"
"""Snapshot-summary key that marks commits made by maintenance (value: the operation)."""
DEFAULT_ORPHAN_AGE = dt.timedelta(days=1)
"""Unreferenced files younger than this are kept: they may belong to a commit still being written."""

_T = TypeVar("_T")


class MaintenanceError(LakehouseError, ValueError):
    """A maintenance request cannot be carried out as asked (the message says what to change)."""


# -- durations and cut-off times ----------------------------------------------------------------

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_age(text: str) -> dt.timedelta:
    """``'90s'``, ``'15m'``, ``'12h'``, ``'7d'``, ``'2w'`` (or ``'0'``) as a duration.

    Raises:
        MaintenanceError: the text is not such a duration.
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", text.lower())
    if not match or (not match.group(2) and float(match.group(1)) != 0):
        raise MaintenanceError(f"{text!r} is not a duration; use e.g. 30m, 12h, 7d or 2w (or 0)")
    return dt.timedelta(seconds=float(match.group(1)) * _UNITS.get(match.group(2), 1))


def parse_cutoff(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """A cut-off time from a duration ago (``'7d'``) or an ISO 8601 time (UTC when no zone is given).

    Raises:
        MaintenanceError: the text is neither.
    """
    now = now or dt.datetime.now(dt.UTC)
    try:
        return now - parse_age(text)
    except MaintenanceError:
        pass
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise MaintenanceError(
            f"{text!r} is neither a duration (7d, 12h) nor an ISO 8601 time (2025-06-01T00:00:00Z)"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


# -- releases -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class TagResult:
    """What happened to one table when a release was tagged."""

    table: str
    tag: str
    snapshot_id: int | None
    action: str
    """``created``, ``moved`` (with force), ``unchanged`` (already there) or ``skipped`` (empty table)."""


def tag_release(
    store: Store, name: str, *, force: bool = False, namespace: str = GOLD_NAMESPACE
) -> list[TagResult]:
    """Tag every table of ``namespace`` at its current snapshot as release ``name``.

    A tag is how a published figure stays reproducible: ``lakehouse query --tag NAME`` reads every
    table at its tagged snapshot, and :func:`expire_snapshots` never removes a tagged snapshot.
    Iceberg has no multi-table commit, so every table is checked before any is tagged: a name
    already used elsewhere stops the whole release instead of leaving half of it tagged.

    Args:
        store: The lakehouse tables.
        name: Release name, e.g. ``2025-06`` or ``v1.2`` (letters, digits, ``.``, ``_``, ``-``).
        force: Move an existing tag of this name to the current snapshots.
        namespace: Whose tables to tag.

    Returns:
        One result per table, sorted by table name.

    Raises:
        MaintenanceError: a bad name, a name already used (without ``force``) or by a branch, or no
            table with data.
    """
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", name) or name in ("main", STAGING_BRANCH):
        raise MaintenanceError(
            f"{name!r} is not a usable release name: use letters, digits, '.', '_' and '-' (e.g. 2025-06 "
            f"or v1), and not a branch name (main, {STAGING_BRANCH})."
        )
    tables = [t for t in store.list_tables() if t.split(".", 1)[0] == namespace]
    plan: list[TagResult] = []
    conflicts: list[str] = []
    for identifier in tables:
        table = store.table(identifier)
        head = table.current_snapshot()
        ref = table.metadata.refs.get(name)
        if ref is not None and ref.snapshot_ref_type.value != "tag":
            raise MaintenanceError(
                f"{identifier} already has a branch named {name!r}; choose another release name."
            )
        if head is None:
            plan.append(TagResult(identifier, name, None, "skipped"))
        elif ref is not None and ref.snapshot_id == head.snapshot_id:
            plan.append(TagResult(identifier, name, head.snapshot_id, "unchanged"))
        elif ref is not None and not force:
            conflicts.append(f"{identifier} (tagged at {ref.snapshot_id}, current {head.snapshot_id})")
        else:
            plan.append(TagResult(identifier, name, head.snapshot_id, "moved" if ref else "created"))
    if conflicts:
        raise MaintenanceError(
            f"Release {name!r} already exists and the data changed since: {'; '.join(conflicts)}. Nothing "
            "was tagged. Choose a new name, or pass --force to move the tag (the old release is then no "
            "longer citable)."
        )
    if all(r.action == "skipped" for r in plan):
        raise MaintenanceError(
            f"No {namespace} table has data yet, so there is nothing to release. Run the pipeline first."
        )
    for result in plan:
        if result.action in ("created", "moved"):
            assert result.snapshot_id is not None
            _retry_metadata_commit(
                lambda r=result: (
                    store.table(r.table).manage_snapshots().create_tag(r.snapshot_id, name).commit()
                ),
                what=f"tag {name} on {result.table}",
            )
            logger.info(
                "%s: tag %s -> snapshot %s (%s)", result.table, name, result.snapshot_id, result.action
            )
    return sorted(plan, key=lambda r: r.table)


# -- snapshot expiry ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ExpireResult:
    """Snapshots expired from one table."""

    table: str
    expired: tuple[int, ...]
    remaining: int
    """Snapshots left in the table's metadata."""


def expire_snapshots(
    store: Store,
    *,
    older_than: dt.datetime,
    retain_last: int,
    tables: Sequence[str] | None = None,
    dry_run: bool = False,
) -> list[ExpireResult]:
    """Remove snapshots committed before ``older_than`` from table metadata.

    Kept whatever their age: tagged snapshots and branch heads (releases, ``main``, ``staging``),
    the ``retain_last`` most recent snapshots of every branch, and, on ``main``, every snapshot
    from the head back to the oldest one an incremental job still resumes from (its watermark,
    recorded in the summary of its own or a downstream table's commit). Without that a job would
    find its watermark gone and re-read whole tables.

    Expiry only edits metadata; the data files it frees stay until :func:`remove_orphan_files`.

    Args:
        store: The lakehouse tables.
        older_than: Only snapshots committed strictly before this time are candidates.
        retain_last: Snapshots to keep on every branch, at least 1.
        tables: Tables to expire (default: every table in the catalog).
        dry_run: Report what would be expired without committing.

    Returns:
        One result per table, in the order examined.

    Raises:
        MaintenanceError: ``retain_last`` below 1.
        CommitConflictError: a table kept changing while we tried to commit.
    """
    if retain_last < 1:
        raise MaintenanceError("--retain-last must be at least 1: a table needs its current snapshot.")
    cutoff_ms = int(older_than.timestamp() * 1000)
    names = list(tables) if tables is not None else store.list_tables()
    resume_points = _resume_points(store)
    results = []
    for identifier in names:

        def plan(identifier: str = identifier) -> tuple[Table, list[int]]:
            table = store.table(identifier)
            keep = _snapshots_to_keep(table, retain_last, resume_points.get(identifier, set()))
            doomed = sorted(
                s.snapshot_id
                for s in table.snapshots()
                if s.timestamp_ms < cutoff_ms and s.snapshot_id not in keep
            )
            return table, doomed

        def commit(identifier: str = identifier) -> list[int]:
            table, doomed = plan(identifier)
            if doomed:
                table.maintenance.expire_snapshots().by_ids(doomed).commit()
            return doomed

        if dry_run:
            table, doomed = plan()
        else:
            doomed = _retry_metadata_commit(commit, what=f"expire snapshots of {identifier}")
            table = store.table(identifier)
        remaining = len(table.snapshots()) - (len(doomed) if dry_run else 0)
        if doomed:
            logger.info(
                "%s: %s %d snapshot(s)", identifier, "would expire" if dry_run else "expired", len(doomed)
            )
        results.append(ExpireResult(identifier, tuple(doomed), remaining))
    return results


def _snapshots_to_keep(table: Table, retain_last: int, resume_from: set[int]) -> set[int]:
    from pyiceberg.table.snapshots import ancestors_of

    keep = {ref.snapshot_id for ref in table.metadata.refs.values()}
    for name, ref in table.metadata.refs.items():
        if ref.snapshot_ref_type.value != "branch":
            continue
        chain = [s.snapshot_id for s in ancestors_of(table.snapshot_by_id(ref.snapshot_id), table.metadata)]
        keep.update(chain[:retain_last])
        if name == "main":
            # The chain down to the first snapshot with watermarks (this table's own job resumes
            # there), and down to every snapshot a consumer resumes from (its incremental scan
            # walks that chain).
            for i, snap in enumerate(ancestors_of(table.snapshot_by_id(ref.snapshot_id), table.metadata)):
                if any(k.startswith(SOURCE_PREFIX) for k in _summary(snap)):
                    keep.update(chain[: i + 1])
                    break
            for i, sid in enumerate(chain):
                if sid in resume_from:
                    keep.update(chain[: i + 1])
    return keep


def _resume_points(store: Store) -> dict[str, set[int]]:
    """Source snapshot ids each table's consumers will resume from: ``{source table: {ids}}``."""
    points: dict[str, set[int]] = {}
    for identifier in store.list_tables():
        for source, sid in store.watermarks(identifier).items():
            points.setdefault(source, set()).add(sid)
    return points


# -- orphan files ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class OrphanFile:
    """A file under a table's location that nothing live references."""

    path: str
    """Its URI, e.g. ``s3://bucket/warehouse/silver/filings/data/….parquet``."""
    size: int
    modified: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class OrphanResult:
    """Orphan files of one table."""

    table: str
    location: str
    listed: int
    """Files found under the table's data/ and metadata/ folders."""
    orphans: tuple[OrphanFile, ...]
    """Unreferenced files old enough to delete (deleted unless a dry run)."""
    too_recent: tuple[OrphanFile, ...]
    """Unreferenced files younger than the age threshold: kept, they may belong to a commit in flight."""
    deleted: int

    @property
    def orphan_bytes(self) -> int:
        return sum(f.size for f in self.orphans)


def remove_orphan_files(
    store: Store,
    *,
    older_than: dt.timedelta = DEFAULT_ORPHAN_AGE,
    dry_run: bool = False,
    tables: Sequence[str] | None = None,
    now: dt.datetime | None = None,
) -> list[OrphanResult]:
    """Delete files under each table's ``data/`` and ``metadata/`` that no live snapshot references.

    Referenced are: the current metadata file and those in its log, every live snapshot's
    manifest list, manifests and the data and delete files they hold live (added or existing),
    and statistics files. A file a live snapshot only records as *deleted* is not needed by any
    live snapshot (its parent, if alive, lists it as live), so it goes: this is how compacted-away
    files are reclaimed once the snapshots before the compaction are expired.

    The storage is listed *before* the metadata is loaded, so a commit that lands in between only
    adds references. Unreferenced files younger than ``older_than`` are reported but kept, because
    a writer creates its files before it commits them.

    Args:
        store: The lakehouse tables.
        older_than: Minimum age of a file to delete; keep the default (1 day) unless nothing writes.
        dry_run: List the orphans without deleting them.
        tables: Tables to clean (default: every table in the catalog).
        now: The current time (for tests).

    Returns:
        One result per table.

    Raises:
        ConfigError: the table's FileIO cannot list files (only pyiceberg's PyArrowFileIO can), or
            a table lives outside this catalog's warehouse (checked for every table before anything
            is deleted).
    """
    now = now or dt.datetime.now(dt.UTC)
    cutoff = now - older_than
    names = list(tables) if tables is not None else store.list_tables()
    locations = {name: store.table(name).location().rstrip("/") for name in store.list_tables()}
    for identifier in names:
        _check_owned(store, identifier)
    results = []
    for identifier in names:
        table = store.table(identifier)
        fs, parse, to_uri = _filesystem(table)
        base = parse(table.location())
        nested = [
            parse(loc)
            for name, loc in locations.items()
            if name != identifier and parse(loc).startswith(base + "/")
        ]
        listed = {
            path: f
            for folder in ("data", "metadata")
            for path, f in _list_files(fs, f"{base}/{folder}", to_uri)
            if not any(path.startswith(n + "/") for n in nested)
        }
        table = store.table(identifier)  # reload after listing: later commits only add references
        referenced = {parse(p) for p in _referenced_files(table)}
        # Not referenced by metadata, but how directory readers find it (catalog.hint); always current.
        referenced.add(f"{base}/metadata/{HINT_FILE}")
        orphans: dict[str, OrphanFile] = {}
        recent: list[OrphanFile] = []
        for path, f in listed.items():
            if path in referenced:
                continue
            if f.modified is None or f.modified < cutoff:
                orphans[path] = f
            else:
                recent.append(f)
        deleted = 0
        if not dry_run:
            for path in orphans:
                try:
                    fs.delete_file(path)
                    deleted += 1
                except FileNotFoundError:
                    pass  # someone else cleaned it up
        if orphans or recent:
            logger.info(
                "%s: %d orphan file(s) %s, %d too recent to delete",
                identifier,
                len(orphans),
                "found" if dry_run else "deleted",
                len(recent),
            )
        results.append(
            OrphanResult(
                identifier, table.location(), len(listed), tuple(orphans.values()), tuple(recent), deleted
            )
        )
    return results


def _check_owned(store: Store, identifier: str) -> None:
    """Refuse to clean a table whose files live outside this catalog's warehouse.

    A copied home keeps the original's absolute paths, so its tables point into another
    lakehouse's warehouse; deleting "orphans" there would delete files the other catalog uses.

    Raises:
        ConfigError: the table's location is not under the catalog's ``warehouse``.
    """
    warehouse = str(getattr(store.catalog, "properties", {}).get("warehouse") or "").rstrip("/")
    if not warehouse:
        return  # a catalog without a warehouse property (e.g. REST) decides table locations itself
    table = store.table(identifier)
    io = table.io
    location = table.location().rstrip("/")
    own = io.parse_location(warehouse, io.properties)
    here = io.parse_location(location, io.properties)
    inside = own[:2] == here[:2] and (here[2].rstrip("/") + "/").startswith(own[2].rstrip("/") + "/")
    if not inside:
        raise ConfigError(
            f"{identifier} lives at {location}, outside this catalog's warehouse {warehouse}: its files may "
            "belong to another lakehouse (a copied home keeps the original's absolute paths). Nothing was "
            "deleted. Run `lakehouse maintain orphans` from the home whose warehouse holds those files."
        )


def _filesystem(table: Table) -> tuple[Any, Callable[[str], str], Callable[[str], str]]:
    """The pyarrow filesystem of the table's location, and functions mapping URIs to its paths and back."""
    from pyiceberg.io.pyarrow import PyArrowFileIO

    io = table.io
    if not isinstance(io, PyArrowFileIO):
        raise ConfigError(
            f"Orphan-file cleanup lists storage through pyiceberg's PyArrowFileIO, but {table.name()} uses "
            f"{type(io).__name__}. Remove the py-io-impl catalog property (PyArrowFileIO is the default)."
        )
    scheme, netloc, _ = io.parse_location(table.location(), io.properties)

    def parse(uri: str) -> str:
        return io.parse_location(uri, io.properties)[2].rstrip("/")

    def to_uri(path: str) -> str:
        # Object stores list "bucket/key" (the bucket is part of the path); local paths are absolute.
        return f"{scheme}://{path}"

    return io.fs_by_scheme(scheme, netloc), parse, to_uri


def _list_files(fs: Any, folder: str, to_uri: Callable[[str], str]) -> list[tuple[str, OrphanFile]]:
    """(filesystem path, file) for every file under ``folder``, recursively."""
    from pyarrow.fs import FileSelector, FileType

    infos = fs.get_file_info(FileSelector(folder, recursive=True, allow_not_found=True))
    files = []
    for info in infos:
        if info.type != FileType.File:
            continue
        mtime = info.mtime
        if mtime is not None and mtime.tzinfo is None:
            mtime = mtime.replace(tzinfo=dt.UTC)
        files.append((info.path, OrphanFile(to_uri(info.path), int(info.size or 0), mtime)))
    return files


def _referenced_files(table: Table) -> set[str]:
    """Every file the table's current metadata reaches, as URIs."""
    metadata = table.metadata
    io = table.io
    refs = {table.metadata_location}
    refs.update(entry.metadata_file for entry in metadata.metadata_log)
    refs.update(s.statistics_path for s in metadata.statistics)
    refs.update(s.statistics_path for s in getattr(metadata, "partition_statistics", []) or [])
    seen_manifests: set[str] = set()
    for snap in metadata.snapshots:
        refs.add(snap.manifest_list)
        for manifest in snap.manifests(io):
            if manifest.manifest_path in seen_manifests:
                continue
            seen_manifests.add(manifest.manifest_path)
            refs.add(manifest.manifest_path)
            live = manifest.fetch_manifest_entry(io, discard_deleted=True)
            refs.update(entry.data_file.file_path for entry in live)
    return refs


# -- compaction -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CompactResult:
    """One table's compaction."""

    table: str
    snapshot_id: int | None
    """The overwrite snapshot committed, None when there was nothing to compact."""
    files_before: int
    files_after: int
    partitions_rewritten: int
    rows_rewritten: int
    seconds: float


def compact(store: Store, identifier: str, *, min_files: int = 2) -> CompactResult:
    """Rewrite each partition's small data files into fewer, bigger ones, as ONE overwrite snapshot.

    Small means below the table's ``write.target-file-size-bytes``; a partition is rewritten when it
    has at least ``min_files`` of them. Rows are read back through the table's schema (so columns
    added since are filled) and sorted by the table's sort order before they are written.

    The commit is a single ``overwrite`` snapshot (files deleted and added together), not
    pyiceberg's ``overwrite(df)`` (a delete then an *append*): incremental readers follow append
    snapshots only, so they do not see the rewritten rows again. The commit carries forward the
    current snapshot's ``lakehouse.*`` summary (job watermarks, source checksums), which jobs read
    from the head of the table. If someone commits to the table meanwhile, pyiceberg's validation
    refuses the rewrite and nothing changes.

    Args:
        store: The lakehouse tables.
        identifier: The table to compact, e.g. ``silver.filings``.
        min_files: Rewrite a partition only when it has at least this many small files.

    Returns:
        What was rewritten (``snapshot_id`` None when nothing needed it: then nothing is committed).

    Raises:
        MaintenanceError: a partition holds merge-on-read delete files (written by another engine).
        CommitConflictError: the table changed during the compaction; run it again.
    """
    from pyiceberg.exceptions import CommitFailedException, ValidationException
    from pyiceberg.expressions import AlwaysTrue
    from pyiceberg.io.pyarrow import ArrowScan, _dataframe_to_data_files  # private; pinned pyiceberg 0.12
    from pyiceberg.table import TableProperties

    started = time.perf_counter()
    table = store.table(identifier)
    head = table.current_snapshot()
    if head is None:
        return CompactResult(identifier, None, 0, 0, 0, 0, time.perf_counter() - started)
    tasks = list(table.scan(snapshot_id=head.snapshot_id).plan_files())
    target = int(
        table.properties.get(
            TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT
        )
    )
    groups: dict[tuple[int, Any], list[Any]] = {}
    for task in tasks:
        if task.file.file_size_in_bytes < target:
            groups.setdefault((task.file.spec_id, task.file.partition), []).append(task)
    groups = {k: v for k, v in groups.items() if len(v) >= max(2, min_files)}
    if not groups:
        return CompactResult(identifier, None, len(tasks), len(tasks), 0, 0, time.perf_counter() - started)
    with_deletes = [t.file.file_path for g in groups.values() for t in g if t.delete_files]
    if with_deletes:
        raise MaintenanceError(
            f"{identifier} has merge-on-read delete files (e.g. for {with_deletes[0]}), which pyiceberg "
            "cannot rewrite. Compact it with the engine that wrote them (e.g. Spark's rewrite_data_files)."
        )

    properties = {k: v for k, v in _summary(head).items() if k.startswith("lakehouse.")}
    properties |= {f"{SOURCE_PREFIX}{t}": str(s) for t, s in store.watermarks(identifier).items()}
    properties[MAINTENANCE_KEY] = "compact"
    schema = table.schema()
    reader = ArrowScan(table.metadata, table.io, schema, AlwaysTrue())
    old_files = [t.file for g in groups.values() for t in g]
    new_files: list[Any] = []
    rows = 0
    write_uuid = uuid.uuid4()
    try:
        with table.transaction() as tx:
            counter = itertools.count(0)
            for group in groups.values():
                data = _sorted(reader.to_table(group), table)
                rows += data.num_rows
                new_files += list(
                    _dataframe_to_data_files(
                        table_metadata=tx.table_metadata,
                        df=data,
                        io=table.io,
                        write_uuid=write_uuid,
                        counter=counter,
                    )
                )
            with tx.update_snapshot(snapshot_properties=properties).overwrite() as rewrite:
                for f in old_files:
                    rewrite.delete_data_file(f)
                for f in new_files:
                    rewrite.append_data_file(f)
    except (CommitFailedException, ValidationException) as exc:
        _delete_quietly(table, [f.file_path for f in new_files])
        raise CommitConflictError(
            f"{identifier} changed while it was being compacted, so nothing was committed ({exc}). Run the "
            "compaction again, ideally when no pipeline is writing."
        ) from exc
    except BaseException:
        _delete_quietly(table, [f.file_path for f in new_files])
        raise
    table = store.table(identifier)
    snap = table.current_snapshot()
    files_after = len(tasks) - len(old_files) + len(new_files)
    logger.info(
        "%s: compacted %d files in %d partition(s) into %d (%d rows)",
        identifier,
        len(old_files),
        len(groups),
        len(new_files),
        rows,
    )
    return CompactResult(
        identifier,
        snap.snapshot_id if snap else None,
        len(tasks),
        files_after,
        len(groups),
        rows,
        time.perf_counter() - started,
    )


def _sorted(data: pa.Table, table: Table) -> pa.Table:
    """``data`` in the table's declared sort order (identity fields only), so files prune well."""
    import pyarrow.compute as pc
    from pyiceberg.table.sorting import NullOrder, SortDirection
    from pyiceberg.transforms import IdentityTransform

    keys = []
    for field in table.sort_order().fields:
        if not isinstance(field.transform, IdentityTransform):
            break
        keys.append(
            (
                table.schema().find_column_name(field.source_id),
                "ascending" if field.direction == SortDirection.ASC else "descending",
                "at_start" if field.null_order == NullOrder.NULLS_FIRST else "at_end",
            )
        )
    if not keys or data.num_rows < 2:
        return data
    return data.take(pc.sort_indices(data, options=pc.SortOptions(sort_keys=keys)))


def _delete_quietly(table: Table, paths: Iterable[str]) -> None:
    for path in paths:
        try:
            table.io.delete(path)
        except OSError:
            logger.warning(
                "could not delete %s after a failed compaction; `lakehouse maintain orphans` will", path
            )


# -- helpers --------------------------------------------------------------------------------------


def _summary(snapshot: Any) -> dict[str, str]:
    if snapshot is None or snapshot.summary is None:
        return {}
    return {str(k): str(v) for k, v in snapshot.summary.model_dump().items()}


def _retry_metadata_commit(commit: Callable[[], _T], *, what: str, attempts: int = 6) -> _T:
    """Run a metadata-only commit, retrying on conflicts: pyiceberg retries only snapshot commits.

    ``commit`` must reload the table itself, so each attempt starts from fresh metadata.
    """
    from pyiceberg.exceptions import CommitFailedException

    for attempt in range(attempts):
        try:
            return commit()
        except CommitFailedException as exc:
            if attempt == attempts - 1:
                raise CommitConflictError(
                    f"Could not {what}: the table kept changing ({exc}). Run the command again."
                ) from exc
            time.sleep(0.05 * 2**attempt * (0.5 + random.random()))
    raise AssertionError("unreachable")
