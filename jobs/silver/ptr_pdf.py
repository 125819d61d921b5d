"""Rows out of a House Periodic Transaction Report (PTR) PDF: the pure extraction library.

An e-filed PTR is a table whose columns are ``ID | Owner | Asset | Transaction Type | Date |
Notification Date | Amount | Cap. Gains > $200?``. Rows alternate grey and white shading, which
breaks table extraction, so this module works from *word positions*: it groups words into lines,
finds each page's table header to learn the column x-positions, and reads the table as a small
state machine:

* an **anchor line** starts a row: it carries at least two of owner code, transaction type,
  transaction date, notification date and the start of an amount, each in its own column;
* the lines after it continue the row's cells (asset name, ``S (partial)``, ``$500,000`` wrapped
  over lines, an ID wrapped in the ID column), possibly at the top of the next page, below the
  repeated header;
* **sub-lines** (``FILING STATUS:``, ``SUBHOLDING OF:``, ``DESCRIPTION:``, ``LOCATION:``,
  ``COMMENTS:``) follow; their labels are small caps, recognised by their letters whatever the
  layout draws them with (see the eras below);
* the footnote, ``INVESTMENT VEHICLE DETAILS``, the IPO question and the certification end the
  table, so the vehicle list is never read as rows.

**Layout eras.** The Clerk's e-filing system produced two text layers, told apart by facts of the
file (never by its date) and recorded as ``PtrHeader.layout_era``:

* ``'eo_pdf'``: the producer string is ``EO.Pdf`` (the 2024 and 2025 samples). Fonts are
  embedded whole with right ToUnicode maps; small caps' hidden letters come out as NUL characters;
  the Cap. Gains box is a vector drawing (an empty square on every row, a tick path added inside
  it when ticked).
* ``'2021_generic'``: no EO.Pdf producer, and the check boxes and radio buttons are glyphs of a
  Marlett symbol font (``gfedc`` empty, ``gfedcb`` ticked; ``nmlkj`` / ``nmlkji`` for a radio
  button). Its Georgia TrueType subsets keep the standard Macintosh glyph order (glyph id =
  character code - 29), but their ToUnicode maps give some capitals as lower case (``AAPl``,
  ``[gS]``, ``FIlINg STATuS``); the true letter is read from the glyph id shown in the content
  stream (:func:`_read_fonts`), not guessed.
* ``'unknown'``: a text layer matching neither (kept, and extracted the same way).

Words come from PDFium (``pypdfium2``, installed with pdfplumber): it decrypts the Clerk's
RC4/empty-password files and gives character boxes at about 3 ms a page, against about 60 ms for
pdfplumber, which the extraction benchmark (>= 50 PTRs a second per core) cannot afford. Only a file
whose fonts need their glyph ids is also read with pypdf (its font tables and content streams,
2-5 ms). :mod:`jobs.silver.ocr` feeds the same assembly (:func:`assemble_ptr`) with Tesseract's
words.

Every row carries the names of the row checks it failed, computed from the values themselves
(dates in order and plausible, a known amount bucket, a well-formed ticker, no sub-line label
inside a field ...), never constant confidences; document-level self-checks (as many ``[XX]``
type codes in the text as rows found, a decodable text layer) land in ``PtrDocument.issues``,
those in :data:`REVIEW_ISSUES` sending the document to review. Nothing here does I/O beyond
reading the bytes it is given.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import difflib
import io
import re
import struct
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lakehouse.errors import LakehouseError

#: Bump when the output for the same PDF changes (new field, different cleaning, bug fix).
EXTRACTOR_VERSION = "ptr-pdf/2"

#: Owner column codes; an empty cell means the filer.
OWNER_CODES = frozenset({"SP", "JT", "DC"})

#: The official asset-type codes (fd.house.gov/reference/asset-type-codes.aspx, domain notes §3.5).
ASSET_TYPE_CODES = frozenset(
    "4K 5C 5F 5P AB BA BK CO CS CT DB DO DS EF EQ ET FA FE FN FU GS HE HN IC IH IP IR MA MF MO OI OL "
    "OP OT PE PM PS RE RF RN RP RS SA ST TR VA VI WU".split()
)

#: The PTR amount buckets (columns A-J) as the e-filed PDFs print them, with their bounds.
AMOUNT_BUCKETS: dict[str, tuple[int, int | None]] = {
    "$1,001 - $15,000": (1_001, 15_000),
    "$15,001 - $50,000": (15_001, 50_000),
    "$50,001 - $100,000": (50_001, 100_000),
    "$100,001 - $250,000": (100_001, 250_000),
    "$250,001 - $500,000": (250_001, 500_000),
    "$500,001 - $1,000,000": (500_001, 1_000_000),
    "$1,000,001 - $5,000,000": (1_000_001, 5_000_000),
    "$5,000,001 - $25,000,000": (5_000_001, 25_000_000),
    "$25,000,001 - $50,000,000": (25_000_001, 50_000_000),
    "Over $50,000,000": (50_000_001, None),
}
_BUCKET_BY_BOUNDS = {bounds: label for label, bounds in AMOUNT_BUCKETS.items()}
_BUCKET_BOUNDS = frozenset(b for bounds in AMOUNT_BUCKETS.values() for b in bounds if b is not None)

TRANSACTION_TYPES = ("purchase", "sale", "partial_sale", "exchange")

#: Layout eras (see the module docstring); ``'no_text_layer'`` for a scan handed to OCR,
#: ``'paper_form'`` for a scan of the Committee on Ethics paper form read by its check-box grid.
ERA_EO_PDF = "eo_pdf"
ERA_2021 = "2021_generic"
ERA_UNKNOWN = "unknown"
ERA_NO_TEXT = "no_text_layer"
ERA_PAPER_FORM = "paper_form"
LAYOUT_ERAS = (ERA_EO_PDF, ERA_2021, ERA_UNKNOWN, ERA_NO_TEXT, ERA_PAPER_FORM)
#: Eras whose every e-filed row has a Cap. Gains box (glyph or drawing): a row without one was misread.
_ERAS_WITH_BOXES = frozenset({ERA_EO_PDF, ERA_2021})

#: Names of the row checks, in the order they run.
ROW_CHECKS = (
    "asset_name_present",
    "transaction_type_known",
    "dates_parsed",
    "date_order",
    "dates_plausible",
    "amount_bucket_known",
    "ticker_format",
    "asset_type_known",
    "owner_known",
    "ticker_matches_text",
    "no_label_text",
    "cap_gains_read",
)

#: Document issues (the part before any ':') that send a document to review: its rows may be
#: incomplete or mis-read even when each row passes its own checks.
REVIEW_ISSUES = frozenset({
    "no_text_layer",
    "not_a_ptr",
    "table_header_not_found",
    "no_rows_found",
    "type_code_count_mismatch",
    "glyph_decode_failed",
    "lowercase_capitals_in_text_layer",
    "paper_rows_to_review",
    "paper_form_empty",
})

#: Earliest plausible transaction date: the STOCK Act era the lakehouse covers starts in 2008.
MIN_PLAUSIBLE_DATE = dt.date(2008, 1, 1)


class PtrExtractionError(LakehouseError, ValueError):
    """The bytes are not a readable PDF (not a PDF at all, corrupt, or encrypted with a password)."""


@dataclass(frozen=True)
class PtrRow:
    """One transaction row of a PTR, with its sub-lines folded in.

    ``line_no`` is the 1-based order in the document: rows that look identical (same asset,
    dates and amount in different trust sub-accounts) are real and are all kept. ``comment`` holds
    the ``COMMENTS:`` sub-line some filers add and ``location`` the ``LOCATION:`` one; neither is
    part of ``description``. ``row_id`` is the ID column as printed (filled on amended rows).
    ``cap_gains_over_200`` is true/false wherever the form shows the box, null only where it has none.
    """

    line_no: int
    owner: str | None
    asset_name: str | None
    ticker: str | None
    asset_type: str | None
    transaction_type: str | None
    transaction_date: dt.date | None
    notification_date: dt.date | None
    amount_range: str | None
    amount_low: int | None
    amount_high: int | None
    cap_gains_over_200: bool | None
    filing_status: str | None
    subholding_of: str | None
    description: str | None
    page: int
    checks_failed: tuple[str, ...]
    comment: str | None = None
    location: str | None = None
    row_id: str | None = None


@dataclass(frozen=True)
class PtrHeader:
    """Document-level fields: filer block, IPO answer and digital signature.

    ``layout_era`` says which of the Clerk's layouts the file is (:data:`LAYOUT_ERAS`); it describes
    the file, not the report, so it takes no part in equality (a scan of a report has the same header).
    """

    doc_id: str | None
    filer_name: str | None
    status: str | None
    state_district: str | None
    ipo_answer: bool | None
    signature_name: str | None
    signature_date: dt.date | None
    layout_era: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PtrDocument:
    """Everything extracted from one PTR; ``issues`` names document-level problems.

    An issue is a name, optionally followed by ``:`` and details (``'type_code_count_mismatch:21 codes,
    20 rows'``); :func:`issue_code` gives the name, and those in :data:`REVIEW_ISSUES` need review.
    """

    header: PtrHeader
    rows: tuple[PtrRow, ...]
    pages: int
    method: str
    issues: tuple[str, ...]


def issue_code(issue: str) -> str:
    """The name of a document issue without its details (``'glyph_decode_failed:page 2'`` -> its name)."""
    return issue.split(":", 1)[0]


# --------------------------------------------------------------------------------------------
# Layout primitives shared with the OCR path


@dataclass(frozen=True, slots=True)
class Word:
    """A word on a page, in points from the top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page (points from the top-left), e.g. a filled radio-button dot."""

    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class CheckBox(Box):
    """A drawn check box (the Cap. Gains column) and whether it is ticked."""

    checked: bool = False


@dataclass(frozen=True)
class PageContent:
    """The words of one page plus the marks found on it: filled radio-button dots, check boxes."""

    words: tuple[Word, ...]
    marks: tuple[Box, ...] = ()


@dataclass(frozen=True)
class LayoutTolerance:
    """How far apart things may be and still count as aligned, and how forgiving to be of misreads.

    Text-layer words of one line share a baseline; OCR boxes wobble by a point or two, so the OCR
    path passes larger values and turns on ``ocr_fixes`` (a transaction type read as '=p' is 'P',
    a ticker read 'AAPl' is 'AAPL': OCR cannot tell some capitals from lower case, tickers are capitals).
    """

    line: float = 2.5
    column: float = 5.0
    ocr_fixes: bool = False


# --------------------------------------------------------------------------------------------
# Public entry points


def extract_ptr(pdf: bytes) -> PtrDocument:
    """Extract the header and transaction rows of an e-filed PTR from its text layer.

    A PDF without a text layer (a paper filing) is not an error: the result has no rows and
    ``issues`` contains ``'no_text_layer'``; :func:`jobs.silver.ocr.ocr_ptr` reads those.

    Args:
        pdf: The PDF file's bytes, as downloaded.

    Returns:
        The document with ``method='text'`` and ``header.layout_era`` set.

    Raises:
        PtrExtractionError: If the bytes are not a PDF, are corrupt, or need a password.
    """
    layer = _read_pdf(pdf)
    return assemble_ptr(layer.pages, method="text", layout_era=layer.era, read_issues=layer.issues)


def has_text_layer(pdf: bytes) -> bool:
    """Tell whether any page of the PDF has extractable text (e-filed) or none (scanned paper).

    Raises:
        PtrExtractionError: If the bytes are not a readable PDF.
    """
    check_pdf_bytes(pdf)
    try:
        doc = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PtrExtractionError(_pdfium_failure(str(exc))) from None
    try:
        found = 0
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            try:
                found += sum(ch.isalnum() for ch in textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
            if found >= _MIN_TEXT_CHARS:
                return True
        return False
    finally:
        doc.close()


def assemble_ptr(
    pages: Sequence[PageContent],
    *,
    method: str,
    tolerance: LayoutTolerance | None = None,
    layout_era: str | None = None,
    read_issues: Sequence[str] = (),
) -> PtrDocument:
    """Build a :class:`PtrDocument` from positioned words, whatever produced them.

    Args:
        pages: One entry per page, in order.
        method: Recorded in the result (``'text'`` or ``'ocr'``).
        tolerance: Alignment tolerances; the defaults suit a PDF text layer.
        layout_era: The file's layout era (:data:`LAYOUT_ERAS`), recorded in the header.
        read_issues: Problems met while reading the pages (e.g. ``'glyph_decode_failed:page 2'``).

    Returns:
        The assembled document.
    """
    tol = tolerance or LayoutTolerance()
    doc_issues: list[str] = []
    if _count_text_chars(pages) < _MIN_TEXT_CHARS:
        doc_issues.append("no_text_layer")
        era = ERA_NO_TEXT if method == "text" else layout_era
        return PtrDocument(_header_with_era(_EMPTY_HEADER, era), (), len(pages), method, tuple(doc_issues))
    doc_issues.extend(read_issues)
    doc_issues.extend(
        f"page_without_text:{n}" for n, page in enumerate(pages, 1) if not _has_text(page.words)
    )
    lines_by_page = [_group_lines(page.words, tol.line) for page in pages]
    parsed = _parse_table(lines_by_page, [page.marks for page in pages], tol.column)
    header = _header_with_era(_parse_header(lines_by_page, [page.marks for page in pages]), layout_era)
    boxes_expected = layout_era in _ERAS_WITH_BOXES or any(d.checkbox is not None for d in parsed.drafts)
    rows = tuple(
        _build_row(n, draft, header.signature_date, tol.ocr_fixes, boxes_expected)
        for n, draft in enumerate(parsed.drafts, 1)
    )

    if not parsed.header_found:
        doc_issues.append("table_header_not_found")
    if not parsed.title_found and not (parsed.header_found and rows):
        doc_issues.append("not_a_ptr")  # e.g. a Form A/B report: its Schedule B is another table
    if not rows:
        doc_issues.append("no_rows_found")
    if header.signature_date is None:
        doc_issues.append("signature_not_found")
    if method == "text":
        if parsed.lowercase_capitals:
            # The Clerk's banner prints 'Legislative Resource Center': read as 'legislative', the
            # text layer still maps capitals to lower case, so names may be mis-cased too.
            doc_issues.append("lowercase_capitals_in_text_layer")
        codes = _count_type_codes(lines_by_page)
        if rows and codes != len(rows):
            # Every e-filed row prints one '[XX]' asset-type code: a row was lost, split or merged.
            doc_issues.append(f"type_code_count_mismatch:{codes} codes, {len(rows)} rows")
    return PtrDocument(header, rows, len(pages), method, tuple(doc_issues))


def _header_with_era(header: PtrHeader, era: str | None) -> PtrHeader:
    return dataclasses.replace(header, layout_era=era)


# --------------------------------------------------------------------------------------------
# Reading the text layer with PDFium

_MIN_TEXT_CHARS = 10
_BREAK_CHARS = frozenset(" \t\r\n\x0b\x0c\xa0\u2002\u2003\u2009")
_HIDDEN_CHARS = "\x00\ufffe"  # small-caps letters without a Unicode mapping
_WORD_GAP = 1.0  # points between glyph boxes that split a word ('[ST]S' at a cell edge)


@dataclass(frozen=True)
class _TextLayer:
    """A PDF's pages as positioned words and marks, its layout era, and what went wrong reading it."""

    pages: list[PageContent]
    era: str
    issues: tuple[str, ...]


def _read_text_layer(
    pdf: bytes, marks_of: Callable[[pdfium.PdfPage, Sequence[Word]], tuple[Box, ...]] | None = None
) -> list[PageContent]:
    """Open the PDF with PDFium and return each page's words and marks (see :func:`_read_pdf`)."""
    return _read_pdf(pdf, marks_of).pages


def _read_pdf(
    pdf: bytes, marks_of: Callable[[pdfium.PdfPage, Sequence[Word]], tuple[Box, ...]] | None = None
) -> _TextLayer:
    """Open the PDF with PDFium: each page's words (true letters) and marks, and the layout era.

    ``marks_of(page, words)`` finds a page's marks; by default, the filled radio-button dots of
    pages with a Yes/No question and the drawn check boxes of pages with a 'Cap.' column header.
    """
    check_pdf_bytes(pdf)
    try:
        doc = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PtrExtractionError(_pdfium_failure(str(exc))) from None
    try:
        producer = (doc.get_metadata_value("Producer") or "").strip()
        # EO.Pdf embeds whole fonts with right ToUnicode maps, and a file without a composite font
        # has no glyph ids to read: neither needs the pypdf pass (2-5 ms, a third of the budget).
        fonts = _read_fonts(pdf) if not producer.startswith("EO.Pdf") and _may_show_glyph_ids(pdf) else None
        era = _layout_era(producer, fonts, pdf)
        issues: list[str] = []
        if fonts is not None and fonts.error:
            issues.append(f"glyph_decode_failed:{fonts.error}")
        decode = fonts is not None and fonts.needs_decoding
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                glyphs = fonts.page_glyphs(index) if decode else None
                words, decoded = _page_words(page, glyphs)
                if decode and (glyphs is None or not decoded):
                    issues.append(f"glyph_decode_failed:page {index + 1}")
                marks = marks_of(page, words) if marks_of is not None else _default_marks(page, words)
                pages.append(PageContent(tuple(words), marks))
            finally:
                page.close()
        return _TextLayer(pages, era, tuple(issues))
    finally:
        doc.close()


def _layout_era(producer: str, fonts: _Fonts | None, pdf: bytes) -> str:
    """The layout era from the file's own facts: its producer string and its fonts."""
    if producer.startswith("EO.Pdf"):
        return ERA_EO_PDF
    if fonts.symbol_check_boxes if fonts is not None else _MARLETT in pdf:
        return ERA_2021
    return ERA_UNKNOWN


# PDF names are never encrypted, so a font's type and name can be seen in the raw bytes, unless
# the file packs its objects into compressed object streams (then pypdf must read them).
_TYPE0, _OBJECT_STREAM, _MARLETT = b"Type0", b"ObjStm", b"Marlett"


def _may_show_glyph_ids(pdf: bytes) -> bool:
    """Whether the file may have a composite (Type0) font, the only kind whose codes are glyph ids."""
    return _TYPE0 in pdf or _OBJECT_STREAM in pdf


def check_pdf_bytes(pdf: bytes) -> None:
    """Reject what is obviously not a PDF, with a message that says what it looks like instead.

    Raises:
        PtrExtractionError: If the body is empty or has no ``%PDF-`` signature near its start.
    """
    if not pdf:
        raise PtrExtractionError("not a PDF: the body is empty (0 bytes)")
    if b"%PDF-" not in pdf[:1024]:
        head = pdf[:60]
        hint = ""
        if head.lstrip()[:1] == b"<":
            hint = (
                " It looks like HTML, e.g. the Clerk's 1,216-byte '404 - File or directory not found' page"
                " served for a wrong URL (PTRs live under /public_disc/ptr-pdfs/{year}/{doc_id}.pdf)."
            )
        raise PtrExtractionError(
            f"not a PDF: no '%PDF-' signature in the first 1024 bytes of {len(pdf):,}; "
            f"the body starts with {head!r}.{hint}"
        )


def _pdfium_failure(message: str) -> str:
    if "password" in message.lower():
        return (
            "cannot decrypt the PDF: it is encrypted with a non-empty user password "
            f"(the Clerk's files use an empty one), PDFium said: {message}"
        )
    return f"unreadable PDF (corrupt or truncated?): PDFium could not open it: {message}"


def _page_words(page: pdfium.PdfPage, glyphs: _PageGlyphs | None = None) -> tuple[list[Word], bool]:
    """Words of one page from PDFium's character boxes, in top-left coordinates.

    With ``glyphs`` (the page's shown character codes, in content order), letters whose ToUnicode
    entry has the wrong case are replaced by the glyph's true letter; the second value tells
    whether that worked (PDFium's characters matched the codes one for one). Raw PDFium calls with
    one reused rectangle: this loop runs once per character and is most of the extraction time.
    """
    left, _bottom, _right, top = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = textpage.count_chars()
        if count <= 0:
            return [], glyphs is None or not glyphs.printed
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # surrogate pairs: fall back to one call per character
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
        is_generated = pdfium_c.FPDFText_IsGenerated
        generated = [bool(is_generated(raw, i)) for i in range(count)] if glyphs is not None else None
        decoded = True
        if glyphs is not None:
            true_text = glyphs.true_text(text, generated)
            decoded = true_text is not None
            text = true_text if true_text is not None else text
        get_box = pdfium_c.FPDFText_GetLooseCharBox
        rect = pdfium_c.FS_RECTF()
        words: list[Word] = []
        chars: list[str] = []
        x0 = x1 = w_top = w_bottom = 0.0
        for i, ch in enumerate(text):
            if (
                ch in _BREAK_CHARS
                or (generated[i] if generated is not None else is_generated(raw, i))
                or not get_box(raw, i, rect)  # no box: nothing to place (PDFium has one for every glyph)
            ):
                if chars:
                    words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
                    chars = []
                continue
            c_left, c_right = rect.left - left, rect.right - left
            c_top, c_bottom = top - rect.top, top - rect.bottom
            # Split on a visible gap, a jump back before the word's start or a new baseline; glyphs
            # drawn over the word (a check mark over its box) and hidden small-caps letters stay.
            if (
                chars
                and ch not in _HIDDEN_CHARS
                and (c_left - x1 > _WORD_GAP or c_left < x0 - 1.0 or abs(c_top - w_top) > 1.0)
            ):
                words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
                chars = []
            if not chars:
                x0, x1, w_top, w_bottom = c_left, c_right, c_top, c_bottom
            elif c_right > x1:
                x1 = c_right
            chars.append(ch)
        if chars:
            words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
        return words, decoded
    finally:
        textpage.close()


# --------------------------------------------------------------------------------------------
# True letters from glyph ids (the 2021 text layer)
#
# A TrueType font embedded as an Identity-H CID font shows glyph ids directly: the content stream's
# two-byte codes are the glyphs. The 2021 layer's Georgia subsets keep the standard Macintosh glyph
# order (glyph 3 is the space U+0020, 36 is 'A' U+0041: glyph id = character code - 29), and every
# ToUnicode entry agrees with that order except some letters given in the other case (the glyph of
# 'L' mapped to 'l'). PDFium only reports the mapped text, and both 'L' and 'l' glyphs map to 'l',
# so the glyph ids are read from the content stream with pypdf and matched to PDFium's characters
# one for one (both follow the content order); a page where they disagree is left as PDFium read
# it and the document is flagged ('glyph_decode_failed').

_MAC_GLYPH_OFFSET = 29  # standard Macintosh order: glyphs 3..97 are the ASCII characters 32..126
_MIN_MAC_MATCHES = 10  # ToUnicode entries agreeing with the Mac order before the order is trusted

# The content-stream tokens that matter for shown text: names (font and form operands), strings,
# and the operators that show text, select a font, save or restore it, or draw a form. Numbers and
# every other operator are skipped by the regex engine; each alternative starts with a fixed
# character, which lets it skip them fast (a table page has thousands of path operators).
_CONTENT_TOKEN_RE = re.compile(
    rb"/[^\s/\[\]()<>{}%]*"  # name
    rb"|<[0-9A-Fa-f\s]*>"  # hex string
    rb"|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)"  # literal string (one level of nested parentheses)
    rb"|T[jJf]|q|Q|BI|BT|ET|BDC|BMC|EMC|Do|'|\""  # the operators that matter
    rb"|%[^\r\n]*",  # comment
    re.DOTALL,
)
_LITERAL_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
_BFCHAR_RE = re.compile(r"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE_RE = re.compile(r"beginbfrange(.*?)endbfrange", re.DOTALL)
_CMAP_PAIR_RE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_CMAP_RANGE_RE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")
_HEX_RE = re.compile(r"<([0-9A-Fa-f]*)>")


@dataclass(frozen=True)
class _FontCodes:
    """How one font's codes read: ToUnicode text, and the true letter of mis-mapped glyphs."""

    two_byte: bool
    to_unicode: dict[int, str]
    true_letters: dict[int, str]
    single: dict[int, str]  # the codes mapped to one character (nearly all)
    several: frozenset[int]  # the codes mapped to several (ligatures)


@dataclass(frozen=True)
class _PageGlyphs:
    """The characters a page shows, in content order: as ToUnicode reads them (None: unknown) and
    the true letter where it differs (else None)."""

    printed: list[str | None]
    true: list[str | None]

    def true_text(self, text: str, generated: Sequence[bool]) -> str | None:
        """PDFium's page text with the true letters, or None if it does not match the codes.

        ``generated`` flags the characters PDFium added itself (spaces and line breaks it inferred).
        """
        chars = list(text)
        position, total = 0, len(self.printed)
        for i, ch in enumerate(text):
            if generated[i]:
                continue
            # PDFium drops some space glyphs (or marks its own space there): spaces carry no letter.
            while position < total and self.printed[position] == " " and ch != " ":
                position += 1
            if position >= total:
                return None
            expected = self.printed[position]
            if expected is not None and expected != ch:
                return None
            if self.true[position] is not None:
                chars[i] = self.true[position]
            position += 1
        return "".join(chars) if position == total else None


class _Fonts:
    """A PDF's fonts read with pypdf: whether any needs its glyph ids, and each page's shown glyphs."""

    def __init__(self, reader, error: str | None = None) -> None:
        self.reader = reader
        self.error = error
        self.symbol_check_boxes = False
        self.needs_decoding = False
        self._fonts: dict[object, object] = {}  # font dictionaries by reference
        self._codes: dict[object, _FontCodes] = {}  # ToUnicode parsed, for the fonts that needed it

    def scan(self) -> None:
        """Find the fonts that need their glyph ids (reading only their ToUnicode maps)."""
        for page in self.reader.pages:
            self._resource_fonts(page.get("/Resources"))

    def _resource_fonts(self, resources) -> dict[str, object]:
        """Resource name -> font key; registers fonts met for the first time."""
        resources = resources.get_object() if resources is not None else None
        fonts = resources.get("/Font") if resources is not None else None
        found: dict[str, object] = {}
        if fonts is None:
            return found
        for name, ref in fonts.get_object().items():
            key = (ref.idnum, ref.generation) if hasattr(ref, "idnum") else id(ref)
            if key not in self._fonts:
                font = ref.get_object()
                self._fonts[key] = font
                if "marlett" in str(font.get("/BaseFont", "")).lower():
                    self.symbol_check_boxes = True  # check boxes and radio buttons drawn as glyphs
                if _shows_glyph_ids(font):
                    codes = self.codes(key)
                    self.needs_decoding = self.needs_decoding or bool(codes.true_letters)
            found[name] = key
        return found

    def codes(self, key: object) -> _FontCodes:
        """How the font's codes read (its ToUnicode map parsed on first use)."""
        if key not in self._codes:
            self._codes[key] = _font_codes(self._fonts[key])
        return self._codes[key]

    def page_glyphs(self, index: int) -> _PageGlyphs | None:
        """The characters page ``index`` shows, or None if its content cannot be followed."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # pypdf's notes on recoverable structure faults
                page = self.reader.pages[index]
                out = _PageGlyphs([], [])
                ok = self._walk(page.get_contents(), page.get("/Resources"), out, 0)
                return out if ok else None
        except Exception:  # noqa: BLE001 - a malformed stream only costs the decoding, flagged by the caller
            return None

    def _walk(self, contents, resources, out: _PageGlyphs, depth: int) -> bool:
        """Follow one content stream (and the forms it draws), appending the characters it shows."""
        if contents is None:
            return True
        fonts = self._resource_fonts(resources)
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        font: _FontCodes | None = None
        stack: list[_FontCodes | None] = []
        name = b""
        strings: list[bytes] = []
        for token in _CONTENT_TOKEN_RE.findall(contents.get_data()):
            if token == b"q":  # the commonest tokens first: every text object sits in q ... Q
                stack.append(font)
                continue
            if token == b"Q":
                font = stack.pop() if stack else font
                continue
            first = token[0]
            if first == 0x2F:  # '/': a name, the operand of Tf or Do
                name = token
                continue
            if first == 0x3C or first == 0x28:  # '<' or '(': a string
                strings.append(token)
                continue
            if first == 0x25:  # '%': a comment
                continue
            if token == b"Tf":
                key = fonts.get(name.decode("latin-1"))
                font = self.codes(key) if key is not None else None
            elif token == b"TJ" or token == b"Tj" or token == b"'" or token == b'"':
                if strings and font is None:
                    return False  # text in a font the resources do not name
                for string in strings if token == b"TJ" else strings[-1:]:
                    _show(_string_bytes(string), font, out)
            elif token == b"Do" and xobjects is not None:
                form = xobjects.get_object().get(name.decode("latin-1"))
                form = form.get_object() if form is not None else None
                if form is not None and form.get("/Subtype") == "/Form":
                    if depth >= 4 or not self._walk(form, form.get("/Resources", resources), out, depth + 1):
                        return False
            elif token == b"BI":
                return False  # inline image data is not tokenisable here; PDFium's text is kept
            if strings:
                strings = []  # an operator consumed the strings before it
        return True


def _read_fonts(pdf: bytes) -> _Fonts:
    """The fonts of a PDF read with pypdf; if pypdf cannot (PDFium could), an empty set with the error."""
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf's notes on recoverable structure faults
            fonts = _Fonts(PdfReader(io.BytesIO(pdf)))
            fonts.scan()
            return fonts
    except Exception as exc:  # noqa: BLE001 - pypdf failing only costs the decoding, which is flagged
        return _Fonts(None, error=f"font tables unreadable ({type(exc).__name__})")


def _shows_glyph_ids(font) -> bool:
    """A composite font with the Identity encoding: its two-byte codes are CIDs, glyph ids for the
    Clerk's TrueType subsets (whether they follow the Mac order is told by :func:`_mac_order_case_fixes`;
    the descendant font is not read: its width array alone costs pypdf more than the rest)."""
    return font.get("/Subtype") == "/Type0" and font.get("/Encoding") in ("/Identity-H", "/Identity-V")


def _font_codes(font) -> _FontCodes:
    """How a font's codes read; true letters only for a font showing glyph ids in Mac glyph order."""
    to_unicode_ref = font.get("/ToUnicode")
    to_unicode = {} if to_unicode_ref is None else _parse_to_unicode(to_unicode_ref.get_object().get_data())
    true_letters = _mac_order_case_fixes(to_unicode) if _shows_glyph_ids(font) else {}
    single = {code: text for code, text in to_unicode.items() if len(text) == 1}
    several = frozenset(code for code, text in to_unicode.items() if len(text) > 1)
    return _FontCodes(font.get("/Subtype") == "/Type0", to_unicode, true_letters, single, several)


def _mac_order_case_fixes(to_unicode: dict[int, str]) -> dict[int, str]:
    """Glyph id -> true letter for the entries giving the other case, if the font is in Mac order.

    The order is trusted when the ToUnicode entries of glyphs 3..97 agree with it (at least
    :data:`_MIN_MAC_MATCHES`, and no more than one in twenty disagreeing other than by case).
    """
    matches = others = 0
    fixes: dict[int, str] = {}
    for code, text in to_unicode.items():
        if not 3 <= code <= 97:
            continue
        glyph_char = chr(code + _MAC_GLYPH_OFFSET)
        if text == glyph_char:
            matches += 1
        elif len(text) == 1 and text.isalpha() and text.swapcase() == glyph_char:
            fixes[code] = glyph_char
        else:
            others += 1
    if matches < _MIN_MAC_MATCHES or others * 20 > matches:
        return {}
    return fixes


def _parse_to_unicode(data: bytes) -> dict[int, str]:
    """Code -> text of a ToUnicode CMap (bfchar and bfrange entries)."""
    text = data.decode("latin-1")
    mapping: dict[int, str] = {}
    for block in _BFCHAR_RE.findall(text):
        for code, value in _CMAP_PAIR_RE.findall(block):
            mapping[int(code, 16)] = _utf16(value)
    for block in _BFRANGE_RE.findall(text):
        for low, high, dest in _CMAP_RANGE_RE.findall(block):
            start, end = int(low, 16), int(high, 16)
            if end < start or end - start > 0xFFFF:
                continue
            if dest.startswith("["):
                for offset, value in enumerate(_HEX_RE.findall(dest)[: end - start + 1]):
                    mapping[start + offset] = _utf16(value)
            else:
                base = _utf16(dest[1:-1])
                for offset in range(min(end - start, 0x10FFFF - ord(base[-1])) + 1 if base else 0):
                    mapping[start + offset] = base[:-1] + chr(ord(base[-1]) + offset)
    return mapping


def _utf16(hex_text: str) -> str:
    if len(hex_text) % 4:
        hex_text = hex_text.rjust(len(hex_text) + 4 - len(hex_text) % 4, "0")
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


def _string_bytes(token: bytes) -> bytes:
    """The bytes of a hex (``<0024>``) or literal (``(a\\(b)``) content-stream string."""
    if token[:1] == b"<":
        digits = token[1:-1].decode("ascii")
        try:
            return bytes.fromhex(digits)  # skips whitespace
        except ValueError:  # an odd number of digits: the last one is followed by a 0
            return bytes.fromhex(re.sub(r"\s", "", digits) + "0")
    body, out, i = token[1:-1], bytearray(), 0
    while i < len(body):
        byte = body[i]
        if byte != 0x5C:  # backslash
            out.append(byte)
            i += 1
            continue
        i += 1
        if i >= len(body):
            break
        nxt = body[i]
        if 0x30 <= nxt <= 0x37:  # octal, up to three digits
            digits = re.match(rb"[0-7]{1,3}", body[i : i + 3]).group(0)
            out.append(int(digits, 8) & 0xFF)
            i += len(digits)
        elif nxt in (0x0A, 0x0D):  # line continuation
            i += 2 if body[i : i + 2] == b"\r\n" else 1
        else:
            out.append(_LITERAL_ESCAPES.get(nxt, nxt))
            i += 1
    return bytes(out)


def _show(data: bytes, font: _FontCodes, out: _PageGlyphs) -> None:
    """Append the characters a string shows in ``font`` (one unknown character per code without a map)."""
    codes = struct.unpack(f">{len(data) // 2}H", data[: len(data) // 2 * 2]) if font.two_byte else data
    if not font.several.intersection(codes):
        out.printed.extend(map(font.single.get, codes))
        out.true.extend(map(font.true_letters.get, codes))
        return
    for code in codes:
        text = font.to_unicode.get(code)
        if text and len(text) > 1:
            out.printed.extend(text)
            out.true.extend([None] * len(text))
        else:
            out.printed.append(text or None)
            out.true.append(font.true_letters.get(code) if text else None)


# --------------------------------------------------------------------------------------------
# Marks: radio-button dots and drawn check boxes

_DOT_MIN, _DOT_MAX = 2.0, 8.0  # a radio button's dot, not its 9.5 pt ring
_BOX_MIN, _BOX_MAX = 7.0, 13.0  # a check box is about 9.5 pt square, its ring 10.9 pt


@dataclass(frozen=True, slots=True)
class _SmallPath:
    """A small path object of a page: bounds (top-left coordinates) and how it is painted."""

    x0: float
    x1: float
    top: float
    bottom: float
    dark_fill: bool
    open_stroke: bool


def _default_marks(page: pdfium.PdfPage, words: Sequence[Word]) -> tuple[Box, ...]:
    """Radio-button dots on pages with a Yes/No question, check boxes on pages with a 'Cap.' column."""
    dots, boxes = _has_yes_no(words), any(w.text == "Cap." for w in words)
    if not (dots or boxes):
        return ()
    paths = _small_paths(page)
    marks: list[Box] = []
    if dots:
        marks.extend(_radio_dots(paths))
    if boxes:
        marks.extend(_check_boxes(paths))
    return tuple(marks)


def _has_yes_no(words: Sequence[Word]) -> bool:
    texts = {w.text.lower() for w in words}
    return "yes" in texts and "no" in texts


def _page_check_boxes(page: pdfium.PdfPage, words: Sequence[Word]) -> tuple[CheckBox, ...]:
    """Check boxes drawn on a page with a transactions table (a 'Cap.' column header)."""
    if not any(w.text == "Cap." for w in words):
        return ()
    return _check_boxes(_small_paths(page))


def _radio_dots(paths: Sequence[_SmallPath]) -> list[Box]:
    return [
        Box(p.x0, p.x1, p.top, p.bottom)
        for p in paths
        if p.dark_fill and _DOT_MIN <= p.x1 - p.x0 <= _DOT_MAX and _DOT_MIN <= p.bottom - p.top <= _DOT_MAX
    ]


def _check_boxes(paths: Sequence[_SmallPath]) -> list[CheckBox]:
    """Check boxes from the paths drawn at one spot: a square, plus a tick or a dark fill if ticked.

    The e-filed box is a 9.5 pt square (light grey and white fills and a ring) on every row; a ticked
    one adds a dark fill and an open tick stroke inside it. A mark drawn at the spot of no square
    (a radio dot, a stray line) is not a box.
    """
    groups: list[list[_SmallPath]] = []
    for path in sorted(paths, key=lambda p: (p.top, p.x0)):
        cx, cy = (path.x0 + path.x1) / 2, (path.top + path.bottom) / 2
        for group in groups:
            first = group[0]
            if abs((first.x0 + first.x1) / 2 - cx) < 3 and abs((first.top + first.bottom) / 2 - cy) < 3:
                group.append(path)
                break
        else:
            groups.append([path])
    boxes = []
    for group in groups:
        squares = [
            p for p in group
            if _BOX_MIN <= p.x1 - p.x0 <= _BOX_MAX and _BOX_MIN <= p.bottom - p.top <= _BOX_MAX
            and not p.open_stroke
        ]
        if not squares:
            continue
        square = max(squares, key=lambda p: p.x1 - p.x0)
        ticked = any(p.dark_fill or p.open_stroke for p in group)
        boxes.append(CheckBox(square.x0, square.x1, square.top, square.bottom, ticked))
    return boxes


def _small_paths(page: pdfium.PdfPage) -> list[_SmallPath]:
    """The page's path objects no larger than a check box, forms included.

    Raw PDFium calls with reused buffers: a table page holds hundreds of paths (cell shading and
    rules), and the object wrappers of ``page.get_objects`` cost three times as much.
    """
    _left, _bottom, _right, top = page.get_mediabox()
    found: list[_SmallPath] = []
    left, bottom, right, upper = (ctypes.c_float() for _ in range(4))
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    path_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    pending = [pdfium_c.FPDFPage_GetObject(page.raw, k) for k in reversed(range(count))]
    while pending:
        obj = pending.pop()
        kind = get_type(obj)
        if kind == form_kind:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            pending.extend(pdfium_c.FPDFFormObj_GetObject(obj, k) for k in reversed(range(count)))
            continue
        if kind != path_kind or not get_bounds(obj, left, bottom, right, upper):
            continue
        width, height = right.value - left.value, upper.value - bottom.value
        if not (_DOT_MIN <= width <= _BOX_MAX and _DOT_MIN <= height <= _BOX_MAX):
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            continue
        dark = False
        if fill_mode.value != 0 and pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
            # The empty box is filled light grey (169) and white; a ticked one dark grey (118).
            dark = (r.value + g.value + b.value) / 3 < 150
        open_stroke = False
        if stroke.value and fill_mode.value == 0:
            segments = pdfium_c.FPDFPath_CountSegments(obj)
            last = pdfium_c.FPDFPath_GetPathSegment(obj, segments - 1) if segments > 1 else None
            open_stroke = bool(last) and not pdfium_c.FPDFPathSegment_GetClose(last)
        box = (left.value, right.value, top - upper.value, top - bottom.value)
        found.append(_SmallPath(*box, dark, open_stroke))
    return found


def _count_text_chars(pages: Sequence[PageContent]) -> int:
    return sum(ch.isalnum() for page in pages for w in page.words for ch in w.text)


def _has_text(words: Sequence[Word]) -> bool:
    return any(ch.isalnum() for w in words for ch in w.text)


# --------------------------------------------------------------------------------------------
# Lines and columns


@dataclass(frozen=True)
class _Line:
    words: tuple[Word, ...]  # sorted by x0
    top: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def plain(self) -> str:
        """The text without the hidden small-caps characters."""
        return _strip_hidden(self.text)

    @property
    def centre(self) -> float:
        return sum((w.top + w.bottom) / 2 for w in self.words) / len(self.words)


def _group_lines(words: Sequence[Word], tol: float) -> list[_Line]:
    """Cluster words into lines by their vertical centre, top to bottom."""
    ordered = sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0))
    groups: list[list[Word]] = []
    anchor = 0.0
    for word in ordered:
        centre = (word.top + word.bottom) / 2
        if not groups or centre - anchor > tol:
            groups.append([])
            anchor = centre
        groups[-1].append(word)
    return [
        _Line(_merge_checkbox_pieces(sorted(group, key=lambda w: w.x0)), min(w.top for w in group))
        for group in groups
    ]


# Marlett glyphs as the 2021 text layer maps them: a check box is 'g f e d c' (+ 'b', the tick),
# a radio button 'n m l k j' (+ 'i', the dot).
_CHECKBOX_CHARS = frozenset("bcdefg")
_CHECKBOX_BOX = frozenset("cdefg")
_RADIO_CHARS = frozenset("ijklmn")
_RADIO_RING = frozenset("jklmn")


def _merge_checkbox_pieces(words: list[Word]) -> tuple[Word, ...]:
    """Join the symbol-font pieces of a check box ('g' 'f' 'e' 'd' 'c' [+ 'b']) or a radio button."""
    merged: list[Word] = []
    for word in words:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and word.x0 <= prev.x1 + 1.5
            and any(set(word.text) | set(prev.text) <= chars for chars in (_CHECKBOX_CHARS, _RADIO_CHARS))
        ):
            merged[-1] = Word(prev.text + word.text, prev.x0, max(prev.x1, word.x1), prev.top, prev.bottom)
        else:
            merged.append(word)
    return tuple(merged)


