"""Flight SQL wire pieces: protobuf envelopes and the result tables of the metadata commands.

The messages come from ``altertable-flightsql`` (generated from Arrow's ``FlightSql.proto`` and
``Flight.proto``); nothing here encodes protobuf by hand. Result schemas follow the comments of
``FlightSql.proto`` field for field, because JDBC and ADBC drivers read them by position and type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa
from altertable_flightsql.generated import arrow_flight_pb2 as flight_pb
from altertable_flightsql.generated import arrow_flight_sql_pb2 as sql_pb
from google.protobuf import any_pb2

from core.errors import QueryError
from flight_server.sandbox import ByteMemo

TYPE_PREFIX = "type.googleapis.com/arrow.flight.protocol.sql."
TABLE_TYPES = ("TABLE",)


def pack(message: Any) -> bytes:
    """``message`` wrapped in ``google.protobuf.Any``, as Flight SQL commands and tickets travel."""
    envelope = any_pb2.Any()
    envelope.Pack(message)
    return envelope.SerializeToString()


def unpack(raw: bytes) -> tuple[str, Any]:
    """The Flight SQL message in an ``Any`` envelope: (message name, message).

    Raises:
        QueryError: not a Flight SQL message this package knows.
    """
    envelope = any_pb2.Any()
    try:
        envelope.ParseFromString(raw)
    except Exception:  # protobuf's DecodeError has no stable import path across versions
        raise QueryError("Bad request: not a Flight SQL command (a protobuf Any) nor JSON.") from None
    if not envelope.type_url.startswith(TYPE_PREFIX):
        raise QueryError(f"Bad request: unknown command type {envelope.type_url or '(none)'!r}.")
    name = envelope.type_url[len(TYPE_PREFIX) :]
    cls = getattr(sql_pb, name, None)
    if cls is None:
        raise QueryError(f"Flight SQL command {name} is not supported by this server.")
    message = cls()
    envelope.Unpack(message)
    return name, message


class BoundParameters:
    """Parameters bound with DoPut, by prepared-statement id, for clients that then execute the
    statement's ORIGINAL handle.

    DoPut answers with an updated handle that carries the parameters (stateless, and what ADBC
    uses), but the protocol lets a client keep its first handle, and flightsql-dbapi and its
    SQLAlchemy dialect do: without this they got "Values were not provided". An entry lives until
    ClosePreparedStatement, or until newer bindings push it out of the byte budget.
    """

    def __init__(self, budget_bytes: int) -> None:
        self._memo = ByteMemo(budget_bytes)

    def bind(self, statement_id: str, params_ipc: str) -> None:
        self._memo.put(statement_id, params_ipc, len(statement_id) + len(params_ipc))

    def get(self, statement_id: str) -> str | None:
        """The parameters last bound to the statement (base64 Arrow IPC), if any."""
        return self._memo.get(statement_id)

    def close(self, statement_id: str) -> None:
        self._memo.pop(statement_id)


# -- result schemas (FlightSql.proto) ------------------------------------------------------------

CATALOGS_SCHEMA = pa.schema([pa.field("catalog_name", pa.utf8(), nullable=False)])
DB_SCHEMAS_SCHEMA = pa.schema(
    [pa.field("catalog_name", pa.utf8()), pa.field("db_schema_name", pa.utf8(), nullable=False)]
)
TABLES_SCHEMA = pa.schema(
    [
        pa.field("catalog_name", pa.utf8()),
        pa.field("db_schema_name", pa.utf8()),
        pa.field("table_name", pa.utf8(), nullable=False),
        pa.field("table_type", pa.utf8(), nullable=False),
    ]
)
TABLES_WITH_SCHEMA = TABLES_SCHEMA.append(pa.field("table_schema", pa.binary(), nullable=False))
TABLE_TYPES_SCHEMA = pa.schema([pa.field("table_type", pa.utf8(), nullable=False)])
PRIMARY_KEYS_SCHEMA = pa.schema(
    [
        pa.field("catalog_name", pa.utf8()),
        pa.field("db_schema_name", pa.utf8()),
        pa.field("table_name", pa.utf8(), nullable=False),
        pa.field("column_name", pa.utf8(), nullable=False),
        pa.field("key_name", pa.utf8()),
        pa.field("key_sequence", pa.int32(), nullable=False),
    ]
)
FOREIGN_KEYS_SCHEMA = pa.schema(
    [
        pa.field("pk_catalog_name", pa.utf8()),
        pa.field("pk_db_schema_name", pa.utf8()),
        pa.field("pk_table_name", pa.utf8(), nullable=False),
        pa.field("pk_column_name", pa.utf8(), nullable=False),
        pa.field("fk_catalog_name", pa.utf8()),
        pa.field("fk_db_schema_name", pa.utf8()),
        pa.field("fk_table_name", pa.utf8(), nullable=False),
        pa.field("fk_column_name", pa.utf8(), nullable=False),
        pa.field("key_sequence", pa.int32(), nullable=False),
        pa.field("fk_key_name", pa.utf8()),
        pa.field("pk_key_name", pa.utf8()),
        pa.field("update_rule", pa.uint8(), nullable=False),
        pa.field("delete_rule", pa.uint8(), nullable=False),
    ]
)
XDBC_TYPE_INFO_SCHEMA = pa.schema(
    [
        pa.field("type_name", pa.utf8(), nullable=False),
        pa.field("data_type", pa.int32(), nullable=False),
        pa.field("column_size", pa.int32()),
        pa.field("literal_prefix", pa.utf8()),
        pa.field("literal_suffix", pa.utf8()),
        pa.field("create_params", pa.list_(pa.field("item", pa.utf8(), nullable=False))),
        pa.field("nullable", pa.int32(), nullable=False),
        pa.field("case_sensitive", pa.bool_(), nullable=False),
        pa.field("searchable", pa.int32(), nullable=False),
        pa.field("unsigned_attribute", pa.bool_()),
        pa.field("fixed_prec_scale", pa.bool_(), nullable=False),
        pa.field("auto_increment", pa.bool_()),
        pa.field("local_type_name", pa.utf8()),
        pa.field("minimum_scale", pa.int32()),
        pa.field("maximum_scale", pa.int32()),
        pa.field("sql_data_type", pa.int32(), nullable=False),
        pa.field("datetime_subcode", pa.int32()),
        pa.field("num_prec_radix", pa.int32()),
        pa.field("interval_precision", pa.int32()),
    ]
)
_SQL_INFO_VALUE = pa.dense_union(
    [
        pa.field("string_value", pa.utf8()),
        pa.field("bool_value", pa.bool_()),
        pa.field("bigint_value", pa.int64()),
        pa.field("int32_bitmask", pa.int32()),
        pa.field("string_list", pa.list_(pa.utf8())),
        pa.field("int32_to_int32_list_map", pa.map_(pa.int32(), pa.list_(pa.int32()))),
    ]
)
SQL_INFO_SCHEMA = pa.schema(
    [
        pa.field("info_name", pa.uint32(), nullable=False),
        pa.field("value", _SQL_INFO_VALUE, nullable=False),
    ]
)


def schema_for(name: str, message: Any) -> pa.Schema:
    """The result schema of a metadata command (GetSchema and FlightInfo need it before DoGet)."""
    schemas = {
        "CommandGetCatalogs": CATALOGS_SCHEMA,
        "CommandGetDbSchemas": DB_SCHEMAS_SCHEMA,
        "CommandGetTableTypes": TABLE_TYPES_SCHEMA,
        "CommandGetPrimaryKeys": PRIMARY_KEYS_SCHEMA,
        "CommandGetImportedKeys": FOREIGN_KEYS_SCHEMA,
        "CommandGetExportedKeys": FOREIGN_KEYS_SCHEMA,
        "CommandGetCrossReference": FOREIGN_KEYS_SCHEMA,
        "CommandGetXdbcTypeInfo": XDBC_TYPE_INFO_SCHEMA,
        "CommandGetSqlInfo": SQL_INFO_SCHEMA,
    }
    if name == "CommandGetTables":
        return TABLES_WITH_SCHEMA if message.include_schema else TABLES_SCHEMA
    return schemas[name]


METADATA_COMMANDS = frozenset(
    {
        "CommandGetCatalogs",
        "CommandGetDbSchemas",
        "CommandGetTables",
        "CommandGetTableTypes",
        "CommandGetPrimaryKeys",
        "CommandGetImportedKeys",
        "CommandGetExportedKeys",
        "CommandGetCrossReference",
        "CommandGetXdbcTypeInfo",
        "CommandGetSqlInfo",
    }
)


def like(pattern: str | None, value: str) -> bool:
    """SQL LIKE as the metadata filters use it (``%``, ``_``, backslash escapes); None matches all."""
    if pattern is None:
        return True
    regex = []
    chars = iter(pattern)
    for ch in chars:
        if ch == "\\":
            regex.append(re.escape(next(chars, "\\")))
        elif ch == "%":
            regex.append(".*")
        elif ch == "_":
            regex.append(".")
        else:
            regex.append(re.escape(ch))
    return re.fullmatch("".join(regex), value, flags=re.DOTALL) is not None


def optional(message: Any, field: str) -> str | None:
    """A proto3 ``optional`` string field: None when the client did not set it."""
    return getattr(message, field) if message.HasField(field) else None


def catalogs_table(catalog: str) -> pa.Table:
    """GetCatalogs rows: the one catalog."""
    return pa.Table.from_pylist([{"catalog_name": catalog}], schema=CATALOGS_SCHEMA)


def db_schemas_table(catalog: str, schema: str, message: Any) -> pa.Table:
    """GetDbSchemas rows: the served schema, if it passes the command's filters."""
    wanted = optional(message, "catalog")
    rows = (
        []
        if wanted not in (None, catalog) or not like(optional(message, "db_schema_filter_pattern"), schema)
        else [{"catalog_name": catalog, "db_schema_name": schema}]
    )
    return pa.Table.from_pylist(rows, schema=DB_SCHEMAS_SCHEMA)


