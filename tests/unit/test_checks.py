"""The SodaCL files and the check runner, on small hand-made rows modelled on the real 2025 data.

Every scan here runs Soda Core 3.5.6 (installed over its ``duckdb<1.1`` pin) on the DuckDB this
project pins, through :func:`checks.runner.run_checks` — no catalog needed.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from catalog.registry import TABLES, table_spec
from checks.runner import (
    FAMILIES,
    AuditReport,
    CheckResult,
    audited_tables,
    check_definitions,
    checks_path,
    referenced_tables,
    run_checks,
)
from core.errors import ConfigError

D = dt.date
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
SHA = "a" * 64


def arrow(identifier: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, table_spec(identifier).arrow_schema())


def filing(doc_id: str, filing_type: str, filing_date: D | None, state_district: str, **extra) -> dict:
    family = {"P": "ptr_efiled", "C": "fd_efiled", "W": "withdrawal_efiled"}[filing_type]
    folder = "ptr-pdfs" if filing_type == "P" else "financial-pdfs"
    district = int(state_district[2:])
    row = dict(
        doc_id=doc_id,
        year=2025,
        filing_type=filing_type,
        filing_type_name="x",
        filing_date=filing_date,
        prefix="Hon.",
        first_name="Nancy",
        last_name="Pelosi",
        filer_name="Nancy Pelosi",
        state_district=state_district,
        state=state_district[:2],
        district=district or None,
        is_at_large=district == 0,
        is_efiled=True,
        doc_id_family=family,
        pdf_url=f"https://disclosures-clerk.house.gov/public_disc/{folder}/2025/{doc_id}.pdf",
        is_amendment=False,
        index_record_count=1,
        source_url="mirror",
        ingested_at=NOW,
        quality_issues=[],
        filing_date_raw=f"{filing_date.month}/{filing_date.day}/{filing_date.year}" if filing_date else None,
        year_raw="2025",
    )
    return row | extra


FILINGS = [
    filing("20026590", "P", D(2025, 1, 17), "CA11"),
    filing("10072224", "C", D(2025, 5, 15), "DE00"),
    filing("8221169", "W", None, "TX07", doc_id_family="paper", is_efiled=False,
           quality_issues=["missing_filing_date"]),
]
MISSING_DATE = {"the index gives a filing date": "warn"}
"""The real dateless withdrawal notice above: published with its issue, a warning."""
PTR_FILINGS = [
    dict(
        doc_id="20026590",
        year=2025,
        filer_name="Hon. Nancy Pelosi",
        status="Member",
        state_district="CA11",
        signature_name="Hon. Nancy Pelosi",
        signature_date=D(2025, 1, 17),
        ipo_answer=False,
        pages=2,
        rows_found=2,
        rows_with_failed_checks=0,
        extraction_status="ok",
        issues="",
        extraction_method="text",
        extractor_version="ptr-pdf/1",
        pdf_sha256=SHA,
        extracted_at=NOW,
    )
]


def ptr_row(line_no: int, **extra) -> dict:
    row = dict(
        doc_id="20026590",
        line_no=line_no,
        year=2025,
        owner="SP",
        asset_name="Apple Inc. - Common Stock",
        ticker="AAPL",
        asset_type="ST",
        transaction_type="partial_sale",
        transaction_date=D(2024, 12, 31),
        notification_date=D(2024, 12, 31),
        amount_range="$5,000,001 - $25,000,000",
        amount_low=5_000_001,
        amount_high=25_000_000,
        filing_status="New",
        page=1,
        row_checks_failed="",
        extraction_method="text",
        extractor_version="ptr-pdf/1",
        pdf_sha256=SHA,
        extracted_at=NOW,
    )
    return row | extra


PTR_ROWS = [
    ptr_row(1),
    ptr_row(
        2,
        ticker="BRK.B",
        asset_name="Berkshire Hathaway Inc.",
        transaction_type="purchase",
        owner=None,
        amount_range="Over $50,000,000",
        amount_low=50_000_001,
        amount_high=None,
    ),
]


def data(**overrides: list[dict]) -> dict[str, pa.Table]:
    tables = {
        "silver.filings": FILINGS,
        "silver.ptr_filings": PTR_FILINGS,
        "silver.ptr_transactions": PTR_ROWS,
        "silver.extraction_issues": [],
    }
    tables |= {k.replace("__", "."): v for k, v in overrides.items()}
    return {name: arrow(name, rows) for name, rows in tables.items()}


def not_passed(results) -> dict[str, str]:
    return {r.check: r.outcome for r in results if r.outcome != "pass"}


# -- the files ----------------------------------------------------------------------------------


def test_every_silver_and_gold_table_has_checks():
    wanted = [s.identifier for s in TABLES if s.namespace in ("silver", "gold")]
    assert audited_tables() == wanted
    for table in wanted:
        assert checks_path(table).name == table.replace(".", "_") + ".yml"


def test_check_files_are_well_formed_and_cover_every_family():
    definitions = [d for t in audited_tables() for d in check_definitions(t)]
    assert len(definitions) >= 52
    assert {d.family for d in definitions} == set(FAMILIES)
    for table in audited_tables():
        families = {d.family for d in check_definitions(table)}
        # Every table is checked at least for its schema, keys or values, and size.
        assert {"schema", "row_count"} <= families, table
        assert families & {"duplicate", "cross_field"}, table


def test_schema_checks_are_generated_from_the_registry():
    """Every audited table's schema check lists every registry column (bytes excepted) with its
    type; a checks file may not carry a copy of its own."""
    import yaml

    from checks import runner

    for table in audited_tables():
        (schema,) = [d for d in check_definitions(table) if d.family == "schema"]
        assert schema.name == runner.SCHEMA_CHECK
        parsed = yaml.safe_load(schema.definition)
        fail = (parsed[0] if isinstance(parsed, list) else parsed)["schema"]["fail"]
        columns = [c for c in table_spec(table).columns if not c.is_binary]
        assert fail["when required column missing"] == [c.name for c in columns], table
        assert fail["when wrong column type"] == {c.name: runner.SODA_TYPES[str(c.type)] for c in columns}, table
    stale = "checks for silver_filings:\n  - schema:\n      name: x\n      attributes: {family: schema}\n"
    with pytest.raises(ConfigError, match="generated from the registry"):
        runner._with_schema_check("silver.filings", Path("silver_filings.yml"), stale, "checks for silver_filings")


def test_referenced_tables_are_found_in_the_queries():
    assert referenced_tables("silver.ptr_transactions") == {
        "silver.ptr_filings",
        "silver.filings",
        "silver.extraction_issues",
    }
    assert referenced_tables("gold.fact_filings") == {
        "silver.filings", "bronze.house_documents", "gold.dim_members", "silver.filer_matches",
        "silver.senate_filings", "silver.senate_filer_matches", "bronze.senate_reports"}
    assert "gold.fact_transactions" not in referenced_tables("gold.fact_transactions")


# -- Soda on this DuckDB ------------------------------------------------------------------------


def test_soda_runs_on_the_pinned_duckdb_pass_and_fail():
    """soda-core-duckdb 3.5.6 declares duckdb<1.1; it is installed over that pin on purpose."""
    from importlib.metadata import version

    assert version("soda-core-duckdb") == "3.5.6"
    assert tuple(int(x) for x in duckdb.__version__.split(".")[:2]) >= (1, 5)
    good = run_checks("silver.filings", data())
    assert len(good) == len(check_definitions("silver.filings"))
    assert not_passed(good) == MISSING_DATE
    bad = run_checks("silver.filings", data(silver__filings=FILINGS + [FILINGS[0]]))
    assert not_passed(bad) == MISSING_DATE | {"doc_id is unique": "fail"}


def test_timestamps_with_time_zone_reach_soda_without_pytz():
    """DuckDB needs pytz to hand TIMESTAMPTZ to Python; the views give Soda naive UTC instead."""
    assert pa.types.is_timestamp(arrow("silver.filings", FILINGS).schema.field("ingested_at").type)
    stale = [r | {"ingested_at": NOW - dt.timedelta(days=30)} for r in FILINGS]
    (fresh,) = [
        r
        for r in run_checks("silver.filings", data(silver__filings=stale))
        if r.check == "an index was ingested in the last 7 days"
    ]
    assert fresh.outcome == "warn"
    assert 29 * 86400 < fresh.value < 31 * 86400
    assert fresh.failed_rows_sample[0]["age"].startswith("30 days")


# -- one test per family: data that violates it fails exactly that check ------------------------


def test_schema_family():
    filings = arrow("silver.filings", FILINGS)
    broken = filings.drop_columns(["pdf_url"]).set_column(
        filings.schema.get_field_index("year"), "year", filings.column("year").cast(pa.string())
    )
    results = run_checks(
        "silver.filings", {"silver.filings": broken}, only=["required columns have their registry types"]
    )
    (schema,) = results
    assert schema.outcome == "fail"
    assert schema.value == 2
    assert {(r["column"], r["problem"]) for r in schema.failed_rows_sample} == {
        ("pdf_url", "missing"),
        ("year", "wrong type"),
    }


def test_duplicate_family():
    rows = PTR_ROWS + [ptr_row(1, ticker="MSFT")]  # a second line 1, with other content
    results = run_checks("silver.ptr_transactions", data(silver__ptr_transactions=rows))
    # Three rows whose line numbers stop at 2 also break the 1..n numbering: both must fail.
    assert not_passed(results) == {
        "(doc_id, line_no) is unique": "fail",
        "line numbers run 1..n in each document": "fail",
    }
    dup = next(r for r in results if r.check == "(doc_id, line_no) is unique")
    assert dup.value == 1
    assert {(r["line_no"], r["ticker"]) for r in dup.failed_rows_sample} == {(1, "AAPL"), (1, "MSFT")}


def test_missing_family():
    rows = [FILINGS[0], FILINGS[1], FILINGS[2], FILINGS[0] | {"quality_issues": None, "doc_id": "20026591",
                                                              "pdf_url": FILINGS[0]["pdf_url"].replace("590", "591")}]
    results = run_checks("silver.filings", data(silver__filings=rows))
    assert not_passed(results) == MISSING_DATE | {"every row lists its quality issues (empty when none)": "fail"}
    (miss,) = [r for r in results if r.outcome == "fail"]
    assert miss.value == 1 and miss.failed_rows_sample[0]["doc_id"] == "20026591"


def test_validity_family():
    # Filing types as they really are: C, W and the rest pass; an invented code fails.
    # Filing types as they really are: C, W and the rest pass; an invented code is a row issue.
    invented = filing("10099999", "C", D(2025, 2, 1), "NY12") | {"filing_type": "U"}
    results = run_checks("silver.filings", data(silver__filings=FILINGS + [invented]))
    assert not_passed(results) == MISSING_DATE | {"filing_type is a code the Clerk uses": "warn"}
    rows = [ptr_row(1, owner="XX"), ptr_row(2, ticker="brk.b", transaction_type="Purchase", asset_type="ZZ")]
    results = run_checks("silver.ptr_transactions", data(silver__ptr_transactions=rows))
    assert not_passed(results) == {
        "owner is SP, JT or DC": "fail",
        "ticker is 1-5 capitals with an optional dotted class (BRK.B)": "fail",
        "transaction_type is purchase, sale, partial_sale or exchange": "fail",
        "asset_type is an official asset-type code": "fail",
    }


def test_validity_rules_skip_rows_the_extractor_flagged():
    """Flagged rows stay in silver for review; only unflagged rows must be valid."""
    rows = [PTR_ROWS[0], ptr_row(2, owner="XX", row_checks_failed="owner_known")]
    issue = dict(
        doc_id="20026590",
        line_no=2,
        year=2025,
        severity="needs_review",
        reason_code="row_checks_failed",
        reason="line 2 failed row checks: owner_known",
        extraction_method="text",
        extractor_version="ptr-pdf/1",
        pdf_sha256=SHA,
        recorded_at=NOW,
    )
    assert (
        not_passed(
            run_checks(
                "silver.ptr_transactions",
                data(silver__ptr_transactions=rows, silver__extraction_issues=[issue]),
            )
        )
        == {}
    )
    # ... but a flagged row must be listed in extraction_issues.
    results = run_checks("silver.ptr_transactions", data(silver__ptr_transactions=rows))
    assert not_passed(results) == {"flagged rows are listed in extraction_issues": "fail"}


def test_range_family():
    # The Clerk's indexes start in 2008.
    rows = [FILINGS[0] | {"year": 2007, "year_raw": "2007", "pdf_url": FILINGS[0]["pdf_url"].replace("2025", "2007")},
            FILINGS[1], FILINGS[2]]
    results = run_checks("silver.filings", data(silver__filings=rows))
    assert not_passed(results) == MISSING_DATE | {"year is between 2008 and next year": "fail"}
    rows = [PTR_ROWS[0] | {"amount_low": 30_000_000}, PTR_ROWS[1]]
    results = run_checks("silver.ptr_transactions", data(silver__ptr_transactions=rows))
    assert not_passed(results) == {
        "amount_low <= amount_high": "fail",
        "amount bounds match the bucket label": "fail",
    }


def test_reference_family():
    rows = PTR_ROWS + [ptr_row(1, doc_id="20099999")]  # a PTR nobody extracted, not in the index
    results = run_checks("silver.ptr_transactions", data(silver__ptr_transactions=rows))
    assert not_passed(results) == {
        "every row belongs to an extracted PTR (silver.ptr_filings)": "fail",
        "every row belongs to a type P filing of silver.filings": "fail",
    }
    ref = next(r for r in results if r.check.startswith("every row belongs to an extracted PTR"))
    assert ref.value == 1 and ref.failed_rows_sample[0]["doc_id"] == "20099999"


def test_cross_field_family():
    rows = [FILINGS[0] | {"is_amendment": True}, FILINGS[1], FILINGS[2]]
    results = run_checks("silver.filings", data(silver__filings=rows))
    assert not_passed(results) == MISSING_DATE | {"is_amendment marks exactly the type A filings": "fail"}
    rows = [PTR_ROWS[0] | {"notification_date": D(2024, 12, 1)}, PTR_ROWS[1]]
    results = run_checks("silver.ptr_transactions", data(silver__ptr_transactions=rows))
    assert not_passed(results) == {"notification is not before the trade": "fail"}


def test_freshness_family():
    # Ageing data is a warning, not a failure: a closed year's index never changes.
    rows = [r | {"ingested_at": NOW - dt.timedelta(days=8)} for r in FILINGS]
    results = run_checks("silver.filings", data(silver__filings=rows))
    assert not_passed(results) == MISSING_DATE | {"an index was ingested in the last 7 days": "warn"}
    assert AuditReport("silver.filings", 1, results, "r").passed


def test_row_count_family():
    assert not_passed(run_checks("silver.filings", data(silver__filings=[]))) == {
        "row count is between 1 and 500,000": "fail",
        "an index was ingested in the last 7 days": "warn",
    }
    # A write that loses more than half of main's rows (main had 200).
    results = run_checks("silver.ptr_transactions", data(), main_row_count=200)
    assert not_passed(results) == {"row count stays above half of main's": "fail"}
    (drop,) = [r for r in results if r.outcome == "fail"]
    assert drop.failed_rows_sample == [{"main_row_count": 200, "row_count": 2}]
    assert not_passed(run_checks("silver.ptr_transactions", data(), main_row_count=4)) == {}


# -- outcomes Soda cannot give ------------------------------------------------------------------


def test_a_check_soda_cannot_evaluate_is_an_error_not_a_pass():
    filings = arrow("silver.filings", FILINGS).drop_columns(["doc_id_family"])
    results = run_checks("silver.filings", {"silver.filings": filings})
    outcomes = {r.check: r.outcome for r in results}
    assert outcomes["required columns have their registry types"] == "fail"
    name = "is_efiled is false exactly for paper DocIDs and unknown for unknown shapes"
    assert outcomes[name] == "error"
    error = next(r for r in results if r.check == name)
    assert "doc_id_family" in str(error.value)
    assert not AuditReport("silver.filings", 7, results, "run1").passed


def test_summary_is_readable():
    results = run_checks("silver.filings", data(silver__filings=FILINGS + [FILINGS[0]]))
    report = AuditReport("silver.filings", 42, results, "run1")
    text = report.summary()
    assert text.splitlines()[0].startswith("silver.filings @ snapshot 42: audit FAILED (28 checks:")
    assert "  FAIL  doc_id is unique: value 1" in text
    assert "doc_id=20026590" in text
    assert AuditReport("gold.nothing", None, (), "r").passed


def test_results_carry_the_check_as_written():
    (result,) = run_checks("silver.filings", data(), only=["the index gives a filing date"])
    assert isinstance(result, CheckResult)
    assert result.definition.startswith("- failed rows:\n    # The Clerk leaves FilingDate empty on many")
    assert "fail condition: filing_date_raw is null" in result.definition


def test_soda_telemetry_stays_off_and_home_untouched(tmp_path):
    """Soda would write ~/.soda/config.yml and send usage traces to collect.soda.io."""
    code = (
        "import checks.runner as r, pyarrow as pa\n"
        "from soda.common.config_helper import ConfigHelper\n"
        "r.run_checks('silver.securities', {})\n"
        "print(ConfigHelper.get_instance().send_anonymous_usage_stats)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "PYTHONPATH")} | {"HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    assert out.stdout.strip() == "False"
    assert not (tmp_path / ".soda").exists()
