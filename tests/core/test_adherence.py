"""Schedule adherence: minutes worked as scheduled over scheduled minutes, per agent and team."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from deskwfm.core.adherence import Adherence, adherence_by_employee, total
from deskwfm.core.exceptions import find_exceptions
from deskwfm.core.timekeeping import Timekeeping
from tests.core.actual_helpers import CODES, MON, TORONTO, day, shift

TUE, WED = MON + timedelta(days=1), MON + timedelta(days=2)


def test_adherence_counts_only_time_worked_when_scheduled() -> None:
    """A1 is scheduled 9-17/30 (450 paid minutes, break 12:45-13:15) on Mon and Tue:
    Mon 9:10-17:00 with the break as scheduled adheres 440 (late 10 min); Tue 8:00-16:00/30 (its
    break centred, 11:45-12:15) adheres 9:00-11:45, 12:15-12:45 and 13:15-16:00 = 360 (the hour
    before 9:00 is worked but not scheduled). 800 / 900 = 88.9 %. B2 is coded TRN (training counts
    as worked): 100 %. Team: (800 + 450) / (900 + 450) = 92.6 %, not the mean of the percentages."""
    shifts = [shift(d, (9, 0), (17, 0), 30, who=w) for d in (MON, TUE) for w in ("A1",)]
    shifts.append(shift(MON, (9, 0), (17, 0), 30, who="B2"))
    actual = [
        day("9:10-12:45,13:15-17:00", MON), day("8:00-16:00/30", TUE), day("TRN", MON, "B2"),
    ]
    ex = find_exceptions(shifts, actual, CODES, Timekeeping(), TORONTO, MON, WED)
    got = adherence_by_employee(shifts, actual, CODES, ex, TORONTO, MON, WED)
    assert got["A1"] == Adherence(scheduled=900, adhered=800, worked=440 + 450, late=1)
    assert got["A1"].percent == Decimal("88.9")
    assert got["B2"].percent == Decimal("100.0")
    assert total(got.values()).percent == Decimal("92.6")


def test_nothing_scheduled_has_no_adherence_figure() -> None:
    assert Adherence().percent is None
    got = adherence_by_employee([], [day("10:00-12:00")], CODES, [], TORONTO, MON, MON)
    assert got["A1"] == Adherence(worked=120) and got["A1"].percent is None
