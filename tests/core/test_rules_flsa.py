"""US FLSA preset: overtime at 1.5x the *regular rate* (29 CFR part 778)."""

from datetime import date, timedelta
from decimal import Decimal

from deskwfm.core.payroll import Cat

from .payroll_helpers import pay, rate, site, work

SUN = date(2026, 6, 7)


def test_778_110_a_hourly_rate_only() -> None:
    """Source: 29 CFR 778.110(a): $12 an hour, 46 hours: "a total weekly wage of $588 (46 hours
    at $12 plus 6 at $6)"."""
    shifts = [work(SUN + timedelta(days=i), 8, 16) for i in range(1, 6)] + [
        work(SUN + timedelta(days=6), 8, 14)
    ]
    p = pay(site("flsa"), shifts, SUN, SUN + timedelta(days=6), [rate("12.00")])
    assert p.minutes.paid == 46 * 60 and p.minutes.overtime == 6 * 60
    assert p.gross == Decimal("588.00")


def test_778_110_b_extra_pay_raises_the_regular_rate() -> None:
    """Source: 29 CFR 778.110(b): $12 an hour plus $46 extra pay in a 46-hour week: "46 hours at
    $12 yields $552; the addition of the $46 bonus makes a total of $598; this total divided by
    46 hours yields a regular rate of $13 ... a total wage of $637 for 46 hours (46 hours at $13
    plus 6 hours at $6.50)". 29 CFR 778.207(b) requires night-shift differentials "whether they
    take the form of a percent of the base rate or an addition of so many cents per hour" in the
    regular rate, so the $46 here is a $1.00/h night differential on 46 night hours
    (22:00-06:00 shifts Sun-Thu, 22:00-04:00 Fri)."""
    shifts = [work(SUN + timedelta(days=i), 22, 6) for i in range(0, 5)] + [
        work(SUN + timedelta(days=5), 22, 4)
    ]
    s = site("flsa", night_premium=Decimal("1.00"))
    p = pay(s, shifts, SUN, SUN + timedelta(days=6), [rate("12.00")])
    assert p.minutes.paid == 46 * 60 and p.minutes.night == 46 * 60
    assert p.amount(Cat.NIGHT) == Decimal("46.00")
    ot = [ln for ln in p.lines if ln.category == Cat.OVERTIME]
    # straight time $12 + half the $13 regular rate = $18.50 per overtime hour
    assert [(ln.minutes, ln.rate, ln.amount) for ln in ot] == [(360, Decimal("18.50"), Decimal("111.00"))]
    assert p.gross == Decimal("637.00")


def test_no_daily_overtime_under_flsa() -> None:
    p = pay(site("flsa"), [work(SUN + timedelta(days=1), 6, 20)], SUN, SUN + timedelta(days=6))
    assert p.minutes.overtime == 0 and p.minutes.regular == 14 * 60


def test_778_115_two_rates_in_one_week_use_the_weighted_average() -> None:
    """29 CFR 778.115: with two rates in a workweek the regular rate "is the weighted average of
    such rates": total straight-time earnings / total hours. A raise from $10 to $13 on
    Wednesday; 5 x 9 h = 45 h: Mon-Tue 18 h x $10 = $180, Wed-Fri 27 h x $13 = $351,
    $531 / 45 = $11.80 regular rate. Owed: $531 straight time + 5 OT h x 0.5 x $11.80 = $560.50
    (the OT hours are paid $13 + $5.90 = $18.90, not 1.5 x $13)."""
    shifts = [work(SUN + timedelta(days=i), 8, 17) for i in range(1, 6)]
    rates = [rate("10.00"), rate("13.00", SUN + timedelta(days=3))]
    p = pay(site("flsa"), shifts, SUN, SUN + timedelta(days=6), rates)
    assert p.amount(Cat.REGULAR) == Decimal("180.00") + Decimal("22") * 13
    assert p.amount(Cat.OVERTIME) == Decimal("94.50")
    assert p.gross == Decimal("560.50")
