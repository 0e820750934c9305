"""``Store.apply_bulk(expected=...)``: the rows a bulk write touches are compared with what the
caller saw inside the write transaction, under the write lock, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest
from sqlalchemy import Connection, create_engine, event, update
from sqlalchemy.exc import OperationalError

from deskwfm.core.errors import StaleEditError
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode, ShiftKind
from deskwfm.store import bulk
from deskwfm.store.rows import EMP
from deskwfm.store.store import BulkRows, BulkStaleError, CellWrite, Store

D = ShiftCode("D", ShiftKind.WORK, time(8), time(16, 30), 30, "#CFE5FF", "Day")
MON = date(2026, 11, 23)
TUE = date(2026, 11, 24)


def _shift(emp: str, d: date, start: int = 9, end: int = 17) -> Shift:
    return Shift(emp, d, time(start), time(end), 30)


@pytest.fixture
def filled(store: Store) -> Store:
    store.apply_bulk(
        employees=[Employee("AG001", "Zoë Côté", "Billing"), Employee("AG002", "王芳", "Sales")],
        rates=[PayRate("AG001", date(2026, 1, 1), Decimal("20.00")),
               PayRate("AG002", date(2026, 1, 1), Decimal("24.50"))],
        codes=[D],
        shifts_set=[_shift("AG001", MON)],
    )
    return store


def seen_by(s: Store) -> BulkRows:
    """What an import planned now would expect: AG001's Monday and Tuesday (empty), both
    employees, AG002's rates, code D and a new code X."""
    cells = s.cells([("AG001", MON), ("AG001", TUE)])
    return BulkRows(
        employees={e.code: e for e in s.list_employees()},
        rates={"AG002": s.rates(["AG002"])["AG002"]},
        codes={"D": next(c for c in s.list_codes() if c.code == "D"), "X": None},
        shifts={k: cells.get(k) for k in [("AG001", MON), ("AG001", TUE)]},
    )


def the_write(s: Store, expected: BulkRows) -> None:
    s.apply_bulk(
        employees=[Employee("AG002", "王芳", "Retention")],
        rates=[PayRate("AG002", date(2026, 3, 1), Decimal("25.00"))],
        codes=[replace(D, colour="#000080"), ShiftCode("X", ShiftKind.WORK, time(7), time(15))],
        shifts_set=[_shift("AG001", MON, 10, 18), _shift("AG001", TUE)],
        expected=expected,
    )


def snapshot(s: Store) -> tuple[object, ...]:
    return (s.list_employees(), s.rates(), s.list_codes(), s.shifts_between(MON, TUE))


def test_a_matching_expectation_writes_everything(filled: Store) -> None:
    the_write(filled, seen_by(filled))
    assert filled.get_employee("AG002").team == "Retention"
    assert [r.hourly for r in filled.rates(["AG002"])["AG002"]] == [Decimal("24.50"), Decimal("25.00")]
    assert {c.code: c.start for c in filled.list_codes()} == {"D": time(8), "X": time(7)}
    assert next(c for c in filled.list_codes() if c.code == "D").colour == "#000080"
    assert [(s.work_date, s.start) for s in filled.shifts_between(MON, TUE)] == [
        (MON, time(10)), (TUE, time(9))
    ]


def test_colour_case_and_versions_do_not_count_as_changes(filled: Store) -> None:
    expected = seen_by(filled)
    d = next(c for c in filled.list_codes() if c.code == "D")
    filled.save_code(replace(d, colour="#cfe5ff"))  # same colour, other case; version + 1
    the_write(filled, expected)
    assert filled.get_employee("AG002").team == "Retention"


