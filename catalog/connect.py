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
        return {str(k): str(v) for k, v in configured.items()}, False
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
            f"Could not open {where} ({props.get('type', '?')} at {props.get('uri', '?')}): {exc}. "
            "Check .pyiceberg.yaml / PYICEBERG_CATALOG__* settings and that the catalog is reachable."
        ) from exc
    logger.info("catalog %s: %s", settings.catalog_name, props.get("uri"))
    return catalog


def describe_pyiceberg_config(settings: Settings) -> str:
    """A ``.pyiceberg.yaml`` snippet that points pyiceberg's own CLI at the same catalog."""
    props, _ = catalog_properties(settings)
    lines = ["catalog:", f"  {settings.catalog_name}:"]
    lines += [f"    {k}: {v}" for k, v in props.items() if "secret" not in k and "password" not in k]
    return "\n".join(lines)
