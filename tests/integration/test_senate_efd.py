"""The Senate eFD client against a stand-in of the site on 127.0.0.1 that plays the real 2026 captures.

The stand-in server (``FakeEfd``) is theirs: it enforces what the real site enforces (SOURCE.md §6): the
agreement POST needs the session's CSRF form token, its cookies and a same-site Referer; the search
POST needs an agreed session and ``X-CSRFToken``; reports need an agreed session and otherwise redirect to
the agreement page. It answers with the captured bytes (agreement page, search page, search JSON, PTR and
paper pages, the paper GIF), read from shared/data/senate at test time. The client is ours and is not mocked.
Nothing here contacts the real site.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.cookies
import http.server
import json
import re
import secrets
import shutil
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import requests

from core.errors import SourceError
from jobs.bronze.senate_efd import (
    MEDIA_BASE_URL,
    EfdAccessError,
    EfdClient,
    EfdSessionError,
    SearchRow,
    mirror_client,
)
from lakehouse.mirror import serve_directory
from tests.conftest import SHARED_DATA, test_settings

pytestmark = pytest.mark.integration

SENATE = SHARED_DATA / "senate"  # = Path(__file__).resolve().parents[2].parent / "shared/data/senate" by default
RAW = SENATE / "efd_raw_2026"
FIX = SENATE / "efd_fixtures_2026_ryanlafav"
CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason=f"{CHROMIUM} is missing (Debian's chromium; `make setup` installs it)")

JUNE = (dt.date(2026, 6, 1), dt.date(2026, 7, 2))
JULY = (dt.date(2026, 7, 3), dt.date(2026, 8, 31))
# The 13 reports of the captured June window, as the capture lists them (newest first).
JUNE_IDS = [
    "40fbe259-f282-4982-a53f-1c7278d041cd", "96d0794e-fb53-495f-9137-fff88d0885e6",
    "36b2e868-6789-43e3-91eb-ebe85aad5699", "ff0b0573-2809-40ae-8197-4b26648e9027",
    "7caf1b69-3678-4420-8812-a1476a1a6158", "727b4eb6-d8c7-4792-aa5b-c651c2d72f9c",
    "a9754ff5-901a-4877-b7be-a647bd361c52", "2e076759-19df-458d-a3be-53610b8be5d0",
    "4b69867f-0376-4526-93f2-cd556b1155c9", "be9bb561-8290-4364-85b4-06a59ef0ec01",
    "a0d25e8f-fe54-4328-a7ea-504da008742b", "59c6f909-ad10-429d-8a8c-df81b00cf5fd",
    "4aa0094d-d9da-4a05-aa13-6d9f5d376105",
]
PAPER = "a0d25e8f-fe54-4328-a7ea-504da008742b"
FETTERMAN = "4b69867f-0376-4526-93f2-cd556b1155c9"
GIF_113 = "/media/2026/2/000/000/000000113.gif"
# A 1x1 GIF standing in for the scanned pages that were not captured (112 is a private signature page).
TINY_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


@pytest.fixture(scope="module")
def captures() -> dict:
    if not RAW.is_dir() or not FIX.is_dir():
        pytest.fail(f"The real Senate captures are missing: expected {RAW} and {FIX} (shared/ beside the clone), "
                    "or set LAKEHOUSE_SHARED_DATA.")
    june = json.loads(next(RAW.glob("*.ptr-search-2026-06-window.json")).read_bytes())
    july = json.loads((FIX / "efd_search_results.json").read_bytes())
    pages = {}
    for row in june["data"]:
        uuid = re.search(r"/(ptr|paper)/([^/]+)/", row[3]).group(2)
        found = list(RAW.glob(f"*-{uuid[:8]}.html"))
        if found:
            pages[uuid] = found[0].read_bytes()
    pages["fda235b3-bad7-4637-8fa1-053f354d929c"] = (FIX / "efd_ptr_report_sample.html").read_bytes()
    pages["3a4c5095-028a-4614-a692-836719da4e63"] = (FIX / "efd_paper_report_sample.html").read_bytes()
    assert len(pages) == 8
    return {
        "agreement": next(RAW.glob("*.agreement-page.html")).read_bytes(),
        "search_page": next(RAW.glob("*.search-form.html")).read_bytes(),
        "june": june, "july": july, "rows": june["data"] + july["data"], "pages": pages,
        "gif": next(RAW.glob("*.paper-gif-formpage1-000000113.gif")).read_bytes(),
    }


class FakeEfd(http.server.BaseHTTPRequestHandler):
    """Stands in for efdsearch.senate.gov and its media host (one server, paths as on the site)."""

    data: dict = {}
    refuse_plain = False
    """403 on HTML GETs for clients that are not a browser (the site's bot manager, by User-Agent here)."""
    refuse_all = False
    """403 on every /search/ GET, browser or not."""
    expire_after: int | None = None
    """Forget every agreement once this many search answers were given (a session lost mid-run), once."""
    expire_with = "redirect"
    """How a lost session shows on the search endpoint: 'redirect' to the agreement page, or '403'."""
    refuse_search_after: int | None = None
    """Refuse (403) every search request after this many answers, whatever the session."""
    faults: dict = {}
    """path -> list of statuses to answer first (retry tests)."""

    def log_message(self, format: str, *args) -> None:
        pass

    # -- sessions, as Django keeps them ------------------------------------------------------
    def _session(self) -> tuple[dict | None, list[str]]:
        jar = http.cookies.SimpleCookie(self.headers.get("Cookie", ""))
        st = self.server.state
        for name, morsel in jar.items():
            if name in st["sessions"] and st["sessions"][name]["value"] == morsel.value:
                sess = st["sessions"][name]
                sess["csrf_cookie"] = jar["csrftoken"].value if "csrftoken" in jar else None
                return sess, []
        name, value, csrf = secrets.token_hex(16), secrets.token_hex(16), secrets.token_hex(16)
        st["sessions"][name] = {"value": value, "agreed": False, "csrf": csrf, "form_token": None,
                                "csrf_cookie": None}
        return st["sessions"][name], [f"{name}={value}; HttpOnly; Path=/", f"csrftoken={csrf}; Path=/; SameSite=Lax"]

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: dict | None = None, cookies: list[str] = ()) -> None:
        self.send_response(status)
        for c in cookies:
            self.send_header("Set-Cookie", c)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, cookies: list[str] = ()) -> None:
        self._send(302, b"", headers={"Location": location}, cookies=cookies)

    def _fault(self, path: str) -> bool:
        queue = self.faults.get(path)
        if queue:
            status = queue.pop(0)
            self._send(status, b"busy", headers={"Retry-After": "0"})
            return True
        return False

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urlparse(self.path).path
        st = self.server.state
        st["log"].append(("GET", path, self.headers.get("User-Agent", "")))
        if self._fault(path):
            return
        if path.startswith("/media/"):  # the media host: no session
            if path == GIF_113:
                return self._send(200, self.data["gif"], "image/gif")
            if re.fullmatch(r"/media/2026/2/000/000/0000001(1[2-8]|4[5-9])\.gif", path) and path not in st["missing"]:
                return self._send(200, TINY_GIF, "image/gif")
            return self._send(404, b"<html><title>Not Found</title></html>")
        if not path.startswith("/search/"):  # the site's static files: not played here
            return self._send(404, b"not found")
        is_browser = "Chrome/" in self.headers.get("User-Agent", "")
        if self.refuse_all or (self.refuse_plain and not is_browser):
            return self._send(403, b"<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD></HTML>")
        sess, cookies = self._session()
        if path == "/search/home/":
            token = secrets.token_urlsafe(48)[:64]
            sess["form_token"] = token
            body = re.sub(rb'(name="csrfmiddlewaretoken" value=")[^"]+', rb"\g<1>" + token.encode(),
                          self.data["agreement"])
            return self._send(200, body, cookies=cookies)
        if not sess["agreed"]:
            return self._redirect("/search/home/", cookies)
        if path == "/search/":
            return self._send(200, self.data["search_page"], cookies=cookies)
        m = re.fullmatch(r"/search/view/(ptr|paper)/([^/]+)/", path)
        if m and m.group(2) in self.data["pages"]:
            return self._send(200, self.data["pages"][m.group(2)], cookies=cookies)
        return self._redirect("/search/", cookies)  # the site's answer to an unknown report

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        path = urlparse(self.path).path
        st = self.server.state
        form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode(), keep_blank_values=True)
        field = {k: v[-1] for k, v in form.items()}
        st["log"].append(("POST", path, self.headers.get("User-Agent", "")))
        if self._fault(path):
            return
        sess, cookies = self._session()
        referer = urlparse(self.headers.get("Referer", ""))
        same_site = referer.netloc == self.headers.get("Host")
        if path == "/search/home/":
            if cookies or not same_site or sess["csrf_cookie"] != sess["csrf"] or not sess["form_token"] \
                    or field.get("csrfmiddlewaretoken") != sess["form_token"] \
                    or field.get("prohibition_agreement") != "1":
                return self._send(403, b"<title>403 Forbidden</title><h1>CSRF verification failed.</h1>")
            sess["agreed"] = True
            sess["form_token"] = None  # one-time
            st["agreements"] += 1
            return self._redirect("/search/")
        if path == "/search/report/data/":
            if self.refuse_search_after is not None and st["searches"] >= self.refuse_search_after:
                return self._send(403, b"<title>403 Forbidden</title>")
            if self.expire_after is not None and st["searches"] == self.expire_after and not st["expired"]:
                st["expired"] = True
                for s in st["sessions"].values():
                    s["agreed"] = False
            if not sess["agreed"]:
                if self.expire_with == "403":
                    return self._send(403, b"<title>403 Forbidden</title>")
                return self._redirect("/search/home/", cookies)
            if cookies or self.headers.get("X-CSRFToken") != sess["csrf"] or not same_site:
                return self._send(403, b"<title>403 Forbidden</title><h1>CSRF verification failed.</h1>")
            if field.get("report_types") != "[11]":
                return self._send(400, b"bad report_types")
            st["searches"] += 1
            st["search_forms"].append(field)
            start = dt.datetime.strptime(field["submitted_start_date"], "%m/%d/%Y %H:%M:%S").date()
            end = dt.datetime.strptime(field["submitted_end_date"], "%m/%d/%Y %H:%M:%S").date()
            rows = [r for r in self.data["rows"]
                    if start <= dt.datetime.strptime(r[4], "%m/%d/%Y").date() <= end]
            rows.sort(key=lambda r: dt.datetime.strptime(r[4], "%m/%d/%Y"),
                      reverse=field.get("order[0][dir]") == "desc")
            offset, length = int(field["start"]), min(int(field["length"]), 100)
            body = {"draw": int(field["draw"]), "recordsTotal": len(rows), "recordsFiltered": len(rows),
                    "data": rows[offset:offset + length], "result": "ok"}
            return self._send(200, json.dumps(body).encode(), "application/json")
        self._send(404, b"not found")


