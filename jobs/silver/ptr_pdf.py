"""Rows out of a House Periodic Transaction Report (PTR) PDF: the pure extraction library.

An e-filed PTR is a table whose columns are ``ID | Owner | Asset | Transaction Type | Date |
Notification Date | Amount | Cap. Gains > $200?``. Rows alternate grey and white shading, which
breaks table extraction, so this module works from *word positions*: it groups words into lines,
finds each page's table header to learn the column x-positions, and reads the table as a small
state machine:

* an **anchor line** starts a row: it carries at least two of owner code, transaction type,
  transaction date, notification date and the start of an amount, each in its own column;
* the lines after it continue the row's cell (asset name, ``S (partial)``, ``$500,000`` wrapped
  over lines), possibly at the top of the next page, below the repeated header;
* **sub-lines** (``FILING STATUS:``, ``SUBHOLDING OF:``, ``DESCRIPTION:``, ``COMMENTS:``) follow; the
  labels are small caps whose hidden letters come out of the text layer as NUL characters, so
  they are recognised by their initials;
* the footnote, ``INVESTMENT VEHICLE DETAILS``, the IPO question and the certification end the
  table, so the vehicle list is never read as rows.

Words come from PDFium (``pypdfium2``, installed with pdfplumber): it decrypts the Clerk's
RC4/empty-password files and gives character boxes at about 3 ms a page, against about 60 ms for
pdfplumber, which the extraction benchmark (20 two-page PDFs a second per core) cannot afford.
:mod:`jobs.silver.ocr` feeds the same assembly (:func:`assemble_ptr`) with Tesseract's words.

Every row carries the names of the row checks it failed, computed from the values themselves
(dates in order and plausible, a known amount bucket, a well-formed ticker ...), never constant
confidences. Nothing here does I/O beyond reading the bytes it is given.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lakehouse.errors import LakehouseError

#: Bump when the output for the same PDF changes (new field, different cleaning, bug fix).
EXTRACTOR_VERSION = "ptr-pdf/1"

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

TRANSACTION_TYPES = ("purchase", "sale", "partial_sale", "exchange")

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
)

#: Earliest plausible transaction date: the STOCK Act era the lakehouse covers starts in 2008.
MIN_PLAUSIBLE_DATE = dt.date(2008, 1, 1)


class PtrExtractionError(LakehouseError, ValueError):
    """The bytes are not a readable PDF (not a PDF at all, corrupt, or encrypted with a password)."""


@dataclass(frozen=True)
class PtrRow:
    """One transaction row of a PTR, with its sub-lines folded in.

    ``line_no`` is the 1-based order in the document: rows that look identical (same asset,
    dates and amount in different trust sub-accounts) are real and are all kept. ``comment`` holds
    the ``COMMENTS:`` sub-line some filers add; it is not part of ``description``.
    """

    line_no: int
    owner: str | None
    asset_name: str
    ticker: str | None
    asset_type: str | None
    transaction_type: str
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


@dataclass(frozen=True)
class PtrHeader:
    """Document-level fields: filer block, IPO answer and digital signature."""

    doc_id: str | None
    filer_name: str | None
    status: str | None
    state_district: str | None
    ipo_answer: bool | None
    signature_name: str | None
    signature_date: dt.date | None


@dataclass(frozen=True)
class PtrDocument:
    """Everything extracted from one PTR; ``issues`` names document-level problems."""

    header: PtrHeader
    rows: tuple[PtrRow, ...]
    pages: int
    method: str
    issues: tuple[str, ...]


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


@dataclass(frozen=True)
class PageContent:
    """The words of one page plus the filled marks (ticked radio buttons) found on it."""

    words: tuple[Word, ...]
    marks: tuple[Box, ...] = ()


@dataclass(frozen=True)
class LayoutTolerance:
    """How far apart things may be and still count as aligned, and how forgiving to be of misreads.

    Text-layer words of one line share a baseline; OCR boxes wobble by a point or two, so the OCR
    path passes larger values and turns on ``ocr_fixes`` (a transaction type read as '=p' is 'P').
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
        The document with ``method='text'``.

    Raises:
        PtrExtractionError: If the bytes are not a PDF, are corrupt, or need a password.
    """
    pages = _read_text_layer(pdf)
    return assemble_ptr(pages, method="text")


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
) -> PtrDocument:
    """Build a :class:`PtrDocument` from positioned words, whatever produced them.

    Args:
        pages: One entry per page, in order.
        method: Recorded in the result (``'text'`` or ``'ocr'``).
        tolerance: Alignment tolerances; the defaults suit a PDF text layer.

    Returns:
        The assembled document.
    """
    tol = tolerance or LayoutTolerance()
    doc_issues: list[str] = []
    if _count_text_chars(pages) < _MIN_TEXT_CHARS:
        doc_issues.append("no_text_layer")
        return PtrDocument(_EMPTY_HEADER, (), len(pages), method, tuple(doc_issues))
    doc_issues.extend(
        f"page_without_text:{n}" for n, page in enumerate(pages, 1) if not _has_text(page.words)
    )
    lines_by_page = [_group_lines(page.words, tol.line) for page in pages]
    parsed = _parse_table(lines_by_page, tol.column)
    header = _parse_header(lines_by_page, [page.marks for page in pages])
    built = [
        _build_row(n, draft, header.signature_date, tol.ocr_fixes) for n, draft in enumerate(parsed.drafts, 1)
    ]
    rows = tuple(row for row, _ in built)

    if not parsed.header_found:
        doc_issues.append("table_header_not_found")
    if not parsed.title_found and not (parsed.header_found and rows):
        doc_issues.append("not_a_ptr")  # e.g. a Form A/B report: its Schedule B is another table
    if not rows:
        doc_issues.append("no_rows_found")
    if header.signature_date is None:
        doc_issues.append("signature_not_found")
    if method == "text" and (parsed.lowercase_capitals or any(lowered for _, lowered in built)):
        # Older e-filed PTRs map some capitals to lower case; codes and tickers were fixed, but
        # asset names may still read 'uS bancorp'.
        doc_issues.append("lowercase_capitals_in_text_layer")
    return PtrDocument(header, rows, len(pages), method, tuple(doc_issues))


# --------------------------------------------------------------------------------------------
# Reading the text layer with PDFium

_MIN_TEXT_CHARS = 10
_BREAK_CHARS = frozenset(" \t\r\n\x0b\x0c\xa0\u2002\u2003\u2009")
_HIDDEN_CHARS = "\x00\ufffe"  # small-caps letters without a Unicode mapping
_WORD_GAP = 1.0  # points between glyph boxes that split a word ('[ST]S' at a cell edge)


def _read_text_layer(
    pdf: bytes, marks_of: Callable[[pdfium.PdfPage, Sequence[Word]], tuple[Box, ...]] | None = None
) -> list[PageContent]:
    """Open the PDF with PDFium and return each page's words and marks.

    ``marks_of(page, words)`` finds a page's marks; by default, the filled radio-button dots of
    pages with a Yes/No question (:mod:`jobs.silver.schedule_b` passes its check-box finder).
    """
    check_pdf_bytes(pdf)
    try:
        doc = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PtrExtractionError(_pdfium_failure(str(exc))) from None
    try:
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                words = _page_words(page)
                if marks_of is not None:
                    marks = marks_of(page, words)
                else:
                    marks = _page_marks(page) if _has_yes_no(words) else ()
                pages.append(PageContent(tuple(words), marks))
            finally:
                page.close()
        return pages
    finally:
        doc.close()


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


def _page_words(page: pdfium.PdfPage) -> list[Word]:
    """Words of one page from PDFium's character boxes, in top-left coordinates."""
    left, _bottom, _right, top = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # surrogate pairs: fall back to one call per character
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
        words: list[Word] = []
        chars: list[str] = []
        x0 = x1 = w_top = w_bottom = 0.0
        for i, ch in enumerate(text):
            if ch in _BREAK_CHARS or pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
                if chars:
                    words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
                    chars = []
                continue
            c_left, c_bottom, c_right, c_top = textpage.get_charbox(i, loose=True)
            c_left -= left
            c_right -= left
            c_top, c_bottom = top - c_top, top - c_bottom
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
            else:
                x1 = max(x1, c_right)
            chars.append(ch)
        if chars:
            words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
        return words
    finally:
        textpage.close()


