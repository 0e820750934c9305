"""Money helpers: Decimal in the core, integer cents in storage, ROUND_HALF_UP per pay line."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import msg, msg_n

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


MAX_AMOUNT = Decimal("100000")  # no premium or multiplier is this large: a typo
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
_SPACE_GROUPS = re.compile(r"^\d{1,3}( \d{3})+([.,]\d*)?$")
_CURRENCY = "$€£"


def not_a_number(field: Field, text: str, example: str) -> FieldError:
    """The refusal of text that is no number (one wording for every amount)."""
    return FieldError(
        field, msg('"{text}" is not a number; write it like {example}', text=text, example=example)
    )


def read_number(text: str, field: Field = Field.AMOUNT, example: str = "20.00") -> Decimal:
    """The number a user typed: ``20``, ``20.5``, ``$1,020.50``, ``1 020,50``, ``21,50`` (a
    decimal comma, as French-Canadian clerks write it), ``-3``. Ambiguous commas (``2,1500``)
    and text that is no number are refused; the value is not range-checked here."""
    shown = text.strip()
    cleaned = shown.strip(_CURRENCY).strip()
    negative = cleaned.startswith("-")
    if negative:
        cleaned = cleaned[1:].strip(_CURRENCY).strip()
    cleaned = cleaned.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in cleaned:
        if not _SPACE_GROUPS.match(cleaned):
            raise not_a_number(field, shown, example)
        cleaned = cleaned.replace(" ", "")
    if "," in cleaned:
        if _DECIMAL_COMMA.match(cleaned):
            cleaned = cleaned.replace(",", ".")
        elif _THOUSANDS.match(cleaned):
            cleaned = cleaned.replace(",", "")
        else:
            raise not_a_number(field, shown, example)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise not_a_number(field, shown, example) from None
    if not value.is_finite() or cleaned[:1] in ("+", "-"):
        raise not_a_number(field, shown, example)
    return -value if negative else value


def check_amount(
    value: Decimal,
    field: Field = Field.AMOUNT,
    *,
    places: int = 4,
    maximum: Decimal = MAX_AMOUNT,
    example: str = "20.00",
    shown: str | None = None,
) -> Decimal:
    """``value`` if it is a finite amount from 0 to ``maximum`` with at most ``places``
    decimals; FieldError naming ``field`` otherwise. The range is checked before the
    precision, so 1e308 is "too large" rather than an arithmetic error."""
    text = shown if shown is not None else _plain(value)
    if not value.is_finite():
        raise not_a_number(field, text, example)
    if value < 0:
        raise FieldError(field, msg("{text} is negative", text=text))
    if value > maximum:
        raise FieldError(
            field, msg("{text} is too large (at most {limit})", text=text, limit=_plain(maximum))
        )
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise FieldError(
            field, msg_n("{text} has more than {count} decimal place", "{text} has more than {count} "
                         "decimal places", places, text=text)
        )
    return value


def parse_money(
    text: str,
    field: Field = Field.AMOUNT,
    *,
    places: int = 4,
    maximum: Decimal = MAX_AMOUNT,
    example: str = "20.00",
) -> Decimal:
    """A typed amount (see ``read_number``) from 0 to ``maximum`` with at most ``places``
    decimals; NaN, infinity and negatives are refused."""
    value = read_number(text, field, example)
    return check_amount(value, field, places=places, maximum=maximum, example=example, shown=text.strip())


def _plain(value: Decimal) -> str:
    """A Decimal as a person would write it (no exponent for ordinary sizes)."""
    if not value.is_finite():
        return str(value)
    if abs(value.adjusted()) > 30:
        return str(value)
    return f"{value:f}"


def exact_cents(amount: Decimal) -> int | None:
    """Integer cents of ``amount``, or None when it holds a fraction of a cent (never rounded:
    a pay rate is stored exactly as given)."""
    if not amount.is_finite():
        return None
    scaled = amount.scaleb(2)
    if scaled != scaled.to_integral_value():
        return None
    return int(scaled)
