"""The sandbox's gate: which SQL may run, read from DuckDB's own parse tree.

DuckDB's parser (``json_serialize_sql``) serialises SELECT statements only, so DDL, DML, ``COPY``,
``PRAGMA`` and ``SET`` are refused before anything runs, and so is more than one statement. The tree
is then walked: only ``gold`` tables (and the query's own CTEs) may be named, only a few harmless
table functions called, ``AT (…)`` takes literals only, and functions that size a value are guarded.
:mod:`flight_server.sandbox` runs what passes, in a locked-down DuckDB.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from core.errors import QueryError
from flight_server.errors import QueryRefusedError

logger = logging.getLogger(__name__)


SERVED_SCHEMA = "gold"
"""The only namespace analysts can name; everything else in the catalog stays private."""


CATALOG_NAME = "lakehouse"
"""The catalog name Flight SQL metadata reports; ``lakehouse.gold.t`` is accepted in SQL too."""


CACHE_SCHEMA = "__lh"
"""DuckDB schema of the warm table copies; only rewritten queries can reach it."""


ALLOWED_TABLE_FUNCTIONS = frozenset({"range", "generate_series", "unnest", "json_each", "json_tree"})
"""Table functions that read nothing outside the query (``read_csv``, ``glob``, ``query`` … are refused)."""


DENIED_FUNCTIONS = frozenset(
    {"nextval", "currval", "setseed", "write_log", "current_setting", "getvariable", "getenv"}
)
"""Scalar functions with side effects on the shared engine, or that reveal its settings (paths, limits)."""


MAX_SQL_CHARS = 100_000


MAX_TREE_BYTES = 4 << 20
"""A parse tree bigger than this is refused: 100,000 characters of ``1+1+…`` parse to ~20 MB of JSON."""


MAX_TAG_CHARS = 200


_AT_UNITS = ("VERSION", "TIMESTAMP")


INTERNAL_NAME = re.compile(r'(?:__lh\.)?"?(\w+\.\w+)@-?\d+(?:#\d+)?"?')


READ_ONLY_HINT = (
    "This server is read-only: send one SELECT (or WITH … SELECT, DESCRIBE, SUMMARIZE) over gold tables"
)


@dataclasses.dataclass(frozen=True)
class TableRef:
    """One served table a query names, with its ``AT (…)`` clause if any."""

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


@dataclasses.dataclass(frozen=True)
class ParsedQuery:
    """A query that passed the sandbox's checks, with the served tables it names (in tree order)."""

    sql: str
    tree: str
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
    """Where a table reference points after rewriting: a warm copy or a per-query registration."""

    schema: str
    name: str


