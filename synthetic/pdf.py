"""Synthetic PDFs in the Clerk's e-filed layout: page layout and a small PDF writer.

The PDFs are written here rather than by fpdf2 because the Clerk's small-caps headings extract as
a first letter followed by NULs, which needs a ToUnicode CMap on a standard font that fpdf2 cannot
attach. Paper filings are image-only pages (:mod:`synthetic.scan`).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from synthetic.filings import (
    _MEMBER_TYPES,
    _TIMES,
    _TIMES_BOLD,
    _WIDTHS,
    SYNTHETIC_LABEL,
    TRANSACTION_CODES,
    SyntheticFiling,
    SyntheticTransaction,
)

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Page layout: positions in points from the top-left, as pdfplumber reports them
# --------------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
PTR_COLUMNS = {"id": 25.3, "owner": 65.0, "asset": 104.0, "tx_type": 260.8, "date": 325.2,
               "notification_date": 380.0, "amount": 444.5, "cap_gains": 524.8}
"""x0 of each PTR column's words, matching the Clerk's e-filed PTRs."""

_ASSET_WIDTH, _AMOUNT_WIDTH, _TEXT_RIGHT = 145.0, 64.0, 575.0
_ROW_LIMIT, _BLOCK_LIMIT, _FOOTER_TOP = 712.0, 745.0, 772.0


@dataclass(frozen=True, slots=True)
class _Text:
    x: float
    top: float
    size: float
    text: str
    bold: bool = False
    caps: bool = False  # small caps: lower-case letters print as capitals and extract as NUL
    hidden: bool = False  # text layer only (PDF render mode 3), like the check-box glyphs


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    top: float
    w: float
    h: float
    fill: float | None = None  # grey level 0..1; None draws an outline


_Op = _Text | _Box


def _width(text: str, size: float, bold: bool = False, caps: bool = False) -> float:
    table = _WIDTHS[bold]
    return sum(table.get(c.upper() if caps else c, 500) for c in text) * size / 1000


def _wrap(text: str, width: float, size: float, first_width: float | None = None) -> list[str]:
    """Greedy word wrap; a word longer than the line stays whole, as the Clerk's renderer does."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        limit = first_width if (first_width is not None and not lines) else width
        if current and _width(candidate, size) > limit:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def _display_name(f: SyntheticFiling) -> str:
    return " ".join(p for p in (f.prefix, f.first, f.last, f.suffix) if p)


def _status(f: SyntheticFiling) -> str:
    if f.filing_type not in _MEMBER_TYPES:
        return "Congressional Candidate"
    return "Member" if f.prefix == "Hon." else "Officer or Employee"


def _mdy(d: datetime.date | None) -> str:
    return d.strftime("%m/%d/%Y") if d else "(no date)"


def _centered(top: float, size: float, text: str, *, bold: bool = False, caps: bool = False) -> _Text:
    return _Text((PAGE_WIDTH - _width(text, size, bold, caps)) / 2, top, size, text, bold, caps)


def _letterhead(page: list[_Op], f: SyntheticFiling, title_lines: Sequence[str]) -> float:
    """Filing ID, small-caps title and the Clerk's address line; returns the next free top."""
    ident = f"Filing ID #{f.doc_id}"
    page.append(_Text(566 - _width(ident, 9), 73.2, 9, ident))
    top = 90.1
    for line in title_lines:
        page.append(_centered(top, 21, line, bold=True, caps=True))
        top += 24
    address = ("Clerk of the House of Representatives \u2022 Legislative Resource Center \u2022 "
               "B81 Cannon Building \u2022 Washington, DC 20515")
    page.append(_centered(top + 23.6, 9, address))
    return top + 56.5


def _filer_block(page: list[_Op], f: SyntheticFiling, top: float) -> float:
    page.append(_Text(21.7, top, 12, "Filer Information", bold=True, caps=True))
    for dy, label, value in ((19.8, "Name:", _display_name(f)), (35.5, "Status:", _status(f)),
                             (51.3, "State/District:", f.state_dst)):
        page.append(_Text(21.7, top + dy, 9.7, label, bold=True))
        page.append(_Text(99.0, top + dy, 9.7, value))
    return top + 85.5


