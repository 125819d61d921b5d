"""Human review of PTR rows the machine could not read: the queue, and the rows people enter.

The extraction queues each row of a scanned paper form whose handwriting or check boxes it could
not read (``silver.review_queue``, with the row's image). A reviewer reads the image and enters the
row; it lands in ``silver.ptr_transactions`` with ``extraction_method = 'manual'``, who and when,
through the same write-audit-publish as any silver write, and reaches gold with the next
``transform gold``. Re-extraction never replaces a manual row (:func:`keep_reviewed_rows` in the
extraction job); the machine's earlier reading stays reachable by time travel.

An item is open while no manual row exists for its (doc_id, line_no): the state is read, never
kept twice. A reviewer can also add a row the machine missed (the next line number of the document).

Senate paper reports (scanned GIF pages; the Senate's form grid is not read) are queued a page at a
time by the Senate extraction: the item is (report id, page number), its image is the page in
bronze.senate_paper_pages, and the reviewer enters the rows they read on it
(:func:`record_senate_page`, or :func:`enter_senate_row` then :func:`finish_senate_page`). The rows
land in silver.senate_transactions with ``extraction_method = 'manual'``, validated by the Senate
page parser's own value readers; a value the form leaves blank is recorded as the parser records a
blank cell (the row stays in silver with its problem, out of gold). The page is open until marked
read (``reviewed_by`` on its queue row), which it may be with no rows (a cover letter).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from catalog.registry import (
    EXTRACTION_ISSUES,
    PTR_FILINGS,
    PTR_TRANSACTIONS,
    REVIEW_QUEUE,
    SENATE_FILINGS,
    SENATE_PAPER_PAGES,
    SENATE_TRANSACTIONS,
)
from catalog.store import Store, rows_where
from core.errors import LakehouseError
from jobs.silver.paper_form import AMOUNT_BOUNDS, AMOUNT_COLUMNS, OWNERS, TYPE_COLUMNS, parse_form_date
from jobs.silver.ptr_extraction import PAPER_ONLY_ISSUES
from jobs.silver.ptr_pdf import REVIEW_ISSUES, issue_code
from jobs.silver.ptr_values import MIN_PLAUSIBLE_DATE, TRANSACTION_TYPES, parse_amount, parse_tx_type
from jobs.silver.senate_extraction import reviewed_rows, settle_paper_filing
from jobs.silver.senate_ptr import KNOWN_ASSET_TYPES, OWNER_CODES, TICKER_RE
from jobs.silver.senate_ptr import parse_date as parse_efd_date

MANUAL = "manual"
#: Fields a reviewer may set, and those a finished row must have (gold's analytics need them).
EDITABLE = (
    "owner",
    "asset_name",
    "ticker",
    "asset_type",
    "transaction_type",
    "transaction_date",
    "notification_date",
    "amount_range",
    "cap_gains_over_200",
    "description",
    "comment",
)
REQUIRED = ("asset_name", "transaction_type", "transaction_date", "notification_date", "amount_range")
#: The form's amount columns by letter (A-J the buckets, K a spouse's or child's asset over $1M).
AMOUNT_LETTERS = dict(zip("ABCDEFGHIJK", AMOUNT_COLUMNS, strict=True))


class ReviewError(LakehouseError):
    """A review entry that cannot be recorded (unknown row, invalid or missing value)."""


@dataclasses.dataclass(frozen=True)
class ReviewItem:
    """One row waiting for a person: where it is in the PDF and what the machine proposes."""
    doc_id: str
    line_no: int
    year: int
    page: int | None
    fields_to_read: tuple[str, ...]
    reason: str
    proposed: dict
    status: str
    """'open', or 'reviewed' once a manual row exists (a Senate page: once marked read)."""
    reviewed_by: str | None = None
    reviewed_at: dt.datetime | None = None
    chamber: str = "house"
    """house (a row of a House paper form) or senate (a page of a Senate paper report: line_no is the page)."""
    rows_entered: int | None = None
    """Senate page: rows entered on it so far."""


def review_items(store: Store, *, include_reviewed: bool = False) -> list[ReviewItem]:
    """The queue in (year, doc_id, line_no) order; open items only unless ``include_reviewed``."""
    if store.current_snapshot_id(REVIEW_QUEUE.identifier) is None:
        return []
    queue = store.read(
        REVIEW_QUEUE.identifier,
        columns=["doc_id", "line_no", "year", "page", "fields_to_read", "reason", "proposed", "chamber",
                 "reviewed_by", "reviewed_at"],
    )
    house = [r for r in queue.to_pylist() if r["chamber"] != SENATE]
    manual = _manual_rows(store, sorted({r["doc_id"] for r in house}))
    entered = _senate_rows_by_page(store, sorted({r["doc_id"] for r in queue.to_pylist() if r["chamber"] == SENATE}))
    items = []
    for row in queue.to_pylist():
        if row["chamber"] == SENATE:
            if row["reviewed_by"] is None or include_reviewed:
                items.append(ReviewItem(
                    row["doc_id"], row["line_no"], row["year"], row["page"],
                    tuple(f for f in row["fields_to_read"].split(",") if f), row["reason"], json.loads(row["proposed"]),
                    "open" if row["reviewed_by"] is None else "reviewed", row["reviewed_by"], row["reviewed_at"],
                    SENATE, len(entered.get((row["doc_id"], row["line_no"]), ())),
                ))
            continue
        done = manual.get((row["doc_id"], row["line_no"]))
        if done and not include_reviewed:
            continue
        items.append(
            ReviewItem(
                row["doc_id"],
                row["line_no"],
                row["year"],
                row["page"],
                tuple(f for f in row["fields_to_read"].split(",") if f),
                row["reason"],
                json.loads(row["proposed"]),
                "reviewed" if done else "open",
                done["reviewed_by"] if done else None,
                done["reviewed_at"] if done else None,
            )
        )
    return sorted(items, key=lambda i: (i.year, i.doc_id, i.line_no))


def review_image(store: Store, doc_id: str, line_no: int) -> bytes:
    """The PNG of a queued item: a House row as cut from its page, a Senate paper page as scanned."""

    if store.current_snapshot_id(REVIEW_QUEUE.identifier) is not None:
        hit = store.read(
            REVIEW_QUEUE.identifier,
            columns=["row_image_png", "chamber", "pdf_sha256"],
            row_filter=rows_where(doc_id=doc_id, line_no=line_no),
        )
        if hit.num_rows:
            row = hit.to_pylist()[0]
            if row["chamber"] == SENATE:
                return _as_png(_page_image(store, doc_id, line_no, row["pdf_sha256"]), f"{doc_id} page {line_no}")
            return row["row_image_png"] or b""
    raise ReviewError(f"No queued row {doc_id} line {line_no}; `lakehouse review list` shows the open ones.")


def _page_image(store: Store, report_id: str, page_no: int, sha256: str) -> bytes:
    """The bytes of the queued page image (the fetch whose sha256 the queue holds) from bronze."""
    hit = store.read(SENATE_PAPER_PAGES.identifier, columns=["sha256", "content"],
                     row_filter=rows_where(report_id=report_id, page_no=page_no, sha256=sha256))
    if not hit.num_rows:
        raise ReviewError(f"The image of {report_id} page {page_no} (sha256 {sha256[:12]}…) is no longer in "
                          "bronze.senate_paper_pages; run `lakehouse transform silver` to queue the pages held now.")
    return hit.column("content")[0].as_py()


def _as_png(image: bytes, what: str) -> bytes:
    """``image`` (a scanned page, GIF on eFD) as PNG, the format every review image is shown in."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(image)) as scan:
            out = io.BytesIO()
            scan.save(out, format="PNG")
    except (UnidentifiedImageError, OSError) as exc:
        raise ReviewError(f"The image of {what} cannot be read as an image ({exc}); see bronze.senate_paper_pages.") \
            from exc
    return out.getvalue()


