"""Write-audit-publish with the real checks: bad data never reaches main, and gold stays put.

The lakehouse starts from the real 2025 index, the three real PTRs and the real Members. Writes go
through :func:`jobs.runner.run_job` / :func:`jobs.runner.write_audit_publish` with the auditor of
:func:`checks.runner.make_auditor` (audit, record in ops.check_results, alert to a webhook on
127.0.0.1), exactly as the pipeline wires them.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pyarrow as pa
import pytest
from click.testing import CliRunner

from catalog.registry import iter_specs
from catalog.store import STAGING_BRANCH
from checks.runner import make_auditor
from core.asof import AsOf
from core.errors import CheckFailedError, ExitCode
from jobs.registry import jobs_for_layer
from jobs.runner import run_job, write_audit_publish
from jobs.silver.filings import JOB as FILINGS_JOB
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import SHARED_DATA, build_clerk_mirror, mirror_server, test_settings
from tests.integration.test_checks_alerts import webhook_receiver

pytestmark = pytest.mark.slow

GOLD = [s.identifier for s in iter_specs("gold")]
NEW_PTR = "20099001"


@pytest.fixture
def gate(tmp_path, house_data):
    """(app, auditor, alerts received, mirror root, mirror URL) over the real 2025 sample."""
    root = build_clerk_mirror(tmp_path / "mirror", house_data)
    with webhook_receiver() as (hook, received), mirror_server(root) as (url, _):
        app = Lakehouse.open(
            test_settings(
                tmp_path / "lh", LAKEHOUSE_ALERT_SINKS="log,webhook", LAKEHOUSE_ALERT_WEBHOOK_URL=hook
            )
        )
        app.ingest_house([2025], source=url)
        app.init()
        from jobs.bronze.members import ingest_members

        ingest_members(app.store, app.settings, str(SHARED_DATA / "members"))
        app.transform("silver")
        app.transform("gold")
        auditor = make_auditor(app.store, app.settings, run_id="gate-test")
        yield app, auditor, received, root, url


def heads(app: Lakehouse, tables) -> dict[str, int | None]:
    return {t: app.store.current_snapshot_id(t) for t in tables}


def transform_gold(app: Lakehouse, auditor) -> list:
    return [run_job(app.store, job, run_id="gate-test", auditor=auditor) for job in jobs_for_layer("gold")]


def test_a_bad_silver_batch_is_rejected_and_a_fixed_one_published(gate):
    app, auditor, alerts, *_ = gate
    store = app.store
    before = heads(app, ["silver.filings", "silver.ptr_transactions", *GOLD])
    gold_before = {t: store.read(t).num_rows for t in GOLD}
    filings = store.read("silver.filings")
    pelosi = filings.filter(pa.compute.equal(filings["doc_id"], "20026590"))

    # Duplicate keys (systemic: the key is broken) and an impossible date (one unusual row: a warning):
    # Pelosi's PTR twice, once "filed" in 2099.
    date = pelosi.schema.get_field_index("filing_date")
    impossible = pelosi.set_column(
        date, pelosi.schema.field(date), pa.array([dt.date(2099, 1, 17)], pa.date32())
    )
    bad = pa.concat_tables([filings, impossible])
    with pytest.raises(CheckFailedError) as failed:
        write_audit_publish(
            store, "silver.filings", bad, {"lakehouse.job": "bad-batch"}, {"year": [2025]}, auditor, {}
        )
    assert failed.value.exit_code == ExitCode.CHECKS_FAILED
    message = str(failed.value)
    assert "silver.filings: the audit failed, nothing was published" in message
    assert "FAIL  doc_id is unique: value 1" in message
    assert "WARN  the filing date is plausible: value 1 (worst year 2025: 1 of 1,617 rows" in message
    assert "doc_id=20026590" in message

    # main did not move; the rejected snapshot waits on the staging branch, readable.
    assert heads(app, ["silver.filings"]) == {"silver.filings": before["silver.filings"]}
    (report,) = failed.value.reports
    staged = store.table("silver.filings").metadata.refs[STAGING_BRANCH].snapshot_id
    assert report.snapshot_id == staged != before["silver.filings"]
    rejected = app.query(
        "select count(*) as n, count(distinct doc_id) as d from silver.filings", AsOf(tag=STAGING_BRANCH)
    ).to_pylist()
    assert rejected == [{"n": 1617, "d": 1616}]
    assert app.query("select count(*) as n from silver.filings").to_pylist() == [{"n": 1616}]

    # An alert went out, and every outcome is in the history.
    (alert,) = [a["json"] for a in alerts]
    assert (alert["kind"], alert["table"], alert["snapshot_id"]) == ("audit_failed", "silver.filings", staged)
    assert {c["check"] for c in alert["checks"] if c["outcome"] == "fail"} == {"doc_id is unique"}
    history = app.query(
        "select outcome, count(*) as n from ops.check_results "
        f"where table_name = 'silver.filings' and snapshot_id = {staged} group by 1"
    ).to_pylist()
    assert {r["outcome"] for r in history} == {"pass", "fail", "warn"}

    # A broken reference: a transaction of a PTR nobody extracted.
    tx = store.read("silver.ptr_transactions")
    doc_id = tx.schema.get_field_index("doc_id")
    orphan = tx.slice(0, 1).set_column(
        doc_id, tx.schema.field(doc_id), pa.array([NEW_PTR], pa.large_string())
    )
    with pytest.raises(CheckFailedError, match="every row belongs to an extracted PTR"):
        write_audit_publish(
            store,
            "silver.ptr_transactions",
            pa.concat_tables([tx, orphan]),
            {},
            {"year": [2025]},
            auditor,
            {},
        )
    assert len(alerts) == 2

    # Gold did not see any of it.
    assert {r.status for r in transform_gold(app, auditor)} == {"up_to_date"}
    assert heads(app, [*GOLD, "silver.filings", "silver.ptr_transactions"]) == before
    assert {t: store.read(t).num_rows for t in GOLD} == gold_before

    # The fixed batch (the duplicate dropped) passes and is published; gold follows.
    fixed = filings.filter(pa.compute.not_equal(filings["doc_id"], "10072224"))  # the Clerk withdrew one
    published = write_audit_publish(
        store, "silver.filings", fixed, {"lakehouse.job": "fixed-batch"}, {"year": [2025]}, auditor, {}
    )
    assert published is not None and store.current_snapshot_id("silver.filings") == published
    results = {r.output: r.status for r in transform_gold(app, auditor)}
    assert results["gold.fact_filings"] == "committed"
    assert app.query("select count(*) as n from gold.fact_filings").to_pylist() == [{"n": 1615}]
    assert len(alerts) == 2, "no alert for passing audits"


def test_the_job_path_publishes_an_odd_record_and_holds_back_a_systemic_failure(gate):
    """Through the real silver job: one impossible date is a row issue; every date impossible is not."""
    app, auditor, alerts, root, url = gate
    xml_path = root / "public_disc/financial-pdfs/2025FD.xml"
    original = (SHARED_DATA / "house/2025FD.xml").read_text(encoding="utf-8-sig")

    def serve_index(filing_date: str, *, every_date: str | None = None) -> None:
        record = (
            "  <Member>\n    <Prefix>Hon.</Prefix>\n    <Last>Pelosi</Last>\n    <First>Nancy</First>\n"
            "    <Suffix />\n    <FilingType>P</FilingType>\n    <StateDst>CA11</StateDst>\n"
            f"    <Year>2025</Year>\n    <FilingDate>{filing_date}</FilingDate>\n"
            f"    <DocID>{NEW_PTR}</DocID>\n"
            "  </Member>\n"
        )
        xml = original.replace("</FinancialDisclosure>", record + "</FinancialDisclosure>")
        if every_date:  # a parser or the Clerk's export gone wrong: the same date on every record
            xml = re.sub(r"<FilingDate>[^<]+</FilingDate>", f"<FilingDate>{every_date}</FilingDate>", xml)
        (root / "public_disc/financial-pdfs/2025FD.zip").unlink(missing_ok=True)
        xml_path.write_text(xml, encoding="utf-8-sig")

    serve_index("2/3/2095")  # a typo the Clerk could make: 2095 for 2025
    app.ingest_house([2025], source=url, types=())
    result = run_job(app.store, FILINGS_JOB, run_id="gate-test", auditor=auditor)
    assert result.status == "committed" and not alerts, "an unusual record is published, not alerted"
    transform_gold(app, auditor)
    row = app.query(f"select filing_date, quality_issues from gold.fact_filings where doc_id = '{NEW_PTR}'")
    assert row.to_pylist() == [{"filing_date": dt.date(2095, 2, 3), "quality_issues": ["implausible_filing_date"]}]

    before = heads(app, ["silver.filings", *GOLD])
    serve_index("2/3/2095", every_date="2/3/2095")
    app.ingest_house([2025], source=url, types=())
    with pytest.raises(CheckFailedError, match="the filing date is plausible: value 1612 .*systemic"):
        run_job(app.store, FILINGS_JOB, run_id="gate-test", auditor=auditor)
    assert heads(app, ["silver.filings", *GOLD]) == before
    assert alerts[-1]["json"]["table"] == "silver.filings"

    # The rejected snapshot can be re-checked from the command line: exit code 3, failures shown.
    staged = app.store.table("silver.filings").metadata.refs[STAGING_BRANCH].snapshot_id
    on_main = {s.snapshot_id: s.on_main for s in app.store.snapshots("silver.filings")}
    assert on_main[staged] is False and on_main[app.store.current_snapshot_id("silver.filings")] is True
    cli = CliRunner().invoke(
        main,
        ["--home", str(app.settings.home), "checks", "run", "--no-alert", "--table", "silver.filings",
         "--snapshot", str(staged), "--format", "json"],
    )
    assert cli.exit_code == ExitCode.CHECKS_FAILED, cli.output
    failed = {json.loads(line)["check"] for line in cli.output.splitlines() if '"outcome": "fail"' in line}
    assert failed == {"the filing date is plausible"}

    # The Clerk fixes the index; the next run publishes, and gold picks the corrected filing up.
    serve_index("2/3/2025")
    app.ingest_house([2025], source=url, types=())
    result = run_job(app.store, FILINGS_JOB, run_id="gate-test", auditor=auditor)
    assert result.status == "committed"
    assert app.store.current_snapshot_id("silver.filings") == result.snapshot_id
    transform_gold(app, auditor)
    row = app.query(f"select filing_date, quality_issues from gold.fact_filings where doc_id = '{NEW_PTR}'")
    assert row.to_pylist() == [{"filing_date": dt.date(2025, 2, 3), "quality_issues": []}]


def test_cli_exits_1_when_a_check_cannot_be_evaluated(tmp_path, house_data):
    """A column dropped from the table: the schema check fails, checks that read it error."""
    root = build_clerk_mirror(tmp_path / "mirror", house_data, pdfs=False)
    app = Lakehouse.open(test_settings(tmp_path / "lh"))
    with mirror_server(root) as (url, _):
        app.ingest_house([2025], source=url, types=())
    run_job(app.store, FILINGS_JOB, run_id="t")
    with app.store.table("silver.filings").update_schema() as update:
        update.delete_column("doc_id_family")
    cli = CliRunner().invoke(
        main,
        [
            "--home",
            str(app.settings.home),
            "checks",
            "run",
            "--no-alert",
            "--table",
            "silver.filings",
            "--format",
            "json",
        ],
    )
    assert cli.exit_code == ExitCode.FAILED, cli.output
    outcomes = {r["check"]: r["outcome"] for r in map(json.loads, cli.output.splitlines())}
    assert outcomes["required columns have their registry types"] == "fail"
    assert outcomes["doc_id has a known shape"] == "error"
    assert outcomes["is_efiled is false exactly for paper DocIDs and unknown for unknown shapes"] == "error"
    recorded = app.query(
        "select outcome, value_text from ops.check_results where outcome = 'error'"
    ).to_pylist()
    assert recorded and all(
        "doc_id_family" in r["value_text"] for r in recorded if "Binder" in r["value_text"]
    )
