"""Save an openpyxl workbook through ``files.atomic``, leaving no scratch file behind.

openpyxl writes each sheet to a scratch file in the temporary folder before zipping it, and
deletes it once zipped; when the write fails half-way (a full disk) the scratch file would stay
until the program exits. It is removed here at once. The workbook itself is zipped in memory, so
the only write beside the target is ``files.atomic``'s own.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from deskwfm.files.atomic import atomic_output


def save_workbook(wb: Any, path: str | Path) -> None:
    """Write ``wb`` to ``path`` whole or not at all (see ``files.atomic``)."""
    from openpyxl.worksheet import _writer  # where openpyxl lists its scratch files

    scratch: list[str] = getattr(_writer, "ALL_TEMP_FILES", [])
    before = set(scratch)
    try:
        with atomic_output(Path(path)) as out:
            wb.save(out)
    finally:
        for name in [n for n in scratch if n not in before]:
            with contextlib.suppress(OSError):
                os.remove(name)
            with contextlib.suppress(ValueError):
                scratch.remove(name)
