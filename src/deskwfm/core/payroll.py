"""Payroll engine: classify every paid minute, then price it in rounded pay lines.

Interface (stable; GUI, PDF, Excel and CLI build on these types):
  payroll_load_window(site, start, end) -> (first, last) dates of shifts the engine needs
  compute_employee(ctx, employee, shifts, rates, start, end) -> EmployeePay
  compute_payroll(site, employees, rates, shifts, start, end, holidays) -> PayrollResult
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache

from deskwfm.core.messages import Msg, msg, verbatim
from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.money import minutes_pay, round_cents
from deskwfm.core.observance import Observance, observe
from deskwfm.core.ot_days import DayKey, Piece, split_from_shift_start, split_workdays
from deskwfm.core.periods import week_start_of
from deskwfm.core.rules import (
    DailyOvertimeDay,
    HolidayOnDayOff,
    HolidayPayBase,
    HolidayPayMethod,
    NightPremiumKind,
    OvertimeBase,
    RuleSet,
)
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import clock_for, day_pieces, minute_of_day, paid_spans, window_minutes


class Cat:
    """Pay-line categories (string constants, also used as JSON/Excel column keys)."""

    REGULAR = "regular"
    OVERTIME = "overtime"  # 1.5x (or the rule set's ot_multiplier)
    DOUBLE_TIME = "double_time"
    NIGHT = "night"  # night premium on top of the hour's pay
    HOLIDAY_WORKED = "holiday_worked"  # hours worked on a statutory holiday at its multiplier
    HOLIDAY_PAY = "holiday_pay"  # statutory holiday pay entitlement
    LEAVE = "leave"  # paid leave (vacation, paid sick)


@dataclass(frozen=True, slots=True)
class PayLine:
    """One line of pay as data; ``label`` names it in the reader's language where shown."""

    category: str
    minutes: int  # 0 for holiday pay and adjustments
    rate: Decimal  # per hour, multiplier included (0 where not per-hour)
    amount: Decimal  # rounded to the cent, ROUND_HALF_UP
    multiplier: Decimal = Decimal(1)  # the category's pay multiplier (overtime 1.5x)
    holiday: date | None = None  # the holiday a HOLIDAY_PAY line pays
    base: Decimal | None = None  # HOLIDAY_PAY: the wages it is a twentieth of

    @property
    def label(self) -> Msg:
        """"Overtime ×1.5", "Holiday pay Fri 25 Dec": the category, with the multiplier when
        the category has one, and the holiday's date for holiday pay."""
        name = CATEGORY_LABELS.get(self.category) or verbatim(self.category)
        if self.category == Cat.HOLIDAY_PAY and self.holiday is not None:
            return msg("{category} {day:short}", category=name, day=self.holiday)
        if self.category in _MULTIPLIED and self.multiplier != 1:
            return msg("{category} ×{m:dec}", category=name, m=self.multiplier)
        return name


CATEGORY_LABELS: Mapping[str, Msg] = {
    Cat.REGULAR: msg("Regular"),
    Cat.OVERTIME: msg("Overtime"),
    Cat.DOUBLE_TIME: msg("Double time"),
    Cat.NIGHT: msg("Night premium"),
    Cat.HOLIDAY_WORKED: msg("Holiday worked"),
    Cat.HOLIDAY_PAY: msg("Holiday pay"),
    Cat.LEAVE: msg("Paid leave"),
}
_MULTIPLIED = (Cat.OVERTIME, Cat.DOUBLE_TIME, Cat.HOLIDAY_WORKED)


@dataclass(frozen=True, slots=True)
class MinuteTotals:
    """Minutes by category. ``paid`` = regular + overtime + double_time + holiday_worked."""

    paid: int = 0
    regular: int = 0
    overtime: int = 0
    double_time: int = 0
    night: int = 0
    holiday_worked: int = 0
    leave: int = 0

    def __add__(self, other: MinuteTotals) -> MinuteTotals:
        return MinuteTotals(
            self.paid + other.paid, self.regular + other.regular, self.overtime + other.overtime,
            self.double_time + other.double_time, self.night + other.night,
            self.holiday_worked + other.holiday_worked, self.leave + other.leave,
        )


