"""One person taking one more shift: does it keep every rule, given what is fixed around it?

The same rules as the CP-SAT model of ``rostering`` (and as ``core.warnings``), checked one
shift at a time: used to build a rule-abiding starting point for the model (stage one's counts
handed out greedily) and by the simple greedy baseline of the benchmark.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from deskwfm.core.roster_rules import SATURDAY, ShiftType
from deskwfm.core.site import SiteSettings
from deskwfm.scheduler.options import Option
from deskwfm.scheduler.people import Person, open_options, option_fixed

_ONE_DAY = timedelta(days=1)


def _run(person: Person, d: date, kind: ShiftType | None) -> int:
    """Length of the run of worked days (of ``kind``) that taking ``d`` would make."""
    def hit(x: date) -> bool:
        return person.works(x) and (kind is None or person.kind(x) is kind)

    n = 1
    x = d - _ONE_DAY
    while hit(x):
        n += 1
        x -= _ONE_DAY
    x = d + _ONE_DAY
    while hit(x):
        n += 1
        x += _ONE_DAY
    return n


def _weekend_ok(site: SiteSettings, person: Person, d: date) -> bool:
    weeks = site.rules.weekend_off_weeks
    if weeks is None or d.weekday() < SATURDAY:
        return True
    sunday = d + timedelta(days=6 - d.weekday())
    for k in range(weeks):
        last = sunday + timedelta(weeks=k)
        worked = 1
        for w in range(weeks):
            su = last - timedelta(weeks=w)
            worked += sum(1 for x in (su - _ONE_DAY, su) if x != d and person.works(x))
        if worked > 2 * weeks - 1:
            return False
    return True


def may_take(site: SiteSettings, person: Person, opt: Option) -> bool:
    """Whether ``person`` may take ``opt`` besides what is fixed (excluding the weekly budget,
    which the caller tracks); ``open_options`` has already been applied."""
    rules = site.rules
    d = opt.day
    if rules.no_day_after_night:
        if person.kind(d - _ONE_DAY) is ShiftType.NIGHT and opt.kind is not ShiftType.NIGHT:
            return False
        after = person.kind(d + _ONE_DAY)
        if opt.kind is ShiftType.NIGHT and after is not None and after is not ShiftType.NIGHT:
            return False
    if rules.max_consecutive_days is not None and _run(person, d, None) > rules.max_consecutive_days:
        return False
    if (rules.max_nights_in_row is not None and opt.kind is ShiftType.NIGHT
            and _run(person, d, ShiftType.NIGHT) > rules.max_nights_in_row):
        return False
    return _weekend_ok(site, person, d)


def hand_out(site: SiteSettings, people: Sequence[Person], days: Sequence[date],
             options: Mapping[date, Sequence[Option]], counts: Mapping[int, int], left: dict[str, int],
             locked: frozenset[date], allowed: Callable[[str, date, int], bool],
             ) -> set[tuple[str, date, int]]:
    """Give out ``counts[option]`` shifts of each option, day by day, each to a person who may
    take it under every rule, most weekly budget left first. Updates ``people`` and ``left``;
    returns the (person, day, option) chosen. Options are served most-wanted first."""
    chosen: set[tuple[str, date, int]] = set()
    for d in days:
        opts = options.get(d, ())
        open_now = {p.code: {o.number for o in open_options(site, p, d, opts, locked)} for p in people}
        for o in sorted(opts, key=lambda o: (-counts.get(o.number, 0), o.number)):
            need = counts.get(o.number, 0)
            if need <= 0:
                continue
            fit = sorted((p for p in people if o.number in open_now[p.code] and left[p.code] >= o.paid),
                         key=lambda p: (-left[p.code], p.code))
            for p in fit:
                if need <= 0:
                    break
                if d in p.fixed or not allowed(p.code, d, o.number) or not may_take(site, p, o):
                    continue
                p.fixed[d] = option_fixed(o)
                p.filled.add(d)
                left[p.code] -= o.paid
                chosen.add((p.code, d, o.number))
                need -= 1
    return chosen
