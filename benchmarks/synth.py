"""Scale generator: Silver-level tables shaped like the real 2025 data, at any number of trades.

Everything the Gold jobs read is generated, vectorised with numpy: ``silver.filings``,
``silver.ptr_transactions``, ``silver.filer_matches``, ``silver.members``, ``silver.member_terms``,
``silver.securities`` and ``bronze.house_documents`` (PDF metadata; the bytes are left empty, no
Gold job reads them). Filers are fictional (``Filer000123``), tickers are real listed symbols from
the SEC list (public reference data) in market-cap order so that popularity follows it.

How the real shape carries over to millions of trades (see :mod:`benchmarks.shape`):

* each year of the span (:data:`YEARS`) looks like 2025: PTR filing dates drawn from the real
  2025 PTR dates, non-PTR filings by the 2025 type mix (2.4 per PTR), 12 % paper PTRs;
* filers scale with volume, each keeping an activity drawn from the real PTRs-per-filer list, so
  the per-filer shape (a few file most PTRs) is the real one; ~97 % of PTR filers are Members;
* rows per PTR are log-normal with the real sample's spread and the real mean (13.1);
* tickers follow a Zipf law fitted so that a year of real volume (5,433 trades) touches 1,018
  distinct tickers, as in 2025; amount buckets, owners, asset types and trade/notification/filing
  lags are drawn from the three real PTRs; 8 % of PTRs are late (assumed);
* 1 % of PTRs are amendments that re-report rows of an earlier PTR of the same filer.

The newest PTRs (by filing date) beyond ``n_trades`` are held back as increments of 1 % each,
for the incremental benchmark (they arrive like the Clerk's next index update).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import math
import shutil
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from benchmarks.shape import AMOUNT_BUCKETS, OWNERS, TX_TYPES, Shape, load_shape, shared_house_dir
from catalog.registry import table_spec

logger = logging.getLogger(__name__)

GENERATOR_VERSION = "1"
YEARS = (2022, 2023, 2024, 2025)
"""The span. Four yearly partitions; the trending table's size grows with the span, not the volume."""
UNIVERSE = 6000
"""Tickers that can be traded (the SEC list has 10,077; the tail is never reached)."""
AMENDED_SHARE = 0.01
MEMBER_SHARE = 456 / 471
"""PTRs whose filer is a Member ('Hon.' in the 2025 index)."""
EPOCH = dt.date(1970, 1, 1)
SILVER_TABLES = ("silver.filings", "silver.ptr_transactions", "silver.filer_matches", "silver.members",
                 "silver.member_terms", "silver.securities", "bronze.house_documents")

TYPE_NAMES = {
    "P": "periodic transaction report", "C": "candidate report", "A": "amendment report",
    "T": "terminated filer report", "H": "new filer report", "O": "paper financial disclosure report",
    "X": "extension request", "D": "candidate notification", "W": "candidate withdrawal",
    "E": "terminated employee exemption", "G": "gift disclosure waiver request",
    "B": "qualified blind trust correspondence",
}
# Non-PTR DocID families (first id): e-filed types get 8 digits like the real ones; W is widened
# from 4 digits because millions of filings do not fit there.
_FAMILY_BASE = {"C": 10_000_000, "T": 10_000_000, "A": 10_000_000, "H": 10_000_000, "X": 30_000_000,
                "D": 40_000_000, "E": 40_000_000, "W": 50_000_000, "G": 80_000_000, "B": 80_000_000,
                "O": 80_000_000}
_STATES = ("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
           "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
           "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY")
_SECTORS = ("Information Technology", "Financials", "Health Care", "Industrials", "Consumer Discretionary",
            "Communication Services", "Consumer Staples", "Energy", "Utilities", "Real Estate", "Materials")


@dataclasses.dataclass
class Dataset:
    """Generated tables: the base (``n_trades`` trades) and held-back increments of new filings."""

    n_trades: int
    tables: dict[str, pa.Table]
    increments: list[dict[str, pa.Table]]
    shape_source: str
    seconds: float

    def rows(self) -> dict[str, int]:
        return {name: t.num_rows for name, t in self.tables.items()}