@contextlib.contextmanager
def fake_efd(data: dict, **config):
    handler = type("Handler", (FakeEfd,), {"data": data, **config, "faults": config.get("faults", {})})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.state = {"sessions": {}, "agreements": 0, "searches": 0, "expired": False, "log": [], "search_forms": [],
                    "missing": set()}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def client(url: str, tmp_path: Path, **options) -> EfdClient:
    options.setdefault("browser", "never")
    return EfdClient(test_settings(tmp_path / "lh"), base_url=url, media_base=url, **options)


def check_june(rows: list[SearchRow]) -> None:
    """The 13 reports of the June capture, exactly, with the fields as the capture gives them."""
    assert sorted(r.report_id for r in rows) == sorted(JUNE_IDS)
    assert len(rows) == 13
    by_id = {r.report_id: r for r in rows}
    assert [r.kind for r in rows].count("paper") == 1 and by_id[PAPER].kind == "paper"
    mcconnell = by_id["36b2e868-6789-43e3-91eb-ebe85aad5699"]
    assert (mcconnell.first_name, mcconnell.last_name, mcconnell.office) == (
        "A. Mitchell", "McConnell, Jr.", "McConnell, A. Mitchell Jr. (Senator)")
    paper = by_id[PAPER]
    assert (paper.first_name, paper.raw[0], paper.office) == ("RICHARD", "RICHARD ", "Senator")
    assert by_id["7caf1b69-3678-4420-8812-a1476a1a6158"].last_name == "Moran,"
    amended = by_id["727b4eb6-d8c7-4792-aa5b-c651c2d72f9c"]
    assert amended.title == "Periodic Transaction Report for 06/16/2026 (Amendment 1)" and amended.amendment == 1
    assert amended.link == "/search/view/ptr/727b4eb6-d8c7-4792-aa5b-c651c2d72f9c/"
    mccormick = by_id["ff0b0573-2809-40ae-8197-4b26648e9027"]  # filed the day before the date in its title
    assert mccormick.filed_date == dt.date(2026, 6, 26) and mccormick.report_for == dt.date(2026, 6, 27)
    assert [r.filed_date for r in rows] == sorted(r.filed_date for r in rows)  # oldest first
    assert sum(r.last_name == "Boozman" for r in rows) == 3


