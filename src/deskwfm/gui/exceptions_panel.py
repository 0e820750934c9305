"""The exceptions panel (View → Exceptions panel): every exception of the days and people the grid
shows — late, left early, no-show, missing logout, unscheduled work, long break, overtime not
scheduled — with its severity, the critical ones that block approving pay first.

It reads the grid's own ``ActualLayer`` (no query of its own once the shown range is loaded), so
it follows every edit, undo, import and reload; a day resolved by confirming it, correcting its
times or coding it leaves the list (resolved ones can be shown). The clerk works down the list:
Enter (or a double-click) goes to the line's cell in the Actual view; "Resolve…" (Ctrl+R) records
the day's times, an absence code and a note in one dialog; "Confirm as scheduled" (Ctrl+K) records
a no-show's day as worked as planned. After each, the next line is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.exceptions import ExceptionKind, Severity, TimeException
from deskwfm.core.i18n import format_day, format_long_date, render, tr
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
            return tr("Enter or double-click: go to the cell · Ctrl+R: resolve · "
                      "Ctrl+K: confirm as scheduled")
        return None

    @guarded(None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(HEADINGS):
            return tr(HEADINGS[section])
        return None


class _KeyTable(QTableView):
    """The list, whose own keys (Ctrl+R, Ctrl+K) win over the window's while it has the focus
    (in the grid they fill right and confirm the grid's selection)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: dict[str, Callable[[], object]] = {}  # "Ctrl+R" (portable text) -> action

    def _action(self, event: QKeyEvent) -> Callable[[], object] | None:
        text = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
        return self.keys.get(text)

    def event(self, event: QEvent) -> bool:
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._action(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        action = self._action(event)
        if action is not None:
            action()
            return
        super().keyPressEvent(event)


class ExceptionsPanel(QWidget):
    """The list, its summary, the "show resolved" choice and what can be done with a line."""

    jump = Signal(str, object)  # employee code, work date

    def __init__(self, session: ScheduleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionsPanel")
        self.session = session
        self.summary = QLabel(self)
        self.summary.setObjectName("exceptionsSummary")
        self.summary.setWordWrap(True)
        self.show_resolved = QCheckBox(tr("Sho&w resolved"), self)
        self.model = ExceptionsModel(self)
        self.table = _KeyTable(self)
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
        self.go_button = QPushButton(tr("&Go to cell"), self)
        self.go_button.setToolTip(tr("Show the day in the Actual view (Enter)"))
        self.resolve_button = QPushButton(tr("&Resolve\u2026"), self)
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.setToolTip(tr("Correct the times, code the day or add a note (Ctrl+R)"))
        self.confirm_button = QPushButton(tr("Confir&m as scheduled"), self)
        self.confirm_button.setToolTip(tr("Record the day as worked exactly as scheduled (Ctrl+K)"))
        self.go_button.clicked.connect(lambda: self._go(self.table.currentIndex()))
        self.resolve_button.clicked.connect(self.resolve)
        self.confirm_button.clicked.connect(self.confirm)
        self.table.keys = {"Ctrl+R": self.resolve, "Ctrl+K": self.confirm}
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for b in (self.go_button, self.resolve_button, self.confirm_button):
            top.addWidget(b)
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
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self._enable()

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
        at = self.table.currentIndex()
        self.model.set_rows(shown, {e.code: e.name for e in st.employees}, on_actual)
        self.summary.setText(self._summary(found, on_actual))
        if at.isValid() and self.model.rows:  # keep the place: the next line takes a resolved one's
            self.table.selectRow(min(at.row(), len(self.model.rows) - 1))

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

    def _enable(self) -> None:
        e = self.current()
        self.go_button.setEnabled(e is not None)
        self.resolve_button.setEnabled(e is not None)
        self.confirm_button.setEnabled(e is not None and e.kind is ExceptionKind.NO_SHOW and not e.resolved)

    def current(self) -> TimeException | None:
        index = self.table.currentIndex()
        rows = self.model.rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def _cell(self, e: TimeException) -> tuple[int, int] | None:
        st = self.session.state
        row, col = st.row_of.get(e.employee_code), st.col_of.get(e.work_date)
        return None if row is None or col is None else (row, col)

    def _go(self, index: QModelIndex) -> None:
        if index.isValid():
            e = self.model.rows[index.row()]
            self.jump.emit(e.employee_code, e.work_date)

    def resolve(self) -> bool:
        """Ask for the selected line's times, code and note and record them (one undo step)."""
        from deskwfm.gui.resolve_dialog import ResolveDialog, resolve_label

        e, layer = self.current(), self.session.state.actual
        cell = self._cell(e) if e is not None else None
        if e is None or cell is None or layer is None:
            return False
        st = self.session.state
        emp = st.employees[cell[0]]
        about = f"{emp.code} {emp.name} \u00b7 {format_long_date(e.work_date)}"
        here = [render(x.message()) for x in self.model.rows
                if (x.employee_code, x.work_date) == (e.employee_code, e.work_date)]
        dlg = ResolveDialog(about, here, layer.recorded(*cell), list(layer.codes.values()), self)
        if dlg.exec() != ResolveDialog.DialogCode.Accepted:
            return False
        label = resolve_label(e.employee_code, e.work_date)
        done = self.session.record_day(*cell, dlg.text(), dlg.note(), label)
        self.table.setFocus()
        return done

    def confirm(self) -> bool:
        """Record the selected no-show's day as worked as scheduled."""
        e = self.current()
        cell = self._cell(e) if e is not None else None
        if e is None or cell is None:
            return False
        if not self.confirm_button.isEnabled():  # something was recorded: confirming keeps it
            self.session.error.emit(tr("Confirm as scheduled settles a no-show; correct the times or code "
                                       "the day with Resolve\u2026 (Ctrl+R)"))
            return False
        done = self.session.confirm([cell])
        self.table.setFocus()
        return done


class ExceptionsDock(QDockWidget):
    """The panel in a dock under the grid, hidden until View → Exceptions panel (Ctrl+Shift+E)."""

    def __init__(self, session: ScheduleSession, table: ScheduleTable, parent: QWidget | None = None) -> None:
        super().__init__(tr("Exceptions"), parent)
        self.setObjectName("exceptionsDock")
        self.session = session
        self._table = table
        self.panel = ExceptionsPanel(session, self)
        self.setWidget(self.panel)
        self._sized = False  # the first time it opens, a quarter of the window high
        # Not Qt's toggleViewAction: with the panel open but the grid focused (after going to a
        # cell), Ctrl+Shift+E comes back to the list instead of closing it.
        self.toggle_action = QAction(tr("E&xceptions panel"), self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.toggle_action.setStatusTip(
            tr("Late, early, no-show, missing logout and other exceptions of the days shown")
        )
        self.toggle_action.triggered.connect(self._toggle)
        self.visibilityChanged.connect(self.toggle_action.setChecked)
        self.visibilityChanged.connect(self._shown)
        self.panel.jump.connect(self.go_to)

    def _toggle(self) -> None:
        if self.isVisible() and not self.panel.table.hasFocus():
            self.toggle_action.setChecked(True)
            self.panel.table.setFocus()
            return
        self.setVisible(not self.isVisible())
        if self.isVisible():
            self.panel.table.setFocus()

    def _shown(self, visible: bool) -> None:
        self.session.want_actual(visible)
        if visible:
            self.panel.refresh()
            window = self.parentWidget()
            if not self._sized and isinstance(window, QMainWindow):  # the grid keeps most of the height
                self._sized = True
                window.resizeDocks([self], [max(170, window.height() // 4)], Qt.Orientation.Vertical)

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
