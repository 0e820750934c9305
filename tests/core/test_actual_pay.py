"""Pay under the ``actual`` basis: the engine prices recorded time and paid absence codes, with
worked examples computed by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from deskwfm.core.actual import ActualDay, Source, scheduled_segments
from deskwfm.core.model import Employee, PayRate, Shift
from deskwfm.core.pay_basis import employee_pay
from deskwfm.core.payroll import Cat, EmployeePay
from deskwfm.core.rules import PRESETS
from deskwfm.core.site import SiteSettings
from deskwfm.core.timekeeping import PayBasis, Timekeeping
from tests.core.actual_helpers import CODES, MON, TORONTO, day, shift

EMP = Employee("A1", "Ann Agent")
RATE = [PayRate("A1", date(2026, 1, 1), Decimal("20.00"))]
SUN = MON - timedelta(days=1)
WEEK = [MON + timedelta(days=i) for i in range(5)]


def actual_site(preset: str = "ontario", **tk: object) -> SiteSettings:
    return SiteSettings(
        rules=PRESETS[preset], timekeeping=Timekeeping(pay_basis=PayBasis.ACTUAL).with_changes(**tk)
    )


def pay_of(site: SiteSettings, shifts: list[Shift], actual: list[ActualDay], start: date, end: date,
           holidays: dict[date, str] | None = None) -> EmployeePay:
    result, _ = employee_pay(site, EMP, RATE, shifts, actual, CODES, start, end, holidays or {})
    return result


SCHEDULE = [shift(d, (9, 0), (17, 0), 30) for d in WEEK]  # 5 x 7.5 h
RECORDED = [
    day("8:58-17:03/30", WEEK[0]),  # 455 min worked
    day("SICKP", WEEK[1]),  # paid sick: the scheduled 450 min as leave
    # WEEK[2]: nothing recorded, a no-show: paid nothing
    day("9:00-12:00,12:30-19:00", WEEK[3]),  # 180 + 390 = 570 min
    day("9:00-17:00/30", WEEK[4]),  # 450 min
]


def test_payroll_under_actual_equals_pay_computed_by_hand() -> None:
    """Ontario, $20/h: worked 455 + 570 + 450 = 1,475 minutes, all regular (under 44 h, ESA
    s.22(1)): 1,475 / 60 x 20 = $491.666... -> $491.67; paid sick 450 minutes: $150.00; the
    no-show day pays nothing. Gross $641.67."""
    p = pay_of(actual_site(), SCHEDULE, RECORDED, SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.leave, p.minutes.overtime) == (1475, 450, 0)
    assert p.amount(Cat.REGULAR) == Decimal("491.67")
    assert p.amount(Cat.LEAVE) == Decimal("150.00")
    assert p.gross == Decimal("641.67")


def test_the_schedule_basis_still_pays_the_plan() -> None:
    site = SiteSettings(rules=PRESETS["ontario"])
    p = pay_of(site, SCHEDULE, RECORDED, SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.gross) == (5 * 450, Decimal("750.00"))


def test_rounding_applies_to_pay_only() -> None:
    """Nearest quarter hour: Monday's 8:58-17:03 is paid as 9:00-17:00 (450 minutes), the rest is
    already on quarter hours: 1,470 minutes x $20 = $490.00, plus $150.00 sick."""
    p = pay_of(actual_site(rounding_minutes=15), SCHEDULE, RECORDED, SUN, SUN + timedelta(days=6))
    assert p.minutes.regular == 1470 and p.gross == Decimal("640.00")
    assert RECORDED[0].segments[0].start == 538  # the recorded time is unchanged


def test_daily_overtime_follows_the_hours_actually_worked() -> None:
    """Canada Labour Code s.169/174: hours over 8 in a day are overtime at 1.5x. Thursday's 570
    minutes worked are 480 regular and 90 overtime: 90 / 60 x 30 = $45.00."""
    p = pay_of(actual_site("canada-federal"), SCHEDULE, RECORDED, SUN, SUN + timedelta(days=6))
    assert p.minutes.overtime == 90
    assert p.amount(Cat.OVERTIME) == Decimal("45.00")


def test_a_missing_logout_pays_nothing_until_corrected() -> None:
    open_day = [day("8:58-", WEEK[0])]
    p = pay_of(actual_site(), SCHEDULE[:1], open_day, SUN, SUN + timedelta(days=6))
    assert p.gross == Decimal("0.00")


def test_paid_absence_after_part_of_the_day_worked_pays_the_rest_of_the_shift() -> None:
    """Sent home sick at 11:00: 2 hours worked, the other 5.5 scheduled paid hours as paid sick."""
    p = pay_of(actual_site(), SCHEDULE[:1], [day("9:00-11:00 SICKP", WEEK[0])], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.leave) == (120, 330)


def test_a_code_that_counts_as_worked_is_paid_as_work() -> None:
    p = pay_of(actual_site(), SCHEDULE[:1], [day("TRN", WEEK[0])], SUN, SUN + timedelta(days=6))
    assert (p.minutes.regular, p.minutes.leave) == (450, 0)


# ---------------------------------------------------------------- holiday eligibility
XMAS = date(2026, 12, 25)  # a Friday
HOLIDAYS = {XMAS: "Christmas Day"}
XMAS_WEEK = XMAS - timedelta(days=5)  # Sunday 2026-12-20


def _worked_weeks() -> tuple[list[Shift], list[ActualDay]]:
    """Mon-Fri 9-17/30 from 2026-11-23 to 2026-12-28 except the holiday, each worked as
    scheduled: the four work weeks before the holiday's week earn 4 x 5 x 7.5 h x $20 = $3,000."""
    shifts: list[Shift] = []
    d = date(2026, 11, 23)
    while d <= date(2026, 12, 28):
        if d.weekday() < 5 and d != XMAS:
            shifts.append(shift(d, (9, 0), (17, 0), 30))
        d += timedelta(days=1)
    actual = [
        ActualDay("A1", s.work_date, scheduled_segments(s, TORONTO), source=Source.CONFIRMED) for s in shifts
    ]
    return shifts, actual


