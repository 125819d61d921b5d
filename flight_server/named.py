"""Named queries: the questions analysts ask most, as fixed SQL with validated, bound parameters.

Each query is a constant SQL text with DuckDB named parameters (``$ticker``). Parameters are
checked here (type, range, pattern, allowed values) and then *bound* by DuckDB; no parameter value
is ever formatted into SQL. Where a parameter chooses the sort order, it picks one of several
constant SQL texts prepared below. The SQL then runs in the same sandbox and with the same time
travel as any other query.

Three rules hold for every query, so each surface (Flight, the HTTP API, ``lakehouse ask``) answers alike:

* **Windows end at the data.** A windowed query (``top_traders`` ``days=N``, ``trending_stocks``
  ``window=…``) ends its window, unless ``as_of_date`` is given, on the latest date in the data it
  reads (the latest trade date, or the latest computed trending date), never on "today": data that
  ends in the past still answers.
* **``as_of_disclosure=YYYY-MM-DD``** (every query): what was public on that date, i.e. only filings
  whose ``filing_date`` (the day the Clerk received the report) is on or before it; rows with no
  filing date are left out. It combines with the version selector (ingestion-time time travel).
* **``chamber=house|senate|both``** (every query; default ``both``): only rows of reports filed with
  that chamber, so windows and "the data ends on" are per chamber too (``trending_stocks`` reads
  the ranking precomputed for that chamber; ``both`` ranks the two chambers together).

Each query has a companion ``<name>.context`` query (same parameters, one row: the window it used,
where the data ends, the first filing date). Run at the same snapshots, it lets :func:`explain`
state the window and say *why* an answer is empty.

Pure: no I/O here, so the definitions are testable without a server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from core.errors import QueryError

TRANSACTION_TYPES = ("purchase", "sale", "partial_sale", "exchange")
PARTIES = {
    "d": "Democrat",
    "democrat": "Democrat",
    "r": "Republican",
    "republican": "Republican",
    "i": "Independent",
    "independent": "Independent",
}


@dataclasses.dataclass(frozen=True)
class Param:
    """One parameter of a named query and its validation rule."""

    name: str
    kind: str
    """``str``, ``int``, ``date`` or ``choice``."""
    doc: str
    default: Any = None
    required: bool = False
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    max_length: int = 100
    normalize: Callable[[Any], Any] | None = None
    default_factory: Callable[[], Any] | None = None

    def validate(self, query: str, raw: Any) -> Any:
        """The checked (and normalised) value of ``raw``; None when absent and optional."""
        if raw is None or raw == "":
            if self.required:
                raise QueryError(f"{query}: parameter {self.name!r} is required ({self.doc}).")
            return self.default_factory() if self.default_factory else self.default
        value = self._convert(query, raw)
        if self.normalize is not None:
            value = self.normalize(value)
        if self.choices and not any(value == c and type(value) is type(c) for c in self.choices):
            raise QueryError(
                f"{query}: {self.name}={raw!r} is not one of {', '.join(map(str, self.choices))}."
            )
        return value

    def _convert(self, query: str, raw: Any) -> Any:
        if self.kind == "int":
            if isinstance(raw, bool) or not (
                isinstance(raw, int) or (isinstance(raw, str) and re.fullmatch(r"[0-9]{1,18}", raw.strip()))
            ):
                raise QueryError(f"{query}: {self.name}={raw!r} must be a whole number.")
            value = int(raw)
            if (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum
            ):
                raise QueryError(
                    f"{query}: {self.name}={value} must be between {self.minimum} and {self.maximum}."
                )
            return value
        if self.kind == "date":
            if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                return raw
            if not isinstance(raw, str):
                raise QueryError(f"{query}: {self.name}={raw!r} is not a date; use YYYY-MM-DD.")
            try:
                return dt.date.fromisoformat(raw.strip())
            except ValueError:
                raise QueryError(f"{query}: {self.name}={raw!r} is not a date; use YYYY-MM-DD.") from None
        if not isinstance(raw, str | int) or isinstance(raw, bool):
            raise QueryError(f"{query}: {self.name} must be text, got {type(raw).__name__}.")
        text = str(raw).strip()
        if len(text) > self.max_length:
            raise QueryError(f"{query}: {self.name} is longer than {self.max_length} characters.")
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise QueryError(f"{query}: {self.name}={text!r} does not look right ({self.doc}).")
        return text

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.kind,
            "doc": self.doc,
            "required": self.required,
        }
        if self.choices:
            out["choices"] = list(self.choices)
        if self.default is not None:
            out["default"] = self.default
        if self.minimum is not None:
            out["range"] = [self.minimum, self.maximum]
        return out


@dataclasses.dataclass(frozen=True)
class NamedQuery:
    """A fixed question: SQL variants keyed by one choice parameter (or a single SQL under None)."""

    name: str
    doc: str
    params: tuple[Param, ...]
    sql: Mapping[Any, str]
    variant: str | None = None
    empty_error: str | None = None
    """When set, an empty result is an error with this message ({param} placeholders allowed)."""
    context: str | None = None
    """One-row SQL over the same tables: ``first_filed``, ``public_rows``, ``data_ends``,
    ``window_start``, ``window_end`` (see :func:`explain`)."""
    empty_note: str | None = None
    """Why a windowed answer is empty ({param}, {window_start}, {window_end}, {data_ends} allowed)."""
    refuse: Callable[[Mapping[str, Any]], str | None] | None = None
    """A combination of valid values the query cannot answer honestly: returns the message."""

    @property
    def all_params(self) -> tuple[Param, ...]:
        """The query's own parameters, then those every query takes (``as_of_disclosure``, ``chamber``)."""
        return (*self.params, *COMMON_PARAMS)

    def validate(self, raw: Mapping[str, Any] | None) -> dict[str, Any]:
        """Every parameter's checked value (defaults filled in).

        Raises:
            QueryError: an unknown parameter, or a value that fails its rule.
        """
        raw = dict(raw or {})
        if not all(isinstance(k, str) for k in raw):
            raise QueryError(f"{self.name}: parameter names must be text.")
        known = [p.name for p in self.all_params]
        unknown = sorted(set(raw) - set(known))
        if unknown:
            raise QueryError(
                f"{self.name}: unknown parameter(s) {', '.join(unknown)}; it takes {', '.join(known)}."
            )
        values = {p.name: p.validate(self.name, raw.get(p.name)) for p in self.all_params}
        if self.refuse is not None and (message := self.refuse(values)):
            raise QueryError(f"{self.name}: {message}")
        return values

    def bind(self, values: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """The SQL for validated ``values`` and its DuckDB named parameters."""
        sql = self.sql[values[self.variant] if self.variant else None]
        return sql, {k: v for k, v in values.items() if k != self.variant and f"${k}" in sql}

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "doc": self.doc, "params": [p.describe() for p in self.all_params]}

    def context_query(self) -> NamedQuery:
        """The companion ``<name>.context`` query: same parameters, one row about the data read."""
        return dataclasses.replace(
            self,
            name=f"{self.name}{CONTEXT_SUFFIX}",
            doc=f"One row about the data {self.name} reads: the window it used, where the data ends.",
            sql={None: self.context or _CONTEXT_SQL},
            variant=None,
            empty_error=None,
        )


