"""gold.fact_transactions: every current PTR transaction, with its Member and STOCK Act timeliness.

Rules, stated once:

* **Amendments.** A row whose FILING STATUS says "Amended" supersedes the rows of *earlier* PTRs of
  the same filer for the same asset (ticker, else name), trade date and owner. Superseded rows
  leave this table; silver and time travel keep them.
* **Midpoint.** (low + high) / 2; for "Over $50,000,000" (no upper bound) the lower bound,
  50,000,001, so volumes are never overstated.
* **Due date.** The earlier of notification + 30 days and trade + 45 days (trade + 45 when the
  notification date is missing); ``is_late`` when the Clerk received the PTR after it.
* **Checked rows only.** Rows that failed a row check stay in silver (flagged) and in
  ``silver.extraction_issues``; they are not counted here.
* **Member at trade date.** The dim_members version valid on the trade date, else (a trade before
  the member's first term) the one valid on the filing date.
* **Both chambers.** House rows come from the Clerk's PTRs (``doc_id`` a DocID), Senate rows from
  eFD pages (``doc_id`` the report's UUID: the two id spaces cannot meet); ``chamber`` says which.
  A Senate amendment restates a whole report (``amends_report_id``), so the restated report's rows
  leave; Senate pages have no notification date, so a Senate trade is due 45 days after it.
"""

from __future__ import annotations

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from jobs.silver.senate_members import filer_display_name
from jobs.spec import Input, JobSpec, ReadMode, Scope, WriteMode


def asset_key(ticker: ir.StringValue, asset_name: ir.StringValue) -> ir.StringValue:
    """'T:<ticker>', else 'N:<upper-cased, whitespace-normalised name>'."""
    name = asset_name.re_replace(r"\s+", " ").strip().upper()
    return ibis.ifelse(ticker.notnull(), "T:" + ticker, "N:" + name)


def current_rows(rows: ir.Table) -> ir.Table:
    """Rows not superseded by an amended row of a later filing of the same filer."""
    amended = rows.filter(rows.filing_status.lower().startswith("amend").fill_null(False))
    a = amended.select(
        a_filer=amended.filer_key, a_asset=amended.asset_key, a_date=amended.transaction_date,
        a_owner=amended.owner.fill_null(""), a_filed=amended.filing_date, a_doc=amended.doc_id,
    )
    return rows.anti_join(
        a,
        [
            rows.filer_key == a.a_filer,
            rows.asset_key == a.a_asset,
            rows.transaction_date == a.a_date,
            rows.owner.fill_null("") == a.a_owner,
            rows.doc_id != a.a_doc,
            rows.filing_date < a.a_filed,
        ],
    )


def filer_docs(changed: ir.Table, filings: ir.Table, matches: ir.Table, transactions: ir.Table) -> ir.Table:
    """The PTRs to recompute when ``changed`` DocIDs changed: an amendment can supersede a filer's
    earlier PTRs, and a PTR's rows are current only as long as no later amendment matches them.

    * A changed PTR that holds amended rows, or that was present before (its old version may have
      held amended rows, or belonged to another filer): every PTR of its filer.
    * Any other changed PTR (a new one without amendments) supersedes nothing, so only itself plus
      the PTRs of its filer that hold amended rows (which decide whether its rows are current).

    ``changed`` has ``doc_id`` and, from the runner, ``was_present`` (the DocID had rows that
    changed or left); without it every changed PTR counts as present before.
    """
    m = matches.select(m_doc="doc_id", bioguide_id="bioguide_id")
    f = filings.left_join(m, filings.doc_id == m.m_doc)
    f = f.select(doc_id=f.doc_id, filer_key=f.bioguide_id.fill_null(
        f.filer_name.fill_null("") + "|" + f.state_district.fill_null("")))
    amending = transactions.filter(transactions.filing_status.lower().startswith("amend").fill_null(False))
    amending = amending.select("doc_id").distinct()
    present = changed.filter(changed.was_present) if "was_present" in changed.columns else changed
    strong = present.select("doc_id").union(changed.semi_join(amending, "doc_id").select("doc_id"))
    touched = f.semi_join(changed, "doc_id").select("filer_key")
    widened = f.semi_join(strong, "doc_id").select("filer_key")
    every, context = f.view(), f.view()  # a self-join needs a second relation
    context = context.semi_join(amending, "doc_id")
    return ibis.union(
        every.semi_join(widened, "filer_key").select("doc_id"),
        context.semi_join(touched, "filer_key").select("doc_id"),
        changed.select("doc_id"),
        distinct=True,
    )


#: eFD's Asset Type labels -> the House's asset-type codes where they name the same thing (fd.house.gov
#: list, domain.md §3.5). Any other label is OT (other) here; silver.senate_transactions keeps it as printed.
SENATE_ASSET_TYPES: dict[str, str] = {
    "Stock": "ST",                  # stocks (incl. ADRs)
    "Stock Option": "OP",           # options
    "Corporate Bond": "CS",         # corporate securities (bonds and notes)
    "Municipal Security": "GS",     # government securities and agency debt
    "Non-Public Stock": "PS",       # stock not publicly traded
    "Other Securities": "OT",       # other
    "Cryptocurrency": "CT",
    "Mutual Fund": "MF",
    "Exchange Traded Fund": "EF",
}

