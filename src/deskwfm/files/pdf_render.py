"""Rasterise PDF pages (pypdfium2) for on-screen previews: RGB bytes, no Qt here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: ``height`` rows of ``stride`` bytes, 3 bytes (RGB) per pixel."""

    width: int
    height: int
    stride: int
    rgb: bytes


def render_pdf_pages(pdf: Path, width_px: int = 560) -> Iterator[PageImage]:
    """Each page of ``pdf`` scaled to ``width_px`` pixels wide, in order."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                bmp = page.render(scale=width_px / page.get_width(), rev_byteorder=True)
                yield PageImage(bmp.width, bmp.height, bmp.stride, bytes(bmp.buffer))
            finally:
                page.close()
    finally:
        doc.close()
