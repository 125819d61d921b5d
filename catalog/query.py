"""Analyst SQL over the lakehouse tables, at any version: current, a snapshot, a time, or a tag.

The SQL is the lakehouse dialect (:mod:`catalog.dialect`), the very one the Flight server speaks:
``AT (VERSION => … | TAG => … | TIMESTAMP => …)`` on any table reference, unqualified names read
``gold``. Locally every namespace (bronze, silver, gold, ops) is readable. Only the tables a query
references are read, each at the version it resolves to, and handed to an in-memory DuckDB. A
query that names no table never opens the catalog (``lakehouse query "select 1"`` stays fast), and
version resolution lives here, in catalog/, for every surface (CLI, Flight, web).
"""

from __future__ import annotations

import copy
import functools
import json
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from catalog.dialect import INTERNAL_NAME, ParsedQuery, Relation, TableRef, TreeWalker, swap_tables, tag_to_version
from core.asof import AsOf
from core.errors import NoSuchSnapshotError, NoSuchTableError, QueryError

if TYPE_CHECKING:
    import pyarrow as pa

    from catalog.store import Store

logger = logging.getLogger(__name__)

CURRENT = AsOf()

KEEP_BYTES = 1 << 30
"""Arrow bytes of table snapshots a :class:`QuerySession` keeps registered between queries: a
snapshot never changes, so a kept one answers the next question without reading it again."""


def referenced_tables(sql: str, known: set[str]) -> list[str]:
    """Catalog tables (``namespace.name``) that ``sql`` reads, each once.

    Raises:
        QueryError: the SQL does not parse, or names a ``namespace.table`` that does not exist.
    """
    with QuerySession(lambda: None) as session:
        tables = list(dict.fromkeys(r.table for p in session.parse(sql) for r in p.refs))
    missing = [t for t in tables if t not in known]
    if missing:
        raise QueryError(f"No table {missing[0]}. Tables: {', '.join(sorted(known))}.")
    return tables


def resolve_versions(store: Store, tables: list[str], as_of: AsOf) -> dict[str, int | None]:
    """The snapshot id of each table for ``as_of``.

    A snapshot id belongs to one table; the other tables are read as of that snapshot's commit
    time, so a join sees one consistent point in time.
    """
    if as_of.snapshot_id is None:
        return {t: store.resolve(t, as_of) for t in tables}
    owners = [t for t in tables if store.table(t).snapshot_by_id(as_of.snapshot_id) is not None]
    if not owners:
        raise NoSuchSnapshotError(
            f"Snapshot {as_of.snapshot_id} belongs to none of {', '.join(tables)}. "
            "List snapshots with `lakehouse snapshots TABLE`."
        )
    owner = owners[0]
    at = AsOf(timestamp=store.snapshot_time(owner, as_of.snapshot_id))
    return {t: as_of.snapshot_id if t == owner else _resolve_or_none(store, t, at) for t in tables}


def resolve_refs(store: Store, refs: Iterable[TableRef], as_of: AsOf) -> dict[str, int | None]:
    """The snapshot id of each table reference (by :attr:`TableRef.key`): its own ``AT (…)``
    clause, else ``as_of``; -1 for a table that did not exist yet at that time (read as empty)."""
    refs = list(refs)
    plain = list(dict.fromkeys(r.table for r in refs if r.at_unit is None))
    pins: dict[str, int | None] = dict(resolve_versions(store, plain, as_of)) if plain else {}
    for ref in refs:
        if ref.key not in pins:
            pins[ref.key] = store.resolve(ref.table, ref.selector() or as_of)
    return pins


def _resolve_or_none(store: Store, table: str, as_of: AsOf) -> int | None:
    try:
        return store.resolve(table, as_of)
    except NoSuchSnapshotError:
        return -1  # the table did not exist yet at that time: read it as empty


def run_query(store: Store | Callable[[], Store], sql: str, as_of: AsOf = CURRENT) -> pa.Table:
    """Run ``sql`` over the referenced tables at ``as_of`` and return the result.

    Args:
        store: the catalog, or a function opening it: called only if the query names a table.
    """
    with QuerySession(store) as session:
        return session.run(sql, as_of)


