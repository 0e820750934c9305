"""The shift-entry parser shared by the grid, the CLI and Excel import.

Accepted entries (case-insensitive, spaces ignored):
  ``9-17``, ``09:00-17:30``, ``0900-1730``, ``9a-5:30p``, ``9am-5pm``, ``22-6`` (ends next day),
  an en dash as separator (``09:00–17:30``, what the grid shows), a ``/30`` suffix for a
  30-minute unpaid break (``9-17/30``), and the site's shift codes (``D``, ``N``, ``VAC``).
An ``@`` after the break says when it starts (``9-17/30@12:30``, ``@1230``, ``@12``,
``@12:30p``); without it the break is centred on the shift. A code with a break takes one
too (``D@13``). ``""`` clears the day, as does a code of kind OFF.

Paid breaks (paid, but off the phones) follow as ``+15`` each (``9-17/30+15+15``: two paid
15-minute breaks, placed by default), or ``+15@10:15`` to set where each starts. A shift code
brings its own paid breaks; ``D+15@10:15+15@15`` places them (as many as the code has, of its
length; ``+@10:15`` is the same).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time

from deskwfm.core.errors import EntryError
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.model import Shift, ShiftCode, ShiftKind

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})
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
    paid_breaks: int = 0
    paid_break_minutes: int = 0
    paid_break_starts: tuple[time, ...] = ()

    def text(self) -> str:
        """The canonical text that parses back to this entry (used for copy and export)."""
        return format_entry(
            self.start, self.end, self.break_minutes, self.code, self.break_start,
            self.paid_breaks, self.paid_break_minutes, self.paid_break_starts,
        )

    def shift(self, employee_code: str, work_date: date, note: str = "") -> Shift:
        """The grid cell this entry makes."""
        return Shift(
            employee_code, work_date, self.start, self.end, self.break_minutes, self.code, self.kind,
            note=note, break_start=self.break_start, paid_breaks=self.paid_breaks,
            paid_break_minutes=self.paid_break_minutes, paid_break_starts=self.paid_break_starts,
        )


def span_minutes(start: time, end: time) -> int:
    """Wall-clock length of start..end; end <= start wraps past midnight (never 0)."""
    a = start.hour * 60 + start.minute
    b = end.hour * 60 + end.minute
    return (b - a) % 1440 or 1440


_CLOCK = re.compile(
    r"^(?P<h>\d{1,2})(?:(?:[:.](?P<m>\d{2})(?::00)?)|h(?P<hm>\d{2})?)?(?P<mer>a|am|p|pm)?$"
)
_COMPACT = re.compile(r"^(?P<hhmm>\d{3,4})(?P<mer>a|am|p|pm)?$")


class TimeOfDayError(FieldError):
    """A time of day refused. ``problem`` quotes the text with a plain example ("25:00" is not
    a time; write it like 09:30); ``reason`` is the detail ("hour 25 is not a time") for a
    caller that quotes a larger text itself, such as a whole cell entry."""

    def __init__(self, field: Field, text: str, reason: Msg, problem: Msg | None = None) -> None:
        self.reason = reason
        super().__init__(field, problem or msg('"{text}" is not a time; write it like 09:30', text=text))


def parse_time_of_day(text: str, field: Field = Field.TIME, *, is_end: bool = False) -> time:
    """The one reader of a time of day, for every entry path (grid, dialogs, CLI, files).

    Accepts ``9``, ``09``, ``9:30``, ``09:30``, ``09:30:00``, ``9.30``, ``9h30``, ``9h``,
    ``0930``, ``930``, each optionally followed by ``a``, ``am``, ``p`` or ``pm`` (any case,
    spaces ignored). Minutes always take two digits (``9:5`` is refused, never read as 9:05);
    ``24:00`` (or ``2400``) is midnight only as an end. TimeOfDayError naming ``field`` otherwise."""
    shown = text.strip()
    t = shown.replace(" ", "").lower()
    if m := _COMPACT.match(t):
        digits = m.group("hhmm")
        hour, minute = int(digits[:-2]), int(digits[-2:])
    elif m := _CLOCK.match(t):
        hour, minute = int(m.group("h")), int(m.group("m") or m.group("hm") or 0)
    else:
        raise TimeOfDayError(field, shown, msg('"{text}" is not a time', text=shown))
    meridiem = m.group("mer") or ""
    if minute > 59:
        raise TimeOfDayError(field, shown, msg("minute {minute} is not a time", minute=minute))
    if meridiem:
        if not 1 <= hour <= 12:
            written = f"{hour}{meridiem}"
            raise TimeOfDayError(field, shown, msg("hour {hour} is not a time", hour=written))
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif hour == 24 and minute == 0:
        if not is_end:
            raise TimeOfDayError(
                field,
                shown,
                msg("hour 24 only ends a shift; a start at midnight is 00:00"),
                msg('"{text}" only ends a shift; a start at midnight is 00:00', text=shown),
            )
        hour = 0
    elif hour > 23:
        raise TimeOfDayError(field, shown, msg("hour {hour} is not a time", hour=str(hour)))
    return time(hour, minute)


def _parse_time(token: str, whole: str, is_end: bool) -> time:
    try:
        return parse_time_of_day(token, is_end=is_end)
    except TimeOfDayError as exc:
        raise EntryError(
            msg('"{whole}": {reason}; write 9-17 or 09:00-17:30', whole=whole, reason=exc.reason)
        ) from None


def check_break_minutes(
    minutes: int, start: time | None, end: time | None, field: Field = Field.BREAK
) -> int:
    """The one break rule (entries, shift codes, files): whole minutes from 0 to
    MAX_BREAK_MINUTES, shorter than the shift, and only on a shift with times."""
    if minutes < 0:
        raise FieldError(field, msg("{n} minutes is negative", n=minutes))
    if minutes > MAX_BREAK_MINUTES:
        raise FieldError(
            field, msg("{n} minutes is too long; at most {limit} minutes", n=minutes, limit=MAX_BREAK_MINUTES)
        )
    if minutes and (start is None or end is None):
        raise FieldError(field, msg("a break needs a start and an end time"))
    if minutes and start is not None and end is not None and minutes >= span_minutes(start, end):
        raise FieldError(
            field,
            msg(
                "a {n}-minute break is not shorter than the {span}-minute shift",
                n=minutes,
                span=span_minutes(start, end),
            ),
        )
    return minutes


def parse_break_minutes(text: str, field: Field = Field.BREAK) -> int:
    """Whole minutes of unpaid break as typed (``30``; blank is 0); the range is checked by
    ``check_break_minutes``."""
    cleaned = text.strip()
    if not cleaned:
        return 0
    if cleaned.startswith("-") and cleaned[1:].strip().isdecimal():
        return -int(cleaned[1:].strip())
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise FieldError(
            field, msg('"{text}" is not whole minutes; write the break like 30', text=cleaned)
        )
    return int(cleaned)


def parse_entry(text: str, codes: Mapping[str, ShiftCode]) -> Entry | None:
    """Parse what a user typed into a cell. Returns None when the entry clears the day.

    ``codes`` maps UPPER-CASE code to ShiftCode. Raises EntryError with a message that says
    what was expected.
    """
    whole = text.strip()
    compact = whole.translate(_DASHES).replace(" ", "").lower()
    if not compact:
        return None
    compact, *extras = compact.split("+")
    entry = _parse_main(compact, whole, codes)
    if entry is None or (not extras and not entry.paid_breaks):
        if extras:
            raise EntryError(msg('"{whole}": a day off has no paid breaks', whole=whole))
        return entry
    return _with_paid_breaks(entry, extras, whole)


def _parse_main(compact: str, whole: str, codes: Mapping[str, ShiftCode]) -> Entry | None:
    compact, at_sign, at = compact.partition("@")
    code = codes.get(compact.upper())
    if code is not None:
        if not at_sign:
            if code.kind is ShiftKind.OFF:
                return None
            return Entry(code.start, code.end, code.break_minutes, code.code, code.kind,
                         paid_breaks=code.paid_breaks, paid_break_minutes=code.paid_break_minutes)
        if code.start is None or code.end is None or not code.break_minutes:
            raise EntryError(msg(
                '"{whole}": shift code {code} has no break to start at {at}; '
                "write a code with a break, or times like 9-17/30@12:30",
                whole=whole, code=code.code, at=at or "?",
            ))
        bs = _break_start(at, whole, code.start, code.end, code.break_minutes)
        return Entry(code.start, code.end, code.break_minutes, code.code, code.kind, bs,
                     code.paid_breaks, code.paid_break_minutes)
    m = _ENTRY.match(compact)
    if not m:
        known = ", ".join(sorted(codes)[:8])
        if known:
            raise EntryError(msg(
                '"{whole}" is not a shift; write 9-17 or 09:00-17:30 or a shift code ({known})',
                whole=whole, known=known))
        raise EntryError(msg('"{whole}" is not a shift; write 9-17 or 09:00-17:30', whole=whole))
    start = _parse_time(m.group(1), whole, is_end=False)
    end = _parse_time(m.group(2), whole, is_end=True)
    brk_s = m.group(3)
    brk = 0
    if brk_s is not None:
        if not brk_s.isdigit():
            raise EntryError(msg('"{whole}": break "/{brk}" must be whole minutes, like 9-17/30',
                                 whole=whole, brk=brk_s))
        brk = int(brk_s)
    if start == end:
        raise EntryError(msg(
            '"{whole}" starts and ends at {t:time}: a zero-length or 24-hour shift is not allowed; '
            "write 9-17 or 09:00-17:30",
            whole=whole, t=start,
        ))
    try:
        check_break_minutes(brk, start, end)
    except FieldError as exc:
        raise EntryError(msg('"{whole}": {problem}', whole=whole, problem=exc.msg)) from None
    if at_sign and not brk:
        raise EntryError(msg('"{whole}": a break start needs a break length before it, like 9-17/30@12:30',
                             whole=whole))
    at_time = _break_start(at, whole, start, end, brk) if at_sign else None
    return Entry(start, end, brk, "", ShiftKind.WORK, at_time)


def break_offset(start: time, break_start: time) -> int:
    """Wall-clock minutes from a shift's start to its break (the break may be past midnight)."""
    return span_minutes(start, break_start) % 1440


