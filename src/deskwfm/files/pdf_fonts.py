"""Bundled Unicode fonts for PDFs, and safe text for reportlab.

Text is set in DejaVu Sans (Latin including Vietnamese, Greek, Cyrillic). No single free
TrueType font also covers Chinese, Japanese and Korean at a sane size, so runs of characters
that DejaVu lacks but Droid Sans Fallback has are switched to that font: in Paragraph markup
with ``<font name=...>`` (:func:`markup`), on a bare canvas with :func:`draw_runs`.

Everything user-entered goes through :func:`markup` (which escapes ``& < >``) before it can
reach a Paragraph, so a note such as ``<img src="/etc/passwd">`` prints as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from deskwfm.resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_CJK = "DroidSansFallback"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_CJK: "DroidSansFallback.ttf"}


@cache
def register_fonts() -> None:
    """Register the bundled fonts with reportlab (once per process)."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    pdfmetrics.registerFontFamily(FONT_CJK, normal=FONT_CJK, bold=FONT_CJK, italic=FONT_CJK,
                                  boldItalic=FONT_CJK)


@cache
def _cmap(name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


def runs(text: str, font: str = FONT) -> Iterator[tuple[str, str]]:
    """Split text into (font name, run) pieces: ``font`` where it has the glyph, else the
    CJK fallback where that has it, else ``font`` (which shows its missing-glyph box)."""
    main, fallback = _cmap(font), _cmap(FONT_CJK)
    cur_font, start = font, 0
    for i, ch in enumerate(text):
        cp = ord(ch)
        f = FONT_CJK if cp not in main and cp in fallback else font
        if f != cur_font and i > start:
            yield cur_font, text[start:i]
            start = i
        cur_font = f
    if start < len(text):
        yield cur_font, text[start:]


def needs_fallback(text: str) -> bool:
    return text.isascii() is False and any(f == FONT_CJK for f, _ in runs(text))


def markup(text: str) -> str:
    """User text as safe Paragraph markup: escaped, CJK runs wrapped in the fallback font."""
    if text.isascii():
        return escape(text)
    return "".join(
        escape(run) if f != FONT_CJK else f'<font name="{FONT_CJK}">{escape(run)}</font>'
        for f, run in runs(text)
    )


def text_width(text: str, font: str, size: float) -> float:
    """Width of text drawn with :func:`draw_runs`."""
    if text.isascii():
        return float(pdfmetrics.stringWidth(text, font, size))
    return sum(float(pdfmetrics.stringWidth(run, f, size)) for f, run in runs(text, font))


def fit(text: str, font: str, size: float, width: float, min_size: float = 6.0) -> tuple[str, float]:
    """Shrink the size (down to ``min_size``), then cut with an ellipsis, so text fits width."""
    w = text_width(text, font, size)
    if w <= width:
        return text, size
    size = max(min_size, size * width / w * 0.999)
    if text_width(text, font, size) <= width:
        return text, size
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def draw_runs(c: Canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """Draw one line of text on a canvas with per-run font switching (no markup involved)."""
    if align != "left":
        w = text_width(text, font, size)
        x -= w if align == "right" else w / 2
    if text.isascii() or not needs_fallback(text):
        c.setFont(font, size)
        c.drawString(x, y, text)
        return
    for f, run in runs(text, font):
        c.setFont(f, size)
        c.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, f, size)
