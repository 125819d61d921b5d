"""`lakehouse ask`, honest windows and as_of_disclosure: locally, over Flight (--remote) and over HTTP,
on small synthetic gold tables whose data ends in 2025 (so "today" would find nothing)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pyarrow as pa
import pytest
import requests
from click.testing import CliRunner

from lakehouse.cli import main
from tests.integration.test_flight_support import fill_gold, running_server, transactions
from web.app import running

pytestmark = pytest.mark.slow

LAST_TRADE = dt.date(2025, 3, 13)
"""The latest trade date of the synthetic data (its last PTR, received 2025-03-28, minus 15 days)."""
FIRST_FILED = dt.date(2025, 1, 10)


@pytest.fixture
def gold(lakehouse):
    fill_gold(lakehouse.store)
    return lakehouse


def home_of(app) -> str:
    return str(app.settings.home)


def ask(app, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--home", home_of(app), "ask", *args])
    return result.exit_code, result.stdout, result.stderr


def expected_trades(start: dt.date, end: dt.date, disclosed_by: dt.date | None = None) -> dict[str, int]:
    """Trades per Member with a trade date in [start, end], computed from the rows written."""
    rows = transactions().to_pylist()
    return dict(Counter(
        r["bioguide_id"] for r in rows
        if start <= r["transaction_date"] <= end and (disclosed_by is None or r["filing_date"] <= disclosed_by)
    ))


def meta(table: pa.Table) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items() if k.startswith(b"lakehouse.")}


def test_default_window_ends_at_the_data_not_today(gold):
    default = gold.ask("top_traders", {"days": 30})
    explicit = gold.ask("top_traders", {"days": 30, "as_of_date": LAST_TRADE.isoformat()})
    assert default.num_rows > 0 and default.drop_columns([]).to_pylist() == explicit.to_pylist()
    start = LAST_TRADE - dt.timedelta(days=29)
    assert dict(zip(default.column("bioguide_id").to_pylist(), default.column("trades").to_pylist(),
                    strict=True)) == expected_trades(start, LAST_TRADE)
    assert meta(default) == {
        "lakehouse.window_start": start.isoformat(),
        "lakehouse.window_end": "2025-03-13",
        "lakehouse.window_days": "30",
        "lakehouse.window_basis": "trade date",
        "lakehouse.data_ends": "2025-03-13",
    }
    trending = meta(gold.ask("trending_stocks", {"window": 7}))
    assert (trending["lakehouse.window_start"], trending["lakehouse.window_end"]) == ("2025-03-25", "2025-03-31")
    assert trending["lakehouse.window_basis"] == "disclosure date"


def test_an_empty_answer_says_why(gold):
    empty = gold.ask("top_traders", {"days": 30, "as_of_date": "2020-01-31"})
    assert empty.num_rows == 0
    assert meta(empty)["lakehouse.note"] == (
        "No trades by Members between 2020-01-02 and 2020-01-31; the data ends on 2025-03-13."
    )
    # Only Independents (C000003) traded on the last day: a party filter is named in the reason.
    filtered = gold.ask("top_traders", {"days": 1, "party": "D"})
    assert filtered.num_rows == 0 and meta(filtered)["lakehouse.note"] == (
        "No trades by Members between 2025-03-13 and 2025-03-13 matching party=Democrat; "
        "the data ends on 2025-03-13."
    )
    assert gold.ask("top_traders", {"days": 1}).column("bioguide_id").to_pylist() == ["C000003"]


def test_as_of_disclosure_is_what_was_public_then(gold):
    before = gold.ask("member_trades", {"as_of_disclosure": "2025-01-09"})
    assert before.num_rows == 0
    assert meta(before)["lakehouse.note"] == (
        "Nothing was public on 2025-01-09: the first filing in the data was received on 2025-01-10."
    )
    traders = gold.ask("top_traders", {"as_of_disclosure": "2025-01-09"})
    assert traders.num_rows == 0 and meta(traders)["lakehouse.note"].startswith("Nothing was public on 2025-01-09")
    everything = gold.ask("member_trades", {"as_of_disclosure": "2025-12-31"})
    assert everything.to_pylist() == gold.ask("member_trades", {}).to_pylist() and everything.num_rows == 36
    # PTRs are received weekly from 2025-01-10: by 2025-01-31 exactly the first four were public.
    between = gold.ask("member_trades", {"as_of_disclosure": "2025-01-31"})
    assert sorted(set(between.column("doc_id").to_pylist())) == ["30000000", "30000001", "30000002", "30000003"]
    # The window then ends on the latest trade public by that date (2025-01-31 - 15 days).
    traders = gold.ask("top_traders", {"days": 90, "as_of_disclosure": "2025-01-31"})
    assert meta(traders)["lakehouse.window_end"] == "2025-01-16"
    assert dict(zip(traders.column("bioguide_id").to_pylist(), traders.column("trades").to_pylist(),
                    strict=True)) == expected_trades(dt.date(2024, 10, 19), dt.date(2025, 1, 16),
                                                     dt.date(2025, 1, 31))
    summary = gold.ask("summary", {"as_of_disclosure": "2025-01-31"}).to_pylist()[0]
    assert (summary["filings"], summary["transactions"], summary["last_filing_date"]) == (
        4, 12, dt.date(2025, 1, 31))
    with pytest.raises(Exception, match="as_of_disclosure needs basis=disclosure"):
        gold.ask("trending_stocks", {"basis": "trade", "as_of_disclosure": "2025-01-31"})


def test_cli_ask_lists_runs_and_explains(gold):
    code, out, _ = ask(gold)
    assert code == 0 and "top_traders: Members ranked" in out
    assert "--param as_of_disclosure=<date>" in out and "--param days=<int>" in out
    code, out, _ = ask(gold, "top_traders", "-p", "days=30")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:2] == ["bioguide_id", "filer_name"]
    start = (LAST_TRADE - dt.timedelta(days=29)).isoformat()
    assert f"window: {start} to 2025-03-13 (30 days by trade date); the data ends on 2025-03-13" in lines
    code, out, err = ask(gold, "top_traders", "-p", "days=30", "--format", "json")
    assert code == 0 and {r["bioguide_id"]: r["trades"] for r in json.loads(out)} == expected_trades(
        LAST_TRADE - dt.timedelta(days=29), LAST_TRADE)
    assert "window: " in err
    code, out, _ = ask(gold, "member_trades", "--as-of-disclosure", "2025-01-09")
    assert code == 0 and "note: Nothing was public on 2025-01-09" in out and "(0 rows)" in out
    code, _, err = ask(gold, "top_traders", "-p", "dayz=3")
    assert code != 0 and "unknown parameter(s) dayz; it takes days, metric, party, as_of_date, limit, " \
        "as_of_disclosure" in err
    code, _, err = ask(gold, "top_traders", "-p", "days")
    assert code == 2 and "is not NAME=VALUE" in err


def test_cli_ask_remote_answers_the_same(gold):
    with running_server(gold.store, gold.settings) as server:
        remote = ["--remote", f"grpc://127.0.0.1:{server.port}"]
        code, out, _ = ask(gold, *remote)
        assert code == 0 and "trending_stocks:" in out and "as_of_disclosure" in out
        local = ask(gold, "top_traders", "-p", "days=30", "--format", "json")
        over_flight = ask(gold, "top_traders", "-p", "days=30", "--format", "json", *remote)
        assert over_flight[0] == 0 and json.loads(over_flight[1]) == json.loads(local[1])
        assert over_flight[2] == local[2]  # the same window footer
        code, out, _ = ask(gold, "member_trades", "--as-of-disclosure", "2025-01-31", "--format", "csv", *remote)
        doc_ids = {line.split(",")[-3].strip('"') for line in out.strip().splitlines()[1:]}
        assert code == 0 and doc_ids == {"30000000", "30000001", "30000002", "30000003"}
        code, out, _ = ask(gold, "top_traders", "-p", "as_of_date=2020-01-31", "-p", "days=30", *remote)
        assert "note: No trades by Members between 2020-01-02 and 2020-01-31; the data ends on 2025-03-13." in out


def test_http_api_answers_the_same(gold):
    with running(gold.store, gold.settings) as url:
        body = requests.get(f"{url}/v1/top-traders?days=30", timeout=30).json()
        assert {r["bioguide_id"]: r["trades"] for r in body["data"]} == expected_trades(
            LAST_TRADE - dt.timedelta(days=29), LAST_TRADE)
        assert body["meta"]["window"] == {"start": "2025-02-12", "end": "2025-03-13", "days": "30",
                                          "basis": "trade date"}
        assert body["meta"]["data_ends"] == "2025-03-13" and "note" not in body
        early = requests.get(f"{url}/v1/top-traders?days=30&as_of_disclosure=2025-01-09", timeout=30).json()
        assert early["data"] == [] and early["note"] == (
            "Nothing was public on 2025-01-09: the first filing in the data was received on 2025-01-10."
        )
        mid = requests.get(f"{url}/v1/top-traders?days=90&as_of_disclosure=2025-01-31", timeout=30).json()
        assert mid["meta"]["window"]["end"] == "2025-01-16" and mid["meta"]["params"]["as_of_disclosure"] == (
            "2025-01-31")
        assert {r["bioguide_id"]: r["trades"] for r in mid["data"]} == expected_trades(
            dt.date(2024, 10, 19), dt.date(2025, 1, 16), dt.date(2025, 1, 31))
        ticker = requests.get(f"{url}/v1/tickers/NVDA/trades?as_of_disclosure=2025-01-31", timeout=30).json()
        assert {r["doc_id"] for r in ticker["data"]} <= {"30000000", "30000001", "30000002", "30000003"}
        assert ticker["data"]
