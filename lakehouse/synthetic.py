"""Synthetic House Clerk mirror: fictional filings in the Clerk's real index and PDF formats.

The demo and the benchmarks must run on a machine with no real data, and real public records
must never be copied into the repository, so everything here is generated from a seed. The
formats are copied from the real files (domain guide sections 2, 3 and 10):

* the index zip holds ``{YEAR}FD.xml`` (UTF-8 BOM, CRLF, 2/4-space indentation, self-closing
  empty tags, no final newline) and ``{YEAR}FD.txt`` (tab-separated, header row, CRLF);
* e-filed PDFs are letter-size, RC4-128 encrypted with an empty user password, and their text
  layer reproduces the Clerk's quirks: small-caps headings extract as the first letter followed
  by NULs (``P\\x00\\x00...``), the PTR table words sit at the real column x-positions, asset
  names and amounts wrap (``$250,001 -`` / ``$500,000``), rows split across pages, and the
  Cap. Gains box extracts as ``gfedc`` (empty) or ``gfedcb`` (ticked) as in older e-PTRs;
* paper filings (7-digit DocIDs) are image-only pages with no text layer, for the OCR path.

The PDFs are written by a small writer in this module rather than by fpdf2 because the NUL
headings need a ToUnicode CMap on a standard font, which fpdf2 cannot attach. Every PDF says
:data:`SYNTHETIC_LABEL` in its metadata and in a footer on each page.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import logging
import pathlib
import random
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageFont

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


# --------------------------------------------------------------------------------------------
# Index files
# --------------------------------------------------------------------------------------------

_INDEX_FIELDS = ("Prefix", "Last", "First", "Suffix", "FilingType", "StateDst", "Year", "FilingDate", "DocID")


def _index_rows(filings: Iterable[SyntheticFiling], year: int) -> list[tuple[str, ...]]:
    """Index values per row, in the Clerk's order: by name, ignoring case, apostrophes and hyphens."""
    rows = [
        (f.prefix, f.last, f.first, f.suffix, f.filing_type, f.state_dst, str(year),
         f"{f.filing_date.month}/{f.filing_date.day}/{f.filing_date.year}" if f.filing_date else "",
         f.doc_id)
        for f in filings
    ]
    def collate(name: str) -> str:
        return name.lower().replace("'", "").replace("-", "")

    return sorted(rows, key=lambda r: (collate(r[1]), collate(r[2]), int(r[8])))


def _xml_escape(value: str) -> str:
    # The Clerk leaves quotes raw (<First>Charles J. "Chuck"</First>); only &, < and > are escaped.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_index_xml(filings: Iterable[SyntheticFiling], year: int) -> bytes:
    """Render ``{year}FD.xml`` byte for byte in the Clerk's layout; ``year`` fills the Year column.

    UTF-8 with BOM, CRLF line ends (as in the Clerk's 2023 and 2024 files), 2-space indented
    ``<Member>`` elements with their 9 children, ``<Tag />`` for empty values, no final newline.
    """
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<FinancialDisclosure>"]
    for row in _index_rows(filings, year):
        lines.append("  <Member>")
        for tag, value in zip(_INDEX_FIELDS, row, strict=True):
            lines.append(f"    <{tag}>{_xml_escape(value)}</{tag}>" if value else f"    <{tag} />")
        lines.append("  </Member>")
    lines.append("</FinancialDisclosure>")
    return "\r\n".join(lines).encode("utf-8-sig")


