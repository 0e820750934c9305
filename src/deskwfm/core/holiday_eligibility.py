"""Holiday pay an employee loses by what they did (or did not) work around the holiday — rules
that need actual time, applied as rule-set data (``RuleSet.holiday_eligibility``).

**Ontario, ESA 2000 s.26(2).** No public holiday pay when the employee fails, without reasonable
cause, to work *all of* their last regularly scheduled day of work before the holiday or *all of*
their first regularly scheduled day of work after it. Those days are read from the schedule (work
shifts; a vacation or day off is not a day of work), looking up to four weeks either side. A day
is failed when it has a no-show, a late arrival or an early leave (``core.exceptions``, measured
with the site's grace periods: set them to 0 for the letter of "all of") that is not coded with a
reasonable cause. A day not over yet, or one still missing a logout (approval waits for it), does
not fail.

**Canada Labour Code s.196(4)(a)** (formerly s.201(2)(a)). An employee in a continuous operation
who is called to work on a general holiday — scheduled to work that day — and does not report for
work loses the holiday pay. The Code makes no exception for a reasonable cause; a code that counts
as worked (training elsewhere) is reporting for work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay
from deskwfm.core.exceptions import ExceptionKind, TimeException, day_exceptions
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import Shift, ShiftKind
from deskwfm.core.rules import HolidayEligibility
from deskwfm.core.timecalc import Clock
from deskwfm.core.timekeeping import Timekeeping

LOOK = 28  # days either side of a holiday searched for the last/first scheduled day of work
_FAILS = frozenset({ExceptionKind.NO_SHOW, ExceptionKind.LATE, ExceptionKind.LEFT_EARLY})


@dataclass(frozen=True, slots=True)
class HolidayLoss:
    """Holiday pay for ``holiday`` is lost because of ``day`` (the reason, as a message)."""

    holiday: date
    day: date
    reason: Msg


def _work_day(s: Shift | None) -> bool:
    return s is not None and s.kind is ShiftKind.WORK and s.has_times


def _failed(ex: Sequence[TimeException], codes: Mapping[str, AbsenceCode]) -> TimeException | None:
    for e in ex:
        if e.kind not in _FAILS:
            continue
        code = codes.get(e.code) if e.code else None
        if code is not None and code.reasonable_cause:
            continue
        return e
    return None


def holidays_without_pay(
    rule: HolidayEligibility,
    holidays: Mapping[date, str],
    start: date,
    end: date,
    shifts: Sequence[Shift],
    actual: Mapping[date, ActualDay],
    codes: Mapping[str, AbsenceCode],
    rules: Timekeeping,
    clock: Clock,
    now: int | None = None,
) -> list[HolidayLoss]:
    """The holidays in start..end whose pay one employee loses (``shifts`` and ``actual``: theirs,
    covering ``LOOK`` days either side)."""
    if rule is HolidayEligibility.NONE:
        return []
    by_day = {s.work_date: s for s in shifts}
    out: list[HolidayLoss] = []
    for h in sorted(d for d in holidays if start <= d <= end):
        if rule is HolidayEligibility.LAST_AND_FIRST_DAY:
            loss = _last_and_first(h, by_day, actual, codes, rules, clock, now)
        else:
            loss = _called_to_work(h, by_day, actual, codes, rules, clock, now)
        if loss is not None:
            out.append(loss)
    return out


def _last_and_first(
    h: date, by_day: Mapping[date, Shift], actual: Mapping[date, ActualDay], codes: Mapping[str, AbsenceCode],
    rules: Timekeeping, clock: Clock, now: int | None,
) -> HolidayLoss | None:
    for step in (-1, 1):
        d = next(
            (h + timedelta(days=step * i) for i in range(1, LOOK + 1)
             if _work_day(by_day.get(h + timedelta(days=step * i)))),
            None,
        )
        if d is None:
            continue
        bad = _failed(day_exceptions(by_day[d], actual.get(d), codes, rules, clock, now), codes)
        if bad is not None:
            which = (
                msg("did not work all of the last scheduled day before it ({day:day}): {what}",
                    day=d, what=bad.message())
                if step < 0 else
                msg("did not work all of the first scheduled day after it ({day:day}): {what}",
                    day=d, what=bad.message())
            )
            return HolidayLoss(h, d, msg("no public holiday pay (ESA s.26(2)): {why}", why=which))
    return None


def _called_to_work(
    h: date, by_day: Mapping[date, Shift], actual: Mapping[date, ActualDay], codes: Mapping[str, AbsenceCode],
    rules: Timekeeping, clock: Clock, now: int | None,
) -> HolidayLoss | None:
    shift = by_day.get(h)
    if not _work_day(shift):
        return None
    ex = day_exceptions(shift, actual.get(h), codes, rules, clock, now)
    if any(e.kind is ExceptionKind.NO_SHOW for e in ex):
        return HolidayLoss(
            h, h,
            msg("no holiday pay (Canada Labour Code s.196(4)(a)): called to work on the holiday "
                "({day:day}) and did not report for work", day=h),
        )
    return None
