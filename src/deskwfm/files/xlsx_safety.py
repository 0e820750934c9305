"""Refuse hostile or unreadable workbooks before any parser touches them.

Checks, in order, each failing fast with a message naming the file:
- the file exists, is not empty and not larger than MAX_FILE_BYTES;
- it is not an OLE compound file (a password-protected/encrypted .xlsx, or an old .xls);
- it is a zip holding ``xl/workbook.xml`` (not a .docx, .ods, .csv renamed .xlsx);
- no member is encrypted, the member count is sane;
- every member is really decompressed (headers can lie) with a running cap on the total
  uncompressed size (MAX_UNCOMPRESSED) and on the ratio to the compressed size (a zip bomb);
- no XML part carries a DOCTYPE (billion laughs, external entities): an Office file never has one;
- no sheet reaches further than MAX_ROWS x MAX_COLUMNS (MAX_CELLS in all, counted from A1 as the
  reader pads it), the sheets together not past MAX_WORKBOOK_CELLS, and no shared-strings table
  lists or announces more than MAX_SHARED_STRINGS entries. The reader (python-calamine) builds
  each sheet as one dense block, so a 1.6 KB file with one cell at XFD1048576 would ask it for
  512 GB and abort the process; ``xlsx_extent`` finds each sheet's reach from the cells
  themselves (a ``<dimension>`` can lie) without building anything.

A damaged file (a corrupt or truncated zip, a bad checksum, XML that does not parse) is refused
as damaged, with the advice to save it again from Excel.

``ensure_defusedxml`` is the start-up check that openpyxl parses through defusedxml.
"""

from __future__ import annotations

import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.files.xlsx_extent import BadXml, EntitiesDeclared, column_letters, scan_part, workbook_parts

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for the whole archive and any member over 1 MB
MAX_MEMBERS = 2_000
MAX_ROWS = 200_000  # per sheet
MAX_COLUMNS = 2_000
MAX_CELLS = 4_000_000  # rows x columns of one sheet: ~130 MB while the reader builds it
MAX_WORKBOOK_CELLS = 8_000_000
MAX_SHEETS = 1_000
MAX_SHARED_STRINGS = 1_000_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1 << 16


def ensure_defusedxml() -> None:
    """defusedxml is a hard dependency: refuse to read workbooks without it."""
    try:
        import defusedxml  # noqa: F401
        import openpyxl.xml
    except ImportError as exc:  # pragma: no cover - exercised by monkeypatching in tests
        raise DeskwfmError(
            msg("Excel import needs the defusedxml package ({why}); reinstall deskwfm", why=str(exc))
        ) from None
    if not getattr(openpyxl.xml, "DEFUSEDXML", False):
        raise DeskwfmError(msg("Excel import needs openpyxl to use defusedxml; reinstall deskwfm"))