def _upper(value: str) -> str:
    return value.upper()


def _party(value: str) -> str:
    party = PARTIES.get(value.lower())
    if party is None:
        raise QueryError(f"party={value!r} is not one of D, R, I (Democrat, Republican, Independent).")
    return party


CONTEXT_SUFFIX = ".context"
AS_OF_DISCLOSURE = Param(
    "as_of_disclosure",
    "date",
    "What was public on this date: only filings the Clerk received (filing_date) on or before it, YYYY-MM-DD.",
)
CHAMBERS = ("house", "senate", "both")
CHAMBER = Param(
    "chamber",
    "choice",
    "Only reports filed with this chamber: house, senate or both.",
    default="both",
    choices=CHAMBERS,
    normalize=str.lower,
)
COMMON_PARAMS = (AS_OF_DISCLOSURE, CHAMBER)


def _public(column: str = "filing_date") -> str:
    """SQL: the row was public on ``$as_of_disclosure`` (a null date never counts as public)."""
    return f"($as_of_disclosure IS NULL OR {column} <= CAST($as_of_disclosure AS DATE))"


def _chamber(column: str = "chamber") -> str:
    """SQL: the row's report was filed with ``$chamber`` (any chamber for ``both``)."""
    return f"($chamber = 'both' OR {column} = $chamber)"


