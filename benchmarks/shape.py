"""The shape of the real 2025 data, measured from the shared sample, for the scale generator.

What comes from where:

* ``{shared}/house/2025FD.xml`` (the real index): filings per type, PTRs per filer, PTR filing
  dates (day of year), the paper share of PTRs (7-digit DocIDs), the filer/PTR ratio.
* the three real e-filed PTRs, read with :func:`jobs.silver.ptr_pdf.extract_ptr`: rows per PTR
  (their spread), amount buckets, owners, asset types, days from trade to notification and from
  notification to filing.
* the domain guide's volume facts (extracted 2025 PTR trades: 5,433 rows across 1,018 unique
  tickers, 3,275 purchases, 2,142 sales): mean rows per e-filed PTR, ticker popularity, buy/sell split.

Three PTRs (72 rows) are a thin sample, so categorical shares are smoothed (every category keeps
a little weight) and the rows-per-PTR spread is a log-normal with the sample's spread and the
domain guide's mean. The late-filing tail is an assumption (no sample row is late); it is stated
in BENCHMARKS.md. Without the shared data, the fallback constants below (the values measured on
it) are used, so the harness also runs on a machine without real records.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import logging
import math
import os
import xml.etree.ElementTree as ET
from pathlib import Path

logger = logging.getLogger(__name__)

AMOUNT_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("$1,001 - $15,000", 1001, 15000),
    ("$15,001 - $50,000", 15001, 50000),
    ("$50,001 - $100,000", 50001, 100000),
    ("$100,001 - $250,000", 100001, 250000),
    ("$250,001 - $500,000", 250001, 500000),
    ("$500,001 - $1,000,000", 500001, 1000000),
    ("$1,000,001 - $5,000,000", 1000001, 5000000),
    ("$5,000,001 - $25,000,000", 5000001, 25000000),
    ("$25,000,001 - $50,000,000", 25000001, 50000000),
    ("Over $50,000,000", 50000001, None),
)
OWNERS: tuple[str | None, ...] = (None, "SP", "JT", "DC")
TX_TYPES: tuple[str, ...] = ("purchase", "sale", "partial_sale", "exchange")

# Domain guide section 9: extracted 2025 PTR trades.
REAL_TRADES_2025 = 5433
REAL_UNIQUE_TICKERS_2025 = 1018
REAL_PURCHASES_2025 = 3275
REAL_SALES_2025 = 2142
REAL_EFILED_PTRS_2025 = 414
LATE_SHARE = 0.08
"""Share of PTRs filed after the STOCK Act deadline. Assumed: none of the 72 sample rows is late."""


@dataclasses.dataclass(frozen=True)
class Shape:
    """Distributions the generator draws from (weights need not sum to 1)."""

    type_counts: dict[str, int]
    """Filings per FilingType in the 2025 index."""
    ptrs_per_filer: tuple[int, ...]
    """PTRs per distinct PTR filer in 2025 (one value per filer)."""
    ptr_days_of_year: tuple[int, ...]
    """Day of year (0-based) of every dated 2025 PTR."""
    paper_ptr_share: float
    rows_per_ptr_mean: float
    rows_per_ptr_log_sd: float
    amount_weights: tuple[float, ...]
    """Per AMOUNT_BUCKETS entry."""
    owner_weights: tuple[float, ...]
    """Per OWNERS entry."""
    tx_weights: tuple[float, ...]
    """Per TX_TYPES entry."""
    asset_type_weights: dict[str, float]
    notify_lags: tuple[int, ...]
    """Days from trade to notification, one per sample row."""
    file_lags: tuple[int, ...]
    """Days from notification to filing, one per sample row."""
    unique_ticker_ratio: float
    """Unique tickers per trade in a year (1,018 / 5,433)."""
    late_share: float
    source: str
    """Where the numbers came from ('shared data at …' or 'built-in fallback')."""


FALLBACK = Shape(
    type_counts={"C": 565, "P": 471, "X": 361, "D": 99, "T": 49, "A": 32, "W": 27, "E": 5, "G": 5, "B": 2,
                 "O": 1, "H": 1},
    ptrs_per_filer=(23, 17, 14, 13, 11, 11, 11, 11, 10, 10, 10, 10, 10, 10, 10, 10, 9, 9, 9, 9, 8, 8, 8, 7, 7, 7,
                    7, 6, 6, 6, 6, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
                    3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    ptr_days_of_year=tuple(range(0, 326, 1)),
    paper_ptr_share=57 / 471,
    rows_per_ptr_mean=REAL_TRADES_2025 / REAL_EFILED_PTRS_2025,
    rows_per_ptr_log_sd=1.17,
    amount_weights=(62.5, 2.5, 1.5, 3.5, 5.5, 3.5, 3.5, 2.5, 0.5, 0.5),
    owner_weights=(63.5, 9.5, 0.5, 0.5),
    tx_weights=(REAL_PURCHASES_2025, REAL_SALES_2025 * 0.55, REAL_SALES_2025 * 0.45, 16),
    asset_type_weights={"ST": 60.5, "OP": 5.5, "GS": 2.5, "EF": 1.5, "CS": 1.5},
    notify_lags=(0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2),
    file_lags=(3, 3, 17, 17, 18, 19, 2, 2, 5, 6, 28, 17),
    unique_ticker_ratio=REAL_UNIQUE_TICKERS_2025 / REAL_TRADES_2025,
    late_share=LATE_SHARE,
    source="built-in fallback (values measured on the shared sample)",
)

REAL_PTR_FILES = {"20026590": "P_20026590_real.pdf", "20026658": "PTR_sample2.pdf", "20027933": "PTR_sample3.pdf"}


def shared_house_dir() -> Path:
    root = Path(os.environ.get("LAKEHOUSE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    return root / "house"


def load_shape(house: Path | None = None) -> Shape:
    """Measure the shape from the shared sample; fall back to :data:`FALLBACK` when it is absent."""
    house = house or shared_house_dir()
    index = house / "2025FD.xml"
    if not index.exists() or not all((house / f).exists() for f in REAL_PTR_FILES.values()):
        logger.warning("shared sample not found under %s; using the built-in shape", house)
        return FALLBACK
    return _measure(house)


def _measure(house: Path) -> Shape:
    from jobs.silver.ptr_pdf import extract_ptr

    text = (house / "2025FD.xml").read_bytes().decode("utf-8-sig")
    records = [{c.tag: (c.text or "").strip() for c in m} for m in ET.fromstring(text)]
    type_counts = dict(collections.Counter(r["FilingType"] for r in records))
    ptrs = [r for r in records if r["FilingType"] == "P"]
    per_filer = collections.Counter((r["Last"], r["First"], r["StateDst"]) for r in ptrs)
    filing_dates = {r["DocID"]: _mdy(r["FilingDate"]) for r in ptrs}
    days = tuple(sorted(d.timetuple().tm_yday - 1 for d in filing_dates.values() if d))
    paper = sum(1 for r in ptrs if len(r["DocID"]) == 7) / len(ptrs)

    amounts = collections.Counter()
    owners = collections.Counter()
    asset_types = collections.Counter()
    notify, file_lags, row_counts = [], [], []
    for doc_id, name in REAL_PTR_FILES.items():
        doc = extract_ptr((house / name).read_bytes())
        filed = filing_dates.get(doc_id) or (doc.header.signature_date if doc.header else None)
        row_counts.append(len(doc.rows))
        for row in doc.rows:
            amounts[row.amount_range] += 1
            owners[row.owner] += 1
            asset_types[row.asset_type or "GS"] += 1
            if row.transaction_date and row.notification_date:
                notify.append((row.notification_date - row.transaction_date).days)
                if filed:
                    file_lags.append((filed - row.notification_date).days)
    log_counts = [math.log(n) for n in row_counts]
    mean_log = sum(log_counts) / len(log_counts)
    log_sd = math.sqrt(sum((x - mean_log) ** 2 for x in log_counts) / (len(log_counts) - 1))
    smooth = 0.5  # every category keeps a little weight: 72 rows are a thin sample
    for code in FALLBACK.asset_type_weights:
        asset_types[code] += 0
    return Shape(
        type_counts=type_counts,
        ptrs_per_filer=tuple(sorted(per_filer.values(), reverse=True)),
        ptr_days_of_year=days,
        paper_ptr_share=paper,
        rows_per_ptr_mean=REAL_TRADES_2025 / REAL_EFILED_PTRS_2025,
        rows_per_ptr_log_sd=log_sd,
        amount_weights=tuple(amounts.get(label, 0) + smooth for label, _, _ in AMOUNT_BUCKETS),
        owner_weights=tuple(owners.get(o, 0) + smooth for o in OWNERS),
        tx_weights=(REAL_PURCHASES_2025, REAL_SALES_2025 * 0.55, REAL_SALES_2025 * 0.45, 16),
        asset_type_weights={k: v + smooth for k, v in asset_types.items()},
        notify_lags=tuple(notify),
        file_lags=tuple(file_lags),
        unique_ticker_ratio=REAL_UNIQUE_TICKERS_2025 / REAL_TRADES_2025,
        late_share=LATE_SHARE,
        source=f"shared data at {house}",
    )


def _mdy(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%m/%d/%Y").date()
    except ValueError:
        return None
