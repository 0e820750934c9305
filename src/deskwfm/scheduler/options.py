"""Shift shapes placed on days: each with its span, hours, kind, and the places its breaks may go.

Everything here is computed with ``core`` (the clock, ``core.breaks``, ``Coverage``), so the
minutes an option puts on the phones in each interval are exactly what the Short row and the
chart will count once the proposal is written.

Coverage is separable: an agent on the phones = the shift's span, less the unpaid break, less
each paid break. So the models count shifts per option and, apart, how many of them take each
place of each break (``BreakSlot``); the break windows of one shift never overlap (the lunch
window lies between the paid-break windows), so any pairing of the places is a valid shift.

Break places: the unpaid break within an hour of its centred place, the paid breaks within
30 minutes of their default places (``core.breaks``), all on quarter hours, none in the first
or last hour of the shift.

Without a forecast there is no requirement: a day of the range with no forecast at all gets no
options (the scheduler never invents work; the run reports the days it left alone), and an
option's minutes outside every forecast interval (``Option.outside``) count as over-coverage,
so no lower objective term (fairness, say) can add a shift that only adds over-coverage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from deskwfm.core.breaks import paid_break_spans
from deskwfm.core.coverage import Coverage, Demand
from deskwfm.core.errors import DeskwfmError
from deskwfm.core.model import Shift
from deskwfm.core.roster_rules import ShiftType, shift_type
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import Span, paid_spans, to_datetime
from deskwfm.scheduler.problem import Shape

_ONE_DAY = timedelta(days=1)
STEP = 15  # break places are on quarter hours
LUNCH_REACH = 60  # the unpaid break moves up to an hour from its centred place
PAID_REACH = 30  # a paid break moves up to 30 minutes from its default place
EDGE = 60  # no break in the first or last hour of a shift
Cells = tuple[tuple[int, int], ...]  # (cell number, agent-minutes)


@dataclass(frozen=True, slots=True)
class Cell:
    """One forecast interval of the horizon: agents needed, real length, and weight."""

    day: date
    index: int
    need: int
    span: int
    calls: int
    weight: int  # under-coverage weight (more calls, more weight)

    @property
    def need_minutes(self) -> int:
        return self.need * self.span


@dataclass(frozen=True, slots=True)
class BreakSlot:
    """One place a break may start: its wall-clock start and the minutes it takes off the phones."""

    start: time
    cells: Cells


@dataclass(frozen=True, slots=True)
class Option:
    """One shape on one work date."""

    number: int
    day: date
    shape: Shape
    begin: int  # UTC epoch minutes
    finish: int
    paid: int  # paid minutes (unpaid break excluded, paid breaks included)
    kind: ShiftType
    cells: Cells  # minutes of the whole span in each interval
    lunches: tuple[BreakSlot, ...]  # empty: no unpaid break
    paid_windows: tuple[tuple[BreakSlot, ...], ...]  # one tuple of places per paid break
    outside: int = 0  # minutes of the span in no forecast interval: over-coverage, whatever else

    def shift(self, employee: str, lunch: time | None, paid: Sequence[time]) -> Shift:
        s = self.shape
        return Shift(
            employee, self.day, s.start, s.end, s.break_minutes, s.code, break_start=lunch,
            paid_breaks=s.paid_breaks if paid else 0, paid_break_minutes=s.paid_break_minutes if paid else 0,
            paid_break_starts=tuple(paid),
        )

    @property
    def touches(self) -> tuple[date, ...]:
        """The work dates its hours can fall on (for locked pay periods)."""
        s = self.shape
        return (self.day, self.day + _ONE_DAY) if s.end <= s.start else (self.day,)


class Horizon:
    """The intervals the scheduler counts: every forecast interval of the range's days and of the
    day after (night shifts reach into it), with the coverage already on the schedule."""

    def __init__(self, site: SiteSettings, days: Sequence[date], demand: dict[date, dict[int, Demand]],
                 kept: Sequence[Shift]) -> None:
        self.site = site
        self.days = list(days)
        counted = self.days + [self.days[-1] + _ONE_DAY]
        self.coverage = Coverage(site.tz, site.interval_minutes, counted)
        self.coverage.add_all(kept)
        self.fixed = self.coverage  # coverage of the kept shifts
        self.cells: list[Cell] = []
        self.number: dict[tuple[date, int], int] = {}
        # days of the range without any forecast: nothing is needed, nothing is proposed
        self.unforecast = [d for d in self.days if not demand.get(d)]
        calls = [d.calls for day in counted for d in demand.get(day, {}).values() if d.calls > 0]
        mean = sum(calls) / len(calls) if calls else 1.0
        for day in counted:
            for i, d in sorted(demand.get(day, {}).items()):
                if not self.coverage.happens(day, i):
                    continue
                self.number[day, i] = len(self.cells)
                weight = 10 + round(10 * d.calls / mean) if mean else 10
                self.cells.append(Cell(day, i, d.needed, self.coverage.span_of(day, i), d.calls, weight))

    def fixed_minutes(self, cell: int) -> int:
        c = self.cells[cell]
        return self.coverage.counts[c.day][c.index]

    def cells_of(self, work_date: date, spans: Sequence[Span]) -> Cells:
        """Agent-minutes of UTC ``spans`` in the horizon's forecast intervals."""
        out: list[tuple[int, int]] = []
        for day, i, m in self.coverage.minutes_of_spans(work_date, spans):
            n = self.number.get((day, i))
            if n is not None:
                out.append((n, m))
        return tuple(out)


