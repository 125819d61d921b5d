"""What the API and the pages read, and at which version.

Named queries come from :mod:`flight_server.named` (their one definition) and run through Flight's
:class:`~flight_server.service.QueryService`: the same validation, sandbox, snapshot pinning and
result cache as over Flight. A request is pinned first (every table it reads resolved to a snapshot
id), so the ETag is known before anything runs and a 304 costs no query.

The data-quality dashboard reads ``ops.*`` and ``silver.extraction_issues``, which the sandbox does
not serve (it serves ``gold`` only); those fixed queries go through :func:`catalog.query.run_query`,
the library's own time-travelling reader.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from catalog.store import Store
from core.asof import AsOf, parse_as_of
from core.errors import LakehouseError, NoSuchSnapshotError, NoSuchTableError, NotFoundError, QueryError
from core.settings import Settings

if TYPE_CHECKING:
    from flight_server.named import NamedQuery
    from flight_server.service import QueryService, Request

VERSION_TABLE = "gold.fact_transactions"
"""The table whose snapshots the as-of selector lists; the others are read as of its commit time."""


def selector(snapshot_id: Any = None, as_of: Any = None, tag: Any = None) -> AsOf:
    """A version selector from URL parameters (the same parser as the CLI's and Flight's)."""
    return parse_as_of(snapshot_id, as_of, tag, source="URL")


class NotBuiltError(LakehouseError):
    """A table the answer reads does not exist yet: the home was never built (HTTP 503, not a 400)."""


class RefusedError(QueryError):
    """A named query refused a combination of valid values it cannot answer honestly (its ``refuse``
    rule, e.g. ``trending_stocks`` with ``as_of_disclosure`` on the trade basis): still a 400, but a
    page can tell it from a malformed parameter and fall back to a question the query does answer."""


@dataclasses.dataclass(frozen=True)
class Answer:
    """A query's result and the snapshot id of every table it read (None: the table was empty then)."""

    table: pa.Table
    pins: Mapping[str, int | None]
    name: str | None = None
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


def refusal(query: NamedQuery, params: Mapping[str, Any]) -> str | None:
    """The message of ``query``'s ``refuse`` rule for ``params``; None when every value is valid and the
    query takes the combination, or when a value is invalid on its own (that is not a refusal)."""
    if query.refuse is None:
        return None
    try:
        values = dataclasses.replace(query, refuse=None).validate(params)
    except QueryError:
        return None
    return query.refuse(values)


def with_explanation(table: pa.Table, explained: Mapping[str, str]) -> pa.Table:
    """``table`` with ``explained`` (:func:`flight_server.named.explain`) as ``lakehouse.<key>`` schema metadata."""
    from flight_server.named import schema_metadata

    return table.replace_schema_metadata({**(table.schema.metadata or {}), **schema_metadata(explained)})


