"""Canada Labour Code Part III preset (federally regulated employers)."""

from datetime import date, timedelta
from decimal import Decimal

from deskwfm.core.holidays import holidays_between
from deskwfm.core.payroll import Cat

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


def test_holiday_week_lowers_the_weekly_standard_and_holiday_work_is_time_and_a_half() -> None:
    """canada.ca "Hours of work": "During a week when one or more holidays occur, the standard
    hours of work is reduced by eight hours for each holiday." CLC s.196(1): holiday pay is
    1/20 of the wages, excluding overtime, earned in the 4 weeks before the holiday's week;
    s.197(1): time worked on the holiday is paid at least 1.5x in addition to holiday pay.
    Remembrance Day, Wed 2026-11-11, is a general holiday. 4 prior weeks of 5 x 8 h at $20.00
    = $3,200.00 -> holiday pay $160.00. In the holiday week the employee works Mon, Tue, Thu,
    Fri 8 h and Sat 4 h (36 h, over the reduced 32-h standard by 4 h), and 8 h on the holiday
    at $30.00 = $240.00."""
    holiday = date(2026, 11, 11)
    hols = holidays_between("CA", date(2026, 11, 1), date(2026, 11, 30))
    assert hols[holiday] == "Remembrance Day"
    week = date(2026, 11, 8)
    prior = [
        work(week - timedelta(weeks=w) + timedelta(days=d), 9, 17) for w in range(1, 5) for d in range(1, 6)
    ]
    this_week = [work(week + timedelta(days=d), 9, 17) for d in (1, 2, 4, 5)] + [
        work(week + timedelta(days=6), 9, 13)
    ]
    p = pay(
        site("canada-federal"),
        [*prior, *this_week, work(holiday, 9, 17)],
        week,
        week + timedelta(days=6),
        [rate("20.00")],
        hols,
    )
    assert p.holiday_pay == Decimal("160.00")
    assert p.amount(Cat.HOLIDAY_WORKED) == Decimal("240.00")
    # 8 holiday hours + 36 other hours = 44 counted; the week's standard is 40 - 8 = 32 h.
    assert p.minutes.overtime == 12 * 60
    assert p.minutes.regular == 24 * 60