# --------------------------------------------------------------------------------------------
# Reference: tickers and bonds


def _universe(rng: np.random.Generator) -> tuple[list[str], list[str], list[int], list[str]]:
    """(tickers, company names, CIKs, exchanges) in popularity order."""
    ref = shared_house_dir().parent / "reference"
    tickers, names, ciks, exchanges = [], [], [], []
    path = ref / "sec_company_tickers_exchange.json"
    if path.exists():
        data = json.loads(path.read_text())
        seen = set()
        for cik, name, ticker, exchange in data["data"]:
            ticker = ticker.replace("-", ".")
            if ticker in seen:
                continue
            seen.add(ticker)
            tickers.append(ticker)
            names.append(name)
            ciks.append(cik)
            exchanges.append(exchange or "")
    letters = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    while len(tickers) < UNIVERSE:  # a machine without the reference list: fictional symbols
        sym = "".join(rng.choice(letters, size=int(rng.integers(2, 5))))
        if sym not in tickers:
            tickers.append(sym)
            names.append(f"{sym.title()} Holdings Inc.")
            ciks.append(900000 + len(tickers))
            exchanges.append("NYSE")
    return tickers, names, ciks, exchanges


def _sp500() -> dict[str, tuple[str, str]]:
    import csv

    path = shared_house_dir().parent / "reference" / "sp500_constituents.csv"
    if not path.exists():
        return {}
    with path.open(newline="") as fh:
        return {r["Symbol"]: (r["GICS Sector"], r["GICS Sub-Industry"]) for r in csv.DictReader(fh)}


def zipf_exponent(universe: int, draws: int, distinct: int) -> float:
    """The Zipf exponent s for which ``draws`` picks from ``universe`` ranks hit ``distinct`` ranks on average."""
    ranks = np.arange(1, universe + 1, dtype=np.float64)

    def expected(s: float) -> float:
        p = ranks ** -s
        p /= p.sum()
        return float((1 - (1 - p) ** draws).sum())

    lo, hi = 0.2, 3.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if expected(mid) > distinct:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


# --------------------------------------------------------------------------------------------
# The generator


