"""gold.agg_member_stats: per Member and period (all time, year, quarter), trading and timeliness."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jobs.spec import Input, JobSpec, Scope, WriteMode


def _periods(facts: ir.Table) -> ir.Table:
    """Each fact once per period it belongs to: 'all', 'YYYY' and 'YYYY-Qn' of its trade date."""
    d = facts.transaction_date
    year = d.year().cast("string")
    quarter = year + "-Q" + d.quarter().cast("string")
    q_start = ibis.date(d.year(), (d.quarter() - 1) * 3 + 1, 1)
    dated = facts.filter(d.notnull())
    return ibis.union(
        facts.mutate(period=ibis.literal("all"), period_start=ibis.null("date"), period_end=ibis.null("date")),
        dated.mutate(period=dated.transaction_date.year().cast("string"),
                     period_start=ibis.date(dated.transaction_date.year(), 1, 1),
                     period_end=ibis.date(dated.transaction_date.year(), 12, 31)),
        dated.mutate(period=quarter, period_start=q_start,
                     period_end=q_start + ibis.interval(months=3) - ibis.interval(days=1)),
    )


def transform(facts: ir.Table, members: ir.Table) -> ir.Table:
    """Per member and period: trades, volume bounds, late share and top tickers."""
    f = _periods(facts.filter(facts.bioguide_id.notnull()))
    keys = ["period", "bioguide_id"]
    stats = f.group_by(keys).agg(
        period_start=f.period_start.min(),
        period_end=f.period_end.max(),
        trades=f.count(),
        est_volume=f.amount_midpoint.sum(),
        buys=f.count(where=f.transaction_type == "purchase"),
        sells=f.count(where=f.transaction_type.isin(["sale", "partial_sale"])),
        distinct_tickers=f.ticker.nunique(),
        late_count=f.count(where=f.is_late.fill_null(False)),
        # A rate of what is known: a transaction without the dates its lateness needs is not counted.
        late_known=f.count(where=f.is_late.notnull()),
        first_trade=f.transaction_date.min(),
        last_trade=f.transaction_date.max(),
    )
    # Exact median, written portably (Trino has no exact median in ibis): the middle one or two values.
    d = f.filter(f.days_to_filing.notnull())
    d = d.mutate(_rn=ibis.row_number().over(group_by=keys, order_by="days_to_filing"),
                 _n=ibis._.count().over(group_by=keys))
    mid = d.filter((d._rn == (d._n - 1) // 2) | (d._rn == d._n // 2))
    median = mid.group_by(keys).agg(median_days_to_disclose=mid.days_to_filing.mean())
    cur = members.filter(members.is_current).select("bioguide_id", "member_key", "full_name", "party", "state")
    j = stats.left_join(median, keys).left_join(cur, "bioguide_id")
    return j.select(
        "period",
        "period_start",
        "period_end",
        "bioguide_id",
        "member_key",
        "full_name",
        "party",
        "state",
        trades=j.trades.cast("int64"),
        est_volume=j.est_volume,
        buys=j.buys.cast("int64"),
        sells=j.sells.cast("int64"),
        distinct_tickers=j.distinct_tickers.cast("int64"),
        late_count=j.late_count.cast("int64"),
        late_rate=j.late_count.cast("float64") / j.late_known.nullif(0),
        median_days_to_disclose=j.median_days_to_disclose,
        first_trade=j.first_trade,
        last_trade=j.last_trade,
        late_known=j.late_known.cast("int64"),
    )


JOB = JobSpec(
    name="gold.agg_member_stats",
    output="gold.agg_member_stats",
    inputs={
        "facts": Input("gold.fact_transactions", columns=(
            "bioguide_id", "transaction_type", "transaction_date", "amount_midpoint", "ticker", "is_late",
            "days_to_filing")),
        "members": Input("gold.dim_members"),
    },
    transform=transform,
    write=WriteMode.MERGE,
    # A member's statistics depend on that member's transactions only.
    scope=Scope(key="bioguide_id", feeds={"facts": "bioguide_id"}),
)
