"""``lakehouse extract ptr FILE.pdf``: extract one PTR PDF without a lakehouse (for checking)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lakehouse.cli import handle_errors, main


@main.group()
def extract() -> None:
    """Extract data from a single document file."""


@extract.command("ptr")
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@handle_errors
def extract_ptr_command(pdf: Path, fmt: str) -> None:
    """Print the transaction rows of a periodic transaction report PDF, in document order.

    Text PDFs are read from their text layer; scanned ones by OCR (needs pdftoppm and tesseract).
    Document-level issues go to standard error.
    """
    import pyarrow as pa

    from jobs.silver.ptr_extraction import CONTRACT_KEYS, contract_rows, extract_document
    from lakehouse.errors import LakehouseError
    from lakehouse.output import render_text

    result = extract_document("", 0, "", pdf.read_bytes())
    if result.document is None:
        raise LakehouseError(f"{pdf}: {result.error[1] if result.error else 'unreadable'}")
    rows = contract_rows(result.document)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        table = pa.Table.from_pylist(rows) if rows else pa.table({k: [] for k in CONTRACT_KEYS})
        click.echo(render_text(table, max_rows=10_000, max_width=40))
    problems = list(result.document.issues) + ([result.error[1]] if result.error else [])
    if problems:
        click.secho(f"{pdf}: {result.document.method} extraction, issues: {', '.join(problems)}", fg="yellow", err=True)
