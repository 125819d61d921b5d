"""Catalog set-up: the embedded default, pyiceberg-style configuration, and schema evolution."""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pytest
from click.testing import CliRunner
from pyiceberg.types import StringType

from catalog.connect import catalog_properties
from catalog.registry import FILINGS, Column
from catalog.store import Store
from core.errors import ConfigError
from core.settings import load_settings
from lakehouse.cli import main


def test_embedded_default_lives_under_home(tmp_path):
    props, embedded = catalog_properties(load_settings({"LAKEHOUSE_HOME": str(tmp_path / "h")}))
    assert embedded
    assert props == {"type": "sql", "uri": f"sqlite:///{tmp_path / 'h' / 'catalog.db'}",
                     "warehouse": f"file://{tmp_path / 'h' / 'warehouse'}"}


def test_pyiceberg_environment_configures_the_catalog(tmp_path, monkeypatch):
    uri = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("PYICEBERG_CATALOG__LAKEHOUSE__URI", uri)
    monkeypatch.setenv("PYICEBERG_CATALOG__LAKEHOUSE__WAREHOUSE", f"file://{tmp_path / 'wh'}")
    (tmp_path / "wh").mkdir()
    settings = load_settings({"LAKEHOUSE_HOME": str(tmp_path / "unused")})
    props, embedded = catalog_properties(settings)
    assert not embedded and props["uri"] == uri
    store = Store.open(settings)
    store.init_tables()
    assert (tmp_path / "elsewhere.db").exists() and not (tmp_path / "unused").exists()


def test_pyiceberg_yaml_configures_the_catalog(tmp_path, monkeypatch):
    home = tmp_path / "pyhome"
    home.mkdir()
    (home / ".pyiceberg.yaml").write_text(
        f"catalog:\n  lakehouse:\n    uri: sqlite:///{tmp_path / 'yaml.db'}\n    warehouse: file://{tmp_path}\n")
    monkeypatch.setenv("PYICEBERG_HOME", str(home))
    props, embedded = catalog_properties(load_settings({}))
    assert not embedded and props["uri"] == f"sqlite:///{tmp_path / 'yaml.db'}"


def test_unknown_catalog_name_is_a_clear_error():
    with pytest.raises(ConfigError, match="No catalog named 'prod' is configured"):
        catalog_properties(load_settings({"LAKEHOUSE_CATALOG": "prod"}))


def test_init_evolves_tables_by_adding_columns_without_rewriting(lakehouse):
    store = lakehouse.store
    old = dataclasses.replace(FILINGS, columns=FILINGS.columns[:5])
    store.init_tables([old])
    store.append("silver.filings", pa.table({"doc_id": ["20026590"], "year": [2025], "filing_type": ["P"]}))
    files_before = {t.file.file_path for t in store.table("silver.filings").scan().plan_files()}
    snapshots_before = len(store.table("silver.filings").snapshots())
    actions = store.init_tables([FILINGS])
    assert actions == ["evolved silver.filings: added " + ", ".join(c.name for c in FILINGS.columns[5:])]
    table = store.table("silver.filings")
    assert [f.name for f in table.schema().fields] == [c.name for c in FILINGS.columns]
    assert {t.file.file_path for t in table.scan().plan_files()} == files_before
    assert len(table.snapshots()) == snapshots_before
    row = store.read("silver.filings").to_pylist()[0]
    assert row["doc_id"] == "20026590" and row["filer_name"] is None
    # A registry column added later shows up the same way, with its doc.
    newer = dataclasses.replace(FILINGS, columns=FILINGS.columns + (Column("note", StringType(), "A note."),))
    assert store.init_tables([newer]) == ["evolved silver.filings: added note"]
    assert store.table("silver.filings").schema().find_field("note").doc == "A note."
    assert store.init_tables([newer]) == []


