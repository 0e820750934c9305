"""The demo contact centre behind ``deskwfm init --demo``: believable enough to try every
screen (teams, rotating day/evening/night shifts, lighter weekends, vacations, sick days,
overtime weeks, mid-period raises, staggered breaks), deterministic for a given start date (seeded random)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from decimal import Decimal

from deskwfm.core.errors import EntryError
from deskwfm.core.i18n import render
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.periods import week_start_of
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import clock_for, paid_spans
from deskwfm.services.setup import DEFAULT_CODES

SEED = 20261124
_CODES = {c.code: c for c in DEFAULT_CODES}

NAMES: tuple[str, ...] = (
    "Zoë Côté", "Nguyễn Thị Hương", "王芳", "José Álvarez", "Siobhán O'Brien", "Łukasz Wójcik",
    "Aarav Sharma", "Fatima Al-Sayed", "Bjørn Ødegaard", "Chidi Okafor", "Priya Natarajan",
    "Olena Kovalenko", "田中 健二", "Ana Luísa Ferreira", "Hélène Bouchard", "François Lévesque",
    "Mei-Ling Chen", "Kwame Mensah", "Amara Nwosu", "Dmitri Volkov", "Sofía Ramírez",
    "Gabriel Tremblay", "Émilie Gagnon", "Jasmeet Kaur", "Arjun Patel", "Leila Haddad",
    "Noah Roy", "Olivia Martin", "Liam MacDonald", "Aisha Yusuf", "Renée Dubé",
    "Ngozi Adeyemi", "Yuki Sato", "김민준", "Seo-yeon Park", "Marisol Gutiérrez",
    "Raúl Domínguez", "Ingrid Johansson", "Anja Müller", "Jürgen Weiß", "Zeynep Yılmaz",
    "Mehmet Öztürk", "Parisa Rahimi", "Thandiwe Dlamini", "Carmen Núñez", "Luca Bianchi",
    "Hannah Cohen", "David Lévy", "Maya Singh", "Grace Lee", "Ethan Wong", "Chloé Girard",
    "Mathis Pelletier", "Nadia Benali", "Youssef El Amrani", "Bushra Qureshi", "Malik Johnson",
    "Magdalena Nowak", "陈伟", "Aroha Ngata", "Tomás Ó Briain", "Keisha Brown",
    "Sipho Nkosi", "Ewa Zielińska", "Kai Kealoha", "Darius Farahani",
)

# team, share of agents, usual shift, hourly range (dollars); team names are data, written in
# the language of whoever creates the demo centre
TEAMS: tuple[tuple[Msg, int, str, tuple[int, int]], ...] = (
    (msg("Billing"), 14, "D", (19, 25)),
    (msg("Tech Support"), 16, "DE", (22, 31)),
    (msg("Sales"), 12, "D", (18, 24)),
    (msg("Retention"), 10, "E", (20, 27)),
    (msg("Overnight"), 8, "N", (21, 28)),
)

# Staggered break starts per usual shift, so the floor never empties at one lunch hour: each
# agent keeps one slot (rotating by week); a slot that does not exist that night (DST) falls
# back to the centred break.
_BREAK_SLOTS: dict[str, tuple[time, ...]] = {
    "D": (time(11, 30), time(12), time(12, 30), time(13)),
    "E": (time(17), time(17, 30), time(18), time(18, 30)),
    "N": (time(1), time(1, 30), time(3), time(3, 30)),
}

_PLAIN: dict[str, tuple[time, time, int]] = {  # custom time entries some agents work
    "early": (time(7, 0), time(15, 30), 30),
    "mid": (time(10, 0), time(18, 30), 30),
    "long": (time(8, 0), time(19, 0), 60),
}


@dataclass
class DemoPlan:
    employees: list[Employee] = field(default_factory=list)
    rates: list[PayRate] = field(default_factory=list)
    shifts: list[Shift] = field(default_factory=list)
    first: date = date.min
    last: date = date.min


def demo_range(site: SiteSettings, today: date, weeks: int) -> tuple[date, date]:
    """``weeks`` whole work weeks, half of them before the week containing today."""
    first = week_start_of(today, site.week_start) - timedelta(weeks=weeks // 2)
    return first, first + timedelta(weeks=weeks) - timedelta(days=1)


def _team_sizes(agents: int) -> list[int]:
    total = sum(t[1] for t in TEAMS)
    sizes = [max(1, round(agents * t[1] / total)) for t in TEAMS]
    sizes[0] += agents - sum(sizes)
    return sizes


def build_demo(
    site: SiteSettings, codes: set[str], *, agents: int = 60, weeks: int = 6, today: date | None = None
) -> DemoPlan:
    """Employees, rates and shifts of the demo centre around ``today`` (default: date.today())."""
    rng = random.Random(SEED)
    first, last = demo_range(site, today or date.today(), weeks)
    plan = DemoPlan(first=first, last=last)
    names = list(NAMES) + [render(msg("Agent {n}", n=i)) for i in range(len(NAMES) + 1, agents + 1)]
    n = 0
    for (team_name, _, usual, (lo, hi)), size in zip(TEAMS, _team_sizes(agents), strict=True):
        team = render(team_name)
        for i in range(size):
            n += 1
            code = f"AG{n:03d}"
            part_time = rng.random() < 0.12
            plan.employees.append(
                Employee(code, names[n - 1], team, True, (24 if part_time else 40) * 60, None)
            )
            hired = date(2021, 1, 4) + timedelta(days=rng.randrange(0, 5 * 365))
            hired = min(hired, first - timedelta(days=60))
            rate = Decimal(rng.randrange(lo * 4, hi * 4 + 1)) / 4
            plan.rates.append(PayRate(code, hired, rate.quantize(Decimal("0.01"))))
            if rng.random() < 0.18:  # a raise that takes effect in the middle of a pay period
                raise_on = first + timedelta(days=rng.randrange(10, weeks * 7 - 5))
                bump = Decimal(rng.choice((50, 75, 100, 125, 150))) / 100
                raised = min(rate + bump, Decimal(32)).quantize(Decimal("0.01"))
                plan.rates.append(PayRate(code, raise_on, raised))
            plan.shifts.extend(_agent_shifts(rng, site, code, usual, i, part_time, first, weeks, codes))
    _add_leave(rng, plan, today or date.today(), codes)
    return plan


def _agent_shifts(
    rng: random.Random,
    site: SiteSettings,
    code: str,
    usual: str,
    index: int,
    part_time: bool,
    first: date,
    weeks: int,
    codes: set[str],
) -> list[Shift]:
    out: list[Shift] = []
    ot_week = rng.randrange(weeks) if rng.random() < 0.15 else -1
    style = rng.random()
    for w in range(weeks):
        week = first + timedelta(weeks=w)
        days = [week + timedelta(days=k) for k in range(7)]
        if usual == "N":  # overnight: two crews of five nights, covering the weekend
            start = 0 if (index + w) % 2 == 0 else 2
            work = days[start : start + 5]
        else:
            weekdays = [d for d in days if d.weekday() < 5]
            weekend = [d for d in days if d.weekday() >= 5]
            work = list(weekdays)
            if rng.random() < 0.3:  # weekend rota: a lighter crew on Saturday or Sunday
                work.remove(rng.choice(weekdays))
                work.append(rng.choice(weekend))
            if w == ot_week:  # overtime week: a sixth shift
                work.append(next(d for d in weekend if d not in work))
        if part_time:
            work = sorted(rng.sample(work, 3))
        kind = usual if len(usual) == 1 else usual[(index + w) % 2]
        slot = (index + w) % 4
        for d in sorted(work):
            out.append(_staggered(_shift(code, d, kind, style, rng, codes), slot, site.tz))
    return out


def _shift(code: str, d: date, usual: str, style: float, rng: random.Random, codes: set[str]) -> Shift:
    plain: str | None = None
    if usual == "D" and style < 0.08:
        plain = "early"
    elif usual in "DE" and style > 0.95:
        plain = "mid"
    if rng.random() < 0.02:
        plain = "long"
    if plain is not None or usual not in codes:
        s, e, b = _PLAIN[plain or "mid"]
        return Shift(code, d, s, e, b)
    c = _CODES[usual]
    return Shift(code, d, c.start, c.end, c.break_minutes, c.code, c.kind)


def _staggered(s: Shift, slot: int, tz: str) -> Shift:
    """``s`` with its break at the agent's slot (coded D/E/N shifts only)."""
    slots = _BREAK_SLOTS.get(s.code)
    if not slots or not s.break_minutes:
        return s
    moved = replace(s, break_start=slots[slot % len(slots)])
    try:
        paid_spans(clock_for(tz), moved)
    except EntryError:
        return s
    return moved


