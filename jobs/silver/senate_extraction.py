"""silver.senate_filings and silver.senate_transactions from the eFD pages in bronze.senate_reports.

Each e-filed report page is read by :func:`jobs.silver.senate_ptr.parse_senate_ptr`; a paper report
(scanned pages) becomes a filing that waits for review: each of its page images in
bronze.senate_paper_pages is queued in silver.review_queue (chamber ``senate``, line_no = page number),
and the rows a reviewer enters there (:mod:`jobs.silver.review`) are its rows, ``extraction_method =
'manual'``. Every report of a run is written, audited and published together, replacing all earlier
machine rows of the same reports; reviewers' rows and pages marked read are kept. The bronze snapshot
read is the watermark, so a re-run reads only pages that arrived since.

The Senate's rows of silver.review_queue are written here, in this job's audited group, although the
job registry names the House extraction as the queue's writer (a table has one declared writer; the
queue's checks read only tables no later job writes, so the order of the two does not matter).

Amendments: an eFD amendment ("(Amendment N)" in its title) restates a whole earlier report of the
same Senator for the same date, but the page does not say which one, and a Senator may file two
originals on the same day (Boozman, 06/16/2026: 15 rows at 9:46, 18 rows at 10:19, then an 18-row
Amendment 1 at 10:27). So the amendment is linked to the filer's earlier report of that date whose
rows it repeats most (trade date, owner, type and amount compared row for row); with no report
sharing at least half its rows it stays unlinked (issue ``amendment_unlinked``) and both count.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import time
import uuid
from collections.abc import Iterable, Mapping

import pyarrow as pa

from catalog.registry import REVIEW_QUEUE, SENATE_FILINGS, SENATE_PAPER_PAGES, SENATE_REPORTS, SENATE_TRANSACTIONS
from catalog.store import SOURCE_PREFIX, Store, rows_where
from jobs.runner import merge_rows, write_audit_publish_together
from jobs.silver.senate_ptr import SenatePageError, SenatePtrPage, parse_senate_ptr, title_facts
from jobs.spec import ExtractionReport, ExtractionSpec

PARSER_VERSION = "senate-ptr-1"
"""Bump when the page parser changes what it reads: ``--reextract`` then reads every page again."""

SOURCE = SENATE_REPORTS.identifier
_COLUMNS = ["report_id", "year", "report_kind", "first_name", "last_name", "office", "filed_date", "title", "url",
            "sha256", "content", "fetched_at"]
_SUFFIX = re.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV|V)$", re.IGNORECASE)
_SUFFIXES = {"jr": "Jr.", "sr": "Sr."}
ROW_NOTES = frozenset({"empty_asset_type", "unknown_asset_type", "ticker_in_asset_name", "odd_ticker",
                       "unparseable_line_no"})
"""Row problems that leave every value gold needs readable, so the row still counts: the 2014 form left Asset
Type blank on every row; a ticker typed into the name keeps the name; an odd ticker cell is kept as printed;
an unreadable '#' cell is replaced by the row's position (line_no). Every other problem (a date, owner, type or
amount that cannot be read, a row cut short) keeps the row out of gold until it is fixed."""

MANUAL = "manual"
"""extraction_method of a row a reviewer entered from a paper report's page image."""
PAGE_FIELDS = "owner,asset_name,transaction_type,transaction_date,amount_range"
"""What a reviewer reads off each row of a Senate paper page (the queue's fields_to_read)."""

LINK_SHARE = 0.5
"""An amendment links to the earlier report whose rows it repeats most, if they share at least this
share of the larger report's rows: amendments correct a few cells, they do not replace most rows."""


