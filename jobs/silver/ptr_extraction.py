"""silver.ptr_transactions, silver.ptr_filings, silver.extraction_issues and
silver.schedule_b_transactions from PTR and Financial Disclosure Report PDFs.

PDF parsing is Python, not an Ibis expression, so this step is the one silver job outside the
Ibis runner; it follows the same rules. It reads the PDFs appended to ``bronze.house_documents``
since the bronze snapshot recorded in ``silver.ptr_filings``' last commit, extracts them in a
process pool (text layer; for a scan, the Ethics paper form's check-box grid, else OCR), or on the
Dask cluster of ``LAKEHOUSE_EXECUTOR`` (:mod:`jobs.executor`; workers read each PDF from bronze's
data files by path, :mod:`catalog.files`), and replaces every row of each extracted document in
the tables. Rows of paper forms whose written cells a person must read go to
``silver.review_queue`` with their images; a row a reviewer entered
(``lakehouse review``, :mod:`jobs.silver.review`) is never replaced by a re-extraction. Documents are
published in chunks of :data:`CHUNK_DOCUMENTS`; only
the last chunk's commit records the bronze snapshot it covers, so after a crash the next run reads
the same range, skips the documents whose same PDF this extractor version already published, and
converges (replacing by DocID is idempotent).

Annual (A) and terminated-filer (T) reports in bronze are read for their Schedule B
(:mod:`jobs.silver.schedule_b`) into ``silver.schedule_b_transactions``, in the same
write-audit-publish group; never into the PTR tables, whose trades they repeat. A report without
Schedule B rows gives no row; an unreadable or paper one gives one row in
``silver.extraction_issues``. Bronze holds A and T PDFs only when ingest was asked for those types
(``lakehouse ingest house --types P,A,T``).

``reextract=True`` also re-reads every document whose rows came from an older extractor version
(and every A/T report without Schedule B rows, which leaves no version behind); the previous rows
stay reachable by time travel.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
import uuid

import pyarrow as pa

from catalog.files import RowRef, locate_rows, read_cell
from catalog.registry import (
    EXTRACTION_ISSUES,
    PTR_FILINGS,
    PTR_TRANSACTIONS,
    REVIEW_QUEUE,
    SCHEDULE_B_TRANSACTIONS,
)
from catalog.store import SOURCE_PREFIX, Store, rows_where
from jobs.runner import merge_rows, tag_quality_issues, write_audit_publish_together
from jobs.silver.paper_form import PaperReading, paper_document, proposed_json, read_paper_form
from jobs.silver.ptr_pdf import (
    ERA_NO_TEXT,
    EXTRACTOR_VERSION,
    REVIEW_ISSUES,
    PtrDocument,
    PtrExtractionError,
    extract_ptr,
    issue_code,
)
from jobs.silver.schedule_b import SCHEDULE_B_VERSION, ScheduleBDocument, extract_schedule_b
from jobs.spec import ExtractionReport

logger = logging.getLogger(__name__)

SOURCE = "bronze.house_documents"
_COLUMNS = ("doc_id", "year", "filing_type", "sha256")  # not "content": workers read it by path
#: Filing types whose PDFs are Financial Disclosure Reports with a Schedule B (Transactions).
SCHEDULE_B_TYPES = ("A", "T")
_TYPES = ("P", *SCHEDULE_B_TYPES)


@dataclasses.dataclass(frozen=True)
class Extracted:
    """What one PDF gave: rows and header, or the reason it gave nothing."""

    doc_id: str
    year: int
    sha256: str
    document: PtrDocument | None
    error: tuple[str, str] | None = None
    """(reason_code, reason) when the PDF could not be read at all."""
    filing_type: str = "P"
    schedule_b: ScheduleBDocument | None = None
    """For an A or T report: its Schedule B (``document`` is then None)."""
    paper: PaperReading | None = None
    """For a scan of the Ethics paper form: the grid reading, with each row's image for review."""


