"""The JSON/CSV/Arrow API under ``/v1``: one endpoint per named query, with caching and time travel.

Each endpoint is a row of :data:`ENDPOINTS` over a named query of :mod:`flight_server.named`; its
parameters, their rules and their documentation (the OpenAPI document too) come from that one
definition. The answer's ``ETag`` names the snapshot of every table the answer read, so it changes
exactly when a new snapshot does; ``If-None-Match`` with it gets a 304 without running anything.
"""

from __future__ import annotations

import dataclasses
import urllib.parse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from core.asof import AsOf
from core.errors import QueryError
from web.data import Answer, WebData, selector, with_explanation
from web.formats import MEDIA_TYPES, json_records, negotiate, to_arrow, to_csv, to_json

if TYPE_CHECKING:
    from flight_server.service import Request as ServiceRequest

SELECTORS = ("as_of", "tag", "snapshot_id")
RESERVED = (*SELECTORS, "format", "offset")
"""URL parameters of every endpoint that are not parameters of the named query."""
MAX_OFFSET = 10_000_000
ONE_HOUR = "max-age=3600"
"""The seed's cache lifetime for current answers; answers pinned by snapshot id never change."""


@dataclasses.dataclass(frozen=True)
class Endpoint:
    """One API path over one named query."""

    path: str
    query: str
    summary: str
    shape: str = "rows"
    """``rows`` (a page of rows), ``filing`` (header + transactions) or ``one`` (a single row)."""
    paging: str | None = "window"
    """``native``: the query pages itself (limit/offset); ``window``: the API skips ``offset`` rows
    of a longer answer; None: not paged."""
    example: str = ""
    """A URL to try, linked from the docs page."""

    @property
    def path_params(self) -> list[str]:
        return [p.strip("{}") for p in self.path.split("/") if p.startswith("{")]


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "/v1/members/{bioguide_id}/trades",
        "member_trades",
        "Trades of one Member, newest first (filter by ticker, type, dates).",
        paging="native",
        example="/v1/members/P000197/trades?limit=20",
    ),
    Endpoint(
        "/v1/tickers/{ticker}/trades",
        "member_trades",
        "Who bought and sold one ticker, newest first.",
        paging="native",
        example="/v1/tickers/NVDA/trades?limit=20",
    ),
    Endpoint(
        "/v1/trending-stocks",
        "trending_stocks",
        "Most traded tickers in the last 7, 30 or 90 days (window=7d|30d|90d).",
        example="/v1/trending-stocks?window=30d",
    ),
    Endpoint(
        "/v1/top-traders",
        "top_traders",
        "Members ranked by trading in the last N days (days=N).",
        example="/v1/top-traders?days=30",
    ),
    Endpoint(
        "/v1/filings/{doc_id}",
        "filing",
        "One filing: its header and every transaction row.",
        shape="filing",
        paging=None,
        example="/v1/filings/20026590",
    ),
    Endpoint(
        "/v1/search",
        "search",
        "Members and assets matching q (name, bioguide id, ticker).",
        example="/v1/search?q=pelosi",
    ),
    Endpoint(
        "/v1/summary",
        "summary",
        "How much the lakehouse holds and how recent it is.",
        shape="one",
        paging=None,
        example="/v1/summary",
    ),
)
FILING_HEADER = (
    "doc_id",
    "year",
    "filing_type",
    "filing_type_name",
    "filing_date",
    "filer_name",
    "state_district",
    "is_amendment",
    "pdf_url",
)


def _named(name: str):
    from flight_server.named import named_query

    return named_query(name)


