"""A PDF's text layer as positioned words, and the check boxes drawn on its pages.

PDFium (``pypdfium2``) gives each glyph's box; glyphs join into words at gaps. The Clerk's 2021
text layer maps some capitals to lower case, so the true letters come from the font's glyph ids
(standard Mac glyph order, read with ``pypdf``). Check boxes are Marlett text in the 2021 layout and
vector drawings in EO.Pdf files; both come out as :class:`CheckBox` marks. Nothing here knows what
a PTR is: :mod:`jobs.silver.ptr_pdf` (PTRs) and :mod:`jobs.silver.schedule_b` read tables from it.
"""

from __future__ import annotations

import ctypes
import io
import re
import struct
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from core.errors import LakehouseError

#: Layout eras (see the module docstring); ``'no_text_layer'`` for a scan handed to OCR,
#: ``'paper_form'`` for a scan of the Committee on Ethics paper form read by its check-box grid.
ERA_EO_PDF = "eo_pdf"


ERA_2021 = "2021_generic"


ERA_UNKNOWN = "unknown"


ERA_NO_TEXT = "no_text_layer"


ERA_PAPER_FORM = "paper_form"


LAYOUT_ERAS = (ERA_EO_PDF, ERA_2021, ERA_UNKNOWN, ERA_NO_TEXT, ERA_PAPER_FORM)


class PtrExtractionError(LakehouseError, ValueError):
    """The bytes are not a readable PDF (not a PDF at all, corrupt, or encrypted with a password)."""


@dataclass(frozen=True, slots=True)
class Word:
    """A word on a page, in points from the top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page (points from the top-left), e.g. a filled radio-button dot."""

    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class CheckBox(Box):
    """A drawn check box (the Cap. Gains column) and whether it is ticked."""

    checked: bool = False


@dataclass(frozen=True)
class PageContent:
    """The words of one page plus the marks found on it: filled radio-button dots, check boxes."""

    words: tuple[Word, ...]
    marks: tuple[Box, ...] = ()


MIN_TEXT_CHARS = 10


_BREAK_CHARS = frozenset(" \t\r\n\x0b\x0c\xa0\u2002\u2003\u2009")


_HIDDEN_CHARS = "\x00\ufffe"  # small-caps letters without a Unicode mapping


_WORD_GAP = 1.0  # points between glyph boxes that split a word ('[ST]S' at a cell edge)


@dataclass(frozen=True)
class _TextLayer:
    """A PDF's pages as positioned words and marks, its layout era, and what went wrong reading it."""

    pages: list[PageContent]
    era: str
    issues: tuple[str, ...]


def read_text_layer(
    pdf: bytes, marks_of: Callable[[pdfium.PdfPage, Sequence[Word]], tuple[Box, ...]] | None = None
) -> list[PageContent]:
    """Open the PDF with PDFium and return each page's words and marks (see :func:`read_pdf`)."""
    return read_pdf(pdf, marks_of).pages


def read_pdf(
    pdf: bytes, marks_of: Callable[[pdfium.PdfPage, Sequence[Word]], tuple[Box, ...]] | None = None
) -> _TextLayer:
    """Open the PDF with PDFium: each page's words (true letters) and marks, and the layout era.

    ``marks_of(page, words)`` finds a page's marks; by default, the filled radio-button dots of
    pages with a Yes/No question and the drawn check boxes of pages with a 'Cap.' column header.
    """
    check_pdf_bytes(pdf)
    try:
        doc = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PtrExtractionError(pdfium_failure(str(exc))) from None
    try:
        producer = (doc.get_metadata_value("Producer") or "").strip()
        # EO.Pdf embeds whole fonts with right ToUnicode maps, and a file without a composite font
        # has no glyph ids to read: neither needs the pypdf pass (2-5 ms, a third of the budget).
        fonts = _read_fonts(pdf) if not producer.startswith("EO.Pdf") and _may_show_glyph_ids(pdf) else None
        era = _layout_era(producer, fonts, pdf)
        issues: list[str] = []
        if fonts is not None and fonts.error:
            issues.append(f"glyph_decode_failed:{fonts.error}")
        decode = fonts is not None and fonts.needs_decoding
        pages = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                glyphs = fonts.page_glyphs(index) if decode else None
                words, decoded = _page_words(page, glyphs)
                if decode and (glyphs is None or not decoded):
                    issues.append(f"glyph_decode_failed:page {index + 1}")
                marks = marks_of(page, words) if marks_of is not None else _default_marks(page, words)
                pages.append(PageContent(tuple(words), marks))
            finally:
                page.close()
        return _TextLayer(pages, era, tuple(issues))
    finally:
        doc.close()


