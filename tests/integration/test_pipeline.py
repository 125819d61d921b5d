"""``lakehouse pipeline run``: steps recorded, faults retried, concurrency and SIGKILL survived."""

from __future__ import annotations

import collections
import datetime as dt
import logging
import os
import random
import re
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from catalog.registry import iter_specs
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from lakehouse.pipeline import parse_every, run_pipeline
from tests.conftest import REPO, RESET, SLOW, build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

GOLD = [s.identifier for s in iter_specs("gold")]


def gold_state(app: Lakehouse) -> dict[str, list]:
    out = {}
    for name in GOLD:
        rows = app.store.read(name).to_pylist()
        out[name] = sorted(tuple((k, str(v)) for k, v in sorted(r.items())) for r in rows)
    return out


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, house_data):
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    with mirror_server(root) as (url, _):
        yield root, url


@pytest.fixture(scope="module")
def reference_gold(mirror, tmp_path_factory):
    """Gold of one uninterrupted pipeline run."""
    app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("ref")))
    assert run_pipeline(app, [2025], source=mirror[1]).ok
    return gold_state(app)


def test_pipeline_records_every_step_and_reruns_cleanly(tmp_path, mirror, reference_gold):
    home = tmp_path / "lh"
    env = {"LAKEHOUSE_HOME": str(home), "LAKEHOUSE_HTTP_RATE": "100000"}
    runner = CliRunner()
    first = runner.invoke(main, ["pipeline", "run", "--year", "2025", "--source", mirror[1]], env=env)
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[-1].endswith(": ok")
    again = runner.invoke(main, ["pipeline", "run", "--year", "2025", "--source", mirror[1]], env=env)
    assert again.exit_code == 0
    app = Lakehouse.open(test_settings(home))
    steps = app.query("select run_id, step, attempt, status, rows_out from ops.pipeline_runs "
                      "order by started_at").to_pylist()
    assert [(s["step"], s["status"]) for s in steps] == [
        ("ingest.house", "ok"), ("transform.silver", "ok"), ("transform.gold", "ok")] * 2
    assert len({s["run_id"] for s in steps}) == 2
    assert [s["rows_out"] for s in steps[3:]] == [0, 0, 0]  # nothing new the second time
    assert gold_state(app) == reference_gold
    shown = runner.invoke(main, ["runs", "--last", "1"], env=env)
    assert shown.exit_code == 0 and "transform.gold" in shown.output and steps[-1]["run_id"] in shown.output


def test_network_faults_are_retried_and_never_committed(tmp_path, house_data):
    root = build_clerk_mirror(tmp_path / "m", house_data)
    faults = {
        "/public_disc/financial-pdfs/2025FD.zip": [(503, b"busy")] * 4,          # beats the HTTP retries once
        "/public_disc/ptr-pdfs/2025/20026590.pdf": [(RESET, b"")],             # a reset, retried by HTTP
        "/public_disc/ptr-pdfs/2025/20026658.pdf": [(SLOW, b"3")] * 3,          # slower than the timeout
    }
    with mirror_server(root, faults) as (url, handler):
        app = Lakehouse.open(test_settings(tmp_path / "lh", LAKEHOUSE_HTTP_TIMEOUT="1"))
        report = run_pipeline(app, [2025], source=url, backoff=0.01)
    assert report.ok
    steps = app.query("select step, attempt, status, error from ops.pipeline_runs order by started_at").to_pylist()
    assert [(s["step"], s["attempt"], s["status"]) for s in steps[:2]] == [
        ("ingest.house", 1, "retrying"), ("ingest.house", 2, "ok")]
    assert "HTTP 503" in steps[0]["error"]
    held = app.query("select doc_id from bronze.house_documents order by doc_id").column("doc_id").to_pylist()
    assert held == ["20026590", "20027933"]
    slow = app.query("select reason_code from ops.quarantine where doc_id = '20026658'").to_pylist()
    assert slow == [{"reason_code": "network"}]
    assert handler.requests_seen.count("/public_disc/ptr-pdfs/2025/20026590.pdf") == 2


