"""The Gold logic in straightforward pandas (the seed project's "old way"), for ``pandas_vs_ours``.

Written as a pandas user would: ``to_pandas()``, ``merge``, ``groupby``, string methods, and a loop
over as-of dates for the trending windows. Same rules and columns as ``jobs/gold/*.py``; the
output is converted back to Arrow so both sides end at the same place.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _df(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas()


def _dates(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s)


def dim_members(members: pa.Table, terms: pa.Table) -> pd.DataFrame:
    t = _df(terms).sort_values(["bioguide_id", "start_date", "term_no"]).reset_index(drop=True)
    district = t["district"].map(lambda d: "" if pd.isna(d) else str(int(d)))
    t["seat"] = t["party"].fillna("") + "|" + t["chamber"] + "|" + t["state"] + "|" + district
    prev = t.groupby("bioguide_id")["seat"].shift()
    t["is_new"] = (prev.isna() | (t["seat"] != prev)).astype(int)
    t["version"] = t.groupby("bioguide_id")["is_new"].cumsum()
    v = t.groupby(["bioguide_id", "version"], as_index=False).agg(
        party=("party", "first"), chamber=("chamber", "first"), state=("state", "first"),
        district=("district", "first"), valid_from=("start_date", "min"), last_end=("end_date", "max"))
    v = v.sort_values(["bioguide_id", "version"])
    v["valid_to"] = v.groupby("bioguide_id")["valid_from"].shift(-1).fillna(v["last_end"])
    v["is_current"] = v["version"] == v.groupby("bioguide_id")["version"].transform("max")
    j = v.merge(_df(members), on="bioguide_id", how="left")
    letter = j["bioguide_id"].str[0].map(lambda c: LETTERS.find(c) + 1)
    j["member_key"] = letter * 1_000_000_000 + j["bioguide_id"].str[1:7].astype("int64") * 1000 + j["version"]
    full = j["first_name"] + " " + j["last_name"]
    j["full_name"] = j["official_full_name"].fillna(full)
    return j[["member_key", "bioguide_id", "first_name", "last_name", "full_name", "party", "chamber", "state",
              "district", "valid_from", "valid_to", "is_current", "version"]]


def _member_at(left: pd.DataFrame, members: pd.DataFrame, day: str, out: str,
               column: str = "member_key") -> pd.Series:
    """``column`` of the dim_members version valid on ``left[day]`` (NaN when none), named ``out``."""
    v = members[["bioguide_id", column, "valid_from", "valid_to"]]
    m = left[["_row", "bioguide_id", day]].dropna(subset=["bioguide_id"]).merge(v, on="bioguide_id")
    d = _dates(m[day])
    m = m[(d >= _dates(m["valid_from"])) & (d < _dates(m["valid_to"]))]
    return left["_row"].map(m.drop_duplicates("_row").set_index("_row")[column]).rename(out)


def fact_filings(filings: pa.Table, documents: pa.Table, matches: pa.Table, members: pd.DataFrame) -> pd.DataFrame:
    f = _df(filings)
    docs = _df(documents).groupby("doc_id", as_index=False).agg(
        document_sha256=("sha256", "first"), document_size_bytes=("size_bytes", "max"))
    j = f.merge(docs, on="doc_id", how="left").merge(_df(matches)[["doc_id", "bioguide_id"]], on="doc_id", how="left")
    j["_row"] = np.arange(len(j))
    j["member_key"] = _member_at(j, members, "filing_date", "member_key")
    j["party"] = _member_at(j, members, "filing_date", "party", column="party")
    j["document_in_bronze"] = j["document_sha256"].notna()
    j["chamber"] = "house"
    return j[["doc_id", "year", "filing_type", "filing_type_name", "filing_date", "filer_name", "prefix",
              "first_name", "last_name", "suffix", "state_district", "state", "district", "is_efiled",
              "is_amendment", "pdf_url", "document_in_bronze", "document_sha256", "document_size_bytes",
              "bioguide_id", "member_key", "quality_issues", "party", "chamber"]]


def fact_transactions(transactions: pa.Table, filings: pa.Table, matches: pa.Table,
                      members: pd.DataFrame) -> pd.DataFrame:
    t = _df(transactions)
    t = t[t["row_checks_failed"].fillna("") == ""]
    t = t.merge(_df(filings), on="doc_id", how="left").merge(_df(matches), on="doc_id", how="left")
    t["filer_key"] = t["bioguide_id"].fillna(t["filer_name"].fillna("") + "|" + t["state_district"].fillna(""))
    name = t["asset_name"].str.replace(r"\s+", " ", regex=True).str.strip(" \t\n\r\v\f").str.upper()
    t["asset_key"] = np.where(t["ticker"].notna(), "T:" + t["ticker"].fillna(""), "N:" + name.fillna(""))
    t.loc[t["ticker"].isna() & t["asset_name"].isna(), "asset_key"] = None
    t["_owner"] = t["owner"].fillna("")
    t = t.reset_index(drop=True)
    t["_row"] = np.arange(len(t))
    # Amendments: rows superseded by an amended row of a later filing of the same filer.
    amended = t[t["filing_status"].str.lower().str.startswith("amend").fillna(False).astype(bool)]
    keys = ["filer_key", "asset_key", "transaction_date", "_owner"]
    a = amended[keys + ["filing_date", "doc_id"]].dropna(subset=["asset_key", "transaction_date"])
    a = a.rename(columns={"filing_date": "a_filed", "doc_id": "a_doc"})
    hit = t[keys + ["_row", "filing_date", "doc_id"]].merge(a, on=keys)
    hit = hit[(hit["doc_id"] != hit["a_doc"]) & (_dates(hit["filing_date"]) < _dates(hit["a_filed"]))]
    t = t[~t["_row"].isin(hit["_row"])].copy()
    t["_day"] = t["transaction_date"].fillna(t["filing_date"])
    k1 = _member_at(t, members, "_day", "k1")
    k2 = _member_at(t, members, "filing_date", "k2")
    t["member_key"] = k1.fillna(k2)
    attrs = members[["member_key", "party", "state", "district"]]
    t = t.merge(attrs, on="member_key", how="left")
    t["chamber"] = "house"  # the chamber filed with: these are the Clerk's PTRs
    traded, notified, filed = _dates(t["transaction_date"]), _dates(t["notification_date"]), _dates(t["filing_date"])
    by_trade = traded + pd.Timedelta(days=45)
    due = by_trade.where(notified.isna(), np.minimum(by_trade, notified + pd.Timedelta(days=30)))
    t["due_date"] = due.dt.date
    t["is_late"] = (filed > due).where(filed.notna() & due.notna())
    t["amount_midpoint"] = np.where(t["amount_high"].isna(), t["amount_low"],
                                    (t["amount_low"] + t["amount_high"]) / 2)
    t["days_to_notification"] = (notified - traded).dt.days
    t["days_to_filing"] = (filed - traded).dt.days
    t["transaction_key"] = t["doc_id"].astype("int64") * 10000 + t["line_no"]
    return t[["transaction_key", "doc_id", "line_no", "year", "bioguide_id", "member_key", "filer_name", "party",
              "state", "district", "chamber", "owner", "ticker", "asset_name", "asset_type", "asset_key",
              "transaction_type", "transaction_date", "notification_date", "filing_date", "amount_range",
              "amount_low", "amount_high", "amount_midpoint", "days_to_notification", "days_to_filing", "due_date",
              "is_late", "cap_gains_over_200", "description", "subholding_of", "pdf_url", "extraction_method",
              "extractor_version"]]


def _most_common(f: pd.DataFrame, column: str) -> pd.DataFrame:
    n = f.dropna(subset=[column]).groupby(["asset_key", column]).size().rename("n").reset_index()
    n = n.sort_values(["asset_key", "n", column], ascending=[True, False, True])
    return n.drop_duplicates("asset_key")[["asset_key", column]]


def dim_assets(facts: pd.DataFrame, securities: pa.Table) -> pd.DataFrame:
    stats = facts.groupby("asset_key", as_index=False, dropna=False).agg(
        ticker=("ticker", "max"), first_traded=("transaction_date", "min"),
        last_traded=("transaction_date", "max"), trade_count=("asset_key", "size"))
    s = _df(securities)[["ticker", "company_name", "sector"]]
    j = stats.merge(_most_common(facts, "asset_name"), on="asset_key", how="left")
    j = j.merge(_most_common(facts, "asset_type"), on="asset_key", how="left").merge(s, on="ticker", how="left")
    return j[["asset_key", "ticker", "asset_name", "asset_type", "company_name", "sector", "first_traded",
              "last_traded", "trade_count"]]


def agg_trending_stocks(facts: pd.DataFrame) -> pd.DataFrame:
    f = facts[facts["ticker"].notna()].copy()
    f["member"] = f["bioguide_id"].fillna("filer:" + f["filer_name"].fillna(""))
    f["is_buy"] = f["transaction_type"] == "purchase"
    f["is_sell"] = f["transaction_type"].isin(["sale", "partial_sale"])
    # One ranking over both chambers, and one per chamber from its rows alone.
    scopes = [("both", f)] + [(c, f[f["chamber"] == c]) for c in ("house", "senate")]
    frames = []
    for scope, rows in scopes:
        for basis, column in (("disclosure", "filing_date"), ("trade", "transaction_date")):
            ev = rows[rows[column].notna()].assign(event_date=lambda d, c=column: _dates(d[c]))
            ev = ev.sort_values("event_date")
            days = ev["event_date"].to_numpy()
            for as_of in np.unique(days):
                for window in (7, 30, 90):
                    lo = np.searchsorted(days, as_of - np.timedelta64(window, "D"), side="right")
                    hi = np.searchsorted(days, as_of, side="right")
                    win = ev.iloc[lo:hi]
                    g = win.groupby("ticker")
                    out = pd.DataFrame({
                        "asset_name": g["asset_name"].max(),
                        "trades": g.size(),
                        "members": g["member"].nunique(),
                        "buying_members": win[win["is_buy"]].groupby("ticker")["member"].nunique(),
                        "selling_members": win[win["is_sell"]].groupby("ticker")["member"].nunique(),
                        "buy_volume": win[win["is_buy"]].groupby("ticker")["amount_midpoint"].sum(),
                        "sell_volume": win[win["is_sell"]].groupby("ticker")["amount_midpoint"].sum(),
                        "dem_trades": win[win["party"] == "Democrat"].groupby("ticker").size(),
                        "rep_trades": win[win["party"] == "Republican"].groupby("ticker").size(),
                        "other_trades": win[~win["party"].isin(["Democrat", "Republican"])].groupby("ticker").size(),
                    }).reset_index()
                    out["as_of_date"], out["window_days"], out["basis"], out["chamber"] = as_of, window, basis, scope
                    frames.append(out)
    out = pd.concat(frames, ignore_index=True)
    for c in ("buying_members", "selling_members", "dem_trades", "rep_trades", "other_trades"):
        out[c] = out[c].fillna(0).astype("int64")
    out["buy_volume"] = out["buy_volume"].fillna(0.0)
    out["sell_volume"] = out["sell_volume"].fillna(0.0)
    out["net_volume"] = out["buy_volume"] - out["sell_volume"]
    out = out.sort_values(["as_of_date", "window_days", "chamber", "basis", "trades", "members", "ticker"],
                          ascending=[True, True, True, True, False, False, True])
    out["rank"] = out.groupby(["as_of_date", "window_days", "chamber", "basis"]).cumcount() + 1
    out["as_of_date"] = out["as_of_date"].dt.date
    return out[["as_of_date", "window_days", "basis", "ticker", "asset_name", "trades", "members",
                "buying_members", "selling_members", "buy_volume", "sell_volume", "net_volume", "dem_trades",
                "rep_trades", "other_trades", "rank", "chamber"]]


def agg_member_stats(facts: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    f = facts[facts["bioguide_id"].notna()]
    dated = f[f["transaction_date"].notna()]
    d = _dates(dated["transaction_date"])
    q_start = pd.to_datetime(pd.DataFrame({"year": d.dt.year, "month": (d.dt.quarter - 1) * 3 + 1, "day": 1}))
    periods = pd.concat([
        f.assign(period="all", period_start=pd.NaT, period_end=pd.NaT),
        dated.assign(period=d.dt.year.astype(str), period_start=pd.to_datetime(d.dt.year.astype(str) + "-01-01"),
                     period_end=pd.to_datetime(d.dt.year.astype(str) + "-12-31")),
        dated.assign(period=d.dt.year.astype(str) + "-Q" + d.dt.quarter.astype(str), period_start=q_start,
                     period_end=q_start + pd.DateOffset(months=3) - pd.Timedelta(days=1)),
    ], ignore_index=True)
    periods["is_buy"] = periods["transaction_type"] == "purchase"
    periods["is_sell"] = periods["transaction_type"].isin(["sale", "partial_sale"])
    periods["late"] = periods["is_late"].fillna(False).astype(bool)
    periods["late_known_"] = periods["is_late"].notna()
    stats = periods.groupby(["period", "bioguide_id"], as_index=False).agg(
        period_start=("period_start", "min"), period_end=("period_end", "max"), trades=("period", "size"),
        est_volume=("amount_midpoint", "sum"), buys=("is_buy", "sum"), sells=("is_sell", "sum"),
        distinct_tickers=("ticker", "nunique"), late_count=("late", "sum"), late_known=("late_known_", "sum"),
        median_days_to_disclose=("days_to_filing", "median"), first_trade=("transaction_date", "min"),
        last_trade=("transaction_date", "max"))
    cur = members[members["is_current"]][["bioguide_id", "member_key", "full_name", "party", "state"]]
    j = stats.merge(cur, on="bioguide_id", how="left")
    j["late_rate"] = j["late_count"] / j["late_known"].where(j["late_known"] > 0)
    j["period_start"] = j["period_start"].dt.date
    j["period_end"] = j["period_end"].dt.date
    return j[["period", "period_start", "period_end", "bioguide_id", "member_key", "full_name", "party", "state",
              "trades", "est_volume", "buys", "sells", "distinct_tickers", "late_count", "late_rate",
              "median_days_to_disclose", "first_trade", "last_trade", "late_known"]]


def _steps(silver: Callable[[str, str], pa.Table], frames: Mapping[str, pd.DataFrame]
           ) -> Mapping[str, Callable[[], pd.DataFrame]]:
    """Each re-implemented Gold table's build, from Silver and the frames built before it."""
    return {
        "gold.dim_members": lambda: dim_members(silver("gold.dim_members", "members"),
                                                silver("gold.dim_members", "terms")),
        "gold.fact_filings": lambda: fact_filings(
            silver("gold.fact_filings", "filings"), silver("gold.fact_filings", "documents"),
            silver("gold.fact_filings", "matches"), frames["gold.dim_members"]),
        "gold.fact_transactions": lambda: fact_transactions(
            silver("gold.fact_transactions", "transactions"), silver("gold.fact_transactions", "filings"),
            silver("gold.fact_transactions", "matches"), frames["gold.dim_members"]),
        "gold.dim_assets": lambda: dim_assets(frames["gold.fact_transactions"],
                                              silver("gold.dim_assets", "securities")),
        "gold.agg_trending_stocks": lambda: agg_trending_stocks(frames["gold.fact_transactions"]),
        "gold.agg_member_stats": lambda: agg_member_stats(frames["gold.fact_transactions"],
                                                          frames["gold.dim_members"]),
    }


TABLES = tuple(_steps(lambda job, param: pa.table({}), {}))
"""The Gold tables re-implemented here (a new Gold table is benchmarked only once it is added)."""


def build(jobs: list[str], silver: Callable[[str, str], pa.Table],
          cast: Callable[[str, pa.Table], pa.Table]) -> tuple[dict[str, pa.Table], dict[str, float]]:
    """Run ``jobs`` in order; ``silver(job, param)`` gives a job's Silver input as Arrow."""
    frames: dict[str, pd.DataFrame] = {}
    outputs: dict[str, pa.Table] = {}
    seconds: dict[str, float] = {}

    def finish(name: str, df: pd.DataFrame) -> None:
        frames[name] = df
        outputs[name] = cast(name, pa.Table.from_pandas(df, preserve_index=False))

    steps = _steps(silver, frames)
    for name in jobs:
        began = time.perf_counter()
        finish(name, steps[name]())
        seconds[name] = time.perf_counter() - began
    return outputs, seconds
