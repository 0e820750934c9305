"""The context menu of the grid's cells (right-click or the menu key).

It reuses the window's Edit actions, so each entry shows the same shortcut as the menu bar and
does exactly the same thing: Note… (Shift+F2), Remove note, History…, Copy, Paste, Clear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from deskwfm.gui.main_window import MainWindow


def build_cell_menu(win: MainWindow) -> QMenu:
    """The menu for the current cell and selection (entries enabled as they apply)."""
    acts = win.actions_
    table = win.grid.table
    cur = table.currentIndex()
    shift = win.session.state.shift_at(cur.row(), cur.column()) if cur.isValid() else None
    menu = QMenu(table)
    menu.setObjectName("cellMenu")
    menu.addAction(acts.note)  # on an empty cell it says why there is nothing to note yet
    if shift is not None and shift.note:
        menu.addAction(acts.remove_note)
    menu.addAction(acts.history)
    menu.addSeparator()
    menu.addAction(acts.copy)
    menu.addAction(acts.paste)
    menu.addAction(acts.clear)
    return menu


def show_cell_menu(win: MainWindow, pos: QPoint) -> None:
    menu = build_cell_menu(win)
    win.cell_menu = menu  # kept for tests and so it is not collected while open
    menu.popup(pos)
