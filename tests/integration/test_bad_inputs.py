"""Unreadable input gets a clear message and a quarantine row; nothing committed is lost. Records
that are only unusual (no FilingDate, no DocID …) are not quarantined: they land in bronze."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from core.errors import ExitCode
from lakehouse.cli import main
from tests.conftest import build_clerk_mirror, zip_bytes

IIS_404 = (b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html><head><title>404 - File or '
           b"directory not found.</title></head><body><h2>404 - File or directory not found.</h2></body></html>")


def quarantine(app, where: str = "true") -> list[dict]:
    return app.query(f"select stage, source, year, doc_id, reason_code, reason, detail from ops.quarantine "
                     f"where {where} order by doc_id, recorded_at").to_pylist()


def test_non_pdf_body_and_404_are_quarantined_and_retried(lakehouse, tmp_path, house_data, serve_dir):
    root = build_clerk_mirror(tmp_path / "m", house_data)
    # The Clerk answers a wrong path with a 1,216-byte HTML page; here, with status 200 as some mirrors do.
    url, handler = serve_dir(root, {"/public_disc/ptr-pdfs/2025/20026590.pdf": [(200, IIS_404)]})
    report = lakehouse.ingest_house([2025], source=url)
    (year,) = report.years
    assert (year.documents_fetched, year.documents_failed) == (2, 469)
    rows = quarantine(lakehouse, "doc_id in ('20026590', '20033421')")
    assert [(r["doc_id"], r["reason_code"], r["stage"]) for r in rows] == [
        ("20026590", "not_pdf", "ingest.document"),
        ("20033421", "http_404", "ingest.document"),
    ]
    assert rows[0]["source"] == f"{url}/public_disc/ptr-pdfs/2025/20026590.pdf"
    assert "is an HTML page, not a PDF" in rows[0]["reason"]
    assert rows[0]["detail"].startswith("<!DOCTYPE html")
    assert re.fullmatch(f"GET {url}/public_disc/ptr-pdfs/2025/20033421.pdf answered HTTP 404: missing "
                        r"\(attempt 1\); asked for again after \d{4}-\d\d-\d\d \d\d:\d\d UTC, or now with "
                        "--retry-missing", rows[1]["reason"])
    # Next run: the fault is gone, the bad body is fetched; the others are not re-fetched, and the
    # missing ones wait for their back-off (tests/integration/test_missing_pdf_backoff.py).
    (again,) = lakehouse.ingest_house([2025], source=url).years
    assert (again.documents_already_held, again.documents_fetched, again.documents_waiting) == (2, 1, 468)
    held = lakehouse.query("select doc_id from bronze.house_documents order by doc_id").column("doc_id").to_pylist()
    assert held == ["20026590", "20026658", "20027933"]


def test_transient_5xx_is_retried_with_backoff(lakehouse, tmp_path, house_data, serve_dir):
    root = build_clerk_mirror(tmp_path / "m", house_data)
    path = "/public_disc/ptr-pdfs/2025/20026658.pdf"
    url, handler = serve_dir(root, {path: [(503, b"busy"), (502, b"bad gateway")]})
    (year,) = lakehouse.ingest_house([2025], source=url).years
    assert handler.requests_seen.count(path) == 3
    assert year.documents_fetched == 3
    assert quarantine(lakehouse, "doc_id = '20026658'") == []


def test_truncated_zip_quarantined_and_nothing_committed_is_lost(lakehouse, tmp_path, house_data, serve_dir):
    good = build_clerk_mirror(tmp_path / "good", house_data)
    url, _ = serve_dir(good)
    lakehouse.ingest_house([2025], source=url, types=())
    lakehouse.transform("silver")
    index_snap = lakehouse.store.current_snapshot_id("bronze.house_fd_index")
    silver_snap = lakehouse.store.current_snapshot_id("silver.filings")

    bad = build_clerk_mirror(tmp_path / "bad", house_data, pdfs=False)
    zpath = bad / "public_disc/financial-pdfs/2025FD.zip"
    zpath.write_bytes(zpath.read_bytes()[:5000])
    bad_url, _ = serve_dir(bad)
    result = CliRunner().invoke(main, ["--home", str(lakehouse.settings.home), "ingest", "house",
                                       "--year", "2025", "--source", bad_url, "--types", "P"])
    assert result.exit_code == ExitCode.PARTIAL
    assert "2025: index failed" in result.output
    rows = quarantine(lakehouse, "stage = 'ingest.index'")
    assert [r["reason_code"] for r in rows] == ["bad_zip", "http_404"]
    assert rows[0]["source"] == f"{bad_url}/public_disc/financial-pdfs/2025FD.zip"
    assert "corrupt or truncated" in rows[0]["reason"]
    assert "2025FD.xml and 2025FD.txt are all unavailable" in rows[1]["reason"]
    assert lakehouse.store.current_snapshot_id("bronze.house_fd_index") == index_snap
    assert {r.status for r in lakehouse.transform("silver")} == {"up_to_date"}
    assert lakehouse.store.current_snapshot_id("silver.filings") == silver_snap
    assert lakehouse.query("select count(*) as n from silver.filings").to_pylist() == [{"n": 1616}]


def test_malformed_xml_quarantined_and_nothing_committed(lakehouse, tmp_path, house_data, serve_dir):
    root = tmp_path / "m"
    fin = root / "public_disc/financial-pdfs"
    fin.mkdir(parents=True)
    xml = (house_data / "2025FD.xml").read_bytes()
    (fin / "2025FD.zip").write_bytes(zip_bytes({"2025FD.xml": xml[: len(xml) // 2]}))
    url, _ = serve_dir(root)
    report = lakehouse.ingest_house([2025], source=url)
    assert not report.ok
    (row,) = quarantine(lakehouse)
    assert (row["reason_code"], row["year"], row["stage"]) == ("malformed_xml", 2025, "ingest.index")
    assert row["reason"].startswith(f"{url}/public_disc/financial-pdfs/2025FD.zip: the index XML is malformed")
    assert lakehouse.store.current_snapshot_id("bronze.house_fd_index") is None


def test_records_with_problems_land_in_bronze_and_are_not_quarantined(lakehouse, tmp_path, serve_dir):
    header = "Prefix\tLast\tFirst\tSuffix\tFilingType\tStateDst\tYear\tFilingDate\tDocID\r\n"
    rows = [
        "Hon.\tTestworth\tAda\t\tP\tCA11\t2025\t1/17/2025\t29990001",
        "\tNodocid\tBea\t\tC\tTX02\t2025\t2/3/2025\t",
        "\tBaddate\tCal\tJr\tW\tNY00\t2025\t2/30/2025\t8999",
        "\tNodate\tDee\t\tW\t\t2025\t\t8998",
        "\tOldyear\tEve\t\tA\tAQ00\t2016\t3/1/2025\t10000777",
    ]
    root = tmp_path / "m"
    fin = root / "public_disc/financial-pdfs"
    fin.mkdir(parents=True)
    (fin / "2025FD.txt").write_bytes(b"\xef\xbb\xbf" + (header + "\r\n".join(rows) + "\r\n").encode())
    url, _ = serve_dir(root)
    report = lakehouse.ingest_house([2025], source=url, types=())
    (year,) = report.years
    assert (year.index_status, year.index_format, year.index_encoding, year.records) == (
        "ingested", "txt", "utf-8-sig", 5)
    assert (year.records_with_notes, year.records_without_doc_id) == (4, 1)
    assert "5 records, txt from" in year.summary() and "4 with notes for silver, 1 without DocID" in year.summary()
    assert report.quarantined == 0 and quarantine(lakehouse) == []
    bronze = lakehouse.query("select doc_id, last, year_raw, filing_date_raw from bronze.house_fd_index "
                             "order by record_no").to_pylist()
    assert [(r["doc_id"], r["last"], r["year_raw"], r["filing_date_raw"]) for r in bronze] == [
        ("29990001", "Testworth", "2025", "1/17/2025"), (None, "Nodocid", "2025", "2/3/2025"),
        ("8999", "Baddate", "2025", "2/30/2025"), ("8998", "Nodate", "2025", None),
        ("10000777", "Oldyear", "2016", "3/1/2025")]


def test_html_error_page_instead_of_the_index_is_quarantined(lakehouse, tmp_path, serve_dir):
    """The Clerk's IIS 404 page served with status 200 as the zip, then as the XML beside it."""
    root = tmp_path / "m"
    (root / "public_disc/financial-pdfs").mkdir(parents=True)
    url, _ = serve_dir(root, {"/public_disc/financial-pdfs/2025FD.zip": [(200, IIS_404)],
                              "/public_disc/financial-pdfs/2025FD.xml": [(200, IIS_404)]})
    report = lakehouse.ingest_house([2025], source=url, types=())
    (year,) = report.years
    assert year.index_status == "failed" and not report.ok
    rows = quarantine(lakehouse)
    assert [(r["reason_code"], r["source"]) for r in rows] == [
        ("html_error_page", f"{url}/public_disc/financial-pdfs/2025FD.zip"),
        ("html_error_page", f"{url}/public_disc/financial-pdfs/2025FD.xml")]
    assert rows[0]["reason"].startswith(f"{url}/public_disc/financial-pdfs/2025FD.zip: the server answered with "
                                        "an HTML page titled '404 - File or directory not found.'")
    assert rows[1]["detail"].startswith("<!DOCTYPE html")
    assert lakehouse.store.current_snapshot_id("bronze.house_fd_index") is None


