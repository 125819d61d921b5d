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
  stream (:mod:`jobs.silver.pdf_layer`), not guessed.
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

The parts: :mod:`jobs.silver.pdf_layer` (positioned words and check boxes of any PDF),
:mod:`jobs.silver.ptr_values` (the values a row holds), and this module (the PTR's table, rows,
header and self-checks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from jobs.silver.pdf_layer import (
    ERA_2021,
    ERA_EO_PDF,
    ERA_NO_TEXT,
    ERA_PAPER_FORM,
    ERA_UNKNOWN,
    LAYOUT_ERAS,
    MIN_TEXT_CHARS,
    Box,
    CheckBox,
    PageContent,
    PtrExtractionError,
    Word,
    check_pdf_bytes,
    count_text_chars,
    has_text,
    is_smallcaps,
    pdfium_failure,
    read_pdf,
    strip_hidden,
)
from jobs.silver.ptr_values import (
    AMOUNT_BUCKETS,
    AMOUNT_START_RE,
    ASSET_TYPE_CODES,
    FULL_DATE_RE,
    MIN_PLAUSIBLE_DATE,
    OCR_DIGITS,
    OWNER_CODES,
    SINGLE_AMOUNT_RE,
    TICKER_RE,
    TRANSACTION_TYPES,
    TX_TOKEN_RE,
    TYPE_CODE_RE,
    dates_in,
    parse_amount,
    parse_date,
    parse_tx_type,
    printed_ticker,
    split_asset,
)

#: Re-exported: what callers of the PTR extractor use from its parts.
__all__ = ["AMOUNT_BUCKETS", "ASSET_TYPE_CODES", "ERA_2021", "ERA_EO_PDF", "ERA_NO_TEXT", "ERA_PAPER_FORM",
           "ERA_UNKNOWN", "EXTRACTOR_VERSION", "LAYOUT_ERAS", "MIN_PLAUSIBLE_DATE", "OWNER_CODES", "REVIEW_ISSUES",
           "ROW_CHECKS", "TRANSACTION_TYPES", "Box", "CheckBox", "LayoutTolerance", "PageContent", "PtrDocument",
           "PtrExtractionError", "PtrHeader", "PtrRow", "Word", "assemble_ptr", "check_pdf_bytes", "extract_ptr",
           "has_text_layer", "issue_code", "row_checks"]


#: Bump when the output for the same PDF changes (new field, different cleaning, bug fix).
EXTRACTOR_VERSION = "ptr-pdf/2"


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
    layer = read_pdf(pdf)
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
        raise PtrExtractionError(pdfium_failure(str(exc))) from None
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
            if found >= MIN_TEXT_CHARS:
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
    if count_text_chars(pages) < MIN_TEXT_CHARS:
        doc_issues.append("no_text_layer")
        era = ERA_NO_TEXT if method == "text" else layout_era
        return PtrDocument(_header_with_era(_EMPTY_HEADER, era), (), len(pages), method, tuple(doc_issues))
    doc_issues.extend(read_issues)
    doc_issues.extend(
        f"page_without_text:{n}" for n, page in enumerate(pages, 1) if not has_text(page.words)
    )
    lines_by_page = [group_lines(page.words, tol.line) for page in pages]
    parsed = _parse_table(lines_by_page, [page.marks for page in pages], tol.column)
    header = _header_with_era(parse_header(lines_by_page, [page.marks for page in pages]), layout_era)
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


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]  # sorted by x0
    top: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def plain(self) -> str:
        """The text without the hidden small-caps characters."""
        return strip_hidden(self.text)

    @property
    def centre(self) -> float:
        return sum((w.top + w.bottom) / 2 for w in self.words) / len(self.words)


def group_lines(words: Sequence[Word], tol: float) -> list[Line]:
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
        Line(_merge_checkbox_pieces(sorted(group, key=lambda w: w.x0)), min(w.top for w in group))
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


def _header_columns(line: Line) -> _Columns | None:
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


def _is_header_tail(line: Line) -> bool:
    return all(w.text.lower() in _HEADER_TAIL_WORDS for w in line.words)


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


def _fuzzy_key(text: str, table: dict[str, str], cutoff: float) -> str | None:
    letters = _LETTERS_RE.sub("", text.upper())
    if not letters:
        return None
    if letters in table:
        return table[letters]
    best = difflib.get_close_matches(letters, list(table), n=1, cutoff=cutoff)
    return table[best[0]] if best else None


