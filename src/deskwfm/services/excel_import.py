"""Import a workbook: read it, check it against the database, show the plan, apply it at once.

``plan_import`` reads and validates everything and diffs it against the database without
writing; ``apply_import`` writes a clean plan in ONE transaction (``Store.apply_bulk``). A plan
with any problem is refused whole: nothing partial is ever written.

The plan remembers what the database held for every row it would write (``ImportPlan.seen``).
If another workstation (or the grid) changed one of those rows while the preview was open,
``apply_import`` refuses with StaleEditError and writes nothing, rather than silently
overwriting that edit; rows the plan does not write never block it. The store makes that
comparison inside the import's write transaction, under its write lock (``apply_bulk(expected=)``).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from pathlib import Path

from deskwfm.core.changes import ENTITY_LABELS, Applied, ChangeSet, Entity, How
from deskwfm.core.changes import Change as Write
from deskwfm.core.entry import format_entry
from deskwfm.core.errors import DeskwfmError, EntryError, InputError, StaleEditError
from deskwfm.core.i18n import render
from deskwfm.core.login_id import login_key
from deskwfm.core.messages import Msg, msg, msg_n, verbatim
from deskwfm.core.model import KIND_LABELS, Employee, PayRate, Shift, ShiftCode
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import clock_for, paid_spans, shift_span
from deskwfm.files.xlsx_problems import Problem, Where, sorted_problems
from deskwfm.files.xlsx_read import CodeRow, EmployeeRow, ShiftRow, WorkbookData, read_workbook
from deskwfm.services.employees import first_rate_from
from deskwfm.services.workspace import Workspace
from deskwfm.store.write import ChangedElsewhere

ADDED, CHANGED, REMOVED, UNCHANGED = "added", "changed", "removed", "unchanged"
ACTION_LABELS: dict[str, Msg] = {
    ADDED: msg("added"), CHANGED: msg("changed"), REMOVED: msg("removed"), UNCHANGED: msg("unchanged"),
}
_ONE_DAY = timedelta(days=1)
_EMPTY = verbatim("")


class Change:
    """One row of the preview: what would be added, changed or removed, as data (``what`` an
    Entity, texts as messages) that the preview shows in the reader's language.

    Shift rows keep their key and shifts raw and format them only when shown: a 40,000-row
    import builds 40,000 of these and the preview shows a few hundred."""

    __slots__ = ("action", "what", "_key", "_before", "_after", "where")

    def __init__(
        self,
        action: str,
        what: Entity,
        key: str | tuple[str, date],
        before: Msg | Shift | None,
        after: Msg | Shift | None,
        where: Where | None,
    ) -> None:
        self.action = action  # ADDED / CHANGED / REMOVED
        self.what = what  # Entity.EMPLOYEE, RATE, CODE or SHIFT
        self._key = key
        self._before = before
        self._after = after
        self.where = where

    @property
    def key(self) -> Msg:
        """ "AG014" or "AG014 Mon 2026-03-02"."""
        k = self._key
        return verbatim(k) if isinstance(k, str) else _day_key(k)

    @property
    def before(self) -> Msg:
        return _text_of(self._before)

    @property
    def after(self) -> Msg:
        return _text_of(self._after)

    def as_msg(self) -> Msg:
        """"added shift AG014 Mon 2026-03-02: + 09:00-17:00" (a line of ``import --dry-run``)."""
        what = ENTITY_LABELS[self.what]
        action = ACTION_LABELS[self.action]
        if self.action == ADDED:
            return msg("{action} {what} {key}: + {after}", action=action, what=what, key=self.key,
                       after=self.after)
        if self.action == REMOVED:
            return msg("{action} {what} {key}: - {before}", action=action, what=what, key=self.key,
                       before=self.before)
        return msg("{action} {what} {key}: {before} -> {after}", action=action, what=what, key=self.key,
                   before=self.before, after=self.after)

    def __str__(self) -> str:
        return str(self.as_msg())

    def __repr__(self) -> str:
        return f"Change({render(self.as_msg(), 'en')})"


def _text_of(value: Msg | Shift | None) -> Msg:
    if value is None:
        return _EMPTY
    return value if isinstance(value, Msg) else _shift_text(value)


@dataclass
class Seen:
    """What the database held when the plan was made, for every row the plan writes.

    None means "no such row" (the plan adds it). Rates are kept as the employee's whole list,
    since which rate the plan adds depends on the rate in force. Shift codes are upper-cased."""

    employees: dict[str, Employee | None] = field(default_factory=dict)
    rates: dict[str, list[PayRate]] = field(default_factory=dict)
    codes: dict[str, ShiftCode | None] = field(default_factory=dict)
    shifts: dict[tuple[str, date], Shift | None] = field(default_factory=dict)


class ImportStaleError(StaleEditError):
    """The database changed since the preview; ``changed`` names each row that did."""

    MAX_NAMED = 3

    def __init__(self, changed: list[Msg]) -> None:
        self.changed = changed
        named = changed[0] if changed else _EMPTY
        for line in changed[1 : self.MAX_NAMED]:
            named = msg("{first}; {next}", first=named, next=line)
        if len(changed) > self.MAX_NAMED:
            named = msg("{first}; and {count:num} more", first=named, count=len(changed) - self.MAX_NAMED)
        self.what = named
        # StaleEditError's own wording ("reload and try again") does not fit an import.
        DeskwfmError.__init__(
            self,
            msg("the database changed since the preview ({named}); preview the import again", named=named),
        )


@dataclass
class ImportPlan:
    file_name: str
    sheets_read: list[Msg]
    sheets_ignored: list[str]
    problems: list[Problem] = field(default_factory=list)
    employees: list[Employee] = field(default_factory=list)
    rates: list[PayRate] = field(default_factory=list)
    codes: list[ShiftCode] = field(default_factory=list)
    shifts_set: list[Shift] = field(default_factory=list)
    shifts_clear: list[tuple[str, date]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    counts: Counter[tuple[Entity, str]] = field(default_factory=Counter)  # (what, action) -> n
    seen: Seen = field(default_factory=Seen)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def summary(self) -> list[Msg]:
        """One line per kind of row: "shifts: 120 added, 3 changed, 0 removed, 880 unchanged"."""
        lines = []
        for what, label in (
            (Entity.EMPLOYEE, msg("employees")),
            (Entity.RATE, msg("pay rates")),
            (Entity.CODE, msg("shift codes")),
            (Entity.SHIFT, msg("shifts")),
        ):
            n = {a: self.counts[(what, a)] for a in (ADDED, CHANGED, REMOVED, UNCHANGED)}
            if not any(n.values()):
                continue
            if what is Entity.SHIFT:
                lines.append(msg(
                    "{what}: {added:num} added, {changed:num} changed, {removed:num} removed, "
                    "{unchanged:num} unchanged",
                    what=label, added=n[ADDED], changed=n[CHANGED], removed=n[REMOVED],
                    unchanged=n[UNCHANGED]))
            else:
                lines.append(msg(
                    "{what}: {added:num} added, {changed:num} changed, {unchanged:num} unchanged",
                    what=label, added=n[ADDED], changed=n[CHANGED], unchanged=n[UNCHANGED]))
        return lines or [msg("nothing to import")]


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a workbook's cells become objects.

    Reading creates hundreds of thousands of small acyclic objects; each allocation burst
    triggers a generation scan that finds nothing (it doubled the import time in
    bench/bench_excel.py). Reference counting still frees everything; the collector is
    restored afterwards, even on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def plan_import(ws: Workspace, path: str | Path, *, today: date | None = None) -> ImportPlan:
    """Read and check ``path`` against the database; nothing is written. Hostile or unreadable
    files raise InputError; content problems are listed in ``plan.problems``."""
    with _cyclic_gc_paused():
        return _plan_import(ws, path, today)


def _plan_import(ws: Workspace, path: str | Path, today: date | None) -> ImportPlan:
    store = ws.store
    db_codes = {c.code.upper(): c for c in store.list_codes()}
    data = read_workbook(path, db_codes)
    plan = ImportPlan(data.file_name, data.sheets_read, data.sheets_ignored, list(data.problems))
    site = store.get_site() or SiteSettings()
    today = today or date.today()
    db_emps = {e.code: e for e in store.list_employees()}
    by_upper = {c.upper(): c for c in db_emps}
    sheet_emps = {r.employee.code.upper(): r for r in data.employees}
    _resolve_codes(data, by_upper, plan)
    _plan_codes(data.codes, db_codes, plan)
    _plan_employees(data, db_emps, by_upper, store.rates(), first_rate_from(site, today), today, plan)
    _check_login_ids(data, db_emps, plan)
    _plan_shifts(ws, data, db_emps, by_upper, sheet_emps, site, plan)
    plan.problems = sorted_problems(plan.problems)
    return plan


def _resolve_codes(data: WorkbookData, by_upper: dict[str, str], plan: ImportPlan) -> None:
    """Employee codes are matched case-insensitively to the database's spelling."""
    for i, row in enumerate(data.employees):
        real = by_upper.get(row.employee.code.upper())
        if real and real != row.employee.code:
            data.employees[i] = replace(row, employee=replace(row.employee, code=real))


