"""What the grid shows in its Actual and Variance views: texts, colours and tooltips of the
cells over an ``ActualLayer``, for ``GridModel.data`` to hand to Qt.

Each row's looks (text, background, foreground) are made once, the first time the row is painted,
and kept until the row changes, so ``data()`` is two list lookups per cell as in the Schedule view.

- **Actual**: what was recorded, short: the first login to the last logout (``8:58–17:03``),
  ``8:58–?`` for a missing logout, ``SICK``, ``LATE 9:40–17``; a scheduled day with nothing
  recorded shows the plan in grey brackets (``(9–17)``). Text colour says where it came from
  (typed: black, imported: blue, confirmed as scheduled: green).
- **Variance**: worked minus scheduled (``+0:40``, ``−0:12``, ``✓``), or ``No-show`` / ``No
  logout``; the background says what kind of difference it is (``VARIANCE_COLOURS``).
Both views mark an unresolved exception with a corner (red: critical, orange: a warning) and a
note with a blue corner; the tooltip spells everything out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPolygon
from PySide6.QtWidgets import QTableView

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay, Segment, Source
from deskwfm.core.exceptions import ExceptionKind, Severity, TimeException
from deskwfm.core.i18n import format_hours, format_long_date, render, tr
from deskwfm.core.messages import N_, msg
from deskwfm.core.model import ShiftKind
from deskwfm.gui.actual_state import ActualLayer
from deskwfm.gui.grid_mode import GridMode
from deskwfm.gui.grid_model import CARRIED_ROLE, NOTE_ROLE, WARNING_ROLE, describe_shift
from deskwfm.gui.grid_state import EN_DASH, display_text
from deskwfm.services.actual import ActualCell

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
# The roles this module answers in the Actual and Variance views (the others stay the grid's).
ROLES = frozenset(
    {_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND, _FOREGROUND, WARNING_ROLE, NOTE_ROLE, CARRIED_ROLE}
)


class Tone:
    """The kinds of difference the Variance view colours, most pressing first."""

    MISSING = "missing"  # no-show, missing logout
    LATE = "late"
    SHORT = "short"  # left early, long break
    UNSCHEDULED = "unscheduled"  # worked without a scheduled shift
    EXTRA = "extra"  # worked longer than scheduled
    CODED = "coded"  # explained by an absence code
    ON_TIME = "on_time"


# (background, legend label) per tone; the legend in the view bar shows them in this order.
VARIANCE_COLOURS: dict[str, tuple[str, str]] = {
    Tone.MISSING: ("#f4a7a3", N_("Missing")),
    Tone.LATE: ("#ffc680", N_("Late start")),
    Tone.SHORT: ("#fff08a", N_("Left early, long break")),
    Tone.EXTRA: ("#a9d1f7", N_("Extra time")),
    Tone.UNSCHEDULED: ("#d3c1f0", N_("Unscheduled")),
    Tone.CODED: ("#dedede", N_("Coded")),
    Tone.ON_TIME: ("#cdebd0", N_("As scheduled")),
}
_TONE_OF_KIND = {
    ExceptionKind.NO_SHOW: Tone.MISSING,
    ExceptionKind.MISSING_LOGOUT: Tone.MISSING,
    ExceptionKind.LATE: Tone.LATE,
    ExceptionKind.LEFT_EARLY: Tone.SHORT,
    ExceptionKind.LONG_BREAK: Tone.SHORT,
    ExceptionKind.UNSCHEDULED_WORK: Tone.UNSCHEDULED,
    ExceptionKind.UNSCHEDULED_OVERTIME: Tone.EXTRA,
}
_TONE_ORDER = {t: i for i, t in enumerate(VARIANCE_COLOURS)}
# Text colour by where the record came from (Actual view), with its legend label.
SOURCE_COLOURS: dict[Source, tuple[str, str]] = {
    Source.TYPED: ("#000000", N_("typed")),
    Source.IMPORT: ("#1a4f9c", N_("imported")),
    Source.CONFIRMED: ("#1e7b34", N_("confirmed")),
}
_PLANNED = "#8a8f98"
_CODED_BG = "#ece6f6"
_CRITICAL_MARK = QColor("#d93025")
_WARNING_MARK = QColor("#f29900")
_NOTE_MARK = QColor("#1a73e8")
MINUS = "\u2212"
CHECK = "\u2713"


def _short(minute: int) -> str:
    m = minute % 1440
    return f"{m // 60}" if m % 60 == 0 else f"{m // 60}:{m % 60:02d}"


def segments_text(segments: Sequence[Segment]) -> str:
    """Worked times short enough for a day column: the first login to the last logout
    (``8:58–17:03``, for one worked time or several), ``8:58–?`` with no logout yet. The tooltip
    has every time and the unpaid minutes between them."""
    if not segments:
        return ""
    last = segments[-1]
    end = _short(last.end) if last.end is not None else "?"
    return f"{_short(segments[0].start)}{EN_DASH}{end}"


def actual_text(day: ActualDay) -> str:
    """What the Actual view shows for a recorded day."""
    times = segments_text(day.segments)
    return " ".join(p for p in (day.absence, times) if p)


def signed_hm(minutes: int) -> str:
    """``+0:40``, ``−1:05`` (a true minus sign), ``0:00``."""
    sign = "+" if minutes > 0 else MINUS if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h}:{m:02d}"


def tone_of(cell: ActualCell) -> str | None:
    """The Variance view's tone of a cell (None: nothing to compare, e.g. a future shift)."""
    open_ = [e for e in cell.exceptions if not e.resolved]
    if open_:
        return min((_TONE_OF_KIND[e.kind] for e in open_), key=_TONE_ORDER.__getitem__)
    if cell.exceptions or (cell.day is not None and cell.day.absence):
        return Tone.CODED
    if cell.day is not None and cell.day.segments:
        return Tone.ON_TIME
    return None