def extract_document(doc_id: str, year: int, sha256: str, content: bytes) -> Extracted:
    """Extract one PTR: its text layer; for a scan, the Ethics paper form's check-box grid, else OCR."""
    try:
        document = extract_ptr(content)
    except PtrExtractionError as exc:
        return Extracted(doc_id, year, sha256, None, ("unreadable_pdf", str(exc)))
    if "no_text_layer" in document.issues:
        try:
            paper = read_paper_form(content)
        except PtrExtractionError as exc:
            return Extracted(doc_id, year, sha256, document, ("paper_form_unreadable", str(exc)))
        if paper.recognised:
            return Extracted(doc_id, year, sha256, paper_document(paper), paper=paper)
        from jobs.silver.ocr import OcrUnavailableError, ocr_ptr

        try:
            document = ocr_ptr(content, workers=1)
            document = dataclasses.replace(
                document, header=dataclasses.replace(document.header, layout_era=ERA_NO_TEXT))
        except OcrUnavailableError as exc:
            return Extracted(doc_id, year, sha256, document, ("ocr_unavailable", str(exc)))
        except PtrExtractionError as exc:
            return Extracted(doc_id, year, sha256, document, ("ocr_failed", str(exc)))
    return Extracted(doc_id, year, sha256, document)


#: The keys of ``lakehouse extract ptr`` output, in order (issue contract).
CONTRACT_KEYS = ("doc_id", "line_no", "owner", "asset_name", "ticker", "asset_type", "transaction_type",
                 "transaction_date", "notification_date", "amount_low", "amount_high", "cap_gains_over_200",
                 "filing_status", "subholding_of", "description")


def contract_rows(document: PtrDocument) -> list[dict]:
    """One dict per row with exactly :data:`CONTRACT_KEYS` (dates ISO, amounts int, absent null)."""
    out = []
    for row in document.rows:
        values = {k: getattr(row, k, None) for k in CONTRACT_KEYS}
        values["doc_id"] = document.header.doc_id
        for k in ("transaction_date", "notification_date"):
            values[k] = values[k].isoformat() if values[k] else None
        out.append(values)
    return out


def extract_report(doc_id: str, year: int, filing_type: str, sha256: str, content: bytes) -> Extracted:
    """Extract the Schedule B of one A or T report from its text layer (paper reports are not read)."""
    try:
        document = extract_schedule_b(content)
    except PtrExtractionError as exc:
        return Extracted(doc_id, year, sha256, None, ("unreadable_pdf", str(exc)), filing_type)
    return Extracted(doc_id, year, sha256, None, None, filing_type, document)


def schedule_b_contract_rows(document: ScheduleBDocument) -> list[dict]:
    """Schedule B rows with exactly :data:`CONTRACT_KEYS` (notification_date and filing_status null)."""
    out = []
    for row in document.rows:
        values = {k: getattr(row, k, None) for k in CONTRACT_KEYS}
        values["doc_id"] = document.header.doc_id
        values["transaction_date"] = row.transaction_date.isoformat() if row.transaction_date else None
        out.append(values)
    return out


def _extract_star(args: tuple) -> Extracted:
    doc_id, year, filing_type, sha256, content = args
    if isinstance(content, RowRef):  # read here, on the worker, not shipped through the driver
        content = read_cell(content)
    if filing_type in SCHEDULE_B_TYPES:
        return extract_report(doc_id, year, filing_type, sha256, content)
    return extract_document(doc_id, year, sha256, content)


PROGRESS_LABEL = "extracting PDFs"
"""The step name extraction gives its ``progress(done, total, label)`` calls (:class:`core.progress.ProgressFn`)."""


