"""The public rendering functions and the mirror: a directory laid out like the Clerk's site.
"""

from __future__ import annotations

import io
import logging
import pathlib
import zipfile
from typing import TYPE_CHECKING

from synthetic.filings import MirrorManifest, SyntheticFiling, make_filings
from synthetic.index import write_index_txt, write_index_xml
from synthetic.pdf import _notice_pages, _pdf_document, _ptr_pages

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Public rendering and the mirror
# --------------------------------------------------------------------------------------------


def render_ptr_pdf(filing: SyntheticFiling) -> bytes:
    """Render a PTR in the Clerk's e-filed layout (image-only for paper filings).

    Raises:
        ValueError: If the filing is not of type P.
    """
    if filing.filing_type != "P":
        raise ValueError(f"render_ptr_pdf needs a type P filing; {filing.doc_id} is {filing.filing_type!r}")
    return _pdf_document(filing, _ptr_pages(filing), "ptr")


def render_notice_pdf(filing: SyntheticFiling) -> bytes:
    """Render a one-page stand-in for a non-PTR filing that says what kind of filing it is.

    Raises:
        ValueError: If the filing is a PTR; use :func:`render_ptr_pdf`.
    """
    if filing.filing_type == "P":
        raise ValueError(f"{filing.doc_id} is a PTR; use render_ptr_pdf")
    return _pdf_document(filing, _notice_pages(filing), "notice")


def pdf_relpath(filing: SyntheticFiling) -> pathlib.PurePosixPath:
    """The Clerk's path of a filing's PDF, relative to the site root."""
    folder = "ptr-pdfs" if filing.filing_type == "P" else "financial-pdfs"
    return pathlib.PurePosixPath("public_disc", folder, str(filing.year), f"{filing.doc_id}.pdf")


def build_mirror(
    root: pathlib.Path, year: int = 2025, n_filings: int = 120, *, seed: int = 7, version: int = 1,
    pdfs: bool = True,
) -> MirrorManifest:
    """Write a synthetic mirror of the Clerk's site under ``root``.

    Layout (relative to ``root``, as on disclosures-clerk.house.gov): the index zip
    ``public_disc/financial-pdfs/{year}FD.zip`` holding ``{year}FD.xml`` and ``{year}FD.txt``;
    PTRs at ``public_disc/ptr-pdfs/{year}/{DocID}.pdf``; every other type at
    ``public_disc/financial-pdfs/{year}/{DocID}.pdf``. Existing files are overwritten, so
    building version 2 over version 1 looks like the Clerk's update. Output bytes depend only
    on the arguments.

    Args:
        root: Directory to write into; created if missing.
        year: Filing year.
        n_filings: Index rows of version 1 (see :func:`make_filings`).
        seed: Random seed.
        version: Index version (see :func:`make_filings`).
        pdfs: Also write one PDF per distinct DocID.

    Returns:
        The manifest with the ground truth.
    """
    root = pathlib.Path(root)
    filings = make_filings(year, n_filings, seed=seed, version=version)
    index_zip = root / "public_disc" / "financial-pdfs" / f"{year}FD.zip"
    index_zip.parent.mkdir(parents=True, exist_ok=True)
    stamp = max(f.filing_date for f in filings if f.filing_date is not None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in ((f"{year}FD.txt", write_index_txt(filings, year)),
                           (f"{year}FD.xml", write_index_xml(filings, year))):
            info = zipfile.ZipInfo(name, date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    index_zip.write_bytes(buffer.getvalue())

    pdf_paths: dict[str, pathlib.Path] = {}
    if pdfs:
        for f in filings:
            if f.doc_id in pdf_paths:
                continue
            path = root / pdf_relpath(f)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_ptr_pdf(f) if f.filing_type == "P" else render_notice_pdf(f))
            pdf_paths[f.doc_id] = path
    logger.info("synthetic mirror %d v%d: %d index rows, %d PDFs under %s",
                year, version, len(filings), len(pdf_paths), root)
    return MirrorManifest(root=root, year=year, filings=filings, index_zip=index_zip, pdf_paths=pdf_paths)
