"""Unexpected errors: the user gets one line or one dialog; the traceback goes to a log file.

Neither ever holds the data being written. SQLAlchemy puts the statement and every bound
parameter (names, rates) into its error text, PostgreSQL adds ``DETAIL:`` lines quoting key
values; ``scrub`` takes those out of the user's line and of the log alike. The log is created
0600 (and an existing one tightened to 0600): it is the user's alone, like the database.
"""

from __future__ import annotations

import contextlib
import os
import re
import traceback
from datetime import datetime
from pathlib import Path

# SQLAlchemy's StatementError text, one part per line: the driver's message, "[SQL: statement]"
# (the statement may span lines), "[parameters: repr]" (one line), "(Background on this error at:
# URL)". The statement ends at the "]" that one of those, a blank line or the end follows.
_SQL = re.compile(
    r"\n?\[SQL: .*?\](?=\n\[parameters: |\n\[SQL parameters hidden|\n?\(Background on this|\n\n|\n?\Z)",
    re.DOTALL,
)
_PARAMETERS = re.compile(r"\n?\[(?:parameters: .*|SQL parameters hidden due to hide_parameters=True\])")
_BACKGROUND = re.compile(r"\n? ?\(Background on this \w+ at: [^)\n]*\)")
_DETAIL = re.compile(r"^(DETAIL|KEY|Failing row contains)\b.*$", re.MULTILINE | re.IGNORECASE)


def scrub(text: str) -> str:
    """``text`` without SQL statements, bound parameters, PostgreSQL's DETAIL lines and
    SQLAlchemy's "Background on this error" links."""
    text = _SQL.sub("", text)
    text = _PARAMETERS.sub("", text)
    text = _BACKGROUND.sub("", text)
    return _DETAIL.sub(r"\1: (hidden)", text)


def log_path() -> Path:
    override = os.environ.get("DESKWFM_LOG_DIR")
    if override:
        return Path(override) / "deskwfm-errors.log"
    from platformdirs import user_log_dir

    return Path(user_log_dir("deskwfm", appauthor=False)) / "deskwfm-errors.log"


def record(exc: BaseException) -> Path | None:
    """Append the (scrubbed) traceback of ``exc`` to the error log; the log's path, or None if
    it cannot be written."""
    path = log_path()
    text = scrub("".join(traceback.format_exception(exc)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):  # an older log, made with the umask's mode
            os.chmod(path, 0o600)
        with open(fd, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            fh.write(text)
    except OSError:
        return None
    return path


def describe(exc: BaseException) -> str:
    """One line for the user: what failed, and where the details are."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    from deskwfm.core.i18n import render
    from deskwfm.core.messages import msg

    path = record(exc)
    what = " ".join(scrub(str(exc)).split())
    if path:
        return render(msg("unexpected error: {kind}: {what} (details in {path})", kind=type(exc).__name__,
                          what=what, path=str(path)))
    return render(msg("unexpected error: {kind}: {what}", kind=type(exc).__name__, what=what))
