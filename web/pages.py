"""The analysts' pages: server-rendered HTML over the same named queries as the API.

Every page reads at the version of the URL's ``snapshot_id``/``tag``/``as_of`` (the as-of selector
sets it) and for the URL's ``chamber`` (house, senate or both, the default; the chamber control sets it),
and every link carries both on, so the whole UI time-travels and stays in one chamber together. Charts are Plotly
specs (JSON) that ``static/app.js`` draws with the plotly.js the app serves itself.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from core.asof import AsOf
from core.errors import LakehouseError, NoSuchTableError, NotFoundError
from flight_server.named import CHAMBERS, named_query
from web.data import VERSION_TABLE, RefusedError, WebData, selector
from web.formats import records

TABLE_ROWS = 200
"""Rows a page's table shows; the rest are a CSV download away."""
PAGE_TRADES = 10_000
"""Trades a Member or ticker page reads: ``member_trades``' largest limit. A page that gets this many
says "at least" (the API pages on past it)."""
MEMBER_FILINGS_SQL = """
    SELECT doc_id, filing_date, filing_type_name, is_amendment, chamber, pdf_url
    FROM gold.fact_filings WHERE bioguide_id = $bioguide_id AND ($chamber = 'both' OR chamber = $chamber)
    ORDER BY filing_date DESC NULLS LAST, doc_id"""
FILING_CHAMBER_SQL = "SELECT chamber FROM gold.fact_filings WHERE doc_id = $doc_id"
"""The ``filing`` named query's columns do not include the chamber; the page reads it to label the source."""
CHAMBER_NAMES = {"house": "House", "senate": "Senate", "both": "Both"}
"""The chamber control's labels, in its order (``both``, the default, last)."""
SELECTOR_PARAMS = ("snapshot_id", "tag", "as_of")
FILING_EXTRACTION_SQL = """
    SELECT extraction_method, extractor_version, count(*) AS rows
    FROM gold.fact_transactions WHERE doc_id = $doc_id
    GROUP BY ALL ORDER BY rows DESC"""
"""The extraction method is not among the ``filing`` named query's columns; one small page query reads it."""
REVIEW_OPTIONS = {
    "owner": "--owner SP|JT|DC|self",
    "asset_name": '--asset-name "AS WRITTEN"',
    "ticker": "--ticker TICKER",
    "asset_type": "--asset-type CODE",
    "transaction_type": "--transaction-type purchase|sale|partial_sale|exchange",
    "transaction_date": "--transaction-date MM/DD/YY",
    "notification_date": "--notification-date MM/DD/YY",
    "amount_range": "--amount A-K",
    "description": '--description "…"',
    "comment": '--comment "…"',
}
"""The ``lakehouse review enter`` option a reviewer fills in for each field left to read."""
BUY, SELL = "#1a7f37", "#cf222e"
TYPE_COLORS = {"purchase": BUY, "sale": SELL, "partial_sale": "#e16f24", "exchange": "#6e7781"}

QUALITY_SQL = {
    "checks_by_run": """
        SELECT run_id, min(checked_at) AS checked_at,
               CAST(count_if(outcome = 'pass') AS BIGINT) AS pass,
               CAST(count_if(outcome = 'warn') AS BIGINT) AS warn,
               CAST(count_if(outcome = 'fail') AS BIGINT) AS fail,
               CAST(count_if(outcome = 'error') AS BIGINT) AS error
        FROM ops.check_results GROUP BY run_id ORDER BY checked_at""",
    "problems": """
        SELECT checked_at, run_id, table_name, check_name, family, outcome, value_text
        FROM ops.check_results WHERE outcome <> 'pass'
        ORDER BY checked_at DESC, table_name, check_name LIMIT 100""",
    "quarantine": """
        SELECT recorded_at, run_id, stage, source, doc_id, reason_code, reason
        FROM ops.quarantine ORDER BY recorded_at DESC LIMIT 100""",
    "review": """
        SELECT recorded_at, doc_id, line_no, severity, reason_code, reason, extraction_method
        FROM silver.extraction_issues ORDER BY recorded_at DESC, doc_id, line_no LIMIT 200""",
    "runs": """
        SELECT run_id, step, attempt, started_at, ended_at, status, rows_in, rows_out, error
        FROM ops.pipeline_runs ORDER BY started_at DESC LIMIT 100""",
}


