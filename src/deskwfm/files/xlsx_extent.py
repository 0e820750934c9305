"""How far each sheet of an .xlsx reaches, found by streaming its XML, never by loading it.

python-calamine turns a sheet into one dense block from its first to its last used cell, and
``to_python(skip_empty_area=False)`` pads that block out to A1. So a 1.6 KB file holding a header
in A1 and one number in XFD1048576 asks for 17 billion cells (512 GB) and the process aborts
inside Rust, past any ``except``. The sheet's ``<dimension ref="...">`` cannot be trusted (it is
optional, and nothing stops it from lying), so the extent is read from the cells themselves:
``scan_part`` streams a zip member and follows calamine's own rules for where a cell sits (its
``r`` attribute, or the running row and column when ``r`` is absent), stopping at the first cell
that reaches too far. The shared-strings table is counted the same way, because calamine
reserves room for its announced ``uniqueCount`` before it reads a single string.

Every member is scanned, whatever its name, so no trick in the relationship parts can hide a
sheet from the scan; ``workbook_parts`` (which mirrors how calamine 0.36 finds the sheets) only
gives the scanned parts their sheet names for messages and counts each sheet as often as the
workbook lists it.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any
from xml.parsers import expat

_CHUNK = 1 << 20
_MAX_MAP_PART = 16 * 1024 * 1024  # workbook.xml and the relationship parts are a few KB
_DIGITS = re.compile(rb"0*([0-9]{1,40})")  # 40 digits: any usize calamine could reserve, exactly
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


class BadXml(ValueError):
    """A part is not well-formed XML (or declares entities); ``part`` names it."""

    def __init__(self, part: str, detail: str) -> None:
        super().__init__(f"{part}: {detail}")
        self.part = part
        self.detail = detail


class EntitiesDeclared(BadXml):
    """A part carries a DOCTYPE or entity declarations, which no Excel file does."""


@dataclass
class WorkbookParts:
    """The sheets calamine would load, in order, as (sheet name, zip member)."""

    sheets: list[tuple[str, str]] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _attr(attrs: dict[str, str], local: str) -> str | None:
    for key, value in attrs.items():
        if _local(key) == local:
            return value
    return None


def _elements(zf: zipfile.ZipFile, member: str | None) -> list[tuple[str, dict[str, str]]]:
    """(local name, attributes) of every element of a small part; [] when it is absent or
    unreadable (the names are for messages; the scan of every part does not depend on them)."""
    if member is None:
        return []
    out: list[tuple[str, dict[str, str]]] = []
    parser = _parser(member)
    parser.StartElementHandler = lambda name, attrs: out.append((_local(name), attrs))
    try:
        _feed(parser, member, _chunks(zf, member, _MAX_MAP_PART))
    except BadXml:
        return []
    return out


def workbook_parts(zf: zipfile.ZipFile) -> WorkbookParts:
    """The workbook's sheets and their zip members, found the way calamine finds them."""
    by_lower = {n.replace("\\", "/").lower(): n for n in zf.namelist()}

    def find(path: str) -> str | None:
        return by_lower.get(path.lower())

    xl_path = "xl/"
    for tag, attrs in _elements(zf, find("_rels/.rels")):
        if tag == "Relationship" and attrs.get("Type") == _OFFICE_DOCUMENT and attrs.get("Target"):
            target = attrs["Target"]
            xl_path = target[: target.rfind("/") + 1].removeprefix("/") if "/" in target else ""
    targets = {
        attrs["Id"]: attrs["Target"]
        for tag, attrs in _elements(zf, find(xl_path + "_rels/workbook.xml.rels"))
        if tag == "Relationship" and "Id" in attrs and "Target" in attrs
    }
    parts = WorkbookParts()
    for tag, attrs in _elements(zf, find(xl_path + "workbook.xml")):
        if tag != "sheet":
            continue
        sheet_target = targets.get(_attr(attrs, "id") or "")
        if sheet_target is None:
            continue
        member = find(sheet_target[1:] if sheet_target.startswith("/") else xl_path + sheet_target)
        if member is not None:
            parts.sheets.append((attrs.get("name", member), member))
    return parts


def _chunks(zf: zipfile.ZipFile, member: str, budget: int) -> Iterator[bytes]:
    """The member's bytes in chunks; past ``budget`` bytes the part counts as malformed."""
    seen = 0
    with zf.open(member) as fh:
        while chunk := fh.read(_CHUNK):
            seen += len(chunk)
            if seen > budget:
                raise BadXml(member, "the part is far larger than this kind of part ever is")
            yield chunk


def _utf16_xml(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe<\x00", b"\xfe\xff\x00<", b"<\x00", b"\x00<"))


def _cut_chunks(zf: zipfile.ZipFile, member: str, budget: int) -> Iterator[bytes]:
    """The member as UTF-8 bytes (a UTF-16 XML part is transcoded) in pieces that each end just
    before a ``<``, so no tag is split between two pieces."""
    decoder: codecs.IncrementalDecoder | None = None
    tail = b""
    for i, raw in enumerate(_chunks(zf, member, budget)):
        if i == 0 and _utf16_xml(raw[:4]):
            decoder = codecs.getincrementaldecoder("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff")
                                                   else "utf-16-le" if raw[:1] == b"<" else "utf-16-be")(
                errors="replace")
        chunk = decoder.decode(raw).encode("utf-8") if decoder else raw
        buf = tail + chunk
        cut = buf.rfind(b"<")
        buf, tail = (buf[:cut], buf[cut:]) if cut >= 0 else (buf, b"")
        yield buf
    yield tail


