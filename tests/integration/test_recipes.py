"""docs/recipes.md, run as written: every block marked ``<!-- recipe: NAME -->`` is read from the page
and run against a lakehouse built from the real 2025 House data, and must return exactly what
``lakehouse query`` returns. Also the ``version-hint.text`` that directory readers rely on: it
follows every commit (on local disk and S3), a staged write never becomes what they read, and
maintenance keeps it current.

DuckDB's iceberg extension comes from PyPI (``duckdb-extension-iceberg``/``-avro``), which ships it
only for DuckDB 1.5.5; requirements.lock pins all three (and polars and Daft), so a missing or
mismatched engine fails these tests with what to install.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from click.testing import CliRunner

from catalog.hint import HINT_FILE, hint_text, read_hint
from catalog.maintenance import compact, expire_snapshots, remove_orphan_files
from catalog.reads import Changes
from catalog.registry import table_spec
from catalog.store import Store
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import REPO, build_clerk_mirror, mirror_server, test_settings
from tests.integration.conftest import close

pytestmark = pytest.mark.slow

RECIPES = REPO / "docs" / "recipes.md"
TABLE = "gold.fact_filings"
SQL = f"SELECT filing_type, count(*) AS filings FROM {TABLE} GROUP BY filing_type ORDER BY filing_type"
"""What every recipe computes (docs/recipes.md says so)."""


def recipe(name: str) -> str:
    """The code block after ``<!-- recipe: name -->`` in docs/recipes.md."""
    found = re.search(rf"<!-- recipe: {re.escape(name)} -->\s*```\w*\n(.*?)```", RECIPES.read_text(), re.DOTALL)
    assert found, f"docs/recipes.md has no recipe {name!r}"
    return found.group(1)


def run_python(name: str, **placeholders: str) -> dict[str, Any]:
    """Run a Python recipe with its placeholders filled; returns its variables."""
    code = recipe(name)
    for key, value in placeholders.items():
        code = code.replace(key, value)
    namespace: dict[str, Any] = {}
    exec(compile(code, f"docs/recipes.md:{name}", "exec"), namespace)  # noqa: S102 - our own docs
    return namespace


@pytest.fixture(scope="module")
def app(tmp_path_factory, house_data) -> Iterator[Lakehouse]:
    """The real 2025 pipeline (index, PTRs, silver, gold) in an embedded lakehouse."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    home = tmp_path_factory.mktemp("recipes")
    with mirror_server(root) as (url, _):
        lake = Lakehouse.open(test_settings(home))
        lake.ingest_house([2025], source=url)
        lake.transform("silver"), lake.transform("gold")
    yield lake
    close(lake)


def lakehouse_query(app: Lakehouse, sql: str) -> list[tuple[str, int]]:
    """``lakehouse query --format csv`` as an operator runs it, parsed."""
    result = CliRunner().invoke(main, ["--home", str(app.settings.home), "query", "--format", "csv", sql])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
    return [(key, int(n)) for key, n in rows]


@pytest.fixture(scope="module")
def expected(app) -> list[tuple[str, int]]:
    rows = lakehouse_query(app, SQL)
    assert sum(n for _, n in rows) == 1616  # the 2025 index's distinct DocIDs
    assert dict(rows)["P"] == 471
    return rows


def where(app: Lakehouse, table: str = TABLE) -> dict[str, str]:
    """The placeholders of docs/recipes.md for ``table``, from ``Store.location`` (``tables --describe``)."""
    loc = app.store.location(table)
    return {"METADATA_JSON": loc.metadata_location, "TABLE_DIR": loc.table_location.removeprefix("file://")}


NEEDS = ("DuckDB's recipes need duckdb==1.5.5 with duckdb-extension-iceberg==1.5.5 and "
         "duckdb-extension-avro==1.5.5 (PyPI ships the extensions for no other DuckDB)")


