"""The pages' House / Senate / Both control, over real HTTP on 127.0.0.1, on a warehouse holding both chambers.

The warehouse is the one ``lakehouse pipeline run`` builds in ``test_pipeline_senate.py``: the real 2025
House Clerk mirror (its three real PTR PDFs: 72 rows, Pelosi and Greene) beside the real June 2026 eFD
captures (six Senate reports, 37 rows in gold: Boozman, Whitehouse, Fetterman; Blumenthal's paper report
has none), each served over HTTP. Every page passes ``chamber`` to its named queries, every link carries
it on (as the as-of selector's version is carried), rows show their chamber, and each row links to its
source: the Clerk's PDF for the House, the eFD report for the Senate.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
import requests

from core.errors import QueryError
from lakehouse.app import Lakehouse
from lakehouse.pipeline import run_pipeline
from tests.conftest import SHARED_DATA, build_clerk_mirror, mirror_server, test_settings
from tests.integration.test_senate_efd import build_mirror, captures  # noqa: F401  (captures: a fixture)
from web.app import running
from web.data import RefusedError, WebData

pytestmark = pytest.mark.slow

WHITEHOUSE_REPORT = "4aa0094d-d9da-4a05-aa13-6d9f5d376105"
EFD = "https://efdsearch.senate.gov/search/view/ptr/"
CLERK = "https://disclosures-clerk.house.gov/public_disc/ptr-pdfs/2025/"


def build_two_chamber_home(tmp: Path, house_data: Path, captures: dict) -> Lakehouse:  # noqa: F811
    """Both chambers through silver and gold in one pipeline run, each source served over HTTP."""
    clerk = build_clerk_mirror(tmp / "clerk", house_data)
    efd = build_mirror(tmp / "efd", captures, index=True)
    app = Lakehouse.open(test_settings(tmp / "lh"))
    with mirror_server(clerk) as (house, _), mirror_server(efd) as (senate, _):
        report = run_pipeline(app, [2025], source=house, members_source=str(SHARED_DATA / "members"),
                              senate_source=senate, senate_since=dt.date(2026, 6, 1),
                              senate_until=dt.date(2026, 7, 2))
    assert report.ok
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory, house_data, captures):  # noqa: F811
    app = build_two_chamber_home(tmp_path_factory.mktemp("chambers"), house_data, captures)
    with running(app.store, app.settings) as url:
        yield app, url


def get(url: str) -> requests.Response:
    return requests.get(url, timeout=60)


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))).strip()


def by_id(page: str, element_id: str) -> str:
    """The text of the element with ``id`` (one without nested elements of its own tag)."""
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, f"no #{element_id}"
    return text(match.group(2))


def table(page: str, element_id: str) -> list[list[str]]:
    """The body rows of the first table in the element with ``id``, as the text of each cell."""
    match = re.search(rf'\bid="{element_id}"[^>]*>.*?<tbody>(.*?)</tbody>', page, re.S)
    assert match, f"no table in #{element_id}"
    rows = re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S)
    return [[text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)] for r in rows]


def cards(page: str) -> tuple[str, ...]:
    return tuple(by_id(page, i) for i in ("n-transactions", "n-filings", "n-members", "last-trade"))


def control(page: str) -> dict[str, tuple[str, bool]]:
    """The chamber control: each choice's link and whether it is the active one."""
    nav = re.search(r'<nav class="chamber-switch" id="chamber"[^>]*>(.*?)</nav>', page, re.S).group(1)
    return {
        m.group(1): (html.unescape(m.group(2)), "active" in m.group(3))
        for m in re.finditer(r'<a id="chamber-(\w+)" href="([^"]*)"([^>]*)>', nav)
    }


def links(page: str, prefix: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(rf'href="({re.escape(prefix)}[^"]*)"', page)]


