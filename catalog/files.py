"""Read one cell of a table's data file by path, so remote workers fetch their own input.

A backfill on a cluster (``jobs/executor.py``) would otherwise ship every PDF through the driver:
the driver reads GBs of bronze and pickles them to the workers. Instead the driver locates each
row (:func:`locate_rows`: which data file holds it) and sends a :class:`RowRef`; the worker reads
the cell from the warehouse's storage (local disk or S3) with pyiceberg's FileIO
(:func:`read_cell`). Secrets never travel with a reference: a worker authenticates with its own
configuration (the catalog's ``PYICEBERG_CATALOG__<NAME>__*`` variables or ``.pyiceberg.yaml``,
else the AWS default chain: ``AWS_*`` variables, an instance profile).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from core.errors import JobError

if TYPE_CHECKING:
    from catalog.store import Store

#: Catalog properties a worker's FileIO may need (never the catalog's ``uri``: it can hold a password).
_STORAGE_PREFIXES = ("s3.", "gcs.", "adls.", "hdfs.", "hf.", "client.", "py-io-impl")
#: Substrings of FileIO property names that hold credentials: never put in a :class:`RowRef`.
_SECRET_MARKERS = ("secret", "token", "key-id", "access-key", "account-key", "password", "credential",
                   "sas", "signer")
#: Above this many keys, locating scans every data file instead of binding a huge ``In`` filter.
_FILTER_LIMIT = 1000


@dataclasses.dataclass(frozen=True)
class RowRef:
    """Where one row's cell is: a data file path, the row's key, the cell's column (by field id)."""

    path: str
    key: tuple[tuple[int, Any], ...]
    """(field id, value) pairs that identify the row in the file."""
    column: int
    """Field id of the cell to read."""
    io_properties: tuple[tuple[str, str], ...] = ()
    """Storage properties of the catalog without secrets (endpoint, region, path style)."""
    catalog_name: str | None = None
    """Catalog whose configuration on the worker supplies credentials."""


def _is_secret(name: str) -> bool:
    return any(marker in name.lower() for marker in _SECRET_MARKERS)


def shareable_properties(properties: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The storage settings a worker needs, without credentials or the catalog's URI (which may hold a
    password): tasks travel over the cluster's network and show up in its dashboard."""
    return tuple(sorted((k, str(v)) for k, v in properties.items()
                        if k.startswith(_STORAGE_PREFIXES) and not _is_secret(k)))


def locate_rows(store: Store, identifier: str, rows: pa.Table, *, key: Sequence[str], column: str,
                snapshot_id: int | None) -> list[RowRef]:
    """A :class:`RowRef` to ``column`` of each row of ``rows`` (in order), found by ``key`` in
    ``identifier`` at ``snapshot_id``; reads only the key columns of the data files.

    Raises:
        JobError: a row is in no data file of that snapshot (the table changed under the run).
    """
    from pyiceberg.expressions import AlwaysTrue, In
    from pyiceberg.io.pyarrow import ArrowScan

    if rows.num_rows == 0:
        return []
    table = store.table(identifier)
    schema = table.schema()
    ids = [schema.find_field(name).field_id for name in key]
    column_id = schema.find_field(column).field_id
    first = sorted(set(rows[key[0]].to_pylist()))
    row_filter = In(key[0], first) if len(first) <= _FILTER_LIMIT else AlwaysTrue()
    projected = schema.select(*key)
    reader = ArrowScan(table.metadata, table.io, projected, AlwaysTrue())
    where: dict[tuple, str] = {}
    scan = table.scan(snapshot_id=snapshot_id, row_filter=row_filter, selected_fields=tuple(key))
    for task in scan.plan_files():
        found = reader.to_table([task])
        for values in zip(*(found[name].to_pylist() for name in key), strict=True):
            where[values] = task.file.file_path
    io_properties = shareable_properties(table.io.properties)
    catalog_name = getattr(store.catalog, "name", None)
    refs = []
    for values in zip(*(rows[name].to_pylist() for name in key), strict=True):
        path = where.get(values)
        if path is None:
            raise JobError(f"{identifier}: no data file of snapshot {snapshot_id} holds the row {values!r}; "
                           "the table changed while the run planned its work. Run the job again.")
        refs.append(RowRef(path, tuple(zip(ids, values, strict=True)), column_id, io_properties,
                           catalog_name))
    return refs


