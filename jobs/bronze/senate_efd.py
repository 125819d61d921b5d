"""A client for the Senate's eFD site (efdsearch.senate.gov): PTR search rows, report pages, paper scans.

The site serves reports only to a session that accepted its terms (``docs/senate-efd.md``;
``shared/data/senate/SOURCE.md`` §6):

1. ``GET /search/home/``: the agreement page; its ``#agreement_form`` holds a one-time
   ``csrfmiddlewaretoken`` and the answer sets the ``csrftoken`` cookie and a session cookie;
2. ``POST /search/home/`` with ``prohibition_agreement=1``, the form token and ``Referer`` (Django's
   CSRF check refuses a POST without them) → 302 to ``/search/``, the search page;
3. ``POST /search/report/data/`` (DataTables' server-side protocol, ``X-CSRFToken`` = the cookie) →
   JSON ``{recordsTotal, recordsFiltered, data: [[first, last, office, '<a href="/search/view/ptr|paper/<uuid>/">
   title</a>', 'MM/DD/YYYY'], …]}``, paged with ``start``/``length`` (at most 100);
4. ``GET /search/view/ptr/<uuid>/`` (e-filed) or ``/search/view/paper/<uuid>/`` (a carousel of
   scanned GIF pages on ``efd-media-public.senate.gov``, which needs no session).

A lost session shows as a redirect to the agreement page or a 403: the client agrees again once and
repeats the request, then fails with :class:`EfdSessionError`. Since 2026 the site (behind Akamai)
answers 403 to non-browser HTTP clients on its HTML pages; the client then drives Debian's chromium
headless through Playwright (never a downloaded browser) through the same steps, and when that is
refused too raises :class:`EfdAccessError` pointing at ``--source DIR``.

Mirror layout (``source=DIR_OR_URL``, read by :class:`MirrorClient`; written by ``EfdClient(mirror_to=DIR)``),
the site's own paths under one root::

    search/report/data/index.json        JSON list of the answer files below (optional in a directory:
                                         without it every *.json there is read)
    search/report/data/<name>.json       saved answers of POST /search/report/data/, as the site sent them
    search/view/ptr/<uuid>/index.html    e-filed report pages (GET /search/view/ptr/<uuid>/)
    search/view/paper/<uuid>/index.html  paper report pages (GET /search/view/paper/<uuid>/)
    media/<path>                         scanned pages: https://efd-media-public.senate.gov/media/<path>

A mirror lists the rows of all its answers, once per report id, whose filing date is in the range asked.

The client is not thread-safe (Playwright's sync API belongs to the thread that started it): one
client per thread.
"""

from __future__ import annotations

import abc
import base64
import dataclasses
import datetime as dt
import html
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

from core.errors import SourceError
from core.settings import Settings, load_settings
from jobs.bronze.source import RateLimiter, Source, make_session
from jobs.silver.senate_ptr import SenatePageError, parse_date, parse_senate_paper_page, title_facts

logger = logging.getLogger(__name__)

EFD_BASE_URL = "https://efdsearch.senate.gov"
"""The eFD site; paths below are the site's own (``/search/home/`` …)."""
MEDIA_BASE_URL = "https://efd-media-public.senate.gov"
"""Where paper filings' scanned GIF pages live (no session needed)."""
CHROMIUM = "/usr/bin/chromium"
"""Debian's chromium; Playwright launches it by path and never downloads a browser."""

AGREEMENT_PATH = "/search/home/"
SEARCH_PAGE_PATH = "/search/"
SEARCH_DATA_PATH = "/search/report/data/"
PTR_REPORT_TYPE = 11
"""``report_types`` code of Periodic Transaction Reports on the search form."""
FILER_TYPES = (1, 5)
"""Senators and former senators (4, candidates, are left out: not Members)."""
MAX_PAGE = 100
"""The most rows the search endpoint gives per request."""