def _plan_codes(rows: list[CodeRow], db_codes: dict[str, ShiftCode], plan: ImportPlan) -> None:
    for row in rows:
        new = row.code
        old = db_codes.get(new.code.upper())
        if old is not None:
            new = replace(
                new,
                code=old.code,
                colour=new.colour if "colour" in row.given else old.colour,
                label=new.label if "label" in row.given else old.label,
            )
            if "paid_breaks" not in row.given:
                new = replace(new, paid_breaks=old.paid_breaks, paid_break_minutes=old.paid_break_minutes)
            if _code_tuple(old) == _code_tuple(new):
                plan.counts[(Entity.CODE, UNCHANGED)] += 1
                continue
            plan.changes.append(
                Change(CHANGED, Entity.CODE, new.code, _code_text(old), _code_text(new), row.where)
            )
            plan.counts[(Entity.CODE, CHANGED)] += 1
        else:
            plan.changes.append(Change(ADDED, Entity.CODE, new.code, None, _code_text(new), row.where))
            plan.counts[(Entity.CODE, ADDED)] += 1
        plan.codes.append(new)
        plan.seen.codes[new.code.upper()] = old


def _code_tuple(c: ShiftCode) -> tuple[object, ...]:
    return (c.kind, c.start, c.end, c.break_minutes, c.colour.lower(), c.label, c.paid_breaks,
            c.paid_break_minutes)


