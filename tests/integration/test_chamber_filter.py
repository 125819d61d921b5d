"""The ``chamber`` parameter of every named query (house, senate or both), locally, over Flight, over
HTTP and with ``lakehouse ask``, on the small synthetic gold tables of ``test_ask.py``.

Two variants of those tables: ``house_only`` (every row filed with the House, as in the data before
the Senate was added) and ``mixed`` (as written by ``fill_gold``: Casey Chen's reports are Senate
ones), so each chamber is shown to be its own slice with its own window and data end. In both,
gold.agg_trending_stocks is built from those transactions by its real job (through the runner).
"""

from __future__ import annotations

import datetime as dt
import json

import ibis
import pyarrow as pa
import pyarrow.compute as pc
import pytest
import requests

from catalog.registry import table_spec
from core.errors import QueryError
from flight_server.named import CHAMBER, NAMED_QUERIES
from jobs.gold import agg_trending_stocks
from jobs.runner import run_job
from tests.integration.test_ask import ask, meta
from tests.integration.test_flight_support import MEMBERS, filings, fill_gold, members, running_server, transactions
from web.app import running

pytestmark = pytest.mark.slow

FILINGS_HAVE_CHAMBER = "chamber" in [c.name for c in table_spec("gold.fact_filings").columns]
needs_filing_chamber = pytest.mark.skipif(
    not FILINGS_HAVE_CHAMBER,
    reason="gold.fact_filings has no chamber column yet (catalog/registry.py); the filing and summary "
    "queries filter on it",
)
"""Queries reading gold.fact_filings turn on by themselves once the registry declares its chamber."""

NO_SENATE = "No Senate rows match: the data holds no Senate filings (at the version read)."
CHAMBER_OF = {bio: chamber for bio, *_, chamber in MEMBERS}
TRANSACTION_CASES = [
    ("member_trades", {}),
    ("member_trades", {"ticker": "NVDA", "limit": 5}),
    ("top_traders", {"days": 30}),
    ("top_traders", {"days": 90, "as_of_disclosure": "2025-01-31"}),
    ("search", {"q": "avery"}),
    ("search", {"q": "brooks", "as_of_disclosure": "2025-02-28"}),
]
"""Queries that read gold.fact_transactions (and members), not gold.fact_filings."""
CASES = [
    *TRANSACTION_CASES,
    pytest.param("summary", {}, marks=needs_filing_chamber),
    pytest.param("filing", {"doc_id": "30000001"}, marks=needs_filing_chamber),
]


def _with_chamber(table: pa.Table, chambers: list[str]) -> pa.Table:
    column = pa.array(chambers, pa.string())
    if "chamber" in table.column_names:
        return table.set_column(table.column_names.index("chamber"), "chamber", column)
    return table.append_column("chamber", column)


def _fill(store, house_only: bool) -> None:
    fill_gold(store)
    rows = transactions()
    member_rows = members()
    if house_only:
        store.replace("gold.fact_transactions", _with_chamber(rows, ["house"] * rows.num_rows))
        store.replace("gold.dim_members", _with_chamber(member_rows, ["house"] * member_rows.num_rows))
    if FILINGS_HAVE_CHAMBER:
        # fill_gold leaves fact_filings.chamber null; give each report its filer's chamber.
        filed = filings()
        chambers = [
            "house" if house_only else CHAMBER_OF.get(_bioguide_of(name), "house")
            for name in filed.column("filer_name").to_pylist()
        ]
        store.replace("gold.fact_filings", _with_chamber(filed, chambers))
    # The rankings of exactly these transactions, by the real job (each chamber's and both together).
    result = run_job(store, agg_trending_stocks.JOB, run_id="test-chamber-filter", full_refresh=True)
    assert result.status == "committed" and result.rows_out > 0


def _bioguide_of(filer_name: str) -> str | None:
    return next((bio for bio, first, last, *_ in MEMBERS if filer_name.endswith(f"{first} {last}")), None)


@pytest.fixture
def house_only(lakehouse):
    _fill(lakehouse.store, house_only=True)
    return lakehouse


@pytest.fixture
def mixed(lakehouse):
    _fill(lakehouse.store, house_only=False)
    return lakehouse


def test_every_query_takes_chamber_defaulting_to_both():
    for query in NAMED_QUERIES.values():
        assert CHAMBER in query.all_params and query.context_query().all_params == query.all_params
    assert (CHAMBER.validate("q", None), CHAMBER.validate("q", " Senate ")) == ("both", "senate")
    with pytest.raises(QueryError, match=r"^top_traders: chamber='congress' is not one of house, senate, both\.$"):
        NAMED_QUERIES["top_traders"].validate({"chamber": "congress"})


