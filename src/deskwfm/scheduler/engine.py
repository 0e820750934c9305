"""Run the scheduler: stage one (sizing, the lower bound), then stage two week by week, then the
program's own rule check on the result.

The time limit is shared: a fifth for stage one, the rest split evenly over the weeks still to
solve (a week that finishes early leaves its time to the next). Progress is reported through
``Control`` (share done and what is being done); ``Control.cancel`` stops the running solve and
the run returns the weeks solved so far, marked cancelled.

The final check runs ``core.warnings`` on every scheduled person before and after; a proposed
shift that would add a warning (none should: every rule is a constraint) is left out and
reported, so a proposal never adds a warning to the schedule.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date, timedelta

from deskwfm.core.coverage import Demand
from deskwfm.core.messages import msg
from deskwfm.core.model import Shift
from deskwfm.core.warnings import RuleWarning, check_employee
from deskwfm.scheduler.options import Horizon, Option, build_options
from deskwfm.scheduler.people import Person, open_options, people_of, week_of, weekly_budget
from deskwfm.scheduler.problem import Control, Problem, Settings
from deskwfm.scheduler.proposal import Outcome, Proposal
from deskwfm.scheduler.rostering import Roster, Soft, weeks_of
from deskwfm.scheduler.sizing import Limits, size
from deskwfm.scheduler.solving import SolveRun

SIZING_SHARE = 0.3


def prepare(problem: Problem) -> tuple[Horizon, dict[date, list[Option]], list[Person]]:
    """The horizon (with the kept shifts' coverage), the options of each day, and the people."""
    floor = problem.on_floor
    kept = [s for s in problem.shifts if floor is None or s.employee_code in floor]
    demand: dict[date, dict[int, Demand]] = {d: dict(v) for d, v in problem.demand.items()}
    horizon = Horizon(problem.site, problem.days, demand, kept)
    options = build_options(horizon, problem.shapes)
    return horizon, options, people_of(problem.site, problem.people, problem.shifts)


def limits_of(problem: Problem, options: dict[date, list[Option]], people: Sequence[Person]) -> Limits:
    """What the people can give, for stage one (see ``sizing``)."""
    per_day: dict[date, int] = {}
    per_option: dict[int, int] = {}
    per_week: dict[date, int] = {}
    weeks: dict[date, date] = {d: week_of(problem.site, d) for d in problem.days}
    budgets: dict[tuple[str, date], int] = {}
    for p in people:
        for d in problem.days:
            opts = open_options(problem.site, p, d, options[d], problem.locked)
            if not opts:
                continue
            per_day[d] = per_day.get(d, 0) + 1
            for o in opts:
                per_option[o.number] = per_option.get(o.number, 0) + 1
            key = (p.code, weeks[d])
            if key not in budgets:
                budgets[key] = weekly_budget(problem.site, p, weeks[d])
                per_week[weeks[d]] = per_week.get(weeks[d], 0) + budgets[key]
    return Limits(per_day, per_option, per_week, weeks)


def solve(problem: Problem, settings: Settings | None = None, control: Control | None = None) -> Proposal:
    settings = settings or Settings()
    control = control or Control()
    t0 = time.perf_counter()
    control.report(0.0, msg("preparing the shifts to choose from"))
    horizon, options, people = prepare(problem)
    all_options = [o for d in problem.days for o in options[d]]
    limits = limits_of(problem, options, people)
    budget = settings.time_limit
    tally = [0.0]
    runner = SolveRun(control, 0.0, SIZING_SHARE, msg("sizing the shifts to the forecast"), after_first=tally)
    weeks = weeks_of(problem.site, problem.days)
    sizing = size(horizon, all_options, limits, weeks, budget * SIZING_SHARE, settings.seed, settings.workers,
                  runner)
    roster = Roster(problem.site, horizon, options, people, problem.locked, settings.seed)
    shifts: list[Shift] = []
    costs: dict[Soft, int] = {}
    outcome = Outcome.DONE
    for k, days in enumerate(weeks):
        if control.cancelled:
            outcome = Outcome.CANCELLED
            break
        # a fixed share of the budget per week (not what the clock leaves): repeatable runs
        left = budget * (1 - SIZING_SHARE) * (len(weeks) - k) / len(weeks)
        share0 = SIZING_SHARE + (1 - SIZING_SHARE) * k / len(weeks)
        share1 = SIZING_SHARE + (1 - SIZING_SHARE) * (k + 1) / len(weeks)
        runner = SolveRun(control, share0, share1,
                          msg("assigning people, week of {day:date}", day=days[0]), after_first=tally)
        got = roster.solve_week(days, left / (len(weeks) - k), settings.workers, runner, sizing.counts)
        if control.cancelled:
            outcome = Outcome.CANCELLED
        if not got.solved:
            if outcome is Outcome.DONE:
                outcome = Outcome.PARTIAL
            continue
        shifts += got.shifts
        for soft, v in got.costs.items():
            costs[soft] = v if soft.name.startswith("FAIR") else costs.get(soft, 0) + v
    control.report(1.0, msg("checking the proposal against the rules"))
    shifts, dropped = keep_rule_abiding(problem, shifts)
    weighted = weighted_short(problem, shifts)
    costs[Soft.UNDER] = weighted
    took = time.perf_counter() - t0
    return Proposal(shifts, outcome, sizing.lower_bound, weighted, costs, dropped, took - tally[0], took,
                    len(all_options), tuple(horizon.unforecast))


def weighted_short(problem: Problem, shifts: list[Shift]) -> int:
    """Call-weighted agent-minutes short over the range's days, counted afresh (core.coverage)."""
    fresh = Horizon(problem.site, problem.days, {d: dict(v) for d, v in problem.demand.items()},
                    [s for s in list(problem.shifts) + shifts
                     if problem.on_floor is None or s.employee_code in problem.on_floor])
    days = set(problem.days)
    return sum(max(0, c.need_minutes - fresh.fixed_minutes(i)) * c.weight
               for i, c in enumerate(fresh.cells) if c.day in days)


WarningKey = tuple[str, date, str]


def warnings_of(problem: Problem, shifts: Sequence[Shift], codes: set[str]) -> dict[WarningKey, RuleWarning]:
    """The rule warnings of the given people's shifts on the range's days (by comparable key)."""
    first, last = problem.days[0], problem.days[-1]
    by_code: dict[str, list[Shift]] = {}
    for s in shifts:
        if s.employee_code in codes:
            by_code.setdefault(s.employee_code, []).append(s)
    out: dict[WarningKey, RuleWarning] = {}
    people = {e.code: e for e in problem.people}
    for code in codes:
        found = check_employee(problem.site, people[code], by_code.get(code, []), first - timedelta(days=1),
                               last + timedelta(days=1))
        out.update({(w.employee_code, w.work_date, str(w.rule)): w for w in found})
    return out


def keep_rule_abiding(problem: Problem, shifts: list[Shift]) -> tuple[list[Shift], list[RuleWarning]]:
    """Leave out any proposed shift that would add a rule warning (a safety net: the models keep
    every rule, so nothing should be left out)."""
    codes = {s.employee_code for s in shifts}
    before = warnings_of(problem, problem.shifts, codes)
    kept = list(shifts)
    dropped: list[RuleWarning] = []
    while True:
        after = warnings_of(problem, list(problem.shifts) + kept, codes)
        new = [w for k, w in after.items() if k not in before]
        if not new:
            return kept, dropped
        dropped += new
        cells = {(w.employee_code, w.work_date) for w in new}
        remaining = [s for s in kept if (s.employee_code, s.work_date) not in cells]
        if len(remaining) == len(kept):  # the warning shows on a kept cell: drop the week before it
            near = {(w.employee_code, w.work_date - timedelta(days=k)) for w in new for k in range(8)}
            remaining = [s for s in kept if (s.employee_code, s.work_date) not in near]
        if len(remaining) == len(kept):
            who = {w.employee_code for w in new}
            remaining = [s for s in kept if s.employee_code not in who]
        kept = remaining
