"""The one message catalog and the locale formats of every layer (GUI, CLI, PDF, xlsx).

The language is process-wide: ``set_language("fr")`` once at start-up (``--lang``, the saved
choice, or the system locale). ``render(msg)`` translates a ``Msg`` through gettext catalogs in
``resources/locale/<lang>/LC_MESSAGES/deskwfm.mo`` and fills its placeholders with values
formatted for that language (see ``deskwfm.core.messages`` for the format specs). ``tr(text)``
translates a literal for the edges (menu items, column headings).

English is the source language: its "catalog" is the keys themselves. Formatting hot paths
(hours and money in the grid) use plain string operations on symbols taken once per language.
"""

from __future__ import annotations

import gettext as _gettext
import string
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from deskwfm.core.messages import Msg

LANGUAGES: tuple[str, ...] = ("en", "fr")
DOMAIN = "deskwfm"
_state: dict[str, str] = {"lang": "en"}
_CENT = Decimal("0.01")


def language() -> str:
    """The current language code (``en`` or ``fr``)."""
    return _state["lang"]


def set_language(lang: str) -> str:
    """Switch the process's language; unknown codes fall back to English. Returns the code set."""
    code = normalise_language(lang)
    _state["lang"] = code
    return code


def normalise_language(lang: str | None) -> str:
    """``fr_CA.UTF-8``, ``fr-CA``, ``FR`` -> ``fr``; anything else -> ``en``."""
    if not lang:
        return "en"
    head = lang.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return head if head in LANGUAGES else "en"


def locale_dir() -> Path | None:
    """Where the compiled catalogs live (installed package, bundle or checkout), or None."""
    try:
        from deskwfm.resources import resource_dir

        d = resource_dir() / "locale"
    except Exception:  # a stripped install: English only
        return None
    return d if d.is_dir() else None


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext catalog of ``lang`` (English and a missing catalog: the keys themselves)."""
    if lang == "en":
        return _gettext.NullTranslations()
    folder = locale_dir()
    if folder is None:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, str(folder), languages=[lang], fallback=True)


def tr(text: str, lang: str | None = None) -> str:
    """``text`` (an English literal) in the current language."""
    return translations(lang or _state["lang"]).gettext(text)


def tr_n(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang or _state["lang"]).ngettext(singular, plural, n)


# ---------------------------------------------------------------- locale formats
class _Symbols:
    """Decimal and group symbols and the currency pattern of one language (from Babel, once)."""

    def __init__(self, lang: str) -> None:
        if lang == "en":
            self.decimal, self.group, self.money_suffix = ".", ",", False
            return
        from babel import Locale

        loc = Locale.parse(babel_locale(lang))
        self.decimal = loc.number_symbols["latn"]["decimal"]
        self.group = loc.number_symbols["latn"]["group"]
        pattern = loc.currency_formats["standard"].pattern
        self.money_suffix = pattern.strip().endswith("\xa4")


@cache
def _symbols(lang: str) -> _Symbols:
    return _Symbols(lang)


def babel_locale(lang: str | None = None) -> str:
    """The Babel/CLDR locale of a language: Canadian English and Canadian French."""
    return {"fr": "fr_CA"}.get(lang or _state["lang"], "en_CA")


def _grouped(digits: str, group: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return group.join(parts)


def format_decimal(value: Decimal | int, places: int = 2, lang: str | None = None, group: bool = True) -> str:
    """``1234.5`` -> "1,234.50" (en) / "1 234,50" (fr), rounded half-up to ``places``."""
    sym = _symbols(lang or _state["lang"])
    q = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    text = f"{abs(q):f}"
    whole, _, frac = text.partition(".")
    if group and len(whole) > 3:
        whole = _grouped(whole, sym.group)
    return f"{sign}{whole}{sym.decimal + frac if frac else ''}"


def format_exact(value: Decimal, lang: str | None = None) -> str:
    """A decimal with the places it has (at most 4), in the reader's style: 1.5 -> "1.5" / "1,5"."""
    exponent = value.normalize().as_tuple().exponent
    places = min(4, max(0, -exponent)) if isinstance(exponent, int) else 0
    return format_decimal(value, places, lang, group=False)


