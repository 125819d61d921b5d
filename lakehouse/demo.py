"""``make demo``: the whole spine, offline, on synthetic filings in the Clerk's and eFD's real formats.

It builds a local House Clerk mirror of fictional filers (DocIDs in a reserved range) and a Senate eFD
mirror of fictional Senators (report ids in a reserved range; one amendment, one paper report), serves
both over HTTP on 127.0.0.1, ingests them, builds silver and gold for both chambers, answers a few
questions, then lets the "Clerk" update its index and shows the earlier state again by time travel and
over Arrow Flight.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from core.asof import AsOf
from core.settings import load_settings
from lakehouse.app import Lakehouse
from lakehouse.mirror import serve_directory
from lakehouse.output import render_text

Echo = Callable[[str], None]

TRADES = (
    "Extracted trades, back to the source PDF",
    "select filer_name, party, ticker, transaction_type, transaction_date, amount_range, is_late, doc_id "
    "from gold.fact_transactions order by transaction_date desc, doc_id, line_no limit 8",
)
TRENDING = (
    "Trending stocks: most traded, by disclosure date, 30-day window, as of the latest disclosure",
    "select rank, ticker, asset_name, trades, members, buying_members, selling_members, net_volume "
    "from gold.agg_trending_stocks where basis = 'disclosure' and window_days = 30 and chamber = 'both' "
    "and as_of_date = (select max(as_of_date) from gold.agg_trending_stocks where basis = 'disclosure' "
    "and chamber = 'both') order by rank limit 5",
)
TOP_TRADERS = (
    "Top traders (all time): estimated volume, late disclosures",
    "select full_name, party, state, trades, est_volume, buys, sells, late_count, median_days_to_disclose "
    "from gold.agg_member_stats where period = 'all' order by est_volume desc, full_name limit 5",
)

QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Filings per type",
     "select filing_type, filing_type_name, count(*) as filings, count_if(is_efiled)::bigint as efiled "
     "from gold.fact_filings group by all order by filings desc"),
    ("Most active PTR filers (periodic transaction reports)",
     "select filer_name, state_district, count(*) as ptrs, count_if(document_in_bronze)::bigint as pdfs_held "
     "from gold.fact_filings where filing_type = 'P' group by all order by ptrs desc, filer_name limit 5"),
    ("Latest filings, back to the source PDF",
     "select filing_date, doc_id, filing_type, filer_name, pdf_url from gold.fact_filings "
     "where filing_date is not null order by filing_date desc, doc_id limit 5"),
)


CHAMBERS_SQL = (
    "select c.chamber, c.filings, c.paper, coalesce(t.transactions, 0) as transactions from "
    "(select chamber, count(*) as filings, count_if(not is_efiled)::bigint as paper from gold.fact_filings "
    "group by chamber) c left join (select chamber, count(*) as transactions from gold.fact_transactions "
    "group by chamber) t using (chamber) order by c.chamber"
)
SENATE_REPORTS = (
    "Senate reports, back to the eFD page (an amendment restates its original; a paper report waits for review)",
    "select f.filing_date, f.filer_name, f.bioguide_id, f.party, f.is_efiled, count(t.doc_id) as trades_in_gold, "
    "f.doc_id from gold.fact_filings f left join gold.fact_transactions t on t.doc_id = f.doc_id "
    "where f.chamber = 'senate' group by all order by f.filing_date, f.doc_id",
)


def run_demo(workdir: Path, echo: Echo, *, n_filings: int = 150) -> None:
    """Run the demo in ``workdir`` (recreated), writing a narrated transcript through ``echo``."""
    from synthetic import build_mirror
    from synthetic.senate import build_senate_mirror

    started = time.perf_counter()
    if workdir.exists():
        shutil.rmtree(workdir)
    mirror, efd, home = workdir / "clerk-mirror", workdir / "efd-mirror", workdir / "lakehouse"
    echo("This demo uses SYNTHETIC filings of fictional filers; no real House or Senate record is involved.\n")

    _step(echo, "1. Build a local House Clerk mirror (index zip with XML + TXT, PTR PDFs in the real layout)")
    manifest = build_mirror(mirror, year=2025, n_filings=n_filings, version=1)
    ptrs = sum(f.filing_type == "P" for f in manifest.filings)
    echo(f"   {len(manifest.filings)} index records, {ptrs} PTRs, {len(manifest.pdf_paths)} PDFs under {mirror}")
    senate = build_senate_mirror(efd, year=2025)
    echo(f"   and a Senate eFD mirror (search answers, report pages, scanned GIFs in the site's layout): "
         f"{len(senate.reports)} PTRs of {len(senate.senators)} fictional Senators, {len(senate.efiled)} e-filed "
         f"(one an amendment), {len(senate.paper)} on paper ({senate.paper_page_count} page images) under {efd}")

    members_file = write_members_yaml(manifest, mirror / "members" / "legislators-current.yaml", senate)
    echo(f"   and {members_file.name} (congress-legislators format) for the fictional Members and Senators")

    settings = load_settings({"LAKEHOUSE_HOME": str(home), "LAKEHOUSE_HTTP_RATE": "200",
                              "LAKEHOUSE_HTTP_BACKOFF": "0.05"})
    app = Lakehouse.open(settings)
    _members(app, members_file, echo)
    with serve_directory(mirror) as url, serve_directory(efd) as efd_url:
        _step(echo, f"2. lakehouse ingest house --year 2025 --source {url} --types P")
        _ingest(app, url, echo)
        _step(echo, f"   lakehouse ingest senate --since {senate.start} --until {senate.end} --source {efd_url}")
        echo(f"   {app.ingest_senate(senate.start, senate.end, source=efd_url)}")
        _step(echo, "3. lakehouse transform silver && lakehouse transform gold  (write, audit, publish)")
        _gate_summary(app, _transform(app, echo), echo)
        _chambers(app, echo)
        for title, sql in (*QUESTIONS, SENATE_REPORTS, TRADES, TRENDING, TOP_TRADERS):
            _step(echo, f"4. {title}:  lakehouse query \"{sql[:60]}…\"")
            echo(render_text(app.query(sql), max_width=60))
        first_gold = app.store.current_snapshot_id("gold.fact_filings")
        first_trending = app.store.current_snapshot_id("gold.agg_trending_stocks")
        count_sql = "select count(*) as filings, count_if(filing_type = 'P')::bigint as ptrs from gold.fact_filings"
        before = app.query(count_sql).to_pylist()[0]

        _step(echo, "5. The Clerk updates its index (new filings); ingest and transform again")
        build_mirror(mirror, year=2025, n_filings=n_filings, version=2)
        _ingest(app, url, echo)
        _transform(app, echo)
        _step(echo, "   Re-running right away changes nothing (no new snapshot):")
        _ingest(app, url, echo)
        _transform(app, echo)
        _bad_batch(app, manifest.index_zip, url, echo)

    _step(echo, f"6. Time travel:  lakehouse query --snapshot {first_gold} \"{count_sql}\"")
    now = app.query(count_sql).to_pylist()[0]
    then = app.query(count_sql, AsOf(snapshot_id=first_gold)).to_pylist()[0]
    echo(f"   now: {now}\n   at snapshot {first_gold}: {then}  (same as before the update: {then == before})")
    _step(echo, f"   The trending answer as it was then:  lakehouse query --snapshot {first_trending} …")
    echo(render_text(app.query(TRENDING[1], AsOf(snapshot_id=first_trending)), max_width=60))
    _step(echo, "   lakehouse snapshots gold.fact_filings")
    for s in app.snapshots("gold.fact_filings"):
        sources = ", ".join(f"{t}@{sid}" for t, sid in s.watermarks.items())
        echo(f"   {s.snapshot_id}  {s.committed_at:%H:%M:%S}  {s.operation:<9} total {s.total_records:>4}  from {sources}")

    _step(echo, "   Both chambers at the end:")
    _chambers(app, echo)

    _step(echo, "7. Arrow Flight:  lakehouse serve  (a pyarrow client reads gold.fact_filings, now and in the past)")
    _flight(app, first_gold, echo)
    echo(f"\nDemo finished in {time.perf_counter() - started:.1f} s. Explore it yourself:\n"
         f"   .venv/bin/lakehouse --home {home} tables\n"
         f"   .venv/bin/lakehouse --home {home} query \"select * from gold.fact_filings limit 5\"")


def _chambers(app: Lakehouse, echo: Echo) -> None:
    """One line per chamber: filings (of them on paper) and transactions in gold."""
    for r in app.query(CHAMBERS_SQL).to_pylist():
        echo(f"   gold {r['chamber']}: {r['filings']} filings ({r['paper']} on paper), "
             f"{r['transactions']} transactions")


def write_members_yaml(manifest, path: Path, senate=None) -> Path:
    """The fictional Members (the 'Hon.' PTR filers), and the fictional Senators of ``senate`` (a
    :class:`synthetic.senate.SenateManifest`), in the congress-legislators YAML layout."""
    import yaml

    from synthetic.senate import senate_members

    seen: dict[tuple[str, str, str], dict] = {}
    for f in manifest.filings:
        if f.filing_type != "P" or f.prefix != "Hon." or not f.state_dst:
            continue
        key = (f.last, f.first, f.state_dst)
        if key in seen:
            continue
        n = len(seen) + 1
        district = int(f.state_dst[2:])
        seen[key] = {
            "id": {"bioguide": f"Z{990000 + n:06d}"},
            "name": {"first": f.first.split()[0].strip('"'), "last": f.last, "official_full": f"{f.first} {f.last}"},
            "bio": {"birthday": "1970-01-01", "gender": "F" if n % 2 else "M"},
            "terms": [{"type": "rep", "start": "2023-01-03", "end": "2027-01-03", "state": f.state_dst[:2],
                       "district": district, "party": ("Democrat", "Republican", "Independent")[n % 3]}],
        }
    entries = list(seen.values()) + (senate_members(senate) if senate is not None else [])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# SYNTHETIC TEST DATA - fictional Members, not real people\n"
                    + yaml.safe_dump(entries, sort_keys=False))
    return path


def _members(app: Lakehouse, path: Path, echo: Echo) -> None:
    _step(echo, f"   lakehouse ingest members --source {path}")
    report = app.ingest_members(str(path))
    echo(f"   {report}")


def _step(echo: Echo, text: str) -> None:
    echo(f"\n== {text}")


def _ingest(app: Lakehouse, url: str, echo: Echo) -> None:
    report = app.ingest_house([2025], source=url, types=("P",))
    for y in report.years:
        echo(f"   {y.year}: index {y.index_status} ({y.records} records); PDFs fetched {y.documents_fetched}, "
             f"already held {y.documents_already_held}, quarantined {y.documents_failed}")
    if report.quarantined:
        echo(f"   {report.quarantined} problem(s) recorded in ops.quarantine, e.g.:")
        rows = app.query("select reason_code, doc_id, reason from ops.quarantine "
                         f"where run_id = '{report.run_id}' order by reason_code, doc_id limit 3")
        echo(render_text(rows, max_width=90))


def _transform(app: Lakehouse, echo: Echo) -> str:
    import uuid

    run_id = uuid.uuid4().hex[:12]
    for result in app.transform("silver", run_id=run_id) + app.transform("gold", run_id=run_id):
        extra = f", wrote {result.rows_out} rows, snapshot {result.snapshot_id}" if result.status == "committed" else ""
        echo(f"   {result.output}: {result.status}{extra}")
    return run_id


def _gate_summary(app: Lakehouse, run_id: str, echo: Echo) -> None:
    """How many SodaCL checks ran before anything reached main (from ops.check_results)."""
    row = app.query(
        "select count(distinct table_name) as tables, count(*) as checks, count_if(outcome = 'pass')::bigint as passed, "
        f"count_if(outcome = 'warn')::bigint as warned from ops.check_results where run_id = '{run_id}'"
    ).to_pylist()[0]
    echo(f"   Quality gate of run {run_id}: {row['passed'] + row['warned']} of {row['checks']} checks passed "
         f"({row['warned']} with warnings: unusual rows, published with their quality_issues) on {row['tables']} "
         "tables before each was published (history: ops.check_results; re-run: lakehouse checks run)")


BAD_DOC_ID = "19999999"  # top of the synthetic FD range: never a real DocID


def _bad_batch(app: Lakehouse, index_zip: Path, url: str, echo: Echo) -> None:
    """An odd record is published with its issue; a truncated index is held back; the whole one publishes."""
    from core.errors import CheckFailedError

    original = index_zip.read_bytes()
    _step(echo, "   The Clerk's next index has a typo: a filing dated 2/3/2095. Ingest and transform again:")
    _write_index_with_extra_record(index_zip, original, "2/3/2095")
    app.ingest_house([2025], source=url, types=("P",))
    _transform(app, echo)
    echo("   A real record is never held back for being unusual: it is published with its issue.")
    row = app.query("select doc_id, filing_date, filer_name, quality_issues from gold.fact_filings "
                    f"where doc_id = '{BAD_DOC_ID}'")
    echo(render_text(row, max_width=60))

    _step(echo, "   Then a download breaks off: the index holds a tenth of its records. Ingest and transform:")
    _write_index_with_extra_record(index_zip, original, "2/3/2095", keep_share=0.1)
    app.ingest_house([2025], source=url, types=("P",))
    before = app.store.current_snapshot_id("silver.filings")
    try:
        app.transform("silver")
    except CheckFailedError as exc:
        failing = [line.strip() for line in str(exc).splitlines() if line.strip().startswith("FAIL")]
        echo(f"   REJECTED (exit code {int(exc.exit_code)}): {str(exc).splitlines()[0]}")
        echo("   " + "\n   ".join(failing))
    else:  # pragma: no cover - the gate is broken if this happens
        raise AssertionError("the truncated index was published")
    unchanged = app.store.current_snapshot_id("silver.filings") == before
    echo(f"   main is untouched (silver.filings still at snapshot {before}: {unchanged}); "
         "the rejected rows wait on branch 'staging'; an alert went to the configured sinks; "
         "--accept-anomaly would publish it if the Clerk really had shrunk the year")
    _step(echo, "   The next download is whole again, the date corrected to 2/3/2025; the next run publishes it:")
    _write_index_with_extra_record(index_zip, original, "2/3/2025")
    app.ingest_house([2025], source=url, types=("P",))
    _transform(app, echo)
    row = app.query("select doc_id, filing_date, filer_name, quality_issues from gold.fact_filings "
                    f"where doc_id = '{BAD_DOC_ID}'")
    echo(render_text(row, max_width=60))


def _write_index_with_extra_record(index_zip: Path, original: bytes, filing_date: str,
                                   keep_share: float = 1.0) -> None:
    """The index plus one fictional record; ``keep_share`` < 1 keeps only that share of the records."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(original)) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".xml"))
        xml = zf.read(name).decode("utf-8-sig")
    if keep_share < 1:
        head, *members = xml.split("<Member>")
        kept = members[: max(1, int(len(members) * keep_share))]
        kept[-1] = kept[-1][: kept[-1].index("</Member>") + len("</Member>")] + "\n</FinancialDisclosure>\n"
        xml = "<Member>".join([head, *kept])
    record = ("  <Member>\n    <Prefix>Hon.</Prefix>\n    <Last>Exampleton</Last>\n    <First>Fictional</First>\n"
              "    <Suffix />\n    <FilingType>C</FilingType>\n    <StateDst>CA12</StateDst>\n    <Year>2025</Year>\n"
              f"    <FilingDate>{filing_date}</FilingDate>\n    <DocID>{BAD_DOC_ID}</DocID>\n  </Member>\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, xml.replace("</FinancialDisclosure>", record + "</FinancialDisclosure>"))
    index_zip.write_bytes(buffer.getvalue())


def _flight(app: Lakehouse, snapshot_id: int, echo: Echo) -> None:
    from flight_server.client import fetch_table
    from flight_server.server import GoldFlightServer

    server = GoldFlightServer(app.store, "grpc://127.0.0.1:0", settings=app.settings)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        location = f"grpc://127.0.0.1:{server.port}"
        current = fetch_table(location, "gold.fact_filings")
        past = fetch_table(location, "gold.fact_filings", snapshot_id=snapshot_id)
        echo(f"   {location}: gold.fact_filings has {current.num_rows} rows now, {past.num_rows} at snapshot {snapshot_id}")
        _step(echo, "8. Flight SQL through ADBC (what DBeaver, R's adbcflightsql and Python notebooks use), "
                    "parameters bound, never formatted into the SQL:")
        from lakehouse.adbc_example import connect

        sql = ("select ticker, count(*) as trades, count(distinct bioguide_id) as members from gold.fact_transactions "
               "where transaction_type = ? and ticker is not null group by ticker order by trades desc, ticker limit 5")
        echo(f"   cursor.execute({sql!r}, ('purchase',))")
        with connect(location) as conn, conn.cursor() as cursor:
            cursor.execute(sql, ("purchase",))
            echo(render_text(cursor.fetch_arrow_table(), max_width=60))
    finally:
        server.shutdown()
        thread.join()
