"""Per-day staffing totals under the grid (people on shift, hours on the floor). No Qt.

The rules are core's: which shifts are paid (``Shift.is_paid``) and how a shift's paid minutes
fall on calendar days (``core.timecalc.minutes_by_day``: a 22:00-06:00 shift puts 2 h on its
first day and 6 h on the next). This class only adds them up per shown day, caching a shift's
contribution by (work date, start, end, break), since a centre repeats a handful of patterns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from deskwfm.core.errors import EntryError
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import clock_for, minutes_by_day

_Key = tuple[date, object, object, int, object]


class DayTotals:
    def __init__(self, tz: str, days: list[date]) -> None:
        self._clock = clock_for(tz)
        self.days = days
        self._col = {d: i for i, d in enumerate(days)}
        self.people = [0] * len(days)
        self.minutes = [0] * len(days)
        self._by_day: dict[_Key, tuple[tuple[date, int], ...]] = {}

    def _minutes_by_day(self, s: Shift) -> tuple[tuple[date, int], ...]:
        key = (s.work_date, s.start, s.end, s.break_minutes, s.break_start)
        got = self._by_day.get(key)
        if got is None:
            try:
                got = tuple(minutes_by_day(self._clock, s))
            except EntryError:  # a start in a DST gap: flagged as a warning, counts nothing
                got = ()
            self._by_day[key] = got
        return got

    def _pieces(self, s: Shift) -> list[tuple[int, int]]:
        """(shown column, minutes) of a shift's paid time on the shown days."""
        col = self._col.get
        return [(c, m) for d, m in self._minutes_by_day(s) if (c := col(d)) is not None]

    def add_all(self, shifts: Iterable[Shift]) -> None:
        """Count many work shifts at once: grouped by pattern first, so 200,000 shifts cost
        one pass of tuple building plus one time calculation per distinct (date, times, break)."""
        work = ShiftKind.WORK
        patterns = Counter(
            (s.work_date, s.start, s.end, s.break_minutes, s.break_start)
            for s in shifts
            if s.kind is work and s.start is not None and s.end is not None
        )
        for (d, start, end, brk, bs), n in patterns.items():
            col = self._col.get(d)
            if col is not None:
                self.people[col] += n
            for c, m in self._pieces(Shift("", d, start, end, brk, break_start=bs)):
                self.minutes[c] += n * m

    def shift_minutes(self, s: Shift) -> int:
        """Paid minutes of a shift (work or paid leave; 0 for the rest), on every day it touches."""
        if not s.is_paid:
            return 0
        return sum(m for _d, m in self._minutes_by_day(s))

    def minutes_on(self, s: Shift, day: date) -> int:
        """Paid minutes of a shift that fall on ``day``."""
        if not s.is_paid:
            return 0
        return sum(m for d, m in self._minutes_by_day(s) if d == day)

    def add(self, s: Shift, sign: int) -> set[int]:
        """Count (sign 1) or uncount (sign -1) a shift; return the day columns it touched."""
        if s.kind is not ShiftKind.WORK or s.start is None or s.end is None:
            return set()
        touched: set[int] = set()
        col = self._col.get(s.work_date)
        if col is not None:
            self.people[col] += sign
            touched.add(col)
        for c, m in self._pieces(s):
            self.minutes[c] += sign * m
            touched.add(c)
        return touched

    def total_minutes(self) -> int:
        return sum(self.minutes)
