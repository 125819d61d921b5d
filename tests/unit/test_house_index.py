"""Parsing the Clerk's index formats and judging records (pure functions, real files, and
synthetic bytes for the variants 2008-2026 may hold)."""

from __future__ import annotations

import codecs
import dataclasses

import pytest

from jobs.bronze.house import check_pdf, pdf_path
from jobs.bronze.house_index import (
    IndexFormatError,
    IndexRecord,
    decode_index_txt,
    looks_like_html,
    open_index_zip,
    parse_index,
    parse_index_txt,
    parse_index_xml,
    record_problems,
)
from tests.conftest import zip_bytes


def test_xml_2025_first_and_duplicate_records(house_data):
    records = parse_index_xml((house_data / "2025FD.xml").read_bytes())
    assert len(records) == 1618
    assert records[0] == IndexRecord(1, "", "Aaron", "Richard", "", "D", "MI04", "2025", "3/24/2025", "40003749")
    assert sum(r.doc_id == "10072224" for r in records) == 3
    assert len({r.doc_id for r in records}) == 1616


def test_txt_and_xml_2023_are_identical(house_data):
    txt = parse_index_txt((house_data / "2023FD.txt").read_bytes())
    xml = parse_index_xml((house_data / "2023FD.xml").read_bytes())
    assert len(txt) == 1549 and txt == xml


def test_partial_2024_index_parses_in_both_formats(house_data):
    txt = parse_index_txt((house_data / "2024FD_partial_to_2024-08-04.txt").read_bytes())
    xml = parse_index_xml((house_data / "2024FD_partial_to_2024-08-04.xml").read_bytes())
    assert len(txt) == len(xml) == 1098 and txt == xml


def test_zip_prefers_xml_and_rejects_garbage():
    assert open_index_zip(zip_bytes({"2025FD.txt": b"t", "2025FD.xml": b"x"}), 2025) == ("xml", b"x")
    assert open_index_zip(zip_bytes({"2025FD.txt": b"t"}), 2025) == ("txt", b"t")
    with pytest.raises(IndexFormatError, match="corrupt or truncated") as err:
        open_index_zip(zip_bytes({"2025FD.xml": b"x" * 500})[:40], 2025)
    assert err.value.reason == "bad_zip"
    with pytest.raises(IndexFormatError, match="holds neither 2025FD.xml nor 2025FD.txt") as err:
        open_index_zip(zip_bytes({"2024FD.xml": b"x"}), 2025)  # another year's index is not taken
    assert "it holds: 2024FD.xml" in str(err.value)


def test_bad_txt_header_and_xml_root():
    with pytest.raises(IndexFormatError, match="lacks the column") as err:
        parse_index_txt(b"Name\tDocID\r\nx\t1\r\n")
    assert err.value.reason == "bad_header"
    with pytest.raises(IndexFormatError, match="expected <FinancialDisclosure>"):
        parse_index_xml(b"<FilingList><Filing/></FilingList>")


# --- Variants of the index across 2008-2026, as synthetic bytes ------------------------------------

HEADER = ["Prefix", "Last", "First", "Suffix", "FilingType", "StateDst", "Year", "FilingDate", "DocID"]
ROWS = [
    ["Hon.", "Muñoz", "José", "Jr.", "P", "CA11", "2012", "5/15/2012", "20000001"],
    ["", "O’Brien", "Zoë", "", "C", "AQ00", "2012", "", "10000002"],
]
EXPECTED = [IndexRecord(1, "Hon.", "Muñoz", "José", "Jr.", "P", "CA11", "2012", "5/15/2012", "20000001"),
            IndexRecord(2, "", "O’Brien", "Zoë", "", "C", "AQ00", "2012", "", "10000002")]


def txt(header=HEADER, rows=ROWS, newline="\r\n") -> str:
    return newline.join("\t".join(r) for r in [header, *rows]) + newline


