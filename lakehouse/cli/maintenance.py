"""``lakehouse release tag`` and ``lakehouse maintain expire|orphans|compact``: thin commands over
:mod:`catalog.maintenance`."""

from __future__ import annotations

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.group()
def release() -> None:
    """Citable releases: every gold table tagged at one point in time."""


@release.command("tag")
@click.argument("name")
@click.option("--force", is_flag=True, help="Move an existing tag of this name to the current snapshots.")
@pass_ctx
@handle_errors
def release_tag(c: Context, name: str, force: bool) -> None:
    """Tag every gold table at its current snapshot as release NAME.

    Then `lakehouse query --tag NAME "select ..."` reads exactly that data, and snapshot expiry
    keeps it. Without --force an existing NAME is never moved.
    """
    from catalog.maintenance import tag_release

    for r in tag_release(c.app.store, name, force=force):
        click.echo(
            f"{r.table:<28} {r.action:<9} {r.snapshot_id if r.snapshot_id is not None else '(no data)'}"
        )
    click.echo(f'Query this release with: lakehouse query --tag {name} "select ..."', err=True)


@click.group()
def maintain() -> None:
    """Keep tables lean: expire old snapshots, delete orphan files, compact small files."""


def _tables_option(fn):
    return click.option(
        "--table",
        "tables",
        multiple=True,
        metavar="TABLE",
        help="Only this table (repeat for several) [default: every table].",
    )(fn)


@maintain.command("expire")
@click.option(
    "--older-than",
    default="7d",
    show_default=True,
    metavar="DURATION|TIME",
    help="Expire snapshots committed before this: a duration ago (30m, 12h, 7d, 2w) or an ISO 8601 time.",
)
@click.option(
    "--retain-last",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Always keep this many of the most recent snapshots of every branch.",
)
@_tables_option
@click.option("--dry-run", is_flag=True, help="Show what would be expired; change nothing.")
@pass_ctx
@handle_errors
def maintain_expire(
    c: Context, older_than: str, retain_last: int, tables: tuple[str, ...], dry_run: bool
) -> None:
    """Remove old snapshots from table metadata (time travel before them ends).

    Tags, branch heads and the snapshots incremental jobs resume from are always kept. Data files
    are not deleted here: run `lakehouse maintain orphans` afterwards.
    """
    from catalog.maintenance import expire_snapshots, parse_cutoff

    results = expire_snapshots(
        c.app.store,
        older_than=parse_cutoff(older_than),
        retain_last=retain_last,
        tables=tables or None,
        dry_run=dry_run,
    )
    verb = "would expire" if dry_run else "expired"
    for r in results:
        click.echo(f"{r.table:<28} {verb} {len(r.expired):>4}  kept {r.remaining:>4} snapshots")
    click.echo(f"{sum(len(r.expired) for r in results)} snapshot(s) {verb}", err=True)


@maintain.command("orphans")
@click.option("--dry-run", is_flag=True, help="List the orphan files; delete nothing.")
@click.option(
    "--older-than",
    default="1d",
    show_default=True,
    metavar="DURATION",
    help="Only delete files at least this old, so writes in flight are safe (e.g. 1d, 6h).",
)
@_tables_option
@pass_ctx
@handle_errors
def maintain_orphans(c: Context, dry_run: bool, older_than: str, tables: tuple[str, ...]) -> None:
    """Delete files under each table's data/ and metadata/ that no live snapshot references."""
    from catalog.maintenance import parse_age, remove_orphan_files

    results = remove_orphan_files(
        c.app.store, older_than=parse_age(older_than), dry_run=dry_run, tables=tables or None
    )
    for r in results:
        for f in r.orphans:
            click.echo(f"{'orphan' if dry_run else 'deleted'}  {f.size:>10}  {f.path}")
    found = sum(len(r.orphans) for r in results)
    size = sum(r.orphan_bytes for r in results)
    recent = sum(len(r.too_recent) for r in results)
    summary = f"{found} orphan file(s), {size} bytes, {'to delete (dry run)' if dry_run else 'deleted'}"
    if recent:
        summary += f"; {recent} unreferenced file(s) younger than {older_than} kept"
    click.echo(summary, err=True)


@maintain.command("compact")
@click.argument("tables", nargs=-1, required=True, metavar="TABLE...")
@click.option(
    "--min-files",
    type=click.IntRange(min=2),
    default=2,
    show_default=True,
    help="Rewrite a partition only when it has at least this many small files.",
)
@pass_ctx
@handle_errors
def maintain_compact(c: Context, tables: tuple[str, ...], min_files: int) -> None:
    """Rewrite small data files of TABLE into fewer files per partition (one overwrite snapshot).

    Rows read back identical, and incremental jobs do not re-read them.
    """
    from catalog.maintenance import compact

    for table in tables:
        r = compact(c.app.store, table, min_files=min_files)
        if r.snapshot_id is None:
            click.echo(f"{r.table}: nothing to compact ({r.files_before} file(s))")
        else:
            click.echo(
                f"{r.table}: {r.files_before} -> {r.files_after} files ({r.partitions_rewritten} "
                f"partition(s), {r.rows_rewritten} rows rewritten) in {r.seconds:.2f}s, "
                f"snapshot {r.snapshot_id}"
            )