class QuerySession:
    """One DuckDB and one catalog for many queries (``lakehouse shell``); close it when done.

    Table snapshots read for one query stay registered for the next (up to :data:`KEEP_BYTES`):
    snapshots are immutable, so only the current snapshot id is looked up again.

    Args:
        store: the catalog, or a function opening it on first need.
    """

    def __init__(self, store: Store | Callable[[], Store | None]) -> None:
        import duckdb

        self._duckdb = duckdb
        self._store = None if callable(store) else store
        self._open_store = store if callable(store) else None
        self._con = duckdb.connect(":memory:")
        self._con.execute("SET TimeZone = 'UTC'")  # as the Flight server: timestamps read the same
        self._kept: OrderedDict[tuple[str, int | None], tuple[str, int]] = OrderedDict()
        self._kept_bytes = 0
        self._transient: list[str] = []

    def __enter__(self) -> QuerySession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    @property
    def store(self) -> Store:
        if self._store is None:
            assert self._open_store is not None
            self._store = self._open_store()
        return self._store

    def parse(self, sql: str) -> list[ParsedQuery]:
        """Each statement of ``sql`` with the tables it names.

        Raises:
            QueryError: the SQL does not parse, or is not a query (SELECT, WITH, DESCRIBE, SUMMARIZE).
        """
        text = tag_to_version(sql)
        raw = self._con.execute(f"SELECT json_serialize_sql({_literal(text)})").fetchone()[0]
        tree = json.loads(raw)
        if tree.get("error"):
            message = str(tree.get("error_message", "unknown error"))
            if tree.get("error_type") == "parser" or "syntax" in message.lower():
                raise QueryError(f"The query does not parse: {message}")
            raise QueryError(
                "lakehouse query runs queries only: SELECT, WITH … SELECT, DESCRIBE or SUMMARIZE "
                f"(got {text.strip().split(None, 1)[0].upper()})."
            )
        parsed = []
        for statement in tree.get("statements") or []:
            refs: list[TableRef] = []
            walker = TreeWalker(lambda _node, ref, refs=refs: refs.append(ref))
            walker.walk(statement)
            parsed.append(ParsedQuery(text, json.dumps(statement), tuple(refs), walker.has_parameters,
                                      reads_rows=bool(refs) or walker.calls_table_functions))
        return parsed

    def run(self, sql: str, as_of: AsOf = CURRENT) -> pa.Table:
        """Run ``sql`` (one or more statements; the last one's result is returned) at ``as_of``.

        Raises:
            QueryError: bad SQL, an unknown table, or DuckDB refused the query.
            NoSuchSnapshotError: a version that does not exist.
        """
        import pyarrow as pa

        statements = self.parse(sql) if sql.strip() else []
        if not statements:
            return pa.table({})
        refs = [r for p in statements for r in p.refs]
        text = statements[0].sql
        try:
            if refs:
                relations = self._relations(refs, as_of)
                trees = [json.loads(p.tree) for p in statements]
                for tree in trees:
                    swap_tables(tree, relations)
                tree = json.dumps({"error": False, "statements": trees})
                text = self._con.execute(f"SELECT json_deserialize_sql({_literal(tree)}::JSON)").fetchone()[0]
            try:
                result = self._con.sql(text)
                return result.to_arrow_table() if result is not None else pa.table({})
            except self._duckdb.Error as exc:
                message = INTERNAL_NAME.sub(r"\1", str(exc))
                raise QueryError(f"The query failed: {message}") from None
        finally:
            self._trim()

    def tables(self) -> list[str]:
        """Every table of the catalog (``namespace.name``)."""
        return self.store.list_tables()

    def _relations(self, refs: list[TableRef], as_of: AsOf) -> dict[str, Relation]:
        """Register the snapshot each reference resolves to; by :attr:`TableRef.key`."""
        store = _loading_once(self.store)
        for table in dict.fromkeys(r.table for r in refs):
            try:
                store.table(table)
            except NoSuchTableError:
                raise QueryError(f"No table {table}. Tables: {', '.join(self.store.list_tables())}.") from None
        pins = resolve_refs(store, refs, as_of)
        relations = {}
        for ref in refs:
            relations[ref.key] = Relation("", self._register(store, ref.table, pins[ref.key]))
        return relations

    def _register(self, store: Any, table: str, snapshot_id: int | None) -> str:
        key = (table, snapshot_id)
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key][0]
        if snapshot_id == -1:
            data = store.schema_at(table, None).empty_table()
        else:
            data = store.read(table, snapshot_id=snapshot_id)
        name = f"{table}@{snapshot_id if snapshot_id is not None else -2}"
        self._con.register(name, data)
        if snapshot_id is None:
            # No snapshot yet is not a version: the table may get one any time, so it is not kept.
            self._transient.append(name)
        else:
            self._kept[key] = (name, data.nbytes)
            self._kept_bytes += data.nbytes
        return name

    def _trim(self) -> None:
        """Unregister the least recently used snapshots beyond :data:`KEEP_BYTES` (after a query:
        never while one still names them)."""
        for name in self._transient:
            self._con.unregister(name)
        self._transient.clear()
        while self._kept_bytes > KEEP_BYTES and self._kept:
            _, (name, size) = self._kept.popitem(last=False)
            self._con.unregister(name)
            self._kept_bytes -= size


def _literal(text: str) -> str:
    """``text`` as a SQL string literal. Used instead of a bound parameter, which makes DuckDB's
    Python client import pandas (~0.2 s of every ``lakehouse query``)."""
    return "'" + text.replace("'", "''") + "'"


def _loading_once(store: Store) -> Store:
    """``store`` for one query: each table's metadata is loaded once (resolving, then reading, a
    table would otherwise parse its metadata file again and again)."""
    view = copy.copy(store)
    view.table = functools.cache(store.table)  # type: ignore[method-assign]
    return view
