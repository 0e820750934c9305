"""Read a timesheet's shift table back out of the real PDF, cell by cell.

``pdftotext -bbox`` (poppler) gives every word with its box. Numbers are right-aligned under
right-aligned headings ("Reg h", "Worked h", ...), so a word belongs to the hour column whose
heading ends where it ends; Date, Shift and Notes are left-aligned. Words only a space apart
make one cell's text; a line closer than a row height to the one above continues that row's
wrapped cells.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

HOUR_HEADINGS = ("Reg h", "OT h", "DT h", "Holiday h", "Worked h", "Leave h", "Paid h", "Night h")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_ROW_GAP = 11.0  # a new row starts at least a row height (11.6 pt) below the previous one


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    text: str


@dataclass
class TableRow:
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, heading: str) -> str:
        return self.cells.get(heading, "")

    def hours(self, heading: str) -> float:
        text = self.get(heading)
        return float(text) if text else 0.0

    @property
    def label(self) -> str:
        return " ".join(t for t in (self.get("Date"), self.get("Shift")) if t)


def page_words(pdf: Path) -> list[list[Word]]:
    cmd = ["pdftotext", "-bbox", str(pdf), "-"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        pages.append([Word(float(a), float(b), float(c), html.unescape(t))
                      for a, b, c, _d, t in _WORD.findall(chunk)])
    return pages


def page_text(words: list[Word]) -> str:
    """The page's words in reading order, one line per row of text."""
    return "\n".join(" ".join(w.text for w in ws) for _, ws in _lines(words))


def _lines(words: list[Word]) -> list[tuple[float, list[Word]]]:
    by_y: dict[float, list[Word]] = {}
    for w in words:
        by_y.setdefault(round(w.y0, 1), []).append(w)
    return sorted((y, sorted(ws, key=lambda w: w.x0)) for y, ws in by_y.items())


def _phrases(words: list[Word], space: float = 2.8) -> list[Word]:
    """Words of one line joined where only a space separates them (one cell's text)."""
    out: list[Word] = []
    for w in words:
        if out and w.x0 - out[-1].x1 < space:
            out[-1] = Word(out[-1].x0, out[-1].y0, w.x1, f"{out[-1].text} {w.text}")
        else:
            out.append(w)
    return out


def shift_table(words: list[Word]) -> tuple[list[str], list[TableRow]]:
    """The hour headings found and the rows of the shift table on one page."""
    lines = _lines(words)
    head_y, head = next((y, ws) for y, ws in lines if any(w.text == "Notes" for w in ws))
    text_cols = {w.text: w.x0 for w in head if w.text in ("Date", "Shift", "Notes")}
    ends: dict[str, float] = {}
    for prev, w in zip(head, head[1:], strict=False):
        if w.text == "h" and f"{prev.text} h" in HOUR_HEADINGS:
            ends[f"{prev.text} h"] = w.x1
        if w.text == "min":
            ends["Break min"] = w.x1
    rows: list[TableRow] = []
    last_y = head_y
    for y, ws in lines:
        if y <= head_y:
            continue
        if ws[0].text == "Worked" and "=" in (w.text for w in ws):  # the legend under the table
            break
        continuation = bool(rows) and y - last_y < _ROW_GAP
        row = rows[-1] if continuation else TableRow()
        for phrase in _phrases(ws):
            col = next((h for h, x1 in ends.items() if abs(phrase.x1 - x1) < 0.6), None)
            if col is None:
                if phrase.x0 >= text_cols["Notes"] - 0.5:
                    col = "Notes"
                elif phrase.x0 >= text_cols["Shift"] - 0.5:
                    col = "Shift"
                else:
                    col = "Date"
            row.cells[col] = f"{row.cells[col]} {phrase.text}" if col in row.cells else phrase.text
        if not continuation:
            rows.append(row)
        last_y = y
    return [h for h in HOUR_HEADINGS if h in ends], rows
