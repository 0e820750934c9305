"""Login sessions from a phone-system report become actual time per work date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from deskwfm.core.actual import Segment
from deskwfm.core.sessions import Session, make_session, sessions_to_days
from tests.core.actual_helpers import MON, TORONTO, shift

TUE = MON + timedelta(days=1)


def at(d: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, hh, mm, ss)


def s(login: datetime, logout: datetime | None, ref: object = None, who: str = "A1") -> Session:
    return make_session(TORONTO, who, login, logout, ref)


def test_short_gaps_join_and_a_longer_one_is_a_break() -> None:
    sessions = [
        s(at(MON, 8, 58, 41), at(MON, 10, 30, 2), 1),
        s(at(MON, 10, 31, 30), at(MON, 12, 1), 2),  # a 1.5-minute re-login: one session
        s(at(MON, 12, 33), at(MON, 17, 3, 59), 3),  # the 32-minute lunch stays a gap
    ]
    out = sessions_to_days(sessions, {"A1": [shift(MON, (9, 0), (17, 0))]}, TORONTO, merge_gap=2)
    assert out.problems == []
    assert out.days == {("A1", MON): (Segment(538, 721), Segment(753, 1023))}
    assert out.refs[("A1", MON)] == [1, 2, 3]


def test_a_night_crossing_midnight_belongs_to_the_shift_it_overlaps_most() -> None:
    night = shift(MON, (22, 0), (6, 30))
    sessions = [
        s(at(MON, 21, 57), at(MON, 23, 58)),
        s(at(TUE, 0, 7), at(TUE, 6, 31)),  # logged in again after midnight: still Monday's night
        s(at(TUE, 21, 55), at(TUE, 23, 0)),  # Tuesday evening, no shift: Tuesday's
    ]
    out = sessions_to_days(sessions, {"A1": [night]}, TORONTO, merge_gap=2)
    assert out.days == {
        ("A1", MON): (Segment(21 * 60 + 57, 23 * 60 + 58), Segment(24 * 60 + 7, 30 * 60 + 31)),
        ("A1", TUE): (Segment(21 * 60 + 55, 23 * 60),),
    }


def test_a_login_before_midnight_for_a_midnight_shift_is_kept_with_it() -> None:
    midnight = shift(TUE, (0, 0), (8, 0))
    out = sessions_to_days([s(at(MON, 23, 55), at(TUE, 8, 2))], {"A1": [midnight]}, TORONTO, 2)
    assert out.days == {("A1", TUE): (Segment(-5, 482),)}


def test_bad_sessions_are_problems_at_their_rows_and_repeats_are_ignored() -> None:
    sessions = [
        s(at(MON, 9), at(MON, 12), "row 2"),
        s(at(MON, 9), at(MON, 12), "row 3"),  # the same session listed twice (once per skill)
        s(at(MON, 11), at(MON, 13), "row 4"),  # overlaps row 2
        s(at(MON, 15), at(MON, 14), "row 5"),  # logout before login
        s(at(MON, 15), at(TUE, 16), "row 6"),  # 25 hours
    ]
    out = sessions_to_days(sessions, {}, TORONTO, 2)
    assert [(p.ref, p.part) for p in out.problems] == [("row 4", "in"), ("row 5", "out"), ("row 6", "out")]
    assert "overlaps the one before it (login 2026-11-23 09:00, logout 2026-11-23 12:00)" in str(
        out.problems[0].message)
    assert str(out.problems[1].message) == (
        "the logout (2026-11-23 14:00) is before the login (2026-11-23 15:00)")


def test_a_session_without_logout_stays_open() -> None:
    out = sessions_to_days([s(at(MON, 8, 55), None)], {"A1": [shift(MON, (9, 0), (17, 0))]}, TORONTO, 2)
    assert out.days == {("A1", MON): (Segment(535, None),)}


def test_a_logout_in_the_repeated_hour_of_the_fall_back_night_is_its_second_occurrence() -> None:
    """2026-11-01: clocks go from 02:00 EDT back to 01:00 EST. A session logged in at 01:50 EDT
    and out at 01:10 EST lasted 20 minutes, not minus 40."""
    sunday = date(2026, 11, 1)
    session = s(at(sunday, 1, 50), at(sunday, 1, 10))
    assert session.end is not None and session.end - session.start == 20