@pytest.fixture
def duck():
    """A DuckDB connection with the iceberg extension loaded offline, by the recipe."""
    import duckdb

    try:
        import duckdb_extension_avro  # noqa: F401
        import duckdb_extension_iceberg
    except ImportError:
        pytest.fail(f"{NEEDS}; they are not installed (requirements.lock pins them: run `make setup`)")
    built_for = sorted(p.name for p in (Path(duckdb_extension_iceberg.__file__).parent / "extensions").iterdir())
    if built_for != [f"v{duckdb.__version__}"]:
        pytest.fail(f"{NEEDS}; the iceberg extension installed is built for {built_for}, this is DuckDB "
                    f"{duckdb.__version__} (an extension loads only into its own version)")
    con = run_python("duckdb-load-offline")["con"]
    yield con
    con.close()


def duck_sql(con, name: str, **placeholders: str) -> list[tuple[str, int]]:
    sql = recipe(name)
    for key, value in placeholders.items():
        sql = sql.replace(key, value)
    return [tuple(r) for r in con.sql(sql).fetchall()]


def test_every_recipe_marked_in_the_docs_is_run_here():
    marked = set(re.findall(r"<!-- recipe: ([\w-]+) -->", RECIPES.read_text()))
    assert marked == {"duckdb-load-offline", "duckdb-metadata", "duckdb-directory", "polars",
                      "pyiceberg-config", "pyiceberg", "daft"}


def test_tables_describe_prints_the_metadata_file_snapshot_and_duckdb_recipe(app, expected):
    result = CliRunner().invoke(main, ["--home", str(app.settings.home), "tables", "--describe"])
    assert result.exit_code == 0, result.output
    loc = app.store.location(TABLE)
    section = result.stdout.split(f"### `{TABLE}`", 1)[1].split("### ", 1)[0]
    assert "| `doc_id` | string | no |" in section  # still the data dictionary
    assert f"- current metadata: `{loc.metadata_location}`" in section
    assert f"- snapshot: {app.store.current_snapshot_id(TABLE)} (main)" in section
    assert f"- DuckDB: `{loc.duckdb_sql}`" in section
    assert "### `gold.dim_members`" in result.stdout


def test_duckdb_reads_the_metadata_file(app, expected, duck):
    assert duck_sql(duck, "duckdb-metadata", **where(app)) == expected


def test_duckdb_reads_the_table_directory_through_the_version_hint(app, expected, duck):
    tdir = Path(where(app)["TABLE_DIR"])
    assert (tdir / "metadata" / HINT_FILE).read_text() == hint_text(app.store.location(TABLE).metadata_location)
    assert duck_sql(duck, "duckdb-directory", **where(app)) == expected


def test_the_one_line_duckdb_recipe_of_tables_describe_runs(app, duck):
    sql = app.store.location(TABLE).duckdb_sql.removeprefix("INSTALL iceberg; LOAD iceberg; ")  # loaded offline
    assert duck.sql(sql).fetchall() == [(1616,)]


def test_polars_reads_the_metadata_file(app, expected):
    df = run_python("polars", **where(app))["df"]
    assert [tuple(r) for r in df.rows()] == expected


def test_pyiceberg_reads_through_catalog_config(app, expected, tmp_path, monkeypatch):
    config = CliRunner().invoke(main, ["--home", str(app.settings.home), "catalog-config"])
    assert config.exit_code == 0 and recipe("pyiceberg-config").strip() == "lakehouse catalog-config > ~/.pyiceberg.yaml"
    (tmp_path / ".pyiceberg.yaml").write_text(config.stdout)
    use_pyiceberg_home(monkeypatch, tmp_path)
    counts = run_python("pyiceberg")["counts"]
    assert sorted((r["filing_type"], r["filings"]) for r in counts.to_pylist()) == expected


def test_daft_reads_through_the_catalog(app, expected, tmp_path, monkeypatch):
    config = CliRunner().invoke(main, ["--home", str(app.settings.home), "catalog-config"])
    (tmp_path / ".pyiceberg.yaml").write_text(config.stdout)
    use_pyiceberg_home(monkeypatch, tmp_path)
    df = run_python("daft")["df"]
    assert [(r["filing_type"], r["filings"]) for r in df.to_pylist()] == expected


