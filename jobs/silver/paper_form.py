"""Paper PTRs: the Committee on Ethics form, read from its scanned page images.

A paper PTR is a scan with no text layer. Its transactions are a table whose facts this module
encodes, and nothing about one particular scan:

- each transaction row prints one check box per transaction type (4: Purchase, Sale, Partial Sale,
  Exchange) and one per amount column (11: A-J, the buckets, and K, "Transaction in a Spouse or
  Dependent Child Asset over $1,000,000"), all the same size, in one straight row;
- the two date columns (transaction, notification) lie between the four type boxes and the eleven
  amount boxes; the owner (SP/DC/JT) and the full asset name lie left of the type boxes;
- the filer marks a box (an X, a tick or a fill) and writes or types everything else;
- a scan can come at any quarter turn (the transaction page is landscape) and slightly skewed.

So a page is read by geometry, not by where things were on one sample: find the small squares
(OpenCV contours), chain those that line up into rows, turn the page until the rows are horizontal
and the group of 4 boxes is left of the group of 11, and read each box's ink against the empty
boxes of its group. Marks give the transaction type and amount bucket exactly; the handwritten
cells are cut out for a person to read (``lakehouse review``), and OCR (Tesseract, when installed)
proposes a value only where it is confident and the value is valid. A page without that grid is not
this form: the caller falls back to OCR of the e-filed layout, and a document neither reads goes to
review whole.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import math
import re
import shutil
import subprocess
from collections.abc import Sequence

import numpy as np

from jobs.silver.ptr_pdf import (
    AMOUNT_BUCKETS,
    ERA_PAPER_FORM,
    PtrDocument,
    PtrExtractionError,
    PtrHeader,
    PtrRow,
    check_pdf_bytes,
)

#: Render resolution: the Clerk's scans are 200 ppi bi-level images, so this reads every pixel once.
DPI = 200
#: The check box side on the form is about 0.21 in (42 px at 200 dpi); allow for other printings.
BOX_SIDE_IN = (0.12, 0.34)
TYPE_COLUMNS = ("purchase", "sale", "partial_sale", "exchange")
AMOUNT_COLUMNS = (*AMOUNT_BUCKETS, "Spouse/DC Over $1,000,000")
#: Bounds of each amount column; K is a spouse or dependent child's asset over $1,000,000.
AMOUNT_BOUNDS = (*AMOUNT_BUCKETS.values(), (1_000_001, None))
#: Share of a box's inside that a mark inks beyond an empty box of its group: an X of two 3 px
#: strokes inks ~20%, a tick ~8%; scanner specks stay under 1%. Between the two is "faint".
MARK_INK, FAINT_INK = 0.05, 0.02
OWNERS = ("SP", "DC", "JT")
#: Tesseract word confidence (0-100) a proposed value needs; handwriting rarely reaches it.
OCR_MIN_CONFIDENCE = 80.0
TEXT_FIELDS = ("owner", "asset_name", "transaction_date", "notification_date")


@dataclasses.dataclass(frozen=True)
class PaperRow:
    """One filled row of the form's transaction table."""

    line_no: int
    page: int
    transaction_type: str | None
    amount_range: str | None
    amount_low: int | None
    amount_high: int | None
    proposed: dict
    """OCR's confident, valid readings of written cells (dates as ISO strings), and ``owner: None``
    for a blank owner cell (the filer's own asset): proposals the reviewer confirms or corrects."""
    unread: tuple[str, ...]
    """The written cells: a person reads them (the review queue); until then they are null in silver."""
    checks_failed: tuple[str, ...]
    """Grid problems: no_type_marked, several_types_marked, no_amount_marked, several_amounts_marked,
    faint_mark."""
    image_png: bytes
    """The row cut from the upright page (owner to the last amount box), for the reviewer."""


@dataclasses.dataclass(frozen=True)
class PaperReading:
    """What the grid reader found in a scanned PDF."""

    pages: int
    rows: tuple[PaperRow, ...]
    form_pages: tuple[int, ...]
    """1-based pages where the form's check-box grid was found."""
    turns: dict
    """Page -> clockwise quarter turns that made it upright."""
    issues: tuple[str, ...]
    header: dict = dataclasses.field(default_factory=dict)
    """Check boxes of the form's header, where OCR found their printed labels: ``status`` ('Member'
    or 'Officer or Employee'), ``ipo_answer`` (bool), ``amendment`` (bool)."""

    @property
    def recognised(self) -> bool:
        return bool(self.form_pages)