def _checkbox_state(text: str) -> bool | None:
    """True for a ticked glyph check box ('gfedcb'), False for an empty one ('gfedc'), else None."""
    chars = set(text)
    if not _CHECKBOX_BOX <= chars <= _CHECKBOX_CHARS:
        return None
    return "b" in chars


def _radio_state(text: str) -> bool | None:
    """True for a selected glyph radio button ('nmlkji'), False for an empty one ('nmlkj'), else None."""
    chars = set(text)
    if not _RADIO_RING <= chars <= _RADIO_CHARS:
        return None
    return "i" in chars


@dataclass(frozen=True)
class _Columns:
    """Left edges of the table columns in points; defaults are the e-filed layout's."""

    id: float = 25.0
    owner: float = 65.0
    asset: float = 104.0
    tx_type: float = 261.0
    date: float = 325.0
    notification: float = 380.0
    amount: float = 444.0
    cap_gains: float = 525.0

    def of(self, x: float, tol: float) -> str:
        """Name of the column a word starting at ``x`` belongs to."""
        name = "id"
        for col in _COLUMN_ORDER:
            if getattr(self, col) - tol <= x:
                name = col
        return name


_COLUMN_ORDER = ("id", "owner", "asset", "tx_type", "date", "notification", "amount", "cap_gains")
_HEADER_WORDS = {
    "id": "id",
    "owner": "owner",
    "asset": "asset",
    "transaction": "tx_type",
    "date": "date",
    "notification": "notification",
    "amount": "amount",
    "cap": "cap_gains",
}
_HEADER_TAIL_WORDS = frozenset({"type", "date", "gains", ">", "$200?", "gains>", "$200", "?"})


