"""When an employee can be scheduled: a time window per weekday, and dates they cannot work.

The automatic scheduler only proposes shifts inside these, and a shift outside them is a rule
warning (``core.warnings``), so a hand-made schedule is checked by the same rule.

Both halves are written as short texts (the Employees dialog, the template's Employees sheet,
the command line and the database use the same form):

* weekdays: ``Mon-Fri 08:00-18:00, Sat`` - listed days only; a day without times is the
  whole day; times read like a shift (``8-18``, ``22-7`` runs past midnight, ``8h-18h``). An
  empty text means any day, any time. French day names are read too (``lun-ven 8h-18h, sam``,
  with or without the abbreviation's dot), whatever the language chosen; the stored text is
  the English form, and people see it in their language (``Availability.localized``).
* dates off: ``2026-12-24, 2026-12-28..2027-01-02`` - single dates and inclusive ranges.

A shift fits a window when it starts and ends inside it (the end may be past midnight when
the window is). A whole-day entry takes any shift that starts that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg, verbatim

Window = tuple[int, int]  # minutes after midnight; an end at or before the start is past midnight
WHOLE_DAY: Window = (0, 0)
DateRange = tuple[date, date]

_DAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("mon", "monday", "lun", "lundi"),
    ("tue", "tues", "tuesday", "mar", "mardi"),
    ("wed", "wednesday", "mer", "mercredi"),
    ("thu", "thur", "thurs", "thursday", "jeu", "jeudi"),
    ("fri", "friday", "ven", "vendredi"),
    ("sat", "saturday", "sam", "samedi"),
    ("sun", "sunday", "dim", "dimanche"),
)
_DAY_OF: dict[str, int] = {name: i for i, names in enumerate(_DAY_NAMES) for name in names}
_SHORT: dict[str, tuple[str, ...]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fr": ("lun", "mar", "mer", "jeu", "ven", "sam", "dim"),
}
_NONE = {"en": "none", "fr": "aucun"}
_NONE_WORDS = ("none", "aucun", "aucune")
_ITEM = re.compile(r"^([a-zà-ÿ]+)\.?(?:\s*-\s*([a-zà-ÿ]+)\.?)?\s*(.*)$")
MAX_DATE_RANGES = 200


@dataclass(frozen=True, slots=True)
class Availability:
    """``days``: Monday first, a window per weekday or None (not available that weekday).
    ``off``: date ranges (inclusive, sorted, not overlapping) the employee cannot work."""

    days: tuple[Window | None, ...] = (WHOLE_DAY,) * 7
    off: tuple[DateRange, ...] = ()

    @property
    def always(self) -> bool:
        return self.days == ALWAYS.days and not self.off

    def day_off(self, d: date) -> bool:
        """Whether ``d`` is one of the dates off."""
        return any(a <= d <= b for a, b in self.off)

    def fits(self, work_date: date, start: int, end: int) -> bool:
        """Whether a shift on ``work_date`` from minute ``start`` to ``end`` (minutes after that
        day's midnight; ``end`` above 1440 runs into the next day) is inside the availability."""
        if self.day_off(work_date):
            return False
        window = self.days[work_date.weekday()]
        if window is None:
            return False
        if window == WHOLE_DAY:
            return True
        lo, hi = window
        if hi <= lo:
            hi += 1440
        return lo <= start and end <= hi

    @property
    def weekly_text(self) -> str:
        return weekly_text(self.days)

    @property
    def off_text(self) -> str:
        return dates_text(self.off)

    def localized(self, lang: str) -> str:
        """How people read it in ``lang`` ("lun-ven 08:00-18:00; congé 2026-12-24"); a message
        parameter shows it this way (``core.i18n.render``)."""
        from deskwfm.core.i18n import render

        weekly = weekly_text(self.days, lang) or render(msg("any day, any time"), lang)
        if not self.off:
            return weekly
        said = msg("{weekly}; dates off {dates}", weekly=verbatim(weekly), dates=dates_text(self.off))
        return render(said, lang)


ALWAYS = Availability()


def _window_text(w: Window) -> str:
    a, b = w
    return f"{a // 60:02d}:{a % 60:02d}-{b // 60 % 24:02d}:{b % 60:02d}"


def weekly_text(days: tuple[Window | None, ...], lang: str = "en") -> str:
    """The text of the weekday windows (``""`` when every day is whole); English is the
    canonical, stored form, ``lang="fr"`` the one a French reader sees (both parse back)."""
    names = _SHORT.get(lang, _SHORT["en"])
    if all(w == WHOLE_DAY for w in days):
        return ""
    parts: list[str] = []
    i = 0
    while i < 7:
        w = days[i]
        j = i
        while j + 1 < 7 and days[j + 1] == w:
            j += 1
        if w is not None:
            span = names[i] if i == j else f"{names[i]}-{names[j]}"
            parts.append(span if w == WHOLE_DAY else f"{span} {_window_text(w)}")
        i = j + 1
    return ", ".join(parts) if parts else _NONE.get(lang, "none")


def item_day(weekday: int) -> str:
    """The short name of a weekday in the current language (Mon / lun)."""
    from deskwfm.core.i18n import language

    return _SHORT.get(language(), _SHORT["en"])[weekday]


def dates_text(off: tuple[DateRange, ...]) -> str:
    return ", ".join(a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}" for a, b in off)


def _day(name: str, item: str) -> int:
    try:
        return _DAY_OF[name]
    except KeyError:
        raise InputError(msg(
            'availability "{item}": "{name}" is not a weekday; write days like Mon-Fri 08:00-18:00, Sat',
            item=item, name=name)) from None


def _window(text: str, item: str) -> Window:
    from deskwfm.core.entry import parse_entry

    try:
        entry = parse_entry(text, {})
    except InputError:
        entry = None
    if entry is None or entry.start is None or entry.end is None or entry.break_minutes:
        raise InputError(msg(
            'availability "{item}": "{times}" is not a time range; write it like 08:00-18:00',
            item=item, times=text))
    return (entry.start.hour * 60 + entry.start.minute, entry.end.hour * 60 + entry.end.minute)


def parse_weekly(text: str) -> tuple[Window | None, ...]:
    """Weekday windows from text like ``Mon-Fri 8-18, Sat``; InputError naming the bad item."""
    clean = text.strip()
    if not clean:
        return ALWAYS.days
    if clean.lower() in _NONE_WORDS:
        return (None,) * 7
    days: list[Window | None] = [None] * 7
    seen: set[int] = set()
    for raw in clean.split(","):
        item = raw.strip()
        if not item:
            continue
        m = _ITEM.match(item.lower())
        if m is None:
            raise InputError(msg(
                'availability "{item}" is not understood; write days like Mon-Fri 08:00-18:00, Sat',
                item=item))
        first = _day(m.group(1), item)
        last = _day(m.group(2), item) if m.group(2) else first
        window = _window(m.group(3).strip(), item) if m.group(3).strip() else WHOLE_DAY
        span = [(first + k) % 7 for k in range((last - first) % 7 + 1)]
        for d in span:
            if d in seen:
                raise InputError(msg(
                    'availability "{item}": {day} is given twice', item=item, day=item_day(d)))
            seen.add(d)
            days[d] = window
    return tuple(days)


def parse_dates(text: str) -> tuple[DateRange, ...]:
    """Dates off from ``2026-12-24, 2026-12-28..2027-01-02``, sorted and merged."""
    from deskwfm.core.periods import check_plausible

    ranges: list[DateRange] = []
    for raw in text.replace(";", ",").split(","):
        item = raw.strip()
        if not item:
            continue
        first_s, sep, last_s = item.partition("..")
        try:
            first = date.fromisoformat(first_s.strip())
            last = date.fromisoformat(last_s.strip()) if sep else first
        except ValueError:
            raise InputError(msg(
                'date off "{item}" is not a date; write dates like 2026-12-24 or ranges like '
                "2026-12-28..2027-01-02", item=item)) from None
        check_plausible(first, msg("a date off"))
        check_plausible(last, msg("a date off"))
        if last < first:
            raise InputError(msg('dates off "{item}" end before they start', item=item))
        ranges.append((first, last))
    ranges.sort()
    merged: list[DateRange] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    if len(merged) > MAX_DATE_RANGES:
        raise InputError(msg("at most {n} separate dates off can be listed", n=MAX_DATE_RANGES))
    return tuple(merged)


def parse_availability(weekly: str, dates_off: str) -> Availability:
    """The one reader of both texts (dialog, template, command line, database)."""
    return Availability(parse_weekly(weekly), parse_dates(dates_off))
