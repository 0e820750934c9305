"""Schema migrations with Alembic, configured in code (no alembic.ini at run time).

``ensure_schema`` brings a database to the newest revision: a new, empty database is created
at head; an older one is first backed up next to itself through the SQLite online backup API
(``NAME.before-<rev>.sqlite3``) and then upgraded in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.store.backup import backup_sqlite_file, free_backup_path
from deskwfm.store.engine import WRITE_OPTION, Target

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions. Opening a current database compares against this
# without importing Alembic (~125 ms of start-up); tests/store/test_migrations.py checks it
# matches Alembic's own head, so a new migration cannot be forgotten here.
HEAD_REVISION = "0002"


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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run migrations up to ``revision`` in one transaction (transactional DDL on SQLite too)."""
    from alembic import command

    cfg = alembic_config()
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


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
            raise InputError(f"{target.display} is not a deskwfm database (it has other tables)")
        upgrade(engine)
        return MigrationReport(None, head, None)
    script = ScriptDirectory.from_config(alembic_config())
    if not _known(script, current):
        raise DeskwfmError(
            f"{target.display} was written by a newer deskwfm (schema {current}); update deskwfm to open it"
        )
    backup: Path | None = None
    if target.path is not None:
        backup = free_backup_path(target.path.with_name(f"{target.path.stem}.before-{current}.sqlite3"))
        engine.dispose()
        backup_sqlite_file(target.path, backup)
    upgrade(engine)
    return MigrationReport(current, head, backup)


def _known(script: ScriptDirectory, rev: str) -> bool:
    try:
        return script.get_revision(rev) is not None
    except Exception:  # alembic raises ResolutionError/CommandError for unknown ids
        return False
