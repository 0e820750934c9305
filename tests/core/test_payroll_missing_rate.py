"""A paid hour with no pay rate in force: counted as usual, never priced, never an exception.

The grid prices each row from Qt's data(); an exception there looped error dialogs forever
(issue 10, item 1). The engine now reports the first such work date in ``missing_rate``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from deskwfm.core.payroll import Cat
from deskwfm.core.rules import PRESET_NAMES

from .payroll_helpers import leave, pay, rate, site, work
from .test_payroll_properties import HOLS, WEEK0, build, week_plan

SUN = date(2026, 11, 15)  # Sunday: the Ontario work week starts here


def test_hours_before_the_first_rate_are_counted_but_not_priced() -> None:
    """Mon 9-17 before the rate (from Tue), Tue and Wed 9-17 with it: 24 h counted, 16 h paid."""
    shifts = [work(SUN + timedelta(days=d), 9, 17) for d in (1, 2, 3)]
    p = pay(site("ontario"), shifts, SUN, SUN + timedelta(days=6), [rate("20.00", SUN + timedelta(days=2))])
    assert p.missing_rate == SUN + timedelta(days=1)
    assert (p.minutes.paid, p.minutes.regular) == (24 * 60, 24 * 60)
    assert [(ln.category, ln.minutes) for ln in p.lines] == [(Cat.REGULAR, 16 * 60)]
    assert p.gross == Decimal("320.00") == sum(ln.amount for ln in p.lines)
    assert sum(d.minutes.paid for d in p.days) == p.minutes.paid
    assert [sp.minutes.paid for sp in p.shifts] == [480, 480, 480]


def test_no_rate_at_all_names_the_first_paid_day_and_still_counts_overtime() -> None:
    """Six 8-hour days under Ontario's 44-hour week, no rate: 44 h regular and 4 h overtime are
    still classified (the grid shows them); nothing is priced."""
    shifts = [work(SUN + timedelta(days=d), 9, 17) for d in range(1, 7)]
    p = pay(site("ontario"), shifts, SUN, SUN + timedelta(days=6), rates=[])
    assert p.missing_rate == SUN + timedelta(days=1)
    assert (p.minutes.regular, p.minutes.overtime) == (44 * 60, 4 * 60)
    assert p.lines == () and p.gross == Decimal("0.00")


def test_paid_leave_without_a_rate_is_reported() -> None:
    p = pay(site("ontario"), [leave(SUN + timedelta(days=3))], SUN, SUN + timedelta(days=6), rates=[])
    assert p.missing_rate == SUN + timedelta(days=3)
    assert p.minutes.leave == 8 * 60 and p.gross == 0


def test_unrated_hours_outside_the_range_that_pay_does_not_need_are_ignored() -> None:
    """Ontario: a Monday shift before the first rate still counts toward the week's 44 hours,
    but a range Wed..Sat prices none of its minutes, so nothing is missing."""
    shifts = [work(SUN + timedelta(days=d), 8, 19) for d in range(1, 6)]  # 5 x 11 h = 55 h
    p = pay(site("ontario"), shifts, SUN + timedelta(days=3), SUN + timedelta(days=6),
            [rate("20.00", SUN + timedelta(days=2))])
    assert p.missing_rate is None
    assert p.minutes.overtime == 11 * 60  # Mon-Wed 33 h, Thu 11 h reach 44; Fri is overtime
    assert p.gross == Decimal("440.00") + Decimal("330.00")


def test_an_overnight_shift_from_the_day_before_names_its_work_date() -> None:
    """22:00-06:00 on the last day before the range, no rate yet: 6 h fall in the range."""
    p = pay(site("ontario"), [work(SUN - timedelta(days=1), 22, 6)], SUN, SUN + timedelta(days=6),
            [rate("20.00", SUN)])
    assert p.missing_rate == SUN - timedelta(days=1)
    assert p.minutes.paid == 6 * 60 and p.gross == 0


def test_holiday_pay_needs_the_rates_of_the_four_weeks_before() -> None:
    """ESA s.24(1): holiday pay is the 4 prior work weeks' regular wages / 20, so a holiday in
    the range prices those weeks; a shift in them without a rate is missing, and the holiday
    gets no (understated) line."""
    holiday = date(2026, 9, 7)
    week = holiday - timedelta(days=1)
    prior = [
        work(week - timedelta(weeks=w) + timedelta(days=d), 9, 17) for w in range(1, 5) for d in range(1, 6)
    ]
    first = min(s.work_date for s in prior)
    p = pay(site("ontario"), prior, holiday, holiday, [rate("14.00", first + timedelta(days=1))],
            {holiday: "Labour Day"})
    assert p.missing_rate == first
    assert p.holiday_pay == 0 and p.amount(Cat.HOLIDAY_PAY) == 0


def test_flsa_overtime_needs_every_rate_of_its_week() -> None:
    """29 CFR 778.109: the regular rate is the week's straight-time pay / hours, so overtime in
    the range needs the rate of a Monday before the range: it is missing, the overtime
    unpriced (counted), the straight time in the range still paid."""
    shifts = [work(SUN + timedelta(days=d), 8, 18) for d in range(1, 6)]  # 50 h, 10 h OT (Fri)
    p = pay(site("flsa"), shifts, SUN + timedelta(days=3), SUN + timedelta(days=6),
            [rate("20.00", SUN + timedelta(days=2))])
    assert p.missing_rate == SUN + timedelta(days=1)
    assert (p.minutes.regular, p.minutes.overtime) == (20 * 60, 10 * 60)
    assert [ln.category for ln in p.lines] == [Cat.REGULAR]


@settings(max_examples=60, deadline=None)
@given(week_plan, st.sampled_from(PRESET_NAMES), st.integers(-3, 16))
def test_a_late_first_rate_never_changes_minutes_and_only_drops_lines(
    plan: list, preset: str, day: int
) -> None:
    """Whatever the first rate's date, the counted minutes and breakdowns are those of a fully
    rated employee; the gross is a sum of a subset of that employee's lines; ``missing_rate``
    is set exactly when a line is missing."""
    s = site(preset, night_premium=Decimal("1.00"))
    shifts = build(plan)
    end = WEEK0 + timedelta(days=13)
    full = pay(s, shifts, WEEK0, end, [rate("20.00")], HOLS)
    late = pay(s, shifts, WEEK0, end, [rate("20.00", WEEK0 + timedelta(days=day))], HOLS)
    assert late.minutes == full.minutes
    assert [d.minutes for d in late.days] == [d.minutes for d in full.days]
    assert [sp.minutes for sp in late.shifts] == [sp.minutes for sp in full.shifts]
    assert late.gross == sum(ln.amount for ln in late.lines) <= full.gross
    if late.missing_rate is None:
        assert late.lines == full.lines
    else:
        assert late.missing_rate < WEEK0 + timedelta(days=day)
        assert any(sh.work_date == late.missing_rate for sh in shifts)
