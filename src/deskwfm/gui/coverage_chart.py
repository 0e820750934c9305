"""The coverage chart's two drawings: a day's required vs scheduled agents, and the week's gap.

Drawn with QPainter rather than a plotting library, measured on this project's machine:

* QtCharts / QtGraphs are not in PySide6-Essentials; they come with PySide6-Addons, a second
  wheel of 175 MB (6.11.3) that the bundle would have to ship for two small charts.
* pyqtgraph 0.14 is 9.6 MB installed on top of NumPy (45 MB, already shipped for OR-Tools);
  ``import pyqtgraph`` took 0.30-0.46 s here (NumPy 0.14-0.21 s of it) the first time the chart
  would be shown, and its wheel imports colorama without declaring it.
* These drawings are a step line, bars and a 7 x 48 grid of cells: a few hundred lines of
  QPainter, no dependency, nothing to import (QtGui is loaded already), the same rendering on
  screen, offscreen in the tests and in screenshots.

This module is imported only when the chart is first shown (the window's start-up does not pay
for it). Both widgets draw what they are given (``gui.coverage_data``) and nothing else.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from deskwfm.core.coverage import interval_text
from deskwfm.core.i18n import format_agents, render, tr, weekday_abbr
from deskwfm.core.messages import msg, msg_n
from deskwfm.gui.coverage_data import DayCurve, IntervalPoint, WeekMap
from deskwfm.gui.guard import guarded

REQUIRED = QColor("#1f2937")
SCHEDULED = QColor("#9ec5f8")
SHORT = QColor("#d93025")
OVER = QColor("#f0b429")
BEFORE = QColor("#4b5563")
SERVICE = QColor("#8e24aa")
GRID = QColor("#e3e6ea")
AXIS_TEXT = QColor("#505865")
NO_FORECAST = QColor("#eef0f2")
COVERED = QColor("#e3f4e1")
WHITE = QColor("#ffffff")
_LEFT, _RIGHT, _TOP, _BOTTOM = 34.0, 40.0, 20.0, 18.0
_RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _nice_step(top: float) -> float:
    """A round grid step giving 3 to 6 lines up to ``top`` (1, 2, 5, 10, 20...)."""
    raw = max(top, 1.0) / 5
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * power:
            return float(m * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def point_text(p: IntervalPoint) -> str:
    """The tooltip of one interval: what is required, scheduled, short or over, and its service level."""
    text = render(msg("{when}: {need} required, {have:agents} scheduled",
                      when=interval_text(p.start_minute, p.length), need=p.needed, have=p.scheduled))
    if p.short > 0:
        text += "\n" + render(msg("{n:agents} short", n=p.short))
    elif p.over > 0:
        text += "\n" + render(msg("{n:agents} over", n=p.over))
    if p.calls:
        text += "\n" + render(msg_n("{count:num} call", "{count:num} calls", int(p.calls)))
    if p.service_level is not None:
        text += "\n" + render(msg("predicted service level {sl:pct}", sl=p.service_level))
    return text


class DayChart(QWidget):
    """Agents required (a step line) and scheduled (bars) per interval of one day, what is short
    (red) or over (amber) between them, and the predicted service level (purple, right-hand
    scale) against its target (dashed). With ``before`` set, that schedule's agents show as a
    dashed line (today's schedule under a proposal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageDayChart")
        self.curve: DayCurve | None = None
        self.before: DayCurve | None = None
        self.target = 0.8
        self.setMinimumSize(320, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.8))

    def set_curve(self, curve: DayCurve | None, before: DayCurve | None = None, target: float = 0.8) -> None:
        self.curve, self.before, self.target = curve, before, target
        self.update()

    # -- geometry ------------------------------------------------------------------------------
    def plot_rect(self) -> QRectF:
        """Where the intervals are drawn (inside the axes and under the legend)."""
        return QRectF(_LEFT, _TOP, max(1.0, self.width() - _LEFT - _RIGHT),
                      max(1.0, self.height() - _TOP - _BOTTOM))

    def _span(self) -> tuple[int, int]:
        assert self.curve is not None
        pts = self.curve.points
        return pts[0].start_minute, pts[-1].start_minute + pts[-1].length

    def _x(self, minute: float, plot: QRectF, lo: int, hi: int) -> float:
        return plot.left() + (minute - lo) / max(1, hi - lo) * plot.width()

    def point_at(self, x: float) -> IntervalPoint | None:
        """The interval under the horizontal position ``x`` (widget pixels)."""
        if self.curve is None or not self.curve.points:
            return None
        plot = self.plot_rect()
        lo, hi = self._span()
        for p in self.curve.points:
            a = self._x(p.start_minute, plot, lo, hi)
            b = self._x(p.start_minute + p.length, plot, lo, hi)
            if a <= x < b:
                return p
        return None

    # -- painting ------------------------------------------------------------------------------
    @guarded(None)
    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as p:
            p.fillRect(self.rect(), WHITE)
            curve = self.curve
            if curve is None or not curve.has_forecast:
                p.setPen(AXIS_TEXT)
                p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                           tr("No call forecast for this day") if curve is not None else tr("No day chosen"))
                return
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            plot = self.plot_rect()
            lo, hi = self._span()
            top = max(curve.peak, self.before.peak if self.before is not None else 0.0, 1.0) * 1.1
            step = _nice_step(top)
            top = math.ceil(top / step) * step

            def y(v: float) -> float:
                return plot.bottom() - v / top * plot.height()

            self._grid(p, plot, lo, hi, top, step, y)
            for pt in curve.points:
                a = self._x(pt.start_minute, plot, lo, hi)
                b = self._x(pt.start_minute + pt.length, plot, lo, hi)
                p.fillRect(QRectF(a, y(pt.scheduled), b - a, y(0) - y(pt.scheduled)), SCHEDULED)
                if pt.short > 0:
                    p.fillRect(QRectF(a, y(pt.needed), b - a, y(pt.scheduled) - y(pt.needed)), SHORT)
                elif pt.over > 0:
                    p.fillRect(QRectF(a, y(pt.scheduled), b - a, y(pt.needed) - y(pt.scheduled)), OVER)
            if self.before is not None and self.before.points:
                self._steps(p, self.before, plot, lo, hi, y, QPen(BEFORE, 1.5, Qt.PenStyle.DashLine), True)
            self._steps(p, curve, plot, lo, hi, y, QPen(REQUIRED, 2), False)
            self._service_level(p, curve, plot, lo, hi)
            self._legend(p)

    def _grid(self, p: QPainter, plot: QRectF, lo: int, hi: int, top: float, step: float,
              y: Callable[[float], float]) -> None:
        p.setFont(self._small)
        p.setPen(QPen(GRID, 1))
        v = 0.0
        while v <= top + 1e-9:
            yy = y(v)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
            p.setPen(AXIS_TEXT)
            p.drawText(QRectF(0, yy - 7, _LEFT - 4, 14), _RIGHT_MIDDLE, format_agents(v))
            v += step
        every = 60 if hi - lo <= 8 * 60 else 180
        m = (lo + every - 1) // every * every
        while m <= hi:
            xx = self._x(m, plot, lo, hi)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(xx, plot.top()), QPointF(xx, plot.bottom()))
            p.setPen(AXIS_TEXT)
            p.drawText(QRectF(xx - 20, plot.bottom() + 2, 40, _BOTTOM - 2), Qt.AlignmentFlag.AlignHCenter,
                       f"{(m // 60) % 24:02d}:{m % 60:02d}" if m % 60 else f"{(m // 60) % 24:02d}")
            m += every
        # the service level's scale on the right: 0, 50 and 100 %
        for share in (0.0, 0.5, 1.0):
            yy = plot.bottom() - share * plot.height()
            p.setPen(SERVICE)
            p.drawText(QRectF(plot.right() + 3, yy - 7, _RIGHT - 3, 14),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{int(share * 100)}%")

    def _steps(self, p: QPainter, curve: DayCurve, plot: QRectF, lo: int, hi: int,
               y: Callable[[float], float], pen: QPen, scheduled: bool) -> None:
        p.setPen(pen)
        pts = QPolygonF()
        for pt in curve.points:
            v = pt.scheduled if scheduled else pt.needed
            pts.append(QPointF(self._x(pt.start_minute, plot, lo, hi), y(v)))
            pts.append(QPointF(self._x(pt.start_minute + pt.length, plot, lo, hi), y(v)))
        p.drawPolyline(pts)

    def _service_level(self, p: QPainter, curve: DayCurve, plot: QRectF, lo: int, hi: int) -> None:
        def sy(share: float) -> float:
            return plot.bottom() - share * plot.height()

        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(SERVICE, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(plot.left(), sy(self.target)), QPointF(plot.right(), sy(self.target)))
        p.setPen(QPen(SERVICE, 1.6))
        line = QPolygonF()
        for pt in curve.points:
            if pt.service_level is None:
                if line.size() > 1:
                    p.drawPolyline(line)
                line = QPolygonF()
                continue
            line.append(QPointF(self._x(pt.start_minute + pt.length / 2, plot, lo, hi), sy(pt.service_level)))
        if line.size() > 1:
            p.drawPolyline(line)

    def _legend(self, p: QPainter) -> None:
        items: list[tuple[str, QColor, bool]] = [
            (tr("Required"), REQUIRED, True), (tr("Scheduled"), SCHEDULED, False),
            (tr("Short"), SHORT, False), (tr("Over"), OVER, False), (tr("Service level"), SERVICE, True),
        ]
        if self.before is not None:
            items.append((tr("Today"), BEFORE, True))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setFont(self._small)
        fm = p.fontMetrics()
        x = _LEFT
        for text, colour, line in items:
            if line:
                p.setPen(QPen(colour, 2))
                p.drawLine(QPointF(x, 9), QPointF(x + 12, 9))
            else:
                p.fillRect(QRectF(x, 4, 12, 10), colour)
            p.setPen(AXIS_TEXT)
            p.drawText(QPointF(x + 15, 13), text)
            x += 15 + fm.horizontalAdvance(text) + 10

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            pt = self.point_at(e.pos().x())
            if pt is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(e.globalPos(), point_text(pt), self)
            return True
        return super().event(e)


class WeekHeatmap(QWidget):
    """Days (rows) x intervals (columns) of a week, coloured by the gap: red where short, amber
    where over, pale green where covered to within a tenth of an agent, grey without forecast.
    The colour deepens with the gap, up to the week's largest (at least two agents). Clicking a
    cell emits ``day_clicked``."""

    day_clicked = Signal(date)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageWeekMap")
        self.week: WeekMap | None = None
        self.current: date | None = None
        self.setMinimumSize(260, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.8))

    def set_week(self, week: WeekMap | None, current: date | None = None) -> None:
        self.week, self.current = week, current
        self.update()

    def colour_of(self, gap: float | None, scale: float) -> QColor:
        if gap is None:
            return NO_FORECAST
        if abs(gap) < 0.1:
            return COVERED
        tint = SHORT if gap < 0 else OVER
        k = min(1.0, 0.25 + 0.75 * abs(gap) / scale)
        return QColor(round(255 + (tint.red() - 255) * k), round(255 + (tint.green() - 255) * k),
                      round(255 + (tint.blue() - 255) * k))

    def _cells(self) -> tuple[QRectF, float, float]:
        left = 44.0
        top = 14.0
        plot = QRectF(left, top, max(1.0, self.width() - left - 4), max(1.0, self.height() - top - 2))
        assert self.week is not None
        return plot, plot.width() / self.week.per_day, plot.height() / max(1, len(self.week.days))

    def cell_rect(self, day: date, index: int) -> QRectF:
        """Where interval ``index`` of ``day`` is drawn (widget pixels)."""
        assert self.week is not None
        plot, cw, rh = self._cells()
        row = self.week.days.index(day)
        return QRectF(plot.left() + index * cw, plot.top() + row * rh, cw, rh)

    def cell_at(self, x: float, y: float) -> tuple[date, int] | None:
        if self.week is None or not self.week.days:
            return None
        plot, cw, rh = self._cells()
        if not plot.contains(QPointF(x, y)):
            return None
        row = min(len(self.week.days) - 1, int((y - plot.top()) / rh))
        col = min(self.week.per_day - 1, int((x - plot.left()) / cw))
        return self.week.days[row], col

    @guarded(None)
    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as p:
            p.fillRect(self.rect(), WHITE)
            week = self.week
            if week is None or not week.days:
                p.setPen(AXIS_TEXT)
                p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No week shown"))
                return
            plot, cw, rh = self._cells()
            scale = max(2.0, week.largest_gap)
            p.setFont(self._small)
            for k, (d, row) in enumerate(zip(week.days, week.gaps, strict=True)):
                y0 = plot.top() + k * rh
                for i, gap in enumerate(row):
                    x0 = plot.left() + i * cw
                    p.fillRect(QRectF(x0, y0, cw + 0.5, rh + 0.5), self.colour_of(gap, scale))
                p.setPen(AXIS_TEXT)
                p.drawText(QRectF(0, y0, plot.left() - 4, rh), _RIGHT_MIDDLE, f"{weekday_abbr(d)} {d.day}")
            p.setPen(QPen(WHITE, 1))
            for k in range(1, len(week.days)):
                yy = plot.top() + k * rh
                p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
            hours = 3 if week.length < 60 else 6
            per_hour = 60 // week.length if week.length <= 60 else 1
            p.setPen(AXIS_TEXT)
            for h in range(0, 24, hours):
                xx = plot.left() + h * per_hour * cw
                p.drawText(QRectF(xx - 12, 0, 24, plot.top()), Qt.AlignmentFlag.AlignHCenter, f"{h:02d}")
            if self.current in week.days:
                k = week.days.index(self.current)
                p.setPen(QPen(REQUIRED, 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(plot.left(), plot.top() + k * rh, plot.width(), rh))

    def mousePressEvent(self, e: QMouseEvent) -> None:
        hit = self.cell_at(e.position().x(), e.position().y())
        if hit is not None and e.button() == Qt.MouseButton.LeftButton:
            self.day_clicked.emit(hit[0])
        super().mousePressEvent(e)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent) and self.week is not None:
            hit = self.cell_at(e.pos().x(), e.pos().y())
            if hit is None:
                QToolTip.hideText()
                return True
            d, i = hit
            gap = self.week.gaps[self.week.days.index(d)][i]
            when = interval_text(i * self.week.length, self.week.length)
            if gap is None:
                text = render(msg("{day:day} {when}: no forecast", day=d, when=when))
            elif gap < -0.05:
                text = render(msg("{day:day} {when}: {n:agents} short", day=d, when=when, n=-gap))
            elif gap > 0.05:
                text = render(msg("{day:day} {when}: {n:agents} over", day=d, when=when, n=gap))
            else:
                text = render(msg("{day:day} {when}: covered", day=d, when=when))
            QToolTip.showText(e.globalPos(), text, self)
            return True
        return super().event(e)


class HeatLegend(QWidget):
    """What the heatmap's colours mean: bordered swatches, so the pale ones show too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ((SHORT, tr("short")), (OVER, tr("over")), (COVERED, tr("covered")),
                      (NO_FORECAST, tr("no forecast")))
        fm = self.fontMetrics()
        self.setFixedHeight(fm.height() + 4)
        self.setMinimumWidth(sum(fm.horizontalAdvance(t) + 28 for _, t in self.items))

    @guarded(None)
    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as p:
            fm = p.fontMetrics()
            x = 2.0
            h = self.height()
            for colour, text in self.items:
                p.setPen(QPen(AXIS_TEXT, 1))
                p.setBrush(colour)
                p.drawRect(QRectF(x, (h - 10) / 2, 10, 10))
                p.drawText(QPointF(x + 14, (h + fm.ascent() - fm.descent()) / 2), text)
                x += 28 + fm.horizontalAdvance(text)
