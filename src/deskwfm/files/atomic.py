"""Write output files so a failure or a cancel never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deskwfm.core.errors import InputError


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temp path beside ``target``; rename it onto target on success, delete it otherwise.
    An existing file at ``target`` stays untouched until the new one is complete."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"folder {folder} does not exist")
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write in {folder}: {exc.strerror}") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
