"""Every check on the real 2025 sample: all pass, and each one fails on data that violates it.

The lakehouse holds the real 2025 index, the three real PTRs and the real terminated-filer
report T_10071977 with its Schedule B (fetched over HTTP from 127.0.0.1), the real Members
(shared/data/members), the real ticker reference lists (shared/data/reference) and the real 2026
Senate eFD captures (a saved mirror of six reports, one of them an amendment, one on paper), built
by the real jobs. Each violation below changes that real data the smallest way that breaks one rule, and
asserts that exactly that check reports it.
"""

from __future__ import annotations

import dataclasses
import json

import duckdb
import pyarrow as pa
import pytest
from click.testing import CliRunner

from checks.runner import audited_tables, check_definitions, referenced_tables, run_checks
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import SHARED_DATA, build_clerk_mirror, mirror_server, test_settings
from tests.integration.test_senate_efd import JUNE, build_mirror, captures  # noqa: F401  (captures: a fixture)

pytestmark = pytest.mark.slow

MEMBERS = SHARED_DATA / "members"
REFERENCE = SHARED_DATA / "reference"


def load_members(app: Lakehouse) -> None:
    """``lakehouse ingest members`` when the command exists, else the job behind it."""
    from lakehouse.cli import ingest

    if "members" in ingest.commands:
        result = CliRunner().invoke(
            main, ["--home", str(app.settings.home), "ingest", "members", "--source", str(MEMBERS)]
        )
        assert result.exit_code == 0, result.output
    else:
        from jobs.bronze.members import ingest_members

        ingest_members(app.store, app.settings, str(MEMBERS))


@pytest.fixture(scope="module")
def real(tmp_path_factory, house_data, captures):  # noqa: F811
    from jobs.bronze.reference import ingest_reference

    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("lh")))
    with mirror_server(root) as (url, _):
        app.ingest_house([2025], source=url, types=("P", "T"))
    senate = build_mirror(tmp_path_factory.mktemp("senate") / "mirror", captures, index=False)
    app.ingest_senate(*JUNE, source=str(senate))
    app.init()
    load_members(app)
    ingest_reference(app.store, app.settings, str(REFERENCE))
    app.transform("silver")
    app.transform("gold")
    return app


@pytest.fixture(scope="module")
def tables(real) -> dict[str, pa.Table]:
    names = set(audited_tables()) | {r for t in audited_tables() for r in referenced_tables(t)}
    return {name: real.store.read(name) for name in sorted(names)}


REAL_WARNINGS = {"silver.filings": {"the index gives a filing date": 5, "each DocID is listed once in its index": 1}}


def test_every_check_passes_on_the_real_2025_sample(real):
    from checks.runner import audit_current

    reports = list(audit_current(real.store, run_id="real-2025"))
    assert [r.table for r in reports] == audited_tables(), "every table with checks has data"
    for report in reports:
        assert len(report.results) == len(check_definitions(report.table))
        assert report.passed, report.summary()
        warned = {r.check: r.value for r in report.results if r.outcome != "pass"}
        # The real index's own oddities, published with their quality_issues: 5 undated withdrawal
        # notices, one DocID listed three times.
        assert warned == REAL_WARNINGS.get(report.table, {}), report.summary()
    assert sum(len(r.results) for r in reports) >= 52


