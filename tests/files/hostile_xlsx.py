"""Tiny hand-written .xlsx files that are hostile to a reader (no tests here).

Each is a zip written by hand, so a test can state exactly what the file holds: a header in A1
and one far cell, a ``<dimension>`` that lies or is missing, many sheets, a shared-strings table
that claims (or holds) millions of entries. Nothing here goes through openpyxl, whose own writer
would refuse or normalise what these files carry.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
WS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def column_letters(col: int) -> str:
    """1 -> A, 2000 -> BXX, 16384 -> XFD."""
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell(col: int, row: int, text: str | None = None, number: float | None = None) -> str:
    ref = f"{column_letters(col)}{row}"
    if text is not None:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    return f'<c r="{ref}"><v>{number if number is not None else 1}</v></c>'


@dataclass(frozen=True)
class Sheet:
    name: str
    rows_xml: str  # the content of <sheetData>
    dimension: str | None = None  # e.g. "A1:B2"; None writes no <dimension> element


def header_and_far_cell(name: str, col: int, row: int, dimension: str | None = "") -> Sheet:
    """A header in A1 and one number at (col, row); ``dimension`` "" writes the true one."""
    far = column_letters(col) + str(row)
    rows = f'<row r="1">{cell(1, 1, "Date")}</row><row r="{row}">{cell(col, row, number=7)}</row>'
    return Sheet(name, rows, f"A1:{far}" if dimension == "" else dimension)


def sheet_xml(sheet: Sheet) -> str:
    dim = f'<dimension ref="{sheet.dimension}"/>' if sheet.dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}">{dim}'
        f"<sheetData>{sheet.rows_xml}</sheetData></worksheet>"
    )


def write_xlsx(path: Path, sheets: Sequence[Sheet], shared_strings: str | None = None) -> Path:
    """A minimal workbook calamine and openpyxl both open; ``shared_strings`` is the whole
    ``xl/sharedStrings.xml`` text when given."""
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    if shared_strings is not None:
        types += (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{types}</Types>"
    )
    root_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    entries = "".join(
        f'<sheet name="{s.name}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1)
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL_NS}">'
        f"<sheets>{entries}</sheets></workbook>"
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{WS_REL}" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    if shared_strings is not None:
        rels += f'<Relationship Id="rIdS" Type="{SST_REL}" Target="sharedStrings.xml"/>'
    wb_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        for i, sheet in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet_xml(sheet))
        if shared_strings is not None:
            z.writestr("xl/sharedStrings.xml", shared_strings)
    return path


def shared_strings_xml(items: int, unique_count: int | None = None) -> str:
    count = items if unique_count is None else unique_count
    body = "<si><t>x</t></si>" * items
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{count}" '
        f'uniqueCount="{count}">{body}</sst>'
    )


def corrupt_member(src: Path, dest: Path, member: str, how: str) -> Path:
    """A copy of ``src`` with one member damaged on disk: ``deflate`` flips bytes inside its
    compressed stream, ``crc`` flips one byte of a stored (uncompressed) copy of it."""
    import io

    if how == "crc":
        buf = io.BytesIO()
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zout:
            for info in zin.infolist():
                zout.writestr(info.filename, zin.read(info.filename))
        data = bytearray(buf.getvalue())
    else:
        data = bytearray(src.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    if how == "crc":
        data[start + info.compress_size // 2] ^= 0x01
    else:
        for k in range(info.compress_size // 3, info.compress_size // 3 + 24):
            data[start + k] ^= 0x5A
    dest.write_bytes(bytes(data))
    return dest


def add_member(src: Path, dest: Path, member: str, data: bytes) -> Path:
    """A copy of ``src`` with one more zip member."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr(member, data)
    return dest