class PageError(LakehouseError):
    """A page that cannot be shown, with the HTTP status to answer."""
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def chamber_of(request: Request) -> str:
    """The URL's ``chamber``: house, senate or both (absent or empty: both).

    Raises:
        PageError: any other value (400).
    """
    raw = request.query_params.get("chamber")
    if raw is None or not raw.strip():
        return "both"
    chamber = raw.strip().lower()
    if chamber not in CHAMBERS:
        raise PageError(
            f"chamber={raw!r} is not a chamber: use chamber=house, chamber=senate or chamber=both "
            "(both chambers, the default), or pick one with the House / Senate / Both control.",
            400,
        )
    return chamber


class Pages:
    """The page handlers and their rendering environment."""

    def __init__(self, data: WebData, templates: Path, *, private: bool, version: str) -> None:
        import jinja2

        self.data = data
        self.private = private
        self.version = version
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["money"] = _money
        self.env.filters["pct"] = lambda v: "–" if v is None else f"{v:.0%}"
        self.env.tests["filing_page"] = has_filing_page
        self._versions: tuple[Any, float, list[dict[str, Any]]] | None = None
        self._versions_lock = threading.Lock()

    def routes(self) -> list[Route]:
        return [
            Route("/", self._page(self.overview)),
            Route("/members/{bioguide_id}", self._page(self.member)),
            Route("/tickers/{ticker}", self._page(self.ticker)),
            Route("/filings/{doc_id}", self._page(self.filing)),
            Route("/search", self._page(self.search)),
            Route("/quality", self._page(self.quality)),
            Route("/review/{doc_id}/{line_no:int}.png", self.review_image),
            Route("/docs", self._page(self.docs)),
        ]

    # -- plumbing ---------------------------------------------------------------------------------

    def _page(
        self, view: Callable[[Request, AsOf], tuple[str, dict[str, Any]]]
    ) -> Callable[[Request], Response]:
        def handler(request: Request) -> Response:
            params = request.query_params
            try:
                request.state.chamber = chamber_of(request)
                as_of = selector(params.get("snapshot_id"), params.get("as_of"), params.get("tag"))
                template, context = view(request, as_of)
                return self.render(request, as_of, template, context)
            except PageError as exc:
                return self.error_page(request, exc.status, str(exc))
            except LakehouseError as exc:
                from web.app import status_of

                return self.error_page(request, status_of(exc), str(exc))

        return handler

    def render(
        self, request: Request, as_of: AsOf, template: str, context: Mapping[str, Any], status: int = 200
    ) -> HTMLResponse:
        sel = {k: v for k in SELECTOR_PARAMS if (v := request.query_params.get(k))}
        try:
            chamber = chamber_of(request)
        except PageError:
            chamber = "both"  # the 400 page of a bad value: its links do not carry it on
        carry = {**sel, **({"chamber": chamber} if chamber != "both" else {})}
        """What every link carries on: the version selector and the chamber (``both`` is the default)."""

        def href(path: str, **params: Any) -> str:
            query = {**carry, **{k: v for k, v in params.items() if v is not None}}
            return path + ("?" + urllib.parse.urlencode(query) if query else "")

        try:
            versions = self.versions()
        except LakehouseError:
            versions = []
        others = [(k, v) for k, v in request.query_params.multi_items() if k != "chamber"]
        keep = [(k, v) for k, v in others if k not in SELECTOR_PARAMS] + [
            (k, v) for k, v in carry.items() if k == "chamber"
        ]
        """The page's own parameters (and the chamber), which the as-of selector's form keeps."""

        def switch(to: str) -> str:
            """This page in chamber ``to``: every other parameter kept (``both`` leaves the URL without one)."""
            query = others + ([("chamber", to)] if to != "both" else [])
            return request.url.path + ("?" + urllib.parse.urlencode(query) if query else "")

        chambers = [{"value": c, "label": label, "href": switch(c)} for c, label in CHAMBER_NAMES.items()]
        html = self.env.get_template(template).render(
            href=href,
            sel=sel,
            carry=carry,
            as_of=as_of,
            versions=versions,
            keep=keep,
            chamber=chamber,
            chamber_name=CHAMBER_NAMES[chamber],
            chambers=chambers,
            chambered=context.get("chambered", False),
            path=request.url.path,
            asset_version=self.version,
            **{k: v for k, v in context.items() if k != "chambered"},
        )
        return HTMLResponse(
            html,
            status_code=status,
            headers={"Cache-Control": ("private" if self.private else "public") + ", no-cache"},
        )

    def error_page(self, request: Request, status: int, message: str) -> HTMLResponse:
        context = {"status": status, "message": message, "chambered": True}  # switching may be the way out
        return self.render(request, AsOf(), "error.html", context, status)

    def versions(self) -> list[dict[str, Any]]:
        """The selector's versions, listed again when gold.fact_transactions moves (or after 60 s)."""
        current = self.data.service.tracker.current([VERSION_TABLE])[VERSION_TABLE]
        with self._versions_lock:
            hit = self._versions
            if hit is not None and hit[0] == current and time.monotonic() - hit[1] < 60:
                return hit[2]
        listed = self.data.versions()
        with self._versions_lock:
            self._versions = (current, time.monotonic(), listed)
        return listed

    # -- pages ------------------------------------------------------------------------------------

    def overview(self, request: Request, as_of: AsOf) -> tuple[str, dict[str, Any]]:
        window = request.query_params.get("window", "30").removesuffix("d")
        if window not in ("7", "30", "90"):
            raise PageError(f"window={window!r} is not one of 7, 30, 90 (days).", 400)
        chamber = request.state.chamber
        summary = self.data.named("summary", {"chamber": chamber}, as_of)
        head = records(summary.table)[0] if summary.table.num_rows else {}
        latest = records(self.data.named("member_trades", {"limit": 15, "chamber": chamber}, as_of).table)
        ranked = {w: self.trending(w, chamber, as_of) for w in (7, 30, 90)}
        trending = {w: rows for w, (rows, _) in ranked.items()}
        trending_note = next((note for _, note in ranked.values() if note), None)
        last = head.get("last_trade")
        days = 365
        traders = late = []
        if last is not None:
            window_params = {"days": days, "as_of_date": last, "limit": 10, "chamber": chamber}
            traders = records(
                self.data.named("top_traders", {**window_params, "metric": "trades"}, as_of).table
            )
            late = [
                r
                for r in records(
                    self.data.named("top_traders", {**window_params, "metric": "late_rate"}, as_of).table
                )
                if r["late_count"]
            ]
        chart = {
            "data": [
                {
                    "type": "bar",
                    "name": f"{w} days",
                    "x": [r["ticker"] for r in rows],
                    "y": [r["trades"] for r in rows],
                    "visible": w == int(window),
                    "hovertemplate": "%{x}: %{y} trades<extra></extra>",
                }
                for w, rows in trending.items()
            ],
            "layout": {
                "title": {"text": "Trending tickers: trades disclosed in the window"},
                "yaxis": {"title": {"text": "trades"}},
                "updatemenus": [
                    {
                        "type": "buttons",
                        "direction": "right",
                        "x": 1,
                        "xanchor": "right",
                        "y": 1.25,
                        "active": [7, 30, 90].index(int(window)),
                        "buttons": [
                            {
                                "label": f"{w} days",
                                "method": "restyle",
                                "args": [{"visible": [v == w for v in (7, 30, 90)]}],
                            }
                            for w in (7, 30, 90)
                        ],
                    }
                ],
            },
        }
        return "overview.html", {
            "chambered": True,
            "summary": head,
            "latest": latest,
            "trending": trending[int(window)],
            "trending_note": trending_note,
            "window": int(window),
            "traders": traders,
            "late": late,
            "days": days,
            "last_trade": last,
            "chart": chart,
        }

    def trending(self, window: int, chamber: str, as_of: AsOf) -> tuple[list[dict[str, Any]], str | None]:
        """The ``window``-day trending ranking of ``chamber`` and, when the query refuses that chamber
        (a query layer whose rankings span both chambers), the ranking of both with a note saying so."""
        params = {"window": window, "limit": 10}
        try:
            return records(self.data.named("trending_stocks", {**params, "chamber": chamber}, as_of).table), None
        except RefusedError as exc:
            if chamber == "both":
                raise
            rows = records(self.data.named("trending_stocks", {**params, "chamber": "both"}, as_of).table)
            return rows, (
                f"No {CHAMBER_NAMES[chamber]}-only ranking here: the trending query refused chamber={chamber} "
                f"({exc}). Showing the ranking of both chambers together."
            )

    def member(self, request: Request, as_of: AsOf) -> tuple[str, dict[str, Any]]:
        bioguide_id = request.path_params["bioguide_id"].upper()
        chamber = request.state.chamber
        trades = records(
            self.data.named(
                "member_trades", {"bioguide_id": bioguide_id, "limit": PAGE_TRADES, "chamber": chamber}, as_of
            ).table
        )
        # Who the Member is does not depend on the chamber shown: a Senator's page in House mode is
        # still their page, with no House trades.
        found = [
            r
            for r in records(self.data.named("search", {"q": bioguide_id, "limit": 5}, as_of).table)
            if r["kind"] == "member" and r["key"] == bioguide_id
        ]
        if not found and not trades:
            raise PageError(
                f"No Member {bioguide_id} in the data at this version{_in_chamber(chamber)}. "
                "Find Members with the search box.",
                404,
            )
        filings = records(
            self.data.sql(MEMBER_FILINGS_SQL, {"bioguide_id": bioguide_id, "chamber": chamber}, as_of).table
        )
        known = [r for r in trades if r["is_late"] is not None]
        late = sum(1 for r in known if r["is_late"])
        tickers = collections.Counter(r["ticker"] for r in trades if r["ticker"])
        name = found[0]["name"] if found else (trades[0]["filer_name"] if trades else bioguide_id)
        return "member.html", {
            "chambered": True,
            "bioguide_id": bioguide_id,
            "name": name,
            "detail": found[0]["detail"] if found else "",
            "trades": trades[:TABLE_ROWS],
            "count": len(trades),
            "capped": len(trades) >= PAGE_TRADES,
            "filings": filings,
            "tickers": tickers.most_common(25),
            "late": late,
            "known": len(known),
            "late_rate": late / len(known) if known else None,
            "chart": _timeline(
                trades, y="amount_midpoint", title="Trades over time (amount midpoint, log scale)"
            ),
        }

    def ticker(self, request: Request, as_of: AsOf) -> tuple[str, dict[str, Any]]:
        ticker = request.path_params["ticker"].upper()
        chamber = request.state.chamber
        trades = records(
            self.data.named("member_trades", {"ticker": ticker, "limit": PAGE_TRADES, "chamber": chamber}, as_of).table
        )
        found = [
            r
            for r in records(self.data.named("search", {"q": ticker, "limit": 5}, as_of).table)
            if r["kind"] == "asset" and r["key"] == ticker
        ]
        if not found and not trades:
            raise PageError(
                f"No trades of {ticker} in the data at this version{_in_chamber(chamber)}. "
                "Find tickers with the search box.",
                404,
            )
        buys = sum(1 for r in trades if r["transaction_type"] == "purchase")
        sells = sum(1 for r in trades if r["transaction_type"] in ("sale", "partial_sale"))
        members = collections.Counter(r["filer_name"] for r in trades)
        return "ticker.html", {
            "chambered": True,
            "ticker": ticker,
            "name": found[0]["name"] if found else (trades[0]["asset_name"] if trades else ""),
            "trades": trades[:TABLE_ROWS],
            "count": len(trades),
            "capped": len(trades) >= PAGE_TRADES,
            "buys": buys,
            "sells": sells,
            "members": members.most_common(),
            "chart": _timeline(trades, y="filer_name", title="Who bought and sold when"),
        }

    def filing(self, request: Request, as_of: AsOf) -> tuple[str, dict[str, Any]]:
        doc_id = request.path_params["doc_id"]
        try:
            rows = records(
                self.data.named("filing", {"doc_id": doc_id, "chamber": request.state.chamber}, as_of).table
            )
        except NotFoundError as exc:
            raise PageError(str(exc), 404) from None
        extraction = records(self.data.sql(FILING_EXTRACTION_SQL, {"doc_id": doc_id}, as_of).table)
        filed_with = records(self.data.sql(FILING_CHAMBER_SQL, {"doc_id": doc_id}, as_of).table)
        return "filing.html", {
            "chambered": True,
            "filed_with": filed_with[0]["chamber"] if filed_with else None,
            "doc_id": doc_id,
            "filing": rows[0],
            "rows": [r for r in rows if r["line_no"] is not None],
            "extraction": extraction,
        }

    def search(self, request: Request, as_of: AsOf) -> tuple[str, dict[str, Any]]:
        q = request.query_params.get("q", "").strip()
        params = {"q": q, "limit": 50, "chamber": request.state.chamber}
        results = records(self.data.named("search", params, as_of).table) if q else []
        return "search.html", {"chambered": True, "q": q, "results": results}

    def quality(self, request: Request, as_of: AsOf) -> tuple[str, dict[str, Any]]:
        moment = self.data.moment(as_of)
        tables = {name: self.data.ops(sql, moment) for name, sql in QUALITY_SQL.items()}
        rows = {name: records(t) if t is not None else [] for name, t in tables.items()}
        runs = rows["checks_by_run"]
        labels = [f"{r['checked_at']:%m-%d %H:%M:%S} {r['run_id'][:6]}" for r in runs]
        colors = {"pass": BUY, "warn": "#bf8700", "fail": SELL, "error": "#8250df"}
        chart = {
            "data": [
                {"type": "bar", "name": k, "x": labels, "y": [r[k] for r in runs], "marker": {"color": c}}
                for k, c in colors.items()
            ],
            "layout": {
                "barmode": "stack",
                "title": {"text": "Check outcomes per audit run"},
                "yaxis": {"title": {"text": "checks"}},
                "xaxis": {"type": "category"},
            },
        }
        return "quality.html", {
            "rows": rows,
            "chart": chart,
            "moment": moment,
            "open_items": self.open_items(),
        }

    def open_items(self) -> list[dict[str, Any]]:
        """The review queue's open items now (the queue's state is not time-travelled), with their command."""
        from jobs.silver.review import review_items

        try:
            items = review_items(self.data.store)
        except NoSuchTableError:  # a home never initialised has no queue yet
            return []
        return [
            {
                **dataclasses.asdict(item),
                "command": review_command(item.doc_id, item.line_no, item.fields_to_read, item.chamber),
            }
            for item in items
        ]

    def review_image(self, request: Request) -> Response:
        """The PNG of a queued row, as the reviewer reads it (read-only: entries go through the CLI)."""
        from jobs.silver.review import ReviewError, review_image

        doc_id, line_no = request.path_params["doc_id"], request.path_params["line_no"]
        try:
            png = review_image(self.data.store, doc_id, line_no)
        except ReviewError as exc:
            return Response(str(exc), status_code=404, media_type="text/plain")
        scope = "private" if self.private else "public"
        return Response(png, media_type="image/png", headers={"Cache-Control": f"{scope}, max-age=3600"})

    def docs(self, request: Request, as_of: AsOf) -> tuple[str, dict[str, Any]]:
        from web.api import openapi

        return "docs.html", {"spec": openapi(self.version)}


