"""The audit trail: who changed what, when and how; append-only and hash-chained, so
``verify`` finds a row edited, deleted or inserted out of band (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date, time
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from deskwfm.core.changes import How
from deskwfm.core.errors import StaleEditError
from deskwfm.core.model import Employee, PayRate, Shift
from deskwfm.store.store import Store
from tests.store.writes import clear, emp, put, rate, shift

MON = date(2026, 11, 23)


@pytest.fixture
def audited(store: Store) -> Store:
    put(
        store,
        emp(Employee("AG001", "Zoë Côté", "Billing")),
        rate(PayRate("AG001", date(2026, 1, 1), Decimal("20.00"))),
        how=How.DIALOG,
    )
    put(store, shift(Shift("AG001", MON, time(9), time(17), 30)), how=How.GRID_EDIT)
    put(store, shift(Shift("AG001", MON, time(10), time(18), 30, note="dentist 9:00")), how=How.PASTE)
    put(store, clear("AG001", MON), how=How.CLI, detail="deskwfm shift set AG001 2026-11-23 ''")
    return store


def _raw(target: str, *statements: str) -> None:
    """What someone with the sqlite3 shell or psql could do, triggers dropped first."""
    url = target if "://" in target else f"sqlite:///{target}"
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for table in ("audit", "audit_batches"):
                if engine.dialect.name == "sqlite":
                    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_append_only_update")
                    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_append_only_delete")
                else:
                    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            for s in statements:
                conn.execute(text(s))
    finally:
        engine.dispose()


def test_each_changed_row_is_recorded_with_who_when_how_before_and_after(audited: Store) -> None:
    rows = audited.audit_entries(employee="AG001", entity="shift")
    assert [r.how for r in rows] == ["command line", "paste", "grid edit"]  # newest first
    clear_row, paste_row, edit_row = rows
    assert edit_row.before is None and json.loads(edit_row.after or "") == {"entry": "09:00-17:00/30"}
    assert json.loads(paste_row.after or "") == {"entry": "10:00-18:00/30", "note": "dentist 9:00"}
    assert clear_row.after is None and clear_row.detail.startswith("deskwfm shift set AG001")
    assert {r.day for r in rows} == {MON} and {r.key for r in rows} == {"AG001|2026-11-23"}
    assert all(r.actor == audited.actor.user and r.workstation == audited.actor.workstation for r in rows)
    assert all(r.at.endswith("Z") for r in rows)  # UTC
    assert [r.entity for r in audited.audit_entries(how="settings dialog")] == ["rate", "employee"]


def test_refused_and_unchanged_writes_add_no_rows(audited: Store) -> None:
    n = audited.counts()["audit"]
    with pytest.raises(StaleEditError):
        put(
            audited,
            shift(Shift("AG001", MON, time(6), time(14)), expected=Shift("AG001", MON, time(7), time(8))),
        )
    put(audited, emp(Employee("AG001", "Zoë Côté", "Billing")))  # same content
    assert audited.counts()["audit"] == n


def test_a_sound_chain_verifies_and_its_head_is_the_last_row(audited: Store) -> None:
    result = audited.verify_audit()
    assert result.ok and result.rows == audited.counts()["audit"] == 6  # the site, then the fixture's
    assert audited.audit_head() == (6, result.head)


def test_audit_rows_cannot_be_updated_or_deleted_through_sql(audited: Store, db_target: str) -> None:
    url = db_target if "://" in db_target else f"sqlite:///{db_target}"
    engine = create_engine(url)
    try:
        for stmt in ("UPDATE audit SET after = NULL WHERE id = 2",
            "DELETE FROM audit WHERE id = 2",
            "UPDATE audit_batches SET actor = 'someone'",
            "DELETE FROM audit_batches WHERE id = 2",):
            with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
                conn.execute(text(stmt))
    finally:
        engine.dispose()
    assert audited.verify_audit().ok


def test_verify_names_a_row_edited_out_of_band(audited: Store, db_target: str) -> None:
    _raw(db_target, 'UPDATE audit SET after = \'{"entry":"09:00-21:00/30"}\' WHERE id = 4')
    result = audited.verify_audit()
    assert (result.problem, result.bad_id) == ("edited", 4)


def test_verify_notices_a_row_edited_and_rehashed(audited: Store, db_target: str) -> None:
    """Recomputing the edited row's own hash does not help: the next row no longer chains."""
    from deskwfm.store import audit

    e = next(x for x in audited.audit_entries() if x.id == 4)
    forged = '{"entry":"09:00-21:00/30"}'
    batch = audit.batch_text((e.batch, e.at, e.actor, e.workstation, e.db_role, e.how, e.detail, e.reason))
    with audited.engine.connect() as conn:
        prev_hash = conn.execute(text("SELECT hash FROM audit WHERE id = 3")).scalar_one()
    new_hash = audit.row_hash((4, e.entity, e.key, e.employee, e.day, e.before, forged), batch, prev_hash)
    _raw(db_target, f"UPDATE audit SET after = '{forged}', hash = '{new_hash}' WHERE id = 4")
    result = audited.verify_audit()
    assert (result.problem, result.bad_id) == ("edited", 5)  # row 5, or (rehashed) the row before it


def test_verify_notices_a_batch_edited(audited: Store, db_target: str) -> None:
    """Who made a change is covered too: rewriting it breaks the batch's first row."""
    batch = next(x for x in audited.audit_entries() if x.id == 5).batch
    _raw(db_target, f"UPDATE audit_batches SET actor = 'mallory' WHERE id = {batch}")
    result = audited.verify_audit()
    assert (result.problem, result.bad_id) == ("edited", 5)


def test_verify_names_a_deleted_row(audited: Store, db_target: str) -> None:
    _raw(db_target, "DELETE FROM audit WHERE id = 4")
    result = audited.verify_audit()
    assert (result.problem, result.bad_id, result.resumes_at) == ("missing", 4, 5)


def test_verify_notices_the_newest_rows_deleted(audited: Store, db_target: str) -> None:
    _raw(db_target, "DELETE FROM audit WHERE id >= 5")
    result = audited.verify_audit()
    assert (result.problem, result.bad_id) == ("missing_end", 5)


def test_verify_names_an_inserted_row(audited: Store, db_target: str) -> None:
    _raw(
        db_target,
        "INSERT INTO audit (id, batch, entity, key, employee, day, before, after, hash) "
        "VALUES (7, 6, 'shift', 'AG001|2026-11-23', 'AG001', '2026-11-23', NULL, "
        "'{\"entry\":\"00:00-23:00\"}', 'beef')",
    )
    result = audited.verify_audit()
    assert (result.problem, result.bad_id) == ("inserted", 7)