def _layout_era(producer: str, fonts: _Fonts | None, pdf: bytes) -> str:
    """The layout era from the file's own facts: its producer string and its fonts."""
    if producer.startswith("EO.Pdf"):
        return ERA_EO_PDF
    if fonts.symbol_check_boxes if fonts is not None else _MARLETT in pdf:
        return ERA_2021
    return ERA_UNKNOWN


# PDF names are never encrypted, so a font's type and name can be seen in the raw bytes, unless
# the file packs its objects into compressed object streams (then pypdf must read them).
_TYPE0, _OBJECT_STREAM, _MARLETT = b"Type0", b"ObjStm", b"Marlett"


def _may_show_glyph_ids(pdf: bytes) -> bool:
    """Whether the file may have a composite (Type0) font, the only kind whose codes are glyph ids."""
    return _TYPE0 in pdf or _OBJECT_STREAM in pdf


def check_pdf_bytes(pdf: bytes) -> None:
    """Reject what is obviously not a PDF, with a message that says what it looks like instead.

    Raises:
        PtrExtractionError: If the body is empty or has no ``%PDF-`` signature near its start.
    """
    if not pdf:
        raise PtrExtractionError("not a PDF: the body is empty (0 bytes)")
    if b"%PDF-" not in pdf[:1024]:
        head = pdf[:60]
        hint = ""
        if head.lstrip()[:1] == b"<":
            hint = (
                " It looks like HTML, e.g. the Clerk's 1,216-byte '404 - File or directory not found' page"
                " served for a wrong URL (PTRs live under /public_disc/ptr-pdfs/{year}/{doc_id}.pdf)."
            )
        raise PtrExtractionError(
            f"not a PDF: no '%PDF-' signature in the first 1024 bytes of {len(pdf):,}; "
            f"the body starts with {head!r}.{hint}"
        )


def pdfium_failure(message: str) -> str:
    """A reader's message for a PDF that PDFium cannot open."""
    if "password" in message.lower():
        return (
            "cannot decrypt the PDF: it is encrypted with a non-empty user password "
            f"(the Clerk's files use an empty one), PDFium said: {message}"
        )
    return f"unreadable PDF (corrupt or truncated?): PDFium could not open it: {message}"


