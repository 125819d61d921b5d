"""Parsing the Clerk's index formats and judging records (pure functions, real files)."""

from __future__ import annotations

import pytest

from jobs.bronze.house import check_pdf, pdf_path
from jobs.bronze.house_index import (
    IndexFormatError,
    IndexRecord,
    open_index_zip,
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
    with pytest.raises(IndexFormatError, match="holds neither 2025FD.xml nor 2025FD.txt"):
        open_index_zip(zip_bytes({"2024FD.xml": b"x"}), 2025)


def test_bad_txt_header_and_xml_root():
    with pytest.raises(IndexFormatError, match="header") as err:
        parse_index_txt(b"Name\tDocID\r\nx\t1\r\n")
    assert err.value.reason == "bad_header"
    with pytest.raises(IndexFormatError, match="expected <FinancialDisclosure>"):
        parse_index_xml(b"<FilingList><Filing/></FilingList>")


@pytest.mark.parametrize(
    ("record", "codes"),
    [
        (IndexRecord(1, "Hon.", "A", "B", "", "P", "CA11", "2025", "1/17/2025", "20026590"), []),
        (IndexRecord(2, "", "A", "B", "", "W", "", "2025", "", "8221241"), ["missing_filing_date"]),
        (IndexRecord(3, "", "A", "B", "", "C", "TX02", "2025", "13/1/2025", "10000001"), ["bad_filing_date"]),
        (IndexRecord(4, "", "A", "B", "", "C", "TX02", "2025", "1/1/2025", ""), ["missing_doc_id"]),
        (IndexRecord(5, "", "A", "B", "", "", "TX02", "2024", "1/1/2025", "12x"),
         ["bad_doc_id", "missing_filing_type", "year_mismatch"]),
    ],
    ids=["clean", "no-date", "bad-date", "no-docid", "several"],
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
