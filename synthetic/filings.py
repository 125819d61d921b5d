"""Fictional filers and filings: the seeded generator behind the synthetic mirror.
"""

from __future__ import annotations

import datetime
import logging
import pathlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)


SYNTHETIC_LABEL = "SYNTHETIC TEST DATA - fictional filer, not a House record"

AMOUNT_BUCKETS: tuple[str, ...] = (
    "$1,001 - $15,000",
    "$15,001 - $50,000",
    "$50,001 - $100,000",
    "$100,001 - $250,000",
    "$250,001 - $500,000",
    "$500,001 - $1,000,000",
    "$1,000,001 - $5,000,000",
    "$5,000,001 - $25,000,000",
    "$25,000,001 - $50,000,000",
    "Over $50,000,000",
)
"""The PTR amount buckets A-J, spelled exactly as e-filed PTRs print them."""

_AMOUNT_WEIGHTS = (600, 180, 80, 60, 40, 20, 13, 4, 2, 1)

TRANSACTION_CODES = {"purchase": "P", "sale": "S", "partial_sale": "S (partial)", "exchange": "E"}
"""Ground-truth transaction type -> the code printed in the PTR's Transaction Type column."""

# 2025 index counts per type (domain guide section 2) and the share of paper filings per type.
_TYPE_WEIGHTS = {"C": 565, "P": 471, "X": 361, "D": 99, "T": 49, "A": 32, "W": 27,
                 "E": 5, "G": 5, "B": 2, "O": 1, "H": 1}
_PAPER_SHARE = {"C": 11 / 565, "P": 0.12, "X": 57 / 361, "D": 19 / 99, "T": 5 / 49, "A": 0.0,
                "W": 5 / 27, "E": 0.4, "G": 1.0, "B": 1.0, "O": 1.0, "H": 0.0}
_MEMBER_TYPES = frozenset("PTEGBH")  # filed by (former) Members; the rest by candidates

# Reserved DocID ranges: real shapes, numbers the Clerk never issues. (first, last) per family.
_DOC_ID_RANGES = {
    "ptr": (29990000, 29999999),     # e-filed PTRs (real 2xxxxxxx)
    "fd": (19990000, 19999999),      # e-filed FD reports C/T/A/H (real 1xxxxxxx)
    "ext": (39990000, 39999999),     # e-filed extension requests (real 3xxxxxxx)
    "notice": (49990000, 49999999),  # e-filed notification letters D/E (real 4xxxxxxx)
    "wd": (9900, 9999),              # e-filed withdrawal notices (real 8xxx)
    "paper": (9900000, 9999999),     # paper filings, image-only (real 822xxxx / 9115xxx)
}
_EFILED_FAMILY = {"P": "ptr", "C": "fd", "T": "fd", "A": "fd", "H": "fd", "X": "ext",
                  "D": "notice", "E": "notice", "W": "wd"}
_ID_STEP = {"wd": (1, 1), "paper": (1, 40)}

_LAST_NAMES = (
    "Testworth", "Fakeley", "Placeholder", "Sampleton", "Mockridge", "Dummond", "Stubbings",
    "Fixturo", "Nullworth", "Examplar", "Pseudonymo", "Mockingham", "Fauxley", "Shamwell",
    "Loremby", "Ipsumford", "Dummyfield", "Specimenson", "Proxwell", "Makebelieve", "Notreal",
    "Fictionby", "Pretendergast", "Simulatti", "Decoyne", "Hypothetico", "Imaginari", "Dataford",
    "Seedwell", "Randomley", "Fixtureson", "Benchmarkle", "O'Testy", "McFakerson",
    "De Sampleville", "Mock-Testworth", "Van Dummond", "Stand-Inman",
)
_FIRST_NAMES = (
    "Alex", "Jordan", "Casey", "Morgan", "Riley", "Taylor", "Avery", "Quinn", "Jamie", "Robin",
    "Drew", "Parker", "Reese", "Skyler", "Dana", "Kendall", "Rowan", "Emerson", "Hayden",
    "Sawyer", "Blake", "Cameron", "Logan", "Peyton", "Marlow", "Ellis",
)
_NICKNAMES = ('"Sam"', '"Dee"', '"Tex"', '"Bo"', '"Kit"')
_SUFFIXES = (("", 940), ("Jr.", 15), ("Jr", 15), ("III", 10), ("II", 8), ("IV", 3), ("Sr.", 1))
_CANDIDATE_PREFIXES = (("", 850), ("Mr.", 80), ("Dr.", 40), ("Ms.", 20), ("Mrs.", 10))