def _page_words(page: pdfium.PdfPage, glyphs: _PageGlyphs | None = None) -> tuple[list[Word], bool]:
    """Words of one page from PDFium's character boxes, in top-left coordinates.

    With ``glyphs`` (the page's shown character codes, in content order), letters whose ToUnicode
    entry has the wrong case are replaced by the glyph's true letter; the second value tells
    whether that worked (PDFium's characters matched the codes one for one). Raw PDFium calls with
    one reused rectangle: this loop runs once per character and is most of the extraction time.
    """
    left, _bottom, _right, top = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = textpage.count_chars()
        if count <= 0:
            return [], glyphs is None or not glyphs.printed
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # surrogate pairs: fall back to one call per character
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
        is_generated = pdfium_c.FPDFText_IsGenerated
        generated = [bool(is_generated(raw, i)) for i in range(count)] if glyphs is not None else None
        decoded = True
        if glyphs is not None:
            true_text = glyphs.true_text(text, generated)
            decoded = true_text is not None
            text = true_text if true_text is not None else text
        get_box = pdfium_c.FPDFText_GetLooseCharBox
        rect = pdfium_c.FS_RECTF()
        words: list[Word] = []
        chars: list[str] = []
        x0 = x1 = w_top = w_bottom = 0.0
        for i, ch in enumerate(text):
            if (
                ch in _BREAK_CHARS
                or (generated[i] if generated is not None else is_generated(raw, i))
                or not get_box(raw, i, rect)  # no box: nothing to place (PDFium has one for every glyph)
            ):
                if chars:
                    words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
                    chars = []
                continue
            c_left, c_right = rect.left - left, rect.right - left
            c_top, c_bottom = top - rect.top, top - rect.bottom
            # Split on a visible gap, a jump back before the word's start or a new baseline; glyphs
            # drawn over the word (a check mark over its box) and hidden small-caps letters stay.
            if (
                chars
                and ch not in _HIDDEN_CHARS
                and (c_left - x1 > _WORD_GAP or c_left < x0 - 1.0 or abs(c_top - w_top) > 1.0)
            ):
                words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
                chars = []
            if not chars:
                x0, x1, w_top, w_bottom = c_left, c_right, c_top, c_bottom
            elif c_right > x1:
                x1 = c_right
            chars.append(ch)
        if chars:
            words.append(Word("".join(chars), x0, x1, w_top, w_bottom))
        return words, decoded
    finally:
        textpage.close()


_MAC_GLYPH_OFFSET = 29  # standard Macintosh order: glyphs 3..97 are the ASCII characters 32..126


_MIN_MAC_MATCHES = 10  # ToUnicode entries agreeing with the Mac order before the order is trusted


# The content-stream tokens that matter for shown text: names (font and form operands), strings,
# and the operators that show text, select a font, save or restore it, or draw a form. Numbers and
# every other operator are skipped by the regex engine; each alternative starts with a fixed
# character, which lets it skip them fast (a table page has thousands of path operators).
_CONTENT_TOKEN_RE = re.compile(
    rb"/[^\s/\[\]()<>{}%]*"  # name
    rb"|<[0-9A-Fa-f\s]*>"  # hex string
    rb"|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)"  # literal string (one level of nested parentheses)
    rb"|T[jJf]|q|Q|BI|BT|ET|BDC|BMC|EMC|Do|'|\""  # the operators that matter
    rb"|%[^\r\n]*",  # comment
    re.DOTALL,
)


_LITERAL_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


_BFCHAR_RE = re.compile(r"beginbfchar(.*?)endbfchar", re.DOTALL)


_BFRANGE_RE = re.compile(r"beginbfrange(.*?)endbfrange", re.DOTALL)


_CMAP_PAIR_RE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")


_CMAP_RANGE_RE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")


_HEX_RE = re.compile(r"<([0-9A-Fa-f]*)>")


@dataclass(frozen=True)
class _FontCodes:
    """How one font's codes read: ToUnicode text, and the true letter of mis-mapped glyphs."""

    two_byte: bool
    to_unicode: dict[int, str]
    true_letters: dict[int, str]
    single: dict[int, str]  # the codes mapped to one character (nearly all)
    several: frozenset[int]  # the codes mapped to several (ligatures)


@dataclass(frozen=True)
class _PageGlyphs:
    """The characters a page shows, in content order: as ToUnicode reads them (None: unknown) and
    the true letter where it differs (else None)."""

    printed: list[str | None]
    true: list[str | None]

    def true_text(self, text: str, generated: Sequence[bool]) -> str | None:
        """PDFium's page text with the true letters, or None if it does not match the codes.

        ``generated`` flags the characters PDFium added itself (spaces and line breaks it inferred).
        """
        chars = list(text)
        position, total = 0, len(self.printed)
        for i, ch in enumerate(text):
            if generated[i]:
                continue
            # PDFium drops some space glyphs (or marks its own space there): spaces carry no letter.
            while position < total and self.printed[position] == " " and ch != " ":
                position += 1
            if position >= total:
                return None
            expected = self.printed[position]
            if expected is not None and expected != ch:
                return None
            if self.true[position] is not None:
                chars[i] = self.true[position]
            position += 1
        return "".join(chars) if position == total else None


