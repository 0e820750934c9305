"""The field rules every entry path calls (``core.text``, ``core.employees``, ``core.hours``,
``core.entry.parse_time_of_day``, ``core.shift_codes``): what each accepts, and a refusal that
names the field and says what was expected."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

import pytest

from deskwfm.core.employees import check_rate, parse_rate
from deskwfm.core.entry import TimeOfDayError, parse_time_of_day
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.hours import parse_hours
from deskwfm.core.model import ShiftKind
from deskwfm.core.shift_codes import parse_colour, parse_kind
from deskwfm.core.text import check_name, check_note, check_team, check_text


@pytest.mark.parametrize(
    "char",
    ["\x00", "\x07", "\x08", "\x1b", "\x1f", "\x7f", "\x80", "\x9b", "\ud800"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_every_control_character_is_refused_naming_the_field(char: str) -> None:
    with pytest.raises(FieldError) as info:
        check_team(f"Sales{char}East")
    assert info.value.field is Field.TEAM
    assert str(info.value) == (
        f"team: contains an invisible control character (U+{ord(char):04X}) at character 6; remove it"
    )


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"], ids=repr)
def test_line_breaks_only_in_a_note(brk: str) -> None:
    with pytest.raises(FieldError, match="name: contains a line break; keep it on one line"):
        check_name(f"Ann{brk}Lee")
    assert check_note(f"call back{brk}after 5 ") == "call back\nafter 5"


def test_text_is_trimmed_spaces_collapsed_and_lengths_are_the_database_widths() -> None:
    assert check_name("  Zoë   Côté-Roy\n") == "Zoë Côté-Roy"  # a trailing line break is trimmed
    assert check_name("x" * 200) == "x" * 200
    with pytest.raises(FieldError, match="name: 201 characters long; at most 200"):
        check_name("x" * 201)
    with pytest.raises(FieldError, match="name: required"):
        check_name("   ")
    assert check_text("", Field.LABEL, max_length=10) == ""
    assert check_note("a" * 1000) == "a" * 1000
    with pytest.raises(FieldError, match="note: 1,001 characters long"):
        check_note("a" * 1001)


@pytest.mark.parametrize(
    ("text", "value"),
    [("21.5", "21.50"), ("21,50", "21.50"), ("$1,021.25", "1021.25"), ("1 021,25", "1021.25"),
     ("1\u00a0021,25 $", "1021.25"), ("9999.99", "9999.99"), ("0.01", "0.01")],
)
def test_rates_people_write(text: str, value: str) -> None:
    assert parse_rate(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("99999999999", "hourly rate: 99999999999 is more than $9,999.99, the largest hourly rate"),
        ("1e17", "hourly rate: 1e17 is more than $9,999.99, the largest hourly rate"),
        ("1e308", "hourly rate: 1e308 is more than $9,999.99, the largest hourly rate"),
        ("NaN", 'hourly rate: "NaN" is not a number; write it like 21.50'),
        ("sNaN", 'hourly rate: "sNaN" is not a number; write it like 21.50'),
        ("-1", "hourly rate: -1 must be more than zero"),
        ("0", "hourly rate: 0 must be more than zero"),
        ("20.005", "hourly rate: 20.005 has a fraction of a cent; use at most two decimal places"),
        ("2,1500", 'hourly rate: "2,1500" is not a number; write it like 21.50'),
        ("", "hourly rate: required; enter an amount like 21.50"),
    ],
)
def test_one_rate_rule_one_message(text: str, message: str) -> None:
    with pytest.raises(FieldError) as info:
        parse_rate(text)
    assert str(info.value) == message


def test_a_rate_read_from_a_file_meets_the_same_rule() -> None:
    assert check_rate(Decimal("21.5")) == Decimal("21.50")
    for bad in (Decimal("1E+17"), Decimal("1E+308"), Decimal("NaN"), Decimal("-1"), Decimal("20.005")):
        with pytest.raises(FieldError):
            check_rate(bad)


@pytest.mark.parametrize(
    ("text", "value"),
    [("9", time(9)), ("09", time(9)), ("9:30", time(9, 30)), ("09:30:00", time(9, 30)), ("9.30", time(9, 30)),
     ("9h30", time(9, 30)), ("9h", time(9)), ("0930", time(9, 30)), ("930", time(9, 30)),
     ("9a", time(9)), ("9 AM", time(9)), ("12a", time(0)), ("12p", time(12)), ("930pm", time(21, 30)),
     ("0", time(0)), ("23:59", time(23, 59))],
)
def test_the_one_time_of_day_reader(text: str, value: time) -> None:
    assert parse_time_of_day(text, Field.START) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9:5", 'start time: "9:5" is not a time; write it like 09:30'),
        ("25:00", 'start time: "25:00" is not a time; write it like 09:30'),
        ("9:75", 'start time: "9:75" is not a time; write it like 09:30'),
        ("13pm", 'start time: "13pm" is not a time; write it like 09:30'),
        ("12345", 'start time: "12345" is not a time; write it like 09:30'),
        ("09:30:15", 'start time: "09:30:15" is not a time; write it like 09:30'),
        ("24:00", 'start time: "24:00" only ends a shift; a start at midnight is 00:00'),
    ],
)
def test_bad_times_name_the_field(text: str, message: str) -> None:
    with pytest.raises(TimeOfDayError) as info:
        parse_time_of_day(text, Field.START)
    assert str(info.value) == message


def test_24_00_and_2400_end_at_midnight() -> None:
    assert parse_time_of_day("24:00", Field.END, is_end=True) == time(0)
    assert parse_time_of_day("2400", Field.END, is_end=True) == time(0)


def test_hours_to_the_minute() -> None:
    assert parse_hours("37.5", Field.CONTRACT_HOURS) == 2250
    assert parse_hours("37,5", Field.CONTRACT_HOURS) == 2250
    assert parse_hours("37:30", Field.CONTRACT_HOURS) == 2250
    assert parse_hours("37.33", Field.CONTRACT_HOURS) == 2240  # 2239.8 minutes, half up
    assert parse_hours("", Field.CONTRACT_HOURS) is None
    with pytest.raises(FieldError, match=r"maximum hours per week: 169 is too large \(at most 168\)"):
        parse_hours("169", Field.MAX_HOURS)
    with pytest.raises(FieldError, match="contract hours per week: -1 is negative"):
        parse_hours("-1", Field.CONTRACT_HOURS)


def test_kinds_and_colours() -> None:
    assert parse_kind("Paid leave") is ShiftKind.PAID_LEAVE
    assert parse_kind("paid_leave") is ShiftKind.PAID_LEAVE
    assert parse_kind("day off") is ShiftKind.OFF
    with pytest.raises(FieldError, match='kind: "sometimes" is not a kind'):
        parse_kind("sometimes")
    assert parse_colour("8ECAE6") == parse_colour("#8ecae6") == "#8ecae6"
    with pytest.raises(FieldError, match="colour:"):
        parse_colour("pink")
