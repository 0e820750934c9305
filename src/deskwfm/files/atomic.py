"""Write output files whole or not at all, with the permissions any desktop program gives them,
and turn every failure into one message that names the file.

- A file appears complete or not at all: the bytes go to a temporary file beside the target,
  are flushed to the disk, and only then renamed onto the target. An existing file stays
  untouched until then, and nothing is left behind on failure.
- New files get mode 0666 minus the user's umask (0644 under the usual 022), like a file saved
  by any other program: the temporary file is created with that mode, so the kernel applies the
  umask and default ACLs. (``tempfile.mkstemp`` would make every export private, 0600.) The
  database, its backups and the error log are created 0600 elsewhere, on purpose.
- A full disk, a file-size limit, a read-only folder: one line saying what happened to which file
  (``the disk holding FILE is full; FILE was not written (the previous FILE is kept)``), never a
  traceback. Writers that fail half-way (openpyxl's sheet streams, a ``ZipFile``) try to flush
  again when they are collected, and Python would print each of those failures as "Exception
  ignored in ..."; they are collected here with that printing switched off.

``atomic_output`` is for writers that can write to a file object (openpyxl, reportlab): they
write to memory first, so the only disk write is this module's own. ``atomic_file`` yields a
temporary path for writers that need one.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import os
import secrets
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.messages import Msg, msg

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_REFUSED = {errno.EACCES, errno.EPERM, errno.EROFS}


def check_target(target: Path) -> Path:
    """The target if it can be written: its folder exists and it is not itself a folder."""
    target = Path(target)
    if not target.parent.is_dir():
        raise InputError(msg("folder {folder} does not exist", folder=str(target.parent)))
    if target.is_dir():
        raise InputError(msg("{file} is a folder; give a file name", file=str(target)))
    return target


def not_written(target: Path, existed: bool) -> Msg:
    if existed:
        return msg("{file} was not written (the previous {name} is kept)", file=str(target), name=target.name)
    return msg("{file} was not written", file=str(target))


def write_failure(exc: OSError, target: Path, outcome: Msg, folder: Path | None = None) -> DeskwfmError:
    """The one-line error for ``exc`` met while writing ``target`` (a file, or a ``folder`` of
    files); ``outcome`` says what was (not) written."""
    if exc.errno in _FULL:
        reason = msg("the disk holding {file} is full", file=str(target))
    elif exc.errno == errno.EFBIG:
        reason = msg("{file} is larger than the disk holding it, or your account, allows one file to be",
                     file=str(target))
    elif exc.errno in _REFUSED:
        where = folder if folder is not None else target.parent
        return InputError(msg("cannot write in {folder} ({why}); {outcome}", folder=str(where),
                              why=exc.strerror or "", outcome=outcome))
    else:
        return DeskwfmError(msg("could not write {file} ({why}); {outcome}", file=str(target),
                                why=exc.strerror or type(exc).__name__, outcome=outcome))
    return DeskwfmError(msg("{reason}; {outcome}", reason=reason, outcome=outcome))


def scratch_failure(exc: OSError, outcome: Msg) -> DeskwfmError | None:
    """The error for a full temporary folder, where writers keep scratch files (openpyxl puts
    each sheet there before zipping it); None for any other failure."""
    import tempfile

    folder = tempfile.gettempdir()
    if exc.errno in _FULL:
        reason = msg("the disk holding the temporary folder {folder} is full", folder=folder)
    elif exc.errno == errno.EFBIG:
        reason = msg("a temporary file in {folder} grew larger than the disk, or your account, allows "
                     "one file to be", folder=folder)
    else:
        return None
    return DeskwfmError(msg("{reason}; {outcome}", reason=reason, outcome=outcome))


@contextmanager
def quiet_collection() -> Iterator[None]:
    """Run the block with Python's "Exception ignored in ..." printing switched off."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        yield
    finally:
        sys.unraisablehook = hook


def release(exc: BaseException) -> None:
    """Let go of what a failed writer left behind (open streams referenced from the frames of
    ``exc``'s traceback), so its finalizers run now, quietly, not later on the user's stderr."""
    with quiet_collection(), contextlib.suppress(Exception):
        traceback.clear_frames(exc.__traceback__)
        gc.collect()


def create_file(path: Path, data: bytes | memoryview) -> None:
    """Write a new file (it must not exist), mode 0666 minus the umask, flushed to the disk.
    Raises OSError; on failure the file is removed."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")


def write_bytes(target: Path, data: bytes | memoryview) -> None:
    """Replace ``target`` with ``data``, whole or not at all (see the module docstring)."""
    target = check_target(target)
    existed = target.exists()
    tmp = _temp_name(target)
    try:
        create_file(tmp, data)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        error = write_failure(exc, target, not_written(target, existed))
        release(exc)
        raise error from None


@contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """Yield a memory buffer; when the block ends without error its bytes replace ``target``.
    An OSError inside the block (a writer's own scratch files, e.g. openpyxl's in the temporary
    folder) becomes the same one-line message; any other error leaves the target untouched."""
    target = check_target(target)
    existed = target.exists()
    buffer = io.BytesIO()
    try:
        yield buffer
    except OSError as exc:
        error = scratch_failure(exc, not_written(target, existed))
        if error is None:
            raise
        release(exc)
        raise error from None
    write_bytes(target, buffer.getbuffer())


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temp path beside ``target``; rename it onto target on success, delete it otherwise
    (for writers that need a path; ``atomic_output`` is simpler when a file object will do).
    The writer creates the file: it gets whatever mode the writer gives it (0666 minus the
    umask for ``open``)."""
    target = check_target(target)
    existed = target.exists()
    tmp = _temp_name(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        error = write_failure(exc, target, not_written(target, existed))
        release(exc)
        raise error from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
