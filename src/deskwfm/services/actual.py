"""Actual time use cases shared by the command line and (later) the grid's Actual view.

- ``load_actual``: one consistent snapshot of the schedule, actual time and absence codes;
- ``actual_day_cells``: what each cell of the Actual and Variance views shows (entry text, worked
  and scheduled minutes, variance, exceptions);
- ``edit_actual`` / ``set_actual``: typed entries (``core.actual_entry``), parsed and checked first
  (a bad cell writes nothing, the message names the cell), then one change set;
- ``confirm_as_scheduled``: the common case in one action — every chosen day with a scheduled work
  shift and nothing recorded becomes "worked as scheduled" (days already recorded are kept);
- absence codes: list, save, delete.

Every write is a change set through ``Workspace.commit`` (checked, lock-checked, audited).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from deskwfm.core.absence import AbsenceCode, validate_absence_code
from deskwfm.core.actual import (
    ActualDay,
    Source,
    check_segments,
    scheduled_segments,
    segment_instants,
    worked_minutes,
)
from deskwfm.core.actual_entry import format_actual, parse_actual
from deskwfm.core.changes import ANY, Applied, Change, ChangeSet, Entity, How
from deskwfm.core.errors import EntryError, InputError, NotFoundError, StaleEditError
from deskwfm.core.exceptions import TimeException, find_exceptions
from deskwfm.core.messages import msg
from deskwfm.core.model import Employee, Shift, ShiftKind
from deskwfm.core.periods import check_order, check_plausible, days
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import Clock, clock_for, paid_spans
from deskwfm.services.workspace import Workspace

MAX_RANGE_DAYS = 400
CellKey = tuple[str, date]


def now_minutes() -> int:
    """This instant as UTC epoch minutes (what "over by now" is measured against)."""
    return int(datetime.now(UTC).timestamp()) // 60


@dataclass(frozen=True, slots=True)
class ActualContext:
    """The schedule, actual time and absence codes of some employees over start..end."""

    site: SiteSettings
    employees: list[Employee]
    shifts: list[Shift]
    actual: list[ActualDay]
    codes: dict[str, AbsenceCode]
    start: date
    end: date

    @property
    def clock(self) -> Clock:
        return clock_for(self.site.tz)


def _site(ws: Workspace) -> SiteSettings:
    site = ws.store.get_site()
    if site is None:
        raise ws.no_site()
    return site


def check_range(start: date, end: date) -> None:
    check_plausible(start, msg("the first day"))
    check_plausible(end, msg("the last day"))
    check_order(start, end)
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InputError(msg("a range can span at most {limit} days", limit=MAX_RANGE_DAYS))


def load_actual(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
) -> ActualContext:
    """Schedule and actual time with work dates in start..end (one read transaction) for active
    employees and anyone with time recorded or scheduled there; NotFoundError for unknown codes or
    an empty team."""
    check_range(start, end)
    data = ws.store.load_range(
        start, end, employee_codes=employee_codes, team=team, include_inactive=True, actual=True
    )
    site = data.site
    if site is None:
        raise ws.no_site()
    if employee_codes is not None:
        missing = sorted(set(employee_codes) - {e.code for e in data.employees})
        if missing:
            raise NotFoundError(msg("no employee with code {codes}", codes=", ".join(missing)))
    if team is not None and not data.employees:
        raise NotFoundError(msg('no team "{team}"', team=team))
    busy = {s.employee_code for s in data.shifts} | {d.employee_code for d in data.actual}
    employees = [e for e in data.employees if e.active or e.code in busy or employee_codes is not None]
    return ActualContext(
        site, employees, data.shifts, data.actual, {c.code.upper(): c for c in data.absence_codes}, start, end
    )


@dataclass(frozen=True, slots=True)
class Recorded:
    """The actual time recorded over a range and the site's absence codes (UPPER-CASE keys):
    what the grid's Actual and Variance views add to the schedule they already hold."""

    days: list[ActualDay]
    codes: dict[str, AbsenceCode]


def recorded_between(
    ws: Workspace, start: date, end: date, employee_codes: Sequence[str] | None = None
) -> Recorded:
    """Actual time with work dates in start..end (the employees given, or everyone)."""
    check_range(start, end)
    return Recorded(
        ws.store.actual_between(start, end, employee_codes),
        {c.code.upper(): c for c in ws.store.absence_codes()},
    )


# ---------------------------------------------------------------- cells for the grid
@dataclass(frozen=True, slots=True)
class ActualCell:
    """One employee-day as the Actual and Variance views show it."""

    employee_code: str
    work_date: date
    day: ActualDay | None  # what is recorded (None: nothing)
    scheduled: Shift | None  # the schedule's entry that day
    text: str  # the entry, as it can be typed back
    worked_minutes: int
    scheduled_minutes: int  # paid minutes of a scheduled work shift (0 for leave, off, nothing)
    exceptions: tuple[TimeException, ...] = ()

    @property
    def variance_minutes(self) -> int:
        """Worked minus scheduled (negative: short)."""
        return self.worked_minutes - self.scheduled_minutes


