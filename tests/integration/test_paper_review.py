"""A real paper PTR reaches gold: grid reading, the review queue, a scripted review, re-extraction.

PTR 8220731 (Keith Self, TX03, filed 1/23/2025) is served with the real 2025 index over HTTP from
127.0.0.1. The machine reads each row's transaction type and amount from the check boxes; a person
(here the test, through the CLI) reads the handwriting from the row images.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner

from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

DOC = "8220731"
#: What a person reads on the form (every row: the spouse's, traded and notified 01/10/25).
HANDWRITTEN = {1: "ATT INC", 2: "Genuine Parts Co", 3: "Merck & Co, INC", 4: "NVIDIA Corp", 5: "Pepsico INC"}
MARKED = {1: "sale", 2: "purchase", 3: "sale", 4: "purchase", 5: "purchase"}


@pytest.fixture(scope="module")
def home(tmp_path_factory, house_data):
    tmp = tmp_path_factory.mktemp("paper")
    root = build_clerk_mirror(tmp / "mirror", house_data)
    target = root / "public_disc" / "ptr-pdfs" / "2025" / f"{DOC}.pdf"
    shutil.copyfile(house_data / "P_8220731_paper_2025.pdf", target)
    settings = test_settings(tmp / "lh")
    app = Lakehouse.open(settings)
    with mirror_server(root) as (url, _):
        app.ingest_house([2025], source=url, types=("P",))
    app.transform("silver")
    app.transform("gold")
    return tmp / "lh"


def cli(home, *args: str) -> str:
    result = CliRunner().invoke(
        main,
        list(args),
        env={"LAKEHOUSE_HOME": str(home), "LAKEHOUSE_REVIEWER": "tester"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result.output


def cli_fails(home, *args: str) -> str:
    result = CliRunner().invoke(
        main, list(args), env={"LAKEHOUSE_HOME": str(home), "LAKEHOUSE_REVIEWER": "tester"}
    )
    assert result.exit_code != 0
    return result.output


def silver_rows(app: Lakehouse, as_of_snapshot: int | None = None) -> list[dict]:
    sql = (
        "select line_no, owner, asset_name, transaction_type, transaction_date, notification_date, amount_range, "
        "extraction_method, reviewed_by, row_checks_failed from silver.ptr_transactions "
        f"where doc_id = '{DOC}' order by line_no"
    )
    if as_of_snapshot is None:
        return Lakehouse.open(app.settings).query(sql).to_pylist()
    from core.asof import AsOf

    return app.query(sql, AsOf(snapshot_id=as_of_snapshot)).to_pylist()


def test_paper_ptr_is_read_by_its_grid_queued_reviewed_and_reaches_gold(home, tmp_path):
    app = Lakehouse.open(test_settings(home))
    filing = app.query(
        f"select layout_era, extraction_method, extraction_status, rows_found from silver.ptr_filings "
        f"where doc_id = '{DOC}'"
    ).to_pylist()
    assert filing == [
        {
            "layout_era": "paper_form",
            "extraction_method": "grid",
            "extraction_status": "needs_review",
            "rows_found": 5,
        }
    ]
    before = silver_rows(app)
    assert [
        (r["line_no"], r["transaction_type"], r["amount_range"], r["extraction_method"], r["asset_name"])
        for r in before
    ] == [(n, MARKED[n], "$1,001 - $15,000", "grid", None) for n in range(1, 6)]
    assert all("unread_asset_name" in r["row_checks_failed"] for r in before)
    # Unread rows wait in silver; gold counts only rows that passed every check.
    assert app.query(
        f"select count(*) as n from gold.fact_transactions where doc_id = '{DOC}'"
    ).to_pylist() == [{"n": 0}]
    grid_snapshot = app.store.current_snapshot_id("silver.ptr_transactions")

    listing = cli(home, "review", "list")
    assert listing.count(f"{DOC}  line") == 5 and "5 open" in listing
    shown = cli(home, "review", "show", DOC, "1", "--image", str(tmp_path / "row1.png"))
    assert (tmp_path / "row1.png").read_bytes().startswith(b"\x89PNG")
    assert "transaction_type   sale" in shown and f"ptr-pdfs/2025/{DOC}.pdf" in shown

    # Mistakes are refused with what to do.
    assert "use SP (spouse)" in cli_fails(home, "review", "enter", DOC, "1", "--owner", "XX")
    assert "still lacks" in cli_fails(home, "review", "confirm", DOC, "1")
    assert "has lines 1..5" in cli_fails(home, "review", "enter", DOC, "9", "--asset-name", "X")
    assert "is not an extracted PTR" in cli_fails(
        home, "review", "enter", "99999999", "1", "--asset-name", "X"
    )

    for line, name in HANDWRITTEN.items():
        cli(
            home,
            "review",
            "enter",
            DOC,
            str(line),
            "--owner",
            "SP",
            "--asset-name",
            name,
            "--transaction-date",
            "01/10/25",
            "--notification-date",
            "2025-01-10",
        )
    assert "No open review items." in cli(home, "review", "list")
    assert cli(home, "review", "list", "--all").count("reviewed by tester") == 5

    after = silver_rows(app)
    assert [
        (
            r["line_no"],
            r["owner"],
            r["asset_name"],
            r["transaction_type"],
            r["transaction_date"],
            r["notification_date"],
            r["amount_range"],
            r["extraction_method"],
            r["reviewed_by"],
            r["row_checks_failed"],
        )
        for r in after
    ] == [
        (
            n,
            "SP",
            HANDWRITTEN[n],
            MARKED[n],
            dt.date(2025, 1, 10),
            dt.date(2025, 1, 10),
            "$1,001 - $15,000",
            "manual",
            "tester",
            "",
        )
        for n in range(1, 6)
    ]
    issues = app.query(
        f"select count(*) as n from silver.extraction_issues where doc_id = '{DOC}'"
    ).to_pylist()
    assert issues == [{"n": 0}], "a reviewed line's issues are resolved, and the document's once all are"
    assert app.query(
        f"select rows_found, rows_with_failed_checks, extraction_status from silver.ptr_filings "
        f"where doc_id = '{DOC}'"
    ).to_pylist() == [{"rows_found": 5, "rows_with_failed_checks": 0, "extraction_status": "ok"}]
    from checks.runner import audit_current

    for report in audit_current(app.store, run_id="after-review"):  # the next run's audits stay green
        assert report.passed, report.summary()

    app.transform("gold")
    gold = app.query(
        f"select line_no, asset_name, transaction_type, amount_low, amount_high, extraction_method "
        f"from gold.fact_transactions where doc_id = '{DOC}' order by line_no"
    ).to_pylist()
    assert gold == [
        {
            "line_no": n,
            "asset_name": HANDWRITTEN[n],
            "transaction_type": MARKED[n],
            "amount_low": 1001,
            "amount_high": 15000,
            "extraction_method": "manual",
        }
        for n in range(1, 6)
    ]

    # Time travel shows the machine's reading before the review.
    assert [r["extraction_method"] for r in silver_rows(app, grid_snapshot)] == ["grid"] * 5

    # Re-extracting every document never overwrites a reviewed row.
    app.transform("silver", full_refresh=True)
    assert silver_rows(app) == after
    assert app.query(
        f"select rows_with_failed_checks as f, extraction_status as s, "
        f"(select count(*) from silver.extraction_issues where doc_id = '{DOC}') as issues "
        f"from silver.ptr_filings where doc_id = '{DOC}'"
    ).to_pylist() == [{"f": 0, "s": "ok", "issues": 0}]
    assert "No open review items." in cli(home, "review", "list")


def test_a_row_the_machine_missed_can_be_added_as_the_next_line(home):
    app = Lakehouse.open(test_settings(home))
    lines = app.query(
        f"select max(line_no) as n from silver.ptr_transactions where doc_id = '{DOC}'"
    ).to_pylist()[0]["n"]
    cli(
        home,
        "review",
        "enter",
        DOC,
        str(lines + 1),
        "--owner",
        "self",
        "--asset-name",
        "Example Fund",
        "--transaction-type",
        "exchange",
        "--amount",
        "K",
        "--transaction-date",
        "2025-01-09",
        "--notification-date",
        "2025-01-10",
    )
    row = app.query(
        f"select owner, transaction_type, amount_range, amount_low, amount_high, extraction_method "
        f"from silver.ptr_transactions where doc_id = '{DOC}' and line_no = {lines + 1}"
    ).to_pylist()
    assert row == [
        {
            "owner": None,
            "transaction_type": "exchange",
            "amount_range": "Spouse/DC Over $1,000,000",
            "amount_low": 1_000_001,
            "amount_high": None,
            "extraction_method": "manual",
        }
    ]