def _code_text(c: ShiftCode) -> Msg:
    times = format_entry(c.start, c.end, c.break_minutes, "")
    if not times:
        return msg("{kind} no times {colour}", kind=KIND_LABELS[c.kind], colour=c.colour)
    return msg("{kind} {times} {colour}", kind=KIND_LABELS[c.kind], times=times, colour=c.colour)


def _emp_text(e: Employee) -> Msg:
    text = verbatim(e.name)
    parts: list[Msg] = []
    if e.team:
        parts.append(verbatim(e.team))
    if not e.active:
        parts.append(msg("inactive"))
    if e.contract_minutes is not None:
        parts.append(msg("contract {m:hours} h", m=e.contract_minutes))
    if e.max_minutes is not None:
        parts.append(msg("max {m:hours} h", m=e.max_minutes))
    if e.login_id:
        parts.append(msg("login ID {id}", id=e.login_id))
    for part in parts:
        text = msg("{first}, {next}", first=text, next=part)
    return text


def _plan_employees(
    data: WorkbookData,
    db_emps: dict[str, Employee],
    by_upper: dict[str, str],
    db_rates: dict[str, list[PayRate]],
    default_from: date,
    today: date,
    plan: ImportPlan,
) -> None:
    first_shift: dict[str, date] = {}
    for s in data.shifts:
        k = s.employee_code.upper()
        if s.shift is not None and (k not in first_shift or s.work_date < first_shift[k]):
            first_shift[k] = s.work_date
    for row in data.employees:
        new = row.employee
        old = db_emps.get(new.code)
        if old is None:
            plan.employees.append(new)
            plan.seen.employees[new.code] = None
            plan.changes.append(Change(ADDED, Entity.EMPLOYEE, new.code, None, _emp_text(new), row.where))
            plan.counts[(Entity.EMPLOYEE, ADDED)] += 1
            if row.rate is None:
                plan.problems.append(Problem(msg("new employee {code} needs an Hourly rate", code=new.code),
                                             row.where))
                continue
        else:
            new = _merge_employee(old, row)
            if (new.name, new.team, new.active, new.contract_minutes, new.max_minutes, new.login_id) == (
                old.name,
                old.team,
                old.active,
                old.contract_minutes,
                old.max_minutes,
                old.login_id,
            ):
                plan.counts[(Entity.EMPLOYEE, UNCHANGED)] += 1
            else:
                plan.employees.append(new)
                plan.seen.employees[new.code] = old
                plan.changes.append(
                    Change(CHANGED, Entity.EMPLOYEE, new.code, _emp_text(old), _emp_text(new), row.where)
                )
                plan.counts[(Entity.EMPLOYEE, CHANGED)] += 1
        if row.rate is not None:
            _plan_rate(
                row,
                new.code,
                db_rates.get(new.code, []),
                old is None,
                first_shift.get(new.code.upper()),
                default_from,
                today,
                plan,
            )


