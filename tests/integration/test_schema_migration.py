"""`lakehouse init` migrates a table that holds data to a registry that adds a key column.

The case it exists for: `chamber` joins the keys of gold's filings and transactions once the
Senate arrives. Rows written before the column read as its declared default everywhere
(pyiceberg, the DuckDB file path); an optional column made required has its nulls set to the
default in the same commit; old snapshots keep their schema and rows; the new key lets two
chambers hold the same id.
"""

from __future__ import annotations

import dataclasses

import duckdb
import pyarrow as pa
import pytest
from pyiceberg.types import IntegerType, StringType

from catalog.registry import FACT_FILINGS, FACT_TRANSACTIONS, Column, TableSpec
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


OPTIONAL = TableSpec(NAME, "A transactions-like table whose chamber was optional.", (
    Column("doc_id", StringType(), "Id of the filing.", True),
    Column("line_no", IntegerType(), "Row.", True),
    Column("chamber", StringType(), "House or Senate; optional at first."),
), partition_by=("line_no",), key=("doc_id", "line_no"))
REQUIRED = TableSpec(NAME, OPTIONAL.doc, (
    *OPTIONAL.columns[:2],
    Column("chamber", StringType(), "House or Senate.", True, default="house"),
), partition_by=("line_no",), key=("chamber", "doc_id", "line_no"))


def test_an_optional_column_becomes_a_required_key_column_with_its_nulls_set_to_the_default(lakehouse):
    store = lakehouse.store
    store.init_tables([OPTIONAL])
    # Rows written before the column was filled (null) and after (set), in different files and partitions.
    store.append(NAME, _rows(OPTIONAL, doc_id=["20026590", "20026590"], line_no=[1, 2], chamber=[None, None]))
    with_nulls = set(store.data_files(NAME).paths)
    store.append(NAME, _rows(OPTIONAL, doc_id=["4aa0094d-d9da-4a05-aa13-6d9f5d376105", "20024540"],
                             line_no=[1, 1], chamber=["senate", "house"]))
    before = store.table(NAME).current_snapshot().snapshot_id
    commits = len(store.table(NAME).metadata.metadata_log)
    files_before = set(store.data_files(NAME).paths)

    assert store.init_tables([REQUIRED]) == [
        f"evolved {NAME}: chamber required (2 null row(s) set to 'house'); "
        "key (doc_id, line_no) -> (chamber, doc_id, line_no)"]
    assert store.init_tables([REQUIRED]) == []
    table = store.table(NAME)
    assert table.schema().find_field("chamber").required
    assert table.schema().identifier_field_names() == {"chamber", "doc_id", "line_no"}
    rows = sorted((r["chamber"], r["doc_id"], r["line_no"]) for r in store.read(NAME).to_pylist())
    assert rows == [("house", "20024540", 1), ("house", "20026590", 1), ("house", "20026590", 2),
                    ("senate", "4aa0094d-d9da-4a05-aa13-6d9f5d376105", 1)]
    # Only the files holding nulls (one per partition) were rewritten; data and schema in one commit.
    files_after = set(store.data_files(NAME).paths)
    assert files_before - files_after == with_nulls and len(with_nulls) == 2
    assert len(files_after - files_before) == 2
    assert len(table.metadata.metadata_log) == commits + 1
    # The snapshot before the migration still reads its nulls.
    old = store.read(NAME, snapshot_id=before).to_pydict()
    assert sorted(old["chamber"], key=str) == [None, None, "house", "senate"]


