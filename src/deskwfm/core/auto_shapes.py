"""The start times and lengths the automatic scheduler may use besides the work shift codes.

A site's work codes (D, E, N) are the shifts a run proposes; the admin can allow more: every
start time listed, with every length listed (``services.auto_schedule.shapes_of`` makes them,
each with the breaks of the work code closest in length). Both are site settings written as
short texts, the same in Settings → Site and wherever else they are typed:

* start times: ``06:00, 06:30, 07:00``, or a run ``06:00-14:00/30`` (every 30 minutes from 06:00
  up to 14:00), or both mixed; times read like any time of day (``6``, ``0630``, ``6:30am``);
* lengths: hours from start to end, ``8.5, 10`` (or ``8:30``), each 2 to 16 hours.

Blank means none: only the work codes are used.
"""

from __future__ import annotations

import re
from datetime import time

from deskwfm.core.entry import TimeOfDayError, parse_time_of_day
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.hours import parse_hours
from deskwfm.core.messages import msg

MAX_STARTS = 48
MAX_LENGTHS = 6
MIN_LENGTH, MAX_LENGTH = 2 * 60, 16 * 60
_RUN = re.compile(r"^(?P<a>[^-/]+)-(?P<b>[^-/]+)/(?P<step>\d{1,3})$")


def _minute(t: time) -> int:
    return t.hour * 60 + t.minute


def _time(text: str) -> time:
    try:
        return parse_time_of_day(text, Field.AUTO_STARTS)
    except TimeOfDayError as exc:
        raise FieldError(Field.AUTO_STARTS, exc.problem) from None


def _run(item: str, a: str, b: str, step_text: str) -> list[time]:
    first, last, step = _minute(_time(a)), _minute(_time(b)), int(step_text)
    if not 5 <= step <= 240:
        raise FieldError(Field.AUTO_STARTS, msg(
            '"{item}": start every 5 to 240 minutes, like 06:00-14:00/30', item=item))
    if last < first:
        raise FieldError(Field.AUTO_STARTS, msg(
            '"{item}" ends before it starts; write the earlier time first, like 06:00-14:00/30', item=item))
    return [time(m // 60, m % 60) for m in range(first, last + 1, step)]


def parse_starts(text: str) -> tuple[time, ...]:
    """The start times listed in ``text`` (sorted, each once); FieldError naming the bad item."""
    found: set[time] = set()
    for raw in text.replace(";", ",").split(","):
        item = raw.strip().replace(" ", "")
        if not item:
            continue
        m = _RUN.match(item)
        found.update(_run(item, m["a"], m["b"], m["step"]) if m else [_time(item)])
        if len(found) > MAX_STARTS:
            raise FieldError(Field.AUTO_STARTS, msg("at most {n} start times", n=MAX_STARTS))
    return tuple(sorted(found))


def parse_lengths(text: str) -> tuple[int, ...]:
    """Shift lengths in minutes (sorted, each once) from hours like ``8.5, 10``."""
    found: set[int] = set()
    for raw in text.replace(";", ",").split(","):
        item = raw.strip()
        if not item:
            continue
        minutes = parse_hours(item, Field.AUTO_LENGTHS)  # the range is check_lengths' one message
        assert minutes is not None
        found.add(minutes)
    check_lengths(tuple(found))
    return tuple(sorted(found))


def check_starts(starts: tuple[time, ...]) -> tuple[time, ...]:
    if len(starts) > MAX_STARTS:
        raise FieldError(Field.AUTO_STARTS, msg("at most {n} start times", n=MAX_STARTS))
    return starts


def check_lengths(lengths: tuple[int, ...]) -> tuple[int, ...]:
    if len(lengths) > MAX_LENGTHS:
        raise FieldError(Field.AUTO_LENGTHS, msg("at most {n} shift lengths", n=MAX_LENGTHS))
    for m in lengths:
        if not MIN_LENGTH <= m <= MAX_LENGTH:
            raise FieldError(Field.AUTO_LENGTHS, msg(
                "a shift of {m:hours} hours is outside {lo:hours} to {hi:hours} hours",
                m=m, lo=MIN_LENGTH, hi=MAX_LENGTH))
    return lengths


def _hm(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


def starts_text(starts: tuple[time, ...]) -> str:
    """The start times as ``parse_starts`` reads them back: evenly spaced runs of three or more
    written ``06:00-14:00/30``."""
    minutes = sorted(_minute(t) for t in starts)
    out: list[str] = []
    i = 0
    while i < len(minutes):
        j = i + 1
        if j < len(minutes):
            step = minutes[j] - minutes[i]
            while j + 1 < len(minutes) and minutes[j + 1] - minutes[j] == step:
                j += 1
            if j - i >= 2:
                out.append(f"{_hm(minutes[i])}-{_hm(minutes[j])}/{step}")
                i = j + 1
                continue
        out.append(_hm(minutes[i]))
        i += 1
    return ", ".join(out)


def lengths_text(lengths: tuple[int, ...]) -> str:
    """``8.5, 10``: hours with the decimals they need."""
    def hours(m: int) -> str:
        return f"{m // 60}" if m % 60 == 0 else f"{m / 60:.2f}".rstrip("0")

    return ", ".join(hours(m) for m in sorted(lengths))
