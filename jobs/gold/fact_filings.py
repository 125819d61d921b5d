"""gold.fact_filings: one row per filing for analysts, with its Member and whether bronze holds its PDF."""

from __future__ import annotations

import ibis.expr.types as ir

from jobs.spec import Input, JobSpec, ReadMode, Scope, WriteMode


def transform(filings: ir.Table, documents: ir.Table, matches: ir.Table, members: ir.Table) -> ir.Table:
    """Filings left-joined to the PDFs held in bronze and to the Member version at the filing date."""
    docs = documents.group_by("doc_id").agg(
        document_sha256=documents.sha256.arbitrary(), document_size_bytes=documents.size_bytes.max()
    )
    m = matches.select("doc_id", "bioguide_id")
    j = filings.left_join(docs, "doc_id").left_join(m, "doc_id")
    v = members.select("bioguide_id", "member_key", "party", "valid_from", "valid_to")
    j = j.left_join(
        v, (j.bioguide_id == v.bioguide_id) & (j.filing_date >= v.valid_from) & (j.filing_date < v.valid_to)
    )
    return j.select(
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
        document_in_bronze=j.document_sha256.notnull(),
        document_sha256=j.document_sha256,
        document_size_bytes=j.document_size_bytes,
        bioguide_id=j.bioguide_id,
        member_key=j.member_key,
        quality_issues=j.quality_issues,
        party=j.party,
    )


JOB = JobSpec(
    name="gold.fact_filings",
    output="gold.fact_filings",
    inputs={
        # Lineage columns (source_url, ingested_at) change on every ingest; leave them out so only
        # real changes to a filing mark it for recompute.
        "filings": Input("silver.filings", ReadMode.SNAPSHOT, columns=(
            "doc_id", "year", "filing_type", "filing_type_name", "filing_date", "filer_name", "prefix",
            "first_name", "last_name", "suffix", "state_district", "state", "district", "is_efiled",
            "is_amendment", "pdf_url", "quality_issues")),
        "documents": Input("bronze.house_documents", ReadMode.SNAPSHOT, columns=("doc_id", "sha256", "size_bytes")),
        "matches": Input("silver.filer_matches", ReadMode.SNAPSHOT, columns=("doc_id", "bioguide_id")),
        "members": Input("gold.dim_members", ReadMode.SNAPSHOT),
    },
    transform=transform,
    write=WriteMode.MERGE,
    scope=Scope(key="doc_id", feeds={"filings": "doc_id", "documents": "doc_id", "matches": "doc_id"}),
)
