"""Image-only pages for synthetic paper filings (no text layer), for the OCR path.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from synthetic.filings import SYNTHETIC_LABEL
from synthetic.pdf import _FOOTER_TOP, PAGE_HEIGHT, PAGE_WIDTH, _Box, _Op, _Text, _width

if TYPE_CHECKING:
    from PIL import Image, ImageFont

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Raster pages for paper filings
# --------------------------------------------------------------------------------------------

_DPI = 150


@functools.lru_cache(maxsize=32)
def _pil_font(pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    return ImageFont.load_default(size=pixels)


def _raster(ops: Sequence[_Op]) -> Image.Image:
    """Draw the page at 150 dpi, black and white like the Clerk's scans (1 bit per pixel)."""
    from PIL import Image, ImageDraw

    scale = _DPI / 72
    img = Image.new("L", (round(PAGE_WIDTH * scale), round(PAGE_HEIGHT * scale)), 255)
    draw = ImageDraw.Draw(img)
    for op in [*ops, _Text(21.7, _FOOTER_TOP, 7, SYNTHETIC_LABEL)]:
        if isinstance(op, _Box):
            xy = (op.x * scale, op.top * scale, (op.x + op.w) * scale, (op.top + op.h) * scale)
            if op.fill is None:
                draw.rectangle(xy, outline=0, width=2)
            elif op.fill < 0.5:
                draw.rectangle(xy, fill=0)
        elif not op.hidden:
            text = (op.text.upper() if op.caps else op.text).replace("\u2022", "-")
            pixels = round(op.size * scale)
            # Pillow's bundled sans face runs wider than Times: shrink the run to its Times width
            # so that columns do not collide.
            room = _width(text, op.size, op.bold) * scale
            drawn = _pil_font(pixels).getlength(text)
            if drawn > room > 0:
                pixels = max(6, int(pixels * room / drawn))
            draw.text((op.x * scale, op.top * scale), text, fill=0, font=_pil_font(pixels))
    return img.convert("1", dither=Image.Dither.NONE)


