"""The HTTP API over real HTTP on 127.0.0.1: the real 2025 sample, formats, ETag/304, time travel, errors."""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pytest
import requests

from catalog.maintenance import tag_release
from lakehouse.app import Lakehouse
from tests.conftest import build_clerk_mirror, mirror_server, test_settings
from tests.integration.test_flight_support import MEMBERS, filings, fill_gold, running_server, transactions
from web.app import running

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real(tmp_path_factory, house_data):
    """The real 2025 index and PTR PDFs, ingested over HTTP and built to gold; and the web app on it."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    with mirror_server(root) as (base_url, _):
        app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("lh")))
        app.ingest_house([2025], source=base_url)
        app.transform("silver")
        app.transform("gold")
    with running(app.store, app.settings) as url:
        yield app, url


PAPER_DOC = "8220731"


def build_paper_home(tmp: Path, house_data: Path) -> Lakehouse:
    """The real 2025 PTRs plus the real paper PTR 8220731, built to gold: its five rows wait for a person."""
    root = build_clerk_mirror(tmp / "mirror", house_data)
    target = root / "public_disc" / "ptr-pdfs" / "2025" / f"{PAPER_DOC}.pdf"
    shutil.copyfile(house_data / f"P_{PAPER_DOC}_paper_2025.pdf", target)
    app = Lakehouse.open(test_settings(tmp / "lh"))
    with mirror_server(root) as (base_url, _):
        app.ingest_house([2025], source=base_url, types=("P",))
    app.transform("silver")
    app.transform("gold")
    return app


@pytest.fixture(scope="module")
def paper(tmp_path_factory, house_data):
    app = build_paper_home(tmp_path_factory.mktemp("paper"), house_data)
    with running(app.store, app.settings) as url:
        yield app, url


@pytest.fixture
def small(lakehouse):
    """Small synthetic gold tables (one snapshot each) with the web app on them."""
    snapshots = fill_gold(lakehouse.store)
    with running(lakehouse.store, lakehouse.settings) as url:
        yield lakehouse, url, snapshots


def get(url: str, **kwargs) -> requests.Response:
    return requests.get(url, timeout=30, **kwargs)


def test_filing_20026590_is_nine_rows_with_its_pdf(real):
    _, url = real
    r = get(f"{url}/v1/filings/20026590")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["filing"] == {
        "doc_id": "20026590",
        "year": 2025,
        "filing_type": "P",
        "filing_type_name": "Periodic Transaction Report",
        "filing_date": "2025-01-17",
        "filer_name": "Nancy Pelosi",
        "state_district": "CA11",
        "is_amendment": False,
        "pdf_url": "https://disclosures-clerk.house.gov/public_disc/ptr-pdfs/2025/20026590.pdf",
    }
    lines = body["transactions"]
    assert [t["line_no"] for t in lines] == list(range(1, 10))
    assert [t["ticker"] for t in lines] == [
        "GOOGL",
        "AMZN",
        "AAPL",
        "NVDA",
        "NVDA",
        "NVDA",
        "PANW",
        "TEM",
        "VST",
    ]
    assert (
        lines[2]["transaction_type"] == "partial_sale"
        and lines[2]["amount_range"] == "$5,000,001 - $25,000,000"
    )
    assert body["meta"]["query"] == "filing" and set(body["meta"]["snapshots"]) == {
        "gold.fact_filings",
        "gold.fact_transactions",
    }


def test_seed_endpoints_answer_with_cache_headers_and_304(real):
    app, url = real
    for path in (
        "/v1/trending-stocks?window=30d",
        "/v1/top-traders?days=30&as_of_date=2025-03-09",
        "/v1/tickers/NVDA/trades",
        "/v1/members/P000197/trades",
    ):
        first = get(url + path)
        assert first.status_code == 200, (path, first.text)
        tag = first.headers["ETag"]
        assert first.headers["Cache-Control"] == "public, max-age=3600"
        assert tag.startswith('"gold.') and tag.endswith(';json"')
        again = get(url + path, headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == tag
        assert get(url + path, headers={"If-None-Match": f"W/{tag}"}).status_code == 304
        assert get(url + path, headers={"If-None-Match": '"something-else"'}).status_code == 200
    trending = get(f"{url}/v1/trending-stocks?window=30d&limit=3").json()
    assert [(r["rank"], r["ticker"], r["trades"]) for r in trending["data"]] == [
        (1, "DG", 2),
        (2, "CRWD", 1),
        (3, "GS", 1),
    ]
    assert trending["data"][0]["as_of_date"] == "2025-03-09"
    nvda = get(f"{url}/v1/tickers/NVDA/trades").json()["data"]
    assert len(nvda) == 5 and {r["doc_id"] for r in nvda} >= {"20026590"}
    sid = app.store.current_snapshot_id("gold.agg_trending_stocks")
    assert get(f"{url}/v1/trending-stocks").headers["ETag"] == f'"gold.agg_trending_stocks@{sid};json"'


def test_csv_and_arrow_by_format_or_accept(real):
    _, url = real
    csv = get(f"{url}/v1/filings/20026590?format=csv")
    assert csv.headers["content-type"] == "text/csv; charset=utf-8"
    lines = csv.text.strip().splitlines()
    assert lines[0].startswith('"doc_id","year"') and len(lines) == 10
    assert get(f"{url}/v1/filings/20026590", headers={"Accept": "text/csv"}).text == csv.text
    arrow = get(f"{url}/v1/filings/20026590", headers={"Accept": "application/vnd.apache.arrow.stream"})
    assert arrow.headers["content-type"] == "application/vnd.apache.arrow.stream"
    table = pa.ipc.open_stream(arrow.content).read_all()
    assert table.num_rows == 9 and table.column("ticker").to_pylist()[0] == "GOOGL"
    assert arrow.headers["ETag"].endswith(';arrow"') and csv.headers["ETag"].endswith(';csv"')
    assert get(f"{url}/v1/summary", headers={"Accept": "text/html,*/*;q=0.8"}).headers["content-type"] == (
        "application/json"
    )
    refused = get(f"{url}/v1/summary", headers={"Accept": "application/xml"})
    assert refused.status_code == 406
    assert (
        "application/json, text/csv or application/vnd.apache.arrow.stream"
        in refused.json()["error"]["message"]
    )


def test_errors_say_what_is_expected(real):
    _, url = real
    cases = {
        "/v1/trending-stocks?window=14d": (400, "window='14d' is not one of 7d, 30d, 90d"),
        "/v1/search": (400, "parameter 'q' is required"),
        "/v1/summary?nope=1": (400, "unknown parameter(s) nope"),
        "/v1/top-traders?days=abc": (400, "days='abc' must be a whole number"),
        "/v1/members/12345/trades": (
            400,
            "bioguide_id='12345' does not look right (Bioguide id, e.g. P000197.)",
        ),
        "/v1/filings/99999999": (404, "No filing with doc_id '99999999'"),
        "/v1/summary?snapshot_id=12": (404, "No gold table has snapshot 12"),
        "/v1/summary?snapshot_id=1&tag=x": (400, "give at most one of snapshot_id, as_of and tag"),
        "/v1/summary?as_of=yesterday": (400, "is not an ISO 8601 time"),
        "/v1/summary?tag=staging": (400, "'staging' is the audit branch"),
        "/v1/search?q=a&offset=-1": (400, "offset='-1' must be a whole number"),
        "/v1/nothing": (404, "No endpoint /v1/nothing. Endpoints: /v1/members/{bioguide_id}/trades"),
    }
    for path, (status, message) in cases.items():
        r = get(url + path)
        assert r.status_code == status, (path, r.text)
        assert message in r.json()["error"]["message"], (path, r.text)
        assert r.headers.get("Cache-Control") in (None, "no-store")
    expected = get(f"{url}/v1/trending-stocks?window=14d").json()["error"]["expected"]
    assert [p["name"] for p in expected["parameters"]] == ["window", "as_of_date", "basis", "sort", "limit",
                                                       "as_of_disclosure", "chamber"]
    assert requests.post(f"{url}/v1/summary", timeout=10).status_code == 405


def test_pages_take_the_chamber_and_refuse_a_bad_one(real):
    """The real 2025 House sample holds no Senate report: House is all of it, Senate is empty pages."""
    _, url = real

    def cards(page: str) -> list[str]:
        return [re.search(rf'id="{i}">([^<]*)<', page).group(1)
                for i in ("n-transactions", "n-filings", "n-members", "last-trade")]

    both, house, senate = (get(f"{url}/{q}") for q in ("", "?chamber=house", "?chamber=SENATE"))
    assert cards(both.text) == cards(house.text) == ["72", "471", "0", "2025-03-07"]  # no Members ingested
    assert cards(senate.text) == ["0", "0", "0", "–"]
    assert '<tr><td colspan="8" class="empty">Nothing traded in this window.</td></tr>' in senate.text
    assert 'href="/tickers/DG?chamber=house"' in house.text and 'href="/tickers/DG"' in both.text
    nvda = get(f"{url}/tickers/NVDA?chamber=house").text
    assert nvda.count('<span class="chamber c-house">House</span>') == 5
    assert 'href="/v1/tickers/NVDA/trades?chamber=house&amp;format=csv"' in nvda
    bad = get(f"{url}/search?q=nvda&chamber=congress")
    assert bad.status_code == 400 and (
        "chamber=&#39;congress&#39; is not a chamber: use chamber=house, chamber=senate or chamber=both" in bad.text)


def test_paging_follows_next_links(real):
    _, url = real
    whole = get(f"{url}/v1/tickers/AMZN/trades?limit=6").json()
    assert whole["meta"]["count"] == 6 and whole["meta"]["next"] is None
    seen, page = [], get(f"{url}/v1/tickers/AMZN/trades?limit=4")
    while True:
        body = page.json()
        seen += body["data"]
        if not body["meta"]["next"]:
            break
        assert page.headers["Link"] == f'<{body["meta"]["next"]}>; rel="next"'
        page = get(url + body["meta"]["next"])
    assert seen == whole["data"]
    first = get(f"{url}/v1/search?q=a&limit=2").json()
    second = get(f"{url}/v1/search?q=a&limit=2&offset=2").json()
    both = get(f"{url}/v1/search?q=a&limit=4").json()
    assert first["data"] + second["data"] == both["data"] and first["meta"]["next"].endswith("offset=2")


def test_openapi_document_and_offline_docs_page(real):
    _, url = real
    spec = get(f"{url}/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.") and set(spec["paths"]) >= {
        "/v1/members/{bioguide_id}/trades",
        "/v1/tickers/{ticker}/trades",
        "/v1/trending-stocks",
        "/v1/top-traders",
        "/v1/filings/{doc_id}",
        "/v1/search",
        "/v1/summary",
    }
    # The parameters are the named queries' own (one definition).
    from flight_server.named import TOP_TRADERS

    params = {p["name"]: p for p in spec["paths"]["/v1/top-traders"]["get"]["parameters"]}
    assert [p.name for p in TOP_TRADERS.params] == [
        n for n in params if n in {p.name for p in TOP_TRADERS.params}
    ]
    assert params["days"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 36500, "default": 90}
    docs = get(f"{url}/docs")
    assert docs.status_code == 200 and "/v1/trending-stocks" in docs.text
    assert "cdn" not in docs.text.lower() and 'src="http' not in docs.text


def test_same_answer_as_the_flight_named_query(real):
    app, url = real
    from lakehouse.client import connect

    over_http = pa.ipc.open_stream(
        get(f"{url}/v1/trending-stocks?window=90&limit=20&format=arrow").content
    ).read_all()
    with (
        running_server(app.store, app.settings) as server,
        connect(f"grpc://127.0.0.1:{server.port}") as client,
    ):
        over_flight = client.query("trending_stocks", {"window": 90, "limit": 21})
    assert over_http.to_pylist() == over_flight.slice(0, 20).to_pylist()


def test_a_new_snapshot_changes_the_etag_and_time_travel_reads_the_past(small):
    lakehouse, url, snapshots = small
    first = get(f"{url}/v1/summary")
    assert first.json()["summary"]["filings"] == 13
    tag = first.headers["ETag"]
    assert get(f"{url}/v1/summary").headers["ETag"] == tag  # nothing else changes it: not time, not a re-run
    before = dt.datetime.now(dt.UTC)
    tag_release(lakehouse.store, "r1")
    time.sleep(0.05)
    fewer = filings().slice(0, 5)
    lakehouse.store.replace("gold.fact_filings", fewer)
    now = get(f"{url}/v1/summary", headers={"If-None-Match": tag})
    assert now.status_code == 200 and now.headers["ETag"] != tag and now.json()["summary"]["filings"] == 5
    old_sid = snapshots["gold.fact_filings"]
    by_id = get(f"{url}/v1/summary?snapshot_id={old_sid}")
    assert by_id.json()["summary"]["filings"] == 13
    assert by_id.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert by_id.json()["meta"]["snapshots"]["gold.fact_filings"] == str(old_sid)
    assert get(f"{url}/v1/summary?tag=r1").json()["summary"]["filings"] == 13
    assert get(f"{url}/v1/summary", params={"as_of": before.isoformat()}).json()["summary"]["filings"] == 13
    # A snapshot of one table moves the others to its commit time (the web's as-of selector relies on it).
    trend_sid = snapshots["gold.agg_trending_stocks"]
    assert get(f"{url}/v1/summary?snapshot_id={trend_sid}").json()["summary"]["filings"] == 13
    versions = get(f"{url}/v1/versions").json()["versions"]
    assert versions[0]["snapshot_id"] == str(snapshots["gold.fact_transactions"]) and versions[0]["tags"] == [
        "r1"
    ]


def test_a_full_page_at_the_largest_limit_still_knows_the_next_page(lakehouse):
    """limit=10000 is the query's maximum, so one row more cannot be asked for within the page."""
    fill_gold(lakehouse.store)
    n_docs, lines = 35 * len(MEMBERS), 300  # the first Member: 35 PTRs x 300 rows = 10,500 trades
    lakehouse.store.replace("gold.fact_transactions", transactions(n_docs, lines))
    bio = MEMBERS[0][0]
    with running(lakehouse.store, lakehouse.settings) as url:
        first = get(f"{url}/v1/members/{bio}/trades?limit=10000").json()
        assert first["meta"]["count"] == 10_000 and first["meta"]["next"].endswith("offset=10000")
        rest = get(url + first["meta"]["next"]).json()
        assert rest["meta"]["count"] == 500 and rest["meta"]["next"] is None
        assert len({(r["doc_id"], r["line_no"]) for r in first["data"] + rest["data"]}) == 10_500
        exact = get(f"{url}/v1/members/{bio}/trades?limit=10000&offset=500").json()
        assert exact["meta"]["count"] == 10_000 and exact["meta"]["next"] is None
        page = get(f"{url}/members/{bio}").text  # the page reads as many and says so
        assert 'id="member-trades">10000</span><span>trades at least (the first 10000 read)' in page


