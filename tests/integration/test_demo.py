"""`make demo` end to end: the narrated run on synthetic filings must show what the README promises."""

from __future__ import annotations

import re

import pytest

from lakehouse.demo import BAD_DOC_ID, run_demo
from synthetic.senate import make_senate_reports

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def transcript(tmp_path_factory) -> list[str]:
    """The demo's narrated output (one run for the module: it takes ~40 s)."""
    lines: list[str] = []
    run_demo(tmp_path_factory.mktemp("demo") / "demo", lines.append)
    return lines


def test_demo_runs_and_shows_the_gate_time_travel_and_flight_sql(transcript):
    text = "\n".join(transcript)

    assert "SYNTHETIC filings of fictional filers; no real House or Senate record is involved" in text
    gate = re.search(r"Quality gate of run \w+: (\d+) of (\d+) checks passed \(\d+ with warnings[^)]*\) on (\d+) tables", text)
    assert gate, text
    passed, total, tables = map(int, gate.groups())
    assert passed == total and total > 100 and tables >= 10
    # The odd record is published with its issue; the truncated index is refused with exit code 3
    # and main stays; the whole index with the corrected record is published.
    assert re.search(rf"{BAD_DOC_ID}\s+2095-02-03\s+Fictional Exampleton\s+\['implausible_filing_date'\]", text)
    assert "REJECTED (exit code 3): silver.filings: the audit failed" in text
    assert "FAIL  no year's index shrinks by more than 20% since it was last published" in text
    assert re.search(r"main is untouched \(silver.filings still at snapshot \d+: True\)", text)
    assert re.search(rf"{BAD_DOC_ID}\s+2025-02-03\s+Fictional Exampleton\s+\[\]", text)
    assert "(same as before the update: True)" in text
    # Plain Flight time travel, then one ADBC (Flight SQL) query with a bound parameter.
    flight = re.search(r"gold.fact_filings has (\d+) rows now, (\d+) at snapshot", text)
    assert flight and int(flight.group(1)) > int(flight.group(2))
    adbc = text.split("8. Flight SQL through ADBC", 1)[1]
    assert re.search(r"ticker\s+trades\s+members", adbc) and "(5 rows)" in adbc


def test_demo_ends_with_both_chambers_in_gold(transcript):
    """The seeded generators give exact counts: the Senate mirror's 8 reports (7 e-filed, one an amendment
    restating the first; 1 on paper with 2 page images) all reach gold matched to their fictional Senator;
    gold counts the amendment's rows, not its original's."""
    lines, text = transcript, "\n".join(transcript)

    assert ("8 PTRs of 4 fictional Senators, 7 e-filed (one an amendment), 1 on paper (2 page images)") in text
    assert "senate 2025-02-15..2025-09-27: 8 reports listed via mirror, 8 fetched (2 paper page images), " \
        "0 already held, 0 quarantined" in text
    chambers = [line.strip() for line in lines if line.startswith("   gold house:") or line.startswith("   gold senate:")]
    assert chambers == [
        # after the first ingest and transform
        "gold house: 149 filings (18 on paper), 544 transactions",
        "gold senate: 8 filings (1 on paper), 19 transactions",
        # at the end: the Clerk's update and the corrected record added House filings; the Senate is unchanged
        "gold house: 165 filings (20 on paper), 562 transactions",
        "gold senate: 8 filings (1 on paper), 19 transactions",
    ]
    # The ground truth of the generator agrees: 24 rows on the e-filed pages, 5 of them the restated original's.
    reports = make_senate_reports(2025)
    restated = {r.amends for r in reports if r.amends}
    assert sum(len(r.transactions) for r in reports) == 24
    assert sum(len(r.transactions) for r in reports if r.report_id not in restated) == 19
    senate = text.split("4. Senate reports, back to the eFD page", 1)[1].split("\n== ", 1)[0]
    table = [line.split() for line in senate.splitlines()[3:11]]
    assert [(row[-1][-3:], row[-2]) for row in table] == [
        ("001", "0"), ("002", "5"), ("003", "5"), ("005", "2"), ("007", "0"), ("004", "2"), ("006", "2"), ("008", "3")]
    assert {row[-5] for row in table} == {"Z995001", "Z995002", "Z995003", "Z995004"}  # every report matched
    assert "DALE SAMPLEBY" in senate and "(8 rows)" in senate  # the paper row names the filer in capitals
