"""Paid minutes on zone-aware datetimes (design.md: subtract in UTC)."""

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskwfm.core.errors import EntryError
from deskwfm.core.model import Shift
from deskwfm.core.timecalc import clock_for, day_pieces, paid_minutes, paid_spans

TORONTO = ZoneInfo("America/Toronto")


def night(d: date, brk: int = 30) -> Shift:
    return Shift("A1", d, time(23), time(7, 30), brk)


def test_night_shift_is_7h_on_spring_forward_and_9h_on_fall_back() -> None:
    # 2026 DST in America/Toronto: clocks go forward 2026-03-08 02:00, back 2026-11-01 02:00.
    assert paid_minutes(night(date(2026, 3, 7)), TORONTO) == 7 * 60
    assert paid_minutes(night(date(2026, 10, 31)), TORONTO) == 9 * 60
    assert paid_minutes(night(date(2026, 6, 1)), TORONTO) == 8 * 60


def test_start_that_does_not_exist_is_an_error() -> None:
    with pytest.raises(EntryError, match="02:30 does not exist on 2026-03-08 in America/Toronto"):
        paid_minutes(Shift("A1", date(2026, 3, 8), time(2, 30), time(10)), TORONTO)


def test_hours_belong_to_the_day_worked() -> None:
    clock = clock_for("America/Toronto")
    sh = Shift("A1", date(2026, 6, 1), time(22), time(6), 0)
    pieces = day_pieces(clock, paid_spans(clock, sh), sh.work_date)
    assert [(d, b - a) for d, a, b in pieces] == [(date(2026, 6, 1), 120), (date(2026, 6, 2), 360)]


@given(
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    st.integers(0, 1439),
    st.integers(1, 1439),
    st.integers(0, 90),
)
def test_paid_minutes_never_negative_and_match_wall_clock_away_from_dst(
    d: date, start_min: int, length: int, brk: int
) -> None:
    start = time(start_min // 60, start_min % 60)
    end_min = (start_min + length) % 1440
    end = time(end_min // 60, end_min % 60)
    sh = Shift("A1", d, start, end, brk)
    try:
        minutes = paid_minutes(sh, ZoneInfo("UTC"))
    except EntryError:
        assert brk >= length
        return
    assert minutes == length - brk >= 0


def test_window_edges_inside_the_spring_forward_gap_map_to_the_change() -> None:
    """02:00-03:00 does not exist on 2026-03-08 in Toronto: an edge anywhere in it is the instant
    the clocks went forward (07:00 UTC), so an interval inside the gap has no length and never
    a negative one."""
    clock = clock_for("America/Toronto")
    day = date(2026, 3, 8)
    change = clock.boundary(day, 3 * 60)
    assert [clock.boundary(day, m) for m in (120, 150, 179)] == [change] * 3
    assert change - clock.boundary(day, 90) == 30