def format_hours(minutes: int, lang: str | None = None) -> str:
    """Minutes as decimal hours with two places: 450 -> "7.50" / "7,50" (exact for whole minutes)."""
    return format_decimal(Decimal(minutes) / 60, 2, lang, group=False)


def format_money(amount: Decimal, symbol: str = "$", lang: str | None = None, places: int = 2) -> str:
    """"$1,060.00" (en) / "1 060,00 $" (fr)."""
    sym = _symbols(lang or _state["lang"])
    rounded = Decimal(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    number = format_decimal(abs(rounded), places, lang)
    sign = "-" if rounded < 0 else ""
    if sym.money_suffix:
        return f"{sign}{number}\xa0{symbol}"
    return f"{sign}{symbol}{number}"


def rate_places(rate: Decimal) -> int:
    """Decimal places that show a rate exactly (2 to 4): 35.625 -> 3, 20 -> 2."""
    q = rate.quantize(Decimal("0.0001")).normalize()
    exp = -int(q.as_tuple().exponent) if isinstance(q.as_tuple().exponent, int) else 2
    return min(4, max(2, exp))


def format_rate(rate: Decimal, symbol: str = "$", lang: str | None = None) -> str:
    """An hourly rate with the precision it is used with, so lines multiply out ($35.625)."""
    return format_money(rate, symbol, lang, rate_places(rate))


def format_int(n: int, lang: str | None = None) -> str:
    """A grouped whole number: 1234 -> "1,234" / "1 234"."""
    return ("-" if n < 0 else "") + _grouped(str(abs(n)), _symbols(lang or _state["lang"]).group)


def _decimal(value: object) -> Decimal:
    """Staffing figures arrive as floats from Erlang C (or as ints/Decimals): through ``str`` so
    0.1 stays 0.1 rather than its binary expansion."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def format_agents(agents: float | Decimal, lang: str | None = None) -> str:
    """Agents on the phones, one decimal when fractional: 12 -> "12", 11.5 -> "11.5" / "11,5"."""
    tenths = _decimal(agents).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if tenths == tenths.to_integral_value():
        return format_int(int(tenths), lang)
    return format_decimal(tenths, 1, lang)


def format_percent(share: float | Decimal, lang: str | None = None) -> str:
    """A share (0..1) as a percentage with one decimal: 0.8234 -> "82.3 %" / "82,3 %"."""
    pct = (_decimal(share) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{format_decimal(pct, 1, lang)}\u00a0%"


def format_time(t: time) -> str:
    """24-hour time in every language: 09:05."""
    return f"{t.hour:02d}:{t.minute:02d}"


# English names are spelled out rather than taken from strftime: once Qt has set the C library's
# locale from the system (QCoreApplication does on Unix), ``%a`` would follow the system, not the
# language chosen in deskwfm. French names come from Babel (CLDR fr_CA).
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_LONG_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EN_LONG_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
# CLDR patterns of each shape (English is built from the tables above)
_FR_PATTERNS = {
    "wd": "EEE", "short": "EEE d MMM", "medium": "EEE d MMM y", "long": "EEEE d MMMM y",
    "month": "MMMM y", "day_month": "d MMM",
}


@lru_cache(maxsize=8192)
def _date_text(d: date, shape: str, code: str) -> str:
    if code == "en":
        wd, mon = _EN_DAYS[d.weekday()], _EN_MONTHS[d.month - 1]
        return {
            "wd": wd,
            "short": f"{wd} {d.day} {mon}",
            "medium": f"{wd} {d.day} {mon} {d.year}",
            "long": f"{_EN_LONG_DAYS[d.weekday()]} {d.day} {_EN_LONG_MONTHS[d.month - 1]} {d.year}",
            "month": f"{_EN_LONG_MONTHS[d.month - 1]} {d.year}",
            "day_month": f"{d.day} {mon}",
        }[shape]
    from babel.dates import format_date

    return str(format_date(d, _FR_PATTERNS[shape], locale=babel_locale(code)))


def weekday_name(weekday: int, lang: str | None = None) -> str:
    """A weekday's whole name, Monday = 0: "Sunday" / "dimanche"."""
    code = lang or _state["lang"]
    if code == "en":
        return _EN_LONG_DAYS[weekday]
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=babel_locale(code))[weekday])