@dataclass(frozen=True, slots=True)
class ShiftPay:
    """What the engine counted for one shift (all its days)."""

    shift: Shift
    minutes: MinuteTotals


@dataclass(frozen=True, slots=True)
class DayPay:
    """What the engine counted on one calendar day (hours belong to the day worked)."""

    day: date
    minutes: MinuteTotals
    holiday_name: str = ""


@dataclass(slots=True)
class _Chunk:
    """A run of paid minutes of one shift on one day, all in one category."""

    shift_index: int
    day: date
    week: date
    category: str
    minutes: int
    night: int
    rate: Decimal | None  # None: no pay rate in force on the shift's work date


@dataclass(slots=True)
class _Acc:
    paid: int = 0
    regular: int = 0
    overtime: int = 0
    double_time: int = 0
    night: int = 0
    holiday_worked: int = 0
    leave: int = 0

    def add(self, category: str, minutes: int, night: int) -> None:
        if category == Cat.LEAVE:
            self.leave += minutes
            return
        self.paid += minutes
        self.night += night
        if category == Cat.REGULAR:
            self.regular += minutes
        elif category == Cat.OVERTIME:
            self.overtime += minutes
        elif category == Cat.DOUBLE_TIME:
            self.double_time += minutes
        else:
            self.holiday_worked += minutes

    def freeze(self) -> MinuteTotals:
        return MinuteTotals(
            self.paid, self.regular, self.overtime, self.double_time, self.night,
            self.holiday_worked, self.leave,
        )


_EMPTY = MinuteTotals()


@dataclass(frozen=True, eq=False)
class EmployeePay:
    """One employee's pay for start..end. ``days`` and ``shifts`` (the per-day and per-shift
    breakdown of what the engine counted) are computed on first use."""

    employee: Employee
    start: date
    end: date
    minutes: MinuteTotals
    holiday_pay: Decimal
    lines: tuple[PayLine, ...]
    gross: Decimal  # == sum(line.amount for line in lines)
    rates: tuple[PayRate, ...]  # rates in force at some point in start..end
    # The earliest work date of a paid shift this result prices (a day in start..end, wages
    # behind holiday pay for a holiday in start..end, or an FLSA regular-rate week) with no rate
    # in force: its minutes are counted but not priced, so ``gross`` is incomplete.
    missing_rate: date | None = None
    _chunks: tuple[_Chunk, ...] = field(default=(), repr=False)
    _shifts: tuple[Shift, ...] = field(default=(), repr=False)  # ordered by work date, start
    _holidays: Mapping[date, str] = field(default_factory=dict, repr=False)

    def amount(self, category: str) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.category == category), Decimal("0.00"))

    @classmethod
    def stored(
        cls, *, employee: Employee, start: date, end: date, minutes: MinuteTotals, holiday_pay: Decimal,
        lines: tuple[PayLine, ...], gross: Decimal, rates: tuple[PayRate, ...],
        shifts: tuple[ShiftPay, ...], days: tuple[DayPay, ...],
        shift_days: tuple[tuple[DayPay, ...], ...] | None = None,
    ) -> EmployeePay:
        """Pay as it was stored (a locked period, ``core.pay_snapshot``): its per-shift and
        per-day breakdown is given instead of computed (it fills the cached properties).
        Without ``shift_days`` (stored before it was), each shift's minutes are put on its work
        date, or on ``start`` for a shift begun before it: totals stay exact, the split by day
        is unknown."""
        ep = cls(employee, start, end, minutes, holiday_pay, lines, gross, rates)
        ep.__dict__["shifts"] = shifts
        ep.__dict__["days"] = days
        if shift_days is None:
            names = {d.day: d.holiday_name for d in days}
            shift_days = tuple(
                (DayPay(day, sp.minutes, names.get(day, "")),)
                for sp in shifts
                for day in (min(max(sp.shift.work_date, start), end),)
            )
        ep.__dict__["shift_days"] = shift_days
        return ep

    @cached_property
    def shifts(self) -> tuple[ShiftPay, ...]:
        """Shifts with a work date in start..end, plus an overnight shift from before start whose
        hours run into it, each with the minutes it has on days start..end. Hours belong to the
        day worked, so these add up to ``minutes`` exactly (a shift crossing ``end`` shows only
        its part in this range; the rest is in the next one)."""
        acc: dict[int, _Acc] = {}
        for c in self._chunks:
            if self.start <= c.day <= self.end:
                acc.setdefault(c.shift_index, _Acc()).add(c.category, c.minutes, c.night)
        return tuple(
            ShiftPay(sh, acc[i].freeze() if i in acc else _EMPTY)
            for i, sh in enumerate(self._shifts)
            if self.start <= sh.work_date <= self.end or i in acc
        )

    @cached_property
    def days(self) -> tuple[DayPay, ...]:
        """Every day start..end with the minutes worked on it (hours belong to the day worked)."""
        acc: dict[date, _Acc] = {}
        for c in self._chunks:
            if self.start <= c.day <= self.end:
                acc.setdefault(c.day, _Acc()).add(c.category, c.minutes, c.night)
        return tuple(
            DayPay(d, acc[d].freeze() if d in acc else _EMPTY, self._holidays.get(d, ""))
            for d in _dates(self.start, self.end)
        )

    @cached_property
    def shift_days(self) -> tuple[tuple[DayPay, ...], ...]:
        """For each of ``shifts`` (same order), the minutes it has on each calendar day it
        touches, in day order. Days outside start..end are included (the part of an overnight
        shift that belongs to the range before or after), so a document can say where those
        hours went; the parts on days start..end add up to that shift's ``minutes``."""
        kept = {i for i, sh in enumerate(self._shifts) if self.start <= sh.work_date <= self.end}
        kept.update(c.shift_index for c in self._chunks if self.start <= c.day <= self.end)
        acc: dict[int, dict[date, _Acc]] = {}
        for c in self._chunks:
            if c.shift_index in kept:
                day_acc = acc.setdefault(c.shift_index, {}).setdefault(c.day, _Acc())
                day_acc.add(c.category, c.minutes, c.night)
        return tuple(
            tuple(DayPay(d, a.freeze(), self._holidays.get(d, "")) for d, a in sorted(acc.get(i, {}).items()))
            for i in sorted(kept)
        )


