"""``lakehouse ingest reference``: ticker names (SEC) and sectors (S&P 500) into silver.securities.

Sources, by default the official ones: the SEC's ``company_tickers_exchange.json`` (US government
work) and the S&P 500 constituents list of the ``datasets/s-and-p-500-companies`` data package
(ODC-PDDL). ``--source`` may be a directory holding the same files (tests use shared/data).
The SEC writes share classes with a hyphen (``BRK-B``), the PTRs with a dot: we use the dot.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json

import pyarrow as pa

from catalog.registry import SECURITIES
from catalog.store import Store
from core.errors import SourceError
from core.settings import Settings
from jobs.bronze.source import Fetched, Source
from jobs.spec import SourceSpec

SEC_URL = "https://www.sec.gov/files/company_tickers_exchange.json"
SP500_URL = "https://raw.githubusercontent.com/datasets/s-and-p-500-companies/main/data/constituents.csv"
#: File names looked for in a --source directory, first match wins.
SEC_FILES = ("company_tickers_exchange.json", "sec_company_tickers_exchange.json", "company_tickers.json",
             "sec_company_tickers.json")
SP500_FILES = ("constituents.csv", "sp500_constituents.csv")


@dataclasses.dataclass(frozen=True)
class ReferenceReport:
    """What ``lakehouse ingest reference`` did."""
    status: str
    """'ingested' or 'unchanged'."""
    securities: int
    sp500: int
    snapshot_id: int | None
    sources: tuple[str, ...]


def normalise_ticker(ticker: str) -> str:
    """One spelling per share class: ``BRK-B``, ``brk/b`` and ``BRK.B`` are the same ticker."""
    return ticker.strip().upper().replace("-", ".").replace("/", ".")


def parse_sec(content: bytes) -> dict[str, dict]:
    """Both SEC formats: ``{"fields": [...], "data": [[cik, name, ticker, exchange]...]}`` or ``{"0": {...}}``."""
    doc = json.loads(content)
    out: dict[str, dict] = {}
    if isinstance(doc, dict) and "fields" in doc and "data" in doc:
        fields = doc["fields"]
        rows = (dict(zip(fields, row, strict=False)) for row in doc["data"])
        for r in rows:
            if r.get("ticker"):
                out.setdefault(normalise_ticker(r["ticker"]),
                               dict(company_name=r.get("name"), cik=r.get("cik"), exchange=r.get("exchange") or None))
    elif isinstance(doc, dict):
        for r in doc.values():
            if isinstance(r, dict) and r.get("ticker"):
                out.setdefault(normalise_ticker(r["ticker"]),
                               dict(company_name=r.get("title"), cik=r.get("cik_str"), exchange=None))
    else:
        raise ValueError("the SEC ticker file is neither the 'fields/data' nor the numbered-object format")
    return out


def parse_sp500(content: bytes) -> dict[str, dict]:
    """The S&P 500 constituents CSV, by normalised ticker."""
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    missing = {"Symbol", "Security", "GICS Sector"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"the S&P 500 list lacks columns {sorted(missing)}")
    return {normalise_ticker(r["Symbol"]): dict(name=r["Security"], sector=r["GICS Sector"] or None,
                                                sub_industry=r.get("GICS Sub-Industry") or None,
                                                cik=int(r["CIK"]) if (r.get("CIK") or "").isdigit() else None)
            for r in reader if r.get("Symbol")}


def ingest_reference(store: Store, settings: Settings, source: str | None = None, *,
                     auditor=None) -> ReferenceReport:
    """Fetch both lists, merge them by ticker, and replace silver.securities (unless unchanged).

    With an ``auditor`` the new table is staged, audited and published only if its checks pass.
    """
    sec_file, sp_file = _fetch(source, settings)
    try:
        sec, sp500 = parse_sec(sec_file.content), parse_sp500(sp_file.content)
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        raise SourceError(f"Reference data could not be read: {exc}", source=sec_file.url, reason="bad_reference") from exc
    digest = hashlib.sha256(sec_file.content + b"\0" + sp_file.content).hexdigest()
    sources = (sec_file.url, sp_file.url)
    current = store.current_snapshot_id(SECURITIES.identifier)
    summaries = {s.snapshot_id: s.summary for s in store.snapshots(SECURITIES.identifier)}
    if summaries.get(current, {}).get("lakehouse.reference.sha256") == digest:  # main's head, not a staged one
        return ReferenceReport("unchanged", store.row_count(SECURITIES.identifier), len(sp500), None, sources)
    rows = []
    for ticker in sorted(set(sec) | set(sp500)):
        s, p = sec.get(ticker, {}), sp500.get(ticker, {})
        rows.append(dict(ticker=ticker, company_name=s.get("company_name") or p.get("name"),
                         cik=s.get("cik") or p.get("cik"), exchange=s.get("exchange"), sector=p.get("sector"),
                         sub_industry=p.get("sub_industry"), in_sp500=ticker in sp500))
    from jobs.runner import write_audit_publish

    snapshot_id = write_audit_publish(
        store, SECURITIES.identifier, pa.Table.from_pylist(rows, SECURITIES.arrow_schema()),
        {"lakehouse.reference.sha256": digest, "lakehouse.reference.sources": " ".join(sources)}, None, auditor, {})
    return ReferenceReport("ingested", len(rows), len(sp500), snapshot_id, sources)


def _fetch(source: str | None, settings: Settings) -> tuple[Fetched, Fetched]:
    if source is None:
        sec_src = Source(SEC_URL.rsplit("/", 1)[0], settings)
        sp_src = Source(SP500_URL.rsplit("/", 1)[0], settings)
        try:
            return sec_src.fetch(SEC_URL.rsplit("/", 1)[1]), sp_src.fetch(SP500_URL.rsplit("/", 1)[1])
        finally:
            sec_src.close()
            sp_src.close()
    src = Source(source, settings)
    try:
        return _first(src, SEC_FILES), _first(src, SP500_FILES)
    finally:
        src.close()


def _first(src: Source, names: tuple[str, ...]) -> Fetched:
    for name in names:
        try:
            return src.fetch(name)
        except SourceError as exc:
            if exc.transient:
                raise
    raise SourceError(f"None of {', '.join(names)} is at {src.location}", source=src.location, reason="not_found")




SOURCE = SourceSpec(
    name="reference",
    title="Securities reference: SEC company tickers and the S&P 500 constituents",
    base_url=SEC_URL,
    writes=(SECURITIES.identifier,),
    ingest=ingest_reference,
)
