"""The exceptions panel (View → Exceptions panel): every exception of the days and people the grid
shows — late, left early, no-show, missing logout, unscheduled work, long break, overtime not
scheduled — with its severity, the critical ones that block approving pay first.

It reads the grid's own ``ActualLayer`` (no query of its own once the shown range is loaded), so
it follows every edit, undo, import and reload; a day resolved by confirming it, correcting its
times or coding it leaves the list (resolved ones can be shown). Double-click or Enter on a line
goes to its cell in the Actual view.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.exceptions import Severity, TimeException
from deskwfm.core.i18n import format_day, render, tr
from deskwfm.core.messages import N_, msg, msg_n
from deskwfm.core.timekeeping import PayBasis
from deskwfm.gui.grid_mode import GridMode
from deskwfm.gui.grid_view import ScheduleTable
from deskwfm.gui.guard import guarded
from deskwfm.gui.session import ScheduleSession

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
HEADINGS = (N_("Severity"), N_("Employee"), N_("Name"), N_("Date"), N_("Exception"), N_("Status"))
_CRITICAL = QBrush(QColor("#b3261e"))
_WARNING = QBrush(QColor("#9a5b00"))
_RESOLVED = QBrush(QColor("#6b7280"))


def _order(e: TimeException) -> tuple[bool, bool, date, str]:
    """Blocking ones first, then the other open ones, then resolved; by date and employee."""
    return (not e.blocks, e.resolved, e.work_date, e.employee_code)


class ExceptionsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[TimeException] = []
        self.names: dict[str, str] = {}
        self.on_actual = False  # the site pays actual time: critical ones block approval
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[TimeException], names: dict[str, str], on_actual: bool) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=_order)
        self.names = names
        self.on_actual = on_actual
        self.endResetModel()

    @guarded(0)
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    @guarded(0)
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def status(self, e: TimeException) -> str:
        how = e.resolution()
        if how is not None:
            return render(how)
        if e.blocks:
            if self.on_actual:
                return tr("Blocks approval")
            return tr("Critical (blocks approval when paying actual time)")
        return tr("Open")

    @guarded(None)
    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        c = index.column()
        if role == _DISPLAY:
            if c == 0:
                return tr("Critical") if e.severity is Severity.CRITICAL else tr("Warning")
            if c == 1:
                return e.employee_code
            if c == 2:
                return self.names.get(e.employee_code, "")
            if c == 3:
                return format_day(e.work_date)
            if c == 4:
                return render(e.message())
            return self.status(e)
        if role == _FOREGROUND:
            if e.resolved:
                return _RESOLVED
            if c in (0, 5):
                return _CRITICAL if e.severity is Severity.CRITICAL else _WARNING
            return None
        if role == _FONT and c == 5 and e.blocks and self.on_actual:
            return self._bold
        if role == _TOOLTIP:
            return tr("Double-click or press Enter to go to the cell")
        return None

    @guarded(None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(HEADINGS):
            return tr(HEADINGS[section])
        return None


class ExceptionsPanel(QWidget):
    """The list, its summary and the "show resolved" choice."""

    jump = Signal(str, object)  # employee code, work date

    def __init__(self, session: ScheduleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionsPanel")
        self.session = session
        self.summary = QLabel(self)
        self.summary.setObjectName("exceptionsSummary")
        self.summary.setWordWrap(True)
        self.show_resolved = QCheckBox(tr("Show &resolved"), self)
        self.model = ExceptionsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("exceptionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((70, 70, 150, 110, 440)):
            self.table.setColumnWidth(col, width)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_resolved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        for signal in (session.changed, session.loaded, session.mode_changed):
            signal.connect(self.refresh_soon)
        self.show_resolved.toggled.connect(self.refresh_soon)
        self.table.activated.connect(self._go)
        self.table.doubleClicked.connect(self._go)

    def refresh_soon(self, *_: object) -> None:
        """Refresh once the event loop turns (an edit emits several signals) and only if shown."""
        if self.isVisible():
            self._pending.start()

    def refresh(self) -> None:
        if not self.session.ensure_actual():
            return
        st = self.session.state
        layer = st.actual
        assert layer is not None
        found = layer.exceptions()
        shown = found if self.show_resolved.isChecked() else [e for e in found if not e.resolved]
        on_actual = st.site.timekeeping.pay_basis is PayBasis.ACTUAL
        self.model.set_rows(shown, {e.code: e.name for e in st.employees}, on_actual)
        self.summary.setText(self._summary(found, on_actual))

    def _summary(self, found: list[TimeException], on_actual: bool) -> str:
        st = self.session.state
        span = f"{format_day(st.days[0])} \u2013 {format_day(st.days[-1])}"
        open_ = [e for e in found if not e.resolved]
        if not open_:
            return render(msg("{span}: no open exceptions", span=span))
        text = render(msg_n("{span}: {count} open exception", "{span}: {count} open exceptions",
                            len(open_), span=span))
        blocking = sorted({e.employee_code for e in open_ if e.blocks})
        if blocking and on_actual:
            text += " · " + render(msg_n(
                "{count} employee cannot be approved until resolved",
                "{count} employees cannot be approved until resolved",
                len(blocking),
            ))
        return text

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            e = self.model.rows[index.row()]
            self.jump.emit(e.employee_code, e.work_date)


class ExceptionsDock(QDockWidget):
    """The panel in a dock under the grid, hidden until View → Exceptions panel (Ctrl+Shift+E)."""

    def __init__(self, session: ScheduleSession, table: ScheduleTable, parent: QWidget | None = None) -> None:
        super().__init__(tr("Exceptions"), parent)
        self.setObjectName("exceptionsDock")
        self.session = session
        self._table = table
        self.panel = ExceptionsPanel(session, self)
        self.setWidget(self.panel)
        toggle = self.toggleViewAction()
        toggle.setText(tr("E&xceptions panel"))
        toggle.setShortcut("Ctrl+Shift+E")
        toggle.setStatusTip(tr("Late, early, no-show, missing logout and other exceptions of the days shown"))
        self.visibilityChanged.connect(self._shown)
        self.panel.jump.connect(self.go_to)

    def _shown(self, visible: bool) -> None:
        self.session.want_actual(visible)
        if visible:
            self.panel.refresh()

    def go_to(self, code: str, day: date) -> None:
        """Show the exception's cell in the Actual view, where it is corrected or coded."""
        session = self.session
        session.set_mode(GridMode.ACTUAL)
        st = session.state
        row, col = st.row_of.get(code), st.col_of.get(day)
        if row is None or col is None:
            return
        self._table.go_to(row, col, centre=True)
        self._table.setFocus()