def test_cli_init_is_idempotent(tmp_path):
    runner = CliRunner()
    first = runner.invoke(main, ["--home", str(tmp_path), "init"])
    assert first.exit_code == 0 and "created silver.filings" in first.output
    second = runner.invoke(main, ["--home", str(tmp_path), "init"])
    assert (second.exit_code, second.output) == (0, "all tables up to date\n")
    cfg = runner.invoke(main, ["--home", str(tmp_path), "catalog-config"])
    assert f"uri: sqlite:///{tmp_path}/catalog.db" in cfg.output


def test_snapshots_and_query_errors_through_the_cli(tmp_path):
    runner = CliRunner()
    home = ["--home", str(tmp_path)]
    runner.invoke(main, home + ["init"])
    empty = runner.invoke(main, home + ["snapshots", "gold.fact_filings"])
    assert empty.output == "gold.fact_filings has no snapshots yet\n"
    missing = runner.invoke(main, home + ["snapshots", "gold.nope"])
    assert missing.exit_code == 1 and "Table gold.nope does not exist" in missing.output
    bad = runner.invoke(main, home + ["query", "select * from gold.nope"])
    assert bad.exit_code == 1 and "No table gold.nope" in bad.output
    # Unqualified names read gold, as over Flight (one dialect).
    unqualified = runner.invoke(main, home + ["query", "select count(*) as n from fact_filings"])
    assert unqualified.exit_code == 0, unqualified.output
    assert "0" in unqualified.output.split()
    both = runner.invoke(main, home + ["query", "--snapshot", "1", "--tag", "x", "select 1"])
    assert both.exit_code == 2 and "at most one of" in both.output
    tag = runner.invoke(main, home + ["query", "--tag", "v1", "select count(*) from gold.fact_filings"])
    assert tag.exit_code == 1 and "has no tag or branch 'v1'" in tag.output


def test_a_column_added_to_a_job_output_is_filled_from_then_on(lakehouse):
    """Evolve gold.fact_filings by one registry column: no rewrite, and the next run fills it."""
    from catalog.registry import FACT_FILINGS, TABLES
    from jobs.gold.fact_filings import JOB
    from jobs.runner import run_job

    store = lakehouse.store
    old = dataclasses.replace(FACT_FILINGS, columns=tuple(c for c in FACT_FILINGS.columns if c.name != "pdf_url"))
    store.init_tables([s if s.identifier != "gold.fact_filings" else old for s in TABLES])
    store.append("silver.filings", pa.table({"doc_id": ["20026590"], "year": [2025], "filing_type": ["P"],
                                             "pdf_url": ["https://x/20026590.pdf"]}))
    assert run_job(store, JOB, run_id="r1").status == "committed"
    assert "pdf_url" not in store.read("gold.fact_filings").column_names
    assert store.init_tables() == ["evolved gold.fact_filings: added pdf_url"]
    assert not store.evolved_since_write("silver.filings")
    result = run_job(store, JOB, run_id="r2")
    assert (result.status, result.full_read) == ("committed", True)
    assert store.read("gold.fact_filings", columns=["pdf_url"]).to_pylist() == [{"pdf_url": "https://x/20026590.pdf"}]
    assert run_job(store, JOB, run_id="r3").status == "up_to_date"


def test_current_snapshot_follows_commits_made_by_another_process(tmp_path):
    """The current snapshot is answered from the catalog's pointer; a commit elsewhere moves it."""
    from tests.conftest import test_settings

    settings = test_settings(tmp_path / "lh")
    reader, writer = Store.open(settings), Store.open(settings)
    reader.init_tables()
    assert reader.current_snapshot_id("silver.filings") is None
    rows = pa.table({"doc_id": ["1"], "year": [2025], "filing_type": ["P"], "pdf_url": ["https://x/1.pdf"]})
    first = writer.append("silver.filings", rows)
    assert reader.current_snapshot_id("silver.filings") == first
    assert reader.current_snapshot_id("silver.filings") == first  # answered from the unchanged pointer
    second = writer.append("silver.filings", rows)
    assert second != first and reader.current_snapshot_id("silver.filings") == second
