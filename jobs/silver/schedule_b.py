"""Rows out of Schedule B ("Transactions") of an e-filed House Financial Disclosure Report (Form A).

Annual reports (filing type A) and terminated-filer reports (T) of Members and officers carry a
Schedule B listing the year's purchases, sales and exchanges. Its table reads
``Asset | Owner | Date | Tx. Type | Amount | Cap. Gains > $200?``: unlike a PTR there is no
notification date, the asset comes *first* (owner code to its right), and a sale has a check box
for capital gains over $200 (purchases have none). Like :mod:`jobs.silver.ptr_pdf`, this module
reads word positions (the same PDFium text layer, line grouping, cell parsers and row checks):

* the table starts at the ``SCHEDULE B: TRANSACTIONS`` heading (small caps, so ``S B: T`` in the
  text layer) and ends at the footnote (``* Investment Vehicle details ...``) or the next schedule
  heading; ``None disclosed.`` means no rows;
* an **anchor line** starts a row: a full date in the Date column plus a transaction type or the
  start of an amount;
* the following lines continue the cells: the asset name, ``(partial)`` under ``S``, the second
  half of an amount (``$50,001 -`` / ``$100,000``), also at the top of the next page below the
  repeated column header;
* ``L:`` (location), ``D:`` (description) and ``C:`` (comments) sub-lines follow the row;
* nesting is printed with ``⇒``: ``Birch Creek Properties ⇒ Westchester Properties ⇒ Property
  Oakdale [RP]`` gives ``subholding_of = 'Birch Creek Properties ⇒ Westchester Properties'`` (the
  part before the last arrow) and ``asset_name = 'Property Oakdale'``;
* the Cap. Gains box is a drawn check box (paths, not text), found by the PTR extractor's
  :func:`jobs.silver.ptr_pdf.page_check_boxes`: a tick stroke or a dark fill inside it means ticked.

**These rows are not PTR transactions and must not be mixed with them.** A Member reports each
trade of a reportable asset on a PTR within 45 days and lists the same trades again on the next
annual or termination report, so adding Schedule B rows to ``silver.ptr_transactions`` or to
gold's trade facts would count those trades twice. They land in their own table,
``silver.schedule_b_transactions``, for reconciliation against PTRs and for filers (officers,
candidates, trades exempt from PTRs) whose trades appear nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jobs.silver.pdf_layer import (
    MIN_TEXT_CHARS,
    Box,
    CheckBox,
    PageContent,
    PtrExtractionError,
    count_text_chars,
    is_smallcaps,
    page_check_boxes,
    read_text_layer,
    strip_hidden,
)
from jobs.silver.ptr_pdf import (
    LayoutTolerance,
    Line,
    PtrHeader,
    group_lines,
    is_noise,
    join_parts,
    label_words,
    parse_header,
)
from jobs.silver.ptr_values import (
    AMOUNT_START_RE,
    ASSET_TYPE_CODES,
    FULL_DATE_RE,
    MIN_PLAUSIBLE_DATE,
    OWNER_CODES,
    TICKER_RE,
    TX_TOKEN_RE,
    dates_in,
    parse_amount,
    parse_tx_type,
    split_asset,
)

__all__ = [
    "SCHEDULE_B_VERSION",
    "SCHEDULE_B_ROW_CHECKS",
    "CheckBox",
    "ScheduleBDocument",
    "ScheduleBRow",
    "PtrExtractionError",
    "assemble_schedule_b",
    "extract_schedule_b",
]

#: Bump when the output for the same PDF changes (new field, different cleaning, bug fix).
SCHEDULE_B_VERSION = "schedule-b/1"

#: Names of the row checks, in the order they run (the PTR checks without the notification date).
SCHEDULE_B_ROW_CHECKS = (
    "asset_name_present",
    "transaction_type_known",
    "dates_parsed",
    "dates_plausible",
    "amount_bucket_known",
    "ticker_format",
    "asset_type_known",
    "owner_known",
)

NESTING_ARROW = "\u21d2"  # ⇒


@dataclass(frozen=True)
class ScheduleBRow:
    """One transaction row of Schedule B, with its sub-lines folded in.

    Field names and meanings are those of :class:`jobs.silver.ptr_pdf.PtrRow` where they apply;
    there is no notification date and no filing status, and ``location`` holds the ``L:`` sub-line.
    ``cap_gains_over_200`` is null when the row has no check box (purchases have none).
    """

    line_no: int
    owner: str | None
    asset_name: str
    ticker: str | None
    asset_type: str | None
    transaction_type: str
    transaction_date: dt.date | None
    amount_range: str | None
    amount_low: int | None
    amount_high: int | None
    cap_gains_over_200: bool | None
    subholding_of: str | None
    location: str | None
    description: str | None
    page: int
    checks_failed: tuple[str, ...]
    comment: str | None = None


@dataclass(frozen=True)
class ScheduleBDocument:
    """Schedule B of one report; ``issues`` names document-level problems.

    ``schedule_found`` tells whether the report has a Schedule B heading at all (candidate reports,
    Form B, have none); ``rows`` is empty for ``None disclosed.``.
    """

    header: PtrHeader
    rows: tuple[ScheduleBRow, ...]
    pages: int
    schedule_found: bool
    issues: tuple[str, ...]
    method: str = "text"


# --------------------------------------------------------------------------------------------
# Public entry points


def extract_schedule_b(pdf: bytes) -> ScheduleBDocument:
    """Extract the Schedule B transactions of an e-filed Financial Disclosure Report.

    A PDF without a text layer (a paper report) is not an error: the result has no rows and
    ``issues`` contains ``'no_text_layer'`` (Schedule B is not read by OCR).

    Raises:
        PtrExtractionError: If the bytes are not a PDF, are corrupt, or need a password.
    """
    return assemble_schedule_b(read_text_layer(pdf, marks_of=page_check_boxes))


def assemble_schedule_b(
    pages: Sequence[PageContent], *, tolerance: LayoutTolerance | None = None
) -> ScheduleBDocument:
    """Build a :class:`ScheduleBDocument` from positioned words (and the pages' check boxes)."""
    tol = tolerance or LayoutTolerance()
    header_empty = PtrHeader(None, None, None, None, None, None, None)
    if count_text_chars(pages) < MIN_TEXT_CHARS:
        return ScheduleBDocument(header_empty, (), len(pages), False, ("no_text_layer",))
    lines_by_page = [group_lines(page.words, tol.line) for page in pages]
    table = _parse_table(lines_by_page, [page.marks for page in pages], tol.column)
    header = parse_header(lines_by_page, [() for _ in pages])
    rows = tuple(_build_row(n, draft, header.signature_date) for n, draft in enumerate(table.drafts, 1))
    issues: list[str] = []
    if table.schedule_found and not table.none_disclosed and not table.header_found:
        issues.append("table_header_not_found")
    if table.header_found and not rows:
        issues.append("no_rows_found")
    if header.signature_date is None:
        issues.append("signature_not_found")
    return ScheduleBDocument(header, rows, len(pages), table.schedule_found, tuple(issues))


# --------------------------------------------------------------------------------------------
# Columns and section boundaries


@dataclass(frozen=True)
class _Columns:
    """Left edges of the Schedule B columns in points; defaults are the e-filed layout's."""

    asset: float = 25.0
    owner: float = 280.0
    date: float = 319.0
    tx_type: float = 402.0
    amount: float = 441.0
    cap_gains: float = 523.0

    def of(self, x: float, tol: float) -> str:
        name = "asset"
        for col in _COLUMN_ORDER:
            if getattr(self, col) - tol <= x:
                name = col
        return name


_COLUMN_ORDER = ("asset", "owner", "date", "tx_type", "amount", "cap_gains")
_HEADER_WORDS = {"asset": "asset", "owner": "owner", "date": "date", "tx.": "tx_type", "tx": "tx_type",
                 "amount": "amount", "cap.": "cap_gains"}
_HEADER_TAIL_WORDS = frozenset({"type", "gains", ">", "gains>", "$200?", "$200", "?"})
_SCHEDULE_RE = re.compile(r"^S(?:CHEDULE)?\s+([A-J])\s*:")
_FOOTNOTE_RE = re.compile(r"^\*\s*(?:Investment Vehicle|For the complete list)", re.IGNORECASE)


def _header_columns(line: Line) -> _Columns | None:
    """Column positions from a Schedule B header line, or None if the line is not one."""
    found: dict[str, float] = {}
    for word in line.words:
        col = _HEADER_WORDS.get(word.text.lower())
        if col is not None and col not in found:
            found[col] = word.x0
    if not {"asset", "owner", "date", "tx_type", "amount"} <= found.keys():
        return None
    defaults = _Columns()
    values = {col: found.get(col, getattr(defaults, col)) for col in _COLUMN_ORDER}
    xs = [values[col] for col in _COLUMN_ORDER]
    return _Columns(**values) if xs == sorted(xs) else defaults


def _schedule_letter(line: Line) -> str | None:
    """'B' for the ``SCHEDULE B: TRANSACTIONS`` heading (any schedule's letter), else None."""
    words = line.words
    if not words or words[0].x0 > 40:
        return None
    first = words[0].text
    if not (is_smallcaps(first) or strip_hidden(first).upper() == "SCHEDULE"):
        return None
    match = _SCHEDULE_RE.match(line.plain.strip())
    return match.group(1) if match else None


def _ends_section(line: Line) -> bool:
    """The footnote, or a heading of the report's closing parts (exclusions, certification)."""
    plain = line.plain.strip()
    if _FOOTNOTE_RE.match(plain) or plain.startswith(("I CERTIFY", "Digitally Signed", "IPO:")):
        return True
    # Small-caps headings that are not schedules: 'EXCLUSIONS OF SPOUSE ...', 'CERTIFICATION ...'.
    return bool(line.words) and line.words[0].x0 < 40 and all(is_smallcaps(w.text) for w in line.words[:1]) \
        and ":" not in line.text


# --------------------------------------------------------------------------------------------
# The table state machine


@dataclass
class _RowDraft:
    page: int
    centre: float
    cells: dict[str, list[str]] = field(default_factory=dict)
    subs: list[tuple[str, list[str]]] = field(default_factory=list)
    checkbox: bool | None = None

    def add_cells(self, line: Line, cols: _Columns, tol: float) -> None:
        for word in line.words:
            text = strip_hidden(word.text)
            if text:
                self.cells.setdefault(cols.of(word.x0, tol), []).append(text)


@dataclass
class _Table:
    drafts: list[_RowDraft]
    schedule_found: bool
    header_found: bool
    none_disclosed: bool


def _is_anchor(line: Line, cols: _Columns, tol: float) -> bool:
    by_col: dict[str, list[str]] = {}
    for word in line.words:
        by_col.setdefault(cols.of(word.x0, tol), []).append(strip_hidden(word.text))
    dates = by_col.get("date", [])
    if not (dates and FULL_DATE_RE.match(dates[0])):
        return False
    tx = by_col.get("tx_type", [])
    amount = by_col.get("amount", [])
    return bool(tx and TX_TOKEN_RE.match(tx[0])) or bool(amount and AMOUNT_START_RE.match(amount[0]))


def _centre(line: Line) -> float:
    return sum((w.top + w.bottom) / 2 for w in line.words) / len(line.words)


def _parse_table(lines_by_page: Sequence[Sequence[Line]], marks_by_page: Sequence[Sequence[Box]],
                 tol: float) -> _Table:
    cols = _Columns()
    drafts: list[_RowDraft] = []
    current: _RowDraft | None = None
    in_section = schedule_found = header_found = none_disclosed = done = False
    for page_no, lines in enumerate(lines_by_page, 1):
        page_drafts: list[_RowDraft] = []
        skip_tail = False
        for line in lines:
            letter = _schedule_letter(line)
            if letter is not None:
                if in_section:
                    done = True
                    break
                in_section = letter == "B"
                schedule_found = schedule_found or in_section
                continue
            if not in_section:
                continue
            found = _header_columns(line)
            if found is not None:
                cols, header_found, skip_tail = found, True, True
                continue
            if skip_tail and all(w.text.lower() in _HEADER_TAIL_WORDS for w in line.words):
                continue
            skip_tail = False
            if is_noise(line):
                continue
            if _ends_section(line):
                done = True
                break
            if line.plain.strip().lower().startswith("none disclosed"):
                none_disclosed = True
                continue
            label = _sub_label(line, cols, tol)
            if label is None and _is_anchor(line, cols, tol):
                current = _RowDraft(page=page_no, centre=_centre(line))
                drafts.append(current)
                page_drafts.append(current)
                current.add_cells(line, cols, tol)
            elif current is None:
                continue
            elif label is not None:
                current.subs.append(label)
            elif current.subs:
                current.subs[-1][1].extend(strip_hidden(w.text) for w in line.words)
            else:
                current.add_cells(line, cols, tol)
        _assign_check_boxes(page_drafts, marks_by_page[page_no - 1], cols, tol)
        if done:
            break
    return _Table(drafts, schedule_found, header_found, none_disclosed)


def _sub_label(line: Line, cols: _Columns, tol: float) -> tuple[str, list[str]] | None:
    """An ``L:`` / ``D:`` / ``C:`` sub-line: it starts at the Asset column's left edge."""
    if not line.words or abs(line.words[0].x0 - cols.asset) > 3 * tol:
        return None
    return label_words(line.words)


def _assign_check_boxes(
    drafts: Sequence[_RowDraft], marks: Sequence[Box], cols: _Columns, tol: float
) -> None:
    """Give each row of the page the check box drawn beside its anchor line, if any."""
    for mark in marks:
        if not isinstance(mark, CheckBox) or mark.x0 < cols.cap_gains - 2 * tol:
            continue
        centre = (mark.top + mark.bottom) / 2
        near = [d for d in drafts if abs(d.centre - centre) <= 7.0]
        if near:
            draft = min(near, key=lambda d: abs(d.centre - centre))
            draft.checkbox = mark.checked or bool(draft.checkbox)


# --------------------------------------------------------------------------------------------
# Rows


def _split_nesting(text: str) -> tuple[str | None, str]:
    """('A ⇒ B', 'C [RP]') from 'A ⇒ B ⇒ C [RP]'; (None, text) without an arrow."""
    if NESTING_ARROW not in text:
        return None, text
    head, _, tail = text.rpartition(NESTING_ARROW)
    parent = re.sub(r"\s*" + NESTING_ARROW + r"\s*", f" {NESTING_ARROW} ", head).strip()
    return parent or None, tail.strip()


def _build_row(line_no: int, draft: _RowDraft, signed: dt.date | None) -> ScheduleBRow:
    cells = draft.cells
    owner = join_parts(cells.get("owner", [])).upper() or None
    subholding_of, asset_text = _split_nesting(join_parts(cells.get("asset", [])))
    asset_name, ticker, asset_type, _lowered = split_asset(asset_text)
    tx_type, tx_known = parse_tx_type(join_parts(cells.get("tx_type", [])))
    dates = dates_in(cells.get("date", []))
    tx_date = dates[0] if dates else None
    amount_range, low, high, amount_known = parse_amount(join_parts(cells.get("amount", [])))

    subs: dict[str, list[str]] = {}
    for key, words in draft.subs:
        text = join_parts(words)
        if key.startswith("other:"):
            key, text = "description", f"{key[6:]}: {text}"
        subs.setdefault(key, []).append(text)
    location = "; ".join(subs["location"]) if "location" in subs else None
    if location:
        location = re.sub(r"\s+,", ",", location)  # 'Nashville , TN, US': an empty field's gap
    description = " ".join(subs["description"]) if "description" in subs else None
    comment = " ".join(subs["comment"]) if "comment" in subs else None
    if "subholding_of" in subs:  # a plain SUBHOLDING OF: line, should a report print one
        subholding_of = "; ".join(([subholding_of] if subholding_of else []) + subs["subholding_of"])

    failed = []
    if not asset_name:
        failed.append("asset_name_present")
    if not tx_known:
        failed.append("transaction_type_known")
    if tx_date is None:
        failed.append("dates_parsed")
    latest = signed + dt.timedelta(days=1) if signed else dt.date.max
    if tx_date is not None and not MIN_PLAUSIBLE_DATE <= tx_date <= latest:
        failed.append("dates_plausible")
    if not amount_known:
        failed.append("amount_bucket_known")
    if ticker is not None and not TICKER_RE.match(ticker):
        failed.append("ticker_format")
    if asset_type not in ASSET_TYPE_CODES:
        failed.append("asset_type_known")
    if owner is not None and owner not in OWNER_CODES:
        failed.append("owner_known")

    return ScheduleBRow(
        line_no=line_no,
        owner=owner,
        asset_name=asset_name,
        ticker=ticker,
        asset_type=asset_type,
        transaction_type=tx_type,
        transaction_date=tx_date,
        amount_range=amount_range,
        amount_low=low,
        amount_high=high,
        cap_gains_over_200=draft.checkbox,
        subholding_of=subholding_of or None,
        location=location or None,
        description=description or None,
        page=draft.page,
        checks_failed=tuple(failed),
        comment=comment or None,
    )

