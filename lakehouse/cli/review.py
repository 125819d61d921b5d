"""``lakehouse review``: read the PTR rows the machine could not (paper forms) and enter them."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.group()
def review() -> None:
    """The review queue: rows of scanned paper PTRs a person must read.

    \b
      lakehouse review list
      lakehouse review show 8220731 1            # writes the row's image, prints the machine's reading
      lakehouse review enter 8220731 1 --asset-name "AT&T Inc" --ticker T --transaction-date 01/10/25 \\
          --notification-date 01/10/25 --owner SP
      lakehouse review confirm 8220731 4         # the machine's reading is right as it is
      lakehouse transform gold                   # publishes the reviewed rows
    """


@review.command("list")
@click.option("--all", "include_reviewed", is_flag=True, help="Also list rows already reviewed.")
@pass_ctx
@handle_errors
def review_list(c: Context, include_reviewed: bool) -> None:
    """List the queued rows: DocID, line, page, what is left to read, and why."""
    items = c.app.review_items(include_reviewed=include_reviewed)
    if not items:
        click.echo("The review queue is empty." if include_reviewed else "No open review items.")
        return
    for item in items:
        done = f"reviewed by {item.reviewed_by}" if item.status == "reviewed" else "open"
        click.echo(
            f"{item.doc_id}  line {item.line_no:<3} page {item.page}  {done:<22} "
            f"to read: {', '.join(item.fields_to_read) or '-'}  ({item.reason})"
        )
    click.echo(
        f"{sum(1 for i in items if i.status == 'open')} open; `lakehouse review show DOC_ID LINE` for one."
    )


@review.command("show")
@click.argument("doc_id")
@click.argument("line_no", type=int)
@click.option(
    "--image",
    "image_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the row's image [default: review-DOC_ID-LINE.png here].",
)
@pass_ctx
@handle_errors
def review_show(c: Context, doc_id: str, line_no: int, image_path: Path | None) -> None:
    """Write one queued row's image and print the machine's reading and the source PDF."""
    from jobs.silver.review import current_row, review_image

    item = next(
        (i for i in c.app.review_items(include_reviewed=True) if i.doc_id == doc_id and i.line_no == line_no),
        None,
    )
    png = review_image(c.app.store, doc_id, line_no)
    path = image_path or Path(f"review-{doc_id}-{line_no}.png")
    path.write_bytes(png)
    row = current_row(c.app.store, doc_id, line_no) or {}
    click.echo(f"{doc_id} line {line_no}: {item.status if item else 'not queued'}; image: {path}")
    if item:
        click.echo(f"  why: {item.reason}")
        click.echo(f"  to read: {', '.join(item.fields_to_read) or '-'}")
    for name in (
        "owner",
        "asset_name",
        "transaction_type",
        "transaction_date",
        "notification_date",
        "amount_range",
        "extraction_method",
        "reviewed_by",
    ):
        click.echo(f"  {name:<18} {row.get(name)}")
    year = row.get("year") or (item.year if item else "")
    click.echo(f"  PDF: https://disclosures-clerk.house.gov/public_disc/ptr-pdfs/{year}/{doc_id}.pdf")


def _reviewer(value: str | None) -> str:
    return value or os.environ.get("LAKEHOUSE_REVIEWER") or getpass.getuser()


@review.command("enter")
@click.argument("doc_id")
@click.argument("line_no", type=int)
@click.option("--owner", help="SP, JT, DC, or self (the filer).")
@click.option("--asset-name", help="The full asset name as written.")
@click.option("--ticker", help="Ticker, when the asset has one.")
@click.option("--asset-type", help="Asset-type code (ST stock, OP option …).")
@click.option("--transaction-type", help="purchase, sale, partial_sale or exchange.")
@click.option("--transaction-date", help="YYYY-MM-DD or MM/DD/YY as written.")
@click.option("--notification-date", help="YYYY-MM-DD or MM/DD/YY as written.")
@click.option("--amount", "amount_range", help="The form's column letter (A-K) or a bucket label.")
@click.option("--description", help="Option terms, share counts …")
@click.option("--comment", help="The filer's comment, if any.")
@click.option(
    "--reviewer", default=None, help="Who read the row [default: $LAKEHOUSE_REVIEWER, else the login]."
)
@pass_ctx
@handle_errors
def review_enter(c: Context, doc_id: str, line_no: int, reviewer: str | None, **fields) -> None:
    """Enter a row as read from its image; unset fields keep the machine's reading.

    A LINE_NO one past the document's last line adds a row the machine missed.
    """
    values = {k: v for k, v in fields.items() if v is not None}
    if not values:
        raise click.UsageError(
            "Give at least one field, or use `lakehouse review confirm` to accept the reading."
        )
    snapshot = c.app.record_review(doc_id, line_no, values, _reviewer(reviewer))
    click.echo(
        f"{doc_id} line {line_no}: recorded (silver.ptr_transactions snapshot {snapshot}); "
        "`lakehouse transform gold` publishes it."
    )


@review.command("confirm")
@click.argument("doc_id")
@click.argument("line_no", type=int)
@click.option(
    "--reviewer", default=None, help="Who checked the row [default: $LAKEHOUSE_REVIEWER, else the login]."
)
@pass_ctx
@handle_errors
def review_confirm(c: Context, doc_id: str, line_no: int, reviewer: str | None) -> None:
    """Accept the machine's reading of a row as it is (every required field must be there)."""
    snapshot = c.app.record_review(doc_id, line_no, {}, _reviewer(reviewer))
    click.echo(
        f"{doc_id} line {line_no}: confirmed (silver.ptr_transactions snapshot {snapshot}); "
        "`lakehouse transform gold` publishes it."
    )
