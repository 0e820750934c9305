"""Exceptions: actual time against the schedule with the site's grace periods."""

from __future__ import annotations

from datetime import date, timedelta

from deskwfm.core.actual import Segment, scheduled_segments
from deskwfm.core.exceptions import ExceptionKind, Severity, day_exceptions, find_exceptions
from deskwfm.core.model import ShiftKind
from deskwfm.core.timekeeping import Timekeeping
from tests.core.actual_helpers import CODES, MON, TORONTO, day, epoch, shift

RULES = Timekeeping()  # grace: 5 min late, 5 min early, 5 min break, 15 min overtime
NINE_TO_FIVE = shift(MON, (9, 0), (17, 0), 30)  # paid 7.5 h, break 12:45-13:15


def kinds(entry: str | None, planned: object = NINE_TO_FIVE) -> list[tuple[ExceptionKind, int]]:
    actual = day(entry) if entry is not None else None
    found = day_exceptions(planned, actual, CODES, RULES, TORONTO)  # type: ignore[arg-type]
    return [(e.kind, e.minutes) for e in found]


def test_a_day_worked_within_the_grace_periods_has_no_exception() -> None:
    assert kinds("9:04-12:45,13:15-16:56") == []
    assert kinds("9:00-17:00/30") == []
    assert kinds("8:55-17:05/30") == []  # 10 minutes more than scheduled: within the 15


def test_each_deviation_is_named_with_its_size() -> None:
    assert kinds("9:07-17:00/30") == [(ExceptionKind.LATE, 7)]
    assert kinds("9:00-16:50/30") == [(ExceptionKind.LEFT_EARLY, 10)]
    assert kinds("9:00-12:00,13:30-17:00") == [(ExceptionKind.LONG_BREAK, 60)]
    assert kinds("9:00-18:00/30") == [(ExceptionKind.UNSCHEDULED_OVERTIME, 60)]
    assert kinds("8:50-17:10/30") == [(ExceptionKind.UNSCHEDULED_OVERTIME, 20)]
    assert kinds("9:20-16:40/30") == [(ExceptionKind.LATE, 20), (ExceptionKind.LEFT_EARLY, 20)]


def test_no_show_and_missing_logout_are_critical_and_block_approval() -> None:
    [no_show] = day_exceptions(NINE_TO_FIVE, None, CODES, RULES, TORONTO)
    assert (no_show.kind, no_show.severity, no_show.blocks) == (
        ExceptionKind.NO_SHOW, Severity.CRITICAL, True)
    assert str(no_show.message()) == "no-show: scheduled from 09:00, nothing recorded"
    [open_] = day_exceptions(NINE_TO_FIVE, day("8:58-"), CODES, RULES, TORONTO)
    assert (open_.kind, open_.blocks) == (ExceptionKind.MISSING_LOGOUT, True)
    assert str(open_.message()) == "missing logout: logged in at 08:58, no logout recorded"


def test_coding_the_day_resolves_a_no_show_or_a_late_arrival() -> None:
    [sick] = day_exceptions(NINE_TO_FIVE, day("SICK"), CODES, RULES, TORONTO)
    assert (sick.kind, sick.resolved, sick.blocks, sick.reasonable_cause) == (
        ExceptionKind.NO_SHOW, True, False, True)
    assert str(sick.resolution()) == "coded SICK (reasonable cause)"
    [ns] = day_exceptions(NINE_TO_FIVE, day("NS"), CODES, RULES, TORONTO)
    assert (ns.resolved, ns.blocks, ns.reasonable_cause) == (True, False, False)
    [late] = day_exceptions(NINE_TO_FIVE, day("LATE 9:40-17:00/30"), CODES, RULES, TORONTO)
    assert (late.kind, late.minutes, late.resolved) == (ExceptionKind.LATE, 40, True)
    # a code that counts as worked (training off the phones) is no absence at all
    assert day_exceptions(NINE_TO_FIVE, day("TRN"), CODES, RULES, TORONTO) == []
    # but no code resolves a missing logout: only a logout time does
    late, missing = day_exceptions(NINE_TO_FIVE, day("LATE 9:40-"), CODES, RULES, TORONTO)
    assert (late.kind, late.blocks) == (ExceptionKind.LATE, False)
    assert (missing.kind, missing.resolved, missing.blocks) == (ExceptionKind.MISSING_LOGOUT, False, True)


def test_work_without_a_scheduled_shift_is_unscheduled_work() -> None:
    assert kinds("10:00-14:00", None) == [(ExceptionKind.UNSCHEDULED_WORK, 240)]
    vacation = shift(MON, (9, 0), (17, 0), 0, kind=ShiftKind.PAID_LEAVE, code="VAC")
    assert kinds("10:00-14:00", vacation) == [(ExceptionKind.UNSCHEDULED_WORK, 240)]
    assert kinds(None, vacation) == []  # leave is not attendance: no no-show


def test_a_shift_not_over_yet_is_not_checked() -> None:
    during = epoch(TORONTO, MON, 12)
    assert day_exceptions(NINE_TO_FIVE, None, CODES, RULES, TORONTO, now=during) == []
    after = epoch(TORONTO, MON, 17, 1)
    assert [e.kind for e in day_exceptions(NINE_TO_FIVE, None, CODES, RULES, TORONTO, now=after)] == [
        ExceptionKind.NO_SHOW]


def test_grace_periods_are_the_sites() -> None:
    strict = Timekeeping(late_grace_minutes=0)
    [late] = day_exceptions(NINE_TO_FIVE, day("9:01-17:00/30"), CODES, strict, TORONTO)
    assert (late.kind, late.minutes) == (ExceptionKind.LATE, 1)


def test_a_night_worked_as_scheduled_over_the_clock_change_is_not_overtime() -> None:
    """2026-11-01 02:00 EDT -> 01:00 EST: a 22:00-06:30 night shift lasts 9.5 hours; the same
    times worked are 9 paid hours after the break, exactly as scheduled."""
    night = shift(date(2026, 10, 31), (22, 0), (6, 30), 30)
    worked = day("22:00-06:30/30", date(2026, 10, 31))
    assert day_exceptions(night, worked, CODES, RULES, TORONTO) == []
    confirmed = scheduled_segments(night, TORONTO)
    assert confirmed[0].start == 22 * 60 and confirmed[-1] == Segment(confirmed[-1].start, 30 * 60 + 30)


def test_exceptions_of_a_period_come_by_employee_and_date() -> None:
    shifts = [shift(MON + timedelta(days=i), (9, 0), (17, 0), who=w) for i in range(3) for w in ("B2", "A1")]
    actual = [day("9:00-17:00/30", MON, "A1"), day("9:30-17:00/30", MON + timedelta(days=1), "B2")]
    found = find_exceptions(shifts, actual, CODES, RULES, TORONTO, MON, MON + timedelta(days=1))
    assert [(e.employee_code, e.work_date, e.kind) for e in found] == [
        ("A1", MON + timedelta(days=1), ExceptionKind.NO_SHOW),
        ("B2", MON, ExceptionKind.NO_SHOW),
        ("B2", MON + timedelta(days=1), ExceptionKind.LATE),
    ]
