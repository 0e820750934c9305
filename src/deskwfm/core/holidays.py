"""Statutory holidays for a site's region, from the ``holidays`` package (observed=False).

Regions: ``CA-ON`` style (country-subdivision, the subdivision's public holidays), ``CA``
(Canada federal: the Canada Labour Code s.166 general holidays, which the package files
under its "government" category), ``US`` or ``US-CA`` style, or ``NONE``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from deskwfm.core.errors import InputError


@lru_cache(maxsize=64)
def _year(region: str, year: int) -> tuple[tuple[date, str], ...]:
    import holidays as hol

    country, _, subdiv = region.partition("-")
    categories: tuple[str, ...] = ("public",)
    if country == "CA" and not subdiv:
        categories = ("government",)
    try:
        h = hol.country_holidays(
            country, subdiv=subdiv or None, years=year, observed=False, categories=categories
        )
    except (NotImplementedError, KeyError) as exc:
        raise InputError(
            f"unknown holiday region {region!r}; write a country or country-subdivision code such as "
            "CA-ON, CA (federal), US-CA, or NONE"
        ) from exc
    return tuple(sorted(h.items()))


def validate_region(region: str) -> str:
    """Normalise and check a region code; InputError if the holidays package doesn't know it."""
    r = region.strip().upper()
    if r != "NONE":
        _year(r, 2026)
    return r


def holidays_between(region: str, start: date, end: date) -> dict[date, str]:
    """Holidays in start..end for a region such as ``CA-ON``, ``CA`` (federal), ``US-CA``."""
    r = region.strip().upper()
    if r in ("", "NONE"):
        return {}
    out: dict[date, str] = {}
    for y in range(start.year, end.year + 1):
        for d, name in _year(r, y):
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
