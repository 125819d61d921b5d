"""Members parsing (congress-legislators YAML, the project CSV) and filer matching on real hard cases.

Member data is the real shared/data/members snapshot; filings are real 2018-2025 House index
records (DocID, names and StateDst exactly as published), plus a few older or hypothetical filings
that exercise the traps the domain notes list (a successor of the same name, two Members Menendez,
a Member who moved seat at redistricting, a missing StateDst).
"""

from __future__ import annotations

import datetime as dt
import hashlib

import ibis
import pyarrow as pa
import pytest

from catalog.registry import FILINGS, MEMBER_TERMS, MEMBERS
from jobs.bronze.members import (
    Legislator,
    Term,
    content_sha256,
    is_terms_csv,
    merge_legislators,
    parse_file,
    parse_legislators_yaml,
    parse_terms_csv,
    source_rank,
    to_tables,
)
from jobs.silver import members as m
from tests.conftest import SHARED_DATA

D = dt.date
MEMBERS_DIR = SHARED_DATA / "members"


# -- parsing ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def current() -> list[Legislator]:
    return parse_legislators_yaml((MEMBERS_DIR / "legislators-current.yaml").read_bytes())


@pytest.fixture(scope="module")
def from_csv() -> list[Legislator]:
    return parse_terms_csv((MEMBERS_DIR / "legislators_terms.csv").read_bytes())


@pytest.fixture(scope="module")
def people(current, from_csv) -> list[Legislator]:
    supplement = parse_legislators_yaml((MEMBERS_DIR / "supplement_pre_2012-09_departures.yaml").read_bytes())
    return merge_legislators([current, supplement, from_csv])


def by_id(people: list[Legislator]) -> dict[str, Legislator]:
    return {p.bioguide_id: p for p in people}


def test_yaml_current_file(current):
    assert len(current) == 537
    pelosi = by_id(current)["P000197"]
    assert (pelosi.first_name, pelosi.last_name, pelosi.birthday, pelosi.gender) == (
        "Nancy", "Pelosi", D(1940, 3, 26), "F")
    assert len(pelosi.terms) == 20
    assert pelosi.terms[0] == Term("house", "CA", 5, "Democrat", D(1987, 1, 6), D(1989, 1, 3))
    assert pelosi.terms[-1] == Term("house", "CA", 11, "Democrat", D(2025, 1, 3), D(2027, 1, 3))
    # At-large delegates are district 0, senators have none; nicknames and middle names are kept.
    assert by_id(current)["N000147"].terms[-1].district == 0
    sanders = by_id(current)["S000033"]
    assert (sanders.nickname, sanders.terms[0].district, sanders.terms[-1]) == (
        "Bernie", 0, Term("senate", "VT", None, "Independent", D(2025, 1, 3), D(2031, 1, 3)))
    gus = by_id(current)["B001257"]
    assert (gus.first_name, gus.middle_name, gus.terms[0].district, gus.terms[-1].district) == (
        "Gus", "M.", 9, 12)


def test_yaml_with_unquoted_dates_and_unknown_district():
    # Cardoza's record as the supplement has it, dates left unquoted (the published files quote them).
    text = b"""
- id: {bioguide: C001050}
  name: {first: Dennis, middle: A., last: Cardoza}
  bio: {birthday: 1959-03-31, gender: M}
  terms:
  - {type: rep, start: 2011-01-05, end: 2012-08-15, state: CA, district: 18, party: Democrat}
  - {type: rep, start: 1797-05-15, end: 1799-03-03, state: CA, district: -1}
  - {type: prez, start: 2001-01-20, end: 2005-01-20}
"""
    (cardoza,) = parse_legislators_yaml(text)
    assert cardoza.birthday == D(1959, 3, 31)
    assert cardoza.terms == (Term("house", "CA", None, None, D(1797, 5, 15), D(1799, 3, 3)),
                             Term("house", "CA", 18, "Democrat", D(2011, 1, 5), D(2012, 8, 15)))