def extract_senate(store: Store, *, run_id: str | None = None, reextract: bool = False, full: bool = False,
                   auditor=None, progress=None, **_options) -> ExtractionReport:
    """Read the eFD pages bronze gained since the last run into the two silver tables.

    Args:
        reextract: read again the pages last read by another parser version.
        full: read every page in bronze again.
        auditor: write-audit-publish: both tables are staged, audited together and published only if both pass.

    Raises:
        CheckFailedError: an audit failed; main is unchanged.
    """
    started = time.perf_counter()
    run_id = run_id or uuid.uuid4().hex[:12]
    source_sid = store.current_snapshot_id(SOURCE)
    mark = None if full else store.watermarks(SENATE_FILINGS.identifier).get(SOURCE)
    if source_sid is None or (source_sid == mark and not reextract):
        return ExtractionReport("up_to_date", 0, 0, 0, 0, None, time.perf_counter() - started)
    if full or reextract:
        pages = store.read(SOURCE, snapshot_id=source_sid, columns=_COLUMNS)
    else:
        pages, _ = store.read_appended(SOURCE, after=mark, upto=source_sid, columns=_COLUMNS)
    pages = _latest_per_report(pages.to_pylist())
    if reextract and not full:
        pages = [p for p in pages if (p["report_id"], p["sha256"]) not in _read_by_this_version(store)]
    now = dt.datetime.now(dt.UTC)
    filings, transactions = [], []
    for number, page in enumerate(pages, start=1):
        filing, rows = read_report(page, now)
        filings.append(filing)
        transactions += rows
        if progress:
            progress(number, len(pages), "Senate reports")
    queue = queue_paper_pages(store, filings, transactions, now)
    link_amendments(filings, transactions, _earlier_reports(store, filings))
    properties = {"lakehouse.job": "silver.senate_extraction", "lakehouse.run-id": run_id,
                  "lakehouse.parser-version": PARSER_VERSION, f"{SOURCE_PREFIX}{SOURCE}": str(source_sid)}
    snapshot_id = _commit(store, filings, transactions, queue, properties, auditor, source_sid) if filings else \
        store.set_watermark(SENATE_FILINGS.identifier, properties)
    return ExtractionReport(
        "committed", len(filings), len(transactions),
        sum(1 for f in filings if f["extraction_status"] == "needs_review"),
        sum(1 for f in filings if f["extraction_status"] == "failed"), snapshot_id, time.perf_counter() - started)


def read_report(page: Mapping, now: dt.datetime) -> tuple[dict, list[dict]]:
    """The silver.senate_filings row and silver.senate_transactions rows of one bronze page."""
    last_name, suffix = split_suffix(page["last_name"])
    filing = dict(
        report_id=page["report_id"], year=page["year"], report_kind=page["report_kind"], title=page["title"],
        report_for=None, amendment_no=None, is_amendment=False,
        first_name=page["first_name"], last_name=last_name, suffix=suffix,
        filer_name=" ".join(x for x in (page["first_name"], last_name, suffix) if x) or None, office=page["office"],
        filed_date=page["filed_date"], filed_at=None, transactions_declared=None, rows_found=0,
        extraction_status="needs_review", issues="", amends_report_id=None, report_url=page["url"],
        parser_version=PARSER_VERSION, page_sha256=page["sha256"], extracted_at=now,
    )
    filing["report_for"], filing["amendment_no"] = title_facts(page["title"])
    filing["is_amendment"] = filing["amendment_no"] is not None
    if page["report_kind"] != "ptr":
        # Scanned pages: a person reads the rows (the review queue, :func:`queue_paper_pages`).
        filing["issues"] = "paper_rows_to_review"
        return filing, []
    try:
        parsed = parse_senate_ptr(page["content"], page["report_id"])
    except SenatePageError as exc:
        filing.update(extraction_status="failed", issues=f"unreadable_page: {exc}")
        return filing, []
    rows = transaction_rows(parsed, page, now)
    flagged = sum(1 for r in rows if r["row_checks_failed"])
    issues = [*parsed.problems, *([f"rows_with_problems: {flagged}"] if flagged else [])]
    filing.update(
        title=parsed.title or filing["title"], report_for=parsed.report_for or filing["report_for"],
        amendment_no=parsed.amendment_number if parsed.amendment_number is not None else filing["amendment_no"],
        filer_name=parsed.filer_name or filing["filer_name"], filed_at=parsed.filed_at,
        transactions_declared=parsed.declared_total, rows_found=len(rows),
        extraction_status="needs_review" if issues or not rows else "ok", issues=", ".join(issues),
    )
    filing["is_amendment"] = filing["amendment_no"] is not None
    return filing, rows


