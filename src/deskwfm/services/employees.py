"""Employee and pay-rate use cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.employees import validate_employee_code
from deskwfm.core.errors import InputError, NotFoundError, StaleEditError
from deskwfm.core.messages import msg
from deskwfm.core.model import Employee, PayRate
from deskwfm.services.workspace import Workspace

MAX_RATE = Decimal("10000")


def list_employees(ws: Workspace, *, include_inactive: bool = True) -> list[Employee]:
    """Ordered by team, then code."""
    return ws.store.list_employees(include_inactive=include_inactive)


def check_rate(rate: Decimal, who: str = "") -> Decimal:
    """A positive, finite hourly rate to the cent."""
    label = f"pay rate of {who}" if who else "pay rate"
    if not isinstance(rate, Decimal) or not rate.is_finite():
        raise InputError(f"{label} {rate} is not a number; write it like 20.00")
    if rate <= 0:
        raise InputError(f"{label} {rate} must be more than zero")
    if rate >= MAX_RATE:
        raise InputError(f"{label} {rate} is not an hourly rate")
    if rate != rate.quantize(Decimal("0.01")):
        raise InputError(f"{label} {rate} has fractions of a cent; use at most two decimal places")
    return rate.quantize(Decimal("0.01"))


def check_employee(employee: Employee) -> Employee:
    code = validate_employee_code(employee.code)
    name = " ".join(employee.name.split())
    if not name:
        raise InputError(f"employee {code} needs a name")
    if len(name) > 200:
        raise InputError(f"the name of {code} is longer than 200 characters")
    for label, v in (("contract", employee.contract_minutes), ("maximum", employee.max_minutes)):
        if v is not None and not 0 <= v <= 7 * 1440:
            raise InputError(f"{label} hours of {code} must be between 0 and 168 a week")
    return Employee(
        code, name, employee.team.strip(), employee.active, employee.contract_minutes,
        employee.max_minutes, employee.version,
    )


def add_employee(
    ws: Workspace, employee: Employee, rate: Decimal, rate_from: date, how: How = How.DIALOG, detail: str = ""
) -> Employee:
    """InputError if the code exists, is blank, or the rate is not a positive amount."""
    emp = check_employee(employee)
    hourly = check_rate(rate, emp.code)
    if ws.store.list_employees(codes=[emp.code]):
        raise InputError(msg("employee code {code} is already used", code=emp.code))
    ws.commit(ChangeSet([
        Change(Entity.EMPLOYEE, (emp.code,), emp, expected=None),
        Change(Entity.RATE, (emp.code, rate_from), PayRate(emp.code, rate_from, hourly), expected=None),
    ], how, detail))
    return replace(emp, version=1)


def _checked_update(ws: Workspace, new: Employee, how: How, detail: str) -> Employee:
    """Write ``new`` over the stored employee of its code, refused (StaleEditError) unless the
    stored one is still the version the caller read."""
    current = ws.store.get_employee(new.code)  # NotFoundError for an unknown code
    if current.version != new.version:
        raise StaleEditError(msg("employee {code}", code=new.code))
    ws.commit(ChangeSet([Change(Entity.EMPLOYEE, (new.code,), new, expected=current)], how, detail))
    return replace(new, version=new.version + 1)


def update_employee(ws: Workspace, employee: Employee, how: How = How.DIALOG, detail: str = "") -> Employee:
    """Update by code (codes never change); StaleEditError if ``employee.version`` is stale."""
    return _checked_update(ws, check_employee(employee), how, detail)


def set_active(ws: Workspace, code: str, active: bool, how: How = How.DIALOG, detail: str = "") -> Employee:
    emp = ws.store.get_employee(code)
    return _checked_update(ws, replace(emp, active=active), how, detail)


def list_rates(ws: Workspace, code: str) -> list[PayRate]:
    """Sorted by effective_from."""
    ws.store.get_employee(code)  # NotFoundError for an unknown code
    return ws.store.rates([code]).get(code, [])


def all_rates(ws: Workspace) -> dict[str, list[PayRate]]:
    """Every employee's rates (code -> rates sorted by effective_from), in one query."""
    return ws.store.rates()


def set_rate(
    ws: Workspace, code: str, hourly: Decimal, effective_from: date, how: How = How.DIALOG, detail: str = ""
) -> PayRate:
    """Add a rate from a date (replacing one from the same date)."""
    ws.store.get_employee(code)  # NotFoundError for an unknown code
    rate = PayRate(code, effective_from, check_rate(hourly, code))
    ws.commit(ChangeSet([Change(Entity.RATE, (code, effective_from), rate)], how, detail))
    return rate


def delete_rate(
    ws: Workspace, code: str, effective_from: date, how: How = How.DIALOG, detail: str = ""
) -> None:
    """InputError when it is the employee's only rate."""
    rates = list_rates(ws, code)
    current = next((r for r in rates if r.effective_from == effective_from), None)
    if current is None:
        raise NotFoundError(msg("{code} has no rate from {day:date}", code=code, day=effective_from))
    if len(rates) <= 1:
        raise InputError(msg("{code} must keep at least one pay rate", code=code))
    ws.commit(ChangeSet([Change(Entity.RATE, (code, effective_from), None, expected=current)], how, detail))