@pytest.mark.parametrize("text, message", [
    (b"{a: 1}", "expected a list"),
    (b"- name: {first: X}\n", "has no id.bioguide"),
    (b"- id: {bioguide: X000001}\n  terms: [{type: rep, start: 2020-01-03, state: CA, district: 1}]\n",
     "date is missing"),
    (b"- id: {bioguide: X000001}\n  terms: [{type: rep, start: 2020-01-03, end: 2021-01-03, state: Cal}]\n",
     "not a two-letter code"),
])
def test_yaml_errors_name_the_record(text, message):
    with pytest.raises(ValueError, match=message):
        parse_legislators_yaml(text)


def test_csv_scheduled_ends_use_the_day_the_member_left(from_csv):
    assert len(from_csv) == 1143
    assert sum(len(p.terms) for p in from_csv) == 3966  # 3,968 rows less 2 terms never served
    people = by_id(from_csv)
    # Waltz resigned in January 2025: the CSV keeps the scheduled end 2027-01-03 and the day he left the file.
    assert people["W000823"].terms[-1] == Term("house", "FL", 6, "Republican", D(2025, 1, 3), D(2025, 1, 29),
                                               end_is_scheduled=True)
    assert people["G000596"].terms[-1].end_date == D(2026, 1, 6)  # Greene
    assert people["G000590"].terms[-1].end_date == D(2025, 7, 29)  # Mark Green
    assert people["F000465"].terms[-1] == Term("house", "GA", 3, "Republican", D(2023, 1, 3), D(2025, 1, 3))
    # Coble's 2015-2017 term ends (left the file) the day it starts: never served, dropped.
    assert [t.start_date.year for t in people["C000556"].terms] == [2011, 2013]
    assert sum(t.end_is_scheduled for p in from_csv for t in p.terms) == 112


def test_csv_and_current_yaml_agree_on_current_members(current, from_csv):
    csv_people = by_id(from_csv)
    for person in current:
        since_2012 = tuple(t for t in person.terms if t.end_date >= D(2012, 1, 1))
        assert csv_people[person.bioguide_id].terms == since_2012, person.bioguide_id


def test_only_the_terms_csv_is_a_members_csv():
    assert is_terms_csv((MEMBERS_DIR / "legislators_terms.csv").read_bytes())
    lastterm = (MEMBERS_DIR / "legislators-historical_lastterm_gh-pages.csv").read_bytes()
    assert not is_terms_csv(lastterm)
    assert parse_file("legislators-historical_lastterm_gh-pages.csv", lastterm) is None
    with pytest.raises(ValueError, match="lacks columns"):
        parse_terms_csv(b"bioguide_id,chamber\nX000001,house\n")


def test_merge_prefers_yaml_and_builds_both_tables(people):
    assert len(people) == 1143
    assert sorted(["legislators_terms.csv", "supplement.yaml", "legislators-historical.yaml",
                   "https://h/legislators-current.yaml"], key=source_rank) == [
        "https://h/legislators-current.yaml", "legislators-historical.yaml", "supplement.yaml",
        "legislators_terms.csv"]
    # From the current YAML, Pelosi keeps her terms before 2012 (the CSV starts in 2011).
    assert len(by_id(people)["P000197"].terms) == 20
    members, terms = to_tables(people)
    assert members.schema == MEMBERS.arrow_schema() and terms.schema == MEMBER_TERMS.arrow_schema()
    assert (members.num_rows, terms.num_rows) == (1143, 4545)
    pelosi = [r for r in terms.to_pylist() if r["bioguide_id"] == "P000197"]
    assert [r["term_no"] for r in pelosi] == list(range(1, 21))
    assert pelosi[-1] == dict(bioguide_id="P000197", term_no=20, chamber="house", state="CA", district=11,
                              party="Democrat", start_date=D(2025, 1, 3), end_date=D(2027, 1, 3),
                              end_is_scheduled=False)


def test_content_hash_ignores_order_and_folders():
    a, b = ("x/legislators-current.yaml", b"one"), ("x/legislators_terms.csv", b"two")
    assert content_sha256([a, b]) == content_sha256([b, ("https://h/legislators-current.yaml", b"one")])
    assert content_sha256([a, b]) != content_sha256([a, (b[0], b"two!")])
    assert len(content_sha256([a])) == len(hashlib.sha256().hexdigest())


