"""Refuse hostile or unreadable workbooks before any parser touches them.

Checks, in order, each failing fast with a message naming the file:
- the file exists, is not empty and not larger than MAX_FILE_BYTES;
- it is not an OLE compound file (a password-protected/encrypted .xlsx, or an old .xls);
- it is a zip holding ``xl/workbook.xml`` (not a .docx, .ods, .csv renamed .xlsx);
- no member is encrypted, the member count is sane;
- every member is really decompressed (headers can lie) with a running cap on the total
  uncompressed size (MAX_UNCOMPRESSED) and on the ratio to the compressed size (a zip bomb);
- no XML part carries a DOCTYPE (billion laughs, external entities): an Office file never has one.

``ensure_defusedxml`` is the start-up check that openpyxl parses through defusedxml.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from deskwfm.core.errors import DeskwfmError, InputError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for the whole archive and any member over 1 MB
MAX_MEMBERS = 2_000
MAX_ROWS = 200_000  # per sheet
MAX_COLUMNS = 2_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 16


def ensure_defusedxml() -> None:
    """defusedxml is a hard dependency: refuse to read workbooks without it."""
    try:
        import defusedxml  # noqa: F401
        import openpyxl.xml
    except ImportError as exc:  # pragma: no cover - exercised by monkeypatching in tests
        raise DeskwfmError(f"Excel import needs the defusedxml package ({exc}); reinstall deskwfm") from None
    if not getattr(openpyxl.xml, "DEFUSEDXML", False):
        raise DeskwfmError("Excel import needs openpyxl to use defusedxml; reinstall deskwfm")


def check_workbook_file(path: str | Path) -> None:
    """Raise InputError unless ``path`` looks like a safe .xlsx workbook."""
    p = Path(path)
    name = p.name
    if not p.is_file():
        raise InputError(f"{name}: no such file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{name}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{name}: the file is {size // 1_048_576} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB"
        )
    with p.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        data = p.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(
                f"{name} is password-protected (encrypted); open it in Excel, remove the password "
                "and save it again as .xlsx"
            )
        raise InputError(f"{name} is an old Excel .xls file; save it as .xlsx (Excel Workbook) first")
    if not zipfile.is_zipfile(p):
        raise InputError(f"{name} is not an Excel .xlsx workbook (it is not a zip archive)")
    try:
        with zipfile.ZipFile(p) as zf:
            _check_archive(name, zf, size)
    except zipfile.BadZipFile as exc:
        raise InputError(f"{name} is damaged and cannot be read as .xlsx ({exc})") from None


def _check_archive(name: str, zf: zipfile.ZipFile, file_size: int) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{name} holds {len(infos)} parts; that is not a plausible workbook")
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise InputError(f"{name} is not an Excel .xlsx workbook (no xl/workbook.xml inside)")
    declared = sum(i.file_size for i in infos)
    if declared > MAX_UNCOMPRESSED or declared > MAX_RATIO * max(file_size, 1) and declared > 1_048_576:
        raise _bomb(name)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{name} is password-protected (encrypted); remove the password first")
        if info.is_dir():
            continue
        total = _scan_member(name, zf, info, total, file_size)


def _bomb(name: str) -> InputError:
    return InputError(f"{name} expands to far more data than a workbook holds (a zip bomb?); refused")


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
    return InputError(
        f"{name}: part {part} declares XML entities (a DOCTYPE), which a real Excel file never "
        "does; refused as unsafe"
    )


def _check_prolog(name: str, part: str, prolog: bytes) -> None:
    """Catch a DOCTYPE hidden by a UTF-16 encoding (the byte scan looks for UTF-8 only)."""
    if prolog[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(prolog) > 1 and prolog[1:2] == b"\x00"):
        codec = "utf-16-be" if prolog[:2] == b"\xfe\xff" or prolog[:1] == b"\x00" else "utf-16-le"
        text = prolog.decode(codec, errors="ignore").upper()
        if "<!DOCTYPE" in text or "<!ENTITY" in text:
            raise _doctype(name, part)


def check_sheet_size(file_name: str, sheet: str, rows: int, cols: int) -> None:
    """Refuse a sheet with more rows or columns than any schedule plausibly has."""
    if rows > MAX_ROWS:
        raise InputError(f"{file_name}: sheet {sheet} has {rows:,} rows; the limit is {MAX_ROWS:,} per sheet")
    if cols > MAX_COLUMNS:
        raise InputError(f"{file_name}: sheet {sheet} has {cols:,} columns; the limit is {MAX_COLUMNS:,}")