def test_overview_per_chamber(site):
    _, url = site
    both, house, senate = (get(f"{url}/{q}") for q in ("", "?chamber=house", "?chamber=senate"))
    assert (both.status_code, house.status_code, senate.status_code) == (200, 200, 200)
    # transactions, PTR filings, Members trading, latest trade: the chambers add up to both.
    assert cards(both.text) == ("109", "477", "5", "2026-05-27")
    assert cards(house.text) == ("72", "471", "2", "2025-03-07")
    assert cards(senate.text) == ("37", "6", "3", "2026-05-27")
    assert by_id(senate.text, "chamber-note") == "Showing Senate reports only. Show both chambers"
    assert 'id="chamber-note"' not in both.text
    assert "<h1>Trades of Members of the Senate</h1>" in senate.text
    assert "<h1>Trades of Members of Congress</h1>" in both.text

    # Each chamber's own trending ranking (no note: the query takes the chamber).
    trending = {name: [r[:4] for r in table(page.text, "trending-table")][:3]
                for name, page in (("both", both), ("house", house), ("senate", senate))}
    assert trending == {
        "both": [["1", "CMBS", "iShares CMBS ETF", "2"],
                 ["2", "GIGB", "Goldman Sachs Access Investment Grade Corporate Bond ETF", "2"],
                 ["3", "JMBS", "Janus Henderson Mortgage-Backed Securities ETF", "2"]],
        "house": [["1", "DG", "Dollar General Corporation Common Stock", "2"],
                  ["2", "CRWD", "CrowdStrike Holdings, Inc. - Class A Common Stock", "1"],
                  ["3", "GS", "Goldman Sachs Group, Inc.", "1"]],
        "senate": [["1", "CMBS", "iShares CMBS ETF", "2"],
                   ["2", "GIGB", "Goldman Sachs Access Investment Grade Corporate Bond ETF", "2"],
                   ["3", "JMBS", "Janus Henderson Mortgage-Backed Securities ETF", "2"]],
    }
    assert all('id="trending-note"' not in p.text for p in (both, house, senate))

    # Top traders over the 365 days to the chamber's own latest trade.
    assert [r[:2] for r in table(senate.text, "top-traders")] == [
        ["John Boozman R", "33"], ["Sheldon Whitehouse D", "3"], ["John Fetterman D", "1"]]
    assert [r[:2] for r in table(house.text, "top-traders")] == [
        ["Marjorie Taylor Greene R", "63"], ["Nancy Pelosi D", "9"]]
    assert by_id(house.text, "top-traders").startswith("Top traders 365 days to 2025-03-07")

    # The latest trades: every row shows its chamber and links to its source.
    latest = table(senate.text, "latest")
    assert len(latest) == 15 and {r[2] for r in latest} == {"Senate"} and {r[-1] for r in latest} == {"eFD report"}
    assert {r[2] for r in table(house.text, "latest")} == {"House"}
    assert {r[-1] for r in table(house.text, "latest")} == {"Clerk PDF"}
    section = re.search(r'id="latest">(.*?)</section>', senate.text, re.S).group(1)
    assert set(links(section, EFD)) == {f"{EFD}{r}/" for r in (
        "2e076759-19df-458d-a3be-53610b8be5d0", "727b4eb6-d8c7-4792-aa5b-c651c2d72f9c")}


def test_the_control_and_every_link_carry_the_chamber(site):
    _, url = site
    page = get(f"{url}/?window=7&chamber=senate").text
    assert control(page) == {"house": ("/?window=7&chamber=house", False),
                             "senate": ("/?window=7&chamber=senate", True),
                             "both": ("/?window=7", False)}
    assert control(get(f"{url}/").text)["both"] == ("/", True)
    # Members, tickers, windows, the nav and the API links all stay in the Senate.
    members = links(page, "/members/")
    assert members[:3] == ["/members/B001236?chamber=senate", "/members/W000802?chamber=senate",
                           "/members/F000479?chamber=senate"]
    assert all(h.endswith("chamber=senate") for h in members + links(page, "/tickers/"))
    # The brand and Overview, the control (House, Senate, Both), the banner's way back, the windows.
    assert links(page, "/?") == ["/?chamber=senate", "/?chamber=senate", "/?window=7&chamber=house",
                                 "/?window=7&chamber=senate", "/?window=7", "/?window=7",
                                 "/?chamber=senate&window=7", "/?chamber=senate&window=30",
                                 "/?chamber=senate&window=90"]
    assert links(page, "/quality") == ["/quality?chamber=senate"]
    assert '<input type="hidden" name="chamber" value="senate">' in page  # the search box and the as-of form
    # With a version selected too, both are carried; the control keeps the version.
    sid = site[0].store.current_snapshot_id("gold.fact_transactions")
    dated = get(f"{url}/members/B001236?snapshot_id={sid}&chamber=senate").text
    assert f'href="/tickers/CMBS?snapshot_id={sid}&amp;chamber=senate"' in dated
    assert control(dated)["both"] == (f"/members/B001236?snapshot_id={sid}", False)
    assert f'/v1/members/B001236/trades?snapshot_id={sid}&amp;chamber=senate&amp;format=csv' in dated


