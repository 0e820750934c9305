"""Roster-pattern rules: availability, consecutive work days, weekends off, nights in a row,
no day shift straight after a night. Like the other rule warnings (``core.warnings``) they are
never errors: a hand-made schedule may break them and is told so; the automatic scheduler
(``deskwfm.scheduler``) never does, because it checks its proposal with these same functions.

Kinds of shift (``shift_type``), on the site's night window (``RuleSet.night_start/end``):

* night - at least 3 hours of its worked time fall in the night window. The threshold is the
  EU Working Time Directive's (2003/88/EC, art. 2(4)(b): a night worker works "at least three
  hours of his daily working time" during night time); no Canadian or US statute defines one.
* late - not a night shift, and it ends after 21:00 (or past midnight);
* day - every other work shift.

A work day is a work date with a work shift (leave and days off are not work). Weekend days
are Saturdays and Sundays by work date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from enum import StrEnum

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import Employee, Shift, ShiftKind
from deskwfm.core.rules import RuleSet
from deskwfm.core.timecalc import Clock, day_pieces, minute_of_day, paid_spans, window_minutes

NIGHT_MINUTES = 180  # worked minutes in the night window that make a night shift
LATE_END = 21 * 60  # a shift ending after 21:00 is a late shift (unless it is a night shift)
_ONE_DAY = timedelta(days=1)
SATURDAY = 5


class ShiftType(StrEnum):
    DAY = "day"
    LATE = "late"
    NIGHT = "night"


# What each kind is called inside a warning ("a day shift straight after the night shift of ...").
SHIFT_TYPE_LABELS: dict[ShiftType, Msg] = {
    ShiftType.DAY: msg("day"),
    ShiftType.LATE: msg("late"),
    ShiftType.NIGHT: msg("night"),
}


class RosterRule(StrEnum):
    """The rules of this module (the ``rule`` of their warnings)."""

    UNAVAILABLE = "unavailable"
    CONSECUTIVE_DAYS = "consecutive_days"
    WEEKEND_OFF = "weekend_off"
    NIGHTS_IN_ROW = "nights_in_row"
    DAY_AFTER_NIGHT = "day_after_night"


def night_minutes(clock: Clock, rules: RuleSet, shift: Shift) -> int:
    """Worked minutes of ``shift`` inside the site's night window."""
    if shift.start is None or shift.end is None:
        return 0
    w0, w1 = minute_of_day(rules.night_start), minute_of_day(rules.night_end)
    return sum(
        window_minutes(clock, d, a, b, w0, w1)
        for d, a, b in day_pieces(clock, paid_spans(clock, shift), shift.work_date)
    )


def shift_type(clock: Clock, rules: RuleSet, shift: Shift) -> ShiftType:
    """Night, late or day (see the module docstring)."""
    if night_minutes(clock, rules, shift) >= NIGHT_MINUTES:
        return ShiftType.NIGHT
    assert shift.start is not None and shift.end is not None
    end = minute_of_day(shift.end)
    if end <= minute_of_day(shift.start) or end > LATE_END:
        return ShiftType.LATE
    return ShiftType.DAY


def check_roster_rules(rules: RuleSet) -> RuleSet:
    """InputError naming the first roster threshold out of range."""
    if rules.max_consecutive_days is not None and not 1 <= rules.max_consecutive_days <= 31:
        raise InputError(msg("maximum consecutive work days must be 1 to 31"))
    if rules.weekend_off_weeks is not None and not 1 <= rules.weekend_off_weeks <= 12:
        raise InputError(msg("a weekend day off is checked over 1 to 12 weeks"))
    if rules.max_nights_in_row is not None and not 1 <= rules.max_nights_in_row <= 31:
        raise InputError(msg("maximum nights in a row must be 1 to 31"))
    return rules


# A found problem: (rule, work date it is shown on, message)
Finding = tuple[RosterRule, date, Msg]


