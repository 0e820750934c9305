"""Scheduled agents against the forecast, per staffing interval.

Coverage is counted in agent-minutes on the phones: each work shift adds, to every interval
it touches, the minutes its agent is on the phones there - worked time less the unpaid break
(``core.timecalc``) and the paid breaks (``core.breaks``). Scheduled agents in an interval are
those minutes over the interval's length (a 09:15 start is half an agent in 09:00-09:30; two
agents on a 15-minute paid break in one 30-minute interval are one agent away). Leave and days
off do not count. Intervals are placed on the site's wall clock through ``Clock``, so on the
spring-forward night the 02:00 interval has no length (nobody is scheduled in it) and a night
shift is an hour shorter; on the fall-back night the 01:00 interval is its first pass.

``Coverage`` keeps the minutes per day and updates them shift by shift (``add`` with sign
+1/-1), so an edit in the grid costs one cached pattern lookup, not a recount of the day.
Everything stays integer (agent-minutes); fractions of agents appear only when shown.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deskwfm.core.breaks import phone_spans
from deskwfm.core.errors import EntryError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.staffing_targets import StaffingTargets
from deskwfm.core.timecalc import Clock, Span, clock_for

_ONE_DAY = timedelta(days=1)
_Pattern = tuple[object, ...]
_Cell = tuple[date, int, int]  # (day, interval index, agent-minutes)


def interval_text(start_minute: int, length: int) -> str:
    """``10:00–10:30`` (the end of the last interval of a day reads 24:00)."""
    end = start_minute + length
    return f"{start_minute // 60:02d}:{start_minute % 60:02d}\u2013{end // 60:02d}:{end % 60:02d}"


@dataclass(frozen=True, slots=True)
class Demand:
    """What the forecast asks of one interval: agents to schedule (Erlang C after shrinkage)
    and the calls and handle time behind it (for the predicted service level)."""

    needed: int
    calls: int = 0
    aht_seconds: int = 0


@dataclass(frozen=True, slots=True)
class IntervalStaffing:
    """One forecast interval: agents needed, and agent-minutes on the phones scheduled.

    ``span`` is the interval's real length in minutes (the nominal ``length`` except next to a
    clock change), so agents scheduled = ``minutes / span``."""

    work_date: date
    start_minute: int
    length: int
    needed: int
    minutes: int
    span: int = 0
    calls: int = 0
    aht_seconds: int = 0

    @property
    def real_span(self) -> int:
        return self.span or self.length

    @property
    def scheduled(self) -> float:
        """Agents on the phones, on average over the interval."""
        return self.minutes / self.real_span

    @property
    def short_minutes(self) -> int:
        return max(0, self.needed * self.real_span - self.minutes)

    @property
    def over_minutes(self) -> int:
        return max(0, self.minutes - self.needed * self.real_span)

    @property
    def short(self) -> float:
        """Agents missing (0 when covered), e.g. 1.5."""
        return self.short_minutes / self.real_span

    @property
    def over(self) -> float:
        return self.over_minutes / self.real_span

    @property
    def label(self) -> str:
        return interval_text(self.start_minute, self.length)

    @property
    def start_text(self) -> str:
        return f"{self.start_minute // 60:02d}:{self.start_minute % 60:02d}"


@dataclass(frozen=True, slots=True)
class DayStaffing:
    work_date: date
    intervals: tuple[IntervalStaffing, ...]  # the forecast intervals of the day, in order

    @property
    def short_intervals(self) -> list[IntervalStaffing]:
        return [i for i in self.intervals if i.short_minutes > 0]

    @property
    def worst(self) -> IntervalStaffing | None:
        """The interval with the largest shortfall (the earliest of equals); None if none short."""
        best: IntervalStaffing | None = None
        for i in self.intervals:
            if i.short_minutes > 0 and (best is None or i.short > best.short):
                best = i
        return best

    @property
    def peak(self) -> IntervalStaffing | None:
        """The interval needing the most agents (the earliest of equals)."""
        best: IntervalStaffing | None = None
        for i in self.intervals:
            if best is None or i.needed > best.needed:
                best = i
        return best

    @property
    def short_agent_minutes(self) -> int:
        """Agent-minutes missing over the day."""
        return sum(i.short_minutes for i in self.intervals)

    @property
    def over_agent_minutes(self) -> int:
        return sum(i.over_minutes for i in self.intervals)

    @property
    def agent_intervals_short(self) -> float:
        """Agents missing summed over the day's intervals (a WFM analyst's "agent-intervals")."""
        return sum(i.short for i in self.intervals)

    @property
    def agent_intervals_over(self) -> float:
        return sum(i.over for i in self.intervals)


class Coverage:
    """Agent-minutes on the phones per (day, interval) for a range of days, updated shift by
    shift."""

    def __init__(self, tz: str, interval_minutes: int, days: Sequence[date]) -> None:
        if interval_minutes <= 0 or 1440 % interval_minutes:
            raise ValueError(f"a staffing interval of {interval_minutes} min does not divide a day")
        self._clock: Clock = clock_for(tz)
        self.length = interval_minutes
        self.per_day = 1440 // interval_minutes
        self.counts: dict[date, list[int]] = {d: [0] * self.per_day for d in days}
        self._cells: dict[_Pattern, tuple[_Cell, ...]] = {}
        self._bounds: dict[date, list[int]] = {}
        self._regular_days: dict[date, bool] = {}
        self._shapes: dict[_Pattern, tuple[tuple[int, int, int], ...]] = {}

    @property
    def clock(self) -> Clock:
        return self._clock

    def _edges(self, day: date) -> list[int]:
        """Epoch minutes of the day's interval edges (per_day + 1 of them, cached)."""
        edges = self._bounds.get(day)
        if edges is None:
            clock = self._clock
            edges = [clock.boundary(day, i * self.length) for i in range(self.per_day)]
            edges.append(clock.boundary(day + _ONE_DAY, 0))
            self._bounds[day] = edges
        return edges

    def happens(self, day: date, index: int) -> bool:
        """False for an interval inside the spring-forward gap (it has no length)."""
        edges = self._edges(day)
        return edges[index + 1] > edges[index]

    def span_of(self, day: date, index: int) -> int:
        """Real length in minutes of one interval (0 inside a spring-forward gap)."""
        edges = self._edges(day)
        return edges[index + 1] - edges[index]

    def interval_span(self, day: date, index: int) -> Span:
        """UTC span of one interval of ``day`` (zero length inside a spring-forward gap)."""
        edges = self._edges(day)
        return edges[index], edges[index + 1]

    @staticmethod
    def pattern(s: Shift) -> _Pattern:
        """What decides where a shift is on the phones (its employee does not)."""
        return (s.work_date, s.start, s.end, s.break_minutes, s.break_start, s.paid_breaks,
                s.paid_break_minutes, s.paid_break_starts)

    def cells_of(self, s: Shift) -> tuple[_Cell, ...]:
        """The (day, interval, agent-minutes) a work shift is on the phones in (cached per
        pattern)."""
        if s.kind is not ShiftKind.WORK or s.start is None or s.end is None:
            return ()
        key = self.pattern(s)
        got = self._cells.get(key)
        if got is None:
            got = self._cells[key] = self._cells_by_shape(s)
        return got

    def _regular(self, day: date) -> bool:
        """True when the day and the next have evenly spaced edges (no clock change), so a
        shift pattern covers the same interval indexes whatever its date."""
        reg = self._regular_days.get(day)
        if reg is None:
            step = self.length
            reg = all(
                all(b - a == step for a, b in zip(e, e[1:], strict=False))
                for e in (self._edges(day), self._edges(day + _ONE_DAY))
            ) and self._edges(day)[-1] == self._edges(day + _ONE_DAY)[0]
            self._regular_days[day] = reg
        return reg

    def _cells_by_shape(self, s: Shift) -> tuple[_Cell, ...]:
        """Most days have no clock change: compute a pattern's (day offset, index, minutes)
        once and place it on each date; only days next to a DST change are computed apart."""
        if not self._regular(s.work_date):
            return self._compute(s)
        shape_key = self.pattern(s)[1:]
        shape = self._shapes.get(shape_key)
        if shape is None:
            base = self._compute(s)
            shape = self._shapes[shape_key] = tuple(((d - s.work_date).days, i, m) for d, i, m in base)
        return tuple((s.work_date + timedelta(days=k), i, m) for k, i, m in shape)

    def _compute(self, s: Shift) -> tuple[_Cell, ...]:
        try:
            spans = phone_spans(self._clock, s)
        except EntryError:
            return ()
        return self.minutes_of_spans(s.work_date, spans)

    def minutes_of_spans(self, work_date: date, spans: Sequence[Span]) -> tuple[_Cell, ...]:
        """(day, interval, minutes) of UTC ``spans`` that start on ``work_date`` or the next day."""
        if not spans:
            return ()
        lo, hi = spans[0][0], spans[-1][1]
        out: list[_Cell] = []
        for day in (work_date, work_date + _ONE_DAY):
            edges = self._edges(day)
            first = max(0, bisect_right(edges, lo) - 1)
            last = min(self.per_day, bisect_left(edges, hi))
            for i in range(first, last):
                a, b = edges[i], edges[i + 1]
                if b <= lo or a >= hi or b <= a:
                    continue
                overlap = sum(max(0, min(b, e) - max(a, st)) for st, e in spans)
                if overlap:
                    out.append((day, i, overlap))
        return tuple(out)

    def add(self, s: Shift, sign: int) -> set[date]:
        """Count (+1) or uncount (-1) one shift; return the days whose counts changed."""
        touched: set[date] = set()
        for day, i, m in self.cells_of(s):
            row = self.counts.get(day)
            if row is not None:
                row[i] += sign * m
                touched.add(day)
        return touched

    def add_all(self, shifts: Iterable[Shift]) -> None:
        """Count many shifts, grouped by pattern first (one time calculation per pattern)."""
        work = ShiftKind.WORK
        patterns: Counter[_Pattern] = Counter()
        sample: dict[_Pattern, Shift] = {}
        for s in shifts:
            if s.kind is work and s.start is not None and s.end is not None:
                key = self.pattern(s)
                patterns[key] += 1
                sample.setdefault(key, s)
        counts = self.counts
        for key, n in patterns.items():
            for day, i, m in self.cells_of(sample[key]):
                row = counts.get(day)
                if row is not None:
                    row[i] += n * m

    def minutes(self, day: date) -> list[int]:
        """Agent-minutes on the phones per interval of ``day``."""
        return self.counts[day]

    def scheduled(self, day: date) -> list[float]:
        """Agents on the phones per interval of ``day`` (average over each interval)."""
        return [m / span if span > 0 else 0.0
                for m, span in zip(self.counts[day], (self.span_of(day, i) for i in range(self.per_day)),
                                   strict=True)]