@pytest.mark.parametrize(("name", "params"), CASES)
def test_house_is_the_default_when_every_row_is_house(house_only, name, params):
    default = house_only.ask(name, params)
    house = house_only.ask(name, {**params, "chamber": "house"})
    assert default.num_rows > 0 and house.to_pylist() == default.to_pylist()
    assert meta(house) == {**meta(default), "lakehouse.chamber": "house"}


@pytest.mark.parametrize(("name", "params"), TRANSACTION_CASES)
def test_senate_gives_no_rows_and_says_why(house_only, name, params):
    senate = house_only.ask(name, {**params, "chamber": "senate"})
    assert senate.num_rows == 0
    note = meta(senate)["lakehouse.note"]
    if "as_of_disclosure" in params:
        assert note == f"No Senate filing was public on {params['as_of_disclosure']}: the data holds no " \
            "Senate filings."
    else:
        assert note == NO_SENATE


@needs_filing_chamber
def test_filing_and_summary_of_the_other_chamber(house_only):
    with pytest.raises(QueryError, match=r"No filing with doc_id '30000001' \(at the version read, with "
                                         r"chamber=senate"):
        house_only.ask("filing", {"doc_id": "30000001", "chamber": "senate"})
    # The summary is always one row: with no Senate rows, its counts are zero.
    summary = house_only.ask("summary", {"chamber": "senate"}).to_pylist()
    assert [(s["filings"], s["transactions"], s["members"]) for s in summary] == [(0, 0, 0)]


def _ranking(facts: list[dict], window: int, basis: str = "disclosure") -> tuple[dt.date, list[tuple]]:
    """The latest ``window``-day ranking of ``facts`` alone, computed from them here: its day and
    (rank, ticker, trades, members, net_volume) per ticker."""
    schema = table_spec("gold.fact_transactions").arrow_schema()
    rows = [{f.name: r.get(f.name) for f in schema} for r in facts]
    table = pa.Table.from_pylist(rows, schema)
    ranked = ibis.duckdb.connect().to_pyarrow(agg_trending_stocks.transform(ibis.memtable(table))).to_pylist()
    ranked = [r for r in ranked if r["chamber"] == "both" and (r["window_days"], r["basis"]) == (window, basis)]
    last = max(r["as_of_date"] for r in ranked)
    return last, sorted((r["rank"], r["ticker"], r["trades"], r["members"], r["net_volume"]) for r in ranked
                        if r["as_of_date"] == last)


def _answer(table: pa.Table) -> list[tuple]:
    return [(r["rank"], r["ticker"], r["trades"], r["members"], r["net_volume"]) for r in table.to_pylist()]


def test_trending_stocks_of_the_house_alone_is_the_ranking_of_both_when_every_row_is_house(house_only):
    default = house_only.ask("trending_stocks", {"window": 30, "limit": 1000})
    both = house_only.ask("trending_stocks", {"window": 30, "limit": 1000, "chamber": "both"})
    house = house_only.ask("trending_stocks", {"window": 30, "limit": 1000, "chamber": "house"})
    assert default.to_pylist() == both.to_pylist() and set(both.column("chamber").to_pylist()) == {"both"}
    assert set(house.column("chamber").to_pylist()) == {"house"}
    assert house.drop_columns(["chamber"]).to_pylist() == both.drop_columns(["chamber"]).to_pylist()
    # The last filing (2025-03-28) ends the window; each of the five tickers traded in it.
    assert _answer(house) == _ranking(transactions().to_pylist(), 30)[1] == [
        (1, "AAPL", 3, 3, -48501.5), (2, "MSFT", 3, 3, 48501.5), (3, "NVDA", 3, 3, -48501.5),
        (4, "BRK.B", 3, 2, 32500.5), (5, "TSLA", 3, 2, -48501.5)]
    assert meta(house) == {**meta(both), "lakehouse.chamber": "house"}
    assert meta(both)["lakehouse.window_end"] == "2025-03-28" == meta(both)["lakehouse.data_ends"]
    senate = house_only.ask("trending_stocks", {"chamber": "senate"})
    assert senate.num_rows == 0 and meta(senate)["lakehouse.note"] == NO_SENATE


