"""silver.filings: one typed row per filing (DocID) of the House index."""

from __future__ import annotations

import datetime

import ibis
import ibis.expr.types as ir

from core.settings import CLERK_BASE_URL
from jobs.spec import Input, JobSpec, ReadMode, WriteMode

#: What each FilingType code is, from reading the 2025 documents (domain notes §3.1); the
#: original project's labels for E, G, D and O were wrong.
FILING_TYPE_NAMES: dict[str, str] = {
    "P": "Periodic Transaction Report",
    "C": "Candidate Report",
    "A": "Amendment Report",
    "T": "Terminated Filer Report",
    "H": "New Filer Report",
    "O": "Paper Financial Disclosure Report",
    "X": "Extension Request",
    "D": "Candidate Notification (under $5,000 threshold)",
    "W": "Candidate Withdrawal Notice",
    "E": "Terminated Employee Filing Exemption",
    "G": "Gift Disclosure Waiver Request",
    "B": "Qualified Blind Trust Correspondence",
}

#: DocID shape -> (family, e-filed?). The Clerk's e-filing system numbers documents with 8 digits
#: whose first digit names the document family (2 PTRs, 1 financial disclosure reports, 3 extension
#: requests, 4 candidate notices, 5 gift-waiver requests seen from 2021); paper filings are scanned
#: under 7-digit ids; withdrawal notices (W) have 4-digit ids. An 8-digit id of another first digit
#: is still e-filed ('efiled_other'); any other shape is 'unknown' (and a row issue).
DOC_ID_FAMILIES: tuple[tuple[str, str, bool], ...] = (
    (r"^2\d{7}$", "ptr_efiled", True),
    (r"^1\d{7}$", "fd_efiled", True),
    (r"^3\d{7}$", "extension_efiled", True),
    (r"^4\d{7}$", "notice_efiled", True),
    (r"^5\d{7}$", "waiver_efiled", True),
    (r"^\d{8}$", "efiled_other", True),
    (r"^\d{4}$", "withdrawal_efiled", True),
    (r"^\d{7}$", "paper", False),
)

#: State codes the Clerk wrote differently in some years -> the USPS code. The 2016-2021 indexes
#: write American Samoa 'AQ', its FIPS 10-4 code ('AQ00' for its delegate); the other territories'
#: FIPS 10-4 codes are read the same way (no state uses them).
STATE_ALIASES: dict[str, str] = {"AQ": "AS", "GQ": "GU", "RQ": "PR", "VQ": "VI", "CQ": "MP"}

#: FilingDate shapes -> strptime format. The Clerk writes M/D/YYYY; the other shapes are read too so
#: that an index in another convention never becomes null dates (a 2-digit year must not be year 8).
DATE_FORMATS: tuple[tuple[str, str], ...] = (
    (r"^(\d{1,2}/\d{1,2}/\d{4})\b", "%m/%d/%Y"),
    (r"^(\d{1,2}/\d{1,2}/\d{2})\b", "%m/%d/%y"),
    (r"^(\d{4}-\d{2}-\d{2})\b", "%Y-%m-%d"),
)

PDF_BASE = f"{CLERK_BASE_URL}/public_disc"


@ibis.udf.scalar.builtin(name="try_strptime")
def _try_strptime(value: str, fmt: str) -> datetime.datetime:
    """DuckDB's try_strptime: NULL instead of an error for a malformed date."""


def _clean(value: ir.StringValue) -> ir.StringValue:
    """Trim, collapse inner whitespace, and turn '' into NULL."""
    return value.re_replace(r"\s+", " ").strip().nullif("")


