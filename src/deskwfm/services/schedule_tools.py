"""Schedule editing built on ``apply_edits``: blocks, fills and copying a week forward.

The block and fill helpers are pure (they turn grid texts into CellEdits); ``copy_week`` reads
the source week and writes the next one in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from deskwfm.core.changes import How
from deskwfm.core.entry import format_entry
from deskwfm.services.schedule import CellChange, CellEdit, apply_edits, load_schedule
from deskwfm.services.workspace import Workspace


def block_edits(
    employee_codes: Sequence[str], dates: Sequence[date], block: Sequence[Sequence[str]]
) -> list[CellEdit]:
    """Edits placing ``block[i][j]`` at (employee_codes[i], dates[j])."""
    return [
        CellEdit(emp, d, text)
        for emp, row in zip(employee_codes, block, strict=True)
        for d, text in zip(dates, row, strict=True)
    ]


def fill_block(source: Sequence[str], rows: int, cols: int, *, down: bool) -> list[list[str]]:
    """A rows x cols block filled from ``source``: its first row copied down (``down``), or
    its first column copied right."""
    if down:
        return [list(source) for _ in range(rows)]
    return [[source[r]] * cols for r in range(rows)]


def week_copy_edits(
    shifts_by_cell: dict[tuple[str, date], str], employee_codes: Iterable[str], week_start: date
) -> list[CellEdit]:
    """Edits that make the week after ``week_start`` a copy of it (empty days clear)."""
    out = []
    for emp in employee_codes:
        for i in range(7):
            d = week_start + timedelta(days=i)
            out.append(CellEdit(emp, d + timedelta(days=7), shifts_by_cell.get((emp, d), "")))
    return out


def copy_week(
    ws: Workspace, week_start: date, employee_codes: Sequence[str] | None = None
) -> list[CellChange]:
    """Copy the 7 days from ``week_start`` onto the next 7 days, for the given employees (all
    active ones when None), as one transaction. Returns the cells that changed."""
    data = load_schedule(ws, week_start, week_start + timedelta(days=6))
    codes = list(employee_codes) if employee_codes is not None else [e.code for e in data.employees]
    last = week_start + timedelta(days=6)
    texts = {
        (s.employee_code, s.work_date): format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start)
        for s in data.shifts
        if week_start <= s.work_date <= last
    }
    return apply_edits(ws, week_copy_edits(texts, codes, week_start), How.COPY_WEEK)