def demand_by_interval(
    forecast: Iterable[ForecastInterval], targets: StaffingTargets
) -> dict[date, dict[int, Demand]]:
    """Agents needed (Erlang C, cached per distinct calls and AHT), calls and handle time per
    day and interval index."""
    cache: dict[tuple[int, int], int] = {}
    out: dict[date, dict[int, Demand]] = {}
    length = targets.interval_minutes
    for f in forecast:
        key = (f.calls, f.aht_seconds)
        n = cache.get(key)
        if n is None:
            n = cache[key] = targets.needed(f.calls, f.aht_seconds)
        out.setdefault(f.work_date, {})[f.start_minute // length] = Demand(n, f.calls, f.aht_seconds)
    return out


def day_staffing(coverage: Coverage, day: date, demand: dict[int, Demand]) -> DayStaffing:
    """Needed against scheduled for each forecast interval of ``day``."""
    counts = coverage.counts.get(day)
    length = coverage.length
    items = tuple(
        IntervalStaffing(
            day, i * length, length, d.needed, counts[i] if counts is not None else 0,
            coverage.span_of(day, i), d.calls, d.aht_seconds,
        )
        for i, d in sorted(demand.items())
        # An interval inside the spring-forward gap does not happen: nobody can be scheduled in
        # it and no call arrives in it, so it is left out rather than shown as short.
        if coverage.happens(day, i)
    )
    return DayStaffing(day, items)


def staffing_report(
    tz: str,
    targets: StaffingTargets,
    days: Sequence[date],
    forecast: Iterable[ForecastInterval],
    shifts: Iterable[Shift],
) -> list[DayStaffing]:
    """Per day of ``days``: each forecast interval's needed and scheduled agents.
    ``shifts`` should include the day before the first (night shifts reach into it)."""
    cov = Coverage(tz, targets.interval_minutes, days)
    cov.add_all(shifts)
    need = demand_by_interval(forecast, targets)
    return [day_staffing(cov, d, need.get(d, {})) for d in days]