def _header_columns(line: _Line) -> _Columns | None:
    """Column positions from a table header line, or None if the line is not one."""
    found: dict[str, float] = {}
    for word in line.words:
        col = _HEADER_WORDS.get(_LETTERS_RE.sub("", word.text.upper()).lower())  # OCR's '§=Amount' too
        if col is not None and col not in found:
            found[col] = word.x0
    if not {"owner", "asset", "amount"} <= found.keys() or len(found) < 5:
        return None
    defaults = _Columns()
    values = {col: found.get(col, getattr(defaults, col)) for col in _COLUMN_ORDER}
    xs = [values[col] for col in _COLUMN_ORDER]
    if xs != sorted(xs):  # a misread header word: trust the defaults rather than a scrambled order
        return defaults
    return _Columns(**values)


def _is_header_tail(line: _Line) -> bool:
    return all(w.text.lower() in _HEADER_TAIL_WORDS for w in line.words)


# --------------------------------------------------------------------------------------------
# Headings, labels and noise

_HEADING_TEXTS = {
    "PERIODICTRANSACTIONREPORT": "PTR",
    "FILERINFORMATION": "FI",
    "TRANSACTIONS": "T",
    "INVESTMENTVEHICLEDETAILS": "IVD",
    "INITIALPUBLICOFFERINGS": "IPO",
    "CERTIFICATIONANDSIGNATURE": "CS",
}
_END_HEADINGS = frozenset({"IVD", "IPO", "CS"})
_SUBLINE_INITIALS = {
    "FS": "filing_status",
    "SO": "subholding_of",
    "D": "description",
    "C": "comment",
    "L": "location",
}
_SUBLINE_TEXTS = {
    "FILINGSTATUS": "filing_status",
    "SUBHOLDINGOF": "subholding_of",
    "DESCRIPTION": "description",
    "COMMENTS": "comment",
    "COMMENT": "comment",
    "LOCATION": "location",
}
#: Words a sub-line label may take before its colon: 2021 small caps are drawn as a capital plus
#: smaller capitals on another baseline, so 'SUBHOLDING OF' is up to five words ('S UBHOLDING O F :').
_MAX_LABEL_WORDS = 6
_NOISE_RE = re.compile(r"^(?:Filing ID\s*#?\s*\d+|Page \d+ of \d+)$", re.IGNORECASE)
_FILING_ID_RE = re.compile(r"Filing\s+ID\s*#?\s*(\d{4,})", re.IGNORECASE)
_FOOTNOTE_RE = re.compile(r"^\*\s*For the complete list", re.IGNORECASE)
_LETTERS_RE = re.compile(r"[^A-Z]")


