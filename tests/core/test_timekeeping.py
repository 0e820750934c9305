"""Rounding of in/out times for payroll and the timekeeping settings' limits."""

from __future__ import annotations

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.timekeeping import ROUNDING_CHOICES, Timekeeping, round_minute


def test_quarter_hour_rounding_follows_the_seven_minute_rule() -> None:
    """29 CFR 785.48(b) accepts recording start and stop times "to the nearest 5 minutes, or to
    the nearest one-tenth or quarter of an hour"; to the nearest quarter, 8:07 is 8:00 and 8:08 is
    8:15 (7 minutes down, 8 up)."""
    assert round_minute(8 * 60 + 7, 15) == 8 * 60
    assert round_minute(8 * 60 + 8, 15) == 8 * 60 + 15
    assert round_minute(17 * 60 + 2, 6) == 17 * 60  # tenths of an hour
    assert round_minute(17 * 60 + 4, 6) == 17 * 60 + 6
    # half-way goes to the even tenth: 17:03 down to 17:00 (tenth 170), 17:09 up to 17:12 (172)
    assert round_minute(17 * 60 + 3, 6) == 17 * 60
    assert round_minute(17 * 60 + 9, 6) == 17 * 60 + 12
    assert round_minute(-7, 15) == 0 and round_minute(-8, 15) == -15  # the evening before
    assert round_minute(538, 0) == 538


@pytest.mark.parametrize("increment", [i for i in ROUNDING_CHOICES if i])
def test_rounding_is_neutral_over_every_minute_of_two_increments(increment: int) -> None:
    """785.48(b): the practice must "average out" so employees are paid for all the time worked.
    Over the minutes of two increments, rounding adds exactly what it takes away, and it never
    moves a time by more than half an increment."""
    moves = [round_minute(540 + k, increment) - (540 + k) for k in range(2 * increment)]
    assert sum(moves) == 0
    assert all(abs(m) * 2 <= increment for m in moves)


def test_settings_out_of_range_are_refused() -> None:
    Timekeeping().check()
    with pytest.raises(InputError, match="nearest 5, 6, 10 or 15"):
        Timekeeping(rounding_minutes=7).check()
    with pytest.raises(InputError, match="0 to 60 minutes"):
        Timekeeping(merge_gap_minutes=90).check()
    with pytest.raises(InputError, match="grace period"):
        Timekeeping(late_grace_minutes=-1).check()
