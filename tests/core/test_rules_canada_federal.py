"""Canada Labour Code Part III preset (federally regulated employers)."""

from datetime import date, timedelta
from decimal import Decimal

from deskwfm.core.holidays import holidays_between
from deskwfm.core.model import Shift
from deskwfm.core.payroll import Cat, EmployeePay
from deskwfm.core.rules import HolidayOnDayOff

from .payroll_helpers import pay, rate, site, work

SUN = date(2026, 11, 15)


def test_daily_and_weekly_overtime_take_the_greater() -> None:
    """Source: Canada Labour Code ss.169 and 174 (canada.ca "Hours of work": standard hours are
    8 h a day and 40 h a week; "Any hours worked in excess of the standard hours of work are
    considered overtime hours", paid at least 1.5x). 5 days x 10 h at $20.00: 10 h beyond the
    daily standard and 10 h beyond the weekly one - the same hours, counted once:
    40 h x $20.00 + 10 h x $30.00 = $800.00 + $300.00."""
    shifts = [work(SUN + timedelta(days=i), 8, 18) for i in range(1, 6)]
    p = pay(site("canada-federal"), shifts, SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (40 * 60, 10 * 60)
    assert p.gross == Decimal("1100.00")


def test_six_nine_hour_days_weekly_overtime_exceeds_daily() -> None:
    """6 x 9 h = 54 h: daily excess 6 h, weekly excess 14 h; the greater, 14 h, is overtime."""
    shifts = [work(SUN + timedelta(days=i), 8, 17) for i in range(1, 7)]
    p = pay(site("canada-federal"), shifts, SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (40 * 60, 14 * 60)
    assert p.amount(Cat.OVERTIME) == Decimal("420.00")


def _prior_weeks(week: date, start: int = 9, end: int = 17) -> list[Shift]:
    """Mon-Fri 8-hour days in the four work weeks before ``week`` (a Sunday)."""
    days = [week - timedelta(weeks=w) + timedelta(days=d) for w in range(1, 5) for d in range(1, 6)]
    return [work(d, start, end) for d in days]


def test_holiday_week_lowers_the_weekly_standard_and_holiday_work_is_time_and_a_half() -> None:
    """canada.ca "Hours of work": "During a week when one or more holidays occur, the standard
    hours of work is reduced by eight hours for each holiday." CLC s.196(1): holiday pay is
    1/20 of the wages, excluding overtime, earned in the 4 weeks before the holiday's week;
    s.197(1): time worked on the holiday is paid at least 1.5x in addition to holiday pay.
    Remembrance Day, Wed 2026-11-11, is a general holiday. 4 prior weeks of 5 x 8 h at $20.00
    = $3,200.00 -> holiday pay $160.00. In the holiday week the employee works Mon, Tue, Thu,
    Fri 8 h and Sat 4 h (36 h, over the reduced 32-h standard by 4 h), and 8 h on the holiday
    at $30.00 = $240.00.

    Corrected expectation (issue 10, item 6): this test used to count the 8 holiday hours
    toward the week as well and expect 12 h of overtime. The week's hours of work are 44 h
    against a 32-h standard, so s.174 makes 12 h overtime - and 8 of those 12 are the holiday
    hours themselves, already paid 1.5x under s.197(1). Counting them again pushed 8 other
    hours into overtime: 8 hours paid a second premium. Each hour beyond the standard is paid
    one premium: 8 holiday hours at 1.5x and 4 other hours of overtime."""
    holiday = date(2026, 11, 11)
    hols = holidays_between("CA", date(2026, 11, 1), date(2026, 11, 30))
    assert hols[holiday] == "Remembrance Day"
    week = date(2026, 11, 8)
    this_week = [work(week + timedelta(days=d), 9, 17) for d in (1, 2, 4, 5)] + [
        work(week + timedelta(days=6), 9, 13)
    ]
    p = pay(
        site("canada-federal"),
        [*_prior_weeks(week), *this_week, work(holiday, 9, 17)],
        week,
        week + timedelta(days=6),
        [rate("20.00")],
        hols,
    )
    assert p.holiday_pay == Decimal("160.00")
    assert p.amount(Cat.HOLIDAY_WORKED) == Decimal("240.00")
    assert (p.minutes.regular, p.minutes.overtime, p.minutes.holiday_worked) == (32 * 60, 4 * 60, 8 * 60)
    assert p.gross == Decimal("640.00") + Decimal("120.00") + Decimal("240.00") + Decimal("160.00")


def test_no_hour_beyond_the_standard_is_paid_two_premiums_unless_the_site_says_so() -> None:
    """CLC s.174 (overtime: hours of work beyond the standard hours, at 1.5x), s.197(1) (1.5x
    for work on a general holiday) and canada.ca "Hours of work" (the week's standard drops 8 h
    per holiday). Remembrance Day, Wed 2026-11-11, worked 8 h plus Mon, Tue, Thu, Fri, Sat 8 h:
    48 h against a 32-h standard, so 16 h are beyond the standard and each gets one premium -
    the 8 holiday hours at 1.5x (s.197(1)) and 8 other hours of overtime (s.174):
    32 x $20 + 8 x $30 + 8 x $30 = $1,120.00, plus holiday pay.

    The choice is a visible site setting ("Hours worked on a holiday also count toward
    overtime"); ticked, the holiday hours count toward the 32 and 16 other hours become
    overtime on top of the holiday premium (24 premium hours for 16 hours beyond the standard)."""
    holiday = date(2026, 11, 11)
    week = date(2026, 11, 8)
    shifts = [*_prior_weeks(week), *(work(week + timedelta(days=d), 9, 17) for d in range(1, 7))]
    hols = {holiday: "Remembrance Day"}
    p = pay(site("canada-federal"), shifts, week, week + timedelta(days=6), [rate("20.00")], hols)
    assert (p.minutes.regular, p.minutes.overtime, p.minutes.holiday_worked) == (32 * 60, 8 * 60, 8 * 60)
    assert p.gross - p.holiday_pay == Decimal("1120.00")
    counted = pay(site("canada-federal", holiday_hours_count_for_ot=True), shifts, week,
                  week + timedelta(days=6), [rate("20.00")], hols)
    assert (counted.minutes.regular, counted.minutes.overtime) == (24 * 60, 16 * 60)
    assert counted.gross - counted.holiday_pay == Decimal("1200.00")  # 24 x $20 + 16 x $30 + 8 x $30


def test_a_continuous_night_shift_is_one_24_hour_day() -> None:
    """CLC s.166: "day means any period of twenty-four consecutive hours"; s.169(1)(a): the
    standard hours are 8 in a day; s.174: hours beyond are overtime at 1.5x. A 20:00-06:00
    shift is 10 hours within 24 consecutive hours although it crosses midnight: 8 h x $20.00 +
    2 h x $30.00 = $220.00. The hours still belong to the calendar days worked (4 h and 6 h)."""
    tue = SUN + timedelta(days=2)
    p = pay(site("canada-federal"), [work(tue, 20, 6)], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (8 * 60, 2 * 60)
    assert p.gross == Decimal("220.00")
    by_day = {d.day: d.minutes.paid for d in p.days if d.minutes.paid}
    assert by_day == {tue: 4 * 60, tue + timedelta(days=1): 6 * 60}


def test_a_shift_that_starts_inside_a_24_hour_day_belongs_to_it() -> None:
    """CLC s.166 and s.169(1)(a), counted from the start of work: 16:00-24:00 on Monday and
    08:00-16:00 on Tuesday are 16 hours within the 24 consecutive hours from Monday 16:00, so
    8 are beyond the daily standard (s.174): 8 h x $20.00 + 8 h x $30.00 = $400.00. Had Tuesday
    started at 16:00 (24 hours later) it would be a new day and all 16 hours regular."""
    mon, tue = SUN + timedelta(days=1), SUN + timedelta(days=2)
    p = pay(site("canada-federal"), [work(mon, 16, 24), work(tue, 8, 16)], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (8 * 60, 8 * 60)
    assert p.gross == Decimal("400.00")
    later = pay(site("canada-federal"), [work(mon, 16, 24), work(tue, 16, 24)], SUN, SUN + timedelta(days=6))
    assert later.minutes.overtime == 0


def test_each_work_week_starts_its_own_24_hour_days() -> None:
    """The engine's convention (core.ot_days): the first shift of a work week starts a new
    24-hour day, so a week's overtime depends only on that week and the night shift running
    into it. A 20:00-06:00 shift on Saturday still is one 10-hour day (2 h overtime, CLC
    s.166); a Sunday 08:00 shift after a Saturday 16:00-24:00 one starts the new week's first
    day (no daily overtime), where inside a week it would join the open day."""
    sat = SUN + timedelta(days=6)
    night = pay(site("canada-federal"), [work(sat, 20, 6)], SUN, sat + timedelta(days=7))
    assert night.minutes.overtime == 2 * 60
    weekend = pay(site("canada-federal"), [work(sat, 16, 24), work(sat + timedelta(days=1), 8, 16)],
                  SUN, sat + timedelta(days=7))
    assert weekend.minutes.overtime == 0


CANADA_DAY_2028 = date(2028, 7, 1)  # a Saturday


def _canada_day_weeks(policy: HolidayOnDayOff | None = None) -> tuple[EmployeePay, EmployeePay]:
    """A Mon-Fri employee at $20.00 who works Mon-Fri 9-17 through the week of Canada Day 2028
    (Saturday) and the week after: the pay of each of those two weeks."""
    week = date(2028, 6, 25)
    shifts = [*_prior_weeks(week)] + [
        work(week + timedelta(weeks=w, days=d), 9, 17) for w in (0, 1) for d in range(1, 6)
    ]
    hols = holidays_between("CA", date(2028, 5, 1), date(2028, 7, 31))
    assert hols[CANADA_DAY_2028] == "Canada Day" and CANADA_DAY_2028.weekday() == 5
    s = site("canada-federal") if policy is None else site("canada-federal", holiday_on_day_off=policy)
    first = pay(s, shifts, week, week + timedelta(days=6), [rate("20.00")], hols)
    second = pay(s, shifts, week + timedelta(days=7), week + timedelta(days=13), [rate("20.00")], hols)
    return first, second


def test_a_holiday_on_a_non_working_saturday_moves_to_the_next_working_day() -> None:
    """CLC s.193(2): "when New Year's Day, Canada Day, Remembrance Day, Christmas Day or Boxing
    Day falls on a Sunday or Saturday that is a non-working day, the employee is entitled to
    and shall be granted a holiday with pay on the working day immediately preceding or
    following the general holiday." Canada Day 2028 is a Saturday; the employee works Mon-Fri
    (read from the four weeks before). The Saturday takes no working hours out of that week,
    so its standard stays 40 h and the 40 h worked are all regular (this used to give 8 h of
    overtime not owed); holiday pay is 1/20 of 4 x 40 h x $20.00 = $160.00 (s.196(1)).
    By default the holiday with pay is the following Monday, 2028-07-03: that week's standard
    is 32 h, and working the Monday is work on a day of holiday with pay at 1.5x (s.197(1)):
    8 h x $30.00 + 32 h x $20.00 = $880.00."""
    first, second = _canada_day_weeks()
    assert (first.minutes.regular, first.minutes.overtime) == (40 * 60, 0)
    assert first.holiday_pay == Decimal("160.00")
    assert first.gross == Decimal("960.00")
    assert (second.minutes.regular, second.minutes.overtime, second.minutes.holiday_worked) == (
        32 * 60, 0, 8 * 60,
    )
    assert second.holiday_pay == 0 and second.gross == Decimal("880.00")


def test_the_substitute_can_be_the_working_day_before_or_holiday_pay_only() -> None:
    """s.193(2) allows "the working day immediately preceding": Friday 2028-06-30 becomes the
    holiday with pay (1.5x when worked, s.197(1)); the week's standard is 32 h, so Mon-Thu are
    regular: 32 x $20 + 8 x $30 + $160 holiday pay = $1,040.00. With holiday pay only (the
    holiday granted "at some other time", s.193(1), e.g. added to vacation) no day is moved and
    no standard is lowered: both weeks are 40 regular hours."""
    first, second = _canada_day_weeks(HolidayOnDayOff.PREVIOUS_WORKING_DAY)
    m = first.minutes
    assert (m.regular, m.holiday_worked, m.overtime) == (32 * 60, 8 * 60, 0)
    assert first.gross == Decimal("1040.00")
    assert second.gross == Decimal("800.00") and second.minutes.overtime == 0
    first, second = _canada_day_weeks(HolidayOnDayOff.PAY_ONLY)
    assert (first.minutes.regular, first.gross) == (40 * 60, Decimal("960.00"))
    assert (second.minutes.regular, second.gross) == (40 * 60, Decimal("800.00"))


def test_holiday_pay_counts_premium_pay_for_an_earlier_holiday() -> None:
    """CLC s.196(1): "one twentieth of the wages, excluding overtime pay, that the employee
    earned ... in the four-week period immediately preceding the week in which the general
    holiday occurs"; wages are "every form of remuneration for work performed" (s.166), so the
    1.5x paid for working the National Day for Truth and Reconciliation (Wed 2026-09-30,
    s.197(1)) counts. Thanksgiving, Mon 2026-10-12: its week starts Sun 10-11; the four weeks
    before hold 19 days x 8 h x $20.00 = $3,040.00 and 8 h x $30.00 = $240.00 on 09-30:
    $3,280.00 / 20 = $164.00 (only the regular hours, as before: $152.00)."""
    thanksgiving = date(2026, 10, 12)
    hols = holidays_between("CA", date(2026, 9, 1), date(2026, 10, 31))
    assert hols[date(2026, 9, 30)] == "National Day for Truth and Reconciliation"
    p = pay(site("canada-federal"), _prior_weeks(date(2026, 10, 11)), thanksgiving, thanksgiving,
            [rate("20.00")], hols)
    assert p.holiday_pay == Decimal("164.00")
