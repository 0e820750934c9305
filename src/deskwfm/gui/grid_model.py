"""The Qt model of the shift grid over GridState (rows = employees, columns = shown days).

``data()`` compares the role with module-level ints (an enum attribute lookup per call is the
slowest part of a naive model) and returns cached strings and brushes. Every override Qt calls
from C++ is ``guarded``: a fault shows once and the grid still paints.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from deskwfm.core.entry import format_entry
from deskwfm.core.i18n import (
    format_day_month,
    format_hours,
    format_long_date,
    format_time,
    render,
    tr,
    weekday_abbr,
)
from deskwfm.core.messages import msg
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.gui.grid_mode import GridMode
from deskwfm.gui.grid_state import GridState, display_text
from deskwfm.gui.guard import guarded, report_fault

if TYPE_CHECKING:
    from deskwfm.gui.actual_model import ActualPresenter

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
WARNING_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TEAM_START_ROLE = int(Qt.ItemDataRole.UserRole) + 2
NOTE_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # the cell's note ("" if none)
CARRIED_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # minutes carried in from the night before
_HORIZONTAL = Qt.Orientation.Horizontal
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_READONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags

WEEKEND_TINT = QColor("#eef1f6")
LOCKED_TINT = QColor("#e4e4e4")  # a locked pay period's days: read-only
HOLIDAY_TINT = QColor("#fdeeee")
PLAIN_SHIFT = QColor("#ffffff")
CARRIED_TEXT = QColor("#6b5b95")
_Index = QModelIndex | QPersistentModelIndex


def _text_colour(bg: QColor) -> QColor:
    lum = 0.299 * bg.red() + 0.587 * bg.green() + 0.114 * bg.blue()
    return QColor("#000000") if lum > 140 else QColor("#ffffff")


class _Brushes:
    """One QBrush per colour, made once."""

    def __init__(self) -> None:
        self._bg: dict[str, QBrush] = {}
        self._fg: dict[str, QBrush] = {}

    def bg(self, colour: str) -> QBrush:
        b = self._bg.get(colour)
        if b is None:
            b = self._bg[colour] = QBrush(QColor(colour))
        return b

    def fg(self, colour: str) -> QBrush:
        b = self._fg.get(colour)
        if b is None:
            b = self._fg[colour] = QBrush(_text_colour(QColor(colour)))
        return b


def entry_text(s: Shift) -> str:
    """Text that types back to this shift (what copy and the editor use)."""
    return format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start)


def carried_text(minutes: int) -> str:
    """What an empty first-day cell shows for hours carried in from the night before."""
    return f"\u2190 {format_hours(minutes)} h"


def describe_shift(s: Shift, tz: str | None = None) -> str:
    """A shift spelled out for a tooltip: ``N 22:00–06:30, 30 min unpaid break from 02:00``,
    and, given the site's time zone, where its paid breaks fall."""
    desc = s.code
    if s.has_times:
        assert s.start is not None and s.end is not None
        times = f"{format_time(s.start)}\u2013{format_time(s.end)}"
        desc = f"{desc} {times}".strip()
    if s.break_minutes:
        if s.break_start is not None:
            desc += tr(", {minutes} min unpaid break from {at}").format(
                minutes=s.break_minutes, at=format_time(s.break_start)
            )
        else:
            desc += tr(", {minutes} min unpaid break (centred)").format(minutes=s.break_minutes)
    if tz is not None and s.paid_breaks:
        from deskwfm.core.breaks import describe_paid_breaks
        from deskwfm.core.timecalc import clock_for

        paid = describe_paid_breaks(clock_for(tz), s)
        if paid is not None:
            desc += "\n" + render(paid)
    if s.kind is ShiftKind.PAID_LEAVE:
        desc += " · " + tr("paid leave")
    elif s.kind is ShiftKind.UNPAID_LEAVE:
        desc += " · " + tr("unpaid leave")
    return desc or s.code


