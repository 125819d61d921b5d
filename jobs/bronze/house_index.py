"""Parse the House Clerk's yearly index (``{YEAR}FD.zip`` holding ``{YEAR}FD.xml`` and ``.txt``).

Both formats carry the same nine fields per record: Prefix, Last, First, Suffix, FilingType,
StateDst, Year, FilingDate, DocID. Values are kept exactly as published (bronze); problems with a
record are reported, not fixed, so they can be quarantined with the raw record as evidence.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
import zipfile
import xml.etree.ElementTree as ET

FIELDS: tuple[str, ...] = ("Prefix", "Last", "First", "Suffix", "FilingType", "StateDst", "Year", "FilingDate", "DocID")


class IndexFormatError(ValueError):
    """An index file cannot be read at all; ``reason`` is a machine-readable code."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class IndexRecord:
    """One record of the index, values as published ('' for empty)."""

    record_no: int
    prefix: str
    last: str
    first: str
    suffix: str
    filing_type: str
    state_dst: str
    year_raw: str
    filing_date_raw: str
    doc_id: str

    def as_dict(self) -> dict[str, str]:
        return dict(zip(FIELDS, (self.prefix, self.last, self.first, self.suffix, self.filing_type,
                                 self.state_dst, self.year_raw, self.filing_date_raw, self.doc_id), strict=True))


def _record(no: int, values: list[str]) -> IndexRecord:
    return IndexRecord(no, *(v.strip() for v in values))


def parse_index_xml(data: bytes) -> list[IndexRecord]:
    """Records of an index XML (``<FinancialDisclosure><Member>…``)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise IndexFormatError(f"the index XML is malformed ({exc})", "malformed_xml") from None
    if root.tag != "FinancialDisclosure":
        raise IndexFormatError(
            f"the index XML's root is <{root.tag}>, expected <FinancialDisclosure>", "unexpected_xml"
        )
    records = []
    for no, member in enumerate(root.iter("Member"), start=1):
        records.append(_record(no, [(member.findtext(f) or "") for f in FIELDS]))
    return records


def parse_index_txt(data: bytes) -> list[IndexRecord]:
    """Records of the tab-separated index TXT (header row, UTF-8 with BOM, CRLF)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IndexFormatError(f"the index TXT is not UTF-8 ({exc})", "bad_encoding") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != list(FIELDS):
        raise IndexFormatError(
            f"the index TXT header is {header!r}, expected the 9 columns {', '.join(FIELDS)}", "bad_header"
        )
    records = []
    for no, row in enumerate((r for r in reader if any(c.strip() for c in r)), start=1):
        if len(row) != len(FIELDS):
            raise IndexFormatError(
                f"index TXT line {no + 1} has {len(row)} fields, expected {len(FIELDS)}", "bad_row"
            )
        records.append(_record(no, row))
    return records


def open_index_zip(data: bytes, year: int) -> tuple[str, bytes]:
    """The index inside ``{year}FD.zip``: ('xml' | 'txt', bytes), preferring the XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = {n.lower(): n for n in zf.namelist()}
            for fmt in ("xml", "txt"):
                name = names.get(f"{year}fd.{fmt}")
                if name is not None:
                    return fmt, zf.read(name)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise IndexFormatError(f"the index zip is corrupt or truncated ({exc})", "bad_zip") from None
    raise IndexFormatError(f"the index zip holds neither {year}FD.xml nor {year}FD.txt", "bad_zip")


def parse_index(fmt: str, data: bytes) -> list[IndexRecord]:
    return parse_index_xml(data) if fmt == "xml" else parse_index_txt(data)


_DOC_ID = re.compile(r"^\d{4,10}$")


def record_problems(record: IndexRecord, year: int) -> list[tuple[str, str]]:
    """(reason_code, reason) for everything wrong with one record; empty when it is clean.

    A record without a DocID cannot become a filing; the others are kept in silver (with a null
    where the value was unusable) and only reported.
    """
    problems: list[tuple[str, str]] = []
    where = f"index record {record.record_no} ({record.last or '?'}, {record.first or '?'})"
    if not record.doc_id:
        problems.append(("missing_doc_id", f"{where} has no DocID; it cannot be linked to a PDF and is left out of silver"))
    elif not _DOC_ID.match(record.doc_id):
        problems.append(("bad_doc_id", f"{where} has DocID {record.doc_id!r}, which is not 4-10 digits"))
    if not record.filing_type:
        problems.append(("missing_filing_type", f"{where} has no FilingType"))
    if not record.filing_date_raw:
        problems.append(("missing_filing_date", f"{where} has no FilingDate; kept with a null filing_date"))
    elif _parse_date(record.filing_date_raw) is None:
        problems.append(
            ("bad_filing_date", f"{where} has FilingDate {record.filing_date_raw!r}, not a M/D/YYYY date; kept as null")
        )
    if record.year_raw and record.year_raw != str(year):
        problems.append(("year_mismatch", f"{where} says Year {record.year_raw} inside the {year} index"))
    return problems


def _parse_date(raw: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(raw, "%m/%d/%Y").date()
    except ValueError:
        return None
