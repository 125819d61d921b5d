"""Where House filings come from: the Clerk's site, an HTTP mirror of it, or a local directory.

HTTP retries with exponential backoff come from urllib3's ``Retry`` (timeouts, connection resets,
429 and 5xx; ``Retry-After`` honoured; never 404). A shared rate limiter keeps every thread of a
run under ``settings.http_rate`` requests per second, because the Clerk's site is a public service.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from core.errors import SourceError
from core.settings import CLERK_BASE_URL, Settings


@dataclasses.dataclass(frozen=True)
class Fetched:
    """One successfully fetched file."""

    url: str
    content: bytes
    status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class RateLimiter:
    """At most ``rate`` acquisitions per second across threads (evenly spaced)."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate
        self._next = time.monotonic()
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self._interval
        if start > now:
            time.sleep(start - now)


class Source:
    """Fetches files by their path relative to the Clerk's site root (``public_disc/...``)."""

    def __init__(self, location: str | None, settings: Settings) -> None:
        self.location = (location or settings.source or CLERK_BASE_URL).rstrip("/")
        self.is_http = urlparse(self.location).scheme in ("http", "https")
        if not self.is_http and not Path(self.location).is_dir():
            raise SourceError(
                f"Source {self.location!r} is neither an http(s) URL nor an existing directory. Give the "
                f"Clerk's site ({CLERK_BASE_URL}), a mirror URL, or a directory with the same layout "
                "(public_disc/financial-pdfs/{YEAR}FD.zip, public_disc/ptr-pdfs/{YEAR}/{DocID}.pdf …).",
                source=self.location,
                reason="bad_source",
            )
        self._settings = settings
        self._limiter = RateLimiter(settings.http_rate)
        self._session = self._make_session() if self.is_http else None

    def url(self, relative: str) -> str:
        if self.is_http:
            return f"{self.location}/{relative}"
        return str(Path(self.location) / relative)

    def fetch(self, relative: str) -> Fetched:
        """Fetch one file.

        Raises:
            SourceError: ``reason`` is ``http_<status>`` / ``not_found`` for a missing file (not
                transient), or ``network`` after the retries ran out (transient).
        """
        url = self.url(relative)
        if not self.is_http:
            path = Path(url)
            if not path.is_file():
                raise SourceError(f"{url} does not exist", source=url, reason="not_found")
            return Fetched(url=url, content=path.read_bytes())
        import requests

        self._limiter.wait()
        try:
            assert self._session is not None
            resp = self._session.get(url, timeout=self._settings.http_timeout)
        except requests.RequestException as exc:
            raise SourceError(
                f"GET {url} failed after {self._settings.http_retries} retries: {exc.__class__.__name__}: "
                f"{exc}. It will be tried again on the next run.",
                source=url,
                reason="network",
                transient=True,
            ) from exc
        if resp.status_code != 200:
            transient = resp.status_code in (429,) or resp.status_code >= 500
            raise SourceError(
                f"GET {url} answered HTTP {resp.status_code}"
                + (" after retries" if transient else "")
                + "; it will be tried again on the next run.",
                source=url,
                reason=f"http_{resp.status_code}",
                transient=transient,
            )
        return Fetched(
            url=url,
            content=resp.content,
            status=resp.status_code,
            content_type=resp.headers.get("Content-Type"),
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
        )

    def close(self) -> None:
        if self._session is not None:
            self._session.close()

    def _make_session(self):
        return make_session(self._settings, headers={"Referer": f"{CLERK_BASE_URL}/FinancialDisclosure"})


def make_session(settings: Settings, *, headers: dict[str, str] | None = None,
                 retry_methods: tuple[str, ...] = ("GET", "HEAD")):
    """A ``requests`` session with every source's retry policy (429/5xx/resets, backoff, Retry-After).

    ``headers`` are added to the User-Agent (the Clerk's Referer, eFD's own); ``retry_methods`` lists
    the methods safe to repeat (a search POST that only reads may be listed).
    """
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    retry = Retry(
        total=settings.http_retries,
        connect=settings.http_retries,
        read=settings.http_retries,
        status=settings.http_retries,
        backoff_factor=settings.http_backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset(retry_methods),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_connections=settings.http_concurrency,
                          pool_maxsize=settings.http_concurrency)
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"User-Agent": settings.user_agent, **(headers or {})})
    return session
