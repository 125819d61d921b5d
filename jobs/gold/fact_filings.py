"""gold.fact_filings: one row per filing for analysts, with its Member and whether bronze holds its document.

House filings come from the Clerk's index (silver.filings), Senate ones from eFD (silver.senate_filings:
periodic transaction reports, e-filed or paper); ``chamber`` says which, and ``doc_id`` holds a House
DocID or an eFD report id (a UUID), so the two never meet.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jobs.silver.senate_members import filer_display_name
from jobs.spec import Input, JobSpec, ReadMode, Scope, WriteMode


def member_versions(filings: ir.Table, members: ir.Table) -> ir.Table:
    """The ``gold.dim_members`` version of each matched filing's filer: the one valid at the filing
    date; else, for a former Member (a terminated-filer report, a late PTR), the last one before it;
    else, for a Member-elect, the first one. A filing without a date gets none.

    ``filings`` has ``doc_id``, ``bioguide_id`` and ``filing_date``; the result ``doc_id``,
    ``member_key`` and ``party``, one row per filing that has a version.
    """
    v = members.select(v_bioguide="bioguide_id", member_key="member_key", party="party", valid_from="valid_from",
                       valid_to="valid_to")
    f = filings.filter(filings.bioguide_id.notnull() & filings.filing_date.notnull())
    c = f.join(v, f.bioguide_id == v.v_bioguide)
    day = c.filing_date
    rank = ibis.cases(((day >= c.valid_from) & (day < c.valid_to), 0), (c.valid_from <= day, 1), else_=2)
    latest_first = ibis.ifelse(rank == 1, c.valid_from, ibis.null("date"))
    c = c.mutate(_n=ibis.row_number().over(group_by=c.doc_id, order_by=[rank, ibis.desc(latest_first), c.valid_from]))
    return c.filter(c._n == 0).select("doc_id", "member_key", "party")


def senate_filings_like_house(filings: ir.Table, pages: ir.Table, matches: ir.Table) -> ir.Table:
    """eFD reports in silver.filings' shape, with their page in bronze and their filer match."""
    docs = pages.group_by("report_id").agg(document_sha256=pages.sha256.arbitrary(),
                                           document_size_bytes=pages.size_bytes.max())
    m = matches.select(m_report="report_id", bioguide_id="bioguide_id", state="state")
    j = filings.left_join(docs, "report_id").left_join(m, filings.report_id == m.m_report)
    return j.select(
        doc_id=j.report_id, year=j.year, filing_type=ibis.literal("P"),
        filing_type_name=ibis.literal("Periodic Transaction Report"), filing_date=j.filed_date,
        filer_name=filer_display_name(j), prefix=ibis.null("string"), first_name=j.first_name, last_name=j.last_name,
        suffix=j.suffix, state_district=ibis.null("string"), state=j.state, district=ibis.null("int32"),
        is_efiled=j.report_kind == "ptr", is_amendment=j.is_amendment, pdf_url=j.report_url,
        quality_issues=ibis.literal([], type="array<string>"), document_sha256=j.document_sha256,
        document_size_bytes=j.document_size_bytes, bioguide_id=j.bioguide_id, chamber=ibis.literal("senate"),
    )


def transform(filings: ir.Table, documents: ir.Table, matches: ir.Table, members: ir.Table,
              senate_filings: ir.Table, senate_pages: ir.Table, senate_matches: ir.Table) -> ir.Table:
    """Filings of both chambers left-joined to the documents held in bronze and to their filer's Member version."""
    docs = documents.group_by("doc_id").agg(
        document_sha256=documents.sha256.arbitrary(), document_size_bytes=documents.size_bytes.max()
    )
    m = matches.select("doc_id", "bioguide_id")
    house = filings.left_join(docs, "doc_id").left_join(m, "doc_id")
    house = house.select(
        "doc_id", "year", "filing_type", "filing_type_name", "filing_date", "filer_name", "prefix", "first_name",
        "last_name", "suffix", "state_district", "state", "district", "is_efiled", "is_amendment", "pdf_url",
        "quality_issues", "document_sha256", "document_size_bytes", "bioguide_id", chamber=ibis.literal("house"))
    j = ibis.union(house, senate_filings_like_house(senate_filings, senate_pages, senate_matches))
    versions = member_versions(j.select("doc_id", "bioguide_id", "filing_date"), members)
    j = j.left_join(versions, "doc_id")
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
        chamber=j.chamber,
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
        "senate_filings": Input("silver.senate_filings", ReadMode.SNAPSHOT, columns=(
            "report_id", "year", "report_kind", "filed_date", "first_name", "last_name", "suffix", "is_amendment",
            "report_url")),
        "senate_pages": Input("bronze.senate_reports", ReadMode.SNAPSHOT, columns=("report_id", "sha256", "size_bytes")),
        "senate_matches": Input("silver.senate_filer_matches", ReadMode.SNAPSHOT,
                                columns=("report_id", "bioguide_id", "state")),
    },
    transform=transform,
    write=WriteMode.MERGE,
    scope=Scope(key="doc_id", feeds={"filings": "doc_id", "documents": "doc_id", "matches": "doc_id",
                                     "senate_filings": "report_id", "senate_pages": "report_id",
                                     "senate_matches": "report_id"}),
)
