"""Maintenance on every storage setup, through the CLI: releases (tags), snapshot expiry, orphan files,
compaction. One lakehouse per setup runs the real pipeline, then a newer index arrives; the tests
below run in file order on it, as an operator would over time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Iterator

import pyarrow as pa
import pytest
from click.testing import CliRunner, Result

from catalog.maintenance import MAINTENANCE_KEY, compact, expire_snapshots, parse_age, parse_cutoff
from catalog.registry import HOUSE_FD_INDEX
from core.errors import LakehouseError
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import build_clerk_mirror, mirror_server
from tests.integration.conftest import Lake, build_mirror_without, close

pytestmark = pytest.mark.slow

PELOSI = "20026590"
COUNT = f"select count(*) as n, count_if(doc_id = '{PELOSI}') as pelosi from gold.fact_filings"
PROBE = dataclasses.replace(HOUSE_FD_INDEX, identifier="ops.compaction_probe")
"""A partitioned table (year) filled with real index rows in many small appends."""


@dataclasses.dataclass
class Maintained:
    lake: Lake
    app: Lakehouse
    urls: tuple[str, str]


@pytest.fixture(scope="module")
def lh(storage, tmp_path_factory, house_data) -> Iterator[Maintained]:
    """The real 2025 pipeline on ``storage``; ``urls[1]`` serves a newer index without one filing."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    changed = build_mirror_without(tmp_path_factory.mktemp("mirror-changed"), house_data, PELOSI)
    lake = storage.new_lake(tmp_path_factory.mktemp(f"maint-{storage.name}"))
    with mirror_server(root) as (url, _), mirror_server(changed) as (changed_url, _), lake.environment():
        app = Lakehouse.open(lake.settings)
        app.ingest_house([2025], source=url)
        app.transform("silver"), app.transform("gold")
        yield Maintained(lake, app, (url, changed_url))
        close(app)


@pytest.fixture
def cli(lh, lake_env):
    """Run ``lakehouse ARGS…`` against the module's lakehouse, configured through the environment only."""
    lake_env(lh.lake)

    def run(*args: str, code: int = 0) -> Result:
        result = CliRunner().invoke(main, list(args))
        assert result.exit_code == code, result.output
        return result

    return run


def _snapshot_counts(app: Lakehouse) -> dict[str, int]:
    return {t: len(app.store.table(t).snapshots()) for t in app.store.list_tables()}


def _data_files(app: Lakehouse, table: str) -> list[str]:
    return [t.file.file_path for t in app.store.table(table).scan().plan_files()]


def _gold_tables(app: Lakehouse) -> list[str]:
    return [t for t in app.store.list_tables() if t.startswith("gold.") and app.store.current_snapshot_id(t)]


# -- releases -------------------------------------------------------------------------------------


def test_release_tag_pins_every_gold_table(lh, cli):
    out = cli("release", "tag", "r2025.1").output
    gold = _gold_tables(lh.app)
    assert len(gold) >= 4
    for table in gold:
        assert re.search(
            rf"^{re.escape(table)}\s+created\s+{lh.app.store.current_snapshot_id(table)}$", out, re.M
        )
        assert lh.app.store.table(table).metadata.refs[
            "r2025.1"
        ].snapshot_id == lh.app.store.current_snapshot_id(table)
    cli("release", "tag", "latest")
    # Tagging again with nothing changed is a no-op, not an error.
    assert all(
        re.search(rf"^{re.escape(t)}\s+unchanged", cli("release", "tag", "r2025.1").output, re.M)
        for t in gold
    )

    # The Clerk publishes a newer index: gold moves on, the release does not.
    (year,) = lh.app.ingest_house([2025], source=lh.urls[1], types=()).years
    assert year.index_status == "ingested"
    lh.app.transform("silver"), lh.app.transform("gold")
    assert lh.app.query(COUNT).to_pylist() == [{"n": 1615, "pelosi": 0}]
    tagged = cli("query", "--tag", "r2025.1", "--format", "csv", COUNT)
    assert tagged.output.splitlines() == ['"n","pelosi"', "1616,1"]

    refused = cli("release", "tag", "r2025.1", code=1)
    assert "already exists" in refused.output and "--force" in refused.output
    assert cli("query", "--tag", "r2025.1", "--format", "csv", COUNT).output.splitlines()[1] == "1616,1"
    assert "moved" in cli("release", "tag", "latest", "--force").output
    assert cli("query", "--tag", "latest", "--format", "csv", COUNT).output.splitlines()[1] == "1615,0"
    assert "not a usable release name" in cli("release", "tag", "bad name", code=1).output


