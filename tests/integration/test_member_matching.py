"""Members from shared/data/members and the real 2025 House index, matched by the silver jobs.

Every figure was checked by hand against legislators_terms.csv (the README has the summary): all
106 distinct 2025 PTR filers are Members and each matches exactly one of them.
"""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from jobs.bronze.members import ingest_members
from lakehouse.app import Lakehouse
from lakehouse.cli import main
from tests.conftest import SHARED_DATA, build_clerk_mirror, mirror_server, test_settings

pytestmark = pytest.mark.slow

MEMBERS_DIR = SHARED_DATA / "members"
MATCH_TABLES = ("silver.members", "silver.member_terms", "silver.filer_matches", "silver.member_match_issues")

PTR_FILERS = """
    select f.last_name, f.first_name, f.state_district,
           string_agg(distinct m.match_status, ',') as statuses,
           string_agg(distinct m.match_rule, ',') as rules,
           string_agg(distinct coalesce(m.bioguide_id, '-'), ',') as bioguide_ids
    from silver.filings f join silver.filer_matches m using (doc_id)
    where f.filing_type = 'P'
    group by all order by all
"""


@pytest.fixture(scope="module")
def matched(tmp_path_factory, house_data):
    """A lakehouse with the shared Members and the 2025 index (no PDFs), silver built."""
    root = build_clerk_mirror(tmp_path_factory.mktemp("mirror"), house_data, pdfs=False)
    app = Lakehouse.open(test_settings(tmp_path_factory.mktemp("lh")))
    app.init()
    report = ingest_members(app.store, app.settings, str(MEMBERS_DIR))
    with mirror_server(root) as (url, _):
        app.ingest_house([2025], source=url, types=())
    results = {r.job: r for r in app.transform("silver")}
    return app, report, results, url


def test_members_ingested_from_the_shared_directory(matched):
    app, report, *_ = matched
    assert (report.status, report.members, report.terms) == ("ingested", 1143, 4545)
    assert [p.rsplit("/", 1)[1] for p in report.sources] == [
        "legislators-current.yaml", "supplement_pre_2012-09_departures.yaml", "legislators_terms.csv"]
    got = app.query("""
        select count(*) as terms, count(distinct bioguide_id) as members,
               count_if(end_is_scheduled)::int as scheduled, count_if(chamber = 'senate')::int as senate,
               count_if(chamber = 'senate' and district is not null)::int as bad,
               count_if(start_date >= end_date)::int as empty
        from silver.member_terms""").to_pylist()
    assert got == [dict(terms=4545, members=1143, scheduled=112, senate=399, bad=0, empty=0)]
    waltz = app.query("select district, start_date, end_date, end_is_scheduled from silver.member_terms "
                      "where bioguide_id = 'W000823' order by term_no desc limit 1").to_pylist()
    assert [tuple(map(str, r.values())) for r in waltz] == [("6", "2025-01-03", "2025-01-29", "True")]


def test_the_106_ptr_filers(matched):
    app = matched[0]
    filers = app.query(PTR_FILERS).to_pylist()
    assert len(filers) == 106
    # Each filer's filings all got the same answer.
    assert all("," not in f["statuses"] and "," not in f["bioguide_ids"] for f in filers)
    by_status: dict[str, list[str]] = {}
    for f in filers:
        by_status.setdefault(f["statuses"], []).append(f"{f['last_name']} {f['state_district']}")
    assert {s: len(names) for s, names in by_status.items()} == {"matched": 106}
    assert by_status.get("ambiguous", []) == []
    assert by_status.get("not_a_member", []) == []
    rules = {}
    for f in filers:
        rules.setdefault(f["rules"], []).append(f"{f['last_name']} {f['state_district']}")
    assert {r: len(names) for r, names in rules.items()} == {
        "seat_last_name": 104, "state_last_first_name": 1, "former_member": 1}
    assert rules["state_last_first_name"] == ["McCormick GA06"]  # in GA07 since 2025; Rich ~ Richard
    assert rules["former_member"] == ["Manning NC06"]           # left 2025-01-03, filed 2025-01-27
    # 106 filers, 106 different Members (Smith WA09/NE03, Miller WV01/OH07 and Lee FL15/NV03 included).
    assert len({f["bioguide_ids"] for f in filers}) == 106


