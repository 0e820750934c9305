"""Stage two: who works which shift, one work week at a time, under the rules.

Each week is one CP-SAT model: a yes/no per (person, day, open option), the coverage of the
week's intervals (and of the next morning, which its night shifts reach), and the rules, each
one named constraint (``HARD``) so the proposal can say which ones shaped it. Weeks already
solved, and everything kept on the schedule, are fixed facts the next week's rules see (rest
after Sunday's night, a run of days that began last week, the weekends of the last N weeks).

A banned succession (too little rest, a day shift after a night) forbids only the pairs it
names: "this shift today" excludes exactly the shifts tomorrow that start too soon after it -
never every shift tomorrow (pyworkforce's roster step does the latter;
tests/scheduler/test_rules.py keeps this one from doing it).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum

from ortools.sat.python import cp_model

from deskwfm.core.messages import N_
from deskwfm.core.model import Shift
from deskwfm.core.roster_rules import SATURDAY, ShiftType
from deskwfm.core.site import SiteSettings
from deskwfm.scheduler.checks import hand_out
from deskwfm.scheduler.coverage_model import (
    W_FAIR,
    W_OVER,
    W_OVERTIME,
    W_SHORT,
    CoverageVars,
    add_coverage,
    value_of,
)
from deskwfm.scheduler.options import Horizon, Option
from deskwfm.scheduler.people import Person, open_options, option_fixed, rested, week_of, weekly_budget
from deskwfm.scheduler.solving import SolveRun, complete_hint, run

_ONE_DAY = timedelta(days=1)


class Hard(StrEnum):
    """The rules every proposed shift keeps (checked again afterwards by core.warnings)."""

    ONE_SHIFT_A_DAY = N_("one shift a day")
    KEPT_CELLS = N_("cells already filled are kept")
    LOCKED_PERIODS = N_("locked pay periods are not touched")
    AVAILABILITY = N_("availability and dates off")
    DAILY_MAX = N_("daily maximum hours")
    MIN_REST = N_("minimum rest between shifts")
    WEEKLY_MAX = N_("weekly maximum hours")
    CONTRACT = N_("contract hours")
    CONSECUTIVE_DAYS = N_("maximum consecutive work days")
    WEEKEND_OFF = N_("a weekend day off in N weeks")
    NIGHTS_IN_ROW = N_("maximum nights in a row")
    DAY_AFTER_NIGHT = N_("no day shift straight after a night")


class Soft(StrEnum):
    """The objective's terms, in their order of weight."""

    UNDER = N_("under-coverage (weighted by calls)")
    OVER = N_("over-coverage")
    OVERTIME = N_("overtime")
    FAIR_NIGHTS = N_("nights spread evenly")
    FAIR_WEEKENDS = N_("weekends spread evenly")
    FAIR_LATES = N_("late shifts spread evenly")


@dataclass
class WeekOutcome:
    shifts: list[Shift]
    costs: dict[Soft, int]
    solved: bool
    first_seconds: float | None
    seconds: float


@dataclass
class _Week:
    """The variables of one week's model."""

    model: cp_model.CpModel
    y: dict[tuple[str, date, int], cp_model.IntVar] = field(default_factory=dict)
    opts: dict[tuple[str, date], list[Option]] = field(default_factory=dict)