class WebData:
    """The reads behind the web process; one per app, thread-safe (endpoints run in a thread pool)."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._service: QueryService | None = None
        self._lock = threading.Lock()

    @property
    def service(self) -> QueryService:
        """Flight's query service, started on first use (no DuckDB at import or app creation)."""
        with self._lock:
            if self._service is None:
                from flight_server.service import QueryService

                self._service = QueryService(self.store, self.settings)
            return self._service

    def close(self) -> None:
        with self._lock:
            if self._service is not None:
                self._service.close()
                self._service = None

    # -- named queries ----------------------------------------------------------------------------

    def prepare(
        self,
        name: str,
        params: Mapping[str, Any],
        as_of: AsOf | None = None,
        pins: Mapping[str, int | None] | None = None,
    ) -> Request:
        """The pinned request of named query ``name``: validated, every table resolved to a snapshot.

        ``pins`` (those of an earlier request) reads exactly the versions that request read.

        Raises:
            QueryError: unknown query or parameter, or a value that fails its rule.
            NoSuchSnapshotError: the selector names no snapshot.
            NotBuiltError: a table the query reads does not exist yet.
        """
        from flight_server.named import named_query
        from flight_server.service import Request

        query = named_query(name)
        try:
            values = query.validate(params)
        except QueryError as exc:
            if refusal(query, params) is not None:
                raise RefusedError(str(exc)) from None
            raise
        sql, bound = query.bind(values)
        empty = query.empty_error.format(**values) if query.empty_error else None
        request = Request(
            sql,
            bound,
            as_of=as_of or AsOf(),
            pins=pins,
            named=query.name,
            named_params=values,
            empty_error=empty,
        )
        return self._pin(request)

    def _pin(self, request: Request) -> Request:
        try:
            return self._pin_existing(request)
        except QueryError as exc:
            missing = self._missing_tables(request.sql)
            if not missing:
                raise
            raise NotBuiltError(
                f"Nothing is built here yet: {', '.join(missing)} "
                f"{'does' if len(missing) == 1 else 'do'} not exist. Run `lakehouse pipeline "
                "run` (or `lakehouse transform gold` after ingesting) to build the gold tables, then retry."
            ) from exc

    def _missing_tables(self, sql: str) -> list[str]:
        """Tables ``sql`` reads that do not exist (asked only once a query failed: free when all is well)."""
        try:
            tables = self.service.engine.parse(sql).tables
        except LakehouseError:
            return []
        return [t for t in tables if not self.service.tracker.is_served(t)]

    def _pin_existing(self, request: Request) -> Request:
        """Pin ``request``; a snapshot id of a table the query does not read means "as of its commit".

        Flight resolves a snapshot id only against the tables a query reads; the web's as-of selector
        names a snapshot of gold.fact_transactions and must move every page, whatever it reads.
        """
        try:
            return self.service.pin(request)
        except NoSuchSnapshotError:
            if request.as_of.snapshot_id is None:
                raise
            moment = AsOf(timestamp=self._snapshot_moment(request.as_of.snapshot_id))
        pins: dict[str, int | None] = {}
        for table in self.service.parse(request.sql).tables:
            try:
                pins[table] = self.store.resolve(table, moment)
            except NoSuchSnapshotError:
                pins[table] = None  # not built yet then: read as empty, as Flight does for a snapshot id
        return self.service.pin(dataclasses.replace(request, pins=pins))

    def _snapshot_moment(self, snapshot_id: int) -> dt.datetime:
        """When ``snapshot_id`` (of any gold table) became current.

        Raises:
            NoSuchSnapshotError: no gold table has it.
        """
        from catalog.query import resolve_versions

        tables = [VERSION_TABLE, *(t for t in self.service.tracker.tables() if t != VERSION_TABLE)]
        try:
            versions = resolve_versions(self.store, tables, AsOf(snapshot_id=snapshot_id))
        except NoSuchSnapshotError:
            raise NoSuchSnapshotError(
                f"No gold table has snapshot {snapshot_id}: pick one from /v1/versions (or `lakehouse "
                "snapshots gold.fact_transactions`)."
            ) from None
        owner = next(t for t, sid in versions.items() if sid == snapshot_id)
        return self.store.snapshot_time(owner, snapshot_id)

    def run(self, request: Request) -> Answer:
        """Run a pinned request to completion (API answers are bounded by their ``limit``)."""
        stream = self.service.open(request)
        try:
            table = stream.read_all()
        except QueryError as exc:
            if request.empty_error is not None and str(exc) == request.empty_error:
                raise NotFoundError(str(exc)) from None
            raise
        finally:
            stream.close()
        return Answer(table, dict(request.pins or {}), request.named, dict(request.named_params or {}))

    def named(self, name: str, params: Mapping[str, Any], as_of: AsOf | None = None) -> Answer:
        return self.run(self.prepare(name, params, as_of))

    def explain(self, request: Request, rows: int) -> dict[str, str]:
        """The window, data end and (when ``rows`` is 0) the reason of a named answer
        (:func:`flight_server.named.explain`), from its context query run at the same snapshots."""
        from flight_server.named import explain, named_query

        query = named_query(request.named)
        values = dict(request.named_params or {})
        context = query.context_query()
        sql, bound = context.bind(values)
        probe = self.service.pin(dataclasses.replace(request, sql=sql, params=bound,
                                                     named=context.name, empty_error=None))
        row = self.run(probe).table.to_pylist()
        return explain(query, values, row[0] if row else None, rows)

    def ask(self, name: str, params: Mapping[str, Any], as_of: AsOf | None = None) -> pa.Table:
        """A named answer whose schema metadata (``lakehouse.*`` keys) states its window and why it is
        empty; what ``lakehouse ask`` and :meth:`lakehouse.app.Lakehouse.ask` return."""
        request = self.prepare(name, params, as_of)
        table = self.run(request).table
        return with_explanation(table, self.explain(request, table.num_rows))

    def sql(self, sql: str, params: Mapping[str, Any], as_of: AsOf | None = None) -> Answer:
        """A page's own fixed SELECT over gold tables, in the same sandbox and at the same versions."""
        from flight_server.service import Request

        return self.run(self._pin(Request(sql, dict(params), as_of=as_of or AsOf())))

    # -- versions ---------------------------------------------------------------------------------

    def versions(self) -> list[dict[str, Any]]:
        """Published snapshots of :data:`VERSION_TABLE`, newest first, with their tags (for the selector)."""
        try:
            infos = self.store.snapshots(VERSION_TABLE)
        except NoSuchTableError:
            return []
        out = []
        for info in reversed(infos):
            if not info.on_main or info.operation == "delete":
                continue  # the first half of an overwrite shows an empty table: not a version anyone saw
            out.append(
                {
                    "snapshot_id": info.snapshot_id,
                    "committed_at": self.store.snapshot_time(VERSION_TABLE, info.snapshot_id).isoformat(
                        timespec="seconds"
                    ),
                    "rows": info.total_records,
                    "tags": [r for r in info.refs if r not in ("main", "staging")],
                }
            )
        return out

    def moment(self, as_of: AsOf) -> dt.datetime | None:
        """The point in time ``as_of`` stands for (None: now), to read tables outside ``gold`` then."""
        if as_of.is_current:
            return None
        if as_of.timestamp is not None:
            return as_of.timestamp
        if as_of.snapshot_id is not None:
            return self._snapshot_moment(as_of.snapshot_id)
        sid = self.store.resolve(VERSION_TABLE, as_of)
        if sid is None:
            raise NoSuchSnapshotError(f"{VERSION_TABLE} has no data at {as_of.describe()}.")
        return self.store.snapshot_time(VERSION_TABLE, sid)

    # -- the data-quality tables -----------------------------------------------------------------

    def ops(self, sql: str, moment: dt.datetime | None) -> pa.Table | None:
        """A fixed query over ops/silver tables as of ``moment``; None when a table did not exist then."""
        from catalog.query import run_query

        try:
            return run_query(self.store, sql, AsOf(timestamp=moment) if moment else AsOf())
        except (NoSuchSnapshotError, NoSuchTableError):
            return None
        except QueryError as exc:
            if str(exc).startswith("No table "):
                return None
            raise
