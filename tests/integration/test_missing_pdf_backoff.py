"""A PDF the Clerk does not have (404) is asked for again with back-off across runs, not on every run.

Over real HTTP on 127.0.0.1: the real 2025 index cut to the three real PTRs, one of whose PDFs is
missing. The clock is passed in (``clock=``), so "a day later" needs no sleeping.
"""

from __future__ import annotations

import datetime as dt
import re

from click.testing import CliRunner

from jobs.bronze.house import retry_delay
from lakehouse.cli import main
from tests.conftest import REAL_PTRS, build_clerk_mirror, zip_bytes

MISSING = "20027933"
PATH = f"/public_disc/ptr-pdfs/2025/{MISSING}.pdf"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def three_ptr_mirror(root, house_data):
    """The Clerk's layout with the 2025 index cut to the real PTRs, and one of their PDFs missing."""
    build_clerk_mirror(root, house_data)
    xml = (house_data / "2025FD.xml").read_text(encoding="utf-8-sig")
    members = re.findall(r"<Member>.*?</Member>", xml, flags=re.S)
    kept = [m for m in members if re.search(r"<DocID>(\d+)</DocID>", m).group(1) in REAL_PTRS]
    assert len(kept) == 3
    head = xml[: xml.index("<Member>")]
    cut = head + "".join(kept) + "\n</FinancialDisclosure>\n"
    (root / "public_disc/financial-pdfs/2025FD.zip").write_bytes(zip_bytes({"2025FD.xml": cut.encode("utf-8-sig")}))
    pdf = root / PATH.lstrip("/")
    content = pdf.read_bytes()
    pdf.unlink()
    return content


def retries(app) -> list[dict]:
    return app.query("select doc_id, reason_code, attempts, first_failed_at, last_attempt_at, next_attempt_at "
                     "from ops.document_retries order by doc_id").to_pylist()


def test_missing_pdf_backs_off_then_lands(lakehouse, tmp_path, house_data, serve_dir):
    root = tmp_path / "mirror"
    content = three_ptr_mirror(root, house_data)
    url, handler = serve_dir(root)

    # Run 1: the PDF is missing; quarantined, and its back-off starts (1 h).
    seen: list[tuple] = []
    (first,) = lakehouse.ingest_house([2025], source=url, clock=lambda: T0,
                                      progress=lambda done, total, label=None: seen.append((label, done, total))).years
    assert seen == [("2025 index", 0, 1), ("2025 index", 1, 1), *(("2025 PDFs", n, 3) for n in range(4))]
    assert (first.documents_wanted, first.documents_fetched, first.documents_failed,
            first.documents_waiting) == (3, 2, 1, 0)
    assert handler.requests_seen.count(PATH) == 1
    assert first.next_retry_at == T0 + dt.timedelta(hours=1)
    row = lakehouse.query(f"select reason_code, reason from ops.quarantine where doc_id = '{MISSING}'").to_pylist()
    assert row == [{"reason_code": "http_404",
                    "reason": f"GET {url}{PATH} answered HTTP 404: missing (attempt 1); asked for again after "
                              "2026-03-02 10:00 UTC, or now with --retry-missing"}]
    assert retries(lakehouse) == [{"doc_id": MISSING, "reason_code": "http_404", "attempts": 1, "first_failed_at": T0,
                                   "last_attempt_at": T0, "next_attempt_at": T0 + dt.timedelta(hours=1)}]

    # Run 2, right after: the server is not asked; the report says one waited and until when.
    (second,) = lakehouse.ingest_house([2025], source=url, clock=lambda: T0 + dt.timedelta(minutes=5)).years
    assert handler.requests_seen.count(PATH) == 1
    assert (second.documents_already_held, second.documents_fetched, second.documents_failed,
            second.documents_waiting) == (2, 0, 0, 1)
    assert second.summary().endswith(
        "PDFs: 0 fetched, 2 already held, 0 failed, 1 missing left alone until their retry time; "
        "next retry of missing PDFs after 2026-03-02 10:00 UTC (--retry-missing: now)")
    assert lakehouse.query(f"select count(*) as n from ops.quarantine where doc_id = '{MISSING}'").to_pylist() == [
        {"n": 1}]

    # Run 3, two hours later: asked again, still missing; the next wait is longer (6 h).
    t3 = T0 + dt.timedelta(hours=2)
    (third,) = lakehouse.ingest_house([2025], source=url, clock=lambda: t3).years
    assert handler.requests_seen.count(PATH) == 2
    assert (third.documents_failed, third.documents_waiting) == (1, 0)
    (state,) = retries(lakehouse)
    assert (state["attempts"], state["first_failed_at"], state["next_attempt_at"]) == (2, T0, t3 + dt.timedelta(hours=6))

    # The Clerk posts it; before the back-off runs out nobody asks, after it the PDF lands and leaves the list.
    (root / PATH.lstrip("/")).write_bytes(content)
    lakehouse.ingest_house([2025], source=url, clock=lambda: t3 + dt.timedelta(hours=5))
    assert handler.requests_seen.count(PATH) == 2
    (landed,) = lakehouse.ingest_house([2025], source=url, clock=lambda: t3 + dt.timedelta(hours=6)).years
    assert handler.requests_seen.count(PATH) == 3
    assert (landed.documents_fetched, landed.documents_failed, landed.documents_waiting, landed.next_retry_at) == (
        1, 0, 0, None)
    held = lakehouse.query("select doc_id from bronze.house_documents order by doc_id").column("doc_id").to_pylist()
    assert held == sorted(REAL_PTRS)
    assert retries(lakehouse) == []


def test_retry_missing_forces_the_request_from_the_cli(lakehouse, tmp_path, house_data, serve_dir):
    root = tmp_path / "mirror"
    three_ptr_mirror(root, house_data)
    url, handler = serve_dir(root)
    home = str(lakehouse.settings.home)
    runner = CliRunner()
    ingest = ["--home", home, "ingest", "house", "--year", "2025", "--source", url]

    first = runner.invoke(main, ingest)
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ingest)
    assert again.exit_code == 0, again.output
    assert handler.requests_seen.count(PATH) == 1
    assert "0 failed, 1 missing left alone until their retry time; next retry of missing PDFs after " in again.stdout
    forced = runner.invoke(main, [*ingest, "--retry-missing"])
    assert forced.exit_code == 0, forced.output
    assert handler.requests_seen.count(PATH) == 2
    assert "PDFs: 0 fetched, 2 already held, 1 failed; next retry of missing PDFs after " in forced.stdout
    (state,) = retries(lakehouse)
    assert state["attempts"] == 2
    assert state["next_attempt_at"] - state["last_attempt_at"] == retry_delay(2) == dt.timedelta(hours=6)


def test_back_off_schedule_is_capped():
    assert [retry_delay(n) for n in range(1, 8)] == [
        dt.timedelta(hours=1), dt.timedelta(hours=6), dt.timedelta(days=1), dt.timedelta(days=3),
        dt.timedelta(days=7), dt.timedelta(days=7), dt.timedelta(days=7)]
