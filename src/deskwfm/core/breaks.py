"""Where a shift's paid breaks fall, and the time its agent is on the phones.

A contact-centre shift holds, besides the unpaid break (``core.timecalc``), paid breaks such
as 2 x 15 min: paid time, but the agent is off the phones, so they are not coverage.

Placed like the unpaid break: at set wall-clock starts (``Shift.paid_break_starts``, on the
shift's own timeline, so a night shift's 03:00 break is on the next day), or by default spread
evenly over the worked time - the k-th of n breaks centred at (2k+1)/2n of it, rounded to
5 minutes and kept off the unpaid break. For the usual 8.5 h shift with a centred 30-minute
lunch that is one break mid-morning and one mid-afternoon. Instants are UTC epoch minutes, so
a break on a DST night is placed like any other.
"""

from __future__ import annotations

from datetime import time

from deskwfm.core.errors import EntryError
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import Clock, Span, break_instant, paid_spans, to_datetime

_ROUND = 5  # default breaks start on a multiple of 5 minutes


def _position(spans: list[Span], worked: int) -> tuple[int, int]:
    """The instant ``worked`` minutes into the worked spans, and the index of its span."""
    for i, (a, b) in enumerate(spans):
        if worked < b - a or i == len(spans) - 1:
            return a + worked, i
        worked -= b - a
    raise AssertionError("unreachable")  # pragma: no cover


def _default(spans: list[Span], count: int, length: int, where: str) -> list[Span]:
    total = sum(b - a for a, b in spans)
    out: list[Span] = []
    for k in range(count):
        centre, i = _position(spans, total * (2 * k + 1) // (2 * count))
        start = (centre - length // 2 + _ROUND // 2) // _ROUND * _ROUND
        a, b = spans[i]
        if b - a < length + 2:
            raise EntryError(msg("{where}: the paid breaks do not fit the shift", where=where))
        start = max(a + 1, min(start, b - length - 1))
        out.append((start, start + length))
    for (_, e1), (s2, _) in zip(out, out[1:], strict=False):
        if s2 < e1:
            raise EntryError(msg("{where}: the paid breaks do not fit the shift", where=where))
    return out


def _placed(clock: Clock, shift: Shift, spans: list[Span], where: str) -> list[Span]:
    assert shift.start is not None and shift.end is not None
    if len(shift.paid_break_starts) != shift.paid_breaks:
        raise EntryError(msg(
            "{where}: {n} paid break starts given for {count} paid breaks",
            where=where, n=len(shift.paid_break_starts), count=shift.paid_breaks))
    length = shift.paid_break_minutes
    out = sorted(
        (b, b + length)
        for b in (break_instant(clock, shift.work_date, shift.start, t) for t in shift.paid_break_starts)
    )
    for (a, b), t in zip(out, _wall_times(clock, out), strict=True):
        if not any(lo < a and b < hi for lo, hi in spans):
            raise EntryError(msg(
                "{where}: the {length}-minute paid break at {t:time} does not lie inside the worked "
                "time of the shift {start:time}-{end:time} (outside it, or over the unpaid break)",
                where=where, length=length, t=t, start=shift.start, end=shift.end))
    for (_, e1), (s2, _) in zip(out, out[1:], strict=False):
        if s2 < e1:
            raise EntryError(msg("{where}: two paid breaks overlap", where=where))
    return out


def _wall_times(clock: Clock, spans: list[Span]) -> list[time]:
    return [to_datetime(a, clock.tz).time().replace(tzinfo=None) for a, _ in spans]


def paid_break_spans(clock: Clock, shift: Shift) -> list[Span]:
    """UTC spans of the shift's paid breaks (empty when it has none); EntryError when set
    starts do not fit."""
    if not shift.paid_breaks or not shift.paid_break_minutes or shift.start is None or shift.end is None:
        return []
    spans = paid_spans(clock, shift)
    where = f"{shift.employee_code} {shift.work_date.isoformat()}".strip()
    if shift.paid_break_starts:
        return _placed(clock, shift, spans, where)
    return _default(spans, shift.paid_breaks, shift.paid_break_minutes, where)


def paid_break_times(clock: Clock, shift: Shift) -> tuple[time, ...]:
    """Wall-clock starts of the paid breaks (set or default), for display."""
    return tuple(_wall_times(clock, paid_break_spans(clock, shift)))


def describe_paid_breaks(clock: Clock, shift: Shift) -> Msg | None:
    """``2 paid breaks of 15 min at 10:15, 14:45`` for the grid's tooltip and the timesheet
    (None for a shift without paid breaks; without times when they cannot be placed)."""
    if shift.kind is not ShiftKind.WORK or not shift.paid_breaks or not shift.paid_break_minutes:
        return None
    try:
        times = paid_break_times(clock, shift)
    except EntryError:
        times = ()
    if not times:
        return msg_n("{count} paid break of {m} min", "{count} paid breaks of {m} min", shift.paid_breaks,
                     m=shift.paid_break_minutes)
    at = ", ".join(f"{t:%H:%M}" for t in times)
    return msg_n("{count} paid break of {m} min at {at}", "{count} paid breaks of {m} min at {at}",
                 shift.paid_breaks, m=shift.paid_break_minutes, at=at)


def check_times(clock: Clock, shift: Shift) -> None:
    """EntryError if the shift, its unpaid break or its paid breaks cannot be placed on the
    clock (a start inside a DST gap, a break outside the worked time)."""
    paid_spans(clock, shift)
    paid_break_spans(clock, shift)


def phone_spans(clock: Clock, shift: Shift) -> list[Span]:
    """The UTC spans the agent is on the phones: worked time less its paid breaks."""
    spans = paid_spans(clock, shift)
    breaks = paid_break_spans(clock, shift)
    if not breaks:
        return spans
    out: list[Span] = []
    for a, b in spans:
        cur = a
        for pa, pb in breaks:
            if pb <= cur or pa >= b:
                continue
            if pa > cur:
                out.append((cur, pa))
            cur = max(cur, pb)
        if cur < b:
            out.append((cur, b))
    return out