def xml(members: str | None = None, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    if members is None:
        members = "".join("<Member>" + "".join(f"<{h}>{v}</{h}>" for h, v in zip(HEADER, r, strict=True))
                          + "</Member>" for r in ROWS)
    return f"{declaration}\r\n<FinancialDisclosure>{members}</FinancialDisclosure>"


@pytest.mark.parametrize(
    "name",
    ["2012FD.xml", "2012FD.XML", "2012fd.Xml", "2012/2012FD.xml", "FD/2012/2012FD.XML", "Index 2012.xml",
     "export/financial_disclosures.xml"],
)
def test_zip_member_in_any_case_folder_or_name(name):
    data = xml().encode()
    assert open_index_zip(zip_bytes({name: data}), 2012) == ("xml", data)


def test_zip_member_choice():
    x, t = xml().encode(), txt().encode()
    # the year's own files first, in any folder; the XML before the TXT
    assert open_index_zip(zip_bytes({"a/2012FD.TXT": t, "b/2012fd.xml": x}), 2012) == ("xml", x)
    assert open_index_zip(zip_bytes({"2012FD.txt": t, "other.xml": b"<x/>"}), 2012) == ("txt", t)
    # otherwise the only .xml, else the only .txt; PDFs, folders and macOS litter are ignored
    assert open_index_zip(zip_bytes({"2012/": b"", "__MACOSX/._fd.xml": b"junk", "fd.xml": x,
                                     "20000001.pdf": b"%PDF-"}), 2012) == ("xml", x)
    assert open_index_zip(zip_bytes({"readme.rtf": b"", "index.TXT": t}), 2012) == ("txt", t)
    with pytest.raises(IndexFormatError, match=r"nor a single other \.xml or \.txt file \(it holds: a.xml, b.xml"):
        open_index_zip(zip_bytes({"a.xml": x, "b.xml": x}), 2012)
    with pytest.raises(IndexFormatError, match="it holds: nothing"):
        open_index_zip(zip_bytes({}), 2012)


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
        (lambda s: s.encode("utf-16"), "utf-16"),  # with its BOM, little-endian here
        (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16"),
        (lambda s: s.encode("cp1252"), "cp1252"),  # not UTF-8, so Windows-1252
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252"],
)
def test_txt_encodings(encode, encoding):
    data = encode(txt())
    assert decode_index_txt(data)[1] == encoding
    parsed = parse_index("txt", data)
    assert (parsed.records, parsed.encoding) == (EXPECTED, encoding)


def test_txt_cp1252_only_when_utf8_fails():
    # 'Ã©' is how UTF-8 'é' reads in cp1252: valid UTF-8 must never be read as cp1252
    assert decode_index_txt("José".encode()) == ("José", "utf-8")
    with pytest.raises(IndexFormatError, match="neither UTF-8, UTF-16 nor Windows-1252") as err:
        parse_index_txt(txt().encode("utf-8") + b"\x81\x8d\xff\xfe")  # 0x81 is undefined in cp1252
    assert err.value.reason == "bad_encoding"
    with pytest.raises(IndexFormatError) as err:
        parse_index_txt(codecs.BOM_UTF8 + "x".encode("cp1252") + b"\xe9")  # a UTF-8 BOM says UTF-8
    assert err.value.reason == "bad_encoding"


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"], ids=["crlf", "lf", "cr"])
def test_txt_line_ends(newline):
    assert parse_index_txt(txt(newline=newline).encode()) == EXPECTED


def test_txt_columns_in_another_order_with_extra_columns_and_loose_names():
    order = [8, 7, 6, 5, 4, 3, 2, 1, 0]
    header = ["Doc ID", "Filing Date", "YEAR", "State_Dst", "filingtype", "Suffix", "First", "Last", "Prefix"]
    rows = [[r[i] for i in order] for r in ROWS]
    assert parse_index_txt(txt([*header, "Notes"], [[*r, "anything"] for r in rows]).encode()) == EXPECTED
    assert parse_index_txt(txt(["Id", *HEADER], [["7", *r] for r in ROWS]).encode()) == EXPECTED


def test_txt_missing_required_column_is_an_index_format_error():
    header = [h for h in HEADER if h != "FilingDate"]
    with pytest.raises(IndexFormatError, match="lacks the column\\(s\\) FilingDate; it needs all of") as err:
        parse_index_txt(txt(header, [r[:7] + r[8:] for r in ROWS]).encode())
    assert err.value.reason == "bad_header"


def test_txt_short_and_long_rows_blank_lines_and_whitespace():
    rows = ["\t".join(ROWS[0]), "", "  \t ", "\tO’Brien\tZoë\t\tC\tAQ00\t2012\t\t10000002", "\tShort\tRow\t\tW"]
    records = parse_index_txt(("\t".join(HEADER) + "\n" + "\n".join(rows) + "\n").encode())
    assert records[:2] == EXPECTED
    assert records[2] == IndexRecord(3, "", "Short", "Row", "", "W", "", "", "", "")
    padded = parse_index_txt(txt(rows=[[f"  {v} " for v in ROWS[0]] + ["", "stray"]]).encode())
    assert padded == [IndexRecord(1, *ROWS[0], extra_fields=("stray",))]
    assert [c for c, _ in record_problems(padded[0], 2012)] == ["extra_fields"]


@pytest.mark.parametrize(
    ("declaration", "codec", "encoding"),
    [
        ('<?xml version="1.0" encoding="windows-1252"?>', "cp1252", "windows-1252"),
        ("<?xml version='1.0' encoding='ISO-8859-1'?>", "latin-1", "iso-8859-1"),
        ('<?xml version="1.0" encoding="UTF-16"?>', "utf-16", "utf-16"),
        ('<?xml version="1.0" encoding="utf-8"?>', "utf-8-sig", "utf-8"),
        ("", "utf-16", "utf-16"),
        ("", "utf-8-sig", "utf-8-sig"),
        ("", "utf-8", "utf-8"),
    ],
    ids=["windows-1252", "iso-8859-1", "utf-16", "utf-8-bom", "undeclared-utf-16", "undeclared-bom", "undeclared"],
)
def test_xml_in_its_declared_encoding(declaration, codec, encoding):
    """ElementTree reads the declared encoding; the one used is reported."""
    expected = EXPECTED
    text = xml(declaration=declaration)
    if codec == "latin-1":  # no curly quote in Latin-1
        text, expected = text.replace("’", "'"), [EXPECTED[0], dataclasses.replace(EXPECTED[1], last="O'Brien")]
    parsed = parse_index("xml", text.encode(codec))
    assert (parsed.records, parsed.encoding) == (expected, encoding)


@pytest.mark.parametrize("declaration", ["", '<?xml version="1.0" encoding="UTF-8"?>'], ids=["undeclared", "mislabelled"])
def test_xml_windows_1252_that_is_not_utf8_falls_back(declaration):
    parsed = parse_index("xml", xml(declaration=declaration).encode("cp1252"))
    assert (parsed.records, parsed.encoding) == (EXPECTED, "cp1252")
    with pytest.raises(IndexFormatError) as err:  # not text in any of them: unreadable
        parse_index_xml(xml(declaration=declaration).encode("cp1252") + b"<\x81\x8d")
    assert err.value.reason == "malformed_xml"


def test_xml_extra_children_whitespace_missing_children_and_tag_case():
    members = ("<Member>\r\n  <Prefix> Hon. </Prefix><Last>\n Muñoz\t</Last><First>José </First><Suffix>Jr.</Suffix>"
               "<FilingType>P</FilingType><StateDst>CA11</StateDst><Year>2012</Year>"
               "<FilingDate> 5/15/2012 </FilingDate><DocID> 20000001 </DocID><PdfLink>x.pdf</PdfLink>"
               "<Amended>false</Amended><Notes><Note>n</Note></Notes></Member>"
               "<member><LAST>O’Brien</LAST><first>Zoë</first><Suffix/><filingtype>C</filingtype>"
               "<statedst>AQ00</statedst><year>2012</year><docid>10000002</docid></member>")
    assert parse_index_xml(xml(members).encode()) == EXPECTED


def test_html_error_page_instead_of_an_index():
    iis = (b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/'
           b'xhtml1-strict.dtd">\r\n<html xmlns="http://www.w3.org/1999/xhtml">\r\n<head>\r\n<meta http-equiv='
           b'"Content-Type" content="text/html; charset=iso-8859-1"/>\r\n<title>404 - File or directory not '
           b"found.</title>\r\n</head>\r\n<body><div id=\"header\"><h1>Server Error</h1></div>" + b" " * 900
           + b"</body>\r\n</html>\r\n")
    assert looks_like_html(iis) and not looks_like_html(xml().encode("utf-8-sig"))
    for call in (lambda: open_index_zip(iis, 2012), lambda: parse_index("xml", iis),
                 lambda: parse_index("txt", iis)):
        with pytest.raises(IndexFormatError, match="an HTML page titled '404 - File or directory not found.'") as err:
            call()
        assert err.value.reason == "html_error_page"
    xhtml = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>Error</body></html>'
    with pytest.raises(IndexFormatError, match="HTML page") as err:
        parse_index_xml(xhtml)
    assert err.value.reason == "html_error_page"


@pytest.mark.parametrize(
    ("call", "reason", "message"),
    [
        (lambda: open_index_zip(b"", 2012), "bad_zip", r"\(0 bytes\) is empty"),
        (lambda: open_index_zip(b"\x1f\x8b\x08gzip", 2012), "bad_zip", "is not a zip archive"),
        (lambda: parse_index_xml(b"  \r\n"), "empty_index", "the index XML is empty"),
        (lambda: parse_index_txt(b""), "empty_index", "the index TXT is empty"),
        (lambda: parse_index_xml(xml().encode()[:-30]), "malformed_xml", "malformed"),
        (lambda: parse_index_xml(b"%PDF-1.4 binary"), "malformed_xml", "malformed"),
    ],
    ids=["empty-zip", "gzip", "empty-xml", "empty-txt", "truncated-xml", "pdf-as-xml"],
)
def test_unreadable_inputs(call, reason, message):
    with pytest.raises(IndexFormatError, match=message) as err:
        call()
    assert err.value.reason == reason


@pytest.mark.parametrize(
    ("record", "codes"),
    [
        (IndexRecord(1, "Hon.", "A", "B", "", "P", "CA11", "2025", "1/17/2025", "20026590"), []),
        (IndexRecord(2, "", "A", "B", "", "W", "", "2025", "", "8221241"), ["missing_filing_date"]),
        (IndexRecord(3, "", "A", "B", "", "C", "TX02", "2025", "13/1/2025", "10000001"), ["bad_filing_date"]),
        (IndexRecord(4, "", "A", "B", "", "C", "TX02", "2025", "1/1/2025", ""), ["missing_doc_id"]),
        (IndexRecord(5, "", "A", "B", "", "", "TX02", "2024", "1/1/2025", "12x"),
         ["bad_doc_id", "missing_filing_type", "year_mismatch"]),
        (IndexRecord(6, "", "A", "B", "", "C", "TX02", "2025", "1/1/2025", "1", ("x",)),
         ["bad_doc_id", "extra_fields"]),
    ],
    ids=["clean", "no-date", "bad-date", "no-docid", "several", "extra-fields"],
)
def test_record_problems(record, codes):
    assert [code for code, _ in record_problems(record, 2025)] == codes


def test_check_pdf_and_paths(house_data):
    assert check_pdf((house_data / "P_20026590_real.pdf").read_bytes()) is None
    assert check_pdf(b"<html><body>404 - File or directory not found.</body></html>")[0] == "not_pdf"
    assert check_pdf(b"")[0] == "empty_body"
    assert check_pdf((house_data / "P_20026590_real.pdf").read_bytes()[:30000])[0] == "truncated_pdf"
    assert pdf_path(2025, "20026590", "P") == "public_disc/ptr-pdfs/2025/20026590.pdf"
    assert pdf_path(2025, "10063302", "C") == "public_disc/financial-pdfs/2025/10063302.pdf"


def test_an_index_that_inflates_past_the_cap_is_refused_before_it_is_read(monkeypatch):
    """Issue 20: 1.5 GB of XML in a 1.5 MB zip took 3.3 GB of memory; scaled down to a 1 MB cap."""
    import jobs.bronze.house_index as house_index

    monkeypatch.setattr(house_index, "MAX_INDEX_BYTES", 1 << 20)
    bomb = zip_bytes({"2025FD.xml": b"<FinancialDisclosure>" + b" " * (3 << 20) + b"</FinancialDisclosure>"})
    assert len(bomb) < 20_000
    message = r"inflates to 3,145,7\d\d bytes, over the 1 MB an index may have"
    with pytest.raises(IndexFormatError, match=message) as err:
        open_index_zip(bomb, 2025)
    assert err.value.reason == "bad_zip"
    fmt, content = open_index_zip(zip_bytes({"2025FD.xml": b"<FinancialDisclosure/>"}), 2025)
    assert (fmt, content) == ("xml", b"<FinancialDisclosure/>")
