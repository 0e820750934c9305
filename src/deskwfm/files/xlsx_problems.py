"""Located problems found in a workbook (``Shifts!D14: "25:00" is not a time``) and the error report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.files.xlsx_save import save_workbook


def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA (no openpyxl import: this module is used on every read)."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True, slots=True, order=True)
class Where:
    """A cell of a sheet, 1-based row and column as Excel shows them."""

    sheet: str
    row: int
    col: int

    @property
    def cell(self) -> str:
        return f"{column_letter(self.col)}{self.row}"

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the workbook; ``where`` is None for workbook-level problems and
    ``sheet`` alone names a sheet-level one (a missing column). The message is data, shown in
    the reader's language (``str(problem)``, ``as_msg``)."""

    message: Msg
    where: Where | None = None
    sheet: str = ""

    def as_msg(self) -> Msg:
        """``Shifts!D14: "25:00" is not a time`` as a message."""
        if self.where is not None:
            return msg("{where}: {problem}", where=str(self.where), problem=self.message)
        if self.sheet:
            return msg("{where}: {problem}", where=self.sheet, problem=self.message)
        return self.message

    def __str__(self) -> str:
        return str(self.as_msg())

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        # the English rendering: the same order (and the same duplicates) in every language
        text = render(self.message, "en")
        if self.where is not None:
            return (self.where.sheet, self.where.row, self.where.col, text)
        return (self.sheet, 0, 0, text)


def sorted_problems(problems: Sequence[Problem]) -> list[Problem]:
    """Problems in reading order, sheet by sheet, duplicates dropped."""
    seen: set[tuple[str, int, int, str]] = set()
    out: list[Problem] = []
    for p in sorted(problems, key=lambda p: p.sort_key):
        key = p.sort_key
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def write_error_report(path: str | Path, source: str, problems: Sequence[Problem]) -> None:
    """Save the problem list as a workbook: Sheet, Cell, Problem (text cells only), filterable,
    header frozen, so a clerk can work through it next to the source file."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from deskwfm.files.xlsx_style import set_text

    wb = Workbook()
    ws = wb.active
    ws.title = tr("Problems")
    set_text(ws.cell(1, 1), render(msg("Problems found in {file}", file=source)))
    ws.cell(1, 1).font = Font(name="Calibri", bold=True, size=13)
    set_text(ws.cell(2, 1), render(msg_n(
        "{count:num} problem; nothing was imported. Fix it and import again.",
        "{count:num} problems; nothing was imported. Fix them and import again.", len(problems))))
    header = (tr("Sheet"), tr("Cell"), tr("Problem"))
    for col, text in enumerate(header, 1):
        cell = ws.cell(4, col)
        set_text(cell, text)
        cell.font = Font(name="Calibri", bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
    for i, p in enumerate(sorted_problems(problems), 5):
        sheet = p.where.sheet if p.where else p.sheet
        set_text(ws.cell(i, 1), sheet)
        set_text(ws.cell(i, 2), p.where.cell if p.where else "")
        set_text(ws.cell(i, 3), render(p.message))
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 9
    ws.column_dimensions["C"].width = 90
    ws.freeze_panes = "A5"
    ws.auto_filter.ref = f"A4:C{max(5, 4 + len(problems))}"
    save_workbook(wb, path)
