"""The read-only DuckDB sandbox every Flight query runs in (the SQL gate is :mod:`flight_server.policy`).

Three layers keep analysts' SQL read-only and inside the lakehouse:

1. **DuckDB's own locks.** One in-memory database with external access disabled (no files, no
   network, no ``INSTALL``/``LOAD``/``ATTACH``/``COPY``), Python replacement scans off, no
   extension autoloading, no spilling to disk, and then ``lock_configuration`` so no ``SET`` or
   ``PRAGMA`` can undo any of it.
2. **DuckDB's parser as the gate.** The query text is parsed by ``json_serialize_sql``, which only
   serialises SELECT statements, so DDL, DML, ``COPY``, ``PRAGMA``, ``SET`` and friends are refused
   before anything runs, and so is anything with more than one statement. The tree is then walked:
   only ``gold`` tables (and the query's own CTEs) may be named, only a few harmless table
   functions may be called.
3. **Only what we print runs.** The checked tree is rewritten (each ``gold.t`` becomes the warm copy
   of the snapshot the query resolved to) and turned back into SQL by ``json_deserialize_sql``. The
   text DuckDB executes is DuckDB's rendering of a tree we inspected, never the caller's bytes.

Time travel in SQL uses DuckDB's own syntax on any table reference:
``FROM gold.fact_transactions AT (VERSION => 1234567890)`` (a snapshot id),
``AT (VERSION => 'release-2025-06')`` (a tag) or ``AT (TIMESTAMP => '2025-06-01 00:00:00')`` (UTC).
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import pyarrow as pa

from catalog.dialect import swap_tables, tag_to_version
from core.errors import QueryError
from flight_server.errors import QueryCancelledError, QueryLimitError, QueryRefusedError, QueryTimeoutError
from flight_server.policy import (
    CACHE_SCHEMA,
    INTERNAL_NAME,
    MAX_SQL_CHARS,
    MAX_TREE_BYTES,
    READ_ONLY_HINT,
    ParsedQuery,
    Relation,
    TableRef,
    TreeWalker,
    guard_sizes,
    has_sized,
    quote_identifier,
)

logger = logging.getLogger(__name__)


MEMO_BYTES = 16 << 20
"""Budget of each parse/rewrite/schema memo: bounded by bytes, not entries (issue 20: 512 parses of
~98 KB queries held ~2.8 GB)."""


BATCH_ROWS = 65_536
"""Rows per streamed batch: one huge batch streams several times slower (tech notes §7)."""


@dataclasses.dataclass
class _Running:
    """A query being executed, for the watchdog and for cancellation."""

    query_id: int
    cursor: Any
    deadline: float
    key: bytes | None
    release: Callable[[], None]
    owner: str | None = None
    """Who started it (the caller's connection): only they may cancel it."""
    reason: str | None = None


class Engine:
    """One locked-down DuckDB database shared by all queries; each query gets its own cursor.

    Args:
        memory_limit_mb: DuckDB's memory limit for the warm copies plus query working memory.
        max_queries: queries executing at once; more wait (up to their time limit) for a slot.
        threads: DuckDB worker threads (default: DuckDB's choice, one per core).
        query_memory_mb: a query's memory; a quarter of it is what one value or result batch may
            hold (a value exists about four times: DuckDB's, Arrow's, the wire's, the client's).
            None: no cap.
        per_caller: queries one caller may run at once (default: half the slots, at least one), so
            one caller's slow queries always leave slots to the others.
    """

    def __init__(
        self,
        *,
        memory_limit_mb: int,
        max_queries: int = 8,
        threads: int | None = None,
        query_memory_mb: int | None = None,
        per_caller: int | None = None,
    ) -> None:
        import duckdb

        config: dict[str, Any] = {
            "enable_external_access": False,
            "autoload_known_extensions": False,
            "autoinstall_known_extensions": False,
            "allow_community_extensions": False,
            "allow_unsigned_extensions": False,
            "allow_persistent_secrets": False,
            "python_enable_replacements": False,
            "memory_limit": f"{int(memory_limit_mb)}MB",
            "temp_directory": "",
        }
        if threads:
            config["threads"] = int(threads)
        self._duckdb = duckdb
        self._db = duckdb.connect(":memory:", config=config)
        self._db.execute("SET TimeZone = 'UTC'")
        self._db.execute(f"CREATE SCHEMA {CACHE_SCHEMA}")
        self._db.execute("SET lock_configuration = true")
        self._admin_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_queries)
        self.max_batch_bytes = (int(query_memory_mb) << 20) // 4 if query_memory_mb else None
        self.per_caller = max(1, int(per_caller) if per_caller else max_queries // 2)
        self._callers: dict[str, int] = {}
        self._callers_cond = threading.Condition()
        self._running: dict[int, _Running] = {}
        self._running_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._deadlines: list[tuple[float, int]] = []
        self._wake = threading.Condition(self._running_lock)
        self._closed = False
        self._watchdog: threading.Thread | None = None
        self._guards: dict[str, dict] | None = None
        self._select_one = json.loads(self._serialize("SELECT 1"))
        self._parsed = ByteMemo(MEMO_BYTES)
        self._rewritten = ByteMemo(MEMO_BYTES)
        self._schemas = ByteMemo(MEMO_BYTES)

    # -- parsing and rewriting ------------------------------------------------------------------

    def parse(self, sql: str) -> ParsedQuery:
        """Check ``sql`` against the sandbox rules and list the served tables it names.

        Raises:
            QueryRefusedError: not a single SELECT, or names something outside ``gold``.
            QueryError: the SQL does not parse.
        """
        if not isinstance(sql, str) or not sql.strip():
            raise QueryError("The query is empty: send one SELECT over gold tables.")
        if len(sql) > MAX_SQL_CHARS:
            raise QueryRefusedError(
                f"The query is {len(sql):,} characters long; the limit is {MAX_SQL_CHARS:,}."
            )
        hit = self._parsed.get(sql)
        if hit is not None:
            return hit
        raw = self._serialize(tag_to_version(sql))
        if len(raw) > MAX_TREE_BYTES:
            raise QueryRefusedError(
                f"The query is too complex ({len(raw) >> 20} MB parsed; the limit is "
                f"{MAX_TREE_BYTES >> 20} MB): shorten it, e.g. use IN (…) or a join instead of long "
                "expressions."
            )
        try:
            tree = json.loads(raw)
        except RecursionError:
            raise QueryRefusedError("The query is nested too deeply.") from None
        if tree.get("error"):
            message = str(tree.get("error_message", "unknown error"))
            if tree.get("error_type") == "parser" or "syntax" in message.lower():
                raise QueryError(f"The query does not parse: {message}")
            raise QueryRefusedError(
                f"{self._statement_kinds(sql)} statements are not allowed. {READ_ONLY_HINT}."
            )
        statements = tree.get("statements") or []
        if len(statements) != 1:
            raise QueryRefusedError(f"Send exactly one statement (got {len(statements)}). {READ_ONLY_HINT}.")
        refs: list[TableRef] = []
        walker = TreeWalker(lambda _node, ref: refs.append(ref))
        try:
            walker.walk(statements[0])
        except RecursionError:
            raise QueryRefusedError("The query is nested too deeply.") from None
        parsed = ParsedQuery(
            sql,
            raw,
            tuple(refs),
            walker.has_parameters or bool(statements[0].get("named_param_map")),
            reads_rows=bool(refs) or walker.calls_table_functions,
        )
        self._parsed.put(sql, parsed, 2 * len(sql) + len(raw))
        return parsed

    def rewrite(self, parsed: ParsedQuery, relations: Mapping[str, Relation]) -> str:
        """The SQL DuckDB runs: ``parsed`` with each served table swapped for its relation.

        Args:
            relations: by :attr:`TableRef.key`.
        """
        memo_key = (parsed.sql, tuple(sorted((k, r.schema, r.name) for k, r in relations.items())))
        hit = self._rewritten.get(memo_key)
        if hit is not None:
            return hit
        tree = json.loads(parsed.tree)
        statement = tree["statements"][0]
        swap_tables(statement, relations, TreeWalker)
        if self.max_batch_bytes is not None and has_sized(statement):
            self._keep_column_names(statement)
            guard_sizes(statement, self._size_guards())
        sql = self._deserialize(tree)
        self._rewritten.put(memo_key, sql, 2 * len(parsed.sql) + 2 * len(sql))
        return sql

    def _keep_column_names(self, node: Any) -> None:
        """Alias each unnamed select item that calls a sized function by its own text, so the guard
        wrapped around the call does not change the column's name."""
        if isinstance(node, list):
            for item in node:
                self._keep_column_names(item)
            return
        if not isinstance(node, dict):
            return
        if node.get("type") == "SELECT_NODE" and isinstance(node.get("select_list"), list):
            for item in node["select_list"]:
                if isinstance(item, dict) and not item.get("alias") and has_sized(item):
                    one = json.loads(json.dumps(self._select_one))
                    one["statements"][0]["node"]["select_list"] = [item]
                    item["alias"] = self._deserialize(one).removeprefix("SELECT ")
        for value in node.values():
            if isinstance(value, dict | list):
                self._keep_column_names(value)

    def _size_guards(self) -> dict[str, dict]:
        """Expression templates that stop ``repeat``/``lpad``/``rpad`` before they build a value
        bigger than one result batch may be: DuckDB does not count such strings against its
        memory limit (issue 20: ``repeat('x', 3500000000)`` took 6.9 GB)."""
        if self._guards is None:
            cap = int(self.max_batch_bytes or 0)
            message = (
                "The query needs more memory than this server allows per query: it builds a value "
                f"over {cap >> 20:,} MiB (a quarter of LAKEHOUSE_FLIGHT_QUERY_MEMORY_MB). "
                "Build smaller values."
            )
            error = "error('" + message.replace("'", "''") + "')"
            templates = {
                "repeat": f"CASE WHEN CAST(__lh_n AS HUGEINT) * greatest(length(__lh_s), 1) > {cap} "
                f"THEN {error} ELSE __lh_n END",
                "pad": f"CASE WHEN CAST(__lh_n AS HUGEINT) * 4 > {cap} THEN {error} ELSE __lh_n END",
            }
            self._guards = {
                name: json.loads(self._serialize(f"SELECT {sql}"))["statements"][0]["node"]["select_list"][0]
                for name, sql in templates.items()
            }
        return self._guards

    def _statement_kinds(self, sql: str) -> str:
        """What the refused statements are (INSERT, COPY …), in the caller's words where possible."""
        words = sql.strip().split(None, 1)
        first = words[0].upper().rstrip(";") if words else ""
        if first.isalpha() and first not in ("WITH", "SELECT", "FROM", "VALUES", "TABLE"):
            return first  # DuckDB files INSTALL under LOAD, PRAGMA under SET, PIVOT under CREATE …


        def kind(statement: Any) -> str:
            # The statement's own first word (DuckDB files INSTALL under LOAD, PRAGMA under SET …),
            # unless it is WITH: then DuckDB's type says what the statement does.
            words = str(statement.query).strip().split(None, 1)
            word = words[0].upper().rstrip(";") if words else ""
            return (
                word if word.isalpha() and word != "WITH" else statement.type.name.removesuffix("_STATEMENT")
            )

        cursor = self._db.cursor()
        try:
            kinds = [(s.type.name, kind(s)) for s in cursor.extract_statements(sql)]
            names = [name for duck, name in kinds if duck != "SELECT"] or [name for _, name in kinds]
        except self._duckdb.Error:
            names = [sql.strip().split(None, 1)[0].upper().rstrip(";")]
        finally:
            cursor.close()
        return "/".join(dict.fromkeys(names))

    def _serialize(self, sql: str) -> str:
        cursor = self._db.cursor()
        try:
            return cursor.execute("SELECT json_serialize_sql($1::VARCHAR)", [sql]).fetchone()[0]
        finally:
            cursor.close()

    def _deserialize(self, tree: dict) -> str:
        cursor = self._db.cursor()
        try:
            return cursor.execute("SELECT json_deserialize_sql($1::JSON)", [json.dumps(tree)]).fetchone()[0]
        except self._duckdb.Error as exc:
            raise QueryError(f"The query could not be prepared: {exc}") from None
        finally:
            cursor.close()

    # -- warm copies ----------------------------------------------------------------------------

    def create_table(self, name: str, data: pa.Table | pa.RecordBatchReader) -> None:
        """Copy ``data`` into the cache schema as ``name`` (DuckDB storage scans faster than Arrow)."""
        with self._admin_lock:
            cursor = self._db.cursor()
            try:
                cursor.register("__load", data)
                cursor.execute(f"CREATE TABLE {CACHE_SCHEMA}.{quote_identifier(name)} AS SELECT * FROM __load")
            finally:
                cursor.close()

    def drop_table(self, name: str) -> None:
        with self._admin_lock:
            cursor = self._db.cursor()
            try:
                cursor.execute(f"DROP TABLE IF EXISTS {CACHE_SCHEMA}.{quote_identifier(name)}")
            finally:
                cursor.close()

    def output_schema(self, data: pa.Table) -> pa.Schema:
        """The Arrow schema DuckDB returns for ``SELECT *`` over data shaped like ``data``."""
        cursor = self._db.cursor()
        try:
            cursor.register("__shape", data.slice(0, 0))
            return cursor.execute("SELECT * FROM __shape LIMIT 0").to_arrow_table().schema
        finally:
            cursor.close()

    # -- execution ------------------------------------------------------------------------------

    def schema(
        self,
        sql: str,
        params: Sequence | Mapping | None,
        registrations: Mapping[str, Callable[[], Any]],
        timeout: float,
        owner: str | None = None,
        limit: float | None = None,
    ) -> pa.Schema:
        """The result schema of ``sql`` without running it to completion (memoised).

        DuckDB folds constant expressions while binding, so this runs them: it does so in a slot,
        under the caller's share, the memory limit and ``timeout`` like any query.
        """
        memo_key = (sql, _param_signature(params))
        hit = self._schemas.get(memo_key) if not registrations else None
        if hit is not None:
            return hit
        wrapped = f"SELECT * FROM ({sql}) AS __q LIMIT 0"
        with self.execute(
            wrapped, params, registrations, timeout=timeout, max_rows=0, owner=owner, limit=limit
        ) as result:
            schema = result.schema
        if not registrations:
            self._schemas.put(memo_key, schema, 2 * len(sql) + len(schema.serialize()))
        return schema

    def known_schema(self, sql: str, params: Sequence | Mapping | None) -> pa.Schema | None:
        """The memoised result schema of ``sql`` (no per-query registrations), if it was worked out."""
        return self._schemas.get((sql, _param_signature(params)))

    def run_small(
        self,
        sql: str,
        params: Sequence | Mapping | None,
        *,
        timeout: float,
        max_rows: int,
        max_bytes: int,
        owner: str | None = None,
        limit: float | None = None,
    ) -> tuple[pa.Schema, list[pa.RecordBatch] | None]:
        """Run ``sql`` (no registrations) like :meth:`execute` and keep its whole result if small.

        For queries that read no rows (constant expressions): their cost is in planning, which a
        ``LIMIT 0`` schema query pays in full, so the schema comes with the result at no extra cost.

        Returns:
            The result schema (memoised like :meth:`schema`'s), and its batches, or None when they
            add up to more than ``max_bytes`` (the query is stopped there).
        """
        with self.execute(
            sql, params, {}, timeout=timeout, max_rows=max_rows, owner=owner, limit=limit
        ) as result:
            batches: list[pa.RecordBatch] | None = []
            size = 0
            while (batch := result.next_batch()) is not None:
                size += batch.nbytes
                kept = _owned(batch) if size <= max_bytes else None
                if kept is None:
                    batches = None
                    break
                batches.append(kept)
            schema = result.schema
        self._schemas.put((sql, _param_signature(params)), schema, 2 * len(sql) + len(schema.serialize()))
        return schema, batches

    def execute(
        self,
        sql: str,
        params: Sequence | Mapping | None,
        registrations: Mapping[str, Callable[[], Any]],
        *,
        timeout: float,
        max_rows: int,
        key: bytes | None = None,
        limit: float | None = None,
        owner: str | None = None,
    ) -> Result:
        """Start ``sql`` (already rewritten) on a fresh cursor and return its streaming result.

        Args:
            registrations: per-query relations (snapshots too big to keep warm, empty tables),
                by the name the rewritten SQL uses; each factory returns Arrow data.
            timeout: seconds from now until the watchdog interrupts the query.
            limit: the server's time limit, for messages (default ``timeout``).
            max_rows: rows the result may have.
            key: identifies the query for :meth:`cancel` (its Flight ticket).
            owner: the caller; one caller runs at most :attr:`per_caller` queries at once.

        Raises:
            QueryLimitError: no execution slot freed up within the time limit.
        """
        started = time.monotonic()
        if timeout <= 0:
            raise QueryTimeoutError(
                f"The query ran longer than this server's {limit or timeout:g} s limit and was stopped "
                "(LAKEHOUSE_FLIGHT_QUERY_TIMEOUT). Filter more, aggregate, or add LIMIT."
            )
        self._enter_caller(owner, started + timeout, limit or timeout)
        if not self._slots.acquire(timeout=max(started + timeout - time.monotonic(), 0.001)):
            self._leave_caller(owner)
            raise QueryLimitError(
                f"The server is busy: no query slot freed up within {limit or timeout:g} s. Retry, or raise "
                "LAKEHOUSE_FLIGHT_MAX_QUERIES on the server."
            )
        released = [False]
        release_lock = threading.Lock()

        def release() -> None:
            # Called by the result's close and by the watchdog on a timeout: release once.
            with release_lock:
                if not released[0]:
                    released[0] = True
                    self._slots.release()
                    self._leave_caller(owner)

        cursor = None
        running = None
        try:
            cursor = self._db.cursor()
            for name, factory in registrations.items():
                cursor.register(name, factory())
            running = self._track(cursor, started + timeout, key, release, owner)
            try:
                cursor.execute(sql, _as_duckdb_params(params))
                reader = cursor.to_arrow_reader(BATCH_ROWS)
            except self._duckdb.Error as exc:
                raise self._translate(exc, running, limit or timeout) from None
            return Result(self, reader, running, limit or timeout, max_rows)
        except BaseException:
            if running is not None:
                self._untrack(running)
            if cursor is not None:
                cursor.close()
            release()
            raise

    def _enter_caller(self, owner: str | None, deadline: float, limit: float) -> None:
        """Wait until ``owner`` runs fewer than :attr:`per_caller` queries, then count this one."""
        if owner is None:
            return
        with self._callers_cond:
            while self._callers.get(owner, 0) >= self.per_caller:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise QueryLimitError(
                        f"You already run {self.per_caller} queries at once, this server's share per "
                        f"caller, and none finished within {limit:g} s: wait for them or cancel some."
                    )
                self._callers_cond.wait(left)
            self._callers[owner] = self._callers.get(owner, 0) + 1

    def _leave_caller(self, owner: str | None) -> None:
        if owner is None:
            return
        with self._callers_cond:
            left = self._callers.get(owner, 0) - 1
            if left > 0:
                self._callers[owner] = left
            else:
                self._callers.pop(owner, None)
            self._callers_cond.notify_all()

    def cancel(self, key: bytes, owner: str | None = None) -> int:
        """Interrupt the running queries started from ``key`` by ``owner``; returns how many."""
        with self._running_lock:
            hits = [
                r for r in self._running.values() if r.key == key and r.owner == owner and r.reason is None
            ]
            for running in hits:
                running.reason = "cancelled"
        for running in hits:
            running.cursor.interrupt()
        if hits:
            with self._running_lock:
                self._wake.notify()
        return len(hits)

    def running(self) -> int:
        """Queries executing now (for tests and operators)."""
        with self._running_lock:
            return len(self._running)

    def close(self) -> None:
        with self._running_lock:
            if self._closed:
                return
            self._closed = True
            running = list(self._running.values())
            self._wake.notify_all()
        for r in running:
            r.reason = r.reason or "cancelled"
            r.cursor.interrupt()
        if self._watchdog is not None:
            self._watchdog.join(timeout=5)
        with self._admin_lock:
            self._db.close()

    def _track(
        self,
        cursor: Any,
        deadline: float,
        key: bytes | None,
        release: Callable[[], None],
        owner: str | None = None,
    ) -> _Running:
        running = _Running(next(self._ids), cursor, deadline, key, release, owner)
        with self._running_lock:
            if self._closed:
                raise QueryCancelledError("The server is shutting down.")
            self._running[running.query_id] = running
            heapq.heappush(self._deadlines, (deadline, running.query_id))
            if self._watchdog is None:
                self._watchdog = threading.Thread(
                    target=self._watch, name="flight-query-watchdog", daemon=True
                )
                self._watchdog.start()
            self._wake.notify()
        return running

    def _untrack(self, running: _Running) -> None:
        with self._running_lock:
            self._running.pop(running.query_id, None)
        running.release()

    def _watch(self) -> None:
        """Interrupt queries past their deadline, streaming or not (a stalled client too).

        A stopped query is interrupted again every quarter second until it is gone: DuckDB drops
        an interrupt that arrives before the statement starts, and such a query would otherwise
        run to its end with nobody waiting for it.
        """
        with self._running_lock:
            while not self._closed:
                now = time.monotonic()
                while self._deadlines and self._deadlines[0][0] <= now:
                    _, query_id = heapq.heappop(self._deadlines)
                    running = self._running.get(query_id)
                    if running is not None and running.reason is None:
                        running.reason = "timeout"
                        running.cursor.interrupt()
                        # A client that stopped reading must not hold a slot forever.
                        running.release()
                stopping = [r for r in self._running.values() if r.reason is not None]
                for running in stopping:
                    running.cursor.interrupt()
                timeout = self._deadlines[0][0] - now if self._deadlines else None
                if stopping:
                    timeout = 0.25 if timeout is None else min(timeout, 0.25)
                self._wake.wait(timeout)

    def _translate(self, exc: Exception, running: _Running | None, timeout: float) -> Exception:
        reason = running.reason if running is not None else None
        text = INTERNAL_NAME.sub(r"\1", str(exc))
        if reason == "timeout":
            return QueryTimeoutError(
                f"The query ran longer than this server's {timeout:g} s limit and was stopped "
                "(LAKEHOUSE_FLIGHT_QUERY_TIMEOUT). Filter more, aggregate, or add LIMIT."
            )
        if reason == "cancelled" or "INTERRUPT" in text:
            return QueryCancelledError("The query was cancelled.")
        if "needs more memory than this server allows per query" in text:
            return QueryLimitError(text[text.index("The query needs more memory") :].splitlines()[0])
        if isinstance(exc, self._duckdb.OutOfMemoryException) or "Out of Memory" in text:
            return QueryLimitError(
                f"The query needs more memory than this server allows per query ({text.splitlines()[0]}). "
                "Aggregate or filter before joining, or select fewer columns "
                "(LAKEHOUSE_FLIGHT_QUERY_MEMORY_MB)."
            )
        if isinstance(exc, self._duckdb.PermissionException):
            return QueryRefusedError(f"Refused by the sandbox: {text}. {READ_ONLY_HINT}.")
        return QueryError(f"The query failed: {text}")


class Result:
    """A running query's batches, within its row and time limits; close it (or exhaust it)."""

    def __init__(
        self, engine: Engine, reader: pa.RecordBatchReader, running: _Running, timeout: float, max_rows: int
    ) -> None:
        self._engine = engine
        self._reader = reader
        self._running = running
        self._timeout = timeout
        self._max_rows = max_rows
        self.schema = _plain_schema(reader.schema)
        self._decode = self.schema != reader.schema
        self.rows = 0
        self._closed = False

    def __enter__(self) -> Result:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def next_batch(self, is_cancelled: Callable[[], bool] | None = None) -> pa.RecordBatch | None:
        """The next non-empty batch, or None at the end; limit errors come before the limit is passed."""
        while True:
            if is_cancelled is not None and is_cancelled():
                self._running.reason = self._running.reason or "cancelled"
                raise QueryCancelledError("The query was cancelled by the client.")
            try:
                batch = self._reader.read_next_batch()
            except StopIteration:
                return None
            except (OSError, pa.ArrowException, self._engine._duckdb.Error) as exc:
                raise self._engine._translate(exc, self._running, self._timeout) from None
            if self._running.reason is not None:
                raise self._engine._translate(RuntimeError("INTERRUPT"), self._running, self._timeout)
            self.rows += batch.num_rows
            if self.rows > self._max_rows:
                raise QueryLimitError(
                    f"The result has more than {self._max_rows:,} rows, this server's limit "
                    "(LAKEHOUSE_FLIGHT_MAX_ROWS). Add a LIMIT or filter, or page with LIMIT/OFFSET."
                )
            if self._decode:
                batch = pa.RecordBatch.from_arrays(
                    [c.cast(f.type) for c, f in zip(batch.columns, self.schema, strict=True)],
                    schema=self.schema,
                )
            cap = self._engine.max_batch_bytes
            if cap is not None and batch.nbytes > cap:
                raise QueryLimitError(
                    f"The query needs more memory than this server allows per query: one batch of its "
                    f"result holds {batch.nbytes >> 20:,} MiB, the limit is {cap >> 20:,} MiB (a quarter "
                    "of LAKEHOUSE_FLIGHT_QUERY_MEMORY_MB). Return smaller values, or fewer columns."
                )
            if batch.num_rows:
                return batch

    def batches(self) -> Iterator[pa.RecordBatch]:
        """All remaining batches (closes the result at the end)."""
        try:
            while (batch := self.next_batch()) is not None:
                yield batch
        finally:
            self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        cursor = self._running.cursor
        self._engine._untrack(self._running)
        try:
            cursor.close()
        except self._engine._duckdb.Error:  # an interrupted cursor may refuse a clean close
            logger.debug("closing an interrupted cursor failed", exc_info=True)


def _owned(batch: pa.RecordBatch) -> pa.RecordBatch | None:
    """A copy of ``batch`` in Arrow's own memory, for keeping (None if a type cannot be copied).

    A batch DuckDB exported holds on to DuckDB's buffers, many times its ``nbytes`` for small
    results (measured: keeping 667 of 3,000 one-row 8 KB results grew RSS by ~250 MB, copied ~90 MB),
    so a byte budget would not bound what it really holds.
    """
    try:
        columns = [pa.concat_arrays([column]) for column in batch.columns]
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid):
        return None
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)


