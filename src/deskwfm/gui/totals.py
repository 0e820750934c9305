"""Per-day staffing totals under the grid (people on shift, hours on the floor). No Qt.

Hours belong to the day they are worked (a 22:00-06:00 shift puts 2 h on its first day and
6 h on the next), computed with core.timecalc on the site's zone. A shift's contribution is
cached by (work date, start, end, break), since a centre repeats a handful of shift patterns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from deskwfm.core.errors import EntryError
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import clock_for, day_pieces, paid_spans

_Key = tuple[date, object, object, int, object]


class DayTotals:
    def __init__(self, tz: str, days: list[date]) -> None:
        self._clock = clock_for(tz)
        self.days = days
        self._col = {d: i for i, d in enumerate(days)}
        self.people = [0] * len(days)
        self.minutes = [0] * len(days)
        self._cache: dict[_Key, tuple[tuple[int, int], ...]] = {}
        self._paid: dict[_Key, int] = {}

    def _pieces(self, s: Shift) -> tuple[tuple[int, int], ...]:
        key = (s.work_date, s.start, s.end, s.break_minutes, s.break_start)
        got = self._cache.get(key)
        if got is None:
            try:
                spans = paid_spans(self._clock, s)
                per_col: dict[int, int] = {}
                for day, a, b in day_pieces(self._clock, spans, s.work_date):
                    col = self._col.get(day)
                    if col is not None:
                        per_col[col] = per_col.get(col, 0) + (b - a)
                got = tuple(per_col.items())
            except EntryError:
                got = ()
            self._cache[key] = got
        return got

    def add_all(self, shifts: Iterable[Shift]) -> None:
        """Count many shifts at once: grouped by pattern first, so 200,000 shifts cost one
        pass of tuple building plus one time calculation per distinct (date, times, break)."""
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
        """Paid minutes of a work or paid-leave shift (span less break); 0 for the rest."""
        if s.start is None or s.end is None or s.kind in (ShiftKind.OFF, ShiftKind.UNPAID_LEAVE):
            return 0
        key = (s.work_date, s.start, s.end, s.break_minutes, s.break_start)
        got = self._paid.get(key)
        if got is None:
            try:
                got = sum(b - a for a, b in paid_spans(self._clock, s))
            except EntryError:
                got = 0
            self._paid[key] = got
        return got

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