@dataclasses.dataclass(frozen=True)
class _Box:
    x: float
    y: float
    side: float


def read_paper_form(pdf: bytes, *, ocr: bool = True) -> PaperReading:
    """Read the transaction grid of a scanned Ethics paper PTR.

    Args:
        pdf: The PDF bytes.
        ocr: Propose text-field values with Tesseract where it is installed and confident.

    Raises:
        PtrExtractionError: The bytes are not a PDF pdfium can render.
    """
    import pypdfium2 as pdfium

    check_pdf_bytes(pdf)
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PtrExtractionError(f"pdfium could not open the scanned PDF: {exc}") from None
    try:
        images = []
        for page in document:
            image = page.render(scale=DPI / 72, grayscale=True).to_numpy()
            images.append(np.array(image[..., 0] if image.ndim == 3 else image, copy=True))  # outlives pdfium
    finally:
        document.close()
    return read_paper_pages(images, ocr=ocr)


def read_paper_pages(images: Sequence[np.ndarray], *, ocr: bool = True) -> PaperReading:
    """Read the transaction grid from page images (grey, 0-255, at :data:`DPI`), in page order."""
    use_ocr = ocr and shutil.which("tesseract") is not None
    rows: list[PaperRow] = []
    form_pages, turns, issues, header = [], {}, [], None
    for number, image in enumerate(images, start=1):
        found = _read_page(image, number, len(rows), use_ocr)
        if found is None:
            continue
        page_rows, page_turns, page_header = found
        form_pages.append(number)
        turns[number] = page_turns
        rows.extend(page_rows)
        header = header or page_header
    if form_pages and not rows:
        issues.append("paper_form_empty")
    if form_pages and not use_ocr:
        issues.append("ocr_unavailable")
    return PaperReading(
        len(images), tuple(rows), tuple(form_pages), turns, tuple(dict.fromkeys(issues)), header or {}
    )


def _read_page(image: np.ndarray, page: int, rows_before: int, use_ocr: bool):
    """Rows of one page, or None when the page has no check-box grid of the form."""
    import cv2

    ink = (image < 128).astype(np.uint8)
    if len(_boxes(ink)) < 15:
        return None
    # Try the page as scanned and a quarter turn: the grid is found only where its rows run left to
    # right (row and column pitches are alike, so box neighbours alone cannot tell).
    for turns, code in ((0, None), (1, cv2.ROTATE_90_CLOCKWISE)):
        turned_image = image if code is None else cv2.rotate(image, code)
        turned_ink = ink if code is None else cv2.rotate(ink, code)
        grid = _grid(turned_ink)
        if grid == "flipped":  # the group of 11 is on the left: upside down
            turned_image = cv2.rotate(turned_image, cv2.ROTATE_180)
            turned_ink = cv2.rotate(turned_ink, cv2.ROTATE_180)
            turns = (turns + 2) % 4
            grid = _grid(turned_ink)
        if grid is not None and grid != "flipped":
            image, ink = turned_image, turned_ink
            break
    else:
        return None
    angle, rows_y, columns_x, side = grid
    upright_image, upright_ink, total = image, ink, 0.0
    for _ in range(3):  # straighten until the rows are level (each estimate is from a few rows)
        if abs(angle) <= 0.1:
            break
        total += angle  # always turn the scan itself: turning a turned image blurs its thin lines
        turned_image, turned_ink = _rotate(upright_image, total), _rotate(upright_ink, total)
        again = _grid(turned_ink)
        if again is None or again == "flipped":
            break
        image, ink = turned_image, turned_ink
        angle, rows_y, columns_x, side = again
    header = _read_header(image, ink, rows_y[0] - 2 * side) if use_ocr and rows_before == 0 else None
    return _rows(image, ink, rows_y, columns_x, side, page, rows_before, use_ocr), turns, header


