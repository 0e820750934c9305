"""SQLite specifics: where the file goes, its mode, connection pragmas, write locking, backups."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.core.errors import InputError, NotFoundError
from deskwfm.core.model import Employee, PayRate
from deskwfm.core.site import SiteSettings
from deskwfm.store.engine import WRITE_OPTION, default_db_path, resolve_target
from deskwfm.store.store import Store
from tests.store.writes import emp, put, rate, site


def _new(path: Path) -> Store:
    s = Store.open(path, create=True)
    put(s, site(SiteSettings(), expected=None))
    return s


def test_a_new_database_file_is_private_to_its_owner(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        s = _new(tmp_path / "new.sqlite3")
    finally:
        os.umask(old)
    s.close()
    assert stat.S_IMODE((tmp_path / "new.sqlite3").stat().st_mode) == 0o600


def test_opening_a_missing_file_names_it_and_creates_nothing(tmp_path: Path) -> None:
    p = tmp_path / "typo.sqlite3"
    with pytest.raises(NotFoundError, match=str(p)):
        Store.open(p)
    assert not p.exists()
    with pytest.raises(NotFoundError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "x.sqlite3", create=True)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "notes.sqlite3"
    p.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(InputError, match="not a deskwfm database"):
        Store.open(p)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as c:
        c.execute("create table stuff (x)")
    with pytest.raises(InputError, match="not a deskwfm database"):
        Store.open(other)


def test_targets_default_path_and_urls(tmp_path: Path) -> None:
    assert default_db_path().name == "deskwfm.sqlite3" and "deskwfm" in str(default_db_path().parent)
    t = resolve_target(None)
    assert t.path == default_db_path()
    u = resolve_target(f"sqlite:///{tmp_path}/a.sqlite3")
    assert u.path == tmp_path / "a.sqlite3"
    pg = resolve_target("postgresql+psycopg://clerk:s3cret@db.example/centre")
    assert pg.path is None and "s3cret" not in pg.display and "s3cret" in pg.url
    with pytest.raises(InputError):
        resolve_target("sqlite://")


def test_every_connection_gets_the_pragmas(tmp_path: Path) -> None:
    s = _new(tmp_path / "p.sqlite3")
    with s.engine.connect() as conn:
        got = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in
               ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert got == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10_000}
    s.close()


def test_writes_take_the_write_lock_at_begin(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE: while one write transaction is open, another writer cannot even begin,
    and plain reads still work (WAL)."""
    p = tmp_path / "lock.sqlite3"
    s = _new(p)
    other = sqlite3.connect(p, timeout=0, isolation_level=None)
    with s.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        assert other.execute("SELECT count(*) FROM site").fetchone() == (1,)
    other.execute("BEGIN IMMEDIATE")  # free again once committed
    other.execute("ROLLBACK")
    other.close()
    s.close()


def test_backup_is_a_consistent_private_copy(tmp_path: Path) -> None:
    s = _new(tmp_path / "live.sqlite3")
    put(s, emp(Employee("AG001", "Zoë Côté")), rate(PayRate("AG001", date(2026, 1, 1), Decimal("20"))))
    dest = s.backup(tmp_path / "copy.sqlite3")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert not (tmp_path / "copy.sqlite3.partial").exists()
    copy = Store.open(dest)
    assert [e.name for e in copy.list_employees()] == ["Zoë Côté"]
    copy.close()
    with pytest.raises(InputError, match="already exists"):
        s.backup(dest)
    with pytest.raises(InputError, match="does not exist"):
        s.backup(tmp_path / "missing" / "b.sqlite3")
    s.close()
