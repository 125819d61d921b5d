"""Issue 20: a copied home keeps the original's absolute table paths, so ``maintain orphans`` run on
the copy would delete files of the original's warehouse. It refuses, and deletes nothing."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner

from catalog.maintenance import remove_orphan_files
from core.errors import ConfigError
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import test_settings


def test_orphans_refuses_tables_outside_the_catalogs_warehouse(tmp_path):
    original = Lakehouse.open(test_settings(tmp_path / "original"))
    original.store.init_tables()
    table = original.store.table("gold.fact_filings")
    stray = f"{table.location()}/data/stray-of-the-original.parquet"
    with table.io.new_output(stray).create() as f:
        f.write(b"PAR1 a file the original's own cleanup decides about")
    shutil.copytree(tmp_path / "original", tmp_path / "copy")

    copy = Lakehouse.open(test_settings(tmp_path / "copy"))
    with pytest.raises(ConfigError, match="outside this catalog's warehouse .*Nothing was deleted"):
        remove_orphan_files(copy.store, older_than=dt.timedelta(0))
    result = CliRunner().invoke(
        main, ["--home", str(tmp_path / "copy"), "maintain", "orphans", "--older-than", "0s"]
    )
    assert result.exit_code == 1 and "outside this catalog's warehouse" in result.output
    assert table.io.new_input(stray).exists(), "the original's files are untouched"

    # The original owns its warehouse: its cleanup runs (and finds the stray file).
    found = remove_orphan_files(original.store, older_than=dt.timedelta(0), dry_run=True)
    assert any(o.path.endswith("stray-of-the-original.parquet") for r in found for o in r.orphans)
