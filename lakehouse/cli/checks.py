"""``lakehouse checks run`` and ``lakehouse checks list``: the data-quality checks (checks/*.yml)."""

from __future__ import annotations

import json
import sys

import click

from core.errors import ExitCode
from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.group()
def checks() -> None:
    """Data-quality checks (SodaCL, one file per silver and gold table in checks/)."""


@checks.command("run")
@click.option("--table", "tables", multiple=True,
              help="Table to check, e.g. silver.filings; repeat for several "
                   "[default: every table with checks].")
@click.option("--snapshot", "snapshot_id", type=int, default=None,
              help="Check this snapshot (also one on the 'staging' branch) of the one --table "
                   "[default: current].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A text table, or one JSON object per check (table, snapshot_id, check, family, outcome, "
                   "value, failed_rows_sample).")
@click.option("--alert/--no-alert", default=True, show_default=True,
              help="Send an alert (LAKEHOUSE_ALERT_SINKS) for each table whose checks fail.")
@pass_ctx
@handle_errors
def checks_run(c: Context, tables: tuple[str, ...], snapshot_id: int | None, fmt: str, alert: bool) -> None:
    """Run the checks on the current (or given) snapshots and record them in ops.check_results.

    Tables without a snapshot yet are skipped. Warnings (e.g. no new data for a week) do not
    change the exit code.

    \b
    Exit codes:
      0  every check passed (or warned)
      1  a check could not be evaluated (an error: the verdict is unknown), or the command failed
      2  usage error
      3  checks failed (data-quality failures; see ops.check_results)
    """
    from checks.alerts import send_alert
    from checks.runner import audit_current, check_definitions, record_results

    if snapshot_id is not None and len(tables) != 1:
        raise click.UsageError("--snapshot needs exactly one --table (a snapshot id belongs to one table).")
    # No `init` here: checking must not evolve table schemas (ops.check_results is created on demand).
    store = c.app.store
    outcomes: set[str] = set()
    rows = []
    for report in audit_current(store, tables or None, snapshot_id=snapshot_id):
        record_results(store, report)
        if alert and not report.passed:
            send_alert(c.settings, report)
        families = {d.name: d.family for d in check_definitions(report.table)}
        for r in report.results:
            outcomes.add(r.outcome)
            row = dict(table=r.table, snapshot_id=r.snapshot_id, check=r.check, family=families.get(r.check),
                       outcome=r.outcome, value=r.value, failed_rows_sample=r.failed_rows_sample)
            if fmt == "json":
                click.echo(json.dumps(row, default=str, ensure_ascii=False))
            else:
                rows.append(row)
        if fmt == "table" and not report.passed:
            click.echo(report.summary(), err=True)
    if fmt == "table":
        _print_table(rows)
    code = ExitCode.OK
    if "error" in outcomes:  # the verdict is unknown: fix the check or the setup first
        code = ExitCode.FAILED
    elif "fail" in outcomes:
        code = ExitCode.CHECKS_FAILED
    sys.exit(int(code))


def _print_table(rows: list[dict]) -> None:
    import pyarrow as pa

    from lakehouse.output import render_text

    if not rows:
        click.echo("no table with checks has data yet")
        return
    table = pa.Table.from_pylist([
        dict(table=r["table"], check=r["check"], outcome=r["outcome"],
             value="" if r["value"] is None else str(r["value"]),
             sample=json.dumps(r["failed_rows_sample"][0], default=str) if r["failed_rows_sample"] else "")
        for r in rows
    ])
    click.echo(render_text(table, max_rows=100_000, max_width=70))
    counts = {o: sum(r["outcome"] == o for r in rows) for o in ("pass", "warn", "fail", "error")}
    click.echo(", ".join(f"{n} {o}" for o, n in counts.items()))


@checks.command("list")
@click.option("--table", "tables", multiple=True, help="Only this table; repeat for several.")
@click.option("--definitions", is_flag=True, help="Print each check's SodaCL too.")
@handle_errors
def checks_list(tables: tuple[str, ...], definitions: bool) -> None:
    """List the checks of each table: family, name, row rules' codes (and the SodaCL with --definitions)."""
    from checks.runner import audited_tables, check_definitions

    for table in tables or audited_tables():
        defs = check_definitions(table)
        click.echo(f"{table}: {len(defs)} checks")
        from catalog.registry import table_spec

        parts = table_spec(table).partition_by
        scope = f"a {parts[0]}" if parts else "the table"
        for d in defs:
            rule = f"  [row rule {d.row_issue}, blocks above {d.max_share:.0%} of {scope}]" if d.row_issue else ""
            if d.row_issue and d.max_share >= 1:
                rule = f"  [row rule {d.row_issue}, never blocks]"
            click.echo(f"  {d.family:<12} {d.name}{rule}")
            if definitions:
                click.echo("\n".join("      " + line for line in d.definition.splitlines()))
