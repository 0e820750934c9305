"""Timesheet rows: the shifts of one employee's pay, laid out as a signed timesheet prints them.

Hours belong to the day they are worked (``core.payroll``), so a night shift's minutes can
fall on two calendar days, two work weeks or two pay periods. A timesheet prints one row per
shift with that shift's own minutes, listed on its work date. Where some of its minutes fall
in another work week of the range, they continue on a *carried* row in that week, so each
week's subtotal is the engine's work week (the one weekly overtime is counted on); where they
fall outside the range, the row says where they went (``elsewhere``) and a shift that began
before the range appears as a carried row with only the minutes inside it.

Everything adds up by construction: the rows of a week sum to that week's minutes, and the
weeks to ``EmployeePay.minutes``. No formatting here; the PDF and xlsx writers print these.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from deskwfm.core.model import Shift
from deskwfm.core.payroll import DayPay, EmployeePay, MinuteTotals
from deskwfm.core.periods import week_start_of


class RowKind(StrEnum):
    SHIFT = "shift"  # the shift's own row, on its work date
    CARRIED = "carried"  # minutes of a shift begun in an earlier week or before the range


class Where(StrEnum):
    """Where minutes of a row's shift went that are not on the row."""

    BEFORE_RANGE = "before_range"  # the previous pay period (not on this timesheet)
    PREVIOUS_WEEK = "previous_week"
    NEXT_WEEK = "next_week"
    AFTER_RANGE = "after_range"  # the next pay period (not on this timesheet)


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """``minutes`` (worked or leave) of the row's shift on ``day``, counted ``where``."""

    day: date
    minutes: int
    where: Where


@dataclass(frozen=True, slots=True)
class TimesheetRow:
    kind: RowKind
    day: date  # listed on: the work date (SHIFT) or the first day of the carried minutes
    shift: Shift
    minutes: MinuteTotals  # what this row adds to its week
    parts: tuple[DayPay, ...]  # the calendar days of this row's minutes, in order
    elsewhere: tuple[Elsewhere, ...] = ()

    @property
    def split_over_days(self) -> bool:
        """True when the row's minutes fall on more than one calendar day."""
        return sum(1 for p in self.parts if _total(p.minutes)) > 1


@dataclass(frozen=True, slots=True)
class TimesheetDay:
    pay: DayPay  # the engine's day (its holiday name)
    rows: tuple[TimesheetRow, ...]


@dataclass(frozen=True, slots=True)
class TimesheetWeek:
    start: date  # first day of the work week inside the range
    end: date
    days: tuple[TimesheetDay, ...]
    minutes: MinuteTotals  # the sum of the week's rows

    @property
    def rows(self) -> tuple[TimesheetRow, ...]:
        return tuple(r for d in self.days for r in d.rows)


def _total(m: MinuteTotals) -> int:
    return m.paid + m.leave


def _sum(parts: tuple[DayPay, ...]) -> MinuteTotals:
    return sum((p.minutes for p in parts), MinuteTotals())


def _rows_of(shift: Shift, parts: tuple[DayPay, ...], start: date, end: date, week_start: int
             ) -> list[TimesheetRow]:
    """The rows of one shift: one per work week its in-range minutes fall in, and its own
    row on its work date (even with no minutes: a day off, unpaid leave)."""
    inside: dict[date, list[DayPay]] = defaultdict(list)
    for p in parts:
        if start <= p.day <= end:
            inside[week_start_of(p.day, week_start)].append(p)
    own_week = week_start_of(shift.work_date, week_start) if start <= shift.work_date <= end else None
    if own_week is not None:
        inside.setdefault(own_week, [])
    rows = []
    for week, group in sorted(inside.items()):
        mine = tuple(group)
        others = []
        for p in parts:
            if p in mine or not _total(p.minutes):
                continue
            if p.day < start:
                where = Where.BEFORE_RANGE
            elif p.day > end:
                where = Where.AFTER_RANGE
            else:
                where = Where.PREVIOUS_WEEK if p.day < week else Where.NEXT_WEEK
            others.append(Elsewhere(p.day, _total(p.minutes), where))
        if week == own_week:
            rows.append(TimesheetRow(RowKind.SHIFT, shift.work_date, shift, _sum(mine), mine, tuple(others)))
        else:
            rows.append(TimesheetRow(RowKind.CARRIED, mine[0].day, shift, _sum(mine), mine, tuple(others)))
    return rows


def timesheet_weeks(ep: EmployeePay, week_start: int) -> tuple[TimesheetWeek, ...]:
    """The rows of ``ep`` by work week and day (every day of ep.start..ep.end, with or
    without rows). ``week_start`` is the site's first day of the work week."""
    by_day: dict[date, list[TimesheetRow]] = defaultdict(list)
    for sp, parts in zip(ep.shifts, ep.shift_days, strict=True):
        for row in _rows_of(sp.shift, parts, ep.start, ep.end, week_start):
            by_day[row.day].append(row)
    weeks: list[TimesheetWeek] = []
    current: list[TimesheetDay] = []
    for dp in ep.days:
        rows = sorted(by_day.get(dp.day, ()), key=lambda r: (r.kind is RowKind.SHIFT, r.shift.work_date))
        current.append(TimesheetDay(dp, tuple(rows)))
        last_of_week = week_start_of(dp.day, week_start) + timedelta(days=6)
        if dp.day == last_of_week or dp.day == ep.end:
            total = sum((r.minutes for d in current for r in d.rows), MinuteTotals())
            weeks.append(TimesheetWeek(current[0].pay.day, dp.day, tuple(current), total))
            current = []
    return tuple(weeks)