def current_row(store: Store, doc_id: str, line_no: int) -> dict | None:
    """The row of silver.ptr_transactions for (doc_id, line_no), or None."""

    if store.current_snapshot_id(PTR_TRANSACTIONS.identifier) is None:
        return None
    hit = store.read(
        PTR_TRANSACTIONS.identifier, row_filter=rows_where(doc_id=doc_id, line_no=line_no)
    )
    return hit.to_pylist()[0] if hit.num_rows else None


def record_review(
    store: Store,
    doc_id: str,
    line_no: int,
    values: Mapping[str, Any],
    reviewer: str,
    *,
    auditor=None,
    now: dt.datetime | None = None,
) -> int | None:
    """Enter (or confirm) one row as a person read it; returns silver.ptr_transactions' new snapshot.

    ``values`` overrides the machine's reading field by field (:data:`EDITABLE`; dates ISO or as
    written on the form, the amount as a bucket label or the form's column letter, owner ``self``
    for the filer). Given no values it confirms the reading as it is. The finished row must have
    every :data:`REQUIRED` field. ``line_no`` one past the document's last line adds a row.

    A queued Senate paper report's ``doc_id`` and page number (``line_no``) add the row ``values``
    read on that page (:func:`enter_senate_row`), or with no values mark the page read
    (:func:`finish_senate_page`).

    Raises:
        ReviewError: unknown document or line, an invalid value, or a required field still missing.
        CheckFailedError: the silver audit rejected the write; main is unchanged.
    """
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError("Say who reviewed the row: --reviewer NAME (or set LAKEHOUSE_REVIEWER).")
    if is_senate_report(store, doc_id):
        if values:
            return enter_senate_row(store, doc_id, line_no, values, reviewer, auditor=auditor, now=now).snapshot_id
        return finish_senate_page(store, doc_id, line_no, reviewer, auditor=auditor, now=now).snapshot_id
    unknown = sorted(set(values) - set(EDITABLE))
    if unknown:
        raise ReviewError(f"Unknown field(s) {', '.join(unknown)}; a reviewer can set {', '.join(EDITABLE)}.")
    filing = _filing(store, doc_id)
    row = current_row(store, doc_id, line_no)
    if row is None:
        lines = _line_count(store, doc_id)
        if line_no != lines + 1:
            raise ReviewError(
                f"{doc_id} has lines 1..{lines}; enter one of those, or {lines + 1} to add a row "
                "the machine missed."
            )
        row = {c.name: None for c in PTR_TRANSACTIONS.columns} | {
            "doc_id": doc_id,
            "line_no": line_no,
            "year": filing["year"],
            "extractor_version": filing["extractor_version"],
            "pdf_sha256": filing["pdf_sha256"],
            "extracted_at": now or dt.datetime.now(dt.UTC),
        }
    if not values:
        values = {
            k: v for k, v in json.loads(_proposed(store, doc_id, line_no) or "{}").items() if k in EDITABLE
        }
    row = dict(row) | _clean(values)
    missing = [f for f in REQUIRED if row.get(f) in (None, "")]
    if missing:
        raise ReviewError(
            f"{doc_id} line {line_no} still lacks {', '.join(missing)}; give them, e.g. "
            + " ".join(f"--{f.replace('_', '-')} …" for f in missing)
            + "."
        )
    if row["notification_date"] < row["transaction_date"]:
        raise ReviewError(
            f"The notification date {row['notification_date']} is before the trade date "
            f"{row['transaction_date']}; check both on the form."
        )
    row |= {
        "extraction_method": MANUAL,
        "row_checks_failed": "",
        "reviewed_by": reviewer,
        "reviewed_at": now or dt.datetime.now(dt.UTC),
    }
    return _write(store, row, reviewer, auditor)


