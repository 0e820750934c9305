"""Scheduled agents per forecast interval: work shifts only, centred break, DST nights."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from deskwfm.core.coverage import Coverage, staffing_report
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.staffing_targets import StaffingTargets

TZ = "America/Toronto"
MON = date(2026, 11, 23)


def _shift(code: str, d: date, a: time, b: time, brk: int = 0, kind: ShiftKind = ShiftKind.WORK) -> Shift:
    return Shift(code, d, a, b, brk, "", kind)


def test_day_shift_counts_in_its_intervals_except_the_centred_break() -> None:
    cov = Coverage(TZ, 30, [MON])
    cov.add(_shift("A", MON, time(8), time(16, 30), 30), 1)
    counts = cov.scheduled(MON)
    on = [i for i, n in enumerate(counts) if n]
    # 08:00-12:00 and 12:30-16:30: the break of an 8.5 h shift sits at 12:00-12:30
    assert on == list(range(16, 24)) + list(range(25, 33))


def test_leave_and_days_off_are_not_scheduled() -> None:
    cov = Coverage(TZ, 30, [MON])
    assert cov.add(_shift("A", MON, time(9), time(17), 0, ShiftKind.PAID_LEAVE), 1) == set()
    assert sum(cov.scheduled(MON)) == 0


def test_part_of_an_interval_counts_as_that_share_of_an_agent() -> None:
    cov = Coverage(TZ, 30, [MON])
    cov.add(_shift("A", MON, time(9, 15), time(10, 10)), 1)
    assert cov.minutes(MON)[18:21] == [15, 30, 10]  # 09:00 (15 of 30 min), 09:30, 10:00 (10 of 30)
    c = cov.scheduled(MON)
    assert (c[18], c[19]) == (0.5, 1.0) and abs(c[20] - 1 / 3) < 1e-9


def test_night_shift_reaches_into_the_next_day_and_uncounts() -> None:
    tue = date(2026, 11, 24)
    cov = Coverage(TZ, 60, [MON, tue])
    s = _shift("A", MON, time(22), time(6))
    assert cov.add(s, 1) == {MON, tue}
    assert cov.scheduled(MON)[22:] == [1, 1] and cov.scheduled(tue)[:6] == [1] * 6
    cov.add(s, -1)
    assert sum(cov.scheduled(MON)) + sum(cov.scheduled(tue)) == 0


def test_spring_forward_night_has_no_two_oclock_interval() -> None:
    sat, sun = date(2026, 3, 7), date(2026, 3, 8)  # clocks go 02:00 -> 03:00 on 8 March 2026
    cov = Coverage(TZ, 60, [sat, sun])
    cov.add(_shift("A", sat, time(23), time(7)), 1)
    assert cov.scheduled(sun)[:7] == [1, 1, 0, 1, 1, 1, 1]  # 7 h on the floor, none at 02:00


def test_fall_back_night_counts_the_longer_hour() -> None:
    sat, sun = date(2026, 10, 31), date(2026, 11, 1)  # clocks go 02:00 -> 01:00 on 1 November
    cov = Coverage(TZ, 60, [sat, sun])
    cov.add(_shift("A", sat, time(23), time(7)), 1)
    assert cov.scheduled(sun)[:7] == [1] * 7


def test_report_finds_the_short_intervals() -> None:
    targets = StaffingTargets(80, 20, 85, 30, 30)
    fc = [ForecastInterval(MON, 600, 100, 180), ForecastInterval(MON, 630, 10, 180)]
    shifts = [_shift(f"A{i}", MON, time(10), time(11)) for i in range(12)]
    [day] = staffing_report(TZ, targets, [MON], fc, shifts)
    assert [(i.start_text, i.needed, i.scheduled, i.short) for i in day.intervals] == [
        ("10:00", 20, 12, 8), ("10:30", 5, 12, 0)
    ]
    assert day.worst is not None and day.worst.label == "10:00\u201310:30"
    assert day.short_agent_minutes == 8 * 30
    assert day.peak is not None and day.peak.needed == 20


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 47), st.integers(1, 40), st.integers(0, 60)), max_size=12))
def test_adding_then_removing_leaves_no_trace(specs: list[tuple[int, int, int]]) -> None:
    days = [MON, date(2026, 11, 24)]
    cov = Coverage(TZ, 30, days)
    shifts = []
    for start, length, brk in specs:
        a = start * 30
        b = (a + length * 30) % 1440
        s = _shift("A", MON, time(a // 60, a % 60), time(b // 60, b % 60), min(brk, length * 30 - 1))
        shifts.append(s)
    bulk = Coverage(TZ, 30, days)
    bulk.add_all(shifts)
    for s in shifts:
        cov.add(s, 1)
    assert cov.counts == bulk.counts
    for s in shifts:
        cov.add(s, -1)
    assert all(n == 0 for d in days for n in cov.scheduled(d))
