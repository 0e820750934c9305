"""Which ranges are pay periods, and how every document names a range (core.pay_range)."""

from __future__ import annotations

from datetime import date

import pytest

from deskwfm.core.i18n import render
from deskwfm.core.model import PayPeriodKind
from deskwfm.core.pay_range import pay_range, period_of, periods_around, step_period
from deskwfm.core.site import SiteSettings

BIWEEKLY = SiteSettings()  # from Sun 2026-01-04


@pytest.mark.parametrize("kind, day, expected", [
    (PayPeriodKind.BIWEEKLY, date(2026, 11, 24), (date(2026, 11, 22), date(2026, 12, 5))),
    (PayPeriodKind.WEEKLY, date(2026, 11, 24), (date(2026, 11, 22), date(2026, 11, 28))),
    (PayPeriodKind.SEMIMONTHLY, date(2026, 11, 24), (date(2026, 11, 16), date(2026, 11, 30))),
    (PayPeriodKind.MONTHLY, date(2026, 2, 14), (date(2026, 2, 1), date(2026, 2, 28))),
])
def test_the_period_containing_a_day_follows_the_site(kind: PayPeriodKind, day: date,
                                                      expected: tuple[date, date]) -> None:
    site = SiteSettings(pay_period=kind)
    rng = period_of(site, day)
    assert (rng.start, rng.end, rng.is_pay_period) == (*expected, True)
    assert pay_range(site, *expected).is_pay_period


def test_a_range_is_a_pay_period_only_when_it_is_exactly_one() -> None:
    assert pay_range(BIWEEKLY, date(2026, 11, 22), date(2026, 12, 5)).is_pay_period
    assert not pay_range(BIWEEKLY, date(2026, 11, 22), date(2026, 11, 28)).is_pay_period  # a week of it
    assert not pay_range(BIWEEKLY, date(2026, 11, 15), date(2026, 11, 28)).is_pay_period  # 14 days, shifted
    assert not pay_range(BIWEEKLY, date(2026, 11, 8), date(2026, 12, 5)).is_pay_period  # two periods


def test_labels_say_whether_a_range_is_a_pay_period() -> None:
    period = pay_range(BIWEEKLY, date(2026, 11, 22), date(2026, 12, 5))
    week = pay_range(BIWEEKLY, date(2026, 11, 22), date(2026, 11, 28))
    assert render(period.label()) == "Pay period 2026-11-22 to 2026-12-05"
    assert (render(period.heading()), render(period.dates())) == ("Pay period", "2026-11-22 to 2026-12-05")
    assert render(week.label()) == "Date range 2026-11-22 to 2026-11-28 (not a pay period)"
    assert (render(week.heading()), render(week.dates())) == (
        "Date range", "2026-11-22 to 2026-11-28 (not a pay period)")


def test_recent_periods_and_steps() -> None:
    around = periods_around(BIWEEKLY, date(2026, 11, 24), before=2, after=1)
    assert [(p.start.isoformat(), p.end.isoformat()) for p in around] == [
        ("2026-10-25", "2026-11-07"), ("2026-11-08", "2026-11-21"), ("2026-11-22", "2026-12-05"),
        ("2026-12-06", "2026-12-19"),
    ]
    assert step_period(BIWEEKLY, date(2026, 11, 24), -1).start == date(2026, 11, 8)
    semimonthly = SiteSettings(pay_period=PayPeriodKind.SEMIMONTHLY)
    assert step_period(semimonthly, date(2026, 12, 20), 1).start == date(2027, 1, 1)