DUE_DAYS_AFTER_TRADE = 45
"""STOCK Act, both chambers: a transaction is reported within 45 days of the trade (or 30 of the
notification, which eFD pages do not print)."""


@ibis.udf.scalar.builtin(name="md5_number_upper")
def _md5_high(value: str) -> dt.uint64:
    """DuckDB: the upper 64 bits of the MD5 of ``value`` (stable across versions, unlike ``hash``)."""


def senate_rows(transactions: ir.Table, filings: ir.Table, matches: ir.Table) -> ir.Table:
    """Checked rows of the current Senate reports (parsed from e-filed pages, or entered by reviewers from paper
    reports' page images), shaped like the House rows before the Member join."""
    transactions = transactions.filter(transactions.row_checks_failed.fill_null("") == "")
    restated = filings.filter(filings.amends_report_id.notnull()).select(s_id="amends_report_id")
    f = filings.select(
        f_report="report_id", filing_date="filed_date", report_url="report_url",
        filer_name=filer_display_name(filings))
    t = transactions.join(f, transactions.report_id == f.f_report)
    t = t.anti_join(restated, t.report_id == restated.s_id)
    m = matches.select(m_report="report_id", bioguide_id="bioguide_id")
    t = t.left_join(m, t.report_id == m.m_report)
    return t.select(
        key_base=(_md5_high(t.report_id) % 100_000_000_000_000).cast("int64") * -10000,
        doc_id=t.report_id, line_no=t.line_no, year=t.year, bioguide_id=t.bioguide_id, filer_name=t.filer_name,
        owner=t.owner, ticker=t.ticker, asset_name=t.asset_name,
        asset_type=t.asset_type.substitute(
            SENATE_ASSET_TYPES, else_=ibis.ifelse(t.asset_type.isnull(), ibis.null("string"), "OT")),
        asset_key=asset_key(t.ticker, t.asset_name), transaction_type=t.transaction_type,
        transaction_date=t.transaction_date, notification_date=ibis.null("date"), filing_date=t.filing_date,
        amount_range=t.amount_range, amount_low=t.amount_low, amount_high=t.amount_high,
        cap_gains_over_200=ibis.null("boolean"), description=t.description, subholding_of=ibis.null("string"),
        pdf_url=t.report_url, extraction_method=t.extraction_method, extractor_version=t.parser_version,
        filed_with=ibis.literal("senate"),
    )


def senate_related(changed: ir.Table, senate_filings: ir.Table) -> ir.Table:
    """Senate reports to recompute with ``changed`` ones: the report an amendment restates (its rows
    leave) and the amendments restating a changed report (they decide whether its rows stay)."""
    f = senate_filings.filter(senate_filings.amends_report_id.notnull())
    restated = f.semi_join(changed, f.report_id == changed.doc_id).select(doc_id=f.amends_report_id)
    restating = f.semi_join(changed, f.amends_report_id == changed.doc_id).select(doc_id=f.report_id)
    return ibis.union(restated, restating, distinct=True)


def affected_docs(changed: ir.Table, filings: ir.Table, matches: ir.Table, transactions: ir.Table,
                  senate_filings: ir.Table) -> ir.Table:
    """What to recompute: :func:`filer_docs` for House PTRs, :func:`senate_related` for eFD reports."""
    return ibis.union(filer_docs(changed, filings, matches, transactions), senate_related(changed, senate_filings),
                      distinct=True)


