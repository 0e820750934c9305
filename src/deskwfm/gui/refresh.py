"""Show another workstation's changes: poll the database's change stamp and reload the shown
range when it moved, keeping the cursor, the selection and the scroll position.

The poll is one tiny query every two seconds. It never reloads under a cell the user is
typing in: the reload waits until the editor closes. The window's own writes (grid edits,
settings dialogs, imports, the payroll screen, an accepted auto-schedule) move the stamp too, but
the workspace knows its own commits (``Workspace.moved_elsewhere``), so they cause no reload and
no "changed on another workstation".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from deskwfm.gui.session import ScheduleSession

POLL_MS = 2000
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Cell:
    code: str
    day: date


@dataclass(frozen=True, slots=True)
class ViewPlace:
    """Where the user is, by employee and date (rows move when someone adds an employee)."""

    current: _Cell | None
    selection: tuple[tuple[_Cell, _Cell], ...]  # top-left and bottom-right of each range
    scroll: tuple[int, int]

    @classmethod
    def capture(cls, table: QTableView, session: ScheduleSession) -> ViewPlace:
        st = session.state

        def cell(row: int, col: int) -> _Cell:
            return _Cell(st.employees[row].code, st.days[col])

        cur = table.currentIndex()
        current = cell(cur.row(), cur.column()) if cur.isValid() else None
        sel = table.selectionModel().selection()
        ranges = tuple(
            (cell(r.top(), r.left()), cell(r.bottom(), r.right()))
            for r in (sel.at(i) for i in range(sel.count()))
        )
        return cls(current, ranges, (table.horizontalScrollBar().value(), table.verticalScrollBar().value()))

    def restore(self, table: QTableView, session: ScheduleSession) -> None:
        st = session.state
        model = table.model()

        def place(c: _Cell) -> tuple[int, int] | None:
            row, col = st.row_of.get(c.code), st.col_of.get(c.day)
            return None if row is None or col is None else (row, col)

        sm = table.selectionModel()
        selection = QItemSelection()
        for a, b in self.selection:
            pa, pb = place(a), place(b)
            if pa is not None and pb is not None:
                selection.select(model.index(*pa), model.index(*pb))
        cur = place(self.current) if self.current is not None else None
        if cur is not None:
            sm.setCurrentIndex(model.index(*cur), QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        table.horizontalScrollBar().setValue(self.scroll[0])
        table.verticalScrollBar().setValue(self.scroll[1])


class ChangeWatcher(QObject):
    """Reloads the session when the database changed elsewhere; ``refreshed`` after each."""

    refreshed = Signal()

    def __init__(
        self, session: ScheduleSession, table: QTableView, parent: QObject | None = None,
        *, interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._table = table
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        delegate = table.itemDelegate()
        if delegate is not None:  # a reload put off while typing happens as the editor closes
            delegate.closeEditor.connect(lambda *_: QTimer.singleShot(0, self.check))
        self.timer.start()

    def busy(self) -> bool:
        """The user is typing in a cell: a reload now would throw the editor away."""
        return self._table.state() == QAbstractItemView.State.EditingState

    def check(self) -> bool:
        """Reload if another workstation changed the database; True if it did."""
        if self.busy():
            return False
        try:
            moved = self._session.changed_elsewhere()
        except Exception:  # a dropped server connection: try again at the next tick
            _log.warning("could not read the change stamp", exc_info=True)
            return False
        if not moved:
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        place = ViewPlace.capture(self._table, self._session)
        self._session.reload()
        place.restore(self._table, self._session)
        self.refreshed.emit()

