"""What a locked pay period refuses: every dated change that would alter its payroll.

A shift's hours belong to the days they are worked, so a shift counts for its work date and,
when it runs past midnight, the next day too (an overnight shift from the day before a locked
period reaches into it). Actual time counts for its work date and every day its worked segments
reach. A pay rate counts from its effective date until the next rate takes
over. The store asks ``first_locked`` inside its write transaction, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from deskwfm.core.actual import ActualDay
from deskwfm.core.approvals import PeriodState
from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg
from deskwfm.core.model import Shift

DateRange = tuple[date, date]  # first and last day, inclusive
_ONE_DAY = timedelta(days=1)
FOREVER = date(9999, 12, 31)


class PeriodLockedError(InputError):
    """A change would alter a locked pay period; nothing was written."""

    def __init__(self, period: PeriodState) -> None:
        self.period = period
        when = period.locked_at.date() if period.locked_at is not None else period.start
        super().__init__(
            msg(
                "the pay period {start:date} to {end:date} is locked (by {who} on {when:date}); "
                "nothing was changed — unlock it first if this change is needed",
                start=period.start,
                end=period.end,
                who=period.locked_by or "?",
                when=when,
            )
        )


def shift_days(s: Shift | None) -> list[DateRange]:
    """The days a shift's hours can fall on: its work date, and the next when it ends past midnight."""
    if s is None:
        return []
    d = s.work_date
    overnight = s.start is not None and s.end is not None and s.end <= s.start
    return [(d, d + _ONE_DAY if overnight else d)]


def actual_days(day: ActualDay | None) -> list[DateRange]:
    """The days a record of actual time can put hours on: its work date and the days its segments
    reach (a session begun the evening before, or running past midnight)."""
    if day is None:
        return []
    lo = min((s.start for s in day.segments), default=0)
    hi = max((s.end if s.end is not None else s.start + 1 for s in day.segments), default=1)
    first = day.work_date + timedelta(days=min(0, lo // 1440))
    last = day.work_date + timedelta(days=max(0, (hi - 1) // 1440))
    return [(first, last)]


def rate_window(effective_from: date, other_starts: Iterable[date]) -> DateRange:
    """The days a rate is in force: from its date until the day before the next rate's date."""
    later = [d for d in other_starts if d > effective_from]
    return effective_from, (min(later) - _ONE_DAY) if later else FOREVER


def first_locked(ranges: Iterable[DateRange], periods: Sequence[PeriodState]) -> PeriodState | None:
    """The earliest locked period that any of ``ranges`` overlaps, or None."""
    locked = sorted((p for p in periods if p.locked), key=lambda p: p.start)
    if not locked:
        return None
    for p in locked:
        for lo, hi in ranges:
            if lo <= p.end and hi >= p.start:
                return p
    return None