def break_problem(start: time, end: time, break_minutes: int, break_start: time) -> Msg | None:
    """Why a break starting at ``break_start`` does not fit the shift, or None if it does:
    it must begin after the start and end before the end (wall clock)."""
    span = span_minutes(start, end)
    offset = break_offset(start, break_start)
    if offset == 0 or offset >= span:
        return msg("the break at {at:time} is outside the shift {start:time}-{end:time}",
                   at=break_start, start=start, end=end)
    if offset + break_minutes >= span:
        return msg(
            "the {n}-minute break at {at:time} does not end before the end of the shift "
            "{start:time}-{end:time}",
            n=break_minutes, at=break_start, start=start, end=end,
        )
    return None


def _break_start(token: str, whole: str, start: time, end: time, brk: int) -> time:
    if not token:
        raise EntryError(msg('"{whole}": "@" must be followed by when the break starts, like @12:30',
                             whole=whole))
    try:
        bs = _parse_time(token, whole, is_end=False)
    except EntryError:
        raise EntryError(msg('"{whole}": break start "@{token}" is not a time; write it like 9-17/30@12:30',
                             whole=whole, token=token)) from None
    problem = break_problem(start, end, brk, bs)
    if problem:
        raise EntryError(msg('"{whole}": {problem}', whole=whole, problem=problem))
    return bs


