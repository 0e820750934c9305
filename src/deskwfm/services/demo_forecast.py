"""The demo centre's call forecast: a weekday double peak (mid-morning and mid-afternoon)
with an evening tail and a quiet night, lighter weekends, AHT around five minutes.
Deterministic: the small day-to-day wobble comes from a seeded generator per date."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from deskwfm.core.forecast import ForecastInterval

SEED = 20261124
_WEEKDAY_FACTOR = (1.08, 1.0, 0.97, 0.98, 0.93, 0.38, 0.3)  # Monday busiest, Sunday quietest


def _calls_per_half_hour(hour: float) -> float:
    morning = 88 * math.exp(-(((hour - 10.5) / 1.7) ** 2))
    afternoon = 74 * math.exp(-(((hour - 14.75) / 2.0) ** 2))
    evening = 28 * math.exp(-(((hour - 19.5) / 1.8) ** 2))
    return 4 + morning + afternoon + evening


def _aht(hour: float) -> int:
    """Longer calls at night (fewer, harder problems), quickest at the busy peaks."""
    night = 25 * math.cos((hour - 3) / 24 * 2 * math.pi)
    return round(300 + night - 10 * math.exp(-(((hour - 11) / 3) ** 2)))


def demo_forecast(first: date, last: date, interval_minutes: int) -> list[ForecastInterval]:
    out: list[ForecastInterval] = []
    d = first
    while d <= last:
        rng = random.Random(SEED * 1000 + d.toordinal())
        day_factor = _WEEKDAY_FACTOR[d.weekday()] * rng.uniform(0.95, 1.05)
        for start in range(0, 1440, interval_minutes):
            mid = (start + interval_minutes / 2) / 60
            calls = _calls_per_half_hour(mid) * day_factor * interval_minutes / 30 * rng.uniform(0.94, 1.06)
            out.append(ForecastInterval(d, start, round(calls), _aht(mid)))
        d += timedelta(days=1)
    return out