def tables_table(
    catalog: str, schema: str, tables: Iterable[tuple[str, pa.Schema | None]], message: Any
) -> pa.Table:
    """GetTables rows for ``tables`` (name, Arrow schema) that pass the command's filters."""
    wanted = optional(message, "catalog")
    rows = []
    if wanted in (None, catalog) and like(optional(message, "db_schema_filter_pattern"), schema):
        types = set(message.table_types) or set(TABLE_TYPES)
        for name, table_schema in tables:
            if "TABLE" not in types or not like(optional(message, "table_name_filter_pattern"), name):
                continue
            row: dict[str, Any] = {
                "catalog_name": catalog,
                "db_schema_name": schema,
                "table_name": name,
                "table_type": "TABLE",
            }
            if message.include_schema:
                row["table_schema"] = _annotated(table_schema, catalog, schema, name).serialize().to_pybytes()
            rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema_for("CommandGetTables", message))


def _annotated(schema: pa.Schema | None, catalog: str, db_schema: str, table: str) -> pa.Schema:
    """Column metadata JDBC shows in its column browser (names from FlightSql.proto)."""
    schema = schema or pa.schema([])
    fields = []
    for f in schema:
        meta = {
            "ARROW:FLIGHT:SQL:CATALOG_NAME": catalog,
            "ARROW:FLIGHT:SQL:DB_SCHEMA_NAME": db_schema,
            "ARROW:FLIGHT:SQL:TABLE_NAME": table,
            "ARROW:FLIGHT:SQL:TYPE_NAME": _type_name(f.type),
            "ARROW:FLIGHT:SQL:IS_READ_ONLY": "1",
            "ARROW:FLIGHT:SQL:IS_SEARCHABLE": "1",
            "ARROW:FLIGHT:SQL:IS_AUTO_INCREMENT": "0",
            "ARROW:FLIGHT:SQL:IS_CASE_SENSITIVE": "1" if pa.types.is_string(f.type) else "0",
        }
        fields.append(f.with_metadata(meta))
    return pa.schema(fields)


