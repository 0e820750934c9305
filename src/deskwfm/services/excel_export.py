"""Export the schedule grid and the payroll totals as workbooks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from deskwfm.core.errors import InputError
from deskwfm.core.i18n import render
from deskwfm.core.messages import msg
from deskwfm.core.model import Employee, Shift
from deskwfm.core.pay_range import pay_range
from deskwfm.core.payroll import PayrollResult
from deskwfm.core.periods import check_order
from deskwfm.core.periods import days as days_between
from deskwfm.core.site import SiteSettings
from deskwfm.services.holiday_cache import holidays_between
from deskwfm.services.payroll import run_payroll
from deskwfm.services.workspace import Workspace

if TYPE_CHECKING:
    from deskwfm.files.xlsx_attendance import AttendanceLine

MAX_EXPORT_DAYS = 400
Progress = Callable[[int, int], None]


def _check_range(start: date, end: date) -> None:
    check_order(start, end)
    if (end - start).days + 1 > MAX_EXPORT_DAYS:
        raise InputError(msg("the range is {n:num} days; export at most {limit:num} at once",
                             n=(end - start).days + 1, limit=MAX_EXPORT_DAYS))


def _check_target(path: str | Path) -> Path:
    p = Path(path)
    if p.suffix.lower() != ".xlsx":
        raise InputError(msg("{file}: the file name must end in .xlsx", file=p.name))
    if not p.parent.exists():
        raise InputError(msg("{folder}: no such folder", folder=str(p.parent)))
    return p


def compute_range(
    ws: Workspace, start: date, end: date, *, hours_only: bool = False
) -> tuple[SiteSettings, list[Employee], PayrollResult]:
    """The site, the employees shown and their payroll for start..end (services.payroll).
    Paid hours without a pay rate are refused (one message naming each employee and date)
    unless ``hours_only``: the schedule workbook shows hours, which need no rate."""
    result = run_payroll(ws, start, end, allow_missing_rates=hours_only)
    site = ws.store.get_site() or SiteSettings()
    return site, [ep.employee for ep in result.employees], result


def export_schedule(
    ws: Workspace, start: date, end: date, path: str | Path, *, progress: Progress | None = None
) -> int:
    """Write the grid for start..end; returns the number of employee rows."""
    from deskwfm.files.xlsx_schedule import ScheduleRow, ScheduleSheet, write_schedule

    _check_range(start, end)
    target = _check_target(path)
    site, employees, result = compute_range(ws, start, end, hours_only=True)
    day_list = days_between(start, end)
    col = {d: i for i, d in enumerate(day_list)}
    codes = {c.code.upper(): c for c in ws.store.list_codes()}
    rows = []
    for ep in result.employees:
        cells: list[Shift | None] = [None] * len(day_list)
        for sp in ep.shifts:
            if sp.shift.work_date in col:  # not an overnight shift from the day before the range
                cells[col[sp.shift.work_date]] = sp.shift
        minutes = [dp.minutes.paid for dp in ep.days]
        rows.append(ScheduleRow(ep.employee, cells, minutes))
    title = msg("{site} · schedule {start:medium} to {end:medium}", site=site.name, start=start, end=end)
    note = msg(
        "Exported by deskwfm on {when:datetime}. Hours are paid hours by the day worked as computed then; "
        "cells edited here are not recounted (import the file back to recount).",
        when=datetime.now(),
    )
    sheet = ScheduleSheet(
        title, day_list, rows, codes, holidays_between(site.holiday_region, start, end), note
    )
    write_schedule(target, sheet, progress)
    return len(rows)


def export_payroll(
    ws: Workspace, start: date, end: date, path: str | Path, *, progress: Progress | None = None
) -> PayrollResult:
    """Write the payroll workbook for start..end; returns the result written."""
    from deskwfm.files.xlsx_payroll import write_payroll

    _check_range(start, end)
    target = _check_target(path)
    site, _employees, result = compute_range(ws, start, end)
    title = render(msg("{site} · payroll", site=site.name))
    write_payroll(target, result, title=title, pay_period=pay_range(site, start, end).is_pay_period,
                  week_start=site.week_start, currency=site.currency, progress=progress,
                  attendance=attendance_lines(ws, start, end))
    return result


def attendance_lines(ws: Workspace, start: date, end: date) -> list[AttendanceLine]:
    """The payroll workbook's actual/scheduled split (``services.attendance``): none for a site
    that pays the schedule and recorded no actual time in the range."""
    from deskwfm.core.timekeeping import PayBasis
    from deskwfm.files.xlsx_attendance import AttendanceLine
    from deskwfm.services.attendance import attendance

    basis = (ws.store.get_site() or SiteSettings()).timekeeping.pay_basis
    if basis is PayBasis.SCHEDULE and not ws.store.actual_between(start, end):
        return []
    return [
        AttendanceLine(
            r.employee.code, r.employee.name, r.employee.team, basis.value, r.scheduled_minutes,
            r.worked_minutes, r.adherence.adhered, r.adherence.scheduled, r.adherence.late, r.open_exceptions,
            r.blocking,
            ", ".join(loss.holiday.isoformat() for loss in r.holiday_losses),
        )
        for r in attendance(ws, start, end)
    ]
