"""A break with a set start (``9-17/30@12:30``): paid spans, payroll attribution, coverage."""

from __future__ import annotations

from datetime import date, time

import pytest

from deskwfm.core.coverage import Coverage
from deskwfm.core.errors import EntryError
from deskwfm.core.model import Shift
from deskwfm.core.timecalc import clock_for, paid_spans
from deskwfm.core.warnings import check_employee
from tests.core.payroll_helpers import EMP, pay, site

TZ = "America/Toronto"
MON = date(2026, 11, 23)
TUE = date(2026, 11, 24)


def _at(h: int, m: int = 0) -> int:
    return clock_for(TZ).utc(MON, h * 60 + m)


def test_break_sits_at_its_start_not_in_the_middle() -> None:
    clock = clock_for(TZ)
    centred = paid_spans(clock, Shift("A", MON, time(9), time(17), 30))
    staggered = paid_spans(clock, Shift("A", MON, time(9), time(17), 30, break_start=time(11)))
    assert centred == [(_at(9), _at(12, 45)), (_at(13, 15), _at(17))]
    assert staggered == [(_at(9), _at(11)), (_at(11, 30), _at(17))]


def test_night_break_after_midnight_moves_night_minutes_and_days() -> None:
    s = site()  # Ontario preset: night window 22:00-06:00
    centred = Shift("A1", MON, time(18), time(2), 60)  # break 21:30-22:30
    late = Shift("A1", MON, time(18), time(2), 60, break_start=time(0, 30))  # break 00:30-01:30
    a = pay(s, [centred], MON, TUE)
    b = pay(s, [late], MON, TUE)
    assert a.minutes.paid == b.minutes.paid == 420
    assert (a.minutes.night, b.minutes.night) == (210, 180)
    assert [d.minutes.paid for d in a.days] == [300, 120]
    assert [d.minutes.paid for d in b.days] == [360, 60]


def test_break_start_in_the_spring_forward_gap_is_an_error() -> None:
    sat = date(2026, 3, 7)  # clocks go 02:00 -> 03:00 on 8 March 2026 in Toronto
    clock = clock_for(TZ)
    gap = Shift("A1", sat, time(22), time(6), 30, break_start=time(2, 30))
    with pytest.raises(EntryError, match="02:30 does not exist on 2026-03-08"):
        paid_spans(clock, gap)
    after = Shift("A1", sat, time(22), time(6), 30, break_start=time(3))
    assert sum(b - a for a, b in paid_spans(clock, after)) == 7 * 60 - 30
    warnings = check_employee(site(), EMP, [gap], sat, sat)
    assert [(w.rule, "02:30 does not exist" in str(w.message)) for w in warnings] == [("invalid", True)]


def test_break_outside_the_shift_is_refused_by_the_time_calculation() -> None:
    with pytest.raises(EntryError, match="does not lie inside the shift 09:00-17:00"):
        paid_spans(clock_for(TZ), Shift("A1", MON, time(9), time(17), 30, break_start=time(16, 45)))


def test_coverage_counts_the_agent_at_noon_when_the_break_is_at_one() -> None:
    cov = Coverage(TZ, 30, [MON])
    cov.add(Shift("A", MON, time(8), time(16, 30), 30), 1)  # centred: 12:00-12:30
    assert cov.scheduled(MON)[24] == 0 and cov.scheduled(MON)[26] == 1
    cov = Coverage(TZ, 30, [MON])
    cov.add_all([Shift("A", MON, time(8), time(16, 30), 30, break_start=time(13))])
    counts = cov.scheduled(MON)
    assert (counts[24], counts[25], counts[26], counts[27]) == (1, 1, 0, 1)  # 12:00 on, 13:00 off


def test_same_times_with_different_break_starts_are_counted_apart() -> None:
    cov = Coverage(TZ, 60, [MON])
    shifts = [
        Shift(str(i), MON, time(9), time(17), 60, break_start=time(h))
        for i, h in enumerate((11, 12, 13, 14))
    ]
    cov.add_all(shifts)
    assert cov.scheduled(MON)[9:17] == [4, 4, 3, 3, 3, 3, 4, 4]
