"""The coverage chart on paper: the printed schedule's last pages, one work week to a page.

The same figures as the window's coverage chart (View → Coverage chart): for each day with a
call forecast, agents required (Erlang C after shrinkage) against agents scheduled per interval,
short in red and over in amber, and the predicted service level of the day; the eighth panel of
the page is the week's days x intervals heatmap of the gap. Each panel's heading carries the
totals a WFM analyst reads - agent-intervals short and over and the predicted service level -
and the page heading has the week's.

Nothing is worked out here but the drawing: the intervals come from ``core.coverage`` (the same
``Coverage`` the Short row and the grid use, paid breaks off the phones) and the service level
from ``core.service_level``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from deskwfm.core.coverage import DayStaffing, IntervalStaffing
from deskwfm.core.i18n import format_agents, format_percent, render, tr, weekday_abbr
from deskwfm.core.messages import msg
from deskwfm.core.periods import week_start_of
from deskwfm.core.service_level import StaffingFigures, figures, interval_service_level
from deskwfm.core.staffing_targets import StaffingTargets
from deskwfm.files.pdf_blocks import GREY
from deskwfm.files.pdf_fonts import FONT, FONT_BOLD, draw_runs, fit

REQUIRED = colors.HexColor("#1f2937")
SCHEDULED = colors.HexColor("#9ec5f8")
SHORT = colors.HexColor("#d93025")
OVER = colors.HexColor("#f0b429")
SERVICE = colors.HexColor("#8e24aa")
GRID = colors.HexColor("#d5d9de")
NO_FORECAST = colors.HexColor("#eef0f2")
COVERED = colors.HexColor("#e3f4e1")
_GAP = 10.0  # between panels
_HEAD = 11.0  # a panel's heading
_LEFT, _RIGHT, _BOTTOM = 20.0, 22.0, 9.0  # axis labels around a day's plot
_LEGEND = 18.0
_Scale = Callable[[float], float]


@dataclass(frozen=True, slots=True)
class CoverageInput:
    """What the printed chart needs: each day's intervals and the site's service-level targets."""

    days: Sequence[DayStaffing]
    targets: StaffingTargets
    week_start: int  # date.weekday() of the first day of the site's work week

    @property
    def has_forecast(self) -> bool:
        return any(d.intervals for d in self.days)


def figures_text(f: StaffingFigures) -> str:
    sl = format_percent(f.service_level) if f.service_level is not None else "\u2013"
    return render(msg("short {short} · over {over} agent-intervals · service level {sl}",
                      short=format_agents(f.agent_intervals_short),
                      over=format_agents(f.agent_intervals_over), sl=sl))


def _nice_step(top: float) -> float:
    raw = top / 4
    base = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(m * base for m in (1, 2, 5, 10) if m * base >= raw)


def _day_label(d: date) -> str:
    return f"{weekday_abbr(d)} {d.isoformat()}"


class CoverageWeek(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """One work week: seven day panels and the week's heatmap, two columns of four, never split
    (a page of its own in landscape)."""

    def __init__(self, days: Sequence[DayStaffing], targets: StaffingTargets, height: float) -> None:
        super().__init__()
        self.days = list(days)
        self.targets = targets
        self.want = height
        self.levels = {d.work_date: [interval_service_level(i, targets) for i in d.intervals] for d in days}

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.want
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []

    def _span(self) -> tuple[int, int]:
        """The minutes of the day that have a forecast on some day of the week, in whole hours."""
        starts = [i.start_minute for d in self.days for i in d.intervals]
        ends = [i.start_minute + i.length for d in self.days for i in d.intervals]
        if not starts:
            return 0, 1440
        return min(starts) // 60 * 60, min(1440, -(-max(ends) // 60) * 60)

    def draw(self) -> None:
        c = self.canv
        pw = (self.width - _GAP) / 2
        ph = (self.height - _LEGEND - 3 * _GAP) / 4
        lo, hi = self._span()
        top = max((max(i.needed, i.scheduled) for d in self.days for i in d.intervals), default=1.0)
        top = max(top, 1.0) * 1.1
        step = _nice_step(top)
        top = math.ceil(top / step) * step
        self._legend(c, self.height - _LEGEND + 6)
        for k in range(8):
            x = (k % 2) * (pw + _GAP)
            y = self.height - _LEGEND - (k // 2 + 1) * ph - (k // 2) * _GAP
            if k < len(self.days):
                self._day(c, self.days[k], x, y, pw, ph, lo, hi, top, step)
            elif k == 7:
                self._heatmap(c, x, y, pw, ph)

    # -- one day ----------------------------------------------------------------------------------
    def _day(self, c: Canvas, day: DayStaffing, x: float, y: float, w: float, h: float,
             lo: int, hi: int, top: float, step: float) -> None:
        head = _day_label(day.work_date)
        if day.intervals:
            head += "  ·  " + figures_text(figures(day.intervals, self.targets))
        text, size = fit(head, FONT_BOLD, 7.5, w)
        c.setFillColor(colors.black)
        draw_runs(c, x, y + h - 7.5, text, FONT_BOLD, size)
        px, py, pw, ph = x + _LEFT, y + _BOTTOM, w - _LEFT - _RIGHT, h - _HEAD - _BOTTOM
        if not day.intervals:
            c.setFillColor(NO_FORECAST)
            c.rect(px, py, pw, ph, stroke=0, fill=1)
            c.setFillColor(GREY)
            draw_runs(c, px + pw / 2, py + ph / 2 - 3, tr("No call forecast for this day"), FONT, 7, "center")
            c.setFillColor(colors.black)
            return

        def xm(minute: float) -> float:
            return px + (minute - lo) / (hi - lo) * pw

        def yv(v: float) -> float:
            return py + v / top * ph

        self._axes(c, px, py, pw, ph, lo, hi, top, step, xm, yv)
        for i in day.intervals:
            a, b = xm(i.start_minute), xm(i.start_minute + i.length)
            self._bar(c, a, b, yv(0), yv(i.scheduled), SCHEDULED)
            if i.short > 0:
                self._bar(c, a, b, yv(i.scheduled), yv(i.needed), SHORT)
            elif i.over > 0:
                self._bar(c, a, b, yv(i.needed), yv(i.scheduled), OVER)
        self._required(c, day.intervals, xm, yv)
        self._service(c, day, xm, py, ph)

    @staticmethod
    def _bar(c: Canvas, a: float, b: float, y0: float, y1: float, fill: Color) -> None:
        if y1 > y0:
            c.setFillColor(fill)
            c.rect(a, y0, b - a, y1 - y0, stroke=0, fill=1)

    def _axes(self, c: Canvas, px: float, py: float, pw: float, ph: float, lo: int, hi: int,
              top: float, step: float, xm: _Scale, yv: _Scale) -> None:
        c.setLineWidth(0.4)
        c.setStrokeColor(GRID)
        c.setFillColor(GREY)
        v = 0.0
        while v <= top + 1e-9:
            c.line(px, yv(v), px + pw, yv(v))
            draw_runs(c, px - 2, yv(v) - 2, format_agents(v), FONT, 5.5, "right")
            v += step
        every = 120 if hi - lo <= 14 * 60 else 240
        m = (lo + every - 1) // every * every
        while m <= hi:
            c.line(xm(m), py, xm(m), py + ph)
            draw_runs(c, xm(m), py - 7, f"{(m // 60) % 24:02d}", FONT, 5.5, "center")
            m += every
        c.setFillColor(SERVICE)
        for share in (0.0, 0.5, 1.0):
            draw_runs(c, px + pw + 2, py + share * ph - 2, f"{int(share * 100)}%", FONT, 5.5)
        c.setDash(2, 2)
        c.setStrokeColor(SERVICE)
        target = py + self.targets.sl_target_pct / 100 * ph
        c.line(px, target, px + pw, target)
        c.setDash()
        c.setFillColor(colors.black)

    @staticmethod
    def _required(c: Canvas, intervals: Sequence[IntervalStaffing], xm: _Scale, yv: _Scale) -> None:
        c.setStrokeColor(REQUIRED)
        c.setLineWidth(1.0)
        path = c.beginPath()
        first = True
        for i in intervals:
            a, b, yy = xm(i.start_minute), xm(i.start_minute + i.length), yv(i.needed)
            if first:
                path.moveTo(a, yy)
                first = False
            else:
                path.lineTo(a, yy)
            path.lineTo(b, yy)
        c.drawPath(path, stroke=1, fill=0)

    def _service(self, c: Canvas, day: DayStaffing, xm: _Scale, py: float, ph: float) -> None:
        c.setStrokeColor(SERVICE)
        c.setLineWidth(0.8)
        prev: tuple[float, float] | None = None
        for i, sl in zip(day.intervals, self.levels[day.work_date], strict=True):
            if sl is None:
                prev = None
                continue
            here = (xm(i.start_minute + i.length / 2), py + sl * ph)
            if prev is not None:
                c.line(*prev, *here)
            prev = here

    # -- the week's heatmap and the legend --------------------------------------------------------
    def _heatmap(self, c: Canvas, x: float, y: float, w: float, h: float) -> None:
        c.setFillColor(colors.black)
        draw_runs(c, x, y + h - 7.5, tr("The week's gap: scheduled less required agents"), FONT_BOLD, 7.5)
        lo, hi = self._span()
        gaps = [abs(i.over - i.short) for d in self.days for i in d.intervals]
        scale = max(max(gaps, default=1.0), 1.0)
        px, py, pw, ph = x + 40, y + _BOTTOM, w - 40 - 4, h - _HEAD - _BOTTOM
        rows = max(1, len(self.days))
        rh = ph / rows
        for r, day in enumerate(self.days):
            ry = py + ph - (r + 1) * rh
            c.setFillColor(GREY)
            label = f"{weekday_abbr(day.work_date)} {day.work_date.day}"
            draw_runs(c, px - 3, ry + rh / 2 - 2, label, FONT, 6, "right")
            c.setFillColor(NO_FORECAST)
            c.rect(px, ry, pw, rh - 0.6, stroke=0, fill=1)
            for i in day.intervals:
                a = px + (i.start_minute - lo) / (hi - lo) * pw
                b = px + (i.start_minute + i.length - lo) / (hi - lo) * pw
                c.setFillColor(self._heat(i.over - i.short, scale))
                c.rect(a, ry, b - a, rh - 0.6, stroke=0, fill=1)
        c.setFillColor(GREY)
        every = 120 if hi - lo <= 14 * 60 else 240
        m = (lo + every - 1) // every * every
        while m <= hi:
            draw_runs(c, px + (m - lo) / (hi - lo) * pw, py - 7, f"{(m // 60) % 24:02d}", FONT, 5.5, "center")
            m += every
        c.setFillColor(colors.black)

    @staticmethod
    def _heat(gap: float, scale: float) -> Color:
        if abs(gap) < 0.1:
            return COVERED
        base = SHORT if gap < 0 else OVER
        t = min(1.0, 0.25 + 0.75 * abs(gap) / scale)
        return colors.Color(1 - t * (1 - base.red), 1 - t * (1 - base.green), 1 - t * (1 - base.blue))

    @staticmethod
    def _legend(c: Canvas, y: float) -> None:
        items = [(tr("Required"), REQUIRED, True), (tr("Scheduled"), SCHEDULED, False),
                 (tr("Short"), SHORT, False), (tr("Over"), OVER, False),
                 (tr("Predicted service level (right scale)"), SERVICE, True)]
        x = 0.0
        c.setFont(FONT, 7)
        for text, colour, line in items:
            if line:
                c.setStrokeColor(colour)
                c.setLineWidth(1.2)
                c.line(x, y + 2.5, x + 10, y + 2.5)
            else:
                c.setFillColor(colour)
                c.rect(x, y, 10, 6, stroke=0, fill=1)
            c.setFillColor(colors.black)
            draw_runs(c, x + 13, y, text, FONT, 7)
            x += 13 + c.stringWidth(text, FONT, 7) + 12


def coverage_weeks(data: CoverageInput) -> list[tuple[date, list[DayStaffing]]]:
    """The range's days by work week (only weeks with some forecast)."""
    weeks: dict[date, list[DayStaffing]] = {}
    for d in data.days:
        weeks.setdefault(week_start_of(d.work_date, data.week_start), []).append(d)
    return [(w, ds) for w, ds in sorted(weeks.items()) if any(d.intervals for d in ds)]


def week_title(days: Sequence[DayStaffing], targets: StaffingTargets) -> str:
    f = figures((i for d in days for i in d.intervals), targets)
    return render(msg("Coverage {a:day} to {b:day}", a=days[0].work_date, b=days[-1].work_date)) + \
        "  ·  " + figures_text(f)
