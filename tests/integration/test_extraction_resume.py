"""PTR extraction resumes after an interruption: published chunks stay, the re-run does the rest.

Real PTRs of the 2025 index (fetched over HTTP from 127.0.0.1), one document per chunk; the run is
interrupted while extracting the second chunk.
"""

from __future__ import annotations

import pytest

import jobs.silver.ptr_extraction as extraction
from lakehouse.app import Lakehouse
from tests.conftest import build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

COLUMNS = "doc_id, line_no, ticker, transaction_type, transaction_date, amount_range"


def loaded(tmp_path, house_data, name: str) -> Lakehouse:
    root = build_clerk_mirror(tmp_path / f"mirror-{name}", house_data)
    app = Lakehouse.open(test_settings(tmp_path / name))
    with mirror_server(root) as (url, _):
        app.ingest_house([2025], source=url, types=("P",))
    return app


def rows(app: Lakehouse) -> list[dict]:
    return app.query(f"select {COLUMNS} from silver.ptr_transactions order by doc_id, line_no").to_pylist()


def test_an_interrupted_extraction_keeps_its_chunks_and_the_rerun_finishes(tmp_path, house_data, monkeypatch):
    clean = loaded(tmp_path, house_data, "clean")
    clean.transform("silver")
    want = rows(clean)
    assert {r["doc_id"] for r in want} == {"20026590", "20026658", "20027933"}

    app = loaded(tmp_path, house_data, "interrupted")
    monkeypatch.setattr(extraction, "CHUNK_DOCUMENTS", 1)
    real_pool, calls = extraction._run_pool, []

    def pool_killed_in_the_second_chunk(work, workers, progress=None):
        calls.append([w[0] for w in work])
        if len(calls) == 2:
            raise KeyboardInterrupt  # as a Ctrl-C or a kill between two documents
        return real_pool(work, 1, progress)

    monkeypatch.setattr(extraction, "_run_pool", pool_killed_in_the_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        app.transform("silver")
    first = calls[0][0]
    assert {r["doc_id"] for r in rows(app)} == {first}, "the first chunk is published"
    assert extraction.SOURCE not in app.store.watermarks("silver.ptr_filings"), "the run is not marked done"

    calls.clear()
    monkeypatch.setattr(extraction, "_run_pool", lambda work, workers, progress=None: (
        calls.append([w[0] for w in work]) or real_pool(work, 1, progress)))
    app.transform("silver")
    assert sorted(d for chunk in calls for d in chunk) == sorted({"20026590", "20026658", "20027933"} - {first})
    assert rows(app) == want
    assert app.transform("silver")[-1].status == "up_to_date"
