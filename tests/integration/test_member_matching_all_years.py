"""Every PTR filer of the real 2018-2025 House indexes, matched to a Member or listed with a reason.

The lakehouse is built from a local directory laid out like the Clerk's site
(``public_disc/financial-pdfs/{YEAR}FD.xml``, 2024 from the partial index to 2024-08-04) and the
shared congress-legislators snapshot; no PDF is fetched. Every figure below was checked by hand
against legislators_terms.csv: the two PTR filers that are not matched are not in any
congress-legislators file (staff or officers file PTRs too).
"""

from __future__ import annotations

import shutil

import pytest

from lakehouse.app import Lakehouse
from tests.conftest import SHARED_DATA, test_settings

pytestmark = pytest.mark.slow

YEARS = range(2018, 2026)
INDEX_FILES = {year: f"{year}FD.xml" for year in YEARS} | {2024: "2024FD_partial_to_2024-08-04.xml"}

PER_YEAR = """
    select f.year,
           count(*)::int as ptrs,
           count(distinct coalesce(
               m.bioguide_id, f.last_name || '|' || f.first_name || '|' || f.state_district))::int as filers,
           count_if(m.match_status = 'matched')::int as matched,
           count_if(m.match_status = 'ambiguous')::int as ambiguous,
           count_if(m.match_status = 'not_a_member')::int as not_a_member,
           count_if(m.match_status <> 'matched' and coalesce(i.reason, '') = '')::int as no_reason,
           count_if(m.match_rule = 'seat_last_name')::int as seat,
           count_if(m.match_rule = 'state_last_first_name')::int as state,
           count_if(m.match_rule = 'former_member')::int as former
    from silver.filings f join silver.filer_matches m using (doc_id)
    left join silver.member_match_issues i using (doc_id)
    where f.filing_type = 'P'
    group by 1 order by 1
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    mirror = tmp_path_factory.mktemp("clerk")
    folder = mirror / "public_disc" / "financial-pdfs"
    folder.mkdir(parents=True)
    for year, name in INDEX_FILES.items():
        shutil.copyfile(SHARED_DATA / "house" / name, folder / f"{year}FD.xml")
    lakehouse = Lakehouse.open(test_settings(tmp_path_factory.mktemp("lh")))
    lakehouse.ingest_members(str(SHARED_DATA / "members"))
    lakehouse.ingest_house(YEARS, types=(), source=str(mirror))
    lakehouse.transform("silver")
    return lakehouse


def test_every_ptr_filer_is_matched_or_has_a_reason(app):
    got = {r.pop("year"): r for r in app.query(PER_YEAR).to_pylist()}
    columns = ("ptrs", "filers", "matched", "ambiguous", "not_a_member", "no_reason",
               "seat", "state", "former")
    assert {year: tuple(r[c] for c in columns) for year, r in got.items()} == {
        2018: (830, 111, 830, 0, 0, 0, 827, 1, 2),
        2019: (683, 116, 683, 0, 0, 0, 670, 4, 9),
        2020: (732, 119, 732, 0, 0, 0, 730, 0, 2),
        2021: (680, 124, 680, 0, 0, 0, 669, 7, 4),
        2022: (608, 115, 607, 0, 1, 0, 603, 4, 0),
        2023: (460, 102, 459, 0, 1, 0, 452, 5, 2),
        2024: (257, 85, 257, 0, 0, 0, 257, 0, 0),
        2025: (471, 106, 471, 0, 0, 0, 467, 2, 2),
    }


def test_the_ptr_filers_who_are_not_members(app):
    got = app.query("""
        select i.year, i.doc_id, i.filer_name, i.state_district, i.reason
        from silver.member_match_issues i where i.filing_type = 'P' order by 1""").to_pylist()
    assert [(r["year"], r["doc_id"], r["filer_name"], r["state_district"]) for r in got] == [
        (2022, "8218652", "Richard B. Reisdorf", "MN01"),   # a paper PTR while MN01 was vacant
        (2023, "8219483", "Ada Norah Henriquez", "PR00"),
    ]
    assert got[0]["reason"] == ("no Member named Reisdorf held the seat MN01 or served MN on 2022-04-18 or "
                                "in the 400 days before (candidates, officers and staff file too)")


FILERS = """
    select f.year, f.last_name, f.first_name, f.state_district,
           string_agg(distinct m.match_rule, ',' order by m.match_rule) as rules,
           string_agg(distinct coalesce(m.bioguide_id, '-'), ',') as ids
    from silver.filings f join silver.filer_matches m using (doc_id)
    where f.filing_type = 'P'
    group by all