# -- name rules ---------------------------------------------------------------------------------


def evaluate(fn, *values):
    """``fn`` applied to string values, run on DuckDB."""
    table = ibis.memtable(pa.table({f"a{i}": pa.array([v], pa.string()) for i, v in enumerate(values)}))
    result = fn(*(table[f"a{i}"] for i in range(len(values))))
    exprs = result if isinstance(result, tuple) else (result,)
    selected = table.select(**{f"r{i}": e for i, e in enumerate(exprs)})
    row = ibis.duckdb.connect().to_pyarrow(selected).to_pylist()[0]
    values_out = tuple(row[f"r{i}"] for i in range(len(exprs)))
    return values_out if isinstance(result, tuple) else values_out[0]


@pytest.mark.parametrize("raw, key", [
    ("Sánchez", "sanchez"), ("González-Colón", "gonzalez colon"), ("O'Rourke", "orourke"),
    ("  Wasserman   Schultz ", "wasserman schultz"), ("Beyer Jr.", "beyer"), ("Yakym III", "yakym"),
    ("D'Esposito", "desposito"),
    ("Dunn MD, FACS", "dunn"), ("Dunn, MD, FACS", "dunn"),   # 2020 and 2024 indexes: degrees in Last
    ("Dr", "dr"),                                            # nothing but a title: kept, not emptied
])
def test_last_name_key(raw, key):
    assert evaluate(m.last_name_key, raw) == key


@pytest.mark.parametrize("a, b, same", [
    ("Greene", "Greene", True),
    ("Taylor Greene", "Greene", True),          # the last word is compared too
    ("Delaney", "McClain Delaney", True),       # index 'Delaney, April McClain' vs Member 'McClain Delaney'
    ("Gonzalez-Colon", "González-Colón", True),
    ("Schultz", "Wasserman Schultz", True),
    ("Smith Jones", "Brown Jones", False),      # two-word names must agree in full
    ("Green", "Greene", False),                 # exact, never fuzzy
    ("Hinson Arenholz", "Hinson", True),        # 2021 index: Ashley Hinson with her married name after
    ("GONZALEZ", "González-Colón", True),       # 2018 index: Jenniffer González-Colón, PR00
    ("DesJarlais", "Des Jarlais", True),        # spacing of a particle
    ("Cruz", "De La Cruz", False),              # a particle makes one surname (Ted Cruz, Monica De La Cruz)
    ("Nicolas", "San Nicolas", False),
    ("Jackson", "Jackson Lee", True),           # two surnames: each may stand for the name
])
def test_last_names_match(a, b, same):
    assert evaluate(lambda x, y: m.last_names_match(m.last_name_key(x), m.last_name_key(y)), a, b) is same


@pytest.mark.parametrize("first, plain, nick", [
    ("Mark Dr", "mark", None),                          # Green TN07
    ("Neal Patrick MD, Facs", "neal patrick", None),    # Dunn FL02
    ('Charles J. "Chuck"', "charles j", "chuck"),       # Fleischmann TN03
    ("Michael A.", "michael a", None),                  # Collins GA10
    ("Richard Dean Dr", "richard dean", None),          # McCormick GA06
    ("Guy Mr", "guy", None),                            # Reschenthaler PA14
    ("Valdez 'Val'", "valdez", "val"),                  # Demings FL10 (2023 index)
    ("Charles (Chuck)", "charles", "chuck"),            # older Member records
])
def test_given_names_drop_titles_and_find_quoted_nicknames(first, plain, nick):
    assert evaluate(lambda x: (m.plain_given(x), m.quoted_given(x)), first) == (plain, nick)


@pytest.mark.parametrize("plain, first, after_initial, middle", [
    ("michael a", "michael", None, None),
    ("c scott", "c", "scott", "scott"),
    ("anderson drew", "anderson", None, "drew"),
    ("w gregory", "w", "gregory", "gregory"),
    (None, None, None, None),
])
def test_words_of_given_names(plain, first, after_initial, middle):
    got = evaluate(lambda x: (m.first_word(x), m.after_initial(x), m.second_word(x)), plain)
    assert got == (first, after_initial, middle)