@pytest.mark.parametrize("last, first, state_district, bioguide_id", [
    ("Pelosi", "Nancy", "CA11", "P000197"),
    ("Greene", "Marjorie Taylor", "GA14", "G000596"),
    ("Collins", "Michael A.", "GA10", "C001129"),
    ("Bilirakis", "Gus M.", "FL12", "B001257"),
    ("Green", "Mark Dr", "TN07", "G000590"),
    ("Dunn", "Neal Patrick MD, Facs", "FL02", "D000628"),
    ("Fleischmann", 'Charles J. "Chuck"', "TN03", "F000459"),
    ("Dingell", "Debbie", "MI06", "D000624"),
    ("Latta", "Robert E.", "OH05", "L000566"),
    ("Smith", "Adam", "WA09", "S000510"),
    ("Smith", "Adrian", "NE03", "S001172"),
    ("Jackson", "Jonathan", "IL01", "J000309"),
    ("Johnson", "Julie", "TX32", "J000310"),
    ("Miller", "Carol Devine", "WV01", "M001205"),
    ("Miller", "Max", "OH07", "M001222"),
    ("Gonzalez", "Vicente", "TX34", "G000581"),
    ("Norton", "Eleanor Holmes", "DC00", "N000147"),
    ("Delaney", "April McClain", "MD06", "M001232"),
    ("Wasserman Schultz", "Debbie", "FL25", "W000797"),
    ("Khanna", "Rohit", "CA17", "K000389"),
    ("McCormick", "Richard Dean Dr", "GA06", "M001218"),
    ("Manning", "Kathy", "NC06", "M001135"),
    ("Waltz", "Michael", "FL06", "W000823"),
])
def test_specific_ptr_filers(matched, last, first, state_district, bioguide_id):
    app = matched[0]
    rows = {r["bioguide_ids"] for r in app.query(PTR_FILERS).to_pylist()
            if (r["last_name"], r["first_name"], r["state_district"]) == (last, first, state_district)}
    assert rows == {bioguide_id}


def test_every_filing_of_the_index(matched):
    app = matched[0]
    got = app.query("select match_status, coalesce(match_rule, '-') as rule, count(*) as n "
                    "from silver.filer_matches group by all order by all").to_pylist()
    assert got == [dict(match_status="matched", rule="former_member", n=78),
                   dict(match_status="matched", rule="seat_last_name", n=484),
                   dict(match_status="matched", rule="state_last_first_name", n=6),
                   dict(match_status="not_a_member", rule="-", n=1048)]
    issues = app.query("select match_status, count(*) as n, count_if(candidates = '')::int as empty, "
                       "count_if(reason like '%does not fit%')::int as near, "
                       "count_if(reason like 'a candidate''s filing%')::int as candidate "
                       "from silver.member_match_issues group by 1")
    # 'near': a Member of the state has the last name but another first name (7 extension requests);
    # 'candidate': a candidate's report names a seat whose Member of that last name is someone else.
    assert issues.to_pylist() == [dict(match_status="not_a_member", n=1048, empty=1048, near=7, candidate=12)]
    # Termination reports of Members who left in January, a new Senator's exemption, a candidate.
    some = {r["doc_id"]: (r["match_status"], r["match_rule"], r["bioguide_id"]) for r in app.query(
        "select * from silver.filer_matches where doc_id in ('10071977', '10063324', '10063230', '8220725', "
        "'10072213')").to_pylist()}
    assert some == {"10071977": ("matched", "former_member", "G000590"),
                    "10063324": ("matched", "former_member", "F000465"),
                    "10063230": ("matched", "former_member", "P000618"),
                    "8220725": ("matched", "state_last_first_name", "B001303"),
                    "10072213": ("not_a_member", None, None)}
    cuellar = app.query("select reason from silver.member_match_issues where doc_id = '10072213'").to_pylist()
    assert cuellar[0]["reason"] == (
        "a candidate's filing (type C): no Member named Cuellar with a compatible first name held the seat "
        "TX15 on 2025-11-13 or left Congress in the 400 days before; Members of that last name in TX then: "
        "Henry Cuellar (C001063)")


