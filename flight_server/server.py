"""A read-only Arrow Flight and Flight SQL server of the Gold tables, at any version.

Two front ends share one query service (:mod:`flight_server.service`):

* **Flight SQL** for ADBC (Python, R), the JDBC driver (DBeaver) and other generic clients:
  statement queries, prepared statements with parameters bound through DoPut, GetSqlInfo and the
  catalog calls (GetCatalogs/GetDbSchemas/GetTables with schemas/GetTableTypes, keys, type info),
  cancellation, and session options.
* **Plain Flight with JSON** for pyarrow users: a path descriptor (``["gold", "fact_filings"]``)
  or a JSON command/ticket: ``{"table": "gold.fact_filings"}``, ``{"query": "member_trades",
  "params": {"ticker": "NVDA"}}`` or ``{"sql": "select …", "params": [...]}``, each with an
  optional ``"snapshot_id"``, ``"as_of"`` (ISO time) or ``"tag"``.

``get_flight_info`` pins the snapshot of every table into the ticket, so the DoGet that follows
reads exactly the version that was described, even if a new snapshot lands in between. This class
only translates between the wire and the service; errors become Flight errors in one place
(:func:`flight_errors`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.flight as flight
from altertable_flightsql.generated import arrow_flight_pb2 as flight_pb
from altertable_flightsql.generated import arrow_flight_sql_pb2 as sql_pb

from catalog.registry import TABLES
from catalog.store import Store
from core.asof import AsOf
from core.errors import ConfigError, LakehouseError, QueryError
from core.hosts import is_loopback
from core.settings import Settings
from flight_server import flightsql
from flight_server.auth import (
    SELECTOR_HEADERS,
    Authenticator,
    CallMiddleware,
    CallMiddlewareFactory,
    NoOpAuthHandler,
    SessionStore,
    as_of_from,
)
from flight_server.errors import QueryCancelledError, QueryRefusedError, QueryTimeoutError
from flight_server.policy import CATALOG_NAME, SERVED_SCHEMA
from flight_server.service import (
    MAX_PARAM_BYTES,
    CachedStream,
    QueryService,
    QueryStream,
    Request,
    encode_params,
    ticket_json,
)

logger = logging.getLogger(__name__)

NAMED_QUERIES_ACTION = "lakehouse.named_queries"
_PREPARED = "lakehouse.prepared"
BOUND_PARAMS_BYTES = 64 << 20
"""Budget of parameters kept for clients that execute a prepared statement's original handle."""
_READ_ONLY = (
    "This server is read-only (Gold tables for analysis): updates, ingestion and transactions are refused."
)


def to_flight_error(exc: BaseException) -> BaseException:
    """The Flight error a client should see for ``exc`` (the one place errors are mapped)."""
    if isinstance(exc, flight.FlightError):
        return exc
    # Flight appends ". Detail: …" to the message; a trailing period would double up.
    message = str(exc).rstrip(".")
    if isinstance(exc, QueryTimeoutError):
        return flight.FlightTimedOutError(message)
    if isinstance(exc, QueryCancelledError):
        return flight.FlightCancelledError(message)
    if isinstance(exc, LakehouseError):
        return flight.FlightServerError(message)
    if isinstance(exc, ValueError | pa.ArrowException):
        return flight.FlightServerError(f"Bad request: {message}")
    logger.error("unexpected error in the Flight server", exc_info=exc)
    return flight.FlightInternalError(
        f"Internal error ({type(exc).__name__}); the server log has the details."
    )