def test_stand_in_refuses_without_token_and_cookie(captures):
    """The stand-in is as strict as the site: no agreement without the form token, cookie and Referer."""
    with fake_efd(captures) as (url, state):
        s = requests.Session()
        assert s.get(f"{url}/search/", allow_redirects=False).status_code == 302
        s.get(f"{url}/search/home/")
        assert s.post(f"{url}/search/home/", data={"prohibition_agreement": "1"},
                      headers={"Referer": f"{url}/search/home/"}).status_code == 403
        bare = requests.post(f"{url}/search/home/", data={"prohibition_agreement": "1", "csrfmiddlewaretoken": "x"},
                             headers={"Referer": f"{url}/search/home/"})
        assert bare.status_code == 403
        search = s.post(f"{url}/search/report/data/", data={"report_types": "[11]"}, allow_redirects=False)
        assert search.status_code == 302
        assert state["agreements"] == 0


def test_full_flow_returns_the_real_rows_pages_and_scans(captures, tmp_path):
    with fake_efd(captures) as (url, state), client(url, tmp_path, page_size=5) as efd:
        june = list(efd.search_ptrs(*JUNE))
        check_june(june)
        assert efd.transport == "plain HTTP" and state["agreements"] == 1
        assert [int(f["start"]) for f in state["search_forms"]] == [0, 5, 10]  # paged through all 13
        form = state["search_forms"][0]
        assert (form["filer_types"], form["submitted_start_date"], form["submitted_end_date"]) == (
            "[1, 5]", "06/01/2026 00:00:00", "07/02/2026 23:59:59")

        july = list(efd.search_ptrs(*JULY))
        assert len(july) == 10 and {r.kind for r in july} == {"ptr", "paper"}
        assert [r.report_id for r in july if r.kind == "paper"] == ["3a4c5095-028a-4614-a692-836719da4e63"]
        assert july[0].report_id == "4f4d76c6-52ab-4edb-884d-b6c43e7b1bbe"  # received 07/06, the oldest

        by_id = {r.report_id: r for r in june}
        for uuid, content in captures["pages"].items():
            if uuid in by_id:
                assert efd.report_page(by_id[uuid]) == content  # byte for byte
        assert efd.report_page(next(r for r in july if r.report_id.startswith("fda235b3"))) == \
            captures["pages"]["fda235b3-bad7-4637-8fa1-053f354d929c"]

        scans = efd.paper_pages(by_id[PAPER])
        assert [u for u, _ in scans] == [f"{MEDIA_BASE_URL}/media/2026/2/000/000/0000001{n}.gif" for n in range(12, 19)]
        assert dict(scans)[MEDIA_BASE_URL + GIF_113] == captures["gif"]
        with pytest.raises(SourceError) as exc:
            efd.paper_pages(by_id[FETTERMAN])
        assert exc.value.reason == "not_paper"

        # A report the site does not have: it answers its search page, also after a fresh agreement.
        ghost = dataclass_replace(by_id[FETTERMAN], report_id="00000000-0000-0000-0000-000000000000",
                                  link="/search/view/ptr/00000000-0000-0000-0000-000000000000/")
        with pytest.raises(SourceError) as exc:
            efd.report_page(ghost)
        assert exc.value.reason == "not_found"
        assert efd.agreements == state["agreements"] == 2


