"""Senate paper PTRs through the review path: ingest, a queued page per scanned image, rows entered, gold.

Two real paper-filed PTRs (SOURCE.md §3): Dianne Feinstein's 16082eaa (received 05/16/2016, one typed
"TRANSACTIONS (continued)" page, 4 spouse sales) and Richard Burr's 1597ee5f (received 04/10/2019, one
hand-written row, "LRB Partners", with no date and no amount box ticked). Their pages are the site's GIFs
that the scraper joined into a PDF: the test takes each image back out of the PDF at test time and serves
it, as eFD's media host serves the GIF, beside the real 2026 captures (Blumenthal's 7-page paper report
a0d25e8f among them), from a mirror on 127.0.0.1. The search rows of the two reports are the real ones
the Senate Stock Watcher daily summaries kept (names, office, link, date received), titled as eFD titles
paper rows ("Periodic Transaction Report for <date received>", as both captured paper rows are).

The reviewer (the test) enters the human transcriptions' rows, through the library and through the CLI.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from PIL import Image

from lakehouse.app import Lakehouse
from lakehouse.cli import main
from lakehouse.mirror import serve_directory
from tests.conftest import SHARED_DATA, test_settings
from tests.integration.test_senate_efd import PAPER as BLUMENTHAL
from tests.integration.test_senate_efd import build_mirror, captures  # noqa: F401  (captures: a fixture)

pytestmark = [pytest.mark.integration, pytest.mark.slow]

SCANS = SHARED_DATA / "senate" / "efd_paper_2016_2019"
FEINSTEIN, BURR = "16082eaa-ccd7-4857-b237-9991c6842684", "1597ee5f-a104-4740-905e-753b67800a43"


def transcription(report_id: str) -> list[dict]:
    """The transcription's rows as `lakehouse review enter` fields (eFD's words; '' where the form is blank)."""
    data = json.loads((SCANS / f"{report_id}.transcription.json").read_text())
    return [{"owner": r["owner"], "asset_name": r["asset-name"], "ticker": r["ticker"],
             "transaction_type": r["transaction-type"], "transaction_date": r["transaction-date"],
             "amount_range": r["amount"]} for block in data["data"] for r in block["rows"]]


def scanned_page(report_id: str) -> Image.Image:
    """The one page image ImageMagick put into the report's PDF (the site's GIF, as pixels)."""
    from pypdf import PdfReader

    pages = PdfReader(SCANS / f"{report_id}.pdf").pages
    assert len(pages) == 1 and len(pages[0].images) == 1
    return pages[0].images[0].image


def add_paper_reports(root) -> None:
    """The two reports in the mirror: their search rows, view pages and GIF pages."""
    summaries = json.loads((SHARED_DATA / "senate" / "senate_stock_watcher_all_daily_summaries.json").read_text())
    rows = []
    for report_id in (FEINSTEIN, BURR):
        summary = next(s for s in summaries if s["ptr_link"].rstrip("/").endswith(report_id))
        link = f"/search/view/paper/{report_id}/"
        rows.append([summary["first_name"], summary["last_name"], summary["office"],
                     f'<a href="{link}" target="_blank">Periodic Transaction Report for {summary["date_recieved"]}</a>',
                     summary["date_recieved"]])
        media = f"media/paper/{report_id}/000000001.gif"
        (root / media).parent.mkdir(parents=True)
        scanned_page(report_id).save(root / media, format="GIF")
        page = root / link.lstrip("/") / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text('<html><head><title>eFD: View Report</title></head><body><div class="carousel-inner">'
                        f'<img class="filingImage" src="https://efd-media-public.senate.gov/{media}">'
                        "</div></body></html>")
    answers = root / "search" / "report" / "data"
    (answers / "ptr-paper-2016-2019.json").write_text(json.dumps(
        {"draw": 1, "recordsTotal": 2, "recordsFiltered": 2, "data": rows, "result": "ok"}))
    (answers / "index.json").write_text(json.dumps(["ptr-2026-06.json", "ptr-2026-07.json", "ptr-paper-2016-2019.json"]))


@pytest.fixture(scope="module")
def home(tmp_path_factory, captures):  # noqa: F811
    tmp = tmp_path_factory.mktemp("senate-paper")
    root = build_mirror(tmp / "mirror", captures, index=True)
    add_paper_reports(root)
    home = tmp / "lh"
    assert run(home, "ingest", "members", "--source", str(SHARED_DATA / "members")).exit_code == 0
    with serve_directory(root) as url:
        ingest = run(home, "ingest", "senate", "--since", "2016-01-01", "--until", "2026-07-02", "--source", url)
    assert ingest.exit_code == 0, ingest.output
    assert ingest.stdout.splitlines() == [
        "senate 2016-01-01..2026-07-02: 15 reports listed via mirror, 8 fetched (9 paper page images), "
        "0 already held, 7 quarantined"]
    for layer in ("silver", "gold"):
        result = run(home, "transform", layer)
        assert result.exit_code == 0, result.output
    return home


def run(home, *args: str):
    return CliRunner().invoke(main, ["--home", str(home), *args], env={"LAKEHOUSE_REVIEWER": "tester"})


def cli(home, *args: str) -> str:
    result = run(home, *args)
    assert result.exit_code == 0, result.output
    return result.output


def cli_fails(home, *args: str) -> str:
    result = run(home, *args)
    assert result.exit_code != 0, result.output
    return result.output


def paper_filings(app: Lakehouse) -> list[tuple]:
    rows = app.query("select left(report_id, 8) as r, rows_found, extraction_status, issues from silver.senate_filings "
                     "where report_kind = 'paper' order by report_id").to_pylist()
    return [(r["r"], r["rows_found"], r["extraction_status"], r["issues"]) for r in rows]


def manual_rows(app: Lakehouse) -> list[dict]:
    return Lakehouse.open(app.settings).query(
        "select left(report_id, 8) as report, line_no, page_no, owner, ticker, asset_name, asset_type, "
        "transaction_type, transaction_type_text, transaction_date, amount_range, amount_low, amount_high, "
        f"row_checks_failed, extraction_method, reviewed_by from silver.senate_transactions "
        f"where report_id in ('{FEINSTEIN}', '{BURR}') order by report_id, line_no").to_pylist()


FEINSTEIN_ROWS = [  # (line, asset, date, amount, low, high): the transcription's rows, in its order
    (1, "CBRE Group, Inc.", dt.date(2015, 12, 18), "$500,001 - $1,000,000", 500_001, 1_000_000),
    (2, "Career Education Corporation", dt.date(2015, 12, 9), "$15,001 - $50,000", 15_001, 50_000),
    (3, "ITT Educational Services, Inc.", dt.date(2015, 12, 9), "$15,001 - $50,000", 15_001, 50_000),
    (4, "Moneygram International, Inc.", dt.date(2015, 12, 14), "$1,001 - $15,000", 1_001, 15_000),
]


def test_paper_reports_are_queued_a_page_at_a_time_reviewed_and_reach_gold(home, tmp_path):
    from checks.runner import audit_current, make_auditor
    from jobs.silver.review import record_senate_page

    app = Lakehouse.open(test_settings(home))
    # Queued: one item per page image, nothing read yet.
    assert paper_filings(app) == [
        ("1597ee5f", 0, "needs_review", "paper_rows_to_review: 1 of 1 pages"),
        ("16082eaa", 0, "needs_review", "paper_rows_to_review: 1 of 1 pages"),
        ("a0d25e8f", 0, "needs_review", "paper_rows_to_review: 7 of 7 pages")]
    items = [(i.doc_id[:8], i.line_no, i.page, i.chamber, i.status, i.rows_entered) for i in app.review_items()]
    assert items == [("16082eaa", 1, 1, "senate", "open", 0), ("1597ee5f", 1, 1, "senate", "open", 0)] + [
        ("a0d25e8f", n, n, "senate", "open", 0) for n in range(1, 8)]
    listing = cli(home, "review", "list")
    assert f"{FEINSTEIN}  page 1   senate  open" in listing and "9 open;" in listing
    assert "Senate paper report, page 3 of 7: enter every transaction written on it" in listing

    # The page image, as PNG: the very pixels of the scan.
    shown = cli(home, "review", "show", FEINSTEIN, "1", "--image", str(tmp_path / "p1.png"))
    assert f"image: {tmp_path / 'p1.png'}" in shown and "rows entered on this page: 0" in shown
    assert f"https://efdsearch.senate.gov/search/view/paper/{FEINSTEIN}/" in shown
    with Image.open(tmp_path / "p1.png") as png:
        assert png.format == "PNG" and png.size == (2186, 1697)
        assert png.convert("L").tobytes() == scanned_page(FEINSTEIN).convert("L").tobytes()
    gif = next((SHARED_DATA / "senate" / "efd_raw_2026").glob("*.paper-gif-formpage1-000000113.gif"))
    with Image.open(io.BytesIO(run_show(home, BLUMENTHAL, 2, tmp_path))) as png, Image.open(gif) as scan:
        assert png.format == "PNG" and png.size == scan.size  # Blumenthal's page 2 is the real GIF 000000113
        assert png.convert("RGB").tobytes() == scan.convert("RGB").tobytes()

    # Readings that cannot be right are refused with what to do; nothing is written.
    base = ["review", "enter", BURR, "1", "--asset-name", "LRB Partners", "--transaction-type", "Sale",
            "--transaction-date", "", "--amount", ""]
    assert "owner 'Trust': use Self, Spouse, Joint or Child" in cli_fails(home, *base, "--owner", "Trust")
    assert "amount '$1,001 - $15,001': give the bucket as eFD prints it" in cli_fails(
        home, *base[:-1], "$1,001 - $15,001")
    assert "transaction_date '12/32/2015': give the date as MM/DD/YYYY or YYYY-MM-DD" in cli_fails(
        home, *base[:-3], "12/32/2015", "--amount", "")
    assert "A Senate row needs transaction_type, transaction_date, amount_range" in cli_fails(
        home, "review", "enter", BURR, "1", "--asset-name", "LRB Partners")
    assert "Unknown field(s) notification_date for a Senate row" in cli_fails(
        home, *base, "--notification-date", "2019-04-01")
    assert f"{BURR} has pages 1..1 in the review queue" in cli_fails(home, *["review", "enter", BURR, "2"], *base[4:])
    assert f"{BURR} page 1 has no row 7 to replace" in cli_fails(home, *base, "--line", "7")
    assert manual_rows(app) == []

    # Feinstein through the library: the whole page at once.
    review = record_senate_page(app.store, FEINSTEIN, 1, transcription(FEINSTEIN), "tester",
                                auditor=make_auditor(app.store, app.settings, run_id="review-feinstein"))
    assert [(e.line_no, e.problems) for e in review.entries] == [(n, ()) for n in range(1, 5)] and review.reviewed

    # Burr through the CLI: the form leaves the date and the amount blank. A first misreading of the owner
    # is corrected by entering the row again by its line.
    [burr] = transcription(BURR)
    assert (burr["transaction_date"], burr["amount_range"]) == ("", "")
    fields = ["--asset-name", burr["asset_name"], "--transaction-type", burr["transaction_type"],
              "--transaction-date", burr["transaction_date"], "--amount", burr["amount_range"]]
    assert "line 1: JT | LRB Partners" in cli(home, "review", "enter", BURR, "1", "--owner", "Joint", *fields)
    entered = cli(home, "review", "enter", BURR, "1", "--line", "1", "--owner", burr["owner"], *fields)
    assert entered.startswith(f"{BURR} page 1: row 1 recorded with problems unparseable_transaction_date, "
                              "unknown_amount (it stays in silver, out of gold)")
    assert "line 1: SP | LRB Partners | - | sale | - | -  problems: unparseable_transaction_date,unknown_amount" \
        in entered
    assert cli(home, "review", "confirm", BURR, "1").startswith(f"{BURR} page 1: reviewed with 1 row(s)")
    # Blumenthal's first page is his office's cover letter: no transactions on it.
    assert cli(home, "review", "confirm", BLUMENTHAL, "1").startswith(f"{BLUMENTHAL} page 1: reviewed with 0 row(s)")

    listing = cli(home, "review", "list")
    assert "6 open;" in listing and FEINSTEIN not in listing and BURR not in listing
    done = cli(home, "review", "list", "--all")
    assert done.count("reviewed by tester") == 3 and f"{BURR}  page 1   senate  reviewed by tester" in done

    expected = [dict(report="1597ee5f", line_no=1, page_no=1, owner="SP", ticker=None, asset_name="LRB Partners",
                     asset_type=None, transaction_type="sale", transaction_type_text="Sale", transaction_date=None,
                     amount_range=None, amount_low=None, amount_high=None,
                     row_checks_failed="unparseable_transaction_date,unknown_amount", extraction_method="manual",
                     reviewed_by="tester")] + [
        dict(report="16082eaa", line_no=n, page_no=1, owner="SP", ticker=None, asset_name=name, asset_type=None,
             transaction_type="sale", transaction_type_text="Sale", transaction_date=day, amount_range=amount,
             amount_low=low, amount_high=high, row_checks_failed="", extraction_method="manual", reviewed_by="tester")
        for n, name, day, amount, low, high in FEINSTEIN_ROWS]
    assert sorted(manual_rows(app), key=lambda r: (r["report"], r["line_no"])) == \
        sorted(expected, key=lambda r: (r["report"], r["line_no"]))
    assert paper_filings(app) == [
        ("1597ee5f", 1, "needs_review", "rows_with_problems: 1"),
        ("16082eaa", 4, "ok", ""),
        ("a0d25e8f", 0, "needs_review", "paper_rows_to_review: 6 of 7 pages")]
    for report in audit_current(app.store, run_id="after-senate-review"):  # the next run's audits stay green
        assert report.passed, report.summary()

    app.transform("gold")
    gold = app.query(
        "select doc_id, line_no, chamber, bioguide_id, owner, asset_name, transaction_type, transaction_date, "
        "filing_date, amount_range, amount_low, amount_high, extraction_method from gold.fact_transactions "
        f"where doc_id in ('{FEINSTEIN}', '{BURR}') order by doc_id, line_no").to_pylist()
    assert gold == [
        dict(doc_id=FEINSTEIN, line_no=n, chamber="senate", bioguide_id="F000062", owner="SP", asset_name=name,
             transaction_type="sale", transaction_date=day, filing_date=dt.date(2016, 5, 16), amount_range=amount,
             amount_low=low, amount_high=high, extraction_method="manual")
        for n, name, day, amount, low, high in FEINSTEIN_ROWS]  # Burr's row waits in silver: no date, no amount

    # Reading every report again keeps what people entered, and the pages they marked read.
    before = manual_rows(app)
    app.transform("silver", full_refresh=True)
    assert manual_rows(app) == before
    assert paper_filings(app) == [
        ("1597ee5f", 1, "needs_review", "rows_with_problems: 1"),
        ("16082eaa", 4, "ok", ""),
        ("a0d25e8f", 0, "needs_review", "paper_rows_to_review: 6 of 7 pages")]
    assert cli(home, "review", "list", "--all") == done
    app.transform("gold")
    assert app.query("select count(*) as n, min(extraction_method) as m from gold.fact_transactions "
                     f"where doc_id = '{FEINSTEIN}'").to_pylist() == [{"n": 4, "m": "manual"}]


def run_show(home, report_id: str, page: int, tmp_path) -> bytes:
    path = tmp_path / f"{report_id}-{page}.png"
    cli(home, "review", "show", report_id, str(page), "--image", str(path))
    return path.read_bytes()
