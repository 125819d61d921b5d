"""Every real index in shared/ (2018-2025) through ingest, silver and gold, audited, nothing dropped.

The Clerk's indexes hold real oddities in every year (dateless withdrawal notices, American Samoa as
'AQ00', 'KS/01', districts 'MI80', 5xxxxxxx gift-waiver DocIDs, amendments filed years later,
DocIDs listed twice); each record reaches silver.filings and gold.fact_filings with its issues in
``quality_issues``. The real older PTRs (2021 and 2024 layouts) reach gold.fact_transactions with
their filer matched. A truncated index is held back as a volume anomaly until accepted.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from core.errors import CheckFailedError
from lakehouse.app import Lakehouse
from tests.conftest import SHARED_DATA, build_clerk_mirror, mirror_server, test_settings
from tests.integration.test_checks_alerts import webhook_receiver

pytestmark = pytest.mark.slow

INDEXES = {2018: "2018FD", 2019: "2019FD", 2020: "2020FD", 2021: "2021FD", 2022: "2022FD", 2023: "2023FD",
           2024: "2024FD_partial_to_2024-08-04", 2025: "2025FD"}
#: Older real PTRs: (year, DocID) -> file in shared/data/house.
OLDER_PTRS = {(2021, "20018393"): "P_20018393_2021.pdf", (2021, "20018346"): "P_20018346_2021.pdf",
              (2024, "20024540"): "P_20024540_2024.pdf"}

#: Distinct DocIDs per index (records: 2018 3,427 with 4 repeated; 2020 2,888 with 2; 2021, 2022 one
#: each; 2025 1,618 with one listed three times).
FILINGS_PER_YEAR = {2018: 3423, 2019: 3611, 2020: 2886, 2021: 2633, 2022: 1844, 2023: 1549, 2024: 1098,
                    2025: 1616}


def doc_ids(house, stem: str) -> set[str]:
    root = ET.fromstring((house / f"{stem}.xml").read_bytes())
    return {m.findtext("DocID").strip() for m in root.iter("Member")}


@pytest.fixture(scope="module")
def lake(tmp_path_factory, house_data):
    """The real 2018-2025 indexes, the older PTRs and Pelosi's 2025 PTR, over HTTP; members loaded."""
    root = tmp_path_factory.mktemp("mirror")
    build_clerk_mirror(root, house_data, year=2025)
    for year, stem in INDEXES.items():
        if year != 2025:
            build_clerk_mirror(root, house_data, year=year, index_source=stem, pdfs=False)
    for (year, doc_id), name in OLDER_PTRS.items():
        target = root / "public_disc" / "ptr-pdfs" / str(year) / f"{doc_id}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(house_data / name, target)
    with webhook_receiver() as (hook, alerts), mirror_server(root) as (url, _):
        app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("lh"), LAKEHOUSE_ALERT_SINKS="log,webhook",
                                           LAKEHOUSE_ALERT_WEBHOOK_URL=hook))
        app.init()
        app.ingest_members(str(SHARED_DATA / "members"))
        report = app.ingest_house(sorted(INDEXES), source=url, types=("P",))
        assert report.ok, report
        app.transform("silver")
        app.transform("gold")
        yield app, root, url, alerts


def test_every_docid_of_every_index_is_in_silver_and_gold(lake, house_data):
    app, *_ = lake
    silver = app.query("select year, count(*) as n from silver.filings group by year order by year").to_pylist()
    assert {r["year"]: r["n"] for r in silver} == FILINGS_PER_YEAR
    gold = app.query("select year, count(*) as n from gold.fact_filings group by year order by year").to_pylist()
    assert {r["year"]: r["n"] for r in gold} == FILINGS_PER_YEAR
    for year, stem in INDEXES.items():
        want = doc_ids(house_data, stem)
        got = set(app.query(f"select doc_id from gold.fact_filings where year = {year}").column("doc_id").to_pylist())
        assert got == want, year


def test_rows_with_problems_carry_them(lake):
    app, *_ = lake
    rows = app.query(
        "select year, code, count(*) as n from (select year, unnest(quality_issues) as code from gold.fact_filings) "
        "group by all order by all"
    ).to_pylist()
    counts = {(r["year"], r["code"]): r["n"] for r in rows}
    assert counts == {
        # Withdrawal notices (W) the Clerk left undated.
        (2018, "missing_filing_date"): 211, (2019, "missing_filing_date"): 69, (2020, "missing_filing_date"): 33,
        (2021, "missing_filing_date"): 8, (2022, "missing_filing_date"): 20, (2023, "missing_filing_date"): 9,
        (2024, "missing_filing_date"): 11, (2025, "missing_filing_date"): 5,
        # DocIDs the index lists more than once.
        (2018, "listed_more_than_once"): 4, (2020, "listed_more_than_once"): 2,
        (2021, "listed_more_than_once"): 1, (2022, "listed_more_than_once"): 1, (2025, "listed_more_than_once"): 1,
        # Candidates' district typos: OK68, MI80 twice, PA64; and 'KS/01'.
        (2018, "district_out_of_range"): 1, (2020, "district_out_of_range"): 2, (2023, "district_out_of_range"): 1,
        (2020, "malformed_state_district"): 1,
    }
    odd = {r["doc_id"]: r for r in app.query(
        "select doc_id, state_district, state, district, doc_id_family, is_efiled, filing_date, year, "
        "quality_issues from silver.filings where doc_id in ('10036533', '10035611', '50000145', '10037721')"
    ).to_pylist()}
    assert (odd["10036533"]["state_district"], odd["10036533"]["state"]) == ("AQ00", "AS")
    assert (odd["10035611"]["state"], odd["10035611"]["district"]) == ("KS", 1)
    assert (odd["50000145"]["doc_id_family"], odd["50000145"]["is_efiled"]) == ("waiver_efiled", True)
    assert (odd["10037721"]["year"], odd["10037721"]["filing_date"].year, odd["10037721"]["quality_issues"]) == (
        2018, 2020, [])


