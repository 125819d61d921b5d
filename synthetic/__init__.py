"""Synthetic House Clerk mirror (the demo and benchmarks' data, made on any machine).

Fictional filings in the Clerk's real index and PDF formats.

The demo and the benchmarks must run on a machine with no real data, and real public records
must never be copied into the repository, so everything here is generated from a seed. The
formats are copied from the real files (domain guide sections 2, 3 and 10):

* the index zip holds ``{YEAR}FD.xml`` (UTF-8 BOM, CRLF, 2/4-space indentation, self-closing
  empty tags, no final newline) and ``{YEAR}FD.txt`` (tab-separated, header row, CRLF);
* e-filed PDFs are letter-size, RC4-128 encrypted with an empty user password, and their text
  layer reproduces the Clerk's quirks: small-caps headings extract as the first letter followed
  by NULs (``P\\x00\\x00...``), the PTR table words sit at the real column x-positions, asset
  names and amounts wrap (``$250,001 -`` / ``$500,000``), rows split across pages, and the
  Cap. Gains box extracts as ``gfedc`` (empty) or ``gfedcb`` (ticked) as in older e-PTRs;
* paper filings (7-digit DocIDs) are image-only pages with no text layer, for the OCR path.

The PDFs are written by a small writer in this module rather than by fpdf2 because the NUL
headings need a ToUnicode CMap on a standard font, which fpdf2 cannot attach. Every PDF says
:data:`SYNTHETIC_LABEL` in its metadata and in a footer on each page.
"""

from synthetic.filings import (
    AMOUNT_BUCKETS,
    SYNTHETIC_LABEL,
    TRANSACTION_CODES,
    MirrorManifest,
    SyntheticFiling,
    SyntheticTransaction,
    make_filings,
)
from synthetic.index import write_index_txt, write_index_xml
from synthetic.mirror import build_mirror, pdf_relpath, render_notice_pdf, render_ptr_pdf
from synthetic.pdf import PTR_COLUMNS

__all__ = ["AMOUNT_BUCKETS", "PTR_COLUMNS", "SYNTHETIC_LABEL", "TRANSACTION_CODES", "MirrorManifest", "SyntheticFiling",
           "SyntheticTransaction", "build_mirror", "make_filings", "pdf_relpath", "render_notice_pdf",
           "render_ptr_pdf", "write_index_txt", "write_index_xml"]
