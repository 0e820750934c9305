"""Automatic scheduling to the forecast: build the scheduler's problem from the database, run it,
compare the proposal with today's schedule, and write an accepted proposal as one change set.

The scheduler (``deskwfm.scheduler``, with OR-Tools) is imported only when a run starts. A
proposal fills empty cells only: manual shifts, leave, sickness and locked pay periods stay as
they are. Accepting writes every proposed cell in one transaction (one undo step, audited as
"automatic schedule"), each checked to be still empty, so a cell filled meanwhile on another
workstation refuses the whole proposal rather than being overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.coverage import DayStaffing, demand_by_interval, staffing_report
from deskwfm.core.entry import span_minutes
from deskwfm.core.errors import InputError
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode, ShiftKind
from deskwfm.core.periods import days as days_between
from deskwfm.core.service_level import StaffingFigures, range_figures
from deskwfm.core.site import SiteSettings
from deskwfm.core.warnings import RuleWarning
from deskwfm.services.schedule import CellChange, _changes
from deskwfm.services.site import get_site
from deskwfm.services.workspace import Workspace

if TYPE_CHECKING:
    from deskwfm.scheduler.problem import Control, Problem, Settings, Shape
    from deskwfm.scheduler.proposal import Proposal

MAX_DAYS = 6 * 7
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ScheduleFigures:
    """What a WFM analyst compares between two schedules of a range."""

    days: list[DayStaffing]
    total: StaffingFigures
    per_day: list[StaffingFigures]
    paid_minutes: int  # work scheduled (paid) in the range, everyone scheduled
    overtime_minutes: int  # of it, overtime and double time (payroll's own rules)
    warnings: list[RuleWarning]


@dataclass(frozen=True, slots=True)
class AutoSchedule:
    """A proposal and the figures of the range before and after it."""

    start: date
    end: date
    team: str | None
    proposal: Proposal
    before: ScheduleFigures
    after: ScheduleFigures
    # what the cells held when the problem was read (all empty): accept checks them again
    people: list[Employee] = field(default_factory=list)

    @property
    def shifts(self) -> list[Shift]:
        return self.proposal.shifts

    @property
    def no_forecast(self) -> tuple[date, ...]:
        """The range's days without a call forecast: nothing is needed, so nothing was proposed."""
        return self.proposal.no_forecast


def no_forecast_note(days: Sequence[date]) -> Msg | None:
    """One sentence naming the days a run left alone for want of a forecast (runs of days as
    ranges), or None when every day had one."""
    if not days:
        return None
    runs: list[list[date]] = []
    for d in sorted(days):
        if runs and d - runs[-1][-1] == _ONE_DAY:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = [msg("{a:day}", a=r[0]) if len(r) == 1 else msg("{a:day} to {b:day}", a=r[0], b=r[-1])
             for r in runs]
    listed = parts[-1]
    for part in reversed(parts[:-1]):
        listed = msg("{first}, {rest}", first=part, rest=listed)
    return msg_n(
        "{count} day has no call forecast and was left alone ({days}); import a forecast to schedule it.",
        "{count} days have no call forecast and were left alone ({days}); import a forecast to "
        "schedule them.",
        len(days), days=listed)


