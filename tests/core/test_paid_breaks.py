"""Paid breaks: paid time, off the phones, placed by default or at set times."""

from __future__ import annotations

from datetime import date, time

import pytest

from deskwfm.core.breaks import paid_break_spans, paid_break_times, phone_spans
from deskwfm.core.coverage import Coverage
from deskwfm.core.entry import parse_entry
from deskwfm.core.errors import EntryError, InputError
from deskwfm.core.model import Shift, ShiftCode, ShiftKind
from deskwfm.core.shift_codes import validate_code
from deskwfm.core.timecalc import clock_for, paid_minutes

TZ = "America/Toronto"
MON = date(2026, 11, 23)
CLOCK = clock_for(TZ)


def _day(**kw: object) -> Shift:
    return Shift("A", MON, time(8), time(16, 30), 30, "D", paid_breaks=2, paid_break_minutes=15, **kw)  # type: ignore[arg-type]


def test_paid_breaks_are_paid_but_off_the_phones() -> None:
    s = _day()
    assert paid_minutes(s, CLOCK.tz) == 480  # 8.5 h less the unpaid 30 min: the 2 x 15 are paid
    on = sum(b - a for a, b in phone_spans(CLOCK, s))
    assert on == 450


def test_default_places_are_mid_morning_and_mid_afternoon() -> None:
    # worked time 08:00-12:00 and 12:30-16:30 (480 min): breaks centred at 120 and 360 minutes
    # into it, i.e. 10:00 and 14:30, so they start at 09:52 -> 09:55 and 14:22 -> 14:25.
    assert paid_break_times(CLOCK, _day()) == (time(9, 55), time(14, 25))


def test_set_starts_are_used_and_checked() -> None:
    s = _day(paid_break_starts=(time(10, 15), time(15)))
    assert paid_break_times(CLOCK, s) == (time(10, 15), time(15))
    with pytest.raises(EntryError, match="over the unpaid break"):
        paid_break_spans(CLOCK, _day(paid_break_starts=(time(12, 10), time(15))))
    with pytest.raises(EntryError, match="2 paid breaks"):
        paid_break_spans(CLOCK, _day(paid_break_starts=(time(10, 15),)))
    with pytest.raises(EntryError, match="overlap"):
        paid_break_spans(CLOCK, _day(paid_break_starts=(time(10), time(10, 10))))


def test_a_night_shifts_paid_break_after_midnight_is_on_the_next_day() -> None:
    s = Shift("A", MON, time(22), time(6, 30), 30, "N", paid_breaks=2, paid_break_minutes=15,
              paid_break_starts=(time(23, 30), time(3)))
    (a1, _), (a2, _) = paid_break_spans(CLOCK, s)
    assert a2 - a1 == 210  # 23:30 to 03:00 the next morning


def test_two_agents_on_a_fifteen_minute_break_in_one_interval_are_one_agent_away() -> None:
    cov = Coverage(TZ, 30, [MON])
    cov.add(_day(paid_break_starts=(time(10), time(15))), 1)
    cov.add(_day(paid_break_starts=(time(10, 15), time(15))), 1)
    assert cov.scheduled(MON)[20] == 1.0  # 10:00-10:30: each away 15 of 30 minutes
    assert cov.scheduled(MON)[30] == 1.0  # 15:00-15:30
    assert cov.scheduled(MON)[19] == 2.0


def test_coverage_of_paid_breaks_is_six_percent_of_an_eight_hour_day() -> None:
    cov = Coverage(TZ, 30, [MON])
    cov.add(_day(), 1)
    assert sum(cov.minutes(MON)) == 450
    cov.add(_day(), -1)
    assert sum(cov.minutes(MON)) == 0


def _code(code: str, kind: ShiftKind, a: time, b: time, brk: int, n: int, length: int) -> ShiftCode:
    return ShiftCode(code, kind, a, b, brk, paid_breaks=n, paid_break_minutes=length)


def test_shift_codes_carry_paid_breaks_that_fit() -> None:
    d = validate_code(_code("d", ShiftKind.WORK, time(8), time(16, 30), 30, 2, 15))
    assert (d.code, d.paid_breaks, d.paid_break_minutes) == ("D", 2, 15)
    with pytest.raises(InputError, match="only work codes"):
        validate_code(_code("VAC", ShiftKind.PAID_LEAVE, time(9), time(17), 0, 1, 15))
    with pytest.raises(InputError, match="do not fit its 60-minute shift"):
        validate_code(_code("S", ShiftKind.WORK, time(9), time(10), 30, 2, 15))
    with pytest.raises(InputError, match="0 to 6 paid breaks"):
        validate_code(_code("S", ShiftKind.WORK, time(9), time(17), 30, 7, 5))


def test_entries_with_paid_breaks_round_trip() -> None:
    codes = {"D": _code("D", ShiftKind.WORK, time(8), time(16, 30), 30, 2, 15)}
    texts = ("D", "D@13:00+15@10:15+15@15:00", "09:00-17:00/30+15+15", "22:00-06:00/30+15@23:30+15@03:00")
    for text in texts:
        e = parse_entry(text, codes)
        assert e is not None and e.text() == text
    e = parse_entry("D", codes)
    assert e is not None and (e.paid_breaks, e.paid_break_minutes, e.paid_break_starts) == (2, 15, ())
    with pytest.raises(EntryError, match="shift code D has 2 paid breaks of 15 min"):
        parse_entry("D+15", codes)
    with pytest.raises(EntryError, match="every paid break a start, or none"):
        parse_entry("9-17/30+15@10+15", codes)
    with pytest.raises(EntryError, match="outside the shift"):
        parse_entry("9-17+15@8", codes)