def _leave_shift(s: Shift, code: str) -> Shift:
    c = _CODES[code]
    return Shift(s.employee_code, s.work_date, c.start, c.end, c.break_minutes, c.code, c.kind)


def _add_leave(rng: random.Random, plan: DemoPlan, today: date, codes: set[str]) -> None:
    """Vacation weeks, sick days (in the past only) and one leave of absence."""
    if not {"VAC", "SICK", "LOA"} <= codes:
        return
    by_emp: dict[str, list[int]] = {}
    for i, s in enumerate(plan.shifts):
        by_emp.setdefault(s.employee_code, []).append(i)
    emps = sorted(by_emp)
    for code in rng.sample(emps, min(6, len(emps))):  # a week of vacation
        idx = by_emp[code]
        week0 = plan.shifts[rng.choice(idx)].work_date
        for i in idx:
            if 0 <= (plan.shifts[i].work_date - week0).days < 7:
                plan.shifts[i] = _leave_shift(plan.shifts[i], "VAC")
    past = [i for i, s in enumerate(plan.shifts) if s.work_date < today and s.kind is ShiftKind.WORK]
    for i in rng.sample(past, min(10, len(past))):
        plan.shifts[i] = _leave_shift(plan.shifts[i], "SICK")
    loa = by_emp[rng.choice(emps)][-3:]
    for i in loa:
        plan.shifts[i] = _leave_shift(plan.shifts[i], "LOA")
