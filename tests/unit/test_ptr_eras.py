"""jobs.silver.ptr_pdf across the Clerk's layout eras, and its self-checks.

Expected rows were typed from the rendered pages (pdftoppm at 100-300 dpi), not from the text layer:
the 2021 layer maps some capitals to lower case ('AlB', '[gS]', 'FIlINg STATuS', 'gA12'), the page
shows capitals, and the extractor must print what the page shows. Cap. Gains: a glyph check box in
2021 ('gfedcb' ticked), a drawn one in the EO.Pdf layout; the ticks below are those of the images.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from jobs.silver import pdf_layer, ptr_pdf, ptr_values
from jobs.silver.ptr_pdf import (
    LAYOUT_ERAS,
    REVIEW_ISSUES,
    ROW_CHECKS,
    CheckBox,
    PageContent,
    PtrHeader,
    PtrRow,
    assemble_ptr,
    extract_ptr,
    issue_code,
    row_checks,
)

D = dt.date
SAMPLES = {
    "P_20026590_real.pdf": "eo_pdf",
    "PTR_sample2.pdf": "eo_pdf",
    "PTR_sample3.pdf": "eo_pdf",
    "P_20024540_2024.pdf": "eo_pdf",
    "P_20018393_2021.pdf": "2021_generic",
    "P_20018346_2021.pdf": "2021_generic",
}


@pytest.fixture(scope="module")
def pdfs(house_data: Path) -> dict[str, bytes]:
    return {name: (house_data / name).read_bytes() for name in SAMPLES}


@pytest.fixture(scope="module")
def docs(pdfs: dict[str, bytes]):
    return {name: extract_ptr(data) for name, data in pdfs.items()}


def tx(n, owner, asset, ticker, code, kind, date, notified, bucket, cap, *, page=1, status="New", sub=None,
       desc=None) -> PtrRow:
    low, high = ptr_pdf.AMOUNT_BUCKETS[bucket]
    return PtrRow(
        line_no=n, owner=owner, asset_name=asset, ticker=ticker, asset_type=code, transaction_type=kind,
        transaction_date=date, notification_date=notified, amount_range=bucket, amount_low=low,
        amount_high=high, cap_gains_over_200=cap, filing_status=status, subholding_of=sub, description=desc,
        page=page, checks_failed=(),
    )


K1, K15, K50, K100 = "$1,001 - $15,000", "$15,001 - $50,000", "$50,001 - $100,000", "$100,001 - $250,000"

# fmt: off
# P_20018393_2021 (Hon. Richard W. Allen, GA12): every box empty; row 8's FILING STATUS is the first
# line of page 2.
ALLEN = (
    tx(1, "SP", "Albemarle Corporation", "ALB", "ST", "purchase", D(2021, 2, 10), D(2021, 2, 15), K1, False),
    tx(2, None, "Deere & Company", "DE", "ST", "purchase", D(2021, 2, 10), D(2021, 2, 15), K15, False),
    tx(3, "SP", "Deere & Company", "DE", "ST", "purchase", D(2021, 2, 26), D(2021, 3, 1), K1, False),
    tx(4, "SP", "Freeport-McMoRan, Inc.", "FCX", "ST", "purchase", D(2021, 2, 26), D(2021, 3, 1), K1, False),
    tx(5, None, "Freeport-McMoRan, Inc.", "FCX", "ST", "purchase", D(2021, 2, 10), D(2021, 2, 15), K15,
       False),
    tx(6, "SP", "PayPal Holdings, Inc.", "PYPL", "ST", "purchase", D(2021, 2, 10), D(2021, 2, 15), K1, False),
    tx(7, None, "South State Corporation", "SSB", "ST", "sale", D(2021, 2, 18), D(2021, 2, 22), K15, False),
    tx(8, None, "South State Corporation", "SSB", "ST", "sale", D(2021, 2, 10), D(2021, 2, 15), K15, False),
    tx(9, "SP", "Starbucks Corporation", "SBUX", "ST", "purchase", D(2021, 2, 26), D(2021, 3, 1), K1, False,
       page=2),
    tx(10, "SP", "Verizon Communications Inc.", "VZ", "ST", "sale", D(2021, 2, 10), D(2021, 2, 15), K1, False,
       page=2),
)


def peters(n, asset, kind, day, bucket, cap, page=1) -> PtrRow:
    return tx(n, "SP", asset, None, "GS", kind, D(2021, 2, day), D(2021, 2, 28), bucket, cap, page=page)


# P_20018346_2021 (Hon. Scott H. Peters, CA52): municipal bonds, names in the filer's own case
# ('TOll', 'FINL SCH'); row 19's '$250,000' and FILING STATUS continue on page 3.
PETERS = (
    peters(1, "Anaheim CA Elec Util", "sale", 10, K100, False),
    peters(2, "Bay Area Toll RV TOll Tran", "partial_sale", 10, K100, True),
    peters(3, "CA Infra & Dev Bk Comb Util", "partial_sale", 16, K100, True),
    peters(4, "CA State Dept. Water Resources", "partial_sale", 10, K50, True),
    peters(5, "CA State Univ Pub Educ", "partial_sale", 10, K50, True),
    peters(6, "Coast CCD CA Coll Educ", "sale", 10, K50, True),
    peters(7, "Dublin San Ramon, CA Wtr Util", "partial_sale", 1, K50, False),
    peters(8, "Grossmont CA Impt Sch", "sale", 16, K100, True, 2),
    peters(9, "Los Angeles Cnty, CA MT Excise Tax", "sale", 10, K100, True, 2),
    peters(10, "Mount San Jacinto Coll Educ", "sale", 10, K100, True, 2),
    peters(11, "Rancho CA WTR FA DIST COMB UTIL", "sale", 16, K100, True, 2),
    peters(12, "San Bruno, CA Swr Util", "sale", 10, K50, True, 2),
    peters(13, "San Diego CA Wtr Util", "purchase", 11, K100, False, 2),
    peters(14, "San Diego CA Wtr Util", "sale", 16, K100, False, 2),
    peters(15, "San Francisco CA City/Cnty VP", "sale", 10, K100, True, 2),
    peters(16, "San Francisco, CA City/Cty Impt", "sale", 16, K100, True, 2),
    peters(17, "San Francisco, CA FINL SCH", "sale", 16, K100, True, 2),
    peters(18, "Santa Clara CA USD Impt Sch", "sale", 16, K100, True, 2),
    peters(19, "Silicon Vy Cln Wtr Util", "sale", 16, K100, True, 2),
    peters(20, "Univ CA Pub Ed", "sale", 16, K100, True, 3),
)

# P_20024540_2024 (Hon. Steve Cohen, TN09): EO.Pdf, both drawn boxes empty.
COHEN = (
    tx(1, None, "Bradley County Tennessee Govt Bonds", None, "GS", "purchase", D(2024, 2, 3), D(2024, 2, 3),
       K15, False, sub="Stephens Advantage Account"),
    tx(2, None, "Eastside Utility District (Hamilton County, TN)", None, "GS", "purchase", D(2024, 2, 3),
       D(2024, 2, 3), K15, False, sub="Stephens Advantage Account"),
)
# fmt: on


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_layout_era_of_each_sample(docs, name):
    """EO.Pdf files say so in their producer string; the 2021 ones have none and draw boxes with Marlett."""
    assert docs[name].header.layout_era == SAMPLES[name]
    assert docs[name].header.layout_era in LAYOUT_ERAS


def test_2021_allen_every_row_and_header(docs):
    doc = docs["P_20018393_2021.pdf"]
    assert doc.rows == ALLEN
    assert doc.header == PtrHeader("20018393", "Hon. Richard W. Allen", "Member", "GA12", False,
                                   "Hon. Richard W. Allen", D(2021, 3, 14))
    assert (doc.pages, doc.method, doc.issues) == (2, "text", ())


def test_2021_peters_every_row_and_header(docs):
    doc = docs["P_20018346_2021.pdf"]
    assert doc.rows == PETERS
    assert doc.header == PtrHeader("20018346", "Hon. Scott H. Peters", "Member", "CA52", False,
                                   "Hon. Scott H. Peters", D(2021, 3, 11))
    assert (doc.pages, doc.method, doc.issues) == (3, "text", ())


def test_2024_cohen_every_row_and_header(docs):
    doc = docs["P_20024540_2024.pdf"]
    assert doc.rows == COHEN
    assert doc.header == PtrHeader("20024540", "Hon. Steve Cohen", "Member", "TN09", False,
                                   "Hon. Steve Cohen", D(2024, 2, 28))
    assert (doc.pages, doc.method, doc.issues) == (1, "text", ())


def test_every_e_filed_row_has_its_cap_gains_box_read(docs):
    for doc in docs.values():
        assert {r.cap_gains_over_200 for r in doc.rows} <= {True, False}
    # Pelosi's two partial sales (AAPL, NVDA) are the ticked ones: a tick path inside the drawn box.
    pelosi = docs["P_20026590_real.pdf"]
    assert [(r.ticker, r.transaction_type) for r in pelosi.rows if r.cap_gains_over_200] == [
        ("AAPL", "partial_sale"),
        ("NVDA", "partial_sale"),
    ]


def test_2021_text_layer_reads_the_true_letters(pdfs):
    """The glyph ids give the capitals the ToUnicode map lowers: headings, codes, tickers, the banner."""
    layer = pdf_layer.read_pdf(pdfs["P_20018346_2021.pdf"])
    assert layer.era == "2021_generic" and layer.issues == ()
    lines = [ptr_pdf.group_lines(page.words, 2.5) for page in layer.pages]
    text = "\n".join(line.text for page in lines for line in page)
    assert "Legislative Resource Center" in text and "legislative" not in text
    assert "Univ CA Pub Ed [GS]" in text and "[gS]" not in text
    assert "F ILING S TATUS : New" in text and "IlINg" not in text
    assert "I NITIAL P UBLIC O FFERINGS" in text
    assert "State/District: CA52" in text
    allen = pdf_layer.read_pdf(pdfs["P_20018393_2021.pdf"]).pages
    words = {w.text for page in allen for w in page.words}
    assert {"(ALB)", "(PYPL)", "(SBUX)", "GA12"} <= words
    assert not {"(AlB)", "(PYPl)", "(SBuX)", "gA12"} & words


def test_eo_pdf_files_are_not_read_twice(pdfs, monkeypatch):
    """EO.Pdf embeds whole fonts with right maps: no pypdf pass (the benchmark's budget)."""
    monkeypatch.setattr(pdf_layer, "_read_fonts", lambda pdf: pytest.fail("EO.Pdf file read with pypdf"))
    assert extract_ptr(pdfs["PTR_sample3.pdf"]).header.layout_era == "eo_pdf"


def test_mac_glyph_order_is_trusted_only_when_the_map_follows_it():
    # Georgia subset: glyph 36 'A', 47 'L' (mapped to 'l'), 79 'l', 3 the space; ten right entries.
    entries = {3: " ", 36: "A", 37: "B", 38: "C", 39: "D", 40: "E", 68: "a", 69: "b", 70: "c", 79: "l",
               47: "l"}
    assert pdf_layer._mac_order_case_fixes(entries) == {47: "L"}
    # Marlett: check-box pieces at codes 13-25 mapped to 'b'..'n' are not letters in Mac order.
    marlett = {13 + i: chr(ord("b") + i) for i in range(13)}
    assert pdf_layer._mac_order_case_fixes(marlett) == {}
    # A map that disagrees with the order elsewhere is not corrected at all.
    assert pdf_layer._mac_order_case_fixes({**entries, 50: "x", 51: "y"}) == {}


def test_to_unicode_cmap_parsing():
    cmap = (b"2 beginbfchar <002F> <006C> <0087> <2022> endbfchar "
            b"2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0066> <00660069>] endbfrange")
    assert pdf_layer._parse_to_unicode(cmap) == {0x2F: "l", 0x87: "\u2022", 0x24: "A", 0x25: "B", 0x26: "C",
                                               0x30: "f", 0x31: "fi"}


def test_a_text_layer_that_cannot_be_matched_to_its_glyphs_is_flagged(pdfs, monkeypatch):
    """If PDFium's characters and the content stream's codes disagree, nothing is 'corrected' blindly:
    the page keeps PDFium's text and the document goes to review."""
    monkeypatch.setattr(pdf_layer._Fonts, "page_glyphs", lambda self, index: pdf_layer._PageGlyphs(["x"], ["y"]))
    doc = extract_ptr(pdfs["P_20018393_2021.pdf"])
    assert doc.issues[:2] == ("glyph_decode_failed:page 1", "glyph_decode_failed:page 2")
    assert issue_code(doc.issues[0]) in REVIEW_ISSUES
    assert doc.rows[0].ticker == "AlB" and "ticker_format" in doc.rows[0].checks_failed
    assert "lowercase_capitals_in_text_layer" in doc.issues  # the banner still reads 'legislative'


def test_true_text_skips_spaces_pdfium_dropped():
    glyphs = pdf_layer._PageGlyphs(["A", " ", "l", "B"], [None, None, "L", None])
    assert glyphs.true_text("AlB", [False, False, False]) == "ALB"
    assert glyphs.true_text("A lB", [False, True, False, False]) == "A LB"  # a space PDFium added
    assert glyphs.true_text("AxB", [False, False, False]) is None  # a code read as another letter
    assert glyphs.true_text("Al", [False, False]) is None  # a code PDFium did not show


# --------------------------------------------------------------------------------------------
# Self-checks on manipulated rows


@pytest.fixture(scope="module")
def aapl(docs) -> PtrRow:
    row = docs["P_20026590_real.pdf"].rows[2]
    assert row.ticker == "AAPL" and row.checks_failed == ()
    return row


@pytest.mark.parametrize(
    "field, text",
    [
        ("asset_name", "Apple Inc. - Common Stock F S: New"),  # EO.Pdf small caps less their hidden letters
        ("asset_name", "Apple Inc. - Common Stock FIlINg STATuS: New"),  # 2021 layer, mapped case
        ("asset_name", "Apple Inc. - Common Stock F ILING S TATUS : New"),  # 2021 small-caps pieces
        ("description", "Sold 31,600 shares. SUBHOLDING OF: Family Trust"),
        ("subholding_of", "Family Trust S O: Other Trust"),
        ("filing_status", "New Description: call options"),
        ("comment", "Location: Austin, TX"),
    ],
)
def test_label_text_inside_a_field_fails_the_row(aapl, field, text):
    assert row_checks(dataclasses.replace(aapl, **{field: text})) == ("no_label_text",)


def test_labels_words_without_their_colon_are_names(aapl):
    row = dataclasses.replace(aapl, asset_name="Filing Status Holdings Location Inc.",
                              description="Description")
    assert row_checks(row) == ()


def test_the_ticker_is_the_token_before_the_type_code(aapl):
    printed = "Apple Inc. - Common Stock (AAPL) [ST]"
    assert row_checks(aapl, printed_asset=printed) == ()
    for wrong in (None, "AAP"):
        row = dataclasses.replace(aapl, ticker=wrong)
        assert row_checks(row, printed_asset=printed) == ("ticker_matches_text",)
    # A lower-cased letter left in the printed token: not ticker-shaped, so ticker_format speaks instead.
    assert row_checks(dataclasses.replace(aapl, ticker="AAPl"), printed_asset="Apple (AAPl) [ST]") == (
        "ticker_format",
    )
    # '(Hamilton County, TN)' is no ticker.
    district = "Eastside Utility District (Hamilton County, TN) [GS]"
    assert row_checks(dataclasses.replace(aapl, ticker=None), printed_asset=district) == ()


def test_a_missing_box_fails_where_the_form_draws_one(aapl):
    row = dataclasses.replace(aapl, cap_gains_over_200=None)
    assert row_checks(row, boxes_expected=True) == ("cap_gains_read",)
    assert row_checks(row, boxes_expected=False) == ()  # paper forms have no box: null is right there


def test_row_checks_reproduce_the_extractor(docs):
    """``row_checks`` is what the extractor ran: the same names, in :data:`ROW_CHECKS` order."""
    for doc in docs.values():
        for row in doc.rows:
            assert row_checks(dataclasses.replace(row, checks_failed=("x",)), boxes_expected=True) == ()
    assert list(ROW_CHECKS[-3:]) == ["ticker_matches_text", "no_label_text", "cap_gains_read"]


def test_amount_bounds_that_do_not_match_the_label_fail(aapl):
    assert row_checks(dataclasses.replace(aapl, amount_high=5_000_000)) == ("amount_bucket_known",)


def _layer(pdfs, name):
    layer = pdf_layer.read_pdf(pdfs[name])
    return layer.pages, layer.era


def test_a_lost_row_breaks_the_type_code_count(pdfs):
    """Row 2's anchor line losing its dates and amount (as a mis-grouped line would) merges it into
    row 1: each row passes its own checks, but the text prints one '[XX]' code more than rows."""
    pages, era = _layer(pdfs, "PTR_sample3.pdf")
    first = pages[0]
    anchors = sorted({round(w.top) for w in first.words if w.text == "03/07/2025"})
    second = anchors[1]
    kept = tuple(w for w in first.words if not (round(w.top) == second and w.x0 > 250))
    doc = assemble_ptr([PageContent(kept, first.marks), *pages[1:]], method="text", layout_era=era)
    assert len(doc.rows) == 6
    assert "type_code_count_mismatch:7 codes, 6 rows" in doc.issues
    assert issue_code("type_code_count_mismatch:7 codes, 6 rows") in REVIEW_ISSUES
    assert doc.rows[0].filing_status == "New Dollar General Corporation Common Stock (DG) [ST]; New"


def test_a_row_without_its_drawn_box_is_flagged(pdfs):
    pages, era = _layer(pdfs, "PTR_sample3.pdf")
    stripped = [PageContent(p.words, tuple(m for m in p.marks if not isinstance(m, CheckBox))) for p in pages]
    doc = assemble_ptr(stripped, method="text", layout_era=era)
    assert {r.cap_gains_over_200 for r in doc.rows} == {None}
    assert all(r.checks_failed == ("cap_gains_read",) for r in doc.rows)


def test_a_box_clipped_by_the_page_break_belongs_to_the_row_cut_there(pdfs):
    """A page is a window on one long table: the last row of page 1 may show its box only at the
    top of page 2 (above that page's first row)."""
    pages, era = _layer(pdfs, "P_20026590_real.pdf")
    doc = assemble_ptr(pages, method="text", layout_era=era)
    last_on_1 = [r for r in doc.rows if r.page == 1][-1]
    boxes_1 = [m for m in pages[0].marks if isinstance(m, CheckBox) and m.x0 > 500]
    lowest = max(boxes_1, key=lambda m: m.top)
    ticked = CheckBox(lowest.x0, lowest.x1, 1.0, 1.0 + lowest.bottom - lowest.top, True)  # top of page 2
    moved = [
        PageContent(pages[0].words, tuple(m for m in pages[0].marks if m is not lowest)),
        PageContent(pages[1].words, (*pages[1].marks, ticked)),
    ]
    again = assemble_ptr(moved, method="text", layout_era=era)
    row = again.rows[last_on_1.line_no - 1]
    assert (row.cap_gains_over_200, row.checks_failed) == (True, ())


# --------------------------------------------------------------------------------------------
# Amounts


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("$9.00", ("$9.00", 9, 9, True)),
        ("$9.50", ("$9.50", 9, 10, True)),  # bounds bracket the value
        ("$1,234", ("$1,234", 1_234, 1_234, True)),
        ("$15,000", ("$15,000", 15_000, 15_000, False)),  # half of a wrapped '$1,001 - $15,000'
        ("$15,000.00", ("$15,000.00", 15_000, 15_000, True)),
        ("$1,001 -", ("$1,001 -", None, None, False)),
    ],
)
def test_a_single_dollar_value_is_kept(printed, expected):
    assert ptr_values.parse_amount(printed) == expected