@dataclass(frozen=True, slots=True)
class PayrollResult:
    start: date
    end: date
    employees: tuple[EmployeePay, ...] = field(default_factory=tuple)



def payroll_load_window(site: SiteSettings, start: date, end: date) -> tuple[date, date]:
    """First and last work date of the shifts the engine needs to price start..end (and of the
    holidays it needs to be given): whole work weeks around the range, the 4 work weeks before
    any holiday week, the shifts before that whose hours or 24-hour days run into the first of
    those weeks (``_lead_in``), and the week after when a holiday there can move back into the
    range (``_look_ahead``)."""
    rules = site.rules
    first = week_start_of(start, site.week_start)
    if _holidays_matter(rules):
        first -= _FOUR_WEEKS
    last = week_start_of(end, site.week_start) + _SIX_DAYS
    return first - _lead_in(rules), last + _look_ahead(rules)


def _lead_in(rules: RuleSet) -> timedelta:
    """How far before the first classified week shifts are read: the day before (an overnight
    shift runs into the week), or the whole week before under a 24-hour day from the start of
    work, whose days that week's shifts set (core.ot_days)."""
    return _ONE_WEEK if rules.daily_ot_day is DailyOvertimeDay.FROM_SHIFT_START else _ONE_DAY


def _observed(rules: RuleSet) -> bool:
    """Whether which day is an employee's holiday changes their pay (core.observance)."""
    return rules.holiday_worked_multiplier != 1 or rules.holiday_week_reduces_weekly_ot_by > 0


def _holidays_matter(rules: RuleSet) -> bool:
    """Whether a holiday makes the engine read the 4 work weeks before its week (holiday pay,
    or the working days that decide where the holiday is observed)."""
    return rules.holiday_pay is not HolidayPayMethod.NONE or _observed(rules)


def _look_ahead(rules: RuleSet) -> timedelta:
    """A holiday up to a week after the range can move back into it as the previous working day."""
    previous = rules.holiday_on_day_off is HolidayOnDayOff.PREVIOUS_WORKING_DAY
    return _ONE_WEEK if previous and _observed(rules) else timedelta(0)


