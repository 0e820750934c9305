"""Paid time of shifts on zone-aware datetimes.

A shift's wall-clock start and end are placed in the site's time zone and subtracted in UTC,
so a 23:00-07:30 night shift is an hour shorter on the spring-forward night and an hour
longer on the fall-back night. A start or end that does not exist that night is an error;
an ambiguous one (fall back) is taken as its first occurrence.

The unpaid break is modelled as one interval centred on the shift's elapsed midpoint, so
day, night-window and holiday attribution are plain interval intersections.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from deskwfm.core.errors import EntryError
from deskwfm.core.model import Shift

_ONE_DAY = timedelta(days=1)


def local_dt(d: date, t: time, tz: ZoneInfo) -> datetime:
    """An aware datetime for wall-clock d t; raises EntryError if it does not exist."""
    dt = datetime.combine(d, t, tzinfo=tz)
    back = dt.astimezone(UTC).astimezone(tz)
    if back.replace(tzinfo=None) != dt.replace(tzinfo=None):
        raise EntryError(
            f"{t:%H:%M} does not exist on {d.isoformat()} in {tz.key} (clocks go forward that night)"
        )
    return dt


def _boundary(d: date, t: time, tz: ZoneInfo) -> datetime:
    """Like local_dt but never fails: a nonexistent wall time maps to the instant after the gap."""
    dt = datetime.combine(d, t, tzinfo=tz)
    back = dt.astimezone(UTC).astimezone(tz)
    if back.replace(tzinfo=None) != dt.replace(tzinfo=None):
        return datetime.combine(d, t, tzinfo=tz).replace(fold=1).astimezone(UTC)
    return dt.astimezone(UTC)


def shift_bounds(work_date: date, start: time, end: time, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC start and end of a shift; end <= start (wall clock) ends on the next day."""
    end_date = work_date + _ONE_DAY if (end.hour, end.minute) <= (start.hour, start.minute) else work_date
    s = local_dt(work_date, start, tz).astimezone(UTC)
    e = local_dt(end_date, end, tz).astimezone(UTC)
    return s, e


@dataclass(frozen=True, slots=True)
class Interval:
    start: datetime  # UTC
    end: datetime  # UTC

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


def paid_intervals(shift: Shift, tz: ZoneInfo) -> list[Interval]:
    """The worked (paid) UTC intervals of a shift: elapsed time less its centred break."""
    if shift.start is None or shift.end is None:
        return []
    s, e = shift_bounds(shift.work_date, shift.start, shift.end, tz)
    elapsed = int((e - s).total_seconds() // 60)
    brk = shift.break_minutes
    if brk >= elapsed:
        raise EntryError(
            f"{shift.employee_code} {shift.work_date.isoformat()}: the {brk}-minute break is not "
            f"shorter than the {elapsed}-minute shift"
        )
    if brk <= 0:
        return [Interval(s, e)]
    b0 = s + timedelta(minutes=(elapsed - brk) // 2)
    b1 = b0 + timedelta(minutes=brk)
    return [iv for iv in (Interval(s, b0), Interval(b1, e)) if iv.minutes > 0]


def paid_minutes(shift: Shift, tz: ZoneInfo) -> int:
    """Paid minutes of one shift (never negative)."""
    return sum(iv.minutes for iv in paid_intervals(shift, tz))


@dataclass(frozen=True, slots=True)
class DayPiece:
    """The part of a shift's paid time that falls on one local calendar day."""

    day: date
    start: datetime  # UTC
    end: datetime  # UTC
    minutes: int


def local_midnight(d: date, tz: ZoneInfo) -> datetime:
    return _boundary(d, time(0, 0), tz)


def split_by_day(intervals: list[Interval], tz: ZoneInfo) -> list[DayPiece]:
    """Cut UTC intervals at local midnights: hours belong to the day they are worked."""
    pieces: list[DayPiece] = []
    for iv in intervals:
        cur = iv.start
        while cur < iv.end:
            day = cur.astimezone(tz).date()
            nxt = min(iv.end, local_midnight(day + _ONE_DAY, tz))
            pieces.append(DayPiece(day, cur, nxt, int((nxt - cur).total_seconds() // 60)))
            cur = nxt
    return [p for p in pieces if p.minutes > 0]


def window_instances(start: datetime, end: datetime, w_start: time, w_end: time, tz: ZoneInfo) -> Iterator[
    tuple[datetime, datetime]
]:
    """UTC instances of a daily local window (e.g. 22:00-06:00) overlapping start..end."""
    d = start.astimezone(tz).date() - _ONE_DAY
    last = end.astimezone(tz).date()
    wraps = (w_end.hour, w_end.minute) <= (w_start.hour, w_start.minute)
    while d <= last:
        ws = _boundary(d, w_start, tz)
        we = _boundary(d + _ONE_DAY if wraps else d, w_end, tz)
        yield ws, we
        d += _ONE_DAY


def overlap_minutes(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> int:
    lo, hi = max(a0, b0), min(a1, b1)
    return int((hi - lo).total_seconds() // 60) if hi > lo else 0


def minutes_in_window(start: datetime, end: datetime, w_start: time, w_end: time, tz: ZoneInfo) -> int:
    """Minutes of start..end (UTC) inside the daily local window w_start..w_end."""
    if w_start == w_end:
        return 0
    return sum(
        overlap_minutes(start, end, ws, we)
        for ws, we in window_instances(start, end, w_start, w_end, tz)
    )