def use_pyiceberg_home(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Make ``load_catalog(name)`` read ``home/.pyiceberg.yaml``, as a fresh interpreter would.

    pyiceberg reads its configuration once, at import (``pyiceberg.catalog._ENV_CONFIG``).
    """
    from pyiceberg.utils.config import Config

    monkeypatch.setenv("PYICEBERG_HOME", str(home))
    monkeypatch.setattr("pyiceberg.catalog._ENV_CONFIG", Config())


def test_a_staged_write_never_becomes_what_directory_readers_see(app, expected, duck):
    """A write waiting for (or rejected by) its audit moves only the staging ref: the hint follows the
    newest metadata file, whose main is still the published snapshot."""
    store = app.store
    published = store.current_snapshot_id(TABLE)
    doomed = store.table(TABLE).scan(limit=1).to_arrow()
    staged = store.stage(TABLE, Changes(key="doc_id", drop=doomed.column("doc_id"), add=doomed.slice(0, 0)))
    assert staged.snapshot_id is not None and store.current_snapshot_id(TABLE) == published  # not published
    loc = store.location(TABLE)
    assert store.table(TABLE).metadata.refs["staging"].snapshot_id == staged.snapshot_id
    assert read_hint(store.table(TABLE).io, loc.metadata_location) == hint_text(loc.metadata_location)
    assert loc.snapshot_id == published
    assert duck_sql(duck, "duckdb-directory", **where(app)) == expected
    assert duck_sql(duck, "duckdb-metadata", **where(app)) == expected
    assert lakehouse_query(app, SQL) == expected


def test_maintenance_keeps_the_hint_on_the_current_metadata(app):
    store, table = app.store, "ops.check_results"
    before = store.location(table).metadata_location
    assert compact(store, table).snapshot_id is not None
    expire_snapshots(store, older_than=dt.datetime.now(dt.UTC), retain_last=1, tables=[table])
    remove_orphan_files(store, older_than=dt.timedelta(0), tables=[table])
    loc = store.location(table)
    assert loc.metadata_location != before
    tdir = Path(loc.table_location.removeprefix("file://"))
    assert (tdir / "metadata" / HINT_FILE).read_text() == hint_text(loc.metadata_location)
    assert (tdir / "metadata" / (hint_text(loc.metadata_location) + ".metadata.json")).exists()


def test_directory_reads_after_maintenance_equal_lakehouse_query(app, duck):
    sql = "SELECT check_name, count(*) FROM ops.check_results GROUP BY 1 ORDER BY 1"
    got = duck.sql(sql.replace("ops.check_results", f"iceberg_scan('{where(app, 'ops.check_results')['TABLE_DIR']}')"))
    assert [tuple(r) for r in got.fetchall()] == lakehouse_query(app, sql)


def test_every_commit_refreshes_the_hint_on_every_storage(storage, tmp_path):
    """Through the table's FileIO: local disk (write and rename) and S3 (one PUT), no temp file left."""
    lake = storage.new_lake(tmp_path / storage.name)
    with lake.environment():
        store = Store.open(lake.settings)
        try:
            spec = table_spec("ops.quarantine")
            store.init_tables([spec])
            table = store.table(spec.identifier)
            assert read_hint(table.io, table.metadata_location) == hint_text(table.metadata_location)  # created
            now = dt.datetime.now(dt.UTC)
            row = dict(recorded_at=now, run_id="r", stage="s", source="x", year=2025, doc_id="1",
                       reason_code="c", reason="r", detail=None)
            for _ in range(2):
                store.append(spec.identifier, pa.Table.from_pylist([row], schema=spec.arrow_schema()))
                table = store.table(spec.identifier)
                assert read_hint(table.io, table.metadata_location) == hint_text(table.metadata_location)
            assert hint_text(table.metadata_location).startswith("00002-")
            listed = table.io.fs_by_scheme(*table.io.parse_location(table.location(), table.io.properties)[:2])
            from pyarrow.fs import FileSelector

            base = table.io.parse_location(table.location(), table.io.properties)[2]
            names = [f.base_name for f in listed.get_file_info(FileSelector(f"{base}/metadata"))]
            assert HINT_FILE in names and not [n for n in names if n.endswith(".tmp")]
        finally:
            engine = getattr(store.catalog, "engine", None)
            if engine is not None:
                engine.dispose()
