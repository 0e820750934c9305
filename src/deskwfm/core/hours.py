"""A number of hours a user types or imports (contract hours, rule thresholds) as whole minutes.

``37.5`` and ``37:30`` are both 2,250 minutes. Decimal hours may have up to four places and
are rounded to the nearest minute, half up (``0.01`` h is 1 minute): a clerk who writes
37.33 for 37 h 20 min gets 2,240 minutes, not a refusal.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import msg
from deskwfm.core.money import check_amount, read_number

WEEK_MINUTES = 7 * 24 * 60
_H_MM = re.compile(r"^(\d{1,3}):([0-5]\d)$")
_SIXTY = Decimal(60)


def _limit(max_minutes: int) -> Decimal:
    return Decimal(max_minutes) / _SIXTY


def _too_large(field: Field, shown: str, max_minutes: int) -> FieldError:
    limit = f"{_limit(max_minutes).normalize():f}"
    return FieldError(field, msg("{text} is too large (at most {limit})", text=shown, limit=limit))


def hours_to_minutes(hours: Decimal, field: Field, *, max_minutes: int, shown: str | None = None) -> int:
    """Decimal hours (0 up to ``max_minutes``/60, four places at most) as whole minutes."""
    text = shown if shown is not None else f"{hours:f}" if hours.is_finite() else str(hours)
    if hours.is_finite() and hours > _limit(max_minutes):
        raise _too_large(field, text, max_minutes)
    value = check_amount(hours, field, maximum=_limit(max_minutes), example="37.5", shown=text)
    return min(max_minutes, int((value * _SIXTY).quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def parse_hours(text: str, field: Field, *, max_minutes: int = WEEK_MINUTES) -> int | None:
    """``37.5``, ``37,5`` or ``37:30`` as minutes; blank is None (no value)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    m = _H_MM.match(cleaned)
    if m:
        minutes = int(m.group(1)) * 60 + int(m.group(2))
        if minutes > max_minutes:
            raise _too_large(field, cleaned, max_minutes)
        return minutes
    hours = read_number(cleaned, field, "37.5")
    return hours_to_minutes(hours, field, max_minutes=max_minutes, shown=cleaned)


def check_minutes(minutes: int, field: Field, *, max_minutes: int = WEEK_MINUTES) -> int:
    """Whole minutes already counted (a stored value, a preset) from 0 to ``max_minutes``."""
    if not 0 <= minutes <= max_minutes:
        raise FieldError(
            field,
            msg("{m:hours} hours is outside 0 to {limit:hours} hours", m=minutes, limit=max_minutes),
        )
    return minutes
