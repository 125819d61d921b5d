"""The lakehouse SQL dialect, one implementation for every surface: ``lakehouse query``/``shell``
(:mod:`catalog.query`) and the Flight server (:mod:`flight_server.sandbox`, which adds its stricter
gate on top: Gold only, read-only, limits).

The dialect is DuckDB SQL over the catalog's tables, plus:

* **time travel on any table reference**: ``AT (VERSION => 1234567890)`` (a snapshot id),
  ``AT (TAG => 'release-2025-06')`` (or ``VERSION => 'release-2025-06'``) and
  ``AT (TIMESTAMP => '2025-06-01 00:00:00')`` (UTC); the value must be a literal;
* **unqualified names** read ``gold``: ``fact_filings`` is ``gold.fact_filings``, and the catalog
  name may lead (``lakehouse.gold.fact_filings``), as BI tools write it.

Queries are parsed by DuckDB's own parser (``json_serialize_sql``) and the checked tree is turned
back into SQL (``json_deserialize_sql``) with each table reference swapped for the relation holding
the snapshot it resolved to, so no surface ever runs text it did not parse.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from core.asof import AsOf
from core.errors import QueryError

CATALOG_NAME = "lakehouse"
"""The catalog name SQL may lead with (``lakehouse.gold.t``), and that Flight SQL metadata reports."""


DEFAULT_SCHEMA = "gold"
"""The namespace of an unqualified table name."""


MAX_TAG_CHARS = 200


AT_UNITS = ("VERSION", "TIMESTAMP")
"""What DuckDB's parser accepts in ``AT (…)``; ``TAG =>`` is rewritten to ``VERSION =>`` first."""


AT_HINT = (
    "AT (VERSION => 1234567890) (a snapshot id), AT (TAG => 'release-2025-06') (a tag; also "
    "VERSION => 'release-2025-06') or AT (TIMESTAMP => '2025-06-01 00:00:00') (UTC)"
)


INTERNAL_NAME = re.compile(r'(?:__lh\.)?"?(\w+\.\w+)@-?\d+(?:#\d+)?"?')
"""Relation names the rewrite introduces (``gold.t@<snapshot>``), turned back into table names in
error messages."""


@dataclasses.dataclass(frozen=True)
class TableRef:
    """One table a query names (``namespace.name``), with its ``AT (…)`` clause if any."""

    table: str
    at_unit: str | None = None
    at_expr: str | None = None
    """The AT literal as JSON (an int snapshot id, or a tag or timestamp string); see :attr:`at_value`."""

    @property
    def at_value(self) -> int | str | None:
        """The AT literal; never evaluated by DuckDB, so it costs nothing outside a query's limits."""
        return json.loads(self.at_expr) if self.at_expr is not None else None

    @property
    def key(self) -> str:
        """Identifies the version request: the same table with the same AT clause resolves once."""
        return self.table if self.at_unit is None else f"{self.table}@{self.at_unit}:{self.at_expr}"

    def selector(self) -> AsOf | None:
        """The version the AT clause names (None: no clause, the query-wide version applies).

        Raises:
            QueryError: a TIMESTAMP that is not a time, or a value of the wrong kind.
        """
        if self.at_unit is None:
            return None
        value = self.at_value
        if self.at_unit == "VERSION" and isinstance(value, int) and not isinstance(value, bool):
            return AsOf(snapshot_id=value)
        if self.at_unit == "VERSION" and isinstance(value, str) and value:
            return AsOf(tag=value)
        if self.at_unit == "TIMESTAMP" and value is not None:
            try:
                return AsOf(timestamp=as_utc(value))
            except ValueError:
                raise QueryError(
                    f"AT (TIMESTAMP => {value!r}) is not a timestamp; write e.g. '2025-06-01 00:00:00' (UTC)."
                ) from None
        raise QueryError(f"AT ({self.at_unit} => {value!r}) is not valid; use {AT_HINT}.")


@dataclasses.dataclass(frozen=True)
class ParsedQuery:
    """A parsed query with the tables it names (in tree order)."""

    sql: str
    tree: str
    """DuckDB's parse tree (``json_serialize_sql``) as JSON text."""
    refs: tuple[TableRef, ...]
    has_parameters: bool
    reads_rows: bool = True
    """False when the query names no table and calls no table function: everything it computes
    comes from its own text (constant expressions). Such a result is usually a few rows whose cost
    is in planning (DuckDB folds constants while planning, ``LIMIT 0`` or not)."""

    @property
    def tables(self) -> list[str]:
        return list(dict.fromkeys(r.table for r in self.refs))


