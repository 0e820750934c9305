"""Qt models of the totals around the grid: each row's totals beside it, the sheet's totals
under those, and the day totals under the grid.

The row totals use the words of the timesheet and the payroll export, so a clerk can reconcile
the three: **Worked h** (regular, overtime and holiday hours worked), **Leave h** (paid leave),
**Paid h** (= Worked h + Leave h), **OT h** (overtime and double time, part of Worked h) and
**Gross**. A row with a paid shift on a date without a pay rate has no gross: the cell is blank
and tinted, its tooltip says which date.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from deskwfm.core.i18n import (
    format_day,
    format_decimal,
    format_hours,
    format_int,
    format_long_date,
    format_money,
    tr,
    tr_n,
)
from deskwfm.core.messages import N_
from deskwfm.gui.grid_model import TEAM_START_ROLE, describe_shift
from deskwfm.gui.grid_state import GridState, RowTotals, SheetTotals, TotalsBasis
from deskwfm.gui.guard import guarded, report_fault

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_HORIZONTAL = Qt.Orientation.Horizontal
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_Index = QModelIndex | QPersistentModelIndex

SHORT_TINT = QColor("#f8d7da")
SHORT_TEXT = QColor("#8a1c1c")
NO_FORECAST_TEXT = QColor("#8c939c")
NO_RATE_TINT = QColor("#fbe3e4")

# Column headings (two lines: the columns stay narrow) and what each means; the words of the
# timesheet and the payroll workbook. Under rules with double time, the overtime column holds
# it too and says so (the workbook has OT h and DT h apart).
HEADERS = (N_("Worked\nh"), N_("Leave\nh"), N_("Paid\nh"), N_("OT\nh"), N_("Gross"))
OT_DT_HEADER = N_("OT+DT\nh")
HEADER_TIPS = (
    N_("Worked hours: regular, overtime and holiday hours worked in the shown range"),
    N_("Paid leave hours (vacation, paid sick days)"),
    N_("Paid hours = Worked h + Leave h"),
    N_("Overtime hours (already in Worked h)"),
    N_("Gross pay under the site's payroll rules"),
)
OT_DT_TIP = N_("Overtime and double-time hours (already in Worked h)")
# In the Actual and Variance views the second line of each heading says which time it adds up
# (gui.actual_pay): actual time priced as payroll pays it, or (a site paying the schedule) hours
# worked as recorded beside the scheduled pay.
ACTUAL_HEADERS = (N_("Worked\nactual h"), N_("Leave\nactual h"), N_("Paid\nactual h"),
                  N_("OT\nactual h"), N_("Gross\nactual"))
RECORDED_HEADERS = (N_("Worked\nactual h"), N_("Leave\nsched. h"), N_("Paid\nsched. h"),
                    N_("OT\nsched. h"), N_("Gross\nscheduled"))
RECORDED_PAID_TIP = N_("Paid hours as scheduled: the plan's worked hours + Leave h")
HEADINGS = {TotalsBasis.SCHEDULE: HEADERS, TotalsBasis.ACTUAL: ACTUAL_HEADERS,
            TotalsBasis.RECORDED: RECORDED_HEADERS}
OT_DT_HEADINGS = {TotalsBasis.SCHEDULE: OT_DT_HEADER, TotalsBasis.ACTUAL: N_("OT+DT\nactual h"),
                  TotalsBasis.RECORDED: N_("OT+DT\nsched. h")}
BASIS_TIPS = {
    TotalsBasis.SCHEDULE: N_("Totals of the schedule (the plan)"),
    TotalsBasis.ACTUAL: N_("Totals of the actual time, priced as payroll pays it "
                           "(the site pays actual time)"),
    TotalsBasis.RECORDED: N_("Worked h: actual time as recorded; Leave h, Paid h, OT h and Gross: the "
                             "schedule's, which is what payroll pays (the site pays the schedule)"),
}


def has_double_time(state: GridState) -> bool:
    rules = state.site.rules
    return rules.daily_dt_after is not None or rules.seventh_day
WORKED, LEAVE, PAID, OVERTIME, GROSS = range(5)


def _hours(minutes: int, blank_zero: bool) -> str:
    return "" if blank_zero and not minutes else format_hours(minutes)


def _cells(t: RowTotals | SheetTotals, col: int) -> str:
    if col == WORKED:
        return format_hours(t.worked_minutes)
    if col == LEAVE:
        return _hours(t.leave_minutes, True)
    if col == PAID:
        return format_hours(t.paid_minutes)
    return _hours(t.overtime_minutes, True)


def _sum_hours(minutes: int, blank_zero: bool = False) -> str:
    """A sum of hours, grouped; whole hours from 10,000 h on, so it fits its column (the
    tooltip has the exact figure)."""
    if blank_zero and not minutes:
        return ""
    hours = Decimal(minutes) / 60
    return format_decimal(hours, 0 if hours >= 10_000 else 2)


def _exact(minutes: int) -> str:
    return format_decimal(Decimal(minutes) / 60, 2)


def _sum_text(t: SheetTotals, col: int, currency: str) -> str:
    if col == WORKED:
        return _sum_hours(t.worked_minutes)
    if col == LEAVE:
        return _sum_hours(t.leave_minutes, True)
    if col == PAID:
        return _sum_hours(t.paid_minutes)
    if col == OVERTIME:
        return _sum_hours(t.overtime_minutes, True)
    return format_money(t.gross, currency, places=0 if t.gross >= 1_000_000 else 2)


class _ResettableModel(QAbstractTableModel):
    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state

    def reset_state(self, state: GridState) -> None:
        self.beginResetModel()
        self.state = state
        self.endResetModel()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else _NO_FLAGS


class RowTotalsModel(_ResettableModel):
    """Worked, leave and paid hours, overtime and gross of each row for the shown range."""

    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(state, parent)
        self._no_rate = QBrush(NO_RATE_TINT)

    def rows_changed(self, rows: set[int]) -> None:
        for r in sorted(rows):
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(HEADERS) - 1))

    def all_changed(self) -> None:
        """Every row and the headings (the totals now add up another basis)."""
        if self.state.row_count:
            self.dataChanged.emit(self.index(0, 0), self.index(self.state.row_count - 1, len(HEADERS) - 1))
        self.headerDataChanged.emit(_HORIZONTAL, 0, len(HEADERS) - 1)

    @guarded(0)
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.row_count

    @guarded(0)
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        try:
            if not index.isValid() or not self.state.pay_ready or not self.state.totals_ready:
                return None
            c = index.column()
            if role == _DISPLAY:
                t = self.state.row_totals(index.row())
                if c != GROSS:
                    return _cells(t, c)
                return "" if t.gross is None else format_money(t.gross, self.state.site.currency)
            if role == _ALIGN:
                return _RIGHT
            if role == _BACKGROUND:
                if c == GROSS and self.state.row_totals(index.row()).gross is None:
                    return self._no_rate
                return None
            if role == _TOOLTIP:
                return self._tooltip(index.row())
            if role == TEAM_START_ROLE:
                return self.state.team_start[index.row()]
            return None
        except Exception as exc:  # noqa: BLE001 - see guard.py: nothing escapes into Qt
            report_fault(f"{type(self).__name__}.data", exc)
            return None

    def _tooltip(self, row: int) -> str:
        st = self.state
        t = st.row_totals(row)
        e = st.employees[row]
        cur = st.site.currency
        lines = [
            f"{e.code} {e.name}, {format_day(st.days[0])} – {format_day(st.days[-1])}",
            tr("Worked {hours} h").format(hours=format_hours(t.worked_minutes)),
        ]
        if st.basis is not TotalsBasis.SCHEDULE:
            lines.insert(1, tr(BASIS_TIPS[st.basis]))
        if st.basis is TotalsBasis.RECORDED:
            lines[-1] = tr("Worked {hours} h as recorded (scheduled {planned} h)").format(
                hours=format_hours(t.worked_minutes),
                planned=format_hours(st.planned_totals(row).worked_minutes),
            )
        if t.leave_minutes:
            lines.append(tr("Paid leave {hours} h").format(hours=format_hours(t.leave_minutes)))
        if st.basis is TotalsBasis.RECORDED:
            lines.append(tr("Paid {hours} h as scheduled").format(hours=format_hours(t.paid_minutes)))
        else:
            lines.append(tr("Paid {hours} h (worked + leave)").format(hours=format_hours(t.paid_minutes)))
        if t.overtime_minutes:
            dt = has_double_time(st)
            label = tr("Overtime and double time {hours} h") if dt else tr("Overtime {hours} h")
            lines.append(label.format(hours=format_hours(t.overtime_minutes)))
        if t.night_minutes:
            lines.append(tr("Night {hours} h").format(hours=format_hours(t.night_minutes)))
        plan = st.basis is TotalsBasis.SCHEDULE  # the plan's hours carried over midnight
        carried = st.carried_in(row) if plan else None
        if carried is not None:
            lines.append(
                tr("{hours} h on {day} from the shift of the day before ({shift})").format(
                    hours=format_hours(carried.minutes), day=format_long_date(st.days[0]),
                    shift=describe_shift(carried.shift),
                )
            )
        out = st.carried_out(row) if plan else None
        if out is not None:
            lines.append(
                tr("{hours} h of the shift of {day} fall on the next day, outside the range shown").format(
                    hours=format_hours(out.minutes), day=format_long_date(st.days[-1])
                )
            )
        if t.gross is None:
            assert t.missing_rate is not None
            lines.append(
                tr("No gross: no pay rate on {day}; add one in Settings → Employees").format(
                    day=format_day(t.missing_rate)
                )
            )
        else:
            gross = format_money(t.gross, cur)
            lines.append(tr("Gross {amount} (payroll rules of the site)").format(amount=gross))
        return "\n".join(lines)

    @guarded(None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == _HORIZONTAL and 0 <= section < len(HEADERS):
            dt = section == OVERTIME and has_double_time(self.state)
            basis = self.state.basis
            if role == _DISPLAY:
                return tr(OT_DT_HEADINGS[basis] if dt else HEADINGS[basis][section])
            if role == _TOOLTIP:
                tip = tr(OT_DT_TIP if dt else HEADER_TIPS[section])
                if basis is TotalsBasis.RECORDED and section == PAID:
                    tip = tr(RECORDED_PAID_TIP)
                return tip if basis is TotalsBasis.SCHEDULE else tip + "\n" + tr(BASIS_TIPS[basis])
        return None


class SheetTotalsModel(_ResettableModel):
    """One row under the row totals: the shown rows added up. Rows are priced a few at a time
    (``GridState.price_some``); until all are, the cells show an ellipsis."""

    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(state, parent)
        self._no_rate = QBrush(NO_RATE_TINT)
        self._font = QFont()  # smaller: a centre's sums are wider than one row's
        if self._font.pointSizeF() > 0:
            self._font.setPointSizeF(self._font.pointSizeF() * 0.85)

    def refresh(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(HEADERS) - 1))

    @guarded(0)
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    @guarded(0)
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        try:
            if not index.isValid():
                return None
            t = self.state.sheet
            c = index.column()
            if role == _DISPLAY:
                if not t.complete:
                    return "\u2026"
                return _sum_text(t, c, self.state.site.currency)
            if role == _ALIGN:
                return _RIGHT
            if role == _FONT:
                return self._font
            if role == _BACKGROUND:
                return self._no_rate if c == GROSS and t.no_rate and t.complete else None
            if role == _TOOLTIP:
                return self._tooltip(t)
            return None
        except Exception as exc:  # noqa: BLE001 - see guard.py: nothing escapes into Qt
            report_fault(f"{type(self).__name__}.data", exc)
            return None

    def _tooltip(self, t: SheetTotals) -> str:
        st = self.state
        who = tr("the {n} people shown").format(n=format_int(t.rows))
        if st.team is not None:
            who += " " + tr("(team {team})").format(team=st.team or "—")
        lines = [tr("Totals of {who}, {first} – {last}").format(
            who=who, first=format_day(st.days[0]), last=format_day(st.days[-1]))]
        if st.basis is not TotalsBasis.SCHEDULE:
            lines.append(tr(BASIS_TIPS[st.basis]))
        if not t.complete:
            adding = tr_n("Adding up: {done} of {rows} row", "Adding up: {done} of {rows} rows", t.rows)
            lines.append(adding.format(done=format_int(t.priced), rows=format_int(t.rows)))
            return "\n".join(lines)
        lines.append(tr("Worked {worked} h + leave {leave} h = paid {paid} h; overtime {ot} h").format(
            worked=_exact(t.worked_minutes), leave=_exact(t.leave_minutes),
            paid=_exact(t.paid_minutes), ot=_exact(t.overtime_minutes)))
        if t.no_rate:
            n = len(t.no_rate)
            codes = ", ".join(sorted(t.no_rate)[:10]) + (", …" if n > 10 else "")
            left_out = tr_n("Gross leaves out {n} person without a pay rate: {codes}",
                            "Gross leaves out {n} people without a pay rate: {codes}", n)
            lines.append(left_out.format(n=format_int(n), codes=codes))
        return "\n".join(lines)


class DayTotalsModel(_ResettableModel):
    """Three rows under the grid, per day: people on shift, hours worked, and staffing against
    the call forecast (the worst interval's shortfall, red when any interval is short)."""

    LABELS = (N_("On shift"), N_("Hours"), N_("Short"))
    SHORT_ROW = 2

    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(state, parent)
        self._short_bg = QBrush(SHORT_TINT)
        self._short_fg = QBrush(SHORT_TEXT)
        self._dim_fg = QBrush(NO_FORECAST_TEXT)
        self._plain = QFont()  # the footer is bold; "−11 at 12:30" fits a day column in plain
        self._plain.setBold(False)
        if self._plain.pointSizeF() > 0:
            self._plain.setPointSizeF(self._plain.pointSizeF() * 0.92)

    def cols_changed(self, cols: set[int]) -> None:
        if cols:
            self.dataChanged.emit(self.index(0, min(cols)), self.index(len(self.LABELS) - 1, max(cols)))

    @guarded(0)
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.LABELS)

    @guarded(0)
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.col_count

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        try:
            if not index.isValid():
                return None
            r = index.row()
            if role == _DISPLAY:
                t = self.state.day_totals
                c = index.column()
                if r == 0:
                    return str(t.people[c])
                if r == 1:
                    return format_hours(t.minutes[c])
                row = self.state.staffing
                return row.cells[c].text if row is not None else ""
            if role == _ALIGN:
                return _CENTER
            if r != self.SHORT_ROW:
                return None
            row = self.state.staffing
            if row is None:
                return None
            cell = row.cells[index.column()]
            if role == _BACKGROUND:
                return self._short_bg if cell.short else None
            if role == _FOREGROUND:
                return self._short_fg if cell.short else self._dim_fg if cell.dim else None
            if role == _TOOLTIP:
                return f"{format_day(self.state.days[index.column()])}: {cell.tooltip}"
            if role == _FONT:
                return self._plain
            return None
        except Exception as exc:  # noqa: BLE001 - see guard.py: nothing escapes into Qt
            report_fault(f"{type(self).__name__}.data", exc)
            return None

    @guarded(None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != _HORIZONTAL and 0 <= section < len(self.LABELS):
            if role == _DISPLAY:
                return tr(self.LABELS[section])
            if role == _TOOLTIP and section == self.SHORT_ROW:
                return tr("Agents short of the call forecast in the day's worst interval "
                          "(Erlang C with the site's service-level, occupancy and shrinkage targets; "
                          "every team counts, whatever the team filter)")
            if role == _TOOLTIP and section == 0 and self.state.team is not None:
                return tr("People of team {team} on shift").format(team=self.state.team or "—")
        return None
