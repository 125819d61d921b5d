"""The sandbox's gate: which SQL may run, read from DuckDB's own parse tree.

DuckDB's parser (``json_serialize_sql``) serialises SELECT statements only, so DDL, DML, ``COPY``,
``PRAGMA`` and ``SET`` are refused before anything runs, and so is more than one statement. The tree
is then walked: only ``gold`` tables (and the query's own CTEs) may be named, only a few harmless
table functions called, ``AT (…)`` takes literals only, and functions that size a value are guarded.
:mod:`flight_server.sandbox` runs what passes, in a locked-down DuckDB.

The dialect itself (time travel with ``AT (…)``, unqualified names reading ``gold``) is
:mod:`catalog.dialect`, shared with ``lakehouse query``; this module only adds the server's gate.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from catalog import dialect
from catalog.dialect import (
    CATALOG_NAME,
    INTERNAL_NAME,
    MAX_TAG_CHARS,
    ParsedQuery,
    Relation,
    TableRef,
    as_utc,
    quote_identifier,
    requalify_columns,
)
from flight_server.errors import QueryRefusedError

logger = logging.getLogger(__name__)

__all__ = ["CATALOG_NAME", "INTERNAL_NAME", "MAX_TAG_CHARS", "ParsedQuery", "Relation", "TableRef", "TreeWalker",
           "as_utc", "guard_sizes", "has_sized", "quote_identifier", "requalify_columns"]


SERVED_SCHEMA = dialect.DEFAULT_SCHEMA
"""The only namespace analysts can name; everything else in the catalog stays private."""


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


READ_ONLY_HINT = (
    "This server is read-only: send one SELECT (or WITH … SELECT, DESCRIBE, SUMMARIZE) over gold tables"
)


class TreeWalker(dialect.TreeWalker):
    """The shared dialect's walk (:class:`catalog.dialect.TreeWalker`) with the server's gate: only
    ``gold`` tables, a few harmless table functions, no SHOW, no functions with side effects."""

    error = QueryRefusedError

    def check_table(self, catalog: str, schema: str, name: str, node: dict) -> None:
        if catalog not in ("", CATALOG_NAME) or schema != SERVED_SCHEMA:
            shown = ".".join(p for p in (node.get("catalog_name"), node.get("schema_name"), name) if p)
            raise QueryRefusedError(
                f"Table {shown} is not served: only {SERVED_SCHEMA}.* tables are visible here "
                f"(e.g. {SERVED_SCHEMA}.fact_transactions)."
            )

    def check_table_function(self, node: dict) -> None:
        function = node.get("function") or {}
        name = str(function.get("function_name", "")).lower()
        if name not in ALLOWED_TABLE_FUNCTIONS or function.get("schema") or function.get("catalog"):
            raise QueryRefusedError(
                f"Table function {name or '?'}() is not allowed: queries may only read gold tables "
                f"(allowed table functions: {', '.join(sorted(ALLOWED_TABLE_FUNCTIONS))})."
            )

    def check_node(self, node: dict) -> None:
        if node.get("type") == "SHOW_REF" and node.get("query") is None:
            raise QueryRefusedError(
                f"SHOW is not available here. {READ_ONLY_HINT}; list tables with the "
                "Flight SQL catalog calls (adbc_get_objects, DBeaver's navigator)."
            )
        if node.get("class") == "FUNCTION" and str(node.get("function_name", "")).lower() in DENIED_FUNCTIONS:
            raise QueryRefusedError(
                f"Function {node['function_name']}() is not allowed: it changes state. {READ_ONLY_HINT}."
            )


_SIZED = {"repeat": "repeat", "lpad": "pad", "rpad": "pad"}


def has_sized(node: Any) -> bool:
    """Whether the tree calls ``repeat``/``lpad``/``rpad`` anywhere (they need a size guard)."""
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