# Page titles the site answers instead of a report when the session is gone or the report is unknown.
_TITLE_AGREEMENT = "eFD: Home"
_TITLE_SEARCH = "eFD: Find Reports"
_LINK = re.compile(r"""href\s*=\s*["'](?P<href>[^"']*/search/view/(?P<kind>ptr|paper)/(?P<id>[^/"']+)/?)["'][^>]*>"""
                   r"(?P<title>.*?)</a>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(rb"<title>\s*(.*?)\s*</title>", re.IGNORECASE | re.DOTALL)
_BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


class EfdAccessError(SourceError):
    """The eFD site refused both plain HTTP and the headless browser (or the browser is missing)."""


class EfdSessionError(SourceError):
    """The eFD site kept refusing a request even right after a fresh terms agreement."""


@dataclasses.dataclass(frozen=True)
class SearchRow:
    """One report listed by the search endpoint, with its fields cleaned and the row as sent in ``raw``."""

    report_id: str
    """The eFD UUID, as in the link (paper ones from 2012–2013 are upper-case)."""
    kind: str
    """``ptr`` (e-filed) or ``paper`` (scanned), from the link's path."""
    first_name: str
    last_name: str
    """Whitespace-trimmed; otherwise as the site sends it (``McConnell, Jr.``, ``Moran,``)."""
    office: str
    """The filer's office/type column (``Peters, Gary (Senator)``, or just ``Senator`` on paper rows)."""
    filed_date: dt.date | None
    """The date the Senate received the report (the last column); None when unreadable (see ``raw``)."""
    title: str
    """The link text: ``Periodic Transaction Report for MM/DD/YYYY[ (Amendment N)]``."""
    link: str
    """The report's path as linked, ``/search/view/<kind>/<uuid>/``."""
    raw: tuple[str, ...] = ()
    """The row's cells exactly as the search answer sent them."""

    @property
    def url(self) -> str:
        """The report's address on the eFD site."""
        return urljoin(EFD_BASE_URL, self.link)

    @property
    def report_for(self) -> dt.date | None:
        """The date in the title (the report's period), when it has one."""
        return title_facts(self.title)[0]

    @property
    def amendment(self) -> int | None:
        """N of ``(Amendment N)`` in the title; None for an original report."""
        return title_facts(self.title)[1]


def parse_search_row(cells: list[Any]) -> SearchRow | None:
    """One ``data`` row of a search answer as a :class:`SearchRow`; None when it links no PTR or paper report."""
    cells = ["" if c is None else str(c) for c in cells]
    if len(cells) < 5:
        return None
    m = _LINK.search(cells[3])
    if m is None:
        return None
    title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", m.group("title"))).split())
    return SearchRow(report_id=m.group("id"), kind=m.group("kind").lower(), first_name=cells[0].strip(),
                     last_name=cells[1].strip(), office=cells[2].strip(), filed_date=parse_date(cells[4]),
                     title=title, link=html.unescape(m.group("href")), raw=tuple(cells))


def paper_image_urls(page: bytes | str, base_url: str = EFD_BASE_URL) -> list[str]:
    """The absolute URLs of a paper report's scanned pages, in page order (:func:`parse_senate_paper_page`);
    empty when the page shows none."""
    try:
        return parse_senate_paper_page(page, base_url + "/search/")
    except SenatePageError:
        return []


def _form_token(page: bytes) -> tuple[str | None, bool]:
    """(the page's CSRF form token, whether it has the agreement form): the agreement form's token first."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(page.decode("utf-8", "replace"))
    except (etree.ParserError, ValueError):  # an empty body
        return None, False
    tokens = [i.get("value") for i in root.iter("input") if i.get("name") == "csrfmiddlewaretoken" and i.get("value")]
    return (tokens[0] if tokens else None), bool(root.xpath("//form[@id='agreement_form']"))


def _title(body: bytes) -> str:
    m = _TITLE.search(body[:4096])
    return " ".join(html.unescape(m.group(1).decode("utf-8", "replace")).split()) if m else ""


@dataclasses.dataclass(frozen=True)
class _Answer:
    status: int
    url: str
    """The final URL, after redirects."""
    body: bytes
    content_type: str = ""
    retry_after: str = ""

    @property
    def path(self) -> str:
        return urlparse(self.url).path

    def describe(self) -> str:
        title = _title(self.body) if b"<" in self.body[:512] else ""
        return f"HTTP {self.status} from {self.url}" + (f" ({title!r})" if title else "")


class _Refused(Exception):
    """The site refused the client (not a network failure): another transport may do better."""


# --------------------------------------------------------------------------------------------- transports


class _HttpTransport:
    """Plain HTTP with ``requests``: the House ingest's retry policy (search POSTs too: they only read)."""

    kind = "plain HTTP"

    def __init__(self, settings: Settings, limiter: RateLimiter) -> None:
        self._settings, self._limiter = settings, limiter
        self._session = make_session(settings, retry_methods=("GET", "HEAD", "POST"))

    def get(self, url: str, referer: str | None = None) -> _Answer:
        return self._send("GET", url, headers={"Referer": referer} if referer else {})

    def post(self, url: str, fields: list[tuple[str, str]], headers: dict[str, str]) -> _Answer:
        return self._send("POST", url, data=fields, headers=headers)

    def cookie(self, name: str) -> str | None:
        for c in self._session.cookies:
            if c.name == name:
                return c.value
        return None

    def close(self) -> None:
        self._session.close()

    def _send(self, method: str, url: str, **kwargs: Any) -> _Answer:
        import requests

        self._limiter.wait()
        try:
            r = self._session.request(method, url, timeout=self._settings.http_timeout, **kwargs)
        except requests.RequestException as exc:
            raise SourceError(f"{method} {url} failed after {self._settings.http_retries} retries: "
                              f"{exc.__class__.__name__}: {exc}", source=url, reason="network", transient=True) from exc
        return _Answer(r.status_code, r.url, r.content, r.headers.get("Content-Type", ""))


class _BrowserTransport:
    """Debian's chromium, headless, through Playwright: HTML pages are navigations, search POSTs are in-page
    ``fetch`` calls (as the site's own DataTables script makes them), so every request has a browser's
    fingerprint. Retries 429/5xx/network errors itself with the same backoff as the HTTP session."""

    kind = "headless chromium"

    def __init__(self, settings: Settings, limiter: RateLimiter, base_url: str, media_base: str,
                 chromium: str) -> None:
        if not Path(chromium).exists():
            raise _Refused(f"no browser at {chromium} (Debian: apt-get install chromium)")
        from playwright.sync_api import sync_playwright

        self._settings, self._limiter = settings, limiter
        self._base = base_url
        self._allowed = {urlparse(base_url).netloc, urlparse(media_base).netloc}
        self._pw = sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(executable_path=chromium, headless=True, args=_BROWSER_ARGS)
            # The stock user agent: the site refuses altered ones (SOURCE.md §6).
            self._context = self._browser.new_context(accept_downloads=False)
            self._context.route("**/*", self._filter)
            self._page = self._context.new_page()
            """Pages of the site: the agreement, reports, and the origin of the search fetches."""
            self._media = self._context.new_page()
            """Scanned GIFs on the media host (another origin)."""
        except Exception as exc:
            self._pw.stop()
            raise _Refused(f"chromium at {chromium} did not start: {exc}") from exc

    def _filter(self, route: Any) -> None:
        """Only the site's and the media host's own requests; no styles, fonts or images of pages (bytes we
        do not keep), nothing to third parties (CDNs, analytics)."""
        req = route.request
        if urlparse(req.url).netloc not in self._allowed or (
                req.resource_type in ("image", "media", "font", "stylesheet") and not req.is_navigation_request()):
            route.abort()
        else:
            route.continue_()

    def get(self, url: str, referer: str | None = None) -> _Answer:
        # The site's pages share one tab (it is also the origin of the search fetches); other hosts get another.
        blank = self._page.url in ("", "about:blank")
        page = self._page if blank or urlparse(self._page.url).netloc == urlparse(url).netloc else self._media

        def go() -> _Answer:
            resp = page.goto(url, referer=referer, wait_until="domcontentloaded")
            if resp is None:
                raise SourceError(f"GET {url} gave no response in chromium", source=url, reason="network",
                                  transient=True)
            return _Answer(resp.status, resp.url, resp.body(), resp.headers.get("content-type", ""),
                           resp.headers.get("retry-after", ""))

        return self._retrying("GET", url, go)

    def post(self, url: str, fields: list[tuple[str, str]], headers: dict[str, str]) -> _Answer:
        if self._page.url in ("", "about:blank"):
            self.get(urljoin(url, AGREEMENT_PATH))
        headers = dict(headers)
        referrer = headers.pop("Referer", None)
        script = """async ([url, fields, headers, referrer]) => {
            const r = await fetch(url, {method: 'POST', body: new URLSearchParams(fields), headers,
                                        credentials: 'same-origin', referrer: referrer || undefined});
            const bytes = new Uint8Array(await r.arrayBuffer());
            let s = '';
            for (let i = 0; i < bytes.length; i += 32768) s += String.fromCharCode(...bytes.subarray(i, i + 32768));
            return {status: r.status, url: r.url, body: btoa(s), type: r.headers.get('content-type') || '',
                    retryAfter: r.headers.get('retry-after') || ''};
        }"""

        def send() -> _Answer:
            out = self._page.evaluate(script, [url, fields, headers, referrer])
            return _Answer(out["status"], out["url"], base64.b64decode(out["body"]), out["type"], out["retryAfter"])

        return self._retrying("POST", url, send)

    def cookie(self, name: str) -> str | None:
        for c in self._context.cookies(self._base):
            if c["name"] == name:
                return c["value"]
        return None

    def close(self) -> None:
        try:
            self._browser.close()
        finally:
            self._pw.stop()

    def _retrying(self, method: str, url: str, call: Callable[[], _Answer]) -> _Answer:
        from playwright.sync_api import Error as PlaywrightError

        retries = self._settings.http_retries
        for attempt in range(retries + 1):
            self._limiter.wait()
            try:
                ans = call()
            except PlaywrightError as exc:
                if attempt == retries:
                    raise SourceError(f"{method} {url} failed in chromium after {retries} retries: {exc}",
                                      source=url, reason="network", transient=True) from exc
                time.sleep(self._settings.http_backoff * 2 ** attempt)
                continue
            if ans.status not in (429, 500, 502, 503, 504) or attempt == retries:
                return ans
            time.sleep(_retry_after(ans) or self._settings.http_backoff * 2 ** attempt)
        raise AssertionError("unreachable")


def _raise_if_unavailable(ans: _Answer, what: str) -> None:
    """A 429 or 5xx left after the retries is the site being busy or down, not a refusal of this client."""
    if ans.status == 429 or ans.status >= 500:
        raise SourceError(f"{what} answered HTTP {ans.status} after retries; try again later", source=ans.url,
                          reason=f"http_{ans.status}", transient=True)


def _retry_after(ans: _Answer) -> float | None:
    """Seconds the site asked to wait (``Retry-After`` in seconds; at most 5 minutes), else None."""
    try:
        return min(float(ans.retry_after), 300.0) if ans.retry_after else None
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------- clients


class _Reports(abc.ABC):
    """What the live client and a mirror share: reading report pages and a paper report's scanned pages."""

    @abc.abstractmethod
    def search_ptrs(self, start: dt.date, end: dt.date) -> Iterator[SearchRow]:
        """Each PTR received from ``start`` to ``end`` (inclusive), once, oldest first."""

    @abc.abstractmethod
    def report_page(self, row: SearchRow) -> bytes:
        """The bytes of the report's page."""

    @abc.abstractmethod
    def _media(self, url: str) -> bytes:
        """The bytes of a scanned page image."""

    def paper_pages(self, row: SearchRow, page: bytes | None = None) -> list[tuple[str, bytes]]:
        """``(url, bytes)`` of each scanned GIF page of a paper report, in page order.

        ``page`` is the report page when the caller already fetched it (else it is fetched). The URLs
        are the page's own (on ``efd-media-public.senate.gov``), whatever the client fetched from.

        Raises:
            SourceError: ``reason`` ``not_paper`` for an e-filed row or a page without scans, ``not_gif``
                when a URL answered something that is not a GIF, or as the fetch raised it.
        """
        if row.kind != "paper":
            raise SourceError(f"{row.report_id} is an e-filed report ({row.link}); only paper reports have "
                              "scanned pages", source=row.link, reason="not_paper")
        urls = paper_image_urls(page if page is not None else self.report_page(row))
        if not urls:
            raise SourceError(f"The page of paper report {row.report_id} ({row.link}) shows no scanned pages "
                              "(<img class=\"filingImage\">); has the site's layout changed?", source=row.link,
                              reason="not_paper")
        out = []
        for url in urls:
            content = self._media(url)
            if not content.startswith((b"GIF87a", b"GIF89a")):
                raise SourceError(f"{url} (page of paper report {row.report_id}) is not a GIF image: it starts "
                                  f"with {content[:16]!r}", source=url, reason="not_gif")
            out.append((url, content))
        return out

    def close(self) -> None:  # noqa: B027 (a mirror holds nothing to release; the live client overrides it)
        """Release connections and the browser, if any."""

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class EfdClient(_Reports):
    """The live eFD site: agreement, search, reports; plain HTTP first, headless chromium when refused.

    Args:
        settings: HTTP politeness (``http_rate``, ``http_retries``, ``http_backoff``, ``http_timeout``);
            default: loaded from the environment.
        base_url: the site (a stand-in in tests).
        media_base: where the scanned pages are fetched from; their URLs keep the real media host.
        browser: ``auto`` (the browser only when plain HTTP is refused), ``never`` or ``always``.
        chromium: the browser executable.
        filer_types: the search form's filer types (1 Senator, 4 Candidate, 5 Former Senator).
        page_size: rows per search request (the site gives at most 100).
        mirror_to: a directory to save everything fetched into, in the mirror layout (module docstring).
    """

    def __init__(self, settings: Settings | None = None, *, base_url: str = EFD_BASE_URL,
                 media_base: str = MEDIA_BASE_URL, browser: str = "auto", chromium: str = CHROMIUM,
                 filer_types: tuple[int, ...] = FILER_TYPES, page_size: int = MAX_PAGE,
                 mirror_to: str | Path | None = None) -> None:
        if browser not in ("auto", "never", "always"):
            raise ValueError(f"browser={browser!r}: give 'auto', 'never' or 'always'")
        self.settings = settings or load_settings()
        self.base_url = base_url.rstrip("/")
        self.media_base = media_base.rstrip("/")
        self.browser, self.chromium = browser, chromium
        self.filer_types = tuple(filer_types)
        self.page_size = max(1, min(int(page_size), MAX_PAGE))
        self.mirror_to = Path(mirror_to) if mirror_to is not None else None
        self.agreements = 0
        """Terms agreements made so far (1 per run, plus one per lost session)."""
        self.skipped_rows: list[list[Any]] = []
        """Search rows that link neither a PTR nor a paper report (kept for the operator to look at)."""
        self._limiter = RateLimiter(self.settings.http_rate)
        self._transport: _HttpTransport | _BrowserTransport | None = None
        self._token: str | None = None
        self._browser_needed = False

    @property
    def transport(self) -> str | None:
        """``plain HTTP`` or ``headless chromium`` once connected, else None."""
        return self._transport.kind if self._transport else None

    # -- the session ---------------------------------------------------------------------------

    def connect(self) -> None:
        """Agree to the terms (plain HTTP, else the browser); done on first use, so calling it is optional.

        Raises:
            EfdAccessError: neither way was let in; the message says what the site answered.
        """
        refusals: list[str] = []
        self._close_transport()
        # Once the browser got in, a lost session goes straight back to it (plain HTTP was refused).
        if self.browser != "always" and not self._browser_needed:
            if self._try(lambda: _HttpTransport(self.settings, self._limiter), refusals):
                return
            logger.warning("eFD refused %s", refusals[-1])
        if self.browser != "never":
            if self._try(lambda: _BrowserTransport(self.settings, self._limiter, self.base_url, self.media_base,
                                                   self.chromium), refusals):
                self._browser_needed = True
                return
        raise EfdAccessError(
            f"The eFD site {self.base_url} did not let this client in: " + "; ".join(refusals) + ". Its bot "
            "manager refuses non-browser clients (SOURCE.md §6). Fetch the reports with a browser into a mirror "
            "and read that instead: --source DIR (layout in docs/senate-efd.md, section 'Senate eFD client').",
            source=self.base_url, reason="refused")

    def _try(self, make: Callable[[], _HttpTransport | _BrowserTransport], refusals: list[str]) -> bool:
        """Agree over a new transport; False (the refusal noted) when the site refused it."""
        try:
            transport = make()
        except _Refused as exc:
            refusals.append(f"headless chromium: {exc}")
            return False
        try:
            self._agree(transport)
            return True
        except _Refused as exc:
            refusals.append(f"{transport.kind}: {exc}")
        except BaseException:
            transport.close()
            raise
        transport.close()
        return False

    def _agree(self, transport: _HttpTransport | _BrowserTransport) -> None:
        """Steps 1–2 of the module docstring on ``transport``; on success it becomes the client's."""
        home = self.base_url + AGREEMENT_PATH
        landing = transport.get(home)
        _raise_if_unavailable(landing, f"GET {home}")
        if landing.status != 200:
            raise _Refused(f"GET {AGREEMENT_PATH} answered {landing.describe()}")
        token, has_form = _form_token(landing.body)
        if not has_form or not token:
            if _title(landing.body) == _TITLE_SEARCH:  # the session had agreed already
                self._use(transport, landing)
                return
            raise _Refused(f"GET {AGREEMENT_PATH} answered a page without the agreement form "
                           f"({landing.describe()})")
        answer = transport.post(home, [("prohibition_agreement", "1"), ("csrfmiddlewaretoken", token)],
                                {"Referer": home})
        _raise_if_unavailable(answer, f"POST {home}")
        if answer.status != 200 or _title(answer.body) == _TITLE_AGREEMENT or answer.path == AGREEMENT_PATH:
            raise _Refused(f"POST {AGREEMENT_PATH} (the agreement) answered {answer.describe()}")
        self._use(transport, answer)

    def _use(self, transport: _HttpTransport | _BrowserTransport, search_page: _Answer) -> None:
        self.agreements += 1
        self._transport = transport
        # Django takes the csrftoken cookie as X-CSRFToken (the site's script does); the search page's form
        # token is a valid stand-in when the cookie is not readable.
        self._token = transport.cookie("csrftoken") or _form_token(search_page.body)[0]
        logger.info("eFD: agreed to the terms over %s", transport.kind)

    def _close_transport(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def close(self) -> None:
        """Close the HTTP session or the browser."""
        self._close_transport()

    def _in_session(self, what: str, send: Callable[[], _Answer], refusal: Callable[[_Answer], str | None]) -> _Answer:
        """``send()`` in an agreed session; when the session was lost, agree again once and send again."""
        if self._transport is None:
            self.connect()
        answer = send()
        problem = refusal(answer)
        if problem is None:
            return answer
        logger.warning("eFD: %s answered %s: the session was lost; agreeing to the terms again", what, problem)
        self.connect()
        answer = send()
        problem = refusal(answer)
        if problem is not None:
            raise EfdSessionError(
                f"{what} answered {problem} again right after a fresh terms agreement, so it is not a lost "
                "session: the site refuses this client or changed its protocol. Try later, or read a saved "
                "mirror with --source DIR (docs/senate-efd.md).", source=self.base_url, reason="session_refused")
        return answer

    # -- search ------------------------------------------------------------------------------

    def search_ptrs(self, start: dt.date, end: dt.date) -> Iterator[SearchRow]:
        """Every PTR (e-filed and paper) the Senate received from ``start`` to ``end`` (both inclusive), once
        each, oldest first; pages through the whole result.

        Raises:
            EfdAccessError, EfdSessionError: see the class; SourceError: network failures after retries.
        """
        if end < start:
            raise ValueError(f"search_ptrs: end {end} is before start {start}")
        seen: set[str] = set()
        offset, draw = 0, 0
        while True:
            draw += 1
            answer = self._search_page(start, end, offset, draw)
            rows = answer.get("data") or []
            total = int(answer.get("recordsFiltered", answer.get("recordsTotal", 0)) or 0)
            for cells in rows:
                row = parse_search_row(cells)
                if row is None:
                    logger.warning("eFD: search row without a PTR/paper link left out: %r", cells)
                    self.skipped_rows.append(list(cells))
                elif row.report_id not in seen:  # pages may overlap when a report arrives mid-run
                    seen.add(row.report_id)
                    yield row
            offset += len(rows)
            if not rows or offset >= total:
                return

    def _search_page(self, start: dt.date, end: dt.date, offset: int, draw: int) -> dict[str, Any]:
        url = self.base_url + SEARCH_DATA_PATH

        def send() -> _Answer:
            assert self._transport is not None
            fields = _search_fields(start, end, offset, self.page_size, draw, self.filer_types)
            headers = {"X-CSRFToken": self._token or "", "X-Requested-With": "XMLHttpRequest",
                       "Referer": self.base_url + SEARCH_PAGE_PATH}
            return self._transport.post(url, fields, headers)

        parsed: dict[str, Any] = {}

        def refusal(ans: _Answer) -> str | None:
            nonlocal parsed
            _raise_if_unavailable(ans, f"POST {url}")
            if ans.status != 200 or ans.path == AGREEMENT_PATH:
                return ans.describe()
            try:
                parsed = json.loads(ans.body)
            except ValueError:
                return f"{ans.describe()}, not JSON"
            if not isinstance(parsed, dict) or not isinstance(parsed.get("data"), list):
                return f"JSON without a 'data' list from {ans.url}"
            return None

        answer = self._in_session(f"POST {SEARCH_DATA_PATH} (rows {offset}-)", send, refusal)
        if self.mirror_to is not None:
            name = f"ptr_{start:%Y-%m-%d}_{end:%Y-%m-%d}_{offset:06d}.json"
            _save(self.mirror_to, f"search/report/data/{name}", answer.body)
            _index_answers(self.mirror_to)
        return parsed

    # -- reports --------------------------------------------------------------------------------

    def report_page(self, row: SearchRow) -> bytes:
        """The report's page as the site sent it (``/search/view/ptr|paper/<uuid>/``).

        Raises:
            SourceError: ``not_found`` when the site has no such report (404, or its search page again
                after a fresh agreement); EfdSessionError/EfdAccessError as for the search.
        """
        url = urljoin(self.base_url + "/", row.link.lstrip("/"))

        def send() -> _Answer:
            assert self._transport is not None
            return self._transport.get(url, referer=self.base_url + SEARCH_PAGE_PATH)

        tries = 0

        def refusal(ans: _Answer) -> str | None:
            nonlocal tries
            tries += 1
            if ans.status in (404, 410):
                raise SourceError(f"GET {url} answered HTTP {ans.status}: the site has no such report",
                                  source=url, reason="not_found")
            _raise_if_unavailable(ans, f"GET {url}")
            title = _title(ans.body)
            if tries > 1 and ans.status == 200 and (ans.path == SEARCH_PAGE_PATH or title == _TITLE_SEARCH):
                # Sent to the search page although just agreed: the site has no such report.
                raise SourceError(f"GET {url} answered the search page instead of the report, also in a fresh "
                                  "session: the site has no such report", source=url, reason="not_found")
            if ans.status != 200 or ans.path in (AGREEMENT_PATH, SEARCH_PAGE_PATH) or \
                    title in (_TITLE_AGREEMENT, _TITLE_SEARCH):
                return ans.describe()
            return None

        answer = self._in_session(f"GET {row.link}", send, refusal)
        if self.mirror_to is not None:
            _save(self.mirror_to, _mirror_page_path(row), answer.body)
        return answer.body

    def _media(self, url: str) -> bytes:
        fetch_url = url
        if url.startswith(MEDIA_BASE_URL + "/"):
            fetch_url = self.media_base + url[len(MEDIA_BASE_URL):]
        if self._transport is None:
            self.connect()
        assert self._transport is not None
        ans = self._transport.get(fetch_url)
        if ans.status != 200:
            raise SourceError(f"GET {fetch_url} answered {ans.describe()}", source=fetch_url,
                              reason="not_found" if ans.status in (404, 410) else f"http_{ans.status}",
                              transient=ans.status == 429 or ans.status >= 500)
        if self.mirror_to is not None:
            _save(self.mirror_to, urlparse(url).path.lstrip("/"), ans.body)
        return ans.body


def _search_fields(start: dt.date, end: dt.date, offset: int, length: int, draw: int,
                   filer_types: tuple[int, ...]) -> list[tuple[str, str]]:
    """The form the site's DataTables script posts, ordered by date received ascending: a report filed
    during the run then lands after the pages already read instead of shifting them."""
    fields = [("draw", str(draw))]
    for i in range(5):
        fields += [(f"columns[{i}][data]", str(i)), (f"columns[{i}][name]", ""),
                   (f"columns[{i}][searchable]", "true"), (f"columns[{i}][orderable]", "true"),
                   (f"columns[{i}][search][value]", ""), (f"columns[{i}][search][regex]", "false")]
    fields += [("order[0][column]", "4"), ("order[0][dir]", "asc"), ("order[1][column]", "1"),
               ("order[1][dir]", "asc"), ("start", str(offset)), ("length", str(length)), ("search[value]", ""),
               ("search[regex]", "false"), ("report_types", f"[{PTR_REPORT_TYPE}]"),
               ("filer_types", "[" + ", ".join(str(t) for t in filer_types) + "]"),
               ("submitted_start_date", f"{start:%m/%d/%Y} 00:00:00"),
               ("submitted_end_date", f"{end:%m/%d/%Y} 23:59:59"), ("candidate_state", ""), ("senator_state", ""),
               ("office_id", ""), ("first_name", ""), ("last_name", "")]
    return fields


def _mirror_page_path(row: SearchRow) -> str:
    return f"search/view/{row.kind}/{row.report_id}/index.html"


def _save(root: Path, relative: str, content: bytes) -> None:
    target = root / relative
    if not target.resolve().is_relative_to(root.resolve()):
        raise SourceError(f"Refusing to save {relative!r} outside the mirror {root}", source=relative,
                          reason="bad_path")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _index_answers(root: Path) -> None:
    folder = root / "search" / "report" / "data"
    names = sorted(p.name for p in folder.glob("*.json") if p.name != "index.json")
    (folder / "index.json").write_text(json.dumps(names, indent=1) + "\n", encoding="utf-8")


class MirrorClient(_Reports):
    """Reads a saved copy of the site (a directory or a static HTTP server) in the module's mirror layout.

    HTTP mirrors are fetched with the House ingest's :class:`~jobs.bronze.source.Source` (retries, rate limit).
    """

    def __init__(self, source: str | Path, settings: Settings | None = None) -> None:
        location = str(source).rstrip("/")
        if urlparse(location).scheme not in ("http", "https") and not Path(location).is_dir():
            raise SourceError(
                f"Senate source {location!r} is neither an http(s) URL nor an existing directory. Give a directory "
                "or URL laid out like the eFD site: search/report/data/*.json (saved search answers), "
                "search/view/ptr/<uuid>/index.html, search/view/paper/<uuid>/index.html, media/… (docs/senate-efd.md).",
                source=location, reason="bad_source")
        self._source = Source(location, settings or load_settings())
        self.location = self._source.location

    def search_ptrs(self, start: dt.date, end: dt.date) -> Iterator[SearchRow]:
        """The rows of every saved search answer received from ``start`` to ``end`` (inclusive), once per report
        id, oldest first (rows are listed as saved: a partial answer lists only the rows it holds)."""
        rows: dict[str, SearchRow] = {}
        for name in self._answer_names():
            fetched = self._source.fetch(f"search/report/data/{name}")
            try:
                answer = json.loads(fetched.content)
                data = answer["data"]
            except (ValueError, KeyError, TypeError) as exc:
                raise SourceError(f"{fetched.url} is not a saved eFD search answer (JSON with a 'data' list): {exc}",
                                  source=fetched.url, reason="bad_answer") from exc
            for cells in data:
                row = parse_search_row(cells)
                if row is None:
                    logger.warning("eFD mirror: row without a PTR/paper link left out of %s: %r", fetched.url, cells)
                elif row.filed_date is not None and start <= row.filed_date <= end:
                    rows.setdefault(row.report_id, row)
        yield from sorted(rows.values(), key=lambda r: (r.filed_date, r.last_name, r.first_name, r.report_id))

    def _answer_names(self) -> list[str]:
        folder = "search/report/data"
        if not self._source.is_http:
            local = Path(self._source.url(folder))
            if not (local / "index.json").is_file():
                return sorted(p.name for p in local.glob("*.json"))
        fetched = self._source.fetch(f"{folder}/index.json")
        try:
            names = json.loads(fetched.content)
            assert isinstance(names, list) and all(isinstance(n, str) and "/" not in n for n in names)
        except (ValueError, AssertionError) as exc:
            raise SourceError(f"{fetched.url} should be a JSON list of the answer files beside it", source=fetched.url,
                              reason="bad_answer") from exc
        return names

    def report_page(self, row: SearchRow) -> bytes:
        """The saved page of the report (``search/view/<kind>/<uuid>/index.html``)."""
        return self._source.fetch(_mirror_page_path(row)).content

    def _media(self, url: str) -> bytes:
        return self._source.fetch(urlparse(url).path.lstrip("/")).content

    def close(self) -> None:
        """Close the HTTP session of an HTTP mirror."""
        self._source.close()


def mirror_client(source: str | Path, settings: Settings | None = None) -> MirrorClient:
    """A client reading the saved mirror at ``source`` (a directory or an http(s) URL)."""
    return MirrorClient(source, settings)


def efd_client(settings: Settings | None = None, source: str | Path | None = None,
               **options: Any) -> EfdClient | MirrorClient:
    """The live site's client, or a mirror's when ``source`` is given (what ``--source`` maps to)."""
    if source is not None:
        return MirrorClient(source, settings)
    return EfdClient(settings, **options)
