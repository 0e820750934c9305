"""The "Short" row under the grid: staffing against the call forecast, updated as you type."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.staffing_targets import StaffingTargets
from deskwfm.gui.totals_models import SHORT_TINT
from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
TUE = MON + timedelta(days=1)
SHORT = 2


@pytest.fixture
def with_forecast(centre: Path) -> Path:
    """Mon: 4 calls of 300 s at 10:00-10:30 need 3 agents (2 by Erlang C at 80/20, 30 %
    shrinkage); AG001 and AG002 work 9-17. Tue: a quiet 10:00 that the two of them cover."""
    from deskwfm.services.forecast import store_forecast
    from deskwfm.services.workspace import Workspace

    assert StaffingTargets().needed(4, 300) == 3 and StaffingTargets().needed(1, 300) == 2
    ws = Workspace.open(centre)
    try:
        store_forecast(ws, MON, TUE, [
            ForecastInterval(MON, 600, 4, 300), ForecastInterval(MON, 630, 4, 300),
            ForecastInterval(TUE, 600, 1, 300),
        ])
    finally:
        ws.close()
    return centre


def _cell(win, day, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    m = win.session.day_model
    return m.index(SHORT, win.session.state.col_of[day]).data(role)


def test_typing_a_shift_that_fixes_the_shortfall_clears_the_row(qtbot, with_forecast, window) -> None:
    m = window.session.day_model
    assert m.headerData(SHORT, Qt.Orientation.Vertical) == "Short"
    assert _cell(window, MON) == "\u22121 at 10:00"
    assert _cell(window, MON, Qt.ItemDataRole.BackgroundRole).color() == SHORT_TINT
    tip = _cell(window, MON, Qt.ItemDataRole.ToolTipRole)
    assert "10:00\u201310:30 need 3, have 2" in tip and "10:30\u201311:00 need 3, have 2" in tip
    assert _cell(window, TUE) == "\u2713" and _cell(window, TUE, Qt.ItemDataRole.BackgroundRole) is None
    wed = MON + timedelta(days=2)
    assert _cell(window, wed) == "no forecast"
    assert "No call forecast" in _cell(window, wed, Qt.ItemDataRole.ToolTipRole)

    changed: list[tuple[int, int, int, int]] = []
    m.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), a.column(), b.row(), b.column())))
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "10-11")  # covers only 10:00-11:00: enough
    assert _cell(window, MON) == "\u2713"
    assert _cell(window, MON, Qt.ItemDataRole.BackgroundRole) is None
    col = window.session.state.col_of[MON]
    assert changed and all(c0 == col == c1 for _, c0, _, c1 in changed)  # only the edited day repaints

    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "10:30-11")  # now 10:00 is short again, 10:30 is fine
    assert _cell(window, MON) == "\u22121 at 10:00"
    tip = _cell(window, MON, Qt.ItemDataRole.ToolTipRole)
    assert "10:00\u201310:30 need 3, have 2" in tip and "10:30\u201311:00" not in tip
    window.session.undo_stack.undo()
    assert _cell(window, MON) == "\u2713"


def test_footer_is_tall_enough_for_three_rows(qtbot, with_forecast, window) -> None:
    footer = window.grid.footer
    assert footer.height() >= 3 * footer.rowHeight(0)
    img = footer.grab()
    assert not img.isNull()


def _import_forecast_action(win):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    return next(a for a in win.findChildren(QAction) if a.text() == "Import &forecast…")


def test_file_menu_imports_a_forecast_and_the_short_row_shows_it(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    f = tmp_path / "calls.csv"
    f.write_text(f"Date,Interval start,Calls,AHT (s)\n{MON.isoformat()},10:00,4,300\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(f), ""))
    assert _cell(window, MON) == "no forecast"  # none imported yet
    _import_forecast_action(window).trigger()
    assert "Imported calls.csv" in window.statusBar().currentMessage()
    assert _cell(window, MON) == "\u22121 at 10:00"


def test_a_bad_forecast_file_lists_its_problems_and_imports_nothing(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    f = tmp_path / "calls.csv"
    f.write_text(f"Date,Interval start,Calls,AHT (s)\n{MON.isoformat()},10:00,lots,300\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(f), ""))
    _import_forecast_action(window).trigger()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and 'calls.csv!C2: "lots" is not a number of calls' in boxes[0].text()
    assert _cell(window, MON) == "no forecast"
