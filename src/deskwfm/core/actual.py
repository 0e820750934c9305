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
a time inside the spring-forward gap is refused. A time in the repeated hour of the fall-back night
carries its **fold** (PEP 495): 0 for the first occurrence (the default, as everywhere in the
program), 1 for the second, so ``22:00-01:30,01:00-06:30`` (a break at 01:30 EDT ending at 01:00
EST) is two segments that run forward in time. Every check and count (order, overlap, length,
worked minutes) is done on the instants, never on the wall minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
    ``end`` None: no logout recorded. ``start_fold``/``end_fold``: 1 when that wall time is the
    second occurrence of the fall-back night's repeated hour (0 otherwise, always 0 elsewhere)."""

    start: int
    end: int | None
    start_fold: int = 0
    end_fold: int = 0

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


def check_segments(
    segments: Sequence[Segment], break_minutes: int = 0, clock: Clock | None = None,
    work_date: date | None = None,
) -> None:
    """EntryError unless the segments are in order, do not overlap, stay within the two days
    around the work date, last at most 24 hours each, only the last is open, and a break (if any)
    goes with one closed segment that is longer than it. Order, overlap and lengths are measured
    on the instants of ``work_date`` in ``clock``'s zone (without one, on the wall clock)."""
    spans = _checked_spans(segments, clock, work_date)
    prev_end: int | None = None
    for i, (s, (a, b)) in enumerate(zip(segments, spans, strict=True)):
        if s.start < MIN_START:
            raise EntryError(msg("a worked time starts more than 12 hours before the work date"))
        if s.end is None or b is None:
            if i != len(segments) - 1:
                raise EntryError(msg("only the last worked time may lack an end (a missing logout)"))
        else:
            if b <= a:
                raise EntryError(msg("a worked time must end after it starts"))
            if b - a > MAX_SEGMENT:
                raise EntryError(
                    msg("a worked time of more than 24 hours is not possible; is a logout missing?")
                )
            if s.end > MAX_END:
                raise EntryError(msg("a worked time ends after the day following the work date"))
        if prev_end is not None and a < prev_end:
            raise EntryError(msg("worked times overlap; each must start after the one before ends"))
        if prev_end is not None and a - prev_end >= 1440:
            raise EntryError(msg("worked times more than a day apart do not belong to one work date"))
        prev_end = b if b is not None else a
    if break_minutes:
        if len(segments) != 1 or spans[0][1] is None:
            raise EntryError(
                msg("a break (/30) goes with one worked time with an end; with several, the gaps between "
                    "them are the breaks")
            )
        a, b = spans[0]
        assert b is not None
        if not 0 < break_minutes < b - a:
            raise EntryError(
                msg("the {brk}-minute break is not shorter than the {span}-minute worked time",
                    brk=break_minutes, span=b - a)
            )


def _checked_spans(
    segments: Sequence[Segment], clock: Clock | None, work_date: date | None
) -> list[tuple[int, int | None]]:
    if clock is None or work_date is None:  # the wall clock: the minutes are the instants
        return [(s.start, s.end) for s in segments]
    return segment_instants(clock, work_date, segments)


def segment_instants(
    clock: Clock, work_date: date, segments: Iterable[Segment]
) -> list[tuple[int, int | None]]:
    """(start, end) UTC epoch minutes of each segment (end None: open). EntryError for a wall
    time that does not exist that night (clocks go forward)."""
    return [
        (
            instant(clock, work_date, s.start, s.start_fold),
            None if s.end is None else instant(clock, work_date, s.end, s.end_fold),
        )
        for s in segments
    ]


def instant(clock: Clock, work_date: date, minute: int, fold: int = 0) -> int:
    """UTC epoch minutes of wall minute ``minute`` from ``work_date``'s midnight, at its second
    occurrence when ``fold`` is 1 and the wall time is repeated that night (EntryError for a
    wall time that does not exist that night)."""
    if 0 <= minute < 1440:
        first = clock.utc(work_date, minute)
    else:
        days, m = divmod(minute, 1440)
        first = clock.utc(work_date + timedelta(days=days), m)
    return later_occurrence(clock, first) if fold else first


def later_occurrence(clock: Clock, epoch: int) -> int:
    """The instant an hour later when it shows the same wall time (the fall-back night's repeated
    hour), else ``epoch``."""
    a, b = to_datetime(epoch, clock.tz), to_datetime(epoch + 60, clock.tz)
    return epoch + 60 if (a.date(), a.hour, a.minute) == (b.date(), b.hour, b.minute) else epoch


def wall_minute(clock: Clock, work_date: date, epoch_minutes: int) -> int:
    """The wall-clock minute, from ``work_date``'s midnight, of an instant (the fold is lost: see
    ``wall_time``)."""
    return wall_time(clock, work_date, epoch_minutes)[0]


def wall_time(clock: Clock, work_date: date, epoch_minutes: int) -> tuple[int, int]:
    """The wall-clock minute, from ``work_date``'s midnight, of an instant and its fold (1: the
    second occurrence of a repeated wall time); the inverse of ``instant``."""
    local = to_datetime(epoch_minutes, clock.tz)  # its fold is PEP 495's, set by zoneinfo
    return (local.date() - work_date).days * 1440 + local.hour * 60 + local.minute, local.fold


