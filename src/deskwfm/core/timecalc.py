"""Paid time of shifts on zone-aware datetimes.

A shift's wall-clock start and end are placed in the site's time zone and subtracted in UTC,
so a 23:00-07:30 night shift is an hour shorter on the spring-forward night and an hour
longer on the fall-back night. A start or end that does not exist that night is an error;
an ambiguous one (fall back) is taken as its first occurrence.

The unpaid break is one interval: at the shift's ``break_start`` wall time when it has one
(placed on the shift's own timeline, so a night shift's 02:00 break is on the next day and a
break start inside a DST gap is an error like a start), otherwise centred on the shift's
elapsed midpoint. Day, night-window and holiday attribution are plain interval intersections.

Internally instants are integer minutes since the Unix epoch (UTC); ``Clock`` converts
wall-clock (date, minute of day) to them with a per-zone cache, which keeps payroll for
thousands of shifts fast while every conversion still goes through ``zoneinfo``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from deskwfm.core.errors import EntryError
from deskwfm.core.messages import msg
from deskwfm.core.model import Shift

_ONE_DAY = timedelta(days=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
Span = tuple[int, int]  # [start, end) in UTC epoch minutes


def minute_of_day(t: time) -> int:
    return t.hour * 60 + t.minute


class Clock:
    """Wall clock <-> UTC epoch minutes in one time zone (cached per date and minute)."""

    __slots__ = ("tz", "_strict", "_lenient")

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._strict: dict[tuple[date, int], int | None] = {}
        self._lenient: dict[tuple[date, int], int] = {}

    def _convert(self, d: date, minute: int) -> tuple[int, bool]:
        dt = datetime(d.year, d.month, d.day, minute // 60, minute % 60, tzinfo=self.tz)
        utc = dt.astimezone(UTC)
        back = utc.astimezone(self.tz)
        exists = (back.hour, back.minute, back.date()) == (dt.hour, dt.minute, d)
        later = int((utc - _EPOCH).total_seconds()) // 60
        if exists:
            return later, True
        # Inside a spring-forward gap every wall time maps to the instant the clocks changed:
        # fold=1 lands before it and fold=0 after it (PEP 495), so search between the two.
        lo = int((dt.replace(fold=1).astimezone(UTC) - _EPOCH).total_seconds()) // 60
        hi, after = later, self._offset(later)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._offset(mid) == after:
                hi = mid
            else:
                lo = mid + 1
        return hi, False

    def _offset(self, epoch_minutes: int) -> timedelta | None:
        return (_EPOCH + timedelta(minutes=epoch_minutes)).astimezone(self.tz).utcoffset()

    def utc(self, d: date, minute: int) -> int:
        """Epoch minutes of wall-clock d + minute; EntryError if that time does not exist."""
        key = (d, minute)
        try:
            v = self._strict[key]
        except KeyError:
            m, exists = self._convert(d, minute)
            v = m if exists else None
            self._strict[key] = v
            self._lenient[key] = m
        if v is None:
            raise EntryError(msg(
                "{t:time} does not exist on {day:date} in {zone} (clocks go forward that night)",
                t=time(minute // 60, minute % 60), day=d, zone=self.tz.key,
            ))
        return v

    def boundary(self, d: date, minute: int) -> int:
        """Like utc() but a wall time that does not exist (spring-forward gap) maps to the
        instant the clocks changed: window and interval edges inside the gap have no length."""
        key = (d, minute)
        try:
            return self._lenient[key]
        except KeyError:
            m, exists = self._convert(d, minute)
            self._lenient[key] = m
            self._strict[key] = m if exists else None
            return m

    def midnight(self, d: date) -> int:
        return self.boundary(d, 0)


@lru_cache(maxsize=32)
def clock_for(tz_key: str) -> Clock:
    return Clock(ZoneInfo(tz_key))


def to_datetime(epoch_minutes: int, tz: ZoneInfo) -> datetime:
    return (_EPOCH + timedelta(minutes=epoch_minutes)).astimezone(tz)


def shift_span(clock: Clock, work_date: date, start: time, end: time) -> Span:
    """UTC span of a shift; end <= start (wall clock) ends on the next day."""
    a, b = minute_of_day(start), minute_of_day(end)
    s = clock.utc(work_date, a)
    e = clock.utc(work_date + _ONE_DAY if b <= a else work_date, b)
    return s, e


def paid_spans(clock: Clock, shift: Shift) -> list[Span]:
    """The worked (paid) UTC spans of a shift: elapsed time less its break (at
    ``break_start`` if set, else centred)."""
    if shift.start is None or shift.end is None:
        return []
    s, e = shift_span(clock, shift.work_date, shift.start, shift.end)
    elapsed = e - s
    brk = shift.break_minutes
    if brk >= elapsed:
        raise EntryError(msg(
            "{code} {day:date}: the {n}-minute break is not shorter than the {span}-minute shift",
            code=shift.employee_code, day=shift.work_date, n=brk, span=elapsed,
        ))
    if brk <= 0:
        return [(s, e)]
    if shift.break_start is None:
        b0 = s + (elapsed - brk) // 2
    else:
        b0 = break_instant(clock, shift.work_date, shift.start, shift.break_start)
        if not s < b0 < b0 + brk < e:
            raise EntryError(msg(
                "{code} {day:date}: the {n}-minute break at {at:time} does not lie inside the shift "
                "{start:time}-{end:time}",
                code=shift.employee_code, day=shift.work_date, n=brk, at=shift.break_start,
                start=shift.start, end=shift.end,
            ))
    return [(s, b0), (b0 + brk, e)]


def break_instant(clock: Clock, work_date: date, start: time, break_start: time) -> int:
    """Epoch minutes of a break that starts at wall time ``break_start``: on the work date,
    or the next day when it is at or before the shift's start (a night shift's 02:00 break).
    EntryError if that wall time does not exist (clocks go forward)."""
    b = minute_of_day(break_start)
    return clock.utc(work_date if b > minute_of_day(start) else work_date + _ONE_DAY, b)


def day_pieces(clock: Clock, spans: list[Span], first_day: date) -> list[tuple[date, int, int]]:
    """Cut spans at local midnights: (day, start, end) pieces; hours belong to the day worked."""
    out: list[tuple[date, int, int]] = []
    day = first_day
    nxt = clock.midnight(day + _ONE_DAY)
    for a, b in spans:
        while a < b:
            while a >= nxt:
                day += _ONE_DAY
                nxt = clock.midnight(day + _ONE_DAY)
            cut = min(b, nxt)
            out.append((day, a, cut))
            a = cut
    return out


def minutes_by_day(clock: Clock, shift: Shift) -> list[tuple[date, int]]:
    """Paid minutes of a shift on each calendar day it touches (hours belong to the day
    worked): a 22:00-06:00 shift is [(day 1, 120), (day 2, 360)]. EntryError as paid_spans."""
    out: dict[date, int] = {}
    for day, a, b in day_pieces(clock, paid_spans(clock, shift), shift.work_date):
        out[day] = out.get(day, 0) + b - a
    return list(out.items())


def window_minutes(clock: Clock, day: date, a: int, b: int, w_start: int, w_end: int) -> int:
    """Minutes of a..b (a piece on local ``day``) inside the daily window w_start..w_end
    (minutes of day; w_end <= w_start wraps past midnight)."""
    if w_start == w_end:
        return 0
    total = 0
    wraps = w_end <= w_start
    for d in (day - _ONE_DAY, day) if wraps else (day,):
        ws = clock.boundary(d, w_start)
        we = clock.boundary(d + _ONE_DAY if wraps else d, w_end)
        lo, hi = max(a, ws), min(b, we)
        if hi > lo:
            total += hi - lo
    return total


def paid_minutes(shift: Shift, tz: ZoneInfo) -> int:
    """Paid minutes of one shift (never negative)."""
    return sum(b - a for a, b in paid_spans(clock_for(tz.key), shift))


def shift_bounds(work_date: date, start: time, end: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Aware UTC datetimes of a shift's start and end."""
    s, e = shift_span(clock_for(tz.key), work_date, start, end)
    return to_datetime(s, tz).astimezone(UTC), to_datetime(e, tz).astimezone(UTC)
