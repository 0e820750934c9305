"""What the coverage chart shows, worked out from a schedule's coverage (no Qt here).

A ``DayCurve`` is one day's forecast intervals: agents required (Erlang C after shrinkage),
agents scheduled (agent-minutes on the phones over the interval), what is short or over, and
the predicted service level of each interval and of the day (``core.service_level``). A
``WeekMap`` is the week's days x intervals of the gap (scheduled less required) with the
week's figures.

``CoverageTracker`` reads days from a source (the grid's ``StaffingRow.day``, which sums the
grid's own ``Coverage`` object, kept current shift by shift as cells are edited) and keeps the
curve of each day it was asked for; a day is priced again (Erlang C per interval) only when its
agent-minutes or its forecast changed, so an edit re-prices the one or two days it touched,
never the whole range.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from deskwfm.core.coverage import DayStaffing, IntervalStaffing
from deskwfm.core.service_level import StaffingFigures, combine, figures, interval_service_level
from deskwfm.core.staffing_targets import StaffingTargets

DaySource = Callable[[date], DayStaffing | None]


@dataclass(frozen=True, slots=True)
class IntervalPoint:
    """One forecast interval of a day as the chart draws it."""

    start_minute: int
    length: int
    needed: int
    scheduled: float  # agents on the phones, on average over the interval
    short: float
    over: float
    calls: int
    service_level: float | None  # predicted share of calls answered in time; None without calls

    @property
    def gap(self) -> float:
        """Scheduled less required: negative when short."""
        return self.over - self.short


@dataclass(frozen=True, slots=True)
class DayCurve:
    day: date
    points: tuple[IntervalPoint, ...]
    figures: StaffingFigures

    @property
    def has_forecast(self) -> bool:
        return bool(self.points)

    @property
    def peak(self) -> float:
        """The largest number of agents required or scheduled (the chart's scale)."""
        return max((max(p.needed, p.scheduled) for p in self.points), default=0.0)


@dataclass(frozen=True, slots=True)
class WeekMap:
    """``gaps[k][i]``: scheduled less required agents on ``days[k]`` in interval ``i`` of the day
    (None: no forecast for it)."""

    days: tuple[date, ...]
    per_day: int
    length: int
    gaps: tuple[tuple[float | None, ...], ...]
    figures: StaffingFigures

    @property
    def largest_gap(self) -> float:
        return max((abs(g) for row in self.gaps for g in row if g is not None), default=0.0)


def _point(i: IntervalStaffing, targets: StaffingTargets) -> IntervalPoint:
    return IntervalPoint(i.start_minute, i.length, i.needed, i.scheduled, i.short, i.over, i.calls,
                         interval_service_level(i, targets))


def day_curve(day: DayStaffing, targets: StaffingTargets) -> DayCurve:
    return DayCurve(day.work_date, tuple(_point(i, targets) for i in day.intervals),
                    figures(day.intervals, targets))


class CoverageTracker:
    """Day curves and week maps of one schedule, each day priced again only when it changed."""

    def __init__(self, source: DaySource, targets: StaffingTargets, interval_minutes: int) -> None:
        self._source = source
        self.targets = targets
        self.length = interval_minutes
        self._curves: dict[date, tuple[tuple[IntervalStaffing, ...], DayCurve]] = {}
        self.priced = 0  # days priced so far (what an edit costs, for the tests and the bench)

    def curve(self, d: date) -> DayCurve:
        day = self._source(d)
        intervals = day.intervals if day is not None else ()
        kept = self._curves.get(d)
        if kept is not None and kept[0] == intervals:
            return kept[1]
        curve = day_curve(day if day is not None else DayStaffing(d, ()), self.targets)
        self.priced += 1
        self._curves[d] = (intervals, curve)
        return curve

    def week(self, days: Sequence[date]) -> WeekMap:
        per_day = 1440 // self.length
        curves = [self.curve(d) for d in days]
        gaps = []
        for c in curves:
            row: list[float | None] = [None] * per_day
            for p in c.points:
                row[p.start_minute // self.length] = p.gap
            gaps.append(tuple(row))
        return WeekMap(tuple(days), per_day, self.length, tuple(gaps), combine(c.figures for c in curves))


def source_of(days: Sequence[DayStaffing]) -> DaySource:
    """A source over a fixed list of days (a proposal's figures before and after)."""
    by_day: Mapping[date, DayStaffing] = {d.work_date: d for d in days}
    return by_day.get
