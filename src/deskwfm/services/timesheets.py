"""Print timesheets: payroll engine results rendered as PDF, one file or one per employee.

Files appear whole or not at all: a PDF is rendered in memory and written to a temporary file
beside its target, then renamed (``files.atomic``); ``--split`` writes into a temporary folder
inside the target folder and moves the files out only when every one is done. A full disk is one
message naming the file or folder; new files follow the user's umask like any saved file.
A progress callback that returns False cancels the run (the GUI's Cancel button) and leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.exceptions import TimeException
from deskwfm.core.messages import Msg, msg
from deskwfm.core.pay_range import PayRange, pay_range
from deskwfm.core.payroll import EmployeePay, PayrollResult
from deskwfm.core.periods import check_order
from deskwfm.core.site import SiteSettings
from deskwfm.files.atomic import atomic_output, create_file, release, write_bytes, write_failure
from deskwfm.services.workspace import Workspace

if TYPE_CHECKING:
    from deskwfm.files.pdf_actual import ActualSection
    from deskwfm.files.pdf_timesheet import TimesheetContext

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class PrintCancelled(DeskwfmError):
    def __init__(self) -> None:
        super().__init__(msg("printing was cancelled; no file was written"))


@dataclass(frozen=True, slots=True)
class PrintReport:
    files: tuple[Path, ...]
    employees: int
    pages: int
    range: PayRange | None = None  # what the documents cover (labelled "Pay period" or not)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def split_file_name(ep: EmployeePay) -> str:
    """``AG014_2026-11-01_2026-11-14.pdf``: the code (made safe for any file system) and period."""
    code = _UNSAFE.sub("-", ep.employee.code).strip(".-") or "employee"
    return f"{code}_{ep.start:%Y-%m-%d}_{ep.end:%Y-%m-%d}.pdf"


@dataclass(frozen=True, slots=True)
class SignOff:
    """Whether a run's timesheets are final: a locked pay period's name who approved and who
    locked it; anything else is stamped DRAFT. ``lines``: employee code -> the line printed."""

    draft: bool
    lines: dict[str, str]


def signoff_for(ws: Workspace, start: date, end: date) -> SignOff:
    """The sign-off of timesheets for start..end (rendered in the current language)."""
    from deskwfm.core.i18n import render
    from deskwfm.services.periods import locked_state

    state = locked_state(ws, start, end)
    approvals = {a.employee_code: a for a in ws.store.approvals([start]) if a.period_end == end}
    lines: dict[str, str] = {}
    if state is not None:
        locked = msg("pay period locked by {who} on {day:date}", who=state.locked_by,
                     day=state.locked_at.date() if state.locked_at else state.start)
        for code, a in approvals.items():
            lines[code] = render(msg("Approved by {who} on {day:date} · {locked}", who=a.approved_by,
                                     day=a.approved_at.date(), locked=locked))
        return SignOff(False, lines)
    for code, a in approvals.items():
        lines[code] = render(msg(
            "DRAFT — approved by {who} on {day:date}, but the pay period is not locked: these figures can "
            "still change", who=a.approved_by, day=a.approved_at.date(),
        ))
    return SignOff(True, lines)


def _not_approved_line() -> str:
    from deskwfm.core.i18n import tr

    return tr("DRAFT — not approved, and the pay period is not locked: these figures can still change")


def context_for(site: SiteSettings, pays: Sequence[EmployeePay], generated: datetime | None = None,
                signoff: SignOff | None = None) -> TimesheetContext:
    """What the timesheets of one run share; their range is headed "Pay period" only when it
    is one of the site's pay periods. Without ``signoff`` nothing is said about approval."""
    from deskwfm.files.pdf_timesheet import TimesheetContext

    lines: dict[str, str] = {}
    if signoff is not None:
        fallback = _not_approved_line() if signoff.draft else ""
        lines = {ep.employee.code: signoff.lines.get(ep.employee.code, fallback) for ep in pays}
    return TimesheetContext(
        site_name=site.name, tz=site.tz, week_start=site.week_start, currency=site.currency,
        generated=generated or datetime.now(ZoneInfo(site.tz)), pay_period=_is_pay_period(site, pays),
        draft=signoff is not None and signoff.draft, signoffs=lines,
    )


