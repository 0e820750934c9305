"""File menu → Print timesheets, Print schedule, Export → Payroll, in the real window.

The week Sun 22 – Sat 28 Nov 2026 is on screen; the site's bi-weekly pay period containing it
is Sun 22 Nov – Sat 5 Dec. Every document defaults to that pay period (the wall chart to the
range on screen), says so, and the window says where the file went.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu

from deskwfm.gui.excel_actions import RangeDialog
from deskwfm.gui.print_dialog import ScheduleDialog, TimesheetDialog
from tests.gui.test_excel_actions import when_modal

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
LONG = 120_000


def file_action(window, *path: str) -> QAction:  # type: ignore[no-untyped-def]
    """The File menu action reached through the submenus ``path`` (texts without "&")."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File")
    for name in path:
        act = next(a for a in menu.actions() if a.text().replace("&", "") == name)
        if isinstance(act.menu(), QMenu) and name != path[-1]:
            menu = act.menu()
    return act


def test_file_menu_offers_printing_and_the_schedule_chart(window) -> None:  # type: ignore[no-untyped-def]
    assert file_action(window, "Print timesheets…").shortcut().toString() == "Ctrl+P"
    chart = file_action(window, "Print schedule…")
    assert chart.shortcut().toString() == "Ctrl+Shift+P" and "wall chart" in chart.statusTip()
    assert "pay period" in file_action(window, "Export", "Payroll…").statusTip()


def test_print_schedule_from_the_menu_shows_the_range_on_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, int]] = []

    def look(d: QDialog) -> None:
        assert isinstance(d, ScheduleDialog)
        qtbot.waitUntil(lambda: d.preview.page_count > 0, timeout=LONG)
        seen.append((d.picker.combo.currentText(), d.preview.page_count))
        d.reject()

    when_modal(qtbot, look, ScheduleDialog)
    file_action(window, "Print schedule…").trigger()
    assert seen == [("On screen: Sun 2026-11-22 to Sat 2026-11-28", 1)]


def test_timesheets_saved_from_the_menu_are_reported_in_the_status_bar(
    qtbot, window, tmp_path: Path, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "ts.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def save_then_close(d: QDialog) -> None:
        assert isinstance(d, TimesheetDialog)
        d.save_btn.click()

        def close_when_saved() -> None:
            if d.saved is None:
                QTimer.singleShot(20, close_when_saved)
            else:
                d.close_btn.click()

        close_when_saved()

    when_modal(qtbot, save_then_close, TimesheetDialog)
    file_action(window, "Print timesheets…").trigger()
    assert window.statusBar().currentMessage() == (
        f"Pay period 2026-11-22 to 2026-12-05: 6 pages saved to {target}")
    assert target.exists()


@pytest.mark.parametrize("week_only", [False, True])
def test_export_payroll_defaults_to_the_pay_period_and_labels_any_other_range(
    qtbot, window, tmp_path: Path, monkeypatch, week_only: bool  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "payroll.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    labels: list[str] = []

    def choose(d: QDialog) -> None:
        assert isinstance(d, RangeDialog)
        labels.append(d.picker.label.text())
        if week_only:
            d.picker.set_range(*window._view())
            labels.append(d.picker.label.text())
        d.export_button.click()

    when_modal(qtbot, choose, RangeDialog)
    file_action(window, "Export", "Payroll…").trigger()
    QApplication.processEvents()
    assert labels[0] == "Pay period 2026-11-22 to 2026-12-05"
    expected = ("Date range 2026-11-22 to 2026-11-28 (not a pay period)" if week_only
                else "Pay period 2026-11-22 to 2026-12-05")
    assert labels[-1] == expected
    assert window.statusBar().currentMessage() == f"Payroll, {expected}, exported to {target}"
    sheet = load_workbook(target)["Payroll"]
    assert sheet.cell(2, 1).value.startswith(f"{expected} · ")