def test_cli_years_range_prints_a_line_per_year(tmp_path, house_data, serve_dir):
    root = build_clerk_mirror(tmp_path / "m", house_data, year=2023, pdfs=False)
    build_clerk_mirror(root, house_data, year=2025, pdfs=False)
    url, _ = serve_dir(root)
    args = ["--home", str(tmp_path / "lh"), "ingest", "house", "--years", "2023-2025", "--source", url,
            "--types", ""]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.PARTIAL, result.output  # the mirror has no 2024 index
    lines = result.stdout.splitlines()
    assert lines[0] == (f"2023: index ingested (1549 records, xml from {url}/public_disc/financial-pdfs/2023FD.zip; "
                        "9 with notes for silver); PDFs: 0 fetched, 0 already held, 0 failed")
    assert lines[1] == "2024: index failed"
    assert lines[2].startswith("2025: index ingested (1618 records, xml from ") and "5 with notes for silver" in lines[2]
    again = CliRunner().invoke(main, [*args[:4], "--year", "2023", "--year", "2025", *args[6:]])
    assert again.exit_code == 0, again.output
    assert [line.split(" (")[0] for line in again.stdout.splitlines()] == ["2023: index unchanged",
                                                                           "2025: index unchanged"]


def test_unknown_source_directory_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["--home", str(tmp_path / "lh"), "ingest", "house", "--year", "2025",
                                       "--source", str(tmp_path / "nope")])
    assert result.exit_code == ExitCode.FAILED
    assert "is neither an http(s) URL nor an existing directory" in result.output


@pytest.mark.parametrize("fmt", ["xml", "txt"])
def test_index_formats_from_a_local_directory(lakehouse, tmp_path, house_data, fmt):
    root = build_clerk_mirror(tmp_path / "m", house_data, year=2023, index_files=(fmt,), pdfs=False)
    (year,) = lakehouse.ingest_house([2023], source=str(root), types=()).years
    assert (year.index_status, year.index_format, year.records) == ("ingested", fmt, 1549)
