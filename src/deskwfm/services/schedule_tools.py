"""Schedule editing built on ``apply_edits``: blocks, fills and copying a week forward.

The block and fill helpers are pure (they turn grid texts into CellEdits). ``copy_week`` reads
the source and the target week and writes the target in one transaction; ``plan_week_copy``
counts what it would touch, so the GUI can ask before replacing a week that is already built.
Leave and sickness are copied only when asked: a vacation is not a pattern.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from deskwfm.core.changes import How
from deskwfm.core.entry import format_entry
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.services.schedule import CellChange, CellEdit, apply_edits
from deskwfm.services.workspace import Workspace

_WEEK = timedelta(days=7)


class CopyMode(Enum):
    REPLACE = "replace"  # the target week becomes a copy (days empty in the source are cleared)
    FILL_EMPTY = "fill_empty"  # only the target week's empty cells are filled


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


def _is_leave(s: Shift) -> bool:
    return s.kind in (ShiftKind.PAID_LEAVE, ShiftKind.UNPAID_LEAVE)


def _text(s: Shift) -> str:
    return format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start)


def week_copy_edits(
    source: dict[tuple[str, date], Shift],
    target: dict[tuple[str, date], Shift],
    employee_codes: Iterable[str],
    week_start: date,
    *,
    mode: CopyMode = CopyMode.REPLACE,
    include_leave: bool = False,
) -> list[CellEdit]:
    """Edits that copy the week from ``week_start`` onto the next one. Each edit expects the
    target cell to hold what was read (so nothing changed meanwhile is overwritten). Without
    ``include_leave``, leave in the source is not copied and leave in the target is kept."""
    out: list[CellEdit] = []
    for emp in employee_codes:
        for i in range(7):
            d = week_start + timedelta(days=i)
            src = source.get((emp, d))
            dst = target.get((emp, d + _WEEK))
            if src is not None and _is_leave(src) and not include_leave:
                continue
            if dst is not None and (mode is CopyMode.FILL_EMPTY or (_is_leave(dst) and not include_leave)):
                continue
            if src is None and dst is None:
                continue
            out.append(CellEdit(emp, d + _WEEK, "" if src is None else _text(src), check=True, expected=dst))
    return out


@dataclass(frozen=True, slots=True)
class WeekCopyPlan:
    """What copying a week forward would meet (the GUI asks before replacing)."""

    week_start: date
    employees: int
    source_shifts: int  # work shifts in the source week
    source_leave: int  # leave and sickness in the source week (copied only if asked)
    target_shifts: int  # filled cells of the target week (any kind)
    target_leave: int  # of which leave and sickness

    @property
    def target_start(self) -> date:
        return self.week_start + _WEEK


def _read(
    ws: Workspace, week_start: date, employee_codes: Sequence[str] | None
) -> tuple[list[str], dict[tuple[str, date], Shift], dict[tuple[str, date], Shift]]:
    codes = (
        list(employee_codes)
        if employee_codes is not None
        else [e.code for e in ws.store.list_employees(include_inactive=False)]
    )
    wanted = set(codes)
    shifts = ws.store.shifts_between(week_start, week_start + timedelta(days=13), codes)
    cells = {(s.employee_code, s.work_date): s for s in shifts if s.employee_code in wanted}
    last = week_start + timedelta(days=6)
    source = {k: s for k, s in cells.items() if k[1] <= last}
    target = {k: s for k, s in cells.items() if k[1] > last}
    return codes, source, target


def plan_week_copy(
    ws: Workspace, week_start: date, employee_codes: Sequence[str] | None = None
) -> WeekCopyPlan:
    """Count the source week's shifts and leave and the target week's filled cells."""
    codes, source, target = _read(ws, week_start, employee_codes)
    return WeekCopyPlan(
        week_start,
        len(codes),
        sum(1 for s in source.values() if not _is_leave(s)),
        sum(1 for s in source.values() if _is_leave(s)),
        len(target),
        sum(1 for s in target.values() if _is_leave(s)),
    )


def copy_week(
    ws: Workspace,
    week_start: date,
    employee_codes: Sequence[str] | None = None,
    *,
    mode: CopyMode = CopyMode.REPLACE,
    include_leave: bool = False,
) -> list[CellChange]:
    """Copy the 7 days from ``week_start`` onto the next 7 days, for the given employees (all
    active ones when None), in one transaction: all or nothing. StaleEditError if a target cell
    changed between the read and the write. Returns the cells that changed."""
    codes, source, target = _read(ws, week_start, employee_codes)
    edits = week_copy_edits(source, target, codes, week_start, mode=mode, include_leave=include_leave)
    return apply_edits(ws, edits, How.COPY_WEEK)
