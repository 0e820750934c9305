"""Field parsers of the dialogs: what a user types in an hours / time / money box."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

import pytest

from deskwfm.core.errors import InputError
from deskwfm.gui.dialogs.forms import hours_field_text, parse_amount, parse_clock, parse_hours


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("37.5", 2250), ("40", 2400), ("44:30", 2670), (" 7.25 ", 435), ("0.01", 1), ("", None)],
)
def test_parse_hours(text: str, minutes: int | None) -> None:
    assert parse_hours(text, "Contract") == minutes


@pytest.mark.parametrize("text", ["abc", "-1", "NaN", "inf", "200", "7:75"])
def test_parse_hours_refuses_with_field_name(text: str) -> None:
    with pytest.raises(InputError, match="^Contract"):
        parse_hours(text, "Contract")


def test_required_hours_blank_refused() -> None:
    with pytest.raises(InputError, match="^Minimum rest"):
        parse_hours("  ", "Minimum rest", optional=False)


@pytest.mark.parametrize("minutes", [0, 1, 435, 2250, 2400, 2670, 10079])
def test_hours_text_round_trips(minutes: int) -> None:
    assert parse_hours(hours_field_text(minutes), "x") == minutes


@pytest.mark.parametrize(
    ("text", "value"),
    [("9", time(9)), ("09:30", time(9, 30)), ("0930", time(9, 30)), ("2230", time(22, 30)),
     ("7.15", time(7, 15)), ("5pm", time(17)), ("12am", time(0)),
     ("9:30 am", time(9, 30)), ("930p", time(21, 30))],
)
def test_parse_clock(text: str, value: time) -> None:
    assert parse_clock(text, "Start") == value


def test_24_00_is_midnight_only_as_an_end() -> None:
    assert parse_clock("24:00", "End", is_end=True) == time(0)
    with pytest.raises(InputError, match="^Start: \"24:00\" only ends a shift"):
        parse_clock("24:00", "Start")


@pytest.mark.parametrize("text", ["25:00", "9:60", "9:5", "noon", "12345", "13pm", "0am"])
def test_parse_clock_refuses(text: str) -> None:
    with pytest.raises(InputError, match="^Start"):
        parse_clock(text, "Start")


def test_parse_amount_names_field() -> None:
    assert parse_amount("$1,020.50", "Rate") == Decimal("1020.50")
    with pytest.raises(InputError, match="^Rate"):
        parse_amount("NaN", "Rate")