def _runs(days: Sequence[date]) -> list[list[date]]:
    """Maximal runs of consecutive dates in sorted ``days``."""
    runs: list[list[date]] = []
    for d in days:
        if runs and runs[-1][-1] + _ONE_DAY == d:
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def roster_findings(
    clock: Clock, rules: RuleSet, employee: Employee, shifts: Sequence[Shift], start: date, end: date,
    kind_of: Callable[[Shift], ShiftType] | None = None,
) -> list[Finding]:
    """The roster-rule problems of one employee's shifts, shown on work dates in start..end.
    ``shifts`` should reach back ``weekend_off_weeks`` weeks and ``max_consecutive_days`` days
    before ``start`` so runs and windows that end in the range are seen whole."""
    typed: dict[date, ShiftType] = {}
    out: list[Finding] = []
    classify = kind_of or (lambda s: shift_type(clock, rules, s))
    for s in shifts:
        if s.kind is not ShiftKind.WORK or s.start is None or s.end is None:
            continue
        try:
            typed[s.work_date] = classify(s)
        except DeskwfmError:  # a start inside a DST gap: core.warnings reports it
            continue
        if start <= s.work_date <= end and not employee.availability.fits(
            s.work_date, minute_of_day(s.start), _end_minute(s)
        ):
            out.append((RosterRule.UNAVAILABLE, s.work_date, msg(
                "{code} is not available then ({availability})", code=employee.code,
                availability=employee.availability)))
    worked = sorted(typed)
    if rules.max_consecutive_days is not None:
        limit = rules.max_consecutive_days
        for run in _runs(worked):
            for d in run[limit:]:
                if start <= d <= end:
                    out.append((RosterRule.CONSECUTIVE_DAYS, d, msg(
                        "{n} work days in a row (at most {limit})", n=(d - run[0]).days + 1, limit=limit)))
    nights = [d for d in worked if typed[d] is ShiftType.NIGHT]
    if rules.max_nights_in_row is not None:
        limit = rules.max_nights_in_row
        for run in _runs(nights):
            for d in run[limit:]:
                if start <= d <= end:
                    out.append((RosterRule.NIGHTS_IN_ROW, d, msg(
                        "{n} night shifts in a row (at most {limit})", n=(d - run[0]).days + 1, limit=limit)))
    if rules.no_day_after_night:
        for d in nights:
            nxt = d + _ONE_DAY
            if nxt in typed and typed[nxt] is not ShiftType.NIGHT and start <= nxt <= end:
                out.append((RosterRule.DAY_AFTER_NIGHT, nxt, msg(
                    "a {kind} shift straight after the night shift of {day:day}",
                    kind=SHIFT_TYPE_LABELS[typed[nxt]], day=d)))
    if rules.weekend_off_weeks is not None:
        out.extend(_weekends(set(worked), rules.weekend_off_weeks, start, end))
    return out


def _end_minute(s: Shift) -> int:
    assert s.start is not None and s.end is not None
    a, b = minute_of_day(s.start), minute_of_day(s.end)
    return b if b > a else b + 1440


def _weekends(worked: set[date], weeks: int, start: date, end: date) -> list[Finding]:
    """Every window of ``weeks`` weekends whose Saturdays and Sundays are all worked: shown on
    the window's last Sunday, when it lies in start..end."""
    out: list[Finding] = []
    last_sunday = end - timedelta(days=(end.weekday() - 6) % 7)
    sunday = start + timedelta(days=(6 - start.weekday()) % 7)
    while sunday <= last_sunday:
        window = [sunday - timedelta(weeks=k) for k in range(weeks)]
        if all(su in worked and su - _ONE_DAY in worked for su in window):
            out.append((RosterRule.WEEKEND_OFF, sunday, msg(
                "no Saturday or Sunday off in the {weeks} weekends to {day:day}", weeks=weeks, day=sunday)))
        sunday += timedelta(weeks=1)
    return out


def history_days(rules: RuleSet) -> int:
    """How many days before a range its rules look back."""
    back = max(rules.max_consecutive_days or 0, rules.max_nights_in_row or 0) + 1
    if rules.weekend_off_weeks is not None:
        back = max(back, 7 * rules.weekend_off_weeks + 7)
    return back
