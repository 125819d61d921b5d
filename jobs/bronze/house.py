"""``lakehouse ingest house``: the Clerk's index and PDFs into bronze, with a quarantine.

Per year: fetch the index (``{YEAR}FD.zip``, else ``{YEAR}FD.xml`` / ``.txt`` beside it), skip it
when its content hash equals the last ingested one (no new snapshot), else append every record
as published in one commit. Then fetch the PDFs of the requested filing types that bronze does
not hold yet, with bounded concurrency, committing every ``commit_every`` documents so an
interrupted run keeps what it finished (a re-run skips the unchanged index and the PDFs held).

Only input that cannot be read at all becomes a row in ``ops.quarantine`` naming it and the
reason: an index that is missing, not a zip, an HTML error page, malformed or undecodable, and a
PDF that is missing or not a PDF. A PDF that is not a PDF, or that failed for network reasons, is
tried again next run; a *missing* one (HTTP 404, no such file) backs off across runs — 1 h, 6 h,
1 d, 3 d, then every 7 d — remembered per document in ``ops.document_retries`` (the report says how
many waited and when the next is due; ``retry_missing`` asks for them all now). A record with problems (no FilingDate,
an odd DocID, another Year …) is unusual, not unreadable: it lands in bronze as published, silver
notes its problems on the row, and the report only counts it.
"""

from __future__ import annotations

import collections
import concurrent.futures
import dataclasses
import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence

import pyarrow as pa

from catalog.registry import DOCUMENT_RETRIES, HOUSE_DOCUMENTS, HOUSE_FD_INDEX, QUARANTINE
from catalog.store import Store, rows_where
from core.errors import SourceError
from core.progress import ProgressFn
from core.settings import CLERK_BASE_URL, Settings
from jobs.bronze.house_index import IndexFormatError, IndexRecord, open_index_zip, parse_index, record_problems
from jobs.bronze.source import Fetched, Source
from jobs.spec import SourceSpec

logger = logging.getLogger(__name__)

Progress = ProgressFn
"""Called with (done, total, label) as the index and the documents finish; the CLI shows it."""

Clock = Callable[[], dt.datetime]

MISSING_REASONS = frozenset({"http_404", "http_410", "not_found"})
"""Failures meaning the source has no such file (yet): retried with back-off, not on every run."""
RETRY_BACKOFF = (dt.timedelta(hours=1), dt.timedelta(hours=6), dt.timedelta(days=1), dt.timedelta(days=3),
                 dt.timedelta(days=7))
"""Wait after the 1st, 2nd … failure before asking for a missing PDF again; the last one repeats."""


def retry_delay(attempts: int) -> dt.timedelta:
    """How long a PDF missing ``attempts`` times in a row is left alone."""
    return RETRY_BACKOFF[min(max(attempts, 1), len(RETRY_BACKOFF)) - 1]


@dataclasses.dataclass
class YearReport:
    """What ingesting one year did: its index, then its PDFs."""

    year: int
    index_status: str = "pending"
    """'ingested', 'unchanged' or 'failed'."""
    index_url: str | None = None
    index_format: str | None = None
    index_encoding: str | None = None
    """The text encoding the index was read in (utf-8, utf-8-sig, utf-16, cp1252 …)."""
    records: int = 0
    records_with_notes: int = 0
    """Records with something unusual (see ``record_problems``); in bronze as published all the same."""
    records_without_doc_id: int = 0
    """Records with no DocID: in bronze with a null doc_id, but no PDF can be fetched for them."""
    index_snapshot_id: int | None = None
    documents_wanted: int = 0
    documents_already_held: int = 0
    documents_fetched: int = 0
    documents_failed: int = 0
    documents_waiting: int = 0
    """Missing PDFs not asked for this run: their back-off (``ops.document_retries``) has not run out."""
    next_retry_at: dt.datetime | None = None
    """When the first missing PDF of the year is due again (None when none is missing)."""
    error: str | None = None
    transient: bool = False
    """The index failed for a reason worth retrying (network, 5xx), not because it is bad."""

    def summary(self) -> str:
        """One line for the operator: the index's outcome, then the PDFs'."""
        line = f"{self.year}: index {self.index_status}"
        if self.index_status == "failed":
            return line
        fmt = self.index_format or "?"
        if self.index_encoding and self.index_encoding not in ("utf-8", "utf-8-sig"):
            fmt += f", {self.index_encoding}"
        line += f" ({self.records} records, {fmt} from {self.index_url}"
        if self.records_with_notes:
            line += f"; {self.records_with_notes} with notes for silver"
        if self.records_without_doc_id:
            line += f", {self.records_without_doc_id} without DocID"
        line += (f"); PDFs: {self.documents_fetched} fetched, {self.documents_already_held} already held, "
                 f"{self.documents_failed} failed")
        if self.documents_waiting:
            line += f", {self.documents_waiting} missing left alone until their retry time"
        if self.next_retry_at is not None:
            line += (f"; next retry of missing PDFs after {self.next_retry_at:%Y-%m-%d %H:%M} UTC "
                     "(--retry-missing: now)")
        return line