def test_gold_dim_members_is_built_from_the_members(matched):
    app = matched[0]
    app.transform("gold")
    got = app.query("select party, chamber, state, district, valid_from, valid_to, is_current "
                    "from gold.dim_members where bioguide_id = 'P000197' order by version").to_pylist()
    versions = [(r["state"], r["district"], str(r["valid_from"]), str(r["valid_to"]), r["is_current"])
                for r in got]
    assert versions == [
        ("CA", 5, "1987-01-06", "1993-01-05", False), ("CA", 8, "1993-01-05", "2013-01-03", False),
        ("CA", 12, "2013-01-03", "2023-01-03", False), ("CA", 11, "2023-01-03", "2027-01-03", True)]
    assert {(r["party"], r["chamber"]) for r in got} == {("Democrat", "house")}


def test_reruns_add_no_snapshot(matched):
    app = matched[0]
    before = {t: len(app.store.table(t).snapshots()) for t in MATCH_TABLES}
    again = ingest_members(app.store, app.settings, str(MEMBERS_DIR))
    assert again.status == "unchanged"
    statuses = {r.job: r.status for r in app.transform("silver")}
    assert statuses["silver.filer_matches"] == statuses["silver.member_match_issues"] == "up_to_date"
    assert {t: len(app.store.table(t).snapshots()) for t in MATCH_TABLES} == before


def test_a_changed_filing_is_rematched_alone(matched, tmp_path, house_data):
    """The Clerk drops Pelosi's PTR from the index: only that filing's match and nothing else changes."""
    app = matched[0]
    xml = (house_data / "2025FD.xml").read_text(encoding="utf-8-sig")
    start = xml.index("<Member>", xml.index("<DocID>20026590</DocID>") - 400)
    end = xml.index("</Member>", start) + len("</Member>")
    root = tmp_path / "mirror2"
    build_clerk_mirror(root, house_data, pdfs=False)
    (root / "public_disc/financial-pdfs/2025FD.zip").unlink()
    (root / "public_disc/financial-pdfs/2025FD.xml").write_text(xml[:start] + xml[end:], encoding="utf-8-sig")
    with mirror_server(root) as (url, _):
        app.ingest_house([2025], source=url, types=())
    results = {r.job: r for r in app.transform("silver")}
    job = results["silver.filer_matches"]
    assert (job.status, job.full_read, job.rows_in["silver.filings"]) == ("committed", False, 0)
    assert app.query("select count(*) as n, count_if(doc_id = '20026590') as pelosi "
                     "from silver.filer_matches").to_pylist() == [dict(n=1615, pelosi=0)]
    issues = results["silver.member_match_issues"]
    # Pelosi had no issue: the job reads that one key, recomputes nothing different, and writes no
    # data (only its watermark moves).
    assert (issues.status, issues.full_read, issues.rows_out) == ("no_changes", False, 0)
    assert issues.rows_in["silver.filer_matches"] == 0
    assert app.query("select count(*) as n from silver.member_match_issues").to_pylist() == [dict(n=1048)]


def test_cli_ingests_members_from_a_file_and_over_http(tmp_path):
    home = str(tmp_path / "lh")
    runner = CliRunner()
    first = runner.invoke(main, ["--home", home, "ingest", "members", "--source",
                                 str(MEMBERS_DIR / "legislators_terms.csv")])
    assert first.exit_code == 0, first.output
    assert "ingested (1143 members, 3966 terms)" in first.output
    again = runner.invoke(main, ["--home", home, "ingest", "members", "--source",
                                 str(MEMBERS_DIR / "legislators_terms.csv")])
    assert "unchanged (1143 members, 3966 terms)" in again.output
    # A mirror of the published layout: legislators-current.yaml and legislators-historical.yaml.
    site = tmp_path / "site"
    site.mkdir()
    shutil.copyfile(MEMBERS_DIR / "legislators-current.yaml", site / "legislators-current.yaml")
    shutil.copyfile(MEMBERS_DIR / "supplement_pre_2012-09_departures.yaml",
                    site / "legislators-historical.yaml")
    with mirror_server(site) as (url, _):
        over_http = runner.invoke(main, ["--home", home, "ingest", "members", "--source", url])
        missing = runner.invoke(main, ["--home", str(tmp_path / "lh2"), "ingest", "members", "--source",
                                       f"{url}/nothing-here/"])
    assert over_http.exit_code == 0, over_http.output
    assert "ingested (543 members, 2798 terms)" in over_http.output
    assert missing.exit_code == 1 and "HTTP 404" in missing.output
    bad = runner.invoke(main, ["--home", home, "ingest", "members", "--source", str(tmp_path / "nope")])
    assert bad.exit_code == 1 and "neither an http(s) URL nor an existing file or directory" in bad.output
