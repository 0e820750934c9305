"""The one parser of actual-time entries, shared by the command line and the grid.

Accepted (case-insensitive; spaces around ``-``, ``,`` and ``/`` ignored):
  ``8:58-17:03``                 one worked time (times as in the schedule: ``0858``, ``9a``, ``5:03p``)
  ``8:58-17:03/30``              with a 30-minute unpaid break
  ``8:58-12:01,12:33-17:03``     several worked times (the gaps are the breaks)
  ``22:00-06:30``                past midnight: every time is the first one after the time before it
                                 (given the site's clock, the first *instant* after it, so on the
                                 fall-back night ``22:00-01:30,01:00-06:30`` reads 01:00 as the
                                 second occurrence of the repeated hour: the segments run forward)
  ``8:58-``                      no logout recorded (only the last worked time)
  ``SICK``                       an absence code alone
  ``LATE 9:40-17:00``            worked times with a code (a late arrival with a reason); either order
  ``-23:55-08:00``, ``+00:10-06:00``  a first time on the day before (``-``) or after (``+``) the work
                                 date: a session that belongs to this date's shift but started then
  ``""``                         clears the day

Errors are ``EntryError`` with a message naming the entry and the part that is wrong.
``format_actual`` writes the text that parses back to the same record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import MIN_START, Segment, check_segments, instant
from deskwfm.core.errors import EntryError
from deskwfm.core.messages import Msg, msg
from deskwfm.core.timecalc import Clock, clock_for

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})
_TIME = re.compile(r"^(\d{1,4})(?::(\d{2}))?(a|am|p|pm)?$")
_RANGE = re.compile(r"^([-+]?)([^-]+)-([^-]*)$")
_HINT = "8:58-17:03 or 8:58-12:01,12:33-17:03"
_LONGEST_GAP = 12 * 60  # a later time that would only fit this long after the one before is a slip
_WALL = clock_for("UTC")  # without the site's clock: instants are the wall minutes
_ANY_DATE = date(2001, 1, 1)


@dataclass(frozen=True, slots=True)
class ActualEntry:
    """A parsed entry: worked segments, unpaid break and absence code (upper case or "")."""

    segments: tuple[Segment, ...]
    break_minutes: int
    absence: str


def _err(whole: str, problem: Msg) -> EntryError:
    return EntryError(msg('"{entry}": {problem}', entry=whole, problem=problem))


def _normalise(text: str) -> str:
    t = text.translate(_DASHES).strip()
    t = re.sub(r"\s*([-,/])\s*", r"\1", t)
    return re.sub(r"(?i)(\d)\s+(am|pm|a|p)\b", r"\1\2", t)


def _minute(token: str, whole: str, is_end: bool) -> int:
    m = _TIME.match(token.lower())
    bad = _err(whole, msg('"{part}" is not a time; write worked times like {hint}', part=token, hint=_HINT))
    if not m:
        raise bad
    digits, minutes_s, meridiem = m.groups()
    if minutes_s is None and len(digits) >= 3:
        hour, minute = int(digits[:-2]), int(digits[-2:])
    elif minutes_s is not None and len(digits) > 2:
        raise bad
    else:
        hour, minute = int(digits), int(minutes_s or 0)
    if minute > 59:
        raise bad
    if meridiem:
        if not 1 <= hour <= 12:
            raise bad
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif hour == 24 and minute == 0 and is_end:
        hour = 0
    elif hour > 23:
        raise bad
    return hour * 60 + minute


def _after(minute_of_day: int, floor: int, strictly: bool) -> int:
    """The first wall minute at or after (strictly: after) ``floor`` showing ``minute_of_day``."""
    v = floor - floor % 1440 + minute_of_day
    while v < floor or (strictly and v == floor):
        v += 1440
    return v


@dataclass(frozen=True, slots=True)
class _Time:
    wall: int  # minutes from the work date's midnight
    fold: int  # 1: the second occurrence of a repeated wall time
    at: int  # UTC epoch minutes


class _Timeline:
    """Wall times of one work date read forward in time on the site's clock."""

    def __init__(self, clock: Clock, work_date: date, whole: str) -> None:
        self.clock, self.work_date, self.whole = clock, work_date, whole

    def at(self, wall: int, fold: int = 0) -> int:
        try:
            return instant(self.clock, self.work_date, wall, fold)
        except EntryError as exc:
            raise _err(self.whole, exc.msg) from None

    def first(self, wall: int) -> _Time:
        return _Time(wall, 0, self.at(wall))

    def after(self, minute_of_day: int, prev: _Time, strictly: bool) -> _Time:
        """The first instant at (or strictly after) ``prev`` showing ``minute_of_day``: the next
        such wall time, or one back in the repeated hour of a fall-back night when that is later."""
        wall = _after(minute_of_day, prev.wall, strictly)
        back = wall - 1440
        if back >= max(MIN_START, prev.wall - 120):
            try:
                first, second = (instant(self.clock, self.work_date, back, f) for f in (0, 1))
            except EntryError:
                first = second = prev.at - 1
            if second != first and (second > prev.at or (second == prev.at and not strictly)):
                return _Time(back, 1, second)
        at = self.at(wall)
        if at < prev.at or (strictly and at == prev.at):
            later = self.at(wall, 1)
            if later != at:
                return _Time(wall, 1, later)
        return _Time(wall, 0, at)


