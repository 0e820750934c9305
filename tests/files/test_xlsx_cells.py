"""Cell converters: what each column accepts and the message for what it refuses."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from deskwfm.files.xlsx_cells import (
    CellError,
    to_bool,
    to_date,
    to_decimal,
    to_text,
    to_time,
    to_whole_number,
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
    with pytest.raises(CellError, match='"24:00" is not a time'):
        to_time("24:00")


@pytest.mark.parametrize("value", ["25:00", "9:75", "noon", 1.5, 25.0, datetime(2026, 3, 2, 9)])
def test_bad_times(value: object) -> None:
    with pytest.raises(CellError, match="not a time|is a date"):
        to_time(value)


def test_amounts_refuse_nan_inf_negative_text_and_too_many_places() -> None:
    assert to_decimal(21.5) == Decimal("21.5")
    assert to_decimal("$1,020.50") == Decimal("1020.50")
    assert to_decimal(22.000000000000004) == Decimal("22.0")
    for bad, msg in (
        ("NaN", "is not a number"),
        (math.nan, "is not a number"),
        ("inf", "is not a number"),
        (-3.0, "is negative"),
        ("abc", "is not a number"),
        (1.23456, "more than 4 decimal"),
    ):
        with pytest.raises(CellError, match=msg):
            to_decimal(bad)


def test_whole_numbers_text_and_bools() -> None:
    assert to_whole_number(30.0) == 30
    with pytest.raises(CellError, match="is not whole minutes"):
        to_whole_number(7.5, "whole minutes")
    with pytest.raises(CellError, match="negative"):
        to_whole_number(-5.0, "whole minutes")
    assert to_text(1001.0) == "1001"
    assert to_bool("no") is False and to_bool("") is True
    with pytest.raises(CellError, match="is not yes or no"):
        to_bool("maybe")