def dataclass_replace(row: SearchRow, **changes) -> SearchRow:
    import dataclasses

    return dataclasses.replace(row, **changes)


def test_transient_errors_are_retried(captures, tmp_path):
    faults = {"/search/report/data/": [503, 429], f"/search/view/ptr/{FETTERMAN}/": [502], GIF_113: [500]}
    with fake_efd(captures, faults=faults) as (url, state), client(url, tmp_path) as efd:
        rows = {r.report_id: r for r in efd.search_ptrs(*JUNE)}
        assert len(rows) == 13
        assert efd.report_page(rows[FETTERMAN]) == captures["pages"][FETTERMAN]
        assert dict(efd.paper_pages(rows[PAPER]))[MEDIA_BASE_URL + GIF_113] == captures["gif"]
        assert all(not q for q in faults.values())


@pytest.mark.parametrize("expire_with", ["redirect", "403"])
def test_lost_session_mid_run_agrees_again_once(captures, tmp_path, expire_with):
    with fake_efd(captures, expire_after=1, expire_with=expire_with) as (url, state), \
            client(url, tmp_path, page_size=5) as efd:
        rows = list(efd.search_ptrs(*JUNE))
        check_june(rows)
        assert state["agreements"] == efd.agreements == 2
        assert [int(f["start"]) for f in state["search_forms"]] == [0, 5, 10]
        # Reports too: the session of the re-agreement serves them.
        assert efd.report_page(next(r for r in rows if r.report_id == FETTERMAN)) == captures["pages"][FETTERMAN]


