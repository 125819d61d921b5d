"""The Senate eFD e-filed PTR page parser on every real page in shared/data/senate.

Expected values were read off the pages themselves. Two independent sources agree with them and are
checked too: Senate Stock Watcher (SSW, 2012-2020 CSV; 2026 trades.json) and the hand transcriptions of
four 2026 pages (efd_raw_2026/expected). Where they differ from the page, the page wins (see comments).
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from core.errors import LakehouseError
from jobs.silver.senate_ptr import SenatePageError, SenatePtrRow, parse_senate_paper_page, parse_senate_ptr
from tests.conftest import SHARED_DATA

SENATE = SHARED_DATA / "senate"  # = Path(__file__).resolve().parents[2].parent / "shared/data/senate" by default
OLD = "efd_ptr_html_2014_2020"
RAW = "efd_raw_2026"

# The amount buckets as eFD prints them, with their bounds (written out here, not imported).
BOUNDS = {
    "$1,001 - $15,000": (1_001, 15_000), "$15,001 - $50,000": (15_001, 50_000),
    "$50,001 - $100,000": (50_001, 100_000), "$100,001 - $250,000": (100_001, 250_000),
    "$250,001 - $500,000": (250_001, 500_000), "$500,001 - $1,000,000": (500_001, 1_000_000),
    "$5,000,001 - $25,000,000": (5_000_001, 25_000_000),
}


@pytest.fixture(scope="module")
def senate() -> Path:
    if not SENATE.is_dir():
        pytest.fail(f"The real Senate sample pages are missing: expected {SENATE} (shared/ beside the clone), "
                    "or set LAKEHOUSE_SHARED_DATA.")
    return SENATE


def page_path(senate: Path, name: str) -> Path:
    """A page by its file name or the unique part of a raw 2026 capture's name."""
    matches = glob.glob(str(senate / name)) or glob.glob(str(senate / RAW / f"*{name}*.html"))
    assert len(matches) == 1, f"{name}: {matches}"
    return Path(matches[0])


def parse(senate: Path, name: str, report_id: str = "test"):
    return parse_senate_ptr(page_path(senate, name).read_bytes(), report_id)


def R(line_no, date, owner, ticker, name, asset_type, tx, amount, *, comment=None, details=(), problems=()):
    """An expected row: what the page prints, in silver.ptr_transactions' codes."""
    low, high = BOUNDS[amount]
    return (line_no, dt.datetime.strptime(date, "%m/%d/%Y").date(), owner, ticker, name, details, asset_type, tx,
            amount, low, high, comment, tuple(problems))


def got(row: SenatePtrRow):
    return (row.line_no, row.transaction_date, row.owner, row.ticker, row.asset_name, row.details, row.asset_type,
            row.transaction_type, row.amount_range, row.amount_low, row.amount_high, row.comment, row.problems)


# ------------------------------------------------------------------------------------------------
# Every real e-filed PTR page: header facts, exact row count, the page's own counts.

SELF0 = ("Self", 0)
PAGES = [
    # file, filer as printed, (sorted name), report for, amendment, filed as printed, rows, declared by owner
    (f"{OLD}/072982d0-5c5e-4658-9ea0-a25b76b80f41.html", "The Honorable Susan M Collins", "Collins, Susan M.",
     "04/15/2014", None, "04/15/2014 @ 11:10 AM", 5, (0, 0, 5, 0)),
    (f"{OLD}/112fdda9-70c4-4cc5-a386-5c9491ba2d9b.html", "Mr. David A Perdue Jr", "Perdue, David",
     "06/04/2015", None, "06/04/2015 @ 3:38 PM", 127, (0, 127, 0, 0)),
    (f"{OLD}/06d6db62-37eb-4a7c-9a98-038ae20720a5.html", "The Honorable Susan M Collins", "Collins, Susan M.",
     "03/19/2014", 2, "07/20/2015 @ 12:31 PM", 9, (0, 0, 9, 0)),
    (f"{OLD}/2370428e-29f1-4129-b870-ec79f89a6518.html", "The Honorable Daniel S Sullivan", "Sullivan, Dan",
     "08/03/2016", None, "08/03/2016 @ 3:40 PM", 8, (0, 8, 0, 0)),
    (f"{OLD}/5bdbba1a-4794-48fa-a26c-09717428dc37.html", "Mr. David A Perdue Jr", "Perdue, David",
     "06/04/2015", 2, "09/01/2016 @ 10:20 AM", 127, (0, 127, 0, 0)),
    (f"{OLD}/0c3d0d20-2de7-463c-bf63-94a4277a1f2c.html", "The Honorable Sheldon Whitehouse", "Whitehouse, Sheldon",
     "04/17/2017", None, "04/17/2017 @ 2:06 PM", 6, (0, 4, 0, 2)),
    (f"{OLD}/033d040a-4fe0-4d8e-a37e-355a174d0b52.html", "The Honorable Daniel S Sullivan", "Sullivan, Dan",
     "07/24/2018", None, "07/24/2018 @ 7:13 PM", 1, (0, 1, 0, 0)),
    (f"{OLD}/1540a3ec-a046-4774-983e-be70a0245e63.html", "The Honorable Patrick J Toomey", "Toomey, Pat",
     "05/02/2017", 1, "08/13/2018 @ 9:04 AM", 1, (0, 1, 0, 0)),
    (f"{OLD}/04d279c4-2a06-42c9-94ab-903e116a76be.html", "The Honorable Rick Scott", "Scott, Rick",
     "04/17/2019", None, "04/17/2019 @ 11:51 AM", 5, (0, 0, 5, 0)),
    (f"{OLD}/00f9f9ee-b87b-4736-950b-41f9a6cfe2b4.html", "The Honorable A. Mitchell McConnell Jr.",
     "McConnell, A. Mitchell Jr.", "06/14/2019", None, "06/14/2019 @ 9:04 AM", 2, (0, 0, 2, 0)),
    (f"{OLD}/7ddbb448-44d1-47b5-8f47-fa2eab111d60.html", "The Honorable Roy Blunt", "Blunt, Roy",
     "12/28/2019", None, "12/28/2019 @ 2:07 PM", 2, (0, 0, 2, 0)),
    (f"{OLD}/f330078d-ccbe-46f5-9764-376f7b421236.html", "The Honorable Gary C Peters", "Peters, Gary",
     "01/25/2020", None, "01/25/2020 @ 6:28 PM", 2, (2, 0, 0, 0)),
    (f"{OLD}/8b915201-8116-4027-9b76-8595ec4ffd85.html", "Mrs. Kelly Loeffler", "Loeffler, Kelly",
     "02/07/2020", None, "02/07/2020 @ 5:12 PM", 22, (1, 0, 21, 0)),
    # "@ 3 PM" and "@ 4 PM": the site drops ':00' minutes.
    (f"{OLD}/47763e88-79c4-477e-af8d-5d5b3bc5ede4.html", "The Honorable Patrick J Toomey", "Toomey, Pat",
     "03/06/2020", None, "03/06/2020 @ 3 PM", 1, (1, 0, 0, 0)),
    (f"{OLD}/370492b8-ed0a-4792-b45b-972d5da8a1e5.html", "Mrs. Kelly Loeffler", "Loeffler, Kelly",
     "03/12/2020", None, "03/12/2020 @ 4 PM", 25, (0, 19, 6, 0)),
    (f"{OLD}/6beec58d-0b48-4346-9d9e-2f4cb6e88264.html", "The Honorable Thomas R Carper", "Carper, Thomas R.",
     "04/01/2020", None, "04/01/2020 @ 9:16 AM", 14, (0, 0, 14, 0)),
    (f"{OLD}/a92c001e-0975-47b5-966e-e8b3a01a7767.html", "The Honorable John Hoeven", "Hoeven, John",
     "04/03/2020", None, "04/03/2020 @ 12:11 PM", 1, (1, 0, 0, 0)),
    (f"{OLD}/8eae5ca1-bec4-44fd-b294-088d17ed7760.html", "Ms. Tina Smith", "Smith, Tina",
     "04/16/2020", None, "04/16/2020 @ 4:30 PM", 2, (0, 0, 2, 0)),
    ("fetterman-4b69867f", "The Honorable John Fetterman", "Fetterman, John",
     "06/12/2026", None, "06/12/2026 @ 1:23 PM", 1, (0, 0, 0, 1)),
    ("whitehouse-4aa0094d", "The Honorable Sheldon Whitehouse", "Whitehouse, Sheldon",
     "06/02/2026", None, "06/02/2026 @ 12:56 PM", 3, (2, 0, 1, 0)),
    ("boozman-orig-a9754ff5", "The Honorable John Boozman", "Boozman, John",
     "06/16/2026", None, "06/16/2026 @ 10:19 AM", 18, (0, 18, 0, 0)),
    ("boozman-amendment1-727b4eb6", "The Honorable John Boozman", "Boozman, John",
     "06/16/2026", 1, "06/16/2026 @ 10:27 AM", 18, (0, 18, 0, 0)),
    ("boozman-orig-2e076759", "The Honorable John Boozman", "Boozman, John",
     "06/16/2026", None, "06/16/2026 @ 9:46 AM", 15, (0, 15, 0, 0)),
]


