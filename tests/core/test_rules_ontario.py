"""Ontario ESA 2000 preset, reproduced from the Ministry's own worked examples."""

from datetime import date, timedelta
from decimal import Decimal

from deskwfm.core.holidays import holidays_between
from deskwfm.core.model import Shift
from deskwfm.core.payroll import Cat
from deskwfm.core.rules import HolidayOnDayOff

from .payroll_helpers import leave, pay, rate, site, work

SUN = date(2026, 11, 8)  # a Sunday; the Ontario preset's work week starts on Sunday


def test_overtime_after_44_hours_at_one_and_a_half() -> None:
    """Source: "Your guide to the Employment Standards Act - Overtime pay" (ontario.ca):
    "an employee who has a regular rate of $12.00 an hour will have an overtime rate of $18.00
    an hour (12 x 1.5 = 18) ... for every hour worked in excess of 44 in a week"; ESA s.22(1).
    A 48-hour week (6 x 8 h) at $12.00: 44 h x $12.00 + 4 h x $18.00 = $528.00 + $72.00."""
    shifts = [work(SUN + timedelta(days=i), 8, 16) for i in range(1, 7)]
    p = pay(site("ontario"), shifts, SUN, SUN + timedelta(days=6), [rate("12.00")])
    assert (p.minutes.regular, p.minutes.overtime) == (44 * 60, 4 * 60)
    assert p.amount(Cat.REGULAR) == Decimal("528.00")
    assert p.amount(Cat.OVERTIME) == Decimal("72.00")
    assert p.gross == Decimal("600.00")


