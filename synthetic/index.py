"""The Clerk's yearly index files (``{YEAR}FD.xml`` and ``.txt``) for synthetic filings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from synthetic.filings import SyntheticFiling

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Index files
# --------------------------------------------------------------------------------------------

_INDEX_FIELDS = ("Prefix", "Last", "First", "Suffix", "FilingType", "StateDst", "Year", "FilingDate", "DocID")


def _index_rows(filings: Iterable[SyntheticFiling], year: int) -> list[tuple[str, ...]]:
    """Index values per row, in the Clerk's order: by name, ignoring case, apostrophes and hyphens."""
    rows = [
        (f.prefix, f.last, f.first, f.suffix, f.filing_type, f.state_dst, str(year),
         f"{f.filing_date.month}/{f.filing_date.day}/{f.filing_date.year}" if f.filing_date else "",
         f.doc_id)
        for f in filings
    ]
    def collate(name: str) -> str:
        return name.lower().replace("'", "").replace("-", "")

    return sorted(rows, key=lambda r: (collate(r[1]), collate(r[2]), int(r[8])))


def _xml_escape(value: str) -> str:
    # The Clerk leaves quotes raw (<First>Charles J. "Chuck"</First>); only &, < and > are escaped.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_index_xml(filings: Iterable[SyntheticFiling], year: int) -> bytes:
    """Render ``{year}FD.xml`` byte for byte in the Clerk's layout; ``year`` fills the Year column.

    UTF-8 with BOM, CRLF line ends (as in the Clerk's 2023 and 2024 files), 2-space indented
    ``<Member>`` elements with their 9 children, ``<Tag />`` for empty values, no final newline.
    """
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<FinancialDisclosure>"]
    for row in _index_rows(filings, year):
        lines.append("  <Member>")
        for tag, value in zip(_INDEX_FIELDS, row, strict=True):
            lines.append(f"    <{tag}>{_xml_escape(value)}</{tag}>" if value else f"    <{tag} />")
        lines.append("  </Member>")
    lines.append("</FinancialDisclosure>")
    return "\r\n".join(lines).encode("utf-8-sig")


def write_index_txt(filings: Iterable[SyntheticFiling], year: int) -> bytes:
    """Render ``{year}FD.txt``: a tab-separated header row and one row per filing, CRLF, no BOM."""
    lines = ["\t".join(_INDEX_FIELDS)] + ["\t".join(r) for r in _index_rows(filings, year)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


