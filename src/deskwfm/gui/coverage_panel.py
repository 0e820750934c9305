"""The coverage chart panel under the grid (View → Coverage chart), loaded when first shown.

For the day of the current cell: agents required (Erlang C after shrinkage) against agents
scheduled per interval, the gaps marked, the predicted service level per interval; for the
week holding it (the days of it on screen): a days x intervals heatmap of the gap; and the
totals a WFM analyst reads, for the day and the week - agent-intervals short and over and the
predicted service level.

It reads the grid's own staffing row (``GridState.staffing``: the ``Coverage`` object every
edit updates shift by shift) through a ``CoverageTracker``, so after an edit only the days
whose coverage changed are priced again. Like the Short row it counts every agent, whatever
the team filter shows: the forecast is the whole centre's. Refreshes are gathered on the next
turn of the event loop, so a paste of 500 cells redraws once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QGridLayout, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from deskwfm.core.i18n import format_agents, format_percent, render, tr
from deskwfm.core.messages import msg
from deskwfm.core.periods import week_start_of
from deskwfm.core.service_level import StaffingFigures
from deskwfm.gui.coverage_chart import DayChart, HeatLegend, WeekHeatmap
from deskwfm.gui.coverage_data import CoverageTracker, DayCurve, WeekMap
from deskwfm.gui.grid_state import GridState
from deskwfm.gui.settings import COVERAGE_CHART, set_flag

if TYPE_CHECKING:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.session import ScheduleSession

DOCK_NAME = "coverageDock"
_Index = QModelIndex | QPersistentModelIndex
_DASH = "\u2013"


def figure_texts(f: StaffingFigures | None) -> tuple[str, str, str]:
    """Agent-intervals short, over, and the predicted service level, as the panel shows them."""
    if f is None or not f.intervals:
        return _DASH, _DASH, _DASH
    sl = format_percent(f.service_level) if f.service_level is not None else _DASH
    return format_agents(f.agent_intervals_short), format_agents(f.agent_intervals_over), sl


class FiguresGrid(QWidget):
    """Rows of figures in columns (day and week, or today and a proposal): a label per cell,
    named ``<row><column>`` so a test can read it. The first three rows are the analyst's
    coverage figures (``set_column``); more rows can be given."""

    COVERAGE = ("short", "over", "service")

    def __init__(self, columns: Sequence[str], more: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        rows = [*zip(self.COVERAGE, (tr("Agent-intervals short"), tr("Agent-intervals over"),
                                     tr("Predicted service level")), strict=True), *more]
        for c, title in enumerate(columns):
            head = QLabel(f"<b>{title}</b>", self)
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(head, 0, c + 1)
        self.cells: dict[tuple[str, int], QLabel] = {}
        for r, (key, text) in enumerate(rows):
            grid.addWidget(QLabel(text, self), r + 1, 0)
            for c in range(len(columns)):
                cell = QLabel(_DASH, self)
                cell.setObjectName(f"{key}{c}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(cell, r + 1, c + 1)
                self.cells[key, c] = cell
        grid.setRowStretch(len(rows) + 1, 1)

    def set_column(self, c: int, f: StaffingFigures | None) -> None:
        for key, text in zip(self.COVERAGE, figure_texts(f), strict=True):
            self.cells[key, c].setText(text)
        short = f is not None and f.agent_intervals_short > 0
        self.cells["short", c].setStyleSheet("color: #d93025; font-weight: bold;" if short else "")

    def set_text(self, key: str, c: int, text: str) -> None:
        self.cells[key, c].setText(text)

    def text(self, key: str, c: int) -> str:
        return self.cells[key, c].text()


class CoveragePanel(QWidget):
    def __init__(self, session: ScheduleSession, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coveragePanel")
        self.session = session
        self.table = table
        self.day_title = QLabel(self)
        self.week_title = QLabel(self)
        self.day_chart = DayChart(self)
        self.week_chart = WeekHeatmap(self)
        self.legend = HeatLegend(self)
        self.figures = FiguresGrid((tr("Day"), tr("Week")), parent=self)
        self.day_curve: DayCurve | None = None
        self.week_map: WeekMap | None = None
        self.tracker: CoverageTracker | None = None
        self._state: GridState | None = None

        day_box = QVBoxLayout()
        day_box.addWidget(self.day_title)
        day_box.addWidget(self.day_chart, 1)
        week_box = QVBoxLayout()
        week_box.addWidget(self.week_title)
        week_box.addWidget(self.week_chart, 1)
        week_box.addWidget(self.legend)
        side = QVBoxLayout()
        side.addSpacing(self.day_title.sizeHint().height())
        side.addWidget(self.figures)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 4)
        row.addLayout(day_box, 5)
        row.addLayout(week_box, 4)
        row.addLayout(side, 0)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        session.changed.connect(self._timer.start)
        session.loaded.connect(self._timer.start)
        session.day_model.dataChanged.connect(self._timer.start)  # the Short row came (first paint)
        session.day_model.modelReset.connect(self._timer.start)
        selection = table.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._current_changed)
        self.week_chart.day_clicked.connect(self.go_to_day)
        self.refresh()

    def _current_changed(self, current: _Index, previous: _Index) -> None:
        if not previous.isValid() or current.column() != previous.column():
            self._timer.start()

    def current_day(self) -> date | None:
        st = self.session.state
        if not st.days:
            return None
        cur = self.table.currentIndex()
        if cur.isValid() and 0 <= cur.column() < len(st.days):
            return st.days[cur.column()]
        return date.today() if date.today() in st.col_of else st.days[0]

    def week_of(self, day: date) -> list[date]:
        """The days of ``day``'s work week that the grid shows."""
        st = self.session.state
        first = week_start_of(day, st.site.week_start)
        return [d for d in (first + timedelta(days=k) for k in range(7)) if d in st.col_of]

    def refresh(self) -> None:
        self._timer.stop()
        st = self.session.state
        if st is not self._state:
            self._state, self.tracker = st, None
        day = self.current_day()
        row = st.staffing
        if row is not None and self.tracker is None:
            self.tracker = CoverageTracker(row.day, st.site.staffing, st.site.interval_minutes)
        if day is None or self.tracker is None:
            self.day_curve = self.week_map = None
            self.day_title.setText(tr("Coverage"))
            self.week_title.setText("")
        else:
            self.day_curve = self.tracker.curve(day)
            days = self.week_of(day)
            self.week_map = self.tracker.week(days)
            self.day_title.setText(render(msg("<b>{day:day}</b>: agents required vs scheduled",
                                              day=day)))
            self.week_title.setText(render(msg("<b>Week {a:day} to {b:day}</b>: scheduled less required",
                                               a=days[0], b=days[-1])))
        self.day_chart.set_curve(self.day_curve, target=st.site.sl_target_pct / 100)
        self.week_chart.set_week(self.week_map, day)
        self.figures.set_column(0, self.day_curve.figures if self.day_curve is not None else None)
        self.figures.set_column(1, self.week_map.figures if self.week_map is not None else None)

    def go_to_day(self, day: date) -> None:
        """A click on the heatmap moves the grid's cursor to that day (same row)."""
        st = self.session.state
        col = st.col_of.get(day)
        if col is None:
            return
        cur = self.table.currentIndex()
        model = self.table.model()
        idx = model.index(cur.row() if cur.isValid() else 0, col)
        if idx.isValid():
            self.table.setCurrentIndex(idx)
        self._timer.start()


