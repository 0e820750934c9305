"""Backups through the SQLite online backup API (never a file copy)."""

from __future__ import annotations

from pathlib import Path

from deskwfm.services.workspace import Workspace


def backup_database(ws: Workspace, dest: Path) -> Path:
    raise NotImplementedError