def transform(transactions: ir.Table, filings: ir.Table, matches: ir.Table, members: ir.Table,
              senate_transactions: ir.Table, senate_filings: ir.Table, senate_matches: ir.Table) -> ir.Table:
    """One row per reported transaction of either chamber, with its filing, filer match and member."""
    # Rows that failed a row check (an unreadable date, an unknown amount …) stay in silver and in
    # silver.extraction_issues for review; analytics only count rows that passed every check.
    transactions = transactions.filter(transactions.row_checks_failed.fill_null("") == "")
    f = filings.select(f_doc="doc_id", filing_date="filing_date", filer_name="filer_name",
                       state_district="state_district", pdf_url="pdf_url")
    m = matches.select(m_doc="doc_id", bioguide_id="bioguide_id")
    # Inner join: a PTR the Clerk withdrew from the index is no longer a current filing, so its
    # rows leave Gold with it (they stay in silver and in Gold's history).
    t = transactions.join(f, transactions.doc_id == f.f_doc)
    t = t.left_join(m, t.doc_id == m.m_doc)
    t = t.mutate(
        filer_key=t.bioguide_id.fill_null(t.filer_name.fill_null("") + "|" + t.state_district.fill_null("")),
        asset_key=asset_key(t.ticker, t.asset_name),
    )
    t = current_rows(t)
    house = t.select(
        key_base=t.doc_id.cast("int64") * 10000, doc_id=t.doc_id, line_no=t.line_no, year=t.year,
        bioguide_id=t.bioguide_id, filer_name=t.filer_name, owner=t.owner, ticker=t.ticker, asset_name=t.asset_name,
        asset_type=t.asset_type, asset_key=t.asset_key, transaction_type=t.transaction_type,
        transaction_date=t.transaction_date, notification_date=t.notification_date, filing_date=t.filing_date,
        amount_range=t.amount_range, amount_low=t.amount_low, amount_high=t.amount_high,
        cap_gains_over_200=t.cap_gains_over_200, description=t.description, subholding_of=t.subholding_of,
        pdf_url=t.pdf_url, extraction_method=t.extraction_method, extractor_version=t.extractor_version,
        filed_with=ibis.literal("house"),
    )
    t = ibis.union(house, senate_rows(senate_transactions, senate_filings, senate_matches))

    on_day = t.transaction_date.fill_null(t.filing_date)
    v1 = members.select(k1="member_key", b1="bioguide_id", f1="valid_from", t1="valid_to")
    t = t.left_join(v1, (t.bioguide_id == v1.b1) & (on_day >= v1.f1) & (on_day < v1.t1))
    v2 = members.select(k2="member_key", b2="bioguide_id", f2="valid_from", t2="valid_to")
    t = t.left_join(v2, (t.bioguide_id == v2.b2) & (t.filing_date >= v2.f2) & (t.filing_date < v2.t2))
    t = t.mutate(member_key=t.k1.fill_null(t.k2))
    mv = members.select(mk="member_key", party="party", state="state", district="district")
    t = t.left_join(mv, t.member_key == mv.mk)

    by_trade = t.transaction_date + ibis.interval(days=DUE_DAYS_AFTER_TRADE)
    by_notice = t.notification_date + ibis.interval(days=30)
    due = ibis.ifelse(t.notification_date.isnull(), by_trade, ibis.least(by_trade, by_notice))
    midpoint = ibis.ifelse(
        t.amount_high.isnull(), t.amount_low.cast("float64"), (t.amount_low + t.amount_high).cast("float64") / 2
    )
    return t.select(
        transaction_key=t.key_base + ibis.ifelse(t.key_base < 0, -t.line_no.cast("int64"), t.line_no.cast("int64")),
        doc_id=t.doc_id,
        line_no=t.line_no,
        year=t.year,
        bioguide_id=t.bioguide_id,
        member_key=t.member_key,
        filer_name=t.filer_name,
        party=t.party,
        state=t.state,
        district=t.district,
        chamber=t.filed_with,
        owner=t.owner,
        ticker=t.ticker,
        asset_name=t.asset_name,
        asset_type=t.asset_type,
        asset_key=t.asset_key,
        transaction_type=t.transaction_type,
        transaction_date=t.transaction_date,
        notification_date=t.notification_date,
        filing_date=t.filing_date,
        amount_range=t.amount_range,
        amount_low=t.amount_low,
        amount_high=t.amount_high,
        amount_midpoint=midpoint,
        days_to_notification=t.notification_date.delta(t.transaction_date, unit="day").cast("int32"),
        days_to_filing=t.filing_date.delta(t.transaction_date, unit="day").cast("int32"),
        due_date=due,
        is_late=t.filing_date > due,
        cap_gains_over_200=t.cap_gains_over_200,
        description=t.description,
        subholding_of=t.subholding_of,
        pdf_url=t.pdf_url,
        extraction_method=t.extraction_method,
        extractor_version=t.extractor_version,
    )


JOB = JobSpec(
    name="gold.fact_transactions",
    output="gold.fact_transactions",
    inputs={
        "transactions": Input("silver.ptr_transactions", ReadMode.SNAPSHOT),
        "filings": Input("silver.filings", ReadMode.SNAPSHOT,
                         columns=("doc_id", "filing_date", "filer_name", "state_district", "pdf_url")),
        "matches": Input("silver.filer_matches", ReadMode.SNAPSHOT, columns=("doc_id", "bioguide_id")),
        "members": Input("gold.dim_members", ReadMode.SNAPSHOT),
        "senate_transactions": Input("silver.senate_transactions", ReadMode.SNAPSHOT, columns=(
            "report_id", "line_no", "year", "owner", "ticker", "asset_name", "asset_type", "description",
            "transaction_type", "transaction_date", "amount_range", "amount_low", "amount_high",
            "row_checks_failed", "parser_version", "extraction_method")),
        "senate_filings": Input("silver.senate_filings", ReadMode.SNAPSHOT, columns=(
            "report_id", "report_kind", "filed_date", "first_name", "last_name", "suffix", "report_url",
            "amends_report_id")),
        "senate_matches": Input("silver.senate_filer_matches", ReadMode.SNAPSHOT, columns=("report_id", "bioguide_id")),
    },
    transform=transform,
    write=WriteMode.MERGE,
    scope=Scope(
        key="doc_id",
        feeds={"transactions": "doc_id", "filings": "doc_id", "matches": "doc_id",
               "senate_transactions": "report_id", "senate_filings": "report_id", "senate_matches": "report_id"},
        expand=affected_docs,
        expand_inputs=("filings", "matches", "transactions", "senate_filings"),
    ),
)