class TreeWalker:
    """Walks a ``json_serialize_sql`` tree, checking it and visiting served table references.

    CTE visibility follows SQL scoping (a CTE sees itself and earlier siblings; the body sees
    all), so a name that only *looks* like a CTE outside its scope cannot reach a DuckDB system
    view of the same name.
    """

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
            self._table_function(node)
            self.calls_table_functions = True
        elif kind == "SHOW_REF" and node.get("query") is None:
            raise QueryRefusedError(
                f"SHOW is not available here. {READ_ONLY_HINT}; list tables with the "
                "Flight SQL catalog calls (adbc_get_objects, DBeaver's navigator)."
            )
        elif node.get("class") == "PARAMETER":
            self.has_parameters = True
        elif (
            node.get("class") == "FUNCTION" and str(node.get("function_name", "")).lower() in DENIED_FUNCTIONS
        ):
            raise QueryRefusedError(
                f"Function {node['function_name']}() is not allowed: it changes state. {READ_ONLY_HINT}."
            )
        for key, value in node.items():
            if key not in ("cte_map", "at_clause") and isinstance(value, dict | list):
                self.walk(value, ctes)

    def _base_table(self, node: dict, ctes: frozenset[str]) -> None:
        catalog = str(node.get("catalog_name") or "").lower()
        schema = str(node.get("schema_name") or "").lower()
        name = str(node.get("table_name") or "")
        if not catalog and not schema and name.lower() in ctes:
            return
        if catalog not in ("", CATALOG_NAME) or schema not in ("", SERVED_SCHEMA):
            shown = ".".join(p for p in (node.get("catalog_name"), node.get("schema_name"), name) if p)
            raise QueryRefusedError(
                f"Table {shown} is not served: only {SERVED_SCHEMA}.* tables are visible here "
                f"(e.g. {SERVED_SCHEMA}.fact_transactions)."
            )
        at = node.get("at_clause")
        unit = expr = None
        if at:
            unit = str(at.get("unit", "")).upper()
            if unit not in _AT_UNITS:
                raise QueryRefusedError(
                    f"AT ({unit} => …) is not supported; use AT (VERSION => snapshot id or "
                    "'tag') or AT (TIMESTAMP => 'YYYY-MM-DD HH:MM:SS')."
                )
            expr = json.dumps(_at_literal(unit, at.get("expr")))
        self.on_table(node, TableRef(f"{SERVED_SCHEMA}.{name.lower()}", unit, expr))

    @staticmethod
    def _table_function(node: dict) -> None:
        function = node.get("function") or {}
        name = str(function.get("function_name", "")).lower()
        if name not in ALLOWED_TABLE_FUNCTIONS or function.get("schema") or function.get("catalog"):
            raise QueryRefusedError(
                f"Table function {name or '?'}() is not allowed: queries may only read gold tables "
                f"(allowed table functions: {', '.join(sorted(ALLOWED_TABLE_FUNCTIONS))})."
            )


_INT_TYPES = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                        "UINTEGER", "UBIGINT", "UHUGEINT"})


_TIME_CASTS = frozenset({"TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_S", "TIMESTAMP_MS",
                         "TIMESTAMP_NS", "DATE"})


def _at_literal(unit: str, expr: Any) -> int | str:
    """The literal of an ``AT (…)`` clause, read from the parse tree in Python.

    Only literals are accepted: an expression would have to be evaluated outside the query's
    time, memory and cancellation limits (issue 20: ``length(repeat('x', 3500000000))`` ran for
    minutes after its client left).

    Raises:
        QueryRefusedError: anything but a snapshot id, a 'tag' or a timestamp literal.
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
    raise QueryRefusedError(
        "AT (…) takes a literal: AT (VERSION => 1234567890) (a snapshot id), AT (VERSION => "
        "'release-2025-06') (a tag) or AT (TIMESTAMP => '2025-06-01 00:00:00') (UTC); expressions and "
        "parameters are not evaluated there. To bind time travel, use the "
        "x-lakehouse-snapshot-id/-as-of/-tag headers."
    )


_SIZED = {"repeat": "repeat", "lpad": "pad", "rpad": "pad"}


def has_sized(node: Any) -> bool:
    if isinstance(node, dict):
        if node.get("class") == "FUNCTION" and str(node.get("function_name", "")).lower() in _SIZED:
            return True
        return any(has_sized(v) for v in node.values() if isinstance(v, dict | list))
    if isinstance(node, list):
        return any(has_sized(v) for v in node)
    return False


def guard_sizes(node: Any, guards: Mapping[str, dict]) -> None:
    """Wrap the size argument of every ``repeat``/``lpad``/``rpad`` call in its guard template."""
    if isinstance(node, list):
        for item in node:
            guard_sizes(item, guards)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        if isinstance(value, dict | list):
            guard_sizes(value, guards)
    kind = _SIZED.get(str(node.get("function_name", "")).lower()) if node.get("class") == "FUNCTION" else None
    children = node.get("children")
    if kind is None or not isinstance(children, list) or len(children) < 2:
        return
    subject, size = children[0], children[1]

    def fill(template: Any) -> Any:
        if isinstance(template, list):
            return [fill(t) for t in template]
        if not isinstance(template, dict):
            return template
        if template.get("class") == "COLUMN_REF" and template.get("column_names") in (["__lh_n"], ["__lh_s"]):
            return json.loads(json.dumps(size if template["column_names"] == ["__lh_n"] else subject))
        return {k: fill(v) for k, v in template.items()}

    children[1] = fill(guards[kind])


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
