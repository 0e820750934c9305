"""Helpers shared by the grid tests: find cells, type like a user, read what the window shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from deskwfm.core.model import Shift

DISPLAY = Qt.ItemDataRole.DisplayRole


def index(win, code: str, day: date) -> QModelIndex:  # type: ignore[no-untyped-def]
    st = win.session.state
    return win.session.grid_model.index(st.row_of[code], st.col_of[day])


def shown(win, code: str, day: date) -> str:  # type: ignore[no-untyped-def]
    return index(win, code, day).data(DISPLAY) or ""


class Totals(NamedTuple):
    """A row's totals as shown beside the grid (Worked h, Leave h, Paid h, OT h, Gross)."""

    worked: str
    leave: str
    paid: str
    ot: str
    gross: str


def row_totals(win, code: str) -> Totals:  # type: ignore[no-untyped-def]
    m = win.session.totals_model
    r = win.session.state.row_of[code]
    return Totals(*(m.index(r, c).data(DISPLAY) for c in range(5)))


def sheet_totals(qtbot, win) -> Totals:  # type: ignore[no-untyped-def]
    """The totals row under the row totals, once every row is added up."""
    m = win.session.sheet_model
    qtbot.waitUntil(lambda: m.index(0, 0).data(DISPLAY) != "\u2026")
    return Totals(*(m.index(0, c).data(DISPLAY) for c in range(5)))


def day_totals(win, day: date) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    m = win.session.day_model
    c = win.session.state.col_of[day]
    return m.index(0, c).data(DISPLAY), m.index(1, c).data(DISPLAY)


def go_to(win, code: str, day: date) -> None:  # type: ignore[no-untyped-def]
    t = win.grid.table
    idx = index(win, code, day)
    t.setCurrentIndex(idx)
    t.selectionModel().select(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    t.setFocus()


def select(win, top_left: tuple[str, date], bottom_right: tuple[str, date]) -> None:  # type: ignore[no-untyped-def]
    from deskwfm.gui.edit_ops import select_rect

    a, b = index(win, *top_left), index(win, *bottom_right)
    select_rect(win.grid.table, (a.row(), a.column(), b.row(), b.column()))


def editor(win) -> QLineEdit | None:  # type: ignore[no-untyped-def]
    w = QApplication.focusWidget()
    return w if isinstance(w, QLineEdit) and w.objectName() == "cellEditor" else None


def type_entry(qtbot, win, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """Type into the current cell as a user would: the first key opens the editor."""
    table = win.grid.table
    qtbot.keyClick(table, text[0])
    ed = editor(win)
    assert ed is not None, "typing did not open the cell editor"
    if len(text) > 1:
        qtbot.keyClicks(ed, text[1:])
    qtbot.keyClick(ed, key)


def stored(path: Path, code: str, day: date) -> Shift | None:
    """What the database holds for a cell, read through a fresh connection."""
    from deskwfm.services.schedule import load_schedule
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(path)
    try:
        data = load_schedule(ws, day, day)
    finally:
        ws.close()
    return next((s for s in data.shifts if s.employee_code == code and s.work_date == day), None)


def status(win) -> str:  # type: ignore[no-untyped-def]
    return win.statusBar().currentMessage()


def when_modal(qtbot, act) -> list[object]:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` on the next modal dialog as soon as it is open (a dialog's exec()
    blocks the test, so the answer is scheduled before the action that opens it). The dialogs
    seen are returned so the test can check one was shown."""
    from PySide6.QtCore import QTimer

    seen: list[object] = []

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(dlg)
        act(dlg)

    QTimer.singleShot(0, poll)
    return seen
