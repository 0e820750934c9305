"""The grid widget: the shift table with its frozen name header, totals beside and under it.

Three views share one vertical scroll position: the shift table (names in its vertical
header), the row totals on the right, and external scrollbars so every view has the same
viewport height. The day totals footer follows the table's horizontal scroll; the sheet
totals sit under the row totals, outside the scrolled area, so they stay in view.

The day columns share the window's free width (``layout_columns``): at 1024 px a week still
shows all seven days (the team column goes, names are elided); on a wide screen the days
grow instead of leaving an empty band.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygon,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskwfm.gui.delegate import DOWN, LEFT, RIGHT, UP, ShiftDelegate
from deskwfm.gui.guard import guarded
from deskwfm.gui.header import CODE_W, NAME_MAX, NAME_MIN, ROW_HEIGHT, TEAM_W, DayHeader, RowHeader
from deskwfm.gui.session import ScheduleSession
from deskwfm.gui.totals_models import GROSS, HEADERS

DAY_MIN = 82  # all 7 days fit a 1024 px window
DAY_PREF = 104  # "7:30–15:30 /30" and "7–15:30 ☕11:30" fit
DAY_MAX = 220
HEADER_HEIGHT = 40
_Triggers = QAbstractItemView.EditTrigger
_Index = QModelIndex | QPersistentModelIndex
_WARN = QColor("#d93025")
_NOTE = QColor("#1a73e8")
_CARRIED = QColor("#6b5b95")
_TEAM_LINE = QColor("#7f8894")
_Key = Qt.Key
_NAV_KEYS = frozenset({
    _Key.Key_Up, _Key.Key_Down, _Key.Key_Left, _Key.Key_Right, _Key.Key_Home, _Key.Key_End,
    _Key.Key_PageUp, _Key.Key_PageDown,
})
_SEL = QItemSelectionModel.SelectionFlag


def _fixed(header: QHeaderView, size: int) -> None:
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(size)
    header.setMinimumSectionSize(min(size, 20))


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    team: int  # team column of the name header (0: hidden)
    name: int
    day: int

    @property
    def header(self) -> int:
        return self.team + CODE_W + self.name


def layout_columns(available: int, days: int) -> ColumnLayout:
    """Share ``available`` pixels (the window less the totals and the scrollbar) between the
    name header and ``days`` day columns: days first get DAY_PREF, then names grow to
    NAME_MAX, then days grow to DAY_MAX. When the days would not fit at DAY_MIN, the team
    column goes first, then names shrink to NAME_MIN; a range too long for the window scrolls."""
    for team in (TEAM_W, 0):
        room = available - team - CODE_W
        if room - NAME_MIN >= days * DAY_MIN or team == 0:
            break
    if room - NAME_MIN < days * DAY_MIN:  # scrolls anyway: keep the team and a readable name
        return ColumnLayout(TEAM_W, NAME_MAX - 40, DAY_MIN)
    name = max(NAME_MIN, min(NAME_MAX, room - days * DAY_PREF))
    day = max(DAY_MIN, min(DAY_MAX, (room - name) // days))
    return ColumnLayout(team, name, day)


def totals_widths(fm: QFontMetrics, heading: QFontMetrics) -> list[int]:
    """Widths of the row-total columns from the fonts: hours such as 168.00 and headings such
    as "Worked", a gross such as $12,345.00."""
    hours = fm.horizontalAdvance("000.00") + 12
    widths = [max(hours, heading.horizontalAdvance(h.split("\n")[0]) + 10) for h in HEADERS]
    widths[GROSS] = fm.horizontalAdvance("$00,000.00") + 10
    return widths


class ScheduleTable(QTableView):
    """The editable table: typing starts editing, Delete clears, Enter moves down; moving the
    cursor collapses the selection to the new cell, as in a spreadsheet."""

    clear_requested = Signal()
    menu_requested = Signal(QPoint)  # global position of a context menu over the cells

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typing = False
        self.setObjectName("scheduleTable")
        self.setVerticalHeader(RowHeader(self))
        self.setHorizontalHeader(DayHeader(self))
        _fixed(self.horizontalHeader(), DAY_PREF)
        self.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
        self.horizontalHeader().setHighlightSections(True)
        self.horizontalHeader().setSectionsClickable(True)  # a click on a day selects its column
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

    @property
    def row_header(self) -> RowHeader:
        header = self.verticalHeader()
        assert isinstance(header, RowHeader)
        return header

    @guarded(None)
    def paintEvent(self, event: QPaintEvent) -> None:
        """Cells paint in C++ (no Python delegate paint per cell); team separators, warning
        corners (red, top right), note corners (blue, top left) and the mark of hours carried
        in from the night before (left edge of the first day) are drawn here once per paint,
        over the visible cells only."""
        super().paintEvent(event)
        model = self.model()
        state = getattr(model, "state", None)
        if state is None or state.row_count == 0 or state.col_count == 0:
            return
        top = max(self.rowAt(event.rect().top()), 0)
        bottom = self.rowAt(event.rect().bottom())
        bottom = state.row_count - 1 if bottom < 0 else bottom
        left = max(self.columnAt(event.rect().left()), 0)
        right = self.columnAt(event.rect().right())
        right = state.col_count - 1 if right < 0 else right
        with QPainter(self.viewport()) as p:
            p.setPen(QPen(_TEAM_LINE))
            width = self.columnViewportPosition(right) + self.columnWidth(right)
            for r in range(top, bottom + 1):
                if r > 0 and state.team_start[r]:
                    y = self.rowViewportPosition(r)
                    p.drawLine(0, y, width, y)
            actual = getattr(model, "actual_view", None)
            if actual is not None:  # the Actual or Variance view: exceptions and notes of actual time
                from deskwfm.gui.actual_model import paint_marks

                paint_marks(self, p, actual, range(top, bottom + 1), range(left, right + 1))
                return
            p.setPen(Qt.PenStyle.NoPen)
            days = state.days
            for r in range(top, bottom + 1):
                warns = state.warnings(r)
                cells = state.cells[state.employees[r].code]
                y = self.rowViewportPosition(r)
                for c in range(left, right + 1):
                    d = days[c]
                    if d in warns:
                        x = self.columnViewportPosition(c) + self.columnWidth(c) - 1
                        p.setBrush(_WARN)
                        p.drawPolygon(QPolygon([QPoint(x - 8, y), QPoint(x + 1, y), QPoint(x + 1, y + 9)]))
                    s = cells.get(d)
                    if s is not None and s.note:
                        x = self.columnViewportPosition(c)
                        p.setBrush(_NOTE)
                        p.drawPolygon(QPolygon([QPoint(x, y), QPoint(x + 8, y), QPoint(x, y + 8)]))
                if left == 0 and state.carried_in(r) is not None:
                    x = self.columnViewportPosition(0)
                    mid = y + self.rowHeight(r) // 2
                    p.setBrush(_CARRIED)
                    p.drawPolygon(QPolygon([QPoint(x, mid - 5), QPoint(x + 5, mid), QPoint(x, mid + 5)]))

    def edit(self, index: _Index, trigger: QAbstractItemView.EditTrigger, event: QEvent) -> bool:  # type: ignore[override]
        ok = super().edit(index, trigger, event)
        if ok:
            self.typing = trigger == _Triggers.AnyKeyPressed
            if trigger == _Triggers.EditKeyPressed:  # F2, as in Excel: cursor at the end, nothing selected
                editor = self.indexWidget(index)
                if isinstance(editor, QLineEdit):
                    editor.end(False)
        return ok

    def selectionCommand(  # noqa: N802 - Qt override
        self, index: _Index, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        """Ctrl+Home, Ctrl+End, Ctrl+arrows jump and select where they land (Qt would move the
        cursor only, so the next paste would go somewhere the user cannot see selected)."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in _NAV_KEYS:
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.ControlModifier:
                return _SEL.SelectCurrent if mods & Qt.KeyboardModifier.ShiftModifier else _SEL.ClearAndSelect
        return super().selectionCommand(index, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and plain:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_requested.emit()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step_cursor(DOWN)
                return
        shift = mods & Qt.KeyboardModifier.ShiftModifier
        if not editing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
            self.step_cursor(UP)  # Shift+Enter moves up, as in Excel
            return
        super().keyPressEvent(event)
        if not editing and key in _NAV_KEYS and not shift:
            self.collapse_selection()  # e.g. Down on the last row: the old block must not stay selected

    def collapse_selection(self) -> None:
        """Select the current cell only."""
        cur = self.currentIndex()
        sel = self.selectionModel()
        if cur.isValid() and sel is not None and sel.selectedIndexes() != [cur]:
            sel.select(cur, _SEL.ClearAndSelect)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right-click outside the selection selects the cell under the pointer first."""
        idx = self.indexAt(event.pos())
        sel = self.selectionModel()
        if event.reason() == QContextMenuEvent.Reason.Mouse and idx.isValid() and not sel.isSelected(idx):
            self.setCurrentIndex(idx)
            sel.select(idx, _SEL.ClearAndSelect)
        if not self.currentIndex().isValid():
            return
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            pos = event.globalPos()
        else:  # the menu key: open at the current cell
            rect = self.visualRect(self.currentIndex())
            pos = self.viewport().mapToGlobal(rect.bottomLeft())
        self.menu_requested.emit(pos)
        event.accept()

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
        self.go_to(r, c)

    def go_to(self, row: int, col: int, *, centre: bool = False) -> None:
        """Make (row, col) the current and only selected cell and bring it into view (in the
        middle with ``centre``, where a found row is easy to spot)."""
        model = self.model()
        idx = model.index(row, col)
        if not idx.isValid():
            return
        self.setCurrentIndex(idx)
        self.selectionModel().select(idx, _SEL.ClearAndSelect)
        hint = QAbstractItemView.ScrollHint
        self.scrollTo(idx, hint.PositionAtCenter if centre else hint.EnsureVisible)


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

    @guarded(None)
    def paintEvent(self, event: QPaintEvent) -> None:
        """The team separators continue across the totals beside the grid."""
        super().paintEvent(event)
        state = getattr(self.model(), "state", None)
        if state is None or self.model().rowCount() != state.row_count or state.row_count == 0:
            return
        top = max(self.rowAt(event.rect().top()), 1)
        bottom = self.rowAt(event.rect().bottom())
        bottom = state.row_count - 1 if bottom < 0 else bottom
        with QPainter(self.viewport()) as p:
            p.setPen(QPen(_TEAM_LINE))
            for r in range(top, bottom + 1):
                if state.team_start[r]:
                    y = self.rowViewportPosition(r)
                    p.drawLine(0, y, self.viewport().width(), y)


class GridWidget(QWidget):
    def __init__(self, session: ScheduleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.table = ScheduleTable(self)
        self.table.setModel(session.grid_model)
        self.delegate = ShiftDelegate(self._check, session.set_cell, lambda: self.table.typing, self)
        self.table.setItemDelegate(self.delegate)
        self.delegate.move_after_commit.connect(self.table.step_cursor)
        self.totals = _TotalsView(self)
        self.totals.setObjectName("rowTotals")
        self.totals.setModel(session.totals_model)
        heading = self.totals.horizontalHeader().font()
        heading.setPointSizeF(heading.pointSizeF() * 0.9)
        self.totals.horizontalHeader().setFont(heading)
        self._widths = totals_widths(self.fontMetrics(), QFontMetrics(heading))
        totals_width = sum(self._widths) + 2
        self.totals.verticalHeader().hide()
        self.totals.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.totals.setFixedWidth(totals_width)

        self.footer = _TotalsView(self)
        self.footer.setObjectName("dayTotals")
        self.footer.setModel(session.day_model)
        self.footer.horizontalHeader().hide()
        _fixed(self.footer.horizontalHeader(), DAY_PREF)
        self.footer.setFixedHeight(session.day_model.rowCount() * ROW_HEIGHT + 2)
        self.footer.setStyleSheet("QTableView#dayTotals { background: #f4f5f7; font-weight: bold; }")

        self.sheet = _TotalsView(self)
        self.sheet.setObjectName("sheetTotals")
        self.sheet.setModel(session.sheet_model)
        self.sheet.verticalHeader().hide()
        self.sheet.horizontalHeader().hide()
        self.sheet.setFixedSize(totals_width, ROW_HEIGHT + 2)
        self.sheet.setStyleSheet(
            "QTableView#sheetTotals { background: #f4f5f7; border-top: 1px solid #7f8894; }"
        )
        self.footer_note = QLabel("", self)
        self.footer_note.setObjectName("peopleCount")
        self.footer_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        side = QWidget(self)
        side.setFixedSize(totals_width, self.footer.height())
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.sheet)
        side_layout.addWidget(self.footer_note)
        side_layout.addStretch(1)

        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 0, 0)
        layout.addWidget(self.totals, 0, 1)
        layout.addWidget(self.vbar, 0, 2)
        layout.addWidget(self.footer, 1, 0)
        layout.addWidget(side, 1, 1)
        layout.addWidget(self.hbar, 2, 0)
        layout.setColumnStretch(0, 1000)  # the table takes the room up to its full width
        layout.setColumnStretch(3, 1)
        self.columns = ColumnLayout(TEAM_W, NAME_MAX, DAY_PREF)
        self._sync_scrollbars()
        self.after_reset()
        self._kept = (0, 0)
        model = session.grid_model
        model.modelAboutToBeReset.connect(self._keep_current)
        model.modelReset.connect(self._restore_current)

    def _check(self, text: str) -> str | None:
        """The parser's verdict on what is typed into the current cell (the one being edited)."""
        cur = self.table.currentIndex()
        if not cur.isValid():
            return self.session.check_entry(text)
        return self.session.check_cell(cur.row(), cur.column(), text)

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
            self.table.go_to(min(self._kept[0], rows - 1), min(self._kept[1], cols - 1))

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
        """Width that shows every day column at its preferred width, the totals and the scrollbar."""
        header = TEAM_W + CODE_W + NAME_MAX
        days = self.session.state.col_count * DAY_PREF
        return header + days + 1 + self.totals.width() + self.vbar.sizeHint().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        available = self.width() - self.totals.width() - self.vbar.sizeHint().width() - 2
        cols = layout_columns(available, max(1, self.session.state.col_count))
        self.columns = cols
        self.table.row_header.set_columns(cols.team, cols.name)
        self.footer.verticalHeader().setFixedWidth(cols.header)
        for view in (self.table, self.footer):
            view.horizontalHeader().setDefaultSectionSize(cols.day)
            view.updateGeometries()  # scroll ranges for the new header and column widths now
        full = cols.header + self.session.state.col_count * cols.day + 1
        if full != self.table.maximumWidth():
            self.table.setMaximumWidth(full)
            self.footer.setMaximumWidth(full)
            self.hbar.setMaximumWidth(full)
            layout = self.layout()
            if layout is not None:
                layout.activate()  # now, not on the next turn: the first paint has the right widths

    def after_reset(self) -> None:
        """Re-apply the column widths after the models were reset to a new range; a short range
        keeps its totals right beside the last day instead of across an empty gap."""
        for view in (self.totals, self.sheet):
            for i, w in enumerate(self._widths):
                view.setColumnWidth(i, w)
        self._fit_columns()