@pytest.mark.parametrize("a, b, ok", [
    ("mike", "michael", True), ("michael", "mike", True), ("gus", "michael", False),
    ("rich", "richard", True), ("chuck", "charles", True), ("katie", "katherine", True),
    ("ted", "edward", True), ("ted", "theodore", True), ("jim", "james", True),
    ("michael", "michael", True), ("mark", "marc", False), ("val", None, False),
    ("rod", "rodney", True), ("rodney", "rod", True),     # Rod Blum files as 'Rodney Leland' (2019)
    ("jeff", "jefferson", True),                          # Jeff Van Drew
    ("randy", "randall", True), ("angie", "angela", True), ("lucy", "lucia", True),  # seen in the indexes
    ("al", "alfred", True), ("al", "alan", False),        # two letters are no truncation
    ("ro", "rohit", False),                               # Ro Khanna is matched by his seat, not his name
    ("christine", "christopher", False),                  # a common beginning is not enough
    ("jo", "john", False),
])
def test_names_compatible(a, b, ok):
    assert evaluate(m.names_compatible, a, b) is ok


@pytest.mark.parametrize("name, truncs", [
    ("rodney", ["rodney", "rod", "rodn", "rodne"]),
    ("rod", ["rod"]),
    ("al", ["al"]),
])
def test_truncations(name, truncs):
    assert [t for t in evaluate(m.truncations, name) if t is not None] == truncs


def test_nickname_table_is_small_and_lower_case():
    assert len(m.NICKNAMES) < 80
    assert all(n.isalpha() and n.islower() and f.isalpha() and f.islower() for n, f in m.NICKNAMES)
    # Truncations ('rob', 'chris', 'jeff') need no pair: the table holds only what they cannot find.
    assert [(n, f) for n, f in m.NICKNAMES if len(n) >= m.MIN_TRUNCATION and f.startswith(n)] == []


# -- matching -----------------------------------------------------------------------------------

FILING_COLUMNS = [FILINGS.arrow_schema().field(c) for c in
                  ("doc_id", "year", "filing_type", "filing_date", "first_name", "last_name", "filer_name",
                   "state_district", "state", "district", "is_at_large")]


def filing(doc_id: str, last: str, first: str, state_dst: str | None, date: D | None,
           kind: str = "P") -> dict:
    """A silver.filings row as the silver job types an index record."""
    number = int(state_dst[2:]) if state_dst else None
    return dict(doc_id=doc_id, year=(date or D(2025, 1, 1)).year, filing_type=kind, filing_date=date,
                first_name=first, last_name=last, filer_name=f"{first} {last}", state_district=state_dst,
                state=state_dst[:2] if state_dst else None, district=number or None,
                is_at_large=None if number is None else number == 0)


# Michael Bilirakis (FL09 until 2007; the bioguide id and seat from the last-term CSV, the dates of
# the 109th Congress), whose son Gus succeeded him in the same seat.
MICHAEL_BILIRAKIS = Legislator("B000463", "Michael", None, "Bilirakis", None, None, None, D(1930, 7, 16), "M",
                               (Term("house", "FL", 9, "Republican", D(2005, 1, 4), D(2007, 1, 3)),))

