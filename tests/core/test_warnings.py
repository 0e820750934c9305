from datetime import date, timedelta

from deskwfm.core.model import Employee
from deskwfm.core.warnings import check_employee

from .payroll_helpers import EMP, leave, site, work

MON = date(2026, 11, 23)
WEEK = (MON - timedelta(days=1), MON + timedelta(days=5))


def rules_of(shifts, employee=EMP, preset="ontario"):
    found = check_employee(site(preset), employee, shifts, *WEEK)
    return {(w.work_date, w.rule): str(w.message) for w in found}


def test_short_rest_is_flagged_on_the_later_shift_with_the_shortfall() -> None:
    got = rules_of([work(MON, 14, 23), work(MON + timedelta(days=1), 5, 13)])
    assert got == {
        (MON + timedelta(days=1), "rest"): "only 6.00 h rest after the shift of Mon 2026-11-23 "
        "(minimum 8.00 h, short by 2.00 h)"
    }


def test_overlap_with_an_overnight_shift() -> None:
    got = rules_of([work(MON, 22, 7), work(MON + timedelta(days=1), 6, 14)])
    assert got == {
        (MON + timedelta(days=1), "overlap"): "overlaps the shift of Mon 2026-11-23 by 1.00 h",
        (MON + timedelta(days=1), "day_after_night"): "a day shift straight after the night shift of "
        "Mon 2026-11-23",
    }


def test_over_daily_maximum() -> None:
    got = rules_of([work(MON, 6, 20)])  # 14 h; Ontario preset warns over 13 h
    assert got == {(MON, "daily_max"): "14.00 h is over the daily maximum of 13.00 h by 1.00 h"}


def test_over_weekly_maximum_and_contract_on_the_crossing_shift() -> None:
    emp = Employee("A1", "Ann Agent", contract_minutes=37 * 60 + 30)
    shifts = [work(MON + timedelta(days=i), 8, 18) for i in range(5)]  # 5 x 10 h = 50 h
    got = rules_of(shifts, emp)
    assert got[(MON + timedelta(days=3), "contract")] == (
        "week of 2026-11-22: 50.00 h is over the contract of 37.50 h by 12.50 h"
    )
    assert got[(MON + timedelta(days=4), "weekly_max")] == (
        "week of 2026-11-22: 50.00 h is over the weekly maximum of 48.00 h by 2.00 h"
    )


def test_clean_week_has_no_warnings_and_leave_is_not_rest_checked() -> None:
    shifts = [work(MON + timedelta(days=i), 9, 17, 30) for i in range(4)] + [leave(MON + timedelta(days=4))]
    assert rules_of(shifts, Employee("A1", "Ann", contract_minutes=40 * 60)) == {}


def test_a_paid_shift_on_a_date_without_a_rate_is_flagged_and_others_are_not() -> None:
    """Hired with a first rate from Wednesday; shifts typed on Monday (work), Tuesday (paid
    leave), Tuesday's unpaid LOA and Thursday (rate in force)."""
    from deskwfm.core.model import Shift, ShiftKind
    from deskwfm.core.warnings import WarningRule

    from .payroll_helpers import rate

    rates = [rate("20.00", MON + timedelta(days=2))]
    shifts = [
        work(MON, 9, 17),
        leave(MON + timedelta(days=1)),
        Shift("A1", MON + timedelta(days=1), None, None, 0, "LOA", ShiftKind.UNPAID_LEAVE),
        work(MON + timedelta(days=3), 9, 17),
    ]
    found = check_employee(site(), EMP, shifts, *WEEK, rates=rates)
    assert [(w.work_date, w.rule) for w in found] == [
        (MON, WarningRule.NO_RATE), (MON + timedelta(days=1), WarningRule.NO_RATE)
    ]
    assert str(found[0].message) == (
        "no pay rate on Mon 2026-11-23, so no gross pay: add a rate in force from that date or earlier"
    )
    # without rates (callers that price elsewhere) the rule is not checked
    assert check_employee(site(), EMP, shifts, *WEEK) == []