MAX_PAID_BREAKS = 6  # per shift
MAX_PAID_BREAK_MINUTES = 60  # each


def _with_paid_breaks(entry: Entry, extras: list[str], whole: str) -> Entry:
    """``entry`` with the paid breaks of ``+LEN[@START]`` items (a code's own when none)."""
    if entry.start is None or entry.end is None or entry.kind is not ShiftKind.WORK:
        raise EntryError(msg('"{whole}": only a work shift with times can have paid breaks', whole=whole))
    if not extras:
        return entry
    lengths: list[int] = []
    starts: list[time] = []
    for item in extras:
        length_s, at_sign, at = item.partition("@")
        if length_s and not length_s.isdigit() or not length_s and not (entry.code and at_sign):
            raise EntryError(msg(
                '"{whole}": paid break "+{item}" must be whole minutes, like +15 or +15@10:30',
                whole=whole, item=item))
        length = int(length_s) if length_s else entry.paid_break_minutes
        if not 1 <= length <= MAX_PAID_BREAK_MINUTES:
            raise EntryError(msg('"{whole}": a paid break lasts 1 to {most} minutes',
                                 whole=whole, most=MAX_PAID_BREAK_MINUTES))
        lengths.append(length)
        if at_sign:
            starts.append(_paid_start(at, whole, entry))
    if len(set(lengths)) > 1:
        raise EntryError(msg('"{whole}": the paid breaks of one shift are all the same length', whole=whole))
    if starts and len(starts) != len(lengths):
        raise EntryError(msg('"{whole}": give every paid break a start, or none', whole=whole))
    if entry.code and (len(lengths), lengths[0]) != (entry.paid_breaks, entry.paid_break_minutes):
        raise EntryError(msg_n(
            '"{whole}": shift code {code} has {count} paid break of {length} min',
            '"{whole}": shift code {code} has {count} paid breaks of {length} min',
            entry.paid_breaks, whole=whole, code=entry.code, length=entry.paid_break_minutes))
    if len(lengths) > MAX_PAID_BREAKS:
        raise EntryError(msg('"{whole}": at most {most} paid breaks', whole=whole, most=MAX_PAID_BREAKS))
    span = span_minutes(entry.start, entry.end)
    if entry.break_minutes + len(lengths) * lengths[0] >= span:
        raise EntryError(msg('"{whole}": the breaks do not fit the {span}-minute shift',
                             whole=whole, span=span))
    first = entry.start
    ordered = tuple(sorted(starts, key=lambda t: break_offset(first, t)))
    return Entry(entry.start, entry.end, entry.break_minutes, entry.code, entry.kind, entry.break_start,
                 len(lengths), lengths[0], ordered)


