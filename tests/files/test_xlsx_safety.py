"""Hostile files are refused before any parser touches them, quickly and with a clear message."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl.xml
import pytest

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.files import xlsx_safety
from deskwfm.files.xlsx_read import read_workbook
from tests.files.test_xlsx_builders import SHIFTS_HEADER, replace_part, workbook

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return workbook(
        tmp_path / "good.xlsx", {"Shifts": [SHIFTS_HEADER, ["AG001", "2026-03-02", "9:00", "17:00"]]}
    )


def refused(path: Path, match: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(InputError, match=match):
        read_workbook(path, {})
    assert time.perf_counter() - t0 < 2.0


def test_a_good_file_passes(good: Path) -> None:
    assert len(read_workbook(good, {}).shifts) == 1


def test_not_a_zip(tmp_path: Path) -> None:
    p = tmp_path / "names.xlsx"
    p.write_text("code,name\nAG001,Alex\n")
    refused(p, "names.xlsx is not an Excel .xlsx workbook \\(it is not a zip archive\\)")


def test_empty_file_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    refused(tmp_path / "empty.xlsx", "the file is empty")
    refused(tmp_path / "nope.xlsx", "nope.xlsx: no such file")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    p = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    refused(p, "no xl/workbook.xml inside")


def test_password_protected_workbook(tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream.
    p = tmp_path / "locked.xlsx"
    p.write_bytes(
        OLE
        + b"\x00" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 20
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 4000
    )
    refused(p, "locked.xlsx is password-protected \\(encrypted\\)")


def test_old_xls(tmp_path: Path) -> None:
    p = tmp_path / "old.xlsx"
    p.write_bytes(OLE + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 4000)
    refused(p, "old Excel .xls file; save it as .xlsx")


def test_zip_encrypted_member(good: Path, tmp_path: Path) -> None:
    # Set the "encrypted" bit of every entry, in the local headers and the central directory.
    data = bytearray(good.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            data[i + flag_at] |= 0x1
            i = data.find(sig, i + 4)
    p = tmp_path / "zipcrypto.xlsx"
    p.write_bytes(bytes(data))
    refused(p, "password-protected")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">
<si><t>&lol3;</t></si></sst>"""

XXE_SHEET = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"""


def test_billion_laughs(good: Path, tmp_path: Path) -> None:
    p = replace_part(good, tmp_path / "laughs.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    refused(p, "declares XML entities \\(a DOCTYPE\\).*refused as unsafe")


def test_external_entity(good: Path, tmp_path: Path) -> None:
    p = replace_part(good, tmp_path / "xxe.xlsx", "xl/worksheets/sheet1.xml", XXE_SHEET)
    refused(p, "xxe.xlsx: part xl/worksheets/sheet1.xml declares XML entities")


def test_entities_hidden_in_utf16(good: Path, tmp_path: Path) -> None:
    data = "\ufeff" + XXE_SHEET.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    p = replace_part(good, tmp_path / "u16.xlsx", "xl/worksheets/sheet1.xml", data.encode("utf-16-le"))
    refused(p, "declares XML entities")


def test_zip_bomb_by_ratio(good: Path, tmp_path: Path) -> None:
    # 60 MB of one repeated row compresses ~1000:1; refused before any XML parser runs.
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    bomb = b"<worksheet><sheetData>" + row * (60_000_000 // len(row)) + b"</sheetData></worksheet>"
    p = replace_part(good, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", bomb)
    assert p.stat().st_size < 1_000_000
    refused(p, "expands to far more data than a workbook holds \\(a zip bomb\\?\\); refused")


def test_total_uncompressed_cap(good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_safety, "MAX_UNCOMPRESSED", 2_000)
    refused(good, "a zip bomb")


def test_too_many_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_safety, "MAX_ROWS", 100)
    rows = [SHIFTS_HEADER] + [["AG001", f"2026-03-{1 + i % 28:02d}", "9:00", "17:00"] for i in range(150)]
    p = workbook(tmp_path / "long.xlsx", {"Shifts": rows})
    refused(p, "long.xlsx: sheet Shifts has data reaching cell G101 \\(101 rows × 7 columns = 707 cells\\); "
                "a sheet may have at most 100 rows")


def test_defusedxml_is_checked_at_start(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
    with pytest.raises(DeskwfmError, match="needs openpyxl to use defusedxml"):
        read_workbook(good, {})
