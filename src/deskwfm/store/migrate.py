"""Schema migrations with Alembic, configured in code (no alembic.ini at run time).

``ensure_schema`` brings a database to the newest revision: a new, empty database is created
at head; an older one is first backed up next to itself through the SQLite online backup API
(``NAME.before-<rev>.sqlite3``) and then upgraded in one transaction.

On SQLite the migrations run with foreign keys OFF: a batch migration (``batch_alter_table``)
copies a table, drops the old one and renames the copy, and with ``foreign_keys=ON`` dropping
``employees`` would cascade-delete every pay rate and shift. ``PRAGMA foreign_keys`` is a no-op
inside a transaction, so it is switched off on the driver connection before ``BEGIN IMMEDIATE``;
``PRAGMA foreign_key_check`` then runs inside the migration transaction, and any dangling
reference rolls the whole upgrade back. PostgreSQL needs none of this: its DDL is transactional
and batch mode alters tables in place there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.messages import msg, msg_n
from deskwfm.store.backup import backup_sqlite_file, free_backup_path
from deskwfm.store.engine import WRITE_OPTION, Target

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. Opening a current database compares against this
# without importing Alembic (~125 ms of start-up); tests/store/test_migrations.py checks it
# matches Alembic's own head, so a new migration cannot be forgotten here.
HEAD_REVISION = "0008"


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, read with plain SQL (None: no alembic table)."""
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except SQLAlchemyError:
        return None
    return None if row is None else str(row[0])


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head", *, display: str | None = None) -> None:
    """Run migrations up to ``revision`` in one transaction (transactional DDL on SQLite too).

    Any failure rolls the whole upgrade back and is raised as a DeskwfmError naming ``display``
    (default: the engine URL, password masked)."""
    from alembic import command

    cfg = alembic_config()
    where = display or engine.url.render_as_string(hide_password=True)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        if sqlite:
            _sqlite_foreign_keys(conn, on=False)  # before BEGIN: the PRAGMA is ignored inside one
        try:
            # An explicit outer transaction: Alembic sees it and joins it instead of committing
            # per migration (its SQLite dialect does not claim transactional DDL).
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                if sqlite:
                    _refuse_dangling_references(conn, where)
        except DeskwfmError:
            raise
        except Exception as exc:
            detail = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
            raise DeskwfmError(msg(
                "upgrading the schema of {db} to {revision} failed and was rolled back: {reason}",
                db=where, revision=revision, reason=detail,
            )) from exc
        finally:
            if sqlite:
                try:
                    _sqlite_foreign_keys(conn, on=True)
                except Exception:
                    conn.invalidate()  # never hand a connection without foreign keys back to the pool


def _sqlite_foreign_keys(conn: Connection, *, on: bool) -> None:
    """Set ``PRAGMA foreign_keys`` on the driver connection, outside any transaction (going
    through SQLAlchemy would auto-begin one first, and the PRAGMA is a no-op in a transaction)."""
    assert not conn.in_transaction()
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    state = raw.execute("PRAGMA foreign_keys").fetchone()
    if state is None or bool(state[0]) != on:
        raise DeskwfmError(msg("could not switch SQLite foreign keys on") if on
                           else msg("could not switch SQLite foreign keys off"))


def _refuse_dangling_references(conn: Connection, where: str) -> None:
    """Raise (rolling the migration back) if a row points at a row that does not exist."""
    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if bad:
        shown = ", ".join(f"{r[0]} #{r[1]} -> {r[2]}" for r in bad[:5]) + (" …" if len(bad) > 5 else "")
        raise DeskwfmError(msg_n(
            "upgrading the schema of {db} was refused and rolled back: it would leave {count:num} row "
            "pointing at a missing row ({rows})",
            "upgrading the schema of {db} was refused and rolled back: it would leave {count:num} rows "
            "pointing at missing rows ({rows})",
            len(bad), db=where, rows=shown,
        ))


@dataclass(frozen=True, slots=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def ensure_schema(engine: Engine, target: Target) -> MigrationReport | None:
    """Create or upgrade the schema. Returns what was done, or None when already current."""
    if stored_revision(engine) == HEAD_REVISION:
        return None
    from alembic.script import ScriptDirectory

    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    if current is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise InputError(msg("{db} is not a deskwfm database (it has other tables)", db=target.display))
        upgrade(engine, display=target.display)
        return MigrationReport(None, head, None)
    script = ScriptDirectory.from_config(alembic_config())
    if not _known(script, current):
        raise DeskwfmError(msg(
            "{db} was written by a newer deskwfm (schema {revision}); update deskwfm to open it",
            db=target.display, revision=current,
        ))
    backup: Path | None = None
    if target.path is not None:
        backup = free_backup_path(target.path.with_name(f"{target.path.stem}.before-{current}.sqlite3"))
        engine.dispose()
        backup_sqlite_file(target.path, backup)
    try:
        upgrade(engine, display=target.display)
    except DeskwfmError as exc:
        if backup is not None:
            raise DeskwfmError(msg(
                "{problem} (the database is still at schema {revision}; the copy made before it is {backup})",
                problem=exc.msg, revision=current, backup=str(backup),
            )) from exc
        raise DeskwfmError(msg("{problem} (the database is still at schema {revision})",
                               problem=exc.msg, revision=current)) from exc
    return MigrationReport(current, head, backup)


def _known(script: ScriptDirectory, rev: str) -> bool:
    try:
        return script.get_revision(rev) is not None
    except Exception:  # alembic raises ResolutionError/CommandError for unknown ids
        return False
