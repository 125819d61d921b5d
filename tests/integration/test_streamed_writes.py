"""Full rebuilds stream from DuckDB into Iceberg files (bounded memory) and still commit once or not at all."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

import catalog.writes
from core.errors import JobError
from jobs.gold.fact_filings import JOB as FACT_FILINGS_JOB
from jobs.runner import run_job


@pytest.fixture
def store(lakehouse):
    lakehouse.store.init_tables()
    return lakehouse.store


def _filings(doc_ids: list[str], years: list[int]) -> pa.Table:
    return pa.table({"doc_id": doc_ids, "year": years, "filing_type": ["P"] * len(doc_ids),
                     "pdf_url": [f"https://x/{d}.pdf" for d in doc_ids]})


def _reader(batches: list[pa.Table], fail_after: int | None = None) -> pa.RecordBatchReader:
    schema = batches[0].schema

    def gen():
        for i, table in enumerate(batches):
            if fail_after is not None and i == fail_after:
                raise ValueError("the source broke mid-stream")
            yield from table.to_batches()

    return pa.RecordBatchReader.from_batches(schema, gen())


def test_a_streamed_replace_fans_out_by_partition_and_commits_one_delete_and_one_append(store, monkeypatch):
    store.append("silver.filings", _filings(["1", "2"], [2020, 2020]))
    before = store.current_snapshot_id("silver.filings")
    # Every batch piece becomes a file: shows the fan-out splits batches that mix years.
    monkeypatch.setattr(catalog.writes, "STREAM_FLUSH_BYTES", 1)
    batches = [_filings(["10", "11", "12"], [2023, 2025, 2023]), _filings(["13", "14"], [2025, 2025])]
    snapshot = store.replace("silver.filings", _reader(batches), {"lakehouse.run-id": "r1"})

    rows = store.read("silver.filings", columns=["doc_id", "year"]).sort_by("doc_id").to_pylist()
    assert rows == [{"doc_id": "10", "year": 2023}, {"doc_id": "11", "year": 2025}, {"doc_id": "12", "year": 2023},
                    {"doc_id": "13", "year": 2025}, {"doc_id": "14", "year": 2025}]
    files = store.table("silver.filings").inspect.files().to_pylist()
    by_file = sorted((f["partition"]["year"], f["record_count"]) for f in files)
    # Batch 1 -> a 2023 file (2 rows) and a 2025 file (1 row); batch 2 -> a 2025 file (2 rows).
    assert by_file == [(2023, 2), (2025, 1), (2025, 2)]
    table = store.table("silver.filings")
    head = table.snapshot_by_id(snapshot)
    parent = table.snapshot_by_id(head.parent_snapshot_id)
    assert (parent.summary.operation.value, parent.parent_snapshot_id) == ("delete", before)
    assert head.summary.operation.value == "append"
    assert head.summary["lakehouse.run-id"] == parent.summary["lakehouse.run-id"] == "r1"


def test_a_stream_that_breaks_midway_commits_nothing(store):
    store.append("silver.filings", _filings(["1", "2"], [2020, 2021]))
    before = store.current_snapshot_id("silver.filings")
    batches = [_filings(["10"], [2023]), _filings(["11"], [2025])]
    with pytest.raises(ValueError, match="mid-stream"):
        store.replace("silver.filings", _reader(batches, fail_after=1), {})
    assert store.current_snapshot_id("silver.filings") == before
    assert sorted(store.read("silver.filings", columns=["doc_id"]).column(0).to_pylist()) == ["1", "2"]


def test_a_full_rebuild_streams_and_equals_the_materialised_result(store):
    store.append("silver.filings", _filings([str(20000000 + i) for i in range(500)], [2023 + i % 3 for i in range(500)]))
    first = run_job(store, FACT_FILINGS_JOB, run_id="r1")
    rebuilt = run_job(store, FACT_FILINGS_JOB, run_id="r2", full_refresh=True)
    assert (first.rows_out, rebuilt.rows_out, rebuilt.full_read) == (500, 500, True)
    rows = store.read("gold.fact_filings", columns=["doc_id", "year"]).sort_by("doc_id")
    assert rows.column("doc_id").to_pylist() == [str(20000000 + i) for i in range(500)]
    assert rows.column("year").to_pylist() == [2023 + i % 3 for i in range(500)]
    assert sorted(f["partition"]["year"] for f in store.table("gold.fact_filings").inspect.files().to_pylist()) \
        == [2023, 2024, 2025]


def test_a_transform_failing_while_it_streams_is_a_job_error_and_changes_nothing(store):
    doc_ids = [str(20000000 + i) for i in range(300_000)]
    store.append("silver.filings", _filings(doc_ids, [2025] * len(doc_ids)))
    assert run_job(store, FACT_FILINGS_JOB, run_id="r1").rows_out == 300_000
    before = store.current_snapshot_id("gold.fact_filings")

    def failing(**inputs):
        facts = FACT_FILINGS_JOB.transform(**inputs)
        # DuckDB only meets the bad value deep in the stream (after the first batches were written).
        bad = facts.doc_id.cast("int64") == 20299999
        return facts.mutate(year=ibis.ifelse(bad, ibis.literal("not a year").cast("int32"), facts.year))

    job = dataclasses.replace(FACT_FILINGS_JOB, transform=failing)
    with pytest.raises(JobError, match="the transform failed, gold.fact_filings is unchanged"):
        run_job(store, job, run_id="r2", full_refresh=True)
    assert store.current_snapshot_id("gold.fact_filings") == before
    assert store.row_count("gold.fact_filings") == 300_000
    # Some files were written before DuckDB failed (the failure was mid-stream); none is referenced.
    table = store.table("gold.fact_filings")
    on_disk = {str(p) for p in Path(table.location().removeprefix("file://")).rglob("*.parquet")}
    referenced = {f.removeprefix("file://") for f in table.inspect.files().column("file_path").to_pylist()}
    assert referenced < on_disk
