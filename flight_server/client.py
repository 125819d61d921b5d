"""A small Python client for the lakehouse Flight server, over pyarrow Flight.

>>> from lakehouse.client import connect
>>> with connect("grpc://127.0.0.1:8815") as lh:                     # doctest: +SKIP
...     lh.query("member_trades", {"ticker": "NVDA", "limit": 10})
...     lh.sql("select party, count(*) from gold.fact_transactions group by party", tag="release-2025-06")
...     lh.table("gold.fact_filings", as_of="2025-06-01T00:00:00Z")

Each call is one DoGet whose JSON ticket the server resolves on arrival. Server errors arrive as
:class:`~core.errors.LakehouseError` subclasses with the server's message. SQL tools, R and
JDBC use Flight SQL instead (see the README and :mod:`lakehouse.adbc_example`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.flight as flight

from core.errors import LakehouseError, QueryError
from flight_server.errors import (
    AuthenticationError,
    QueryCancelledError,
    QueryTimeoutError,
    RemoteUnavailableError,
)

NAMED_QUERIES_ACTION = "lakehouse.named_queries"


class LakehouseClient:
    """A connection to a lakehouse Flight server.

    Args:
        location: ``grpc://host:port`` or ``grpc+tls://host:port``.
        token: the server's token (sent as a bearer token).
        username: with ``password``, log in by basic auth instead (the password is the token).
        tls_root_certs: PEM bytes or a path, to trust a self-signed server certificate.
        timeout: seconds per call (None: no client-side limit; the server has its own).
    """

    def __init__(
        self,
        location: str,
        *,
        token: str | None = None,
        username: str | None = None,
        password: str | None = None,
        tls_root_certs: bytes | str | Path | None = None,
        timeout: float | None = None,
    ) -> None:
        self.location = location
        kwargs: dict[str, Any] = {}
        if tls_root_certs:
            kwargs["tls_root_certs"] = (
                tls_root_certs if isinstance(tls_root_certs, bytes) else Path(tls_root_certs).read_bytes()
            )
        self._client = flight.FlightClient(location, **kwargs)
        headers: list[tuple[bytes, bytes]] = []
        with _errors(location):
            if token:
                headers.append((b"authorization", f"Bearer {token}".encode()))
            elif username is not None or password is not None:
                headers.append(self._client.authenticate_basic_token(username or "", password or ""))
        self._options = flight.FlightCallOptions(headers=headers, timeout=timeout)

    def __enter__(self) -> LakehouseClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def query(self, name: str, params: Mapping[str, Any] | None = None, **as_of: Any) -> pa.Table:
        """Run a named query (``member_trades``, ``trending_stocks``, ``top_traders``, ``search``,
        ``filing``, ``summary``); ``as_of`` takes ``snapshot_id=``, ``as_of=`` or ``tag=``."""
        return self._read({"query": name, "params": dict(params or {}), **_selector(**as_of)})

    def ask(self, name: str, params: Mapping[str, Any] | None = None, **as_of: Any) -> pa.Table:
        """Like :meth:`query`, with the answer's window and, when empty, the reason as schema metadata
        (``lakehouse.window_end``, ``lakehouse.note`` …; :func:`flight_server.named.explain`).

        The query is described first (GetFlightInfo) so its ticket pins every table to a snapshot;
        its ``<name>.context`` companion then reads exactly those snapshots.
        """
        from flight_server.named import CONTEXT_SUFFIX, explain, named_query, schema_metadata

        body = {"query": name, "params": _jsonable(dict(params or {})), **_selector(**as_of)}
        descriptor = flight.FlightDescriptor.for_command(json.dumps(body).encode())
        with _errors(self.location):
            ticket = self._client.get_flight_info(descriptor, self._options).endpoints[0].ticket
            table = self._client.do_get(ticket, self._options).read_all()
        issued = json.loads(ticket.ticket)
        context = self._read({"query": f"{name}{CONTEXT_SUFFIX}", "params": issued["params"],
                              "pins": issued["pins"]})
        query = named_query(name)
        explained = explain(query, query.validate(issued["params"]), (context.to_pylist() or [None])[0],
                            table.num_rows)
        return table.replace_schema_metadata({**(table.schema.metadata or {}), **schema_metadata(explained)})

    def sql(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None, **as_of: Any
    ) -> pa.Table:
        """Run read-only SQL over gold tables (``?`` or ``$name`` parameters are bound, not formatted)."""
        body: dict[str, Any] = {"sql": sql, **_selector(**as_of)}
        if params is not None:
            body["params"] = _jsonable(params)
        return self._read(body)

    def table(self, name: str, **as_of: Any) -> pa.Table:
        """A whole Gold table (``gold.fact_filings``), with its Iceberg Arrow schema."""
        return self._read({"table": name, **_selector(**as_of)})

    def stream(self, command: Mapping[str, Any]) -> Iterator[pa.RecordBatch]:
        """Batches of any command (``{"sql"|"query"|"table": …}``) as they arrive, for big results."""
        with _errors(self.location):
            reader = self._client.do_get(flight.Ticket(json.dumps(dict(command)).encode()), self._options)
        while True:
            with _errors(self.location):
                try:
                    chunk = reader.read_chunk()
                except StopIteration:
                    return
            yield chunk.data

    def named_queries(self) -> list[dict[str, Any]]:
        """The named queries and their parameters, as the server describes them."""
        with _errors(self.location):
            results = list(self._client.do_action(flight.Action(NAMED_QUERIES_ACTION, b""), self._options))
        return json.loads(results[0].body.to_pybytes())

    def tables(self) -> list[str]:
        """Served table names (``gold.…``)."""
        with _errors(self.location):
            return [
                ".".join(p.decode() for p in f.descriptor.path)
                for f in self._client.list_flights(b"", self._options)
            ]

    def _read(self, body: Mapping[str, Any]) -> pa.Table:
        with _errors(self.location):
            return self._client.do_get(flight.Ticket(json.dumps(body).encode()), self._options).read_all()


def connect(location: str, **kwargs: Any) -> LakehouseClient:
    """Open a :class:`LakehouseClient` (same arguments)."""
    return LakehouseClient(location, **kwargs)


def fetch_table(
    location: str,
    table: str,
    *,
    snapshot_id: int | None = None,
    as_of: str | None = None,
    tag: str | None = None,
) -> pa.Table:
    """Read a Gold table (optionally at a snapshot id, ISO time or tag) from a Flight server."""
    with connect(location) as client:
        return client.table(table, snapshot_id=snapshot_id, as_of=as_of, tag=tag)


def _selector(
    snapshot_id: int | None = None, as_of: str | dt.datetime | None = None, tag: str | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if snapshot_id is not None:
        out["snapshot_id"] = int(snapshot_id)
    if as_of is not None:
        out["as_of"] = as_of.isoformat() if isinstance(as_of, dt.datetime | dt.date) else str(as_of)
    if tag is not None:
        out["tag"] = tag
    return out


def _jsonable(params: Sequence[Any] | Mapping[str, Any]) -> Any:
    convert = lambda v: v.isoformat() if isinstance(v, dt.date) else v  # noqa: E731
    if isinstance(params, Mapping):
        return {k: convert(v) for k, v in params.items()}
    return [convert(v) for v in params]


class _errors:
    """Turn Flight errors into lakehouse errors carrying the server's own message."""

    def __init__(self, location: str) -> None:
        self.location = location

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> bool:
        if exc is None or not isinstance(exc, flight.FlightError) or isinstance(exc, LakehouseError):
            return False
        message = str(exc).split(". Detail:", 1)[0].split(". gRPC client debug context", 1)[0]
        if isinstance(exc, flight.FlightUnauthenticatedError | flight.FlightUnauthorizedError):
            raise AuthenticationError(f"{self.location}: {message}") from None
        if isinstance(exc, flight.FlightTimedOutError):
            raise QueryTimeoutError(message) from None
        if isinstance(exc, flight.FlightCancelledError):
            raise QueryCancelledError(message) from None
        if isinstance(exc, flight.FlightUnavailableError):
            raise RemoteUnavailableError(
                f"Cannot reach the Flight server at {self.location}: {message}"
            ) from None
        raise QueryError(message) from None