def rate_on(rates: Sequence[PayRate], day: date) -> Decimal | None:
    """The hourly rate in force on ``day`` (rates in any order), or None."""
    best: PayRate | None = None
    for r in rates:
        if r.effective_from <= day and (best is None or r.effective_from > best.effective_from):
            best = r
    return best.hourly if best is not None else None


def _split(used: int, minutes: int, limit: int | None) -> tuple[int, int]:
    """Of ``minutes`` added after ``used``, how many stay under ``limit`` and how many exceed it."""
    if limit is None:
        return minutes, 0
    under = max(0, min(minutes, limit - used))
    return under, minutes - under


@lru_cache(maxsize=100_000)
def _geometry(
    tz_key: str, work_date: date, start: int, end: int, brk: int, n_start: int, n_end: int,
    break_start: time | None = None,
) -> tuple[tuple[int, date, int, int], ...]:
    """(start, day, end, night minutes) pieces of a shift pattern. Shifts repeat the same
    patterns across employees, so this is cached; EntryError (DST gap) is not cached."""
    clock = clock_for(tz_key)
    sh = Shift(
        "", work_date, time(start // 60, start % 60), time(end // 60, end % 60), brk,
        break_start=break_start,
    )
    return tuple(
        (a, day, b, window_minutes(clock, day, a, b, n_start, n_end))
        for day, a, b in day_pieces(clock, paid_spans(clock, sh), work_date)
    )


class _Classifier:
    """Walks one employee's worked pieces in time order and assigns each minute a category."""

    def __init__(self, site: SiteSettings, holidays: Mapping[date, str]) -> None:
        self.rules = site.rules
        self.week_start = site.week_start
        self.tz_key = site.tz
        self.clock = clock_for(site.tz)
        self.holidays = holidays
        self.night_start = minute_of_day(self.rules.night_start)
        self.night_end = minute_of_day(self.rules.night_end)

    def week_of(self, d: date) -> date:
        return _week_of(d, self.week_start)

    def _without_overlaps(self, pieces: list[Piece]) -> list[Piece]:
        """Overlapping shifts (a warning, not an error, in the grid) must not pay the same minute
        twice: the minutes already worked in an earlier-starting shift are cut from the later one."""
        out: list[Piece] = []
        covered = -(1 << 62)
        for a, day, b, night, idx, rate in pieces:
            if b <= covered:
                continue
            if a < covered:
                a = covered
                night = window_minutes(self.clock, day, a, b, self.night_start, self.night_end)
            out.append((a, day, b, night, idx, rate))
            covered = max(covered, b)
        return out

    def _pieces(self, shifts: Sequence[Shift], rates: Sequence[PayRate]) -> tuple[list[Piece], list[_Chunk]]:
        """Worked pieces in time order without overlaps, and the paid-leave chunks."""
        pieces: list[Piece] = []
        chunks: list[_Chunk] = []
        rate_cache: dict[date, Decimal | None] = {}
        ns, ne, tz_key = self.night_start, self.night_end, self.tz_key
        for idx, sh in enumerate(shifts):
            if sh.start is None or sh.end is None or sh.kind in (ShiftKind.OFF, ShiftKind.UNPAID_LEAVE):
                continue
            if sh.work_date in rate_cache:
                rate = rate_cache[sh.work_date]
            else:
                rate = rate_cache[sh.work_date] = rate_on(rates, sh.work_date)
            geo = _geometry(tz_key, sh.work_date, minute_of_day(sh.start), minute_of_day(sh.end),
                            sh.break_minutes, ns, ne, sh.break_start)
            if sh.kind is ShiftKind.PAID_LEAVE:
                minutes = sum(b - a for a, _d, b, _n in geo)
                week = self.week_of(sh.work_date)
                chunks.append(_Chunk(idx, sh.work_date, week, Cat.LEAVE, minutes, 0, rate))
                continue
            for a, day, b, night in geo:
                pieces.append((a, day, b, night, idx, rate))
        pieces.sort(key=lambda p: p[0])
        return self._without_overlaps(pieces), chunks

    def _observance(self, shifts: Sequence[Shift], pieces: list[Piece]) -> Observance:
        """The employee's holidays (core.observance), or the site's as they are when no rule
        depends on which day is a holiday."""
        rules = self.rules
        if not self.holidays or not _observed(rules):
            days = frozenset(self.holidays)
            return Observance(days, days, {})
        return observe(self.holidays, shifts, (p[1] for p in pieces), self.week_start,
                       rules.holiday_on_day_off)

    def _day_keys(
        self, shifts: Sequence[Shift], pieces: list[Piece]
    ) -> tuple[list[Piece], list[DayKey] | None, list[date] | None]:
        """Pieces cut into daily-overtime days (core.ot_days) with each one's day key and
        work-week day; no keys when both are the calendar day (midnight workdays)."""
        rules = self.rules
        night = (self.night_start, self.night_end)
        if rules.daily_ot_day is DailyOvertimeDay.FROM_SHIFT_START:
            return split_from_shift_start(self.clock, pieces, shifts, self.week_of, night)
        start = minute_of_day(rules.workday_start)
        if start:
            return split_workdays(self.clock, pieces, start, night)
        return pieces, None, None

    def classify(self, shifts: Sequence[Shift], rates: Sequence[PayRate]) -> list[_Chunk]:
        """Chunks of every paid minute; a shift with no rate in force on its work date is
        classified like any other, its chunks carrying rate None (counted, never priced)."""
        rules = self.rules
        pieces, chunks = self._pieces(shifts, rates)
        observance = self._observance(shifts, pieces)
        pieces, keys, wdays = self._day_keys(shifts, pieces)

        worked_days: dict[date, set[date]] = {}
        if rules.seventh_day:
            for i, p in enumerate(pieces):
                wd = p[1] if wdays is None else wdays[i]
                worked_days.setdefault(self.week_of(wd), set()).add(wd)

        day_used: dict[DayKey, int] = {}
        week_used: dict[date, int] = {}
        premium_holiday = rules.holiday_worked_multiplier != 1
        holiday_days = observance.premium_days
        counts_for_ot = rules.holiday_hours_count_for_ot
        daily_ot, daily_dt = rules.daily_ot_after, rules.daily_dt_after
        weekly_limit: dict[date, int | None] = {}
        ns, ne = self.night_start, self.night_end
        for i, (a, day, b, night, idx, rate) in enumerate(pieces):
            key: DayKey
            if keys is None or wdays is None:
                key = wday = day
            else:
                key, wday = keys[i], wdays[i]
            week = self.week_of(wday)
            minutes = b - a
            parts: tuple[tuple[str, int], ...]
            if premium_holiday and day in holiday_days:
                parts = ((Cat.HOLIDAY_WORKED, minutes),)
                if counts_for_ot:
                    day_used[key] = day_used.get(key, 0) + minutes
                    week_used[week] = week_used.get(week, 0) + minutes
            else:
                used = day_used.get(key, 0)
                day_used[key] = used + minutes
                if rules.seventh_day and len(worked_days[week]) == 7 and wday == week + _SIX_DAYS:
                    ot, dt = _split(used, minutes, 8 * 60)
                    parts = ((Cat.OVERTIME, ot), (Cat.DOUBLE_TIME, dt))
                else:
                    under_ot, over_ot = _split(used, minutes, daily_ot)
                    if daily_dt is not None and over_ot:
                        ot_used = max(0, used - (daily_ot or 0))
                        ot, dt = _split(ot_used, over_ot, daily_dt - (daily_ot or 0))
                    else:
                        ot, dt = over_ot, 0
                    wk = week_used.get(week, 0)
                    if week in weekly_limit:
                        weekly_ot = weekly_limit[week]
                    else:
                        weekly_ot = weekly_limit[week] = self.weekly_threshold(week, observance)
                    reg, weekly = _split(wk, under_ot, weekly_ot)
                    week_used[week] = wk + under_ot
                    # In time order: regular, then weekly OT, then daily OT, then double time.
                    parts = ((Cat.REGULAR, reg), (Cat.OVERTIME, weekly + ot), (Cat.DOUBLE_TIME, dt))
            live = [pt for pt in parts if pt[1] > 0]
            if len(live) == 1:
                chunks.append(_Chunk(idx, day, week, live[0][0], minutes, night, rate))
                continue
            cur = a
            for cat, m in live:
                n = window_minutes(self.clock, day, cur, cur + m, ns, ne) if night else 0
                chunks.append(_Chunk(idx, day, week, cat, m, n, rate))
                cur += m
        return chunks

    def weekly_threshold(self, week: date, observance: Observance) -> int | None:
        """The weekly OT threshold, less the rule set's reduction for each day of the week that
        lowers it (Canada federal: 8 h per general holiday on a working day, or substituted)."""
        limit = self.rules.weekly_ot_after
        cut = self.rules.holiday_week_reduces_weekly_ot_by
        if limit is None or not cut:
            return limit
        n = sum(1 for i in range(7) if week + timedelta(days=i) in observance.lowering_days)
        return max(0, limit - n * cut)


_ONE_DAY = timedelta(days=1)
_SIX_DAYS = timedelta(days=6)
_ONE_WEEK = timedelta(days=7)
_FOUR_WEEKS = timedelta(days=28)
_week_of = lru_cache(maxsize=8192)(week_start_of)
_MULT_ONE = Decimal(1)


def _night_rate(rules: RuleSet, rate: Decimal) -> Decimal:
    if rules.night_premium_kind == NightPremiumKind.PERCENT:
        return rate * rules.night_premium / 100
    return rules.night_premium


class _Unpriced:
    """The earliest work date of minutes a result must price but cannot: no rate in force."""

    __slots__ = ("first", "shifts")

    def __init__(self, shifts: Sequence[Shift]) -> None:
        self.shifts = shifts  # the classified shifts, indexed by _Chunk.shift_index
        self.first: date | None = None

    def add(self, c: _Chunk) -> None:
        d = self.shifts[c.shift_index].work_date
        if self.first is None or d < self.first:
            self.first = d


def _price(
    site: SiteSettings,
    chunks: list[_Chunk],
    start: date,
    end: date,
    holidays: Mapping[date, str],
    unpriced: _Unpriced,
) -> tuple[list[PayLine], Decimal]:
    """Group the in-range minutes into pay lines by category and hourly rate, each rounded.
    Minutes without a rate (or overtime in a week whose regular rate lacks one) make no line and
    are reported to ``unpriced``."""
    rules = site.rules
    mult = {
        Cat.REGULAR: _MULT_ONE,
        Cat.OVERTIME: rules.ot_multiplier,
        Cat.DOUBLE_TIME: rules.dt_multiplier,
        Cat.HOLIDAY_WORKED: rules.holiday_worked_multiplier,
        Cat.LEAVE: _MULT_ONE,
    }
    by_regular_rate = rules.ot_base is OvertimeBase.REGULAR_RATE
    regular_rate, incomplete = _regular_rates(rules, chunks) if by_regular_rate else ({}, {})
    groups: dict[tuple[str, Decimal], int] = {}
    night_groups: dict[Decimal, int] = {}
    for c in chunks:
        if not start <= c.day <= end:
            continue
        if c.rate is None:
            unpriced.add(c)
            continue
        m = mult[c.category]
        if by_regular_rate and c.category in (Cat.OVERTIME, Cat.DOUBLE_TIME):
            if c.week in incomplete:  # the week's regular rate needs a rate it does not have
                unpriced.add(incomplete[c.week])
                continue
            # 29 CFR 778.107/.115: straight time at the hour's own rate plus (m - 1) x the
            # week's regular rate; m x RR when the week has a single rate and no premium.
            hourly = c.rate + (m - 1) * regular_rate[c.week]
        else:
            hourly = c.rate * m
        key = (c.category, hourly)
        groups[key] = groups.get(key, 0) + c.minutes
        if c.night and rules.night_premium:
            nr = _night_rate(rules, c.rate)
            night_groups[nr] = night_groups.get(nr, 0) + c.night
    lines: list[PayLine] = []
    multiplier = {
        Cat.REGULAR: Decimal(1),
        Cat.OVERTIME: rules.ot_multiplier,
        Cat.DOUBLE_TIME: rules.dt_multiplier,
        Cat.HOLIDAY_WORKED: rules.holiday_worked_multiplier,
        Cat.LEAVE: Decimal(1),
    }
    order = [Cat.REGULAR, Cat.OVERTIME, Cat.DOUBLE_TIME, Cat.HOLIDAY_WORKED, Cat.LEAVE]
    for (cat, hourly), minutes in sorted(groups.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1])):
        lines.append(
            PayLine(cat, minutes, hourly, round_cents(minutes_pay(minutes, hourly)), multiplier[cat])
        )
    for nr, minutes in sorted(night_groups.items()):
        lines.append(
            PayLine(Cat.NIGHT, minutes, nr, round_cents(minutes_pay(minutes, nr)))
        )
    if rules.holiday_pay is HolidayPayMethod.FOUR_WEEKS_DIV_20:
        lines.extend(_holiday_pay(site, chunks, start, end, holidays, unpriced))
    holiday_pay = sum((ln.amount for ln in lines if ln.category == Cat.HOLIDAY_PAY), Decimal("0.00"))
    return lines, holiday_pay