class ApiError(QueryError):
    """A request error with its HTTP status and what the endpoint expects."""

    def __init__(self, message: str, status: int = 400, endpoint: Endpoint | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.endpoint = endpoint


def query_params(request: Request, endpoint: Endpoint) -> dict[str, str]:
    """The named query's raw parameters: the URL's query string plus the path's parameters.

    Raises:
        ApiError: a parameter given twice, or a path parameter repeated in the query string.
    """
    raw: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in raw:
            raise ApiError(f"Parameter {key!r} is given twice; give it once.", endpoint=endpoint)
        raw[key] = value
    for name in endpoint.path_params:
        if name in raw:
            raise ApiError(
                f"{name} is part of the path ({endpoint.path}); do not repeat it in the query string.",
                endpoint=endpoint,
            )
        raw[name] = request.path_params[name]
    return raw


def plan(endpoint: Endpoint, raw: Mapping[str, str]) -> tuple[dict[str, Any], int, int, dict[str, Any]]:
    """(parameters to run with, offset, page size, the caller's validated parameters) for a request.

    Paging asks for one row more than the page, so the answer knows whether a next page exists.

    Raises:
        QueryError: a parameter fails its rule (the message says what is expected).
    """
    query = _named(endpoint.query)
    params = {k: v for k, v in raw.items() if k not in RESERVED}
    if endpoint.query == "trending_stocks" and params.get("window"):
        window = str(params["window"]).strip().lower().removesuffix("d")
        if window not in ("7", "30", "90"):
            raise ApiError(
                f"window={params['window']!r} is not one of 7d, 30d, 90d (or 7, 30, 90).", endpoint=endpoint
            )
        params["window"] = window
    offset = 0
    if raw.get("offset") not in (None, ""):
        if endpoint.paging is None:
            raise ApiError(f"{endpoint.path} is not paged: it takes no offset.", endpoint=endpoint)
        text = str(raw["offset"]).strip()
        if not text.isdigit() or int(text) > MAX_OFFSET:
            raise ApiError(
                f"offset={raw['offset']!r} must be a whole number from 0 to {MAX_OFFSET:,}.",
                endpoint=endpoint,
            )
        offset = int(text)
    values = query.validate(params)
    limit = values.get("limit")
    run = dict(values)
    if endpoint.paging == "native":
        cap = next(p.maximum for p in query.params if p.name == "limit")
        run["limit"] = min(limit + 1, cap)
        run["offset"] = offset
        values["offset"] = offset
    elif endpoint.paging == "window":
        cap = next(p.maximum for p in query.params if p.name == "limit")
        if offset + limit > cap:
            raise ApiError(
                f"offset + limit must be at most {cap} for {endpoint.path} (got {offset + limit}).",
                endpoint=endpoint,
            )
        run["limit"] = min(offset + limit + 1, cap)
    return run, offset, limit or 0, values


def etag(pins: Mapping[str, int | None], fmt: str, extra: tuple[str, ...] = ()) -> str:
    """``"gold.t@<snapshot id>,…;json"``: the snapshot ids the answer read, then its format."""
    read = ",".join(f"{t}@{'empty' if sid is None else sid}" for t, sid in sorted(pins.items()))
    return '"' + ";".join((read, *extra, fmt)) + '"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """RFC 9110 weak comparison of ``If-None-Match`` against our ETag."""
    if not if_none_match:
        return False
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == tag:
            return True
    return False


def cache_control(as_of: AsOf, private: bool) -> str:
    """Answers pinned to a snapshot id never change; others may change within the hour."""
    scope = "private" if private else "public"
    if as_of.snapshot_id is not None:
        return f"{scope}, max-age=31536000, immutable"
    return f"{scope}, {ONE_HOUR}"


def _defaulted(endpoint: Endpoint, raw: Mapping[str, str], values: Mapping[str, Any]) -> tuple[str, ...]:
    """Values a default fills in from outside the snapshots read (none today: windows end at the data,
    so the pins alone decide the answer); such values would change the answer, so the ETag too."""
    query = _named(endpoint.query)
    return tuple(
        f"{p.name}={values[p.name]}"
        for p in query.params
        if p.default_factory is not None and raw.get(p.name) in (None, "")
    )


def answer(data: WebData, endpoint: Endpoint, request: Request, *, private: bool) -> Response:
    """Serve one API request: negotiate, pin, 304 or run, encode."""
    raw = query_params(request, endpoint)
    fmt = negotiate(raw.get("format"), request.headers.get("accept"))
    as_of = selector(raw.get("snapshot_id"), raw.get("as_of"), raw.get("tag"))
    run, offset, limit, values = plan(endpoint, raw)
    pinned = data.prepare(endpoint.query, run, as_of)
    tag = etag(pinned.pins or {}, fmt, _defaulted(endpoint, raw, values))
    headers = {"ETag": tag, "Cache-Control": cache_control(as_of, private), "Vary": "Accept, Authorization"}
    if matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    result = data.run(pinned)
    table, more = result.table, False
    if endpoint.paging is not None:
        more = table.num_rows > (limit if endpoint.paging == "native" else offset + limit)
        start = 0 if endpoint.paging == "native" else offset
        table = table.slice(start, limit)
        if endpoint.paging == "native" and run["limit"] == limit and table.num_rows == limit:
            more = _has_row_after(data, endpoint, run, offset + limit, pinned)
    next_url = _next_url(request, offset + limit) if more else None
    if next_url:
        headers["Link"] = f'<{next_url}>; rel="next"'
    if fmt == "csv":
        return Response(to_csv(table), media_type=MEDIA_TYPES["csv"], headers=headers)
    # A page past the end of a natively paged answer is not an empty answer.
    explained = data.explain(pinned, result.table.num_rows + (offset if endpoint.paging == "native" else 0))
    if fmt == "arrow":
        return Response(to_arrow(with_explanation(table, explained)), media_type=MEDIA_TYPES["arrow"],
                        headers=headers)
    meta = _meta(endpoint, result, values, as_of, table.num_rows, offset, limit, next_url)
    if "window_end" in explained:
        meta["window"] = {k.removeprefix("window_"): explained[k] for k in explained if k.startswith("window_")}
    if "data_ends" in explained:
        meta["data_ends"] = explained["data_ends"]
    rows = json_records(table)
    if endpoint.shape == "filing":
        header = {k: v for k, v in rows[0].items() if k in FILING_HEADER} if rows else None
        lines = [
            {k: v for k, v in r.items() if k not in FILING_HEADER}
            for r in rows
            if r.get("line_no") is not None
        ]
        body: dict[str, Any] = {"filing": header, "transactions": lines, "meta": meta}
    elif endpoint.shape == "one":
        body = {endpoint.query: rows[0] if rows else None, "meta": meta}
    else:
        body = {"data": rows, "meta": meta}
    if "note" in explained:
        body["note"] = explained["note"]  # why the answer is empty, e.g. where the data ends
    return Response(to_json(body), media_type=MEDIA_TYPES["json"], headers=headers)


def _has_row_after(
    data: WebData, endpoint: Endpoint, run: Mapping[str, Any], offset: int, pinned: ServiceRequest
) -> bool:
    """Whether a row follows ``offset``, at the versions the page read.

    A page of the query's maximum ``limit`` cannot ask for one row more, so one more row is asked for
    on its own.
    """
    if offset > MAX_OFFSET:
        return False
    probe = data.prepare(endpoint.query, {**run, "limit": 1, "offset": offset}, pins=pinned.pins)
    return data.run(probe).table.num_rows > 0


def _meta(
    endpoint: Endpoint,
    result: Answer,
    values: Mapping[str, Any],
    as_of: AsOf,
    count: int,
    offset: int,
    limit: int,
    next_url: str | None,
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "query": endpoint.query,
        "params": {k: v for k, v in values.items() if v is not None},
        "version": as_of.describe(),
        # Snapshot ids pass 2**53: as text, so JavaScript clients read them exactly.
        "snapshots": {t: None if sid is None else str(sid) for t, sid in sorted(result.pins.items())},
        "count": count,
    }
    if endpoint.paging is not None:
        meta.update(offset=offset, limit=limit, next=next_url)
    return meta


def _next_url(request: Request, offset: int) -> str:
    items = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"] + [
        ("offset", str(offset))
    ]
    return f"{request.url.path}?{urllib.parse.urlencode(items)}"


