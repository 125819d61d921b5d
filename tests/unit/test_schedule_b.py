"""jobs.silver.schedule_b on the real terminated-filer report T_10071977 and on reports without a Schedule B.

Expected values were read off the PDF itself (``pdftotext -layout`` and the rendered pages: the
Cap. Gains boxes of the sales are drawn, ticked on the NGL and OUNZ sales, empty on the other
sales; purchases have no box).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobs.silver.ptr_extraction import CONTRACT_KEYS
from jobs.silver.schedule_b import (
    SCHEDULE_B_VERSION,
    PtrExtractionError,
    ScheduleBRow,
    extract_schedule_b,
)
from lakehouse.cli import main

D = dt.date
EQ = "Equitable Advisors Investment Account"
BW = "Birch Creek Properties \u21d2 Westchester Properties"
NGL = "NGL ENERGY PARTNERS LP Common Units representing Limited Partner Interests"
OUNZ = "OUNZ Van Eck Gold Trust ETF"
BUCKETS = {
    "1k": ("$1,001 - $15,000", 1_001, 15_000),
    "15k": ("$15,001 - $50,000", 15_001, 50_000),
    "50k": ("$50,001 - $100,000", 50_001, 100_000),
    "100k": ("$100,001 - $250,000", 100_001, 250_000),
    "250k": ("$250,001 - $500,000", 250_001, 500_000),
    "500k": ("$500,001 - $1,000,000", 500_001, 1_000_000),
    "5m": ("$5,000,001 - $25,000,000", 5_000_001, 25_000_000),
}


def row(n, owner, asset, ticker, code, tx, date, bucket, cap, parent, page, *, loc=None, desc=None) -> ScheduleBRow:
    label, low, high = BUCKETS[bucket]
    return ScheduleBRow(
        line_no=n, owner=owner, asset_name=asset, ticker=ticker, asset_type=code, transaction_type=tx,
        transaction_date=date, amount_range=label, amount_low=low, amount_high=high, cap_gains_over_200=cap,
        subholding_of=parent, location=loc, description=desc, page=page, checks_failed=(), comment=None,
    )


def ngl(n, owner, tx, date, bucket, page) -> ScheduleBRow:
    return row(n, owner, NGL, "NGL", "ST", tx, date, bucket, True, EQ, page)


def ounz(n, tx, date, bucket, page, loc, desc, *, asset=OUNZ) -> ScheduleBRow:
    return row(n, "JT", asset, None, "OT", tx, date, bucket, True if tx == "sale" else None, EQ, page,
               loc=loc, desc=desc)


EXPECTED = [
    row(1, "JT", "Rare Coins", None, "CO", "partial_sale", D(2025, 4, 22), "15k", False, None, 5),
    row(2, "JT", "813 NPB", None, "RP", "sale", D(2024, 10, 25), "5m", False, "Birch Creek Properties", 6,
        loc="North Palm Beach, FL, US"),
    row(3, None, "1 oz Gold American Eagle", None, "PM", "purchase", D(2024, 10, 13), "50k", None,
        "IRA Innovations Self Directed IRA", 6),
    row(4, "JT", "Property Oakdale", None, "RP", "sale", D(2025, 4, 22), "50k", False, BW, 6, loc="Nashville, TN, US"),
    row(5, "JT", "Property Richmond Hill", None, "RP", "sale", D(2025, 2, 21), "15k", False, BW, 6,
        loc="Nashville, TN, US"),
    ngl(6, "JT", "sale", D(2025, 1, 2), "15k", 6),
    ngl(7, "JT", "sale", D(2025, 1, 28), "50k", 6),
    ngl(8, "JT", "sale", D(2025, 1, 30), "500k", 6),
    ngl(9, "JT", "sale", D(2025, 2, 3), "250k", 6),
    ounz(10, "purchase", D(2025, 1, 30), "500k", 6, "US", "Exchange traded ETF"),
    ounz(11, "purchase", D(2025, 2, 3), "250k", 6, "US", "Van Eck exchange traded fund gold trust"),
    ngl(12, "JT", "sale", D(2025, 2, 18), "100k", 6),
    ounz(13, "purchase", D(2025, 2, 18), "100k", 7, "US", "OUNZ Van Eck Gold Trust ETF,"),
    ounz(14, "purchase", D(2025, 2, 20), "15k", 7, "US", "OUNZ Van Eck Gold Trust ETF"),
    ngl(15, "JT", "sale", D(2025, 2, 28), "15k", 7),
    ounz(16, "sale", D(2025, 4, 1), "15k", 7, "Clarksville, TN, US", "sold shares in OUNZ Van Eck gold trust ETF"),
    ounz(17, "sale", D(2025, 4, 29), "15k", 7, "US", "sale of OUNZ exchange traded fund"),
    ounz(18, "sale", D(2025, 5, 28), "50k", 7, "Clarksville, TN, US", "sale of ETF OUNZ",
         asset="OUNZ Van Eck Gold Trust ETF, 100% Interest"),
    ounz(19, "sale", D(2025, 6, 24), "50k", 7, "US", "sale of ETF exchange traded fund"),
    ngl(20, None, "partial_sale", D(2024, 1, 11), "100k", 7),
    ngl(21, None, "partial_sale", D(2024, 1, 29), "100k", 7),
    ngl(22, None, "partial_sale", D(2024, 2, 26), "50k", 7),
    ngl(23, None, "partial_sale", D(2024, 3, 11), "15k", 8),
    ngl(24, None, "partial_sale", D(2024, 4, 1), "100k", 8),
    ngl(25, None, "partial_sale", D(2024, 4, 25), "100k", 8),
    ngl(26, None, "partial_sale", D(2024, 5, 7), "250k", 8),
    ngl(27, None, "partial_sale", D(2024, 5, 10), "15k", 8),
    ngl(28, None, "partial_sale", D(2024, 6, 3), "100k", 8),
    ngl(29, None, "partial_sale", D(2024, 7, 1), "50k", 8),
    ngl(30, "JT", "partial_sale", D(2024, 7, 24), "15k", 8),
    ngl(31, "JT", "partial_sale", D(2024, 8, 5), "50k", 8),
    ngl(32, "JT", "partial_sale", D(2024, 8, 28), "50k", 8),
    ngl(33, "JT", "partial_sale", D(2024, 9, 17), "1k", 8),
    ngl(34, "JT", "partial_sale", D(2024, 9, 30), "100k", 8),  # continues on page 9 below the header
    ngl(35, "JT", "partial_sale", D(2024, 10, 16), "50k", 9),
    ngl(36, "JT", "partial_sale", D(2024, 10, 24), "50k", 9),
    ngl(37, "JT", "partial_sale", D(2024, 12, 3), "15k", 9),
]


@pytest.fixture(scope="module")
def t_pdf(house_data: Path) -> bytes:
    return (house_data / "T_10071977.pdf").read_bytes()


@pytest.fixture(scope="module")
def t_doc(t_pdf):
    return extract_schedule_b(t_pdf)


def test_every_schedule_b_row_of_t_10071977(t_doc):
    assert len(t_doc.rows) == 37
    for got, want in zip(t_doc.rows, EXPECTED, strict=True):
        assert got == want


def test_t_10071977_document(t_doc):
    assert (t_doc.pages, t_doc.schedule_found, t_doc.issues, t_doc.method) == (11, True, (), "text")
    header = t_doc.header
    assert (header.doc_id, header.filer_name, header.status, header.state_district) == (
        "10071977", "Hon. Mark Dr Green", "Former Member", "TN07")
    assert (header.signature_name, header.signature_date) == ("Hon. Mark Dr Green", D(2025, 8, 12))
    assert SCHEDULE_B_VERSION == "schedule-b/1"


def test_t_10071977_summary(t_doc):
    rows = t_doc.rows
    by_type = {t: sum(r.transaction_type == t for r in rows) for t in ("purchase", "sale", "partial_sale")}
    assert by_type == {"purchase": 5, "sale": 13, "partial_sale": 19}
    assert sum(r.amount_low for r in rows) == 8_266_037  # the lower bounds of the 37 buckets
    # Schedule A (assets) and the investment-vehicle list also use '⇒' and L:/D: lines: none leak in.
    assert not any("\u21d2" in r.asset_name for r in rows)
    assert all(r.cap_gains_over_200 is None for r in rows if r.transaction_type == "purchase")


@pytest.mark.parametrize("name", ["A_10072764.pdf", "H_10066607.pdf", "C_medium_10063302.pdf", "PTR_sample3.pdf"])
def test_reports_without_schedule_b_give_no_rows(house_data, name):
    doc = extract_schedule_b((house_data / name).read_bytes())
    assert (doc.rows, doc.schedule_found) == ((), False)
    assert "no_rows_found" not in doc.issues


def test_a_paper_report_has_no_text_layer(house_data):
    doc = extract_schedule_b((house_data / "O_9115661.pdf").read_bytes())
    assert (doc.rows, doc.issues) == ((), ("no_text_layer",))


def test_not_a_pdf_is_an_error():
    with pytest.raises(PtrExtractionError, match="not a PDF"):
        extract_schedule_b(b"<html>404 - File or directory not found</html>")


def test_cli_extract_ptr_prints_schedule_b_with_the_contract_keys(house_data):
    result = CliRunner().invoke(main, ["extract", "ptr", str(house_data / "T_10071977.pdf")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 37
    assert all(tuple(line) == CONTRACT_KEYS for line in lines)
    assert lines[1] == {
        "doc_id": "10071977", "line_no": 2, "owner": "JT", "asset_name": "813 NPB", "ticker": None,
        "asset_type": "RP", "transaction_type": "sale", "transaction_date": "2024-10-25", "notification_date": None,
        "amount_low": 5_000_001, "amount_high": 25_000_000, "cap_gains_over_200": False, "filing_status": None,
        "subholding_of": "Birch Creek Properties", "description": None,
    }


def test_cli_extract_schedule_b_includes_location(house_data):
    result = CliRunner().invoke(main, ["extract", "schedule-b", str(house_data / "T_10071977.pdf")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 37
    assert (lines[3]["subholding_of"], lines[3]["asset_name"], lines[3]["location"]) == (
        BW, "Property Oakdale", "Nashville, TN, US")
    assert lines[3]["amount_range"] == "$50,001 - $100,000"
    none = CliRunner().invoke(main, ["extract", "schedule-b", str(house_data / "A_10072764.pdf")])
    assert none.exit_code == 0 and none.stdout == ""
    assert "no_schedule_b" in none.stderr


def test_job_rows_of_a_report(t_pdf, house_data):
    """What the silver job writes per A/T report: rows, or exactly one issue when it cannot be read."""
    from jobs.silver.ptr_extraction import _schedule_b_rows_of, extract_report

    now = dt.datetime(2025, 9, 1, tzinfo=dt.UTC)
    rows, issues = [], []
    _schedule_b_rows_of(extract_report("10071977", 2025, "T", "sha", t_pdf), now, rows, issues)
    assert (len(rows), issues) == (37, [])
    assert rows[0]["filing_type"] == "T" and rows[0]["extractor_version"] == SCHEDULE_B_VERSION
    assert "notification_date" not in rows[0] and rows[1]["location"] == "North Palm Beach, FL, US"

    rows, issues = [], []
    _schedule_b_rows_of(extract_report("10099999", 2025, "A", "sha", b"not a pdf"), now, rows, issues)
    assert rows == [] and len(issues) == 1
    assert (issues[0]["reason_code"], issues[0]["severity"], issues[0]["line_no"]) == ("unreadable_pdf", "failed", None)

    rows, issues = [], []
    a_report = (house_data / "A_10072764.pdf").read_bytes()
    _schedule_b_rows_of(extract_report("10072764", 2025, "A", "sha", a_report), now, rows, issues)
    assert (rows, issues) == ([], [])  # an amendment without Schedule B: zero rows, no issue

    rows, issues = [], []
    paper = (house_data / "O_9115661.pdf").read_bytes()
    _schedule_b_rows_of(extract_report("9115661", 2025, "T", "sha", paper), now, rows, issues)
    assert rows == [] and [i["reason_code"] for i in issues] == ["no_text_layer"]
