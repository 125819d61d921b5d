"""The Ethics paper form's check-box grid, read from the real scanned PTR 8220731 (Keith Self, 2025).

Expected values typed from the page images: page 1 (rotated 90 degrees) has four rows, page 2 one;
every row is the spouse's, dated 01/10/25, in column A ($1,001 - $15,000):
ATT INC sale, Genuine Parts Co purchase, Merck + Co, INC sale, NVIDIA Corp purchase, Pepsico INC
purchase. The handwriting is for a person (the review queue); the marks are exact.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest

from jobs.silver.paper_form import (
    DPI,
    _rotate,
    paper_document,
    parse_form_date,
    read_paper_form,
    read_paper_pages,
)
from jobs.silver.ptr_extraction import extract_document

PAPER = "P_8220731_paper_2025.pdf"
MARKS = [(1, "sale"), (1, "purchase"), (1, "sale"), (1, "purchase"), (2, "purchase")]


@pytest.fixture(scope="module")
def pages(house_data) -> list[np.ndarray]:
    document = pdfium.PdfDocument((house_data / PAPER).read_bytes())
    try:
        return [
            np.array(page.render(scale=DPI / 72, grayscale=True).to_numpy(), copy=True) for page in document
        ]
    finally:
        document.close()


def marks(reading) -> list[tuple]:
    return [
        (r.page, r.transaction_type, r.amount_range, r.amount_low, r.amount_high, r.checks_failed)
        for r in reading.rows
    ]


EXPECTED = [(page, kind, "$1,001 - $15,000", 1001, 15000, ()) for page, kind in MARKS]


def test_the_real_paper_ptr_reads_type_and_amount_of_every_row_from_the_grid(house_data):
    reading = read_paper_form((house_data / PAPER).read_bytes(), ocr=False)
    assert reading.recognised and reading.form_pages == (1, 2) and reading.pages == 2
    assert marks(reading) == EXPECTED
    assert [r.line_no for r in reading.rows] == [1, 2, 3, 4, 5]
    assert reading.turns == {1: 3, 2: 3}  # both scans lie on their side
    for row in reading.rows:  # nothing handwritten is guessed without OCR
        assert set(row.unread) == {"owner", "asset_name", "transaction_date", "notification_date"}
        assert row.image_png.startswith(b"\x89PNG")
        image = cv2.imdecode(np.frombuffer(row.image_png, np.uint8), cv2.IMREAD_GRAYSCALE)
        assert 0.25 * DPI < image.shape[0] < 0.45 * DPI and image.shape[1] > 7 * DPI  # one row, table wide


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda im: im, id="as-scanned"),
        pytest.param(lambda im: cv2.rotate(im, cv2.ROTATE_90_CLOCKWISE), id="quarter-turn"),
        pytest.param(lambda im: cv2.rotate(im, cv2.ROTATE_180), id="upside-down"),
        pytest.param(lambda im: cv2.rotate(im, cv2.ROTATE_90_COUNTERCLOCKWISE), id="upright"),
        pytest.param(lambda im: _rotate(im, 1.5), id="skewed+1.5deg"),
        pytest.param(lambda im: _rotate(im, -2.0), id="skewed-2deg"),
        pytest.param(
            lambda im: _rotate(cv2.rotate(im, cv2.ROTATE_90_CLOCKWISE), 3.0), id="turned-and-skewed-3deg"
        ),
        pytest.param(
            lambda im: cv2.resize(
                cv2.resize(im, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), (im.shape[1], im.shape[0])
            ),
            id="scanned-at-100dpi",
        ),
        pytest.param(
            lambda im: cv2.copyMakeBorder(
                cv2.resize(im, None, fx=0.92, fy=0.92, interpolation=cv2.INTER_AREA),
                80,
                80,
                60,
                60,
                cv2.BORDER_CONSTANT,
                value=255,
            ),
            id="printed-at-92pct",
        ),
    ],
)
def test_orientation_skew_resolution_and_print_scale_do_not_change_the_reading(pages, change):
    assert marks(read_paper_pages([change(p) for p in pages], ocr=False)) == EXPECTED


def test_pages_without_the_grid_are_not_the_form(house_data):
    """E-filed PTRs, other scanned Ethics forms (extension requests, a gift waiver, a paper Form B)."""
    for name in (
        "P_20026590_real.pdf",
        "P_20018346_2021.pdf",
        "P_20024540_2024.pdf",
        "X_sample1_8220892.pdf",
        "G_8220832.pdf",
        "O_9115661.pdf",
    ):
        reading = read_paper_form((house_data / name).read_bytes(), ocr=False)
        assert not reading.recognised and reading.rows == (), name
    blank = np.full((2200, 1700), 255, np.uint8)
    assert not read_paper_pages([blank], ocr=False).recognised


def test_an_empty_grid_is_the_form_with_no_rows(pages):
    """Page 2 with its one filled row covered by a copy of the empty row below: no row is invented."""
    page = cv2.rotate(pages[1], cv2.ROTATE_90_COUNTERCLOCKWISE).copy()
    reading = read_paper_pages([page], ocr=False)
    assert len(reading.rows) == 1
    row = cv2.imdecode(np.frombuffer(reading.rows[0].image_png, np.uint8), cv2.IMREAD_GRAYSCALE)
    _, _, (left, top), _ = cv2.minMaxLoc(cv2.matchTemplate(page, row, cv2.TM_SQDIFF))
    height, width = row.shape
    page[top : top + height, left : left + width] = page[top + height : top + 2 * height, left : left + width]
    emptied = read_paper_pages([page], ocr=False)
    assert emptied.recognised and emptied.rows == () and "paper_form_empty" in emptied.issues


def test_the_paper_document_names_what_a_person_must_read(house_data):
    extracted = extract_document("8220731", 2025, "", (house_data / PAPER).read_bytes())
    document = extracted.document
    assert document.method == "grid" and document.header.layout_era == "paper_form"
    assert extracted.paper is not None and len(extracted.paper.rows) == 5
    assert [(r.transaction_type, r.amount_range, r.cap_gains_over_200) for r in document.rows] == [
        (kind, "$1,001 - $15,000", None) for _, kind in MARKS
    ]
    assert any(i.startswith("paper_rows_to_review:") for i in document.issues)
    # The header's boxes, found beside their printed labels: Member ticked, IPO question answered No.
    assert (document.header.status, document.header.ipo_answer) == ("Member", False)
    assert extracted.paper.header == {"status": "Member", "ipo_answer": False, "amendment": False}
    for row in document.rows:
        assert {c for c in row.checks_failed if c.startswith("unread_")} == {
            "unread_owner",
            "unread_asset_name",
            "unread_transaction_date",
            "unread_notification_date",
        }
        assert (row.owner, row.asset_name, row.transaction_date, row.notification_date) == (None,) * 4


def test_ocr_proposals_never_reach_the_rows(house_data):
    """Even a confident OCR reading of a written cell waits for a person (handwriting fools OCR)."""
    reading = read_paper_form((house_data / PAPER).read_bytes(), ocr=False)
    row = reading.rows[0]
    proposed = dataclasses.replace(
        row, proposed={"owner": "SP", "asset_name": "ATT TNC", "transaction_date": "2025-01-10"}
    )
    first = paper_document(dataclasses.replace(reading, rows=(proposed,))).rows[0]
    assert (first.owner, first.asset_name, first.transaction_date) == (None, None, None)
    assert {"unread_owner", "unread_asset_name", "unread_transaction_date"} <= set(first.checks_failed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/10/25", dt.date(2025, 1, 10)),
        ("1/9/2024", dt.date(2024, 1, 9)),
        ("12-31-19", dt.date(2019, 12, 31)),
        ("02.05.24", dt.date(2024, 2, 5)),
        ("13/01/25", None),
        ("02/30/25", None),
        ("01/10/99", None),
        ("Oio/25", None),
        ("", None),
    ],
)
def test_form_dates(text, expected):
    assert parse_form_date(text, today=dt.date(2026, 12, 4)) == expected
