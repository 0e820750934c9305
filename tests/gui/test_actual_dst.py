"""Confirm as scheduled in the Actual view over the fall-back night of 31 Oct -> 1 Nov 2026
(America/Toronto, the site's zone: 02:00 EDT -> 01:00 EST, Ontario Time Act, R.S.O. 1990, c. T.9,
s. 2): a night with its break in the repeated hour is confirmed with Ctrl+K, 9 h as scheduled, and
its text can be opened and entered back unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from deskwfm.core.actual import Segment, Source
from deskwfm.gui.grid_mode import GridMode
from deskwfm.services.actual import recorded_between
from deskwfm.services.workspace import Workspace
from tests.gui.conftest import make_centre
from tests.gui.grid_helpers import editor, go_to, status
from tests.gui.test_actual_views import view

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
CTRL = Qt.KeyboardModifier.ControlModifier
FALL = date(2026, 10, 31)  # Saturday; the clocks go back during its night


@pytest.fixture
def fall_centre(tmp_path: Path) -> Path:
    from deskwfm.services.schedule import CellEdit, apply_edits

    path = make_centre(tmp_path / "centre.sqlite3")
    ws = Workspace.open(path)
    try:
        apply_edits(ws, [CellEdit("AG001", FALL, "22-6:30/30@1:30")])
    finally:
        ws.close()
    return path


@pytest.fixture
def fall_window(qtbot, fall_centre: Path):  # type: ignore[no-untyped-def]
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind

    ws = Workspace.open(fall_centre)
    win = MainWindow(ws, ViewKind.WEEK, FALL)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ws.close()


def recorded(path: Path) -> list[tuple[tuple[Segment, ...], Source]]:
    ws = Workspace.open(path)
    try:
        return [(d.segments, d.source) for d in recorded_between(ws, FALL, FALL, ["AG001"]).days]
    finally:
        ws.close()


def test_a_night_over_fall_back_is_confirmed_with_ctrl_k(qtbot, fall_window, fall_centre) -> None:
    fall_window.activateWindow()
    view(fall_window, GridMode.ACTUAL)
    go_to(fall_window, "AG001", FALL)
    qtbot.keyClick(fall_window.grid.table, Qt.Key.Key_K, CTRL)
    assert "Confirmed 1 day as scheduled" in status(fall_window)
    night = (Segment(22 * 60, 1440 + 90), Segment(1440 + 60, 1440 + 390, start_fold=1))
    assert recorded(fall_centre) == [(night, Source.CONFIRMED)]
    go_to(fall_window, "AG001", FALL)
    fall_window.selection_sum.refresh()
    assert fall_window.selection_sum.text() == "worked 9.00 h of 9.00 h scheduled"
    # the editor opens on the record's text; entered back, it is the same record (no refusal)
    qtbot.keyClick(fall_window.grid.table, Qt.Key.Key_F2)
    ed = editor(fall_window)
    assert ed is not None and ed.text() == "22:00-01:30,01:00-06:30"
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    assert editor(fall_window) is None
    assert recorded(fall_centre) == [(night, Source.CONFIRMED)]
