"""Shift codes and site settings dialogs driven through their widgets against a real database."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog

from deskwfm.core.model import Employee, ShiftCode, ShiftKind
from deskwfm.core.rules import NightPremiumKind
from deskwfm.core.site import SiteSettings
from deskwfm.gui.dialogs.shift_codes import ShiftCodesDialog
from deskwfm.gui.dialogs.site_settings import SiteSettingsDialog
from deskwfm.services import codes as code_service
from deskwfm.services import employees as employee_service
from deskwfm.services import site as site_service
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.setup import init_database
from deskwfm.services.workspace import Workspace

# The offscreen platform warns about window features it lacks (size hints, popups); not our bug.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|grabbing|raise)")


@pytest.fixture
def ws(tmp_path: Path):
    workspace = init_database(tmp_path / "t.sqlite3", SiteSettings())
    yield workspace
    workspace.close()


@pytest.fixture
def codes_dialog(qtbot, ws: Workspace) -> ShiftCodesDialog:
    dlg = ShiftCodesDialog(ws)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _codes(ws: Workspace) -> dict:
    return {c.code: c for c in code_service.list_codes(ws)}


def _choose(qtbot, combo: QComboBox, data: object) -> None:
    """Pick an item with the keyboard, as a user would (emits ``activated``)."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target


def _select_code(qtbot, dlg: ShiftCodesDialog, code: str) -> None:
    row = [c.code for c in dlg.model.objects()].index(code)
    rect = dlg.table.visualRect(dlg.model.index(row, 1))
    qtbot.mouseClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dlg.code_edit.text() == code


# ------------------------------------------------------------------ shift codes


