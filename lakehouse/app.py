"""The library API: everything the CLI does, callable from tests and notebooks.

>>> app = Lakehouse.open()                    # embedded default under ./.lakehouse
>>> app.ingest_house([2025])                  # doctest: +SKIP
>>> app.query("select count(*) from gold.fact_filings")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from catalog.store import SnapshotInfo, Store
from core.asof import AsOf
from core.settings import Settings, load_settings


@dataclasses.dataclass(frozen=True)
class TableInfo:
    """One table of the catalog: its row count and snapshots."""

    identifier: str
    rows: int
    snapshot_id: int | None
    snapshots: int


class Lakehouse:
    """One lakehouse: settings plus its catalog."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store

    @classmethod
    def open(cls, settings: Settings | None = None) -> Lakehouse:
        settings = settings or load_settings()
        return cls(settings, Store.open(settings))

    def init(self) -> list[str]:
        """Create or evolve every registered table (idempotent)."""
        return self.store.init_tables()

    def ingest_house(self, years: Sequence[int], *, types: Iterable[str] = ("P",), source: str | None = None,
                     progress=None, run_id: str | None = None, retry_missing: bool = False, clock=None):
        """Ingest the House index and PDFs of ``years`` (see :func:`jobs.bronze.house.ingest_house`)."""
        from jobs.bronze.house import ingest_house

        self.init()
        return ingest_house(self.store, self.settings, years, types=types, source=source, progress=progress,
                            run_id=run_id, retry_missing=retry_missing, clock=clock)

    def ingest_senate(self, start=None, end=None, *, source: str | None = None, progress=None,
                      run_id: str | None = None):
        """Ingest the Senate eFD PTRs received between ``start`` and ``end`` (see :mod:`jobs.bronze.senate`)."""
        from jobs.bronze.senate import ingest_senate

        self.init()
        return ingest_senate(self.store, self.settings, start, end, source=source, progress=progress, run_id=run_id)

    def ingest_members(self, source: str | None = None, *, audit: bool = True, run_id: str | None = None):
        """Load Members and terms (congress-legislators); audited before they reach main."""
        from jobs.bronze.members import ingest_members

        self.init()
        return ingest_members(self.store, self.settings, source, auditor=self._auditor(audit, run_id))

    def ingest_reference(self, source: str | None = None, *, audit: bool = True, run_id: str | None = None):
        """Load ticker names and sectors into silver.securities; audited before it reaches main."""
        from jobs.bronze.reference import ingest_reference

        self.init()
        return ingest_reference(self.store, self.settings, source, auditor=self._auditor(audit, run_id))

    def transform(self, layer: str, *, full_refresh: bool = False, reextract: bool = False, audit: bool = True,
                  run_id: str | None = None, progress=None, accept_anomaly: bool = False) -> list:
        """Run every job of ``layer`` ('silver' or 'gold') in dependency order.

        Silver also extracts the PTR PDFs that arrived in bronze (``reextract`` re-reads those
        extracted by an older extractor version; ``progress(done, total)`` follows the PDFs).
        With ``audit`` (the default) every output is
        written to the staging branch, checked (checks/*.yml), and published to main only if it
        passes (write-audit-publish); outcomes land in ops.check_results. ``accept_anomaly``
        publishes a batch whose only failures are volume anomalies (checks of family ``volume``).

        Raises:
            CheckFailedError: an output failed its checks; it and the jobs after it were not published.
        """
        from jobs.registry import steps_for_layer
        from jobs.runner import EngineLimits, JobResult, run_job
        from jobs.spec import ExtractionSpec

        self.init()
        run_id = run_id or uuid.uuid4().hex[:12]
        auditor = self._auditor(audit, run_id, accept_anomaly)
        results = []
        for job in steps_for_layer(layer):
            if isinstance(job, ExtractionSpec):
                r = job.run(self.store, run_id=run_id, reextract=reextract, full=full_refresh, auditor=auditor,
                            progress=progress)
                results.append(JobResult(job.name, job.output, r.status, {t: r.documents for t in job.inputs},
                                         r.rows, r.snapshot_id, {}, r.seconds))
            else:
                results.append(run_job(self.store, job, run_id=run_id, full_refresh=full_refresh, auditor=auditor,
                                       limits=EngineLimits.from_settings(self.settings)))
        return results

    def review_items(self, *, include_reviewed: bool = False) -> list:
        """PTR rows a person must read (paper forms), open ones only unless ``include_reviewed``."""
        from jobs.silver.review import review_items

        self.init()
        return review_items(self.store, include_reviewed=include_reviewed)

    def record_review(self, doc_id: str, line_no: int, values: dict, reviewer: str, *, audit: bool = True,
                      run_id: str | None = None) -> int | None:
        """Enter or confirm a row as a person read it (``extraction_method = 'manual'``), audited
        like any silver write; ``transform gold`` then publishes it. See :mod:`jobs.silver.review`."""
        from jobs.silver.review import record_review

        self.init()
        return record_review(self.store, doc_id, line_no, values, reviewer, auditor=self._auditor(audit, run_id))

    def _auditor(self, audit: bool, run_id: str | None, accept_anomaly: bool = False):
        if not audit:
            return None
        from checks.runner import make_auditor

        return make_auditor(self.store, self.settings, run_id=run_id or uuid.uuid4().hex[:12],
                            accept_anomaly=accept_anomaly)

    def query(self, sql: str, as_of: AsOf | None = None) -> pa.Table:
        """Run analyst SQL over every table at ``as_of`` (None: the current data)."""
        from catalog.query import run_query

        return run_query(self.store, sql, as_of or AsOf())

    def ask(self, name: str, params: Mapping[str, Any] | None = None, as_of: AsOf | None = None) -> pa.Table:
        """Run named query ``name`` (:mod:`flight_server.named`) here, exactly as the Flight server and
        the HTTP API run it: same SQL, sandbox and snapshot pinning.

        The answer's schema metadata (``lakehouse.window_start``, ``…window_end``, ``…data_ends``,
        ``…as_of_disclosure``, ``…note``) says which window it used and why it is empty, if it is.

        Raises:
            QueryError: unknown query or parameter (the message names the expected ones).
        """
        from web.data import WebData

        data = WebData(self.store, self.settings)
        try:
            return data.ask(name, params or {}, as_of or AsOf())
        finally:
            data.close()

    def named_queries(self) -> list[dict[str, Any]]:
        """Every named query with its parameters and description."""
        from flight_server.named import NAMED_QUERIES

        return [q.describe() for q in NAMED_QUERIES.values()]

    def snapshots(self, identifier: str) -> list[SnapshotInfo]:
        return self.store.snapshots(identifier)

    def lineage(self, identifier: str, snapshot_id: int | None = None, depth: int = 8) -> dict:
        """The source snapshots behind a snapshot of ``identifier``, recursively.

        Returns:
            ``{"table", "snapshot_id", "committed_at", "job", "sources": [<same shape>...]}``.
        """
        from core.errors import NoSuchSnapshotError

        snaps = {s.snapshot_id: s for s in self.store.snapshots(identifier)}
        sid = snapshot_id if snapshot_id is not None else self.store.current_snapshot_id(identifier)
        if sid is None:
            return {"table": identifier, "snapshot_id": None, "committed_at": None, "job": None, "sources": []}
        if sid not in snaps:
            raise NoSuchSnapshotError(f"{identifier} has no snapshot {sid}; see `lakehouse snapshots {identifier}`.")
        snap = snaps[sid]
        marks = dict(snap.watermarks)
        if not marks:  # e.g. a delete half of an overwrite: its sibling append carries the summary
            marks = {k: v for k, v in self.store.watermarks_at(identifier, sid).items()}
        sources = []
        for table, source_sid in sorted(marks.items()):
            if depth > 0 and table in self.store.list_tables():
                sources.append(self.lineage(table, source_sid, depth - 1))
        return {"table": identifier, "snapshot_id": sid, "committed_at": snap.committed_at.isoformat(timespec="seconds"),
                "job": snap.summary.get("lakehouse.job") or snap.summary.get("lakehouse.run-id"), "sources": sources}

    def tables(self) -> list[TableInfo]:
        infos = []
        for name in self.store.list_tables():
            table = self.store.table(name)
            snap = table.current_snapshot()
            infos.append(TableInfo(name, self.store.row_count(name), snap.snapshot_id if snap else None,
                                   len(table.snapshots())))
        return infos
