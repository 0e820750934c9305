"""Write the schedule grid as people print it: employees x days, coloured codes, tinted weekends.

Layout of the ``Schedule`` sheet (row numbers 1-based)::

    1  title                       2  how the totals are computed
    3  Code | Name | Team | <one date per column> | Worked h | Leave h
    4.. one row per employee: the cell text is what the grid shows (and imports back)
    then "Total" rows: people on shift per day, hours worked per day (and the grand total)

Totals are formulas. Worked hours per employee and per day sum a hidden block to the right holding
each employee's paid minutes *by the day worked* (a 22:00-06:00 shift puts 2 h on its first
day and 6 h on the next) as the payroll engine counted them, so Excel and LibreOffice compute
exactly what the app shows. Leave hours and people on shift are counted from the visible
cells (COUNTIF per leave code), so they follow edits made in the spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from deskwfm.core.entry import format_entry, span_minutes
from deskwfm.core.i18n import language, render, tr
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import KIND_LABELS, Employee, Shift, ShiftCode, ShiftKind
from deskwfm.files.xlsx_save import save_workbook
from deskwfm.files.xlsx_style import hex6, set_text, text_colour_for

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# Excel and LibreOffice name the weekday and month in the locale the format asks for
# ([$-C0C] is fr-CA), not in the reader's system language.
DATE_HEADER_FORMAT = {"en": "ddd d mmm", "fr": "[$-C0C]ddd d mmm"}
HEADER_ROW = 3
FIRST_DAY_COL = 4  # D
WEEKEND_FILL = "EEF1F5"
HOLIDAY_FILL = "FDEBD0"
HEADER_FILL = "DDE4EE"
TOTAL_FILL = "F3F4F6"


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    employee: Employee
    cells: Sequence[Shift | None]  # one per day of the sheet
    day_minutes: Sequence[int]  # paid work minutes on each day (by the day worked)


@dataclass
class ScheduleSheet:
    title: Msg
    days: list[date]
    rows: list[ScheduleRow]
    codes: dict[str, ShiftCode]  # UPPER code -> code
    holidays: dict[date, str] = field(default_factory=dict)
    note: Msg | None = None


def cell_text(shift: Shift | None) -> str:
    """What the grid shows for a shift, and what the importer reads back to the same shift."""
    if shift is None:
        return ""
    return (
        format_entry(shift.start, shift.end, shift.break_minutes, shift.code, shift.break_start)
        or shift.code
    )


def write_schedule(
    path: str | Path, sheet: ScheduleSheet, progress: Callable[[int, int], None] | None = None
) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter as L
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    ws = wb.active
    ws.title = tr("Schedule")
    n_days = len(sheet.days)
    last_day_col = FIRST_DAY_COL + n_days - 1
    hours_col, leave_col = last_day_col + 1, last_day_col + 2
    hidden_first = leave_col + 2
    hidden_last = hidden_first + n_days - 1
    first_row = HEADER_ROW + 1
    last_row = HEADER_ROW + len(sheet.rows)
    people_row, day_hours_row = last_row + 1, last_row + 2

    bold = Font(name="Calibri", bold=True)
    centre = Alignment(horizontal="center", vertical="center")
    thin = Side(style="thin", color="C8CDD5")
    grid_border = Border(left=thin, right=thin, top=thin, bottom=thin)
    week_edge = Border(left=Side(style="medium", color="7A8699"), right=thin, top=thin, bottom=thin)
    fills: dict[str, PatternFill] = {}

    def fill(colour: str) -> PatternFill:
        if colour not in fills:
            fills[colour] = PatternFill("solid", fgColor=colour)
        return fills[colour]

    fonts: dict[str, Font] = {
        "000000": Font(name="Calibri", size=10),
        "FFFFFF": Font(name="Calibri", size=10, color="FFFFFF"),
    }

    set_text(ws.cell(1, 1), render(sheet.title)).font = Font(name="Calibri", bold=True, size=14)
    note = render(sheet.note) if sheet.note else ""
    set_text(ws.cell(2, 1), note).font = Font(name="Calibri", italic=True, size=9, color="555555")

    headers = ((1, tr("Code")), (2, tr("Name")), (3, tr("Team")), (hours_col, tr("Worked h")),
               (leave_col, tr("Leave h")))
    for c, text in headers:
        cell = set_text(ws.cell(HEADER_ROW, c), text)
        cell.font = bold
        cell.fill = fill(HEADER_FILL)
        cell.alignment = centre if c > 3 else Alignment(vertical="center")
        cell.border = grid_border
    day_fill: list[str | None] = []
    week_starts = {d for d in sheet.days if d.weekday() == sheet.days[0].weekday()}
    for i, d in enumerate(sheet.days):
        col = FIRST_DAY_COL + i
        cell = ws.cell(HEADER_ROW, col, d)
        cell.number_format = DATE_HEADER_FORMAT.get(language(), "ddd d mmm")
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        shade = HOLIDAY_FILL if d in sheet.holidays else WEEKEND_FILL if d.weekday() >= 5 else None
        day_fill.append(shade)
        cell.fill = fill(shade or HEADER_FILL)
        cell.border = week_edge if d in week_starts and i else grid_border
        if d in sheet.holidays:
            cell.comment = Comment(sheet.holidays[d], "deskwfm")
        ws.column_dimensions[L(col)].width = 12.5

    leave_codes = sorted(
        (c for c in sheet.codes.values() if c.kind is not ShiftKind.WORK), key=lambda c: c.code
    )
    paid_leave = [
        (c.code, _code_minutes(c)) for c in leave_codes if c.kind is ShiftKind.PAID_LEAVE and _code_minutes(c)
    ]
    total_rows = len(sheet.rows)
    for r_i, row in enumerate(sheet.rows):
        r = first_row + r_i
        e = row.employee
        set_text(ws.cell(r, 1, None), e.code).border = grid_border
        set_text(ws.cell(r, 2, None), e.name).border = grid_border
        set_text(ws.cell(r, 3, None), e.team).border = grid_border
        for i, shift in enumerate(row.cells):
            col = FIRST_DAY_COL + i
            cell = ws.cell(r, col)
            cell.border = week_edge if i and sheet.days[i] in week_starts else grid_border
            cell.alignment = centre
            shade = day_fill[i]
            if shift is not None:
                set_text(cell, cell_text(shift))
                code = sheet.codes.get(shift.code.upper()) if shift.code else None
                if code is not None:
                    colour = hex6(code.colour)
                    cell.fill = fill(colour)
                    txt = text_colour_for(colour)
                    cell.font = fonts[txt]
                else:
                    cell.font = fonts["000000"]
                    if shade:
                        cell.fill = fill(shade)
                if shift.note:
                    cell.comment = Comment(shift.note[:500], "deskwfm")
            elif shade:
                cell.fill = fill(shade)
            minutes = row.day_minutes[i]
            if minutes:
                ws.cell(r, hidden_first + i, minutes)
        hidden_range = f"{L(hidden_first)}{r}:{L(hidden_last)}{r}"
        h = ws.cell(r, hours_col, f"=SUM({hidden_range})/60")
        h.number_format = "0.00"
        h.border = grid_border
        h.font = bold
        row_range = f"{L(FIRST_DAY_COL)}{r}:{L(last_day_col)}{r}"
        leave_formula = "+".join(f'COUNTIF({row_range},"{code}")*{m}' for code, m in paid_leave)
        lv = ws.cell(r, leave_col, f"=({leave_formula})/60" if leave_formula else 0)
        lv.number_format = "0.00"
        lv.border = grid_border
        if progress is not None and r_i % 50 == 0:
            progress(r_i, total_rows)

    _total_rows(
        ws,
        sheet,
        first_row,
        last_row,
        people_row,
        day_hours_row,
        hours_col,
        leave_col,
        hidden_first,
        leave_codes,
        fill(TOTAL_FILL),
        grid_border,
    )

    ws.column_dimensions["A"].width = 9
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 12
    ws.column_dimensions[L(hours_col)].width = 8
    ws.column_dimensions[L(leave_col)].width = 8
    ws.row_dimensions[HEADER_ROW].height = 30
    for col in range(hidden_first, hidden_last + 1):
        ws.column_dimensions[L(col)].hidden = True
    if n_days:
        ws.column_dimensions.group(L(hidden_first), L(hidden_last), hidden=True)
    ws.freeze_panes = ws.cell(first_row, FIRST_DAY_COL)
    ws.sheet_view.zoomScale = 90
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_title_cols = "A:C"
    ws.print_area = f"A1:{L(leave_col)}{day_hours_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = render(msg("Page {n} of {total}", n="&P", total="&N"))
    ws.oddHeader.left.text = "&A"
    _legend(wb, sheet)
    if progress is not None:
        progress(total_rows, total_rows)
    save_workbook(wb, path)


def _code_minutes(code: ShiftCode) -> int:
    if code.start is None or code.end is None:
        return 0
    return span_minutes(code.start, code.end) - code.break_minutes


def _total_rows(
    ws: Worksheet,
    sheet: ScheduleSheet,
    first_row: int,
    last_row: int,
    people_row: int,
    day_hours_row: int,
    hours_col: int,
    leave_col: int,
    hidden_first: int,
    leave_codes: list[ShiftCode],
    total_fill: object,
    border: object,
) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter as L

    bold = Font(name="Calibri", bold=True)
    for r, label in ((people_row, tr("People on shift")), (day_hours_row, tr("Hours worked"))):
        for c in range(1, leave_col + 1):
            ws.cell(r, c).fill = total_fill
            ws.cell(r, c).border = border
        set_text(ws.cell(r, 1), tr("Total")).font = bold
        set_text(ws.cell(r, 2), label).font = bold
    rows_exist = last_row >= first_row
    for i in range(len(sheet.days)):
        col = FIRST_DAY_COL + i
        rng = f"{L(col)}{first_row}:{L(col)}{last_row}"
        hid = f"{L(hidden_first + i)}{first_row}:{L(hidden_first + i)}{last_row}"
        minus = "".join(f'-COUNTIF({rng},"{c.code}")' for c in leave_codes)
        p = ws.cell(people_row, col, f"=COUNTA({rng}){minus}" if rows_exist else 0)
        h = ws.cell(day_hours_row, col, f"=SUM({hid})/60" if rows_exist else 0)
        h.number_format = "0.00"
        for cell in (p, h):
            cell.alignment = Alignment(horizontal="center")
            cell.font = bold
    for col in (hours_col, leave_col):
        rng = f"{L(col)}{first_row}:{L(col)}{last_row}"
        cell = ws.cell(day_hours_row, col, f"=SUM({rng})" if rows_exist else 0)
        cell.number_format = "0.00"
        cell.font = bold


def _legend(wb, sheet: ScheduleSheet) -> None:  # type: ignore[no-untyped-def]
    """A second sheet listing the shift codes with their colours and times (not imported:
    it has no header row of dates)."""
    from openpyxl.styles import Font, PatternFill

    ws = wb.create_sheet(tr("Legend"))
    for c, text in enumerate((tr("Code"), tr("Kind"), tr("Times"), tr("Label")), 1):
        set_text(ws.cell(1, c), text).font = Font(name="Calibri", bold=True)
    for r, code in enumerate(sorted(sheet.codes.values(), key=lambda c: (c.kind.value != "work", c.code)), 2):
        colour = hex6(code.colour)
        cell = set_text(ws.cell(r, 1), code.code)
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.font = Font(name="Calibri", bold=True, color=text_colour_for(colour))
        set_text(ws.cell(r, 2), render(KIND_LABELS[code.kind]))
        set_text(ws.cell(r, 3), format_entry(code.start, code.end, code.break_minutes, ""))
        set_text(ws.cell(r, 4), code.label)
    ws.column_dimensions["B"].width = 13
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].width = 28
