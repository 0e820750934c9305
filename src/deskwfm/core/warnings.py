"""Rule warnings (never errors): overlap, short rest, over daily/weekly maximum, over contract,
no pay rate, and the roster-pattern rules of ``core.roster_rules`` (availability, consecutive
days, weekends off, nights in a row, a day shift after a night).

Warnings are attached to the shift (grid cell) where the problem shows: the later of two
overlapping or too-close shifts, the shift that is too long, the shift that crosses a weekly
threshold, the shift on a date without a pay rate. Messages are data (``Msg``), rendered by
whoever shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.payroll import rate_on
from deskwfm.core.periods import week_start_of
from deskwfm.core.roster_rules import roster_findings
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import clock_for, paid_spans, shift_span


class WarningRule(StrEnum):
    OVERLAP = "overlap"
    REST = "rest"
    DAILY_MAX = "daily_max"
    WEEKLY_MAX = "weekly_max"
    CONTRACT = "contract"
    NO_RATE = "no_rate"
    INVALID = "invalid"  # the shift cannot be placed on the clock (a start in a DST gap)
    # roster patterns (core.roster_rules.RosterRule, same values)
    UNAVAILABLE = "unavailable"
    CONSECUTIVE_DAYS = "consecutive_days"
    WEEKEND_OFF = "weekend_off"
    NIGHTS_IN_ROW = "nights_in_row"
    DAY_AFTER_NIGHT = "day_after_night"


@dataclass(frozen=True, slots=True)
class RuleWarning:
    employee_code: str
    work_date: date  # the shift (grid cell) the warning is shown on
    rule: WarningRule
    message: Msg  # e.g. "only 6.50 h rest after the shift of Mon 2026-11-23 (minimum 8.00 h)"
    # The other shift a warning is about (the earlier one of an overlap or a short rest), so a
    # front end can tell which cells it concerns without reading the message.
    other_day: date | None = None


def missing_rates(
    employee: Employee, rates: Sequence[PayRate], shifts: Sequence[Shift], start: date, end: date
) -> list[RuleWarning]:
    """A warning on every paid shift with a work date in start..end that has no pay rate in
    force (``core.payroll.rate_on``): its hours count, its pay cannot be worked out."""
    return [
        RuleWarning(
            employee.code, sh.work_date, WarningRule.NO_RATE,
            msg("no pay rate on {day:day}, so no gross pay: add a rate in force from that date or earlier",
                day=sh.work_date),
        )
        for sh in shifts
        if start <= sh.work_date <= end and sh.is_paid and rate_on(rates, sh.work_date) is None
    ]


def check_employee(
    site: SiteSettings,
    employee: Employee,
    shifts: Sequence[Shift],
    start: date,
    end: date,
    rates: Sequence[PayRate] | None = None,
) -> list[RuleWarning]:
    """Warnings for one employee's shifts with work dates in start..end (shifts may extend
    beyond, so rest and weekly checks see neighbours). With ``rates`` (all of the employee's),
    shifts on dates without a rate are flagged too."""
    rules = site.rules
    clock = clock_for(site.tz)
    code = employee.code
    out: list[RuleWarning] = []
    timed: list[tuple[int, int, int, Shift]] = []  # start, end, paid minutes, shift
    for sh in sorted(shifts, key=lambda s: s.work_date):
        if not sh.is_paid:
            continue
        assert sh.start is not None and sh.end is not None
        try:
            s, e = shift_span(clock, sh.work_date, sh.start, sh.end)
            paid = sum(b - a for a, b in paid_spans(clock, sh))
        except DeskwfmError as exc:  # e.g. a start inside a DST gap: show it, don't crash
            if start <= sh.work_date <= end:
                out.append(RuleWarning(code, sh.work_date, WarningRule.INVALID, exc.msg))
            continue
        timed.append((s, e, paid, sh))
    timed.sort(key=lambda t: t[0])

    work = [t for t in timed if t[3].kind is ShiftKind.WORK]
    for prev, cur in zip(work, work[1:], strict=False):
        sh = cur[3]
        if not start <= sh.work_date <= end:
            continue
        gap = cur[0] - prev[1]
        if gap < 0:
            out.append(RuleWarning(
                code, sh.work_date, WarningRule.OVERLAP,
                msg("overlaps the shift of {day:day} by {m:hours} h", day=prev[3].work_date, m=-gap),
                prev[3].work_date))
        elif gap < rules.min_rest_minutes:
            out.append(RuleWarning(
                code, sh.work_date, WarningRule.REST,
                msg("only {gap:hours} h rest after the shift of {day:day} (minimum {minimum:hours} h, "
                    "short by {short:hours} h)",
                    gap=gap, day=prev[3].work_date, minimum=rules.min_rest_minutes,
                    short=rules.min_rest_minutes - gap),
                prev[3].work_date))

    if rules.max_daily_minutes is not None:
        for _s, _e, paid, sh in work:
            if start <= sh.work_date <= end and paid > rules.max_daily_minutes:
                out.append(RuleWarning(
                    code, sh.work_date, WarningRule.DAILY_MAX,
                    msg("{paid:hours} h is over the daily maximum of {limit:hours} h by {over:hours} h",
                        paid=paid, limit=rules.max_daily_minutes, over=paid - rules.max_daily_minutes)))

    out.extend(_weekly(site, employee, timed, start, end))
    out.extend(
        RuleWarning(code, day, WarningRule(rule.value), text)
        for rule, day, text in roster_findings(clock, rules, employee, shifts, start, end)
    )
    if rates is not None:
        out.extend(missing_rates(employee, rates, shifts, start, end))
    return out


def _weekly(
    site: SiteSettings, employee: Employee, timed: list[tuple[int, int, int, Shift]], start: date, end: date
) -> list[RuleWarning]:
    """Over the weekly maximum (worked hours) and over contract (worked and paid leave), on the
    shift that crosses the limit."""
    out: list[RuleWarning] = []
    weekly_max = employee.max_minutes if employee.max_minutes is not None else site.rules.max_weekly_minutes
    checks = [
        (WarningRule.WEEKLY_MAX, weekly_max, False),
        (WarningRule.CONTRACT, employee.contract_minutes, True),
    ]
    weeks: dict[date, list[tuple[int, Shift]]] = {}
    for _s, _e, paid, sh in timed:
        weeks.setdefault(week_start_of(sh.work_date, site.week_start), []).append((paid, sh))
    for rule, limit, with_leave in checks:
        if limit is None:
            continue
        for week, items in sorted(weeks.items()):
            total = 0
            for paid, sh in items:
                if sh.kind is ShiftKind.PAID_LEAVE and not with_leave:
                    continue
                before = total
                total += paid
                if before <= limit < total and start <= sh.work_date <= end:
                    week_total = sum(p for p, s2 in items if with_leave or s2.kind is ShiftKind.WORK)
                    if rule is WarningRule.CONTRACT:
                        text = msg("week of {week:date}: {total:hours} h is over the contract of "
                                   "{limit:hours} h by {over:hours} h",
                                   week=week, total=week_total, limit=limit, over=week_total - limit)
                    else:
                        text = msg("week of {week:date}: {total:hours} h is over the weekly maximum of "
                                   "{limit:hours} h by {over:hours} h",
                                   week=week, total=week_total, limit=limit, over=week_total - limit)
                    out.append(RuleWarning(employee.code, sh.work_date, rule, text))
    return out