def test_lost_report_session_agrees_again(captures, tmp_path):
    """A report page that lands on the agreement page (the session expired) is fetched again after agreeing."""
    with fake_efd(captures) as (url, state), client(url, tmp_path) as efd:
        rows = {r.report_id: r for r in efd.search_ptrs(*JUNE)}
        for s in state["sessions"].values():
            s["agreed"] = False
        assert efd.report_page(rows[FETTERMAN]) == captures["pages"][FETTERMAN]
        assert state["agreements"] == 2


def test_a_site_that_keeps_refusing_the_session_gives_a_clear_error(captures, tmp_path):
    with fake_efd(captures, refuse_search_after=1) as (url, state), client(url, tmp_path, page_size=5) as efd:
        rows = []
        with pytest.raises(EfdSessionError) as exc:
            rows.extend(efd.search_ptrs(*JUNE))
        assert len(rows) == 5 and state["agreements"] == 2  # one page, then one re-agreement, then the error
        msg = str(exc.value)
        assert "HTTP 403" in msg and "right after a fresh terms agreement" in msg and "--source DIR" in msg
        assert isinstance(exc.value, SourceError) and exc.value.reason == "session_refused"


def test_refused_everywhere_without_a_browser(captures, tmp_path):
    with fake_efd(captures, refuse_all=True) as (url, state):
        with client(url, tmp_path, browser="auto", chromium=str(tmp_path / "no-chromium")) as efd, \
                pytest.raises(EfdAccessError) as exc:
            list(efd.search_ptrs(*JUNE))
    msg = str(exc.value)
    assert "plain HTTP: GET /search/home/ answered HTTP 403" in msg and "'Access Denied'" in msg
    assert "no browser at" in msg and "--source DIR" in msg and "docs/senate-efd.md" in msg
    assert exc.value.reason == "refused" and isinstance(exc.value, SourceError)


@needs_chromium
def test_refused_plain_http_falls_back_to_headless_chromium(captures, tmp_path):
    """The whole flow in the browser, including a session lost mid-run (agreed again in the browser) and a
    503 the browser's own retry loop absorbs."""
    faults = {f"/search/view/ptr/{FETTERMAN}/": [503]}
    with fake_efd(captures, refuse_plain=True, expire_after=1, faults=faults) as (url, state), \
            client(url, tmp_path, browser="auto", chromium=CHROMIUM, page_size=5) as efd:
        rows = list(efd.search_ptrs(*JUNE))
        check_june(rows)
        assert efd.transport == "headless chromium"
        assert state["agreements"] == 2 and len(state["search_forms"]) == 3
        by_id = {r.report_id: r for r in rows}
        assert efd.report_page(by_id[FETTERMAN]) == captures["pages"][FETTERMAN]
        paper = efd.report_page(by_id[PAPER])
        assert paper == captures["pages"][PAPER]
        scans = efd.paper_pages(by_id[PAPER], page=paper)
        assert len(scans) == 7 and dict(scans)[MEDIA_BASE_URL + GIF_113] == captures["gif"]
    plain = [p for m, p, ua in state["log"] if "Chrome/" not in ua]
    assert plain == ["/search/home/"]  # one refused plain GET, then everything from the browser
    assert not faults[f"/search/view/ptr/{FETTERMAN}/"]
    # The browser loads no styles, fonts or images of pages (only the site's own scripts reach the site).
    # /favicon.ico is chromium's own request, which Playwright's routing does not see.
    assert not [p for _, p, _ in state["log"] if p.endswith((".css", ".svg", ".ico", ".png")) and p != "/favicon.ico"]


@needs_chromium
def test_refused_by_plain_http_and_browser_gives_a_clear_error(captures, tmp_path):
    with fake_efd(captures, refuse_all=True) as (url, state), \
            client(url, tmp_path, browser="auto", chromium=CHROMIUM) as efd, pytest.raises(EfdAccessError) as exc:
        efd.connect()
    msg = str(exc.value)
    assert "plain HTTP: GET /search/home/ answered HTTP 403" in msg
    assert "headless chromium: GET /search/home/ answered HTTP 403" in msg and "--source DIR" in msg


