"""The documented import template (``deskwfm template FILE.xlsx``)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from deskwfm.files.xlsx_read import TEMPLATE_HEADERS
from deskwfm.files.xlsx_save import save_workbook
from deskwfm.files.xlsx_style import set_text

INSTRUCTIONS: tuple[tuple[str, str], ...] = (
    ("How to import", ""),
    (
        "",
        "Fill in the sheets you need and import with File > Import or `deskwfm import FILE.xlsx`. "
        "Add --dry-run (or look at the preview in the program) to see what would be added, changed "
        "and left alone before anything is written.",
    ),
    (
        "",
        "Nothing is written unless every row is right: each problem is listed with its sheet and "
        'cell, such as Shifts!D14: "25:00" is not a time.',
    ),
    (
        "",
        "Importing the same or an edited workbook again updates what changed and creates no "
        "duplicates: employees and shift codes are matched by Code, shifts by Employee code + Date.",
    ),
    ("", "Delete the example rows before importing."),
    ("Employees", ""),
    ("Code", "Required. The employee's unique code, e.g. AG014. Codes never change."),
    ("Name", "Required. Full name as printed on timesheets."),
    ("Team", "Optional team name; the grid groups by team."),
    ("Hourly rate", "Required for a new employee: a number such as 21.50 (no currency sign needed)."),
    (
        "Rate from",
        "Date the rate applies from (2026-03-01). Blank: from the employee's first "
        "imported shift for a new employee, from today for a changed rate.",
    ),
    ("Contract hours/week", "Optional, e.g. 37.5."),
    ("Max hours/week", "Optional warning threshold, e.g. 44."),
    ("Active", "yes or no; blank means yes."),
    (
        "Login ID",
        "Optional. How the phone system or time clock names this person in its login/logout "
        "reports (agent ID, extension or user name), for importing actual time.",
    ),
    ("Shifts", ""),
    ("Employee code", "Required. Must be on the Employees sheet or already in the program."),
    ("Date", "Required. The work date: an Excel date or text like 2026-03-02."),
    (
        "Start / End",
        "Times such as 09:00 and 17:30. An End at or before the Start ends the next "
        "day (22:00 to 06:00). Leave both blank to use the Code's times.",
    ),
    ("Unpaid break (min)", "Whole minutes, e.g. 30. Blank: the code's break, or none."),
    ("Code", "Optional shift code (D, N, VAC, ...). A code of kind off clears the day."),
    ("Note", "Optional text."),
    (
        "Break start",
        "Optional time the unpaid break starts, such as 12:30 (inside the shift). Blank: "
        "the break is centred on the shift.",
    ),
    ("ShiftCodes", ""),
    ("Code", "1 to 8 letters and digits starting with a letter (N, EVE, VAC)."),
    ("Start / End / Unpaid break", "Required for work codes; optional for leave codes."),
    ("Kind", "work, paid leave, unpaid leave or off."),
    ("Colour", "Grid colour such as #8ecae6."),
    ("Grid sheets", ""),
    (
        "",
        "A sheet in the schedule's own layout is also understood: employee codes (and names) "
        "down the side, one column per date across the top (Excel dates or text such as "
        "2026-03-02), and cells like 9-17/30, 9-17/30@12:30 (break from 12:30), 22-6, N, "
        "N@02:00 or VAC. A blank cell means no shift that "
        "day. Columns without a date header and rows starting with Total are ignored, so a "
        "schedule exported by deskwfm imports back unchanged.",
    ),
)

EXAMPLES: dict[str, tuple[tuple[Any, ...], ...]] = {
    "Employees": (("AG001", "Alex Martin", "Sales", 21.5, date(2026, 1, 1), 37.5, 44, "yes", "4711"),),
    "Shifts": (
        ("AG001", date(2026, 3, 2), time(9), time(17, 30), 30, "", "Example: delete me", time(12, 30)),
        ("AG001", date(2026, 3, 3), None, None, None, "VAC", "", None),
    ),
    "ShiftCodes": (("EVE", time(14), time(22), 30, "work", "#ffd166"),),
}
_FORMATS = {
    "Date": "yyyy-mm-dd",
    "Rate from": "yyyy-mm-dd",
    "Start": "hh:mm",
    "End": "hh:mm",
    "Break start": "hh:mm",
    "Hourly rate": "0.00",
}
_WIDTHS = {
    "Name": 24,
    "Note": 28,
    "Contract hours/week": 20,
    "Max hours/week": 16,
    "Unpaid break (min)": 18,
    "Employee code": 15,
}


def write_template(path: str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Instructions"
    bold = Font(name="Calibri", bold=True)
    for r, (a, b) in enumerate(INSTRUCTIONS, 1):
        set_text(ws.cell(r, 1), a)
        set_text(ws.cell(r, 2), b)
        ws.cell(r, 2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 1).alignment = Alignment(vertical="top")
        if a and not b:
            ws.cell(r, 1).font = Font(name="Calibri", bold=True, size=13)
        elif a:
            ws.cell(r, 1).font = bold
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    for name, headers in TEMPLATE_HEADERS.items():
        sheet = wb.create_sheet(name)
        for c, text in enumerate(headers, 1):
            cell = set_text(sheet.cell(1, c), text)
            cell.font = bold
            cell.fill = header_fill
            sheet.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(text, 13)
        for r, values in enumerate(EXAMPLES[name], 2):
            for c, value in enumerate(values, 1):
                cell = sheet.cell(r, c)
                if isinstance(value, str):
                    set_text(cell, value)
                elif value is not None:
                    cell.value = value
                    if headers[c - 1] in _FORMATS:
                        cell.number_format = _FORMATS[headers[c - 1]]
        sheet.freeze_panes = "A2"
    save_workbook(wb, path)
