"""A fast ruled table flowable for long, regular tables (timesheet days, schedule rows).

reportlab's ``Table`` is general but draws every cell through its own text object and
styles through a command list; for 1,000 timesheets of 40 rows that alone costs seconds.
``Grid`` has fixed columns, one line per cell (user text may wrap onto a few lines), row
kinds styled by a small table, and draws all text of a page through one text object.
It splits between rows and repeats its header on every page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from deskwfm.files.pdf_fonts import FONT, FONT_BOLD, FONT_CJK, fit, runs, text_width


@dataclass(frozen=True, slots=True)
class Column:
    title: str  # "\n" separates header lines
    width: float
    align: str = "left"  # left | right | center
    wrap: bool = False  # user text: may wrap onto up to ``max_lines`` lines; else shrink/cut


@dataclass(frozen=True, slots=True)
class RowStyle:
    bold: bool = False
    fill: Color | None = None
    rule_above: float = 0.0  # line width above the row (0 = the normal thin rule)
    rule_below: float = 0.0


@dataclass(frozen=True, slots=True)
class Row:
    kind: str
    cells: tuple[str, ...]
    fills: tuple[Color | None, ...] = ()  # per-cell backgrounds (schedule chart)
    span: int = 1  # the first cell spans this many columns (labels of subtotal rows)


@dataclass
class GridStyle:
    font_size: float = 8.0
    header_size: float = 7.0
    row_height: float = 11.6
    pad: float = 3.0
    max_lines: int = 3
    rule: Color = field(default_factory=lambda: colors.HexColor("#9a9a9a"))
    header_fill: Color | None = field(default_factory=lambda: colors.HexColor("#eef1f5"))
    kinds: Mapping[str, RowStyle] = field(default_factory=dict)


@lru_cache(maxsize=8192)
def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size) if text.isascii() else text_width(text, font, size)


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap measured with the fallback-aware width; words (or CJK runs) longer than
    a line break between characters; the last line is cut with an ellipsis."""
    if "\n" in text:  # the caller chose the breaks
        return text.split("\n")[:max_lines]
    if _width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    cur = ""
    for word in text.split(" "):
        cand = f"{cur} {word}" if cur else word
        if _width(cand, font, size) <= width:
            cur = cand
            continue
        if cur:
            lines.append(cur)
            cur = ""
        while _width(word, font, size) > width:
            cut = len(word)
            while cut > 1 and _width(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        cur = word
    if cur:
        lines.append(cur)
    if len(lines) > max_lines:
        last, _ = fit(lines[max_lines - 1] + " " + lines[max_lines] + "…", font, size, width, min_size=size)
        lines = [*lines[: max_lines - 1], last]
    return lines


class Grid(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    def __init__(self, columns: Sequence[Column], rows: Sequence[Row], style: GridStyle) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows = list(rows)
        self.style = style
        self._heights: list[float] | None = None
        self._lines: dict[tuple[int, int], list[str]] = {}
        hl = max(c.title.count("\n") + 1 for c in self.columns)
        self.header_height = hl * style.header_size * 1.15 + 2 * 2.2

    # -- layout -----------------------------------------------------------------------
    def _row_heights(self) -> list[float]:
        if self._heights is None:
            st = self.style
            line_h = st.font_size * 1.2
            heights = []
            wrap_cols = [i for i, c in enumerate(self.columns) if c.wrap]
            for r, row in enumerate(self.rows):
                h = st.row_height
                for i in wrap_cols:
                    if i < len(row.cells) and row.cells[i]:
                        bold = st.kinds.get(row.kind, RowStyle()).bold
                        lines = wrap_text(row.cells[i], FONT_BOLD if bold else FONT, st.font_size,
                                          self.columns[i].width - 2 * st.pad, st.max_lines)
                        self._lines[(r, i)] = lines
                        h = max(h, st.row_height + (len(lines) - 1) * line_h)
                heights.append(h)
            self._heights = heights
        return self._heights

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = sum(c.width for c in self.columns)
        self.height = self.header_height + sum(self._row_heights())
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        room = ah - self.header_height
        k = 0
        for h in self._row_heights():
            if h > room:
                break
            room -= h
            k += 1
        if k == 0 or k >= len(self.rows):
            return []
        return [Grid(self.columns, self.rows[:k], self.style), Grid(self.columns, self.rows[k:], self.style)]

    # -- drawing ----------------------------------------------------------------------
    def draw(self) -> None:
        c = self.canv
        st = self.style
        heights = self._row_heights()
        width = sum(col.width for col in self.columns)
        xs = [0.0]
        for col in self.columns:
            xs.append(xs[-1] + col.width)
        top = self.height
        # backgrounds
        if st.header_fill is not None:
            c.setFillColor(st.header_fill)
            c.rect(0, top - self.header_height, width, self.header_height, stroke=0, fill=1)
        y = top - self.header_height
        for row, h in zip(self.rows, heights, strict=True):
            rs = st.kinds.get(row.kind)
            if rs is not None and rs.fill is not None:
                c.setFillColor(rs.fill)
                c.rect(0, y - h, width, h, stroke=0, fill=1)
            for i, fill in enumerate(row.fills):
                if fill is not None:
                    c.setFillColor(fill)
                    c.rect(xs[i], y - h, xs[i + 1] - xs[i], h, stroke=0, fill=1)
            y -= h
        # rules
        c.setStrokeColor(st.rule)
        c.setLineWidth(0.25)
        y = top - self.header_height
        thin = []
        heavy: list[tuple[float, float]] = [(top - self.header_height, 0.8)]
        for row, h in zip(self.rows, heights, strict=True):
            rs = st.kinds.get(row.kind, RowStyle())
            if rs.rule_above:
                heavy.append((y, rs.rule_above))
            y -= h
            if rs.rule_below:
                heavy.append((y, rs.rule_below))
            else:
                thin.append(y)
        if thin:
            c.lines([(0, yy, width, yy) for yy in thin])
        c.setStrokeColor(colors.black)
        for yy, lw in heavy:
            c.setLineWidth(lw)
            c.line(0, yy, width, yy)
        # text
        c.setFillColor(colors.black)
        t = c.beginText()
        cur_font: tuple[str, float] | None = None

        def put(x: float, yy: float, text: str, font: str, size: float, align: str, cw: float) -> None:
            nonlocal cur_font
            w = _width(text, font, size)
            if align == "right":
                x = x + cw - st.pad - w
            elif align == "center":
                x = x + (cw - w) / 2
            else:
                x = x + st.pad
            t.setTextOrigin(x, yy)
            if text.isascii():
                if cur_font != (font, size):
                    t.setFont(font, size)
                    cur_font = (font, size)
                t.textOut(text)
                return
            for f, run in runs(text, font):
                if cur_font != (f, size):
                    t.setFont(f, size)
                    cur_font = (f, size)
                t.textOut(run)

        hs = st.header_size
        for i, col in enumerate(self.columns):
            title_lines = col.title.split("\n")
            yy = top - self.header_height + 2.6 + (len(title_lines) - 1) * hs * 1.15
            for line in title_lines:
                put(xs[i], yy, line, FONT_BOLD, hs, col.align, col.width)
                yy -= hs * 1.15
        y = top - self.header_height
        size = st.font_size
        base_off = (st.row_height - size * 0.72) / 2  # baseline of a single-line row
        for r, (row, h) in enumerate(zip(self.rows, heights, strict=True)):
            rs = st.kinds.get(row.kind, RowStyle())
            font = FONT_BOLD if rs.bold else FONT
            i = 0
            while i < len(row.cells):
                text = row.cells[i]
                span = row.span if i == 0 else 1
                cw = xs[min(i + span, len(self.columns))] - xs[i]
                if text:
                    col = self.columns[i]
                    lines = self._lines.get((r, i))
                    yy = y - base_off - size * 0.72  # rows are top-aligned
                    if lines is None:
                        line, sz = text, size
                        if _width(text, font, size) > cw - 2 * st.pad:
                            line, sz = fit(text, font, size, cw - 2 * st.pad, min_size=5.5)
                        put(xs[i], yy, line, font, sz, col.align, cw)
                    else:
                        for line in lines:
                            sz = size
                            if _width(line, font, size) > cw - 2 * st.pad:
                                line, sz = fit(line, font, size, cw - 2 * st.pad, min_size=4.5)
                            put(xs[i], yy, line, font, sz, col.align, cw)
                            yy -= size * 1.2
                i += span
            y -= h
        c.drawText(t)


__all__ = ["FONT_CJK", "Column", "Grid", "GridStyle", "Row", "RowStyle", "wrap_text"]
