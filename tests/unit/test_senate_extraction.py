"""Senate reports into silver rows, and amendments linked to the report they restate (real 2026 pages)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from jobs.silver.senate_extraction import link_amendments, read_report, split_suffix
from tests.conftest import SHARED_DATA

RAW = SHARED_DATA / "senate" / "efd_raw_2026"
NOW = dt.datetime(2026, 12, 4, tzinfo=dt.UTC)


def _page(name: str, report_id: str, kind: str = "ptr", last: str = "Boozman") -> dict:
    [path] = RAW.glob(f"*{name}*")
    content = path.read_bytes()
    return dict(report_id=report_id, year=2026, report_kind=kind, first_name="John", last_name=last,
                office=f"{last}, John (Senator)", filed_date=dt.date(2026, 6, 16),
                title="Periodic Transaction Report for 06/16/2026", url=f"https://efdsearch.senate.gov/{report_id}",
                sha256=hashlib.sha256(content).hexdigest(), content=content, fetched_at=NOW)


@pytest.fixture(scope="module")
def boozman():
    if not RAW.is_dir():
        pytest.fail(f"{RAW} is missing: shared/ must sit beside the clone (or set LAKEHOUSE_SHARED_DATA)")
    filings, rows = [], []
    for name, rid in (("boozman-orig-2e076759", "2e076759-0000-0000-0000-000000000000"),
                      ("boozman-orig-a9754ff5", "a9754ff5-0000-0000-0000-000000000000"),
                      ("boozman-amendment1-727b4eb6", "727b4eb6-0000-0000-0000-000000000000")):
        filing, tx = read_report(_page(name, rid), NOW)
        filings.append(filing)
        rows += tx
    return filings, rows


def test_a_report_page_becomes_a_filing_and_its_rows(boozman):
    filings, rows = boozman
    first = filings[0]
    assert (first["title"], first["report_for"], first["amendment_no"], first["is_amendment"], first["rows_found"],
            first["transactions_declared"], first["extraction_status"], first["filer_name"]) == (
        "Periodic Transaction Report for 06/16/2026", dt.date(2026, 6, 16), None, False, 15, 15, "ok",
        "The Honorable John Boozman")
    assert first["filed_at"] == dt.datetime(2026, 6, 16, 9, 46)
    amendment = filings[2]
    assert (amendment["amendment_no"], amendment["is_amendment"], amendment["rows_found"]) == (1, True, 18)
    # The 10:19 original typed three tickers into the asset names: noted on the rows, which still count.
    assert (filings[1]["extraction_status"], filings[1]["issues"]) == ("ok", "")
    noted = [(r["line_no"], r["ticker"], r["row_notes"], r["row_checks_failed"]) for r in rows
             if r["report_id"].startswith("a9754ff5") and r["row_notes"]]
    assert [(n, t, note, failed) for n, t, note, failed in noted] == [
        (n, None, "ticker_in_asset_name", "") for n, *_ in noted] and len(noted) == 3
    assert [r["line_no"] for r in rows if r["report_id"].startswith("2e076759")] == list(range(1, 16))
    assert {r["owner"] for r in rows} == {"JT"}


def test_an_amendment_links_to_the_same_day_original_it_restates(boozman):
    filings, rows = boozman
    filings = [dict(f) for f in filings]
    link_amendments(filings, rows, [])
    # Two originals that day (15 rows at 9:46, 18 at 10:19): Amendment 1 restates the 18-row one.
    assert [f["amends_report_id"] for f in filings] == [None, None, "a9754ff5-0000-0000-0000-000000000000"]


def test_an_amendment_with_no_matching_original_is_flagged_not_dropped(boozman):
    filings, rows = boozman
    amendment = dict(filings[2])
    link_amendments([amendment], [r for r in rows if r["report_id"] == amendment["report_id"]], [])
    assert (amendment["amends_report_id"], amendment["extraction_status"], amendment["issues"]) == (
        None, "needs_review", "amendment_unlinked")
    # The earlier reports, when already published, are found the same way.
    earlier = [(f, [r for r in rows if r["report_id"] == f["report_id"]]) for f in filings[:2]]
    again = dict(filings[2])
    link_amendments([again], [r for r in rows if r["report_id"] == again["report_id"]], earlier)
    assert again["amends_report_id"] == "a9754ff5-0000-0000-0000-000000000000"


def test_paper_and_unreadable_pages_land_with_their_state():
    if not RAW.is_dir():
        pytest.fail(f"{RAW} is missing: shared/ must sit beside the clone (or set LAKEHOUSE_SHARED_DATA)")
    paper, rows = read_report(_page("paper-view", "a0d25e8f-0000-0000-0000-000000000000", kind="paper",
                                    last="Blumenthal"), NOW)
    assert (paper["extraction_status"], paper["issues"], paper["rows_found"], rows) == (
        "needs_review", "paper_rows_to_review", 0, [])
    agreement, rows = read_report(_page("agreement-page", "00000000-0000-0000-0000-000000000000"), NOW)
    assert agreement["extraction_status"] == "failed" and rows == []
    assert agreement["issues"].startswith("unreadable_page: ")


@pytest.mark.parametrize(("listed", "expected"), [
    ("McConnell, Jr.", ("McConnell", "Jr.")), ("Moran,", ("Moran", None)), ("Peters", ("Peters", None)),
    ("Smith III", ("Smith", "III")), ("King Jr", ("King", "Jr.")), ("", (None, None)),
])
def test_the_search_last_name_keeps_its_suffix_apart(listed, expected):
    assert split_suffix(listed) == expected


def test_the_2014_form_without_asset_types_still_counts():
    # Susan Collins, 04/15/2014: the 2014 form left Asset Type blank on every row; the trades are whole.
    [path] = (SHARED_DATA / "senate" / "efd_ptr_html_2014_2020").glob("072982d0-*.html")
    content = path.read_bytes()
    page = dict(report_id="072982d0-5c5e-4658-9ea0-a25b76b80f41", year=2014, report_kind="ptr", first_name="Susan M",
                last_name="Collins", office="Collins, Susan M. (Senator)", filed_date=dt.date(2014, 4, 15),
                title="Periodic Transaction Report for 04/15/2014", url="x", sha256=hashlib.sha256(content).hexdigest(),
                content=content, fetched_at=NOW)
    filing, rows = read_report(page, NOW)
    assert (filing["extraction_status"], filing["rows_found"]) == ("ok", 5)
    assert [(r["asset_type"], r["row_checks_failed"], r["row_notes"]) for r in rows] == [
        (None, "", "empty_asset_type")] * 5