def test_cli_runs_every_check_records_them_and_exits_0(real):
    home = str(real.settings.home)
    result = CliRunner().invoke(main, ["--home", home, "checks", "run", "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == sum(len(check_definitions(t)) for t in audited_tables())
    assert {"table", "snapshot_id", "check", "outcome", "value"} <= set(lines[0])
    assert {(line["table"], line["check"]) for line in lines if line["outcome"] != "pass"} == {
        (t, c) for t, checks in REAL_WARNINGS.items() for c in checks}
    assert {line["outcome"] for line in lines} == {"pass", "warn"}
    snapshot = real.store.current_snapshot_id("silver.filings")
    recorded = real.query(
        "select check_name, outcome, value, family from ops.check_results "
        f"where table_name = 'silver.filings' and snapshot_id = {snapshot}"
    ).to_pylist()
    assert len(recorded) >= len(check_definitions("silver.filings"))
    assert {r["outcome"] for r in recorded} == {"pass", "warn"}
    row_count = next(r for r in recorded if r["check_name"] == "row count is between 1 and 500,000")
    assert (row_count["value"], row_count["family"]) == (1616, "row_count")

    table = CliRunner().invoke(main, ["--home", home, "checks", "run", "--table", "silver.ptr_filings"])
    assert table.exit_code == 0, table.output
    assert "silver.ptr_filings  doc_id is unique" in table.output
    assert table.output.rstrip().endswith("20 pass, 0 warn, 0 fail, 0 error")


# -- one violation per check ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Case:
    table: str
    check: str
    sql: str
    """Query over ``t`` (the data of ``target``) that returns the violating data."""
    raw: bool = False
    """Keep the query's columns and types as they come (schema and row-count cases)."""
    target: str | None = None
    """Table to change (default: the audited table)."""
    main_rows: int | None = None
    """Row count of main to compare with (row-count-drop checks)."""
    main_partitions: dict[str, int] | None = None
    """Row counts of main per partition value (volume checks)."""
    history: tuple[int, ...] = ()
    """Row counts of earlier published audits, oldest first (the growth check's history)."""
    expect: str | None = None
    """The outcome on violating data (default: 'fail', or 'warn' for freshness)."""


def edit(where: str = "true", **assign: str) -> str:
    """``t`` with one row matching ``where`` changed: column = SQL expression."""
    cases = ", ".join(
        f'case when _hit and _n = 1 then {expr} else "{col}" end as "{col}"' for col, expr in assign.items()
    )
    hit = f"coalesce({where}, false)"
    return (
        f"select * exclude (_hit, _n) replace ({cases}) from "
        f"(select *, {hit} as _hit, row_number() over (partition by {hit}) as _n from t)"
    )


def add(**values: str) -> str:
    """``t`` plus one row (unnamed columns are null)."""
    return "select * from t union all by name select " + ", ".join(f"{v} as {k}" for k, v in values.items())


def rows(n: int, column: str = "x", value: str = "1") -> str:
    """Just ``n`` rows: enough for a check that only counts."""
    return f"select {value} as {column} from range({n})"


DUP = "select * from t union all (select * from t limit 1)"
EMPTY = "select * from t limit 0"
STALE = "select * replace ({col} - interval 8 day as {col}) from t"
FUTURE = "now() + interval 1 day"
SHA = "'" + "0" * 64 + "'"
ISSUE = dict(
    doc_id="'20026590'",
    year="2025",
    severity="'needs_review'",
    reason_code="'no_rows_found'",
    reason="'x'",
    extraction_method="'text'",
    extractor_version="'ptr-pdf/1'",
    pdf_sha256=SHA,
    recorded_at="now()",
)


def issue(**changes: str) -> str:
    return add(**(ISSUE | changes))


QUEUED = dict(
    doc_id="'20026590'",
    line_no="1",
    year="2025",
    page="1",
    fields_to_read="'asset_name'",
    reason="'handwritten or unreadable: asset_name'",
    proposed="'{}'",
    row_image_png="'\\x89PNG'::blob",
    extraction_method="'grid'",
    extractor_version="'ptr-pdf/2'",
    pdf_sha256=SHA,
    queued_at="now()",
)


def queued(**changes: str) -> str:
    """``t`` (the review queue, empty on the e-filed sample) plus one queued row."""
    return add(**(QUEUED | changes))


def drop_first(key: str) -> str:
    return f"select * from t where {key} <> (select min({key}) from t)"


S, M, T, FM, MI, SEC = (
    "silver.filings",
    "silver.members",
    "silver.member_terms",
    "silver.filer_matches",
    "silver.member_match_issues",
    "silver.securities",
)
PT, PF, EI = "silver.ptr_transactions", "silver.ptr_filings", "silver.extraction_issues"
RQ = "silver.review_queue"
SB = "silver.schedule_b_transactions"
SF, ST, SM = "silver.senate_filings", "silver.senate_transactions", "silver.senate_filer_matches"
NO_REPORT = "'00000000-0000-0000-0000-000000000000'"
FF, FT, DM, DA, TR, MS = (
    "gold.fact_filings",
    "gold.fact_transactions",
    "gold.dim_members",
    "gold.dim_assets",
    "gold.agg_trending_stocks",
    "gold.agg_member_stats",
)
SCHEMA = "required columns have their registry types"

CASES = [
    # silver.filings
    Case(S, SCHEMA, "select * exclude (pdf_url) from t", raw=True),
    Case(S, "doc_id is unique", DUP),
    Case(S, "every filing names its filer", edit(last_name="null")),
    Case(S, "filing_type is a code the Clerk uses", edit("filing_type = 'C'", filing_type="'U'")),
    Case(S, "the index gives a filing date", edit("filing_type = 'C'", filing_date_raw="null")),
    Case(S, "the filing date is readable", edit("filing_type = 'C'", filing_date="null")),
    Case(S, "the filing date is plausible", edit("filing_date is not null", filing_date="date '2099-01-01'")),
    Case(S, "doc_id is a number", edit(doc_id="'DOC1'")),
    Case(S, "doc_id has a known shape", edit(doc_id_family="'unknown'")),
    Case(S, "state_district is a state code and two digits", edit("state is not null", state_district="'CA-11'")),
    Case(S, "state_district is readable", edit("state is not null", state="null")),
    Case(S, "state is a US state or territory code", edit("state is not null", state="'ZZ'")),
    Case(S, "district is between 1 and 53", edit("district is not null", district="54")),
    Case(S, "each DocID is listed once in its index", edit(index_record_count="2")),
    Case(S, "the record's Year is its index's year", edit(year_raw="'2016'")),
    Case(
        S,
        "is_efiled is false exactly for paper DocIDs and unknown for unknown shapes",
        edit("doc_id_family = 'paper'", is_efiled="true"),
    ),
    Case(S, "is_amendment marks exactly the type A filings", edit("filing_type = 'P'", is_amendment="true")),
    Case(S, "is_at_large is true exactly for readable '00' districts", edit("district is not null", is_at_large="true")),
    Case(S, "pdf_url is a Clerk PDF URL", edit(pdf_url="'http://example.com/x.pdf'")),
    Case(
        S,
        "PTR PDFs are under ptr-pdfs, the others under financial-pdfs",
        edit("filing_type = 'P'", pdf_url="replace(pdf_url, '/ptr-pdfs/', '/financial-pdfs/')"),
    ),
    Case(S, "every row lists its quality issues (empty when none)", edit(quality_issues="null")),
    Case(S, "year is between 2008 and next year", edit(year="2007")),
    Case(S, "ingested_at is not in the future", edit(ingested_at=FUTURE)),
    Case(S, "an index was ingested in the last 7 days", STALE.format(col="ingested_at")),
    Case(S, "row count is between 1 and 500,000", EMPTY),
    Case(S, "no year has more than 10,000 filings", rows(10_001, "year", "2025"), raw=True),
    Case(
        S,
        "no year's index shrinks by more than 20% since it was last published",
        "select * from t",
        main_rows=3_300,
        main_partitions={"2025": 3_300},
    ),
    Case(
        S,
        "a write adds at most ten times the usual number of filings to published years",
        rows(10_001, "year", "2025"),
        raw=True,
        main_rows=400,
        main_partitions={"2025": 400},
        history=(100, 200, 300, 400),
    ),
    # silver.members
    Case(M, SCHEMA, "select * exclude (gender) from t", raw=True),
    Case(M, "bioguide_id is unique", DUP),
    Case(M, "every member has a last name", edit(last_name="null")),
    Case(M, "every member has a first name", edit(first_name="null")),
    Case(M, "bioguide_id is a capital and six digits", edit(bioguide_id="'P197'")),
    Case(M, "gender is M or F", edit(gender="'X'")),
    Case(
        M,
        "birthday is between 1880-01-01 and 25 years ago",
        edit(birthday="cast(current_date - interval 20 year as date)"),
    ),
    Case(
        M,
        "every member has a term in member_terms",
        add(bioguide_id="'Z999999'", first_name="'No'", last_name="'Terms'"),
    ),
    Case(M, "row count is between 1 and 20,000", EMPTY),
    # silver.member_terms
    Case(T, SCHEMA, "select * exclude (end_is_scheduled) from t", raw=True),
    Case(T, "(bioguide_id, term_no) is unique", DUP),
    Case(T, "every term has a party", edit(party="null")),
    Case(T, "chamber is house or senate", edit(chamber="'House'")),
    Case(T, "party is Democrat, Republican, Independent or Libertarian", edit(party="'Whig'")),
    Case(T, "state is a US state or territory code", edit(state="'ZZ'")),
    Case(T, "district is between 0 and 53", edit("district is not null", district="99")),
    Case(T, "terms lie between 1789-03-04 and seven years from now", edit(start_date="date '1700-01-01'")),
    Case(T, "start_date < end_date", edit(end_date="start_date")),
    Case(T, "House terms have a district and Senate terms none", edit("chamber = 'senate'", district="1")),
    Case(
        T,
        "a member's terms do not overlap and are numbered in start order from 1",
        edit("term_no = 2", start_date="cast(start_date - interval 400 day as date)"),
    ),
    Case(T, "every term belongs to a member", edit(bioguide_id="'Z999999'")),
    Case(T, "row count is between 1 and 100,000", EMPTY),
    # silver.filer_matches
    Case(FM, SCHEMA, "select * exclude (candidates) from t", raw=True),
    Case(FM, "doc_id is unique", DUP),
    Case(
        FM,
        "a filer is matched exactly when it has a bioguide_id and a rule",
        edit("match_status = 'matched'", bioguide_id="null"),
    ),
    Case(FM, "match_status is matched, ambiguous or not_a_member", edit(match_status="'maybe'")),
    Case(FM, "match_rule is one of the matching rules", edit("match_rule is not null", match_rule="'guess'")),
    Case(
        FM,
        "bioguide_id is a capital and six digits",
        edit("bioguide_id is not null", bioguide_id="'p000197'"),
    ),
    Case(
        FM,
        "candidates is a comma-separated list of bioguide ids",
        edit("candidates is not null", candidates="'P000197;G000596'"),
    ),
    Case(
        FM,
        "candidates agree with the status (one when matched, several when ambiguous, none otherwise)",
        edit("match_status = 'matched'", candidates="'P000197,G000596'"),
    ),
    Case(FM, "every matched filer is a member", edit("bioguide_id is not null", bioguide_id="'Z999999'")),
    Case(FM, "every filing of silver.filings has exactly its match row", drop_first("doc_id")),
    Case(FM, "row count is at most 500,000", rows(500_001), raw=True),
    # silver.member_match_issues
    Case(MI, SCHEMA, "select * exclude (reason) from t", raw=True),
    Case(MI, "doc_id is unique", DUP),
    Case(MI, "every issue gives a reason", edit(reason="''")),
    Case(MI, "match_status is ambiguous or not_a_member", edit(match_status="'matched'")),
    Case(MI, "filing_type is a code the Clerk uses", edit(filing_type="'U'")),
    Case(
        MI,
        "ambiguous issues list several candidates",
        edit(match_status="'ambiguous'", candidates="'P000197'"),
    ),
    Case(MI, "issues are exactly the unmatched rows of filer_matches", drop_first("doc_id")),
    Case(MI, "every issue is about a filing of silver.filings", edit(doc_id="'99999999'")),
    Case(MI, "row count is at most 500,000", rows(500_001), raw=True),
    # silver.securities
    Case(SEC, SCHEMA, "select * exclude (in_sp500) from t", raw=True),
    Case(SEC, "ticker is unique", DUP),
    Case(SEC, "every security has a company name", edit(company_name="null")),
    Case(SEC, "ticker is 1-5 capitals with an optional dotted suffix", edit(ticker="'BRK-B'")),
    Case(SEC, "exchange is one the SEC list uses", edit("exchange is not null", exchange="'LSE'")),
    Case(SEC, "sector is a GICS sector", edit("sector is not null", sector="'Tech'")),
    Case(SEC, "cik is a positive SEC Central Index Key", edit("cik is not null", cik="0")),
    Case(SEC, "sectors are known exactly for S&P 500 constituents", edit("in_sp500", sector="null")),
    Case(SEC, "row count is between 1 and 100,000", EMPTY),
    Case(
        SEC,
        "the S&P 500 list has 400 to 600 constituents (or none loaded)",
        "select * replace (in_sp500 and ticker < 'H' as in_sp500) from t",
    ),
    # silver.ptr_transactions
    Case(PT, SCHEMA, "select * exclude (extracted_at) from t", raw=True),
    Case(PT, "(doc_id, line_no) is unique", DUP),
    Case(PT, "checked rows have a trade date", edit(transaction_date="null")),
    Case(PT, "checked rows have a notification date", edit(notification_date="null")),
    Case(PT, "checked rows name their asset", edit(asset_name="null")),
    Case(PT, "checked rows have an amount bucket", edit(amount_range="null")),
    Case(PT, "owner is SP, JT or DC", edit(owner="'XX'")),
    Case(
        PT,
        "transaction_type is purchase, sale, partial_sale or exchange",
        edit(transaction_type="'Purchase'"),
    ),
    Case(
        PT,
        "ticker is 1-5 capitals with an optional dotted class (BRK.B)",
        edit("ticker is not null", ticker="'BRK/B'"),
    ),
    Case(PT, "asset_type is an official asset-type code", edit(asset_type="'ZZ'")),
    Case(PT, "amount_range is one of the PTR buckets or a single dollar value",
         edit(amount_range="'$1,000 - $15,000'")),
    Case(PT, "extraction_method is text, ocr, grid or manual", edit(extraction_method="'pdf'")),
    Case(PT, "manual rows name their reviewer and when they were entered", edit(extraction_method="'manual'")),
    Case(
        PT,
        "row_checks_failed lists only the extractor's row checks",
        edit(row_checks_failed="'made_up_check'"),
    ),
    Case(PT, "line_no is at least 1", edit(line_no="0")),
    Case(PT, "amount_low <= amount_high", edit("amount_high is not null", amount_low="amount_high + 1")),
    Case(
        PT,
        "trade and notification dates are between 2008-01-01 and today",
        edit(transaction_date="date '2007-12-31'"),
    ),
    Case(PT, "extracted_at is not in the future", edit(extracted_at=FUTURE)),
    Case(
        PT,
        "amount bounds match the bucket label",
        edit("amount_high is not null", amount_high="amount_high + 1"),
    ),
    Case(
        PT,
        "notification is not before the trade",
        edit(notification_date="cast(transaction_date - interval 1 day as date)"),
    ),
    Case(PT, "line numbers run 1..n in each document", edit(line_no="line_no + 1000")),
    Case(PT, "flagged rows are listed in extraction_issues", edit(row_checks_failed="'owner_known'")),
    Case(PT, "every row belongs to an extracted PTR (silver.ptr_filings)", edit(doc_id="'20099999'")),
    Case(PT, "every row belongs to a type P filing of silver.filings", edit(year="2024")),
    Case(PT, "rows carry the PDF hash and extractor of their document", edit(pdf_sha256=SHA)),
    Case(PT, "a PTR was extracted in the last 7 days", STALE.format(col="extracted_at")),
    Case(PT, "row count is at most 5,000,000", rows(5_000_001), raw=True),
    Case(PT, "no document has more than 5,000 rows", rows(5_001, "doc_id", "'20026590'"), raw=True),
    Case(PT, "row count stays above half of main's", "select * from t", main_rows=146),
    # silver.ptr_filings
    Case(PF, SCHEMA, "select * exclude (pages) from t", raw=True),
    Case(PF, "doc_id is unique", DUP),
    Case(PF, "every document has an extraction status", edit(extraction_status="null")),
    Case(PF, "every document counts its rows", edit(rows_found="null")),
    Case(PF, "extraction_status is ok, needs_review or failed", edit(extraction_status="'done'")),
    Case(PF, "extraction_method is text, ocr or grid", edit(extraction_method="'pdf'")),
    Case(PF, "filer status is Member or Officer or Employee", edit(status="'Candidate'")),
    Case(PF, "state_district of e-filed PTRs is a state code and two digits", edit(state_district="'CA 11'")),
    Case(PF, "layout_era is a known layout era", edit(layout_era="'2019_layout'")),
    Case(PF, "pdf_sha256 is a SHA-256 hex digest", edit(pdf_sha256="'abc'")),
    Case(PF, "signature_date is between 2008-01-01 and today", edit(signature_date="date '2099-01-01'")),
    Case(
        PF,
        "rows_with_failed_checks is between 0 and rows_found",
        edit(rows_with_failed_checks="rows_found + 1"),
    ),
    Case(PF, "pages is between 1 and 2,000", edit(pages="0")),
    Case(PF, "ok documents have rows and none flagged", edit(rows_with_failed_checks="1")),
    Case(PF, "rows_found equals the document's rows in ptr_transactions", edit(rows_found="rows_found + 1")),
    Case(PF, "documents that are not ok have an extraction issue", edit(extraction_status="'needs_review'")),
    Case(PF, "every document is a type P filing of silver.filings", edit(doc_id="'20099999'")),
    Case(PF, "a PTR was extracted in the last 7 days", STALE.format(col="extracted_at")),
    Case(PF, "extracted_at is not in the future", edit(extracted_at=FUTURE)),
    Case(PF, "row count is at most 100,000", rows(100_001), raw=True),
    # silver.extraction_issues (empty in the real sample: each case adds one bad issue)
    Case(EI, SCHEMA, "select * exclude (reason) from t", raw=True),
    Case(
        EI,
        "a document or row has each issue once",
        f"{issue(line_no='1', reason_code=repr('row_checks_failed'))} union all by name "
        f"select * from ({issue(line_no='1', reason_code=repr('row_checks_failed'))})",
    ),
    Case(EI, "every issue says what happened", issue(reason="''")),
    Case(EI, "severity is needs_review or failed", issue(severity="'fatal'")),
    Case(EI, "reason_code is a snake_case code", issue(reason_code="'Row Checks'")),
    Case(EI, "extraction_method is text, ocr or grid", issue(extraction_method="'pdf'")),
    Case(EI, "recorded_at is not in the future", issue(recorded_at=FUTURE)),
    # silver.review_queue
    Case(RQ, SCHEMA, "select * exclude (reason) from t", raw=True),
    Case(RQ, "(doc_id, line_no) is unique",
         queued() + " union all by name select " + ", ".join(f"{v} as {k}" for k, v in QUEUED.items())),
    Case(RQ, "fields_to_read lists known fields (empty only when a check box is ambiguous)",
         queued(fields_to_read="'signature'")),
    Case(RQ, "proposed is a JSON object", queued(proposed="'not json'")),
    Case(RQ, "chamber is house or senate", queued(chamber="'congress'")),
    Case(RQ, "every queued House row is a row of silver.ptr_transactions", queued(doc_id="'20099999'")),
    # The real paper report a0d25e8f's 7 page images are queued (chamber senate).
    Case(RQ, "every queued Senate page is a page image of bronze.senate_paper_pages",
         edit("chamber = 'senate'", pdf_sha256=SHA)),
    Case(RQ, "a Senate page marked read says who read it, when, and how many rows they entered",
         edit("chamber = 'senate'", reviewed_by="'tester'")),
    Case(RQ, "row count is at most 5,000,000", rows(5_000_001), raw=True),
    Case(EI, "row-level issues are exactly the row_checks_failed ones", issue(line_no="1")),
    Case(
        EI,
        "every issue belongs to an extracted PTR (silver.ptr_filings) or an A/T report",
        issue(doc_id="'20099999'"),
    ),
    Case(
        EI,
        "row-level issues point at a flagged row of ptr_transactions or schedule_b_transactions",
        issue(doc_id="'10071977'", line_no="1", reason_code="'row_checks_failed'"),
    ),
    Case(EI, "row count is at most 5,000,000", rows(5_000_001), raw=True),
    # silver.schedule_b_transactions (the 37 rows of T_10071977's Schedule B)
    Case(SB, SCHEMA, "select * exclude (location) from t", raw=True),
    Case(SB, "(doc_id, line_no) is unique", DUP),
    Case(SB, "checked rows have a transaction date", edit(transaction_date="null")),
    Case(SB, "checked rows name their asset", edit(asset_name="null")),
    Case(SB, "checked rows have an amount bucket", edit(amount_range="null")),
    Case(SB, "filing_type is A or T", edit(filing_type="'P'")),
    Case(SB, "owner is SP, JT or DC", edit(owner="'XX'")),
    Case(SB, "transaction_type is purchase, sale, partial_sale or exchange", edit(transaction_type="'S (partial)'")),
    Case(
        SB,
        "ticker is 1-5 capitals with an optional dotted class (BRK.B)",
        edit("ticker is not null", ticker="'NGL/A'"),
    ),
    Case(SB, "asset_type is an official asset-type code", edit(asset_type="'ZZ'")),
    Case(SB, "amount_range is one of the ten transaction buckets", edit(amount_range="'$15,001-$50,000'")),
    Case(SB, "extraction_method is text", edit(extraction_method="'ocr'")),
    Case(SB, "row_checks_failed lists only the Schedule B row checks", edit(row_checks_failed="'date_order'")),
    Case(SB, "line_no is at least 1", edit(line_no="0")),
    Case(SB, "amount_low <= amount_high", edit("amount_high is not null", amount_low="amount_high + 1")),
    Case(SB, "transaction dates are between 2008-01-01 and today", edit(transaction_date="date '2007-12-31'")),
    Case(SB, "extracted_at is not in the future", edit(extracted_at=FUTURE)),
    Case(SB, "amount bounds match the bucket label", edit("amount_high is not null", amount_high="amount_high + 1")),
    Case(
        SB,
        "asset_name carries no nesting arrow",
        edit("subholding_of is not null", asset_name="subholding_of || ' \u21d2 ' || asset_name"),
    ),
    Case(SB, "line numbers run 1..n in each document", edit(line_no="line_no + 1000")),
    Case(SB, "rows of a document share its PDF hash and extractor version", edit(pdf_sha256=SHA)),
    Case(SB, "flagged rows are listed in extraction_issues", edit(row_checks_failed="'owner_known'")),
    Case(SB, "every row belongs to a type A or T filing of silver.filings", edit(year="2024")),
    Case(SB, "no row belongs to a PTR of silver.ptr_filings", edit(doc_id="'20026590'")),
    Case(SB, "row count is at most 5,000,000", rows(5_000_001), raw=True),
    Case(SB, "no document has more than 5,000 rows", rows(5_001, "doc_id", "'10071977'"), raw=True),
    Case(SB, "row count stays above half of main's", "select * from t", main_rows=100),
    # gold.fact_filings
    # silver.senate_filings (six real 2026 reports: five e-filed, an amendment among them, one on paper)
    Case(SF, SCHEMA, "select * exclude (report_url) from t", raw=True),
    Case(SF, "report_id is unique", DUP),
    Case(SF, "report_id is a UUID", edit(report_id="'20026590'")),
    Case(SF, "report_kind is ptr or paper", edit(report_kind="'html'")),
    Case(SF, "extraction_status is ok, needs_review or failed", edit(extraction_status="'done'")),
    Case(SF, "amendment_no is set exactly for amendments", edit("not is_amendment", amendment_no="2")),
    Case(SF, "a paper report is ok exactly when nothing about it is left to review",
         edit("report_kind = 'paper'", extraction_status="'ok'")),
    Case(SF, "rows_found equals the report's rows in senate_transactions",
         edit("report_kind = 'ptr'", rows_found="rows_found + 1")),
    Case(SF, "an amendment amends an earlier report of the table",
         edit("amends_report_id is not null", amends_report_id=NO_REPORT)),
    Case(SF, "row count is at most 100,000", rows(100_001), raw=True),
    # silver.senate_transactions (the 55 rows of those pages)
    Case(ST, SCHEMA, "select * exclude (parser_version) from t", raw=True),
    Case(ST, "(report_id, line_no) is unique", DUP),
    Case(ST, "owner is SP, JT or DC", edit("row_checks_failed = ''", owner="'Self'")),
    Case(ST, "transaction_type is purchase, sale, partial_sale or exchange",
         edit("row_checks_failed = ''", transaction_type="'buy'")),
    Case(ST, "amount_low is at most amount_high",
         edit("row_checks_failed = '' and amount_high is not null", amount_low="amount_high + 1")),
    Case(ST, "extraction_method is html or manual", edit(extraction_method="'ocr'")),
    Case(ST, "a manual row says who entered it, when, and from which page image", edit(extraction_method="'manual'")),
    Case(ST, "every row belongs to a report of silver.senate_filings of its kind (html e-filed, manual paper)",
         edit(report_id=NO_REPORT)),
    Case(ST, "row count is at most 2,000,000", rows(2_000_001), raw=True),
    # silver.senate_filer_matches (every filer of those reports matched)
    Case(SM, SCHEMA, "select * exclude (filed_date) from t", raw=True),
    Case(SM, "report_id is unique", DUP),
    Case(SM, "a report is matched exactly when it has a bioguide_id, a rule and the Senator's state",
         edit("match_status = 'matched'", state="null")),
    Case(SM, "match_status is matched, ambiguous or not_a_member", edit(match_status="'maybe'")),
    Case(SM, "match_rule is one of the Senate matching rules", edit(match_rule="'seat_last_name'")),
    Case(SM, "bioguide_id is a capital and six digits", edit("bioguide_id is not null", bioguide_id="'p000595'")),
    Case(SM, "candidates is a comma-separated list of bioguide ids", edit(candidates="'P000595;S001217'")),
    Case(SM, "candidates agree with the status (one when matched, several when ambiguous, none otherwise)",
         edit("match_status = 'matched'", candidates="'S001217'")),
    Case(SM, "every matched filer is a member", edit("bioguide_id is not null", bioguide_id="'Z999999'")),
    Case(SM, "every matched Senator held a Senate term in the matched state",
         edit("match_status = 'matched'", state="'GU'")),
    Case(SM, "every report of silver.senate_filings has exactly its match row", drop_first("report_id")),
    Case(SM, "row count is at most 100,000", rows(100_001), raw=True),
    Case(FF, SCHEMA, "select * exclude (document_in_bronze) from t", raw=True),
    Case(FF, "doc_id is unique", DUP),
    Case(FF, "every filing links its PDF", edit(pdf_url="null")),
    Case(FF, "filing_type is a code the Clerk uses", edit(filing_type="'U'")),
    Case(
        FF,
        "document_sha256 is a SHA-256 hex digest",
        edit("document_sha256 is not null", document_sha256="upper(document_sha256)"),
    ),
    Case(
        FF,
        "document_size_bytes is between 100 bytes and 1 GB",
        edit("document_size_bytes is not null", document_size_bytes="10"),
    ),
    Case(FF, "party is that of the filer's dim_members version", edit("party is not null", party="'Whig'")),
    Case(FF, "every fact carries its filing's quality issues",
         edit("chamber = 'house'", quality_issues="['listed_more_than_once']")),
    Case(FF, "bioguide_id is the filer's match in silver (filer_matches or senate_filer_matches)",
         edit("bioguide_id is not null", bioguide_id="'X000000'")),
    Case(FF, "a Member's filing has a version of that Member",
         edit("bioguide_id is not null and filing_date is not null", member_key="null")),
    Case(
        FF,
        "document_in_bronze exactly when a hash and size are known",
        edit("not document_in_bronze", document_in_bronze="true"),
    ),
    Case(FF, "every fact is a filing of silver (filings or senate_filings)", edit(doc_id="'99999999'")),
    Case(FF, "chamber is house or senate", edit(chamber="'both'")),
    Case(FF, "doc_id has its chamber's shape (House digits, Senate UUID)", edit("chamber = 'house'", chamber="'senate'")),
    Case(FF, "every report of silver.senate_filings has a fact, with the same date",
         edit("chamber = 'senate'", filing_date="cast(filing_date + interval 1 day as date)")),
    Case(
        FF,
        "every filing of silver.filings has a fact, with the same type, date and filer",
        edit("chamber = 'house'", filer_name="'Someone Else'"),
    ),
    Case(
        FF,
        "document_in_bronze agrees with bronze (house_documents or senate_reports)",
        edit("document_in_bronze", document_sha256=SHA),
    ),
    Case(FF, "row count is between 1 and 500,000", EMPTY),
    # gold.fact_transactions
    Case(FT, SCHEMA, "select * exclude (due_date) from t", raw=True),
    Case(FT, "transaction_key is unique", edit("line_no = 2", transaction_key="transaction_key - 1")),
    Case(FT, "(doc_id, line_no) is unique", DUP),
    Case(FT, "every transaction has a trade date", edit(transaction_date="null")),
    Case(FT, "every transaction has the filing date of its PTR", edit(filing_date="null")),
    Case(FT, "every transaction has an asset key", edit(asset_key="null")),
    Case(FT, "every transaction has an amount", edit(amount_low="null")),
    Case(FT, "owner is SP, JT or DC", edit(owner="'XX'")),
    Case(FT, "transaction_type is purchase, sale, partial_sale or exchange", edit(transaction_type="'buy'")),
    Case(
        FT,
        "ticker is 1-5 capitals with an optional dotted class (BRK.B)",
        edit("ticker is not null", ticker="'BRKB.CLASS'"),
    ),
    Case(FT, "asset_type is an official asset-type code", edit(asset_type="'ZZ'")),
    Case(
        FT,
        "party is Democrat, Republican, Independent or Libertarian",
        edit("party is not null", party="'D'"),
    ),
    Case(FT, "chamber is house or senate", edit("chamber is not null", chamber="'House'")),
    Case(FT, "state is a US state or territory code", edit("state is not null", state="'ZZ'")),
    Case(FT, "amount_range is one of the PTR buckets or a single dollar value",
         edit(amount_range="'$1,001-$15,000'")),
    Case(FT, "amount_low <= amount_high", edit("amount_high is not null", amount_low="amount_high + 1")),
    Case(FT, "amount_midpoint is between $1,001 and $50,000,001 (or the single value written)",
         edit(amount_midpoint="0.5")),
    Case(FT, "trade date is between 2008-01-01 and today", edit(transaction_date="date '2007-06-01'")),
    Case(FT, "trade is not after the notification nor after the filing", edit(days_to_notification="-1")),
    Case(
        FT,
        "amount_midpoint is (low + high) / 2, or low for Over $50,000,000",
        edit(amount_midpoint="amount_midpoint + 1"),
    ),
    Case(
        FT,
        "due_date is the earlier of notification + 30 and trade + 45 days",
        edit(due_date="cast(due_date + interval 1 day as date)"),
    ),
    Case(FT, "is_late is filing_date after due_date", edit(is_late="not is_late")),
    Case(
        FT,
        "days_to_notification and days_to_filing count from the trade date",
        edit(days_to_filing="days_to_filing + 1"),
    ),
    Case(
        FT, "transaction_key is doc_id * 10000 + line_no (House) or negative (Senate)",
        edit("chamber = 'house'", transaction_key="transaction_key + 100000000")
    ),
    Case(
        FT, "asset_key is T:ticker, else N:normalised name", edit("ticker is not null", asset_key="'T:ZZZZ'")
    ),
    Case(FT, "every fact is a row of silver (ptr_transactions or senate_transactions)", edit(line_no="line_no + 1000")),
    Case(
        FT,
        "no row flagged by the extractor's row checks is published",
        edit(row_checks_failed="'owner_known'"),
        target=PT,
    ),
    Case(FT, "every member_key is a version of dim_members", edit("member_key is not null", member_key="-1")),
    Case(
        FT,
        "the member version is the filer's, valid at the trade (or filing) date",
        edit("member_key is not null", party="'Independent'"),
    ),
    Case(
        FT,
        "bioguide_id is the filer match of the PTR",
        edit("bioguide_id is not null", bioguide_id="'Z999999'"),
    ),
    Case(
        FT,
        "filing_date is the PTR's date in silver (filings or senate_filings)",
        edit(filing_date="cast(filing_date + interval 1 day as date)"),
    ),
    Case(FT, "row count is at most 5,000,000", rows(5_000_001), raw=True),
    # gold.dim_members
    Case(DM, SCHEMA, "select * exclude (is_current) from t", raw=True),
    Case(DM, "member_key is unique", DUP),
    Case(
        DM,
        "(bioguide_id, version) is unique",
        "select * from t union all (select * replace (member_key + 500 as member_key) from t limit 1)",
    ),
    Case(DM, "every version has a full name", edit(full_name="null")),
    Case(DM, "every version has a party", edit(party="null")),
    Case(DM, "bioguide_id is a capital and six digits", edit(bioguide_id="lower(bioguide_id)")),
    Case(DM, "party is Democrat, Republican, Independent or Libertarian", edit(party="'D'")),
    Case(DM, "chamber is house or senate", edit(chamber="'Senate'")),
    Case(DM, "state is a US state or territory code", edit(state="'ZZ'")),
    Case(DM, "district is between 0 and 53", edit("district is not null", district="60")),
    Case(DM, "version is at least 1", edit(version="0")),
    Case(DM, "valid_from < valid_to", edit(valid_to="valid_from")),
    Case(
        DM,
        "versions of a member tile time without gaps or overlaps, numbered 1..n",
        edit(is_current="not is_current"),
    ),
    Case(DM, "member_key encodes the bioguide id and version", edit(member_key="member_key + 1")),
    Case(
        DM,
        "House versions have a district and Senate versions none",
        edit("chamber = 'senate'", district="1"),
    ),
    Case(DM, "every version belongs to a member of silver.members", edit(bioguide_id="'Z999999'")),
    Case(DM, "row count is at most 100,000", rows(100_001), raw=True),
    # gold.dim_assets
    Case(DA, SCHEMA, "select * exclude (trade_count) from t", raw=True),
    Case(DA, "asset_key is unique", DUP),
    Case(
        DA,
        "ticker is unique",
        "select * from t union all "
        "(select * replace ('T:DUP' as asset_key) from t where ticker is not null limit 1)",
    ),
    Case(DA, "every asset has a name", edit(asset_name="null")),
    Case(DA, "asset_key is T:<ticker> or N:<name>", edit(asset_key="'X:' || asset_key")),
    Case(
        DA,
        "ticker is 1-5 capitals with an optional dotted class (BRK.B)",
        edit("ticker is not null", ticker="lower(ticker)"),
    ),
    Case(DA, "asset_type is an official asset-type code", edit(asset_type="'ZZ'")),
    Case(DA, "sector is a GICS sector", edit(sector="'Tech'")),
    Case(DA, "trade_count is at least 1", edit(trade_count="0")),
    Case(
        DA,
        "first_traded <= last_traded, both between 2008-01-01 and today",
        edit(first_traded="cast(last_traded + interval 1 day as date)"),
    ),
    Case(
        DA,
        "asset_key is T:ticker exactly when there is a ticker",
        edit("ticker is not null", ticker="'ZZZZ'"),
    ),
    Case(DA, "every asset is traded in fact_transactions", edit(asset_key="'N:NEVER TRADED'", ticker="null")),
    Case(
        DA,
        "every asset_key of fact_transactions has a dim_assets row with its trade count and dates",
        drop_first("asset_key"),
    ),
    Case(
        DA,
        "company names and sectors come from silver.securities",
        edit("ticker is not null", company_name="'Wrong Inc.'"),
    ),
    Case(DA, "row count is at most 1,000,000", rows(1_000_001), raw=True),
    # gold.agg_trending_stocks
    Case(TR, SCHEMA, 'select * exclude ("rank") from t', raw=True),
    Case(TR, "(as_of_date, window_days, basis, chamber, ticker) is unique", DUP),
    Case(TR, "ranks are unique within an as-of date, window, basis and chamber", edit('"rank" = 2', rank="1")),
    Case(TR, "every row has a ticker", edit(ticker="''")),
    Case(TR, "window_days is 7, 30 or 90", edit(window_days="14")),
    Case(TR, "basis is disclosure or trade", edit(basis="'filing'")),
    Case(TR, "chamber is both, house or senate", edit(chamber="'congress'")),
    Case(TR, "ticker is 1-5 capitals with an optional dotted class (BRK.B)", edit(ticker="lower(ticker)")),
    Case(TR, "trades is at least 1", edit(trades="0")),
    Case(TR, "rank is at least 1", edit(rank="0")),
    Case(TR, "volumes are not negative and members do not exceed trades", edit(members="trades + 1")),
    Case(TR, "net_volume = buy_volume - sell_volume", edit(net_volume="net_volume + 1")),
    Case(TR, "dem_trades + rep_trades + other_trades = trades", edit(other_trades="other_trades + 1")),
    Case(TR, "ranks run 1..n by trades within an as-of date, window, basis and chamber",
         edit(rank='"rank" + 1000')),
    Case(TR, "trades equal the transactions of fact_transactions of the chamber in the window",
         edit("chamber = 'senate'", trades="trades + 1")),
    Case(TR, "every traded ticker is ranked on its days, for both chambers and for its own",
         "select * from t where chamber <> 'senate'"),
    Case(TR, "row count is at most 20,000,000", rows(20_000_001), raw=True),
    # gold.agg_member_stats
    Case(MS, SCHEMA, "select * exclude (late_rate) from t", raw=True),
    Case(MS, "(period, bioguide_id) is unique", DUP),
    Case(MS, "every row names its member", edit(full_name="null")),
    Case(MS, "period is all, YYYY or YYYY-Qn", edit(period="'2025Q1'")),
    Case(MS, "bioguide_id is a capital and six digits", edit(bioguide_id="'X1'")),
    Case(MS, "trades is at least 1", edit(trades="0")),
    Case(MS, "late_rate is between 0 and 1", edit(late_rate="1.5")),
    Case(MS, "buys + sells and late_count do not exceed trades", edit(buys="trades + 1")),
    Case(MS, "late_rate = late_count / late_known", edit(late_rate="0.5")),
    Case(
        MS,
        "trades fall inside their period and period bounds match the label",
        edit("period <> 'all'", period_end="cast(period_start - interval 1 day as date)"),
    ),
    Case(MS, "every member_key is a version of dim_members", edit(member_key="-1")),
    Case(MS, "trades and late counts match fact_transactions", edit(trades="trades + 1")),
    Case(MS, "row count is at most 1,000,000", rows(1_000_001), raw=True),
]


def test_every_check_has_a_violation_case():
    defined = {(t, d.name) for t in audited_tables() for d in check_definitions(t)}
    covered = [(c.table, c.check) for c in CASES]
    assert len(covered) == len(set(covered)), "one case per check"
    assert set(covered) == defined


def violate(case: Case, tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    target = case.target or case.table
    con = duckdb.connect()
    try:
        con.register("t", tables[target])
        changed = con.sql(case.sql).to_arrow_table()
    finally:
        con.close()
    if not case.raw:
        assert changed.column_names == tables[target].column_names
        # Nullable: the violations include nulls that Iceberg would refuse in a required column.
        changed = changed.cast(pa.schema([f.with_nullable(True) for f in tables[target].schema]))
    return dict(tables) | {target: changed}


def history_of(counts: tuple[int, ...]) -> pa.Table | None:
    """ops.check_results-shaped history: one published audit per row count, a day apart."""
    if not counts:
        return None
    import datetime as dt

    from checks.runner import HISTORY_SCHEMA

    start = dt.datetime(2026, 1, 1)
    return pa.Table.from_pylist(
        [dict(checked_at=start + dt.timedelta(days=i), run_id=f"r{i}", snapshot_id=i,
              check_name="row count is between 1 and 500,000", outcome="pass", value=float(n), published=True)
         for i, n in enumerate(counts)],
        HISTORY_SCHEMA,
    )


def run_case(case: Case, data: dict[str, pa.Table]):
    (result,) = run_checks(case.table, data, main_row_count=case.main_rows, only=[case.check],
                           main_partition_rows=case.main_partitions, history=history_of(case.history))
    return result


@pytest.mark.parametrize("case", CASES, ids=[f"{c.table}: {c.check}" for c in CASES])
def test_the_check_fails_on_data_that_violates_it(case: Case, tables):
    from checks.runner import MIN_PARTITION_ROWS

    data = violate(case, tables)
    result = run_case(case, data)
    definition = next(d for d in check_definitions(case.table) if d.name == case.check)
    family = definition.family
    if definition.row_issue is not None:
        # A row rule: one unusual row is published with its issue (a warning); the same fault on
        # every matching row is systemic and fails, where the table is big enough to say so.
        assert result.outcome == "warn", result
        assert definition.row_issue in result.note
        everywhere = dataclasses.replace(case, sql=case.sql.replace("_hit and _n = 1", "_hit"))
        systemic = run_case(everywhere, violate(everywhere, tables))
        big = tables[case.target or case.table].num_rows >= MIN_PARTITION_ROWS
        blocks = definition.max_share < 1  # 100%: informational, never blocks
        assert systemic.outcome == ("fail" if big and blocks else "warn"), systemic
        assert result.failed_rows_sample, "a row rule shows the rows that fail it"
        return
    # Freshness checks only warn (a closed year's data ages legitimately); everything else fails.
    assert result.outcome == (case.expect or ("warn" if family == "freshness" else "fail")), result
    if family not in ("schema", "freshness", "row_count"):
        assert result.failed_rows_sample, "a failing check shows the rows that fail it"
    if family == "volume":
        accepted = run_checks(case.table, data, main_row_count=case.main_rows, only=[case.check],
                              main_partition_rows=case.main_partitions, history=history_of(case.history),
                              accept_anomaly=True)
        assert [(r.outcome, r.note) for r in accepted] == [("warn", "anomaly accepted (--accept-anomaly)")]
