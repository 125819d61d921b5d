"""Output: the console table, ``results.json`` and ``BENCHMARKS.md``."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.measure import Metric

PACKAGES = ("duckdb", "ibis-framework", "pyiceberg", "pyarrow", "pandas", "numpy", "sqlglot", "pypdfium2",
            "pdfplumber")
NOTES = Path(__file__).with_name("NOTES.md")


ISSUE_ORDER = ("incremental_vs_full", "ibis_vs_duckdb_sql", "pandas_vs_ours", "flight_named_p50_ms",
               "flight_named_qps_16", "flight_named_p99_ms", "flight_stream_vs_local", "flight_stream_gbps",
               "extract_pdfs_per_s", "pipeline_2025_s", "gold_memory_peak_mb", "web_vs_flight_p50",
               "web_vs_flight_qps_16", "web_trending_p50_ms", "flight_trending_p50_ms", "web_trending_qps_16",
               "flight_trending_qps_16")
"""The goals in the order of issue 8's table, then issue 16's (HTTP beside Flight); other rows (sizes,
trending) follow them."""


def ordered(metrics: list[Metric]) -> list[Metric]:
    rank = {name: i for i, name in enumerate(ISSUE_ORDER)}
    return sorted(metrics, key=lambda m: (rank.get(m.name, len(rank)), ))


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"cpus": os.cpu_count(), "python": platform.python_version(),
                            "platform": platform.platform()}
    try:
        with open("/proc/cpuinfo") as fh:
            info["cpu"] = next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
        with open("/proc/meminfo") as fh:
            kb = int(next(line.split()[1] for line in fh if line.startswith("MemTotal")))
            info["memory_gb"] = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    return info


def versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:g}"


def table_rows(metrics: list[Metric]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for m in metrics:
        goal = "—" if m.goal is None else f"{'≥' if m.higher_is_better else '≤'} {_fmt(m.goal)}"
        rows.append((m.name, _fmt(m.value), goal, m.unit, m.status))
    return rows


def console(metrics: list[Metric]) -> str:
    metrics = ordered(metrics)
    header = ("metric", "value", "goal", "unit", "status")
    rows = [header, *table_rows(metrics)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_json(path: Path, metrics: list[Metric], context: dict[str, Any]) -> None:
    body = {"generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **context}
    body.setdefault("machine", machine())  # a recorded run read back keeps the machine it ran on
    body.setdefault("versions", versions())
    body["metrics"] = [m.as_json() for m in metrics]
    path.write_text(json.dumps(body, indent=1, default=str) + "\n")


def read_json(path: Path) -> tuple[list[Metric], dict[str, Any]]:
    """Metrics and run context back from a results.json written by :func:`write_json`."""
    body = json.loads(path.read_text())
    metrics = []
    for m in body["metrics"]:
        metrics.append(Metric(m["name"], m["value"], m["goal"], m["unit"], m["goal_direction"] == ">=",
                              m["raw"], m["scope"], m["status"]))
    context = {k: v for k, v in body.items() if k != "metrics"}
    return metrics, context


def merge(recorded: list[Metric], new: list[Metric], new_body: dict[str, Any]) -> list[Metric]:
    """``recorded`` with ``new`` rows put in (same name replaced), each marked with its own run.

    A subset measured later (``--only … --record``) may run on another machine than the recorded run:
    its rows say which, so no ratio is read across machines.
    """
    mach = new_body.get("machine", {})
    when = str(new_body.get("generated_at", ""))[:16].replace("T", " ")
    where = f"{mach.get('cpus')} × {mach.get('cpu', '?')}"
    for m in new:
        m.raw = {**m.raw, "measured": {"at": new_body.get("generated_at"), "mode": new_body.get("mode"),
                                       "machine": mach, "versions": new_body.get("versions")}}
        m.scope += f" (measured in a separate run, {when} UTC, on {where})"
    names = {m.name for m in new}
    return [m for m in recorded if m.name not in names] + new


def write_markdown(path: Path, metrics: list[Metric], context: dict[str, Any]) -> None:
    metrics = ordered(metrics)
    mach, vers = context.get("machine") or machine(), context.get("versions") or versions()
    when = context.get("generated_at") or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out = [
        "# Benchmarks",
        "",
        "Every performance goal of issue 8, measured side by side in one run of `make bench` on one machine",
        "(ratios within a run are what count; absolute times on a shared 2-core machine are noise).",
        "This file is written by `python -m benchmarks`; the analysis sections come from",
        "`benchmarks/NOTES.md`. Raw timings behind every number: `benchmarks/results.json`.",
        "",
        f"Run: {when[:16].replace('T', ' ')} UTC, mode **{context.get('mode')}**, "
        f"{context.get('wall_s', 0):.0f} s in total.",
        "",
        "## Machine and versions",
        "",
        f"- {mach.get('cpus')} CPUs ({mach.get('cpu', '?')}), {mach.get('memory_gb', '?')} GB RAM, "
        f"{mach.get('platform')}",
        f"- Python {mach.get('python')}; " + ", ".join(f"{k} {v}" for k, v in vers.items()),
        "",
        "## Results",
        "",
        "| metric | value | goal | unit | status | what was measured |",
        "|---|---|---|---|---|---|",
    ]
    for m, (name, value, goal, unit, status) in zip(metrics, table_rows(metrics), strict=True):
        mark = {"holds": "✅ holds", "fails": "❌ fails", "info": "info", "pending": "⏳ pending"}.get(status, status)
        out.append(f"| `{name}` | {value} | {goal} | {unit} | {mark} | {m.scope} |")
    out += ["", "## Data", ""]
    for line in context.get("data", []):
        out.append(f"- {line}")
    if NOTES.exists():
        out += ["", NOTES.read_text().strip(), ""]
    out += ["## Raw numbers of this run", "", "Per metric, the measurements behind the value "
            "(seconds unless named otherwise):", ""]
    for m in metrics:
        out.append(f"<details><summary><code>{m.name}</code></summary>\n\n```json\n"
                   f"{json.dumps(m.raw, indent=1, default=str)[:6000]}\n```\n</details>\n")
    path.write_text("\n".join(out).rstrip() + "\n")
