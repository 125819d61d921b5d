"""Senate eFD pages: an e-filed periodic transaction report (PTR) page read into header facts and rows,
and a paper filing's view page read into the URLs of its scanned GIF pages.

The e-filed PTR page (``/search/view/ptr/<uuid>/``) is server-rendered HTML: an ``h1`` title ("Periodic
Transaction Report for MM/DD/YYYY[ (Amendment N)]"), an ``h2`` with the filer's name, a "Filed MM/DD/YYYY
@ H:MM AM" line, a list of declared counts ("(N transactions total)", "n Self", ...) and one table of
transactions. Columns are found by their header labels, never by position; values are mapped onto the
codes of ``silver.ptr_transactions`` (owner SP/JT/DC, null for the filer; purchase/sale/partial_sale/
exchange; the House amount buckets) and every oddity is named in the row's ``problems``, never dropped.
Pages are parsed with ``lxml.html``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from core.errors import LakehouseError
from jobs.silver.ptr_values import MIN_PLAUSIBLE_DATE, parse_amount, parse_tx_type

#: Where relative links on eFD pages resolve (the GIF pages are absolute on every real page seen).
EFD_BASE_URL = "https://efdsearch.senate.gov/search/"

#: Owner cells as eFD prints them -> the owner codes of silver.ptr_transactions (None = the filer).
#: The rows print "Child"; the count list above the table says "Dependent Child" for the same owner.
OWNER_CODES: dict[str, str | None] = {
    "self": None,
    "spouse": "SP",
    "joint": "JT",
    "child": "DC",
    "dependent child": "DC",
    "dependent": "DC",
}

#: Asset Type texts seen on real pages (2014-2026); others are kept as printed and flagged.
KNOWN_ASSET_TYPES = frozenset({
    "Stock", "Stock Option", "Corporate Bond", "Municipal Security", "Other Securities", "Non-Public Stock", "Other",
})

# Header label (lower-cased, whitespace collapsed) -> field. eFD prints '#' (raw 2026 bytes '&#35;').
_HEADER_FIELDS = {
    "#": "line_no", "no.": "line_no", "line": "line_no",
    "transaction date": "transaction_date", "date": "transaction_date",
    "owner": "owner",
    "ticker": "ticker",
    "asset name": "asset_name", "asset": "asset_name",
    "asset type": "asset_type",
    "type": "transaction_type", "transaction type": "transaction_type",
    "amount": "amount",
    "comment": "comment", "comments": "comment",
}

# A table is the transactions table when its header names at least these columns.
_REQUIRED_FIELDS = frozenset({"transaction_date", "owner", "asset_name", "transaction_type", "amount"})

# A block element inside a cell is a line of its own.
_BLOCK = frozenset({"div", "p", "li", "ul", "ol", "table", "tr"})

# eFD prints dates as MM/DD/YYYY; 2026 sub-lines also use ISO dates (Matures: 2036-04-15).
_US_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TITLE_FOR_RE = re.compile(r"\bfor\s+(\d{1,2}/\d{1,2}/\d{4})")
_AMENDMENT_RE = re.compile(r"\(\s*Amendment\s+(\d+)\s*\)", re.IGNORECASE)
# "Filed 06/16/2026 @ 10:27 AM"; some pages print "@ 4 PM" with no minutes.
_FILED_RE = re.compile(r"\bFiled\s+(\d{1,2}/\d{1,2}/\d{4}(?:\s*@\s*\d{1,2}(?::\d{2})?\s*[AP]\.?M\.?)?)", re.IGNORECASE)
_FILED_PARTS_RE = re.compile(r"^(\d{1,2}/\d{1,2}/\d{4})(?:\s*@\s*(\d{1,2})(?::(\d{2}))?\s*([AP])\.?M\.?)?$",
                             re.IGNORECASE)
_TOTAL_RE = re.compile(r"^\(?\s*(\d+)\s+transactions?\s+total\s*\)?$", re.IGNORECASE)
_OWNER_COUNT_RE = re.compile(r"^(\d+)\s+(.+)$")
_SUBLINE_LABEL_RE = re.compile(r"^([A-Za-z][A-Za-z /&().-]{0,40}?)\s*:\s*(.*)$")
# A ticker as eFD links it: capitals and digits, with '.', '-' or '/' for classes and when-issued (XLS-WI).
TICKER_RE = re.compile(r"^[A-Z0-9][A-Z0-9.\-/^]{0,11}$")
# A filer who left Ticker '--' sometimes typed it into the name: "SPYM - Tradr ...", "... ADR (RCRUY)".
_NAME_LEADING_TICKER_RE = re.compile(r"^([A-Z][A-Z0-9.]{0,5}) - ")
_NAME_TRAILING_TICKER_RE = re.compile(r"\(([A-Z][A-Z0-9.]{0,5})\)$")
_NAME_IS_TICKER_RE = re.compile(r"^([A-Z]{1,5})$")  # Toomey 2020: Ticker '--', Asset Name 'PPL'

# 2014-2015 names end in the exchange, e.g. "Caterpillar Inc. (NYSE)": that is not a ticker.
_EXCHANGE_NAMES = frozenset({"NYSE", "NASDAQ", "NYSEARCA", "AMEX", "NYSEMKT", "OTC", "BATS", "ARCA"})
_PTR_MARKER = "periodic transaction report"


class SenatePageError(LakehouseError, ValueError):
    """The page is not the kind of eFD page asked for (e.g. an agreement page, a search page, a paper filing)."""


@dataclass(frozen=True)
class SenatePtrRow:
    """One transaction row of an e-filed Senate PTR page, mapped onto silver.ptr_transactions' codes.

    ``*_text`` fields keep the cell as printed (whitespace collapsed, entities decoded). ``details`` are the
    asset cell's sub-lines as (label, value) pairs, e.g. ``("Rate/Coupon", "5.0%")``; ``description`` joins
    them for the House ``description`` column. ``problems`` names what is odd; an odd row is still a row.
    """

    row_ordinal: int
    line_no: int | None
    line_no_text: str
    transaction_date: dt.date | None
    transaction_date_text: str
    owner: str | None
    owner_text: str
    ticker: str | None
    ticker_text: str
    asset_name: str
    asset_name_lines: tuple[str, ...]
    details: tuple[tuple[str | None, str], ...]
    asset_type: str | None
    transaction_type: str | None
    transaction_type_text: str
    amount_range: str | None
    amount_low: int | None
    amount_high: int | None
    comment: str | None
    problems: tuple[str, ...] = ()

    @property
    def description(self) -> str | None:
        """The sub-lines as one text ('Rate/Coupon: 5.0%; Matures: 10/01/2019'), or None."""
        if not self.details:
            return None
        return "; ".join(f"{label}: {value}" if label else value for label, value in self.details)


@dataclass(frozen=True)
class SenatePtrPage:
    """The header facts and rows of one e-filed Senate PTR page.

    ``declared_total`` and ``declared_by_owner`` are the page's own counts ("(5 transactions total)",
    "5 Spouse", ...); ``problems`` holds page-level findings such as a count that disagrees with the rows.
    """

    report_id: str
    title: str
    report_for: dt.date | None
    amendment_number: int | None
    filer_name: str
    filer_name_sorted: str | None
    filed_text: str | None
    filed_at: dt.datetime | None
    declared_total: int | None
    declared_by_owner: tuple[tuple[str, int], ...]
    rows: tuple[SenatePtrRow, ...]
    problems: tuple[str, ...] = ()

    @property
    def is_amendment(self) -> bool:
        """Whether the title says '(Amendment N)': a full restatement of an earlier report of the filer."""
        return self.amendment_number is not None


# --------------------------------------------------------------------------------------------------
# The document: lxml.html, which also closes the cells and rows that re-serialised pages leave open.

# eFD declares and serves UTF-8: the parser is told so, and neither a page's own <meta charset>/<?xml encoding?>
# nor libxml2's guess from the bytes overrides it. Comments and processing instructions are not page text.
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def _parse_html(html: bytes | str) -> HtmlElement:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")  # undecodable bytes become U+FFFD, never an error
    root = etree.fromstring(html.encode("utf-8", errors="replace"), _PARSER)
    if root is None:  # an empty page: no elements at all
        return lxml.html.Element("html")
    etree.strip_elements(root, "script", "style", with_tail=False)  # their text is not page text
    for br in root.iter("br"):
        # <br> reads as a space in an element's text; the asset cell also splits its lines there.
        br.tail = " " + (br.tail or "")
    return root


def _text(node: HtmlElement) -> str:
    return _collapse(node.text_content())


def _collapse(text: str) -> str:
    # str.split() also splits on the no-break spaces eFD puts in sub-lines ('&nbsp;(New York, NY)').
    return " ".join(text.split())


def _classes(node: HtmlElement) -> set[str]:
    return set((node.get("class") or "").split())


def _content(node: HtmlElement) -> list[HtmlElement | str]:
    """The node's children in order, its text and each child's tail as strings between them."""
    parts: list[HtmlElement | str] = [node.text or ""]
    for child in node:
        parts.extend((child, child.tail or ""))
    return parts


# --------------------------------------------------------------------------------------------------
# Cells


def title_facts(title: str | None) -> tuple[dt.date | None, int | None]:
    """(the date after "for", N of "(Amendment N)") of an eFD report title, as the page and the search print
    it: ``Periodic Transaction Report for 06/16/2026 (Amendment 1)``."""
    title = title or ""
    report_for = _TITLE_FOR_RE.search(title)
    amendment = _AMENDMENT_RE.search(title)
    return (parse_date(report_for.group(1)) if report_for else None,
            int(amendment.group(1)) if amendment else None)


def parse_date(text: str) -> dt.date | None:
    """An eFD date: MM/DD/YYYY (or YYYY-MM-DD in 2026 sub-lines); None when it is neither or impossible."""
    match = _US_DATE_RE.match(text)
    try:
        if match:
            month, day, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        match = _ISO_DATE_RE.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


def _parse_filed(text: str) -> dt.datetime | None:
    match = _FILED_PARTS_RE.match(_collapse(text))
    if not match:
        return None
    day = parse_date(match.group(1))
    if day is None:
        return None
    if match.group(2) is None:
        return dt.datetime(day.year, day.month, day.day)
    hour, minute = int(match.group(2)), int(match.group(3) or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if match.group(4).upper() == "P" else 0)
    return dt.datetime(day.year, day.month, day.day, hour, minute)  # Washington local time, as printed


def _is_empty_marker(text: str) -> bool:
    # eFD prints '--' for an empty Ticker or Comment.
    return text in ("", "--", "-", "\u2014", "N/A")


def _split_lines(nodes: list[HtmlElement | str]) -> list[str]:
    """Text of ``nodes`` split at <br>, each line collapsed; empty lines dropped."""
    lines: list[list[str]] = [[]]
    for node in nodes:
        if isinstance(node, str):
            lines[-1].append(node)
        elif node.tag == "br":
            lines.append([])
        elif node.tag in _BLOCK:  # a block inside the cell is a line of its own
            lines.extend([line] for line in _split_lines(_content(node)))
            lines.append([])
        else:
            inner = _split_lines(_content(node))
            if inner:
                lines[-1].append(inner[0])
                lines.extend([line] for line in inner[1:])
    return [t for t in (_collapse("".join(parts)) for parts in lines) if t]


def _is_subline_block(node: HtmlElement | str) -> bool:
    # Sub-lines are <div class="text-muted"> (2014-2026); accept any muted block element.
    return (not isinstance(node, str) and node.tag in ("div", "p", "small", "span")
            and bool({"text-muted", "muted"} & _classes(node)))


def _parse_asset_cell(cell: HtmlElement) -> tuple[tuple[str, ...], tuple[tuple[str | None, str], ...]]:
    """Name lines (split at <br>: an Exchange lists the asset given up and the one received) and sub-lines."""
    name_nodes: list[HtmlElement | str] = []
    details: list[tuple[str | None, str]] = []
    for child in _content(cell):
        if _is_subline_block(child):
            for line in _split_lines(_content(child)):
                label = _SUBLINE_LABEL_RE.match(line)
                details.append((label.group(1).strip(), label.group(2).strip()) if label else (None, line))
        else:
            name_nodes.append(child)
    return tuple(_split_lines(name_nodes)), tuple(details)


def _ticker_of(cell: HtmlElement) -> str:
    # The ticker is the text of a finance.yahoo.com link ('/q?s=RPM' to 2020, '/quote/VEA' in 2026), else the cell.
    links = [text for text in (_text(a) for a in cell.iter("a")) if text]
    return " ".join(links) if links else _text(cell)


# --------------------------------------------------------------------------------------------------
# The page


def _rows_of(table: HtmlElement) -> list[HtmlElement]:
    # Rows of this table only (not of a nested table), with or without <thead>/<tbody>.
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table")) is table]


def _cells(tr: HtmlElement) -> list[HtmlElement]:
    return [cell for cell in tr if cell.tag in ("td", "th")]


def _header_fields(table: HtmlElement) -> tuple[list[str | None], HtmlElement | None]:
    """Field of each column from the table's header row (the first row made of <th> cells)."""
    for tr in _rows_of(table):
        cells = _cells(tr)
        # The header row is made of <th> cells; a <thead> row counts whatever its cells are.
        in_thead = tr.getparent().tag == "thead"
        if cells and (in_thead or all(c.tag == "th" for c in cells)):
            fields: list[str | None] = []
            for cell in cells:
                label = _text(cell).lower().rstrip(":")
                fields.extend([_HEADER_FIELDS.get(label)] * _colspan(cell))
            return fields, tr
        if cells:
            break
    return [], None