def _scheduled_minutes(clock: Clock, s: Shift | None) -> int:
    if s is None or s.kind is not ShiftKind.WORK or not s.has_times:
        return 0
    return sum(b - a for a, b in paid_spans(clock, s))


def actual_day_cells(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    now: int | None = None,
) -> dict[CellKey, ActualCell]:
    """Every employee-day in start..end with something scheduled or recorded."""
    ctx = load_actual(ws, start, end, employee_codes=employee_codes, team=team)
    return cells_of(ctx, now_minutes() if now is None else now)


def cells_of(ctx: ActualContext, now: int | None) -> dict[CellKey, ActualCell]:
    """``actual_day_cells`` of a loaded context (``now`` None: check every day)."""
    start, end = ctx.start, ctx.end
    clock = ctx.clock
    shown = {e.code for e in ctx.employees}
    sched = {(s.employee_code, s.work_date): s for s in ctx.shifts if s.employee_code in shown}
    recorded = {(d.employee_code, d.work_date): d for d in ctx.actual if d.employee_code in shown}
    found = find_exceptions(
        sched.values(), recorded.values(), ctx.codes, ctx.site.timekeeping, clock, start, end, now
    )
    by_key: dict[CellKey, list[TimeException]] = {}
    for e in found:
        by_key.setdefault((e.employee_code, e.work_date), []).append(e)
    out: dict[CellKey, ActualCell] = {}
    for key in sorted(sched.keys() | recorded.keys()):
        d, s = recorded.get(key), sched.get(key)
        out[key] = ActualCell(
            key[0],
            key[1],
            d,
            s,
            format_actual(d.segments, d.break_minutes, d.absence) if d is not None else "",
            worked_minutes(d, clock) if d is not None else 0,
            _scheduled_minutes(clock, s),
            tuple(by_key.get(key, ())),
        )
    return out


# ---------------------------------------------------------------- typed entries
@dataclass(frozen=True, slots=True)
class ActualEdit:
    """What was typed for one employee-day. ``expected``: what the cell showed (None: nothing
    recorded); ``ANY`` writes whatever is there now. ``note`` None keeps the day's note."""

    employee_code: str
    work_date: date
    text: str
    expected: object = ANY
    note: str | None = None


def cell_name(employee_code: str, work_date: date) -> object:
    return msg("{code} {day:day}", code=employee_code, day=work_date)


def _check_exists(clock: Clock, d: ActualDay) -> None:
    """EntryError for a worked time that does not exist that night (clocks go forward)."""
    segment_instants(clock, d.work_date, d.segments)


def parse_actual_edits(ws: Workspace, edits: Sequence[ActualEdit]) -> list[Change]:
    """Parse and check every edit (no writes); InputError naming the first bad cell."""
    site = _site(ws)
    clock = clock_for(site.tz)
    codes = {c.code.upper(): c for c in ws.store.absence_codes()}
    keys = [(e.employee_code, e.work_date) for e in edits]
    known = {e.code for e in ws.store.list_employees(codes=sorted({k[0] for k in keys}))}
    current = ws.store.actual_cells(keys) if any(e.note is None for e in edits) else {}
    changes: list[Change] = []
    seen: set[CellKey] = set()
    for edit in edits:
        key = (edit.employee_code, edit.work_date)
        where = cell_name(*key)
        if edit.employee_code not in known:
            raise NotFoundError(
                msg("{where}: there is no employee {code}", where=where, code=edit.employee_code)
            )
        try:
            check_plausible(edit.work_date)
        except InputError as exc:
            raise InputError(msg("{where}: {problem}", where=where, problem=exc.msg)) from None
        if key in seen:
            raise InputError(msg("{where}: the cell is set twice in one edit", where=where))
        seen.add(key)
        note = edit.note if edit.note is not None else (current[key].note if key in current else "")
        note = note.strip()
        if len(note) > 2000:
            raise InputError(msg("{where}: a note may hold at most 2,000 characters", where=where))
        try:
            parsed = parse_actual(edit.text, codes, clock, edit.work_date)
            day = None
            if parsed is not None:
                day = ActualDay(
                    *key, parsed.segments, parsed.break_minutes, parsed.absence, note, Source.TYPED
                )
                _check_exists(clock, day)
            elif note:
                day = ActualDay(*key, note=note, source=Source.TYPED)
        except EntryError as exc:
            raise EntryError(msg("{where}: {problem}", where=where, problem=exc.msg)) from None
        changes.append(Change(Entity.ACTUAL, key, day, expected=edit.expected))
    return changes


def edit_actual(
    ws: Workspace, edits: Sequence[ActualEdit], how: How = How.GRID_EDIT, detail: str = ""
) -> list[Applied]:
    """Parse every edit first (a bad one writes nothing), then write them as one change set.
    Returns the days that changed (before and after)."""
    if not edits:
        return []
    return ws.commit(ChangeSet(parse_actual_edits(ws, edits), how, detail)).applied