@dataclasses.dataclass
class IngestReport:
    """What one ``ingest_house`` call did, year by year."""

    run_id: str
    source: str
    years: list[YearReport]
    quarantined: int = 0

    @property
    def ok(self) -> bool:
        return all(y.index_status != "failed" for y in self.years)


class Quarantine:
    """Collects quarantine rows and commits them in batches (their own commits, append-only)."""

    def __init__(self, store: Store, run_id: str) -> None:
        self._store, self._run_id, self._rows, self.count = store, run_id, [], 0
        self.last_reason = ""

    def add(self, stage: str, source: str, reason_code: str, reason: str, *, year: int | None = None,
            doc_id: str | None = None, detail: str | None = None) -> None:
        logger.info("quarantine %s %s: %s", stage, source, reason)
        self.last_reason = reason
        self._rows.append(dict(recorded_at=_now(), run_id=self._run_id, stage=stage, source=source, year=year,
                               doc_id=doc_id, reason_code=reason_code, reason=reason, detail=detail))
        self.count += 1

    def flush(self) -> None:
        if self._rows:
            self._store.append(QUARANTINE.identifier, pa.Table.from_pylist(self._rows, QUARANTINE.arrow_schema()))
            self._rows = []


def ingest_house(
    store: Store,
    settings: Settings,
    years: Sequence[int],
    *,
    types: Iterable[str] = ("P",),
    source: str | None = None,
    progress: Progress | None = None,
    run_id: str | None = None,
    retry_missing: bool = False,
    clock: Clock | None = None,
) -> IngestReport:
    """Ingest the index and PDFs of each year in ``years``; see the module docstring.

    ``progress(done, total, label)`` follows each year's index and PDFs (and the years, when
    several). ``retry_missing`` asks for every missing PDF now, whatever its back-off; ``clock``
    (aware UTC) is the time back-off is judged at (tests pass a later one instead of sleeping).

    Raises:
        YearRangeError: a year the Clerk does not publish (before 2008 or after next year);
            nothing is fetched.
    """
    from core.years import check_year

    for year in years:
        check_year(year)
    run_id = run_id or uuid.uuid4().hex[:12]
    src = Source(source, settings)
    report = IngestReport(run_id=run_id, source=src.location, years=[])
    quarantine = Quarantine(store, run_id)
    wanted_types = {t.strip().upper() for t in types if t.strip()}
    retries = _Retries(store, clock or _now, retry_missing, run_id)
    try:
        for i, year in enumerate(years, start=1):
            yr = YearReport(year)
            report.years.append(yr)
            if progress:
                progress(0, 1, f"{year} index")
            try:
                records = _ingest_index(store, src, year, yr, quarantine, run_id)
            finally:
                quarantine.flush()
            if progress:
                progress(1, 1, f"{year} index")
            if records is not None:
                _ingest_documents(store, settings, src, year, records, wanted_types, yr, quarantine, run_id,
                                  progress, retries)
            if progress and len(years) > 1:
                progress(i, len(years), "years")
    finally:
        quarantine.flush()
        src.close()
    report.quarantined = quarantine.count
    return report


