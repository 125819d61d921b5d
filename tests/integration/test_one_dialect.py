"""One SQL dialect everywhere (issue 18): ``AT (VERSION | TAG | TIMESTAMP => …)`` and unqualified
names give the same rows through the library, ``lakehouse query``, ``lakehouse shell`` and Flight
SQL; ``select 1`` on the CLI opens no catalog; the warm shell reads statements from stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import adbc_driver_flightsql.dbapi as dbapi
import pytest
from click.testing import CliRunner

from catalog.query import QuerySession, run_query
from core.asof import AsOf
from core.errors import NoSuchSnapshotError, QueryError
from lakehouse.cli import main
from tests.integration.test_flight_support import fill_gold, running_server, transactions

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def versions(lakehouse):
    """Gold tables with two versions of fact_transactions (36 rows, tagged; then 6) and a server.

    Yields (location, old snapshot id, new snapshot id, time of the old one as SQL text).
    """
    store = lakehouse.store
    old = fill_gold(store)["gold.fact_transactions"]
    store.table("gold.fact_transactions").manage_snapshots().create_tag(old, "release-test").commit()
    new = store.replace("gold.fact_transactions", transactions(n_docs=2))
    moment = f"{store.snapshot_time('gold.fact_transactions', old):%Y-%m-%d %H:%M:%S.%f}"
    with running_server(store, lakehouse.settings) as srv:
        yield f"grpc://127.0.0.1:{srv.port}", old, new, moment


def queries(old: int, new: int, moment: str) -> dict[str, list[dict]]:
    """SQL in the one dialect, with the rows it must give everywhere."""
    old_tickers = [{"ticker": t, "n": n} for t, n in (("AAPL", 7), ("BRK.B", 7), ("MSFT", 8), ("NVDA", 6),
                                                      ("TSLA", 8))]
    return {
        "SELECT count(*) AS n FROM fact_transactions": [{"n": 6}],
        f"SELECT count(*) AS n FROM gold.fact_transactions AT (VERSION => {old})": [{"n": 36}],
        "SELECT count(*) AS n FROM fact_transactions AT (TAG => 'release-test')": [{"n": 36}],
        "SELECT count(*) AS n FROM gold.fact_transactions AT (VERSION => 'release-test')": [{"n": 36}],
        f"SELECT count(*) AS n FROM lakehouse.gold.fact_transactions AT (TIMESTAMP => '{moment}')": [{"n": 36}],
        # Per-table versions in one query, and qualified column names on an unaliased table.
        f"SELECT (SELECT count(*) FROM fact_transactions AT (VERSION => {old})) - count(*) AS n "
        f"FROM gold.fact_transactions AT (VERSION => {new})": [{"n": 30}],
        "SELECT gold.fact_transactions.doc_id FROM gold.fact_transactions WHERE line_no = 1 ORDER BY 1":
            [{"doc_id": "30000000"}, {"doc_id": "30000001"}],
        "SELECT t.ticker, count(*) AS n FROM fact_transactions AS t AT (TAG => 'release-test') "
        "JOIN dim_members m USING (bioguide_id) GROUP BY 1 ORDER BY 1": old_tickers,
        # The words inside a string literal are not a clause.
        "SELECT 'AT (TAG => x)' AS s": [{"s": "AT (TAG => x)"}],
    }


def test_the_same_sql_gives_the_same_rows_locally_on_the_cli_and_over_flight(lakehouse, versions):
    location, old, new, moment = versions
    home = str(lakehouse.settings.home)
    runner = CliRunner()
    with dbapi.connect(location, autocommit=True) as conn, conn.cursor() as cur:
        for sql, expected in queries(old, new, moment).items():
            assert run_query(lakehouse.store, sql).to_pylist() == expected, sql
            assert lakehouse.query(sql).to_pylist() == expected, sql
            cli = runner.invoke(main, ["--home", home, "query", "--format", "json", sql])
            assert cli.exit_code == 0, cli.output
            assert json.loads(cli.output) == expected, sql
            cur.execute(sql)
            assert cur.fetch_arrow_table().to_pylist() == expected, sql


def test_selectors_and_errors_agree(lakehouse, versions):
    location, old, new, _ = versions
    # A query-wide version applies to the tables without their own AT clause.
    sql = f"SELECT count(*) AS n, (SELECT count(*) FROM fact_transactions AT (VERSION => {new})) AS m FROM fact_transactions"
    assert lakehouse.query(sql, AsOf(tag="release-test")).to_pylist() == [{"n": 36, "m": 6}]
    with pytest.raises(NoSuchSnapshotError, match="has no tag or branch 'nope'"):
        lakehouse.query("SELECT * FROM fact_transactions AT (TAG => 'nope')")
    with pytest.raises(QueryError, match=r"AT \(TAG => …\) takes a tag name in quotes"):
        lakehouse.query(f"SELECT * FROM fact_transactions AT (TAG => {old})")
    with pytest.raises(QueryError, match=r"AT \(…\) takes a literal"):
        lakehouse.query("SELECT * FROM fact_transactions AT (VERSION => 1 + 1)")
    with pytest.raises(QueryError, match="No table gold.nope"):
        lakehouse.query("SELECT * FROM nope")
    with dbapi.connect(location, autocommit=True) as conn, conn.cursor() as cur:
        with pytest.raises(dbapi.Error, match="has no tag or branch 'nope'"):
            cur.execute("SELECT * FROM fact_transactions AT (TAG => 'nope')")
        with pytest.raises(dbapi.Error, match=r"AT \(TAG => …\) takes a tag name in quotes"):
            cur.execute(f"SELECT * FROM fact_transactions AT (TAG => {old})")


def test_locally_every_layer_is_readable_but_flight_serves_gold_only_and_never_staging(lakehouse, versions):
    location, _, _, _ = versions
    assert lakehouse.query("SELECT count(*) AS n FROM ops.quarantine").to_pylist() == [{"n": 0}]
    assert lakehouse.query("SELECT count(*) AS n FROM silver.filings").to_pylist() == [{"n": 0}]
    with dbapi.connect(location, autocommit=True) as conn, conn.cursor() as cur:
        with pytest.raises(dbapi.Error, match="is not served"):
            cur.execute("SELECT count(*) FROM ops.quarantine")
        for clause in ("TAG => 'staging'", "VERSION => 'staging'"):
            with pytest.raises(dbapi.Error, match="audit branch"):
                cur.execute(f"SELECT count(*) FROM fact_transactions AT ({clause})")


def test_select_one_on_the_cli_opens_no_catalog(tmp_path):
    """The fast path: a query naming no table imports neither pyiceberg nor ibis (timed in
    benchmarks/metrics_cli.py, not here)."""
    script = (
        "import sys\n"
        "from lakehouse.cli import main\n"
        "main(['--home', sys.argv[1], 'query', '--format', 'json', 'select 1 AS one'], standalone_mode=False)\n"
        "print([m for m in ('pyiceberg', 'ibis', 'pandas', 'sqlglot') if m in sys.modules])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "lh")], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    *answer, imported = done.stdout.strip().splitlines()
    assert json.loads("\n".join(answer)) == [{"one": 1}]
    assert imported == "[]"
    assert not (tmp_path / "lh").exists(), "select 1 must not create or open the catalog"


def test_shell_reads_statements_from_stdin(lakehouse, versions):
    _, old, new, _ = versions
    home = str(lakehouse.settings.home)
    script = "\n".join([
        "select count(*) AS n from fact_transactions;",
        ".as_of tag release-test",
        "select count(*) AS n",
        "  from gold.fact_transactions;",
        ".format csv",
        f"select count(*) AS n from fact_transactions AT (VERSION => {new});",
        ".as_of current",
        ".tables",
        ".quit",
        "select 'never';",
    ])
    result = CliRunner().invoke(main, ["--home", home, "shell"], input=script)
    assert result.exit_code == 0, result.output
    answers, tables = result.output.split("reading current\n")
    assert answers == "n\n-\n6\n(1 row)\nreading tag 'release-test'\nn \n--\n36\n(1 row)\n\"n\"\n6\n\n"
    assert {"gold.fact_transactions", "silver.filings", "ops.quarantine"} <= set(tables.splitlines())
    assert "never" not in result.output

    # One statement per line without semicolons; an error is reported, the rest still runs.
    lines = CliRunner().invoke(main, ["--home", home, "shell"], input=(
        f"select count(*) AS n from fact_transactions AT (VERSION => {old})\nselect nope\nselect 2 AS b\n"))
    assert lines.exit_code == 1
    assert "36" in lines.output and "Error: The query failed" in lines.output and "b\n-\n2" in lines.output


def test_a_session_keeps_snapshots_between_questions(lakehouse, versions):
    _, old, _, _ = versions
    reads: list[tuple[str, int | None]] = []
    store = lakehouse.store
    original = store.read

    def counting_read(identifier, **kwargs):
        reads.append((identifier, kwargs.get("snapshot_id")))
        return original(identifier, **kwargs)

    store.read = counting_read
    with QuerySession(store) as session:
        for _ in range(3):
            assert session.run(f"SELECT count(*) AS n FROM fact_transactions AT (VERSION => {old})").to_pylist() == [
                {"n": 36}]
            assert session.run("SELECT count(*) AS n FROM fact_transactions").to_pylist() == [{"n": 6}]
    assert len(reads) == 2, reads
