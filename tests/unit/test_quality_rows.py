"""Row rules: odd real index records are published with their issues; only systemic failures block.

The records below are real ones from the Clerk's 2018-2025 indexes (shared/data/house), with the
oddities every year holds: a dateless withdrawal notice, American Samoa written 'AQ00', a malformed
'KS/01', a district 'MI80', a gift waiver with a 5xxxxxxx DocID, an amendment filed two years
after its index year, a DocID listed twice.
"""

from __future__ import annotations

import datetime as dt

import ibis
import pyarrow as pa
import pytest

from catalog.registry import FILINGS, HOUSE_FD_INDEX
from checks.runner import (
    HISTORY_SCHEMA,
    MIN_PARTITION_ROWS,
    AuditReport,
    ConfigError,
    _load,
    row_rules,
    run_checks,
    tag_rows_sql,
)
from jobs.runner import tag_quality_issues
from jobs.silver.filings import transform

NOW = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)

#: (year, Prefix, Last, First, FilingType, StateDst, Year, FilingDate, DocID) as published.
REAL = [
    (2018, "", "Hall", "Matthew", "W", "", "2018", "", "9112554"),
    (2019, "Hon.", "Radewagen", "Aumua Amata Coleman", "O", "AQ00", "2019", "8/12/2020", "10036533"),
    (2020, "", "Barnett", "Kali", "C", "KS/01", "2020", "5/14/2020", "10035611"),
    (2020, "Mr.", "Juarez", "Javier Alejandro", "C", "MI80", "2020", "1/5/2021", "10039417"),
    (2021, "Hon.", "Gallego", "Ruben", "G", "AZ07", "2021", "7/22/2021", "50000145"),
    (2018, "Hon.", "Rouda", "Harley E.", "A", "CA48", "2018", "8/13/2020", "10037721"),
    (2018, "Hon.", "Banks", "James E.", "O", "IN03", "2018", "5/14/2019", "10027462"),
    (2018, "Hon.", "Banks", "James E.", "O", "IN03", "2018", "5/14/2019", "10027462"),
    (2025, "Hon.", "Pelosi", "Nancy", "P", "CA11", "2025", "1/17/2025", "20026590"),
]


def bronze(records) -> pa.Table:
    rows = [
        dict(year=y, doc_id=d, prefix=p or None, last=last, first=first, suffix=None, filing_type=t,
             state_dst=sd or None, year_raw=yr, filing_date_raw=fd or None, record_no=i, index_format="xml",
             source_url="mirror", source_sha256="x", ingested_at=NOW, run_id="r")
        for i, (y, p, last, first, t, sd, yr, fd, d) in enumerate(records, start=1)
    ]
    return pa.Table.from_pylist(rows, HOUSE_FD_INDEX.arrow_schema())


def silver(records) -> dict[str, dict]:
    """The filings job on ``records`` (DuckDB), tagged as the runner tags it, by DocID."""
    con = ibis.duckdb.connect()
    try:
        rows = con.to_pyarrow(transform(ibis.memtable(bronze(records))))
    finally:
        con.disconnect()
    tagged = tag_quality_issues("silver.filings", rows)
    return {r["doc_id"]: r for r in tagged.to_pylist()}


def test_odd_real_records_are_kept_read_as_far_as_they_go_and_carry_their_issues():
    rows = silver(REAL)
    assert len(rows) == 8, "every DocID is a filing; the repeated one collapses to one row"
    issues = {d: r["quality_issues"] for d, r in rows.items()}
    assert issues == {
        "9112554": ["missing_filing_date"],
        "10036533": [],
        "10035611": ["malformed_state_district"],
        "10039417": ["district_out_of_range"],
        "50000145": [],
        "10037721": [],
        "10027462": ["listed_more_than_once"],
        "20026590": [],
    }
    samoa = rows["10036533"]
    assert (samoa["state_district"], samoa["state"], samoa["district"], samoa["is_at_large"]) == ("AQ00", "AS", None, True)
    kansas = rows["10035611"]
    assert (kansas["state_district"], kansas["state"], kansas["district"]) == ("KS/01", "KS", 1)
    waiver = rows["50000145"]
    assert (waiver["doc_id_family"], waiver["is_efiled"]) == ("waiver_efiled", True)
    late = rows["10037721"]
    assert (late["year"], late["filing_date"], late["is_amendment"]) == (2018, dt.date(2020, 8, 13), True)
    assert rows["10027462"]["index_record_count"] == 2
    assert rows["9112554"]["filing_date"] is None and rows["9112554"]["state"] is None