def _check_login_ids(data: WorkbookData, db_emps: dict[str, Employee], plan: ImportPlan) -> None:
    """Two employees may not share a login ID (compared case-insensitively) once imported."""
    owner = {login_key(e.login_id): e.code for e in db_emps.values() if e.login_id}
    planned = {e.code for e in plan.employees}  # the sheet's wish replaces what is stored
    owner = {k: c for k, c in owner.items() if c not in planned}
    for e in plan.employees:
        if not e.login_id:
            continue
        key = login_key(e.login_id)
        if key in owner and owner[key] != e.code:
            where = next(r.where for r in data.employees if r.employee.code == e.code)
            problem = msg("login ID {id} is also {code}'s", id=e.login_id, code=owner[key])
            plan.problems.append(Problem(problem, where))
        else:
            owner[key] = e.code


def _merge_employee(old: Employee, row: EmployeeRow) -> Employee:
    """Blank cells keep what is stored (a sheet without a Team column keeps every team)."""
    new = row.employee
    g = row.given
    return replace(
        old,
        name=new.name if "name" in g else old.name,
        team=new.team if "team" in g else old.team,
        active=new.active if "active" in g else old.active,
        contract_minutes=new.contract_minutes if "contract" in g else old.contract_minutes,
        max_minutes=new.max_minutes if "max" in g else old.max_minutes,
        login_id=new.login_id if "login_id" in g else old.login_id,
        availability=replace(
            old.availability,
            days=new.availability.days if "available" in g else old.availability.days,
            off=new.availability.off if "dates_off" in g else old.availability.off,
        ),
    )


def _plan_rate(
    row: EmployeeRow,
    code: str,
    rates: list[PayRate],
    is_new: bool,
    first_shift: date | None,
    default_from: date,
    today: date,
    plan: ImportPlan,
) -> None:
    """A rate without a Rate from starts, for a new employee, where the Employees dialog and
    ``employee add`` start one (the pay period holding today), or earlier if the workbook
    gives them an earlier shift; for a known employee whose rate changes, today."""
    assert row.rate is not None
    if row.rate_from is not None:
        eff = row.rate_from
        same_day = next((r for r in rates if r.effective_from == eff), None)
        if same_day is not None and same_day.hourly == row.rate:
            plan.counts[(Entity.RATE, UNCHANGED)] += 1
            return
        action = CHANGED if same_day is not None else ADDED
        before = _rate_text(same_day) if same_day else None
    elif is_new or not rates:
        eff = min(default_from, first_shift) if first_shift else default_from
        action, before = ADDED, None
    else:
        in_force = [r for r in rates if r.effective_from <= today] or rates[:1]
        current = in_force[-1]
        if current.hourly == row.rate:
            plan.counts[(Entity.RATE, UNCHANGED)] += 1
            return
        eff, action, before = today, ADDED, _rate_text(current)
    new = PayRate(code, eff, row.rate)
    plan.rates.append(new)
    plan.seen.rates[code] = list(rates)
    plan.changes.append(Change(action, Entity.RATE, code, before, _rate_text(new), row.where))
    plan.counts[(Entity.RATE, action)] += 1


