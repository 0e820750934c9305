"""Which dates the grid shows: week, pay period, six weeks or a calendar month around a date."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

from deskwfm.core.i18n import format_date_range, tr
from deskwfm.core.messages import N_
from deskwfm.core.periods import next_period, period_containing, previous_period, week_start_of
from deskwfm.core.site import SiteSettings


class ViewKind(StrEnum):
    WEEK = "week"
    PERIOD = "period"
    SIX_WEEKS = "6weeks"
    MONTH = "month"

    @property
    def label(self) -> str:
        """The view's name in the reader's language."""
        return tr(_LABELS[self])


_LABELS = {
    ViewKind.WEEK: N_("Week"),
    ViewKind.PERIOD: N_("Pay period"),
    ViewKind.SIX_WEEKS: N_("6 weeks"),
    ViewKind.MONTH: N_("Month"),
}


def range_for(kind: ViewKind, anchor: date, site: SiteSettings) -> tuple[date, date]:
    """First and last date (inclusive) of the range of ``kind`` that contains ``anchor``."""
    if kind is ViewKind.WEEK:
        s = week_start_of(anchor, site.week_start)
        return s, s + timedelta(days=6)
    if kind is ViewKind.SIX_WEEKS:
        s = week_start_of(anchor, site.week_start)
        return s, s + timedelta(days=41)
    if kind is ViewKind.PERIOD:
        return period_containing(anchor, site)
    last = calendar.monthrange(anchor.year, anchor.month)[1]
    return anchor.replace(day=1), anchor.replace(day=last)


def step(kind: ViewKind, anchor: date, site: SiteSettings, direction: int) -> date:
    """An anchor date one range before (direction -1) or after (+1) the range of ``anchor``."""
    start, end = range_for(kind, anchor, site)
    if kind is ViewKind.PERIOD:
        s, _ = (next_period if direction > 0 else previous_period)(start, site)
        return s
    if kind is ViewKind.MONTH:
        first = start
        if direction > 0:
            return end + timedelta(days=1)
        prev_last = first - timedelta(days=1)
        return prev_last.replace(day=1)
    length = (end - start).days + 1
    return start + timedelta(days=length * direction)


def range_title(start: date, end: date) -> str:
    """``Sun 22 Nov – Sat 28 Nov 2026`` for the navigation bar."""
    return format_date_range(start, end)