def check_workbook_file(path: str | Path) -> None:
    """Raise InputError unless ``path`` looks like a safe .xlsx workbook."""
    p = Path(path)
    name = p.name
    if not p.is_file():
        raise InputError(msg("{file}: no such file", file=name))
    size = p.stat().st_size
    if size == 0:
        raise InputError(msg("{file}: the file is empty", file=name))
    if size > MAX_FILE_BYTES:
        raise InputError(
            msg("{file}: the file is {mb:num} MB; the limit is {limit:num} MB", file=name,
                mb=size // 1_048_576, limit=MAX_FILE_BYTES // 1_048_576)
        )
    with p.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        data = p.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(msg(
                "{file} is password-protected (encrypted); open it in Excel, remove the password "
                "and save it again as .xlsx", file=name,
            ))
        raise InputError(msg("{file} is an old Excel .xls file; save it as .xlsx (Excel Workbook) first",
                             file=name))
    if not zipfile.is_zipfile(p):
        if head.startswith(_ZIP_MAGIC):  # a zip whose directory at the end is missing
            raise damaged(name, msg("it is cut short"))
        raise InputError(msg("{file} is not an Excel .xlsx workbook (it is not a zip archive)", file=name))
    with _reading(name, None):
        zf = zipfile.ZipFile(p)
    with zf:
        _check_archive(name, zf, size)
        _check_extents(name, zf)


def damaged(name: str, why: Msg) -> InputError:
    """The one message for a workbook that cannot be read as it is."""
    return InputError(
        msg("{file} is damaged ({why}); open it in Excel and save it again", file=name, why=why)
    )


@contextmanager
def _reading(name: str, part: str | None) -> Iterator[None]:
    """Turn the zip and zlib failures met while reading ``part`` (None: the zip's table of
    contents) into the one damaged-file message."""
    try:
        yield
    except zipfile.BadZipFile:
        why = msg("its table of contents is unreadable") if part is None else msg(
            "part {part} fails its integrity check", part=part)
        raise damaged(name, why) from None
    except zlib.error:
        raise damaged(name, msg("part {part} does not decompress", part=part)) from None
    except EOFError:
        raise damaged(name, msg("part {part} is cut short", part=part)) from None
    except NotImplementedError:  # a compression method zipfile cannot undo (e.g. Deflate64)
        raise damaged(name, msg("part {part} is compressed in a way Excel does not use", part=part)) from None


def reader_crashed(exc: BaseException) -> bool:
    """Whether ``exc`` is a Rust panic inside python-calamine: pyo3 raises it as its
    PanicException, a BaseException that ``except Exception`` lets through. The checks above
    keep the known ones away; any other is a damaged or hostile file, not a program fault."""
    kind = type(exc)
    return kind.__module__ == "pyo3_runtime" and kind.__name__ == "PanicException"


def reader_gave_up(name: str) -> InputError:
    """The message for a workbook the reader crashed on (see ``reader_crashed``)."""
    return damaged(name, msg("the Excel reader gave up on it"))


def _check_archive(name: str, zf: zipfile.ZipFile, file_size: int) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(msg(
            "{file} holds {count:num} parts; that is not a plausible workbook", file=name, count=len(infos)
        ))
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise InputError(msg("{file} is not an Excel .xlsx workbook (no xl/workbook.xml inside)", file=name))
    declared = sum(i.file_size for i in infos)
    if declared > MAX_UNCOMPRESSED or declared > MAX_RATIO * max(file_size, 1) and declared > 1_048_576:
        raise _bomb(name)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(
                msg("{file} is password-protected (encrypted); remove the password first", file=name)
            )
        if info.is_dir():
            continue
        with _reading(name, info.filename):
            total = _scan_member(name, zf, info, total, file_size)


def _bomb(name: str) -> InputError:
    return InputError(
        msg("{file} expands to far more data than a workbook holds (a zip bomb?); refused", file=name)
    )


def _scan_member(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, total: int, file_size: int) -> int:
    """Decompress one member in chunks, counting real bytes; scan XML parts for a DOCTYPE."""
    is_xml = info.filename.endswith((".xml", ".rels", ".vml"))
    member_total = 0
    prolog = b""
    tail = b""  # the end of the previous chunk, so a marker split across chunks is seen
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            member_total += len(chunk)
            total += len(chunk)
            if total > MAX_UNCOMPRESSED or (total > 1_048_576 and total > MAX_RATIO * file_size):
                raise _bomb(name)
            if member_total > 1_048_576 and member_total > MAX_RATIO * max(info.compress_size, 1):
                raise _bomb(name)
            if is_xml and len(prolog) < 4096:
                prolog += chunk[: 4096 - len(prolog)]
            if is_xml:
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise _doctype(name, info.filename)
                tail = chunk[-16:]
    if is_xml and prolog:
        _check_prolog(name, info.filename, prolog)
    return total


def _doctype(name: str, part: str) -> InputError:
    return InputError(msg(
        "{file}: part {part} declares XML entities (a DOCTYPE), which a real Excel file never "
        "does; refused as unsafe", file=name, part=part,
    ))


def _check_prolog(name: str, part: str, prolog: bytes) -> None:
    """Catch a DOCTYPE hidden by a UTF-16 encoding (the byte scan looks for UTF-8 only)."""
    if prolog[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(prolog) > 1 and prolog[1:2] == b"\x00"):
        codec = "utf-16-be" if prolog[:2] == b"\xfe\xff" or prolog[:1] == b"\x00" else "utf-16-le"
        text = prolog.decode(codec, errors="ignore").upper()
        if "<!DOCTYPE" in text or "<!ENTITY" in text:
            raise _doctype(name, part)


def sheet_fits(rows: int, cols: int) -> bool:
    """Whether a sheet reaching ``rows`` x ``cols`` (1-based, from A1) may be read."""
    return rows <= MAX_ROWS and cols <= MAX_COLUMNS and rows * cols <= MAX_CELLS


def _check_extents(name: str, zf: zipfile.ZipFile) -> None:
    """Refuse a workbook whose sheets (or shared strings) would not fit in memory once read."""
    sheets = workbook_parts(zf).sheets
    if len(sheets) > MAX_SHEETS:
        raise InputError(msg_n(
            "{file} has {count:num} sheet; a workbook may have at most {limit:num}",
            "{file} has {count:num} sheets; a workbook may have at most {limit:num}",
            len(sheets), file=name, limit=MAX_SHEETS,
        ))
    names: dict[str, str] = {}
    for sheet, member in sheets:
        names.setdefault(member, sheet)
    listed = Counter(member for _, member in sheets)
    total = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        part = info.filename
        try:
            with _reading(name, part):
                scan = scan_part(zf, part, MAX_UNCOMPRESSED, sheet_fits, MAX_SHARED_STRINGS)
        except EntitiesDeclared:
            raise _doctype(name, part) from None
        except BadXml as exc:
            raise damaged(name, msg("part {part}: {detail}", part=part, detail=exc.detail)) from None
        if scan.strings > MAX_SHARED_STRINGS:
            raise InputError(msg(
                "{file}: its table of shared texts lists or announces {count:num} entries; "
                "a workbook may have at most {limit:num}",
                file=name, count=scan.strings, limit=MAX_SHARED_STRINGS,
            ))
        if not sheet_fits(scan.rows, scan.cols):
            if scan.malformed:
                raise damaged(name, msg("part {part}: {detail}", part=part, detail=scan.malformed))
            raise _too_far(name, names.get(part), part, scan.rows, scan.cols)
        total += scan.rows * scan.cols * max(listed[part], 1)
        if total > MAX_WORKBOOK_CELLS:
            raise InputError(msg(
                "{file}: its sheets reach {cells:num} cells together (counting up to {where}); "
                "a workbook may have at most {limit:num}",
                file=name, cells=total, where=names.get(part, part), limit=MAX_WORKBOOK_CELLS,
            ))


def _too_far(name: str, sheet: str | None, part: str, rows: int, cols: int) -> InputError:
    params = {
        "file": name, "cell": f"{column_letters(cols)}{rows}", "rows": rows, "cols": cols,
        "cells": rows * cols, "max_rows": MAX_ROWS, "max_cols": MAX_COLUMNS, "max_cells": MAX_CELLS,
    }
    if sheet is None:
        return InputError(msg(
            "{file}: part {part} has data reaching cell {cell} ({rows:num} rows × {cols:num} columns "
            "= {cells:num} cells); a sheet may have at most {max_rows:num} rows, {max_cols:num} columns "
            "and {max_cells:num} cells (Ctrl+End in Excel goes to the last cell in use)", part=part, **params,
        ))
    return InputError(msg(
        "{file}: sheet {sheet} has data reaching cell {cell} ({rows:num} rows × {cols:num} columns "
        "= {cells:num} cells); a sheet may have at most {max_rows:num} rows, {max_cols:num} columns "
        "and {max_cells:num} cells (Ctrl+End in Excel goes to the last cell in use)", sheet=sheet, **params,
    ))


def check_sheet_size(file_name: str, sheet: str, rows: int, cols: int) -> None:
    """Refuse a sheet with more rows or columns than any schedule plausibly has."""
    if rows > MAX_ROWS:
        raise InputError(msg("{file}: sheet {sheet} has {rows:num} rows; the limit is {limit:num} per sheet",
                             file=file_name, sheet=sheet, rows=rows, limit=MAX_ROWS))
    if cols > MAX_COLUMNS:
        raise InputError(msg("{file}: sheet {sheet} has {cols:num} columns; the limit is {limit:num}",
                             file=file_name, sheet=sheet, cols=cols, limit=MAX_COLUMNS))