def as_shifts(day: ActualDay, rounding: int = 0, clock: Clock | None = None) -> list[Shift]:
    """The closed segments as shift-like inputs for the payroll engine (plain work, no code), each
    in/out time rounded to ``rounding`` minutes (payroll only). A segment that rounding shrinks to
    nothing pays nothing. The break of a single segment is placed like a schedule's (centred).

    A shift's times are wall times read at their first occurrence, so a segment that starts in
    the second occurrence of the fall-back night's repeated hour is given with the one before it
    as one shift whose break is the gap between them (exact, given ``clock``): how a night worked
    as scheduled with its break across the change is paid. Any other segment with a time in the
    second occurrence is paid its exact minutes with the hour it cannot name as part of its
    break (``_folded``)."""
    if clock is None or not any(s.start_fold or s.end_fold for s in day.segments):
        return _plain_shifts(day, rounding)
    closed = [
        Segment(round_minute(s.start, rounding), round_minute(s.end, rounding), s.start_fold, s.end_fold)
        for s in day.segments if s.end is not None
    ]
    out: list[Shift] = []
    i = 0
    while i < len(closed):
        seg = closed[i]
        assert seg.end is not None
        nxt = closed[i + 1] if i + 1 < len(closed) else None
        if nxt is not None and nxt.start_fold and not seg.end_fold:
            assert nxt.end is not None
            gap = instant(clock, day.work_date, nxt.start, 1) - instant(clock, day.work_date, seg.end)
            if gap > 0 and seg.end > seg.start and nxt.end > nxt.start and nxt.end - seg.start < 1440:
                b = seg.end % 1440
                out.append(replace(_shift(day.employee_code, day.work_date, seg.start, nxt.end, gap),
                                   break_start=time(b // 60, b % 60)))
                i += 2
                continue
        i += 1
        if seg.start_fold or seg.end_fold:
            shift = _folded(day, seg, clock)
            if shift is not None:
                out.append(shift)
        elif seg.end > seg.start:
            brk = day.break_minutes if seg.end - seg.start > day.break_minutes else 0
            out.append(_shift(day.employee_code, day.work_date, seg.start, seg.end, brk))
    return out


def _plain_shifts(day: ActualDay, rounding: int) -> list[Shift]:
    """``as_shifts`` of segments without a time in the repeated hour's second occurrence."""
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


def _folded(day: ActualDay, seg: Segment, clock: Clock) -> Shift | None:
    """A segment that starts or ends in the second occurrence of the repeated hour, which no
    shift's wall time can name: a shift from its start's first occurrence to past the repeated
    hour, with the extra time as part of its centred break, so it pays exactly its minutes."""
    assert seg.end is not None
    a, b = (instant(clock, day.work_date, seg.start, seg.start_fold),
            instant(clock, day.work_date, seg.end, seg.end_fold))
    if b <= a:
        return None
    end = seg.end + 60 if seg.end_fold else seg.end
    outer = instant(clock, day.work_date, end) - instant(clock, day.work_date, seg.start)
    brk = day.break_minutes if b - a > day.break_minutes else 0
    return _shift(day.employee_code, day.work_date, seg.start, end, outer - (b - a) + brk)


def _shift(code: str, work_date: date, a: int, b: int, brk: int, kind: ShiftKind = ShiftKind.WORK,
           label: str = "") -> Shift:
    days, m = divmod(a, 1440)
    e = b % 1440
    return Shift(
        code, work_date + timedelta(days=days), time(m // 60, m % 60), time(e // 60, e % 60), brk, label, kind
    )


def worked_spans(day: ActualDay, clock: Clock) -> list[Span]:
    """UTC spans of the time worked (closed segments, less a single segment's centred break),
    on the segments' instants (an hour shorter or longer over a clock change)."""
    spans: list[Span] = []
    for a, b in segment_instants(clock, day.work_date, day.segments):
        if b is None or b <= a:
            continue
        brk = day.break_minutes if b - a > day.break_minutes else 0
        if brk:
            b0 = a + (b - a - brk) // 2
            spans.extend([(a, b0), (b0 + brk, b)])
        else:
            spans.append((a, b))
    return spans


def worked_minutes(day: ActualDay, clock: Clock) -> int:
    return sum(b - a for a, b in worked_spans(day, clock))


def scheduled_segments(shift: Shift, clock: Clock) -> tuple[Segment, ...]:
    """The segments of working a shift exactly as scheduled: its paid spans (the break where the
    schedule puts it) as wall minutes from its work date, with the fold of a time in the
    fall-back night's repeated hour."""
    if shift.start is None or shift.end is None:
        return ()
    out: list[Segment] = []
    for a, b in paid_spans(clock, shift):
        (sa, fa), (sb, fb) = wall_time(clock, shift.work_date, a), wall_time(clock, shift.work_date, b)
        out.append(Segment(sa, sb, fa, fb))
    return tuple(out)


def by_key(days: Iterable[ActualDay]) -> dict[tuple[str, date], ActualDay]:
    return {(d.employee_code, d.work_date): d for d in days}
