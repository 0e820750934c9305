"""The audit trail (or a filtered part of it) as a workbook: one row per change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from deskwfm.core.i18n import tr
from deskwfm.core.messages import N_
from deskwfm.files.xlsx_save import save_workbook

HEADINGS = (
    N_("When"),
    N_("Who"),
    N_("Workstation"),
    N_("How"),
    N_("Detail"),
    N_("Reason"),
    N_("What"),
    N_("Employee"),
    N_("Day"),
    N_("Before"),
    N_("After"),
    N_("Row"),
)
WIDTHS = (19, 14, 16, 16, 40, 24, 10, 10, 11, 28, 28, 8)


def write_audit(path: Path, rows: Sequence[Sequence[object]], tz: str) -> Path:
    """``rows`` in HEADINGS order (When a naive local datetime, Day a date or None); text cells
    are written as strings, never formulas. Written whole or not at all."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from deskwfm.files.xlsx_style import set_text

    wb = Workbook()
    ws = wb.active
    ws.title = tr("Audit")
    set_text(ws.cell(1, 1), tr("Changes recorded by deskwfm (times on the site's clock, {tz})").format(tz=tz))
    ws.cell(1, 1).font = Font(bold=True, size=13)
    for col, text in enumerate(HEADINGS, 1):
        cell = set_text(ws.cell(3, col), tr(text))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[col - 1]
    for r, row in enumerate(rows, 4):
        for c, v in enumerate(row, 1):
            cell = ws.cell(r, c)
            if isinstance(v, datetime):
                cell.value = v
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(v, date):
                cell.value = v
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(v, int):
                cell.value = v
            elif v is not None:
                set_text(cell, str(v))
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(HEADINGS))}{max(4, 3 + len(rows))}"
    save_workbook(wb, path)
    return path