def transaction_rows(parsed: SenatePtrPage, page: Mapping, now: dt.datetime) -> list[dict]:
    """One silver.senate_transactions row per row of the page, in page order."""
    return [dict(
        report_id=page["report_id"], line_no=row.row_ordinal, year=page["year"], row_number=row.line_no_text or None,
        owner=row.owner, ticker=row.ticker, asset_name=row.asset_name, asset_type=row.asset_type,
        description=row.description, transaction_type=row.transaction_type,
        transaction_type_text=row.transaction_type_text or None, transaction_date=row.transaction_date,
        amount_range=row.amount_range, amount_low=row.amount_low, amount_high=row.amount_high, comment=row.comment,
        row_checks_failed=",".join(c for c in map(_problem_code, row.problems) if c not in ROW_NOTES),
        row_notes=",".join(c for c in map(_problem_code, row.problems) if c in ROW_NOTES), parser_version=PARSER_VERSION,
        page_sha256=page["sha256"], extracted_at=now, extraction_method="html",
    ) for row in parsed.rows]


def queue_paper_pages(store: Store, filings: list[dict], transactions: list[dict], now: dt.datetime) -> list[dict]:
    """The review-queue rows of the paper reports in ``filings``: one per page image in bronze.

    The rows reviewers entered for those reports are added to ``transactions`` (re-extraction never drops them),
    a page already marked read keeps its review while its image is the same, and each paper filing's counts and
    status follow (:func:`settle_paper_filing`).
    """
    paper = [f for f in filings if f["report_kind"] == "paper"]
    if not paper:
        return []
    ids = sorted({f["report_id"] for f in paper})
    images: dict[tuple[str, int], dict] = {}
    if store.current_snapshot_id(SENATE_PAPER_PAGES.identifier) is not None:
        for image in sorted(store.read(SENATE_PAPER_PAGES.identifier,
                                       columns=["report_id", "page_no", "year", "url", "sha256", "fetched_at"],
                                       row_filter=rows_where(report_id=ids)).to_pylist(),
                            key=lambda r: r["fetched_at"]):
            images[(image["report_id"], image["page_no"])] = image  # the latest fetch of a page wins
    held: dict[tuple[str, int], dict] = {}
    if store.current_snapshot_id(REVIEW_QUEUE.identifier) is not None:
        held = {(r["doc_id"], r["line_no"]): r for r in store.read(
            REVIEW_QUEUE.identifier,
            columns=["doc_id", "line_no", "pdf_sha256", "queued_at", "reviewed_by", "reviewed_at", "rows_entered"],
            row_filter=rows_where(doc_id=ids)).to_pylist()}
    manual = reviewed_rows(store, ids)
    transactions += manual
    queue = []
    for filing in paper:
        pages = sorted(n for r, n in images if r == filing["report_id"])
        for number in pages:
            image = images[(filing["report_id"], number)]
            before = held.get((filing["report_id"], number)) or {}
            same = before.get("pdf_sha256") == image["sha256"]
            queue.append(dict(
                doc_id=filing["report_id"], line_no=number, year=filing["year"], page=number,
                fields_to_read=PAGE_FIELDS,
                reason=f"Senate paper report, page {number} of {len(pages)}: enter every transaction written on it "
                       "(none on a cover letter)",
                proposed="{}", row_image_png=None, extraction_method=MANUAL, extractor_version=PARSER_VERSION,
                pdf_sha256=image["sha256"], queued_at=before.get("queued_at") or now, chamber="senate",
                reviewed_by=before.get("reviewed_by") if same else None,
                reviewed_at=before.get("reviewed_at") if same else None,
                rows_entered=before.get("rows_entered") if same else None,
            ))
        settle_paper_filing(filing, [r for r in manual if r["report_id"] == filing["report_id"]],
                            [q for q in queue if q["doc_id"] == filing["report_id"]])
    return queue


