"""Employee availability texts: weekday windows and dates off."""

from __future__ import annotations

from datetime import date

import pytest

from deskwfm.core.availability import ALWAYS, parse_availability, parse_dates, parse_weekly, weekly_text
from deskwfm.core.errors import InputError

MON = date(2026, 11, 23)


def test_weekday_windows_round_trip_in_canonical_form() -> None:
    days = parse_weekly("mon-fri 8-18, sat")
    assert days[0] == (480, 1080) and days[5] == (0, 0) and days[6] is None
    assert weekly_text(days) == "Mon-Fri 08:00-18:00, Sat"
    assert parse_weekly(weekly_text(days)) == days
    assert parse_weekly("") == ALWAYS.days and weekly_text(ALWAYS.days) == ""
    assert weekly_text(parse_weekly("none")) == "none"
    assert parse_weekly("sam-dim 22-7")[6] == (1320, 420)  # French day names read too


def test_a_shift_fits_inside_the_window_even_past_midnight() -> None:
    a = parse_availability("Mon 22:00-07:00, Tue 08:00-18:00", "")
    assert a.fits(MON, 22 * 60, 24 * 60 + 6 * 60 + 30)  # 22:00-06:30 inside 22:00-07:00
    assert not a.fits(MON, 22 * 60, 24 * 60 + 7 * 60 + 30)  # ends 07:30, after the window
    assert not a.fits(MON, 21 * 60, 24 * 60 + 5 * 60)
    tue = date(2026, 11, 24)
    assert a.fits(tue, 9 * 60, 17 * 60) and not a.fits(tue, 9 * 60, 18 * 60 + 30)
    assert not a.fits(date(2026, 11, 25), 9 * 60, 17 * 60)  # Wednesday not listed


def test_dates_off_merge_and_block_the_day() -> None:
    off = parse_dates("2026-12-28..2027-01-02, 2026-12-24, 2026-12-25")
    assert off == ((date(2026, 12, 24), date(2026, 12, 25)), (date(2026, 12, 28), date(2027, 1, 2)))
    a = parse_availability("", "2026-12-24, 2026-12-25, 2026-12-28..2027-01-02")
    assert a.off_text == "2026-12-24..2026-12-25, 2026-12-28..2027-01-02"
    assert not a.fits(date(2026, 12, 31), 540, 1020) and a.fits(date(2026, 12, 27), 540, 1020)


@pytest.mark.parametrize(("weekly", "dates", "where"), [
    ("mon-fri 8-", "", '"8-" is not a time range'),
    ("mon, monday 9-17", "", "Mon is given twice"),
    ("funday", "", '"funday" is not a weekday'),
    ("", "2026-13-01", '"2026-13-01" is not a date'),
    ("", "2027-01-02..2026-12-28", "end before they start"),
    ("", "1999-01-01", "outside the plausible range"),
])
def test_bad_text_is_refused_naming_the_item(weekly: str, dates: str, where: str) -> None:
    with pytest.raises(InputError, match=where):
        parse_availability(weekly, dates)
