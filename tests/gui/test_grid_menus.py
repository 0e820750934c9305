"""Menu wiring: settings dialogs reload the grid when they changed something; file actions."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from deskwfm.core.model import Employee, ShiftCode, ShiftKind
from tests.gui.conftest import make_centre

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


def test_employees_dialog_that_added_someone_reloads_the_grid(qtbot, window, monkeypatch) -> None:
    from deskwfm.gui.dialogs.employees import EmployeesDialog
    from deskwfm.services.employees import add_employee

    def fake_exec(dlg: EmployeesDialog) -> int:
        add_employee(dlg._ws, Employee("AG007", "New Hire", "Blue"), Decimal("21"), date(2026, 1, 1))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(EmployeesDialog, "exec", fake_exec)
    window.edit_employees()
    assert "AG007" in window.session.state.row_of
    assert window.session.grid_model.rowCount() == 7


def test_shift_codes_dialog_changes_reach_the_palette(qtbot, window, monkeypatch) -> None:
    from deskwfm.gui.dialogs.shift_codes import ShiftCodesDialog
    from deskwfm.services.codes import save_code

    def fake_exec(dlg: ShiftCodesDialog) -> int:
        save_code(dlg._ws, ShiftCode("M", ShiftKind.WORK, time(6), time(14), 30, "#ffd6e7", "Morning"))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ShiftCodesDialog, "exec", fake_exec)
    window.edit_codes()
    assert "M" in window.code_bar.code_actions
    assert "Morning 06:00–14:00" in window.code_bar.code_actions["M"].toolTip()


def test_open_and_recent_files_switch_the_database(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    other = make_centre(tmp_path / "other.sqlite3")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.session.set_cell(0, 0, "N")
    window.open_database()
    assert window.windowTitle().startswith("other.sqlite3")
    assert window.session.undo_stack.count() == 0  # undo never reaches into another database
    window.fill_recent_menu()
    assert [a.text() for a in window.actions_.recent_menu.actions()][:2] == [
        str(other),
        str(tmp_path / "centre.sqlite3"),
    ]


def test_backup_writes_a_copy_that_opens(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    from deskwfm.services.workspace import Workspace

    dest = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    window.backup_database()
    assert "Backed up" in window.statusBar().currentMessage()
    with Workspace.open(dest) as ws:
        from deskwfm.services.employees import list_employees

        assert len(list_employees(ws)) == 6


def test_new_database_asks_for_the_site_and_starts_an_empty_centre(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    from deskwfm.gui.first_run import FirstRunDialog

    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    (tmp_path / "centre.deskwfm").write_text("someone else's file")  # never overwritten

    def fill_in(dlg: FirstRunDialog) -> int:
        dlg.show()
        dlg.name_edit.clear()
        qtbot.keyClicks(dlg.name_edit, "Riverside")
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        return dlg.result()

    monkeypatch.setattr(FirstRunDialog, "exec", fill_in)
    window.new_database()
    assert window.windowTitle().startswith("centre-2.deskwfm — Riverside")
    assert window.session.grid_model.rowCount() == 0
    assert "D" in window.code_bar.code_actions
    assert (tmp_path / "centre.deskwfm").read_text() == "someone else's file"


def test_a_failed_file_action_shows_a_dialog(qtbot, window, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list\n" * 40)
    window.open_database(str(junk))
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and "Open:" in boxes[0].text()
    assert window.windowTitle().startswith("centre.sqlite3")  # still on the old database


def test_export_schedule_writes_the_shown_range(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    from deskwfm.gui.excel_actions import RangeDialog
    from tests.gui.test_excel_actions import when_modal

    dest = tmp_path / "week.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    shown: list[str] = []

    def accept(d: QDialog) -> None:
        assert isinstance(d, RangeDialog)
        shown.append(d.picker.combo.currentText())
        d.export_button.click()

    when_modal(qtbot, accept, RangeDialog)
    window.export_schedule()
    assert shown == ["On screen: Sun 2026-11-22 to Sat 2026-11-28"]
    assert dest.exists() and dest.stat().st_size > 0


def test_print_timesheets_opens_on_the_pay_period_of_the_shown_range(qtbot, window) -> None:
    from deskwfm.gui.print_dialog import TimesheetDialog
    from tests.gui.test_excel_actions import when_modal

    seen: list[str] = []

    def look(d: QDialog) -> None:
        assert isinstance(d, TimesheetDialog)
        seen.append(d.picker.label.text())
        d.reject()

    when_modal(qtbot, look, TimesheetDialog)
    window.print_timesheets()
    assert seen == ["Pay period 2026-11-22 to 2026-12-05"]  # bi-weekly period containing the week shown
