"""The shift-entry parser shared by the grid, the CLI and Excel import.

Accepted entries (case-insensitive, spaces ignored):
  ``9-17``, ``09:00-17:30``, ``0900-1730``, ``9a-5:30p``, ``9am-5pm``, ``22-6`` (ends next day),
  an en dash as separator (``09:00–17:30``, what the grid shows), a ``/30`` suffix for a
  30-minute unpaid break (``9-17/30``), and the site's shift codes (``D``, ``N``, ``VAC``).
An ``@`` after the break says when it starts (``9-17/30@12:30``, ``@1230``, ``@12``,
``@12:30p``); without it the break is centred on the shift. A code with a break takes one
too (``D@13``). ``""`` clears the day, as does a code of kind OFF.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time

from deskwfm.core.errors import EntryError
from deskwfm.core.model import ShiftCode, ShiftKind

_HINT = "write 9-17 or 09:00-17:30"
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})
_TIME = re.compile(r"^(\d{1,4})(?::(\d{2}))?(a|am|p|pm)?$")  # 9:5 is refused, not read as 9:05
_ENTRY = re.compile(r"^([^-/]+)-([^-/]+)(?:/(.*))?$")
MAX_BREAK_MINUTES = 600


@dataclass(frozen=True, slots=True)
class Entry:
    """A parsed, valid entry: times (or None for time-less leave), break, code and kind."""

    start: time | None
    end: time | None
    break_minutes: int
    code: str
    kind: ShiftKind
    break_start: time | None = None

    def text(self) -> str:
        """The canonical text that parses back to this entry (used for copy and export)."""
        return format_entry(self.start, self.end, self.break_minutes, self.code, self.break_start)


def span_minutes(start: time, end: time) -> int:
    """Wall-clock length of start..end; end <= start wraps past midnight (never 0)."""
    a = start.hour * 60 + start.minute
    b = end.hour * 60 + end.minute
    return (b - a) % 1440 or 1440


def _parse_time(token: str, whole: str, is_end: bool) -> time:
    m = _TIME.match(token)
    if not m:
        raise EntryError(f'"{whole}": "{token}" is not a time; {_HINT}')
    digits, minutes_s, meridiem = m.groups()
    if minutes_s is None and len(digits) >= 3:
        hour, minute = int(digits[:-2]), int(digits[-2:])  # 0900, 930
    elif minutes_s is not None and len(digits) > 2:
        raise EntryError(f'"{whole}": "{token}" is not a time; {_HINT}')
    else:
        hour, minute = int(digits), int(minutes_s or 0)
    if minute > 59:
        raise EntryError(f'"{whole}": minute {minute} is not a time; {_HINT}')
    if meridiem:
        if not 1 <= hour <= 12:
            raise EntryError(f'"{whole}": hour {hour}{meridiem} is not a time; {_HINT}')
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif hour == 24 and minute == 0 and is_end:
        hour = 0  # 24:00 as an end is midnight
    elif hour > 23:
        raise EntryError(f'"{whole}": hour {hour} is not a time; {_HINT}')
    return time(hour, minute)


def parse_entry(text: str, codes: Mapping[str, ShiftCode]) -> Entry | None:
    """Parse what a user typed into a cell. Returns None when the entry clears the day.

    ``codes`` maps UPPER-CASE code to ShiftCode. Raises EntryError with a message that says
    what was expected.
    """
    whole = text.strip()
    compact = whole.translate(_DASHES).replace(" ", "").lower()
    if not compact:
        return None
    compact, at_sign, at = compact.partition("@")
    code = codes.get(compact.upper())
    if code is not None:
        if not at_sign:
            if code.kind is ShiftKind.OFF:
                return None
            return Entry(code.start, code.end, code.break_minutes, code.code, code.kind)
        if code.start is None or code.end is None or not code.break_minutes:
            raise EntryError(
                f'"{whole}": shift code {code.code} has no break to start at {at or "?"}; '
                f"write a code with a break, or times like 9-17/30@12:30"
            )
        bs = _break_start(at, whole, code.start, code.end, code.break_minutes)
        return Entry(code.start, code.end, code.break_minutes, code.code, code.kind, bs)
    m = _ENTRY.match(compact)
    if not m:
        known = ", ".join(sorted(codes)[:8])
        extra = f" or a shift code ({known})" if known else ""
        raise EntryError(f'"{whole}" is not a shift; {_HINT}{extra}')
    start = _parse_time(m.group(1), whole, is_end=False)
    end = _parse_time(m.group(2), whole, is_end=True)
    brk_s = m.group(3)
    brk = 0
    if brk_s is not None:
        if not brk_s.isdigit():
            raise EntryError(f'"{whole}": break "/{brk_s}" must be whole minutes, like 9-17/30')
        brk = int(brk_s)
    if start == end:
        raise EntryError(
            f'"{whole}" starts and ends at {start:%H:%M}: a zero-length or 24-hour shift is not '
            f"allowed; {_HINT}"
        )
    if brk > MAX_BREAK_MINUTES or brk >= span_minutes(start, end):
        raise EntryError(
            f'"{whole}": a {brk}-minute break is not shorter than the '
            f"{span_minutes(start, end)}-minute shift"
        )
    if at_sign and not brk:
        raise EntryError(
            f'"{whole}": a break start needs a break length before it, like 9-17/30@12:30'
        )
    at_time = _break_start(at, whole, start, end, brk) if at_sign else None
    return Entry(start, end, brk, "", ShiftKind.WORK, at_time)


def break_offset(start: time, break_start: time) -> int:
    """Wall-clock minutes from a shift's start to its break (the break may be past midnight)."""
    return span_minutes(start, break_start) % 1440


def break_problem(start: time, end: time, break_minutes: int, break_start: time) -> str | None:
    """Why a break starting at ``break_start`` does not fit the shift, or None if it does:
    it must begin after the start and end before the end (wall clock)."""
    span = span_minutes(start, end)
    offset = break_offset(start, break_start)
    shift = f"{start:%H:%M}-{end:%H:%M}"
    if offset == 0 or offset >= span:
        return f"the break at {break_start:%H:%M} is outside the shift {shift}"
    if offset + break_minutes >= span:
        return (
            f"the {break_minutes}-minute break at {break_start:%H:%M} does not end before the "
            f"end of the shift {shift}"
        )
    return None


def _break_start(token: str, whole: str, start: time, end: time, brk: int) -> time:
    if not token:
        raise EntryError(f'"{whole}": "@" must be followed by when the break starts, like @12:30')
    try:
        bs = _parse_time(token, whole, is_end=False)
    except EntryError:
        raise EntryError(
            f'"{whole}": break start "@{token}" is not a time; write it like 9-17/30@12:30'
        ) from None
    problem = break_problem(start, end, brk, bs)
    if problem:
        raise EntryError(f'"{whole}": {problem}')
    return bs


def format_entry(
    start: time | None, end: time | None, break_minutes: int, code: str,
    break_start: time | None = None,
) -> str:
    """Text a user sees and can type back: the code, else ``HH:MM-HH:MM[/break]``, either
    followed by ``@HH:MM`` when the break has a set start."""
    at = f"@{break_start:%H:%M}" if break_start is not None and break_minutes else ""
    if code:
        return code + at
    if start is None or end is None:
        return ""
    s = f"{start:%H:%M}-{end:%H:%M}"
    return f"{s}/{break_minutes}{at}" if break_minutes else s