def write_index_txt(filings: Iterable[SyntheticFiling], year: int) -> bytes:
    """Render ``{year}FD.txt``: a tab-separated header row and one row per filing, CRLF, no BOM."""
    lines = ["\t".join(_INDEX_FIELDS)] + ["\t".join(r) for r in _index_rows(filings, year)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# Page layout: positions in points from the top-left, as pdfplumber reports them
# --------------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
PTR_COLUMNS = {"id": 25.3, "owner": 65.0, "asset": 104.0, "tx_type": 260.8, "date": 325.2,
               "notification_date": 380.0, "amount": 444.5, "cap_gains": 524.8}
"""x0 of each PTR column's words, matching the Clerk's e-filed PTRs."""

_ASSET_WIDTH, _AMOUNT_WIDTH, _TEXT_RIGHT = 145.0, 64.0, 575.0
_ROW_LIMIT, _BLOCK_LIMIT, _FOOTER_TOP = 712.0, 745.0, 772.0


@dataclass(frozen=True, slots=True)
class _Text:
    x: float
    top: float
    size: float
    text: str
    bold: bool = False
    caps: bool = False  # small caps: lower-case letters print as capitals and extract as NUL
    hidden: bool = False  # text layer only (PDF render mode 3), like the check-box glyphs


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    top: float
    w: float
    h: float
    fill: float | None = None  # grey level 0..1; None draws an outline


_Op = _Text | _Box


def _width(text: str, size: float, bold: bool = False, caps: bool = False) -> float:
    table = _WIDTHS[bold]
    return sum(table.get(c.upper() if caps else c, 500) for c in text) * size / 1000


def _wrap(text: str, width: float, size: float, first_width: float | None = None) -> list[str]:
    """Greedy word wrap; a word longer than the line stays whole, as the Clerk's renderer does."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        limit = first_width if (first_width is not None and not lines) else width
        if current and _width(candidate, size) > limit:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def _display_name(f: SyntheticFiling) -> str:
    return " ".join(p for p in (f.prefix, f.first, f.last, f.suffix) if p)


def _status(f: SyntheticFiling) -> str:
    if f.filing_type not in _MEMBER_TYPES:
        return "Congressional Candidate"
    return "Member" if f.prefix == "Hon." else "Officer or Employee"


def _mdy(d: datetime.date | None) -> str:
    return d.strftime("%m/%d/%Y") if d else "(no date)"


def _centered(top: float, size: float, text: str, *, bold: bool = False, caps: bool = False) -> _Text:
    return _Text((PAGE_WIDTH - _width(text, size, bold, caps)) / 2, top, size, text, bold, caps)


def _letterhead(page: list[_Op], f: SyntheticFiling, title_lines: Sequence[str]) -> float:
    """Filing ID, small-caps title and the Clerk's address line; returns the next free top."""
    ident = f"Filing ID #{f.doc_id}"
    page.append(_Text(566 - _width(ident, 9), 73.2, 9, ident))
    top = 90.1
    for line in title_lines:
        page.append(_centered(top, 21, line, bold=True, caps=True))
        top += 24
    address = ("Clerk of the House of Representatives \u2022 Legislative Resource Center \u2022 "
               "B81 Cannon Building \u2022 Washington, DC 20515")
    page.append(_centered(top + 23.6, 9, address))
    return top + 56.5


def _filer_block(page: list[_Op], f: SyntheticFiling, top: float) -> float:
    page.append(_Text(21.7, top, 12, "Filer Information", bold=True, caps=True))
    for dy, label, value in ((19.8, "Name:", _display_name(f)), (35.5, "Status:", _status(f)),
                             (51.3, "State/District:", f.state_dst)):
        page.append(_Text(21.7, top + dy, 9.7, label, bold=True))
        page.append(_Text(99.0, top + dy, 9.7, value))
    return top + 85.5


def _table_header(page: list[_Op], top: float) -> None:
    cols = PTR_COLUMNS
    for x, words in ((cols["id"], ["ID"]), (cols["owner"], ["Owner"]), (cols["asset"], ["Asset"]),
                     (cols["tx_type"], ["Transaction", "Type"]), (cols["date"], ["Date"]),
                     (cols["notification_date"], ["Notification", "Date"]), (cols["amount"], ["Amount"]),
                     (cols["cap_gains"], ["Cap.", "Gains >", "$200?"])):
        for i, word in enumerate(words):
            page.append(_Text(x, top + 11.2 * i, 9.4, word, bold=True))


def _row_lines(tx: SyntheticTransaction) -> list[tuple[float, list[_Op]]]:
    """The lines of one PTR row as (gap above, ops at relative top 0)."""
    cols = PTR_COLUMNS
    asset = tx.asset_name + (f" ({tx.ticker})" if tx.ticker else "") + f" [{tx.asset_type}]"
    asset_lines = _wrap(asset, _ASSET_WIDTH, 9)
    amount_lines = _wrap(tx.amount_range, _AMOUNT_WIDTH, 9)
    first: list[_Op] = [
        _Text(cols["tx_type"], 0, 9, TRANSACTION_CODES[tx.transaction_type]),
        _Text(cols["date"], 0, 9, _mdy(tx.transaction_date)),
        _Text(cols["notification_date"], 0, 9, _mdy(tx.notification_date)),
        _Text(cols["cap_gains"], 0, 9, "gfedcb" if tx.cap_gains_over_200 else "gfedc", hidden=True),
        _Box(cols["cap_gains"] + 2, 1.5, 7, 7),
    ]
    if tx.cap_gains_over_200:
        first.append(_Box(cols["cap_gains"] + 3.5, 3, 4, 4, fill=0.0))
    if tx.owner:
        first.append(_Text(cols["owner"], 0, 9, tx.owner))
    lines: list[tuple[float, list[_Op]]] = []
    for i in range(max(len(asset_lines), len(amount_lines))):
        ops = first if i == 0 else []
        if i < len(asset_lines):
            ops.append(_Text(cols["asset"], 0, 9, asset_lines[i]))
        if i < len(amount_lines):
            ops.append(_Text(cols["amount"], 0, 9, amount_lines[i]))
        lines.append((0.0 if i == 0 else 10.5, ops))
    subs = [("Filing Status:", tx.filing_status)]
    if tx.subholding_of:
        subs.append(("Subholding Of:", tx.subholding_of))
    if tx.description:
        subs.append(("Description:", tx.description))
    gap = 17.6
    for label, value in subs:
        label_w = _width(label + " ", 8.5, caps=True)  # the space is printed: it splits the words
        wrapped = _wrap(value, _TEXT_RIGHT - cols["asset"], 8.5, _TEXT_RIGHT - cols["asset"] - label_w)
        for j, part in enumerate(wrapped):
            ops = [_Text(cols["asset"], 0, 8.5, label + " ", caps=True)] if j == 0 else []
            ops.append(_Text(cols["asset"] + (label_w if j == 0 else 0), 0, 8.5, part))
            lines.append((gap, ops))
            gap = 12.8
    return lines


def _ptr_pages(f: SyntheticFiling) -> list[list[_Op]]:
    page: list[_Op] = []
    pages = [page]
    top = _filer_block(page, f, _letterhead(page, f, ["Periodic Transaction Report"]))
    page.append(_Text(21.7, top, 12, "Transactions", bold=True, caps=True))
    _table_header(page, top + 25.3)
    y = last = top + 70.0

    def shade(line_no: int, first: float | None, bottom: float) -> None:
        if line_no % 2 == 0 and first is not None:  # grey (0.96) behind every other row
            page.insert(0, _Box(21.7, first - 7, 568, bottom - first + 17, fill=0.96))

    for tx in f.transactions:
        first: float | None = None
        for k, (gap, ops) in enumerate(_row_lines(tx)):
            line_top = y + gap if k else y
            if line_top > _ROW_LIMIT:  # the row continues on the next page, like the Clerk's
                shade(tx.line_no, first, last)
                page = []
                pages.append(page)
                _table_header(page, 78.9)
                line_top, first = 116.5, None
            first = line_top if first is None else first
            page.extend(replace(op, top=op.top + line_top) for op in ops)
            y = last = line_top
        shade(tx.line_no, first, last)
        y = last + 25.9
    y = last + 25.0

    def room(height: float) -> float:
        nonlocal page, y
        if y + height > _BLOCK_LIMIT:
            page = []
            pages.append(page)
            y = 74.0
        return y

    room(10)
    page.append(_Text(25.5, y, 8.2, "* For the complete list of asset type abbreviations, please visit "
                                    "https://fd.house.gov/reference/asset-type-codes.aspx."))
    y += 27.8
    vehicles = list(dict.fromkeys(t.subholding_of for t in f.transactions if t.subholding_of))
    if vehicles:
        room(26 + 18 * len(vehicles))
        page.append(_Text(21.7, y, 12, "Investment Vehicle Details", bold=True, caps=True))
        for i, name in enumerate(vehicles):
            page.append(_Box(32, y + 29 + 18 * i, 3, 3, fill=0.0))
            page.append(_Text(43.0, y + 26 + 18 * i, 9, name))
        y += 26 + 18 * len(vehicles) + 23
    room(60)
    page.append(_Text(21.7, y, 12, "Initial Public Offerings", bold=True, caps=True))
    page += [_Box(28.5, y + 24.5, 7, 7), _Box(62.5, y + 24.5, 7, 7), _Box(64, y + 26, 4, 4, fill=0.0),
             _Text(39.7, y + 23.3, 9, "Yes"), _Text(73.5, y + 23.3, 9, "No")]
    y += 52.5
    room(72)
    page.append(_Text(21.7, y, 12, "Certification and Signature", bold=True, caps=True))
    page.append(_Text(38.9, y + 23.3, 9, "I CERTIFY that the statements I have made on the attached "
                                         "Periodic Transaction Report are true, complete, and correct to "
                                         "the best of"))
    page.append(_Text(21.7, y + 33.8, 9, "my knowledge and belief. Further, I CERTIFY that I have "
                                         "disclosed all transactions as required by the STOCK Act."))
    page.append(_Text(21.7, y + 52.6, 9, "Digitally Signed:", bold=True))
    page.append(_Text(100.4, y + 52.6, 9, f"{_display_name(f)} , {_mdy(f.filing_date)}"))
    return pages


_NOTICE_TEXT = {
    "C": (["Financial Disclosure Report"], "Filing Type: Candidate Report",
          "This candidate report (Form B) is a synthetic stand-in; it lists no real assets."),
    "A": (["Financial Disclosure Report"], "Filing Type: Amendment Report",
          "This amendment report is a synthetic stand-in; it amends no real filing."),
    "T": (["Financial Disclosure Report"], "Filing Type: Terminated Filer Report",
          "This terminated filer report is a synthetic stand-in; it lists no real assets."),
    "H": (["Financial Disclosure Report"], "Filing Type: New Filer Report",
          "This new filer report is a synthetic stand-in; it lists no real assets."),
    "O": (["Financial Disclosure Report"], "Filing Type: Paper Form B",
          "This paper report is a synthetic stand-in; it lists no real assets."),
    "X": (["Financial Disclosure", "Extension Request"], "Extension Length: 30 days",
          "The filer requests a 30 day extension of the due date of the financial disclosure report."),
    "D": (["Candidate Notification Regarding", "Financial Disclosure Requirement"], "",
          "This is to notify you that I have not yet raised or spent in excess of $5,000 for my "
          "campaign for the U.S. House of Representatives."),
    "W": (["Candidate Notification Regarding", "Financial Disclosure Requirement"], "",
          "This is to notify you that I withdrew my candidacy for the U.S. House of Representatives."),
    "E": (["Terminated Employee FD", "Filing Exemption"], "",
          "The former filer took a new federal position within 30 days and asks for the exemption."),
    "G": (["Financial Disclosure Gift", "Disclosure Waiver Request"], "",
          "The filer asks for a waiver of the gift disclosure rule for a family event."),
    "B": (["Qualified Blind Trust", "Correspondence"], "",
          "The trustee reports on the qualified blind trust without naming its assets."),
}


def _notice_pages(f: SyntheticFiling) -> list[list[_Op]]:
    title, detail, body = _NOTICE_TEXT.get(f.filing_type, (["Financial Disclosure Filing"], "", ""))
    page: list[_Op] = []
    top = _letterhead(page, f, title)
    texts = [t for t in (detail, f"Filing Year: {f.year}", f"Filing Date: {_mdy(f.filing_date)}") if t]
    for line in texts + _wrap(body, _TEXT_RIGHT - 21.7, 9):
        page.append(_Text(21.7, top, 9, line))
        top += 12.5
    top = _filer_block(page, f, top + 16)
    page.append(_Text(21.7, top, 12, "Signature", bold=True, caps=True))
    page.append(_Text(21.7, top + 23.3, 9, "Digitally Signed:", bold=True))
    page.append(_Text(100.4, top + 23.3, 9, f"{_display_name(f)} , {_mdy(f.filing_date)}"))
    return [page]


# --------------------------------------------------------------------------------------------
# PDF writer
# --------------------------------------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_PERMISSIONS = -1849  # print only, like the Clerk's files
_DESCENT = 0.217  # Times descent; pdfminer's `top` = page height - baseline - (1 - descent) * size
_FONTS = {(False, False): "F1", (True, False): "F2", (False, True): "F3", (True, True): "F4"}
# Codes A-Z of the small-caps fonts map to U+0000, which is how the Clerk's headings extract.
_NUL_CMAP = (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Synthetic-SmallCaps-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n26 beginbfchar\n"
    + "".join(f"<{c:02X}> <0000>\n" for c in range(0x41, 0x5B))
    + "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
).encode("ascii")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray(len(data))
    i = j = 0
    for n, byte in enumerate(data):
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out[n] = byte ^ s[(s[i] + s[j]) & 0xFF]
    return bytes(out)


class _PdfWriter:
    """Just enough PDF 1.4: numbered objects, optional RC4-128 (V2 R3, empty user password)."""

    def __init__(self, file_id: bytes, encrypt: bool) -> None:
        self.objects: list[bytes] = []
        self.file_id = file_id
        self.key: bytes | None = None
        self.encrypt_dict = b""
        if encrypt:
            owner = hashlib.md5(b"synthetic-owner" + _PAD[:17]).digest()
            for _ in range(50):
                owner = hashlib.md5(owner).digest()
            o_value = _rc4(owner, _PAD)
            for i in range(1, 20):
                o_value = _rc4(bytes(b ^ i for b in owner), o_value)
            permissions = _PERMISSIONS.to_bytes(4, "little", signed=True)
            key = hashlib.md5(_PAD + o_value + permissions + file_id).digest()
            for _ in range(50):
                key = hashlib.md5(key).digest()
            u_value = _rc4(key, hashlib.md5(_PAD + file_id).digest())
            for i in range(1, 20):
                u_value = _rc4(bytes(b ^ i for b in key), u_value)
            self.key = key
            self.encrypt_dict = (
                f"<< /Filter /Standard /V 2 /R 3 /Length 128 /P {_PERMISSIONS} "
                f"/O <{o_value.hex()}> /U <{(u_value + bytes(16)).hex()}> >>"
            ).encode()

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def _obj_key(self, num: int) -> bytes:
        assert self.key is not None
        return hashlib.md5(self.key + num.to_bytes(3, "little") + b"\x00\x00").digest()

    def string(self, num: int, text: str) -> str:
        raw = text.encode("latin-1")
        return f"<{(_rc4(self._obj_key(num), raw) if self.key else raw).hex()}>"

    def put(self, num: int, body: str, stream: bytes | None = None, *, flate: bool = True) -> int:
        if stream is None:
            self.objects[num - 1] = body.encode("latin-1")
            return num
        if flate:
            stream = zlib.compress(stream, 6)
            body = body[:-2] + " /Filter /FlateDecode >>"
        if self.key:
            stream = _rc4(self._obj_key(num), stream)
        head = f"{body[:-2]} /Length {len(stream)} >>".encode("latin-1")
        self.objects[num - 1] = head + b"\nstream\n" + stream + b"\nendstream"
        return num

    def add(self, body: str, stream: bytes | None = None, *, flate: bool = True) -> int:
        return self.put(self.reserve(), body, stream, flate=flate)

    def finish(self, catalog: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        encrypt_ref = ""
        if self.key:
            encrypt_ref = f" /Encrypt {self.add(self.encrypt_dict.decode())} 0 R"
        for num, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        ident = self.file_id.hex()
        out += (
            f"trailer\n<< /Size {len(offsets) + 1} /Root {catalog} 0 R /Info {info} 0 R{encrypt_ref} "
            f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)


def _pdf_literal(text: str) -> str:
    raw = text.encode("cp1252").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _content_stream(ops: Sequence[_Op]) -> bytes:
    out = []
    for op in ops:
        if isinstance(op, _Box):
            y = PAGE_HEIGHT - op.top - op.h
            rect = f"{op.x:.2f} {y:.2f} {op.w:.2f} {op.h:.2f} re"
            out.append(f"{op.fill:.2f} g {rect} f 0 g" if op.fill is not None else f"0.6 w 0 G {rect} S")
    out.append("BT")
    for op in ops:
        if not isinstance(op, _Text):
            continue
        baseline = PAGE_HEIGHT - op.top - (1 - _DESCENT) * op.size
        runs = [(False, op.text)]
        if op.caps:
            runs = [(small, "".join(c.upper() for c in run))
                    for small, run in _split_runs(op.text)]
        x = op.x
        if op.hidden:
            out.append("3 Tr")
        for small, run in runs:
            out.append(f"/{_FONTS[(op.bold, small)]} {op.size:g} Tf 1 0 0 1 {x:.2f} {baseline:.2f} Tm "
                       f"{_pdf_literal(run)} Tj")
            x += _width(run, op.size, op.bold)
        if op.hidden:
            out.append("0 Tr")
    out.append("ET")
    return "\n".join(out).encode("latin-1")


def _split_runs(text: str) -> list[tuple[bool, str]]:
    """Split small-caps text into (is_small, chars) runs: lower-case letters are the small ones."""
    return [(m.group(0)[0].islower(), m.group(0)) for m in re.finditer(r"[a-z]+|[^a-z]+", text)]


def _pdf_document(f: SyntheticFiling, pages: list[list[_Op]], kind: str) -> bytes:
    """Serialize laid-out pages; paper filings become one image per page and no text layer."""
    file_id = hashlib.md5(f"lakehouse.synthetic:{f.year}:{f.doc_id}:{kind}".encode()).digest()
    w = _PdfWriter(file_id, encrypt=not f.is_paper)
    catalog, pages_num = w.reserve(), w.reserve()
    kids = []
    if f.is_paper:
        for ops in pages:
            img = _raster(ops)
            image = w.add(f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
                          "/ColorSpace /DeviceGray /BitsPerComponent 1 >>", img.tobytes())
            content = w.add("<< >>", f"q {PAGE_WIDTH:g} 0 0 {PAGE_HEIGHT:g} 0 0 cm /Im0 Do Q".encode())
            kids.append(w.add(f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 612 792] "
                              f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>"))
    else:
        cmap = w.add("<< >>", _NUL_CMAP)
        font_refs = []
        for (bold, small), name in _FONTS.items():
            base = "Times-Bold" if bold else "Times-Roman"
            extra = ""
            if small:
                # A non-standard name, so that readers take /Widths: for the standard 14 fonts
                # pdfminer uses its own metrics, which give the NUL-mapped glyphs zero width.
                base += "-SmallCaps"
                flags = 2 + 32 + (1 << 17) + ((1 << 18) if bold else 0)  # serif, nonsymbolic, small caps
                descriptor = w.add(
                    f"<< /Type /FontDescriptor /FontName /{base} /Flags {flags} "
                    f"/FontBBox [-168 -218 1000 935] /ItalicAngle 0 /Ascent 683 /Descent -217 "
                    f"/CapHeight 662 /StemV {140 if bold else 84} >>"
                )
                widths = " ".join(str(x) for x in (_TIMES_BOLD if bold else _TIMES))
                extra = (f" /FirstChar 32 /LastChar 126 /Widths [{widths}] /FontDescriptor {descriptor} 0 R"
                         f" /ToUnicode {cmap} 0 R")
            num = w.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} "
                        f"/Encoding /WinAnsiEncoding{extra} >>")
            font_refs.append(f"/{name} {num} 0 R")
        fonts = " ".join(font_refs)
        for ops in pages:
            footer = _Text(21.7, _FOOTER_TOP, 7, SYNTHETIC_LABEL)
            content = w.add("<< >>", _content_stream([*ops, footer]))
            kids.append(w.add(f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 612 792] "
                              f"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>"))
    w.put(pages_num, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    w.put(catalog, f"<< /Type /Catalog /Pages {pages_num} 0 R >>")
    info = w.reserve()
    entries = {"Title": SYNTHETIC_LABEL, "Subject": SYNTHETIC_LABEL, "Author": SYNTHETIC_LABEL,
               "Keywords": f"synthetic {kind} {f.filing_type} {f.doc_id}", "Producer": "lakehouse.synthetic"}
    w.put(info, "<< " + " ".join(f"/{k} {w.string(info, v)}" for k, v in entries.items()) + " >>")
    return w.finish(catalog, info)


# --------------------------------------------------------------------------------------------
# Raster pages for paper filings
# --------------------------------------------------------------------------------------------

_DPI = 150


@functools.lru_cache(maxsize=32)
def _pil_font(pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    return ImageFont.load_default(size=pixels)


def _raster(ops: Sequence[_Op]) -> Image.Image:
    """Draw the page at 150 dpi, black and white like the Clerk's scans (1 bit per pixel)."""
    from PIL import Image, ImageDraw

    scale = _DPI / 72
    img = Image.new("L", (round(PAGE_WIDTH * scale), round(PAGE_HEIGHT * scale)), 255)
    draw = ImageDraw.Draw(img)
    for op in [*ops, _Text(21.7, _FOOTER_TOP, 7, SYNTHETIC_LABEL)]:
        if isinstance(op, _Box):
            xy = (op.x * scale, op.top * scale, (op.x + op.w) * scale, (op.top + op.h) * scale)
            if op.fill is None:
                draw.rectangle(xy, outline=0, width=2)
            elif op.fill < 0.5:
                draw.rectangle(xy, fill=0)
        elif not op.hidden:
            text = (op.text.upper() if op.caps else op.text).replace("\u2022", "-")
            pixels = round(op.size * scale)
            # Pillow's bundled sans face runs wider than Times: shrink the run to its Times width
            # so that columns do not collide.
            room = _width(text, op.size, op.bold) * scale
            drawn = _pil_font(pixels).getlength(text)
            if drawn > room > 0:
                pixels = max(6, int(pixels * room / drawn))
            draw.text((op.x * scale, op.top * scale), text, fill=0, font=_pil_font(pixels))
    return img.convert("1", dither=Image.Dither.NONE)


# --------------------------------------------------------------------------------------------
# Public rendering and the mirror
# --------------------------------------------------------------------------------------------


def render_ptr_pdf(filing: SyntheticFiling) -> bytes:
    """Render a PTR in the Clerk's e-filed layout (image-only for paper filings).

    Raises:
        ValueError: If the filing is not of type P.
    """
    if filing.filing_type != "P":
        raise ValueError(f"render_ptr_pdf needs a type P filing; {filing.doc_id} is {filing.filing_type!r}")
    return _pdf_document(filing, _ptr_pages(filing), "ptr")


def render_notice_pdf(filing: SyntheticFiling) -> bytes:
    """Render a one-page stand-in for a non-PTR filing that says what kind of filing it is.

    Raises:
        ValueError: If the filing is a PTR; use :func:`render_ptr_pdf`.
    """
    if filing.filing_type == "P":
        raise ValueError(f"{filing.doc_id} is a PTR; use render_ptr_pdf")
    return _pdf_document(filing, _notice_pages(filing), "notice")


def pdf_relpath(filing: SyntheticFiling) -> pathlib.PurePosixPath:
    """The Clerk's path of a filing's PDF, relative to the site root."""
    folder = "ptr-pdfs" if filing.filing_type == "P" else "financial-pdfs"
    return pathlib.PurePosixPath("public_disc", folder, str(filing.year), f"{filing.doc_id}.pdf")


def build_mirror(
    root: pathlib.Path, year: int = 2025, n_filings: int = 120, *, seed: int = 7, version: int = 1,
    pdfs: bool = True,
) -> MirrorManifest:
    """Write a synthetic mirror of the Clerk's site under ``root``.

    Layout (relative to ``root``, as on disclosures-clerk.house.gov): the index zip
    ``public_disc/financial-pdfs/{year}FD.zip`` holding ``{year}FD.xml`` and ``{year}FD.txt``;
    PTRs at ``public_disc/ptr-pdfs/{year}/{DocID}.pdf``; every other type at
    ``public_disc/financial-pdfs/{year}/{DocID}.pdf``. Existing files are overwritten, so
    building version 2 over version 1 looks like the Clerk's update. Output bytes depend only
    on the arguments.

    Args:
        root: Directory to write into; created if missing.
        year: Filing year.
        n_filings: Index rows of version 1 (see :func:`make_filings`).
        seed: Random seed.
        version: Index version (see :func:`make_filings`).
        pdfs: Also write one PDF per distinct DocID.

    Returns:
        The manifest with the ground truth.
    """
    root = pathlib.Path(root)
    filings = make_filings(year, n_filings, seed=seed, version=version)
    index_zip = root / "public_disc" / "financial-pdfs" / f"{year}FD.zip"
    index_zip.parent.mkdir(parents=True, exist_ok=True)
    stamp = max(f.filing_date for f in filings if f.filing_date is not None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in ((f"{year}FD.txt", write_index_txt(filings, year)),
                           (f"{year}FD.xml", write_index_xml(filings, year))):
            info = zipfile.ZipInfo(name, date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    index_zip.write_bytes(buffer.getvalue())

    pdf_paths: dict[str, pathlib.Path] = {}
    if pdfs:
        for f in filings:
            if f.doc_id in pdf_paths:
                continue
            path = root / pdf_relpath(f)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_ptr_pdf(f) if f.filing_type == "P" else render_notice_pdf(f))
            pdf_paths[f.doc_id] = path
    logger.info("synthetic mirror %d v%d: %d index rows, %d PDFs under %s",
                year, version, len(filings), len(pdf_paths), root)
    return MirrorManifest(root=root, year=year, filings=filings, index_zip=index_zip, pdf_paths=pdf_paths)
