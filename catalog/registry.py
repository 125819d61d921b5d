"""Every table of the lakehouse, declared once in code.

Field ids are explicit so Arrow and Ibis schemas derive from one source, and so that evolving a
table (``lakehouse init``) only ever adds columns. Docs on each field become the data dictionary
(``lakehouse tables --describe`` and the README).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from pyiceberg.partitioning import PartitionField, PartitionSpec
from pyiceberg.schema import Schema
from pyiceberg.table.sorting import SortField, SortOrder
from pyiceberg.transforms import IdentityTransform
from pyiceberg.types import (
    BinaryType,
    BooleanType,
    DateType,
    DoubleType,
    IcebergType,
    IntegerType,
    ListType,
    LongType,
    NestedField,
    StringType,
    TimestamptzType,
)

NAMESPACES: tuple[str, ...] = ("bronze", "silver", "gold", "ops")


@dataclasses.dataclass(frozen=True)
class Column:
    """One column: Iceberg type, whether it may be null, and what it means."""

    name: str
    type: IcebergType
    doc: str
    required: bool = False
    default: str | int | bool | None = None
    """The value rows written before the column existed take (Iceberg's initial default): lets a
    required column, even a key column, join a table that already holds data (``lakehouse init``)."""

    @property
    def is_binary(self) -> bool:
        """Bytes (a PDF, an image): never loaded for audits or analytics."""
        return isinstance(self.type, BinaryType)


@dataclasses.dataclass(frozen=True)
class TableSpec:
    """The declaration of one table."""

    identifier: str
    doc: str
    columns: tuple[Column, ...]
    partition_by: tuple[str, ...] = ()
    sort_by: tuple[str, ...] = ()
    key: tuple[str, ...] = ()
    """Identifier fields: the natural key, unique in the current snapshot."""

    @property
    def namespace(self) -> str:
        return self.identifier.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.identifier.split(".", 1)[1]

    @property
    def schema(self) -> Schema:
        fields = [
            NestedField(field_id=i, name=c.name, field_type=_with_ids(c.type, i), required=c.required, doc=c.doc)
            for i, c in enumerate(self.columns, start=1)
        ]
        ids = [self._field_id(k) for k in self.key]
        return Schema(*fields, identifier_field_ids=ids)

    @property
    def partition_spec(self) -> PartitionSpec:
        return PartitionSpec(
            *(
                PartitionField(
                    source_id=self._field_id(col), field_id=1000 + i, transform=IdentityTransform(), name=col
                )
                for i, col in enumerate(self.partition_by)
            )
        )

    @property
    def sort_order(self) -> SortOrder:
        if not self.sort_by:
            return SortOrder()
        return SortOrder(*(SortField(source_id=self._field_id(c), transform=IdentityTransform()) for c in self.sort_by))

    def arrow_schema(self):
        """The Arrow schema pyiceberg writes for this table (large_string, large_binary …)."""
        return self.schema.as_arrow()

    def _field_id(self, name: str) -> int:
        for i, c in enumerate(self.columns, start=1):
            if c.name == name:
                return i
        raise KeyError(f"{self.identifier} has no column {name!r}")


LIST_ELEMENT_IDS = 10_000
"""A list column's element gets field id ``LIST_ELEMENT_IDS + the column's id`` (clear of the columns')."""


def _with_ids(type_: IcebergType, field_id: int) -> IcebergType:
    if isinstance(type_, ListType):
        return ListType(element_id=LIST_ELEMENT_IDS + field_id, element=type_.element_type,
                        element_required=type_.element_required)
    return type_


def _c(name: str, type_: IcebergType, doc: str, required: bool = False, default: str | int | bool | None = None
       ) -> Column:
    return Column(name, type_, doc, required, default)


# One-letter type names keep the column declarations below readable as a table.
S, I, L, B, D, TS, BIN = StringType(), IntegerType(), LongType(), BooleanType(), DateType(), TimestamptzType(), BinaryType()  # noqa: E741
F = DoubleType()
STRINGS = ListType(element_id=0, element=StringType(), element_required=False)
"""A list of strings (the element id is assigned per table by :func:`_with_ids`)."""

QUALITY_ISSUES_DOC = (
    "Codes of the row rules this row fails (the checks file of the table declares each rule, the fact it "
    "encodes and the share of a partition above which it blocks a batch); empty when none. The row is "
    "published all the same: README, 'Data quality', lists the codes."
)

_LINEAGE = (
    _c("run_id", S, "Id of the ingest run that wrote the row.", True),
)

HOUSE_FD_INDEX = TableSpec(
    "bronze.house_fd_index",
    "One row per record of a House Clerk yearly index file ({YEAR}FD.xml or .txt), values as published.",
    (
        _c("year", I, "Filing year of the index file the record came from.", True),
        _c("doc_id", S, "DocID as published (null when the record has none)."),
        _c("prefix", S, "Prefix as published (e.g. 'Hon.', 'Mr.')."),
        _c("last", S, "Last name as published."),
        _c("first", S, "First name as published (may carry middle names, nicknames, titles)."),
        _c("suffix", S, "Suffix as published (e.g. 'Jr', 'Jr.', 'III')."),
        _c("filing_type", S, "FilingType code as published (P, C, X, D, T, A, W, E, G, B, O, H …)."),
        _c("state_dst", S, "StateDst as published: 2-letter state + 2-digit district ('00' = at-large)."),
        _c("year_raw", S, "The record's own Year value."),
        _c("filing_date_raw", S, "FilingDate as published, M/D/YYYY (empty on some W records)."),
        _c("record_no", I, "1-based position of the record in the index file.", True),
        _c("index_format", S, "Which index file was parsed: 'xml' or 'txt'.", True),
        _c("source_url", S, "URL or path the index was read from.", True),
        _c("source_sha256", S, "SHA-256 of the index file bytes (unchanged index = no new snapshot).", True),
        _c("http_etag", S, "HTTP ETag of the download, when served over HTTP."),
        _c("http_last_modified", S, "HTTP Last-Modified of the download, when served over HTTP."),
        _c("ingested_at", TS, "When this index version was ingested.", True),
        *_LINEAGE,
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
)

HOUSE_DOCUMENTS = TableSpec(
    "bronze.house_documents",
    "One row per fetched filing PDF, with its bytes. Only real PDFs land here; failures go to ops.quarantine.",
    (
        _c("doc_id", S, "DocID of the filing.", True),
        _c("year", I, "Filing year (part of the PDF's URL).", True),
        _c("filing_type", S, "FilingType code from the index.", True),
        _c("url", S, "URL or path the PDF was fetched from.", True),
        _c("http_status", I, "HTTP status of the successful fetch (null for a local directory)."),
        _c("content_type", S, "Content-Type header of the response."),
        _c("size_bytes", L, "Size of the PDF in bytes.", True),
        _c("sha256", S, "SHA-256 of the PDF bytes.", True),
        _c("content", BIN, "The PDF bytes.", True),
        _c("fetched_at", TS, "When the PDF was fetched.", True),
        *_LINEAGE,
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
)

SENATE_REPORTS = TableSpec(
    "bronze.senate_reports",
    "One row per Senate eFD periodic transaction report: its row in the eFD search and the bytes of its page "
    "(the e-filed report's HTML, or a paper report's page listing its scanned images).",
    (
        _c("report_id", S, "eFD report id: the UUID in the report's link (lower case; 2012-2013 paper ids are "
           "upper case on the site).", True),
        _c("year", I, "Year the Senate received the report (from filed_date; the fetch year when unreadable).", True),
        _c("report_kind", S, "ptr (e-filed, an HTML table) or paper (scanned pages), from the link's path.", True),
        _c("first_name", S, "First name as the search lists it (may carry a middle initial: 'Gary C')."),
        _c("last_name", S, "Last name as the search lists it (may carry a suffix: 'McConnell, Jr.')."),
        _c("office", S, "The search's filer column ('Peters, Gary (Senator)'; 'Senator' on paper rows)."),
        _c("filed_date", D, "Date the Senate received the report, from the search row."),
        _c("title", S, "Report title as linked ('Periodic Transaction Report for 06/30/2026 (Amendment 1)')."),
        _c("url", S, "Address (or mirror path) the page was read from.", True),
        _c("size_bytes", L, "Size of the page in bytes.", True),
        _c("sha256", S, "SHA-256 of the page bytes.", True),
        _c("content", BIN, "The page bytes as served (UTF-8 HTML).", True),
        _c("fetched_at", TS, "When the page was fetched.", True),
        *_LINEAGE,
    ),
    partition_by=("year",),
    sort_by=("report_id",),
    key=("report_id",),
)

SENATE_PAPER_PAGES = TableSpec(
    "bronze.senate_paper_pages",
    "One row per scanned page image (GIF) of a paper Senate report, as the eFD site serves it.",
    (
        _c("report_id", S, "eFD report id of the paper report.", True),
        _c("page_no", I, "1-based position of the image on the report's page.", True),
        _c("year", I, "Year of the report (as in bronze.senate_reports).", True),
        _c("url", S, "Address (or mirror path) the image was read from.", True),
        _c("content_type", S, "Content-Type of the image as served."),
        _c("size_bytes", L, "Size of the image in bytes.", True),
        _c("sha256", S, "SHA-256 of the image bytes.", True),
        _c("content", BIN, "The image bytes.", True),
        _c("fetched_at", TS, "When the image was fetched.", True),
        *_LINEAGE,
    ),
    partition_by=("year",),
    sort_by=("report_id", "page_no"),
    key=("report_id", "page_no"),
)

FILINGS = TableSpec(
    "silver.filings",
    "One row per filing (DocID) of the House index: typed, names normalised, PDF URL resolved.",
    (
        _c("doc_id", S, "DocID, unique.", True),
        _c("year", I, "Filing year of the index.", True),
        _c("filing_type", S, "FilingType code (P = periodic transaction report, C = candidate report …).", True),
        _c("filing_type_name", S, "What the filing type is, from reading the documents (README lists them)."),
        _c("filing_date", D, "Date the Clerk received the filing; null when the index has none."),
        _c("prefix", S, "Honorific kept apart from the name ('Hon.', 'Mr.', 'Dr.' …)."),
        _c("first_name", S, "First name(s), whitespace normalised."),
        _c("last_name", S, "Last name, whitespace normalised."),
        _c("suffix", S, "Generational suffix, normalised ('Jr' -> 'Jr.')."),
        _c("filer_name", S, "Display name: first, last and suffix."),
        _c("state_district", S, "State and district code as published (trimmed, upper case), e.g. 'CA11', "
           "'DE00'; the Clerk's own oddities ('KS/01', 'AQ00') are kept."),
        _c("state", S, "Two-letter USPS state or territory code, read from state_district ('AQ', American "
           "Samoa's code in the 2016-2021 indexes, becomes 'AS'); null when state_district is unreadable."),
        _c("district", I, "Congressional district number as published; null when at-large or a delegate "
           "('00'), or unreadable."),
        _c("is_at_large", B, "True when the district code is '00' (at-large seat or delegate)."),
        _c("is_efiled", B, "True for e-filed (text PDF), false for paper (scanned, 7-digit DocID); null if unknown."),
        _c("doc_id_family", S, "DocID shape: ptr_efiled, fd_efiled, extension_efiled, notice_efiled, "
           "waiver_efiled, efiled_other (8 digits), withdrawal_efiled (4 digits), paper (7 digits), unknown."),
        _c("pdf_url", S, "Canonical Clerk URL of the filing's PDF (PTRs under ptr-pdfs/, others financial-pdfs/)."),
        _c("is_amendment", B, "True for Amendment Reports (type A). PTR amendments are flagged from the PDF later."),
        _c("index_record_count", I, "How many index records carried this DocID (the index repeats some)."),
        _c("source_url", S, "Index file the latest record came from."),
        _c("ingested_at", TS, "When that index version was ingested into bronze."),
        _c("quality_issues", STRINGS, QUALITY_ISSUES_DOC),
        _c("filing_date_raw", S, "FilingDate as published (M/D/YYYY; empty on many withdrawal notices)."),
        _c("year_raw", S, "The index record's own Year as published."),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
)

FACT_FILINGS = TableSpec(
    "gold.fact_filings",
    "One row per filing, for analysts: filer, place, type, date, PDF link, and whether bronze holds the PDF.",
    (
        _c("doc_id", S, "The filing's id, unique: a House DocID (digits) or a Senate eFD report id (a UUID).", True),
        _c("year", I, "Filing year.", True),
        _c("filing_type", S, "FilingType code (Senate reports: P, periodic transaction report).", True),
        _c("filing_type_name", S, "What the filing type is."),
        _c("filing_date", D, "Date the Clerk received the filing (null when unknown)."),
        _c("filer_name", S, "Display name of the filer."),
        _c("prefix", S, "Honorific ('Hon.' marks sitting or former Members)."),
        _c("first_name", S, "First name(s)."),
        _c("last_name", S, "Last name."),
        _c("suffix", S, "Suffix."),
        _c("state_district", S, "State and district code, e.g. 'CA11'."),
        _c("state", S, "Two-letter state or territory code."),
        _c("district", I, "District number; null when at-large."),
        _c("is_efiled", B, "E-filed (text PDF) rather than paper (scanned)."),
        _c("is_amendment", B, "Amendment Report."),
        _c("pdf_url", S, "Canonical Clerk URL of the source PDF."),
        _c("document_in_bronze", B, "Whether bronze.house_documents holds this filing's PDF.", True),
        _c("document_sha256", S, "SHA-256 of the PDF in bronze, when held."),
        _c("document_size_bytes", L, "Size of the PDF in bronze, when held."),
        _c("quality_issues", STRINGS, "The filing's quality_issues from silver.filings (codes of the index "
           "record's oddities; empty when none)."),
        _c("bioguide_id", S, "The Member who filed (silver.filer_matches); null for candidates and others."),
        _c("member_key", L, "Key of the filer's gold.dim_members version: the one valid at the filing date; for a "
           "former Member (a terminated-filer report, a late PTR) the last one before it; for a Member-elect the "
           "first."),
        _c("party", S, "The filer's party in that version (gold.dim_members); null when not a Member's filing."),
        _c("chamber", S, "The chamber the report was filed with: house (the Clerk's index) or senate (eFD).", True,
           default="house"),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    # The chamber is part of the key: the two chambers' id spaces are separate registries, kept
    # apart by the key rather than by their ids' shapes (which a check still watches).
    key=("chamber", "doc_id"),
)

MEMBERS = TableSpec(
    "silver.members",
    "Members of Congress (House and Senate) from the congress-legislators project (CC0).",
    (
        _c("bioguide_id", S, "Bioguide id, unique.", True),
        _c("first_name", S, "First name."),
        _c("middle_name", S, "Middle name."),
        _c("last_name", S, "Last name."),
        _c("suffix", S, "Suffix (Jr., III …)."),
        _c("nickname", S, "Nickname (e.g. 'Mike')."),
        _c("official_full_name", S, "Official full name."),
        _c("birthday", D, "Date of birth."),
        _c("gender", S, "M or F."),
    ),
    sort_by=("bioguide_id",),
    key=("bioguide_id",),
)

MEMBER_TERMS = TableSpec(
    "silver.member_terms",
    "One row per House or Senate term: seat, party and dates (end exclusive).",
    (
        _c("bioguide_id", S, "Bioguide id.", True),
        _c("term_no", I, "1-based order of the member's terms.", True),
        _c("chamber", S, "house or senate.", True),
        _c("state", S, "Two-letter state or territory code.", True),
        _c("district", I, "House district; 0 for at-large and delegates; null for senators."),
        _c("party", S, "Party during the term."),
        _c("start_date", D, "First day of the term.", True),
        _c("end_date", D, "Day after the last day (exclusive); the actual end when the member left early.", True),
        _c("end_is_scheduled", B, "True when the source only knows the scheduled end, not the actual one."),
    ),
    sort_by=("bioguide_id", "start_date"),
    key=("bioguide_id", "term_no"),
)

FILER_MATCHES = TableSpec(
    "silver.filer_matches",
    "Every filing's filer resolved to a Member (bioguide id) by exact rules, or why not.",
    (
        _c("doc_id", S, "DocID of the filing.", True),
        _c("year", I, "Filing year.", True),
        _c("bioguide_id", S, "The matched Member; null when not matched."),
        _c("match_status", S, "matched, ambiguous or not_a_member.", True),
        _c("match_rule", S, "The rule that matched (e.g. seat_last_name), when matched."),
        _c("candidates", S, "Comma-separated bioguide ids considered by the deciding rule."),
        _c("filer_name", S, "Filer name from the index."),
        _c("state_district", S, "StateDst from the index."),
        _c("filing_date", D, "Filing date used to find the active terms."),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
)

MEMBER_MATCH_ISSUES = TableSpec(
    "silver.member_match_issues",
    "Filings whose filer is not exactly one Member: ambiguous (several candidates) or not a member.",
    (
        _c("doc_id", S, "DocID of the filing.", True),
        _c("year", I, "Filing year.", True),
        _c("filing_type", S, "FilingType code."),
        _c("match_status", S, "ambiguous or not_a_member.", True),
        _c("candidates", S, "Comma-separated candidate bioguide ids (empty when none)."),
        _c("reason", S, "Why no single Member matched.", True),
        _c("filer_name", S, "Filer name from the index."),
        _c("state_district", S, "StateDst from the index."),
        _c("filing_date", D, "Filing date."),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
)

SECURITIES = TableSpec(
    "silver.securities",
    "Reference list of listed securities: SEC company tickers (names, exchange) and S&P 500 sectors.",
    (
        _c("ticker", S, "Ticker, share classes with a dot (BRK.B) as in the PTRs.", True),
        _c("company_name", S, "Company name from the SEC list (else the S&P 500 list)."),
        _c("cik", L, "SEC Central Index Key."),
        _c("exchange", S, "Exchange from the SEC list (Nasdaq, NYSE, OTC …)."),
        _c("sector", S, "GICS sector, for S&P 500 constituents."),
        _c("sub_industry", S, "GICS sub-industry, for S&P 500 constituents."),
        _c("in_sp500", B, "Listed among the S&P 500 constituents.", True),
    ),
    sort_by=("ticker",),
    key=("ticker",),
)

PTR_TRANSACTIONS = TableSpec(
    "silver.ptr_transactions",
    "One row per transaction line of a periodic transaction report, as extracted from its PDF.",
    (
        _c("doc_id", S, "DocID of the PTR.", True),
        _c("line_no", I, "1-based order of the row in the document (identical-looking rows are real).", True),
        _c("year", I, "Filing year.", True),
        _c("owner", S, "Whose asset: null = the filer, SP spouse, JT joint, DC dependent child."),
        _c("asset_name", S, "Asset name as printed, without ticker, type code or sub-line text."),
        _c("ticker", S, "Ticker from the parentheses, dots kept (BRK.B)."),
        _c("asset_type", S, "Asset type code from the brackets, upper-cased (ST stock, OP option, GS government …)."),
        _c("transaction_type", S, "purchase, sale, partial_sale or exchange."),
        _c("transaction_date", D, "Date of the trade."),
        _c("notification_date", D, "Date the filer was notified of the trade."),
        _c("amount_range", S, "Amount bucket label as printed, e.g. '$1,001 - $15,000', 'Over $50,000,000', or a "
           "single dollar value as printed on rare rows ('$9.00')."),
        _c("amount_low", L, "Lower bound of the bucket in dollars; for a single value, its whole dollars rounded down."),
        _c("amount_high", L, "Upper bound in dollars; null for 'Over $50,000,000'; for a single value, rounded up."),
        _c("cap_gains_over_200", B, "The 'Cap. Gains > $200?' box: true/false on every e-filed row (a Marlett "
           "glyph in the 2021 layout, a drawn box in EO.Pdf files); null only where the form has no box."),
        _c("filing_status", S, "The row's FILING STATUS sub-line (New, Amended …)."),
        _c("subholding_of", S, "The row's SUBHOLDING OF sub-line (the account or trust)."),
        _c("description", S, "The row's DESCRIPTION sub-line (option terms, share counts …)."),
        _c("comment", S, "The row's COMMENTS sub-line, when the filer wrote one."),
        _c("page", I, "PDF page where the row starts."),
        _c("row_checks_failed", S, "Comma-separated names of the row checks that failed; '' when all passed."),
        _c("extraction_method", S, "text (PDF text layer), ocr (a scan of the e-filed layout), grid (the Ethics "
           "paper form: type and amount from its check boxes; written cells null until reviewed) or manual (entered or confirmed "
           "by a reviewer with `lakehouse review`; re-extraction never replaces it).", True),
        _c("extractor_version", S, "Version of the extractor that produced the row.", True),
        _c("pdf_sha256", S, "SHA-256 of the source PDF in bronze.", True),
        _c("extracted_at", TS, "When the row was extracted.", True),
        _c("location", S, "The row's LOCATION sub-line, when printed."),
        _c("row_id", S, "The ID column as printed (amended rows); a wrapped ID's lines joined by a space."),
        _c("reviewed_by", S, "Who entered or confirmed a manual row (null for machine-read rows)."),
        _c("reviewed_at", TS, "When the manual row was entered."),
    ),
    partition_by=("year",),
    sort_by=("doc_id", "line_no"),
    key=("doc_id", "line_no"),
)

SCHEDULE_B_TRANSACTIONS = TableSpec(
    "silver.schedule_b_transactions",
    "One row per Schedule B (Transactions) line of an e-filed annual (A) or terminated-filer (T) "
    "Financial Disclosure Report. Kept apart from silver.ptr_transactions and gold on purpose: Members "
    "report the same trades on PTRs, so adding these would count them twice.",
    (
        _c("doc_id", S, "DocID of the report.", True),
        _c("line_no", I, "1-based order of the row in the report's Schedule B.", True),
        _c("year", I, "Filing year.", True),
        _c("filing_type", S, "FilingType code of the report: A (annual or amendment) or T (terminated filer).", True),
        _c("owner", S, "Whose asset: null = the filer, SP spouse, JT joint, DC dependent child."),
        _c("asset_name", S, "Asset name as printed, without ticker, type code, parent holding or sub-line text."),
        _c("ticker", S, "Ticker from the parentheses, dots kept (BRK.B)."),
        _c("asset_type", S, "Asset type code from the brackets, upper-cased (ST stock, RP real property …)."),
        _c("transaction_type", S, "purchase, sale, partial_sale or exchange."),
        _c("transaction_date", D, "Date of the transaction (Schedule B has no notification date)."),
        _c("amount_range", S, "Amount bucket label as printed, e.g. '$1,001 - $15,000', 'Over $50,000,000'."),
        _c("amount_low", L, "Lower bound of the bucket in dollars."),
        _c("amount_high", L, "Upper bound in dollars; null for 'Over $50,000,000'."),
        _c("cap_gains_over_200", B, "The 'Cap. Gains > $200?' check box; null when the row has none "
           "(purchases)."),
        _c("subholding_of", S, "The holding the asset sits in: the text before the last '⇒' "
           "(e.g. 'Birch Creek Properties ⇒ Westchester Properties')."),
        _c("location", S, "The row's LOCATION (L:) sub-line, e.g. 'Nashville, TN, US'."),
        _c("description", S, "The row's DESCRIPTION (D:) sub-line."),
        _c("comment", S, "The row's COMMENTS (C:) sub-line, when the filer wrote one."),
        _c("page", I, "PDF page where the row starts."),
        _c("row_checks_failed", S, "Comma-separated names of the row checks that failed; '' when all passed."),
        _c("extraction_method", S, "text (PDF text layer; paper reports are not read).", True),
        _c("extractor_version", S, "Version of the Schedule B extractor that produced the row.", True),
        _c("pdf_sha256", S, "SHA-256 of the source PDF in bronze.", True),
        _c("extracted_at", TS, "When the row was extracted.", True),
    ),
    partition_by=("year",),
    sort_by=("doc_id", "line_no"),
    key=("doc_id", "line_no"),
)

PTR_FILINGS = TableSpec(
    "silver.ptr_filings",
    "One row per periodic transaction report PDF: header fields and how the extraction went.",
    (
        _c("doc_id", S, "DocID of the PTR.", True),
        _c("year", I, "Filing year.", True),
        _c("filer_name", S, "Name as printed on the PDF (e.g. 'Hon. Nancy Pelosi')."),
        _c("status", S, "Filer status as printed (Member, Officer or Employee)."),
        _c("state_district", S, "State/District as printed, e.g. 'CA11'."),
        _c("signature_name", S, "Name in the 'Digitally Signed' line."),
        _c("signature_date", D, "Date of the digital signature."),
        _c("ipo_answer", B, "Answer to the IPO question (shares allocated in an IPO)."),
        _c("pages", I, "Pages in the PDF."),
        _c("rows_found", I, "Transaction rows extracted."),
        _c("rows_with_failed_checks", I, "Rows where at least one row check failed."),
        _c("extraction_status", S, "ok, needs_review (OCR or failed row checks) or failed."),
        _c("issues", S, "Comma-separated document-level issues (no_text_layer, no_rows_found …)."),
        _c("extraction_method", S, "text, ocr or grid (the Ethics paper form's check boxes).", True),
        _c("extractor_version", S, "Version of the extractor.", True),
        _c("pdf_sha256", S, "SHA-256 of the source PDF in bronze.", True),
        _c("extracted_at", TS, "When the document was extracted.", True),
        _c("quality_issues", STRINGS, QUALITY_ISSUES_DOC),
        _c("layout_era", S, "Layout era of the PDF, from its own facts (producer string, fonts, how check boxes are "
           "drawn): eo_pdf, 2021_generic, unknown, no_text_layer (a scan read by OCR) or paper_form (a scan of the "
           "Committee on Ethics paper form, read by its check-box grid)."),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
)

SENATE_FILINGS = TableSpec(
    "silver.senate_filings",
    "One row per Senate eFD periodic transaction report: the search row and the page's header facts, and how "
    "reading it went. An amendment restates the whole report it amends.",
    (
        _c("report_id", S, "eFD report id (UUID).", True),
        _c("year", I, "Year the Senate received the report.", True),
        _c("report_kind", S, "ptr (e-filed) or paper (scanned pages; rows wait for review).", True),
        _c("title", S, "Report title as printed."),
        _c("report_for", D, "The date in the title ('Periodic Transaction Report for MM/DD/YYYY')."),
        _c("amendment_no", I, "N of '(Amendment N)' in the title; null for an original report."),
        _c("is_amendment", B, "Whether the report is an amendment.", True),
        _c("first_name", S, "First name as the search lists it."),
        _c("last_name", S, "Last name as the search lists it, suffix split off into suffix."),
        _c("suffix", S, "Generational suffix from the last name ('Jr.', 'III')."),
        _c("filer_name", S, "The filer's name as printed on the page ('The Honorable Gary C Peters'); for paper, "
           "first and last name from the search."),
        _c("office", S, "The search's filer column ('Peters, Gary (Senator)')."),
        _c("filed_date", D, "Date the Senate received the report (the search row's date)."),
        _c("filed_at", TS, "Filing time as printed on an e-filed page ('Filed 07/02/2026 @ 4:12 PM'), Eastern."),
        _c("transactions_declared", I, "The page's own count of transactions, when it prints one."),
        _c("rows_found", I, "Transaction rows read from the page; for paper, the rows reviewers entered so far."),
        _c("extraction_status", S, "ok, needs_review (page counts disagree, rows with problems, or paper pages not "
           "all reviewed) or failed (no transactions table).", True),
        _c("issues", S, "Comma-separated report-level findings (count_mismatch, paper_rows_to_review: N of M pages, "
           "rows_with_problems: N, amendment_unlinked …)."),
        _c("amends_report_id", S, "For an amendment: the filer's earlier report of the same date whose rows it "
           "restates (the page does not say; see docs/senate.md); null when none matches."),
        _c("report_url", S, "The report's page on the eFD site.", True),
        _c("parser_version", S, "Version of the page parser.", True),
        _c("page_sha256", S, "SHA-256 of the page in bronze.", True),
        _c("extracted_at", TS, "When the page was read.", True),
    ),
    partition_by=("year",),
    sort_by=("report_id",),
    key=("report_id",),
)

SENATE_TRANSACTIONS = TableSpec(
    "silver.senate_transactions",
    "One row per transaction row of an e-filed Senate PTR page, or entered by a reviewer from a paper report's page "
    "image (extraction_method manual), in the House model's codes where they mean the same (owner, "
    "transaction_type, amount buckets).",
    (
        _c("report_id", S, "eFD report id (UUID).", True),
        _c("line_no", I, "1-based order of the row on the page (the page's '#' column is in row_number).", True),
        _c("year", I, "Year the Senate received the report.", True),
        _c("row_number", S, "The page's '#' cell as printed."),
        _c("owner", S, "Whose asset: null = the filer, SP spouse, JT joint, DC dependent child."),
        _c("ticker", S, "Ticker as printed; null for '--'."),
        _c("asset_name", S, "Asset name as printed, without its sub-lines (an exchange's two assets on two lines)."),
        _c("asset_type", S, "Asset type as printed (Stock, Stock Option, Corporate Bond, Municipal Security …)."),
        _c("description", S, "The asset cell's sub-lines joined ('Rate/Coupon: 5.0%; Matures: 10/01/2019')."),
        _c("transaction_type", S, "purchase, sale, partial_sale or exchange (as the House model)."),
        _c("transaction_type_text", S, "Type as printed ('Sale (Partial)')."),
        _c("transaction_date", D, "Date of the trade."),
        _c("amount_range", S, "Amount bucket label as printed, e.g. '$1,001 - $15,000'."),
        _c("amount_low", L, "Lower bound of the bucket in dollars."),
        _c("amount_high", L, "Upper bound in dollars; null for an open-ended bucket."),
        _c("comment", S, "The row's comment; null for '--'."),
        _c("row_checks_failed", S, "Comma-separated problems that leave a value of the row unknown "
           "(unparseable_transaction_date, unknown_owner, unknown_amount …); '' when none. The row stays in silver; "
           "gold counts only rows without them.", True),
        _c("parser_version", S, "Version of the page parser.", True),
        _c("page_sha256", S, "SHA-256 of the page in bronze (a manual row: of the page image it was read from).",
           True),
        _c("extracted_at", TS, "When the row was read.", True),
        _c("row_notes", S, "Comma-separated oddities that leave the row usable (empty_asset_type: the 2014 form "
           "left Asset Type blank on every row; ticker_in_asset_name; unknown_asset_type …); '' when none."),
        # Rows written before reviewers could enter paper reports' rows were all read from e-filed pages.
        _c("extraction_method", S, "html (read from the e-filed page) or manual (entered by a reviewer from a paper "
           "report's page image; never replaced by re-extraction).", True, default="html"),
        _c("page_no", I, "Manual rows: the page image of the paper report the row was read from (its sha256 is "
           "page_sha256)."),
        _c("reviewed_by", S, "Manual rows: who entered the row."),
        _c("reviewed_at", TS, "Manual rows: when the row was entered."),
    ),
    partition_by=("year",),
    sort_by=("report_id", "line_no"),
    key=("report_id", "line_no"),
)

SENATE_FILER_MATCHES = TableSpec(
    "silver.senate_filer_matches",
    "Every Senate eFD report's filer resolved to a Senator (bioguide id) by name and date, or why not.",
    (
        _c("report_id", S, "eFD report id.", True),
        _c("year", I, "Year the Senate received the report.", True),
        _c("bioguide_id", S, "The matched Member; null when not matched."),
        _c("match_status", S, "matched, ambiguous or not_a_member.", True),
        _c("match_rule", S, "The rule that matched (e.g. senate_last_name, senate_last_first), when matched."),
        _c("candidates", S, "Comma-separated bioguide ids considered by the deciding rule."),
        _c("filer_name", S, "First and last name as the search lists them."),
        _c("state", S, "The matched Senator's state (the search and the page do not print one)."),
        _c("filed_date", D, "Date used to find the terms: the date the Senate received the report."),
    ),
    partition_by=("year",),
    sort_by=("report_id",),
    key=("report_id",),
)

EXTRACTION_ISSUES = TableSpec(
    "silver.extraction_issues",
    "Every PTR document or row, and every Form A/T report or Schedule B row, that could not be read or needs "
    "review, with the reason.",
    (
        _c("doc_id", S, "DocID concerned.", True),
        _c("line_no", I, "Row concerned; null for a document-level issue."),
        _c("year", I, "Filing year.", True),
        _c("severity", S, "needs_review or failed.", True),
        _c("reason_code", S, "Machine-readable reason (not_pdf, no_text_layer, ocr_unavailable, no_rows_found, "
           "row check names …).", True),
        _c("reason", S, "What happened and what to do about it.", True),
        _c("extraction_method", S, "text, ocr or grid."),
        _c("extractor_version", S, "Version of the extractor.", True),
        _c("pdf_sha256", S, "SHA-256 of the source PDF.", True),
        _c("recorded_at", TS, "When the issue was found.", True),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
)

REVIEW_QUEUE = TableSpec(
    "silver.review_queue",
    "PTR rows a person must read: one row per row of a House paper form with written cells (handwriting or typing "
    "is read by a person; OCR only proposes) or ambiguous check boxes, with the cropped image of the row; and one row "
    "per scanned page image of a Senate paper report, on which a person enters the rows they read. A House item is "
    "open while silver.ptr_transactions holds no manual row for its (doc_id, line_no); a Senate page while "
    "reviewed_by is null. `lakehouse review` lists, shows and completes them.",
    (
        _c("doc_id", S, "DocID of the PTR (House), or the eFD report id of the paper report (Senate).", True),
        _c("line_no", I, "The row's line_no in silver.ptr_transactions; for a Senate page, its page number.", True),
        _c("year", I, "Filing year.", True),
        _c("page", I, "PDF page of the row; for a Senate page, its page number (bronze.senate_paper_pages.page_no)."),
        _c("fields_to_read", S, "Comma-separated fields the machine could not read (asset_name, owner, "
           "transaction_date, notification_date, transaction_type, amount_range).", True),
        _c("reason", S, "Why the row needs a person, e.g. 'handwritten: asset_name, transaction_date'.", True),
        _c("proposed", S, "The machine's reading as JSON (grid marks; OCR's confident readings of written "
           "cells, only ever proposals), for the reviewer to confirm or correct.", True),
        _c("row_image_png", BIN, "The row cut from the upright page (PNG, bi-level); null for a Senate page, whose "
           "image stays in bronze.senate_paper_pages (`lakehouse review show` writes it as PNG)."),
        _c("extraction_method", S, "How the row was read (grid); manual for a Senate page (only a person reads it).",
           True),
        _c("extractor_version", S, "Version of the extractor.", True),
        _c("pdf_sha256", S, "SHA-256 of the source PDF; for a Senate page, of its image in bronze.senate_paper_pages.",
           True),
        _c("queued_at", TS, "When the row was queued.", True),
        _c("chamber", S, "senate for a page of a Senate paper report; house for a row of a House paper form (every "
           "row queued before the Senate joined).", True, default="house"),
        _c("reviewed_by", S, "Senate page: who marked it read (the rows they entered are the page's manual rows of "
           "silver.senate_transactions); null while open and for House rows (their manual row says it)."),
        _c("reviewed_at", TS, "Senate page: when it was marked read."),
        _c("rows_entered", I, "Senate page: how many rows the reviewer entered on it (0: a page without "
           "transactions, such as a cover letter)."),
    ),
    partition_by=("year",),
    sort_by=("doc_id", "line_no"),
    key=("doc_id", "line_no"),
)

FACT_TRANSACTIONS = TableSpec(
    "gold.fact_transactions",
    "One row per current PTR transaction of either chamber, with the member at trade date, amounts and STOCK Act "
    "timeliness.",
    (
        _c("transaction_key", L, "Deterministic surrogate key: DocID * 10000 + line_no for the House; for the Senate "
           "-(upper 64 bits of md5(report id) mod 10^14) * 10000 - line_no (negative: never a House key).", True),
        _c("doc_id", S, "The report's id: a House DocID (digits) or a Senate eFD report id (a UUID).", True),
        _c("line_no", I, "Row order in the PTR.", True),
        _c("year", I, "Filing year.", True),
        _c("bioguide_id", S, "Member's Bioguide id; null when the filer is not matched to a Member."),
        _c("member_key", L, "Key of the dim_members version valid at the trade date."),
        _c("filer_name", S, "Filer name from the index."),
        _c("party", S, "Member's party at trade date."),
        _c("state", S, "Member's state at trade date."),
        _c("district", I, "Member's district at trade date; null when at-large or a senator."),
        _c("chamber", S, "The chamber the report was filed with: house (the Clerk) or senate (eFD).", True,
           default="house"),
        _c("owner", S, "null = filer, SP, JT, DC."),
        _c("ticker", S, "Ticker (dots kept)."),
        _c("asset_name", S, "Asset name."),
        _c("asset_type", S, "Asset type code."),
        _c("asset_key", S, "Key of the asset in dim_assets."),
        _c("transaction_type", S, "purchase, sale, partial_sale or exchange."),
        _c("transaction_date", D, "Trade date."),
        _c("notification_date", D, "Date the filer was notified."),
        _c("filing_date", D, "Date the Clerk received the PTR."),
        _c("amount_range", S, "Amount bucket label."),
        _c("amount_low", L, "Lower bound in dollars."),
        _c("amount_high", L, "Upper bound in dollars; null for 'Over $50,000,000'."),
        _c("amount_midpoint", F, "(low + high) / 2; for 'Over $50,000,000' the lower bound (50,000,001)."),
        _c("days_to_notification", I, "notification_date - transaction_date."),
        _c("days_to_filing", I, "filing_date - transaction_date."),
        _c("due_date", D, "STOCK Act due date: the earlier of notification + 30 days and trade + 45 days."),
        _c("is_late", B, "filing_date after due_date."),
        _c("cap_gains_over_200", B, "Capital gains over $200 box."),
        _c("description", S, "Row description (option terms …)."),
        _c("subholding_of", S, "Account or trust the asset is held in."),
        _c("pdf_url", S, "Canonical Clerk URL of the source PDF."),
        _c("extraction_method", S, "text, ocr, grid or manual (a reviewer entered or confirmed the row)."),
        _c("extractor_version", S, "Extractor version."),
    ),
    partition_by=("year",),
    sort_by=("doc_id", "line_no"),
    key=("chamber", "doc_id", "line_no"),
)

DIM_MEMBERS = TableSpec(
    "gold.dim_members",
    "Members of Congress as a type-2 slowly changing dimension: a new version when party, chamber, state or "
    "district changes.",
    (
        _c("member_key", L, "Surrogate key of this version: letter index * 1e9 + bioguide digits * 1000 + version.",
           True),
        _c("bioguide_id", S, "Bioguide id.", True),
        _c("first_name", S, "First name."),
        _c("last_name", S, "Last name."),
        _c("full_name", S, "Official full name."),
        _c("party", S, "Party during this version."),
        _c("chamber", S, "house or senate."),
        _c("state", S, "State."),
        _c("district", I, "District (null for senators and at-large)."),
        _c("valid_from", D, "First day of this version.", True),
        _c("valid_to", D, "Day after the last day of this version (exclusive): the next version's start, or "
           "the end of the member's last term.", True),
        _c("is_current", B, "The member's latest version.", True),
        _c("version", I, "1 for the first version of a member, then 2, 3 …", True),
    ),
    sort_by=("bioguide_id", "valid_from"),
    key=("member_key",),
)

DIM_ASSETS = TableSpec(
    "gold.dim_assets",
    "One row per traded asset (by ticker, else by name): names, type, sector and trading activity.",
    (
        _c("asset_key", S, "Deterministic key: 'T:<ticker>', or 'N:<normalised name>' for assets without one.", True),
        _c("ticker", S, "Ticker; null for assets without one."),
        _c("asset_name", S, "Most common asset name in the PTRs."),
        _c("asset_type", S, "Most common asset type code."),
        _c("company_name", S, "Company name from the SEC ticker list."),
        _c("sector", S, "GICS sector from the S&P 500 constituents list."),
        _c("first_traded", D, "First trade date."),
        _c("last_traded", D, "Last trade date."),
        _c("trade_count", L, "Number of current transactions."),
    ),
    sort_by=("ticker",),
    key=("asset_key",),
)

AGG_TRENDING_STOCKS = TableSpec(
    "gold.agg_trending_stocks",
    "Per ticker x window (7/30/90 days) x as-of date x chamber (both, house, senate), by disclosure date and by "
    "trade date: activity and rank.",
    (
        _c("as_of_date", D, "Last day of the window.", True),
        _c("window_days", I, "7, 30 or 90.", True),
        _c("basis", S, "disclosure (filing date in the window) or trade (trade date in the window).", True),
        _c("ticker", S, "Ticker.", True),
        _c("asset_name", S, "Asset name."),
        _c("trades", L, "Transactions in the window."),
        _c("members", L, "Distinct members trading it."),
        _c("buying_members", L, "Distinct members with a purchase."),
        _c("selling_members", L, "Distinct members with a sale or partial sale."),
        _c("buy_volume", F, "Sum of purchase midpoints."),
        _c("sell_volume", F, "Sum of sale midpoints."),
        _c("net_volume", F, "buy_volume - sell_volume."),
        _c("dem_trades", L, "Transactions by Democrats."),
        _c("rep_trades", L, "Transactions by Republicans."),
        _c("other_trades", L, "Transactions by others or unmatched filers."),
        _c("rank", I, "Rank by trades within (as_of_date, window_days, basis, chamber)."),
        # Rows from before the per-chamber rankings were all rankings over both chambers.
        _c("chamber", S, "The transactions ranked: both (every chamber's), house or senate (only the reports filed "
           "with it, on its own as-of dates).", True, default="both"),
    ),
    partition_by=("window_days",),
    key=("as_of_date", "window_days", "basis", "chamber", "ticker"),
)

AGG_MEMBER_STATS = TableSpec(
    "gold.agg_member_stats",
    "Per member and period (all, year, quarter): trading activity and disclosure timeliness.",
    (
        _c("period", S, "all, YYYY or YYYY-Qn.", True),
        _c("period_start", D, "First day of the period."),
        _c("period_end", D, "Last day of the period."),
        _c("bioguide_id", S, "Bioguide id.", True),
        _c("member_key", L, "Current member version."),
        _c("full_name", S, "Member name."),
        _c("party", S, "Party."),
        _c("state", S, "State."),
        _c("trades", L, "Transactions."),
        _c("est_volume", F, "Sum of amount midpoints."),
        _c("buys", L, "Purchases."),
        _c("sells", L, "Sales and partial sales."),
        _c("distinct_tickers", L, "Distinct tickers traded."),
        _c("late_count", L, "Transactions disclosed after the STOCK Act due date."),
        _c("late_rate", F, "late_count / late_known: the share of transactions whose lateness is known that "
           "were late; transactions without a trade, notification or filing date are not counted (null when none)."),
        _c("median_days_to_disclose", F, "Median days from trade to filing."),
        _c("first_trade", D, "First trade date in the period."),
        _c("last_trade", D, "Last trade date in the period."),
        _c("late_known", L, "Transactions whose lateness is known (is_late not null): late_rate's denominator."),
    ),
    key=("period", "bioguide_id"),
)

PIPELINE_RUNS = TableSpec(
    "ops.pipeline_runs",
    "One row per step of each pipeline run: timing, outcome, rows and snapshots produced.",
    (
        _c("run_id", S, "Pipeline run id (shared by its steps).", True),
        _c("step", S, "ingest.house, ingest.members, ingest.reference, transform.silver or transform.gold.", True),
        _c("attempt", I, "1 for the first try; more when a transient failure was retried.", True),
        _c("started_at", TS, "Step start.", True),
        _c("ended_at", TS, "Step end.", True),
        _c("status", S, "ok, failed (gave up or bad data) or retrying (a transient failure, tried again).", True),
        _c("rows_in", L, "Rows read (documents fetched for ingest)."),
        _c("rows_out", L, "Rows written."),
        _c("snapshots", S, "Snapshots produced, as table@snapshot_id, comma-separated."),
        _c("error", S, "What went wrong, when it did."),
    ),
    sort_by=("started_at",),
)

QUARANTINE = TableSpec(
    "ops.quarantine",
    "Inputs that could not be used, each with the input it came from and the reason. Append-only history.",
    (
        _c("recorded_at", TS, "When the problem was found.", True),
        _c("run_id", S, "Run that found it.", True),
        _c("stage", S, "Where: ingest.index, ingest.document, silver.filings …", True),
        _c("source", S, "The input: URL, path or table.", True),
        _c("year", I, "Filing year concerned, when known."),
        _c("doc_id", S, "DocID concerned, when known."),
        _c("reason_code", S, "Machine-readable reason (http_404, not_pdf, truncated_pdf, bad_zip, html_error_page, "
           "malformed_xml, empty_index, bad_encoding, bad_header …). Only unusable input lands here; odd "
           "records are published with their quality_issues.", True),
        _c("reason", S, "What happened and what to do about it.", True),
        _c("detail", S, "Evidence: the raw record, or the first bytes of a body."),
    ),
)

DOCUMENT_RETRIES = TableSpec(
    "ops.document_retries",
    "Filing PDFs the source did not have (HTTP 404, a missing file), with their back-off across runs: one "
    "row per document until it is fetched. `lakehouse ingest house --retry-missing` asks for them all now.",
    (
        _c("doc_id", S, "DocID.", True),
        _c("year", I, "Filing year.", True),
        _c("url", S, "Where it was last asked for.", True),
        _c("reason_code", S, "Why it is missing: http_404, http_410 or not_found.", True),
        _c("attempts", I, "Runs that asked for it and did not get it.", True),
        _c("first_failed_at", TS, "When it was first found missing.", True),
        _c("last_attempt_at", TS, "When it was last asked for.", True),
        _c("next_attempt_at", TS, "Not asked for again before this: 1 h, 6 h, 1 d, 3 d after the 1st to "
           "4th failures, then every 7 d.", True),
        _c("run_id", S, "Run of the last attempt.", True),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
)

CHECK_RESULTS = TableSpec(
    "ops.check_results",
    "Every data-quality check outcome (checks/*.yml): one row per check per audit. Append-only history "
    "for trends.",
    (
        _c("checked_at", TS, "When the audit ran.", True),
        _c("run_id", S, "Pipeline run (or `lakehouse checks run` invocation) that ran the audit.", True),
        _c("table_name", S, "Audited table, e.g. 'silver.filings'.", True),
        _c("snapshot_id", L, "Audited snapshot: a staged write (branch 'staging') or main's."),
        _c("check_name", S, "Name of the check in its SodaCL file.", True),
        _c("family", S, "schema, duplicate, missing, validity, range, reference, cross_field, freshness "
           "or row_count."),
        _c("outcome", S, "pass, fail, warn or error (the check could not be evaluated).", True),
        _c("value", F, "Measured value: failing rows, a count, a percent, or seconds for freshness."),
        _c("value_text", S, "The value as text; the error message when the outcome is error."),
        _c("failed_rows_sample", S, "Up to 5 failing rows (or schema differences) as JSON."),
        _c("definition", S, "The check as written in its SodaCL file."),
    ),
    sort_by=("checked_at",),
)

TABLES: tuple[TableSpec, ...] = (
    HOUSE_FD_INDEX,
    HOUSE_DOCUMENTS,
    SENATE_REPORTS,
    SENATE_PAPER_PAGES,
    FILINGS,
    MEMBERS,
    MEMBER_TERMS,
    FILER_MATCHES,
    MEMBER_MATCH_ISSUES,
    SECURITIES,
    PTR_TRANSACTIONS,
    PTR_FILINGS,
    EXTRACTION_ISSUES,
    REVIEW_QUEUE,
    SCHEDULE_B_TRANSACTIONS,
    SENATE_FILINGS,
    SENATE_TRANSACTIONS,
    SENATE_FILER_MATCHES,
    FACT_FILINGS,
    FACT_TRANSACTIONS,
    DIM_MEMBERS,
    DIM_ASSETS,
    AGG_TRENDING_STOCKS,
    AGG_MEMBER_STATS,
    QUARANTINE,
    DOCUMENT_RETRIES,
    PIPELINE_RUNS,
    CHECK_RESULTS,
)


def table_spec(identifier: str) -> TableSpec:
    """The registered spec of ``identifier`` ('namespace.name')."""
    for spec in TABLES:
        if spec.identifier == identifier:
            return spec
    from core.errors import NoSuchTableError

    known = ", ".join(s.identifier for s in TABLES)
    raise NoSuchTableError(f"No table {identifier!r} is registered. Known tables: {known}.")


def iter_specs(namespace: str | None = None) -> Iterator[TableSpec]:
    """The registered specs, of one namespace or all."""
    return (s for s in TABLES if namespace is None or s.namespace == namespace)


def data_dictionary(specs: tuple[TableSpec, ...] = TABLES) -> str:
    """The data dictionary as Markdown (``lakehouse tables --describe``; the README embeds it)."""
    out: list[str] = []
    for spec in specs:
        out.append(f"### `{spec.identifier}`\n")
        out.append(spec.doc)
        extras = []
        if spec.key:
            extras.append(f"key: `{', '.join(spec.key)}`")
        if spec.partition_by:
            extras.append(f"partitioned by `{', '.join(spec.partition_by)}`")
        if extras:
            out.append(f" ({'; '.join(extras)})")
        out.append("\n\n| column | type | null | meaning |\n|---|---|---|---|\n")
        for col in spec.columns:
            out.append(f"| `{col.name}` | {col.type} | {'no' if col.required else 'yes'} | {col.doc} |\n")
        out.append("\n")
    return "".join(out).rstrip() + "\n"
