"""``lakehouse ingest senate``: Senate eFD periodic transaction reports into bronze.

The eFD search lists the PTRs the Senate received in a date range; each report's page (the e-filed
HTML table, or a paper report's page of scanned images) lands in ``bronze.senate_reports`` with its
search row, and a paper report's GIF pages in ``bronze.senate_paper_pages``. A report already held is
not fetched again (eFD pages do not change once filed; an amendment is a new report), so a re-run
over the same range, or an interrupted one, fetches only what is missing. A page that cannot be
fetched goes to ``ops.quarantine`` with the reason and is tried again next run. Pages are committed
in batches, so an interrupted run keeps what it fetched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import uuid

import pyarrow as pa

from catalog.registry import SENATE_PAPER_PAGES, SENATE_REPORTS
from catalog.store import Store, rows_where
from core.errors import SourceError
from core.progress import ProgressFn
from core.settings import Settings
from jobs.bronze.house import Quarantine
from jobs.bronze.senate_efd import EFD_BASE_URL, SearchRow, efd_client
from jobs.spec import SourceSpec

logger = logging.getLogger(__name__)

BATCH = 50
"""Reports per commit: an interrupted run keeps its progress, without a snapshot per page."""
FIRST_DATE = dt.date(2012, 1, 1)
"""The eFD search holds periodic transaction reports from 2012 on (the STOCK Act's first year)."""


@dataclasses.dataclass
class SenateIngestReport:
    """What one ``lakehouse ingest senate`` did."""

    start: dt.date
    end: dt.date
    listed: int = 0
    already_held: int = 0
    fetched: int = 0
    paper_pages: int = 0
    quarantined: int = 0
    transport: str = ""

    def __str__(self) -> str:
        via = f" via {self.transport}" if self.transport else ""
        return (f"senate {self.start:%Y-%m-%d}..{self.end:%Y-%m-%d}: {self.listed} reports listed{via}, "
                f"{self.fetched} fetched ({self.paper_pages} paper page images), {self.already_held} already held, "
                f"{self.quarantined} quarantined")


def ingest_senate(store: Store, settings: Settings, start: dt.date | None = None, end: dt.date | None = None, *,
                  source: str | None = None, progress: ProgressFn | None = None,
                  run_id: str | None = None, client=None) -> SenateIngestReport:
    """List the PTRs the Senate received between ``start`` and ``end`` (inclusive) and fetch the new ones.

    Args:
        source: a saved mirror (directory or URL, docs/senate-efd.md) instead of the live site.
        client: an open eFD client to use (tests, or a caller holding a session); else one is made.

    Raises:
        SourceError: the search itself could not be read (the site refused, or the mirror is unusable);
            nothing was written.
    """
    end = end or dt.date.today()
    start = start or max(FIRST_DATE, end - dt.timedelta(days=30))
    if start > end:
        raise SourceError(f"The date range {start}..{end} is empty: give --since on or before --until.",
                          source=source or EFD_BASE_URL, reason="bad_range")
    run_id = run_id or uuid.uuid4().hex[:12]
    report = SenateIngestReport(start, end)
    own = client is None
    client = client or efd_client(settings, source)
    quarantine = Quarantine(store, run_id)
    try:
        rows = list(client.search_ptrs(start, end))
        report.listed = len(rows)
        report.transport = getattr(client, "transport", "") or ("mirror" if source else "")
        held = _held(store, [r.report_id for r in rows])
        todo = [r for r in rows if r.report_id.lower() not in held]
        report.already_held = len(rows) - len(todo)
        pages: list[dict] = []
        images: list[dict] = []
        for number, row in enumerate(todo, start=1):
            try:
                content = client.report_page(row)
                if row.kind == "paper":
                    images += _image_rows(row, client.paper_pages(row, content), run_id)
            except SourceError as exc:
                quarantine.add("ingest.senate_report", row.url, exc.reason or "fetch_failed", str(exc),
                               year=_year(row), doc_id=row.report_id)
                report.quarantined += 1
                continue
            pages.append(_report_row(row, content, run_id))
            if len(pages) >= BATCH:
                report.fetched, report.paper_pages = _commit(store, pages, images, report, run_id)
                pages, images = [], []
            if progress:
                progress(number, len(todo), "Senate reports")
        report.fetched, report.paper_pages = _commit(store, pages, images, report, run_id)
    finally:
        quarantine.flush()
        if own:
            client.close()
    return report


def _commit(store: Store, pages: list[dict], images: list[dict], report: SenateIngestReport,
            run_id: str) -> tuple[int, int]:
    """Images first, then their reports: a report in bronze always has its page images."""
    properties = {"lakehouse.run-id": run_id}
    if images:
        store.append(SENATE_PAPER_PAGES.identifier, pa.Table.from_pylist(images, SENATE_PAPER_PAGES.arrow_schema()),
                     properties)
    if pages:
        store.append(SENATE_REPORTS.identifier, pa.Table.from_pylist(pages, SENATE_REPORTS.arrow_schema()),
                     properties)
    return report.fetched + len(pages), report.paper_pages + len(images)


def _held(store: Store, report_ids: list[str]) -> set[str]:
    if not report_ids or store.current_snapshot_id(SENATE_REPORTS.identifier) is None:
        return set()
    wanted = {r.lower() for r in report_ids}
    rows = store.read(SENATE_REPORTS.identifier, columns=["report_id"], row_filter=rows_where(report_id=wanted))
    return set(rows.column("report_id").to_pylist())


def _year(row: SearchRow) -> int:
    return (row.filed_date or row.report_for or dt.date.today()).year


def _report_row(row: SearchRow, content: bytes, run_id: str) -> dict:
    return dict(report_id=row.report_id.lower(), year=_year(row), report_kind=row.kind, first_name=row.first_name,
                last_name=row.last_name, office=row.office, filed_date=row.filed_date, title=row.title, url=row.url,
                size_bytes=len(content), sha256=hashlib.sha256(content).hexdigest(), content=content,
                fetched_at=dt.datetime.now(dt.UTC), run_id=run_id)


def _image_rows(row: SearchRow, pages: list[tuple[str, bytes]], run_id: str) -> list[dict]:
    now = dt.datetime.now(dt.UTC)
    return [dict(report_id=row.report_id.lower(), page_no=number, year=_year(row), url=url, content_type="image/gif",
                 size_bytes=len(content), sha256=hashlib.sha256(content).hexdigest(), content=content,
                 fetched_at=now, run_id=run_id)
            for number, (url, content) in enumerate(pages, start=1)]


SOURCE = SourceSpec(
    name="senate",
    title="Senate eFD periodic transaction reports: e-filed pages and paper scans",
    base_url=EFD_BASE_URL,
    writes=(SENATE_REPORTS.identifier, SENATE_PAPER_PAGES.identifier),
    ingest=ingest_senate,
    chamber="senate",
    documents=SENATE_REPORTS.identifier,
    extraction="silver.senate_extraction",
)
