"""California preset: Labor Code s.510(a)."""

from datetime import date, time, timedelta
from decimal import Decimal

from deskwfm.core.payroll import Cat

from .payroll_helpers import pay, rate, site, work

SUN = date(2026, 6, 7)
# Source for every test here: California Labor Code s.510(a): "Any work in excess of eight hours
# in one workday and any work in excess of 40 hours in any one workweek and the first eight
# hours worked on the seventh day of work in any one workweek shall be compensated at the rate
# of no less than one and one-half times the regular rate of pay ... Any work in excess of 12
# hours in one day shall be compensated at the rate of no less than twice the regular rate of
# pay ... any work in excess of eight hours on any seventh day of a workweek shall be
# compensated at the rate of no less than twice the regular rate of pay."


def test_fourteen_hour_day_is_8_regular_4_overtime_2_double() -> None:
    """$20.00/h: 8 x $20 + 4 x $30 + 2 x $40 = $160 + $120 + $80 = $360.00."""
    p = pay(site("california"), [work(SUN + timedelta(days=1), 6, 20)], SUN, SUN + timedelta(days=6))
    m = p.minutes
    assert (m.regular, m.overtime, m.double_time) == (8 * 60, 4 * 60, 2 * 60)
    assert p.gross == Decimal("360.00")


def test_daily_overtime_hours_are_not_counted_again_toward_40() -> None:
    """s.510(a) "Nothing in this section requires an employer to combine more than one rate of
    overtime compensation". 6 x 10 h (Mon-Sat): 2 daily OT hours a day (12 h); the 48 hours
    within 8 a day exceed 40 by 8 h -> 20 OT hours, 40 regular; at $20: $800 + 20 x $30."""
    shifts = [work(SUN + timedelta(days=i), 8, 18) for i in range(1, 7)]
    p = pay(site("california"), shifts, SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime, p.minutes.double_time) == (40 * 60, 20 * 60, 0)
    assert p.gross == Decimal("1400.00")


def test_seventh_consecutive_day_first_8_at_1_5_rest_at_2() -> None:
    """Seven days worked in the workweek (Sun-Sat), 6 h each on Sun-Fri (36 h) and 10 h on the
    seventh day: 8 h at 1.5x and 2 h at 2x. At $20: 36 x $20 + 8 x $30 + 2 x $40 = $1,040."""
    shifts = [work(SUN + timedelta(days=i), 9, 15) for i in range(0, 6)] + [
        work(SUN + timedelta(days=6), 8, 18)
    ]
    p = pay(site("california"), shifts, SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime, p.minutes.double_time) == (36 * 60, 8 * 60, 2 * 60)
    assert p.gross == Decimal("1040.00")


def test_overnight_shift_hours_split_at_midnight_for_daily_overtime() -> None:
    """Hours belong to the calendar day worked (design.md; the workday is midnight to
    midnight): a 20:00-06:00 shift is 4 h + 6 h, no daily overtime."""
    p = pay(site("california"), [work(SUN + timedelta(days=1), 20, 6)], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (10 * 60, 0)


def test_six_days_is_not_a_seventh_day() -> None:
    shifts = [work(SUN + timedelta(days=i), 9, 15) for i in range(1, 6)] + [
        work(SUN + timedelta(days=6), 8, 18)
    ]
    p = pay(site("california"), shifts, SUN, SUN + timedelta(days=6))
    assert (p.minutes.overtime, p.minutes.double_time) == (2 * 60, 0)


def test_night_differential_enters_the_regular_rate() -> None:
    """California, like 29 CFR 778.207(b), computes overtime on the regular rate including shift
    differentials. One 10-hour shift 14:00-24:00 at $20 with a $2.00/h differential for the
    16:00-24:00 window (8 h): straight time $200 + $16 = $216 over 10 h -> regular rate $21.60; the 2 OT
    hours are paid $20 + 0.5 x $21.60 = $30.80 each. Gross: 8 x $20 + 2 x $30.80 + $16 = $237.60."""
    s = site("california", night_premium=Decimal("2.00"), night_start=time(16), night_end=time(0))
    p = pay(s, [work(SUN + timedelta(days=1), 14, 24)], SUN, SUN + timedelta(days=6), [rate("20.00")])
    assert p.amount(Cat.OVERTIME) == Decimal("61.60")
    assert p.gross == Decimal("237.60")


def test_a_workday_fixed_to_start_in_the_evening_holds_the_whole_night_shift() -> None:
    """California Labor Code s.500(a): "'Workday' and 'day' mean any consecutive 24-hour period
    commencing at the same time each calendar day." With the site's workday starting at 18:00,
    a 20:00-06:00 shift lies in one workday: 8 h x $20 + 2 h x $30 = $220.00 (s.510(a)). The
    hours still belong to the calendar days worked (4 h Monday, 6 h Tuesday)."""
    mon = SUN + timedelta(days=1)
    p = pay(site("california", workday_start=time(18)), [work(mon, 20, 6)], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (8 * 60, 2 * 60)
    assert p.gross == Decimal("220.00")
    assert [d.minutes.paid for d in p.days[1:3]] == [4 * 60, 6 * 60]


def test_a_workday_boundary_inside_a_shift_splits_its_daily_count() -> None:
    """s.500(a) with the workday starting at 02:00: a 16:00-04:00 shift (12 h) has 10 h in
    Monday's workday (2 h overtime) and 2 h in Tuesday's: 10 x $20 + 2 x $30 = $260.00; with
    the default midnight workday it would be 8 + 4 h: no overtime."""
    mon = SUN + timedelta(days=1)
    p = pay(site("california", workday_start=time(2)), [work(mon, 16, 4)], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (10 * 60, 2 * 60)
    assert p.gross == Decimal("260.00")
    midnight = pay(site("california"), [work(mon, 16, 4)], SUN, SUN + timedelta(days=6))
    assert midnight.minutes.overtime == 0


def test_the_workweek_is_seven_workdays() -> None:
    """s.500(b): the workweek is "seven consecutive 24-hour periods", the workdays. With
    workdays from 06:00, a Sunday 02:00-06:00 shift belongs to Saturday's workday and so to the
    workweek before; the Mon-Fri 40 h stay regular (s.510(a)). With midnight workdays those
    4 Sunday hours open the week and the last 4 h of Friday are overtime."""
    nxt = SUN + timedelta(days=7)
    shifts = [work(nxt, 2, 6)] + [work(nxt + timedelta(days=d), 9, 17) for d in range(1, 6)]
    p = pay(site("california", workday_start=time(6)), shifts, nxt, nxt + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.overtime) == (44 * 60, 0)
    calendar = pay(site("california"), shifts, nxt, nxt + timedelta(days=6))
    assert (calendar.minutes.regular, calendar.minutes.overtime) == (40 * 60, 4 * 60)