@pytest.mark.parametrize("raw, parsed", [
    ("1/17/2025", dt.date(2025, 1, 17)),
    ("01/07/2025", dt.date(2025, 1, 7)),
    ("1/17/25", dt.date(2025, 1, 17)),        # a 2-digit year is 2025, never year 25
    ("2025-01-17", dt.date(2025, 1, 17)),
    ("1/17/2025 12:00:00 AM", dt.date(2025, 1, 17)),
    ("Jan 17", None),
])
def test_filing_dates_in_other_shapes_are_read_and_the_rest_flagged(raw, parsed):
    (row,) = silver([(2025, "Hon.", "Pelosi", "Nancy", "P", "CA11", "2025", raw, "20026590")]).values()
    assert row["filing_date"] == parsed
    assert row["filing_date_raw"] == raw
    assert row["quality_issues"] == ([] if parsed else ["unreadable_filing_date"])


def test_unknown_shapes_and_states_are_flagged_not_dropped():
    rows = silver([
        (2016, "Hon.", "Doe", "Jane", "O", "CE00", "2016", "5/15/2017", "10012345"),
        (2016, "", "Roe", "Rick", "Q", "NY12", "2015", "5/15/2017", "123456"),
        (2016, "", "Poe", "Pat", "C", "N/A", "2016", "5/15/2016", "DOC-7"),
        (2016, "Hon.", "Moe", "Mo", "O", "RQ00", "2016", "5/15/2017", "10012346"),
    ])
    assert rows["10012345"]["quality_issues"] == ["unknown_state"]
    assert rows["10012345"]["state"] == "CE"
    odd = rows["123456"]
    assert (odd["doc_id_family"], odd["is_efiled"]) == ("unknown", None)
    assert odd["quality_issues"] == ["unknown_filing_type", "unknown_doc_id_family", "year_mismatch"]
    assert rows["DOC-7"]["quality_issues"] == [
        "non_numeric_doc_id", "unknown_doc_id_family", "malformed_state_district", "unreadable_state_district"]
    assert (rows["10012346"]["state"], rows["10012346"]["quality_issues"]) == ("PR", []), "Puerto Rico's FIPS code"


def test_row_rules_come_from_the_sodacl_file_with_their_codes_and_limits():
    rules = {r.code: r.max_share for r in row_rules("silver.filings")}
    assert rules["missing_filing_date"] == 0.25
    assert rules["unknown_state"] == 0.01
    assert rules["unknown_doc_id_family"] == 1.0, "informational: another numbering never blocks"
    assert len(rules) == 13
    sql = tag_rows_sql("silver.filings", "t", ["doc_id", "quality_issues"])
    assert sql.startswith("select * replace (list_concat(coalesce(quality_issues")
    assert tag_rows_sql("gold.fact_filings", "t", ["doc_id"]) is None


def test_issues_a_transform_sets_itself_are_kept_before_the_rules():
    (row,) = silver([(2018, "", "Hall", "Matthew", "W", "", "2018", "", "9112554")]).values()
    rows = pa.Table.from_pylist([row | {"quality_issues": ["from_transform"]}], FILINGS.arrow_schema())
    assert tag_quality_issues("silver.filings", rows).column("quality_issues").to_pylist() == [
        ["from_transform", "missing_filing_date"]
    ]


def year_of(n: int, *, missing: int, year: int = 2025) -> list[dict]:
    """``n`` filings of ``year``, ``missing`` of them without a date (as the real W notices)."""
    (base,) = silver([(year, "Hon.", "Pelosi", "Nancy", "P", "CA11", str(year), "1/17/2025", "20026590")]).values()
    out = []
    for i in range(n):
        row = dict(base, doc_id=str(20000000 + i), pdf_url=base["pdf_url"].replace("20026590", str(20000000 + i)))
        if i < missing:
            row.update(filing_date=None, filing_date_raw=None, quality_issues=["missing_filing_date"])
        out.append(row)
    return out


def judge(rows: list[dict], **kw):
    data = {"silver.filings": pa.Table.from_pylist(rows, FILINGS.arrow_schema())}
    (result,) = run_checks("silver.filings", data, only=["the index gives a filing date"], **kw)
    return result