def _heading_key(line: Line) -> str | None:
    """Key of a section heading ('IVD', 'IPO', 'CS', 'PTR'...), else None.

    EO.Pdf's small caps keep only their initials ('I\\x00... P\\x00... O\\x00...'); the 2021 layer
    draws them as a capital plus smaller capitals on another baseline ('I NITIAL P UBLIC O FFERINGS'),
    which the heading's letters recognise whatever the word count.
    """
    if ":" in line.text:
        return None
    if all(is_smallcaps(w.text) for w in line.words):
        initials = "".join(w.text[0] for w in line.words if w.text[0].isalpha()).upper()
        return initials or None
    letters = _LETTERS_RE.sub("", line.text.upper())
    if letters in _HEADING_TEXTS and len(line.words) <= 8:
        return _HEADING_TEXTS[letters]
    if len(line.words) > 4:
        return None
    return _fuzzy_key(line.text, _HEADING_TEXTS, 0.85)


def _in_left_margin(line: Line, cols: _Columns, tol: float) -> bool:
    """Section headings, the footnote and the certification start left of the Owner column."""
    return bool(line.words) and line.words[0].x0 < cols.owner - tol


def _is_end_of_table(line: Line, cols: _Columns, tol: float) -> bool:
    if not _in_left_margin(line, cols, tol):
        return False
    plain = line.plain.strip()
    if _FOOTNOTE_RE.match(plain) or plain.startswith(("I CERTIFY", "Digitally Signed")):
        return True
    return _heading_key(line) in _END_HEADINGS


def is_noise(line: Line) -> bool:
    return bool(_NOISE_RE.match(line.plain.strip()))


def _sub_label(line: Line, cols: _Columns, tol: float) -> tuple[str, list[str]] | None:
    """Recognise a ``FILING STATUS:`` / ``SUBHOLDING OF:`` / ``DESCRIPTION:`` ... sub-line.

    Returns the field it feeds and the words after the label, or None for any other line.
    """
    words = line.words
    if not words or not cols.asset - 3 * tol <= words[0].x0 < cols.tx_type - tol:
        return None
    return label_words(words)


def label_words(words: Sequence[Word]) -> tuple[str, list[str]] | None:
    """The sub-line field a line's first words label (small caps or plain), and the words after it."""
    for end in range(min(_MAX_LABEL_WORDS, len(words))):
        colon = words[end].text.find(":")
        if colon < 0:
            continue
        label = " ".join(w.text for w in words[:end]) + " " + words[end].text[:colon]
        if any(is_smallcaps(w.text) for w in words[: end + 1]):
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


def _count_type_codes(lines_by_page: Sequence[Sequence[Line]]) -> int:
    """How many '[XX]' asset-type codes the document's text prints (one per e-filed row)."""
    return sum(len(TYPE_CODE_RE.findall(line.plain)) for lines in lines_by_page for line in lines)


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

    def add_cells(self, line: Line, cols: _Columns, tol: float) -> None:
        for word in line.words:
            text = strip_hidden(word.text)
            ticked = _checkbox_state(text)
            if ticked is not None:
                self.checkbox = ticked or bool(self.checkbox)
                continue
            if text:
                col = cols.of(word.x0, tol)
                if col in ("date", "notification") and text.startswith("$"):
                    col = "amount"  # an OCR box that starts a little left of the Amount column
                self.cells.setdefault(col, []).append(text)

    def add_amount_tail(self, line: Line, cols: _Columns, tol: float) -> bool:
        """Take a wrapped '$50,000' that shares its line with a sub-line (rare layouts)."""
        amount = self.cells.get("amount")
        if not amount or not amount[-1].endswith("-"):
            return False
        tail = [w for w in line.words if cols.of(w.x0, tol) in ("amount", "cap_gains")]
        if tail and AMOUNT_START_RE.match(tail[0].text):
            amount.extend(w.text for w in tail)
            return True
        return False


@dataclass
class _Table:
    drafts: list[_RowDraft]
    header_found: bool
    title_found: bool
    lowercase_capitals: bool


def _is_anchor(line: Line, cols: _Columns, tol: float) -> bool:
    """Does this line start a row? It needs two independent column signals."""
    by_col: dict[str, list[str]] = {}
    for word in line.words:
        by_col.setdefault(cols.of(word.x0, tol), []).append(strip_hidden(word.text))
    signals = 0
    owner = by_col.get("owner", [])
    signals += bool(owner) and owner[0].upper() in OWNER_CODES
    tx = by_col.get("tx_type", [])
    signals += bool(tx) and bool(TX_TOKEN_RE.match(tx[0]))
    dates = by_col.get("date", [])
    signals += bool(dates) and bool(FULL_DATE_RE.match(dates[0].translate(OCR_DIGITS)))
    notes = by_col.get("notification", [])
    signals += bool(notes) and bool(FULL_DATE_RE.match(notes[0].translate(OCR_DIGITS)))
    amount = by_col.get("amount", [])
    signals += bool(amount) and bool(AMOUNT_START_RE.match(amount[0]))
    return signals >= 2


