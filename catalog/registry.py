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
    IcebergType,
    IntegerType,
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
            NestedField(field_id=i, name=c.name, field_type=c.type, required=c.required, doc=c.doc)
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


def _c(name: str, type_: IcebergType, doc: str, required: bool = False) -> Column:
    return Column(name, type_, doc, required)


S, I, L, B, D, TS, BIN = StringType(), IntegerType(), LongType(), BooleanType(), DateType(), TimestamptzType(), BinaryType()

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
        _c("state_district", S, "State and district code as published, e.g. 'CA11', 'DE00'."),
        _c("state", S, "Two-letter state or territory code."),
        _c("district", I, "Congressional district number; null when at-large or a delegate ('00')."),
        _c("is_at_large", B, "True when the district code is '00' (at-large seat or delegate)."),
        _c("is_efiled", B, "True for e-filed (text PDF), false for paper (scanned, 7-digit DocID); null if unknown."),
        _c("doc_id_family", S, "DocID shape: ptr_efiled, fd_efiled, extension_efiled, notice_efiled, "
           "withdrawal_efiled, paper, unknown."),
        _c("pdf_url", S, "Canonical Clerk URL of the filing's PDF (PTRs under ptr-pdfs/, others financial-pdfs/)."),
        _c("is_amendment", B, "True for Amendment Reports (type A). PTR amendments are flagged from the PDF later."),
        _c("index_record_count", I, "How many index records carried this DocID (the index repeats some)."),
        _c("source_url", S, "Index file the latest record came from."),
        _c("ingested_at", TS, "When that index version was ingested into bronze."),
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
)

FACT_FILINGS = TableSpec(
    "gold.fact_filings",
    "One row per filing, for analysts: filer, place, type, date, PDF link, and whether bronze holds the PDF.",
    (
        _c("doc_id", S, "DocID, unique.", True),
        _c("year", I, "Filing year.", True),
        _c("filing_type", S, "FilingType code.", True),
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
    ),
    partition_by=("year",),
    sort_by=("doc_id",),
    key=("doc_id",),
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
        _c("reason_code", S, "Machine-readable reason (http_404, not_pdf, bad_zip, malformed_xml, "
           "missing_filing_date, missing_doc_id, bad_filing_date …).", True),
        _c("reason", S, "What happened and what to do about it.", True),
        _c("detail", S, "Evidence: the raw record, or the first bytes of a body."),
    ),
)

TABLES: tuple[TableSpec, ...] = (HOUSE_FD_INDEX, HOUSE_DOCUMENTS, FILINGS, FACT_FILINGS, QUARANTINE)


def table_spec(identifier: str) -> TableSpec:
    """The registered spec of ``identifier`` ('namespace.name')."""
    for spec in TABLES:
        if spec.identifier == identifier:
            return spec
    from lakehouse.errors import NoSuchTableError

    known = ", ".join(s.identifier for s in TABLES)
    raise NoSuchTableError(f"No table {identifier!r} is registered. Known tables: {known}.")


def iter_specs(namespace: str | None = None) -> Iterator[TableSpec]:
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
