"""Issue 10, item 6: the pay-rule settings (daily-overtime day, workday start, holiday pay base,
a holiday on a day off, holiday hours toward overtime) in Settings > Site, driven through the
real dialog against a real database."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from deskwfm.core.rules import DailyOvertimeDay, HolidayOnDayOff, HolidayPayBase
from deskwfm.core.site import SiteSettings
from deskwfm.gui.dialogs.site_settings import SiteSettingsDialog
from deskwfm.services import site as site_service
from deskwfm.services.setup import init_database
from deskwfm.services.workspace import Workspace
from tests.gui.test_dialogs_codes_site import _choose

# The offscreen platform warns about window features it lacks (size hints, popups); not our bug.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|grabbing|raise)")


@pytest.fixture
def ws(tmp_path: Path):
    workspace = init_database(tmp_path / "t.sqlite3", SiteSettings())
    yield workspace
    workspace.close()


def _open(qtbot, ws: Workspace) -> SiteSettingsDialog:
    dlg = SiteSettingsDialog(ws)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_pay_rule_settings_are_shown_saved_and_shown_again(qtbot, ws: Workspace) -> None:
    """Issue 10, item 6: the daily-overtime day, workday start, holiday pay base, holiday on a
    day off and whether holiday hours count toward overtime are visible site settings. Pick the
    Canada federal preset (its defaults appear), change each, save, reopen: they are there."""
    dlg = _open(qtbot, ws)
    assert dlg.ot_day_combo.currentData() == DailyOvertimeDay.WORKDAY  # Ontario
    assert dlg.workday_start_edit.isEnabled() and dlg.workday_start_edit.text() == "00:00"
    _choose(qtbot, dlg.preset_combo, "canada-federal")
    assert dlg.ot_day_combo.currentData() == DailyOvertimeDay.FROM_SHIFT_START
    assert not dlg.workday_start_edit.isEnabled()
    assert dlg.holiday_base_combo.currentData() == HolidayPayBase.WAGES_EXCLUDING_OVERTIME
    assert dlg.holiday_week_edit.text() == "8"
    assert not dlg.holiday_ot_check.isChecked()
    assert dlg.holiday_ot_check.text().startswith("Hours worked on a holiday also count toward overtime")
    assert dlg.holiday_day_off_combo.currentData() == HolidayOnDayOff.NEXT_WORKING_DAY
    assert dlg.preset_note.text() == ""

    _choose(qtbot, dlg.ot_day_combo, DailyOvertimeDay.WORKDAY)
    assert dlg.workday_start_edit.isEnabled()
    dlg.workday_start_edit.clear()
    qtbot.keyClicks(dlg.workday_start_edit, "6:30")
    _choose(qtbot, dlg.holiday_day_off_combo, HolidayOnDayOff.PAY_ONLY)
    _choose(qtbot, dlg.holiday_base_combo, HolidayPayBase.REGULAR_WAGES)
    dlg.holiday_ot_check.setFocus()
    qtbot.keyClick(dlg.holiday_ot_check, Qt.Key.Key_Space)
    assert dlg.preset_note.text() == "(edited)"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted

    r = site_service.get_site(ws).rules
    assert (r.preset, r.daily_ot_day, r.workday_start) == (
        "canada-federal", DailyOvertimeDay.WORKDAY, time(6, 30),
    )
    assert (r.holiday_on_day_off, r.holiday_pay_base) == (
        HolidayOnDayOff.PAY_ONLY, HolidayPayBase.REGULAR_WAGES,
    )
    assert r.holiday_hours_count_for_ot is True

    again = _open(qtbot, ws)
    assert again.ot_day_combo.currentData() == DailyOvertimeDay.WORKDAY
    assert again.workday_start_edit.text() == "06:30"
    assert again.holiday_day_off_combo.currentData() == HolidayOnDayOff.PAY_ONLY
    assert again.holiday_base_combo.currentData() == HolidayPayBase.REGULAR_WAGES
    assert again.holiday_ot_check.isChecked()
    assert again.preset_note.text() == "(edited)"


def test_a_bad_workday_start_is_refused(qtbot, ws: Workspace) -> None:
    site_dialog = _open(qtbot, ws)
    before = site_service.get_site(ws)
    site_dialog.workday_start_edit.clear()
    qtbot.keyClicks(site_dialog.workday_start_edit, "25:00")
    qtbot.mouseClick(site_dialog.save_button, Qt.MouseButton.LeftButton)
    assert site_dialog.isVisible()
    assert site_dialog.message.is_error and site_dialog.message.text().startswith("Workday starts at")
    assert site_service.get_site(ws) == before
