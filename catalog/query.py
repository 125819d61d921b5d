"""Analyst SQL over the lakehouse tables, at any version: current, a snapshot, a time, or a tag.

Tables are named as in the catalog (``gold.fact_filings``). Only the tables a query references are
read, each at the version the selector resolves to, and handed to an in-memory DuckDB. Version
resolution lives here, in catalog/, for every surface (CLI, Flight, web).
"""

from __future__ import annotations

import logging

import pyarrow as pa

from catalog.store import Store
from core.asof import AsOf
from core.errors import NoSuchSnapshotError, QueryError

logger = logging.getLogger(__name__)


def referenced_tables(sql: str, known: set[str]) -> list[str]:
    """Catalog tables (``namespace.name``) that ``sql`` reads, each once.

    Raises:
        QueryError: the SQL does not parse, or names a ``namespace.table`` that does not exist.
    """
    import sqlglot
    from sqlglot import exp

    try:
        statements = sqlglot.parse(sql, read="duckdb")
    except sqlglot.errors.ParseError as exc:
        raise QueryError(f"The query does not parse: {exc}") from None
    ctes = {c.alias_or_name for s in statements if s for c in s.find_all(exp.CTE)}
    found: list[str] = []
    for statement in statements:
        if statement is None:
            continue
        for table in statement.find_all(exp.Table):
            if not table.db:
                if table.name and table.name not in ctes and f"gold.{table.name}" in known:
                    raise QueryError(f"Qualify table {table.name!r} with its namespace, e.g. gold.{table.name}.")
                continue
            name = f"{table.db}.{table.name}"
            if name not in known:
                raise QueryError(f"No table {name}. Tables: {', '.join(sorted(known))}.")
            if name not in found:
                found.append(name)
    return found


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


def _resolve_or_none(store: Store, table: str, as_of: AsOf) -> int | None:
    try:
        return store.resolve(table, as_of)
    except NoSuchSnapshotError:
        return -1  # the table did not exist yet at that time: read it as empty


def run_query(store: Store, sql: str, as_of: AsOf = AsOf()) -> pa.Table:
    """Run ``sql`` over the referenced tables at ``as_of`` and return the result."""
    import duckdb

    tables = referenced_tables(sql, set(store.list_tables()))
    versions = resolve_versions(store, tables, as_of)
    con = duckdb.connect()
    try:
        for i, (name, snapshot_id) in enumerate(versions.items()):
            if snapshot_id == -1:
                data = store.schema_at(name, None).empty_table()
            else:
                data = store.read(name, snapshot_id=snapshot_id)
            namespace, table = name.split(".", 1)
            con.register(f"__t{i}", data)
            con.execute(f'CREATE SCHEMA IF NOT EXISTS "{namespace}"')
            con.execute(f'CREATE VIEW "{namespace}"."{table}" AS SELECT * FROM __t{i}')
        try:
            return con.sql(sql).to_arrow_table() if sql.strip() else pa.table({})
        except duckdb.Error as exc:
            raise QueryError(f"The query failed: {exc}") from None
        except AttributeError:  # a statement with no result (e.g. SET)
            return pa.table({})
    finally:
        con.close()