def test_an_unbuilt_home_says_to_run_the_pipeline(lakehouse):
    with running(lakehouse.store, lakehouse.settings) as url:
        for path in ("/v1/summary", "/v1/trending-stocks", "/v1/members/P000197/trades", "/v1/filings/1"):
            r = get(url + path)
            assert r.status_code == 503, (path, r.text)
            message = r.json()["error"]["message"]
            assert message.startswith("Nothing is built here yet: gold.")
            assert "`lakehouse pipeline run`" in message
        page = get(f"{url}/")
        assert page.status_code == 503 and "lakehouse pipeline run" in page.text
        assert get(f"{url}/v1/versions").json()["versions"] == []
        assert get(f"{url}/quality").status_code == 200


def test_quality_page_lists_open_review_items_with_their_row_images(paper):
    app, url = paper
    page = get(f"{url}/quality")
    assert page.status_code == 200
    items = re.search(r'<table class="data" id="review-items">(.*?)</table>', page.text, re.S).group(1)
    images = re.findall(r'<img class="review-row" src="([^"]+)"', items)
    assert images == [f"/review/{PAPER_DOC}/{n}.png" for n in range(1, 6)]
    assert "5 open now" in page.text
    assert (
        f"lakehouse review enter {PAPER_DOC} 1 --owner SP|JT|DC|self --asset-name &#34;AS WRITTEN&#34; "
        "--transaction-date MM/DD/YY --notification-date MM/DD/YY" in items
    )
    for src in images:
        png = get(url + src)
        assert png.status_code == 200 and png.headers["content-type"] == "image/png"
        assert png.content.startswith(b"\x89PNG\r\n\x1a\n") and len(png.content) > 1000
    assert get(f"{url}/review/{PAPER_DOC}/9.png").status_code == 404
    assert requests.post(f"{url}/review/{PAPER_DOC}/1.png", timeout=30).status_code == 405  # read-only
    # An item closes when a person's row exists for it: the page reads that state, it keeps none.
    app.record_review(
        PAPER_DOC,
        1,
        {
            "owner": "SP",
            "asset_name": "ATT INC",
            "transaction_date": "01/10/25",
            "notification_date": "01/10/25",
        },
        "tester",
    )
    again = get(f"{url}/quality").text
    assert "4 open now" in again and f"/review/{PAPER_DOC}/1.png" not in again
    assert f"/review/{PAPER_DOC}/2.png" in again


