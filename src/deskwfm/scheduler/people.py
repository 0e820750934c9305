"""Who may take which option: each person's calendar of kept shifts and the options open to them.

An option is open to a person on a day when the cell is empty (manual shifts, leave and
sickness are kept as they are), no locked pay period is touched, the shift fits their
availability and the daily maximum, and it keeps the minimum rest from every shift already
fixed around it (kept, or assigned in an earlier week). The weekly budget is what the weekly
maximum and the contract leave after the fixed shifts of that work week (the same sums as
``core.warnings``: worked hours for the maximum, worked and paid leave for the contract).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.model import Employee, Shift, ShiftKind
from deskwfm.core.periods import week_start_of
from deskwfm.core.roster_rules import ShiftType, shift_type
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import Clock, clock_for, minute_of_day, paid_spans, shift_span
from deskwfm.scheduler.options import Option

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Fixed:
    """A shift that is on the schedule (kept, or assigned earlier in this run)."""

    begin: int
    finish: int
    paid: int
    work: bool  # a work shift (leave is not work)
    kind: ShiftType | None  # for work shifts


@dataclass
class Person:
    employee: Employee
    fixed: dict[date, Fixed] = field(default_factory=dict)
    filled: set[date] = field(default_factory=set)  # dates whose cell holds something

    @property
    def code(self) -> str:
        return self.employee.code

    def works(self, d: date) -> bool:
        f = self.fixed.get(d)
        return f is not None and f.work

    def kind(self, d: date) -> ShiftType | None:
        f = self.fixed.get(d)
        return f.kind if f is not None and f.work else None


def fixed_of(clock: Clock, site: SiteSettings, s: Shift) -> Fixed | None:
    """The rule-relevant facts of a shift on the schedule (None for one without times or off)."""
    if s.start is None or s.end is None or s.kind in (ShiftKind.OFF, ShiftKind.UNPAID_LEAVE):
        return None
    try:
        begin, finish = shift_span(clock, s.work_date, s.start, s.end)
        paid = sum(b - a for a, b in paid_spans(clock, s))
        work = s.kind is ShiftKind.WORK
        kind = shift_type(clock, site.rules, s) if work else None
    except DeskwfmError:
        return None
    return Fixed(begin, finish, paid, work, kind)


def people_of(site: SiteSettings, employees: Sequence[Employee], shifts: Iterable[Shift]) -> list[Person]:
    clock = clock_for(site.tz)
    by_code = {e.code: Person(e) for e in employees}
    for s in shifts:
        p = by_code.get(s.employee_code)
        if p is None:
            continue
        p.filled.add(s.work_date)
        f = fixed_of(clock, site, s)
        if f is not None:
            p.fixed[s.work_date] = f
    return list(by_code.values())


def option_fixed(opt: Option) -> Fixed:
    return Fixed(opt.begin, opt.finish, opt.paid, True, opt.kind)


def _end_minute(opt: Option) -> int:
    a, b = minute_of_day(opt.shape.start), minute_of_day(opt.shape.end)
    return b if b > a else b + 1440


def open_options(site: SiteSettings, person: Person, day: date, options: Sequence[Option],
                 locked: frozenset[date]) -> list[Option]:
    """The options ``person`` may take on ``day`` given what is fixed around it."""
    if day in person.filled or day in person.fixed:
        return []
    rules = site.rules
    avail = person.employee.availability
    near = [f for k in range(-2, 3) if k and (f := person.fixed.get(day + timedelta(days=k))) is not None
            and f.work]
    out: list[Option] = []
    for opt in options:
        if any(t in locked for t in opt.touches):
            continue
        if rules.max_daily_minutes is not None and opt.paid > rules.max_daily_minutes:
            continue
        if not avail.fits(day, minute_of_day(opt.shape.start), _end_minute(opt)):
            continue
        if any(not _rested(opt.begin, opt.finish, f.begin, f.finish, rules.min_rest_minutes) for f in near):
            continue
        out.append(opt)
    return out


def _rested(a0: int, a1: int, b0: int, b1: int, rest: int) -> bool:
    """Whether two shifts neither overlap nor come closer than ``rest`` minutes."""
    if a1 <= b0:
        return b0 - a1 >= rest
    if b1 <= a0:
        return a0 - b1 >= rest
    return False


def rested(a: Fixed | Option, b: Fixed | Option, rest: int) -> bool:
    return _rested(a.begin, a.finish, b.begin, b.finish, rest)


def weekly_budget(site: SiteSettings, person: Person, week: date) -> int:
    """Minutes of new work the person may still take in the work week starting ``week``."""
    days = [week + timedelta(days=k) for k in range(7)]
    worked = sum(f.paid for d in days if (f := person.fixed.get(d)) is not None and f.work)
    with_leave = sum(f.paid for d in days if (f := person.fixed.get(d)) is not None)
    e = person.employee
    limits: list[int] = []
    weekly_max = e.max_minutes if e.max_minutes is not None else site.rules.max_weekly_minutes
    if weekly_max is not None:
        limits.append(weekly_max - worked)
    if e.contract_minutes is not None:
        limits.append(e.contract_minutes - with_leave)
    return max(0, min(limits)) if limits else 7 * 1440


def week_of(site: SiteSettings, d: date) -> date:
    return week_start_of(d, site.week_start)