def _ranges(token: str, whole: str, line: _Timeline) -> tuple[tuple[Segment, ...], int]:
    body, slash, brk_s = token.partition("/")
    brk = 0
    if slash and ("," in body or "," in brk_s):
        raise _err(whole, msg("a break (/30) goes with one worked time; with several, the gaps between them "
                              "are the breaks"))
    if slash:
        if not brk_s.isdigit():
            raise _err(whole, msg('break "/{brk}" must be whole minutes, like 8:58-17:03/30', brk=brk_s))
        brk = int(brk_s)
    parts = body.split(",")
    segments: list[Segment] = []
    prev: _Time | None = None
    for i, part in enumerate(parts):
        m = _RANGE.match(part)
        if not m:
            raise _err(whole, msg('"{part}" is not worked times; write them like {hint}', part=part,
                                  hint=_HINT))
        sign, a_s, b_s = m.groups()
        if sign and i:
            raise _err(whole, msg(
                'only the first time may be marked as the day before (-) or after (+): "{part}"', part=part))
        a = _minute(a_s, whole, is_end=False)
        if prev is None:
            start = line.first(a - 1440 if sign == "-" else a + 1440 if sign == "+" else a)
        else:
            start = line.after(a, prev, strictly=False)
            if start.at - prev.at > _LONGEST_GAP and a < prev.wall % 1440:
                raise _err(whole, msg('"{part}" starts before the worked time before it ends', part=part))
        if not b_s:
            if i != len(parts) - 1:
                raise _err(whole, msg(
                    '"{part}" has no end; only the last worked time may lack one (a missing logout)',
                    part=part))
            segments.append(Segment(start.wall, None, start.fold))
            prev = start
            continue
        b = _minute(b_s, whole, is_end=True)
        if b == a and not start.fold:
            raise _err(whole, msg('"{part}" starts and ends at the same time', part=part))
        end = line.after(b, start, strictly=True)
        segments.append(Segment(start.wall, end.wall, start.fold, end.fold))
        prev = end
    return tuple(segments), brk


def parse_actual(
    text: str, codes: Mapping[str, AbsenceCode], clock: Clock | None = None, work_date: date | None = None,
) -> ActualEntry | None:
    """Parse an actual-time entry; None clears the day. ``codes`` maps UPPER-CASE absence codes.
    Given the site's ``clock`` and the ``work_date``, times are read forward in time (a time in the
    fall-back night's repeated hour takes the occurrence that keeps the order) and a time that does
    not exist that night is refused; without them, on the wall clock."""
    whole = text.strip()
    norm = _normalise(whole)
    if not norm:
        return None
    absence = ""
    ranges: str | None = None
    for token in norm.split():
        key = token.upper()
        if key in codes:
            if absence:
                raise _err(whole, msg("two absence codes ({a} and {b}); give one", a=absence, b=key))
            absence = key
        elif token[0].isdigit() or token[0] in "-+":
            if ranges is not None:
                raise _err(whole, msg("write the worked times once, separated by commas, like {hint}",
                                      hint=_HINT))
            ranges = token
        else:
            known = ", ".join(sorted(codes)[:10])
            raise _err(whole, msg('"{part}" is neither worked times nor an absence code ({codes})',
                                  part=token, codes=known or "none"))
    segments: tuple[Segment, ...] = ()
    brk = 0
    if ranges is not None:
        line = _Timeline(clock, work_date, whole) if clock is not None and work_date is not None \
            else _Timeline(_WALL, _ANY_DATE, whole)
        segments, brk = _ranges(ranges, whole, line)
        try:
            check_segments(segments, brk, line.clock, line.work_date)
        except EntryError as exc:
            raise _err(whole, exc.msg) from None
    return ActualEntry(segments, brk, absence)


def _hhmm(minute: int) -> str:
    m = minute % 1440
    return f"{m // 60:02d}:{m % 60:02d}"


def format_segments(segments: Sequence[Segment], break_minutes: int = 0) -> str:
    """``08:58-12:01,12:33-17:03`` (``-``/``+`` before a first time on the day before/after)."""
    parts: list[str] = []
    for i, s in enumerate(segments):
        sign = "" if i or 0 <= s.start < 1440 else "-" if s.start < 0 else "+"
        parts.append(f"{sign}{_hhmm(s.start)}-{_hhmm(s.end) if s.end is not None else ''}")
    text = ",".join(parts)
    return f"{text}/{break_minutes}" if break_minutes and text else text


def format_actual(segments: Sequence[Segment], break_minutes: int, absence: str) -> str:
    """The entry text that parses back to the same segments, break and code."""
    return " ".join(p for p in (format_segments(segments, break_minutes), absence) if p)
