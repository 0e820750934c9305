"""Builders shared by the payroll tests."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.payroll import EmployeePay, compute_employee
from deskwfm.core.rules import PRESETS, RuleSet
from deskwfm.core.site import SiteSettings

EMP = Employee("A1", "Ann Agent")


def site(
    preset: str = "ontario", tz: str = "America/Toronto", week_start: int = 6, **rule_changes: object
) -> SiteSettings:
    rules: RuleSet = PRESETS[preset].with_changes(**rule_changes) if rule_changes else PRESETS[preset]
    return SiteSettings(tz=tz, week_start=week_start, rules=rules)


def rate(amount: str, since: date = date(2000, 1, 1)) -> PayRate:
    return PayRate("A1", since, Decimal(amount))


def work(d: date, start: int | time, end: int | time, brk: int = 0) -> Shift:
    s = start if isinstance(start, time) else time(start % 24)
    e = end if isinstance(end, time) else time(end % 24)
    return Shift("A1", d, s, e, brk)


def leave(d: date, hours: int = 8) -> Shift:
    return Shift("A1", d, time(9), time(9 + hours), 0, "VAC", ShiftKind.PAID_LEAVE)


def pay(
    s: SiteSettings,
    shifts: list[Shift],
    start: date,
    end: date,
    rates: list[PayRate] | None = None,
    holidays: dict[date, str] | None = None,
) -> EmployeePay:
    rates = [rate("20.00")] if rates is None else rates
    return compute_employee(s, EMP, rates, shifts, start, end, holidays or {})


def hours(minutes: int) -> Decimal:
    return Decimal(minutes) / 60