class _Fonts:
    """A PDF's fonts read with pypdf: whether any needs its glyph ids, and each page's shown glyphs."""

    def __init__(self, reader, error: str | None = None) -> None:
        self.reader = reader
        self.error = error
        self.symbol_check_boxes = False
        self.needs_decoding = False
        self._fonts: dict[object, object] = {}  # font dictionaries by reference
        self._codes: dict[object, _FontCodes] = {}  # ToUnicode parsed, for the fonts that needed it

    def scan(self) -> None:
        """Find the fonts that need their glyph ids (reading only their ToUnicode maps)."""
        for page in self.reader.pages:
            self._resource_fonts(page.get("/Resources"))

    def _resource_fonts(self, resources) -> dict[str, object]:
        """Resource name -> font key; registers fonts met for the first time."""
        resources = resources.get_object() if resources is not None else None
        fonts = resources.get("/Font") if resources is not None else None
        found: dict[str, object] = {}
        if fonts is None:
            return found
        for name, ref in fonts.get_object().items():
            key = (ref.idnum, ref.generation) if hasattr(ref, "idnum") else id(ref)
            if key not in self._fonts:
                font = ref.get_object()
                self._fonts[key] = font
                if "marlett" in str(font.get("/BaseFont", "")).lower():
                    self.symbol_check_boxes = True  # check boxes and radio buttons drawn as glyphs
                if _shows_glyph_ids(font):
                    codes = self.codes(key)
                    self.needs_decoding = self.needs_decoding or bool(codes.true_letters)
            found[name] = key
        return found

    def codes(self, key: object) -> _FontCodes:
        """How the font's codes read (its ToUnicode map parsed on first use)."""
        if key not in self._codes:
            self._codes[key] = _font_codes(self._fonts[key])
        return self._codes[key]

    def page_glyphs(self, index: int) -> _PageGlyphs | None:
        """The characters page ``index`` shows, or None if its content cannot be followed."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # pypdf's notes on recoverable structure faults
                page = self.reader.pages[index]
                out = _PageGlyphs([], [])
                ok = self._walk(page.get_contents(), page.get("/Resources"), out, 0)
                return out if ok else None
        except Exception:  # noqa: BLE001 - a malformed stream only costs the decoding, flagged by the caller
            return None

    def _walk(self, contents, resources, out: _PageGlyphs, depth: int) -> bool:
        """Follow one content stream (and the forms it draws), appending the characters it shows."""
        if contents is None:
            return True
        fonts = self._resource_fonts(resources)
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        font: _FontCodes | None = None
        stack: list[_FontCodes | None] = []
        name = b""
        strings: list[bytes] = []
        for token in _CONTENT_TOKEN_RE.findall(contents.get_data()):
            if token == b"q":  # the commonest tokens first: every text object sits in q ... Q
                stack.append(font)
                continue
            if token == b"Q":
                font = stack.pop() if stack else font
                continue
            first = token[0]
            if first == 0x2F:  # '/': a name, the operand of Tf or Do
                name = token
                continue
            if first == 0x3C or first == 0x28:  # '<' or '(': a string
                strings.append(token)
                continue
            if first == 0x25:  # '%': a comment
                continue
            if token == b"Tf":
                key = fonts.get(name.decode("latin-1"))
                font = self.codes(key) if key is not None else None
            elif token == b"TJ" or token == b"Tj" or token == b"'" or token == b'"':
                if strings and font is None:
                    return False  # text in a font the resources do not name
                for string in strings if token == b"TJ" else strings[-1:]:
                    _show(_string_bytes(string), font, out)
            elif token == b"Do" and xobjects is not None:
                form = xobjects.get_object().get(name.decode("latin-1"))
                form = form.get_object() if form is not None else None
                if form is not None and form.get("/Subtype") == "/Form":
                    if depth >= 4 or not self._walk(form, form.get("/Resources", resources), out, depth + 1):
                        return False
            elif token == b"BI":
                return False  # inline image data is not tokenisable here; PDFium's text is kept
            if strings:
                strings = []  # an operator consumed the strings before it
        return True


def _read_fonts(pdf: bytes) -> _Fonts:
    """The fonts of a PDF read with pypdf; if pypdf cannot (PDFium could), an empty set with the error."""
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf's notes on recoverable structure faults
            fonts = _Fonts(PdfReader(io.BytesIO(pdf)))
            fonts.scan()
            return fonts
    except Exception as exc:  # noqa: BLE001 - pypdf failing only costs the decoding, which is flagged
        return _Fonts(None, error=f"font tables unreadable ({type(exc).__name__})")


def _shows_glyph_ids(font) -> bool:
    """A composite font with the Identity encoding: its two-byte codes are CIDs, glyph ids for the
    Clerk's TrueType subsets (whether they follow the Mac order is told by :func:`_mac_order_case_fixes`;
    the descendant font is not read: its width array alone costs pypdf more than the rest)."""
    return font.get("/Subtype") == "/Type0" and font.get("/Encoding") in ("/Identity-H", "/Identity-V")


def _font_codes(font) -> _FontCodes:
    """How a font's codes read; true letters only for a font showing glyph ids in Mac glyph order."""
    to_unicode_ref = font.get("/ToUnicode")
    to_unicode = {} if to_unicode_ref is None else _parse_to_unicode(to_unicode_ref.get_object().get_data())
    true_letters = _mac_order_case_fixes(to_unicode) if _shows_glyph_ids(font) else {}
    single = {code: text for code, text in to_unicode.items() if len(text) == 1}
    several = frozenset(code for code, text in to_unicode.items() if len(text) > 1)
    return _FontCodes(font.get("/Subtype") == "/Type0", to_unicode, true_letters, single, several)


