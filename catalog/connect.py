"""Build the Iceberg catalog from settings, following pyiceberg's configuration conventions.

A home is tied to its absolute path: the embedded catalog records where each table's metadata
lives, and that metadata records where its manifests and data files live, all as absolute paths.
A copied (or moved) home therefore still points at the original's warehouse. Opening such a home
gives a catalog that reads but refuses every write (:class:`~core.errors.CopiedHomeError`),
before any file is written: otherwise a commit through the copy would change the original.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from core.errors import ConfigError, CopiedHomeError
from core.settings import Settings

if TYPE_CHECKING:
    from pyiceberg.catalog import Catalog

logger = logging.getLogger(__name__)


def catalog_properties(settings: Settings) -> tuple[dict[str, str], bool]:
    """Properties of the configured catalog, and whether they are the embedded default.

    A catalog named ``settings.catalog_name`` in ``.pyiceberg.yaml`` (searched in $PYICEBERG_HOME,
    ~, then the working directory) or in ``PYICEBERG_CATALOG__<NAME>__*`` variables wins. With
    none, and the default name ``lakehouse``, we use a SQLite catalog and a local warehouse under
    ``settings.home`` — zero setup.
    """
    from pyiceberg.utils.config import Config

    # A fresh Config (not pyiceberg's import-time copy) so the environment of *this* call counts.
    configured = Config().get_catalog_config(settings.catalog_name)
    if configured:
        return _with_s3_region({str(k): str(v) for k, v in configured.items()}), False
    if settings.catalog_name != "lakehouse":
        raise ConfigError(
            f"No catalog named {settings.catalog_name!r} is configured. Define it in .pyiceberg.yaml "
            f"(catalog: {settings.catalog_name}: ...) or with PYICEBERG_CATALOG__"
            f"{settings.catalog_name.upper()}__URI and friends, or unset LAKEHOUSE_CATALOG to use the "
            "embedded default."
        )
    home = settings.home.expanduser().resolve()
    return {
        "type": "sql",
        "uri": f"sqlite:///{home / 'catalog.db'}",
        "warehouse": (home / "warehouse").as_uri(),
    }, True


def load_catalog(settings: Settings) -> Catalog:
    """Connect to the catalog (creating the embedded one on first use).

    An embedded home whose tables live outside its warehouse (a copied or moved home) opens
    read-only: reads work, every write raises :class:`~core.errors.CopiedHomeError`.
    """
    from pyiceberg.catalog import load_catalog as pyiceberg_load_catalog

    props, embedded = catalog_properties(settings)
    if embedded:
        home = settings.home.expanduser().resolve()
        (home / "warehouse").mkdir(parents=True, exist_ok=True)
    try:
        catalog = pyiceberg_load_catalog(settings.catalog_name, **props)
    except Exception as exc:  # pyiceberg raises many unrelated types for bad config
        where = "the embedded default" if embedded else f"catalog {settings.catalog_name!r}"
        raise ConfigError(
            f"Could not open {where} ({props.get('type', '?')} at {_redact(props.get('uri', '?'))}): "
            f"{_redact(str(exc))}. Check .pyiceberg.yaml / PYICEBERG_CATALOG__* settings and that the "
            "catalog is reachable."
        ) from exc
    if not embedded:
        check_warehouse(props, settings.catalog_name)
    else:
        refusal = copied_home_refusal(catalog, settings.home.expanduser().resolve())
        if refusal is not None:
            logger.warning("%s", refusal.replace(_REFUSED, _OPENED_READ_ONLY))
            catalog.close()
            catalog = _copied_home_catalog_class()(settings.catalog_name, refusal=refusal, **props)
    logger.info("catalog %s: %s", settings.catalog_name, _redact(props.get("uri", "?")))
    return catalog


_REFUSED = (
    "A write here would change those files, so writes are refused and nothing was changed; reads "
    "still work while those files exist."
)
_OPENED_READ_ONLY = "Opened read-only: reads work while those files exist, writes are refused."
_TABLES_SQL = (
    # pyiceberg's SQL catalog table (pyiceberg.catalog.sql.IcebergTables), read-only.
    "SELECT table_namespace, table_name, metadata_location FROM iceberg_tables "
    "WHERE catalog_name = :catalog AND metadata_location IS NOT NULL"
)


def copied_home_refusal(catalog: Catalog, home: Path) -> str | None:
    """Why writes through the embedded catalog of ``home`` must be refused, or None if they are safe.

    They are not when a table's metadata lives outside ``home/warehouse``: the home was copied or
    moved, and its tables still point at the original's files. One catalog query, no file read.
    """
    from sqlalchemy import text

    with catalog.engine.connect() as connection:  # type: ignore[attr-defined]
        rows = connection.execute(text(_TABLES_SQL), {"catalog": catalog.name}).fetchall()
    # Compared as written, not resolved: a copy whose warehouse is a symlink to the original's
    # shares its files all the same (two catalogs, one set of files).
    warehouse = os.path.normpath(home / "warehouse")
    foreign = [(f"{ns}.{name}", location) for ns, name, location in rows
               if not _is_under(location, warehouse)]
    if not foreign:
        return None
    identifier, location = foreign[0]
    where = _warehouse_of(identifier, location)
    original = Path(where).parent if where.endswith("/warehouse") else None
    restore = (
        f"Work in the original home instead (--home {original} or LAKEHOUSE_HOME={original}), or, to keep "
        f"this copy as a backup, put it back at {original} (a copy restored at the same path is complete). "
        if original is not None
        else "Work in the home whose warehouse holds those files, or put this copy back at that path. "
    )
    return (
        f"This lakehouse home ({home}) was copied or moved from another place: {len(foreign)} of its "
        f"{len(rows)} tables (e.g. {identifier}) live in {where}, outside this home's warehouse {warehouse}, "
        f"because Iceberg metadata records absolute paths. {_REFUSED} {restore}"
        "For a second, independent lakehouse, create a new home and run the pipeline into it "
        "(`lakehouse --home NEW_DIR pipeline run`). See docs/security.md, \"Copying a home\"."
    )


def _warehouse_of(identifier: str, metadata_location: str) -> str:
    """The warehouse a table's metadata file is in: ``<warehouse>/<namespace>[.db]/<name>/metadata/…``."""
    namespace, _, name = identifier.rpartition(".")
    path = _local_path(metadata_location) or metadata_location
    here = path.rsplit("/", 1)[0]
    for suffix in ("/metadata", f"/{name}"):
        here = here.removesuffix(suffix)
    for suffix in (f"/{namespace}.db", f"/{namespace}"):
        if here.endswith(suffix):
            return here.removesuffix(suffix)
    return here


