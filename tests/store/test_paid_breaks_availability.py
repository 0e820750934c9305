"""Paid breaks, availability and automatic-scheduling shapes survive the store (revision 0007)."""

from __future__ import annotations

from datetime import date, time

from deskwfm.core.availability import parse_availability
from deskwfm.core.model import Employee, Shift, ShiftCode, ShiftKind
from deskwfm.store.store import Store
from tests.store.writes import code, emp, put, shift, site

MON = date(2026, 11, 23)


def test_paid_breaks_of_codes_and_shifts_round_trip(store: Store) -> None:
    d = ShiftCode("D", ShiftKind.WORK, time(8), time(16, 30), 30, "#cfe5ff", "Day", paid_breaks=2,
                  paid_break_minutes=15)
    put(store, code(d), emp(Employee("A1", "Ann")))
    placed = Shift("A1", MON, time(8), time(16, 30), 30, "D", break_start=time(12, 30), paid_breaks=2,
                   paid_break_minutes=15, paid_break_starts=(time(10), time(14, 45)))
    put(store, shift(placed))
    [got_code] = store.list_codes()
    assert (got_code.paid_breaks, got_code.paid_break_minutes) == (2, 15)
    [got] = store.shifts_between(MON, MON)
    assert (got.paid_breaks, got.paid_break_minutes) == (2, 15)
    assert got.paid_break_starts == (time(10), time(14, 45))
    moved = Shift("A1", MON, time(8), time(16, 30), 30, "D", break_start=time(12, 30), paid_breaks=2,
                  paid_break_minutes=15, paid_break_starts=(time(10, 15), time(14, 45)))
    assert len(put(store, shift(moved, expected=got))) == 1  # a moved paid break is a change
    [again] = store.shifts_between(MON, MON)
    assert again.paid_break_starts == (time(10, 15), time(14, 45))


def test_availability_and_scheduling_shapes_round_trip(store: Store) -> None:
    avail = parse_availability("Mon-Fri 08:00-18:00, Sat", "2026-12-24..2026-12-26")
    put(store, emp(Employee("A1", "Ann", availability=avail)))
    assert store.get_employee("A1").availability == avail
    s = store.get_site()
    assert s is not None
    put(store, site(s.with_changes(auto_starts=(time(7), time(7, 30)), auto_lengths=(510, 600))))
    got = store.get_site()
    assert got is not None and got.auto_starts == (time(7), time(7, 30)) and got.auto_lengths == (510, 600)
