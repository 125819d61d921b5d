"""``lakehouse pipeline run``: ingest -> silver (audit, publish) -> gold (audit, publish), retried.

One run id ties the steps together; each step's outcome is a row in ``ops.pipeline_runs``.
Transient failures — the source's network errors and 5xx answers, and commit conflicts with a
concurrent writer — are retried with exponential backoff (jobs re-read their watermarks on each
try, so a retry works on fresh metadata). Bad data (a failed audit, an unusable index) is never
retried: the run stops, records why, and alerts.

Many years backfill in one run (``years=range(2012, 2027)``): the House step ingests them one
after the other, echoing a line per year, and a retry resumes at the first year not done. A run
killed part-way is resumed by running it again: an unchanged index is skipped by its content hash
and PDFs already in bronze are not fetched again, so the re-run ends in the state an
uninterrupted run would have reached.

The Senate step (``ingest.senate``, after the House and before the transforms) runs only when asked:
``senate_source`` (``--senate-source`` / ``LAKEHOUSE_SENATE_SOURCE``) names a saved eFD mirror (a
directory or URL) or ``live``. It is off by default because the live site refuses plain HTTP clients at
times and is then driven through a headless chromium, which is slow, needs Debian's chromium package and
must be polite (one request every few seconds): a House-only deployment should not pay for it, or fail
on it. It ingests the PTRs the Senate received in the years' date range (Jan 1 of the first year to Dec 31
of the last, or today), or from ``senate_since`` to ``senate_until``; a scheduled run
(``senate_incremental``, what ``--every`` asks for) starts :data:`SENATE_LOOKBACK_DAYS` before the
latest date received held in ``bronze.senate_reports`` instead, and goes back to the year of any report
still quarantined, so nothing it failed to fetch is forgotten. Reports already held are never fetched
again, so an overlapping range costs only its search requests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import random
import time
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pyarrow as pa

from catalog.registry import PIPELINE_RUNS
from core.errors import CheckFailedError, ExitCode, LakehouseError, SourceError
from lakehouse.app import Lakehouse

if TYPE_CHECKING:
    from jobs.bronze.house import YearReport

logger = logging.getLogger(__name__)

Echo = Callable[[str], None]


SENATE_LOOKBACK_DAYS = 30
"""A scheduled run's Senate search starts this many days before the latest date received held: a report
can be listed after later ones (a paper report is scanned and posted days after it was received)."""
SENATE_LIVE = "live"
"""The ``senate_source`` that means the live eFD site; ``off`` (or empty) turns a configured step off."""


class PipelineError(LakehouseError):
    """A pipeline step failed for good; earlier steps' commits stand, later steps did not run."""


class SenateRangeError(LakehouseError, ValueError):
    """The Senate step's dates are empty or unreadable; nothing ran."""

    exit_code = ExitCode.USAGE


@dataclasses.dataclass
class StepOutcome:
    """One step's outcome in a run: status, tries, rows, snapshots, and why it failed."""

    step: str
    status: str
    attempts: int
    rows_in: int = 0
    rows_out: int = 0
    snapshots: tuple[str, ...] = ()
    error: str | None = None
    rejected: bool = False
    """The step failed its quality gate (a CheckFailedError): bad data, not a broken run."""


@dataclasses.dataclass
class PipelineReport:
    """A whole run: its id and its steps' outcomes, in order."""

    run_id: str
    steps: list[StepOutcome]

    @property
    def ok(self) -> bool:
        return all(s.status == "ok" for s in self.steps)

    @property
    def exit_code(self) -> int:
        """0 ok, 3 a quality gate rejected data (main unchanged), 1 any other failure."""
        from core.errors import ExitCode

        if self.ok:
            return int(ExitCode.OK)
        return int(ExitCode.CHECKS_FAILED if any(s.rejected for s in self.steps) else ExitCode.FAILED)


def is_transient(exc: BaseException) -> bool:
    """Worth retrying: network trouble, a busy source, or a concurrent commit."""
    from catalog.store import is_commit_conflict

    if isinstance(exc, SourceError):
        return exc.transient
    if isinstance(exc, CheckFailedError):
        return False
    return is_commit_conflict(exc)


