"""gold.fact_filings: one row per filing for analysts, with whether bronze holds its PDF."""

from __future__ import annotations

import ibis.expr.types as ir

from jobs.spec import Input, JobSpec, ReadMode, WriteMode


def transform(filings: ir.Table, documents: ir.Table) -> ir.Table:
    """Filings left-joined to the PDFs held in bronze (one per DocID)."""
    docs = documents.group_by("doc_id").agg(
        document_sha256=documents.sha256.arbitrary(), document_size_bytes=documents.size_bytes.max()
    )
    joined = filings.left_join(docs, "doc_id")
    return joined.select(
        "doc_id",
        "year",
        "filing_type",
        "filing_type_name",
        "filing_date",
        "filer_name",
        "prefix",
        "first_name",
        "last_name",
        "suffix",
        "state_district",
        "state",
        "district",
        "is_efiled",
        "is_amendment",
        "pdf_url",
        document_in_bronze=joined.document_sha256.notnull(),
        document_sha256=joined.document_sha256,
        document_size_bytes=joined.document_size_bytes,
    )


JOB = JobSpec(
    name="gold.fact_filings",
    output="gold.fact_filings",
    inputs={
        "filings": Input("silver.filings", ReadMode.SNAPSHOT),
        "documents": Input("bronze.house_documents", ReadMode.SNAPSHOT, columns=("doc_id", "sha256", "size_bytes")),
    },
    transform=transform,
    write=WriteMode.REPLACE,
)