def _table_header(page: list[_Op], top: float) -> None:
    cols = PTR_COLUMNS
    for x, words in ((cols["id"], ["ID"]), (cols["owner"], ["Owner"]), (cols["asset"], ["Asset"]),
                     (cols["tx_type"], ["Transaction", "Type"]), (cols["date"], ["Date"]),
                     (cols["notification_date"], ["Notification", "Date"]), (cols["amount"], ["Amount"]),
                     (cols["cap_gains"], ["Cap.", "Gains >", "$200?"])):
        for i, word in enumerate(words):
            page.append(_Text(x, top + 11.2 * i, 9.4, word, bold=True))


def _row_lines(tx: SyntheticTransaction) -> list[tuple[float, list[_Op]]]:
    """The lines of one PTR row as (gap above, ops at relative top 0)."""
    cols = PTR_COLUMNS
    asset = tx.asset_name + (f" ({tx.ticker})" if tx.ticker else "") + f" [{tx.asset_type}]"
    asset_lines = _wrap(asset, _ASSET_WIDTH, 9)
    amount_lines = _wrap(tx.amount_range, _AMOUNT_WIDTH, 9)
    first: list[_Op] = [
        _Text(cols["tx_type"], 0, 9, TRANSACTION_CODES[tx.transaction_type]),
        _Text(cols["date"], 0, 9, _mdy(tx.transaction_date)),
        _Text(cols["notification_date"], 0, 9, _mdy(tx.notification_date)),
        _Text(cols["cap_gains"], 0, 9, "gfedcb" if tx.cap_gains_over_200 else "gfedc", hidden=True),
        _Box(cols["cap_gains"] + 2, 1.5, 7, 7),
    ]
    if tx.cap_gains_over_200:
        first.append(_Box(cols["cap_gains"] + 3.5, 3, 4, 4, fill=0.0))
    if tx.owner:
        first.append(_Text(cols["owner"], 0, 9, tx.owner))
    lines: list[tuple[float, list[_Op]]] = []
    for i in range(max(len(asset_lines), len(amount_lines))):
        ops = first if i == 0 else []
        if i < len(asset_lines):
            ops.append(_Text(cols["asset"], 0, 9, asset_lines[i]))
        if i < len(amount_lines):
            ops.append(_Text(cols["amount"], 0, 9, amount_lines[i]))
        lines.append((0.0 if i == 0 else 10.5, ops))
    subs = [("Filing Status:", tx.filing_status)]
    if tx.subholding_of:
        subs.append(("Subholding Of:", tx.subholding_of))
    if tx.description:
        subs.append(("Description:", tx.description))
    gap = 17.6
    for label, value in subs:
        label_w = _width(label + " ", 8.5, caps=True)  # the space is printed: it splits the words
        wrapped = _wrap(value, _TEXT_RIGHT - cols["asset"], 8.5, _TEXT_RIGHT - cols["asset"] - label_w)
        for j, part in enumerate(wrapped):
            ops = [_Text(cols["asset"], 0, 8.5, label + " ", caps=True)] if j == 0 else []
            ops.append(_Text(cols["asset"] + (label_w if j == 0 else 0), 0, 8.5, part))
            lines.append((gap, ops))
            gap = 12.8
    return lines


