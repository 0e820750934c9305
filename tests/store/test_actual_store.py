"""Actual time and absence codes in the store, on SQLite and PostgreSQL: written only through
``Store.apply``, compared by content, lock-checked, audited; migration 0007 on an existing centre."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.core.absence import AbsenceCode, AbsencePay
from deskwfm.core.actual import ActualDay, Segment, Source
from deskwfm.core.approvals import PeriodState, PeriodStatus
from deskwfm.core.changes import Change, Entity
from deskwfm.core.errors import InputError
from deskwfm.core.locks import PeriodLockedError
from deskwfm.core.model import Employee, PayRate
from deskwfm.core.site import SiteSettings
from deskwfm.core.timekeeping import PayBasis, Timekeeping
from deskwfm.store.engine import create_sqlite_file, make_engine, resolve_target
from deskwfm.store.migrate import upgrade
from deskwfm.store.store import ChangedElsewhere, Store
from tests.store.writes import emp, put, rate, site

MON = date(2026, 11, 23)
SICK = AbsenceCode("SICK", "Sick", AbsencePay.UNPAID, 0, True, False)


def actual(d: ActualDay, expected: object = None) -> Change:
    from deskwfm.core.changes import ANY

    return Change(Entity.ACTUAL, (d.employee_code, d.work_date), d, ANY if expected is None else expected)


def absence(c: AbsenceCode) -> Change:
    return Change(Entity.ABSENCE_CODE, (c.code,), c)


@pytest.fixture
def filled(store: Store) -> Store:
    put(
        store,
        emp(Employee("AG001", "Zoë Côté", login_id="4711")),
        rate(PayRate("AG001", date(2026, 1, 1), Decimal("20"))),
        absence(SICK),
    )
    return store


def test_actual_days_round_trip_with_every_kind_of_segment(filled: Store) -> None:
    days = [
        ActualDay("AG001", MON, (Segment(-5, 480),), 0, "", "", Source.IMPORT, "cms.csv"),
        ActualDay(
            "AG001",
            date(2026, 11, 24),
            (Segment(538, 721), Segment(753, None)),
            0,
            "SICK",
            "left ill",
            Source.TYPED,
        ),
        ActualDay("AG001", date(2026, 11, 25), (Segment(1320, 1830),), 30, "", "", Source.CONFIRMED),
    ]
    applied = put(filled, *(actual(d) for d in days))
    assert len(applied) == 3
    back = filled.actual_between(MON, date(2026, 11, 25))
    assert [(d.segments, d.break_minutes, d.absence, d.note, d.source, d.source_detail) for d in back] == [
        (d.segments, d.break_minutes, d.absence, d.note, d.source, d.source_detail) for d in days
    ]
    assert all(d.version == 1 for d in back)
    assert filled.get_employee("AG001").login_id == "4711"
    assert len(put(filled, *(actual(d) for d in days))) == 0  # the same content: nothing written


def test_a_day_changed_elsewhere_refuses_the_write(filled: Store) -> None:
    first = ActualDay("AG001", MON, (Segment(540, 1020),))
    put(filled, actual(first))
    put(filled, actual(ActualDay("AG001", MON, (Segment(545, 1020),))))  # another workstation
    with pytest.raises(ChangedElsewhere, match="the actual time of AG001 on Mon 2026-11-23"):
        put(filled, actual(ActualDay("AG001", MON, ()), expected=first))


def test_a_segment_reaching_into_a_locked_period_is_refused(filled: Store) -> None:
    locked = PeriodState(
        date(2026, 11, 22),
        date(2026, 12, 5),
        PeriodStatus.LOCKED,
        1,
        "clerk@pc",
        datetime(2026, 12, 6, tzinfo=UTC),
        "",
        "",
        None,
    )
    put(filled, Change(Entity.PERIOD, (locked.start,), locked, expected=None))
    night_before = ActualDay("AG001", date(2026, 11, 21), (Segment(22 * 60, 30 * 60),))  # ends Sun 06:00
    with pytest.raises(PeriodLockedError, match="2026-11-22 to 2026-12-05 is locked"):
        put(filled, actual(night_before))
    evening = ActualDay("AG001", date(2026, 11, 21), (Segment(17 * 60, 23 * 60),))
    assert len(put(filled, actual(evening))) == 1


def test_an_absence_code_in_use_cannot_be_removed_and_codes_are_compared_by_content(filled: Store) -> None:
    put(filled, actual(ActualDay("AG001", MON, (), 0, "sick")))
    with pytest.raises(InputError, match="absence code SICK is recorded on 1 day"):
        put(filled, Change(Entity.ABSENCE_CODE, ("SICK",), None))
    assert len(put(filled, absence(SICK))) == 0
    changed = AbsenceCode("SICK", "Sick", AbsencePay.SCHEDULED, 0, True, False)
    assert len(put(filled, absence(changed))) == 1
    assert filled.absence_codes()[0].pay is AbsencePay.SCHEDULED


def test_the_site_keeps_its_timekeeping_settings(filled: Store) -> None:
    current = filled.get_site()
    assert current is not None and current.timekeeping == Timekeeping()
    tk = Timekeeping(PayBasis.ACTUAL, 15, 3, 0, 0, 10, 20)
    put(filled, site(current.with_changes(timekeeping=tk), expected=current))
    again = filled.get_site()
    assert again is not None and again.timekeeping == tk


def test_migration_0007_gives_an_existing_centre_the_default_absence_codes(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    create_sqlite_file(path)
    engine = make_engine(resolve_target(path))
    upgrade(engine, "0006")
    engine.dispose()
    with sqlite3.connect(path) as c:
        c.execute(
            "INSERT INTO site (id, name, tz, week_start, pay_period, period_anchor, holiday_region, "
            "currency, rules, version) VALUES (1, 'Old', 'America/Toronto', 6, 'biweekly', '2026-01-04', "
            "'CA-ON', '$', "
            '\'{"preset": "ontario"}\', 1)'
        )
        c.execute(
            "INSERT INTO employees (id, code, name, team, active, version) VALUES (1, 'AG001', 'Z', '', 1, 1)"
        )
    c.close()
    s = Store.open(path)
    try:
        assert [c.code for c in s.absence_codes()] == ["SICK", "SICKP", "NS", "LATE", "BRV", "PERS", "TRN"]
        assert s.get_employee("AG001").login_id == ""
        old = s.get_site()
        assert old is not None and old.timekeeping == Timekeeping() and old.name == "Old"
    finally:
        s.close()
    empty = tmp_path / "new.sqlite3"
    fresh = Store.open(empty, create=True)
    try:
        assert fresh.absence_codes() == []  # a new database gets them from init, audited
        put(fresh, site(SiteSettings(), expected=None))
    finally:
        fresh.close()
