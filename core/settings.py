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

from core.errors import ConfigError

CLERK_BASE_URL = "https://disclosures-clerk.house.gov"

#: Every environment variable the lakehouse reads itself (pyiceberg reads its own PYICEBERG_*).
KNOWN_ENV: dict[str, str] = {
    "LAKEHOUSE_HOME": "Directory of the embedded catalog and warehouse (default ./.lakehouse).",
    "LAKEHOUSE_CATALOG": "Name of the pyiceberg catalog to use (default 'lakehouse').",
    "LAKEHOUSE_SOURCE": "Base URL or directory of the House Clerk site or a mirror of it.",
    "LAKEHOUSE_SENATE_SOURCE": "Adds the Senate step to `pipeline run`: a saved eFD mirror (directory or URL), or "
                               "'live' for efdsearch.senate.gov (default: unset, no Senate step).",
    "LAKEHOUSE_HTTP_CONCURRENCY": "Parallel PDF downloads (default 4).",
    "LAKEHOUSE_HTTP_RATE": "Polite request rate limit, requests per second (default 4).",
    "LAKEHOUSE_HTTP_RETRIES": "Retries per request for timeouts, resets, 429 and 5xx (default 5).",
    "LAKEHOUSE_HTTP_BACKOFF": "Exponential backoff factor in seconds between retries (default 0.5).",
    "LAKEHOUSE_HTTP_TIMEOUT": "Seconds before an HTTP request times out (default 30).",
    "LAKEHOUSE_COMMIT_EVERY": "Commit fetched PDFs to bronze every N documents (default 100).",
    "LAKEHOUSE_FLIGHT_HOST": "Address the Flight server binds (default 127.0.0.1).",
    "LAKEHOUSE_FLIGHT_PORT": "Port of the Flight server (default 8815).",
    "LAKEHOUSE_FLIGHT_TOKEN": "Token Flight clients must present (required off loopback).",
    "LAKEHOUSE_FLIGHT_TLS_CERT": "PEM certificate of the Flight server; `query --remote` trusts it.",
    "LAKEHOUSE_FLIGHT_TLS_KEY": "PEM private key of LAKEHOUSE_FLIGHT_TLS_CERT.",
    "LAKEHOUSE_FLIGHT_QUERY_TIMEOUT": "Seconds a Flight query may run, streaming included (default 60).",
    "LAKEHOUSE_FLIGHT_MAX_ROWS": "Rows a Flight query may return (default 10000000).",
    "LAKEHOUSE_FLIGHT_QUERY_MEMORY_MB": "Working memory of one Flight query, in MiB (default 1024).",
    "LAKEHOUSE_FLIGHT_MAX_QUERIES": "Flight queries executing at once; more wait (default 8).",
    "LAKEHOUSE_FLIGHT_CACHE_MB": "Warm cache of Gold snapshots in the Flight server, MiB (default 2048).",
    "LAKEHOUSE_FLIGHT_RESULT_CACHE_MB": "Cache of named-query results by snapshot in the Flight server, MiB "
                                        "(default 64; 0 turns it off).",
    "LAKEHOUSE_JOB_MEMORY_MB": "Memory DuckDB may use in a batch job, MiB; past it joins, aggregates and sorts "
                               "spill to disk (default 2048).",
    "LAKEHOUSE_JOB_SPILL_DIR": "Where batch jobs spill (default: a lakehouse-duckdb-spill folder in the "
                               "system temp directory).",
    "LAKEHOUSE_ALERT_SINKS": "Where failed audits and pipeline runs are reported, comma-separated: log, "
                             "webhook, sns (default log).",
    "LAKEHOUSE_ALERT_WEBHOOK_URL": "URL the webhook sink POSTs the alert JSON to.",
    "LAKEHOUSE_ALERT_WEBHOOK_TIMEOUT": "Seconds before the webhook POST times out (default 10).",
    "LAKEHOUSE_ALERT_SNS_TOPIC_ARN": "ARN of the SNS topic the sns sink publishes to (boto3's credentials).",
    "LAKEHOUSE_ALERT_SNS_REGION": "AWS region of the SNS topic (default: the topic ARN's region).",
    "LAKEHOUSE_ALERT_SNS_ENDPOINT": "SNS endpoint URL, for an SNS-compatible service or a local test server.",
    "LAKEHOUSE_LOG_LEVEL": "Logging level for operators (default WARNING).",
    "LAKEHOUSE_EXECUTOR": "Where per-document extraction runs: unset for a local process pool, or a Dask "
                          "scheduler address tcp://HOST:PORT (docs/scale-out.md).",
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
    senate_source: str | None = None
    """Where ``pipeline run`` gets Senate eFD reports: a saved mirror (directory or URL), ``live`` for the
    site (slow: a headless browser when it refuses plain HTTP), or None/``off`` for no Senate step."""
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
    flight_token: str | None = None
    """Bearer token of the Flight server; also accepted as the password of basic auth (any user name)."""
    flight_tls_cert: str | None = None
    """Path of the PEM certificate the Flight server presents; serving TLS needs the key too."""
    flight_tls_key: str | None = None
    """Path of the PEM private key of ``flight_tls_cert``."""
    flight_query_timeout: float = 60.0
    """Seconds one Flight query may take from start to last batch; then it is interrupted."""
    flight_max_rows: int = 10_000_000
    """Rows one Flight query may return; a bigger result fails with a clear error."""
    flight_query_memory_mb: int = 1024
    """Working memory per Flight query (DuckDB's limit is this times ``flight_max_queries``)."""
    flight_max_queries: int = 8
    """Flight queries executing at once, so each can count on its working memory."""
    flight_cache_mb: int = 2048
    """Memory for warm (table, snapshot) data in the Flight server; bigger snapshots are streamed."""
    flight_result_cache_mb: int = 64
    """Memory for results of named queries, keyed by query, parameters and the snapshots read (0: off)."""
    job_memory_mb: int = 2048
    """DuckDB's memory limit in batch jobs: a 10M-trade Gold rebuild then peaks under ~3 GB, spilling."""
    job_spill_dir: str | None = None
    """Directory for DuckDB's spill files (default: ``lakehouse-duckdb-spill`` in the temp directory)."""
    alert_sinks: str = "log"
    """Alert sinks, comma-separated: ``log`` (operator log), ``webhook`` (HTTP POST of JSON), ``sns``."""
    alert_webhook_url: str | None = None
    """Where the webhook sink POSTs; required when ``webhook`` is among the sinks."""
    alert_webhook_timeout: float = 10.0
    alert_sns_topic_arn: str | None = None
    """Topic the sns sink publishes to; required when ``sns`` is among the sinks."""
    alert_sns_region: str | None = None
    alert_sns_endpoint: str | None = None
    """SNS endpoint override (an SNS-compatible service, or moto in tests); None = AWS."""
    log_level: str = "WARNING"
    executor: str | None = None
    """Dask scheduler address (``tcp://HOST:PORT``) for per-document work; None = a local process pool."""

    @property
    def user_agent(self) -> str:
        from core import __version__

        return f"congress-lakehouse/{__version__} (+open research; House FD disclosures)"

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (None values are ignored, as unset CLI flags)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_ENV_FIELDS: dict[str, str] = {
    "LAKEHOUSE_HOME": "home",
    "LAKEHOUSE_CATALOG": "catalog_name",
    "LAKEHOUSE_SOURCE": "source",
    "LAKEHOUSE_SENATE_SOURCE": "senate_source",
    "LAKEHOUSE_HTTP_CONCURRENCY": "http_concurrency",
    "LAKEHOUSE_HTTP_RATE": "http_rate",
    "LAKEHOUSE_HTTP_RETRIES": "http_retries",
    "LAKEHOUSE_HTTP_BACKOFF": "http_backoff",
    "LAKEHOUSE_HTTP_TIMEOUT": "http_timeout",
    "LAKEHOUSE_COMMIT_EVERY": "commit_every",
    "LAKEHOUSE_FLIGHT_HOST": "flight_host",
    "LAKEHOUSE_FLIGHT_PORT": "flight_port",
    "LAKEHOUSE_FLIGHT_TOKEN": "flight_token",
    "LAKEHOUSE_FLIGHT_TLS_CERT": "flight_tls_cert",
    "LAKEHOUSE_FLIGHT_TLS_KEY": "flight_tls_key",
    "LAKEHOUSE_FLIGHT_QUERY_TIMEOUT": "flight_query_timeout",
    "LAKEHOUSE_FLIGHT_MAX_ROWS": "flight_max_rows",
    "LAKEHOUSE_FLIGHT_QUERY_MEMORY_MB": "flight_query_memory_mb",
    "LAKEHOUSE_FLIGHT_MAX_QUERIES": "flight_max_queries",
    "LAKEHOUSE_FLIGHT_CACHE_MB": "flight_cache_mb",
    "LAKEHOUSE_FLIGHT_RESULT_CACHE_MB": "flight_result_cache_mb",
    "LAKEHOUSE_JOB_MEMORY_MB": "job_memory_mb",
    "LAKEHOUSE_JOB_SPILL_DIR": "job_spill_dir",
    "LAKEHOUSE_ALERT_SINKS": "alert_sinks",
    "LAKEHOUSE_ALERT_WEBHOOK_URL": "alert_webhook_url",
    "LAKEHOUSE_ALERT_WEBHOOK_TIMEOUT": "alert_webhook_timeout",
    "LAKEHOUSE_ALERT_SNS_TOPIC_ARN": "alert_sns_topic_arn",
    "LAKEHOUSE_ALERT_SNS_REGION": "alert_sns_region",
    "LAKEHOUSE_ALERT_SNS_ENDPOINT": "alert_sns_endpoint",
    "LAKEHOUSE_LOG_LEVEL": "log_level",
    "LAKEHOUSE_EXECUTOR": "executor",
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
    if settings.job_memory_mb < 64:
        raise ConfigError(f"LAKEHOUSE_JOB_MEMORY_MB={settings.job_memory_mb} is too small; give at least 64 (MiB)")
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