# State -> number of House seats. One seat (and the territories and DC) print as district 00.
_STATES = dict(
    (s[:2], int(s[2:])) for s in (
        "AL7 AK1 AZ9 AR4 CA52 CO8 CT5 DE1 FL28 GA14 HI2 ID2 IL17 IN9 IA4 KS4 KY6 LA6 ME2 MD8 MA9 "
        "MI13 MN8 MS4 MO8 MT2 NE3 NV4 NH2 NJ12 NM3 NY26 NC14 ND1 OH15 OK5 OR6 PA17 RI2 SC7 SD1 "
        "TN9 TX38 UT4 VT1 VA11 WA10 WV2 WI8 WY1 DC1 GU1 MP1 PR1 VI1 AS1"
    ).split()
)

# (asset name, ticker or None, asset-type code). Tickers are real listed symbols so that
# enrichment can be demoed; the issuers of the untickered bonds are invented.
_ASSETS: tuple[tuple[str, str | None, str], ...] = (
    ("Apple Inc. - Common Stock", "AAPL", "ST"),
    ("Alphabet Inc. - Class A Common Stock", "GOOGL", "ST"),
    ("Amazon.com, Inc. - Common Stock", "AMZN", "ST"),
    ("Berkshire Hathaway Inc. New Common Stock", "BRK.B", "ST"),
    ("Brown Forman Corporation Class B Common Stock", "BF.B", "ST"),
    ("Microsoft Corporation - Common Stock", "MSFT", "ST"),
    ("NVIDIA Corporation - Common Stock", "NVDA", "ST"),
    ("Tesla, Inc. - Common Stock", "TSLA", "ST"),
    ("JPMorgan Chase & Co. Common Stock", "JPM", "ST"),
    ("Exxon Mobil Corporation Common Stock", "XOM", "ST"),
    ("Walt Disney Company (The) Common Stock", "DIS", "ST"),
    ("Meta Platforms, Inc. - Class A Common Stock", "META", "ST"),
    ("Costco Wholesale Corporation - Common Stock", "COST", "ST"),
    ("Visa Inc.", "V", "ST"),
    ("AT&T Inc.", "T", "ST"),
    ("Broadcom Inc. - Common Stock", "AVGO", "ST"),
    ("Lockheed Martin Corporation Common Stock", "LMT", "ST"),
    ("Palantir Technologies Inc. - Class A Common Stock", "PLTR", "ST"),
    ("iShares Bitcoin Trust ETF", "IBIT", "ST"),
    ("SPDR S&P 500 ETF Trust", "SPY", "EF"),
    ("Placeholder County OH General Obligation Bond 4.000% due 06/01/2031", None, "GS"),
    ("Testville Water Authority Revenue Bond 3.250% due 12/01/2029", None, "GS"),
    ("United States Treasury Bill 0.000% due 09/30/2026", None, "GS"),
    ("Sampleton Manufacturing Corp 5.125% Senior Note due 2030", None, "CS"),
)
_OPTION_UNDERLYINGS = ("AAPL", "GOOGL", "AMZN", "MSFT", "NVDA", "TSLA", "AVGO", "PLTR")

# Adobe Times-Roman / Times-Bold advance widths for ASCII 32..126 (1/1000 em).
_TIMES = [250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500,
          500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667,
          722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
          722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
          500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500,
          444, 480, 200, 480, 541]
