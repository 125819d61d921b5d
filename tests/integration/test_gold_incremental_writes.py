"""Incremental Gold writes only what changed, and still equals a full rebuild row for row.

Synthetic Silver (``benchmarks.synth``), three batches through the runner:

1. new filings only, none amending anything: Gold is *appended* to (no existing data file of
   ``gold.fact_transactions`` or ``gold.fact_filings`` is rewritten);
2. new filings, one of which amends a row of an earlier PTR of the same Member: only the data
   files holding the superseded PTR are rewritten, the others stay referenced;
3. an existing PTR re-extracted with another amount (its rows replaced in Silver).

After each batch the incremental Gold equals a ``--full-refresh`` rebuild of the same state.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from pyiceberg.expressions import EqualTo

from benchmarks.synth import append_increment, generate, write_silver
from jobs.registry import jobs_for_layer
from jobs.runner import run_job

pytestmark = pytest.mark.slow

JOBS = [j for j in jobs_for_layer("gold") if j.output != "gold.agg_trending_stocks"]
FACTS = ("gold.fact_filings", "gold.fact_transactions")


def run_gold(store, *, full: bool) -> dict:
    return {j.output: run_job(store, j, run_id="test", full_refresh=full) for j in JOBS}


def gold_rows(store) -> dict[str, list[tuple]]:
    out = {}
    for job in JOBS:
        rows = store.read(job.output).to_pylist()
        out[job.output] = sorted(tuple((k, str(v)) for k, v in sorted(r.items())) for r in rows)
    return out


def data_files(store, name: str) -> set[str]:
    return {t.file.file_path for t in store.table(name).scan().plan_files()}


def assert_equals_rebuild(store) -> None:
    incremental = gold_rows(store)
    run_gold(store, full=True)
    rebuilt = gold_rows(store)
    for name in incremental:
        assert incremental[name] == rebuilt[name], name


def amending(increment: dict[str, pa.Table], base: dict[str, pa.Table]) -> tuple[dict[str, pa.Table], str]:
    """``increment`` with one more row in a new PTR: an amendment of a row of an earlier PTR of its Member."""
    tx, matches = base["silver.ptr_transactions"], base["silver.filer_matches"]
    new_matches = increment["silver.filer_matches"]
    new_tx = increment["silver.ptr_transactions"]
    member_of = {r["doc_id"]: r["bioguide_id"] for r in matches.to_pylist() if r["bioguide_id"]}
    old_docs_of: dict[str, list[str]] = {}
    for doc in pc.unique(tx["doc_id"]).to_pylist():
        if doc in member_of:
            old_docs_of.setdefault(member_of[doc], []).append(doc)
    new_ptrs = set(pc.unique(new_tx["doc_id"]).to_pylist())
    for r in new_matches.to_pylist():
        if r["doc_id"] in new_ptrs and r["bioguide_id"] in old_docs_of:
            amendment, target = r["doc_id"], old_docs_of[r["bioguide_id"]][-1]
            break
    else:
        raise AssertionError("no new PTR of a Member with an earlier PTR")
    row = tx.filter(pc.equal(tx["doc_id"], target)).slice(0, 1).to_pylist()[0]
    lines = new_tx.filter(pc.equal(new_tx["doc_id"], amendment))["line_no"].to_pylist()
    row |= {"doc_id": amendment, "line_no": max(lines) + 1, "filing_status": "Amended", "row_checks_failed": "",
            "amount_low": 1_001, "amount_high": 15_000, "amount_range": "$1,001 - $15,000"}
    year = new_tx.filter(pc.equal(new_tx["doc_id"], amendment))["year"][0].as_py()
    row["year"] = year
    added = pa.Table.from_pylist([row], schema=new_tx.schema)
    return increment | {"silver.ptr_transactions": pa.concat_tables([new_tx, added])}, target


def test_incremental_gold_writes_only_what_changed(tmp_path):
    data = generate(20_000, seed=3, increments=3)
    app = write_silver(tmp_path / "lakehouse", data.tables)
    store = app.store
    run_gold(store, full=False)

    # Batch 1: new filings, none amending: an append; every existing data file stays referenced.
    batch = dict(data.increments[0])
    tx = batch["silver.ptr_transactions"]
    batch["silver.ptr_transactions"] = tx.set_column(
        tx.schema.get_field_index("filing_status"), "filing_status", pa.array(["New"] * tx.num_rows, pa.large_string()))
    before = {name: data_files(store, name) for name in FACTS}
    append_increment(app, batch)
    results = run_gold(store, full=False)
    for name in FACTS:
        assert (results[name].status, results[name].full_read) == ("committed", False), name
        assert store.snapshots(name)[-1].operation == "append", name
        assert before[name] < data_files(store, name), name
    assert_equals_rebuild(store)

    # Batch 2: a new PTR amends a row of an earlier PTR of the same Member: that row leaves Gold,
    # and only the files holding the earlier PTR are rewritten.
    batch, target = amending(data.increments[1], data.tables)
    before = data_files(store, "gold.fact_transactions")
    superseded = pc.equal(store.read("gold.fact_transactions", columns=["doc_id"])["doc_id"], target)
    rows_before = pc.sum(superseded).as_py()
    append_increment(app, batch)
    results = run_gold(store, full=False)
    assert (results["gold.fact_transactions"].status, results["gold.fact_transactions"].full_read) == (
        "committed", False)
    after = data_files(store, "gold.fact_transactions")
    assert before - after, "the files of the superseded PTR were rewritten"
    assert before & after, "the other files stayed as they were"
    facts = store.read("gold.fact_transactions", columns=["doc_id"])["doc_id"]
    assert pc.sum(pc.equal(facts, target)).as_py() == rows_before - 1
    assert_equals_rebuild(store)

    # Batch 3: an existing PTR re-extracted with other amounts (its Silver rows replaced).
    ptr = store.table("silver.ptr_transactions")
    doc = data.tables["silver.ptr_transactions"]["doc_id"][0].as_py()
    old = store.read("silver.ptr_transactions", row_filter=EqualTo("doc_id", doc))
    new = old.set_column(old.schema.get_field_index("amount_low"), "amount_low",
                         pc.add(old["amount_low"], pa.scalar(1, old.schema.field("amount_low").type)))
    with ptr.transaction() as t:
        t.delete(EqualTo("doc_id", doc))
        t.append(new)
    results = run_gold(store, full=False)
    assert (results["gold.fact_transactions"].status, results["gold.fact_transactions"].full_read) == (
        "committed", False)
    assert_equals_rebuild(store)
