"""What a first-time user sees: each command run too early says what to run first, with its exit code.

Every case runs the CLI (click's CliRunner) on a new, empty home.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner

from jobs.bronze.reference import SEC_FILES, SP500_FILES
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import SHARED_DATA, build_clerk_mirror, test_settings
from tests.integration.test_flight_support import running_server

NOTHING = f"nothing ingested yet: run `lakehouse ingest house --year {dt.date.today().year}` first\n"


@pytest.fixture
def home(tmp_path) -> str:
    return str(tmp_path / "empty")


def cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.parametrize("layer", ["silver", "gold"])
def test_transform_before_any_ingest_says_what_to_run(home, layer):
    result = cli("--home", home, "transform", layer)
    assert (result.exit_code, result.output) == (0, NOTHING)
    # No job ran: no audit, so no alert and no check result.
    app = Lakehouse.open(test_settings(home))
    assert app.query("select count(*) as n from ops.check_results").to_pylist() == [{"n": 0}]


def test_members_alone_is_not_enough_for_gold(home):
    """The README's first step loads Members; gold still has nothing to build and must not alert."""
    loaded = cli("--home", home, "ingest", "members", "--source", str(SHARED_DATA / "members"))
    assert loaded.exit_code == 0, loaded.output
    for layer in ("silver", "gold"):
        result = cli("--home", home, "transform", layer)
        assert (result.exit_code, result.output) == (0, NOTHING)
    assert "ALERT" not in result.output
    app = Lakehouse.open(test_settings(home))
    assert app.query("select count(*) as n from ops.check_results where outcome = 'fail'").to_pylist() == [{"n": 0}]


def test_gold_before_silver_says_to_transform_silver(home, tmp_path, house_data):
    mirror = build_clerk_mirror(tmp_path / "mirror", house_data, pdfs=False)
    ingested = cli("--home", home, "ingest", "house", "--year", "2025", "--source", str(mirror), "--types", "")
    assert ingested.exit_code == 0, ingested.output
    result = cli("--home", home, "transform", "gold")
    assert (result.exit_code, result.output) == (0, "nothing in silver yet: run `lakehouse transform silver` first\n")


def test_query_remote_without_a_token_names_the_variable(home):
    app = Lakehouse.open(test_settings(home))
    app.init()
    with running_server(app.store, app.settings, token="s3cret") as server:
        url = f"grpc://127.0.0.1:{server.port}"
        missing = cli("--home", home, "query", "--remote", url, "select 1")
        wrong = cli("--home", home, "query", "--remote", url, "select 1", env={"LAKEHOUSE_FLIGHT_TOKEN": "nope"})
    assert missing.exit_code == 1
    assert missing.output.startswith(f"Error: {url}: This Flight server needs a token")
    assert missing.output.endswith("From the command line: set LAKEHOUSE_FLIGHT_TOKEN to the server's token.\n")
    assert wrong.exit_code == 1
    assert wrong.output.endswith("From the command line: LAKEHOUSE_FLIGHT_TOKEN does not hold the server's token: "
                                 "set it to the one the server was started with.\n")


def test_ingest_reference_help_names_exactly_the_files_it_reads(home):
    result = cli("--home", home, "ingest", "reference", "--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    named = re.findall(r"[\w-]+\.(?:json|csv)", text)
    assert named == [*SEC_FILES, *SP500_FILES]
    assert ("the SEC tickers, the first found of " + ", ".join(SEC_FILES)) in text
    assert ("the S&P 500 list, " + " or ".join(SP500_FILES)) in text


def test_ingest_reference_reads_a_directory_of_those_files(home):
    result = cli("--home", home, "ingest", "reference", "--source", str(SHARED_DATA / "reference"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("silver.securities: ingested (")