# -- compaction -----------------------------------------------------------------------------------


def test_compact_small_files_into_one_per_partition(lh, cli):
    store = lh.app.store
    store.init_tables([PROBE])
    rows = store.read("bronze.house_fd_index")
    rows = rows.set_column(
        rows.schema.get_field_index("year"),
        "year",
        pa.array([2024 if i % 2 else 2025 for i in range(rows.num_rows)], pa.int32()),
    )
    appended_at = []
    for chunk in range(12):  # 12 small commits, as a frequent ingest would leave them
        store.append(PROBE.identifier, rows.slice(chunk * 250, 250))
        appended_at.append(store.current_snapshot_id(PROBE.identifier))
    before = store.read(PROBE.identifier)
    files_before = _data_files(lh.app, PROBE.identifier)
    assert len(files_before) == 24  # 12 appends x 2 partitions

    out = cli("maintain", "compact", PROBE.identifier).output
    assert re.search(r"24 -> 2 files \(2 partition\(s\), \d+ rows rewritten\)", out), out
    table = store.table(PROBE.identifier)
    snap = table.current_snapshot()
    assert snap.summary.operation.value == "overwrite" and snap.summary[MAINTENANCE_KEY] == "compact"
    assert snap.parent_snapshot_id == appended_at[-1]  # ONE snapshot
    assert len(_data_files(lh.app, PROBE.identifier)) == 2
    after = store.read(PROBE.identifier)
    key = [("year", "ascending"), ("record_no", "ascending"), ("ingested_at", "ascending")]
    assert after.sort_by(key).equals(before.sort_by(key))
    # Incremental readers see nothing new after a compaction, and rows appended before it once.
    appended, full = store.read_appended(PROBE.identifier, after=appended_at[-1], upto=snap.snapshot_id)
    assert (appended.num_rows, full) == (0, False)
    appended, _ = store.read_appended(PROBE.identifier, after=appended_at[5], upto=snap.snapshot_id)
    assert appended.num_rows == 6 * 250
    # Nothing left to do: no new snapshot.
    assert "nothing to compact" in cli("maintain", "compact", PROBE.identifier).output
    assert store.current_snapshot_id(PROBE.identifier) == snap.snapshot_id


def test_compacting_a_pipeline_input_changes_nothing_downstream(lh):
    """bronze.house_fd_index holds both index versions (2 files); silver reads it incrementally."""
    store = lh.app.store
    assert len(_data_files(lh.app, "bronze.house_fd_index")) == 2
    before = {t: store.read(t) for t in ("bronze.house_fd_index", "silver.filings", "gold.fact_filings")}
    counts = _snapshot_counts(lh.app)
    result = compact(store, "bronze.house_fd_index")
    assert (result.files_before, result.files_after, result.rows_rewritten) == (2, 1, 1618 + 1617)
    head = store.table("bronze.house_fd_index").current_snapshot()
    # The compaction carries the index checksum forward, so an unchanged index is still recognised.
    assert any(k.startswith("lakehouse.index.2025") for k in head.summary.additional_properties)
    results = lh.app.transform("silver") + lh.app.transform("gold")
    assert {r.status for r in results} <= {"up_to_date", "no_changes"}
    assert _snapshot_counts(lh.app) == counts | {"bronze.house_fd_index": counts["bronze.house_fd_index"] + 1}
    key = [("doc_id", "ascending"), ("record_no", "ascending"), ("ingested_at", "ascending")]
    for table, rows in before.items():
        now = store.read(table)
        sort = key if table.startswith("bronze") else [("doc_id", "ascending")]
        assert now.sort_by(sort).equals(rows.sort_by(sort)), table
    (year,) = lh.app.ingest_house([2025], source=lh.urls[1], types=()).years
    assert year.index_status == "unchanged"


# -- snapshot expiry ------------------------------------------------------------------------------