def _mac_order_case_fixes(to_unicode: dict[int, str]) -> dict[int, str]:
    """Glyph id -> true letter for the entries giving the other case, if the font is in Mac order.

    The order is trusted when the ToUnicode entries of glyphs 3..97 agree with it (at least
    :data:`_MIN_MAC_MATCHES`, and no more than one in twenty disagreeing other than by case).
    """
    matches = others = 0
    fixes: dict[int, str] = {}
    for code, text in to_unicode.items():
        if not 3 <= code <= 97:
            continue
        glyph_char = chr(code + _MAC_GLYPH_OFFSET)
        if text == glyph_char:
            matches += 1
        elif len(text) == 1 and text.isalpha() and text.swapcase() == glyph_char:
            fixes[code] = glyph_char
        else:
            others += 1
    if matches < _MIN_MAC_MATCHES or others * 20 > matches:
        return {}
    return fixes


def _parse_to_unicode(data: bytes) -> dict[int, str]:
    """Code -> text of a ToUnicode CMap (bfchar and bfrange entries)."""
    text = data.decode("latin-1")
    mapping: dict[int, str] = {}
    for block in _BFCHAR_RE.findall(text):
        for code, value in _CMAP_PAIR_RE.findall(block):
            mapping[int(code, 16)] = _utf16(value)
    for block in _BFRANGE_RE.findall(text):
        for low, high, dest in _CMAP_RANGE_RE.findall(block):
            start, end = int(low, 16), int(high, 16)
            if end < start or end - start > 0xFFFF:
                continue
            if dest.startswith("["):
                for offset, value in enumerate(_HEX_RE.findall(dest)[: end - start + 1]):
                    mapping[start + offset] = _utf16(value)
            else:
                base = _utf16(dest[1:-1])
                for offset in range(min(end - start, 0x10FFFF - ord(base[-1])) + 1 if base else 0):
                    mapping[start + offset] = base[:-1] + chr(ord(base[-1]) + offset)
    return mapping


