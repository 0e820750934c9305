"""The documented import template (``deskwfm template FILE.xlsx``), in the reader's language.

Sheet names, headers, instructions and example values are written in the language in force;
the importer reads them back in either language (``xlsx_read`` takes its names from the same
messages), so a French template filled in by one clerk imports on an English workstation.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from deskwfm.core.i18n import render
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import KIND_LABELS, ShiftKind
from deskwfm.files.xlsx_read import SHEET_NAMES, TEMPLATE_COLUMNS
from deskwfm.files.xlsx_save import save_workbook
from deskwfm.files.xlsx_style import set_text

_NONE: Msg | None = None
_COLUMNS = {kind: dict(cols) for kind, cols in TEMPLATE_COLUMNS.items()}
_E, _S, _C = _COLUMNS["employees"], _COLUMNS["shifts"], _COLUMNS["codes"]

# (heading or column name, explanation); a heading alone starts a section
INSTRUCTIONS: tuple[tuple[Msg | None, Msg | None], ...] = (
    (msg("How to import"), _NONE),
    (_NONE, msg(
        "Fill in the sheets you need and import with File > Import or `deskwfm import FILE.xlsx`. Add "
        "--dry-run (or look at the preview in the program) to see what would be added, changed and left "
        "alone before anything is written.")),
    (_NONE, msg(
        "Nothing is written unless every row is right: each problem is listed with its sheet and cell, "
        'such as Shifts!D14: "25:00" is not a time.')),
    (_NONE, msg(
        "Importing the same or an edited workbook again updates what changed and creates no duplicates: "
        "employees and shift codes are matched by Code, shifts by Employee code + Date.")),
    (_NONE, msg(
        "Sheet and column names may be written in English or in French: deskwfm reads both, whatever "
        "language it is set to.")),
    (_NONE, msg("Delete the example rows before importing.")),
    (SHEET_NAMES["employees"], _NONE),
    (_E["code"], msg("Required. The employee's unique code, e.g. AG014. Codes never change.")),
    (_E["name"], msg("Required. Full name as printed on timesheets.")),
    (_E["team"], msg("Optional team name; the grid groups by team.")),
    (_E["rate"], msg("Required for a new employee: a number such as 21.50 (no currency sign needed).")),
    (_E["rate_from"], msg(
        "Date the rate applies from (2026-03-01). Blank: from the employee's first imported shift for a "
        "new employee, from today for a changed rate.")),
    (_E["contract"], msg("Optional, e.g. 37.5.")),
    (_E["max"], msg("Optional warning threshold, e.g. 44.")),
    (_E["active"], msg("yes or no; blank means yes.")),
    (_E["login_id"], msg(
        "Optional. How the phone system or time clock names this person in its login/logout reports "
        "(agent ID, extension or user name), for importing actual time.")),
    (SHEET_NAMES["shifts"], _NONE),
    (_S["employee"], msg("Required. Must be on the Employees sheet or already in the program.")),
    (_S["date"], msg("Required. The work date: an Excel date or text like 2026-03-02.")),
    (msg("{start} / {end}", start=_S["start"], end=_S["end"]), msg(
        "Times such as 09:00 and 17:30 (9h30 is read too). An End at or before the Start ends the next day "
        "(22:00 to 06:00). Leave both blank to use the Code's times.")),
    (_S["break"], msg("Whole minutes, e.g. 30. Blank: the code's break, or none.")),
    (_S["code"], msg("Optional shift code (D, N, VAC, ...). A code of kind off clears the day.")),
    (_S["note"], msg("Optional text.")),
    (_S["break_start"], msg(
        "Optional time the unpaid break starts, such as 12:30 (inside the shift). Blank: the break is "
        "centred on the shift.")),
    (SHEET_NAMES["codes"], _NONE),
    (_C["code"], msg("1 to 12 letters, digits or _, starting with a letter (N, EVE, VAC).")),
    (msg("{start} / {end} / {brk}", start=_C["start"], end=_C["end"], brk=_C["break"]),
     msg("Required for work codes; optional for leave codes.")),
    (_C["kind"], msg("work, paid leave, unpaid leave or off.")),
    (_C["colour"], msg("Grid colour such as #8ecae6.")),
    (msg("Grid sheets"), _NONE),
    (_NONE, msg(
        "A sheet in the schedule's own layout is also understood: employee codes (and names) down the "
        "side, one column per date across the top (Excel dates or text such as 2026-03-02), and cells "
        "like 9-17/30, 9-17/30@12:30 (break from 12:30), 22-6, N, N@02:00 or VAC. A blank cell means no "
        "shift that day. Columns without a date header and rows starting with Total are ignored, so a "
        "schedule exported by deskwfm imports back unchanged.")),
)


def _examples() -> dict[str, tuple[tuple[Any, ...], ...]]:
    """Example rows, their words in the reader's language (and read back in it)."""
    yes = render(msg("yes"))
    return {
        "employees": (("AG001", "Alex Martin", render(msg("Sales")), 21.5, date(2026, 1, 1), 37.5, 44, yes,
                       "4711"),),
        "shifts": (
            ("AG001", date(2026, 3, 2), time(9), time(17, 30), 30, "", render(msg("Example: delete me")),
             time(12, 30)),
            ("AG001", date(2026, 3, 3), None, None, None, "VAC", "", None),
        ),
        "codes": (("EVE", time(14), time(22), 30, render(KIND_LABELS[ShiftKind.WORK]), "#ffd166"),),
    }


_FORMATS = {"date": "yyyy-mm-dd", "rate_from": "yyyy-mm-dd", "start": "hh:mm", "end": "hh:mm",
            "break_start": "hh:mm", "rate": "0.00"}
_WIDTHS = {"name": 24, "note": 28, "contract": 20, "max": 16, "break": 18, "employee": 15, "rate_from": 14}


def write_template(path: str | Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = render(msg("Instructions"))
    bold = Font(name="Calibri", bold=True)
    for r, (a, b) in enumerate(INSTRUCTIONS, 1):
        set_text(ws.cell(r, 1), render(a) if a else "")
        set_text(ws.cell(r, 2), render(b) if b else "")
        ws.cell(r, 2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(r, 1).alignment = Alignment(vertical="top")
        if a and not b:
            ws.cell(r, 1).font = Font(name="Calibri", bold=True, size=13)
        elif a:
            ws.cell(r, 1).font = bold
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    examples = _examples()
    for kind, columns in TEMPLATE_COLUMNS.items():
        sheet = wb.create_sheet(render(SHEET_NAMES[kind]))
        fields = [f for f, _label in columns]
        for c, (fieldname, label) in enumerate(columns, 1):
            cell = set_text(sheet.cell(1, c), render(label))
            cell.font = bold
            cell.fill = header_fill
            sheet.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(fieldname, 13)
        for r, values in enumerate(examples[kind], 2):
            for c, value in enumerate(values, 1):
                cell = sheet.cell(r, c)
                if isinstance(value, str):
                    set_text(cell, value)
                elif value is not None:
                    cell.value = value
                    if fields[c - 1] in _FORMATS:
                        cell.number_format = _FORMATS[fields[c - 1]]
        sheet.freeze_panes = "A2"
    save_workbook(wb, path)
