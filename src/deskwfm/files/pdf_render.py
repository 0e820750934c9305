"""Rasterise PDF pages (pypdfium2) for on-screen previews and printing: RGB bytes, no Qt here.

``PdfPages`` keeps one document open so a preview can render the page it needs when it needs
it (a 500-page run is never rendered whole). PDFium is not thread-safe: use one ``PdfPages``
from one thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: ``height`` rows of ``stride`` bytes, 3 bytes (RGB) per pixel."""

    width: int
    height: int
    stride: int
    rgb: bytes


class PdfPages:
    """An open PDF: its page count and sizes (points), and any page rendered at a width."""

    def __init__(self, pdf: Path) -> None:
        import pypdfium2

        self._doc: Any = pypdfium2.PdfDocument(str(pdf))
        self.count: int = len(self._doc)
        self.sizes: list[tuple[float, float]] = [self._doc.get_page_size(i) for i in range(self.count)]

    def render(self, index: int, width_px: int) -> PageImage:
        """Page ``index`` (0-based) scaled to ``width_px`` pixels wide."""
        page = self._doc[index]
        try:
            bmp = page.render(scale=width_px / page.get_width(), rev_byteorder=True)
            return PageImage(bmp.width, bmp.height, bmp.stride, bytes(bmp.buffer))
        finally:
            page.close()

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def render_pdf_pages(pdf: Path, width_px: int = 560) -> Iterator[PageImage]:
    """Each page of ``pdf`` scaled to ``width_px`` pixels wide, in order."""
    with PdfPages(pdf) as pages:
        for i in range(pages.count):
            yield pages.render(i, width_px)
