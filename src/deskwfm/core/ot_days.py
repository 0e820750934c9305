"""The "day" of daily overtime, as data (``RuleSet.daily_ot_day``): which worked minutes share a
day's overtime threshold.

Hours always belong to the calendar day worked for holidays, night premium and per-day totals
(design.md); only the daily-overtime count may group them differently:

* ``WORKDAY``: 24-hour workdays starting each calendar day at ``workday_start`` (California
  Labor Code s.500(a)); at midnight (the default) a workday is the calendar day. The work week
  is seven such workdays (s.500(b)), so a minute's work week is that of its workday.
* ``FROM_SHIFT_START``: a 24-hour day from the start of work (Canada Labour Code s.166). A
  shift that starts while a day is open joins it, work past the day's 24th hour starts the next
  day at that instant, and the first shift of each work week starts afresh. The work week stays
  the calendar week (s.166: Saturday midnight to Saturday midnight, or the site's week).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from deskwfm.core.model import Shift
from deskwfm.core.timecalc import Clock, window_minutes

# A worked piece of a shift on one day: start, day, end (epoch minutes), night minutes, shift
# index, hourly rate (None: no rate in force).
Piece = tuple[int, date, int, int, int, Decimal | None]
DayKey = date | int  # a workday's date, or the epoch minute a 24-hour day starts

_DAY = timedelta(days=1)
_24H = 24 * 60


def split_workdays(
    clock: Clock, pieces: Sequence[Piece], start_minute: int, night: tuple[int, int]
) -> tuple[list[Piece], list[DayKey], list[date]]:
    """Pieces cut where a workday starting at ``start_minute`` (minute of day) begins; each with
    its workday as both its overtime-day key and its work-week day."""
    out: list[Piece] = []
    keys: list[DayKey] = []
    wdays: list[date] = []
    for a, day, b, n, idx, rate in pieces:
        cut = clock.boundary(day, start_minute)
        if a < cut < b:
            first = window_minutes(clock, day, a, cut, *night) if n else 0
            out += [(a, day, cut, first, idx, rate), (cut, day, b, n - first, idx, rate)]
            keys += [day - _DAY, day]
            wdays += [day - _DAY, day]
            continue
        wd = day if a >= cut else day - _DAY
        out.append((a, day, b, n, idx, rate))
        keys.append(wd)
        wdays.append(wd)
    return out, keys, wdays


def split_from_shift_start(
    clock: Clock,
    pieces: Sequence[Piece],
    shifts: Sequence[Shift],
    week_of: Callable[[date], date],
    night: tuple[int, int],
) -> tuple[list[Piece], list[DayKey], list[date]]:
    """Pieces (in time order, no overlaps) cut at the end of each 24-hour day counted from the
    start of work; keys are each day's first minute, work-week days the calendar days."""
    out: list[Piece] = []
    keys: list[DayKey] = []
    wdays: list[date] = []
    end = anchor = -1
    anchor_week: date | None = None
    members: set[int] = set()
    for a, day, b, n, idx, rate in pieces:
        week = week_of(shifts[idx].work_date)
        while True:
            if anchor_week is None or a >= end or (idx not in members and week != anchor_week):
                anchor, end, anchor_week, members = a, a + _24H, week, {idx}
            else:
                members.add(idx)
            if b <= end:
                out.append((a, day, b, n, idx, rate))
                keys.append(anchor)
                wdays.append(day)
                break
            first = window_minutes(clock, day, a, end, *night) if n else 0
            out.append((a, day, end, first, idx, rate))
            keys.append(anchor)
            wdays.append(day)
            a, n = end, n - first
    return out, keys, wdays