def _spaced(letters: str) -> str:
    return r"\s*".join(letters)


#: A sub-line label inside a field: the label's letters, any case, possibly split into small-caps
#: pieces, then a colon; or the initials EO.Pdf's hidden small caps leave ('F S:', 'S O:').
_LABEL_TEXT_RE = re.compile(
    r"(?<![A-Za-z])(?:(?i:"
    + "|".join(_spaced(label) for label in sorted(_SUBLINE_TEXTS, key=len, reverse=True))
    + r")|F S|S O)\s*:"
)


def _strip_hidden(text: str) -> str:
    return text.replace("\x00", "").replace("\ufffe", "")


def _is_smallcaps(word: str) -> bool:
    return any(ch in _HIDDEN_CHARS for ch in word)


def _fuzzy_key(text: str, table: dict[str, str], cutoff: float) -> str | None:
    letters = _LETTERS_RE.sub("", text.upper())
    if not letters:
        return None
    if letters in table:
        return table[letters]
    best = difflib.get_close_matches(letters, list(table), n=1, cutoff=cutoff)
    return table[best[0]] if best else None


def _heading_key(line: _Line) -> str | None:
    """Key of a section heading ('IVD', 'IPO', 'CS', 'PTR'...), else None.

    EO.Pdf's small caps keep only their initials ('I\\x00... P\\x00... O\\x00...'); the 2021 layer
    draws them as a capital plus smaller capitals on another baseline ('I NITIAL P UBLIC O FFERINGS'),
    which the heading's letters recognise whatever the word count.
    """
    if ":" in line.text:
        return None
    if all(_is_smallcaps(w.text) for w in line.words):
        initials = "".join(w.text[0] for w in line.words if w.text[0].isalpha()).upper()
        return initials or None
    letters = _LETTERS_RE.sub("", line.text.upper())
    if letters in _HEADING_TEXTS and len(line.words) <= 8:
        return _HEADING_TEXTS[letters]
    if len(line.words) > 4:
        return None
    return _fuzzy_key(line.text, _HEADING_TEXTS, 0.85)