class GridModel(QAbstractTableModel):
    """Rows = active employees (team order, or one team), columns = days of the shown range."""

    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(parent)
        self._brushes = _Brushes()
        self._weekend = QBrush(WEEKEND_TINT)
        self._locked = QBrush(LOCKED_TINT)
        self._holiday = QBrush(HOLIDAY_TINT)
        self._holiday_fg = QBrush(QColor("#b3261e"))
        self._carried_fg = QBrush(CARRIED_TEXT)
        self._bold = QFont()
        self._bold.setBold(True)
        self.mode = GridMode.SCHEDULE
        self._actual: ActualPresenter | None = None  # the Actual or Variance view's cells
        self._actual_roles: frozenset[int] = frozenset()
        self._set(state)

    def _set(self, state: GridState) -> None:
        self.state = state
        hol = state.data.holidays
        self._day_bg: list[QBrush | None] = []
        self._headers: list[str] = []
        self._header_tips: list[str] = []
        locked = state.data.locked
        self._locked_cols = [d in locked for d in state.days]
        for d in state.days:
            name = hol.get(d, "")
            lock = locked.get(d)
            tint = self._holiday if name else self._weekend if d.weekday() >= 5 else None
            self._day_bg.append(self._locked if lock else tint)
            head = f"{weekday_abbr(d)}\n{format_day_month(d)}"
            self._headers.append(head + (" \U0001F512" if lock else ""))
            tip = format_long_date(d)
            if name:
                tip += "\n" + tr("{name} (statutory holiday)").format(name=name)
            if lock:
                tip += "\n" + render(msg(
                    "In the pay period {a:date} to {b:date}, locked by {who} on {when:date}: read-only",
                    a=lock.start, b=lock.end, who=lock.locked_by,
                    when=lock.locked_at.date() if lock.locked_at else lock.start,
                ))
            self._header_tips.append(tip)
        self._colours = {c.code: c.colour for c in state.data.codes.values()}
        self._text_cache: dict[tuple[object, object, str, int, object], str] = {}
        self._actual = self._presenter()

    def _presenter(self) -> ActualPresenter | None:
        """The Actual or Variance view over the state's recorded time (None: the Schedule view)."""
        layer = self.state.actual
        if self.mode is GridMode.SCHEDULE or layer is None:
            return None
        from deskwfm.gui.actual_model import ROLES, ActualPresenter

        self._actual_roles = ROLES
        return ActualPresenter(layer, self.mode, self._day_bg)

    @property
    def actual_view(self) -> ActualPresenter | None:
        return self._actual

    def set_mode(self, mode: GridMode) -> None:
        """Show the plan, or the state's actual time (its ``actual`` layer must be loaded then);
        every cell repaints, the selection stays."""
        self.mode = mode
        self._actual = self._presenter()
        rows, cols = self.state.row_count, self.state.col_count
        if rows and cols:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def reset_state(self, state: GridState) -> None:
        self.beginResetModel()
        self._set(state)
        self.endResetModel()

    def rows_changed(self, rows: set[int]) -> None:
        """Repaint whole rows: an edit can add or clear warnings anywhere in its row."""
        last = self.state.col_count - 1
        if last < 0:
            return
        if self._actual is not None:
            self._actual.forget(rows)
        for r in sorted(rows):
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    # -- Qt interface --------------------------------------------------------------------------
    @guarded(0)
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.row_count

    @guarded(0)
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.col_count

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Days of a locked pay period can be selected and copied, not edited."""
        if not index.isValid():
            return _NO_FLAGS
        return _READONLY if self._locked_cols[index.column()] else _EDITABLE

    def cell_text(self, shift: Shift) -> str:
        key = (shift.start, shift.end, shift.code, shift.break_minutes,
               shift.break_start if shift.break_minutes else None)
        t = self._text_cache.get(key)
        if t is None:
            t = self._text_cache[key] = display_text(shift)
        return t

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        try:
            if not index.isValid():
                return None
            r = index.row()
            c = index.column()
            if self._actual is not None and role in self._actual_roles:
                return self._actual.data(r, c, role)
            st = self.state
            if role == _DISPLAY:
                s = st.shift_at(r, c)
                if s is not None:
                    return self.cell_text(s)
                if c == 0:
                    carried = st.carried_in(r)
                    return carried_text(carried.minutes) if carried is not None else None
                return None
            if role == _BACKGROUND:
                s = st.shift_at(r, c)
                if s is None:
                    return self._day_bg[c]
                colour = self._colours.get(s.code) if s.code else None
                return self._brushes.bg(colour) if colour else self._day_bg[c]
            if role == _FOREGROUND:
                s = st.shift_at(r, c)
                if s is None:
                    return self._carried_fg if c == 0 else None
                colour = self._colours.get(s.code) if s.code else None
                return self._brushes.fg(colour) if colour else None
            if role == _ALIGN:
                return _CENTER
            if role == WARNING_ROLE:
                return st.days[c] in st.warnings(r)
            if role == NOTE_ROLE:
                s = st.shift_at(r, c)
                return s.note if s is not None else ""
            if role == CARRIED_ROLE:
                carried = st.carried_in(r) if c == 0 else None
                return carried.minutes if carried is not None else 0
            if role == TEAM_START_ROLE:
                return st.team_start[r]
            if role == _EDIT:
                s = st.shift_at(r, c)
                return "" if s is None else entry_text(s)
            if role == _TOOLTIP:
                return self._tooltip(r, c)
            return None
        except Exception as exc:  # noqa: BLE001 - see guard.py: nothing escapes into Qt
            report_fault(f"{type(self).__name__}.data", exc)
            return None

    def _tooltip(self, r: int, c: int) -> str:
        st = self.state
        emp = st.employees[r]
        d = st.days[c]
        s = st.shift_at(r, c)
        lines = [f"{emp.code} {emp.name} · {format_long_date(d)}"]
        if s is not None and (s.has_times or s.code):
            lines.append(describe_shift(s, st.site.tz))
        if c == 0:
            carried = st.carried_in(r)
            if carried is not None:
                lines.append(
                    tr("{hours} h today from the shift of {day} ({shift})").format(
                        hours=format_hours(carried.minutes),
                        day=format_long_date(carried.shift.work_date),
                        shift=describe_shift(carried.shift),
                    )
                )
        warn = st.warnings(r).get(d)
        if warn:
            lines.append("⚠ " + warn.replace("\n", "\n⚠ "))
        if s is not None and s.note:
            lines.append(tr("Note: {note}").format(note=s.note))
        return "\n".join(lines)

    @guarded(None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == _HORIZONTAL:
            if not 0 <= section < self.state.col_count:
                return None
            if role == _DISPLAY:
                return self._headers[section]
            if role == _TOOLTIP:
                return self._header_tips[section]
            if role == _FOREGROUND:
                return self._holiday_fg if self.state.days[section] in self.state.data.holidays else None
            if role == _BACKGROUND:
                return self._day_bg[section]
            if role == _FONT:
                return self._bold if self.state.days[section] == date.today() else None
            return None
        if not 0 <= section < self.state.row_count:
            return None
        if role == _DISPLAY:
            e = self.state.employees[section]
            return f"{e.code} {e.name}"
        if role == _TOOLTIP:
            e = self.state.employees[section]
            team = tr(" · team {team}").format(team=e.team) if e.team else ""
            return f"{e.code} {e.name}{team}"
        return None