def _is_id_continuation(line: Line, cols: _Columns, tol: float) -> bool:
    """A line of a row that starts in the ID column (an amended row's wrapped ID), not a footer.

    The owner code never wraps, so a row's later line has nothing in the Owner column; a footer or
    note running across the page does.
    """
    first = line.words[0]
    if cols.of(first.x0, tol) != "id" or first.x1 > cols.owner + tol or _heading_key(line):
        return False
    return all(cols.of(w.x0, tol) != "owner" for w in line.words)


def _parse_table(
    lines_by_page: Sequence[Sequence[Line]], marks_by_page: Sequence[Sequence[Box]], tol: float
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
            if is_noise(line):
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
                    current.subs[-1][1].extend(strip_hidden(w.text) for w in line.words)
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


def join_parts(parts: Iterable[str]) -> str:
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
    owner_text = join_parts(cells.get("owner", [])).upper()
    owner = owner_text or None
    asset_text = join_parts(cells.get("asset", []))
    asset_name, ticker, asset_type, _lowered = split_asset(asset_text, ocr_fixes)
    tx_type, _tx_known = parse_tx_type(join_parts(cells.get("tx_type", [])), ocr_fixes)

    tx_dates = dates_in(cells.get("date", []))
    note_dates = dates_in(cells.get("notification", []))
    if not note_dates and len(tx_dates) > 1:
        note_dates = tx_dates[1:]
    if not tx_dates and len(note_dates) > 1:
        tx_dates, note_dates = note_dates[:1], note_dates[1:]
    tx_date = tx_dates[0] if tx_dates else None
    note_date = note_dates[0] if note_dates else None

    amount_range, low, high, _amount_known = parse_amount(join_parts(cells.get("amount", [])))
    cap_gains = draft.checkbox
    if cap_gains is None:
        cap_text = join_parts(cells.get("cap_gains", [])).lower()
        cap_gains = {"yes": True, "x": True, "no": False}.get(cap_text)

    subs: dict[str, list[str]] = {}
    for key, words in draft.subs:
        text = join_parts(words)
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
        row_id=join_parts(cells.get("id", [])) or None,
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
    label, low, high, known = parse_amount(row.amount_range or "")
    if ocr and label and SINGLE_AMOUNT_RE.fullmatch(label):
        known = False  # from OCR, a lone '$15,000' is far likelier half a bucket than a value
    if not known or (low, high) != (row.amount_low, row.amount_high):
        failed.append("amount_bucket_known")
    if row.ticker is not None and not TICKER_RE.match(row.ticker):
        failed.append("ticker_format")
    if row.asset_type not in ASSET_TYPE_CODES:
        failed.append("asset_type_known")
    if row.owner is not None and row.owner not in OWNER_CODES:
        failed.append("owner_known")
    printed = printed_ticker(printed_asset) if printed_asset else None
    if printed is not None and row.ticker != printed:
        failed.append("ticker_matches_text")  # the token before '[XX]' is the ticker, as printed
    if any(_LABEL_TEXT_RE.search(getattr(row, name) or "") for name in _TEXT_FIELDS):
        failed.append("no_label_text")  # a sub-line glued into a field: the row was cut wrongly
    if boxes_expected and row.cap_gains_over_200 is None:
        failed.append("cap_gains_read")  # every row of these forms has the box
    return tuple(failed)


_EMPTY_HEADER = PtrHeader(None, None, None, None, None, None, None)


_FIELD_RES = {
    "filer_name": re.compile(r"^Name:\s*(.+)$"),
    "status": re.compile(r"^Status:\s*(.+)$"),
    "state_district": re.compile(r"^State/District:\s*(\S+)"),
}


_SIGNED_RE = re.compile(r"Digitally Signed:\s*(?P<name>.*?)\s*,?\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})")


def parse_header(
    lines_by_page: Sequence[Sequence[Line]], marks_by_page: Sequence[Sequence[Box]]
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
                signature_date = parse_date(match.group("date"))
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


def _ipo_answer(lines: Sequence[Line], marks: Sequence[Box]) -> bool | None:
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
