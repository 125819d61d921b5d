"""Human review of PTR rows the machine could not read: the queue, and the rows people enter.

The extraction queues each row of a scanned paper form whose handwriting or check boxes it could
not read (``silver.review_queue``, with the row's image). A reviewer reads the image and enters the
row; it lands in ``silver.ptr_transactions`` with ``extraction_method = 'manual'``, who and when,
through the same write-audit-publish as any silver write, and reaches gold with the next
``transform gold``. Re-extraction never replaces a manual row (:func:`keep_reviewed_rows` in the
extraction job); the machine's earlier reading stays reachable by time travel.

An item is open while no manual row exists for its (doc_id, line_no): the state is read, never
kept twice. A reviewer can also add a row the machine missed (the next line number of the document).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from catalog.registry import EXTRACTION_ISSUES, PTR_FILINGS, PTR_TRANSACTIONS, REVIEW_QUEUE
from catalog.store import Store, rows_where
from core.errors import LakehouseError
from jobs.silver.paper_form import AMOUNT_BOUNDS, AMOUNT_COLUMNS, OWNERS, TYPE_COLUMNS, parse_form_date
from jobs.silver.ptr_extraction import PAPER_ONLY_ISSUES
from jobs.silver.ptr_pdf import REVIEW_ISSUES, issue_code

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
    """'open', or 'reviewed' once a manual row exists."""
    reviewed_by: str | None = None
    reviewed_at: dt.datetime | None = None


def review_items(store: Store, *, include_reviewed: bool = False) -> list[ReviewItem]:
    """The queue in (year, doc_id, line_no) order; open items only unless ``include_reviewed``."""
    if store.current_snapshot_id(REVIEW_QUEUE.identifier) is None:
        return []
    queue = store.read(
        REVIEW_QUEUE.identifier,
        columns=["doc_id", "line_no", "year", "page", "fields_to_read", "reason", "proposed"],
    )
    manual = _manual_rows(store, sorted(set(queue.column("doc_id").to_pylist())))
    items = []
    for row in queue.to_pylist():
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
    """The PNG of a queued row, as cut from its page."""

    if store.current_snapshot_id(REVIEW_QUEUE.identifier) is not None:
        hit = store.read(
            REVIEW_QUEUE.identifier,
            columns=["row_image_png"],
            row_filter=rows_where(doc_id=doc_id, line_no=line_no),
        )
        if hit.num_rows:
            return hit.column(0)[0].as_py() or b""
    raise ReviewError(f"No queued row {doc_id} line {line_no}; `lakehouse review list` shows the open ones.")


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

    Raises:
        ReviewError: unknown document or line, an invalid value, or a required field still missing.
        CheckFailedError: the silver audit rejected the write; main is unchanged.
    """
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise ReviewError("Say who reviewed the row: --reviewer NAME (or set LAKEHOUSE_REVIEWER).")
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

    from jobs.runner import merge_rows, tag_quality_issues, write_audit_publish_together

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
    if auditor is None:
        snapshot_id = None
        for identifier, merged, partitions in writes:
            sid = store.replace(identifier, merged, properties, partition_values=partitions)
            snapshot_id = sid if identifier == PTR_TRANSACTIONS.identifier else snapshot_id
        return snapshot_id
    published = write_audit_publish_together(store, "silver.review", writes, properties, auditor, {})
    return published[PTR_TRANSACTIONS.identifier]


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
