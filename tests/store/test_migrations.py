"""Alembic migrations: they build exactly the mapped schema, and an older database is backed up
(SQLite online backup) and upgraded with its data intact."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode, ShiftKind
from deskwfm.store import migrate
from deskwfm.store.engine import create_sqlite_file, make_engine, resolve_target
from deskwfm.store.migrate import HEAD_REVISION, current_revision, head_revision, upgrade
from deskwfm.store.schema import metadata
from deskwfm.store.store import Store
from tests.store.writes import code, emp, put, rate, shift


def test_migrations_build_exactly_the_mapped_schema(db_target: str) -> None:
    s = Store.open(db_target, create=True)
    with s.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
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


# --------------------------------------------------------------------------- future migrations
# A throwaway revision 0099 on top of the real head, written into a temp copy of the migrations
# folder; ``migrate.MIGRATIONS_DIR``/``HEAD_REVISION`` point at it, as a real new release would.

_NEXT = "0099"


def _with_next_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upgrade_body: str) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"r{_NEXT}_test.py").write_text(
        f'''"""Test-only revision."""
import sqlalchemy as sa
from alembic import op

revision = "{_NEXT}"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{upgrade_body}


def downgrade() -> None:
    pass
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(migrate, "HEAD_REVISION", _NEXT)


def _filled_database(target: str) -> None:
    """A database at today's head with two employees, their rates and a week of shifts."""
    s = Store.open(target, create=True)
    d = ShiftCode("D", ShiftKind.WORK, time(8), time(16, 30), 30, "#cfe5ff", "Day")
    put(
        s,
        emp(Employee("AG001", "Zoë Côté", "Billing")), emp(Employee("AG002", "王芳", "Sales")),
        rate(PayRate("AG001", date(2026, 1, 1), Decimal("20.50"))),
        rate(PayRate("AG001", date(2026, 11, 1), Decimal("21.00"))),
        rate(PayRate("AG002", date(2026, 1, 1), Decimal("24.50"))),
        code(d),
        *[shift(Shift(e, date(2026, 11, day), time(8), time(16, 30), 30, "D", note="n"))
          for e in ("AG001", "AG002") for day in range(23, 28)],
    )
    s.close()


def _snapshot(s: Store) -> tuple[object, ...]:
    shifts = s.shifts_between(date(2026, 11, 1), date(2026, 11, 30))
    return (
        s.counts(),
        [(e.code, e.name, e.team, e.version) for e in s.list_employees()],
        {k: [(r.effective_from, r.hourly) for r in v] for k, v in s.rates().items()},
        [(x.employee_code, x.work_date, x.start, x.end, x.code, x.note, x.version) for x in shifts],
    )


def test_a_migration_failing_half_way_leaves_the_database_as_it_was(
    db_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled_database(db_target)
    s = Store.open(db_target)
    before = _snapshot(s)
    s.close()
    # Rebuilds employees, rewrites rows, then hits an error: all of it must be undone.
    _with_next_migration(tmp_path, monkeypatch, """
    with op.batch_alter_table("employees") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))
        batch.alter_column("name", existing_type=sa.String(200), type_=sa.String(250))
    op.execute("UPDATE employees SET name = 'overwritten'")
    op.execute("DELETE FROM pay_rates")
    op.execute("INSERT INTO no_such_table VALUES (1)")""")
    with pytest.raises(DeskwfmError) as err:
        Store.open(db_target)
    message = str(err.value)
    assert "failed and was rolled back" in message and "no_such_table" in message
    assert f"still at schema {HEAD_REVISION}" in message
    assert "\n" not in message  # one line for the CLI / a dialog, not a traceback

    monkeypatch.undo()  # today's deskwfm opens the untouched database normally
    s = Store.open(db_target)
    assert s.migration is None and current_revision(s.engine) == HEAD_REVISION
    assert _snapshot(s) == before
    assert "nickname" not in [c["name"] for c in inspect(s.engine).get_columns("employees")]
    s.close()
    if "://" not in db_target:  # SQLite: the copy taken before the upgrade is kept
        backup = tmp_path / f"t.before-{HEAD_REVISION}.sqlite3"
        assert str(backup) in message
        with sqlite3.connect(backup) as c:
            assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
            assert c.execute("SELECT count(*) FROM shifts").fetchone() == (10,)
        c.close()


def test_a_batch_migration_rebuilding_employees_keeps_every_rate_and_shift(
    db_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changing a column type makes batch mode on SQLite copy employees, DROP the old table and
    rename the copy; with foreign keys on, the DROP would cascade-delete every pay rate and
    shift. (PostgreSQL alters the table in place.)"""
    _filled_database(db_target)
    s = Store.open(db_target)
    before = _snapshot(s)
    s.close()
    _with_next_migration(tmp_path, monkeypatch, """
    with op.batch_alter_table("employees") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))
        batch.alter_column("name", existing_type=sa.String(200), type_=sa.String(250))""")
    s = Store.open(db_target)
    assert s.migration is not None and s.migration.to_revision == _NEXT
    assert current_revision(s.engine) == _NEXT
    assert "nickname" in [c["name"] for c in inspect(s.engine).get_columns("employees")]
    assert _snapshot(s) == before
    counts = s.counts()
    assert (counts["pay_rates"], counts["shifts"]) == (3, 10)
    if s.target.is_sqlite:
        # foreign keys are back on for the connections the store goes on using
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            with pytest.raises(IntegrityError):
                conn.exec_driver_sql("INSERT INTO pay_rates (employee_id, effective_from, hourly_cents) "
                                     "VALUES (999, '2026-01-01', 100)")
    s.close()


def test_a_migration_leaving_dangling_references_is_refused_and_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With foreign keys off during migrations, PRAGMA foreign_key_check is the safety net."""
    path = tmp_path / "t.sqlite3"
    _filled_database(str(path))
    _with_next_migration(tmp_path, monkeypatch, """
    op.execute("DELETE FROM employees WHERE code = 'AG002'")""")
    with pytest.raises(DeskwfmError, match=r"refused and rolled back.*6 rows pointing at missing rows"):
        Store.open(path)
    monkeypatch.undo()
    s = Store.open(path)
    assert current_revision(s.engine) == HEAD_REVISION
    assert [e.code for e in s.list_employees()] == ["AG001", "AG002"]
    assert s.counts()["shifts"] == 10
    s.close()