def test_member_and_ticker_pages_per_chamber(site):
    _, url = site
    senate = get(f"{url}/members/B001236?chamber=senate").text
    assert by_id(senate, "member-name") == "John Boozman" and by_id(senate, "member-trades") == "33"
    trades = table(senate, "member-trade-list")
    assert len(trades) == 33 and {r[2] for r in trades} == {"Senate"} and {r[-1] for r in trades} == {"eFD report"}
    filings = table(senate, "member-filings")
    # Amendment 1 (727b4eb6) restates a9754ff5, whose rows left gold; the report is still listed.
    assert filings == [["2e076759…", "2026-06-16", "Senate", "Periodic Transaction Report", "eFD report"],
                       ["727b4eb6…", "2026-06-16", "Senate", "Periodic Transaction Report (amendment)", "eFD report"],
                       ["a9754ff5…", "2026-06-16", "Senate", "Periodic Transaction Report", "eFD report"]]
    assert sorted(set(links(senate, EFD))) == [f"{EFD}{r}/" for r in (
        "2e076759-19df-458d-a3be-53610b8be5d0", "727b4eb6-d8c7-4792-aa5b-c651c2d72f9c",
        "a9754ff5-901a-4877-b7be-a647bd361c52")]
    # A Senator's page in House mode is still their page, with no House trades and no House filings.
    house = get(f"{url}/members/B001236?chamber=house")
    assert house.status_code == 200 and by_id(house.text, "member-trades") == "0"
    assert table(house.text, "member-filings") == [["No filings with the House."]]
    # And a Representative's in the House: the Clerk's PDFs.
    pelosi = get(f"{url}/members/P000197?chamber=house").text
    assert by_id(pelosi, "member-trades") == "9"
    assert [(r[0], r[2], r[4]) for r in table(pelosi, "member-filings")] == [
        ("20033337", "House", "Clerk PDF"), ("20030630", "House", "Clerk PDF"), ("20026590", "House", "Clerk PDF")]
    assert f'<a class="source pdf" href="{CLERK}20026590.pdf" rel="noopener">Clerk PDF</a>' in pelosi
    assert by_id(get(f"{url}/members/P000197?chamber=senate").text, "member-trades") == "0"
    assert get(f"{url}/members/Z999999?chamber=senate").status_code == 404

    # NVDA: five House trades, two Senate ones (Whitehouse's), seven together.
    counts = {c: by_id(get(f"{url}/tickers/NVDA{q}").text, "ticker-trades")
              for c, q in (("both", ""), ("house", "?chamber=house"), ("senate", "?chamber=senate"))}
    assert counts == {"both": "7", "house": "5", "senate": "2"}
    nvda = table(get(f"{url}/tickers/NVDA?chamber=senate").text, "ticker-trade-list")
    assert [(r[0], r[2], r[3], r[5], r[6], r[-1]) for r in nvda] == [
        ("2026-05-08", "Senate", "Sheldon Whitehouse D", "partial sale", "$100,001 - $250,000", "eFD report")] * 2
    # A ticker only the House traded: its page, with no Senate trades; one nobody traded: a 404.
    dg = get(f"{url}/tickers/DG?chamber=senate")
    assert dg.status_code == 200 and by_id(dg.text, "ticker-trades") == "0"
    assert table(dg.text, "ticker-trade-list") == [["No trades."]]
    missing = get(f"{url}/tickers/ZZZZ?chamber=senate")
    assert missing.status_code == 404 and by_id(missing.text, "error-message") == (
        "No trades of ZZZZ in the data at this version in the Senate's reports (chamber=senate). "
        "Find tickers with the search box.")


