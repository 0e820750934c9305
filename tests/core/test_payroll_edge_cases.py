"""Edge cases found in review: overlapping entries, shifts crossing the range's end."""

from datetime import date, timedelta
from decimal import Decimal

from deskwfm.core.payroll import Cat

from .payroll_helpers import pay, site, work

SUN = date(2026, 4, 12)  # a Sunday, no DST change near


def test_overlapping_shifts_pay_each_minute_once() -> None:
    """22:00-06:00 then 04:00-12:00 the next day: 04:00-06:00 is worked once, so 14 h in all,
    not 16, and California daily overtime sees 12 h on the second day, not 14."""
    shifts = [work(SUN + timedelta(days=1), 22, 6), work(SUN + timedelta(days=2), 4, 12)]
    p = pay(site("california"), shifts, SUN, SUN + timedelta(days=6))
    assert p.minutes.paid == 14 * 60
    day2 = next(d for d in p.days if d.day == SUN + timedelta(days=2))
    assert (day2.minutes.paid, day2.minutes.overtime, day2.minutes.double_time) == (12 * 60, 4 * 60, 0)
    assert p.minutes.night == 8 * 60  # 22:00-06:00 once


def test_shift_breakdown_adds_up_to_the_totals_when_a_night_shift_crosses_the_end() -> None:
    """A 22:00-06:00 shift on the last day puts 2 h in this range and 6 h in the next; the
    per-shift lines (payroll detail sheet, timesheets) must show the same 2 h as the summary,
    and the next range lists the shift with its 6 h."""
    s = site("ontario")
    shifts = [work(SUN + timedelta(days=i), 9, 17) for i in range(1, 6)] + [
        work(SUN + timedelta(days=6), 22, 6)
    ]
    first = pay(s, shifts, SUN, SUN + timedelta(days=6))
    assert sum(sp.minutes.paid for sp in first.shifts) == first.minutes.paid == 42 * 60
    nxt = pay(s, shifts, SUN + timedelta(days=7), SUN + timedelta(days=13))
    assert [(sp.shift.work_date, sp.minutes.paid) for sp in nxt.shifts] == [(SUN + timedelta(days=6), 360)]
    assert nxt.minutes.paid == 360


def test_flsa_mid_week_raise_is_not_overpaid() -> None:
    """Rate $20, then $30 from Wed; five 10-h days Sun-Thu = 50 h. Straight time: Sun-Tue 30 h x
    $20 + Wed-Thu 20 h x $30 = $1,200; regular rate $24 (29 CFR 778.115); owed $1,200 + 10 h x
    $12 = $1,320."""
    from .payroll_helpers import rate

    shifts = [work(SUN + timedelta(days=i), 8, 18) for i in range(0, 5)]
    rates = [rate("20.00"), rate("30.00", SUN + timedelta(days=3))]
    p = pay(site("flsa"), shifts, SUN, SUN + timedelta(days=6), rates)
    assert p.gross == Decimal("1320.00")
    assert p.amount(Cat.OVERTIME) == Decimal("420.00")  # 10 h x ($30 + 0.5 x $24)