def run_pipeline(
    app: Lakehouse,
    years: Sequence[int],
    *,
    source: str | None = None,
    types: Sequence[str] = ("P",),
    members_source: str | None = None,
    reference_source: str | None = None,
    attempts: int = 4,
    backoff: float = 1.0,
    run_id: str | None = None,
    echo: Echo | None = None,
    progress=None,
    extract_progress=None,
    accept_anomaly: bool = False,
    retry_missing: bool = False,
    senate_source: str | None = None,
    senate_since: dt.date | None = None,
    senate_until: dt.date | None = None,
    senate_incremental: bool = False,
) -> PipelineReport:
    """Run every step once, in order; stop at the first step that fails for good.

    ``progress`` (:class:`core.progress.ProgressFn`) follows each year's index and PDFs and, when
    several, the years; ``extract_progress`` (default: ``progress``) the PTR extraction.
    ``retry_missing`` asks for every missing PDF now, whatever its back-off.

    ``senate_source`` (default: the ``senate_source`` setting, ``LAKEHOUSE_SENATE_SOURCE``) adds the
    ``ingest.senate`` step: a saved eFD mirror (directory or URL), or ``live`` for the site itself; ``off``
    leaves it out. Its dates: ``senate_since``..``senate_until`` when given, else the years' range (see the
    module docstring; ``senate_incremental`` starts from the latest report held instead).

    ``accept_anomaly`` lets silver and gold publish a batch held back only by volume checks (a
    backfill of many years is such a batch), as ``lakehouse transform --accept-anomaly`` does.

    Raises:
        YearRangeError: a year the Clerk does not publish; nothing ran.
        SenateRangeError: ``senate_since`` is after the Senate step's last date; nothing ran.
    """
    from core.years import check_year

    for year in years:
        check_year(year)
    senate = resolve_senate_source(app.settings.senate_source if senate_source is None else senate_source)
    if senate is not None:
        senate_dates(years, senate_since, senate_until)  # a bad range is refused before anything runs
    run_id = run_id or uuid.uuid4().hex[:12]
    app.init()
    ingested: dict[int, YearReport] = {}  # years done, kept across retries of the House step
    report = PipelineReport(run_id, [])
    steps: list[tuple[str, Callable[[], tuple[int, int, tuple[str, ...]]]]] = []
    if members_source:
        steps.append(("ingest.members", lambda: _ingest_members(app, members_source, run_id)))
    if reference_source:
        steps.append(("ingest.reference", lambda: _ingest_reference(app, reference_source, run_id)))
    steps += [
        ("ingest.house", lambda: _ingest_house(app, years, source, types, progress, echo, ingested, run_id,
                                               retry_missing)),
    ]
    if senate is not None:
        steps.append(("ingest.senate", lambda: _ingest_senate(app, years, senate, senate_since, senate_until,
                                                              senate_incremental, progress, echo, run_id)))
    steps += [
        ("transform.silver", lambda: _transform(app, "silver", run_id, extract_progress or progress,
                                                accept_anomaly)),
        ("transform.gold", lambda: _transform(app, "gold", run_id, None, accept_anomaly)),
    ]
    for name, fn in steps:
        outcome = _run_step(app, run_id, name, fn, attempts, backoff)
        report.steps.append(outcome)
        for shown in {id(p): p for p in (progress, extract_progress) if hasattr(p, "end_step")}.values():
            shown.end_step()  # the step's line goes under its finished bar
        if echo:
            echo(f"{name}: {outcome.status} (attempt {outcome.attempts}, {outcome.rows_in} in, "
                 f"{outcome.rows_out} out{', ' + outcome.error if outcome.error else ''})")
        if outcome.status != "ok":
            _alert(app, run_id, outcome)
            break
    return report