def _rate_text(r: PayRate) -> Msg:
    return msg("{rate:rate} from {day:date}", rate=r.hourly, day=r.effective_from)


_TEXTS: dict[tuple[object, ...], Msg] = {}


def _shift_text(s: Shift | None) -> Msg:
    if s is None:
        return msg("(empty)")
    key = (s.start, s.end, s.break_minutes, s.code, s.note, s.break_start)
    text = _TEXTS.get(key)
    if text is None:
        entry = format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start) or s.code
        text = msg("{entry} ({note})", entry=entry, note=s.note) if s.note else verbatim(entry)
        if len(_TEXTS) < 10_000:
            _TEXTS[key] = text
    return text


def _plan_shifts(
    ws: Workspace,
    data: WorkbookData,
    db_emps: dict[str, Employee],
    by_upper: dict[str, str],
    sheet_emps: dict[str, EmployeeRow],
    site: SiteSettings,
    plan: ImportPlan,
) -> None:
    rows: list[ShiftRow] = []
    for row in data.shifts:
        upper = row.employee_code.upper()
        real = by_upper.get(upper) or (sheet_emps[upper].employee.code if upper in sheet_emps else None)
        if real is None:
            plan.problems.append(
                Problem(
                    msg('"{code}" is not an employee; add them to the Employees sheet first',
                        code=row.employee_code),
                    row.where,
                )
            )
            continue
        if real != row.employee_code:
            row = replace(
                row, employee_code=real, shift=replace(row.shift, employee_code=real) if row.shift else None
            )
        rows.append(row)
    if not rows:
        return
    lo = min(r.work_date for r in rows)
    hi = max(r.work_date for r in rows)
    emps = sorted({r.employee_code for r in rows if r.employee_code in db_emps})
    existing = (
        {
            (s.employee_code, s.work_date): s
            for s in ws.store.shifts_between(lo - _ONE_DAY, hi + _ONE_DAY, emps)
        }
        if emps
        else {}
    )
    final = dict(existing)
    incoming: dict[tuple[str, date], ShiftRow] = {}
    for row in rows:
        key = (row.employee_code, row.work_date)
        old = existing.get(key)
        new = row.shift
        if new is not None and not row.has_note and old is not None and old.note != new.note:
            new = replace(new, note=old.note)  # a grid has no notes: keep the stored one
        incoming[key] = row
        if new is None:
            final.pop(key, None)
            if old is None:
                continue
            plan.shifts_clear.append(key)
            plan.seen.shifts[key] = old
            plan.changes.append(Change(REMOVED, Entity.SHIFT, key, old, None, row.where))
            plan.counts[(Entity.SHIFT, REMOVED)] += 1
            continue
        final[key] = new
        if old is not None and _same(old, new):
            plan.counts[(Entity.SHIFT, UNCHANGED)] += 1
            continue
        action = ADDED if old is None else CHANGED
        plan.shifts_set.append(new)
        plan.seen.shifts[key] = old
        plan.changes.append(Change(action, Entity.SHIFT, key, old, new, row.where))
        plan.counts[(Entity.SHIFT, action)] += 1
    _check_overlaps(final, incoming, plan)
    _check_clock_gaps(plan.shifts_set, incoming, site.tz, plan)


def _day_key(key: tuple[str, date]) -> Msg:
    return msg("{code} {day:day}", code=key[0], day=key[1])


def _same(a: Shift, b: Shift) -> bool:
    return (a.start, a.end, a.break_minutes, a.code.upper(), a.note, _break_at(a)) == (
        b.start,
        b.end,
        b.break_minutes,
        b.code.upper(),
        b.note,
        _break_at(b),
    )


