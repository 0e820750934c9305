"""Write the payroll workbook for the payroll system.

Sheets:
- ``Payroll``: one row per employee with every total (hours by category, amount by pay line
  category, gross pay as a formula over the amounts), a totals row of SUM formulas.
- ``Shift detail``: the rows of the timesheets (``core.timesheet``): one per shift with its own
  hours, a carried row where hours fall in another work week, and where the rest went.
- ``Pay lines``: every priced line from its structured fields (category, hours, rate at the
  precision used, amount) with the line in words, so hours x rate = amount can be checked.
- ``Actual time`` (when given): scheduled against actual hours and adherence per employee
  (``xlsx_attendance``).

Hour columns carry the names every document uses: Worked h (regular + overtime + double time
+ holiday worked), Leave h (paid leave), Paid h (= Worked h + Leave h). Hours are written as
minutes / 60 (unrounded, shown with two decimals) so a column's SUM is exactly the total
minutes; money is written as numbers with a currency format. Row 2 says whether the range is
a pay period ("Date range ... (not a pay period)" otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from deskwfm.core.entry import format_entry
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import N_, msg
from deskwfm.core.pay_range import PayRange
from deskwfm.core.payroll import Cat, EmployeePay, PayrollResult
from deskwfm.core.timesheet import RowKind, TimesheetRow, timesheet_weeks
from deskwfm.files.pay_text import ALL_HOURS, category_label, exact_places, pay_line_text, where_notes
from deskwfm.files.xlsx_attendance import AttendanceLine, add_attendance_sheet
from deskwfm.files.xlsx_save import save_workbook
from deskwfm.files.xlsx_style import set_text

HEADER_ROW = 3
HOURS_FORMAT = "0.00"
MONEY_COLUMNS: tuple[tuple[str, str], ...] = (
    (Cat.REGULAR, N_("Regular pay")),
    (Cat.OVERTIME, N_("OT pay")),
    (Cat.DOUBLE_TIME, N_("DT pay")),
    (Cat.NIGHT, N_("Night premium")),
    (Cat.HOLIDAY_WORKED, N_("Holiday worked pay")),
    (Cat.HOLIDAY_PAY, N_("Holiday pay")),
    (Cat.LEAVE, N_("Leave pay")),
)


def money_format(currency: str, places: str = "0.00") -> str:
    sym = currency.replace('"', "") or "$"
    return f'"{sym}"#,##0{places[1:]};-"{sym}"#,##0{places[1:]}'


def rate_format(currency: str) -> str:
    """Two to four decimals: a rate shows the precision it was used with ($35.625)."""
    return money_format(currency, "0.00##")


def _num(amount: Decimal) -> float:
    return float(amount)


def _hours(cell: Any, minutes: int) -> Any:
    cell.value = minutes / 60
    cell.number_format = HOURS_FORMAT if exact_places(minutes) == 2 else "0.0000"
    return cell


class _Styles:
    """The few openpyxl styles every sheet shares (created once, imported lazily)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.bold = Font(name="Calibri", bold=True)
        self.title = Font(name="Calibri", bold=True, size=14)
        self.subtitle = Font(name="Calibri", italic=True, size=9)
        self.header_fill = PatternFill("solid", fgColor="DDE4EE")
        self.total_fill = PatternFill("solid", fgColor="F3F4F6")
        self.top = Border(top=Side(style="thin", color="555555"))
        self.header = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _heading(ws: Any, st: _Styles, title: str, subtitle: str, headers: Sequence[str], text_cols: int) -> None:
    set_text(ws.cell(1, 1), title).font = st.title
    set_text(ws.cell(2, 1), subtitle).font = st.subtitle
    for c, text in enumerate(headers, 1):
        cell = set_text(ws.cell(HEADER_ROW, c), text)
        cell.font = st.bold
        cell.fill = st.header_fill
        cell.alignment = st.left if c <= text_cols else st.header
    ws.row_dimensions[HEADER_ROW].height = 32


