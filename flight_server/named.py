"""Named queries: the questions analysts ask most, as fixed SQL with validated, bound parameters.

Each query is a constant SQL text with DuckDB named parameters (``$ticker``). Parameters are
checked here (type, range, pattern, allowed values) and then *bound* by DuckDB; no parameter value
is ever formatted into SQL. Where a parameter chooses the sort order, it picks one of several
constant SQL texts prepared below. The SQL then runs in the same sandbox and with the same time
travel as any other query.

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

    def validate(self, raw: Mapping[str, Any] | None) -> dict[str, Any]:
        """Every parameter's checked value (defaults filled in).

        Raises:
            QueryError: an unknown parameter, or a value that fails its rule.
        """
        raw = dict(raw or {})
        if not all(isinstance(k, str) for k in raw):
            raise QueryError(f"{self.name}: parameter names must be text.")
        known = {p.name for p in self.params}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise QueryError(
                f"{self.name}: unknown parameter(s) {', '.join(unknown)}; "
                f"it takes {', '.join(sorted(known)) or 'none'}."
            )
        return {p.name: p.validate(self.name, raw.get(p.name)) for p in self.params}

    def bind(self, values: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """The SQL for validated ``values`` and its DuckDB named parameters."""
        sql = self.sql[values[self.variant] if self.variant else None]
        return sql, {k: v for k, v in values.items() if k != self.variant and f"${k}" in sql}

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "doc": self.doc, "params": [p.describe() for p in self.params]}


def _upper(value: str) -> str:
    return value.upper()


def _party(value: str) -> str:
    party = PARTIES.get(value.lower())
    if party is None:
        raise QueryError(f"party={value!r} is not one of D, R, I (Democrat, Republican, Independent).")
    return party


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


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
        None: """
        SELECT transaction_date, filing_date, bioguide_id, filer_name, party, state, district, chamber,
               ticker, asset_name, asset_type, transaction_type, owner, amount_range, amount_low, amount_high,
               amount_midpoint, days_to_filing, is_late, doc_id, line_no, pdf_url
        FROM gold.fact_transactions
        WHERE ($bioguide_id IS NULL OR bioguide_id = $bioguide_id)
          AND ($ticker IS NULL OR ticker = $ticker)
          AND ($transaction_type IS NULL OR transaction_type = $transaction_type)
          AND ($date_from IS NULL OR transaction_date >= CAST($date_from AS DATE))
          AND ($date_to IS NULL OR transaction_date <= CAST($date_to AS DATE))
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
_TRENDING_SQL = """
    SELECT as_of_date, window_days, basis, rank, ticker, asset_name, trades, members, buying_members,
           selling_members, buy_volume, sell_volume, net_volume, dem_trades, rep_trades, other_trades
    FROM gold.agg_trending_stocks
    WHERE window_days = $window AND basis = $basis
      AND as_of_date = coalesce(CAST($as_of_date AS DATE),
                                (SELECT max(as_of_date) FROM gold.agg_trending_stocks
                                 WHERE window_days = $window AND basis = $basis))
    ORDER BY {order}
    LIMIT $limit"""

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
        Param("as_of_date", "date", "Last day of the window (default: the latest available)."),
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
)

_TRADER_ORDER = {
    "trades": "trades DESC",
    "volume": "est_volume DESC NULLS LAST",
    "buys": "buys DESC",
    "sells": "sells DESC",
    "distinct_tickers": "distinct_tickers DESC",
    "late_rate": "late_rate DESC NULLS LAST, trades DESC",
}
_TRADERS_SQL = """
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
    FROM gold.fact_transactions
    WHERE bioguide_id IS NOT NULL
      AND transaction_date > CAST($as_of_date AS DATE) - CAST($days AS INTEGER)
      AND transaction_date <= CAST($as_of_date AS DATE)
      AND ($party IS NULL OR party = $party)
    GROUP BY bioguide_id
    ORDER BY {order}, bioguide_id
    LIMIT $limit"""

TOP_TRADERS = NamedQuery(
    "top_traders",
    "Members ranked by trading in the last N days up to a date (default today, UTC).",
    (
        Param("days", "int", "Window length in days.", default=90, minimum=1, maximum=36_500),
        Param("metric", "choice", "What to rank by.", default="trades", choices=tuple(_TRADER_ORDER)),
        Param("party", "str", "D, R or I (or Democrat, Republican, Independent).", normalize=_party),
        Param("as_of_date", "date", "Last day of the window (default: today, UTC).", default_factory=_today),
        dataclasses.replace(_LIMIT, default=20, maximum=1000),
    ),
    {metric: _TRADERS_SQL.format(order=order) for metric, order in _TRADER_ORDER.items()},
    variant="metric",
)