def coverage_dock(win: MainWindow) -> QDockWidget:
    """The main window's coverage dock, made on first use (under the grid; it can be moved)."""
    dock = win.findChild(QDockWidget, DOCK_NAME)
    if isinstance(dock, QDockWidget):
        return dock
    dock = QDockWidget(tr("Coverage"), win)
    dock.setObjectName(DOCK_NAME)
    dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea
                         | Qt.DockWidgetArea.RightDockWidgetArea)
    panel = CoveragePanel(win.session, win.grid.table, dock)
    dock.setWidget(panel)
    dock.setMinimumHeight(190)
    win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    win.restoreDockWidget(dock)  # where the user left it last time, if the window state says
    dock.visibilityChanged.connect(lambda visible: _visibility(win, dock, visible))
    return dock


def _visibility(win: MainWindow, dock: QDockWidget, visible: bool) -> None:
    """Keep the View menu's tick with the dock (its own close button hides it too)."""
    if dock.isHidden() or visible:
        act = win.actions_.coverage
        act.blockSignals(True)
        act.setChecked(not dock.isHidden())
        act.blockSignals(False)
        if win.remember:
            set_flag(COVERAGE_CHART, not dock.isHidden())


def show_coverage(win: MainWindow, on: bool) -> None:
    """View → Coverage chart: show or hide the panel (and remember it)."""
    dock = coverage_dock(win) if on else win.findChild(QDockWidget, DOCK_NAME)
    if isinstance(dock, QDockWidget):
        dock.setVisible(on)
    if win.remember:
        set_flag(COVERAGE_CHART, on)
