"""One typed, frozen settings object, loaded once at the edge (the CLI, a test, a notebook).

Precedence, lowest to highest: defaults below, then ``LAKEHOUSE_*`` environment variables, then
explicit keyword overrides (the CLI passes its flags this way). The *catalog* is configured the
way pyiceberg configures catalogs — a catalog named ``lakehouse`` in ``.pyiceberg.yaml`` or
``PYICEBERG_CATALOG__LAKEHOUSE__*`` variables — so pyiceberg's own CLI and other Iceberg engines
see the same tables; when none is configured we use the embedded default under ``home``
(see :mod:`catalog.connect`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lakehouse.errors import ConfigError

CLERK_BASE_URL = "https://disclosures-clerk.house.gov"

#: Every environment variable the lakehouse reads itself (pyiceberg reads its own PYICEBERG_*).
KNOWN_ENV: dict[str, str] = {
    "LAKEHOUSE_HOME": "Directory of the embedded catalog and warehouse (default ./.lakehouse).",
    "LAKEHOUSE_CATALOG": "Name of the pyiceberg catalog to use (default 'lakehouse').",
    "LAKEHOUSE_SOURCE": "Base URL or directory of the House Clerk site or a mirror of it.",
    "LAKEHOUSE_HTTP_CONCURRENCY": "Parallel PDF downloads (default 4).",
    "LAKEHOUSE_HTTP_RATE": "Polite request rate limit, requests per second (default 4).",
    "LAKEHOUSE_HTTP_RETRIES": "Retries per request for timeouts, resets, 429 and 5xx (default 5).",
    "LAKEHOUSE_HTTP_BACKOFF": "Exponential backoff factor in seconds between retries (default 0.5).",
    "LAKEHOUSE_HTTP_TIMEOUT": "Seconds before an HTTP request times out (default 30).",
    "LAKEHOUSE_COMMIT_EVERY": "Commit fetched PDFs to bronze every N documents (default 100).",
    "LAKEHOUSE_FLIGHT_HOST": "Address the Flight server binds (default 127.0.0.1).",
    "LAKEHOUSE_FLIGHT_PORT": "Port of the Flight server (default 8815).",
    "LAKEHOUSE_LOG_LEVEL": "Logging level for operators (default WARNING).",
}


@dataclasses.dataclass(frozen=True)
class Settings:
    """Everything configurable about a lakehouse run."""

    home: Path = Path(".lakehouse")
    """Directory of the embedded SQLite catalog and local warehouse."""
    catalog_name: str = "lakehouse"
    """pyiceberg catalog name looked up in .pyiceberg.yaml / PYICEBERG_CATALOG__<NAME>__*."""
    source: str = CLERK_BASE_URL
    """Where House filings come from: the Clerk site, a mirror URL, or a local directory."""
    http_concurrency: int = 4
    """Parallel downloads; the Clerk site is a public service, so stay modest."""
    http_rate: float = 4.0
    """Requests per second across all download threads."""
    http_retries: int = 5
    """Retries for transient failures (timeouts, resets, 429, 5xx); never for 404."""
    http_backoff: float = 0.5
    """Backoff factor: sleeps 0.5, 1, 2, 4 … seconds between retries (Retry-After wins)."""
    http_timeout: float = 30.0
    """Seconds for connect and for each read."""
    commit_every: int = 100
    """Fetched PDFs per bronze commit, so an interrupted download keeps what it committed."""
    flight_host: str = "127.0.0.1"
    flight_port: int = 8815
    log_level: str = "WARNING"

    @property
    def user_agent(self) -> str:
        from lakehouse import __version__

        return f"congress-lakehouse/{__version__} (+open research; House FD disclosures)"

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (None values are ignored, as unset CLI flags)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_ENV_FIELDS: dict[str, str] = {
    "LAKEHOUSE_HOME": "home",
    "LAKEHOUSE_CATALOG": "catalog_name",
    "LAKEHOUSE_SOURCE": "source",
    "LAKEHOUSE_HTTP_CONCURRENCY": "http_concurrency",
    "LAKEHOUSE_HTTP_RATE": "http_rate",
    "LAKEHOUSE_HTTP_RETRIES": "http_retries",
    "LAKEHOUSE_HTTP_BACKOFF": "http_backoff",
    "LAKEHOUSE_HTTP_TIMEOUT": "http_timeout",
    "LAKEHOUSE_COMMIT_EVERY": "commit_every",
    "LAKEHOUSE_FLIGHT_HOST": "flight_host",
    "LAKEHOUSE_FLIGHT_PORT": "flight_port",
    "LAKEHOUSE_LOG_LEVEL": "log_level",
}


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build settings from defaults, then ``environ`` (default ``os.environ``), then ``overrides``.

    Raises:
        ConfigError: a variable has a value of the wrong type.
    """
    environ = os.environ if environ is None else environ
    field_types = {f.name: f.type for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    for var, name in _ENV_FIELDS.items():
        raw = environ.get(var)
        if raw is None or raw == "":
            continue
        values[name] = _coerce(var, raw, field_types[name])
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "home" in values:
        values["home"] = Path(values["home"])
    settings = Settings(**values)
    if settings.http_concurrency < 1 or settings.http_rate <= 0 or settings.commit_every < 1:
        raise ConfigError(
            "HTTP concurrency, rate and commit batch size must be positive; check "
            "LAKEHOUSE_HTTP_CONCURRENCY, LAKEHOUSE_HTTP_RATE and LAKEHOUSE_COMMIT_EVERY"
        )
    return settings


def _coerce(var: str, raw: str, type_name: str) -> Any:
    try:
        if type_name == "int":
            return int(raw)
        if type_name == "float":
            return float(raw)
    except ValueError:
        raise ConfigError(f"{var}={raw!r} is not a valid {type_name}; unset it or give a number") from None
    return raw