def settle_paper_filing(filing: dict, rows: list[dict], pages: list[dict]) -> dict:
    """A paper filing's rows_found, issues and status from its reviewers' rows and its queued pages.

    It is ``ok`` once every page is marked read and no entered row has a problem (a blank date or amount on
    the form leaves the row in silver, out of gold); until then ``needs_review`` with what is left.
    """
    waiting = sum(1 for p in pages if p["reviewed_by"] is None)
    flagged = sum(1 for r in rows if r["row_checks_failed"])
    issues = [*(["no_page_images"] if not pages else []),
              *([f"paper_rows_to_review: {waiting} of {len(pages)} pages"] if waiting else []),
              *([f"rows_with_problems: {flagged}"] if flagged else [])]
    filing.update(rows_found=len(rows), issues=", ".join(issues),
                  extraction_status="needs_review" if issues else "ok")
    return filing


def reviewed_rows(store: Store, report_ids: list[str]) -> list[dict]:
    """The rows reviewers entered for ``report_ids`` (silver.senate_transactions, ``extraction_method`` manual)."""
    if not report_ids or store.current_snapshot_id(SENATE_TRANSACTIONS.identifier) is None:
        return []
    return store.read(SENATE_TRANSACTIONS.identifier,
                      row_filter=rows_where(report_id=report_ids, extraction_method=MANUAL)).to_pylist()


def split_suffix(last_name: str | None) -> tuple[str | None, str | None]:
    """('McConnell', 'Jr.') from the search's 'McConnell, Jr.'; a trailing comma ('Moran,') dropped."""
    if not last_name:
        return None, None
    text = " ".join(last_name.split()).rstrip(",").strip()
    match = _SUFFIX.search(text)
    if not match:
        return text or None, None
    suffix = match.group(1).rstrip(".").lower()
    return text[:match.start()].rstrip(", ") or None, _SUFFIXES.get(suffix, suffix.upper())


def link_amendments(filings: list[dict], transactions: list[dict], earlier: Iterable[tuple[dict, list[dict]]]) -> None:
    """Set ``amends_report_id`` of each amendment in ``filings`` (see the module docstring), or flag it.

    ``earlier`` holds reports already in silver, with their rows; reports of this batch count too.
    """
    rows_of: dict[str, list[dict]] = collections.defaultdict(list)
    for row in transactions:
        rows_of[row["report_id"]].append(row)
    candidates = [(f, rows_of[f["report_id"]]) for f in filings]
    known = {f["report_id"] for f in filings}
    candidates += [(f, rows) for f, rows in earlier if f["report_id"] not in known]
    for filing in filings:
        if not filing["is_amendment"]:
            continue
        mine = _signatures(rows_of[filing["report_id"]])
        best, best_share = None, 0.0
        for other, other_rows in candidates:
            if other["report_id"] == filing["report_id"] or not _same_filer_and_date(filing, other) \
                    or (other["amendment_no"] or 0) >= filing["amendment_no"]:
                continue
            theirs = _signatures(other_rows)
            shared = sum((mine & theirs).values())
            share = shared / max(sum(mine.values()), sum(theirs.values()), 1)
            if share > best_share:
                best, best_share = other, share
        if best is not None and best_share >= LINK_SHARE:
            filing["amends_report_id"] = best["report_id"]
        else:
            filing["issues"] = ", ".join(x for x in (filing["issues"], "amendment_unlinked") if x)
            filing["extraction_status"] = "needs_review"


def _signatures(rows: list[dict]) -> collections.Counter:
    # Amendments fix tickers and names; the trade itself (date, owner, type, amount) is what they repeat.
    return collections.Counter((r["transaction_date"], r["owner"], r["transaction_type"], r["amount_range"])
                               for r in rows)


def _same_filer_and_date(a: Mapping, b: Mapping) -> bool:
    def key(f: Mapping) -> tuple:
        return ((f["last_name"] or "").lower(), (f["first_name"] or "").lower().split(" ")[0], f["report_for"])
    return key(a) == key(b) and a["report_for"] is not None


