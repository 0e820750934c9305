"""User-facing messages as data: a key and its parameters, rendered only at the edge.

``core`` and ``services`` never build finished sentences. They return (or raise) a ``Msg``:
its key is the English text with ``{named}`` placeholders (gettext's *msgid*), its parameters
are plain values. The GUI, CLI, PDF and xlsx writers render it in the user's language through
``deskwfm.core.i18n`` (one catalog for every layer). No logic may depend on the rendered text:
compare keys, or better, the structured fields a result carries.

Placeholders take a *format spec* saying how the value is shown in the user's locale:

  ``{day:date}``   ISO date, 2026-11-24
  ``{day:day}``    weekday and ISO date, "Tue 2026-11-24" / "mar. 2026-11-24"
  ``{day:long}``   "Tuesday 24 November 2026" / "mardi 24 novembre 2026"
  ``{day:short}``  "Tue 24 Nov" / "mar. 24 nov."
  ``{day:medium}`` "Tue 24 Nov 2026" / "mar. 24 nov. 2026"
  ``{at:datetime}`` 2026-11-24 14:05 (24-hour, both languages)
  ``{t:time}``     24-hour time, 09:30
  ``{m:hours}``    minutes as decimal hours, "7.50" / "7,50"
  ``{a:money}``    an amount in the site's currency, "$1,060.00" / "1 060,00 $"
  ``{r:rate}``     an hourly rate with the precision used, "$35.625"
  ``{n:num}``      a grouped integer, "1,234" / "1 234"
  ``{x:dec}``      a decimal with the places it has, "1.5" / "1,5" (a pay multiplier)
  ``{x:agents}``   agents, one decimal when fractional, "11.5" / "11,5"
  ``{p:pct}``      a share 0..1 as a percentage, "82.3 %" / "82,3 %"
  ``{x}``          ``str(x)``; a ``Msg`` parameter is rendered in the same language, and so is
                   a value with a ``localized(lang)`` method (an employee's availability)

Plurals come from the catalog (``msg_n``), never from a hand-written "s".
Keys must be string literals (the catalog extractor reads them from the source; a test checks).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Msg:
    """A message key (English msgid) with its parameters; ``plural``/``count`` for ngettext."""

    key: str
    params: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    plural: str | None = None
    count: int | None = None
    # Text that is not to be translated (a file's own words, a driver's one-line reason).
    verbatim: bool = False

    def __str__(self) -> str:
        from deskwfm.core.i18n import render

        return render(self)

    def with_params(self, **params: Any) -> Msg:
        return Msg(self.key, {**self.params, **params}, self.plural, self.count, self.verbatim)


def msg(key: str, /, **params: Any) -> Msg:
    """A translatable message: ``msg('no employee with code {code}', code=c)``."""
    return Msg(key, MappingProxyType(params) if params else _EMPTY)


def msg_n(singular: str, plural: str, count: int, /, **params: Any) -> Msg:
    """A message whose wording depends on ``count`` (also available as ``{count}``)."""
    return Msg(singular, MappingProxyType({"count": count, **params}), plural, count)


def verbatim(text: str) -> Msg:
    """Text shown as it is, in every language (a value from a file, a name)."""
    return Msg(text, _EMPTY, verbatim=True)


def as_msg(value: Msg | str) -> Msg:
    """A Msg as is; a plain string (legacy English text) as verbatim text."""
    return value if isinstance(value, Msg) else verbatim(value)


def N_(key: str) -> str:  # noqa: N802 - the gettext convention the extractor looks for
    """Mark a literal for the catalog without translating it here (labels in tables)."""
    return key
