"""The spine on the real 2025 House index and real PDFs, fetched over HTTP from 127.0.0.1."""

from __future__ import annotations

import collections
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from core.asof import AsOf
from jobs.bronze.house_index import parse_index_xml
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import REAL_PTRS, build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

NO_DATE_W = {"8221241", "8221151", "8221242", "8221181", "8221169"}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, house_data):
    """One lakehouse with 2025 ingested (PTR PDFs) and silver + gold built, plus its mirror URL."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    home = tmp_path_factory.mktemp("lh")
    with mirror_server(root) as (base_url, handler):
        app = Lakehouse.open(test_settings(home))
        report = app.ingest_house([2025], source=base_url)
        results = app.transform("silver") + app.transform("gold")
        yield app, base_url, report, results, handler


def test_ingest_report(loaded):
    _, base_url, report, _, handler = loaded
    (year,) = report.years
    assert (year.index_status, year.index_format, year.records) == ("ingested", "xml", 1618)
    assert year.index_url == f"{base_url}/public_disc/financial-pdfs/2025FD.zip"
    # 471 PTR records, 471 distinct DocIDs; only the 3 real PTR PDFs exist in the mirror.
    assert (year.documents_wanted, year.documents_fetched, year.documents_failed) == (471, 3, 468)
    assert f"/public_disc/ptr-pdfs/2025/{REAL_PTRS[0]}.pdf" in handler.requests_seen


def test_silver_has_one_row_per_doc_id(loaded):
    app = loaded[0]
    got = app.query("select count(*) as n, count(distinct doc_id) as d from silver.filings").to_pylist()
    assert got == [{"n": 1616, "d": 1616}]


def test_silver_counts_per_type_match_the_index(loaded, house_data):
    app = loaded[0]
    records = parse_index_xml((house_data / "2025FD.xml").read_bytes())
    expected = collections.Counter({r.doc_id: r.filing_type for r in records}.values())
    got = {row["filing_type"]: row["n"] for row in app.query(
        "select filing_type, count(*) as n from silver.filings group by 1").to_pylist()}
    assert got == dict(expected)
    assert got == {"C": 563, "P": 471, "X": 361, "D": 99, "T": 49, "A": 32, "W": 27, "E": 5, "G": 5,
                   "B": 2, "O": 1, "H": 1}


def test_dateless_w_rows_kept_with_null_date(loaded):
    app = loaded[0]
    rows = app.query("select doc_id, filing_type, filing_date, state_district from silver.filings "
                     "where filing_date is null order by doc_id").to_pylist()
    assert {r["doc_id"] for r in rows} == NO_DATE_W
    assert {r["filing_type"] for r in rows} == {"W"}
    issues = app.query("select doc_id, quality_issues from silver.filings where filing_date is null").to_pylist()
    assert {r["doc_id"]: r["quality_issues"] for r in issues} == {d: ["missing_filing_date"] for d in NO_DATE_W}
    # Readable records are data, not quarantine: only unusable inputs (missing PDFs here) are there.
    quarantined = app.query("select distinct stage from ops.quarantine").column("stage").to_pylist()
    assert quarantined == ["ingest.document"]


def test_ptrs_efiled_and_paper(loaded):
    app = loaded[0]
    rows = app.query("select is_efiled, count(*) as n from silver.filings where filing_type = 'P' "
                     "group by 1 order by 1").to_pylist()
    assert rows == [{"is_efiled": False, "n": 57}, {"is_efiled": True, "n": 414}]


def test_silver_typed_values_of_known_filings(loaded):
    app = loaded[0]
    row = app.query("select * from silver.filings where doc_id = '20026590'").to_pylist()[0]
    assert row["filer_name"] == "Nancy Pelosi"
    assert (row["prefix"], row["state"], row["district"], row["is_at_large"]) == ("Hon.", "CA", 11, False)
    assert str(row["filing_date"]) == "2025-01-17"
    assert row["pdf_url"] == "https://disclosures-clerk.house.gov/public_disc/ptr-pdfs/2025/20026590.pdf"
    assert row["doc_id_family"] == "ptr_efiled"
    dup = app.query("select index_record_count, filing_type from silver.filings where doc_id = '10072224'")
    assert dup.to_pylist() == [{"index_record_count": 3, "filing_type": "C"}]
    c = app.query("select pdf_url, is_amendment from silver.filings where doc_id = '10072764'").to_pylist()[0]
    assert c == {"pdf_url": "https://disclosures-clerk.house.gov/public_disc/financial-pdfs/2025/10072764.pdf",
                 "is_amendment": True}


def test_gold_fact_filings(loaded):
    app = loaded[0]
    held = app.query("select doc_id from gold.fact_filings where document_in_bronze order by doc_id")
    assert held.column("doc_id").to_pylist() == sorted(REAL_PTRS)
    assert app.query("select count(*) as n from gold.fact_filings").to_pylist() == [{"n": 1616}]


def test_gold_commit_records_its_sources(loaded):
    app = loaded[0]
    marks = app.store.watermarks("gold.fact_filings")
    assert marks == {
        "silver.filings": app.store.current_snapshot_id("silver.filings"),
        "bronze.house_documents": app.store.current_snapshot_id("bronze.house_documents"),
        "silver.filer_matches": app.store.current_snapshot_id("silver.filer_matches"),
    }
    snaps = app.snapshots("gold.fact_filings")
    assert snaps[-1].watermarks == marks


def test_rerun_adds_no_snapshot_and_retries_missing_documents(loaded):
    app, base_url, _, _, handler = loaded
    before = {t: len(app.store.table(t).snapshots()) for t in
              ("bronze.house_fd_index", "bronze.house_documents", "silver.filings", "gold.fact_filings")}
    asked = len(handler.requests_seen)
    report = app.ingest_house([2025], source=base_url)
    (year,) = report.years
    assert year.index_status == "unchanged"
    # The 468 missing PDFs wait for their back-off (ops.document_retries): only the index is asked for.
    assert (year.documents_already_held, year.documents_fetched, year.documents_failed,
            year.documents_waiting) == (3, 0, 0, 468)
    assert handler.requests_seen[asked:] == ["/public_disc/financial-pdfs/2025FD.zip"]
    assert {r.status for r in app.transform("silver") + app.transform("gold")} == {"up_to_date"}
    after = {t: len(app.store.table(t).snapshots()) for t in before}
    assert after == before
    # --retry-missing asks for them now; they are quarantined again under the new run id.
    report = app.ingest_house([2025], source=base_url, retry_missing=True)
    assert (report.years[0].documents_failed, report.years[0].documents_waiting) == (468, 0)
    missing = app.query(f"select count(*) as n from ops.quarantine where run_id = '{report.run_id}' "
                        "and reason_code = 'http_404'")
    assert missing.to_pylist() == [{"n": 468}]


def test_cli_reports_the_real_index_checks(loaded):
    app = loaded[0]
    runner = CliRunner()
    home = str(app.settings.home)
    result = runner.invoke(main, ["--home", home, "query", "--format", "json",
                                  "select count(distinct doc_id) as filings, "
                                  "count_if(filing_type = 'P' and is_efiled) as ptr_efiled, "
                                  "count_if(filing_type = 'P' and not is_efiled) as ptr_paper, "
                                  "count_if(filing_date is null) as no_date from silver.filings"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"filings": 1616, "ptr_efiled": 414, "ptr_paper": 57, "no_date": 5}]
    tables = runner.invoke(main, ["--home", home, "tables"])
    assert tables.exit_code == 0
    assert "silver.filings" in tables.output and "1616 rows" in tables.output


def test_time_travel_returns_the_earlier_state(loaded, tmp_path, house_data):
    """A later index (one filing removed by the Clerk) changes gold; the past stays queryable."""
    app = loaded[0]
    first_gold = app.store.current_snapshot_id("gold.fact_filings")
    first_time = app.store.snapshot_time("gold.fact_filings", first_gold)
    before_update = dt.datetime.now(dt.UTC)
    xml = (house_data / "2025FD.xml").read_text(encoding="utf-8-sig")
    start = xml.index("<Member>", xml.index("<DocID>20026590</DocID>") - 400)
    end = xml.index("</Member>", start) + len("</Member>")
    assert "20026590" in xml[start:end]
    root = tmp_path / "mirror2"
    build_clerk_mirror(root, house_data, pdfs=False)
    (root / "public_disc/financial-pdfs/2025FD.zip").unlink()
    (root / "public_disc/financial-pdfs/2025FD.xml").write_text(xml[:start] + xml[end:], encoding="utf-8-sig")
    with mirror_server(root) as (url, _):
        (year,) = app.ingest_house([2025], source=url, types=()).years
    assert (year.index_status, year.index_format, year.records) == ("ingested", "xml", 1617)
    app.transform("silver"), app.transform("gold")
    sql = "select count(*) as n, count_if(doc_id = '20026590') as pelosi from gold.fact_filings"
    assert app.query(sql).to_pylist() == [{"n": 1615, "pelosi": 0}]
    assert app.query(sql, AsOf(snapshot_id=first_gold)).to_pylist() == [{"n": 1616, "pelosi": 1}]
    assert app.query(sql, AsOf(timestamp=first_time)).to_pylist() == [{"n": 1616, "pelosi": 1}]
    # A withdrawn PTR's trades leave gold with it; the earlier gold still has them.
    trades = "select count(*) as n from gold.fact_transactions where doc_id = '20026590'"
    assert app.query(trades).to_pylist() == [{"n": 0}]
    assert app.query(trades, AsOf(timestamp=before_update)).to_pylist() == [{"n": 9}]
    cli = CliRunner().invoke(main, ["--home", str(app.settings.home), "query", "--format", "csv",
                                    "--snapshot", str(first_gold), sql])
    assert cli.exit_code == 0, cli.output
    assert cli.output.splitlines() == ['"n","pelosi"', "1616,1"]


# -- Schedule B of annual and terminated-filer reports (ingest --types P,T) -----------------------

T_GREEN = "10071977"


@pytest.fixture(scope="module")
def with_reports(tmp_path_factory, house_data):
    """2025 ingested with PTRs and terminated-filer reports (T), then silver built (audited)."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror-t"), house_data)
    with mirror_server(root) as (base_url, _):
        app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("lh-t")))
        report = app.ingest_house([2025], source=base_url, types=("P", "T"))
        results = app.transform("silver")
        yield app, report, results


