"""Settings precedence, SQL table discovery and output rendering."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pytest

from catalog.query import referenced_tables
from core.errors import ConfigError, QueryError
from core.settings import KNOWN_ENV, Settings, load_settings
from lakehouse.output import render_text, write


def test_defaults_env_then_overrides():
    assert load_settings({}) == Settings()
    s = load_settings({"LAKEHOUSE_HOME": "/x", "LAKEHOUSE_HTTP_RATE": "2.5", "LAKEHOUSE_FLIGHT_PORT": "9000"},
                      flight_port=9100, source=None)
    assert (s.home, s.http_rate, s.flight_port, s.source) == (Path("/x"), 2.5, 9100, Settings().source)


def test_bad_env_values_are_clear():
    with pytest.raises(ConfigError, match=r"LAKEHOUSE_HTTP_CONCURRENCY='many' is not a valid int"):
        load_settings({"LAKEHOUSE_HTTP_CONCURRENCY": "many"})
    with pytest.raises(ConfigError, match="must be positive"):
        load_settings({"LAKEHOUSE_HTTP_RATE": "0"})


def test_every_env_var_is_documented():
    import core.settings as settings_module

    assert set(settings_module._ENV_FIELDS) == set(KNOWN_ENV)


KNOWN = {"gold.fact_filings", "silver.filings", "bronze.house_fd_index"}


def test_referenced_tables():
    sql = ("with f as (select * from silver.filings) select * from f join gold.fact_filings g using (doc_id) "
           "where doc_id in (select doc_id from silver.filings)")
    assert sorted(referenced_tables(sql, KNOWN)) == ["gold.fact_filings", "silver.filings"]
    assert referenced_tables("select 1", KNOWN) == []
    with pytest.raises(QueryError, match="No table gold.nope"):
        referenced_tables("select * from gold.nope", KNOWN)
    with pytest.raises(QueryError, match="does not parse"):
        referenced_tables("select from where (", KNOWN)


def test_renderings():
    table = pa.table({"n": pa.array([1616], pa.int64()), "name": ["Nancy Pelosi"],
                      "big": pa.array([__import__("decimal").Decimal(414)], pa.decimal128(38, 0))})
    assert render_text(table) == "n     name          big\n----  ------------  ---\n1616  Nancy Pelosi  414\n(1 row)"
    out = io.BytesIO()
    write(table, "json", out)
    assert json.loads(out.getvalue()) == [{"n": 1616, "name": "Nancy Pelosi", "big": 414}]
    out = io.BytesIO()
    write(table, "csv", out)
    assert out.getvalue().decode().splitlines() == ['"n","name","big"', '1616,"Nancy Pelosi",414']


def test_catalog_config_never_prints_a_password(monkeypatch):
    from catalog.connect import describe_pyiceberg_config
    from core.settings import load_settings

    for key, value in {"TYPE": "sql", "URI": "postgresql+psycopg2://lake:s3cret@db.example:5432/lake",
                       "WAREHOUSE": "s3://bucket/wh", "S3.SECRET-ACCESS-KEY": "abc"}.items():
        monkeypatch.setenv(f"PYICEBERG_CATALOG__LAKEHOUSE__{key}", value)
    text = describe_pyiceberg_config(load_settings({"LAKEHOUSE_HOME": "/tmp/nowhere"}))
    assert "s3cret" not in text and "abc" not in text
    assert "uri: postgresql+psycopg2://lake:***@db.example:5432/lake" in text


def test_job_memory_limit_and_spill_directory_reach_duckdb(tmp_path):
    from jobs.runner import EngineLimits, _connect

    settings = load_settings({"LAKEHOUSE_JOB_MEMORY_MB": "300", "LAKEHOUSE_JOB_SPILL_DIR": str(tmp_path)})
    con = _connect(EngineLimits.from_settings(settings))
    try:
        got = con.raw_sql("select current_setting('memory_limit'), current_setting('temp_directory')").fetchall()
    finally:
        con.disconnect()
    assert got == [("300.0 MiB", str(tmp_path))]
    assert EngineLimits.from_settings(load_settings({})) == EngineLimits(2048, None)
    with pytest.raises(ConfigError, match="LAKEHOUSE_JOB_MEMORY_MB=10 is too small"):
        load_settings({"LAKEHOUSE_JOB_MEMORY_MB": "10"})


def test_csv_writes_list_columns_as_joined_items():
    """CSV has no lists: quality_issues becomes its codes joined by ';' ('' when none, empty when null)."""
    import io

    import pyarrow as pa

    from lakehouse.output import write

    table = pa.table({"doc_id": ["1", "2", "3"],
                      "quality_issues": pa.array([["missing_filing_date", "district_out_of_range"], [], None],
                                                 pa.large_list(pa.large_string()))})
    out = io.BytesIO()
    write(table, "csv", out)
    assert out.getvalue().decode().splitlines() == [
        '"doc_id","quality_issues"', '"1","missing_filing_date;district_out_of_range"', '"2",""', '"3",']
