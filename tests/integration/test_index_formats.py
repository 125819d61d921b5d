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
    """2023 and 2025 together: 1,549 + 1,616 filings; the 2023 typo PA64 is kept and only warned about."""
    root = build_clerk_mirror(tmp_path / "mirror", house_data, year=2025, pdfs=False)
    build_clerk_mirror(root, house_data, year=2023, pdfs=False)
    url, _ = serve_dir(root)
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    app.ingest_house([2025, 2023], source=url, types=())
    assert {r.output: r.status for r in app.transform("silver")}["silver.filings"] == "committed"
    counts = app.query("select year, count(*) as n from silver.filings group by year order by year").to_pylist()
    assert counts == [{"year": 2023, "n": 1549}, {"year": 2025, "n": 1616}]
    warned = app.query("select check_name, value from ops.check_results where table_name = 'silver.filings' "
                       "and outcome = 'warn'").to_pylist()
    assert warned == [{"check_name": "district is between 1 and 53", "value": 1.0}]
    typo = app.query("select state_district, district from silver.filings where doc_id = '8219821'").to_pylist()
    assert typo == [{"state_district": "PA64", "district": 64}]