def _has_yes_no(words: Sequence[Word]) -> bool:
    texts = {w.text.lower() for w in words}
    return "yes" in texts and "no" in texts


def _page_marks(page: pdfium.PdfPage) -> tuple[Box, ...]:
    """Small, dark, filled paths: the dot of a selected radio button (the IPO Yes/No answer)."""
    _left, _bottom, _right, top = page.get_mediabox()
    marks = []
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
        x0, y0, x1, y1 = obj.get_bounds()
        if not (2.0 <= x1 - x0 <= 8.0 and 2.0 <= y1 - y0 <= 8.0):  # the dot, not its 9.5 pt ring
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill_mode), ctypes.byref(stroke)):
            continue
        if fill_mode.value == 0 or not pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a):
            continue
        if (r.value + g.value + b.value) / 3 < 150:
            marks.append(Box(x0, x1, top - y1, top - y0))
    return tuple(marks)


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


_CHECKBOX_CHARS = frozenset("bcdefg")
_CHECKBOX_BOX = frozenset("cdefg")


def _merge_checkbox_pieces(words: list[Word]) -> tuple[Word, ...]:
    """Join the symbol-font pieces of a check box ('g' 'f' 'e' 'd' 'c' [+ 'b']) into one word."""
    merged: list[Word] = []
    for word in words:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and set(word.text) <= _CHECKBOX_CHARS
            and set(prev.text) <= _CHECKBOX_CHARS
            and word.x0 <= prev.x1 + 1.5
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
_NOISE_RE = re.compile(r"^(?:Filing ID\s*#?\s*\d+|Page \d+ of \d+)$", re.IGNORECASE)
_FILING_ID_RE = re.compile(r"Filing\s+ID\s*#?\s*(\d{4,})", re.IGNORECASE)
_FOOTNOTE_RE = re.compile(r"^\*\s*For the complete list", re.IGNORECASE)
_LETTERS_RE = re.compile(r"[^A-Z]")


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
    """Initials of a small-caps section heading ('IVD', 'IPO', 'CS', 'PTR'...), else None."""
    if ":" in line.text:
        return None
    if all(_is_smallcaps(w.text) for w in line.words):
        initials = "".join(w.text[0] for w in line.words if w.text[0].isalpha()).upper()
        return initials or None
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
    for end in range(min(4, len(words))):
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
    return re.sub(r"\$\s+", "$", text)