#: The header's check boxes, by the printed label right of each: (field, value).
HEADER_BOXES = {
    "member": ("status", "Member"),
    "officer": ("status", "Officer or Employee"),
    "yes": ("ipo_answer", True),
    "no": ("ipo_answer", False),
    "initial": ("amendment", False),
    "amendment": ("amendment", True),
}


def _read_header(image: np.ndarray, ink: np.ndarray, grid_top: float) -> dict:
    """The header's ticked boxes (filer status, the IPO question, initial report or amendment).

    The labels are printed, so OCR reads them reliably; each box is the square just left of its
    label. A field is set only when exactly one of its boxes is marked.
    """
    top = int(max(0, grid_top))
    if top < DPI:  # no header above the grid (a continuation page)
        return {}
    boxes = [b for b in _boxes(ink[:top]) if b.side < 0.4 * DPI]
    side = float(np.median([b.side for b in boxes])) if boxes else 0.21 * DPI
    words = _tesseract_words(_without_boxes(image[:top], ink[:top], side))
    marked: dict[str, list] = {}
    for text, (x0, y0, _x1, y1) in words:
        label = HEADER_BOXES.get(re.sub(r"[^a-z]", "", text.lower()))
        if label is None:
            continue
        near = [
            b for b in boxes if 0 < x0 - (b.x + b.side / 2) < 3 * b.side and abs(b.y - (y0 + y1) / 2) < b.side
        ]
        box = min(near, key=lambda b: x0 - b.x) if near else _marked_box_left_of(ink, x0, (y0 + y1) / 2, side)
        if box is not None and _inside_ink(ink, box.x, box.y, box.side) >= MARK_INK:
            marked.setdefault(label[0], []).append(label[1])
    return {field: values[0] for field, values in marked.items() if len(set(values)) == 1}


def _without_boxes(image: np.ndarray, ink: np.ndarray, side: float) -> np.ndarray:
    """``image`` with every box-sized piece of ink whited out: a ticked box beside a short label
    ('No') otherwise reads as one word ('[DK]')."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(np.ascontiguousarray(ink), connectivity=8)
    sizes = (stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    boxy = (
        (sizes[0] >= 0.7 * side)
        & (sizes[0] <= 1.6 * side)
        & (sizes[1] >= 0.7 * side)
        & (sizes[1] <= 1.6 * side)
    )
    boxy[0] = False
    clean = image.copy()
    clean[cv2.dilate(boxy[labels].astype(np.uint8), np.ones((5, 5), np.uint8)) > 0] = (
        255  # and their grey edges
    )
    return clean


def _marked_box_left_of(ink: np.ndarray, x: float, y: float, side: float) -> _Box | None:
    """The box just left of a label when its square was not found: an X drawn past a box's edges
    joins them into one piece of ink about the box's size."""
    import cv2

    left, top = int(max(0, x - 3 * side)), int(max(0, y - side))
    region = np.ascontiguousarray(ink[top : int(y + side), left : int(x)])
    if region.size == 0:
        return None
    count, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    pieces = [
        stats[i]
        for i in range(1, count)
        if 0.7 * side <= stats[i][cv2.CC_STAT_WIDTH] <= 1.6 * side
        and 0.7 * side <= stats[i][cv2.CC_STAT_HEIGHT] <= 1.6 * side
    ]
    if not pieces:
        return None
    best = max(pieces, key=lambda p: p[cv2.CC_STAT_LEFT])  # the nearest to the label
    return _Box(
        left + best[cv2.CC_STAT_LEFT] + best[cv2.CC_STAT_WIDTH] / 2,
        top + best[cv2.CC_STAT_TOP] + best[cv2.CC_STAT_HEIGHT] / 2,
        side,
    )


