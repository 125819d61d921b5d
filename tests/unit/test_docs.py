"""The data dictionary (docs/data-dictionary.md) is the registry's (run `make docs` after changing a table),
and the README is the front door."""

from __future__ import annotations

from catalog.registry import data_dictionary
from tests.conftest import REPO


def test_data_dictionary_is_current():
    readme = (REPO / "docs" / "data-dictionary.md").read_text()
    start, end = "<!-- data-dictionary:start -->\n", "<!-- data-dictionary:end -->"
    section = readme[readme.index(start) + len(start): readme.index(end)]
    assert section == data_dictionary(), "docs/data-dictionary.md is stale: run `make docs`"


def test_readme_names_the_two_commands_and_the_legal_notice():
    readme = (REPO / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
    assert "5 U.S.C. §13107" in readme


def test_readme_is_the_front_door_and_every_doc_link_resolves():
    """What it is, a picture, the two commands, where to read on; the reference lives in docs/."""
    import re

    readme = (REPO / "README.md").read_text()
    assert len(readme.splitlines()) < 250, "README is the front door; put reference material in docs/"
    assert "![" in readme and "## Where to read on" in readme
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text()):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.name} links to {target}, which does not exist"
