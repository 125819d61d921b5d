"""`make demo` end to end: the narrated run on synthetic filings must show what the README promises."""

from __future__ import annotations

import re

import pytest

from lakehouse.demo import BAD_DOC_ID, run_demo

pytestmark = pytest.mark.integration


def test_demo_runs_and_shows_the_gate_time_travel_and_flight_sql(tmp_path):
    lines: list[str] = []
    run_demo(tmp_path / "demo", lines.append)
    text = "\n".join(lines)

    assert "SYNTHETIC filings of fictional filers" in text
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
