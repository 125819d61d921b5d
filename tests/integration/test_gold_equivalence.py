"""Incremental Gold equals a full rebuild, row for row, after each of three batches.

Batch 1: the real 2025 index and Pelosi's PTR. Batch 2: Greene's two PTRs and an amended PTR of
Pelosi's (rendered for this test in the Clerk's layout; it re-files her NVDA purchase with another
amount). Batch 3: a new extractor version and ``--reextract``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from catalog.registry import iter_specs
from core.asof import AsOf
from jobs.silver.ptr_pdf import EXTRACTOR_VERSION
from lakehouse.app import Lakehouse
from synthetic import SyntheticFiling, SyntheticTransaction, render_ptr_pdf
from tests.conftest import build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

GOLD = [s.identifier for s in iter_specs("gold")]
AMENDMENT = "20099001"


def gold_rows(app: Lakehouse) -> dict[str, list[tuple]]:
    out = {}
    for name in GOLD:
        rows = app.store.read(name).to_pylist()
        out[name] = sorted(tuple((k, str(v)) for k, v in sorted(r.items())) for r in rows)
    return out


def amended_pelosi_ptr() -> bytes:
    nvda = SyntheticTransaction(
        line_no=1, owner="SP", asset_name="NVIDIA Corporation - Common Stock", ticker="NVDA", asset_type="ST",
        transaction_type="purchase", transaction_date=dt.date(2025, 1, 14), notification_date=dt.date(2025, 1, 14),
        amount_range="$500,001 - $1,000,000", cap_gains_over_200=False, filing_status="Amended",
        subholding_of=None, description="Amends the amount reported in DocID 20026590.")
    filing = SyntheticFiling(doc_id=AMENDMENT, prefix="Hon.", last="Pelosi", first="Nancy", suffix="", filing_type="P",
                             state_dst="CA11", year=2025, filing_date=dt.date(2025, 2, 3), is_paper=False,
                             transactions=(nvda,))
    return render_ptr_pdf(filing)


def add_index_record(root, xml: str) -> None:
    record = ("  <Member>\n    <Prefix>Hon.</Prefix>\n    <Last>Pelosi</Last>\n    <First>Nancy</First>\n    <Suffix />\n"
              "    <FilingType>P</FilingType>\n    <StateDst>CA11</StateDst>\n    <Year>2025</Year>\n"
              f"    <FilingDate>2/3/2025</FilingDate>\n    <DocID>{AMENDMENT}</DocID>\n  </Member>\n")
    fin = root / "public_disc/financial-pdfs"
    (fin / "2025FD.zip").unlink(missing_ok=True)
    (fin / "2025FD.xml").write_text(xml.replace("</FinancialDisclosure>", record + "</FinancialDisclosure>"),
                                    encoding="utf-8-sig")


def rebuild(tmp_path, name: str, url: str, house_data) -> dict:
    app = Lakehouse.open(test_settings(tmp_path / name))
    app.ingest_house([2025], source=url)
    app.transform("silver")
    app.transform("gold")
    return gold_rows(app)


def test_incremental_gold_equals_full_rebuild(tmp_path, house_data, monkeypatch):
    root = build_clerk_mirror(tmp_path / "mirror", house_data)
    held_back = {}
    for doc_id in ("20026658", "20027933"):
        path = root / f"public_disc/ptr-pdfs/2025/{doc_id}.pdf"
        held_back[doc_id] = path.read_bytes()
        path.unlink()
    app = Lakehouse.open(test_settings(tmp_path / "incremental"))
    with mirror_server(root) as (url, _):
        # Batch 1: the index and one PTR.
        app.ingest_house([2025], source=url)
        app.transform("silver")
        app.transform("gold")
        first = gold_rows(app)
        assert len(first["gold.fact_transactions"]) == 9
        assert first == rebuild(tmp_path, "full1", url, house_data)

        # Batch 2: two more PTRs and an amendment of Pelosi's NVDA purchase of 2025-01-14.
        for doc_id, content in held_back.items():
            (root / f"public_disc/ptr-pdfs/2025/{doc_id}.pdf").write_bytes(content)
        (root / f"public_disc/ptr-pdfs/2025/{AMENDMENT}.pdf").write_bytes(amended_pelosi_ptr())
        add_index_record(root, (house_data / "2025FD.xml").read_text(encoding="utf-8-sig"))
        app.ingest_house([2025], source=url, retry_missing=True)  # held back: missing minutes ago
        app.transform("silver")
        gold = {r.job: r for r in app.transform("gold")}
        # Only the new filing, the three new PTRs and Pelosi's other PTR (the amendment's filer) were redone.
        assert (gold["gold.fact_transactions"].full_read, gold["gold.fact_filings"].full_read) == (False, False)
        assert gold["gold.fact_transactions"].rows_in["silver.ptr_transactions"] == 9 + 56 + 7 + 1
        assert gold["gold.fact_filings"].rows_in["silver.filings"] == 3  # the new filing + two with new PDFs
        second = gold_rows(app)
        assert second == rebuild(tmp_path, "full2", url, house_data)
        facts = app.query("select doc_id, line_no, amount_low from gold.fact_transactions "
                          "where ticker = 'NVDA' and transaction_date = DATE '2025-01-14' order by doc_id").to_pylist()
        assert facts == [{"doc_id": AMENDMENT, "line_no": 1, "amount_low": 500001}]
        assert app.query("select count(*) as n from gold.fact_transactions").to_pylist() == [{"n": 9 + 56 + 7}]

        # Batch 3: a new extractor version, re-extracted on request only.
        monkeypatch.setattr("jobs.silver.ptr_extraction.EXTRACTOR_VERSION", "ptr-pdf/test-next")
        assert {r.status for r in app.transform("silver")} == {"up_to_date"}
        results = {r.job: r for r in app.transform("silver", reextract=True)}
        assert results["silver.ptr_extraction"].rows_in == {"bronze.house_documents": 4}
        app.transform("gold")
        third = gold_rows(app)
        versions = app.query("select distinct extractor_version from gold.fact_transactions").to_pylist()
        assert versions == [{"extractor_version": "ptr-pdf/test-next"}]
        assert third == rebuild(tmp_path, "full3", url, house_data)
    # The superseded and re-extracted rows stay reachable by time travel.
    old = next(s.snapshot_id for s in app.store.snapshots("silver.ptr_transactions") if s.total_records)
    before = app.query("select distinct extractor_version from silver.ptr_transactions", AsOf(snapshot_id=old))
    assert before.to_pylist() == [{"extractor_version": EXTRACTOR_VERSION}]
