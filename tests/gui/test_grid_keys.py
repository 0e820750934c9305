"""Keys as in a spreadsheet: menu mnemonics, jumps that select where they land, moves that
collapse the selection, and a refused entry's error that goes when the entry does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.gui.conftest import MON
from tests.gui.grid_helpers import editor, go_to, index, select, shown, status, stored, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
SUN, SAT = MON - timedelta(days=1), MON + timedelta(days=5)
CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
)


def _selected(window) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return sorted((i.row(), i.column()) for i in window.grid.table.selectedIndexes())


def _current(window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    cur = window.grid.table.currentIndex()
    return cur.row(), cur.column()


def test_every_menu_has_its_own_mnemonic_and_alt_t_opens_settings(qtbot, window) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    letters = [t[t.index("&") + 1].lower() for t in titles]
    assert len(set(letters)) == len(letters), titles
    assert "Se&ttings" in titles
    qtbot.keyClick(window, Qt.Key.Key_T, ALT)
    settings = next(a.menu() for a in window.menuBar().actions() if a.text() == "Se&ttings")
    qtbot.waitUntil(settings.isVisible)
    assert isinstance(QApplication.activePopupWidget(), QMenu)
    settings.close()


def test_ctrl_home_and_ctrl_end_select_where_they_land_so_a_paste_goes_there(qtbot, window, centre) -> None:
    table = window.grid.table
    select(window, ("AG004", MON), ("AG005", SAT))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL)
    assert _current(window) == (0, 0) and _selected(window) == [(0, 0)]
    QApplication.clipboard().setText("E\n")
    qtbot.keyClick(table, Qt.Key.Key_V, CTRL)
    assert shown(window, "AG001", SUN) == "E"
    assert stored(centre, "AG004", MON) is None  # not into the block that was selected before
    qtbot.keyClick(table, Qt.Key.Key_End, CTRL)
    assert _current(window) == (5, 6) and _selected(window) == [(5, 6)]
    # Ctrl+Shift+Home selects from here to the first cell, as in a spreadsheet
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL | SHIFT)
    assert len(_selected(window)) == 6 * 7


def test_moving_collapses_the_selection_even_when_the_cursor_cannot_move(qtbot, window, centre) -> None:
    table = window.grid.table
    go_to(window, "AG006", MON)  # the last row
    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_Right, SHIFT)
    assert len(_selected(window)) == 6
    type_entry(qtbot, window, "9-17", Qt.Key.Key_Escape)  # typed and given up: nothing stored
    qtbot.keyClick(table, Qt.Key.Key_Down)  # already on the last row
    assert _selected(window) == [_current(window)]
    go_to(window, "AG006", MON)
    for d in range(6):
        window.session.set_cell(5, 1 + d, "9-17")
    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # clears the one cell the cursor is on, not six
    assert [shown(window, "AG006", MON + timedelta(days=d)) for d in range(6)] == ["9\u201317"] * 5 + [""]


def test_escape_takes_the_refused_entry_and_its_error_away(qtbot, window) -> None:
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "25-3")
    assert "hour 25 is not a time" in status(window)
    assert window.statusBar().styleSheet()  # red
    qtbot.keyClick(editor(window), Qt.Key.Key_Escape)
    assert status(window) == ""
    # the next good edit after a refusal shows in the normal colour
    type_entry(qtbot, window, "25-3")
    ed = editor(window)
    ed.clear()
    qtbot.keyClicks(ed, "9-17")
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    assert shown(window, "AG003", MON) == "9\u201317"
    assert "hour 25" not in status(window) and window.statusBar().styleSheet() == ""
    assert index(window, "AG003", MON).isValid()