def versions_body(data: WebData) -> dict[str, Any]:
    """The versions one can time-travel to: published snapshots of gold.fact_transactions and tags."""
    listed = data.versions()
    return {
        "table": "gold.fact_transactions",
        "versions": [dict(v, snapshot_id=str(v["snapshot_id"])) for v in listed],
        "hint": "Add ?snapshot_id=<id>, ?tag=<name> or ?as_of=<ISO time> to any /v1 URL or page.",
    }


# -- OpenAPI ---------------------------------------------------------------------------------------


def _schema(param) -> dict[str, Any]:
    if param.kind == "int":
        out: dict[str, Any] = {"type": "integer"}
        if param.minimum is not None:
            out.update(minimum=param.minimum, maximum=param.maximum)
    elif param.kind == "date":
        out = {"type": "string", "format": "date"}
    elif param.kind == "choice":
        kinds = {type(c) for c in param.choices}
        out = {"type": "integer" if kinds == {int} else "string", "enum": list(param.choices)}
    else:
        out = {"type": "string", "maxLength": param.max_length}
        if param.pattern:
            out["pattern"] = f"^{param.pattern}$"
    default = param.default
    if default is not None:
        out["default"] = default
    return out


_COMMON = [
    {
        "name": "format",
        "in": "query",
        "required": False,
        "description": "json (default), csv or arrow (the Arrow "
        "IPC stream); or send Accept: text/csv / application/vnd.apache.arrow.stream.",
        "schema": {"type": "string", "enum": ["json", "csv", "arrow"]},
    },
    {
        "name": "snapshot_id",
        "in": "query",
        "required": False,
        "description": "Read a snapshot of "
        "gold.fact_transactions (other tables as of its commit); see /v1/versions.",
        "schema": {"type": "string"},
    },
    {
        "name": "tag",
        "in": "query",
        "required": False,
        "description": "Read a release tag.",
        "schema": {"type": "string"},
    },
    {
        "name": "as_of",
        "in": "query",
        "required": False,
        "description": "Read the data as it was at this time (ISO 8601, UTC when no zone).",
        "schema": {"type": "string", "format": "date-time"},
    },
]


