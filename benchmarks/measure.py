"""Measuring helpers: metrics, repeated timings, and child processes with a memory watchdog."""

from __future__ import annotations

import dataclasses
import logging
import math
import multiprocessing
import os
import queue
import resource
import statistics
import time
import traceback
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Metric:
    """One row of results.json."""

    name: str
    value: float | None
    goal: float | None
    unit: str
    higher_is_better: bool = False
    raw: dict[str, Any] = dataclasses.field(default_factory=dict)
    """The timings behind the value, and how it was measured."""
    scope: str = ""
    """What exactly was measured (size, tables, caveats)."""
    status: str = ""
    """'holds', 'fails', 'pending' (not measurable yet) or 'info' (no goal); set by :meth:`judge`."""

    def judge(self) -> Metric:
        if self.status == "pending" or self.value is None:
            self.status = self.status or "pending"
        elif self.goal is None:
            self.status = "info"
        elif self.higher_is_better:
            self.status = "holds" if self.value >= self.goal else "fails"
        else:
            self.status = "holds" if self.value <= self.goal else "fails"
        return self

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "goal": self.goal, "unit": self.unit,
                "goal_direction": ">=" if self.higher_is_better else "<=", "status": self.status,
                "scope": self.scope, "raw": self.raw}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = fn()
    return time.perf_counter() - began, result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class ChildFailed(RuntimeError):
    """A measurement child was killed by the watchdog or raised."""

    def __init__(self, message: str, *, reason: str, peak_mb: float, seconds: float) -> None:
        super().__init__(message)
        self.reason = reason
        self.peak_mb = peak_mb
        self.seconds = seconds


def _child_main(fn: Callable[..., Any], args: tuple, out: Any) -> None:
    logging.basicConfig(level=os.environ.get("BENCH_LOG_LEVEL", "WARNING"))
    try:
        result = fn(*args)
        out.put(("ok", result, peak_rss_mb()))
    except BaseException as exc:  # reported to the parent, which decides
        out.put(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}", peak_rss_mb()))


def run_child(
    fn: Callable[..., Any], *args: Any, max_rss_mb: float = 12_000, timeout_s: float = 1800
) -> tuple[Any, float, float]:
    """Run ``fn(*args)`` in a spawned process; returns (result, peak RSS MiB, seconds).

    The parent polls the child's RSS and kills it above ``max_rss_mb`` (so one runaway query
    cannot take the machine down) or after ``timeout_s``.

    Raises:
        ChildFailed: the child raised, was killed, or ran out of time.
    """
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    # Not a daemon: some measured code (the silver step) starts its own process pool.
    proc = ctx.Process(target=_child_main, args=(fn, args, out))
    began = time.perf_counter()
    proc.start()
    watched_peak = 0.0
    try:
        while True:
            try:
                status, payload, peak = out.get(timeout=0.25)
                break
            except queue.Empty:
                pass
            current = rss_mb(proc.pid)
            watched_peak = max(watched_peak, current)
            elapsed = time.perf_counter() - began
            if current > max_rss_mb or elapsed > timeout_s or not proc.is_alive():
                reason = ("memory" if current > max_rss_mb else "timeout" if elapsed > timeout_s else "died")
                proc.kill()
                proc.join()
                raise ChildFailed(f"{getattr(fn, '__name__', fn)}: {reason} (RSS {current:.0f} MiB after "
                                  f"{elapsed:.0f} s, exit code {proc.exitcode})", reason=reason,
                                  peak_mb=watched_peak, seconds=elapsed)
    finally:
        proc.join(timeout=30)
        if proc.is_alive():  # e.g. the parent was interrupted: never leave a child behind
            proc.kill()
            proc.join()
    seconds = time.perf_counter() - began
    if status != "ok":
        raise ChildFailed(str(payload), reason="error", peak_mb=max(peak, watched_peak), seconds=seconds)
    return payload, max(peak, watched_peak), seconds