def _utf16(hex_text: str) -> str:
    if len(hex_text) % 4:
        hex_text = hex_text.rjust(len(hex_text) + 4 - len(hex_text) % 4, "0")
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


def _string_bytes(token: bytes) -> bytes:
    """The bytes of a hex (``<0024>``) or literal (``(a\\(b)``) content-stream string."""
    if token[:1] == b"<":
        digits = token[1:-1].decode("ascii")
        try:
            return bytes.fromhex(digits)  # skips whitespace
        except ValueError:  # an odd number of digits: the last one is followed by a 0
            return bytes.fromhex(re.sub(r"\s", "", digits) + "0")
    body, out, i = token[1:-1], bytearray(), 0
    while i < len(body):
        byte = body[i]
        if byte != 0x5C:  # backslash
            out.append(byte)
            i += 1
            continue
        i += 1
        if i >= len(body):
            break
        nxt = body[i]
        if 0x30 <= nxt <= 0x37:  # octal, up to three digits
            digits = re.match(rb"[0-7]{1,3}", body[i : i + 3]).group(0)
            out.append(int(digits, 8) & 0xFF)
            i += len(digits)
        elif nxt in (0x0A, 0x0D):  # line continuation
            i += 2 if body[i : i + 2] == b"\r\n" else 1
        else:
            out.append(_LITERAL_ESCAPES.get(nxt, nxt))
            i += 1
    return bytes(out)