_CONTEXT_SQL = f"""
    SELECT min(filing_date) AS first_filed,
           CAST(count_if({_public()}) AS BIGINT) AS public_rows,
           max(CASE WHEN {_public()} THEN transaction_date END) AS data_ends,
           CAST(NULL AS DATE) AS window_start, CAST(NULL AS DATE) AS window_end
    FROM gold.fact_transactions
    WHERE {_chamber()}"""
"""Context of a query without a window: where the public transactions end."""


_LIMIT = Param("limit", "int", "Rows to return.", default=100, minimum=1, maximum=10_000)
_BIOGUIDE = r"[A-Za-z][0-9]{6}"
_TICKER = r"[A-Za-z0-9.\-/^]{1,12}"

MEMBER_TRADES = NamedQuery(
    "member_trades",
    "Transactions of one member and/or one ticker, newest trade first, with their filing and PDF.",
    (
        Param("bioguide_id", "str", "Bioguide id, e.g. P000197.", pattern=_BIOGUIDE, normalize=_upper),
        Param("ticker", "str", "Ticker, e.g. NVDA or BRK.B.", pattern=_TICKER, normalize=_upper),
        Param("transaction_type", "choice", "Kind of trade.", choices=TRANSACTION_TYPES),
        Param("date_from", "date", "First trade date (inclusive), YYYY-MM-DD."),
        Param("date_to", "date", "Last trade date (inclusive), YYYY-MM-DD."),
        _LIMIT,
        Param("offset", "int", "Rows to skip (paging).", default=0, minimum=0, maximum=10_000_000),
    ),
    {
        None: f"""
        SELECT transaction_date, filing_date, bioguide_id, filer_name, party, state, district, chamber,
               ticker, asset_name, asset_type, transaction_type, owner, amount_range, amount_low, amount_high,
               amount_midpoint, days_to_filing, is_late, doc_id, line_no, pdf_url
        FROM gold.fact_transactions
        WHERE ($bioguide_id IS NULL OR bioguide_id = $bioguide_id)
          AND ($ticker IS NULL OR ticker = $ticker)
          AND ($transaction_type IS NULL OR transaction_type = $transaction_type)
          AND ($date_from IS NULL OR transaction_date >= CAST($date_from AS DATE))
          AND ($date_to IS NULL OR transaction_date <= CAST($date_to AS DATE))
          AND {_public()} AND {_chamber()}
        ORDER BY transaction_date DESC NULLS LAST, doc_id, line_no
        LIMIT $limit OFFSET $offset"""
    },
)

_TRENDING_ORDER = {
    "rank": "rank, ticker",
    "trades": "trades DESC, ticker",
    "members": "members DESC, trades DESC, ticker",
    "net_volume": "net_volume DESC, ticker",
    "buy_volume": "buy_volume DESC, ticker",
    "sell_volume": "sell_volume DESC, ticker",
}
# The trending table holds one ranking per day on which something happened (by basis and chamber
# scope: both, house, senate); on the disclosure basis a ranking as of day D counts only filings
# received by D, so "public on X" is the latest ranking dated on or before X. Each chamber has its
# own rankings (and so its own latest day); ``both`` is the ranking over both chambers together.
_TRENDING_ROWS = "window_days = $window AND basis = $basis AND chamber = $chamber"
_TRENDING_END = f"""coalesce(CAST($as_of_date AS DATE),
                 (SELECT max(as_of_date) FROM gold.agg_trending_stocks
                  WHERE {_TRENDING_ROWS} AND {_public("as_of_date")}))"""
_TRENDING_SQL = f"""
    SELECT as_of_date, window_days, basis, chamber, rank, ticker, asset_name, trades, members, buying_members,
           selling_members, buy_volume, sell_volume, net_volume, dem_trades, rep_trades, other_trades
    FROM gold.agg_trending_stocks
    WHERE {_TRENDING_ROWS} AND {_public("as_of_date")}
      AND as_of_date = {_TRENDING_END}
    ORDER BY {{order}}
    LIMIT $limit"""
