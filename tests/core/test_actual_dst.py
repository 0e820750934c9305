"""Actual time across the clock changes of America/Toronto, worked to the minute.

Source of the dates: Canada's daylight saving time (Ontario Time Act, R.S.O. 1990, c. T.9, s. 2;
National Research Council Canada, "Daylight saving time"): clocks go forward at 02:00 on the second
Sunday of March (8 March 2026: 02:00 EST -> 03:00 EDT) and back at 02:00 on the first Sunday of
November (1 November 2026: 02:00 EDT -> 01:00 EST, so 01:00-02:00 happens twice).

Worked examples (a 22:00-06:30 night with a 30-minute unpaid break at 01:30, paid hours =
elapsed - break):
- fall back, work date Sat 31 Oct 2026: 22:00 EDT -> 06:30 EST is 9.5 h elapsed; the break runs
  01:30 EDT -> 01:00 EST, so the worked times are 22:00-01:30 and 01:00-06:30: 3.5 h + 5.5 h = 9.0 h;
- spring forward, work date Sat 7 Mar 2026: 22:00 EST -> 06:30 EDT is 7.5 h elapsed; the break runs
  01:30 -> 03:00 EDT (02:00 EST), so the worked times are 22:00-01:30 and 03:00-06:30: 7.0 h.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from deskwfm.core.actual import (
    ActualDay,
    Segment,
    Source,
    as_shifts,
    check_segments,
    scheduled_segments,
    segment_instants,
    worked_minutes,
)
from deskwfm.core.actual_entry import format_actual, parse_actual
from deskwfm.core.errors import EntryError
from deskwfm.core.model import Shift
from deskwfm.core.sessions import make_session, sessions_to_days
from deskwfm.core.timecalc import clock_for, paid_spans
from deskwfm.store.convert import segments_of, segments_text

CLOCK = clock_for("America/Toronto")
FALL = date(2026, 10, 31)  # the night of 31 Oct -> 1 Nov 2026
SPRING = date(2026, 3, 7)  # the night of 7 -> 8 Mar 2026
SPRING_2027 = date(2027, 3, 13)  # the night of 13 -> 14 Mar 2027
NEXT = 1440
EDT, EST = timezone(timedelta(hours=-4)), timezone(timedelta(hours=-5))


def night(work_date: date) -> Shift:
    """22-6:30/30@1:30 as the schedule holds it."""
    return Shift("AG002", work_date, time(22), time(6, 30), 30, break_start=time(1, 30))


def paid(day: ActualDay) -> int:
    return worked_minutes(day, CLOCK)


def pay_minutes(day: ActualDay) -> int:
    """Minutes the payroll engine is given on the actual basis (the shifts as_shifts makes)."""
    return sum(b - a for sh in as_shifts(day, 0, CLOCK) for a, b in paid_spans(CLOCK, sh))


def test_the_2026_clock_changes_are_where_the_worked_examples_put_them() -> None:
    tz = CLOCK.tz
    assert datetime(2026, 11, 1, 0, 59, tzinfo=tz).utcoffset() == timedelta(hours=-4)
    assert datetime(2026, 11, 1, 2, 0, tzinfo=tz).utcoffset() == timedelta(hours=-5)
    assert datetime(2026, 3, 8, 3, 0, tzinfo=tz).utcoffset() == timedelta(hours=-4)


def test_a_night_confirmed_as_scheduled_over_fall_back_is_the_scheduled_9_hours() -> None:
    segs = scheduled_segments(night(FALL), CLOCK)
    # 22:00-01:30 (EDT), then 01:00 (EST, the second occurrence) - 06:30
    assert segs == (Segment(22 * 60, NEXT + 90), Segment(NEXT + 60, NEXT + 390, start_fold=1))
    check_segments(segs, clock=CLOCK, work_date=FALL)  # no overlap: they run forward in time
    day = ActualDay("AG002", FALL, segs, source=Source.CONFIRMED)
    assert paid(day) == 9 * 60 == sum(b - a for a, b in paid_spans(CLOCK, night(FALL)))
    assert pay_minutes(day) == 9 * 60
    [(a, b), (c, d)] = segment_instants(CLOCK, FALL, segs)
    assert (b - a, c - b, d - c) == (210, 30, 330)  # 3.5 h, the 30-minute break, 5.5 h
    assert format_actual(segs, 0, "") == "22:00-01:30,01:00-06:30"


@pytest.mark.parametrize("work_date", [SPRING, SPRING_2027])
def test_a_night_confirmed_as_scheduled_over_spring_forward_is_7_hours(work_date: date) -> None:
    segs = scheduled_segments(night(work_date), CLOCK)
    assert segs == (Segment(22 * 60, NEXT + 90), Segment(NEXT + 180, NEXT + 390))
    day = ActualDay("AG002", work_date, segs, source=Source.CONFIRMED)
    assert paid(day) == 7 * 60 == pay_minutes(day)


def test_a_typed_night_counts_elapsed_time_over_both_changes() -> None:
    fall = parse_actual("22:00-06:30", {}, CLOCK, FALL)
    spring = parse_actual("22:00-06:30/30", {}, CLOCK, SPRING)
    assert fall is not None and spring is not None
    assert paid(ActualDay("A", FALL, fall.segments)) == 9 * 60 + 30  # 9.5 h elapsed
    assert paid(ActualDay("A", SPRING, spring.segments, 30)) == 7 * 60  # 7.5 h elapsed - 30 min
    assert pay_minutes(ActualDay("A", FALL, fall.segments)) == 9 * 60 + 30


def test_the_text_of_a_confirmed_night_parses_back_to_the_same_record() -> None:
    text = format_actual(scheduled_segments(night(FALL), CLOCK), 0, "")
    entry = parse_actual(text, {}, CLOCK, FALL)
    assert entry is not None and entry.segments == scheduled_segments(night(FALL), CLOCK)


def test_an_ambiguous_typed_time_takes_the_reading_that_runs_forward() -> None:
    # logged in 01:50 EDT, out at 01:10 EST: 20 minutes, not 23 h 20 min
    entry = parse_actual("1:50-1:10", {}, CLOCK, date(2026, 11, 1))
    assert entry is not None and entry.segments == (Segment(110, 70, end_fold=1),)
    assert paid(ActualDay("A", date(2026, 11, 1), entry.segments)) == 20
    # the first occurrence when it already runs forward
    entry = parse_actual("1:10-1:50", {}, CLOCK, date(2026, 11, 1))
    assert entry is not None and entry.segments == (Segment(70, 110),)


def test_a_real_overlap_is_still_refused() -> None:
    with pytest.raises(EntryError, match="starts before the worked time before it ends"):
        parse_actual("22:00-03:00,02:00-06:30", {}, CLOCK, FALL)
    both_first = (Segment(22 * 60, NEXT + 90), Segment(NEXT + 60, NEXT + 390))  # both at EDT
    with pytest.raises(EntryError, match="overlap"):
        check_segments(both_first, clock=CLOCK, work_date=FALL)


def test_a_time_in_the_spring_forward_gap_is_refused() -> None:
    with pytest.raises(EntryError, match="02:30 does not exist"):
        parse_actual("22:00-02:30", {}, CLOCK, SPRING)


def test_imported_sessions_with_utc_offsets_keep_their_instants_across_fall_back() -> None:
    login = datetime(2026, 10, 31, 22, 0, tzinfo=EDT)
    logout = datetime(2026, 11, 1, 1, 30, tzinfo=EST)  # the second 01:30
    relogin = datetime(2026, 11, 1, 1, 45, tzinfo=EST)
    last = datetime(2026, 11, 1, 6, 30, tzinfo=EST)
    sessions = [
        make_session(CLOCK, "AG002", login, logout, 0),
        make_session(CLOCK, "AG002", relogin, last, 1),
    ]
    days = sessions_to_days(sessions, {"AG002": [night(FALL)]}, CLOCK, merge_gap=2)
    assert not days.problems
    segs = days.days[("AG002", FALL)]
    assert segs == (Segment(22 * 60, NEXT + 90, 0, 1), Segment(NEXT + 105, NEXT + 390, 1, 0))
    assert paid(ActualDay("AG002", FALL, segs)) == 270 + 285  # 4.5 h + 4.75 h
    assert [b - a for a, b in segment_instants(CLOCK, FALL, segs) if b is not None] == [270, 285]
    assert int(logout.astimezone(UTC).timestamp()) // 60 == segment_instants(CLOCK, FALL, segs)[0][1]


def test_imported_local_times_across_fall_back_run_forward() -> None:
    login, logout = datetime(2026, 10, 31, 22, 0), datetime(2026, 11, 1, 6, 30)
    days = sessions_to_days([make_session(CLOCK, "AG002", login, logout, 0)], {}, CLOCK, merge_gap=2)
    assert paid(ActualDay("AG002", FALL, days.days[("AG002", FALL)])) == 9 * 60 + 30


def test_the_fold_is_kept_in_storage_and_old_rows_read_as_before() -> None:
    segs = scheduled_segments(night(FALL), CLOCK)
    assert segments_text(segs) == "1320-1530;1500f-1830"
    assert segments_of(segments_text(segs)) == segs
    assert segments_of("-5-300;330-") == (Segment(-5, 300), Segment(330, None))


@pytest.mark.parametrize(
    ("segments", "minutes"),
    [
        ((Segment(22 * 60, NEXT + 90, 0, 1),), 270),  # logged out at the second 01:30: 4.5 h
        ((Segment(NEXT + 110, NEXT + 70, 0, 1),), 20),  # 01:50 EDT -> 01:10 EST
        ((Segment(NEXT + 75, NEXT + 390, 1, 0),), 315),  # logged in at 01:15 EST -> 06:30 EST
        ((Segment(NEXT + 30, NEXT + 90), Segment(NEXT + 100, NEXT + 390, 1, 0)), 60 + 290),  # 01:40 EST
    ],
)
def test_payroll_is_given_the_exact_minutes_of_any_folded_segment(
    segments: tuple[Segment, ...], minutes: int
) -> None:
    day = ActualDay("AG002", FALL, segments, source=Source.IMPORT)
    check_segments(segments, clock=CLOCK, work_date=FALL)
    assert paid(day) == minutes == pay_minutes(day)