def test_expire_keeps_tags_branch_heads_and_resume_points(lh, cli):
    store = lh.app.store
    counts = _snapshot_counts(lh.app)
    first = store.snapshots("silver.filings")[0]
    first_silver = first.snapshot_id
    dry = cli("maintain", "expire", "--older-than", "0s", "--retain-last", "1", "--dry-run").output
    assert "would expire" in dry and _snapshot_counts(lh.app) == counts

    cli("maintain", "expire", "--older-than", "0s", "--retain-last", "1")
    after = _snapshot_counts(lh.app)
    assert sum(after.values()) < sum(counts.values())
    for name in store.list_tables():
        table = store.table(name)
        live = {s.snapshot_id for s in table.snapshots()}
        assert {ref.snapshot_id for ref in table.metadata.refs.values()} <= live  # tags and branch heads
        if table.current_snapshot() is not None:
            assert table.current_snapshot().snapshot_id in live
    assert first_silver not in {s.snapshot_id for s in store.table("silver.filings").snapshots()}
    gone = cli("query", "--snapshot", str(first_silver), "select count(*) from silver.filings", code=1)
    assert f"Snapshot {first_silver} belongs to none" in gone.output
    before = cli(
        "query", "--as-of", first.committed_at.isoformat(), "select count(*) from silver.filings", code=1
    )
    assert "did not exist yet" in before.output and "maintain expire" in before.output
    # Releases survive, and the jobs resume where they were: nothing recomputed, nothing committed.
    assert cli("query", "--tag", "r2025.1", "--format", "csv", COUNT).output.splitlines()[1] == "1616,1"
    assert lh.app.query(COUNT).to_pylist() == [{"n": 1615, "pelosi": 0}]
    results = lh.app.transform("silver") + lh.app.transform("gold")
    assert {r.status for r in results} <= {"up_to_date", "no_changes"}, results
    assert _snapshot_counts(lh.app) == after

    # Never below --retain-last; and a cut-off in the past expires nothing.
    assert all(not r.expired for r in expire_snapshots(store, older_than=parse_cutoff("1d"), retain_last=1))
    with pytest.raises(LakehouseError, match="at least 1"):
        expire_snapshots(store, older_than=parse_cutoff("0s"), retain_last=0)
    assert "is not a duration" in cli("maintain", "orphans", "--older-than", "soon", code=1).output


# -- orphan files ---------------------------------------------------------------------------------


def test_orphans_dry_run_then_delete_only_old_unreferenced_files(lh, cli):
    store = lh.app.store
    table = store.table("silver.filings")
    stray = f"{table.location()}/data/in-flight-{time.time_ns()}.parquet"
    with table.io.new_output(stray).create() as f:  # a writer that has not committed yet
        f.write(b"PAR1 not yet committed")

    dry = cli("maintain", "orphans", "--dry-run", "--older-than", "0s")
    listed = [line.split()[-1] for line in dry.output.splitlines() if line.startswith("orphan ")]
    assert any(p.endswith(stray.rsplit("/", 1)[1]) for p in listed)
    assert any("/metadata/" in p for p in listed) and any("/data/" in p for p in listed)
    # The 24 small files compacted away are reclaimed now that the snapshots before it are expired.
    assert len([p for p in listed if "/compaction_probe/data/" in p]) == 24
    assert table.io.new_input(stray).exists()

    default = cli("maintain", "orphans")  # default: only files older than 1 day
    assert "0 orphan file(s)" in default.output and "younger than 1d kept" in default.output
    assert table.io.new_input(stray).exists()

    started = time.perf_counter()
    deleted = cli("maintain", "orphans", "--older-than", "0s")
    seconds = time.perf_counter() - started
    assert f"{len(listed)} orphan file(s)" in deleted.output and "deleted" in deleted.output, seconds
    assert not table.io.new_input(stray).exists()
    # Every live snapshot of every table still reads, and so do releases and time travel.
    for name in store.list_tables():
        for snap in store.table(name).snapshots():
            store.read(name, snapshot_id=snap.snapshot_id)
    assert cli("query", "--tag", "r2025.1", "--format", "csv", COUNT).output.splitlines()[1] == "1616,1"
    assert "0 orphan file(s)" in cli("maintain", "orphans", "--older-than", "0s").output


def test_durations_and_times_parse():
    now = dt.datetime(2025, 6, 2, tzinfo=dt.UTC)
    assert parse_age("90s") == dt.timedelta(seconds=90) and parse_age("2w") == dt.timedelta(days=14)
    assert parse_cutoff("1d", now) == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert parse_cutoff("2025-05-01T12:00:00", now) == dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC)
    with pytest.raises(LakehouseError, match="neither a duration"):
        parse_cutoff("yesterday", now)
