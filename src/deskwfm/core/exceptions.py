"""Exceptions: where actual time differs from the schedule by more than the site's grace periods.

Per employee and work date, against the scheduled **work** shift of that date (leave and days off
are not attendance):

- **no-show** (critical): a scheduled shift, over by ``now``, with nothing recorded — no worked
  time and no absence code. Coding the day (``SICK``, ``NS``...) resolves it; the code says
  whether there was a reasonable cause. A code that counts as worked (training) is no absence.
- **missing logout** (critical): a worked time with no end. Only a logout time resolves it.
- **late** / **left early** (warning): the first login after the scheduled start plus the late
  grace; the last logout before the scheduled end less the early grace. An absence code on the
  day (``LATE``) resolves it, with or without a reasonable cause as the code says.
- **long break** (warning): unpaid time between the first login and the last logout (the gaps,
  plus a typed ``/30`` break) longer than the scheduled break plus the break grace.
- **overtime not scheduled** (warning): worked minutes beyond the scheduled paid minutes plus the
  overtime grace.
- **unscheduled work** (warning): worked time on a day without a scheduled work shift.

A critical exception that is not resolved blocks approving that employee's pay while the site
pays actual time (``services.periods``). Shifts that have not ended by ``now`` are not checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay, instant, worked_spans
from deskwfm.core.entry import span_minutes
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.timecalc import Clock, Span, paid_spans, shift_span
from deskwfm.core.timekeeping import Timekeeping


class ExceptionKind(StrEnum):
    NO_SHOW = "no_show"
    MISSING_LOGOUT = "missing_logout"
    LATE = "late"
    LEFT_EARLY = "left_early"
    LONG_BREAK = "long_break"
    UNSCHEDULED_OVERTIME = "unscheduled_overtime"
    UNSCHEDULED_WORK = "unscheduled_work"


class Severity(StrEnum):
    WARNING = "warning"
    CRITICAL = "critical"


_CRITICAL = frozenset({ExceptionKind.NO_SHOW, ExceptionKind.MISSING_LOGOUT})
_CODED = frozenset({ExceptionKind.NO_SHOW, ExceptionKind.LATE, ExceptionKind.LEFT_EARLY})
_ORDER = {k: i for i, k in enumerate(ExceptionKind)}
_STILL_IN = 16 * 60  # an unscheduled login this recent may still be going on


@dataclass(frozen=True, slots=True)
class TimeException:
    """One exception. ``minutes``: by how much (0 for a no-show or a missing logout); ``at``: the
    wall minute (from the work date's midnight) it is about — the scheduled start of a late
    arrival or a no-show, the login of a missing logout, the scheduled end of an early leave;
    ``code``: the absence code recorded that day when it resolves this kind."""

    employee_code: str
    work_date: date
    kind: ExceptionKind
    minutes: int = 0
    at: int | None = None
    code: str = ""
    reasonable_cause: bool = False

    @property
    def severity(self) -> Severity:
        return Severity.CRITICAL if self.kind in _CRITICAL else Severity.WARNING

    @property
    def resolved(self) -> bool:
        """Coded with an absence code (the kinds a code can explain)."""
        return bool(self.code) and self.kind in _CODED

    @property
    def blocks(self) -> bool:
        """Whether it stops approval of this employee's pay."""
        return self.severity is Severity.CRITICAL and not self.resolved

    def message(self) -> Msg:
        """What happened, for a list or a tooltip."""
        return _message(self)

    def resolution(self) -> Msg | None:
        if not self.resolved:
            return None
        if self.reasonable_cause:
            return msg("coded {code} (reasonable cause)", code=self.code)
        return msg("coded {code} (no reasonable cause)", code=self.code)


def _hhmm(minute: int | None) -> str:
    if minute is None:
        return "?"
    m = minute % 1440
    return f"{m // 60:02d}:{m % 60:02d}"


def _message(e: TimeException) -> Msg:
    k = e.kind
    if k is ExceptionKind.NO_SHOW:
        return msg("no-show: scheduled from {at}, nothing recorded", at=_hhmm(e.at))
    if k is ExceptionKind.MISSING_LOGOUT:
        return msg("missing logout: logged in at {at}, no logout recorded", at=_hhmm(e.at))
    if k is ExceptionKind.LATE:
        return msg("late by {minutes} min (scheduled {at})", minutes=e.minutes, at=_hhmm(e.at))
    if k is ExceptionKind.LEFT_EARLY:
        return msg("left early by {minutes} min (scheduled until {at})", minutes=e.minutes, at=_hhmm(e.at))
    if k is ExceptionKind.LONG_BREAK:
        return msg("breaks {minutes} min longer than scheduled", minutes=e.minutes)
    if k is ExceptionKind.UNSCHEDULED_OVERTIME:
        return msg("worked {minutes} min more than scheduled", minutes=e.minutes)
    return msg("worked {minutes} min without a scheduled shift", minutes=e.minutes)


@dataclass(frozen=True, slots=True)
class _Plan:
    start: int  # UTC epoch minutes
    end: int
    paid: int
    unpaid: int  # the scheduled break


def _planned(clock: Clock, shift: Shift | None) -> _Plan | None:
    if shift is None or shift.kind is not ShiftKind.WORK or shift.start is None or shift.end is None:
        return None
    s, e = shift_span(clock, shift.work_date, shift.start, shift.end)
    paid = sum(b - a for a, b in paid_spans(clock, shift))
    return _Plan(s, e, paid, (e - s) - paid)


def _gaps(spans: Sequence[Span]) -> int:
    return sum(max(0, b[0] - a[1]) for a, b in zip(spans, spans[1:], strict=False))


def day_exceptions(
    shift: Shift | None,
    day: ActualDay | None,
    codes: Mapping[str, AbsenceCode],
    rules: Timekeeping,
    clock: Clock,
    now: int | None = None,
) -> list[TimeException]:
    """The exceptions of one employee-day (``shift``: that day's schedule entry; ``now``: UTC epoch
    minutes, None to check every day)."""
    plan = _planned(clock, shift)
    who, when = (
        (day.employee_code, day.work_date) if day is not None else
        (shift.employee_code, shift.work_date) if shift is not None else ("", date.min)
    )
    segments = day.segments if day is not None else ()
    out: list[TimeException] = []
    if plan is None:
        if day is not None and segments:
            last_in = segments[-1]
            began = instant(clock, when, last_in.start, last_in.start_fold)
            still_in = now is not None and began > now - _STILL_IN
            if day.open and not still_in:
                out.append(TimeException(who, when, ExceptionKind.MISSING_LOGOUT, 0, segments[-1].start))
            worked = sum(b - a for a, b in worked_spans(day, clock))
            if worked:
                out.append(TimeException(who, when, ExceptionKind.UNSCHEDULED_WORK, worked))
        return out
    if now is not None and plan.end > now:
        return out  # not over yet
    assert shift is not None and shift.start is not None and shift.end is not None
    s_min = shift.start.hour * 60 + shift.start.minute
    e_min = s_min + span_minutes(shift.start, shift.end)
    code = codes.get(day.absence) if day is not None and day.absence else None
    tag = (code.code, code.reasonable_cause) if code is not None else ("", False)
    if day is None or not segments:
        if code is not None and code.counts_as_worked:
            return out
        out.append(TimeException(who, when, ExceptionKind.NO_SHOW, 0, s_min, *tag))
        return out
    first = instant(clock, when, segments[0].start, segments[0].start_fold)
    if first > plan.start + rules.late_grace_minutes:
        out.append(TimeException(who, when, ExceptionKind.LATE, first - plan.start, s_min, *tag))
    if day.open:
        out.append(TimeException(who, when, ExceptionKind.MISSING_LOGOUT, 0, segments[-1].start))
        return out
    last_seg = segments[-1]
    assert last_seg.end is not None
    last = instant(clock, when, last_seg.end, last_seg.end_fold)
    if last < plan.end - rules.early_grace_minutes:
        out.append(TimeException(who, when, ExceptionKind.LEFT_EARLY, plan.end - last, e_min, *tag))
    spans = worked_spans(day, clock)
    unpaid = _gaps(spans)  # between segments, and a typed break (placed inside its segment)
    if unpaid > plan.unpaid + rules.break_grace_minutes:
        out.append(TimeException(who, when, ExceptionKind.LONG_BREAK, unpaid - plan.unpaid))
    worked = sum(b - a for a, b in spans)
    if worked > plan.paid + rules.overtime_grace_minutes:
        out.append(TimeException(who, when, ExceptionKind.UNSCHEDULED_OVERTIME, worked - plan.paid))
    return out


def find_exceptions(
    shifts: Iterable[Shift],
    actual: Iterable[ActualDay],
    codes: Mapping[str, AbsenceCode],
    rules: Timekeeping,
    clock: Clock,
    start: date,
    end: date,
    now: int | None = None,
) -> list[TimeException]:
    """Every exception with a work date in start..end, by employee, date and kind."""
    sched = {(s.employee_code, s.work_date): s for s in shifts if start <= s.work_date <= end}
    days = {(d.employee_code, d.work_date): d for d in actual if start <= d.work_date <= end}
    out: list[TimeException] = []
    for key in sorted(sched.keys() | days.keys()):
        out.extend(day_exceptions(sched.get(key), days.get(key), codes, rules, clock, now))
    out.sort(key=lambda e: (e.employee_code, e.work_date, _ORDER[e.kind]))
    return out
