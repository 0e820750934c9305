"""Employee and pay-rate use cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from deskwfm.core.model import Employee, PayRate
from deskwfm.services.workspace import Workspace


def list_employees(ws: Workspace, *, include_inactive: bool = True) -> list[Employee]:
    """Ordered by team, then code."""
    raise NotImplementedError


def add_employee(ws: Workspace, employee: Employee, rate: Decimal, rate_from: date) -> Employee:
    """InputError if the code exists, is blank, or the rate is not a positive amount."""
    raise NotImplementedError


def update_employee(ws: Workspace, employee: Employee) -> Employee:
    """Update by code (codes never change); StaleEditError if ``employee.version`` is stale."""
    raise NotImplementedError


def set_active(ws: Workspace, code: str, active: bool) -> Employee:
    raise NotImplementedError


def list_rates(ws: Workspace, code: str) -> list[PayRate]:
    """Sorted by effective_from."""
    raise NotImplementedError


def set_rate(ws: Workspace, code: str, hourly: Decimal, effective_from: date) -> PayRate:
    """Add a rate from a date (replacing one from the same date)."""
    raise NotImplementedError


def delete_rate(ws: Workspace, code: str, effective_from: date) -> None:
    """InputError when it is the employee's only rate."""
    raise NotImplementedError
