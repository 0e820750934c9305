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
from deskwfm.store.store import ChangedElsewhere, Store
from tests.store.writes import clear, code, emp, no_code, no_rate, put, rate, shift, site

D = ShiftCode("D", ShiftKind.WORK, time(8), time(16, 30), 30, "#cfe5ff", "Day")
VAC = ShiftCode("VAC", ShiftKind.PAID_LEAVE, time(9), time(17), 0, "#c9efd0", "Vacation")
MON = date(2026, 11, 23)


def _shift(code: str, d: date, start: time | None = time(9), end: time | None = time(17), brk: int = 30,
           sc: str = "") -> Shift:
    return Shift(code, d, start, end, brk, sc)


@pytest.fixture
def filled(store: Store) -> Store:
    put(
        store,
        emp(Employee("AG001", "Zoë Côté", "Billing")), emp(Employee("AG002", "王芳", "Sales")),
        rate(PayRate("AG001", date(2026, 1, 1), Decimal("20.00"))),
        rate(PayRate("AG002", date(2026, 1, 1), Decimal("24.50"))),
        code(D), code(VAC),
    )
    return store


def test_site_round_trips_rules_and_refuses_a_stale_save(store: Store) -> None:
    site0 = store.get_site()
    assert site0 is not None and site0.version == 1
    rules = PRESETS["california"].with_changes(night_premium=Decimal("1.25"), night_start=time(23))
    new = site0.with_changes(tz="America/Los_Angeles", rules=rules, holiday_region="US-CA")
    put(store, site(new, expected=site0))
    again = store.get_site()
    assert again is not None and again.rules == rules and again.version == 2
    assert again.tz == "America/Los_Angeles"
    assert again.rules.night_premium_kind is NightPremiumKind.AMOUNT
    with pytest.raises(StaleEditError, match="site settings was changed elsewhere"):
        put(store, site(site0.with_changes(name="old copy"), expected=site0))  # built from what it saw first
    assert store.get_site() == again


def test_employee_rows_are_checked_against_what_the_caller_saw(filled: Store) -> None:
    with pytest.raises(ChangedElsewhere, match="employee AG001"):
        put(filled, emp(Employee("AG001", "Someone else"), expected=None))  # "must not exist yet"
    e = filled.get_employee("AG001")
    assert (e.name, e.team, e.version) == ("Zoë Côté", "Billing", 1)
    put(filled, emp(replace(e, name="Zoë Côté-Roy"), expected=e))
    assert filled.get_employee("AG001").version == 2 and filled.get_employee("AG001").name == "Zoë Côté-Roy"
    with pytest.raises(StaleEditError, match="employee AG001 was changed elsewhere"):
        put(filled, emp(replace(e, team="Sales"), expected=e))  # built from the old row
    assert filled.get_employee("AG001").team == "Billing"
    with pytest.raises(NotFoundError):
        filled.get_employee("NOPE")


def test_employees_ordered_by_team_then_code_and_filterable(filled: Store) -> None:
    put(filled, emp(Employee("AG000", "Ana", "Sales", active=False)))
    assert [e.code for e in filled.list_employees()] == ["AG001", "AG000", "AG002"]
    assert [e.code for e in filled.list_employees(include_inactive=False)] == ["AG001", "AG002"]
    assert [e.code for e in filled.list_employees(team="Sales")] == ["AG000", "AG002"]


def test_rates_are_cents_exact_effective_dated_and_replaced_by_date(filled: Store) -> None:
    put(filled, rate(PayRate("AG001", date(2026, 11, 15), Decimal("22.5"))))
    put(filled, rate(PayRate("AG001", date(2026, 11, 15), Decimal("22.75"))))
    rates = filled.rates(["AG001"])["AG001"]
    assert [(r.effective_from, r.hourly) for r in rates] == [
        (date(2026, 1, 1), Decimal("20.00")), (date(2026, 11, 15), Decimal("22.75"))
    ]
    with pytest.raises(InputError, match="fractions of a cent"):
        put(filled, rate(PayRate("AG001", date(2026, 12, 1), Decimal("22.755"))))
    with pytest.raises(NotFoundError, match="AG404"):
        put(filled, rate(PayRate("AG404", date(2026, 12, 1), Decimal("22"))))
    put(filled, no_rate("AG001", date(2026, 11, 15)))
    assert len(filled.rates(["AG001"])["AG001"]) == 1