def _clean(values: Mapping[str, Any]) -> dict:
    """Reviewer input, validated and normalised to the silver columns."""
    out: dict[str, Any] = {}
    for name, raw in values.items():
        value = raw.strip() if isinstance(raw, str) else raw
        if name == "owner":
            if value in (None, "", "self", "SELF", "filer"):
                out["owner"] = None
            elif str(value).upper() in OWNERS:
                out["owner"] = str(value).upper()
            else:
                raise ReviewError(
                    f"owner {value!r}: use SP (spouse), JT (joint), DC (dependent child) or self."
                )
        elif name == "transaction_type":
            key = str(value).lower().replace(" ", "_").replace("(", "").replace(")", "")
            key = {"p": "purchase", "s": "sale", "sale_partial": "partial_sale", "e": "exchange"}.get(
                key, key
            )
            if key not in TYPE_COLUMNS:
                raise ReviewError(f"transaction_type {value!r}: use one of {', '.join(TYPE_COLUMNS)}.")
            out[name] = key
        elif name in ("transaction_date", "notification_date"):
            out[name] = _date(name, value)
        elif name == "amount_range":
            label = AMOUNT_LETTERS.get(str(value).upper(), value)
            if label not in AMOUNT_COLUMNS:
                raise ReviewError(
                    f"amount {value!r}: give the form's column letter (A-K) or a bucket label such as "
                    f"'{AMOUNT_COLUMNS[0]}'."
                )
            low, high = AMOUNT_BOUNDS[AMOUNT_COLUMNS.index(label)]
            out |= {"amount_range": label, "amount_low": low, "amount_high": high}
        elif name == "cap_gains_over_200":
            out[name] = None if value is None else str(value).lower() in ("1", "true", "yes", "y")
        elif name in ("ticker", "asset_type"):
            out[name] = str(value).upper() or None if value is not None else None
        else:
            out[name] = value or None
    return out


