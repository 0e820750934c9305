"""Schedule use cases: load a range for the grid, set cells, undo/redo them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode
from deskwfm.core.site import SiteSettings
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class CellEdit:
    """What the user typed into one grid cell (employee row x date column)."""

    employee_code: str
    work_date: date
    text: str  # parsed by deskwfm.core.entry.parse_entry; "" or an OFF code clears


@dataclass(frozen=True, slots=True)
class CellChange:
    """One cell's state before and after an edit; None = empty. Undo applies after->before."""

    employee_code: str
    work_date: date
    before: Shift | None
    after: Shift | None


@dataclass(frozen=True, slots=True)
class ScheduleData:
    """Everything the grid needs for a range, as plain core objects.

    ``shifts`` covers ``load_from..load_to`` (wider than start..end: whole work weeks plus the
    lookback the payroll engine needs), so totals can be computed without another query.
    """

    site: SiteSettings
    employees: list[Employee]  # active ones, ordered by team then code
    codes: dict[str, ShiftCode]  # UPPER-CASE code -> ShiftCode
    rates: dict[str, list[PayRate]]  # employee code -> rates sorted by effective_from
    shifts: list[Shift]
    holidays: dict[date, str]
    start: date
    end: date
    load_from: date
    load_to: date


def load_schedule(ws: Workspace, start: date, end: date) -> ScheduleData:
    raise NotImplementedError


def apply_edits(ws: Workspace, edits: list[CellEdit]) -> list[CellChange]:
    """Parse every edit first; any bad one raises InputError naming the cell
    (``"AG014 Tue 2026-11-24: "25-3": hour 25 is not a time; ..."``) and nothing is written.
    Otherwise all are written in one transaction and the changes returned (unchanged cells
    omitted)."""
    raise NotImplementedError


def revert(ws: Workspace, changes: list[CellChange], *, redo: bool = False) -> list[CellChange]:
    """Undo (restore ``before``) or redo (restore ``after``) a list of changes, one transaction.
    Refuses with StaleEditError if a cell no longer holds what the change left there."""
    raise NotImplementedError