def _paid_start(token: str, whole: str, entry: Entry) -> time:
    assert entry.start is not None and entry.end is not None
    try:
        t = _parse_time(token, whole, is_end=False)
    except EntryError:
        raise EntryError(msg(
            '"{whole}": paid break start "@{token}" is not a time; write it like +15@10:30',
            whole=whole, token=token)) from None
    offset = break_offset(entry.start, t)
    if offset == 0 or offset >= span_minutes(entry.start, entry.end):
        raise EntryError(msg('"{whole}": the paid break at {t:time} is outside the shift', whole=whole, t=t))
    return t


def format_entry(
    start: time | None, end: time | None, break_minutes: int, code: str,
    break_start: time | None = None, paid_breaks: int = 0, paid_break_minutes: int = 0,
    paid_break_starts: tuple[time, ...] = (),
) -> str:
    """Text a user sees and can type back: the code, else ``HH:MM-HH:MM[/break]``, either
    followed by ``@HH:MM`` when the break has a set start, then the paid breaks (``+15`` each,
    ``+15@10:15`` when placed; a code's own unplaced breaks are left implicit)."""
    at = f"@{break_start:%H:%M}" if break_start is not None and break_minutes else ""
    paid = ""
    if paid_breaks and paid_break_minutes and start is not None:
        if paid_break_starts:
            paid = "".join(f"+{paid_break_minutes}@{t:%H:%M}" for t in paid_break_starts)
        elif not code:
            paid = f"+{paid_break_minutes}" * paid_breaks
    if code:
        return code + at + paid
    if start is None or end is None:
        return ""
    s = f"{start:%H:%M}-{end:%H:%M}"
    return (f"{s}/{break_minutes}{at}" if break_minutes else s) + paid


def shift_text(s: Shift) -> str:
    """The entry text of a grid cell (``format_entry`` of all its fields)."""
    return format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start, s.paid_breaks,
                        s.paid_break_minutes, s.paid_break_starts)