def _ingest_index(store: Store, src: Source, year: int, yr: YearReport, quarantine: Quarantine,
                  run_id: str) -> list[IndexRecord] | None:
    """Fetch, parse and (when changed) append one year's index; returns its records or None."""
    fetched, fmt, content = _fetch_index(src, year, quarantine)
    if fetched is None:
        yr.index_status = "failed"
        yr.transient = fmt == "transient"
        yr.error = f"no usable index for {year} at {src.location}: {quarantine.last_reason}"
        return None
    yr.index_url, yr.index_format = fetched.url, fmt
    try:
        parsed = parse_index(fmt, content)
    except IndexFormatError as exc:
        quarantine.add("ingest.index", fetched.url, exc.reason,
                       f"{fetched.url}: {exc}. Nothing was committed for {year}; fix the source and re-run.",
                       year=year, detail=content[:300].decode("utf-8", "replace"))
        yr.index_status, yr.error = "failed", f"{fetched.url}: {exc}"
        return None
    records = parsed.records
    yr.records, yr.index_encoding = len(records), parsed.encoding
    _note_records(records, year, yr, fetched.url)
    sha = hashlib.sha256(content).hexdigest()
    if _latest_index_sha(store, year) == sha:
        yr.index_status = "unchanged"
        return records
    now = _now()
    rows = [
        dict(year=year, doc_id=r.doc_id or None, prefix=r.prefix or None, last=r.last or None, first=r.first or None,
             suffix=r.suffix or None, filing_type=r.filing_type or None, state_dst=r.state_dst or None,
             year_raw=r.year_raw or None, filing_date_raw=r.filing_date_raw or None, record_no=r.record_no,
             index_format=fmt, source_url=fetched.url, source_sha256=sha, http_etag=fetched.etag,
             http_last_modified=fetched.last_modified, ingested_at=now, run_id=run_id)
        for r in records
    ]
    yr.index_snapshot_id = store.append(
        HOUSE_FD_INDEX.identifier,
        pa.Table.from_pylist(rows, HOUSE_FD_INDEX.arrow_schema()),
        {"lakehouse.run-id": run_id, f"lakehouse.index.{year}.sha256": sha},
    )
    yr.index_status = "ingested"
    return records


def _note_records(records: list[IndexRecord], year: int, yr: YearReport, url: str) -> None:
    """Count (and log) the records with something unusual; they are ingested all the same."""
    codes: collections.Counter[str] = collections.Counter()
    for record in records:
        problems = record_problems(record, year)
        if problems:
            yr.records_with_notes += 1
            codes.update(code for code, _ in problems)
            logger.debug("%s: %s", url, "; ".join(reason for _, reason in problems))
        if not record.doc_id:
            yr.records_without_doc_id += 1
    logger.info("index %s from %s: %d records read as %s (%s), %d with notes%s", year, url, len(records),
                yr.index_format, yr.index_encoding, yr.records_with_notes,
                f" ({', '.join(f'{c} {n}' for c, n in sorted(codes.items()))})" if codes else "")


def _fetch_index(src: Source, year: int, quarantine: Quarantine) -> tuple[Fetched | None, str, bytes]:
    base = "public_disc/financial-pdfs"
    try:
        fetched = src.fetch(f"{base}/{year}FD.zip")
        try:
            fmt, content = open_index_zip(fetched.content, year)
            return fetched, fmt, content
        except IndexFormatError as exc:
            quarantine.add("ingest.index", fetched.url, exc.reason,
                           f"{fetched.url}: {exc}; trying {year}FD.xml / .txt beside it", year=year,
                           detail=f"{len(fetched.content)} bytes")
    except SourceError as exc:
        if exc.transient:
            quarantine.add("ingest.index", exc.source, exc.reason, str(exc), year=year)
            return None, "transient", b""
        logger.info("%s; trying %sFD.xml / .txt", exc, year)
    for fmt in ("xml", "txt"):
        try:
            fetched = src.fetch(f"{base}/{year}FD.{fmt}")
            return fetched, fmt, fetched.content
        except SourceError as exc:
            last = exc
            if exc.transient:
                quarantine.add("ingest.index", exc.source, exc.reason, str(exc), year=year)
                return None, "transient", b""
    quarantine.add("ingest.index", src.url(f"{base}/{year}FD.zip"), last.reason,
                   f"no index for {year}: {year}FD.zip, {year}FD.xml and {year}FD.txt are all unavailable "
                   f"({last}). Check --source and the year.", year=year)
    return None, "", b""