@dataclasses.dataclass(frozen=True)
class Relation:
    """Where a table reference points after rewriting (a schema, possibly empty, and a name)."""

    schema: str
    name: str


def tag_to_version(sql: str) -> str:
    """``sql`` with each ``AT (TAG => 'name')`` spelled ``AT (VERSION => 'name')``.

    DuckDB's parser knows only VERSION and TIMESTAMP. DuckDB's tokenizer finds the clause, so the
    same words inside a string literal, a quoted identifier or a comment are left alone.

    Raises:
        QueryError: ``TAG =>`` followed by anything but a string literal.
    """
    if "tag" not in sql.lower():
        return sql
    import duckdb

    try:
        tokens = duckdb.tokenize(sql)
    except duckdb.Error:
        return sql  # the parser reports the error, with its position
    ends = [start for start, _ in tokens[1:]] + [len(sql)]
    words = [(start, sql[start:end].strip(), kind.name) for (start, kind), end in zip(tokens, ends, strict=True)]
    out, last = [], 0
    for i in range(len(words) - 3):
        (_, at, _), (_, paren, _), (start, tag, kind), (_, arrow, _) = words[i : i + 4]
        if at.upper() != "AT" or paren != "(" or tag.upper() != "TAG" or kind != "identifier" or arrow != "=>":
            continue
        value = words[i + 4] if i + 4 < len(words) else None
        if value is None or value[2] != "string_const":
            raise QueryError("AT (TAG => …) takes a tag name in quotes, e.g. AT (TAG => 'release-2025-06'); "
                             "for a snapshot id use AT (VERSION => 1234567890).")
        out += [sql[last:start], "VERSION"]
        last = start + len("TAG")
    return "".join(out) + sql[last:] if out else sql


class TreeWalker:
    """Walks a ``json_serialize_sql`` tree, resolving and visiting its table references.

    CTE visibility follows SQL scoping (a CTE sees itself and earlier siblings; the body sees
    all), so a name that only *looks* like a CTE outside its scope is a table reference. A stricter
    surface subclasses it and overrides :meth:`check_table`, :meth:`check_table_function` and
    :meth:`check_node`; its errors are of class :attr:`error`.
    """

    error: type[QueryError] = QueryError

    def __init__(self, on_table: Callable[[dict, TableRef], None]) -> None:
        self.on_table = on_table
        self.has_parameters = False
        self.calls_table_functions = False

    def walk(self, node: Any, ctes: frozenset[str] = frozenset()) -> None:
        if isinstance(node, list):
            for item in node:
                self.walk(item, ctes)
            return
        if not isinstance(node, dict):
            return
        cte_map = node.get("cte_map")
        if isinstance(cte_map, dict) and cte_map.get("map"):
            seen = set(ctes)
            for entry in cte_map["map"]:
                seen.add(str(entry["key"]).lower())
                self.walk(entry["value"], frozenset(seen))
            ctes = frozenset(seen)
        kind = node.get("type")
        if kind == "BASE_TABLE":
            self._base_table(node, ctes)
        elif kind == "TABLE_FUNCTION":
            self.check_table_function(node)
            self.calls_table_functions = True
        elif node.get("class") == "PARAMETER":
            self.has_parameters = True
        self.check_node(node)
        for key, value in node.items():
            if key not in ("cte_map", "at_clause") and isinstance(value, dict | list):
                self.walk(value, ctes)

    def _base_table(self, node: dict, ctes: frozenset[str]) -> None:
        catalog = str(node.get("catalog_name") or "").lower()
        schema = str(node.get("schema_name") or "").lower()
        name = str(node.get("table_name") or "")
        if not catalog and not schema and name.lower() in ctes:
            return
        self.check_table(catalog, schema or DEFAULT_SCHEMA, name, node)
        at = node.get("at_clause")
        unit = expr = None
        if at:
            unit = str(at.get("unit", "")).upper()
            if unit not in AT_UNITS:
                raise self.error(f"AT ({unit} => …) is not supported; use {AT_HINT}.")
            expr = json.dumps(self.at_literal(unit, at.get("expr")))
        self.on_table(node, TableRef(f"{schema or DEFAULT_SCHEMA}.{name.lower()}", unit, expr))

    def check_table(self, catalog: str, schema: str, name: str, node: dict) -> None:
        """Refuse a table reference (lower-cased ``catalog`` and resolved ``schema``); here: only
        a catalog other than this one."""
        if catalog not in ("", CATALOG_NAME):
            shown = ".".join(p for p in (node.get("catalog_name"), node.get("schema_name"), name) if p)
            raise self.error(f"No table {shown}: name tables as namespace.table, e.g. gold.fact_filings.")

    def check_table_function(self, node: dict) -> None:
        """Refuse a table function call; here: none is refused."""

    def check_node(self, node: dict) -> None:
        """Refuse any other node (a function, a statement form); here: none is refused."""

    def at_literal(self, unit: str, expr: Any) -> int | str:
        """The literal of an ``AT (…)`` clause, read from the parse tree in Python.

        Only literals are accepted: an expression would have to be evaluated outside the query's
        time, memory and cancellation limits (issue 20: ``length(repeat('x', 3500000000))`` ran
        for minutes after its client left).

        Raises:
            QueryError (:attr:`error`): anything but a snapshot id, a 'tag' or a timestamp literal.
        """
        node = expr if isinstance(expr, dict) else {}
        if node.get("class") == "CAST" and str((node.get("cast_type") or {}).get("id")) in _TIME_CASTS:
            node = node.get("child") or {}
            if unit != "TIMESTAMP":
                node = {}
        value = node.get("value") if node.get("class") == "CONSTANT" else None
        if isinstance(value, dict) and not value.get("is_null"):
            kind = str((value.get("type") or {}).get("id"))
            literal = value.get("value")
            if unit == "VERSION" and kind in _INT_TYPES and isinstance(literal, int):
                return literal
            if kind == "VARCHAR" and isinstance(literal, str) and 0 < len(literal) <= MAX_TAG_CHARS:
                return literal
        raise self.error(
            f"AT (…) takes a literal: {AT_HINT}; expressions and parameters are not evaluated there. "
            "To bind time travel, use the x-lakehouse-snapshot-id/-as-of/-tag headers (Flight) or "
            "--snapshot/--as-of/--tag (CLI)."
        )


