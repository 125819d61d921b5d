"""The web app in a real browser: Debian's chromium, headless, driven by Playwright over real HTTP.

The data is the demo's synthetic mirror (fictional filers), ingested twice (the Clerk's index
update in between), so the as-of selector has an older version to show. Nothing downloads a
browser: Playwright launches /usr/bin/chromium, and every request must stay on the app's address.
Screenshots of each page land in the test's temporary directory (or WEB_SCREENSHOTS).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pytest

from lakehouse.app import Lakehouse
from lakehouse.mirror import serve_directory
from tests.conftest import test_settings
from tests.integration.test_senate_efd import captures  # noqa: F401  (captures: a fixture)
from tests.integration.test_web_api import PAPER_DOC, build_paper_home
from tests.integration.test_web_chamber import build_two_chamber_home
from web.app import running

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"{CHROMIUM} is missing: `make setup` installs Debian's chromium "
        "(scripts/install-system-packages.sh)",
        allow_module_level=True,
    )

from playwright import sync_api  # noqa: E402 - only once chromium is known to be there


def build_demo_home(workdir: Path) -> Lakehouse:
    """The demo's two ingests of the synthetic 2025 mirror: version 1, then the Clerk's update.

    Gold is audited (its checks fill ops.check_results for the dashboard); silver is not, so these
    tests do not depend on the silver checks (they have their own tests).
    """
    from lakehouse.demo import write_members_yaml
    from synthetic import build_mirror

    mirror = workdir / "clerk-mirror"
    manifest = build_mirror(mirror, year=2025, n_filings=150, version=1)
    app = Lakehouse.open(test_settings(workdir / "lakehouse"))
    app.ingest_members(str(write_members_yaml(manifest, mirror / "members" / "legislators-current.yaml")))
    with serve_directory(mirror) as url:
        for version in (1, 2):
            if version == 2:
                build_mirror(mirror, year=2025, n_filings=150, version=2)
            app.ingest_house([2025], source=url, types=("P",))
            app.transform("silver")
            app.transform("gold")
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = build_demo_home(tmp_path_factory.mktemp("demo"))
    with running(app.store, app.settings) as url:
        yield app, url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def watched_tab(browser, url: str, tmp_path: Path):
    """A fresh page that records console errors and any request leaving the app's address; both must
    stay empty."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors, tab.outside = [], []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.on("request", lambda r: tab.outside.append(r.url) if not r.url.startswith(url) else None)
    tab.shots = Path(os.environ.get("WEB_SCREENSHOTS") or tmp_path)
    yield tab
    assert tab.outside == [], f"requests left the app: {tab.outside}"
    assert tab.errors == [], f"browser errors: {tab.errors}"
    context.close()


@pytest.fixture
def page(browser, site, tmp_path):
    with watched_tab(browser, site[1], tmp_path) as tab:
        yield tab


def shoot(tab, name: str) -> None:
    tab.shots.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(tab.shots / f"{name}.png"), full_page=True)


def charts_drawn(tab) -> None:
    tab.wait_for_selector(".chart[data-drawn='1'] .main-svg", timeout=20_000)


