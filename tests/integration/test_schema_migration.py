"""`lakehouse init` migrates a table that holds data to a registry that adds a key column.

The case it exists for: `chamber` joins the key of filings once the Senate arrives. Rows written
before the column read as its declared default everywhere (pyiceberg, the DuckDB file path),
old snapshots keep their schema, and the new key lets two chambers hold the same id.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pytest
from pyiceberg.types import IntegerType, StringType

from catalog.registry import Column, TableSpec
from catalog.store import Changes
from core.errors import ConfigError

pytestmark = pytest.mark.integration

NAME = "silver.test_migration"
BEFORE = TableSpec(NAME, "A filings-like table before the second chamber.", (
    Column("doc_id", StringType(), "Id of the filing.", True),
    Column("pages", IntegerType(), "Pages."),
), key=("doc_id",))
AFTER = TableSpec(NAME, BEFORE.doc, (
    *BEFORE.columns,
    Column("chamber", StringType(), "House or Senate.", True, default="house"),
    Column("note", StringType(), "Optional, added later."),
), key=("chamber", "doc_id"))


def _rows(spec: TableSpec, **columns) -> pa.Table:
    return pa.Table.from_pydict(columns, spec.arrow_schema())


def test_a_required_key_column_with_a_default_joins_a_table_with_data(lakehouse):
    store = lakehouse.store
    assert store.init_tables([BEFORE]) == ["created namespace bronze", "created namespace silver",
                                           "created namespace gold", "created namespace ops", f"created {NAME}"]
    old = store.append(NAME, _rows(BEFORE, doc_id=["20026590", "20024540"], pages=[3, 2]))

    assert store.init_tables([AFTER]) == [f"evolved {NAME}: added chamber, note; key (doc_id) -> (chamber, doc_id)"]
    assert store.init_tables([AFTER]) == []  # idempotent
    schema = store.table(NAME).schema()
    assert schema.identifier_field_names() == {"chamber", "doc_id"}
    assert schema.find_field("chamber").required

    now = store.read(NAME).sort_by("doc_id")
    assert now.to_pydict() == {"doc_id": ["20024540", "20026590"], "pages": [2, 3], "chamber": ["house", "house"],
                               "note": [None, None]}
    files = store.data_files(NAME)
    via_duckdb = duckdb.sql(files.read_parquet_sql() + " ORDER BY doc_id").fetchall()
    assert via_duckdb == [("20024540", 2, "house", None), ("20026590", 3, "house", None)]
    # The snapshot before the migration reads as it was written.
    assert store.read(NAME, snapshot_id=old).column_names == ["doc_id", "pages"]

    # The new key: the same id in another chamber is another row; a keyed change of one leaves the other.
    store.append(NAME, _rows(AFTER, doc_id=["20026590"], pages=[7], chamber=["senate"], note=["eFD"]))
    store.write_changes(NAME, Changes(key="note", drop=["eFD"],
                                      add=_rows(AFTER, doc_id=["20026590"], pages=[8], chamber=["senate"],
                                                note=["eFD v2"])))
    rows = sorted(store.read(NAME).to_pylist(), key=lambda r: (r["chamber"], r["doc_id"]))
    assert [(r["chamber"], r["doc_id"], r["pages"], r["note"]) for r in rows] == [
        ("house", "20024540", 2, None), ("house", "20026590", 3, None), ("senate", "20026590", 8, "eFD v2")]


def test_a_required_column_without_a_default_is_refused_with_advice(lakehouse):
    store = lakehouse.store
    store.init_tables([BEFORE])
    store.append(NAME, _rows(BEFORE, doc_id=["1"], pages=[1]))
    no_default = TableSpec(NAME, BEFORE.doc, (*BEFORE.columns, Column("chamber", StringType(), "", True)),
                           key=BEFORE.key)
    with pytest.raises(ConfigError, match="adds required column.*chamber.*without a default.*Declare a `default`"):
        store.init_tables([no_default])
    assert store.table(NAME).schema().find_field("pages") is not None
    assert "chamber" not in {f.name for f in store.table(NAME).schema().fields}
