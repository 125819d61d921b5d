"""``lakehouse sources``: the data sources, what each writes and how much it holds."""

from __future__ import annotations

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.command("sources")
@pass_ctx
@handle_errors
def sources(c: Context) -> None:
    """List the data sources: where each is read from, the tables it writes (with rows now) and the
    job that reads its documents."""
    from jobs.registry import sources as declared

    store = c.app.store
    for spec in declared():
        chamber = f" [{spec.chamber}]" if spec.chamber else ""
        click.echo(f"{spec.name}{chamber}: {spec.title}")
        click.echo(f"  from {spec.base_url} (or --source DIR_OR_URL: `lakehouse ingest {spec.name} --help`)")
        for table in spec.writes:
            rows = store.row_count(table) if store.catalog.table_exists(table) else None
            held = "not created yet: run `lakehouse init`" if rows is None else f"{rows:,} rows"
            click.echo(f"  writes {table} ({held})")
        if spec.extraction:
            click.echo(f"  documents in {spec.documents}, read by {spec.extraction}")
