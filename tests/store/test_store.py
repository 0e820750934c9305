"""Store behaviour on every supported database (SQLite and PostgreSQL, see conftest)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from deskwfm.core.errors import InputError, NotFoundError, StaleEditError
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode, ShiftKind
from deskwfm.core.rules import PRESETS, NightPremiumKind
from deskwfm.core.site import SiteSettings
from deskwfm.store.store import CellWrite, Store

D = ShiftCode("D", ShiftKind.WORK, time(8), time(16, 30), 30, "#cfe5ff", "Day")
VAC = ShiftCode("VAC", ShiftKind.PAID_LEAVE, time(9), time(17), 0, "#c9efd0", "Vacation")
MON = date(2026, 11, 23)


def _shift(code: str, d: date, start: time | None = time(9), end: time | None = time(17), brk: int = 30,
           sc: str = "") -> Shift:
    return Shift(code, d, start, end, brk, sc)


@pytest.fixture
def filled(store: Store) -> Store:
    store.apply_bulk(
        employees=[Employee("AG001", "Zoë Côté", "Billing"), Employee("AG002", "王芳", "Sales")],
        rates=[PayRate("AG001", date(2026, 1, 1), Decimal("20.00")),
               PayRate("AG002", date(2026, 1, 1), Decimal("24.50"))],
        codes=[D, VAC],
    )
    return store


def test_site_round_trips_rules_and_refuses_a_stale_save(store: Store) -> None:
    site = store.get_site()
    assert site is not None and site.version == 1
    rules = PRESETS["california"].with_changes(night_premium=Decimal("1.25"), night_start=time(23))
    saved = store.save_site(site.with_changes(tz="America/Los_Angeles", rules=rules, holiday_region="US-CA"))
    again = store.get_site()
    assert again == saved and again.rules == rules and again.version == 2
    assert again.rules.night_premium_kind is NightPremiumKind.AMOUNT
    with pytest.raises(StaleEditError, match="changed elsewhere"):
        store.save_site(site.with_changes(name="old copy"))  # still version 1
    assert store.get_site() == saved


def test_employee_codes_are_unique_and_updates_are_version_checked(filled: Store) -> None:
    with pytest.raises(InputError, match="AG001 is already used"):
        filled.add_employee(Employee("AG001", "Someone else"))
    e = filled.get_employee("AG001")
    assert (e.name, e.team, e.version) == ("Zoë Côté", "Billing", 1)
    e2 = filled.update_employee(replace(e, name="Zoë Côté-Roy"))
    assert e2.version == 2 and filled.get_employee("AG001").name == "Zoë Côté-Roy"
    with pytest.raises(StaleEditError, match="employee AG001 was changed elsewhere"):
        filled.update_employee(replace(e, team="Sales"))  # built from version 1
    assert filled.get_employee("AG001").team == "Billing"
    with pytest.raises(NotFoundError):
        filled.update_employee(Employee("NOPE", "x", version=1))


def test_employees_ordered_by_team_then_code_and_filterable(filled: Store) -> None:
    filled.add_employee(Employee("AG000", "Ana", "Sales", active=False))
    assert [e.code for e in filled.list_employees()] == ["AG001", "AG000", "AG002"]
    assert [e.code for e in filled.list_employees(include_inactive=False)] == ["AG001", "AG002"]
    assert [e.code for e in filled.list_employees(team="Sales")] == ["AG000", "AG002"]


def test_rates_are_cents_exact_effective_dated_and_replaced_by_date(filled: Store) -> None:
    filled.set_rate(PayRate("AG001", date(2026, 11, 15), Decimal("22.5")))
    filled.set_rate(PayRate("AG001", date(2026, 11, 15), Decimal("22.75")))
    rates = filled.rates(["AG001"])["AG001"]
    assert [(r.effective_from, r.hourly) for r in rates] == [
        (date(2026, 1, 1), Decimal("20.00")), (date(2026, 11, 15), Decimal("22.75"))
    ]
    with pytest.raises(InputError, match="fractions of a cent"):
        filled.set_rate(PayRate("AG001", date(2026, 12, 1), Decimal("22.755")))
    with pytest.raises(NotFoundError, match="AG404"):
        filled.set_rate(PayRate("AG404", date(2026, 12, 1), Decimal("22")))
    filled.delete_rate("AG001", date(2026, 11, 15))
    with pytest.raises(InputError, match="at least one pay rate"):
        filled.delete_rate("AG001", date(2026, 1, 1))
    assert len(filled.rates(["AG001"])["AG001"]) == 1


def test_one_cell_holds_one_shift_and_kind_comes_from_the_code(filled: Store) -> None:
    res = filled.write_cells([CellWrite("AG001", MON, Shift("AG001", MON, time(8), time(16, 30), 30, "d"))])
    assert res[0].before is None and res[0].after is not None
    assert res[0].after.code == "D" and res[0].after.kind is ShiftKind.WORK and res[0].after.version == 1
    res = filled.write_cells([CellWrite("AG001", MON, Shift("AG001", MON, time(9), time(17), 0, "VAC"))])
    assert res[0].before is not None and res[0].before.code == "D"
    assert res[0].after is not None and res[0].after.version == 2
    shifts = filled.shifts_between(MON, MON)
    assert len(shifts) == 1 and shifts[0].kind is ShiftKind.PAID_LEAVE
    # the kind is not stored on the shift: changing the code's kind changes the shift's
    vac = next(c for c in filled.list_codes() if c.code == "VAC")
    filled.save_code(replace(vac, kind=ShiftKind.UNPAID_LEAVE))
    assert filled.shifts_between(MON, MON)[0].kind is ShiftKind.UNPAID_LEAVE
    with pytest.raises(InputError, match="used by 1 shift"):
        filled.delete_code("VAC")
    with pytest.raises(InputError, match="set twice"):
        filled.write_cells([CellWrite("AG001", MON, None), CellWrite("AG001", MON, None)])


def test_write_cells_checks_content_and_writes_nothing_when_stale(filled: Store) -> None:
    tue = date(2026, 11, 24)
    filled.write_cells([CellWrite("AG001", MON, _shift("AG001", MON))])
    current = filled.cells([("AG001", MON)])[("AG001", MON)]
    with pytest.raises(StaleEditError, match="AG001 on Mon 2026-11-23"):
        filled.write_cells([
            CellWrite("AG002", tue, _shift("AG002", tue)),  # fine on its own
            CellWrite("AG001", MON, None, check=True, expected=_shift("AG001", MON, time(10))),
        ])
    assert filled.shifts_between(tue, tue) == []  # nothing of the refused write landed
    res = filled.write_cells([CellWrite("AG001", MON, None, check=True, expected=current)])
    assert res[0].after is None and filled.shifts_between(MON, MON) == []


def test_unchanged_cells_are_not_rewritten(filled: Store) -> None:
    filled.write_cells([CellWrite("AG001", MON, _shift("AG001", MON))])
    assert filled.write_cells([CellWrite("AG001", MON, _shift("AG001", MON))]) == []
    assert filled.shifts_between(MON, MON)[0].version == 1


def test_shifts_between_is_inclusive_and_filters_by_employee(filled: Store) -> None:
    days = [date(2026, 11, d) for d in range(20, 29)]
    filled.apply_bulk(shifts_set=[_shift(c, d) for c in ("AG001", "AG002") for d in days])
    got = filled.shifts_between(date(2026, 11, 22), date(2026, 11, 24))
    assert [(s.employee_code, s.work_date.day) for s in got] == [
        ("AG001", 22), ("AG001", 23), ("AG001", 24), ("AG002", 22), ("AG002", 23), ("AG002", 24)
    ]
    only = filled.shifts_between(days[0], days[-1], ["AG002"])
    assert {s.employee_code for s in only} == {"AG002"} and len(only) == 9
    assert only[0].start == time(9) and only[0].break_minutes == 30 and only[0].kind is ShiftKind.WORK


def test_apply_bulk_upserts_by_key(filled: Store) -> None:
    filled.apply_bulk(shifts_set=[_shift("AG001", MON), _shift("AG002", MON)])
    res = filled.apply_bulk(
        employees=[Employee("AG001", "Zoë Côté", "Tech Support"), Employee("AG003", "José Álvarez", "Sales"),
                   Employee("AG002", "王芳", "Sales")],  # unchanged: not updated
        rates=[PayRate("AG003", date(2026, 1, 1), Decimal("19.25")),
               PayRate("AG001", date(2026, 1, 1), Decimal("21.00"))],
        codes=[replace(D, colour="#aabbcc"), ShiftCode("SICK", ShiftKind.PAID_LEAVE, time(9), time(17))],
        shifts_set=[_shift("AG003", MON), Shift("AG001", MON, time(8), time(16, 30), 30, "SICK")],
        shifts_clear=[("AG002", MON), ("AG002", date(2026, 11, 30))],  # the 2nd holds nothing
    )
    assert (res.employees_added, res.employees_updated, res.rates_set) == (1, 1, 2)
    assert (res.codes_added, res.codes_updated, res.shifts_set, res.shifts_cleared) == (1, 1, 2, 1)
    assert filled.get_employee("AG001").team == "Tech Support"
    assert filled.get_employee("AG001").version == 2 and filled.get_employee("AG002").version == 1
    assert filled.rates(["AG001"])["AG001"][0].hourly == Decimal("21.00")
    assert next(c for c in filled.list_codes() if c.code == "D").colour == "#aabbcc"
    cells = {(s.employee_code, s.work_date): s for s in filled.shifts_between(MON, MON)}
    assert set(cells) == {("AG001", MON), ("AG003", MON)}
    assert cells[("AG001", MON)].kind is ShiftKind.PAID_LEAVE and cells[("AG001", MON)].version == 2


def test_apply_bulk_is_all_or_nothing(filled: Store) -> None:
    before = filled.counts()
    with pytest.raises(NotFoundError, match="AG404"):
        filled.apply_bulk(
            employees=[Employee("AG010", "New Person")],
            codes=[ShiftCode("X", ShiftKind.WORK, time(7), time(15))],
            shifts_set=[_shift("AG001", MON), _shift("AG404", MON)],
        )
    with pytest.raises(NotFoundError, match="no shift code ZZ"):
        filled.apply_bulk(shifts_set=[_shift("AG001", MON, sc="ZZ")])
    with pytest.raises(InputError, match="both set and cleared"):
        filled.apply_bulk(shifts_set=[_shift("AG001", MON)], shifts_clear=[("AG001", MON)])
    assert filled.counts() == before


def test_load_range_is_one_consistent_snapshot(filled: Store) -> None:
    filled.add_employee(Employee("AG009", "Gone", "Billing", active=False),
                        PayRate("AG009", date(2026, 1, 1), Decimal("18")))
    filled.apply_bulk(shifts_set=[_shift("AG001", MON), _shift("AG009", MON)])
    data = filled.load_range(MON, MON)
    assert [e.code for e in data.employees] == ["AG001", "AG002"]
    assert [s.employee_code for s in data.shifts] == ["AG001"]
    assert set(data.rates) == {"AG001", "AG002"} and data.site is not None
    assert {c.code for c in data.codes} == {"D", "VAC"}
    everyone = filled.load_range(MON, MON, include_inactive=True)
    assert [s.employee_code for s in everyone.shifts] == ["AG001", "AG009"]


def test_site_insert_refuses_a_second_site(store: Store) -> None:
    with pytest.raises(StaleEditError):
        store.save_site(SiteSettings())


def test_two_workstations_cannot_overwrite_each_other(filled: Store, db_target: str) -> None:
    other = Store.open(db_target)  # a second process/workstation on the same database
    try:
        mine, theirs = filled.get_employee("AG002"), other.get_employee("AG002")
        other.update_employee(replace(theirs, team="Retention"))
        with pytest.raises(StaleEditError, match="reload"):
            filled.update_employee(replace(mine, name="Wang Fang"))
        assert filled.get_employee("AG002").team == "Retention"
        assert filled.get_employee("AG002").name == "王芳"
        d = next(c for c in filled.list_codes() if c.code == "D")
        other.save_code(replace(d, colour="#000000"))
        with pytest.raises(StaleEditError):
            filled.save_code(replace(d, label="Day shift"))
    finally:
        other.close()


def test_every_committed_write_moves_the_change_stamp_and_reads_do_not(store: Store) -> None:
    before = store.change_stamp()
    store.list_employees()
    assert store.change_stamp() == before
    store.add_employee(Employee("AG900", "Stamp Tester"))
    after = store.change_stamp()
    assert after > before
    with pytest.raises(InputError):
        store.add_employee(Employee("AG900", "Again"))  # refused: rolled back, no new stamp
    assert store.change_stamp() == after
