"""Hypothesis properties of the payroll engine (design.md, issue 3)."""

from __future__ import annotations

import random
from datetime import date, time, timedelta
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from deskwfm.core.errors import EntryError
from deskwfm.core.model import Shift
from deskwfm.core.payroll import Cat
from deskwfm.core.rules import PRESET_NAMES, PRESETS, DailyOvertimeDay, NightPremiumKind

from .payroll_helpers import pay, site, work

WEEK0 = date(2026, 6, 7)  # a Sunday, no DST change nearby
# Two weeks starting here contain a DST change in America/Toronto and America/Los_Angeles.
DST_WEEKS = [date(2026, 3, 1), date(2026, 10, 25)]
HOLS = {date(2026, 6, 10): "Test Holiday"}

# A week of shifts: per day either nothing or (start hour, length hours, break).
day_plan = st.one_of(
    st.none(), st.tuples(st.integers(0, 23), st.integers(1, 14), st.sampled_from([0, 30, 60]))
)
week_plan = st.lists(day_plan, min_size=14, max_size=14)


def build(plan: list[tuple[int, int, int] | None], week0: date = WEEK0) -> list[Shift]:
    shifts = []
    for i, p in enumerate(plan):
        if p is None:
            continue
        start, length, brk = p
        if brk >= length * 60:
            brk = 0
        d = week0 + timedelta(days=i)
        shifts.append(Shift("A1", d, time(start), time((start + length) % 24), brk))
    return shifts


@settings(max_examples=60, deadline=None)
@given(week_plan, st.sampled_from(PRESET_NAMES), st.randoms(use_true_random=False))
def test_entry_order_never_changes_pay(plan: list, preset: str, rnd: random.Random) -> None:
    s = site(preset, night_premium=Decimal("1.25"))
    shifts = build(plan)
    end = WEEK0 + timedelta(days=13)
    a = pay(s, shifts, WEEK0, end, holidays=HOLS)
    shuffled = shifts[:]
    rnd.shuffle(shuffled)
    b = pay(s, shuffled, WEEK0, end, holidays=HOLS)
    assert (a.minutes, a.gross, a.lines) == (b.minutes, b.gross, b.lines)


def splittable(preset: str, sh: Shift, week0: date = WEEK0) -> bool:
    """Whether cutting ``sh`` at midnight into two shifts must leave pay unchanged.

    Under a calendar workday (Ontario, FLSA, California: midnight workdays) always: hours
    belong to the day worked and the overtime day is the calendar day. Under the Canada Labour
    Code's 24-hour day from the start of work (s.166, core.ot_days) a shift starting inside an
    open 24-hour day joins it, so a cut inside a week changes nothing either; but the first
    shift of a work week starts a new day, so a night shift cut at the midnight that starts a
    week becomes two days (see test_each_work_week_starts_its_own_24_hour_days)."""
    if PRESETS[preset].daily_ot_day is not DailyOvertimeDay.FROM_SHIFT_START:
        return True
    return (sh.work_date - week0).days % 7 != 6


@settings(max_examples=80, deadline=None)
@given(week_plan, st.sampled_from(PRESET_NAMES), st.sampled_from(["America/Toronto", "America/Los_Angeles"]))
def test_splitting_an_overnight_shift_at_midnight_never_changes_pay(plan: list, preset: str, tz: str) -> None:
    """Paid minutes and pay never depend on where midnight falls: a 22:00-06:00 shift entered
    as one shift or as 22:00-24:00 plus 00:00-06:00 the next day is paid the same (for a 24-hour
    day from the start of work, except at the midnight that starts a work week: ``splittable``)."""
    s = site(preset, tz=tz, night_premium=Decimal("10"), night_premium_kind=NightPremiumKind.PERCENT)
    shifts = [sh for sh in build(plan) if sh.break_minutes == 0]
    by_day = {sh.work_date: sh for sh in shifts}
    split: list[Shift] = []
    for sh in shifts:
        assert sh.start is not None and sh.end is not None
        nxt = sh.work_date + timedelta(days=1)
        overnight = sh.end <= sh.start and sh.end != time(0)
        if overnight and nxt not in by_day and splittable(preset, sh):
            split.append(Shift("A1", sh.work_date, sh.start, time(0)))
            split.append(Shift("A1", nxt, time(0), sh.end))
        else:
            split.append(sh)
    end = WEEK0 + timedelta(days=13)
    a = pay(s, shifts, WEEK0, end, holidays=HOLS)
    b = pay(s, split, WEEK0, end, holidays=HOLS)
    assert a.minutes == b.minutes
    assert a.gross == b.gross