_TRENDING_CONTEXT = f"""
    SELECT CAST(min(CASE WHEN $basis = 'disclosure' THEN as_of_date END) AS DATE) AS first_filed,
           CAST(count_if({_public("as_of_date")}) AS BIGINT) AS public_rows,
           max(CASE WHEN {_public("as_of_date")} THEN as_of_date END) AS data_ends,
           CAST({_TRENDING_END} - CAST($window AS INTEGER) + 1 AS DATE) AS window_start,
           CAST({_TRENDING_END} AS DATE) AS window_end
    FROM gold.agg_trending_stocks
    WHERE {_TRENDING_ROWS}"""


def _trending_refuse(values: Mapping[str, Any]) -> str | None:
    if values.get("as_of_disclosure") is not None and values.get("basis") == "trade":
        return (
            "as_of_disclosure needs basis=disclosure: a ranking by trade date also counts trades "
            "disclosed later, so it cannot show what was public on a date. Use basis=disclosure, or "
            "top_traders / member_trades (which take as_of_disclosure with trade-date windows)."
        )
    return None


TRENDING_STOCKS = NamedQuery(
    "trending_stocks",
    "Most traded tickers in the last 7, 30 or 90 days up to a date (default: the latest computed).",
    (
        Param(
            "window",
            "choice",
            "Window in days.",
            default=30,
            choices=(7, 30, 90),
            normalize=lambda v: int(v) if re.fullmatch(r"[0-9]{1,9}", str(v)) else v,
        ),
        Param("as_of_date", "date", "Last day of the window (default: the latest computed in the data)."),
        Param(
            "basis",
            "choice",
            "Count trades by disclosure (filing) date or by trade date.",
            default="disclosure",
            choices=("disclosure", "trade"),
        ),
        Param("sort", "choice", "Order of the list.", default="rank", choices=tuple(_TRENDING_ORDER)),
        dataclasses.replace(_LIMIT, default=20, maximum=1000),
    ),
    {sort: _TRENDING_SQL.format(order=order) for sort, order in _TRENDING_ORDER.items()},
    variant="sort",
    context=_TRENDING_CONTEXT,
    empty_note="no {window}-day ranking by {basis} date ends on {window_end}; rankings exist for the days "
    "on which something happened, the latest on {data_ends}",
    refuse=_trending_refuse,
)

_TRADER_ORDER = {
    "trades": "trades DESC",
    "volume": "est_volume DESC NULLS LAST",
    "buys": "buys DESC",
    "sells": "sells DESC",
    "distinct_tickers": "distinct_tickers DESC",
    "late_rate": "late_rate DESC NULLS LAST, trades DESC",
}
_TRADERS_END = f"""coalesce(CAST($as_of_date AS DATE),
                 (SELECT max(transaction_date) FROM gold.fact_transactions WHERE {_public()} AND {_chamber()}))"""
"""The window's last day: ``as_of_date``, else the latest trade date among the public rows of the chamber."""
_TRADERS_SQL = f"""
    WITH w AS (SELECT {_TRADERS_END} AS window_end)
    SELECT bioguide_id,
           arg_max(filer_name, transaction_date) AS filer_name,
           arg_max(party, transaction_date) AS party,
           arg_max(state, transaction_date) AS state,
           count(*) AS trades,
           sum(amount_midpoint) AS est_volume,
           CAST(count_if(transaction_type = 'purchase') AS BIGINT) AS buys,
           CAST(count_if(transaction_type IN ('sale', 'partial_sale')) AS BIGINT) AS sells,
           count(DISTINCT ticker) AS distinct_tickers,
           CAST(count_if(is_late) AS BIGINT) AS late_count,
           avg(CAST(is_late AS DOUBLE)) AS late_rate,
           max(transaction_date) AS last_trade
    FROM gold.fact_transactions, w
    WHERE bioguide_id IS NOT NULL
      AND transaction_date > w.window_end - CAST($days AS INTEGER)
      AND transaction_date <= w.window_end
      AND ($party IS NULL OR party = $party)
      AND {_public()} AND {_chamber()}
    GROUP BY bioguide_id
    ORDER BY {{order}}, bioguide_id
    LIMIT $limit"""
