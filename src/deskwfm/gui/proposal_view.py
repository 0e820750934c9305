"""An automatic schedule's proposal, shown before anything is written: the grid with the new
cells framed, its coverage chart beside today's, and the figures of both.

The grid is the schedule window's own table, model and headers over a ``GridState`` of the
range with the proposed shifts added (read-only here); warnings corners and tooltips work as in
the window. The chart follows the current cell like the coverage panel: the day's agents
required and scheduled with today's schedule as a dashed line, the week's gap today and
proposed side by side. The figures are the service's (``services.auto_schedule``: before and
after): agent-intervals short and over, predicted service level for the range and per day,
hours and overtime scheduled, rule warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.i18n import (
    format_agents,
    format_decimal,
    format_hours,
    format_int,
    format_percent,
    render,
    tr,
    weekday_abbr,
)
from deskwfm.core.messages import msg, msg_n
from deskwfm.core.periods import week_start_of
from deskwfm.core.service_level import StaffingFigures
from deskwfm.gui.coverage_chart import DayChart, HeatLegend, WeekHeatmap
from deskwfm.gui.coverage_data import CoverageTracker, source_of
from deskwfm.gui.coverage_panel import FiguresGrid
from deskwfm.gui.dialogs.forms import RowsModel, make_table
from deskwfm.gui.grid_model import GridModel
from deskwfm.gui.grid_state import GridState
from deskwfm.gui.grid_view import DAY_MIN, ScheduleTable
from deskwfm.gui.guard import guarded
from deskwfm.services.auto_schedule import AutoSchedule, no_forecast_note
from deskwfm.services.forecast import StaffingInput
from deskwfm.services.schedule import ScheduleData

NEW_FRAME = QColor("#188038")
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_Index = QModelIndex | QPersistentModelIndex
_DASH = "\u2013"


@dataclass(frozen=True, slots=True)
class Prepared:
    """A proposal and what its grid needs, read on the worker thread."""

    auto: AutoSchedule
    data: ScheduleData
    staffing: StaffingInput


class ProposalModel(GridModel):
    """The grid's model; proposed cells in bold, said so in their tooltip."""

    def __init__(self, state: GridState, new: set[tuple[str, date]], parent: Any = None) -> None:
        super().__init__(state, parent)
        self.new = new
        self._new_font = QFont()
        self._new_font.setBold(True)

    def is_new(self, row: int, col: int) -> bool:
        st = self.state
        return (st.employees[row].code, st.days[col]) in self.new

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if index.isValid() and role in (_FONT, _TOOLTIP) and self.is_new(index.row(), index.column()):
            if role == _FONT:
                return self._new_font
            return tr("Proposed (new)") + "\n" + str(super().data(index, role) or "")
        return super().data(index, role)


