"""The 2023 index in its two published formats gives the same silver rows."""

from __future__ import annotations

import pytest

from lakehouse.app import Lakehouse
from tests.conftest import build_clerk_mirror, test_settings

pytestmark = pytest.mark.slow

SOURCE_COLUMNS = ("source_url", "ingested_at")


def silver_rows(tmp_path, house_data, serve_dir, fmt: str) -> list[dict]:
    root = build_clerk_mirror(tmp_path / f"mirror-{fmt}", house_data, year=2023, index_files=(fmt,), pdfs=False)
    url, _ = serve_dir(root)
    app = Lakehouse.open(test_settings(tmp_path / f"lh-{fmt}"))
    (year,) = app.ingest_house([2023], source=url, types=()).years
    assert (year.index_format, year.records) == (fmt, 1549)
    app.transform("silver")
    rows = app.query("select * from silver.filings order by doc_id").to_pylist()
    return [{k: v for k, v in r.items() if k not in SOURCE_COLUMNS} for r in rows]


def test_txt_and_xml_give_the_same_silver_rows(tmp_path, house_data, serve_dir):
    from_xml = silver_rows(tmp_path, house_data, serve_dir, "xml")
    from_txt = silver_rows(tmp_path, house_data, serve_dir, "txt")
    assert len(from_xml) == len({r["doc_id"] for r in from_xml})
    assert from_txt == from_xml
    first = next(r for r in from_xml if r["doc_id"] == "10056211")
    assert (first["last_name"], first["filing_type"], first["state_district"], str(first["filing_date"])) == (
        "Hollier", "C", "MI13", "2024-02-14")


def test_two_years_in_one_run(tmp_path, house_data, serve_dir):
    """2023 and 2025 together: 1,549 + 1,616 filings; the 2023 typo PA64, 2025's repeated DocID and the
    records without a FilingDate (9 + 5) are kept and only warned about."""
    root = build_clerk_mirror(tmp_path / "mirror", house_data, year=2025, pdfs=False)
    build_clerk_mirror(root, house_data, year=2023, pdfs=False)
    url, _ = serve_dir(root)
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    app.ingest_house([2025, 2023], source=url, types=())
    assert {r.output: r.status for r in app.transform("silver")}["silver.filings"] == "committed"
    counts = app.query("select year, count(*) as n from silver.filings group by year order by year").to_pylist()
    assert counts == [{"year": 2023, "n": 1549}, {"year": 2025, "n": 1616}]
    warned = app.query("select check_name, value from ops.check_results where table_name = 'silver.filings' "
                       "and outcome = 'warn' order by check_name").to_pylist()
    assert warned == [{"check_name": "district is between 1 and 53", "value": 1.0},
                      {"check_name": "each DocID is listed once in its index", "value": 1.0},
                      {"check_name": "the index gives a filing date", "value": 14.0}]
    assert app.query("select count(*) as n from ops.quarantine").to_pylist() == [{"n": 0}]
    typo = app.query("select state_district, district from silver.filings where doc_id = '8219821'").to_pylist()
    assert typo == [{"state_district": "PA64", "district": 64}]


def test_an_older_looking_index_through_the_whole_ingest(tmp_path, serve_dir):
    """A zip whose only index is ``2012/2012FD.TXT``: Windows-1252, LF, columns reordered plus an extra
    one, padded values. Every record lands in bronze as published (fictional filers)."""
    from tests.conftest import zip_bytes

    header = "DocID\tLast\tFirst\tPrefix\tSuffix\tFilingType\tStateDst\tYear\tFilingDate\tComments\n"
    rows = ["20099901\tMuñoz \tJosé\tHon.\tJr.\tP\tAQ00\t2012\t 5/15/2012\t",
            "\tO’Testa\tZoë\t\t\tC\tKS/01\t2012\t\tsee letter",
            "8299902\tNodate\tAl\t\t\tA\tOK68\t2010\t\t"]
    fin = tmp_path / "m/public_disc/financial-pdfs"
    fin.mkdir(parents=True)
    (fin / "2012FD.zip").write_bytes(zip_bytes({"2012/2012FD.TXT": (header + "\n".join(rows) + "\n").encode("cp1252"),
                                                "2012/readme.pdf": b"%PDF-"}))
    url, _ = serve_dir(tmp_path / "m")
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    report = app.ingest_house([2012], source=url, types=())
    (year,) = report.years
    assert (year.index_status, year.index_format, year.index_encoding, year.records) == ("ingested", "txt", "cp1252", 3)
    assert (year.records_with_notes, year.records_without_doc_id, report.quarantined) == (2, 1, 0)
    assert "3 records, txt, cp1252 from" in year.summary()
    got = app.query("select doc_id, prefix, last, first, suffix, filing_type, state_dst, year_raw, filing_date_raw, "
                    "index_format from bronze.house_fd_index order by record_no").to_pylist()
    assert [tuple(r.values()) for r in got] == [
        ("20099901", "Hon.", "Muñoz", "José", "Jr.", "P", "AQ00", "2012", "5/15/2012", "txt"),
        (None, None, "O’Testa", "Zoë", None, "C", "KS/01", "2012", None, "txt"),
        ("8299902", None, "Nodate", "Al", None, "A", "OK68", "2010", None, "txt")]
