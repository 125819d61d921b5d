"""Progress of long steps: the callback jobs call, and the ETA arithmetic every display shares.

Jobs may not import the CLI, so they take a :class:`ProgressFn` and call it as work finishes:
``progress(done, total)``, or ``progress(done, total, "2025 PDFs")`` to name the step (a new
label starts a new count). The edge decides how to show it (``lakehouse.cli.support.Progress``: a
bar on a terminal, periodic log lines otherwise).
"""

from __future__ import annotations

from typing import Protocol


class ProgressFn(Protocol):
    """Called as work finishes: ``done`` of ``total`` items of the step named ``label``."""

    def __call__(self, done: int, total: int, label: str | None = None, /) -> None: ...


def eta_seconds(done: int, total: int, elapsed: float) -> float | None:
    """Seconds left at the rate so far; None before the first item (no rate yet)."""
    if done <= 0 or total <= 0:
        return None
    return max(0.0, elapsed / done * (total - done))


def format_duration(seconds: float) -> str:
    """'45s', '2m05s', '1h04m' — short enough for a log line."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def describe(label: str, done: int, total: int, elapsed: float) -> str:
    """One line: ``'2025 PDFs: 120/471 (25%), 30s elapsed, ETA 1m28s'``."""
    pct = f" ({100 * done // total}%)" if total else ""
    line = f"{label}: {done}/{total}{pct}, {format_duration(elapsed)} elapsed"
    if done >= total:
        return line + ", done"
    eta = eta_seconds(done, total, elapsed)
    return line + (f", ETA {format_duration(eta)}" if eta is not None else "")
