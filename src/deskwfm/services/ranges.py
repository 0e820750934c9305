"""The range a payroll document covers, in an open database: the pay period containing a day,
any other range (labelled as not a pay period), or the choice a command line made
(``--period`` or ``--from``/``--to``). The rules are ``core.periods`` / ``core.pay_range``."""

from __future__ import annotations

from datetime import date

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg
from deskwfm.core.pay_range import PayRange, pay_range, period_of, periods_around
from deskwfm.core.periods import check_order
from deskwfm.services.site import get_site
from deskwfm.services.workspace import Workspace


def range_of(ws: Workspace, start: date, end: date) -> PayRange:
    """start..end, marked as a pay period when it is exactly one of the site's periods."""
    check_order(start, end)
    return pay_range(get_site(ws), start, end)


def period_containing(ws: Workspace, day: date) -> PayRange:
    """The site's pay period that contains ``day``."""
    return period_of(get_site(ws), day)


def recent_periods(ws: Workspace, day: date, before: int = 12, after: int = 2) -> list[PayRange]:
    """The period containing ``day`` with ``before`` earlier and ``after`` later ones."""
    return periods_around(get_site(ws), day, before, after)


def choose_range(ws: Workspace, start: date | None, end: date | None, period: date | None) -> PayRange:
    """The range a command asked for: ``--period D`` (the pay period containing D) or
    ``--from``/``--to`` together, never both."""
    if period is not None:
        if start is not None or end is not None:
            raise InputError(msg("give either --period or --from/--to, not both"))
        return period_containing(ws, period)
    if start is None or end is None:
        raise InputError(msg("give --period YYYY-MM-DD, or both --from and --to"))
    return range_of(ws, start, end)
