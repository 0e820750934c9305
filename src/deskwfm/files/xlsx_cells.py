"""Turn one cell's value (as python-calamine returns it) into what a column expects.

A cell may hold an Excel date/time (``date``, ``datetime``, ``time``, ``timedelta``), a number
(always ``float``), a bool or text. This module only undoes the spreadsheet's encoding (day
fractions, serial dates, binary floats); every rule on the value (a time of day, a rate, hours,
a break) is ``core``'s, so a cell accepts exactly what the dialogs and the CLI accept. A
converter returns the value, or raises CellError (a cell-type problem) or a core FieldError,
whose message says what was expected, quoting what the cell held.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from deskwfm.core.employees import RATE_EXAMPLE, check_rate, parse_week_hours
from deskwfm.core.entry import parse_break_minutes, parse_time_of_day
from deskwfm.core.fields import Field
from deskwfm.core.hours import WEEK_MINUTES, hours_to_minutes
from deskwfm.core.messages import Msg, msg
from deskwfm.core.money import read_number
from deskwfm.core.periods import FIRST_DATE, LAST_DATE
from deskwfm.core.text import fold

_EXCEL_EPOCH = date(1899, 12, 30)


class CellError(ValueError):
    """A cell does not hold what its column expects; ``msg`` says so to the user."""

    def __init__(self, message: Msg) -> None:
        self.msg = message
        super().__init__(message.key)

    def __str__(self) -> str:
        return str(self.msg)


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
            raise CellError(msg('"{value}" is not text or a number', value=shown(value)))
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
# French, read from the folded text ("lun. 2 mars 2026" -> "lun 2 mars 2026")
_FR_WEEKDAY_PREFIX = re.compile(r"^(lun|mar|mer|jeu|ven|sam|dim)[a-z]*\s+(?=\d)")
_FR_MONTHS = {
    "janv": 1, "janvier": 1, "fevr": 2, "fevrier": 2, "mars": 3, "avr": 4, "avril": 4, "mai": 5,
    "juin": 6, "juil": 7, "juillet": 7, "aout": 8, "sept": 9, "septembre": 9, "oct": 10, "octobre": 10,
    "nov": 11, "novembre": 11, "dec": 12, "decembre": 12,
}
_FR_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})$")
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
    return _french_date(text)


def _french_date(text: str) -> date | None:
    """``2 mars 2026``, ``lun. 2 mars 2026``, ``1er janv. 2027``."""
    folded = " ".join(
        "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
        .replace(".", " ").replace(",", " ").split()
    )
    m = _FR_DAY_MONTH_YEAR.match(_FR_WEEKDAY_PREFIX.sub("", folded))
    if m is None or m.group(2) not in _FR_MONTHS:
        return None
    try:
        return date(int(m.group(3)), _FR_MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        return None


def check_date_range(d: date) -> date:
    if not FIRST_DATE <= d <= LAST_DATE:
        raise CellError(msg('"{day:date}" is outside the plausible range {first:date} to {last:date}',
                            day=d, first=FIRST_DATE, last=LAST_DATE))
    return d


def to_date(value: Any) -> date:
    """An Excel date, a date serial number or date text, within FIRST_DATE..LAST_DATE."""
    if isinstance(value, datetime):
        if value.time() != time(0, 0):
            raise CellError(
                msg('"{value}" is a date and time; expected a date like 2026-03-02', value=shown(value))
            )
        return check_date_range(value.date())
    if isinstance(value, date):
        return check_date_range(value)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer() or not 1 <= value <= 2_958_465:
            raise CellError(msg('"{value}" is not a date; write it like 2026-03-02', value=shown(value)))
        return check_date_range(_EXCEL_EPOCH + timedelta(days=int(value)))
    text = to_text(value)
    d = parse_date_text(text)
    if d is None:
        raise CellError(msg('"{value}" is not a date; write it like 2026-03-02', value=text))
    return check_date_range(d)


def to_time(value: Any, *, is_end: bool = False, field: Field = Field.TIME) -> time:
    """An Excel time (fraction of a day), a datetime on Excel's day zero, whole hours as a
    number, or time text read by ``core.entry.parse_time_of_day``; whole minutes only."""
    if isinstance(value, time):
        if value.second or value.microsecond:
            raise CellError(msg('"{value}" is not a whole minute; write it like 09:30', value=shown(value)))
        return value.replace(tzinfo=None)
    if isinstance(value, timedelta):
        secs = value.total_seconds()
        if secs % 60 == 0 and 0 <= secs <= 86_400:
            total = int(secs // 60)
            if total == 1440 and is_end:
                total = 0
            if total < 1440:
                return time(total // 60, total % 60)
        return parse_time_of_day(str(value), field, is_end=is_end)  # refused with the one message
    if isinstance(value, datetime):
        if value.date() in (date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1)):
            return to_time(value.time(), is_end=is_end, field=field)
        raise CellError(msg('"{value}" is a date, not a time; write it like 09:30', value=shown(value)))
    if isinstance(value, float) and math.isfinite(value) and 0 <= value < 1:
        minutes = value * 1440
        if abs(minutes - round(minutes)) < 1e-6:
            total = round(minutes) % 1440
            return time(total // 60, total % 60)
    return parse_time_of_day(to_text(value) if not isinstance(value, float) else shown(value), field,
                             is_end=is_end)


def to_number(value: Any, field: Field, example: str = "20.00") -> Decimal:
    """A number cell as an exact Decimal, or number text read by ``core.money.read_number``;
    the range and precision are the caller's core rule. A float is taken at its shortest repr
    after dropping binary noise below 1e-9 (``22.000000000000004`` from a formula is 22)."""
    if isinstance(value, bool):
        raise CellError(msg('"{value}" is not a number', value=shown(value)))
    if isinstance(value, float):
        if not math.isfinite(value):
            return read_number(str(value), field, example)  # refused: not a number
        rounded = round(value, 4)
        if abs(rounded - value) < 1e-9:
            value = rounded
        return Decimal(repr(value))
    if isinstance(value, int):
        return Decimal(value)
    return read_number(to_text(value), field, example)


def to_rate(value: Any) -> Decimal:
    """An hourly rate cell, checked by ``core.employees.check_rate``."""
    return check_rate(to_number(value, Field.RATE, RATE_EXAMPLE), shown=shown(value))


def to_week_minutes(value: Any, field: Field) -> int:
    """Contract or maximum hours per week (a number, ``37.5`` or ``37:30``) as minutes."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return hours_to_minutes(to_number(value, field), field, max_minutes=WEEK_MINUTES, shown=shown(value))
    minutes = parse_week_hours(to_text(value), field)
    return 0 if minutes is None else minutes


def to_break_minutes(value: Any, field: Field = Field.BREAK) -> int:
    """Whole minutes of unpaid break (a number or number text); the range is core's rule."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return parse_break_minutes(shown(value), field)


# English and French, whatever the language chosen (folded: "Oui" -> "oui")
_TRUE = {"yes", "y", "true", "1", "active", "x", "oui", "o", "vrai", "actif"}
_FALSE = {"no", "n", "false", "0", "inactive", "non", "faux", "inactif"}


def to_bool(value: Any, default: bool = True) -> bool:
    if is_blank(value):
        return default
    if isinstance(value, bool):
        return value
    text = fold(to_text(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(msg('"{value}" is not yes or no', value=to_text(value)))
