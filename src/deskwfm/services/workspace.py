"""An open deskwfm database: what the GUI and CLI hold and pass to every service."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.messages import msg

if TYPE_CHECKING:
    from deskwfm.core.approvals import Actor
    from deskwfm.core.changes import AppliedSet, ChangeSet
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

    def commit(self, changes: ChangeSet) -> AppliedSet:
        """Write a change set through the store's one write path (checked, lock-checked and
        audited in one transaction); an employee whose approved pay it alters loses that
        approval in the same transaction (``services.approvals``)."""
        from deskwfm.services.approvals import clear_changed_approvals

        return self.store.apply(changes, follow_up=clear_changed_approvals)

    @property
    def actor(self) -> Actor:
        """Who this workstation's changes are recorded as."""
        return self.store.actor

    def change_stamp(self) -> int:
        """Moves whenever any workstation commits a change (one cheap read)."""
        return self.store.change_stamp()

    def moved_elsewhere(self, since: int) -> tuple[int, bool]:
        """The change stamp now, and whether anything but this workspace's own commits moved it
        since ``since`` (one cheap read): what a window polls to show other workstations' edits."""
        return self.store.moved_elsewhere(since)

    def no_site(self) -> DeskwfmError:
        """The error for a database that holds no centre yet."""
        return DeskwfmError(msg("{location} has no site settings yet; set it up with: deskwfm init",
                                location=self.location))

    @property
    def title(self) -> str:
        """Short name for the window title: the file name, or the masked URL."""
        path = self.store.target.path
        return path.name if path is not None else self.location

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def missing_file(target: str | Path | None) -> Path | None:
    """The SQLite file ``target`` names when that file does not exist yet (None for an existing
    file or a server URL): where the GUI offers to create a centre instead of refusing."""
    from deskwfm.store.engine import resolve_target

    path = resolve_target(target).path
    return path if path is not None and not path.exists() else None


def default_path() -> Path:
    """Where the database lives when no --db is given (the platformdirs user data folder)."""
    from deskwfm.store.engine import default_db_path

    return default_db_path()