def write_payroll(
    path: str | Path,
    result: PayrollResult,
    *,
    title: str,
    pay_period: bool = True,
    week_start: int = 6,
    currency: str = "$",
    progress: Callable[[int, int], None] | None = None,
    attendance: Sequence[AttendanceLine] = (),
) -> None:
    """The workbook for ``result``; ``pay_period`` says whether its range is one of the site's
    pay periods, ``week_start`` is the site's first day of the work week (shift detail rows)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter as col_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    ws = wb.active
    ws.title = tr("Payroll")
    st = _Styles()
    rng = PayRange(result.start, result.end, pay_period)
    money_fmt = money_format(currency)
    subtitle = render(msg(
        "{range} · hours as decimal hours: Worked h = Reg h + OT h + DT h + Holiday h, "
        "Paid h = Worked h + Leave h · amounts rounded to the cent per pay line",
        range=rng.label(),
    ))
    headers = ([tr("Code"), tr("Name"), tr("Team")] + [tr(h.title) for h in ALL_HOURS]
               + [tr(h) for _, h in MONEY_COLUMNS] + [tr("Gross pay")])
    _heading(ws, st, title, subtitle, headers, 3)
    first_money = 4 + len(ALL_HOURS)
    gross_col = first_money + len(MONEY_COLUMNS)
    first = HEADER_ROW + 1
    n = len(result.employees)
    for i, ep in enumerate(result.employees):
        r = first + i
        set_text(ws.cell(r, 1), ep.employee.code)
        set_text(ws.cell(r, 2), ep.employee.name)
        set_text(ws.cell(r, 3), ep.employee.team)
        for j, h in enumerate(ALL_HOURS):
            ws.cell(r, 4 + j, h.minutes(ep.minutes) / 60).number_format = HOURS_FORMAT
        for j, (cat, _) in enumerate(MONEY_COLUMNS):
            ws.cell(r, first_money + j, _num(ep.amount(cat))).number_format = money_fmt
        g = ws.cell(r, gross_col, f"=SUM({col_letter(first_money)}{r}:{col_letter(gross_col - 1)}{r})")
        g.number_format = money_fmt
        g.font = st.bold
        if progress is not None and i % 50 == 0:
            progress(i, n)
    last = first + n - 1
    total_row = last + 1
    set_text(ws.cell(total_row, 1), tr("Total")).font = st.bold
    set_text(ws.cell(total_row, 2), render(msg("{n:num} employees", n=n))).font = st.bold
    for c in range(1, gross_col + 1):
        cell = ws.cell(total_row, c)
        cell.fill = st.total_fill
        cell.border = st.top
        if c >= 4:
            cell.value = f"=SUM({col_letter(c)}{first}:{col_letter(c)}{last})" if n else 0
            cell.number_format = HOURS_FORMAT if c < first_money else money_fmt
            cell.font = st.bold
    widths = {1: 9, 2: 24, 3: 12}
    for c in range(1, gross_col + 1):
        ws.column_dimensions[col_letter(c)].width = widths.get(c, 9.5 if c < first_money else 13)
    ws.freeze_panes = ws.cell(first, 4)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{col_letter(gross_col)}{max(last, first)}"
    _landscape(ws, PageSetupProperties, f"A1:{col_letter(gross_col)}{total_row}")
    _shift_sheet(wb, st, result, rng, week_start)
    _lines_sheet(wb, st, result, rng, currency)
    if attendance:
        add_attendance_sheet(wb, attendance, f"{title} · {render(rng.label())}")
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
    ws.oddFooter.center.text = render(msg("Page {n} of {total}", n="&P", total="&N"))


SHIFT_LEAD = (N_("Code"), N_("Name"), N_("Date"), N_("Shift date"), N_("Start"), N_("End"), N_("Break min"),
              N_("Shift"), N_("Kind"))
SHIFT_TAIL = (N_("Where hours fall"), N_("Note"))


def _shift_row(ws: Any, r: int, ep: EmployeePay, row: TimesheetRow, pay_period: bool) -> None:
    s = row.shift
    set_text(ws.cell(r, 1), ep.employee.code)
    set_text(ws.cell(r, 2), ep.employee.name)
    ws.cell(r, 3, row.day).number_format = "yyyy-mm-dd"
    ws.cell(r, 4, s.work_date).number_format = "yyyy-mm-dd"
    if s.start is not None and s.end is not None:
        ws.cell(r, 5, s.start).number_format = "hh:mm"
        ws.cell(r, 6, s.end).number_format = "hh:mm"
    own = row.kind is RowKind.SHIFT
    if own:
        ws.cell(r, 7, s.break_minutes)
    entry = format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start) or s.code
    set_text(ws.cell(r, 8), entry if own else render(msg("{entry} (carried)", entry=entry)))
    set_text(ws.cell(r, 9), s.kind.value.replace("_", " "))
    for j, h in enumerate(ALL_HOURS):
        _hours(ws.cell(r, 10 + j), h.minutes(row.minutes))
    tail = 10 + len(ALL_HOURS)
    set_text(ws.cell(r, tail), " · ".join(where_notes(row, pay_period)))
    if own:
        set_text(ws.cell(r, tail + 1), s.note)


def _shift_sheet(wb: Any, st: _Styles, result: PayrollResult, rng: PayRange, week_start: int) -> None:
    from openpyxl.utils import get_column_letter as col_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = wb.create_sheet(tr("Shift detail"))
    headers = [tr(h) for h in SHIFT_LEAD] + [tr(h.title) for h in ALL_HOURS] + [tr(h) for h in SHIFT_TAIL]
    subtitle = render(msg(
        "{range} · one row per shift with its own hours, as on the timesheets; hours count on the day "
        "they are worked, so a shift's hours in another work week are on a carried row there",
        range=rng.label(),
    ))
    _heading(ws, st, tr("Every shift with its hours"), subtitle, headers, 2)
    r = HEADER_ROW
    for ep in result.employees:
        for week in timesheet_weeks(ep, week_start):
            for row in week.rows:
                r += 1
                _shift_row(ws, r, ep, row, rng.is_pay_period)
    total = r + 1
    first_h, last_h = 10, 9 + len(ALL_HOURS)
    set_text(ws.cell(total, 1), tr("Total")).font = st.bold
    for c in range(first_h, last_h + 1):
        letter = col_letter(c)
        cell = ws.cell(total, c, f"=SUM({letter}{HEADER_ROW + 1}:{letter}{r})" if r > HEADER_ROW else 0)
        cell.font = st.bold
        cell.number_format = HOURS_FORMAT
    widths = {1: 9, 2: 22, 3: 11, 4: 11, 7: 7, 8: 16, 9: 10, last_h + 1: 36, last_h + 2: 30}
    for c in range(1, last_h + 3):
        ws.column_dimensions[col_letter(c)].width = widths.get(c, 8.5)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{col_letter(last_h + 2)}{max(r, HEADER_ROW + 1)}"
    _landscape(ws, PageSetupProperties, f"A1:{col_letter(last_h + 2)}{total}")


LINE_HEADERS = (N_("Code"), N_("Name"), N_("Category"), N_("Hours"), N_("Rate"), N_("Amount"), N_("Line"))


def _lines_sheet(wb: Any, st: _Styles, result: PayrollResult, rng: PayRange, currency: str) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = wb.create_sheet(tr("Pay lines"))
    money_fmt, rate_fmt = money_format(currency), rate_format(currency)
    subtitle = render(msg(
        "{range} · every pay line as printed on the timesheets: Hours × Rate = Amount, rounded to the cent",
        range=rng.label(),
    ))
    _heading(ws, st, tr("Every pay line"), subtitle, [tr(h) for h in LINE_HEADERS], 3)
    r = HEADER_ROW
    for ep in result.employees:
        for ln in ep.lines:
            r += 1
            set_text(ws.cell(r, 1), ep.employee.code)
            set_text(ws.cell(r, 2), ep.employee.name)
            set_text(ws.cell(r, 3), category_label(ln.category))
            if ln.minutes:
                _hours(ws.cell(r, 4), ln.minutes)
                ws.cell(r, 5, _num(ln.rate)).number_format = rate_fmt
            ws.cell(r, 6, _num(ln.amount)).number_format = money_fmt
            set_text(ws.cell(r, 7), pay_line_text(ln, currency))
    total = r + 1
    set_text(ws.cell(total, 1), tr("Total")).font = st.bold
    cell = ws.cell(total, 6, f"=SUM(F{HEADER_ROW + 1}:F{r})" if r > HEADER_ROW else 0)
    cell.number_format = money_fmt
    cell.font = st.bold
    for col, w in zip("ABCDEFG", (9, 22, 16, 9, 11, 12, 34), strict=True):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)
    _landscape(ws, PageSetupProperties, f"A1:G{total}")

