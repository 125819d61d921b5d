"""Filing years: ``--year`` / ``--years`` ranges, and only the years the Clerk publishes."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from core.errors import ExitCode
from core.years import FIRST_YEAR, YearRangeError, check_year, last_year, parse_years, resolve_years
from lakehouse.cli import main

TODAY = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2012-2026", list(range(2012, 2027))),
        ("2018,2020-2022", [2018, 2020, 2021, 2022]),
        ("2025", [2025]),
        (" 2020 - 2021 , 2019 ", [2019, 2020, 2021]),
        ("2021,2020-2022,2021", [2020, 2021, 2022]),
        ("2008-2027", list(range(2008, 2028))),
    ],
)
def test_parse_years(text, years):
    assert parse_years(text, TODAY) == years


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2005-2010", "2005 is outside the years the House Clerk publishes an index for: 2008 (the first) to 2027"),
        ("2012-2028", "2028 is outside"),
        ("2022-2020", "runs backwards: write 2020-2022"),
        ("2012-20x", "'2012-20x' in '2012-20x' is not a year or a range"),
        ("2018,,2019", "'' in '2018,,2019' is not a year or a range"),
        ("18-20", "is not a year or a range"),
        ("", "is not a year or a range"),
    ],
)
def test_parse_years_refuses_with_what_is_allowed(text, message):
    with pytest.raises(YearRangeError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        parse_years(text, TODAY)
    assert err.value.exit_code == ExitCode.USAGE


def test_check_year_bounds_follow_the_calendar():
    assert FIRST_YEAR == 2008
    assert last_year(TODAY) == 2027 and last_year(dt.date(2030, 1, 2)) == 2031
    assert check_year(2008, TODAY) == 2008 and check_year(2027, TODAY) == 2027
    for bad in (2007, 2028, 0):
        with pytest.raises(YearRangeError, match="Give e.g. --year 2026 or --years 2008-2026"):
            check_year(bad, TODAY)


def test_resolve_years_joins_options_and_defaults_to_the_current_year():
    assert resolve_years((2025, 2012), ("2018,2020-2021",), today=TODAY) == [2012, 2018, 2020, 2021, 2025]
    assert resolve_years((2025,), (), today=TODAY) == [2025]
    assert resolve_years(today=TODAY) == []
    assert resolve_years(default_current=True, today=TODAY) == [2026]
    with pytest.raises(YearRangeError):
        resolve_years((1999,), today=TODAY)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "house", "--years", "2005-2010"], "2005 is outside the years the House Clerk publishes"),
        (["ingest", "house", "--year", "2025", "--year", str(dt.date.today().year + 2)], "is outside the years"),
        (["ingest", "house"], "Give the filing years: --year 2025 (repeatable) or --years 2012-2026."),
        (["pipeline", "run", "--years", "2012-20x"], "is not a year or a range"),
        (["pipeline", "run", "--year", "2007"], "2008 (the first)"),
    ],
)
def test_cli_refuses_bad_years_as_a_usage_error(tmp_path, args, message):
    result = CliRunner().invoke(main, ["--home", str(tmp_path / "lh"), *args])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert message in result.output
    assert not (tmp_path / "lh").exists() or not any((tmp_path / "lh").rglob("*.parquet"))


def test_cli_help_documents_both_forms_and_the_daily_default():
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", "house", "--help"]).output
    assert "--years RANGE" in ingest and "2018,2020-2022" in ingest
    run = " ".join(runner.invoke(main, ["pipeline", "run", "--help"]).output.split())
    assert "the current year only" in run and "--years 2012-2026" in run and "--accept-anomaly" in run