def _holiday_pay(
    site: SiteSettings, shifts: list[Shift], actual: list[ActualDay]
) -> tuple[Decimal, list[str]]:
    p, losses = employee_pay(
        site, EMP, RATE, shifts, actual, CODES, XMAS_WEEK, XMAS_WEEK + timedelta(days=6), HOLIDAYS
    )
    return p.holiday_pay, [str(loss.reason) for loss in losses]


def _replace(actual: list[ActualDay], new: ActualDay | None, d: date) -> list[ActualDay]:
    return [a for a in actual if a.work_date != d] + ([new] if new is not None else [])


def test_ontario_holiday_pay_when_the_days_around_it_are_worked() -> None:
    """ESA s.24(1): ($3,000 regular wages in the four work weeks before the holiday's week) / 20."""
    shifts, actual = _worked_weeks()
    assert _holiday_pay(actual_site(), shifts, actual) == (Decimal("150.00"), [])


def test_ontario_no_show_on_the_last_scheduled_day_before_loses_holiday_pay() -> None:
    """ESA s.26(2): an employee who fails, without reasonable cause, to work all of their last
    regularly scheduled day of work before the public holiday (Thursday 2026-12-24: nothing
    recorded) is not entitled to public holiday pay."""
    shifts, actual = _worked_weeks()
    paid, why = _holiday_pay(actual_site(), shifts, _replace(actual, None, date(2026, 12, 24)))
    assert paid == Decimal("0.00")
    assert why == [
        "no public holiday pay (ESA s.26(2)): did not work all of the last scheduled day before it "
        "(Thu 2026-12-24): no-show: scheduled from 09:00, nothing recorded"
    ]


def test_ontario_reasonable_cause_keeps_holiday_pay_and_no_cause_loses_it() -> None:
    """s.26(2) excuses a reasonable cause (the Ministry's manual gives illness as one): coded SICK
    keeps the pay; coded NS (no reasonable cause) and a 40-minute late arrival on the first
    scheduled day after (Monday 2026-12-28) lose it; the same late arrival coded LATE keeps it."""
    shifts, actual = _worked_weeks()
    site = actual_site()
    dec24, dec28 = date(2026, 12, 24), date(2026, 12, 28)
    assert _holiday_pay(site, shifts, _replace(actual, day("SICK", dec24), dec24))[0] == Decimal("150.00")
    assert _holiday_pay(site, shifts, _replace(actual, day("NS", dec24), dec24))[0] == Decimal("0.00")
    late = day("9:40-17:00/30", dec28)
    paid, why = _holiday_pay(site, shifts, _replace(actual, late, dec28))
    assert paid == Decimal("0.00")
    assert "first scheduled day after it (Mon 2026-12-28): late by 40 min" in why[0]
    excused = day("LATE 9:40-17:00/30", dec28)
    assert _holiday_pay(site, shifts, _replace(actual, excused, dec28))[0] == Decimal("150.00")


def test_ontario_rule_waits_for_a_day_not_over_yet() -> None:
    shifts, actual = _worked_weeks()
    before_monday = TORONTO.utc(date(2026, 12, 28), 8 * 60)
    missing = _replace(actual, None, date(2026, 12, 28))
    p, losses = employee_pay(actual_site(), EMP, RATE, shifts, missing, CODES,
                             XMAS_WEEK, XMAS_WEEK + timedelta(days=6), HOLIDAYS, now=before_monday)
    assert losses == [] and p.holiday_pay == Decimal("150.00")


def test_federal_continuous_operation_called_to_work_on_the_holiday_and_not_reporting() -> None:
    """Canada Labour Code s.196(4)(a): an employee in a continuous operation (telephone services,
    s.191) is not entitled to holiday pay for a general holiday on which they do not report for
    work after having been called to work on that day. Scheduled 9-17 on Christmas Day: reporting
    keeps the holiday pay (4 weeks x $750 / 20 = $150) and earns 1.5x for the 7.5 hours worked
    (s.197(1)); not reporting loses it — and a reasonable cause does not change that."""
    shifts, actual = _worked_weeks()
    shifts.append(shift(XMAS, (9, 0), (17, 0), 30))
    site = actual_site("canada-federal")
    worked = actual + [day("9:00-17:00/30", XMAS)]
    p, losses = employee_pay(site, EMP, RATE, shifts, worked, CODES, XMAS_WEEK, XMAS_WEEK + timedelta(days=6),
                             HOLIDAYS)
    assert losses == [] and p.holiday_pay == Decimal("150.00")
    assert p.amount(Cat.HOLIDAY_WORKED) == Decimal("225.00")
    paid, why = _holiday_pay(site, shifts, actual)
    assert paid == Decimal("0.00")
    assert why == ["no holiday pay (Canada Labour Code s.196(4)(a)): called to work on the holiday "
                   "(Fri 2026-12-25) and did not report for work"]
    assert _holiday_pay(site, shifts, actual + [day("SICK", XMAS)])[0] == Decimal("0.00")
    # not called to work that day: the rule does not apply
    assert _holiday_pay(site, shifts[:-1], actual)[0] == Decimal("150.00")