def _date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = str(value or "")
    try:
        parsed = dt.date.fromisoformat(text)
    except ValueError:
        parsed = parse_form_date(text)
    if parsed is None:
        raise ReviewError(f"{name} {value!r}: give a date as YYYY-MM-DD or MM/DD/YY, on or before today.")
    return parsed


def _filing(store: Store, doc_id: str) -> dict:

    if store.current_snapshot_id(PTR_FILINGS.identifier) is not None:
        hit = store.read(
            PTR_FILINGS.identifier,
            columns=["doc_id", "year", "pdf_sha256", "extractor_version"],
            row_filter=rows_where(doc_id=doc_id),
        )
        if hit.num_rows:
            return hit.to_pylist()[0]
    raise ReviewError(
        f"{doc_id} is not an extracted PTR (silver.ptr_filings); check the DocID, or run "
        "`lakehouse transform silver` after ingesting it."
    )


def _line_count(store: Store, doc_id: str) -> int:

    if store.current_snapshot_id(PTR_TRANSACTIONS.identifier) is None:
        return 0
    return store.read(
        PTR_TRANSACTIONS.identifier, columns=["line_no"], row_filter=rows_where(doc_id=doc_id)
    ).num_rows


def _proposed(store: Store, doc_id: str, line_no: int) -> str | None:

    if store.current_snapshot_id(REVIEW_QUEUE.identifier) is None:
        return None
    hit = store.read(
        REVIEW_QUEUE.identifier,
        columns=["proposed"],
        row_filter=rows_where(doc_id=doc_id, line_no=line_no),
    )
    return hit.column(0)[0].as_py() if hit.num_rows else None


def _manual_rows(store: Store, doc_ids: list[str]) -> dict[tuple[str, int], dict]:

    if not doc_ids or store.current_snapshot_id(PTR_TRANSACTIONS.identifier) is None:
        return {}
    rows = store.read(
        PTR_TRANSACTIONS.identifier,
        columns=["doc_id", "line_no", "reviewed_by", "reviewed_at"],
        row_filter=rows_where(doc_id=doc_ids, extraction_method=MANUAL),
    )
    return {(r["doc_id"], r["line_no"]): r for r in rows.to_pylist()}


def _write(store: Store, row: dict, reviewer: str, auditor) -> int | None:
    """The manual row into silver.ptr_transactions, the line's resolved issues out of
    silver.extraction_issues, and the document's counts in silver.ptr_filings brought in line, all
    audited and published together (each table's checks see the others' new state)."""
    import ibis

    from jobs.runner import merge_rows, tag_quality_issues

    doc_id, line_no = row["doc_id"], row["line_no"]
    key = pa.table(
        {"doc_id": [doc_id], "year": [row["year"]]},
        schema=pa.schema([("doc_id", pa.large_string()), ("year", pa.int32())]),
    )
    flagged = _flagged_lines(store, doc_id) - {line_no}
    issues = _issues_after_review(store, doc_id, line_no, flagged)
    filing = _filing_after_review(store, doc_id, row, flagged)
    properties = {"lakehouse.job": "silver.review", "lakehouse.reviewer": reviewer}
    con = ibis.duckdb.connect()
    try:
        new = tag_quality_issues(
            PTR_TRANSACTIONS.identifier, pa.Table.from_pylist([row], PTR_TRANSACTIONS.arrow_schema())
        )
        writes = [(PTR_TRANSACTIONS.identifier, *merge_rows(con, store, PTR_TRANSACTIONS.identifier, new))]
        if issues is not None:
            writes.append(
                (
                    EXTRACTION_ISSUES.identifier,
                    *merge_rows(
                        con, store, EXTRACTION_ISSUES.identifier, issues, on=("doc_id",), replaced=key
                    ),
                )
            )
        filing = tag_quality_issues(PTR_FILINGS.identifier, filing)
        writes.append((PTR_FILINGS.identifier, *merge_rows(con, store, PTR_FILINGS.identifier, filing)))
    finally:
        con.disconnect()
    return _commit(store, writes, properties, auditor, PTR_TRANSACTIONS.identifier)


def _commit(store: Store, writes: list, properties: dict[str, str], auditor, main: str) -> int | None:
    """Commit a review's merged tables: audited together when an auditor is given. Returns ``main``'s snapshot."""
    from jobs.runner import write_audit_publish_together

    if auditor is not None:
        return write_audit_publish_together(store, "silver.review", writes, properties, auditor, {})[main]
    snapshot_id = None
    for identifier, merged, partitions in writes:
        sid = store.replace(identifier, merged, properties, partition_values=partitions)
        snapshot_id = sid if identifier == main else snapshot_id
    return snapshot_id


