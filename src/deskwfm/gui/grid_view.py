"""The grid widget: the shift table with its frozen name header, totals beside and under it.

Three views share one vertical scroll position: the shift table (names in its vertical
header), the row totals on the right, and external scrollbars so every view has the same
viewport height. The day totals footer follows the table's horizontal scroll.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen, QPolygon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTableView,
    QWidget,
)

from deskwfm.gui.delegate import DOWN, LEFT, RIGHT, UP, ShiftDelegate
from deskwfm.gui.header import HEADER_WIDTH, ROW_HEIGHT, DayHeader, RowHeader
from deskwfm.gui.session import ScheduleSession

DAY_WIDTH = 86
HEADER_HEIGHT = 40
TOTAL_WIDTHS = (62, 54, 92)
_Triggers = QAbstractItemView.EditTrigger
_Index = QModelIndex | QPersistentModelIndex
_WARN = QColor("#d93025")
_TEAM_LINE = QColor("#7f8894")


def _fixed(header: QHeaderView, size: int) -> None:
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(size)
    header.setMinimumSectionSize(min(size, 20))


class ScheduleTable(QTableView):
    """The editable table: typing starts editing, Delete clears, Enter moves down."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typing = False
        self.setObjectName("scheduleTable")
        self.setVerticalHeader(RowHeader(self))
        self.setHorizontalHeader(DayHeader(self))
        _fixed(self.horizontalHeader(), DAY_WIDTH)
        self.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
        self.horizontalHeader().setHighlightSections(True)
        self.setEditTriggers(_Triggers.AnyKeyPressed | _Triggers.EditKeyPressed | _Triggers.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(True)
        pal = self.palette()
        # a translucent highlight keeps the shift colours readable under the selection
        pal.setColor(QPalette.ColorRole.Highlight, QColor(30, 100, 200, 64))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
        self.setPalette(pal)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Cells paint in C++ (no Python delegate paint per cell); warning corners and team
        separators are drawn here once per paint, over the visible cells only."""
        super().paintEvent(event)
        model = self.model()
        state = getattr(model, "state", None)
        if state is None or state.row_count == 0 or state.col_count == 0:
            return
        vp = self.viewport()
        top = max(self.rowAt(event.rect().top()), 0)
        bottom = self.rowAt(event.rect().bottom())
        bottom = state.row_count - 1 if bottom < 0 else bottom
        left = max(self.columnAt(event.rect().left()), 0)
        right = self.columnAt(event.rect().right())
        right = state.col_count - 1 if right < 0 else right
        p = QPainter(vp)
        p.setPen(QPen(_TEAM_LINE))
        width = self.columnViewportPosition(right) + self.columnWidth(right)
        for r in range(top, bottom + 1):
            if r > 0 and state.team_start[r]:
                y = self.rowViewportPosition(r)
                p.drawLine(0, y, width, y)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_WARN)
        days = state.days
        for r in range(top, bottom + 1):
            warns = state.warnings(r)
            if not warns:
                continue
            y = self.rowViewportPosition(r)
            for c in range(left, right + 1):
                if days[c] in warns:
                    x = self.columnViewportPosition(c) + self.columnWidth(c) - 1
                    p.drawPolygon(QPolygon([QPoint(x - 8, y), QPoint(x + 1, y), QPoint(x + 1, y + 9)]))
        p.end()

    def edit(self, index: _Index, trigger: QAbstractItemView.EditTrigger, event: QEvent) -> bool:  # type: ignore[override]
        ok = super().edit(index, trigger, event)
        if ok:
            self.typing = trigger == _Triggers.AnyKeyPressed
            if trigger == _Triggers.EditKeyPressed:  # F2, as in Excel: cursor at the end, nothing selected
                editor = self.indexWidget(index)
                if isinstance(editor, QLineEdit):
                    editor.end(False)
        return ok

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if self.state() != QAbstractItemView.State.EditingState and plain:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_requested.emit()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step_cursor(DOWN)
                return
        if (
            self.state() != QAbstractItemView.State.EditingState
            and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.step_cursor(UP)  # Shift+Enter moves up, as in Excel
            return
        super().keyPressEvent(event)

    def step_cursor(self, direction: int) -> None:
        cur = self.currentIndex()
        model = self.model()
        if not cur.isValid() or model is None:
            return
        r, c = cur.row(), cur.column()
        if direction == DOWN:
            r = min(r + 1, model.rowCount() - 1)
        elif direction == UP:
            r = max(r - 1, 0)
        elif direction == RIGHT:
            c = min(c + 1, model.columnCount() - 1)
        elif direction == LEFT:
            c = max(c - 1, 0)
        self.setCurrentIndex(model.index(r, c))
        self.selectionModel().select(model.index(r, c), QItemSelectionModel.SelectionFlag.ClearAndSelect)


class _TotalsView(QTableView):
    """A read-only companion view (no focus, no selection) kept in scroll step with the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(_Triggers.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(False)
        _fixed(self.verticalHeader(), ROW_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The team separators continue across the totals beside the grid."""
        super().paintEvent(event)
        state = getattr(self.model(), "state", None)
        if state is None or self.model().rowCount() != state.row_count or state.row_count == 0:
            return
        top = max(self.rowAt(event.rect().top()), 1)
        bottom = self.rowAt(event.rect().bottom())
        bottom = state.row_count - 1 if bottom < 0 else bottom
        p = QPainter(self.viewport())
        p.setPen(QPen(_TEAM_LINE))
        for r in range(top, bottom + 1):
            if state.team_start[r]:
                y = self.rowViewportPosition(r)
                p.drawLine(0, y, self.viewport().width(), y)
        p.end()


class GridWidget(QWidget):
    def __init__(self, session: ScheduleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.table = ScheduleTable(self)
        self.table.setModel(session.grid_model)
        self.delegate = ShiftDelegate(session.check_entry, session.set_cell, lambda: self.table.typing, self)
        self.table.setItemDelegate(self.delegate)
        self.delegate.move_after_commit.connect(self.table.step_cursor)

        self.totals = _TotalsView(self)
        self.totals.setObjectName("rowTotals")
        self.totals.setModel(session.totals_model)
        self.totals.verticalHeader().hide()
        self.totals.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for i, w in enumerate(TOTAL_WIDTHS):
            self.totals.setColumnWidth(i, w)
        self.totals.setFixedWidth(sum(TOTAL_WIDTHS) + 2)

        self.footer = _TotalsView(self)
        self.footer.setObjectName("dayTotals")
        self.footer.setModel(session.day_model)
        self.footer.horizontalHeader().hide()
        self.footer.verticalHeader().setFixedWidth(HEADER_WIDTH)
        _fixed(self.footer.horizontalHeader(), DAY_WIDTH)
        self.footer.setFixedHeight(session.day_model.rowCount() * ROW_HEIGHT + 2)
        self.footer.setStyleSheet("QTableView#dayTotals { background: #f4f5f7; font-weight: bold; }")
        self.footer_note = QLabel("", self)
        self.footer_note.setFixedWidth(sum(TOTAL_WIDTHS) + 2)
        self.footer_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 0, 0)
        layout.addWidget(self.totals, 0, 1)
        layout.addWidget(self.vbar, 0, 2)
        layout.addWidget(self.footer, 1, 0)
        layout.addWidget(self.footer_note, 1, 1)
        layout.addWidget(self.hbar, 2, 0)
        layout.setColumnStretch(0, 1000)  # the table takes the room up to its full width
        layout.setColumnStretch(3, 1)
        self._sync_scrollbars()
        self.after_reset()
        self._kept = (0, 0)
        model = session.grid_model
        model.modelAboutToBeReset.connect(self._keep_current)
        model.modelReset.connect(self._restore_current)

    def _keep_current(self) -> None:
        cur = self.table.currentIndex()
        if cur.isValid():
            self._kept = (cur.row(), cur.column())

    def _restore_current(self) -> None:
        """A new range keeps the cursor on the same row and day column, so the keyboard user
        can go on typing after Alt+Right."""
        model = self.session.grid_model
        rows, cols = model.rowCount(), model.columnCount()
        if rows and cols:
            idx = model.index(min(self._kept[0], rows - 1), min(self._kept[1], cols - 1))
            self.table.setCurrentIndex(idx)

    def _sync_scrollbars(self) -> None:
        tv, rv = self.table.verticalScrollBar(), self.totals.verticalScrollBar()
        th, fh = self.table.horizontalScrollBar(), self.footer.horizontalScrollBar()

        def v_range(lo: int, hi: int) -> None:
            self.vbar.setRange(lo, hi)
            self.vbar.setPageStep(tv.pageStep())
            self.vbar.setVisible(hi > lo)

        def h_range(lo: int, hi: int) -> None:
            self.hbar.setRange(lo, hi)
            self.hbar.setPageStep(th.pageStep())
            self.hbar.setVisible(hi > lo)

        tv.rangeChanged.connect(v_range)
        th.rangeChanged.connect(h_range)
        self.vbar.valueChanged.connect(tv.setValue)
        self.vbar.valueChanged.connect(rv.setValue)
        tv.valueChanged.connect(self.vbar.setValue)
        rv.valueChanged.connect(self.vbar.setValue)
        self.hbar.valueChanged.connect(th.setValue)
        self.hbar.valueChanged.connect(fh.setValue)
        th.valueChanged.connect(self.hbar.setValue)
        v_range(tv.minimum(), tv.maximum())
        h_range(th.minimum(), th.maximum())

    def full_width(self) -> int:
        """Width that shows every day column, the totals and the scrollbar without a gap."""
        return self.table.maximumWidth() + self.totals.width() + self.vbar.sizeHint().width()

    def after_reset(self) -> None:
        """Re-apply fixed widths after the models were reset to a new range; a short range
        keeps its totals right beside the last day instead of across an empty gap."""
        for i, w in enumerate(TOTAL_WIDTHS):
            self.totals.setColumnWidth(i, w)
        full = HEADER_WIDTH + self.session.state.col_count * DAY_WIDTH + 1
        self.table.setMaximumWidth(full)
        self.footer.setMaximumWidth(full)
        self.hbar.setMaximumWidth(full)