_TRADERS_CONTEXT = f"""
    SELECT min(filing_date) AS first_filed,
           CAST(count_if({_public()}) AS BIGINT) AS public_rows,
           max(CASE WHEN {_public()} THEN transaction_date END) AS data_ends,
           CAST({_TRADERS_END} - CAST($days AS INTEGER) + 1 AS DATE) AS window_start,
           CAST({_TRADERS_END} AS DATE) AS window_end
    FROM gold.fact_transactions
    WHERE {_chamber()}"""

TOP_TRADERS = NamedQuery(
    "top_traders",
    "Members ranked by trading in the last N days up to a date (default: the latest trade date in the data).",
    (
        Param("days", "int", "Window length in days.", default=90, minimum=1, maximum=36_500),
        Param("metric", "choice", "What to rank by.", default="trades", choices=tuple(_TRADER_ORDER)),
        Param("party", "str", "D, R or I (or Democrat, Republican, Independent).", normalize=_party),
        Param("as_of_date", "date", "Last day of the window (default: the latest trade date in the data)."),
        dataclasses.replace(_LIMIT, default=20, maximum=1000),
    ),
    {metric: _TRADERS_SQL.format(order=order) for metric, order in _TRADER_ORDER.items()},
    variant="metric",
    context=_TRADERS_CONTEXT,
    empty_note="no trades by Members between {window_start} and {window_end}; the data ends on {data_ends}",
)

_SEARCH_FILTERED = "($as_of_disclosure IS NOT NULL OR $chamber <> 'both')"
"""SQL: search counts trades itself (the precomputed counts would include what is filtered out)."""

SEARCH = NamedQuery(
    "search",
    "Find members (by name or bioguide id) and assets (by ticker, asset or company name).",
    (
        Param("q", "str", "Text to look for, e.g. 'pelosi' or 'NVDA'.", required=True, max_length=100),
        dataclasses.replace(_LIMIT, default=20, maximum=1000),
    ),
    # With as_of_disclosure or one chamber, trade counts come from the transactions public then (of
    # that chamber), and only assets traded in them are found: the precomputed counts span every
    # filing of both chambers. Members of the other chamber show only if they filed with this one.
    {
        None: f"""
        WITH pub AS (SELECT bioguide_id, ticker, asset_key FROM gold.fact_transactions
                     WHERE {_SEARCH_FILTERED} AND {_public()} AND {_chamber()}),
             by_member AS (SELECT bioguide_id, count(*) AS trades FROM pub GROUP BY bioguide_id),
             by_asset AS (SELECT asset_key, count(*) AS trades FROM pub GROUP BY asset_key)
        SELECT kind, key, name, detail, trades FROM (
            SELECT 'member' AS kind, m.bioguide_id AS key, m.full_name AS name,
                   concat_ws(' ', m.party, m.state, m.chamber) AS detail,
                   CASE WHEN {_SEARCH_FILTERED} THEN coalesce(p.trades, 0) ELSE s.trades END AS trades,
                   CASE WHEN upper(m.bioguide_id) = upper($q) THEN 0
                        WHEN lower(m.full_name) = lower($q) OR lower(m.last_name) = lower($q) THEN 1
                        WHEN starts_with(lower(m.last_name), lower($q)) THEN 2 ELSE 3 END AS score
            FROM gold.dim_members m
            LEFT JOIN gold.agg_member_stats s ON s.bioguide_id = m.bioguide_id AND s.period = 'all'
            LEFT JOIN by_member p ON p.bioguide_id = m.bioguide_id
            WHERE m.is_current AND ({_chamber("m.chamber")} OR p.trades IS NOT NULL)
              AND (contains(lower(m.full_name), lower($q)) OR upper(m.bioguide_id) = upper($q))
            UNION ALL
            SELECT 'asset', coalesce(a.ticker, CAST(a.asset_key AS VARCHAR)),
                   coalesce(a.company_name, a.asset_name),
                   concat_ws(' ', a.asset_type, a.sector),
                   CASE WHEN {_SEARCH_FILTERED} THEN p.trades ELSE a.trade_count END,
                   CASE WHEN upper(a.ticker) = upper($q) THEN 0
                        WHEN starts_with(upper(a.ticker), upper($q)) THEN 1
                        WHEN lower(a.asset_name) = lower($q) THEN 1 ELSE 3 END
            FROM gold.dim_assets a
            LEFT JOIN by_asset p ON CAST(p.asset_key AS VARCHAR) = CAST(a.asset_key AS VARCHAR)
            WHERE (upper(a.ticker) = upper($q) OR starts_with(upper(a.ticker), upper($q))
                   OR contains(lower(a.asset_name), lower($q))
                   OR contains(lower(coalesce(a.company_name, '')), lower($q)))
              AND (NOT {_SEARCH_FILTERED} OR p.trades IS NOT NULL)
        )
        ORDER BY score, trades DESC NULLS LAST, name
        LIMIT $limit"""
    },
)

