"""Unexpected errors: the user gets one line or one dialog; the traceback goes to a log file."""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path


def log_path() -> Path:
    override = os.environ.get("DESKWFM_LOG_DIR")
    if override:
        return Path(override) / "deskwfm-errors.log"
    from platformdirs import user_log_dir

    return Path(user_log_dir("deskwfm", appauthor=False)) / "deskwfm-errors.log"


def record(exc: BaseException) -> Path | None:
    """Append the traceback of ``exc`` to the error log; the log's path, or None if unwritable."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            fh.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def describe(exc: BaseException) -> str:
    """One line for the user: what failed, and where the details are."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    path = record(exc)
    detail = f" (details in {path})" if path else ""
    return f"unexpected error: {type(exc).__name__}: {exc}{detail}"
