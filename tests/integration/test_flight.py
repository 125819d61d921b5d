"""Plain Arrow Flight (pyarrow): Gold tables now and in the past, every named query, the client helper."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pyarrow.flight as flight
import pytest

from core.errors import ConfigError, QueryError
from flight_server.server import GoldFlightServer, serve
from lakehouse.client import connect
from tests.integration.test_flight_support import fill_gold, running_server, transactions


def _fact(doc_ids: list[str]) -> pa.Table:
    n = len(doc_ids)
    return pa.table(
        {
            "doc_id": doc_ids,
            "year": [2025] * n,
            "filing_type": ["P"] * n,
            "document_in_bronze": [False] * n,
            "filing_date": [dt.date(2025, 1, 17)] * n,
        }
    )


@pytest.fixture
def server(lakehouse):
    lakehouse.init()
    srv = GoldFlightServer(lakehouse.store, "grpc://127.0.0.1:0")
    import threading

    threading.Thread(target=srv.serve, daemon=True).start()
    yield srv, flight.connect(f"grpc://127.0.0.1:{srv.port}")
    srv.shutdown()


def test_stream_current_and_earlier_snapshot(lakehouse, server):
    srv, client = server
    first = lakehouse.store.replace("gold.fact_filings", _fact(["20026590", "20026658"]))
    lakehouse.store.replace("gold.fact_filings", _fact(["20026590", "20026658", "20027933"]))

    info = client.get_flight_info(flight.FlightDescriptor.for_path("gold", "fact_filings"))
    assert info.total_records == 3
    reader = client.do_get(info.endpoints[0].ticket)
    table = reader.read_all()
    assert sorted(table.column("doc_id").to_pylist()) == ["20026590", "20026658", "20027933"]
    assert table.schema.field("doc_id").type == pa.large_string()
    assert table.schema == lakehouse.store.schema_at("gold.fact_filings", None)

    past = flight.FlightDescriptor.for_command(
        json.dumps({"table": "gold.fact_filings", "snapshot_id": first})
    )
    old = client.do_get(client.get_flight_info(past).endpoints[0].ticket).read_all()
    assert sorted(old.column("doc_id").to_pylist()) == ["20026590", "20026658"]

    listed = [f.descriptor.path for f in client.list_flights()]
    assert [b"gold", b"fact_filings"] in listed
    assert all(path[0] == b"gold" for path in listed)


def test_ticket_pins_the_version_described(lakehouse, server):
    """A snapshot landing between GetFlightInfo and DoGet does not change what DoGet reads."""
    _, client = server
    lakehouse.store.replace("gold.fact_filings", _fact(["1", "2"]))
    info = client.get_flight_info(
        flight.FlightDescriptor.for_command(
            json.dumps({"sql": "select count(*) as n from gold.fact_filings"})
        )
    )
    lakehouse.store.replace("gold.fact_filings", _fact(["1", "2", "3"]))
    assert client.do_get(info.endpoints[0].ticket).read_all().column("n").to_pylist() == [2]
    fresh = client.do_get(flight.Ticket(json.dumps({"sql": "select count(*) as n from gold.fact_filings"})))
    assert fresh.read_all().column("n").to_pylist() == [3]


def test_only_gold_is_served_and_errors_are_clear(server):
    _, client = server
    with pytest.raises(flight.FlightServerError, match="'bronze.house_documents' is not served"):
        client.get_flight_info(flight.FlightDescriptor.for_path("bronze", "house_documents"))
    with pytest.raises(flight.FlightServerError, match="Snapshot 42 belongs to none of gold.fact_filings"):
        client.get_flight_info(
            flight.FlightDescriptor.for_command(json.dumps({"table": "gold.fact_filings", "snapshot_id": 42}))
        )
    with pytest.raises(flight.FlightServerError, match="Bad request"):
        client.do_get(flight.Ticket(b"not json"))
    with pytest.raises(flight.FlightServerError, match="No named query 'nope'. Named queries: member_trades"):
        client.do_get(flight.Ticket(json.dumps({"query": "nope"}).encode()))
    with pytest.raises(flight.FlightServerError, match="give at most one of snapshot_id, as_of and tag"):
        client.do_get(
            flight.Ticket(json.dumps({"table": "gold.fact_filings", "snapshot_id": 1, "tag": "x"}).encode())
        )


def test_non_loopback_bind_needs_a_token(lakehouse):
    with pytest.raises(ConfigError, match="without authentication: set --token or LAKEHOUSE_FLIGHT_TOKEN"):
        serve(lakehouse.store, lakehouse.settings.replace(flight_host="0.0.0.0"))
    with pytest.raises(ConfigError, match="TLS needs both --tls-cert and --tls-key"):
        serve(
            lakehouse.store,
            lakehouse.settings.replace(
                flight_host="0.0.0.0", flight_token="t", flight_tls_cert="/nonexistent.pem"
            ),
        )


@pytest.fixture
def gold_server(lakehouse):
    snapshots = fill_gold(lakehouse.store)
    with running_server(lakehouse.store, lakehouse.settings) as srv:
        yield srv, f"grpc://127.0.0.1:{srv.port}", snapshots


def test_every_named_query_over_plain_flight(gold_server):
    _, location, _ = gold_server
    client = flight.connect(location)

    def run(name, **params):
        descriptor = flight.FlightDescriptor.for_command(json.dumps({"query": name, "params": params}))
        info = client.get_flight_info(descriptor)
        table = client.do_get(info.endpoints[0].ticket).read_all()
        assert table.schema.equals(info.schema)
        return table

    trades = run("member_trades", ticker="nvda", limit=5)
    assert trades.num_rows == 5 and set(trades.column("ticker").to_pylist()) == {"NVDA"}
    dates = trades.column("transaction_date").to_pylist()
    assert dates == sorted(dates, reverse=True)
    alex = run("member_trades", bioguide_id="A000001", transaction_type="purchase", date_from="2025-01-01")
    assert alex.num_rows > 0 and set(alex.column("bioguide_id").to_pylist()) == {"A000001"}
    assert min(alex.column("transaction_date").to_pylist()) >= dt.date(2025, 1, 1)
    page2 = run("member_trades", limit=5, offset=5)
    assert page2.column("doc_id").to_pylist() != run("member_trades", limit=5).column("doc_id").to_pylist()

    trending = run("trending_stocks", window=7, sort="net_volume", limit=3)
    assert trending.column("ticker").to_pylist() == ["BRK.B", "TSLA", "MSFT"]
    assert set(trending.column("window_days").to_pylist()) == {7}
    assert run("trending_stocks").column("rank").to_pylist() == [1, 2, 3, 4, 5]

    traders = run("top_traders", days=365, as_of_date="2025-04-01", metric="trades")
    assert traders.num_rows == 3 and traders.column("trades").to_pylist() == [12, 12, 12]
    assert run("top_traders", days=365, as_of_date="2025-04-01", party="R").column("party").to_pylist() == [
        "Republican"
    ]
    assert run("top_traders", days=1, as_of_date="2000-01-01").num_rows == 0

    found = run("search", q="nvda")
    assert found.to_pylist()[0]["kind"] == "asset" and found.to_pylist()[0]["key"] == "NVDA"
    assert run("search", q="avery").column("key").to_pylist() == ["A000001"]

    filing = run("filing", doc_id="30000001")
    assert filing.num_rows == 3 and set(filing.column("filer_name").to_pylist()) == {"Hon. Blair Brooks"}
    assert filing.column("pdf_url")[0].as_py().endswith("/30000001.pdf")
    assert run("filing", doc_id="40000001").column("line_no").to_pylist() == [None]  # a non-PTR filing

    summary = run("summary").to_pylist()[0]
    assert (summary["filings"], summary["ptr_filings"], summary["transactions"], summary["members"]) == (
        13,
        12,
        36,
        3,
    )


def test_named_query_parameters_are_validated(gold_server):
    _, location, _ = gold_server
    with connect(location) as lh:
        with pytest.raises(QueryError, match="window=14 is not one of 7, 30, 90"):
            lh.query("trending_stocks", {"window": 14})
        with pytest.raises(QueryError, match="unknown parameter\\(s\\) tickr; it takes"):
            lh.query("member_trades", {"tickr": "NVDA"})
        with pytest.raises(QueryError, match="date_from='June' is not a date; use YYYY-MM-DD"):
            lh.query("member_trades", {"date_from": "June"})
        with pytest.raises(QueryError, match="limit=0 must be between 1 and 10000"):
            lh.query("member_trades", {"limit": 0})
        with pytest.raises(QueryError, match="parameter 'doc_id' is required"):
            lh.query("filing")
        with pytest.raises(QueryError, match="No filing with doc_id '123'"):
            lh.query("filing", {"doc_id": "123"})


def test_client_helper_and_time_travel_on_named_queries(lakehouse, gold_server):
    _, location, snapshots = gold_server
    lakehouse.store.replace("gold.fact_transactions", transactions(n_docs=4))
    with connect(location) as lh:
        assert "gold.fact_transactions" in lh.tables()
        assert {q["name"] for q in lh.named_queries()} == {
            "member_trades",
            "trending_stocks",
            "top_traders",
            "search",
            "filing",
            "summary",
        }
        now = lh.query("summary").to_pylist()[0]["transactions"]
        then = lh.query("summary", snapshot_id=snapshots["gold.fact_transactions"]).to_pylist()[0][
            "transactions"
        ]
        assert (now, then) == (12, 36)
        assert lh.sql(
            "select count(*) as n from gold.fact_transactions where ticker = ?",
            ["NVDA"],
            snapshot_id=snapshots["gold.fact_transactions"],
        ).column("n").to_pylist() == [6]
        assert lh.table("gold.fact_transactions").num_rows == 12
        assert (
            lh.table("gold.fact_transactions", snapshot_id=snapshots["gold.fact_transactions"]).num_rows == 36
        )
        future = lh.table("gold.fact_transactions", as_of=dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
        assert future.num_rows == 12
        with pytest.raises(QueryError, match="has no tag or branch 'no-such-tag'"):
            lh.table("gold.fact_transactions", tag="no-such-tag")
        batches = list(lh.stream({"sql": "select * from range(200000) t(i)"}))
        assert sum(b.num_rows for b in batches) == 200_000 and len(batches) >= 3


def test_named_results_are_cached_by_snapshot_and_never_stale(lakehouse, gold_server):
    srv, location, _ = gold_server
    results = srv.service.results
    with connect(location) as lh:
        first = lh.query("summary")
        assert first.to_pylist()[0]["transactions"] == 36
        assert lh.query("summary").equals(first)
        assert {k: results.stats()[k] for k in ("hits", "misses", "entries")} == {"hits": 1, "misses": 1, "entries": 1}
        assert lh.query("trending_stocks", {"window": 7}).num_rows == 5  # other parameters: another entry
        assert results.stats()["entries"] == 2
        # A new snapshot changes the pinned snapshot ids, hence the key: the next answer is fresh.
        lakehouse.store.replace("gold.fact_transactions", transactions(n_docs=4))
        assert lh.query("summary").to_pylist()[0]["transactions"] == 12
        assert (results.stats()["hits"], results.stats()["misses"]) == (1, 3)
        lh.sql("select count(*) as n from gold.fact_transactions")  # ad-hoc SQL is never cached
        assert results.stats()["entries"] == 3


def test_the_result_cache_can_be_turned_off(lakehouse):
    from core.settings import Settings

    fill_gold(lakehouse.store)
    with running_server(lakehouse.store, Settings(flight_result_cache_mb=0)) as srv, \
            connect(f"grpc://127.0.0.1:{srv.port}") as lh:
        assert srv.service.results is None
        assert lh.query("summary").to_pylist()[0]["transactions"] == 36
        assert lh.query("summary").to_pylist()[0]["transactions"] == 36
    with pytest.raises(ConfigError, match="LAKEHOUSE_FLIGHT_RESULT_CACHE_MB=-1"):
        GoldFlightServer(lakehouse.store, "grpc://127.0.0.1:0", settings=Settings(flight_result_cache_mb=-1))


class _Cookies(flight.ClientMiddlewareFactory):
    """Records whether each header block (headers, then trailers) offered a cookie; sends it back once known."""

    def __init__(self) -> None:
        self.cookie: str | None = None
        self.offered: list[bool] = []

    def start_call(self, info):
        factory = self

        class Call(flight.ClientMiddleware):
            def sending_headers(self):
                return {"cookie": factory.cookie} if factory.cookie else {}

            def received_headers(self, headers):
                offer = headers.get("set-cookie")
                factory.offered.append(bool(offer))
                if offer and factory.cookie is None:
                    factory.cookie = offer[0].split(";")[0]

        return Call()


def test_a_plain_doget_skips_the_session_but_a_session_still_travels_in_time(lakehouse, gold_server):
    """DoGet without cookie or selector gets no middleware (no cookie offer); sessions keep working."""
    from flight_server.flightsql import flight_pb, to_session_option_value

    _, location, snapshots = gold_server
    lakehouse.store.replace("gold.fact_transactions", transactions(n_docs=4))
    cookies = _Cookies()
    client = flight.connect(location, middleware=[cookies])

    def summary() -> int:
        ticket = flight.Ticket(json.dumps({"query": "summary"}).encode())
        return client.do_get(ticket).read_all().to_pylist()[0]["transactions"]

    assert summary() == 12 and cookies.offered == [False] and cookies.cookie is None
    list(client.do_action(flight.Action("lakehouse.named_queries", b"")))  # any other call offers a session
    assert any(cookies.offered[1:]) and cookies.cookie.startswith("arrow_flight_session_id=")
    request = flight_pb.SetSessionOptionsRequest()
    request.session_options["snapshot_id"].CopyFrom(to_session_option_value(snapshots["gold.fact_transactions"]))
    result = flight_pb.SetSessionOptionsResult()
    result.ParseFromString(
        next(iter(client.do_action(flight.Action("SetSessionOptions", request.SerializeToString())))).body.to_pybytes()
    )
    assert not result.errors
    assert summary() == 36  # the session's snapshot, through the DoGet's middleware
    other = flight.connect(location).do_get(flight.Ticket(b'{"query": "summary"}')).read_all()
    assert other.to_pylist()[0]["transactions"] == 12  # a client without the cookie reads the current snapshot