def test_filing_and_search_pages_per_chamber(site):
    _, url = site
    house = get(f"{url}/filings/20026590?chamber=house").text
    assert by_id(house, "filing-chamber") == "House" and by_id(house, "filing-rows") == "9"
    assert f'<a class="source pdf" id="filing-source" href="{CLERK}20026590.pdf" rel="noopener">Clerk PDF</a>' \
        in house
    assert by_id(get(f"{url}/filings/20026590").text, "filing-chamber") == "House"
    other = get(f"{url}/filings/20026590?chamber=senate")
    assert other.status_code == 404 and by_id(other.text, "error-message").startswith(
        "No filing with doc_id '20026590' (at the version read, with chamber=senate")
    assert control(other.text)["both"] == ("/filings/20026590", False)  # the way back
    # A Senate report's page links only to its source until the filing query takes its id.
    whitehouse = get(f"{url}/members/W000802").text
    row = table(whitehouse, "member-filings")[0]
    assert row == ["4aa0094d…", "2026-06-02", "Senate", "Periodic Transaction Report", "eFD report"]
    assert f'/filings/{WHITEHOUSE_REPORT}' in whitehouse

    found = table(get(f"{url}/search?q=boozman").text, "search-results")
    assert found == [["member", "John Boozman", "B001236", "Republican AR senate", "33"]]
    assert table(get(f"{url}/search?q=boozman&chamber=house").text, "search-results") == [
        ["Nothing found in the House's reports (search both chambers)."]]
    assert table(get(f"{url}/search?q=NVDA&chamber=senate").text, "search-results")[0] == [
        "asset", "NVIDIA Corporation - Common Stock", "NVDA", "ST", "2"]


def test_senate_filing_page_links_to_the_efd_report(site):
    _, url = site
    page = get(f"{url}/filings/{WHITEHOUSE_REPORT}?chamber=senate").text
    assert by_id(page, "filing-filer") == "Sheldon Whitehouse" and by_id(page, "filing-chamber") == "Senate"
    assert by_id(page, "filing-rows") == "3"
    assert f'id="filing-source" href="{EFD}{WHITEHOUSE_REPORT}/"' in page
    assert get(f"{url}/filings/{WHITEHOUSE_REPORT}?chamber=house").status_code == 404
    # The API answers the same id: the header and its three rows (Self 2, Spouse 1; the page's own order).
    api = get(f"{url}/v1/filings/{WHITEHOUSE_REPORT}").json()
    assert api["filing"]["filer_name"] == "Sheldon Whitehouse"
    assert [(r["line_no"], r["owner"], r["transaction_type"]) for r in api["transactions"]] == [
        (1, None, "partial_sale"), (2, None, "partial_sale"), (3, "SP", "partial_sale")]


def test_a_bad_chamber_is_a_400_page_that_says_what_to_use(site):
    _, url = site
    for path in ("/?chamber=congress", "/members/B001236?chamber=congress", "/tickers/NVDA?chamber=congress",
                 "/filings/20026590?chamber=congress", "/search?q=a&chamber=congress"):
        r = get(url + path)
        assert r.status_code == 400, path
        assert by_id(r.text, "error-message") == (
            "chamber='congress' is not a chamber: use chamber=house, chamber=senate or chamber=both (both "
            "chambers, the default), or pick one with the House / Senate / Both control.")
        assert "chamber=congress" not in r.text.replace(path.replace("&", "&amp;"), "")  # links do not carry it
    # Case and blanks are forgiven, as the query layer forgives them.
    assert cards(get(f"{url}/?chamber=%20Senate%20").text) == ("37", "6", "3", "2026-05-27")
    assert cards(get(f"{url}/?chamber=").text) == ("109", "477", "5", "2026-05-27")


def test_a_refusal_is_told_apart_from_a_bad_value(site):
    """The query layer's ``refuse`` rule raises :class:`RefusedError` (a 400 still); the overview falls
    back on it, to the ranking of both chambers, when trending_stocks refuses a chamber."""
    app, _ = site
    data = WebData(app.store, app.settings)
    try:
        with pytest.raises(RefusedError, match=r"^trending_stocks: as_of_disclosure needs basis=disclosure"):
            data.prepare("trending_stocks", {"basis": "trade", "as_of_disclosure": "2026-06-01"})
        with pytest.raises(QueryError) as bad:
            data.prepare("trending_stocks", {"window": 14, "chamber": "senate"})
        assert not isinstance(bad.value, RefusedError)
        senate = data.named("trending_stocks", {"window": 30, "limit": 2, "chamber": "senate"}).table
        assert [(r["chamber"], r["ticker"]) for r in senate.to_pylist()] == [("senate", "CMBS"), ("senate", "GIGB")]
    finally:
        data.close()