REAL_2025 = [  # (DocID, Last, First, StateDst, FilingDate, FilingType) as the 2025 index has them
    ("20026590", "Pelosi", "Nancy", "CA11", D(2025, 1, 17), "P"),
    ("20026658", "Greene", "Marjorie Taylor", "GA14", D(2025, 1, 27), "P"),
    ("20026489", "Collins", "Michael A.", "GA10", D(2025, 1, 1), "P"),
    ("8220747", "Bilirakis", "Gus M.", "FL12", D(2025, 2, 6), "P"),
    ("20026538", "Green", "Mark Dr", "TN07", D(2025, 1, 13), "P"),
    ("10071977", "Green", "Mark Dr", "TN07", D(2025, 8, 12), "T"),
    ("20027895", "Dunn", "Neal Patrick MD, Facs", "FL02", D(2025, 3, 10), "P"),
    ("8220753", "Fleischmann", 'Charles J. "Chuck"', "TN03", D(2025, 2, 10), "P"),
    ("20027950", "Norton", "Eleanor Holmes", "DC00", D(2025, 3, 11), "P"),
    ("20027975", "Delaney", "April McClain", "MD06", D(2025, 3, 20), "P"),
    ("20027912", "Wasserman Schultz", "Debbie", "FL25", D(2025, 3, 6), "P"),
    ("20026647", "Dingell", "Debbie", "MI06", D(2025, 1, 27), "P"),
    ("9115546", "Khanna", "Rohit", "CA17", D(2025, 2, 3), "P"),
    ("20030699", "McCormick", "Richard Dean Dr", "GA06", D(2025, 9, 17), "P"),
    ("20026638", "Manning", "Kathy", "NC06", D(2025, 1, 27), "P"),
    ("8220725", "Blunt Rochester", "Lisa", "DE00", D(2025, 1, 21), "E"),
    ("10063324", "Ferguson", "Anderson Drew", "GA03", D(2025, 1, 29), "T"),
    ("10063230", "Porter", "Katherine", "CA47", D(2025, 1, 16), "T"),
    ("10072213", "Cuellar", "Ada", "TX15", D(2025, 11, 13), "C"),
    ("8221241", "Aleman", "Katherine", None, None, "W"),
]

EXPECTED = {  # DocID -> (match_status, match_rule, bioguide_id)
    "20026590": ("matched", "seat_last_name", "P000197"),
    "20026658": ("matched", "seat_last_name", "G000596"),
    "20026489": ("matched", "seat_last_name", "C001129"),        # 'Michael A.' is Mike Collins, not Susan
    "8220747": ("matched", "seat_last_name", "B001257"),         # Gus, not his father Michael
    "20026538": ("matched", "seat_last_name", "G000590"),
    "10071977": ("matched", "former_member", "G000590"),         # termination report after he resigned
    "20027895": ("matched", "seat_last_name", "D000628"),
    "8220753": ("matched", "seat_last_name", "F000459"),
    "20027950": ("matched", "seat_last_name", "N000147"),        # at-large: DC00 is term district 0
    "20027975": ("matched", "seat_last_name", "M001232"),
    "20027912": ("matched", "seat_last_name", "W000797"),
    "20026647": ("matched", "seat_last_name", "D000624"),
    "9115546": ("matched", "seat_last_name", "K000389"),         # 'Rohit' files for Ro Khanna
    "20030699": ("matched", "state_last_first_name", "M001218"),  # GA06 before redistricting; Rich ~ Richard
    "20026638": ("matched", "former_member", "M001135"),         # her term ended 2025-01-03
    "8220725": ("matched", "state_last_first_name", "B001303"),  # now a Senator for DE
    "10063324": ("matched", "former_member", "F000465"),         # 'Anderson Drew' is A. Drew Ferguson IV
    "10063230": ("matched", "former_member", "P000618"),         # Katherine ~ Katie Porter
    "10072213": ("not_a_member", None, None),                    # a candidate named Cuellar
    "8221241": ("not_a_member", None, None),                     # no date, no StateDst
}


@pytest.fixture(scope="module")
def member_tables(people):
    return to_tables(merge_legislators([people, [MICHAEL_BILIRAKIS]]))


def run_match(member_tables, rows: list[dict]) -> dict[str, dict]:
    members, terms = member_tables
    filings = pa.Table.from_pylist(rows, pa.schema(FILING_COLUMNS))
    expr = m.transform(ibis.memtable(filings), ibis.memtable(members), ibis.memtable(terms))
    return {r["doc_id"]: r for r in ibis.duckdb.connect().to_pyarrow(expr).to_pylist()}