def extract_ptrs(store: Store, *, run_id: str | None = None, reextract: bool = False, full: bool = False,
                 workers: int | None = None, auditor=None, progress=None) -> ExtractionReport:
    """Extract the PTR PDFs bronze gained since the last run (see the module docstring).

    Args:
        reextract: also re-extract documents last extracted by another extractor version.
        full: extract every PTR in bronze again, whatever its version.
        auditor: write-audit-publish: the three tables are staged, each audited against the staged
            others (transactions reference filings), and published only if all three pass.

    Raises:
        CheckFailedError: an audit failed; main is unchanged, the staged rows stay on the staging branch.
    """
    started = time.perf_counter()
    run_id = run_id or uuid.uuid4().hex[:12]
    source_sid = store.current_snapshot_id(SOURCE)
    mark = None if full else store.watermarks(PTR_FILINGS.identifier).get(SOURCE)
    todo = _documents_to_extract(store, source_sid, mark, reextract)
    if todo is None:
        return ExtractionReport("up_to_date", 0, 0, 0, 0, None, time.perf_counter() - started)
    if not (full or reextract):
        todo = _not_yet_extracted(store, todo)  # an interrupted run's committed chunks are done

    refs = locate_rows(store, SOURCE, todo, key=("doc_id", "sha256"), column="content",
                       snapshot_id=source_sid)
    work = [(r["doc_id"], r["year"], r["filing_type"], r["sha256"], ref)
            for r, ref in zip(todo.to_pylist(), refs, strict=True)]
    chunks = [work[i:i + CHUNK_DOCUMENTS] for i in range(0, len(work), CHUNK_DOCUMENTS)] or [[]]
    base = {"lakehouse.job": "silver.ptr_extraction", "lakehouse.run-id": run_id,
            "lakehouse.extractor-version": EXTRACTOR_VERSION}
    totals = dict(documents=0, rows=0, needs_review=0, failed=0, schedule_b=0)
    snapshot_id = None
    if progress and work:
        progress(0, len(work), PROGRESS_LABEL)  # shown at once: starting the worker pool takes seconds
    for number, chunk in enumerate(chunks, start=1):
        # Only the last chunk records the bronze snapshot it covers: a run killed between chunks
        # keeps what it published, and the next run reads the same range and skips those documents.
        last = number == len(chunks)
        properties = base | ({f"{SOURCE_PREFIX}{SOURCE}": str(source_sid)} if last else {})
        done = totals["documents"]
        chunk_progress = (lambda d, _t, done=done: progress(done + d, len(work), PROGRESS_LABEL)) if progress else None
        results = _run_pool(chunk, workers, chunk_progress)
        rows = _rows(results)
        written = _commit_chunk(store, results, rows, properties, auditor, source_sid)
        if written is not None:
            snapshot_id = written
        elif last and source_sid is not None:
            # Nothing to extract (e.g. only non-PTR PDFs arrived): record the watermark all the same.
            store.set_watermark(PTR_FILINGS.identifier, properties)
        tx_rows, filing_rows, _, schedule_b_rows, _ = rows
        totals["documents"] += len(results)
        totals["rows"] += len(tx_rows)
        totals["schedule_b"] += len(schedule_b_rows)
        totals["needs_review"] += sum(1 for r in filing_rows if r["extraction_status"] == "needs_review")
        totals["failed"] += sum(1 for r in filing_rows if r["extraction_status"] == "failed")
    return ExtractionReport("committed", totals["documents"], totals["rows"], totals["needs_review"],
                            totals["failed"], snapshot_id, time.perf_counter() - started, totals["schedule_b"])


CHUNK_DOCUMENTS = 500
"""Documents extracted and published per commit: a backfill of thousands of PTRs (OCR takes seconds
per paper page) keeps its progress when it is interrupted."""


def _rows(results: list[Extracted]) -> tuple[list, list, list, list, list]:
    """(transaction, filing, issue, Schedule B, review queue) rows of the extracted documents."""
    now = dt.datetime.now(dt.UTC)
    tx_rows, filing_rows, issue_rows, schedule_b_rows, review_rows = [], [], [], [], []
    for res in results:
        if res.filing_type in SCHEDULE_B_TYPES:
            _schedule_b_rows_of(res, now, schedule_b_rows, issue_rows)
        else:
            _rows_of(res, now, tx_rows, filing_rows, issue_rows)
            _review_rows_of(res, now, review_rows)
    return tx_rows, filing_rows, issue_rows, schedule_b_rows, review_rows


def _review_rows_of(res: Extracted, now: dt.datetime, review_rows: list) -> None:
    """A review-queue row, with its image, for each paper row the machine could not fully read."""
    if res.paper is None:
        return
    for row in res.paper.rows:
        fields = [*row.unread, *(["transaction_type"] if row.transaction_type is None else []),
                  *(["amount_range"] if row.amount_range is None else [])]
        if not fields and not row.checks_failed:
            continue
        reasons = ([f"handwritten or unreadable: {', '.join(row.unread)}"] if row.unread else []) + \
            ([f"check boxes: {', '.join(row.checks_failed)}"] if row.checks_failed else [])
        review_rows.append(dict(
            doc_id=res.doc_id, line_no=row.line_no, year=res.year, page=row.page, fields_to_read=",".join(fields),
            reason="; ".join(reasons), proposed=proposed_json(row), row_image_png=row.image_png,
            extraction_method=res.document.method if res.document else "grid", extractor_version=EXTRACTOR_VERSION,
            pdf_sha256=res.sha256, queued_at=now, chamber="house"))