@pytest.mark.parametrize("page", PAGES, ids=[p[0].split("/")[-1][:19] for p in PAGES])
def test_every_real_page_header_and_exact_row_count(senate, page):
    name, filer, sorted_name, report_for, amendment, filed, n_rows, (n_self, n_joint, n_spouse, n_child) = page
    parsed = parse(senate, name, "uuid-1")
    assert parsed.report_id == "uuid-1"
    assert parsed.filer_name == filer
    assert parsed.filer_name_sorted == sorted_name
    assert parsed.report_for == dt.datetime.strptime(report_for, "%m/%d/%Y").date()
    assert parsed.amendment_number == amendment
    assert parsed.is_amendment == (amendment is not None)
    suffix = f" (Amendment {amendment})" if amendment else ""
    assert parsed.title == f"Periodic Transaction Report for {report_for}{suffix}"
    assert parsed.filed_text == filed
    assert parsed.filed_at == dt.datetime.strptime(filed.replace(" PM", ":00 PM") if ":" not in filed else filed,
                                                   "%m/%d/%Y @ %I:%M %p")
    assert len(parsed.rows) == n_rows
    assert parsed.declared_total == n_rows
    assert parsed.declared_by_owner == (("Self", n_self), ("Joint", n_joint), ("Spouse", n_spouse),
                                        ("Dependent Child", n_child))
    assert parsed.problems == ()  # the page's counts agree with the rows found; '#' runs 1..N
    assert [r.row_ordinal for r in parsed.rows] == list(range(1, n_rows + 1))
    assert sorted(r.line_no for r in parsed.rows) == list(range(1, n_rows + 1))


# SOURCE.md's per-page tallies of the 2014-2020 pages (the page's texts), an independent count.
TALLIES = {
    "072982d0": ({None: 5}, {"Sale (Partial)": 3, "Purchase": 2}, {"Spouse": 5}),
    "112fdda9": ({"Stock": 125, "Municipal Security": 2}, {"Sale (Full)": 8, "Sale (Partial)": 54, "Purchase": 65},
                 {"Joint": 127}),
    "06d6db62": ({"Stock": 2, None: 7}, {"Exchange": 1, "Sale (Full)": 1, "Sale (Partial)": 3, "Purchase": 4},
                 {"Spouse": 9}),
    "2370428e": ({"Other Securities": 8}, {"Sale (Full)": 3, "Sale (Partial)": 5}, {"Joint": 8}),
    "5bdbba1a": ({"Stock": 125, "Municipal Security": 2}, {"Sale (Full)": 9, "Purchase": 65, "Sale (Partial)": 53},
                 {"Joint": 127}),
    "0c3d0d20": ({"Corporate Bond": 1, "Stock": 5}, {"Sale (Full)": 2, "Exchange": 1, "Sale (Partial)": 3},
                 {"Joint": 4, "Child": 2}),
    "033d040a": ({"Stock": 1}, {"Sale (Partial)": 1}, {"Joint": 1}),
    "1540a3ec": ({"Stock Option": 1}, {"Purchase": 1}, {"Joint": 1}),
    "04d279c4": ({"Municipal Security": 5}, {"Purchase": 5}, {"Spouse": 5}),
    "00f9f9ee": ({"Stock": 2}, {"Sale (Full)": 2}, {"Spouse": 2}),
    "7ddbb448": ({"Stock Option": 2}, {"Sale (Full)": 2}, {"Spouse": 2}),
    "f330078d": ({"Municipal Security": 2}, {"Exchange": 2}, {"Self": 2}),
    "8b915201": ({"Stock Option": 6, "Other Securities": 2, "Stock": 11, "Municipal Security": 3},
                 {"Sale (Partial)": 15, "Purchase": 6, "Sale (Full)": 1}, {"Spouse": 21, "Self": 1}),
    "47763e88": ({"Stock": 1}, {"Purchase": 1}, {"Self": 1}),
    "370492b8": ({"Stock": 19, "Stock Option": 6}, {"Purchase": 2, "Sale (Full)": 9, "Sale (Partial)": 14},
                 {"Joint": 19, "Spouse": 6}),
    "6beec58d": ({"Stock": 12, "Other Securities": 2}, {"Purchase": 10, "Sale (Full)": 4}, {"Spouse": 14}),
    "a92c001e": ({"Non-Public Stock": 1}, {"Purchase": 1}, {"Self": 1}),
    "8eae5ca1": ({"Stock": 2}, {"Sale (Partial)": 2}, {"Spouse": 2}),
}


@pytest.mark.parametrize("prefix", sorted(TALLIES))
def test_2014_2020_pages_tally_by_asset_type_type_and_owner(senate, prefix):
    rows = parse(senate, f"{OLD}/{prefix}-*.html").rows
    asset_types, tx_types, owners = TALLIES[prefix]
    assert Counter(r.asset_type for r in rows) == Counter(asset_types)
    assert Counter(r.transaction_type_text for r in rows) == Counter(tx_types)
    assert Counter(r.owner_text for r in rows) == Counter(owners)