def table_types_table() -> pa.Table:
    """GetTableTypes rows."""
    return pa.Table.from_pylist([{"table_type": t} for t in TABLE_TYPES], schema=TABLE_TYPES_SCHEMA)


def primary_keys_table(catalog: str, schema: str, table: str, key: Sequence[str]) -> pa.Table:
    """GetPrimaryKeys rows of ``table`` (its key columns, in order)."""
    rows = [
        {
            "catalog_name": catalog,
            "db_schema_name": schema,
            "table_name": table,
            "column_name": c,
            "key_name": f"{table}_pkey",
            "key_sequence": i,
        }
        for i, c in enumerate(key, start=1)
    ]
    return pa.Table.from_pylist(rows, schema=PRIMARY_KEYS_SCHEMA)


def empty(schema: pa.Schema) -> pa.Table:
    """No rows, shaped as ``schema`` (metadata commands with nothing to report)."""
    return schema.empty_table()


_XDBC_TYPES: tuple[tuple[str, int, int | None, int, int | None], ...] = (
    # type_name, data_type, column_size, sql_data_type, datetime_subcode
    ("BOOLEAN", sql_pb.XDBC_BIT, 1, sql_pb.XDBC_BIT, None),
    ("TINYINT", sql_pb.XDBC_TINYINT, 3, sql_pb.XDBC_TINYINT, None),
    ("BIGINT", sql_pb.XDBC_BIGINT, 19, sql_pb.XDBC_BIGINT, None),
    ("BLOB", sql_pb.XDBC_VARBINARY, None, sql_pb.XDBC_VARBINARY, None),
    ("DECIMAL", sql_pb.XDBC_DECIMAL, 38, sql_pb.XDBC_DECIMAL, None),
    ("INTEGER", sql_pb.XDBC_INTEGER, 10, sql_pb.XDBC_INTEGER, None),
    ("SMALLINT", sql_pb.XDBC_SMALLINT, 5, sql_pb.XDBC_SMALLINT, None),
    ("FLOAT", sql_pb.XDBC_REAL, 7, sql_pb.XDBC_REAL, None),
    ("DOUBLE", sql_pb.XDBC_DOUBLE, 15, sql_pb.XDBC_DOUBLE, None),
    ("VARCHAR", sql_pb.XDBC_VARCHAR, None, sql_pb.XDBC_VARCHAR, None),
    ("DATE", sql_pb.XDBC_DATE, 10, sql_pb.XDBC_DATETIME, sql_pb.XDBC_SUBCODE_DATE),
    ("TIME", sql_pb.XDBC_TIME, 15, sql_pb.XDBC_DATETIME, sql_pb.XDBC_SUBCODE_TIME),
    ("TIMESTAMP", sql_pb.XDBC_TIMESTAMP, 26, sql_pb.XDBC_DATETIME, sql_pb.XDBC_SUBCODE_TIMESTAMP),
    (
        "TIMESTAMP WITH TIME ZONE",
        sql_pb.XDBC_TIMESTAMP,
        32,
        sql_pb.XDBC_DATETIME,
        sql_pb.XDBC_SUBCODE_TIMESTAMP_WITH_TIMEZONE,
    ),
)