def test_an_optional_column_with_nulls_and_no_default_is_refused_and_the_table_is_unchanged(lakehouse):
    store = lakehouse.store
    store.init_tables([OPTIONAL])
    store.append(NAME, _rows(OPTIONAL, doc_id=["1"], line_no=[1], chamber=[None]))
    snapshot = store.table(NAME).current_snapshot().snapshot_id
    no_default = TableSpec(NAME, OPTIONAL.doc, (*OPTIONAL.columns[:2], Column("chamber", StringType(), "", True)),
                           partition_by=("line_no",), key=OPTIONAL.key)
    with pytest.raises(ConfigError, match=r"makes chamber \(1 row\(s\)\) required.*Declare a `default`"):
        store.init_tables([no_default])
    table = store.table(NAME)
    assert not table.schema().find_field("chamber").required
    assert table.current_snapshot().snapshot_id == snapshot


def test_a_gold_warehouse_from_before_the_senate_migrates_to_chamber_in_the_keys(lakehouse):
    """The real gold facts as they were declared before the Senate: no chamber on filings, an
    optional one on transactions (rows written before it read null), keys without it."""
    filings_before = dataclasses.replace(
        FACT_FILINGS, columns=tuple(c for c in FACT_FILINGS.columns if c.name != "chamber"), key=("doc_id",))
    transactions_before = dataclasses.replace(
        FACT_TRANSACTIONS, key=("doc_id", "line_no"),
        columns=tuple(dataclasses.replace(c, required=False, default=None) if c.name == "chamber" else c
                      for c in FACT_TRANSACTIONS.columns))
    store = lakehouse.store
    store.init_tables([filings_before, transactions_before])
    store.append(FACT_FILINGS.identifier, _filled(filings_before, doc_id=["20026590"], year=[2025], filing_type=["P"],
                                                  document_in_bronze=[True]))
    store.append(FACT_TRANSACTIONS.identifier, _filled(transactions_before, transaction_key=[200265900001],
                                                       doc_id=["20026590"], line_no=[1], year=[2025]))

    assert store.init_tables([FACT_FILINGS, FACT_TRANSACTIONS]) == [
        "evolved gold.fact_filings: added chamber; key (doc_id) -> (chamber, doc_id)",
        "evolved gold.fact_transactions: chamber required (1 null row(s) set to 'house'); "
        "key (doc_id, line_no) -> (chamber, doc_id, line_no)",
    ]
    assert store.init_tables([FACT_FILINGS, FACT_TRANSACTIONS]) == []
    assert store.read(FACT_FILINGS.identifier, columns=["doc_id", "chamber"]).to_pylist() == [
        {"doc_id": "20026590", "chamber": "house"}]
    assert store.read(FACT_TRANSACTIONS.identifier, columns=["transaction_key", "chamber"]).to_pylist() == [
        {"transaction_key": 200265900001, "chamber": "house"}]
    for spec in (FACT_FILINGS, FACT_TRANSACTIONS):
        assert store.table(spec.identifier).schema().identifier_field_names() == set(spec.key)


def _filled(spec: TableSpec, **columns) -> pa.Table:
    """A row of ``spec`` with the given values; other columns null (every required one is given)."""
    n = len(next(iter(columns.values())))
    return pa.Table.from_pydict({f.name: columns.get(f.name, [None] * n) for f in spec.arrow_schema()},
                                spec.arrow_schema())


