"""``lakehouse pipeline run`` with its Senate step: the real eFD captures served as a mirror over HTTP on
127.0.0.1 beside the real 2025 House Clerk mirror, both chambers through silver and gold in one run.

The Senate mirror holds the real June 2026 search answer (13 reports) and the real pages of six of them;
the seven pages never captured are quarantined, as pages the site failed to serve would be, and a later
scheduled run goes back for them.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from lakehouse.app import Lakehouse
from lakehouse.cli import main
from lakehouse.pipeline import SENATE_LOOKBACK_DAYS, SenateRangeError, run_pipeline, senate_dates
from tests.conftest import SHARED_DATA, build_clerk_mirror, mirror_server, test_settings
from tests.integration.test_senate_efd import build_mirror, captures  # noqa: F401  (captures: a fixture)

pytestmark = pytest.mark.integration

JUNE = ("--senate-since", "2026-06-01", "--senate-until", "2026-07-02")
STEPS = ["ingest.members", "ingest.house", "ingest.senate", "transform.silver", "transform.gold"]


@pytest.fixture(scope="module")
def house(tmp_path_factory, house_data):
    root = build_clerk_mirror(tmp_path_factory.mktemp("clerk"), house_data)
    with mirror_server(root) as (url, _):
        yield url


@pytest.fixture
def senate(tmp_path, captures):  # noqa: F811
    root = build_mirror(tmp_path / "efd", captures, index=True)  # index.json: an HTTP mirror lists its answers
    with mirror_server(root) as (url, handler):
        yield root, url, handler


def _steps(app: Lakehouse) -> list[dict]:
    return app.query("select run_id, step, attempt, status, rows_in, rows_out, snapshots from ops.pipeline_runs "
                     "order by started_at").to_pylist()


def test_pipeline_ingests_the_senate_beside_the_house_into_gold(tmp_path, house, senate):
    _, senate_url, handler = senate
    home = tmp_path / "lh"
    env = {"LAKEHOUSE_HOME": str(home), "LAKEHOUSE_HTTP_RATE": "100000"}
    result = CliRunner().invoke(main, ["pipeline", "run", "--year", "2025", "--source", house, "--members-source",
                                       str(SHARED_DATA / "members"), "--senate-source", senate_url, *JUNE], env=env)
    assert result.exit_code == 0, result.output
    assert "ingest.senate 2026-06-01..2026-07-02: 13 reports listed via mirror, 6 fetched (7 paper page images), " \
           "0 already held, 7 quarantined" in result.output.splitlines()
    assert "ingest.senate: ok (attempt 1, 13 in, 6 out)" in result.output
    assert result.output.splitlines()[-1].endswith(": ok")

    app = Lakehouse.open(test_settings(home))
    steps = _steps(app)
    assert [(s["step"], s["attempt"], s["status"]) for s in steps] == [(s, 1, "ok") for s in STEPS]
    step = steps[2]
    assert (step["rows_in"], step["rows_out"]) == (13, 6)
    assert step["snapshots"] == f"bronze.senate_reports@{app.store.current_snapshot_id('bronze.senate_reports')}"
    assert len({s["run_id"] for s in steps}) == 1
    assert "/search/report/data/index.json" in handler.requests_seen  # read over HTTP, not from disk

    # Both chambers in gold, every Senate report with its Senator.
    filings = app.query("select chamber, count(*) as n, count(bioguide_id) as with_member from gold.fact_filings "
                        "group by chamber order by chamber").to_pylist()
    assert filings == [{"chamber": "house", "n": 1616, "with_member": 568},
                       {"chamber": "senate", "n": 6, "with_member": 6}]
    facts = app.query(
        "select left(doc_id, 8) as report, count(*) as n, min(bioguide_id) as who from gold.fact_transactions "
        "where chamber = 'senate' group by 1 order by 1").to_pylist()
    # The 10:19 Boozman original is restated by Amendment 1 (727b4eb6): only the amendment's 18 rows count.
    assert [(r["report"], r["n"], r["who"]) for r in facts] == [
        ("2e076759", 15, "B001236"), ("4aa0094d", 3, "W000802"), ("4b69867f", 1, "F000479"),
        ("727b4eb6", 18, "B001236")]
    house_rows = app.query("select count(*) as n from gold.fact_transactions where chamber = 'house'").to_pylist()
    assert house_rows == [{"n": 72}]  # the three real 2025 PTR PDFs
    assert app.store.read("bronze.senate_paper_pages").num_rows == 7

    # A scheduled run (--every) starts from the reports held, back to the year of the 7 still quarantined:
    # they are asked for again; nothing held is fetched again, and the transforms find nothing new.
    lines: list[str] = []
    report = run_pipeline(app, [2025], source=house, senate_source=senate_url, senate_until=dt.date(2026, 7, 2),
                          senate_incremental=True, echo=lines.append)
    assert report.ok
    assert ("ingest.senate 2026-01-01..2026-07-02: 13 reports listed via mirror, 0 fetched (0 paper page images), "
            "6 already held, 7 quarantined") in lines
    again = _steps(app)[len(steps):]
    assert [(s["step"], s["status"], s["rows_in"], s["rows_out"], s["snapshots"]) for s in again[1:]] == [
        ("ingest.senate", "ok", 13, 0, ""), ("transform.silver", "ok", 0, 0, ""), ("transform.gold", "ok", 0, 0, "")]


def test_scheduled_run_looks_back_from_the_latest_report_held(tmp_path, house, senate):
    """With nothing quarantined, a scheduled run asks only for the 30 days before the latest date received."""
    root, senate_url, _ = senate
    answer = root / "search" / "report" / "data" / "ptr-2026-06.json"
    saved = json.loads(answer.read_bytes())  # the real answer, narrowed to the six reports whose pages exist
    pages = {p.parent.name for p in root.glob("search/view/*/*/index.html")}
    saved["data"] = [row for row in saved["data"] if any(uuid in row[3] for uuid in pages)]
    saved["recordsTotal"] = saved["recordsFiltered"] = len(saved["data"])
    answer.write_text(json.dumps(saved))
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    lines: list[str] = []
    options = dict(source=house, senate_source=senate_url, senate_until=dt.date(2026, 7, 2), echo=lines.append)
    assert run_pipeline(app, [2025], senate_since=dt.date(2026, 6, 1), **options).ok
    assert ("ingest.senate 2026-06-01..2026-07-02: 6 reports listed via mirror, 6 fetched (7 paper page images), "
            "0 already held, 0 quarantined") in lines
    assert run_pipeline(app, [2025], senate_incremental=True, **options).ok
    # The latest report held was received 06/16/2026 (Boozman); 30 days before it is 05/17.
    assert dt.date(2026, 6, 16) - dt.timedelta(days=SENATE_LOOKBACK_DAYS) == dt.date(2026, 5, 17)
    assert ("ingest.senate 2026-05-17..2026-07-02: 6 reports listed via mirror, 0 fetched (0 paper page images), "
            "6 already held, 0 quarantined") in lines


def test_senate_step_is_off_unless_asked_and_a_bad_range_is_refused_before_anything_runs(tmp_path, house):
    home = tmp_path / "lh"
    env = {"LAKEHOUSE_HOME": str(home), "LAKEHOUSE_HTTP_RATE": "100000"}
    runner = CliRunner()
    # LAKEHOUSE_SENATE_SOURCE asks for the step; a start after the years' end (2025-12-31) is an empty range.
    bad = runner.invoke(main, ["pipeline", "run", "--year", "2025", "--source", house, "--senate-since", "2026-06-01"],
                        env={**env, "LAKEHOUSE_SENATE_SOURCE": "live"})
    assert bad.exit_code == 2, bad.output
    assert ("Error: The Senate step would ask for reports received 2026-06-01 to 2025-12-31, an empty range: give "
            "--senate-until too, or years that reach it.") in bad.output
    assert "ops.pipeline_runs" not in Lakehouse.open(test_settings(home)).store.list_tables()  # nothing ran
    # 'off' overrides the variable: the House alone, as without either.
    off = runner.invoke(main, ["pipeline", "run", "--year", "2025", "--source", house, "--senate-source", "off"],
                        env={**env, "LAKEHOUSE_SENATE_SOURCE": "live"})
    assert off.exit_code == 0, off.output
    steps = [s["step"] for s in _steps(Lakehouse.open(test_settings(home)))]
    assert steps == ["ingest.house", "transform.silver", "transform.gold"]
    # The years' range by default: Jan 1 of the first to Dec 31 of the last, never past today.
    assert senate_dates([2024, 2025], today=dt.date(2026, 3, 1)) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    assert senate_dates([2026], today=dt.date(2026, 3, 1)) == (dt.date(2026, 1, 1), dt.date(2026, 3, 1))
    assert senate_dates([2010, 2013], today=dt.date(2026, 3, 1)) == (dt.date(2012, 1, 1), dt.date(2013, 12, 31))
    with pytest.raises(SenateRangeError, match="the eFD search holds reports from 2012 on"):
        senate_dates([2010], today=dt.date(2026, 3, 1))