def test_a_few_dateless_rows_warn_a_systemic_share_fails_small_tables_only_warn():
    few = judge(year_of(MIN_PARTITION_ROWS * 2, missing=12))   # 6%: like 2018's 211 of 3,423
    assert few.outcome == "warn"
    assert few.note == ("worst year 2025: 12 of 200 rows = 6.00%, limit 25.00%; rows carry "
                        "'missing_filing_date' in quality_issues")
    systemic = judge(year_of(MIN_PARTITION_ROWS * 2, missing=120))  # 60%: the date column was lost
    assert systemic.outcome == "fail"
    assert systemic.note.endswith("limit 25.00%; systemic")
    tiny = judge(year_of(5, missing=3))
    assert tiny.outcome == "warn", "3 of 5 rows says nothing systemic"
    # A bad year among good ones is judged on its own, not diluted by the whole table.
    mixed = year_of(MIN_PARTITION_ROWS * 3, missing=0, year=2024) + year_of(MIN_PARTITION_ROWS, missing=40)
    result = judge(mixed)
    assert result.outcome == "fail" and result.note.startswith("worst year 2025: 40 of 100 rows")
    small = mixed[: MIN_PARTITION_ROWS * 3 + MIN_PARTITION_ROWS // 2]
    assert judge(small).outcome == "warn", "a year under 100 rows is judged with the table: 40 of 350"


def shrink(main: int, staged: int, **kw):
    rows = year_of(staged, missing=0)
    data = {"silver.filings": pa.Table.from_pylist(rows, FILINGS.arrow_schema())}
    name = "no year's index shrinks by more than 20% since it was last published"
    (result,) = run_checks("silver.filings", data, only=[name], main_row_count=main,
                           main_partition_rows={"2025": main}, **kw)
    return result


def test_a_year_that_shrinks_is_held_back_unless_accepted():
    assert shrink(1616, 1616).outcome == "pass"
    assert shrink(1616, 1400).outcome == "pass", "13% fewer: within the rule"
    held = shrink(1616, 161)
    assert held.outcome == "fail"
    assert held.failed_rows_sample == [{"year": "2025", "published_filings": 1616, "new_filings": 161}]
    accepted = shrink(1616, 161, accept_anomaly=True)
    assert (accepted.outcome, accepted.note) == ("warn", "anomaly accepted (--accept-anomaly)")
    report = AuditReport("silver.filings", 1, (held,), "r")
    assert report.anomalies == (held,)
    assert "--accept-anomaly" in report.advice()


def growth(history: list[float], main: int, staged: int, main_years: dict[str, int] | None = None):
    start = dt.datetime(2026, 1, 1)
    hist = pa.Table.from_pylist(
        [dict(checked_at=start + dt.timedelta(days=i), run_id=f"r{i}", snapshot_id=i,
              check_name="row count is between 1 and 500,000", outcome="pass", value=v, published=True)
         for i, v in enumerate(history)],
        HISTORY_SCHEMA,
    )
    rows = year_of(staged, missing=0)
    data = {"silver.filings": pa.Table.from_pylist(rows, FILINGS.arrow_schema())}
    name = "a write adds at most ten times the usual number of filings to published years"
    (result,) = run_checks("silver.filings", data, only=[name], main_row_count=main, history=hist,
                           main_partition_rows={"2025": main} if main_years is None else main_years)
    return result


def test_a_write_many_times_the_usual_size_is_an_anomaly_once_there_is_history():
    daily = [1000.0, 1010.0, 1025.0, 1030.0]  # a few filings a day
    assert growth(daily, main=1030, staged=1040).outcome == "pass"
    assert growth(daily, main=1030, staged=7000).outcome == "fail"
    assert growth(daily[:2], main=1030, staged=7000).outcome == "pass", "too little history to know the usual"
    # A backfill adds years main does not have: not growth of a published year.
    assert growth(daily, main=1030, staged=7000, main_years={}).outcome == "pass"


def test_a_row_rule_without_its_limit_is_a_config_error(tmp_path, monkeypatch):
    import checks.runner as runner

    (tmp_path / "silver_filings.yml").write_text(
        "checks for silver_filings:\n"
        "  - failed rows:\n"
        "      name: x\n"
        "      attributes: {family: missing, row_issue: x}\n"
        "      fail condition: doc_id is null\n"
    )
    monkeypatch.setattr(runner, "CHECKS_DIR", tmp_path)
    _load.cache_clear()
    try:
        with pytest.raises(ConfigError, match="a row rule needs all of"):
            _load("silver.filings")
    finally:
        _load.cache_clear()


def test_checks_list_shows_each_row_rule_with_its_code_and_limit(tmp_path):
    from click.testing import CliRunner

    from lakehouse.cli import main

    result = CliRunner().invoke(main, ["--home", str(tmp_path), "checks", "list", "--table", "silver.filings"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "silver.filings: 28 checks"
    assert ("  missing      the index gives a filing date  [row rule missing_filing_date, blocks above 25% of a "
            "year]") in lines
    assert "  validity     doc_id has a known shape  [row rule unknown_doc_id_family, never blocks]" in lines
    assert "  duplicate    doc_id is unique" in lines
