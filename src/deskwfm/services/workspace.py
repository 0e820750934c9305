"""An open deskwfm database: what the GUI and CLI hold and pass to every service."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deskwfm.store.store import Store


@dataclass
class Workspace:
    store: Store
    location: str  # file path for SQLite, the URL (password masked) otherwise

    @classmethod
    def open(cls, target: str | Path | None = None, *, create: bool = False) -> Workspace:
        """Open (and migrate, after a backup) a database.

        ``target``: None -> the default SQLite file in the platformdirs user data folder;
        a path -> that SQLite file; a string with ``://`` -> a SQLAlchemy URL.
        ``create=False`` and no such SQLite file -> NotFoundError (a typo must not create a
        new empty database).
        """
        from deskwfm.store.store import Store

        store = Store.open(target, create=create)
        return cls(store, store.target.display)

    def close(self) -> None:
        self.store.close()

    @property
    def title(self) -> str:
        """Short name for the window title: the file name, or the masked URL."""
        path = self.store.target.path
        return path.name if path is not None else self.location

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_path() -> Path:
    """Where the database lives when no --db is given (the platformdirs user data folder)."""
    from deskwfm.store.engine import default_db_path

    return default_db_path()
