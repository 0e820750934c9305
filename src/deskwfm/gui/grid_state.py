"""The grid's plain-Python data: one ScheduleData plus the indexes and caches the views read.

No Qt here. Everything the models show is derived from this object; an edit's CellChanges are
applied to it and it reports which rows and day columns must be repainted. Pay and warnings
are computed per employee on first use (the rows a user actually looks at) and recomputed only
for employees whose shifts changed, so a 5,000-agent grid opens without pricing every row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.payroll import EmployeePay, compute_employee
from deskwfm.core.periods import days as days_between
from deskwfm.core.warnings import check_employee
from deskwfm.gui.staffing_row import StaffingRow
from deskwfm.gui.totals import DayTotals
from deskwfm.services.forecast import StaffingInput
from deskwfm.services.schedule import CellChange, ScheduleData

EN_DASH = "\u2013"


@dataclass(frozen=True, slots=True)
class RowTotals:
    paid_minutes: int  # worked plus paid leave
    worked_minutes: int
    leave_minutes: int
    overtime_minutes: int
    night_minutes: int
    gross: Decimal


@dataclass(frozen=True, slots=True)
class SelectionSum:
    cells: int
    shifts: int
    minutes: int
    pay: Decimal


def display_text(shift: Shift) -> str:
    """What a cell shows: the code, else ``09:00–17:30``. A break with a set start is added
    compactly so it fits the day column: ``D @13:00``, ``9–17 @12:30``."""
    at = shift.break_start if shift.break_minutes else None
    if shift.code:
        return shift.code if at is None else f"{shift.code} @{at:%H:%M}"
    if shift.start is None or shift.end is None:
        return ""
    if at is None:
        return f"{shift.start:%H:%M}{EN_DASH}{shift.end:%H:%M}"
    return f"{_short(shift.start)}{EN_DASH}{_short(shift.end)} @{at:%H:%M}"


def _short(t: time) -> str:
    return f"{t.hour}" if t.minute == 0 else f"{t.hour}:{t.minute:02d}"


def rate_on(rates: list[PayRate], d: date) -> Decimal:
    current = Decimal("0")
    for r in rates:
        if r.effective_from <= d:
            current = r.hourly
        else:
            break
    return current


class GridState:
    def __init__(self, data: ScheduleData, staffing: StaffingInput | None = None) -> None:
        self.data = data
        self.site = data.site
        self.days: list[date] = days_between(data.start, data.end)
        self.col_of: dict[date, int] = {d: i for i, d in enumerate(self.days)}
        self.employees: list[Employee] = list(data.employees)
        self.row_of: dict[str, int] = {e.code: i for i, e in enumerate(self.employees)}
        self.team_start: list[bool] = [
            i == 0 or e.team != self.employees[i - 1].team for i, e in enumerate(self.employees)
        ]
        self.cells: dict[str, dict[date, Shift]] = {e.code: {} for e in self.employees}
        for s in data.shifts:
            row = self.cells.get(s.employee_code)
            if row is not None:
                row[s.work_date] = s
        self.day_totals = DayTotals(self.site.tz, self.days)
        # Only shifts that can reach a shown day count under the grid (the data also holds the
        # weeks before, for overtime and holiday pay): the day before the first shown day on.
        lo, hi = self.days[0] - timedelta(days=1), self.days[-1]
        shown = [s for row in self.cells.values() for s in row.values() if lo <= s.work_date <= hi]
        self.day_totals.add_all(shown)
        # Scheduled against the forecast per day (None: no staffing data was loaded).
        self.staffing: StaffingRow | None = None
        if staffing is not None:
            self.staffing = StaffingRow(self.site.tz, staffing.targets, self.days, staffing.forecast, shown)
        self._pay: dict[str, EmployeePay] = {}
        self._warnings: dict[str, dict[date, str]] = {}

    # -- reading -------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.employees)

    @property
    def col_count(self) -> int:
        return len(self.days)

    def shift_at(self, row: int, col: int) -> Shift | None:
        return self.cells[self.employees[row].code].get(self.days[col])

    def pay(self, row: int) -> EmployeePay:
        emp = self.employees[row]
        got = self._pay.get(emp.code)
        if got is None:
            d = self.data
            got = compute_employee(
                self.site,
                emp,
                d.rates.get(emp.code, []),
                list(self.cells[emp.code].values()),
                d.start,
                d.end,
                d.holidays,
            )
            self._pay[emp.code] = got
        return got

    def row_totals(self, row: int) -> RowTotals:
        m = self.pay(row).minutes
        return RowTotals(
            m.paid + m.leave, m.paid, m.leave, m.overtime + m.double_time, m.night, self.pay(row).gross
        )

    def warnings(self, row: int) -> dict[date, str]:
        """Warning messages of a row by work date (several rules on one cell joined by lines)."""
        emp = self.employees[row]
        got = self._warnings.get(emp.code)
        if got is None:
            got = {}
            found = check_employee(
                self.site, emp, list(self.cells[emp.code].values()), self.data.start, self.data.end
            )
            for w in found:
                prev = got.get(w.work_date)
                got[w.work_date] = f"{prev}\n{w.message}" if prev else w.message
            self._warnings[emp.code] = got
        return got

    # -- changing ------------------------------------------------------------------------------
    def apply(self, changes: Iterable[CellChange]) -> tuple[set[int], set[int]]:
        """Put each change's ``after`` in place; return (rows, day columns) to repaint."""
        rows: set[int] = set()
        cols: set[int] = set()
        staffing_changes: list[tuple[Shift | None, Shift | None]] = []
        for ch in changes:
            cells = self.cells.get(ch.employee_code)
            if cells is None:
                continue
            if not self.data.load_from <= ch.work_date <= self.data.load_to:
                continue
            old = cells.pop(ch.work_date, None)
            if old is not None:
                cols |= self.day_totals.add(old, -1)
            if ch.after is not None:
                cells[ch.work_date] = ch.after
                cols |= self.day_totals.add(ch.after, 1)
            staffing_changes.append((old, ch.after))
            self._pay.pop(ch.employee_code, None)
            self._warnings.pop(ch.employee_code, None)
            rows.add(self.row_of[ch.employee_code])
            col = self.col_of.get(ch.work_date)
            if col is not None:
                cols.add(col)
        if self.staffing is not None and staffing_changes:
            cols |= self.staffing.change_many(staffing_changes)
        return rows, cols

    # -- selection -----------------------------------------------------------------------------
    def selection_sum(self, rects: list[tuple[int, int, int, int]]) -> SelectionSum:
        """Paid (and paid-leave) hours of the shifts in the selected rectangles (top, left,
        bottom, right; overlaps counted once) and their pay at the base rate.

        Deliberately not the payroll engine: a select-all over 5,000 rows must stay instant, and
        overtime belongs to whole weeks, not to an arbitrary block of cells.
        """
        per_row: dict[int, set[int]] = {}
        n = 0
        if len(rects) == 1:
            top, left, bottom, right = rects[0]
            cols = set(range(left, right + 1))
            per_row = dict.fromkeys(range(top, bottom + 1), cols)
            n = len(per_row) * len(cols)
        else:
            for top, left, bottom, right in rects:
                for r in range(top, bottom + 1):
                    per_row.setdefault(r, set()).update(range(left, right + 1))
            n = sum(len(c) for c in per_row.values())
        shifts = minutes = 0
        pay = Decimal("0")
        days = self.days
        minutes_of = self.day_totals.shift_minutes
        for r, cols in per_row.items():
            code = self.employees[r].code
            emp_cells = self.cells[code]
            if not emp_cells:
                continue
            row_minutes: dict[date, int] = {}
            for c in cols:
                s = emp_cells.get(days[c])
                if s is not None:
                    shifts += 1
                    m = minutes_of(s)
                    if m:
                        row_minutes[s.work_date] = m
            if row_minutes:
                rates = self.data.rates.get(code, [])
                if len(rates) == 1:
                    total = sum(row_minutes.values())
                    minutes += total
                    pay += total * rates[0].hourly
                else:
                    for d, m in row_minutes.items():
                        minutes += m
                        pay += m * rate_on(rates, d)
        return SelectionSum(n, shifts, minutes, (pay / 60).quantize(Decimal("0.01")))

    def is_work(self, shift: Shift | None) -> bool:
        return shift is not None and shift.kind is ShiftKind.WORK and shift.has_times
