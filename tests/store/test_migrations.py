"""Alembic migrations: they build exactly the mapped schema, and an older database is backed up
(SQLite online backup) and upgraded with its data intact."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from deskwfm.core.errors import DeskwfmError
from deskwfm.store.engine import create_sqlite_file, make_engine, resolve_target
from deskwfm.store.migrate import current_revision, head_revision, upgrade
from deskwfm.store.schema import Base
from deskwfm.store.store import Store


def test_migrations_build_exactly_the_mapped_schema(db_target: str) -> None:
    s = Store.open(db_target, create=True)
    with s.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    s.close()
    assert diff == []


def _database_at_revision_1(path: Path) -> None:
    """A database as deskwfm 0.1 (schema revision 0001) left it, with some data."""
    create_sqlite_file(path)
    engine = make_engine(resolve_target(path))
    upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as c:
        c.execute("INSERT INTO employees (id, code, name, team, active, version) "
                  "VALUES (1, 'AG001', 'Zoë Côté', 'Billing', 1, 3)")
        c.execute("INSERT INTO pay_rates (employee_id, effective_from, hourly_cents) "
                  "VALUES (1, '2026-01-01', 2050)")
        c.execute("INSERT INTO shift_codes (id, code, kind, start_min, end_min, break_minutes, colour, "
                  "label, version) VALUES (1, 'D', 'work', 480, 990, 30, '#cfe5ff', 'Day', 1)")
        c.execute("INSERT INTO shifts (employee_id, work_date, start_min, end_min, break_minutes, code_id, "
                  "version) VALUES (1, '2026-11-24', 480, 990, 30, 1, 2)")
    c.close()


def test_an_older_database_is_backed_up_then_upgraded_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "centre.sqlite3"
    _database_at_revision_1(path)
    s = Store.open(path)
    assert s.migration is not None
    assert (s.migration.from_revision, s.migration.to_revision) == ("0001", head_revision())
    backup = tmp_path / "centre.before-0001.sqlite3"
    assert s.migration.backup == backup
    # the upgraded database: old data, new column
    assert current_revision(s.engine) == head_revision()
    shifts = s.shifts_between(date(2026, 11, 24), date(2026, 11, 24))
    assert len(shifts) == 1 and shifts[0].code == "D" and shifts[0].note == "" and shifts[0].version == 2
    assert s.get_employee("AG001").version == 3 and s.rates()["AG001"][0].hourly == 20.5
    s.close()
    # the backup: still revision 0001, same data, no note column
    with sqlite3.connect(backup) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert c.execute("SELECT name FROM employees").fetchall() == [("Zoë Côté",)]
        cols = [r[1] for r in c.execute("PRAGMA table_info(shifts)")]
    c.close()
    assert "note" not in cols
    # opening again does nothing more
    again = Store.open(path)
    assert again.migration is None
    again.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "before" in p.name) == [backup.name]


def test_a_database_from_a_newer_deskwfm_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    Store.open(path, create=True).close()
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    c.close()
    with pytest.raises(DeskwfmError, match="newer deskwfm"):
        Store.open(path)
    assert not any("before" in p.name for p in tmp_path.iterdir())


def test_fast_path_head_constant_matches_alembic_head() -> None:
    """Opening a current database skips Alembic by comparing with HEAD_REVISION; a migration
    added without updating the constant would leave databases un-upgraded."""
    from deskwfm.store.migrate import HEAD_REVISION, head_revision

    assert head_revision() == HEAD_REVISION