def _regular_rates(rules: RuleSet, chunks: list[_Chunk]) -> tuple[dict[date, Decimal], dict[date, _Chunk]]:
    """Each work week's regular rate (29 CFR 778.109, 778.115, 778.207(b)): straight-time
    earnings, night differentials included, divided by the hours worked that week. A week with
    hours that have no rate has none; it is returned with its earliest such chunk instead."""
    straight: dict[date, Decimal] = {}
    minutes: dict[date, int] = {}
    incomplete: dict[date, _Chunk] = {}
    for c in chunks:
        if c.category == Cat.LEAVE:
            continue
        if c.rate is None:
            incomplete.setdefault(c.week, c)  # chunks are in time order: the first is the earliest
            continue
        earned = minutes_pay(c.minutes, c.rate)
        if c.night:
            earned += minutes_pay(c.night, _night_rate(rules, c.rate))
        straight[c.week] = straight.get(c.week, Decimal(0)) + earned
        minutes[c.week] = minutes.get(c.week, 0) + c.minutes
    rates = {w: straight[w] * 60 / minutes[w] for w in straight if minutes[w] and w not in incomplete}
    return rates, incomplete


def _holiday_pay_categories(rules: RuleSet) -> frozenset[str]:
    """Worked and leave categories whose pay enters holiday pay (RuleSet.holiday_pay_base):
    never overtime; the holiday-work premium only under the Canada Labour Code's "wages"."""
    if rules.holiday_pay_base is HolidayPayBase.WAGES_EXCLUDING_OVERTIME:
        return frozenset((Cat.REGULAR, Cat.LEAVE, Cat.HOLIDAY_WORKED))
    return frozenset((Cat.REGULAR, Cat.LEAVE))


