"""Import actual time from a phone system's or time clock's login/logout report.

``plan_actual_import`` reads the file (``files/actual_read.py``), finds each row's employee by login
ID (or, failing that, by employee code), turns the sessions into actual time per work date
(``core.sessions``: short gaps joined, a session crossing midnight kept with the shift it overlaps
most) and compares it with what is stored — writing nothing. Any problem (an unknown ID, a logout
before its login, overlapping sessions, a bad value) is located at its row and column and the plan
writes nothing. ``apply_actual_import`` writes the plan as one change set, each day expected to
hold what the plan saw (a day changed meanwhile elsewhere refuses the whole import).

What is written per employee-day:
- nothing recorded yet (or only a note): the file's sessions, source "import" of FILE;
- imported before: the file's sessions are added to the stored ones — a session already there (or
  inside one) changes nothing, so **re-importing a file changes nothing**, and a night shift split
  across two consecutive reports comes together — but a session that overlaps a stored one
  differently is a problem (clear the day first to replace it);
- typed or confirmed by a person: kept as it is (counted, not overwritten).
A day in a locked pay period makes the plan refuse to write, naming the period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from deskwfm.core.actual import ActualDay, Segment, Source, check_segments, segment_instants
from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.errors import EntryError, InputError
from deskwfm.core.locks import PeriodLockedError, actual_days, first_locked
from deskwfm.core.login_id import login_key
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.model import Shift
from deskwfm.core.sessions import Session, make_session, near_dates, sessions_to_days
from deskwfm.core.timecalc import Clock, clock_for
from deskwfm.files.actual_read import SessionRow, read_sessions
from deskwfm.files.xlsx_problems import Problem, sorted_problems
from deskwfm.services.workspace import Workspace

MAX_DETAIL = 260


@dataclass
class ActualImportPlan:
    file_name: str
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    sessions: int = 0
    employees: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    kept: int = 0  # typed or confirmed by a person: not overwritten
    skipped_rows: int = 0
    first: date | None = None
    last: date | None = None
    columns: dict[str, str] = field(default_factory=dict)
    locked: Msg | None = None  # a locked pay period the changes would touch

    @property
    def ok(self) -> bool:
        return not self.problems and self.locked is None

    @property
    def header_found(self) -> bool:
        """Whether the report's ID, login and logout columns were found (when not, a person
        names them from ``report_rows`` and plans again with ``columns``)."""
        return bool(self.columns)


def _employees_by_id(ws: Workspace) -> tuple[dict[str, str], dict[str, str]]:
    emps = ws.store.list_employees()
    by_login = {login_key(e.login_id): e.code for e in emps if e.login_id}
    by_code = {e.code.casefold(): e.code for e in emps}
    return by_login, by_code


def _sessions(ws: Workspace, rows: Sequence[SessionRow], plan: ActualImportPlan) -> list[Session]:
    site = ws.store.get_site()
    if site is None:
        raise ws.no_site()
    clock = clock_for(site.tz)
    by_login, by_code = _employees_by_id(ws)
    unknown: dict[str, tuple[SessionRow, int]] = {}
    memo: dict[datetime, int] = {}
    out: list[Session] = []
    for i, row in enumerate(rows):
        key = login_key(row.login_id)
        code = by_login.get(key) or by_code.get(key)
        if code is None:
            first, n = unknown.get(key, (row, 0))
            unknown[key] = (first, n + 1)
            continue
        try:
            out.append(make_session(clock, code, row.login, row.logout, i, memo))
        except EntryError as exc:
            plan.problems.append(Problem(exc.msg, row.where_in))
    for first, n in unknown.values():
        plan.problems.append(
            Problem(
                msg_n(
                    'no employee has the login ID "{id}"; give it to one with: '
                    "deskwfm employee login-id CODE {id}",
                    'no employee has the login ID "{id}" ({count:num} rows); give it to one with: '
                    "deskwfm employee login-id CODE {id}",
                    n, id=first.login_id),
                first.where_id,
            )
        )
    return out


def _union(
    stored: Sequence[Segment], new: Sequence[Segment], gap: int, clock: Clock, work_date: date
) -> tuple[Segment, ...] | None:
    """The stored segments with the new ones added (None: a new one overlaps a stored one in a way
    that is not already recorded). Segments closer than ``gap`` minutes are joined. Compared on
    their instants (a segment may run back on the wall clock over the fall-back night)."""
    folded = any(s.start_fold or s.end_fold for s in (*stored, *new))

    def span(s: Segment) -> tuple[int, int | None]:
        # without a second occurrence, wall minutes are in the order of their instants
        return segment_instants(clock, work_date, [s])[0] if folded else (s.start, s.end)

    out = [(span(s), s) for s in stored]
    for s in new:
        t_new = span(s)
        if any(_inside(t_new, t) for t, _s in out):
            continue
        if any(_overlaps(t_new, t) for t, _s in out):
            return None
        out.append((t_new, s))
    out.sort(key=lambda p: p[0][0])
    joined: list[tuple[tuple[int, int | None], Segment]] = []
    for (a, b), s in out:
        if joined:
            (pa, pb), prev = joined[-1]
            if pb is not None and a - pb <= gap:
                if b is None or b > pb:
                    joined[-1] = ((pa, b), Segment(prev.start, s.end, prev.start_fold, s.end_fold))
                continue
        joined.append(((a, b), s))
    return tuple(s for _t, s in joined)


def _inside(s: tuple[int, int | None], t: tuple[int, int | None]) -> bool:
    if s[1] is None or t[1] is None:
        return s == t
    return t[0] <= s[0] and s[1] <= t[1]


def _overlaps(s: tuple[int, int | None], t: tuple[int, int | None]) -> bool:
    s_end = s[1] if s[1] is not None else s[0] + 1
    t_end = t[1] if t[1] is not None else t[0] + 1
    return s[0] < t_end and t[0] < s_end


def _detail(current: str, file_name: str) -> str:
    names = [n for n in current.split("; ") if n]
    if file_name not in names:
        names.append(file_name)
    text = "; ".join(names)
    return text if len(text) <= MAX_DETAIL else text[-MAX_DETAIL:]


def plan_actual_import(
    ws: Workspace, path: str | Path, columns: Mapping[str, str] | None = None
) -> ActualImportPlan:
    """Read and check ``path`` against the database; nothing is written (see the module docstring)."""
    data = read_sessions(path, columns)
    plan = ActualImportPlan(
        data.file_name, list(data.problems), skipped_rows=data.skipped, columns=data.columns
    )
    sessions = _sessions(ws, data.rows, plan)
    plan.sessions = len(data.rows)
    site = ws.store.get_site()
    assert site is not None
    clock = clock_for(site.tz)
    span = near_dates(sessions, clock)
    if span is None:
        if not plan.problems and not data.rows:
            plan.problems.append(
                Problem(msg("has no login sessions under its header"), sheet=data.sheet or data.file_name)
            )
        plan.problems = sorted_problems(plan.problems)
        return plan
    codes = sorted({s.employee_code for s in sessions})
    shifts = ws.store.shifts_between(span[0], span[1], codes)
    schedule: dict[str, list[Shift]] = {}
    for s in shifts:
        schedule.setdefault(s.employee_code, []).append(s)
    days = sessions_to_days(sessions, schedule, clock, site.timekeeping.merge_gap_minutes)
    for p in days.problems:
        assert isinstance(p.ref, int)
        row = data.rows[p.ref]
        plan.problems.append(Problem(p.message, row.where_out if p.part == "out" else row.where_in))
    if plan.problems:
        plan.problems = sorted_problems(plan.problems)
        return plan
    _compare(ws, plan, days.days, days.refs, data.rows, site.timekeeping.merge_gap_minutes, clock)
    plan.problems = sorted_problems(plan.problems)
    return plan


def _compare(
    ws: Workspace,
    plan: ActualImportPlan,
    new_days: Mapping[tuple[str, date], tuple[Segment, ...]],
    refs: Mapping[tuple[str, date], list[object]],
    rows: Sequence[SessionRow],
    gap: int,
    clock: Clock,
) -> None:
    keys = sorted(new_days)
    plan.first, plan.last = min(k[1] for k in keys), max(k[1] for k in keys)
    plan.employees = len({k[0] for k in keys})
    stored = {
        (d.employee_code, d.work_date): d
        for d in ws.store.actual_between(plan.first, plan.last, sorted({k[0] for k in keys}))
    }
    for key in keys:
        current = stored.get(key)
        segments = new_days[key]
        if current is not None and not current.empty and current.source is not Source.IMPORT:
            plan.kept += 1
            continue
        if current is not None and current.source is Source.IMPORT and current.segments:
            joined = _union(current.segments, segments, gap, clock, key[1])
            first_ref = refs[key][0]
            assert isinstance(first_ref, int)
            if joined is None:
                plan.problems.append(
                    Problem(
                        msg("{code} {day:date}: these sessions overlap the time imported before ({source}) "
                            "differently; clear the day first to replace it "
                            '(deskwfm actual set {code} {day:date} "")',
                            code=key[0], day=key[1], source=current.source_detail),
                        rows[first_ref].where_in,
                    )
                )
                continue
            if joined == current.segments:
                plan.unchanged += 1
                continue
            try:
                check_segments(joined, clock=clock, work_date=key[1])
            except EntryError as exc:
                plan.problems.append(
                    Problem(msg("{code} {day:date}: {problem}", code=key[0], day=key[1], problem=exc.msg),
                            rows[first_ref].where_in)
                )
                continue
            after = replace(
                current, segments=joined, source_detail=_detail(current.source_detail, plan.file_name)
            )
            plan.changed += 1
        else:
            note = current.note if current is not None else ""
            after = ActualDay(key[0], key[1], segments, 0, "", note, Source.IMPORT, plan.file_name)
            if current is None:
                plan.new += 1
            else:
                plan.changed += 1
        plan.changes.append(Change(Entity.ACTUAL, key, after, expected=current))
    if plan.changes:
        periods = ws.store.periods()
        if any(p.locked for p in periods):
            ranges = [
                r
                for c in plan.changes
                for r in actual_days(c.after if isinstance(c.after, ActualDay) else None)
            ]
            hit = first_locked(ranges, periods)
            if hit is not None:
                plan.locked = PeriodLockedError(hit).msg


def apply_actual_import(ws: Workspace, plan: ActualImportPlan, detail: str = "") -> int:
    """Write a checked plan (one change set, audited as an import of the file); returns the number
    of days written. InputError if the plan has problems or touches a locked period."""
    if plan.problems:
        raise InputError(msg_n("{file} has {count:num} problem; nothing was imported",
                               "{file} has {count:num} problems; nothing was imported",
                               len(plan.problems), file=plan.file_name))
    if plan.locked is not None:
        raise InputError(plan.locked)
    if not plan.changes:
        return 0
    applied = ws.commit(ChangeSet(plan.changes, How.ACTUAL_IMPORT, detail or plan.file_name))
    return len(applied.of(Entity.ACTUAL))


def report_rows(path: str | Path) -> list[list[str]]:
    """The first rows of a report as text, to name its columns from when they are not recognised."""
    from deskwfm.files.actual_read import first_rows

    return first_rows(path)


def import_actual(
    ws: Workspace,
    path: str | Path,
    *,
    dry_run: bool = False,
    columns: Mapping[str, str] | None = None,
    detail: str = "",
) -> ActualImportPlan:
    """Plan, and unless ``dry_run`` (or there are problems) apply."""
    plan = plan_actual_import(ws, path, columns)
    if plan.ok and not dry_run:
        apply_actual_import(ws, plan, detail)
    return plan
