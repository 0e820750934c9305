"""Print the schedule as a landscape wall chart (teams, codes, colours, daily head counts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg
from deskwfm.core.pay_range import pay_range
from deskwfm.core.periods import check_order
from deskwfm.files.atomic import atomic_output
from deskwfm.services.timesheets import PrintReport, Progress, check_pdf_target, check_progress
from deskwfm.services.workspace import Workspace

MAX_DAYS = 366


def print_schedule(
    ws: Workspace, start: date, end: date, target: Path, progress: Progress | None = None
) -> PrintReport:
    """Write the chart for start..end to ``target`` (whole or not at all). ``progress(done,
    total)`` is called per block of days; returning False cancels (PrintCancelled, no file)."""
    from deskwfm.files.pdf_coverage import CoverageInput
    from deskwfm.files.pdf_schedule import write_schedule_chart
    from deskwfm.services.forecast import staffing_between
    from deskwfm.services.schedule import load_schedule

    check_order(start, end)
    if (end - start).days + 1 > MAX_DAYS:
        raise InputError(msg("{start:date} to {end:date} is more than {limit} days; print a shorter range",
                             start=start, end=end, limit=MAX_DAYS))
    target = check_pdf_target(target)
    data = load_schedule(ws, start, end)
    shifts = [s for s in data.shifts if start <= s.work_date <= end]
    staffing = staffing_between(ws, start, end)  # the coverage pages (none without a forecast)
    coverage = CoverageInput(staffing.days, staffing.targets, staffing.week_start)
    with atomic_output(target) as out:
        pages = write_schedule_chart(
            out, data.site, data.employees, data.codes, shifts, data.holidays, start, end,
            progress=None if progress is None else lambda done, total: check_progress(progress, done, total),
            coverage=coverage,
        )
    return PrintReport((target,), len(data.employees), pages, pay_range(data.site, start, end))
