"""``lakehouse pipeline run`` and ``lakehouse runs``."""

from __future__ import annotations

import sys
import time

import click

from lakehouse.cli.support import Context, Progress, chosen_years, handle_errors, pass_ctx, year_options


@click.group()
def pipeline() -> None:
    """Run the whole pipeline: ingest, silver, gold (each audited before it is published)."""


@pipeline.command("run")
@year_options("default: the current year only")
@click.option("--source", default=None, help="Clerk site, mirror URL or directory [env LAKEHOUSE_SOURCE].")
@click.option("--types", default="P", show_default=True, help="Filing types whose PDFs to fetch.")
@click.option("--members-source", default=None, help="Also (re)load Members from this URL or path.")
@click.option("--reference-source", default=None, help="Also (re)load ticker reference data from here.")
@click.option("--senate-source", default=None, metavar="DIR_OR_URL|live",
              help="Also ingest Senate eFD PTRs: a saved eFD mirror, or 'live' for efdsearch.senate.gov (slow: "
                   "a headless browser); 'off' for none [env LAKEHOUSE_SENATE_SOURCE; default: no Senate step].")
@click.option("--senate-since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="First Senate date received [default: Jan 1 of the first year; with --every, 30 days before "
                   "the latest report held].")
@click.option("--senate-until", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Last Senate date received [default: Dec 31 of the last year, or today].")
@click.option("--every", default=None, help="Keep running on this interval (e.g. 1h, 30m) until interrupted.")
@click.option("--attempts", type=int, default=4, show_default=True, help="Tries per step for transient failures.")
@click.option("--accept-anomaly", is_flag=True,
              help="Let silver and gold publish a batch held back only by volume checks (e.g. a backfill).")
@click.option("--retry-missing", is_flag=True,
              help="Ask now for every PDF the source did not have, ignoring its back-off (ops.document_retries).")
@pass_ctx
@handle_errors
def pipeline_run(c: Context, years, year_ranges, source, types, members_source, reference_source, senate_source,
                 senate_since, senate_until, every, attempts, accept_anomaly, retry_missing) -> None:
    """Ingest -> silver -> audit -> publish -> gold -> audit -> publish, with one run id.

    Without --year/--years only the current year is ingested: the daily run touches nothing older.
    Backfill with e.g. --years 2012-2026 (add --accept-anomaly if the volume checks hold the big
    batch back); it prints a line per year as its index is ingested, and progress (counts, ETA) on a
    terminal or as log lines. An interrupted run resumes by running it again: unchanged indexes and
    PDFs already held are skipped.

    The Senate is ingested only when asked (--senate-source or LAKEHOUSE_SENATE_SOURCE): the live eFD
    site refuses plain HTTP clients at times and is then read through Debian's headless chromium, slowly
    and politely. The step (ingest.senate, before the transforms) asks for the reports received in the
    years' range; a run with --every starts 30 days before the latest report already held. Reports held
    are never fetched again.

    Exit codes: 0 every step succeeded; 2 a bad option (e.g. a year before 2008); 3 a quality gate
    rejected a step's data (main unchanged); 1 a step failed otherwise (see `lakehouse runs`).
    """
    from lakehouse.pipeline import parse_every, run_pipeline

    interval = None
    if every:
        try:
            interval = parse_every(every)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--every") from None
    while True:
        chosen = chosen_years(years, year_ranges, default_current=True)  # per run: the current year moves on
        with Progress("pipeline") as progress:
            report = run_pipeline(c.app, chosen, source=source, types=types.split(","),
                                  members_source=members_source, reference_source=reference_source,
                                  attempts=attempts, echo=click.echo, progress=progress,
                                  accept_anomaly=accept_anomaly, retry_missing=retry_missing,
                                  senate_source=senate_source,
                                  senate_since=senate_since.date() if senate_since else None,
                                  senate_until=senate_until.date() if senate_until else None,
                                  senate_incremental=interval is not None)
        click.echo(f"run {report.run_id}: {'ok' if report.ok else 'FAILED'}")
        if interval is None:
            sys.exit(report.exit_code)
        click.echo(f"next run in {every}; Ctrl-C to stop", err=True)
        time.sleep(interval)


@click.command()
@click.option("--last", "last", type=int, default=5, show_default=True, help="How many runs to show.")
@pass_ctx
@handle_errors
def runs(c: Context, last: int) -> None:
    """Show the last pipeline runs, step by step, from ops.pipeline_runs."""
    from lakehouse.output import render_text

    c.app.init()
    sql = (f"with r as (select run_id, max(ended_at) as t from ops.pipeline_runs group by 1 order by t desc "
           f"limit {int(last)}) select p.run_id, p.step, p.attempt, p.status, p.started_at, "
           "date_diff('millisecond', p.started_at, p.ended_at) / 1000.0 as seconds, p.rows_in, p.rows_out, p.error "
           "from ops.pipeline_runs p join r using (run_id) order by r.t desc, p.started_at")
    table = c.app.query(sql)
    click.echo(render_text(table, max_rows=1000, max_width=60) if table.num_rows else "no pipeline runs yet")