_TIMES_BOLD = [250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500,
               500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722,
               667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
               556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444,
               556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333,
               556, 500, 722, 500, 500, 444, 394, 220, 394, 520]
_WIDTHS = {
    bold: {**{chr(32 + i): w for i, w in enumerate(table)}, "\u2022": 350}
    for bold, table in ((False, _TIMES), (True, _TIMES_BOLD))
}


@dataclass(frozen=True)
class SyntheticTransaction:
    """Ground truth of one PTR row, as the parser should recover it."""

    line_no: int
    owner: str | None
    asset_name: str
    ticker: str | None
    asset_type: str
    transaction_type: str  # 'purchase' | 'sale' | 'partial_sale' | 'exchange'
    transaction_date: datetime.date
    notification_date: datetime.date
    amount_range: str  # exact bucket label, one of AMOUNT_BUCKETS
    cap_gains_over_200: bool
    filing_status: str
    subholding_of: str | None
    description: str | None


@dataclass(frozen=True)
class SyntheticFiling:
    """One index row plus, for PTRs, the ground truth of its transactions."""

    doc_id: str
    prefix: str
    last: str
    first: str
    suffix: str
    filing_type: str
    state_dst: str
    year: int
    filing_date: datetime.date | None
    is_paper: bool
    transactions: tuple[SyntheticTransaction, ...]  # empty for non-PTRs


@dataclass(frozen=True)
class MirrorManifest:
    """What :func:`build_mirror` wrote, with the ground truth to check a pipeline against."""

    root: pathlib.Path
    year: int
    filings: tuple[SyntheticFiling, ...]
    index_zip: pathlib.Path
    pdf_paths: dict[str, pathlib.Path]  # doc_id -> pdf path


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Filer:
    prefix: str
    last: str
    first: str
    suffix: str
    state_dst: str
    accounts: tuple[str, ...] = ()


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _apportion(total: int) -> dict[str, int]:
    """Split ``total`` over the filing types like 2025 (largest remainder), keeping rare types."""
    weight_sum = sum(_TYPE_WEIGHTS.values())
    exact = {t: total * w / weight_sum for t, w in _TYPE_WEIGHTS.items()}
    counts = {t: int(v) for t, v in exact.items()}
    for t in sorted(exact, key=lambda t: exact[t] - counts[t], reverse=True)[: total - sum(counts.values())]:
        counts[t] += 1
    # Every mirror needs a PTR and a W (the empty-date row); big ones get each rare type once.
    needed = ["P", "W"] + ([t for t in _TYPE_WEIGHTS if t not in "PW"] if total >= 60 else [])
    for t in needed:
        if counts[t] == 0:
            donor = max(counts, key=lambda k: counts[k])
            counts[donor] -= 1
            counts[t] = 1
    return counts


