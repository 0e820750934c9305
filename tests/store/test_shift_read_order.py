"""Shift reads come back ordered by employee code, then date, however they were written
(the grid, payroll and exports rely on it; the query leaves the employee order to Python)."""

from __future__ import annotations

from datetime import date, time, timedelta

from deskwfm.core.model import Employee, Shift
from deskwfm.store.store import Store
from tests.store.writes import emp, put, shift

MON = date(2026, 11, 23)


def test_shifts_are_ordered_by_employee_code_then_date(store: Store) -> None:
    # Employees created in an order unlike their codes' (their row ids do not follow the codes)
    put(store, *(emp(Employee(c, c)) for c in ("ZZ9", "AA1", "MM5")))
    writes = [(c, MON + timedelta(days=d)) for d in (4, 0, 2, 1, 3) for c in ("MM5", "ZZ9", "AA1")]
    put(store, *(shift(Shift(c, d, time(9), time(17))) for c, d in writes))

    got = [(s.employee_code, s.work_date) for s in store.shifts_between(MON, MON + timedelta(days=4))]
    assert got == sorted(writes)
    some = store.shifts_between(MON + timedelta(days=1), MON + timedelta(days=3), ["ZZ9", "AA1"])
    assert [(s.employee_code, s.work_date) for s in some] == sorted(
        (c, d) for c, d in writes if c != "MM5" and MON < d < MON + timedelta(days=4)
    )