def test_one_cell_holds_one_shift_and_kind_comes_from_the_code(filled: Store) -> None:
    res = put(filled, shift(Shift("AG001", MON, time(8), time(16, 30), 30, "d"))).applied
    assert res[0].before is None and isinstance(res[0].after, Shift)
    got = filled.shifts_between(MON, MON)[0]
    assert got.code == "D" and got.kind is ShiftKind.WORK and got.version == 1
    res = put(filled, shift(Shift("AG001", MON, time(9), time(17), 0, "VAC"))).applied
    assert isinstance(res[0].before, Shift) and res[0].before.code == "D"
    shifts = filled.shifts_between(MON, MON)
    assert len(shifts) == 1 and shifts[0].kind is ShiftKind.PAID_LEAVE and shifts[0].version == 2
    # the kind is not stored on the shift: changing the code's kind changes the shift's
    vac = next(c for c in filled.list_codes() if c.code == "VAC")
    put(filled, code(replace(vac, kind=ShiftKind.UNPAID_LEAVE), expected=vac))
    assert filled.shifts_between(MON, MON)[0].kind is ShiftKind.UNPAID_LEAVE
    with pytest.raises(InputError, match="used by 1 shift"):
        put(filled, no_code("VAC"))
    with pytest.raises(InputError, match="changed twice"):
        put(filled, clear("AG001", MON), clear("AG001", MON))


def test_a_stale_cell_refuses_the_whole_change_set(filled: Store) -> None:
    tue = date(2026, 11, 24)
    put(filled, shift(_shift("AG001", MON)))
    current = filled.cells([("AG001", MON)])[("AG001", MON)]
    with pytest.raises(StaleEditError, match="AG001 on Mon 2026-11-23"):
        put(filled, shift(_shift("AG002", tue)),  # fine on its own
            clear("AG001", MON, expected=_shift("AG001", MON, time(10))))
    assert filled.shifts_between(tue, tue) == []  # nothing of the refused write landed
    res = put(filled, clear("AG001", MON, expected=current)).applied
    assert res[0].after is None and filled.shifts_between(MON, MON) == []


def test_unchanged_cells_are_not_rewritten_nor_audited(filled: Store) -> None:
    put(filled, shift(_shift("AG001", MON)))
    n = filled.counts()["audit"]
    assert len(put(filled, shift(_shift("AG001", MON)))) == 0
    assert filled.shifts_between(MON, MON)[0].version == 1
    assert filled.counts()["audit"] == n


def test_a_replaced_shift_keeps_its_note_when_asked(filled: Store) -> None:
    put(filled, shift(replace(_shift("AG001", MON), note="keys at desk 4")))
    put(filled, shift(_shift("AG001", MON, time(10)), keep_note=True))
    assert filled.shifts_between(MON, MON)[0].note == "keys at desk 4"
    put(filled, shift(_shift("AG001", MON, time(11))))
    assert filled.shifts_between(MON, MON)[0].note == ""


def test_shifts_between_is_inclusive_and_filters_by_employee(filled: Store) -> None:
    days = [date(2026, 11, d) for d in range(20, 29)]
    put(filled, *[shift(_shift(c, d)) for c in ("AG001", "AG002") for d in days])
    got = filled.shifts_between(date(2026, 11, 22), date(2026, 11, 24))
    assert [(s.employee_code, s.work_date.day) for s in got] == [
        ("AG001", 22), ("AG001", 23), ("AG001", 24), ("AG002", 22), ("AG002", 23), ("AG002", 24)
    ]
    only = filled.shifts_between(days[0], days[-1], ["AG002"])
    assert {s.employee_code for s in only} == {"AG002"} and len(only) == 9
    assert only[0].start == time(9) and only[0].break_minutes == 30 and only[0].kind is ShiftKind.WORK


def test_one_change_set_adds_and_updates_every_kind_of_row(filled: Store) -> None:
    put(filled, shift(_shift("AG001", MON)), shift(_shift("AG002", MON)))
    res = put(
        filled,
        emp(Employee("AG001", "Zoë Côté", "Tech Support")), emp(Employee("AG003", "José Álvarez", "Sales")),
        emp(Employee("AG002", "王芳", "Sales")),  # unchanged: not updated
        rate(PayRate("AG003", date(2026, 1, 1), Decimal("19.25"))),
        rate(PayRate("AG001", date(2026, 1, 1), Decimal("21.00"))),
        code(replace(D, colour="#aabbcc")), code(ShiftCode("SICK", ShiftKind.PAID_LEAVE, time(9), time(17))),
        shift(_shift("AG003", MON)), shift(Shift("AG001", MON, time(8), time(16, 30), 30, "SICK")),
        clear("AG002", MON), clear("AG002", date(2026, 11, 30)),  # the 2nd holds nothing
    )
    kinds = sorted((a.entity.value, a.before is None, a.after is None) for a in res.applied)
    assert kinds == sorted([
        ("employee", False, False), ("employee", True, False), ("rate", True, False), ("rate", False, False),
        ("code", False, False), ("code", True, False), ("shift", True, False), ("shift", False, False),
        ("shift", False, True),
    ])
    assert filled.get_employee("AG001").team == "Tech Support"
    assert filled.get_employee("AG001").version == 2 and filled.get_employee("AG002").version == 1
    assert filled.rates(["AG001"])["AG001"][0].hourly == Decimal("21.00")
    assert next(c for c in filled.list_codes() if c.code == "D").colour == "#aabbcc"
    cells = {(s.employee_code, s.work_date): s for s in filled.shifts_between(MON, MON)}
    assert set(cells) == {("AG001", MON), ("AG003", MON)}
    assert cells[("AG001", MON)].kind is ShiftKind.PAID_LEAVE and cells[("AG001", MON)].version == 2


