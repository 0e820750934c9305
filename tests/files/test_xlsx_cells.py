"""Cell converters: what each column accepts and the message for what it refuses."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.fields import Field
from deskwfm.files.xlsx_cells import (
    CellError,
    to_bool,
    to_break_minutes,
    to_date,
    to_number,
    to_rate,
    to_text,
    to_time,
    to_week_minutes,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        (date(2026, 3, 2), date(2026, 3, 2)),
        (datetime(2026, 3, 2), date(2026, 3, 2)),
        ("2026-03-02", date(2026, 3, 2)),
        ("Mon 2026-03-02", date(2026, 3, 2)),
        ("2 Mar 2026", date(2026, 3, 2)),
        ("Mar 2, 2026", date(2026, 3, 2)),
        ("25/03/2026", date(2026, 3, 25)),
        (46083.0, date(2026, 3, 2)),  # an Excel serial number
    ],
)
def test_dates_in_every_common_form(value: object, expected: date) -> None:
    assert to_date(value) == expected


@pytest.mark.parametrize(
    "value, message",
    [
        ("03/04/2026", '"03/04/2026" is not a date'),  # day/month order ambiguous
        ("tomorrow", '"tomorrow" is not a date'),
        (date(1900, 1, 1), '"1900-01-01" is outside the plausible range 2000-01-01 to 2099-12-31'),
        ("2999-01-01", '"2999-01-01" is outside the plausible range'),
        (datetime(2026, 3, 2, 9, 30), "is a date and time"),
    ],
)
def test_bad_dates_say_what_was_expected(value: object, message: str) -> None:
    with pytest.raises(CellError, match=message.replace("(", r"\(")):
        to_date(value)


@pytest.mark.parametrize(
    "value, expected",
    [
        (time(9, 30), time(9, 30)),
        ("9:30", time(9, 30)),
        ("09:30", time(9, 30)),
        ("0930", time(9, 30)),
        ("9:30 pm", time(21, 30)),
        (0.375, time(9)),
        (9.0, time(9)),
        (datetime(1899, 12, 30, 22), time(22)),
        (timedelta(hours=6, minutes=30), time(6, 30)),
    ],
)
def test_times(value: object, expected: time) -> None:
    assert to_time(value) == expected


def test_24_00_is_midnight_only_as_an_end() -> None:
    assert to_time("24:00", is_end=True) == time(0)
    assert to_time(24.0, is_end=True) == time(0)
    with pytest.raises(InputError, match='"24:00" only ends a shift'):
        to_time("24:00")


@pytest.mark.parametrize("value", ["25:00", "9:75", "9:5", "noon", 1.5, 25.0, datetime(2026, 3, 2, 9)])
def test_bad_times(value: object) -> None:
    with pytest.raises((CellError, InputError), match="not a time|is a date"):
        to_time(value)


def test_numbers_are_exact_and_every_rule_is_cores() -> None:
    assert to_number(21.5, Field.RATE) == Decimal("21.5")
    assert to_number("$1,020.50", Field.RATE) == Decimal("1020.50")
    assert to_number("21,50", Field.RATE) == Decimal("21.50")  # a decimal comma, not 2150
    assert to_number(22.000000000000004, Field.RATE) == Decimal("22.0")
    assert to_rate(21.5) == Decimal("21.50")
    for bad, msg in (
        ("NaN", "is not a number"),
        (math.nan, "is not a number"),
        ("inf", "is not a number"),
        (-3.0, "more than zero"),
        ("abc", "is not a number"),
        (20.005, "fraction of a cent"),
        (1e17, "largest hourly rate"),
        (1e308, "largest hourly rate"),
        (99999999999.0, "largest hourly rate"),
    ):
        with pytest.raises(InputError, match=msg):
            to_rate(bad)


def test_week_hours_and_breaks() -> None:
    assert to_week_minutes(37.5, Field.CONTRACT_HOURS) == 2250
    assert to_week_minutes("37:30", Field.CONTRACT_HOURS) == 2250
    with pytest.raises(InputError, match="too large"):
        to_week_minutes(200.0, Field.MAX_HOURS)
    assert to_break_minutes(30.0) == 30
    assert to_break_minutes("45") == 45
    with pytest.raises(InputError, match="is not whole minutes"):
        to_break_minutes(7.5)


def test_text_and_bools() -> None:
    assert to_text(1001.0) == "1001"
    assert to_bool("no") is False and to_bool("") is True
    with pytest.raises(CellError, match="is not yes or no"):
        to_bool("maybe")