def flight_errors(fn: Callable) -> Callable:
    """Decorate a handler so lakehouse errors reach the client as clear Flight errors."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            raise to_flight_error(exc) from None

    return wrapper


class _FlightStream:
    """Adapts a :class:`QueryStream` for ``GeneratorStream``: maps its errors, closes it when dropped."""

    def __init__(self, stream: QueryStream) -> None:
        self._stream = stream

    def __iter__(self) -> _FlightStream:
        return self

    def __next__(self) -> pa.RecordBatch:
        try:
            return next(self._stream)
        except StopIteration:
            raise
        except BaseException as exc:
            raise to_flight_error(exc) from None


class GoldFlightServer(flight.FlightServerBase):
    """Serves Gold tables over Flight SQL and plain Flight; everything else stays private.

    Args:
        store: the lakehouse's tables.
        location: where to listen; ``grpc+tls://`` needs ``tls_certificates``.
        settings: limits, cache size and the token (``flight_token``) come from here.
        token: overrides ``settings.flight_token``; None or empty means no authentication.
        tls_certificates: ``[(cert_pem, key_pem)]`` for TLS.
    """

    def __init__(
        self,
        store: Store,
        location: str = "grpc://127.0.0.1:0",
        *,
        settings: Settings | None = None,
        token: str | None = None,
        tls_certificates: list[tuple[bytes, bytes]] | None = None,
        **kwargs: Any,
    ) -> None:
        settings = settings or Settings()
        token = token if token is not None else settings.flight_token
        self._auth = Authenticator(token) if token else None
        if tls_certificates:
            kwargs["tls_certificates"] = tls_certificates
        self._sessions = SessionStore()
        super().__init__(
            location,
            auth_handler=NoOpAuthHandler(),
            middleware={"lakehouse": CallMiddlewareFactory(self._auth, self._sessions)},
            **kwargs,
        )
        self._store = store
        self._service = QueryService(store, settings)
        self._bound = flightsql.BoundParameters(BOUND_PARAMS_BYTES)
        from core import __version__

        self._sql_info = flightsql.sql_info(__version__, 0)

    @property
    def service(self) -> QueryService:
        """The query service (cache statistics, running queries) for operators and tests."""
        return self._service

    def shutdown(self) -> None:
        super().shutdown()
        self._service.close()

    # -- plain Flight ---------------------------------------------------------------------------

    @flight_errors
    def list_flights(self, context: flight.ServerCallContext, criteria: bytes) -> Iterator[flight.FlightInfo]:
        infos = []
        for table in self._service.tracker.tables():
            descriptor = flight.FlightDescriptor.for_path(*table.split("."))
            infos.append(self._plain_info(Request.from_json({"table": table}), descriptor))
        return iter(infos)

    @flight_errors
    def get_flight_info(
        self, context: flight.ServerCallContext, descriptor: flight.FlightDescriptor
    ) -> flight.FlightInfo:
        if descriptor.descriptor_type == flight.DescriptorType.PATH:
            parts = [p.decode() if isinstance(p, bytes) else p for p in descriptor.path]
            return self._plain_info(
                Request.from_json({"table": ".".join(parts)}, self._selector(context)), descriptor
            )
        raw = descriptor.command
        if _is_json(raw):
            return self._plain_info(
                Request.from_json(_json(raw), self._selector(context)), descriptor, _owner(context)
            )
        name, command = flightsql.unpack(raw)
        if name in flightsql.METADATA_COMMANDS:
            schema = flightsql.schema_for(name, command)
            return flight.FlightInfo(schema, descriptor, [flight.FlightEndpoint(raw, [])], -1, -1)
        started = time.monotonic()
        request = self._sql_request(name, command, context)
        request = self._service.pin(request)
        schema = self._service.schema(request, _owner(context), started)
        request = dataclasses.replace(request, spent=time.monotonic() - started)
        ticket = flightsql.pack(sql_pb.TicketStatementQuery(statement_handle=ticket_json(request)))
        return flight.FlightInfo(schema, descriptor, [flight.FlightEndpoint(ticket, [])], -1, -1)

    @flight_errors
    def get_schema(
        self, context: flight.ServerCallContext, descriptor: flight.FlightDescriptor
    ) -> flight.SchemaResult:
        return flight.SchemaResult(self.get_flight_info(context, descriptor).schema)

    def _plain_info(
        self, request: Request, descriptor: flight.FlightDescriptor, owner: str | None = None
    ) -> flight.FlightInfo:
        started = time.monotonic()
        request = self._service.pin(request)
        schema = self._service.schema(request, owner, started)
        if request.table is None:
            request = dataclasses.replace(request, spent=time.monotonic() - started)
        rows = -1
        if request.table is not None:
            snapshot_id = (request.pins or {}).get(request.table)
            rows = self._store.row_count_at(request.table, snapshot_id)
        return flight.FlightInfo(
            schema, descriptor, [flight.FlightEndpoint(ticket_json(request), [])], rows, -1
        )

    @flight_errors
    def do_get(self, context: flight.ServerCallContext, ticket: flight.Ticket) -> flight.FlightDataStream:
        raw = ticket.ticket
        if _is_json(raw):
            request = Request.from_json(_json(raw), self._selector(context))
        else:
            name, message = flightsql.unpack(raw)
            if name in flightsql.METADATA_COMMANDS:
                return flight.RecordBatchStream(self._metadata(name, message))
            if name != "TicketStatementQuery":
                raise QueryError(f"Bad request: {name} is not a ticket.")
            request = Request.from_json(_json(message.statement_handle), self._selector(context))
        stream = self._service.open(request, key=raw, owner=_owner(context))
        if isinstance(stream, CachedStream):
            # Already in memory: Flight sends it from C++ without calling back into Python per batch.
            return flight.RecordBatchStream(stream.read_all(), options=_IPC_OPTIONS)
        stream.is_cancelled = context.is_cancelled
        return flight.GeneratorStream(stream.schema, _FlightStream(stream))

    @flight_errors
    def do_exchange(
        self,
        context: flight.ServerCallContext,
        descriptor: flight.FlightDescriptor,
        reader: flight.MetadataRecordBatchReader,
        writer: flight.MetadataRecordBatchWriter,
    ) -> None:
        raise QueryRefusedError(
            "DoExchange is not supported by this read-only server: send a query with GetFlightInfo "
            "and DoGet (Flight SQL, or a JSON command)."
        )

    # -- Flight SQL -----------------------------------------------------------------------------

    def _sql_request(self, name: str, command: Any, context: flight.ServerCallContext) -> Request:
        if name == "CommandStatementQuery":
            return Request(command.query, as_of=self._selector(context))
        if name == "CommandPreparedStatementQuery":
            handle = _prepared(command.prepared_statement_handle)
            statement_id = handle.pop("id", None)
            if "params_ipc" not in handle and statement_id and (bound := self._bound.get(statement_id)):
                handle["params_ipc"] = bound  # bound with DoPut, executed by the original handle
            return Request.from_json(handle, self._selector(context))
        if name in ("CommandStatementUpdate", "CommandPreparedStatementUpdate", "CommandStatementIngest"):
            raise QueryRefusedError(_READ_ONLY)
        if name == "CommandStatementSubstraitPlan":
            raise QueryError("Substrait plans are not supported: send SQL.")
        raise QueryError(f"Flight SQL command {name} is not supported by this server.")

    def _metadata(self, name: str, message: Any) -> pa.Table:
        if name == "CommandGetSqlInfo":
            return flightsql.sql_info_table(self._sql_info, list(message.info))
        if name == "CommandGetCatalogs":
            return flightsql.catalogs_table(CATALOG_NAME)
        if name == "CommandGetDbSchemas":
            return flightsql.db_schemas_table(CATALOG_NAME, SERVED_SCHEMA, message)
        if name == "CommandGetTables":
            if message.include_schema:
                tables = self._service.table_schemas()
            else:
                tables = [(t.split(".", 1)[1], None) for t in self._service.tracker.tables()]
            return flightsql.tables_table(CATALOG_NAME, SERVED_SCHEMA, tables, message)
        if name == "CommandGetTableTypes":
            return flightsql.table_types_table()
        if name == "CommandGetPrimaryKeys":
            identifier = f"{SERVED_SCHEMA}.{message.table}"
            spec = next((t for t in TABLES if t.identifier == identifier), None)
            known = self._service.tracker.is_served(identifier)
            return flightsql.primary_keys_table(
                CATALOG_NAME, SERVED_SCHEMA, message.table, spec.key if spec is not None and known else ()
            )
        if name == "CommandGetXdbcTypeInfo":
            return flightsql.xdbc_type_info_table(message)
        return flightsql.empty(flightsql.schema_for(name, message))

    @flight_errors
    def do_put(
        self,
        context: flight.ServerCallContext,
        descriptor: flight.FlightDescriptor,
        reader: flight.MetadataRecordBatchReader,
        writer: flight.FlightMetadataWriter,
    ) -> None:
        if _is_json(descriptor.command or b"") or descriptor.descriptor_type != flight.DescriptorType.CMD:
            raise QueryRefusedError(_READ_ONLY)
        name, command = flightsql.unpack(descriptor.command)
        if name != "CommandPreparedStatementQuery":
            raise QueryRefusedError(_READ_ONLY)
        handle = _prepared(command.prepared_statement_handle)
        params = reader.read_all()
        if params.nbytes > MAX_PARAM_BYTES:
            raise QueryError(
                f"Bound parameters exceed {MAX_PARAM_BYTES >> 20} MiB; bind fewer rows at a time."
            )
        handle["params_ipc"] = encode_params(params)
        if handle.get("id"):
            self._bound.bind(handle["id"], handle["params_ipc"])
        result = sql_pb.DoPutPreparedStatementResult(prepared_statement_handle=_handle_bytes(handle))
        writer.write(pa.py_buffer(result.SerializeToString()))

    @flight_errors
    def do_action(self, context: flight.ServerCallContext, action: flight.Action) -> Iterator[flight.Result]:
        body = action.body.to_pybytes() if action.body is not None else b""
        kind = action.type
        if kind == "CreatePreparedStatement":
            _, request = flightsql.unpack(body)
            return iter([flight.Result(flightsql.pack(self._prepare(request.query, context)))])
        if kind == "ClosePreparedStatement":
            self._close_prepared(body)
            return iter([])
        if kind in ("CancelFlightInfo", "CancelQuery"):
            return iter([self._cancel(kind, body, _owner(context))])
        if kind == "SetSessionOptions":
            return iter([flight.Result(self._set_session_options(body, context))])
        if kind == "GetSessionOptions":
            middleware = _middleware(context)
            options = self._sessions.get(
                middleware.session_id if middleware and middleware.has_cookie else None
            )
            result = flight_pb.GetSessionOptionsResult()
            for key, value in options.items():
                result.session_options[key].CopyFrom(flightsql.to_session_option_value(value))
            return iter([flight.Result(result.SerializeToString())])
        if kind == "CloseSession":
            middleware = _middleware(context)
            self._sessions.close(middleware.session_id if middleware else None)
            result = flight_pb.CloseSessionResult(status=flight_pb.CloseSessionResult.CLOSED)
            return iter([flight.Result(result.SerializeToString())])
        if kind == NAMED_QUERIES_ACTION:
            return iter([flight.Result(json.dumps(self._service.named_catalog()).encode())])
        if kind in ("BeginTransaction", "EndTransaction", "BeginSavepoint", "EndSavepoint"):
            raise QueryRefusedError(_READ_ONLY)
        raise QueryError(f"Unknown action {kind!r}; see list_actions.")

    def list_actions(self, context: flight.ServerCallContext) -> list[tuple[str, str]]:
        return [
            ("CreatePreparedStatement", "Flight SQL: prepare a SELECT (parameters bind through DoPut)."),
            ("ClosePreparedStatement", "Flight SQL: release a prepared statement."),
            ("CancelFlightInfo", "Stop the queries of a FlightInfo's tickets."),
            ("CancelQuery", "Flight SQL (deprecated form of CancelFlightInfo)."),
            (
                "SetSessionOptions",
                "Session time travel: snapshot_id, as_of or tag (needs the session cookie).",
            ),
            ("GetSessionOptions", "The session's options."),
            ("CloseSession", "Forget the session's options."),
            (NAMED_QUERIES_ACTION, "JSON list of the named queries and their parameters."),
        ]

    def _prepare(self, query: str, context: flight.ServerCallContext) -> Any:
        started = time.monotonic()
        parsed = self._service.parse(query)
        # The id finds parameters bound to this statement when a client executes this very handle.
        handle = {"sql": query, "id": secrets.token_urlsafe(16)}
        schema = b""
        if not parsed.has_parameters:
            request = self._service.pin(Request(query, as_of=self._selector(context)))
            schema = self._service.schema(request, _owner(context), started).serialize().to_pybytes()
        return sql_pb.ActionCreatePreparedStatementResult(
            prepared_statement_handle=_handle_bytes(handle), dataset_schema=schema
        )

    def _close_prepared(self, body: bytes) -> None:
        """Forget the parameters bound to the statement (handles carry everything else)."""
        try:
            _, request = flightsql.unpack(body)
            statement_id = _prepared(request.prepared_statement_handle).get("id")
        except QueryError:
            return  # an unknown handle has nothing to free
        if statement_id:
            self._bound.close(statement_id)

    def _cancel(self, kind: str, body: bytes, owner: str | None) -> flight.Result:
        """Stop the caller's own queries of the tickets; another client's are not cancellable."""
        if kind == "CancelFlightInfo":
            request = flight_pb.CancelFlightInfoRequest()
            request.ParseFromString(body)
            info = request.info
        else:
            _, message = flightsql.unpack(body)
            info = flight_pb.FlightInfo()
            info.ParseFromString(message.info)
        stopped = sum(self._service.cancel(endpoint.ticket.ticket, owner) for endpoint in info.endpoint)
        if kind == "CancelFlightInfo":
            status = flight_pb.CANCEL_STATUS_CANCELLED if stopped else flight_pb.CANCEL_STATUS_NOT_CANCELLABLE
            return flight.Result(flight_pb.CancelFlightInfoResult(status=status).SerializeToString())
        result = (
            sql_pb.ActionCancelQueryResult.CANCEL_RESULT_CANCELLED
            if stopped
            else sql_pb.ActionCancelQueryResult.CANCEL_RESULT_NOT_CANCELLABLE
        )
        return flight.Result(flightsql.pack(sql_pb.ActionCancelQueryResult(result=result)))

    def _set_session_options(self, body: bytes, context: flight.ServerCallContext) -> bytes:
        middleware = _middleware(context)
        if middleware is None or not middleware.has_cookie:
            raise QueryError(
                "Session options need the session cookie this server sets: enable cookies in the "
                "client (ADBC: adbc.flight.sql.rpc.with_cookie_middleware=true), or send the selector "
                f"as a header on every call instead ({', '.join(SELECTOR_HEADERS.values())})."
            )
        request = flight_pb.SetSessionOptionsRequest()
        request.ParseFromString(body)
        result = flight_pb.SetSessionOptionsResult()
        changes: dict[str, Any] = {}
        for name, value in request.session_options.items():
            if name not in SELECTOR_HEADERS:
                result.errors[name].value = flight_pb.SetSessionOptionsResult.INVALID_NAME
                continue
            python_value = flightsql.session_option_value(value)
            try:
                as_of_from(**{name: python_value}, source="session option")
            except QueryError:
                result.errors[name].value = flight_pb.SetSessionOptionsResult.INVALID_VALUE
                continue
            if (
                python_value is not None
            ):  # the three selectors exclude each other: setting one clears the rest
                changes.update(dict.fromkeys(SELECTOR_HEADERS))
            changes[name] = python_value
        self._sessions.update(middleware.session_id, changes)
        return result.SerializeToString()

    def _selector(self, context: flight.ServerCallContext) -> AsOf:
        """The query-wide version: x-lakehouse-* headers, else the session's options, else current."""
        middleware = _middleware(context)
        if middleware is None:
            return AsOf()
        if middleware.selector_headers:
            return as_of_from(**middleware.selector_headers, source="x-lakehouse-* headers")
        options = self._sessions.get(middleware.session_id if middleware.has_cookie else None)
        if options:
            return as_of_from(**options, source="session options")
        return AsOf()


