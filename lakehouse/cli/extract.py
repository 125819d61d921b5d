"""``lakehouse extract ptr|schedule-b FILE.pdf``: extract one PDF without a lakehouse (for checking)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lakehouse.cli.support import handle_errors


@click.group()
def extract() -> None:
    """Extract data from a single document file."""


@extract.command("ptr")
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@handle_errors
def extract_ptr_command(pdf: Path, fmt: str) -> None:
    """Print the transaction rows of a periodic transaction report PDF, in document order.

    Text PDFs are read from their text layer; scanned ones by OCR (needs pdftoppm and tesseract).
    Given an annual or terminated-filer Financial Disclosure Report (Form A) instead, prints its
    Schedule B transactions with the same keys (notification_date and filing_status null).
    Document-level issues go to standard error.
    """
    from core.errors import LakehouseError
    from jobs.silver.ptr_extraction import (
        contract_rows,
        extract_document,
        extract_report,
        schedule_b_contract_rows,
    )

    content = pdf.read_bytes()
    result = extract_document("", 0, "", content)
    if result.document is None:
        raise LakehouseError(f"{pdf}: {result.error[1] if result.error else 'unreadable'}")
    document = result.document
    if "not_a_ptr" in document.issues and not document.rows:
        report = extract_report("", 0, "", "", content).schedule_b
        if report is not None and report.schedule_found:
            _print_rows(schedule_b_contract_rows(report), fmt)
            _print_issues(pdf, "Schedule B (Form A report), text extraction", report.issues)
            return
    _print_rows(contract_rows(document), fmt)
    problems = list(document.issues) + ([result.error[1]] if result.error else [])
    _print_issues(pdf, f"{document.method} extraction", problems)


#: Keys of ``lakehouse extract schedule-b`` output, in order: the PTR contract's that apply, plus location.
SCHEDULE_B_KEYS = ("doc_id", "line_no", "owner", "asset_name", "ticker", "asset_type", "transaction_type",
                   "transaction_date", "amount_range", "amount_low", "amount_high", "cap_gains_over_200",
                   "subholding_of", "location", "description", "comment", "page", "checks_failed")


@extract.command("schedule-b")
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@handle_errors
def extract_schedule_b_command(pdf: Path, fmt: str) -> None:
    """Print the Schedule B (Transactions) rows of an e-filed Financial Disclosure Report PDF.

    Every field of silver.schedule_b_transactions' rows, location included. Paper reports (no text
    layer) are not read. Document-level issues go to standard error.
    """
    from core.errors import LakehouseError
    from jobs.silver.schedule_b import extract_schedule_b

    try:
        report = extract_schedule_b(pdf.read_bytes())
    except ValueError as exc:
        raise LakehouseError(f"{pdf}: {exc}") from None
    rows = []
    for row in report.rows:
        values = {k: getattr(row, k, None) for k in SCHEDULE_B_KEYS}
        values["doc_id"] = report.header.doc_id
        values["transaction_date"] = row.transaction_date.isoformat() if row.transaction_date else None
        values["checks_failed"] = ",".join(row.checks_failed)
        rows.append(values)
    _print_rows(rows, fmt, SCHEDULE_B_KEYS)
    issues = list(report.issues) + ([] if report.schedule_found or "no_text_layer" in report.issues
                                    else ["no_schedule_b"])
    _print_issues(pdf, "Schedule B text extraction", issues)


def _print_rows(rows: list[dict], fmt: str, keys: tuple[str, ...] | None = None) -> None:
    import pyarrow as pa

    from jobs.silver.ptr_extraction import CONTRACT_KEYS
    from lakehouse.output import render_text

    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        table = pa.Table.from_pylist(rows) if rows else pa.table({k: [] for k in keys or CONTRACT_KEYS})
        click.echo(render_text(table, max_rows=10_000, max_width=40))


def _print_issues(pdf: Path, what: str, problems) -> None:
    problems = list(problems)
    if problems:
        click.secho(f"{pdf}: {what}, issues: {', '.join(problems)}", fg="yellow", err=True)
