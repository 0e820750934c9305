"""Backups through the SQLite online backup API (never a file copy)."""

from __future__ import annotations

from pathlib import Path

from deskwfm.services.workspace import Workspace


def backup_database(ws: Workspace, dest: Path) -> Path:
    """Copy the open database into the new file ``dest`` (InputError if it exists, or for a
    PostgreSQL database, which is backed up with pg_dump). Returns the absolute path."""
    return ws.store.backup(Path(dest))