def test_real_2025_filers(member_tables):
    got = run_match(member_tables, [filing(d, last, first, sd, date, kind) for d, last, first, sd, date, kind
                                    in REAL_2025])
    assert {d: (r["match_status"], r["match_rule"], r["bioguide_id"]) for d, r in got.items()} == EXPECTED
    assert got["20026489"]["candidates"] == "C001129"
    assert got["10072213"]["candidates"] is None
    assert (got["20026590"]["filer_name"], got["20026590"]["state_district"]) == ("Nancy Pelosi", "CA11")


def test_variants_of_real_filers(member_tables):
    got = run_match(member_tables, [
        filing("a", "Taylor Greene", "Marjorie", "GA14", D(2025, 1, 27)),   # the last word is compared too
        filing("b", "Collins", "Michael A.", "GA99", D(2025, 1, 27)),       # no such seat: Mike ~ Michael
        filing("c", "Collins", "Susan", "GA99", D(2025, 1, 27)),            # Susan Collins is ME's Senator
        filing("d", "Bilirakis", "Michael", "FL09", D(2007, 3, 1)),         # father's late report, Gus's seat
        filing("e", "Bilirakis", "Gus", "FL09", D(2007, 3, 1)),
        filing("f", "Dingell", "John D.", "MI12", D(2015, 5, 15)),          # John's late report, her seat
        filing("g", "Dingell", "Debbie", "MI12", D(2015, 5, 15)),
        filing("h", "Menendez", "Robert", "NJ10", D(2024, 3, 1)),           # the Senator and his son the Rep
        filing("i", "Menendez", "Robert", "NJ08", D(2024, 3, 1)),           # the son's own seat decides
        filing("j", "Herrell", "Stella Yvette", "NM02", D(2023, 3, 11), "T"),  # goes by her middle name
        filing("k", "Waltz", "Michael", "FL06", D(2026, 3, 4)),             # left 2025-01-29: day 399 after
        filing("l", "Waltz", "Michael", "FL06", D(2026, 3, 5)),             # day 400: too late
    ])
    outcome = {d: (r["match_status"], r["match_rule"], r["bioguide_id"], r["candidates"])
               for d, r in got.items()}
    assert outcome == {
        "a": ("matched", "seat_last_name", "G000596", "G000596"),
        "b": ("matched", "state_last_first_name", "C001129", "C001129"),
        "c": ("not_a_member", None, None, None),
        "d": ("matched", "former_member", "B000463", "B000463"),
        "e": ("matched", "seat_last_name", "B001257", "B001257"),
        "f": ("matched", "former_member", "D000355", "D000355"),
        "g": ("matched", "seat_last_name", "D000624", "D000624"),
        "h": ("ambiguous", "state_last_first_name", None, "M000639,M001226"),
        "i": ("matched", "seat_last_name", "M001226", "M001226"),
        "j": ("matched", "former_member", "H001084", "H001084"),
        "k": ("matched", "former_member", "W000823", "W000823"),
        "l": ("not_a_member", None, None, None),
    }


def test_issues_give_candidates_and_reasons(member_tables):
    members, terms = member_tables
    rows = [filing(d, last, first, sd, date, kind) for d, last, first, sd, date, kind in REAL_2025]
    rows.append(filing("h", "Menendez", "Robert", "NJ10", D(2024, 3, 1)))
    filings = ibis.memtable(pa.Table.from_pylist(rows, pa.schema(FILING_COLUMNS)))
    con = ibis.duckdb.connect()
    matches = con.to_pyarrow(m.transform(filings, ibis.memtable(members), ibis.memtable(terms)))
    matches = ibis.memtable(matches)
    expr = m.issues_transform(matches, filings, ibis.memtable(members), ibis.memtable(terms))
    got = {r["doc_id"]: r for r in con.to_pyarrow(expr).to_pylist()}
    assert sorted(got) == ["10072213", "8221241", "h"]
    assert got["h"]["candidates"] == "M000639,M001226"
    assert got["h"]["reason"] == ("several Members fit rule state_last_first_name: Robert Menendez "
                                  "(M000639), Robert Menendez (M001226); resolve by hand")
    assert got["10072213"]["candidates"] == ""
    assert got["10072213"]["reason"] == (
        "a candidate's filing (type C): no Member named Cuellar with a compatible first name held the seat "
        "TX15 on 2025-11-13 or left Congress in the 400 days before; Members of that last name in TX then: "
        "Henry Cuellar (C001063)")
    assert (got["8221241"]["filing_type"], got["8221241"]["reason"]) == (
        "W", "the index gives no filing date, so no term can be checked")