def read_cell(ref: RowRef) -> Any:
    """The value of ``ref``'s cell, read from its data file (local or remote) by path.

    A worker keeps the keys of the last few files and the last row group it read, so consecutive
    rows of one file (documents are handed out in file order) cost one read of that row group.

    Raises:
        JobError: the file cannot be read (missing, or storage credentials absent on this worker),
            or no row of it has the key.
    """
    key_ids = tuple(i for i, _ in ref.key)
    offsets, positions = _file_index(ref.path, ref.io_properties, ref.catalog_name, key_ids)
    position = positions.get(tuple(v for _, v in ref.key))
    if position is None:
        raise JobError(f"{ref.path} has no row with key {ref.key!r}: the data file was replaced; "
                       "run the job again.")
    group = max(i for i, start in enumerate(offsets) if start <= position)
    values = _row_group(ref.path, ref.io_properties, ref.catalog_name, group, ref.column)
    return values[position - offsets[group]].as_py()


def _open(path: str, io_properties: tuple[tuple[str, str], ...], catalog_name: str | None) -> Any:
    import pyarrow.parquet as pq
    from pyiceberg.io import load_file_io
    from pyiceberg.utils.config import Config

    properties = dict(io_properties)
    if catalog_name:  # this worker's own credentials for the catalog's storage
        configured = Config().get_catalog_config(catalog_name) or {}
        properties |= {str(k): str(v) for k, v in configured.items() if _is_secret(str(k))}
    try:
        stream = load_file_io(properties, location=path).new_input(path).open()
        return pq.ParquetFile(stream)
    except (OSError, ValueError) as exc:
        raise JobError(
            f"Cannot read data file {path} on this worker: {exc}. Check that the worker reaches the "
            "warehouse's storage (the same path for a local warehouse; for S3, credentials in AWS_* "
            "variables, an instance profile or the catalog's PYICEBERG_CATALOG__* settings; see "
            "docs/scale-out.md)."
        ) from exc


def _field_names(parquet: Any) -> dict[int, str]:
    """Column names of a Parquet file by Iceberg field id (names may differ after a rename)."""
    names = {}
    for field in parquet.schema_arrow:
        fid = (field.metadata or {}).get(b"PARQUET:field_id")
        if fid is not None:
            names[int(fid)] = field.name
    return names


@functools.lru_cache(maxsize=4)
def _file_index(path: str, io_properties: tuple, catalog_name: str | None,
                key_ids: tuple[int, ...]) -> tuple[list[int], dict[tuple, int]]:
    """(first row of each row group, row position by key) of one data file."""
    parquet = _open(path, io_properties, catalog_name)
    names = _field_names(parquet)
    keys = parquet.read(columns=[names[i] for i in key_ids])
    offsets, start = [], 0
    for group in range(parquet.num_row_groups):
        offsets.append(start)
        start += parquet.metadata.row_group(group).num_rows
    columns = [keys[names[i]].to_pylist() for i in key_ids]
    return offsets, {values: n for n, values in enumerate(zip(*columns, strict=True))}


@functools.lru_cache(maxsize=1)
def _row_group(path: str, io_properties: tuple, catalog_name: str | None, group: int,
               column: int) -> pa.ChunkedArray:
    """One column of one row group: the memory a worker holds between documents is at most this."""
    parquet = _open(path, io_properties, catalog_name)
    name = _field_names(parquet)[column]
    return parquet.read_row_group(group, columns=[name])[name]