def test_token_auth_like_flight(lakehouse):
    fill_gold(lakehouse.store)
    with running(lakehouse.store, lakehouse.settings.replace(flight_token="s3cret")) as url:
        missing = get(f"{url}/v1/summary")
        assert missing.status_code == 401 and "Authorization: Bearer" in missing.json()["error"]["message"]
        assert missing.headers["WWW-Authenticate"].startswith("Basic")
        assert get(f"{url}/v1/summary", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert get(f"{url}/", headers={"Authorization": "Bearer nope"}).status_code == 401
        ok = get(f"{url}/v1/summary", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.headers["Cache-Control"] == "private, max-age=3600"
        basic = base64.b64encode(b"anyone:s3cret").decode().rstrip("=")  # unpadded, as Go clients send
        assert get(f"{url}/v1/summary", headers={"Authorization": f"Basic {basic}"}).status_code == 200
        assert get(f"{url}/docs").status_code == 200 and get(f"{url}/v1/openapi.json").status_code == 200


def test_non_loopback_bind_needs_a_token(lakehouse):
    from core.errors import ConfigError
    from web.app import serve

    with pytest.raises(ConfigError, match="without authentication: set --token or LAKEHOUSE_FLIGHT_TOKEN"):
        serve(lakehouse.store, lakehouse.settings, host="0.0.0.0", port=0)


def test_lakehouse_web_serves_and_never_loads_pyarrow_flight(lakehouse):
    """The CLI command end to end, in its own process; ``pyarrow.flight`` stays out of it."""
    fill_gold(lakehouse.store)
    env = {**os.environ, "LAKEHOUSE_HOME": str(lakehouse.settings.home)}
    probe = (
        "import sys; sys.argv = ['lakehouse', 'web', '--port', '0'];"
        "import atexit; atexit.register(lambda: print('flight loaded:', 'pyarrow.flight' in sys.modules,"
        " file=sys.stderr, flush=True));"
        "from lakehouse.cli import main; main()"
    )
    proc = subprocess.Popen([sys.executable, "-c", probe], env=env, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"serving the web app and API at (http://127\.0\.0\.1:\d+)/", line)
        assert match, line
        assert get(f"{match.group(1)}/v1/summary").json()["summary"]["filings"] == 13
        assert get(f"{match.group(1)}/members/A000001").status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=20)[1]
    assert "flight loaded: False" in rest, rest
