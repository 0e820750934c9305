"""The range a payroll document covers, and whether it is one of the site's pay periods.

Timesheets and the payroll workbook are meant for pay periods; a clerk may still print any
range, and then every document (PDF, xlsx, dialogs, CLI output) says so with the same words:
"Pay period 2026-11-22 to 2026-12-05" or "Date range 2026-11-22 to 2026-11-28 (not a pay
period)". Pay periods themselves follow the site settings (``core.periods``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deskwfm.core.messages import Msg, msg
from deskwfm.core.periods import next_period, period_containing, previous_period
from deskwfm.core.site import SiteSettings


@dataclass(frozen=True, slots=True)
class PayRange:
    start: date
    end: date  # inclusive
    is_pay_period: bool

    def heading(self) -> Msg:
        """What the range is called on a document: "Pay period" or "Date range"."""
        return msg("Pay period") if self.is_pay_period else msg("Date range")

    def dates(self) -> Msg:
        """The dates under that heading; a range that is not a pay period says so."""
        if self.is_pay_period:
            return msg("{start:date} to {end:date}", start=self.start, end=self.end)
        return msg("{start:date} to {end:date} (not a pay period)", start=self.start, end=self.end)

    def label(self) -> Msg:
        """Heading and dates in one line, for titles, dialogs and the command line."""
        if self.is_pay_period:
            return msg("Pay period {start:date} to {end:date}", start=self.start, end=self.end)
        return msg("Date range {start:date} to {end:date} (not a pay period)", start=self.start, end=self.end)


def pay_range(site: SiteSettings, start: date, end: date) -> PayRange:
    """start..end, marked as a pay period when it is exactly one of the site's periods."""
    return PayRange(start, end, period_containing(start, site) == (start, end))


def period_of(site: SiteSettings, day: date) -> PayRange:
    """The pay period that contains ``day``."""
    start, end = period_containing(day, site)
    return PayRange(start, end, True)


def step_period(site: SiteSettings, day: date, direction: int) -> PayRange:
    """The pay period before (direction < 0) or after (> 0) the one containing ``day``."""
    start, _ = period_containing(day, site)
    s, e = (next_period if direction > 0 else previous_period)(start, site)
    return PayRange(s, e, True)


def periods_around(site: SiteSettings, day: date, before: int = 12, after: int = 2) -> list[PayRange]:
    """The pay period containing ``day`` with ``before`` periods before it and ``after`` after,
    oldest first (a picker's list of recent periods)."""
    here = period_of(site, day)
    out = [here]
    for _ in range(before):
        out.insert(0, step_period(site, out[0].start, -1))
    for _ in range(after):
        out.append(step_period(site, out[-1].start, 1))
    return out
