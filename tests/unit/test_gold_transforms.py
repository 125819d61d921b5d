"""Gold transforms on small real rows (Pelosi's 2025 PTR and real Members), run on DuckDB."""

from __future__ import annotations

import datetime as dt

import ibis
import pyarrow as pa
import pytest

from catalog.registry import table_spec
from jobs.gold import agg_member_stats, agg_trending_stocks, dim_members, fact_transactions

D = dt.date


def table(identifier: str, rows: list[dict]) -> ibis.Table:
    return ibis.memtable(pa.Table.from_pylist(rows, table_spec(identifier).arrow_schema()))


def run(expr) -> list[dict]:
    return ibis.duckdb.connect().to_pyarrow(expr).to_pylist()


def tx(line_no: int, *, trade: D | None, notified: D | None, low: int = 1001, high: int | None = 15000,
       ticker: str = "NVDA", kind: str = "purchase", status: str = "New", doc_id: str = "20026590",
       owner: str | None = "SP") -> dict:
    return dict(doc_id=doc_id, line_no=line_no, year=2025, owner=owner, asset_name="NVIDIA Corporation", ticker=ticker,
                asset_type="ST", transaction_type=kind, transaction_date=trade, notification_date=notified,
                amount_range="x", amount_low=low, amount_high=high, filing_status=status, page=1,
                row_checks_failed="", extraction_method="text", extractor_version="v", pdf_sha256="s",
                extracted_at=dt.datetime(2025, 2, 1, tzinfo=dt.UTC))


FILINGS = [dict(doc_id="20026590", year=2025, filing_type="P", filing_date=D(2025, 1, 17), filer_name="Nancy Pelosi",
                state_district="CA11", pdf_url="https://x/20026590.pdf"),
           dict(doc_id="20030000", year=2025, filing_type="P", filing_date=D(2025, 3, 1), filer_name="Nancy Pelosi",
                state_district="CA11", pdf_url="https://x/20030000.pdf")]
MATCHES = [dict(doc_id="20026590", year=2025, bioguide_id="P000197", match_status="matched"),
           dict(doc_id="20030000", year=2025, bioguide_id="P000197", match_status="matched")]
TERMS = [  # Pelosi's real 2023-2027 term, and a made-up party switch to exercise SCD2
    dict(bioguide_id="P000197", term_no=1, chamber="house", state="CA", district=11, party="Democrat",
         start_date=D(2023, 1, 3), end_date=D(2025, 1, 3)),
    dict(bioguide_id="P000197", term_no=2, chamber="house", state="CA", district=11, party="Democrat",
         start_date=D(2025, 1, 3), end_date=D(2027, 1, 3)),
    dict(bioguide_id="G000596", term_no=1, chamber="house", state="GA", district=14, party="Republican",
         start_date=D(2021, 1, 3), end_date=D(2023, 1, 3)),
    dict(bioguide_id="G000596", term_no=2, chamber="house", state="GA", district=14, party="Independent",
         start_date=D(2023, 1, 3), end_date=D(2025, 1, 3)),
    dict(bioguide_id="G000596", term_no=3, chamber="house", state="GA", district=14, party="Republican",
         start_date=D(2025, 1, 3), end_date=D(2027, 1, 3)),
]
MEMBERS = [dict(bioguide_id="P000197", first_name="Nancy", last_name="Pelosi", official_full_name="Nancy Pelosi"),
           dict(bioguide_id="G000596", first_name="Marjorie", last_name="Greene",
                official_full_name="Marjorie Taylor Greene")]


def dim() -> list[dict]:
    return run(dim_members.transform(table("silver.members", MEMBERS), table("silver.member_terms", TERMS)))


def test_dim_members_scd2_versions():
    rows = sorted(dim(), key=lambda r: (r["bioguide_id"], r["version"]))
    got = [(r["bioguide_id"], r["version"], r["party"], r["valid_from"], r["valid_to"], r["is_current"], r["member_key"])
           for r in rows]
    assert got == [
        ("G000596", 1, "Republican", D(2021, 1, 3), D(2023, 1, 3), False, 7_000_596_001),
        ("G000596", 2, "Independent", D(2023, 1, 3), D(2025, 1, 3), False, 7_000_596_002),
        ("G000596", 3, "Republican", D(2025, 1, 3), D(2027, 1, 3), True, 7_000_596_003),
        ("P000197", 1, "Democrat", D(2023, 1, 3), D(2027, 1, 3), True, 16_000_197_001),
    ]


def facts(rows: list[dict]) -> list[dict]:
    expr = fact_transactions.transform(
        table("silver.ptr_transactions", rows), table("silver.filings", FILINGS),
        table("silver.filer_matches", MATCHES), table("gold.dim_members", dim()),
        table("silver.senate_transactions", []), table("silver.senate_filings", []),
        table("silver.senate_filer_matches", []))
    return sorted(run(expr), key=lambda r: (r["doc_id"], r["line_no"]))