_IPC_OPTIONS = pa.ipc.IpcWriteOptions()
"""Passed explicitly: left out, pyarrow works out the default in Python on every stream (~5 us)."""


def _middleware(context: flight.ServerCallContext) -> CallMiddleware | None:
    return context.get_middleware("lakehouse")


def _owner(context: flight.ServerCallContext) -> str:
    """The caller, as far as fairness and cancellation go: its connection (address and port)."""
    return str(context.peer())


def _is_json(raw: bytes) -> bool:
    return raw.lstrip()[:1] == b"{"


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise QueryError(
            f"Bad request {raw[:200]!r}: {exc}. Send JSON like "
            '{"table": "gold.fact_filings", "snapshot_id": 123} (or "as_of": ISO time, or "tag").'
        ) from None


def _handle_bytes(handle: dict[str, Any]) -> bytes:
    return json.dumps({**handle, _PREPARED: 1}, separators=(",", ":")).encode()


def _prepared(raw: bytes) -> dict[str, Any]:
    handle = _json(raw) if _is_json(raw) else None
    if not isinstance(handle, dict) or handle.get(_PREPARED) != 1 or not isinstance(handle.get("sql"), str):
        raise QueryError("Unknown prepared statement handle: prepare the statement again.")
    return {
        k: v for k, v in handle.items() if k in ("sql", "params_ipc") or (k == "id" and isinstance(v, str))
    }