def _flagged_lines(store: Store, doc_id: str) -> set[int]:

    rows = store.read(
        PTR_TRANSACTIONS.identifier,
        columns=["line_no", "row_checks_failed"],
        row_filter=rows_where(doc_id=doc_id),
    )
    return {
        n
        for n, c in zip(rows["line_no"].to_pylist(), rows["row_checks_failed"].to_pylist(), strict=True)
        if c
    }


def _filing_after_review(store: Store, doc_id: str, row: dict, flagged: set[int]) -> pa.Table:
    """The document's silver.ptr_filings row with its counts after the review (and ``ok`` once no
    row waits, when waiting rows were its only problem)."""

    filing = store.read(PTR_FILINGS.identifier, row_filter=rows_where(doc_id=doc_id)).to_pylist()[0]
    lines = _line_count(store, doc_id)
    filing["rows_found"] = max(lines, row["line_no"])
    filing["rows_with_failed_checks"] = len(flagged)
    problems = [
        i
        for i in (filing["issues"] or "").split(",")
        if issue_code(i) in REVIEW_ISSUES and issue_code(i) not in PAPER_ONLY_ISSUES
    ]
    if not flagged and filing["extraction_status"] == "needs_review" and not problems:
        filing["extraction_status"] = "ok"
    return pa.Table.from_pylist([filing], PTR_FILINGS.arrow_schema())


def _issues_after_review(store: Store, doc_id: str, line_no: int, flagged: set[int]) -> pa.Table | None:
    """The document's extraction issues less the reviewed line's (and the document-level note that
    rows wait for a person, once none does); None when nothing changes."""

    issues = store.read(EXTRACTION_ISSUES.identifier, row_filter=rows_where(doc_id=doc_id))
    keep = [
        not (line == line_no or (line is None and not flagged and code in PAPER_ONLY_ISSUES))
        for line, code in zip(
            issues.column("line_no").to_pylist(), issues.column("reason_code").to_pylist(), strict=True
        )
    ]
    if all(keep):
        return None
    return issues.filter(pa.array(keep, pa.bool_()))


# --------------------------------------------------------------------------------------------------
# Senate paper reports: a page at a time

SENATE = "senate"
#: Fields a reviewer sets on a Senate row: the House's, less what the Senate form does not print.
SENATE_EDITABLE = tuple(f for f in EDITABLE if f not in ("notification_date", "cap_gains_over_200"))
#: Fields every Senate row is given; '' (or 'blank') says the form leaves the box empty.
SENATE_REQUIRED = ("asset_name", "transaction_type", "transaction_date", "amount_range")
#: How a reviewer says a box is empty on the form (eFD's own empty markers among them).
BLANK = frozenset({"", "blank", "--", "-", "\u2014", "n/a", "none"})


@dataclasses.dataclass(frozen=True)
class SenateEntry:
    """One row of a Senate paper page as recorded: its line, and the problems it was recorded with."""

    line_no: int
    problems: tuple[str, ...]
    """Codes in row_checks_failed, as the page parser names them (unparseable_transaction_date for a blank
    date, unknown_amount for a blank amount …); a row with any stays in silver, out of gold."""


@dataclasses.dataclass(frozen=True)
class SenateReview:
    """What a Senate page review wrote: the page's rows now, whether the page is marked read, the snapshot."""

    report_id: str
    page_no: int
    entries: tuple[SenateEntry, ...]
    reviewed: bool
    snapshot_id: int | None


def is_senate_report(store: Store, doc_id: str) -> bool:
    """Whether ``doc_id`` is a Senate paper report with pages in the review queue."""
    return bool(_senate_pages(store, doc_id))