def review_command(doc_id: str, line_no: int, fields: tuple[str, ...], chamber: str = "house") -> str:
    """The command that completes one review item: ``enter`` with what is left to read, else ``confirm``.

    A Senate paper page (``line_no`` is the page) takes one ``enter`` per row read on it, then ``confirm``.
    """
    if chamber == "senate":
        return (f"lakehouse review enter {doc_id} {line_no} --owner Self|Spouse|Joint|Child "
                '--asset-name "AS WRITTEN" --transaction-type Purchase|Sale|Exchange --transaction-date MM/DD/YYYY '
                f'--amount "$1,001 - $15,000" (once per row), then lakehouse review confirm {doc_id} {line_no}')
    options = [REVIEW_OPTIONS[f] for f in fields if f in REVIEW_OPTIONS]
    if not options:
        return f"lakehouse review confirm {doc_id} {line_no}"
    return " ".join(["lakehouse review enter", doc_id, str(line_no), *options])


def has_filing_page(doc_id: Any) -> bool:
    """Whether the ``filing`` named query takes ``doc_id`` (its own rule), so a link to its page answers;
    a filing it does not take is linked to its source only."""
    try:
        named_query("filing").validate({"doc_id": doc_id})
    except LakehouseError:
        return False
    return True


def _in_chamber(chamber: str) -> str:
    """`` in the Senate's reports`` (nothing for both chambers): where a page looked and found nothing."""
    return "" if chamber == "both" else f" in the {CHAMBER_NAMES[chamber]}'s reports (chamber={chamber})"