class _Generator:
    """Draws filings from one random stream, so later index versions extend earlier ones."""

    def __init__(self, year: int, n_filings: int, seed: int) -> None:
        self.year = year
        self.n_filings = n_filings
        self.rng = random.Random(f"lakehouse.synthetic:{seed}:{year}:{n_filings}")
        self.next_id: dict[str, int] = {
            fam: lo + self.rng.randint(1, 50 if fam != "wd" else 5) for fam, (lo, _) in _DOC_ID_RANGES.items()
        }
        self.used_names: set[tuple[str, str]] = set()
        n_members = max(2, round(n_filings * _TYPE_WEIGHTS["P"] / sum(_TYPE_WEIGHTS.values()) / 4.4))
        self.members = [self._new_filer(member=True, accounts=i == 0) for i in range(n_members)]
        self.candidates = [self._new_filer(member=False) for _ in range(max(3, int(n_filings * 0.4)))]

    # -- people -------------------------------------------------------------------------------
    def _new_filer(self, *, member: bool, accounts: bool = False) -> _Filer:
        rng = self.rng
        for _ in range(50):  # distinct people while the name space lasts, then repeats are fine
            last, first = rng.choice(_LAST_NAMES), rng.choice(_FIRST_NAMES)
            if (last, first) not in self.used_names:
                break
        self.used_names.add((last, first))
        given = first
        roll = rng.random()
        if roll < 0.3:
            given = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
        elif roll < 0.34:
            given = f"{first} {rng.choice(_NICKNAMES)}"
        elif roll < 0.37:
            given = f"{first} {rng.choice(('Dr', 'MD', 'Esq.'))}"
        state = rng.choice(sorted(_STATES))
        seats = _STATES[state]
        state_dst = f"{state}{0 if seats == 1 else rng.randint(1, seats):02d}"
        if member:
            prefix = "Hon." if rng.random() < 0.97 else rng.choice(("", "Mr.", "Ms."))
        else:
            prefix = _weighted(rng, _CANDIDATE_PREFIXES)
        holdings: tuple[str, ...] = ()
        if member and (accounts or rng.random() < 0.35):
            initials = "".join(w[0] for w in (first, last))
            holdings = (f"{initials} Family Trust", f"{last} Joint Brokerage", "Spouse Rollover IRA")[
                : rng.randint(2, 3)
            ]
        return _Filer(prefix, last, given, _weighted(rng, _SUFFIXES), state_dst, holdings)

    def _filer_for(self, filing_type: str) -> _Filer:
        rng = self.rng
        if filing_type in _MEMBER_TYPES:
            weights = [1 / (i + 1) for i in range(len(self.members))]  # a few file most PTRs
            return rng.choices(self.members, weights=weights)[0]
        if rng.random() < 0.15:
            self.candidates.append(self._new_filer(member=False))
            return self.candidates[-1]
        return rng.choice(self.candidates)

    # -- ids and dates ------------------------------------------------------------------------
    def _doc_id(self, filing_type: str, is_paper: bool) -> str:
        family = "paper" if is_paper else _EFILED_FAMILY[filing_type]
        value = self.next_id[family]
        if value > _DOC_ID_RANGES[family][1]:
            raise ValueError(
                f"The reserved DocID range for {family!r} filings is exhausted; "
                "use fewer filings or fewer index versions."
            )
        lo, hi = _ID_STEP.get(family, (1, 4))
        self.next_id[family] = value + self.rng.randint(lo, hi)
        return str(value)

    def _date_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    # -- batches ------------------------------------------------------------------------------
    def base_batch(self) -> list[SyntheticFiling]:
        rng, year = self.rng, self.year
        types = [t for t, k in _apportion(self.n_filings - 1).items() for _ in range(k)]
        rng.shuffle(types)
        paper_flags = [False] * len(types)
        for t in _TYPE_WEIGHTS:
            idx = [i for i, x in enumerate(types) if x == t]
            n_paper = int(len(idx) * _PAPER_SHARE[t] + 0.5)
            if t == "W":
                n_paper = max(1, n_paper)  # the empty-date W row is a paper filing, as in 2025
            for i in rng.sample(idx, min(n_paper, len(idx))):
                paper_flags[i] = True
        start, end = datetime.date(year, 1, 2), datetime.date(year, 9, 30)
        dated = sorted(
            ((self._date_between(start, end), t, p) for t, p in zip(types, paper_flags, strict=True)),
            key=lambda x: x[0],
        )
        filings = [self._filing(t, d, p) for d, t, p in dated]

        blank = next(i for i, f in enumerate(filings) if f.filing_type == "W" and f.is_paper)
        filings[blank] = replace(filings[blank], filing_date=None, state_dst="")
        showcase = next((i for i, f in enumerate(filings) if f.filing_type == "P" and not f.is_paper), None)
        if showcase is not None:
            f = filings[showcase]
            filer = self.members[0]
            rows = self._transactions(filer, f.filing_date, showcase=True)
            filings[showcase] = replace(
                f, prefix=filer.prefix, last=filer.last, first=filer.first, suffix=filer.suffix,
                state_dst=filer.state_dst, transactions=rows,
            )
        dup = next(
            (i for i, f in enumerate(filings) if f.filing_type == "C" and not f.is_paper),
            next(i for i, f in enumerate(filings) if i != blank),
        )
        filings.insert(dup + 1, filings[dup])  # the real index repeats a row verbatim (10072224)
        return filings

    def update_batch(self, version: int, after: datetime.date) -> list[SyntheticFiling]:
        rng = self.rng
        n_extra = max(1, round(self.n_filings * 0.1))
        start = min(after + datetime.timedelta(days=1), datetime.date(self.year, 12, 31))
        end = min(after + datetime.timedelta(days=30), datetime.date(self.year, 12, 31))
        batch = []
        for _ in range(n_extra):
            t = rng.choices(list(_TYPE_WEIGHTS), weights=list(_TYPE_WEIGHTS.values()))[0]
            batch.append((self._date_between(start, end), t, rng.random() < _PAPER_SHARE[t]))
        logger.debug("index version %d adds %d filings from %s", version, n_extra, start)
        return [self._filing(t, d, p) for d, t, p in sorted(batch, key=lambda x: x[0])]

    def _filing(self, filing_type: str, filing_date: datetime.date, is_paper: bool) -> SyntheticFiling:
        filer = self._filer_for(filing_type)
        rows = self._transactions(filer, filing_date) if filing_type == "P" else ()
        return SyntheticFiling(
            doc_id=self._doc_id(filing_type, is_paper), prefix=filer.prefix, last=filer.last,
            first=filer.first, suffix=filer.suffix, filing_type=filing_type, state_dst=filer.state_dst,
            year=self.year, filing_date=filing_date, is_paper=is_paper, transactions=rows,
        )

    # -- PTR rows -----------------------------------------------------------------------------
    def _transactions(
        self, filer: _Filer, filing_date: datetime.date, *, showcase: bool = False
    ) -> tuple[SyntheticTransaction, ...]:
        rng = self.rng
        roll = rng.random()
        if showcase:
            n_rows = rng.randint(36, 48)
        elif roll < 0.45:
            n_rows = rng.randint(1, 3)
        elif roll < 0.8:
            n_rows = rng.randint(4, 15)
        else:
            n_rows = rng.randint(20, 60)
        rows: list[dict] = []
        if showcase:  # every feature a parser must handle, in one multi-page PTR
            rows += self._row_group(filer, filing_date, asset="BRK.B", owner="JT", tx="purchase",
                                    accounts=filer.accounts[:2])
            rows += self._row_group(filer, filing_date, asset="Placeholder County", owner=None, tx="sale",
                                    cap_gains=True)
            rows += self._row_group(filer, filing_date, option=True, owner="SP", tx="purchase")
            rows += self._row_group(filer, filing_date, asset="NVDA", owner="DC", tx="partial_sale",
                                    amount="Over $50,000,000")
            rows += self._row_group(filer, filing_date, asset="DIS", owner="SP", tx="exchange")
        while len(rows) < n_rows:
            accounts: tuple[str, ...] = ()
            if filer.accounts and rng.random() < 0.35:
                accounts = tuple(rng.sample(filer.accounts, rng.randint(1, len(filer.accounts))))
            rows += self._row_group(filer, filing_date, accounts=accounts[: n_rows - len(rows)],
                                    option=rng.random() < 0.1)
        rows.sort(key=lambda r: r["asset_name"].lower())  # the Clerk lists rows by asset name
        return tuple(SyntheticTransaction(line_no=i, **r) for i, r in enumerate(rows, start=1))

    def _row_group(
        self, filer: _Filer, filing_date: datetime.date, *, asset: str | None = None,
        option: bool = False, owner: str | None = "?", tx: str | None = None,
        amount: str | None = None, cap_gains: bool | None = None, accounts: tuple[str, ...] = (),
    ) -> list[dict]:
        """One trade; repeated once per sub-account, as a trust-heavy filer's PTR does."""
        rng = self.rng
        if owner == "?":  # draw one; None means the filer
            owner = _weighted(rng, (("", 45), ("SP", 30), ("JT", 15), ("DC", 10))) or None
        tx = tx or _weighted(rng, (("purchase", 50), ("sale", 25), ("partial_sale", 18), ("exchange", 7)))
        description = None
        if option:
            ticker = rng.choice(_OPTION_UNDERLYINGS)
            name = next(a[0] for a in _ASSETS if a[1] == ticker)
            asset_type = "OP"
            verb = "Purchased" if tx == "purchase" else "Sold"
            expiry = datetime.date(filing_date.year + 1, rng.choice((1, 3, 6)), rng.choice((16, 20)))
            description = (
                f"{verb} {rng.choice((5, 10, 20, 25, 50))} call options with a strike price of "
                f"${rng.randrange(20, 400, 5)} and an expiration date of "
                f"{expiry.month}/{expiry.day}/{expiry:%y}."
            )
        else:
            pool = [a for a in _ASSETS if asset in (a[1], a[0][: len(asset)])] if asset else _ASSETS
            name, ticker, asset_type = rng.choice(pool)
            if tx in ("sale", "partial_sale") and ticker and rng.random() < 0.3:
                description = f"Sold {rng.randrange(100, 40000, 100):,} shares."
            elif tx == "exchange" and rng.random() < 0.6:
                description = "Exchanged for shares of the successor company in a merger."
        notified = filing_date - datetime.timedelta(days=rng.randint(0, 28))
        traded = notified - datetime.timedelta(days=rng.randint(0, 10))
        amount = amount or rng.choices(AMOUNT_BUCKETS, weights=_AMOUNT_WEIGHTS)[0]
        if cap_gains is None:
            cap_gains = tx in ("sale", "partial_sale") and rng.random() < 0.4
        base = dict(
            owner=owner, asset_name=name, ticker=ticker, asset_type=asset_type, transaction_type=tx,
            transaction_date=traded, notification_date=notified, amount_range=amount,
            cap_gains_over_200=cap_gains, filing_status="New", description=description,
        )
        return [dict(base, subholding_of=account) for account in (accounts or (None,))]