def test_trending_rankings_from_before_the_chambers_read_as_both_and_the_job_adds_each_chamber(lakehouse):
    """gold.agg_trending_stocks as declared before its per-chamber rankings (no chamber column, a key
    without it): its rows ranked both chambers together, which is what they read as after init; the
    next run of the job recomputes everything (inputs unchanged) and adds each chamber's rankings."""
    import datetime as dt

    from catalog.registry import AGG_TRENDING_STOCKS
    from catalog.store import SOURCE_PREFIX
    from jobs.gold import agg_trending_stocks
    from jobs.runner import run_job

    day = dt.date
    trending = AGG_TRENDING_STOCKS.identifier
    before = dataclasses.replace(AGG_TRENDING_STOCKS, key=("as_of_date", "window_days", "basis", "ticker"),
                                 columns=tuple(c for c in AGG_TRENDING_STOCKS.columns if c.name != "chamber"))
    store = lakehouse.store
    store.init_tables([FACT_TRANSACTIONS, before])
    # Pelosi's purchase of NVDA (House PTR 20026590) and Tuberville's real partial sale of AAPL on
    # 2025-01-10 (Senate eFD report d1afafd0-…, disclosed 2026-08-05; shared/data/senate).
    facts = store.append(FACT_TRANSACTIONS.identifier, _filled(
        FACT_TRANSACTIONS, transaction_key=[200265900001, -1], doc_id=["20026590", "d1afafd0-a78f-44ef-ae47-da99dfb01317"],
        line_no=[1, 1], year=[2025, 2026], chamber=["house", "senate"], bioguide_id=["P000197", "T000278"],
        filer_name=["Nancy Pelosi", "Thomas H Tuberville"], party=["Democrat", "Republican"], ticker=["NVDA", "AAPL"],
        asset_name=["NVIDIA Corporation", "Apple Inc"], transaction_type=["purchase", "partial_sale"],
        transaction_date=[day(2025, 1, 14), day(2025, 1, 10)], filing_date=[day(2025, 1, 17), day(2026, 8, 5)],
        amount_midpoint=[8000.5, 32500.5]))
    # A ranking written by the job before (its watermark: this fact_transactions snapshot).
    old = store.append(trending, _filled(before, as_of_date=[day(2025, 1, 17)], window_days=[7], basis=["disclosure"],
                                         ticker=["NVDA"], trades=[1], rank=[1]),
                       properties={f"{SOURCE_PREFIX}{FACT_TRANSACTIONS.identifier}": str(facts)})

    assert store.init_tables([FACT_TRANSACTIONS, AGG_TRENDING_STOCKS]) == [
        f"evolved {trending}: added chamber; key (as_of_date, basis, ticker, window_days) -> "
        "(as_of_date, window_days, basis, chamber, ticker)"]
    assert store.init_tables([FACT_TRANSACTIONS, AGG_TRENDING_STOCKS]) == []
    schema = store.table(trending).schema()
    assert schema.find_field("chamber").required
    assert schema.identifier_field_names() == set(AGG_TRENDING_STOCKS.key)
    assert store.read(trending, columns=["as_of_date", "ticker", "trades", "chamber"]).to_pylist() == [
        {"as_of_date": day(2025, 1, 17), "ticker": "NVDA", "trades": 1, "chamber": "both"}]
    via_duckdb = duckdb.sql(store.data_files(trending).read_parquet_sql(("ticker", "chamber"))).fetchall()
    assert via_duckdb == [("NVDA", "both")]
    assert "chamber" not in store.read(trending, snapshot_id=old).column_names

    # fact_transactions did not move, yet the job recomputes everything once: the table gained a column.
    result = run_job(store, agg_trending_stocks.JOB, run_id="after-init")
    assert (result.status, result.full_read, result.rows_out) == ("committed", True, 27)
    rows = store.read(trending).to_pylist()
    ranked = sorted((r["chamber"], r["basis"], r["as_of_date"].isoformat(), r["rank"], r["ticker"])
                    for r in rows if r["window_days"] == 7)
    assert ranked == [
        ("both", "disclosure", "2025-01-17", 1, "NVDA"), ("both", "disclosure", "2026-08-05", 1, "AAPL"),
        ("both", "trade", "2025-01-10", 1, "AAPL"), ("both", "trade", "2025-01-14", 1, "AAPL"),
        ("both", "trade", "2025-01-14", 2, "NVDA"),
        ("house", "disclosure", "2025-01-17", 1, "NVDA"), ("house", "trade", "2025-01-14", 1, "NVDA"),
        ("senate", "disclosure", "2026-08-05", 1, "AAPL"), ("senate", "trade", "2025-01-10", 1, "AAPL")]
    assert run_job(store, agg_trending_stocks.JOB, run_id="again").status == "up_to_date"
