"""The Gold logic hand-written in DuckDB SQL, for ``ibis_vs_duckdb_sql``.

Same rules as ``jobs/gold/*.py`` (README, "Gold rules"), written the way a person would write
them in DuckDB's dialect — not a copy of what Ibis compiles. Each query reads the same inputs
the runner binds (views named after the transform parameters) and returns
the job's columns; :func:`build` runs them in dependency order, feeding each output to the next
job as the runner does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import pyarrow as pa

DIM_MEMBERS = """
with t as (
    select *, coalesce(party, '') || '|' || chamber || '|' || state || '|' || coalesce(district::varchar, '') as seat
    from terms
), flagged as (
    select *, coalesce(seat <> lag(seat) over (partition by bioguide_id order by start_date, term_no), true)::int
              as is_new
    from t
), versioned as (
    select *, (sum(is_new) over (partition by bioguide_id order by start_date, term_no
                                 rows between unbounded preceding and current row))::int as version
    from flagged
), v as (
    select bioguide_id, version, any_value(party) as party, any_value(chamber) as chamber,
           any_value(state) as state, any_value(district) as district,
           min(start_date) as valid_from, max(end_date) as last_end
    from versioned group by bioguide_id, version
), v2 as (
    select *, coalesce(lead(valid_from) over (partition by bioguide_id order by version), last_end) as valid_to,
           version = max(version) over (partition by bioguide_id) as is_current
    from v
)
select instr('ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(v2.bioguide_id, 1, 1))::bigint * 1000000000
         + substr(v2.bioguide_id, 2, 6)::bigint * 1000 + v2.version::bigint as member_key,
       v2.bioguide_id, m.first_name, m.last_name,
       coalesce(m.official_full_name, m.first_name || ' ' || m.last_name) as full_name,
       v2.party, v2.chamber, v2.state, v2.district, v2.valid_from, v2.valid_to, v2.is_current, v2.version
from v2 left join members m on m.bioguide_id = v2.bioguide_id
"""

FACT_FILINGS = """
with docs as (
    select doc_id, any_value(sha256) as document_sha256, max(size_bytes) as document_size_bytes
    from documents group by doc_id
)
select f.doc_id, f.year, f.filing_type, f.filing_type_name, f.filing_date, f.filer_name, f.prefix, f.first_name,
       f.last_name, f.suffix, f.state_district, f.state, f.district, f.is_efiled, f.is_amendment, f.pdf_url,
       d.document_sha256 is not null as document_in_bronze, d.document_sha256, d.document_size_bytes,
       m.bioguide_id, v.member_key, f.quality_issues, v.party, 'house' as chamber
from filings f
left join docs d on d.doc_id = f.doc_id
left join matches m on m.doc_id = f.doc_id
left join members v on v.bioguide_id = m.bioguide_id and f.filing_date >= v.valid_from and f.filing_date < v.valid_to
"""

FACT_TRANSACTIONS = """
with t as (
    select x.*, f.filing_date, f.filer_name, f.state_district, f.pdf_url, m.bioguide_id,
           coalesce(m.bioguide_id, coalesce(f.filer_name, '') || '|' || coalesce(f.state_district, '')) as filer_key,
           case when x.ticker is not null then 'T:' || x.ticker
                else 'N:' || upper(trim(regexp_replace(x.asset_name, '\\s+', ' ', 'g'), ' \t\n\r\v\f')) end
             as asset_key
    from transactions x
    left join filings f on f.doc_id = x.doc_id
    left join matches m on m.doc_id = x.doc_id
    where coalesce(x.row_checks_failed, '') = ''
), amended as (
    select filer_key, asset_key, transaction_date, coalesce(owner, '') as owner, doc_id, filing_date
    from t where coalesce(lower(filing_status) like 'amend%', false)
), current_rows as (
    select t.* from t
    anti join amended a
      on a.filer_key = t.filer_key and a.asset_key = t.asset_key and a.transaction_date = t.transaction_date
     and a.owner = coalesce(t.owner, '') and a.doc_id <> t.doc_id and t.filing_date < a.filing_date
), keyed as (
    select c.*, coalesce(v1.member_key, v2.member_key) as member_key
    from current_rows c
    left join members v1 on v1.bioguide_id = c.bioguide_id
         and coalesce(c.transaction_date, c.filing_date) >= v1.valid_from
         and coalesce(c.transaction_date, c.filing_date) < v1.valid_to
    left join members v2 on v2.bioguide_id = c.bioguide_id
         and c.filing_date >= v2.valid_from and c.filing_date < v2.valid_to
), dated as (
    select k.*, mv.party, mv.state, mv.district, 'house' as chamber,
           case when k.notification_date is null then k.transaction_date + 45
                else least(k.transaction_date + 45, k.notification_date + 30) end as due
    from keyed k left join members mv on mv.member_key = k.member_key
)
select doc_id::bigint * 10000 + line_no::bigint as transaction_key, doc_id, line_no, year, bioguide_id, member_key,
       filer_name, party, state, district, chamber, owner, ticker, asset_name, asset_type, asset_key,
       transaction_type, transaction_date, notification_date, filing_date, amount_range, amount_low, amount_high,
       case when amount_high is null then amount_low::double else (amount_low + amount_high)::double / 2 end
         as amount_midpoint,
       (notification_date - transaction_date)::int as days_to_notification,
       (filing_date - transaction_date)::int as days_to_filing,
       due as due_date, filing_date > due as is_late,
       cap_gains_over_200, description, subholding_of, pdf_url, extraction_method, extractor_version
from dated
"""

DIM_ASSETS = """
with stats as (
    select asset_key, max(ticker) as ticker, min(transaction_date) as first_traded,
           max(transaction_date) as last_traded, count(*) as trade_count
    from facts group by asset_key
), names as (
    select asset_key, asset_name from (
        select asset_key, asset_name,
               row_number() over (partition by asset_key order by count(*) desc, asset_name) as r
        from facts where asset_name is not null group by asset_key, asset_name
    ) where r = 1
), types as (
    select asset_key, asset_type from (
        select asset_key, asset_type,
               row_number() over (partition by asset_key order by count(*) desc, asset_type) as r
        from facts where asset_type is not null group by asset_key, asset_type
    ) where r = 1
)
select s.asset_key, s.ticker, n.asset_name, t.asset_type, sec.company_name, sec.sector,
       s.first_traded, s.last_traded, s.trade_count
from stats s
left join names n on n.asset_key = s.asset_key
left join types t on t.asset_key = s.asset_key
left join securities sec on sec.ticker = s.ticker
"""

AGG_TRENDING_STOCKS = """
with scoped as (
    select *, 'both' as scope from facts where ticker is not null
    union all
    select *, chamber from facts where ticker is not null and chamber in ('house', 'senate')
), events as (
    select scope, ticker, asset_name, coalesce(bioguide_id, 'filer:' || coalesce(filer_name, '')) as member, party,
           transaction_type, amount_midpoint, 'disclosure' as basis, filing_date as event_date
    from scoped where filing_date is not null
    union all
    select scope, ticker, asset_name, coalesce(bioguide_id, 'filer:' || coalesce(filer_name, '')), party,
           transaction_type, amount_midpoint, 'trade', transaction_date
    from scoped where transaction_date is not null
), as_of as (
    select distinct scope, basis, event_date as as_of_date from events
), windows(window_days) as (values (7), (30), (90)),
agg as (
    select a.as_of_date, w.window_days::int as window_days, e.scope, e.basis, e.ticker,
           max(e.asset_name) as asset_name,
           count(*) as trades,
           count(distinct e.member) as members,
           count(distinct e.member) filter (where e.transaction_type = 'purchase') as buying_members,
           count(distinct e.member) filter (where e.transaction_type in ('sale', 'partial_sale')) as selling_members,
           coalesce(sum(e.amount_midpoint) filter (where e.transaction_type = 'purchase'), 0) as buy_volume,
           coalesce(sum(e.amount_midpoint) filter (where e.transaction_type in ('sale', 'partial_sale')), 0)
             as sell_volume,
           count(*) filter (where e.party = 'Democrat') as dem_trades,
           count(*) filter (where e.party = 'Republican') as rep_trades,
           count(*) filter (where not coalesce(e.party in ('Democrat', 'Republican'), false)) as other_trades
    from windows w
    join as_of a on true
    join events e on e.scope = a.scope and e.basis = a.basis and e.event_date <= a.as_of_date
                 and e.event_date > a.as_of_date - w.window_days
    group by a.as_of_date, w.window_days, e.scope, e.basis, e.ticker
)
select as_of_date, window_days, basis, ticker, asset_name, trades, members, buying_members, selling_members,
       buy_volume, sell_volume, buy_volume - sell_volume as net_volume, dem_trades, rep_trades, other_trades,
       (row_number() over (partition by as_of_date, window_days, scope, basis
                           order by trades desc, members desc, ticker))::int as rank,
       scope as chamber
from agg
"""

AGG_MEMBER_STATS = """
with f as (
    select * from facts where bioguide_id is not null
), periods as (
    select *, 'all' as period, null::date as period_start, null::date as period_end from f
    union all
    select *, year(transaction_date)::varchar, make_date(year(transaction_date), 1, 1),
           make_date(year(transaction_date), 12, 31)
    from f where transaction_date is not null
    union all
    select *, year(transaction_date)::varchar || '-Q' || quarter(transaction_date)::varchar,
           make_date(year(transaction_date), (quarter(transaction_date) - 1) * 3 + 1, 1),
           make_date(year(transaction_date), (quarter(transaction_date) - 1) * 3 + 1, 1) + interval 3 month
             - interval 1 day
    from f where transaction_date is not null
), stats as (
    select period, bioguide_id, min(period_start) as period_start, max(period_end) as period_end,
           count(*) as trades, sum(amount_midpoint) as est_volume,
           count(*) filter (where transaction_type = 'purchase') as buys,
           count(*) filter (where transaction_type in ('sale', 'partial_sale')) as sells,
           count(distinct ticker) as distinct_tickers,
           count(*) filter (where coalesce(is_late, false)) as late_count, count(is_late) as late_known,
           min(transaction_date) as first_trade, max(transaction_date) as last_trade
    from periods group by period, bioguide_id
), ranked as (
    select period, bioguide_id, days_to_filing,
           row_number() over (partition by period, bioguide_id order by days_to_filing) - 1 as rn,
           count(*) over (partition by period, bioguide_id) as n
    from periods where days_to_filing is not null
), median as (
    select period, bioguide_id, avg(days_to_filing) as median_days_to_disclose
    from ranked where rn = (n - 1) // 2 or rn = n // 2 group by period, bioguide_id
)
select s.period, s.period_start::date as period_start, s.period_end::date as period_end, s.bioguide_id,
       m.member_key, m.full_name, m.party, m.state, s.trades, s.est_volume, s.buys, s.sells, s.distinct_tickers,
       s.late_count, s.late_count::double / nullif(s.late_known, 0) as late_rate, md.median_days_to_disclose,
       s.first_trade, s.last_trade, s.late_known
from stats s
left join median md on md.period = s.period and md.bioguide_id = s.bioguide_id
left join (select * from members where is_current) m on m.bioguide_id = s.bioguide_id
"""

QUERIES: dict[str, str] = {
    "gold.dim_members": DIM_MEMBERS,
    "gold.fact_filings": FACT_FILINGS,
    "gold.fact_transactions": FACT_TRANSACTIONS,
    "gold.dim_assets": DIM_ASSETS,
    "gold.agg_trending_stocks": AGG_TRENDING_STOCKS,
    "gold.agg_member_stats": AGG_MEMBER_STATS,
}


def run_job(con, name: str, inputs: Mapping[str, object]) -> pa.Table:
    """Run one job's SQL on views named after the transform parameters.

    An input is an Arrow table, or anything with ``.sql()`` giving the query that reads it
    (:class:`benchmarks.gold_build.Files`: Parquet files by field id).
    """
    for param, source in inputs.items():
        if isinstance(source, pa.Table):
            con.register(param, source)
        else:
            con.execute(f"CREATE OR REPLACE VIEW {param} AS {source.sql()}")
    try:
        return con.sql(QUERIES[name]).to_arrow_table()
    finally:
        for param, source in inputs.items():
            if isinstance(source, pa.Table):
                con.unregister(param)
            else:
                con.execute(f"DROP VIEW {param}")


def build(jobs: list[str], inputs_for: Callable[[str, Mapping[str, pa.Table]], dict[str, object]],
          cast: Callable[[str, pa.Table], pa.Table]) -> tuple[dict[str, pa.Table], dict[str, float]]:
    """Run ``jobs`` in order; ``inputs_for(job, outputs so far)`` gives each job's inputs."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET arrow_large_buffer_size = true")  # same result types as the runner's connection
    outputs: dict[str, pa.Table] = {}
    seconds: dict[str, float] = {}
    try:
        for name in jobs:
            began = time.perf_counter()
            outputs[name] = cast(name, run_job(con, name, inputs_for(name, outputs)))
            seconds[name] = time.perf_counter() - began
    finally:
        con.close()
    return outputs, seconds
