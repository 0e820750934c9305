"""Stage one: how many shifts of each shape to start each day, and where their breaks go.

Nobody is named yet; only limits every real schedule obeys are kept - at most one new shift per
free person per day, no more of a shape than the people it fits, no more hours in a work week
than the people's weekly budgets hold. So its best under-coverage is a lower bound: no schedule
of these people can be short by less (the solver's proven bound is reported, which is that
optimum when it is proved, and still a valid bound when the time runs out first).

Solved one work week at a time, each week scoring its own intervals and free to start shifts
the day before (whose nights reach into its first morning). Every schedule restricted to one
week is a solution of that week's model and the weeks score disjoint intervals, so the sum of
the weeks' bounds is still a lower bound for the whole range. Each week in two steps, in the
objective's order: the least (call-weighted) under-coverage, then, keeping it, the least
over-coverage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ortools.sat.python import cp_model

from deskwfm.scheduler.coverage_model import CoverageVars, add_coverage
from deskwfm.scheduler.options import Horizon, Option
from deskwfm.scheduler.solving import SolveRun, hint_solution, run


@dataclass(frozen=True, slots=True)
class Limits:
    """What the people can give: per day (free people), per option (people it fits), per work
    week (minutes of budget)."""

    per_day: Mapping[date, int]
    per_option: Mapping[int, int]
    per_week: Mapping[date, int]
    week_of: Mapping[date, date]


@dataclass(frozen=True, slots=True)
class Sizing:
    counts: dict[int, int]  # option number -> shifts
    lower_bound: int  # weighted agent-minutes short that no schedule can beat
    weighted_short: int  # of this sizing
    proved: bool
    first_seconds: float | None
    seconds: float


def _model(horizon: Horizon, options: Sequence[Option], limits: Limits, scored: set[date],
           own: set[date]) -> tuple[cp_model.CpModel, dict[int, cp_model.IntVar], CoverageVars]:
    """Counts for ``options``; intervals of ``scored`` days count; the hours of ``own`` days'
    options are held to their weeks' budgets."""
    model = cp_model.CpModel()
    n = {o.number: model.new_int_var(0, limits.per_option.get(o.number, 0), f"n{o.number}") for o in options}
    by_day: dict[date, list[Option]] = {}
    for o in options:
        by_day.setdefault(o.day, []).append(o)
    for d, opts in by_day.items():
        model.add(cp_model.LinearExpr.sum([n[o.number] for o in opts]) <= limits.per_day.get(d, 0))
    by_week: dict[date, list[Option]] = {}
    for o in options:
        if o.day in own:
            by_week.setdefault(limits.week_of[o.day], []).append(o)
    for w, opts in by_week.items():
        model.add(cp_model.LinearExpr.weighted_sum([n[o.number] for o in opts], [o.paid for o in opts])
                  <= limits.per_week.get(w, 0))
    cells = [i for i, c in enumerate(horizon.cells) if c.day in scored]
    cov = add_coverage(model, horizon, options, n, limits.per_option, cells)
    return model, n, cov


def _week_options(options: Sequence[Option], days: Sequence[date]) -> list[Option]:
    """The week's options and those of the day before (for their nights)."""
    wanted = set(days) | {days[0] - timedelta(days=1)}
    return [o for o in options if o.day in wanted]


def plain_lower_bound(horizon: Horizon, options: Sequence[Option], limits: Limits,
                      weeks: Sequence[Sequence[date]], seconds: float, seed: int, workers: int,
                      runner: SolveRun) -> int:
    """The same bound for agent-minutes short counted without weights (the benchmark's measure)."""
    total = 0
    for days in weeks:
        model, _n, cov = _model(horizon, _week_options(options, days), limits, set(days), set(days))
        model.minimize(cov.plain_short())
        got = run(model, seconds / len(weeks), seed, workers, runner)
        total += int(got.solver.best_objective_bound) if got.solver is not None else 0
    return total


def size(horizon: Horizon, options: Sequence[Option], limits: Limits, weeks: Sequence[Sequence[date]],
         seconds: float, seed: int, workers: int, runner: SolveRun) -> Sizing:
    """Solve stage one week by week within ``seconds``."""
    counts: dict[int, int] = {}
    lower = best = 0
    proved = True
    first: float | None = None
    took = 0.0
    for days in weeks:
        got = _size_week(horizon, _week_options(options, days), limits, days, seconds / len(weeks), seed,
                         workers, runner)
        own = {o.number for o in options if o.day in days}
        counts.update({k: v for k, v in got.counts.items() if k in own})
        lower += got.lower_bound
        best += got.weighted_short
        proved = proved and got.proved
        if got.first_seconds is not None:
            first = (first or 0.0) + got.first_seconds
        took += got.seconds
    return Sizing(counts, lower, best, proved, first, took)


def _size_week(horizon: Horizon, options: Sequence[Option], limits: Limits, days: Sequence[date],
               seconds: float, seed: int, workers: int, runner: SolveRun) -> Sizing:
    model, n, cov = _model(horizon, options, limits, set(days), set(days))
    weighted = cov.weighted_short(horizon)
    model.minimize(weighted)
    first = run(model, seconds * 0.6, seed, workers, runner)
    if first.solver is None:
        return Sizing({}, 0, 0, False, None, first.seconds)
    lower = int(first.solver.best_objective_bound)
    best = int(first.solver.objective_value)
    counts = {k: int(first.solver.value(v)) for k, v in n.items()}
    hint_solution(model, first.solver)
    model.clear_objective()  # type: ignore[no-untyped-call]
    model.add(weighted <= best)
    model.minimize(cov.total_over())
    second = run(model, seconds * 0.4, seed, workers, runner, presolve=False)
    if second.solver is not None:
        counts = {k: int(second.solver.value(v)) for k, v in n.items()}
    return Sizing(counts, lower, best, first.optimal, first.first_seconds, first.seconds + second.seconds)
