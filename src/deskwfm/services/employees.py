"""Employee and pay-rate use cases (the rules themselves: ``deskwfm.core.employees``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.employees import check_employee, check_rate
from deskwfm.core.errors import InputError, NotFoundError, StaleEditError
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.login_id import login_key, validate_login_id
from deskwfm.core.messages import msg
from deskwfm.core.model import Employee, PayRate
from deskwfm.core.periods import period_containing
from deskwfm.core.site import SiteSettings
from deskwfm.services.workspace import Workspace

__all__ = [
    "add_employee", "all_rates", "check_employee", "check_rate", "default_rate_from", "delete_rate",
    "first_rate_from", "list_employees", "list_rates", "set_active", "set_rate", "update_employee",
]


def list_employees(ws: Workspace, *, include_inactive: bool = True) -> list[Employee]:
    """Ordered by team, then code."""
    return ws.store.list_employees(include_inactive=include_inactive)


def first_rate_from(site: SiteSettings, day: date) -> date:
    """Where a new employee's first rate starts by default: the first day of the pay period
    holding ``day`` (the first day the schedule shows, or today). A rate from *today* would
    leave the earlier days of that period, which the grid shows and the admin may fill,
    without a rate; the period start covers them and matches how payroll is run."""
    return period_containing(day, site)[0]


def default_rate_from(ws: Workspace, day: date | None = None) -> date:
    """``first_rate_from`` for ``day`` (default today) at this site; the CLI and the
    Employees dialog both use it."""
    from deskwfm.services.site import get_site

    return first_rate_from(get_site(ws), day or date.today())


def _check_login_free(ws: Workspace, employee: Employee) -> None:
    """FieldError (login ID) when another employee already has this login ID (compared
    case-insensitively), so a form shows it under its Login ID box."""
    if not employee.login_id:
        return
    key = login_key(employee.login_id)
    others = (e for e in ws.store.list_employees() if e.code != employee.code)
    other = next((e for e in others if login_key(e.login_id) == key), None)
    if other is not None:
        raise FieldError(
            Field.LOGIN_ID, msg("{id} already belongs to {code}", id=employee.login_id, code=other.code)
        )


def add_employee(
    ws: Workspace, employee: Employee, rate: Decimal, rate_from: date, how: How = How.DIALOG, detail: str = ""
) -> Employee:
    """FieldError for a field that breaks a rule (``core.employees``); InputError if the code
    exists, in any case: Excel import and the grid match codes without regard to case, so
    AG014 and ag014 would be taken for one person."""
    emp = check_employee(employee)
    hourly = check_rate(rate)
    key = emp.code.upper()
    same = next((e.code for e in ws.store.list_employees() if e.code.upper() == key), None)
    if same == emp.code:
        raise InputError(msg("employee code {code} is already used", code=emp.code))
    if same is not None:
        raise InputError(
            msg("employee code {code} is already used, written {other}", code=emp.code, other=same)
        )
    _check_login_free(ws, emp)
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
    checked = check_employee(employee)
    _check_login_free(ws, checked)
    return _checked_update(ws, checked, how, detail)


def set_login_id(
    ws: Workspace, code: str, login_id: str, how: How = How.DIALOG, detail: str = ""
) -> Employee:
    """Give an employee the phone system's ID for them ("" removes it)."""
    emp = ws.store.get_employee(code)
    new = replace(emp, login_id=validate_login_id(login_id))
    _check_login_free(ws, new)
    return _checked_update(ws, new, how, detail)


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
    rate = PayRate(code, effective_from, check_rate(hourly))
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
