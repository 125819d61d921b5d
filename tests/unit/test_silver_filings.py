"""The silver.filings transform on small real records, run on DuckDB."""

from __future__ import annotations

import datetime as dt

import ibis
import pyarrow as pa

from catalog.registry import HOUSE_FD_INDEX
from jobs.silver.filings import transform

T0 = dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
T1 = dt.datetime(2025, 11, 2, tzinfo=dt.UTC)


def index_rows(rows: list[tuple], at: dt.datetime = T0) -> list[dict]:
    keys = ("prefix", "last", "first", "suffix", "filing_type", "state_dst", "filing_date_raw", "doc_id")
    return [dict(zip(keys, r, strict=True), year=2025, year_raw="2025", record_no=i, index_format="xml",
                 source_url="u", source_sha256="s", ingested_at=at, run_id="r")
            for i, r in enumerate(rows, start=1)]


def run(rows: list[dict]) -> list[dict]:
    table = pa.Table.from_pylist(rows, HOUSE_FD_INDEX.arrow_schema())
    con = ibis.duckdb.connect()
    return sorted(con.to_pyarrow(transform(ibis.memtable(table))).to_pylist(), key=lambda r: r["doc_id"])


# Real 2025 records (Pelosi's PTR, a paper PTR, the thrice-listed candidate, a dateless W, Noveletsky's paper X).
REAL = [
    ("Hon.", "Pelosi", "Nancy", None, "P", "CA11", "1/17/2025", "20026590"),
    ("Hon.", "Khanna", "Rohit", None, "P", "CA17", "2/3/2025", "9115546"),
    (None, "Redkey", "Jonathan", None, "C", "AZ01", "10/31/2025", "10072224"),
    (None, "Redkey", "Jonathan", None, "C", "AZ01", "10/31/2025", "10072224"),
    (None, "Redkey", "Jonathan", None, "C", "AZ01", "10/31/2025", "10072224"),
    (None, "Phillips", "Dean", None, "W", None, None, "8221241"),
    ("Mrs.", " Noveletsky ", "Hollie  T.", "Jr", "X", "NH01", "10/23/2025", "8221211"),
    ("Mr.", "Wentzel", "Joseph", None, "W", "IL08", "8/25/2025", "8025"),
    ("Hon.", "Norton", "Eleanor Holmes", None, "A", "DC00", "5/15/2025", "10072764"),
]


def test_types_names_places_and_urls():
    rows = {r["doc_id"]: r for r in run(index_rows(REAL))}
    assert sorted(rows) == ["10072224", "10072764", "20026590", "8025", "8221211", "8221241", "9115546"]
    pelosi = rows["20026590"]
    assert pelosi | {"ingested_at": None} == {
        "doc_id": "20026590", "year": 2025, "filing_type": "P", "filing_type_name": "Periodic Transaction Report",
        "filing_date": dt.date(2025, 1, 17), "prefix": "Hon.", "first_name": "Nancy", "last_name": "Pelosi",
        "suffix": None, "filer_name": "Nancy Pelosi", "state_district": "CA11", "state": "CA", "district": 11,
        "is_at_large": False, "is_efiled": True, "doc_id_family": "ptr_efiled",
        "pdf_url": "https://disclosures-clerk.house.gov/public_disc/ptr-pdfs/2025/20026590.pdf",
        "is_amendment": False, "index_record_count": 1, "source_url": "u", "ingested_at": None,
        "filing_date_raw": "1/17/2025", "year_raw": "2025",
    }
    assert (rows["9115546"]["is_efiled"], rows["9115546"]["doc_id_family"]) == (False, "paper")
    assert rows["10072224"]["index_record_count"] == 3
    assert rows["8221241"]["filing_date"] is None and rows["8221241"]["state"] is None
    x = rows["8221211"]
    assert (x["first_name"], x["last_name"], x["suffix"], x["filer_name"]) == (
        "Hollie T.", "Noveletsky", "Jr.", "Hollie T. Noveletsky Jr.")
    assert x["pdf_url"].endswith("/financial-pdfs/2025/8221211.pdf")
    assert (rows["8025"]["doc_id_family"], rows["8025"]["is_efiled"]) == ("withdrawal_efiled", True)
    dc = rows["10072764"]
    assert (dc["state"], dc["district"], dc["is_at_large"], dc["is_amendment"]) == ("DC", None, True, True)


def test_latest_index_version_of_a_year_wins():
    old = index_rows(REAL[:2], at=T0)
    new = index_rows([REAL[0]], at=T1)  # the Clerk dropped the Khanna record
    assert [r["doc_id"] for r in run(old + new)] == ["20026590"]


def test_records_without_doc_id_are_left_out():
    rows = index_rows([("", "X", "Y", None, "C", "TX01", "1/1/2025", None), REAL[0]])
    assert [r["doc_id"] for r in run(rows)] == ["20026590"]
