"""A break with a set start in the grid: typing ``9-17/30@13``, what the cell shows, F2, copy
and paste, and the Short row, which sees the agent on the floor while others are at lunch."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from deskwfm.core.forecast import ForecastInterval
from tests.gui.conftest import MON
from tests.gui.grid_helpers import editor, go_to, row_totals, select, shown, status, stored, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
CTRL = Qt.KeyboardModifier.ControlModifier
TUE = MON + timedelta(days=1)
SHORT = 2


def test_typing_a_break_start_stores_shows_and_edits_it(qtbot, window, centre) -> None:
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17/30@13")
    assert shown(window, "AG003", MON) == "9\u201317 \u261513:00"  # ☕: a break at 13:00, not a start
    s = stored(centre, "AG003", MON)
    assert s is not None and (s.break_minutes, s.break_start) == (30, time(13))
    assert row_totals(window, "AG003").paid == "7.50"
    st = window.session.state
    idx = window.session.grid_model.index(st.row_of["AG003"], st.col_of[MON])
    assert "30 min unpaid break from 13:00" in idx.data(Qt.ItemDataRole.ToolTipRole)
    go_to(window, "AG003", MON)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2)
    ed = editor(window)
    assert ed is not None and ed.text() == "09:00-17:00/30@13:00"
    qtbot.keyClick(ed, Qt.Key.Key_Escape)
    go_to(window, "AG004", MON)
    type_entry(qtbot, window, "9-17/30@18")  # refused: the editor stays open with the reason
    ed = editor(window)
    assert ed is not None and ed.text() == "9-17/30@18"
    assert "the break at 18:00 is outside the shift 09:00-17:00" in status(window)
    qtbot.keyClick(ed, Qt.Key.Key_Escape)
    assert stored(centre, "AG004", MON) is None


def test_copy_and_paste_keep_the_break_start(qtbot, window, centre) -> None:
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "22-6/45@2:30")
    select(window, ("AG003", MON), ("AG003", MON))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "22:00-06:00/45@02:30\n"
    go_to(window, "AG004", TUE)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_V, CTRL)
    s = stored(centre, "AG004", TUE)
    assert s is not None
    assert (s.start, s.end, s.break_minutes, s.break_start) == (time(22), time(6), 45, time(2, 30))


@pytest.fixture
def lunch_forecast(centre: Path) -> Path:
    """Mon 12:30-13:30: 4 calls of 300 s per half hour need 3 agents; AG001 and AG002 work 9-17."""
    from deskwfm.services.forecast import store_forecast
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(centre)
    try:
        store_forecast(ws, MON, MON, [ForecastInterval(MON, 750, 4, 300), ForecastInterval(MON, 780, 4, 300)])
    finally:
        ws.close()
    return centre


def test_a_staggered_break_fills_the_lunch_gap_in_the_short_row(qtbot, lunch_forecast, window) -> None:
    m = window.session.day_model

    def short() -> str:
        return m.index(SHORT, window.session.state.col_of[MON]).data(Qt.ItemDataRole.DisplayRole)

    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17/60")  # centred: at lunch 12:30-13:30, just when needed
    assert short() == "\u22121 at 12:30"
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17/60@14")
    assert short() == "\u2713"
    window.session.undo_stack.undo()
    assert short() == "\u22121 at 12:30"