def test_trending_stocks_ranks_each_chamber_from_its_own_rows(mixed):
    rows = transactions().to_pylist()
    by_chamber = {c: [r for r in rows if CHAMBER_OF[r["bioguide_id"]] == c] for c in ("house", "senate")}
    for window in (7, 30, 90):
        both = mixed.ask("trending_stocks", {"window": window, "limit": 1000})
        assert (both.column("as_of_date")[0].as_py(), _answer(both)) == _ranking(rows, window)
        for chamber, own in by_chamber.items():
            answer = mixed.ask("trending_stocks", {"window": window, "limit": 1000, "chamber": chamber})
            last, expected = _ranking(own, window)
            assert _answer(answer) == expected and set(answer.column("chamber").to_pylist()) == {chamber}
            # The window ends on the chamber's own latest filing, not on the other chamber's.
            assert meta(answer)["lakehouse.window_end"] == last.isoformat() == meta(answer)["lakehouse.data_ends"]
    # Exactly: Casey Chen's Senate reports come every third week, the last on 2025-03-28 (the last
    # of all); the House's last on 2025-03-21. Over 30 days each ranks its own trades only: BRK.B
    # leads the Senate, AAPL both chambers together, MSFT the House.
    senate = mixed.ask("trending_stocks", {"window": 30, "chamber": "senate"})
    house = mixed.ask("trending_stocks", {"window": 30, "chamber": "house"})
    both = mixed.ask("trending_stocks", {"window": 30})
    assert (meta(senate)["lakehouse.window_end"], meta(house)["lakehouse.window_end"],
            meta(both)["lakehouse.window_end"]) == ("2025-03-28", "2025-03-21", "2025-03-28")
    assert _answer(senate) == [(1, "BRK.B", 2, 1, 0.0), (2, "AAPL", 1, 1, -8000.5), (3, "MSFT", 1, 1, 8000.5),
                               (4, "NVDA", 1, 1, -32500.5), (5, "TSLA", 1, 1, -32500.5)]
    assert _answer(house) == [(1, "MSFT", 3, 2, 32500.5), (2, "TSLA", 3, 2, -48501.5), (3, "AAPL", 2, 2, -40501.0),
                              (4, "BRK.B", 2, 2, 40501.0), (5, "NVDA", 2, 2, -16001.0)]
    assert _answer(both) == [(1, "AAPL", 3, 3, -48501.5), (2, "MSFT", 3, 3, 48501.5), (3, "NVDA", 3, 3, -48501.5),
                             (4, "BRK.B", 3, 2, 32500.5), (5, "TSLA", 3, 2, -48501.5)]
    # With as_of_disclosure, the chamber's latest ranking of what was public then (its 2025-01-24 one).
    dated = mixed.ask("trending_stocks", {"window": 90, "chamber": "senate", "as_of_disclosure": "2025-02-01"})
    assert dated.column("as_of_date").to_pylist()[:1] == [dt.date(2025, 1, 24)]
    assert _answer(dated) == _ranking([r for r in by_chamber["senate"] if r["filing_date"] <= dt.date(2025, 2, 1)],
                                      90)[1] == [(1, "BRK.B", 1, 1, -32500.5), (2, "NVDA", 1, 1, -8000.5),
                                                 (3, "TSLA", 1, 1, 8000.5)]


def test_each_chamber_is_its_own_slice_with_its_own_window(mixed):
    rows = transactions().to_pylist()
    by_chamber = {c: [r for r in rows if CHAMBER_OF[r["bioguide_id"]] == c] for c in ("house", "senate")}
    everything = mixed.ask("member_trades", {"limit": 1000})
    for chamber, expected in by_chamber.items():
        answer = mixed.ask("member_trades", {"limit": 1000, "chamber": chamber})
        assert sorted(answer.column("doc_id").to_pylist()) == sorted(r["doc_id"] for r in expected)
        assert set(answer.column("chamber").to_pylist()) == {chamber}
        # Windows end on the chamber's own latest trade, not on the other chamber's.
        last = max(r["transaction_date"] for r in expected)
        traders = mixed.ask("top_traders", {"days": 30, "chamber": chamber})
        assert meta(traders)["lakehouse.window_end"] == last.isoformat() == meta(traders)["lakehouse.data_ends"]
        assert set(traders.column("bioguide_id").to_pylist()) == {r["bioguide_id"] for r in expected
                                                                  if r["transaction_date"] > last - dt.timedelta(30)}
    assert everything.num_rows == sum(map(len, by_chamber.values()))
    assert set(pc.unique(everything.column("chamber")).to_pylist()) == {"house", "senate"}
    # Search counts only the chamber's trades; a House member is not found among Senate filings.
    assert mixed.ask("search", {"q": "avery", "chamber": "senate"}).num_rows == 0
    assert mixed.ask("search", {"q": "chen", "chamber": "senate"}).column("trades").to_pylist() == [
        len(by_chamber["senate"])]
    if FILINGS_HAVE_CHAMBER:
        summary = mixed.ask("summary", {"chamber": "senate"}).to_pylist()[0]
        assert (summary["transactions"], summary["members"]) == (len(by_chamber["senate"]), 1)
        assert mixed.ask("filing", {"doc_id": "30000002", "chamber": "senate"}).num_rows == 3


