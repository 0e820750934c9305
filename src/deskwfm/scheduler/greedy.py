"""A simple greedy scheduler: the benchmark's baseline (no solver).

Day by day, it repeatedly picks the shift shape that would cover the most call-weighted
shortfall (breaks at their default places) and gives it to a person who may take it under
every rule (``checks``), until no shape helps or nobody can take one.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date

from deskwfm.core.model import Shift
from deskwfm.scheduler.checks import hand_out
from deskwfm.scheduler.engine import keep_rule_abiding, prepare, weighted_short
from deskwfm.scheduler.options import Cells, Option
from deskwfm.scheduler.people import week_of, weekly_budget
from deskwfm.scheduler.problem import Problem
from deskwfm.scheduler.proposal import Outcome, Proposal


def _middle(places: Sequence[object]) -> int:
    return len(places) // 2


def _on_phones(opt: Option) -> tuple[dict[int, int], list[object]]:
    """Minutes on the phones per cell with every break at its middle place, and those places."""
    got: dict[int, int] = dict(opt.cells)
    chosen: list[object] = []
    groups = ([opt.lunches] if opt.lunches else []) + list(opt.paid_windows)
    for places in groups:
        slot = places[_middle(places)]
        chosen.append(slot.start)
        cells: Cells = slot.cells
        for c, m in cells:
            got[c] = got.get(c, 0) - m
    return got, chosen


def schedule(problem: Problem) -> Proposal:
    t0 = time.perf_counter()
    horizon, options, people = prepare(problem)
    left: dict[tuple[str, date], int] = {}
    shifts: list[Shift] = []
    minutes = [horizon.fixed_minutes(i) for i in range(len(horizon.cells))]
    phones = {o.number: _on_phones(o) for d in problem.days for o in options[d]}
    for d in problem.days:
        wk = week_of(problem.site, d)
        budget = {p.code: left.setdefault((p.code, wk), weekly_budget(problem.site, p, wk)) for p in people}
        blocked: set[int] = set()
        while True:
            best, gain = None, 0
            for o in options[d]:
                if o.number in blocked:
                    continue
                g = sum(horizon.cells[c].weight * min(m, max(0, horizon.cells[c].need_minutes - minutes[c]))
                        for c, m in phones[o.number][0].items() if m > 0)
                if g > gain:
                    best, gain = o, g
            if best is None:
                break
            got = hand_out(problem.site, people, [d], {d: [best]}, {best.number: 1}, budget, problem.locked,
                           lambda *_: True)
            if not got:
                blocked.add(best.number)
                continue
            (code, _d, _n), = got
            left[code, wk] = budget[code]
            cov, places = phones[best.number]
            for c, m in cov.items():
                minutes[c] += m
            lunch = places[0] if best.lunches else None
            paid = places[1:] if best.lunches else places
            shifts.append(best.shift(code, lunch, paid))  # type: ignore[arg-type]
    shifts, dropped = keep_rule_abiding(problem, shifts)
    short = weighted_short(problem, shifts)
    took = time.perf_counter() - t0
    count = sum(len(v) for v in options.values())
    return Proposal(shifts, Outcome.DONE, 0, short, {}, dropped, took, took, count)
