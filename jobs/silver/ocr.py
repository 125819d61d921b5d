"""OCR fallback for PTR PDFs without a text layer (scans and image-only copies).

Pages are rendered with poppler's ``pdftoppm`` and read with the ``tesseract`` CLI, whose TSV output
gives a box per word; the words then go through the same row assembly as the text layer
(:func:`jobs.silver.ptr_pdf.assemble_ptr`), with wider alignment tolerances. Only the two binaries
are needed (Debian: ``poppler-utils``, ``tesseract-ocr``), no Python OCR packages.

The assembly expects the e-filed table layout (``ID | Owner | Asset | Transaction Type | ...``),
so this reads image-only copies of e-filed PTRs well. The Ethics paper form, whose type and amount
are ticked boxes, is read by :mod:`jobs.silver.paper_form` instead; only scans that are not that
form come here.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

from jobs.silver.ptr_pdf import (
    Box,
    LayoutTolerance,
    PageContent,
    PtrDocument,
    PtrExtractionError,
    Word,
    assemble_ptr,
    check_pdf_bytes,
)

#: Render resolution; Tesseract is trained on ~300 dpi text, and the PTR's 8.5 pt sub-lines need it.
DEFAULT_DPI = 300

#: OCR boxes wobble more than text-layer glyph boxes.
OCR_TOLERANCE = LayoutTolerance(line=4.0, column=6.0, ocr_fixes=True)

_JUNK = frozenset("|_~—–‘’'\"`°«»©®")


class OcrUnavailableError(PtrExtractionError):
    """``pdftoppm`` or ``tesseract`` is not installed, so no OCR can run."""


def ocr_available() -> bool:
    """Tell whether both OCR binaries (``pdftoppm`` and ``tesseract``) are on the PATH."""
    return shutil.which("pdftoppm") is not None and shutil.which("tesseract") is not None


def ocr_ptr(
    pdf: bytes, *, dpi: int = DEFAULT_DPI, timeout: float = 300.0, workers: int | None = None
) -> PtrDocument:
    """Extract a PTR by OCR: render every page, read its words, assemble rows as for text.

    Args:
        pdf: The PDF file's bytes.
        dpi: Render resolution for Tesseract.
        timeout: Seconds allowed for each subprocess (rendering, and OCR of one page).
        workers: Pages OCR'd concurrently; defaults to the CPU count. Each Tesseract runs
            single-threaded, which is faster overall than its own OpenMP threads.

    Returns:
        The document with ``method='ocr'``.

    Raises:
        OcrUnavailableError: If ``pdftoppm`` or ``tesseract`` is missing.
        PtrExtractionError: If the bytes are not a PDF or poppler cannot render them.
    """
    missing = [name for name in ("pdftoppm", "tesseract") if shutil.which(name) is None]
    if missing:
        raise OcrUnavailableError(
            f"OCR needs {' and '.join(missing)} on the PATH; on Debian/Ubuntu: "
            "apt-get install poppler-utils tesseract-ocr"
        )
    check_pdf_bytes(pdf)
    with tempfile.TemporaryDirectory(prefix="ptr-ocr-") as tmp:
        images = _render(pdf, Path(tmp), dpi, timeout)
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            pages = list(pool.map(lambda image: _ocr_page(image, dpi, timeout), images))
    return assemble_ptr(pages, method="ocr", tolerance=OCR_TOLERANCE)


def _render(pdf: bytes, tmp: Path, dpi: int, timeout: float) -> list[Path]:
    """Grey-scale images of every page, in page order.

    Uncompressed PGM, not PNG: the pixels are the same, but encoding a 300 dpi page as PNG took
    ~0.55 s of pdftoppm's ~0.75 s, and Tesseract and pillow then had to decode it again.
    """
    source = tmp / "input.pdf"
    source.write_bytes(pdf)
    command = ["pdftoppm", "-r", str(dpi), "-gray", str(source), str(tmp / "page")]
    done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    images = sorted(tmp.glob("page-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if done.returncode != 0 or not images:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise PtrExtractionError(f"pdftoppm could not render the PDF for OCR: {detail}")
    return images


def _ocr_page(image: Path, dpi: int, timeout: float) -> PageContent:
    """Words (in points) of one rendered page, plus the filled radio buttons found near Yes/No."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # psm 4 (one column of lines of varying size) keeps the lone 'P' of the transaction-type
    # column, which the default automatic segmentation drops as a speck on most pages.
    command = ["tesseract", str(image), "stdout", "--psm", "4", "-l", "eng", "tsv"]
    done = subprocess.run(command, capture_output=True, timeout=timeout, check=False, env=env)
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise PtrExtractionError(f"tesseract failed on {image.name}: {detail}")
    scale = 72.0 / dpi
    words = _tsv_words(done.stdout.decode("utf-8", "replace"), scale)
    return PageContent(tuple(words), _radio_marks(image, words, scale))


def _tsv_words(tsv: str, scale: float) -> list[Word]:
    """Word boxes from Tesseract's TSV (level 5 rows), converted from pixels to points."""
    words = []
    for record in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (record.get("text") or "").strip()
        if record.get("level") != "5" or not text or all(ch in _JUNK for ch in text):
            continue
        left, top = float(record["left"]), float(record["top"])
        width, height = float(record["width"]), float(record["height"])
        words.append(Word(text, left * scale, (left + width) * scale, top * scale, (top + height) * scale))
    return words


def _radio_marks(image: Path, words: Sequence[Word], scale: float) -> tuple[Box, ...]:
    """A mark at each Yes/No radio button whose centre is inked (selected), found in the pixels.

    The button sits just left of its label: take the dark pixels there, and call it selected when
    the middle of their bounding box is mostly dark (a filled dot), not blank (an empty ring).
    """
    options = [w for w in words if w.text.lower().strip(".,") in ("yes", "no")]
    if not options:
        return ()
    marks = []
    with Image.open(image) as img:
        grey = img.convert("L")
        for word in options:
            height = word.bottom - word.top
            probe = (
                (word.x0 - 3.0 * height) / scale,
                (word.top - 0.5 * height) / scale,
                (word.x0 - 1.0) / scale,
                (word.bottom + 0.5 * height) / scale,
            )
            probe = (max(0.0, probe[0]), max(0.0, probe[1]), probe[2], probe[3])  # crop pads with black
            region = grey.crop(tuple(int(v) for v in probe))
            # The e-filed radio is drawn in light grey (ring and dot about 210 on 255): any ink counts.
            dark = region.point(lambda v: 255 if v < 230 else 0)
            bbox = dark.getbbox()
            if bbox is None:
                continue
            x0, y0, x1, y1 = bbox
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            cx0, cy0 = x0 + (x1 - x0) * 0.3, y0 + (y1 - y0) * 0.3
            cx1, cy1 = x0 + (x1 - x0) * 0.7, y0 + (y1 - y0) * 0.7
            centre = dark.crop((int(cx0), int(cy0), max(int(cx1), int(cx0) + 1), max(int(cy1), int(cy0) + 1)))
            histogram = centre.histogram()
            inked = histogram[255] / max(1, sum(histogram))
            if inked > 0.5:
                left, top = probe[0] * scale, probe[1] * scale
                marks.append(
                    Box(left + cx0 * scale, left + cx1 * scale, top + cy0 * scale, top + cy1 * scale)
                )
    return tuple(marks)