class ProposalTable(ScheduleTable):
    """The schedule table, read-only, with a green frame round every proposed cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    @guarded(None)
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not isinstance(model, ProposalModel) or not model.new:
            return
        st = model.state
        top = max(self.rowAt(event.rect().top()), 0)
        bottom = self.rowAt(event.rect().bottom())
        bottom = st.row_count - 1 if bottom < 0 else bottom
        with QPainter(self.viewport()) as p:
            p.setPen(QPen(NEW_FRAME, 2))
            for r in range(top, bottom + 1):
                code = st.employees[r].code
                y = self.rowViewportPosition(r)
                for c, d in enumerate(st.days):
                    if (code, d) in model.new:
                        x = self.columnViewportPosition(c)
                        p.drawRect(QRect(QPoint(x + 1, y + 1), QPoint(x + self.columnWidth(c) - 2,
                                                                      y + self.rowHeight(r) - 2)))


def _seconds(s: float) -> str:
    return format_decimal(Decimal(str(round(s, 1))), 1)


def summary_text(auto: AutoSchedule) -> str:
    """What the run did, in a sentence or two."""
    p = auto.proposal
    text = render(msg_n(
        "Proposed {count:num} shift for {a:day} to {b:day}, found in {s} s "
        "(a first complete schedule after {f} s).",
        "Proposed {count:num} shifts for {a:day} to {b:day}, found in {s} s "
        "(a first complete schedule after {f} s).",
        len(p.shifts), a=auto.start, b=auto.end, s=_seconds(p.seconds), f=_seconds(p.first_seconds)))
    if p.gap is not None:
        text += " " + render(msg(
            "Its under-coverage is {pct:pct} above the lower bound that no schedule of these people "
            "can beat.", pct=max(0.0, p.gap)))
    if p.outcome.value == "partial":
        text += " " + tr("Some weeks found no schedule in the time given: they are left empty.")
    if p.dropped:
        text += " " + render(msg_n(
            "{count} proposed shift was left out because it would add a rule warning.",
            "{count} proposed shifts were left out because they would add a rule warning.", len(p.dropped)))
    if (unforecast := no_forecast_note(auto.no_forecast)) is not None:
        text += " " + render(unforecast)
    return text


def _sl(f: StaffingFigures) -> str:
    return format_percent(f.service_level) if f.service_level is not None else _DASH


@dataclass(frozen=True, slots=True)
class DayRow:
    day: date
    before: StaffingFigures
    after: StaffingFigures
    forecast: bool = True  # False: no forecast, nothing needed (not "0 short")


def _day_cells(r: DayRow) -> list[str]:
    if not r.forecast:
        return [f"{weekday_abbr(r.day)} {r.day.day}", _DASH, _DASH, _DASH, _DASH]
    return [f"{weekday_abbr(r.day)} {r.day.day}", format_agents(r.before.agent_intervals_short),
            format_agents(r.after.agent_intervals_short), _sl(r.before), _sl(r.after)]


class ProposalView(QWidget):
    def __init__(self, prepared: Prepared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalView")
        auto = prepared.auto
        self.auto = auto
        data = replace(prepared.data, shifts=[*prepared.data.shifts, *auto.shifts])
        self.state = GridState(data, prepared.staffing)
        new = {(s.employee_code, s.work_date) for s in auto.shifts}
        self.model = ProposalModel(self.state, new, self)
        self.table = ProposalTable(self)
        self.table.setModel(self.model)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(DAY_MIN)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # a week fills the width; 6 scroll

        site = data.site
        interval = site.interval_minutes
        self.before = CoverageTracker(source_of(auto.before.days), site.staffing, interval)
        self.after = CoverageTracker(source_of(auto.after.days), site.staffing, interval)
        self.summary = QLabel(summary_text(auto), self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("proposalSummary")
        self.day_title = QLabel(self)
        self.day_chart = DayChart(self)
        self.today_map = WeekHeatmap(self)
        self.proposed_map = WeekHeatmap(self)
        more = (("hours", tr("Hours scheduled")), ("overtime", tr("Overtime hours")),
                ("warnings", tr("Rule warnings")))
        self.figures = FiguresGrid((tr("Today"), tr("Proposal")), more, parent=self)
        for c, f in enumerate((auto.before, auto.after)):
            self.figures.set_column(c, f.total)
            self.figures.set_text("hours", c, format_hours(f.paid_minutes))
            self.figures.set_text("overtime", c, format_hours(f.overtime_minutes))
            self.figures.set_text("warnings", c, format_int(len(f.warnings)))
        heads = (tr("Day"), tr("Short\ntoday"), tr("Short\nproposed"), tr("Service\nlevel\ntoday"),
                 tr("Service\nlevel\nproposed"))
        self.days_model = RowsModel(heads, _day_cells, right_aligned=(1, 2, 3, 4), parent=self)
        unforecast = set(auto.no_forecast)
        self.days_model.set_rows([DayRow(d.work_date, b, a, d.work_date not in unforecast) for d, b, a in
                                  zip(auto.after.days, auto.before.per_day, auto.after.per_day, strict=True)])
        self.days_table = make_table(self.days_model, (52, 56, 66, 62, 66), self)
        days_header = self.days_table.horizontalHeader()
        days_header.setMinimumHeight(3 * self.fontMetrics().height() + 8)
        days_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the five fit the pane
        self.days_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.days_table.setObjectName("proposalDays")
        self.days_table.setMinimumWidth(300)
        self._layout()
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        for m in (self.today_map, self.proposed_map):
            m.day_clicked.connect(self.go_to_day)
        first = self._first_new()
        if first.isValid():
            self.table.setCurrentIndex(first)
            self.table.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtTop)
        self.show_day(self.state.days[first.column()] if first.isValid() else self.state.days[0])

    def _first_new(self) -> QModelIndex:
        """The earliest day's topmost proposed cell (a team's run opens on that team, not on the
        top of the centre, and on its first day); the top left cell when nothing is proposed."""
        st = self.state
        found = [(st.col_of[d], st.row_of[code]) for code, d in self.model.new
                 if d in st.col_of and code in st.row_of]
        if not found:
            return self.model.index(0, 0)
        col, row = min(found)
        return self.model.index(row, col)

    def _layout(self) -> None:
        maps = QVBoxLayout()
        maps.addWidget(QLabel(f"<b>{tr('Today')}</b>", self))
        maps.addWidget(self.today_map, 1)
        maps.addWidget(QLabel(f"<b>{tr('Proposal')}</b>", self))
        maps.addWidget(self.proposed_map, 1)
        maps.addWidget(HeatLegend(self))
        day = QVBoxLayout()
        day.addWidget(self.day_title)
        day.addWidget(self.day_chart, 1)
        side = QVBoxLayout()
        side.addWidget(self.figures)
        side.addWidget(self.days_table, 1)
        charts = QWidget(self)
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(day, 5)
        row.addLayout(maps, 3)
        row.addLayout(side, 3)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        legend = QLabel(tr("Proposed cells are framed in green; nothing is written until you accept."), self)
        legend.setStyleSheet("color: #188038;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(legend)
        layout.addWidget(split, 1)

    def _current_changed(self, current: _Index, _previous: _Index) -> None:
        if current.isValid():
            self.show_day(self.state.days[current.column()])

    def show_day(self, day: date) -> None:
        """Chart ``day`` (today's schedule dashed under the proposal) and the week holding it."""
        self.current_day = day
        site = self.state.site
        before, after = self.before.curve(day), self.after.curve(day)
        self.day_chart.set_curve(after, before, site.sl_target_pct / 100)
        self.day_title.setText(render(msg("<b>Coverage {day:day}</b>: proposal (bars) and today (dashed)",
                                          day=day)))
        first = week_start_of(day, site.week_start)
        days = [d for d in (first + timedelta(days=k) for k in range(7)) if d in self.state.col_of]
        self.today_map.set_week(self.before.week(days), day)
        self.proposed_map.set_week(self.after.week(days), day)

    def go_to_day(self, day: date) -> None:
        col = self.state.col_of.get(day)
        if col is None:
            return
        cur = self.table.currentIndex()
        idx = self.model.index(cur.row() if cur.isValid() else 0, col)
        if idx.isValid():
            self.table.setCurrentIndex(idx)
        self.show_day(day)