def test_a_night_shift_cut_at_the_start_of_a_week_is_two_24_hour_days() -> None:
    """The exception ``splittable`` leaves out, shown: under the Canada Labour Code preset a
    Saturday 20:00-08:00 shift is one 12-hour day (4 h overtime, s.166); entered as Saturday
    20:00-24:00 and Sunday 00:00-08:00 the Sunday shift is the new week's first and starts its
    own day, so neither part exceeds 8 h. Calendar-day rules (Ontario) pay both the same."""
    sat = WEEK0 + timedelta(days=6)
    whole = [Shift("A1", sat, time(20), time(8))]
    parts = [Shift("A1", sat, time(20), time(0)), Shift("A1", sat + timedelta(days=1), time(0), time(8))]
    end = WEEK0 + timedelta(days=13)
    federal = site("canada-federal")
    assert pay(federal, whole, WEEK0, end).minutes.overtime == 4 * 60
    assert pay(federal, parts, WEEK0, end).minutes.overtime == 0
    ontario = site("ontario")
    assert pay(ontario, whole, WEEK0, end).gross == pay(ontario, parts, WEEK0, end).gross


@settings(max_examples=60, deadline=None)
@given(week_plan, st.sampled_from(PRESET_NAMES), st.integers(1, 12))
def test_minutes_never_depend_on_how_the_range_is_cut(plan: list, preset: str, cut: int) -> None:
    s = site(preset)
    shifts = build(plan)
    end = WEEK0 + timedelta(days=13)
    mid = WEEK0 + timedelta(days=cut)
    whole = pay(s, shifts, WEEK0, end, holidays=HOLS).minutes
    a = pay(s, shifts, WEEK0, mid, holidays=HOLS).minutes
    b = pay(s, shifts, mid + timedelta(days=1), end, holidays=HOLS).minutes
    for field in ("paid", "regular", "overtime", "double_time", "night", "holiday_worked", "leave"):
        assert getattr(a, field) + getattr(b, field) == getattr(whole, field), field


@settings(max_examples=60, deadline=None)
@given(week_plan, st.sampled_from(PRESET_NAMES))
def test_totals_are_sums_of_rounded_lines_and_categories_add_up(plan: list, preset: str) -> None:
    s = site(preset, night_premium=Decimal("0.75"))
    p = pay(s, build(plan), WEEK0, WEEK0 + timedelta(days=13), holidays=HOLS)
    m = p.minutes
    assert min(m.paid, m.regular, m.overtime, m.double_time, m.night, m.holiday_worked) >= 0
    assert m.paid == m.regular + m.overtime + m.double_time + m.holiday_worked
    assert m.night <= m.paid
    assert p.gross == sum(ln.amount for ln in p.lines)
    assert all(ln.amount == ln.amount.quantize(Decimal("0.01")) for ln in p.lines)
    assert sum(d.minutes.paid for d in p.days) == m.paid
    assert p.holiday_pay == p.amount(Cat.HOLIDAY_PAY)


@settings(max_examples=40, deadline=None)
@given(week_plan, st.sampled_from(PRESET_NAMES), st.integers(0, 13), st.integers(1, 6))
def test_adding_a_shift_never_lowers_pay(plan: list, preset: str, day: int, length: int) -> None:
    s = site(preset)
    shifts = build(plan)
    d = WEEK0 + timedelta(days=day)
    if any(sh.work_date == d for sh in shifts):
        return
    end = WEEK0 + timedelta(days=13)
    before = pay(s, shifts, WEEK0, end, holidays=HOLS)
    after = pay(s, [*shifts, work(d, 9, 9 + length)], WEEK0, end, holidays=HOLS)
    assert after.gross >= before.gross
    # an added shift may overlap an overnight one: those minutes are paid once
    assert before.minutes.paid <= after.minutes.paid <= before.minutes.paid + length * 60


@settings(max_examples=60, deadline=None)
@given(week_plan, st.sampled_from(PRESET_NAMES), st.sampled_from(DST_WEEKS))
def test_over_dst_nights_midnight_split_and_breakdowns_still_agree(
    plan: list, preset: str, week0: date
) -> None:
    """Over the spring-forward and fall-back weeks: splitting an overnight shift at midnight pays
    the same (``splittable``), and the per-day and per-shift breakdowns add up to the totals."""
    s = site(preset, tz="America/Toronto", night_premium=Decimal("1.00"))
    shifts = [sh for sh in build(plan, week0) if sh.break_minutes == 0]
    end = week0 + timedelta(days=13)
    hols = {week0 + timedelta(days=3): "Test Holiday"}
    try:
        whole = pay(s, shifts, week0, end, holidays=hols)
    except EntryError:
        assume(False)  # a start inside the spring-forward gap is refused, as it should be
        return
    by_day = {sh.work_date for sh in shifts}
    split: list[Shift] = []
    for sh in shifts:
        assert sh.start is not None and sh.end is not None
        nxt = sh.work_date + timedelta(days=1)
        if sh.end <= sh.start and sh.end != time(0) and nxt not in by_day and splittable(preset, sh, week0):
            split += [Shift("A1", sh.work_date, sh.start, time(0)), Shift("A1", nxt, time(0), sh.end)]
        else:
            split.append(sh)
    parts = pay(s, split, week0, end, holidays=hols)
    assert (parts.minutes, parts.gross) == (whole.minutes, whole.gross)
    assert sum(d.minutes.paid for d in whole.days) == whole.minutes.paid
    assert sum(sp.minutes.paid for sp in whole.shifts) == whole.minutes.paid
    assert sum(sp.minutes.night for sp in whole.shifts) == whole.minutes.night
