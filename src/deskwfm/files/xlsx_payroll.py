"""Write the payroll workbook for the payroll system.

Sheets:
- ``Payroll``: one row per employee with every total (hours by category, amount by pay line
  category, gross pay as a formula over the amounts), a totals row of SUM formulas.
- ``Shift detail``: every shift of the period with its paid minutes by category.
- ``Pay lines``: every priced line (category, hours, rate, amount) as the timesheet shows it.

Hours are written as minutes / 60 (unrounded, shown with two decimals) so a column's SUM is
exactly the total minutes; money is written as numbers with a currency format.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from deskwfm.core.entry import format_entry
from deskwfm.core.payroll import Cat, PayrollResult
from deskwfm.files.xlsx_save import save_workbook
from deskwfm.files.xlsx_style import set_text

HEADER_ROW = 3
HOUR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("regular", "Regular h"),
    ("overtime", "OT 1.5x h"),
    ("double_time", "OT 2x h"),
    ("night", "Night h"),
    ("holiday_worked", "Holiday worked h"),
    ("leave", "Leave h"),
    ("paid", "Paid h"),
)
MONEY_COLUMNS: tuple[tuple[str, str], ...] = (
    (Cat.REGULAR, "Regular pay"),
    (Cat.OVERTIME, "OT 1.5x pay"),
    (Cat.DOUBLE_TIME, "OT 2x pay"),
    (Cat.NIGHT, "Night premium"),
    (Cat.HOLIDAY_WORKED, "Holiday worked pay"),
    (Cat.HOLIDAY_PAY, "Holiday pay"),
    (Cat.LEAVE, "Leave pay"),
)
CATEGORY_NAMES = {
    Cat.REGULAR: "Regular",
    Cat.OVERTIME: "Overtime",
    Cat.DOUBLE_TIME: "Double time",
    Cat.NIGHT: "Night premium",
    Cat.HOLIDAY_WORKED: "Holiday worked",
    Cat.HOLIDAY_PAY: "Holiday pay",
    Cat.LEAVE: "Paid leave",
}


def money_format(currency: str) -> str:
    sym = currency.replace('"', "") or "$"
    return f'"{sym}"#,##0.00;-"{sym}"#,##0.00'


def _num(amount: Decimal) -> float:
    return float(amount)


def write_payroll(
    path: str | Path,
    result: PayrollResult,
    *,
    title: str,
    currency: str = "$",
    progress: Callable[[int, int], None] | None = None,
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter as L
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    ws = wb.active
    ws.title = "Payroll"
    money_fmt = money_format(currency)
    bold = Font(name="Calibri", bold=True)
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    total_fill = PatternFill("solid", fgColor="F3F4F6")
    top = Border(top=Side(style="thin", color="555555"))
    set_text(ws.cell(1, 1), title).font = Font(name="Calibri", bold=True, size=14)
    set_text(
        ws.cell(2, 1),
        f"Period {result.start:%a %Y-%m-%d} to {result.end:%a %Y-%m-%d}; hours "
        "as decimal hours, amounts rounded to the cent per pay line",
    ).font = Font(name="Calibri", italic=True, size=9)
    headers = (
        ["Code", "Name", "Team"]
        + [h for _, h in HOUR_COLUMNS]
        + [h for _, h in MONEY_COLUMNS]
        + ["Gross pay"]
    )
    for c, text in enumerate(headers, 1):
        cell = set_text(ws.cell(HEADER_ROW, c), text)
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(
            horizontal="center" if c > 3 else "left", vertical="center", wrap_text=True
        )
    first_money = 4 + len(HOUR_COLUMNS)
    gross_col = first_money + len(MONEY_COLUMNS)
    first = HEADER_ROW + 1
    n = len(result.employees)
    for i, ep in enumerate(result.employees):
        r = first + i
        set_text(ws.cell(r, 1), ep.employee.code)
        set_text(ws.cell(r, 2), ep.employee.name)
        set_text(ws.cell(r, 3), ep.employee.team)
        for j, (attr, _) in enumerate(HOUR_COLUMNS):
            cell = ws.cell(r, 4 + j, getattr(ep.minutes, attr) / 60)
            cell.number_format = "0.00"
        for j, (cat, _) in enumerate(MONEY_COLUMNS):
            cell = ws.cell(r, first_money + j, _num(ep.amount(cat)))
            cell.number_format = money_fmt
        g = ws.cell(r, gross_col, f"=SUM({L(first_money)}{r}:{L(gross_col - 1)}{r})")
        g.number_format = money_fmt
        g.font = bold
        if progress is not None and i % 50 == 0:
            progress(i, n)
    last = first + n - 1
    total_row = last + 1
    set_text(ws.cell(total_row, 1), "Total").font = bold
    set_text(ws.cell(total_row, 2), f"{n} employees").font = bold
    for c in range(1, gross_col + 1):
        cell = ws.cell(total_row, c)
        cell.fill = total_fill
        cell.border = top
        if c >= 4:
            cell.value = f"=SUM({L(c)}{first}:{L(c)}{last})" if n else 0
            cell.number_format = "0.00" if c < first_money else money_fmt
            cell.font = bold
    widths = {1: 9, 2: 24, 3: 12}
    for c in range(1, gross_col + 1):
        ws.column_dimensions[L(c)].width = widths.get(c, 11 if c < first_money else 13)
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.freeze_panes = ws.cell(first, 4)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{L(gross_col)}{max(last, first)}"
    _landscape(ws, PageSetupProperties, f"A1:{L(gross_col)}{total_row}")
    _shift_sheet(wb, result, money_fmt)
    _lines_sheet(wb, result, money_fmt)
    if progress is not None:
        progress(n, n)
    save_workbook(wb, path)


def _landscape(ws: Any, props: Any, area: str) -> None:
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = area
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = props(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "Page &P of &N"


SHIFT_HEADERS = (
    "Code",
    "Name",
    "Date",
    "Start",
    "End",
    "Break min",
    "Shift",
    "Kind",
    "Paid min",
    "Regular min",
    "OT 1.5x min",
    "OT 2x min",
    "Night min",
    "Holiday worked min",
    "Leave min",
    "Paid h",
    "Note",
)


def _shift_sheet(wb: Any, result: PayrollResult, money_fmt: str) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter as L
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = wb.create_sheet("Shift detail")
    bold = Font(name="Calibri", bold=True)
    fill = PatternFill("solid", fgColor="DDE4EE")
    set_text(ws.cell(1, 1), "Every shift of the period with its paid minutes").font = Font(
        name="Calibri", bold=True, size=13
    )
    from openpyxl.styles import Alignment

    wrap = Alignment(horizontal="center", vertical="center", wrap_text=True)
    centre = Alignment(horizontal="center")
    for c, text in enumerate(SHIFT_HEADERS, 1):
        cell = set_text(ws.cell(HEADER_ROW, c), text)
        cell.font = bold
        cell.fill = fill
        cell.alignment = wrap if c > 2 else Alignment(vertical="center")
    ws.row_dimensions[HEADER_ROW].height = 32
    r = HEADER_ROW
    for ep in result.employees:
        for sp in ep.shifts:
            r += 1
            s, m = sp.shift, sp.minutes
            set_text(ws.cell(r, 1), ep.employee.code)
            set_text(ws.cell(r, 2), ep.employee.name)
            ws.cell(r, 3, s.work_date).number_format = "yyyy-mm-dd"
            if s.start is not None and s.end is not None:
                ws.cell(r, 4, s.start).number_format = "hh:mm"
                ws.cell(r, 5, s.end).number_format = "hh:mm"
            ws.cell(r, 6, s.break_minutes)
            set_text(
                ws.cell(r, 7), format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start) or s.code
            ).alignment = centre
            set_text(ws.cell(r, 8), s.kind.value.replace("_", " "))
            paid_total = m.paid + m.leave
            values = (paid_total, m.regular, m.overtime, m.double_time, m.night, m.holiday_worked, m.leave)
            for j, v in enumerate(values):
                ws.cell(r, 9 + j, v)
            ws.cell(r, 16, f"=I{r}/60").number_format = "0.00"
            set_text(ws.cell(r, 17), s.note)
    total = r + 1
    set_text(ws.cell(total, 1), "Total").font = bold
    for c in range(9, 17):
        cell = ws.cell(total, c, f"=SUM({L(c)}{HEADER_ROW + 1}:{L(c)}{r})" if r > HEADER_ROW else 0)
        cell.font = bold
        if c == 16:
            cell.number_format = "0.00"
    widths = {1: 9, 2: 22, 3: 11, 6: 9, 7: 15, 8: 12, 14: 9, 17: 30}
    for c in range(1, len(SHIFT_HEADERS) + 1):
        ws.column_dimensions[L(c)].width = widths.get(c, 8.5)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{L(len(SHIFT_HEADERS))}{max(r, HEADER_ROW + 1)}"
    _landscape(ws, PageSetupProperties, f"A1:{L(len(SHIFT_HEADERS))}{total}")


def _lines_sheet(wb: Any, result: PayrollResult, money_fmt: str) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = wb.create_sheet("Pay lines")
    bold = Font(name="Calibri", bold=True)
    fill = PatternFill("solid", fgColor="DDE4EE")
    set_text(ws.cell(1, 1), "Every pay line, as printed on the timesheets").font = Font(
        name="Calibri", bold=True, size=13
    )
    for c, text in enumerate(("Code", "Name", "Category", "Hours", "Rate", "Amount", "Description"), 1):
        cell = set_text(ws.cell(HEADER_ROW, c), text)
        cell.font = bold
        cell.fill = fill
    r = HEADER_ROW
    for ep in result.employees:
        for ln in ep.lines:
            r += 1
            set_text(ws.cell(r, 1), ep.employee.code)
            set_text(ws.cell(r, 2), ep.employee.name)
            set_text(ws.cell(r, 3), CATEGORY_NAMES.get(ln.category, ln.category))
            if ln.minutes:
                ws.cell(r, 4, ln.minutes / 60).number_format = "0.00"
            if ln.rate:
                ws.cell(r, 5, _num(ln.rate)).number_format = money_fmt.replace("0.00", "0.00##")
            ws.cell(r, 6, _num(ln.amount)).number_format = money_fmt
            set_text(ws.cell(r, 7), ln.description)
    total = r + 1
    set_text(ws.cell(total, 1), "Total").font = bold
    cell = ws.cell(total, 6, f"=SUM(F{HEADER_ROW + 1}:F{r})" if r > HEADER_ROW else 0)
    cell.number_format = money_fmt
    cell.font = bold
    for col, w in zip("ABCDEFG", (9, 22, 16, 8, 10, 12, 50), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    _landscape(ws, PageSetupProperties, f"A1:G{total}")
