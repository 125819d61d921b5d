"""jobs.silver.ptr_pdf on the three real e-filed PTRs, a synthetic layout, and inputs that are not PTRs.

Expected values were read off the PDFs themselves (``pdftotext -layout`` and the rendered pages).
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

from jobs.silver.ptr_pdf import (
    EXTRACTOR_VERSION,
    PtrDocument,
    PtrExtractionError,
    PtrHeader,
    PtrRow,
    extract_ptr,
    has_text_layer,
)

D = dt.date


@pytest.fixture(scope="module")
def pdfs(house_data: Path) -> dict[str, bytes]:
    names = {"pelosi": "P_20026590_real.pdf", "greene2": "PTR_sample2.pdf", "greene3": "PTR_sample3.pdf"}
    return {key: (house_data / name).read_bytes() for key, name in names.items()}


@pytest.fixture(scope="module")
def docs(pdfs: dict[str, bytes]) -> dict[str, PtrDocument]:
    return {key: extract_ptr(data) for key, data in pdfs.items()}


def row(
    line_no,
    owner,
    asset,
    ticker,
    code,
    tx,
    date,
    notified,
    amount,
    low,
    high,
    *,
    page=1,
    status="New",
    sub=None,
    desc=None,
    cap=False,
    failed=(),
) -> PtrRow:
    return PtrRow(
        line_no=line_no,
        owner=owner,
        asset_name=asset,
        ticker=ticker,
        asset_type=code,
        transaction_type=tx,
        transaction_date=date,
        notification_date=notified,
        amount_range=amount,
        amount_low=low,
        amount_high=high,
        cap_gains_over_200=cap,
        filing_status=status,
        subholding_of=sub,
        description=desc,
        page=page,
        checks_failed=failed,
    )


# fmt: off
CALLS_150 = "Purchased 50 call options with a strike price of $150 and an expiration date of 1/16/26."
PELOSI_ROWS = (
    row(1, "SP", "Alphabet Inc. - Class A Common Stock", "GOOGL", "OP", "purchase", D(2025, 1, 14),
        D(2025, 1, 14), "$250,001 - $500,000", 250_001, 500_000, desc=CALLS_150),
    row(2, "SP", "Amazon.com, Inc. - Common Stock", "AMZN", "OP", "purchase", D(2025, 1, 14), D(2025, 1, 14),
        "$250,001 - $500,000", 250_001, 500_000, desc=CALLS_150),
    # The two partial sales have the Cap. Gains box ticked (a tick path drawn in the box).
    row(3, "SP", "Apple Inc. - Common Stock", "AAPL", "ST", "partial_sale", D(2024, 12, 31), D(2024, 12, 31),
        "$5,000,001 - $25,000,000", 5_000_001, 25_000_000, desc="Sold 31,600 shares.", cap=True),
    row(4, "SP", "NVIDIA Corporation - Common Stock", "NVDA", "ST", "partial_sale", D(2024, 12, 31),
        D(2024, 12, 31), "$1,000,001 - $5,000,000", 1_000_001, 5_000_000, desc="Sold 10,000 shares.",
        cap=True),
    row(5, "SP", "NVIDIA Corporation - Common Stock", "NVDA", "ST", "purchase", D(2024, 12, 20),
        D(2024, 12, 20), "$500,001 - $1,000,000", 500_001, 1_000_000,
        desc="Exercised 500 call options purchased 11/22/23 (50,000 shares) at a strike price of $12 with an "
             "expiration date of 12/20/24."),
    # FILING STATUS at the foot of page 1, DESCRIPTION below the repeated header of page 2.
    row(6, "SP", "NVIDIA Corporation - Common Stock", "NVDA", "OP", "purchase", D(2025, 1, 14),
        D(2025, 1, 14), "$250,001 - $500,000", 250_001, 500_000,
        desc="Purchased 50 call options with a strike price of $80 and an expiration date of 1/16/26."),
    row(7, "SP", "Palo Alto Networks, Inc.", "PANW", "ST", "purchase", D(2024, 12, 20), D(2024, 12, 20),
        "$1,000,001 - $5,000,000", 1_000_001, 5_000_000, page=2,
        desc="Exercised 140 call options purchased 2/12/24 & 2/21/24 (14,000 shares) at a strike price of "
             "$100 with an expiration date of 12/20/24."),
    row(8, "SP", "Tempus AI, Inc. - Class A Common Stock", "TEM", "OP", "purchase", D(2025, 1, 14),
        D(2025, 1, 14), "$50,001 - $100,000", 50_001, 100_000, page=2,
        desc="Purchased 50 call options with a strike price of $20 and an expiration date of 1/16/26."),
    row(9, "SP", "Vistra Corp. Common Stock", "VST", "OP", "purchase", D(2025, 1, 14), D(2025, 1, 14),
        "$500,001 - $1,000,000", 500_001, 1_000_000, page=2,
        desc="Purchased 50 call options with a strike price of $50 and an expiration date of 1/16/26."),
)

B1 = ("$1,001 - $15,000", 1_001, 15_000)
GREENE3_ROWS = (
    row(1, None, "CrowdStrike Holdings, Inc. - Class A Common Stock", "CRWD", "ST", "purchase", D(2025, 3, 7),
        D(2025, 3, 7), *B1),
    row(2, None, "Dollar General Corporation Common Stock", "DG", "ST", "purchase", D(2025, 3, 7),
        D(2025, 3, 7), *B1),
    row(3, None, "Dollar General Corporation Common Stock", "DG", "ST", "purchase", D(2025, 3, 3),
        D(2025, 3, 4), *B1),
    row(4, None, "Goldman Sachs Group, Inc.", "GS", "ST", "purchase", D(2025, 3, 7), D(2025, 3, 7), *B1),
    row(5, None, "Impinj, Inc. - Common Stock", "PI", "ST", "purchase", D(2025, 3, 3), D(2025, 3, 4), *B1),
    row(6, None, "iShares Bitcoin Trust ETF", "IBIT", "ST", "purchase", D(2025, 3, 3), D(2025, 3, 4),
        "$15,001 - $50,000", 15_001, 50_000),
    row(7, None, "Tesla, Inc. - Common Stock", "TSLA", "ST", "purchase", D(2025, 3, 7), D(2025, 3, 7), *B1),
)

# PTR_sample2, in document order: ticker, transaction and notification date (2025), SUBHOLDING OF, page.
GREENE2_TABLE = [
    ("AMD", "01-08", "01-10", None, 1),
    ("AMD", "01-08", "01-10", "DG Trust", 1),
    ("AMD", "01-08", "01-10", "LGS Trust", 1),
    ("AMD", "01-21", "01-22", None, 1),
    ("AMD", "01-08", "01-10", "TGR Trust", 1),
    ("GOOG", "01-08", "01-10", "DG Trust", 1),
    ("GOOG", "01-08", "01-10", "LGS Trust", 1),
    ("GOOG", "01-08", "01-10", "TGR Trust", 2),
    ("AMZN", "01-08", "01-10", "LGS Trust", 2),
    ("AMZN", "01-08", "01-10", "DG Trust", 2),
    ("AMZN", "01-08", "01-10", None, 2),
    ("AMZN", "01-08", "01-10", "TGR Trust", 2),
    ("AMZN", "01-21", "01-22", None, 2),
    ("ASML", "01-08", "01-10", None, 2),
    ("BRK.B", "01-08", "01-10", "DG Trust", 2),
    ("BRK.B", "01-08", "01-10", "TGR Trust", 2),
    ("BRK.B", "01-08", "01-10", "LGS Trust", 3),
    ("CAH", "01-21", "01-22", None, 3),
    ("CAT", "01-08", "01-10", "LGS Trust", 3),
    ("CAT", "01-08", "01-10", "TGR Trust", 3),
    ("CAT", "01-08", "01-10", "DG Trust", 3),
    ("DVN", "01-21", "01-23", None, 3),
    ("LLY", "01-21", "01-22", None, 3),
    ("HD", "01-08", "01-10", None, 3),
    ("INTC", "01-08", "01-10", "TGR Trust", 3),
    ("INTC", "01-08", "01-10", "LGS Trust", 3),
    ("IBIT", "01-08", "01-10", "DG Trust", 4),
    ("JNJ", "01-08", "01-10", "LGS Trust", 4),
    ("JNJ", "01-08", "01-10", "TGR Trust", 4),
    ("JNJ", "01-08", "01-10", None, 4),
    ("JPM", "01-08", "01-10", None, 4),
    ("JPM", "01-08", "01-10", "DG Trust", 4),
    ("JPM", "01-08", "01-10", "TGR Trust", 4),
    ("JPM", "01-08", "01-10", "LGS Trust", 4),
    ("KMI", "01-21", "01-23", None, 4),
    ("META", "01-21", "01-22", None, 4),
    ("NEE", "01-21", "01-22", None, 5),
    ("NSC", "01-21", "01-22", None, 5),
    ("NVDA", "01-21", "01-23", None, 5),
    ("NVDA", "01-08", "01-10", "DG Trust", 5),
    ("OXY", "01-21", "01-22", None, 5),
    ("ODFL", "01-21", "01-22", None, 5),
    ("PANW", "01-21", "01-22", None, 5),
    ("PANW", "01-08", "01-10", "DG Trust", 5),
    ("PANW", "01-08", "01-10", None, 5),
    ("SCCO", "01-08", "01-10", None, 5),
    ("TSLA", "01-08", "01-10", None, 5),
    ("TSLA", "01-08", "01-10", "DG Trust", 6),
    ("TSLA", "01-08", "01-10", "LGS Trust", 6),
    ("TSLA", "01-08", "01-10", "TGR Trust", 6),
    ("HSY", "01-08", "01-10", None, 6),
    ("UPS", "01-08", "01-10", "TGR Trust", 6),
    ("UPS", "01-08", "01-10", "LGS Trust", 6),
    (None, "01-08", "01-10", None, 6),
    (None, "01-21", "01-22", None, 6),
    ("V", "01-21", "01-22", None, 6),
]
GREENE2_NAMES = {
    "AMD": "Advanced Micro Devices, Inc.",
    "GOOG": "Alphabet Inc. - Class C Capital Stock",
    "AMZN": "Amazon.com, Inc. - Common Stock",
    "ASML": "ASML Holding N.V. - New York Registry Shares",
    "BRK.B": "Berkshire Hathaway Inc. New Common Stock",
    "CAH": "Cardinal Health, Inc. Common Stock",
    "CAT": "Caterpillar, Inc. Common Stock",
    "DVN": "Devon Energy Corporation Common Stock",
    "LLY": "Eli Lilly and Company Common Stock",
    "HD": "Home Depot, Inc.",
    "INTC": "Intel Corporation - Common Stock",
    "IBIT": "iShares Bitcoin Trust ETF",
    "JNJ": "Johnson & Johnson Common Stock",
    "JPM": "JP Morgan Chase & Co. Common Stock",
    "KMI": "Kinder Morgan, Inc. Common Stock",
    "META": "Meta Platforms, Inc. - Class A Common Stock",
    "NEE": "NextEra Energy, Inc. Common Stock",
    "NSC": "Norfolk Southern Corporation Common Stock",
    "NVDA": "NVIDIA Corporation - Common Stock",
    "OXY": "Occidental Petroleum Corporation Common Stock",
    "ODFL": "Old Dominion Freight Line, Inc. - Common Stock",
    "PANW": "Palo Alto Networks, Inc.",
    "SCCO": "Southern Copper Corporation Common Stock",
    "TSLA": "Tesla, Inc. - Common Stock",
    "HSY": "The Hershey Company Common Stock",
    "UPS": "United Parcel Service, Inc. Common Stock",
    None: "US Treasury Bill",
    "V": "Visa Inc.",
}
# fmt: on


def test_version_is_declared():
    assert EXTRACTOR_VERSION == "ptr-pdf/2"


def test_pelosi_every_row_and_field(docs):
    doc = docs["pelosi"]
    assert doc.rows == PELOSI_ROWS
    assert (doc.pages, doc.method, doc.issues) == (2, "text", ())


def test_pelosi_header(docs):
    assert docs["pelosi"].header == PtrHeader(
        doc_id="20026590",
        filer_name="Hon. Nancy Pelosi",
        status="Member",
        state_district="CA11",
        ipo_answer=False,
        signature_name="Hon. Nancy Pelosi",
        signature_date=D(2025, 1, 17),
    )


def test_greene_sample3_every_row_and_field(docs):
    doc = docs["greene3"]
    assert doc.rows == GREENE3_ROWS
    assert [r.ticker for r in doc.rows] == ["CRWD", "DG", "DG", "GS", "PI", "IBIT", "TSLA"]
    assert (doc.pages, doc.method, doc.issues) == (2, "text", ())
    assert doc.header == PtrHeader(
        doc_id="20027933",
        filer_name="Hon. Marjorie Taylor Greene",
        status="Member",
        state_district="GA14",
        ipo_answer=False,
        signature_name="Hon. Marjorie Taylor Greene",
        signature_date=D(2025, 3, 9),
    )


def test_greene_sample2_all_56_rows_in_order(docs):
    doc = docs["greene2"]
    assert len(doc.rows) == 56
    assert [r.line_no for r in doc.rows] == list(range(1, 57))
    got = [
        (
            r.ticker,
            r.transaction_date.strftime("%m-%d"),
            r.notification_date.strftime("%m-%d"),
            r.subholding_of,
            r.page,
        )
        for r in doc.rows
    ]
    assert got == GREENE2_TABLE
    assert {r.transaction_date.year for r in doc.rows} == {2025}
    assert [r.asset_name for r in doc.rows] == [GREENE2_NAMES[r.ticker] for r in doc.rows]
    assert Counter(r.amount_range for r in doc.rows) == {
        "$1,001 - $15,000": 54,
        "$100,001 - $250,000": 1,
        "$50,001 - $100,000": 1,
    }
    assert {
        (r.owner, r.transaction_type, r.filing_status, r.description, r.cap_gains_over_200, r.checks_failed)
        for r in doc.rows
    } == {(None, "purchase", "New", None, False, ())}
    assert Counter(r.asset_type for r in doc.rows) == {"ST": 54, "GS": 2}
    assert (doc.pages, doc.method, doc.issues) == (7, "text", ())
    assert doc.header == PtrHeader(
        doc_id="20026658",
        filer_name="Hon. Marjorie Taylor Greene",
        status="Member",
        state_district="GA14",
        ipo_answer=False,
        signature_name="Hon. Marjorie Taylor Greene",
        signature_date=D(2025, 1, 27),
    )


def test_greene_sample2_every_field_of_every_row(docs):
    """All 56 rows field by field: purchases by the filer, 'New', no description, every Cap. Gains
    box empty (as drawn on the pages); stock, but for the two Treasury bills (government securities)."""
    amounts = {54: ("$100,001 - $250,000", 100_001, 250_000), 55: ("$50,001 - $100,000", 50_001, 100_000)}

    def day(month_day: str) -> dt.date:
        month, dom = month_day.split("-")
        return D(2025, int(month), int(dom))

    expected = tuple(
        row(n, None, GREENE2_NAMES[ticker], ticker, "ST" if ticker else "GS", "purchase", day(tx), day(note),
            *amounts.get(n, B1), page=page, sub=sub)
        for n, (ticker, tx, note, sub, page) in enumerate(GREENE2_TABLE, 1)
    )
    assert docs["greene2"].rows == expected


def test_greene_sample2_dotted_ticker_and_treasury_bills(docs):
    rows = docs["greene2"].rows
    assert rows[14] == row(
        15,
        None,
        "Berkshire Hathaway Inc. New Common Stock",
        "BRK.B",
        "ST",
        "purchase",
        D(2025, 1, 8),
        D(2025, 1, 10),
        *B1,
        page=2,
        sub="DG Trust",
    )
    assert rows[53:55] == (
        row(
            54,
            None,
            "US Treasury Bill",
            None,
            "GS",
            "purchase",
            D(2025, 1, 8),
            D(2025, 1, 10),
            "$100,001 - $250,000",
            100_001,
            250_000,
            page=6,
        ),
        row(
            55,
            None,
            "US Treasury Bill",
            None,
            "GS",
            "purchase",
            D(2025, 1, 21),
            D(2025, 1, 22),
            "$50,001 - $100,000",
            50_001,
            100_000,
            page=6,
        ),
    )


def test_greene_sample2_identical_looking_rows_are_all_kept(docs):
    rows = docs["greene2"].rows
    looks = Counter(
        (r.asset_name, r.ticker, r.transaction_type, r.transaction_date, r.notification_date, r.amount_range)
        for r in rows
    )
    repeated = {k: n for k, n in looks.items() if n > 1}
    assert (len(repeated), sum(repeated.values())) == (11, 34)
    # ... and SUBHOLDING OF tells most of them apart: DG, LGS and TGR Trust ten rows each.
    assert Counter(r.subholding_of for r in rows) == {
        None: 26,
        "DG Trust": 10,
        "LGS Trust": 10,
        "TGR Trust": 10,
    }


def test_rows_split_over_a_page_break_keep_their_sub_lines(docs):
    rows = docs["greene2"].rows
    # Row 7 starts at the foot of page 1; '(GOOG) [ST]' and its SUBHOLDING OF sit on page 2.
    assert (rows[6].page, rows[6].ticker, rows[6].asset_type, rows[6].subholding_of) == (
        1,
        "GOOG",
        "ST",
        "LGS Trust",
    )
    # Row 26's SUBHOLDING OF is the first line of page 4; row 36's FILING STATUS the first of page 5.
    assert (rows[25].page, rows[25].subholding_of) == (3, "LGS Trust")
    assert (rows[35].page, rows[35].ticker, rows[35].filing_status) == (4, "META", "New")


def test_nothing_after_the_table_becomes_a_row(docs):
    # The INVESTMENT VEHICLE DETAILS list names the three trusts; none of them is a row.
    assert not any("Trust" in r.asset_name and r.ticker is None for r in docs["greene2"].rows)
    assert all(
        "Filing ID" not in r.asset_name and "Digitally" not in (r.description or "")
        for doc in docs.values()
        for r in doc.rows
    )


def synthetic_ptr() -> bytes:
    """A PTR drawn with fpdf2 (another producer, Helvetica, plain-text labels) with the rarer cases.

    It has what the 2025 samples lack: owners JT/DC, lower-case letters where the 2021 text layers
    map capitals (here really printed so: Helvetica has no glyph ids to correct them), a type code
    glued to the name, 'S (partial)' wrapped, check-box glyphs, a single-value amount,
    'Over $50,000,000', COMMENTS, a glyph-style IPO answer, and an anchor-like line after the table.
    """
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)

    def put(x: float, y: float, text: str, size: float = 9.0, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.text(x, y, text)

    def header(y: float) -> None:
        for x, word in (
            (25, "ID"),
            (65, "Owner"),
            (104, "Asset"),
            (261, "Transaction"),
            (325, "Date"),
            (380, "Notification"),
            (444, "Amount"),
            (525, "Cap."),
        ):
            put(x, y, word, 9.4, "B")
        for x, word in ((261, "Type"), (380, "Date"), (525, "Gains >")):
            put(x, y + 11, word, 9.4, "B")
        put(525, y + 22, "$200?", 9.4, "B")

    pdf.add_page()
    put(483, 80, "Filing ID #20012345")
    put(117, 105, "PERIODIC TRANSACTION REPORT", 16, "B")
    put(22, 198, "Name:", 9.7, "B")
    put(99, 198, "Hon. Test Filer", 9.7)
    put(22, 214, "Status:", 9.7, "B")
    put(99, 214, "Member", 9.7)
    put(22, 230, "State/District:", 9.7, "B")
    put(99, 230, "ZZ01", 9.7)
    header(290)
    put(65, 335, "JT")
    put(104, 335, "Anaheim CA Elec Util Resources[gS]")
    put(261, 335, "S")
    put(325, 335, "02/01/2021")
    put(380, 335, "02/03/2021")
    put(444, 335, "$100,001 -")
    put(525, 335, "gfedcb")
    put(261, 345.5, "(partial)")
    put(444, 345.5, "$250,000")
    put(104, 363, "FIlINg STATuS: New", 8.5)
    put(65, 390, "DC")
    put(104, 390, "Apple Inc. - Common Stock")
    put(261, 390, "E")
    put(325, 390, "02/02/2021")
    put(380, 390, "02/04/2021")
    put(444, 390, "$9.00")
    put(525, 390, "gfedc")
    put(104, 400.5, "(AAPl) [ST]")
    put(104, 418, "FILING STATUS: New", 8.5)
    put(104, 431, "COMMENTS: Shares received in a merger.", 8.5)
    put(65, 458, "SP")
    put(104, 458, "Tesla, Inc. (TSLA) [ST]")
    put(261, 458, "S")
    put(325, 458, "03/05/2021")
    put(380, 458, "03/01/2021")
    put(444, 458, "$1,001 - $15,000")
    put(525, 458, "gfedc")
    put(104, 485, "Mystery Holdings (TOOLONGX) [ZZ]")
    put(261, 485, "X")
    put(325, 485, "04/01/2021")
    put(380, 485, "04/02/2007")
    put(444, 485, "$2,000 - $3,000")
    put(525, 485, "gfedc")
    put(104, 760, "Berkshire Hathaway Inc. New")
    put(261, 760, "P")
    put(325, 760, "01/25/2021")
    put(380, 760, "02/05/2021")
    put(444, 760, "Over $50,000,000")
    put(525, 760, "gfedc")
    pdf.add_page()
    put(483, 60, "Filing ID #20012345")
    header(80)
    put(104, 120, "Common Stock (BRK.B) [ST]")
    put(104, 138, "FILING STATUS: New", 8.5)
    put(104, 151, "DESCRIPTION: Bought in two lots; the second", 8.5)
    put(104, 164, "lot settled on 2/5/21.", 8.5)
    put(
        25,
        190,
        "* For the complete list of asset type abbreviations, please visit "
        "https://fd.house.gov/reference/asset-type-codes.aspx.",
        8,
    )
    put(22, 215, "INVESTMENT VEHICLE DETAILS", 12, "B")
    put(65, 235, "SP")
    put(104, 235, "Family Brokerage")
    put(325, 235, "01/01/2021")
    put(444, 235, "$1,001 - $15,000")
    put(22, 265, "INITIAL PUBLIC OFFERINGS", 12, "B")
    put(25, 285, "gfedcb")
    put(60, 285, "Yes")
    put(90, 285, "gfedc")
    put(125, 285, "No")
    put(22, 315, "CERTIFICATION AND SIGNATURE", 12, "B")
    put(22, 340, "Digitally Signed: Hon. Test Filer , 04/10/2021", 9.7)
    return bytes(pdf.output())


def test_synthetic_layout_with_the_rarer_cases():
    doc = extract_ptr(synthetic_ptr())
    base = dict(subholding_of=None, description=None, page=1, comment=None, filing_status=None)
    assert doc.rows == (
        PtrRow(
            **base | dict(filing_status="New"),
            line_no=1,
            owner="JT",
            asset_name="Anaheim CA Elec Util Resources",
            ticker=None,
            asset_type="gS",  # as printed: a lower-case code is flagged, never upper-cased by guess
            transaction_type="partial_sale",
            transaction_date=D(2021, 2, 1),
            notification_date=D(2021, 2, 3),
            amount_range="$100,001 - $250,000",
            amount_low=100_001,
            amount_high=250_000,
            cap_gains_over_200=True,
            checks_failed=("asset_type_known",),
        ),
        PtrRow(
            **base | dict(filing_status="New", comment="Shares received in a merger."),
            line_no=2,
            owner="DC",
            asset_name="Apple Inc. - Common Stock",
            ticker="AAPl",  # printed so: fails ticker_format
            asset_type="ST",
            transaction_type="exchange",
            transaction_date=D(2021, 2, 2),
            notification_date=D(2021, 2, 4),
            amount_range="$9.00",
            amount_low=9,
            amount_high=9,
            cap_gains_over_200=False,
            checks_failed=("ticker_format",),
        ),
        PtrRow(
            **base,
            line_no=3,
            owner="SP",
            asset_name="Tesla, Inc.",
            ticker="TSLA",
            asset_type="ST",
            transaction_type="sale",
            transaction_date=D(2021, 3, 5),
            notification_date=D(2021, 3, 1),
            amount_range="$1,001 - $15,000",
            amount_low=1_001,
            amount_high=15_000,
            cap_gains_over_200=False,
            checks_failed=("date_order",),
        ),
        PtrRow(
            **base,
            line_no=4,
            owner=None,
            asset_name="Mystery Holdings",
            ticker="TOOLONGX",
            asset_type="ZZ",
            transaction_type="x",
            transaction_date=D(2021, 4, 1),
            notification_date=D(2007, 4, 2),
            amount_range="$2,000 - $3,000",
            amount_low=2_000,
            amount_high=3_000,
            cap_gains_over_200=False,
            checks_failed=(
                "transaction_type_known",
                "date_order",
                "dates_plausible",
                "amount_bucket_known",
                "ticker_format",
                "asset_type_known",
            ),
        ),
        PtrRow(
            **base
            | dict(filing_status="New", description="Bought in two lots; the second lot settled on 2/5/21."),
            line_no=5,
            owner=None,
            asset_name="Berkshire Hathaway Inc. New Common Stock",
            ticker="BRK.B",
            asset_type="ST",
            transaction_type="purchase",
            transaction_date=D(2021, 1, 25),
            notification_date=D(2021, 2, 5),
            amount_range="Over $50,000,000",
            amount_low=50_000_001,
            amount_high=None,
            cap_gains_over_200=False,
            checks_failed=(),
        ),
    )
    assert doc.header == PtrHeader(
        doc_id="20012345",
        filer_name="Hon. Test Filer",
        status="Member",
        state_district="ZZ01",
        ipo_answer=True,
        signature_name="Hon. Test Filer",
        signature_date=D(2021, 4, 10),
    )
    assert (doc.pages, doc.method, doc.issues) == (2, "text", ())
    assert doc.header.layout_era == "unknown"  # neither the EO.Pdf producer nor Marlett check boxes


def image_only_pdf() -> bytes:
    """A 'scanned' page: a picture of a table, no text layer."""
    page = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((40, 300, 810, 330), fill=200)
    draw.text((60, 310), "SP Apple Inc. P 01/14/2025", fill=0)
    buf = io.BytesIO()
    page.save(buf, "PDF", resolution=100)
    return buf.getvalue()


def test_text_less_pdf_is_reported_not_raised():
    data = image_only_pdf()
    doc = extract_ptr(data)
    assert (doc.rows, doc.issues, doc.pages, doc.method) == ((), ("no_text_layer",), 1, "text")
    assert doc.header == PtrHeader(None, None, None, None, None, None, None)
    assert has_text_layer(data) is False


def test_has_text_layer_on_e_filed_ptrs(pdfs):
    assert [has_text_layer(data) for data in pdfs.values()] == [True, True, True]


def test_html_404_body_raises_a_clear_error():
    with pytest.raises(PtrExtractionError) as info:
        extract_ptr(b"<html>404</html>")
    message = str(info.value)
    assert message.startswith("not a PDF: no '%PDF-' signature in the first 1024 bytes of 16;")
    assert "looks like HTML" in message and "ptr-pdfs" in message
    with pytest.raises(PtrExtractionError, match="^not a PDF"):
        has_text_layer(b"<html>404</html>")


def test_empty_body_raises():
    with pytest.raises(PtrExtractionError, match=r"^not a PDF: the body is empty \(0 bytes\)$"):
        extract_ptr(b"")


def test_truncated_pdf_raises(pdfs):
    data = pdfs["greene3"]
    with pytest.raises(PtrExtractionError, match="^unreadable PDF"):
        extract_ptr(data[: len(data) // 2])


def test_pdf_with_a_user_password_raises(pdfs):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdfs["greene3"])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(
        PtrExtractionError, match="^cannot decrypt the PDF: it is encrypted with a non-empty user"
    ):
        extract_ptr(buf.getvalue())


def test_extraction_is_deterministic(pdfs, docs):
    assert extract_ptr(pdfs["greene2"]) == docs["greene2"]


@pytest.mark.parametrize("name", ["T_10071977.pdf", "C_medium_10063302.pdf", "D_sample1.pdf"])
def test_other_filing_types_give_no_rows(house_data, name):
    """A terminated-filer report's Schedule B is a transaction table too, but not a PTR's."""
    doc = extract_ptr((house_data / name).read_bytes())
    assert doc.rows == ()
    assert {"not_a_ptr", "no_rows_found"} <= set(doc.issues)
