"""``lakehouse ingest members``: Members of Congress and their terms (congress-legislators, CC0)."""

from __future__ import annotations

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.command("members")
@click.option("--source", default=None,
              help="A congress-legislators YAML file, legislators_terms.csv, a directory holding them, or a "
              "base URL [default: the project's published legislators-current.yaml and "
              "legislators-historical.yaml].")
@pass_ctx
@handle_errors
def ingest_members_command(c: Context, source: str | None) -> None:
    """Load Members and terms into silver.members and silver.member_terms (no new snapshot when unchanged)."""
    click.echo(str(c.app.ingest_members(source)))