def xdbc_type_info_table(message: Any) -> pa.Table:
    """GetXdbcTypeInfo rows: the DuckDB types results use, optionally one data type."""
    wanted = message.data_type if message.HasField("data_type") else None
    rows = []
    for name, data_type, size, sql_type, subcode in sorted(_XDBC_TYPES, key=lambda t: (t[1], t[0])):
        if wanted is not None and data_type != wanted:
            continue
        is_text = name == "VARCHAR"
        is_date = sql_type == sql_pb.XDBC_DATETIME
        rows.append(
            {
                "type_name": name,
                "data_type": data_type,
                "column_size": size,
                "literal_prefix": "'" if is_text or is_date else None,
                "literal_suffix": "'" if is_text or is_date else None,
                "create_params": ["precision", "scale"] if name == "DECIMAL" else None,
                "nullable": sql_pb.NULLABILITY_NULLABLE,
                "case_sensitive": is_text,
                "searchable": sql_pb.SEARCHABLE_FULL if is_text else sql_pb.SEARCHABLE_BASIC,
                "unsigned_attribute": False if size and not is_text and not is_date else None,
                "fixed_prec_scale": name == "DECIMAL",
                "auto_increment": None,
                "local_type_name": name,
                "minimum_scale": 0 if name == "DECIMAL" else None,
                "maximum_scale": 38 if name == "DECIMAL" else None,
                "sql_data_type": sql_type,
                "datetime_subcode": subcode,
                "num_prec_radix": 2
                if name in ("FLOAT", "DOUBLE")
                else (10 if size and not is_text and not is_date else None),
                "interval_precision": None,
            }
        )
    return pa.Table.from_pylist(rows, schema=XDBC_TYPE_INFO_SCHEMA)