def _in_left_margin(line: _Line, cols: _Columns, tol: float) -> bool:
    """Section headings, the footnote and the certification start left of the Owner column."""
    return bool(line.words) and line.words[0].x0 < cols.owner - tol


def _is_end_of_table(line: _Line, cols: _Columns, tol: float) -> bool:
    if not _in_left_margin(line, cols, tol):
        return False
    plain = line.plain.strip()
    if _FOOTNOTE_RE.match(plain) or plain.startswith(("I CERTIFY", "Digitally Signed")):
        return True
    return _heading_key(line) in _END_HEADINGS


def _is_noise(line: _Line) -> bool:
    return bool(_NOISE_RE.match(line.plain.strip()))


def _sub_label(line: _Line, cols: _Columns, tol: float) -> tuple[str, list[str]] | None:
    """Recognise a ``FILING STATUS:`` / ``SUBHOLDING OF:`` / ``DESCRIPTION:`` ... sub-line.

    Returns the field it feeds and the words after the label, or None for any other line.
    """
    words = line.words
    if not words or not cols.asset - 3 * tol <= words[0].x0 < cols.tx_type - tol:
        return None
    return _label_words(words)


def _label_words(words: Sequence[Word]) -> tuple[str, list[str]] | None:
    """The sub-line field a line's first words label (small caps or plain), and the words after it."""
    for end in range(min(_MAX_LABEL_WORDS, len(words))):
        colon = words[end].text.find(":")
        if colon < 0:
            continue
        label = " ".join(w.text for w in words[:end]) + " " + words[end].text[:colon]
        if any(_is_smallcaps(w.text) for w in words[: end + 1]):
            initials = "".join(w.text[0] for w in words[: end + 1] if w.text and w.text[0].isalpha()).upper()
            # An unknown small-caps label is still a sub-line: keep its text out of the asset name.
            key = _SUBLINE_INITIALS.get(initials, f"other:{initials}" if initials else None)
        else:
            key = _fuzzy_key(label, _SUBLINE_TEXTS, 0.8)
        if key is None:
            return None
        rest = words[end].text[colon + 1 :]
        return key, ([rest] if rest else []) + [w.text for w in words[end + 1 :]]
    return None


