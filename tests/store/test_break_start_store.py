"""Revision 0004: a shift's break start is stored, compared and upgraded into."""

from __future__ import annotations

import sqlite3
from datetime import date, time
from pathlib import Path

from deskwfm.core.model import Employee, Shift, ShiftCode, ShiftKind
from deskwfm.store.engine import create_sqlite_file, make_engine, resolve_target
from deskwfm.store.migrate import current_revision, upgrade
from deskwfm.store.store import Store
from tests.store.writes import code, emp, put
from tests.store.writes import shift as shift_change

D = date(2026, 11, 24)


def test_a_database_at_0003_upgrades_to_0004_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "centre.sqlite3"
    create_sqlite_file(path)
    engine = make_engine(resolve_target(path))
    upgrade(engine, "0003")
    engine.dispose()
    with sqlite3.connect(path) as c:
        c.execute("INSERT INTO employees (id, code, name, team, active, version) "
                  "VALUES (1, 'AG001', 'Zoë Côté', 'Billing', 1, 3)")
        c.execute("INSERT INTO shift_codes (id, code, kind, start_min, end_min, break_minutes, colour, "
                  "label, version) VALUES (1, 'D', 'work', 480, 990, 30, '#cfe5ff', 'Day', 1)")
        c.execute("INSERT INTO shifts (employee_id, work_date, start_min, end_min, break_minutes, code_id, "
                  "version, note) VALUES (1, '2026-11-24', 480, 990, 30, 1, 2, 'keys')")
        c.execute("INSERT INTO forecast (work_date, start_minute, calls, aht_seconds) "
                  "VALUES ('2026-11-24', 540, 40, 300)")
    c.close()
    s = Store.open(path)
    assert s.migration is not None
    assert s.migration.from_revision == "0003"
    assert current_revision(s.engine) == s.migration.to_revision >= "0004"
    [shift] = s.shifts_between(D, D)
    assert (shift.code, shift.start, shift.end, shift.break_minutes, shift.note, shift.version) == (
        "D", time(8), time(16, 30), 30, "keys", 2)
    assert shift.break_start is None  # old shifts keep their centred break
    assert s.counts()["forecast"] == 1
    put(s, shift_change(Shift("AG001", D, time(8), time(16, 30), 30, "D", break_start=time(13))))
    assert s.shifts_between(D, D)[0].break_start == time(13)
    s.close()
    assert (tmp_path / "centre.before-0003.sqlite3").exists()


def test_break_start_round_trips_and_a_moved_break_is_a_change(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "t.sqlite3", create=True)
    put(s, emp(Employee("A1", "Ann")), code(ShiftCode("N", ShiftKind.WORK, time(22), time(6), 45)),
        shift_change(Shift("A1", D, time(22), time(6), 45, "N", break_start=time(2, 15))))
    [got] = s.shifts_between(D, D)
    assert got.break_start == time(2, 15) and got.version == 1
    moved = Shift("A1", D, time(22), time(6), 45, "N", break_start=time(3))
    [result] = put(s, shift_change(moved)).applied
    assert isinstance(result.after, Shift) and result.after.break_start == time(3)
    assert len(put(s, shift_change(moved))) == 0  # same cell: nothing written
    centred = Shift("A1", D, time(22), time(6), 45, "N")
    [result] = put(s, shift_change(centred)).applied
    assert isinstance(result.after, Shift) and result.after.break_start is None
    assert s.shifts_between(D, D)[0].version == 3
    s.close()
