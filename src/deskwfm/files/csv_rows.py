"""Reading a .csv a user gives us, with bounds: a line at a time, refusing a file too large, a
line too long or too many lines before they cost more than a few MB or a second (a 50 MB
line, 40 million empty lines). The forecast and actual-time readers share it; each says in
its own words what its lines should hold."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from deskwfm.core.errors import InputError
from deskwfm.core.messages import Msg, msg
from deskwfm.files.xlsx_safety import MAX_FILE_BYTES, MAX_ROWS


@dataclass(frozen=True)
class CsvBounds:
    max_line: int  # characters in one line
    max_fields: int  # kept per row
    header_scan: int  # lines the delimiter sniffer looks at
    delimiters: str
    too_many_lines: Callable[[str, int], Msg]  # (file, limit) -> the refusal
    line_too_long: Callable[[str, int, int], Msg]  # (file, line, limit) -> the refusal


def read_csv_rows(p: Path, bounds: CsvBounds, limit: int | None = None) -> list[list[Any]]:
    """The rows of ``p`` (the first ``limit`` lines when given), as text."""
    if not p.is_file():
        raise InputError(msg("{file}: no such file", file=p.name))
    if p.stat().st_size > MAX_FILE_BYTES:
        raise InputError(
            msg("{file}: the file is larger than {limit:num} MB", file=p.name,
                limit=MAX_FILE_BYTES // 1_048_576)
        )
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            lines = _bounded_lines(p.name, fh, bounds)
            return _parse(p.name, lines if limit is None else itertools.islice(lines, limit), bounds)
    except UnicodeDecodeError:
        raise InputError(
            msg("{file} is not a UTF-8 text file; save it from Excel as CSV UTF-8", file=p.name)
        ) from None


def _parse(file_name: str, lines: Iterator[str], bounds: CsvBounds) -> list[list[Any]]:
    head = list(itertools.islice(lines, bounds.header_scan))
    try:
        dialect: Any = csv.Sniffer().sniff("".join(head)[:8192], delimiters=bounds.delimiters)
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(itertools.chain(head, lines), dialect)
    rows: list[list[Any]] = []
    row_start = 1  # the line the next row starts on
    try:
        for row in reader:
            if len(rows) == MAX_ROWS:
                raise InputError(bounds.too_many_lines(file_name, MAX_ROWS))
            rows.append(row[: bounds.max_fields])
            row_start = reader.line_num + 1
    except csv.Error:  # a quoted field left open until it passes csv's field size limit
        raise InputError(
            msg(
                "{file}: the row starting on line {line:num} is not valid CSV (a quote left open?); "
                "save the file from Excel as CSV UTF-8",
                file=file_name,
                line=row_start,
            )
        ) from None
    return rows


def _bounded_lines(file_name: str, fh: TextIO, bounds: CsvBounds) -> Iterator[str]:
    """The file's lines, refusing one longer than the bound without reading all of it."""
    number = 0
    while line := fh.readline(bounds.max_line + 1):
        number += 1
        if len(line) > bounds.max_line:
            raise InputError(bounds.line_too_long(file_name, number, bounds.max_line))
        yield line