def _commit_chunk(store: Store, results: list[Extracted], rows: tuple[list, list, list, list, list],
                  properties: dict[str, str], auditor, source_sid: int | None) -> int | None:
    """Replace every row of the extracted documents in the five tables, audited together.

    A row a reviewer entered (``extraction_method = 'manual'``) is kept: the machine's reading of
    the same line never replaces it.
    """
    if not results:
        return None
    tx_rows, filing_rows, issue_rows, schedule_b_rows, review_rows = rows
    tx_rows, reviewed = keep_reviewed_rows(store, [r.doc_id for r in results], tx_rows)
    if reviewed:  # a person resolved those lines: their issues go, and the counts follow the rows kept
        issue_rows = [r for r in issue_rows if (r["doc_id"], r["line_no"]) not in reviewed]
        settled = set()
        for filing in filing_rows:
            mine = [r for r in tx_rows if r["doc_id"] == filing["doc_id"]]
            filing["rows_found"] = len(mine)
            filing["rows_with_failed_checks"] = sum(1 for r in mine if r.get("row_checks_failed"))
            problems = [i for i in (filing["issues"] or "").split(",")
                        if issue_code(i) in REVIEW_ISSUES and issue_code(i) not in PAPER_ONLY_ISSUES]
            if not filing["rows_with_failed_checks"] and filing["extraction_status"] == "needs_review" and not problems:
                filing["extraction_status"] = "ok"  # every waiting row was read by a person
                settled.add(filing["doc_id"])
        issue_rows = [r for r in issue_rows if not (r["doc_id"] in settled and r["reason_code"] in PAPER_ONLY_ISSUES)]
    processed = pa.table({"doc_id": [r.doc_id for r in results], "year": [r.year for r in results]},
                         schema=pa.schema([("doc_id", pa.large_string()), ("year", pa.int32())]))
    import ibis

    con = ibis.duckdb.connect()
    try:
        merged_tables = []
        for spec, rows in ((EXTRACTION_ISSUES, issue_rows), (REVIEW_QUEUE, review_rows), (PTR_TRANSACTIONS, tx_rows),
                           (SCHEDULE_B_TRANSACTIONS, schedule_b_rows), (PTR_FILINGS, filing_rows)):
            new = tag_quality_issues(spec.identifier, pa.Table.from_pylist(rows, spec.arrow_schema()))
            merged_tables.append((spec.identifier, *merge_rows(con, store, spec.identifier, new, on=("doc_id",),
                                                               replaced=processed)))
    finally:
        con.disconnect()
    # ptr_filings last: its watermark is the one the next run reads, so a crash before it re-runs all.
    if auditor is None:
        snapshot_id = None
        for identifier, merged, partitions in merged_tables:
            snapshot_id = store.replace(identifier, merged, properties, partition_values=partitions)
        return snapshot_id
    tables_at = {SOURCE: source_sid} if source_sid is not None else {}
    published = write_audit_publish_together(store, "silver.ptr_extraction", merged_tables, properties,
                                             auditor, tables_at)
    return published[PTR_FILINGS.identifier]


#: Document issues that only say rows wait for a person: settled once a person read every one.
PAPER_ONLY_ISSUES = ("paper_rows_to_review",)


def keep_reviewed_rows(store: Store, doc_ids: list[str],
                       machine_rows: list[dict]) -> tuple[list[dict], set[tuple[str, int]]]:
    """``machine_rows`` of ``doc_ids`` with each line a reviewer entered replaced by the reviewed
    row, and the (doc_id, line_no) of those lines."""
    if not doc_ids or store.current_snapshot_id(PTR_TRANSACTIONS.identifier) is None:
        return machine_rows, set()
    reviewed = store.read(PTR_TRANSACTIONS.identifier,
                          row_filter=rows_where(doc_id=set(doc_ids), extraction_method="manual"))
    manual = reviewed.to_pylist()
    taken = {(r["doc_id"], r["line_no"]) for r in manual}
    return [r for r in machine_rows if (r["doc_id"], r["line_no"]) not in taken] + manual, taken


