"""The same pipeline on every storage setup gives the same data (contract tests).

Setups (tests/integration/conftest.py): the embedded SQLite catalog with a local warehouse, and a
PostgreSQL catalog with an S3 warehouse on a moto server, configured only through pyiceberg's
variables. The pipeline is the real one: the real 2025 House index and PTR PDFs fetched over HTTP
from 127.0.0.1, then silver and gold.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

from core.asof import AsOf
from core.errors import ConfigError
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import REAL_PTRS, build_clerk_mirror, mirror_server
from tests.integration.conftest import (
    BUCKET,
    GlueS3,
    Lake,
    PostgresS3,
    SqliteLocal,
    build_mirror_without,
    close,
    free_port,
)

pytestmark = pytest.mark.slow

PELOSI = "20026590"
COMPARED = ("gold.fact_filings", "silver.filings")
VOLATILE = {"silver.filings": ("ingested_at",)}
"""Columns that record when a row was processed, so differ between any two runs."""
BRONZE_SILVER_GOLD = (
    "bronze.house_fd_index",
    "bronze.house_documents",
    "silver.filings",
    "silver.ptr_filings",
    "silver.ptr_transactions",
    "gold.fact_filings",
    "gold.fact_transactions",
    "gold.dim_assets",
)


@dataclasses.dataclass
class Built:
    lake: Lake
    app: Lakehouse
    report: object
    results: list
    seconds: float
    first: dict[str, int]
    """Snapshot ids of the compared tables right after the first build."""


@pytest.fixture(scope="module")
def mirrors(tmp_path_factory, house_data) -> Iterator[tuple[str, str]]:
    """One Clerk mirror for every setup (same URLs, so same source columns), and one without a filing."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    changed = build_mirror_without(tmp_path_factory.mktemp("mirror-changed"), house_data, PELOSI)
    with mirror_server(root) as (url, _), mirror_server(changed) as (changed_url, _):
        yield url, changed_url


@pytest.fixture(scope="module")
def pipelines(mirrors, tmp_path_factory) -> Iterator[Callable[[SqliteLocal | PostgresS3 | GlueS3], Built]]:
    """``pipelines(setup)``: the lakehouse built once per setup in this module (ingest, silver, gold)."""
    built: dict[str, Built] = {}

    def build(setup: SqliteLocal | PostgresS3 | GlueS3) -> Built:
        if setup.name not in built:
            lake = setup.new_lake(tmp_path_factory.mktemp(setup.name))
            with lake.environment():
                started = time.perf_counter()
                app = Lakehouse.open(lake.settings)
                report = app.ingest_house([2025], source=mirrors[0])
                results = app.transform("silver") + app.transform("gold")
                seconds = time.perf_counter() - started
            built[setup.name] = Built(
                lake, app, report, results, seconds, {t: app.store.current_snapshot_id(t) for t in COMPARED}
            )
        return built[setup.name]

    yield build
    for b in built.values():
        close(b.app)


def _rows(app: Lakehouse, table: str, snapshot_id: int) -> pa.Table:
    data = app.store.read(table, snapshot_id=snapshot_id)
    data = data.drop_columns([c for c in VOLATILE.get(table, ()) if c in data.column_names])
    return data.sort_by("doc_id")


def test_pipeline_builds_gold_on_the_configured_storage(storage, pipelines):
    b = pipelines(storage)
    (year,) = b.report.years
    assert (year.index_status, year.records, year.documents_fetched) == ("ingested", 1618, 3)
    status = {r.output: r.status for r in b.results}
    assert (
        status["silver.filings"]
        == status["gold.fact_filings"]
        == status["silver.ptr_transactions"]
        == "committed"
    )
    assert b.app.query("select count(*) as n from gold.fact_filings").to_pylist() == [{"n": 1616}]
    held = b.app.query("select doc_id from gold.fact_filings where document_in_bronze order by doc_id")
    assert held.column("doc_id").to_pylist() == sorted(REAL_PTRS)
    locations = {t: b.app.store.table(t).location() for t in b.app.store.list_tables()}
    backend = b.app.store.catalog.engine.url.get_backend_name()
    if storage.name == PostgresS3.name:
        assert backend == "postgresql"
        assert all(
            loc.startswith(f"s3://{BUCKET}/{b.lake.env['LAKEHOUSE_CATALOG']}/") for loc in locations.values()
        )
        assert not (b.lake.home / "warehouse").exists() and not (b.lake.home / "catalog.db").exists()
    else:
        assert backend == "sqlite"
        assert all(
            loc.startswith((b.lake.home / "warehouse").resolve().as_uri()) for loc in locations.values()
        )


def test_same_gold_and_silver_on_both_setups(pipelines, request):
    """Row for row, the PostgreSQL + S3 lakehouse holds what the embedded default holds."""
    pg_s3 = PostgresS3(request.getfixturevalue("pg_database"), request.getfixturevalue("moto_s3"))
    reference, other = pipelines(SqliteLocal()), pipelines(pg_s3)
    for table in COMPARED:
        want = _rows(reference.app, table, reference.first[table])
        got = _rows(other.app, table, other.first[table])
        assert got.num_rows == want.num_rows == 1616
        assert got.schema == want.schema
        assert got.equals(want), f"{table} differs between {SqliteLocal.name} and {PostgresS3.name}"


