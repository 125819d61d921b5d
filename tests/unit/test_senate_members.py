"""Senate filer matching on real eFD filers and on the traps of matching by name and date alone.

Members are the real shared/data/members snapshot. Filers are every row of the real 2026 eFD search
answers and every report of the Senate Stock Watcher data (2012 to March 2021: its transactions CSV
names the report of each trade, and its filing-level file gives the report's filer columns and
received date as the search lists them).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter

import ibis
import pyarrow as pa
import pytest

from catalog.registry import SENATE_FILINGS, table_spec
from checks.runner import run_checks
from jobs.bronze.members import Legislator, merge_legislators, parse_legislators_yaml, parse_terms_csv, to_tables
from jobs.silver import senate_members as sm
from jobs.silver.senate_extraction import split_suffix
from tests.conftest import SHARED_DATA

D = dt.date
MEMBERS_DIR = SHARED_DATA / "members"
SENATE = SHARED_DATA / "senate"
SEARCH_FILES = (*sorted((SENATE / "efd_raw_2026").glob("*ptr-search-*.json")),
                SENATE / "efd_fixtures_2026_ryanlafav" / "efd_search_results.json")
SCHEMA = pa.schema([SENATE_FILINGS.arrow_schema().field(c) for c in sm._FILING_COLUMNS])


@pytest.fixture(scope="module")
def people() -> list[Legislator]:
    return merge_legislators([
        parse_legislators_yaml((MEMBERS_DIR / "legislators-current.yaml").read_bytes()),
        parse_legislators_yaml((MEMBERS_DIR / "supplement_pre_2012-09_departures.yaml").read_bytes()),
        parse_terms_csv((MEMBERS_DIR / "legislators_terms.csv").read_bytes()),
    ])


@pytest.fixture(scope="module")
def member_tables(people) -> tuple[pa.Table, pa.Table]:
    return to_tables(people)


def report(report_id: str, first: str | None, last: str | None, office: str | None, date: D | None) -> dict:
    """A silver.senate_filings row as the extraction types a search row (suffix split off)."""
    last_name, suffix = split_suffix(last)
    return dict(report_id=report_id, year=(date or D(2026, 1, 1)).year, first_name=first, last_name=last_name,
                suffix=suffix, office=office, filed_date=date)


def run_match(member_tables, rows: list[dict]) -> dict[str, dict]:
    members, terms = member_tables
    expr = sm.transform(ibis.memtable(pa.Table.from_pylist(rows, SCHEMA)), ibis.memtable(members),
                        ibis.memtable(terms))
    return {r["report_id"]: r for r in ibis.duckdb.connect().to_pyarrow(expr).to_pylist()}


def us_date(text: str) -> D:
    month, day, year = (int(p) for p in text.split("/"))
    return D(year, month, day)


def words(name: str) -> list[str]:
    return re.findall(r"[a-z]+", name.lower())


def outcome(r: dict) -> tuple:
    return r["match_status"], r["match_rule"], r["bioguide_id"]


# -- every real filer ---------------------------------------------------------------------------


def test_every_real_2026_search_filer_is_matched(member_tables):
    rows = [report(f"{path.name[:8]}#{i}", *row[:3], us_date(row[4]))
            for path in SEARCH_FILES for i, row in enumerate(json.loads(path.read_text())["data"])]
    got = run_match(member_tables, rows)
    assert len(got) == len(rows) == 33
    assert Counter(r["match_status"] for r in got.values()) == {"matched": 33}
    by_name = {(r["filer_name"], r["bioguide_id"], r["state"]) for r in got.values()}
    # Ids checked by hand against legislators_terms.csv.
    assert by_name >= {
        ("Gary C Peters", "P000595", "MI"),
        ("A. Mitchell McConnell Jr.", "M000355", "KY"),   # 'A. Mitchell' is Mitch
        ("John R Curtis", "C001114", "UT"),
        ("David H McCormick", "M001243", "PA"),           # David ~ Dave
        ("Jerry Moran", "M000934", "KS"),                 # last name sent as 'Moran,  '
        ("RICHARD BLUMENTHAL", "B001277", "CT"),          # paper row: capitals, office 'Senator'
        ("James Banks", "B001299", "IN"),                 # James ~ Jim
        ("Alan Armstrong", "A000383", "OK"),              # appointed March 2026
        ("Bernie Moreno", "M001242", "OH"),               # office 'Moreno, Bernardo'
        ("BENJAMIN L CARDIN", "C000141", "MD"),
        ("THAD COCHRAN", "C000567", "MS"),
        ("Shelley M Capito", "C001047", "WV"),
    }


@pytest.fixture(scope="module")
def stock_watcher_reports() -> list[tuple[dict, str, str]]:
    """(report row, the CSV's senator name, the data set's own bioguide id) per report."""
    csv_names = {}
    with (SENATE / "senate_stock_watcher_all_transactions.csv").open(newline="") as f:
        for trade in csv.DictReader(f):
            csv_names[trade["ptr_link"]] = trade["senator"]
    summaries = json.loads((SENATE / "senate_stock_watcher_all_daily_summaries.json").read_text())
    assert set(csv_names) <= {s["ptr_link"] for s in summaries}
    return [(report(s["ptr_link"], s["first_name"], s["last_name"], s["office"], us_date(s["date_recieved"])),
             csv_names.get(s["ptr_link"], ""), s["bioguide"]) for s in summaries]


def test_every_senate_stock_watcher_filer_is_matched(member_tables, stock_watcher_reports):
    got = run_match(member_tables, [row for row, _, _ in stock_watcher_reports])
    assert len(got) == 1442
    # The CSV's senator is the search's first and last name of the same report.
    for row, name, _ in stock_watcher_reports:
        if name:
            assert words(name) == words(f"{row['first_name']} {row['last_name']} {row['suffix'] or ''}")
    per_year = Counter((r["year"], r["match_status"]) for r in got.values())
    assert dict(per_year) == {
        (2012, "matched"): 55, (2013, "matched"): 163, (2014, "matched"): 126, (2015, "matched"): 150,
        (2016, "matched"): 182, (2017, "matched"): 197, (2018, "matched"): 212, (2019, "matched"): 193,
        (2020, "matched"): 143, (2021, "matched"): 21,
    }
    assert Counter(r["match_rule"] for r in got.values()) == {
        "senate_last_first_name": 1441, "former_senator_last_first_name": 1}
    mine = {row["report_id"]: got[row["report_id"]]["bioguide_id"] for row, _, _ in stock_watcher_reports}
    theirs = {row["report_id"]: bioguide for row, _, bioguide in stock_watcher_reports}
    # Where the data set's own ids differ, ours are right: McConnell is M000355, Jack Reed R000122
    # and Tom Udall U000039 in congress-legislators (M000357, R000120 and U000002 are not Senators
    # of this period).
    differ = Counter((theirs[k], mine[k]) for k in mine if theirs[k] != mine[k])
    assert set(differ) == {("M000357", "M000355"), ("R000120", "R000122"), ("U000002", "U000039")}
    names = {(r["filer_name"], r["bioguide_id"], r["state"]) for r in got.values()}
    assert names >= {
        ("Rafael E Cruz", "C001098", "TX"),               # the legal name of Ted Cruz
        ("RAFAEL EDWARD (TED) CRUZ", "C001098", "TX"),
        ("Ladda Tammy Duckworth", "D000622", "IL"),       # middle name is the name he is known by
        ("Jacklyn S Rosen", "R000608", "NV"),             # office 'Rosen, Jacky'
        ("Thomas R Tillis", "T000476", "NC"),
        ("William F Hagerty IV", "H000601", "TN"),
        ("Joseph Manchin III", "M001183", "WV"),
        ("David A Perdue Jr.", "P000612", "GA"),          # last name sent as 'Perdue , Jr'
        ("Rick Scott", "S001217", "FL"),                  # Tim Scott serves too
        ("Ron Johnson", "J000293", "WI"),
        ("Thomas Udall", "U000039", "NM"),
        ("JACK REED", "R000122", "RI"),
        ("John F Reed", "R000122", "RI"),
        ("Tina Smith", "S001203", "MN"),                  # Cindy Hyde-Smith serves too
    }
    # Pat Roberts filed on 2015-01-05, between his terms (2015-01-03 to the swearing-in on the 6th).
    (between,) = [r for r in got.values() if r["match_rule"] == "former_senator_last_first_name"]
    assert (between["bioguide_id"], between["filed_date"]) == ("R000307", D(2015, 1, 5))


def test_every_senator_since_2012_is_found_under_his_own_names(people, member_tables):
    """Each Senator's names as congress-legislators records them, in the forms filers use, on the
    first day, the middle and the last day of each Senate term and 30 days after it."""
    rows, want = [], {}
    for p in people:
        official = " ".join(w for w in (p.official_full_name or "").replace(",", " ").split()
                            if w not in (*p.last_name.split(), p.suffix))
        names = {"first": (p.first_name, p.last_name), "nickname": (p.nickname or p.first_name, p.last_name),
                 "initial": (f"{p.first_name} {(p.middle_name or '')[:1]}", p.last_name),
                 "capitals": (p.first_name.upper(), p.last_name.upper()), "official": (official, p.last_name)}
        for n, t in enumerate(p.terms):
            if t.chamber != "senate" or t.end_date < D(2012, 1, 1):
                continue
            days = {"first": t.start_date, "middle": t.start_date + (t.end_date - t.start_date) / 2,
                    "last": t.end_date - dt.timedelta(days=1), "after": t.end_date + dt.timedelta(days=30)}
            for day, date in days.items():
                if date.year < 2012:
                    continue
                for form, (first, last) in names.items():
                    key = f"{p.bioguide_id}|{n}|{day}|{form}"
                    office = "Senator" if form == "capitals" else f"{p.last_name}, {p.nickname or p.first_name} (Senator)"
                    rows.append(report(key, first, last, office, date))
                    want[key] = p.bioguide_id
    got = run_match(member_tables, rows)
    assert len(got) == 6640
    assert {k: r["bioguide_id"] for k, r in got.items() if r["bioguide_id"] != want[k]} == {}


# -- traps --------------------------------------------------------------------------------------


TRAPS = [  # (id, first, last, office, filed date) -> expected (status, rule, bioguide id)
    # Two Senators of one last name serving together: the given name decides.
    (("scott-rick", "Rick", "Scott", "Scott, Rick (Senator)", D(2020, 5, 1)),
     ("matched", "senate_last_first_name", "S001217")),
    (("scott-tim", "Timothy E", "Scott", "Senator", D(2020, 5, 1)), ("matched", "senate_last_first_name", "S001184")),
    (("scott-t", "T", "SCOTT", "Senator", D(2020, 5, 1)), ("matched", "senate_last_name", "S001184")),
    (("scott", None, "Scott", "Senator", D(2020, 5, 1)), ("ambiguous", "senate_last_name", None)),
    (("scott-2014", "Rick", "Scott", "Senator", D(2014, 5, 1)), ("not_a_member", None, None)),  # Florida's governor
    (("johnson-tim", "Timothy P", "Johnson", "Senator", D(2013, 6, 1)),
     ("matched", "senate_last_first_name", "J000177")),
    (("johnson-ron", "Ron", "Johnson", "Senator", D(2013, 6, 1)), ("matched", "senate_last_first_name", "J000293")),
    (("nelson-ben", "E Benjamin", "Nelson", "Senator", D(2012, 8, 1)), ("matched", "senate_last_first_name", "N000180")),
    (("nelson-bill", "William", "NELSON", "Senator", D(2012, 8, 1)), ("matched", "senate_last_first_name", "N000032")),
    (("brown-scott", "Scott P", "Brown", "Senator", D(2012, 8, 1)), ("matched", "senate_last_first_name", "B001268")),
    (("udall-mark", "Mark E", "Udall", "Senator", D(2014, 6, 1)), ("matched", "senate_last_first_name", "U000038")),
    # Mark Udall left on 2015-01-03; Tom Udall still serves, but the name is Mark's.
    (("udall-mark-after", "Mark", "Udall", "Udall, Mark (Former Senator)", D(2015, 2, 10)),
     ("matched", "former_senator_last_first_name", "U000038")),
    (("udall-tom-after", "Tom", "Udall", "Udall, Tom (Senator)", D(2015, 2, 10)),
     ("matched", "senate_last_first_name", "U000039")),
    # A last name that is one word of another Senator's compound (married) name.
    (("hyde-smith", "Cindy", "Hyde-Smith", "Hyde-Smith, Cindy (Senator)", D(2019, 3, 1)),
     ("matched", "senate_last_first_name", "H001079")),
    (("hyde-smith-initial", "C", "Hyde Smith", "Senator", D(2019, 3, 1)), ("matched", "senate_last_name", "H001079")),
    (("smith-initial", "T", "Smith", "Senator", D(2019, 3, 1)), ("matched", "senate_last_name", "S001203")),
    (("cortez-masto", "Catherine", "Cortez Masto", "Senator", D(2019, 3, 1)),
     ("matched", "senate_last_first_name", "C001113")),
    (("blunt-rochester", "Lisa", "Blunt Rochester", "Senator", D(2025, 6, 1)),
     ("matched", "senate_last_first_name", "B001303")),
    # Roy Blunt left in January 2023: a late report that spring is his, none two years on.
    (("blunt-late", "Roy D", "Blunt", "Blunt, Roy (Former Senator)", D(2023, 3, 1)),
     ("matched", "former_senator_last_first_name", "B000575")),
    (("blunt-2025", "Roy", "Blunt", "Senator", D(2025, 6, 1)), ("not_a_member", None, None)),
    # Near names are different names; accents, capitals, suffixes and punctuation are not.
    (("murphy", "Christopher S", "Murphy", "Senator", D(2020, 5, 1)), ("matched", "senate_last_first_name", "M001169")),
    (("murray", "Patty", "Murray", "Senator", D(2020, 5, 1)), ("matched", "senate_last_first_name", "M001111")),
    (("reid-not-reed", "Jack", "Reid", "Senator", D(2020, 5, 1)), ("not_a_member", None, None)),
    (("kennedy", "John N", "Kennedy", "Senator", D(2020, 5, 1)), ("matched", "senate_last_first_name", "K000393")),
    (("kelly", "Mark", "Kelly", "Senator", D(2021, 5, 1)), ("matched", "senate_last_first_name", "K000377")),
    (("lujan", "BEN RAY", "LUJAN", "Senator", D(2022, 5, 1)), ("matched", "senate_last_first_name", "L000570")),
    (("mcconnell-caps", "A. MITCHELL", "MCCONNELL, JR.", "Senator", D(2019, 6, 14)),
     ("matched", "senate_last_first_name", "M000355")),
    # An unknown short form still finds the only Senator of that last name.
    (("rosen-paper", "JACKLYN S", "ROSEN", "Senator", D(2020, 5, 1)), ("matched", "senate_last_name", "R000608")),
    # Gary Peters served in the House until 2015: House terms never match a Senate report.
    (("peters-house", "Gary C", "Peters", "Senator", D(2014, 6, 1)), ("not_a_member", None, None)),
    # A candidate is not the Senator of that name; no date, no term; nobody of that name.
    (("candidate", "Rick", "Scott", "Scott, Rick (Candidate)", D(2024, 5, 1)), ("not_a_member", None, None)),
    (("no-date", "Gary C", "Peters", "Peters, Gary (Senator)", None), ("not_a_member", None, None)),
    (("nobody", "Jane", "Doe", "Doe, Jane (Senator)", D(2020, 5, 1)), ("not_a_member", None, None)),
]


def test_traps(member_tables):
    got = run_match(member_tables, [report(*row) for row, _ in TRAPS])
    assert {k: outcome(r) for k, r in got.items()} == {row[0]: want for row, want in TRAPS}
    assert (got["scott"]["candidates"], got["scott"]["state"]) == ("S001184,S001217", None)
    assert (got["udall-mark-after"]["candidates"], got["udall-mark-after"]["state"]) == ("U000038", "CO")
    assert got["nobody"]["candidates"] is None
    assert got["mcconnell-caps"]["filer_name"] == "A. MITCHELL MCCONNELL Jr."


def test_a_former_senator_is_not_confused_with_a_serving_namesake(member_tables):
    got = run_match(member_tables, [
        report("senator", None, "Udall", "Senator", D(2015, 2, 10)),
        report("former", None, "Udall", "Former Senator", D(2015, 2, 10)),
        report("initial", "M", "Udall", "Senator", D(2015, 2, 10)),
    ])
    # Without a given name, a 'Senator' is the one serving and a 'Former Senator' the one who left;
    # an initial that only the former Senator's names start with is his.
    assert outcome(got["senator"]) == ("matched", "senate_last_name", "U000039")
    assert outcome(got["former"]) == ("matched", "former_senator_last_name", "U000038")
    assert outcome(got["initial"]) == ("matched", "former_senator_last_name", "U000038")


# -- checks -------------------------------------------------------------------------------------


def test_checks_pass_on_real_matches_and_catch_a_missing_row(member_tables):
    members, terms = member_tables
    rows = [report("f330078d-ccbe-46f5-9764-376f7b421236", "Gary C", "Peters", "Peters, Gary (Senator)",
                   D(2020, 1, 25)),
            report("b-scott", None, "Scott", "Senator", D(2020, 5, 1)),
            report("c-doe", "Jane", "Doe", "Doe, Jane (Senator)", D(2020, 5, 1))]
    got = run_match(member_tables, rows)
    matches = pa.Table.from_pylist(list(got.values()), table_spec("silver.senate_filer_matches").arrow_schema())
    filings = [r | dict(report_kind="ptr", is_amendment=False, extraction_status="ok", report_url="u",
                        parser_version="1", page_sha256="a" * 64, extracted_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
               for r in rows]
    data = {"silver.senate_filer_matches": matches, "silver.members": members, "silver.member_terms": terms,
            "silver.senate_filings": pa.Table.from_pylist(filings, SENATE_FILINGS.arrow_schema())}
    results = run_checks("silver.senate_filer_matches", data)
    assert {r.check: r.outcome for r in results if r.outcome != "pass"} == {}
    data["silver.senate_filings"] = data["silver.senate_filings"].slice(0, 2)
    results = run_checks("silver.senate_filer_matches", data)
    assert {r.check: r.outcome for r in results if r.outcome != "pass"} == {
        "every report of silver.senate_filings has exactly its match row": "fail"}