def test_schedule_b_rows_of_a_terminated_filer_report(with_reports, house_data):
    import hashlib

    from jobs.silver.schedule_b import extract_schedule_b

    app, report, results = with_reports
    (year,) = report.years
    # 471 P + 49 T DocIDs; the mirror holds the 3 real PTRs and T_10071977 only.
    assert (year.documents_wanted, year.documents_fetched, year.documents_failed) == (520, 4, 516)
    assert {r.job: r.status for r in results}["silver.ptr_extraction"] == "committed"

    table = app.store.read("silver.schedule_b_transactions").sort_by("line_no")
    assert table.num_rows == 37
    pdf = (house_data / "T_10071977.pdf").read_bytes()
    constant = {"doc_id": T_GREEN, "year": 2025, "filing_type": "T", "row_checks_failed": "",
                "extraction_method": "text", "extractor_version": "schedule-b/1",
                "pdf_sha256": hashlib.sha256(pdf).hexdigest()}
    for column, value in constant.items():
        assert set(table.column(column).to_pylist()) == {value}, column
    fields = ("line_no", "owner", "asset_name", "ticker", "asset_type", "transaction_type", "transaction_date",
              "amount_range", "amount_low", "amount_high", "cap_gains_over_200", "subholding_of", "location",
              "description", "comment", "page")
    got = [tuple(r[f] for f in fields) for r in table.select(list(fields)).to_pylist()]
    assert got == [tuple(getattr(r, f) for f in fields) for r in extract_schedule_b(pdf).rows]
    assert got[0] == (1, "JT", "Rare Coins", None, "CO", "partial_sale", dt.date(2025, 4, 22),
                      "$15,001 - $50,000", 15_001, 50_000, False, None, None, None, None, 5)
    assert got[3] == (4, "JT", "Property Oakdale", None, "RP", "sale", dt.date(2025, 4, 22), "$50,001 - $100,000",
                      50_001, 100_000, False, "Birch Creek Properties \u21d2 Westchester Properties",
                      "Nashville, TN, US", None, None, 6)
    assert got[33] == (34, "JT", "NGL ENERGY PARTNERS LP Common Units representing Limited Partner Interests",
                       "NGL", "ST", "partial_sale", dt.date(2024, 9, 30), "$100,001 - $250,000", 100_001, 250_000,
                       True, "Equitable Advisors Investment Account", None, None, None, 8)


def test_schedule_b_rows_stay_out_of_the_ptr_tables(with_reports, loaded):
    app = with_reports[0]
    for table in ("silver.ptr_transactions", "silver.ptr_filings", "silver.extraction_issues"):
        n = app.query(f"select count(*) as n from {table} where doc_id = '{T_GREEN}'").to_pylist()
        assert n == [{"n": 0}], table
    # The PTR rows are those of a P-only lakehouse.
    sql = "select doc_id, line_no, asset_name, amount_low from silver.ptr_transactions order by doc_id, line_no"
    assert app.query(sql) == loaded[0].query(sql)
    assert app.transform("silver")[-1].status == "up_to_date"
