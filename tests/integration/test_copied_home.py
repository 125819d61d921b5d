"""Issue 20, item 10: a copied home keeps the original's absolute paths (the catalog records where
each table's metadata lives, the metadata where its files live), so writes through the copy would
land in the original's warehouse. Opened at its new place, a copy reads but refuses every write
before a file is written: whatever the copy tries, the original's files stay as they were."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyiceberg.types import StringType

from catalog.maintenance import compact, expire_snapshots, tag_release
from core.errors import ConfigError, CopiedHomeError
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from lakehouse.client import connect
from tests.conftest import test_settings
from tests.integration.test_flight_support import filings, fill_gold, running_server

COPIED = "was copied or moved"


def _files(root: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``root``: size and content hash (a rewrite in place changes the hash)."""
    return {
        str(p.relative_to(root)): (p.stat().st_size, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def homes(tmp_path: Path) -> tuple[Path, Path]:
    """An original home with Gold data (two snapshots of fact_filings, two small files to compact)
    and a copy of it made with ``shutil.copytree``."""
    original = Lakehouse.open(test_settings(tmp_path / "original"))
    fill_gold(original.store)
    original.store.append("gold.fact_filings", filings(n_docs=2))
    shutil.copytree(tmp_path / "original", tmp_path / "copy")
    return tmp_path / "original", tmp_path / "copy"


def test_a_copied_home_reads_but_refuses_every_write(homes, caplog):
    original_home, copy_home = homes
    before = _files(original_home)
    copy_warehouse_before = _files(copy_home / "warehouse")

    with caplog.at_level(logging.WARNING, logger="catalog.connect"):
        copy = Lakehouse.open(test_settings(copy_home))
    assert any(COPIED in r.getMessage() and "read-only" in r.getMessage() for r in caplog.records)

    # Reads work (they read the original's files, unchanged).
    rows = copy.store.read("gold.fact_filings").num_rows
    assert rows == Lakehouse.open(test_settings(original_home)).store.read("gold.fact_filings").num_rows
    assert copy.store.init_tables() == [], "nothing to create or evolve: init is a no-op, not a write"

    table = copy.store.table("gold.fact_filings")
    data_file = next(iter(table.inspect.files().column("file_path").to_pylist()))
    attempts = {
        "append": lambda: copy.store.append("gold.fact_filings", filings(n_docs=3)),
        "replace": lambda: copy.store.replace("gold.fact_filings", filings(n_docs=3)),
        "stage": lambda: copy.store.stage("gold.fact_filings", filings(n_docs=3)),
        "schema change": lambda: table.update_schema().add_column("extra", StringType()).commit(),
        "expire": lambda: expire_snapshots(copy.store, older_than=dt.datetime.now(dt.UTC), retain_last=1),
        "compact": lambda: compact(copy.store, "gold.fact_filings", min_files=2),
        "release tag": lambda: tag_release(copy.store, "v-copy"),
        "drop": lambda: copy.store.catalog.drop_table("gold.fact_filings"),
        "purge": lambda: copy.store.catalog.purge_table("gold.fact_filings"),
        "new namespace": lambda: copy.store.catalog.create_namespace("scratch"),
        "delete a file": lambda: table.io.delete(data_file),
        "write a file": lambda: table.io.new_output(data_file + ".new"),
    }
    for what, attempt in attempts.items():
        with pytest.raises(CopiedHomeError, match=COPIED) as refused:
            attempt()
        assert isinstance(refused.value, ConfigError), what

    # The message says what happened and how to fix it.
    message = str(refused.value)
    assert str(original_home / "warehouse") in message and str(copy_home) in message
    assert f"--home {original_home}" in message and "lakehouse --home NEW_DIR pipeline run" in message

    # The CLI: exit code 1 and the same explanation, for a maintenance write and a release tag.
    runner = CliRunner()
    expire = ["maintain", "expire", "--older-than", "0s", "--retain-last", "1"]
    for args in (expire, ["release", "tag", "v-cli"]):
        result = runner.invoke(main, ["--home", str(copy_home), *args])
        assert result.exit_code == 1 and COPIED in result.output, result.output
    result = runner.invoke(main, ["--home", str(copy_home), "maintain", "orphans", "--older-than", "0s"])
    assert result.exit_code == 1 and "Nothing was deleted" in result.output

    # Reads through the Flight server work too.
    with running_server(copy.store, copy.settings) as server:
        client = connect(f"grpc://127.0.0.1:{server.port}")
        assert client.sql("SELECT count(*) AS n FROM gold.fact_filings").column("n")[0].as_py() == rows

    assert _files(original_home) == before, "the original's files (catalog and warehouse) are unchanged"
    assert _files(copy_home / "warehouse") == copy_warehouse_before, "nothing was written in the copy either"

    # The original owns its warehouse and still writes.
    original = Lakehouse.open(test_settings(original_home))
    assert original.store.append("gold.fact_filings", filings(n_docs=1)) is not None


def test_a_moved_home_refuses_writes_and_a_new_home_is_writable(tmp_path: Path):
    original = Lakehouse.open(test_settings(tmp_path / "original"))
    original.store.init_tables()
    shutil.move(tmp_path / "original", tmp_path / "moved")
    moved = Lakehouse.open(test_settings(tmp_path / "moved"))
    with pytest.raises(CopiedHomeError, match=COPIED):
        moved.store.append("gold.fact_filings", filings(n_docs=1))
    assert not (tmp_path / "original").exists(), "nothing was recreated at the old place"

    fresh = Lakehouse.open(test_settings(tmp_path / "fresh"))
    fresh.store.init_tables()
    assert fresh.store.append("gold.fact_filings", filings(n_docs=1)) is not None


def test_a_symlinked_warehouse_is_the_homes_own_but_a_copy_sharing_it_is_read_only(tmp_path: Path):
    # A warehouse on another disk, linked into the home: the home's own, writable.
    (tmp_path / "disk" / "warehouse").mkdir(parents=True)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "warehouse").symlink_to(tmp_path / "disk" / "warehouse")
    home = Lakehouse.open(test_settings(tmp_path / "home"))
    home.store.init_tables()
    assert home.store.append("gold.fact_filings", filings(n_docs=1)) is not None

    # A copy that keeps the link shares the files: two catalogs over one warehouse must not both write.
    shutil.copytree(tmp_path / "home", tmp_path / "copy", symlinks=True)
    before = _files(tmp_path / "disk")
    copy = Lakehouse.open(test_settings(tmp_path / "copy"))
    assert copy.store.read("gold.fact_filings").num_rows == home.store.read("gold.fact_filings").num_rows
    with pytest.raises(CopiedHomeError, match=COPIED):
        copy.store.append("gold.fact_filings", filings(n_docs=1))
    assert _files(tmp_path / "disk") == before
