"""``lakehouse ingest reference`` from the real SEC and S&P 500 files."""

from __future__ import annotations

from click.testing import CliRunner

from jobs.bronze.reference import normalise_ticker, parse_sec
from lakehouse.cli import main
from tests.conftest import SHARED_DATA


def test_reference_ingest_and_rerun(tmp_path):
    runner = CliRunner()
    args = ["--home", str(tmp_path), "ingest", "reference", "--source", str(SHARED_DATA / "reference")]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "ingested (10075 tickers, 503 in the S&P 500)" in first.output
    again = runner.invoke(main, args)
    assert "unchanged" in again.output
    rows = runner.invoke(main, ["--home", str(tmp_path), "query", "--format", "csv",
                                "select ticker, company_name, exchange, sector, in_sp500 from silver.securities "
                                "where ticker in ('BRK.B', 'NVDA', 'TEM') order by ticker"])
    assert rows.output.splitlines() == [
        '"ticker","company_name","exchange","sector","in_sp500"',
        '"BRK.B","BERKSHIRE HATHAWAY INC","NYSE","Financials",true',
        '"NVDA","NVIDIA CORP","Nasdaq","Information Technology",true',
        '"TEM","Tempus AI, Inc.","Nasdaq",,false',
    ]


def test_both_sec_formats():
    assert normalise_ticker("brk-b") == "BRK.B"
    numbered = parse_sec(b'{"0": {"cik_str": 1045810, "ticker": "NVDA", "title": "NVIDIA CORP"}}')
    fields = parse_sec(b'{"fields": ["cik", "name", "ticker", "exchange"], "data": [[1045810, "NVIDIA CORP", "NVDA", "Nasdaq"]]}')
    assert numbered == {"NVDA": {"company_name": "NVIDIA CORP", "cik": 1045810, "exchange": None}}
    assert fields == {"NVDA": {"company_name": "NVIDIA CORP", "cik": 1045810, "exchange": "Nasdaq"}}
