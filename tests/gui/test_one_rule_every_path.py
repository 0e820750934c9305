"""One table of good and bad input, fed through every way it can enter the program: the
Employees and Shift codes dialogs (typing or pasting into the real boxes and pressing Save),
the command line (``deskwfm.cli.main.main``) and Excel import (a workbook built here, through
``services.excel_import``). Every path must accept or refuse the same input, store the same
value when it accepts, and name the field (or the cell) when it refuses (issue 10, item 4).
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from deskwfm.cli.main import main
from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings
from deskwfm.gui.dialogs.employees import EmployeesDialog
from deskwfm.gui.dialogs.shift_codes import ShiftCodesDialog
from deskwfm.services import codes as code_service
from deskwfm.services import employees as employee_service
from deskwfm.services.excel_import import import_workbook
from deskwfm.services.setup import init_database
from deskwfm.services.workspace import Workspace
from tests.files.test_xlsx_builders import workbook

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|grabbing|raise)")

DAY = date(2026, 11, 24)


@dataclass(frozen=True)
class Case:
    field: str
    text: str
    stored: Any  # what every path stores for it; None: every path refuses it

    @property
    def id(self) -> str:
        shown = self.text if len(self.text) <= 16 else f"{self.text[:8]}..x{len(self.text)}"
        return f"{self.field}={shown.encode('unicode_escape').decode()}"


# ---------------------------------------------------------------- the table
EMPLOYEE = {"code": "NEW1", "name": "New Person", "team": "Sales", "rate": "21.50"}
EMPLOYEE_STORED = {"code": "NEW1", "name": "New Person", "team": "Sales", "rate": Decimal("21.50")}
EMPLOYEE_CASES = [
    Case("code", "AG014", "AG014"),
    Case("code", " e-12 ", "e-12"),
    Case("code", "A" * 40, "A" * 40),
    Case("code", "A" * 41, None),
    Case("code", "AG 1", None),
    Case("code", "AG<1>", None),
    Case("code", "AG\x07", None),
    Case("name", "Zoë Côté-Roy", "Zoë Côté-Roy"),
    Case("name", "  Ann   Lee ", "Ann Lee"),
    Case("name", "n" * 200, "n" * 200),
    Case("name", "n" * 201, None),
    Case("name", "", None),
    Case("name", "Ann\x00Lee", None),  # NUL
    Case("name", "Ann\x07Lee", None),  # BEL
    Case("name", "Ann\x1b[31mLee", None),  # ESC: a terminal colour code
    Case("name", "Ann\nLee", None),
    Case("name", "Ann\tLee", None),
    Case("name", "Ann\x7fLee", None),  # DEL
    Case("name", "Ann\x85Lee", None),  # C1 (NEL)
    Case("team", "Billing", "Billing"),
    Case("team", "t" * 100, "t" * 100),
    Case("team", "t" * 101, None),
    Case("team", "Sales\x1bEast", None),
    Case("team", "Sales\nEast", None),
    Case("rate", "21.50", Decimal("21.50")),
    Case("rate", "21,50", Decimal("21.50")),  # a decimal comma
    Case("rate", "$1,021.25", Decimal("1021.25")),
    Case("rate", "9999.99", Decimal("9999.99")),
    Case("rate", "10000", None),
    Case("rate", "99999999999", None),
    Case("rate", "1e17", None),
    Case("rate", "1e308", None),
    Case("rate", "NaN", None),
    Case("rate", "-1", None),
    Case("rate", "0", None),
    Case("rate", "20.005", None),
    Case("rate", "abc", None),
]
CODE = {"code": "LT", "start": "6", "end": "22", "break": "30"}
CODE_STORED = {"code": "LT", "start": time(6), "end": time(22), "break": 30}
CODE_CASES = [
    Case("code", "lt", "LT"),
    Case("code", "VAC_2", "VAC_2"),
    Case("code", "ABCDEFGHIJKL", "ABCDEFGHIJKL"),  # 12 characters
    Case("code", "ABCDEFGHIJKLM", None),  # 13
    Case("code", "PM", None),
    Case("code", "pm", None),
    Case("code", "AM", None),
    Case("code", "A", None),
    Case("code", "P", None),
    Case("code", "9X", None),
    Case("code", "V-2", None),
    Case("code", "", None),
    Case("start", "9", time(9)),
    Case("start", "0930", time(9, 30)),
    Case("start", "930", time(9, 30)),
    Case("start", "9a", time(9)),
    Case("start", "1:30pm", time(13, 30)),
    Case("start", "9.30", time(9, 30)),
    Case("start", "9h30", time(9, 30)),
    Case("start", "9:5", None),  # never read as 9:05
    Case("start", "25:00", None),
    Case("start", "24:00", None),  # midnight only as an end
    Case("start", "13pm", None),
    Case("start", "noon", None),
    Case("end", "24:00", time(0)),
    Case("end", "5p", time(17)),
    Case("end", "17:75", None),
    Case("end", "9:5", None),
    Case("break", "0", 0),
    Case("break", "45", 45),
    Case("break", "600", 600),
    Case("break", "601", None),
    Case("break", "960", None),  # as long as the 06:00-22:00 shift
    Case("break", "-5", None),
    Case("break", "30.5", None),
    Case("break", "abc", None),
]


@dataclass
class Outcome:
    stored: Any  # the stored value of the case's field, or None when nothing was written
    message: str  # the refusal shown to the user ("" when accepted)


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A centre with the default shift codes and one employee, copied for each path."""
    path = tmp_path_factory.mktemp("template") / "centre.sqlite3"
    ws = init_database(path, SiteSettings())
    employee_service.add_employee(ws, Employee("AG001", "Agent One"), Decimal("20"), date(2026, 1, 1))
    ws.close()
    return path