def _run_step(app: Lakehouse, run_id: str, name: str, fn, attempts: int, backoff: float) -> StepOutcome:
    for attempt in range(1, attempts + 1):
        started = _now()
        try:
            rows_in, rows_out, snapshots = fn()
        except Exception as exc:  # recorded, then re-raised or retried below
            transient = is_transient(exc) and attempt < attempts
            status = "retrying" if transient else "failed"
            _record(app, run_id, name, attempt, started, status, error=f"{type(exc).__name__}: {exc}")
            if not transient:
                if not (isinstance(exc, LakehouseError) or is_transient(exc)):
                    raise  # a bug, not a data or network problem: show the traceback
                return StepOutcome(name, "failed", attempt, error=(str(exc).splitlines() or [""])[0][:500],
                                   rejected=isinstance(exc, CheckFailedError))
            delay = backoff * 2 ** (attempt - 1) * (0.5 + random.random())
            logger.warning("%s: transient failure (%s); retrying in %.1fs", name, exc, delay)
            time.sleep(delay)
            continue
        _record(app, run_id, name, attempt, started, "ok", rows_in, rows_out, snapshots)
        return StepOutcome(name, "ok", attempt, rows_in, rows_out, snapshots)
    raise AssertionError("unreachable")  # pragma: no cover


def _ingest_house(app, years, source, types, progress, echo, ingested: dict[int, YearReport], run_id=None,
                  retry_missing=False):
    """Each year in turn, one line each; ``ingested`` holds the years done (a retry skips them)."""
    failures, where = [], source
    extra = {"retry_missing": True} if retry_missing else {}
    for number, year in enumerate(years, start=1):
        if year in ingested:
            continue
        report = app.ingest_house([year], types=types, source=source, progress=progress, run_id=run_id, **extra)
        where = report.source
        if hasattr(progress, "end_step"):
            progress.end_step()  # the year's line goes under its finished bar, not into it
        if progress and len(years) > 1:
            progress(number, len(years), "years")
        for y in report.years:
            if echo:
                echo(f"ingest.house {y.summary()}")
            if y.index_status == "failed":
                failures.append(y)
            else:
                ingested[y.year] = y
    if failures:
        failed = "; ".join(y.error or f"{y.year} failed" for y in failures)
        if all(y.transient for y in failures):
            raise SourceError(f"the index could not be fetched: {failed}", source=where or "",
                              reason="network", transient=True)
        raise PipelineError(f"the index could not be ingested: {failed}")
    done = [ingested[y] for y in years]
    rows_in = sum(y.records + y.documents_fetched for y in done)
    snaps = tuple(f"bronze.house_fd_index@{y.index_snapshot_id}" for y in done if y.index_snapshot_id)
    return rows_in, sum(y.documents_fetched for y in done), snaps


def resolve_senate_source(value: str | None) -> str | None:
    """The Senate step's source: None (no step) for unset, '' or 'off'; ``live`` or a mirror as given."""
    value = (value or "").strip()
    return None if value.lower() in ("", "off", "none") else (SENATE_LIVE if value.lower() == SENATE_LIVE else value)


