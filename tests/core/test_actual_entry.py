"""The actual-time entry parser shared by the command line and the grid."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskwfm.core.absence import DEFAULT_ABSENCE_CODES
from deskwfm.core.actual import Segment
from deskwfm.core.actual_entry import ActualEntry, format_actual, parse_actual
from deskwfm.core.errors import EntryError

CODES = {c.code: c for c in DEFAULT_ABSENCE_CODES}


def seg(a: int, b: int | None) -> Segment:
    return Segment(a, b)


@pytest.mark.parametrize(
    ("text", "segments", "brk", "code"),
    [
        ("8:58-17:03/30", (seg(538, 1023),), 30, ""),
        ("8:58-12:01,12:33-17:03", (seg(538, 721), seg(753, 1023)), 0, ""),
        ("8:58 - 12:01 , 12:33 - 17:03", (seg(538, 721), seg(753, 1023)), 0, ""),
        ("22:00-06:30", (seg(1320, 1830),), 0, ""),
        ("22-2,2:30-6:30", (seg(1320, 1560), seg(1590, 1830)), 0, ""),
        ("8:58-", (seg(538, None),), 0, ""),
        ("sick", (), 0, "SICK"),
        ("LATE 9:40-17:00", (seg(580, 1020),), 0, "LATE"),
        ("9:40 am – 5 pm late", (seg(580, 1020),), 0, "LATE"),
        ("-23:55-08:00", (seg(-5, 480),), 0, ""),
        ("+00:10-06:00", (seg(1450, 1800),), 0, ""),
        ("0858-1703", (seg(538, 1023),), 0, ""),
    ],
)
def test_entries_parse_to_segments_break_and_code(
    text: str, segments: tuple[Segment, ...], brk: int, code: str
) -> None:
    assert parse_actual(text, CODES) == ActualEntry(segments, brk, code)


def test_an_empty_entry_clears_the_day() -> None:
    assert parse_actual("   ", CODES) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("25-3", '"25" is not a time'),
        ("9-9", "starts and ends at the same time"),
        ("9-17,16-18", '"16-18" starts before the worked time before it ends'),
        ("9-12/30,13-17", "the gaps between them are the breaks"),
        ("SICK NS", "two absence codes (SICK and NS)"),
        ("FOO", '"FOO" is neither worked times nor an absence code (BRV, LATE'),
        ("9-12 13-17", "write the worked times once"),
        ("8:58-,12-13", '"8:58-" has no end; only the last worked time may lack one'),
        ("9-17/600", "the 600-minute break is not shorter than the 480-minute worked time"),
        ("9-17/x", 'break "/x" must be whole minutes'),
        ("9-12,+13-17", "only the first time may be marked"),
    ],
)
def test_wrong_entries_say_which_part_is_wrong(text: str, says: str) -> None:
    with pytest.raises(EntryError) as err:
        parse_actual(text, CODES)
    assert str(err.value).startswith(f'"{text}": ')
    assert says in str(err.value)


_TIMES = st.integers(0, 1439).map(lambda m: f"{m // 60}:{m % 60:02d}")


@given(
    st.lists(st.tuples(_TIMES, _TIMES), min_size=1, max_size=3),
    st.sampled_from(["", "LATE", "SICKP"]),
    st.sampled_from(["", "-", "+"]),
)
def test_what_is_written_back_parses_to_the_same_record(
    ranges: list[tuple[str, str]], code: str, sign: str
) -> None:
    text = sign + ",".join(f"{a}-{b}" for a, b in ranges) + (f" {code}" if code else "")
    try:
        first = parse_actual(text, CODES)
    except EntryError:
        return  # not every random pair of times is a valid entry
    assert first is not None
    again = parse_actual(format_actual(first.segments, first.break_minutes, first.absence), CODES)
    assert again == first
