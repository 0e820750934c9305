"""The coverage part of a CP-SAT model, shared by stage one (sizing) and stage two (rostering).

Given a count variable per option (how many agents start that shape that day), it adds how
many of them take each place of each break, and per forecast interval the agent-minutes short
and over the requirement:

    kept minutes + sum(count x span minutes) - sum(lunch places x minutes) - sum(paid places x
    minutes) + short - over = needed agents x interval length

with short, over >= 0; minimising them makes exactly one of the two non-zero. An option's
minutes in no forecast interval (``Option.outside``: no calls are expected then) are over-coverage
too, added to ``total_over`` as a constant per shift. The objective
terms follow the issue's order by their weights: under-coverage (weighted toward intervals
with more calls) far above over-coverage, which is above overtime, which is above fairness.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from deskwfm.scheduler.options import Horizon, Option

# Objective weights (per agent-minute short x cell weight; per agent-minute over; per minute of
# overtime; per unit of fairness spread). An agent-minute short costs at least 10 x 200 = 2,000,
# more than the 480 agent-minutes over a whole extra shift could add (4 x 480 = 1,920), so a
# shortfall is never kept to avoid over-coverage.
W_SHORT = 200
W_OVER = 4
W_OVERTIME = 2
W_FAIR = 30


@dataclass
class CoverageVars:
    """The variables the coverage part added (read back after solving)."""

    cells: list[int]  # horizon cell numbers counted
    short: dict[int, cp_model.IntVar] = field(default_factory=dict)
    over: dict[int, cp_model.IntVar] = field(default_factory=dict)
    lunches: dict[int, list[cp_model.IntVar | None]] = field(default_factory=dict)  # per option
    paid: dict[int, list[list[cp_model.IntVar | None]]] = field(default_factory=dict)
    # shifts x their minutes outside every forecast interval: over-coverage by definition
    outside: list[tuple[cp_model.LinearExprT, int]] = field(default_factory=list)

    def weighted_short(self, horizon: Horizon) -> cp_model.LinearExpr:
        cells = self.cells
        return cp_model.LinearExpr.weighted_sum([self.short[c] for c in cells],
                                                [horizon.cells[c].weight for c in cells])

    def plain_short(self) -> cp_model.LinearExpr:
        return cp_model.LinearExpr.sum([self.short[c] for c in self.cells])

    def total_over(self) -> cp_model.LinearExpr:
        """Agent-minutes over the requirement, those outside the forecast included."""
        return cp_model.LinearExpr.weighted_sum(
            [self.over[c] for c in self.cells] + [e for e, _ in self.outside],
            [1] * len(self.cells) + [k for _, k in self.outside])


def _allocate(model: cp_model.CpModel, count: cp_model.LinearExprT, places: int, most: int,
              name: str) -> list[cp_model.IntVar | None]:
    """How many of ``count`` shifts take each of ``places`` places of a break (None: the only
    place, taken by all of them)."""
    if places == 1:
        return [None]
    got: list[cp_model.IntVar | None] = []
    vs = [model.new_int_var(0, most, f"{name}_{k}") for k in range(places)]
    model.add(cp_model.LinearExpr.sum(vs) == count)
    got.extend(vs)
    return got


def add_coverage(
    model: cp_model.CpModel,
    horizon: Horizon,
    options: Sequence[Option],
    counts: Mapping[int, cp_model.LinearExprT],
    most: Mapping[int, int],
    cells: Sequence[int],
    weights: Sequence[int] | None = None,
) -> CoverageVars:
    """Break allocations and short/over variables for ``cells`` given a count expression per
    option (``counts[option.number]``, at most ``most[option.number]``)."""
    out = CoverageVars(list(cells))
    wanted = set(cells)
    terms: dict[int, tuple[list[cp_model.LinearExprT], list[int]]] = {c: ([], []) for c in cells}

    def put(c: int, expr: cp_model.LinearExprT, coeff: int) -> None:
        if c in wanted:
            vs, ks = terms[c]
            vs.append(expr)
            ks.append(coeff)

    for opt in options:
        n = counts[opt.number]
        top = most.get(opt.number, 0)
        if opt.outside > 0:
            out.outside.append((n, opt.outside))
        for c, m in opt.cells:
            put(c, n, m)
        if opt.lunches:
            alloc = _allocate(model, n, len(opt.lunches), top, f"l{opt.number}")
            out.lunches[opt.number] = alloc
            for slot, v in zip(opt.lunches, alloc, strict=True):
                for c, m in slot.cells:
                    put(c, n if v is None else v, -m)
        windows: list[list[cp_model.IntVar | None]] = []
        for j, places in enumerate(opt.paid_windows):
            alloc = _allocate(model, n, len(places), top, f"p{opt.number}_{j}")
            windows.append(alloc)
            for slot, v in zip(places, alloc, strict=True):
                for c, m in slot.cells:
                    put(c, n if v is None else v, -m)
        if windows:
            out.paid[opt.number] = windows
    for c in cells:
        cell = horizon.cells[c]
        need = cell.need_minutes
        rest = need - horizon.fixed_minutes(c)
        short = out.short[c] = model.new_int_var(0, max(0, rest), f"short{c}")
        over = out.over[c] = model.new_int_var(0, 1_000_000, f"over{c}")
        vs, ks = terms[c]
        model.add(cp_model.LinearExpr.weighted_sum(vs, ks) + short - over == rest)
    return out


def value_of(solver: cp_model.CpSolver, v: cp_model.IntVar | None, default: int) -> int:
    return default if v is None else int(solver.value(v))