def test_no_daily_overtime_in_ontario() -> None:
    """ESA s.22(1) sets a weekly threshold only: a single 12-hour day is all regular."""
    p = pay(site("ontario"), [work(SUN + timedelta(days=1), 8, 20)], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (12 * 60, 0)


def test_public_holiday_pay_and_premium_pay_john_duncan() -> None:
    """Source: Ontario Ministry of Labour, "Your guide to the ESA - Public holidays", the
    John Duncan example: 8 h/day x $14.00 x 5 days x 4 weeks = $2,240.00 regular wages, no
    vacation pay: ($2,240.00 + $0) / 20 = $112.00 public holiday pay; he works 8 h on the
    holiday at premium pay $14.00 x 1.5 = $21.00 x 8 h = $168.00; total $280.00 (ESA s.24(1),
    s.27(2)(a)). Here the holiday is Labour Day, Monday 2026-09-07."""
    holiday = date(2026, 9, 7)
    hols = holidays_between("CA-ON", date(2026, 8, 1), date(2026, 9, 30))
    assert hols[holiday] == "Labor Day"
    week = holiday - timedelta(days=1)  # the Sunday starting the holiday's work week
    prior = [
        work(week - timedelta(weeks=w) + timedelta(days=d), 9, 17) for w in range(1, 5) for d in range(1, 6)
    ]
    p = pay(site("ontario"), [*prior, work(holiday, 9, 17)], holiday, holiday, [rate("14.00")], hols)
    assert p.holiday_pay == Decimal("112.00")
    assert p.minutes.holiday_worked == 8 * 60
    assert p.amount(Cat.HOLIDAY_WORKED) == Decimal("168.00")
    assert p.gross == Decimal("280.00")


def test_vacation_pay_in_the_four_weeks_counts_toward_holiday_pay() -> None:
    """ESA s.24(1): (regular wages + vacation pay payable in the 4 work weeks before the
    holiday's work week) / 20. One of the 20 days is vacation paid at 8 h x $14.00, so the
    sum is unchanged at $2,240.00 and holiday pay is $112.00; overtime is excluded."""
    holiday = date(2026, 9, 7)
    week = holiday - timedelta(days=1)
    days = [week - timedelta(weeks=w) + timedelta(days=d) for w in range(1, 5) for d in range(1, 6)]
    shifts = [work(d, 9, 17) for d in days[1:]] + [leave(days[0], 8)]
    hols = {holiday: "Labour Day"}
    assert pay(site("ontario"), shifts, holiday, holiday, [rate("14.00")], hols).holiday_pay == Decimal(
        "112.00"
    )


def test_holiday_hours_at_premium_do_not_count_toward_the_44() -> None:
    """Preset choice (editable): hours paid at public-holiday premium are left out of the
    44-hour count. 44 regular hours on other days plus 8 holiday hours: no overtime."""
    holiday = date(2026, 9, 7)
    week = holiday - timedelta(days=1)
    shifts = [work(holiday, 9, 17)] + [work(week + timedelta(days=d), 8, 19) for d in (2, 3, 4, 5)]
    p = pay(site("ontario"), shifts, week, week + timedelta(days=6), [rate("20.00")], {holiday: "Labour Day"})
    assert p.minutes.regular == 44 * 60 and p.minutes.overtime == 0
    assert p.minutes.holiday_worked == 8 * 60


def test_civic_holiday_is_not_an_esa_public_holiday() -> None:
    """Ontario Ministry of Labour: the nine ESA public holidays; the first Monday in August is
    optional ("no requirement under the Employment Standards Act")."""
    h = holidays_between("CA-ON", date(2026, 1, 1), date(2026, 12, 31))
    assert len(h) == 9
    assert date(2026, 8, 3) not in h
    assert date(2026, 2, 16) in h  # Family Day


def _mon_to_fri(first_sunday: date, weeks: int) -> list[Shift]:
    return [work(first_sunday + timedelta(weeks=w, days=d), 9, 17) for w in range(weeks) for d in range(1, 6)]


def test_public_holiday_pay_counts_regular_wages_only_unlike_the_canada_labour_code() -> None:
    """ESA s.24(1): public holiday pay is the "regular wages" of the 4 work weeks before the
    holiday's work week / 20; s.1(1) ("regular wages" excludes overtime pay, public holiday pay
    and premium pay; ontario.ca guide: "Regular wages does not include any overtime pay,
    vacation pay, public holiday pay, premium pay ..."). Mon-Fri 8 h at $20.00 from Sun
    2026-11-29 to Sat 12-26, Christmas (Fri 12-25) worked at premium pay $30.00: New Year's Day
    2027 pays 19 x 8 x $20.00 / 20 = $152.00. The same weeks under the Canada Labour Code's
    "wages, excluding overtime pay" (s.196(1)) count the $240.00 of holiday work: $164.00."""
    new_year = date(2027, 1, 1)
    hols = {date(2026, 12, 25): "Christmas Day", date(2026, 12, 26): "Boxing Day", new_year: "New Year's Day"}
    shifts = _mon_to_fri(date(2026, 11, 29), 4)
    assert any(s.work_date == date(2026, 12, 25) for s in shifts)
    ontario = pay(site("ontario"), shifts, new_year, new_year, [rate("20.00")], hols)
    federal = pay(site("canada-federal"), shifts, new_year, new_year, [rate("20.00")], hols)
    assert (ontario.holiday_pay, federal.holiday_pay) == (Decimal("152.00"), Decimal("164.00"))


def test_a_public_holiday_on_a_day_off_moves_to_a_substitute_working_day() -> None:
    """ESA s.29(1): if a public holiday falls on a day that would not ordinarily be a working
    day for the employee, the employer shall substitute another day that would ordinarily be
    a working day; the ESA Policy and Interpretation Manual, Part X: "a day off with public
    holiday pay on a public holiday (or on a day that has been substituted for the public
    holiday)"; s.27(2)(a): premium pay 1.5x for work on it. Christmas 2027 (Sat), Boxing Day
    (Sun) and New Year's Day 2028 (Sat) fall on days off of a Mon-Fri employee: by default
    their substitutes are Mon 12-27, Tue 12-28 and Mon 2028-01-03. In the week of Sun 12-26 the
    employee works Mon-Fri: 16 h x $30.00 + 24 h x $20.00 + holiday pay for Boxing Day and New
    Year's Day (each 4 x 40 h x $20.00 / 20 = $160.00) = $1,280.00. By agreement (s.29(3)),
    public holiday pay only: 40 h x $20.00 + $320.00 = $1,120.00."""
    week = date(2027, 12, 26)
    hols = holidays_between("CA-ON", date(2027, 11, 1), date(2028, 1, 31))
    assert {date(2027, 12, 25), date(2027, 12, 26), date(2028, 1, 1)} <= set(hols)
    shifts = _mon_to_fri(week - timedelta(weeks=4), 6)
    p = pay(site("ontario"), shifts, week, week + timedelta(days=6), [rate("20.00")], hols)
    assert (p.minutes.holiday_worked, p.minutes.regular) == (16 * 60, 24 * 60)
    assert p.holiday_pay == Decimal("320.00")
    assert p.gross == Decimal("1280.00")
    agreed = pay(site("ontario", holiday_on_day_off=HolidayOnDayOff.PAY_ONLY), shifts, week,
                 week + timedelta(days=6), [rate("20.00")], hols)
    assert (agreed.minutes.regular, agreed.gross) == (40 * 60, Decimal("1120.00"))
