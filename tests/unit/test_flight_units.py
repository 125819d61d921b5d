"""Flight server pieces without a server: the sandbox's checks and rewrite, named-query parameters,
version selectors, tokens, Flight SQL helpers, and exact-freshness coalescing."""

from __future__ import annotations

import base64
import datetime as dt
import re
import threading
import time

import pyarrow as pa
import pyarrow.flight as flight
import pytest

from core.errors import QueryError
from flight_server import flightsql
from flight_server.auth import Authenticator, as_of_from
from flight_server.cache import FreshValue
from flight_server.errors import QueryLimitError, QueryRefusedError, QueryTimeoutError
from flight_server.named import NAMED_QUERIES, named_query
from flight_server.policy import Relation
from flight_server.sandbox import ByteMemo, Engine


@pytest.fixture(scope="module")
def engine():
    e = Engine(memory_limit_mb=256, max_queries=2)
    yield e
    e.close()


def test_sandbox_finds_gold_tables_and_rewrites_them(engine):
    parsed = engine.parse(
        "WITH t AS (SELECT * FROM gold.fact_transactions AT (VERSION => 7)) "
        "SELECT gold.dim_members.full_name, t.ticker FROM t JOIN gold.dim_members USING (bioguide_id)"
    )
    assert [r.table for r in parsed.refs] == ["gold.fact_transactions", "gold.dim_members"]
    assert parsed.refs[0].at_unit == "VERSION" and parsed.refs[0].at_value == 7
    sql = engine.rewrite(
        parsed,
        {
            parsed.refs[0].key: Relation("__lh", "gold.fact_transactions@7#1"),
            "gold.dim_members": Relation("", "__r1"),
        },
    )
    assert sql == (
        'WITH t AS (SELECT * FROM __lh."gold.fact_transactions@7#1" AS fact_transactions)'
        "SELECT dim_members.full_name, t.ticker FROM t INNER JOIN __r1 AS dim_members USING (bioguide_id)"
    )


@pytest.mark.parametrize(
    "sql, message",
    [
        ("COPY (SELECT 1) TO '/tmp/x'", "COPY statements are not allowed"),
        ("INSTALL httpfs", "INSTALL statements are not allowed"),
        ("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", "INSERT statements are not allowed"),
        ("SELECT 1; SELECT 2", "exactly one statement"),
        ("SELECT * FROM read_csv('/etc/passwd')", "Table function read_csv() is not allowed"),
        ("SELECT * FROM main.t", "Table main.t is not served"),
        ("SELECT nextval('s')", "Function nextval() is not allowed"),
        ("SELECT * FROM gold.t AT (VERSION => ?)", "AT (…) takes a literal"),
        ("SELECT * FROM gold.t AT (BRANCH => 'x')", "does not parse"),
        ("", "The query is empty"),
        ("SELEC 1", "does not parse"),
    ],
)
def test_sandbox_refusals_say_why(engine, sql, message):
    with pytest.raises(QueryError) as info:
        engine.parse(sql)
    assert message in str(info.value)


def test_cte_names_only_count_inside_their_scope(engine):
    assert engine.parse("WITH duckdb_tables AS (SELECT 1) SELECT * FROM duckdb_tables").refs == ()
    outside = engine.parse("SELECT * FROM (WITH duckdb_tables AS (SELECT 1) SELECT 1), duckdb_tables")
    assert [r.table for r in outside.refs] == ["gold.duckdb_tables"]
    forward = engine.parse(
        "WITH a AS (SELECT * FROM duckdb_settings), duckdb_settings AS (SELECT 1) SELECT * FROM a"
    )
    assert [r.table for r in forward.refs] == ["gold.duckdb_settings"]


def test_engine_limits(engine):
    rows = engine.rewrite(engine.parse("SELECT * FROM range(10000)"), {})
    with (
        pytest.raises(QueryLimitError, match="more than 100 rows"),
        engine.execute(rows, None, {}, timeout=10, max_rows=100) as result,
    ):
        list(result.batches())
    slow = engine.rewrite(engine.parse("SELECT count(*) FROM range(100000000000) t(i) WHERE i % 3 = 1"), {})
    with pytest.raises(QueryTimeoutError, match="longer than this server's 0.3 s limit"):
        with engine.execute(slow, None, {}, timeout=0.3, max_rows=10) as result:
            list(result.batches())
    assert engine.running() == 0


def test_named_queries_validate_and_bind_parameters():
    sql, params = named_query("member_trades").bind(
        named_query("member_trades").validate({"ticker": "brk.b"})
    )
    assert params["ticker"] == "BRK.B" and params["limit"] == 100 and "$ticker" in sql and "BRK.B" not in sql
    traders = named_query("top_traders").validate({"party": "d", "metric": "volume"})
    assert traders["party"] == "Democrat" and traders["as_of_date"] is None  # the window ends at the data
    sql, params = named_query("top_traders").bind(traders)
    assert "est_volume DESC" in sql and "metric" not in params
    with pytest.raises(QueryError, match="party='x' is not one of D, R, I"):
        named_query("top_traders").validate({"party": "x"})
    with pytest.raises(QueryError, match="days=True must be a whole number"):
        named_query("top_traders").validate({"days": True})
    with pytest.raises(QueryError, match="No named query 'x'"):
        named_query("x")
    assert {q["name"] for q in (n.describe() for n in NAMED_QUERIES.values())} == set(NAMED_QUERIES)


def test_version_selectors():
    assert as_of_from("123").snapshot_id == 123
    assert as_of_from(as_of="2025-06-01T00:00:00Z").timestamp == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert as_of_from(as_of="2025-06-01").timestamp == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert as_of_from(tag="v1").tag == "v1" and as_of_from().is_current
    with pytest.raises(QueryError, match="give at most one"):
        as_of_from(1, tag="v1")
    with pytest.raises(QueryError, match="not an ISO 8601 time"):
        as_of_from(as_of="yesterday")


