"""The Senate from a saved eFD mirror of real 2026 captures: ingest into bronze, read into silver.

The mirror holds the real June search answer (13 reports) and the real pages of six of them (five
e-filed, one paper); the other seven pages were never captured, so they are quarantined and tried
again next run, as a page the site failed to serve would be.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import SHARED_DATA, test_settings
from tests.integration.test_senate_efd import build_mirror, captures  # noqa: F401  (captures: a fixture)

pytestmark = pytest.mark.integration

AMENDMENT, AMENDED, OTHER_ORIGINAL = "727b4eb6-d8c7-4792-aa5b-c651c2d72f9c", "a9754ff5-901a-4877-b7be-a647bd361c52", \
    "2e076759-0c11-4ab9-a9a4-9dd96e8cbd21"


@pytest.fixture
def senate_home(tmp_path, captures):  # noqa: F811
    mirror = build_mirror(tmp_path / "mirror", captures, index=False)
    home = tmp_path / "home"
    run = lambda *args: CliRunner().invoke(main, ["--home", str(home), *args])  # noqa: E731
    return run, mirror, home


def test_ingest_then_silver_reads_every_captured_report(senate_home):
    run, mirror, home = senate_home
    first = run("ingest", "senate", "--since", "2026-06-01", "--until", "2026-07-02", "--source", str(mirror))
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [
        "senate 2026-06-01..2026-07-02: 13 reports listed via mirror, 6 fetched (7 paper page images), "
        "0 already held, 7 quarantined"]
    again = run("ingest", "senate", "--since", "2026-06-01", "--until", "2026-07-02", "--source", str(mirror))
    assert "6 already held, 7 quarantined" in again.stdout  # held ones are not fetched again

    silver = run("transform", "silver")
    assert silver.exit_code == 0, silver.output
    app = Lakehouse.open(test_settings(home))
    filings = {r["report_id"]: r for r in app.store.read("silver.senate_filings").to_pylist()}
    assert len(filings) == 6
    # Paper rows of the search list names in capitals, as the site sends them.
    assert sorted((r["last_name"], r["report_kind"], r["rows_found"], r["extraction_status"])
                  for r in filings.values()) == [
        ("BLUMENTHAL", "paper", 0, "needs_review"), ("Boozman", "ptr", 15, "ok"), ("Boozman", "ptr", 18, "ok"),
        ("Boozman", "ptr", 18, "ok"), ("Fetterman", "ptr", 1, "ok"), ("Whitehouse", "ptr", 3, "ok")]
    assert filings[AMENDMENT]["amends_report_id"] == AMENDED and filings[AMENDMENT]["amendment_no"] == 1
    rows = app.store.read("silver.senate_transactions")
    assert rows.num_rows == 55
    fetterman = [r for r in rows.to_pylist() if r["report_id"].startswith("4b69867f")]
    assert [(r["owner"], r["ticker"], r["asset_type"], r["transaction_type"], r["amount_range"]) for r in fetterman] \
        == [("DC", None, "Corporate Bond", "purchase", "$1,001 - $15,000")]
    assert app.store.read("bronze.senate_paper_pages").num_rows == 7

    # A second silver run reads nothing new; the audit passed, so both tables are on main.
    assert run("transform", "silver").exit_code == 0
    assert app.store.read("silver.senate_filings").num_rows == 6


def test_senate_reports_reach_gold_beside_the_house_with_their_senator(senate_home):
    run, mirror, home = senate_home
    assert run("ingest", "members", "--source", str(SHARED_DATA / "members")).exit_code == 0
    assert run("ingest", "senate", "--since", "2026-06-01", "--until", "2026-07-02", "--source",
               str(mirror)).exit_code == 0
    for layer in ("silver", "gold"):
        result = run("transform", layer)
        assert result.exit_code == 0, result.output
    app = Lakehouse.open(test_settings(home))
    matches = {r["report_id"][:8]: r["bioguide_id"] for r in app.store.read("silver.senate_filer_matches").to_pylist()}
    assert matches == {"727b4eb6": "B001236", "2e076759": "B001236", "a9754ff5": "B001236", "4b69867f": "F000479",
                       "4aa0094d": "W000802", "a0d25e8f": "B001277"}
    filings = app.query("select chamber, count(*) n, count(bioguide_id) as with_member, count(party) as with_party "
                        "from gold.fact_filings group by chamber").to_pylist()
    assert filings == [{"chamber": "senate", "n": 6, "with_member": 6, "with_party": 6}]
    facts = app.query(
        "select left(doc_id, 8) as report, count(*) as n, min(chamber) as chamber, min(bioguide_id) as who, "
        "count(distinct transaction_key) as keys, bool_and(transaction_key < 0) as negative "
        "from gold.fact_transactions group by 1 order by 1").to_pylist()
    # The 10:19 original is restated by Amendment 1, so only the amendment's 18 rows count; three of the
    # original's rows had a ticker typed into the name (noted in silver), which the amendment fixed.
    assert [(r["report"], r["n"], r["chamber"], r["who"], r["keys"], r["negative"]) for r in facts] == [
        ("2e076759", 15, "senate", "B001236", 15, True), ("4aa0094d", 3, "senate", "W000802", 3, True),
        ("4b69867f", 1, "senate", "F000479", 1, True), ("727b4eb6", 18, "senate", "B001236", 18, True)]
    fetterman = app.query("select asset_type, is_late, due_date, party, state from gold.fact_transactions "
                          "where doc_id like '4b69867f%'").to_pylist()
    assert fetterman[0]["asset_type"] == "CS" and fetterman[0]["state"] == "PA"
    # The named questions answer by chamber (the House side of this warehouse is empty).
    senate = app.ask("top_traders", {"chamber": "senate", "days": 30}).to_pylist()
    assert {r["bioguide_id"] for r in senate} == {"B001236", "W000802", "F000479"}
    assert app.ask("top_traders", {"chamber": "house", "days": 30}).num_rows == 0
    trades = app.ask("member_trades", {"bioguide_id": "F000479", "chamber": "senate"}).to_pylist()
    assert [(t["doc_id"][:8], t["asset_type"], t["transaction_type"]) for t in trades] == [("4b69867f", "CS", "purchase")]
