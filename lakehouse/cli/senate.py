"""``lakehouse ingest senate``: Senate eFD periodic transaction reports into bronze."""

from __future__ import annotations

import click

from lakehouse.cli.support import Context, Progress, handle_errors, pass_ctx


@click.command("senate")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="First date received (YYYY-MM-DD) [default: 30 days before --until; eFD starts in 2012].")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Last date received (YYYY-MM-DD) [default: today].")
@click.option("--source", default=None,
              help="A saved eFD mirror (directory or URL; layout in docs/senate-efd.md) instead of the live site.")
@pass_ctx
@handle_errors
def ingest_senate_command(c: Context, since, until, source: str | None) -> None:
    """Fetch the Senate's periodic transaction reports received in a date range (e-filed pages and paper
    scans) into bronze.senate_reports and bronze.senate_paper_pages; reports already held are skipped.

    The live site asks every client to accept its terms and refuses plain HTTP clients at times; the
    client then drives Debian's headless chromium. Be polite: LAKEHOUSE_HTTP_RATE=0.5 (a request every 2 s).
    """
    with Progress("ingest senate") as progress:
        report = c.app.ingest_senate(since.date() if since else None, until.date() if until else None,
                                     source=source, progress=progress)
        progress.end_step()
    click.echo(str(report))
    if report.quarantined:
        click.secho(f"{report.quarantined} report(s) could not be fetched, recorded in ops.quarantine; they are "
                    "tried again next run", fg="yellow", err=True)