def _wall(begin: int, site: SiteSettings) -> time:
    return to_datetime(begin, site.zone).time()


def _slots(horizon: Horizon, sample: Shift, starts: Sequence[time], length: int) -> tuple[BreakSlot, ...]:
    """The places among ``starts`` that exist that day (DST) as BreakSlots of ``length`` minutes."""
    from deskwfm.core.timecalc import break_instant

    assert sample.start is not None
    clock = horizon.coverage.clock
    out: list[BreakSlot] = []
    for t in starts:
        try:
            b = break_instant(clock, sample.work_date, sample.start, t)
        except DeskwfmError:
            continue
        if _wall(b, horizon.site) != t:  # the second pass of a fall-back hour: not reachable
            continue
        out.append(BreakSlot(t, horizon.cells_of(sample.work_date, [(b, b + length)])))
    return tuple(out)


def _around(centre: int, reach: int, lo: int, hi: int) -> list[int]:
    """Quarter-hour offsets within ``reach`` of ``centre`` (rounded), kept in lo..hi."""
    c = (centre + STEP // 2) // STEP * STEP
    return [c + k for k in range(-reach, reach + 1, STEP) if lo <= c + k <= hi]


def _offsets_to_times(begin: int, offsets: Sequence[int], site: SiteSettings) -> list[time]:
    return [_wall(begin + o, site) for o in offsets]


def build_option(horizon: Horizon, number: int, day: date, shape: Shape) -> Option | None:
    """The shape on ``day``, or None when it cannot be placed (a start inside a DST gap)."""
    site = horizon.site
    clock = horizon.coverage.clock
    plain = Shift("", day, shape.start, shape.end, shape.break_minutes, shape.code)
    try:
        spans = paid_spans(clock, plain)
        kind = shift_type(clock, site.rules, plain)
    except DeskwfmError:
        return None
    begin, finish = spans[0][0], spans[-1][1]
    elapsed = finish - begin
    paid = elapsed - shape.break_minutes
    lunch_offsets: list[int] = []
    if shape.break_minutes:
        centre = (elapsed - shape.break_minutes) // 2
        lunch_offsets = _around(centre, LUNCH_REACH, EDGE, elapsed - EDGE - shape.break_minutes) or [centre]
    windows: list[list[int]] = []
    if shape.paid_breaks and shape.paid_break_minutes:
        sample = Shift("", day, shape.start, shape.end, shape.break_minutes, shape.code,
                       paid_breaks=shape.paid_breaks, paid_break_minutes=shape.paid_break_minutes)
        try:
            defaults = [a - begin for a, _ in paid_break_spans(clock, sample)]
        except DeskwfmError:
            return None
        windows = _paid_windows(defaults, shape, elapsed, lunch_offsets)
        if windows and any(not w for w in windows):
            windows = [[d] for d in defaults]
            lunch_offsets = [(elapsed - shape.break_minutes) // 2] if shape.break_minutes else []
    lunches = _slots(horizon, plain, _offsets_to_times(begin, lunch_offsets, site), shape.break_minutes) \
        if shape.break_minutes else ()
    paid_slots = tuple(
        _slots(horizon, plain, _offsets_to_times(begin, w, site), shape.paid_break_minutes) for w in windows
    )
    if (shape.break_minutes and not lunches) or any(not w for w in paid_slots):
        return None
    cells = horizon.cells_of(day, [(begin, finish)])
    return Option(number, day, shape, begin, finish, paid, kind, cells, lunches, paid_slots,
                  elapsed - sum(m for _, m in cells))


def _paid_windows(defaults: list[int], shape: Shape, elapsed: int, lunch: list[int]) -> list[list[int]]:
    """Places for each paid break: near its default, clear of every lunch place and of the other
    paid breaks' places, out of the shift's first and last hour."""
    length = shape.paid_break_minutes
    lunch_lo = min(lunch) if lunch else None
    lunch_hi = max(lunch) + shape.break_minutes if lunch else None
    out: list[list[int]] = []
    prev_end = EDGE
    for k, d in enumerate(defaults):
        hi = elapsed - EDGE - length
        if k + 1 < len(defaults):
            hi = min(hi, defaults[k + 1] - PAID_REACH - length)
        cands = []
        for o in _around(d, PAID_REACH, prev_end, hi):
            clear = lunch_lo is None or lunch_hi is None or o + length <= lunch_lo or o >= lunch_hi
            if not clear:
                continue
            cands.append(o)
        out.append(cands)
        if cands:
            prev_end = max(cands) + length
    return out


def build_options(horizon: Horizon, shapes: Sequence[Shape]) -> dict[date, list[Option]]:
    """Every shape on every day of the range that has a forecast (those that can be placed)."""
    out: dict[date, list[Option]] = {}
    n = 0
    skip = set(horizon.unforecast)
    for day in horizon.days:
        row: list[Option] = []
        for shape in () if day in skip else shapes:
            opt = build_option(horizon, n, day, shape)
            if opt is not None:
                row.append(opt)
                n += 1
        out[day] = row
    return out
