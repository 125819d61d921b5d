"""``run_pipeline`` over many years, on a stand-in lakehouse: a line per year, a retry resumes at
the years not done, a bad year stops before silver, and ``accept_anomaly`` reaches both transforms."""

from __future__ import annotations

import pytest

from core.errors import SourceError
from core.years import YearRangeError
from jobs.bronze.house import IngestReport, YearReport
from lakehouse.pipeline import run_pipeline
from tests.conftest import test_settings


class FakeStore:
    def append(self, identifier, table, summary=None):
        return None


class FakeApp:
    """Records what the pipeline asks of the lakehouse; ``fail`` maps a year to outcomes to give first."""

    def __init__(self, settings, fail=None):
        self.settings, self.store = settings, FakeStore()
        self.fail = {y: list(v) for y, v in (fail or {}).items()}
        self.ingested: list[int] = []
        self.transforms: list[tuple[str, dict]] = []
        self.inits = 0

    def init(self):
        self.inits += 1
        return []

    def ingest_house(self, years, *, types=("P",), source=None, progress=None, run_id=None):
        (year,) = years
        self.ingested.append(year)
        outcome = self.fail.get(year, []).pop(0) if self.fail.get(year) else "ok"
        if outcome == "raise":
            raise SourceError("GET … failed", source="http://mirror", reason="network", transient=True)
        yr = YearReport(year, index_url=f"http://mirror/{year}FD.zip", index_format="xml", records=100)
        if outcome == "bad":
            yr.index_status, yr.error = "failed", f"{year}: the index XML is malformed"
        else:
            yr.index_status, yr.documents_fetched, yr.index_snapshot_id = "ingested", 1, year
        return IngestReport(run_id="r", source="http://mirror", years=[yr])

    def transform(self, layer, *, run_id=None, progress=None, accept_anomaly=False):
        self.transforms.append((layer, {"accept_anomaly": accept_anomaly}))
        return []


@pytest.fixture
def settings(tmp_path):
    return test_settings(tmp_path / "lh")


def test_a_line_per_year_and_accept_anomaly_reaches_silver_and_gold(settings):
    app, lines = FakeApp(settings), []
    report = run_pipeline(app, range(2012, 2016), echo=lines.append, accept_anomaly=True, backoff=0)
    assert report.ok and app.ingested == [2012, 2013, 2014, 2015]
    assert [line.split(" (")[0] for line in lines[:4]] == [f"ingest.house {y}: index ingested" for y in range(2012, 2016)]
    assert lines[0].endswith("PDFs: 1 fetched, 0 already held, 0 failed")
    assert lines[4].startswith("ingest.house: ok (attempt 1")
    assert report.steps[0].snapshots == tuple(f"bronze.house_fd_index@{y}" for y in range(2012, 2016))
    assert app.transforms == [("silver", {"accept_anomaly": True}), ("gold", {"accept_anomaly": True})]
    run_pipeline(app, [2015], backoff=0)
    assert app.transforms[-2:] == [("silver", {"accept_anomaly": False}), ("gold", {"accept_anomaly": False})]


def test_a_retry_resumes_at_the_years_not_done(settings):
    app = FakeApp(settings, fail={2014: ["raise"]})  # 2014's source fails once, transiently
    report = run_pipeline(app, [2012, 2013, 2014, 2015], backoff=0)
    assert report.ok
    assert [s.attempts for s in report.steps] == [2, 1, 1]
    assert app.ingested == [2012, 2013, 2014, 2014, 2015]  # 2012-2013 are not ingested again


def test_an_unusable_year_stops_before_silver_after_the_other_years(settings):
    app, lines = FakeApp(settings, fail={2013: ["bad"]}), []
    report = run_pipeline(app, [2012, 2013, 2014], echo=lines.append, backoff=0)
    assert not report.ok and report.exit_code == 1
    assert app.ingested == [2012, 2013, 2014] and app.transforms == []
    assert "ingest.house 2013: index failed" in lines
    assert "the index XML is malformed" in report.steps[0].error


def test_a_year_the_clerk_does_not_publish_is_refused_before_anything_runs(settings):
    app = FakeApp(settings)
    with pytest.raises(YearRangeError, match="2007 is outside the years"):
        run_pipeline(app, [2007, 2025])
    assert app.inits == 0 and app.ingested == []