def test_over_flight(house_only):
    from core.errors import LakehouseError
    from lakehouse.client import connect

    with running_server(house_only.store, house_only.settings) as server, \
            connect(f"grpc://127.0.0.1:{server.port}") as client:
        default = client.ask("top_traders", {"days": 30})
        house = client.ask("top_traders", {"days": 30, "chamber": "house"})
        assert default.num_rows > 0 and house.to_pylist() == default.to_pylist()
        senate = client.ask("member_trades", {"chamber": "senate"})
        assert senate.num_rows == 0 and meta(senate)["lakehouse.note"] == NO_SENATE
        context = client.query("top_traders.context", {"days": 30, "chamber": "senate"}).to_pylist()[0]
        assert not context["public_rows"] and context["data_ends"] is None
        with pytest.raises(LakehouseError, match=r"chamber='both chambers' is not one of house, senate, both"):
            client.query("member_trades", {"chamber": "both chambers"})
        described = {q["name"]: q for q in client.named_queries()}
        assert all("chamber" in [p["name"] for p in q["params"]] for q in described.values())


def test_over_http(house_only):
    with running(house_only.store, house_only.settings) as url:
        def get(path: str) -> requests.Response:
            return requests.get(f"{url}{path}", timeout=30)

        default, house = get("/v1/top-traders?days=30").json(), get("/v1/top-traders?days=30&chamber=house").json()
        assert default["data"] and house["data"] == default["data"] and house["meta"]["params"]["chamber"] == "house"
        assert default["meta"]["params"]["chamber"] == "both"
        senate = get("/v1/tickers/NVDA/trades?chamber=senate").json()
        assert senate["data"] == [] and senate["note"] == NO_SENATE
        bad = get("/v1/summary?chamber=congress")
        assert bad.status_code == 400
        assert "chamber='congress' is not one of house, senate, both." in bad.json()["error"]["message"]
        trending = get("/v1/trending-stocks?window=30d&chamber=senate")
        assert trending.status_code == 200 and trending.json()["data"] == [] and trending.json()["note"] == NO_SENATE
        trending = get("/v1/trending-stocks?window=30d&chamber=house").json()
        assert trending["meta"]["params"]["chamber"] == "house" and {r["chamber"] for r in trending["data"]} == {
            "house"} and [r["ticker"] for r in trending["data"]] == ["AAPL", "MSFT", "NVDA", "BRK.B", "TSLA"]
        spec = get("/v1/openapi.json").json()
        for path in spec["paths"].values():
            if "parameters" in path["get"]:
                chamber = next(p for p in path["get"]["parameters"] if p["name"] == "chamber")
                assert chamber["schema"] == {"type": "string", "enum": ["house", "senate", "both"], "default": "both"}
        if FILINGS_HAVE_CHAMBER:
            assert get("/v1/filings/30000001?chamber=house").json()["filing"]["doc_id"] == "30000001"
            assert get("/v1/filings/30000001?chamber=senate").status_code == 404


def test_lakehouse_ask(house_only):
    code, default, _ = ask(house_only, "top_traders", "-p", "days=30", "--format", "json")
    code_house, house, err = ask(house_only, "top_traders", "-p", "days=30", "--chamber", "house", "--format", "json")
    assert code == code_house == 0 and json.loads(house) == json.loads(default) != []
    assert "chamber: house only (reports filed with it)" in err
    code, out, _ = ask(house_only, "member_trades", "--chamber", "senate")
    assert code == 0 and f"note: {NO_SENATE}" in out and "(0 rows)" in out
    code, _, err = ask(house_only, "member_trades", "--chamber", "congress")
    assert code == 2 and "'congress' is not one of 'house', 'senate', 'both'" in err
    code, _, err = ask(house_only, "member_trades", "-p", "chamber=congress")
    assert code != 0 and "chamber='congress' is not one of house, senate, both." in err
    code, _, err = ask(house_only, "member_trades", "-p", "chamber=house", "--chamber", "house")
    assert code == 2 and "Give chamber once: --chamber or --param, not both." in err
    with running_server(house_only.store, house_only.settings) as server:
        code, out, _ = ask(house_only, "top_traders", "--chamber", "senate", "--remote",
                           f"grpc://127.0.0.1:{server.port}")
        assert code == 0 and f"note: {NO_SENATE}" in out
