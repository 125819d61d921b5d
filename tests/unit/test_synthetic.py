"""Tests for the synthetic Clerk mirror: determinism, the index formats and the PDF text layer."""

from __future__ import annotations

import collections
import datetime
import hashlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pdfplumber
import pypdf
import pytest

from synthetic import (
    AMOUNT_BUCKETS,
    PTR_COLUMNS,
    SYNTHETIC_LABEL,
    SyntheticFiling,
    SyntheticTransaction,
    build_mirror,
    make_filings,
    render_notice_pdf,
    render_ptr_pdf,
    write_index_txt,
    write_index_xml,
)

TOL = 15.0
NUL = "\x00"
FIELDS = ["Prefix", "Last", "First", "Suffix", "FilingType", "StateDst", "Year", "FilingDate", "DocID"]


@pytest.fixture(scope="module")
def filings() -> tuple[SyntheticFiling, ...]:
    return make_filings()


@pytest.fixture(scope="module")
def showcase(filings: tuple[SyntheticFiling, ...]) -> SyntheticFiling:
    """The first e-filed PTR: multi-page, with every row feature."""
    return next(f for f in filings if f.filing_type == "P" and not f.is_paper)


@pytest.fixture(scope="module")
def showcase_words(showcase: SyntheticFiling) -> list[list[dict]]:
    with pdfplumber.open(io.BytesIO(render_ptr_pdf(showcase))) as pdf:
        return [page.extract_words() for page in pdf.pages]


def _mdy(d: datetime.date) -> str:
    return d.strftime("%m/%d/%Y")


def _column(
    pages: list[list[dict]], x: float, pattern: str, *, lo: float = -TOL, hi: float = TOL
) -> list[str]:
    """Words whose x0 is near ``x`` and that match ``pattern``, in reading order across pages."""
    found = []
    for words in pages:
        hits = [w for w in words if lo <= w["x0"] - x <= hi and re.fullmatch(pattern, w["text"])]
        found += [w["text"] for w in sorted(hits, key=lambda w: (round(w["top"], 1), w["x0"]))]
    return found


# ---- generation ------------------------------------------------------------------------------


def test_make_filings_is_deterministic() -> None:
    assert make_filings() == make_filings()
    assert make_filings(2024, 50, seed=3, version=2) == make_filings(2024, 50, seed=3, version=2)
    assert make_filings(seed=8) != make_filings(seed=7)


def test_type_mix_and_special_rows(filings: tuple[SyntheticFiling, ...]) -> None:
    assert len(filings) == 120
    assert collections.Counter(f.filing_type for f in filings) == {
        "C": 38, "P": 35, "X": 27, "D": 7, "T": 4, "A": 2, "W": 2, "E": 1, "G": 1, "B": 1, "O": 1, "H": 1,
    }
    ptrs = [f for f in filings if f.filing_type == "P"]
    assert sum(f.is_paper for f in ptrs) == 4  # round(35 * 12%)
    dup_ids = [d for d, n in collections.Counter(f.doc_id for f in filings).items() if n > 1]
    assert len(dup_ids) == 1
    dups = [f for f in filings if f.doc_id == dup_ids[0]]
    assert len(dups) == 2 and dups[0] == dups[1]
    blank = [f for f in filings if f.filing_date is None or f.state_dst == ""]
    assert len(blank) == 1
    w = blank[0]
    assert (w.filing_type, w.filing_date, w.state_dst, w.is_paper) == ("W", None, "", True)
    assert all(f.year == 2025 for f in filings)
    assert all(
        f.filing_date is None or datetime.date(2025, 1, 2) <= f.filing_date <= datetime.date(2025, 9, 30)
        for f in filings
    )


