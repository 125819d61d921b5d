"""Build the Iceberg catalog from settings, following pyiceberg's configuration conventions."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from lakehouse.errors import ConfigError
from lakehouse.settings import Settings

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
    """Connect to the catalog (creating the embedded one on first use)."""
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
    logger.info("catalog %s: %s", settings.catalog_name, _redact(props.get("uri", "?")))
    return catalog


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