def set_actual(
    ws: Workspace,
    employee_code: str,
    work_date: date,
    text: str,
    *,
    note: str | None = None,
    how: How = How.CLI,
    detail: str = "",
) -> ActualDay | None:
    """Record one day (``""`` clears it); returns what it holds now."""
    edit_actual(ws, [ActualEdit(employee_code, work_date, text, note=note)], how, detail)
    return ws.store.actual_cells([(employee_code, work_date)]).get((employee_code, work_date))


def revert_actual(ws: Workspace, applied: Sequence[Applied], *, redo: bool = False) -> list[Applied]:
    """Undo (or redo) actual-time changes, refused if a day no longer holds what they left."""
    writes = [
        Change(a.entity, a.key, a.after if redo else a.before, expected=a.before if redo else a.after)
        for a in applied
    ]
    return ws.commit(ChangeSet(writes, How.REDO if redo else How.UNDO)).applied


# ---------------------------------------------------------------- confirm as scheduled
@dataclass(frozen=True, slots=True)
class ConfirmResult:
    confirmed: list[CellKey] = field(default_factory=list)
    kept: list[CellKey] = field(default_factory=list)  # already recorded: left as they are
    not_scheduled: int = 0  # days without a scheduled work shift (nothing to confirm)
    applied: list[Applied] = field(default_factory=list)  # the days written (for an undo)


def confirm_as_scheduled(
    ws: Workspace, cells: Sequence[CellKey], how: How = How.CONFIRM, detail: str = ""
) -> ConfirmResult:
    """Record each chosen day that has a scheduled work shift and nothing recorded as worked
    exactly as scheduled (its paid times, the break where the schedule puts it). Written as one
    change set, each day expected still empty (another workstation's entry is never overwritten)."""
    if not cells:
        return ConfirmResult()
    lo, hi = min(c[1] for c in cells), max(c[1] for c in cells)
    ctx = load_actual(ws, lo, hi, employee_codes=sorted({c[0] for c in cells}))
    clock = ctx.clock
    sched = {(s.employee_code, s.work_date): s for s in ctx.shifts}
    recorded = {(d.employee_code, d.work_date): d for d in ctx.actual}
    confirmed: list[CellKey] = []
    kept: list[CellKey] = []
    not_scheduled = 0
    changes: list[Change] = []
    for key in sorted(set(cells)):
        s = sched.get(key)
        if s is None or s.kind is not ShiftKind.WORK or not s.has_times:
            not_scheduled += 1
            continue
        if key in recorded and not recorded[key].empty:
            kept.append(key)
            continue
        note = recorded[key].note if key in recorded else ""
        try:
            day = ActualDay(key[0], key[1], scheduled_segments(s, clock), 0, "", note, Source.CONFIRMED)
            check_segments(day.segments, clock=clock, work_date=key[1])
        except EntryError as exc:
            raise EntryError(msg("{where}: {problem}", where=cell_name(*key), problem=exc.msg)) from None
        changes.append(Change(Entity.ACTUAL, key, day, expected=recorded.get(key)))
        confirmed.append(key)
    applied = ws.commit(ChangeSet(changes, how, detail)).applied if changes else []
    return ConfirmResult(confirmed, kept, not_scheduled, applied)


def confirm_range(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    how: How = How.CONFIRM,
    detail: str = "",
) -> ConfirmResult:
    """``confirm_as_scheduled`` for every chosen employee (all active ones by default) and day."""
    ctx = load_actual(ws, start, end, employee_codes=employee_codes, team=team)
    cells = [(e.code, d) for e in ctx.employees for d in days(start, end)]
    return confirm_as_scheduled(ws, cells, how, detail)


# ---------------------------------------------------------------- absence codes
def list_absence_codes(ws: Workspace) -> list[AbsenceCode]:
    return ws.store.absence_codes()


def save_absence_code(
    ws: Workspace, code: AbsenceCode, how: How = How.DIALOG, detail: str = ""
) -> AbsenceCode:
    """Add or change a code (validated); StaleEditError when ``code.version`` is not the stored one
    (0: a new code)."""
    new = validate_absence_code(code)
    current = next((c for c in ws.store.absence_codes() if c.code.upper() == new.code), None)
    if (current.version if current is not None else 0) != code.version:
        raise StaleEditError(msg("absence code {code}", code=new.code))
    ws.commit(ChangeSet([Change(Entity.ABSENCE_CODE, (new.code,), new, expected=current)], how, detail))
    return replace(new, version=code.version + 1)


def delete_absence_code(ws: Workspace, code: str, how: How = How.DIALOG, detail: str = "") -> None:
    """Refused (InputError) while any day is coded with it."""
    key = code.strip().upper()
    current = next((c for c in ws.store.absence_codes() if c.code.upper() == key), None)
    if current is None:
        raise NotFoundError(msg("no absence code {code}", code=key))
    ws.commit(ChangeSet([Change(Entity.ABSENCE_CODE, (key,), None, expected=current)], how, detail))