def build_mirror(root: Path, captures: dict, *, index: bool) -> Path:
    """A saved copy of the site in the mirror layout, from the real captures."""
    data = root / "search" / "report" / "data"
    data.mkdir(parents=True)
    shutil.copyfile(next(RAW.glob("*.ptr-search-2026-06-window.json")), data / "ptr-2026-06.json")
    shutil.copyfile(FIX / "efd_search_results.json", data / "ptr-2026-07.json")
    if index:
        (data / "index.json").write_text(json.dumps(["ptr-2026-06.json", "ptr-2026-07.json"]))
    for row in captures["rows"]:
        kind, uuid = re.search(r"/(ptr|paper)/([^/]+)/", row[3]).groups()
        if uuid in captures["pages"]:
            page = root / "search" / "view" / kind / uuid / "index.html"
            page.parent.mkdir(parents=True)
            page.write_bytes(captures["pages"][uuid])
    media = root / "media" / "2026" / "2" / "000" / "000"
    media.mkdir(parents=True)
    for n in range(112, 119):
        (media / f"000000{n}.gif").write_bytes(captures["gif"] if n == 113 else TINY_GIF)
    return root


@pytest.mark.parametrize("over", ["directory", "http"])
def test_mirror_reads_a_saved_directory(captures, tmp_path, over):
    root = build_mirror(tmp_path / "mirror", captures, index=over == "http")
    with contextlib.ExitStack() as stack:
        source = str(root) if over == "directory" else stack.enter_context(serve_directory(root))
        efd = stack.enter_context(mirror_client(source, test_settings(tmp_path / "lh")))
        rows = list(efd.search_ptrs(*JUNE))
        check_june(rows)
        july = list(efd.search_ptrs(*JULY))
        assert len(july) == 10  # the saved answer holds 10 of its 25 rows: a mirror lists what it holds
        both = list(efd.search_ptrs(JUNE[0], JULY[1]))
        assert len(both) == 23 and len({r.report_id for r in both}) == 23
        by_id = {r.report_id: r for r in rows}
        assert efd.report_page(by_id[FETTERMAN]) == captures["pages"][FETTERMAN]
        scans = efd.paper_pages(by_id[PAPER])
        assert len(scans) == 7 and dict(scans)[MEDIA_BASE_URL + GIF_113] == captures["gif"]
        with pytest.raises(SourceError) as exc:  # not in the mirror
            efd.report_page(by_id["40fbe259-f282-4982-a53f-1c7278d041cd"])
        assert exc.value.reason in ("not_found", "http_404")


def test_mirror_rejects_a_bad_source(tmp_path):
    with pytest.raises(SourceError, match="neither an http"):
        mirror_client(tmp_path / "nowhere")


def test_live_run_saved_as_a_mirror_reads_back_the_same(captures, tmp_path):
    saved = tmp_path / "saved"
    with fake_efd(captures) as (url, _), client(url, tmp_path, mirror_to=saved, page_size=5) as efd:
        live = list(efd.search_ptrs(*JUNE))
        by_id = {r.report_id: r for r in live}
        page = efd.report_page(by_id[FETTERMAN])
        scans = efd.paper_pages(by_id[PAPER])
    assert (saved / "search/report/data/index.json").is_file()
    with mirror_client(saved) as back:
        again = list(back.search_ptrs(*JUNE))
        assert sorted(again, key=lambda r: r.report_id) == sorted(live, key=lambda r: r.report_id)
        assert back.report_page(by_id[FETTERMAN]) == page
        assert back.paper_pages(by_id[PAPER], page=efd_page(saved, PAPER)) == scans


def efd_page(root: Path, uuid: str) -> bytes:
    return (root / "search/view/paper" / uuid / "index.html").read_bytes()


def test_a_site_still_busy_after_the_retries_is_a_transient_error(captures, tmp_path):
    """A 503 that outlasts the retries is the site being down: a transient SourceError, not a refusal."""
    with fake_efd(captures, faults={"/search/report/data/": [503, 503, 503]}) as (url, state), \
            client(url, tmp_path) as efd, pytest.raises(SourceError) as exc:
        list(efd.search_ptrs(*JUNE))
    assert exc.value.transient and exc.value.reason == "http_503"
    assert not isinstance(exc.value, EfdAccessError | EfdSessionError) and state["agreements"] == 1