def _colspan(cell: HtmlElement) -> int:
    try:
        return max(1, int(cell.get("colspan") or "1"))
    except ValueError:
        return 1


def _transactions_table(root: HtmlElement) -> tuple[HtmlElement, list[str | None], HtmlElement] | None:
    for table in root.iter("table"):
        fields, header_row = _header_fields(table)
        if header_row is not None and _REQUIRED_FIELDS <= set(fields):
            return table, fields, header_row
    return None


def _data_rows(table: HtmlElement, header_row: HtmlElement) -> list[HtmlElement]:
    return [tr for tr in _rows_of(table) if tr is not header_row and any(c.tag == "td" for c in tr)]


def _declared_counts(root: HtmlElement) -> tuple[int | None, tuple[tuple[str, int], ...]]:
    """The count list above the table: '(N transactions total)' then 'n Self', 'n Joint', ..."""
    for li in root.iter("li"):
        total = _TOTAL_RE.match(_text(li))
        if total is None:
            continue
        by_owner: list[tuple[str, int]] = []
        for sibling in li.getparent():
            if sibling.tag == "li" and sibling is not li:
                count = _OWNER_COUNT_RE.match(_text(sibling))
                if count:
                    by_owner.append((count.group(2), int(count.group(1))))
        return int(total.group(1)), tuple(by_owner)
    return None, ()