def make_filings(
    year: int = 2025, n_filings: int = 120, *, seed: int = 7, version: int = 1
) -> tuple[SyntheticFiling, ...]:
    """Generate the rows of a synthetic index, with PTR ground truth.

    Version 1 has exactly ``n_filings`` rows dated ``Jan 2 .. Sep 30``; one row is a verbatim
    duplicate of another (as the real index repeats DocID 10072224) and one paper W row has an
    empty FilingDate and StateDst. Each later version appends ``round(n_filings / 10)`` filings
    dated in the 30 days after the previous version's last date (capped at Dec 31), so version
    ``k + 1`` starts with exactly the rows of version ``k``: the Clerk updating the index.

    Args:
        year: Filing year; also the ``Year`` column.
        n_filings: Index rows in version 1 (at least 3).
        seed: Random seed; the output is a pure function of all four arguments.
        version: Index version, 1 or more.

    Returns:
        The filings in filing-date order (the duplicate right after its original).

    Raises:
        ValueError: If an argument is out of range or a reserved DocID range runs out.
    """
    if n_filings < 3:
        raise ValueError(f"n_filings must be at least 3 (a PTR, a W and a duplicate row), got {n_filings}")
    if version < 1:
        raise ValueError(f"version must be 1 or more, got {version}")
    gen = _Generator(year, n_filings, seed)
    filings = gen.base_batch()
    last = datetime.date(year, 9, 30)
    for v in range(2, version + 1):
        batch = gen.update_batch(v, last)
        last = max(f.filing_date for f in batch if f.filing_date is not None)
        filings += batch
    return tuple(filings)


