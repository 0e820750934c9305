"""Scheduled against actual, per employee, for the payroll screen, the payroll export and the
timesheets (which print the plan and what happened side by side and sign off the actual hours).

``attendance`` gives one summary row per employee (scheduled and worked minutes, variance,
adherence, late arrivals, open exceptions and, under the actual basis, the holidays whose pay was
withheld); ``actual_timesheets`` gives each employee's days with both entries, the variance and the
exceptions with how each was resolved. Minutes here are by work date (a night shift's hours count
on the date it began), as the grid shows them; the payroll's own figures are by the day worked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from deskwfm.core.actual import ActualDay, Source
from deskwfm.core.adherence import Adherence
from deskwfm.core.entry import format_entry
from deskwfm.core.exceptions import TimeException
from deskwfm.core.holiday_eligibility import HolidayLoss
from deskwfm.core.model import Employee
from deskwfm.core.periods import days as days_between
from deskwfm.core.timekeeping import PayBasis
from deskwfm.services.actual import cells_of, load_actual, now_minutes
from deskwfm.services.exceptions import adherence_of
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    employee: Employee
    scheduled_minutes: int
    worked_minutes: int
    adherence: Adherence
    open_exceptions: int  # not resolved (warnings and critical)
    blocking: int  # critical ones that stop approval (actual basis)
    holiday_losses: tuple[HolidayLoss, ...] = ()

    @property
    def variance_minutes(self) -> int:
        return self.worked_minutes - self.scheduled_minutes


@dataclass(frozen=True, slots=True)
class TimesheetDay:
    work_date: date
    scheduled: str  # the schedule's entry ("" for nothing)
    scheduled_minutes: int  # paid minutes of a scheduled work shift
    actual: str  # what was recorded, as it can be typed back
    worked_minutes: int
    source: Source | None  # None: nothing recorded
    source_detail: str
    note: str
    exceptions: tuple[TimeException, ...] = ()

    @property
    def variance_minutes(self) -> int:
        return self.worked_minutes - self.scheduled_minutes


@dataclass(frozen=True, slots=True)
class ActualTimesheet:
    """One employee's period: every day with the plan and what happened, the totals the
    employee signs for (``worked_minutes``), adherence and withheld holiday pay."""

    employee: Employee
    start: date
    end: date
    pay_basis: PayBasis
    days: tuple[TimesheetDay, ...]
    adherence: Adherence
    holiday_losses: tuple[HolidayLoss, ...] = field(default=())

    @property
    def scheduled_minutes(self) -> int:
        return sum(d.scheduled_minutes for d in self.days)

    @property
    def worked_minutes(self) -> int:
        return sum(d.worked_minutes for d in self.days)


def _losses(
    ws: Workspace, start: date, end: date, codes: Sequence[str] | None, team: str | None, now: int
) -> dict[str, list[HolidayLoss]]:
    site = ws.store.get_site()
    if site is None or site.timekeeping.pay_basis is not PayBasis.ACTUAL:
        return {}
    from deskwfm.services.payroll import payroll_with_losses

    return payroll_with_losses(ws, start, end, employee_codes=codes, team=team, now=now)[1]


def attendance(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    now: int | None = None,
    losses: Mapping[str, Sequence[HolidayLoss]] | None = None,
) -> list[AttendanceRow]:
    """One row per employee shown (active ones, and anyone with scheduled or recorded time).
    ``losses``: the withheld holiday pay when the caller has just run the payroll
    (``services.payroll.payroll_with_losses``), so it is not run again."""
    moment = now_minutes() if now is None else now
    ctx = load_actual(ws, start, end, employee_codes=employee_codes, team=team)
    cells = cells_of(ctx, moment)
    adh = adherence_of(ctx, [e for c in cells.values() for e in c.exceptions], moment)
    if losses is None:
        losses = _losses(ws, start, end, employee_codes, team, moment)
    totals: dict[str, list[int]] = {}
    for (code, _d), c in cells.items():
        t = totals.setdefault(code, [0, 0, 0, 0])
        t[0] += c.scheduled_minutes
        t[1] += c.worked_minutes
        t[2] += sum(1 for e in c.exceptions if not e.resolved)
        t[3] += sum(1 for e in c.exceptions if e.blocks)
    out = []
    for e in ctx.employees:
        s, w, open_, blocking = totals.get(e.code, [0, 0, 0, 0])
        out.append(
            AttendanceRow(
                e,
                s,
                w,
                adh.employees.get(e.code, Adherence()),
                open_,
                blocking,
                tuple(losses.get(e.code, ())),
            )
        )
    return out


def actual_timesheets(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    now: int | None = None,
) -> list[ActualTimesheet]:
    """What each employee's timesheet shows of scheduled and actual time (every day of the range)."""
    moment = now_minutes() if now is None else now
    ctx = load_actual(ws, start, end, employee_codes=employee_codes, team=team)
    cells = cells_of(ctx, moment)
    adh = adherence_of(ctx, [e for c in cells.values() for e in c.exceptions], moment)
    losses = _losses(ws, start, end, employee_codes, team, moment)
    out = []
    for e in ctx.employees:
        days = []
        for d in days_between(start, end):
            c = cells.get((e.code, d))
            if c is None:
                days.append(TimesheetDay(d, "", 0, "", 0, None, "", ""))
                continue
            s = c.scheduled
            planned = (
                format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start) if s is not None else ""
            )
            rec: ActualDay | None = c.day
            days.append(
                TimesheetDay(
                    d,
                    planned,
                    c.scheduled_minutes,
                    c.text,
                    c.worked_minutes,
                    rec.source if rec is not None else None,
                    rec.source_detail if rec is not None else "",
                    rec.note if rec is not None else "",
                    c.exceptions,
                )
            )
        out.append(
            ActualTimesheet(
                e,
                start,
                end,
                ctx.site.timekeeping.pay_basis,
                tuple(days),
                adh.employees.get(e.code, Adherence()),
                tuple(losses.get(e.code, ())),
            )
        )
    return out