def senate_row_values(values: Mapping[str, Any], filed: dt.date | None = None) -> tuple[dict, list[str]]:
    """A reviewer's reading of one Senate row as silver.senate_transactions values, and its problems.

    Values are read by the e-filed page parser's own readers (owner words, eFD dates, type and amount
    labels, the ticker pattern), so a manual row means what a parsed row means. A box the form leaves
    blank ('' or 'blank') is recorded as the parser records an empty cell: the value null and the
    problem named. A value that cannot be read is refused.

    Raises:
        ReviewError: an unknown field, a required field not given, or a value that cannot be read.
    """
    unknown = sorted(set(values) - set(SENATE_EDITABLE))
    if unknown:
        raise ReviewError(
            f"Unknown field(s) {', '.join(unknown)} for a Senate row (Senate reports print no notification "
            f"date); a reviewer can set {', '.join(SENATE_EDITABLE)}."
        )
    missing = [f for f in SENATE_REQUIRED if f not in values]
    if missing:
        raise ReviewError(
            f"A Senate row needs {', '.join(missing)} as the form shows them; give '' for a box the form leaves "
            "blank, e.g. " + " ".join(f"--{_option(f)} ''" for f in missing) + "."
        )
    text = {k: _text(v) for k, v in values.items()}

    def blank(name: str) -> bool:
        return text.get(name, "").lower() in BLANK

    out: dict[str, Any] = {}
    problems: list[str] = []
    owner = text.get("owner", "")
    if blank("owner") or owner.lower() == "self":
        out["owner"] = None
    elif owner.lower() in OWNER_CODES:
        out["owner"] = OWNER_CODES[owner.lower()]
    elif owner.upper() in OWNERS:
        out["owner"] = owner.upper()
    else:
        raise ReviewError(f"owner {owner!r}: use Self, Spouse, Joint or Child as eFD prints them (or SP, JT, DC).")
    if blank("asset_name"):
        raise ReviewError("asset_name: give the asset as written on the form (--asset-name); a row names an asset.")
    out["asset_name"] = text["asset_name"]
    ticker = text.get("ticker", "").upper()
    if blank("ticker"):
        out["ticker"] = None
    elif TICKER_RE.match(ticker):
        out["ticker"] = ticker
    else:
        raise ReviewError(
            f"ticker {text['ticker']!r}: capitals and digits with '.', '-' or '/' as eFD links them (BRK.B), "
            "or leave it out."
        )
    if blank("asset_type"):
        out["asset_type"] = None
    else:
        known = {t.lower(): t for t in KNOWN_ASSET_TYPES}
        if text["asset_type"].lower() not in known:
            raise ReviewError(f"asset_type {text['asset_type']!r}: use one of {', '.join(sorted(KNOWN_ASSET_TYPES))}.")
        out["asset_type"] = known[text["asset_type"].lower()]
    if blank("transaction_type"):
        out |= {"transaction_type": None, "transaction_type_text": None}
        problems.append("unknown_transaction_type")
    else:
        code = text["transaction_type"].lower().replace(" ", "_")
        code, known_type = (code, True) if code in TRANSACTION_TYPES else parse_tx_type(text["transaction_type"])
        if not known_type:
            raise ReviewError(
                f"transaction_type {text['transaction_type']!r}: use Purchase, Sale, Sale (Full), Sale (Partial) "
                "or Exchange (or P, S, E)."
            )
        out |= {"transaction_type": code, "transaction_type_text": text["transaction_type"]}
    if blank("transaction_date"):
        out["transaction_date"] = None
        problems.append("unparseable_transaction_date")
    else:
        day = parse_efd_date(text["transaction_date"])
        if day is None:
            raise ReviewError(f"transaction_date {text['transaction_date']!r}: give the date as MM/DD/YYYY or YYYY-MM-DD.")
        if day < MIN_PLAUSIBLE_DATE:
            problems.append("transaction_date_before_2008")
        elif filed is not None and day > filed:
            problems.append("transaction_date_after_filing")  # as written: a report cannot disclose a later trade
        out["transaction_date"] = day
    if blank("amount_range"):
        out |= {"amount_range": None, "amount_low": None, "amount_high": None}
        problems.append("unknown_amount")
    else:
        label, low, high, known_amount = parse_amount(text["amount_range"])
        if not known_amount:
            raise ReviewError(
                f"amount {text['amount_range']!r}: give the bucket as eFD prints it, e.g. '$1,001 - $15,000', "
                "'$500,001 - $1,000,000' or 'Over $50,000,000'."
            )
        out |= {"amount_range": label, "amount_low": low, "amount_high": high}
    for name in ("description", "comment"):
        out[name] = None if blank(name) else text[name]
    return out, problems