# --------------------------------------------------------------------------------------------
# Cell values

_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}\b)")
_FULL_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b")
_TX_TOKEN_RE = re.compile(r"^(?:P|S|E|Purchase|Sale|Exchange)$", re.IGNORECASE)
_AMOUNT_START_RE = re.compile(r"^(?:\$\s*\d|Over\b|Spouse)", re.IGNORECASE)
_TYPE_CODE_RE = re.compile(r"\[\s*([A-Za-z0-9]{2})\s*\]")
# OCR reads '[ST]' as '{ST}', '|ST|', '[ST}', '[OP |'...; a '(GS)' ticker is not a code, though.
_LOOSE_TYPE_CODE_RE = re.compile(r"([\[{(|])\s*([A-Z0-9]{2})\s*([\]})|1lI]?)\s*\|?\s*$")
# The ticker is the last parenthesised token; '401(k)' is not one, but OCR's 'Inc.(AMD)' is.
_TICKER_PAREN_RE = re.compile(r"(?:^|(?<=[\s.,]))\(\s*([A-Za-z][A-Za-z0-9.\-/]{0,7})\s*\)\s*$")
# OCR closes '(AAPL)' with '}' or ']': accepted for an all-capitals ticker at the end only.
_LOOSE_TICKER_PAREN_RE = re.compile(r"(?:^|(?<=[\s.,]))[({\[]\s*([A-Z]{1,5}(?:\.[A-Z]{1,2})?)\s*[)}\]|]\s*$")
_TICKER_RE = re.compile(r"^[A-Z]{1,5}(?:\.[A-Z]{1,2})?$")
# As printed: the parenthesised token right before the '[XX]' type code, e.g. '(BRK.B) [ST]'.
_PRINTED_TICKER_RE = re.compile(r"\(\s*([^()\[\]\s]{1,12})\s*\)\s*\[\s*[A-Za-z0-9]{2}\s*\]")
# A single dollar value instead of a bucket ('$9.00'), cents optional.
_SINGLE_AMOUNT_RE = re.compile(r"\$([\d,]+)(?:\.(\d{1,2}))?")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
_OCR_CODE_FIXES = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B"})
_TX_TYPES = {
    "p": "purchase",
    "purchase": "purchase",
    "s": "sale",
    "sale": "sale",
    "s(full)": "sale",
    "sale(full)": "sale",
    "s(partial)": "partial_sale",
    "sale(partial)": "partial_sale",
    "partialsale": "partial_sale",
    "e": "exchange",
    "exchange": "exchange",
}


def _parse_date(token: str) -> dt.date | None:
    match = _DATE_RE.search(token.translate(_OCR_DIGITS))
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dates_in(texts: Iterable[str]) -> list[dt.date | None]:
    """Every date token in the cell texts, in order (unparseable tokens as None)."""
    found: list[dt.date | None] = []
    for text in texts:
        cleaned = text if "/" not in text else re.sub(r"[^\d/]", "", text.translate(_OCR_DIGITS))
        for match in _DATE_RE.finditer(cleaned):
            found.append(_parse_date(match.group(0)))
    return found


def _parse_tx_type(text: str, ocr_fixes: bool = False) -> tuple[str, bool]:
    """The transaction type and whether it was recognised (else the raw text, lower-cased)."""
    key = re.sub(r"\s+", "", text).lower()
    if key in _TX_TYPES:
        return _TX_TYPES[key], True
    if ocr_fixes:
        letters = re.sub(r"[^a-z]", "", key)
        if "part" in letters or "tial" in letters:
            return "partial_sale", True
        # A lone letter read with a speck: '=p', '?P', 'pp', 'pr'.
        if letters[:1] in ("p", "s", "e") and len(letters) <= 2 and letters != "se":
            return _TX_TYPES[letters[0]], True
    return key, False