def _timeline(trades: list[dict[str, Any]], *, y: str, title: str) -> dict[str, Any]:
    """A Plotly scatter of trades over time, one trace per transaction type."""
    by_type: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for r in trades:
        if r["transaction_date"] is not None:
            by_type[r["transaction_type"] or "unknown"].append(r)
    data = []
    for kind, rows in sorted(by_type.items()):
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": kind.replace("_", " "),
                "x": [_iso(r["transaction_date"]) for r in rows],
                "y": [r[y] for r in rows],
                "text": [
                    f"{r['ticker'] or r['asset_name']} · {r['filer_name']} · {r['amount_range']}"
                    for r in rows
                ],
                "hovertemplate": "%{x}<br>%{text}<extra></extra>",
                "marker": {"color": TYPE_COLORS.get(kind, "#6e7781"), "size": 9, "opacity": 0.75},
            }
        )
    layout: dict[str, Any] = {"title": {"text": title}, "xaxis": {"type": "date"}}
    if y == "amount_midpoint":
        layout["yaxis"] = {"type": "log", "title": {"text": "USD (midpoint of the range)"}}
    else:
        layout["yaxis"] = {"type": "category", "automargin": True}
        layout["height"] = max(300, 60 + 28 * len({r[y] for r in trades}))
    return {"data": data, "layout": layout}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _money(value: Any) -> str:
    if value is None:
        return "–"
    value = float(value)
    if abs(value) >= 1e6:
        return f"${value / 1e6:,.1f}M"
    if abs(value) >= 1e3:
        return f"${value / 1e3:,.0f}k"
    return f"${value:,.0f}"
