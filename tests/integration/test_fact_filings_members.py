"""Who filed: gold.fact_filings carries the filer's Member (bioguide_id, member_key, party), on the
real 2025 index, the real PTR PDFs and the shared congress-legislators Members.

Each expected id was checked by hand against shared/data/members (legislators_terms.csv).
"""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from click.testing import CliRunner

from catalog.registry import FACT_FILINGS
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import SHARED_DATA, build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

NEW_COLUMNS = ("bioguide_id", "member_key", "party")


@pytest.fixture(scope="module")
def gold(tmp_path_factory, house_data):
    """Members, the 2025 index and its PTR PDFs, silver and gold, all audited."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data)
    app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("lh")))
    app.ingest_members(str(SHARED_DATA / "members"))
    with mirror_server(root) as (url, _):
        app.ingest_house([2025], source=url)
    app.transform("silver")
    app.transform("gold")
    return app


def filer(app, doc_id: str) -> tuple:
    (row,) = app.query(f"select bioguide_id, party, member_key from gold.fact_filings where doc_id = '{doc_id}'"
                       ).to_pylist()
    return row["bioguide_id"], row["party"], row["member_key"]


@pytest.mark.parametrize(("doc_id", "who", "bioguide_id", "party"), [
    ("20026590", "Pelosi, PTR", "P000197", "Democrat"),
    ("20026658", "Greene, PTR", "G000596", "Republican"),
    ("20027933", "Greene, PTR", "G000596", "Republican"),
    ("20033421", "Moskowitz, PTR (PDF not held)", "M001217", "Democrat"),
    ("10066607", "Wied, new filer report", "W000829", "Republican"),
    # Filed after the filer left the House: their last seat.
    ("10071977", "Mark Green, terminated filer report", "G000590", "Republican"),
    ("20026638", "Kathy Manning, PTR filed after her term ended on 2025-01-03", "M001135", "Democrat"),
    # Candidates and others are not Members.
    ("10072764", "Pruitt, candidate's amendment", None, None),
    ("8025", "Wentzel, candidate withdrawal", None, None),
])
def test_who_filed(gold, doc_id, who, bioguide_id, party):
    got_bioguide, got_party, member_key = filer(gold, doc_id)
    assert (got_bioguide, got_party) == (bioguide_id, party), who
    if bioguide_id is None:
        assert member_key is None
    else:
        version = gold.query(f"select bioguide_id, party from gold.dim_members where member_key = {member_key}")
        assert version.to_pylist() == [{"bioguide_id": bioguide_id, "party": party}]


def test_every_matched_filing_has_its_members_party(gold):
    got = gold.query("""
        select count(*) as filings, count(bioguide_id) as matched, count(party) as with_party,
               count_if(filing_type = 'P') as ptrs, count_if(filing_type = 'P' and bioguide_id is not null) as ptr_matched
        from gold.fact_filings""").to_pylist()
    assert got == [{"filings": 1616, "matched": 568, "with_party": 568, "ptrs": 471, "ptr_matched": 471}]
    # The same filer as the PTR's transactions.
    differ = gold.query("""
        select distinct f.doc_id from gold.fact_filings f join gold.fact_transactions t using (doc_id)
        where f.bioguide_id is distinct from t.bioguide_id""")
    assert differ.num_rows == 0
    matches = gold.query("""
        select count(*) as n from gold.fact_filings f join silver.filer_matches m using (doc_id)
        where f.bioguide_id is distinct from m.bioguide_id""")
    assert matches.to_pylist() == [{"n": 0}]


def test_an_old_warehouse_gets_the_columns(gold, tmp_path):
    """A fact_filings written before the columns existed: `lakehouse init` adds them, old rows read null,
    and the next gold run recomputes the table to fill them."""
    old_spec = dataclasses.replace(FACT_FILINGS, columns=tuple(c for c in FACT_FILINGS.columns
                                                                if c.name not in NEW_COLUMNS))
    old = Lakehouse.open(test_settings(tmp_path / "old"))
    old.store.init_tables([old_spec])
    rows = gold.store.read("gold.fact_filings", columns=[c.name for c in old_spec.columns])
    old.store.append("gold.fact_filings", rows.filter(pc.is_in(rows["doc_id"], pa.array(["20026590", "10071977"]))))
    assert "bioguide_id" not in old.store.table("gold.fact_filings").schema().column_names

    result = CliRunner().invoke(main, ["--home", str(old.settings.home), "init"])
    assert result.exit_code == 0, result.output
    assert "evolved gold.fact_filings: added bioguide_id, member_key, party" in result.output.splitlines()
    schema = old.store.table("gold.fact_filings").schema()
    assert schema.column_names[-3:] == list(NEW_COLUMNS)
    now = old.store.read("gold.fact_filings", columns=["doc_id", *NEW_COLUMNS]).sort_by("doc_id").to_pylist()
    assert now == [{"doc_id": d, "bioguide_id": None, "member_key": None, "party": None}
                   for d in ("10071977", "20026590")]
    assert old.store.evolved_since_write("gold.fact_filings")  # so the next gold run recomputes it
    again = CliRunner().invoke(main, ["--home", str(old.settings.home), "init"])
    assert again.output == "all tables up to date\n"

