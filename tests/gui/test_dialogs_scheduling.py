"""The settings automatic scheduling reads, typed into the real dialogs (issue 15): a shift code's
paid breaks (Settings → Shift codes), an employee's availability and dates off (Settings →
Employees), the roster-rule thresholds and the scheduler's extra start times and lengths
(Settings → Site). Each is saved, shown again as saved, and a bad value is refused with one
message under its box while nothing is written."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QSpinBox

from deskwfm.core.model import Employee, ShiftCode, ShiftKind
from deskwfm.core.site import SiteSettings
from deskwfm.gui.dialogs.employees import EmployeesDialog
from deskwfm.gui.dialogs.shift_codes import ShiftCodesDialog
from deskwfm.gui.dialogs.site_settings import SiteSettingsDialog
from deskwfm.services import codes as code_service
from deskwfm.services import employees as employee_service
from deskwfm.services import site as site_service
from deskwfm.services.setup import init_database
from deskwfm.services.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|grabbing|raise)")


@pytest.fixture
def ws(tmp_path: Path):
    workspace = init_database(tmp_path / "t.sqlite3", SiteSettings())
    employee_service.add_employee(workspace, Employee("S300", "Fox Mulder", "Sales"), Decimal("22.00"),
                                  date(2026, 1, 1))
    code_service.save_code(workspace, ShiftCode("M", ShiftKind.WORK, time(8), time(16, 30), 30, "#aabbcc",
                                                "Morning"))
    yield workspace
    workspace.close()


def _show(qtbot, dlg):  # type: ignore[no-untyped-def]
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()  # a refused box takes the keyboard focus only in the active window
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def _retype(qtbot, edit: QLineEdit | QSpinBox, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def _pick_row(qtbot, table, model, first_column: str) -> None:  # type: ignore[no-untyped-def]
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index(first_column)
    where = table.visualRect(model.index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


# ------------------------------------------------------------------ shift codes: paid breaks


def test_paid_breaks_typed_into_the_code_form_are_saved_listed_and_checked(qtbot, ws: Workspace) -> None:
    dlg = _show(qtbot, ShiftCodesDialog(ws))
    _pick_row(qtbot, dlg.table, dlg.model, "M")
    assert dlg.paid_breaks_edit.text() == "" and dlg.paid_breaks_edit.isEnabled()
    qtbot.keyClicks(dlg.paid_breaks_edit, "2 x 15")
    qtbot.keyClick(dlg.paid_breaks_edit, Qt.Key.Key_Return)  # Enter saves
    saved = {c.code: c for c in code_service.list_codes(ws)}["M"]
    assert (saved.paid_breaks, saved.paid_break_minutes) == (2, 15) and not dlg.message.is_error
    row = [c.code for c in dlg.model.objects()].index("M")
    assert dlg.model.index(row, 5).data() == "2 x 15"  # the list's Paid breaks column
    assert dlg.model.index(row, 6).data() == "8"  # paid breaks are paid: still 8 paid hours
    # not readable: one message under the box, nothing saved
    _retype(qtbot, dlg.paid_breaks_edit, "two fifteens")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.message.is_error and "Paid breaks" in dlg.message.text() and "2 x 15" in dlg.message.text()
    assert dlg.paid_breaks_edit.hasFocus()
    # too many for the shift: core's rule refuses, nothing saved
    _retype(qtbot, dlg.paid_breaks_edit, "6 x 60")
    _retype(qtbot, dlg.break_edit, "180")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.message.is_error
    again = {c.code: c for c in code_service.list_codes(ws)}["M"]
    assert (again.paid_breaks, again.break_minutes) == (2, 30)


def test_a_leave_code_has_no_paid_breaks_to_type(qtbot, ws: Workspace) -> None:
    dlg = _show(qtbot, ShiftCodesDialog(ws))
    _pick_row(qtbot, dlg.table, dlg.model, "VAC")
    assert not dlg.paid_breaks_edit.isEnabled()


# ------------------------------------------------------------------ employees: availability


def test_availability_typed_in_the_employee_form_is_saved_and_bad_text_refused(qtbot, ws: Workspace) -> None:
    dlg = _show(qtbot, EmployeesDialog(ws))
    _pick_row(qtbot, dlg.table, dlg.model, "S300")
    qtbot.keyClicks(dlg.available_edit, "mon-fri 8-18, sat")
    qtbot.keyClicks(dlg.dates_off_edit, "2026-12-24..2026-12-26")
    qtbot.keyClick(dlg.dates_off_edit, Qt.Key.Key_Return)  # Enter saves
    saved = {e.code: e for e in employee_service.list_employees(ws)}["S300"]
    assert saved.availability.weekly_text == "Mon-Fri 08:00-18:00, Sat"
    assert saved.availability.off_text == "2026-12-24..2026-12-26" and not dlg.message.is_error
    _pick_row(qtbot, dlg.table, dlg.model, "S300")
    assert dlg.available_edit.text() == "Mon-Fri 08:00-18:00, Sat"  # shown as saved
    # a name or team edit keeps the availability (it used to fall back to "any time")
    _retype(qtbot, dlg.name_edit, "Fox W. Mulder")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    kept = {e.code: e for e in employee_service.list_employees(ws)}["S300"]
    assert kept.name == "Fox W. Mulder" and kept.availability == saved.availability
    for edit, text in ((dlg.available_edit, "funday"), (dlg.dates_off_edit, "24/12")):
        _retype(qtbot, edit, text)
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        assert dlg.message.is_error and f'"{text}"' in dlg.message.text() and edit.hasFocus()
        again = {e.code: e for e in employee_service.list_employees(ws)}["S300"]
        assert again.availability == saved.availability
        _retype(qtbot, edit, saved.availability.weekly_text if edit is dlg.available_edit else "")


# ------------------------------------------------------------------ site: roster rules and shapes


def test_roster_rules_and_scheduler_shapes_in_site_settings(qtbot, ws: Workspace) -> None:
    dlg = _show(qtbot, SiteSettingsDialog(ws))
    box = dlg.scheduling
    assert (box.days_spin.value(), box.weekend_spin.value(), box.nights_spin.value()) == (6, 2, 5)
    assert box.day_after_night_check.isChecked() and box.starts_edit.text() == ""
    _retype(qtbot, box.days_spin, "5")
    _retype(qtbot, box.nights_spin, "0")
    qtbot.keyClick(box.nights_spin, Qt.Key.Key_Tab)
    assert box.nights_spin.text() == "off"  # the rule switched off, said so once typed
    qtbot.mouseClick(box.day_after_night_check, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box.starts_edit, "6-8/30, 16:00")
    qtbot.keyClicks(box.lengths_edit, "8.5, 10")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    site = site_service.get_site(ws)
    r = site.rules
    assert (r.max_consecutive_days, r.weekend_off_weeks, r.max_nights_in_row, r.no_day_after_night) == (
        5, 2, None, False)
    assert site.auto_starts == (time(6), time(6, 30), time(7), time(7, 30), time(8), time(16))
    assert site.auto_lengths == (510, 600)
    reopened = _show(qtbot, SiteSettingsDialog(ws))
    again = reopened.scheduling  # shown back as saved, runs compacted
    assert (again.starts_edit.text(), again.lengths_edit.text()) == ("06:00-08:00/30, 16:00", "8.5, 10")
    assert again.nights_spin.text() == "off"


@pytest.mark.parametrize(("box", "text", "said"), [
    ("starts_edit", "6-25/30", "25"), ("starts_edit", "14-6/30", "ends before it starts"),
    ("lengths_edit", "30", "outside 2.00 to 16.00 hours"), ("lengths_edit", "eight", "eight"),
])
def test_bad_start_times_or_lengths_are_refused_under_their_box(qtbot, ws: Workspace, box: str, text: str,
                                                                said: str) -> None:
    dlg = _show(qtbot, SiteSettingsDialog(ws))
    edit = getattr(dlg.scheduling, box)
    qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.message.is_error and said in dlg.message.text() and edit.hasFocus()
    assert dlg.isVisible()  # not saved, not closed
    site = site_service.get_site(ws)
    assert site.auto_starts == () and site.auto_lengths == ()
