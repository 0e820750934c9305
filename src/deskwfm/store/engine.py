"""Where a database lives and how connections to it are set up.

SQLite connections get WAL, ``synchronous=FULL``, ``foreign_keys=ON`` and a busy timeout on
every connect. pysqlite's own transaction handling is switched off (``isolation_level=None``)
and the ``begin`` event emits ``BEGIN IMMEDIATE`` for writes (``BEGIN`` for reads), as the
SQLAlchemy pysqlite docs recommend for serializable transactions and transactional DDL: a
writer takes the write lock up front instead of failing half-way when a second workstation
writes at the same time.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError

from deskwfm.core.errors import InputError, NotFoundError
from deskwfm.core.messages import msg

DB_FILE_NAME = "deskwfm.sqlite3"
BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "deskwfm_write"


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved database location: a SQLite file (``path``) or another SQLAlchemy URL."""

    url: str
    path: Path | None  # set for SQLite files
    display: str  # what to show a user (password masked)

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("deskwfm")) / DB_FILE_NAME


def resolve_target(target: str | Path | None) -> Target:
    """None -> the default SQLite file; a path -> that SQLite file; ``scheme://...`` -> URL."""
    if target is None:
        path = default_db_path()
    elif isinstance(target, str) and "://" in target:
        try:
            url = make_url(target)
        except ArgumentError:
            raise InputError(msg(
                '"{target}" is not a database URL; write postgresql+psycopg://host/db', target=target
            )) from None
        if url.get_backend_name() == "sqlite":
            if not url.database or url.database == ":memory:":
                raise InputError(msg("a SQLite URL must name a file, like sqlite:///C:/data/deskwfm.sqlite3"))
            path = Path(url.database)
        else:
            masked = url.render_as_string(hide_password=True)
            return Target(url.render_as_string(hide_password=False), None, masked)
    else:
        path = Path(target)
    path = path.expanduser().absolute()
    return Target(f"sqlite:///{path}", path, str(path))


def create_sqlite_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (mode 0600)."""
    if not path.parent.is_dir():
        raise NotFoundError(msg("folder {folder} does not exist; create it first", folder=str(path.parent)))
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module docstring)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(target: Target) -> Engine:
    if target.is_sqlite:
        engine = create_engine(
            target.url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            hide_parameters=True,  # no name or rate from a statement ever reaches a message or log
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(target.url, pool_pre_ping=True, hide_parameters=True)
    except (ArgumentError, ModuleNotFoundError) as exc:
        raise InputError(
            msg("cannot use database {db}: {reason}", db=target.display, reason=str(exc))
        ) from None
