"""``lakehouse review``: read the PTR rows the machine could not (paper forms) and enter them.

House items are rows of a paper form (DOC_ID LINE); Senate items are page images of a paper report
(REPORT_ID PAGE), on which the reviewer enters every row they read, then confirms the page.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.group()
def review() -> None:
    """The review queue: rows of scanned House paper PTRs and pages of Senate paper reports a person must read.

    \b
      lakehouse review list
      lakehouse review show 8220731 1            # writes the row's image, prints the machine's reading
      lakehouse review enter 8220731 1 --asset-name "AT&T Inc" --ticker T --transaction-date 01/10/25 \\
          --notification-date 01/10/25 --owner SP
      lakehouse review confirm 8220731 4         # the machine's reading is right as it is
    \b
    Senate paper reports, a page at a time (REPORT_ID PAGE):
      lakehouse review show 16082eaa-ccd7-4857-b237-9991c6842684 1     # writes the page as PNG
      lakehouse review enter 16082eaa-ccd7-4857-b237-9991c6842684 1 --owner Spouse \\
          --asset-name "CBRE Group, Inc." --transaction-type Sale --transaction-date 12/18/2015 \\
          --amount '$500,001 - $1,000,000'          # one row read on the page ('' for a blank box)
      lakehouse review confirm 16082eaa-ccd7-4857-b237-9991c6842684 1  # the page holds just those rows
    \b
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
        if item.chamber == "senate":
            click.echo(
                f"{item.doc_id}  page {item.page:<3} senate  {done:<22} rows entered: {item.rows_entered}  "
                f"({item.reason})"
            )
            continue
        click.echo(
            f"{item.doc_id}  line {item.line_no:<3} page {item.page}  {done:<22} "
            f"to read: {', '.join(item.fields_to_read) or '-'}  ({item.reason})"
        )
    click.echo(
        f"{sum(1 for i in items if i.status == 'open')} open; `lakehouse review show DOC_ID LINE` "
        "(Senate: REPORT_ID PAGE) for one."
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
    """Write one queued row's image and print the machine's reading and the source PDF.

    For a Senate paper report (REPORT_ID PAGE): the page image, and the rows entered on it so far.
    """
    from jobs.silver.review import current_row, review_image

    item = next(
        (i for i in c.app.review_items(include_reviewed=True) if i.doc_id == doc_id and i.line_no == line_no),
        None,
    )
    png = review_image(c.app.store, doc_id, line_no)
    path = image_path or Path(f"review-{doc_id}-{line_no}.png")
    path.write_bytes(png)
    if item and item.chamber == "senate":
        _show_senate_page(c, item, path)
        return
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


def _senate_item(c: Context, doc_id: str, line_no: int):
    """The Senate page item (REPORT_ID PAGE), or None when ``doc_id`` is not a queued Senate paper report."""
    items = [i for i in c.app.review_items(include_reviewed=True) if i.doc_id == doc_id and i.chamber == "senate"]
    return next((i for i in items if i.line_no == line_no), items[0] if items else None)


def _show_senate_page(c: Context, item, path: Path) -> None:
    from jobs.silver.review import senate_page_rows

    rows = senate_page_rows(c.app.store, item.doc_id, item.line_no)
    click.echo(f"{item.doc_id} page {item.line_no} (Senate paper report): {item.status}; image: {path}")
    click.echo(f"  why: {item.reason}")
    if item.status == "reviewed":
        click.echo(f"  reviewed by {item.reviewed_by} at {item.reviewed_at:%Y-%m-%d %H:%M} UTC")
    _echo_senate_rows(rows)
    click.echo(f"  report: https://efdsearch.senate.gov/search/view/paper/{item.doc_id}/")


def _echo_senate_rows(rows: list[dict]) -> None:
    click.echo(f"  rows entered on this page: {len(rows)}")
    for r in rows:
        problems = f"  problems: {r['row_checks_failed']}" if r["row_checks_failed"] else ""
        click.echo(
            f"  line {r['line_no']}: {r['owner'] or 'self'} | {r['asset_name']} | {r['ticker'] or '-'} | "
            f"{r['transaction_type'] or '-'} | {r['transaction_date'] or '-'} | {r['amount_range'] or '-'}{problems}"
        )


def _senate_auditor(c: Context):
    import uuid

    from checks.runner import make_auditor

    return make_auditor(c.app.store, c.app.settings, run_id=uuid.uuid4().hex[:12])


@review.command("enter")
@click.argument("doc_id")
@click.argument("line_no", type=int)
@click.option("--owner", help="SP, JT, DC, or self (the filer); Senate: Self, Spouse, Joint or Child as well.")
@click.option("--asset-name", help="The full asset name as written.")
@click.option("--ticker", help="Ticker, when the asset has one.")
@click.option("--asset-type", help="Asset-type code (ST stock, OP option …); Senate: eFD's label (Stock …).")
@click.option("--transaction-type", help="purchase, sale, partial_sale or exchange (Senate: also Sale (Partial) …).")
@click.option("--transaction-date", help="YYYY-MM-DD or MM/DD/YY as written (Senate: MM/DD/YYYY; '' if blank).")
@click.option("--notification-date", help="YYYY-MM-DD or MM/DD/YY as written (House only).")
@click.option("--amount", "amount_range", help="The form's column letter (A-K) or a bucket label (Senate: the "
              "label, '' if no box is ticked).")
@click.option("--description", help="Option terms, share counts …")
@click.option("--comment", help="The filer's comment, if any.")
@click.option("--line", "replace_line", type=int, default=None,
              help="Senate page: replace this row entered earlier instead of adding one.")
@click.option(
    "--reviewer", default=None, help="Who read the row [default: $LAKEHOUSE_REVIEWER, else the login]."
)
@pass_ctx
@handle_errors
def review_enter(c: Context, doc_id: str, line_no: int, reviewer: str | None, replace_line: int | None,
                 **fields) -> None:
    """Enter a row as read from its image; unset fields keep the machine's reading.

    A LINE_NO one past the document's last line adds a row the machine missed.

    For a Senate paper report, LINE_NO is the page: each call adds one row read on it (give asset name,
    type, date and amount; '' for a box the form leaves blank), then `confirm` marks the page read.
    """
    values = {k: v for k, v in fields.items() if v is not None}
    if not values:
        raise click.UsageError(
            "Give at least one field, or use `lakehouse review confirm` to accept the reading."
        )
    if _senate_item(c, doc_id, line_no) is not None:
        from jobs.silver.review import enter_senate_row, senate_page_rows

        done = enter_senate_row(c.app.store, doc_id, line_no, values, _reviewer(reviewer), line_no=replace_line,
                                auditor=_senate_auditor(c))
        entry = next(e for e in done.entries if e.line_no == (replace_line or max(x.line_no for x in done.entries)))
        problems = (f" with problems {', '.join(entry.problems)} (it stays in silver, out of gold)"
                    if entry.problems else "")
        click.echo(f"{doc_id} page {line_no}: row {entry.line_no} recorded{problems} "
                   f"(silver.senate_transactions snapshot {done.snapshot_id}).")
        _echo_senate_rows(senate_page_rows(c.app.store, doc_id, line_no))
        if not done.reviewed:
            click.echo(f"When every row of the page is in: `lakehouse review confirm {doc_id} {line_no}`.")
        return
    if replace_line is not None:
        raise click.UsageError("--line is for Senate pages; a House row is named by DOC_ID LINE_NO.")
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
    """Accept the machine's reading of a row as it is (every required field must be there).

    For a Senate paper report (REPORT_ID PAGE): mark the page read, with the rows entered on it so far
    (none: a page without transactions, such as a cover letter).
    """
    if _senate_item(c, doc_id, line_no) is not None:
        from jobs.silver.review import finish_senate_page

        done = finish_senate_page(c.app.store, doc_id, line_no, _reviewer(reviewer), auditor=_senate_auditor(c))
        click.echo(f"{doc_id} page {line_no}: reviewed with {len(done.entries)} row(s) "
                   f"(silver.senate_transactions snapshot {done.snapshot_id}); `lakehouse transform gold` "
                   "publishes them.")
        return
    snapshot = c.app.record_review(doc_id, line_no, {}, _reviewer(reviewer))
    click.echo(
        f"{doc_id} line {line_no}: confirmed (silver.ptr_transactions snapshot {snapshot}); "
        "`lakehouse transform gold` publishes it."
    )
