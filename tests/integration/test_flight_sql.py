"""Flight SQL over real gRPC: ADBC (Python DB-API), raw Flight SQL commands, time travel, the warm
cache, limits, cancellation and streaming."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import adbc_driver_flightsql
import adbc_driver_flightsql.dbapi as dbapi
import pyarrow as pa
import pyarrow.flight as flight
import pytest
from altertable_flightsql.generated import arrow_flight_pb2 as flight_pb
from altertable_flightsql.generated import arrow_flight_sql_pb2 as sql_pb
from pyiceberg.types import DoubleType, LongType, StringType

from catalog.registry import Column, TableSpec
from flight_server import flightsql
from lakehouse.adbc_example import run as run_adbc_example
from tests.integration.test_flight_support import fill_gold, running_server, transactions

HEADER = adbc_driver_flightsql.DatabaseOptions.RPC_CALL_HEADER_PREFIX.value


@pytest.fixture
def gold(lakehouse):
    """A server over small Gold tables; yields (server, location, first snapshot ids)."""
    snapshots = fill_gold(lakehouse.store)
    with running_server(lakehouse.store, lakehouse.settings) as srv:
        yield srv, f"grpc://127.0.0.1:{srv.port}", snapshots


def adbc(location: str, **db_kwargs: str):
    # autocommit=True: the server is read-only, so ADBC's attempt to open a transaction would warn.
    return dbapi.connect(location, db_kwargs=db_kwargs or None, autocommit=True)


def test_adbc_executes_sql_lists_tables_and_reads_info(gold):
    _, location, _ = gold
    with adbc(location) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT ticker, count(*) AS trades FROM gold.fact_transactions GROUP BY ticker ORDER BY ticker"
        )
        table = cur.fetch_arrow_table()
        assert table.column("ticker").to_pylist() == ["AAPL", "BRK.B", "MSFT", "NVDA", "TSLA"]
        assert sum(table.column("trades").to_pylist()) == 36
        assert [d[0] for d in cur.description] == ["ticker", "trades"]

        # Fully qualified names, as BI tools write them.
        cur.execute(
            "SELECT lakehouse.gold.fact_transactions.doc_id FROM lakehouse.gold.fact_transactions "
            "WHERE gold.fact_transactions.line_no = 1 ORDER BY 1 LIMIT 2"
        )
        assert cur.fetchall() == [("30000000",), ("30000001",)]

        objects = conn.adbc_get_objects(depth="all", db_schema_filter="gold").read_all().to_pylist()
        assert [c["catalog_name"] for c in objects] == ["lakehouse"]
        tables = {t["table_name"]: t for t in objects[0]["catalog_db_schemas"][0]["db_schema_tables"]}
        assert {
            "fact_transactions",
            "fact_filings",
            "dim_members",
            "dim_assets",
            "agg_trending_stocks",
            "agg_member_stats",
        } <= set(tables)
        columns = [c["column_name"] for c in tables["fact_transactions"]["table_columns"]]
        assert columns[:4] == ["transaction_key", "doc_id", "line_no", "year"]

        schema = conn.adbc_get_table_schema(
            "fact_transactions", catalog_filter="lakehouse", db_schema_filter="gold"
        )
        assert schema.field("transaction_date").type == pa.date32()
        assert conn.adbc_get_table_types() == ["TABLE"]
        info = conn.adbc_get_info()
        assert info["vendor_name"] == "congress-lakehouse" and info["vendor_arrow_version"] == pa.__version__


def test_adbc_binds_parameters_never_formats_them(gold):
    _, location, _ = gold
    with adbc(location) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM gold.fact_transactions WHERE ticker = ? AND transaction_date >= ? "
            "AND amount_low >= ?",
            ("NVDA", dt.date(2025, 1, 1), 1000),
        )
        assert cur.fetchone()[0] == 5
        cur.execute("SELECT count(*) FROM gold.fact_transactions WHERE ticker = ?", ("NVDA' OR '1'='1",))
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT ? AS s, ? AS n", ("x'; DROP TABLE gold.fact_transactions; --", 7))
        assert cur.fetchone() == ("x'; DROP TABLE gold.fact_transactions; --", 7)
        # Several parameter rows: the query runs once per row and the results follow each other.
        cur.execute(
            "SELECT ? AS ticker, count(*) AS n FROM gold.fact_transactions WHERE ticker = ?",
            pa.table({"a": ["NVDA", "AAPL"], "b": ["NVDA", "AAPL"]}),
        )
        assert cur.fetchall() == [("NVDA", 6), ("AAPL", 7)]
        cur.execute("SELECT count(*) FROM gold.fact_transactions")
        assert cur.fetchone()[0] == 36


def test_time_travel_in_sql_headers_session_options_and_tags(lakehouse, gold):
    _, location, first = gold
    store = lakehouse.store
    old = first["gold.fact_transactions"]
    store.table("gold.fact_transactions").manage_snapshots().create_tag(old, "release-test").commit()
    store.replace("gold.fact_transactions", transactions(n_docs=2))
    count = "SELECT count(*) FROM gold.fact_transactions"
    with adbc(location) as conn, conn.cursor() as cur:
        cur.execute(count)
        assert cur.fetchone()[0] == 6
        for clause in (
            f"AT (VERSION => {old})",
            "AT (VERSION => 'release-test')",
            f"AT (TIMESTAMP => '{store.snapshot_time('gold.fact_transactions', old):%Y-%m-%d %H:%M:%S.%f}')",
        ):
            cur.execute(f"SELECT count(*) FROM gold.fact_transactions {clause}")
            assert cur.fetchone()[0] == 36, clause
        cur.execute(
            f"SELECT (SELECT count(*) FROM gold.fact_transactions AT (VERSION => {old})) - count(*) "
            "FROM gold.fact_transactions"
        )
        assert cur.fetchone()[0] == 30
        with pytest.raises(dbapi.Error, match="has no tag or branch 'nope'"):
            cur.execute("SELECT * FROM gold.fact_transactions AT (VERSION => 'nope')")

    for header, value in (("x-lakehouse-snapshot-id", str(old)), ("x-lakehouse-tag", "release-test")):
        with adbc(location, **{HEADER + header: value}) as conn, conn.cursor() as cur:
            cur.execute(count)
            assert cur.fetchone()[0] == 36, header

    cookies = {adbc_driver_flightsql.DatabaseOptions.WITH_COOKIE_MIDDLEWARE.value: "true"}
    with adbc(location, **cookies) as conn, conn.cursor() as cur:
        prefix = adbc_driver_flightsql.ConnectionOptions.OPTION_SESSION_OPTION_PREFIX.value
        conn.adbc_connection.set_options(**{prefix + "tag": "release-test"})
        cur.execute(count)
        assert cur.fetchone()[0] == 36
        conn.adbc_connection.set_options(
            **{prefix + "snapshot_id": str(store.current_snapshot_id("gold.fact_transactions"))}
        )
        cur.execute(count)
        assert cur.fetchone()[0] == 6
    with adbc(location) as conn, pytest.raises(dbapi.Error, match="Session options need the session cookie"):
        conn.adbc_connection.set_options(**{prefix + "tag": "release-test"})


def test_warm_cache_is_invalidated_exactly_when_a_snapshot_is_published(lakehouse, gold):
    server, location, _ = gold
    cache = server.service.cache
    client = flight.connect(location)

    def count() -> int:
        body = json.dumps({"sql": "SELECT count(*) AS n FROM gold.fact_transactions"}).encode()
        return client.do_get(flight.Ticket(body)).read_all().column("n")[0].as_py()

    assert count() == 36
    loads = cache.stats()["loads"]
    for _ in range(5):
        assert count() == 36
    assert cache.stats()["loads"] == loads, "a warm snapshot is not read again"
    pinned = client.get_flight_info(
        flight.FlightDescriptor.for_command(
            json.dumps({"sql": "SELECT count(*) AS n FROM gold.fact_transactions"})
        )
    )

    lakehouse.store.replace("gold.fact_transactions", transactions(n_docs=3))
    assert count() == 9, "the first query after publication sees the new snapshot"
    stats = cache.stats()
    assert stats["loads"] == loads + 1 and stats["drops"] >= 1
    assert client.do_get(pinned.endpoints[0].ticket).read_all().column("n")[0].as_py() == 36


def test_raw_flight_sql_statement_query_and_metadata_commands(gold):
    _, location, _ = gold
    client = flight.connect(location)

    def fetch(message):
        info = client.get_flight_info(flight.FlightDescriptor.for_command(flightsql.pack(message)))
        table = client.do_get(info.endpoints[0].ticket).read_all()
        assert table.schema.equals(info.schema, check_metadata=False)
        return table

    result = fetch(
        sql_pb.CommandStatementQuery(query="SELECT count(DISTINCT bioguide_id) AS n FROM gold.dim_members")
    )
    assert result.column("n").to_pylist() == [3]
    assert fetch(sql_pb.CommandGetCatalogs()).column("catalog_name").to_pylist() == ["lakehouse"]
    assert fetch(sql_pb.CommandGetDbSchemas()).column("db_schema_name").to_pylist() == ["gold"]
    tables = fetch(sql_pb.CommandGetTables(table_name_filter_pattern="fact%", include_schema=True))
    assert tables.column("table_name").to_pylist() == ["fact_filings", "fact_transactions"]
    schema = pa.ipc.read_schema(pa.py_buffer(tables.column("table_schema")[1].as_py()))
    assert schema.field("ticker").metadata[b"ARROW:FLIGHT:SQL:TYPE_NAME"] == b"VARCHAR"
    assert fetch(sql_pb.CommandGetTableTypes()).column("table_type").to_pylist() == ["TABLE"]
    keys = fetch(sql_pb.CommandGetPrimaryKeys(db_schema="gold", table="fact_transactions"))
    assert keys.column("column_name").to_pylist() == ["chamber", "doc_id", "line_no"]
    assert fetch(sql_pb.CommandGetImportedKeys(table="fact_transactions")).num_rows == 0
    assert "VARCHAR" in fetch(sql_pb.CommandGetXdbcTypeInfo()).column("type_name").to_pylist()
    info = fetch(
        sql_pb.CommandGetSqlInfo(info=[sql_pb.FLIGHT_SQL_SERVER_NAME, sql_pb.FLIGHT_SQL_SERVER_READ_ONLY])
    )
    assert info.column("value").to_pylist() == ["congress-lakehouse", True]

    with pytest.raises(flight.FlightServerError, match="read-only"):
        client.get_flight_info(
            flight.FlightDescriptor.for_command(
                flightsql.pack(sql_pb.CommandStatementUpdate(query="DELETE FROM gold.fact_transactions"))
            )
        )


def test_adbc_example_runs(lakehouse, gold):
    _, location, first = gold
    table = lakehouse.store.table("gold.fact_transactions")
    table.manage_snapshots().create_tag(first["gold.fact_transactions"], "v1").commit()
    lakehouse.store.replace("gold.fact_transactions", transactions(n_docs=1))
    answers = run_adbc_example(location, tag="v1")
    assert "gold.fact_transactions" in answers["tables"].column("table").to_pylist()
    assert answers["top_purchases"].column("trades").to_pylist() == [1]
    assert sum(answers["top_purchases@v1"].column("trades").to_pylist()) == 12


@pytest.fixture
def limited(lakehouse):
    fill_gold(lakehouse.store)
    settings = lakehouse.settings.replace(
        flight_query_timeout=1.0,
        flight_max_rows=1000,
        flight_query_memory_mb=64,
        flight_max_queries=2,
        flight_cache_mb=64,
    )
    with running_server(lakehouse.store, settings) as srv:
        yield srv, f"grpc://127.0.0.1:{srv.port}"


def test_time_row_and_memory_limits_give_clear_errors_and_the_server_keeps_serving(limited):
    server, location = limited
    with adbc(location) as conn, conn.cursor() as cur:
        started = time.monotonic()
        with pytest.raises(dbapi.Error, match="longer than this server's 1 s limit"):
            cur.execute("SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3")
            cur.fetchall()
        assert time.monotonic() - started < 15
        # The stopped query may still be unwinding; let it go so the next ones get the 1 s to themselves.
        _wait_for(lambda: server.service.engine.running() == 0)
        with pytest.raises(dbapi.Error, match="more than 1,000 rows, this server's limit"):
            cur.execute("SELECT * FROM range(5000)")
            cur.fetchall()
        with pytest.raises(dbapi.Error, match="needs more memory than this server allows per query"):
            # 10 KB per row: past 64 MB within milliseconds, far inside the 1 s limit even on a busy machine.
            cur.execute("SELECT string_agg(repeat('x', 10000), '') FROM range(1000000) t(i)")
            cur.fetchall()
        cur.execute("SELECT count(*) FROM gold.fact_transactions")
        assert cur.fetchone()[0] == 36
    # No slot leaks: the last stream's slot is released just after its final batch reaches the client.
    _wait_for(lambda: server.service.engine.running() == 0, timeout=5.0)


def test_cancellation_stops_the_query(limited):
    server, location = limited
    client = flight.connect(location)
    # A client that stops reading mid-stream: the server's query ends with the call.
    reader = client.do_get(
        flight.Ticket(
            json.dumps({"sql": "SELECT * FROM range(1000) t(i), range(1000) u(j) LIMIT 900"}).encode()
        )
    )
    reader.read_chunk()
    reader.cancel()
    _wait_for(lambda: server.service.engine.running() == 0)

    # CancelFlightInfo for a query still computing its first batch.
    slow = {"sql": "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3"}
    info = client.get_flight_info(flight.FlightDescriptor.for_command(json.dumps(slow)))
    errors: list[BaseException] = []

    def read() -> None:
        try:
            client.do_get(info.endpoints[0].ticket).read_all()
        except flight.FlightError as exc:
            errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    _wait_for(lambda: server.service.engine.running() == 1)
    request = flight_pb.CancelFlightInfoRequest(info=flight_pb.FlightInfo.FromString(info.serialize()))
    # Cancelling is bound to the caller: another client holding the same ticket cannot stop it.
    stranger = list(
        flight.connect(location).do_action(flight.Action("CancelFlightInfo", request.SerializeToString()))
    )
    assert (
        flight_pb.CancelFlightInfoResult.FromString(stranger[0].body.to_pybytes()).status
        == flight_pb.CANCEL_STATUS_NOT_CANCELLABLE
    )
    result = list(client.do_action(flight.Action("CancelFlightInfo", request.SerializeToString())))
    assert (
        flight_pb.CancelFlightInfoResult.FromString(result[0].body.to_pybytes()).status
        == flight_pb.CANCEL_STATUS_CANCELLED
    )
    thread.join(timeout=10)
    assert errors and "cancelled" in str(errors[0])
    assert server.service.engine.running() == 0


def _wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


BIG = TableSpec(
    "gold.test_big_stream",
    "A table bigger than the test server's cache budget.",
    (
        Column("id", LongType(), "Row number.", True),
        Column("v", DoubleType(), "A value."),
        Column("s", StringType(), "Some text."),
    ),
)


def test_snapshots_bigger_than_the_cache_stream_from_files(lakehouse):
    lakehouse.store.init_tables([BIG])
    n = 400_000
    lakehouse.store.replace(
        BIG.identifier,
        pa.table(
            {
                "id": pa.array(range(n), pa.int64()),
                "v": pa.array([i * 0.5 for i in range(n)]),
                "s": pa.array([f"row {i}" for i in range(n)]),
            }
        ),
    )
    settings = lakehouse.settings.replace(flight_cache_mb=4)
    with running_server(lakehouse.store, settings) as server, adbc(f"grpc://127.0.0.1:{server.port}") as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT * FROM gold.test_big_stream")
            reader = cur.fetch_record_batch()
            batches = [b.num_rows for b in reader]
            assert sum(batches) == n and len(batches) >= 6 and max(batches) <= 65_536
            cur.execute("SELECT count(*), sum(id) FROM gold.test_big_stream WHERE v >= 100")
            assert cur.fetchone() == (n - 200, sum(range(200, n)))
        assert server.service.cache.stats()["entries"] == 0, "never copied into the warm cache"
