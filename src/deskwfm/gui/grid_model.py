"""Qt models over GridState: the shift grid, the row totals beside it and the day totals under it.

``data()`` compares the role with module-level ints (an enum attribute lookup per call is the
slowest part of a naive model) and returns cached strings and brushes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from deskwfm.core.entry import format_entry
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.money import hours_text
from deskwfm.gui.grid_state import GridState, display_text

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
WARNING_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TEAM_START_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_HORIZONTAL = Qt.Orientation.Horizontal
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_READONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags

WEEKEND_TINT = QColor("#eef1f6")
HOLIDAY_TINT = QColor("#fdeeee")
PLAIN_SHIFT = QColor("#ffffff")
SHORT_TINT = QColor("#f8d7da")
SHORT_TEXT = QColor("#8a1c1c")
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


class GridModel(QAbstractTableModel):
    """Rows = active employees (team order), columns = days of the shown range."""

    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(parent)
        self._brushes = _Brushes()
        self._weekend = QBrush(WEEKEND_TINT)
        self._holiday = QBrush(HOLIDAY_TINT)
        self._holiday_fg = QBrush(QColor("#b3261e"))
        self._bold = QFont()
        self._bold.setBold(True)
        self._set(state)

    def _set(self, state: GridState) -> None:
        self.state = state
        hol = state.data.holidays
        self._day_bg: list[QBrush | None] = []
        self._headers: list[str] = []
        self._header_tips: list[str] = []
        for d in state.days:
            name = hol.get(d, "")
            self._day_bg.append(self._holiday if name else self._weekend if d.weekday() >= 5 else None)
            self._headers.append(f"{d:%a}\n{d.day} {d:%b}")
            self._header_tips.append(f"{d:%A %d %B %Y}" + (f"\n{name} (statutory holiday)" if name else ""))
        self._colours = {c.code: c.colour for c in state.data.codes.values()}
        self._text_cache: dict[tuple[object, object, str, object], str] = {}

    def reset_state(self, state: GridState) -> None:
        self.beginResetModel()
        self._set(state)
        self.endResetModel()

    def rows_changed(self, rows: set[int]) -> None:
        """Repaint whole rows: an edit can add or clear warnings anywhere in its row."""
        last = self.state.col_count - 1
        if last < 0:
            return
        for r in sorted(rows):
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    # -- Qt interface --------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.row_count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.col_count

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _EDITABLE if index.isValid() else _NO_FLAGS

    def cell_text(self, shift: Shift) -> str:
        key = (shift.start, shift.end, shift.code, shift.break_start if shift.break_minutes else None)
        t = self._text_cache.get(key)
        if t is None:
            t = self._text_cache[key] = display_text(shift)
        return t

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        r = index.row()
        c = index.column()
        st = self.state
        if role == _DISPLAY:
            s = st.shift_at(r, c)
            return None if s is None else self.cell_text(s)
        if role == _BACKGROUND:
            s = st.shift_at(r, c)
            if s is None:
                return self._day_bg[c]
            colour = self._colours.get(s.code) if s.code else None
            return self._brushes.bg(colour) if colour else self._day_bg[c]
        if role == _FOREGROUND:
            s = st.shift_at(r, c)
            colour = self._colours.get(s.code) if s is not None and s.code else None
            return self._brushes.fg(colour) if colour else None
        if role == _ALIGN:
            return _CENTER
        if role == WARNING_ROLE:
            return st.days[c] in st.warnings(r)
        if role == TEAM_START_ROLE:
            return st.team_start[r]
        if role == _EDIT:
            s = st.shift_at(r, c)
            return "" if s is None else entry_text(s)
        if role == _TOOLTIP:
            return self._tooltip(r, c)
        return None

    def _tooltip(self, r: int, c: int) -> str | None:
        st = self.state
        emp = st.employees[r]
        d = st.days[c]
        s = st.shift_at(r, c)
        lines = [f"{emp.code} {emp.name} · {d:%a %d %b %Y}"]
        if s is not None:
            desc = self.cell_text(s)
            if s.has_times and (s.code or s.break_start is not None):
                desc += f" ({s.start:%H:%M}\u2013{s.end:%H:%M})"
            if s.break_minutes:
                desc += f", {s.break_minutes} min unpaid break"
                if s.break_start is not None:
                    desc += f" from {s.break_start:%H:%M}"
            if s.kind is not ShiftKind.WORK:
                desc += f" · {s.kind.value.replace('_', ' ')}"
            lines.append(desc)
        warn = st.warnings(r).get(d)
        if warn:
            lines.append("⚠ " + warn.replace("\n", "\n⚠ "))
        return "\n".join(lines)

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
            return f"{e.code} {e.name}" + (f" · team {e.team}" if e.team else "")
        return None


def entry_text(s: Shift) -> str:
    """Text that types back to this shift (what copy and the editor use)."""
    return format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start)


class RowTotalsModel(QAbstractTableModel):
    """Paid hours, overtime hours and gross pay of each row for the shown range."""

    HEADERS = ("Paid h", "OT h", "Gross")

    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state

    def reset_state(self, state: GridState) -> None:
        self.beginResetModel()
        self.state = state
        self.endResetModel()

    def rows_changed(self, rows: set[int]) -> None:
        for r in sorted(rows):
            self.dataChanged.emit(self.index(r, 0), self.index(r, 2))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.row_count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else _NO_FLAGS

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role == _DISPLAY:
            t = self.state.row_totals(index.row())
            c = index.column()
            if c == 0:
                return hours_text(t.paid_minutes)
            if c == 1:
                return hours_text(t.overtime_minutes) if t.overtime_minutes else ""
            return f"{self.state.site.currency}{t.gross:,.2f}"
        if role == _ALIGN:
            return _RIGHT
        if role == _TOOLTIP:
            t = self.state.row_totals(index.row())
            e = self.state.employees[index.row()]
            parts = [
                f"{e.code} {e.name}, {self.state.days[0]:%d %b} – {self.state.days[-1]:%d %b %Y}",
                f"Worked {hours_text(t.worked_minutes)} h",
            ]
            if t.leave_minutes:
                parts.append(f"Paid leave {hours_text(t.leave_minutes)} h")
            if t.overtime_minutes:
                parts.append(f"Overtime {hours_text(t.overtime_minutes)} h")
            if t.night_minutes:
                parts.append(f"Night {hours_text(t.night_minutes)} h")
            parts.append(f"Gross {self.state.site.currency}{t.gross:,.2f} (payroll rules of the site)")
            return "\n".join(parts)
        if role == TEAM_START_ROLE:
            return self.state.team_start[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == _HORIZONTAL and role == _DISPLAY and 0 <= section < 3:
            return self.HEADERS[section]
        return None


class DayTotalsModel(QAbstractTableModel):
    """Three rows under the grid, per day: people on shift, hours worked, and staffing against
    the call forecast (the worst interval's shortfall, red when any interval is short)."""

    LABELS = ("On shift", "Hours", "Short")
    SHORT_ROW = 2

    def __init__(self, state: GridState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self._short_bg = QBrush(SHORT_TINT)
        self._short_fg = QBrush(SHORT_TEXT)
        self._plain = QFont()  # the footer is bold; "−11 at 12:30" fits a day column in plain
        self._plain.setBold(False)
        if self._plain.pointSizeF() > 0:
            self._plain.setPointSizeF(self._plain.pointSizeF() * 0.92)

    def reset_state(self, state: GridState) -> None:
        self.beginResetModel()
        self.state = state
        self.endResetModel()

    def cols_changed(self, cols: set[int]) -> None:
        if cols:
            self.dataChanged.emit(self.index(0, min(cols)), self.index(len(self.LABELS) - 1, max(cols)))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.LABELS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state.col_count

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else _NO_FLAGS

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        r = index.row()
        if role == _DISPLAY:
            t = self.state.day_totals
            c = index.column()
            if r == 0:
                return str(t.people[c])
            if r == 1:
                return hours_text(t.minutes[c])
            row = self.state.staffing
            return row.cells[c].text if row is not None else ""
        if role == _ALIGN:
            return _CENTER
        if r != 2:
            return None
        row = self.state.staffing
        if row is None:
            return None
        cell = row.cells[index.column()]
        if role == _BACKGROUND:
            return self._short_bg if cell.short else None
        if role == _FOREGROUND:
            return self._short_fg if cell.short else None
        if role == _TOOLTIP:
            return f"{self.state.days[index.column()]:%a %d %b}: {cell.tooltip}"
        if role == _FONT:
            return self._plain
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != _HORIZONTAL and 0 <= section < len(self.LABELS):
            if role == _DISPLAY:
                return self.LABELS[section]
            if role == _TOOLTIP and section == self.SHORT_ROW:
                return ("Agents short of the call forecast in the day's worst interval "
                        "(Erlang C with the site's service-level, occupancy and shrinkage targets)")
        return None
