"""Which days are an employee's statutory holidays: their working days read from the schedule,
and the substitute day a holiday on a non-working day moves to.

A statutory holiday is the employee's holiday with pay on the day it falls when that day is
one of their working days, or when they work it. When it falls on a day they would not
ordinarily work, the statutes move the holiday with pay to another day (``HolidayOnDayOff``):
Canada Labour Code s.193(1)-(2), Ontario ESA s.29(1) and (3).

Working days: a weekday is one of the employee's working days when they had a paid shift
(work or paid leave) on it in at least half of the weeks they worked among the three work
weeks before the holiday's week. (Three, not the four of holiday pay: for a holiday in the
week before a pay period, whose substitute may fall in the period, those three weeks are
still among the four the engine reads, so every period sees the same working days.) With no
shift at all in those weeks the pattern is unknown and the holiday is taken as falling on a
working day, as before this rule existed (the weekly threshold is lowered, nothing moves).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.periods import week_start_of
from deskwfm.core.rules import HolidayOnDayOff

_WEEK = timedelta(days=7)
_DAY = timedelta(days=1)
_HISTORY_WEEKS = 3
_SEARCH_DAYS = 7  # a substitute day is looked for within a week of the holiday


@dataclass(frozen=True, slots=True)
class Observance:
    """One employee's holidays for classification.

    ``premium_days``: days whose worked minutes are holiday work (the holidays, plus substitute
    days). ``lowering_days``: days that lower their work week's overtime threshold (holidays on
    working days, plus substitute days). ``substitutes``: substitute day -> the holiday it stands
    for."""

    premium_days: frozenset[date]
    lowering_days: frozenset[date]
    substitutes: Mapping[date, date]


def weekdays_by_week(shifts: Iterable[Shift], week_start: int) -> dict[date, frozenset[int]]:
    """The weekdays (``date.weekday()``) of each work week on which the employee had a paid
    shift (work or paid leave), keyed by the week's first day."""
    seen: dict[date, set[int]] = {}
    for sh in shifts:
        if sh.start is None or sh.end is None or sh.kind not in (ShiftKind.WORK, ShiftKind.PAID_LEAVE):
            continue
        seen.setdefault(week_start_of(sh.work_date, week_start), set()).add(sh.work_date.weekday())
    return {week: frozenset(days) for week, days in seen.items()}


def working_weekdays(
    by_week: Mapping[date, frozenset[int]], holiday: date, week_start: int
) -> frozenset[int] | None:
    """Weekdays the employee ordinarily works, from their paid shifts (``weekdays_by_week``) in
    the three work weeks before ``holiday``'s week; None when they have none there (unknown)."""
    week = week_start_of(holiday, week_start)
    weeks = [by_week[w] for w in (week - i * _WEEK for i in range(1, _HISTORY_WEEKS + 1)) if w in by_week]
    if not weeks:
        return None
    return frozenset(wd for wd in range(7) if 2 * sum(wd in days for days in weeks) >= len(weeks))


def observe(
    holidays: Iterable[date],
    shifts: Sequence[Shift],
    worked_days: Iterable[date],
    week_start: int,
    policy: HolidayOnDayOff,
) -> Observance:
    """Each holiday is the employee's holiday on its own day; one they did not work that falls
    on a non-working day lowers no threshold and, unless ``policy`` is PAY_ONLY, moves to their
    next (previous) working day within a week that is not itself a holiday or a substitute."""
    all_holidays = frozenset(holidays)
    worked = frozenset(worked_days)
    lowering: set[date] = set()
    substitutes: dict[date, date] = {}
    by_week = weekdays_by_week(shifts, week_start) if all_holidays else {}
    for h in sorted(all_holidays):
        days = working_weekdays(by_week, h, week_start)
        if days is None or h.weekday() in days:
            lowering.add(h)
            continue
        if h in worked or policy is HolidayOnDayOff.PAY_ONLY:
            continue
        step = _DAY if policy is HolidayOnDayOff.NEXT_WORKING_DAY else -_DAY
        for i in range(1, _SEARCH_DAYS + 1):
            d = h + i * step
            if d.weekday() in days and d not in all_holidays and d not in substitutes:
                substitutes[d] = h
                lowering.add(d)
                break
    return Observance(all_holidays | frozenset(substitutes), frozenset(lowering), substitutes)
