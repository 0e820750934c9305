"""The grid's Actual and Variance views as plain data (no Qt): what was recorded in each shown
cell, beside the schedule the grid already holds.

``ActualLayer`` sits on a ``GridState``: the schedule comes from the state (so an edit of the plan
shows at once in the Variance view), the recorded days and absence codes from
``services.actual.recorded_between``. Each row's cells (``services.actual.ActualCell``: entry text,
worked and scheduled minutes, exceptions) are worked out by ``services.actual.cells_of`` — the
same code ``deskwfm actual show`` and the payroll use — the first time the row is painted, and
again only when that row's schedule or actual time changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay
from deskwfm.core.changes import Applied
from deskwfm.core.exceptions import TimeException
from deskwfm.gui.grid_state import GridState
from deskwfm.services.actual import ActualCell, ActualContext, cells_of, now_minutes


@dataclass(frozen=True, slots=True)
class ActualSum:
    """What a selection adds up to in the Actual view."""

    cells: int
    recorded: int  # cells with something recorded
    worked_minutes: int
    scheduled_minutes: int


class ActualLayer:
    def __init__(
        self, state: GridState, recorded: Iterable[ActualDay], codes: Mapping[str, AbsenceCode]
    ) -> None:
        self.state = state
        self.codes = dict(codes)
        self.now = now_minutes()
        self.days: dict[str, dict[date, ActualDay]] = {}
        first, last = state.days[0], state.days[-1]
        for d in recorded:
            if first <= d.work_date <= last:
                self.days.setdefault(d.employee_code, {})[d.work_date] = d
        self._rows: dict[str, dict[date, ActualCell]] = {}

    # -- reading -------------------------------------------------------------------------------
    def row(self, r: int) -> dict[date, ActualCell]:
        """The cells of row ``r`` with something scheduled or recorded, by work date."""
        code = self.state.employees[r].code
        got = self._rows.get(code)
        if got is None:
            got = self._rows[code] = self._compute(r)
        return got

    def cell(self, r: int, c: int) -> ActualCell | None:
        return self.row(r).get(self.state.days[c])

    def recorded(self, r: int, c: int) -> ActualDay | None:
        return self.days.get(self.state.employees[r].code, {}).get(self.state.days[c])

    def _compute(self, r: int) -> dict[date, ActualCell]:
        st = self.state
        emp = st.employees[r]
        first, last = st.days[0], st.days[-1]
        shifts = [s for d, s in st.cells[emp.code].items() if first <= d <= last]
        ctx = ActualContext(
            st.site, [emp], shifts, list(self.days.get(emp.code, {}).values()), self.codes, first, last
        )
        return {day: cell for (_code, day), cell in cells_of(ctx, self.now).items()}

    def exceptions(self) -> list[TimeException]:
        """Every exception of the rows and days shown, row by row (works out the rows not yet seen)."""
        return [e for r in range(self.state.row_count) for c in self.row(r).values() for e in c.exceptions]

    def selection_sum(self, cells: Iterable[tuple[int, int]]) -> ActualSum:
        n = recorded = worked = scheduled = 0
        for r, c in cells:
            n += 1
            cell = self.cell(r, c)
            if cell is None:
                continue
            recorded += cell.day is not None and not cell.day.empty
            worked += cell.worked_minutes
            scheduled += cell.scheduled_minutes
        return ActualSum(n, recorded, worked, scheduled)

    # -- changing ------------------------------------------------------------------------------
    def forget(self, codes: Iterable[str]) -> set[int]:
        """Work these employees' cells and the totals that read their actual time out again
        when next painted (their schedule or actual time changed); the rows shown for them."""
        rows: set[int] = set()
        self.now = now_minutes()
        codes = list(codes)
        self.state.forget_recorded(codes)
        for code in codes:
            self._rows.pop(code, None)
            row = self.state.row_of.get(code)
            if row is not None:
                rows.add(row)
        return rows

    def apply(self, applied: Iterable[Applied]) -> set[int]:
        """Put each written day's ``after`` in place; the rows to repaint."""
        codes: set[str] = set()
        first, last = self.state.days[0], self.state.days[-1]
        for a in applied:
            code, day = a.key
            assert isinstance(code, str) and isinstance(day, date)
            if not first <= day <= last:
                continue
            row = self.days.setdefault(code, {})
            if isinstance(a.after, ActualDay):
                row[day] = a.after
            else:
                row.pop(day, None)
            codes.add(code)
        return self.forget(codes)