REAL_2018_2024 = [  # (DocID, Last, First, StateDst, FilingDate, FilingType) as 2018-2024 indexes have them
    # A PTR filed five days after leaving the House, under the legal name: Rod Blum (IA01 until 2019-01-03).
    ("20010974", "Blum", "Rodney Leland", "IA01", D(2019, 1, 8), "P"),
    ("20010478", "Blum", "Rodney Leland", "IA01", D(2018, 10, 13), "P"),
    # Degrees in the last-name field.
    ("20017240", "Dunn MD, FACS", "Neal Patrick", "FL02", D(2020, 9, 9), "P"),
    ("20025104", "Dunn, MD, FACS", "Neal Patrick", "FL02", D(2024, 5, 22), "P"),
    # Maiden name first, married name after.
    ("20018521", "Hinson Arenholz", "Ashley", "IA01", D(2021, 4, 5), "P"),
    # Capitals, no accents, one of two surnames.
    ("10027659", "GONZALEZ", "JENNIFFER", "PR00", D(2019, 6, 21), "O"),
    # '01' for a state's or territory's single seat.
    ("10031203", "Armstrong", "Kelly", "ND01", D(2019, 12, 10), "A"),
    ("10029552", "San Nicolas", "Michael Fq", "GU01", D(2019, 10, 9), "A"),
    # Same last name, same state: the seat decides (Carolyn B. in NY12, Sean Patrick in NY18).
    ("20012023", "Maloney", "Carolyn B.", "NY12", D(2019, 8, 14), "P"),
    ("20018502", "Maloney", "Sean Patrick", "NY18", D(2021, 4, 2), "P"),
    # Thomas J. Rooney (FL17, left 2019-01-03) files late; Francis Rooney holds FL19.
    ("20011132", "Rooney", "Thomas J.", "FL17", D(2019, 2, 11), "P"),
    # Candidates' filings sharing the incumbent's last name.
    ("10022561", "Levin", "Andy", "MI09", D(2018, 5, 15), "C"),           # Sander Levin held MI09
    ("9115119", "Cunningham", "Logan S.", "SC01", D(2019, 7, 8), "D"),     # Joe Cunningham held SC01
    ("10047553", "Menendez", "Robert J.", "NJ08", D(2022, 5, 8), "C"),     # the son, before his term
    # Drew Ferguson served GA03 (a term ended 2019-01-03, the next began): a sitting Member, not a
    # former one, and a candidate's report for GA10 is not his.
    ("10031122", "Ferguson", "Andrew", "GA10", D(2019, 11, 28), "C"),
    ("9114698", "Garcia", "Sylvia", "TX29", D(2019, 5, 14), "C"),          # her own late candidate report
    ("10026264", "Handel", "Karen Christine", "GA06", D(2019, 5, 2), "C"),  # a former Member runs again
]

EXPECTED_2018_2024 = {
    "20010974": ("matched", "former_member", "B001294"),
    "20010478": ("matched", "seat_last_name", "B001294"),
    "20017240": ("matched", "seat_last_name", "D000628"),
    "20025104": ("matched", "seat_last_name", "D000628"),
    "20018521": ("matched", "seat_last_name", "H001091"),
    "10027659": ("matched", "seat_last_name", "G000582"),
    "10031203": ("matched", "seat_last_name", "A000377"),
    "10029552": ("matched", "seat_last_name", "S001204"),
    "20012023": ("matched", "seat_last_name", "M000087"),
    "20018502": ("matched", "seat_last_name", "M001185"),
    "20011132": ("matched", "former_member", "R000583"),
    "10022561": ("not_a_member", None, None),
    "9115119": ("not_a_member", None, None),
    "10047553": ("not_a_member", None, None),
    "10031122": ("not_a_member", None, None),
    "9114698": ("matched", "seat_last_name", "G000587"),
    "10026264": ("matched", "former_member", "H001078"),
}


