"""Timesheet rows (core.timesheet): one row per shift with its own minutes; rows add up to the
engine's weeks and weeks to the period, whatever the schedule, rules, zone or range edges."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from deskwfm.core.model import Shift
from deskwfm.core.payroll import MinuteTotals
from deskwfm.core.periods import week_start_of
from deskwfm.core.rules import PRESET_NAMES
from deskwfm.core.timesheet import RowKind, Where, timesheet_weeks

from .payroll_helpers import leave, pay, site, work

SUN = date(2026, 6, 7)
HOLS = {date(2026, 6, 10): "Test Holiday"}
day_plan = st.one_of(
    st.none(),
    st.just("leave"),
    st.tuples(st.integers(0, 23), st.integers(1, 14), st.sampled_from([0, 30, 60])),
)


def build(plan: list[object], first: date) -> list[Shift]:
    shifts = []
    for i, p in enumerate(plan):
        d = first + timedelta(days=i)
        if p == "leave":
            shifts.append(leave(d))
        elif isinstance(p, tuple):
            start, length, brk = p
            shifts.append(work(d, start, start + length, brk if brk < length * 60 else 0))
    return shifts


@settings(max_examples=80, deadline=None)
@given(st.lists(day_plan, min_size=24, max_size=24), st.sampled_from(PRESET_NAMES),
       st.integers(0, 6), st.integers(5, 16), st.sampled_from([6, 0]),
       st.sampled_from(["America/Toronto", "America/Los_Angeles"]))
def test_rows_add_up_to_weeks_and_weeks_to_the_engines_minutes(
    plan: list[object], preset: str, offset: int, length: int, week_start: int, tz: str
) -> None:
    s = site(preset, tz=tz, week_start=week_start)
    start = SUN + timedelta(days=offset)
    end = start + timedelta(days=length - 1)
    ep = pay(s, build(plan, SUN - timedelta(days=3)), start, end, holidays=HOLS)
    weeks = timesheet_weeks(ep, week_start)
    assert [d.pay.day for w in weeks for d in w.days] == [dp.day for dp in ep.days]  # every day listed
    assert sum((w.minutes for w in weeks), MinuteTotals()) == ep.minutes
    for w in weeks:
        assert w.minutes == sum((r.minutes for r in w.rows), MinuteTotals())
        # a week's rows hold exactly the minutes the engine counted on its days (weekly overtime's week)
        assert w.minutes == sum((d.pay.minutes for d in w.days), MinuteTotals())
        assert all(week_start_of(d.pay.day, week_start) == week_start_of(w.start, week_start) for d in w.days)
    for sp in ep.shifts:
        rows = [r for w in weeks for r in w.rows if r.shift is sp.shift]
        assert sum((r.minutes for r in rows), MinuteTotals()) == sp.minutes  # split, never lost
        own = [r for r in rows if r.kind is RowKind.SHIFT]
        assert len(own) == (1 if start <= sp.shift.work_date <= end else 0)


def test_a_night_shift_crossing_into_the_next_week_continues_there() -> None:
    s = site()
    sat = SUN + timedelta(days=6)
    ep = pay(s, [work(sat, 22, 6, 30)], SUN, SUN + timedelta(days=13))
    first, second = timesheet_weeks(ep, s.week_start)
    [own] = first.rows
    [carried] = second.rows
    assert (own.kind, own.day, own.minutes.paid) == (RowKind.SHIFT, sat, 120)
    sun = sat + timedelta(days=1)
    assert [(e.day, e.minutes, e.where) for e in own.elsewhere] == [(sun, 330, Where.NEXT_WEEK)]
    assert (carried.kind, carried.day, carried.minutes.paid) == (RowKind.CARRIED, sun, 330)
    assert [e.where for e in carried.elsewhere] == [Where.PREVIOUS_WEEK]


def test_hours_across_the_range_edges_are_named_not_counted() -> None:
    s = site()
    before, last = SUN - timedelta(days=1), SUN + timedelta(days=13)
    ep = pay(s, [work(before, 22, 6), work(last, 22, 6)], SUN, last)
    [first, second] = timesheet_weeks(ep, s.week_start)
    [carried] = first.rows
    assert (carried.kind, carried.day, carried.minutes.paid) == (RowKind.CARRIED, SUN, 360)
    assert [(e.day, e.minutes, e.where) for e in carried.elsewhere] == [(before, 120, Where.BEFORE_RANGE)]
    [own] = second.rows
    assert own.minutes.paid == 120
    assert [(e.day, e.minutes, e.where) for e in own.elsewhere] == [
        (last + timedelta(days=1), 360, Where.AFTER_RANGE)]
    assert ep.minutes.paid == 480


def test_a_day_shift_after_a_night_shift_keeps_its_own_hours() -> None:
    """Issue 11: Wednesday shows 16 h worked (6 from Tuesday night); the Wednesday shift's row
    shows its own 10 h, the Tuesday night's row its 8 h split 2 + 6."""
    s = site()
    tue, wed = SUN + timedelta(days=2), SUN + timedelta(days=3)
    ep = pay(s, [work(tue, 22, time(6, 30), 30), work(wed, 8, 19, 60)], SUN, SUN + timedelta(days=6))
    [week] = timesheet_weeks(ep, s.week_start)
    night, day = week.rows
    assert next(d for d in ep.days if d.day == wed).minutes.paid == 16 * 60
    assert (night.minutes.paid, [p.minutes.paid for p in night.parts]) == (480, [120, 360])
    assert night.split_over_days
    assert (day.minutes.paid, day.split_over_days) == (600, False)