def test_the_audit_records_the_oddities_as_warnings_not_failures(lake):
    app, *_ = lake
    rows = app.query(
        "select check_name, outcome, value from ops.check_results where table_name = 'silver.filings' "
        "and snapshot_id = (select max_by(snapshot_id, checked_at) from ops.check_results "
        "where table_name = 'silver.filings') and outcome <> 'pass' order by check_name"
    ).to_pylist()
    assert [(r["check_name"], r["outcome"], r["value"]) for r in rows] == [
        ("district is between 1 and 53", "warn", 4.0),
        ("each DocID is listed once in its index", "warn", 9.0),
        ("state_district is a state code and two digits", "warn", 1.0),
        ("the index gives a filing date", "warn", 366.0),
    ]


def test_the_older_ptrs_reach_gold_with_their_filer_matched(lake):
    app, *_ = lake
    rows = app.query(
        "select doc_id, bioguide_id, count(*) as n from gold.fact_transactions "
        "where doc_id in ('20018393', '20018346', '20024540') group by all order by doc_id"
    ).to_pylist()
    # Allen (GA12), Peters (CA52), Cohen (TN09); each PTR's rows that passed the extractor's checks.
    assert {r["doc_id"]: r["bioguide_id"] for r in rows} == {
        "20018346": "P000608", "20018393": "A000372", "20024540": "C001068"}
    eras = app.query("select doc_id, layout_era, extraction_status from silver.ptr_filings "
                     "where doc_id in ('20018346', '20018393', '20024540', '20026590') order by doc_id")
    assert [tuple(r.values()) for r in eras.to_pylist()] == [
        ("20018346", "2021_generic", "ok"), ("20018393", "2021_generic", "ok"), ("20024540", "eo_pdf", "ok"),
        ("20026590", "eo_pdf", "ok")]
    # The 2021 layout's text layer lowers some capitals; the font's glyph ids give the true letters.
    tickers = app.query("select ticker from gold.fact_transactions where doc_id = '20018393' order by line_no")
    assert tickers.column("ticker").to_pylist() == ["ALB", "DE", "DE", "FCX", "FCX", "PYPL", "SSB", "SSB", "SBUX", "VZ"]
    filings = app.query(
        "select doc_id, bioguide_id, party from gold.fact_filings where doc_id in ('20018393', '20018346', '20024540')"
    ).to_pylist()
    assert {r["doc_id"]: (r["bioguide_id"], r["party"]) for r in filings} == {
        "20018346": ("P000608", "Democrat"), "20018393": ("A000372", "Republican"), "20024540": ("C001068", "Democrat")}


def test_a_truncated_index_is_held_back_until_accepted(lake, house_data):
    app, root, url, alerts = lake
    before = app.query("select count(*) as n from gold.fact_filings where year = 2025").column("n")[0].as_py()
    silver_head = app.store.current_snapshot_id("silver.filings")
    # The real 2025 index cut to a tenth of its records, as a truncated download would leave it.
    xml = (house_data / "2025FD.xml").read_text(encoding="utf-8-sig")
    members = xml.split("<Member>")
    keep = len(members[1:]) // 10
    cut = "<Member>".join(members[: keep + 1])
    cut = cut[: cut.rindex("</Member>") + len("</Member>")] + "\n</FinancialDisclosure>\n"
    build_clerk_mirror(root, house_data, year=2025, pdfs=False)
    zipped = root / "public_disc" / "financial-pdfs" / "2025FD.zip"
    zipped.unlink()
    (root / "public_disc" / "financial-pdfs" / "2025FD.xml").write_text(cut, encoding="utf-8-sig")
    try:
        assert app.ingest_house([2025], source=url, types=()).years[0].records == keep
        alerts.clear()
        with pytest.raises(CheckFailedError) as held:
            app.transform("silver")
        message = str(held.value)
        assert "no year's index shrinks by more than 20% since it was last published" in message
        assert "year=2025, published_filings=1616, new_filings=161" in message
        assert "--accept-anomaly" in message
        assert app.store.current_snapshot_id("silver.filings") == silver_head, "the published data stays"
        assert any(a["json"]["table"] == "silver.filings" and "--accept-anomaly" in a["json"]["advice"]
                   for a in alerts), alerts
        app.transform("gold")
        assert app.query("select count(*) as n from gold.fact_filings where year = 2025").column("n")[0].as_py() \
            == before

        app.transform("silver", accept_anomaly=True)
        app.transform("gold")
        assert app.query("select count(*) as n from gold.fact_filings where year = 2025").column("n")[0].as_py() \
            == keep
    finally:
        # Put the real index back (later tests of this module, if any, see the full year).
        (root / "public_disc" / "financial-pdfs" / "2025FD.xml").unlink()
        build_clerk_mirror(root, house_data, year=2025, pdfs=False)