def variance_text(cell: ActualCell) -> str:
    for e in cell.exceptions:
        if e.resolved:
            continue
        if e.kind is ExceptionKind.NO_SHOW:
            return tr("No-show")
        if e.kind is ExceptionKind.MISSING_LOGOUT:
            return tr("No logout")
    day = cell.day
    if day is None or day.empty:
        return ""
    if not day.segments:
        return day.absence
    if cell.variance_minutes == 0 and not any(not e.resolved for e in cell.exceptions):
        return CHECK
    return signed_hm(cell.variance_minutes)


def source_text(day: ActualDay) -> str:
    if day.source is Source.IMPORT:
        return render(msg("imported from {file}", file=day.source_detail or "?"))
    if day.source is Source.CONFIRMED:
        return tr("confirmed as scheduled")
    return tr("typed")


def exception_line(e: TimeException) -> str:
    text = render(e.message())
    how = e.resolution()
    if how is not None:
        return f"{CHECK} {text} \u2014 {render(how)}"
    mark = "\u26d4" if e.severity is Severity.CRITICAL else "\u26a0"
    blocks = " " + tr("(blocks approval)") if e.blocks else ""
    return f"{mark} {text}{blocks}"


class ActualPresenter:
    """The Actual or Variance view of the grid (``mode``), cached per row."""

    def __init__(self, layer: ActualLayer, mode: GridMode, day_bg: Sequence[QBrush | None]) -> None:
        self.layer = layer
        self.mode = mode
        self._day_bg = list(day_bg)
        self._brushes: dict[str, QBrush] = {}
        self._looks: dict[int, list[tuple[str, QBrush | None, QBrush | None]]] = {}
        self._marks: dict[int, tuple[dict[int, QColor], set[int]]] = {}
        self._variance = mode is GridMode.VARIANCE

    def _brush(self, colour: str) -> QBrush:
        b = self._brushes.get(colour)
        if b is None:
            b = self._brushes[colour] = QBrush(QColor(colour))
        return b

    def forget(self, rows: set[int]) -> None:
        for r in rows:
            self._looks.pop(r, None)
            self._marks.pop(r, None)

    # -- looks ---------------------------------------------------------------------------------
    def _row_looks(self, r: int) -> list[tuple[str, QBrush | None, QBrush | None]]:
        got = self._looks.get(r)
        if got is None:
            cells = self.layer.row(r)
            days = self.layer.state.days
            look = self._variance_look if self._variance else self._actual_look
            got = self._looks[r] = [look(cells.get(d), c) for c, d in enumerate(days)]
        return got

    def _actual_look(self, cell: ActualCell | None, c: int) -> tuple[str, QBrush | None, QBrush | None]:
        bg = self._day_bg[c]
        if cell is None:
            return "", bg, None
        day = cell.day
        if day is None or day.empty:
            s = cell.scheduled
            if s is None or (not s.has_times and not s.code) or s.kind is ShiftKind.OFF:
                return "", bg, None
            return f"({display_text(s)})", bg, self._brush(_PLANNED)
        fg = self._brush(SOURCE_COLOURS[day.source][0])
        return actual_text(day), self._brush(_CODED_BG) if day.absence else bg, fg

    def _variance_look(self, cell: ActualCell | None, c: int) -> tuple[str, QBrush | None, QBrush | None]:
        bg = self._day_bg[c]
        if cell is None:
            return "", bg, None
        tone = tone_of(cell)
        return variance_text(cell), self._brush(VARIANCE_COLOURS[tone][0]) if tone else bg, None

    # -- Qt roles ------------------------------------------------------------------------------
    def data(self, r: int, c: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._row_looks(r)[c][0]
        if role == _BACKGROUND:
            return self._row_looks(r)[c][1]
        if role == _FOREGROUND:
            return self._row_looks(r)[c][2]
        if role == _EDIT:
            cell = self.layer.cell(r, c)
            return cell.text if cell is not None else ""
        if role == _TOOLTIP:
            return self.tooltip(r, c)
        if role == WARNING_ROLE:
            cell = self.layer.cell(r, c)
            return cell is not None and any(not e.resolved for e in cell.exceptions)
        if role == NOTE_ROLE:
            day = self.layer.recorded(r, c)
            return day.note if day is not None else ""
        return 0 if role == CARRIED_ROLE else None

    def tooltip(self, r: int, c: int) -> str:
        st = self.layer.state
        emp, d = st.employees[r], st.days[c]
        lines = [f"{emp.code} {emp.name} · {format_long_date(d)}"]
        cell = self.layer.cell(r, c)
        if cell is None:
            lines.append(tr("Nothing scheduled or recorded"))
            return "\n".join(lines)
        s = cell.scheduled
        if s is not None and (s.has_times or s.code):
            lines.append(tr("Scheduled: {shift}").format(shift=describe_shift(s)))
        else:
            lines.append(tr("Nothing scheduled"))
        day = cell.day
        if day is None or day.empty:
            lines.append(tr("Nothing recorded"))
        else:
            lines.append(tr("Recorded: {entry} · {source}").format(entry=cell.text, source=source_text(day)))
            code = self.layer.codes.get(day.absence) if day.absence else None
            if code is not None:
                lines.append(_code_line(code))
            lines.append(render(msg(
                "Worked {worked:hours} h, scheduled {scheduled:hours} h, variance {variance} h ({hm})",
                worked=cell.worked_minutes, scheduled=cell.scheduled_minutes,
                variance=_signed_hours(cell.variance_minutes), hm=signed_hm(cell.variance_minutes),
            )))
        lines.extend(exception_line(e) for e in cell.exceptions)
        if day is not None and day.note:
            lines.append(tr("Note: {note}").format(note=day.note))
        return "\n".join(lines)

    # -- corners -------------------------------------------------------------------------------
    def marks(self, r: int) -> tuple[dict[int, QColor], set[int]]:
        """Columns of row ``r`` with an unresolved exception (and its corner colour) and with a note."""
        got = self._marks.get(r)
        if got is None:
            got = self._marks[r] = self._row_marks(r)
        return got

    def _row_marks(self, r: int) -> tuple[dict[int, QColor], set[int]]:
        st = self.layer.state
        col_of = st.col_of
        exc: dict[int, QColor] = {}
        for d, cell in self.layer.row(r).items():
            open_ = [e for e in cell.exceptions if not e.resolved]
            if open_:
                critical = any(e.severity is Severity.CRITICAL for e in open_)
                exc[col_of[d]] = _CRITICAL_MARK if critical else _WARNING_MARK
        notes = {col_of[d] for d, day in self.layer.days.get(st.employees[r].code, {}).items() if day.note}
        return exc, notes


def _signed_hours(minutes: int) -> str:
    text = format_hours(abs(minutes))
    return f"+{text}" if minutes > 0 else f"{MINUS}{text}" if minutes < 0 else text


def _code_line(code: AbsenceCode) -> str:
    cause = tr("reasonable cause") if code.reasonable_cause else tr("no reasonable cause")
    paid = tr("paid") if code.paid else tr("unpaid")
    label = code.label or code.code
    return f"{code.code}: {label} ({paid}, {cause})"


def paint_marks(
    table: QTableView, painter: QPainter, presenter: ActualPresenter, rows: range, cols: range
) -> None:
    """The corners of the Actual and Variance views over the visible cells (the grid's paint)."""
    painter.setPen(Qt.PenStyle.NoPen)
    for r in rows:
        exc, notes = presenter.marks(r)
        if not exc and not notes:
            continue
        y = table.rowViewportPosition(r)
        for c in cols:
            colour = exc.get(c)
            if colour is not None:
                x = table.columnViewportPosition(c) + table.columnWidth(c) - 1
                painter.setBrush(colour)
                painter.drawPolygon(QPolygon([QPoint(x - 8, y), QPoint(x + 1, y), QPoint(x + 1, y + 9)]))
            if c in notes:
                x = table.columnViewportPosition(c)
                painter.setBrush(_NOTE_MARK)
                painter.drawPolygon(QPolygon([QPoint(x, y), QPoint(x + 8, y), QPoint(x, y + 8)]))