EDITS: dict[str, tuple[Callable[[Store], object], str, Callable[[BulkRows], object]]] = {
    "shift changed": (
        lambda o: o.write_cells([CellWrite("AG001", MON, _shift("AG001", MON, 11, 19))]),
        "the shift of AG001 on Mon 2026-11-23",
        lambda now: now.shifts[("AG001", MON)].start,  # type: ignore[union-attr]
    ),
    "shift removed": (
        lambda o: o.write_cells([CellWrite("AG001", MON, None)]),
        "the shift of AG001 on Mon 2026-11-23",
        lambda now: now.shifts[("AG001", MON)],
    ),
    "empty cell filled": (
        lambda o: o.write_cells([CellWrite("AG001", TUE, _shift("AG001", TUE, 6, 14))]),
        "the shift of AG001 on Tue 2026-11-24",
        lambda now: now.shifts[("AG001", TUE)].start,  # type: ignore[union-attr]
    ),
    "employee": (
        lambda o: o.update_employee(replace(o.get_employee("AG002"), name="Wang Fang")),
        "employee AG002",
        lambda now: now.employees["AG002"].name,  # type: ignore[union-attr]
    ),
    "rate": (
        lambda o: o.set_rate(PayRate("AG002", date(2026, 2, 1), Decimal("24.75"))),
        "the pay rates of AG002",
        lambda now: [r.hourly for r in now.rates["AG002"]],
    ),
    "code": (
        lambda o: o.save_code(replace(next(c for c in o.list_codes() if c.code == "D"), label="Early")),
        "shift code D",
        lambda now: now.codes["D"].label,  # type: ignore[union-attr]
    ),
    "code added": (
        lambda o: o.save_code(ShiftCode("X", ShiftKind.WORK, time(6), time(14))),
        "shift code X",
        lambda now: now.codes["X"].start,  # type: ignore[union-attr]
    ),
}
NOW = {
    "shift changed": time(11),
    "shift removed": None,
    "empty cell filled": time(6),
    "employee": "Wang Fang",
    "rate": [Decimal("24.50"), Decimal("24.75")],
    "code": "Early",
    "code added": time(6),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_changed_row_refuses_the_whole_write(filled: Store, edit: str) -> None:
    expected = seen_by(filled)
    change, name, now_of = EDITS[edit]
    change(filled)
    before = snapshot(filled)
    with pytest.raises(BulkStaleError) as err:
        the_write(filled, expected)
    assert isinstance(err.value, StaleEditError)
    assert str(err.value) == f"{name} was changed elsewhere since you loaded it; reload and try again"
    assert err.value.now.names() == [name]  # only the changed row, with what it holds now
    assert now_of(err.value.now) == NOW[edit]
    assert snapshot(filled) == before  # codes and employees come first in the write: not written


def test_every_changed_row_is_reported_codes_employees_rates_shifts(filled: Store) -> None:
    expected = seen_by(filled)
    for edit in ("shift changed", "rate", "employee", "code"):
        EDITS[edit][0](filled)
    with pytest.raises(BulkStaleError, match=r"^shift code D and 3 other row\(s\) was changed") as err:
        the_write(filled, expected)
    assert err.value.now.names() == [
        "shift code D", "employee AG002", "the pay rates of AG002", "the shift of AG001 on Mon 2026-11-23"
    ]


def competing_write(target: str) -> OperationalError | None:
    """Rename AG002 from a connection of its own (another workstation) that waits at most
    0.3 s for the lock; the error if it could not, None if it wrote."""
    if "://" in target:  # PostgreSQL
        engine = create_engine(target)
    else:
        engine = create_engine(f"sqlite:///{target}", connect_args={"timeout": 0.3})
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.exec_driver_sql("SET LOCAL lock_timeout = '300ms'")
            conn.execute(update(EMP).where(EMP.c.code == "AG002").values(name="Rival"))
    except OperationalError as exc:
        return exc
    finally:
        engine.dispose()
    return None


def test_the_check_holds_the_write_lock_until_the_write_commits(
    filled: Store, db_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = seen_by(filled)
    attempts: list[OperationalError | None] = []
    real_check = bulk.stale_rows

    def check_then_compete(conn: Connection, exp: BulkRows) -> BulkRows:
        stale = real_check(conn, exp)
        attempts.append(competing_write(db_target))  # after the check passed, before the write
        return stale

    monkeypatch.setattr(bulk, "stale_rows", check_then_compete)
    the_write(filled, expected)
    assert len(attempts) == 1 and attempts[0] is not None, "another workstation wrote mid-import"
    msg = str(attempts[0].orig)
    assert "locked" in msg or "lock timeout" in msg
    assert filled.get_employee("AG002").name == "王芳"  # the import's value stands, unmixed
    assert filled.get_employee("AG002").team == "Retention"
    assert competing_write(db_target) is None  # the lock ends with the import's commit
    assert filled.get_employee("AG002").name == "Rival"


def test_an_edit_just_before_the_write_transaction_refuses_the_write(
    filled: Store, db_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The latest moment another workstation can still commit: right before BEGIN."""
    expected = seen_by(filled)
    real_write = filled._write

    @contextmanager
    def edit_first() -> Iterator[Connection]:
        assert competing_write(db_target) is None
        with real_write() as conn:
            yield conn

    monkeypatch.setattr(filled, "_write", edit_first)
    with pytest.raises(BulkStaleError, match="^employee AG002 was changed elsewhere"):
        the_write(filled, expected)
    monkeypatch.undo()
    assert filled.get_employee("AG002").name == "Rival"
    assert filled.get_employee("AG002").team == "Sales"
    assert filled.shifts_between(TUE, TUE) == []


def test_check_and_write_are_one_transaction(filled: Store) -> None:
    log: list[str] = []
    listeners: list[tuple[str, Callable[[Connection], None]]] = [
        (name, lambda _conn, name=name: log.append(name))  # type: ignore[misc]
        for name in ("begin", "commit", "rollback")
    ]
    for name, fn in listeners:
        event.listen(filled.engine, name, fn)
    try:
        stale = seen_by(filled)
        filled.write_cells([CellWrite("AG001", MON, None)])
        log.clear()
        with pytest.raises(BulkStaleError):
            the_write(filled, stale)
        assert log == ["begin", "rollback"]
        fresh = seen_by(filled)
        log.clear()
        the_write(filled, fresh)
        assert log == ["begin", "commit"]
    finally:
        for name, fn in listeners:
            event.remove(filled.engine, name, fn)
    assert filled.get_employee("AG002").team == "Retention"