def test_tokens():
    auth = Authenticator("tok")
    assert auth.check("Bearer tok") == ("token", None)
    basic = base64.b64encode(b"ana:tok").decode()
    user, bearer = auth.check(f"Basic {basic.rstrip('=')}")  # unpadded, as Go sends it
    assert user == "ana" and bearer and auth.check(f"Bearer {bearer}") == ("ana", None)
    assert Authenticator("other")._verify(bearer) is None, "another token's sessions are invalid"
    with pytest.raises(flight.FlightUnauthenticatedError):
        auth.check(f"Basic {base64.b64encode(b'ana:nope').decode()}")
    expired = Authenticator("tok", session_ttl_s=-1)
    with pytest.raises(flight.FlightUnauthenticatedError, match="expired"):
        auth.check(f"Bearer {expired._issue('ana')}")


def test_flight_sql_helpers():
    assert flightsql.like("fact%", "fact_filings") and not flightsql.like("fact\\_x", "factox")
    assert flightsql.like(None, "anything") and flightsql.like("d_m%", "dim_members")
    name, message = flightsql.unpack(flightsql.pack(flightsql.sql_pb.CommandGetTables(include_schema=True)))
    assert name == "CommandGetTables" and message.include_schema
    table = flightsql.sql_info_table(flightsql.sql_info("1", 0), [])
    assert table.schema == flightsql.SQL_INFO_SCHEMA and table.num_rows > 30
    assert isinstance(table.column("value").type, pa.DenseUnionType)


def test_fresh_value_reads_start_after_the_caller_and_are_shared():
    loads: list[float] = []

    def load() -> int:
        loads.append(time.monotonic())
        time.sleep(0.05)
        return len(loads)

    fresh = FreshValue(load)
    asked: dict[int, float] = {}
    got: dict[int, int] = {}

    def reader(i: int) -> None:
        asked[i] = time.monotonic()
        got[i] = fresh.get()

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
        time.sleep(0.002)
    for t in threads:
        t.join()
    assert len(loads) < 10, "concurrent readers share loads"
    for i, value in got.items():
        assert loads[value - 1] >= asked[i], "every answer was read after its question"


@pytest.mark.parametrize(
    "clause, value",
    [
        ("VERSION => 1234567890123456789", 1234567890123456789),
        ("VERSION => 'release-2025-06'", "release-2025-06"),
        ("TIMESTAMP => '2025-06-01 00:00:00'", "2025-06-01 00:00:00"),
        ("TIMESTAMP => TIMESTAMP '2025-06-01 00:00:00'", "2025-06-01 00:00:00"),
    ],
)
def test_at_literals_are_read_from_the_tree(engine, clause, value):
    assert engine.parse(f"SELECT * FROM gold.fact_filings AT ({clause})").refs[0].at_value == value


@pytest.mark.parametrize(
    "clause",
    [
        "VERSION => length(repeat('x', 3500000000))",
        "VERSION => 1 + 1",
        "VERSION => NULL",
        "VERSION => 1.5",
        "VERSION => TIMESTAMP '2025-06-01'",
        "TIMESTAMP => now() - INTERVAL 1 DAY",
        "VERSION => $v",
    ],
)
def test_at_expressions_are_refused_unevaluated(engine, clause):
    started = time.monotonic()
    with pytest.raises(QueryRefusedError, match=re.escape("AT (…) takes a literal")):
        engine.parse(f"SELECT * FROM gold.fact_filings AT ({clause})")
    assert time.monotonic() - started < 5


def test_settings_are_private_and_values_are_bounded(engine):
    with pytest.raises(QueryRefusedError, match=re.escape("Function current_setting() is not allowed")):
        engine.parse("SELECT current_setting('temp_directory')")
    sized = Engine(memory_limit_mb=256, max_queries=2, query_memory_mb=4)  # values up to 1 MiB
    try:
        sql = sized.rewrite(sized.parse("SELECT repeat('ab', 2), lpad('x', 3, '-') AS p"), {})
        with sized.execute(sql, None, {}, timeout=10, max_rows=10) as result:
            assert [b.to_pylist() for b in result.batches()] == [[{"repeat('ab', 2)": "abab", "p": "--x"}]]
        for text in ("SELECT repeat('ab', 600000)", "SELECT rpad('', 300000, 'x')"):
            with pytest.raises(QueryLimitError, match="needs more memory than this server allows per query"):
                with sized.execute(sized.rewrite(sized.parse(text), {}), None, {}, timeout=10, max_rows=10) as r:
                    list(r.batches())
    finally:
        sized.close()


def test_memos_are_bounded_by_bytes():
    memo = ByteMemo(1000)
    for i in range(100):
        memo.put(i, str(i), 100)
    assert memo.bytes <= 1000 and len(memo) == 10 and memo.get(99) == "99" and memo.get(0) is None
    memo.put("big", "x", 126)  # over an eighth of the budget: never kept
    assert memo.get("big") is None


def test_one_caller_gets_its_share_of_the_slots():
    e = Engine(memory_limit_mb=64, max_queries=4)
    try:
        assert e.per_caller == 2
        e._enter_caller("a", time.monotonic() + 5, 5)
        e._enter_caller("a", time.monotonic() + 5, 5)
        with pytest.raises(QueryLimitError, match="share per caller"):
            e._enter_caller("a", time.monotonic() + 0.05, 5)
        e._enter_caller("b", time.monotonic() + 0.05, 5)  # another caller is not held up
        e._leave_caller("a")
        e._enter_caller("a", time.monotonic() + 0.05, 5)
    finally:
        e.close()