@pytest.mark.parametrize(
    ("trade", "notified", "due", "late"),
    [
        (D(2024, 12, 3), D(2024, 12, 3), D(2025, 1, 2), True),      # 30 days after notification rules
        (D(2024, 12, 18), D(2024, 12, 18), D(2025, 1, 17), False),  # filed exactly on day 30: on time
        (D(2024, 12, 3), D(2025, 1, 10), D(2025, 1, 17), False),    # trade + 45 days is earlier, filed that day
        (D(2024, 12, 2), D(2025, 1, 10), D(2025, 1, 16), True),     # one day past trade + 45
        (D(2024, 12, 3), None, D(2025, 1, 17), False),              # no notification date: trade + 45
        (D(2024, 6, 1), D(2025, 1, 2), D(2024, 7, 16), True),       # notified long after the trade
    ],
    ids=["notice+30", "exactly-30", "exactly-45", "trade+46", "no-notification", "late-notification"],
)
def test_due_date_and_late_rule(trade, notified, due, late):
    (row,) = facts([tx(1, trade=trade, notified=notified)])
    assert (row["due_date"], row["is_late"]) == (due, late)
    assert row["days_to_filing"] == (D(2025, 1, 17) - trade).days


def test_amount_midpoints_at_every_bucket():
    buckets = [(1001, 15000), (15001, 50000), (50001, 100000), (100001, 250000), (250001, 500000),
               (500001, 1000000), (1000001, 5000000), (5000001, 25000000), (25000001, 50000000), (50000001, None)]
    rows = facts([tx(i, trade=D(2025, 1, 14), notified=D(2025, 1, 14), low=lo, high=hi)
                  for i, (lo, hi) in enumerate(buckets, 1)])
    assert [r["amount_midpoint"] for r in rows] == [8000.5, 32500.5, 75000.5, 175000.5, 375000.5, 750000.5,
                                                    3000000.5, 15000000.5, 37500000.5, 50000001.0]


def test_member_at_trade_date_keys_and_urls():
    (row,) = facts([tx(3, trade=D(2024, 12, 31), notified=D(2024, 12, 31), kind="partial_sale")])
    assert row["transaction_key"] == 20026590 * 10000 + 3
    assert (row["bioguide_id"], row["member_key"], row["party"], row["state"], row["district"], row["chamber"]) == (
        "P000197", 16_000_197_001, "Democrat", "CA", 11, "house")
    assert (row["asset_key"], row["pdf_url"], row["days_to_notification"]) == ("T:NVDA", "https://x/20026590.pdf", 0)


def test_amended_row_supersedes_the_earlier_filing():
    original = tx(1, trade=D(2025, 1, 14), notified=D(2025, 1, 14), low=1001, high=15000)
    other = tx(2, trade=D(2025, 1, 14), notified=D(2025, 1, 14), ticker="AAPL")
    amended = tx(1, trade=D(2025, 1, 14), notified=D(2025, 1, 14), low=15001, high=50000, status="Amended",
                 doc_id="20030000")
    rows = facts([original, other, amended])
    assert [(r["doc_id"], r["line_no"], r["ticker"], r["amount_low"]) for r in rows] == [
        ("20026590", 2, "AAPL", 1001), ("20030000", 1, "NVDA", 15001)]


def test_trending_and_member_stats():
    rows = facts([tx(1, trade=D(2025, 1, 14), notified=D(2025, 1, 14)),
                  tx(2, trade=D(2025, 1, 10), notified=D(2025, 1, 14), kind="sale", low=15001, high=50000),
                  tx(3, trade=D(2024, 12, 20), notified=D(2024, 12, 20), ticker="PANW")])
    f = ibis.memtable(pa.Table.from_pylist(rows, table_spec("gold.fact_transactions").arrow_schema()))
    trending = run(agg_trending_stocks.transform(f))
    # Every row is the House's: the House's rankings are those of both chambers, row for row.
    assert sorted(_key(r) for r in trending if r["chamber"] == "house") == sorted(
        _key(r) for r in trending if r["chamber"] == "both")
    assert {r["chamber"] for r in trending} == {"both", "house"}
    trending = [r for r in trending if r["chamber"] == "both"]
    nvda = [r for r in trending if r["ticker"] == "NVDA" and r["basis"] == "disclosure"]
    assert [(r["as_of_date"], r["window_days"], r["trades"], r["buying_members"], r["selling_members"],
             r["net_volume"], r["dem_trades"], r["rank"]) for r in sorted(nvda, key=lambda r: r["window_days"])] == [
        (D(2025, 1, 17), 7, 2, 1, 1, 8000.5 - 32500.5, 2, 1),
        (D(2025, 1, 17), 30, 2, 1, 1, 8000.5 - 32500.5, 2, 1),
        (D(2025, 1, 17), 90, 2, 1, 1, 8000.5 - 32500.5, 2, 1),
    ]
    trade_7 = sorted((r["as_of_date"], r["ticker"], r["trades"]) for r in trending
                     if r["basis"] == "trade" and r["window_days"] == 7)
    assert trade_7 == [(D(2024, 12, 20), "PANW", 1), (D(2025, 1, 10), "NVDA", 1), (D(2025, 1, 14), "NVDA", 2)]
    stats = {r["period"]: r for r in run(agg_member_stats.transform(f, table("gold.dim_members", dim())))}
    assert sorted(stats) == ["2024", "2024-Q4", "2025", "2025-Q1", "all"]
    everything = stats["all"]
    assert (everything["trades"], everything["buys"], everything["sells"], everything["distinct_tickers"]) == (3, 2, 1, 2)
    # Trade 2024-12-20 is due 2025-01-19 (notice + 30), so the 01-17 filing is on time; days: 3, 7, 28.
    assert (everything["late_count"], everything["median_days_to_disclose"], everything["full_name"]) == (0, 7.0, "Nancy Pelosi")
    assert (stats["2025-Q1"]["period_start"], stats["2025-Q1"]["period_end"]) == (D(2025, 1, 1), D(2025, 3, 31))


