"""The payroll workbook's ``Actual time`` sheet: per employee, scheduled and worked hours, the
variance, adherence, late arrivals and open exceptions, with a totals row. Adherence counts the
shifts over when the file was written (``adherence_scheduled_minutes``); the total's adherence is
total adhered over total scheduled, not an average of percentages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import N_, msg
from deskwfm.files.xlsx_style import set_text

PAY_BASES = (N_("schedule"), N_("actual"))  # the values of ``pay_basis``, shown through tr()

SHEET = N_("Actual time")
HEADER_ROW = 3
HEADERS = (
    N_("Code"),
    N_("Name"),
    N_("Team"),
    N_("Pay basis"),
    N_("Scheduled h"),
    N_("Worked h"),
    N_("Variance h"),
    N_("Worked as scheduled h"),
    N_("Adherence %"),
    N_("Late"),
    N_("Open exceptions"),
    N_("Blocking approval"),
    N_("Holidays without pay"),
)


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    code: str
    name: str
    team: str
    pay_basis: str
    scheduled_minutes: int
    worked_minutes: int
    adhered_minutes: int
    adherence_scheduled_minutes: int  # the scheduled minutes adherence is measured against
    late: int
    open_exceptions: int
    blocking: int
    holidays_without_pay: str  # e.g. "2026-12-25"


def add_attendance_sheet(wb: Any, lines: Sequence[AttendanceLine], title: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter as col
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = wb.create_sheet(tr(SHEET))
    bold = Font(name="Calibri", bold=True)
    set_text(ws.cell(1, 1), title).font = Font(name="Calibri", bold=True, size=13)
    set_text(
        ws.cell(2, 1),
        tr(
            "Scheduled against actual time by work date; adherence = worked as scheduled / scheduled, "
            "over the shifts ended when this file was written"
        ),
    ).font = Font(name="Calibri", italic=True, size=9)
    fill = PatternFill("solid", fgColor="DDE4EE")
    for c, text in enumerate(HEADERS, 1):
        cell = set_text(ws.cell(HEADER_ROW, c), tr(text))
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(
            horizontal="center" if c > 3 else "left", vertical="center", wrap_text=True
        )
    first = HEADER_ROW + 1
    for i, ln in enumerate(lines):
        r = first + i
        for c, text in enumerate((ln.code, ln.name, ln.team, tr(ln.pay_basis)), 1):
            set_text(ws.cell(r, c), text)
        for c, minutes in ((5, ln.scheduled_minutes), (6, ln.worked_minutes), (8, ln.adhered_minutes)):
            ws.cell(r, c, minutes / 60).number_format = "0.00"
        ws.cell(r, 7, f"=F{r}-E{r}").number_format = "0.00"
        if ln.adherence_scheduled_minutes:
            ws.cell(r, 9, ln.adhered_minutes / ln.adherence_scheduled_minutes).number_format = "0.0%"
        ws.cell(r, 10, ln.late)
        ws.cell(r, 11, ln.open_exceptions)
        ws.cell(r, 12, ln.blocking)
        set_text(ws.cell(r, 13), ln.holidays_without_pay)
    last = first + len(lines) - 1
    total = last + 1
    set_text(ws.cell(total, 1), tr("Total")).font = bold
    for c in (5, 6, 7, 8, 10, 11, 12):
        cell = ws.cell(total, c, f"=SUM({col(c)}{first}:{col(c)}{last})" if lines else 0)
        cell.font = bold
        if c <= 8:
            cell.number_format = "0.00"
    base = sum(ln.adherence_scheduled_minutes for ln in lines)
    if base:
        pct = ws.cell(total, 9, sum(ln.adhered_minutes for ln in lines) / base)
        pct.number_format = "0.0%"
        pct.font = bold
    for c, w in enumerate((9, 24, 12, 10, 11, 10, 10, 12, 11, 7, 11, 11, 20), 1):
        ws.column_dimensions[col(c)].width = w
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.freeze_panes = ws.cell(first, 4)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{col(len(HEADERS))}{max(last, first)}"
    # printed like the other sheets: landscape, one page wide, the header on every page
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{col(len(HEADERS))}{total}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.oddFooter.center.text = render(msg("Page {n} of {total}", n="&P", total="&N"))
