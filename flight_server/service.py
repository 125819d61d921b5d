"""The query service behind both Flight front ends (plain Flight JSON and Flight SQL).

A :class:`Request` says *what* to run (SQL, a named query, or a whole table) and *which version*
(an :class:`~catalog.store.AsOf`, or ``AT (…)`` clauses in the SQL). :meth:`QueryService.pin`
resolves every table reference to a snapshot id; the pins travel in the Flight ticket, so the
DoGet that follows a GetFlightInfo reads exactly what was described even if a new snapshot lands
in between. :meth:`QueryService.open` runs a pinned request in the sandbox and streams it.

A query that reads no rows (constant expressions only) is run to its end by the GetFlightInfo
that describes it: DuckDB evaluates constants while planning, so a schema-only query would cost as
much as the query itself, twice over with the DoGet (issue 20). Its result waits, bound to the
caller, for the DoGet of the same request (:class:`~flight_server.sandbox.ByteMemo`, by bytes).

Results of named queries are kept by (query, parameters, pinned snapshot ids) in a
:class:`~flight_server.cache.ResultCache`: a snapshot never changes, and named queries are deterministic functions of
their parameters and the snapshots they read, so a cached answer is exactly what re-running would
give. A new snapshot changes the pins, hence the key: nothing is ever served stale.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import json
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from catalog.store import STAGING_BRANCH, Store
from core.asof import AsOf
from core.errors import ConfigError, QueryError
from core.settings import Settings
from flight_server.cache import Lease, Publication, ResultCache, SnapshotTracker, WarmCache
from flight_server.errors import QueryLimitError, QueryRefusedError, QueryTimeoutError
from flight_server.named import jsonable, named_query
from flight_server.policy import SERVED_SCHEMA, ParsedQuery
from flight_server.sandbox import MEMO_BYTES, ByteMemo, Engine, Result

logger = logging.getLogger(__name__)

_TABLE_NAME = re.compile(r"gold\.[a-z][a-z0-9_]*")
MAX_PARAM_BYTES = 4 << 20
Params = Sequence[Any] | Mapping[str, Any] | None


@dataclasses.dataclass(frozen=True)
class Request:
    """One query to run: what, with which parameters, at which version."""

    sql: str
    params: Params = None
    param_rows: tuple[tuple[Any, ...], ...] | None = None
    """Flight SQL bound parameters: the query runs once per row, results concatenated."""
    params_ipc: str | None = None
    """The same rows as the client sent them (base64 Arrow IPC), carried on in tickets."""
    as_of: AsOf = AsOf()
    pins: Mapping[str, int | None] | None = None
    """Snapshot id per table reference (:attr:`TableRef.key`), once resolved."""
    table: str | None = None
    """Set for a whole-table read: batches keep the table's Iceberg Arrow schema."""
    named: str | None = None
    named_params: Mapping[str, Any] | None = None
    """All validated parameters of a named query (the sort choice too), for its ticket."""
    empty_error: str | None = None
    spent: float = 0.0
    """Seconds of the time limit already used by the GetFlightInfo that issued this ticket (its
    schema query runs constant expressions): the DoGet gets only the rest, so the two together
    stay within one limit."""

    @classmethod
    def from_json(cls, body: Any, default_as_of: AsOf | None = None) -> Request:
        """Parse a plain-Flight command or ticket: ``{"table"|"query"|"sql": …, "params": …, selector}``.

        Raises:
            QueryError: the body is not one of the three shapes, or a value is invalid.
        """
        from flight_server.auth import as_of_from

        if not isinstance(body, dict):
            raise QueryError("Bad request: expected a JSON object with 'table', 'query' or 'sql'.")
        kinds = [k for k in ("table", "query", "sql") if body.get(k) is not None]
        if len(kinds) != 1:
            raise QueryError(
                "Bad request: give exactly one of 'table' (e.g. \"gold.fact_filings\"), 'query' (a "
                "named query, e.g. \"member_trades\") or 'sql'; optionally 'params' and one of "
                "'snapshot_id', 'as_of', 'tag'."
            )
        selector = as_of_from(body.get("snapshot_id"), body.get("as_of"), body.get("tag"), source="request")
        as_of = (default_as_of or AsOf()) if selector.is_current else selector
        pins = body.get("pins")
        if pins is not None and (
            not isinstance(pins, dict) or not all(v is None or isinstance(v, int) for v in pins.values())
        ):
            raise QueryError("Bad request: 'pins' must map table references to snapshot ids.")
        spent = body.get("spent", 0.0)
        if not isinstance(spent, int | float) or isinstance(spent, bool) or not 0 <= spent < 1e9:
            raise QueryError("Bad request: 'spent' must be a number of seconds; send the ticket as issued.")
        common = {"as_of": as_of, "pins": pins, "spent": float(spent)}
        if kinds == ["table"]:
            table = str(body["table"])
            if not _TABLE_NAME.fullmatch(table):
                raise QueryError(
                    f"{table!r} is not served; this server serves gold tables, e.g. gold.fact_filings."
                )
            return cls(f'SELECT * FROM "{SERVED_SCHEMA}"."{table.split(".", 1)[1]}"', table=table, **common)
        if kinds == ["query"]:
            query = named_query(body["query"])
            params = body.get("params") or {}
            if not isinstance(params, dict):
                raise QueryError(f"{query.name}: 'params' must be an object of name -> value.")
            values = query.validate(params)
            sql, bound = query.bind(values)
            return cls(
                sql,
                bound,
                named=query.name,
                named_params=values,
                empty_error=_format_error(query.empty_error, values),
                **common,
            )
        params = body.get("params")
        if body.get("params_ipc"):
            if not isinstance(body["params_ipc"], str):
                raise QueryError("Bad request: 'params_ipc' must be the base64 text the server issued.")
            rows = decode_param_rows(body["params_ipc"])
            return cls(str(body["sql"]), param_rows=rows, params_ipc=str(body["params_ipc"]), **common)
        if params is not None and not isinstance(params, list | dict):
            raise QueryError(
                "Bad request: 'params' of a SQL query must be a list (for ?) or an object (for $name)."
            )
        return cls(str(body["sql"]), params, **common)

    def to_json(self) -> dict[str, Any]:
        """The ticket body: enough to run the request again anywhere, versions included."""
        body: dict[str, Any] = {"pins": dict(self.pins or {})}
        if self.spent:
            body["spent"] = round(self.spent, 3)
        if self.table is not None:
            body["table"] = self.table
        elif self.named is not None:
            body["query"] = self.named
            body["params"] = jsonable(self.named_params or {})
        else:
            body["sql"] = self.sql
            if self.params_ipc is not None:
                body["params_ipc"] = self.params_ipc
            elif self.params is not None:
                body["params"] = self.params if isinstance(self.params, dict) else list(self.params)
        return body

    def runs(self) -> list[Params]:
        """Parameter sets to execute, in order."""
        if self.param_rows is not None:
            return [list(row) for row in self.param_rows] or [None]
        return [self.params]


