"""Actual time worked: what happened, kept beside the schedule (the plan), never over it.

One ``ActualDay`` per employee and work date (the grid's natural cell; written, compared and
audited like a shift): zero or more worked **segments**, an optional unpaid break (only with a
single segment, like ``8:58-17:03/30``; with several segments the gaps are the breaks), an
optional **absence code** (``core.absence``), a note, and the **source** — typed (grid or command
line), imported from a phone-system FILE, or confirmed as scheduled.

A segment is wall-clock minutes from the work date's local midnight: ``start < end``, ``end`` past
1440 when it runs into the next day, ``start`` below 0 when the session that belongs to this work
date's shift began the evening before (a 00:00 shift logged into at 23:55). ``end`` None is a
session with no logout recorded (only the last segment may be open): it counts nothing until it is
corrected, and it is a critical exception. Wall minutes become instants through
``core.timecalc.Clock``, so a night segment over a clock change is an hour shorter or longer, and
a time inside the spring-forward gap is refused; a time in the repeated hour of the fall-back night
is taken at its first occurrence, as everywhere in the program.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from deskwfm.core.errors import EntryError
from deskwfm.core.messages import msg
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import Clock, Span, paid_spans, to_datetime
from deskwfm.core.timekeeping import round_minute

MIN_START = -12 * 60  # half a day before the work date's midnight
MAX_END = 48 * 60  # the end of the next day
MAX_SEGMENT = 24 * 60
MAX_NOTE = 2000
_ONE_DAY = timedelta(days=1)


class Source(StrEnum):
    TYPED = "typed"  # grid or command line
    IMPORT = "import"  # a phone-system or time-clock file (``source_detail``: its name)
    CONFIRMED = "confirmed"  # confirmed as scheduled


@dataclass(frozen=True, slots=True)
class Segment:
    """Worked from ``start`` to ``end``, minutes from the work date's midnight (wall clock);
    ``end`` None: no logout recorded."""

    start: int
    end: int | None

    @property
    def closed(self) -> bool:
        return self.end is not None


@dataclass(frozen=True, slots=True)
class ActualDay:
    employee_code: str
    work_date: date
    segments: tuple[Segment, ...] = ()
    break_minutes: int = 0
    absence: str = ""  # an absence code, upper case, or ""
    note: str = ""
    source: Source = Source.TYPED
    source_detail: str = ""
    version: int = 0

    @property
    def open(self) -> bool:
        """A session without a logout (the last segment has no end)."""
        return bool(self.segments) and self.segments[-1].end is None

    @property
    def empty(self) -> bool:
        """Nothing recorded: no segment and no absence code (a note alone is no record of time)."""
        return not self.segments and not self.absence

    def same_content(self, other: ActualDay | None) -> bool:
        """Whether ``other`` records the same thing (versions ignored)."""
        if other is None:
            return False
        return (
            self.segments, self.break_minutes, self.absence.upper(), self.note, self.source,
            self.source_detail,
        ) == (
            other.segments, other.break_minutes, other.absence.upper(), other.note, other.source,
            other.source_detail,
        )


def check_segments(segments: Sequence[Segment], break_minutes: int = 0) -> None:
    """EntryError unless the segments are in order, do not overlap, stay within the two days
    around the work date, last at most 24 hours each, only the last is open, and a break (if any)
    goes with one closed segment that is longer than it."""
    prev_end: int | None = None
    for i, s in enumerate(segments):
        if s.start < MIN_START:
            raise EntryError(msg("a worked time starts more than 12 hours before the work date"))
        if s.end is None:
            if i != len(segments) - 1:
                raise EntryError(msg("only the last worked time may lack an end (a missing logout)"))
        else:
            if s.end <= s.start:
                raise EntryError(msg("a worked time must end after it starts"))
            if s.end - s.start > MAX_SEGMENT:
                raise EntryError(
                    msg("a worked time of more than 24 hours is not possible; is a logout missing?")
                )
            if s.end > MAX_END:
                raise EntryError(msg("a worked time ends after the day following the work date"))
        if prev_end is not None and s.start < prev_end:
            raise EntryError(msg("worked times overlap; each must start after the one before ends"))
        if prev_end is not None and s.start - prev_end >= 1440:
            raise EntryError(msg("worked times more than a day apart do not belong to one work date"))
        prev_end = s.end if s.end is not None else s.start
    if break_minutes:
        if len(segments) != 1 or segments[0].end is None:
            raise EntryError(
                msg("a break (/30) goes with one worked time with an end; with several, the gaps between "
                    "them are the breaks")
            )
        seg = segments[0]
        assert seg.end is not None
        if not 0 < break_minutes < seg.end - seg.start:
            raise EntryError(
                msg("the {brk}-minute break is not shorter than the {span}-minute worked time",
                    brk=break_minutes, span=seg.end - seg.start)
            )


def instant(clock: Clock, work_date: date, minute: int) -> int:
    """UTC epoch minutes of wall minute ``minute`` from ``work_date``'s midnight (EntryError for a
    wall time that does not exist that night)."""
    days, m = divmod(minute, 1440)
    return clock.utc(work_date + timedelta(days=days), m)


def wall_minute(clock: Clock, work_date: date, epoch_minutes: int) -> int:
    """The wall-clock minute, from ``work_date``'s midnight, of an instant (inverse of ``instant``
    except in the fall-back night's repeated hour)."""
    local = to_datetime(epoch_minutes, clock.tz)
    return (local.date() - work_date).days * 1440 + local.hour * 60 + local.minute


def as_shifts(day: ActualDay, rounding: int = 0) -> list[Shift]:
    """The closed segments as shift-like inputs for the payroll engine (plain work, no code), each
    in/out time rounded to ``rounding`` minutes (payroll only). A segment that rounding shrinks to
    nothing pays nothing. The break of a single segment is placed like a schedule's (centred)."""
    out: list[Shift] = []
    for seg in day.segments:
        if seg.end is None:
            continue
        a, b = round_minute(seg.start, rounding), round_minute(seg.end, rounding)
        if b <= a:
            continue
        brk = day.break_minutes if b - a > day.break_minutes else 0
        out.append(_shift(day.employee_code, day.work_date, a, b, brk))
    return out


def _shift(code: str, work_date: date, a: int, b: int, brk: int, kind: ShiftKind = ShiftKind.WORK,
           label: str = "") -> Shift:
    days, m = divmod(a, 1440)
    e = b % 1440
    return Shift(
        code, work_date + timedelta(days=days), time(m // 60, m % 60), time(e // 60, e % 60), brk, label, kind
    )


def worked_spans(day: ActualDay, clock: Clock) -> list[Span]:
    """UTC spans of the time worked (closed segments, less a single segment's centred break)."""
    spans: list[Span] = []
    for sh in as_shifts(day):
        spans.extend(paid_spans(clock, sh))
    return spans


def worked_minutes(day: ActualDay, clock: Clock) -> int:
    return sum(b - a for a, b in worked_spans(day, clock))


def scheduled_segments(shift: Shift, clock: Clock) -> tuple[Segment, ...]:
    """The segments of working a shift exactly as scheduled: its paid spans (the break where the
    schedule puts it) as wall minutes from its work date."""
    if shift.start is None or shift.end is None:
        return ()
    return tuple(
        Segment(wall_minute(clock, shift.work_date, a), wall_minute(clock, shift.work_date, b))
        for a, b in paid_spans(clock, shift)
    )


def by_key(days: Iterable[ActualDay]) -> dict[tuple[str, date], ActualDay]:
    return {(d.employee_code, d.work_date): d for d in days}
