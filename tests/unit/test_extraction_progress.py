"""The extraction pool reports progress after every document, in order, for the terminal bar."""

from __future__ import annotations

from jobs.silver.ptr_extraction import _run_pool


def test_progress_follows_every_document():
    work = [(str(20000000 + i), 2025, "P", "0" * 64, b"not a pdf") for i in range(3)]
    seen: list[tuple[int, int]] = []
    results = _run_pool(work, workers=1, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [r.doc_id for r in results] == ["20000000", "20000001", "20000002"]
    assert {r.error[0] for r in results} == {"unreadable_pdf"}
