"""The README's data dictionary is the registry's (run `make docs` after changing a table)."""

from __future__ import annotations

from catalog.registry import data_dictionary
from tests.conftest import REPO


def test_readme_data_dictionary_is_current():
    readme = (REPO / "README.md").read_text()
    start, end = "<!-- data-dictionary:start -->\n", "<!-- data-dictionary:end -->"
    section = readme[readme.index(start) + len(start): readme.index(end)]
    assert section == data_dictionary(), "README data dictionary is stale: run `make docs`"


def test_readme_names_the_two_commands_and_the_legal_notice():
    readme = (REPO / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
    assert "5 U.S.C. §13107" in readme