def _local_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme not in ("", "file"):
        return None
    return unquote(parsed.path)


def _is_under(location: str, directory: str) -> bool:
    path = _local_path(location)
    if path is None:
        return False
    return os.path.normpath(path).startswith(directory.rstrip("/") + "/")


_REFUSED_CATALOG_CALLS = (
    "create_table", "create_table_transaction", "register_table", "drop_table", "purge_table",
    "rename_table", "commit_table", "create_namespace", "drop_namespace", "update_namespace_properties",
    "create_view", "register_view", "drop_view",
)


@functools.cache
def _copied_home_catalog_class() -> type:
    """pyiceberg's SQL catalog that reads but refuses every write, and whose tables' FileIO refuses to
    create or delete a file (data files are written before the commit that would be refused)."""
    from pyiceberg.catalog.sql import SqlCatalog
    from pyiceberg.io.pyarrow import PyArrowFileIO

    class ReadOnlyFileIO(PyArrowFileIO):
        refusal = "This home is read-only."

        def new_output(self, location: str) -> Any:
            raise CopiedHomeError(self.refusal)

        def delete(self, location: Any) -> None:
            raise CopiedHomeError(self.refusal)

    class CopiedHomeCatalog(SqlCatalog):
        def __init__(self, name: str, *, refusal: str, **properties: str) -> None:
            self.refusal = refusal
            super().__init__(name, **properties)

        def _load_file_io(self, properties: Any = None, location: str | None = None) -> Any:
            io = ReadOnlyFileIO({**self.properties, **(properties or {})})
            io.refusal = self.refusal
            return io

        def load_table(self, identifier: Any) -> Any:
            try:
                return super().load_table(identifier)
            except FileNotFoundError:
                raise CopiedHomeError(
                    f"Cannot read {identifier}: its metadata is gone from where this home's catalog points. "
                    + self.refusal
                ) from None

        def create_namespace_if_not_exists(self, namespace: Any, properties: Any = None) -> None:
            if not self.namespace_exists(namespace):
                self._refuse()

        def create_table_if_not_exists(self, identifier: Any, *args: Any, **kwargs: Any) -> Any:
            if not self.table_exists(identifier):
                self._refuse()
            return self.load_table(identifier)

        def _refuse(self, *args: Any, **kwargs: Any) -> Any:
            raise CopiedHomeError(self.refusal)

    for call in _REFUSED_CATALOG_CALLS:
        if hasattr(SqlCatalog, call):
            setattr(CopiedHomeCatalog, call, CopiedHomeCatalog._refuse)
    return CopiedHomeCatalog


