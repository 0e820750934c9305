"""Rule warnings (never errors): overlap, short rest, over daily/weekly maximum, over contract.

Warnings are attached to the shift (grid cell) where the problem shows: the later of two
overlapping or too-close shifts, the shift that is too long, the shift that crosses a weekly
threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.model import Employee, Shift, ShiftKind
from deskwfm.core.money import hours_text
from deskwfm.core.periods import week_start_of
from deskwfm.core.site import SiteSettings
from deskwfm.core.timecalc import clock_for, paid_spans, shift_span


@dataclass(frozen=True, slots=True)
class RuleWarning:
    employee_code: str
    work_date: date  # the shift (grid cell) the warning is shown on
    rule: str  # "overlap" | "rest" | "daily_max" | "weekly_max" | "contract"
    message: str  # e.g. "only 6.50 h rest after the shift of Mon 2026-11-23 (minimum 8.00 h)"


def _day(d: date) -> str:
    return f"{d:%a} {d.isoformat()}"


def check_employee(
    site: SiteSettings, employee: Employee, shifts: Sequence[Shift], start: date, end: date
) -> list[RuleWarning]:
    """Warnings for one employee's shifts with work dates in start..end (shifts may extend
    beyond, so rest and weekly checks see neighbours)."""
    rules = site.rules
    clock = clock_for(site.tz)
    code = employee.code
    out: list[RuleWarning] = []
    timed: list[tuple[int, int, int, Shift]] = []  # start, end, paid minutes, shift
    for sh in sorted(shifts, key=lambda s: s.work_date):
        if sh.start is None or sh.end is None or sh.kind in (ShiftKind.OFF, ShiftKind.UNPAID_LEAVE):
            continue
        try:
            s, e = shift_span(clock, sh.work_date, sh.start, sh.end)
            paid = sum(b - a for a, b in paid_spans(clock, sh))
        except DeskwfmError as exc:  # e.g. a start inside a DST gap: show it, don't crash
            if start <= sh.work_date <= end:
                out.append(RuleWarning(code, sh.work_date, "invalid", str(exc)))
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
            msg = f"overlaps the shift of {_day(prev[3].work_date)} by {hours_text(-gap)} h"
            out.append(RuleWarning(code, sh.work_date, "overlap", msg))
        elif gap < rules.min_rest_minutes:
            out.append(RuleWarning(
                code, sh.work_date, "rest",
                f"only {hours_text(gap)} h rest after the shift of {_day(prev[3].work_date)} "
                f"(minimum {hours_text(rules.min_rest_minutes)} h, short by "
                f"{hours_text(rules.min_rest_minutes - gap)} h)"))

    if rules.max_daily_minutes is not None:
        for _s, _e, paid, sh in work:
            if start <= sh.work_date <= end and paid > rules.max_daily_minutes:
                out.append(RuleWarning(
                    code, sh.work_date, "daily_max",
                    f"{hours_text(paid)} h is over the daily maximum of "
                    f"{hours_text(rules.max_daily_minutes)} h by "
                    f"{hours_text(paid - rules.max_daily_minutes)} h"))

    weekly_max = employee.max_minutes if employee.max_minutes is not None else rules.max_weekly_minutes
    checks = [("weekly_max", "weekly maximum", weekly_max, False),
              ("contract", "contract", employee.contract_minutes, True)]
    weeks: dict[date, list[tuple[int, Shift]]] = {}
    for _s, _e, paid, sh in timed:
        weeks.setdefault(week_start_of(sh.work_date, site.week_start), []).append((paid, sh))
    for rule, label, limit, with_leave in checks:
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
                    out.append(RuleWarning(
                        code, sh.work_date, rule,
                        f"week of {week.isoformat()}: {hours_text(week_total)} h is over the {label} of "
                        f"{hours_text(limit)} h by {hours_text(week_total - limit)} h"))
    return out