def _show(data: bytes, font: _FontCodes, out: _PageGlyphs) -> None:
    """Append the characters a string shows in ``font`` (one unknown character per code without a map)."""
    codes = struct.unpack(f">{len(data) // 2}H", data[: len(data) // 2 * 2]) if font.two_byte else data
    if not font.several.intersection(codes):
        out.printed.extend(map(font.single.get, codes))
        out.true.extend(map(font.true_letters.get, codes))
        return
    for code in codes:
        text = font.to_unicode.get(code)
        if text and len(text) > 1:
            out.printed.extend(text)
            out.true.extend([None] * len(text))
        else:
            out.printed.append(text or None)
            out.true.append(font.true_letters.get(code) if text else None)


_DOT_MIN, _DOT_MAX = 2.0, 8.0  # a radio button's dot, not its 9.5 pt ring


_BOX_MIN, _BOX_MAX = 7.0, 13.0  # a check box is about 9.5 pt square, its ring 10.9 pt


@dataclass(frozen=True, slots=True)
class _SmallPath:
    """A small path object of a page: bounds (top-left coordinates) and how it is painted."""

    x0: float
    x1: float
    top: float
    bottom: float
    dark_fill: bool
    open_stroke: bool


def _default_marks(page: pdfium.PdfPage, words: Sequence[Word]) -> tuple[Box, ...]:
    """Radio-button dots on pages with a Yes/No question, check boxes on pages with a 'Cap.' column."""
    dots, boxes = _has_yes_no(words), any(w.text == "Cap." for w in words)
    if not (dots or boxes):
        return ()
    paths = _small_paths(page)
    marks: list[Box] = []
    if dots:
        marks.extend(_radio_dots(paths))
    if boxes:
        marks.extend(_check_boxes(paths))
    return tuple(marks)


def _has_yes_no(words: Sequence[Word]) -> bool:
    texts = {w.text.lower() for w in words}
    return "yes" in texts and "no" in texts


def page_check_boxes(page: pdfium.PdfPage, words: Sequence[Word]) -> tuple[CheckBox, ...]:
    """Check boxes drawn on a page with a transactions table (a 'Cap.' column header)."""
    if not any(w.text == "Cap." for w in words):
        return ()
    return _check_boxes(_small_paths(page))


def _radio_dots(paths: Sequence[_SmallPath]) -> list[Box]:
    return [
        Box(p.x0, p.x1, p.top, p.bottom)
        for p in paths
        if p.dark_fill and _DOT_MIN <= p.x1 - p.x0 <= _DOT_MAX and _DOT_MIN <= p.bottom - p.top <= _DOT_MAX
    ]


def _check_boxes(paths: Sequence[_SmallPath]) -> list[CheckBox]:
    """Check boxes from the paths drawn at one spot: a square, plus a tick or a dark fill if ticked.

    The e-filed box is a 9.5 pt square (light grey and white fills and a ring) on every row; a ticked
    one adds a dark fill and an open tick stroke inside it. A mark drawn at the spot of no square
    (a radio dot, a stray line) is not a box.
    """
    groups: list[list[_SmallPath]] = []
    for path in sorted(paths, key=lambda p: (p.top, p.x0)):
        cx, cy = (path.x0 + path.x1) / 2, (path.top + path.bottom) / 2
        for group in groups:
            first = group[0]
            if abs((first.x0 + first.x1) / 2 - cx) < 3 and abs((first.top + first.bottom) / 2 - cy) < 3:
                group.append(path)
                break
        else:
            groups.append([path])
    boxes = []
    for group in groups:
        squares = [
            p for p in group
            if _BOX_MIN <= p.x1 - p.x0 <= _BOX_MAX and _BOX_MIN <= p.bottom - p.top <= _BOX_MAX
            and not p.open_stroke
        ]
        if not squares:
            continue
        square = max(squares, key=lambda p: p.x1 - p.x0)
        ticked = any(p.dark_fill or p.open_stroke for p in group)
        boxes.append(CheckBox(square.x0, square.x1, square.top, square.bottom, ticked))
    return boxes


def _small_paths(page: pdfium.PdfPage) -> list[_SmallPath]:
    """The page's path objects no larger than a check box, forms included.

    Raw PDFium calls with reused buffers: a table page holds hundreds of paths (cell shading and
    rules), and the object wrappers of ``page.get_objects`` cost three times as much.
    """
    _left, _bottom, _right, top = page.get_mediabox()
    found: list[_SmallPath] = []
    left, bottom, right, upper = (ctypes.c_float() for _ in range(4))
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    path_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    pending = [pdfium_c.FPDFPage_GetObject(page.raw, k) for k in reversed(range(count))]
    while pending:
        obj = pending.pop()
        kind = get_type(obj)
        if kind == form_kind:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            pending.extend(pdfium_c.FPDFFormObj_GetObject(obj, k) for k in reversed(range(count)))
            continue
        if kind != path_kind or not get_bounds(obj, left, bottom, right, upper):
            continue
        width, height = right.value - left.value, upper.value - bottom.value
        if not (_DOT_MIN <= width <= _BOX_MAX and _DOT_MIN <= height <= _BOX_MAX):
            continue
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            continue
        dark = False
        if fill_mode.value != 0 and pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
            # The empty box is filled light grey (169) and white; a ticked one dark grey (118).
            dark = (r.value + g.value + b.value) / 3 < 150
        open_stroke = False
        if stroke.value and fill_mode.value == 0:
            segments = pdfium_c.FPDFPath_CountSegments(obj)
            last = pdfium_c.FPDFPath_GetPathSegment(obj, segments - 1) if segments > 1 else None
            open_stroke = bool(last) and not pdfium_c.FPDFPathSegment_GetClose(last)
        box = (left.value, right.value, top - upper.value, top - bottom.value)
        found.append(_SmallPath(*box, dark, open_stroke))
    return found


def count_text_chars(pages: Sequence[PageContent]) -> int:
    """Letters and digits in the text layer: zero means a scan."""
    return sum(ch.isalnum() for page in pages for w in page.words for ch in w.text)


def has_text(words: Sequence[Word]) -> bool:
    """Whether any word holds a letter or digit."""
    return any(ch.isalnum() for w in words for ch in w.text)


def strip_hidden(text: str) -> str:
    """``text`` without the control characters some producers put in the text layer."""
    return text.replace("\x00", "").replace("\ufffe", "")


def is_smallcaps(word: str) -> bool:
    """Whether ``word`` carries the hidden markers of small-capital glyphs."""
    return any(ch in _HIDDEN_CHARS for ch in word)