def _holiday_pay(
    site: SiteSettings,
    chunks: list[_Chunk],
    start: date,
    end: date,
    holidays: Mapping[date, str],
    unpriced: _Unpriced,
) -> list[PayLine]:
    """Ontario ESA s.24(1) / Canada Labour Code s.196(1): (wages + vacation pay earned in the 4
    work weeks before the work week of the holiday) / 20, where the wages are those of
    ``_holiday_pay_categories`` with the night premium earned on those hours. A holiday whose
    base includes minutes without a rate gets no line (they are reported to ``unpriced``)."""
    rules = site.rules
    counted = _holiday_pay_categories(rules)
    multiplier = {
        Cat.REGULAR: _MULT_ONE, Cat.LEAVE: _MULT_ONE, Cat.HOLIDAY_WORKED: rules.holiday_worked_multiplier,
    }
    out: list[PayLine] = []
    for hday in sorted(d for d in holidays if start <= d <= end):
        wk = week_start_of(hday, site.week_start)
        lo, hi = wk - timedelta(days=28), wk - timedelta(days=1)
        wages = Decimal(0)
        complete = True
        for c in chunks:
            if lo <= c.day <= hi and c.category in counted:
                if c.rate is None:
                    unpriced.add(c)
                    complete = False
                    continue
                wages += minutes_pay(c.minutes, c.rate * multiplier[c.category])
                if c.night and c.category != Cat.LEAVE:
                    wages += minutes_pay(c.night, _night_rate(rules, c.rate))
        amount = round_cents(wages / 20)
        if amount and complete:
            out.append(
                PayLine(Cat.HOLIDAY_PAY, 0, Decimal(0), amount, holiday=hday, base=round_cents(wages))
            )
    return out


