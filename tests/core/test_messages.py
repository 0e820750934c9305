"""Messages are data until the edge: a key and parameters, rendered with locale formats."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from deskwfm.core import i18n
from deskwfm.core.errors import InputError, StaleEditError
from deskwfm.core.messages import msg, msg_n, verbatim


@pytest.fixture(autouse=True)
def _english() -> None:
    i18n.set_language("en")


def test_english_render_fills_placeholders_with_locale_formats() -> None:
    m = msg(
        "{code} on {day:day}: {minutes:hours} h at {rate:rate} = {amount:money}",
        code="AG014", day=date(2026, 11, 24), minutes=450, rate=Decimal("35.625"), amount=Decimal("1060"),
    )
    assert str(m) == "AG014 on Tue 2026-11-24: 7.50 h at $35.625 = $1,060.00"


def test_french_formats_numbers_money_and_weekdays_the_canadian_way() -> None:
    assert i18n.format_money(Decimal("1060"), "$", "fr") == "1\u00a0060,00\u00a0$"
    assert i18n.format_money(Decimal("1060"), "$", "en") == "$1,060.00"
    assert i18n.format_hours(450, "fr") == "7,50"
    assert i18n.format_day(date(2026, 11, 23), "fr") == "lun. 2026-11-23"
    assert i18n.format_time(time(9, 5)) == "09:05"


def test_plural_comes_from_the_catalog_not_a_suffix() -> None:
    assert str(msg_n("{count} cell", "{count} cells", 1)) == "1 cell"
    assert str(msg_n("{count} cell", "{count} cells", 3)) == "3 cells"


def test_errors_carry_the_message_and_render_it() -> None:
    exc = InputError(msg("no employee with code {code}", code="X1"))
    assert exc.msg.key == "no employee with code {code}"
    assert exc.msg.params["code"] == "X1"
    assert str(exc) == "no employee with code X1"
    stale = StaleEditError(msg("the shift of {code} on {day:day}", code="A", day=date(2026, 11, 24)))
    assert str(stale).startswith("the shift of A on Tue 2026-11-24 was changed elsewhere")


def test_verbatim_text_is_never_translated_and_nested_messages_render() -> None:
    inner = verbatim("{not a placeholder}")
    assert str(msg("cell {where}: {problem}", where="B2", problem=inner)) == "cell B2: {not a placeholder}"


def test_money_rounds_half_up_and_keeps_the_sign() -> None:
    assert i18n.format_money(Decimal("-0.005"), "$", "en") == "-$0.01"
    assert i18n.format_money(Decimal("-0.004"), "$", "en") == "$0.00"
    assert i18n.format_rate(Decimal("20"), "$", "en") == "$20.00"
