"""The grid's plain-Python data: one ScheduleData plus the indexes and caches the views read.

No Qt here. Everything the models show is derived from this object; an edit's CellChanges are
applied to it and it reports which rows and day columns must be repainted. Pay and warnings
are computed per employee on first use (the rows a user actually looks at) and recomputed only
for employees whose shifts changed, so a 5,000-agent grid opens without pricing every row.
The sheet totals (the row under the row totals) add each row in as it is priced;
``price_some`` prices the rest a few rows at a time, so a big centre never blocks the window.

With a team filter the rows are that team's; the totals follow the rows, while the staffing
row ("Short") still counts every agent, since the call forecast is the whole centre's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from deskwfm.core.model import Employee, Shift, ShiftKind
from deskwfm.core.money import minutes_pay, round_cents
from deskwfm.core.payroll import EmployeePay, compute_employee, rate_on
from deskwfm.core.periods import days as days_between
from deskwfm.core.warnings import check_employee
from deskwfm.gui.staffing_row import StaffingRow
from deskwfm.gui.totals import DayTotals
from deskwfm.services.forecast import StaffingInput
from deskwfm.services.schedule import CellChange, ScheduleData

if TYPE_CHECKING:
    from deskwfm.gui.actual_state import ActualLayer

EN_DASH = "\u2013"
BREAK_MARK = "\u2615"  # ☕: "9–17 ☕12:30" is a break at 12:30, never a start at 12:30


class TotalsBasis(Enum):
    """What the totals beside the grid add up (the view and the site's pay basis choose it)."""

    SCHEDULE = "schedule"  # the plan, priced by the payroll engine (the Schedule view)
    ACTUAL = "actual"  # actual time, priced as payroll pays it (the site pays actual time)
    # Worked hours as recorded; leave, paid hours, overtime and gross as scheduled, since that
    # is what payroll pays (the Actual and Variance views of a site that pays the schedule).
    RECORDED = "recorded"


@dataclass(frozen=True, slots=True)
class RowTotals:
    """One row's hours for the shown range, with the meaning the timesheet and the payroll
    export give them: worked (regular, overtime, holiday worked), paid leave, and paid (worked +
    leave, except under ``TotalsBasis.RECORDED``, where worked is as recorded and paid as paid)."""

    worked_minutes: int
    leave_minutes: int
    overtime_minutes: int  # overtime and double time
    night_minutes: int
    gross: Decimal | None  # None: some paid shift has no pay rate on its date
    missing_rate: date | None  # the first such date
    paid_minutes: int

    @classmethod
    def of(cls, p: EmployeePay) -> RowTotals:
        """The totals of the payroll engine's result (a paid date without a rate: hours count,
        no gross)."""
        m = p.minutes
        gross = None if p.missing_rate else p.gross
        ot = m.overtime + m.double_time
        return cls(m.paid, m.leave, ot, m.night, gross, p.missing_rate, m.paid + m.leave)

    def with_worked(self, minutes: int) -> RowTotals:
        """These totals with ``minutes`` as the worked hours (the paid hours stay)."""
        return replace(self, worked_minutes=minutes)


RowPricer = Callable[[int], RowTotals]  # a row's totals under one basis


@dataclass(slots=True)
class SheetTotals:
    """The rows' totals added up (the totals row). ``priced`` rows of ``rows`` are in it."""

    rows: int
    priced: int = 0
    worked_minutes: int = 0
    leave_minutes: int = 0
    overtime_minutes: int = 0
    paid_minutes: int = 0
    gross: Decimal = Decimal("0.00")  # of the rows that have a gross
    no_rate: set[str] = field(default_factory=set)  # employee codes without a rate somewhere

    @property
    def complete(self) -> bool:
        return self.priced >= self.rows

    def add(self, code: str, t: RowTotals, sign: int) -> None:
        self.priced += sign
        self.worked_minutes += sign * t.worked_minutes
        self.leave_minutes += sign * t.leave_minutes
        self.paid_minutes += sign * t.paid_minutes
        self.overtime_minutes += sign * t.overtime_minutes
        if t.gross is None:
            if sign > 0:
                self.no_rate.add(code)
            else:
                self.no_rate.discard(code)
        else:
            self.gross += sign * t.gross


@dataclass(slots=True)
class TotalsBook:
    """The row totals under one basis, the totals row adding them up, and how far the
    background pricing got. The grid keeps one book per basis it has shown, so switching views
    back and forth reprices nothing that did not change."""

    price: RowPricer | None  # None: still being made (what it reads is read off the event loop)
    sheet: SheetTotals
    rows: dict[str, RowTotals] = field(default_factory=dict)
    next_to_price: int = 0

    def forget(self, code: str, row: int) -> None:
        self.next_to_price = min(self.next_to_price, row)
        old = self.rows.pop(code, None)
        if old is not None:
            self.sheet.add(code, old, -1)


@dataclass(frozen=True, slots=True)
class Carried:
    """Paid minutes on the first shown day from a shift that started the day before."""

    shift: Shift
    minutes: int


@dataclass(frozen=True, slots=True)
class SelectionSum:
    cells: int
    shifts: int
    minutes: int
    pay: Decimal
    unpriced: int = 0  # shifts on a date without a pay rate (not in ``pay``)


def display_text(shift: Shift) -> str:
    """What a cell shows, short enough for a narrow day column and unambiguous about the break:
    ``9–17``, ``22–6:30``, ``9–17 /30`` (a 30-minute break, centred), ``9–17 ☕12:30`` (the
    break starts at 12:30), ``D``, ``D ☕13:00``. The tooltip spells everything out."""
    at = shift.break_start if shift.break_minutes else None
    if shift.code:
        return shift.code if at is None else f"{shift.code} {BREAK_MARK}{at.hour}:{at.minute:02d}"
    if shift.start is None or shift.end is None:
        return ""
    times = f"{_short(shift.start)}{EN_DASH}{_short(shift.end)}"
    if not shift.break_minutes:
        return times
    if at is None:
        return f"{times} /{shift.break_minutes}"
    return f"{times} {BREAK_MARK}{at.hour}:{at.minute:02d}"


def _short(t: time) -> str:
    return f"{t.hour}" if t.minute == 0 else f"{t.hour}:{t.minute:02d}"


def folded(text: str) -> str:
    """Case- and accent-blind form for finding people: "Zoë" and "zoe" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class GridState:
    def __init__(
        self, data: ScheduleData, staffing: StaffingInput | None = None, team: str | None = None
    ) -> None:
        self.data = data
        self.site = data.site
        self.team = team
        self.days: list[date] = days_between(data.start, data.end)
        self.col_of: dict[date, int] = {d: i for i, d in enumerate(self.days)}
        self.employees: list[Employee] = [e for e in data.employees if team is None or e.team == team]
        self.row_of: dict[str, int] = {e.code: i for i, e in enumerate(self.employees)}
        self.team_start: list[bool] = [
            i == 0 or e.team != self.employees[i - 1].team for i, e in enumerate(self.employees)
        ]
        # Every active employee's cells (hidden teams too: the staffing row counts them).
        self.cells: dict[str, dict[date, Shift]] = {e.code: {} for e in data.employees}
        for s in data.shifts:
            row = self.cells.get(s.employee_code)
            if row is not None:
                row[s.work_date] = s
        self.day_totals = DayTotals(self.site.tz, self.days)
        everyone = self._shown_shifts()
        self.day_totals.add_all(s for s in everyone if s.employee_code in self.row_of)
        # Scheduled against the forecast per day (None: no staffing data was loaded yet).
        self.staffing: StaffingRow | None = None
        if staffing is not None:
            self.staffing = StaffingRow(
                self.site.tz, staffing.targets, self.days, staffing.forecast, everyone
            )
        # False while the window's first paint is under way: pay and warnings are then not
        # worked out (views show nothing for them) until ``pay_ready`` is set (ScheduleSession).
        self.pay_ready = True
        self._warnings: dict[str, dict[date, str]] = {}
        self.basis = TotalsBasis.SCHEDULE
        self._plan = TotalsBook(self._price_plan, SheetTotals(len(self.employees)))
        self._books: dict[TotalsBasis, TotalsBook] = {TotalsBasis.SCHEDULE: self._plan}
        self._book = self._plan
        self._folded = [(folded(e.code), folded(e.name)) for e in self.employees]
        # What was recorded in the shown cells (the Actual and Variance views); loaded on demand.
        self.actual: ActualLayer | None = None

    def _shown_shifts(self) -> list[Shift]:
        """Everyone's shifts that can reach a shown day (the data also holds the weeks before,
        for overtime and holiday pay): the day before the first shown day on. The Short row
        counts them all; the day totals only the rows shown (a team filter narrows those)."""
        lo, hi = self.days[0] - timedelta(days=1), self.days[-1]
        return [s for row in self.cells.values() for s in row.values() if lo <= s.work_date <= hi]

    def add_staffing(self, staffing: StaffingInput) -> set[int]:
        """Attach the Short row later (the window paints first); the day columns to repaint."""
        self.staffing = StaffingRow(
            self.site.tz, staffing.targets, self.days, staffing.forecast, self._shown_shifts()
        )
        return set(range(self.col_count))

    # -- reading -------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.employees)

    @property
    def col_count(self) -> int:
        return len(self.days)

    def teams(self) -> list[str]:
        """Teams of the active employees (filter or not), in grid order."""
        return list(dict.fromkeys(e.team for e in self.data.employees))

    def shift_at(self, row: int, col: int) -> Shift | None:
        return self.cells[self.employees[row].code].get(self.days[col])

    def pay(self, row: int) -> EmployeePay:
        """The payroll engine's result for a row (not kept: the grid keeps only its totals, so
        adding up 5,000 rows for the totals row does not hold 5,000 pay breakdowns)."""
        emp = self.employees[row]
        d = self.data
        return compute_employee(
            self.site, emp, d.rates.get(emp.code, []), list(self.cells[emp.code].values()),
            d.start, d.end, d.holidays,
        )

    def _price_plan(self, row: int) -> RowTotals:
        return RowTotals.of(self.pay(row))

    @property
    def sheet(self) -> SheetTotals:
        """The totals row of the basis shown."""
        return self._book.sheet

    def show_totals(self, basis: TotalsBasis, pricer: Callable[[], RowPricer] | None = None) -> None:
        """Show the totals of ``basis`` from now on; ``pricer`` makes its row pricer the first
        time that basis is shown (the plan's is built in). Without one, the totals of ``basis``
        are not ready (the views show none) until ``set_pricer``."""
        book = self._books.get(basis)
        if book is None:
            price = pricer() if pricer is not None else None
            book = self._books[basis] = TotalsBook(price, SheetTotals(len(self.employees)))
        self.basis = basis
        self._book = book

    def set_pricer(self, basis: TotalsBasis, pricer: RowPricer) -> None:
        self._books[basis].price = pricer

    def drop_totals(self, basis: TotalsBasis) -> None:
        """Forget the totals of ``basis`` (not the plan's) and show the plan's."""
        if basis is not TotalsBasis.SCHEDULE:
            self._books.pop(basis, None)
        self.show_totals(TotalsBasis.SCHEDULE)

    def has_totals(self, basis: TotalsBasis) -> bool:
        return basis in self._books

    @property
    def totals_ready(self) -> bool:
        """Whether the totals of the basis shown can be worked out (their inputs are read)."""
        return self._book.price is not None

    def row_totals(self, row: int) -> RowTotals:
        """The row's totals under the basis shown."""
        return self._totals_in(self._book, row)

    def planned_totals(self, row: int) -> RowTotals:
        """The row's totals of the plan, whatever the basis shown."""
        return self._totals_in(self._plan, row)

    def _totals_in(self, book: TotalsBook, row: int) -> RowTotals:
        code = self.employees[row].code
        got = book.rows.get(code)
        if got is None:
            if book.price is None:
                raise LookupError("the totals are not ready (see totals_ready)")
            got = book.rows[code] = book.price(row)
            book.sheet.add(code, got, 1)
        return got

    def price_some(self, n: int) -> bool:
        """Price up to ``n`` more rows for the totals row; True while rows are left."""
        book = self._book
        if book.price is None:
            return False  # started again once they are ready
        end = min(self.row_count, book.next_to_price + n)
        for r in range(book.next_to_price, end):
            self._totals_in(book, r)
        book.next_to_price = end
        return not book.sheet.complete and end < self.row_count

    def carried_in(self, row: int) -> Carried | None:
        """Hours on the first shown day from a shift that started the day before (a night
        shift from before the range), which the row's totals include."""
        before = self.days[0] - timedelta(days=1)
        s = self.cells[self.employees[row].code].get(before)
        if s is None:
            return None
        minutes = self.day_totals.minutes_on(s, self.days[0])
        return Carried(s, minutes) if minutes else None

    def carried_out(self, row: int) -> Carried | None:
        """Hours after the last shown day of a shift that starts on it (counted in the next range)."""
        last = self.days[-1]
        s = self.cells[self.employees[row].code].get(last)
        if s is None:
            return None
        minutes = self.day_totals.shift_minutes(s) - self.day_totals.minutes_on(s, last)
        return Carried(s, minutes) if minutes > 0 else None

    def warnings(self, row: int) -> dict[date, str]:
        """Warning messages of a row by work date (several rules on one cell joined by lines)."""
        if not self.pay_ready:
            return {}
        emp = self.employees[row]
        got = self._warnings.get(emp.code)
        if got is None:
            got = {}
            found = check_employee(
                self.site, emp, list(self.cells[emp.code].values()), self.data.start, self.data.end,
                self.data.rates.get(emp.code, []),
            )
            for w in found:
                prev = got.get(w.work_date)
                got[w.work_date] = f"{prev}\n{w.message}" if prev else str(w.message)
            self._warnings[emp.code] = got
        return got

    def find(self, needle: str) -> list[int]:
        """Rows whose employee code or name contains ``needle`` (case and accents ignored)."""
        n = folded(needle.strip())
        if not n:
            return []
        return [r for r, (code, name) in enumerate(self._folded) if n in code or n in name]

    def find_hidden(self, needle: str) -> list[Employee]:
        """Employees matching ``needle`` that the team filter hides."""
        n = folded(needle.strip())
        if not n or self.team is None:
            return []
        return [
            e for e in self.data.employees
            if e.code not in self.row_of and (n in folded(e.code) or n in folded(e.name))
        ]

    # -- changing ------------------------------------------------------------------------------
    def _forget(self, code: str) -> None:
        self._warnings.pop(code, None)
        row = self.row_of[code]
        for book in self._books.values():  # actual pay reads the plan too (leave, codes, holidays)
            book.forget(code, row)

    def forget_recorded(self, codes: Iterable[str]) -> None:
        """Reprice these employees' totals that read actual time (it changed); the plan's stay."""
        for code in codes:
            row = self.row_of.get(code)
            if row is None:
                continue
            for basis, book in self._books.items():
                if basis is not TotalsBasis.SCHEDULE:
                    book.forget(code, row)

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
            if ch.after is not None:
                cells[ch.work_date] = ch.after
            staffing_changes.append((old, ch.after))
            row = self.row_of.get(ch.employee_code)
            if row is None:  # a hidden team's cell (an undo after changing the filter)
                continue
            if old is not None:
                cols |= self.day_totals.add(old, -1)
            if ch.after is not None:
                cols |= self.day_totals.add(ch.after, 1)
            self._forget(ch.employee_code)
            rows.add(row)
            col = self.col_of.get(ch.work_date)
            if col is not None:
                cols.add(col)
        if self.staffing is not None and staffing_changes:
            cols |= self.staffing.change_many(staffing_changes)
        if self.actual is not None and rows:  # the Variance view compares with the new plan
            self.actual.forget(self.employees[r].code for r in rows)
        return rows, cols

    # -- selection -----------------------------------------------------------------------------
    def selection_sum(self, rects: list[tuple[int, int, int, int]]) -> SelectionSum:
        """Paid (and paid-leave) hours of the shifts in the selected rectangles (top, left,
        bottom, right; overlaps counted once) and their pay at the base rate in force on each
        shift's date (``core.payroll.rate_on``), one rounded line per rate (``core.money``).

        Deliberately not the payroll engine: a select-all over 5,000 rows must stay instant, and
        overtime belongs to whole weeks, not to an arbitrary block of cells.
        """
        per_row: dict[int, set[int]] = {}
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
        shifts = minutes = unpriced = 0
        by_rate: dict[Decimal, int] = {}
        days = self.days
        minutes_of = self.day_totals.shift_minutes
        for r, cols in per_row.items():
            code = self.employees[r].code
            emp_cells = self.cells[code]
            if not emp_cells:
                continue
            rates = self.data.rates.get(code, [])
            for c in cols:
                s = emp_cells.get(days[c])
                if s is None:
                    continue
                shifts += 1
                m = minutes_of(s)
                if not m:
                    continue
                minutes += m
                rate = rate_on(rates, s.work_date)
                if rate is None:
                    unpriced += 1
                else:
                    by_rate[rate] = by_rate.get(rate, 0) + m
        pay = sum((round_cents(minutes_pay(m, rate)) for rate, m in by_rate.items()), Decimal("0.00"))
        return SelectionSum(n, shifts, minutes, pay, unpriced)

    def is_work(self, shift: Shift | None) -> bool:
        return shift is not None and shift.kind is ShiftKind.WORK and shift.has_times