def _first_text(root: HtmlElement, tag: str, css_class: str | None = None, contains: str | None = None) -> str | None:
    for node in root.iter(tag):
        if css_class and css_class not in _classes(node):
            continue
        text = _text(node)
        if contains and contains not in text.lower():
            continue
        if text:
            return text
    return None


def _page_title(root: HtmlElement) -> str:
    return _first_text(root, "title") or "(no <title>)"


def _what_page_is(root: HtmlElement) -> str:
    """A hint for the error message: what an eFD page that is not a PTR page usually is."""
    if any("filingImage" in _classes(img) for img in root.iter("img")):
        return "a paper filing's view page (read it with parse_senate_paper_page)"
    if any(node.get("id") == "agreement_form" for node in root.iter("form")):
        return "the eFD terms-agreement page (the session had not agreed or had expired)"
    return f"a page titled {_page_title(root)!r}"


def _parse_row(ordinal: int, tr: HtmlElement, fields: list[str | None], filed: dt.date | None) -> SenatePtrRow:
    cells = _cells(tr)
    problems: list[str] = []
    by_field: dict[str, HtmlElement] = {}
    position = 0
    for cell in cells:
        field_name = fields[position] if position < len(fields) else None
        if field_name and field_name not in by_field:
            by_field[field_name] = cell
        position += _colspan(cell)
    if position != len(fields):
        problems.append(f"cell_count:{position}_of_{len(fields)}")

    def text(name: str) -> str:
        return _text(by_field[name]) if name in by_field else ""

    line_no_text = text("line_no")
    line_no = int(line_no_text) if line_no_text.isdigit() else None
    if line_no is None and "line_no" in by_field:  # a missing column is said once, at page level
        problems.append(f"unparseable_line_no:{line_no_text!r}")

    date_text = text("transaction_date")
    tx_date = parse_date(date_text)
    if tx_date is None:
        problems.append(f"unparseable_transaction_date:{date_text!r}")
    elif tx_date < MIN_PLAUSIBLE_DATE:
        problems.append("transaction_date_before_2008")
    elif filed is not None and tx_date > filed:
        problems.append("transaction_date_after_filing")  # a report cannot disclose a later trade

    owner_text = text("owner")
    owner_key = owner_text.lower()
    if owner_key in OWNER_CODES:
        owner = OWNER_CODES[owner_key]
    else:
        owner = owner_text or None  # kept as printed, never guessed
        problems.append(f"unknown_owner:{owner_text!r}")

    ticker_text = _ticker_of(by_field["ticker"]) if "ticker" in by_field else ""
    tokens = [t for t in ticker_text.split() if not _is_empty_marker(t)]
    ticker = " ".join(tokens) or None
    if ticker is not None and (len(tokens) > 1 or not TICKER_RE.match(ticker)):
        problems.append(f"odd_ticker:{ticker_text!r}")

    if "asset_name" in by_field:
        name_lines, details = _parse_asset_cell(by_field["asset_name"])
    else:
        name_lines, details = (), ()
    asset_name = "\n".join(name_lines)
    if not asset_name:
        problems.append("empty_asset_name")
    if ticker is None and name_lines:
        embedded = (_NAME_LEADING_TICKER_RE.match(name_lines[0]) or _NAME_TRAILING_TICKER_RE.search(name_lines[-1])
                    or _NAME_IS_TICKER_RE.match(name_lines[0]))
        if embedded and embedded.group(1) not in _EXCHANGE_NAMES:
            problems.append(f"ticker_in_asset_name:{embedded.group(1)}")

    asset_type = text("asset_type") or None
    if asset_type is None:
        problems.append("empty_asset_type")  # every 2014 row and some 2015 amendments leave it blank
    elif asset_type not in KNOWN_ASSET_TYPES:
        problems.append(f"unknown_asset_type:{asset_type!r}")

    tx_text = text("transaction_type")
    tx_code, tx_known = parse_tx_type(tx_text)
    transaction_type = tx_code if tx_known else (tx_text or None)
    if not tx_known:
        problems.append(f"unknown_transaction_type:{tx_text!r}")

    amount_text = text("amount")
    amount_range, amount_low, amount_high, amount_known = parse_amount(amount_text)
    if not amount_known:
        problems.append(f"unknown_amount:{amount_text!r}")

    comment_text = text("comment")
    comment = None if _is_empty_marker(comment_text) else comment_text

    return SenatePtrRow(
        row_ordinal=ordinal, line_no=line_no, line_no_text=line_no_text, transaction_date=tx_date,
        transaction_date_text=date_text, owner=owner, owner_text=owner_text, ticker=ticker, ticker_text=ticker_text,
        asset_name=asset_name, asset_name_lines=name_lines, details=details, asset_type=asset_type,
        transaction_type=transaction_type, transaction_type_text=tx_text, amount_range=amount_range,
        amount_low=amount_low, amount_high=amount_high, comment=comment, problems=tuple(problems),
    )