def test_a_change_set_is_all_or_nothing(filled: Store) -> None:
    before = filled.counts()
    with pytest.raises(NotFoundError, match="AG404"):
        put(filled, emp(Employee("AG010", "New Person")),
            code(ShiftCode("X", ShiftKind.WORK, time(7), time(15))),
            shift(_shift("AG001", MON)), shift(_shift("AG404", MON)))
    with pytest.raises(NotFoundError, match="no shift code ZZ"):
        put(filled, shift(_shift("AG001", MON, sc="ZZ")))
    assert filled.counts() == before


def test_load_range_is_one_consistent_snapshot(filled: Store) -> None:
    put(filled, emp(Employee("AG009", "Gone", "Billing", active=False)),
        rate(PayRate("AG009", date(2026, 1, 1), Decimal("18"))))
    put(filled, shift(_shift("AG001", MON)), shift(_shift("AG009", MON)))
    data = filled.load_range(MON, MON)
    assert [e.code for e in data.employees] == ["AG001", "AG002"]
    assert [s.employee_code for s in data.shifts] == ["AG001"]
    assert set(data.rates) == {"AG001", "AG002"} and data.site is not None
    assert {c.code for c in data.codes} == {"D", "VAC"}
    everyone = filled.load_range(MON, MON, include_inactive=True)
    assert [s.employee_code for s in everyone.shifts] == ["AG001", "AG009"]


def test_site_insert_refuses_a_second_site(store: Store) -> None:
    with pytest.raises(StaleEditError):
        put(store, site(SiteSettings(), expected=None))


def test_two_workstations_cannot_overwrite_each_other(filled: Store, db_target: str) -> None:
    other = Store.open(db_target)  # a second process/workstation on the same database
    try:
        mine, theirs = filled.get_employee("AG002"), other.get_employee("AG002")
        put(other, emp(replace(theirs, team="Retention"), expected=theirs))
        with pytest.raises(StaleEditError, match="reload"):
            put(filled, emp(replace(mine, name="Wang Fang"), expected=mine))
        assert filled.get_employee("AG002").team == "Retention"
        assert filled.get_employee("AG002").name == "王芳"
        d = next(c for c in filled.list_codes() if c.code == "D")
        put(other, code(replace(d, colour="#000000"), expected=d))
        with pytest.raises(StaleEditError):
            put(filled, code(replace(d, label="Day shift"), expected=d))
    finally:
        other.close()


def test_every_committed_write_moves_the_change_stamp_and_reads_do_not(store: Store) -> None:
    before = store.change_stamp()
    store.list_employees()
    assert store.change_stamp() == before
    put(store, emp(Employee("AG900", "Stamp Tester"), expected=None))
    after = store.change_stamp()
    assert after > before
    with pytest.raises(StaleEditError):
        put(store, emp(Employee("AG900", "Again"), expected=None))  # refused: rolled back, no new stamp
    assert store.change_stamp() == after


def test_own_commits_are_told_from_another_workstations(filled: Store, db_target: str) -> None:
    """A window polls ``moved_elsewhere``: its own writes (and refused ones) are not another
    workstation's; a commit by a second Store on the same database is."""
    since = filled.change_stamp()
    put(filled, emp(Employee("AG901", "Own Write"), expected=None))
    with pytest.raises(StaleEditError):
        put(filled, emp(Employee("AG901", "Refused"), expected=None))
    now, elsewhere = filled.moved_elsewhere(since)
    assert (now, elsewhere) == (since + 1, False)
    other = Store.open(db_target)
    try:
        put(other, emp(Employee("AG902", "Theirs"), expected=None))
        put(filled, emp(Employee("AG903", "Own again"), expected=None))
        assert filled.moved_elsewhere(now) == (now + 2, True)  # theirs, between two of ours
        assert filled.moved_elsewhere(now + 1) == (now + 2, False)  # only ours after theirs
        assert other.moved_elsewhere(now) == (now + 2, True)
    finally:
        other.close()
    assert filled.moved_elsewhere(now + 5)[1]  # the stamp went back: a restored file