def _break_at(s: Shift) -> time | None:
    return s.break_start if s.break_minutes else None


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _check_overlaps(
    final: dict[tuple[str, date], Shift], incoming: dict[tuple[str, date], ShiftRow], plan: ImportPlan
) -> None:
    """A shift may run past midnight into the next day's shift: one shift per day makes that the
    only way two shifts overlap. Compared in wall-clock minutes on the shared day."""
    for (emp, d), s in final.items():
        if s.start is None or s.end is None or _minutes(s.end) > _minutes(s.start):
            continue
        nxt = final.get((emp, d + _ONE_DAY))
        if nxt is None or nxt.start is None or _minutes(nxt.start) >= _minutes(s.end):
            continue
        first, second = incoming.get((emp, d)), incoming.get((emp, d + _ONE_DAY))
        if first is None and second is None:
            continue  # both already in the database: not this import's doing
        blame = second or first
        assert blame is not None
        other = first if blame is second else second
        other_where = (msg("at {where}", where=str(other.where)) if other is not None
                       else msg("already in the program"))
        plan.problems.append(
            Problem(
                msg("{code}: the {shift} shift on {day:day} runs until {end:time} and overlaps the {other} "
                    "shift on {next:day} ({other_where})",
                    code=emp, shift=_shift_text(s), day=d, end=s.end, other=_shift_text(nxt),
                    next=d + _ONE_DAY, other_where=other_where),
                blame.where,
            )
        )


def _check_clock_gaps(
    shifts: Iterable[Shift], incoming: dict[tuple[str, date], ShiftRow], tz: str, plan: ImportPlan
) -> None:
    """A start, end or break start inside the spring-forward gap does not exist (the clock
    caches per date and minute, so 40,000 shifts cost a few dict look-ups each)."""
    clock = clock_for(tz)
    for s in shifts:
        if s.start is None or s.end is None:
            continue
        try:
            shift_span(clock, s.work_date, s.start, s.end)
            if s.break_start is not None and s.break_minutes:
                paid_spans(clock, s)
        except EntryError as exc:
            plan.problems.append(Problem(exc.msg, incoming[(s.employee_code, s.work_date)].where))


def _was_now(what: Msg, key: Msg | str, before: Msg, now: Msg) -> Msg:
    return msg("{what} {key} was {before}, now {now}", what=what, key=key, before=before, now=now)


def _stale_lines(seen: Seen, now: list[tuple[Entity, tuple[object, ...], object | None]]) -> list[Msg]:
    """Each row the plan writes that changed since the preview, as "shift AG003 Mon 2026-03-02
    was D, now 10:00-18:00": codes, employees, rates, shifts."""
    out: list[Msg] = []
    absent, deleted = msg("absent"), msg("deleted")
    for entity, key, cur in now:
        if entity is Entity.CODE:
            old_code = seen.codes.get(str(key[0]))
            cur_code = cur if isinstance(cur, ShiftCode) else None
            out.append(_was_now(msg("shift code"), str(key[0]), _code_text(old_code) if old_code else absent,
                                _code_text(cur_code) if cur_code else deleted))
        elif entity is Entity.EMPLOYEE:
            old_emp = seen.employees.get(str(key[0]))
            cur_emp = cur if isinstance(cur, Employee) else None
            out.append(_was_now(msg("employee"), str(key[0]), _emp_text(old_emp) if old_emp else absent,
                                _emp_text(cur_emp) if cur_emp else deleted))
        elif entity is Entity.RATE_LIST:
            code = str(key[0])
            now_rates = list(cur) if isinstance(cur, tuple) else []
            old_rates = _rates_text(seen.rates.get(code, []))
            out.append(_was_now(msg("pay rates of"), code, old_rates, _rates_text(now_rates)))
        elif entity is Entity.RATE:
            code = str(key[0])
            old = next((r for r in seen.rates.get(code, []) if r.effective_from == key[1]), None)
            out.append(_was_now(msg("pay rate of"), code, _rates_text([old] if old else []),
                                _rates_text([cur] if isinstance(cur, PayRate) else [])))
        elif entity is Entity.SHIFT:
            cell = (str(key[0]), key[1])
            assert isinstance(cell[1], date)
            old_shift = seen.shifts.get(cell)  # type: ignore[arg-type]
            out.append(_was_now(msg("shift"), _day_key(cell), _shift_text(old_shift),  # type: ignore[arg-type]
                                _shift_text(cur if isinstance(cur, Shift) else None)))
    return out


