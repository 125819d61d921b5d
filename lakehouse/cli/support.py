"""What every ``lakehouse`` command shares: the per-invocation context, error handling, and the
options several commands take (years, versions, progress). Command modules import only this."""

from __future__ import annotations

import functools
import logging
import sys

import click

from core.errors import LakehouseError
from core.settings import load_settings


class Context:
    """Per-invocation state: settings now, the lakehouse (catalog connection) on first use."""

    def __init__(self, home: str | None, debug: bool) -> None:
        self.settings = load_settings(home=home)
        self.debug = debug
        self._app = None

    @property
    def app(self):
        if self._app is None:
            from lakehouse.app import Lakehouse

            self._app = Lakehouse.open(self.settings)
        return self._app


pass_ctx = click.make_pass_decorator(Context)


class JsonLogFormatter(logging.Formatter):
    """One JSON object per log record, for log shippers."""

    def format(self, record: logging.LogRecord) -> str:
        import json

        entry = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"), "level": record.levelname,
                 "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def handle_errors(fn):
    """Turn LakehouseError into 'Error: …' and its exit code (full traceback with --debug)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except LakehouseError as exc:
            ctx = click.get_current_context()
            if ctx.find_object(Context) and ctx.find_object(Context).debug:
                raise
            click.secho(f"Error: {exc}", fg="red", err=True)
            ctx.exit(int(exc.exit_code))

    return wrapper


def year_options(default_help: str):
    """``--year Y`` (repeatable) and ``--years RANGE`` (2012-2026, 2018,2020-2022), shared by commands."""

    def decorate(fn):
        fn = click.option("--years", "year_ranges", multiple=True, metavar="RANGE",
                          help="Filing years as a range or list, e.g. 2012-2026 or 2018,2020-2022 "
                               "(2008, the first year the Clerk publishes, to next year).")(fn)
        return click.option("--year", "years", type=int, multiple=True,
                            help=f"Filing year; repeat for several [{default_help}].")(fn)

    return decorate


def chosen_years(years: tuple[int, ...], year_ranges: tuple[str, ...], *, default_current: bool) -> list[int]:
    """The years of --year and --years together; a year the Clerk does not publish is a usage error."""
    from core.years import YearRangeError, resolve_years

    try:
        chosen = resolve_years(years, year_ranges, default_current=default_current)
    except YearRangeError as exc:
        raise click.UsageError(str(exc)) from None
    if not chosen:
        raise click.UsageError("Give the filing years: --year 2025 (repeatable) or --years 2012-2026.")
    return chosen


def as_of_options(fn):
    """``--snapshot``, ``--as-of`` and ``--tag``, shared by the commands that read the past."""
    fn = click.option("--tag", default=None, help="Read tables at this tag.")(fn)
    fn = click.option("--as-of", "as_of", default=None, help="Read tables as of this time (ISO 8601; UTC if no zone).")(fn)
    fn = click.option("--snapshot", "snapshot_id", type=int, default=None, help="Read at this snapshot id.")(fn)
    return fn


def version_of(snapshot_id: int | None, as_of: str | None, tag: str | None):
    """The version the ``--snapshot``/``--as-of``/``--tag`` flags select (:func:`core.asof.parse_as_of`)."""
    from core.asof import parse_as_of
    from core.errors import QueryError

    try:
        return parse_as_of(snapshot_id, as_of, tag, source="command line", names=("--snapshot", "--as-of", "--tag"))
    except QueryError as exc:
        raise click.UsageError(str(exc)) from None


class Progress:
    """Progress of long steps, for every command: ``with Progress("label") as progress: job(progress=progress)``.

    The callback (:class:`core.progress.ProgressFn`) takes ``(done, total)`` or ``(done, total,
    label)``; a new label or total starts a new step. On a terminal it draws a bar on stderr with
    counts and an ETA. Otherwise (cron, a pipe) it logs an INFO line on logger
    ``lakehouse.progress`` at most every ``every`` seconds, plus one when a step that took that
    long ends, so a cron log shows where a long run is while fast steps stay silent.
    """

    def __init__(self, label: str, *, every: float = 15.0, tty: bool | None = None, clock=None) -> None:
        import time

        self.label, self.bar, self.every = label, None, every
        self._tty = sys.stderr.isatty() if tty is None else tty
        self._clock = clock or time.monotonic
        self._step: tuple[str, int] | None = None
        self._started = self._logged = 0.0
        self._done = 0

    def __enter__(self) -> Progress:
        return self

    def __call__(self, done: int, total: int, label: str | None = None) -> None:
        self.update(done, total, label)

    def end_step(self) -> None:
        """Close the current bar (before printing a line under it); the next call starts a new one."""
        self._close_bar()
        self._step = None

    def update(self, done: int, total: int, label: str | None = None) -> None:
        label = label or self.label
        now = self._clock()
        if self._step != (label, total) or done < self._done:  # a new step (the next year's PDFs …)
            self._close_bar()
            self._step, self._started, self._logged = (label, total), now, now
        self._done = done
        if self._tty:
            if self.bar is None:
                self.bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True)
                self.bar.__enter__()
            self.bar.update(done - self.bar.pos)
            return
        finished = done >= total
        if now - self._logged >= self.every or (finished and now - self._started >= self.every):
            from core.progress import describe

            logging.getLogger("lakehouse.progress").info("%s", describe(label, done, total, now - self._started))
            self._logged = now

    def _close_bar(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*(exc or (None, None, None)))
            self.bar = None

    def __exit__(self, *exc) -> None:
        self._close_bar(*exc)


def show_progress_logs(level: str) -> None:
    """Let progress lines (INFO, logger ``lakehouse.progress``) through at the default WARNING level,
    so a cron log shows a long run's progress; ``--log-level ERROR`` silences them."""
    if logging.getLevelName(level.upper()) <= logging.WARNING:
        logging.getLogger("lakehouse.progress").setLevel(min(logging.INFO, logging.getLevelName(level.upper())))