def shapes_of(site: SiteSettings, codes: Sequence[ShiftCode]) -> list[Shape]:
    """The shift shapes a run may use: every work code with times, and each admin-set start time
    with each admin-set length. A generated shape takes the breaks of the work code closest to
    it in length (a code with the same start and end is that code)."""
    from deskwfm.scheduler.problem import Shape

    work = [c for c in codes if c.kind is ShiftKind.WORK and c.start is not None and c.end is not None]
    out: list[Shape] = []
    seen: set[tuple[time, time]] = set()
    for c in work:
        assert c.start is not None and c.end is not None
        out.append(Shape(c.start, c.end, c.break_minutes, c.paid_breaks, c.paid_break_minutes, c.code))
        seen.add((c.start, c.end))
    for start in site.auto_starts:
        for length in site.auto_lengths:
            m = (start.hour * 60 + start.minute + length) % 1440
            end = time(m // 60, m % 60)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            brk, paid, paid_len = _breaks_for(length, work)
            out.append(Shape(start, end, brk, paid, paid_len))
    return out


def _breaks_for(length: int, work: Sequence[ShiftCode]) -> tuple[int, int, int]:
    def span(c: ShiftCode) -> int:
        assert c.start is not None and c.end is not None
        return span_minutes(c.start, c.end)

    if work:
        near = min(work, key=lambda c: (abs(span(c) - length), c.code))
        if near.break_minutes + near.paid_breaks * near.paid_break_minutes < length:
            return near.break_minutes, near.paid_breaks, near.paid_break_minutes
    # no code to copy: a 30-minute meal after 5 hours (Ontario ESA s.20(1)), a paid 15 min per 4 h
    brk = 30 if length > 300 else 0
    return brk, (length - brk) // 240, 15


def _locked_days(ws: Workspace, first: date, last: date) -> frozenset[date]:
    out: set[date] = set()
    for p in ws.store.periods():
        if p.locked and p.start <= last and p.end >= first:
            d = max(p.start, first)
            while d <= min(p.end, last):
                out.add(d)
                d += _ONE_DAY
    return frozenset(out)


def load_problem(ws: Workspace, start: date, end: date, team: str | None = None) -> Problem:
    """Everything a run needs, read in one go. InputError for a range or team that makes no sense."""
    from deskwfm.core.roster_rules import history_days
    from deskwfm.scheduler.problem import Problem

    if end < start:
        raise InputError(msg("the range ends ({end:date}) before it starts ({start:date})",
                             end=end, start=start))
    if (end - start).days + 1 > MAX_DAYS:
        raise InputError(msg("automatic scheduling covers at most {n} days at a time", n=MAX_DAYS))
    site = get_site(ws)
    active = ws.store.list_employees(include_inactive=False)
    people = [e for e in active if team is None or e.team == team]
    if team is not None and not people:
        teams = ", ".join(sorted({e.team for e in active if e.team})) or "none"
        raise InputError(msg("there is no active employee in team {team} (teams: {teams})",
                             team=team, teams=teams))
    codes = ws.store.list_codes()
    shapes = shapes_of(site, codes)
    if not shapes:
        raise InputError(msg(
            "there is no work shift code with times to schedule; add one in Settings \u2192 Shift codes"))
    forecast = ws.store.forecast_between(start, end + _ONE_DAY)
    if not any(start <= f.work_date <= end for f in forecast):
        raise InputError(msg("there is no call forecast for {start:date} to {end:date}; import one first",
                             start=start, end=end))
    lo = start - timedelta(days=history_days(site.rules) + 7)
    hi = end + timedelta(days=14)
    shifts = ws.store.shifts_between(lo, hi, [e.code for e in active])
    return Problem(
        site, people, days_between(start, end), demand_by_interval(forecast, site.staffing), shapes, shifts,
        _locked_days(ws, lo, hi), frozenset(e.code for e in active),
    )


def figures_of(ws: Workspace, problem: Problem, shifts: Sequence[Shift]) -> ScheduleFigures:
    """Coverage, service level, hours, overtime and rule warnings of ``shifts`` over the range."""
    from deskwfm.core.payroll import compute_employee, payroll_load_window
    from deskwfm.core.warnings import check_employee
    from deskwfm.services.schedule import holidays_for

    site = problem.site
    start, end = problem.days[0], problem.days[-1]
    floor = problem.on_floor or frozenset()
    forecast = ws.store.forecast_between(start, end)
    days = staffing_report(site.tz, site.staffing, list(problem.days), forecast,
                           [s for s in shifts if s.employee_code in floor])
    targets = site.staffing
    per_day = [range_figures([d], targets) for d in days]
    by_code: dict[str, list[Shift]] = {}
    for s in shifts:
        by_code.setdefault(s.employee_code, []).append(s)
    lo, hi = payroll_load_window(site, start, end)
    holidays = holidays_for(site, lo, hi)
    paid = overtime = 0
    found: list[RuleWarning] = []
    for e in problem.people:
        mine = by_code.get(e.code, [])
        rates = [PayRate(e.code, date(2000, 1, 1), Decimal(1))]  # minutes only: any rate will do
        pay = compute_employee(site, e, rates, mine, start, end, holidays)
        paid += pay.minutes.paid
        overtime += pay.minutes.overtime + pay.minutes.double_time
        found += check_employee(site, e, mine, start, end)
    return ScheduleFigures(days, range_figures(days, targets), per_day, paid, overtime, found)


def propose(ws: Workspace, start: date, end: date, team: str | None = None, settings: Settings | None = None,
            control: Control | None = None) -> AutoSchedule:
    """Run the scheduler on start..end (nothing is written)."""
    from deskwfm.scheduler.engine import solve

    problem = load_problem(ws, start, end, team)
    proposal = solve(problem, settings, control)
    before = figures_of(ws, problem, problem.shifts)
    after = figures_of(ws, problem, list(problem.shifts) + proposal.shifts)
    return AutoSchedule(start, end, team, proposal, before, after, list(problem.people))


def accept(ws: Workspace, auto: AutoSchedule, detail: str = "") -> list[CellChange]:
    """Write the proposal as one change set (one undo step); every cell must still be empty."""
    changes = [Change(Entity.SHIFT, (s.employee_code, s.work_date), s, expected=None) for s in auto.shifts]
    if not changes:
        return []
    text = detail or f"{auto.start.isoformat()}..{auto.end.isoformat()}"
    if auto.team and not detail:
        text += f" team {auto.team}"
    return _changes(ws.commit(ChangeSet(changes, How.AUTO_SCHEDULE, text)).applied)


def range_warnings(ws: Workspace, start: date, end: date) -> list[RuleWarning]:
    """The rule warnings of every active employee's shifts with work dates in start..end."""
    from deskwfm.core.roster_rules import history_days
    from deskwfm.core.warnings import check_employee

    if end < start:
        raise InputError(msg("the range ends ({end:date}) before it starts ({start:date})",
                             end=end, start=start))
    if (end - start).days > 400:
        raise InputError(msg("warnings are listed for at most {n} days at a time", n=400))
    site = get_site(ws)
    people = ws.store.list_employees(include_inactive=False)
    lo = start - timedelta(days=history_days(site.rules) + 7)
    shifts = ws.store.shifts_between(lo, end + timedelta(days=7), [e.code for e in people])
    by_code: dict[str, list[Shift]] = {}
    for s in shifts:
        by_code.setdefault(s.employee_code, []).append(s)
    out: list[RuleWarning] = []
    for e in people:
        out += check_employee(site, e, by_code.get(e.code, []), start, end)
    return sorted(out, key=lambda w: (w.work_date, w.employee_code, str(w.rule)))
