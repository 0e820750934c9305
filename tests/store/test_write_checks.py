"""``Store.apply``: every row a change set addresses is compared with what the caller saw inside
the write transaction, under the writers' lock, on SQLite and PostgreSQL; a stale row refuses
the whole set and names every row that changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest
from sqlalchemy import Connection, create_engine, event, update
from sqlalchemy.exc import OperationalError

from deskwfm.core.changes import Change, Entity
from deskwfm.core.errors import StaleEditError
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode, ShiftKind
from deskwfm.store import write
from deskwfm.store.rows import EMP
from deskwfm.store.store import PG_WRITER_LOCK, ChangedElsewhere, Store
from tests.store.writes import clear, code, emp, put, rate, shift

D = ShiftCode("D", ShiftKind.WORK, time(8), time(16, 30), 30, "#CFE5FF", "Day")
MON = date(2026, 11, 23)
TUE = date(2026, 11, 24)


def _shift(emp_: str, d: date, start: int = 9, end: int = 17) -> Shift:
    return Shift(emp_, d, time(start), time(end), 30)


@pytest.fixture
def filled(store: Store) -> Store:
    put(
        store,
        emp(Employee("AG001", "Zoë Côté", "Billing")),
        emp(Employee("AG002", "王芳", "Sales")),
        rate(PayRate("AG001", date(2026, 1, 1), Decimal("20.00"))),
        rate(PayRate("AG002", date(2026, 1, 1), Decimal("24.50"))),
        code(D),
        shift(_shift("AG001", MON)),
    )
    return store


def the_write(s: Store, seen: Store) -> None:
    """What an import planned against ``seen`` writes: expecting AG001's Monday and Tuesday,
    employee AG002, AG002's rate of 1 Jan, code D and no code X as they were then."""
    cells = seen.cells([("AG001", MON), ("AG001", TUE)])
    emps = {e.code: e for e in seen.list_employees()}
    codes = {c.code: c for c in seen.list_codes()}
    jan = seen.rates(["AG002"])["AG002"][0]
    put(
        s,
        emp(Employee("AG002", "王芳", "Retention"), expected=emps["AG002"]),
        rate(PayRate("AG002", date(2026, 3, 1), Decimal("25.00")), expected=None),
        rate(jan, expected=jan),  # a check only: it writes what it expects
        code(replace(D, colour="#000080"), expected=codes["D"]),
        code(ShiftCode("X", ShiftKind.WORK, time(7), time(15)), expected=codes.get("X")),
        shift(_shift("AG001", MON, 10, 18), expected=cells.get(("AG001", MON))),
        shift(_shift("AG001", TUE), expected=cells.get(("AG001", TUE))),
    )


class _Frozen:
    """What ``the_write`` expected, taken before a rival edit (a read-only copy of the store's
    state at that moment)."""

    def __init__(self, s: Store) -> None:
        self._cells = s.cells([("AG001", MON), ("AG001", TUE)])
        self._emps = s.list_employees()
        self._codes = s.list_codes()
        self._rates = s.rates(["AG002"])

    def cells(self, keys: object) -> dict[tuple[str, date], Shift]:
        return self._cells

    def list_employees(self) -> list[Employee]:
        return self._emps

    def list_codes(self) -> list[ShiftCode]:
        return self._codes

    def rates(self, codes: object) -> dict[str, list[PayRate]]:
        return self._rates


def snapshot(s: Store) -> tuple[object, ...]:
    return (s.list_employees(), s.rates(), s.list_codes(), s.shifts_between(MON, TUE))


def test_a_matching_expectation_writes_everything(filled: Store) -> None:
    the_write(filled, filled)
    assert filled.get_employee("AG002").team == "Retention"
    assert [r.hourly for r in filled.rates(["AG002"])["AG002"]] == [Decimal("24.50"), Decimal("25.00")]
    assert {c.code: c.start for c in filled.list_codes()} == {"D": time(8), "X": time(7)}
    assert next(c for c in filled.list_codes() if c.code == "D").colour == "#000080"
    assert [(s.work_date, s.start) for s in filled.shifts_between(MON, TUE)] == [
        (MON, time(10)),
        (TUE, time(9)),
    ]


def test_colour_case_and_versions_do_not_count_as_changes(filled: Store) -> None:
    seen = _Frozen(filled)
    d = next(c for c in filled.list_codes() if c.code == "D")
    put(filled, code(replace(d, colour="#cfe5ff")))  # same colour, other case
    the_write(filled, seen)  # type: ignore[arg-type]
    assert filled.get_employee("AG002").team == "Retention"


EDITS: dict[str, tuple[Callable[[Store], object], str, object]] = {
    "shift changed": (
        lambda o: put(o, shift(_shift("AG001", MON, 11, 19))),
        "the shift of AG001 on Mon 2026-11-23",
        "11:00",
    ),
    "shift removed": (lambda o: put(o, clear("AG001", MON)), "the shift of AG001 on Mon 2026-11-23", None),
    "empty cell filled": (
        lambda o: put(o, shift(_shift("AG001", TUE, 6, 14))),
        "the shift of AG001 on Tue 2026-11-24",
        "06:00",
    ),
    "employee": (
        lambda o: put(o, emp(replace(o.get_employee("AG002"), name="Wang Fang"))),
        "employee AG002",
        "Wang Fang",
    ),
    "rate": (
        lambda o: put(o, rate(PayRate("AG002", date(2026, 3, 1), Decimal("24.75")))),
        "the pay rate of AG002 from 2026-03-01",
        Decimal("24.75"),
    ),
    "old rate": (
        lambda o: put(o, rate(PayRate("AG002", date(2026, 1, 1), Decimal("24.60")))),
        "the pay rate of AG002 from 2026-01-01",
        Decimal("24.60"),
    ),
    "code": (
        lambda o: put(o, code(replace(next(c for c in o.list_codes() if c.code == "D"), label="Early"))),
        "shift code D",
        "Early",
    ),
    "code added": (
        lambda o: put(o, code(ShiftCode("X", ShiftKind.WORK, time(6), time(14)))),
        "shift code X",
        "06:00",
    ),
}


