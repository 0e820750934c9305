"""Turn one cell's value (as python-calamine returns it) into what a column expects.

A cell may hold an Excel date/time (``date``, ``datetime``, ``time``, ``timedelta``), a number
(always ``float``), a bool or text. Each converter returns the value or raises CellError whose
message says what was expected, quoting what the cell held.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from deskwfm.core.periods import FIRST_DATE, LAST_DATE

_EXCEL_EPOCH = date(1899, 12, 30)


class CellError(ValueError):
    """A cell does not hold what its column expects; the message is for the user."""


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    return value.__class__ is str and (value == "" or not value.strip())


def shown(value: Any) -> str:
    """The cell as a user would recognise it in a message."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def to_text(value: Any) -> str:
    """Any cell as text: integral numbers lose their ``.0`` (a code typed as 1001)."""
    if is_blank(value):
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f'"{shown(value)}" is not text or a number')
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date | time):
        return shown(value)
    return str(value).strip()


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASH = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_WEEKDAY_PREFIX = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{4})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$", re.IGNORECASE)


def parse_date_text(text: str) -> date | None:
    """Dates written as text: ``2026-03-02``, ``Mon 2026-03-02``, ``2026/03/02``, ``2 Mar 2026``,
    ``Mar 2, 2026``. Day/month order in ``02/03/2026`` is ambiguous: it is accepted only when
    one of the two cannot be a month. Returns None when the text is not a date."""
    t = _WEEKDAY_PREFIX.sub("", text.strip())
    t = t.split("T")[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", t) else t
    t = t.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2} \d", t) else t
    try:
        if m := _ISO.match(t) or _YMD_SLASH.match(t):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _SLASH.match(t):
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if a > 12 >= b:
                return date(y, b, a)
            if b > 12 >= a:
                return date(y, a, b)
            if a == b:
                return date(y, a, b)
            return None
        if m := _DAY_MONTH_YEAR.match(t):
            month = _MONTHS.get(m.group(2).lower())
            return date(int(m.group(3)), month, int(m.group(1))) if month else None
        if m := _MONTH_DAY_YEAR.match(t):
            month = _MONTHS.get(m.group(1).lower())
            return date(int(m.group(3)), month, int(m.group(2))) if month else None
    except ValueError:
        return None
    return None


def check_date_range(d: date) -> date:
    if not FIRST_DATE <= d <= LAST_DATE:
        raise CellError(
            f'"{d.isoformat()}" is outside the plausible range {FIRST_DATE.isoformat()} to '
            f"{LAST_DATE.isoformat()}"
        )
    return d


def to_date(value: Any) -> date:
    """An Excel date, a date serial number or date text, within FIRST_DATE..LAST_DATE."""
    if isinstance(value, datetime):
        if value.time() != time(0, 0):
            raise CellError(f'"{shown(value)}" is a date and time; expected a date like 2026-03-02')
        return check_date_range(value.date())
    if isinstance(value, date):
        return check_date_range(value)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise CellError(f'"{shown(value)}" is not a date; write it like 2026-03-02')
        if not 1 <= value <= 2_958_465:
            raise CellError(f'"{shown(value)}" is not a date; write it like 2026-03-02')
        return check_date_range(_EXCEL_EPOCH + timedelta(days=int(value)))
    text = to_text(value)
    d = parse_date_text(text)
    if d is None:
        raise CellError(f'"{text}" is not a date; write it like 2026-03-02')
    return check_date_range(d)


_TIME_TEXT = re.compile(r"^(\d{1,2})(?:[:h.](\d{2}))?(?::(\d{2}))?\s*(a|am|p|pm)?$", re.IGNORECASE)
_TIME_COMPACT = re.compile(r"^(\d{3,4})$")


