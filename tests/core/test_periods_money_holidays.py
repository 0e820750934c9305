from datetime import date
from decimal import Decimal

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.fields import Field
from deskwfm.core.holidays import holidays_between, validate_region
from deskwfm.core.model import PayPeriodKind
from deskwfm.core.money import from_cents, hours_text, parse_money, round_cents, to_cents
from deskwfm.core.periods import next_period, period_containing, previous_period, week_start_of
from deskwfm.core.site import SiteSettings


def test_week_start() -> None:
    assert week_start_of(date(2026, 11, 25), 6) == date(2026, 11, 22)  # Sunday weeks
    assert week_start_of(date(2026, 11, 25), 0) == date(2026, 11, 23)  # Monday weeks


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        (PayPeriodKind.WEEKLY, date(2026, 11, 25), (date(2026, 11, 22), date(2026, 11, 28))),
        (PayPeriodKind.BIWEEKLY, date(2026, 11, 25), (date(2026, 11, 22), date(2026, 12, 5))),
        (PayPeriodKind.BIWEEKLY, date(2025, 12, 31), (date(2025, 12, 21), date(2026, 1, 3))),
        (PayPeriodKind.SEMIMONTHLY, date(2026, 2, 20), (date(2026, 2, 16), date(2026, 2, 28))),
        (PayPeriodKind.SEMIMONTHLY, date(2026, 2, 15), (date(2026, 2, 1), date(2026, 2, 15))),
        (PayPeriodKind.MONTHLY, date(2028, 2, 10), (date(2028, 2, 1), date(2028, 2, 29))),
    ],
)
def test_pay_periods(kind: PayPeriodKind, day: date, expected: tuple[date, date]) -> None:
    s = SiteSettings(pay_period=kind, period_anchor=date(2026, 1, 4))
    assert period_containing(day, s) == expected
    nxt = next_period(expected[0], s)
    assert previous_period(nxt[0], s) == expected


def test_money_rounds_half_up_and_round_trips_through_cents() -> None:
    assert round_cents(Decimal("0.005")) == Decimal("0.01")
    assert round_cents(Decimal("2.675")) == Decimal("2.68")  # a float would give 2.67
    assert to_cents(Decimal("1060.005")) == 106001
    assert from_cents(106001) == Decimal("1060.01")
    assert hours_text(450) == "7.50" and hours_text(20) == "0.33"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("abc", "is not a number"),
        ("NaN", "is not a number"),
        ("inf", "is not a number"),
        ("-5", "is negative"),
        ("1e17", "too large"),
        ("1.23456", "more than 4 decimal places"),
        ("1e40", "too large"),
        ("1e400", "too large"),
        ("2,1500", "is not a number"),
        ("1,2,3", "is not a number"),
    ],
)
def test_bad_money_is_refused_with_a_reason(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_money(text, Field.AMOUNT)


def test_money_accepts_common_forms() -> None:
    assert parse_money("$1,020.50") == Decimal("1020.50")
    assert parse_money("1,020") == Decimal("1020")
    assert parse_money("21,50") == Decimal("21.50")  # decimal comma
    assert parse_money(" 21.5 ") == Decimal("21.5")
    assert parse_money("1 020,50") == Decimal("1020.50")  # French grouping and decimal comma
    assert parse_money("1\u00a0020,50 $") == Decimal("1020.50")


def test_holiday_regions() -> None:
    assert date(2026, 7, 4) in holidays_between("US-CA", date(2026, 7, 1), date(2026, 7, 31))
    assert holidays_between("NONE", date(2026, 1, 1), date(2026, 12, 31)) == {}
    with pytest.raises(InputError, match="unknown holiday region"):
        validate_region("XX-YY")