def _rates_text(rates: Sequence[PayRate]) -> Msg:
    if not rates:
        return msg("none")
    text = _rate_text(rates[0])
    for r in rates[1:]:
        text = msg("{first}, {next}", first=text, next=_rate_text(r))
    return text


def apply_import(ws: Workspace, plan: ImportPlan) -> dict[str, int]:
    """Write a clean plan in one transaction; nothing is written when it is refused.

    Refused with InputError when the plan has problems, and with StaleEditError
    (``ImportStaleError``) when any row the plan would add, change or remove no longer holds
    what the plan saw (another workstation or the grid edited it during the preview).

    ``plan.seen`` goes to ``Store.apply_bulk`` as ``expected``: the store compares it inside
    the import's own write transaction, after taking the write lock and before writing
    anything, so no edit can slip in between the check and the write. An edit that commits
    first is reported here; one that comes later waits for the import and lands after it.
    """
    if plan.problems:
        raise InputError(msg_n(
            "{file}: {count:num} problem; nothing was imported. First: {first}",
            "{file}: {count:num} problems; nothing was imported. First: {first}",
            len(plan.problems), file=plan.file_name, first=plan.problems[0].as_msg(),
        ))
    if not plan.has_changes:
        return {}
    seen = plan.seen
    writes: list[Write] = [
        Write(Entity.CODE, (c.code.upper(),), c, expected=seen.codes.get(c.code.upper())) for c in plan.codes
    ]
    writes += [
        Write(Entity.EMPLOYEE, (e.code,), e, expected=seen.employees.get(e.code)) for e in plan.employees
    ]
    for r in plan.rates:
        known = seen.rates.get(r.employee_code, [])
        same_day = next((x for x in known if x.effective_from == r.effective_from), None)
        writes.append(Write(Entity.RATE, (r.employee_code, r.effective_from), r, expected=same_day))
    # Which rate the plan adds depends on the rates in force it saw: each such list must be
    # unchanged (a check only; it writes nothing).
    writes += [
        Write(Entity.RATE_LIST, (code,), tuple(lst), expected=tuple(lst)) for code, lst in seen.rates.items()
    ]
    writes += [
        Write(Entity.SHIFT, (s.employee_code, s.work_date), s,
              expected=seen.shifts.get((s.employee_code, s.work_date)))
        for s in plan.shifts_set
    ]
    writes += [Write(Entity.SHIFT, key, None, expected=seen.shifts.get(key)) for key in plan.shifts_clear]
    try:
        with _cyclic_gc_paused():
            done = ws.commit(ChangeSet(writes, How.IMPORT, plan.file_name))
    except ChangedElsewhere as exc:
        raise ImportStaleError(_stale_lines(seen, exc.now)) from None
    return _counts(done.applied)


def _counts(applied: Sequence[Applied]) -> dict[str, int]:
    """``{"employees_added": 2, "shifts_set": 120, ...}`` (kinds with no rows left out)."""
    names = {
        Entity.EMPLOYEE: ("employees_added", "employees_updated", ""),
        Entity.RATE: ("rates_set", "rates_set", ""),
        Entity.CODE: ("codes_added", "codes_updated", ""),
        Entity.SHIFT: ("shifts_set", "shifts_set", "shifts_cleared"),
    }
    out: Counter[str] = Counter()
    for a in applied:
        added, updated, removed = names.get(a.entity, ("", "", ""))
        name = added if a.before is None else removed if a.after is None else updated
        if name:
            out[name] += 1
    return dict(out)


def import_workbook(ws: Workspace, path: str | Path, *, dry_run: bool = False) -> ImportPlan:
    """Plan, and unless ``dry_run`` apply; a plan with problems is returned unapplied."""
    plan = plan_import(ws, path)
    if plan.ok and not dry_run:
        apply_import(ws, plan)
    return plan