def openapi(version: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document, built from :data:`ENDPOINTS` and the named queries' parameters."""
    paths: dict[str, Any] = {}
    for endpoint in ENDPOINTS:
        query = _named(endpoint.query)
        in_path = set(endpoint.path_params)
        params = []
        for p in query.all_params:
            if p.name == "offset":
                continue  # described once below, for every paged endpoint
            params.append(
                {
                    "name": p.name,
                    "in": "path" if p.name in in_path else "query",
                    "required": p.required or p.name in in_path,
                    "description": p.doc,
                    "schema": _schema(p),
                }
            )
        if endpoint.query == "trending_stocks":
            for spec in params:
                if spec["name"] == "window":
                    spec["schema"] = {
                        "type": "string",
                        "enum": ["7d", "30d", "90d", "7", "30", "90"],
                        "default": "30d",
                    }
        if endpoint.paging is not None:
            params.append(
                {
                    "name": "offset",
                    "in": "query",
                    "required": False,
                    "description": "Rows to skip (paging); meta.next and the Link header give the next "
                    "page's URL.",
                    "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
                }
            )
        paths[endpoint.path] = {
            "get": {
                "summary": endpoint.summary,
                "x-example": endpoint.example,
                "description": f"Named query `{query.name}`: {query.doc}",
                "operationId": endpoint.path.strip("/")
                .replace("/", "_")
                .replace("{", "")
                .replace("}", "")
                .replace("-", "_"),
                "parameters": params + _COMMON,
                "responses": {
                    "200": {
                        "description": "The answer. ETag = the snapshot ids it read.",
                        "content": {
                            MEDIA_TYPES["json"]: {"schema": {"type": "object"}},
                            "text/csv": {"schema": {"type": "string"}},
                            MEDIA_TYPES["arrow"]: {"schema": {"type": "string", "format": "binary"}},
                        },
                    },
                    "304": {"description": "Not modified: If-None-Match names the current ETag."},
                    "400": {"description": "A parameter is invalid; the message says what is expected."},
                    "401": {"description": "A token is configured and the request has none, or a wrong one."},
                    "404": {"description": "No such filing, snapshot or tag."},
                    "406": {"description": "Accept names no type this API sends."},
                },
            }
        }
    paths["/v1/versions"] = {
        "get": {
            "summary": "Snapshots and tags one can time-travel to.",
            "operationId": "v1_versions",
            "responses": {"200": {"description": "The versions, newest first."}},
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Congress lakehouse API",
            "version": version,
            "description": "STOCK Act periodic transaction reports of the US House, from the lakehouse's "
            "gold tables. The same named queries as the Arrow Flight server.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The server's token (when configured).",
                },
                "basic": {
                    "type": "http",
                    "scheme": "basic",
                    "description": "Any user name; the token as password.",
                },
            }
        },
    }