def encode_params(table: pa.Table) -> str:
    """Bound parameters as base64 Arrow IPC: their Arrow types survive the trip through a ticket."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return base64.b64encode(sink.getvalue().to_pybytes()).decode()


def decode_param_rows(encoded: str) -> tuple[tuple[Any, ...], ...]:
    """The rows of :func:`encode_params` output, as tuples of Python values for DuckDB."""
    if len(encoded) > MAX_PARAM_BYTES * 4 // 3 + 4:
        raise QueryError(f"Bound parameters exceed {MAX_PARAM_BYTES >> 20} MiB; bind fewer rows at a time.")
    try:
        table = pa.ipc.open_stream(base64.b64decode(encoded)).read_all()
    except (ValueError, pa.ArrowException):
        raise QueryError("Bad request: the bound parameters are not valid Arrow IPC.") from None
    return rows_of(table)


def rows_of(table: pa.Table) -> tuple[tuple[Any, ...], ...]:
    """The rows of ``table`` as tuples (one per parameter set)."""
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    return tuple(zip(*columns, strict=True)) if columns else tuple(() for _ in range(table.num_rows))


def _format_error(template: str | None, params: Mapping[str, Any]) -> str | None:
    return template.format(**params) if template else None


class QueryStream:
    """A pinned request's result, batch by batch, within the row and time limits.

    A plain iterator object (no generator) so it can always release its cache leases and query
    slot: when exhausted, on error, on :meth:`close`, or when dropped unread.
    """

    def __init__(
        self,
        service: QueryService,
        request: Request,
        leases: list[Lease],
        sql: str,
        registrations: dict[str, Callable[[], Any]],
        first: Result,
        key: bytes | None,
        cast_to: pa.Schema | None,
        deadline: float,
        on_complete: Callable[[pa.Schema, list[pa.RecordBatch]], None] | None = None,
        keep_up_to: int = 0,
        owner: str | None = None,
    ) -> None:
        self._service = service
        self._owner = owner
        self._leases = leases
        self._sql = sql
        self._registrations = registrations
        self._current: Result | None = first
        self._pending = request.runs()[1:]
        self._key = key
        self._cast_to = cast_to
        self._deadline = deadline
        self._empty_error = request.empty_error
        self.schema = cast_to or first.schema
        self.rows = 0
        self.is_cancelled: Callable[[], bool] | None = None
        self._closed = False
        # The batches, for ``on_complete`` (the result cache), while they fit in ``keep_up_to`` bytes.
        self._on_complete = on_complete
        self._kept: list[pa.RecordBatch] | None = [] if on_complete else None
        self._keep_up_to = keep_up_to
        self._kept_bytes = 0

    def __iter__(self) -> QueryStream:
        return self

    def __next__(self) -> pa.RecordBatch:
        if self._closed:
            raise StopIteration
        try:
            while True:
                if self._current is None:
                    if not self._pending:
                        if self.rows == 0 and self._empty_error:
                            raise QueryError(self._empty_error)
                        if self._on_complete is not None and self._kept is not None:
                            self._on_complete(self.schema, self._kept)
                        raise StopIteration
                    self._current = self._service._start(
                        self._sql,
                        self._pending.pop(0),
                        self._registrations,
                        self._deadline,
                        self._key,
                        self.rows,
                        self._owner,
                    )
                batch = self._current.next_batch(self.is_cancelled)
                if batch is None:
                    self._current.close()
                    self._current = None
                    continue
                self.rows += batch.num_rows
                if self.rows > self._service.max_rows:
                    raise QueryLimitError(
                        f"The result has more than {self._service.max_rows:,} rows, this server's limit "
                        "(LAKEHOUSE_FLIGHT_MAX_ROWS). Add a LIMIT or filter, or page with LIMIT/OFFSET."
                    )
                if self._cast_to is not None:
                    batch = _to_schema(batch, self._cast_to)
                elif batch.schema != self.schema:
                    batch = _conform(batch, self.schema)
                if self._kept is not None:
                    self._kept_bytes += batch.nbytes
                    if self._kept_bytes > self._keep_up_to:
                        self._kept = None  # too big to cache: stop holding its batches
                    else:
                        self._kept.append(batch)
                return batch
        except BaseException:
            self.close()
            raise

    def read_all(self) -> pa.Table:
        return pa.Table.from_batches(list(self), self.schema)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._current is not None:
            self._current.close()
            self._current = None
        for lease in self._leases:
            lease.release()

    def __del__(self) -> None:
        self.close()


def _to_schema(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """``batch`` in the table's Iceberg Arrow schema; columns already of the right type are not copied."""
    columns = [
        column if column.type == field.type else column.cast(field.type)
        for column, field in zip(batch.columns, schema, strict=True)
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _conform(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """A later parameter row's batch in the first row's schema (types can differ per binding)."""
    try:
        return batch.cast(schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
        raise QueryError(
            "Bound parameter rows produced results of different shapes; bind rows of one type."
        ) from None


class CachedStream:
    """A cached result replayed with :class:`QueryStream`'s interface."""

    def __init__(self, schema: pa.Schema, batches: list[pa.RecordBatch]) -> None:
        self.schema = schema
        self.rows = sum(b.num_rows for b in batches)
        self.is_cancelled: Callable[[], bool] | None = None
        self._batches = iter(batches)

    def __iter__(self) -> CachedStream:
        return self

    def __next__(self) -> pa.RecordBatch:
        return next(self._batches)

    def read_all(self) -> pa.Table:
        return pa.Table.from_batches(list(self), self.schema)

    def close(self) -> None:
        self._batches = iter(())


class QueryService:
    """Parses, pins, caches and runs queries for the Flight server.

    Raises:
        ConfigError: a limit in ``settings`` is not positive.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        limits = {
            "LAKEHOUSE_FLIGHT_QUERY_TIMEOUT": settings.flight_query_timeout,
            "LAKEHOUSE_FLIGHT_MAX_ROWS": settings.flight_max_rows,
            "LAKEHOUSE_FLIGHT_QUERY_MEMORY_MB": settings.flight_query_memory_mb,
            "LAKEHOUSE_FLIGHT_MAX_QUERIES": settings.flight_max_queries,
            "LAKEHOUSE_FLIGHT_CACHE_MB": settings.flight_cache_mb,
        }
        bad = [f"{k}={v}" for k, v in limits.items() if not v or v <= 0]
        if settings.flight_result_cache_mb < 0:
            bad.append(f"LAKEHOUSE_FLIGHT_RESULT_CACHE_MB={settings.flight_result_cache_mb}")
        if bad:
            raise ConfigError(f"Flight server limits must be positive: {', '.join(bad)}.")
        self.store = store
        self.timeout = float(settings.flight_query_timeout)
        self.max_rows = int(settings.flight_max_rows)
        self.engine = Engine(
            memory_limit_mb=settings.flight_cache_mb
            + settings.flight_query_memory_mb * settings.flight_max_queries,
            max_queries=settings.flight_max_queries,
            query_memory_mb=settings.flight_query_memory_mb,
        )
        self.cache = WarmCache(self.engine, store, settings.flight_cache_mb << 20)
        self.tracker = SnapshotTracker(store, self.cache.superseded)
        self.published = Publication(store)
        self.results = ResultCache(settings.flight_result_cache_mb << 20) if settings.flight_result_cache_mb else None
        self.handoffs = ByteMemo(MEMO_BYTES)
        """Results of constant queries computed by a GetFlightInfo, for its caller's DoGet."""

    def close(self) -> None:
        self.engine.close()

    # -- versions -------------------------------------------------------------------------------

    def parse(self, sql: str) -> ParsedQuery:
        """Check ``sql`` and that every table it names exists.

        Raises:
            QueryRefusedError: outside the sandbox rules.
            QueryError: unknown table, or bad SQL.
        """
        parsed = self.engine.parse(sql)
        for table in parsed.tables:
            if not self.tracker.is_served(table):
                tables = (
                    ", ".join(self.tracker.tables(fresh=False)) or "none yet (run `lakehouse transform gold`)"
                )
                raise QueryError(f"No table {table}. Tables: {tables}.")
        return parsed

    def pin(self, request: Request) -> Request:
        """``request`` with every table reference resolved to a snapshot id (None: no data then).

        Pins a client sent (a ticket is plain JSON) are checked like resolved ones: only snapshots
        published on ``main`` are ever served, never a write the audit rejected.

        Raises:
            QueryRefusedError: a pin names a snapshot that was never published.
        """
        if request.pins is None:
            parsed = self.parse(request.sql)
            request = dataclasses.replace(request, pins=self._resolve(parsed, request.as_of))
        for ref, snapshot_id in (request.pins or {}).items():
            if snapshot_id is None:
                continue
            table = str(ref).split("@", 1)[0]
            if not self.tracker.is_served(table):
                raise QueryError(
                    f"{table!r} is not served; this server serves gold tables, e.g. gold.fact_filings."
                )
            if not self.published.is_published(table, snapshot_id):
                raise QueryRefusedError(
                    f"Snapshot {snapshot_id} of {table} was never published (a staged write, e.g. one the "
                    "audit rejected): only published snapshots are served. List them with "
                    f"`lakehouse snapshots {table}`."
                )
        return request

    def _resolve(self, parsed: ParsedQuery, as_of: AsOf) -> dict[str, int | None]:
        from catalog.query import resolve_versions

        _refuse_staging(as_of)
        pins: dict[str, int | None] = {}
        plain = list(dict.fromkeys(r.table for r in parsed.refs if r.at_unit is None))
        if plain and as_of.is_current:
            pins.update(self.tracker.current(plain))
        elif plain:
            # A snapshot id belongs to one table; the others are read as of its commit time.
            versions = resolve_versions(self.store, plain, as_of)
            pins.update({t: None if sid == -1 else sid for t, sid in versions.items()})
        for ref in parsed.refs:
            if ref.at_unit is None or ref.key in pins:
                continue
            selector = ref.selector()  # the one dialect (catalog.dialect): same meaning as `lakehouse query`
            _refuse_staging(selector)
            pins[ref.key] = self.store.resolve(ref.table, selector)
        return pins

    # -- running --------------------------------------------------------------------------------

    def schema(self, request: Request, owner: str | None = None, started: float | None = None) -> pa.Schema:
        """The result schema of a pinned request (whole tables: their Iceberg Arrow schema).

        A query that reads no rows is run to its end here, and its result kept for ``owner``'s
        :meth:`open` of the same request; other queries get their schema from a ``LIMIT 0`` query.

        Args:
            started: when the request arrived (``time.monotonic()``): the schema query gets the rest
                of the time limit from then.
        """
        if request.table is not None:
            return self.store.schema_at(request.table, (request.pins or {}).get(request.table))
        started = time.monotonic() if started is None else started
        parsed = self.parse(request.sql)
        if not parsed.reads_rows and len(request.runs()) == 1:
            return self._run_for_handoff(request, parsed, owner, started)
        leases, sql, registrations = self._prepare(parsed, request)
        try:
            return self.engine.schema(
                sql, request.runs()[0], registrations, self._left(started), owner=owner, limit=self.timeout
            )
        finally:
            for lease in leases:
                lease.release()

    def _left(self, started: float) -> float:
        remaining = started + self.timeout - time.monotonic()
        if remaining <= 0:
            raise QueryTimeoutError(
                f"The query ran longer than this server's {self.timeout:g} s limit and was stopped "
                "(LAKEHOUSE_FLIGHT_QUERY_TIMEOUT). Filter more, aggregate, or add LIMIT."
            )
        return remaining

    def _run_for_handoff(
        self, request: Request, parsed: ParsedQuery, owner: str | None, started: float
    ) -> pa.Schema:
        """The schema of a query that reads no rows, by running it: its result waits for the DoGet.

        A schema query would evaluate its constant expressions just as the DoGet does (issue 20:
        they cost twice). A result over an eighth of :attr:`handoffs`' budget is not kept; its
        DoGet runs the query again, within what is left of the one time limit.
        """
        key = _handoff_key(request, owner)
        if (hit := self.handoffs.get(key)) is not None and hit[0] > time.monotonic():
            return hit[1]
        _, sql, _ = self._prepare(parsed, request)  # reads no table: no leases, no registrations
        params = request.runs()[0]
        if (known := self.engine.known_schema(sql, params)) is not None:
            return known  # described before: the DoGet runs it, once
        schema, batches = self.engine.run_small(
            sql,
            params,
            timeout=self._left(started),
            max_rows=self.max_rows,
            max_bytes=self.handoffs.budget // 8,
            owner=owner,
            limit=self.timeout,
        )
        if batches is not None:
            # Kept for one time limit at most: a ticket is read right after it is issued.
            entry = (time.monotonic() + self.timeout, schema, batches)
            self.handoffs.put(key, entry, sum(b.nbytes for b in batches) + 2 * len(key[1]) + 1024)
        return schema

    def open(self, request: Request, key: bytes | None = None, owner: str | None = None) -> QueryStream:
        """Start ``request`` (pinning it first if needed) and return its stream.

        The time limit counts from the call, less what the ticket's GetFlightInfo already spent.
        Errors in the SQL surface here, before any batch is sent.
        """
        deadline = time.monotonic() + self.timeout - min(max(request.spent, 0.0), self.timeout)
        request = self.pin(request)
        handoff = None
        if request.table is None and request.named is None and len(self.handoffs):
            handoff = self.handoffs.pop(_handoff_key(request, owner))
        if handoff is not None and handoff[0] > time.monotonic():
            return CachedStream(handoff[1], handoff[2])
        result_key = self._result_key(request)
        if result_key is not None and (hit := self.results.get(result_key)) is not None:
            return CachedStream(*hit)
        parsed = self.parse(request.sql)
        leases, sql, registrations = self._prepare(parsed, request)
        try:
            cast_to = None
            if request.table is not None:
                cast_to = self.store.schema_at(request.table, (request.pins or {}).get(request.table))
            first = self._start(sql, request.runs()[0], registrations, deadline, key, 0, owner)
        except BaseException:
            for lease in leases:
                lease.release()
            raise
        if result_key is None:
            return QueryStream(
                self, request, leases, sql, registrations, first, key, cast_to, deadline, owner=owner
            )
        return QueryStream(self, request, leases, sql, registrations, first, key, cast_to, deadline,
                           functools.partial(self.results.put, result_key), self.results.max_entry_bytes,
                           owner=owner)

    def _result_key(self, request: Request) -> str | None:
        """The result-cache key of a pinned named query; None when its result is not cached."""
        if self.results is None or request.named is None or request.pins is None:
            return None
        return repr((request.sql, request.params, request.param_rows, request.table,
                     sorted(request.pins.items(), key=repr)))

    def _prepare(
        self, parsed: ParsedQuery, request: Request
    ) -> tuple[list[Lease], str, dict[str, Callable[[], Any]]]:
        pins = request.pins or {}
        leases: list[Lease] = []
        relations = {}
        try:
            for i, ref in enumerate(dict.fromkeys(r.key for r in parsed.refs)):
                table = next(r.table for r in parsed.refs if r.key == ref)
                if ref not in pins:
                    raise QueryError(
                        f"The ticket does not say which version of {table} to read; "
                        "get a fresh ticket with GetFlightInfo."
                    )
                lease = self.cache.lease(table, pins[ref], f"__r{i}")
                leases.append(lease)
                relations[ref] = lease.relation
            sql = self.engine.rewrite(parsed, relations)
        except BaseException:
            for lease in leases:
                lease.release()
            raise
        registrations = {lease.relation.name: lease.registration for lease in leases if lease.registration}
        return leases, sql, registrations

    def _start(
        self,
        sql: str,
        params: Params,
        registrations: Mapping[str, Callable[[], Any]],
        deadline: float,
        key: bytes | None,
        rows_so_far: int,
        owner: str | None = None,
    ) -> Result:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise QueryTimeoutError(
                f"The query ran longer than this server's {self.timeout:g} s limit and was stopped "
                "(LAKEHOUSE_FLIGHT_QUERY_TIMEOUT). Filter more, aggregate, or add LIMIT."
            )
        return self.engine.execute(
            sql,
            params,
            registrations,
            timeout=remaining,
            max_rows=self.max_rows - rows_so_far,
            key=key,
            limit=self.timeout,
            owner=owner,
        )

    def cancel(self, key: bytes, owner: str | None = None) -> int:
        """Stop ``owner``'s queries of ticket ``key`` (another caller's are left alone)."""
        return self.engine.cancel(key, owner)

    def table_schemas(self) -> list[tuple[str, pa.Schema]]:
        """(name, result schema of ``SELECT *``) of every served table, for GetTables."""
        out = []
        tables = self.tracker.tables()
        for table, snapshot_id in self.tracker.current(tables).items():
            schema = self.store.schema_at(table, snapshot_id)
            out.append((table.split(".", 1)[1], self.engine.output_schema(schema.empty_table())))
        return out

    def named_catalog(self) -> list[dict[str, Any]]:
        from flight_server.named import NAMED_QUERIES

        return [q.describe() for q in NAMED_QUERIES.values()]


def _refuse_staging(as_of: AsOf) -> None:
    """The audit's branch is never served, even by name: what waits there may have been rejected."""
    if as_of.tag is not None and as_of.tag.strip().lower() == STAGING_BRANCH:
        raise QueryRefusedError(
            f"'{STAGING_BRANCH}' is the audit branch (writes waiting for, or rejected by, their checks) and "
            "is not served: read the current data, a release tag (`lakehouse release tag`) or a snapshot id."
        )


def _handoff_key(request: Request, owner: str | None) -> tuple[str | None, bytes]:
    """A GetFlightInfo's result is for the DoGet of the same request by the same caller only."""
    return owner, ticket_json(dataclasses.replace(request, spent=0.0))


def ticket_json(request: Request) -> bytes:
    """The ticket bytes of ``request`` (compact JSON)."""
    return json.dumps(request.to_json(), separators=(",", ":"), default=str).encode()