# --------------------------------------------------------------------------------------------
# A drawn PTR with what no sample has: an amended row's ID, LOCATION, 2021-style small-caps labels


def amended_ptr() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)

    def put(x: float, y: float, text: str, size: float = 9.0, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.text(x, y, text)

    def small_caps(x: float, y: float, label: str) -> float:
        """'FILING STATUS:' drawn as the 2021 layer does: a capital, then smaller capitals."""
        for word in label.split():
            put(x, y, word[0], 8.5)
            x += pdf.get_string_width(word[0])
            put(x, y, word[1:], 6.8)
            x += pdf.get_string_width(word[1:]) + 3
        return x

    pdf.add_page()
    put(483, 80, "Filing ID #20099999")
    put(117, 105, "PERIODIC TRANSACTION REPORT", 16, "B")
    put(22, 198, "Name:", 9.7, "B")
    put(99, 198, "Hon. Test Filer", 9.7)
    put(22, 230, "State/District:", 9.7, "B")
    put(99, 230, "ZZ02", 9.7)
    for x, word in ((25, "ID"), (65, "Owner"), (104, "Asset"), (261, "Transaction"), (325, "Date"),
                    (380, "Notification"), (444, "Amount"), (525, "Cap.")):
        put(x, 290, word, 9.4, "B")
    put(25, 330, "123456")
    put(65, 330, "SP")
    put(104, 330, "Microsoft Corporation - Common")
    put(261, 330, "S")
    put(325, 330, "03/01/2021")
    put(380, 330, "03/02/2021")
    put(444, 330, "$1,001 - $15,000")
    put(525, 330, "gfedcb")
    put(25, 341, "789")
    put(104, 341, "Stock (MSFT) [ST]")
    x = small_caps(104, 360, "FILING STATUS")
    put(x - 3, 360, ": Amended", 8.5)
    put(104, 373, "LOCATION: Austin, TX, US", 8.5)
    put(104, 386, "DESCRIPTION: Date corrected.", 8.5)
    put(22, 410, "Printed copy of the electronic filing - not an official record", 7)
    put(104, 440, "Tiny Fund Units [MF]")
    put(261, 440, "P")
    put(325, 440, "03/03/2021")
    put(380, 440, "03/04/2021")
    put(444, 440, "$9.00")
    put(525, 440, "gfedc")
    x = small_caps(104, 458, "SUBHOLDING OF")
    put(x - 3, 458, ": Family Trust", 8.5)
    put(25, 490, "* For the complete list of asset type abbreviations, please visit the site.", 8)
    put(22, 520, "Digitally Signed: Hon. Test Filer , 03/10/2021", 9.7)
    return bytes(pdf.output())


def test_amended_row_keeps_its_id_and_every_sub_line():
    doc = extract_ptr(amended_ptr())
    first, second = doc.rows
    assert (first.row_id, first.owner, first.asset_name, first.ticker, first.asset_type) == (
        "123456 789", "SP", "Microsoft Corporation - Common Stock", "MSFT", "ST")
    assert (first.filing_status, first.location, first.description, first.cap_gains_over_200) == (
        "Amended", "Austin, TX, US", "Date corrected.", True)
    assert first.checks_failed == ()
    assert (second.row_id, second.asset_name, second.subholding_of, second.amount_range, second.amount_low,
            second.amount_high, second.cap_gains_over_200, second.checks_failed) == (
        None, "Tiny Fund Units", "Family Trust", "$9.00", 9, 9, False, ())
    # The footer line across the columns is no part of either row.
    assert not any("Printed" in (r.asset_name + (r.row_id or "") + (r.description or "")) for r in doc.rows)
    assert doc.issues == () and doc.header.layout_era == "unknown"


def test_review_issues_are_named_issues():
    assert issue_code("glyph_decode_failed:page 2") == "glyph_decode_failed"
    assert issue_code("no_rows_found") == "no_rows_found"
    new = {"type_code_count_mismatch", "glyph_decode_failed", "lowercase_capitals_in_text_layer"}
    assert new <= REVIEW_ISSUES


def test_a_content_stream_that_cannot_be_followed_is_flagged(pdfs, monkeypatch):
    monkeypatch.setattr(pdf_layer._Fonts, "page_glyphs", lambda self, index: None)  # e.g. an inline image
    doc = extract_ptr(pdfs["P_20018346_2021.pdf"])
    assert [i for i in doc.issues if issue_code(i) == "glyph_decode_failed"] == [
        "glyph_decode_failed:page 1", "glyph_decode_failed:page 2", "glyph_decode_failed:page 3"]


def test_a_scan_has_no_text_layer_era():
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (850, 1100), 255).save(buf, "PDF", resolution=100)
    doc = extract_ptr(buf.getvalue())
    assert (doc.header.layout_era, doc.issues) == ("no_text_layer", ("no_text_layer",))


def test_a_file_without_composite_fonts_is_not_read_with_pypdf(monkeypatch):
    """Only a composite (Type0) font's codes are glyph ids: a file with none skips the pypdf pass."""
    data = amended_ptr()
    assert not pdf_layer._may_show_glyph_ids(data)
    monkeypatch.setattr(pdf_layer, "_read_fonts", lambda pdf: pytest.fail("read with pypdf"))
    assert extract_ptr(data).header.layout_era == "unknown"
