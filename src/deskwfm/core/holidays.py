"""Statutory holidays for a site's region, from the ``holidays`` package (observed=False).

Regions: ``CA-ON`` style (country-subdivision, the subdivision's public holidays), ``CA``
(Canada federal: the Canada Labour Code s.166 general holidays, which the package files
under its "government" category), ``US`` or ``US-CA`` style, or ``NONE``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg

NO_REGION = "NONE"
YearLookup = Callable[[str, int], Iterable[tuple[date, str]]]


def _unknown(region: str) -> InputError:
    return InputError(
        msg(
            'unknown holiday region "{region}"; write a country or country-subdivision code such as '
            "CA-ON, CA (federal), US-CA, or NONE",
            region=region,
        )
    )


@lru_cache(maxsize=64)
def holidays_in_year(region: str, year: int, lang: str | None = None) -> tuple[tuple[date, str], ...]:
    """The holidays package's answer for one normalised region and year (sorted), the names in
    ``lang`` (default: the current language) where the package has them (Canada's in French:
    "Jour de l'an"), else in its own language. Only the names differ: the dates are the same."""
    import holidays as hol

    from deskwfm.core.i18n import language

    country, _, subdiv = region.partition("-")
    categories: tuple[str, ...] = ("public",)
    if country == "CA" and not subdiv:
        categories = ("government",)
    try:
        h = hol.country_holidays(
            country, subdiv=subdiv or None, years=year, observed=False, categories=categories,
            language=_HOLIDAY_LANGUAGES.get(lang or language()),
        )
    except (NotImplementedError, KeyError) as exc:
        raise _unknown(region) from exc
    return tuple(sorted(h.items()))


# deskwfm's language -> the holidays package's (None: the country's default, English for CA/US)
_HOLIDAY_LANGUAGES = {"fr": "fr"}


def normalise_region(region: str) -> str:
    """``ca-on `` -> ``CA-ON``; blank -> ``NONE`` (no statutory holidays)."""
    r = region.strip().upper()
    return r or NO_REGION


def validate_region(region: str) -> str:
    """The normalised region code; InputError unless the holidays package knows the country
    and, if one is given, its subdivision (naming a few that exist)."""
    r = normalise_region(region)
    if r == NO_REGION:
        return r
    import holidays as hol

    country, _, subdiv = r.partition("-")
    supported = hol.list_supported_countries()
    if country not in supported:
        raise _unknown(region.strip())
    if subdiv and subdiv not in supported[country]:
        raise InputError(
            msg(
                'unknown holiday region "{region}"; {country} has regions such as {some}',
                region=region.strip(),
                country=country,
                some=", ".join(f"{country}-{s}" for s in supported[country][:6]),
            )
        )
    holidays_in_year(r, 2026)
    return r


def holidays_between(region: str, start: date, end: date, year: YearLookup | None = None) -> dict[date, str]:
    """Holidays in start..end for a region such as ``CA-ON``, ``CA`` (federal), ``US-CA``.
    ``year`` answers one (region, year) (default: the holidays package; the services pass
    their on-disk cache)."""
    r = normalise_region(region)
    if r == NO_REGION:
        return {}
    lookup = year or holidays_in_year
    out: dict[date, str] = {}
    for y in range(start.year, end.year + 1):
        for d, name in lookup(r, y):
            if start <= d <= end:
                out[d] = name
    return out


def supported_regions() -> tuple[str, ...]:
    """Region codes to offer: Canada and the US with their provinces/states first, then other
    countries where contact centres commonly are, then NONE."""
    import holidays as hol

    supported = hol.list_supported_countries()
    regions: list[str] = []
    for country in ("CA", "US"):
        regions.append(country)
        regions.extend(f"{country}-{sub}" for sub in supported.get(country, ()))
    regions.extend(c for c in ("GB", "IE", "AU", "NZ", "MX", "PH", "IN", "ZA") if c in supported)
    regions.append("NONE")
    return tuple(regions)