def load_tls(settings: Settings) -> list[tuple[bytes, bytes]] | None:
    """The server's TLS certificate and key, or None when TLS is not configured.

    Raises:
        ConfigError: only one of the two is set, or a file cannot be read.
    """
    cert, key = settings.flight_tls_cert, settings.flight_tls_key
    if not cert and not key:
        return None
    if not cert or not key:
        raise ConfigError("TLS needs both --tls-cert and --tls-key (LAKEHOUSE_FLIGHT_TLS_CERT/_KEY).")
    try:
        return [(Path(cert).read_bytes(), Path(key).read_bytes())]
    except OSError as exc:
        raise ConfigError(f"Cannot read the TLS certificate or key: {exc}.") from None


def serve(store: Store, settings: Settings, ready: Callable[[str], None] | None = None) -> None:
    """Run the server in the foreground until interrupted.

    Raises:
        ConfigError: a non-loopback address without a token (anyone on the network could read
            the lakehouse, and the token is what keeps them out), or a bad TLS setup.
    """
    host = settings.flight_host
    loopback = is_loopback(host)
    if not loopback and not settings.flight_token:
        raise ConfigError(
            f"Refusing to serve on {host} without authentication: set --token or "
            "LAKEHOUSE_FLIGHT_TOKEN (clients send it as a bearer token, or as the password of basic "
            "auth), and --tls-cert/--tls-key so it does not travel in clear text. Loopback addresses "
            "(127.0.0.1, ::1, localhost) may run without a token."
        )
    tls = load_tls(settings)
    if not loopback and tls is None:
        logger.warning("serving on %s without TLS: the token and the data travel in clear text", host)
    scheme = "grpc+tls" if tls else "grpc"
    address = f"[{host}]" if ":" in host and not host.startswith("[") else host
    server = GoldFlightServer(
        store, f"{scheme}://{address}:{settings.flight_port}", settings=settings, tls_certificates=tls
    )
    try:
        if ready:
            ready(f"{scheme}://{address}:{server.port}")
        server.serve()
    finally:
        server.shutdown()
