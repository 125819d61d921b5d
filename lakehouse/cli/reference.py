"""``lakehouse ingest reference``: SEC tickers and S&P 500 sectors for dim_assets."""

from __future__ import annotations

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.command("reference")
@click.option("--source", default=None, metavar="DIR_OR_URL",
              # The names are jobs.bronze.reference.SEC_FILES and SP500_FILES (not imported: the CLI starts
              # fast); tests/integration/test_first_run.py checks they agree.
              help="Directory or base URL holding two files: the SEC tickers, the first found of "
                   "company_tickers_exchange.json, sec_company_tickers_exchange.json, company_tickers.json, "
                   "sec_company_tickers.json; and the S&P 500 list, constituents.csv or sp500_constituents.csv "
                   "[default: the SEC's and the S&P 500 data package's official URLs].")
@pass_ctx
@handle_errors
def ingest_reference_command(c: Context, source: str | None) -> None:
    """Load ticker names (SEC) and GICS sectors (S&P 500) into silver.securities."""
    r = c.app.ingest_reference(source)
    click.echo(f"silver.securities: {r.status} ({r.securities} tickers, {r.sp500} in the S&P 500) from "
               f"{', '.join(r.sources)}")