def test_real_2018_2024_filers(member_tables):
    got = run_match(member_tables, [filing(d, last, first, sd, date, kind) for d, last, first, sd, date, kind
                                    in REAL_2018_2024])
    outcome = {d: (r["match_status"], r["match_rule"], r["bioguide_id"]) for d, r in got.items()}
    assert outcome == EXPECTED_2018_2024


def test_previous_seat_and_no_state(member_tables):
    """Rules 3 and 5 on real Members: Lucy McBath held GA06 until 2023-01-03 and GA07 from then on."""
    got = run_match(member_tables, [
        # After redistricting, the old seat under a name no first-name test links to 'Lucy'.
        filing("a", "McBath", "L. Kay", "GA06", D(2023, 2, 1)),
        filing("b", "McBath", "L. Kay", "GA06", D(2023, 2, 1), "C"),      # a candidate's filing: no
        filing("c", "McBath", "Lucia Kay", "GA06", D(2023, 2, 1)),        # Lucy ~ Lucia: rule 2 first
        # No readable StateDst: a Member of that name anywhere, on the date or just before.
        filing("d", "Blum", "Rod", None, D(2018, 6, 1)),
        filing("e", "Blum", "Rodney", None, D(2019, 2, 1), "T"),          # after he left
        filing("f", "Collins", "Chris", None, D(2019, 6, 1)),             # not Doug (GA) or Susan (ME)
        filing("g", "Collins", "Chris", None, D(2019, 6, 1), "W"),        # candidates need their seat
        filing("h", "Blum", "Rod", None, None),
    ])
    outcome = {d: (r["match_status"], r["match_rule"], r["bioguide_id"]) for d, r in got.items()}
    assert outcome == {
        "a": ("matched", "previous_seat_last_name", "M001208"),
        "b": ("not_a_member", None, None),
        "c": ("matched", "state_last_first_name", "M001208"),
        "d": ("matched", "no_state_last_first_name", "B001294"),
        "e": ("matched", "no_state_last_first_name", "B001294"),
        "f": ("matched", "no_state_last_first_name", "C001092"),
        "g": ("not_a_member", None, None),
        "h": ("not_a_member", None, None),
    }


def test_reasons_for_candidates_and_missing_states(member_tables):
    members, terms = member_tables
    rows = [filing(d, last, first, sd, date, kind) for d, last, first, sd, date, kind in REAL_2018_2024]
    rows += [filing("x", "Blum", "Jane", None, D(2018, 6, 1)),
             filing("y", "Blum", "Jane", None, D(2018, 6, 1), "W")]
    filings = ibis.memtable(pa.Table.from_pylist(rows, pa.schema(FILING_COLUMNS)))
    con = ibis.duckdb.connect()
    members, terms = ibis.memtable(members), ibis.memtable(terms)
    matches = ibis.memtable(con.to_pyarrow(m.transform(filings, members, terms)))
    issues = con.to_pyarrow(m.issues_transform(matches, filings, members, terms))
    got = {r["doc_id"]: r["reason"] for r in issues.to_pylist()}
    assert sorted(got) == ["10022561", "10031122", "10047553", "9115119", "x", "y"]
    assert got["10022561"] == (
        "a candidate's filing (type C): no Member named Levin with a compatible first name held the seat "
        "MI09 on 2018-05-15 or left Congress in the 400 days before; Members of that last name in MI then: "
        "Sander M. Levin (L000263)")
    assert got["10047553"].endswith("Members of that last name in NJ then: Robert Menendez (M000639)")
    assert got["x"] == ("the index gives no valid state and district, and no Member named Blum with a "
                        "compatible first name served on 2018-06-01 or in the 400 days before")
    assert got["y"] == ("the index gives no valid state and district, and a candidate's filing is matched "
                        "by its seat")
