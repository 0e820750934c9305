"""The settings actual time needs, through the real dialogs: an employee's login ID (what the
phone system's report calls them) and the site's pay basis, rounding, session gap and grace."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings
from deskwfm.core.timekeeping import PayBasis
from deskwfm.gui.dialogs.employees import EmployeesDialog
from deskwfm.gui.dialogs.site_settings import SiteSettingsDialog
from deskwfm.services import employees as employee_service
from deskwfm.services import site as site_service
from deskwfm.services.setup import init_database
from deskwfm.services.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|grabbing|raise)")


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    workspace = init_database(tmp_path / "t.sqlite3", SiteSettings())
    for code, name in (("B200", "Dana Scully"), ("S300", "Fox Mulder")):
        employee_service.add_employee(
            workspace, Employee(code, name, "Billing"), Decimal("20.00"), date(2026, 1, 1)
        )
    yield workspace
    workspace.close()


def _open(qtbot, dialog):  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _select(qtbot, dlg: EmployeesDialog, code: str) -> None:  # type: ignore[no-untyped-def]
    codes = [dlg.model.index(r, 0).data() for r in range(dlg.model.rowCount())]
    rect = dlg.table.visualRect(dlg.model.index(codes.index(code), 1))
    qtbot.mouseClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _login_ids(ws: Workspace) -> dict[str, str]:
    return {e.code: e.login_id for e in employee_service.list_employees(ws)}


def test_a_login_id_is_typed_saved_listed_and_found_by_the_filter(qtbot, ws: Workspace) -> None:
    dlg = _open(qtbot, EmployeesDialog(ws))
    _select(qtbot, dlg, "B200")
    qtbot.keyClicks(dlg.login_edit, "5017")
    qtbot.keyClick(dlg.login_edit, Qt.Key.Key_Return)  # Enter in the form saves
    assert not dlg.message.is_error
    assert _login_ids(ws) == {"B200": "5017", "S300": ""}
    heads = [dlg.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dlg.model.columnCount())]
    row = [dlg.model.index(0, c).data() for c in range(dlg.model.columnCount())]
    assert row[heads.index("Login ID")] == "5017"
    qtbot.keyClicks(dlg.filter_edit, "5017")
    assert dlg.model.rowCount() == 1 and dlg.model.index(0, 0).data() == "B200"


def test_a_login_id_already_given_to_someone_else_is_refused_and_nothing_changes(
    qtbot, ws: Workspace
) -> None:
    employee_service.set_login_id(ws, "B200", "5017")
    dlg = _open(qtbot, EmployeesDialog(ws))
    _select(qtbot, dlg, "S300")
    qtbot.keyClicks(dlg.login_edit, "5017")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.message.is_error and "5017" in dlg.message.text() and "B200" in dlg.message.text()
    assert _login_ids(ws) == {"B200": "5017", "S300": ""}


def _choose(qtbot, combo: QComboBox, data: object) -> None:  # type: ignore[no-untyped-def]
    """Pick an item with the keyboard, as a user would."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target


def _set_spin(qtbot, spin, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def test_the_site_s_actual_time_settings_are_saved_from_the_dialog(qtbot, ws: Workspace) -> None:
    dlg = _open(qtbot, SiteSettingsDialog(ws))
    assert dlg.pay_basis_combo.currentData() == PayBasis.SCHEDULE
    _choose(qtbot, dlg.pay_basis_combo, PayBasis.ACTUAL)
    _choose(qtbot, dlg.rounding_combo, 15)
    _set_spin(qtbot, dlg.merge_gap_spin, 3)
    _set_spin(qtbot, dlg.late_grace_spin, 7)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    tk = site_service.get_site(ws).timekeeping
    got = (tk.pay_basis, tk.rounding_minutes, tk.merge_gap_minutes, tk.late_grace_minutes)
    assert got == (PayBasis.ACTUAL, 15, 3, 7)
    again = _open(qtbot, SiteSettingsDialog(ws))  # shown as saved next time
    assert again.pay_basis_combo.currentData() == PayBasis.ACTUAL and again.late_grace_spin.value() == 7