def _key(row: dict) -> tuple:
    """A trending row without its chamber (the scope it was ranked in)."""
    return tuple(v for k, v in sorted(row.items()) if k != "chamber")


# Thomas H Tuberville's real partial sale of AAPL on 2025-01-10 (Joint, $15,001 - $50,000), on Senate
# eFD report d1afafd0-a78f-44ef-ae47-da99dfb01317 disclosed 2026-08-05 (shared/data/senate).
TUBERVILLE_AAPL = dict(
    transaction_key=-1, doc_id="d1afafd0-a78f-44ef-ae47-da99dfb01317", line_no=1, year=2026, bioguide_id="T000278",
    filer_name="Thomas H Tuberville", party="Republican", state="AL", chamber="senate", owner="JT", ticker="AAPL",
    asset_name="Apple Inc", asset_type="ST", asset_key="T:AAPL", transaction_type="partial_sale",
    transaction_date=D(2025, 1, 10), filing_date=D(2026, 8, 5), amount_range="$15,001 - $50,000",
    amount_low=15001, amount_high=50000, amount_midpoint=32500.5)


def test_trending_ranks_each_chamber_alone_and_both_together():
    house = facts([tx(1, trade=D(2025, 1, 14), notified=D(2025, 1, 14)),
                   tx(2, trade=D(2025, 1, 10), notified=D(2025, 1, 14), kind="sale", low=15001, high=50000)])
    schema = table_spec("gold.fact_transactions").arrow_schema()
    rows = house + [{f.name: TUBERVILLE_AAPL.get(f.name) for f in schema}]
    trending = run(agg_trending_stocks.transform(ibis.memtable(pa.Table.from_pylist(rows, schema))))

    def ranking(chamber: str, basis: str, window: int = 7) -> list[tuple]:
        return sorted((r["as_of_date"], r["rank"], r["ticker"], r["trades"], r["dem_trades"], r["rep_trades"])
                      for r in trending if (r["chamber"], r["basis"], r["window_days"]) == (chamber, basis, window))

    # By trade date the chambers meet on 2025-01-10: both rank AAPL (Senate) and NVDA (House) there,
    # tied on one trade by one member, so by ticker; on 01-14 NVDA has two trades. Each chamber alone
    # ranks only its own ticker, on its own days only (the Senate has no 01-14 ranking).
    assert ranking("both", "trade") == [
        (D(2025, 1, 10), 1, "AAPL", 1, 0, 1), (D(2025, 1, 10), 2, "NVDA", 1, 1, 0),
        (D(2025, 1, 14), 1, "NVDA", 2, 2, 0), (D(2025, 1, 14), 2, "AAPL", 1, 0, 1)]
    assert ranking("house", "trade") == [(D(2025, 1, 10), 1, "NVDA", 1, 1, 0), (D(2025, 1, 14), 1, "NVDA", 2, 2, 0)]
    assert ranking("senate", "trade") == [(D(2025, 1, 10), 1, "AAPL", 1, 0, 1)]
    # By disclosure date they never meet (filed 2025-01-17 and 2026-08-05).
    assert ranking("both", "disclosure") == [(D(2025, 1, 17), 1, "NVDA", 2, 2, 0),
                                             (D(2026, 8, 5), 1, "AAPL", 1, 0, 1)]
    assert ranking("house", "disclosure") == [(D(2025, 1, 17), 1, "NVDA", 2, 2, 0)]
    assert ranking("senate", "disclosure", 90) == [(D(2026, 8, 5), 1, "AAPL", 1, 0, 1)]
    assert len(trending) == 3 * (len(ranking("both", "trade")) + len(ranking("both", "disclosure"))
                                 + len(ranking("house", "trade")) + len(ranking("house", "disclosure"))
                                 + len(ranking("senate", "trade")) + len(ranking("senate", "disclosure")))

    # Each chamber's rankings are exactly those computed from that chamber's rows alone.
    for chamber, own in (("house", house), ("senate", rows[-1:])):
        alone = run(agg_trending_stocks.transform(ibis.memtable(pa.Table.from_pylist(own, schema))))
        assert sorted(_key(r) for r in alone if r["chamber"] == "both") == sorted(
            _key(r) for r in trending if r["chamber"] == chamber)