_COUNT_NAMES = {None: "self", "SP": "spouse", "JT": "joint", "DC": "dependent_child"}


def _count_problems(rows: list[SenatePtrRow], total: int | None, by_owner: tuple[tuple[str, int], ...]) -> list[str]:
    problems: list[str] = []
    if total is None:
        problems.append("no_declared_count")
    elif total != len(rows):
        problems.append(f"declared_total:{total}_rows_found:{len(rows)}")
    found = Counter(row.owner for row in rows)
    declared: Counter[str | None] = Counter()
    for label, count in by_owner:
        key = label.lower()
        if key not in OWNER_CODES:
            problems.append(f"unknown_owner_count_label:{label!r}")
            continue
        declared[OWNER_CODES[key]] += count
    if by_owner:
        for code in sorted(set(declared) | set(found), key=str):
            if declared[code] != found[code]:
                name = _COUNT_NAMES.get(code, code)
                problems.append(f"declared_{name}:{declared[code]}_rows_found:{found[code]}")
    lines = [row.line_no for row in rows if row.line_no is not None]
    duplicated = sorted(n for n, c in Counter(lines).items() if c > 1)
    if duplicated:
        problems.append("duplicate_line_no:" + ",".join(map(str, duplicated)))
    if lines and sorted(set(lines)) != list(range(1, max(lines) + 1)):
        problems.append("line_no_gaps")
    return problems


