"""Security of the Flight server: tokens (bearer and basic, as ADBC/JDBC send them), TLS, and the
read-only sandbox against a list of escape attempts. Also `lakehouse serve` / `query --remote`."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import adbc_driver_flightsql
import adbc_driver_flightsql.dbapi as dbapi
import pyarrow.flight as flight
import pytest
from click.testing import CliRunner

from core.errors import LakehouseError
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from lakehouse.client import connect
from tests.conftest import test_settings
from tests.integration.test_flight_support import fill_gold, running_server, self_signed_cert

TOKEN = "s3cret-token-for-tests"
COUNT = "SELECT count(*) AS n FROM gold.fact_transactions"


@pytest.fixture
def secured(lakehouse, tmp_path):
    """A TLS server with a token; yields (location, certificate PEM)."""
    fill_gold(lakehouse.store)
    cert, key = self_signed_cert(tmp_path)
    with running_server(
        lakehouse.store,
        lakehouse.settings,
        token=TOKEN,
        tls_certificates=[(cert.read_bytes(), key.read_bytes())],
    ) as srv:
        yield f"grpc+tls://localhost:{srv.port}", cert.read_bytes()


def _basic(user: str, password: str, *, padded: bool) -> bytes:
    encoded = base64.b64encode(f"{user}:{password}".encode()).decode()
    return f"Basic {encoded if padded else encoded.rstrip('=')}".encode()


def test_tokens_basic_login_and_rejections(secured):
    location, cert = secured
    client = flight.FlightClient(location, tls_root_certs=cert)
    ticket = flight.Ticket(json.dumps({"sql": COUNT}).encode())

    with pytest.raises(flight.FlightUnauthenticatedError, match="This Flight server needs a token"):
        client.do_get(ticket).read_all()
    bad = flight.FlightCallOptions(headers=[(b"authorization", b"Bearer wrong")])
    with pytest.raises(flight.FlightUnauthenticatedError, match="Invalid or expired bearer token"):
        client.do_get(ticket, bad).read_all()
    wrong = flight.FlightCallOptions(headers=[(b"authorization", _basic("ana", "guess", padded=True))])
    with pytest.raises(flight.FlightUnauthenticatedError, match="password must be the server's token"):
        client.do_get(ticket, wrong).read_all()

    bearer = flight.FlightCallOptions(headers=[(b"authorization", f"Bearer {TOKEN}".encode())])
    assert client.do_get(ticket, bearer).read_all().column("n")[0].as_py() == 36
    # pyarrow's Handshake, then the session bearer the server hands back.
    header = client.authenticate_basic_token(b"ana", TOKEN.encode())
    assert header[1].startswith(b"Bearer lh1.")
    session = flight.FlightCallOptions(headers=[header])
    assert client.do_get(ticket, session).read_all().column("n")[0].as_py() == 36
    # Go clients (ADBC) send basic credentials as unpadded base64; "ana:" + token is 27 bytes,
    # so its padding matters.
    for padded in (True, False):
        login = flight.FlightCallOptions(headers=[(b"authorization", _basic("ana", TOKEN, padded=padded))])
        assert client.do_get(ticket, login).read_all().column("n")[0].as_py() == 36
    tampered = header[1][:-2] + (b"00" if not header[1].endswith(b"00") else b"11")
    with pytest.raises(flight.FlightUnauthenticatedError):
        client.do_get(ticket, flight.FlightCallOptions(headers=[(b"authorization", tampered)])).read_all()


def test_adbc_and_the_client_helper_log_in_over_tls(secured):
    location, cert = secured
    tls = {adbc_driver_flightsql.DatabaseOptions.TLS_ROOT_CERTS.value: cert.decode()}
    with dbapi.connect(
        location, db_kwargs={"username": "analyst", "password": TOKEN, **tls}, autocommit=True
    ) as conn:
        with conn.cursor() as cur:
            cur.execute(COUNT)
            assert cur.fetchone()[0] == 36
    with pytest.raises(dbapi.Error, match="UNAUTHENTICATED|password must be the server's token"):
        with (
            dbapi.connect(
                location, db_kwargs={"username": "analyst", "password": "nope", **tls}, autocommit=True
            ) as conn,
            conn.cursor() as cur,
        ):
            cur.execute(COUNT)
    with connect(location, token=TOKEN, tls_root_certs=cert) as lh:
        assert lh.sql(COUNT).column("n")[0].as_py() == 36
    with connect(location, username="ana", password=TOKEN, tls_root_certs=cert) as lh:
        assert lh.query("summary").num_rows == 1
    with pytest.raises(LakehouseError, match="Invalid or expired bearer token|needs a token"):
        connect(location, token="nope", tls_root_certs=cert).sql(COUNT)


def test_tls_server_refuses_plaintext_and_untrusted_clients(secured):
    location, _ = secured
    plaintext = flight.FlightClient(location.replace("grpc+tls", "grpc"))
    bearer = flight.FlightCallOptions(headers=[(b"authorization", f"Bearer {TOKEN}".encode())], timeout=5)
    with pytest.raises(flight.FlightError):
        plaintext.do_get(flight.Ticket(json.dumps({"sql": COUNT}).encode()), bearer).read_all()
    untrusted = flight.FlightClient(location)  # system roots do not include our self-signed certificate
    with pytest.raises(flight.FlightUnavailableError):
        untrusted.do_get(flight.Ticket(json.dumps({"sql": COUNT}).encode()), bearer).read_all()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    """One server for the whole escape list (the point is that it keeps serving)."""
    with pytest.MonkeyPatch.context() as mp:
        for var in [v for v in os.environ if v.startswith(("LAKEHOUSE_", "PYICEBERG_"))]:
            mp.delenv(var)
        mp.setenv("PYICEBERG_HOME", str(tmp_path_factory.mktemp("no-pyiceberg-config")))
        app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("sandbox") / "lh"))
        fill_gold(app.store)
        with running_server(app.store, app.settings) as srv:
            yield f"grpc://127.0.0.1:{srv.port}", tmp_path_factory.mktemp("escape-target")


ESCAPES = [
    ("SELECT * FROM read_csv('/etc/passwd')", "Table function read_csv() is not allowed"),
    ("SELECT * FROM read_text('/etc/hostname')", "Table function read_text() is not allowed"),
    ("SELECT * FROM read_parquet('{dir}/x.parquet')", "Table function read_parquet() is not allowed"),
    ("SELECT * FROM glob('/')", "Table function glob() is not allowed"),
    ("SELECT * FROM query('SELECT 42')", "Table function query() is not allowed"),
    ("SELECT * FROM duckdb_settings()", "Table function duckdb_settings() is not allowed"),
    ("COPY (SELECT 1) TO '{dir}/out.csv'", "COPY statements are not allowed"),
    (
        "COPY gold.fact_transactions TO '{dir}/out.parquet' (FORMAT parquet)",
        "COPY statements are not allowed",
    ),
    ("EXPORT DATABASE '{dir}/export'", "EXPORT statements are not allowed"),
    ("ATTACH '{dir}/other.duckdb' AS other", "ATTACH statements are not allowed"),
    ("INSTALL httpfs", "INSTALL statements are not allowed"),
    ("LOAD httpfs", "LOAD statements are not allowed"),
    ("SET enable_external_access = true", "SET statements are not allowed"),
    ("RESET lock_configuration", "RESET statements are not allowed"),
    ("PRAGMA memory_limit = '100GB'", "PRAGMA statements are not allowed"),
    ("CREATE TABLE gold.evil AS SELECT 1", "CREATE statements are not allowed"),
    ("CREATE SECRET (TYPE s3, KEY_ID 'k', SECRET 's')", "CREATE statements are not allowed"),
    ("DROP TABLE gold.fact_transactions", "DROP statements are not allowed"),
    ("DELETE FROM gold.fact_transactions", "DELETE statements are not allowed"),
    ("UPDATE gold.fact_transactions SET ticker = 'X'", "UPDATE statements are not allowed"),
    (
        "INSERT INTO gold.fact_transactions SELECT * FROM gold.fact_transactions",
        "INSERT statements are not allowed",
    ),
    ("SELECT 1; DROP TABLE gold.fact_transactions", "DROP statements are not allowed"),
    ("SELECT 1; SELECT 2", "Send exactly one statement (got 2)"),
    ("CALL pragma_version()", "CALL statements are not allowed"),
    ("SELECT * FROM information_schema.tables", "Table information_schema.tables is not served"),
    ("SELECT * FROM bronze.house_documents", "Table bronze.house_documents is not served"),
    ("SELECT * FROM memory.main.duckdb_tables", "is not served"),
    (
        "SELECT * FROM (WITH duckdb_tables AS (SELECT 1) SELECT 1), duckdb_tables",
        "No table gold.duckdb_tables",
    ),
    ("SELECT setseed(0.5)", "Function setseed() is not allowed"),
    ("SELECT * FROM gold.fact_transactions AT (VERSION => (SELECT 1))", "AT (…) takes a literal"),
    ("SHOW TABLES", "SHOW is not available here"),
]


@pytest.mark.parametrize("sql, message", ESCAPES, ids=[s[:40] for s, _ in ESCAPES])
def test_sandbox_refuses_escapes_and_keeps_serving(sandbox, sql, message):
    location, target = sandbox
    sql = sql.format(dir=target)
    with dbapi.connect(location, autocommit=True) as conn, conn.cursor() as cur:
        with pytest.raises(dbapi.Error, match=re.escape(message)):
            cur.execute(sql)
            cur.fetchall()
        cur.execute(COUNT)
        assert cur.fetchone()[0] == 36
    with connect(location) as lh, pytest.raises(LakehouseError, match=re.escape(message)):
        lh.sql(sql)
    assert not any(target.iterdir()), "nothing was written"


def test_named_query_parameters_cannot_inject_sql(sandbox):
    location, _ = sandbox
    with connect(location) as lh:
        with pytest.raises(LakehouseError, match='ticker="NVDA\' OR 1=1 --" does not look right'):
            lh.query("member_trades", {"ticker": "NVDA' OR 1=1 --"})
        with pytest.raises(LakehouseError, match="doc_id='1 OR 1=1' does not look right"):
            lh.query("filing", {"doc_id": "1 OR 1=1"})
        # Free text is bound as a value: it matches nothing and changes nothing.
        assert lh.query("search", {"q": "'; DROP TABLE gold.fact_transactions; --"}).num_rows == 0
        assert lh.query("search", {"q": "%"}).num_rows == 0
        assert lh.sql(COUNT).column("n")[0].as_py() == 36


def test_serve_command_and_query_remote(lakehouse, tmp_path):
    fill_gold(lakehouse.store)
    home = str(lakehouse.settings.home)
    env = {
        **os.environ,
        "LAKEHOUSE_FLIGHT_TOKEN": TOKEN,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "lakehouse", "--home", home, "serve", "--port", "0"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline()
        match = re.search(r"(grpc://127\.0\.0\.1:\d+) \(token required\)", line)
        assert match, line
        runner = CliRunner()
        result = runner.invoke(
            main,
            [
                "--home",
                home,
                "query",
                "--remote",
                match.group(1),
                "--format",
                "csv",
                "select ticker, count(*) as n from gold.fact_transactions group by 1 order by 1",
            ],
            env={"LAKEHOUSE_FLIGHT_TOKEN": TOKEN},
        )
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[:2] == ['"ticker","n"', '"AAPL",7']
        denied = runner.invoke(
            main,
            ["--home", home, "query", "--remote", match.group(1), COUNT],
            env={"LAKEHOUSE_FLIGHT_TOKEN": "wrong"},
        )
        assert denied.exit_code == 1 and "Invalid or expired bearer token" in denied.output
        refused = runner.invoke(
            main,
            ["--home", home, "query", "--remote", match.group(1), "drop table x"],
            env={"LAKEHOUSE_FLIGHT_TOKEN": TOKEN},
        )
        assert refused.exit_code == 1 and "DROP statements are not allowed" in refused.output
    finally:
        process.terminate()
        process.wait(timeout=20)
        process.stderr.close()


def test_serve_refuses_an_open_network_bind_without_a_token(lakehouse):
    result = CliRunner().invoke(main, ["--home", str(lakehouse.settings.home), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "Refusing to serve on 0.0.0.0 without authentication" in result.output


def test_the_adbc_example_runs_over_tls_from_its_command_line(secured, tmp_path, capsys):
    from lakehouse.adbc_example import main as adbc_example

    location, cert = secured
    pem = tmp_path / "server.pem"
    pem.write_bytes(cert)
    assert adbc_example([location, "--token", TOKEN, "--tls-root-certs", str(pem)]) == 0
    out = capsys.readouterr().out
    assert "== tables" in out and "gold.fact_transactions" in out and "== top_purchases" in out