def test_overview_member_and_filing_pages(page, site):
    app, url = site
    page.goto(url + "/")
    charts_drawn(page)
    assert page.inner_text("#n-transactions") == "562"
    assert page.inner_text("#n-filings") == "47" and page.inner_text("#n-members") == "8"
    assert page.inner_text("#last-trade") == "2025-10-08"
    first = page.locator("#trending-table tbody tr").first.inner_text().split("\t")
    assert first[:4] == ["1", "GOOGL", "Alphabet Inc. - Class A Common Stock", "6"]
    assert page.locator("#trending-chart .bars path").count() >= 10  # a bar per ticker
    page.click("#trending .tabs >> text=7 days")
    assert page.locator("#trending-table tbody tr").first.inner_text().startswith("1\tV\tVisa Inc.")
    shoot(page, "overview")

    page.click("#top-traders tbody tr >> nth=0 >> a")
    page.wait_for_url(re.compile(r"/members/Z990001$"))
    charts_drawn(page)
    assert page.inner_text("#member-name") == "Taylor Decoyne"
    assert page.inner_text("#member-trades") == "271"
    assert page.locator("#member-chart .points path").count() == 271
    pdf = page.locator("#member-filings a.pdf").first.get_attribute("href")
    assert re.fullmatch(r"https://disclosures-clerk\.house\.gov/public_disc/ptr-pdfs/2025/\d+\.pdf", pdf)
    shoot(page, "member")

    doc_id = page.locator("#member-filings tbody tr >> nth=0 >> td >> nth=0").inner_text()
    page.click(f"#member-filings >> text={doc_id}")
    page.wait_for_url(re.compile(rf"/filings/{doc_id}$"))
    expected = app.query(
        f"select count(*) as n, any_value(extraction_method) as m from gold.fact_transactions "
        f"where doc_id = '{doc_id}'"
    ).to_pylist()[0]
    assert page.inner_text("#doc-id") == doc_id
    assert page.inner_text("#filing-filer") == "Taylor Decoyne"
    assert page.inner_text("#filing-rows") == str(expected["n"]) and expected["n"] > 0
    assert page.locator("#filing-lines tbody tr").count() == expected["n"]
    assert page.inner_text("#filing-extraction").startswith(expected["m"])
    assert page.get_attribute("#filing-source", "href").endswith(f"/{doc_id}.pdf")
    assert page.inner_text("#filing-chamber") == "House" and page.inner_text("#filing-source") == "Clerk PDF"
    shoot(page, "filing")


def test_search_then_ticker_page(page, site):
    _, url = site
    page.goto(url + "/")
    page.fill("#search-q", "fixture")
    page.press("#search-q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=fixture$"))
    rows = page.locator("#search-results tbody tr")
    assert rows.count() == 1 and rows.first.inner_text().split("\t")[:3] == [
        "member",
        "Robin Fixtureson",
        "Z990005",
    ]
    page.click("#search-results >> text=Robin Fixtureson")
    page.wait_for_url(re.compile(r"/members/Z990005$"))
    assert page.inner_text("#member-trades") == "74"

    page.fill("#search-q", "MSFT")
    page.press("#search-q", "Enter")
    page.click("#search-results tbody tr >> nth=0 >> a")
    page.wait_for_url(re.compile(r"/tickers/MSFT$"))
    charts_drawn(page)
    assert page.inner_text("#ticker-name") == "MSFT"
    trades, buys, sells = (
        int(page.inner_text(s)) for s in ("#ticker-trades", "#ticker-buys", "#ticker-sells")
    )
    assert trades == page.locator("#ticker-trade-list tbody tr").count() and buys + sells <= trades
    shoot(page, "ticker")


def test_as_of_selector_time_travels_the_whole_ui(page, site):
    _, url = site
    page.goto(url + "/")
    options = page.locator("#asof option")
    labels = [options.nth(i).inner_text().strip() for i in range(options.count())]
    assert labels[0] == "latest (current)" and labels[1].endswith("562 trades")
    older = next(i for i, label in enumerate(labels) if label.endswith("544 trades"))
    page.select_option("#asof", index=older)
    page.wait_for_url(re.compile(r"/\?snapshot_id=\d+$"))
    assert "Showing older data: snapshot" in page.inner_text("#timetravel")
    assert page.inner_text("#n-transactions") == "544"
    shoot(page, "overview-as-of")
    # Links carry the version: the member page shows the older data too.
    page.click("#top-traders tbody tr >> nth=0 >> a")
    page.wait_for_url(re.compile(r"/members/Z990001\?snapshot_id=\d+$"))
    assert page.inner_text("#member-trades") == "269"
    assert page.locator("#asof option:checked").inner_text().strip().endswith("544 trades")
    page.click("#timetravel >> text=Back to current data")
    assert page.inner_text("#member-trades") == "271"


def test_data_quality_dashboard_and_api_docs(page, site):
    app, url = site
    page.goto(url + "/quality")
    charts_drawn(page)
    runs = app.query("select count(distinct run_id) as n from ops.check_results").to_pylist()[0]["n"]
    assert runs >= 2
    assert page.locator("#checks-chart .trace.bars").count() == 4  # pass, warn, fail, error
    assert page.locator("#review-queue tbody tr").count() >= 1
    # The synthetic filings are all e-filed: no paper rows to read (the real paper PTR's test is below).
    assert app.review_items() == [] and page.inner_text("#review-items tbody") == "No open review items."
    assert (
        "No pipeline runs recorded" in page.inner_text("#pipeline-runs")
        or page.locator("#pipeline-runs tbody tr").count() >= 1
    )
    shoot(page, "quality")
    page.click("header nav >> text=API")
    page.wait_for_url(re.compile(r"/docs$"))
    assert page.locator("section.endpoint").count() == 8
    assert "/v1/trending-stocks" in page.inner_text("#v1_trending_stocks")