def _normalise_amount(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    start = re.search(r"\$|\bover\b|\bspouse", text, re.IGNORECASE)
    text = text[start.start() :] if start else text  # drops OCR specks before the '$'
    text = re.sub(r"\s*[-\u2013\u2014]\s*", " - ", text)
    return re.sub(r"\$\s+", "$", text).strip()


def _amount_number(token: str) -> int | None:
    digits = re.sub(r"[^\d]", "", token)
    return int(digits) if digits else None


def _parse_amount(text: str) -> tuple[str | None, int | None, int | None, bool]:
    """Amount label, bounds and whether the label is a known bucket (or a single value).

    A rare row carries a single dollar value instead of a bucket (``$9.00``): the label stays as
    printed, and the bounds are the whole dollars around the value (``$9.00`` -> 9 and 9, ``$9.50``
    -> 9 and 10), so the value always lies within [low, high] like a bucket's. A lone whole-dollar
    value equal to a bucket bound (``$15,000``) is half a wrapped bucket, not a value: unknown.
    """
    label = _normalise_amount(text)
    if not label:
        return None, None, None, False
    if label in AMOUNT_BUCKETS:
        low, high = AMOUNT_BUCKETS[label]
        return label, low, high, True
    if re.search(r"spouse|dependent", label, re.IGNORECASE) and re.search(r"over", label, re.IGNORECASE):
        return label, 1_000_001, None, True  # column K: 'Spouse/DC Over $1,000,000'
    over = re.fullmatch(r"(?i)over \$?([\d,.]+)", label)
    if over:
        value = _amount_number(over.group(1))
        if value is not None and (value + 1, None) in _BUCKET_BY_BOUNDS:
            return _BUCKET_BY_BOUNDS[(value + 1, None)], value + 1, None, True
        return label, (value + 1) if value is not None else None, None, False
    pair = re.fullmatch(r"\$?([\d,.]+)(?: - | )\$([\d,.]+)", label)  # OCR may lose the dash
    if pair:
        low, high = _amount_number(pair.group(1)), _amount_number(pair.group(2))
        canonical = _BUCKET_BY_BOUNDS.get((low, high))  # OCR reads '$1.001' for '$1,001'
        if canonical is not None:
            return canonical, low, high, True
        return label, low, high, False
    single = _SINGLE_AMOUNT_RE.fullmatch(label)
    if single:
        dollars = int(single.group(1).replace(",", ""))
        cents = int((single.group(2) or "0").ljust(2, "0"))
        known = cents > 0 or single.group(2) is not None or dollars not in _BUCKET_BOUNDS
        return label, dollars, dollars + (cents > 0), known
    return label, None, None, False


def _split_asset(text: str, ocr_fixes: bool = False) -> tuple[str, str | None, str | None, bool]:
    """Asset name, ticker and type code out of the asset cell; flags capitals read in lower case.

    The ticker and code are taken as printed: the text layer's true letters, never a guessed case
    (a lower-case letter left there fails the row's checks). Only OCR, which cannot tell 'l' from
    'I' reliably, has them upper-cased: tickers and type codes are capitals on every form.
    """
    text = re.sub(r"(?:^|\s)[{}|~_](?=\s|$)", " ", text)  # lone OCR specks ('{' for '[')
    lowered = False
    asset_type = None
    codes = list(_TYPE_CODE_RE.finditer(text))
    if not codes:
        loose = _LOOSE_TYPE_CODE_RE.search(text)
        if loose and not (loose.group(1) == "(" and loose.group(3) in ("", ")")):
            codes = [loose]
    if codes:
        raw = codes[-1].group(2) if codes[-1].re is _LOOSE_TYPE_CODE_RE else codes[-1].group(1)
        lowered = raw != raw.upper()
        asset_type = raw.upper() if ocr_fixes else raw
        if ocr_fixes and asset_type not in ASSET_TYPE_CODES:
            fixed = asset_type.translate(_OCR_CODE_FIXES)
            asset_type = fixed if fixed in ASSET_TYPE_CODES else asset_type
        text = text[: codes[-1].start()].rstrip(" {[|") + " " + text[codes[-1].end() :]
    text = re.sub(r"\s+", " ", text).strip()
    ticker = None
    match = _TICKER_PAREN_RE.search(text) or _LOOSE_TICKER_PAREN_RE.search(text)
    if match and any(ch.isupper() for ch in match.group(1)):
        raw = match.group(1)
        lowered = lowered or raw != raw.upper()
        ticker = raw.upper() if ocr_fixes else raw
        text = text[: match.start()].strip()
    name = text.strip(" ,;-").strip()
    return name, ticker, asset_type, lowered


def _printed_ticker(asset_text: str) -> str | None:
    """The ticker-shaped token in parentheses right before the type code, as printed, if any."""
    found = _PRINTED_TICKER_RE.findall(asset_text)
    return found[-1] if found and _TICKER_RE.match(found[-1]) else None


def _count_type_codes(lines_by_page: Sequence[Sequence[_Line]]) -> int:
    """How many '[XX]' asset-type codes the document's text prints (one per e-filed row)."""
    return sum(len(_TYPE_CODE_RE.findall(line.plain)) for lines in lines_by_page for line in lines)


# --------------------------------------------------------------------------------------------
# The table state machine


@dataclass
class _RowDraft:
    page: int
    centre: float = 0.0  # vertical centre of the anchor line: the row's drawn check box sits there
    cells: dict[str, list[str]] = field(default_factory=dict)
    subs: list[tuple[str, list[str]]] = field(default_factory=list)
    checkbox: bool | None = None

    @property
    def in_sublines(self) -> bool:
        return bool(self.subs)

    def add_cells(self, line: _Line, cols: _Columns, tol: float) -> None:
        for word in line.words:
            text = _strip_hidden(word.text)
            ticked = _checkbox_state(text)
            if ticked is not None:
                self.checkbox = ticked or bool(self.checkbox)
                continue
            if text:
                col = cols.of(word.x0, tol)
                if col in ("date", "notification") and text.startswith("$"):
                    col = "amount"  # an OCR box that starts a little left of the Amount column
                self.cells.setdefault(col, []).append(text)

    def add_amount_tail(self, line: _Line, cols: _Columns, tol: float) -> bool:
        """Take a wrapped '$50,000' that shares its line with a sub-line (rare layouts)."""
        amount = self.cells.get("amount")
        if not amount or not amount[-1].endswith("-"):
            return False
        tail = [w for w in line.words if cols.of(w.x0, tol) in ("amount", "cap_gains")]
        if tail and _AMOUNT_START_RE.match(tail[0].text):
            amount.extend(w.text for w in tail)
            return True
        return False


@dataclass
class _Table:
    drafts: list[_RowDraft]
    header_found: bool
    title_found: bool
    lowercase_capitals: bool


def _is_anchor(line: _Line, cols: _Columns, tol: float) -> bool:
    """Does this line start a row? It needs two independent column signals."""
    by_col: dict[str, list[str]] = {}
    for word in line.words:
        by_col.setdefault(cols.of(word.x0, tol), []).append(_strip_hidden(word.text))
    signals = 0
    owner = by_col.get("owner", [])
    signals += bool(owner) and owner[0].upper() in OWNER_CODES
    tx = by_col.get("tx_type", [])
    signals += bool(tx) and bool(_TX_TOKEN_RE.match(tx[0]))
    dates = by_col.get("date", [])
    signals += bool(dates) and bool(_FULL_DATE_RE.match(dates[0].translate(_OCR_DIGITS)))
    notes = by_col.get("notification", [])
    signals += bool(notes) and bool(_FULL_DATE_RE.match(notes[0].translate(_OCR_DIGITS)))
    amount = by_col.get("amount", [])
    signals += bool(amount) and bool(_AMOUNT_START_RE.match(amount[0]))
    return signals >= 2


def _is_id_continuation(line: _Line, cols: _Columns, tol: float) -> bool:
    """A line of a row that starts in the ID column (an amended row's wrapped ID), not a footer.

    The owner code never wraps, so a row's later line has nothing in the Owner column; a footer or
    note running across the page does.
    """
    first = line.words[0]
    if cols.of(first.x0, tol) != "id" or first.x1 > cols.owner + tol or _heading_key(line):
        return False
    return all(cols.of(w.x0, tol) != "owner" for w in line.words)


def _parse_table(
    lines_by_page: Sequence[Sequence[_Line]], marks_by_page: Sequence[Sequence[Box]], tol: float
) -> _Table:
    """Walk the lines of every page in order and cut them into row drafts (see the module docstring)."""
    cols = _Columns()
    drafts: list[_RowDraft] = []
    current: _RowDraft | None = None
    carried: _RowDraft | None = None  # the previous page's last row, still without its box
    header_found = title_found = lowercase = False
    for page_no, lines in enumerate(lines_by_page, 1):
        start = 0
        page_drafts: list[_RowDraft] = []
        for index, line in enumerate(lines):
            if _heading_key(line) == "PTR":
                title_found = True
            if "legislative Resource Center" in line.text:
                lowercase = True
            found = _header_columns(line)
            if found is not None:
                cols, header_found, start = found, True, index + 1
                while start < len(lines) and _is_header_tail(lines[start]):
                    start += 1
                break
        ended = False
        for line in lines[start:]:
            if _is_noise(line):
                continue
            if _is_end_of_table(line, cols, tol):
                ended = True
                break
            label = _sub_label(line, cols, tol)
            if label is None and _is_anchor(line, cols, tol):
                current = _RowDraft(page=page_no, centre=line.centre)
                drafts.append(current)
                page_drafts.append(current)
                current.add_cells(line, cols, tol)
            elif current is None:
                continue  # the filer block above the first row
            elif label is None and _in_left_margin(line, cols, tol):
                # A row's later lines start at the Asset column, or in the ID column when an
                # amended row's ID wraps; anything else out there is a page footer or stray heading.
                if not current.in_sublines and _is_id_continuation(line, cols, tol):
                    current.add_cells(line, cols, tol)
            elif label is not None:
                current.subs.append((label[0], list(label[1])))
            elif current.in_sublines:
                if not current.add_amount_tail(line, cols, tol):
                    current.subs[-1][1].extend(_strip_hidden(w.text) for w in line.words)
            else:
                current.add_cells(line, cols, tol)
        marks = marks_by_page[page_no - 1] if marks_by_page else ()
        _assign_check_boxes(page_drafts, marks, cols, tol, carried)
        carried = current if current is not None and current.checkbox is None else None
        if ended:
            break
    return _Table(drafts, header_found, title_found, lowercase)


def _assign_check_boxes(
    drafts: Sequence[_RowDraft], marks: Sequence[Box], cols: _Columns, tol: float, carried: _RowDraft | None
) -> None:
    """Give each row of the page the drawn check box beside its anchor line (a glyph box wins).

    A page is a window on one long table: a row cut by the page break shows its box at the foot of
    one page and again, clipped, at the top of the next. A box above the page's first anchor line
    therefore belongs to ``carried``, the previous page's last row, if that row found none.
    """
    first_anchor = min((d.centre for d in drafts), default=float("inf"))
    for mark in marks:
        if not isinstance(mark, CheckBox) or mark.x0 < cols.cap_gains - 2 * tol:
            continue
        centre = (mark.top + mark.bottom) / 2
        near = [d for d in drafts if abs(d.centre - centre) <= 7.0]
        if near:
            draft = min(near, key=lambda d: abs(d.centre - centre))
            if draft.checkbox is None or mark.checked:
                draft.checkbox = mark.checked or bool(draft.checkbox)
        elif carried is not None and carried.checkbox is None and centre < first_anchor - 7.0:
            carried.checkbox = mark.checked


def _join(parts: Iterable[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _build_row(
    line_no: int,
    draft: _RowDraft,
    signed: dt.date | None,
    ocr_fixes: bool = False,
    boxes_expected: bool = False,
) -> PtrRow:
    """The row for a draft, with the names of the row checks it fails."""
    cells = draft.cells
    owner_text = _join(cells.get("owner", [])).upper()
    owner = owner_text or None
    asset_text = _join(cells.get("asset", []))
    asset_name, ticker, asset_type, _lowered = _split_asset(asset_text, ocr_fixes)
    tx_type, _tx_known = _parse_tx_type(_join(cells.get("tx_type", [])), ocr_fixes)

    tx_dates = _dates_in(cells.get("date", []))
    note_dates = _dates_in(cells.get("notification", []))
    if not note_dates and len(tx_dates) > 1:
        note_dates = tx_dates[1:]
    if not tx_dates and len(note_dates) > 1:
        tx_dates, note_dates = note_dates[:1], note_dates[1:]
    tx_date = tx_dates[0] if tx_dates else None
    note_date = note_dates[0] if note_dates else None

    amount_range, low, high, _amount_known = _parse_amount(_join(cells.get("amount", [])))
    cap_gains = draft.checkbox
    if cap_gains is None:
        cap_text = _join(cells.get("cap_gains", [])).lower()
        cap_gains = {"yes": True, "x": True, "no": False}.get(cap_text)

    subs: dict[str, list[str]] = {}
    for key, words in draft.subs:
        text = _join(words)
        if key.startswith("other:"):
            key, text = "description", f"{key[6:]}: {text}"
        subs.setdefault(key, []).append(text)

    def sub(key: str, sep: str) -> str | None:
        return sep.join(subs.get(key, ())) or None

    row = PtrRow(
        line_no=line_no,
        owner=owner,
        asset_name=asset_name,
        ticker=ticker,
        asset_type=asset_type,
        transaction_type=tx_type,
        transaction_date=tx_date,
        notification_date=note_date,
        amount_range=amount_range,
        amount_low=low,
        amount_high=high,
        cap_gains_over_200=cap_gains,
        filing_status=sub("filing_status", "; "),
        subholding_of=sub("subholding_of", "; "),
        description=sub("description", " "),
        page=draft.page,
        checks_failed=(),
        comment=sub("comment", " "),
        location=sub("location", "; "),
        row_id=_join(cells.get("id", [])) or None,
    )
    failed = row_checks(row, signed=signed, printed_asset=asset_text, boxes_expected=boxes_expected,
                        ocr=ocr_fixes)
    return dataclasses.replace(row, checks_failed=failed)


_TEXT_FIELDS = ("owner", "asset_name", "ticker", "asset_type", "amount_range", "filing_status",
                "subholding_of", "description", "comment", "location", "row_id")


def row_checks(
    row: PtrRow,
    *,
    signed: dt.date | None = None,
    printed_asset: str | None = None,
    boxes_expected: bool = False,
    ocr: bool = False,
) -> tuple[str, ...]:
    """Names of the :data:`ROW_CHECKS` a row fails, from its values (its own ``checks_failed`` ignored).

    Args:
        row: The row's values.
        signed: The report's signature date: no trade can come after it.
        printed_asset: The asset cell as printed (name, ticker, code); enables ``ticker_matches_text``.
        boxes_expected: The form shows a Cap. Gains box on every row (enables ``cap_gains_read``).
        ocr: The row was read by OCR, where a lone dollar value is likelier half a bucket.
    """
    failed = []
    if not row.asset_name:
        failed.append("asset_name_present")
    if row.transaction_type not in TRANSACTION_TYPES:
        failed.append("transaction_type_known")
    tx_date, note_date = row.transaction_date, row.notification_date
    if tx_date is None or note_date is None:
        failed.append("dates_parsed")
    if tx_date is not None and note_date is not None and note_date < tx_date:
        failed.append("date_order")
    # A report cannot list a trade after the day it was signed (a day of slack for time zones).
    latest = signed + dt.timedelta(days=1) if signed else dt.date.max
    if any(d is not None and not MIN_PLAUSIBLE_DATE <= d <= latest for d in (tx_date, note_date)):
        failed.append("dates_plausible")
    label, low, high, known = _parse_amount(row.amount_range or "")
    if ocr and label and _SINGLE_AMOUNT_RE.fullmatch(label):
        known = False  # from OCR, a lone '$15,000' is far likelier half a bucket than a value
    if not known or (low, high) != (row.amount_low, row.amount_high):
        failed.append("amount_bucket_known")
    if row.ticker is not None and not _TICKER_RE.match(row.ticker):
        failed.append("ticker_format")
    if row.asset_type not in ASSET_TYPE_CODES:
        failed.append("asset_type_known")
    if row.owner is not None and row.owner not in OWNER_CODES:
        failed.append("owner_known")
    printed = _printed_ticker(printed_asset) if printed_asset else None
    if printed is not None and row.ticker != printed:
        failed.append("ticker_matches_text")  # the token before '[XX]' is the ticker, as printed
    if any(_LABEL_TEXT_RE.search(getattr(row, name) or "") for name in _TEXT_FIELDS):
        failed.append("no_label_text")  # a sub-line glued into a field: the row was cut wrongly
    if boxes_expected and row.cap_gains_over_200 is None:
        failed.append("cap_gains_read")  # every row of these forms has the box
    return tuple(failed)


# --------------------------------------------------------------------------------------------
# Header block, IPO answer, signature

_EMPTY_HEADER = PtrHeader(None, None, None, None, None, None, None)
_FIELD_RES = {
    "filer_name": re.compile(r"^Name:\s*(.+)$"),
    "status": re.compile(r"^Status:\s*(.+)$"),
    "state_district": re.compile(r"^State/District:\s*(\S+)"),
}
_SIGNED_RE = re.compile(r"Digitally Signed:\s*(?P<name>.*?)\s*,?\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})")


def _parse_header(
    lines_by_page: Sequence[Sequence[_Line]], marks_by_page: Sequence[Sequence[Box]]
) -> PtrHeader:
    values: dict[str, str | None] = dict.fromkeys(_FIELD_RES)
    doc_id = signature_name = None
    signature_date = None
    ipo_answer = None
    for page_index, lines in enumerate(lines_by_page):
        for index, line in enumerate(lines):
            plain = re.sub(r"\s+", " ", line.plain).strip()
            if doc_id is None and (match := _FILING_ID_RE.search(plain)):
                doc_id = match.group(1)
            for key, regex in _FIELD_RES.items():
                if values[key] is None and (match := regex.match(plain)):
                    values[key] = match.group(1).strip()
            if signature_date is None and (match := _SIGNED_RE.search(plain)):
                signature_name = match.group("name").strip(" ,") or None
                signature_date = _parse_date(match.group("date"))
            if ipo_answer is None and _heading_key(line) == "IPO" and _in_left_margin(line, _Columns(), 5.0):
                ipo_answer = _ipo_answer(lines[index + 1 : index + 4], marks_by_page[page_index])
    return PtrHeader(
        doc_id=doc_id,
        filer_name=values["filer_name"],
        status=values["status"],
        state_district=values["state_district"],
        ipo_answer=ipo_answer,
        signature_name=signature_name,
        signature_date=signature_date,
    )


def _ipo_answer(lines: Sequence[_Line], marks: Sequence[Box]) -> bool | None:
    """Which of the Yes/No radio buttons below the IPO heading is selected, if any."""
    for line in lines:
        options = {w.text.lower(): w for w in line.words if w.text.lower() in ("yes", "no")}
        if len(options) != 2:
            continue
        # A glyph check box ('gfedcb' ticked) or radio button ('nmlkji' selected) left of the label.
        for i, word in enumerate(line.words):
            if word.text.lower() in options and i > 0:
                glyph = line.words[i - 1].text
                if _checkbox_state(glyph) or _radio_state(glyph):
                    return word.text.lower() == "yes"
        for answer, word in options.items():
            for mark in marks:
                if isinstance(mark, CheckBox) and not mark.checked:
                    continue  # an empty ring or box drawn around an unselected option
                centre_x, centre_y = (mark.x0 + mark.x1) / 2, (mark.top + mark.bottom) / 2
                if word.x0 - 22 <= centre_x < word.x0 and word.top - 6 <= centre_y <= word.bottom + 6:
                    return answer == "yes"
        return None
    return None
