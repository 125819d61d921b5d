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
from tests.conftest import test_settings
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
        ("BLUMENTHAL", "paper", 0, "needs_review"), ("Boozman", "ptr", 15, "ok"), ("Boozman", "ptr", 18, "needs_review"),
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
