"""The ``lakehouse`` group and its core commands: init, ingest house, transform, query, snapshots,
lineage, tables, catalog-config, demo."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from core.errors import ExitCode, LakehouseError
from lakehouse.cli.support import (
    Context,
    JsonLogFormatter,
    Progress,
    as_of_options,
    chosen_years,
    handle_errors,
    pass_ctx,
    show_progress_logs,
    version_of,
    year_options,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", envvar="LAKEHOUSE_HOME", type=click.Path(file_okay=False), default=None,
              help="Directory of the embedded catalog and warehouse [env LAKEHOUSE_HOME; default ./.lakehouse].")
@click.option("--log-level", envvar="LAKEHOUSE_LOG_LEVEL", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Operator logs on stderr as text or one JSON object per line.")
@click.option("--debug", is_flag=True, help="Show full tracebacks.")
@click.version_option(package_name="congress-lakehouse")
@click.pass_context
def main(ctx: click.Context, home: str | None, log_level: str, log_format: str, debug: bool) -> None:
    """An Iceberg lakehouse of US House financial disclosures (STOCK Act trades).

    Data use: 5 U.S.C. §13107 forbids commercial use of these reports (news media excepted).
    """
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLogFormatter() if log_format == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=log_level.upper(), handlers=[handler], force=True)
    show_progress_logs(log_level)
    try:
        ctx.obj = Context(home, debug)
    except LakehouseError as exc:
        click.secho(f"Error: {exc}", fg="red", err=True)
        ctx.exit(int(exc.exit_code))


@main.command()
@pass_ctx
@handle_errors
def init(c: Context) -> None:
    """Create the namespaces and tables, or add new registry columns to existing tables."""
    actions = c.app.init()
    click.echo("\n".join(actions) if actions else "all tables up to date")


@main.group()
def ingest() -> None:
    """Load source data into bronze."""


@ingest.command("house")
@year_options("required, unless --years")
@click.option("--source", default=None, help="Base URL or local directory with the Clerk's layout "
              "[env LAKEHOUSE_SOURCE; default the Clerk's site].")
@click.option("--types", default="P", show_default=True, help="Filing types whose PDFs to fetch, comma-separated.")
@click.option("--retry-missing", is_flag=True,
              help="Ask now for every PDF the source did not have, ignoring its back-off (1 h, 6 h, 1 d, 3 d, "
                   "then every 7 d; see ops.document_retries).")
@pass_ctx
@handle_errors
def ingest_house(c: Context, years: tuple[int, ...], year_ranges: tuple[str, ...], source: str | None,
                 types: str, retry_missing: bool) -> None:
    """Fetch the House index of each year and the PDFs of the chosen filing types.

    One line per year as it finishes, with progress (counts and ETA) on a terminal. Re-running is
    cheap and resumes an interrupted run: an unchanged index is skipped by its content hash, PDFs
    already in bronze are not fetched again, and PDFs the source did not have are asked for again
    only once their back-off has run out (or with --retry-missing).
    """
    import uuid

    failed, quarantined, run_id = False, 0, uuid.uuid4().hex[:12]  # one run id for every year of the command
    chosen = chosen_years(years, year_ranges, default_current=False)
    with Progress("ingest house") as progress:
        for i, year in enumerate(chosen, start=1):
            report = c.app.ingest_house([year], types=types.split(","), source=source, progress=progress,
                                        run_id=run_id, retry_missing=retry_missing)
            progress.end_step()
            for y in report.years:
                click.echo(y.summary())
                if y.error:
                    click.secho(f"  {y.error}", fg="yellow", err=True)
            failed |= not report.ok
            quarantined += report.quarantined
            if len(chosen) > 1:
                progress(i, len(chosen), "years")
    if quarantined:
        click.secho(f"{quarantined} input(s) could not be used, recorded in ops.quarantine (run id {run_id}); see: "
                    f"lakehouse query \"select * from ops.quarantine where run_id = '{run_id}'\"", fg="yellow", err=True)
    if failed:
        sys.exit(int(ExitCode.PARTIAL))


@main.command()
@click.argument("layer", type=click.Choice(["silver", "gold"]))
@click.option("--full-refresh", is_flag=True, help="Recompute from every input row, ignoring watermarks.")
@click.option("--reextract", is_flag=True,
              help="Silver: also re-extract PTRs last extracted by an older extractor version.")
@click.option("--accept-anomaly", is_flag=True,
              help="Publish a batch held back only by volume checks (e.g. a year's index shrank), "
                   "after checking the source really changed.")
@pass_ctx
@handle_errors
def transform(c: Context, layer: str, full_refresh: bool, reextract: bool, accept_anomaly: bool) -> None:
    """Run the LAYER jobs incrementally (only inputs changed since their last run).

    Before anything was ingested (or, for gold, transformed to silver) it says what to run first
    and exits 0 without running a job: nothing is wrong, there is just nothing to do yet.
    """
    from jobs.runner import nothing_to_transform

    c.app.init()
    if (why := nothing_to_transform(c.app.store, layer)) is not None:
        click.echo(why)
        return
    with Progress("extracting PDFs") as progress:
        results = c.app.transform(layer, full_refresh=full_refresh, reextract=reextract, progress=progress,
                                  accept_anomaly=accept_anomaly)
    for r in results:
        detail = ", ".join(f"{t}: {n} rows" for t, n in r.rows_in.items())
        click.echo(f"{r.output}: {r.status}" + (f" ({detail}; wrote {r.rows_out} rows, snapshot {r.snapshot_id})"
                                               if r.status == "committed" else ""))


@main.command()
@click.argument("sql")
@as_of_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "parquet"]), default="table",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output (needed for parquet on a terminal).")
@click.option("--remote", default=None, metavar="URL",
              help="Run on a lakehouse Flight server (grpc://host:port or grpc+tls://…; gold tables only) "
                   "[token: env LAKEHOUSE_FLIGHT_TOKEN; self-signed TLS: env LAKEHOUSE_FLIGHT_TLS_CERT].")
@pass_ctx
@handle_errors
def query(c: Context, sql: str, snapshot_id, as_of, tag, fmt: str, output: str | None, remote: str | None) -> None:
    """Run SQL over bronze.*, silver.*, gold.* and ops.* tables, optionally in the past.

    The Flight server's dialect: unqualified names read gold (fact_filings is gold.fact_filings), and
    any table may travel in time with AT (VERSION => snapshot id | TAG => 'tag' | TIMESTAMP => 'UTC time').
    """
    from lakehouse.output import write

    version = version_of(snapshot_id, as_of, tag)
    if remote:
        from flight_server.errors import AuthenticationError
        from lakehouse.client import connect

        try:
            with connect(remote, token=c.settings.flight_token, tls_root_certs=c.settings.flight_tls_cert) as client:
                result = client.sql(sql, snapshot_id=version.snapshot_id, as_of=version.timestamp, tag=version.tag)
        except AuthenticationError as exc:
            fix = ("set LAKEHOUSE_FLIGHT_TOKEN to the server's token" if not c.settings.flight_token else
                   "LAKEHOUSE_FLIGHT_TOKEN does not hold the server's token: set it to the one the server was "
                   "started with")
            raise AuthenticationError(f"{exc} From the command line: {fix}.") from None
    else:
        from catalog.query import run_query

        # The catalog opens only if the query names a table: `select 1` never imports pyiceberg.
        result = run_query(lambda: c.app.store, sql, version)
    if output:
        with open(output, "wb") as fh:
            write(result, fmt, fh)
        click.echo(f"wrote {result.num_rows} rows to {output}", err=True)
        return
    if fmt == "parquet" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give --output FILE or redirect standard output.")
    sys.stdout.flush()
    write(result, fmt, sys.stdout.buffer)
    sys.stdout.buffer.flush()


@main.command()
@click.argument("table")
@pass_ctx
@handle_errors
def snapshots(c: Context, table: str) -> None:
    """List the snapshots of TABLE: id, time, operation, rows added, source watermarks, refs.

    on_main says whether the snapshot is part of main's history; a write rejected by its audit stays
    readable by id (or --tag staging while it is the branch head) but is marked 'no'.
    """
    import pyarrow as pa

    from lakehouse.output import render_text

    rows = [
        dict(snapshot_id=s.snapshot_id, committed_at=s.committed_at.isoformat(timespec="seconds"),
             operation=s.operation, added_rows=s.added_records, total_rows=s.total_records,
             sources=", ".join(f"{t}@{sid}" for t, sid in s.watermarks.items()), refs=", ".join(s.refs),
             on_main="yes" if s.on_main else "no (staged, never published)")
        for s in c.app.snapshots(table)
    ]
    click.echo(render_text(pa.Table.from_pylist(rows), max_rows=10_000, max_width=80) if rows
               else f"{table} has no snapshots yet")


@main.command()
@click.argument("table")
@click.option("--snapshot", "snapshot_id", type=int, default=None, help="Snapshot to explain [default: current].")
@pass_ctx
@handle_errors
def lineage(c: Context, table: str, snapshot_id: int | None) -> None:
    """Print the source snapshots a snapshot of TABLE was built from, recursively."""

    def show(node: dict, indent: int) -> None:
        job = f"  by {node['job']}" if node["job"] else ""
        when = f" at {node['committed_at']}" if node["committed_at"] else ""
        click.echo(f"{'  ' * indent}{node['table']}@{node['snapshot_id']}{when}{job}")
        for source in node["sources"]:
            show(source, indent + 1)

    show(c.app.lineage(table, snapshot_id), 0)


@main.command()
@click.option("--describe", is_flag=True,
              help="Describe every table instead (Markdown): its columns, current metadata file and snapshot, "
                   "and how DuckDB reads it.")
@pass_ctx
@handle_errors
def tables(c: Context, describe: bool) -> None:
    """List tables with their row counts, or describe every table (columns, metadata file, DuckDB recipe)."""
    if describe:
        from catalog.registry import TABLES, data_dictionary

        existing = set(c.app.store.list_tables())
        registered = [s.identifier for s in TABLES]
        for name in registered + sorted(existing - set(registered)):
            spec = [s for s in TABLES if s.identifier == name]
            click.echo(data_dictionary(tuple(spec)) if spec else f"### `{name}`\n")
            if name not in existing:
                click.echo("- not created yet: run `lakehouse init`\n")
                continue
            where = c.app.store.location(name)
            click.echo(f"- current metadata: `{where.metadata_location}`\n- snapshot: {where.snapshot_id or 'none yet'}"
                       f" (main)\n- DuckDB: `{where.duckdb_sql}`\n")
        return
    for t in c.app.tables():
        click.echo(f"{t.identifier:<28} {t.rows:>9} rows  {t.snapshots:>4} snapshots  current {t.snapshot_id}")


@main.command("catalog-config")
@pass_ctx
@handle_errors
def catalog_config(c: Context) -> None:
    """Print a .pyiceberg.yaml that points pyiceberg's CLI (or any engine) at this catalog."""
    from catalog.connect import describe_pyiceberg_config

    click.echo(describe_pyiceberg_config(c.settings))


@main.command()
@click.option("--workdir", type=click.Path(file_okay=False), default=None,
              help="Where to build the demo lakehouse and mirror [default: <home>/demo, recreated].")
@pass_ctx
@handle_errors
def demo(c: Context, workdir: str | None) -> None:
    """Offline end-to-end demo on synthetic filings (fictional filers) served on 127.0.0.1."""
    from lakehouse.demo import run_demo

    run_demo(Path(workdir) if workdir else c.settings.home / "demo", echo=click.echo)
