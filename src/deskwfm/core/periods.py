"""Pay periods and work weeks."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import PayPeriodKind
from deskwfm.core.site import SiteSettings


def week_start_of(d: date, week_start: int) -> date:
    """First day of the work week containing d (week_start is a date.weekday() value)."""
    return d - timedelta(days=(d.weekday() - week_start) % 7)


def period_containing(d: date, site: SiteSettings) -> tuple[date, date]:
    """The pay period (first day, last day inclusive) that contains d."""
    kind = site.pay_period
    if kind in (PayPeriodKind.WEEKLY, PayPeriodKind.BIWEEKLY):
        length = 7 if kind is PayPeriodKind.WEEKLY else 14
        offset = (d - site.period_anchor).days % length
        start = d - timedelta(days=offset)
        return start, start + timedelta(days=length - 1)
    last = calendar.monthrange(d.year, d.month)[1]
    if kind is PayPeriodKind.SEMIMONTHLY:
        if d.day <= 15:
            return d.replace(day=1), d.replace(day=15)
        return d.replace(day=16), d.replace(day=last)
    return d.replace(day=1), d.replace(day=last)


def next_period(start: date, site: SiteSettings) -> tuple[date, date]:
    _, end = period_containing(start, site)
    return period_containing(end + timedelta(days=1), site)


def previous_period(start: date, site: SiteSettings) -> tuple[date, date]:
    s, _ = period_containing(start, site)
    return period_containing(s - timedelta(days=1), site)


def days(start: date, end: date) -> list[date]:
    """Every date from start to end inclusive."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def check_order(start: date, end: date, *, period: bool = False) -> None:
    """InputError when a range (a pay period with ``period``) ends before it starts."""
    if end < start:
        from deskwfm.core.errors import InputError

        if period:
            raise InputError(
                msg("the period ends ({end:date}) before it starts ({start:date})", start=start, end=end)
            )
        raise InputError(
            msg("the range ends ({end:date}) before it starts ({start:date})", start=start, end=end)
        )


# Dates outside this range are typos (a year 0026 or 2206), and the far ends of the calendar
# overflow datetime arithmetic; every entry path (grid, CLI, Excel) refuses them.
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2099, 12, 31)


def check_plausible(d: date, what: Msg | None = None) -> date:
    """``d`` if it lies in FIRST_DATE..LAST_DATE, else InputError naming ``what`` (the date)."""
    if not FIRST_DATE <= d <= LAST_DATE:
        from deskwfm.core.errors import InputError

        raise InputError(msg(
            "{what} {day:date} is outside the plausible range {first:date} to {last:date}",
            what=what or msg("the date"), day=d, first=FIRST_DATE, last=LAST_DATE,
        ))
    return d