def format_day(d: date, lang: str | None = None) -> str:
    """Weekday and ISO date: "Tue 2026-11-24" / "mar. 2026-11-24"."""
    return f"{weekday_abbr(d, lang)} {d.isoformat()}"


def weekday_abbr(d: date, lang: str | None = None) -> str:
    """"Mon" / "lun."."""
    return _date_text(d, "wd", lang or _state["lang"])


def format_short_date(d: date, lang: str | None = None) -> str:
    """Weekday, day and month, as in the grid's headers: "Mon 23 Nov" / "lun. 23 nov."."""
    return _date_text(d, "short", lang or _state["lang"])


def format_medium_date(d: date, lang: str | None = None) -> str:
    """"Mon 23 Nov 2026" / "lun. 23 nov. 2026"."""
    return _date_text(d, "medium", lang or _state["lang"])


def format_day_month(d: date, lang: str | None = None) -> str:
    """"23 Nov" / "23 nov."."""
    return _date_text(d, "day_month", lang or _state["lang"])


def format_month(d: date, lang: str | None = None) -> str:
    """"November 2026" / "novembre 2026"."""
    return _date_text(d, "month", lang or _state["lang"])


def format_long_date(d: date, lang: str | None = None) -> str:
    """"Monday 23 November 2026" / "lundi 23 novembre 2026"."""
    return _date_text(d, "long", lang or _state["lang"])


def format_date_range(first: date, last: date, lang: str | None = None) -> str:
    """"Mon 23 Nov – Sun 6 Dec 2026" (the year once when both days share it)."""
    if first.year == last.year:
        return f"{format_short_date(first, lang)} – {format_medium_date(last, lang)}"
    return f"{format_medium_date(first, lang)} – {format_medium_date(last, lang)}"


def format_datetime(when: datetime) -> str:
    """A moment as people read it in both languages: 2026-11-24 14:05 (24-hour)."""
    return f"{when.date().isoformat()} {format_time(when.time())}"


# ---------------------------------------------------------------- rendering
class _Formatter(string.Formatter):
    def __init__(self, lang: str, currency: str) -> None:
        self.lang = lang
        self.currency = currency

    def format_field(self, value: Any, format_spec: str) -> str:
        lang = self.lang
        if isinstance(value, Msg):
            return render(value, lang, self.currency)
        localized = getattr(value, "localized", None)
        if localized is not None:  # a value that shows itself in each language (availability)
            return str(localized(lang))
        if format_spec == "datetime" and isinstance(value, datetime):
            return format_datetime(value)
        if format_spec == "date" and isinstance(value, date):
            return value.isoformat()
        if format_spec == "day" and isinstance(value, date):
            return format_day(value, lang)
        if format_spec == "long" and isinstance(value, date):
            return format_long_date(value, lang)
        if format_spec == "short" and isinstance(value, date):
            return format_short_date(value, lang)
        if format_spec == "medium" and isinstance(value, date):
            return format_medium_date(value, lang)
        if format_spec == "time" and isinstance(value, (time, datetime)):
            return format_time(value if isinstance(value, time) else value.time())
        if format_spec == "hours":
            return format_hours(int(value), lang)
        if format_spec == "money":
            return format_money(Decimal(value), self.currency, lang)
        if format_spec == "rate":
            return format_rate(Decimal(value), self.currency, lang)
        if format_spec == "dec":
            return format_exact(_decimal(value), lang)
        if format_spec == "num":
            return format_int(int(value), lang)
        if format_spec == "agents":
            return format_agents(_decimal(value), lang)
        if format_spec == "pct":
            return format_percent(_decimal(value), lang)
        return str(super().format_field(value, format_spec))


def render(m: Msg, lang: str | None = None, currency: str = "$") -> str:
    """The message in ``lang`` (default: the current language), placeholders filled."""
    code = lang or _state["lang"]
    if m.verbatim:
        return m.key
    cat = translations(code)
    text = cat.ngettext(m.key, m.plural, m.count or 0) if m.plural is not None else cat.gettext(m.key)
    if not m.params:
        return text
    try:
        return _Formatter(code, currency).vformat(text, (), dict(m.params))
    except (KeyError, IndexError, ValueError):
        # A catalog entry with broken placeholders must never hide the message: fall back to
        # the source text (tests/core/test_catalog.py keeps this from happening).
        return _Formatter(code, currency).vformat(m.key, (), dict(m.params))