FILING = NamedQuery(
    "filing",
    "One filing: its header, every transaction row (none for non-PTR filings) and the PDF URL.",
    (
        Param(
            "doc_id",
            "str",
            "House DocID (e.g. 20026590) or Senate eFD report id (a UUID, e.g. 4aa0094d-d9da-4a05-aa13-6d9f5d376105).",
            required=True,
            # The two id spaces, by shape: the Clerk's DocIDs; eFD's UUIDs (paper reports' often upper case).
            pattern=r"[0-9A-Za-z]{1,20}|[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}",
        ),
    ),
    {
        None: f"""
        SELECT f.doc_id, f.year, f.filing_type, f.filing_type_name, f.filing_date, f.filer_name,
               f.state_district, f.is_amendment, f.pdf_url,
               t.line_no, t.owner, t.ticker, t.asset_name, t.asset_type, t.transaction_type,
               t.transaction_date, t.notification_date, t.amount_range, t.amount_low, t.amount_high,
               t.is_late, t.description, t.subholding_of, t.bioguide_id, t.party
        FROM gold.fact_filings f
        LEFT JOIN gold.fact_transactions t ON t.chamber = f.chamber AND t.doc_id = f.doc_id
        WHERE f.doc_id = $doc_id AND {_public("f.filing_date")} AND {_chamber("f.chamber")}
        ORDER BY t.line_no NULLS FIRST"""
    },
    empty_error="No filing with doc_id {doc_id!r} (at the version read, with chamber={chamber}, and "
    "received by as_of_disclosure when given). Find DocIDs with the search or member_trades queries.",
    context=f"""
    SELECT min(filing_date) AS first_filed,
           CAST(count_if({_public()}) AS BIGINT) AS public_rows,
           max(CASE WHEN {_public()} THEN filing_date END) AS data_ends,
           CAST(NULL AS DATE) AS window_start, CAST(NULL AS DATE) AS window_end
    FROM gold.fact_filings
    WHERE {_chamber()}""",
)

SUMMARY = NamedQuery(
    "summary",
    "One row: how much the lakehouse holds and how recent it is.",
    (),
    # One pass per table (a dozen scalar subqueries took ten times longer in DuckDB).
    {
        None: f"""
        WITH f AS (SELECT count(*) AS filings, CAST(count_if(filing_type = 'P') AS BIGINT) AS ptr_filings,
                          max(filing_date) AS last_filing_date
                   FROM gold.fact_filings WHERE {_public()} AND {_chamber()}),
             t AS (SELECT count(*) AS transactions, count(DISTINCT bioguide_id) AS members_trading,
                          count(DISTINCT ticker) AS tickers, min(transaction_date) AS first_trade,
                          max(transaction_date) AS last_trade, sum(amount_midpoint) AS est_volume,
                          avg(CAST(is_late AS DOUBLE)) AS late_rate
                   FROM gold.fact_transactions WHERE {_public()} AND {_chamber()}),
             m AS (SELECT count(*) AS members FROM gold.dim_members WHERE is_current AND {_chamber()})
        SELECT f.filings, f.ptr_filings, f.last_filing_date, t.transactions, t.members_trading, t.tickers,
               t.first_trade, t.last_trade, t.est_volume, t.late_rate, m.members
        FROM f CROSS JOIN t CROSS JOIN m"""
    },
)

NAMED_QUERIES: dict[str, NamedQuery] = {
    q.name: q for q in (MEMBER_TRADES, TRENDING_STOCKS, TOP_TRADERS, SEARCH, FILING, SUMMARY)
}