def _latest_index_sha(store: Store, year: int) -> str | None:
    rows = store.read(HOUSE_FD_INDEX.identifier, columns=["source_sha256", "ingested_at"],
                      row_filter=rows_where(year=year))
    if rows.num_rows == 0:
        return None
    latest = max(range(rows.num_rows), key=lambda i: rows["ingested_at"][i].as_py())
    return rows["source_sha256"][latest].as_py()


def _held_doc_ids(store: Store, year: int) -> set[str]:
    held = store.read(HOUSE_DOCUMENTS.identifier, columns=["doc_id"], row_filter=rows_where(year=year))
    return set(held.column("doc_id").to_pylist())


def pdf_path(year: int, doc_id: str, filing_type: str) -> str:
    """Path of a filing's PDF under the site root: PTRs live under ptr-pdfs/, the rest financial-pdfs/."""
    folder = "ptr-pdfs" if filing_type == "P" else "financial-pdfs"
    return f"public_disc/{folder}/{year}/{doc_id}.pdf"


def check_pdf(content: bytes) -> tuple[str, str] | None:
    """(reason_code, reason) when ``content`` is not a complete PDF; None when it is."""
    if not content:
        return "empty_body", "the response body is empty"
    if b"%PDF-" not in content[:1024]:
        kind = "an HTML page" if b"<html" in content[:2048].lower() else "not a PDF"
        return "not_pdf", f"the body ({len(content)} bytes) is {kind}, not a PDF"
    if b"%%EOF" not in content[-2048:]:
        return "truncated_pdf", f"the PDF ({len(content)} bytes) has no %%EOF trailer; it looks truncated"
    return None


class _Retries:
    """The back-off of missing PDFs (``ops.document_retries``), one year at a time."""

    def __init__(self, store: Store, clock: Clock, force: bool, run_id: str) -> None:
        self._store, self._clock, self.force, self._run_id = store, clock, force, run_id

    def load(self, year: int) -> dict[str, dict]:
        self.now = self._clock()
        rows = self._store.read(DOCUMENT_RETRIES.identifier, row_filter=rows_where(year=year)).to_pylist()
        self._before = {r["doc_id"]: r for r in rows}
        self.pending = dict(self._before)
        return self.pending

    def due(self, doc_id: str) -> bool:
        row = self.pending.get(doc_id)
        return self.force or row is None or row["next_attempt_at"] <= self.now

    def missing(self, doc_id: str, year: int, url: str, reason_code: str) -> dict:
        """Record one more failed attempt; returns the document's new row."""
        old = self.pending.get(doc_id)
        attempts = (old["attempts"] if old else 0) + 1
        row = dict(doc_id=doc_id, year=year, url=url, reason_code=reason_code, attempts=attempts,
                   first_failed_at=old["first_failed_at"] if old else self.now, last_attempt_at=self.now,
                   next_attempt_at=self.now + retry_delay(attempts), run_id=self._run_id)
        self.pending[doc_id] = row
        return row

    def save(self, year: int, outstanding: set[str]) -> dt.datetime | None:
        """Keep the rows of documents still wanted and not held; returns the earliest next attempt."""
        self.pending = {d: r for d, r in self.pending.items() if d in outstanding}
        if self.pending != self._before:
            rows = [self.pending[d] for d in sorted(self.pending)]
            try:
                self._store.replace(DOCUMENT_RETRIES.identifier,
                                    pa.Table.from_pylist(rows, DOCUMENT_RETRIES.arrow_schema()),
                                    {"lakehouse.run-id": self._run_id}, partition_values={"year": [year]})
            except Exception:  # advisory state: losing it only means asking the source again sooner
                logger.warning("could not record the back-off of %d missing PDFs of %s", len(rows), year,
                               exc_info=True)
        return min((r["next_attempt_at"] for r in self.pending.values()), default=None)


