"""The one progress helper: counts and ETA as log lines off a terminal, nothing for fast steps."""

from __future__ import annotations

import logging

from core.progress import describe, eta_seconds, format_duration
from lakehouse.cli.support import Progress, show_progress_logs


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_eta_and_line():
    assert eta_seconds(0, 471, 5.0) is None
    assert eta_seconds(120, 471, 30.0) == 30.0 / 120 * 351
    assert [format_duration(s) for s in (4.6, 125, 3840)] == ["5s", "2m05s", "1h04m"]
    assert describe("2025 PDFs", 120, 471, 30.0) == "2025 PDFs: 120/471 (25%), 30s elapsed, ETA 1m28s"
    assert describe("2025 PDFs", 471, 471, 118.0) == "2025 PDFs: 471/471 (100%), 1m58s elapsed, done"


def test_log_lines_every_interval_and_at_the_end_of_a_long_step(caplog):
    clock = Clock()
    caplog.set_level(logging.INFO, logger="lakehouse.progress")
    with Progress("ingest house", every=15, tty=False, clock=clock) as progress:
        progress(0, 1, "2025 index")
        progress(1, 1, "2025 index")  # fast: silent
        progress(0, 120, "2025 PDFs")
        for done in range(1, 121):
            clock.now += 0.25  # 4 PDFs a second, as the Clerk allows
            progress(done, 120, "2025 PDFs")
    assert [r.getMessage() for r in caplog.records] == [
        "2025 PDFs: 60/120 (50%), 15s elapsed, ETA 15s",
        "2025 PDFs: 120/120 (100%), 30s elapsed, done",
    ]


def test_two_argument_calls_use_the_default_label(caplog):
    clock = Clock()
    caplog.set_level(logging.INFO, logger="lakehouse.progress")
    with Progress("extracting PDFs", every=1, tty=False, clock=clock) as progress:
        progress(0, 4)
        clock.now = 2.0
        progress(1, 4)
    assert [r.getMessage() for r in caplog.records] == ["extracting PDFs: 1/4 (25%), 2s elapsed, ETA 6s"]


def test_progress_shows_at_the_default_level_and_not_at_error():
    logger = logging.getLogger("lakehouse.progress")
    try:
        show_progress_logs("WARNING")
        assert logger.level == logging.INFO
        logger.setLevel(logging.NOTSET)
        show_progress_logs("ERROR")
        assert logger.level == logging.NOTSET
    finally:
        logger.setLevel(logging.NOTSET)
