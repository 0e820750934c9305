"""Money helpers: Decimal in the core, integer cents in storage, ROUND_HALF_UP per pay line."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from deskwfm.core.errors import InputError

CENT = Decimal("0.01")
_SIXTY = Decimal(60)


def round_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    return int(round_cents(amount) * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def minutes_pay(minutes: int, hourly: Decimal) -> Decimal:
    """Unrounded pay for minutes at an hourly rate."""
    return Decimal(minutes) * hourly / _SIXTY


def hours_text(minutes: int) -> str:
    """Minutes as decimal hours with two places ("7.50"), exact for any whole minute count."""
    return str(round_cents(Decimal(minutes) / _SIXTY))


MAX_AMOUNT = Decimal("100000")  # no hourly rate or premium is this large: a typo
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")


def parse_money(text: str, what: str = "amount") -> Decimal:
    """Parse a user-typed amount such as ``20``, ``20.5``, ``$1,020.50`` or ``21,50`` (a decimal
    comma, as French-Canadian clerks write it); refuse NaN, infinity, negatives, more than four
    decimals, absurd sizes and ambiguous commas such as ``2,1500``."""
    hint = f'{what} "{text}" is not a number; write it like 20.00'
    cleaned = text.strip().lstrip("$€£").strip()
    if "," in cleaned:
        if _DECIMAL_COMMA.match(cleaned):
            cleaned = cleaned.replace(",", ".")
        elif _THOUSANDS.match(cleaned):
            cleaned = cleaned.replace(",", "")
        else:
            raise InputError(hint)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InputError(hint) from None
    if not value.is_finite():
        raise InputError(hint)
    if value < 0:
        raise InputError(f"{what} {text} is negative")
    if value > MAX_AMOUNT:
        raise InputError(f"{what} {text} is too large (at most {MAX_AMOUNT:,})")
    if value != value.quantize(Decimal("0.0001")):
        raise InputError(f'{what} "{text}" has more than 4 decimal places')
    return value
