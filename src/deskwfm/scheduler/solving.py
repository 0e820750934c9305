"""One CP-SAT solve with the engine's settings: time limit, seed, workers, progress, cancel.

Repeatable runs: CP-SAT's parallel portfolio races its workers, so two runs may differ. One
worker (the default), or several with ``interleave_search`` (their work interleaved in fixed
batches; OR-Tools' sat_parameters.proto), search deterministically for a seed, provided the
limit is the solver's own work counter (deterministic time) rather than the clock. So the
budget is given in deterministic time, converted from seconds by a measured rate, with a
wall-clock limit kept as a backstop (reached only on a much slower machine, where a run may
then differ). On this 2-core machine one worker was also the fastest: stage one proves its
optimum sooner alone than racing a second worker (bench/bench_scheduler.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from deskwfm.core.messages import Msg
from deskwfm.scheduler.problem import Control

# Deterministic-time units per wall-clock second of budget, measured on this project's 2-core
# machine for these models (bench/bench_scheduler.py): 0.25 to 0.45 units a second.
DETERMINISTIC_PER_SECOND = 0.3
WALL_BACKSTOP = 1.0  # the wall-clock limit, as a multiple of the budget: never over it


@dataclass
class SolveRun:
    """Where a solve reports: the caller's Control and the share of the whole run it covers."""

    control: Control
    share_from: float = 0.0
    share_to: float = 1.0
    what: Msg | None = None
    deterministic: bool = True
    # seconds every solve spent after its first solution (shared by the runs of one engine call):
    # the time to a first complete schedule is the total less this
    after_first: list[float] = field(default_factory=lambda: [0.0])


@dataclass
class Solved:
    solver: cp_model.CpSolver | None  # None: no solution (cancelled before one, or none)
    optimal: bool
    seconds: float
    first_seconds: float | None  # wall time to the first solution


class _Watch(cp_model.CpSolverSolutionCallback):
    def __init__(self, runner: SolveRun, seconds: float) -> None:
        super().__init__()
        self.runner = runner
        self.seconds = max(seconds, 1e-3)
        self.t0 = time.perf_counter()
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        now = time.perf_counter() - self.t0
        if self.first is None:
            self.first = now
        r = self.runner
        if r.what is not None:
            share = r.share_from + (r.share_to - r.share_from) * min(1.0, now / self.seconds)
            r.control.report(share, r.what)
        if r.control.cancelled:
            self.stop_search()


def complete_hint(model: cp_model.CpModel, seconds: float, workers: int) -> bool:
    """Turn a partial hint into a complete one: solve with the hinted variables fixed (quick:
    only the dependent variables are left), then hint every variable with that solution. CP-SAT
    starts from a complete feasible hint at once; a partial one it may not complete."""
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.fix_variables_to_their_hinted_value = True
    p.max_deterministic_time = max(0.05, seconds * DETERMINISTIC_PER_SECOND)
    p.max_time_in_seconds = max(0.1, seconds * WALL_BACKSTOP)
    p.num_workers = 1
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return False
    hint_solution(model, solver)
    return True


def hint_solution(model: cp_model.CpModel, solver: cp_model.CpSolver) -> None:
    """Hint every variable with the solver's solution (the next solve starts from it)."""
    model.clear_hints()  # type: ignore[no-untyped-call]
    values = solver.response_proto.solution
    hint = model.proto.solution_hint
    hint.vars.extend(range(len(values)))
    hint.values.extend(values)


def run(model: cp_model.CpModel, seconds: float, seed: int, workers: int, runner: SolveRun,
        presolve: bool = True) -> Solved:
    if runner.control.cancelled:
        return Solved(None, False, 0.0, None)
    solver = cp_model.CpSolver()
    p = solver.parameters
    if not presolve:
        p.cp_model_presolve = False
    p.random_seed = seed
    p.num_workers = max(1, workers)
    if runner.deterministic:
        p.interleave_search = p.num_workers > 1
        p.max_deterministic_time = max(0.05, seconds * DETERMINISTIC_PER_SECOND)
        p.max_time_in_seconds = max(0.1, seconds * WALL_BACKSTOP)
    else:
        p.max_time_in_seconds = max(0.1, seconds)
    watch = _Watch(runner, seconds)
    runner.control._stoppers.append(solver.stop_search)
    t0 = time.perf_counter()
    try:
        status = solver.solve(model, watch)
    finally:
        runner.control._stoppers.remove(solver.stop_search)
    took = time.perf_counter() - t0
    if watch.first is not None:
        runner.after_first[0] += max(0.0, took - watch.first)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solved(None, False, took, watch.first)
    return Solved(solver, status == cp_model.OPTIMAL, took, watch.first)
