"""The real 2018-2022 indexes over HTTP: every record lands in bronze, only missing PDFs are
quarantined, and an interrupted backfill resumed by a re-run ends where an uninterrupted one does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from jobs.bronze.house_index import parse_index_xml
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import REPO, SLOW, build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

YEARS = range(2018, 2023)
RECORDS = {2018: 3427, 2019: 3611, 2020: 2888, 2021: 2634, 2022: 1845}
NO_FILING_DATE = {2018: 211, 2019: 69, 2020: 33, 2021: 8, 2022: 20}
#: Rare filing types (blind trust, exemption, gift waiver): ~50 PDFs in 2018-2022, so the test is fast.
TYPES = ("B", "E", "G")
#: Left out of the mirror: these, and only these, must end in ops.quarantine.
MISSING = {(2018, "9112351"), (2021, "50000145")}
PLACEHOLDER = b"%PDF-1.4\n% SYNTHETIC TEST DATA: a placeholder body served by the test mirror\n%%EOF\n"
INDEX_COLUMNS = ("year, record_no, doc_id, prefix, last, first, suffix, filing_type, state_dst, year_raw, "
                 "filing_date_raw, index_format, source_sha256")
FAST = {"LAKEHOUSE_HTTP_RATE": "100000", "LAKEHOUSE_HTTP_CONCURRENCY": "8"}


def wanted(house_data, year: int) -> list[str]:
    """The DocIDs of ``TYPES`` in the real index of ``year``, in the order ingest fetches them."""
    records = parse_index_xml((house_data / f"{year}FD.xml").read_bytes())
    return sorted({r.doc_id for r in records if r.filing_type in TYPES and r.doc_id.isdigit()})


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, house_data):
    """The five real indexes, zipped as the Clerk serves them, and a placeholder PDF per wanted DocID."""
    root = tmp_path_factory.mktemp("mirror")
    for year in YEARS:
        build_clerk_mirror(root, house_data, year=year, pdfs=False)
        for doc_id in wanted(house_data, year):
            if (year, doc_id) not in MISSING:
                target = root / "public_disc/financial-pdfs" / str(year) / f"{doc_id}.pdf"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(PLACEHOLDER)
    with mirror_server(root) as (url, _):
        yield root, url


def test_every_record_of_2018_to_2022_lands_and_only_missing_pdfs_are_quarantined(tmp_path, mirror, house_data):
    assert all(doc_id in wanted(house_data, year) for year, doc_id in MISSING)
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    report = app.ingest_house(list(YEARS), source=mirror[1], types=TYPES)
    assert report.ok
    got = {y.year: (y.index_status, y.records, y.records_with_notes, y.records_without_doc_id) for y in report.years}
    assert got == {y: ("ingested", RECORDS[y], NO_FILING_DATE[y], 0) for y in YEARS}
    counts = app.query("select year, count(*) as n, count(*) - count(filing_date_raw) as no_date "
                       "from bronze.house_fd_index group by year order by year").to_pylist()
    assert counts == [{"year": y, "n": RECORDS[y], "no_date": NO_FILING_DATE[y]} for y in YEARS]
    # Records without a FilingDate are in bronze, and not in ops.quarantine: it holds only the missing PDFs.
    rows = app.query("select stage, reason_code, year, doc_id from ops.quarantine").to_pylist()
    assert sorted((r["stage"], r["reason_code"], r["year"], r["doc_id"]) for r in rows) == sorted(
        ("ingest.document", "http_404", y, d) for y, d in MISSING)
    held = app.query("select year, doc_id from bronze.house_documents").to_pylist()
    assert sorted((r["year"], r["doc_id"]) for r in held) == sorted(
        (y, d) for y in YEARS for d in wanted(house_data, y) if (y, d) not in MISSING)
    assert {y.year: y.documents_failed for y in report.years} == {y: int(y in {2018, 2021}) for y in YEARS}


def index_state(app: Lakehouse) -> list[tuple]:
    rows = app.query(f"select {INDEX_COLUMNS} from bronze.house_fd_index order by year, record_no")
    return [tuple(r.values()) for r in rows.to_pylist()]


def documents_state(app: Lakehouse) -> list[tuple]:
    rows = app.query("select year, doc_id, filing_type, sha256 from bronze.house_documents order by year, doc_id")
    return [tuple(r.values()) for r in rows.to_pylist()]


def statuses(output: str) -> list[str]:
    return [line.split(" (")[0] for line in output.splitlines()]


def test_interrupted_backfill_resumes_to_the_same_state(tmp_path, mirror, house_data):
    """``ingest house --years 2018-2022`` killed in 2019's PDFs, then run again, equals one clean run;
    one more run finds every index unchanged and commits nothing."""
    root, url = mirror
    args = ["ingest", "house", "--years", "2018-2022", "--types", ",".join(TYPES)]
    clean = CliRunner().invoke(main, ["--home", str(tmp_path / "ref"), *args, "--source", url], env=FAST)
    assert clean.exit_code == 0, clean.output
    assert statuses(clean.stdout) == [f"{y}: index ingested" for y in YEARS]
    ref = Lakehouse.open(test_settings(tmp_path / "ref"))

    # The same mirror, except that 2019's third PDF hangs: the run is killed while 2019 is under way,
    # after its index and its first two PDFs (one commit every two documents) are in.
    docs_2019 = wanted(house_data, 2019)
    hang = {f"/public_disc/financial-pdfs/2019/{docs_2019[2]}.pdf": [(SLOW, b"20")]}
    home = tmp_path / "lh"
    env = {**os.environ, **FAST, "LAKEHOUSE_HOME": str(home), "LAKEHOUSE_COMMIT_EVERY": "2",
           "LAKEHOUSE_HTTP_CONCURRENCY": "1"}
    with mirror_server(root, hang) as (hang_url, handler):
        with subprocess.Popen([sys.executable, "-m", "lakehouse", *args, "--source", hang_url], env=env, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
            first = proc.stdout.readline()
            deadline = time.monotonic() + 20
            while hang and not any(p in handler.requests_seen for p in hang) and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)
            proc.send_signal(signal.SIGKILL)
    assert first.startswith("2018: index ingested"), first
    app = Lakehouse.open(test_settings(home))
    years_in = app.query("select distinct year from bronze.house_fd_index order by year").column("year").to_pylist()
    assert years_in == [2018, 2019]
    held_2019 = app.query("select doc_id from bronze.house_documents where year = 2019 order by doc_id")
    assert held_2019.column("doc_id").to_pylist() == docs_2019[:2]

    resumed = CliRunner().invoke(main, ["--home", str(home), *args, "--source", url], env=FAST)
    assert resumed.exit_code == 0, resumed.output
    assert statuses(resumed.stdout) == ["2018: index unchanged", "2019: index unchanged"] + [
        f"{y}: index ingested" for y in range(2020, 2023)]
    assert f"PDFs: {len(docs_2019) - 2} fetched, 2 already held, 0 failed" in resumed.stdout.splitlines()[1]
    app = Lakehouse.open(test_settings(home))
    assert index_state(app) == index_state(ref)
    assert documents_state(app) == documents_state(ref)

    tables = ("bronze.house_fd_index", "bronze.house_documents")
    before = {t: app.store.current_snapshot_id(t) for t in tables}
    again = CliRunner().invoke(main, ["--home", str(home), *args, "--source", url], env=FAST)
    assert again.exit_code == 0, again.output
    assert statuses(again.stdout) == [f"{y}: index unchanged" for y in YEARS]
    assert "PDFs: 0 fetched, 5 already held, 0 failed" in again.stdout.splitlines()[1]
    app = Lakehouse.open(test_settings(home))
    assert {t: app.store.current_snapshot_id(t) for t in tables} == before
