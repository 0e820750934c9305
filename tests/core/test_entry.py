from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskwfm.core.entry import format_entry, parse_entry
from deskwfm.core.errors import EntryError
from deskwfm.core.model import ShiftCode, ShiftKind

CODES = {
    "D": ShiftCode("D", ShiftKind.WORK, time(8), time(16, 30), 30),
    "N": ShiftCode("N", ShiftKind.WORK, time(22), time(6, 30), 30),
    "VAC": ShiftCode("VAC", ShiftKind.PAID_LEAVE, time(9), time(17), 0),
    "OFF": ShiftCode("OFF", ShiftKind.OFF),
}


@pytest.mark.parametrize(
    ("text", "start", "end", "brk"),
    [
        ("9-17", time(9), time(17), 0),
        ("09:00-17:30", time(9), time(17, 30), 0),
        ("0900-1730", time(9), time(17, 30), 0),
        ("9a-5:30p", time(9), time(17, 30), 0),
        ("9am-5pm", time(9), time(17), 0),
        ("12a-8a", time(0), time(8), 0),
        ("12p-8p", time(12), time(20), 0),
        ("22-6", time(22), time(6), 0),
        ("9-17/30", time(9), time(17), 30),
        (" 9 - 17 / 45 ", time(9), time(17), 45),
        ("09:00\u201317:30/30", time(9), time(17, 30), 30),  # what the grid displays (en dash)
        ("16-24", time(16), time(0), 0),
        ("930-1800", time(9, 30), time(18), 0),
    ],
)
def test_time_entries(text: str, start: time, end: time, brk: int) -> None:
    e = parse_entry(text, CODES)
    assert e is not None
    assert (e.start, e.end, e.break_minutes, e.code, e.kind) == (start, end, brk, "", ShiftKind.WORK)


def test_codes_are_case_insensitive_and_carry_their_times() -> None:
    e = parse_entry("vac", CODES)
    assert e is not None and e.code == "VAC" and e.kind is ShiftKind.PAID_LEAVE
    n = parse_entry("n", CODES)
    assert n is not None and (n.start, n.end, n.break_minutes) == (time(22), time(6, 30), 30)


@pytest.mark.parametrize("text", ["", "   ", "OFF", "off"])
def test_blank_and_off_clear(text: str) -> None:
    assert parse_entry(text, CODES) is None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("25-3", "hour 25 is not a time; write 9-17 or 09:00-17:30"),
        ("9-9", "starts and ends at 09:00: a zero-length or 24-hour shift"),
        ("0-24", "starts and ends at 00:00"),
        ("9:5-17", '"9:5" is not a time'),
        ("9-17/480", "480-minute break is not shorter than the 480-minute shift"),
        ("9-17/600", "not shorter"),
        ("9:75-17", "minute 75"),
        ("13p-5p", "hour 13p"),
        ("hello", '"hello" is not a shift'),
        ("9-17/abc", "whole minutes"),
        ("9-", "is not a shift"),
        ("24-8", "hour 24 only ends a shift; a start at midnight is 00:00"),
        ("9-17/700", "unpaid break: 700 minutes is too long; at most 600 minutes"),
    ],
)
def test_bad_entries_say_what_was_expected(text: str, fragment: str) -> None:
    with pytest.raises(EntryError) as info:
        parse_entry(text, CODES)
    assert fragment in str(info.value)


def test_unknown_word_lists_site_codes() -> None:
    with pytest.raises(EntryError, match=r"or a shift code \(D, N, OFF, VAC\)"):
        parse_entry("XYZ", CODES)


times = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@given(times, times, st.integers(0, 120))
def test_canonical_text_parses_back_to_the_same_entry(start: time, end: time, brk: int) -> None:
    text = format_entry(start, end, brk, "")
    try:
        e = parse_entry(text, CODES)
    except EntryError:
        return  # zero-length or break too long: refused both ways
    assert e is not None and (e.start, e.end, e.break_minutes) == (start, end, brk)
    assert e.text() == text


@given(times, times, st.integers(1, 120), times)
def test_break_start_text_parses_back_to_the_same_entry(
    start: time, end: time, brk: int, at: time
) -> None:
    text = format_entry(start, end, brk, "", at)
    try:
        e = parse_entry(text, CODES)
    except EntryError:
        return  # zero-length shift, break too long or not inside the shift: refused both ways
    assert e is not None and (e.start, e.end, e.break_minutes, e.break_start) == (start, end, brk, at)
    assert e.text() == text
    assert parse_entry(e.text().replace("-", "\u2013"), CODES) == e  # what the grid shows


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("9-17/30@12:30", time(12, 30)),
        ("9-17/30@1230", time(12, 30)),
        ("9-17/30@12", time(12)),
        ("9-17/30@12:30p", time(12, 30)),
        ("9-17/30 @ 1:30pm", time(13, 30)),
        ("22-6/45@2", time(2)),  # after midnight on a night shift
        ("22-6/45@23", time(23)),
    ],
)
def test_break_start_entries(text: str, at: time) -> None:
    e = parse_entry(text, CODES)
    assert e is not None and e.break_start == at and e.break_minutes in (30, 45)
    assert parse_entry(e.text(), CODES) == e


def test_code_with_a_break_takes_a_break_start() -> None:
    e = parse_entry("d@13", CODES)
    assert e is not None
    got = (e.code, e.start, e.end, e.break_minutes, e.break_start)
    assert got == ("D", time(8), time(16, 30), 30, time(13))
    assert e.text() == "D@13:00"
    assert parse_entry("D", CODES).break_start is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9-17/30@18", '"9-17/30@18": the break at 18:00 is outside the shift 09:00-17:00'),
        ("9-17/30@9", "the break at 09:00 is outside the shift 09:00-17:00"),
        ("22-6/30@7", "the break at 07:00 is outside the shift 22:00-06:00"),
        ("9-17/30@16:45", "30-minute break at 16:45 does not end before the end of the shift"),
        ("9-17@12", "a break start needs a break length before it, like 9-17/30@12:30"),
        ("9-17/0@12", "a break start needs a break length"),
        ("9-17/30@", '"@" must be followed by when the break starts'),
        ("9-17/30@25", 'break start "@25" is not a time'),
        ("VAC@12", "shift code VAC has no break to start at 12"),
    ],
)
def test_bad_break_starts_say_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(EntryError) as info:
        parse_entry(text, CODES)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("9h-17h", "9-17"),
        ("9 h 30-17 h", "9:30-17"),
        ("22h-6h/30", "22-6/30"),
        ("8 h-16 h 30/45", "8-16:30/45"),
        ("7H45-16H15", "7:45-16:15"),
        ("9h-17h/60@12h30", "9-17/60@12:30"),
        ("16h-24h", "16-24"),
    ],
)
def test_french_times_read_like_their_english_twins(french: str, english: str) -> None:
    """Quebec writes 9 h 30 (OQLF): the grid, the dialogs and imports take it whatever the
    language chosen, and store the same shift as the English form."""
    assert parse_entry(french, CODES) == parse_entry(english, CODES)
    e = parse_entry(french, CODES)
    assert e is not None and parse_entry(e.text(), CODES) == e


@pytest.mark.parametrize("text", ["9h-25h", "9h75-17h", "9hh-17h", "h9-17"])
def test_bad_french_times_are_refused(text: str) -> None:
    with pytest.raises(EntryError):
        parse_entry(text, CODES)