def test_version_2_is_a_strict_superset_with_later_dates() -> None:
    v1, v2, v3 = (make_filings(version=v) for v in (1, 2, 3))
    assert v2[: len(v1)] == v1 and v3[: len(v2)] == v2
    assert (len(v2) - len(v1), len(v3) - len(v2)) == (12, 12)
    last_v1 = max(f.filing_date for f in v1 if f.filing_date)
    added = v2[len(v1):]
    assert all(f.filing_date is not None and f.filing_date > last_v1 for f in added)
    assert not {f.doc_id for f in added} & {f.doc_id for f in v1}
    assert len({f.doc_id for f in v2}) == len(v2) - 1  # still only the one duplicate row


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"n_filings": 2}, "n_filings must be at least 3"), ({"version": 0}, "version must be 1 or more")],
)
def test_make_filings_rejects_bad_arguments(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_filings(**kwargs)


def test_doc_ids_use_reserved_ranges_with_real_shapes(filings: tuple[SyntheticFiling, ...]) -> None:
    shapes = {"P": r"2999\d{4}", "C": r"1999\d{4}", "T": r"1999\d{4}", "A": r"1999\d{4}", "H": r"1999\d{4}",
              "X": r"3999\d{4}", "D": r"4999\d{4}", "E": r"4999\d{4}", "W": r"99\d{2}"}
    for f in make_filings(n_filings=400, version=2):
        assert f.is_paper == (len(f.doc_id) == 7), f
        expected = r"99\d{5}" if f.is_paper else shapes[f.filing_type]
        assert re.fullmatch(expected, f.doc_id), f
        if f.filing_type in "GBO":
            assert f.is_paper
    assert {f.filing_type for f in filings if f.is_paper} >= {"P", "X", "G", "B", "O", "W"}


def test_filers_are_fictional_and_well_formed(filings: tuple[SyntheticFiling, ...]) -> None:
    invented = ("Testworth", "Fakeley", "Placeholder", "Sampleton", "Mockridge", "Dummond")
    assert any(f.last in invented for f in filings)
    for f in filings:
        assert f.state_dst == "" or re.fullmatch(r"[A-Z]{2}\d{2}", f.state_dst)
        assert f.prefix in {"", "Hon.", "Mr.", "Dr.", "Ms.", "Mrs."}
        assert f.suffix in {"", "Jr.", "Jr", "III", "II", "IV", "Sr."}
    ptr_prefixes = collections.Counter(f.prefix for f in filings if f.filing_type == "P")
    assert ptr_prefixes.most_common(1)[0][0] == "Hon."
    assert any(f.state_dst.endswith("00") for f in make_filings(n_filings=400))


def test_ptr_ground_truth_is_consistent(filings: tuple[SyntheticFiling, ...]) -> None:
    rows: list[SyntheticTransaction] = []
    sizes = []
    for f in filings:
        if f.filing_type != "P":
            assert f.transactions == ()
            continue
        sizes.append(len(f.transactions))
        assert [t.line_no for t in f.transactions] == list(range(1, len(f.transactions) + 1))
        for t in f.transactions:
            assert 0 <= (t.notification_date - t.transaction_date).days <= 10
            assert t.notification_date <= f.filing_date
            assert (f.filing_date - t.notification_date).days <= 30
        rows += f.transactions
    assert min(sizes) == 1 and max(sizes) >= 20 and any(s <= 3 for s in sizes)
    assert {t.amount_range for t in rows} <= set(AMOUNT_BUCKETS)
    assert "Over $50,000,000" in {t.amount_range for t in rows}
    assert {t.owner for t in rows} == {None, "SP", "JT", "DC"}
    assert {t.transaction_type for t in rows} == {"purchase", "sale", "partial_sale", "exchange"}
    assert {"BRK.B", None} <= {t.ticker for t in rows}
    assert all(t.asset_type in {"GS", "CS"} for t in rows if t.ticker is None)
    assert not any(t.cap_gains_over_200 for t in rows if t.transaction_type in ("purchase", "exchange"))
    assert any(t.cap_gains_over_200 for t in rows)
    assert {t.filing_status for t in rows} == {"New"}
    assert any(t.subholding_of for t in rows) and any(t.description for t in rows)


# ---- index files -----------------------------------------------------------------------------

SAMPLE = (
    SyntheticFiling("29990101", "Hon.", "Testworth", 'Jordan "Jo"', "Jr.", "P", "GA14", 2025,
                    datetime.date(2025, 1, 7), False, ()),
    SyntheticFiling("9900123", "", "Fakeley", "A&B", "", "W", "", 2025, None, True, ()),
)
SAMPLE_XML = (
    '\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<FinancialDisclosure>\r\n'
    "  <Member>\r\n    <Prefix />\r\n    <Last>Fakeley</Last>\r\n    <First>A&amp;B</First>\r\n"
    "    <Suffix />\r\n    <FilingType>W</FilingType>\r\n    <StateDst />\r\n    <Year>2025</Year>\r\n"
    "    <FilingDate />\r\n    <DocID>9900123</DocID>\r\n  </Member>\r\n"
    "  <Member>\r\n    <Prefix>Hon.</Prefix>\r\n    <Last>Testworth</Last>\r\n"
    '    <First>Jordan "Jo"</First>\r\n    <Suffix>Jr.</Suffix>\r\n    <FilingType>P</FilingType>\r\n'
    "    <StateDst>GA14</StateDst>\r\n    <Year>2025</Year>\r\n    <FilingDate>1/7/2025</FilingDate>\r\n"
    "    <DocID>29990101</DocID>\r\n  </Member>\r\n</FinancialDisclosure>"
).encode("utf-8")
SAMPLE_TXT = (
    b"Prefix\tLast\tFirst\tSuffix\tFilingType\tStateDst\tYear\tFilingDate\tDocID\r\n"
    b"\tFakeley\tA&B\t\tW\t\t2025\t\t9900123\r\n"
    b'Hon.\tTestworth\tJordan "Jo"\tJr.\tP\tGA14\t2025\t1/7/2025\t29990101\r\n'
)


def test_index_xml_exact_bytes() -> None:
    assert write_index_xml(SAMPLE, 2025) == SAMPLE_XML


def test_index_txt_exact_bytes() -> None:
    assert write_index_txt(SAMPLE, 2025) == SAMPLE_TXT


def test_index_xml_parses_with_nine_children_in_order(filings: tuple[SyntheticFiling, ...]) -> None:
    data = write_index_xml(filings, 2025)
    assert data.startswith(b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?>\r\n<FinancialDisclosure>\r\n')
    assert not data.endswith(b"\n") and b"\n" not in data.replace(b"\r\n", b"")
    root = ET.fromstring(data)
    assert root.tag == "FinancialDisclosure"
    members = list(root)
    assert len(members) == len(filings) == 120
    assert all([c.tag for c in m] == FIELDS and not m.attrib for m in members)
    assert b"    <Suffix />\r\n" in data
    dates = [m.findtext("FilingDate") for m in members]
    assert dates.count("") == 1
    assert all(re.fullmatch(r"[1-9]\d?/[1-9]\d?/2025", d) for d in dates if d)
    assert sorted(m.findtext("DocID") for m in members) == sorted(f.doc_id for f in filings)


def test_index_txt_matches_xml(filings: tuple[SyntheticFiling, ...]) -> None:
    data = write_index_txt(filings, 2025)
    lines = data.decode("utf-8").split("\r\n")
    assert lines[0] == "\t".join(FIELDS) and lines[-1] == ""
    rows = [line.split("\t") for line in lines[1:-1]]
    assert all(len(r) == 9 for r in rows)
    xml_rows = [[c.text or "" for c in m] for m in ET.fromstring(write_index_xml(filings, 2025))]
    assert rows == xml_rows


# ---- PTR PDFs --------------------------------------------------------------------------------


def test_showcase_ptr_header_and_layout(showcase: SyntheticFiling, showcase_words: list[list[dict]]) -> None:
    with pdfplumber.open(io.BytesIO(render_ptr_pdf(showcase))) as pdf:
        assert all((p.width, p.height) == (612, 792) for p in pdf.pages)
        texts = [p.extract_text() for p in pdf.pages]
    assert len(texts) >= 3
    first = texts[0].split("\n")
    name = " ".join(p for p in (showcase.prefix, showcase.first, showcase.last, showcase.suffix) if p)
    assert first[0] == f"Filing ID #{showcase.doc_id}"
    assert first[1] == f"P{NUL * 7} T{NUL * 10} R{NUL * 5}"  # small caps extract as letter + NULs
    assert f"Name: {name}" in first
    assert ("Status: Member" if showcase.prefix == "Hon." else "Status: Officer or Employee") in first
    assert f"State/District: {showcase.state_dst}" in first
    words = showcase_words[0]
    filing_id = next(w for w in words if w["text"] == f"#{showcase.doc_id}")
    assert filing_id["top"] < 80 and filing_id["x0"] > 450
    assert texts[-1].split("\n")[-2] == f"Digitally Signed: {name} , {_mdy(showcase.filing_date)}"
    assert f"I{NUL * 6} P{NUL * 5} O{NUL * 8}" in texts[-1]
    assert "Yes No" in texts[-1]
    assert all(t.split("\n")[-1] == SYNTHETIC_LABEL for t in texts)


def test_column_header_on_every_table_page(showcase_words: list[list[dict]]) -> None:
    header = {"ID": "id", "Owner": "owner", "Asset": "asset", "Transaction": "tx_type", "Date": "date",
              "Notification": "notification_date", "Amount": "amount", "Cap.": "cap_gains"}
    table_pages = [ws for ws in showcase_words if any(w["text"] == "Notification" for w in ws)]
    assert len(table_pages) >= 2
    for words in table_pages:
        for text, col in header.items():
            assert any(w["text"] == text and abs(w["x0"] - PTR_COLUMNS[col]) <= TOL for w in words), text
        # Real positions (pdfplumber on the Clerk's PTRs), not just our own constants.
        for text, x in (("ID", 25), ("Owner", 65), ("Asset", 104), ("Transaction", 261), ("Amount", 444)):
            assert any(w["text"] == text and abs(w["x0"] - x) <= TOL for w in words), text


def test_every_ground_truth_value_is_in_its_column(
    showcase: SyntheticFiling, showcase_words: list[list[dict]]
) -> None:
    rows = showcase.transactions
    assert len(rows) >= 36
    date = r"\d{2}/\d{2}/\d{4}"
    assert _column(showcase_words, 325, date) == [_mdy(t.transaction_date) for t in rows]
    assert _column(showcase_words, 380, date) == [_mdy(t.notification_date) for t in rows]
    tickers = _column(showcase_words, 104, r"\([A-Z.]+\)", hi=261 - 104 - TOL)
    assert tickers == [f"({t.ticker})" for t in rows if t.ticker]
    types = _column(showcase_words, 261, r"[PSE]|\(partial\)")
    codes = {"purchase": "P", "sale": "S", "partial_sale": "S (partial)", "exchange": "E"}
    assert " ".join(types) == " ".join(codes[t.transaction_type] for t in rows)
    assert _column(showcase_words, 65, r"SP|JT|DC") == [t.owner for t in rows if t.owner]
    amounts = _column(showcase_words, 444, r"\$[\d,]+|-|Over", hi=75)
    assert " ".join(amounts) == " ".join(t.amount_range for t in rows)
    assert "Over $50,000,000" in {t.amount_range for t in rows}
    boxes = _column(showcase_words, 525, r"gfedcb?")
    assert boxes == ["gfedcb" if t.cap_gains_over_200 else "gfedc" for t in rows]


def test_sub_lines_use_the_clerks_small_caps(showcase: SyntheticFiling) -> None:
    with pdfplumber.open(io.BytesIO(render_ptr_pdf(showcase))) as pdf:
        lines = [line for p in pdf.pages for line in p.extract_text().split("\n")]
    rows = showcase.transactions
    assert lines.count(f"F{NUL * 5} S{NUL * 5}: New") == len(rows)
    subholding = f"S{NUL * 9} O{NUL}: "
    assert [line.removeprefix(subholding) for line in lines if line.startswith(subholding)] == [
        t.subholding_of for t in rows if t.subholding_of
    ]
    description = f"D{NUL * 10}: "
    described = [line.removeprefix(description) for line in lines if line.startswith(description)]
    assert len(described) == sum(1 for t in rows if t.description)
    assert all(t.description.startswith(d) for d, t in zip(described, [t for t in rows if t.description], strict=False))
    vehicles = [t.subholding_of for t in rows if t.subholding_of]
    assert f"I{NUL * 9} V{NUL * 6} D{NUL * 6}" in lines
    assert all(v in lines for v in vehicles)


def test_asset_names_and_amounts_wrap_like_the_clerks(
    showcase: SyntheticFiling, showcase_words: list[list[dict]]
) -> None:
    lines = []  # the amount column, line by line, in reading order
    for words in showcase_words:
        by_top: dict[float, list[dict]] = collections.defaultdict(list)
        for w in words:
            if 444 - TOL <= w["x0"] <= 520 and re.fullmatch(r"\$[\d,]+|-|Over", w["text"]):
                by_top[round(w["top"], 1)].append(w)
        for top in sorted(by_top):
            lines.append(" ".join(w["text"] for w in sorted(by_top[top], key=lambda w: w["x0"])))
    expected = []
    for t in showcase.transactions:
        if t.amount_range == "$1,001 - $15,000":  # the one bucket that fits the column, as on real PTRs
            expected.append(t.amount_range)
        elif t.amount_range.startswith("Over"):
            expected += ["Over", t.amount_range.split()[1]]
        else:
            low, high = t.amount_range.split(" - ")
            expected += [f"{low} -", high]  # `$250,001 -` / `$500,000`
    assert lines == expected
    with pdfplumber.open(io.BytesIO(render_ptr_pdf(showcase))) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Berkshire Hathaway Inc. New Common" in text and "\nStock (BRK.B) [ST]" in text


def test_pdfs_carry_the_synthetic_label_and_are_encrypted_like_the_clerks(
    filings: tuple[SyntheticFiling, ...], showcase: SyntheticFiling
) -> None:
    notice = next(f for f in filings if f.filing_type == "D" and not f.is_paper)
    paper = next(f for f in filings if f.filing_type == "P" and f.is_paper)
    for filing, data in ((showcase, render_ptr_pdf(showcase)), (notice, render_notice_pdf(notice)),
                         (paper, render_ptr_pdf(paper))):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert {pdf.metadata[k] for k in ("Title", "Subject", "Author")} == {SYNTHETIC_LABEL}
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert reader.is_encrypted is not filing.is_paper
        assert reader.metadata.title == SYNTHETIC_LABEL


def test_paper_filings_are_image_only(filings: tuple[SyntheticFiling, ...]) -> None:
    paper_ptr = next(f for f in filings if f.filing_type == "P" and f.is_paper)
    paper_notice = next(f for f in filings if f.filing_type != "P" and f.is_paper)
    for data in (render_ptr_pdf(paper_ptr), render_notice_pdf(paper_notice)):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert pdf.pages
            for page in pdf.pages:
                assert page.extract_text() in ("", None)
                assert page.chars == []
                assert len(page.images) == 1
                assert (page.images[0]["srcsize"], page.images[0]["bits"]) == ((1275, 1650), 1)


def test_short_ptr_fits_on_one_or_two_pages(filings: tuple[SyntheticFiling, ...]) -> None:
    short = next(f for f in filings if f.filing_type == "P" and not f.is_paper and len(f.transactions) <= 3)
    with pdfplumber.open(io.BytesIO(render_ptr_pdf(short))) as pdf:
        assert len(pdf.pages) <= 2
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert text.count(f"F{NUL * 5} S{NUL * 5}: New") == len(short.transactions)


def test_notice_pdfs_say_what_they_are(filings: tuple[SyntheticFiling, ...]) -> None:
    expected = {"C": "Filing Type: Candidate Report", "T": "Filing Type: Terminated Filer Report",
                "A": "Filing Type: Amendment Report", "H": "Filing Type: New Filer Report",
                "X": "Extension Length: 30 days", "D": "not yet raised or spent", "E": "exemption"}
    for f in filings:
        if f.filing_type not in expected or f.is_paper:
            continue
        with pdfplumber.open(io.BytesIO(render_notice_pdf(f))) as pdf:
            assert len(pdf.pages) == 1
            text = pdf.pages[0].extract_text()
        assert text.startswith(f"Filing ID #{f.doc_id}\n")
        assert expected[f.filing_type] in text
        assert text.endswith(SYNTHETIC_LABEL)


def test_renderers_reject_the_wrong_type(
    filings: tuple[SyntheticFiling, ...], showcase: SyntheticFiling
) -> None:
    with pytest.raises(ValueError, match="render_ptr_pdf"):
        render_notice_pdf(showcase)
    with pytest.raises(ValueError, match="type P"):
        render_ptr_pdf(next(f for f in filings if f.filing_type == "C"))


def test_rendering_is_deterministic(showcase: SyntheticFiling, filings: tuple[SyntheticFiling, ...]) -> None:
    paper = next(f for f in filings if f.is_paper)
    assert render_ptr_pdf(showcase) == render_ptr_pdf(showcase)
    render = render_ptr_pdf if paper.filing_type == "P" else render_notice_pdf
    assert render(paper) == render(paper)


# ---- mirror ----------------------------------------------------------------------------------


def _tree_digest(root) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_mirror_writes_the_clerks_layout(tmp_path) -> None:
    manifest = build_mirror(tmp_path, n_filings=40)
    assert (manifest.root, manifest.year) == (tmp_path, 2025)
    assert manifest.filings == make_filings(n_filings=40)
    assert manifest.index_zip == tmp_path / "public_disc" / "financial-pdfs" / "2025FD.zip"
    with zipfile.ZipFile(manifest.index_zip) as zf:
        assert sorted(zf.namelist()) == ["2025FD.txt", "2025FD.xml"]
        assert zf.read("2025FD.xml") == write_index_xml(manifest.filings, 2025)
        assert zf.read("2025FD.txt") == write_index_txt(manifest.filings, 2025)
    unique = {f.doc_id: f for f in manifest.filings}
    assert set(manifest.pdf_paths) == set(unique)
    for doc_id, path in manifest.pdf_paths.items():
        folder = "ptr-pdfs" if unique[doc_id].filing_type == "P" else "financial-pdfs"
        assert path == tmp_path / "public_disc" / folder / "2025" / f"{doc_id}.pdf"
        assert path.read_bytes().startswith(b"%PDF-1.4\n")
    files = {p for p in tmp_path.rglob("*.pdf")}
    assert files == set(manifest.pdf_paths.values())


def test_build_mirror_is_byte_for_byte_deterministic(tmp_path) -> None:
    build_mirror(tmp_path / "a", n_filings=30)
    build_mirror(tmp_path / "b", n_filings=30)
    assert _tree_digest(tmp_path / "a") == _tree_digest(tmp_path / "b")


def test_build_mirror_without_pdfs_and_as_an_update(tmp_path) -> None:
    v1 = build_mirror(tmp_path, n_filings=30, pdfs=False)
    assert v1.pdf_paths == {} and not list(tmp_path.rglob("*.pdf"))
    v2 = build_mirror(tmp_path, n_filings=30, version=2, pdfs=False)
    assert v2.filings[: len(v1.filings)] == v1.filings and len(v2.filings) == 33
    with zipfile.ZipFile(v2.index_zip) as zf:
        assert len(ET.fromstring(zf.read("2025FD.xml"))) == 33