def _tesseract_words(image: np.ndarray) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Words and their pixel boxes (left, top, right, bottom) of printed text on an upright image."""
    import cv2

    ok, png = cv2.imencode(".png", image)
    if not ok:
        return []
    command = ["tesseract", "stdin", "stdout", "--psm", "11", "-l", "eng", "tsv"]
    try:
        done = subprocess.run(
            command,
            input=png.tobytes(),
            capture_output=True,
            timeout=120,
            check=False,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    words = []
    for record in csv.DictReader(
        io.StringIO(done.stdout.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE
    ):
        text = (record.get("text") or "").strip()
        if record.get("level") == "5" and text:
            left, top = int(record["left"]), int(record["top"])
            words.append((text, (left, top, left + int(record["width"]), top + int(record["height"]))))
    return words


def _boxes(ink: np.ndarray) -> list[_Box]:
    """Centres and sides of the small squares: the check boxes (and a few cells, removed here)."""
    import cv2

    low, high = (v * DPI for v in BOX_SIDE_IN)
    contours, _ = cv2.findContours(ink * 255, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    squares = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not (low <= w <= high and low <= h <= high and 0.8 <= w / h <= 1.25):
            continue
        if cv2.contourArea(contour) < 0.75 * w * h:
            continue
        squares.append(_Box(x + w / 2, y + h / 2, (w + h) / 2))
    squares.sort(key=lambda b: -b.side)
    kept: list[_Box] = []
    for box in squares:  # a drawn square's inner and outer edge: keep the outer one
        if not any(
            abs(box.x - k.x) < 0.2 * k.side and abs(box.y - k.y) < 0.2 * k.side and box.side > 0.75 * k.side
            for k in kept
        ):
            kept.append(box)
    # A table cell holding a box is a square too: drop a square holding a smaller one.
    return [
        b
        for b in kept
        if not any(
            o is not b
            and o.side < 0.88 * b.side
            and abs(o.x - b.x) < b.side / 2
            and abs(o.y - b.y) < b.side / 2
            for o in kept
        )
    ]


def _chains(boxes: Sequence[_Box]) -> list[list[_Box]]:
    """Boxes linked to a neighbour within reach on the right at nearly the same height: the rows.

    Chaining (not one y per row) follows a skewed scan's rows; the reach spans the date columns.
    """
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].x)
    parent = list(range(len(boxes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pos, i in enumerate(order):
        a = boxes[i]
        for j in order[pos + 1 :]:  # link to the nearest box on the right that lines up
            b = boxes[j]
            if b.x - a.x > 14 * a.side:
                break
            # Up to ~3 degrees of skew: the allowed drift grows with the distance.
            if abs(b.y - a.y) < 0.35 * a.side + 0.055 * (b.x - a.x) and abs(a.side - b.side) < 0.2 * a.side:
                parent[root(j)] = root(i)
                break
    groups: dict[int, list[_Box]] = {}
    for i, box in enumerate(boxes):
        groups.setdefault(root(i), []).append(box)
    return [sorted(g, key=lambda b: b.x) for g in groups.values()]


def _grid(ink: np.ndarray):
    """(skew angle in degrees, row centres, the 15 column centres, box side) of an upright page;
    ``'flipped'`` when upside down; None when the page has no such grid."""
    boxes = _boxes(ink)
    chains = _chains(boxes)
    strong = [r for r in chains if len(r) >= 8]
    if not strong:
        return None
    # A box touching its cell's rules is found as the cell, a little larger, at the same centre; the
    # boxes themselves are the smaller squares.
    side = float(np.percentile([b.side for r in strong for b in r], 25))
    centres = _columns(strong, side, ink)
    if centres is None or isinstance(centres, str):
        return centres
    # Skew: the slope of each row's boxes on the 15 columns (not the owner column's square cells).
    fits = []
    for row in strong:
        on = [b for b in row if min(abs(b.x - c) for c in centres) < 0.35 * side]
        if len(on) >= 8 and on[-1].x - on[0].x > 5 * side:
            fits.append((np.polyfit([b.x for b in on], [b.y for b in on], 1)[0], len(on)))
    slope = float(np.average([f for f, _ in fits], weights=[w for _, w in fits])) if fits else 0.0
    # Rows: every square standing on the columns (a row where most boxes merged into their cells'
    # rules still shows a few), by height at the first column; then rows at the pitch between or
    # beyond them whose box outlines are there.
    on_columns = [b for b in boxes if min(abs(b.x - c) for c in centres) < 0.35 * side]
    heights = sorted(b.y + (centres[0] - b.x) * slope for b in on_columns)
    clusters: list[list[float]] = []
    for y in heights:
        if clusters and y - clusters[-1][-1] < 0.4 * side:
            clusters[-1].append(y)
        else:
            clusters.append([y])
    rows_y = [float(np.median(c)) for c in clusters if len(c) >= 3]
    if not rows_y:
        return None
    rows_y = _complete_rows(ink, rows_y, centres, side, slope)
    return math.degrees(math.atan(slope)), rows_y, centres, side


def _columns(rows: list[list[_Box]], side: float, ink: np.ndarray):
    """The 15 box columns' x (4 type, then 11 amount), ``'flipped'``, or None.

    A marked box is often missed (an X drawn past its edges breaks the square), and a filer may mark
    the same column on every row: a column with no box found is restored where the form's even
    spacing puts one and its outlines are drawn.
    """
    xs = sorted(b.x for r in rows for b in r)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] < 0.5 * side:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    centres = [float(np.median(c)) for c in clusters]
    if len(centres) < 12:
        return None
    pitch = float(np.median(np.diff(centres)))
    filled = [centres[0]]
    for x in centres[1:]:
        steps = (x - filled[-1]) / pitch
        if 1.6 < steps < 3.4 and abs(steps - round(steps)) < 0.3:
            filled.extend(filled[-1] + k * (x - filled[-1]) / round(steps) for k in range(1, round(steps)))
        filled.append(x)
    runs: list[list[float]] = [[filled[0]]]
    for x in filled[1:]:
        if x - runs[-1][-1] < 1.5 * pitch:
            runs[-1].append(x)
        else:
            runs.append([x])
    for run in runs:  # a missed column at either end of a group
        for _ in range(2):
            if len(run) in (4, 11):
                break
            if _column_drawn(ink, rows, run[0] - pitch, side):
                run.insert(0, run[0] - pitch)
            elif _column_drawn(ink, rows, run[-1] + pitch, side):
                run.append(run[-1] + pitch)
    # The form: 4 type boxes, the two date columns, 11 amount boxes. A run elsewhere (square cells
    # of the owner column) is not part of it.
    lengths = [len(r) for r in runs]
    pairs = list(zip(lengths, lengths[1:], strict=False))
    if (11, 4) in pairs and (4, 11) not in pairs:
        return "flipped"
    if (4, 11) not in pairs:
        return None
    first = pairs.index((4, 11))
    return runs[first] + runs[first + 1]


def _column_drawn(ink: np.ndarray, rows: list[list[_Box]], x: float, side: float) -> bool:
    """Whether most rows have a box outline at ``x`` (at the height of the row's nearest box)."""
    drawn = sum(_box_drawn(ink, x, min(r, key=lambda b: abs(b.x - x)).y, side) for r in rows)
    return drawn >= max(1, (len(rows) + 1) // 2)


def _box_drawn(ink: np.ndarray, x: float, y: float, side: float) -> bool:
    """Whether a box outline of ``side`` is drawn centred at (x, y): ink along all four edges."""
    half, band = side / 2, max(2, int(side * 0.08))
    top, bottom, left, right = int(y - half), int(y + half), int(x - half), int(x + half)
    if top - band < 0 or left - band < 0 or bottom + band >= ink.shape[0] or right + band >= ink.shape[1]:
        return False
    edges = [
        ink[top - band : top + band + 1, left:right].max(axis=0),
        ink[bottom - band : bottom + band + 1, left:right].max(axis=0),
        ink[top:bottom, left - band : left + band + 1].max(axis=1),
        ink[top:bottom, right - band : right + band + 1].max(axis=1),
    ]
    return all(e.mean() > 0.8 for e in edges)


def _complete_rows(
    ink: np.ndarray, rows_y: list[float], columns: list[float], side: float, slope: float
) -> list[float]:
    """``rows_y`` plus the rows at the table's pitch between and beyond them whose boxes are drawn."""
    pitch = float(np.median(np.diff(rows_y))) if len(rows_y) > 1 else 1.4 * side
    if len(rows_y) > 1:  # the smallest gap is one pitch when two found rows are neighbours
        pitch = min(float(d) for d in np.diff(rows_y) if d > side)
    out = [rows_y[0]]
    for y in rows_y[1:]:
        steps = round((y - out[-1]) / pitch)
        for k in range(1, steps):
            probe = out[-1] + k * (y - out[-1]) / steps
            if _row_present(ink, probe, columns, side, slope):
                out.append(probe)
        out.append(y)
    while _row_present(ink, out[0] - pitch, columns, side, slope):
        out.insert(0, out[0] - pitch)
    while _row_present(ink, out[-1] + pitch, columns, side, slope):
        out.append(out[-1] + pitch)
    return out


def _row_present(ink: np.ndarray, y: float, columns: list[float], side: float, slope: float) -> bool:
    """Whether most of the 15 box outlines are drawn at height ``y`` (at the first column)."""
    return sum(_box_drawn(ink, x, y + (x - columns[0]) * slope, side) for x in columns) >= 10


def _rotate(image: np.ndarray, angle: float) -> np.ndarray:
    """Turn ``image`` by ``angle`` degrees about its centre (a deskew), padding with white/no ink."""
    import cv2

    height, width = image.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    border = 255 if image.dtype == np.uint8 and image.max() > 1 else 0
    return cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_NEAREST, borderValue=border)


def _inside_ink(ink: np.ndarray, x: float, y: float, side: float) -> float:
    """Share of inked pixels inside a box, its printed border left out."""
    half = side * 0.30
    region = ink[int(y - half) : int(y + half) + 1, int(x - half) : int(x + half) + 1]
    return float(region.mean()) if region.size else 0.0


def _marked(values: list[float], baseline: float) -> tuple[list[int], bool]:
    """Indices of marked boxes, and whether any box is faint (between a speck and a mark)."""
    marked = [i for i, v in enumerate(values) if v - baseline >= MARK_INK]
    faint = any(FAINT_INK <= v - baseline < MARK_INK for v in values)
    return marked, faint


def _rows(image, ink, rows_y, columns_x, side, page, rows_before, use_ocr) -> list[PaperRow]:
    pitch = float(np.median(np.diff(rows_y))) if len(rows_y) > 1 else 1.35 * side
    inside = [[_inside_ink(ink, x, y, side) for x in columns_x] for y in rows_y]
    # An empty box of each group is the baseline: most boxes of a filled form are empty.
    base_type = float(np.median([v for r in inside for v in r[:4]]))
    base_amount = float(np.median([v for r in inside for v in r[4:]]))
    lines = _vertical_lines(ink, rows_y[0] - pitch / 2, rows_y[-1] + pitch / 2, side)
    type_left = columns_x[0] - 0.75 * side
    left_lines = [x for x in lines if x < type_left]
    date_lines = [x for x in lines if columns_x[3] + 0.75 * side < x < columns_x[4] - 0.75 * side]
    table_left = left_lines[0] if len(left_lines) >= 2 else type_left - 14 * side
    owner_right = left_lines[-2] if len(left_lines) >= 3 else table_left + 1.4 * side
    asset_right = left_lines[-1] if left_lines else type_left
    dates_left, dates_right = columns_x[3] + 0.75 * side, columns_x[4] - 0.75 * side
    middle = (dates_left + dates_right) / 2
    date_split = min(date_lines, key=lambda x: abs(x - middle)) if date_lines else middle
    cells = {
        "owner": (table_left, owner_right),
        "asset_name": (owner_right, asset_right),
        "transaction_date": (dates_left, date_split),
        "notification_date": (date_split, dates_right),
    }
    out = []
    for y, values in zip(rows_y, inside, strict=True):
        top, bottom = y - pitch / 2, y + pitch / 2
        types, faint_type = _marked(values[:4], base_type)
        amounts, faint_amount = _marked(values[4:], base_amount)
        texts = {name: _cell(ink, left, right, top, bottom) for name, (left, right) in cells.items()}
        if not types and not amounts and all(cell is None for cell in texts.values()):
            continue  # an empty row of the form
        checks = []
        if not types:
            checks.append("no_type_marked")
        if len(types) > 1:
            checks.append("several_types_marked")
        if not amounts:
            checks.append("no_amount_marked")
        if len(amounts) > 1:
            checks.append("several_amounts_marked")
        if faint_type or faint_amount:
            checks.append("faint_mark")
        tx_type = TYPE_COLUMNS[types[0]] if len(types) == 1 else None
        amount = amounts[0] if len(amounts) == 1 else None
        proposed, unread = {}, []
        for name, cell in texts.items():
            if cell is None:
                if name == "owner":
                    proposed[name] = None  # a blank owner cell is the filer's own asset
                else:
                    unread.append(name)
                continue
            # A person reads every written cell: OCR of handwriting can be confidently wrong ('ATT INC'
            # read as 'ATT TNC' at confidence 80+), so its reading is only a proposal for the reviewer.
            unread.append(name)
            value = _ocr_field(name, cell) if use_ocr else None
            if value is not None:
                proposed[name] = value
        crop = image[
            max(0, int(top)) : int(bottom) + 1, max(0, int(table_left) - 4) : int(columns_x[-1] + side)
        ]
        crop = np.where(crop < 128, 0, 255).astype(np.uint8)  # bi-level, as scanned: a PNG of a few KB
        out.append(
            PaperRow(
                line_no=rows_before + len(out) + 1,
                page=page,
                transaction_type=tx_type,
                amount_range=AMOUNT_COLUMNS[amount] if amount is not None else None,
                amount_low=AMOUNT_BOUNDS[amount][0] if amount is not None else None,
                amount_high=AMOUNT_BOUNDS[amount][1] if amount is not None else None,
                proposed=proposed,
                unread=tuple(unread),
                checks_failed=tuple(checks),
                image_png=_png(crop),
            )
        )
    return out


def _vertical_lines(ink: np.ndarray, top: float, bottom: float, side: float) -> list[float]:
    """x of the table's vertical rules across the rows' band (long runs of ink down a column)."""
    import cv2

    band = ink[max(0, int(top)) : int(bottom) + 1]
    if band.shape[0] < side:
        return []
    length = max(int(0.8 * min(band.shape[0], 2.5 * side)), 3)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (1, length))
    rules = cv2.morphologyEx(band, cv2.MORPH_OPEN, kernel)
    profile = rules.sum(axis=0) > 0.6 * band.shape[0]
    xs, start = [], None
    for x, on in enumerate(np.append(profile, False)):
        if on and start is None:
            start = x
        elif not on and start is not None:
            xs.append((start + x - 1) / 2)
            start = None
    return xs


