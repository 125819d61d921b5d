"""Flight SQL parameters on either prepared-statement handle (issue 18).

DoPut answers with an updated handle carrying the parameters; ADBC executes that one, while
flightsql-dbapi and its SQLAlchemy dialect execute the statement's ORIGINAL handle (and got "Values
were not provided"). Both must give the exact answers. flightsql-dbapi ships its own copy of the
Flight SQL protobufs, which clashes with the server's in one process, so it runs as a client process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import adbc_driver_flightsql.dbapi as dbapi
import pyarrow as pa
import pyarrow.flight as flight
import pytest
from altertable_flightsql.generated import arrow_flight_sql_pb2 as sql_pb

from flight_server import flightsql
from tests.integration.test_flight_support import fill_gold, running_server

COUNT_BY_TICKER = "SELECT count(*) AS n FROM gold.fact_transactions WHERE ticker = ?"
EXPECTED = {"NVDA": 6, "AAPL": 7, "TSLA": 8, "ZZZZ": 0}


@pytest.fixture
def server(lakehouse):
    fill_gold(lakehouse.store)
    with running_server(lakehouse.store, lakehouse.settings) as srv:
        yield srv


def test_adbc_binds_on_the_handle_doput_returns(server):
    with dbapi.connect(f"grpc://127.0.0.1:{server.port}", autocommit=True) as conn, conn.cursor() as cur:
        for ticker, n in EXPECTED.items():
            cur.execute(COUNT_BY_TICKER, (ticker,))
            assert cur.fetchone() == (n,), ticker
        cur.execute("SELECT ? AS s, ? AS d, ? AS x", ("a'b", dt.date(2025, 1, 2), 2.5))
        assert cur.fetchone() == ("a'b", dt.date(2025, 1, 2), 2.5)


def _prepare(client: flight.FlightClient, sql: str) -> bytes:
    action = flight.Action(
        "CreatePreparedStatement", flightsql.pack(sql_pb.ActionCreatePreparedStatementRequest(query=sql))
    )
    _, result = flightsql.unpack(next(iter(client.do_action(action))).body.to_pybytes())
    return result.prepared_statement_handle


def _bind(client: flight.FlightClient, handle: bytes, params: pa.Table) -> bytes:
    """DoPut ``params`` on ``handle``; returns the handle the server answered with."""
    command = flightsql.pack(sql_pb.CommandPreparedStatementQuery(prepared_statement_handle=handle))
    writer, reader = client.do_put(flight.FlightDescriptor.for_command(command), params.schema)
    writer.write_table(params)
    writer.done_writing()
    answer = sql_pb.DoPutPreparedStatementResult()
    answer.ParseFromString(reader.read().to_pybytes())
    writer.close()
    return answer.prepared_statement_handle


def _run(client: flight.FlightClient, handle: bytes) -> list[dict]:
    command = flightsql.pack(sql_pb.CommandPreparedStatementQuery(prepared_statement_handle=handle))
    info = client.get_flight_info(flight.FlightDescriptor.for_command(command))
    return client.do_get(info.endpoints[0].ticket).read_all().to_pylist()


def test_raw_flight_sql_parameters_on_either_handle(server):
    client = flight.FlightClient(f"grpc://127.0.0.1:{server.port}")
    try:
        original = _prepare(client, COUNT_BY_TICKER)
        returned = _bind(client, original, pa.table({"t": ["NVDA"]}))
        assert returned != original
        assert _run(client, returned) == [{"n": 6}]
        assert _run(client, original) == [{"n": 6}]  # what flightsql-dbapi does
        # Binding again on the original handle replaces the values; the returned handle keeps its own.
        _bind(client, original, pa.table({"t": ["TSLA"]}))
        assert _run(client, original) == [{"n": 8}]
        assert _run(client, returned) == [{"n": 6}]
        # Two statements never see each other's values.
        other = _prepare(client, COUNT_BY_TICKER)
        _bind(client, other, pa.table({"t": ["AAPL"]}))
        assert _run(client, original) == [{"n": 8}] and _run(client, other) == [{"n": 7}]
        # Closing forgets the values bound to the original handle.
        close = sql_pb.ActionClosePreparedStatementRequest(prepared_statement_handle=original)
        list(client.do_action(flight.Action("ClosePreparedStatement", flightsql.pack(close))))
        with pytest.raises(flight.FlightServerError, match="Values were not provided"):
            _run(client, original)
        assert _run(client, returned) == [{"n": 6}]  # a handle that carries its values still works
    finally:
        client.close()


CLIENT = """
import json, sys
import sqlalchemy as sa
import flightsql
import flightsql.sqlalchemy  # registers datafusion+flightsql

port = int(sys.argv[1])
out = {}
with flightsql.connect(flightsql.FlightSQLClient(host="127.0.0.1", port=port, insecure=True)) as conn:
    cur = conn.cursor()
    for ticker in %(tickers)r:
        cur.execute(%(sql)r, [ticker])
        out["dbapi " + ticker] = cur.fetchall()
    cur.execute("SELECT ? AS a, ? AS b, ? AS c", [1, "x'y", 2.5])
    out["dbapi types"] = cur.fetchall()
engine = sa.create_engine(
    f"datafusion+flightsql://127.0.0.1:{port}?insecure=true&feature-sqlalchemy-prepared-statements=on"
)
with engine.connect() as c:
    query = sa.text("SELECT count(*) AS n FROM gold.fact_transactions WHERE ticker = :t AND amount_low >= :low")
    for ticker in %(tickers)r:
        out["sqlalchemy " + ticker] = [list(r) for r in c.execute(query, {"t": ticker, "low": 0})]
    out["sqlalchemy low"] = [list(r) for r in c.execute(query, {"t": "NVDA", "low": 15001})]
print(json.dumps(out))
"""


def test_flightsql_dbapi_and_its_sqlalchemy_dialect_bind_on_the_original_handle(server):
    script = CLIENT % {"tickers": list(EXPECTED), "sql": COUNT_BY_TICKER}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LAKEHOUSE_", "PYICEBERG_"))}
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", script, str(server.port)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    for ticker, n in EXPECTED.items():
        assert out[f"dbapi {ticker}"] == [[n]], ticker
        assert out[f"sqlalchemy {ticker}"] == [[n]], ticker
    assert out["dbapi types"] == [[1, "x'y", 2.5]]
    assert out["sqlalchemy low"] == [[2]]
