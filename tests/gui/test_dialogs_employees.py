"""The employees dialog driven through its real widgets against a real temp database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings
from deskwfm.gui.dialogs.employees import EmployeesDialog
from deskwfm.services import employees as employee_service
from deskwfm.services.setup import init_database
from deskwfm.services.workspace import Workspace

# The offscreen platform warns about window features it lacks (size hints, popups); not our bug.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|grabbing|raise)")


@pytest.fixture
def ws(tmp_path: Path):
    workspace = init_database(tmp_path / "t.sqlite3", SiteSettings())
    employee_service.add_employee(
        workspace, Employee("B200", "Dana Scully", "Billing", contract_minutes=2400),
        Decimal("20.00"), date(2026, 1, 1),
    )
    employee_service.add_employee(
        workspace, Employee("S300", "Fox Mulder", "Sales"), Decimal("22.00"), date(2026, 1, 1)
    )
    yield workspace
    workspace.close()


@pytest.fixture
def dialog(qtbot, ws: Workspace) -> EmployeesDialog:
    dlg = EmployeesDialog(ws)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _shown_codes(dlg: EmployeesDialog) -> list[str]:
    model = dlg.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _select(qtbot, dlg: EmployeesDialog, code: str) -> None:
    row = _shown_codes(dlg).index(code)
    rect = dlg.table.visualRect(dlg.model.index(row, 1))
    qtbot.mouseClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dlg.code_edit.text() == code


def _row_texts(dlg: EmployeesDialog, code: str) -> list[str]:
    row = _shown_codes(dlg).index(code)
    return [dlg.model.index(row, c).data() for c in range(dlg.model.columnCount())]


def test_lists_employees_with_hours_and_current_rate(dialog: EmployeesDialog) -> None:
    assert _shown_codes(dialog) == ["B200", "S300"]
    assert _row_texts(dialog, "B200") == ["B200", "Dana Scully", "Billing", "yes", "40", "", "$20.00", ""]


def test_add_employee_with_starting_rate(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code_edit, "T400")
    qtbot.keyClicks(dialog.name_edit, "Walter Skinner")
    qtbot.keyClicks(dialog.team_combo.lineEdit(), "Tech")
    qtbot.keyClicks(dialog.contract_edit, "37.5")
    qtbot.keyClicks(dialog.max_edit, "44:30")
    qtbot.keyClicks(dialog.start_rate_edit, "$1,021.25")
    dialog.start_rate_from.setDate(QDate(2026, 3, 1))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter in the form saves

    saved = {e.code: e for e in employee_service.list_employees(ws)}["T400"]
    assert (saved.name, saved.team, saved.contract_minutes, saved.max_minutes) == (
        "Walter Skinner", "Tech", 2250, 2670,
    )
    rates = employee_service.list_rates(ws, "T400")
    assert [(r.effective_from, r.hourly) for r in rates] == [(date(2026, 3, 1), Decimal("1021.25"))]
    assert "T400" in _shown_codes(dialog)
    assert dialog.form_box.title() == "Employee T400"  # the form now edits the new employee
    assert dialog.rates_panel.model.rowCount() == 1
    assert not dialog.message.is_error and "Added T400" in dialog.message.text()
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("bad", ["abc", "-5", "NaN", "0"])
def test_bad_starting_rate_refused_and_nothing_written(
    qtbot, dialog: EmployeesDialog, ws: Workspace, bad: str
) -> None:
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code_edit, "X9")
    qtbot.keyClicks(dialog.name_edit, "Nobody")
    qtbot.keyClicks(dialog.start_rate_edit, bad)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.message.is_error
    assert dialog.message.text().startswith("Starting rate")
    assert [e.code for e in employee_service.list_employees(ws)] == ["B200", "S300"]
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected  # nothing changed


def test_bad_hours_name_the_field(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    _select(qtbot, dialog, "B200")
    dialog.contract_edit.clear()
    qtbot.keyClicks(dialog.contract_edit, "lots")
    qtbot.keyClick(dialog.contract_edit, Qt.Key.Key_Return)
    assert dialog.message.is_error
    assert "Contract hours per week" in dialog.message.text()
    assert {e.code: e for e in employee_service.list_employees(ws)}["B200"].contract_minutes == 2400


def test_duplicate_code_shows_service_error_inline(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code_edit, "B200")
    qtbot.keyClicks(dialog.name_edit, "Impostor")
    qtbot.keyClicks(dialog.start_rate_edit, "20")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.is_error and "B200" in dialog.message.text()
    assert {e.code: e.name for e in employee_service.list_employees(ws)}["B200"] == "Dana Scully"


def test_edit_employee(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    _select(qtbot, dialog, "S300")
    assert dialog.code_edit.isReadOnly()  # codes never change
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Fox W. Mulder")
    qtbot.keyClicks(dialog.max_edit, "48")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = {e.code: e for e in employee_service.list_employees(ws)}["S300"]
    assert (saved.name, saved.max_minutes) == ("Fox W. Mulder", 48 * 60)
    assert _row_texts(dialog, "S300")[1] == "Fox W. Mulder"
    assert not dialog.message.is_error


def test_second_rate_then_delete(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    _select(qtbot, dialog, "B200")
    panel = dialog.rates_panel
    assert not panel.delete_button.isEnabled()
    qtbot.keyClicks(panel.rate_edit, "21.75")
    panel.rate_from.setDate(QDate(2026, 7, 1))
    qtbot.keyClick(panel.rate_edit, Qt.Key.Key_Return)  # Enter adds the rate

    listed = [(panel.model.index(r, 0).data(), panel.model.index(r, 1).data())
              for r in range(panel.model.rowCount())]
    assert listed == [("2026-01-01", "$20.00"), ("2026-07-01", "$21.75")]
    assert [r.hourly for r in employee_service.list_rates(ws, "B200")] == [Decimal("20.00"), Decimal("21.75")]
    assert panel.rate_edit.text() == ""

    rect = panel.table.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.delete_button.isEnabled()
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    rates = employee_service.list_rates(ws, "B200")
    assert [(r.effective_from, r.hourly) for r in rates] == [(date(2026, 7, 1), Decimal("21.75"))]
    assert panel.model.rowCount() == 1
    # The only rate left cannot be deleted.
    rect = panel.table.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not panel.delete_button.isEnabled()


@pytest.mark.parametrize("bad", ["abc", "-5", "NaN"])
def test_bad_added_rate_refused(qtbot, dialog: EmployeesDialog, ws: Workspace, bad: str) -> None:
    _select(qtbot, dialog, "S300")
    qtbot.keyClicks(dialog.rates_panel.rate_edit, bad)
    qtbot.mouseClick(dialog.rates_panel.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.is_error and dialog.message.text().startswith("Rate")
    assert len(employee_service.list_rates(ws, "S300")) == 1
    assert dialog.rates_panel.model.rowCount() == 1


def test_deactivate_and_reactivate(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    _select(qtbot, dialog, "S300")
    assert dialog.active_button.text().replace("&", "") == "Deactivate"
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert not {e.code: e for e in employee_service.list_employees(ws)}["S300"].active
    assert [e.code for e in employee_service.list_employees(ws, include_inactive=False)] == ["B200"]
    assert _row_texts(dialog, "S300")[3] == "no"
    assert dialog.active_button.text().replace("&", "") == "Reactivate"

    dialog.show_inactive.setChecked(False)
    assert _shown_codes(dialog) == ["B200"]
    dialog.show_inactive.setChecked(True)
    _select(qtbot, dialog, "S300")
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert {e.code: e for e in employee_service.list_employees(ws)}["S300"].active


def test_filter_box(qtbot, dialog: EmployeesDialog) -> None:
    qtbot.keyClicks(dialog.filter_edit, "sales")
    assert _shown_codes(dialog) == ["S300"]
    assert dialog.count_label.text() == "1 of 2"
    dialog.filter_edit.clear()
    qtbot.keyClicks(dialog.filter_edit, "scully")
    assert _shown_codes(dialog) == ["B200"]


def test_escape_without_changes_rejects(qtbot, dialog: EmployeesDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_tab_walks_the_form_in_reading_order(qtbot, dialog: EmployeesDialog) -> None:
    dialog.activateWindow()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.code_edit.setFocus()
    qtbot.waitUntil(dialog.code_edit.hasFocus)
    order = []
    for _ in range(8):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order == [dialog.name_edit, dialog.team_combo, dialog.contract_edit, dialog.max_edit,
                     dialog.available_edit, dialog.dates_off_edit, dialog.login_edit, dialog.start_rate_edit]


# ------------------------------------------------- Enter in a date box; the first rate's date
def _new_employee_form(qtbot, dlg: EmployeesDialog, code: str) -> None:
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dlg.code_edit, code)
    qtbot.keyClicks(dlg.name_edit, "Walter Skinner")
    qtbot.keyClicks(dlg.start_rate_edit, "21.50")


def test_enter_in_the_rate_date_box_saves(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    _new_employee_form(qtbot, dialog, "T400")
    dialog.start_rate_from.setFocus()
    qtbot.keyClick(dialog.start_rate_from, Qt.Key.Key_Return)
    assert "T400" in {e.code for e in employee_service.list_employees(ws)}
    assert not dialog.message.is_error and "Added T400" in dialog.message.text()


def test_enter_in_the_new_rate_date_box_adds_the_rate(qtbot, dialog: EmployeesDialog, ws: Workspace) -> None:
    _select(qtbot, dialog, "S300")
    panel = dialog.rates_panel
    qtbot.keyClicks(panel.rate_edit, "23.00")
    panel.rate_from.setDate(QDate(2026, 9, 1))
    panel.rate_from.setFocus()
    qtbot.keyClick(panel.rate_from, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert [(r.effective_from, r.hourly) for r in employee_service.list_rates(ws, "S300")] == [
        (date(2026, 1, 1), Decimal("22.00")), (date(2026, 9, 1), Decimal("23.00"))]


def test_first_rate_covers_the_pay_period_on_screen(qtbot, ws: Workspace) -> None:
    """The schedule shows Sun 29 Nov - Sat 5 Dec 2026; that week is the second of the biweekly
    period from Sun 22 Nov. A new employee's first rate starts on 22 Nov, so a shift typed on
    any day of the period is paid (a rate from *today* left those days without one)."""
    from deskwfm.services.payroll import run_payroll
    from deskwfm.services.schedule import CellEdit, apply_edits

    dlg = EmployeesDialog(ws, first_day=date(2026, 11, 29))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.start_rate_from.date().toPython() == date(2026, 11, 22)
    assert dlg.start_from_note.isVisible()
    assert dlg.start_from_note.text() == (
        "The pay period on screen starts Sun 2026-11-22: shifts from then on get this rate.")
    _new_employee_form(qtbot, dlg, "T400")
    qtbot.keyClick(dlg.start_rate_edit, Qt.Key.Key_Return)
    assert [r.effective_from for r in employee_service.list_rates(ws, "T400")] == [date(2026, 11, 22)]

    apply_edits(ws, [CellEdit("T400", date(2026, 11, 23), "9-17")])
    pay = run_payroll(ws, date(2026, 11, 22), date(2026, 12, 5), employee_codes=["T400"])
    assert [e.gross for e in pay.employees] == [Decimal("172.00")]  # 8 h x 21.50


def test_the_cli_and_the_dialog_default_the_first_rate_alike(
    qtbot, ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    from deskwfm.cli.main import main

    dlg = EmployeesDialog(ws)  # opened without a schedule: the pay period holding today
    qtbot.addWidget(dlg)
    shown = dlg.start_rate_from.date().toPython()
    assert main(["--db", ws.location, "employee", "add", "C500", "Carla Cli", "--rate", "20"]) == 0
    assert "an hour from " + shown.isoformat() in capsys.readouterr().out
    assert employee_service.list_rates(ws, "C500")[0].effective_from == shown <= date.today()


def test_the_main_window_opens_the_dialog_on_its_first_day(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[date] = []

    def answer() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, EmployeesDialog)
        seen.append(dlg.start_rate_from.date().toPython())
        dlg.reject()

    window.session.show(anchor=date(2026, 12, 1))  # the week of Sun 29 Nov
    QTimer.singleShot(0, answer)
    window.edit_employees()
    assert seen == [date(2026, 11, 22)]