def named_query(name: Any) -> NamedQuery:
    """The named query ``name`` (or its companion ``<name>.context``).

    Raises:
        QueryError: no such query (the message lists them).
    """
    base = name.removesuffix(CONTEXT_SUFFIX) if isinstance(name, str) else None
    query = NAMED_QUERIES.get(base) if base is not None else None
    if query is None:
        raise QueryError(f"No named query {name!r}. Named queries: {', '.join(NAMED_QUERIES)}.")
    return query.context_query() if name != base else query


_WINDOW_SHAPE = frozenset({"days", "window", "as_of_date", "basis", "metric", "sort", "limit", "offset"})
"""Parameters that shape or order a windowed answer rather than filter it."""


def explain(query: NamedQuery, values: Mapping[str, Any], context: Mapping[str, Any] | None,
            rows: int) -> dict[str, str]:
    """What an answer of ``rows`` rows rests on, as text: its window, where the data ends, and for an
    empty answer a ``note`` saying why.

    Args:
        query: the named query (not its context).
        values: its validated parameters.
        context: the one row of ``<name>.context`` run at the same snapshots (None: not known).
        rows: how many rows the answer has.

    Returns:
        Keys ``window_start``, ``window_end``, ``window_days``, ``window_basis``, ``data_ends``,
        ``as_of_disclosure``, ``chamber``, ``note``; only those that apply. Dates are ISO text.
    """
    ctx = {k: v for k, v in (context or {}).items() if v is not None}
    text = {k: v.isoformat() if isinstance(v, dt.date) else str(v) for k, v in ctx.items()}
    out: dict[str, str] = {}
    disclosed = values.get("as_of_disclosure")
    if disclosed is not None:
        out["as_of_disclosure"] = disclosed.isoformat()
    if values.get("chamber", "both") != "both":
        out["chamber"] = values["chamber"]
    if "window_end" in text:
        out["window_start"], out["window_end"] = text["window_start"], text["window_end"]
        out["window_days"] = str(values.get("days") or values.get("window"))
        out["window_basis"] = "trade date" if values.get("basis", "trade") == "trade" else "disclosure date"
    if "data_ends" in text:
        out["data_ends"] = text["data_ends"]
    if rows or context is None:
        return out
    # The context counts only the chamber asked for, so "nothing" and "ends on" are that chamber's.
    chamber = values.get("chamber", "both")
    label = "" if chamber == "both" else f"{chamber.capitalize()} "
    public = "public " if disclosed is not None else ""
    if disclosed is not None and not ctx.get("public_rows"):
        first = text.get("first_filed")
        note = f"{'no ' + label + 'filing' if label else 'nothing'} was public on {disclosed.isoformat()}: " + (
            f"the first {label}filing in the data was received on {first}" if first
            else f"the data holds no {label}filings"
        )
    elif not ctx.get("public_rows"):
        note = (f"no {label}rows match: the data holds no {label}filings (at the version read)" if label
                else "the data holds nothing yet (at the version read)")
    elif query.empty_note and "window_end" in text:
        note = query.empty_note.format(**{**{k: v for k, v in values.items() if v is not None}, **text})
        filters = [f"{p.name}={values[p.name]}" for p in query.params
                   if p.name not in _WINDOW_SHAPE and values.get(p.name) is not None]
        if label:
            filters.append(f"chamber={chamber}")
        if filters:  # e.g. party: the window may hold trades, just none of these
            head, sep, tail = note.partition(";")
            note = f"{head} matching {', '.join(filters)}{sep}{tail}"
        if disclosed is not None:
            note += f" (counting filings received by {disclosed.isoformat()})"
    else:
        note = (f"no {public}{label}rows match these parameters; the {public}{label}data ends on "
                f"{text.get('data_ends', '?')}")
    out["note"] = note[0].upper() + note[1:] + "."
    return out


METADATA_PREFIX = "lakehouse."


def schema_metadata(explained: Mapping[str, str]) -> dict[bytes, bytes]:
    """:func:`explain`'s answer as Arrow schema metadata (``lakehouse.window_end`` …)."""
    return {f"{METADATA_PREFIX}{k}".encode(): v.encode() for k, v in explained.items()}


def jsonable(params: Mapping[str, Any]) -> dict[str, Any]:
    """Validated parameters as JSON values (dates as ISO text), to carry them in a ticket."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