def parse_time_text(text: str, *, is_end: bool = False) -> time | None:
    """``9``, ``9:30``, ``09:30:00``, ``0930``, ``9:30 pm``, ``24:00`` (an end: midnight)."""
    t = text.strip().lower().replace(" ", "")
    if m := _TIME_COMPACT.match(t):
        hour, minute, second, mer = int(m.group(1)[:-2]), int(m.group(1)[-2:]), 0, None
    elif m := _TIME_TEXT.match(t):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        second, mer = int(m.group(3) or 0), m.group(4)
    else:
        return None
    if minute > 59 or second != 0:
        return None
    if mer:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if mer.startswith("p") else 0)
    elif hour == 24 and minute == 0 and is_end:
        hour = 0
    elif hour > 23:
        return None
    return time(hour, minute)


def to_time(value: Any, *, is_end: bool = False) -> time:
    """An Excel time (fraction of a day), a datetime on Excel's day zero, or time text;
    whole minutes only."""
    if isinstance(value, time):
        if value.second or value.microsecond:
            raise CellError(f'"{shown(value)}" is not a whole minute; write it like 09:30')
        return value.replace(tzinfo=None)
    if isinstance(value, timedelta):
        secs = value.total_seconds()
        if secs % 60 == 0 and 0 <= secs <= 86_400:
            total = int(secs // 60)
            if total == 1440 and is_end:
                total = 0
            if total < 1440:
                return time(total // 60, total % 60)
        raise CellError(f'"{value}" is not a time; write it like 09:30')
    if isinstance(value, datetime):
        if value.date() in (date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1)):
            return to_time(value.time(), is_end=is_end)
        raise CellError(f'"{shown(value)}" is a date, not a time; write it like 09:30')
    if isinstance(value, float):
        if math.isfinite(value) and 0 <= value < 1:
            minutes = value * 1440
            if abs(minutes - round(minutes)) < 1e-6:
                total = round(minutes) % 1440
                return time(total // 60, total % 60)
        if math.isfinite(value) and value.is_integer() and 0 <= value <= 24:
            return to_time(f"{int(value)}", is_end=is_end)
        raise CellError(f'"{shown(value)}" is not a time; write it like 09:30')
    text = to_text(value)
    t = parse_time_text(text, is_end=is_end)
    if t is None:
        raise CellError(f'"{text}" is not a time; write it like 09:30')
    return t


def to_whole_number(value: Any, what: str = "a whole number", *, low: int = 0, high: int = 10**9) -> int:
    """A non-negative whole number (minutes) from a number or number text."""
    if isinstance(value, bool):
        raise CellError(f'"{shown(value)}" is not {what}')
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise CellError(f'"{shown(value)}" is not {what}')
        n = int(value)
    else:
        text = to_text(value)
        if not re.fullmatch(r"-?\d+", text):
            raise CellError(f'"{text}" is not {what}')
        n = int(text)
    if n < low:
        raise CellError(f"{n} is negative; expected {what}")
    if n > high:
        raise CellError(f"{n} is more than {high}; expected {what}")
    return n


def to_decimal(value: Any, what: str = "an amount", *, places: int = 4) -> Decimal:
    """A non-negative finite number with at most ``places`` decimals (``NaN``, ``inf``,
    ``-3`` and ``abc`` are refused). A float is taken at its shortest repr, after dropping
    binary noise below 1e-9 (``22.000000000000004`` from a formula is 22)."""
    if isinstance(value, bool):
        raise CellError(f'"{shown(value)}" is not {what}')
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f'"{shown(value)}" is not a number; expected {what}')
        rounded = round(value, places)
        if abs(rounded - value) < 1e-9:
            value = rounded
        number = Decimal(repr(value))
    else:
        text = to_text(value).replace(",", "").lstrip("$€£ ").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(f'"{to_text(value)}" is not a number; expected {what}') from None
        if not number.is_finite():
            raise CellError(f'"{to_text(value)}" is not a number; expected {what}')
    if number < 0:
        raise CellError(f'"{shown(value)}" is negative; expected {what}')
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise CellError(f'"{shown(value)}" has more than {places} decimal places')
    return number


_TRUE = {"yes", "y", "true", "1", "active", "x"}
_FALSE = {"no", "n", "false", "0", "inactive"}


def to_bool(value: Any, default: bool = True) -> bool:
    if is_blank(value):
        return default
    if isinstance(value, bool):
        return value
    text = to_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f'"{to_text(value)}" is not yes or no')
