"""Data sources are declared once, beside their ingest code, and cover every bronze table."""

from click.testing import CliRunner

from catalog.registry import iter_specs, table_spec
from jobs.registry import discover, source, sources
from lakehouse.cli import main


def test_sources_are_found_in_their_modules():
    assert [s.name for s in sources()] == ["house", "members", "reference", "senate"]
    house = source("house")
    assert (house.chamber, house.documents, house.extraction) == ("house", "bronze.house_documents",
                                                                  "silver.ptr_extraction")


def test_every_bronze_table_belongs_to_exactly_one_source():
    written = [table for s in sources() for table in s.writes]
    assert len(written) == len(set(written))
    assert {spec.identifier for spec in iter_specs("bronze")} <= set(written)
    for table in written:
        table_spec(table)  # registered, or NoSuchTableError


def test_each_extraction_reads_the_documents_of_the_sources_naming_it():
    extractions = {job.name: job for job in discover() if hasattr(job, "outputs")}
    for spec in sources():
        if spec.extraction:
            assert spec.documents in extractions[spec.extraction].inputs


def test_lakehouse_sources_lists_them_on_an_empty_home(tmp_path):
    result = CliRunner().invoke(main, ["--home", str(tmp_path / "home"), "sources"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "house [house]: House Clerk financial disclosures: yearly indexes and filing PDFs",
        "  from https://disclosures-clerk.house.gov (or --source DIR_OR_URL: `lakehouse ingest house --help`)",
        "  writes bronze.house_fd_index (not created yet: run `lakehouse init`)",
    ]
    assert "  documents in bronze.house_documents, read by silver.ptr_extraction" in result.output