def test_two_pipelines_at_once_both_finish(tmp_path, mirror, reference_gold):
    home = tmp_path / "lh"
    env = {**os.environ, "LAKEHOUSE_HOME": str(home), "LAKEHOUSE_HTTP_RATE": "100000"}
    Lakehouse.open(test_settings(home)).init()
    cmd = [sys.executable, "-m", "lakehouse", "pipeline", "run", "--year", "2025", "--source", mirror[1]]
    procs = [subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    app = Lakehouse.open(test_settings(home))
    assert gold_state(app) == reference_gold
    dups = app.query("select count(*) - count(distinct doc_id || '-' || line_no) as d from silver.ptr_transactions")
    assert dups.to_pylist() == [{"d": 0}]


def _killed_in(app: Lakehouse, since) -> str:
    """The step a killed run was in: the one after its last recorded step."""
    order = ["ingest.house", "transform.silver", "transform.gold"]
    done = app.query(f"select step from ops.pipeline_runs where status = 'ok' and started_at > "
                     f"TIMESTAMPTZ '{since.isoformat()}'").column("step").to_pylist() if since else []
    return next((s for s in order if s not in done), "after transform.gold")


def test_sigkill_at_random_points_converges(tmp_path, mirror, reference_gold, record_property):
    home = tmp_path / "lh"
    env = {**os.environ, "LAKEHOUSE_HOME": str(home), "LAKEHOUSE_HTTP_RATE": "100000"}
    cmd = [sys.executable, "-m", "lakehouse", "pipeline", "run", "--year", "2025", "--source", mirror[1]]
    timing = Lakehouse.open(test_settings(tmp_path / "timing"))
    started = time.perf_counter()
    run_pipeline(timing, [2025], source=mirror[1])
    duration = time.perf_counter() - started + 1.5  # plus interpreter start-up
    rng = random.Random(7)
    # Loop until enough kills landed, not a fixed number of runs: a run that resumes after a kill
    # (or follows a recovery) has less to do and often finishes before its random kill time.
    kills, runs, stages, recoveries = 0, 0, collections.Counter(), 0
    while kills < 12 and runs < 48:
        runs += 1
        since = dt.datetime.now(dt.UTC)
        proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, duration))
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        app = Lakehouse.open(test_settings(home))
        if proc.returncode == -signal.SIGKILL:
            stages[_killed_in(app, since) if "ops.pipeline_runs" in app.store.list_tables() else "start-up"] += 1
        for name in app.store.list_tables():
            app.store.read(name, columns=[app.store.table(name).schema().fields[0].name])  # readable
        if killed and kills % 4 == 0:  # every few kills, let a run finish: it must converge
            assert run_pipeline(app, [2025], source=mirror[1]).ok
            assert gold_state(app) == reference_gold
            recoveries += 1
    record_property("kills_by_step", dict(stages))
    logging.getLogger(__name__).warning("%d runs, %d SIGKILLs (%s), %d recoveries to the reference gold",
                                        runs, kills, dict(stages), recoveries + 1)
    assert kills >= 12, f"only {kills} of {runs} runs were still running at their kill time"
    app = Lakehouse.open(test_settings(home))
    assert run_pipeline(app, [2025], source=mirror[1]).ok
    assert gold_state(app) == reference_gold


def test_parse_every():
    assert [parse_every(x) for x in ("90s", "15m", "1h", "2d")] == [90, 900, 3600, 172800]
    with pytest.raises(ValueError, match="not a duration"):
        parse_every("hourly")


def test_a_rejected_batch_stops_the_pipeline_with_exit_code_3(tmp_path, house_data):
    """Bad data is not retried: the step fails once, main keeps its state, and the exit code says 'checks'.

    One odd record is published with its quality issue; 50 filing dates in 2095 (3 %) are a systemic
    fault that blocks the batch."""
    root = build_clerk_mirror(tmp_path / "mirror", house_data, pdfs=False)
    xml = (house_data / "2025FD.xml").read_text(encoding="utf-8-sig")
    (root / "public_disc/financial-pdfs/2025FD.zip").unlink()
    (root / "public_disc/financial-pdfs/2025FD.xml").write_text(
        re.sub(r"/2025</FilingDate>", "/2095</FilingDate>", xml, count=50),
        encoding="utf-8-sig")
    env = {"LAKEHOUSE_HOME": str(tmp_path / "lh"), "LAKEHOUSE_HTTP_RATE": "100000"}
    with mirror_server(root) as (url, _):
        result = CliRunner().invoke(main, ["pipeline", "run", "--year", "2025", "--types", "", "--source", url,
                                           "--attempts", "3"], env=env)
    assert result.exit_code == 3, result.output
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    steps = app.query("select step, attempt, status from ops.pipeline_runs order by started_at").to_pylist()
    assert steps == [{"step": "ingest.house", "attempt": 1, "status": "ok"},
                     {"step": "transform.silver", "attempt": 1, "status": "failed"}]
    assert app.store.row_count("silver.filings") == 0


def test_backfill_of_several_years_in_one_command(tmp_path, house_data):
    """`pipeline run --years 2023-2025`: a line per year as its index lands, silver and gold over all
    three years, and a re-run that finds every index unchanged and writes nothing."""
    root = build_clerk_mirror(tmp_path / "mirror", house_data, year=2023, pdfs=False)
    build_clerk_mirror(root, house_data, year=2024, index_source="2024FD_partial_to_2024-08-04", pdfs=False)
    build_clerk_mirror(root, house_data, year=2025, pdfs=False)
    env = {"LAKEHOUSE_HOME": str(tmp_path / "lh"), "LAKEHOUSE_HTTP_RATE": "100000"}
    with mirror_server(root) as (url, _):
        args = ["pipeline", "run", "--years", "2023-2025", "--types", "", "--source", url, "--accept-anomaly"]
        first = CliRunner().invoke(main, args, env=env)
        again = CliRunner().invoke(main, args, env=env)
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert [line.split(" (")[0] for line in lines[:3]] == [
        "ingest.house 2023: index ingested", "ingest.house 2024: index ingested", "ingest.house 2025: index ingested"]
    assert "1098 records" in lines[1] and "PDFs: 0 fetched, 0 already held, 0 failed" in lines[1]
    assert again.exit_code == 0, again.output
    assert [line.split(" (")[0] for line in again.stdout.splitlines()[:3]] == [
        f"ingest.house {y}: index unchanged" for y in (2023, 2024, 2025)]
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    assert app.store.row_count("bronze.house_fd_index") == 1549 + 1098 + 1618
    years = app.query("select distinct year from silver.filings order by year").column("year").to_pylist()
    assert years == [2023, 2024, 2025]
    steps = app.query("select step, status, rows_out from ops.pipeline_runs order by started_at").to_pylist()
    assert [(s["step"], s["status"]) for s in steps] == [
        ("ingest.house", "ok"), ("transform.silver", "ok"), ("transform.gold", "ok")] * 2
    assert [s["rows_out"] for s in steps[3:]] == [0, 0, 0]
