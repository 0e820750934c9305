"""SQLite backups through the online backup API (``sqlite3.Connection.backup``), never a file
copy: the copy is consistent even while another workstation writes, and includes what is still
in the WAL file. The copy is written to ``DEST.partial`` (mode 0600) and renamed into place
once complete and checked, so a failed backup never leaves a half file under the real name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.messages import msg


def free_backup_path(path: Path) -> Path:
    """``path`` if unused, else ``stem-2.suffix``, ``stem-3.suffix``, ..."""
    candidate, n = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def check_backup_dest(dest: Path) -> Path:
    dest = dest.expanduser().absolute()
    if dest.exists():
        raise InputError(msg("{file} already exists; choose a new file name", file=str(dest)))
    if not dest.parent.is_dir():
        raise InputError(msg("folder {folder} does not exist", folder=str(dest.parent)))
    return dest


def backup_connection(source: sqlite3.Connection, dest: Path) -> Path:
    """Copy the open database ``source`` into the new file ``dest``."""
    dest = check_backup_dest(dest)
    partial = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            ok = target.execute("PRAGMA quick_check").fetchone()
            # A backup is a standalone file: no WAL beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        if ok is None or ok[0] != "ok":
            raise DeskwfmError(msg("the backup {file} failed its integrity check", file=str(dest)))
        os.replace(partial, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return dest


def backup_sqlite_file(source: Path, dest: Path) -> Path:
    """Back up the SQLite file ``source`` into ``dest``."""
    src = sqlite3.connect(source)
    try:
        return backup_connection(src, dest)
    finally:
        src.close()