def _plain_type(type_: pa.DataType) -> pa.DataType:
    """``type_`` with dictionaries (DuckDB ENUMs) replaced by their values' type, nested ones too."""
    if pa.types.is_dictionary(type_):
        return _plain_type(type_.value_type)
    if pa.types.is_struct(type_):
        return pa.struct([f.with_type(_plain_type(f.type)) for f in type_])
    if pa.types.is_list(type_) or pa.types.is_large_list(type_):
        field = type_.value_field
        maker = pa.list_ if pa.types.is_list(type_) else pa.large_list
        return maker(field.with_type(_plain_type(field.type)))
    return type_


def _plain_schema(schema: pa.Schema) -> pa.Schema:
    """Results carry ENUMs as plain strings: Flight clients expect the dictionary batches a
    generator stream does not send (issue 20: ENUM results failed)."""
    return pa.schema([f.with_type(_plain_type(f.type)) for f in schema], metadata=schema.metadata)


class ByteMemo:
    """A least-recently-used memo bounded by the bytes of its entries (an estimate given per entry)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.bytes = 0
        self._entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Any) -> Any:
        with self._lock:
            hit = self._entries.get(key)
            if hit is None:
                return None
            self._entries.move_to_end(key)
            return hit[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        """Keep ``value``; one entry over an eighth of the budget is not kept at all."""
        if size > self.budget // 8:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._entries[key] = (value, size)
            self.bytes += size
            while self.bytes > self.budget and self._entries:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.bytes -= dropped

    def pop(self, key: Any) -> Any:
        """Remove and return the entry of ``key`` (None if there is none)."""
        with self._lock:
            hit = self._entries.pop(key, None)
            if hit is None:
                return None
            self.bytes -= hit[1]
            return hit[0]


def _as_duckdb_params(params: Sequence | Mapping | None) -> Any:
    if params is None:
        return None
    if isinstance(params, Mapping):
        return dict(params)
    return list(params)


def _param_signature(params: Sequence | Mapping | None) -> tuple:
    if params is None:
        return ()
    items = params.items() if isinstance(params, Mapping) else enumerate(params)
    return tuple((k, type(v).__name__) for k, v in items)
