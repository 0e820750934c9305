"""What pricing actual time needs beyond a schedule range: the read behind the grid's totals in
the Actual and Variance views when the site pays actual time.

The payroll service (``services.payroll``) prices an employee's actual time with
``core.pay_basis.employee_pay`` over ``eligibility_window(payroll_load_window(...))``: whole work
weeks, the weeks before a holiday, and the days around each holiday that decide its pay. The grid
holds the schedule of a narrower window and actual time of the shown days only; this read brings
the rest, so the grid prices each row from exactly the inputs the payroll service uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deskwfm.core.actual import ActualDay
from deskwfm.core.model import Shift
from deskwfm.core.pay_basis import eligibility_window
from deskwfm.core.payroll import payroll_load_window
from deskwfm.core.site import SiteSettings
from deskwfm.services.schedule import holidays_for
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ActualPayInputs:
    """Schedule and actual time over ``first..last`` (the payroll service's window for the range)
    and the holidays over it, as the payroll service loads them."""

    first: date
    last: date
    shifts: list[Shift]
    actual: list[ActualDay]
    holidays: dict[date, str]


def pay_window(site: SiteSettings, start: date, end: date) -> tuple[date, date]:
    """The work dates the payroll service reads to price start..end on actual time."""
    return eligibility_window(*payroll_load_window(site, start, end))


def actual_pay_inputs(
    ws: Workspace,
    site: SiteSettings,
    start: date,
    end: date,
    employee_codes: Sequence[str] | None = None,
    *,
    held_shifts: tuple[date, date] | None = None,
    held_actual: tuple[date, date] | None = None,
) -> ActualPayInputs:
    """What ``core.pay_basis.employee_pay`` is given for start..end (the employees given, or
    everyone), read as ``services.payroll`` reads it. ``held_shifts``/``held_actual``: work dates
    (first, last) whose shifts or actual time the caller already holds; those are not read."""
    first, last = pay_window(site, start, end)
    codes = employee_codes
    shifts = [s for a, b in _outside(first, last, held_shifts) for s in ws.store.shifts_between(a, b, codes)]
    actual = [d for a, b in _outside(first, last, held_actual) for d in ws.store.actual_between(a, b, codes)]
    return ActualPayInputs(first, last, shifts, actual, holidays_for(site, first, last))


def _outside(first: date, last: date, held: tuple[date, date] | None) -> list[tuple[date, date]]:
    """The parts of first..last outside ``held`` (at most two ranges)."""
    if held is None:
        return [(first, last)]
    lo, hi = held
    parts = [(first, min(last, lo - timedelta(days=1))), (max(first, hi + timedelta(days=1)), last)]
    return [(a, b) for a, b in parts if a <= b]
