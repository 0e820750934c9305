"""Roster-pattern warnings: availability, days in a row, weekends off, nights, night -> day."""

from __future__ import annotations

from datetime import date, time, timedelta

from deskwfm.core.availability import parse_availability
from deskwfm.core.model import Employee
from deskwfm.core.roster_rules import ShiftType, shift_type
from deskwfm.core.timecalc import clock_for
from deskwfm.core.warnings import check_employee

from .payroll_helpers import EMP, leave, site, work

MON = date(2026, 11, 23)
SITE = site("ontario")
CLOCK = clock_for(SITE.tz)


def _days(n: int, first: date = MON) -> list[date]:
    return [first + timedelta(days=k) for k in range(n)]


def _found(shifts, employee=EMP, start=MON, end=MON + timedelta(days=30)) -> dict[tuple[date, str], str]:
    found = check_employee(SITE, employee, shifts, start, end)
    return {(w.work_date, str(w.rule)): str(w.message) for w in found}


def test_shift_types_on_the_night_window() -> None:
    assert shift_type(CLOCK, SITE.rules, work(MON, 22, 6)) is ShiftType.NIGHT
    assert shift_type(CLOCK, SITE.rules, work(MON, 19, 3)) is ShiftType.NIGHT  # 22:00-03:00: 5 h
    assert shift_type(CLOCK, SITE.rules, work(MON, 17, 1)) is ShiftType.NIGHT  # 22:00-01:00: 3 h
    assert shift_type(CLOCK, SITE.rules, work(MON, time(17), time(0, 30))) is ShiftType.LATE  # 2.5 h
    assert shift_type(CLOCK, SITE.rules, work(MON, 14, 22)) is ShiftType.LATE
    assert shift_type(CLOCK, SITE.rules, work(MON, 8, 16)) is ShiftType.DAY
    assert shift_type(CLOCK, SITE.rules, work(MON, 4, 12)) is ShiftType.DAY  # 2 h in the window


def test_seventh_day_in_a_row_is_flagged_and_leave_breaks_the_run() -> None:
    shifts = [work(d, 9, 17) for d in _days(7)]
    got = _found(shifts)
    assert got == {(MON + timedelta(days=6), "consecutive_days"): "7 work days in a row (at most 6)"}
    shifts[3] = leave(MON + timedelta(days=3))
    assert _found(shifts) == {}


def test_sixth_night_and_a_day_shift_after_a_night() -> None:
    nights = [work(d, 22, 6) for d in _days(6)]
    sixth = MON + timedelta(days=5)
    assert _found(nights) == {(sixth, "nights_in_row"): "6 night shifts in a row (at most 5)"}
    after = [work(MON, 22, 6), work(MON + timedelta(days=1), 16, 23)]  # 10 h rest, but a late shift
    assert _found(after) == {
        (MON + timedelta(days=1), "day_after_night"):
        "a late shift straight after the night shift of Mon 2026-11-23"
    }


def test_a_weekend_day_off_every_two_weeks() -> None:
    sat, sun = date(2026, 11, 28), date(2026, 11, 29)
    worked = [work(d, 9, 17) for d in (sat, sun, sat + timedelta(weeks=1), sun + timedelta(weeks=1))]
    got = _found(worked)
    assert got == {(sun + timedelta(weeks=1), "weekend_off"):
                   "no Saturday or Sunday off in the 2 weekends to Sun 2026-12-06"}
    assert _found(worked[:3]) == {}


def test_a_shift_outside_availability_or_on_a_date_off() -> None:
    emp = Employee("A1", "Ann", availability=parse_availability("Mon-Fri 08:00-18:00", "2026-11-25"))
    shifts = [work(MON, 9, 17), work(MON + timedelta(days=1), 12, 20), work(MON + timedelta(days=2), 9, 17)]
    got = _found(shifts, emp)
    assert set(got) == {(MON + timedelta(days=1), "unavailable"), (MON + timedelta(days=2), "unavailable")}
    assert got[(MON + timedelta(days=2), "unavailable")] == (
        "A1 is not available then (Mon-Fri 08:00-18:00; dates off 2026-11-25)"
    )