def _amount_number(token: str) -> int | None:
    digits = re.sub(r"[^\d]", "", token)
    return int(digits) if digits else None


def _parse_amount(text: str) -> tuple[str | None, int | None, int | None, bool]:
    """Amount label, bounds and whether the label is a known bucket (or a single value)."""
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
    single = re.fullmatch(r"\$([\d,]+)(?:\.(\d{1,2}))?", label)
    if single:
        value = int(single.group(1).replace(",", ""))
        return label, value, value, True
    return label, None, None, False


def _split_asset(text: str) -> tuple[str, str | None, str | None, bool]:
    """Asset name, ticker and type code out of the asset cell; flags lower-cased capitals."""
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
        asset_type = raw.upper()
        if asset_type not in ASSET_TYPE_CODES:
            fixed = asset_type.translate(_OCR_CODE_FIXES)
            asset_type = fixed if fixed in ASSET_TYPE_CODES else asset_type
        text = text[: codes[-1].start()].rstrip(" {[|") + " " + text[codes[-1].end() :]
    text = re.sub(r"\s+", " ", text).strip()
    ticker = None
    match = _TICKER_PAREN_RE.search(text) or _LOOSE_TICKER_PAREN_RE.search(text)
    if match and any(ch.isupper() for ch in match.group(1)):
        raw = match.group(1)
        lowered = lowered or raw != raw.upper()
        ticker = raw.upper()
        text = text[: match.start()].strip()
    name = text.strip(" ,;-").strip()
    return name, ticker, asset_type, lowered


# --------------------------------------------------------------------------------------------
# The table state machine


@dataclass
class _RowDraft:
    page: int
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


def _parse_table(lines_by_page: Sequence[Sequence[_Line]], tol: float) -> _Table:
    """Walk the lines of every page in order and cut them into row drafts (see the module docstring)."""
    cols = _Columns()
    drafts: list[_RowDraft] = []
    current: _RowDraft | None = None
    header_found = title_found = lowercase = False
    for page_no, lines in enumerate(lines_by_page, 1):
        start = 0
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
                current = _RowDraft(page=page_no)
                drafts.append(current)
                current.add_cells(line, cols, tol)
            elif current is None:
                continue  # the filer block above the first row
            elif label is None and _in_left_margin(line, cols, tol):
                continue  # a page footer or stray heading: a row's later lines start at the Asset column
            elif label is not None:
                current.subs.append((label[0], list(label[1])))
            elif current.in_sublines:
                if not current.add_amount_tail(line, cols, tol):
                    current.subs[-1][1].extend(_strip_hidden(w.text) for w in line.words)
            else:
                current.add_cells(line, cols, tol)
        if ended:
            break
    return _Table(drafts, header_found, title_found, lowercase)