def _cell(ink, left: float, right: float, top: float, bottom: float):
    """The writing in a cell (black on white), or None when nothing is written in it.

    The table's rules are no writing: a connected piece of ink that is a thin line along the cell
    (a rule caught at the cell's edge, stair-stepped on a skewed scan) is dropped, and so are specks.
    """
    import cv2

    # Inside the rules: they are at most ~0.04 in thick, and the boundaries are measured ones.
    margin = 0.05 * DPI
    height = bottom - top
    x0, x1 = int(left + margin), int(right - margin)
    y0, y1 = int(top + 0.1 * height), int(bottom - 0.1 * height)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    region = np.ascontiguousarray(ink[max(0, y0) : y1, max(0, x0) : x1])
    count, labels, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    thin = 0.06 * DPI  # the form's bold rules are ~0.04 in thick; a scan's stair steps add a little
    keep = np.zeros(count, bool)
    for label in range(1, count):
        w, h, area = (
            stats[label, cv2.CC_STAT_WIDTH],
            stats[label, cv2.CC_STAT_HEIGHT],
            stats[label, cv2.CC_STAT_AREA],
        )
        x, y = stats[label, cv2.CC_STAT_LEFT], stats[label, cv2.CC_STAT_TOP]
        # A rule runs along the whole cell, or is cut by the cell's edge; a written stroke (a '1',
        # a dash) does neither.
        rule = (h <= thin and (w >= 0.5 * region.shape[1] or y == 0 or y + h == region.shape[0])) or (
            w <= thin and (h >= 0.9 * region.shape[0] or x == 0 or x + w == region.shape[1])
        )
        keep[label] = not rule and area >= 0.0004 * DPI * DPI  # ~16 px: smaller is a speck
    writing = keep[labels]
    if writing.sum() < 0.005 * region.size:
        return None
    return np.where(writing, 0, 255).astype(np.uint8)  # the writing alone, for OCR


