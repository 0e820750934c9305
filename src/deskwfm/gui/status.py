"""Status bar pieces: what the selection sums to (like Excel's) and refusal messages."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from deskwfm.core.money import hours_text
from deskwfm.gui.edit_ops import selected_rects
from deskwfm.gui.grid_view import ScheduleTable
from deskwfm.gui.session import ScheduleSession


class SelectionSum(QLabel):
    """``5 cells · 4 shifts · 30.00 h · $540.00 at base rate``, refreshed once per event loop turn."""

    def __init__(self, session: ScheduleSession, table: ScheduleTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selectionSum")
        self._session = session
        self._table = table
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        session.changed.connect(self._timer.start)
        session.loaded.connect(self._timer.start)
        # the table keeps one selection model for its life (models are reset, never replaced)
        table.selectionModel().selectionChanged.connect(self._timer.start)

    def refresh(self) -> None:
        s = self._session.state.selection_sum(selected_rects(self._table))
        if not s.shifts:
            self.setText(f"{s.cells} cells" if s.cells > 1 else "")
            return
        cur = self._session.state.site.currency
        self.setText(
            f"{s.cells} cells · {s.shifts} shifts · Sum {hours_text(s.minutes)} h · "
            f"{cur}{s.pay:,.2f} at base rate"
            if s.cells > 1
            else f"{hours_text(s.minutes)} h · {cur}{s.pay:,.2f} at base rate"
        )


def show_message(bar: QStatusBar, text: str, *, error: bool = False) -> None:
    bar.setStyleSheet("QStatusBar { color: #b3261e; font-weight: bold; }" if error else "")
    bar.showMessage(text, 20000 if error else 6000)