def compute_employee(
    site: SiteSettings,
    employee: Employee,
    rates: Sequence[PayRate],
    shifts: Sequence[Shift],
    start: date,
    end: date,
    holidays: Mapping[date, str],
    without_holiday_pay: Collection[date] = (),
) -> EmployeePay:
    """Pay of one employee for start..end (inclusive). ``shifts`` are that employee's shifts
    over at least ``payroll_load_window(site, start, end)``; ``rates`` all of their rates.
    ``without_holiday_pay``: holidays this employee is not entitled to holiday pay for
    (``core.holiday_eligibility``); they stay holidays for the premium on hours worked."""
    rules = site.rules
    first = _week_of(start, site.week_start)
    last = _week_of(end, site.week_start) + _SIX_DAYS + _look_ahead(rules)
    if _holidays_matter(rules) and any(first - _ONE_WEEK <= d <= last + _ONE_WEEK for d in holidays):
        first -= _FOUR_WEEKS  # whose wages set holiday pay and show the working days
    first -= _lead_in(rules)
    # The holidays that can touch the classified days: their own, or a substitute a week away.
    near = {d: name for d, name in holidays.items() if first - _ONE_WEEK <= d <= last + _ONE_WEEK}
    ordered = sorted((sh for sh in shifts if first <= sh.work_date <= last), key=_shift_key)
    chunks = _Classifier(site, near).classify(ordered, rates)
    unpriced = _Unpriced(ordered)
    entitled = {d: n for d, n in holidays.items() if d not in without_holiday_pay} if without_holiday_pay \
        else holidays
    lines, holiday_pay = _price(site, chunks, start, end, entitled, unpriced)

    total = _Acc()
    for c in chunks:
        if start <= c.day <= end:
            total.add(c.category, c.minutes, c.night)
    in_force = tuple(
        sorted(
            (r for r in rates if r.effective_from <= end and not _superseded(r, rates, start)),
            key=lambda r: r.effective_from,
        )
    )
    return EmployeePay(
        employee=employee,
        start=start,
        end=end,
        minutes=total.freeze(),
        holiday_pay=holiday_pay,
        lines=tuple(lines),
        gross=sum((ln.amount for ln in lines), Decimal("0.00")),
        rates=in_force,
        missing_rate=unpriced.first,
        _chunks=tuple(chunks),
        _shifts=tuple(ordered),
        _holidays=holidays,
    )