def _ptr_pages(f: SyntheticFiling) -> list[list[_Op]]:
    page: list[_Op] = []
    pages = [page]
    top = _filer_block(page, f, _letterhead(page, f, ["Periodic Transaction Report"]))
    page.append(_Text(21.7, top, 12, "Transactions", bold=True, caps=True))
    _table_header(page, top + 25.3)
    y = last = top + 70.0

    def shade(line_no: int, first: float | None, bottom: float) -> None:
        if line_no % 2 == 0 and first is not None:  # grey (0.96) behind every other row
            page.insert(0, _Box(21.7, first - 7, 568, bottom - first + 17, fill=0.96))

    for tx in f.transactions:
        first: float | None = None
        for k, (gap, ops) in enumerate(_row_lines(tx)):
            line_top = y + gap if k else y
            if line_top > _ROW_LIMIT:  # the row continues on the next page, like the Clerk's
                shade(tx.line_no, first, last)
                page = []
                pages.append(page)
                _table_header(page, 78.9)
                line_top, first = 116.5, None
            first = line_top if first is None else first
            page.extend(replace(op, top=op.top + line_top) for op in ops)
            y = last = line_top
        shade(tx.line_no, first, last)
        y = last + 25.9
    y = last + 25.0

    def room(height: float) -> float:
        nonlocal page, y
        if y + height > _BLOCK_LIMIT:
            page = []
            pages.append(page)
            y = 74.0
        return y

    room(10)
    page.append(_Text(25.5, y, 8.2, "* For the complete list of asset type abbreviations, please visit "
                                    "https://fd.house.gov/reference/asset-type-codes.aspx."))
    y += 27.8
    vehicles = list(dict.fromkeys(t.subholding_of for t in f.transactions if t.subholding_of))
    if vehicles:
        room(26 + 18 * len(vehicles))
        page.append(_Text(21.7, y, 12, "Investment Vehicle Details", bold=True, caps=True))
        for i, name in enumerate(vehicles):
            page.append(_Box(32, y + 29 + 18 * i, 3, 3, fill=0.0))
            page.append(_Text(43.0, y + 26 + 18 * i, 9, name))
        y += 26 + 18 * len(vehicles) + 23
    room(60)
    page.append(_Text(21.7, y, 12, "Initial Public Offerings", bold=True, caps=True))
    page += [_Box(28.5, y + 24.5, 7, 7), _Box(62.5, y + 24.5, 7, 7), _Box(64, y + 26, 4, 4, fill=0.0),
             _Text(39.7, y + 23.3, 9, "Yes"), _Text(73.5, y + 23.3, 9, "No")]
    y += 52.5
    room(72)
    page.append(_Text(21.7, y, 12, "Certification and Signature", bold=True, caps=True))
    page.append(_Text(38.9, y + 23.3, 9, "I CERTIFY that the statements I have made on the attached "
                                         "Periodic Transaction Report are true, complete, and correct to "
                                         "the best of"))
    page.append(_Text(21.7, y + 33.8, 9, "my knowledge and belief. Further, I CERTIFY that I have "
                                         "disclosed all transactions as required by the STOCK Act."))
    page.append(_Text(21.7, y + 52.6, 9, "Digitally Signed:", bold=True))
    page.append(_Text(100.4, y + 52.6, 9, f"{_display_name(f)} , {_mdy(f.filing_date)}"))
    return pages


_NOTICE_TEXT = {
    "C": (["Financial Disclosure Report"], "Filing Type: Candidate Report",
          "This candidate report (Form B) is a synthetic stand-in; it lists no real assets."),
    "A": (["Financial Disclosure Report"], "Filing Type: Amendment Report",
          "This amendment report is a synthetic stand-in; it amends no real filing."),
    "T": (["Financial Disclosure Report"], "Filing Type: Terminated Filer Report",
          "This terminated filer report is a synthetic stand-in; it lists no real assets."),
    "H": (["Financial Disclosure Report"], "Filing Type: New Filer Report",
          "This new filer report is a synthetic stand-in; it lists no real assets."),
    "O": (["Financial Disclosure Report"], "Filing Type: Paper Form B",
          "This paper report is a synthetic stand-in; it lists no real assets."),
    "X": (["Financial Disclosure", "Extension Request"], "Extension Length: 30 days",
          "The filer requests a 30 day extension of the due date of the financial disclosure report."),
    "D": (["Candidate Notification Regarding", "Financial Disclosure Requirement"], "",
          "This is to notify you that I have not yet raised or spent in excess of $5,000 for my "
          "campaign for the U.S. House of Representatives."),
    "W": (["Candidate Notification Regarding", "Financial Disclosure Requirement"], "",
          "This is to notify you that I withdrew my candidacy for the U.S. House of Representatives."),
    "E": (["Terminated Employee FD", "Filing Exemption"], "",
          "The former filer took a new federal position within 30 days and asks for the exemption."),
    "G": (["Financial Disclosure Gift", "Disclosure Waiver Request"], "",
          "The filer asks for a waiver of the gift disclosure rule for a family event."),
    "B": (["Qualified Blind Trust", "Correspondence"], "",
          "The trustee reports on the qualified blind trust without naming its assets."),
}


def _notice_pages(f: SyntheticFiling) -> list[list[_Op]]:
    title, detail, body = _NOTICE_TEXT.get(f.filing_type, (["Financial Disclosure Filing"], "", ""))
    page: list[_Op] = []
    top = _letterhead(page, f, title)
    texts = [t for t in (detail, f"Filing Year: {f.year}", f"Filing Date: {_mdy(f.filing_date)}") if t]
    for line in texts + _wrap(body, _TEXT_RIGHT - 21.7, 9):
        page.append(_Text(21.7, top, 9, line))
        top += 12.5
    top = _filer_block(page, f, top + 16)
    page.append(_Text(21.7, top, 12, "Signature", bold=True, caps=True))
    page.append(_Text(21.7, top + 23.3, 9, "Digitally Signed:", bold=True))
    page.append(_Text(100.4, top + 23.3, 9, f"{_display_name(f)} , {_mdy(f.filing_date)}"))
    return [page]