"""


@pytest.mark.parametrize("year, last, first, state_district, rules, bioguide_id", [
    # Members whose term ended on 2019-01-03, filing PTRs in the 2018 or 2019 index before and after.
    (2018, "Black", "Diane", "TN06", "former_member,seat_last_name", "B001273"),
    (2018, "Polis", "Jared", "CO02", "former_member,seat_last_name", "P000598"),
    (2019, "Smith", "Lamar", "TX21", "former_member", "S000583"),
    (2019, "Blum", "Rodney Leland", "IA01", "former_member", "B001294"),    # Rod Blum, legal name
    # Same last name, same state: the seat (or the term) decides.
    (2019, "Rooney", "Thomas J.", "FL17", "former_member", "R000583"),
    (2019, "Rooney", "Francis", "FL19", "seat_last_name", "R000607"),
    (2019, "Maloney", "Carolyn B.", "NY12", "seat_last_name", "M000087"),
    (2021, "Maloney", "Sean Patrick", "NY18", "seat_last_name", "M001185"),
    (2021, "Scott", "Austin", "GA08", "seat_last_name", "S001189"),          # not David Scott, GA13
    (2023, "Garcia", "Michael", "CA27", "seat_last_name", "G000061"),        # not Robert Garcia, CA42
    # Redistricting: the old district after the new Congress met.
    (2023, "Pelosi", "Nancy", "CA12", "state_last_first_name", "P000197"),
    # Filed under MI12 before and after 2023-01-03, when her seat became MI06.
    (2023, "Dingell", "Debbie", "MI12", "seat_last_name,state_last_first_name", "D000624"),
    (2019, "Kelly", "Mike", "PA03", "state_last_first_name", "K000376"),
    # A House Member who became a Senator files under her old seat.
    (2019, "Rosen", "Jacky", "NV03", "state_last_first_name", "R000608"),
    # Name variants of the index.
    (2020, "Dunn MD, FACS", "Neal Patrick", "FL02", "seat_last_name", "D000628"),
    (2024, "Dunn, MD, FACS", "Neal Patrick", "FL02", "seat_last_name", "D000628"),
    (2021, "Hinson Arenholz", "Ashley", "IA01", "seat_last_name", "H001091"),
    (2021, "Conaway", "K. Michael", "TX11", "former_member", "C001062"),
    (2023, "Langevin", "James R.", "RI02", "former_member", "L000559"),
])
def test_specific_ptr_filers(app, year, last, first, state_district, rules, bioguide_id):
    key = (year, last, first, state_district)
    got = {(r["rules"], r["ids"]) for r in app.query(FILERS).to_pylist()
           if (r["year"], r["last_name"], r["first_name"], r["state_district"]) == key}
    assert got == {(rules, bioguide_id)}


def test_one_member_one_id_whatever_the_name_variant(app):
    """A Member's PTRs under every spelling the indexes use land on one bioguide id, and no id
    collects filings of two people (its filers' last names all match the Member's)."""
    got = app.query("""
        select m.bioguide_id, count(distinct f.last_name || '|' || f.first_name) as spellings
        from silver.filings f join silver.filer_matches m using (doc_id)
        where f.filing_type = 'P' and m.bioguide_id in ('D000628', 'F000472')
        group by 1 order by 1""").to_pylist()
    # Dunn: 'Neal P.', 'Neal Patrick MD, Facs' (and FACS), last name 'Dunn MD, FACS' and 'Dunn, MD, FACS';
    # Franklin: 'Scott', 'Scott Mr', 'C. Scott', 'Scott Scott'.
    assert got == [dict(bioguide_id="D000628", spellings=5), dict(bioguide_id="F000472", spellings=4)]
    # Letters only: the index and the Members file write O'Halleran with different apostrophes.
    mixed = app.query("""
        with n as (
            select m.bioguide_id, f.filer_name,
                   regexp_replace(lower(strip_accents(f.last_name)), '[^a-z ]', '', 'g') as filed,
                   regexp_replace(lower(strip_accents(p.last_name)), '[^a-z ]', '', 'g') as member
            from silver.filings f join silver.filer_matches m using (doc_id)
            join silver.members p on p.bioguide_id = m.bioguide_id
            where f.filing_type = 'P')
        select bioguide_id, string_agg(distinct filer_name, '; ') as names from n
        where not contains(filed, split_part(member, ' ', -1))
          and not contains(filed, split_part(member, ' ', 1))
        group by 1""").to_pylist()
    assert mixed == []


def test_candidates_and_territories_across_the_years(app):
    got = {r["doc_id"]: (r["match_status"], r["match_rule"], r["bioguide_id"]) for r in app.query(
        "select doc_id, match_status, match_rule, bioguide_id from silver.filer_matches where doc_id in "
        "('10022561', '10047553', '10044807', '9114698', '10025786', '10029552')").to_pylist()}
    assert got == {
        "10022561": ("not_a_member", None, None),                  # Andy Levin, running in his father's MI09
        "10047553": ("not_a_member", None, None),                  # Rob Menendez, candidate, not the Senator
        "10044807": ("not_a_member", None, None),                  # another Michael Doyle, candidate in PA12
        "9114698": ("matched", "seat_last_name", "G000587"),       # Sylvia Garcia's late candidate report
        "10025786": ("matched", "seat_last_name", "R000600"),      # Radewagen, 'AQ00' is American Samoa
        "10029552": ("matched", "seat_last_name", "S001204"),      # San Nicolas, 'GU01' is Guam's one seat
    }