def _shift_key(sh: Shift) -> tuple[date, int]:
    return sh.work_date, minute_of_day(sh.start) if sh.start is not None else -1


def _superseded(r: PayRate, rates: Sequence[PayRate], start: date) -> bool:
    """True if another rate took over from ``r`` on or before ``start``."""
    return any(o.effective_from > r.effective_from and o.effective_from <= start for o in rates)


def _dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def compute_payroll(
    site: SiteSettings,
    employees: Sequence[Employee],
    rates: Mapping[str, Sequence[PayRate]],
    shifts: Sequence[Shift],
    start: date,
    end: date,
    holidays: Mapping[date, str],
) -> PayrollResult:
    """Pay of every given employee for start..end; shifts of all of them, any order."""
    by_emp: dict[str, list[Shift]] = {}
    for sh in shifts:
        by_emp.setdefault(sh.employee_code, []).append(sh)
    return PayrollResult(
        start,
        end,
        tuple(
            compute_employee(site, e, rates.get(e.code, ()), by_emp.get(e.code, []), start, end, holidays)
            for e in employees
        ),
    )


def payroll_totals(result: PayrollResult) -> tuple[MinuteTotals, Decimal, Decimal]:
    """(minutes, holiday pay, gross) summed over every employee of a result."""
    minutes = sum((ep.minutes for ep in result.employees), _EMPTY)
    hol = sum((ep.holiday_pay for ep in result.employees), Decimal("0.00"))
    gross = sum((ep.gross for ep in result.employees), Decimal("0.00"))
    return minutes, hol, gross
