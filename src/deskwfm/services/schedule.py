"""Schedule use cases: load a range for the grid, set cells, undo/redo them.

``apply_edits`` parses every cell before anything is written, so a paste with one bad cell
writes nothing; the message names the cell (employee code, weekday and date) and repeats the
parser's explanation. ``revert`` is undo/redo for the GUI's QUndoCommands: it only restores a
cell that still holds what the change left there, so an edit made meanwhile on another
workstation is never silently undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from deskwfm.core.approvals import PeriodState
from deskwfm.core.changes import Applied, Change, ChangeSet, Entity, How
from deskwfm.core.entry import parse_entry
from deskwfm.core.errors import EntryError, InputError, StaleEditError
from deskwfm.core.fields import FieldError
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode
from deskwfm.core.periods import check_order, check_plausible
from deskwfm.core.periods import days as days_between
from deskwfm.core.site import SiteSettings
from deskwfm.core.text import check_note
from deskwfm.core.warnings import RuleWarning
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class CellEdit:
    """What the user typed into one grid cell (employee row x date column)."""

    employee_code: str
    work_date: date
    text: str  # parsed by deskwfm.core.entry.parse_entry; "" or an OFF code clears
    # With ``check``, the cell must still hold ``expected`` (what the user saw; None = empty),
    # or the whole edit is refused with StaleEditError: another workstation changed it.
    check: bool = False
    expected: Shift | None = None


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
    # Shown days inside a locked pay period, with that period's lock (they are read-only).
    locked: dict[date, PeriodState] = field(default_factory=dict)


MAX_RANGE_DAYS = 400


def cell_name(employee_code: str, work_date: date) -> Msg:
    """How a message names a grid cell: ``AG014 Tue 2026-11-24``."""
    return msg("{code} {day:day}", code=employee_code, day=work_date)


def holidays_for(site: SiteSettings, start: date, end: date) -> dict[date, str]:
    from deskwfm.services.holiday_cache import holidays_between

    return holidays_between(site.holiday_region, start, end)


def load_schedule(ws: Workspace, start: date, end: date) -> ScheduleData:
    """Active employees, codes, rates, holidays and shifts for the grid, in one read
    transaction. Shifts cover ``payroll_load_window`` so totals need no further query."""
    from deskwfm.core.payroll import payroll_load_window
    from deskwfm.core.roster_rules import history_days

    check_plausible(start, msg("the range start"))
    check_plausible(end, msg("the range end"))
    check_order(start, end)
    if (end - start).days > MAX_RANGE_DAYS:
        raise InputError(msg("a schedule range can span at most {limit} days", limit=MAX_RANGE_DAYS))
    site = ws.store.get_site()
    if site is None:
        raise ws.no_site()
    load_from, load_to = payroll_load_window(site, start, end)
    # the roster rules (weekends off, days in a row) look further back than payroll may
    load_from = min(load_from, start - timedelta(days=history_days(site.rules)))
    data = ws.store.load_range(load_from, load_to)
    locked = {
        d: p for p in ws.store.periods() if p.locked and p.start <= end and p.end >= start
        for d in days_between(max(p.start, start), min(p.end, end))
    }
    return ScheduleData(
        site=data.site or site,
        employees=data.employees,
        codes={c.code.upper(): c for c in data.codes},
        rates=data.rates,
        shifts=data.shifts,
        holidays=holidays_for(site, load_from, load_to),
        start=start,
        end=end,
        load_from=load_from,
        load_to=load_to,
        locked=locked,
    )


def _changes(applied: list[Applied]) -> list[CellChange]:
    out = []
    for a in applied:
        if a.entity is Entity.SHIFT:
            code, day = a.key
            assert isinstance(code, str) and isinstance(day, date)
            before = a.before if isinstance(a.before, Shift) else None
            after = a.after if isinstance(a.after, Shift) else None
            out.append(CellChange(code, day, before, after))
    return out


def parse_edits(ws: Workspace, edits: list[CellEdit]) -> list[Change]:
    """Parse and check every edit (no writes). InputError names the first bad cell."""
    from deskwfm.core.breaks import check_times
    from deskwfm.core.changes import ANY
    from deskwfm.core.timecalc import clock_for

    site = ws.store.get_site()
    if site is None:
        raise ws.no_site()
    codes = {c.code.upper(): c for c in ws.store.list_codes()}
    known = {e.code for e in ws.store.list_employees(codes=sorted({e.employee_code for e in edits}))}
    zone = site.zone
    changes: list[Change] = []
    seen: set[tuple[str, date]] = set()
    for edit in edits:
        where = cell_name(edit.employee_code, edit.work_date)
        if edit.employee_code not in known:
            raise InputError(
                msg("{where}: there is no employee {code}", where=where, code=edit.employee_code)
            )
        try:
            check_plausible(edit.work_date)
        except InputError as exc:
            raise InputError(msg("{where}: {problem}", where=where, problem=exc.msg)) from None
        if (edit.employee_code, edit.work_date) in seen:
            raise InputError(msg("{where}: the cell is set twice in one edit", where=where))
        seen.add((edit.employee_code, edit.work_date))
        try:
            entry = parse_entry(edit.text, codes)
            shift = None
            if entry is not None:
                shift = entry.shift(edit.employee_code, edit.work_date)
                # a start or break that does not exist that night (DST), a paid break off the shift
                check_times(clock_for(zone.key), shift)
        except EntryError as exc:
            raise EntryError(msg("{where}: {problem}", where=where, problem=exc.msg)) from None
        changes.append(
            Change(
                Entity.SHIFT, (edit.employee_code, edit.work_date), shift,
                expected=edit.expected if edit.check else ANY, keep_note=True,
            )
        )
    return changes


def apply_edits(
    ws: Workspace, edits: list[CellEdit], how: How = How.GRID_EDIT, detail: str = ""
) -> list[CellChange]:
    """Parse every edit first; any bad one raises InputError naming the cell
    (``"AG014 Tue 2026-11-24: "25-3": hour 25 is not a time; ..."``) and nothing is written.
    Otherwise all are written in one transaction (audited as ``how``) and the changes returned
    (unchanged cells omitted)."""
    if not edits:
        return []
    return _changes(ws.commit(ChangeSet(parse_edits(ws, edits), how, detail)).applied)


def expect_cell(ws: Workspace, employee_code: str, work_date: date, old: str) -> CellEdit:
    """A compare-and-set edit for scripts: refused (StaleEditError, "changed elsewhere") unless
    the cell holds ``old`` now, compared as shifts (``9-17`` matches ``09:00-17:00``; notes are
    not compared; ``""`` means empty). The returned CellEdit (text to fill in) expects the cell's
    full current content, so a change between this check and the write is refused as well."""
    codes = {c.code.upper(): c for c in ws.store.list_codes()}
    where = cell_name(employee_code, work_date)
    try:
        entry = parse_entry(old, codes)
    except EntryError as exc:
        raise EntryError(msg("--expect {where}: {problem}", where=where, problem=exc.msg)) from None
    current = ws.store.cells([(employee_code, work_date)]).get((employee_code, work_date))
    wanted = None
    if entry is not None:
        wanted = entry.shift(employee_code, work_date, current.note if current is not None else "")
    from deskwfm.store.store import same_cell

    if not same_cell(current, wanted):
        raise StaleEditError(msg("the shift of {code} on {day:day}", code=employee_code, day=work_date))
    return CellEdit(employee_code, work_date, "", check=True, expected=current)


def set_note(
    ws: Workspace, employee_code: str, work_date: date, note: str, expected: Shift | None
) -> list[CellChange]:
    """Write (or with "" remove) the note of a cell that still holds ``expected`` (the shift the
    user saw, note included); StaleEditError if another workstation changed it meanwhile. A note
    belongs to a shift: an empty cell is refused. One transaction; the change is returned."""
    where = cell_name(employee_code, work_date)
    try:
        text = check_note(note)  # core's rule for a note (lines kept, no control characters)
    except FieldError as exc:
        raise InputError(msg("{where}: {problem}", where=where, problem=exc.msg)) from None
    if expected is None:
        raise InputError(msg("{where}: a note belongs to a shift; type the shift first", where=where))
    new = replace(expected, note=text)
    change = Change(Entity.SHIFT, (employee_code, work_date), new, expected=expected)
    return _changes(ws.commit(ChangeSet([change], How.NOTE)).applied)


def revert(ws: Workspace, changes: list[CellChange], *, redo: bool = False) -> list[CellChange]:
    """Undo (restore ``before``) or redo (restore ``after``) a list of changes, one transaction.
    Refuses with StaleEditError if a cell no longer holds what the change left there."""
    writes = [
        Change(
            Entity.SHIFT, (c.employee_code, c.work_date),
            c.after if redo else c.before,
            expected=c.before if redo else c.after,
        )
        for c in changes
    ]
    return _changes(ws.commit(ChangeSet(writes, How.REDO if redo else How.UNDO)).applied)


def cell_warnings(ws: Workspace, employee_code: str, start: date, end: date) -> list[RuleWarning]:
    """Rule warnings (overlap, rest, daily/weekly maximum, contract, no pay rate, roster rules) of
    one employee's shifts with work dates in start..end, seeing whole weeks around them."""
    from deskwfm.core.periods import week_start_of
    from deskwfm.core.roster_rules import history_days
    from deskwfm.core.warnings import check_employee

    site = ws.store.get_site()
    if site is None:
        raise ws.no_site()
    employee = ws.store.get_employee(employee_code)
    lo = min(week_start_of(start, site.week_start) - timedelta(days=1),
             start - timedelta(days=history_days(site.rules)))
    hi = week_start_of(end, site.week_start) + timedelta(days=7)
    shifts = ws.store.shifts_between(lo, hi, [employee_code])
    rates = ws.store.rates([employee_code]).get(employee_code, [])
    return check_employee(site, employee, shifts, start, end, rates)