def _is_pay_period(site: SiteSettings, pays: Sequence[EmployeePay]) -> bool:
    return all(pay_range(site, ep.start, ep.end).is_pay_period for ep in pays[:1])


def _range(site: SiteSettings, pays: Sequence[EmployeePay]) -> PayRange | None:
    return pay_range(site, pays[0].start, pays[0].end) if pays else None


def check_progress(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; PrintCancelled when the callback says stop."""
    if progress is not None and progress(done, total) is False:
        raise PrintCancelled()


def write_timesheets(
    pays: Sequence[EmployeePay], site: SiteSettings, target: Path, progress: Progress | None = None,
    generated: datetime | None = None, actual: Mapping[str, ActualSection] | None = None,
    signoff: SignOff | None = None,
) -> PrintReport:
    """All timesheets in one PDF, each employee starting on a new page; ``actual`` (employee
    code -> ``actual_sections``) adds scheduled and actual time side by side."""
    from deskwfm.files.pdf_timesheet import TimesheetWriter

    target = Path(target)
    pages = 0
    with atomic_output(target) as out:
        writer = TimesheetWriter(out, context_for(site, pays, generated, signoff))
        check_progress(progress, 0, len(pays))
        for i, ep in enumerate(pays, start=1):
            pages += writer.add(ep, (actual or {}).get(ep.employee.code))
            check_progress(progress, i, len(pays))
        writer.close()
    return PrintReport((target,), len(pays), pages, _range(site, pays))


def write_split(
    pays: Sequence[EmployeePay], site: SiteSettings, folder: Path, progress: Progress | None = None,
    generated: datetime | None = None, actual: Mapping[str, ActualSection] | None = None,
    signoff: SignOff | None = None,
) -> PrintReport:
    """One PDF per employee in ``folder`` (created if missing), named by code and period."""
    from deskwfm.files.pdf_timesheet import TimesheetWriter

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(msg("{folder} is a file, not a folder", folder=str(folder)))
    names = [split_file_name(ep) for ep in pays]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise InputError(
            msg("two employees would share the file name {file}; rename a code", file=sorted(dup)[0])
        )
    ctx = context_for(site, pays, generated, signoff)
    pages = 0
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".deskwfm-timesheets-", dir=folder))
    except OSError as exc:
        _remove_if_empty(folder, created)
        raise _split_failure(exc, folder, folder) from None
    current = folder
    try:
        check_progress(progress, 0, len(pays))
        for i, (ep, name) in enumerate(zip(pays, names, strict=True), start=1):
            out = io.BytesIO()
            writer = TimesheetWriter(out, ctx, title=f"Timesheet {ep.employee.code}")
            pages += writer.add(ep, (actual or {}).get(ep.employee.code))
            writer.close()
            current = folder / name
            create_file(work / name, out.getbuffer())
            check_progress(progress, i, len(pays))
        files = []
        for name in names:
            os.replace(work / name, folder / name)
            files.append(folder / name)
    except OSError as exc:
        error = _split_failure(exc, current, folder)
        release(exc)
        raise error from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
        _remove_if_empty(folder, created)
    return PrintReport(tuple(files), len(pays), pages, _range(site, pays))


def _remove_if_empty(folder: Path, created: bool) -> None:
    """A folder this run made and filled with nothing (it failed or was cancelled) goes again."""
    if created:
        with contextlib.suppress(OSError):
            folder.rmdir()  # refuses a folder that is not empty


def _split_failure(exc: OSError, file: Path, folder: Path) -> DeskwfmError:
    """``file``: the timesheet being written (or the folder, before the first one)."""
    return write_failure(exc, file, msg("no timesheet was written to {folder}", folder=str(folder)),
                         folder=folder)


def check_pdf_target(target: Path) -> Path:
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        raise InputError(msg("{file}: the output file must end in .pdf", file=str(target)))
    return target


def copy_document(source: Path, target: Path) -> Path:
    """Save an already written PDF (the one previewed) as ``target``, whole or not at all."""
    target = check_pdf_target(target)
    write_bytes(target, Path(source).read_bytes())
    return target


def load_pays(
    ws: Workspace, start: date, end: date, employee_codes: Sequence[str] | None = None,
    team: str | None = None,
) -> tuple[SiteSettings, list[EmployeePay]]:
    """The payroll engine's results for the selection (the numbers every timesheet prints)."""
    from deskwfm.services.payroll import run_payroll
    from deskwfm.services.site import get_site

    check_order(start, end, period=True)
    result: PayrollResult = run_payroll(ws, start, end, employee_codes=list(employee_codes) if employee_codes
                                        else None, team=team)
    pays = list(result.employees)
    if not pays:
        if team:
            raise InputError(msg('no employees to print for team "{team}" in {start:date} to {end:date}',
                                 team=team, start=start, end=end))
        raise InputError(msg("no employees to print for the selection in {start:date} to {end:date}",
                             start=start, end=end))
    return get_site(ws), pays


def print_timesheets(
    ws: Workspace, start: date, end: date, *, target: Path | None = None, split_dir: Path | None = None,
    employee_codes: Sequence[str] | None = None, team: str | None = None, progress: Progress | None = None,
) -> PrintReport:
    """Compute pay for the selection and write the timesheets (one file, or one per employee)."""
    if (target is None) == (split_dir is None):
        raise InputError(msg("give either an output FILE.pdf or --split DIR"))
    b = load_batch(ws, start, end, employee_codes, team)
    if split_dir is not None:
        return write_split(b.pays, b.site, split_dir, progress, actual=b.actual, signoff=b.signoff)
    assert target is not None
    return write_timesheets(b.pays, b.site, check_pdf_target(target), progress, actual=b.actual,
                            signoff=b.signoff)


@dataclass(frozen=True, slots=True)
class TimesheetBatch:
    """Everything one run of timesheets prints: the pay, scheduled against actual time, and
    whether they are final (``signoff``)."""

    site: SiteSettings
    pays: list[EmployeePay]
    signoff: SignOff | None = None
    actual: Mapping[str, ActualSection] | None = None


def load_batch(
    ws: Workspace, start: date, end: date, employee_codes: Sequence[str] | None = None,
    team: str | None = None,
) -> TimesheetBatch:
    site, pays = load_pays(ws, start, end, employee_codes, team)
    actual = actual_sections(ws, start, end, [ep.employee.code for ep in pays])
    return TimesheetBatch(site, pays, signoff_for(ws, start, end), actual)


def actual_sections(
    ws: Workspace, start: date, end: date, codes: Sequence[str]
) -> dict[str, ActualSection]:
    """Scheduled and actual time for each employee's timesheet (``services.attendance``): none
    for a site that pays the schedule and recorded no actual time in the range."""
    from deskwfm.core.timekeeping import PayBasis
    from deskwfm.files.pdf_actual import ActualDayLine, ActualSection, lines_of
    from deskwfm.services.attendance import actual_timesheets
    from deskwfm.services.site import get_site

    site = get_site(ws)
    pays_actual = site.timekeeping.pay_basis is PayBasis.ACTUAL
    if not codes or (not pays_actual and not ws.store.actual_between(start, end, codes)):
        return {}
    out: dict[str, ActualSection] = {}
    for sheet in actual_timesheets(ws, start, end, employee_codes=codes):
        days = [
            ActualDayLine(
                d.work_date, d.scheduled, d.actual, d.scheduled_minutes, d.worked_minutes,
                tuple(_exception_text(e) for e in d.exceptions), any(e.blocks for e in d.exceptions),
            )
            for d in sheet.days
        ]
        notes = tuple(loss.reason for loss in sheet.holiday_losses)
        out[sheet.employee.code] = ActualSection(pays_actual, lines_of(days), notes)
    return out


def _exception_text(e: TimeException) -> Msg:
    resolution = e.resolution()
    if resolution is not None:
        return msg("{what}: {how}", what=e.message(), how=resolution)
    if e.blocks:
        return msg("{what}: open, blocks approval", what=e.message())
    return e.message()
