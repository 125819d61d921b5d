"""The values a PTR row holds, as the Clerk prints them: owner, asset-type and amount codes, dates,
transaction types, asset names with their ticker and type code; each parser says whether it knew
the text (unknown text is kept and flagged, never guessed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

#: Owner column codes; an empty cell means the filer.
OWNER_CODES = frozenset({"SP", "JT", "DC"})


#: The official asset-type codes (fd.house.gov/reference/asset-type-codes.aspx, domain notes §3.5).
ASSET_TYPE_CODES = frozenset(
    "4K 5C 5F 5P AB BA BK CO CS CT DB DO DS EF EQ ET FA FE FN FU GS HE HN IC IH IP IR MA MF MO OI OL "
    "OP OT PE PM PS RE RF RN RP RS SA ST TR VA VI WU".split()
)


#: The PTR amount buckets (columns A-J) as the e-filed PDFs print them, with their bounds.
AMOUNT_BUCKETS: dict[str, tuple[int, int | None]] = {
    "$1,001 - $15,000": (1_001, 15_000),
    "$15,001 - $50,000": (15_001, 50_000),
    "$50,001 - $100,000": (50_001, 100_000),
    "$100,001 - $250,000": (100_001, 250_000),
    "$250,001 - $500,000": (250_001, 500_000),
    "$500,001 - $1,000,000": (500_001, 1_000_000),
    "$1,000,001 - $5,000,000": (1_000_001, 5_000_000),
    "$5,000,001 - $25,000,000": (5_000_001, 25_000_000),
    "$25,000,001 - $50,000,000": (25_000_001, 50_000_000),
    "Over $50,000,000": (50_000_001, None),
}


_BUCKET_BY_BOUNDS = {bounds: label for label, bounds in AMOUNT_BUCKETS.items()}


_BUCKET_BOUNDS = frozenset(b for bounds in AMOUNT_BUCKETS.values() for b in bounds if b is not None)


TRANSACTION_TYPES = ("purchase", "sale", "partial_sale", "exchange")


#: Earliest plausible transaction date: the STOCK Act era the lakehouse covers starts in 2008.
MIN_PLAUSIBLE_DATE = dt.date(2008, 1, 1)


_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2}\b)")


FULL_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b")


TX_TOKEN_RE = re.compile(r"^(?:P|S|E|Purchase|Sale|Exchange)$", re.IGNORECASE)


AMOUNT_START_RE = re.compile(r"^(?:\$\s*\d|Over\b|Spouse)", re.IGNORECASE)


TYPE_CODE_RE = re.compile(r"\[\s*([A-Za-z0-9]{2})\s*\]")


# OCR reads '[ST]' as '{ST}', '|ST|', '[ST}', '[OP |'...; a '(GS)' ticker is not a code, though.
_LOOSE_TYPE_CODE_RE = re.compile(r"([\[{(|])\s*([A-Z0-9]{2})\s*([\]})|1lI]?)\s*\|?\s*$")


# The ticker is the last parenthesised token; '401(k)' is not one, but OCR's 'Inc.(AMD)' is.
_TICKER_PAREN_RE = re.compile(r"(?:^|(?<=[\s.,]))\(\s*([A-Za-z][A-Za-z0-9.\-/]{0,7})\s*\)\s*$")


# OCR closes '(AAPL)' with '}' or ']': accepted for an all-capitals ticker at the end only.
_LOOSE_TICKER_PAREN_RE = re.compile(r"(?:^|(?<=[\s.,]))[({\[]\s*([A-Z]{1,5}(?:\.[A-Z]{1,2})?)\s*[)}\]|]\s*$")


TICKER_RE = re.compile(r"^[A-Z]{1,5}(?:\.[A-Z]{1,2})?$")


# As printed: the parenthesised token right before the '[XX]' type code, e.g. '(BRK.B) [ST]'.
_PRINTED_TICKER_RE = re.compile(r"\(\s*([^()\[\]\s]{1,12})\s*\)\s*\[\s*[A-Za-z0-9]{2}\s*\]")


# A single dollar value instead of a bucket ('$9.00'), cents optional.
SINGLE_AMOUNT_RE = re.compile(r"\$([\d,]+)(?:\.(\d{1,2}))?")


OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"})


_OCR_CODE_FIXES = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B"})


_TX_TYPES = {
    "p": "purchase",
    "purchase": "purchase",
    "s": "sale",
    "sale": "sale",
    "s(full)": "sale",
    "sale(full)": "sale",
    "s(partial)": "partial_sale",
    "sale(partial)": "partial_sale",
    "partialsale": "partial_sale",
    "e": "exchange",
    "exchange": "exchange",
}


def parse_date(token: str) -> dt.date | None:
    """A MM/DD/YYYY (or MM/DD/YY) date in ``token``, read through OCR digit confusions; None if absent or impossible."""
    match = _DATE_RE.search(token.translate(OCR_DIGITS))
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dates_in(texts: Iterable[str]) -> list[dt.date | None]:
    """Every date token in the cell texts, in order (unparseable tokens as None)."""
    found: list[dt.date | None] = []
    for text in texts:
        cleaned = text if "/" not in text else re.sub(r"[^\d/]", "", text.translate(OCR_DIGITS))
        for match in _DATE_RE.finditer(cleaned):
            found.append(parse_date(match.group(0)))
    return found


def parse_tx_type(text: str, ocr_fixes: bool = False) -> tuple[str, bool]:
    """The transaction type and whether it was recognised (else the raw text, lower-cased)."""
    key = re.sub(r"\s+", "", text).lower()
    if key in _TX_TYPES:
        return _TX_TYPES[key], True
    if ocr_fixes:
        letters = re.sub(r"[^a-z]", "", key)
        if "part" in letters or "tial" in letters:
            return "partial_sale", True
        # A lone letter read with a speck: '=p', '?P', 'pp', 'pr'.
        if letters[:1] in ("p", "s", "e") and len(letters) <= 2 and letters != "se":
            return _TX_TYPES[letters[0]], True
    return key, False


def _normalise_amount(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    start = re.search(r"\$|\bover\b|\bspouse", text, re.IGNORECASE)
    text = text[start.start() :] if start else text  # drops OCR specks before the '$'
    text = re.sub(r"\s*[-\u2013\u2014]\s*", " - ", text)
    return re.sub(r"\$\s+", "$", text).strip()


def _amount_number(token: str) -> int | None:
    digits = re.sub(r"[^\d]", "", token)
    return int(digits) if digits else None


def parse_amount(text: str) -> tuple[str | None, int | None, int | None, bool]:
    """Amount label, bounds and whether the label is a known bucket (or a single value).

    A rare row carries a single dollar value instead of a bucket (``$9.00``): the label stays as
    printed, and the bounds are the whole dollars around the value (``$9.00`` -> 9 and 9, ``$9.50``
    -> 9 and 10), so the value always lies within [low, high] like a bucket's. A lone whole-dollar
    value equal to a bucket bound (``$15,000``) is half a wrapped bucket, not a value: unknown.
    """
    label = _normalise_amount(text)
    if not label:
        return None, None, None, False
    if label in AMOUNT_BUCKETS:
        low, high = AMOUNT_BUCKETS[label]
        return label, low, high, True
    if re.search(r"spouse|dependent", label, re.IGNORECASE) and re.search(r"over", label, re.IGNORECASE):
        return label, 1_000_001, None, True  # column K: 'Spouse/DC Over $1,000,000'
    over = re.fullmatch(r"(?i)over \$?([\d,.]+)", label)
    if over:
        value = _amount_number(over.group(1))
        if value is not None and (value + 1, None) in _BUCKET_BY_BOUNDS:
            return _BUCKET_BY_BOUNDS[(value + 1, None)], value + 1, None, True
        return label, (value + 1) if value is not None else None, None, False
    pair = re.fullmatch(r"\$?([\d,.]+)(?: - | )\$([\d,.]+)", label)  # OCR may lose the dash
    if pair:
        low, high = _amount_number(pair.group(1)), _amount_number(pair.group(2))
        canonical = _BUCKET_BY_BOUNDS.get((low, high))  # OCR reads '$1.001' for '$1,001'
        if canonical is not None:
            return canonical, low, high, True
        return label, low, high, False
    single = SINGLE_AMOUNT_RE.fullmatch(label)
    if single:
        dollars = int(single.group(1).replace(",", ""))
        cents = int((single.group(2) or "0").ljust(2, "0"))
        known = cents > 0 or single.group(2) is not None or dollars not in _BUCKET_BOUNDS
        return label, dollars, dollars + (cents > 0), known
    return label, None, None, False


def split_asset(text: str, ocr_fixes: bool = False) -> tuple[str, str | None, str | None, bool]:
    """Asset name, ticker and type code out of the asset cell; flags capitals read in lower case.

    The ticker and code are taken as printed: the text layer's true letters, never a guessed case
    (a lower-case letter left there fails the row's checks). Only OCR, which cannot tell 'l' from
    'I' reliably, has them upper-cased: tickers and type codes are capitals on every form.
    """
    text = re.sub(r"(?:^|\s)[{}|~_](?=\s|$)", " ", text)  # lone OCR specks ('{' for '[')
    lowered = False
    asset_type = None
    codes = list(TYPE_CODE_RE.finditer(text))
    if not codes:
        loose = _LOOSE_TYPE_CODE_RE.search(text)
        if loose and not (loose.group(1) == "(" and loose.group(3) in ("", ")")):
            codes = [loose]
    if codes:
        raw = codes[-1].group(2) if codes[-1].re is _LOOSE_TYPE_CODE_RE else codes[-1].group(1)
        lowered = raw != raw.upper()
        asset_type = raw.upper() if ocr_fixes else raw
        if ocr_fixes and asset_type not in ASSET_TYPE_CODES:
            fixed = asset_type.translate(_OCR_CODE_FIXES)
            asset_type = fixed if fixed in ASSET_TYPE_CODES else asset_type
        text = text[: codes[-1].start()].rstrip(" {[|") + " " + text[codes[-1].end() :]
    text = re.sub(r"\s+", " ", text).strip()
    ticker = None
    match = _TICKER_PAREN_RE.search(text) or _LOOSE_TICKER_PAREN_RE.search(text)
    if match and any(ch.isupper() for ch in match.group(1)):
        raw = match.group(1)
        lowered = lowered or raw != raw.upper()
        ticker = raw.upper() if ocr_fixes else raw
        text = text[: match.start()].strip()
    name = text.strip(" ,;-").strip()
    return name, ticker, asset_type, lowered


def printed_ticker(asset_text: str) -> str | None:
    """The ticker-shaped token in parentheses right before the type code, as printed, if any."""
    found = _PRINTED_TICKER_RE.findall(asset_text)
    return found[-1] if found and TICKER_RE.match(found[-1]) else None
