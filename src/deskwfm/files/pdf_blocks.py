"""Small drawn blocks for PDF pages: a title line, labelled fields, signature lines.

They draw straight on the canvas with the bundled fonts (user text is never parsed as
markup here, so it cannot inject tags); long values wrap onto two lines or shrink to fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable

from deskwfm.core.i18n import tr
from deskwfm.files.pdf_fonts import FONT, FONT_BOLD, draw_runs, fit
from deskwfm.files.pdf_grid import wrap_text

GREY = colors.HexColor("#555555")


class TextLine(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """One line of text that shrinks (then is cut with an ellipsis) to fit the width."""

    def __init__(self, text: str, size: float, bold: bool = False, space_after: float = 0.0,
                 color: colors.Color = colors.black) -> None:
        super().__init__()
        self.text, self.size, self.bold, self.space_after, self.color = text, size, bold, space_after, color

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.size * 1.25 + self.space_after
        return self.width, self.height

    def draw(self) -> None:
        font = FONT_BOLD if self.bold else FONT
        text, size = fit(self.text, font, self.size, self.width)
        self.canv.setFillColor(self.color)
        draw_runs(self.canv, 0, self.space_after + self.size * 0.3, text, font, size)
        self.canv.setFillColor(colors.black)


class Fields(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Label over value, side by side: (label, value, share of the width). Values wrap onto
    at most three lines, then shrink; a rule runs under the block."""

    LABEL = 7.0
    VALUE = 9.5

    def __init__(self, fields: Sequence[tuple[str, str, float]]) -> None:
        super().__init__()
        self.fields = list(fields)
        self._lines: list[list[str]] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._lines = [
            wrap_text(value, FONT_BOLD, self.VALUE, aw * share - 8, 3) for _, value, share in self.fields
        ]
        n = max(len(x) for x in self._lines)
        self.height = self.LABEL * 1.3 + n * self.VALUE * 1.2 + 5
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        x = 0.0
        for (label, _, share), lines in zip(self.fields, self._lines, strict=True):
            w = self.width * share
            c.setFillColor(GREY)
            draw_runs(c, x, self.height - self.LABEL, label, FONT, self.LABEL)
            c.setFillColor(colors.black)
            y = self.height - self.LABEL * 1.3 - self.VALUE
            for line in lines:
                text, size = fit(line, FONT_BOLD, self.VALUE, w - 8)
                draw_runs(c, x, y, text, FONT_BOLD, size)
                y -= self.VALUE * 1.2
            x += w
        c.setStrokeColor(colors.HexColor("#9a9a9a"))
        c.setLineWidth(0.6)
        c.line(0, 0.5, self.width, 0.5)


class SignatureLines(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Employee and supervisor signature and date lines."""

    def __init__(self, labels: Sequence[str] | None = None, space_before: float = 26.0) -> None:
        super().__init__()
        self.labels = list(labels or (tr("Employee signature"), tr("Supervisor signature")))
        self.space_before = space_before

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.space_before + 12
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        gap = 24.0
        col = (self.width - gap * (len(self.labels) - 1)) / len(self.labels)
        c.setLineWidth(0.8)
        c.setStrokeColor(colors.black)
        c.setFillColor(GREY)
        y = 11.0
        for i, label in enumerate(self.labels):
            x = i * (col + gap)
            sig_w = col * 0.66
            c.line(x, y, x + sig_w, y)
            c.line(x + sig_w + 10, y, x + col, y)
            draw_runs(c, x, y - 9, label, FONT, 7)
            draw_runs(c, x + sig_w + 10, y - 9, tr("Date"), FONT, 7)
        c.setFillColor(colors.black)