def enter_senate_row(
    store: Store,
    report_id: str,
    page_no: int,
    values: Mapping[str, Any],
    reviewer: str,
    *,
    line_no: int | None = None,
    auditor=None,
    now: dt.datetime | None = None,
) -> SenateReview:
    """Add one row read on page ``page_no`` of a Senate paper report (or, with ``line_no``, replace that row).

    The row lands in silver.senate_transactions (``extraction_method = 'manual'``) with the report's counts;
    the page stays as it was (open until :func:`finish_senate_page`). See :func:`senate_row_values`.

    Raises:
        ReviewError: not a queued page, an unknown ``line_no``, or a value that cannot be read.
        CheckFailedError: the silver audit rejected the write; main is unchanged.
    """
    reviewer = _who(reviewer)
    now = now or dt.datetime.now(dt.UTC)
    filing, pages, page = _senate_page(store, report_id, page_no)
    fields, problems = senate_row_values(values, filing["filed_date"])
    rows = reviewed_rows(store, [filing["report_id"]])
    if line_no is None:
        line_no = max((r["line_no"] for r in rows), default=0) + 1
    else:
        held = next((r for r in rows if r["line_no"] == line_no), None)
        if held is None or held["page_no"] != page_no:
            lines = sorted(r["line_no"] for r in rows if r["page_no"] == page_no)
            raise ReviewError(
                f"{report_id} page {page_no} has no row {line_no} to replace (its rows: "
                f"{', '.join(map(str, lines)) or 'none yet'}); leave out --line to add a row."
            )
    rows = [r for r in rows if r["line_no"] != line_no]
    rows.append(_senate_row(filing, page, line_no, fields, problems, reviewer, now))
    if page["reviewed_by"] is not None:
        page["rows_entered"] = sum(1 for r in rows if r["page_no"] == page_no)
    return _write_senate(store, filing, page_no, rows, pages, reviewer, auditor)


def finish_senate_page(
    store: Store, report_id: str, page_no: int, reviewer: str, *, auditor=None, now: dt.datetime | None = None
) -> SenateReview:
    """Mark page ``page_no`` of a Senate paper report read: its rows are those entered so far (none: a page
    without transactions, such as a cover letter). The report is ``ok`` once every page is and no row has a
    problem."""
    reviewer = _who(reviewer)
    filing, pages, page = _senate_page(store, report_id, page_no)
    rows = reviewed_rows(store, [filing["report_id"]])
    page |= {
        "reviewed_by": reviewer,
        "reviewed_at": now or dt.datetime.now(dt.UTC),
        "rows_entered": sum(1 for r in rows if r["page_no"] == page_no),
    }
    return _write_senate(store, filing, page_no, rows, pages, reviewer, auditor)


def record_senate_page(
    store: Store,
    report_id: str,
    page_no: int,
    rows: list[Mapping[str, Any]],
    reviewer: str,
    *,
    auditor=None,
    now: dt.datetime | None = None,
) -> SenateReview:
    """Enter every row read on page ``page_no`` at once and mark the page read, in one audited write.

    The page's earlier manual rows are replaced (their line numbers reused in order, further rows numbered
    after the report's last); ``rows`` may be empty (a page without transactions).

    Raises:
        ReviewError: not a queued page, or a row that cannot be read (named by its position); nothing is written.
        CheckFailedError: the silver audit rejected the write; main is unchanged.
    """
    reviewer = _who(reviewer)
    now = now or dt.datetime.now(dt.UTC)
    filing, pages, page = _senate_page(store, report_id, page_no)
    read = []
    for number, values in enumerate(rows, start=1):
        try:
            read.append(senate_row_values(values, filing["filed_date"]))
        except ReviewError as exc:
            raise ReviewError(f"{report_id} page {page_no}, row {number} of {len(rows)}: {exc}") from exc
    held = reviewed_rows(store, [filing["report_id"]])
    others = [r for r in held if r["page_no"] != page_no]
    reused = sorted(r["line_no"] for r in held if r["page_no"] == page_no)
    fresh = iter(range(max((r["line_no"] for r in held), default=0) + 1, 1 << 30))
    lines = [reused[i] if i < len(reused) else next(fresh) for i in range(len(read))]
    new = [_senate_row(filing, page, line, fields, problems, reviewer, now)
           for line, (fields, problems) in zip(lines, read, strict=True)]
    page |= {"reviewed_by": reviewer, "reviewed_at": now, "rows_entered": len(new)}
    return _write_senate(store, filing, page_no, others + new, pages, reviewer, auditor)


def senate_page_rows(store: Store, report_id: str, page_no: int) -> list[dict]:
    """The rows entered on a Senate paper page so far, by line."""
    return sorted((r for r in reviewed_rows(store, [report_id]) if r["page_no"] == page_no), key=lambda r: r["line_no"])


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _option(field: str) -> str:
    return "amount" if field == "amount_range" else field.replace("_", "-")


def _who(reviewer: str) -> str:
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError("Say who reviewed the page: --reviewer NAME (or set LAKEHOUSE_REVIEWER).")
    return reviewer