def _earlier_reports(store: Store, filings: list[dict]) -> list[tuple[dict, list[dict]]]:
    """Published reports of the same filers and dates as this batch's amendments, with their rows."""
    wanted = {(f["last_name"], f["report_for"]) for f in filings if f["is_amendment"]}
    if not wanted or store.current_snapshot_id(SENATE_FILINGS.identifier) is None:
        return []
    published = store.read(SENATE_FILINGS.identifier,
                           row_filter=rows_where(last_name={w[0] for w in wanted if w[0]})).to_pylist()
    published = [f for f in published if (f["last_name"], f["report_for"]) in wanted]
    if not published:
        return []
    rows = store.read(SENATE_TRANSACTIONS.identifier,
                      row_filter=rows_where(report_id={f["report_id"] for f in published})).to_pylist()
    by_report: dict[str, list[dict]] = collections.defaultdict(list)
    for row in rows:
        by_report[row["report_id"]].append(row)
    return [(f, by_report[f["report_id"]]) for f in published]


def _read_by_this_version(store: Store) -> set[tuple[str, str]]:
    if store.current_snapshot_id(SENATE_FILINGS.identifier) is None:
        return set()
    done = store.read(SENATE_FILINGS.identifier, columns=["report_id", "page_sha256", "parser_version"]).to_pylist()
    return {(r["report_id"], r["page_sha256"]) for r in done if r["parser_version"] == PARSER_VERSION}


def _latest_per_report(pages: list[dict]) -> list[dict]:
    latest: dict[str, dict] = {}
    for page in pages:
        held = latest.get(page["report_id"])
        if held is None or page["fetched_at"] >= held["fetched_at"]:
            latest[page["report_id"]] = page
    return sorted(latest.values(), key=lambda p: (p["filed_date"] or dt.date.min, p["report_id"]))


def _problem_code(problem: str) -> str:
    """The code of a parser problem ('unknown_owner: Trust' -> 'unknown_owner')."""
    return problem.split(":", 1)[0].strip().replace(" ", "_")


def _commit(store: Store, filings: list[dict], transactions: list[dict], queue: list[dict],
            properties: dict[str, str], auditor, source_sid: int | None) -> int | None:
    """Replace every row of these reports in both tables (and their pages in the review queue), audited together."""
    import ibis

    processed = pa.table({"report_id": [f["report_id"] for f in filings], "year": [f["year"] for f in filings]},
                         schema=pa.schema([("report_id", pa.large_string()), ("year", pa.int32())]))
    paper = [f for f in filings if f["report_kind"] == "paper"]
    queued = pa.table({"doc_id": [f["report_id"] for f in paper], "year": [f["year"] for f in paper]},
                      schema=pa.schema([("doc_id", pa.large_string()), ("year", pa.int32())]))
    con = ibis.duckdb.connect()
    try:
        writes = [(REVIEW_QUEUE.identifier, *merge_rows(con, store, REVIEW_QUEUE.identifier,
                                                        pa.Table.from_pylist(queue, REVIEW_QUEUE.arrow_schema()),
                                                        on=("doc_id",), replaced=queued))] if paper else []
        writes += [(spec.identifier, *merge_rows(con, store, spec.identifier,
                                                 pa.Table.from_pylist(rows, spec.arrow_schema()),
                                                 on=("report_id",), replaced=processed))
                   for spec, rows in ((SENATE_TRANSACTIONS, transactions), (SENATE_FILINGS, filings))]
    finally:
        con.disconnect()
    if auditor is None:
        snapshot_id = None
        for identifier, merged, partitions in writes:  # filings last: its watermark is the one read next time
            snapshot_id = store.replace(identifier, merged, properties, partition_values=partitions)
        return snapshot_id
    published = write_audit_publish_together(store, "silver.senate_extraction", writes, properties, auditor,
                                             {SOURCE: source_sid} if source_sid is not None else {})
    return published.get(SENATE_FILINGS.identifier)


def _run(store: Store, **options) -> ExtractionReport:
    return extract_senate(store, **options)


SENATE_EXTRACTION = ExtractionSpec(
    name="silver.senate_extraction",
    outputs=(SENATE_FILINGS.identifier, SENATE_TRANSACTIONS.identifier),
    inputs=(SOURCE,),  # and bronze.senate_paper_pages, which bronze writes before the reports
    run=_run,
)