class Roster:
    """Fixes people to options week after week; ``people`` carry what is fixed so far."""

    def __init__(self, site: SiteSettings, horizon: Horizon, options: Mapping[date, Sequence[Option]],
                 people: Sequence[Person], locked: frozenset[date], seed: int) -> None:
        self.site = site
        self.rules = site.rules
        self.horizon = horizon
        self.options = options
        self.people = list(people)
        self.locked = locked
        self.seed = seed
        self.range = set(horizon.days)
        # fairness counts over the range so far: kept and assigned
        self.counts: dict[Soft, dict[str, int]] = {k: {} for k in (Soft.FAIR_NIGHTS, Soft.FAIR_WEEKENDS,
                                                                    Soft.FAIR_LATES)}
        for p in self.people:
            for d, f in p.fixed.items():
                if d in self.range and f.work:
                    self._count(p.code, d, f.kind)

    def _count(self, code: str, d: date, kind: ShiftType | None) -> None:
        hits = ((Soft.FAIR_NIGHTS, kind is ShiftType.NIGHT), (Soft.FAIR_LATES, kind is ShiftType.LATE),
                (Soft.FAIR_WEEKENDS, d.weekday() >= SATURDAY))
        for soft, hit in hits:
            if hit:
                self.counts[soft][code] = self.counts[soft].get(code, 0) + 1

    # -- building one week ---------------------------------------------------------------------
    def _open(self, p: Person, d: date) -> list[Option]:
        opts = open_options(self.site, p, d, self.options.get(d, ()), self.locked)
        if self.rules.no_day_after_night:
            if p.kind(d - _ONE_DAY) is ShiftType.NIGHT:
                opts = [o for o in opts if o.kind is ShiftType.NIGHT]
            after = p.kind(d + _ONE_DAY)
            if after is not None and after is not ShiftType.NIGHT:
                opts = [o for o in opts if o.kind is not ShiftType.NIGHT]
        return opts

    def _vars(self, week: _Week, days: Sequence[date]) -> None:
        m = week.model
        for p in self.people:
            for d in days:
                opts = self._open(p, d)
                if not opts:
                    continue
                week.opts[p.code, d] = opts
                vs = []
                for o in opts:
                    v = m.new_bool_var(f"y_{p.code}_{d:%m%d}_{o.number}")
                    week.y[p.code, d, o.number] = v
                    vs.append(v)
                m.add_at_most_one(vs)  # Hard.ONE_SHIFT_A_DAY

    def _works(self, week: _Week, p: Person, d: date, pick: ShiftType | None = None,
               other: bool = False) -> tuple[list[cp_model.IntVar], int]:
        """Variables saying ``p`` works day ``d`` (of kind ``pick``; ``other``: not of it), or the
        fixed fact as a constant."""
        opts = week.opts.get((p.code, d))
        if opts is not None:
            return [week.y[p.code, d, o.number] for o in opts
                    if pick is None or (o.kind is pick) != other], 0
        if not p.works(d):
            return [], 0
        if pick is None or (p.kind(d) is pick) != other:
            return [], 1
        return [], 0

    def _rest(self, week: _Week, p: Person, days: Sequence[date]) -> None:
        """Hard.MIN_REST between two new shifts: each shift excludes only the shifts of the next
        days that start too soon after it."""
        rest = self.rules.min_rest_minutes
        m = week.model
        for d in days:
            today = week.opts.get((p.code, d))
            if not today:
                continue
            for k in (1, 2):
                later = week.opts.get((p.code, d + timedelta(days=k)))
                if not later:
                    continue
                for o in today:
                    clash = [week.y[p.code, d + timedelta(days=k), o2.number] for o2 in later
                             if not rested(o, o2, rest)]
                    if clash:
                        m.add(week.y[p.code, d, o.number] + cp_model.LinearExpr.sum(clash) <= 1)

    def _runs(self, week: _Week, p: Person, days: Sequence[date], limit: int | None,
              pick: ShiftType | None) -> None:
        """Hard.CONSECUTIVE_DAYS (pick None) or Hard.NIGHTS_IN_ROW: in every limit+1 days in a
        row, at most ``limit`` worked (of that kind)."""
        if limit is None:
            return
        first, last = days[0] - timedelta(days=limit), days[-1]
        d = first
        while d <= last:
            window = [d + timedelta(days=k) for k in range(limit + 1)]
            vs: list[cp_model.IntVar] = []
            const = 0
            for x in window:
                v, c = self._works(week, p, x, pick)
                vs += v
                const += c
            if vs:
                week.model.add(cp_model.LinearExpr.sum(vs) <= max(0, limit - const))
            d += _ONE_DAY

    def _night_then_day(self, week: _Week, p: Person, days: Sequence[date]) -> None:
        """Hard.DAY_AFTER_NIGHT between two new shifts (fixed neighbours filter the options)."""
        if not self.rules.no_day_after_night:
            return
        for d in days:
            nights, _ = self._works(week, p, d, ShiftType.NIGHT)
            others, _ = self._works(week, p, d + _ONE_DAY, ShiftType.NIGHT, other=True)
            if nights and others and (p.code, d + _ONE_DAY) in week.opts:
                for n in nights:
                    week.model.add(n + cp_model.LinearExpr.sum(others) <= 1)

    def _weekends(self, week: _Week, p: Person, days: Sequence[date]) -> None:
        """Hard.WEEKEND_OFF: in every N weekends, at least one Saturday or Sunday not worked."""
        n = self.rules.weekend_off_weeks
        if n is None:
            return
        sundays = {d + timedelta(days=(6 - d.weekday())) for d in days if d.weekday() >= SATURDAY}
        for su0 in sundays:
            for k in range(n):  # every window of n weekends that holds this weekend
                last = su0 + timedelta(weeks=k)
                vs: list[cp_model.IntVar] = []
                const = 0
                for w in range(n):
                    su = last - timedelta(weeks=w)
                    for x in (su - _ONE_DAY, su):
                        v, c = self._works(week, p, x)
                        vs += v
                        const += c
                if vs:
                    week.model.add(cp_model.LinearExpr.sum(vs) <= max(0, 2 * n - 1 - const))

    def _hours(self, week: _Week, p: Person, days: Sequence[date]) -> list[tuple[cp_model.LinearExprT, int]]:
        """Hard.WEEKLY_MAX and Hard.CONTRACT (the week's budget); returns the overtime terms."""
        terms: list[cp_model.IntVar] = []
        paid: list[int] = []
        daily_ot: list[tuple[cp_model.LinearExprT, int]] = []
        for d in days:
            for o in week.opts.get((p.code, d), ()):
                v = week.y[p.code, d, o.number]
                terms.append(v)
                paid.append(o.paid)
                if self.rules.daily_ot_after is not None and o.paid > self.rules.daily_ot_after:
                    daily_ot.append((v, o.paid - self.rules.daily_ot_after))
        if not terms:
            return []
        m = week.model
        wk = week_of(self.site, days[0])
        total = cp_model.LinearExpr.weighted_sum(terms, paid)
        m.add(total <= weekly_budget(self.site, p, wk))
        out = list(daily_ot)
        threshold = self.rules.weekly_ot_after
        if threshold is not None:
            fixed = sum(f.paid for k in range(7)
                        if (f := p.fixed.get(wk + timedelta(days=k))) is not None and f.work)
            if fixed + sum(sorted(paid)[-7:]) > threshold:
                ot = m.new_int_var(0, 7 * 1440, f"ot_{p.code}")
                m.add(ot >= total + fixed - threshold)
                out.append((ot, 1))
        return out

    def _fairness(self, week: _Week, days: Sequence[date]) -> dict[Soft, cp_model.IntVar]:
        m = week.model
        spreads: dict[Soft, cp_model.IntVar] = {}
        kinds = {Soft.FAIR_NIGHTS: ShiftType.NIGHT, Soft.FAIR_LATES: ShiftType.LATE}
        for soft in (Soft.FAIR_NIGHTS, Soft.FAIR_WEEKENDS, Soft.FAIR_LATES):
            counts: list[cp_model.IntVar] = []
            base = self.counts[soft]
            for p in self.people:
                vs: list[cp_model.IntVar] = []
                for d in days:
                    for o in week.opts.get((p.code, d), ()):
                        weekend = soft is Soft.FAIR_WEEKENDS and d.weekday() >= SATURDAY
                        if weekend or o.kind is kinds.get(soft):
                            vs.append(week.y[p.code, d, o.number])
                if not vs:
                    continue
                c = m.new_int_var(0, 400, f"cnt_{soft.name}_{p.code}")
                m.add(c == base.get(p.code, 0) + cp_model.LinearExpr.sum(vs))
                counts.append(c)
            if len(counts) < 2:
                continue
            hi = m.new_int_var(0, 400, f"hi_{soft.name}")
            lo = m.new_int_var(0, 400, f"lo_{soft.name}")
            m.add_max_equality(hi, counts)
            m.add_min_equality(lo, counts)
            spread = m.new_int_var(0, 400, f"spread_{soft.name}")
            m.add(spread == hi - lo)
            spreads[soft] = spread
        return spreads

    # -- solving one week ----------------------------------------------------------------------
    def solve_week(self, days: Sequence[date], seconds: float, workers: int, runner: SolveRun,
                   hint: Mapping[int, int] | None = None) -> WeekOutcome:
        week = _Week(cp_model.CpModel())
        self._vars(week, days)
        overtime: list[tuple[cp_model.LinearExprT, int]] = []
        for p in self.people:
            self._rest(week, p, days)
            self._runs(week, p, days, self.rules.max_consecutive_days, None)
            self._runs(week, p, days, self.rules.max_nights_in_row, ShiftType.NIGHT)
            self._night_then_day(week, p, days)
            self._weekends(week, p, days)
            overtime += self._hours(week, p, days)
        options = [o for d in days for o in self.options.get(d, ())]
        by_opt: dict[int, list[cp_model.IntVar]] = {o.number: [] for o in options}
        for (_code, _d, num), v in week.y.items():
            by_opt[num].append(v)
        most = {k: len(vs) for k, vs in by_opt.items()}
        # one count variable per option keeps the coverage rows short (a sum of people each would
        # repeat every person in every interval the shift covers)
        counts: dict[int, cp_model.LinearExprT] = {}
        for k, vs in by_opt.items():
            if vs:
                n = counts[k] = week.model.new_int_var(0, len(vs), f"n{k}")
                week.model.add(n == cp_model.LinearExpr.sum(vs))
        used = [o for o in options if most[o.number]]
        # the next morning, which this week's nights reach, counts when it is in the range
        counted = (set(days) | {days[-1] + _ONE_DAY}) & self.range
        cells = [i for i, c in enumerate(self.horizon.cells) if c.day in counted]
        cov = add_coverage(week.model, self.horizon, used, counts, most, cells)
        spreads = self._fairness(week, days)
        ot_expr = cp_model.LinearExpr.weighted_sum([e for e, _ in overtime], [k for _, k in overtime])
        week.model.minimize(
            W_SHORT * cov.weighted_short(self.horizon) + W_OVER * cov.total_over() + W_OVERTIME * ot_expr
            + W_FAIR * cp_model.LinearExpr.sum(list(spreads.values()))
        )
        complete = False
        if hint:
            self._hint(week, days, hint)
            complete = complete_hint(week.model, seconds / 4, workers)
        # from a complete feasible hint, presolve costs more than it gives (measured)
        solved = run(week.model, seconds, self.seed, workers, runner, presolve=not complete)
        if solved.solver is None:
            return WeekOutcome([], {}, False, solved.first_seconds, solved.seconds)
        s = solved.solver
        costs = {
            Soft.UNDER: int(s.value(cov.weighted_short(self.horizon))),
            Soft.OVER: int(s.value(cov.total_over())),
            Soft.OVERTIME: int(s.value(ot_expr)),
        }
        for soft, v in spreads.items():
            costs[soft] = int(s.value(v))
        shifts = self._commit(week, s, used, cov)
        return WeekOutcome(shifts, costs, True, solved.first_seconds, solved.seconds)

    def _hint(self, week: _Week, days: Sequence[date], hint: Mapping[int, int]) -> None:
        """Stage one's counts as a starting point: each shift handed to a person who may take it
        under every rule (``checks.hand_out``); the rest hinted off."""
        trial = [Person(p.employee, dict(p.fixed), set(p.filled)) for p in self.people]
        wk = week_of(self.site, days[0])
        left = {p.code: weekly_budget(self.site, p, wk) for p in trial}
        chosen = hand_out(self.site, trial, days, self.options, hint, left, self.locked,
                          lambda code, d, num: (code, d, num) in week.y)
        for key, v in week.y.items():
            week.model.add_hint(v, key in chosen)

    def _commit(self, week: _Week, solver: cp_model.CpSolver, used: Sequence[Option],
                cov: CoverageVars) -> list[Shift]:
        """Turn the solution into shifts, give each its break places, and fix them for the weeks
        after."""
        takers: dict[int, list[Person]] = {o.number: [] for o in used}
        by_code = {p.code: p for p in self.people}
        for (code, _d, num), v in week.y.items():
            if solver.boolean_value(v):
                takers[num].append(by_code[code])
        rng = random.Random(self.seed)
        out: list[Shift] = []
        for o in used:
            people = sorted(takers[o.number], key=lambda p: p.code)
            if not people:
                continue
            rng.shuffle(people)
            n = len(people)
            lunch = _spread([s.start for s in o.lunches],
                            [value_of(solver, v, n) for v in cov.lunches.get(o.number, [])], n)
            paid = [
                _spread([s.start for s in places], [value_of(solver, v, n) for v in allocs], n)
                for places, allocs in zip(o.paid_windows, cov.paid.get(o.number, []), strict=True)
            ]
            for k, p in enumerate(people):
                shift = o.shift(p.code, lunch[k] if lunch else None, [w[k] for w in paid])
                out.append(shift)
                p.fixed[o.day] = option_fixed(o)
                p.filled.add(o.day)
                self._count(p.code, o.day, o.kind)
                self.horizon.coverage.add(shift, 1)
        return out


def _spread(places: Sequence[time], counts: Sequence[int], n: int) -> list[time]:
    """``counts[k]`` copies of ``places[k]``, in order (n in all)."""
    if not places:
        return []
    if len(places) == 1:
        return [places[0]] * n
    out: list[time] = []
    for t, c in zip(places, counts, strict=True):
        out += [t] * c
    assert len(out) == n, (len(out), n)
    return out


def weeks_of(site: SiteSettings, days: Iterable[date]) -> list[list[date]]:
    """The range's days grouped by work week, in order."""
    groups: dict[date, list[date]] = {}
    for d in sorted(days):
        groups.setdefault(week_of(site, d), []).append(d)
    return [groups[k] for k in sorted(groups)]
