"""Notes on cells: the context menu (Note…, Remove note, Copy, Paste, Clear) and Shift+F2 write
them as one undo step; a noted cell has a corner mark and the note in its tooltip."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from deskwfm.gui.grid_model import NOTE_ROLE
from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, index, select, shown, status, stored, type_entry, when_modal

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing)")
TUE = MON + timedelta(days=1)
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _right_click(qtbot, window, code: str, day):  # type: ignore[no-untyped-def]
    """Right-click a cell; the context menu that opens."""
    table = window.grid.table
    pos = table.visualRect(index(window, code, day)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, table.viewport().mapToGlobal(pos))
    QApplication.sendEvent(table.viewport(), event)
    menu = window.cell_menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    return menu


def _entries(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def _choose(qtbot, menu, text: str) -> None:  # type: ignore[no-untyped-def]
    act = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())


def _type_note(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    def act(dlg) -> None:  # type: ignore[no-untyped-def]
        edit = dlg.findChild(QPlainTextEdit, "noteEdit")
        edit.clear()
        for i, line in enumerate(text.split("\n")):
            if i:
                qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter starts a new line
            qtbot.keyClicks(edit, line)
        qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves

    when_modal(qtbot, act)


def _note_mark(window, code: str, day) -> QColor:  # type: ignore[no-untyped-def]
    table = window.grid.table
    table.viewport().repaint()
    rect = table.visualRect(index(window, code, day))
    return table.viewport().grab().toImage().pixelColor(rect.left() + 1, rect.top() + 1)


def test_a_note_from_the_context_menu_shows_and_undoes_in_one_step(qtbot, window, centre) -> None:
    before = _note_mark(window, "AG001", MON)
    menu = _right_click(qtbot, window, "AG001", MON)
    assert _entries(menu) == ["Note…", "Cell history…", "Copy", "Paste", "Clear"]
    _type_note(qtbot, "swapped with AG014")
    _choose(qtbot, menu, "Note…")
    qtbot.waitUntil(lambda: index(window, "AG001", MON).data(NOTE_ROLE) == "swapped with AG014")
    assert stored(centre, "AG001", MON).note == "swapped with AG014"
    assert shown(window, "AG001", MON) == "9\u201317"  # the shift itself is unchanged
    assert "Note: swapped with AG014" in index(window, "AG001", MON).data(TOOLTIP)
    assert _note_mark(window, "AG001", MON) == QColor("#1a73e8") != before
    assert window.actions_.undo.text().replace("&", "") == "Undo Note on AG001 Mon 2026-11-23"
    window.actions_.undo.trigger()
    assert stored(centre, "AG001", MON).note == ""
    assert _note_mark(window, "AG001", MON) != QColor("#1a73e8")
    window.actions_.redo.trigger()
    assert stored(centre, "AG001", MON).note == "swapped with AG014"
    # the menu of a noted cell offers to remove the note
    menu = _right_click(qtbot, window, "AG001", MON)
    assert _entries(menu) == ["Note…", "Remove note", "Cell history…", "Copy", "Paste", "Clear"]
    _choose(qtbot, menu, "Remove note")
    qtbot.waitUntil(lambda: stored(centre, "AG001", MON).note == "")


def test_shift_f2_writes_a_note_and_an_empty_cell_says_why_it_cannot(qtbot, window, centre) -> None:
    go_to(window, "AG002", TUE)
    _type_note(qtbot, "leaves at 15:00\nfor the dentist")
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: stored(centre, "AG002", TUE).note == "leaves at 15:00\nfor the dentist")
    # typing a new shift over a noted cell keeps its note
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    go_to(window, "AG002", TUE)
    type_entry(qtbot, window, "10-18")
    assert stored(centre, "AG002", TUE).note == "leaves at 15:00\nfor the dentist"
    assert "Note: leaves at 15:00\nfor the dentist" in index(window, "AG002", TUE).data(TOOLTIP)
    go_to(window, "AG003", TUE)
    said: list[str] = []
    when_modal(qtbot, lambda box: (said.append(box.text()), box.close()))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(said))
    assert "a note belongs to a shift; type the shift first" in said[0]
    assert "a note belongs to a shift" in status(window)
    assert stored(centre, "AG003", TUE) is None


def test_the_context_menu_copies_pastes_and_clears_the_cell_under_the_pointer(qtbot, window, centre) -> None:
    select(window, ("AG004", MON), ("AG006", TUE))  # a block elsewhere
    menu = _right_click(qtbot, window, "AG001", MON)  # a right-click outside it selects the cell
    assert window.grid.table.currentIndex() == index(window, "AG001", MON)
    _choose(qtbot, menu, "Copy")
    assert QApplication.clipboard().text() == "09:00-17:00\n"
    menu = _right_click(qtbot, window, "AG003", TUE)
    _choose(qtbot, menu, "Paste")
    assert shown(window, "AG003", TUE) == "9\u201317"
    menu = _right_click(qtbot, window, "AG003", TUE)
    _choose(qtbot, menu, "Clear")
    assert shown(window, "AG003", TUE) == "" and stored(centre, "AG003", TUE) is None


def test_the_menu_key_opens_the_menu_at_the_current_cell(qtbot, window) -> None:
    go_to(window, "AG002", MON)
    table = window.grid.table
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    QApplication.sendEvent(table.viewport(), event)
    menu = window.cell_menu
    qtbot.waitUntil(menu.isVisible)
    cell = table.visualRect(index(window, "AG002", MON))
    assert menu.pos() == table.viewport().mapToGlobal(cell.bottomLeft())
    menu.close()


def test_history_lists_every_change_of_the_cell_newest_first(qtbot, window) -> None:
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17")
    go_to(window, "AG003", MON)
    _type_note(qtbot, "trainee")
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: index(window, "AG003", MON).data(NOTE_ROLE) == "trainee")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    menu = _right_click(qtbot, window, "AG003", MON)
    seen: list[list[list[str]]] = []

    def read(dlg) -> None:  # type: ignore[no-untyped-def]
        m = dlg.model  # When, Who, How, (What, Employee, Day: hidden), Before, After
        seen.append([[m.index(r, c).data() for c in (0, 1, 2, 6, 7)] for r in range(m.rowCount())])
        dlg.reject()

    when_modal(qtbot, read)
    _choose(qtbot, menu, "Cell history…")
    qtbot.waitUntil(lambda: bool(seen))
    [(newest_how, newest_before, newest_after), (first_how, first_before, first_after)] = [
        (r[2], r[3], r[4]) for r in seen[0]
    ]
    assert (newest_how, newest_before, newest_after) == ("note", "09:00-17:00", "09:00-17:00 (trainee)")
    assert (first_how, first_before, first_after) == ("grid edit", "—", "09:00-17:00")