def senate_dates(years: Sequence[int], since: dt.date | None = None, until: dt.date | None = None,
                 today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The dates received the Senate step asks for: ``since``/``until`` when given, else Jan 1 of the first
    year to Dec 31 of the last, never past today (the eFD search holds nothing before 2012).

    Raises:
        SenateRangeError: the range is empty (e.g. ``since`` after the last year asked).
    """
    from jobs.bronze.senate import FIRST_DATE

    today = today or dt.date.today()
    start = since or max(FIRST_DATE, dt.date(min(years), 1, 1))
    end = until or min(today, dt.date(max(years), 12, 31))
    if start > end:
        if since and not until:
            hint = "give --senate-until too, or years that reach it"
        elif not since and end < FIRST_DATE:
            hint = "the eFD search holds reports from 2012 on; leave the Senate out (--senate-source off)"
        elif since or until:
            hint = "give --senate-since on or before --senate-until"
        else:
            hint = "eFD has no reports from the future; give years up to this one"
        raise SenateRangeError(f"The Senate step would ask for reports received {start} to {end}, an empty "
                               f"range: {hint}.")
    return start, end


def incremental_senate_start(app, start: dt.date) -> dt.date:
    """A scheduled run's first date: :data:`SENATE_LOOKBACK_DAYS` before the latest date received held,
    back to Jan 1 of the year of any report still quarantined (not in bronze); ``start`` when none is held."""
    from catalog.registry import QUARANTINE, SENATE_REPORTS

    if app.store.current_snapshot_id(SENATE_REPORTS.identifier) is None:
        return start
    latest = app.query(f"select max(filed_date) as d from {SENATE_REPORTS.identifier}").column("d")[0].as_py()
    if latest is None:
        return start
    since = latest - dt.timedelta(days=SENATE_LOOKBACK_DAYS)
    if app.store.current_snapshot_id(QUARANTINE.identifier) is not None:
        pending = app.query(
            f"select min(q.year) as y from {QUARANTINE.identifier} q where q.stage = 'ingest.senate_report' "
            f"and q.doc_id is not null and q.year is not null and lower(q.doc_id) not in "
            f"(select report_id from {SENATE_REPORTS.identifier})").column("y")[0].as_py()
        if pending is not None:
            since = min(since, dt.date(pending, 1, 1))
    return since


def _ingest_senate(app, years, source, since, until, incremental, progress, echo, run_id):
    start, end = senate_dates(years, since, until)
    if incremental and since is None:
        start = min(incremental_senate_start(app, start), end)
    report = app.ingest_senate(start, end, source=None if source == SENATE_LIVE else source, progress=progress,
                               run_id=run_id)
    if hasattr(progress, "end_step"):
        progress.end_step()
    if echo:
        echo(f"ingest.{report}")
    sid = app.store.current_snapshot_id("bronze.senate_reports") if report.fetched else None
    return report.listed, report.fetched, (f"bronze.senate_reports@{sid}",) if sid else ()


def _ingest_members(app, source, run_id):
    r = app.ingest_members(source, run_id=run_id)
    return 0, getattr(r, "members", 0), ()


def _ingest_reference(app, source, run_id):
    r = app.ingest_reference(source, run_id=run_id)
    return r.securities, r.securities if r.status == "ingested" else 0, ()


def _transform(app, layer, run_id, progress=None, accept_anomaly=False):
    results = app.transform(layer, run_id=run_id, progress=progress, accept_anomaly=accept_anomaly)
    snaps = tuple(f"{r.output}@{r.snapshot_id}" for r in results if r.snapshot_id)
    return (sum(sum(r.rows_in.values()) for r in results), sum(r.rows_out for r in results), snaps)


def _record(app, run_id, step, attempt, started, status, rows_in=None, rows_out=None, snapshots=(), error=None):
    row = dict(run_id=run_id, step=step, attempt=attempt, started_at=started, ended_at=_now(), status=status,
               rows_in=rows_in, rows_out=rows_out, snapshots=",".join(snapshots), error=error)
    try:
        app.store.append(PIPELINE_RUNS.identifier, pa.Table.from_pylist([row], PIPELINE_RUNS.arrow_schema()))
    except Exception:  # the run log must never hide the step's own outcome
        logger.exception("could not record %s %s in ops.pipeline_runs", run_id, step)


def _alert(app, run_id: str, outcome: StepOutcome) -> None:
    try:
        from checks.alerts import send_pipeline_alert
    except ImportError:
        logger.error("pipeline %s failed at %s: %s", run_id, outcome.step, outcome.error)
        return
    send_pipeline_alert(app.settings, run_id=run_id, step=outcome.step, error=outcome.error or "")


def parse_every(text: str) -> float:
    """'90s', '15m', '1h', '1d' -> seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        value, unit = float(text[:-1]), units[text[-1].lower()]
    except (ValueError, KeyError, IndexError):
        raise ValueError(f"{text!r} is not a duration; use e.g. 90s, 15m, 1h or 1d") from None
    if value <= 0:
        raise ValueError("the interval must be positive")
    return value * unit


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
