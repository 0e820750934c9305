"""Statutory holidays for a site's region (the ``holidays`` package, observed=False)."""

from __future__ import annotations

from datetime import date


def holidays_between(region: str, start: date, end: date) -> dict[date, str]:
    """Holidays in start..end for a region such as ``CA-ON``, ``CA`` (federal), ``US-CA``."""
    raise NotImplementedError
