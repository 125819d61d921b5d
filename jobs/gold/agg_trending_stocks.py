"""gold.agg_trending_stocks: what Members traded most, per ticker x window x as-of date x chamber.

Three scopes (``chamber``), each its own ranking by the same definition: **both** chambers together
(every transaction), **house** and **senate** (only the transactions of reports filed with that
chamber, on that chamber's own as-of dates). Two bases: **disclosure** (PTRs the Clerk received in
the window — what became public, which is what a reader can act on) and **trade** (trade dates in
the window; recent windows fill in over the following 45 days as late disclosures arrive). As-of
dates are the days on which something happened on that basis in that scope, so every distinct
answer is stored once.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jobs.spec import Input, JobSpec, WriteMode

WINDOWS = (7, 30, 90)
BUY = ("purchase",)
SELL = ("sale", "partial_sale")
CHAMBERS = ("house", "senate")
BOTH = "both"
"""The scope of the ranking over every transaction, whatever the chamber (the registry's default)."""


def transform(facts: ir.Table) -> ir.Table:
    """Per scope (both chambers, house, senate), ticker and day: buyers and sellers over the trailing windows."""
    f = facts.filter(facts.ticker.notnull())
    ident = f.bioguide_id.fill_null("filer:" + f.filer_name.fill_null(""))
    base = f.mutate(_member=ident)
    # Every transaction counts in the ranking of both chambers and in that of its own chamber.
    scoped = ibis.union(
        base.mutate(scope=ibis.literal(BOTH).cast("string")),
        base.filter(base.chamber.isin(CHAMBERS)).mutate(scope=base.chamber.cast("string")),
    )
    events = ibis.union(
        scoped.mutate(basis=ibis.literal("disclosure"), event_date=scoped.filing_date),
        scoped.mutate(basis=ibis.literal("trade"), event_date=scoped.transaction_date),
    )
    events = events.filter(events.event_date.notnull())
    # As-of dates per scope: a chamber's rankings are dated on the days something happened in it.
    as_of = events.select(a_scope=events.scope, a_basis=events.basis, as_of_date=events.event_date).distinct()
    per_window = []
    for days in WINDOWS:
        j = events.join(
            as_of,
            [
                events.scope == as_of.a_scope,
                events.basis == as_of.a_basis,
                events.event_date <= as_of.as_of_date,
                events.event_date > as_of.as_of_date - ibis.interval(days=days),
            ],
        )
        is_buy = j.transaction_type.isin(BUY)
        is_sell = j.transaction_type.isin(SELL)
        agg = j.group_by(["as_of_date", "scope", "basis", "ticker"]).agg(
            asset_name=j.asset_name.max(),
            trades=j.count(),
            members=j._member.nunique(),
            buying_members=j._member.nunique(where=is_buy),
            selling_members=j._member.nunique(where=is_sell),
            buy_volume=j.amount_midpoint.sum(where=is_buy).fill_null(0),
            sell_volume=j.amount_midpoint.sum(where=is_sell).fill_null(0),
            dem_trades=j.count(where=j.party == "Democrat"),
            rep_trades=j.count(where=j.party == "Republican"),
            other_trades=j.count(where=~j.party.isin(["Democrat", "Republican"]).fill_null(False)),
        )
        per_window.append(agg.mutate(window_days=ibis.literal(days, "int32")))
    out = ibis.union(*per_window)
    rank = ibis.row_number().over(
        group_by=["as_of_date", "window_days", "scope", "basis"],
        order_by=[ibis.desc("trades"), ibis.desc("members"), "ticker"],
    )
    return out.select(
        "as_of_date",
        "window_days",
        "basis",
        "ticker",
        "asset_name",
        trades=out.trades.cast("int64"),
        members=out.members.cast("int64"),
        buying_members=out.buying_members.cast("int64"),
        selling_members=out.selling_members.cast("int64"),
        buy_volume=out.buy_volume,
        sell_volume=out.sell_volume,
        net_volume=out.buy_volume - out.sell_volume,
        dem_trades=out.dem_trades.cast("int64"),
        rep_trades=out.rep_trades.cast("int64"),
        other_trades=out.other_trades.cast("int64"),
        rank=(rank + 1).cast("int32"),
        chamber=out.scope,
    )


JOB = JobSpec(
    name="gold.agg_trending_stocks",
    output="gold.agg_trending_stocks",
    inputs={"facts": Input("gold.fact_transactions", columns=(
        "ticker", "asset_name", "bioguide_id", "filer_name", "party", "chamber", "transaction_type",
        "transaction_date", "filing_date", "amount_midpoint"))},
    transform=transform,
    write=WriteMode.REPLACE,
)
