"""Payroll engine: classify every paid minute, then price it in rounded pay lines.

Interface (stable; GUI, PDF, Excel and CLI build on these types):
  payroll_load_window(site, start, end) -> (first, last) dates of shifts the engine needs
  compute_employee(ctx, employee, shifts, rates, start, end) -> EmployeePay
  compute_payroll(site, employees, rates, shifts, start, end, holidays) -> PayrollResult
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from deskwfm.core.model import Employee, PayRate, Shift
from deskwfm.core.site import SiteSettings


class Cat:
    """Pay-line categories (string constants, also used as JSON/Excel column keys)."""

    REGULAR = "regular"
    OVERTIME = "overtime"  # 1.5x (or the rule set's ot_multiplier)
    DOUBLE_TIME = "double_time"
    NIGHT = "night"  # night premium on top of the hour's pay
    HOLIDAY_WORKED = "holiday_worked"  # hours worked on a statutory holiday at its multiplier
    HOLIDAY_PAY = "holiday_pay"  # statutory holiday pay entitlement
    LEAVE = "leave"  # paid leave (vacation, paid sick)
    OT_ADJUSTMENT = "ot_adjustment"  # regular-rate top-up of OT (FLSA / California)


@dataclass(frozen=True, slots=True)
class PayLine:
    category: str
    minutes: int  # 0 for holiday pay and adjustments
    rate: Decimal  # per hour, multiplier included (0 where not per-hour)
    amount: Decimal  # rounded to the cent, ROUND_HALF_UP
    description: str


@dataclass(frozen=True, slots=True)
class MinuteTotals:
    """Minutes by category. ``paid`` = regular + overtime + double_time + holiday_worked."""

    paid: int = 0
    regular: int = 0
    overtime: int = 0
    double_time: int = 0
    night: int = 0
    holiday_worked: int = 0
    leave: int = 0


@dataclass(frozen=True, slots=True)
class ShiftPay:
    """What the engine counted for one shift (all its days)."""

    shift: Shift
    minutes: MinuteTotals


@dataclass(frozen=True, slots=True)
class DayPay:
    """What the engine counted on one calendar day (hours belong to the day worked)."""

    day: date
    minutes: MinuteTotals
    holiday_name: str = ""


@dataclass(frozen=True, slots=True)
class EmployeePay:
    employee: Employee
    start: date
    end: date
    minutes: MinuteTotals
    holiday_pay: Decimal
    lines: tuple[PayLine, ...]
    gross: Decimal  # == sum(line.amount for line in lines)
    shifts: tuple[ShiftPay, ...]  # shifts whose work date is in start..end
    days: tuple[DayPay, ...]  # every day start..end
    rates: tuple[PayRate, ...]  # rates in force at some point in start..end

    def amount(self, category: str) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.category == category), Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class PayrollResult:
    start: date
    end: date
    employees: tuple[EmployeePay, ...] = field(default_factory=tuple)



def payroll_load_window(site: SiteSettings, start: date, end: date) -> tuple[date, date]:
    """First and last work date of the shifts the engine needs to price start..end: whole work
    weeks around the range, the 4 work weeks before any holiday week, and one day either side
    for overnight shifts."""
    raise NotImplementedError


def compute_employee(
    site: SiteSettings,
    employee: Employee,
    rates: Sequence[PayRate],
    shifts: Sequence[Shift],
    start: date,
    end: date,
    holidays: Mapping[date, str],
) -> EmployeePay:
    """Pay of one employee for start..end (inclusive). ``shifts`` are that employee's shifts
    over at least ``payroll_load_window(site, start, end)``; ``rates`` all of their rates."""
    raise NotImplementedError


def compute_payroll(
    site: SiteSettings,
    employees: Sequence[Employee],
    rates: Mapping[str, Sequence[PayRate]],
    shifts: Sequence[Shift],
    start: date,
    end: date,
    holidays: Mapping[date, str],
) -> PayrollResult:
    """Pay of every given employee for start..end; shifts of all of them, any order."""
    raise NotImplementedError