def _not_yet_extracted(store: Store, docs: pa.Table) -> pa.Table:
    """``docs`` less those whose same PDF (sha256) this extractor version already extracted."""
    done: set[tuple[str, str]] = set()
    for spec, version in ((PTR_FILINGS, EXTRACTOR_VERSION), (SCHEDULE_B_TRANSACTIONS, SCHEDULE_B_VERSION)):
        if store.current_snapshot_id(spec.identifier) is None:
            continue
        rows = store.read(spec.identifier, columns=["doc_id", "extractor_version", "pdf_sha256"])
        done |= {(d, sha) for d, v, sha in zip(rows["doc_id"].to_pylist(), rows["extractor_version"].to_pylist(),
                                               rows["pdf_sha256"].to_pylist(), strict=True) if v == version}
    if not done:
        return docs
    keep = [(d, sha) not in done for d, sha in zip(docs["doc_id"].to_pylist(), docs["sha256"].to_pylist(), strict=True)]
    return docs.filter(pa.array(keep, pa.bool_()))


def _documents_to_extract(store: Store, source_sid: int | None, mark: int | None, reextract: bool) -> pa.Table | None:
    if source_sid is None or (source_sid == mark and not reextract):
        return None
    if reextract:
        docs = store.read(SOURCE, snapshot_id=source_sid, columns=_COLUMNS, row_filter=rows_where(filing_type=_TYPES))
        return _not_yet_extracted(store, docs)
    docs, _ = store.read_appended(SOURCE, after=mark, upto=source_sid, columns=_COLUMNS)
    docs = docs.filter(pa.compute.is_in(docs["filing_type"], value_set=pa.array(_TYPES)))
    # One row per DocID: the newest fetch wins if a PDF was fetched twice.
    latest: dict[str, int] = {}
    for i, doc_id in enumerate(docs["doc_id"].to_pylist()):
        latest[doc_id] = i
    return docs.take(pa.array(sorted(latest.values()), pa.int64()))  # typed: an empty list must not be null-typed


def _run_pool(work: list[tuple], workers: int | None, progress=None) -> list[Extracted]:
    """Extract every document, in order; ``progress(done, total)`` after each one (a terminal bar).

    Local processes, or the Dask cluster of ``LAKEHOUSE_EXECUTOR`` (:func:`jobs.executor.run_each`).
    """
    from jobs.executor import run_each

    return run_each(_extract_star, work, workers=workers, progress=progress)