def _ingest_documents(store: Store, settings: Settings, src: Source, year: int, records: list[IndexRecord],
                      types: set[str], yr: YearReport, quarantine: Quarantine, run_id: str,
                      progress: Progress | None, retries: _Retries) -> None:
    wanted: dict[str, str] = {}
    for r in records:
        if r.filing_type.upper() in types and r.doc_id.isdigit():
            wanted.setdefault(r.doc_id, r.filing_type.upper())
    held = _held_doc_ids(store, year)
    missing = sorted((d, t) for d, t in wanted.items() if d not in held)
    yr.documents_wanted, yr.documents_already_held = len(wanted), len(wanted) - len(missing)
    retries.load(year)
    todo = [(d, t) for d, t in missing if retries.due(d)]
    yr.documents_waiting = len(missing) - len(todo)
    if yr.documents_waiting:
        logger.info("%s: %d missing PDFs left alone until their retry time (ops.document_retries)", year,
                    yr.documents_waiting)
    try:
        _fetch_documents(store, settings, src, year, todo, yr, quarantine, run_id, progress, retries)
    finally:
        fetched_now = _held_doc_ids(store, year) if todo else held
        yr.next_retry_at = retries.save(year, {d for d in wanted if d not in fetched_now})


def _fetch_documents(store: Store, settings: Settings, src: Source, year: int, todo: list[tuple[str, str]],
                     yr: YearReport, quarantine: Quarantine, run_id: str, progress: Progress | None,
                     retries: _Retries) -> None:
    if not todo:
        return

    def fetch(item: tuple[str, str]) -> tuple[str, str, Fetched | None, tuple[str, str, str, str | None] | None]:
        doc_id, ftype = item
        try:
            fetched = src.fetch(pdf_path(year, doc_id, ftype))
        except SourceError as exc:
            return doc_id, ftype, None, (exc.source, exc.reason, str(exc), None)
        bad = check_pdf(fetched.content)
        if bad:
            code, why = bad
            evidence = fetched.content[:300].decode("utf-8", "replace")
            return doc_id, ftype, None, (fetched.url, code, f"{fetched.url}: {why}; it will be tried again next run",
                                         evidence)
        return doc_id, ftype, fetched, None

    batch: list[dict] = []
    done = 0
    if progress:
        progress(0, len(todo), f"{year} PDFs")  # the clock of the ETA starts before the first request
    with concurrent.futures.ThreadPoolExecutor(max_workers=settings.http_concurrency) as pool:
        for doc_id, ftype, fetched, failure in pool.map(fetch, todo):
            done += 1
            if failure is not None:
                url, code, why, detail = failure
                if code in MISSING_REASONS:
                    row = retries.missing(doc_id, year, url, code)
                    why = (f"{why.split('; ')[0]}: missing (attempt {row['attempts']}); asked for again after "
                           f"{row['next_attempt_at']:%Y-%m-%d %H:%M} UTC, or now with --retry-missing")
                quarantine.add("ingest.document", url, code, why, year=year, doc_id=doc_id, detail=detail)
                yr.documents_failed += 1
            else:
                assert fetched is not None
                batch.append(dict(doc_id=doc_id, year=year, filing_type=ftype, url=fetched.url,
                                  http_status=fetched.status, content_type=fetched.content_type,
                                  size_bytes=len(fetched.content), sha256=hashlib.sha256(fetched.content).hexdigest(),
                                  content=fetched.content, fetched_at=_now(), run_id=run_id))
            if len(batch) >= settings.commit_every:
                yr.documents_fetched += _commit_documents(store, batch, run_id)
                quarantine.flush()
                batch = []
            if progress:
                progress(done, len(todo), f"{year} PDFs")
    yr.documents_fetched += _commit_documents(store, batch, run_id)


def _commit_documents(store: Store, batch: list[dict], run_id: str) -> int:
    if batch:
        store.append(HOUSE_DOCUMENTS.identifier, pa.Table.from_pylist(batch, HOUSE_DOCUMENTS.arrow_schema()),
                     {"lakehouse.run-id": run_id})
    return len(batch)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


SOURCE = SourceSpec(
    name="house",
    title="House Clerk financial disclosures: yearly indexes and filing PDFs",
    base_url=CLERK_BASE_URL,
    writes=(HOUSE_FD_INDEX.identifier, HOUSE_DOCUMENTS.identifier),
    ingest=ingest_house,
    chamber="house",
    documents=HOUSE_DOCUMENTS.identifier,
    extraction="silver.ptr_extraction",
)
