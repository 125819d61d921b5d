"""gold.dim_assets: one row per traded asset, named and classified from reference lists."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jobs.spec import Input, JobSpec, Scope, WriteMode


def most_common(table: ir.Table, key: str, column: str) -> ir.Table:
    """(key, column) with the most frequent non-null value per key; ties go to the smallest value."""
    counted = table.filter(table[column].notnull()).group_by([key, column]).agg(_n=ibis._.count())
    ranked = counted.mutate(
        _r=ibis.row_number().over(group_by=key, order_by=[ibis.desc("_n"), column])
    )
    return ranked.filter(ranked._r == 0).select(key, column)


def transform(facts: ir.Table, securities: ir.Table) -> ir.Table:
    """One row per traded asset, with its ticker, first/last trade and reference data."""
    stats = facts.group_by("asset_key").agg(
        ticker=facts.ticker.max(),
        first_traded=facts.transaction_date.min(),
        last_traded=facts.transaction_date.max(),
        trade_count=facts.count(),
    )
    names = most_common(facts, "asset_key", "asset_name")
    types = most_common(facts, "asset_key", "asset_type")
    s = securities.select(s_ticker="ticker", company_name="company_name", sector="sector")
    j = stats.left_join(names, "asset_key").left_join(types, "asset_key")
    j = j.left_join(s, j.ticker == s.s_ticker)
    return j.select(
        asset_key=j.asset_key,
        ticker=j.ticker,
        asset_name=j.asset_name,
        asset_type=j.asset_type,
        company_name=j.company_name,
        sector=j.sector,
        first_traded=j.first_traded,
        last_traded=j.last_traded,
        trade_count=j.trade_count.cast("int64"),
    )


JOB = JobSpec(
    name="gold.dim_assets",
    output="gold.dim_assets",
    inputs={
        "facts": Input("gold.fact_transactions", columns=("asset_key", "ticker", "asset_name", "asset_type",
                                                          "transaction_date")),
        "securities": Input("silver.securities", columns=("ticker", "company_name", "sector")),
    },
    transform=transform,
    write=WriteMode.MERGE,
    # Six thousand rows rebuilt from five columns: cheaper than diffing a rewritten slice of the facts.
    scope=Scope(key="asset_key", feeds={"facts": "asset_key"}, recompute_share=0.05),
)