def _rows_of(res: Extracted, now: dt.datetime, tx_rows: list, filing_rows: list, issue_rows: list) -> None:
    doc = res.document
    method = doc.method if doc else "text"
    base = dict(doc_id=res.doc_id, year=res.year, extractor_version=EXTRACTOR_VERSION, pdf_sha256=res.sha256)

    def issue(code: str, reason: str, severity: str, line_no: int | None = None) -> None:
        issue_rows.append(base | dict(line_no=line_no, severity=severity, reason_code=code, reason=reason,
                                      extraction_method=method, recorded_at=now))

    if res.error:
        code, reason = res.error
        issue(code, reason, "failed" if doc is None else "needs_review")
    rows = doc.rows if doc else ()
    withheld = method == "ocr" and any(r.checks_failed for r in rows)
    if withheld:
        # OCR rows that fail their checks are not trustworthy enough to publish: the document goes
        # to review as a whole instead (the text path keeps flagged rows; its failures are rare).
        bad = sorted({c for r in rows for c in r.checks_failed})
        issue("ocr_rows_failed_checks", f"OCR read {len(rows)} rows but some failed row checks ({', '.join(bad)}); "
              "the document needs review and none of its rows were published", "needs_review")
        rows = ()
    for row in rows:
        tx_rows.append(base | dict(
            line_no=row.line_no, owner=row.owner, asset_name=row.asset_name, ticker=row.ticker,
            asset_type=row.asset_type, transaction_type=row.transaction_type,
            transaction_date=row.transaction_date, notification_date=row.notification_date,
            amount_range=row.amount_range, amount_low=row.amount_low, amount_high=row.amount_high,
            cap_gains_over_200=row.cap_gains_over_200, filing_status=row.filing_status,
            subholding_of=row.subholding_of, description=row.description, comment=row.comment, page=row.page,
            row_checks_failed=",".join(row.checks_failed), extraction_method=method, extracted_at=now,
            location=row.location, row_id=row.row_id))
        if row.checks_failed:
            issue("row_checks_failed", f"line {row.line_no} failed row checks: {', '.join(row.checks_failed)}",
                  "needs_review", row.line_no)
    doc_issues = [i for i in (doc.issues if doc else ()) if i != "no_text_layer" or method == "text"]
    review: dict[str, list[str]] = {}
    for name in doc_issues:  # one issue row per code: (doc_id, line_no, reason_code) is unique
        if issue_code(name) in REVIEW_ISSUES:
            review.setdefault(issue_code(name), []).append(name)
    for code, names in review.items():
        issue(code, "document issue: " + "; ".join(names), "needs_review")
    failed_rows = sum(1 for r in rows if r.checks_failed)
    if doc is None:
        status = "failed"
    elif res.error or not rows or failed_rows or withheld or review:
        status = "needs_review"
    else:
        status = "ok"
    header = doc.header if doc else None
    filing_rows.append(base | dict(
        filer_name=header.filer_name if header else None, status=header.status if header else None,
        state_district=header.state_district if header else None,
        signature_name=header.signature_name if header else None,
        signature_date=header.signature_date if header else None,
        ipo_answer=header.ipo_answer if header else None, pages=doc.pages if doc else None,
        layout_era=header.layout_era if header else None,
        rows_found=len(rows), rows_with_failed_checks=failed_rows, extraction_status=status,
        issues=",".join(doc.issues) if doc else (res.error[0] if res.error else ""),
        extraction_method=method, extracted_at=now))


def _schedule_b_rows_of(res: Extracted, now: dt.datetime, rows_out: list, issue_rows: list) -> None:
    """Rows of silver.schedule_b_transactions and silver.extraction_issues for one A or T report."""
    doc = res.schedule_b
    base = dict(doc_id=res.doc_id, year=res.year, extractor_version=SCHEDULE_B_VERSION, pdf_sha256=res.sha256)

    def issue(code: str, reason: str, severity: str, line_no: int | None = None) -> None:
        issue_rows.append(base | dict(line_no=line_no, severity=severity, reason_code=code, reason=reason,
                                      extraction_method="text", recorded_at=now))

    if doc is None:
        code, reason = res.error or ("unreadable_pdf", "unreadable")
        issue(code, f"Schedule B of this {res.filing_type} report could not be read: {reason}", "failed")
        return
    if "no_text_layer" in doc.issues:
        issue("no_text_layer", f"a paper {res.filing_type} report (no text layer): Schedule B is not read by OCR, "
              "so its transactions are missing", "needs_review")
        return
    for name in ("table_header_not_found", "no_rows_found"):
        if name in doc.issues:
            issue(name, f"Schedule B issue: {name} (the schedule is there but no row could be read)",
                  "needs_review")
    for row in doc.rows:
        rows_out.append(base | dict(
            line_no=row.line_no, filing_type=res.filing_type, owner=row.owner, asset_name=row.asset_name,
            ticker=row.ticker, asset_type=row.asset_type, transaction_type=row.transaction_type,
            transaction_date=row.transaction_date, amount_range=row.amount_range, amount_low=row.amount_low,
            amount_high=row.amount_high, cap_gains_over_200=row.cap_gains_over_200,
            subholding_of=row.subholding_of, location=row.location, description=row.description,
            comment=row.comment, page=row.page, row_checks_failed=",".join(row.checks_failed),
            extraction_method=doc.method, extracted_at=now))
        if row.checks_failed:
            issue("row_checks_failed", f"Schedule B line {row.line_no} failed row checks: "
                  f"{', '.join(row.checks_failed)}", "needs_review", row.line_no)
