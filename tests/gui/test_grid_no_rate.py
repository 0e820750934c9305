"""No pay rate never hangs the grid (issue 10, item 1): a row without a rate on a shown date shows
its hours, a "no pay rate" warning and no gross; a fault in a model or a paint shows once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from deskwfm.gui.grid_model import WARNING_ROLE
from deskwfm.gui.guard import faults
from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, index, row_totals, sheet_totals, shown, type_entry, when_modal

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
WED = MON + timedelta(days=2)
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture(autouse=True)
def _fresh_faults() -> Iterator[list[str]]:
    """Faults are announced once per process; each test starts with none seen."""
    faults().seen.clear()
    announced: list[str] = []
    faults().fault.connect(announced.append)
    yield announced
    faults().fault.disconnect(announced.append)
    faults().seen.clear()


def _menu_action(win, menu: str, text: str):  # type: ignore[no-untyped-def]
    for top in win.menuBar().actions():
        if top.text().replace("&", "") == menu:
            for act in top.menu().actions():
                if act.text().replace("&", "") == text:
                    return act
    raise AssertionError(f"no {menu} → {text}")


def _add_new_hire(qtbot, dlg) -> None:  # type: ignore[no-untyped-def]
    """In Settings → Employees: NEW01, first rate $20 from Wednesday."""
    qtbot.keyClicks(dlg.code_edit, "NEW01")
    qtbot.keyClicks(dlg.name_edit, "Newly Hired")
    qtbot.keyClicks(dlg.team_combo.lineEdit(), "Blue")
    qtbot.keyClicks(dlg.start_rate_edit, "20")
    dlg.start_rate_from.setDate(QDate(WED.year, WED.month, WED.day))
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    dlg.reject()  # Close


def test_a_shift_before_the_first_rate_shows_hours_a_warning_and_no_gross(
    qtbot, window, _fresh_faults
) -> None:
    when_modal(qtbot, lambda dlg: _add_new_hire(qtbot, dlg))
    _menu_action(window, "Settings", "Employees…").trigger()
    assert "NEW01" in window.session.state.row_of
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    go_to(window, "NEW01", MON)
    type_entry(qtbot, window, "9-17")
    # the window keeps painting and no dialog pops up
    for _ in range(3):
        window.grid.table.viewport().repaint()
        window.grid.totals.viewport().repaint()
        qtbot.wait(10)
    assert QApplication.activeModalWidget() is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert _fresh_faults == []
    assert shown(window, "NEW01", MON) == "9\u201317"
    idx = index(window, "NEW01", MON)
    assert idx.data(WARNING_ROLE) is True
    assert "no pay rate on Mon 2026-11-23" in idx.data(TOOLTIP)
    totals = row_totals(window, "NEW01")
    assert (totals.worked, totals.paid, totals.gross) == ("8.00", "8.00", "")
    row = window.session.state.row_of["NEW01"]
    tip = window.session.totals_model.index(row, 4).data(TOOLTIP)
    assert "No gross: no pay rate on Mon 2026-11-23" in tip
    # a shift once the rate is in force is priced as usual, and the totals row says who is left out
    go_to(window, "NEW01", WED)
    type_entry(qtbot, window, "9-17")
    assert index(window, "NEW01", WED).data(WARNING_ROLE) is False
    assert row_totals(window, "NEW01").gross == ""
    sheet = sheet_totals(qtbot, window)
    assert sheet.worked == "96.00"  # AG001 and AG002 40 h each + NEW01 16 h
    assert sheet.gross == "$1,600.00"  # AG001 and AG002; NEW01 has no gross yet
    sheet_tip = window.session.sheet_model.index(0, 4).data(TOOLTIP)
    assert "leaves out 1 person without a pay rate: NEW01" in sheet_tip


def test_the_window_reopens_on_such_a_database_and_a_screenshot_returns(centre: Path, tmp_path: Path) -> None:
    from deskwfm.core.model import Employee
    from deskwfm.services.employees import add_employee
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(centre)
    try:
        add_employee(ws, Employee("NEW01", "Newly Hired", "Blue"), Decimal("20.00"), WED)
        apply_edits(ws, [CellEdit("NEW01", MON, "9-17")])
    finally:
        ws.close()
    out = tmp_path / "grid.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DESKWFM_LOG_DIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "deskwfm", "--db", str(centre), "--date", MON.isoformat(),
         "--screenshot", str(out)],
        env=env, capture_output=True, text=True, timeout=90,  # a hang guard only
    )
    assert proc.returncode == 0, proc.stderr
    assert "Error calling Python override" not in proc.stderr
    assert not QImage(str(out)).isNull()
    assert not (tmp_path / "deskwfm-errors.log").exists()


def test_a_fault_inside_the_model_or_a_paint_is_logged_and_shown_once(
    qtbot, window, monkeypatch, tmp_path: Path, _fresh_faults
) -> None:
    """A bug in a rule (here: warnings of one row raise) must not loop dialogs: the row paints
    without its marks, the traceback goes to the log once, one dialog says so once."""
    monkeypatch.setenv("DESKWFM_LOG_DIR", str(tmp_path))
    state = window.session.state
    real = type(state).warnings
    broken = state.row_of["AG002"]

    def warnings(self, row: int):  # type: ignore[no-untyped-def]
        if row == broken:
            raise RuntimeError("rule table corrupted")
        return real(self, row)

    monkeypatch.setattr(type(state), "warnings", warnings)
    boxes: list[str] = []
    when_modal(qtbot, lambda box: (boxes.append(box.text()), box.close()))
    for _ in range(5):
        window.grid.table.viewport().repaint()
        qtbot.wait(20)
    qtbot.waitUntil(lambda: len(_fresh_faults) == 1)
    qtbot.wait(100)
    assert len(_fresh_faults) == 1 and "RuntimeError: rule table corrupted" in _fresh_faults[0]
    assert len(boxes) == 1 and "Part of the schedule could not be shown" in boxes[0]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    log = (tmp_path / "deskwfm-errors.log").read_text(encoding="utf-8")
    assert log.count("rule table corrupted") == 2  # the message line and the exception line, once
    # the other rows still show their shifts and the tooltip still works without the warnings
    assert shown(window, "AG001", MON) == "9\u201317"
    assert index(window, "AG002", MON).data(TOOLTIP) is None
    image = window.grid.table.viewport().grab().toImage()
    assert not image.isNull()