def generate(n_trades: int, *, seed: int = 7, increments: int = 3, shape: Shape | None = None) -> Dataset:
    """Generate ``n_trades`` trades (plus ``increments`` × 1 % held back) and everything around them."""
    started = time.perf_counter()
    shape = shape or load_shape()
    rng = np.random.default_rng(seed)
    n_years = len(YEARS)
    total = int(n_trades * (1 + 0.01 * increments)) + 1

    # PTRs: rows per PTR (log-normal with the real spread and mean), then filing dates.
    sd = shape.rows_per_ptr_log_sd
    mu = math.log(shape.rows_per_ptr_mean) - sd * sd / 2
    est = int(total / shape.rows_per_ptr_mean * 1.2) + 10
    counts = np.clip(np.rint(rng.lognormal(mu, sd, est)), 1, 250).astype(np.int64)
    cum = np.cumsum(counts)
    n_ptr = int(np.searchsorted(cum, total) + 1)
    counts = counts[:n_ptr]
    days = np.asarray(shape.ptr_days_of_year, dtype=np.int64)
    year_idx = rng.integers(0, n_years, n_ptr)
    doy = np.clip(rng.choice(days, n_ptr) + rng.integers(-3, 4, n_ptr), 0, 364)
    year_start = np.array([(dt.date(y, 1, 1) - EPOCH).days for y in YEARS])
    filed = year_start[year_idx] + doy
    order = np.argsort(filed, kind="stable")  # DocIDs rise with the filing date, as the Clerk's do
    counts, filed, year_idx = counts[order], filed[order], year_idx[order]
    # Base = PTRs up to n_trades rows; then increments of 1 % each (the newest filings).
    cum = np.cumsum(counts)
    bounds = [int(np.searchsorted(cum, n_trades * (1 + 0.01 * k), side="left")) + 1 for k in range(increments + 1)]
    bounds = [min(b, n_ptr) for b in bounds]
    # Filers: activity drawn from the real PTRs-per-filer list; the number scales with volume.
    activity = np.asarray(shape.ptrs_per_filer, dtype=np.float64)
    n_filers = max(4, round(n_ptr / n_years / activity.mean()))
    filer_weight = rng.choice(activity, n_filers)
    ptr_filer = rng.choice(n_filers, n_ptr, p=filer_weight / filer_weight.sum())
    filer_is_member = rng.random(n_filers) < MEMBER_SHARE
    is_paper = rng.random(n_ptr) < shape.paper_ptr_share
    ptr_doc = np.where(is_paper, 9_000_000 + np.cumsum(is_paper), 20_000_000 + np.cumsum(~is_paper))
    late = rng.random(n_ptr) < shape.late_share
    amended_ptr = _pick_amendments(rng, ptr_filer, n_ptr)

    tx = _transactions(rng, shape, counts, filed, year_idx, ptr_doc, is_paper, late, ptr_filer, amended_ptr)
    filer_names, filer_seat, members, terms, filer_bioguide = _people(rng, n_filers, filer_is_member)
    other = _other_filings(rng, shape, n_ptr, days, year_start, n_filers, filer_is_member)
    securities = _securities(rng)

    ptr_part = dict(doc=ptr_doc, filed=filed, year=np.asarray(YEARS)[year_idx], filer=ptr_filer, paper=is_paper)
    tables_all = _filing_tables(ptr_part, other, filer_names, filer_seat, filer_bioguide)
    tx_ptr_index = np.repeat(np.arange(n_ptr), counts)

    def ptr_slice(lo: int, hi: int) -> dict[str, pa.Table]:
        keep_ptr = np.zeros(n_ptr, dtype=bool)
        keep_ptr[lo:hi] = True
        docs = pa.array(ptr_doc[lo:hi].astype(str), pa.large_string())
        out = {"silver.ptr_transactions": tx.filter(pa.array(keep_ptr[tx_ptr_index]))}
        # Non-PTR filings go with the PTRs of the same period (by filing date).
        lo_day = filed[lo] if lo > 0 else -10**9
        hi_day = filed[hi] if hi < n_ptr else 10**9
        for name in ("silver.filings", "silver.filer_matches"):
            t = tables_all[name]
            is_ptr = pc.is_in(t["doc_id"], value_set=docs)
            other_in = pc.and_(pc.invert(t["_is_ptr"]),
                               pc.and_(pc.greater_equal(t["_day"], lo_day), pc.less(t["_day"], hi_day)))
            out[name] = t.filter(pc.or_(is_ptr, other_in)).drop_columns(["_is_ptr", "_day"])
        out["bronze.house_documents"] = _documents(ptr_doc[lo:hi], np.asarray(YEARS)[year_idx[lo:hi]], filed[lo:hi])
        return out

    base = ptr_slice(0, bounds[0])
    base |= {"silver.members": members, "silver.member_terms": terms, "silver.securities": securities}
    incs = [ptr_slice(bounds[k], bounds[k + 1]) for k in range(increments) if bounds[k + 1] > bounds[k]]
    logger.info("generated %d trades (+%d increments) in %.1fs", base["silver.ptr_transactions"].num_rows,
                len(incs), time.perf_counter() - started)
    return Dataset(n_trades, base, incs, shape.source, time.perf_counter() - started)


def _pick_amendments(rng: np.random.Generator, ptr_filer: np.ndarray, n_ptr: int) -> np.ndarray:
    """For each PTR, the earlier PTR (same filer) it amends, or -1."""
    amended = np.full(n_ptr, -1, dtype=np.int64)
    picks = np.flatnonzero(rng.random(n_ptr) < AMENDED_SHARE)
    last_of_filer: dict[int, list[int]] = {}
    pick_set = set(picks.tolist())
    for i, f in enumerate(ptr_filer.tolist()):  # PTRs are in filing-date order
        prior = last_of_filer.setdefault(f, [])
        if i in pick_set and prior:
            amended[i] = prior[int(rng.integers(0, len(prior)))]
        prior.append(i)
        if len(prior) > 20:
            del prior[0]
    return amended