def _type_name(type_: pa.DataType) -> str:
    checks = (
        (pa.types.is_boolean, "BOOLEAN"),
        (pa.types.is_int8, "TINYINT"),
        (pa.types.is_int16, "SMALLINT"),
        (pa.types.is_int32, "INTEGER"),
        (pa.types.is_int64, "BIGINT"),
        (pa.types.is_float32, "FLOAT"),
        (pa.types.is_float64, "DOUBLE"),
        (pa.types.is_decimal, "DECIMAL"),
        (pa.types.is_date, "DATE"),
        (pa.types.is_time, "TIME"),
        (pa.types.is_string, "VARCHAR"),
        (pa.types.is_large_string, "VARCHAR"),
        (pa.types.is_binary, "BLOB"),
        (pa.types.is_large_binary, "BLOB"),
    )
    if pa.types.is_timestamp(type_):
        return "TIMESTAMP WITH TIME ZONE" if type_.tz else "TIMESTAMP"
    return next((name for check, name in checks if check(type_)), str(type_).upper())


# -- GetSqlInfo ----------------------------------------------------------------------------------

_STRING, _BOOL, _BIGINT, _BITMASK, _STRING_LIST = 0, 1, 2, 3, 4


def sql_info(server_version: str, statement_timeout_ms: int) -> dict[int, tuple[int, Any]]:
    """What GetSqlInfo reports: the server is a read-only DuckDB dialect with cancellation."""
    return {
        sql_pb.FLIGHT_SQL_SERVER_NAME: (_STRING, "congress-lakehouse"),
        sql_pb.FLIGHT_SQL_SERVER_VERSION: (_STRING, server_version),
        sql_pb.FLIGHT_SQL_SERVER_ARROW_VERSION: (_STRING, pa.__version__),
        sql_pb.FLIGHT_SQL_SERVER_READ_ONLY: (_BOOL, True),
        sql_pb.FLIGHT_SQL_SERVER_SQL: (_BOOL, True),
        sql_pb.FLIGHT_SQL_SERVER_SUBSTRAIT: (_BOOL, False),
        sql_pb.FLIGHT_SQL_SERVER_TRANSACTION: (_BITMASK, sql_pb.SQL_SUPPORTED_TRANSACTION_NONE),
        sql_pb.FLIGHT_SQL_SERVER_CANCEL: (_BOOL, True),
        sql_pb.FLIGHT_SQL_SERVER_STATEMENT_TIMEOUT: (_BITMASK, 0),
        sql_pb.FLIGHT_SQL_SERVER_TRANSACTION_TIMEOUT: (_BITMASK, 0),
        sql_pb.SQL_DDL_CATALOG: (_BOOL, False),
        sql_pb.SQL_DDL_SCHEMA: (_BOOL, False),
        sql_pb.SQL_DDL_TABLE: (_BOOL, False),
        sql_pb.SQL_IDENTIFIER_CASE: (_BITMASK, sql_pb.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE),
        sql_pb.SQL_IDENTIFIER_QUOTE_CHAR: (_STRING, '"'),
        sql_pb.SQL_QUOTED_IDENTIFIER_CASE: (_BITMASK, sql_pb.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE),
        sql_pb.SQL_ALL_TABLES_ARE_SELECTABLE: (_BOOL, True),
        sql_pb.SQL_NULL_ORDERING: (_BITMASK, sql_pb.SQL_NULLS_SORTED_AT_END),
        sql_pb.SQL_SEARCH_STRING_ESCAPE: (_STRING, "\\"),
        sql_pb.SQL_EXTRA_NAME_CHARACTERS: (_STRING, ""),
        sql_pb.SQL_SUPPORTS_COLUMN_ALIASING: (_BOOL, True),
        sql_pb.SQL_NULL_PLUS_NULL_IS_NULL: (_BOOL, True),
        sql_pb.SQL_SUPPORTS_TABLE_CORRELATION_NAMES: (_BOOL, True),
        sql_pb.SQL_SUPPORTS_DIFFERENT_TABLE_CORRELATION_NAMES: (_BOOL, False),
        sql_pb.SQL_SUPPORTS_EXPRESSIONS_IN_ORDER_BY: (_BOOL, True),
        sql_pb.SQL_SUPPORTS_ORDER_BY_UNRELATED: (_BOOL, True),
        sql_pb.SQL_SUPPORTS_LIKE_ESCAPE_CLAUSE: (_BOOL, True),
        sql_pb.SQL_SUPPORTS_NON_NULLABLE_COLUMNS: (_BOOL, True),
        sql_pb.SQL_SCHEMA_TERM: (_STRING, "schema"),
        sql_pb.SQL_CATALOG_TERM: (_STRING, "catalog"),
        sql_pb.SQL_PROCEDURE_TERM: (_STRING, "procedure"),
        sql_pb.SQL_CATALOG_AT_START: (_BOOL, True),
        sql_pb.SQL_TRANSACTIONS_SUPPORTED: (_BOOL, False),
        sql_pb.SQL_STORED_PROCEDURES_SUPPORTED: (_BOOL, False),
        sql_pb.SQL_SELECT_FOR_UPDATE_SUPPORTED: (_BOOL, False),
        sql_pb.SQL_BATCH_UPDATES_SUPPORTED: (_BOOL, False),
        sql_pb.SQL_SAVEPOINTS_SUPPORTED: (_BOOL, False),
        sql_pb.SQL_NAMED_PARAMETERS_SUPPORTED: (_BOOL, True),
        sql_pb.SQL_CORRELATED_SUBQUERIES_SUPPORTED: (_BOOL, True),
        sql_pb.SQL_MAX_STATEMENT_LENGTH: (_BIGINT, 100_000),
        sql_pb.SQL_KEYWORDS: (
            _STRING_LIST,
            ["AT", "VERSION", "TIMESTAMP", "QUALIFY", "SUMMARIZE", "DESCRIBE"],
        ),
    }