@pytest.fixture
def fresh(template: Path, tmp_path: Path) -> Callable[[str], Path]:
    def copy(name: str) -> Path:
        dest = tmp_path / f"{name}.sqlite3"
        shutil.copy(template, dest)
        return dest

    return copy


def _new_employee(db: Path) -> tuple[str, str, str, Decimal] | None:
    with Workspace.open(db) as ws:
        new = [e for e in employee_service.list_employees(ws) if e.code != "AG001"]
        if not new:
            return None
        (e,) = new
        (rate,) = employee_service.list_rates(ws, e.code)
        return e.code, e.name, e.team, rate.hourly


def _new_code(db: Path) -> tuple[str, time | None, time | None, int] | None:
    default = {"D", "E", "N", "VAC", "SICK", "LOA", "OFF"}
    with Workspace.open(db) as ws:
        new = [c for c in code_service.list_codes(ws) if c.code not in default]
    if not new:
        return None
    (c,) = new
    return c.code, c.start, c.end, c.break_minutes


def _field_of(record: tuple[Any, ...] | None, fields: tuple[str, ...], field: str) -> Any:
    return None if record is None else record[fields.index(field)]


# ---------------------------------------------------------------- typing into the dialogs
def _enter(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Type plain text; paste anything a keyboard cannot type (control characters, accents)."""
    edit.setFocus()
    if text.isascii() and text.isprintable():
        qtbot.keyClicks(edit, text)
    else:
        QApplication.clipboard().setText(text)
        qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == text  # the box holds exactly what the user gave it


def _show(qtbot: Any, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def employee_dialog(qtbot: Any, db: Path, values: dict[str, str]) -> Outcome:
    with Workspace.open(db) as ws:
        dlg = EmployeesDialog(ws)
        _show(qtbot, dlg)
        qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
        team = dlg.team_combo.lineEdit()
        assert team is not None
        for box, key in ((dlg.code_edit, "code"), (dlg.name_edit, "name"), (team, "team"),
                         (dlg.start_rate_edit, "rate")):
            _enter(qtbot, box, values[key])
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        message = dlg.message.text() if dlg.message.is_error else ""
        dlg.close()
    return Outcome(_new_employee(db), message)


def code_dialog(qtbot: Any, db: Path, values: dict[str, str]) -> Outcome:
    with Workspace.open(db) as ws:
        dlg = ShiftCodesDialog(ws)
        _show(qtbot, dlg)
        qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
        for box, key in ((dlg.code_edit, "code"), (dlg.start_edit, "start"), (dlg.end_edit, "end"),
                         (dlg.break_edit, "break")):
            _enter(qtbot, box, values[key])
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        message = dlg.message.text() if dlg.message.is_error else ""
        dlg.close()
    return Outcome(_new_code(db), message)


# ---------------------------------------------------------------- the command line
def _cli(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> str:
    code = main(["--db", str(db), *argv])
    err = capsys.readouterr().err
    assert (code == 0) == (err == ""), err
    assert code in (0, 2) and err.count("\n") <= 1, err  # bad input: one line, exit status 2
    return err.removeprefix("deskwfm: ").strip()


def employee_cli(capsys: pytest.CaptureFixture[str], db: Path, values: dict[str, str]) -> Outcome:
    err = _cli(capsys, db, "employee", "add", "--rate", values["rate"], "--team", values["team"],
               "--", values["code"], values["name"])
    return Outcome(_new_employee(db), err)  # (arguments run in order: the command first)


def code_cli(capsys: pytest.CaptureFixture[str], db: Path, values: dict[str, str]) -> Outcome:
    err = _cli(capsys, db, "code", "set", "--start", values["start"], "--end", values["end"],
               "--break", values["break"], "--", values["code"])
    return Outcome(_new_code(db), err)


# ---------------------------------------------------------------- Excel import
def _excel_value(text: str, *, numeric: bool = True) -> Any:
    """What a user typing ``text`` into Excel leaves in the cell: a number when Excel reads it
    as one (unless the column holds text, as times do here), else text; control characters as
    Excel stores them (``_x0007_``)."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if numeric and math.isfinite(number) and text.strip() == text and text:
        return number
    return "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 and ch != "\n" else ch for ch in text)


def _import(db: Path, path: Path) -> str:
    with Workspace.open(db) as ws:
        plan = import_workbook(ws, path)
    return "\n".join(str(p) for p in plan.problems)


def employee_excel(tmp_path: Path, db: Path, values: dict[str, str]) -> Outcome:
    row = [_excel_value(values[k]) for k in ("code", "name", "team", "rate")]
    header = ["Code", "Name", "Team", "Hourly rate"]
    book = workbook(tmp_path / "employees.xlsx", {"Employees": [header, row]})
    problems = _import(db, book)
    return Outcome(_new_employee(db), problems)


def code_excel(tmp_path: Path, db: Path, values: dict[str, str]) -> Outcome:
    row = [_excel_value(values[k], numeric=k == "break") for k in ("code", "start", "end", "break")]
    row.append("work")
    header = ["Code", "Start", "End", "Unpaid break (min)", "Kind"]
    book = workbook(tmp_path / "codes.xlsx", {"ShiftCodes": [header, row]})
    problems = _import(db, book)
    return Outcome(_new_code(db), problems)


# ---------------------------------------------------------------- the tests
EMPLOYEE_FIELDS = ("code", "name", "team", "rate")
EMPLOYEE_LABELS = {  # field: (the dialog's box, the CLI's word, the import's column)
    "code": ("Code:", "employee code", "Employees!A2:"),
    "name": ("Name:", "name", "Employees!B2:"),
    "team": ("Team:", "team", "Employees!C2:"),
    "rate": ("Starting rate:", "hourly rate", "Employees!D2:"),
}


@pytest.mark.parametrize("case", EMPLOYEE_CASES, ids=[c.id for c in EMPLOYEE_CASES])
def test_an_employee_field_is_judged_alike_everywhere(
    qtbot: Any, capsys: pytest.CaptureFixture[str], fresh: Callable[[str], Path], tmp_path: Path, case: Case
) -> None:
    values = {**EMPLOYEE, case.field: case.text}
    outcomes = {
        "dialog": employee_dialog(qtbot, fresh("dialog"), values),
        "cli": employee_cli(capsys, fresh("cli"), values),
        "excel": employee_excel(tmp_path, fresh("excel"), values),
    }
    expected = None if case.stored is None else tuple({**EMPLOYEE_STORED, case.field: case.stored}.values())
    assert {path: o.stored for path, o in outcomes.items()} == dict.fromkeys(outcomes, expected)
    if case.stored is None:
        box, word, cell = EMPLOYEE_LABELS[case.field]
        assert outcomes["dialog"].message.startswith(box)
        assert word in outcomes["cli"].message
        assert outcomes["excel"].message.startswith(cell)
    else:
        assert all(o.message == "" for o in outcomes.values())


CODE_FIELDS = ("code", "start", "end", "break")
CODE_LABELS = {
    "code": ("Code:", "shift code", "ShiftCodes!A2:"),
    "start": ("Start time:", "start time", "ShiftCodes!B2:"),
    "end": ("End time:", "end time", "ShiftCodes!C2:"),
    "break": ("Unpaid break:", "unpaid break", "ShiftCodes!D2:"),
}


@pytest.mark.parametrize("case", CODE_CASES, ids=[c.id for c in CODE_CASES])
def test_a_shift_code_field_is_judged_alike_everywhere(
    qtbot: Any, capsys: pytest.CaptureFixture[str], fresh: Callable[[str], Path], tmp_path: Path, case: Case
) -> None:
    values = {**CODE, case.field: case.text}
    outcomes = {
        "dialog": code_dialog(qtbot, fresh("dialog"), values),
        "cli": code_cli(capsys, fresh("cli"), values),
        "excel": code_excel(tmp_path, fresh("excel"), values),
    }
    expected = None if case.stored is None else tuple({**CODE_STORED, case.field: case.stored}.values())
    assert {path: o.stored for path, o in outcomes.items()} == dict.fromkeys(outcomes, expected)
    if case.stored is None:
        box, word, cell = CODE_LABELS[case.field]
        assert outcomes["dialog"].message.startswith(box)
        assert word in outcomes["cli"].message
        assert outcomes["excel"].message.startswith(cell)
    else:
        assert all(o.message == "" for o in outcomes.values())


TIME_CASES = [c for c in CODE_CASES if c.field in ("start", "end")]


@pytest.mark.parametrize("case", TIME_CASES, ids=[c.id for c in TIME_CASES])
def test_a_time_in_a_schedule_cell_is_judged_like_a_time_in_a_form(
    capsys: pytest.CaptureFixture[str], fresh: Callable[[str], Path], tmp_path: Path, case: Case
) -> None:
    """The grid's entry parser (``deskwfm shift set``, an Excel Shifts row) reads times with the
    same rule as the Shift codes dialog: ``9:5-22`` is refused wherever it is typed."""
    start, end = (case.text, CODE["end"]) if case.field == "start" else (CODE["start"], case.text)
    cli_db, excel_db = fresh("cli"), fresh("excel")
    err = _cli(capsys, cli_db, "shift", "set", "AG001", DAY.isoformat(), f"{start}-{end}")
    times = [_excel_value(start, numeric=False), _excel_value(end, numeric=False)]
    rows = [["Employee code", "Date", "Start", "End"], ["AG001", DAY, *times]]
    problems = _import(excel_db, workbook(tmp_path / "shifts.xlsx", {"Shifts": rows}))
    stored = []
    for db in (cli_db, excel_db):
        with Workspace.open(db) as ws:
            shifts = ws.store.shifts_between(DAY, DAY, ["AG001"])
        stored.append(getattr(shifts[0], case.field) if shifts else None)
    assert stored == [case.stored, case.stored]
    if case.stored is None:
        assert err.startswith(f"AG001 Tue {DAY.isoformat()}: ") and case.text in err
        column = "C" if case.field == "start" else "D"
        assert problems.startswith(f"Shifts!{column}2: {case.field} time: ")
    else:
        assert (err, problems) == ("", "")
