"""Parse the House Clerk's yearly index (``{YEAR}FD.zip`` holding ``{YEAR}FD.xml`` and ``.txt``).

Both formats carry the same nine fields per record: Prefix, Last, First, Suffix, FilingType,
StateDst, Year, FilingDate, DocID. Values are kept exactly as published (bronze, whitespace
trimmed). Only an index that cannot be read at all raises :class:`IndexFormatError` (quarantined
by the caller); a record's own problems are only described (:func:`record_problems`), because
every record lands in bronze and silver notes its problems on the row.

The parser is lenient about what 2008-2026 plausibly hold: member names in any case or in a
sub-folder, TXT in UTF-8 (with or without BOM), UTF-16 or Windows-1252, TXT columns in any order
or with extra columns, LF or CRLF, XML in any declared encoding with extra child elements.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import functools
import io
import logging
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib

from core.errors import LakehouseError

logger = logging.getLogger(__name__)

FIELDS: tuple[str, ...] = ("Prefix", "Last", "First", "Suffix", "FilingType", "StateDst", "Year", "FilingDate", "DocID")


class IndexFormatError(LakehouseError, ValueError):
    """An index file cannot be read at all; ``reason`` is a machine-readable code (the quarantine's)."""

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
    extra_fields: tuple[str, ...] = ()
    """Non-empty TXT fields beyond the header's columns (a stray tab in a value); not stored."""

    def as_dict(self) -> dict[str, str]:
        return dict(zip(FIELDS, (self.prefix, self.last, self.first, self.suffix, self.filing_type,
                                 self.state_dst, self.year_raw, self.filing_date_raw, self.doc_id), strict=True))


@dataclasses.dataclass(frozen=True)
class ParsedIndex:
    """An index's records and the text encoding they were read in (logged and reported)."""

    records: list[IndexRecord]
    encoding: str


def _record(no: int, values: list[str], extra: tuple[str, ...] = ()) -> IndexRecord:
    return IndexRecord(no, *(v.strip() for v in values), extra_fields=extra)


@functools.lru_cache(maxsize=1024)
def _norm(name: str) -> str:
    """A column or tag name compared loosely: 'Doc ID', 'docid' and 'DOC_ID' are the same."""
    return re.sub(r"[\s_\-]", "", name.split("}")[-1]).lower()


_NORM_FIELDS = {_norm(f): f for f in FIELDS}


def looks_like_html(data: bytes) -> bool:
    """The body is a web page (such as the Clerk's IIS 404 page served with status 200)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def _html_error(data: bytes, what: str) -> IndexFormatError:
    title = re.search(rb"<title>(.*?)</title>", data[:4096], re.I | re.S)
    said = f" titled {title[1].decode('utf-8', 'replace').strip()!r}" if title else ""
    return IndexFormatError(
        f"the server answered with an HTML page{said} ({len(data)} bytes) instead of {what}; "
        "the file is missing or the URL is wrong", "html_error_page")


def _xml_declared_encoding(data: bytes) -> str | None:
    m = re.match(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']", data[:200])
    return m[1].decode("ascii").lower() if m else None


def parse_index_xml(data: bytes) -> list[IndexRecord]:
    """Records of an index XML (``<FinancialDisclosure><Member>…``)."""
    return _parse_xml(data).records


def _parse_xml(data: bytes) -> ParsedIndex:
    if not data.strip():
        raise IndexFormatError("the index XML is empty", "empty_index")
    if looks_like_html(data):
        raise _html_error(data, "the index XML")
    encoding = _xml_declared_encoding(data) or ("utf-16" if data[:2] in (codecs.BOM_LE, codecs.BOM_BE) else
                                                 "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        root = None
        if _xml_declared_encoding(data) in (None, "utf-8", "utf8") and not _is_utf8(data):
            try:  # Windows-1252 bytes, undeclared or mislabelled as UTF-8 (an old Windows export)
                root, encoding = ET.fromstring(data.decode("cp1252")), "cp1252"
            except (UnicodeDecodeError, ET.ParseError):
                root = None
        if root is None:
            raise IndexFormatError(f"the index XML is malformed ({exc})", "malformed_xml") from None
    if _norm(root.tag) != "financialdisclosure":
        raise IndexFormatError(
            f"the index XML's root is <{root.tag}>, expected <FinancialDisclosure>", "unexpected_xml"
        )
    records = []
    for no, member in enumerate((e for e in root.iter() if _norm(e.tag) == "member"), start=1):
        values = dict.fromkeys(FIELDS, "")
        for child in member:  # unknown children are ignored; known tags in any case
            field = _NORM_FIELDS.get(_norm(child.tag))
            if field is not None and not values[field]:
                values[field] = child.text or ""
        records.append(_record(no, list(values.values())))
    return ParsedIndex(records, encoding)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_index_txt(data: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM decides; else UTF-8, and Windows-1252 only when UTF-8 fails."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data[:2] in (codecs.BOM_LE, codecs.BOM_BE):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1252")
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            error = exc
    raise IndexFormatError(
        f"the index TXT is neither UTF-8, UTF-16 nor Windows-1252 text ({error})", "bad_encoding") from None


def parse_index_txt(data: bytes) -> list[IndexRecord]:
    """Records of the tab-separated index TXT (a header row naming the columns, then one line each)."""
    return _parse_txt(data).records


def _parse_txt(data: bytes) -> ParsedIndex:
    if not data.strip():
        raise IndexFormatError("the index TXT is empty", "empty_index")
    if looks_like_html(data):
        raise _html_error(data, "the index TXT")
    text, encoding = decode_index_txt(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None) or []
    columns = [_NORM_FIELDS.get(_norm(h)) for h in header]
    missing = [f for f in FIELDS if f not in columns]
    if missing:
        raise IndexFormatError(
            f"the index TXT header {header!r} lacks the column(s) {', '.join(missing)}; it needs all of "
            f"{', '.join(FIELDS)} (in any order, extra columns are ignored)", "bad_header")
    where = {f: columns.index(f) for f in FIELDS}
    width = len(header)
    records = []
    for no, row in enumerate((r for r in reader if any(c.strip() for c in r)), start=1):
        row = row + [""] * (width - len(row))  # trailing empty fields may be cut off
        extra = tuple(v for v in row[width:] if v.strip())
        records.append(_record(no, [row[where[f]] for f in FIELDS], extra))
    return ParsedIndex(records, encoding)


_INDEX_NAME = re.compile(r"^(\d{4})fd\.(xml|txt)$")
MAX_INDEX_BYTES = 256 << 20
"""Largest uncompressed index accepted: the real ones are a few MB; a zip bomb (1.5 GB of XML in a
1.5 MB zip) is refused before it is inflated, instead of exhausting memory."""


def open_index_zip(data: bytes, year: int) -> tuple[str, bytes]:
    """The index inside ``{year}FD.zip``: ('xml' | 'txt', bytes), preferring the XML.

    Taken, in order: ``{year}FD.xml`` / ``.txt`` in any case and any folder; else the only .xml
    (or the only .txt) whose name is not another year's index. PDFs and other files are ignored.
    """
    if not data.startswith(b"PK"):
        if looks_like_html(data):
            raise _html_error(data, "the index zip")
        what = "empty" if not data else f"not a zip archive (it starts with {data[:16]!r})"
        raise IndexFormatError(f"the index zip ({len(data)} bytes) is {what}", "bad_zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/") and not _is_junk(n)]
            chosen = _choose_member(names, year)
            if chosen is None:
                raise IndexFormatError(
                    f"the index zip holds neither {year}FD.xml nor {year}FD.txt, nor a single other .xml or "
                    f".txt file (it holds: {', '.join(names[:10]) or 'nothing'})", "bad_zip")
            name, fmt = chosen
            declared = zf.getinfo(name).file_size
            if declared > MAX_INDEX_BYTES:
                raise _too_big(name, declared)
            with zf.open(name) as member:  # the header can lie: read at most one byte past the cap
                content = member.read(MAX_INDEX_BYTES + 1)
            if len(content) > MAX_INDEX_BYTES:
                raise _too_big(name, None)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError, zlib.error) as exc:
        raise IndexFormatError(f"the index zip is corrupt or truncated ({exc})", "bad_zip") from None
    except NotImplementedError as exc:  # e.g. Deflate64, which Python's zipfile cannot read
        raise IndexFormatError(f"the index zip uses a compression Python cannot read ({exc})", "bad_zip") from None
    if name != f"{year}FD.{fmt}":
        logger.info("index %s: using zip member %r", year, name)
    return fmt, content


def _too_big(name: str, size: int | None) -> IndexFormatError:
    shown = f"{size:,} bytes" if size is not None else f"more than {MAX_INDEX_BYTES:,} bytes"
    return IndexFormatError(
        f"the index zip member {name!r} inflates to {shown}, over the {MAX_INDEX_BYTES >> 20} MB an index "
        "may have (the Clerk's are a few MB): the download is not a House index, or is damaged; fetch it again",
        "bad_zip",
    )


def _is_junk(name: str) -> bool:
    base = posixpath.basename(name)
    return name.startswith("__MACOSX/") or base.startswith("._") or base.startswith(".")


def _choose_member(names: list[str], year: int) -> tuple[str, str] | None:
    by_base = {}
    for name in names:
        by_base.setdefault(posixpath.basename(name).lower(), []).append(name)
    for fmt in ("xml", "txt"):
        exact = sorted(by_base.get(f"{year}fd.{fmt}", []), key=lambda n: (n.count("/"), n))
        if exact:
            return exact[0], fmt
    for fmt in ("xml", "txt"):
        others = [n for n in names if n.lower().endswith(f".{fmt}")
                  and not _INDEX_NAME.match(posixpath.basename(n).lower())]
        if len(others) == 1:
            return others[0], fmt
    return None


def parse_index(fmt: str, data: bytes) -> ParsedIndex:
    """Records of an index in ``fmt`` ('xml' or 'txt') and the encoding they were read in."""
    return _parse_xml(data) if fmt == "xml" else _parse_txt(data)


_DOC_ID = re.compile(r"^\d{4,10}$")


def record_problems(record: IndexRecord, year: int) -> list[tuple[str, str]]:
    """(reason_code, reason) for everything unusual about one record; empty when it is clean.

    Only counted and logged: the record lands in bronze as published either way, and silver
    notes these problems on its row (nothing is quarantined for them).
    """
    problems: list[tuple[str, str]] = []
    where = f"index record {record.record_no} ({record.last or '?'}, {record.first or '?'})"
    if not record.doc_id:
        problems.append(("missing_doc_id", f"{where} has no DocID; it cannot be linked to a PDF"))
    elif not _DOC_ID.match(record.doc_id):
        problems.append(("bad_doc_id", f"{where} has DocID {record.doc_id!r}, which is not 4-10 digits"))
    if not record.filing_type:
        problems.append(("missing_filing_type", f"{where} has no FilingType"))
    if not record.filing_date_raw:
        problems.append(("missing_filing_date", f"{where} has no FilingDate"))
    elif _parse_date(record.filing_date_raw) is None:
        problems.append(("bad_filing_date", f"{where} has FilingDate {record.filing_date_raw!r}, not a M/D/YYYY date"))
    if record.year_raw and record.year_raw != str(year):
        problems.append(("year_mismatch", f"{where} says Year {record.year_raw} inside the {year} index"))
    if record.extra_fields:
        problems.append(("extra_fields", f"{where} has {len(record.extra_fields)} field(s) beyond the header's "
                                         f"columns: {record.extra_fields!r}"))
    return problems


def _parse_date(raw: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(raw, "%m/%d/%Y").date()
    except ValueError:
        return None
