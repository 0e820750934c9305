"""Ctrl+F: find an employee by code or name (case and accents ignored).

The bar sits above the grid. Typing jumps to the first match; Enter goes to the next one and
Shift+Enter to the previous, selecting that row's cell in the current day column; Escape
closes the bar and gives the keyboard back to the grid. A match hidden by the team filter is
named, with its team, rather than silently not found.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from deskwfm.core.i18n import format_int, tr
from deskwfm.gui.grid_view import ScheduleTable
from deskwfm.gui.session import ScheduleSession


class _FindEdit(QLineEdit):
    step = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        if key == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, session: ScheduleSession, table: ScheduleTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._session = session
        self._table = table
        self._matches: list[int] = []
        self._at = -1
        self.edit = _FindEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText(tr("Find employee by code or name"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(320)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        prev_button = QToolButton(self)
        prev_button.setText("\u25b2")
        prev_button.setToolTip(tr("Previous match (Shift+Enter)"))
        next_button = QToolButton(self)
        next_button.setText("\u25bc")
        next_button.setToolTip(tr("Next match (Enter)"))
        close_button = QToolButton(self)
        close_button.setText("\u2715")
        close_button.setToolTip(tr("Close (Escape)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(tr("Find:"), self))
        layout.addWidget(self.edit)
        layout.addWidget(prev_button)
        layout.addWidget(next_button)
        layout.addWidget(self.status, 1)
        layout.addWidget(close_button)
        self.edit.textChanged.connect(self._search)
        self.edit.step.connect(self.go)
        self.edit.closed.connect(self.close_bar)
        prev_button.clicked.connect(lambda: self.go(-1))
        next_button.clicked.connect(lambda: self.go(1))
        close_button.clicked.connect(self.close_bar)
        session.loaded.connect(lambda: self._search(self.edit.text(), jump=False))
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._table.setFocus()

    def _search(self, text: str, *, jump: bool = True) -> None:
        self._matches = self._session.state.find(text)
        self._at = -1
        if jump and self._matches:
            self.go(1)
        else:
            self._show_status()

    def go(self, direction: int) -> None:
        """Select the next (1) or previous (-1) match's cell in the current day column."""
        if not self._matches:
            self._show_status()
            return
        self._at = (self._at + direction) % len(self._matches)
        cur = self._table.currentIndex()
        col = cur.column() if cur.isValid() else 0
        self._table.go_to(self._matches[self._at], col, centre=True)
        self._show_status()

    def _show_status(self) -> None:
        text = self.edit.text().strip()
        n = len(self._matches)
        bad = False
        if not text:
            msg = ""
        elif n:
            at = format_int(self._at + 1) if self._at >= 0 else "–"
            msg = tr("{at} of {n}").format(at=at, n=format_int(n))
        else:
            bad = True
            hidden = self._session.state.find_hidden(text)
            if hidden:
                e = hidden[0]
                msg = tr("{code} {name} is in team {team}, which the team filter hides").format(
                    code=e.code, name=e.name, team=e.team or "—"
                )
            else:
                msg = tr("No employee matches")
        self.status.setText(msg)
        self.edit.setStyleSheet("QLineEdit { background: #fde7e9; }" if bad else "")