# --------------------------------------------------------------------------------------------
# PDF writer
# --------------------------------------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_PERMISSIONS = -1849  # print only, like the Clerk's files
_DESCENT = 0.217  # Times descent; pdfminer's `top` = page height - baseline - (1 - descent) * size
_FONTS = {(False, False): "F1", (True, False): "F2", (False, True): "F3", (True, True): "F4"}
# Codes A-Z of the small-caps fonts map to U+0000, which is how the Clerk's headings extract.
_NUL_CMAP = (
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Synthetic-SmallCaps-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n26 beginbfchar\n"
    + "".join(f"<{c:02X}> <0000>\n" for c in range(0x41, 0x5B))
    + "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
).encode("ascii")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray(len(data))
    i = j = 0
    for n, byte in enumerate(data):
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out[n] = byte ^ s[(s[i] + s[j]) & 0xFF]
    return bytes(out)


class _PdfWriter:
    """Just enough PDF 1.4: numbered objects, optional RC4-128 (V2 R3, empty user password)."""

    def __init__(self, file_id: bytes, encrypt: bool) -> None:
        self.objects: list[bytes] = []
        self.file_id = file_id
        self.key: bytes | None = None
        self.encrypt_dict = b""
        if encrypt:
            owner = hashlib.md5(b"synthetic-owner" + _PAD[:17]).digest()
            for _ in range(50):
                owner = hashlib.md5(owner).digest()
            o_value = _rc4(owner, _PAD)
            for i in range(1, 20):
                o_value = _rc4(bytes(b ^ i for b in owner), o_value)
            permissions = _PERMISSIONS.to_bytes(4, "little", signed=True)
            key = hashlib.md5(_PAD + o_value + permissions + file_id).digest()
            for _ in range(50):
                key = hashlib.md5(key).digest()
            u_value = _rc4(key, hashlib.md5(_PAD + file_id).digest())
            for i in range(1, 20):
                u_value = _rc4(bytes(b ^ i for b in key), u_value)
            self.key = key
            self.encrypt_dict = (
                f"<< /Filter /Standard /V 2 /R 3 /Length 128 /P {_PERMISSIONS} "
                f"/O <{o_value.hex()}> /U <{(u_value + bytes(16)).hex()}> >>"
            ).encode()

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def _obj_key(self, num: int) -> bytes:
        assert self.key is not None
        return hashlib.md5(self.key + num.to_bytes(3, "little") + b"\x00\x00").digest()

    def string(self, num: int, text: str) -> str:
        raw = text.encode("latin-1")
        return f"<{(_rc4(self._obj_key(num), raw) if self.key else raw).hex()}>"

    def put(self, num: int, body: str, stream: bytes | None = None, *, flate: bool = True) -> int:
        if stream is None:
            self.objects[num - 1] = body.encode("latin-1")
            return num
        if flate:
            stream = zlib.compress(stream, 6)
            body = body[:-2] + " /Filter /FlateDecode >>"
        if self.key:
            stream = _rc4(self._obj_key(num), stream)
        head = f"{body[:-2]} /Length {len(stream)} >>".encode("latin-1")
        self.objects[num - 1] = head + b"\nstream\n" + stream + b"\nendstream"
        return num

    def add(self, body: str, stream: bytes | None = None, *, flate: bool = True) -> int:
        return self.put(self.reserve(), body, stream, flate=flate)

    def finish(self, catalog: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        encrypt_ref = ""
        if self.key:
            encrypt_ref = f" /Encrypt {self.add(self.encrypt_dict.decode())} 0 R"
        for num, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        ident = self.file_id.hex()
        out += (
            f"trailer\n<< /Size {len(offsets) + 1} /Root {catalog} 0 R /Info {info} 0 R{encrypt_ref} "
            f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)


def _pdf_literal(text: str) -> str:
    raw = text.encode("cp1252").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def _content_stream(ops: Sequence[_Op]) -> bytes:
    out = []
    for op in ops:
        if isinstance(op, _Box):
            y = PAGE_HEIGHT - op.top - op.h
            rect = f"{op.x:.2f} {y:.2f} {op.w:.2f} {op.h:.2f} re"
            out.append(f"{op.fill:.2f} g {rect} f 0 g" if op.fill is not None else f"0.6 w 0 G {rect} S")
    out.append("BT")
    for op in ops:
        if not isinstance(op, _Text):
            continue
        baseline = PAGE_HEIGHT - op.top - (1 - _DESCENT) * op.size
        runs = [(False, op.text)]
        if op.caps:
            runs = [(small, "".join(c.upper() for c in run))
                    for small, run in _split_runs(op.text)]
        x = op.x
        if op.hidden:
            out.append("3 Tr")
        for small, run in runs:
            out.append(f"/{_FONTS[(op.bold, small)]} {op.size:g} Tf 1 0 0 1 {x:.2f} {baseline:.2f} Tm "
                       f"{_pdf_literal(run)} Tj")
            x += _width(run, op.size, op.bold)
        if op.hidden:
            out.append("0 Tr")
    out.append("ET")
    return "\n".join(out).encode("latin-1")


def _split_runs(text: str) -> list[tuple[bool, str]]:
    """Split small-caps text into (is_small, chars) runs: lower-case letters are the small ones."""
    return [(m.group(0)[0].islower(), m.group(0)) for m in re.finditer(r"[a-z]+|[^a-z]+", text)]


def _pdf_document(f: SyntheticFiling, pages: list[list[_Op]], kind: str) -> bytes:
    """Serialize laid-out pages; paper filings become one image per page and no text layer."""
    file_id = hashlib.md5(f"lakehouse.synthetic:{f.year}:{f.doc_id}:{kind}".encode()).digest()
    w = _PdfWriter(file_id, encrypt=not f.is_paper)
    catalog, pages_num = w.reserve(), w.reserve()
    kids = []
    if f.is_paper:
        for ops in pages:
            from synthetic.scan import _raster  # scan draws with this module's layout

            img = _raster(ops)
            image = w.add(f"<< /Type /XObject /Subtype /Image /Width {img.width} /Height {img.height} "
                          "/ColorSpace /DeviceGray /BitsPerComponent 1 >>", img.tobytes())
            content = w.add("<< >>", f"q {PAGE_WIDTH:g} 0 0 {PAGE_HEIGHT:g} 0 0 cm /Im0 Do Q".encode())
            kids.append(w.add(f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 612 792] "
                              f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>"))
    else:
        cmap = w.add("<< >>", _NUL_CMAP)
        font_refs = []
        for (bold, small), name in _FONTS.items():
            base = "Times-Bold" if bold else "Times-Roman"
            extra = ""
            if small:
                # A non-standard name, so that readers take /Widths: for the standard 14 fonts
                # pdfminer uses its own metrics, which give the NUL-mapped glyphs zero width.
                base += "-SmallCaps"
                flags = 2 + 32 + (1 << 17) + ((1 << 18) if bold else 0)  # serif, nonsymbolic, small caps
                descriptor = w.add(
                    f"<< /Type /FontDescriptor /FontName /{base} /Flags {flags} "
                    f"/FontBBox [-168 -218 1000 935] /ItalicAngle 0 /Ascent 683 /Descent -217 "
                    f"/CapHeight 662 /StemV {140 if bold else 84} >>"
                )
                widths = " ".join(str(x) for x in (_TIMES_BOLD if bold else _TIMES))
                extra = (f" /FirstChar 32 /LastChar 126 /Widths [{widths}] /FontDescriptor {descriptor} 0 R"
                         f" /ToUnicode {cmap} 0 R")
            num = w.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} "
                        f"/Encoding /WinAnsiEncoding{extra} >>")
            font_refs.append(f"/{name} {num} 0 R")
        fonts = " ".join(font_refs)
        for ops in pages:
            footer = _Text(21.7, _FOOTER_TOP, 7, SYNTHETIC_LABEL)
            content = w.add("<< >>", _content_stream([*ops, footer]))
            kids.append(w.add(f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 612 792] "
                              f"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>"))
    w.put(pages_num, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    w.put(catalog, f"<< /Type /Catalog /Pages {pages_num} 0 R >>")
    info = w.reserve()
    entries = {"Title": SYNTHETIC_LABEL, "Subject": SYNTHETIC_LABEL, "Author": SYNTHETIC_LABEL,
               "Keywords": f"synthetic {kind} {f.filing_type} {f.doc_id}", "Producer": "lakehouse.synthetic"}
    w.put(info, "<< " + " ".join(f"/{k} {w.string(info, v)}" for k, v in entries.items()) + " >>")
    return w.finish(catalog, info)