_S3_SCHEMES = ("s3://", "s3a://", "s3n://")


def _with_s3_region(props: dict[str, str]) -> dict[str, str]:
    """Give a custom S3 endpoint a region, from the standard AWS variables or us-east-1.

    Without ``s3.region`` pyiceberg asks AWS where the bucket lives, which a non-AWS endpoint
    (MinIO, Ceph, a test server) cannot answer: measured, a 6.7 s stall on every new FileIO.
    """
    import os

    if "s3.endpoint" in props and not props.get("s3.region") and not props.get("client.region"):
        region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
        props["s3.region"] = region or "us-east-1"
    return props


def check_warehouse(props: dict[str, str], catalog_name: str) -> None:
    """Fail early, and say how to fix it, when an S3 warehouse's endpoint or bucket is unusable.

    Otherwise the first write fails deep inside a commit with an AWS SDK message. Creating the
    bucket is deliberately left to the operator (it carries policies, versioning, lifecycle).

    Raises:
        ConfigError: the endpoint does not answer, or the bucket does not exist.
    """
    warehouse = props.get("warehouse", "")
    if not warehouse.startswith(_S3_SCHEMES):
        return
    from pyiceberg.io import load_file_io
    from pyiceberg.io.pyarrow import PyArrowFileIO

    io = load_file_io(props, location=warehouse)
    if not isinstance(io, PyArrowFileIO):
        return  # another FileIO (fsspec): its first request will tell
    from pyarrow.fs import FileType

    scheme, bucket, _ = io.parse_location(warehouse, io.properties)
    endpoint = props.get("s3.endpoint", "AWS S3")
    var = f"PYICEBERG_CATALOG__{catalog_name.upper()}__"
    try:
        info = io.fs_by_scheme(scheme, bucket).get_file_info(bucket)
    except OSError as exc:
        raise ConfigError(
            f"The warehouse {warehouse} is not reachable at {endpoint}: {exc}. Check the endpoint "
            f"({var}S3__ENDPOINT / s3.endpoint), the network, and the credentials (s3.access-key-id or the "
            "standard AWS chain: AWS_ACCESS_KEY_ID, AWS_PROFILE, instance role)."
        ) from None
    if info.type == FileType.NotFound:
        raise ConfigError(
            f"The warehouse bucket {bucket!r} does not exist at {endpoint}. Create it (e.g. `aws s3 mb "
            f"s3://{bucket}`, with --endpoint-url for a non-AWS endpoint) or point {var}WAREHOUSE at an "
            "existing bucket."
        )


def _redact(text: str) -> str:
    """``scheme://user:secret@host`` -> ``scheme://user:***@host``: messages and logs get no passwords."""
    import re

    return re.sub(r"(://[^:/@\s]+:)[^@\s]+@", r"\1***@", text)


def describe_pyiceberg_config(settings: Settings) -> str:
    """A ``.pyiceberg.yaml`` snippet that points pyiceberg's own CLI at the same catalog."""
    props, _ = catalog_properties(settings)
    lines = ["catalog:", f"  {settings.catalog_name}:"]
    # Printed for copying into a file: credentials stay out (the URI keeps its user, not its password).
    lines += [f"    {k}: {_redact(str(v))}" for k, v in props.items() if "secret" not in k and "password" not in k]
    return "\n".join(lines)