def parse_senate_ptr(html: bytes | str, report_id: str) -> SenatePtrPage:
    """Read an e-filed Senate PTR page (``/search/view/ptr/<report_id>/``) into its header facts and rows.

    Rows keep the page's order (eFD prints '#' descending, sometimes out of order); odd rows are kept with
    their ``problems``. Raises ``SenatePageError`` when the page has no transactions table at all (an
    agreement page after a lost session, a search page, a paper filing's image viewer).
    """
    root = _parse_html(html)
    found = _transactions_table(root)
    if found is None:
        raise SenatePageError(
            f"Senate report {report_id}: expected an e-filed PTR page with a transactions table headed "
            f"'# | Transaction Date | Owner | Ticker | Asset Name | Asset Type | Type | Amount | Comment', "
            f"got {_what_page_is(root)}."
        )
    table, fields, header_row = found
    problems: list[str] = []

    title = _first_text(root, "h1", contains=_PTR_MARKER) or ""
    if not title:
        title = _first_text(root, "h1") or ""
        if _PTR_MARKER not in _page_title(root).lower():
            problems.append("no_ptr_title")
    report_for, amendment_number = title_facts(title)
    if report_for is None:
        problems.append("no_report_date")

    filer = _first_text(root, "h2", css_class="filedReport") or _first_text(root, "h2") or ""
    # "The Honorable John Boozman (Boozman, John)": the parenthesis is the filer's sorted name.
    sorted_name = re.search(r"\(([^()]*)\)\s*$", filer)
    filer_name = filer[: sorted_name.start()].strip() if sorted_name else filer
    if not filer_name:
        problems.append("no_filer_name")

    filed_text = None
    for node in root.iter("strong", "p", "span"):
        # The line is a <strong class="noWrap"> inside <p class="muted">; small elements only, for speed.
        match = _FILED_RE.search(_text(node))
        if match:
            filed_text = _collapse(match.group(1))
            break
    filed_at = _parse_filed(filed_text) if filed_text else None
    if filed_at is None:
        problems.append("no_filed_date")

    rows = [_parse_row(i, tr, fields, filed_at.date() if filed_at else None)
            for i, tr in enumerate(_data_rows(table, header_row), start=1)]
    total, by_owner = _declared_counts(root)
    problems.extend(_count_problems(rows, total, by_owner))
    missing = sorted({"line_no", "ticker", "asset_type", "comment"} - set(fields))
    if missing:
        problems.append("missing_columns:" + ",".join(missing))

    return SenatePtrPage(
        report_id=report_id, title=title, report_for=report_for,
        amendment_number=amendment_number,
        filer_name=filer_name, filer_name_sorted=sorted_name.group(1).strip() if sorted_name else None,
        filed_text=filed_text, filed_at=filed_at, declared_total=total, declared_by_owner=by_owner,
        rows=tuple(rows), problems=tuple(problems),
    )


def parse_senate_paper_page(html: bytes | str, base_url: str = EFD_BASE_URL) -> list[str]:
    """The absolute URLs of a paper filing's scanned pages (``img.filingImage``, GIFs), in page order.

    The paper view page (``/search/view/paper/<uuid>/``) is a carousel of one image per scanned page on
    efd-media-public.senate.gov (no session needed). Raises ``SenatePageError`` when the page shows none.
    """
    root = _parse_html(html)
    urls: list[str] = []
    for img in root.iter("img"):
        src = (img.get("src") or "").strip()
        if "filingImage" in _classes(img) and src and urljoin(base_url, src) not in urls:
            urls.append(urljoin(base_url, src))
    if not urls:
        raise SenatePageError(
            "Expected a Senate paper filing's view page with <img class=\"filingImage\"> pages, "
            f"got {_what_page_is(root)}."
        )
    return urls