def test_add_shift_code_with_colour(
    qtbot, codes_dialog: ShiftCodesDialog, ws: Workspace, monkeypatch
) -> None:
    before = set(_codes(ws))
    monkeypatch.setattr(codes_dialog, "pick_colour", lambda current: "#123456")
    qtbot.mouseClick(codes_dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(codes_dialog.code_edit, "lt")
    qtbot.keyClicks(codes_dialog.start_edit, "7")
    qtbot.keyClicks(codes_dialog.end_edit, "15:30")
    qtbot.keyClicks(codes_dialog.break_edit, "30")
    qtbot.mouseClick(codes_dialog.colour_button, Qt.MouseButton.LeftButton)
    assert codes_dialog.colour_button.text() == "#123456"
    qtbot.keyClicks(codes_dialog.label_edit, "Late training")
    qtbot.keyClick(codes_dialog.label_edit, Qt.Key.Key_Return)

    saved = _codes(ws)
    assert set(saved) == before | {"LT"}
    lt = saved["LT"]
    assert (lt.kind, lt.start, lt.end, lt.break_minutes, lt.colour.lower(), lt.label) == (
        ShiftKind.WORK, time(7), time(15, 30), 30, "#123456", "Late training",
    )
    assert "LT" in [c.code for c in codes_dialog.model.objects()]
    assert not codes_dialog.message.is_error
    codes_dialog.reject()
    assert codes_dialog.result() == QDialog.DialogCode.Accepted


def test_edit_shift_code(qtbot, codes_dialog: ShiftCodesDialog, ws: Workspace) -> None:
    code_service.save_code(ws, ShiftCode("M", ShiftKind.WORK, time(8), time(16), 30, "#aabbcc", "Morning"))
    codes_dialog.reload()
    _select_code(qtbot, codes_dialog, "M")
    assert codes_dialog.code_edit.isReadOnly()
    assert (codes_dialog.start_edit.text(), codes_dialog.colour_button.colour) == ("08:00", "#aabbcc")
    codes_dialog.end_edit.clear()
    qtbot.keyClicks(codes_dialog.end_edit, "18:00")
    codes_dialog.label_edit.clear()
    qtbot.keyClicks(codes_dialog.label_edit, "Long morning")
    qtbot.mouseClick(codes_dialog.save_button, Qt.MouseButton.LeftButton)
    saved = _codes(ws)["M"]
    assert (saved.start, saved.end, saved.break_minutes, saved.label) == (
        time(8), time(18), 30, "Long morning",
    )
    assert not codes_dialog.message.is_error
    # Saving again from the refreshed form works (the version moved on with the save).
    qtbot.mouseClick(codes_dialog.save_button, Qt.MouseButton.LeftButton)
    assert not codes_dialog.message.is_error


def test_leave_kind_without_times(qtbot, codes_dialog: ShiftCodesDialog, ws: Workspace) -> None:
    qtbot.mouseClick(codes_dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(codes_dialog.code_edit, "JURY")
    _choose(qtbot, codes_dialog.kind_combo, ShiftKind.UNPAID_LEAVE)
    qtbot.mouseClick(codes_dialog.save_button, Qt.MouseButton.LeftButton)
    jury = _codes(ws)["JURY"]
    assert (jury.kind, jury.start, jury.end) == (ShiftKind.UNPAID_LEAVE, None, None)


@pytest.mark.parametrize(("start", "end", "field"), [("25:00", "17", "Start time"), ("9", "", "End time"),
                                                      ("9", "17:75", "End time")])
def test_bad_times_refused(
    qtbot, codes_dialog: ShiftCodesDialog, ws: Workspace, start: str, end: str, field: str
) -> None:
    before = _codes(ws)
    qtbot.mouseClick(codes_dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(codes_dialog.code_edit, "BAD")
    qtbot.keyClicks(codes_dialog.start_edit, start)
    qtbot.keyClicks(codes_dialog.end_edit, end)
    qtbot.mouseClick(codes_dialog.save_button, Qt.MouseButton.LeftButton)
    assert codes_dialog.message.is_error and codes_dialog.message.text().startswith(field)
    assert _codes(ws) == before
    codes_dialog.reject()
    assert codes_dialog.result() == QDialog.DialogCode.Rejected


def test_service_refusal_shown_inline(qtbot, codes_dialog: ShiftCodesDialog, ws: Workspace) -> None:
    """A code that reads as a time entry is refused by the service; the message shows inline."""
    before = _codes(ws)
    qtbot.mouseClick(codes_dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(codes_dialog.code_edit, "9-17")
    qtbot.keyClicks(codes_dialog.start_edit, "9")
    qtbot.keyClicks(codes_dialog.end_edit, "17")
    qtbot.mouseClick(codes_dialog.save_button, Qt.MouseButton.LeftButton)
    assert codes_dialog.message.is_error
    assert _codes(ws) == before


def test_delete_code(qtbot, codes_dialog: ShiftCodesDialog, ws: Workspace, monkeypatch) -> None:
    code_service.save_code(ws, ShiftCode("TMP", ShiftKind.WORK, time(8), time(12)))
    codes_dialog.reload()
    asked: list[str] = []
    monkeypatch.setattr(codes_dialog, "confirm", lambda q: asked.append(q) or True)
    _select_code(qtbot, codes_dialog, "TMP")
    qtbot.mouseClick(codes_dialog.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete shift code TMP?"]
    assert "TMP" not in _codes(ws)
    assert "TMP" not in [c.code for c in codes_dialog.model.objects()]


def test_delete_used_code_refused(qtbot, codes_dialog: ShiftCodesDialog, ws: Workspace, monkeypatch) -> None:
    code_service.save_code(ws, ShiftCode("USED", ShiftKind.WORK, time(8), time(12)))
    employee_service.add_employee(ws, Employee("E1", "Eve"), Decimal("20"), date(2026, 1, 1))
    apply_edits(ws, [CellEdit("E1", date(2026, 2, 2), "USED")])
    codes_dialog.reload()
    monkeypatch.setattr(codes_dialog, "confirm", lambda q: True)
    _select_code(qtbot, codes_dialog, "USED")
    qtbot.mouseClick(codes_dialog.delete_button, Qt.MouseButton.LeftButton)
    assert codes_dialog.message.is_error
    assert "USED" in _codes(ws)


# ------------------------------------------------------------------ site settings


@pytest.fixture
def site_dialog(qtbot, ws: Workspace) -> SiteSettingsDialog:
    dlg = SiteSettingsDialog(ws)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_site_dialog_shows_saved_settings(site_dialog: SiteSettingsDialog) -> None:
    assert site_dialog.tz_combo.currentText() == "America/Toronto"
    assert site_dialog.preset_combo.currentData() == "ontario"
    assert site_dialog.weekly_ot_edit.text() == "44"
    assert site_dialog.daily_ot_edit.text() == ""
    assert site_dialog.region_combo.currentText() == "CA-ON"


def test_preset_fills_fields_and_threshold_saved(
    qtbot, site_dialog: SiteSettingsDialog, ws: Workspace
) -> None:
    _choose(qtbot, site_dialog.preset_combo, "california")
    assert site_dialog.daily_ot_edit.text() == "8"
    assert site_dialog.daily_dt_edit.text() == "12"
    assert site_dialog.seventh_check.isChecked()
    assert site_dialog.preset_note.text() == ""
    site_dialog.weekly_ot_edit.clear()
    qtbot.keyClicks(site_dialog.weekly_ot_edit, "38.5")
    assert site_dialog.preset_note.text() == "(edited)"
    site_dialog.night_premium_edit.clear()
    qtbot.keyClicks(site_dialog.night_premium_edit, "10")
    _choose(qtbot, site_dialog.night_kind_combo, NightPremiumKind.PERCENT)
    site_dialog.region_combo.setCurrentText("")
    qtbot.keyClicks(site_dialog.region_combo.lineEdit(), "us-ca")
    site_dialog.tz_combo.setCurrentText("")
    qtbot.keyClicks(site_dialog.tz_combo.lineEdit(), "America/Los_Angeles")
    qtbot.keyClick(site_dialog.weekly_ot_edit, Qt.Key.Key_Return)  # Enter saves

    assert site_dialog.result() == QDialog.DialogCode.Accepted
    assert not site_dialog.isVisible()
    site = site_service.get_site(ws)
    r = site.rules
    assert (r.preset, r.daily_ot_after, r.daily_dt_after, r.weekly_ot_after, r.seventh_day) == (
        "california", 480, 720, 2310, True,
    )
    assert (r.night_premium, r.night_premium_kind) == (Decimal("10"), NightPremiumKind.PERCENT)
    assert (site.tz, site.holiday_region) == ("America/Los_Angeles", "US-CA")


def test_week_and_pay_period_saved(qtbot, site_dialog: SiteSettingsDialog, ws: Workspace) -> None:
    from deskwfm.core.model import PayPeriodKind

    _choose(qtbot, site_dialog.week_combo, 0)
    _choose(qtbot, site_dialog.period_combo, PayPeriodKind.SEMIMONTHLY)
    assert not site_dialog.anchor_edit.isEnabled()  # a semi-monthly period needs no anchor
    site_dialog.name_edit.clear()
    qtbot.keyClicks(site_dialog.name_edit, "Harbour Street")
    qtbot.mouseClick(site_dialog.save_button, Qt.MouseButton.LeftButton)
    site = site_service.get_site(ws)
    assert (site.name, site.week_start, site.pay_period) == ("Harbour Street", 0, PayPeriodKind.SEMIMONTHLY)


def test_staffing_targets_saved(qtbot, site_dialog: SiteSettingsDialog, ws: Workspace) -> None:
    spin = site_dialog.shrinkage_spin
    spin.selectAll()
    qtbot.keyClicks(spin, "35")
    site_dialog.sl_seconds_spin.selectAll()
    qtbot.keyClicks(site_dialog.sl_seconds_spin, "30")
    _choose(qtbot, site_dialog.interval_combo, 15)
    qtbot.mouseClick(site_dialog.save_button, Qt.MouseButton.LeftButton)
    site = site_service.get_site(ws)
    assert (site.shrinkage_pct, site.sl_target_seconds, site.interval_minutes) == (35, 30, 15)
    assert site.sl_target_pct == 80  # untouched fields keep their values


@pytest.mark.parametrize(
    ("widget", "text", "field"),
    [("ot_mult_edit", "abc", "Overtime multiplier"), ("weekly_ot_edit", "-5", "Weekly overtime after"),
     ("night_start_edit", "27:00", "Night from"), ("min_rest_edit", "", "Minimum rest")],
)
def test_bad_site_input_refused(
    qtbot, site_dialog: SiteSettingsDialog, ws: Workspace, widget: str, text: str, field: str
) -> None:
    before = site_service.get_site(ws)
    edit = getattr(site_dialog, widget)
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.mouseClick(site_dialog.save_button, Qt.MouseButton.LeftButton)
    assert site_dialog.isVisible()
    assert site_dialog.message.is_error and site_dialog.message.text().startswith(field)
    assert site_service.get_site(ws) == before


def test_unknown_time_zone_refused(qtbot, site_dialog: SiteSettingsDialog, ws: Workspace) -> None:
    before = site_service.get_site(ws)
    site_dialog.tz_combo.setCurrentText("")
    qtbot.keyClicks(site_dialog.tz_combo.lineEdit(), "Mars/Olympus")
    qtbot.mouseClick(site_dialog.save_button, Qt.MouseButton.LeftButton)
    assert site_dialog.message.is_error and "Time zone" in site_dialog.message.text()
    assert site_service.get_site(ws) == before


def test_cancel_writes_nothing(qtbot, site_dialog: SiteSettingsDialog, ws: Workspace) -> None:
    before = site_service.get_site(ws)
    _choose(qtbot, site_dialog.preset_combo, "flsa")
    qtbot.keyClick(site_dialog, Qt.Key.Key_Escape)
    assert site_dialog.result() == QDialog.DialogCode.Rejected
    assert site_service.get_site(ws) == before


def test_week_start_moves_biweekly_anchor(qtbot, site_dialog: SiteSettingsDialog, ws: Workspace) -> None:
    assert site_dialog.anchor_edit.date().toPython() == date(2026, 1, 4)  # a Sunday
    _choose(qtbot, site_dialog.week_combo, 0)  # Monday
    assert site_dialog.anchor_edit.date().toPython() == date(2025, 12, 29)
    assert "2025-12-29" in site_dialog.message.text()
    qtbot.mouseClick(site_dialog.save_button, Qt.MouseButton.LeftButton)
    site = site_service.get_site(ws)
    assert (site.week_start, site.period_anchor) == (0, date(2025, 12, 29))
