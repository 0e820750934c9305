"""An employee's working days, read from their schedule, and where a holiday on a day off goes
(core.observance). Sources: Canada Labour Code s.193(1)-(2), Ontario ESA s.29(1) and (3)."""

from __future__ import annotations

from datetime import date, time, timedelta

from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.observance import observe, weekdays_by_week, working_weekdays
from deskwfm.core.rules import HolidayOnDayOff

from .payroll_helpers import leave, work

CANADA_DAY = date(2028, 7, 1)  # Saturday; its work week starts Sun 2028-06-25
WEEK = date(2028, 6, 25)


def _days(weekdays: tuple[int, ...], weeks: int = 3) -> list[Shift]:
    """Shifts on the given weekdays (0 = Monday) in the ``weeks`` work weeks before WEEK."""
    return [
        work(WEEK - timedelta(weeks=w) + timedelta(days=(wd + 1) % 7), 9, 17)
        for w in range(1, weeks + 1)
        for wd in weekdays
    ]


def _working(shifts: list[Shift], holiday: date) -> frozenset[int] | None:
    return working_weekdays(weekdays_by_week(shifts, 6), holiday, 6)


def test_working_days_are_the_weekdays_worked_in_at_least_half_the_weeks() -> None:
    """Mon-Fri in all three weeks before the holiday's week, and one extra Saturday: Mon-Fri
    are working days, the Saturday is not ("ordinarily a working day", ESA s.29(1))."""
    extra = work(WEEK - timedelta(days=1), 9, 13)  # the Saturday just before
    assert _working([*_days((0, 1, 2, 3, 4)), extra], CANADA_DAY) == frozenset(range(5))


def test_a_part_timer_works_only_their_days_and_paid_leave_counts() -> None:
    shifts = _days((1, 3), weeks=2) + [leave(WEEK - timedelta(days=5)), leave(WEEK - timedelta(days=3))]
    assert _working(shifts, CANADA_DAY) == frozenset({1, 3})


def test_days_off_and_unpaid_leave_are_not_working_days_and_no_history_is_unknown() -> None:
    off = [Shift("A1", WEEK - timedelta(days=6), None, None, 0, "OFF", ShiftKind.OFF)]
    unpaid = [Shift("A1", WEEK - timedelta(days=5), time(9), time(17), 0, "LWOP", ShiftKind.UNPAID_LEAVE)]
    assert _working([*off, *unpaid], CANADA_DAY) is None
    assert _working([], CANADA_DAY) is None
    assert _working(_days((0,), weeks=3), CANADA_DAY + timedelta(weeks=6)) is None


def test_a_saturday_holiday_moves_to_monday_or_friday_for_a_monday_to_friday_employee() -> None:
    """CLC s.193(2): "a holiday with pay on the working day immediately preceding or following"."""
    shifts = _days((0, 1, 2, 3, 4))
    nxt = observe([CANADA_DAY], shifts, [], 6, HolidayOnDayOff.NEXT_WORKING_DAY)
    assert dict(nxt.substitutes) == {date(2028, 7, 3): CANADA_DAY}
    assert nxt.lowering_days == {date(2028, 7, 3)}
    assert nxt.premium_days == {CANADA_DAY, date(2028, 7, 3)}
    prev = observe([CANADA_DAY], shifts, [], 6, HolidayOnDayOff.PREVIOUS_WORKING_DAY)
    assert dict(prev.substitutes) == {date(2028, 6, 30): CANADA_DAY}
    only = observe([CANADA_DAY], shifts, [], 6, HolidayOnDayOff.PAY_ONLY)
    assert (dict(only.substitutes), only.lowering_days) == ({}, frozenset())


def test_two_holidays_on_a_weekend_take_two_working_days() -> None:
    """Christmas 2027 (Sat) and Boxing Day (Sun): Monday 12-27 and Tuesday 12-28."""
    xmas, boxing = date(2027, 12, 25), date(2027, 12, 26)
    week = date(2027, 12, 19)
    shifts = [work(week - timedelta(weeks=w, days=-d), 9, 17) for w in range(1, 4) for d in range(1, 6)]
    got = observe([xmas, boxing], shifts, [], 6, HolidayOnDayOff.NEXT_WORKING_DAY)
    assert dict(got.substitutes) == {date(2027, 12, 27): xmas, date(2027, 12, 28): boxing}


def test_a_holiday_worked_or_on_a_working_day_stays_where_it_is() -> None:
    shifts = _days((0, 1, 2, 3, 4))
    worked = observe([CANADA_DAY], shifts, [CANADA_DAY], 6, HolidayOnDayOff.NEXT_WORKING_DAY)
    assert (dict(worked.substitutes), worked.lowering_days) == ({}, frozenset())
    weekday = date(2028, 6, 28)  # a Wednesday holiday
    on_day = observe([weekday], shifts, [], 6, HolidayOnDayOff.NEXT_WORKING_DAY)
    assert (dict(on_day.substitutes), on_day.lowering_days) == ({}, {weekday})