def _now_value(v: object | None) -> object:
    if isinstance(v, Shift | ShiftCode):
        return (
            None
            if v.start is None
            else f"{v.start:%H:%M}"
            if isinstance(v, Shift)
            else (v.label if v.label == "Early" else f"{v.start:%H:%M}")
        )
    if isinstance(v, Employee):
        return v.name
    if isinstance(v, PayRate):
        return v.hourly
    return v


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_changed_row_refuses_the_whole_write(filled: Store, edit: str) -> None:
    seen = _Frozen(filled)
    change, name, now = EDITS[edit]
    change(filled)
    before = snapshot(filled)
    with pytest.raises(ChangedElsewhere) as err:
        the_write(filled, seen)  # type: ignore[arg-type]
    assert isinstance(err.value, StaleEditError)
    assert str(err.value) == f"{name} was changed elsewhere since you loaded it; reload and try again"
    assert len(err.value.now) == 1  # only the changed row, with what it holds now
    assert _now_value(err.value.now[0][2]) == now
    assert snapshot(filled) == before  # nothing of the set was written


def test_every_changed_row_is_reported(filled: Store) -> None:
    seen = _Frozen(filled)
    for edit in ("shift changed", "old rate", "employee", "code"):
        EDITS[edit][0](filled)
    with pytest.raises(ChangedElsewhere, match=r"^shift code D and 3 other rows was changed") as err:
        the_write(filled, seen)  # type: ignore[arg-type]
    assert [(e.value, k) for e, k, _ in err.value.now] == [
        ("code", ("D",)),
        ("employee", ("AG002",)),
        ("rate", ("AG002", date(2026, 1, 1))),
        ("shift", ("AG001", MON)),
    ]


def competing_write(target: str) -> OperationalError | None:
    """Rename AG002 as another workstation would (taking the writers' lock on PostgreSQL),
    waiting at most 0.3 s for the lock; the error if it could not, None if it wrote."""
    if "://" in target:  # PostgreSQL
        engine = create_engine(target)
    else:
        engine = create_engine(f"sqlite:///{target}", connect_args={"timeout": 0.3})
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.exec_driver_sql("SET LOCAL lock_timeout = '300ms'")
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")
            conn.execute(update(EMP).where(EMP.c.code == "AG002").values(name="Rival"))
    except OperationalError as exc:
        return exc
    finally:
        engine.dispose()
    return None


def test_the_check_holds_the_write_lock_until_the_write_commits(
    filled: Store, db_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[OperationalError | None] = []
    real = write.rows.read_periods  # read right after the check, before anything is written

    def check_then_compete(conn: Connection) -> object:
        attempts.append(competing_write(db_target))
        return real(conn)

    monkeypatch.setattr(write.rows, "read_periods", check_then_compete)
    the_write(filled, filled)
    monkeypatch.undo()
    assert len(attempts) == 1 and attempts[0] is not None, "another workstation wrote mid-write"
    text = str(attempts[0].orig)
    assert "locked" in text or "lock timeout" in text
    assert filled.get_employee("AG002").name == "王芳"  # the write's value stands, unmixed
    assert filled.get_employee("AG002").team == "Retention"
    assert competing_write(db_target) is None  # the lock ends with the commit
    assert filled.get_employee("AG002").name == "Rival"


def test_an_edit_just_before_the_write_transaction_refuses_the_write(
    filled: Store, db_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The latest moment another workstation can still commit: right before BEGIN."""
    seen = _Frozen(filled)
    real_write = filled._write

    @contextmanager
    def edit_first() -> Iterator[Connection]:
        assert competing_write(db_target) is None
        with real_write() as conn:
            yield conn

    monkeypatch.setattr(filled, "_write", edit_first)
    with pytest.raises(ChangedElsewhere, match="^employee AG002 was changed elsewhere"):
        the_write(filled, seen)  # type: ignore[arg-type]
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
        stale = _Frozen(filled)
        put(filled, clear("AG001", MON))
        log.clear()
        with pytest.raises(ChangedElsewhere):
            the_write(filled, stale)  # type: ignore[arg-type]
        assert log == ["begin", "rollback"]
        fresh = _Frozen(filled)
        log.clear()
        the_write(filled, fresh)  # type: ignore[arg-type]
        assert log == ["begin", "commit"]
    finally:
        for name, fn in listeners:
            event.remove(filled.engine, name, fn)
    assert filled.get_employee("AG002").team == "Retention"


def test_a_lost_insert_race_is_a_stale_edit_not_a_duplicate_key(filled: Store, db_target: str) -> None:
    """Two workstations fill the same empty cell: the second is told the cell changed."""
    other = Store.open(db_target)
    try:
        put(other, shift(_shift("AG002", TUE), expected=None))
        with pytest.raises(ChangedElsewhere, match="AG002 on Tue 2026-11-24 was changed elsewhere"):
            put(filled, Change(Entity.SHIFT, ("AG002", TUE), _shift("AG002", TUE, 6, 14), expected=None))
    finally:
        other.close()
    assert filled.shifts_between(TUE, TUE)[0].start == time(9)