def _transactions(rng, shape: Shape, counts, filed, year_idx, ptr_doc, is_paper, late, ptr_filer,
                  amended_ptr) -> pa.Table:
    n = int(counts.sum())
    ptr = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    line_no = (np.arange(n) - np.repeat(starts, counts) + 1).astype(np.int32)

    tickers, names, _, _ = _universe(rng)
    tickers, names = tickers[:UNIVERSE], names[:UNIVERSE]
    s = zipf_exponent(UNIVERSE, 5433, 1018)
    p = np.arange(1, UNIVERSE + 1, dtype=np.float64) ** -s
    tick = rng.choice(UNIVERSE, n, p=p / p.sum())
    at_w = shape.asset_type_weights
    no_ticker_share = (at_w.get("GS", 0) + at_w.get("CS", 0)) / sum(at_w.values())
    option_share = at_w.get("OP", 0) / sum(at_w.values())
    has_ticker = rng.random(n) >= no_ticker_share
    is_option = has_ticker & (rng.random(n) < option_share / (1 - no_ticker_share))
    bond_names = np.array([f"{rng.choice(('Placeholder', 'Testville', 'Sampleton', 'Fictional'))} County "
                           f"{rng.choice(_STATES)} General Obligation Bond {rng.integers(1, 6)}.{rng.integers(0, 999):03d}%"
                           f" due {rng.integers(1, 13):02d}/01/{rng.integers(2026, 2050)}" for _ in range(2000)])
    bond = rng.zipf(1.6, n) % len(bond_names)
    stock_names = np.array([f"{nm} - Common Stock" for nm in names])
    ticker_arr = pa.array(np.array(tickers, dtype=object)[tick], pa.large_string())
    ticker_arr = pc.if_else(pa.array(has_ticker), ticker_arr, pa.scalar(None, pa.large_string()))
    asset_name = np.where(has_ticker, stock_names[tick], bond_names[bond])
    asset_type = np.where(is_option, "OP", np.where(has_ticker, "ST", np.where(rng.random(n) < 0.8, "GS", "CS")))

    owner_idx = rng.choice(len(OWNERS), n, p=np.asarray(shape.owner_weights) / sum(shape.owner_weights))
    owner = pa.array(np.array(OWNERS, dtype=object)[owner_idx], pa.large_string())
    tx_idx = rng.choice(len(TX_TYPES), n, p=np.asarray(shape.tx_weights) / sum(shape.tx_weights))
    tx_type = np.array(TX_TYPES)[tx_idx]
    amt_idx = rng.choice(len(AMOUNT_BUCKETS), n, p=np.asarray(shape.amount_weights) / sum(shape.amount_weights))
    labels = np.array([b[0] for b in AMOUNT_BUCKETS])[amt_idx]
    lows = np.array([b[1] for b in AMOUNT_BUCKETS], dtype=np.int64)[amt_idx]
    highs = pa.array([b[2] for b in AMOUNT_BUCKETS], pa.int64()).take(pa.array(amt_idx))

    notify_lag = rng.choice(np.asarray(shape.notify_lags), n)
    file_lag = rng.choice(np.asarray(shape.file_lags), n) + rng.integers(0, 3, n)
    file_lag = file_lag + np.where(late[ptr], rng.integers(16, 300, n), 0)
    filed_row = filed[ptr]
    notified = filed_row - file_lag
    traded = notified - notify_lag

    status = np.full(n, "New", dtype=object)
    amended_rows = np.flatnonzero(amended_ptr[ptr] >= 0)
    if len(amended_rows):
        # An amendment re-reports rows of the PTR it amends: same asset, trade date and owner.
        target = amended_ptr[ptr[amended_rows]]
        src = starts[target] + (line_no[amended_rows] - 1) % counts[target]
        for arr in (tick, has_ticker, is_option, bond, owner_idx, traded):
            arr[amended_rows] = arr[src]
        asset_name[amended_rows] = asset_name[src]
        asset_type[amended_rows] = asset_type[src]
        status[amended_rows] = "Amended"
        ticker_arr = pa.array(np.array(tickers, dtype=object)[tick], pa.large_string())
        ticker_arr = pc.if_else(pa.array(has_ticker), ticker_arr, pa.scalar(None, pa.large_string()))
        owner = pa.array(np.array(OWNERS, dtype=object)[owner_idx], pa.large_string())
        notified = np.maximum(notified, traded)
    is_sale = np.isin(tx_idx, (1, 2))
    cap_gains = is_sale & (rng.random(n) < 0.4)
    description = np.where(is_option, "Purchased 10 call options with a strike price of $150 and an expiration "
                           "date of 1/16/26.", None)
    trusts = rng.random(len(counts)) < 0.2
    subholding = np.where(trusts[ptr] & (rng.random(n) < 0.6), "Family Trust Brokerage Account", None)
    checks_failed = np.where(rng.random(n) < 0.003, "notification_before_trade", "")
    doc_str = ptr_doc.astype(str)
    sha = np.array([hashlib.sha256(d.encode()).hexdigest() for d in doc_str])
    ts = pa.scalar(dt.datetime(2025, 12, 1, tzinfo=dt.UTC), pa.timestamp("us", tz="UTC"))

    cols = {
        "doc_id": pa.array(doc_str, pa.large_string()).take(pa.array(ptr)),
        "line_no": pa.array(line_no),
        "year": pa.array(np.asarray(YEARS, dtype=np.int32)[year_idx[ptr]]),
        "owner": owner,
        "asset_name": pa.array(asset_name, pa.large_string()),
        "ticker": ticker_arr,
        "asset_type": pa.array(asset_type, pa.large_string()),
        "transaction_type": pa.array(tx_type, pa.large_string()),
        "transaction_date": _dates(traded),
        "notification_date": _dates(notified),
        "amount_range": pa.array(labels, pa.large_string()),
        "amount_low": pa.array(lows),
        "amount_high": highs,
        "cap_gains_over_200": pa.array(cap_gains),
        "filing_status": pa.array(status, pa.large_string()),
        "subholding_of": pa.array(subholding, pa.large_string()),
        "description": pa.array(description, pa.large_string()),
        "comment": pa.nulls(n, pa.large_string()),
        "page": pa.array((1 + (line_no - 1) // 9).astype(np.int32)),
        "row_checks_failed": pa.array(checks_failed, pa.large_string()),
        "extraction_method": pa.array(np.where(is_paper[ptr], "ocr", "text"), pa.large_string()),
        "extractor_version": pa.array(np.full(n, "bench-" + GENERATOR_VERSION), pa.large_string()),
        "pdf_sha256": pa.array(sha, pa.large_string()).take(pa.array(ptr)),
        "extracted_at": pa.array(np.full(n, ts.value), pa.int64()).cast(pa.timestamp("us", tz="UTC")),
    }
    return _conform(pa.table(cols), "silver.ptr_transactions")


def _dates(days: np.ndarray) -> pa.Array:
    return pa.array(days.astype(np.int32), pa.int32()).cast(pa.date32())


def _people(rng, n_filers: int, is_member: np.ndarray):
    """Filer names and seats, Members (bioguide ids), their terms (some change party or seat)."""
    ids = np.arange(n_filers)
    last = np.char.add("Filer", np.char.zfill(ids.astype(str), 6))
    first = np.array(["Alex", "Jordan", "Casey", "Morgan", "Riley", "Taylor", "Jamie", "Avery"])[ids % 8]
    state = np.array(_STATES)[rng.integers(0, len(_STATES), n_filers)]
    district = rng.integers(1, 20, n_filers)
    seat = np.char.add(state, np.char.zfill(district.astype(str), 2))
    names = np.char.add(np.char.add(first, " "), last)
    members_idx = np.flatnonzero(is_member)
    m = len(members_idx)
    letters = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    bioguide = np.char.add(letters[members_idx % 26], np.char.zfill((members_idx // 26 + 1).astype(str), 6))
    filer_bioguide = np.full(n_filers, None, dtype=object)
    filer_bioguide[members_idx] = bioguide
    members = _conform(pa.table({
        "bioguide_id": pa.array(bioguide, pa.large_string()),
        "first_name": pa.array(first[members_idx], pa.large_string()),
        "last_name": pa.array(last[members_idx], pa.large_string()),
        "official_full_name": pa.array(names[members_idx], pa.large_string()),
        "gender": pa.array(np.where(rng.random(m) < 0.3, "F", "M"), pa.large_string()),
    }), "silver.members")
    # House terms of the 117th..119th Congress; 1 in 4 Members arrives in 2023, 5 % switch party
    # or seat at a term boundary (a new dim_members version).
    term_starts = [dt.date(2021, 1, 3), dt.date(2023, 1, 3), dt.date(2025, 1, 3)]
    rows = {k: [] for k in ("bioguide_id", "term_no", "chamber", "state", "district", "party", "start_date",
                            "end_date", "end_is_scheduled")}
    party = np.where(rng.random(m) < 0.5, "Democrat", "Republican")
    first_term = np.where(rng.random(m) < 0.25, 1, 0)
    switch = rng.random(m) < 0.05
    for j in range(m):
        no = 0
        for k in range(first_term[j], 3):
            no += 1
            p = party[j]
            if switch[j] and k == 2:
                p = "Independent"
            rows["bioguide_id"].append(bioguide[j])
            rows["term_no"].append(no)
            rows["chamber"].append("house")
            rows["state"].append(state[members_idx[j]])
            rows["district"].append(int(district[members_idx[j]]))
            rows["party"].append(p)
            rows["start_date"].append(term_starts[k])
            rows["end_date"].append(term_starts[k].replace(year=term_starts[k].year + 2))
            rows["end_is_scheduled"].append(k == 2)
    terms = _conform(pa.table(rows), "silver.member_terms")
    return names, seat, members, terms, filer_bioguide


def _other_filings(rng, shape: Shape, n_ptr: int, days, year_start, n_filers, filer_is_member):
    """Non-PTR filings in the 2025 mix (C, X, D, T, A, W …), mostly by candidates."""
    mix = {t: c for t, c in shape.type_counts.items() if t != "P"}
    per_ptr = sum(mix.values()) / shape.type_counts["P"]
    n = int(n_ptr * per_ptr)
    types = np.array(list(mix))[rng.choice(len(mix), n, p=np.array(list(mix.values())) / sum(mix.values()))]
    year_idx = rng.integers(0, len(year_start), n)
    filed = year_start[year_idx] + np.clip(rng.choice(days, n) + rng.integers(-3, 4, n), 0, 364)
    by_member = np.isin(types, list("TEGBH"))
    filer = np.where(by_member, rng.integers(0, n_filers, n), -1)  # -1: a candidate, never a Member
    return dict(doc=np.zeros(n, dtype=np.int64), filed=filed, year=np.asarray(YEARS)[year_idx], filer=filer,
                types=types)


def _filing_tables(ptr: dict, other: dict, filer_names, filer_seat, filer_bioguide) -> dict[str, pa.Table]:
    n_p = len(ptr["doc"])
    doc = np.concatenate([ptr["doc"], _unique_other_ids(other)]).astype(str)
    types = np.concatenate([np.full(n_p, "P"), other["types"]])
    filed = np.concatenate([ptr["filed"], other["filed"]])
    year = np.concatenate([ptr["year"], other["year"]]).astype(np.int32)
    filer = np.concatenate([ptr["filer"], other["filer"]])
    paper = np.concatenate([ptr["paper"], np.char.str_len(doc[n_p:]) == 7])
    cand = filer < 0
    cand_ids = np.arange(len(filer))
    last = np.where(cand, np.char.add("Candidate", np.char.zfill((cand_ids % 500000).astype(str), 6)),
                    np.char.partition(filer_names[np.maximum(filer, 0)], " ")[:, 2])
    first = np.where(cand, "Sam", np.char.partition(filer_names[np.maximum(filer, 0)], " ")[:, 0])
    seat = np.where(cand, np.char.add(np.array(_STATES)[cand_ids % len(_STATES)], "01"),
                    filer_seat[np.maximum(filer, 0)])
    bioguide = np.where(cand, None, filer_bioguide[np.maximum(filer, 0)])
    name = np.char.add(np.char.add(first, " "), last)
    is_ptr = types == "P"
    folder = np.where(is_ptr, "ptr-pdfs", "financial-pdfs")
    url = np.char.add(np.char.add(np.char.add(np.char.add(
        "https://disclosures-clerk.house.gov/public_disc/", folder), np.char.add("/", year.astype(str))), "/"),
        np.char.add(doc, ".pdf"))
    fam = np.where(paper, "paper", np.where(is_ptr, "ptr_efiled", "fd_efiled"))
    state = np.char.ljust(seat, 2).astype("<U2")
    district = np.char.lstrip(np.array([s[2:] for s in seat]), "0")
    ts = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    dates = _dates(filed)
    filings = pa.table({
        "doc_id": pa.array(doc, pa.large_string()),
        "year": pa.array(year),
        "filing_type": pa.array(types, pa.large_string()),
        "filing_type_name": pa.array(np.vectorize(TYPE_NAMES.get)(types), pa.large_string()),
        "filing_date": dates,
        "prefix": pa.array(np.where(bioguide == None, "", "Hon."), pa.large_string()),  # noqa: E711
        "first_name": pa.array(first, pa.large_string()),
        "last_name": pa.array(last, pa.large_string()),
        "suffix": pa.array(np.full(len(doc), ""), pa.large_string()),
        "filer_name": pa.array(name, pa.large_string()),
        "state_district": pa.array(seat, pa.large_string()),
        "state": pa.array(state, pa.large_string()),
        "district": pa.array([int(d) if d else None for d in district], pa.int32()),
        "is_at_large": pa.array(district == ""),
        "is_efiled": pa.array(~paper),
        "doc_id_family": pa.array(fam, pa.large_string()),
        "pdf_url": pa.array(url, pa.large_string()),
        "is_amendment": pa.array(types == "A"),
        "index_record_count": pa.array(np.ones(len(doc), dtype=np.int32)),
        "source_url": pa.array(np.char.add(np.char.add("bench://", year.astype(str)), "FD.zip"), pa.large_string()),
        "ingested_at": pa.array([ts] * len(doc), pa.timestamp("us", tz="UTC")),
    })
    matched = bioguide != None  # noqa: E711
    matches = pa.table({
        "doc_id": filings["doc_id"],
        "year": filings["year"],
        "bioguide_id": pa.array(bioguide, pa.large_string()),
        "match_status": pa.array(np.where(matched, "matched", "not_a_member"), pa.large_string()),
        "match_rule": pa.array(np.where(matched, "seat_last_name", None), pa.large_string()),
        "candidates": pa.array(np.where(matched, bioguide, ""), pa.large_string()),
        "filer_name": filings["filer_name"],
        "state_district": filings["state_district"],
        "filing_date": dates,
    })
    extra = {"_is_ptr": pa.array(is_ptr), "_day": pa.array(filed)}
    out = {}
    for name_, t in (("silver.filings", filings), ("silver.filer_matches", matches)):
        t = _conform(t, name_)
        for k, v in extra.items():
            t = t.append_column(k, v)
        out[name_] = t
    return out


def _unique_other_ids(other: dict) -> np.ndarray:
    """Non-PTR DocIDs: one disjoint run per type inside its family's range."""
    types, doc = other["types"], np.zeros(len(other["types"]), dtype=np.int64)
    offsets: dict[int, int] = {}
    for t in sorted(set(types.tolist())):
        idx = np.flatnonzero(types == t)
        base = _FAMILY_BASE[t]
        start = base + offsets.get(base, 0)
        doc[idx] = start + np.arange(len(idx))
        offsets[base] = offsets.get(base, 0) + len(idx)
    return doc


def _documents(doc: np.ndarray, year: np.ndarray, filed: np.ndarray) -> pa.Table:
    doc_str = doc.astype(str)
    n = len(doc)
    ts = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    t = pa.table({
        "doc_id": pa.array(doc_str, pa.large_string()),
        "year": pa.array(year.astype(np.int32)),
        "filing_type": pa.array(np.full(n, "P"), pa.large_string()),
        "url": pa.array(np.char.add("bench://ptr-pdfs/", doc_str), pa.large_string()),
        "http_status": pa.array(np.full(n, 200, dtype=np.int32)),
        "content_type": pa.array(np.full(n, "application/pdf"), pa.large_string()),
        "size_bytes": pa.array(60_000 + (doc % 50_000)),
        "sha256": pa.array([hashlib.sha256(d.encode()).hexdigest() for d in doc_str], pa.large_string()),
        "content": pa.array([b""] * n, pa.large_binary()),
        "fetched_at": pa.array([ts] * n, pa.timestamp("us", tz="UTC")),
        "run_id": pa.array(np.full(n, "bench"), pa.large_string()),
    })
    return _conform(t, "bronze.house_documents")


def _securities(rng) -> pa.Table:
    tickers, names, ciks, exchanges = _universe(rng)
    sp = _sp500()
    sector = [sp.get(t, (None, None))[0] for t in tickers]
    if not sp:  # no reference list: the 500 most popular get a sector
        sector = [_SECTORS[i % len(_SECTORS)] if i < 500 else None for i in range(len(tickers))]
    return _conform(pa.table({
        "ticker": pa.array(tickers, pa.large_string()),
        "company_name": pa.array(names, pa.large_string()),
        "cik": pa.array(ciks, pa.int64()),
        "exchange": pa.array(exchanges, pa.large_string()),
        "sector": pa.array(sector, pa.large_string()),
        "sub_industry": pa.array([sp.get(t, (None, None))[1] for t in tickers], pa.large_string()),
        "in_sp500": pa.array([t in sp for t in tickers]),
    }), "silver.securities")


def _conform(t: pa.Table, identifier: str) -> pa.Table:
    """Columns in registry order and types; columns the generator leaves out are null."""
    schema = table_spec(identifier).arrow_schema()
    arrays = [t.column(f.name).cast(f.type) if f.name in t.column_names else pa.nulls(t.num_rows, f.type)
              for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


# --------------------------------------------------------------------------------------------
# Writing a lakehouse


def open_lakehouse(home: Path):
    from core.settings import load_settings
    from lakehouse.app import Lakehouse

    return Lakehouse.open(load_settings({"LAKEHOUSE_HOME": str(home)}))


def write_silver(home: Path, tables: dict[str, pa.Table], *, fresh: bool = True):
    """A new embedded lakehouse at ``home`` holding ``tables`` (one append commit each)."""
    if fresh and home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True, exist_ok=True)
    app = open_lakehouse(home)
    app.init()
    for name, table in tables.items():
        app.store.append(name, table)
    return app


def append_increment(app, increment: dict[str, pa.Table]) -> None:
    """New filings arrive: the silver jobs append their rows (new DocIDs only)."""
    for name, table in increment.items():
        app.store.append(name, table)


def cached_silver(root: Path, n_trades: int, *, seed: int = 7) -> Path:
    """The home of a lakehouse holding the base Silver tables at ``n_trades``; generated once."""
    home = root / f"silver-{n_trades}"
    stamp = home / "bench-dataset.json"
    want = {"generator": GENERATOR_VERSION, "seed": seed, "n_trades": n_trades}
    if stamp.exists() and json.loads(stamp.read_text()).get("key") == want:
        return home
    data = generate(n_trades, seed=seed, increments=0)
    write_silver(home, data.tables)
    stamp.write_text(json.dumps({"key": want, "rows": data.rows(), "shape": data.shape_source}))
    return home
