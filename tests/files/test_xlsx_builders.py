"""Builders of small workbooks for the Excel tests (no tests here)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SHIFTS_HEADER = ["Employee code", "Date", "Start", "End", "Unpaid break (min)", "Code", "Note"]
EMPLOYEES_HEADER = [
    "Code",
    "Name",
    "Team",
    "Hourly rate",
    "Rate from",
    "Contract hours/week",
    "Max hours/week",
    "Active",
]
CODES_HEADER = ["Code", "Start", "End", "Unpaid break (min)", "Kind", "Colour"]


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """Write ``{sheet name: rows}``; strings are written as text cells (never formulas)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is None:
                    continue
                cell = ws.cell(r, c, value)
                if isinstance(value, str):
                    cell.data_type = "s"
    wb.save(str(path))
    return path


def replace_part(src: Path, dest: Path, part: str, data: bytes) -> Path:
    """Copy a workbook, swapping one zip member's content."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == part else zin.read(info.filename))
    return dest