_INT_TYPES = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                        "UINTEGER", "UBIGINT", "UHUGEINT"})


_TIME_CASTS = frozenset({"TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_S", "TIMESTAMP_MS",
                         "TIMESTAMP_NS", "DATE"})


def swap_tables(
    statement: dict, relations: Mapping[str, Relation], walker: type[TreeWalker] = TreeWalker
) -> None:
    """Point each table reference of ``statement`` (in place) at its relation, by :attr:`TableRef.key`.

    An unaliased reference keeps its name as alias, so ``t.col``, ``gold.t.col`` and
    ``lakehouse.gold.t.col`` still resolve. ``walker`` must be the class that parsed the tree.
    """
    qualified: dict[tuple[str, ...], str] = {}

    def swap(node: dict, ref: TableRef) -> None:
        relation = relations[ref.key]
        if not node.get("alias"):
            node["alias"] = node["table_name"]
            schema, name = ref.table.split(".", 1)
            qualified[(schema, name)] = node["alias"]
            qualified[(CATALOG_NAME, schema, name)] = node["alias"]
        node.update(catalog_name="", schema_name=relation.schema, table_name=relation.name, at_clause=None)

    walker(swap).walk(statement)
    if qualified:
        requalify_columns(statement, qualified)


def requalify_columns(node: Any, qualified: Mapping[tuple[str, ...], str]) -> None:
    """``gold.t.col`` and ``lakehouse.gold.t.col`` become ``t.col`` once ``gold.t`` is renamed."""
    if isinstance(node, list):
        for item in node:
            requalify_columns(item, qualified)
        return
    if not isinstance(node, dict):
        return
    if node.get("class") == "COLUMN_REF":
        names = node.get("column_names") or []
        lowered = tuple(str(n).lower() for n in names)
        for size in (3, 2):
            if len(names) > size and lowered[:size] in qualified:
                node["column_names"] = [qualified[lowered[:size]], *names[size:]]
                break
    for value in node.values():
        if isinstance(value, dict | list):
            requalify_columns(value, qualified)


def quote_identifier(name: str) -> str:
    """``name`` as a DuckDB quoted identifier."""
    return '"' + name.replace('"', '""') + '"'


def as_utc(value: Any) -> dt.datetime:
    """A TIMESTAMP selector as an aware UTC datetime (naive values are UTC)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        raise QueryError(f"AT (TIMESTAMP => …) needs a timestamp, got {value!r}.")
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
