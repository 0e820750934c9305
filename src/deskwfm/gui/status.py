"""Status bar pieces: what the selection sums to (like Excel's) and refusal messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from deskwfm.core.i18n import format_hours, format_int, format_money, tr, tr_n
from deskwfm.gui.edit_ops import cells_of, selected_rects
from deskwfm.gui.grid_view import ScheduleTable
from deskwfm.gui.session import ScheduleSession

if TYPE_CHECKING:
    from deskwfm.gui.actual_state import ActualSum


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
        session.mode_changed.connect(self._timer.start)
        # the table keeps one selection model for its life (models are reset, never replaced)
        table.selectionModel().selectionChanged.connect(self._timer.start)

    def refresh(self) -> None:
        layer = self._session.state.actual
        if self._session.mode.records_actual and layer is not None:
            self._actual(layer.selection_sum(cells_of(selected_rects(self._table))))
            return
        s = self._session.state.selection_sum(selected_rects(self._table))
        cells = tr_n("{n} cell", "{n} cells", s.cells).format(n=format_int(s.cells))
        if not s.shifts:
            self.setText(cells if s.cells > 1 else "")
            return
        money = format_money(s.pay, self._session.state.site.currency)
        text = tr("{hours} h · {money} at base rate").format(hours=format_hours(s.minutes), money=money)
        if s.cells > 1:
            text = tr("{cells} · {shifts} · Sum {rest}").format(
                cells=cells,
                shifts=tr_n("{n} shift", "{n} shifts", s.shifts).format(n=format_int(s.shifts)),
                rest=text,
            )
        if s.unpriced:
            text += " " + tr_n(
                "({n} shift without a pay rate)", "({n} shifts without a pay rate)", s.unpriced
            ).format(n=format_int(s.unpriced))
        self.setText(text)


    def _actual(self, a: ActualSum) -> None:
        """In the Actual and Variance views: the time worked in the selection against its plan."""
        if not a.worked_minutes and not a.scheduled_minutes:
            cells = tr_n("{n} cell", "{n} cells", a.cells).format(n=format_int(a.cells))
            self.setText(cells if a.cells > 1 else "")
            return
        text = tr("worked {worked} h of {scheduled} h scheduled").format(
            worked=format_hours(a.worked_minutes), scheduled=format_hours(a.scheduled_minutes)
        )
        if a.cells > 1:
            text = tr("{cells} · {recorded} · Sum {rest}").format(
                cells=tr_n("{n} cell", "{n} cells", a.cells).format(n=format_int(a.cells)),
                recorded=tr_n("{n} recorded", "{n} recorded", a.recorded).format(n=format_int(a.recorded)),
                rest=text,
            )
        self.setText(text)


_ERROR_STYLE = "QStatusBar { color: #b3261e; font-weight: bold; }"


def show_message(bar: QStatusBar, text: str, *, error: bool = False) -> None:
    """A message in the status bar; an error is red until it is replaced or cleared (any other
    message, a menu's status tip included, shows in the normal colour)."""
    if not bar.property("tracksErrors"):
        bar.setProperty("tracksErrors", True)
        bar.messageChanged.connect(lambda shown: _restyle(bar, shown))
    bar.setProperty("errorText", text if error else "")
    bar.setStyleSheet(_ERROR_STYLE if error else "")
    bar.showMessage(text, 20000 if error else 6000)


def _restyle(bar: QStatusBar, shown: str) -> None:
    if shown != bar.property("errorText") and bar.styleSheet():
        bar.setProperty("errorText", "")
        bar.setStyleSheet("")


def clear_error(bar: QStatusBar) -> None:
    """Take an error message away (the edit it was about was given up)."""
    if bar.property("errorText"):
        bar.clearMessage()