SEARCH = NamedQuery(
    "search",
    "Find members (by name or bioguide id) and assets (by ticker, asset or company name).",
    (
        Param("q", "str", "Text to look for, e.g. 'pelosi' or 'NVDA'.", required=True, max_length=100),
        dataclasses.replace(_LIMIT, default=20, maximum=1000),
    ),
    {
        None: """
        SELECT kind, key, name, detail, trades FROM (
            SELECT 'member' AS kind, m.bioguide_id AS key, m.full_name AS name,
                   concat_ws(' ', m.party, m.state, m.chamber) AS detail, s.trades AS trades,
                   CASE WHEN upper(m.bioguide_id) = upper($q) THEN 0
                        WHEN lower(m.full_name) = lower($q) OR lower(m.last_name) = lower($q) THEN 1
                        WHEN starts_with(lower(m.last_name), lower($q)) THEN 2 ELSE 3 END AS score
            FROM gold.dim_members m
            LEFT JOIN gold.agg_member_stats s ON s.bioguide_id = m.bioguide_id AND s.period = 'all'
            WHERE m.is_current
              AND (contains(lower(m.full_name), lower($q)) OR upper(m.bioguide_id) = upper($q))
            UNION ALL
            SELECT 'asset', coalesce(a.ticker, CAST(a.asset_key AS VARCHAR)),
                   coalesce(a.company_name, a.asset_name),
                   concat_ws(' ', a.asset_type, a.sector), a.trade_count,
                   CASE WHEN upper(a.ticker) = upper($q) THEN 0
                        WHEN starts_with(upper(a.ticker), upper($q)) THEN 1
                        WHEN lower(a.asset_name) = lower($q) THEN 1 ELSE 3 END
            FROM gold.dim_assets a
            WHERE upper(a.ticker) = upper($q) OR starts_with(upper(a.ticker), upper($q))
               OR contains(lower(a.asset_name), lower($q))
               OR contains(lower(coalesce(a.company_name, '')), lower($q))
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
            "DocID of the filing, e.g. 20026590.",
            required=True,
            pattern=r"[0-9A-Za-z]{1,20}",
        ),
    ),
    {
        None: """
        SELECT f.doc_id, f.year, f.filing_type, f.filing_type_name, f.filing_date, f.filer_name,
               f.state_district, f.is_amendment, f.pdf_url,
               t.line_no, t.owner, t.ticker, t.asset_name, t.asset_type, t.transaction_type,
               t.transaction_date, t.notification_date, t.amount_range, t.amount_low, t.amount_high,
               t.is_late, t.description, t.subholding_of, t.bioguide_id, t.party
        FROM gold.fact_filings f
        LEFT JOIN gold.fact_transactions t ON t.doc_id = f.doc_id
        WHERE f.doc_id = $doc_id
        ORDER BY t.line_no NULLS FIRST"""
    },
    empty_error="No filing with doc_id {doc_id!r} (at the version read). Find DocIDs with the search or "
    "member_trades queries.",
)

SUMMARY = NamedQuery(
    "summary",
    "One row: how much the lakehouse holds and how recent it is.",
    (),
    # One pass per table (a dozen scalar subqueries took ten times longer in DuckDB).
    {
        None: """
        WITH f AS (SELECT count(*) AS filings, CAST(count_if(filing_type = 'P') AS BIGINT) AS ptr_filings,
                          max(filing_date) AS last_filing_date
                   FROM gold.fact_filings),
             t AS (SELECT count(*) AS transactions, count(DISTINCT bioguide_id) AS members_trading,
                          count(DISTINCT ticker) AS tickers, min(transaction_date) AS first_trade,
                          max(transaction_date) AS last_trade, sum(amount_midpoint) AS est_volume,
                          avg(CAST(is_late AS DOUBLE)) AS late_rate
                   FROM gold.fact_transactions),
             m AS (SELECT count(*) AS members FROM gold.dim_members WHERE is_current)
        SELECT f.filings, f.ptr_filings, f.last_filing_date, t.transactions, t.members_trading, t.tickers,
               t.first_trade, t.last_trade, t.est_volume, t.late_rate, m.members
        FROM f CROSS JOIN t CROSS JOIN m"""
    },
)

NAMED_QUERIES: dict[str, NamedQuery] = {
    q.name: q for q in (MEMBER_TRADES, TRENDING_STOCKS, TOP_TRADERS, SEARCH, FILING, SUMMARY)
}


def named_query(name: Any) -> NamedQuery:
    """The named query ``name``.

    Raises:
        QueryError: no such query (the message lists them).
    """
    query = NAMED_QUERIES.get(name) if isinstance(name, str) else None
    if query is None:
        raise QueryError(f"No named query {name!r}. Named queries: {', '.join(NAMED_QUERIES)}.")
    return query


def jsonable(params: Mapping[str, Any]) -> dict[str, Any]:
    """Validated parameters as JSON values (dates as ISO text), to carry them in a ticket."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