def _join(parts: Iterable[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _build_row(
    line_no: int, draft: _RowDraft, signed: dt.date | None, ocr_fixes: bool = False
) -> tuple[PtrRow, bool]:
    """The row for a draft, and whether its ticker or type code had lower-cased capitals."""
    cells = draft.cells
    owner_text = _join(cells.get("owner", [])).upper()
    owner = owner_text or None
    asset_name, ticker, asset_type, lowered = _split_asset(_join(cells.get("asset", [])))
    tx_type, tx_known = _parse_tx_type(_join(cells.get("tx_type", [])), ocr_fixes)

    tx_dates = _dates_in(cells.get("date", []))
    note_dates = _dates_in(cells.get("notification", []))
    if not note_dates and len(tx_dates) > 1:
        note_dates = tx_dates[1:]
    if not tx_dates and len(note_dates) > 1:
        tx_dates, note_dates = note_dates[:1], note_dates[1:]
    tx_date = tx_dates[0] if tx_dates else None
    note_date = note_dates[0] if note_dates else None

    amount_range, low, high, amount_known = _parse_amount(_join(cells.get("amount", [])))
    if ocr_fixes and low is not None and low == high:
        amount_known = False  # from OCR, a lone '$15,000' is far likelier half a bucket than a value
    cap_gains = draft.checkbox
    if cap_gains is None:
        cap_text = _join(cells.get("cap_gains", [])).lower()
        cap_gains = {"yes": True, "x": True, "no": False}.get(cap_text)

    subs: dict[str, list[str]] = {}
    for key, words in draft.subs:
        text = _join(words)
        if key == "location":
            key, text = "description", f"Location: {text}"
        elif key.startswith("other:"):
            key, text = "description", f"{key[6:]}: {text}"
        subs.setdefault(key, []).append(text)
    filing_status = "; ".join(subs["filing_status"]) if "filing_status" in subs else None
    subholding_of = "; ".join(subs["subholding_of"]) if "subholding_of" in subs else None
    description = " ".join(subs["description"]) if "description" in subs else None
    comment = " ".join(subs["comment"]) if "comment" in subs else None

    failed = []
    if not asset_name:
        failed.append("asset_name_present")
    if not tx_known:
        failed.append("transaction_type_known")
    if tx_date is None or note_date is None:
        failed.append("dates_parsed")
    if tx_date is not None and note_date is not None and note_date < tx_date:
        failed.append("date_order")
    # A report cannot list a trade after the day it was signed (a day of slack for time zones).
    latest = signed + dt.timedelta(days=1) if signed else dt.date.max
    if any(d is not None and not MIN_PLAUSIBLE_DATE <= d <= latest for d in (tx_date, note_date)):
        failed.append("dates_plausible")
    if not amount_known:
        failed.append("amount_bucket_known")
    if ticker is not None and not _TICKER_RE.match(ticker):
        failed.append("ticker_format")
    if asset_type not in ASSET_TYPE_CODES:
        failed.append("asset_type_known")
    if owner is not None and owner not in OWNER_CODES:
        failed.append("owner_known")

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
        filing_status=filing_status or None,
        subholding_of=subholding_of or None,
        description=description or None,
        page=draft.page,
        checks_failed=tuple(failed),
        comment=comment or None,
    )
    return row, lowered


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
        # A glyph check box ('gfedcb' ticked, 'gfedc' empty) just left of the option label.
        for i, word in enumerate(line.words):
            if word.text.lower() in options and i > 0 and _checkbox_state(line.words[i - 1].text):
                return word.text.lower() == "yes"
        for answer, word in options.items():
            for mark in marks:
                centre_x, centre_y = (mark.x0 + mark.x1) / 2, (mark.top + mark.bottom) / 2
                if word.x0 - 22 <= centre_x < word.x0 and word.top - 6 <= centre_y <= word.bottom + 6:
                    return answer == "yes"
        return None
    return None