def test_glue_catalog_gives_the_same_gold(pipelines, request):
    """AWS Glue works by configuration alone too (moto's Glue API stands in for AWS)."""
    reference, glue = pipelines(SqliteLocal()), pipelines(GlueS3(request.getfixturevalue("moto_s3")))
    assert type(glue.app.store.catalog).__name__ == "GlueCatalog"
    assert glue.app.store.table("gold.fact_filings").location().startswith(f"s3://{BUCKET}/glue")
    for table in COMPARED:
        assert _rows(glue.app, table, glue.first[table]).equals(
            _rows(reference.app, table, reference.first[table])
        )


def test_rerun_adds_no_snapshot(storage, pipelines, mirrors):
    b = pipelines(storage)
    before = {t: len(b.app.store.table(t).snapshots()) for t in BRONZE_SILVER_GOLD}
    (year,) = b.app.ingest_house([2025], source=mirrors[0]).years
    assert year.index_status == "unchanged"
    assert {r.status for r in b.app.transform("silver") + b.app.transform("gold")} == {"up_to_date"}
    assert {t: len(b.app.store.table(t).snapshots()) for t in BRONZE_SILVER_GOLD} == before


def test_current_snapshot_ids_read_every_pointer_of_a_namespace_at_once(storage, pipelines):
    """One catalog read answers for every gold table (the Flight server's freshness check), on each catalog."""
    b = pipelines(storage)
    gold = [t for t in b.app.store.list_tables() if t.startswith("gold.")]
    expected = {t: b.app.store.table(t).current_snapshot() for t in gold}
    expected = {t: s.snapshot_id if s else None for t, s in expected.items()}
    assert b.app.store.current_snapshot_ids("gold") == expected
    assert b.app.store.current_snapshot_ids("no_such_namespace") == {}
    assert {t: b.app.store.current_snapshot_id(t) for t in gold} == expected


def test_time_travel(storage, pipelines, mirrors, lake_env):
    """The Clerk drops a filing: gold changes, and the earlier gold stays readable by snapshot and time."""
    b = pipelines(storage)
    first = b.app.store.current_snapshot_id("gold.fact_filings")
    first_time = b.app.store.snapshot_time("gold.fact_filings", first)
    (year,) = b.app.ingest_house([2025], source=mirrors[1], types=()).years
    assert (year.index_status, year.records) == ("ingested", 1617)
    b.app.transform("silver"), b.app.transform("gold")
    sql = f"select count(*) as n, count_if(doc_id = '{PELOSI}') as pelosi from gold.fact_filings"
    assert b.app.query(sql).to_pylist() == [{"n": 1615, "pelosi": 0}]
    assert b.app.query(sql, AsOf(snapshot_id=first)).to_pylist() == [{"n": 1616, "pelosi": 1}]
    assert b.app.query(sql, AsOf(timestamp=first_time)).to_pylist() == [{"n": 1616, "pelosi": 1}]
    lake_env(b.lake)  # the CLI finds the catalog through the environment only
    for flag in (["--snapshot", str(first)], ["--as-of", first_time.isoformat()]):
        cli = CliRunner().invoke(main, ["query", "--format", "csv", *flag, sql])
        assert cli.exit_code == 0, cli.output
        assert cli.output.splitlines() == ['"n","pelosi"', "1616,1"]


# -- clear errors when the storage is not there -----------------------------------------------------


def _open_fails(lake: Lake) -> str:
    with lake.environment(), pytest.raises(ConfigError) as info:
        Lakehouse.open(lake.settings)
    return str(info.value)


def _variant(lake: Lake, **changes: str) -> Lake:
    prefix = f"PYICEBERG_CATALOG__{lake.env['LAKEHOUSE_CATALOG'].upper()}__"
    return dataclasses.replace(lake, env={**lake.env, **{prefix + k: v for k, v in changes.items()}})


def test_missing_bucket_is_a_clear_error(request, tmp_path: Path):
    setup = PostgresS3(request.getfixturevalue("pg_database"), request.getfixturevalue("moto_s3"))
    message = _open_fails(_variant(setup.new_lake(tmp_path), WAREHOUSE="s3://no-such-bucket/wh"))
    assert "bucket 'no-such-bucket' does not exist" in message and "aws s3 mb s3://no-such-bucket" in message


def test_unreachable_endpoint_is_a_clear_error(request, tmp_path: Path):
    setup = PostgresS3(request.getfixturevalue("pg_database"), f"http://127.0.0.1:{free_port()}")
    message = _open_fails(setup.new_lake(tmp_path))
    assert "is not reachable at http://127.0.0.1:" in message and "S3__ENDPOINT" in message


def test_unreachable_catalog_is_a_clear_error_without_the_password(request, tmp_path: Path):
    setup = PostgresS3(
        f"postgresql+psycopg2://lake:hunter2@127.0.0.1:{free_port()}/nowhere",
        request.getfixturevalue("moto_s3"),
    )
    message = _open_fails(setup.new_lake(tmp_path))
    assert "Could not open catalog" in message and "lake:***@127.0.0.1" in message
    assert "hunter2" not in message