def transform(index: ir.Table) -> ir.Table:
    """Typed filings from bronze index records.

    Each ingest appends a year's *whole* index, so the latest ingest of a year in ``index`` is the
    complete truth for that year; older versions in the same batch are ignored. Records without a
    DocID cannot become a filing and stay in bronze only; repeated DocIDs collapse to one row.
    Unusual values are kept as published and read as far as they go; the row rules of
    ``checks/silver_filings.yml`` then name each oddity in ``quality_issues`` (the runner adds it).
    """
    latest = index.mutate(_latest=index.ingested_at.max().over(group_by="year"))
    rows = latest.filter(latest.ingested_at == latest._latest)
    rows = rows.mutate(doc_id=_clean(rows.doc_id))
    rows = rows.filter(rows.doc_id.notnull())
    rows = rows.mutate(
        _n=ibis.row_number().over(group_by="doc_id", order_by="record_no"),
        index_record_count=ibis._.count().over(group_by="doc_id").cast("int32"),
    )
    rows = rows.filter(rows._n == 0)

    first, last = _clean(rows.first), _clean(rows.last)
    suffix = _clean(rows.suffix).substitute({"Jr": "Jr.", "Sr": "Sr.", "JR": "Jr.", "SR": "Sr."})
    state_dst = _clean(rows.state_dst).upper()
    # 'KS/01' and 'ks 01' are read as KS01: the published value stays in state_district (a row rule
    # flags its shape), state and district come from the letters and digits.
    compact = state_dst.re_replace(r"[^A-Z0-9]", "")
    valid_sd = compact.re_search(r"^[A-Z]{2}\d{2}$").fill_null(False)
    district_no = ibis.ifelse(valid_sd, compact.substr(2, 2).cast("int32"), ibis.null("int32"))
    state = compact.substr(0, 2).substitute(STATE_ALIASES)
    filing_date_raw = _clean(rows.filing_date_raw)
    filing_date = ibis.cases(
        *((filing_date_raw.re_search(rx), _try_strptime(filing_date_raw.re_extract(rx, 1), fmt).date())
          for rx, fmt in DATE_FORMATS),
        else_=ibis.null("date"),
    )
    filing_type = _clean(rows.filing_type).upper()
    family = ibis.cases(*((rows.doc_id.re_search(rx), name) for rx, name, _ in DOC_ID_FAMILIES), else_="unknown")
    is_efiled = ibis.cases(
        *((rows.doc_id.re_search(rx), ibis.literal(efiled)) for rx, _, efiled in DOC_ID_FAMILIES),
        else_=ibis.null("boolean"),
    )
    folder = ibis.ifelse(filing_type == "P", "ptr-pdfs", "financial-pdfs")
    return rows.select(
        doc_id=rows.doc_id,
        year=rows.year,
        filing_type=filing_type,
        filing_type_name=filing_type.substitute(FILING_TYPE_NAMES, else_=ibis.null("string")),
        filing_date=filing_date,
        prefix=_clean(rows.prefix),
        first_name=first,
        last_name=last,
        suffix=suffix,
        filer_name=_clean(ibis.literal(" ").join([first.fill_null(""), last.fill_null(""), suffix.fill_null("")])),
        state_district=state_dst,
        state=ibis.ifelse(valid_sd, state, ibis.null("string")),
        district=ibis.ifelse(district_no == 0, ibis.null("int32"), district_no),
        is_at_large=ibis.ifelse(valid_sd, district_no == 0, ibis.null("boolean")),
        is_efiled=is_efiled,
        doc_id_family=family,
        pdf_url=PDF_BASE + "/" + folder + "/" + rows.year.cast("string") + "/" + rows.doc_id + ".pdf",
        is_amendment=filing_type == "A",
        index_record_count=rows.index_record_count,
        source_url=rows.source_url,
        ingested_at=rows.ingested_at,
        filing_date_raw=filing_date_raw,
        year_raw=_clean(rows.year_raw),
    )


JOB = JobSpec(
    name="silver.filings",
    output="silver.filings",
    inputs={"index": Input("bronze.house_fd_index", ReadMode.APPENDED)},
    transform=transform,
    write=WriteMode.REPLACE_PARTITIONS,
)