def _senate_pages(store: Store, report_id: str) -> list[dict]:
    if store.current_snapshot_id(REVIEW_QUEUE.identifier) is None:
        return []
    columns = [c.name for c in REVIEW_QUEUE.columns if not c.is_binary]
    rows = store.read(REVIEW_QUEUE.identifier, columns=columns, row_filter=rows_where(doc_id=report_id))
    return sorted((r | {"row_image_png": None} for r in rows.to_pylist() if r["chamber"] == SENATE),
                  key=lambda r: r["line_no"])


def _senate_page(store: Store, report_id: str, page_no: int) -> tuple[dict, list[dict], dict]:
    """The report's silver.senate_filings row, its queued pages, and the one asked for."""
    pages = _senate_pages(store, report_id)
    if not pages:
        raise ReviewError(
            f"{report_id} is not a Senate paper report in the review queue; check the report id "
            "(`lakehouse review list` shows the open pages), or run `lakehouse transform silver` after ingesting it."
        )
    page = next((p for p in pages if p["line_no"] == page_no), None)
    if page is None:
        raise ReviewError(f"{report_id} has pages 1..{len(pages)} in the review queue; give one of those.")
    filing = store.read(SENATE_FILINGS.identifier, row_filter=rows_where(report_id=report_id)).to_pylist()
    if not filing:
        raise ReviewError(f"{report_id} is queued but not in silver.senate_filings; run `lakehouse transform silver`.")
    return filing[0], pages, page


def _senate_row(filing: dict, page: dict, line_no: int, fields: dict, problems: list[str], reviewer: str,
                now: dt.datetime) -> dict:
    return {c.name: None for c in SENATE_TRANSACTIONS.columns} | fields | {
        "report_id": filing["report_id"],
        "line_no": line_no,
        "year": filing["year"],
        "row_checks_failed": ",".join(problems),
        "row_notes": "",
        "parser_version": filing["parser_version"],
        "page_sha256": page["pdf_sha256"],
        "extracted_at": now,
        "extraction_method": MANUAL,
        "page_no": page["line_no"],
        "reviewed_by": reviewer,
        "reviewed_at": now,
    }


def _senate_rows_by_page(store: Store, report_ids: list[str]) -> dict[tuple[str, int], list[dict]]:
    by_page: dict[tuple[str, int], list[dict]] = {}
    for row in reviewed_rows(store, report_ids):
        by_page.setdefault((row["report_id"], row["page_no"]), []).append(row)
    return by_page


def _write_senate(store: Store, filing: dict, page_no: int, rows: list[dict], pages: list[dict], reviewer: str,
                  auditor) -> SenateReview:
    """The report's manual rows, queued pages and filing (counts, status) replaced together, audited as one."""
    import ibis

    from jobs.runner import merge_rows

    filing = settle_paper_filing(dict(filing), rows, pages)
    report = {"report_id": [filing["report_id"]], "year": [filing["year"]]}
    by_report = pa.table(report, schema=pa.schema([("report_id", pa.large_string()), ("year", pa.int32())]))
    by_doc = pa.table({"doc_id": report["report_id"], "year": report["year"]},
                      schema=pa.schema([("doc_id", pa.large_string()), ("year", pa.int32())]))
    properties = {"lakehouse.job": "silver.review", "lakehouse.reviewer": reviewer}
    con = ibis.duckdb.connect()
    try:
        writes = [
            (SENATE_TRANSACTIONS.identifier, *merge_rows(
                con, store, SENATE_TRANSACTIONS.identifier,
                pa.Table.from_pylist(rows, SENATE_TRANSACTIONS.arrow_schema()), on=("report_id",), replaced=by_report)),
            (REVIEW_QUEUE.identifier, *merge_rows(
                con, store, REVIEW_QUEUE.identifier, pa.Table.from_pylist(pages, REVIEW_QUEUE.arrow_schema()),
                on=("doc_id",), replaced=by_doc)),
            (SENATE_FILINGS.identifier, *merge_rows(
                con, store, SENATE_FILINGS.identifier, pa.Table.from_pylist([filing], SENATE_FILINGS.arrow_schema()))),
        ]
    finally:
        con.disconnect()
    snapshot_id = _commit(store, writes, properties, auditor, SENATE_TRANSACTIONS.identifier)
    page = next(p for p in pages if p["line_no"] == page_no)
    mine = sorted((r for r in rows if r["page_no"] == page_no), key=lambda r: r["line_no"])
    entries = tuple(SenateEntry(r["line_no"], tuple(c for c in r["row_checks_failed"].split(",") if c)) for r in mine)
    return SenateReview(filing["report_id"], page_no, entries, page["reviewed_by"] is not None, snapshot_id)
