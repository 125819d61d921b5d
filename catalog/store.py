"""The storage API the rest of the lakehouse uses: tables by name, reads at a snapshot, commits.

:class:`Store` is the one facade; its parts live beside it: versions and time travel
(:mod:`catalog.versions`), reads (:mod:`catalog.reads`), writes and staging (:mod:`catalog.writes`).
Every write is one Iceberg transaction. Job watermarks ride in the snapshot summary of the
output commit (``lakehouse.source.<table>`` = source snapshot id), so data and watermark land
together or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from catalog.hint import TableLocation, install
from catalog.reads import Changes, DataFiles, ReadsMixin, rows_where
from catalog.registry import NAMESPACES, TABLES, TableSpec, table_spec
from catalog.versions import SOURCE_PREFIX, AsOf, SnapshotInfo, VersionsMixin
from catalog.writes import STAGING_BRANCH, Staged, WritesMixin, conform, is_commit_conflict
from core.errors import ConfigError, NoSuchTableError
from core.settings import Settings

if TYPE_CHECKING:
    from pyiceberg.catalog import Catalog
    from pyiceberg.table import Table

logger = logging.getLogger(__name__)


__all__ = ["AsOf", "Changes", "DataFiles", "SOURCE_PREFIX", "STAGING_BRANCH", "SnapshotInfo", "Staged", "Store",
           "TableLocation", "conform", "is_commit_conflict", "rows_where", "spec_arrow_schema"]


class Store(VersionsMixin, ReadsMixin, WritesMixin):
    """Tables of one catalog, by their registry names."""

    def __init__(self, catalog: Catalog) -> None:
        # Every commit through this catalog refreshes the table's metadata/version-hint.text.
        self.catalog = install(catalog)
        self._snapshot_at_location: dict[str, tuple[str, int | None]] = {}

    @classmethod
    def open(cls, settings: Settings) -> Store:
        from catalog.connect import load_catalog

        return cls(load_catalog(settings))

    def init_tables(self, specs: Sequence[TableSpec] = TABLES) -> list[str]:
        """Create missing namespaces and tables; bring existing ones to the registry's schema.

        Evolution is one commit: a new column is added (a required one only with its declared
        ``default``, which older rows then read as), an optional column the registry now requires
        has its null rows set to the declared default (only the files holding them are rewritten;
        none when there are no nulls), and a changed key becomes the table's identifier fields. Old
        snapshots keep the schema and rows they had.

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
            unfillable = [c.name for c in missing if c.required and c.default is None]
            if unfillable:
                raise ConfigError(
                    f"{spec.identifier}: the registry adds required column(s) {', '.join(unfillable)} without a "
                    "default, and the table already holds rows that have no value for them. Declare a `default` "
                    "on the Column (the value existing rows take) or make it optional."
                )
            optional = {f.name for f in table.schema().fields if not f.required}
            tightened = [c for c in spec.columns if c.required and c.name in optional]
            key = tuple(table.schema().identifier_field_names())
            new_key = tuple(sorted(key)) != tuple(sorted(spec.key))
            if missing or new_key or tightened:
                filled, nulls, counts = self._fill_nulls(spec, table, tightened)
                with table.transaction() as tx:
                    if filled.num_rows:
                        # Copy-on-write of just the files holding a null, in the same commit as the schema.
                        tx.overwrite(filled, overwrite_filter=nulls)
                    with tx.update_schema(allow_incompatible_changes=True) as update:
                        for col in missing:
                            # Rows written before the column read as its default (optional: null).
                            update.add_column(col.name, col.type, doc=col.doc, required=col.required,
                                              default_value=col.default if col.required else None)
                        for col in tightened:
                            update.update_column(col.name, required=True)
                        if new_key:
                            update.set_identifier_fields(*spec.key)
                changes = [f"added {', '.join(c.name for c in missing)}"] if missing else []
                for col in tightened:
                    count = counts.get(col.name, 0)
                    changes.append(f"{col.name} required" + (f" ({count} null row(s) set to {col.default!r})"
                                                             if count else ""))
                if new_key:
                    changes.append(f"key ({', '.join(sorted(key))}) -> ({', '.join(spec.key)})")
                actions.append(f"evolved {spec.identifier}: {'; '.join(changes)}")
        return actions

    @staticmethod
    def _fill_nulls(spec: TableSpec, table: Table, columns: Sequence[Any]) -> tuple[pa.Table, Any, dict[str, int]]:
        """The rows that hold a null in a column the registry now requires, with its default set.

        Iceberg can only make a column required when no current row is null in it; rows written
        before a column was declared required (``chamber`` before the Senate) take the declared
        default, which states the fact they were written under. Without a default the change is
        refused. Returns the rows, the filter selecting the rows they replace, and nulls per column.
        """
        from functools import reduce

        from pyiceberg.expressions import AlwaysFalse, IsNull, Or

        if not columns:
            return pa.table({}), AlwaysFalse(), {}
        nulls = reduce(Or, [IsNull(c.name) for c in columns]) if len(columns) > 1 else IsNull(columns[0].name)
        rows = table.scan(row_filter=nulls).to_arrow()
        counts = {c.name: rows.column(c.name).null_count for c in columns}
        defaults = {c.name: c.default for c in columns}
        refused = [f"{n} ({counts[n]} row(s))" for n in counts if counts[n] and defaults[n] is None]
        if refused:
            raise ConfigError(
                f"{spec.identifier}: the registry makes {', '.join(refused)} required, but those current rows "
                "have no value for it. Declare a `default` on the Column (the value those rows take), re-run "
                "the job that writes the table, or keep the column optional."
            )
        for col in columns:
            index = rows.column_names.index(col.name)
            field = rows.schema.field(index)
            rows = rows.set_column(index, field, pc.fill_null(rows.column(index), pa.scalar(col.default, field.type)))
        return rows, nulls, counts

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

    def location(self, identifier: str) -> TableLocation:
        """The table's current metadata file and ``main`` snapshot, for outside engines (docs/recipes.md)."""
        table = self.table(identifier)
        snap = table.current_snapshot()
        return TableLocation(identifier, table.metadata_location, table.location(),
                             snap.snapshot_id if snap else None)


KEYED_FILE_BYTES = 8 * 1024 * 1024
"""Target data-file size (in-memory Arrow bytes, as pyiceberg bins them) of Gold tables with a key.

Incremental jobs replace a key's rows by rewriting only the files that hold it (copy-on-write), so
smaller files mean less rewritten per changed key; 8 MiB is ~20k rows of gold.fact_transactions."""


def _table_properties(spec: TableSpec) -> dict[str, str]:
    properties = {"format-version": "2", "write.parquet.compression-codec": "zstd"}
    if spec.identifier.startswith("gold.") and spec.key:
        properties["write.target-file-size-bytes"] = str(KEYED_FILE_BYTES)
    return properties


def _widens(old: Any, new: Any) -> bool:
    return (str(old), str(new)) in {("int", "long"), ("float", "double")}


def spec_arrow_schema(identifier: str) -> pa.Schema:
    """The Arrow schema of the registered table ``identifier``."""
    return table_spec(identifier).arrow_schema()
