"""What the payroll engine is given under the site's pay basis (``core.timekeeping.PayBasis``).

Under ``SCHEDULE`` the engine prices the schedule, as it always has. Under ``ACTUAL`` it prices,
for each employee (one engine, ``core.payroll.compute_employee``, fed shift-like inputs):

- every closed worked segment as plain work (in and out times rounded for pay when the site
  rounds; the recorded times are kept), so overtime, night and holiday premiums follow the hours
  actually worked;
- a paid absence code: the rest of the scheduled shift's paid time not worked that day (a
  ``SCHEDULED`` code; all of it when nothing was worked) or its fixed time, as paid leave — or, for a
  code that counts as worked, as work (the scheduled shift itself, whose minutes already worked the
  engine does not pay twice);
- leave on the schedule (vacation) as it stands: planned leave is not attendance;
- nothing for a scheduled work shift with nothing recorded (a no-show), an unpaid code, or a
  segment with no logout (until it is corrected);

and withholds the holiday pay that ``core.holiday_eligibility`` says the employee lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, time, timedelta

from deskwfm.core.absence import AbsenceCode, AbsencePay
from deskwfm.core.actual import ActualDay, as_shifts
from deskwfm.core.holiday_eligibility import LOOK, HolidayLoss, holidays_without_pay
from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.payroll import EmployeePay, compute_employee
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import Clock, clock_for, paid_spans, to_datetime
from deskwfm.core.timekeeping import PayBasis

_NOON = 12 * 60


def eligibility_window(first: date, last: date) -> tuple[date, date]:
    """The work dates ``holidays_without_pay`` reads for a load window first..last."""
    return first - timedelta(days=LOOK), last + timedelta(days=LOOK)


def _minutes(clock: Clock, shifts: Iterable[Shift]) -> int:
    return sum(b - a for sh in shifts for a, b in paid_spans(clock, sh))


def _placed(clock: Clock, day: ActualDay, minutes: int, kind: ShiftKind) -> Shift:
    """``minutes`` of paid time on the work date as one shift from noon (its wall end found
    through the clock, so the length is exact on a clock-change night)."""
    start = clock.utc(day.work_date, _NOON)
    end = to_datetime(start + minutes, clock.tz)
    return Shift(
        day.employee_code, day.work_date, time(12, 0), time(end.hour, end.minute), 0, day.absence, kind
    )


def actual_pay_shifts(
    schedule: Sequence[Shift],
    actual: Iterable[ActualDay],
    codes: Mapping[str, AbsenceCode],
    clock: Clock,
    rounding: int = 0,
) -> list[Shift]:
    """The engine's inputs under the actual basis (see the module docstring), any employees."""
    sched = {(s.employee_code, s.work_date): s for s in schedule}
    out = [s for s in schedule if s.kind is ShiftKind.PAID_LEAVE and s.has_times]
    for day in actual:
        worked = as_shifts(day, rounding, clock)
        out.extend(worked)
        code = codes.get(day.absence) if day.absence else None
        if code is None or not code.paid:
            continue
        planned = sched.get((day.employee_code, day.work_date))
        if planned is not None and planned.kind is ShiftKind.PAID_LEAVE:
            continue  # the schedule's leave already pays the day
        work = planned if planned is not None and planned.kind is ShiftKind.WORK and planned.has_times \
            else None
        if code.counts_as_worked and code.pay is AbsencePay.SCHEDULED:
            if work is not None:
                out.append(replace(work, code=code.code, note=""))
            continue
        if code.pay is AbsencePay.FIXED:
            minutes = code.paid_minutes
        else:
            minutes = max(0, _minutes(clock, [work]) - _minutes(clock, worked)) if work is not None else 0
        if minutes:
            kind = ShiftKind.WORK if code.counts_as_worked else ShiftKind.PAID_LEAVE
            out.append(_placed(clock, day, minutes, kind))
    return out


def employee_pay(
    site: SiteSettings,
    employee: Employee,
    rates: Sequence[PayRate],
    shifts: Sequence[Shift],
    actual: Sequence[ActualDay],
    codes: Mapping[str, AbsenceCode],
    start: date,
    end: date,
    holidays: Mapping[date, str],
    now: int | None = None,
) -> tuple[EmployeePay, list[HolidayLoss]]:
    """One employee's pay for start..end under the site's pay basis, and the holidays whose pay
    they lost. ``shifts``/``actual``: theirs over ``eligibility_window`` of the engine's window."""
    if site.timekeeping.pay_basis is PayBasis.SCHEDULE:
        return compute_employee(site, employee, rates, shifts, start, end, holidays), []
    clock = clock_for(site.tz)
    inputs = actual_pay_shifts(shifts, actual, codes, clock, site.timekeeping.rounding_minutes)
    losses = holidays_without_pay(
        site.rules.holiday_eligibility, holidays, start, end, shifts, {d.work_date: d for d in actual},
        codes, site.timekeeping, clock, now,
    )
    pay = compute_employee(
        site, employee, rates, inputs, start, end, holidays, {loss.holiday for loss in losses}
    )
    return pay, losses