@pytest.fixture(scope="module")
def paper_site(tmp_path_factory, house_data):
    app = build_paper_home(tmp_path_factory.mktemp("paper"), house_data)
    with running(app.store, app.settings) as url:
        yield app, url


def test_review_queue_shows_each_row_image_and_its_command(browser, paper_site, tmp_path):
    """The real paper PTR 8220731: five rows to read, each image drawn by the browser, read-only."""
    _, url = paper_site
    with watched_tab(browser, url, tmp_path) as tab:
        tab.goto(url + "/quality")
        images = tab.locator("#review-items img.review-row")
        assert images.count() == 5
        for i in range(5):
            images.nth(i).scroll_into_view_if_needed()
            tab.wait_for_function(
                "img => img.complete && img.naturalWidth > 300", arg=images.nth(i).element_handle()
            )
        first = tab.locator("#review-items tbody tr").first
        assert f"lakehouse review enter {PAPER_DOC} 1 --owner" in first.inner_text()
        assert "owner, asset_name, transaction_date, notification_date" in first.inner_text()
        assert tab.locator("#review-items form, #review-items input, #review-items button").count() == 0
        tab.locator("#review-queue").screenshot(
            path=str(tab.shots / "review.png")
        )


@pytest.fixture(scope="module")
def chambers_site(tmp_path_factory, house_data, captures):  # noqa: F811
    """The real 2025 House PTRs beside the real June 2026 Senate reports (``test_web_chamber.py``)."""
    app = build_two_chamber_home(tmp_path_factory.mktemp("chambers"), house_data, captures)
    with running(app.store, app.settings) as url:
        yield app, url


def test_chamber_control_shows_only_senate_rows(browser, chambers_site, tmp_path):
    """NVDA: five House trades and two Senate ones; the control narrows the page, and links stay there."""
    _, url = chambers_site
    with watched_tab(browser, url, tmp_path) as tab:
        tab.goto(url + "/tickers/NVDA")
        rows = tab.locator("#ticker-trade-list tbody tr")
        assert tab.inner_text("#ticker-trades") == "7" and rows.count() == 7
        assert tab.inner_text("#chamber a.active") == "Both"
        chambers = [rows.nth(i).locator("td").nth(2).inner_text() for i in range(7)]
        assert sorted(chambers) == ["House"] * 5 + ["Senate"] * 2

        tab.click("#chamber-senate")
        tab.wait_for_url(re.compile(r"/tickers/NVDA\?chamber=senate$"))
        assert tab.inner_text("#chamber a.active") == "Senate"
        assert tab.inner_text("#chamber-note").startswith("Showing Senate reports only.")
        assert tab.inner_text("#ticker-trades") == "2" and rows.count() == 2
        for i in range(2):
            cells = rows.nth(i).locator("td")
            assert cells.nth(2).inner_text() == "Senate" and cells.nth(3).inner_text() == "Sheldon Whitehouse D"
            source = cells.last.locator("a")
            assert source.inner_text() == "eFD report"
            assert source.get_attribute("href") == (
                "https://efdsearch.senate.gov/search/view/ptr/4aa0094d-d9da-4a05-aa13-6d9f5d376105/")
        tab.screenshot(path=str(tab.shots / "ticker-senate.png"),
                       full_page=True)
        # The Member link carries the chamber on: Whitehouse's Senate trades only.
        tab.click("#ticker-trade-list tbody tr >> nth=0 >> text=Sheldon Whitehouse")
        tab.wait_for_url(re.compile(r"/members/W000802\?chamber=senate$"))
        assert tab.inner_text("#member-trades") == "3" and tab.inner_text("#chamber a.active") == "Senate"
        # And back to both chambers.
        tab.click("#chamber-both")
        tab.wait_for_url(re.compile(r"/members/W000802$"))
        assert tab.inner_text("#chamber a.active") == "Both" and tab.locator("#chamber-note").count() == 0