def sql_info_table(info: dict[int, tuple[int, Any]], wanted: Sequence[int]) -> pa.Table:
    """The dense-union GetSqlInfo result (codes the server does not know are left out)."""
    codes = [c for c in (wanted or sorted(info)) if c in info]
    children: list[list[Any]] = [[], [], [], [], [], []]
    type_ids, offsets = [], []
    for code in codes:
        kind, value = info[code]
        type_ids.append(kind)
        offsets.append(len(children[kind]))
        children[kind].append(value)
    arrays = [pa.array(values, type=_SQL_INFO_VALUE.field(i).type) for i, values in enumerate(children)]
    value = pa.UnionArray.from_dense(
        pa.array(type_ids, pa.int8()),
        pa.array(offsets, pa.int32()),
        arrays,
        [_SQL_INFO_VALUE.field(i).name for i in range(len(arrays))],
        list(range(len(arrays))),
    )
    return pa.Table.from_arrays([pa.array(codes, pa.uint32()), value], schema=SQL_INFO_SCHEMA)


def session_option_value(value: Any) -> Any:
    """A ``SessionOptionValue`` as Python (None when the client erased the option)."""
    kind = value.WhichOneof("option_value")
    if kind is None:
        return None
    if kind == "string_list_value":
        return list(value.string_list_value.values)
    return getattr(value, kind)


def to_session_option_value(value: Any) -> Any:
    """A Python value as a ``SessionOptionValue``."""
    out = flight_pb.SessionOptionValue()
    if isinstance(value, bool):
        out.bool_value = value
    elif isinstance(value, int):
        out.int64_value = value
    elif isinstance(value, float):
        out.double_value = value
    elif value is not None:
        out.string_value = str(value)
    return out