def test_codes_follow_the_house_model(senate):
    # Owner: null = the filer, SP, JT, DC ("Child" on rows); type: purchase/sale/partial_sale/exchange.
    rows = [r for p in PAGES for r in parse(senate, p[0]).rows]
    assert {(r.owner_text, r.owner) for r in rows} == {
        ("Self", None), ("Spouse", "SP"), ("Joint", "JT"), ("Child", "DC")}
    assert {(r.transaction_type_text, r.transaction_type) for r in rows} == {
        ("Purchase", "purchase"), ("Sale (Full)", "sale"), ("Sale (Partial)", "partial_sale"), ("Exchange", "exchange")}
    assert len(rows) == 415


# ------------------------------------------------------------------------------------------------
# Every field of every row, for 18 pages (read off the page; the 2014-2020 ones also agree with SSW).

COLLINS_2014 = (
    R(5, "04/08/2014", "SP", "CAT", "Caterpillar Inc. (NYSE)", None, "partial_sale", "$1,001 - $15,000",
      problems=("empty_asset_type",)),
    R(4, "04/09/2014", "SP", "AMZN", "Amazon.com Inc. (NASDAQ)", None, "partial_sale", "$1,001 - $15,000",
      problems=("empty_asset_type",)),
    R(3, "04/09/2014", "SP", "FB", "Facebook, Inc. (NASDAQ)", None, "partial_sale", "$1,001 - $15,000",
      problems=("empty_asset_type",)),
    R(2, "04/07/2014", "SP", "M", "Macy's, Inc. (NYSE)", None, "purchase", "$1,001 - $15,000",
      problems=("empty_asset_type",)),
    R(1, "04/07/2014", "SP", "HON", "Honeywell International Inc. (NYSE)", None, "purchase", "$1,001 - $15,000",
      problems=("empty_asset_type",)),
)
WHITEHOUSE_2017 = (
    R(6, "03/15/2017", "JT", None, "Raymond James Financial", "Corporate Bond", "sale", "$1,001 - $15,000",
      comment="Redemption", details=(("Rate/Coupon", "6.9"), ("Matures", "03/15/2042"))),
    R(5, "03/14/2017", "DC", "LLTC", "Linear Technology Corporation", "Stock", "sale", "$1,001 - $15,000"),
    R(4, "03/14/2017", "DC", "ADI", "Analog Devices, Inc.", "Stock", "exchange", "$1,001 - $15,000",
      comment="Shares received in exchange for Linear Technology shares as a result of merger"),
    R(3, "03/06/2017", "JT", "MCHP", "Microchip Technology Incorporated", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(2, "03/06/2017", "JT", "CAG", "Conagra Brands, Inc.", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(1, "03/06/2017", "JT", "GE", "General Electric Company", "Stock", "partial_sale", "$1,001 - $15,000"),
)
SULLIVAN_2016 = (
    R(8, "09/15/2015", "JT", None, "Alaska State General Obligation Bond", "Other Securities", "sale",
      "$250,001 - $500,000"),
    R(7, "08/17/2015", "JT", "SPY", "SPDR S&P 500 ETF", "Other Securities", "sale", "$50,001 - $100,000"),
    R(6, "07/15/2015", "JT", "AFTEX", "American Funds Tax-Exempt Bond A", "Other Securities", "partial_sale",
      "$1,001 - $15,000"),
    R(5, "05/28/2015", "JT", "SPY", "SPDR S&P 500 ETF", "Other Securities", "partial_sale", "$15,001 - $50,000"),
    R(4, "03/27/2015", "JT", "XLI", "Industrial Select Sector SPDR ETF", "Other Securities", "sale",
      "$15,001 - $50,000"),
    R(3, "01/28/2015", "JT", "SPY", "SPDR S&P 500 ETF", "Other Securities", "partial_sale", "$1,001 - $15,000"),
    R(2, "01/28/2015", "JT", "IWD", "iShares Russell 1000 Value", "Other Securities", "partial_sale",
      "$1,001 - $15,000"),
    R(1, "01/28/2015", "JT", "XLI", "Industrial Select Sector SPDR ETF", "Other Securities", "partial_sale",
      "$1,001 - $15,000"),
)
SCOTT_2019 = (
    R(5, "03/22/2019", "SP", None, "Metropolitan Washington DC Airports Authority Revenue Bond", "Municipal Security",
      "purchase", "$100,001 - $250,000", details=(("Rate/Coupon", "5.0%"), ("Matures", "10/01/2019"))),
    R(4, "03/22/2019", "SP", None, "Metropolitan Washington DC Airports Authority Revenue Bond", "Municipal Security",
      "purchase", "$500,001 - $1,000,000", details=(("Rate/Coupon", "5.0%"), ("Matures", "10/01/2019"))),
    R(3, "03/22/2019", "SP", None, "Charlotte NC Airport Revenue Bond", "Municipal Security", "purchase",
      "$250,001 - $500,000", details=(("Rate/Coupon", "5.25%"), ("Matures", "07/01/2019"))),
    R(2, "03/22/2019", "SP", None, "Metropolitan Washington DC Airports Authority Revenue Bond", "Municipal Security",
      "purchase", "$500,001 - $1,000,000", details=(("Rate/Coupon", "5.0%"), ("Matures", "10/01/2019"))),
    R(1, "03/22/2019", "SP", None, "Charlotte NC Airport Revenue Bond", "Municipal Security", "purchase",
      "$500,001 - $1,000,000", details=(("Rate/Coupon", "5.25%"), ("Matures", "07/01/2019"))),
)
MCCONNELL_2019 = (
    R(2, "06/03/2019", "SP", "VMC", "Vulcan Materials Company", "Stock", "sale", "$250,001 - $500,000",
      comment="Complete Disposition of Vulcan Materials Stock"),
    R(1, "06/03/2019", "SP", "IR", "Ingersoll-Rand Plc", "Stock", "sale", "$250,001 - $500,000",
      comment="Complete Disposition of Ingersoll Rand Stock"),
)
BLUNT_2019 = (
    R(2, "11/26/2019", "SP", "KHC", "The Kraft Heinz Company", "Stock Option", "sale", "$1,001 - $15,000",
      comment="Option received as part of compensation.",
      details=(("Option Type", "Neither"), ("Strike price", "$24.96"), ("Expires", "02/23/2020"))),
    R(1, "12/02/2019", "SP", "MDLZ", "Mondelez International, Inc.", "Stock Option", "sale", "$50,001 - $100,000",
      comment="Option as part of compensation from employer prior to company split.",
      details=(("Option Type", "Neither"), ("Strike price", "$24.87"), ("Expires", "02/23/2022"))),
)
PETERS_2020 = (
    R(2, "12/31/2019", None, None,
      "WARRINGTON TWP PA GO BDS 2014 DUE 12/01/2029 (Exchanged)\n"
      "WARRINGTON TWP PA GO BDS 2014 DUE 12/01/2029 CALLABLE-NEXT PRICING CALL 12/01/2024 (Received)",
      "Municipal Security", "exchange", "$1,001 - $15,000",
      details=(("Rate/Coupon", "3.125%"), ("Matures", "12/01/2029"))),
    R(1, "12/31/2019", None, None,
      "WARRINGTON TWP PA GO BDS 2014 DUE 12/01/2029 (Exchanged)\n"
      "WARRINGTON TWP PA GO BDS 2014 DUE 12/01/2029 PREREFUNDED 12/01/2024 (Received)",
      "Municipal Security", "exchange", "$1,001 - $15,000",
      details=(("Rate/Coupon", "3.125%"), ("Matures", "12/01/2029"))),
)
TOOMEY_2017_AMENDMENT = (
    R(1, "03/08/2017", "JT", "SPY", "SPDR S&P 500 ETF", "Stock Option", "purchase", "$1,001 - $15,000",
      comment="Option was not sold or exercised. Option expired on 06/30/2017.",
      details=(("Option Type", "Put"), ("Strike price", "$210.00"), ("Expires", "06/30/2017"))),
)
SULLIVAN_2018 = (
    R(1, "05/22/2018", "JT", "RPM", "RPM International Inc.", "Stock", "partial_sale", "$1,001 - $15,000"),
)
TOOMEY_2020 = (
    R(1, "02/28/2020", None, None, "PPL", "Stock", "purchase", "$15,001 - $50,000",
      problems=("ticker_in_asset_name:PPL",)),
)
HOEVEN_2020 = (
    R(1, "04/02/2020", None, None, "Westbrand, Inc.", "Non-Public Stock", "purchase", "$15,001 - $50,000",
      details=(("Company", "Westbrand, Inc. (Minot, ND)"),
               ("Description", "Bank holding company of First Western Bank"))),
)
SMITH_2020 = (
    R(2, "03/17/2020", "SP", "DXCM", "DexCom, Inc.", "Stock", "partial_sale", "$250,001 - $500,000"),
    R(1, "03/17/2020", "SP", "PODD", "Insulet Corporation", "Stock", "partial_sale", "$250,001 - $500,000"),
)
FETTERMAN_2026 = (
    R(1, "05/06/2026", "DC", None, "EXPEDIA GROUP INC NOTE", "Corporate Bond", "purchase", "$1,001 - $15,000",
      details=(("Rate/Coupon", "5.5%"), ("Matures", "2036-04-15"))),
)
WHITEHOUSE_2026 = (
    R(3, "05/07/2026", None, "ORCL", "Oracle Corporation Common Stock", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(2, "05/08/2026", None, "NVDA", "NVIDIA Corporation - Common Stock", "Stock", "partial_sale",
      "$100,001 - $250,000"),
    R(1, "05/08/2026", "SP", "NVDA", "NVIDIA Corporation - Common Stock", "Stock", "partial_sale",
      "$100,001 - $250,000"),
)
BOOZMAN_ORIGINAL = (
    R(18, "05/27/2026", "JT", "VEA", "Vanguard Developed Markets Index Fund - ETF Shares", "Stock", "partial_sale",
      "$1,001 - $15,000"),
    R(17, "05/27/2026", "JT", "VNQI", "Vanguard Global ex-U.S. Real Estate Index Fund - ETF Shares", "Stock",
      "partial_sale", "$1,001 - $15,000"),
    R(16, "05/27/2026", "JT", "LITP", "Sprott Lithium Miners ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(15, "05/27/2026", "JT", "IVV", "iShares Core S&P 500 ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(14, "05/13/2026", "JT", "SCHP", "Schwab U.S. TIPS ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(13, "05/27/2026", "JT", "RNWGX", "NEW WORLD FUND INC - Class R-6", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(12, "05/13/2026", "JT", "JMBS", "Janus Henderson Mortgage-Backed Securities ETF", "Stock", "partial_sale",
      "$1,001 - $15,000"),
    R(11, "05/27/2026", "JT", None, "SPYM - Tradr 2X Long SPY Monthly ETF", "Stock", "partial_sale", "$1,001 - $15,000",
      problems=("ticker_in_asset_name:SPYM",)),
    R(10, "05/27/2026", "JT", "IWM", "iShares Russell 2000 ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(9, "05/27/2026", "JT", "EFA", "iShares MSCI EAFE ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(8, "05/13/2026", "JT", "CMBS", "iShares CMBS ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(7, "05/13/2026", "JT", "IEI", "iShares 3-7 Year Treasury Bond ETF", "Stock", "sale", "$50,001 - $100,000"),
    R(6, "05/13/2026", "JT", "MBB", "iShares MBS ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(5, "05/27/2026", "JT", "GEM", "Goldman Sachs ActiveBeta(R) Emerging Markets Equity ETF", "Stock", "partial_sale",
      "$1,001 - $15,000"),
    R(4, "05/27/2026", "JT", None, "FTGC - First Trust Global Tactical Commodity Strategy Fund", "Stock",
      "partial_sale", "$1,001 - $15,000", problems=("ticker_in_asset_name:FTGC",)),
    R(3, "05/27/2026", "JT", "EIPI", "FT Energy Income Partners Enhanced Income ETF", "Stock", "partial_sale",
      "$1,001 - $15,000"),
    R(2, "05/15/2026", "JT", "ECL", "Ecolab Inc. Common Stock", "Stock", "partial_sale", "$1,001 - $15,000"),
    R(1, "05/15/2026", "JT", None, "ACN - Accenture plc Class A Ordinary Shares (Ireland)", "Stock", "partial_sale",
      "$1,001 - $15,000", problems=("ticker_in_asset_name:ACN",)),
)
ARMSTRONG_TRIMMED = (
    R(703, "03/27/2026", None, "UHS", "Universal Health Services, Inc. Common Stock", "Stock", "purchase",
      "$1,001 - $15,000"),
    R(702, "06/22/2026", "JT", "WMB", "Williams Companies, Inc. (The) Common Stock", "Stock Option", "sale",
      "$250,001 - $500,000", details=(("Option Type", "Call"), ("Strike price", "$75.00"), ("Expires", "2026-08-21"))),
    R(701, "06/24/2026", "JT", "WMB", "Williams Companies, Inc. (The) Common Stock", "Stock", "partial_sale",
      "$5,000,001 - $25,000,000"),
    R(700, "03/30/2026", None, None, "Recruit Holdings Co Ltd Unsponsored ADR (RCRUY)", "Stock", "purchase",
      "$1,001 - $15,000", problems=("ticker_in_asset_name:RCRUY",)),
    R(699, "03/30/2026", None, None, "AIA Group Limited (AAGIY)", "Stock", "purchase", "$15,001 - $50,000",
      problems=("ticker_in_asset_name:AAGIY",)),
    R(698, "03/27/2026", None, "DVA", "DaVita Inc. Common Stock", "Stock", "purchase", "$1,001 - $15,000"),
    R(697, "03/27/2026", None, "DDOG", "Datadog, Inc. - Class A Common Stock", "Stock", "purchase", "$1,001 - $15,000"),
    R(696, "03/27/2026", None, "CDNS", "Cadence Design Systems, Inc. - Common Stock", "Stock", "sale",
      "$50,001 - $100,000"),
)
LOEFFLER_FEB_2020 = (
    R(22, "01/14/2020", "SP", "CMCSA", "Comcast Corporation", "Stock Option", "partial_sale", "$1,001 - $15,000",
      details=(("Option Type", "Put"), ("Strike price", "$42.50"), ("Expires", "07/17/2020"))),
    R(21, "01/14/2020", "SP", "CSCO", "Cisco Systems, Inc.", "Stock Option", "partial_sale", "$1,001 - $15,000",
      details=(("Option Type", "Put"), ("Strike price", "$45.00"), ("Expires", "07/17/2020"))),
    R(20, "01/14/2020", "SP", "GS", "The Goldman Sachs Group, Inc.", "Stock Option", "partial_sale", "$1,001 - $15,000",
      details=(("Option Type", "Put"), ("Strike price", "$215.00"), ("Expires", "06/19/2020"))),
    R(19, "01/14/2020", "SP", "CVX", "Chevron Corporation", "Stock Option", "partial_sale", "$1,001 - $15,000",
      details=(("Option Type", "Put"), ("Strike price", "$105.00"), ("Expires", "06/19/2020"))),
    R(18, "01/14/2020", "SP", "UL", "The Unilever Group", "Stock Option", "partial_sale", "$1,001 - $15,000",
      details=(("Option Type", "Put"), ("Strike price", "$55.00"), ("Expires", "08/21/2020"))),
    R(17, "01/08/2020", "SP", "PRU", "Prudential Financial, Inc.", "Stock Option", "partial_sale", "$1,001 - $15,000",
      details=(("Option Type", "Put"), ("Strike price", "$87.50"), ("Expires", "06/19/2020"))),
    R(16, "01/29/2020", "SP", None, "Blackstone Real Estate Investment Trust", "Other Securities", "purchase",
      "$100,001 - $250,000",
      details=(("Company", "The Blackstone Group Inc. (New York, NY)"),
               ("Description", "Real Estate Investment Trust"))),
    R(15, "01/29/2020", None, None, "Blackstone Real Estate Investment Trust", "Other Securities", "purchase",
      "$15,001 - $50,000",
      details=(("Company", "The Blackstone Group Inc. (New York, NY)"),
               ("Description", "Real Estate Investment Trust"))),
    R(14, "01/31/2020", "SP", "TJX", "The TJX Companies, Inc.", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(13, "01/31/2020", "SP", "ROST", "Ross Stores, Inc.", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(12, "01/31/2020", "SP", "AZO", "AutoZone, Inc.", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(11, "01/30/2020", "SP", "AZO", "AutoZone, Inc.", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(10, "01/29/2020", "SP", "ROST", "Ross Stores, Inc.", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(9, "01/29/2020", "SP", "KEYS", "Keysight Technologies, Inc.", "Stock", "sale", "$100,001 - $250,000"),
    R(8, "01/29/2020", "SP", "CMCSA", "Comcast Corporation", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(7, "01/28/2020", "SP", "REZI", "Resideo Technologies, Inc.", "Stock", "partial_sale", "$15,001 - $50,000"),
    R(6, "01/27/2020", "SP", "REZI", "Resideo Technologies, Inc.", "Stock", "partial_sale", "$100,001 - $250,000"),
    R(5, "01/21/2020", "SP", "DFS", "Discover Financial Services", "Stock", "purchase", "$250,001 - $500,000"),
    R(4, "01/17/2020", "SP", None, "Georgia State Road & Tollway Auth Revenue Bond", "Municipal Security", "purchase",
      "$100,001 - $250,000", details=(("Rate/Coupon", "5.0%"), ("Matures", "10/01/2021"))),
    R(3, "01/08/2020", "SP", None, "Sumter County Georgia School District General Obligation Bond",
      "Municipal Security", "purchase", "$250,001 - $500,000",
      details=(("Rate/Coupon", "5.5%"), ("Matures", "10/01/2023"))),
    R(2, "01/08/2020", "SP", None, "Georgia State General Obligation Bond", "Municipal Security", "purchase",
      "$100,001 - $250,000", details=(("Rate/Coupon", "5.0%"), ("Matures", "02/01/2021"))),
    R(1, "01/24/2020", "SP", "REZI", "Resideo Technologies, Inc.", "Stock", "partial_sale", "$50,001 - $100,000"),
)
CARPER_2020 = (
    R(3, "03/24/2020", "SP", "VZ", "Verizon Communications Inc.", "Stock", "purchase", "$1,001 - $15,000"),
    R(2, "03/23/2020", "SP", "SPY", "SPDR S&P 500 ETF Trust", "Other Securities", "purchase", "$1,001 - $15,000"),
    R(1, "03/23/2020", "SP", "CEF", "Sprott Physical Gold and Silver Trust", "Stock", "purchase", "$1,001 - $15,000"),
    R(14, "03/27/2020", "SP", "DIS", "The Walt Disney Company", "Stock", "purchase", "$1,001 - $15,000"),
    R(13, "03/27/2020", "SP", "SWKS", "Skyworks Solutions, Inc.", "Stock", "purchase", "$1,001 - $15,000"),
    R(12, "03/27/2020", "SP", "CVS", "CVS Health Corporation", "Stock", "purchase", "$1,001 - $15,000"),
    R(11, "03/27/2020", "SP", "PYPL", "PayPal Holdings, Inc.", "Stock", "purchase", "$1,001 - $15,000"),
    R(10, "03/24/2020", "SP", None, "AQR Long-Short Equity", "Other Securities", "sale", "$1,001 - $15,000"),
    R(9, "03/24/2020", "SP", "VOD", "Vodafone Group Plc", "Stock", "sale", "$1,001 - $15,000"),
    R(8, "03/24/2020", "SP", "MPC", "Marathon Petroleum Corporation", "Stock", "sale", "$1,001 - $15,000"),
    R(7, "03/24/2020", "SP", "WFC", "Wells Fargo & Company", "Stock", "sale", "$1,001 - $15,000"),
    R(6, "03/24/2020", "SP", "CSCO", "Cisco Systems, Inc.", "Stock", "purchase", "$1,001 - $15,000"),
    R(5, "03/24/2020", "SP", "ABBV", "AbbVie Inc.", "Stock", "purchase", "$1,001 - $15,000"),
    R(4, "03/24/2020", "SP", "JPM", "JPMorgan Chase & Co.", "Stock", "purchase", "$1,001 - $15,000"),
)

FULL = {
    f"{OLD}/072982d0-*.html": COLLINS_2014,  # 2014 layout: Asset Type blank, exchange in the name
    f"{OLD}/0c3d0d20-*.html": WHITEHOUSE_2017,  # bond sub-lines, Child owner, Exchange with a comment
    f"{OLD}/2370428e-*.html": SULLIVAN_2016,
    f"{OLD}/04d279c4-*.html": SCOTT_2019,
    f"{OLD}/00f9f9ee-*.html": MCCONNELL_2019,
    f"{OLD}/7ddbb448-*.html": BLUNT_2019,
    f"{OLD}/f330078d-*.html": PETERS_2020,  # an Exchange names both bonds, on two lines of the cell
    f"{OLD}/1540a3ec-*.html": TOOMEY_2017_AMENDMENT,
    f"{OLD}/033d040a-*.html": SULLIVAN_2018,
    f"{OLD}/47763e88-*.html": TOOMEY_2020,  # Ticker '--' and the ticker typed as the name
    f"{OLD}/a92c001e-*.html": HOEVEN_2020,  # Non-Public Stock: Company + Description sub-lines
    f"{OLD}/8eae5ca1-*.html": SMITH_2020,
    f"{OLD}/8b915201-*.html": LOEFFLER_FEB_2020,
    f"{OLD}/6beec58d-*.html": CARPER_2020,  # '#' printed 3, 2, 1, 14, ..., 4: page order kept
    "fetterman-4b69867f": FETTERMAN_2026,  # ISO date in the Matures sub-line
    "whitehouse-4aa0094d": WHITEHOUSE_2026,
    "boozman-orig-a9754ff5": BOOZMAN_ORIGINAL,
    "efd_fixtures_2026_ryanlafav/efd_ptr_report_sample.html": ARMSTRONG_TRIMMED,
}


@pytest.mark.parametrize("name", list(FULL), ids=[n.split("/")[-1][:19] for n in FULL])
def test_every_field_of_every_row(senate, name):
    assert [got(r) for r in parse(senate, name).rows] == list(FULL[name])


def test_sub_lines_are_details_never_glued_into_the_name(senate):
    row = parse(senate, f"{OLD}/1540a3ec-*.html").rows[0]
    assert row.asset_name == "SPDR S&P 500 ETF"
    assert row.description == "Option Type: Put; Strike price: $210.00; Expires: 06/30/2017"
    assert row.asset_name_lines == ("SPDR S&P 500 ETF",)
    peters = parse(senate, f"{OLD}/f330078d-*.html").rows[0]
    assert peters.asset_name_lines == (
        "WARRINGTON TWP PA GO BDS 2014 DUE 12/01/2029 (Exchanged)",
        "WARRINGTON TWP PA GO BDS 2014 DUE 12/01/2029 CALLABLE-NEXT PRICING CALL 12/01/2024 (Received)")
    assert parse(senate, f"{OLD}/033d040a-*.html").rows[0].description is None


# First, last and notable rows of the other pages.
SPOT = {
    f"{OLD}/112fdda9-*.html": (
        R(127, "02/23/2015", "JT", "BA", "The Boeing Company (NYSE)", "Stock", "sale", "$15,001 - $50,000"),
        R(126, "02/24/2015", "JT", "SMEZ", "SPDR EURO STOXX Small Cap ETF (NYSEArca)", "Stock", "partial_sale",
          "$15,001 - $50,000"),
        R(124, "03/25/2015", "JT", "SPY", "SPDR S&P 500 ETF Trust (NYSEArca)", "Stock", "sale", "$15,001 - $50,000"),
        # A when-issued ticker with a hyphen.
        R(54, "02/12/2015", "JT", "XLS-WI", "Exelis Inc. Common Stock Ex-Dis (NYSE)", "Stock", "partial_sale",
          "$1,001 - $15,000"),
        # Two-digit year in a sub-line, kept as printed.
        R(2, "01/06/2015", "JT", None, "Gainesville GA WTR & SWR REV", "Municipal Security", "purchase",
          "$500,001 - $1,000,000", details=(("Rate/Coupon", "5.0%"), ("Matures", "11/15/21"))),
        R(1, "01/12/2015", "JT", None, "Atlanta GA GO", "Municipal Security", "purchase", "$500,001 - $1,000,000",
          details=(("Rate/Coupon", "5.0%"), ("Matures", "12/01/21"))),
    ),
    f"{OLD}/5bdbba1a-*.html": (
        R(127, "02/23/2015", "JT", "BA", "The Boeing Company (NYSE)", "Stock", "sale", "$15,001 - $50,000"),
        R(126, "02/24/2015", "JT", "FEZ", "SPDR EURO STOXX 50 ETF", "Stock", "sale", "$15,001 - $50,000"),
        R(124, "03/25/2015", "JT", None, "SPDR S&P Bank ETF", "Stock", "sale", "$15,001 - $50,000"),
        R(2, "01/06/2015", "JT", None, "Gainesville GA WTR & SWR REV", "Municipal Security", "purchase",
          "$500,001 - $1,000,000", details=(("Rate/Coupon", "5.0%"), ("Matures", "11/15/21"))),
        R(1, "01/12/2015", "JT", None, "Atlanta GA GO", "Municipal Security", "purchase", "$500,001 - $1,000,000",
          details=(("Rate/Coupon", "5.0%"), ("Matures", "12/01/21"))),
    ),
    f"{OLD}/370492b8-*.html": (
        R(25, "02/14/2020", "JT", "ORCL", "Oracle Corporation", "Stock", "purchase", "$100,001 - $250,000"),
        R(7, "02/05/2020", "JT", "HON", "Honeywell International Inc.", "Stock", "sale", "$100,001 - $250,000"),
        R(6, "02/05/2020", "SP", "MRK", "Merck & Co., Inc.", "Stock Option", "partial_sale", "$1,001 - $15,000",
          details=(("Option Type", "Put"), ("Strike price", "$77.50"), ("Expires", "09/18/2020"))),
        R(1, "02/14/2020", "SP", "AFL", "Aflac Incorporated", "Stock Option", "partial_sale", "$1,001 - $15,000",
          details=(("Option Type", "Put"), ("Strike price", "$50.00"), ("Expires", "08/21/2020"))),
    ),
    f"{OLD}/06d6db62-*.html": (
        R(9, "03/04/2014", "SP", "LBTYK", "Liberty Global plc (NASDAQ)", "Stock", "exchange", "$1,001 - $15,000",
          comment="Acquired through UBS act. thru stock split of LBTYA."),
        R(8, "03/10/2014", "SP", "XTXI", "Crosstex Energy, Inc. (NASDAQ)", "Stock", "sale", "$1,001 - $15,000"),
        R(7, "03/12/2014", "SP", "NWL", "Newell Rubbermaid Inc. (NYSE)", None, "partial_sale", "$1,001 - $15,000",
          problems=("empty_asset_type",)),
        R(1, "03/04/2014", "SP", "RHT", "Red Hat, Inc. (NYSE)", None, "purchase", "$1,001 - $15,000",
          problems=("empty_asset_type",)),
    ),
    "boozman-amendment1-727b4eb6": (
        R(18, "05/27/2026", "JT", "VEA", "Vanguard Developed Markets Index Fund - ETF Shares", "Stock", "partial_sale",
          "$1,001 - $15,000"),
        R(11, "05/27/2026", "JT", "SPYM", "Tradr 2X Long SPY Monthly ETF", "Stock", "partial_sale", "$1,001 - $15,000"),
        R(7, "05/13/2026", "JT", "IEI", "iShares 3-7 Year Treasury Bond ETF", "Stock", "sale", "$50,001 - $100,000"),
        R(4, "05/27/2026", "JT", "FTGC", "First Trust Global Tactical Commodity Strategy Fund", "Stock", "partial_sale",
          "$1,001 - $15,000"),
        R(1, "05/15/2026", "JT", "ACN", "Accenture plc Class A Ordinary Shares (Ireland)", "Stock", "partial_sale",
          "$1,001 - $15,000"),
    ),
    "boozman-orig-2e076759": (
        R(15, "05/27/2026", "JT", "SCHP", "Schwab U.S. TIPS ETF", "Stock", "purchase", "$1,001 - $15,000"),
        R(3, "05/13/2026", "JT", "XFIV", "BondBloxx Bloomberg Five Year Target Duration US Treasury ETF", "Stock",
          "purchase", "$50,001 - $100,000"),
        R(1, "05/15/2026", "JT", "ALB", "Albemarle Corporation Common Stock", "Stock", "purchase", "$1,001 - $15,000"),
    ),
}


@pytest.mark.parametrize("name", list(SPOT), ids=[n.split("/")[-1][:19] for n in SPOT])
def test_spot_rows(senate, name):
    rows = parse(senate, name).rows
    expected = SPOT[name]
    by_line = {r.line_no: got(r) for r in rows}
    assert [by_line[e[0]] for e in expected] == list(expected)
    assert got(rows[0]) == expected[0] and got(rows[-1]) == expected[-1]  # first and last rows of the page


def test_amendments_restate_the_whole_report(senate):
    # Perdue's Amendment 2 (2016) restates all 127 rows and changes rows 126 and 124 only.
    original, amended = parse(senate, f"{OLD}/112fdda9-*.html"), parse(senate, f"{OLD}/5bdbba1a-*.html")
    changed = [a.line_no for a, b in zip(original.rows, amended.rows, strict=True) if got(a) != got(b)]
    assert changed == [126, 124]
    # Boozman's Amendment 1 fills the three Ticker cells the original left '--' (the ticker was typed in the name).
    original, amended = parse(senate, "boozman-orig-a9754ff5"), parse(senate, "boozman-amendment1-727b4eb6")
    pairs = zip(original.rows, amended.rows, strict=True)
    diff = [(a.line_no, a.ticker, b.ticker) for a, b in pairs if got(a) != got(b)]
    assert diff == [(11, None, "SPYM"), (4, None, "FTGC"), (1, None, "ACN")]
    # Nothing on the page says which report an amendment replaces.
    assert amended.amendment_number == 1 and amended.report_for == original.report_for


def test_trimmed_page_reports_its_declared_counts_against_the_rows(senate):
    # The ryanlafav fixture was cut to 8 of 703 rows by its author: the page-level check says so.
    page = parse(senate, "efd_fixtures_2026_ryanlafav/efd_ptr_report_sample.html", "fda235b3")
    assert page.declared_total == 703 and len(page.rows) == 8
    assert page.declared_by_owner == (("Self", 701), ("Joint", 2), ("Spouse", 0), ("Dependent Child", 0))
    assert page.problems == ("declared_total:703_rows_found:8", "declared_self:701_rows_found:6", "line_no_gaps")
    assert page.filer_name == "Mr. Alan Armstrong" and page.filed_text == "07/21/2026 @ 6:29 PM"


# ------------------------------------------------------------------------------------------------
# Second opinions.

SSW_OWNER = {None: "Self", "SP": "Spouse", "JT": "Joint", "DC": "Child"}


def test_senate_stock_watcher_agrees_on_every_row_it_has(senate):
    with (senate / "senate_stock_watcher_all_transactions.csv").open(encoding="utf-8", newline="") as f:
        ssw = list(csv.DictReader(f))
    compared = 0
    for path in sorted((senate / OLD).glob("*.html")):
        theirs = [r for r in ssw if r["ptr_link"].rstrip("/").endswith(path.stem)]
        rows = parse_senate_ptr(path.read_bytes(), path.stem).rows
        if not theirs:
            # SSW dropped amendments (06d6db62, 1540a3ec, 5bdbba1a) and lacks Hoeven's a92c001e altogether.
            assert path.stem[:8] in {"06d6db62", "1540a3ec", "5bdbba1a", "a92c001e"}
            continue
        assert len(theirs) == len(rows)  # same rows, in the page's order
        for mine, their in zip(rows, theirs, strict=True):
            assert (mine.transaction_date.strftime("%m/%d/%Y"), SSW_OWNER[mine.owner], mine.ticker or "--",
                    mine.asset_type or "", mine.transaction_type_text, mine.amount_range, mine.comment or "--") == (
                their["transaction_date"], their["owner"], their["ticker"], their["asset_type"], their["type"],
                their["amount"], their["comment"])
            # SSW keeps the cell's HTML: the name, then '<br>' lines and the sub-line <div>s glued after it.
            # We split them: the name is SSW's text before the first <div>, lines joined by '\n'.
            their_name = re.split(r"<div", their["asset_description"])[0]
            assert mine.asset_name == "\n".join(
                " ".join(html.unescape(part).split()) for part in re.split(r"<br\s*/?>", their_name))
            compared += 1
    assert compared == 360 - 9 - 1 - 127 - 1  # every row of the 14 pages SSW has


def test_2026_trades_json_agrees_except_sub_lines_glued_into_its_names(senate):
    trades = json.loads((senate / "senate_stock_watch_trades_2026-08-22.json").read_text())["trades"]
    pages = {"4b69867f": "fetterman-4b69867f", "4aa0094d": "whitehouse-4aa0094d", "a9754ff5": "boozman-orig-a9754ff5",
             "727b4eb6": "boozman-amendment1-727b4eb6", "2e076759": "boozman-orig-2e076759",
             "fda235b3": "efd_fixtures_2026_ryanlafav/efd_ptr_report_sample.html"}
    for uuid, name in pages.items():
        page = parse(senate, name, uuid)
        theirs = {int(t["trade_id"].rsplit("-", 1)[1]): t for t in trades if t["report_id"].startswith(uuid)}
        # The fixture page is trimmed to 8 rows; trades.json has all 703 of that report.
        assert len(theirs) == (703 if uuid == "fda235b3" else len(page.rows))
        for row in page.rows:
            t = theirs[row.line_no]
            assert (row.transaction_date.isoformat(), SSW_OWNER[row.owner], row.ticker, row.asset_type,
                    row.transaction_type_text, row.amount_range, row.amount_low, row.amount_high, row.comment or "",
                    page.filed_at.date().isoformat()) == (
                t["transaction_date"], t["owner"], t["ticker"], t["asset_type"], t["transaction_type"],
                t["amount_range"], t["amount_range_min"], t["amount_range_max"], t["comment"], t["disclosure_date"])
            # trades.json appends the sub-lines' text to the name ('EXPEDIA GROUP INC NOTE Rate/Coupon: 5.5% ...');
            # we keep them apart, so its name is ours followed by our sub-lines.
            glued = " ".join([row.asset_name] + [f"{label}: {value}" for label, value in row.details])
            assert t["asset_name"] == glued


TRANSCRIPTIONS = {"single_row_child_bond": "fetterman-4b69867f", "multi_row_sale_partial": "whitehouse-4aa0094d",
                  "amended_original_3row_delta": "boozman-orig-a9754ff5",
                  "amendment_restatement_18row": "boozman-amendment1-727b4eb6"}
TRANSCRIBED_OWNER = {None: "self", "SP": "spouse", "JT": "joint", "DC": "dependent"}


@pytest.mark.parametrize("case", list(TRANSCRIPTIONS))
def test_hand_transcriptions_agree_cell_by_cell(senate, case):
    expected = json.loads((senate / RAW / "expected" / f"{case}.expected.gold.json").read_text())
    page = parse(senate, TRANSCRIPTIONS[case], expected[0]["details"]["report_uuid"])
    assert len(expected) == len(page.rows)
    for row, e in zip(page.rows, expected, strict=True):
        d = e["details"]
        assert (row.row_ordinal, row.line_no_text, row.transaction_date.isoformat(), TRANSCRIBED_OWNER[row.owner],
                row.ticker, row.asset_name, row.asset_type, row.transaction_type_text,
                row.transaction_type == "partial_sale", row.amount_range, f"{row.amount_low}.00",
                f"{row.amount_high}.00", row.comment, page.amendment_number, page.filed_text) == (
            d["row_ordinal"], d["row_number"], e["transaction_date"], e["owner"], d["ticker"],
            e["asset_description_raw"], d["asset_type_raw"], d["transaction_type_raw"], d["partial_sale"],
            d["amount_band_raw"], e["value"]["low"], e["value"]["high"], d["comment"], d["amendment_number"],
            d["filed_at_raw"])
        # Their asset_detail joins the sub-lines with spaces; ours keeps them as (label, value) pairs.
        assert d["asset_detail"] == (" ".join(f"{label}: {value}" for label, value in row.details) or None)


# ------------------------------------------------------------------------------------------------
# Paper filings and pages that are not PTR pages.

def test_paper_view_pages_give_their_gif_pages_in_order(senate):
    raw = page_path(senate, "paper-view-blumenthal-a0d25e8f").read_bytes()
    assert parse_senate_paper_page(raw) == [
        f"https://efd-media-public.senate.gov/media/2026/2/000/000/000000{n}.gif" for n in range(112, 119)]
    fixture = (senate / "efd_fixtures_2026_ryanlafav" / "efd_paper_report_sample.html").read_text()
    assert parse_senate_paper_page(fixture) == [
        f"https://efd-media-public.senate.gov/media/2026/2/000/000/000000{n}.gif" for n in range(145, 150)]


@pytest.mark.parametrize(("name", "hint"), [
    ("paper-view-blumenthal-a0d25e8f", "paper filing"),
    ("agreement-page", "terms-agreement page"),
    ("search-form", "'eFD: Find Reports'"),
])
def test_pages_that_are_not_e_filed_ptrs_raise(senate, name, hint):
    with pytest.raises(SenatePageError, match="expected an e-filed PTR page") as caught:
        parse(senate, name, "r-1")
    assert hint in str(caught.value) and "r-1" in str(caught.value)
    assert isinstance(caught.value, LakehouseError)


def test_an_e_filed_ptr_page_is_not_a_paper_page(senate):
    with pytest.raises(SenatePageError, match="filingImage"):
        parse_senate_paper_page(page_path(senate, "fetterman-4b69867f").read_bytes())


# ------------------------------------------------------------------------------------------------
# Robustness: a real page's table reshaped the ways other captures and re-serialisations shape it.

def _reshaped(senate: Path) -> str:
    """Whitehouse 2017 with Owner moved last, an extra column, no <tbody>, &nbsp; in a header, entities."""
    text = page_path(senate, f"{OLD}/0c3d0d20-*.html").read_text()
    text = text.replace("<tbody>", "").replace("</tbody>", "")
    text = text.replace('<th scope="col">Owner</th>', "").replace(
        '<th scope="col">Comment</th>', '<th scope="col">Comment</th><th>Notes</th><th> Owner&nbsp;</th>')
    def move_owner(match: re.Match) -> str:
        row = match.group(0)
        owner = re.search(r"<td>(Joint|Child|Spouse|Self)</td>", row)
        row = row.replace(owner.group(0), "", 1)
        return row.replace("</tr>", f"<td>x</td><td>{owner.group(1)}</td></tr>")
    return re.sub(r"<tr>\s*<td>\d+</td>.*?</tr>", move_owner, text, flags=re.S)


def test_columns_are_found_by_header_label_not_position(senate):
    original = parse(senate, f"{OLD}/0c3d0d20-*.html").rows
    reshaped = parse_senate_ptr(_reshaped(senate).encode(), "r").rows
    assert [got(r) for r in reshaped] == [got(r) for r in original]


def test_odd_rows_are_kept_with_their_problems(senate):
    text = page_path(senate, f"{OLD}/033d040a-*.html").read_text()
    text = (text.replace("<td>Joint</td>", "<td>Trust</td>").replace("05/22/2018", "05/32/2018")
            .replace("Sale (Partial)", "Swap").replace("$1,001 - $15,000", "$1,001 - $15,000,000"))
    page = parse_senate_ptr(text, "odd")
    (row,) = page.rows
    assert row.owner == "Trust" and row.transaction_date is None and row.transaction_type == "Swap"
    assert row.amount_range == "$1,001 - $15,000,000" and row.amount_low == 1_001 and row.amount_high == 15_000_000
    assert row.problems == ("unparseable_transaction_date:'05/32/2018'", "unknown_owner:'Trust'",
                            "unknown_transaction_type:'Swap'", "unknown_amount:'$1,001 - $15,000,000'")
    # The page's own "1 Joint" no longer matches the rows: said once per owner.
    assert page.problems == ("declared_joint:1_rows_found:0", "declared_Trust:0_rows_found:1")


def test_a_bare_table_with_implied_end_tags_and_a_td_header_still_reads():
    # Other captures re-serialise the page: <td> headers in <thead>, no <tbody>, unclosed cells, &nbsp;.
    page = parse_senate_ptr(
        "<table><thead><tr><td>Owner</td><td>Transaction&nbsp;Date</td><td>Asset Name</td><td>Type</td>"
        "<td>Amount</td></tr></thead><tr><td>Spouse<td>01/02/2020<td><div>Foo &amp; Co</div>"
        '<div class="text-muted"><em>Company:</em>&nbsp;Foo</div><td>Purchase<td>$1,001 -  $15,000</tr></table>',
        "bare")
    (row,) = page.rows
    assert (row.owner, row.transaction_date, row.asset_name, row.details, row.transaction_type, row.amount_range) == (
        "SP", dt.date(2020, 1, 2), "Foo & Co", (("Company", "Foo"),), "purchase", "$1,001 - $15,000")
    assert row.problems == ("empty_asset_type",)
    assert page.problems == ("no_ptr_title", "no_report_date", "no_filer_name", "no_filed_date", "no_declared_count",
                             "missing_columns:asset_type,comment,line_no,ticker")