def _refuse_entities(member: str) -> Callable[..., None]:
    def handler(*_args: Any) -> None:
        raise EntitiesDeclared(member, "declares XML entities (a DOCTYPE)")

    return handler


def _parser(member: str) -> Any:
    """An expat parser that refuses DTDs and entities, as defusedxml does."""
    parser: Any = expat.ParserCreate()
    parser.buffer_text = True
    refuse = _refuse_entities(member)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _feed(parser: Any, member: str, chunks: Iterator[bytes]) -> None:
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise BadXml(member, f"not well-formed XML (line {exc.lineno}, column {exc.offset + 1})") from None


FAR = 10**12  # stands for any row or column number too long to be worth computing


def column_number(letters: str) -> int:
    """A -> 1, XFD -> 16384 (any case, as calamine reads it); FAR past four letters."""
    if len(letters) > 4:
        return FAR
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _row_number(digits: str) -> int:
    """``"0012"`` -> 12; FAR past twelve digits (int() refuses 4,300 and is slow long before)."""
    digits = digits.lstrip("0")
    return FAR if len(digits) > 12 else int(digits or "0")


def column_letters(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


class _Stop(Exception):
    pass


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _cell_position(ref: str, columns: dict[str, int]) -> tuple[int, int] | None:
    """``B12`` -> (11, 1), 0-based as calamine counts; None when calamine would refuse the
    reference (it then fails the whole sheet, which allocates nothing)."""
    digits = ref.lstrip(_LETTERS)
    letters = ref[: len(ref) - len(digits)]
    col = columns.get(letters)
    if col is None:
        col = columns[letters] = column_number(letters)
    if not (col and digits.isascii() and digits.isdigit()):
        return None
    row = _row_number(digits)
    return (row - 1, col - 1) if row else None


# The quick bound (see _quick_scan). A cell tag is ``<c`` (or ``<prefix:c``) ended by
# whitespace, ``>`` or ``/``. A tagged one has ``r`` first; whatever follows the quote (even a
# value that is no cell reference, which makes calamine refuse the sheet) is for _ANY_REF.
_TAG = re.compile(rb"<(?:[^\s<>/!?:]+:)?c[\s/>]")
_TAG_ENDS = (b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b">", b"/")
_TAG_REF = re.compile(rb"<(?:[^\s<>/!?:]+:)?c\s+r\s*=\s*[\"']")
_ANY_REF = re.compile(rb"r\s*=\s*[\"']([A-Za-z]{1,5})[A-Za-z]*?0*([0-9]{1,12})")


_SI = re.compile(rb"<(?:[^\s<>/!?:]+:)?si[\s/>]")
_UNIQUE = re.compile(rb"uniqueCount\s*=\s*[\"']([^\"'<>]*)")


@dataclass
class _Quick:
    """What the byte patterns saw in one part."""

    tags: int = 0  # cell start tags
    tagged: int = 0  # ... of which have ``r`` as their first attribute
    rows: int = 0  # the largest row of any ``r="A1"``-like text
    letters: set[bytes] = field(default_factory=set)  # ... and the column letters of each
    listed: int = 0  # shared-string entries (``<si>`` tags)
    announced: int = 0  # the largest ``uniqueCount`` (calamine reserves that many up front)

    def bound(self) -> tuple[int, int] | None:
        if self.tags != self.tagged:
            return None
        cols = max((column_number(x.decode("ascii")) for x in self.letters), default=0)
        return (self.rows, cols) if self.rows and cols else (0, 0)


def _quick_scan(zf: zipfile.ZipFile, member: str, budget: int, max_strings: int) -> _Quick:
    """One pass of byte patterns over a part (any part: binary ones simply match nothing).

    The bound it gives holds when every cell tag has ``r`` as its first attribute: calamine
    then places each cell where one of its ``r`` values says (it keeps the last of duplicates),
    and every text of the form ``...r="LETTERS DIGITS`` in the part is counted, so no position
    is missed. Otherwise (a cell without ``r``, ``r`` after another attribute) ``bound()`` is
    None and only a real parse can tell. Shared strings are counted here too (``<si>`` tags
    and any ``uniqueCount``), in every part, so no mapping of parts can hide the table."""
    q = _Quick()
    for buf in _cut_chunks(zf, member, budget):
        if b":c" in buf:  # a prefixed cell tag may be present
            q.tags += len(_TAG.findall(buf))
            q.tagged += len(_TAG_REF.findall(buf))
        else:  # plain tags only: counting bytes is ten times faster than a pattern
            q.tags += sum(buf.count(b"<c" + end) for end in _TAG_ENDS)
            q.tagged += buf.count(b'<c r="') + buf.count(b"<c r='")
        if q.tags == q.tagged and (found := _ANY_REF.findall(buf)):
            q.rows = max(q.rows, max(map(int, map(itemgetter(1), found))))  # <= 12 digits each
            q.letters.update(map(itemgetter(0), found))
        if b"si" in buf:
            q.listed += len(_SI.findall(buf))
        if b"uniqueCount" in buf:
            counts = (int(d) for value in _UNIQUE.findall(buf) for d in _DIGITS.findall(value))
            q.announced = max(q.announced, *counts, 0)
        if max(q.listed, q.announced) > max_strings:
            break
    return q


_ROW_TAG = re.compile(rb"</?(?:[^\s<>/!?:]+:)?row[\s/>]")
_R_VALUE = re.compile(rb"r\s*=\s*[\"']([A-Za-z]{0,5})[A-Za-z]*?0*([0-9]{1,12})")


def _lenient_bound(zf: zipfile.ZipFile, member: str, budget: int) -> tuple[int, int]:
    """An upper bound for a part expat cannot parse but calamine, which is lenient (it does
    not check end tags, for one), might still read: no row can pass the largest row any
    ``r`` names plus one per row tag, no column the largest column plus one per cell tag."""
    rows = cols = row_tags = cell_tags = 0
    for buf in _cut_chunks(zf, member, budget):
        row_tags += len(_ROW_TAG.findall(buf))
        cell_tags += len(_TAG.findall(buf))
        for letters, digits in _R_VALUE.findall(buf):
            rows = max(rows, int(digits))
            cols = max(cols, column_number(letters.decode("ascii")))
    return rows + row_tags + 1, cols + cell_tags + 1


def _exact_range(
    zf: zipfile.ZipFile, member: str, budget: int, fits: Callable[[int, int], bool]
) -> tuple[int, int]:
    """The extent by a real parse, following calamine's running row and column."""
    row = col = max_row = max_col = 0  # row, col: 0-based running position
    cell: tuple[int, int] | None = None  # the open cell's position (None: none, or unusable)
    in_cell = filled = False
    columns: dict[str, int] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row, col, cell, in_cell, filled
        if in_cell:
            filled = True  # any child (v, is, f) may give the cell a value
        elif name == "c" or (":" in name and name.endswith(":c")):
            ref = attrs.get("r")
            cell = (row, col) if ref is None else _cell_position(ref, columns)
            if cell is not None:
                col = cell[1]
            in_cell, filled = True, False
        elif name == "row" or (":" in name and name.endswith(":row")):
            ref = attrs.get("r")
            digits = ref.lstrip(_LETTERS) if ref is not None else ""
            if digits.isascii() and digits.isdigit() and _row_number(digits):
                row = _row_number(digits) - 1

    def end(name: str) -> None:
        nonlocal row, col, in_cell, max_row, max_col
        if name == "c" or (":" in name and name.endswith(":c")):
            if filled and cell is not None and (cell[0] >= max_row or cell[1] >= max_col):
                max_row = max(max_row, cell[0] + 1)
                max_col = max(max_col, cell[1] + 1)
                if not fits(max_row, max_col):
                    raise _Stop
            col += 1
            in_cell = False
        elif name == "row" or (":" in name and name.endswith(":row")):
            row += 1
            col = 0

    parser = _parser(member)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with contextlib.suppress(_Stop):
        _feed(parser, member, _chunks(zf, member, budget))
    return max_row, max_col


@dataclass(frozen=True, slots=True)
class PartScan:
    """One zip member as calamine would see it, were it loaded as a sheet or string table."""

    rows: int  # 1-based last row and column of the cells with something in them (0: none);
    cols: int  # possibly only as far as the scan went before ``fits`` refused
    strings: int  # shared-string entries listed or announced
    malformed: str | None = None  # why expat refused the part (rows/cols are then a bound)


def scan_part(
    zf: zipfile.ZipFile, member: str, budget: int, fits: Callable[[int, int], bool], max_strings: int
) -> PartScan:
    """What loading ``member`` would cost calamine, without loading it.

    The byte patterns come first (~1 s for 1.6 million cells); when they cannot tell, or their
    bound does not fit (they also count cells that hold nothing, such as styled blanks, which
    calamine drops), expat reads the part and only cells with something in them count (~3x
    slower), stopping at the first extent ``fits`` refuses. A part expat cannot parse gets
    the lenient bound. Raises EntitiesDeclared for a DOCTYPE."""
    quick = _quick_scan(zf, member, budget, max_strings)
    strings = max(quick.listed, quick.announced)
    if strings > max_strings:
        return PartScan(0, 0, strings)
    bound = quick.bound()
    if bound is not None and fits(*bound):
        return PartScan(*bound, strings)
    try:
        return PartScan(*_exact_range(zf, member, budget, fits), strings)
    except EntitiesDeclared:
        raise
    except BadXml as exc:
        return PartScan(*_lenient_bound(zf, member, budget), strings, malformed=exc.detail)