def _png(pixels: np.ndarray) -> bytes:
    import cv2

    ok, encoded = cv2.imencode(".png", pixels, [cv2.IMWRITE_PNG_BILEVEL, 1] if _bilevel(pixels) else [])
    return encoded.tobytes() if ok else b""


def _bilevel(pixels: np.ndarray) -> bool:
    return pixels.size > 0 and bool(np.isin(pixels, (0, 255)).all())


def _ocr_field(name: str, cell: np.ndarray):
    """A confident, valid reading of one text cell by Tesseract, else None."""
    text, confidence = _tesseract_line(cell)
    if text is None or confidence < OCR_MIN_CONFIDENCE:
        return None
    if name == "owner":
        value = re.sub(r"[^A-Z]", "", text.upper())
        return value if value in OWNERS else None
    if name in ("transaction_date", "notification_date"):
        parsed = parse_form_date(text)
        return parsed.isoformat() if parsed else None
    value = " ".join(text.split())
    return value if len(re.sub(r"[^A-Za-z]", "", value)) >= 2 else None


def parse_form_date(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """A date as filers write it on the form (MM/DD/YY, also with - or . and a 4-digit year).

    A two-digit year is 20YY (the STOCK Act's PTRs start in 2012); a date after today is not one.
    """
    match = re.fullmatch(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*", text)
    if not match:
        return None
    month, day, year = (int(g) for g in match.groups())
    year += 2000 if year < 100 else 0
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if dt.date(2008, 1, 1) <= value <= (today or dt.date.today()) else None


def _tesseract_line(cell: np.ndarray) -> tuple[str | None, float]:
    """One line of text and its mean word confidence (0-100) from Tesseract; (None, 0) on failure."""
    import cv2

    padded = cv2.copyMakeBorder(cell, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)
    ok, png = cv2.imencode(".png", padded)
    if not ok:
        return None, 0.0
    command = ["tesseract", "stdin", "stdout", "--psm", "7", "-l", "eng", "tsv"]
    try:
        done = subprocess.run(
            command,
            input=png.tobytes(),
            capture_output=True,
            timeout=60,
            check=False,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None, 0.0
    if done.returncode != 0:
        return None, 0.0
    words, confidences = [], []
    for record in csv.DictReader(
        io.StringIO(done.stdout.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE
    ):
        text = (record.get("text") or "").strip()
        if record.get("level") == "5" and text:
            words.append(text)
            confidences.append(float(record.get("conf") or 0))
    if not words:
        return None, 0.0
    return " ".join(words), min(confidences)


def proposed_json(row: PaperRow) -> str:
    """The row's machine reading as JSON (what the reviewer confirms or corrects)."""
    values = {"transaction_type": row.transaction_type, "amount_range": row.amount_range, **row.proposed}
    return json.dumps(values, sort_keys=True)


#: ``extraction_method`` of rows read from the form's check-box grid.
METHOD_GRID = "grid"


def paper_document(reading: PaperReading) -> PtrDocument:
    """The reading as a :class:`PtrDocument` (method ``'grid'``): the marks' transaction type and
    amount; each written cell null until a person reads it, named in the row's checks as
    ``unread_<field>``; the owner null (the filer) only where its cell is blank. The form has no Cap.
    Gains box (null). OCR's proposals stay in the review queue, never in these rows."""
    rows = []
    for row in reading.rows:
        rows.append(
            PtrRow(
                line_no=row.line_no,
                owner=None,
                asset_name=None,
                ticker=None,
                asset_type=None,
                transaction_type=row.transaction_type,
                transaction_date=None,
                notification_date=None,
                amount_range=row.amount_range,
                amount_low=row.amount_low,
                amount_high=row.amount_high,
                cap_gains_over_200=None,
                filing_status=None,
                subholding_of=None,
                description=None,
                page=row.page,
                checks_failed=row.checks_failed + tuple(f"unread_{name}" for name in row.unread),
            )
        )
    issues = list(reading.issues)
    if any(r.checks_failed for r in rows):
        issues.append(f"paper_rows_to_review:{sum(1 for r in rows if r.checks_failed)} of {len(rows)} rows")
    status, ipo = reading.header.get("status"), reading.header.get("ipo_answer")
    header = PtrHeader(None, None, status, None, ipo, None, None, layout_era=ERA_PAPER_FORM)
    return PtrDocument(header, tuple(rows), reading.pages, METHOD_GRID, tuple(issues))
