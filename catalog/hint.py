"""``metadata/version-hint.text`` beside every table's metadata, for engines that read a table by its directory.

Engines without a catalog (DuckDB's ``iceberg_scan('<table dir>')``, Hadoop-style readers) find a
table's current metadata file through this hint. pyiceberg names metadata files
``00003-<uuid>.metadata.json``, so the hint holds that name without ``.metadata.json``
(``00003-<uuid>``): DuckDB tries ``v{hint}.metadata.json`` then ``{hint}.metadata.json`` and finds
the second. (A bare version number would need ``v3.metadata.json`` copies, which pyiceberg does
not write; measured with DuckDB 1.5.5's iceberg extension.)

:func:`install` makes every commit through a catalog refresh the hint: commits of any table loaded
from it go through ``commit_table`` (writes, staging, publish, tags, expiry, compaction, schema
evolution), and new tables through ``create_table``, so no write path can forget it.

The hint may point at a metadata file written by a staging-branch commit. That is safe: such a
commit moves only the ``staging`` ref, and ``current-snapshot-id`` (``main``, what engines read by
default) stays the published snapshot. The catalog stays the source of truth; the hint is a
convenience that lags only if a process dies between its commit and the hint write (the next
commit repairs it).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import uuid
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

if TYPE_CHECKING:
    from pyiceberg.catalog import Catalog
    from pyiceberg.io import FileIO

logger = logging.getLogger(__name__)

HINT_FILE = "version-hint.text"
METADATA_SUFFIX = ".metadata.json"
_VERSION = re.compile(r"(\d+)-")


def hint_location(metadata_location: str) -> str:
    """Where the hint of the table owning ``metadata_location`` lives (in the same folder)."""
    return f"{metadata_location.rsplit('/', 1)[0]}/{HINT_FILE}"


def hint_text(metadata_location: str) -> str:
    """What the hint holds for ``metadata_location``: its file name without ``.metadata.json``."""
    return metadata_location.rsplit("/", 1)[1].removesuffix(METADATA_SUFFIX)


def read_hint(io: FileIO, metadata_location: str) -> str | None:
    """The hint now stored beside ``metadata_location``, or None when there is none."""
    try:
        with io.new_input(hint_location(metadata_location)).open() as fh:
            return fh.read().decode().strip() or None
    except FileNotFoundError:
        return None


def write_hint(io: FileIO, metadata_location: str) -> bool:
    """Point the hint at ``metadata_location``, unless it already names a newer metadata version.

    The newer-version check keeps two writers committing one after the other from leaving the
    older one's name behind. Locally the file is written beside the hint and renamed over it
    (readers never see a partial file); on an object store one PUT replaces an object atomically.

    Returns:
        True when the hint was written.
    """
    text = hint_text(metadata_location)
    current = read_hint(io, metadata_location)
    if current == text or -1 < _version(text) < _version(current):
        return False
    target = hint_location(metadata_location)
    local = _local_path(target)
    if local is None:
        with io.new_output(target).create(overwrite=True) as fh:
            fh.write(text.encode())
        return True
    temp = f"{target}.{uuid.uuid4().hex}.tmp"
    with io.new_output(temp).create(overwrite=True) as fh:
        fh.write(text.encode())
    os.replace(_local_path(temp), local)  # type: ignore[arg-type]
    return True


def refresh_hint(io: FileIO, metadata_location: str) -> None:
    """:func:`write_hint` after a commit: the commit has landed, so a failure here is only logged."""
    try:
        write_hint(io, metadata_location)
    except Exception as exc:  # noqa: BLE001 - storage errors of any FileIO; the data is committed
        logger.warning("could not write %s (%s); engines reading the table directory see an older version "
                       "until the next commit", hint_location(metadata_location), exc)


def install(catalog: Catalog) -> Catalog:
    """Make every commit and table creation through ``catalog`` refresh the table's hint (idempotent)."""
    if getattr(catalog, "_writes_version_hints", False):
        return catalog
    commit_table, create_table = catalog.commit_table, catalog.create_table

    def commit_and_hint(table: Any, requirements: Any, updates: Any) -> Any:
        response = commit_table(table, requirements, updates)
        refresh_hint(table.io, response.metadata_location)
        return response

    def create_and_hint(*args: Any, **kwargs: Any) -> Any:
        table = create_table(*args, **kwargs)
        refresh_hint(table.io, table.metadata_location)
        return table

    # Instance attributes: pyiceberg's Table calls ``self.catalog.commit_table`` and
    # ``create_table_if_not_exists`` calls ``self.create_table``, so both land here.
    catalog.commit_table = commit_and_hint  # type: ignore[method-assign]
    catalog.create_table = create_and_hint  # type: ignore[method-assign]
    catalog._writes_version_hints = True  # type: ignore[attr-defined]
    return catalog


def _version(hint: str | None) -> int:
    match = _VERSION.match(hint or "")
    return int(match.group(1)) if match else -1


def _local_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme not in ("", "file"):
        return None
    return unquote(parsed.path)


@dataclasses.dataclass(frozen=True)
class TableLocation:
    """Where an outside engine finds a table now (``lakehouse tables --describe``)."""

    identifier: str
    metadata_location: str
    """URI of the current metadata.json, as the catalog records it."""
    table_location: str
    """URI of the table's directory (its ``metadata/`` holds the version hint)."""
    snapshot_id: int | None
    """``main``'s snapshot in that metadata (None: no data yet)."""

    @property
    def duckdb_sql(self) -> str:
        """One line of DuckDB SQL reading the table at exactly this metadata file (docs/recipes.md)."""
        return f"INSTALL iceberg; LOAD iceberg; SELECT count(*) FROM iceberg_scan('{self.metadata_location}');"
